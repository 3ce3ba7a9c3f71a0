/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * safe: make untrusted text harmless for a terminal or an HTML page.
 *
 * Everything pmdrill did not write itself (bank files, answers, imported
 * histories, search snippets) passes through one of these before it is
 * printed.  safe_term() copies valid, printable UTF-8 as it is and shows
 * everything else visibly, so no byte of the input can move the cursor,
 * set the window title (OSC 0), write the clipboard (OSC 52), clear the
 * screen or switch character sets:
 *
 *   C0 controls and DEL    caret notation: ESC -> "^[", BEL -> "^G", DEL -> "^?"
 *                          (newline and tab are kept when the flags say so,
 *                          a tab otherwise becomes one space)
 *   C1 controls U+0080-9F  "<U+009B>"
 *   bidi overrides and     "<U+202E>" (they reorder what follows on screen)
 *   isolates, U+2028/2029
 *   invalid UTF-8          U+FFFD, one per bad byte (overlong forms,
 *                          surrogates and code points past U+10FFFF too)
 *
 * safe_html() escapes & < > " ' as entities and applies the same rules
 * (controls shown as caret text, invalid UTF-8 replaced), so a hostile
 * answer cannot inject markup or break the page's encoding.
 *
 * safe_is_clean() tells whether safe_term() would copy s unchanged, so the
 * common case costs one scan.  Pure: appends to a caller-owned sb.
 */
#ifndef PMDRILL_SAFE_H
#define PMDRILL_SAFE_H

#include <stddef.h>

struct sb;

enum {
	SAFE_KEEP_NEWLINE = 1u << 0, /* copy '\n' (else shown as "^J") */
	SAFE_KEEP_TAB = 1u << 1,     /* copy '\t' (else one space) */
};

void safe_term(struct sb *out, const char *s, size_t n, unsigned flags);
void safe_html(struct sb *out, const char *s, size_t n);
int safe_is_clean(const char *s, size_t n, unsigned flags);
/* A NUL-terminated convenience: safe_term(out, s, strlen(s), flags). */
void safe_terms(struct sb *out, const char *s, unsigned flags);

#endif
