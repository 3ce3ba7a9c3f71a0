#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `pmdrill mock` from a script: options are checked before anything is
# written; the set is chosen from the categories in turn, avoiding what
# was answered this week; no score shows before the scorecard; every
# answer is saved, linked to its session and scheduled like a drill's;
# the scorecard fits 80 and 60 columns; `history --mock` lists the set
# and `review --mock` shows the very same scorecard again.
. tests/scripts/lib.sh
BANK=$ROOT/tests/data/drill
pm() { "$PM" --bank "$BANK" "$@"; }
command -v sqlite3 >/dev/null 2>&1 || skip 'sqlite3 not found'
sql() { sqlite3 -batch "$PMDRILL_DB" "$@"; }
# widest FILE: the widest line, in display columns.
widest() { LC_ALL=C.UTF-8 wc -L <"$1"; }

# Usage errors: exit 64, nothing written.
expect_status 64 pm mock --category nope
grep_in "$WORK/err" "^pmdrill: mock: unknown category 'nope' \\(valid: analytics, .*drilltest, drillwrap, .*technical\\)$"
expect_status 64 pm mock --level boss
grep_in "$WORK/err" "^pmdrill: mock: unknown level 'boss' \\(valid: apm, pm, senior, tpm\\)$"
expect_status 64 pm mock --company acme
grep_in "$WORK/err" 'no company field'
expect_status 64 pm mock --questions 0
expect_status 64 pm mock --minutes x
expect_status 64 pm mock --bogus
grep_in "$WORK/err" "unknown option '--bogus'"
# Both spellings of a value option, as every command takes them.
expect_status 64 pm mock --questions=0
grep_in "$WORK/err" "questions takes a number from 1 to 50, not '0'"
[ ! -e "$PMDRILL_DB" ] || fail 'a usage error created the database'

# Two questions, each with its follow-up.
cat >"$WORK/in" <<'IN'
The goal is to win 20% of users in 3 months.
.
I would measure weekly users, 40% by day 7.
.
Our goal: 500 users at 10% conversion.
.
:skip
IN
COLUMNS=80 expect_status 0 pm mock --questions 2 --category drilltest <"$WORK/in"
cp "$WORK/out" "$WORK/mock.out"
grep_in "$WORK/out" '^mock interview 1: 2 questions \(drilltest\)'
grep_in "$WORK/out" '^question 1 of 2 · drilltest · pm · time 2m · drilltest-alpha$'
grep_in "$WORK/out" '^follow-up 1 · drilltest · pm · time 1m · drilltest-alpha$'
grep_in "$WORK/out" '^question 2 of 2 · drilltest · apm · time 1m30s · drilltest-beta$'
if grep -q 'Score [0-9]' "$WORK/out"; then fail 'a score was shown before the end'; fi
grep_in "$WORK/out" '^mock interview 1 · 2026-03-02 09:00 · 2 of 2 answered · time '
grep_in "$WORK/out" '^  1  drilltest-alpha +[0-9]+  [a-z]+ +[0-9]{2}:[0-9]{2}/02:00$'
grep_in "$WORK/out" '^     \+ follow-up +[0-9]+  [a-z]+ +[0-9]{2}:[0-9]{2}/01:00$'
grep_in "$WORK/out" '^  2  drilltest-beta +[0-9]+  [a-z]+ +[0-9]{2}:[0-9]{2}/01:30$'
grep_in "$WORK/out" '^verdict: (hire|lean hire|lean no|no) \(mean [0-9]+ over 2 questions; hire: mean 75\+'
grep_in "$WORK/out" '^practise next: '
[ "$(widest "$WORK/out")" -le 80 ] || fail "a line is wider than 80 columns"

# The store: the session, every answer linked to it, mains scheduled.
[ "$(sql "SELECT kind, started_at, ended_at IS NOT NULL FROM sessions")" = 'mock|1772442000|1' ] ||
	fail "session row: $(sql 'SELECT * FROM sessions')"
[ "$(sql "SELECT json_extract(settings, '\$.questions') FROM sessions")" = '["drilltest-alpha","drilltest-beta"]' ] ||
	fail "settings: $(sql 'SELECT settings FROM sessions')"
[ "$(sql 'SELECT count(*) FROM attempts WHERE session_id = 1')" = 3 ] || fail 'attempts not linked'
[ "$(sql 'SELECT group_concat(question_id || ":" || follow_up || ":" || scheduled, " ") FROM attempts ORDER BY id')" = \
	'drilltest-alpha:-1:1 drilltest-alpha:0:0 drilltest-beta:-1:1' ] ||
	fail "attempts: $(sql 'SELECT id, question_id, follow_up, scheduled FROM attempts')"
[ "$(sql 'SELECT count(*) FROM cards')" = 2 ] || fail 'mock answers did not feed the scheduler'

