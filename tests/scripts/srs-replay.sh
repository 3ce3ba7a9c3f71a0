#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `pmdrill srs replay` reproduces the py-fsrs vectors and rejects bad input.
. tests/scripts/lib.sh
command -v jq >/dev/null 2>&1 || { echo 'jq not found: skipping'; exit 77; }
V=tests/data/fsrs_vectors.json

# One card per sequence; `-` for the first review's elapsed days.
jq -r '.sequences[] | .id as $id | .reviews[] |
	["card\($id)", .rating, (.elapsed_days // "-")] | @tsv' "$V" \
	>"$WORK/in.tsv" || fail 'jq could not read the vectors'
jq -r '.sequences[] | .id as $id | .reviews[] |
	["card\($id)", .rating, (.elapsed_days // "-"),
	 (.retrievability // "-"), .stability, .difficulty, .interval_days]
	| @tsv' "$V" >"$WORK/want.tsv" || fail 'jq could not read the vectors'
[ "$(wc -l <"$WORK/in.tsv")" -eq 83 ] || fail 'expected 83 reviews'

expect_status 0 "$PM" srs replay "$WORK/in.tsv"
cp "$WORK/out" "$WORK/got.tsv"

# S and D within 1e-9 relative, R within 1e-12, the rest exact.
awk -F '\t' '
function abs(x) { return x < 0 ? -x : x }
function rel(g, w) { return w == 0 ? abs(g) : abs(g - w) / abs(w) }
function complain(what, g, w) {
	printf "line %d: %s %s, want %s\n", FNR, what, g, w
	return 1
}
NR == FNR { want[FNR] = $0; n = FNR; next }
{
	got = FNR
	m = split(want[FNR], w, "\t")
	if (NF != 7 || m != 7) {
		printf "line %d: %d fields, want 7: %s\n", FNR, NF, $0
		bad++
		next
	}
	if ($1 != w[1] || $2 != w[2] || $3 != w[3] || $7 + 0 != w[7] + 0) {
		printf "line %d: got %s %s %s I=%s, want %s %s %s I=%s\n",
		    FNR, $1, $2, $3, $7, w[1], w[2], w[3], w[7]
		bad++
	}
	if (w[4] == "-") {
		if ($4 != "-")
			bad += complain("R", $4, "-")
	} else {
		e = abs($4 - w[4])
		if (rel($4 + 0, w[4] + 0) < e) e = rel($4 + 0, w[4] + 0)
		if (e > mr) mr = e
		if (e > 1e-12)
			bad += complain("R", $4, w[4])
	}
	es = rel($5 + 0, w[5] + 0); if (es > ms) ms = es
	ed = rel($6 + 0, w[6] + 0); if (ed > md) md = ed
	if (es > 1e-9)
		bad += complain("S", $5, w[5])
	if (ed > 1e-9)
		bad += complain("D", $6, w[6])
}
END {
	if (got != n) { printf "%d output lines, want %d\n", got, n; bad++ }
	printf "max S rel err %g, max D rel err %g, max R err %g", ms, md, mr
	printf " over %d reviews\n", got
	exit bad > 0
}' "$WORK/want.tsv" "$WORK/got.tsv" || fail 'replay differs from the vectors'

# Standard input gives the same output as a file.
expect_status 0 sh -c '"$1" srs replay - <"$2"' sh "$PM" "$WORK/in.tsv"
cmp -s "$WORK/out" "$WORK/got.tsv" || fail 'stdin and file replays differ'

# Names for ratings, comments, blank lines and --retention.
printf '# a comment\n\nx\tgood\t-\nx\tAGAIN\t3\n' >"$WORK/names.tsv"
expect_status 0 "$PM" srs replay "$WORK/names.tsv"
first='^x	3	-	-	2\.306500000	2\.118103970459016'
grep_in "$WORK/out" "$first	2\$"
grep_in "$WORK/out" '^x	1	3	'
expect_status 0 "$PM" srs replay --retention 0.8 "$WORK/names.tsv"
grep_in "$WORK/out" "$first	8\$"
expect_status 64 "$PM" srs replay --retention 1 "$WORK/names.tsv"
grep_in "$WORK/err" 'retention'

# Bad lines are reported with their line numbers; good ones still print.
printf 'a\t3\t-\na\t3\t2\na\t5\t4\nb\t3\t1\n' >"$WORK/bad.tsv"
printf 'c\t3\t-\nc\t3\t-\nc\t2\t1.5\nd\t3\n' >>"$WORK/bad.tsv"
expect_status 65 "$PM" srs replay "$WORK/bad.tsv"
grep_in "$WORK/err" "^pmdrill: $WORK/bad.tsv:3: error: rating '5'"
grep_in "$WORK/err" "bad.tsv:4: error: elapsed days '1' on the first review"
grep_in "$WORK/err" "bad.tsv:6: error: elapsed days '-' on a later review"
grep_in "$WORK/err" "bad.tsv:7: error: elapsed days '1.5' is not a whole"
grep_in "$WORK/err" "bad.tsv:8: error: expected 3 tab-separated fields"
[ "$(wc -l <"$WORK/err")" -eq 5 ] || fail 'expected exactly 5 errors'
[ "$(wc -l <"$WORK/out")" -eq 3 ] || fail 'expected the 3 good lines'
grep_in "$WORK/out" '^c	3	-	-	2\.306500000	'
expect_status 65 sh -c 'printf "a\t3\t-\na\tx\t1\n" | "$1" srs replay' sh "$PM"
grep_in "$WORK/err" '^pmdrill: <stdin>:2: error: rating'

# A missing file is "no input", and usage errors are usage errors.
expect_status 66 "$PM" srs replay "$WORK/no-such-file.tsv"
grep_in "$WORK/err" "no-such-file\.tsv"
expect_status 64 "$PM" srs replay a b
expect_status 64 "$PM" srs replay --bogus
expect_status 64 "$PM" srs frobnicate
expect_status 64 "$PM" srs

expect_status 0 "$PM" srs --help
grep_in "$WORK/out" '^usage: pmdrill srs replay'
expect_status 0 "$PM" srs replay --help
grep_in "$WORK/out" '^usage: pmdrill srs replay'

expect_status 0 "$PM" srs params
[ "$(wc -l <"$WORK/out")" -eq 23 ] || fail 'srs params: expected 23 lines'
grep_in "$WORK/out" '^w\[0\]	0\.212$'
grep_in "$WORK/out" '^w\[20\]	0\.1542$'
grep_in "$WORK/out" '^desired_retention	0\.9$'
grep_in "$WORK/out" '^maximum_interval	36500$'
exit 0
