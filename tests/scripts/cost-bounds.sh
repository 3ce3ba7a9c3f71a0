#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Input size must cost time in proportion, not in its square: a question
# with 50,000 follow-ups loads at once; repeats of a once-only field after
# 80,000 others are reported without a scan back from each; 150,000
# follow-ups typed into `add` go in within seconds (each used to be
# compared with every one before it).  A `search` query longer than 32
# terms or 1,000 bytes is refused with exit 64 before it reaches SQLite
# (NEAR() of 5,000 terms ran for minutes).  Every step runs under a
# timeout far above what it needs and far below what it used to take.
. "$ROOT/tests/scripts/lib.sh"
. "$ROOT/tests/scripts/store.inc"
command -v timeout >/dev/null 2>&1 || skip 'no timeout'

B=$WORK/bank
mkdir -p "$B/questions" "$B/rubrics"
cp "$ROOT/tests/data/store/rubrics/store.txt" "$B/rubrics/"
cp "$ROOT/tests/data/store/questions/store.txt" "$B/questions/"

# 1. A bank file whose one question has 50,000 follow-ups.
awk 'BEGIN { print "Id: many-follow-ups"; print "Category: storetest";
	print "Prompt: A question with many follow-ups?";
	for (i = 0; i < 50000; i++) printf "Follow-up: follow-up number %d?\n", i }' \
	>"$B/questions/many.txt"
expect_status 0 timeout 20 "$PM" --bank "$B" check "$B/questions/many.txt"
grep_in "$WORK/out" '^ok: 1 question in 1 category'
expect_status 0 timeout 20 "$PM" --bank "$B" show many-follow-ups
[ "$(grep -c 'follow-up number' "$WORK/out")" = 50000 ] || fail 'show: not every follow-up'
rm "$B/questions/many.txt"

# 2. A once-only field repeated after many other fields: each repeat is
# an error, found without comparing it with every field before it.
awk 'BEGIN { print "Id: repeats"; print "Category: storetest"; print "Prompt: Repeats?";
	for (i = 0; i < 80000; i++) printf "Follow-up: f%d\n", i;
	for (i = 0; i < 80000; i++) print "Hint: h" }' >"$WORK/repeats.txt"
expect_status 65 timeout 15 "$PM" --bank "$B" check "$WORK/repeats.txt"
grep_in "$WORK/err" "^pmdrill: $WORK/repeats.txt:80005:1: error: field 'Hint' appears twice in one question \\(first at line 80004\\)$"
grep_in "$WORK/err" '^pmdrill: check: 79999 errors'

# 3. `add` with 150,000 follow-ups typed in (piped).
awk 'BEGIN { print "add"; print "storetest"; print "How many follow-ups are too many?";
	print "3m"; print "pm"; print "";
	for (i = 0; i < 150000; i++) printf "f%d\n", i;
	print "f7"; print ""; print "n"; print "quit" }' >"$WORK/add.in"
expect_status 0 timeout 15 "$PM" --bank "$B" <"$WORK/add.in"
grep_in "$WORK/out" "^added 'how-many-follow-ups-are-too' to "
CUSTOM=$XDG_DATA_HOME/pmdrill/questions/custom.txt
# every one kept once, in the order typed (the repeated f7 is dropped)
[ "$(grep -c '^Follow-up: ' "$CUSTOM")" = 150000 ] || fail "custom.txt: $(grep -c '^Follow-up: ' "$CUSTOM") follow-ups, want 150000"
[ "$(grep '^Follow-up: ' "$CUSTOM" | sed -n '1p;8p;150000p' | tr '\n' ' ')" = 'Follow-up: f0 Follow-up: f7 Follow-up: f149999 ' ] ||
	fail 'custom.txt: follow-ups out of order'

# 4. search: bounded queries.
printf '%s\n' "$GOOD" >"$WORK/a.txt"
expect_status 0 pm answer -q storetest-alpha "$WORK/a.txt"
q=$(awk 'BEGIN { printf "NEAR("; for (i = 0; i < 5000; i++) printf "metric "; printf ")" }')
expect_status 64 timeout 20 "$PM" search "$q"
grep_in "$WORK/err" '^pmdrill: search: the query is too long \(35006 bytes, 5000 terms\); search with at most 32 terms and 1000 bytes$'
[ ! -s "$WORK/out" ] || fail 'search: output for a refused query'
# 32 terms are searched (operators such as OR are not terms); 33 are
# not; nor are 1,001 bytes in one term.
q32=$(awk 'BEGIN { for (i = 0; i < 31; i++) printf "metric OR "; printf "growth" }')
# (on a short answer: FTS5's cost also grows with the answer's length)
expect_status 0 timeout 20 "$PM" search "$q32"
grep_in "$WORK/out" '^1  2026-03-02  storetest-alpha'
expect_status 64 timeout 20 "$PM" search "$q32" retention
grep_in "$WORK/err" '33 terms'
long=$(awk 'BEGIN { for (i = 0; i < 1001; i++) printf "m" }')
expect_status 64 timeout 20 "$PM" search "$long"
grep_in "$WORK/err" '1001 bytes, 1 terms'
exit 0
