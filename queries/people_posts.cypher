// name: people_posts
// question_zh: 人物及其任职（按时间排列）。
// question_en: People and the posts they hold, over time.
// params:
//   $person: string = null — one person's name or id (null: everyone)
// columns: person, title, organization, organization_kind, as_of, sources
// example: jinshang query run people_posts -p person=高山
//
// Two posts of one person in one organization are two facts (each with its own date and
// sources), so a change of post over time shows as two rows.
MATCH (p:Person)-[h:HOLDS_POST]->(o)
WHERE $person IS NULL OR p.name = $person OR p.id = $person
RETURN p.name AS person,
       h.title AS title,
       o.name AS organization,
       [l IN labels(o) WHERE l <> 'Organization'][0] AS organization_kind,
       h.as_of AS as_of,
       h.sources AS sources
ORDER BY person, as_of, title
