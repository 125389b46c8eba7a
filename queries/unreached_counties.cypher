// name: unreached_counties
// question_zh: 哪些县没有任何商会、招商大使或招商活动触达？
// question_en: Which counties does no chamber, ambassador or event reach?
// params:
//   $city: string = 忻州市 — the city whose counties to check
//   $year: int = null — count only events of this year (null: every year)
// columns: county, kind, admin_code, projects
// example: jinshang query run unreached_counties -p year=2017
//
// Same notion of reach as county_reach: an event reaches a county the county (or a body based in
// it) attended, or where a project located in it was signed or discussed; a chamber or ambassador
// reaches it through such an event or a project it introduced there (an ambassador also by hometown).
MATCH (c:County)-[:PART_OF]->(city:City)
WHERE city.name = $city OR city.id = $city
OPTIONAL MATCH (e:Event)
WHERE ($year IS NULL OR e.date.year = $year)
  AND (EXISTS { (c)-[:ATTENDED]->(e) }
       OR EXISTS { (e)-[:SIGNED|DISCUSSED]->(:Project)-[:LOCATED_IN]->(c) }
       OR EXISTS { (c)<-[:BASED_IN]-(:Organization)-[:ATTENDED]->(e) })
WITH c, collect(e) AS events
WHERE size(events) = 0
  AND NOT EXISTS { (:Chamber)-[:INTRODUCED]->(:Project)-[:LOCATED_IN]->(c) }
  AND NOT EXISTS { (p:Person)-[:INTRODUCED]->(:Project)-[:LOCATED_IN]->(c) WHERE EXISTS { (p)-[:AMBASSADOR_OF]->(:City) } }
  AND NOT EXISTS { (p:Person)-[:NATIVE_OF]->(c) WHERE EXISTS { (p)-[:AMBASSADOR_OF]->(:City) } }
RETURN c.name AS county,
       c.kind AS kind,
       c.admin_code AS admin_code,
       COUNT { (:Project)-[:LOCATED_IN]->(c) } AS projects
ORDER BY admin_code IS NULL, admin_code, county
