// name: chamber_companies_at_events
// question_zh: 某商会的会员企业在某一年参加了哪些活动？
// question_en: Which member companies of a chamber attended events in a given year, and which?
// params:
//   $chamber: string — the chamber's name, id or alias, e.g. 广东山西商会
//   $year: int = 2017 — the year of the events
// columns: company, membership, event_date, event, city, role
// example: jinshang query run chamber_companies_at_events -p chamber=广东山西商会 -p year=2017
MATCH (co:Company)-[m:MEMBER_OF]->(ch:Chamber)
WHERE ch.name = $chamber OR ch.id = $chamber OR $chamber IN coalesce(ch.aliases, [])
MATCH (co)-[a:ATTENDED]->(e:Event)
WHERE e.date.year = $year
OPTIONAL MATCH (e)-[:HELD_IN]->(city:City)
RETURN co.name AS company,
       m.title AS membership,
       e.date AS event_date,
       e.name AS event,
       city.name AS city,
       a.role AS role
ORDER BY event_date, company
