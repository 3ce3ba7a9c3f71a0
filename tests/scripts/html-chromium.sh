# SPDX-License-Identifier: GPL-3.0-or-later
# The HTML report renders in a real browser: headless Chromium loads the
# page tests/tools/html-sample writes (a fixed history, some of it hostile
# markup), and the DOM it builds holds every chart with the right number of
# points, a 360x800 screenshot is a PNG of that size, and nothing reached
# the console (the page has no script, so any console line means injected
# markup ran).  A canary page with a script first proves that console
# output is seen at all.  Needs Debian's chromium package; skips without
# it, and fails instead under PMDRILL_NO_SKIP=1.
. "$(dirname "$0")/lib.sh"
if ! command -v chromium >/dev/null 2>&1; then
	[ "${PMDRILL_NO_SKIP:-0}" = 1 ] && fail 'chromium not found (apt-get install chromium)'
	skip 'chromium not found'
fi
SAMPLE=${TOOL_DIR:-$ROOT/build/tools}/html-sample
[ -x "$SAMPLE" ] || fail "no $SAMPLE: run 'make test'"
TO=
command -v timeout >/dev/null 2>&1 && TO='timeout 120'

# chrome OUT ERR ARGS...: headless Chromium with a profile of its own.
chrome() {
	o=$1 e=$2; shift 2
	$TO chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--user-data-dir="$WORK/profile" --enable-logging=stderr --v=0 \
		"$@" >"$o" 2>"$e"
}

# The canary: a console message must show up as a CONSOLE log line.
printf '<!DOCTYPE html><title>c</title><script>console.error("pmdrill-canary")</script>\n' \
	>"$WORK/canary.html"
chrome "$WORK/canary.dom" "$WORK/canary.err" --dump-dom "file://$WORK/canary.html" ||
	fail 'chromium could not load the canary page'
grep -q 'CONSOLE.*pmdrill-canary' "$WORK/canary.err" ||
	{ cat "$WORK/canary.err" >&2; fail 'chromium logs no console output: the check below would be blind'; }

"$SAMPLE" "$WORK/report.html" || fail 'html-sample failed'
chrome "$WORK/dom" "$WORK/dom.err" --dump-dom "file://$WORK/report.html" ||
	{ cat "$WORK/dom.err" >&2; fail 'chromium --dump-dom failed'; }
chrome "$WORK/shot.out" "$WORK/shot.err" --screenshot="$WORK/shot.png" \
	--window-size=360,800 --hide-scrollbars "file://$WORK/report.html" ||
	{ cat "$WORK/shot.err" >&2; fail 'chromium --screenshot failed'; }

for e in "$WORK/dom.err" "$WORK/shot.err"; do
	if grep 'CONSOLE' "$e" >&2; then
		fail "the report wrote to the console ($e)"
	fi
done

# One tag a line; in "bare", attribute values emptied first (so escaped
# text inside them cannot be mistaken for tags).
tr '>' '\n' <"$WORK/dom" >"$WORK/tags"
sed 's/="[^"]*"/=""/g' "$WORK/dom" | tr '>' '\n' >"$WORK/bare"
grep -qi '<script\|<img\|<iframe\|<link' "$WORK/bare" &&
	fail 'the DOM holds a script, image, frame or link element'
grep -qiE ' on[a-z]+=""' "$WORK/bare" && fail 'the DOM holds an event handler'

# count WHAT IN-FILE: lines matching WHAT.
count() { grep -c -- "$1" "$2"; }
[ "$(count 'data-chart="trend"' "$WORK/tags")" = 3 ] || fail 'want 3 trend charts'
# The circles of each trend chart, in order: 12, 5, 1.
got=$(awk '/data-chart="trend"/ { on = 1; n = 0 }
	on && /<circle/ { n++ }
	on && /<\/svg/ { printf "%s%d", sep, n; sep = " "; on = 0 }' "$WORK/tags")
[ "$got" = '12 5 1' ] || fail "trend points: got '$got', want '12 5 1'"
got=$(grep -o 'data-points="[0-9]*"' "$WORK/tags" | tr -dc '0-9 \n' | tr '\n' ' ')
[ "$got" = '12 5 1 ' ] || fail "data-points: got '$got'"
cal=$(awk '/data-chart="calendar"/ { on = 1 } on && /<rect/ { n++ } on && /<\/svg/ { on = 0 }
	END { print n + 0 }' "$WORK/tags")
[ "$cal" = 182 ] || fail "calendar: $cal days, want 182"
fc=$(awk '/data-chart="forecast"/ { on = 1 } on && /<rect/ { n++ } on && /<\/svg/ { on = 0 }
	END { print n + 0 }' "$WORK/tags")
[ "$fc" = 14 ] || fail "forecast: $fc bars, want 14"
[ "$(count '<tr' "$WORK/tags")" = 4 ] || fail 'want a scorecard of 3 rows and a header'
[ "$(count '<mark' "$WORK/tags")" = 3 ] || fail 'want 3 evidence marks'
grep -q '<meta name="viewport" content="width=device-width"' "$WORK/tags" ||
	fail 'no viewport meta'

# The screenshot: a PNG signature and a 360x800 IHDR.
[ -s "$WORK/shot.png" ] || fail 'no screenshot'
sig=$(od -An -tx1 -N8 "$WORK/shot.png" | tr -d ' \n')
[ "$sig" = 89504e470d0a1a0a ] || fail "screenshot is not a PNG ($sig)"
dim=$(od -An -tx1 -j16 -N8 "$WORK/shot.png" | tr -d ' \n')
[ "$dim" = 0000016800000320 ] || fail "screenshot is not 360x800 ($dim)"
exit 0
