#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `make valgrind`: drill sessions through a real pseudo-terminal (and one
# on a pipe) with pmdrill under valgrind.  Any memory error, or a
# definite or indirect leak, fails; readline's and ncurses' one-time
# allocations are "still reachable" and tests/valgrind.supp covers the
# rest of what they keep.
set -u
: "${PMDRILL_BIN:?set PMDRILL_BIN to the binary under test}"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 70
for tool in valgrind expect sqlite3; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "valgrind.sh: $tool not found"
		[ "${PMDRILL_NO_SKIP:-0}" = 1 ] && exit 1
		exit 77
	fi
done
TMPROOT=$(mktemp -d "${TMPDIR:-/tmp}/pmdrill-vg.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$TMPROOT"' EXIT INT TERM
REAL=$PMDRILL_BIN
pass=0 fail=0

for t in tests/pty/drill-session.exp tests/pty/drill-keys.exp \
	tests/pty/drill-hangup.exp tests/scripts/drill-piped.sh; do
	work=$TMPROOT/$(basename "$t").d
	mkdir -p "$work/home"
	# A wrapper the tests run as "the binary": valgrind with one log per
	# process (%p), since the hang-up test starts pmdrill several times.
	cat >"$work/pmdrill" <<WRAP
#!/bin/sh
exec valgrind -q --leak-check=full --show-leak-kinds=definite,indirect \\
	--errors-for-leak-kinds=definite,indirect --error-exitcode=99 \\
	--track-fds=no --suppressions="$ROOT/tests/valgrind.supp" \\
	--log-file="$work/vg.%p.log" "$REAL" "\$@"
WRAP
	chmod +x "$work/pmdrill"
	(
		export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" \
			XDG_STATE_HOME="$work/home/.local/state" \
			XDG_CONFIG_HOME="$work/home/.config" PMDRILL_DB="$work/test.db" \
			PMDRILL_NOW=2026-03-02T09:00:00Z NO_COLOR=1 LC_ALL=C \
			INPUTRC=/dev/null TERM=xterm WORK="$work" ROOT \
			PMDRILL_BIN="$work/pmdrill"
		case $t in
		*.exp) expect -f "$t" ;;
		*) sh "$t" ;;
		esac
	) >"$work/log" 2>&1
	rc=$?
	errs=$(cat "$work"/vg.*.log 2>/dev/null | grep -c '^==[0-9]*== ')
	if [ $rc = 0 ] && [ "$errs" = 0 ]; then
		pass=$((pass + 1))
		echo "ok: $t ($(ls "$work"/vg.*.log | wc -l) processes)"
	else
		fail=$((fail + 1))
		echo "FAIL: $t (exit $rc)"
		tail -20 "$work/log" | sed 's/^/    /'
		cat "$work"/vg.*.log 2>/dev/null | head -80 | sed 's/^/    /'
	fi
done
echo "valgrind: $pass passed, $fail failed"
[ $fail = 0 ]
