#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line: --help and `help COMMAND` for every command in the
# table, --version, and usage errors (64) for unknown commands and options.
. tests/scripts/lib.sh

# The main help, three ways.
for a in --help -h help; do
	expect_status 0 "$PM" $a
	head -n 1 "$WORK/out" | grep -q '^usage: pmdrill ' || fail "'$a': no usage line"
	grep_in "$WORK/out" '^Commands:$'
	[ ! -s "$WORK/err" ] || fail "'$a' wrote to stderr"
done

# Every command listed there answers --help and `help COMMAND` alike.
"$PM" --help | sed -n '/^Commands:$/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' >"$WORK/cmds"
n=$(wc -l <"$WORK/cmds")
[ "$n" -ge 15 ] || { cat "$WORK/cmds" >&2; fail "only $n commands in --help"; }
for c in check list show score drill help; do
	grep -qx "$c" "$WORK/cmds" || fail "--help does not list '$c'"
done
while read -r c; do
	expect_status 0 "$PM" help "$c"
	head -n 1 "$WORK/out" | grep -q "^usage: pmdrill $c\\b" || fail "help $c: no usage line"
	[ ! -s "$WORK/err" ] || fail "help $c wrote to stderr"
	cp "$WORK/out" "$WORK/help.out"
	expect_status 0 "$PM" "$c" --help
	cmp -s "$WORK/out" "$WORK/help.out" || fail "$c --help differs from help $c"
	expect_status 0 "$PM" "$c" -h
done <"$WORK/cmds"

# --version
expect_status 0 "$PM" --version
grep -qx "pmdrill $(cat VERSION)" "$WORK/out" || { cat "$WORK/out" >&2; fail 'version'; }

# Usage errors: 64, a message on stderr, nothing on stdout.
usage_error() {
	expect_status 64 "$PM" "$@"
	[ ! -s "$WORK/out" ] || fail "$*: wrote to stdout"
	[ -s "$WORK/err" ] || fail "$*: no message"
}
usage_error frobnicate
grep_in "$WORK/err" "^pmdrill: 'frobnicate' is not a command"
usage_error --frobnicate list
grep_in "$WORK/err" "^pmdrill: unknown option '--frobnicate'$"
grep_in "$WORK/err" '^usage: pmdrill '
usage_error --color=bogus list
grep_in "$WORK/err" "^pmdrill: unknown color 'bogus' \(valid: auto, always, never\)$"
usage_error --color bogus list
usage_error --db
grep_in "$WORK/err" "option '--db' needs a value"
usage_error --bank
usage_error help frobnicate
usage_error list --frobnicate
usage_error list --category
usage_error list extra
usage_error show
usage_error show a b
usage_error show --frobnicate x
usage_error check --frobnicate
usage_error score
usage_error score --question a --rubric b
usage_error score --rubric metrics --time
usage_error score --rubric metrics --time -5 -

# Good colour settings are accepted.
for c in --color=never --color=always --color=auto; do
	expect_status 0 "$PM" $c list --category metrics
done
exit 0
