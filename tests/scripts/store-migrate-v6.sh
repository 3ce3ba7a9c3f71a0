#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11: a database the previous version wrote (schema version 6,
# tests/data/migrate/v6.sql) is migrated to version 7 (criteria details
# kept once, evidence packed) by the first command that opens it; nothing
# a user can see changes: the criteria view shows the same rows byte for
# byte and `export` prints what the version-6 pmdrill printed.  Rows
# written into the view afterwards read back as they were written,
# whatever their evidence looks like.
. tests/scripts/lib.sh
command -v sqlite3 >/dev/null 2>&1 || skip 'sqlite3 not found'
sql() { sqlite3 -batch "$PMDRILL_DB" "$@"; }
D=$ROOT/tests/data/migrate
sqlite3 "$PMDRILL_DB" <"$D/v6.sql" || fail 'restoring the version 6 database'
sqlite3 "$PMDRILL_DB" 'PRAGMA user_version = 6; PRAGMA application_id = 1886217330; PRAGMA journal_mode = WAL' >/dev/null
before=$(sql 'SELECT * FROM criteria ORDER BY attempt_id, pos; SELECT * FROM attempts ORDER BY id')
[ "$(sql "SELECT count(*) FROM criteria WHERE evidence LIKE '%\"what\"%'")" -gt 0 ] &&
	[ "$(sql "SELECT count(*) FROM criteria WHERE evidence = '[]'")" -gt 0 ] ||
	fail 'the fixture lacks evidence of every kind'

expect_status 0 "$PM" export
[ "$(sql 'PRAGMA user_version')" = 7 ] || fail 'not migrated to version 7'
cmp "$WORK/out" "$D/v6.export" || {
	diff "$D/v6.export" "$WORK/out" >&2
	fail 'export differs from what version 6 printed'
}
[ "$(sql 'SELECT * FROM criteria ORDER BY attempt_id, pos; SELECT * FROM attempts ORDER BY id')" = "$before" ] ||
	fail 'the criteria view shows other rows after the upgrade'
[ "$(sql 'PRAGMA integrity_check; PRAGMA foreign_key_check')" = ok ] || fail 'integrity check'
# Each detail is kept once; evidence is packed, or kept as written.
[ "$(sql 'SELECT count(*) = count(DISTINCT detail) FROM criterion_details')" = 1 ] &&
	[ "$(sql 'SELECT count(*) < (SELECT count(*) FROM criterion_results) FROM criterion_details')" = 1 ] ||
	fail 'details not kept once'
[ "$(sql "SELECT count(*) FROM criterion_results WHERE evidence GLOB '[[][0-9]*'")" -gt 0 ] ||
	fail 'no evidence was packed'
[ "$(sql "SELECT count(*) FROM criterion_results WHERE evidence IS NOT NULL AND NOT evidence GLOB '[[][0-9]*' AND NOT evidence GLOB ' [[]{*'")" = 0 ] ||
	fail 'evidence stored in a form the view does not read'

# What goes into the view comes out of it as it went in.
n=0
for ev in '[]' '[{"start":0,"end":6}]' '[{"start":12,"end":20},{"start":31,"end":4096}]' \
	'[{"start":5,"end":9,"what":"a \"goal\" é"}]' '[ {"start": 1, "end": 2} ]' \
	'[{"end":2,"start":1}]' '[{"start":1,"end":2,"x":1}]' '{"start":1}' '[1,2]' \
	'[{"start":-1,"end":2}]' '[{"start":1.5,"end":2}]'; do
	n=$((n + 1))
	esc=$(printf '%s' "$ev" | sed "s/'/''/g")
	sql "INSERT INTO criteria (attempt_id, pos, name, label, kind, weight, earned, scaled, active, met, limited, detail, feedback, evidence) VALUES (1, $((100 + n)), 'probe', NULL, 'keywords', 1, 0.5, 0.1234567890123456789, 1, 0, 1, 'probe $n', NULL, '$esc')" ||
		fail "inserting evidence $ev"
	got=$(sql "SELECT evidence FROM criteria WHERE attempt_id = 1 AND pos = $((100 + n))")
	[ "$got" = "$ev" ] || fail "evidence $ev read back as $got"
done
[ "$(sql 'SELECT count(*) FROM criteria WHERE attempt_id = 1 AND pos > 100 AND active AND NOT met AND limited AND scaled = 0.1234567890123456789')" = "$n" ] ||
	fail 'flags or figures changed through the view'
sql 'DELETE FROM criteria WHERE attempt_id = 1 AND pos > 100' || fail 'deleting through the view'
[ "$(sql 'SELECT count(*) FROM criterion_results WHERE attempt_id = 1 AND pos > 100')" = 0 ] ||
	fail 'rows left after a delete through the view'

# A new answer after the upgrade is saved and shown with its evidence.
printf '%s\n' 'I would rank the three options by reach, impact and effort: the fix reaches 40% of users for two weeks of work, so it goes first, and I would tell the other teams why.' >"$WORK/a.txt"
expect_status 0 "$PM" answer -q prio-limited-resources "$WORK/a.txt"
id=$(sql 'SELECT max(id) FROM attempts')
[ "$(sql "SELECT count(*) FROM criteria WHERE attempt_id = $id")" -gt 0 ] || fail 'new answer has no criteria'
expect_status 0 "$PM" export
tail -n 1 "$WORK/out" | grep -q '"evidence":\[{"start":' || fail 'new evidence not exported as objects'
exit 0
