// name: stage_moves
// question_zh: 两期台账之间哪些项目的阶段变了（签约→落地、落地→开工……）？
// question_en: Which projects moved stage between two reports (签约→落地 signed to landed, 落地→开工 landed to started, …)?
// params:
//   $since: date — the earlier report date: each project's latest report on or before it, e.g. 2018-10-31
//   $until: date — the later report date: each project's latest report on or before it, e.g. 2018-11-30
// columns: project, county, from_stage, to_stage, from_as_of, to_as_of, status
// example: jinshang query run stage_moves -p since=2018-10-31 -p until=2018-11-30
MATCH (p:Project)-[r:REPORTED]->(s:Source)
WHERE r.as_of IS NOT NULL AND r.as_of <= $until AND r.stage IS NOT NULL
WITH p, r ORDER BY r.as_of
WITH p, collect(r) AS reports
WITH p, [x IN reports WHERE x.as_of <= $since] AS before, reports
WHERE size(before) > 0
WITH p, before[-1] AS a, reports[-1] AS b
WHERE a.as_of < b.as_of AND a.stage <> b.stage
RETURN p.name AS project,
       [(p)-[:LOCATED_IN]->(c:County) | c.name][0] AS county,
       a.stage AS from_stage,
       b.stage AS to_stage,
       a.as_of AS from_as_of,
       b.as_of AS to_as_of,
       p.status AS status
ORDER BY CASE from_stage WHEN '推介' THEN 1 WHEN '在谈' THEN 2 WHEN '签约' THEN 3 WHEN '落地' THEN 4
                         WHEN '开工' THEN 5 ELSE 6 END,
         CASE to_stage WHEN '推介' THEN 1 WHEN '在谈' THEN 2 WHEN '签约' THEN 3 WHEN '落地' THEN 4
                       WHEN '开工' THEN 5 ELSE 6 END, project
