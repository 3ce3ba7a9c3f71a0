# SPDX-License-Identifier: GPL-3.0-or-later
# The built-in bank: checks clean (no errors, no warnings), twelve
# categories of at least 20 questions, every question with a level, a time
# limit, a hint and a follow-up, every rubric with an outline and with
# calibration answers for at least three of its questions.
. "$ROOT/tests/scripts/lib.sh"
command -v jq >/dev/null || exit 77
cd "$ROOT" || exit 70
expect_status 0 "$PM" check
[ -s "$WORK/err" ] && { cat "$WORK/err" >&2; fail "check printed warnings on the built-in bank"; }
"$PM" list --json >"$WORK/list.json" || fail "list --json failed"
jq -e 'length >= 240' "$WORK/list.json" >/dev/null || fail "fewer than 240 questions"
jq -r 'group_by(.category)[] | "\(.[0].category) \(length)"' "$WORK/list.json" >"$WORK/cats"
[ "$(wc -l <"$WORK/cats")" -ge 12 ] || fail "fewer than 12 categories: $(cat "$WORK/cats")"
awk '$2 < 20 { print "category " $1 " has only " $2 " questions"; bad = 1 } END { exit bad }' "$WORK/cats" || fail "a category is short"
jq -r '.[] | select(.hint == null or (.follow_ups | length) < 1 or .level == null or .time_s < 60) | .id' \
	"$WORK/list.json" >"$WORK/incomplete"
[ -s "$WORK/incomplete" ] && fail "questions without a hint, follow-up, level or time: $(tr '\n' ' ' <"$WORK/incomplete")"
for seed in "How would you prioritize product features with limited resources?" \
	"Describe how you would launch a product in a competitive market." \
	"How do you measure the success of a product?" \
	"Share a time when you influenced a decision without authority."; do
	jq -e --arg p "$seed" 'any(.[]; .prompt == $p)' "$WORK/list.json" >/dev/null ||
		fail "seed question missing: $seed"
done
for r in $(jq -r '[.[].rubric] | unique[]' "$WORK/list.json"); do
	"$PM" show "$(jq -r --arg r "$r" 'first(.[] | select(.rubric == $r)) | .id' "$WORK/list.json")" |
		grep -q '^Outline of a strong answer:' || fail "rubric $r has no outline"
	n=0
	for d in tests/calib/*/*/; do
		q=$(basename "$d")
		jq -e --arg q "$q" --arg r "$r" 'any(.[]; .id == $q and .rubric == $r)' "$WORK/list.json" >/dev/null &&
			[ -f "$d/strong.txt" ] && [ -f "$d/off.txt" ] && n=$((n + 1))
	done
	[ "$n" -ge 3 ] || fail "rubric $r has calibration answers for $n questions (needs 3)"
done
echo "built-in bank ok: $(jq length "$WORK/list.json") questions"
