// name: discussed_not_signed
// question_zh: 哪些项目已洽谈但尚未签约（在谈项目储备）？在哪个活动上洽谈、与谁对接？
// question_en: Which projects were discussed but not yet signed (the pipeline), at which events, and with whom?
// params:
//   $county: string = null — only projects located in this county (null: all)
// columns: project, stage, county, industries, discussed_at, counterparts
// example: jinshang query run discussed_not_signed
//
// counterparts are the companies and organizations that attended the event where the project
// was discussed (the graph does not tie a counterpart to one project).
MATCH (e:Event)-[:DISCUSSED]->(p:Project)
WHERE NOT EXISTS { (:Event)-[:SIGNED]->(p) }
  AND ($county IS NULL OR EXISTS { (p)-[:LOCATED_IN]->(c:County) WHERE c.name = $county OR c.id = $county })
RETURN p.name AS project,
       p.stage AS stage,
       [(p)-[:LOCATED_IN]->(c:County) | c.name][0] AS county,
       [(p)-[:IN_INDUSTRY]->(i:Industry) | i.name] AS industries,
       toString(e.date) + ' ' + e.name AS discussed_at,
       [(x)-[:ATTENDED]->(e) WHERE (x:Company OR x:Organization) AND NOT x:Chamber | x.name] AS counterparts
ORDER BY discussed_at, project
