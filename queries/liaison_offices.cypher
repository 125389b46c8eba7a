// name: liaison_offices
// question_zh: 某市的招商引资联络处有哪些？设在哪里，何时授牌，参加过哪些活动？
// question_en: Which chambers or bodies are a city's investment liaison offices, where are they, since when, and which events did they attend?
// params:
//   $city: string = 忻州市 — the city whose liaison offices to list
// columns: office, kind, based_in, since, events, posts
// example: jinshang query run liaison_offices
MATCH (o)-[l:LIAISON_OFFICE_OF]->(city:City)
WHERE city.name = $city OR city.id = $city
RETURN o.name AS office,
       [x IN labels(o) WHERE x <> 'Organization'][0] AS kind,
       [(o)-[:BASED_IN]->(place) | place.name] AS based_in,
       l.since AS since,
       [(o)-[:ATTENDED]->(e:Event) | toString(e.date) + ' ' + e.name] AS events,
       [(p:Person)-[h:HOLDS_POST]->(o) | p.name + ' ' + h.title] AS posts
ORDER BY since, office
