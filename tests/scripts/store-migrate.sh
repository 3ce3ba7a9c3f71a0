#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A database written at schema version 1 is upgraded to the current version (7) on
# open: the sessions table and attempts.session_id appear, every row
# written before is still there unchanged and linked to no session, and
# a read-only copy is refused with the reason instead of being changed.
. tests/scripts/lib.sh
. tests/scripts/store.inc

sqlite3 -batch "$PMDRILL_DB" <"$ROOT/tests/data/schema/v1.sql" || fail 'cannot build the v1 database'
[ "$(sql 'PRAGMA user_version')" = 1 ] || fail 'fixture is not version 1'
before=$(sql 'SELECT * FROM attempts ORDER BY id; SELECT * FROM criteria; SELECT * FROM grade_changes; SELECT * FROM cards; SELECT * FROM settings')

# A read-only old file cannot be upgraded, and is left as it was.
cp "$PMDRILL_DB" "$WORK/ro.db"
chmod 0444 "$WORK/ro.db"
if [ "$(id -u)" != 0 ]; then
	PMDRILL_DB=$WORK/ro.db expect_status 74 pm history
	grep_in "$WORK/err" 'needs its schema upgraded from version 1 to 7, but it is read-only'
	[ "$(sqlite3 "$WORK/ro.db" 'PRAGMA user_version')" = 1 ] || fail 'read-only file changed'
fi

expect_status 0 pm history
grep_in "$WORK/out" '^ +2 +2026-03-02 09:01 +storetest-alpha #1 +40 +hard'
grep_in "$WORK/out" '^ +1 +2026-03-02 09:00 +storetest-alpha +72 +easy\*'
[ "$(sql 'PRAGMA user_version')" = 7 ] || fail 'not upgraded to version 7'
[ "$(sql "SELECT count(*) FROM pragma_table_list WHERE name = 'sessions' AND strict = 1")" = 1 ] ||
	fail 'no STRICT sessions table'
[ "$(sql "SELECT count(*) FROM pragma_table_info('attempts') WHERE name = 'session_id'")" = 1 ] ||
	fail 'no attempts.session_id'
[ "$(sql 'SELECT count(*) FROM attempts WHERE session_id IS NOT NULL')" = 0 ] ||
	fail 'old attempts were linked to a session'
[ "$(sql 'SELECT id, question_id, prompt, started_at, duration_ms, answer, answer_hash, follow_up, parent_id, saved_at, score, words, sentences, limit_s, wpm, prose_share, density, guard, length_factor, notes, rubric, rubric_version, auto_grade, final_grade, scheduled, reviewed_at, elapsed_days, retrievability, stability, difficulty, interval_days, due FROM attempts ORDER BY id; SELECT * FROM criteria; SELECT * FROM grade_changes; SELECT * FROM cards; SELECT * FROM settings')" = "$before" ] ||
	fail 'rows changed in the upgrade'
[ "$(sql 'PRAGMA integrity_check; PRAGMA foreign_key_check')" = ok ] || fail 'integrity check'
# The old history stays usable: review, and a new answer goes in after it.
expect_status 0 pm review 1
grep_in "$WORK/out" 'changed by hand'
printf '%s\n' "$GOOD" >"$WORK/a.txt"
expect_at 0 2026-03-09T09:00:00Z pm answer -q storetest-alpha "$WORK/a.txt"
[ "$(sql 'SELECT count(*) FROM attempts')" = 3 ] || fail 'new attempt not added'
# Opening again does not migrate twice.
expect_status 0 pm history
[ "$(sql 'PRAGMA user_version')" = 7 ] || fail 'version changed on a second open'
exit 0
