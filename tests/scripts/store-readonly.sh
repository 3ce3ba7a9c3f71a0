#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A read-only database file, and a writable file in a read-only folder:
# `answer` fails clearly with exit 74 and leaves the file untouched, while
# history, stats, review, search and export still read it.
#
# Permissions mean nothing to root, so as root the commands run as
# 'nobody' through su (in a scratch folder nobody can reach); without su
# or a nobody account the test is skipped (exit 77): as root a chmod test
# could not fail.
. tests/scripts/lib.sh
. tests/scripts/store.inc

D=$(mktemp -d "${TMPDIR:-/tmp}/pmdrill-ro.XXXXXX") || fail 'mktemp'
trap 'chmod -R u+w "$D" 2>/dev/null; rm -rf "$D"' EXIT
chmod 755 "$D"
mkdir "$D/home" "$D/db"
DB=$D/db/p.db
printf '%s\n' "$GOOD" >"$D/a.txt"
chmod 644 "$D/a.txt"
# The binary and the test bank are copied into the scratch folder, so the
# unprivileged user can reach them wherever the tree was cloned (a clone
# inside a 0700 folder, such as mktemp -d gives, would hide them).
mkdir "$D/bin"
cp "$PM" "$D/bin/pmdrill"
cp -R "$STORE_BANK" "$D/bank"
chmod -R a+rX "$D/bin" "$D/bank"
PM=$D/bin/pmdrill
STORE_BANK=$D/bank

if [ "$(id -u)" = 0 ]; then
	command -v su >/dev/null 2>&1 || { echo 'root without su: skipping'; exit 77; }
	su nobody -s /bin/sh -c 'test -x "$1"' -- sh "$PM" 2>/dev/null ||
		{ echo "nobody cannot run $PM: skipping"; exit 77; }
	chown nobody "$D/home" 2>/dev/null || true
	OWNER=nobody
else
	OWNER=
fi

# as CMD...: run pmdrill as the unprivileged user, with the test bank.
as() {
	if [ -n "$OWNER" ]; then
		su nobody -s /bin/sh -c 'HOME=$1 XDG_DATA_HOME=$1/.local/share \
			XDG_STATE_HOME=$1/.local/state PMDRILL_DB=$2 \
			PMDRILL_NOW=$3 NO_COLOR=1 LC_ALL=C; export HOME XDG_DATA_HOME \
			XDG_STATE_HOME PMDRILL_DB PMDRILL_NOW NO_COLOR LC_ALL; \
			shift 3; exec "$@"' -- sh "$D/home" "$DB" "$PMDRILL_NOW" \
			"$PM" --bank "$STORE_BANK" "$@"
	else
		PMDRILL_DB=$DB "$PM" --bank "$STORE_BANK" "$@"
	fi
}

# The database, made by its owner (root, or us).
PMDRILL_DB=$DB expect_status 0 pm answer -q storetest-alpha "$D/a.txt"
chmod 755 "$D/db"

reads_work() {
	expect_status 0 as history
	grep_in "$WORK/out" '^ +1  2026-03-02 09:00  storetest-alpha'
	expect_status 0 as stats
	grep_in "$WORK/out" '^attempts: +1 '
	expect_status 0 as review 1
	grep_in "$WORK/out" '^attempt 1  storetest-alpha'
	expect_status 0 as search listening
	grep_in "$WORK/out" '^1  2026-03-02  storetest-alpha'
	expect_status 0 as export
	grep_in "$WORK/out" '"question":"storetest-alpha"'
	expect_status 0 as next
	expect_status 0 as config
}

# 1. A read-only file in a folder the user may write.
chmod 644 "$DB"
if [ -n "$OWNER" ]; then chown nobody "$D/db"; else chmod 755 "$D/db"; fi
[ -n "$OWNER" ] || chmod 444 "$DB"
cp "$DB" "$WORK/copy"
expect_status 74 as answer -q storetest-alpha "$D/a.txt"
grep_in "$WORK/err" "^pmdrill: database '$DB' is read-only \(Permission denied\); nothing was saved$"
expect_status 74 as grade 1 easy
grep_in "$WORK/err" 'read-only'
expect_status 74 as config new-per-day 2
grep_in "$WORK/err" 'read-only'
expect_status 74 as import "$WORK/copy"
reads_work
cmp "$DB" "$WORK/copy" || fail 'a read-only database file was modified'

# Readers may leave an empty -wal and the -shm index beside the file (as
# any SQLite reader of a WAL database does); the database itself is intact.
[ ! -s "$DB-wal" ] || fail 'a reader wrote to the WAL'
rm -f "$DB-wal" "$DB-shm"

# 2. A writable file in a read-only folder: SQLite cannot create its
# -wal and -shm files there, so readers open it as immutable.
if [ -n "$OWNER" ]; then chown root "$D/db"; chown nobody "$DB"; else chmod 644 "$DB"; fi
chmod 555 "$D/db"
expect_status 74 as answer -q storetest-alpha "$D/a.txt"
grep_in "$WORK/err" "^pmdrill: database '$DB' cannot be written: its folder '$D/db' is read-only and SQLite needs to create files there; nothing was saved$"
reads_work
cmp "$DB" "$WORK/copy" || fail 'a database in a read-only folder was modified'
[ "$(ls "$D/db")" = p.db ] || fail "files were left in the read-only folder: $(ls "$D/db")"

# 3. Both read-only.
if [ -n "$OWNER" ]; then chown root "$DB"; else chmod 444 "$DB"; fi
expect_status 74 as answer -q storetest-alpha "$D/a.txt"
grep_in "$WORK/err" 'read-only'
reads_work
cmp "$DB" "$WORK/copy" || fail 'a read-only database was modified'

# Writable again: answering works and the old attempt is there.
chmod 755 "$D/db"
chmod 644 "$DB"
PMDRILL_DB=$DB expect_at 0 2026-03-03T09:00:00Z pm answer -q storetest-alpha "$D/a.txt"
grep_in "$WORK/out" '^attempt 2 saved'
exit 0
