// name: events_calendar
// question_zh: 某年的招商活动日程：时间、地点、类型、主办方、参会人数。
// question_en: A year's promotion events in date order: where, what kind, who organized them, how many attended.
// params:
//   $year: int = null — the year (null: every year)
// columns: date, end_date, event, kind, city, organizers, attendance, attendees
// example: jinshang query run events_calendar -p year=2017
MATCH (e:Event)
WHERE $year IS NULL OR e.date.year = $year
RETURN e.date AS date,
       e.end_date AS end_date,
       e.name AS event,
       e.kind AS kind,
       [(e)-[:HELD_IN]->(c:City) | c.name][0] AS city,
       [(o)-[r:ORGANIZED]->(e) | o.name + ' ' + r.role] AS organizers,
       e.attendance AS attendance,
       COUNT { ()-[:ATTENDED]->(e) } AS attendees
ORDER BY date, event
