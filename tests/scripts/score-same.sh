# SPDX-License-Identifier: GPL-3.0-or-later
# One answer, one score: the drill, `answer` and `score` all score with the
# whole bank's prompt lexicon (bank_lexicon), so the same text gets the
# same score whichever way it was given.
. "$(dirname "$0")/lib.sh"
BANK=$ROOT/tests/data/drill
ANS='First I clarify the goal and the users we launch for. Then I ship the alpha product to 500 beta users with a 20% adoption target in the first month, because that tells us fast whether it works.'
printf '%s\n' 'drill --category drilltest --count 1' "$ANS" '.' '' 'n' 'quit' >"$WORK/in"
"$PM" --bank "$BANK" <"$WORK/in" >"$WORK/out" 2>&1 || fail "the drill failed"
q=$(sqlite3 "$PMDRILL_DB" 'SELECT question_id FROM attempts ORDER BY id LIMIT 1')
drill=$(sqlite3 "$PMDRILL_DB" 'SELECT score FROM attempts ORDER BY id LIMIT 1')
[ -n "$q" ] && [ -n "$drill" ] || fail "the drill stored no scored attempt"
printf '%s\n' "$ANS" >"$WORK/a.txt"
score=$("$PM" --bank "$BANK" score --question "$q" --json "$WORK/a.txt" | jq -r .score)
"$PM" --bank "$BANK" answer --question "$q" --time 60 "$WORK/a.txt" >/dev/null 2>&1 ||
	fail "answer failed"
answer=$(sqlite3 "$PMDRILL_DB" 'SELECT score FROM attempts ORDER BY id DESC LIMIT 1')
awk -v a="$drill" -v b="$score" -v c="$answer" 'BEGIN { exit !(a == b && b == c) }' ||
	fail "one answer, three scores: drill $drill, score $score, answer $answer"
echo "ok: $q scored $score three ways"
