#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The disk filling up during a write (a file-size limit, ulimit -f): a clear
# error and exit 74, every attempt saved before it intact, and
# PRAGMA integrity_check still ok.
. tests/scripts/lib.sh
. tests/scripts/store.inc

printf '%s\n' "$GOOD" >"$WORK/a.txt"
for t in 2026-03-02T09:00:00Z 2026-03-03T09:00:00Z 2026-03-04T09:00:00Z; do
	expect_at 0 $t pm answer -q storetest-alpha "$WORK/a.txt"
done
sql 'SELECT id, answer, score, final_grade, due FROM attempts ORDER BY id' >"$WORK/before"
# The limit can also fall between the two transactions of an answer: the
# raw answer is committed, the score is not.  Find such a limit on copies
# of the database (how many bytes each step takes depends on SQLite).
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "metric retention growth %d\n", i }' >"$WORK/med.txt"
found=
L=8
while [ $L -le 1024 ] && [ -z "$found" ]; do
	rm -f "$WORK/c.db" "$WORK/c.db-wal" "$WORK/c.db-shm"
	sqlite3 "$PMDRILL_DB" ".backup '$WORK/c.db'" || fail 'backup failed'
	(
		ulimit -f $L
		PMDRILL_DB=$WORK/c.db PMDRILL_NOW=2026-03-05T09:00:00Z "$PM" --bank "$STORE_BANK" \
			answer -q storetest-gamma "$WORK/med.txt" >"$WORK/out" 2>"$WORK/err"
		echo $? >"$WORK/status"
	)
	if grep -q 'saving the score of attempt 4 failed' "$WORK/err"; then
		found=$L
	fi
	L=$((L + 8))
done
if [ -n "$found" ]; then
	echo "limit $found blocks: the answer fits, its score does not"
	cat "$WORK/err"
	[ "$(cat "$WORK/status")" = 74 ] || fail 'score not saved, yet exit status not 74'
	grep_in "$WORK/err" '^pmdrill: disk full( or I/O error)?: saving the score of attempt 4 failed \(.*\); the answer of attempt 4 saved before this is kept$'
	[ ! -s "$WORK/out" ] || fail 'a report was printed for an attempt whose score was not saved'
	[ "$(sqlite3 "$WORK/c.db" 'PRAGMA integrity_check')" = ok ] || fail 'integrity_check after a failed score'
	[ "$(sqlite3 "$WORK/c.db" 'SELECT score IS NULL AND NOT scheduled, length(answer) FROM attempts WHERE id = 4')" = "1|$(wc -c <"$WORK/med.txt" | tr -d ' ')" ] ||
		fail 'the raw answer was not kept whole when its score failed'
	[ "$(sqlite3 "$WORK/c.db" "SELECT count(*) FROM cards WHERE question_id = 'storetest-gamma'")" = 0 ] ||
		fail 'a card was scheduled for an attempt whose score failed'
else
	echo 'no limit between the answer and its score was found (not an error)'
fi

# A 2 MB answer cannot fit under a 256 KB limit, whatever the page size.
awk 'BEGIN { for (i = 0; i < 40000; i++) printf "metric retention growth %d\n", i }' >"$WORK/big.txt"
[ "$(wc -c <"$WORK/big.txt")" -gt 1000000 ] || fail 'setup: big answer too small'

# `ulimit -f` counts 512-byte blocks in dash and 1024 in bash; either way
# the limit is far below the answer.
(
	ulimit -f 256 || exit 77
	PMDRILL_NOW=2026-03-05T09:00:00Z "$PM" --bank "$STORE_BANK" answer \
		-q storetest-beta "$WORK/big.txt" >"$WORK/out" 2>"$WORK/err"
	echo $? >"$WORK/status"
)
[ $? = 77 ] && { echo 'cannot set a file-size limit: skipping'; exit 77; }
cat "$WORK/err"
[ "$(cat "$WORK/status")" = 74 ] || fail "answer under a file-size limit exited $(cat "$WORK/status"), want 74"
grep_in "$WORK/err" '^pmdrill: disk full( or I/O error)?: saving the answer failed \(.*\); nothing new was saved; the attempt 3 saved before this is kept$'
[ ! -s "$WORK/out" ] || fail 'a report was printed for an attempt that was not saved'

[ "$(sql 'PRAGMA integrity_check')" = ok ] || fail 'integrity_check after a full disk'
sql 'SELECT id, answer, score, final_grade, due FROM attempts ORDER BY id' >"$WORK/after"
cmp -s "$WORK/before" "$WORK/after" || fail 'attempts saved before the full disk changed'
sql "INSERT INTO answers_fts(answers_fts) VALUES ('integrity-check')" || fail 'FTS index damaged'

# With room again, the same answer goes in and the history goes on.
expect_at 0 2026-03-05T09:00:00Z pm answer -q storetest-beta "$WORK/big.txt"
grep_in "$WORK/out" '^attempt 4 saved'
[ "$(sql 'PRAGMA integrity_check')" = ok ] || fail 'integrity_check after recovery'

# Reading needs no room: history works under the same limit.
(
	ulimit -f 256
	"$PM" history >"$WORK/out" 2>"$WORK/err"
	echo $? >"$WORK/status"
)
[ "$(cat "$WORK/status")" = 0 ] || { cat "$WORK/err"; fail 'history failed under a file-size limit'; }
grep_in "$WORK/out" '^ +4  2026-03-05'
exit 0
