/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * drill-complete: what Tab completes at the home prompt and in `add`
 * (the session's complete_mode says which list), and the growable string
 * list the completions and `add` build.  Internal to the drill (drill.h).
 */
#ifndef PMDRILL_DRILL_COMPLETE_H
#define PMDRILL_DRILL_COMPLETE_H

#include <stddef.h>

/* A growable NULL-terminated list of strings (completion, add). */
struct strv {
	char **v;
	size_t nr, alloc;
};

void strv_push(struct strv *sv, const char *s);
void strv_uniq(struct strv *sv);

/* The repl completer (repl_set_completer()); data is the struct session. */
char **drill_complete(const char *line, int start, int end, void *data);

#endif
