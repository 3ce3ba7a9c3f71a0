#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Two (three) pmdrill processes on one database at once: two loops of
# `answer` write while a third runs stats, history and next as fast as it
# can.  WAL mode and the busy timeout mean nobody sees "locked" and every
# command succeeds.
. tests/scripts/lib.sh
. tests/scripts/store.inc

N=${STORE_CONCURRENCY_N:-60}
printf '%s\n' "$GOOD" >"$WORK/a.txt"

# Ten first answers at once on a database that does not exist yet: one
# creates it and switches it to WAL, the others wait for the lock.
i=0
while [ $i -lt 10 ]; do
	PMDRILL_DB=$WORK/fresh/p.db "$PM" --bank "$STORE_BANK" answer \
		-q storetest-gamma "$WORK/a.txt" >/dev/null 2>>"$WORK/fresh.err" &
	i=$((i + 1))
done
wait
[ ! -s "$WORK/fresh.err" ] || { cat "$WORK/fresh.err"; fail 'creating a database concurrently failed'; }
[ "$(sqlite3 "$WORK/fresh/p.db" 'SELECT count(*) FROM attempts')" = 10 ] ||
	fail 'concurrent creation lost attempts'
[ "$(sqlite3 "$WORK/fresh/p.db" 'PRAGMA journal_mode')" = wal ] || fail 'not WAL'

expect_status 0 pm answer -q storetest-gamma "$WORK/a.txt"

writer() { # NAME QUESTION
	i=0 bad=0
	while [ $i -lt $N ]; do
		printf '%s (%s %d)\n' "$GOOD" "$1" $i >"$WORK/$1.txt"
		pm answer -q "$2" --time 60 "$WORK/$1.txt" >/dev/null 2>>"$WORK/$1.err" || bad=$((bad + 1))
		i=$((i + 1))
	done
	echo $bad >"$WORK/$1.bad"
}
start=$(date +%s.%N)
writer w1 storetest-alpha &
p1=$!
writer w2 storetest-beta &
p2=$!

reads=0 rbad=0
while kill -0 $p1 2>/dev/null || kill -0 $p2 2>/dev/null; do
	for c in stats history next; do
		if pm $c >/dev/null 2>>"$WORK/r.err"; then
			reads=$((reads + 1))
		else
			rbad=$((rbad + 1))
		fi
	done
done
wait $p1 $p2
end=$(date +%s.%N)

cat "$WORK/w1.err" "$WORK/w2.err" "$WORK/r.err"
echo "2 writers x $N answers, $reads reads alongside, in $(echo "$end - $start" | bc 2>/dev/null || echo '?') s"
echo "failures: writer 1 $(cat "$WORK/w1.bad"), writer 2 $(cat "$WORK/w2.bad"), reader $rbad"
[ "$(cat "$WORK/w1.bad")" = 0 ] && [ "$(cat "$WORK/w2.bad")" = 0 ] || fail 'an answer failed while others ran'
[ $rbad = 0 ] || fail 'a read failed while answers were written'
! grep -q locked "$WORK/w1.err" "$WORK/w2.err" "$WORK/r.err" || fail '"locked" reported'
[ $reads -gt 0 ] || fail 'the reader never ran'
[ "$(sql 'SELECT count(*) FROM attempts')" = $((2 * N + 1)) ] || fail 'attempts missing'
[ "$(sql 'SELECT count(*) FROM attempts WHERE score IS NULL')" = 0 ] || fail 'unscored attempts'
[ "$(sql 'SELECT count(*) FROM criteria')" = $((2 * (2 * N + 1))) ] || fail 'criteria missing'
[ "$(sql 'PRAGMA integrity_check')" = ok ] || fail 'integrity_check'
sql "INSERT INTO answers_fts(answers_fts) VALUES ('integrity-check')" || fail 'FTS index'

# A writer that holds the lock longer than the 5 s busy timeout: the
# answer waits, then fails clearly, and readers are not blocked at all.
before=$(sql 'SELECT count(*) FROM attempts')
{ echo 'BEGIN IMMEDIATE;'; sleep 8; echo 'COMMIT;'; } | sqlite3 "$PMDRILL_DB" &
holder=$!
sleep 1
t0=$(date +%s)
expect_status 74 pm answer -q storetest-alpha "$WORK/a.txt"
t1=$(date +%s)
grep_in "$WORK/err" '^pmdrill: database is locked by another process; try again when it is done \(database is locked while saving the answer; nothing new was saved; the attempt [0-9]+ saved before this is kept\)$'
[ $((t1 - t0)) -ge 4 ] || fail "gave up after $((t1 - t0)) s, before the busy timeout"
expect_status 0 pm history --limit 1
expect_status 0 pm stats
wait $holder
[ "$(sql 'SELECT count(*) FROM attempts')" = "$before" ] || fail 'a locked-out answer was half saved'
expect_status 0 pm answer -q storetest-alpha "$WORK/a.txt"
exit 0
