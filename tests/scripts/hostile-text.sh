# SPDX-License-Identifier: GPL-3.0-or-later
# Terminal injection: a shared bank, an answer and an imported history that
# carry ESC sequences (OSC 0 window title, OSC 52 clipboard write, CSI 2J),
# C1 controls, a bidi override and invalid UTF-8 go through every command
# that prints them, on a terminal (script(1) gives each a pseudo-terminal).
# No control byte of theirs may reach the screen; --json keeps the text.
. "$(dirname "$0")/lib.sh"

ESC=$(printf '\033')
BEL=$(printf '\007')
C1=$(printf '\302\233')
BIDI=$(printf '\342\200\256')
B=$WORK/hostile
mkdir -p "$B/questions" "$B/rubrics"
cat >"$B/questions/evil.txt" <<EOF
Id: evil-one
Category: evil
Prompt: How would you launch ${ESC}]0;pwned${BEL} the ${ESC}[2J product ${C1}31m
 with ${ESC}]52;c;aGVsbG8=${BEL} clipboard ${BIDI}gnp?
Hint: Hint ${ESC}]0;title${BEL} here ${ESC}[31m red
Follow-up: What would you ${ESC}[2J measure ${ESC}]0;x${BEL}?
EOF
cat >"$B/rubrics/evil.txt" <<EOF
Rubric: evil
Title: Evil ${ESC}]0;rubric${BEL} rubric
Time: 2m
Min-words: 5
Outline:
 1. Clarify ${ESC}[2J the goal.

Criterion: goal
Kind: keywords
Weight: 50
Label: The ${ESC}]0;label${BEL} goal
Pattern: \bgoals?\b
Feedback: Start ${ESC}[2J with ${ESC}]52;c;aGk=${BEL} the goal.

Criterion: users
Kind: keywords
Weight: 50
Label: Users ${C1}2J
Pattern: \busers?\b
Feedback: Say who ${ESC}]0;fb${BEL} the users are.
EOF
# A second bank whose file name and regex error carry escapes.
mkdir -p "$B/bad/questions"
printf 'Id: bad-one\nCategory: evil\nPrompt: x\nBogus%s]0;t%s: y\n' "$ESC" "$BEL" \
	>"$B/bad/questions/e${ESC}]0;name${BEL}.txt"
printf 'My goal is %s]0;ans%s to serve users %s[2J and %s 5 users \233 bad %s rev.\nThe goal is 40%% retention for users.\n' \
	"$ESC" "$BEL" "$ESC" "$C1" "$BIDI" >"$WORK/answer.txt"

# on_tty CMD...: run CMD on a pseudo-terminal, its output in $WORK/out.
if command -v script >/dev/null 2>&1; then
	on_tty() { PAGER=cat script -qec "$*" /dev/null >"$WORK/out" 2>&1 </dev/null; }
else
	on_tty() { sh -c "$*" >"$WORK/out" 2>&1 </dev/null; }
fi
# clean WHAT: fail if $WORK/out holds a C0 control (but tab, newline and
# the terminal's carriage return), DEL, a C1 control or a bidi override.
clean() {
	if LC_ALL=C grep -q "$(printf '[\001-\010\013\014\016-\037\177]')" "$WORK/out" ||
		LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$WORK/out" ||
		LC_ALL=C grep -q "$(printf '\342\200[\252-\256]')" "$WORK/out"; then
		cat -v "$WORK/out" >&2
		fail "$1: a raw control sequence reached the terminal"
	fi
}

P="$PM --bank $B"
for c in "check $B" "list" "show evil-one" "next --cram" \
	"score --question evil-one $WORK/answer.txt" \
	"answer --question evil-one $WORK/answer.txt" \
	"history" "review 1" "search goal" "search users" "stats"; do
	on_tty "$P $c"
	clean "$c"
done
# compare shows both answers and the bank's labels: as safe.
$P answer --question evil-one "$WORK/answer.txt" >/dev/null 2>&1 || fail 'a second answer'
on_tty "$P compare 1 2 --answers"
clean "compare --answers"
# They were shown, visibly: the reader sees what the bank tried.
on_tty "$P show evil-one"
grep_in "$WORK/out" '\^\[\]0;pwned\^G'
grep_in "$WORK/out" '<U\+009B>31m'
on_tty "$P review 1"
grep_in "$WORK/out" '\^\[\[2J'

# A broken bank file: its name and its text show visibly in the message.
on_tty "$PM --bank $B/bad check $B/bad"
clean "check of a bank with a hostile file name"
grep_in "$WORK/out" 'e\^\[\]0;name\^G\.txt'

# --json keeps the exact text (escaped as JSON requires).
$P score --json --question evil-one "$WORK/answer.txt" >"$WORK/json" ||
	fail "score --json"
jq -e '.score >= 0' "$WORK/json" >/dev/null || fail "score --json is not JSON"
grep -q '"The \\u001b\]0;label\\u0007 goal"' "$WORK/json" ||
	{ cat "$WORK/json" >&2; fail "score --json lost the rubric's ESC"; }
$P review --json 1 >"$WORK/json" || fail "review --json"
grep -q '\\u001b\]0;ans\\u0007' "$WORK/json" ||
	{ cat "$WORK/json" >&2; fail "review --json lost the answer's ESC"; }

# An imported history is as untrusted: export, import elsewhere, review.
$P export >"$WORK/export.jsonl" || fail "export"
P="$PM --db $WORK/other.db --bank $B"
$P import "$WORK/export.jsonl" >/dev/null || fail "import"
on_tty "$P review 1"
clean "review of an imported attempt"
grep_in "$WORK/out" '\^\[\]0;ans\^G'
on_tty "$P search goal"
clean "search of an imported attempt"
exit 0
