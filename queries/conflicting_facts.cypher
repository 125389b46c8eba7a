// name: conflicting_facts
// question_zh: 哪些事实的说法不一致（同一对节点之间同类关系有不同的属性，如同一人在同一商会的两个职务）？各自来源是什么？
// question_en: Which facts disagree (two relationships of one type between the same two nodes with different properties, e.g. one person's two posts in one chamber), and what are their sources?
// params:
//   $type: string = null — only this relationship type, e.g. HOLDS_POST (null: every type)
// columns: type, start, end, fact_a, fact_b, sources_a, sources_b, same_sources
// example: jinshang query run conflicting_facts -p type=HOLDS_POST
//
// The graph keeps a fact stated differently (by two sources, or by one source at two dates) as
// two facts; this lists every such pair once, the earlier-dated (or first-created) one as fact_a.
MATCH (a)-[r1]->(b)<-[r2]-(a)
WHERE type(r1) = type(r2) AND elementId(r1) <> elementId(r2)
  AND ($type IS NULL OR type(r1) = $type)
  AND any(k IN keys(r1) + keys(r2) WHERE k <> 'sources' AND (r1[k] IS NULL OR r2[k] IS NULL OR r1[k] <> r2[k]))
WITH a, b, r1, r2,
     [k IN keys(r1) WHERE k <> 'sources' | k + '=' + toString(r1[k])] AS fact_a,
     [k IN keys(r2) WHERE k <> 'sources' | k + '=' + toString(r2[k])] AS fact_b,
     coalesce(toString(r1.as_of), toString(r1.since), toString(r1.appointed_on), '') AS date_a,
     coalesce(toString(r2.as_of), toString(r2.since), toString(r2.appointed_on), '') AS date_b
// each unordered pair once: order by date, then by element id
WHERE date_a < date_b OR (date_a = date_b AND elementId(r1) < elementId(r2))
RETURN type(r1) AS type,
       a.name AS start,
       b.name AS end,
       fact_a,
       fact_b,
       r1.sources AS sources_a,
       r2.sources AS sources_b,
       r1.sources = r2.sources AS same_sources
ORDER BY type, start, end, date_a
