// name: projects_by_industry
// question_zh: 各产业有多少项目，处于什么阶段，位于哪些县？
// question_en: How many projects each industry has, at which stages, and in which counties.
// params:
//   $industry: string = null — one industry's name or id (null: every industry)
// columns: industry, projects, signed_or_beyond, negotiating, counties, project_names
// example: jinshang query run projects_by_industry -p industry=文化旅游
MATCH (i:Industry)
WHERE $industry IS NULL OR i.name = $industry OR i.id = $industry
OPTIONAL MATCH (p:Project)-[:IN_INDUSTRY]->(i)
WITH i, collect(p) AS ps
RETURN i.name AS industry,
       size(ps) AS projects,
       size([p IN ps WHERE p.stage IN ['签约', '落地', '开工', '投产']]) AS signed_or_beyond,
       size([p IN ps WHERE p.stage = '在谈']) AS negotiating,
       reduce(cs = [], p IN ps | cs + [c IN [(p)-[:LOCATED_IN]->(k:County) | k.name] WHERE NOT c IN cs]) AS counties,
       [p IN ps | p.name] AS project_names
ORDER BY projects DESC, industry
