#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The model's inputs for every flattened calibration answer:
#   features.sh OUTDIR          (after flatten.sh OUTDIR ...)
# Scores each answer with `pmdrill score --json` and writes
# OUTDIR/features.tsv, one line per answer:
#   set base label grade followup length_factor topic_factor deduct
#   substance specific abstract frameworks relevance breadth score name=w:f ...
# where each name=w:f is an active criterion that earns points (the
# weight the model reads, and its result after the guards).  tests/calibrate/fit
# reads it.
set -eu
out=$1
PM=${PMDRILL_BIN:-./pmdrill}
: >"$out/features.tsv"
while IFS='	' read -r set base qid label grade fu path; do
	if [ "$fu" = 1 ]; then
		json=$("$PM" --bank "$out/bank" score --question "$qid" \
			--followup "$(cat "$out/answers/$set-$base.followup")" --json "$path" 2>/dev/null) || true
	else
		json=$("$PM" --bank "$out/bank" score --question "$qid" --json "$path" 2>/dev/null) || true
	fi
	[ -n "$json" ] || { echo "features: no score for $path" >&2; exit 1; }
	printf '%s\n' "$json" | jq -r --arg set "$set" --arg base "$base" --arg tier "$label" \
		--arg grade "$grade" --arg fu "$fu" '
		[$set, $base, $tier, $grade, $fu,
		 .guards.length_factor, .guards.topic_factor,
		 ([.criteria[] | select(.active and (.kind == "penalty" or .kind == "length")) | .earned] | add // 0),
		 .model.features.substance, .model.features.specific, .model.features.abstract,
		 .model.features.frameworks, .model.features.relevance, .model.features.breadth, .score]
		+ [.criteria[] | select(.active and .kind != "penalty" and .kind != "length")
		   | "\(.name)=\(.model_weight // .weight):\(if .weight > 0 then .earned / .weight else 0 end)"]
		| map(tostring) | join("\t")' >>"$out/features.tsv"
done <"$out/items.tsv"
