#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Special files where bank files belong.  A FIFO or a device named *.txt
# in a bank folder is skipped with a warning that names it, and never
# read (opening a FIFO for reading would wait for a writer for ever); a
# symlink to a regular file still loads.  `check PATH` fails with a
# clear message and exit 66 when PATH is a FIFO or device, a folder
# named like a bank file, a folder with nothing to check, missing, or
# unreadable.  Each command runs under `timeout`, so a hang fails.
. "$ROOT/tests/scripts/lib.sh"
command -v mkfifo >/dev/null 2>&1 || skip 'no mkfifo'
command -v timeout >/dev/null 2>&1 || skip 'no timeout'

B=$WORK/bank
mkdir -p "$B/questions" "$B/rubrics"
cp "$ROOT/tests/data/store/rubrics/store.txt" "$B/rubrics/"
# the questions come in through a symlink, which must keep working
ln -s "$ROOT/tests/data/store/questions/store.txt" "$B/questions/linked.txt"
mkfifo "$B/questions/fifo.txt" "$B/rubrics/pipe.txt"
ln -s /dev/zero "$B/questions/zero.txt"

# t CMD...: pmdrill under a timeout, stdout and stderr to $WORK/out, err.
t() { expect_status "$@"; }
to() { timeout 10 "$PM" "$@"; }

t 0 to --bank "$B" check
grep_in "$WORK/err" "^pmdrill: $B/questions/fifo.txt: warning: is a FIFO, not a regular file; skipped$"
grep_in "$WORK/err" "^pmdrill: $B/rubrics/pipe.txt: warning: is a FIFO, not a regular file; skipped$"
grep_in "$WORK/err" "^pmdrill: $B/questions/zero.txt: warning: is a character device, not a regular file; skipped$"
grep_in "$WORK/out" '^ok: .*3 warnings$'

# Commands that load the bank skip the same files and say so.
t 0 to --bank "$B" list
grep_in "$WORK/out" '^storetest-alpha '
grep_in "$WORK/err" "^pmdrill: $B/questions/fifo.txt: warning: is a FIFO, not a regular file; skipped$"

# The folder given to check, rather than found through --bank.
t 0 to --bank "$B" check "$B"
grep_in "$WORK/err" "fifo.txt: warning: is a FIFO, not a regular file; skipped$"

# A FIFO or device given by name is not a bank file.
t 66 to check "$B/questions/fifo.txt"
grep_in "$WORK/err" "^pmdrill: check: '$B/questions/fifo.txt' is a FIFO, not a bank file$"
t 66 to check /dev/null
grep_in "$WORK/err" "^pmdrill: check: '/dev/null' is a character device, not a bank file$"

# A folder named like a bank file, and a folder with nothing to check,
# are not "ok" (and not a check of the whole bank instead).
mkdir "$WORK/x.txt" "$WORK/empty"
t 66 to check "$WORK/x.txt"
grep_in "$WORK/err" "^pmdrill: check: '$WORK/x.txt' is a folder, not a bank file, and holds no \\*\\.txt files$"
[ ! -s "$WORK/out" ] || fail "check of a folder named x.txt printed: $(cat "$WORK/out")"
t 66 to check "$WORK/empty"
grep_in "$WORK/err" "^pmdrill: check: folder '$WORK/empty' holds no bank files"
t 66 to check "$WORK/missing.txt"
grep_in "$WORK/err" "^pmdrill: check: '$WORK/missing.txt': No such file or directory$"
# One bad path fails the run even beside a good one.
t 66 to --bank "$B" check "$B/questions/linked.txt" "$WORK/x.txt"

# Unreadable files and folders.  Permissions mean nothing to root, so as
# root the commands run as 'nobody' in a folder it can reach.
D=$(mktemp -d "${TMPDIR:-/tmp}/pmdrill-sp.XXXXXX") || fail mktemp
trap 'chmod -R u+rwx "$D" 2>/dev/null; rm -rf "$D"' EXIT
chmod 755 "$D"
mkdir "$D/bin" "$D/locked" "$D/bank" "$D/bank/questions"
cp "$PM" "$D/bin/pmdrill"
cp "$ROOT/tests/data/store/questions/store.txt" "$D/bank/questions/secret.txt"
cp "$ROOT/tests/data/store/questions/store.txt" "$D/locked/q.txt"
chmod -R a+rX "$D"
chmod 000 "$D/locked" "$D/bank/questions/secret.txt"
as() {
	if [ "$(id -u)" = 0 ]; then
		su nobody -s /bin/sh -c 'HOME=$1 PMDRILL_DB=$1/db; export HOME PMDRILL_DB;
			shift; exec timeout 10 "$@"' -- sh "$D" "$D/bin/pmdrill" "$@"
	else
		timeout 10 "$D/bin/pmdrill" "$@"
	fi
}
if [ "$(id -u)" = 0 ] && ! su nobody -s /bin/sh -c 'test -x "$1"' -- sh "$D/bin/pmdrill" 2>/dev/null; then
	echo 'root without a usable nobody account: unreadable paths not tested'
else
	t 66 as check "$D/locked"
	grep_in "$WORK/err" "^pmdrill: check: cannot read folder '$D/locked': Permission denied$"
	t 66 as check "$D/bank/questions/secret.txt"
	grep_in "$WORK/err" "^pmdrill: check: cannot read '$D/bank/questions/secret.txt': Permission denied$"
	# found in a folder, an unreadable file is an error of the bank
	t 65 as check "$D/bank"
	grep_in "$WORK/err" "secret.txt: error: cannot read: Permission denied$"
fi
exit 0
