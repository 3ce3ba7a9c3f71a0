/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pattern: how pmdrill writes and compiles its PCRE2 patterns, for both
 * question Expect lines and rubric criteria.
 *
 * pattern_compile() compiles a source caseless, UTF and UCP, JIT when asked
 * (the interpreter is the fallback either way); on failure it reports at
 * the file column of the offending character with PCRE2's own message and
 * returns NULL.  pattern_compile_ascii() is the same pattern without
 * Unicode properties, for an ASCII-only source (else it returns NULL
 * without a diagnostic).  The caller owns the code and frees it with
 * pattern_free(), which takes NULL.  split_labelled() parses the
 * `LABEL = PATTERN` value of Stage and Expect lines.  No state, no I/O.
 */
#ifndef PMDRILL_PATTERN_H
#define PMDRILL_PATTERN_H

#include <stddef.h>

struct diag_list;
struct pcre2_real_code_8;

struct pcre2_real_code_8 *pattern_compile(const char *src, const char *file,
					  unsigned line, unsigned col, int jit,
					  struct diag_list *dl);
struct pcre2_real_code_8 *pattern_compile_ascii(const char *src,
						const char *file, unsigned line,
						unsigned col, int jit,
						struct diag_list *dl);
void pattern_free(struct pcre2_real_code_8 *code);
/* Split "LABEL = PATTERN" at the first " = "; 0 on success. */
int split_labelled(const char *s, size_t *label_len, size_t *pat_off);

#endif
