#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SIGKILL in the middle of a session: a loop of `answer` is killed with
# kill -9 at random points, again and again.  Every attempt whose command
# exited 0 is in the database, scored and scheduled, and
# PRAGMA integrity_check says ok.
. tests/scripts/lib.sh
. tests/scripts/store.inc

N=${STORE_SIGKILL_N:-120}
: >"$WORK/acked"
# The session: each answer carries a unique token; the token is logged
# only once the command has exited 0.  The pid of the running pmdrill is
# written down so the killer hits pmdrill itself, not the shell.
session() {
	i=0
	while [ $i -lt $N ]; do
		f=$WORK/s$i.txt
		printf '%s token%05d\n' "$GOOD" $i >"$f"
		# A simple command, so $! is pmdrill's own pid.
		"$PM" --bank "$STORE_BANK" answer -q storetest-alpha "$f" >/dev/null 2>&1 &
		echo $! >"$WORK/cur.pid"
		if wait $!; then
			echo "token$(printf '%05d' $i)" >>"$WORK/acked"
		fi
		i=$((i + 1))
	done
	: >"$WORK/done"
}
# Kill intervals span twice one answer's own time, so some commands are
# killed at every stage and some finish, however slow the build (the
# sanitized one is several times slower).
printf '%s warmup\n' "$GOOD" >"$WORK/warm.txt"
t0=$(date +%s%N)
"$PM" --bank "$STORE_BANK" score -q storetest-alpha "$WORK/warm.txt" >/dev/null 2>&1
t1=$(date +%s%N)
span=$(( (t1 - t0) / 500000 ))
[ "$span" -ge 30 ] || span=30
session &
sp=$!

kills=0
while [ ! -e "$WORK/done" ]; do
	# 0 to $span ms apart, so kills land anywhere in a command's life.
	sleep "$(awk -v s=$kills -v span=$span 'BEGIN { srand(s); printf "%.3f", rand() * span / 1000 }')"
	pid=$(cat "$WORK/cur.pid" 2>/dev/null)
	if [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; then
		kills=$((kills + 1))
	fi
done
wait $sp

acked=$(wc -l <"$WORK/acked")
saved=$(sql 'SELECT count(*) FROM attempts')
echo "$N answers, $kills kill -9, $acked acknowledged, $saved attempts in the database"
[ "$(sql 'PRAGMA integrity_check')" = ok ] || fail 'integrity_check after SIGKILL'
sql "INSERT INTO answers_fts(answers_fts) VALUES ('integrity-check')" || fail 'FTS index after SIGKILL'
[ $kills -gt 0 ] || fail 'nothing was killed'
[ $acked -gt 0 ] || fail 'nothing was acknowledged'
missing=0
while read -r tok; do
	n=$(sql "SELECT count(*) FROM attempts WHERE answer LIKE '%$tok%' AND score IS NOT NULL AND scheduled = 1")
	[ "$n" = 1 ] || { echo "acknowledged $tok: $n scored attempts"; missing=$((missing + 1)); }
done <"$WORK/acked"
[ $missing = 0 ] || fail "$missing acknowledged attempts missing or unscored"
# Killed ones are either absent or saved raw (never half-written).
[ "$(sql "SELECT count(*) FROM attempts WHERE answer NOT LIKE '%token%'")" = 0 ] ||
	fail 'a damaged answer'
[ "$(sql 'SELECT count(*) FROM criteria c LEFT JOIN attempts a ON a.id = c.attempt_id WHERE a.score IS NULL')" = 0 ] ||
	fail 'criteria of an unscored attempt: a transaction was split'
# The card is the replay of the scheduled attempts: nothing lost there.
[ "$(sql "SELECT reps FROM cards WHERE question_id = 'storetest-alpha'")" = \
  "$(sql 'SELECT count(*) FROM attempts WHERE scheduled = 1')" ] || fail 'card and attempts disagree'
# And the database still takes answers.
expect_status 0 pm answer -q storetest-alpha "$WORK/s0.txt"
exit 0
