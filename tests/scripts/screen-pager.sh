#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A screen taller than the terminal pages: list, show, history, next,
# review and search go through $PAGER on a terminal of 24 rows, each line
# fitted to its 60 columns, and print as they are when the screen fits
# (1000 rows) or when the output is a pipe.  At 60 columns history keeps
# its score and grade columns (the date loses its year and long question
# ids are cut), and list shows each question in two lines, the prompt
# under its id.
. tests/scripts/lib.sh
command -v script >/dev/null 2>&1 || skip 'script (bsdutils) not found'
C=$ROOT/tests/calib/prioritization/prio-limited-resources
# 27 attempts: a history taller than 24 rows
for i in 1 2 3 4 5 6 7 8 9; do
	for t in strong good weak; do
		expect_status 0 "$PM" answer -q prio-limited-resources "$C/$t.txt"
	done
done
# on_tty ROWS CMD...: run pmdrill on a 60-column terminal of ROWS rows,
# with a "pager" that marks every line it shows.
on_tty() {
	rows=$1; shift
	PAGER='sed "s/^/P:/"' script -qec "stty cols 60 rows $rows; $PM $*" /dev/null \
		</dev/null >"$WORK/raw" 2>&1
	tr -d '\r' <"$WORK/raw" >"$WORK/tty"
}
for cmd in list 'show prio-limited-resources' history 'next --count 20 --cram' 'review 1' 'review 2 --full' 'search features --limit 30'; do
	on_tty 24 "$cmd"
	[ "$(grep -c '^P:' "$WORK/tty")" -gt 24 ] && ! grep -qv '^P:' "$WORK/tty" ||
		{ head -40 "$WORK/tty" >&2; fail "a tall '$cmd' was not paged"; }
	# columns are code points (perl-base is in every Debian)
	perl -CSD -ne 'chomp; s/^P://; if (length($_) > 59) { print "line of " . length($_) . " columns: $_\n"; $bad = 1 } END { exit($bad ? 1 : 0) }' "$WORK/tty" ||
		fail "'$cmd' is wider than the terminal"
	if [ "$cmd" = list ]; then
		# two lines a question: id, level and time; the prompt under it
		grep -Eq '^P:prio-limited-resources +[a-z]+ +[0-9]+m$' "$WORK/tty" &&
			grep -Eq '^P:    How would you prioritize' "$WORK/tty" ||
			{ head -8 "$WORK/tty" >&2; fail 'list at 60 columns is not in its two-line form'; }
	fi
	if [ "$cmd" = history ]; then
		grep -Eq '^P: +27  [0-9]{2}-[0-9]{2} [0-9:]{5}  prio-limited-r.*…  +[0-9]+  (again|hard|good|easy) ' "$WORK/tty" ||
			{ head -5 "$WORK/tty" >&2; fail 'history at 60 columns lost its score or grade'; }
	fi
	on_tty 1000 "$cmd"
	! grep -q '^P:' "$WORK/tty" && [ -s "$WORK/tty" ] ||
		{ head -20 "$WORK/tty" >&2; fail "a '$cmd' that fits was paged"; }
	# shellcheck disable=SC2086
	PAGER='sed "s/^/P:/"' "$PM" $cmd >"$WORK/out" 2>&1 </dev/null
	! grep -q '^P:' "$WORK/out" || fail "'$cmd' on a pipe was paged"
done
# Colour asked for on a pipe stays colour: search's highlights are escape
# sequences of pmdrill's own, not made visible as "^[" text.
"$PM" --color=always search features >"$WORK/out" 2>&1 </dev/null
grep -q "$(printf '\033')\[1;33mfeatures" "$WORK/out" && ! grep -qF '^[' "$WORK/out" ||
	{ head -4 "$WORK/out" | od -c | head >&2; fail 'search --color=always on a pipe lost its colour'; }
exit 0
