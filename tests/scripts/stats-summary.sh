#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11: `stats` (the terminal and --json) reads the summaries schema 6 keeps
# (category_days, trend_points).  After answers on several days, an
# unscored answer, grade overrides and an undo, an import (main answers,
# a follow-up, a cram pass, a question the banks lack) and a question
# moved to another category, the summaries must equal a fresh rebuild
# (tests/data/migrate/summary-check.sql) and every `stats` view must be
# byte for byte what the walk over the attempts prints
# (PMDRILL_NO_SUMMARY=1), also when an average falls on a half and the
# two ways of adding could round apart.
. tests/scripts/lib.sh
. tests/scripts/store.inc

CHECK=$ROOT/tests/data/migrate/summary-check.sql
# same_stats WHEN: the summaries agree with the attempts, and the figures
# read from them with the walk's, at the clock of every answer so far.
same_stats() {
	[ "$(sqlite3 -batch "$PMDRILL_DB" <"$CHECK")" = 0 ] ||
		fail "the summaries disagree with a rebuild after $1"
	for args in '--json' '--json --category storealpha' '' \
		'--category storealpha' '--category storebeta'; do
		# shellcheck disable=SC2086
		expect_status 0 pm stats $args
		cp "$WORK/out" "$WORK/summary.out"
		# shellcheck disable=SC2086
		PMDRILL_NO_SUMMARY=1 expect_status 0 pm stats $args
		cmp -s "$WORK/summary.out" "$WORK/out" || {
			diff "$WORK/out" "$WORK/summary.out" >&2
			fail "stats $args from the summaries differs from the walk after $1"
		}
	done
}

printf '%s\n' "$GOOD" >"$WORK/good.txt"
printf 'Retention.\n' >"$WORK/short.txt"
printf '%s\n' '...' >"$WORK/nowords.txt"
export PMDRILL_NOW=2026-03-02T09:00:00Z
expect_status 0 pm answer -q storetest-alpha --time 240 "$WORK/good.txt"
expect_status 0 pm answer -q storetest-beta "$WORK/short.txt"
PMDRILL_NOW=2026-03-03T10:00:00Z expect_status 0 pm answer -q storetest-gamma --grade easy "$WORK/good.txt"
PMDRILL_NOW=2026-03-05T10:00:00Z expect_status 0 pm answer -q storetest-alpha "$WORK/short.txt"
PMDRILL_NOW=2026-03-05T11:00:00Z expect_status 65 pm answer -q storetest-beta "$WORK/nowords.txt"
[ "$(sql 'SELECT count(*) FROM attempts WHERE score IS NULL')" = 1 ] ||
	fail 'the answer without words was scored'
export PMDRILL_NOW=2026-03-05T12:00:00Z
same_stats 'answers'
[ "$(sql 'SELECT count(*) FROM trend_points')" = 4 ] || fail 'trend_points does not hold the 4 scored answers'
grep_in "$WORK/out" '^attempts: +5 \(4 scored, 3 questions, 2 today\)$'

expect_status 0 pm grade 1 easy
expect_status 0 pm grade 2 again
expect_status 0 pm grade --undo 1
same_stats 'grade changes and an undo'

# An import: the history moved a month back, one answer made a follow-up
# of the first, one a cram pass, and one to a question no bank has.
expect_status 0 pm export
sed -e 's/"started_at":"2026-03-0/"started_at":"2026-02-0/' \
	-e '2s/"follow_up":-1,"parent":null/"follow_up":0,"parent":1/' \
	-e '3s/"scheduled":true/"scheduled":false/' \
	-e '4s/"question":"storetest-alpha","category":"storealpha"/"question":"imported-delta","category":"storedelta"/' \
	"$WORK/out" >"$WORK/import.jsonl"
expect_status 0 pm import "$WORK/import.jsonl"
[ "$(sql 'SELECT count(*) FROM attempts')" = 10 ] || fail 'the import did not add 5 attempts'
[ "$(sql 'SELECT count(*) FROM attempts WHERE follow_up = 0')" = 1 ] || fail 'no follow-up imported'
same_stats 'an import'
grep_in "$WORK/out" 'follow-ups'
expect_status 0 pm stats --category storedelta

# storetest-gamma moves to storebeta: its attempts move with it.
mkdir -p "$WORK/bank/questions" "$WORK/bank/rubrics"
cp "$STORE_BANK"/rubrics/* "$WORK/bank/rubrics/"
sed '/^Id: storetest-gamma$/,/^$/s/^Category: storealpha$/Category: storebeta/' \
	"$STORE_BANK/questions/store.txt" >"$WORK/bank/questions/store.txt"
grep -q '^Category: storebeta' "$WORK/bank/questions/store.txt" || fail 'bank edit'
PMDRILL_NOW=2026-03-06T09:00:00Z expect_status 0 "$PM" --bank "$WORK/bank" answer -q storetest-beta "$WORK/good.txt"
[ "$(sql "SELECT category FROM questions WHERE id = 'storetest-gamma'")" = storebeta ] ||
	fail 'the category change was not synced'
[ "$(sql "SELECT count(*) FROM trend_points WHERE category = 'storebeta' AND attempt_id IN (SELECT id FROM attempts WHERE question_id = 'storetest-gamma')")" -ge 1 ] ||
	fail "storetest-gamma's scores did not move to storebeta"
PMDRILL_NOW=2026-03-06T12:00:00Z same_stats 'a question changed category'

# An average on a half: 0.1, 10.2 and 0.2 add up one by one (as SQLite
# and the walk do) to 10.499999999999998, whose third prints 3, while
# the exact sum's 3.5 prints 4.  The terminal must still say 3.
export PMDRILL_DB=$WORK/half.db
for d in 02 03 04; do
	PMDRILL_NOW=2026-03-${d}T09:00:00Z expect_status 0 pm answer -q storetest-alpha "$WORK/good.txt"
done
sql 'UPDATE attempts SET score = CASE id WHEN 1 THEN 0.1 WHEN 2 THEN 10.2 ELSE 0.2 END'
same_stats 'scores whose average is a half'
expect_status 0 pm stats
grep_in "$WORK/out" '^average score:  3$'
grep_in "$WORK/out" '^  storealpha    3  \(3 attempts\)$'

# An overall average on a boundary of JSON's tenth digit: seven scores
# of 26 and one of 26.000001 average 26.000000125 exactly, while each
# category's average does not (the overall one is then read again the
# walk's way, alone).
export PMDRILL_DB=$WORK/tenth.db
for q in alpha beta alpha beta alpha beta alpha beta; do
	expect_status 0 pm answer -q storetest-$q "$WORK/good.txt"
done
sql 'UPDATE attempts SET score = CASE id WHEN 1 THEN 26.000001 ELSE 26 END'
same_stats 'an overall average on a boundary of its tenth digit'
exit 0
