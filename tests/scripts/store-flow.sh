#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# answer -> history -> review -> search -> stats -> next -> config, and
# the schema settings every database gets.
. tests/scripts/lib.sh
. tests/scripts/store.inc

# Nothing yet: read commands work without creating a database.
expect_status 0 pm history
grep_in "$WORK/out" '^no attempts yet$'
expect_status 0 pm stats
grep_in "$WORK/out" '^attempts: +0$'
[ ! -e "$PMDRILL_DB" ] || fail 'read commands created the database'
expect_status 0 pm next --category storealpha
grep_in "$WORK/out" '^storetest-alpha \(storealpha, pm\)$'
grep_in "$WORK/out" '^why: new$'

# Usage errors, unknown ids and empty answers.
expect_status 64 pm answer
expect_status 64 pm answer --question storetest-alpha --time soon
expect_status 64 pm answer --question storetest-alpha --grade great
expect_status 66 pm answer --question no-such-question "$WORK/none"
printf '   \n\t\n' >"$WORK/blank.txt"
expect_status 65 pm answer --question storetest-alpha "$WORK/blank.txt"
grep_in "$WORK/err" 'empty; nothing was saved'
[ ! -e "$PMDRILL_DB" ] || fail 'an empty answer created the database'
expect_status 66 pm answer --question storetest-alpha "$WORK/missing.txt"

# A real answer, from a file, with the time it took.
printf '%s\n' "$GOOD" >"$WORK/a1.txt"
expect_at 0 2026-03-02T09:00:00Z pm answer --question storetest-alpha --time 240 "$WORK/a1.txt"
grep_in "$WORK/out" '^attempt 1 saved; grade: '
grep_in "$WORK/out" '^next due: 2026-03-0[0-9] \(in [0-9]+ days?\)$'
grep_in "$WORK/out" 'Score [0-9]+/100'

# The database: WAL, foreign keys, STRICT tables, schema version 7.
[ "$(sql 'PRAGMA journal_mode')" = wal ] || fail 'not in WAL mode'
[ "$(sql 'PRAGMA user_version')" = 7 ] || fail 'user_version is not 7'
[ "$(sql "SELECT count(*) FROM pragma_table_list WHERE strict = 1 AND name IN ('questions','attempts','criterion_texts','criterion_results','grade_changes','cards','settings','question_stats','sessions','category_days','trend_points')")" = 11 ] ||
	fail 'tables are not STRICT'
[ "$(sql "SELECT started_at, duration_ms, follow_up FROM attempts WHERE id = 1")" = "1772441760|240000|-1" ] ||
	fail "start time and duration not stored: $(sql 'SELECT * FROM attempts')"
[ "$(sql "SELECT answer FROM attempts WHERE id = 1")" = "$GOOD" ] || fail 'answer text differs'
[ "$(sql "SELECT count(*) FROM criteria WHERE attempt_id = 1")" = 2 ] || fail 'criteria not stored'
[ "$(sql "SELECT evidence LIKE '[{\"start\":%' FROM criteria WHERE attempt_id = 1 AND name = 'topic'")" = 1 ] ||
	fail "evidence not stored as JSON: $(sql 'SELECT evidence FROM criteria')"
[ "$(sql "SELECT auto_grade = final_grade AND scheduled AND due > reviewed_at FROM attempts WHERE id = 1")" = 1 ] ||
	fail 'grade or schedule missing'
[ "$(sql "SELECT length(rubric_version) FROM attempts WHERE id = 1")" = 16 ] ||
	fail 'rubric version is not a 64-bit hash'
[ "$(sql "SELECT category, retired FROM questions WHERE id = 'storetest-alpha'")" = "storealpha|0" ] ||
	fail 'question not synced'

# From standard input, a day later, with a grade override (both kept).
printf 'Growth of the metric depends on retention first, and I would check the metric weekly.\n' |
	PMDRILL_NOW=2026-03-03T10:00:00Z expect_status 0 pm answer -q storetest-beta --grade easy -
grep_in "$WORK/out" '^attempt 2 saved; grade: easy \(proposed [a-z]+\)$'
[ "$(sql "SELECT final_grade, auto_grade != 4 FROM attempts WHERE id = 2")" = '4|1' ] || fail 'override not stored with the proposed grade'

# An answer with no words is saved but neither scored nor scheduled.
printf '?!? ...\n' >"$WORK/nowords.txt"
expect_at 65 2026-03-03T11:00:00Z pm answer -q storetest-gamma "$WORK/nowords.txt"
grep_in "$WORK/err" 'attempt 3 is saved but not scheduled'
[ "$(sql "SELECT score IS NULL AND NOT scheduled FROM attempts WHERE id = 3")" = 1 ] ||
	fail 'a wordless answer was scored or scheduled'
