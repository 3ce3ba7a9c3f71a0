-- A database written by pmdrill at schema version 5 (main at e998543,
-- before the summaries): answers to the three questions of tests/data/store
-- on three days, grade overrides, and an import of the same history a month
-- back with one answer made a follow-up and one a cram pass.  Made by
-- sqlite3 .dump; tests/scripts/store-migrate-v5.sh restores it and sets
-- the pragmas.  v5.stats* are what that pmdrill printed for it at
-- PMDRILL_NOW=2026-03-04T13:00:00Z (with the built-in bank beside the binary).
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
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
INSERT INTO questions VALUES('storetest-alpha','storealpha','Which metric would you pick for a music app, and why?','pm','north-star, consumer','storetest',1770022560,1772442000,0);
INSERT INTO questions VALUES('storetest-beta','storebeta','How would you grow a B2B product that has stalled?','senior','b2b','storetest',1770024600,1772442000,0);
INSERT INTO questions VALUES('storetest-gamma','storealpha','How would you improve retention of a fitness app?','apm',NULL,'storetest',1770112800,1772442000,0);
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
, session_id INTEGER REFERENCES sessions(id)) STRICT;
INSERT INTO attempts VALUES(1,'storetest-alpha','Which metric would you pick for a music app, and why?',1772441760,240000,replace('The metric I would pick is weekly listening time. Retention and growth both follow from it, so it is the one number to watch.\n','\n',char(10)),'b83b43a5f389c524',-1,NULL,1772442000,32.0,24,2,300,6.0,1.0,12.5,0.64000000000000001332,1.0,'["packs 12.5 concepts into every 100 words, more than reasoning needs: vocabulary counts for 64% here. Show how each idea applies to the question."]','storetest','2d139eaa96a2a2d1',1,1,1,1772442000,NULL,NULL,0.211999999999999994,6.4132999999999995566,1,1772528400,NULL);
INSERT INTO attempts VALUES(2,'storetest-beta','How would you grow a B2B product that has stalled?',1772443800,-1,replace('Retention.\n','\n',char(10)),'08e2579496c332e5',-1,NULL,1772443800,0.0,1,1,300,0.0,0.0,100.0,0.14999999999999999444,0.040000000000000007771,'["reads like a list of keywords (only 0% of the words are in full sentences): vocabulary counts for 15% here. Explain your reasoning in sentences.","this answer does not seem to be about the question asked (8% relevant: 0 of the prompt''s 4 key words): the score is scaled by 15%. Answer the question that was asked, with its specifics.","1 words is too short for this question (at least 5): the score is scaled by 4%"]','storetest','2d139eaa96a2a2d1',1,3,1,1772443800,NULL,NULL,2.3065000000000002167,2.1181039704590158834,2,1772616600,NULL);
INSERT INTO attempts VALUES(3,'storetest-gamma','How would you improve retention of a fitness app?',1772532000,-1,replace('Growth of the metric depends on retention first, and I would check the metric weekly.\n','\n',char(10)),'a86a551bc8932ac3',-1,NULL,1772532000,40.0,15,1,300,0.0,1.0,20.0,0.4000000000000000222,1.0,'["packs 20.0 concepts into every 100 words, more than reasoning needs: vocabulary counts for 40% here. Show how each idea applies to the question."]','storetest','2d139eaa96a2a2d1',2,4,1,1772532000,NULL,NULL,8.2956000000000003069,1.0,8,1773223200,NULL);
INSERT INTO attempts VALUES(4,'storetest-alpha','Which metric would you pick for a music app, and why?',1772618400,-1,replace('Growth of the metric depends on retention first, and I would check the metric weekly.\n','\n',char(10)),'a86a551bc8932ac3',-1,NULL,1772618400,40.0,15,1,300,0.0,1.0,20.0,0.4000000000000000222,1.0,'["packs 20.0 concepts into every 100 words, more than reasoning needs: vocabulary counts for 40% here. Show how each idea applies to the question."]','storetest','2d139eaa96a2a2d1',2,2,1,1772618400,2,0.61056409136118106051,0.47648840008933374123,9.1927976495122543099,1,1772704800,NULL);
INSERT INTO attempts VALUES(5,'storetest-alpha','Which metric would you pick for a music app, and why?',1770022560,240000,replace('The metric I would pick is weekly listening time. Retention and growth both follow from it, so it is the one number to watch.\n','\n',char(10)),'b83b43a5f389c524',-1,NULL,1772625600,32.0,24,2,300,6.0,1.0,12.5,0.64000000000000001332,1.0,'["packs 12.5 concepts into every 100 words, more than reasoning needs: vocabulary counts for 64% here. Show how each idea applies to the question."]','storetest','2d139eaa96a2a2d1',1,1,1,1772442000,0,1.0,0.083356717110316044805,8.8063044688568368201,1,1772528400,NULL);
INSERT INTO attempts VALUES(6,'storetest-beta','How would you grow a B2B product that has stalled?',1770024600,-1,replace('Retention.\n','\n',char(10)),'08e2579496c332e5',0,5,1772625600,0.0,1,1,300,0.0,0.0,100.0,0.14999999999999999444,0.040000000000000007771,'["reads like a list of keywords (only 0% of the words are in full sentences): vocabulary counts for 15% here. Explain your reasoning in sentences.","this answer does not seem to be about the question asked (8% relevant: 0 of the prompt''s 4 key words): the score is scaled by 15%. Answer the question that was asked, with its specifics.","1 words is too short for this question (at least 5): the score is scaled by 4%"]','storetest','2d139eaa96a2a2d1',1,3,1,1772443800,0,1.0,2.3065000000000002167,2.1112142357853951324,2,1772616600,NULL);
INSERT INTO attempts VALUES(7,'storetest-gamma','How would you improve retention of a fitness app?',1770112800,-1,replace('Growth of the metric depends on retention first, and I would check the metric weekly.\n','\n',char(10)),'a86a551bc8932ac3',-1,NULL,1772625600,40.0,15,1,300,0.0,1.0,20.0,0.4000000000000000222,1.0,'["packs 20.0 concepts into every 100 words, more than reasoning needs: vocabulary counts for 40% here. Show how each idea applies to the question."]','storetest','2d139eaa96a2a2d1',2,4,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO attempts VALUES(8,'storetest-alpha','Which metric would you pick for a music app, and why?',1770199200,-1,replace('Growth of the metric depends on retention first, and I would check the metric weekly.\n','\n',char(10)),'a86a551bc8932ac3',-1,NULL,1772625600,40.0,15,1,300,0.0,1.0,20.0,0.4000000000000000222,1.0,'["packs 20.0 concepts into every 100 words, more than reasoning needs: vocabulary counts for 40% here. Show how each idea applies to the question."]','storetest','2d139eaa96a2a2d1',2,2,1,1772618400,0,1.0,0.30557574993611441582,9.4493698334135398653,1,1772704800,NULL);
CREATE TABLE grade_changes (
  id INTEGER PRIMARY KEY,
  attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  old_grade INTEGER NOT NULL CHECK (old_grade BETWEEN 1 AND 4),
  new_grade INTEGER NOT NULL CHECK (new_grade BETWEEN 1 AND 4),
  changed_at INTEGER NOT NULL
) STRICT;
INSERT INTO grade_changes VALUES(1,3,2,4,1772532000);
INSERT INTO grade_changes VALUES(2,2,1,3,1772622000);
INSERT INTO grade_changes VALUES(3,6,1,3,1772622000);
INSERT INTO grade_changes VALUES(4,7,2,4,1772532000);
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
INSERT INTO cards VALUES('storetest-gamma',8.2956000000000003069,1.0,1772532000,1773223200,1,0,1772532000);
INSERT INTO cards VALUES('storetest-alpha',0.30557574993611441582,9.4493698334135398653,1772618400,1772704800,4,1,1772442000);
INSERT INTO cards VALUES('storetest-beta',2.3065000000000002167,2.1112142357853951324,1772443800,1772616600,2,0,1772443800);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
INSERT INTO settings VALUES('bank-synced','3069f42c3013dd1f',1772443800);
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','answers_fts','answers_fts',0,'CREATE VIRTUAL TABLE answers_fts USING fts5(answer, content=''attempts'',
  content_rowid=''id'', tokenize=''unicode61 remove_diacritics 2'')');
CREATE TABLE IF NOT EXISTS 'answers_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO answers_fts_data VALUES(1,X'086e');
INSERT INTO answers_fts_data VALUES(10,X'000000000108080008010101020101030101040101050101060101070101080101');
INSERT INTO answers_fts_data VALUES(137438953473,X'000000c50430616e6401020c0104626f746801020e0106666f6c6c6f7701020f0203726f6d010210010667726f77746801020d0101690102040201730104070f0201740104110401096c697374656e696e6701020901066d657472696301020301066e756d62657201021701036f6e6501021601047069636b0102060109726574656e74696f6e01020b0102736f0102120103746865010402150203696d6501020a02016f01021801057761746368010219020565656b6c7901020802046f756c640102050408090b080b0607070e0b0b08090e070908060a0a');
INSERT INTO answers_fts_data VALUES(274877906945,X'000000120a30726574656e74696f6e02020204');
INSERT INTO answers_fts_data VALUES(412316860417,X'000000810430616e6403020a0105636865636b03020d0107646570656e647303020601056669727374030209010667726f77746803020201016903020b01066d65747269630304050c01026f6603020302016e0302070109726574656e74696f6e03020801037468650304040c01067765656b6c7903021002046f756c6403020c04080a0c0a0b060c07060e090b');
INSERT INTO answers_fts_data VALUES(549755813889,X'000000810430616e6404020a0105636865636b04020d0107646570656e647304020601056669727374040209010667726f77746804020201016904020b01066d65747269630404050c01026f6604020302016e0402070109726574656e74696f6e04020801037468650404040c01067765656b6c7904021002046f756c6404020c04080a0c0a0b060c07060e090b');
INSERT INTO answers_fts_data VALUES(687194767361,X'000000c50430616e6405020c0104626f746805020e0106666f6c6c6f7705020f0203726f6d050210010667726f77746805020d0101690502040201730504070f0201740504110401096c697374656e696e6705020901066d657472696305020301066e756d62657205021701036f6e6505021601047069636b0502060109726574656e74696f6e05020b0102736f0502120103746865050402150203696d6505020a02016f05021801057761746368050219020565656b6c7905020802046f756c640502050408090b080b0607070e0b0b08090e070908060a0a');
INSERT INTO answers_fts_data VALUES(824633720833,X'000000120a30726574656e74696f6e06020204');
INSERT INTO answers_fts_data VALUES(962072674305,X'000000810430616e6407020a0105636865636b07020d0107646570656e647307020601056669727374070209010667726f77746807020201016907020b01066d65747269630704050c01026f6607020302016e0702070109726574656e74696f6e07020801037468650704040c01067765656b6c7907021002046f756c6407020c04080a0c0a0b060c07060e090b');
INSERT INTO answers_fts_data VALUES(1099511627777,X'000000810430616e6408020a0105636865636b08020d0107646570656e647308020601056669727374080209010667726f77746808020201016908020b01066d65747269630804050c01026f6608020302016e0802070109726574656e74696f6e08020801037468650804040c01067765656b6c7908021002046f756c6408020c04080a0c0a0b060c07060e090b');
CREATE TABLE IF NOT EXISTS 'answers_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO answers_fts_idx VALUES(1,X'',2);
INSERT INTO answers_fts_idx VALUES(2,X'',2);
INSERT INTO answers_fts_idx VALUES(3,X'',2);
INSERT INTO answers_fts_idx VALUES(4,X'',2);
INSERT INTO answers_fts_idx VALUES(5,X'',2);
INSERT INTO answers_fts_idx VALUES(6,X'',2);
INSERT INTO answers_fts_idx VALUES(7,X'',2);
INSERT INTO answers_fts_idx VALUES(8,X'',2);
CREATE TABLE IF NOT EXISTS 'answers_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO answers_fts_docsize VALUES(1,X'18');
INSERT INTO answers_fts_docsize VALUES(2,X'01');
INSERT INTO answers_fts_docsize VALUES(3,X'0f');
INSERT INTO answers_fts_docsize VALUES(4,X'0f');
INSERT INTO answers_fts_docsize VALUES(5,X'18');
INSERT INTO answers_fts_docsize VALUES(6,X'01');
INSERT INTO answers_fts_docsize VALUES(7,X'0f');
INSERT INTO answers_fts_docsize VALUES(8,X'0f');
CREATE TABLE IF NOT EXISTS 'answers_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO answers_fts_config VALUES('version',4);
CREATE TABLE criterion_texts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  label TEXT,
  kind TEXT NOT NULL,
  feedback TEXT
) STRICT;
INSERT INTO criterion_texts VALUES(1,'topic','topic','keywords','Name the metric, retention and growth.');
INSERT INTO criterion_texts VALUES(2,'size','size','length',NULL);
CREATE TABLE criterion_results (
  attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  pos INTEGER NOT NULL,
  text_id INTEGER NOT NULL REFERENCES criterion_texts(id),
  weight REAL NOT NULL,
  earned REAL NOT NULL,
  scaled REAL NOT NULL,
  flags INTEGER NOT NULL,
  detail TEXT,
  evidence TEXT,
  PRIMARY KEY (attempt_id, pos)
) STRICT, WITHOUT ROWID;
INSERT INTO criterion_results VALUES(1,0,1,60.0,19.199999999999999289,32.0,1,'3 of 3 concepts, 1.5 of them in sentences that say something specific','[{"start":4,"end":10},{"start":50,"end":59},{"start":64,"end":70}]');
INSERT INTO criterion_results VALUES(1,1,2,40.0,0.0,0.0,3,'24 words (typical 8-400 for the time; points off past 800)',NULL);
INSERT INTO criterion_results VALUES(2,0,1,60.0,0.75,0.0075000000000000014571,1,'1 of 3 concepts, 0.3 of them in sentences that say something specific','[{"start":0,"end":9}]');
INSERT INTO criterion_results VALUES(2,1,2,40.0,0.0,0.0,3,'1 words (typical 8-400 for the time; points off past 800)',NULL);
INSERT INTO criterion_results VALUES(3,0,1,60.0,24.0,40.0,1,'3 of 3 concepts','[{"start":0,"end":6},{"start":14,"end":20},{"start":32,"end":41}]');
INSERT INTO criterion_results VALUES(3,1,2,40.0,0.0,0.0,3,'15 words (typical 8-400 for the time; points off past 800)',NULL);
INSERT INTO criterion_results VALUES(4,0,1,60.0,24.0,40.0,1,'3 of 3 concepts','[{"start":0,"end":6},{"start":14,"end":20},{"start":32,"end":41}]');
INSERT INTO criterion_results VALUES(4,1,2,40.0,0.0,0.0,3,'15 words (typical 8-400 for the time; points off past 800)',NULL);
INSERT INTO criterion_results VALUES(5,0,1,60.0,19.199999999999999289,32.0,1,'3 of 3 concepts, 1.5 of them in sentences that say something specific','[{"start":4,"end":10},{"start":50,"end":59},{"start":64,"end":70}]');
INSERT INTO criterion_results VALUES(5,1,2,40.0,0.0,0.0,3,'24 words (typical 8-400 for the time; points off past 800)',NULL);
INSERT INTO criterion_results VALUES(6,0,1,60.0,0.75,0.0075000000000000014571,1,'1 of 3 concepts, 0.3 of them in sentences that say something specific','[{"start":0,"end":9}]');
INSERT INTO criterion_results VALUES(6,1,2,40.0,0.0,0.0,3,'1 words (typical 8-400 for the time; points off past 800)',NULL);
INSERT INTO criterion_results VALUES(7,0,1,60.0,24.0,40.0,1,'3 of 3 concepts','[{"start":0,"end":6},{"start":14,"end":20},{"start":32,"end":41}]');
INSERT INTO criterion_results VALUES(7,1,2,40.0,0.0,0.0,3,'15 words (typical 8-400 for the time; points off past 800)',NULL);
INSERT INTO criterion_results VALUES(8,0,1,60.0,24.0,40.0,1,'3 of 3 concepts','[{"start":0,"end":6},{"start":14,"end":20},{"start":32,"end":41}]');
INSERT INTO criterion_results VALUES(8,1,2,40.0,0.0,0.0,3,'15 words (typical 8-400 for the time; points off past 800)',NULL);
CREATE TABLE question_stats (
  question_id TEXT PRIMARY KEY,
  attempts INTEGER NOT NULL,
  last_at INTEGER,
  last_main_score REAL
) STRICT, WITHOUT ROWID;
INSERT INTO question_stats VALUES('storetest-alpha',4,1772618400,40.0);
INSERT INTO question_stats VALUES('storetest-beta',2,1772443800,0.0);
INSERT INTO question_stats VALUES('storetest-gamma',2,1772532000,40.0);
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('mock')),
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  settings TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX attempts_by_question ON attempts(question_id, started_at);
CREATE INDEX attempts_by_start ON attempts(started_at);
CREATE INDEX attempts_by_parent ON attempts(parent_id);
CREATE INDEX grade_changes_by_attempt ON grade_changes(attempt_id);
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
CREATE INDEX cards_by_due ON cards(due);
CREATE INDEX attempts_by_question_score ON attempts(question_id,
  follow_up, started_at, score);
