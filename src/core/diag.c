/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Implementation of warning and error messages for pmdrill. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "safe.h"
#include "sb.h"
#include "xalloc.h"

static const struct {
	const char *name;
	const char *text;
} catalogue[DIAG_CODE_MAX] = {
	[DIAG_E_READ] = {"read", "cannot read file or folder"},
	[DIAG_E_EMPTY] = {"empty", "file holds no records"},
	[DIAG_E_BINARY] = {"binary", "not a text file"},
	[DIAG_E_TOO_LARGE] = {"too-large", "file is over the size limit"},
	[DIAG_E_UTF8] = {"utf8", "invalid UTF-8"},
	[DIAG_E_SYNTAX] = {"syntax", "expected 'Field: value'"},
	[DIAG_E_CONTINUATION] = {"continuation",
				 "continuation line before any field"},
	[DIAG_W_UNKNOWN_FIELD] = {"unknown-field", "unknown field"},
	[DIAG_E_MISSING_FIELD] = {"missing-field", "required field missing"},
	[DIAG_E_REPEATED_FIELD] = {"repeated-field",
				   "field may appear only once"},
	[DIAG_E_EMPTY_VALUE] = {"empty-value", "field has an empty value"},
	[DIAG_E_BAD_ID] = {"bad-id", "id must match [a-z0-9][a-z0-9-]*"},
	[DIAG_E_DUPLICATE_ID] = {"duplicate-id", "id defined twice"},
	[DIAG_E_BAD_TIME] = {"bad-time",
			     "time must look like 90s, 3m or 2m30s"},
	[DIAG_E_BAD_LEVEL] = {"bad-level",
			      "level must be apm, pm, senior or tpm"},
	[DIAG_E_BAD_VALUE] = {"bad-value", "value out of place"},
	[DIAG_E_UNKNOWN_RUBRIC] = {"unknown-rubric", "no rubric of that name"},
	[DIAG_E_REGEX] = {"regex", "pattern does not compile"},
	[DIAG_E_BAD_KIND] = {"bad-kind", "unknown criterion kind"},
	[DIAG_W_MATCH_LIMIT] = {"match-limit", "pattern hit the match limit"},
	[DIAG_W_STYLE] = {"style", "suspicious content"},
	[DIAG_E_ANSWER] = {"answer", "answer cannot be scored"},
	[DIAG_W_SPECIAL] = {"special-file", "not a regular file: skipped"},
};

void diag_add(struct diag_list *dl, enum diag_level level, enum diag_code code,
	      const char *file, unsigned line, unsigned col, const char *fmt,
	      ...)
{
	struct diag *d;
	va_list ap;

	ALLOC_GROW(dl->v, dl->nr + 1, dl->alloc);
	d = &dl->v[dl->nr++];
	d->file = file ? xstrdup(file) : NULL;
	d->line = line;
	d->col = col;
	d->level = level;
	d->code = code;
	va_start(ap, fmt);
	d->msg = xstrvfmt(fmt, ap);
	va_end(ap);
}

size_t diag_count(const struct diag_list *dl, enum diag_level level)
{
	size_t i, n = 0;
	for (i = 0; i < dl->nr; i++)
		if (dl->v[i].level == level)
			n++;
	return n;
}

void diag_format(const struct diag *d, struct sb *out)
{
	static const char *const levels[] = {"note", "warning", "error"};
	if (d->file) {
		safe_terms(out, d->file, 0);
		if (d->line) {
			sb_addf(out, ":%u", d->line);
			if (d->col)
				sb_addf(out, ":%u", d->col);
		}
		sb_adds(out, ": ");
	}
	sb_addf(out, "%s: ", levels[d->level]);
	safe_terms(out, d->msg, 0);
}

const char *diag_code_name(enum diag_code code)
{
	return code < DIAG_CODE_MAX ? catalogue[code].name : "?";
}

const char *diag_code_text(enum diag_code code)
{
	return code < DIAG_CODE_MAX ? catalogue[code].text : "?";
}

void diag_release(struct diag_list *dl)
{
	size_t i;
	for (i = 0; i < dl->nr; i++) {
		free(dl->v[i].file);
		free(dl->v[i].msg);
	}
	free(dl->v);
	dl->v = NULL;
	dl->nr = dl->alloc = 0;
}
