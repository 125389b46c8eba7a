// name: county_reach
// question_zh: 每个县被多少活动、商会和招商大使触达？按触达程度从少到多排列。
// question_en: How many events, chambers and ambassadors reach each county? Least reached first.
// params:
//   $city: string = 忻州市 — the city whose counties to cover
//   $year: int = null — count only events of this year (null: every year)
// columns: county, kind, admin_code, events, chambers, ambassadors, event_dates, chamber_names, ambassador_names
// example: jinshang query run county_reach -p year=2017
//
// An event reaches a county when the county (or a body based in it) attended it, or a project
// located in the county was signed or discussed there. A chamber reaches a county when it attended
// such an event or introduced a project located there; an ambassador likewise, or by hometown.
MATCH (c:County)-[:PART_OF]->(city:City)
WHERE city.name = $city OR city.id = $city
OPTIONAL MATCH (e:Event)
WHERE ($year IS NULL OR e.date.year = $year)
  AND (EXISTS { (c)-[:ATTENDED]->(e) }
       OR EXISTS { (e)-[:SIGNED|DISCUSSED]->(:Project)-[:LOCATED_IN]->(c) }
       OR EXISTS { (c)<-[:BASED_IN]-(:Organization)-[:ATTENDED]->(e) })
WITH c, collect(e) AS events
OPTIONAL MATCH (ch:Chamber)
WHERE EXISTS { (ch)-[:ATTENDED]->(x:Event) WHERE x IN events }
   OR EXISTS { (ch)-[:INTRODUCED]->(:Project)-[:LOCATED_IN]->(c) }
WITH c, events, collect(ch.name) AS chambers
OPTIONAL MATCH (p:Person)-[:AMBASSADOR_OF]->(:City)
WHERE EXISTS { (p)-[:ATTENDED]->(x:Event) WHERE x IN events }
   OR EXISTS { (p)-[:INTRODUCED]->(:Project)-[:LOCATED_IN]->(c) }
   OR EXISTS { (p)-[:NATIVE_OF]->(c) }
WITH c, events, chambers, collect(DISTINCT p.name) AS ambassadors
RETURN c.name AS county,
       c.kind AS kind,
       c.admin_code AS admin_code,
       size(events) AS events,
       size(chambers) AS chambers,
       size(ambassadors) AS ambassadors,
       [e IN events | toString(e.date)] AS event_dates,
       chambers AS chamber_names,
       ambassadors AS ambassador_names
ORDER BY events + chambers + ambassadors, events, county
