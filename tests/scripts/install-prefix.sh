#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `make install` and `make uninstall`: a staged install (DESTDIR) puts every
# file under the stage; an install to a PREFIX runs from anywhere and finds
# its bank through the compiled-in path; uninstall removes it all.
# Each build uses its own O= folder, so the main build is left alone.
. tests/scripts/lib.sh
command -v make >/dev/null 2>&1 && command -v cc >/dev/null 2>&1 ||
	{ echo 'make or cc not found: skipping'; exit 77; }
# Not the sanitizer flags of `make check`, nor its job server.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
mk() { make -s -C "$ROOT" -j2 CFLAGS=-O0 "$@" >"$WORK/make.log" 2>&1 ||
	{ tail -30 "$WORK/make.log" >&2; fail "make $*"; }; }
nq=$(ls "$ROOT"/questions/*.txt | wc -l)
nr=$(ls "$ROOT"/rubrics/*.txt | wc -l)

# 1. A staged install: every file under DESTDIR, nothing outside it.
ST=$WORK/inst
mk O="$WORK/obj-staged" PREFIX=/usr DESTDIR="$ST" install
[ -x "$ST/usr/bin/pmdrill" ] || fail 'no $DESTDIR/usr/bin/pmdrill'
[ "$(ls "$ST"/usr/share/pmdrill/questions/*.txt | wc -l)" -eq "$nq" ] || fail 'staged questions'
[ "$(ls "$ST"/usr/share/pmdrill/rubrics/*.txt | wc -l)" -eq "$nr" ] || fail 'staged rubrics'
if [ -f "$ROOT/pmdrill.1" ]; then
	[ -f "$ST/usr/share/man/man1/pmdrill.1" ] || fail 'staged man page'
fi
[ -f "$ST/usr/share/bash-completion/completions/pmdrill" ] || fail 'staged bash completion'
[ -f "$ST/usr/share/zsh/site-functions/_pmdrill" ] || fail 'staged zsh completion'
[ -z "$(find "$ST" -type f ! -path "$ST/usr/*")" ] || fail 'files outside $DESTDIR/usr'
grep -q /usr/share/pmdrill "$ST/usr/bin/pmdrill" || fail 'the staged binary does not look in /usr/share/pmdrill'
mk O="$WORK/obj-staged" PREFIX=/usr DESTDIR="$ST" uninstall
[ -z "$(find "$ST" -type f)" ] || { find "$ST" -type f >&2; fail 'uninstall left staged files'; }

# 2. An install to a prefix, run from elsewhere: the bank comes from
#    $PREFIX/share/pmdrill, not from the source tree.
P=$WORK/prefix
mk O="$WORK/obj" PREFIX="$P" install
[ -x "$P/bin/pmdrill" ] || fail 'no $PREFIX/bin/pmdrill'
want=$("$PM" list | wc -l)
(cd /tmp && "$P/bin/pmdrill" list) >"$WORK/list" 2>"$WORK/err" || { cat "$WORK/err" >&2; fail 'installed pmdrill list'; }
[ ! -s "$WORK/err" ] || { cat "$WORK/err" >&2; fail 'installed pmdrill list wrote to stderr'; }
[ "$(wc -l <"$WORK/list")" -eq "$want" ] || fail "installed pmdrill lists $(wc -l <"$WORK/list") questions, want $want"
grep_in "$WORK/list" '^metrics-'
(cd /tmp && "$P/bin/pmdrill" check) >"$WORK/out" 2>"$WORK/err" || { cat "$WORK/err" >&2; fail 'installed pmdrill check'; }
# Prove it reads the installed copy: a question added there shows up.
printf 'Id: zz-installed\nCategory: metrics\nPrompt: Only in the installed bank?\n' \
	>"$P/share/pmdrill/questions/zz-installed.txt"
(cd / && "$P/bin/pmdrill" list --category metrics) >"$WORK/list" 2>&1
grep_in "$WORK/list" '^zz-installed '
rm "$P/share/pmdrill/questions/zz-installed.txt"

# 2b. `make` then `make install PREFIX=DIR` (issue 13): the binary was
#     built for /usr/local, yet the installed one finds the installed bank.
P2=$WORK/prefix2
mk O="$WORK/obj-plain"
mk O="$WORK/obj-plain" PREFIX="$P2" install
(cd / && "$P2/bin/pmdrill" list) >"$WORK/list" 2>"$WORK/err" ||
	{ cat "$WORK/err" >&2; fail 'pmdrill built for /usr/local, installed to a PREFIX: list'; }
[ "$(wc -l <"$WORK/list")" -eq "$want" ] || fail "PREFIX install after plain make lists $(wc -l <"$WORK/list") questions, want $want"
printf 'Id: zz-installed\nCategory: metrics\nPrompt: Only in the installed bank?\n' \
	>"$P2/share/pmdrill/questions/zz-installed.txt"
(cd / && "$P2/bin/pmdrill" list --category metrics) >"$WORK/list" 2>&1
grep_in "$WORK/list" '^zz-installed '
# ... and with DESTDIR too: the staged binary finds the staged bank.
mk O="$WORK/obj-plain" PREFIX=/opt/pm DESTDIR="$WORK/stage2" install
(cd / && "$WORK/stage2/opt/pm/bin/pmdrill" list) >"$WORK/list" 2>"$WORK/err" ||
	{ cat "$WORK/err" >&2; fail 'staged binary list'; }
[ "$(wc -l <"$WORK/list")" -eq "$want" ] || fail 'staged binary does not find the staged bank'

# 3. uninstall removes the binary, the bank and the man page.
mk O="$WORK/obj" PREFIX="$P" uninstall
[ ! -e "$P/bin/pmdrill" ] || fail 'uninstall left the binary'
[ ! -e "$P/share/pmdrill" ] || fail 'uninstall left the bank'
[ ! -e "$P/share/man/man1/pmdrill.1" ] || fail 'uninstall left the man page'
[ -z "$(find "$P" -type f)" ] || { find "$P" -type f >&2; fail 'uninstall left files'; }
exit 0
