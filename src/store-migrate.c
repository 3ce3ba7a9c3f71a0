/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The schema: its migrations, and telling pmdrill's database from a stranger's. */
#include "store-migrate.h"

#include <stdio.h>

#include <sqlite3.h>

#include "sb.h"
#include "store.h"
#include "store-int.h"

/* 'pmdr': marks a database as ours, so a stranger's SQLite file with
 * tables in it is refused rather than filled with our schema. */
#define STORE_APP_ID 0x706d6472
/* The tables of schema version 1: a file without them is not ours
 * (`criteria` is a view from version 3 on). */
#define STORE_TABLES \
	"'questions', 'attempts', 'criteria', 'grade_changes', 'cards', 'settings'"
#define STORE_NTABLES 6
/* The most parts a migration step has (see migrations[]). */
#define MIGRATION_PARTS 6

/*
 * Schema 4's triggers: recompute question ROW.question_id's row of
 * question_stats from its attempts (ROW is "new" or "old").  One text, so
 * the three triggers cannot disagree on what the row holds.  The
 * text is the released step's, byte for byte.
 */
#define RECOUNT_QUESTION(ROW)                                                      \
	"  INSERT OR REPLACE INTO question_stats SELECT " ROW                      \
	".question_id,\n"                                                          \
	"    (SELECT count(*) FROM attempts a WHERE a.question_id = " ROW          \
	".question_id),\n"                                                         \
	"    (SELECT max(a.started_at) FROM attempts a WHERE a.question_id = " ROW \
	".question_id),\n"                                                         \
	"    (SELECT a.score FROM attempts a WHERE a.question_id = " ROW           \
	".question_id\n"                                                           \
	"     AND a.score IS NOT NULL AND a.follow_up = -1\n"                      \
	"     ORDER BY a.started_at DESC, a.id DESC LIMIT 1);\n"

/* Count the attempt with id ID in: its day's row and its trend point. */
#define SUMMARY_ADD(ID)                                                         \
	"  INSERT INTO category_days SELECT category, day,\n    " SUMMARY_COLS  \
	"\n    FROM attempt_counts WHERE attempt_id = " ID "\n" SUMMARY_UPSERT  \
	"  INSERT INTO trend_points SELECT category, started_at, attempt_id,\n" \
	"    score FROM attempt_counts WHERE attempt_id = " ID " AND trend;\n"
/* Count it out again, while its row is still there (BEFORE triggers). */
#define SUMMARY_REMOVE(ID)                                                        \
	"  INSERT INTO category_days SELECT category, day, -attempts, -scored,\n" \
	"    -mains, -main_sum, -drills, -drill_sum, -crams, -cram_sum,\n"        \
	"    -follow_ups, -follow_up_sum\n"                                       \
	"    FROM attempt_counts WHERE attempt_id = " ID "\n" SUMMARY_UPSERT      \
	"  DELETE FROM category_days WHERE attempts = 0\n"                        \
	"    AND (category, day) IN (SELECT category, day FROM attempt_counts\n"  \
	"    WHERE attempt_id = " ID ");\n"                                       \
	"  DELETE FROM trend_points WHERE (category, started_at, attempt_id)\n"   \
	"    IN (SELECT category, started_at, attempt_id FROM attempt_counts\n"   \
	"    WHERE attempt_id = " ID ");\n"
/* Move question QID's attempts, now counted under its category, out of
 * category FROM's rows (both SQL expressions). */
