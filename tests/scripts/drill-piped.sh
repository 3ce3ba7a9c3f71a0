#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A scripted session on piped stdin: the home prompt reads commands and
# answers line by line (no readline, no redraw, no colour).  Drill one
# question with a multi-line answer, :hint and :edit, override the grade,
# decline the follow-up, quit; then check the output and the database.
. "$(dirname "$0")/lib.sh"
BANK=$ROOT/tests/data/drill
DB=$PMDRILL_DB

# An "editor" that appends a line to the file it is given.
cat >"$WORK/ed.sh" <<'ED'
#!/bin/sh
printf 'Added in the editor for 40 users.\n' >>"$1"
ED
chmod +x "$WORK/ed.sh"

printf '%s\n' \
	'drill --category drilltest --count 1' \
	'The goal is to reach the first users.' \
	'' \
	':hint' \
	'A second paragraph after a blank line.' \
	':edit' \
	'.' \
	'hard' \
	'' \
	'n' \
	'quit' >"$WORK/in"
VISUAL=$WORK/ed.sh "$PM" --color=always --bank "$BANK" <"$WORK/in" >"$WORK/out" 2>"$WORK/err"
rc=$?
[ $rc = 0 ] || { cat "$WORK/out" "$WORK/err" >&2; fail "exit $rc"; }
grep_in "$WORK/out" '^question 1 of 1 .* drilltest-alpha$'
grep_in "$WORK/out" '^  How would you launch the alpha product\?$'
grep_in "$WORK/out" '^  Think about the goal first\.$'
grep_in "$WORK/out" '^Added in the editor for 40 users\.$'
grep_in "$WORK/out" '^Score [0-9]+/100'
# a piped answer arrives in milliseconds: that is no typing pace
! grep -q '^Score .* wpm' "$WORK/out" || fail 'a piped answer was given a typing speed'
grep_in "$WORK/out" '^grade changed to hard$'
grep_in "$WORK/out" '^next review: 2026-03-0[0-9] \(in [0-9]+ days?\)$'
grep_in "$WORK/out" '^answer it\? \[y/N\] $'
grep_in "$WORK/out" '^drill summary$'
grep_in "$WORK/out" '^  1   drilltest-alpha +[0-9:]+ +[0-9]+  hard$'
grep_in "$WORK/out" '^  streak: 1 day$'
# No prompt echo, no escape codes, even with --color=always: stdin is not
# a terminal.
! grep -q 'pmdrill> ' "$WORK/out" || fail "a prompt was printed on a pipe"
! grep -q "$(printf '\033')" "$WORK/out" || fail "escape codes on a pipe"
[ ! -s "$WORK/err" ] || { cat "$WORK/err" >&2; fail "unexpected stderr"; }

want=$(printf 'The goal is to reach the first users.\n\nA second paragraph after a blank line.\nAdded in the editor for 40 users.\n_')
got=$(sqlite3 "$DB" "select answer || '_' from attempts")
[ "$got" = "$want" ] || fail "stored answer: '$got', want '$want'"
[ "$(sqlite3 "$DB" "select question_id, auto_grade != 0, final_grade, scheduled from attempts")" = "drilltest-alpha|1|2|1" ] ||
	fail "attempt row: $(sqlite3 "$DB" 'select * from attempts')"
[ "$(sqlite3 "$DB" "select count(*) from attempts where follow_up >= 0")" = 0 ] ||
	fail "a declined follow-up was stored"
# Answers never reach the command history (none is kept without a tty).
[ ! -e "$XDG_STATE_HOME/pmdrill/history" ] || fail "history file written from a pipe"

# End of input in the middle of an answer: the answer is kept, the
# defaults are taken, and the session ends cleanly.
printf 'drill drilltest\nCut off by the end of input\n' |
	"$PM" --bank "$BANK" >"$WORK/out2" 2>"$WORK/err2" || fail "exit $? at end of input"
[ "$(sqlite3 "$DB" "select count(*) from attempts where answer = 'Cut off by the end of input' || char(10)")" = 1 ] ||
	fail "the answer cut off by the end of input was lost"
grep_in "$WORK/out2" '^drill summary$'

# `pmdrill drill` runs one drill and exits; :quit with text asks first,
# and d discards.
printf 'Some words\n:quit\nd\n' |
	"$PM" --bank "$BANK" drill --category drilltest --cram >"$WORK/out3" 2>&1 || fail "drill --cram exit $?"
grep_in "$WORK/out3" '^question 1 of 3 '
grep_in "$WORK/out3" '^keep, discard or continue\? \[K/d/c\] $'
grep_in "$WORK/out3" '^answer discarded$'
grep_in "$WORK/out3" '^  no answers this time$'
[ ! -e "$XDG_STATE_HOME/pmdrill/draft" ] || fail "a discarded answer left a draft"
# Enter keeps the answer as a draft for the next session.
printf 'Kept words\n:quit\n\n' |
	"$PM" --bank "$BANK" drill --category drilltest --cram >"$WORK/out3" 2>&1 || fail "drill --cram exit $?"
grep_in "$WORK/out3" "is kept; it is offered back"
grep -q '^Kept words$' "$XDG_STATE_HOME/pmdrill/draft" || fail "the kept draft lacks the answer"
rm -f "$XDG_STATE_HOME/pmdrill/draft"

# Bad options are usage errors.
expect_status 64 "$PM" --bank "$BANK" drill --count 0
grep_in "$WORK/err" "--count takes a number"
expect_status 64 "$PM" --bank "$BANK" drill --category nosuch
grep_in "$WORK/err" "unknown category 'nosuch' \(valid: "
expect_status 64 "$PM" --bank "$BANK" drill --level wizard
exit 0
