#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A drill whose answer cannot be saved (the disk fills: a file-size limit,
# as in store-diskfull.sh) says so, keeps the answer as a draft, goes on
# to its summary and then exits 74, not 0.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip 'sqlite3 not found'
BANK=$ROOT/tests/data/drill

# The database exists before the limit, so only the answer's write fails.
printf 'quit\n' | "$PM" --bank "$BANK" >"$WORK/out" 2>"$WORK/err" || fail "setup exit $?"
[ -f "$PMDRILL_DB" ] || fail 'setup: no database'
{
	echo 'drill --category drilltest --count 1'
	awk 'BEGIN { for (i = 0; i < 40000; i++) printf "the goal is to reach users %d\n", i }'
	echo .
	echo quit
} >"$WORK/in"
(
	ulimit -f 256 || exit 77
	"$PM" --bank "$BANK" <"$WORK/in" >"$WORK/out" 2>"$WORK/err"
	echo $? >"$WORK/status"
)
[ $? = 77 ] && skip 'cannot set a file-size limit'
grep_in "$WORK/err" '^pmdrill: cannot save the answer: '
[ "$(cat "$WORK/status")" = 74 ] || { cat "$WORK/err" >&2; fail "drill whose save failed exited $(cat "$WORK/status"), want 74"; }
[ "$(sqlite3 "$PMDRILL_DB" 'SELECT count(*) FROM attempts')" = 0 ] || fail 'an attempt was stored'
exit 0
