#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11: `score` takes several answer files in one process.  With
# --json it prints JSON Lines, one object per file in the order given,
# each with the file's name and the same score as scoring it alone; a
# file that cannot be read is reported, the others still scored, and the
# exit status is the failure's.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null 2>&1 || exit 77
D=$ROOT/tests/calib/prioritization/prio-limited-resources
Q=prio-limited-resources
expect_status 0 "$PM" score --json -q "$Q" "$D/strong.txt" "$D/weak.txt" "$D/good.txt"
[ "$(wc -l <"$WORK/out")" -eq 3 ] || fail 'not one line per file'
jq -e . "$WORK/out" >/dev/null || fail 'a line is not JSON'
[ "$(jq -r .file "$WORK/out" | tr '\n' ' ')" = "$D/strong.txt $D/weak.txt $D/good.txt " ] ||
	fail 'files out of order or unnamed'
n=1
for f in strong weak good; do
	"$PM" score --json -q "$Q" "$D/$f.txt" >"$WORK/one" || fail "score $f alone"
	[ "$(jq .score "$WORK/one")" = "$(sed -n "${n}p" "$WORK/out" | jq .score)" ] ||
		fail "$f: scored together differs from alone"
	n=$((n + 1))
done
# A missing file in the middle: reported, the rest scored, exit 66.
expect_status 66 "$PM" score --json -q "$Q" "$D/strong.txt" "$WORK/missing.txt" "$D/weak.txt"
[ "$(jq -r .file "$WORK/out" | tr '\n' ' ')" = "$D/strong.txt $D/weak.txt " ] ||
	fail 'the files around a missing one were not scored'
grep_in "$WORK/err" "cannot read '$WORK/missing.txt'"
# Text reports name each file above its report.
expect_status 0 "$PM" score -q "$Q" "$D/strong.txt" "$D/weak.txt"
[ "$(grep -c '^== ' "$WORK/out")" = 2 ] || fail 'text reports are not headed by their file names'
grep_in "$WORK/out" "^== $D/weak.txt ==$"
# One file, as before: no banner.
expect_status 0 "$PM" score -q "$Q" "$D/strong.txt"
! grep -q '^== ' "$WORK/out" || fail 'a single report got a banner'
echo ok
