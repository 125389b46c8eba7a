// name: co_attendance
// question_zh: 某人或某商会在哪些活动上与谁见过面？
// question_en: Whom did a person or chamber meet, and at which events (co-attendance)?
// params:
//   $name: string — name or id of the person, chamber, company, county or other attendee
//   $label: string = null — only others with this label, e.g. Chamber or Person (null: everyone)
//   $year: int = null — only events of this year (null: every year)
// columns: other, other_label, shared_events, events
// example: jinshang query run co_attendance -p name=高山 -p label=Chamber
MATCH (a)-[:ATTENDED]->(e:Event)<-[:ATTENDED]-(o)
WHERE (a.name = $name OR a.id = $name) AND o <> a
  AND ($year IS NULL OR e.date.year = $year)
  AND ($label IS NULL OR $label IN labels(o))
WITH o, e ORDER BY e.date
RETURN o.name AS other,
       [x IN labels(o) WHERE x <> 'Organization'][0] AS other_label,
       count(DISTINCT e) AS shared_events,
       collect(DISTINCT toString(e.date) + ' ' + e.name) AS events
ORDER BY shared_events DESC, other
