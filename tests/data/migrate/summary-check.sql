-- The summaries schema 6's triggers keep (category_days, trend_points) must
-- equal a fresh rebuild from attempts, as the migration builds them: prints
-- the number of rows that differ either way (0 is right).
CREATE TEMP VIEW fresh_days AS SELECT coalesce(q.category, '?') AS category,
  (a.started_at - (a.started_at % 86400 + 86400) % 86400) / 86400 AS day,
  count(*) AS attempts, count(a.score) AS scored,
  sum(a.score IS NOT NULL AND a.follow_up = -1) AS mains,
  coalesce(sum(CASE WHEN a.follow_up = -1 THEN CAST(round(a.score * 1000000) AS INTEGER) END), 0) AS main_sum,
  sum(coalesce(a.score, -1) >= 0 AND a.follow_up < 0 AND a.scheduled) AS drills,
  sum(CASE WHEN coalesce(a.score, -1) >= 0 AND a.follow_up < 0 AND a.scheduled THEN CAST(round(a.score * 1000000) AS INTEGER) ELSE 0 END) AS drill_sum,
  sum(coalesce(a.score, -1) >= 0 AND a.follow_up < 0 AND NOT a.scheduled) AS crams,
  sum(CASE WHEN coalesce(a.score, -1) >= 0 AND a.follow_up < 0 AND NOT a.scheduled THEN CAST(round(a.score * 1000000) AS INTEGER) ELSE 0 END) AS cram_sum,
  sum(coalesce(a.score, -1) >= 0 AND a.follow_up >= 0) AS follow_ups,
  sum(CASE WHEN coalesce(a.score, -1) >= 0 AND a.follow_up >= 0 THEN CAST(round(a.score * 1000000) AS INTEGER) ELSE 0 END) AS follow_up_sum
  FROM attempts a LEFT JOIN questions q ON q.id = a.question_id GROUP BY 1, 2;
CREATE TEMP VIEW fresh_points AS SELECT coalesce(q.category, '?') AS category,
  a.started_at AS started_at, a.id AS attempt_id, a.score AS score
  FROM attempts a LEFT JOIN questions q ON q.id = a.question_id
  WHERE a.follow_up < 0 AND coalesce(a.score, -1) >= 0;
SELECT (SELECT count(*) FROM (SELECT * FROM fresh_days EXCEPT SELECT * FROM category_days))
     + (SELECT count(*) FROM (SELECT * FROM category_days EXCEPT SELECT * FROM fresh_days))
     + (SELECT count(*) FROM (SELECT * FROM fresh_points EXCEPT SELECT * FROM trend_points))
     + (SELECT count(*) FROM (SELECT * FROM trend_points EXCEPT SELECT * FROM fresh_points));
