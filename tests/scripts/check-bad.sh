#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Bad input through `pmdrill check` and the bank loader: every broken
# fixture fails cleanly (65, a FILE: message, no crash, no hang), files over
# the size limit are refused, and a file right at the limit is read.
. tests/scripts/lib.sh
T=
command -v timeout >/dev/null 2>&1 && T="timeout 20"
BAD=tests/data/bad

# Every fixture: the right status, a message naming the file, nothing on
# stdout when it fails, and never a signal (status > 128) or a timeout.
for f in "$BAD"/*.txt "$BAD"/*/; do
	f=${f%/}
	case $f in
	*/crlf.txt | */unknown-field.txt) wantrc=0 ;;
	*) wantrc=65 ;;
	esac
	$T "$PM" check "$f" >"$WORK/out" 2>"$WORK/err"
	rc=$?
	[ $rc = "$wantrc" ] || { cat "$WORK/err" >&2; fail "check $f exited $rc, want $wantrc"; }
	if [ "$wantrc" = 65 ]; then
		[ ! -s "$WORK/out" ] || fail "check $f printed on stdout"
		grep -q "^pmdrill: $f[^:]*:" "$WORK/err" || { cat "$WORK/err" >&2; fail "check $f: no message naming the file"; }
		grep_in "$WORK/err" '^pmdrill: check: [0-9]+ errors?, [0-9]+ warnings?$'
	fi
done

# A 10 MB file: too large, said at once, exit 65.
mkdir -p "$WORK/bigbank/questions"
head -c 10485760 /dev/zero | tr '\0' 'a' >"$WORK/bigbank/questions/big.txt"
expect_status 65 $T "$PM" check "$WORK/bigbank/questions/big.txt"
grep_in "$WORK/err" "^pmdrill: $WORK/bigbank/questions/big.txt: error: file is too large \\(the limit is 4194304 bytes\\)$"
[ ! -s "$WORK/out" ] || fail 'too large: stdout not empty'
# ... also inside a bank given with --bank: check fails, list goes on with
# the built-in bank and says what it skipped.
expect_status 65 $T "$PM" --bank "$WORK/bigbank" check
grep_in "$WORK/err" 'big.txt: error: file is too large'
expect_status 0 $T "$PM" --bank "$WORK/bigbank" list
grep_in "$WORK/err" 'big.txt: error: file is too large'
grep_in "$WORK/err" "run 'pmdrill check' for details"
grep_in "$WORK/out" '^metrics-'

# Right at the limit (4 MiB) a file is still read: a question, then
# comment lines of 80 bytes, then a last comment to fill it exactly.
printf 'Id: zz-at-the-limit\nCategory: metrics\nPrompt: A question in a 4 MiB file.\n\n' >"$WORK/limit.txt"
need=$((4194304 - $(wc -c <"$WORK/limit.txt")))
[ "$need" -gt 80 ] || fail 'bad arithmetic for limit.txt'
line=$(printf '%079d' 0 | tr 0 '#')
yes "$line" | head -n $((need / 80 - 1)) >>"$WORK/limit.txt"
printf '%0*d\n' $((need % 80 + 79)) 0 | tr 0 '#' >>"$WORK/limit.txt"
[ "$(wc -c <"$WORK/limit.txt")" -eq 4194304 ] || fail 'limit.txt is not 4 MiB'
expect_status 0 $T "$PM" check "$WORK/limit.txt"
printf '\n' >>"$WORK/limit.txt"
expect_status 65 $T "$PM" check "$WORK/limit.txt"
grep_in "$WORK/err" 'file is too large'

# A device that never ends: not a bank file, refused before any read
# (bank-special.sh has FIFOs and devices inside bank folders).
expect_status 66 $T "$PM" check /dev/zero
grep_in "$WORK/err" "^pmdrill: check: '/dev/zero' is a character device, not a bank file$"

# A missing path among good ones: 66, naming it.
expect_status 66 "$PM" check "$BAD/crlf.txt" "$WORK/nope.txt"
grep_in "$WORK/err" "^pmdrill: check: '$WORK/nope.txt': No such file or directory$"
expect_status 66 "$PM" --bank "$WORK/nope" list
grep_in "$WORK/err" "^pmdrill: --bank '$WORK/nope': No such file or directory$"
# A file where a bank folder is expected.
expect_status 66 "$PM" --bank "$BAD/crlf.txt" list
grep_in "$WORK/err" 'not a folder'

# A plain folder of .txt files (no questions/ or rubrics/ inside).
mkdir -p "$WORK/plain"
cp "$BAD/crlf.txt" "$BAD/bad-time.txt" "$WORK/plain/"
expect_status 65 "$PM" check "$WORK/plain"
grep_in "$WORK/err" "^pmdrill: $WORK/plain/bad-time.txt:3:7: error: bad time '3x'"

# An empty bank folder is no error; the built-in questions remain.
mkdir -p "$WORK/emptybank/questions" "$WORK/emptybank/rubrics"
expect_status 0 "$PM" --bank "$WORK/emptybank" check
[ ! -s "$WORK/err" ] || { cat "$WORK/err" >&2; fail 'empty bank: stderr not empty'; }

# The same bad file from a pipe (not a regular file) is read and refused
# the same way.
expect_status 65 "$PM" check /dev/stdin <"$BAD/bad-time.txt"
grep_in "$WORK/err" "^pmdrill: /dev/stdin:3:7: error: bad time '3x'"
exit 0
