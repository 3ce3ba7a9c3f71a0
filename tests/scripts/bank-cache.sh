#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The bank cache ($XDG_CACHE_HOME/pmdrill, src/bank-cache.h).  A warm
# start reads the cache (a crafted one shows), and every change to the
# files is seen: a same-size edit in the same second, the stamp an edit
# within one clock tick leaves (the racy case), a file added or removed.
# A truncated, corrupt or foreign cache gives the output of no cache and
# is rewritten; an unusable cache folder is silent; the folder keeps the
# 8 newest caches.  Warnings and errors print the same from the cache.
# Output is the same with PMDRILL_NO_CACHE=1 and with a warm cache, for
# the built-in bank and a generated one of 600 questions, scores
# included.  Commands that need no bank (and `check`, which always
# parses) write no cache.
. "$ROOT/tests/scripts/lib.sh"
TOOL=${TOOL_DIR:?}/bankcache-tool
[ -x "$TOOL" ] || fail "no $TOOL (make test builds it)"
C=$XDG_CACHE_HOME/pmdrill
B=$WORK/bank
Q=$B/questions/store.txt
mkdir -p "$B/questions" "$B/rubrics"
cp "$ROOT/tests/data/store/rubrics/store.txt" "$B/rubrics/"
cp "$ROOT/tests/data/store/questions/store.txt" "$Q"

