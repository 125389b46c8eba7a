// name: chambers_by_events
// question_zh: 哪些商会参加的活动最多？这些活动上报告的签约总额是多少（仅为签约额，由同场参会者共享）？
// question_en: Which chambers attended the most events, and how much was reported signed at those events (signed only, shared with everyone else attending)?
// params:
//   $year: int = null — only events of this year (null: every year)
// columns: chamber, events, signed_count_at_events, signed_total_yi_at_events, event_dates
// example: jinshang query run chambers_by_events -p year=2017
//
// The totals are the events' reported signed figures, not credited to the chamber: an event's
// amount appears under every chamber that attended it (see the analyses for shared credit).
MATCH (c:Chamber)
OPTIONAL MATCH (c)-[:ATTENDED|ORGANIZED]->(e:Event)
WHERE $year IS NULL OR e.date.year = $year
WITH c, collect(DISTINCT e) AS events
RETURN c.name AS chamber,
       size(events) AS events,
       reduce(n = 0, e IN events | n + coalesce(e.signed_count, 0)) AS signed_count_at_events,
       reduce(t = 0.0, e IN events | t + coalesce(e.signed_total_yi, 0.0)) AS signed_total_yi_at_events,
       [e IN events | toString(e.date)] AS event_dates
ORDER BY signed_total_yi_at_events DESC, events DESC, chamber
