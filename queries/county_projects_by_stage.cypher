// name: county_projects_by_stage
// question_zh: 某县的项目按阶段（推介、在谈、签约、落地、开工、投产）列出，并注明在哪个活动签约或洽谈。
// question_en: A county's projects by stage (promoted, negotiating, signed, landed, started, in production), with the events where they were signed or discussed.
// params:
//   $county: string — the county's name or id, e.g. 代县
//   $stage: string = null — only this stage, e.g. 签约 (null: every stage)
// columns: stage, project, amount_yi, signed_on, signed_at, discussed_at, industries, investors
// example: jinshang query run county_projects_by_stage -p county=代县
MATCH (pr:Project)-[:LOCATED_IN]->(c:County)
WHERE (c.name = $county OR c.id = $county) AND ($stage IS NULL OR pr.stage = $stage)
RETURN pr.stage AS stage,
       pr.name AS project,
       pr.amount_yi AS amount_yi,
       pr.signed_on AS signed_on,
       [(e:Event)-[:SIGNED]->(pr) | toString(e.date) + ' ' + e.name] AS signed_at,
       [(e:Event)-[:DISCUSSED]->(pr) | toString(e.date) + ' ' + e.name] AS discussed_at,
       [(pr)-[:IN_INDUSTRY]->(i:Industry) | i.name] AS industries,
       [(co:Company)-[:INVESTS_IN]->(pr) | co.name] AS investors
ORDER BY CASE pr.stage WHEN '推介' THEN 1 WHEN '在谈' THEN 2 WHEN '签约' THEN 3 WHEN '落地' THEN 4
                       WHEN '开工' THEN 5 WHEN '投产' THEN 6 ELSE 7 END, project