[ "$(sql "SELECT count(*) FROM cards WHERE question_id = 'storetest-gamma'")" = 0 ] ||
	fail 'a wordless answer made a card'

# A second, better attempt at alpha shows progress in review.
printf '%s Growth again.\n' "$GOOD" >"$WORK/a4.txt"
expect_at 0 2026-03-04T09:00:00Z pm answer -q storetest-alpha --time 200 "$WORK/a4.txt"

# history: newest first, filters, limit, JSON.
expect_status 0 pm history
[ "$(sed -n 2p "$WORK/out" | awk '{print $1}')" = 4 ] || fail 'history is not newest first'
[ "$(wc -l <"$WORK/out")" -eq 6 ] || fail 'history: expected a header, 4 rows and a note'
grep_in "$WORK/out" '^ +2  2026-03-03 10:00  storetest-beta +[0-9]+  easy\* +-$'
grep_in "$WORK/out" '^ +1  2026-03-02 08:56  storetest-alpha +[0-9]+  [a-z]+ +4m$'
grep_in "$WORK/out" '^\* grade changed by hand'
expect_status 0 pm history --question storetest-alpha
[ "$(grep -c storetest "$WORK/out")" -eq 2 ] || fail 'history --question'
expect_status 0 pm history --since 2026-03-03
[ "$(grep -c storetest "$WORK/out")" -eq 3 ] || fail 'history --since'
expect_status 0 pm history --limit 1
[ "$(grep -c storetest "$WORK/out")" -eq 1 ] || fail 'history --limit'
expect_status 64 pm history --since yesterday
expect_status 0 pm history --json
if command -v jq >/dev/null 2>&1; then
	[ "$(jq length "$WORK/out")" = 4 ] || fail 'history --json: not 4 attempts'
	[ "$(jq -r '.[2].final_grade + "/" + .[2].auto_grade' "$WORK/out")" != "" ] || fail 'history --json grades'
	[ "$(jq -r '.[1].score' "$WORK/out")" = null ] || fail 'unscored attempt has a score'
fi

# review: prompt, answer, breakdown with evidence, progression.
expect_status 0 pm review 4
grep_in "$WORK/out" '^attempt 4  storetest-alpha  2026-03-04T08:56:40Z  3m20s$'
grep_in "$WORK/out" '^Which metric would you pick for a music app, and why\?$'
grep_in "$WORK/out" 'Growth again\.$'
grep_in "$WORK/out" 'Score [0-9]+/100'
grep_in "$WORK/out" '\[(metric|Retention|growth)\]'
grep_in "$WORK/out" '^progress: [0-9]+ → [0-9]+$'
grep_in "$WORK/out" '^ +1  2026-03-02 +[0-9]+  [a-z]+$'
expect_status 0 pm review 3
grep_in "$WORK/out" '^not scored$'
expect_status 66 pm review 99
grep_in "$WORK/err" 'no attempt 99'
expect_status 64 pm review x
expect_status 0 pm review 4 --json
if command -v jq >/dev/null 2>&1; then
	[ "$(jq -r '.report.criteria | length' "$WORK/out")" = 2 ] || fail 'review --json criteria'
	[ "$(jq -r '.progress | length' "$WORK/out")" = 2 ] || fail 'review --json progress'
fi
# The rebuilt report is the live one: same score, same evidence.
expect_at 0 2026-03-04T09:00:00Z pm score -q storetest-alpha --time 200 "$WORK/a4.txt"
sed -n '/^Score/,$p' "$WORK/out" >"$WORK/live"
expect_status 0 pm review 4
sed -n '/^Score/,/^grade: /p' "$WORK/out" | sed '$d' | sed '$d' >"$WORK/stored"
diff -u "$WORK/live" "$WORK/stored" || fail 'review report differs from the live report'

