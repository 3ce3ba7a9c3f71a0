# SPDX-License-Identifier: GPL-3.0-or-later
# bash completion for pmdrill(1): commands, their options, question ids,
# categories, tags, levels, rubrics, attempt ids and mock interview ids.
#
# Question ids, categories and tags come from 'pmdrill list' (the first
# and second columns: no command prints bare ids) and 'pmdrill list
# --json' (tags and rubric names); attempt ids from
# the first column of 'pmdrill history'.  --db and --bank given before the
# command are passed on to those calls, so they see the same banks and
# database.  Install as
# $(datadir)/bash-completion/completions/pmdrill, or source it.

_pmdrill_commands='drill mock check list show score answer next history review search stats report grade export import config srs help'

# The global options already on the line, for the listing calls.
_pmdrill_globals()
{
	local i w
	_pmdrill_g=()
	for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		--db | --bank)
			_pmdrill_g+=("$w" "${COMP_WORDS[i + 1]}")
			((i++))
			;;
		--db=* | --bank=*) _pmdrill_g+=("$w") ;;
		-*) ;;
		*) return ;;
		esac
	done
}

_pmdrill_run()
{
	"${COMP_WORDS[0]}" "${_pmdrill_g[@]}" "$@" 2>/dev/null
}

_pmdrill_ids() { _pmdrill_run list | awk 'NF { print $1 }'; }
_pmdrill_categories() { _pmdrill_run list | awk 'NF { print $2 }' | sort -u; }
_pmdrill_rubrics()
{
	_pmdrill_run list --json | grep -o '"rubric":"[^"]*"' | sed 's/^"rubric":"//; s/"$//' | sort -u
}
_pmdrill_tags()
{
	_pmdrill_run list --json | grep -o '"tags":\[[^]]*\]' |
		sed 's/^"tags":\[//; s/\]$//' | tr ',' '\n' | tr -d '"' | sed '/^$/d' | sort -u
}
_pmdrill_attempts() { _pmdrill_run history --limit 50 | awk '$1 ~ /^[0-9]+$/ { print $1 }'; }
_pmdrill_sessions() { _pmdrill_run history --mock | awk '$1 ~ /^[0-9]+$/ { print $1 }'; }

# _pmdrill_value OPT: complete the value of option OPT; 1 if it takes none.
_pmdrill_value()
{
	local cur=$1
	case $2 in
	--category) COMPREPLY=($(compgen -W "$(_pmdrill_categories)" -- "$cur")) ;;
	--tag) COMPREPLY=($(compgen -W "$(_pmdrill_tags)" -- "$cur")) ;;
	--level) COMPREPLY=($(compgen -W 'apm pm senior tpm' -- "$cur")) ;;
	--question) COMPREPLY=($(compgen -W "$(_pmdrill_ids)" -- "$cur")) ;;
	--rubric) COMPREPLY=($(compgen -W "$(_pmdrill_rubrics)" -- "$cur")) ;;
	--grade) COMPREPLY=($(compgen -W 'again hard good easy 1 2 3 4' -- "$cur")) ;;
	--format) COMPREPLY=($(compgen -W 'json csv' -- "$cur")) ;;
	--color) COMPREPLY=($(compgen -W 'auto always never' -- "$cur")) ;;
	--db | --bank | --html) COMPREPLY=($(compgen -f -- "$cur")) ;;
	--questions | --minutes) COMPREPLY=() ;;
	--count | --time | --limit | --since | --followup | --prompt | --retention) COMPREPLY=() ;;
	*) return 1 ;;
	esac
	return 0
}

_pmdrill()
{
	local cur prev cmd i j w opts words_after=0
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	_pmdrill_globals

	# The command: the first word that is neither an option nor a value.
	cmd=
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		--db | --bank | --color) ((i++)) ;;
		-*) ;;
		*)
			cmd=$w
			break
			;;
		esac
	done

	if [[ -z $cmd ]]; then
		if [[ $cur == --color=* ]]; then
			COMPREPLY=($(compgen -P '--color=' -W 'auto always never' -- "${cur#--color=}"))
		elif _pmdrill_value "$cur" "$prev"; then
			:
		elif [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--db --bank --color= --help --version' -- "$cur"))
			[[ ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
		else
			COMPREPLY=($(compgen -W "$_pmdrill_commands" -- "$cur"))
		fi
		return 0
	fi
	# Words after the command that are not options: positional arguments.
	for ((j = i + 1; j < COMP_CWORD; j++)); do
		case ${COMP_WORDS[j]} in
		-*) ;;
		*) case ${COMP_WORDS[j - 1]} in
			--category | --tag | --level | --question | --rubric | --grade | --format | \
				--count | --time | --limit | --since | --followup | --prompt | --retention | \
				--questions | --minutes | --html) ;;
			*) ((words_after++)) ;;
			esac ;;
		esac
	done

	_pmdrill_value "$cur" "$prev" && return 0

	case $cmd in
	drill) opts='--category --tag --level --count --cram' ;;
	mock) opts='--questions --category --minutes --level' ;;
	report) opts='--html' ;;
	check) opts='--list-codes' ;;
	list) opts='--category --tag --level --json' ;;
	show) opts='--json' ;;
	score) opts='--question --rubric --prompt --category --followup --time --full --json' ;;
	answer) opts='--question --time --grade' ;;
	next) opts='--category --tag --level --count --cram --json' ;;
	history) opts='--question --since --limit --mock --json' ;;
	review) opts='--full --mock --json' ;;
	search) opts='--limit' ;;
	stats) opts='--json' ;;
	grade) opts='--undo' ;;
	export) opts='--format' ;;
	srs) opts='--retention' ;;
	*) opts= ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
		return 0
	fi
	case $cmd in
	show) ((words_after == 0)) && COMPREPLY=($(compgen -W "$(_pmdrill_ids)" -- "$cur")) ;;
	review)
		if ((words_after == 0)) && [[ " ${COMP_WORDS[*]:0:COMP_CWORD} " == *" --mock "* ]]; then
			COMPREPLY=($(compgen -W "$(_pmdrill_sessions)" -- "$cur"))
		elif ((words_after == 0)); then
			COMPREPLY=($(compgen -W "$(_pmdrill_attempts)" -- "$cur"))
		fi
		;;
	grade)
		if ((words_after == 0)); then
			COMPREPLY=($(compgen -W "$(_pmdrill_attempts)" -- "$cur"))
		elif ((words_after == 1)); then
			COMPREPLY=($(compgen -W 'again hard good easy 1 2 3 4' -- "$cur"))
		fi
		;;
	help) ((words_after == 0)) && COMPREPLY=($(compgen -W "$_pmdrill_commands" -- "$cur")) ;;
	config)
		((words_after == 0)) &&
			COMPREPLY=($(compgen -W 'desired-retention new-per-day maximum-interval' -- "$cur"))
		;;
	srs)
		if ((words_after == 0)); then
			COMPREPLY=($(compgen -W 'replay params' -- "$cur"))
		else
			COMPREPLY=($(compgen -f -- "$cur"))
		fi
		;;
	check | score | answer | export | import) COMPREPLY=($(compgen -f -- "$cur")) ;;
	esac
	return 0
}

complete -F _pmdrill pmdrill
