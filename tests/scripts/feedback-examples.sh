#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The shipped rubrics' Example lines fit the question they are shown under
# (SCORING.md §4b): a weak answer to a scooter estimate is shown the
# scooter example, one to a petrol-station estimate the petrol one and
# never a scooter, and no other estimation question of the bank is shown
# a scooter example.  Instead: the no-figures fact comes first.
. tests/scripts/lib.sh
command -v jq >/dev/null 2>&1 || { echo 'jq not found: skipping'; exit 77; }
printf 'I think it is good. We did things and it went fine overall for everyone.\n' >"$WORK/weak.txt"
# fb JSON CRITERION: that criterion's feedback, on one line
fb() { jq -r --arg c "$2" '.criteria[] | select(.name == $c) | .feedback // "" | gsub("\n"; " ")' "$1"; }

expect_status 0 "$PM" score --question est-scooter-rides --json "$WORK/weak.txt"
cp "$WORK/out" "$WORK/scooter.json"
fb "$WORK/scooter.json" sanity-check | grep -q 'scooters x 6 rides' ||
	fail "scooter question: no scooter example under sanity-check: $(fb "$WORK/scooter.json" sanity-check)"
fb "$WORK/scooter.json" stages | grep -qi 'e-scooter rides' || fail 'scooter question: no scooter example under stages'
fb "$WORK/scooter.json" sanity-check | grep -qi 'petrol' && fail 'scooter question shows the petrol example'
fb "$WORK/scooter.json" numbers | grep -q '^This answer gives no figures at all\. ' ||
	fail "numbers: the no-figures fact is not said first: $(fb "$WORK/scooter.json" numbers)"

expect_status 0 "$PM" score --prompt 'How many petrol stations does Germany need?' \
	--category estimation --json "$WORK/weak.txt"
cp "$WORK/out" "$WORK/petrol.json"
jq -e '[.criteria[] | select(.feedback != null)] | length > 3' "$WORK/petrol.json" >/dev/null ||
	fail 'petrol question: a weak answer misses few criteria'
jq -e 'all(.criteria[]; (.feedback // "") | test("scooter"; "i") | not)' "$WORK/petrol.json" >/dev/null ||
	fail 'petrol question shows a scooter example'
fb "$WORK/petrol.json" sanity-check | grep -q 'petrol stations x 400 fills' ||
	fail "petrol question: no petrol example under sanity-check: $(fb "$WORK/petrol.json" sanity-check)"

# Every other estimation question of the bank: no scooter example anywhere.
"$PM" list --category estimation --json >"$WORK/list.json" || fail 'list'
n=0
for id in $(jq -r '.[].id' "$WORK/list.json"); do
	[ "$id" = est-scooter-rides ] && continue
	expect_status 0 "$PM" score --question "$id" --json "$WORK/weak.txt"
	jq -e 'all(.criteria[]; (.feedback // "") | test("scooter"; "i") | not)' "$WORK/out" >/dev/null ||
		fail "$id shows a scooter example"
	n=$((n + 1))
done
[ "$n" -ge 10 ] || fail "only $n estimation questions"
exit 0
