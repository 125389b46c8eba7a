// name: events_by_signed_amount
// question_zh: 哪些招商活动签约金额最高？按签约金额排列活动。
// question_en: Which promotion events signed the most investment? Events ranked by signed amount.
// params:
//   $year: int = null — only events of this year (null: every year)
//   $limit: int = 20 — how many events to return
// columns: date, event, city, kind, signed_count, signed_total_yi, signed_projects, chambers
// example: jinshang query run events_by_signed_amount -p year=2017 -p limit=5
//
// signed_count and signed_total_yi are the event's figures as reported (signed, not landed);
// signed_projects counts the projects recorded with a SIGNED edge. Events without a reported
// amount sort last (in Cypher null sorts first in DESC order, hence the coalesce).
MATCH (e:Event)
WHERE $year IS NULL OR e.date.year = $year
OPTIONAL MATCH (e)-[:HELD_IN]->(city:City)
RETURN e.date AS date,
       e.name AS event,
       city.name AS city,
       e.kind AS kind,
       e.signed_count AS signed_count,
       e.signed_total_yi AS signed_total_yi,
       COUNT { (e)-[:SIGNED]->(:Project) } AS signed_projects,
       COUNT { (:Chamber)-[:ATTENDED]->(e) } AS chambers
ORDER BY coalesce(e.signed_total_yi, -1.0) DESC, coalesce(e.signed_count, -1) DESC, date
LIMIT $limit
