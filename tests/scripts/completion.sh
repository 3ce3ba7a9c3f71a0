# SPDX-License-Identifier: GPL-3.0-or-later
# Shell completion: completions/pmdrill.bash, sourced in bash -c, fills
# COMPREPLY with commands, options and their values, question ids,
# categories, tags and attempt ids from the binary under test; the zsh
# function parses (zsh -n) when zsh is installed.
. "$(dirname "$0")/lib.sh"
command -v bash >/dev/null 2>&1 || skip 'no bash'
printf 'We would prioritise by impact and effort.\n' >"$WORK/ans.txt"
"$PM" answer --question ana-dau-30-days --time 60 "$WORK/ans.txt" >/dev/null 2>&1 ||
	fail 'answer: could not store an attempt'

# comp WANT WORD...: completing the last WORD (after "pmdrill") gives
# exactly WANT, the sorted replies joined by spaces.
comp() {
	want=$1; shift
	got=$(bash -c '
		. "$1/completions/pmdrill.bash" || exit 1
		pm=$2
		shift 2
		COMP_WORDS=("$pm" "$@")
		COMP_CWORD=$#
		COMP_LINE="pmdrill $*"
		COMP_POINT=${#COMP_LINE}
		_pmdrill
		printf "%s\n" "${COMPREPLY[@]}" | sed "/^\$/d" | sort | tr "\n" " "
	' bash "$ROOT" "$PM" "$@")
	got=${got% }
	[ "$got" = "$want" ] || fail "pmdrill $*<TAB>: got '$got', want '$want'"
}

comp 'history' hi
comp 'score search show srs stats' s
comp 'drill' dr
comp '--bank --color= --db --help --version' --
comp '--color=always' --color=al
comp 'list' --db "$PMDRILL_DB" li
comp '--category --count --cram' drill --c
comp '--limit' history --l
comp '--json' stats --j
comp 'csv' export --format c
comp 'senior' list --level s
comp 'prioritization' list --category pri
comp 'prioritization' --bank "$ROOT" next --category pri
comp 'ana-dau-30-days' show ana-dau
comp 'ana-dau-30-days' answer --question ana-dau-3
comp 'sql' list --tag sq
comp '1' review ''
comp 'easy' grade 1 e
comp '--undo' grade 1 --u
comp 'desired-retention' config des
comp 'params replay' srs ''
comp 'history' help hi
comp 'mock' mo
comp '--minutes' mock --m
comp '--category' mock --c
comp 'prioritization' mock --category pri
comp '--help --html' report --
comp '--mock' history --m
comp '--full --help --json --mock' review --
printf ':quit\n' | "$PM" mock --questions 1 >/dev/null 2>&1 || fail 'mock: could not start a set'
comp '1' review --mock ''
comp '' show ana-dau-30-days ''

if command -v zsh >/dev/null 2>&1; then
	zsh -n "$ROOT/completions/_pmdrill" || fail 'completions/_pmdrill does not parse'
fi
exit 0