# history --mock and review --mock: the same scorecard.
expect_status 0 pm history --mock
grep_in "$WORK/out" '^    ID  DATE              QUESTIONS  MEAN  VERDICT$'
grep_in "$WORK/out" '^     1  2026-03-02 09:00        2/2 +[0-9]+  (hire|lean hire|lean no|no)$'
expect_status 0 pm history --mock --json
grep_in "$WORK/out" '^\{"id":1,"started_at":"2026-03-02T09:00:00Z",.*"questions":2,"answered":2,'
if command -v jq >/dev/null 2>&1; then
	jq -e '.[0].rows | length == 2' "$WORK/out" >/dev/null || fail 'history --mock --json rows'
	jq -e '.[0].rows[0].follow_up.grade != null and .[0].rows[1].follow_up == null' "$WORK/out" >/dev/null ||
		fail 'history --mock --json follow-ups'
fi
expect_status 64 pm history --mock --limit 3
sed -n '/^mock interview 1 ·/,$p' "$WORK/mock.out" >"$WORK/card80"
COLUMNS=80 expect_status 0 pm review --mock 1
diff -u "$WORK/card80" "$WORK/out" || fail 'review --mock differs from the scorecard mock showed'
COLUMNS=60 expect_status 0 pm review --mock 1
[ "$(widest "$WORK/out")" -le 60 ] || { cat "$WORK/out"; fail 'a line is wider than 60 columns'; }
grep_in "$WORK/out" '^verdict: '
expect_status 0 pm review --mock 1 --json
grep_in "$WORK/out" '"verdict":"(hire|lean hire|lean no|no)"'
expect_status 66 pm review --mock 9
grep_in "$WORK/err" "^pmdrill: review: no mock interview 9 \(see 'pmdrill history --mock'\)$"
expect_status 64 pm review --mock

# Export carries the session; an import rebuilds it, once.
expect_status 0 pm export
jq -e -s 'map(select(.session != null)) | length == 3 and
	(map(.session.id) | unique) == [1] and .[0].session.kind == "mock" and
	.[0].session.started_at == "2026-03-02T09:00:00Z" and
	.[0].session.settings.questions == ["drilltest-alpha", "drilltest-beta"]' \
	"$WORK/out" >/dev/null || fail "export: session: $(head -c 600 "$WORK/out")"
cp "$WORK/out" "$WORK/mock.export"
expect_status 0 pm export --format csv
head -1 "$WORK/out" | grep -q ',grade_changes,session' || fail 'csv: no session column'
cp "$WORK/out" "$WORK/mock.csv"
for fmt in export csv; do
	db=$WORK/imported-$fmt.db
	PMDRILL_DB=$db expect_status 0 pm import "$WORK/mock.$fmt"
	PMDRILL_DB=$db expect_status 0 pm import "$WORK/mock.$fmt"
	[ "$(sqlite3 -batch "$db" 'SELECT count(*) FROM sessions')" = 1 ] ||
		fail "$fmt: import twice made $(sqlite3 -batch "$db" 'SELECT count(*) FROM sessions') sessions"
	[ "$(sqlite3 -batch "$db" 'SELECT count(*) FROM attempts WHERE session_id = 1')" = 3 ] ||
		fail "$fmt: imported attempts not linked to their session"
	COLUMNS=80 PMDRILL_DB=$db expect_status 0 pm review --mock 1
	diff -u "$WORK/card80" "$WORK/out" || fail "$fmt: the imported scorecard differs"
done
printf '%s\n' '{"format":1,"question":"drilltest-alpha","started_at":"2026-03-04T09:00:00Z","answer":"x","session":{"id":"one","kind":"mock"}}' >"$WORK/bad.export"
PMDRILL_DB=$WORK/bad.db expect_status 65 pm import "$WORK/bad.export"
grep_in "$WORK/err" "line 1: missing or bad 'session'"

# The next set avoids what this week answered: gamma was never asked.
printf 'The goal for 30 users.\n.\n:quit\n' >"$WORK/in2"
PMDRILL_NOW=2026-03-03T09:00:00Z expect_status 0 pm mock --questions 1 --category drilltest <"$WORK/in2"
grep_in "$WORK/out" '^question 1 of 1 · drilltest · senior · time 2m · drilltest-gamma$'
grep_in "$WORK/out" '^mock interview 2 · 2026-03-03 09:00 · 1 of 1 answered'
# ... and a week later alpha (due, or weakest) is back ahead of it.
printf ':quit\n' >"$WORK/in3"
PMDRILL_NOW=2026-03-20T09:00:00Z expect_status 0 pm mock --questions 1 --category drilltest <"$WORK/in3"
if grep -q 'drilltest-gamma$' "$WORK/out"; then fail 'gamma (just answered) asked again'; fi
grep_in "$WORK/out" '^  1  drilltest-[a-z]+ +- +- +not answered$'
exit 0
