// name: chamber_members
// question_zh: 各商会有哪些会员企业及其会员身份？
// question_en: Which companies are members of which chambers, and with what standing?
// params:
//   $chamber: string = null — one chamber's name, id or alias (null: every chamber)
// columns: chamber, company, membership, company_based_in, industries
// example: jinshang query run chamber_members -p chamber=广东山西商会
MATCH (co:Company)-[m:MEMBER_OF]->(ch:Chamber)
WHERE $chamber IS NULL OR ch.name = $chamber OR ch.id = $chamber OR $chamber IN coalesce(ch.aliases, [])
RETURN ch.name AS chamber,
       co.name AS company,
       m.title AS membership,
       [(co)-[:BASED_IN]->(place) | place.name] AS company_based_in,
       [(co)-[:IN_INDUSTRY]->(i:Industry) | i.name] AS industries
ORDER BY chamber, company
