#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `pmdrill list`: the JSON array and its fields, the filters, and that the
# table and the JSON list the same questions.
. tests/scripts/lib.sh
command -v jq >/dev/null 2>&1 || { echo 'jq not found: skipping'; exit 77; }
E2E=tests/data/banks/e2e

expect_status 0 "$PM" list --json
cp "$WORK/out" "$WORK/all.json"
[ ! -s "$WORK/err" ] || fail 'list --json wrote to stderr'
jq -e 'type == "array" and length > 0' "$WORK/all.json" >/dev/null ||
	fail 'list --json is not a non-empty JSON array'
# Every object has the documented fields, with their types.
jq -e 'all(.[];
	(.id | type == "string" and test("^[a-z0-9][a-z0-9-]*$")) and
	(.category | type == "string" and length > 0) and
	(.rubric | type == "string" and length > 0) and
	(.level == null or (.level | IN("apm", "pm", "senior", "tpm"))) and
	(.time_s | type == "number" and . >= 10 and . <= 7200) and
	(.prompt | type == "string" and length > 0) and
	(.hint == null or (.hint | type == "string")) and
	(.follow_ups | type == "array" and all(.[]; type == "string")) and
	(.tags | type == "array" and all(.[]; type == "string")))' "$WORK/all.json" >/dev/null ||
	fail 'an object lacks a field or has the wrong type'
jq -e '[.[].id] | length == (unique | length)' "$WORK/all.json" >/dev/null || fail 'ids repeat'

# The table lists the same questions, in the same order.
expect_status 0 "$PM" list
awk '{print $1}' "$WORK/out" >"$WORK/table.ids"
jq -r '.[].id' "$WORK/all.json" >"$WORK/json.ids"
cmp -s "$WORK/table.ids" "$WORK/json.ids" || fail 'list and list --json differ'

# --category: only that category, all of it.
nmetrics=$(jq '[.[] | select(.category == "metrics")] | length' "$WORK/all.json")
[ "$nmetrics" -gt 0 ] || fail 'no metrics questions in the built-in bank'
expect_status 0 "$PM" list --category metrics --json
jq -e --argjson n "$nmetrics" 'length == $n and all(.[]; .category == "metrics")' "$WORK/out" >/dev/null ||
	fail 'list --category metrics --json'
expect_status 0 "$PM" list --category=metrics
[ "$(wc -l <"$WORK/out")" -eq "$nmetrics" ] || fail 'list --category=metrics: wrong count'
awk '$2 != "metrics" { exit 1 }' "$WORK/out" || fail 'list --category metrics: other categories'

# --tag and --level filter the same way.
tag=$(jq -r '[.[].tags[]][0]' "$WORK/all.json")
expect_status 0 "$PM" list --tag "$tag" --json
jq -e --arg t "$tag" 'length > 0 and all(.[]; .tags | index($t))' "$WORK/out" >/dev/null ||
	fail "list --tag $tag"
expect_status 0 "$PM" list --level pm --json
jq -e 'length > 0 and all(.[]; .level == "pm")' "$WORK/out" >/dev/null || fail 'list --level pm'

# A category no question has is a usage error that lists the real ones,
# as text and as JSON.
expect_status 64 "$PM" list --category zz-nothing
[ ! -s "$WORK/out" ] || fail 'list --category zz-nothing printed questions'
grep_in "$WORK/err" "^pmdrill: list: unknown category 'zz-nothing' \(valid: .*metrics"
expect_status 64 "$PM" list --category zz-nothing --json
[ ! -s "$WORK/out" ] || fail 'list --category zz-nothing --json printed something'

# A --bank adds its questions after the built-in ones; time_s falls back
# to the rubric's Time.
expect_status 0 "$PM" --bank "$E2E" list --json
jq -e 'length > 2 and (.[-2:] | map(.id)) == ["zz-e2e-metric", "zz-e2e-plain"]' "$WORK/out" >/dev/null ||
	fail '--bank questions are not last'
jq -e '.[-2] | .time_s == 180 and .level == "pm" and .rubric == "zz-e2e" and
	.hint == "Start from the goal, then the users." and
	.follow_ups == ["Which metric would you not use?", "How would you test a change to it?"] and
	.tags == ["e2e", "metrics"] and
	.prompt == "How would you measure the success of a to-do list app?\n\nKeep it short."' \
	"$WORK/out" >/dev/null || { jq '.[-2]' "$WORK/out" >&2; fail 'zz-e2e-metric fields'; }
jq -e '.[-1] | .time_s == 120 and .level == null and .hint == null and .follow_ups == [] and .tags == []' \
	"$WORK/out" >/dev/null || fail 'zz-e2e-plain defaults'
exit 0
