#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `pmdrill compare A B`: two attempts at one question, the earlier on the
# left whatever the order given, each criterion's points and change, what
# the later one gained; usage and data errors with their statuses.
. tests/scripts/lib.sh
command -v jq >/dev/null 2>&1 || { echo 'jq not found: skipping'; exit 77; }
Q=prio-limited-resources
D=$ROOT/tests/calib/prioritization/$Q
PMDRILL_NOW=2026-03-01T09:00:00Z "$PM" answer --question "$Q" --time 200 "$D/weak.txt" >/dev/null 2>&1 ||
	fail 'first answer'
PMDRILL_NOW=2026-03-05T09:00:00Z "$PM" answer --question "$Q" --time 400 "$D/strong.txt" >/dev/null 2>&1 ||
	fail 'second answer'
PMDRILL_NOW=2026-03-06T09:00:00Z "$PM" answer --question metrics-measure-success "$D/good.txt" >/dev/null 2>&1 ||
	fail 'an answer at another question'

expect_status 0 "$PM" compare 2 1
cp "$WORK/out" "$WORK/a"
expect_status 0 "$PM" compare 1 2
cmp -s "$WORK/out" "$WORK/a" || fail 'compare 1 2 and compare 2 1 differ'
grep_in "$WORK/out" '^compare  prio-limited-resources$'
grep_in "$WORK/out" '^earlier  attempt 1, 2026-0[23]-'
grep_in "$WORK/out" '^later    attempt 2, 2026-03-0'
grep_in "$WORK/out" '^change  \+[0-9]+ points$'
grep_in "$WORK/out" '^  Rough numbers on the options +[0-9.]+/10 +10\.0/10 +\+[0-9.]+$'
grep_in "$WORK/out" '^gained \(now met\): .*Rough numbers on the options'
! grep -q 'earlier answer' "$WORK/out" || fail 'answers shown without --answers'

# The JSON carries the same figures.
expect_status 0 "$PM" compare 1 2 --json
jq -e '.earlier.id == 1 and .later.id == 2 and .question == "prio-limited-resources"
	and (.later.score > .earlier.score)
	and ([.criteria[] | select(.name == "numbers")][0] | .later.met and (.earlier.met | not) and .gained)
	and ([.criteria[] | .change] | add | . > 0)
	and (.later.answer | startswith("'"$(head -c 20 "$D/strong.txt")"'"))' "$WORK/out" >/dev/null ||
	{ cat "$WORK/out" >&2; fail 'compare --json'; }

# --answers: both answers, in columns.
expect_status 0 "$PM" compare 1 2 --answers
grep_in "$WORK/out" '^earlier answer +\| later answer$'

# On a terminal a screen taller than it goes through $PAGER; one that
# fits is printed.
if command -v script >/dev/null 2>&1; then
	PAGER='sed "s/^/P:/"' script -qec "stty cols 80 rows 24; $PM compare 1 2 --answers" /dev/null \
		</dev/null >"$WORK/raw" 2>&1
	grep -q '^P:earlier answer' "$WORK/raw" || { cat "$WORK/raw" >&2; fail 'a tall compare was not paged'; }
	PAGER='sed "s/^/P:/"' script -qec "stty cols 80 rows 200; $PM compare 1 2" /dev/null \
		</dev/null >"$WORK/raw" 2>&1
	grep -q '^compare  prio' "$WORK/raw" && ! grep -q '^P:' "$WORK/raw" ||
		{ cat "$WORK/raw" >&2; fail 'a compare that fits was paged'; }
fi

# Errors.
expect_status 65 "$PM" compare 1 3
grep_in "$WORK/err" "attempt 1 is at 'prio-limited-resources' and attempt 3 at 'metrics-measure-success'"
expect_status 64 "$PM" compare 1
expect_status 64 "$PM" compare 1 1
expect_status 64 "$PM" compare 1 two
expect_status 64 "$PM" compare 1 2 3
expect_status 64 "$PM" compare 1 2 --wide
expect_status 66 "$PM" compare 1 99
grep_in "$WORK/err" 'no attempt 99'
exit 0
