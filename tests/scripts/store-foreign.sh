#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 12 item 3: another program's SQLite file is refused before
# anything writes to it, whatever its user_version, and names what it is;
# damage found after an answer was committed says the answer is kept
# instead of claiming the file was left untouched.
. tests/scripts/lib.sh
. tests/scripts/store.inc

printf '%s\n' "$GOOD" >"$WORK/a.txt"
hint='give pmdrill its own database with --db PATH or \$PMDRILL_DB$'

# 1. No application_id, a user_version like ours, tables that are not ours.
sqlite3 "$PMDRILL_DB" 'CREATE TABLE notes (body TEXT); PRAGMA user_version = 1;'
cp "$PMDRILL_DB" "$WORK/copy"
expect_status 74 pm answer -q storetest-alpha "$WORK/a.txt"
grep_in "$WORK/err" "^pmdrill: '$PMDRILL_DB' is an SQLite database but not pmdrill's \(application_id 0x00000000, user_version 1\); the file was left untouched; $hint"
expect_status 74 pm history
cmp "$PMDRILL_DB" "$WORK/copy" || fail 'a foreign database with user_version 1 was modified'
[ ! -e "$PMDRILL_DB-wal" ] || fail 'a WAL file was created beside a foreign database'

# 2. Another program's application_id on an empty database.
rm -f "$PMDRILL_DB"*
sqlite3 "$PMDRILL_DB" 'PRAGMA application_id = 1234; PRAGMA user_version = 0;'
cp "$PMDRILL_DB" "$WORK/copy"
expect_status 74 pm answer -q storetest-alpha "$WORK/a.txt"
grep_in "$WORK/err" "^pmdrill: '$PMDRILL_DB' is an SQLite database but not pmdrill's \(application_id 0x000004d2, user_version 0\); the file was left untouched; $hint"
cmp "$PMDRILL_DB" "$WORK/copy" || fail 'a database with a foreign application_id was modified'

# 3. A pmdrill database without an application_id still opens.
rm -f "$PMDRILL_DB"*
expect_status 0 pm answer -q storetest-alpha "$WORK/a.txt"
sql 'PRAGMA application_id = 0' >/dev/null
expect_status 0 pm history
grep_in "$WORK/out" 'storetest-alpha'

# 4. Damage found while scoring, after the answer was committed: the
# message says the answer is kept, and it is.
rm -f "$PMDRILL_DB"*
expect_status 0 pm answer -q storetest-alpha "$WORK/a.txt"
page=$(sql 'PRAGMA page_size')
root=$(sql "SELECT rootpage FROM sqlite_master WHERE name = 'criterion_results'")
[ -n "$root" ] && [ ! -e "$PMDRILL_DB-wal" ] || fail 'setup: no criteria table or a WAL left'
head -c "$page" /dev/zero | tr '\0' '\377' |
	dd of="$PMDRILL_DB" bs="$page" seek=$((root - 1)) conv=notrunc 2>/dev/null
expect_status 74 pm answer -q storetest-alpha "$WORK/a.txt"
grep_in "$WORK/err" "^pmdrill: '$PMDRILL_DB' is not a usable pmdrill database \(.*\); the answer of attempt 2 saved before this is kept$"
! grep -q 'left untouched' "$WORK/err" || fail 'claims the file was left untouched after saving an answer'
[ "$(sql 'SELECT count(*) FROM attempts')" = 2 ] || fail 'the committed answer was lost'
exit 0
