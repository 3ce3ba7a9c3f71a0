#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `pmdrill score`: one JSON object with the documented fields, evidence
# that slices the answer, stdin, empty answers, the match limit, invalid
# UTF-8, and that scoring never writes the database.
. tests/scripts/lib.sh
command -v jq >/dev/null 2>&1 || { echo 'jq not found: skipping'; exit 77; }
E2E=tests/data/banks/e2e
DB=$PMDRILL_DB

# The first built-in metrics question, and an ASCII answer (jq slices
# strings by code point, the report by byte: the same for ASCII).
"$PM" list --category metrics --json >"$WORK/list.json" || fail 'list'
qid=$(jq -r '.[0].id' "$WORK/list.json")
qrubric=$(jq -r '.[0].rubric' "$WORK/list.json")
[ -n "$qid" ] && [ "$qid" != null ] || fail 'no metrics question'
cat >"$WORK/answer.txt" <<'A'
The goal of the product is to help people keep their music close. The users
are listeners who open the app to play songs. I would pick weekly listening
hours per active user as the north star metric, because it reflects value.
Guardrails: churn must not rise and skips must not grow. Baseline is 4 hours a
week; the target is 5 hours in 8 weeks, measured with an A/B test and a holdout.
The risk with this metric is that autoplay can game it.
A

# The report shape, for a question.
expect_status 0 "$PM" score --question "$qid" --json "$WORK/answer.txt"
cp "$WORK/out" "$WORK/q.json"
[ ! -s "$WORK/err" ] || { cat "$WORK/err" >&2; fail 'score wrote to stderr'; }
jq -e -s 'length == 1 and (.[0] | type == "object")' "$WORK/q.json" >/dev/null ||
	fail 'score --json is not exactly one JSON object'
jq -e --arg q "$qid" --arg r "$qrubric" '
	(.score | type == "number" and . >= 0 and . <= 100) and
	(.grade | IN(1, 2, 3, 4)) and
	(.words | type == "number" and . > 50) and
	.rubric == $r and .question == $q and
	(.criteria | type == "array" and length > 0) and
	all(.criteria[];
		(.name | type == "string") and (.kind | type == "string") and
		(.weight | type == "number" and . > 0) and
		(.earned | type == "number" and . >= 0) and
		(has("feedback")) and
		(.evidence | type == "array" and all(.[];
			(.text | type == "string") and
			(.start | type == "number") and (.end | type == "number") and
			.start <= .end)))' "$WORK/q.json" >/dev/null ||
	{ jq . "$WORK/q.json" >&2; fail 'score --json: missing or mistyped fields'; }
jq -e '[.criteria[].evidence[]] | length > 3' "$WORK/q.json" >/dev/null || fail 'too little evidence'
# Evidence offsets slice the matched text out of the answer.
jq -e --rawfile a "$WORK/answer.txt" \
	'all(.criteria[].evidence[]; .text == $a[.start:.end])' "$WORK/q.json" >/dev/null ||
	fail 'evidence text is not answer[start:end]'
# The grade follows the score (no duration: no time rule).
jq -e '.grade == (if .score >= 85 then 4 elif .score >= 65 then 3 elif .score >= 40 then 2 else 1 end)' \
	"$WORK/q.json" >/dev/null || fail 'grade does not follow the score'

# --rubric from stdin: the same answer, no question, no expectations.
expect_status 0 "$PM" score --rubric metrics --json - <"$WORK/answer.txt"
jq -e '.rubric == "metrics" and .question == null and .score > 0 and
	all(.criteria[]; .kind != "expect" or .active == false)' "$WORK/out" >/dev/null ||
	fail 'score --rubric metrics - (stdin)'
expect_status 0 "$PM" score --rubric metrics "$WORK/answer.txt"
grep_in "$WORK/out" '[0-9]'
# --time: the duration, words per minute and time over the limit.
expect_status 0 "$PM" score --rubric metrics --time 90 --json "$WORK/answer.txt"
jq -e '.duration_ms == 90000 and .wpm > 0 and .over_s == 90 - .time_limit_s' "$WORK/out" >/dev/null ||
	fail 'score --time 90'
