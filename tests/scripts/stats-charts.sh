#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `pmdrill stats` charts on a known history: the score trend per category
# (first and last score labelled), 26 weeks of activity, the 14-day due
# forecast and the criteria missed most often; drills, cram and follow-ups
# averaged apart; --category; the JSON carries the same figures; every
# line fits 80 and 40 columns; no colour without a terminal or with
# --color=never.
. tests/scripts/lib.sh
command -v jq >/dev/null 2>&1 || { echo 'jq not found: skipping'; exit 77; }
C=$ROOT/tests/calib/prioritization/prio-limited-resources
NOW=2026-03-20T12:00:00Z
ans() { PMDRILL_NOW=$1 "$PM" answer --question "$2" --time 300 "$3" >/dev/null 2>&1 || fail "answer $2 at $1"; }
ans 2026-02-28T09:00:00Z prio-limited-resources "$C/weak.txt"
ans 2026-03-10T09:00:00Z prio-limited-resources "$C/good.txt"
ans 2026-03-10T18:00:00Z prio-limited-resources "$C/strong.txt"
ans 2026-03-19T09:00:00Z metrics-measure-success "$C/good.txt"
# a cram answer and its follow-up, through a piped drill
printf 'drill --cram --category metrics --count 1\nWeekly active listeners and 30-day retention show the habit; target 40%% by Q3.\n.\n\ny\nPair it with a churn guardrail, tracked weekly.\n.\nquit\n' |
	PMDRILL_NOW=2026-03-20T10:00:00Z "$PM" >/dev/null 2>&1 || fail 'piped cram drill'

PMDRILL_NOW=$NOW "$PM" stats --json >"$WORK/json" || fail 'stats --json'
jq -e '
	(.trends | map(select(.category == "prioritization"))[0].scores | length == 3)
	and (.trends | map(select(.category == "metrics"))[0].scores | length == 2)
	and (.drills.answers == 4) and (.cram.answers == 1) and (.follow_ups.answers == 1)
	and (.activity | length == 182) and (.activity | add == 6)
	and (.activity[181] == 2) and (.activity[180] == 1) and (.activity[171] == 2)
	and (.activity[161] == 1)
	and (.due_forecast | length == 14) and (.due_forecast | add >= 1)
	and (.weaknesses | length > 0)
	and (.weaknesses | all(.missed <= .answers and .answers >= 1))' "$WORK/json" >/dev/null ||
	{ cat "$WORK/json" >&2; fail 'stats --json charts'; }
first=$(jq -r '.trends[] | select(.category == "prioritization") | .scores[0] | round' "$WORK/json")
last=$(jq -r '.trends[] | select(.category == "prioritization") | .scores[-1] | round' "$WORK/json")

# Not a terminal: plain text, no ESC, the same figures.
PMDRILL_NOW=$NOW "$PM" stats >"$WORK/out" 2>"$WORK/err" || fail 'stats'
! LC_ALL=C grep -q "$(printf '\033')" "$WORK/out" || fail 'colour without a terminal'
grep_in "$WORK/out" '^averages: +drills [0-9]+ \(4\), cram [0-9]+ \(1\), follow-ups [0-9]+ \(1\)$'
grep_in "$WORK/out" "^prioritization +$first .* $last\$"
grep_in "$WORK/out" '^Activity, last 26 weeks'
[ "$(grep -cE '^(Mo|Tu|We|Th|Fr|Sa|Su) ' "$WORK/out")" -eq 7 ] || fail 'calendar: 7 rows'
grep_in "$WORK/out" '^6 attempts on 4 days in 182 days$'
grep_in "$WORK/out" '^Due, next 14 days'
grep_in "$WORK/out" '^- .* missed in [0-9]+ of [0-9]+ (prioritization|metrics) answers$'

# --category: one category's charts; an unknown one is refused with the list.
PMDRILL_NOW=$NOW "$PM" stats --category metrics --json >"$WORK/json" || fail 'stats --category'
jq -e '([.trends[].category] == ["metrics"]) and (.activity | add == 3)
	and (.weaknesses | all(.category == "metrics"))' "$WORK/json" >/dev/null ||
	{ cat "$WORK/json" >&2; fail 'stats --category metrics'; }
expect_status 64 "$PM" stats --category nosuch
grep_in "$WORK/err" "^pmdrill: stats: unknown category 'nosuch' \(valid: .*prioritization"

# On a terminal of 80 and of 40 columns every line fits; colour on (the
# runner sets NO_COLOR, so it is unset here), and off with --color=never
# and NO_COLOR.
if command -v script >/dev/null 2>&1; then
	for w in 80 40; do
		PMDRILL_NOW=$NOW PAGER=cat env -u NO_COLOR script -qec "stty cols $w rows 24; $PM stats" /dev/null \
			</dev/null >"$WORK/raw" 2>&1
		sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' "$WORK/raw" | tr -d '\r' >"$WORK/tty"
		got=$(LC_ALL=C.UTF-8 wc -L <"$WORK/tty")
		[ "$got" -le "$w" ] || { cat "$WORK/tty" >&2; fail "stats at $w columns: a line of $got"; }
		grep -q '^Activity' "$WORK/tty" || { cat "$WORK/tty" >&2; fail "stats at $w columns: no calendar"; }
		LC_ALL=C grep -q "$(printf '\033\\[3')" "$WORK/raw" || fail "no colour on a terminal at $w"
	done
	PMDRILL_NOW=$NOW PAGER=cat env -u NO_COLOR script -qec "stty cols 80 rows 24; $PM --color=never stats" /dev/null \
		</dev/null >"$WORK/raw" 2>&1
	! LC_ALL=C grep -q "$(printf '\033\\[3')" "$WORK/raw" || fail 'colour with --color=never'
	PMDRILL_NOW=$NOW NO_COLOR=1 PAGER=cat script -qec "stty cols 80 rows 24; $PM stats" /dev/null \
		</dev/null >"$WORK/raw" 2>&1
	! LC_ALL=C grep -q "$(printf '\033\\[3')" "$WORK/raw" || fail 'colour with NO_COLOR'
	# taller than the terminal: paged
	PMDRILL_NOW=$NOW PAGER='sed "s/^/P:/"' script -qec "stty cols 80 rows 24; $PM stats" /dev/null \
		</dev/null >"$WORK/raw" 2>&1
	grep -q '^P:Activity' "$WORK/raw" || { cat "$WORK/raw" >&2; fail 'a tall stats screen was not paged'; }
fi
exit 0
