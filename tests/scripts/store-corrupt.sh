#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Databases pmdrill must not touch: a corrupt file, somebody else's SQLite
# file, and one written by a newer pmdrill.  Each gets a clear error naming
# the file, exit 74, and stays byte for byte as it was.
. tests/scripts/lib.sh
. tests/scripts/store.inc

printf '%s\n' "$GOOD" >"$WORK/a.txt"
D=$(dirname "$PMDRILL_DB")

# every_command: each command that opens the database, expecting 74.
every_command() {
	expect_status 74 pm answer -q storetest-alpha "$WORK/a.txt"
	grep_in "$WORK/err" "$1"
	expect_status 74 pm history
	grep_in "$WORK/err" "$1"
	expect_status 74 pm stats
	expect_status 74 pm review 1
	expect_status 74 pm search metric
	expect_status 74 pm export
	expect_status 74 pm grade 1 good
	expect_status 74 pm import "$WORK/empty.json"
	expect_status 74 pm next
	expect_status 74 pm config new-per-day 3
}
: >"$WORK/empty.json"

# 1. Garbage.
head -c 20000 /dev/urandom >"$PMDRILL_DB"
cp "$PMDRILL_DB" "$WORK/copy"
every_command "^pmdrill: '$PMDRILL_DB' is not a usable pmdrill database \(file is not a database\); the file was left untouched$"
cmp "$PMDRILL_DB" "$WORK/copy" || fail 'a corrupt database was modified'
[ ! -e "$PMDRILL_DB-wal" ] && [ ! -e "$PMDRILL_DB-journal" ] || fail 'files were created beside a corrupt database'

# 2. A database with a valid header whose pages are garbage.
rm -f "$PMDRILL_DB"
expect_status 0 pm answer -q storetest-alpha "$WORK/a.txt"
dd if=/dev/urandom of="$PMDRILL_DB" bs=1024 seek=1 count=40 conv=notrunc 2>/dev/null
cp "$PMDRILL_DB" "$WORK/copy"
expect_status 74 pm answer -q storetest-alpha "$WORK/a.txt"
grep_in "$WORK/err" "'$PMDRILL_DB' is not a usable pmdrill database \(.*\); the file was left untouched"
expect_status 74 pm history
cmp "$PMDRILL_DB" "$WORK/copy" || fail 'a damaged database was modified'

# 3. Somebody else's SQLite database.
rm -f "$PMDRILL_DB"*
sqlite3 "$PMDRILL_DB" 'CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('"'soup'"');'
cp "$PMDRILL_DB" "$WORK/copy"
expect_status 74 pm answer -q storetest-alpha "$WORK/a.txt"
grep_in "$WORK/err" "^pmdrill: '$PMDRILL_DB' is an SQLite database but not pmdrill's \(application_id 0x00000000, user_version 0\); the file was left untouched; give pmdrill its own database with --db PATH or [$]PMDRILL_DB$"
cmp "$PMDRILL_DB" "$WORK/copy" || fail "somebody else's database was modified"

# 4. A newer schema is refused, for reading and writing.
rm -f "$PMDRILL_DB"*
expect_status 0 pm answer -q storetest-alpha "$WORK/a.txt"
sql 'PRAGMA user_version = 99' >/dev/null
cp "$PMDRILL_DB" "$WORK/copy"
every_command "^pmdrill: database '$PMDRILL_DB' has schema version 99, newer than this pmdrill understands \(7\); use a newer pmdrill \(the file was left untouched\)$"
cmp "$PMDRILL_DB" "$WORK/copy" || fail 'a newer database was modified'

# 5. An empty file is a new database (what sqlite3 makes of "touch").
rm -f "$PMDRILL_DB"*
: >"$PMDRILL_DB"
expect_status 0 pm answer -q storetest-alpha "$WORK/a.txt"
[ "$(sql 'PRAGMA user_version')" = 7 ] || fail 'empty file not initialised'

# 6. The database path is a folder.
PMDRILL_DB=$D expect_status 74 pm answer -q storetest-alpha "$WORK/a.txt"
grep_in "$WORK/err" "is a folder"

# 7. A path through a file.
: >"$WORK/file"
PMDRILL_DB=$WORK/file/sub/p.db expect_status 74 pm answer -q storetest-alpha "$WORK/a.txt"
grep_in "$WORK/err" "cannot open database '$WORK/file/sub/p.db': Not a directory"
exit 0