#define SUMMARY_MOVE(QID, FROM)                                                 \
	"  INSERT INTO category_days SELECT " FROM ", day, -sum(attempts),\n"   \
	"    -sum(scored), -sum(mains), -sum(main_sum), -sum(drills),\n"        \
	"    -sum(drill_sum), -sum(crams), -sum(cram_sum), -sum(follow_ups),\n" \
	"    -sum(follow_up_sum) FROM attempt_counts WHERE question_id = " QID  \
	"\n    GROUP BY day\n" SUMMARY_UPSERT                                   \
	"  DELETE FROM category_days WHERE category = " FROM                    \
	" AND attempts = 0;\n"                                                  \
	"  INSERT INTO category_days SELECT category, day, sum(attempts),\n"    \
	"    sum(scored), sum(mains), sum(main_sum), sum(drills),\n"            \
	"    sum(drill_sum), sum(crams), sum(cram_sum), sum(follow_ups),\n"     \
	"    sum(follow_up_sum) FROM attempt_counts WHERE question_id = " QID   \
	"\n    GROUP BY category, day\n" SUMMARY_UPSERT                         \
	"  UPDATE trend_points SET category = (SELECT category FROM\n"          \
	"    attempt_counts c WHERE c.attempt_id = trend_points.attempt_id)\n"  \
	"    WHERE category = " FROM " AND attempt_id IN\n"                     \
	"    (SELECT id FROM attempts WHERE question_id = " QID ");\n"

/*
 * Forward migrations: migrations[i] takes user_version i to i + 1, its
 * parts in order (C promises string literals of 4,095 characters, so a
 * longer step is cut into parts).  Each runs in one transaction with the
 * version bump.  Never edit a released
 * step; add a new one and bump STORE_SCHEMA_VERSION.
 */
