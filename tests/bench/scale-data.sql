-- SPDX-License-Identifier: GPL-3.0-or-later
-- Run by tests/bench/scale.sh with the sqlite3 shell on a database that
-- pmdrill created: it holds the bank's questions (synced by `answer`) and
-- one real, scored attempt per template answer (4 per category: strong,
-- good, weak, off, in that order).  This turns those into 100,000
-- attempts: 80,000 main answers (round-robin over the 10,000 generated
-- questions, 8 reviews each, one every 390 s over a year ending
-- :end) and 20,000 follow-ups (one after every 4th main answer).  Every
-- row copies a real template row of its question's category, so score,
-- notes, criteria and evidence look like what pmdrill writes; 1% of the
-- main answers carry a grade override.  The FSRS columns and the cards
-- are only approximate here: the data set the benchmark measures is the
-- `pmdrill import` of this database's export, which replays every card.
.bail on
PRAGMA foreign_keys = ON;
PRAGMA synchronous = OFF;

CREATE TEMP TABLE cats(ci INTEGER PRIMARY KEY, name TEXT NOT NULL);
INSERT INTO cats VALUES (0, 'analytics'), (1, 'career'), (2, 'design'),
  (3, 'estimation'), (4, 'execution'), (5, 'influence'), (6, 'launch'),
  (7, 'leadership'), (8, 'metrics'), (9, 'prioritization'), (10, 'strategy'),
  (11, 'technical');

CREATE TEMP TABLE tpl AS
  SELECT a.*, q.category AS cat,
         row_number() OVER (PARTITION BY q.category ORDER BY a.id) - 1 AS k
  FROM attempts a JOIN questions q ON q.id = a.question_id;
CREATE TEMP TABLE tplc AS SELECT * FROM criteria;

BEGIN;
DELETE FROM grade_changes;
DELETE FROM criteria;
DELETE FROM cards;
DELETE FROM attempts;

-- One row per attempt: id, question, template, follow-up index, parent.
CREATE TEMP TABLE gen (
  id INTEGER PRIMARY KEY, m INTEGER, qid TEXT, tid INTEGER,
  fu INTEGER, parent INTEGER, started INTEGER, dur INTEGER);
WITH RECURSIVE mm(m) AS (SELECT 1 UNION ALL SELECT m + 1 FROM mm WHERE m < 80000),
main AS (
  SELECT m, m + (m - 1) / 4 AS id,
         printf('scale-%s-%05d', c.name, ((m - 1) % 10000) / 12) AS qid,
         c.name AS cat,
         CASE (m * 7919) % 10 WHEN 0 THEN 0 WHEN 1 THEN 0
           WHEN 9 THEN 3 WHEN 6 THEN 2 WHEN 7 THEN 2 WHEN 8 THEN 2 ELSE 1 END AS k,
         :end - (80000 - m) * 390 AS started,
         120000 + (m * 7919) % 480000 AS dur
  FROM mm JOIN cats c ON c.ci = ((m - 1) % 10000) % 12)
INSERT INTO gen
  SELECT main.id, m, qid, t.id, -1, NULL, started, dur
  FROM main JOIN tpl t ON t.cat = main.cat AND t.k = main.k
  UNION ALL
  SELECT main.id + 1, m, qid, t.id, 0, main.id, started + dur / 1000 + 20, 90000
  FROM main JOIN tpl t ON t.cat = main.cat AND t.k = 2
  WHERE m % 4 = 0;

INSERT INTO attempts (id, question_id, prompt, started_at, duration_ms,
  answer, answer_hash, follow_up, parent_id, saved_at, score, words,
  sentences, limit_s, wpm, prose_share, density, guard, length_factor,
  notes, rubric, rubric_version, auto_grade, final_grade, scheduled,
  reviewed_at, elapsed_days, retrievability, stability, difficulty,
  interval_days, due)
SELECT g.id, g.qid,
  CASE WHEN g.fu < 0 THEN q.prompt
       ELSE 'What would make you change your recommendation?' END,
  g.started, g.dur, t.answer, t.answer_hash, g.fu, g.parent,
  g.started + g.dur / 1000, t.score, t.words, t.sentences, t.limit_s,
  t.wpm, t.prose_share, t.density, t.guard, t.length_factor, t.notes,
  t.rubric, t.rubric_version, t.auto_grade,
  CASE WHEN g.fu < 0 AND g.m % 100 = 0 THEN min(4, t.auto_grade + 1)
       ELSE t.auto_grade END,
  g.fu < 0,
  CASE WHEN g.fu < 0 THEN g.started + g.dur / 1000 END,
  CASE WHEN g.fu < 0 AND g.m > 10000 THEN 45 END,
  CASE WHEN g.fu < 0 AND g.m > 10000 THEN 0.9 END,
  CASE WHEN g.fu < 0 THEN 4.0 * (1 + (g.m - 1) / 10000) END,
  CASE WHEN g.fu < 0 THEN 5.0 END,
  CASE WHEN g.fu < 0 THEN 4 * (1 + (g.m - 1) / 10000) END,
  CASE WHEN g.fu < 0 THEN g.started + g.dur / 1000 + 4 * (1 + (g.m - 1) / 10000) * 86400 END
FROM gen g JOIN tpl t ON t.id = g.tid JOIN questions q ON q.id = g.qid
ORDER BY g.id;

INSERT INTO criteria
SELECT g.id, c.pos, c.name, c.label, c.kind, c.weight, c.earned, c.scaled,
       c.active, c.met, c.limited, c.detail, c.feedback, c.evidence
FROM gen g JOIN tplc c ON c.attempt_id = g.tid
ORDER BY g.id, c.pos;

INSERT INTO grade_changes (attempt_id, old_grade, new_grade, changed_at)
SELECT id, auto_grade, final_grade, saved_at + 30 FROM attempts
WHERE final_grade != auto_grade ORDER BY id;

INSERT INTO cards (question_id, stability, difficulty, last_review, due,
  reps, lapses, first_review)
SELECT a.question_id, a.stability, a.difficulty, a.reviewed_at, a.due,
  s.reps, s.lapses, s.first
FROM (SELECT question_id, max(id) AS last, count(*) AS reps,
             sum(final_grade = 1) - (min(id) IN (SELECT id FROM attempts
               WHERE final_grade = 1)) AS lapses,
             min(reviewed_at) AS first
      FROM attempts WHERE scheduled = 1 GROUP BY question_id) s
JOIN attempts a ON a.id = s.last;
COMMIT;
