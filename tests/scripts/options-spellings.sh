#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# One command-line grammar (src/core/opt.h): every option that takes a
# value gives the same status and output as --opt=value and --opt value
# (and -qVALUE and -q VALUE), in every command; `--` ends options; unknown
# options, missing values, values given to flags, bad numbers and unknown
# filter values are usage errors (64) with the same messages everywhere.
. tests/scripts/lib.sh

# has_line FILE LINE: FILE has exactly LINE (no regular expression).
has_line() { grep -qxF -- "$2" "$1" || { cat "$1" >&2; fail "no line '$2' in $1"; }; }

BASE=$WORK/base.db
ANS=$WORK/answer.txt
printf 'The north star metric is weekly active listeners; I would track retention weekly, by cohort, with a churn guardrail.\n' >"$ANS"
Q=metrics-north-star-music
TAG=$("$PM" list --json --category metrics | jq -r '[.[].tags[]][0]')
[ -n "$TAG" ] && [ "$TAG" != null ] || fail "no tag in the metrics category"

# A history to read: two attempts at one question, one at another.
PMDRILL_DB=$BASE "$PM" answer --question "$Q" --time 60 "$ANS" >/dev/null || fail "answer 1"
PMDRILL_DB=$BASE "$PM" answer --question "$Q" --time 90 "$ANS" >/dev/null || fail "answer 2"
PMDRILL_DB=$BASE "$PM" answer --question metrics-measure-success "$ANS" >/dev/null || fail "answer 3"
PMDRILL_DB=$BASE "$PM" export >"$WORK/export.jsonl" || fail "export"
printf 'c1\tgood\t0\nc1\t3\t2\n' >"$WORK/replay.tsv"

# run N ARGS...: the command on a fresh copy of the history (so commands
# that write see the same state both times) into $WORK/N.{out,err,status}.
run() {
	n=$1; shift
	rm -f "$WORK/$n.db"
	cp "$BASE" "$WORK/$n.db"
	PMDRILL_DB=$WORK/$n.db "$PM" "$@" <"$ANS" >"$WORK/$n.out" 2>"$WORK/$n.err"
	echo $? >"$WORK/$n.status"
}
# same CMD... -- OPT VALUE [REST...]: CMD... OPT=VALUE REST... and
# CMD... OPT VALUE REST... agree (for a short OPT: -oVALUE and -o VALUE).
checked=0
same() {
	pre=
	while [ "$1" != -- ]; do pre="$pre $1"; shift; done
	shift
	opt=$1 val=$2; shift 2
	case $opt in
	--*) joined="$opt=$val" ;;
	*) joined="$opt$val" ;;
	esac
	# shellcheck disable=SC2086
	run a $pre "$joined" "$@"
	# shellcheck disable=SC2086
	run b $pre "$opt" "$val" "$@"
	for s in status out err; do
		cmp -s "$WORK/a.$s" "$WORK/b.$s" || {
			diff "$WORK/a.$s" "$WORK/b.$s" >&2
			fail "$pre $joined $* and $pre $opt $val $*: std$s differs"
		}
	done
	checked=$((checked + 1))
}

# Global options.
same -- --db "$WORK/other.db" list --category metrics
same -- --bank tests/data/banks/e2e list
same -- --color never list --category metrics
same -- --color bogus list
# Every command's every option that takes a value (good and bad values).
for v in metrics nosuch; do
	same list -- --category "$v"
	same list -- -c "$v"
	same next -- --category "$v"
	same drill -- --category "$v" --count 1
	same drill -- -c "$v" -n 1
	same stats -- --category "$v"
done
for v in "$TAG" nosuch; do
	same list -- --tag "$v"
	same next -- --tag "$v"
	same drill -- --tag "$v" --count 1
done
for v in pm PM boss; do
	same list -- --level "$v"
	same next -- --level "$v"
	same drill -- --level "$v" --count 1
done
for v in 1 3 0 x; do
	same next -- --count "$v"
	same drill -- --count "$v" --category metrics
	same drill -- -n "$v" --category metrics
done
for v in "$Q" zz-nosuch; do
	same score -- --question "$v" -
	same score -- -q "$v" -
	same answer -- --question "$v" --time 30 "$ANS"
	same answer -- -q "$v" "$ANS"
	same history -- --question "$v"
	same history -- -q "$v"
done
for v in metrics zz-nosuch; do
	same score -- --rubric "$v" "$ANS"
