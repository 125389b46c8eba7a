// name: ambassadors
// question_zh: 某市的招商引资大使是谁？他们与哪些地方、活动、组织和项目相关？
// question_en: Who are a city's investment ambassadors, and what are they tied to (hometown, events, posts, projects)?
// params:
//   $city: string = 忻州市 — the city that appointed them
// columns: ambassador, appointed_on, native_of, events, posts, projects_introduced
// example: jinshang query run ambassadors -p city=忻州市
MATCH (p:Person)-[a:AMBASSADOR_OF]->(city:City)
WHERE city.name = $city OR city.id = $city
RETURN p.name AS ambassador,
       a.appointed_on AS appointed_on,
       [(p)-[:NATIVE_OF]->(home) | home.name] AS native_of,
       [(p)-[:ATTENDED]->(e:Event) | toString(e.date) + ' ' + e.name] AS events,
       [(p)-[h:HOLDS_POST]->(o) | o.name + ' ' + h.title] AS posts,
       [(p)-[:INTRODUCED]->(pr:Project) | pr.name] AS projects_introduced
ORDER BY appointed_on, ambassador
