#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The test runner behind `make test` and `make check`.
#
# Runs, from the repository root:
#   1. every unit-test binary in $UNIT_DIR (TAP: each "ok"/"not ok" counts);
#   2. every golden case tests/e2e/<case>/ (see tests/e2e/README);
#   3. every script tests/scripts/*.sh and tests/pty/*.exp (exit 0 pass,
#      77 skip, anything else fail).
# A skip fails when PMDRILL_NO_SKIP=1 (CI sets it: a test that cannot run
# there must not pass silently).  Ends with "N passed, N failed".
set -u
: "${PMDRILL_BIN:?set PMDRILL_BIN to the binary under test}"
: "${UNIT_DIR:=build/tests}"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 70
export ROOT PMDRILL_BIN
pass=0 fail=0 skip=0
failed_names=
TMPROOT=$(mktemp -d "${TMPDIR:-/tmp}/pmdrill-test.XXXXXX")
trap 'rm -rf "$TMPROOT"' EXIT INT TERM
FILTER=${TEST:-}

note_fail() { fail=$((fail + 1)); failed_names="$failed_names $1"; echo "FAIL: $1"; }

# 1. unit tests
for t in "$UNIT_DIR"/test-*; do
	[ -x "$t" ] || continue
	name=unit/$(basename "$t")
	case $name in *"$FILTER"*) ;; *) continue ;; esac
	out=$TMPROOT/unit.out
	"$t" >"$out" 2>"$TMPROOT/unit.err"
	rc=$?
	p=$(grep -c '^ok ' "$out")
	f=$(grep -c '^not ok ' "$out")
	pass=$((pass + p))
	if [ "$f" -gt 0 ] || [ "$rc" -ne 0 ]; then
		[ "$f" -gt 0 ] || f=1
		fail=$((fail + f))
		failed_names="$failed_names $name"
		echo "FAIL: $name ($f failed, exit $rc)"
		grep '^not ok' "$out" | sed 's/^/    /'
		sed 's/^/    /' "$TMPROOT/unit.err" | head -40
	fi
done

# The hermetic environment every end-to-end test runs in.
e2e_env() {
	export HOME="$1/home" XDG_DATA_HOME="$1/home/.local/share" \
		XDG_STATE_HOME="$1/home/.local/state" XDG_CONFIG_HOME="$1/home/.config" \
		XDG_CACHE_HOME="$1/home/.cache" \
		PMDRILL_DB="$1/test.db" PMDRILL_NOW="${PMDRILL_NOW:-2026-03-02T09:00:00Z}" \
		NO_COLOR=1 LC_ALL=C INPUTRC=/dev/null TERM=${TERM:-xterm}
	# a tall screen on a pty goes through $PAGER: cat, so a test never
	# waits on less (the tests of paging set their own)
	export PAGER=cat
	unset PMDRILL_NO_CACHE
	mkdir -p "$HOME"
}

# 2. golden cases
for d in tests/e2e/*/; do
	[ -f "$d/cmd" ] || continue
	name=e2e/$(basename "$d")
	case $name in *"$FILTER"*) ;; *) continue ;; esac
	work=$TMPROOT/$(basename "$d")
	mkdir -p "$work"
	(
		e2e_env "$work"
		cd "$ROOT/$d" || exit 70
		stdin=/dev/null
		[ -f stdin ] && stdin=stdin
		eval "set -- $(cat cmd)"
		"$PMDRILL_BIN" "$@" <"$stdin" >"$work/out" 2>"$work/err"
		echo $? >"$work/status"
	)
	ok=1
	want_status=0
	[ -f "$d/expect.status" ] && want_status=$(cat "$d/expect.status")
	got_status=$(cat "$work/status")
	if [ "$got_status" != "$want_status" ]; then
		echo "  $name: exit $got_status, want $want_status"
		ok=0
	fi
	for s in out err; do
		[ -f "$d/expect.$s" ] || continue
		if ! diff -u "$d/expect.$s" "$work/$s" >"$work/diff.$s"; then
			echo "  $name: std$s differs"
			sed 's/^/    /' "$work/diff.$s" | head -30
			ok=0
		fi
	done
	if [ $ok = 1 ]; then pass=$((pass + 1)); else note_fail "$name"; fi
done

# 3. scripts and pty tests.  A test that hangs (a pager waiting for a key,
# a prompt nobody answers) fails after PMDRILL_TEST_TIMEOUT seconds instead
# of stalling the whole run.
LIMIT=
command -v timeout >/dev/null 2>&1 && LIMIT="timeout -k 5 ${PMDRILL_TEST_TIMEOUT:-300}"
for t in tests/scripts/*.sh tests/pty/*.exp; do
	[ -f "$t" ] || continue
	name=$t
	case $name in *"$FILTER"*) ;; *) continue ;; esac
	work=$TMPROOT/$(basename "$t").d
	mkdir -p "$work"
	(
		e2e_env "$work"
		export WORK="$work"
		case $t in
		*.exp)
			if ! command -v expect >/dev/null 2>&1; then exit 77; fi
			$LIMIT expect -f "$t"
			;;
		*) $LIMIT sh "$t" ;;
		esac
	) >"$work/log" 2>&1
	rc=$?
	if [ $rc = 0 ]; then
		pass=$((pass + 1))
	elif [ $rc = 124 ] && [ -n "$LIMIT" ]; then
		note_fail "$name (timed out after ${PMDRILL_TEST_TIMEOUT:-300} s)"
		tail -30 "$work/log" | sed 's/^/    /'
	elif [ $rc = 77 ]; then
		if [ "${PMDRILL_NO_SKIP:-0}" = 1 ]; then
			note_fail "$name (skipped, but skips are failures here)"
		else
			skip=$((skip + 1))
			echo "SKIP: $name"
		fi
	else
		note_fail "$name (exit $rc)"
		tail -30 "$work/log" | sed 's/^/    /'
	fi
done

[ -n "$failed_names" ] && echo "failed:$failed_names"
if [ $skip -gt 0 ]; then
	echo "$pass passed, $fail failed, $skip skipped"
else
	echo "$pass passed, $fail failed"
fi
[ $fail -eq 0 ]
