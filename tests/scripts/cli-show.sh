#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `pmdrill show ID` on built-in questions: the prompt, hint, follow-ups,
# expectations, the rubric's criteria and the outline of a strong answer.
. tests/scripts/lib.sh
command -v jq >/dev/null 2>&1 || { echo 'jq not found: skipping'; exit 77; }

"$PM" list --json >"$WORK/all.json" || fail 'list --json'
# One question of every category that has a hint and follow-ups.
jq -r 'group_by(.category)[] | map(select(.hint != null and (.follow_ups | length) > 0))[0].id // empty' \
	"$WORK/all.json" >"$WORK/ids"
[ "$(wc -l <"$WORK/ids")" -ge 5 ] || fail 'too few questions with hints and follow-ups'
while read -r id; do
	expect_status 0 "$PM" show "$id"
	[ ! -s "$WORK/err" ] || fail "show $id wrote to stderr"
	head -n 1 "$WORK/out" | grep -q "^$id  (" || fail "show $id: no title line"
	# every line of the prompt and hint, indented
	jq -r --arg id "$id" '.[] | select(.id == $id) | (.prompt, .hint) | split("\n")[] | select(length > 0)' \
		"$WORK/all.json" >"$WORK/lines"
	while IFS= read -r l; do
		grep -qxF "  $l" "$WORK/out" || fail "show $id: missing line '$l'"
	done <"$WORK/lines"
	grep_in "$WORK/out" '^Hint:$'
	grep_in "$WORK/out" '^Follow-ups:$'
	jq -r --arg id "$id" '.[] | select(.id == $id) | .follow_ups | to_entries[] | "  \(.key + 1). \(.value)"' \
		"$WORK/all.json" >"$WORK/fu"
	while IFS= read -r l; do
		grep -qxF "$l" "$WORK/out" || fail "show $id: missing follow-up '$l'"
	done <"$WORK/fu"
	r=$(jq -r --arg id "$id" '.[] | select(.id == $id) | .rubric' "$WORK/all.json")
	grep_in "$WORK/out" "^Rubric '$r': "
	grep_in "$WORK/out" '^Outline of a strong answer:$'
	grep_in "$WORK/out" '^  1\. '
	expect_status 0 "$PM" show --json "$id"
	jq -e --arg id "$id" --slurpfile all "$WORK/all.json" \
		'. == ($all[0][] | select(.id == $id))' "$WORK/out" >/dev/null ||
		fail "show --json $id differs from its list --json entry"
done <"$WORK/ids"

expect_status 66 "$PM" show zz-no-such-question
grep_in "$WORK/err" "no question with id 'zz-no-such-question'"
[ ! -e "$PMDRILL_DB" ] || fail 'show created the database'
exit 0
