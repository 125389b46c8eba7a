// name: chamber_profile
// question_zh: 某个商会的概况：谁在其中任职、有哪些会员企业、参加了哪些活动、引荐或在其参加的活动上签约了哪些项目？
// question_en: A chamber's profile: who holds posts in it, its member companies, the events it attended, and the projects it introduced or that were signed at events it attended.
// params:
//   $chamber: string — the chamber's name, id or one of its aliases, e.g. 广东山西商会
// columns: chamber, level, based_in, posts, members, events, projects_introduced, projects_signed_where_attended, liaison_office_of
// example: jinshang query run chamber_profile -p chamber=广东山西商会
MATCH (c:Chamber)
WHERE c.name = $chamber OR c.id = $chamber OR $chamber IN coalesce(c.aliases, [])
RETURN c.name AS chamber,
       c.level AS level,
       [(c)-[:BASED_IN]->(place) | place.name] AS based_in,
       [(p:Person)-[h:HOLDS_POST]->(c) | p.name + ' ' + h.title + coalesce(' (' + toString(h.as_of) + ')', '')] AS posts,
       [(co:Company)-[m:MEMBER_OF]->(c) | co.name + coalesce(' ' + m.title, '')] AS members,
       [(c)-[:ATTENDED]->(e:Event) | toString(e.date) + ' ' + e.name] AS events,
       [(c)-[:INTRODUCED]->(pr:Project) | pr.name] AS projects_introduced,
       [(c)-[:ATTENDED]->(e:Event)-[:SIGNED]->(pr:Project) | pr.name] AS projects_signed_where_attended,
       [(c)-[l:LIAISON_OFFICE_OF]->(city:City) | city.name + coalesce(' (' + toString(l.since) + ')', '')] AS liaison_office_of
