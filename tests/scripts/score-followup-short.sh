#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 10 items 3 and 4: a short, correct answer to a follow-up of one key
# word ("What would you tell the stakeholder whose feature did not make the
# cut?") is not told it is "not about the question" and is not cut by the
# main answer's length floor; an answer about something else still is.
. "$(dirname "$0")/lib.sh"
Q=prio-limited-resources
printf '%s\n' "I would show them the scores we used, explain that their feature lost on reach this quarter, and offer a date in six weeks when we re-run the ranking with their new data." >"$WORK/good.txt"
printf '%s\n' "Our office kitchen needs a better coffee machine; the current one is slow and the beans are stale, so I would buy a grinder and a new kettle for the team." >"$WORK/off.txt"
expect_status 0 "$PM" score --full -q "$Q" --followup 1 "$WORK/good.txt"
! grep -q 'not seem to be about the question' "$WORK/out" ||
	fail 'a correct follow-up answer was called off-topic'
! grep -q 'too short for this question' "$WORK/out" ||
	fail 'a 33-word follow-up answer hit the length floor'
good=$(sed -n 's/^Score \([0-9]*\)\/100.*/\1/p' "$WORK/out")
expect_status 0 "$PM" score --full -q "$Q" --followup 1 "$WORK/off.txt"
off=$(sed -n 's/^Score \([0-9]*\)\/100.*/\1/p' "$WORK/out")
[ "$good" -ge 35 ] || fail "the correct follow-up answer scored $good"
[ "$off" -le 20 ] || fail "the off-topic follow-up answer scored $off"
[ "$good" -gt $((off + 15)) ] || fail "good $good is not clearly above off-topic $off"
echo ok
