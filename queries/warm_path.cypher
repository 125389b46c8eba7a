// name: warm_path
// question_zh: 从某人或某商会到某县最短的“热路径”是什么（经由活动、任职、会员、引荐、项目，而不经过城市或省份）？
// question_en: What is the shortest warm path from a person or chamber to a county (through events, posts, memberships, introductions and projects, never through a city or province)?
// params:
//   $from: string — name or id of the person, chamber, company or organization to start from
//   $county: string — the county's name or id, e.g. 代县
// columns: hops, path, node_ids
// example: jinshang query run warm_path -p from=闫国军 -p county=代县
//
// Cities and provinces are hubs (the city's own delegation attends every event), so a path
// through one is not a warm tie and they are excluded as intermediate nodes. Up to 8 hops.
MATCH (a) WHERE (a:Person OR a:Organization OR a:Company) AND (a.name = $from OR a.id = $from)
MATCH (c:County) WHERE c.name = $county OR c.id = $county
MATCH p = shortestPath((a)-[:ATTENDED|SIGNED|DISCUSSED|LOCATED_IN|HOLDS_POST|MEMBER_OF|INTRODUCED|INVESTS_IN|NATIVE_OF|ORGANIZED*..8]-(c))
WHERE all(n IN nodes(p)[1..-1] WHERE NOT n:City AND NOT n:Province)
WITH p, nodes(p) AS ns, relationships(p) AS rs
RETURN length(p) AS hops,
       ns[0].name + reduce(s = '', i IN range(0, size(rs) - 1) |
         s + CASE WHEN startNode(rs[i]) = ns[i] THEN ' -[' + type(rs[i]) + ']-> ' ELSE ' <-[' + type(rs[i]) + ']- ' END
           + CASE WHEN ns[i + 1]:Event THEN toString(ns[i + 1].date) + ' ' + ns[i + 1].name ELSE ns[i + 1].name END) AS path,
       [n IN ns | n.id] AS node_ids