done
same score --prompt 'How would you measure a podcast app?' -- --category metrics "$ANS"
same score --category metrics -- --prompt 'How would you measure a podcast app?' "$ANS"
for v in 1 2 'Which guardrail would you add?'; do
	same score --question "$Q" -- --followup "$v" "$ANS"
done
for v in 30 0 86400 86401 -5 soon; do
	same score --rubric metrics -- --time "$v" "$ANS"
	same answer --question "$Q" -- --time "$v" "$ANS"
done
for v in good Easy 1 4 5 boss; do
	same answer --question "$Q" -- --grade "$v" "$ANS"
done
for v in 2026-03-01 2030-01-01 yesterday; do
	same history -- --since "$v"
done
for v in 1 2 0 -1 x 99999999999999999999; do
	same history -- --limit "$v"
	same search retention -- --limit "$v"
done
for v in json csv xml; do
	same export -- --format "$v"
done
for v in 0.8 1 x; do
	same srs replay -- --retention "$v" "$WORK/replay.tsv"
done
# mock: the values it refuses (a set that runs prints its own timings,
# which two runs need not share; mock-cli.sh and the pty tests run sets).
same mock --questions 1 -- --category nosuch
same mock -n 1 -- -c nosuch
for v in 0 x 51; do
	same mock --category metrics -- --questions "$v"
	same mock --category metrics --questions 1 -- --minutes "$v"
done
same mock --category metrics --questions 1 -- --level boss
same report -- --html "$WORK/report.html"
[ "$checked" -ge 100 ] || fail "only $checked pairs checked"

# Options and operands interleave, as GNU getopt permutes them.
run a score "$ANS" --rubric metrics --json
run b score --rubric metrics --json "$ANS"
cmp -s "$WORK/a.out" "$WORK/b.out" || fail "score: options after the file"
grep -q '"score"' "$WORK/a.out" || fail "score --json after the file"
run a compare 2 --json 1
[ "$(cat "$WORK/a.status")" = 0 ] || fail "compare 2 --json 1"
run a review --json 1
run b review 1 --json
cmp -s "$WORK/a.out" "$WORK/b.out" || fail "review: --json before or after"

# `--` ends the options: what follows is an operand, even "--json".
expect_status 0 env PMDRILL_DB="$BASE" "$PM" search -- --json
grep_in "$WORK/out" "^no answer matches '--json'$"
expect_status 66 "$PM" check -- --list-codes
grep_in "$WORK/err" "'--list-codes': No such file"
expect_status 66 "$PM" score --rubric metrics -- --json
grep_in "$WORK/err" "cannot read '--json'"
expect_status 0 "$PM" --color=never -- list --category metrics
expect_status 64 "$PM" list -- --json
grep_in "$WORK/err" "^pmdrill: list: unexpected argument '--json'$"

# Unknown options, in every command: the message, then the usage.
for c in drill check list show score answer next history review compare \
	search stats grade export import config help; do
	expect_status 64 "$PM" "$c" --frobnicate
	if [ "$c" = help ]; then continue; fi
	grep_in "$WORK/err" "^pmdrill: $c: unknown option '--frobnicate'$"
	grep_in "$WORK/err" "^usage: pmdrill $c"
	[ ! -s "$WORK/out" ] || fail "$c --frobnicate wrote to stdout"
	expect_status 64 "$PM" "$c" -Z
	grep_in "$WORK/err" "^pmdrill: $c: unknown option '-Z'$"
done
expect_status 64 "$PM" srs replay --frobnicate
grep_in "$WORK/err" "^pmdrill: srs: unknown option '--frobnicate'$"
expect_status 64 "$PM" --frobnicate list
grep_in "$WORK/err" "^pmdrill: unknown option '--frobnicate'$"
# No abbreviations: --cat is not --category.
expect_status 64 "$PM" list --cat metrics
grep_in "$WORK/err" "unknown option '--cat'"

# A missing value, at the end or empty.
for cv in "list --category" "list --tag" "list --level" "list -c" \
	"next --category" "next --tag" "next --level" "next --count" \
	"drill --category" "drill --tag" "drill --level" "drill --count" "drill -n" \
	"stats --category" "score --question" "score -q" "score --rubric" \
	"score --prompt" "score --category" "score --followup" "score --time" \
	"answer --question" "answer -q" "answer --time" "answer --grade" \
	"history --question" "history -q" "history --since" "history --limit" \
	"search --limit" "export --format" "srs replay --retention"; do
	set -- $cv
	for opt; do :; done
	cmd=$1
	expect_status 64 "$PM" "$@"
	grep_in "$WORK/err" "^pmdrill: $cmd: option '$opt' needs a value$"
	case $opt in
	--*)
		expect_status 64 "$PM" "$@"=
		grep_in "$WORK/err" "option '$opt' needs a value"
		;;
	esac
