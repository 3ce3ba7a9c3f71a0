#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `add` at the home prompt: the record written to custom.txt, validated
# as `check` validates it, drillable at once; a bad field is reported at
# its place and nothing is written.
. "$(dirname "$0")/lib.sh"
BANK=$ROOT/tests/data/drill
CUSTOM=$XDG_DATA_HOME/pmdrill/questions/custom.txt

printf '%s\n' add drilltest 'How would you price the delta product for teams?' \
	3m pm 'Start from the value.' 'What if a competitor is free?' \
	'Who pays?' '' n 'list --category drilltest' quit |
	"$PM" --bank "$BANK" >"$WORK/out" 2>"$WORK/err" || fail "add exit $?"
grep_in "$WORK/out" "^added 'how-would-you-price-the-delta' to .*/pmdrill/questions/custom.txt$"
grep_in "$WORK/out" '^how-would-you-price-the-delta +drilltest +pm +3m '
[ -f "$CUSTOM" ] || fail "no $CUSTOM"
cat >"$WORK/want" <<'W'
Id: how-would-you-price-the-delta
Category: drilltest
Level: pm
Time: 3m
Prompt: How would you price the delta product for teams?
Hint: Start from the value.
Follow-up: What if a competitor is free?
Follow-up: Who pays?
W
diff -u "$WORK/want" "$CUSTOM" || fail "custom.txt differs"
expect_status 0 "$PM" --bank "$BANK" check
# The same prompt again gets a fresh id; and it can be drilled at once.
printf '%s\n' add drilltest 'How would you price the delta product for teams?' \
	'' '' '' '' y 'The goal is 20 users.' . '' n quit |
	"$PM" --bank "$BANK" >"$WORK/out" 2>"$WORK/err" || fail "second add exit $?"
grep_in "$WORK/out" "^added 'how-would-you-price-the-delta-2' "
grep_in "$WORK/out" '^question 1 of 1 .* how-would-you-price-the-delta-2$'
[ "$(sqlite3 "$PMDRILL_DB" "select question_id from attempts")" = how-would-you-price-the-delta-2 ] ||
	fail "the new question's attempt is not stored"
grep -q '^$' "$CUSTOM" || fail "records in custom.txt are not separated by a blank line"

# A category with no rubric of its name asks for the rubric.
printf '%s\n' add newcat drilltest 'Why new categories?' '' '' '' '' n quit |
	"$PM" --bank "$BANK" >"$WORK/out" 2>"$WORK/err" || fail "third add exit $?"
grep_in "$WORK/out" "^no rubric is called 'newcat'; pick one of: .*drilltest"
grep_in "$CUSTOM" '^Rubric: drilltest$'

# A bad time is reported as check would report it; nothing is written.
cp "$CUSTOM" "$WORK/before"
printf '%s\n' add drilltest 'Another question?' 3x '' '' '' quit |
	"$PM" --bank "$BANK" >"$WORK/out" 2>"$WORK/err" || fail "bad add exit $?"
grep_in "$WORK/err" "^pmdrill: .*/questions/custom.txt:[0-9]+:[0-9]+: error: .*3x"
grep_in "$WORK/err" 'nothing was added'
cmp -s "$WORK/before" "$CUSTOM" || fail "a bad question was written"
exit 0
