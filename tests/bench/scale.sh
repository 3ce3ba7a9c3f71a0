#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark at scale (issue 11): a bank of 10,000 questions and a database
# of 100,000 attempts, built in a temporary folder; then the figures of
# docs/BENCHMARKS.md "At scale", each beside its reference and target.
# Run by `make bench-scale`.  It reports and never gates: it exits 0 when
# targets are missed, 1 only when the harness itself breaks.
#
# How the data set is built (about 2 minutes on 2 cores):
#   1. tests/bench/scale-bank.awk writes 10,000 questions, one file per
#      built-in category, loaded with --bank.
#   2. pmdrill itself creates the database: `pmdrill answer` saves and
#      scores 4 calibration answers per category (strong, good, weak,
#      off), which also syncs the 10,262 questions into it.
#   3. tests/bench/scale-data.sql (sqlite3 shell, recursive CTEs) turns
#      those 48 real rows into 100,000 attempts with their criteria rows,
#      grade overrides and cards.
#   4. `pmdrill export` writes it out (the 100k export the import row
#      times), and `pmdrill import` of it in ten 10,000-line slices builds
#      the data set measured below, so every card is pmdrill's own replay.
#
# Environment: PMDRILL_BIN (the binary), SCALE_IMPORT_CAP (seconds the
# whole-file import may run before it is stopped; default 45, 0 = no cap),
# SCALE_KEEP=1 keeps the temporary folder.  Needs sqlite3 and about
# 2.5 GB in $TMPDIR; GNU time (/usr/bin/time, Debian package `time`) for
# the memory figures.
set -u
PM=${PMDRILL_BIN:?PMDRILL_BIN must name the pmdrill binary}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CAP=${SCALE_IMPORT_CAP:-45}
NQ=10000
NA=100000
T_START=$(date +%s)

W=$(mktemp -d "${TMPDIR:-/tmp}/pmdrill-scale.XXXXXX") || exit 1
cleanup() { [ "${SCALE_KEEP:-0}" = 1 ] && echo "kept $W" || rm -rf "$W"; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
export HOME="$W/home" XDG_DATA_HOME="$W/home/data" XDG_STATE_HOME="$W/home/state" \
	XDG_CONFIG_HOME="$W/home/config" XDG_CACHE_HOME="$W/home/cache" NO_COLOR=1 LC_ALL=C
unset PMDRILL_DB PMDRILL_NOW PMDRILL_NO_CACHE
mkdir -p "$HOME" "$W/big/questions"
BIG=$W/big
DB=$W/data.db

die() { echo "bench-scale: harness error: $*" >&2; exit 1; }
log() { printf '[%3ds] %s\n' $(($(date +%s) - T_START)) "$*"; }
command -v sqlite3 >/dev/null || die "sqlite3 (the shell) is needed"

GTIME=
if [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; then
	GTIME=/usr/bin/time
fi

# ---- helpers ----
now_ns() { date +%s%N; }
# median_ms RUNS CMD...: run once to warm the cache, then RUNS times;
# prints the median wall time in ms (3 decimals).
median_ms() {
	n=$1; shift
	"$@" >/dev/null 2>&1
	: >"$W/times"
	i=0
	while [ $i -lt "$n" ]; do
		t0=$(now_ns); "$@" >/dev/null 2>&1; t1=$(now_ns)
		echo $((t1 - t0)) >>"$W/times"
		i=$((i + 1))
	done
	sort -n "$W/times" | awk '{ v[NR] = $1 } END {
		m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%.3f\n", m / 1e6 }'
}
# peak_kb CMD...: peak RSS in KB (GNU time), or "n/a".
peak_kb() {
	if [ -z "$GTIME" ]; then echo n/a; return; fi
	$GTIME -f %M -o "$W/rss" "$@" >/dev/null 2>&1
	tail -1 "$W/rss"
}
mb() { case $1 in n/a) echo n/a ;; *) awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }' ;; esac; }
# le A B: A <= B (decimals)
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
verdict() { if [ "$1" = 1 ]; then echo met; else echo missed; fi; }

echo "pmdrill bench-scale: $NQ questions, $NA attempts"
echo "command:  make bench-scale   (PMDRILL_BIN=$PM sh tests/bench/scale.sh)"
echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine:  nproc $(nproc), Linux $(uname -r), $(sed -n 's/^PRETTY_NAME="\(.*\)"/\1/p' /etc/os-release 2>/dev/null)"
echo "sqlite3:  $(sqlite3 --version | cut -d' ' -f1-2)"
echo "pmdrill:  $("$PM" --version 2>&1 | head -1)"
[ -n "$GTIME" ] || echo "note:     GNU time not found: no memory figures (apt-get install time)"
echo