static const char *const migrations[STORE_SCHEMA_VERSION][MIGRATION_PARTS] = {
	/* 0 -> 1 */
	{"CREATE TABLE questions (\n"
	 "  id TEXT PRIMARY KEY,\n"
	 "  category TEXT,\n"
	 "  prompt TEXT,\n"
	 "  level TEXT,\n"
	 "  tags TEXT,\n"
	 "  rubric TEXT,\n"
	 "  first_seen INTEGER NOT NULL,\n"
	 "  updated_at INTEGER NOT NULL,\n"
	 "  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))\n"
	 ") STRICT;\n"
	 "CREATE TABLE attempts (\n"
	 "  id INTEGER PRIMARY KEY,\n"
	 "  question_id TEXT NOT NULL REFERENCES questions(id),\n"
	 "  prompt TEXT,\n"
	 "  started_at INTEGER NOT NULL,\n"
	 "  duration_ms INTEGER NOT NULL DEFAULT -1,\n"
	 "  answer TEXT NOT NULL,\n"
	 "  answer_hash TEXT NOT NULL,\n"
	 "  follow_up INTEGER NOT NULL DEFAULT -1,\n"
	 "  parent_id INTEGER REFERENCES attempts(id),\n"
	 "  saved_at INTEGER NOT NULL,\n"
	 "  score REAL,\n"
	 "  words INTEGER,\n"
	 "  sentences INTEGER,\n"
	 "  limit_s INTEGER,\n"
	 "  wpm REAL,\n"
	 "  prose_share REAL,\n"
	 "  density REAL,\n"
	 "  guard REAL,\n"
	 "  length_factor REAL,\n"
	 "  notes TEXT,\n"
	 "  rubric TEXT,\n"
	 "  rubric_version TEXT,\n"
	 "  auto_grade INTEGER CHECK (auto_grade BETWEEN 1 AND 4),\n"
	 "  final_grade INTEGER CHECK (final_grade BETWEEN 1 AND 4),\n"
	 "  scheduled INTEGER NOT NULL DEFAULT 0 CHECK (scheduled IN (0, 1)),\n"
	 "  reviewed_at INTEGER,\n"
	 "  elapsed_days INTEGER,\n"
	 "  retrievability REAL,\n"
	 "  stability REAL,\n"
	 "  difficulty REAL,\n"
	 "  interval_days INTEGER,\n"
	 "  due INTEGER\n"
	 ") STRICT;\n"
	 "CREATE INDEX attempts_by_question ON attempts(question_id, started_at);\n"
	 "CREATE INDEX attempts_by_start ON attempts(started_at);\n"
	 "CREATE INDEX attempts_by_parent ON attempts(parent_id);\n"
	 "CREATE TABLE criteria (\n"
	 "  attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,\n"
	 "  pos INTEGER NOT NULL,\n"
	 "  name TEXT NOT NULL,\n"
	 "  label TEXT,\n"
	 "  kind TEXT NOT NULL,\n"
	 "  weight REAL NOT NULL,\n"
	 "  earned REAL NOT NULL,\n"
	 "  scaled REAL NOT NULL,\n"
	 "  active INTEGER NOT NULL,\n"
	 "  met INTEGER NOT NULL,\n"
	 "  limited INTEGER NOT NULL,\n"
	 "  detail TEXT,\n"
	 "  feedback TEXT,\n"
	 "  evidence TEXT NOT NULL DEFAULT '[]',\n"
	 "  PRIMARY KEY (attempt_id, pos)\n"
	 ") STRICT;\n"
	 "CREATE TABLE grade_changes (\n"
	 "  id INTEGER PRIMARY KEY,\n"
	 "  attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,\n"
	 "  old_grade INTEGER NOT NULL CHECK (old_grade BETWEEN 1 AND 4),\n"
	 "  new_grade INTEGER NOT NULL CHECK (new_grade BETWEEN 1 AND 4),\n"
	 "  changed_at INTEGER NOT NULL\n"
	 ") STRICT;\n"
	 "CREATE INDEX grade_changes_by_attempt ON grade_changes(attempt_id);\n"
	 "CREATE TABLE cards (\n"
	 "  question_id TEXT PRIMARY KEY REFERENCES questions(id),\n"
	 "  stability REAL NOT NULL,\n"
	 "  difficulty REAL NOT NULL,\n"
	 "  last_review INTEGER NOT NULL,\n"
	 "  due INTEGER NOT NULL,\n"
	 "  reps INTEGER NOT NULL,\n"
	 "  lapses INTEGER NOT NULL,\n"
	 "  first_review INTEGER NOT NULL\n"
	 ") STRICT;\n"
	 "CREATE TABLE settings (\n"
	 "  key TEXT PRIMARY KEY,\n"
	 "  value TEXT NOT NULL,\n"
	 "  updated_at INTEGER NOT NULL\n"
	 ") STRICT;\n"
	 "CREATE VIRTUAL TABLE answers_fts USING fts5(answer, content='attempts',\n"
	 "  content_rowid='id', tokenize='unicode61 remove_diacritics 2');\n"
	 "CREATE TRIGGER attempts_fts_insert AFTER INSERT ON attempts BEGIN\n"
	 "  INSERT INTO answers_fts(rowid, answer) VALUES (new.id, new.answer);\n"
	 "END;\n"
	 "CREATE TRIGGER attempts_fts_delete AFTER DELETE ON attempts BEGIN\n"
	 "  INSERT INTO answers_fts(answers_fts, rowid, answer)\n"
	 "    VALUES ('delete', old.id, old.answer);\n"
	 "END;\n"
	 "CREATE TRIGGER attempts_fts_update AFTER UPDATE OF answer ON attempts BEGIN\n"
	 "  INSERT INTO answers_fts(answers_fts, rowid, answer)\n"
	 "    VALUES ('delete', old.id, old.answer);\n"
	 "  INSERT INTO answers_fts(rowid, answer) VALUES (new.id, new.answer);\n"
	 "END;\n"},
	/*
	 * 1 -> 2: indexes so that the queue, `next` and `stats` read small
	 * index entries instead of attempt rows (each carries its answer and
	 * notes): the card states by due date; per question, its main answers'
	 * times and scores; in time order, what the progress charts need.
	 */
	{"CREATE INDEX cards_by_due ON cards(due);\n"
	 "CREATE INDEX attempts_by_question_score ON attempts(question_id,\n"
	 "  follow_up, started_at, score);\n"
	 "CREATE INDEX attempts_progress ON attempts(started_at, question_id,\n"
	 "  follow_up, scheduled, score);\n"},
	/*
	 * 2 -> 3: criteria stored compactly.  A criterion's name, label, kind
	 * and feedback come from its rubric and were copied into every
	 * attempt (over half the file); they are kept once in
	 * criterion_texts, and each result row holds its numbers, flags,
	 * detail and evidence.  `criteria` becomes a view with the old
	 * columns, and its triggers take the same INSERTs, so readers,
	 * writers and users' own queries are unchanged.
	 */
	{"CREATE TABLE criterion_texts (\n"
	 "  id INTEGER PRIMARY KEY,\n"
	 "  name TEXT NOT NULL,\n"
	 "  label TEXT,\n"
	 "  kind TEXT NOT NULL,\n"
	 "  feedback TEXT\n"
	 ") STRICT;\n"
	 "CREATE UNIQUE INDEX criterion_texts_key ON criterion_texts(name, kind,\n"
	 "  ifnull(label, char(0)), ifnull(feedback, char(0)));\n"
	 "CREATE TABLE criterion_results (\n"
	 "  attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,\n"
	 "  pos INTEGER NOT NULL,\n"
	 "  text_id INTEGER NOT NULL REFERENCES criterion_texts(id),\n"
	 "  weight REAL NOT NULL,\n"
	 "  earned REAL NOT NULL,\n"
	 "  scaled REAL NOT NULL,\n"
	 "  flags INTEGER NOT NULL,\n"
	 "  detail TEXT,\n"
	 "  evidence TEXT,\n"
	 "  PRIMARY KEY (attempt_id, pos)\n"
	 ") STRICT, WITHOUT ROWID;\n"
	 "INSERT OR IGNORE INTO criterion_texts (name, label, kind, feedback)\n"
	 "  SELECT name, label, kind, feedback FROM criteria ORDER BY attempt_id, pos;\n"
	 "INSERT INTO criterion_results SELECT c.attempt_id, c.pos, t.id, c.weight,\n"
	 "  c.earned, c.scaled, (c.active != 0) | ((c.met != 0) << 1)\n"
	 "  | ((c.limited != 0) << 2), c.detail, nullif(c.evidence, '[]')\n"
	 "  FROM criteria c JOIN criterion_texts t ON t.name = c.name\n"
	 "  AND t.kind = c.kind AND ifnull(t.label, char(0)) = ifnull(c.label, char(0))\n"
	 "  AND ifnull(t.feedback, char(0)) = ifnull(c.feedback, char(0));\n"
	 "DROP TABLE criteria;\n"
	 "CREATE VIEW criteria AS SELECT r.attempt_id AS attempt_id, r.pos AS pos,\n"
	 "  t.name AS name, t.label AS label, t.kind AS kind, r.weight AS weight,\n"
	 "  r.earned AS earned, r.scaled AS scaled, r.flags & 1 AS active,\n"
	 "  (r.flags >> 1) & 1 AS met, (r.flags >> 2) & 1 AS limited,\n"
	 "  r.detail AS detail, t.feedback AS feedback,\n"
	 "  ifnull(r.evidence, '[]') AS evidence\n"
	 "  FROM criterion_results r JOIN criterion_texts t ON t.id = r.text_id;\n"
	 "CREATE TRIGGER criteria_insert INSTEAD OF INSERT ON criteria BEGIN\n"
	 "  INSERT OR IGNORE INTO criterion_texts (name, label, kind, feedback)\n"
	 "    VALUES (new.name, new.label, new.kind, new.feedback);\n"
	 "  INSERT INTO criterion_results VALUES (new.attempt_id, new.pos,\n"
	 "    (SELECT id FROM criterion_texts WHERE name = new.name\n"
	 "     AND kind = new.kind AND ifnull(label, char(0)) = ifnull(new.label, char(0))\n"
	 "     AND ifnull(feedback, char(0)) = ifnull(new.feedback, char(0))),\n"
	 "    new.weight, new.earned, new.scaled, (new.active != 0)\n"
	 "    | ((new.met != 0) << 1) | ((new.limited != 0) << 2), new.detail,\n"
	 "    nullif(new.evidence, '[]'));\n"
	 "END;\n"
	 "CREATE TRIGGER criteria_delete INSTEAD OF DELETE ON criteria BEGIN\n"
	 "  DELETE FROM criterion_results WHERE attempt_id = old.attempt_id\n"
	 "    AND pos = old.pos;\n"
	 "END;\n"},
	/*
	 * 3 -> 4: each question's attempt count, last attempt and last main
	 * score, kept by triggers in the same transaction as every change to
	 * attempts, so the queue reads one row per question instead of three
	 * subqueries over its attempts.  A trigger recomputes the question's
	 * row from the attempts_by_question_score index (a few entries), so
	 * it stays right whatever the change.
	 */
	{"CREATE TABLE question_stats (\n"
	 "  question_id TEXT PRIMARY KEY,\n"
	 "  attempts INTEGER NOT NULL,\n"
	 "  last_at INTEGER,\n"
	 "  last_main_score REAL\n"
	 ") STRICT, WITHOUT ROWID;\n"
	 "INSERT INTO question_stats SELECT question_id, count(*), max(started_at),\n"
	 "  NULL FROM attempts GROUP BY question_id;\n"
	 "UPDATE question_stats SET last_main_score = (SELECT a.score FROM attempts a\n"
	 "  WHERE a.question_id = question_stats.question_id\n"
	 "  AND a.score IS NOT NULL AND a.follow_up = -1\n"
	 "  ORDER BY a.started_at DESC, a.id DESC LIMIT 1);\n"
	 "CREATE TRIGGER question_stats_insert AFTER INSERT ON attempts BEGIN\n" RECOUNT_QUESTION(
		 "new") "END;\n"
			"CREATE TRIGGER question_stats_update AFTER UPDATE OF question_id,\n"
			"  started_at, follow_up, score ON attempts BEGIN\n" RECOUNT_QUESTION(
				"new")
				RECOUNT_QUESTION(
					"old") "END;\n"
					       "CREATE TRIGGER question_stats_delete AFTER DELETE ON attempts BEGIN\n" RECOUNT_QUESTION(
						       "old") "END;\n"},
	/* 4 -> 5: mock interviews (docs/SCHEMA.md, `sessions`) */
	{"CREATE TABLE sessions (\n"
	 "  id INTEGER PRIMARY KEY,\n"
	 "  kind TEXT NOT NULL CHECK (kind IN ('mock')),\n"
	 "  started_at INTEGER NOT NULL,\n"
	 "  ended_at INTEGER,\n"
	 "  settings TEXT NOT NULL DEFAULT '{}'\n"
	 ") STRICT;\n"
	 "ALTER TABLE attempts ADD COLUMN session_id INTEGER REFERENCES sessions(id);\n"
	 "CREATE INDEX attempts_by_session ON attempts(session_id);\n"},
	/*
	 * 5 -> 6: summaries for `stats`, kept by triggers in the same
	 * transaction as every change to attempts (and to a question's
	 * category), so stats reads a few thousand small rows instead of
	 * walking every attempt: per category and UTC day, the counts and
	 * exact score sums behind its figures; each category's scored main
	 * answers in time order, for the trend charts.  attempt_counts
	 * holds the one definition of what an attempt counts for.
	 */
	{"CREATE VIEW attempt_counts AS SELECT a.id AS attempt_id,\n"
	 "  a.question_id AS question_id, a.started_at AS started_at,\n"
	 "  a.score AS score, coalesce(q.category, '?') AS category,\n"
	 "  (a.started_at - (a.started_at % 86400 + 86400) % 86400) / 86400 AS day,\n"
	 "  1 AS attempts, a.score IS NOT NULL AS scored,\n"
	 "  a.score IS NOT NULL AND a.follow_up = -1 AS mains,\n"
	 "  CASE WHEN a.score IS NOT NULL AND a.follow_up = -1\n"
	 "    THEN CAST(round(a.score * 1000000) AS INTEGER) ELSE 0 END AS main_sum,\n"
	 "  coalesce(a.score, -1) >= 0 AND a.follow_up < 0 AND a.scheduled AS drills,\n"
	 "  CASE WHEN coalesce(a.score, -1) >= 0 AND a.follow_up < 0 AND a.scheduled\n"
	 "    THEN CAST(round(a.score * 1000000) AS INTEGER) ELSE 0 END AS drill_sum,\n"
	 "  coalesce(a.score, -1) >= 0 AND a.follow_up < 0 AND NOT a.scheduled\n"
	 "    AS crams,\n"
	 "  CASE WHEN coalesce(a.score, -1) >= 0 AND a.follow_up < 0\n"
	 "    AND NOT a.scheduled\n"
	 "    THEN CAST(round(a.score * 1000000) AS INTEGER) ELSE 0 END AS cram_sum,\n"
	 "  coalesce(a.score, -1) >= 0 AND a.follow_up >= 0 AS follow_ups,\n"
	 "  CASE WHEN coalesce(a.score, -1) >= 0 AND a.follow_up >= 0\n"
	 "    THEN CAST(round(a.score * 1000000) AS INTEGER) ELSE 0 END\n"
	 "    AS follow_up_sum,\n"
	 "  coalesce(a.score, -1) >= 0 AND a.follow_up < 0 AS trend\n"
	 "  FROM attempts a LEFT JOIN questions q ON q.id = a.question_id;\n"
	 "CREATE TABLE category_days (\n"
	 "  category TEXT NOT NULL,\n"
	 "  day INTEGER NOT NULL,\n"
	 "  attempts INTEGER NOT NULL,\n"
	 "  scored INTEGER NOT NULL,\n"
	 "  mains INTEGER NOT NULL,\n"
	 "  main_sum INTEGER NOT NULL,\n"
	 "  drills INTEGER NOT NULL,\n"
	 "  drill_sum INTEGER NOT NULL,\n"
	 "  crams INTEGER NOT NULL,\n"
	 "  cram_sum INTEGER NOT NULL,\n"
	 "  follow_ups INTEGER NOT NULL,\n"
	 "  follow_up_sum INTEGER NOT NULL,\n"
	 "  PRIMARY KEY (category, day)\n"
	 ") STRICT, WITHOUT ROWID;\n"
	 "CREATE TABLE trend_points (\n"
	 "  category TEXT NOT NULL,\n"
	 "  started_at INTEGER NOT NULL,\n"
	 "  attempt_id INTEGER NOT NULL,\n"
	 "  score REAL NOT NULL,\n"
	 "  PRIMARY KEY (category, started_at, attempt_id)\n"
	 ") STRICT, WITHOUT ROWID;\n"
	 "INSERT INTO category_days SELECT category, day, sum(attempts),\n"
	 "  sum(scored), sum(mains), sum(main_sum), sum(drills), sum(drill_sum),\n"
	 "  sum(crams), sum(cram_sum), sum(follow_ups), sum(follow_up_sum)\n"
	 "  FROM attempt_counts GROUP BY category, day;\n"
	 "INSERT INTO trend_points SELECT category, started_at, attempt_id, score\n"
	 "  FROM attempt_counts WHERE trend;\n"
	 /* The queue reads every card in question order: from the index
	  * alone, not a look-up of each row through the key. */
	 "CREATE INDEX cards_queue ON cards(question_id, stability, difficulty,\n"
	 "  last_review, due, reps, lapses, first_review);\n",
	 "CREATE TRIGGER summaries_insert AFTER INSERT ON attempts BEGIN\n" SUMMARY_ADD(
		 "new.id") "END;\n",
	 /* An update is counted out before the row changes, in after. */
	 "CREATE TRIGGER summaries_unupdate BEFORE UPDATE OF question_id,\n"
	 "  started_at, follow_up, scheduled, score ON attempts BEGIN\n" SUMMARY_REMOVE(
		 "old.id") "END;\n",
	 "CREATE TRIGGER summaries_update AFTER UPDATE OF question_id, started_at,\n"
	 "  follow_up, scheduled, score ON attempts BEGIN\n" SUMMARY_ADD(
		 "new.id") "END;\n",
	 "CREATE TRIGGER summaries_delete BEFORE DELETE ON attempts BEGIN\n" SUMMARY_REMOVE(
		 "old.id") "END;\n",
	 /* A question's attempts follow it to its new category.  No
	  * trigger on INSERT INTO questions: every statement that adds a
	  * question (each import record runs one) would compile it, and
	  * the foreign key keeps attempts from coming before their
	  * question, so a new question has none to take over. */
	 "CREATE TRIGGER summaries_category AFTER UPDATE OF category ON questions\n"
	 "  WHEN old.category IS NOT new.category BEGIN\n" SUMMARY_MOVE(
		 "new.id", "coalesce(old.category, '?')") "END;\n"},
	/*
	 * 6 -> 7: criteria results in fewer bytes (issue 11: they were over
	 * a third of the file).  A result's detail ("2 of 4 concepts") is
	 * one of a few hundred texts: kept once in criterion_details.  Its
	 * evidence is packed (EV_PACK, store-migrate.h).  The criteria view
	 * shows the same columns, byte for byte, and takes the same INSERTs.
	 */
	{"CREATE TABLE criterion_details (\n"
	 "  id INTEGER PRIMARY KEY,\n"
	 "  detail TEXT NOT NULL UNIQUE\n"
	 ") STRICT;\n"
	 "INSERT OR IGNORE INTO criterion_details (detail) SELECT detail\n"
	 "  FROM criterion_results WHERE detail IS NOT NULL\n"
	 "  ORDER BY attempt_id, pos;\n"
	 "CREATE TABLE criterion_packed (\n"
	 "  attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,\n"
	 "  pos INTEGER NOT NULL,\n"
	 "  text_id INTEGER NOT NULL REFERENCES criterion_texts(id),\n"
	 "  weight REAL NOT NULL,\n"
	 "  earned REAL NOT NULL,\n"
	 "  scaled REAL NOT NULL,\n"
	 "  flags INTEGER NOT NULL,\n"
	 "  detail_id INTEGER REFERENCES criterion_details(id),\n"
	 "  evidence TEXT,\n"
	 "  PRIMARY KEY (attempt_id, pos)\n"
	 ") STRICT, WITHOUT ROWID;\n",
	 "INSERT INTO criterion_packed SELECT r.attempt_id, r.pos, r.text_id,\n"
	 "  r.weight, r.earned, r.scaled, r.flags, d.id,\n"
	 "  " EV_PACK(
		 "r.evidence") "\n"
			       "  FROM criterion_results r\n"
			       "  LEFT JOIN criterion_details d ON d.detail = r.detail;\n"
			       "DROP VIEW criteria;\n"
			       "DROP TABLE criterion_results;\n"
			       "ALTER TABLE criterion_packed RENAME TO criterion_results;\n",
	 "CREATE VIEW criteria AS SELECT r.attempt_id AS attempt_id, r.pos AS pos,\n"
	 "  t.name AS name, t.label AS label, t.kind AS kind, r.weight AS weight,\n"
	 "  r.earned AS earned, r.scaled AS scaled, r.flags & 1 AS active,\n"
	 "  (r.flags >> 1) & 1 AS met, (r.flags >> 2) & 1 AS limited,\n"
	 "  d.detail AS detail, t.feedback AS feedback,\n"
	 "  " EV_UNPACK(
		 "r.evidence") " AS evidence\n"
			       "  FROM criterion_results r JOIN criterion_texts t ON t.id = r.text_id\n"
			       "  LEFT JOIN criterion_details d ON d.id = r.detail_id;\n",
	 "CREATE TRIGGER criteria_insert INSTEAD OF INSERT ON criteria BEGIN\n"
	 "  INSERT OR IGNORE INTO criterion_texts (name, label, kind, feedback)\n"
	 "    VALUES (new.name, new.label, new.kind, new.feedback);\n"
	 "  INSERT OR IGNORE INTO criterion_details (detail)\n"
	 "    SELECT new.detail WHERE new.detail IS NOT NULL;\n"
	 "  INSERT INTO criterion_results VALUES (new.attempt_id, new.pos,\n"
	 "    (SELECT id FROM criterion_texts WHERE name = new.name\n"
	 "     AND kind = new.kind AND ifnull(label, char(0)) = ifnull(new.label, char(0))\n"
	 "     AND ifnull(feedback, char(0)) = ifnull(new.feedback, char(0))),\n"
	 "    new.weight, new.earned, new.scaled, (new.active != 0)\n"
	 "    | ((new.met != 0) << 1) | ((new.limited != 0) << 2),\n"
	 "    (SELECT id FROM criterion_details WHERE detail = new.detail),\n"
	 "    " EV_PACK(
		 "new.evidence") ");\n"
				 "END;\n"
				 "CREATE TRIGGER criteria_delete INSTEAD OF DELETE ON criteria BEGIN\n"
				 "  DELETE FROM criterion_results WHERE attempt_id = old.attempt_id\n"
				 "    AND pos = old.pos;\n"
				 "END;\n"},
};

