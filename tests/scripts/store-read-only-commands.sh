#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 12 item 3: commands that only read open the database read-only.
# A pmdrill database in rollback-journal mode stays byte for byte the same
# and stays in that mode through every reading command; a writing command
# still switches it to WAL as docs/SCHEMA.md says.
. tests/scripts/lib.sh
. tests/scripts/store.inc

printf '%s\n' "$GOOD" >"$WORK/a.txt"
expect_status 0 pm answer -q storetest-alpha "$WORK/a.txt"
expect_status 0 pm answer -q storetest-alpha "$WORK/a.txt"
sqlite3 "$PMDRILL_DB" 'PRAGMA journal_mode = DELETE' >/dev/null
[ ! -e "$PMDRILL_DB-wal" ] || fail 'setup: a WAL file is left'
cp "$PMDRILL_DB" "$WORK/copy"
for c in "history" "review 1" "compare 1 2" "search users" "stats" "next" \
	"export" "config" "history --json" "stats --json"; do
	# shellcheck disable=SC2086
	expect_status 0 pm $c
	cmp "$PMDRILL_DB" "$WORK/copy" || fail "'$c' wrote to the database"
	[ "$(sqlite3 "$PMDRILL_DB" 'PRAGMA journal_mode')" = delete ] ||
		fail "'$c' switched the database to WAL"
	[ ! -e "$PMDRILL_DB-wal" ] || fail "'$c' left a WAL file"
done
# A command that writes switches to WAL.
expect_status 0 pm answer -q storetest-alpha "$WORK/a.txt"
[ "$(sqlite3 "$PMDRILL_DB" 'PRAGMA journal_mode')" = wal ] ||
	fail 'answer did not switch the database to WAL'
echo ok
