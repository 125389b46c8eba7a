// name: stage_funnel_by_county
// question_zh: 各县项目在各阶段的数量和投资额（项目漏斗）。
// question_en: How many projects, and how much investment, each county has at each stage (the project funnel).
// params:
//   $city: string = 忻州市 — the city whose counties to cover
// columns: county, stage, projects, amount_yi, projects_without_amount
// example: jinshang query run stage_funnel_by_county
//
// Projects with no county recorded are grouped under county null; amount_yi sums only the
// projects that carry an amount (projects_without_amount says how many do not).
MATCH (pr:Project)
OPTIONAL MATCH (pr)-[:LOCATED_IN]->(c:County)-[:PART_OF]->(city:City)
WITH pr, c, city
WHERE c IS NULL OR city.name = $city OR city.id = $city
RETURN c.name AS county,
       pr.stage AS stage,
       count(pr) AS projects,
       sum(pr.amount_yi) AS amount_yi,
       sum(CASE WHEN pr.amount_yi IS NULL THEN 1 ELSE 0 END) AS projects_without_amount
ORDER BY county IS NULL, county,
         CASE stage WHEN '推介' THEN 1 WHEN '在谈' THEN 2 WHEN '签约' THEN 3 WHEN '落地' THEN 4
                    WHEN '开工' THEN 5 WHEN '投产' THEN 6 ELSE 7 END
