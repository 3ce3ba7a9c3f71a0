/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PCRE2 compilation with pmdrill's flags, and the LABEL = PATTERN syntax. */
#include "pattern.h"

#include <stdint.h>
#include <string.h>

#include <pcre2.h>

#include "diag.h"
#include "rec.h"

void pattern_free(pcre2_code *code)
{
	if (code)
		pcre2_code_free(code);
}

static pcre2_code *compile_with(const char *src, const char *file,
				unsigned line, unsigned col, int jit,
				uint32_t ucp, struct diag_list *dl)
{
	int err;
	PCRE2_SIZE off;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
					 PCRE2_CASELESS | PCRE2_UTF | ucp |
						 PCRE2_MATCH_INVALID_UTF,
					 &err, &off, NULL);
	if (!code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof(msg));
		diag_add(dl, DIAG_ERROR, DIAG_E_REGEX, file, line,
			 col + (unsigned)utf8_count(src, off),
			 "bad pattern: %s (at offset %zu of '%s')", (char *)msg,
			 (size_t)off, src);
		return NULL;
	}
	if (jit)
		(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	return code;
}

pcre2_code *pattern_compile(const char *src, const char *file, unsigned line,
			    unsigned col, int jit, struct diag_list *dl)
{
	return compile_with(src, file, line, col, jit, PCRE2_UCP, dl);
}

static int is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

pcre2_code *pattern_compile_ascii(const char *src, const char *file,
				  unsigned line, unsigned col, int jit,
				  struct diag_list *dl)
{
	if (!is_ascii(src))
		return NULL;
	return compile_with(src, file, line, col, jit, 0, dl);
}

int split_labelled(const char *s, size_t *label_len, size_t *pat_off)
{
	const char *eq = strstr(s, " = ");
	size_t l;
	if (!eq)
		return -1;
	l = (size_t)(eq - s);
	while (l && (s[l - 1] == ' ' || s[l - 1] == '\t'))
		l--;
	*label_len = l;
	*pat_off = (size_t)(eq - s) + 3;
	while (s[*pat_off] == ' ' || s[*pat_off] == '\t')
		(*pat_off)++;
	if (!l || !s[*pat_off])
		return -1;
	return 0;
}
