// name: sources_overview
// question_zh: 图谱中有哪些来源？各支持多少节点和关系？哪些是合成数据？
// question_en: Which sources does the graph hold, how many nodes and relationships does each support, and which are synthetic?
// params: none
// columns: source, title, publisher, date, kind, synthetic, nodes, relationships
// example: jinshang query run sources_overview
MATCH (s:Source)
RETURN s.id AS source,
       s.title AS title,
       s.publisher AS publisher,
       s.date AS date,
       s.kind AS kind,
       s.synthetic AS synthetic,
       COUNT { MATCH (n) WHERE s.id IN n.sources AND NOT n:Source } AS nodes,
       COUNT { MATCH ()-[r]->() WHERE s.id IN r.sources } AS relationships
ORDER BY synthetic, date, source
