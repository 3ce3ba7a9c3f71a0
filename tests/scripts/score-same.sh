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

# The same with Expect lines, from a warm bank cache (`score` writes it):
# a drill decodes the cache without them (app_bank_partial) and reads a
# question's own when it scores it, so each drill must score as `score`
# does, Expect lines and all.
X=$WORK/xbank
cp -r "$BANK" "$X"
awk '{ print } /^Tags: test-tag$/ {
	print "Expect: a numeric target = \\b\\d+% adoption\\b"
	print "Expect: a stop rule = \\bkill (criteria|switch)\\b" }' \
	"$BANK/questions/drilltest.txt" >"$X/questions/drilltest.txt"
printf '\nCriterion: topic\nKind: expect\nWeight: 20\nLabel: What this question is about\n' \
	>>"$X/rubrics/drilltest.txt"
want=$("$PM" --bank "$X" score --question drilltest-alpha --json "$WORK/a.txt") ||
	fail "score with Expect lines failed"
[ "$(printf '%s' "$want" | jq '[.criteria[] | select(.kind == "expect")] | length')" -ge 1 ] ||
	fail "the Expect lines are not among the criteria: $want"
wscore=$(printf '%s' "$want" | jq -r .score)
for run in 1 2; do
	db=$WORK/x$run.db
	PMDRILL_DB=$db "$PM" --bank "$X" <"$WORK/in" >"$WORK/xout$run" 2>&1 ||
		fail "drill $run with Expect lines failed"
	got=$(sqlite3 "$db" 'SELECT score FROM attempts ORDER BY id LIMIT 1')
	awk -v a="$got" -v b="$wscore" 'BEGIN { exit !(a == b) }' ||
		fail "drill $run scored $got with Expect lines, score $wscore"
	grep_in "$WORK/xout$run" 'numeric target'
done
[ -n "$(ls "$XDG_CACHE_HOME"/pmdrill 2>/dev/null)" ] || fail "no bank cache was written"
echo "ok: with Expect lines, both drills scored $wscore"
