#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Output that cannot be written is a failure: list, show and check into
# a full disk (/dev/full) say so and exit 74, as history and the other
# store commands already did; they used to exit 0 in silence.
. "$(dirname "$0")/lib.sh"
[ -w /dev/full ] || skip 'no /dev/full'
BANK=$ROOT/tests/data/store
for c in list 'list --json' 'show storetest-alpha' check; do
	# shellcheck disable=SC2086
	"$PM" --bank "$BANK" $c >/dev/full 2>"$WORK/err"
	rc=$?
	[ "$rc" = 74 ] || fail "$c >/dev/full exited $rc, want 74"
	grep_in "$WORK/err" '^pmdrill: cannot write the output: No space left on device$'
done
# and a good run still exits 0
expect_status 0 "$PM" --bank "$BANK" show storetest-alpha
exit 0
