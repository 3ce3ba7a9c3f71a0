#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Flatten graded calibration sets into a scratch bank and answer files
# that `pmdrill score` reads:
#   flatten.sh OUTDIR SETDIR [SETDIR...]
# A SETDIR holds either JSON files in the ../shared/calibration/README.md
# format (eight graded tiers per question), or the project's own layout
# SETDIR/<category>/<question-id>/{strong,good,weak,off}.txt for built-in
# questions, graded at the middle of each tier's band (strong 88, good 66,
# weak 38, off 12).
# Writes OUTDIR/bank/questions/calib.txt (one prompt-only question per
# non-built-in item, id calib-SET-FILE), and OUTDIR/items.tsv with one line
# per answer: set, file, question id, label, grade, followup (0/1), path.
set -eu
out=$1; shift
mkdir -p "$out/bank/questions" "$out/answers"
: >"$out/bank/questions/calib.txt"
: >"$out/items.tsv"
tier_grade() {
	case $1 in strong) echo 88 ;; good) echo 66 ;; weak) echo 38 ;; off) echo 12 ;; esac
}
for set in "$@"; do
	sname=$(basename "$set")
	for d in "$set"/*/*/; do
		[ -f "$d/strong.txt" ] || continue
		qid=$(basename "$d")
		for label in strong good weak off; do
			[ -f "$d/$label.txt" ] || continue
			printf '%s\t%s\t%s\t%s\t%s\t0\t%s\n' "$sname" "$qid" "$qid" "$label" \
				"$(tier_grade "$label")" "$(cd "$d" && pwd)/$label.txt" >>"$out/items.tsv"
		done
	done
	for f in "$set"/*.json; do
		[ -f "$f" ] || continue
		base=$(basename "$f" .json)
		qid=$(jq -r '.builtin_id // empty' "$f")
		if [ -z "$qid" ]; then
			qid=$(printf 'calib-%s-%s' "$sname" "$base" | tr 'A-Z_.' 'a-z--')
			jq -r --arg id "$qid" '"Id: \($id)\nCategory: \(.category)\nPrompt: \(.question | gsub("\n"; " "))\n"' "$f" \
				>>"$out/bank/questions/calib.txt"
		fi
		jq -r '.followup // "" | gsub("\n"; " ")' "$f" >"$out/answers/$sname-$base.followup"
		n=$(jq '.answers | length' "$f")
		i=0
		while [ "$i" -lt "$n" ]; do
			label=$(jq -r ".answers[$i].label" "$f")
			grade=$(jq -r ".answers[$i].grade" "$f")
			p="$out/answers/$sname-$base-$label.txt"
			jq -r ".answers[$i].text" "$f" >"$p"
			fu=0; [ "$label" = followup-good ] && fu=1
			printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$sname" "$base" "$qid" "$label" "$grade" "$fu" "$p" >>"$out/items.tsv"
			i=$((i + 1))
		done
	done
done