cachefile() {
	set -- "$C"/bank-*.cache
	[ $# = 1 ] && [ -f "$1" ] || fail "want one cache file in $C, have: $(ls -a "$C" 2>&1)"
	echo "$1"
}
# same CMD...: CMD with PMDRILL_NO_CACHE=1, then with the cache as it is;
# stdout, stderr and status must be the same.
same() {
	PMDRILL_NO_CACHE=1 "$PM" "$@" >"$WORK/n.out" 2>"$WORK/n.err"
	echo $? >"$WORK/n.st"
	"$PM" "$@" >"$WORK/c.out" 2>"$WORK/c.err"
	echo $? >"$WORK/c.st"
	for s in out err st; do
		cmp -s "$WORK/n.$s" "$WORK/c.$s" ||
			{ diff "$WORK/n.$s" "$WORK/c.$s" | head -20 >&2; fail "pmdrill $*: std$s differs with the cache"; }
	done
}

# ---- commands that need no bank write no cache; nor does check ----
for cmd in --version help history config export 'search retention' \
	'srs replay /dev/null' 'import /dev/null'; do
	# shellcheck disable=SC2086
	"$PM" --bank "$B" $cmd >/dev/null 2>&1
	[ ! -e "$C" ] || fail "'$cmd' needs no bank but wrote a cache: $(ls "$C")"
done
"$PM" --bank "$B" check >/dev/null 2>&1 || fail "check of the test bank"
[ ! -e "$C" ] || fail "check wrote a cache: $(ls "$C")"
PMDRILL_NO_CACHE=1 "$PM" --bank "$B" list >/dev/null || fail "list"
[ ! -e "$C" ] || fail "PMDRILL_NO_CACHE=1 wrote a cache"

# ---- a warm start reads the cache ----
expect_status 0 "$PM" --bank "$B" list
F=$(cachefile)
"$TOOL" dump "$F" >"$WORK/dump" || fail "the cache pmdrill wrote does not decode"
grep_in "$WORK/dump" '^q storetest-alpha	Which metric would you pick for a music app'
grep_in "$WORK/dump" "^f $Q\$"
grep_in "$WORK/dump" "^f $ROOT/rubrics/weights.fit\$" # the first model wins
# a crafted cache (checksum fixed) is believed: proof that it is read
cp "$F" "$WORK/good.cache"
"$TOOL" replace "$F" 'music app' 'MUSIC app' || fail "replace"
expect_status 0 "$PM" --bank "$B" list
grep_in "$WORK/out" 'Which metric would you pick for a MUSIC app'
# ... but check parses the files
expect_status 0 "$PM" --bank "$B" check "$Q"
# ... but not one that another build wrote (a rebuilt binary of the same
# version number: its structures may differ).  The version names the
# build after a '+'; change its last digit.
vlen=$(od -An -tu4 -j32 -N4 "$F" | tr -d ' ')
ver=$(dd if="$F" bs=1 skip=36 count="$vlen" 2>/dev/null)
case $ver in *+*) ;; *) fail "the cache's version names no build: '$ver'" ;; esac
last=${ver#"${ver%?}"}
other="${ver%?}$(((last + 1) % 10))"
"$TOOL" replace "$F" "$ver" "$other" || fail "replace the version"
expect_status 0 "$PM" --bank "$B" list
grep_in "$WORK/out" 'Which metric would you pick for a music app'
cp "$WORK/good.cache" "$F"

# ---- (1) a same-size edit in the same second, in place ----
expect_status 0 "$PM" --bank "$B" show storetest-alpha
grep_in "$WORK/out" 'music app'
sed 's/music app/radio app/' "$Q" >"$WORK/q.new"
cat "$WORK/q.new" >"$Q" # same inode, same size
expect_status 0 "$PM" --bank "$B" show storetest-alpha
grep_in "$WORK/out" 'radio app'
expect_status 0 "$PM" --bank "$B" list
grep_in "$WORK/out" 'pick for a radio app'
"$TOOL" dump "$(cachefile)" | grep -q 'radio app' || fail "the cache was not rewritten after the edit"

# (1b) the racy case: the cache holds the old text under a stamp that
# equals the file's (what an edit in the same clock tick as the read
# leaves).  Written just now, the file is too recent to trust: re-hashed.
expect_status 0 "$PM" --bank "$B" list # cache of 'radio app'
sed 's/radio app/piano app/' "$Q" >"$WORK/q.new"
cat "$WORK/q.new" >"$Q"
"$TOOL" stamp "$(cachefile)" "$Q" || fail "stamp"
expect_status 0 "$PM" --bank "$B" show storetest-alpha
grep_in "$WORK/out" 'piano app'
# and the guard is what saw it: a cache that says it was written long
# after the file changed trusts the same stamp (the old text shows)
expect_status 0 "$PM" --bank "$B" list # cache of 'piano app'
sed 's/piano app/cello app/' "$Q" >"$WORK/q.new"
cat "$WORK/q.new" >"$Q"
"$TOOL" stamp "$(cachefile)" "$Q" 9000000000000000000 || fail "stamp"
expect_status 0 "$PM" --bank "$B" show storetest-alpha
grep_in "$WORK/out" 'piano app'
touch "$Q" # a new stamp: hashed, and the edit is seen
expect_status 0 "$PM" --bank "$B" show storetest-alpha
grep_in "$WORK/out" 'cello app'

# a touched but identical file keeps the cache (re-stamped, not parsed):
# with a crafted cache, the crafted text still shows after the touch
expect_status 0 "$PM" --bank "$B" list
F=$(cachefile)
"$TOOL" replace "$F" 'cello app' 'CELLO app' || fail "replace"
touch -d '2020-01-01 00:00:00' "$Q"
expect_status 0 "$PM" --bank "$B" list
grep_in "$WORK/out" 'CELLO app'
"$TOOL" dump "$F" >/dev/null || fail "the re-stamped cache does not decode"
touch "$Q"
sed 's/cello app/music app/' "$Q" >"$WORK/q.new"
cat "$WORK/q.new" >"$Q"

# ---- (2) a file added, then removed ----
cat >"$B/questions/extra.txt" <<'EOF'
Id: storetest-extra
Category: storealpha
Rubric: storetest
Prompt: A question in a file added after the cache was written?
EOF
expect_status 0 "$PM" --bank "$B" list
grep_in "$WORK/out" '^storetest-extra '
rm "$B/questions/extra.txt"
expect_status 0 "$PM" --bank "$B" list
! grep -q storetest-extra "$WORK/out" || fail "a removed file's question is still listed"
# a rubric file added is seen too
sed 's/storetest/storetest-more/' "$B/rubrics/store.txt" >"$B/rubrics/more.txt"
sed 's/Rubric: storetest$/Rubric: storetest-more/' "$Q" >"$WORK/q.new"
cat "$WORK/q.new" >"$Q"
expect_status 0 "$PM" --bank "$B" list
[ ! -s "$WORK/err" ] || fail "a rubric file added is not seen: $(cat "$WORK/err")"
rm "$B/rubrics/more.txt"
expect_status 0 "$PM" --bank "$B" list # the built-in questions remain
grep_in "$WORK/err" "no rubric named 'storetest-more'"
cp "$ROOT/tests/data/store/questions/store.txt" "$Q"

# ---- (3) truncated, corrupt, foreign: same output, no crash, rewritten ----
expect_status 0 "$PM" --bank "$B" list
F=$(cachefile)
size=$(wc -c <"$F")
for how in truncate-half truncate-1 zero-middle garbage empty crafted; do
	expect_status 0 "$PM" --bank "$B" list # a good cache first
	case $how in
	truncate-half) head -c $((size / 2)) "$F" >"$WORK/x" ;;
	truncate-1) head -c $((size - 1)) "$F" >"$WORK/x" ;;
	zero-middle)
		cp "$F" "$WORK/x"
		dd if=/dev/zero of="$WORK/x" bs=1 seek=$((size / 2)) count=64 conv=notrunc 2>/dev/null ;;
	garbage) head -c 4096 /dev/urandom >"$WORK/x" ;;
	empty) : >"$WORK/x" ;;
	crafted) # the count of bank folders made huge, the checksum fixed:
		# header 32, version (u32 length, bytes, NUL), written_ns 8;
		# the version names the build too, so read its length
		vlen=$(od -An -tu4 -j32 -N4 "$F" | tr -d ' ')
		cp "$F" "$WORK/x"
		printf '\377\377\377\377' |
			dd of="$WORK/x" bs=1 seek=$((32 + 4 + vlen + 1 + 8)) conv=notrunc 2>/dev/null
		"$TOOL" reseal "$WORK/x" || fail reseal
		! "$TOOL" dump "$WORK/x" >/dev/null 2>&1 || fail "the crafted count decodes" ;;
	esac
	cp "$WORK/x" "$F"
	same --bank "$B" list
	[ "$(cat "$WORK/c.st")" = 0 ] || fail "$how: list exited $(cat "$WORK/c.st")"
	[ ! -s "$WORK/c.err" ] || fail "$how: list printed: $(cat "$WORK/c.err")"
	"$TOOL" dump "$(cachefile)" >/dev/null || fail "$how: the cache was not rewritten"