# ... but no typing pace for an answer faster than anyone types (a paste)
[ "$(wc -w <"$WORK/answer.txt")" -gt 10 ] || fail 'the answer is too short for this check'
expect_status 0 "$PM" score --rubric metrics --time 2 --json "$WORK/answer.txt"
jq -e '.duration_ms == 2000 and .wpm == null' "$WORK/out" >/dev/null ||
	fail "score --time 2: a pasted answer was given a typing speed: $(jq -c '{duration_ms, wpm}' "$WORK/out")"

# The test bank's rubric, criterion by criterion.
expect_status 0 "$PM" --bank "$E2E" score --question zz-e2e-metric --json "$ROOT/tests/e2e/score-json/answer.txt"
jq -e '
	(.criteria | map(.name)) == ["goal", "order", "numbers", "topic", "length", "filler"] and
	(.criteria[0] | .raw == 1 and (.detail | startswith("1 of 1 concepts in the opening"))) and
	(.criteria[1] | .raw == 1 and (.evidence | map(.what)) == ["goal", "users", "metric"]) and
	(.criteria[2] | (.evidence | map(.text)) == ["40%", "45%", "8"]) and
	(.criteria[3] | .active and .raw == 1 and (.evidence | map(.what)) == ["a weekly window", "retention"]) and
	(.criteria[4] | .detail == "32 words (typical 30-120 for the time; points off past 240)" and .earned == 0) and
	(.criteria[5] | .earned == 2.5 and .points == -2.5 and .evidence[0].text == "Um") and
	.time_limit_s == 180 and .words == 32' "$WORK/out" >/dev/null ||
	{ jq -c '.criteria[] | [.name, .earned, .detail]' "$WORK/out" >&2; fail 'zz-e2e criteria'; }

# An empty answer: score 0, grade 1, a clear message, exit 65.
printf '' >"$WORK/empty.txt"
expect_status 65 "$PM" score --rubric metrics --json "$WORK/empty.txt"
jq -e '.score == 0 and .grade == 1 and .words == 0 and (.notes | any(test("empty")))' "$WORK/out" >/dev/null ||
	fail 'empty answer report'
grep_in "$WORK/err" '^pmdrill: score: the answer is empty; nothing to score$'
printf '  \n\n\t \n' >"$WORK/blank.txt"
expect_status 65 "$PM" score --question "$qid" - <"$WORK/blank.txt"
grep_in "$WORK/err" 'the answer is empty'

# A runaway pattern warns with its file and line, scores 0, returns.
T=
command -v timeout >/dev/null 2>&1 && T="timeout 20"
expect_status 0 $T "$PM" --bank tests/data/banks/runaway score --rubric zz-runaway --json \
	"$ROOT/tests/e2e/score-runaway/answer.txt"
grep_in "$WORK/err" '^pmdrill: tests/data/banks/runaway/rubrics/zz-runaway.txt:9: warning: pattern gave up on this answer \(match limit exceeded\)'
jq -e '(.criteria[] | select(.name == "runaway") | .earned == 0) and
	(.criteria[] | select(.name == "plan") | .earned == 10) and
	(.notes | any(test("match limit")))' "$WORK/out" >/dev/null || fail 'runaway report'

# Invalid UTF-8 in an answer is scored, and the JSON stays valid.
printf 'The goal is retention: caf\351 \377\376 users churn \200 less; we measure weekly.\n' >"$WORK/latin1.txt"
expect_status 0 "$PM" score --rubric metrics --json "$WORK/latin1.txt"
jq -e '.words >= 12 and (.criteria | length > 0)' "$WORK/out" >/dev/null || fail 'invalid UTF-8 answer'

# An endless answer on stdin is refused at the answer limit.
expect_status 65 $T "$PM" score --rubric metrics - </dev/zero
grep_in "$WORK/err" '^pmdrill: standard input: answer is too large$'

# Unknown question or rubric: 66; a missing answer file: 66.
expect_status 66 "$PM" score --question zz-nope "$WORK/answer.txt"
expect_status 66 "$PM" score --rubric zz-nope "$WORK/answer.txt"
expect_status 66 "$PM" score --rubric metrics "$WORK/nope.txt"
grep_in "$WORK/err" "cannot read '$WORK/nope.txt'"

# None of this touched the database.
[ ! -e "$DB" ] || fail "score created the database $DB"
[ ! -e "$HOME/.local/share/pmdrill/pmdrill.db" ] || fail 'score created the default database'
exit 0
