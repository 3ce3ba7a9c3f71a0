#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11 (drill memory): a start whose bank came unchanged from the
# bank cache does not record the bank in the database again (it would
# read every prompt); any change to the bank, or a question the bank did
# not record (an import), records it again, retiring what left it.
. tests/scripts/lib.sh
command -v sqlite3 >/dev/null 2>&1 || skip 'sqlite3 not found'
sql() { sqlite3 -batch "$PMDRILL_DB" "$@"; }
B=$WORK/bank
mkdir -p "$B"
cp -R "$ROOT/tests/data/banks/e2e/." "$B/"
Q=$B/questions/zz-e2e.txt
printf 'We would track weekly retention of 40%% and churn under 5%%.\n' >"$WORK/a.txt"
ans() { expect_status 0 "$PM" --bank "$B" answer --question zz-e2e-metric "$WORK/a.txt"; }
ans # parses the bank and writes the cache: recorded, no fingerprint yet
ans # the bank from the cache: recorded with its fingerprint
fp=$(sql "SELECT value FROM settings WHERE key = 'bank-synced'")
[ -n "$fp" ] || fail 'a bank from the cache was not marked as recorded'
# Proof that the next start skips it: a prompt changed behind its back stays.
sql "UPDATE questions SET prompt = 'changed by hand' WHERE id = 'zz-e2e-plain'"
ans
[ "$(sql "SELECT prompt FROM questions WHERE id = 'zz-e2e-plain'")" = 'changed by hand' ] ||
	fail 'the unchanged bank was recorded again'
[ "$(sql 'SELECT count(*) FROM attempts')" = 3 ] || fail 'an answer was not saved'
# A change to the bank is recorded at once.
sed 's/How would you measure the success of a to-do list app?/How would you measure a to-do list app, really?/' "$Q" >"$WORK/q" && cat "$WORK/q" >"$Q"
ans
[ "$(sql "SELECT prompt LIKE 'How would you measure a to-do list app, really?%' FROM questions WHERE id = 'zz-e2e-metric'")" = 1 ] || fail "edited prompt not recorded: $(sql "SELECT prompt FROM questions WHERE id = 'zz-e2e-metric'")"
[ "$(sql "SELECT prompt FROM questions WHERE id = 'zz-e2e-plain'")" != 'changed by hand' ] ||
	fail 'a changed bank was not recorded again in full'
# An import brings a question this bank does not have: the next start
# records the bank again and retires it, even with the bank unchanged.
ans
ans
printf '%s\n' '{"format":1,"question":"zz-elsewhere","category":"metrics","prompt":"From another bank?","started_at":"2026-03-01T09:00:00Z","answer":"An answer."}' >"$WORK/other.jsonl"
expect_status 0 "$PM" --bank "$B" import "$WORK/other.jsonl"
[ -z "$(sql "SELECT value FROM settings WHERE key = 'bank-synced'")" ] ||
	fail 'an imported question left the bank marked as recorded'
ans
[ "$(sql "SELECT retired FROM questions WHERE id = 'zz-elsewhere'")" = 1 ] ||
	fail 'the imported question not in the bank was not retired'
# config neither lists nor takes the marker
expect_status 0 "$PM" config
! grep -q 'bank-synced' "$WORK/out" || fail 'config shows the internal marker'
expect_status 64 "$PM" config bank-synced 1
echo ok
