#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11: the normal queue is chosen from the cards alone, and
# `next --json` looks up the last scores of the entries it lists.  They
# must be what the stats table says (the latest main answer's score; a
# follow-up does not count), the same in the normal queue and in cram,
# and null for a question never answered.
. tests/scripts/lib.sh
. tests/scripts/store.inc

printf '%s\n' "$GOOD" >"$WORK/good.txt"
printf 'Retention.\n' >"$WORK/short.txt"
expect_at 0 2026-03-02T09:00:00Z pm answer -q storetest-alpha "$WORK/good.txt"
expect_at 0 2026-03-02T10:00:00Z pm answer -q storetest-alpha "$WORK/short.txt"
expect_at 0 2026-03-02T11:00:00Z pm answer -q storetest-beta "$WORK/good.txt"
sql 'UPDATE attempts SET score = 61.5 WHERE id = 2'
last=$(sql "SELECT last_main_score FROM question_stats WHERE question_id = 'storetest-alpha'")
[ "$last" = 61.5 ] || fail "question_stats says $last, not 61.5"

# A month on, both answered questions are due; one is new.
export PMDRILL_NOW=2026-04-20T09:00:00Z
expect_status 0 pm next --json --count 5 --category storealpha
grep -q '"question":"storetest-alpha"[^}]*"reason":"due"[^}]*"last_score":61.5,' "$WORK/out" ||
	{ cat "$WORK/out" >&2; fail 'next --json does not show the due question with its last score'; }
grep -q '"question":"storetest-gamma"[^}]*"reason":"new"[^}]*"last_score":null,' "$WORK/out" ||
	{ cat "$WORK/out" >&2; fail 'next --json does not show a new question with a null last score'; }
expect_status 0 pm next --json --count 5 --cram --category storealpha
grep -q '"question":"storetest-alpha"[^}]*"reason":"cram"[^}]*"last_score":61.5,' "$WORK/out" ||
	{ cat "$WORK/out" >&2; fail 'next --cram --json shows another last score'; }
exit 0
