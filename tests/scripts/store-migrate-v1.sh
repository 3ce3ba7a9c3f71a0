#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11: a database that the previous release wrote (schema version 1)
# is migrated on first open, by a reading command too, without loss: its
# export is byte for byte what the old release exported (but for fields
# added since, which a version 1 database has no value for: "session" is
# null on each line), and the new indexes are there.
. tests/scripts/lib.sh
command -v sqlite3 >/dev/null 2>&1 || { echo 'sqlite3 not found: skipping'; exit 77; }
D=$ROOT/tests/data/migrate
sqlite3 "$PMDRILL_DB" <"$D/v1.sql" || fail 'restoring the version 1 database'
sqlite3 "$PMDRILL_DB" 'PRAGMA user_version = 1; PRAGMA application_id = 1886217330; PRAGMA journal_mode = WAL' >/dev/null
# the export without the fields added since version 1
old_fields() { sed 's/,"session":null}$/}/' "$WORK/out" >"$WORK/old"; }
expect_status 0 "$PM" export
grep -c ',"session":null}$' "$WORK/out" | grep -qx "$(wc -l <"$D/v1.export")" ||
	fail 'not every line ends with a null session'
old_fields
cmp "$WORK/old" "$D/v1.export" || {
	diff "$WORK/old" "$D/v1.export" | head -20 >&2
	fail 'the migrated database does not export what version 1 exported'
}
[ "$(sqlite3 "$PMDRILL_DB" 'PRAGMA user_version')" = 7 ] || fail 'not migrated to version 7'
for i in cards_by_due attempts_by_question_score attempts_progress; do
	[ "$(sqlite3 "$PMDRILL_DB" "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '$i'")" = 1 ] ||
		fail "index $i is missing after the migration"
done
# The summary the migration built agrees with the attempts.
[ "$(sqlite3 -batch "$PMDRILL_DB" <"$D/stats-check.sql")" = 0 ] ||
	fail 'question_stats disagrees with the migrated attempts'
# The queue reads cards by due date through the new index.
sqlite3 "$PMDRILL_DB" 'EXPLAIN QUERY PLAN SELECT question_id FROM cards WHERE due < 9e18 ORDER BY due' >"$WORK/plan"
grep_in "$WORK/plan" 'cards_by_due'
expect_status 0 "$PM" history
grep_in "$WORK/out" 'prio-limited-resources'
[ "$(grep -c 'prio-limited-resources' "$WORK/out")" = 3 ] || fail 'history does not list the three attempts'
expect_status 0 "$PM" review 2
grep_in "$WORK/out" 'easy'
# A second open finds nothing to do.
expect_status 0 "$PM" export
old_fields
cmp "$WORK/old" "$D/v1.export" || fail 'the second open changed the export'
echo ok