# ---- 1. the bank ----
awk -v n=$NQ -v dir="$BIG" -f "$ROOT/tests/bench/scale-bank.awk" || die "bank generator"
"$PM" --bank "$BIG" check >"$W/check.out" 2>&1 || { cat "$W/check.out"; die "pmdrill check on the bank"; }
log "bank: $(tail -1 "$W/check.out")"

# ---- 2. a database pmdrill created, with 48 real scored attempts ----
SEED=$W/seed.db
for c in analytics career design estimation execution influence launch \
	leadership metrics prioritization strategy technical; do
	d=$(ls -d "$ROOT/tests/calib/$c"/*/ 2>/dev/null | head -1)
	[ -n "$d" ] || die "no calibration answers for $c"
	k=0
	for kind in strong good weak off; do
		[ -f "$d$kind.txt" ] || die "missing $d$kind.txt"
		"$PM" --db "$SEED" --bank "$BIG" answer --time 300 \
			--question "$(printf 'scale-%s-%05d' $c $k)" "$d$kind.txt" >/dev/null 2>"$W/err" ||
			{ cat "$W/err"; die "pmdrill answer ($c, $kind)"; }
		k=$((k + 1))
	done
done
log "seed: $(sqlite3 "$SEED" 'SELECT count(*) FROM attempts') real attempts, $(sqlite3 "$SEED" 'SELECT count(*) FROM criteria') criteria rows"

# ---- 3. 100,000 attempts by recursive CTE ----
GEN=$W/gen.db
cp "$SEED" "$GEN" || die "copy"
{ echo ".parameter set :end $(($(date +%s) - 4 * 86400))"; cat "$ROOT/tests/bench/scale-data.sql"; } |
	sqlite3 "$GEN" || die "scale-data.sql"
[ "$(sqlite3 "$GEN" 'SELECT count(*) FROM attempts')" = $NA ] || die "generated attempts != $NA"
log "generated: $(sqlite3 "$GEN" "SELECT count(*) || ' attempts (' || sum(follow_up >= 0) || ' follow-ups), ' || (SELECT count(*) FROM criteria) || ' criteria rows, ' || (SELECT count(*) FROM grade_changes) || ' grade changes' FROM attempts")"

# ---- 4. the export, the import row, and the data set ----
EXP=$W/export.jsonl
t0=$(now_ns)
if [ -n "$GTIME" ]; then
	$GTIME -f %M -o "$W/rss" "$PM" --db "$GEN" export "$EXP" || die "pmdrill export"
	EXPORT_KB=$(tail -1 "$W/rss")
else
	"$PM" --db "$GEN" export "$EXP" || die "pmdrill export"
	EXPORT_KB=n/a
fi
EXPORT_S=$(awk -v a="$t0" -v b="$(now_ns)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
EXPORT_BYTES=$(stat -c %s "$EXP")
[ "$(wc -l <"$EXP")" -eq $NA ] || die "export does not hold $NA lines"
rm -f "$GEN"*
log "export: $EXPORT_BYTES bytes in $EXPORT_S s"

# The import row: the whole 100k export into an empty database, stopped
# after $CAP s (it is a benchmark of a 5 s target, not a soak test).
IMP=$W/import.db
log "import of the whole export (cap ${CAP}s)..."
TO=
[ "$CAP" -gt 0 ] && command -v timeout >/dev/null && TO="timeout $CAP"
t0=$(now_ns)
if [ -n "$GTIME" ]; then
	$GTIME -f %M -o "$W/rss" $TO "$PM" --db "$IMP" import "$EXP" >"$W/imp.out" 2>&1
	IMPORT_RC=$?
	IMPORT_KB=$(tail -1 "$W/rss")
else
	$TO "$PM" --db "$IMP" import "$EXP" >"$W/imp.out" 2>&1
	IMPORT_RC=$?
	IMPORT_KB=n/a
fi
IMPORT_S=$(awk -v a="$t0" -v b="$(now_ns)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
case $IMPORT_RC in
0) IMPORT_DONE=1 ;;
124) IMPORT_DONE=0 ;;
*) cat "$W/imp.out"; die "pmdrill import exited $IMPORT_RC" ;;
esac
rm -f "$IMP"*
log "import: rc $IMPORT_RC after $IMPORT_S s, peak $(mb "$IMPORT_KB")"

# The data set: the same export imported in ten slices of 10,000 lines
# (a follow-up is always right after its main answer, so no link is cut).
mkdir "$W/slices"
split -l 10000 -d -a 2 "$EXP" "$W/slices/x" || die split
SLICE_MAX_S=0 SLICE_MAX_KB=0
for f in "$W"/slices/x*; do
	t0=$(now_ns)
	kb=$(peak_kb "$PM" --db "$DB" import "$f")
	s=$(awk -v a="$t0" -v b="$(now_ns)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
	le "$s" "$SLICE_MAX_S" || SLICE_MAX_S=$s
	[ "$kb" = n/a ] || [ "$kb" -le "$SLICE_MAX_KB" ] || SLICE_MAX_KB=$kb
	rm -f "$f"
done
rm -f "$EXP"
log "data set: imported in 10 slices (slowest ${SLICE_MAX_S} s)"

# ---- verify the data set ----
got=$(sqlite3 "$DB" 'SELECT count(*) FROM attempts')
[ "$got" = $NA ] || die "data set holds $got attempts, not $NA"
[ "$(sqlite3 "$DB" 'PRAGMA quick_check')" = ok ] || die "quick_check failed"
"$PM" --db "$DB" --bank "$BIG" stats >"$W/stats.out" 2>&1 || { cat "$W/stats.out"; die "pmdrill stats"; }
grep -q "^attempts: *$NA " "$W/stats.out" || { cat "$W/stats.out"; die "stats does not report $NA attempts"; }
"$PM" --db "$DB" --bank "$BIG" history --limit 3 >"$W/hist.out" 2>&1 || { cat "$W/hist.out"; die "pmdrill history"; }
grep -q "^ *$NA " "$W/hist.out" || { cat "$W/hist.out"; die "history does not show attempt $NA"; }
"$PM" --db "$DB" --bank "$BIG" next >"$W/next.out" 2>&1 || { cat "$W/next.out"; die "pmdrill next"; }
grep -q '^scale-' "$W/next.out" || { cat "$W/next.out"; die "next shows no question"; }
log "verified: stats, history and next work; $(sqlite3 "$DB" "SELECT count(*) || ' cards, ' || sum(due < strftime('%s','now')) || ' due' FROM cards")"
sed 's/^/    /' "$W/stats.out" | head -4
sed 's/^/    /' "$W/next.out" | head -2
echo

# ---- measure ----
DB_BYTES=$(( $(stat -c %s "$DB") + $( [ -f "$DB-wal" ] && stat -c %s "$DB-wal" || echo 0) ))
REF_SQL="SELECT id, question_id, score FROM attempts ORDER BY started_at DESC LIMIT 1"
REF_PLAN=$(sqlite3 -readonly "$DB" "EXPLAIN QUERY PLAN $REF_SQL" | sed -n 's/^.*--//p; s/^QUERY PLAN$//' | tr -s ' ' | sed 's/^ //' | tr '\n' ' ')
REF_MS=$(median_ms 11 sqlite3 -readonly "$DB" "$REF_SQL")
NEXT_MS=$(median_ms 5 "$PM" --db "$DB" --bank "$BIG" next)
STATS_MS=$(median_ms 5 "$PM" --db "$DB" --bank "$BIG" stats)
HIST_MS=$(median_ms 5 "$PM" --db "$DB" --bank "$BIG" history --limit 20)
TRUE_MS=$(median_ms 11 /bin/true)
# The --version verdict compares the best of 11 runs, which a busy
# machine disturbs far less than the median.
best_ms() { sort -n "$W/times" | awk 'NR == 1 { printf "%.3f\n", $1 / 1e6 }'; }
VER_MS=$(median_ms 11 "$PM" --version)
VER_BEST=$(best_ms)
VERBIG_MS=$(median_ms 11 "$PM" --bank "$BIG" --version)
VERBIG_BEST=$(best_ms)
LIST_MS=$(median_ms 5 "$PM" --bank "$BIG" list --category metrics)
LISTSMALL_MS=$(median_ms 5 "$PM" list --category metrics)
NEXT_KB=$(peak_kb "$PM" --db "$DB" --bank "$BIG" next)
STATS_KB=$(peak_kb "$PM" --db "$DB" --bank "$BIG" stats)
NEXTSMALL_KB=$(peak_kb "$PM" --db "$DB" next)
VER_KB=$(peak_kb "$PM" --version)

# drill: one question answered on piped stdin (this adds attempt 100,001,
# so it runs after everything else has measured the data set).
ANS=$(ls -d "$ROOT"/tests/calib/metrics/*/ | head -1)good.txt
{ echo 'drill --count 1'; cat "$ANS"; printf '.\n\n\nn\nquit\n'; } >"$W/drill.in"
if [ -n "$GTIME" ]; then
	t0=$(now_ns)
	$GTIME -f %M -o "$W/rss" "$PM" --db "$DB" --bank "$BIG" <"$W/drill.in" >"$W/drill.out" 2>&1 ||
		{ tail -20 "$W/drill.out"; die "drill session"; }
	DRILL_KB=$(tail -1 "$W/rss")
