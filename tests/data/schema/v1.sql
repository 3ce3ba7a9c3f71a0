-- SPDX-License-Identifier: GPL-3.0-or-later
-- A database as pmdrill wrote it at schema version 1 (before sessions):
-- the version-1 schema, byte for byte the SQL of migrations[0], and a small
-- history (two attempts, one with a follow-up and criteria, a card and a
-- grade change).  tests/scripts/store-migrate.sh opens it with the
-- current pmdrill and checks the upgrade kept every row.
CREATE TABLE questions (
  id TEXT PRIMARY KEY,
  category TEXT,
  prompt TEXT,
  level TEXT,
  tags TEXT,
  rubric TEXT,
  first_seen INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) STRICT;
CREATE TABLE attempts (
  id INTEGER PRIMARY KEY,
  question_id TEXT NOT NULL REFERENCES questions(id),
  prompt TEXT,
  started_at INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL DEFAULT -1,
  answer TEXT NOT NULL,
  answer_hash TEXT NOT NULL,
  follow_up INTEGER NOT NULL DEFAULT -1,
  parent_id INTEGER REFERENCES attempts(id),
  saved_at INTEGER NOT NULL,
  score REAL,
  words INTEGER,
  sentences INTEGER,
  limit_s INTEGER,
  wpm REAL,
  prose_share REAL,
  density REAL,
  guard REAL,
  length_factor REAL,
  notes TEXT,
  rubric TEXT,
  rubric_version TEXT,
  auto_grade INTEGER CHECK (auto_grade BETWEEN 1 AND 4),
  final_grade INTEGER CHECK (final_grade BETWEEN 1 AND 4),
  scheduled INTEGER NOT NULL DEFAULT 0 CHECK (scheduled IN (0, 1)),
  reviewed_at INTEGER,
  elapsed_days INTEGER,
  retrievability REAL,
  stability REAL,
  difficulty REAL,
  interval_days INTEGER,
  due INTEGER
) STRICT;
CREATE INDEX attempts_by_question ON attempts(question_id, started_at);
CREATE INDEX attempts_by_start ON attempts(started_at);
CREATE INDEX attempts_by_parent ON attempts(parent_id);
CREATE TABLE criteria (
  attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  pos INTEGER NOT NULL,
  name TEXT NOT NULL,
  label TEXT,
  kind TEXT NOT NULL,
  weight REAL NOT NULL,
  earned REAL NOT NULL,
  scaled REAL NOT NULL,
  active INTEGER NOT NULL,
  met INTEGER NOT NULL,
  limited INTEGER NOT NULL,
  detail TEXT,
  feedback TEXT,
  evidence TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (attempt_id, pos)
) STRICT;
CREATE TABLE grade_changes (
  id INTEGER PRIMARY KEY,
  attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  old_grade INTEGER NOT NULL CHECK (old_grade BETWEEN 1 AND 4),
  new_grade INTEGER NOT NULL CHECK (new_grade BETWEEN 1 AND 4),
  changed_at INTEGER NOT NULL
) STRICT;
CREATE INDEX grade_changes_by_attempt ON grade_changes(attempt_id);
CREATE TABLE cards (
  question_id TEXT PRIMARY KEY REFERENCES questions(id),
  stability REAL NOT NULL,
  difficulty REAL NOT NULL,
  last_review INTEGER NOT NULL,
  due INTEGER NOT NULL,
  reps INTEGER NOT NULL,
  lapses INTEGER NOT NULL,
  first_review INTEGER NOT NULL
) STRICT;
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE VIRTUAL TABLE answers_fts USING fts5(answer, content='attempts',
  content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER attempts_fts_insert AFTER INSERT ON attempts BEGIN
  INSERT INTO answers_fts(rowid, answer) VALUES (new.id, new.answer);
END;
CREATE TRIGGER attempts_fts_delete AFTER DELETE ON attempts BEGIN
  INSERT INTO answers_fts(answers_fts, rowid, answer)
    VALUES ('delete', old.id, old.answer);
END;
CREATE TRIGGER attempts_fts_update AFTER UPDATE OF answer ON attempts BEGIN
  INSERT INTO answers_fts(answers_fts, rowid, answer)
    VALUES ('delete', old.id, old.answer);
  INSERT INTO answers_fts(rowid, answer) VALUES (new.id, new.answer);
END;
INSERT INTO questions VALUES ('storetest-alpha', 'storealpha', 'Pick one metric for a music app.', NULL, '', 'store', 1772442000, 1772442000, 0);
INSERT INTO attempts (id, question_id, prompt, started_at, duration_ms, answer, answer_hash, follow_up, parent_id, saved_at, score, words, sentences, limit_s, rubric, rubric_version, auto_grade, final_grade, scheduled, reviewed_at, stability, difficulty, interval_days, due)
  VALUES (1, 'storetest-alpha', 'Pick one metric for a music app.', 1772442000, 60000, 'Weekly listening time is the metric.', '0000000000000001', -1, NULL, 1772442060, 72.5, 6, 1, 300, 'store', '00000000000000aa', 3, 4, 1, 1772442060, 3.2, 5.1, 3, 1772701260);
INSERT INTO attempts (id, question_id, prompt, started_at, duration_ms, answer, answer_hash, follow_up, parent_id, saved_at, score, words, sentences, limit_s, rubric, rubric_version, auto_grade, final_grade, scheduled)
  VALUES (2, 'storetest-alpha', 'And growth?', 1772442100, 30000, 'Growth follows retention.', '0000000000000002', 0, 1, 1772442130, 40, 3, 1, 150, 'store', '00000000000000aa', 2, 2, 0);
INSERT INTO criteria VALUES (1, 0, 'topic', 'The metric', 'keywords', 10, 10, 50, 1, 1, 0, '1 of 1', NULL, '[{"start":0,"end":6}]');
INSERT INTO criteria VALUES (1, 1, 'why', 'Why it matters', 'keywords', 10, 0, 0, 1, 0, 0, '0 of 1', 'Say why the metric matters.', '[]');
INSERT INTO grade_changes VALUES (1, 1, 3, 4, 1772442200);
INSERT INTO cards VALUES ('storetest-alpha', 3.2, 5.1, 1772442060, 1772701260, 1, 0, 1772442060);
INSERT INTO settings VALUES ('new-per-day', '7', 1772442000);
PRAGMA user_version = 1;
PRAGMA application_id = 1886217330;
