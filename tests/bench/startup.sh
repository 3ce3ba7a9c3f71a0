#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark: start-up as banks grow.  Times `pmdrill list` and `pmdrill next`
# with the built-in bank alone and with 5,000 extra questions (patterns are
# compiled on first use, so start-up should grow with the text read only).
set -eu
PM=${PMDRILL_BIN:?}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
mkdir -p "$W/big/questions"
awk 'BEGIN { for (i = 0; i < 5000; i++) {
	printf "Id: zz-bench-%d\nCategory: metrics\nLevel: pm\nTime: 10m\n", i
	printf "Prompt: How would you measure the success of feature %d of a\n  product with many users?\n", i
	printf "Hint: Start from the goal.\nFollow-up: Which guardrail?\nTags: bench\n"
	printf "Expect: a goal = \\b(goal|objective)s?\\b\n\n" } }' >"$W/big/questions/bench.txt"
export PMDRILL_DB="$W/db" HOME="$W"
run() { # label, then the command
	label=$1; shift
	"$@" >/dev/null 2>&1
	best=999999
	for i in 1 2 3 4 5 6 7 8 9 10 11; do
		t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
		ms=$(( (t1 - t0) / 1000000 ))
		[ "$ms" -lt "$best" ] && best=$ms
	done
	printf '%-40s %5d ms (best of 11)\n' "$label" "$best"
}
run "list, built-in bank (~260 questions)" "$PM" list
run "list, +5000 questions" "$PM" --bank "$W/big" list
run "next, built-in bank" "$PM" next
run "next, +5000 questions" "$PM" --bank "$W/big" next