/*
 * Read the schema version and tell whether the file is ours: a database
 * newer than us, or another program's, is refused.  The three values come
 * from one statement, hence one snapshot: read separately, another
 * pmdrill's first migration could commit in between and make a new
 * database look like a stranger's.  Returns 0, or an error (SQLite's
 * rc < 0 as a store status, message in err).
 */
int st_check_ours(struct store *st, long long *v, struct sb *err)
{
	sqlite3_stmt *s = NULL;
	long long app_id = 0, ntables = 0, nours = 0;
	int rc = st_prep(
		st, &s,
		"SELECT (SELECT user_version FROM pragma_user_version),"
		" (SELECT application_id FROM pragma_application_id),"
		" (SELECT count(*) FROM sqlite_master),"
		" (SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view')"
		"  AND name IN (" STORE_TABLES "))");
	if (!rc) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*v = sqlite3_column_int64(s, 0);
			app_id = sqlite3_column_int64(s, 1);
			ntables = sqlite3_column_int64(s, 2);
			nours = sqlite3_column_int64(s, 3);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(s);
	if (rc)
		return st_fail(st, rc, err, "reading the database", NULL);
	/*
	 * Another program's file: a foreign application_id, or none (0, as
	 * any SQLite file starts) with tables that are not all ours.  An
	 * application_id of 0 with our tables is accepted, so a database
	 * whose id was never stamped still opens.
	 */
	if ((app_id && app_id != STORE_APP_ID) ||
	    (!app_id && ntables && (*v == 0 || nours < STORE_NTABLES))) {
		sb_addf(err,
			"'%s' is an SQLite database but not pmdrill's "
			"(application_id 0x%08llx, user_version %lld); the "
			"file was left untouched; give pmdrill its own "
			"database with --db PATH or $PMDRILL_DB",
			st->path, (unsigned long long)app_id & 0xffffffffu, *v);
		return STORE_EIO;
	}
	if (*v > STORE_SCHEMA_VERSION) {
		sb_addf(err,
			"database '%s' has schema version %lld, newer than "
			"this pmdrill understands (%d); use a newer pmdrill "
			"(the file was left untouched)",
			st->path, *v, STORE_SCHEMA_VERSION);
		return STORE_EIO;
	}
	return STORE_OK;
}

