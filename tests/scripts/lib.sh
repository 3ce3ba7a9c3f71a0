# SPDX-License-Identifier: GPL-3.0-or-later
# Helpers for tests/scripts/*.sh: sourced, not run.  tests/run.sh has set a
# hermetic HOME, PMDRILL_DB, PMDRILL_NOW and WORK (a scratch folder).
set -u
PM=${PMDRILL_BIN:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
# skip WHY: this test cannot run here (exit 77; a failure under PMDRILL_NO_SKIP=1).
skip() { echo "SKIP: $*" >&2; exit 77; }
# expect_status WANT CMD...: run CMD, fail unless it exits WANT.
expect_status() {
	want=$1; shift
	"$@" >"$WORK/out" 2>"$WORK/err"
	got=$?
	[ "$got" = "$want" ] || { cat "$WORK/out" "$WORK/err" >&2; fail "$* exited $got, want $want"; }
}
# grep_in FILE REGEX: fail unless FILE has a line matching REGEX.
grep_in() { grep -Eq -- "$2" "$1" || { echo "--- $1:" >&2; cat "$1" >&2; fail "no '$2' in $1"; }; }