done
ls "$C" | grep -v '^bank-[0-9a-f]*\.cache$' && fail "temporary files left in $C"

# ---- the folder keeps the 8 newest caches; a crash's old temporary goes ----
: >"$C/bank-0000000000000000.cache.OLDTMP"
touch -d '2 hours ago' "$C/bank-0000000000000000.cache.OLDTMP"
: >"$C/bank-0000000000000000.cache.NEWTMP"
for i in 1 2 3 4 5 6 7 8 9 10; do
	mkdir -p "$WORK/many$i"
	cp -r "$B/questions" "$B/rubrics" "$WORK/many$i/"
	expect_status 0 "$PM" --bank "$WORK/many$i" list
done
n=$(ls "$C" | grep -c '^bank-[0-9a-f]*\.cache$')
[ "$n" = 8 ] || fail "want 8 caches kept, have $n: $(ls "$C")"
[ ! -e "$C/bank-0000000000000000.cache.OLDTMP" ] || fail "an old temporary file was kept"
[ -e "$C/bank-0000000000000000.cache.NEWTMP" ] || fail "a recent temporary file (a write in progress) was removed"
rm "$C/bank-0000000000000000.cache.NEWTMP"
"$TOOL" dump "$(ls -t "$C"/bank-*.cache | head -1)" | grep -q "^f $WORK/many10/questions/store.txt\$" ||
	fail "the newest cache is not the last bank's"

# ---- (4) an unusable cache folder: works, says nothing ----
# cached DIR CMD...: CMD with XDG_CACHE_HOME=DIR; must exit 0, print
# nothing on stderr.
cached() (
	XDG_CACHE_HOME=$1
	export XDG_CACHE_HOME
	shift
	expect_status 0 "$PM" "$@"
	[ ! -s "$WORK/err" ] || fail "cache folder $XDG_CACHE_HOME: pmdrill $* printed: $(cat "$WORK/err")"
)
: >"$WORK/not-a-folder"
cached "$WORK/not-a-folder" --bank "$B" list || exit 1
grep_in "$WORK/out" '^storetest-alpha '
cached "$WORK/not-a-folder/sub" --bank "$B" show storetest-beta || exit 1
grep_in "$WORK/out" 'B2B product'
if [ "$(id -u)" != 0 ]; then
	mkdir -p "$WORK/ro/pmdrill" && chmod 500 "$WORK/ro/pmdrill"
	cached "$WORK/ro" --bank "$B" list || exit 1
	chmod 700 "$WORK/ro/pmdrill"
else
	echo 'as root a read-only folder is writable: only the not-a-folder cases ran'
fi

# ---- (5) warnings and errors print the same from the cache ----
W=$WORK/warn
mkdir -p "$W/questions"
cat >"$W/questions/w.txt" <<'EOF'
Id: storetest-warned
Category: storealpha
Rubric: storetest
Prompt: A question with an unknown field.
Colour: blue

Id: storetest-alpha
Category: storealpha
Rubric: storetest
Prompt: A duplicate id: an error.