int st_migrate(struct store *st, struct sb *err)
{
	long long v;
	int rc;

	if ((rc = st_check_ours(st, &v, err)))
		return rc;
	if (v == STORE_SCHEMA_VERSION)
		return STORE_OK;
	if (st->readonly) {
		sb_addf(err,
			"database '%s' needs its schema upgraded from "
			"version %lld to %d, but it is read-only",
			st->path, v, STORE_SCHEMA_VERSION);
		return STORE_EIO;
	}

	rc = st_begin(st);
	if (rc)
		return st_fail(st, rc, err, "upgrading the schema", NULL);
	/* Another pmdrill may have migrated while we waited for the lock. */
	if ((rc = st_check_ours(st, &v, err))) {
		st_rollback(st);
		return rc;
	}
	while (v < STORE_SCHEMA_VERSION) {
		char bump[64];
		size_t part;
		for (part = 0; part < MIGRATION_PARTS && migrations[v][part];
		     part++)
			if ((rc = st_exec(st, migrations[v][part])))
				goto fail;
		v++;
		snprintf(bump, sizeof(bump), "PRAGMA user_version = %lld", v);
		if ((rc = st_exec(st, bump)))
			goto fail;
	}
	{
		char id[64];
		snprintf(id, sizeof(id), "PRAGMA application_id = %d",
			 STORE_APP_ID);
		if ((rc = st_exec(st, id)))
			goto fail;
	}
	if ((rc = st_exec(st, "COMMIT")))
		goto fail;
	return STORE_OK;
fail:
	rc = st_fail(st, rc, err, "upgrading the schema",
		     "the database was not changed");
	st_rollback(st);
	return rc;
}
