-- The rows question_stats's triggers keep must equal a recomputation from
-- attempts: prints the number of questions where they differ (0 is right).
SELECT (SELECT count(*) FROM question_stats s WHERE
  s.attempts != (SELECT count(*) FROM attempts a WHERE a.question_id = s.question_id)
  OR s.last_at IS NOT (SELECT max(a.started_at) FROM attempts a WHERE a.question_id = s.question_id)
  OR s.last_main_score IS NOT (SELECT a.score FROM attempts a WHERE a.question_id = s.question_id
     AND a.score IS NOT NULL AND a.follow_up = -1 ORDER BY a.started_at DESC, a.id DESC LIMIT 1))
 + abs((SELECT count(*) FROM question_stats WHERE attempts > 0)
       - (SELECT count(DISTINCT question_id) FROM attempts));