CREATE INDEX attempts_progress ON attempts(started_at, question_id,
  follow_up, scheduled, score);
CREATE UNIQUE INDEX criterion_texts_key ON criterion_texts(name, kind,
  ifnull(label, char(0)), ifnull(feedback, char(0)));
CREATE VIEW criteria AS SELECT r.attempt_id AS attempt_id, r.pos AS pos,
  t.name AS name, t.label AS label, t.kind AS kind, r.weight AS weight,
  r.earned AS earned, r.scaled AS scaled, r.flags & 1 AS active,
  (r.flags >> 1) & 1 AS met, (r.flags >> 2) & 1 AS limited,
  r.detail AS detail, t.feedback AS feedback,
  ifnull(r.evidence, '[]') AS evidence
  FROM criterion_results r JOIN criterion_texts t ON t.id = r.text_id;
CREATE TRIGGER criteria_insert INSTEAD OF INSERT ON criteria BEGIN
  INSERT OR IGNORE INTO criterion_texts (name, label, kind, feedback)
    VALUES (new.name, new.label, new.kind, new.feedback);
  INSERT INTO criterion_results VALUES (new.attempt_id, new.pos,
    (SELECT id FROM criterion_texts WHERE name = new.name
     AND kind = new.kind AND ifnull(label, char(0)) = ifnull(new.label, char(0))
     AND ifnull(feedback, char(0)) = ifnull(new.feedback, char(0))),
    new.weight, new.earned, new.scaled, (new.active != 0)
    | ((new.met != 0) << 1) | ((new.limited != 0) << 2), new.detail,
    nullif(new.evidence, '[]'));
