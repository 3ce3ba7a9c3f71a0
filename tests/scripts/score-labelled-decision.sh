#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 10 item 6: a decision written as a label ("Recommendation: ...",
# "Decision: ...") is a decision; the feedback must not tell the user to
# commit to one.  The same answer with the decision left open still misses.
. "$(dirname "$0")/lib.sh"
Q=$("$PM" list --category prioritization --json | jq -r '.[0].id')
body="Goal: cut cost per delivery this quarter with one team of five. The crash fix takes three weeks and protects on-time rate; batching saves about 2 dollars an order but needs eight weeks; chat helps 3% of orders."
printf '%s\nDecision: the crash fix first, then a batching pilot in one city; chat waits a quarter.\n' "$body" >"$WORK/labelled.txt"
printf '%s\nAll three have merit and the team will work it out together later on.\n' "$body" >"$WORK/open.txt"
decision() { "$PM" score -q "$Q" --json "$1" | jq -r '.criteria[] | select(.name == "decision") | .met'; }
[ "$(decision "$WORK/labelled.txt")" = true ] ||
	fail 'a labelled "Decision:" was not counted as a decision'
[ "$(decision "$WORK/open.txt")" = false ] ||
	fail 'an answer that leaves the choice open was counted as deciding'
echo ok