else
	t0=$(now_ns)
	"$PM" --db "$DB" --bank "$BIG" <"$W/drill.in" >"$W/drill.out" 2>&1 || die "drill session"
	DRILL_KB=n/a
fi
DRILL_MS=$(awk -v a="$t0" -v b="$(now_ns)" 'BEGIN { printf "%.0f", (b - a) / 1e6 }')
grep -q '^Score [0-9]*/100' "$W/drill.out" || { tail -20 "$W/drill.out"; die "drill did not score"; }
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM attempts')" = $((NA + 1)) ] || die "drill did not save"

# ---- the table ----
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
IMP_MB=$(mb "$IMPORT_KB")
if [ "$IMPORT_DONE" = 1 ]; then IMP_T="$IMPORT_S s"; else IMP_T="> $IMPORT_S s (stopped at the ${CAP} s cap)"; fi
ok=0
[ "$IMPORT_DONE" = 1 ] && le "$IMPORT_S" 5 && [ "$IMPORT_KB" != n/a ] && [ "$IMPORT_KB" -le 65536 ] && ok=1
V_IMPORT=$(verdict $ok)
if [ -z "$GTIME" ] && [ "$IMPORT_DONE" = 1 ] && le "$IMPORT_S" 5; then
	V_IMPORT="time met, memory n/a (no GNU time)"
