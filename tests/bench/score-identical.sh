#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Do two builds score every calibration answer byte for byte the same?
#   score-identical.sh REF_BIN NEW_BIN [SETDIR...]
# For work on the scorer's speed, where no score may move: `make
# score-identical REF=main` builds REF in a scratch folder and runs this.
# Every answer of the graded sets (default: ../shared/calibration when
# present, tests/calib, tests/calib-blind, tests/calib-blind2) is scored
# by both binaries, each with its own built-in bank, in four texts: as
# written, with curly quotes and dashes (still plain text), with a line
# of accented words (Unicode properties matter) and with a stray invalid
# byte; each against its question (JSON and the full text report, with
# and without a time), as a follow-up where it is one, and against every
# built-in rubric.  Exit 0 when every output is identical, 1 at the first
# difference (shown), 2 on a usage or set-up error.
set -eu
[ $# -ge 2 ] || { echo 'usage: score-identical.sh REF_BIN NEW_BIN [SETDIR...]' >&2; exit 2; }
REF=$1 NEW=$2
shift 2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
if [ $# -eq 0 ]; then
	[ -d ../shared/calibration ] && set -- ../shared/calibration
	set -- "$@" tests/calib tests/calib-blind tests/calib-blind2
fi
W=$(mktemp -d "${TMPDIR:-/tmp}/score-identical.XXXXXX")
trap 'rm -rf "$W"' EXIT INT TERM
export HOME="$W/home" PMDRILL_DB="$W/db" PMDRILL_NOW=2026-03-02T09:00:00Z \
	NO_COLOR=1 LC_ALL=C
mkdir -p "$HOME"
sh tests/calibrate/flatten.sh "$W/flat" "$@" >/dev/null
# The variants of each answer, named after it.
mkdir -p "$W/v"
n=0
while IFS='	' read -r set base qid label grade fu path; do
	n=$((n + 1))
	v="$W/v/$n"
	cp "$path" "$v.a.txt"
	sed "s/'/’/g; s/ - / — /g; s/\"\\([^\"]*\\)\"/“\\1”/g" "$path" >"$v.b.txt"
	{ cat "$path"; printf '\nCafé naïve Zürich ĳssel façade résumé Straße.\n'; } >"$v.c.txt"
	{ printf 'x\377y '; cat "$path"; } >"$v.d.txt"
	printf '%s\t%s\t%s\n' "$qid" "$fu" "$set-$base" >"$v.key"
done <"$W/flat/items.tsv"
# One command line per group of files: the runs to compare.
runs="$W/runs"
: >"$runs"
for k in "$W"/v/*.key; do cat "$k"; done | sort -u | while IFS='	' read -r qid fu sb; do
	files=$(grep -l "^$qid	$fu	$sb\$" "$W"/v/*.key | sed 's/\.key$//' |
		while read -r p; do printf '%s.a.txt %s.b.txt %s.c.txt %s.d.txt ' "$p" "$p" "$p" "$p"; done)
	if [ "$fu" = 1 ]; then
		printf 'score --question %s --followup @%s --json %s\n' "$qid" "$W/flat/answers/$sb.followup" "$files"
	else
		printf 'score --question %s --json %s\n' "$qid" "$files"
		printf 'score --question %s --time 95 --json %s\n' "$qid" "$files"
		printf 'score --question %s --full %s\n' "$qid" "$files"
	fi >>"$runs"
done
all=$(ls "$W"/v/*.txt | tr '\n' ' ')
for r in rubrics/*.txt; do
	printf 'score --rubric %s --json %s\n' "$(basename "$r" .txt)" "$all" >>"$runs"
done
# A follow-up run names the file holding its text as @FILE.
nfiles=$(ls "$W"/v/*.txt | wc -l)
nreports=0
i=0
while read -r line; do
	i=$((i + 1))
	for which in ref new; do
		bin=$REF; [ "$which" = new ] && bin=$NEW
		# shellcheck disable=SC2086
		set -- $line
		fu=
		for x in "$@"; do
			case $x in @*) fu=$(cat "${x#@}") ;; esac
		done
		if [ -n "$fu" ]; then
			# shellcheck disable=SC2046
			"$bin" --bank "$W/flat/bank" $(printf '%s\n' "$line" | sed 's/ --followup @[^ ]* .*//') \
				--followup "$fu" --json $(printf '%s\n' "$line" | sed 's/.* --json //') \
				>"$W/$which.out" 2>"$W/$which.err" || echo "exit $?" >>"$W/$which.err"
		else
			# shellcheck disable=SC2086
			"$bin" --bank "$W/flat/bank" $line >"$W/$which.out" 2>"$W/$which.err" ||
				echo "exit $?" >>"$W/$which.err"
		fi
	done
	for s in out err; do
		if ! cmp -s "$W/ref.$s" "$W/new.$s"; then
			echo "score-identical: run $i differs ($s): pmdrill $line" | cut -c1-300
			diff "$W/ref.$s" "$W/new.$s" | head -20
			exit 1
		fi
	done
	nreports=$((nreports + $(grep -c '^{' "$W/new.out" || true)))
done <"$runs"
echo "score-identical: $nfiles answer texts ($n answers x 4), $i runs, $nreports JSON reports and the full text reports: identical"
