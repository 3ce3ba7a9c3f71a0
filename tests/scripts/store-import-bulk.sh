#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# An import does the work of the schema's triggers itself, in bulk (the
# full-text index, question_stats, the criteria view's tables, the
# summaries stats reads): what it
# leaves must be what the triggers leave when the same attempts are
# saved one by one, and a schema with a trigger it does not know (here a
# user's own) keeps the triggers on, so that trigger still fires.
. tests/scripts/lib.sh
. tests/scripts/store.inc

printf '%s\n' "$GOOD" >"$WORK/a.txt"
printf 'Zanzibar onboarding funnel, then the retention cohort.\n' >"$WORK/b.txt"
expect_at 0 2026-03-02T09:00:00Z pm answer -q storetest-alpha --time 120 "$WORK/a.txt"
expect_at 0 2026-03-03T09:30:00Z pm answer -q storetest-beta --grade again "$WORK/b.txt"
expect_at 0 2026-03-06T09:00:00Z pm answer -q storetest-alpha "$WORK/b.txt"
expect_status 0 pm grade 1 easy
expect_status 0 pm export "$WORK/e.json"
: >"$WORK/empty.json"

# What the triggers made, as text to compare.
tables() {
	sqlite3 -batch "$1" "SELECT * FROM question_stats ORDER BY 1;
		SELECT * FROM criteria ORDER BY attempt_id, pos;
		SELECT * FROM criterion_texts ORDER BY id;
		SELECT * FROM category_days ORDER BY 1, 2;
		SELECT * FROM trend_points ORDER BY 1, 2, 3;
		SELECT rowid FROM answers_fts WHERE answers_fts MATCH 'zanzibar' ORDER BY 1;
		SELECT rowid, bm25(answers_fts) FROM answers_fts WHERE answers_fts MATCH 'retention' ORDER BY 1;
		INSERT INTO answers_fts(answers_fts) VALUES ('integrity-check');"
}
tables "$PMDRILL_DB" >"$WORK/saved.txt" || fail 'reading the saved tables'
grep -q '|' "$WORK/saved.txt" || fail 'setup: no rows to compare'

PMDRILL_DB=$WORK/bulk.db expect_status 0 pm import "$WORK/e.json"
grep_in "$WORK/out" '^imported 3 attempts$'
tables "$WORK/bulk.db" >"$WORK/bulk.txt" || fail 'reading the imported tables'
diff "$WORK/saved.txt" "$WORK/bulk.txt" >&2 || fail 'import left other question_stats, criteria, summary or full-text rows than saving'
# The triggers are the schema's own again: a later save keeps them up.
expect_at 0 2026-03-07T09:00:00Z env PMDRILL_DB="$WORK/bulk.db" "$PM" --bank "$STORE_BANK" answer -q storetest-beta "$WORK/b.txt"
[ "$(sqlite3 "$WORK/bulk.db" "SELECT attempts FROM question_stats WHERE question_id = 'storetest-beta'")" = 2 ] ||
	fail 'question_stats not kept after an import'
[ "$(sqlite3 "$WORK/bulk.db" "SELECT count(*) FROM answers_fts WHERE answers_fts MATCH 'zanzibar'")" = 3 ] ||
	fail 'full-text index not kept after an import'

# An attempt at the largest rowid: SQLite numbers the next ones at
# random, below it, and they must be indexed and counted all the same.
PMDRILL_DB=$WORK/max.db expect_status 0 pm import "$WORK/empty.json"
sqlite3 "$WORK/max.db" "INSERT INTO questions (id, first_seen, updated_at)
	VALUES ('elsewhere', 0, 0); INSERT INTO attempts (id, question_id,
	started_at, answer, answer_hash, saved_at) VALUES
	(9223372036854775807, 'elsewhere', 0, 'zanzibar', '0', 0)" || fail 'setup: max rowid'
PMDRILL_DB=$WORK/max.db expect_status 0 pm import "$WORK/e.json"
[ "$(sqlite3 "$WORK/max.db" "SELECT count(*) FROM answers_fts WHERE answers_fts MATCH 'zanzibar'")" = 3 ] ||
	fail 'answers numbered below the largest rowid are not indexed'
[ "$(sqlite3 "$WORK/max.db" "SELECT attempts FROM question_stats WHERE question_id = 'storetest-alpha'")" = 2 ] ||
	fail 'question_stats missed attempts numbered below the largest rowid'

# A trigger the import does not know: it must fire for every attempt.
PMDRILL_DB=$WORK/user.db expect_status 0 pm import "$WORK/empty.json"
sqlite3 "$WORK/user.db" "CREATE TABLE user_log (id INTEGER);
	CREATE TRIGGER user_log_insert AFTER INSERT ON attempts BEGIN
	INSERT INTO user_log VALUES (new.id); END;" || fail 'setup: user trigger'
PMDRILL_DB=$WORK/user.db expect_status 0 pm import "$WORK/e.json"
grep_in "$WORK/out" '^imported 3 attempts$'
[ "$(sqlite3 "$WORK/user.db" 'SELECT group_concat(id) FROM user_log')" = 1,2,3 ] ||
	fail "a user's trigger did not fire on import"
tables "$WORK/user.db" >"$WORK/user.txt" || fail 'reading the tables'
diff "$WORK/saved.txt" "$WORK/user.txt" >&2 || fail 'import with triggers on differs'
exit 0