fi
ok=0; le "$NEXT_MS" "$(awk -v r="$REF_MS" 'BEGIN { print 3 * r }')" && ok=1; V_NEXT=$(verdict $ok)
ok=0; le "$STATS_MS" "$(awk -v r="$REF_MS" 'BEGIN { print 3 * r }')" && ok=1; V_STATS=$(verdict $ok)
# Start-up: --version must not read the bank: with the big bank its best
# run may cost at most 2 ms more than without.
ok=0; le "$VERBIG_BEST" "$(awk -v r="$VER_BEST" 'BEGIN { print r + 2 }')" && ok=1; V_VER=$(verdict $ok)
ok=0
[ "$NEXT_KB" != n/a ] && [ "$DRILL_KB" != n/a ] && [ "$NEXT_KB" -le 16384 ] && [ "$DRILL_KB" -le 16384 ] && ok=1
V_MEM=$(verdict $ok)
[ -n "$GTIME" ] || V_MEM="n/a (no GNU time)"
PER=$((DB_BYTES / NA))
ok=0; [ "$PER" -le 1500 ] && ok=1; V_SIZE=$(verdict $ok)

echo "| row | measured | reference | target | result |"
echo "|---|---|---|---|---|"
echo "| \`import\` of the 100k export ($((EXPORT_BYTES / 1000000)) MB JSON) | $IMP_T, peak $IMP_MB | — | ≤ 5 s, ≤ 64 MB | $V_IMPORT |"
echo "| \`next\` (median of 5) | $NEXT_MS ms | $REF_MS ms (sqlite3 shell, median of 11) | ≤ 3× ($(ratio "$NEXT_MS" "$REF_MS")×) | $V_NEXT |"
echo "| \`stats\` (median of 5) | $STATS_MS ms | $REF_MS ms | ≤ 3× ($(ratio "$STATS_MS" "$REF_MS")×) | $V_STATS |"
echo "| start-up: \`--bank BIG list --category metrics\` (median of 5) | $LIST_MS ms (built-in bank only: $LISTSMALL_MS ms) | \`/bin/true\` $TRUE_MS ms | figures; bank read only when needed | needs the bank |"
echo "| start-up: \`--version\` (median of 11) | $VER_MS ms (with \`--bank BIG\`: $VERBIG_MS ms; best $VER_BEST / $VERBIG_BEST ms) | \`/bin/true\` $TRUE_MS ms | no work proportional to the bank | $V_VER |"
echo "| \`drill\` / \`next\` peak memory | drill $(mb "$DRILL_KB"), next $(mb "$NEXT_KB") | — | ≤ 16 MB | $V_MEM |"
echo "| database size per attempt | $PER bytes ($DB_BYTES / $NA) | — | ≤ 1,500 bytes | $V_SIZE |"
echo
echo "reference query: $REF_SQL"
echo "  plan: $REF_PLAN"
echo "context: history --limit 20 $HIST_MS ms; stats peak $(mb "$STATS_KB"); next with the built-in bank only $(mb "$NEXTSMALL_KB"); --version peak $(mb "$VER_KB")"
echo "context: export $EXPORT_S s, peak $(mb "$EXPORT_KB"); import of one 10,000-line slice: up to $SLICE_MAX_S s, peak $(mb "$SLICE_MAX_KB"); drill session (1 answer) $DRILL_MS ms"
if sqlite3 "$DB" 'SELECT 1 FROM dbstat LIMIT 1' >/dev/null 2>&1; then
	echo "context: bytes per attempt by table: $(sqlite3 "$DB" "SELECT group_concat(name || ' ' || b, ', ') FROM (SELECT name, sum(pgsize) / $NA AS b FROM dbstat GROUP BY name ORDER BY b DESC LIMIT 5)")"
fi
log "done"
exit 0