# search: words, FTS syntax, bad syntax searched as a phrase.
expect_status 0 pm search listening
grep_in "$WORK/out" '^4  2026-03-04  storetest-alpha'
grep_in "$WORK/out" '^1  2026-03-02  storetest-alpha'
[ "$(grep -c '^[0-9]' "$WORK/out")" -eq 2 ] || fail 'search: two hits expected'
expect_status 0 pm search 'retention AND weekly'
grep_in "$WORK/out" '^2  2026-03-03  storetest-beta'
expect_status 0 pm search 'grow*' --limit 1
[ "$(grep -c '^[0-9]' "$WORK/out")" -eq 1 ] || fail 'search --limit'
expect_status 0 pm search '"unbalanced'
expect_status 0 pm search 'C++ (or'
expect_status 0 pm search 'nothing-like-this'
grep_in "$WORK/out" "^no answer matches"
expect_status 64 pm search
# search --json: the same hits, the snippet's exact text and its matches.
if command -v jq >/dev/null 2>&1; then
	expect_status 0 pm search listening --json
	jq -e '.query == "listening" and ([.hits[].id] | sort == [1, 4])
		and ([.hits[].question] | unique == ["storetest-alpha"])
		and ([.hits[].started_at[0:10]] | sort == ["2026-03-02", "2026-03-04"])
		and ([.hits[] | .matches | length > 0] | all)
		and ([.hits[].snippet | test("\ue000|\ue001")] | any | not)' "$WORK/out" >/dev/null ||
		{ cat "$WORK/out" >&2; fail 'search --json'; }
	# the byte ranges cover the word searched for (ASCII snippet here)
	jq -r '.hits[0] as $h | $h.snippet[$h.matches[0][0]:$h.matches[0][1]]' "$WORK/out" >"$WORK/m"
	grep -qi '^listening$' "$WORK/m" || { cat "$WORK/m" >&2; fail 'search --json match range'; }
	expect_status 0 pm search nothing-like-this --json
	jq -e '.hits == []' "$WORK/out" >/dev/null || fail 'search --json with no hit'
fi

# stats: attempts, streak, category averages, due counts.
expect_at 0 2026-03-04T12:00:00Z pm stats
grep_in "$WORK/out" '^attempts: +4 \(3 scored, 3 questions, 1 today\)$'
grep_in "$WORK/out" '^streak: +3 days$'
grep_in "$WORK/out" '^  storealpha +[0-9]+  \(2 attempts\)$'
grep_in "$WORK/out" '^  storebeta +[0-9]+  \(1 attempt\)$'
grep_in "$WORK/out" '^due today: +[0-9]+$'
# Nothing yet on the 5th: yesterday's streak still counts; a gap ends it.
expect_at 0 2026-03-05T23:00:00Z pm stats --json
[ "$(jq -r .streak "$WORK/out")" = 3 ] || fail 'streak broken by an empty today'
expect_at 0 2026-03-06T01:00:00Z pm stats --json
[ "$(jq -r .streak "$WORK/out")" = 0 ] || fail 'streak survived a missed day'
expect_at 0 2026-03-04T12:00:00Z pm stats --json
[ "$(jq -r '.categories | length' "$WORK/out")" = 2 ] || fail 'stats --json categories'

# next: due first (with why), then new; config changes the new limit.
expect_at 0 2026-04-20T09:00:00Z pm next --category storealpha --count 5
grep_in "$WORK/out" '^why: due since 2026-0[34]-[0-9]+ 09:00 UTC, recall [0-9]+%$'
grep_in "$WORK/out" '^storetest-gamma'
expect_status 0 pm config
grep_in "$WORK/out" '^desired-retention = 0\.9$'
grep_in "$WORK/out" '^new-per-day = 5$'
grep_in "$WORK/out" '^maximum-interval = 36500$'
expect_status 0 pm config new-per-day 0
expect_status 0 pm config new-per-day
grep_in "$WORK/out" '^0$'
expect_at 0 2026-03-04T12:00:00Z pm next --category storealpha
grep_in "$WORK/out" '^nothing to ask now'
expect_status 64 pm config new-per-day lots
grep_in "$WORK/err" 'new-per-day must be a whole number'
expect_status 64 pm config desired-retention 1.5
expect_status 64 pm config no-such-key
grep_in "$WORK/err" "unknown setting 'no-such-key'"
expect_status 0 pm config desired-retention 0.85
[ "$(sql "SELECT value FROM settings WHERE key = 'desired-retention'")" = 0.85 ] ||
	fail 'setting not stored'

# Retired questions keep their history.
expect_at 0 2026-03-05T09:00:00Z "$PM" answer -q "$(sed -n 's/^Id: //p' questions/*.txt | head -1)" "$WORK/a1.txt"
[ "$(sql "SELECT retired FROM questions WHERE id = 'storetest-alpha'")" = 1 ] ||
	fail 'a question missing from the banks is not retired'
expect_status 0 pm history --question storetest-alpha
[ "$(grep -c storetest "$WORK/out")" -eq 2 ] || fail 'retired question lost its history'
# The per-question summary the queue reads (schema 4) agrees with the
# attempts after answers, follow-ups, grade changes and undo.
[ "$(sqlite3 -batch "$PMDRILL_DB" <"$ROOT/tests/data/migrate/stats-check.sql")" = 0 ] ||
	fail 'question_stats disagrees with the attempts'
exit 0
