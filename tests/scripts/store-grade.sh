#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Overriding and undoing a grade reschedules the question exactly as FSRS
# says: every due date is checked against `pmdrill srs replay` of the same
# grades, and undo restores the previous schedule byte for byte.
. tests/scripts/lib.sh
. tests/scripts/store.inc

T0=2026-03-02T09:00:00Z   # day 0
T1=2026-03-05T09:00:00Z   # day 3
T2=2026-03-20T09:00:00Z   # day 18
E0=1772442000

printf '%s\n' "$GOOD" >"$WORK/a.txt"
expect_at 0 $T0 pm answer -q storetest-alpha --grade good "$WORK/a.txt"
expect_at 0 $T1 pm answer -q storetest-alpha --grade good "$WORK/a.txt"
expect_at 0 $T2 pm answer -q storetest-alpha --grade hard "$WORK/a.txt"
grep_in "$WORK/out" '^attempt 3 saved; grade: hard'

# want G1 G2 G3: the card's due time after these grades, from srs replay.
want() {
	printf 'q\t%s\t-\nq\t%s\t3\nq\t%s\t15\n' "$1" "$2" "$3" >"$WORK/replay.tsv"
	"$PM" srs replay "$WORK/replay.tsv" >"$WORK/replay.out" || fail 'srs replay failed'
	i=$(tail -1 "$WORK/replay.out" | cut -f7)
	echo $((E0 + 18 * 86400 + i * 86400))
}
card_due() { sql "SELECT due FROM cards WHERE question_id = 'storetest-alpha'"; }
check() { # G1 G2 G3 what
	w=$(want "$1" "$2" "$3")
	g=$(card_due)
	[ "$g" = "$w" ] || fail "$4: due $g, FSRS says $w (grades $1 $2 $3)"
	[ "$(sql "SELECT group_concat(final_grade, ' ') FROM (SELECT final_grade FROM attempts ORDER BY id)")" = "$1 $2 $3" ] ||
		fail "$4: final grades are not $1 $2 $3"
}
check 3 3 2 'as answered'
sql 'SELECT id, final_grade, stability, difficulty, due FROM attempts ORDER BY id' >"$WORK/before"

# Override the first attempt (not the last): the whole history replays.
AUTO1=$(sql 'SELECT auto_grade FROM attempts WHERE id = 1')
case $AUTO1 in 1) AUTO1N=again ;; 2) AUTO1N=hard ;; 3) AUTO1N=good ;; 4) AUTO1N=easy ;; *) fail "attempt 1 has no proposed grade ($AUTO1)" ;; esac
expect_status 0 pm grade 1 again
grep_in "$WORK/out" "^attempt 1: grade again \\(proposed $AUTO1N\\)\$"
grep_in "$WORK/out" '^storetest-alpha: next due 20[0-9-]+$'
check 1 3 2 'after grade 1 again'
[ "$(sql 'SELECT auto_grade FROM attempts WHERE id = 1')" = "$AUTO1" ] || fail 'automatic grade lost'
expect_status 0 pm grade 3 easy
check 1 3 4 'after grade 3 easy'
expect_status 0 pm grade 3 2
check 1 3 2 'after grade 3 2'

# Undo walks back one change at a time, exactly.
expect_status 0 pm grade 3 --undo
check 1 3 4 'after undo of 3'
expect_status 0 pm grade 3 --undo
check 1 3 2 'after second undo of 3'
# `answer --grade hard` itself was an override of the proposed grade,
# unless the proposal was hard already.
A=$(sql 'SELECT auto_grade FROM attempts WHERE id = 3')
if [ "$A" != 2 ]; then
	expect_status 0 pm grade 3 --undo
	check 1 3 "$A" 'after undoing the override made by answer'
	expect_status 65 pm grade 3 --undo
	grep_in "$WORK/err" 'attempt 3 has no grade change to undo'
	expect_status 0 pm grade 3 hard
else
	expect_status 65 pm grade 3 --undo
	grep_in "$WORK/err" 'attempt 3 has no grade change to undo'
fi
expect_status 0 pm grade 1 --undo
check 3 3 2 'after undo of 1'
sql 'SELECT id, final_grade, stability, difficulty, due FROM attempts ORDER BY id' >"$WORK/after"
cmp -s "$WORK/before" "$WORK/after" || fail 'undo did not restore the schedule exactly'

# A grade equal to the current one records nothing to undo.
N0=$(sql 'SELECT count(*) FROM grade_changes WHERE attempt_id = 2')
expect_status 0 pm grade 2 good
[ "$(sql 'SELECT count(*) FROM grade_changes WHERE attempt_id = 2')" = "$N0" ] ||
	fail 'a grade equal to the current one was recorded'
if [ "$N0" = 0 ]; then
	expect_status 65 pm grade 2 --undo
fi

# The answer's printed due date is the card's.
[ "$(sql "SELECT date(due, 'unixepoch') FROM attempts WHERE id = 3")" = \
  "$(sql "SELECT date(due, 'unixepoch') FROM cards")" ] || fail 'attempt and card disagree'

# Errors: unknown attempt, bad grade, both or neither of grade and --undo.
expect_status 66 pm grade 99 good
expect_status 64 pm grade 1 superb
expect_status 64 pm grade 1
expect_status 64 pm grade 1 good --undo
expect_status 64 pm grade
exit 0