Id: storetest-orphan
Category: nowhere
Prompt: A question whose rubric nothing defines.
EOF
PMDRILL_NO_CACHE=1 "$PM" --bank "$B" --bank "$W" list >/dev/null 2>"$WORK/cold.err"
grep_in "$WORK/cold.err" 'error: question id .storetest-alpha. is already used'
grep_in "$WORK/cold.err" "2 errors in the question banks"
"$PM" --bank "$B" --bank "$W" list >/dev/null 2>&1 # writes the cache
same --bank "$B" --bank "$W" list
same --bank "$B" --bank "$W" show storetest-warned
same --bank "$B" --bank "$W" next --json
"$PM" --bank "$B" --bank "$W" list >/dev/null 2>"$WORK/warm.err"
cmp -s "$WORK/cold.err" "$WORK/warm.err" || { diff "$WORK/cold.err" "$WORK/warm.err" >&2; fail "errors differ from the cache"; }
# check lists the warning too, from the files
expect_status 65 "$PM" --bank "$B" --bank "$W" check
grep_in "$WORK/err" "unknown field 'Colour'"

# ---- (6) the same output with and without the cache ----
expect_status 0 "$PM" list # warm the built-in bank's cache
same list --json
same next --json
same next --count 3
same show ana-dau-30-days
same list --json --category metrics
G=$WORK/gen
mkdir -p "$G/questions"
awk -v n=600 -v dir="$G" -f "$ROOT/tests/bench/scale-bank.awk" || fail "bank generator"
"$PM" --bank "$G" list >/dev/null 2>&1
same --bank "$G" list --json
same --bank "$G" next --json
same --bank "$G" next --count 5 --cram
same --bank "$G" show scale-metrics-00007
same --bank "$G" list --tag case-3
# commands that write: each run on its own copy of a database
for f in good weak; do
	PMDRILL_DB=$WORK/seed.db "$PM" --bank "$G" answer --time 300 \
		--question scale-metrics-00003 "$ROOT/tests/calib/metrics/metrics-north-star-music/$f.txt" >/dev/null ||
		fail "answer ($f)"
done
for c in 1 0; do
	cp "$WORK/seed.db" "$WORK/db$c"
	PMDRILL_NO_CACHE=$c PMDRILL_DB=$WORK/db$c "$PM" --bank "$G" answer --time 240 \
		--question scale-metrics-00003 "$ROOT/tests/calib/metrics/metrics-north-star-music/strong.txt" \
		>"$WORK/ans$c.out" 2>&1 || fail "answer (PMDRILL_NO_CACHE=$c)"
done
cmp -s "$WORK/ans1.out" "$WORK/ans0.out" || { diff "$WORK/ans1.out" "$WORK/ans0.out" >&2; fail "answer differs with the cache"; }
(
	PMDRILL_DB=$WORK/db0
	export PMDRILL_DB
	same --bank "$G" stats
	grep_in "$WORK/c.out" '^attempts: *3 '
	same --bank "$G" stats --json
	same --bank "$G" history
	same --bank "$G" next --json --count 3
) || exit 1
# next and stats read the cache partly (no Expect lines: app_bank_partial()).
# A file touched but not changed is re-hashed, and the cache rewritten
# with its new stamp (from a whole decode of it), so later starts need
# not hash it again.  A file edited after the cache was built is seen by
# next: a question added to it is queued (never answered), and an edited
# prompt shows.
GC=$(ls "$C"/bank-*.cache | head -1)
sleep 1
for f in "$C"/bank-*.cache; do ls -l --time-style=+%s.%N "$f"; done >"$WORK/before.ls"
touch "$G/questions/scale-metrics.txt"
same --bank "$G" next --json --count 3
for f in "$C"/bank-*.cache; do ls -l --time-style=+%s.%N "$f"; done >"$WORK/after.ls"
cmp -s "$WORK/before.ls" "$WORK/after.ls" &&
	fail "next did not rewrite the touched file's stamp"
same --bank "$G" stats
same --bank "$G" show scale-metrics-00007
grep_in "$WORK/c.out" 'This question expects'
[ -n "$GC" ] || fail "no cache"
printf '\nId: scale-metrics-added\nCategory: metrics\nLevel: pm\nPrompt: A question added after the cache was built.\n' \
	>>"$G/questions/scale-metrics.txt"
sed -i 's/^Prompt: \(.*\)$/Prompt: Edited: \1/' "$G/questions/scale-metrics.txt"
same --bank "$G" next --json --cram --count 2000 --category metrics
grep_in "$WORK/c.out" '"question":"scale-metrics-00007"[^}]*"prompt":"Edited: '
grep_in "$WORK/c.out" '"question":"scale-metrics-added"[^}]*"reason":"cram"[^}]*"last_score":null'
same --bank "$G" next --json --count 3
# scoring uses the lexicon of every prompt, which the cache holds
A=$ROOT/tests/calib/metrics/metrics-north-star-music
for f in "$A"/*.txt; do
	same score --json --question metrics-north-star-music "$f"
	same --bank "$G" score --json --question metrics-north-star-music "$f"
	same --bank "$G" score --json --question scale-metrics-00007 "$f"
done
exit 0