END;
CREATE TRIGGER criteria_delete INSTEAD OF DELETE ON criteria BEGIN
  DELETE FROM criterion_results WHERE attempt_id = old.attempt_id
    AND pos = old.pos;
END;
CREATE TRIGGER question_stats_insert AFTER INSERT ON attempts BEGIN
  INSERT OR REPLACE INTO question_stats SELECT new.question_id,
    (SELECT count(*) FROM attempts a WHERE a.question_id = new.question_id),
    (SELECT max(a.started_at) FROM attempts a WHERE a.question_id = new.question_id),
    (SELECT a.score FROM attempts a WHERE a.question_id = new.question_id
     AND a.score IS NOT NULL AND a.follow_up = -1
     ORDER BY a.started_at DESC, a.id DESC LIMIT 1);
END;
CREATE TRIGGER question_stats_update AFTER UPDATE OF question_id,
  started_at, follow_up, score ON attempts BEGIN
  INSERT OR REPLACE INTO question_stats SELECT new.question_id,
    (SELECT count(*) FROM attempts a WHERE a.question_id = new.question_id),
    (SELECT max(a.started_at) FROM attempts a WHERE a.question_id = new.question_id),
    (SELECT a.score FROM attempts a WHERE a.question_id = new.question_id
     AND a.score IS NOT NULL AND a.follow_up = -1
     ORDER BY a.started_at DESC, a.id DESC LIMIT 1);
  INSERT OR REPLACE INTO question_stats SELECT old.question_id,
    (SELECT count(*) FROM attempts a WHERE a.question_id = old.question_id),
    (SELECT max(a.started_at) FROM attempts a WHERE a.question_id = old.question_id),
    (SELECT a.score FROM attempts a WHERE a.question_id = old.question_id
     AND a.score IS NOT NULL AND a.follow_up = -1
     ORDER BY a.started_at DESC, a.id DESC LIMIT 1);
END;
CREATE TRIGGER question_stats_delete AFTER DELETE ON attempts BEGIN
  INSERT OR REPLACE INTO question_stats SELECT old.question_id,
    (SELECT count(*) FROM attempts a WHERE a.question_id = old.question_id),
    (SELECT max(a.started_at) FROM attempts a WHERE a.question_id = old.question_id),
    (SELECT a.score FROM attempts a WHERE a.question_id = old.question_id
     AND a.score IS NOT NULL AND a.follow_up = -1
     ORDER BY a.started_at DESC, a.id DESC LIMIT 1);
END;
CREATE INDEX attempts_by_session ON attempts(session_id);
PRAGMA writable_schema=OFF;
COMMIT;
