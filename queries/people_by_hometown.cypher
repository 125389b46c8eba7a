// name: people_by_hometown
// question_zh: 哪些人籍贯在某地（乡情纽带）？他们任何职、是否为招商大使？
// question_en: Who comes from a given place (hometown ties), what posts do they hold, and are they ambassadors?
// params:
//   $place: string = null — a county, city or province (name or id; null: every place)
// columns: person, native_of, place_label, posts, ambassador_of
// example: jinshang query run people_by_hometown -p place=山西省
MATCH (p:Person)-[:NATIVE_OF]->(home)
WHERE $place IS NULL OR home.name = $place OR home.id = $place
RETURN p.name AS person,
       home.name AS native_of,
       labels(home)[0] AS place_label,
       [(p)-[h:HOLDS_POST]->(o) | o.name + ' ' + h.title] AS posts,
       [(p)-[:AMBASSADOR_OF]->(c:City) | c.name] AS ambassador_of
ORDER BY native_of, person
