/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for diag: rendering, counts and the code catalogue. */
#include "diag.h"

#include <string.h>

#include "sb.h"
#include "tap.h"

static struct sb out = SB_INIT;

static const char *fmt(const struct diag *d)
{
	sb_reset(&out);
	diag_format(d, &out);
	return out.buf;
}

static void test_format(void)
{
	struct diag_list dl = {0};
	char file[] = "rubrics/metrics.txt";
	is_int(dl.nr, 0, "a zero list is empty");
	diag_add(&dl, DIAG_ERROR, DIAG_W_UNKNOWN_FIELD, file, 14, 23,
		 "unknown field '%s'", "wieght");
	file[0] = 'X'; /* the diag must own a copy */
	is_str(fmt(&dl.v[0]),
	       "rubrics/metrics.txt:14:23: error: unknown field 'wieght'",
	       "FILE:LINE:COL: level: message");
	diag_add(&dl, DIAG_WARNING, DIAG_W_MATCH_LIMIT, "r.txt", 7, 0,
		 "gave up");
	is_str(fmt(&dl.v[1]), "r.txt:7: warning: gave up",
	       "column 0 is left out");
	diag_add(&dl, DIAG_NOTE, DIAG_E_READ, "q.txt", 0, 5, "n %d", 1);
	is_str(fmt(&dl.v[2]), "q.txt: note: n 1",
	       "line 0 leaves out line and column");
	diag_add(&dl, DIAG_ERROR, DIAG_E_ANSWER, NULL, 3, 4, "no file");
	is_str(fmt(&dl.v[3]), "error: no file",
	       "no file: just level and message");
	diag_add(&dl, DIAG_ERROR, DIAG_E_REGEX, "a:b.txt", 1, 1, "%s%%", "100");
	is_str(fmt(&dl.v[4]), "a:b.txt:1:1: error: 100%",
	       "printf-style message");
	is_int(dl.v[0].code, DIAG_W_UNKNOWN_FIELD, "the code is kept");
	is_int(dl.v[0].line, 14, "the line is kept");
	is_int(dl.v[0].col, 23, "the column is kept");

	sb_reset(&out);
	sb_adds(&out, "pmdrill: ");
	diag_format(&dl.v[1], &out);
	is_str(out.buf, "pmdrill: r.txt:7: warning: gave up",
	       "diag_format appends");

	is_int(diag_count(&dl, DIAG_ERROR), 3, "count errors");
	is_int(diag_count(&dl, DIAG_WARNING), 1, "count warnings");
	is_int(diag_count(&dl, DIAG_NOTE), 1, "count notes");
	diag_release(&dl);
	is_int(dl.nr, 0, "release empties the list");
	is_int(diag_count(&dl, DIAG_ERROR), 0, "an empty list counts 0");
	diag_add(&dl, DIAG_ERROR, DIAG_E_EMPTY, "x", 1, 1, "again");
	is_int(dl.nr, 1, "the list is usable after release");
	diag_release(&dl);
}

static void test_catalogue(void)
{
	int i, j, dup = 0, bad = 0;
	for (i = 0; i < DIAG_CODE_MAX; i++) {
		const char *n = diag_code_name((enum diag_code)i);
		const char *t = diag_code_text((enum diag_code)i);
		const char *p;
		if (!n || !*n || !t || !*t) {
			bad++;
			continue;
		}
		for (p = n; *p; p++)
			if (!((*p >= 'a' && *p <= 'z') ||
			      (*p >= '0' && *p <= '9') || *p == '-'))
				bad++;
		for (j = 0; j < i; j++)
			if (!strcmp(n, diag_code_name((enum diag_code)j)))
				dup++;
	}
	is_int(bad, 0, "every code has a lower-case name and a text");
	is_int(dup, 0, "code names are unique");
	is_str(diag_code_name(DIAG_E_REGEX), "regex", "a known name");
	is_str(diag_code_name(DIAG_W_UNKNOWN_FIELD), "unknown-field",
	       "a hyphenated name");
	is_str(diag_code_name(DIAG_CODE_MAX), "?", "out of range name");
	is_str(diag_code_text(DIAG_CODE_MAX), "?", "out of range text");
}

int main(void)
{
	test_format();
	test_catalogue();
	sb_release(&out);
	return done_testing();
}
