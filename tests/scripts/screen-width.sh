# SPDX-License-Identifier: GPL-3.0-or-later
# Every screen fits the terminal it is on: list, show, next, score (compact
# and --full), history, review, compare, search and stats on a pseudo-terminal of
# 80 and of 60 columns print no line wider than the terminal, and the
# compact score view fits in 24 lines.
. "$(dirname "$0")/lib.sh"
command -v script >/dev/null 2>&1 || exit 77
ANS=$ROOT/tests/calib/prioritization/prio-limited-resources/good.txt
Q=prio-limited-resources
"$PM" answer --question "$Q" --time 300 "$ANS" >/dev/null 2>&1 ||
	fail "answer: could not store an attempt"
"$PM" answer --question "$Q" --time 200 "$ROOT/tests/calib/prioritization/$Q/strong.txt" >/dev/null 2>&1 ||
	fail "answer: could not store a second attempt"
# widest W CMD...: the widest line (display columns, escapes stripped) of
# CMD on a W-column, 24-row pseudo-terminal; its line count in $WORK/lines.
widest() {
	w=$1; shift
	# PAGER=cat: a screen taller than 24 rows goes through the "pager"
	PAGER=cat script -qec "stty cols $w rows 24; $*" /dev/null </dev/null >"$WORK/raw" 2>&1
	sed 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/\r$//' "$WORK/raw" | tr -d '\r' >"$WORK/out"
	wc -l <"$WORK/out" >"$WORK/lines"
	LC_ALL=C.UTF-8 wc -L <"$WORK/out"
}
for w in 80 60; do
	for c in "list" "show $Q" "next --cram" "score --question $Q $ANS" \
		"score --full --question $Q $ANS" "history" "review 1" \
		"search priorit" "stats" "compare 1 2" "compare 1 2 --answers"; do
		got=$(widest "$w" "$PM $c")
		[ "$got" -le "$w" ] || {
			cat "$WORK/out" >&2
			fail "$c at $w columns: a line of $got columns"
		}
	done
	widest "$w" "$PM score --question $Q $ANS" >/dev/null
	[ "$(cat "$WORK/lines")" -le 24 ] ||
		fail "the compact score view at $w columns takes $(cat "$WORK/lines") lines"
done
echo ok
