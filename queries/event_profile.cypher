// name: event_profile
// question_zh: 某场活动的全貌：谁主办、谁参加、签约和洽谈了哪些项目？
// question_en: An event and everything around it: who organized and attended it, which projects were signed or discussed there.
// params:
//   $date: date — the event's first day, e.g. 2017-05-12
//   $city: string = null — the city it was held in, when two events share a date (null: any)
// columns: event, relation, role, label, name
// example: jinshang query run event_profile -p date=2017-05-12
MATCH (e:Event {date: $date})
WHERE $city IS NULL OR EXISTS { (e)-[:HELD_IN]->(c:City) WHERE c.name = $city OR c.id = $city }
MATCH (e)-[r]-(x)
WHERE type(r) IN ['ORGANIZED', 'ATTENDED', 'SIGNED', 'DISCUSSED', 'HELD_IN', 'PART_OF']
RETURN e.name AS event,
       type(r) AS relation,
       r.role AS role,
       [l IN labels(x) WHERE l <> 'Organization'][0] AS label,
       x.name AS name
ORDER BY event,
         CASE type(r) WHEN 'HELD_IN' THEN 1 WHEN 'PART_OF' THEN 2 WHEN 'ORGANIZED' THEN 3 WHEN 'ATTENDED' THEN 4
                      WHEN 'SIGNED' THEN 5 ELSE 6 END,
         label, name
