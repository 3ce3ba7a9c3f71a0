#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Score every flattened calibration answer and print the figures:
#   evaluate.sh OUTDIR            (after flatten.sh OUTDIR ...)
# Writes OUTDIR/scores.tsv (items.tsv plus the score) and prints pairwise
# accuracy (pairs of one question with different grades, ordered as the
# grades are), Spearman's rho over all answers and its mean per question,
# each label's median, and every answer outside its label's band.
set -eu
out=$1
PM=${PMDRILL_BIN:-./pmdrill}
: >"$out/scores.tsv"
while IFS='	' read -r set base qid label grade fu path; do
	if [ "$fu" = 1 ]; then
		s=$("$PM" --bank "$out/bank" score --question "$qid" --followup "$(cat "$out/answers/$set-$base.followup")" --json "$path" 2>/dev/null | jq -r .score)
	else
		s=$("$PM" --bank "$out/bank" score --question "$qid" --json "$path" 2>/dev/null | jq -r .score)
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$set" "$base" "$qid" "$label" "$grade" "$fu" "$path" "${s:-NA}" >>"$out/scores.tsv"
done <"$out/items.tsv"
awk -F'\t' -f "$(dirname "$0")/figures.awk" "$out/scores.tsv"
