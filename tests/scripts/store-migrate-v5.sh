#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11: a database the previous version wrote (schema version 5,
# tests/data/migrate/v5.sql) is migrated to the current version by the first command
# that opens it, a reading one too; the summaries it builds equal a fresh
# rebuild from the attempts, and stats (text, --json, one category) and
# next print byte for byte what the version-5 pmdrill printed for it.
. tests/scripts/lib.sh
. tests/scripts/store.inc
D=$ROOT/tests/data/migrate
sqlite3 "$PMDRILL_DB" <"$D/v5.sql" || fail 'restoring the version 5 database'
sqlite3 "$PMDRILL_DB" 'PRAGMA user_version = 5; PRAGMA application_id = 1886217330; PRAGMA journal_mode = WAL' >/dev/null
before=$(sql 'SELECT * FROM attempts ORDER BY id; SELECT * FROM criteria; SELECT * FROM grade_changes; SELECT * FROM cards; SELECT * FROM question_stats')
export PMDRILL_NOW=2026-03-04T13:00:00Z

# A read-only old file cannot be upgraded, and is left as it was.
cp "$PMDRILL_DB" "$WORK/ro.db"
chmod 0444 "$WORK/ro.db"
if [ "$(id -u)" != 0 ]; then
	PMDRILL_DB=$WORK/ro.db expect_status 74 pm stats
	grep_in "$WORK/err" 'needs its schema upgraded from version 5 to 7, but it is read-only'
	[ "$(sqlite3 "$WORK/ro.db" 'PRAGMA user_version')" = 5 ] || fail 'read-only file changed'
fi

expect_status 0 pm stats
[ "$(sql 'PRAGMA user_version')" = 7 ] || fail 'not migrated to the current version'
cmp "$WORK/out" "$D/v5.stats" || {
	diff "$D/v5.stats" "$WORK/out" >&2
	fail 'stats differs from what version 5 printed'
}
[ "$(sqlite3 -batch "$PMDRILL_DB" <"$D/summary-check.sql")" = 0 ] ||
	fail 'the summaries the migration built disagree with the attempts'
[ "$(sql 'SELECT count(*) FROM category_days')" -gt 0 ] && [ "$(sql 'SELECT count(*) FROM trend_points')" = 7 ] ||
	fail 'the summaries are empty or miss scored main answers'
[ "$(sql 'SELECT * FROM attempts ORDER BY id; SELECT * FROM criteria; SELECT * FROM grade_changes; SELECT * FROM cards; SELECT * FROM question_stats')" = "$before" ] ||
	fail 'rows changed in the upgrade'
for v in 'stats --json:v5.stats.json' 'stats --category storealpha:v5.stats-storealpha' 'next --category storebeta --count 3:v5.next'; do
	# shellcheck disable=SC2086
	expect_status 0 pm ${v%%:*}
	cmp "$WORK/out" "$D/${v##*:}" || {
		diff "$D/${v##*:}" "$WORK/out" >&2
		fail "${v%%:*} differs from what version 5 printed"
	}
done
[ "$(sql 'PRAGMA integrity_check; PRAGMA foreign_key_check')" = ok ] || fail 'integrity check'
# The queue reads the cards in question order from an index alone.
sql 'EXPLAIN QUERY PLAN SELECT question_id, stability, difficulty, last_review, due, reps, lapses, first_review FROM cards ORDER BY question_id' >"$WORK/plan"
grep_in "$WORK/plan" 'COVERING INDEX cards_queue'
# A new answer goes in after the old history, and the summaries follow.
printf '%s\n' "$GOOD" >"$WORK/a.txt"
expect_at 0 2026-03-05T09:00:00Z pm answer -q storetest-beta "$WORK/a.txt"
[ "$(sqlite3 -batch "$PMDRILL_DB" <"$D/summary-check.sql")" = 0 ] ||
	fail 'the summaries disagree with the attempts after a new answer'
expect_status 0 pm stats
grep_in "$WORK/out" '^attempts: +9 \(9 scored, 3 questions, 1 today\)$'
exit 0
