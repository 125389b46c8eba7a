// name: campaign_vs_targets
// question_zh: 年度招商的签约总额和到位资金与省下达目标相比完成了多少？
// question_en: How do a year's campaign totals (signed investment, funds in place) compare with its targets?
// params:
//   $city: string = 忻州市 — the city whose campaign it is (or a county or province: 平陆县, 山西省)
//   $year: int = null — the campaign year (null: every year)
// columns: city, year, as_of, signed_count, signed_total_yi, target_yi, signed_pct, funds_in_place_yi, funds_target_yi, funds_pct, landed_count, started_count, events_reported, events_recorded
// example: jinshang query run campaign_vs_targets -p year=2017
//
// Percentages are rounded to whole numbers; signed_total_yi is signed investment, funds_in_place_yi
// is what arrived (到位资金).
MATCH (c:Campaign)-[:CAMPAIGN_OF]->(city)
WHERE (city:City OR city:County OR city:Province) AND (city.name = $city OR city.id = $city)
  AND ($year IS NULL OR c.year = $year)
RETURN city.name AS city,
       c.year AS year,
       c.as_of AS as_of,
       c.signed_count AS signed_count,
       c.signed_total_yi AS signed_total_yi,
       c.target_yi AS target_yi,
       CASE WHEN c.target_yi > 0 THEN toInteger(round(100.0 * c.signed_total_yi / c.target_yi)) END AS signed_pct,
       c.funds_in_place_yi AS funds_in_place_yi,
       c.funds_target_yi AS funds_target_yi,
       CASE WHEN c.funds_target_yi > 0 THEN toInteger(round(100.0 * c.funds_in_place_yi / c.funds_target_yi)) END AS funds_pct,
       c.landed_count AS landed_count,
       c.started_count AS started_count,
       c.event_count AS events_reported,
       COUNT { (:Event)-[:PART_OF]->(c) } AS events_recorded
ORDER BY year
