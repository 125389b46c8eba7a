// name: fact_provenance
// question_zh: 某个事实来自哪里？列出某节点（及其某类关系）的来源、发布者、日期，以及是否为合成数据。
// question_en: Where does a given fact come from? The sources of a node (and of its relationships of one type), with publisher, date and whether they are synthetic.
// params:
//   $node: string — the node's name or id, e.g. 高山
//   $type: string = null — also its relationships of this type, e.g. HOLDS_POST (null: the node alone)
//   $other: string = null — only relationships to or from this node (name or id)
// columns: fact, source, title, publisher, date, synthetic
// example: jinshang query run fact_provenance -p node=高山 -p type=HOLDS_POST
MATCH (n) WHERE (n.name = $node OR n.id = $node) AND NOT n:Source
UNWIND n.sources AS sid
MATCH (s:Source {id: sid})
RETURN n.id AS fact, s.id AS source, s.title AS title, s.publisher AS publisher, s.date AS date,
       s.synthetic AS synthetic
UNION ALL
MATCH (n)-[r]-(o) WHERE (n.name = $node OR n.id = $node) AND NOT n:Source
  AND $type IS NOT NULL AND type(r) = $type
  AND ($other IS NULL OR o.name = $other OR o.id = $other)
UNWIND r.sources AS sid
MATCH (s:Source {id: sid})
RETURN startNode(r).name + ' -[' + type(r) + ']-> ' + endNode(r).name
         + reduce(t = '', k IN [k IN keys(r) WHERE k <> 'sources'] | t + ' ' + k + '=' + toString(r[k])) AS fact,
       s.id AS source, s.title AS title, s.publisher AS publisher, s.date AS date, s.synthetic AS synthetic
