// name: source_facts
// question_zh: 某个来源说了些什么（它支持的所有节点和关系）？
// question_en: Everything a given source says: every node and relationship it supports.
// params:
//   $source: string — the source's id, name or title, e.g. 忻州日报-2018-01-11
//   $kind: string = null — node or relationship (null: both)
// columns: kind, type, fact, id, synthetic
// example: jinshang query run source_facts -p source=忻州日报-2018-01-11 -p kind=relationship
//
// synthetic repeats the source's flag on every row, so generated data is never shown unmarked.
MATCH (s:Source) WHERE s.id = $source OR s.name = $source OR s.title = $source
MATCH (n) WHERE s.id IN n.sources AND NOT n:Source AND ($kind IS NULL OR $kind = 'node')
RETURN 'node' AS kind,
       [x IN labels(n) WHERE x <> 'Organization'][0] AS type,
       n.name AS fact,
       n.id AS id,
       s.synthetic AS synthetic
UNION ALL
MATCH (s:Source) WHERE s.id = $source OR s.name = $source OR s.title = $source
MATCH (a)-[r]->(b) WHERE s.id IN r.sources AND ($kind IS NULL OR $kind = 'relationship')
RETURN 'relationship' AS kind,
       type(r) AS type,
       a.name + ' -[' + type(r) + ']-> ' + b.name
         + reduce(t = '', k IN [k IN keys(r) WHERE k <> 'sources'] | t + ' ' + k + '=' + toString(r[k])) AS fact,
       a.id + ' -> ' + b.id AS id,
       s.synthetic AS synthetic
