// name: project_history
// question_zh: 某项目在每期台账中的填报情况：报告日期、来源、阶段、总投资、到位资金、状态（终止、暂停、停滞）。
// question_en: What each report (ledger as of a date) gave for a project: as-of date, source, stage, total investment, funds in place and status (terminated, paused, stalled).
// params:
//   $project: string — the project's name or id, e.g. 原平市同川梨深加工项目
// columns: as_of, source, stage, amount_yi, funds_in_place_yi, status
// example: jinshang query run project_history -p project=原平市同川梨深加工项目
MATCH (p:Project)-[r:REPORTED]->(s:Source)
WHERE p.name = $project OR p.id = $project
RETURN r.as_of AS as_of,
       s.id AS source,
       r.stage AS stage,
       r.amount_yi AS amount_yi,
       r.funds_in_place_yi AS funds_in_place_yi,
       r.status AS status
ORDER BY as_of, source
