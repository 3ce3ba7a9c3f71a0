#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `pmdrill report --html` on a known history, rendered by headless
# Chromium: the DOM holds a trend chart per category with one point per
# scored main answer, 182 calendar days with the right counts, 14 forecast
# bars, the mock interview's scorecard, the latest attempts with their
# evidence marked, and a hostile answer stays text; nothing reaches the
# console.  Skips (exit 77) only when chromium is missing, and fails
# instead under PMDRILL_NO_SKIP=1.
. tests/scripts/lib.sh
. tests/scripts/store.inc
if ! command -v chromium >/dev/null 2>&1; then
	[ "${PMDRILL_NO_SKIP:-0}" = 1 ] && fail 'chromium not found (apt-get install chromium)'
	skip 'chromium not found'
fi
TO=
command -v timeout >/dev/null 2>&1 && TO='timeout 120'
chrome() {
	o=$1 e=$2; shift 2
	$TO chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--user-data-dir="$WORK/profile" --enable-logging=stderr --v=0 \
		"$@" >"$o" 2>"$e"
}

# Usage.
expect_status 64 pm report
expect_status 64 pm report --pdf x
# No history yet: a page all the same, with the forecast of new cards.
expect_status 0 pm report --html "$WORK/empty.html"
grep -q 'data-chart="forecast"' "$WORK/empty.html" || fail 'empty report has no forecast'

# The history: storealpha 3 answers, storebeta 2, two hostile; then a mock
# of one question each (storealpha with its follow-up).
HOSTILE='<script>console.error("xss")</script><img src=x onerror=console.error(1)> retention metric'
printf '%s\n' "$GOOD" >"$WORK/good.txt"
printf '%s\n' "$HOSTILE" >"$WORK/bad.txt"
expect_at 0 2026-01-10T09:00:00Z pm answer -q storetest-alpha "$WORK/good.txt"
expect_at 0 2026-02-01T09:00:00Z pm answer -q storetest-alpha "$WORK/bad.txt"
expect_at 0 2026-02-20T09:00:00Z pm answer -q storetest-alpha "$WORK/good.txt"
expect_at 0 2026-02-21T09:00:00Z pm answer -q storetest-beta "$WORK/good.txt"
expect_at 0 2026-02-25T09:00:00Z pm answer -q storetest-beta "$WORK/bad.txt"
printf '%s\n.\nA guardrail: skips per session stay under 5%%.\n.\n%s\n.\n' "$GOOD" "$GOOD" >"$WORK/mock.in"
PMDRILL_NOW=2026-03-01T09:00:00Z expect_status 0 pm mock --category storealpha --category storebeta <"$WORK/mock.in"
[ "$(sql 'SELECT count(*) FROM attempts WHERE session_id = 1')" = 3 ] || fail 'setup: mock answers'

expect_status 0 pm report --html "$WORK/report.html"
chrome "$WORK/dom" "$WORK/dom.err" --dump-dom "file://$WORK/report.html" ||
	{ cat "$WORK/dom.err" >&2; fail 'chromium --dump-dom failed'; }
if grep 'CONSOLE' "$WORK/dom.err" >&2; then fail 'the report wrote to the console'; fi
tr '>' '\n' <"$WORK/dom" >"$WORK/tags"
sed 's/="[^"]*"/=""/g' "$WORK/dom" | tr '>' '\n' >"$WORK/bare"
grep -qi '<script\|<img\|<iframe' "$WORK/bare" && fail 'hostile markup became elements'
grep -q 'console.error' "$WORK/dom" || fail 'the hostile answer is not shown as text'

# Trends: one chart per category, in the order first answered, with one
# circle per scored main answer (the mock's included, its follow-up not).
got=$(awk '/data-chart="trend"/ { on = 1; n = 0; match($0, /data-category="[^"]*"/);
		c = substr($0, RSTART + 15, RLENGTH - 16) }
	on && /<circle/ { n++ }
	on && /<\/svg/ { printf "%s%s=%d", sep, c, n; sep = " "; on = 0 }' "$WORK/tags")
[ "$got" = 'storealpha=4 storebeta=3' ] || fail "trend points: got '$got'"
want=$(sql "SELECT group_concat(c, ' ') FROM (SELECT q.category || '=' || count(*) AS c, min(a.id) AS f FROM attempts a JOIN questions q ON q.id = a.question_id WHERE a.follow_up = -1 AND a.score IS NOT NULL GROUP BY q.category ORDER BY f)")
[ "$got" = "$want" ] || fail "trend points '$got' differ from the database's '$want'"

# Calendar: 182 days; the six days with attempts, counted.
cal=$(awk '/data-chart="calendar"/ { on = 1 } on && /<rect/ { n++ } on && /<\/svg/ { on = 0 }
	END { print n + 0 }' "$WORK/tags")
[ "$cal" = 182 ] || fail "calendar: $cal days, want 182"
busy=$(awk '/data-chart="calendar"/ { on = 1 } on && /<rect/ && !/data-count="0"/ { n++ }
	on && /<\/svg/ { on = 0 } END { print n + 0 }' "$WORK/tags")
[ "$busy" = 6 ] || fail "calendar: $busy days with attempts, want 6"
grep -q '<rect[^>]*data-count="3"' "$WORK/tags" || fail 'calendar: the mock day holds 3 attempts'

# Forecast: 14 bars; their counts add up to the cards due in 14 days.
fc=$(awk '/data-chart="forecast"/ { on = 1 } on && /<rect/ { n++ } on && /<\/svg/ { on = 0 }
	END { print n + 0 }' "$WORK/tags")
[ "$fc" = 14 ] || fail "forecast: $fc bars, want 14"

# The mock: one scorecard of two rows, with its verdict.
[ "$(grep -c 'data-chart="mock"' "$WORK/tags")" = 1 ] || fail 'want one mock scorecard'
grep -q 'data-chart="mock" data-rows="2"' "$WORK/tags" || fail 'mock scorecard rows'
grep -Eq 'Mock 1, 2026-03-01 09:00' "$WORK/dom" || fail 'mock title'
grep -Eq '(hire|lean hire|lean no|no)' "$WORK/dom" || fail 'mock verdict'

# Attempts: all 8 (under the 20 shown), newest first, with evidence.
got=$(grep -o 'data-attempt="[0-9]*"' "$WORK/tags" | tr -dc '0-9 \n' | tr '\n' ' ')
[ "$got" = '8 7 6 5 4 3 2 1 ' ] || fail "attempts: '$got'"
marks=$(grep -o 'data-marks="[0-9]*"' "$WORK/tags" | tr -dc '0-9\n' | awk '{ s += $1 } END { print s + 0 }')
want=$(sql "SELECT sum(json_array_length(evidence)) FROM criteria")
[ "$marks" = "$want" ] || fail "evidence spans: $marks, the database has $want"
[ "$(grep -c '<mark' "$WORK/tags")" -gt 0 ] || fail 'no evidence marked'

# Phone width: a screenshot renders.
chrome "$WORK/shot.out" "$WORK/shot.err" --screenshot="$WORK/shot.png" \
	--window-size=360,800 --hide-scrollbars "file://$WORK/report.html" ||
	{ cat "$WORK/shot.err" >&2; fail 'chromium --screenshot failed'; }
if grep 'CONSOLE' "$WORK/shot.err" >&2; then fail 'the report wrote to the console'; fi
[ -s "$WORK/shot.png" ] || fail 'no screenshot'
exit 0