done
for o in --db --bank --color; do
	expect_status 64 "$PM" $o
	grep_in "$WORK/err" "^pmdrill: option '$o' needs a value$"
done

# A flag given a value.
for cv in "list --json" "next --cram" "score --full" "show --json" \
	"review --full" "compare --answers" "stats --json" "check --list-codes" \
	"grade --undo" "drill --cram"; do
	set -- $cv
	expect_status 64 "$PM" "$1" "$2=yes"
	grep_in "$WORK/err" "^pmdrill: $1: option '$2' takes no value$"
done
expect_status 64 "$PM" --version=2
grep_in "$WORK/err" "option '--version' takes no value"

# Bad numbers: junk, a sign, negatives, overflow, out of range.
for v in x 1x -1 +1 ' 1' 0x10 99999999999999999999 0; do
	expect_status 64 "$PM" next --count "$v"
	has_line "$WORK/err" "pmdrill: next: --count takes a number from 1 to 100000, not '$v'"
	expect_status 64 "$PM" drill -n "$v"
	has_line "$WORK/err" "pmdrill: drill: -n takes a number from 1 to 100000, not '$v'"
	expect_status 64 env PMDRILL_DB="$BASE" "$PM" history --limit "$v"
	has_line "$WORK/err" "pmdrill: history: --limit takes a number from 1, not '$v'"
	expect_status 64 "$PM" search retention --limit="$v"
	has_line "$WORK/err" "pmdrill: search: --limit takes a number from 1, not '$v'"
done
for v in x -5 86401 99999999999999999999 1.5; do
	expect_status 64 "$PM" score --rubric metrics --time "$v" "$ANS"
	has_line "$WORK/err" "pmdrill: score: --time takes whole seconds (0 to 86400), not '$v'"
	expect_status 64 "$PM" answer --question "$Q" --time="$v" "$ANS"
	has_line "$WORK/err" "pmdrill: answer: --time takes whole seconds (0 to 86400), not '$v'"
done

# Unknown filter values, in every command that has filters, with the
# valid ones listed.
levels="\(valid: apm, pm, senior, tpm\)$"
for c in list next drill; do
	expect_status 64 "$PM" "$c" --level boss
	grep_in "$WORK/err" "^pmdrill: $c: unknown level 'boss' $levels"
	expect_status 64 "$PM" "$c" --category nosuch
	grep_in "$WORK/err" "^pmdrill: $c: unknown category 'nosuch' \(valid: .*metrics.*\)$"
	expect_status 64 "$PM" "$c" --tag nosuch
	grep_in "$WORK/err" "^pmdrill: $c: unknown tag 'nosuch' \(valid: .*$TAG.*\)$"
done
expect_status 64 "$PM" drill nosuch
grep_in "$WORK/err" "^pmdrill: drill: unknown category 'nosuch' \(valid: "
expect_status 64 "$PM" stats --category nosuch
grep_in "$WORK/err" "^pmdrill: stats: unknown category 'nosuch' \(valid: .*metrics.*\)$"
expect_status 64 "$PM" export --format xml
grep_in "$WORK/err" "^pmdrill: export: unknown format 'xml' \(valid: json, csv\)$"
expect_status 64 "$PM" --color=sometimes list
grep_in "$WORK/err" "^pmdrill: unknown color 'sometimes' \(valid: auto, always, never\)$"
grades="\(valid: again, hard, good, easy, 1-4\)$"
expect_status 64 "$PM" answer --question "$Q" --grade great "$ANS"
grep_in "$WORK/err" "^pmdrill: answer: unknown grade 'great' $grades"
expect_status 64 env PMDRILL_DB="$BASE" "$PM" grade 1 great
grep_in "$WORK/err" "^pmdrill: grade: unknown grade 'great' $grades"
# Nothing was saved by the rejected answers.
[ "$(PMDRILL_DB=$BASE "$PM" history --json | jq length)" = 3 ] || fail "a rejected answer was saved"
# The same grades, in any case, everywhere.
for g in again HARD Good easy 1 4; do
	run a answer --question "$Q" --grade "$g" "$ANS"
	[ "$(cat "$WORK/a.status")" = 0 ] || { cat "$WORK/a.err" >&2; fail "answer --grade $g"; }
	run a grade 1 "$g"
	[ "$(cat "$WORK/a.status")" = 0 ] || { cat "$WORK/a.err" >&2; fail "grade 1 $g"; }
done
exit 0
