/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * diag: diagnostics with a place, a level and a code from one catalogue.
 *
 * Parsers and the scorer append to a caller-owned `struct diag_list` and
 * keep going, so one run reports every problem.  A diag owns copies of its
 * file name and message.  Lines and columns count from 1; 0 means "unknown"
 * and is left out when rendered.  Rendering is `FILE:LINE:COL: LEVEL: MSG`.
 * The zero-initialised list is empty and valid.
 */
#ifndef PMDRILL_DIAG_H
#define PMDRILL_DIAG_H

#include <stddef.h>

struct sb;

enum diag_level { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR };

/* Keep in step with the table in diag.c. */
enum diag_code {
	DIAG_E_READ,           /* cannot read a file or folder */
	DIAG_E_EMPTY,          /* file has no records */
	DIAG_E_BINARY,         /* NUL byte: not a text file */
	DIAG_E_TOO_LARGE,      /* file over the size limit */
	DIAG_E_UTF8,           /* invalid UTF-8 */
	DIAG_E_SYNTAX,         /* a line that is not 'Field: value' */
	DIAG_E_CONTINUATION,   /* continuation line before any field */
	DIAG_W_UNKNOWN_FIELD,  /* field this record kind does not know */
	DIAG_E_MISSING_FIELD,  /* required field absent */
	DIAG_E_REPEATED_FIELD, /* a field that may appear once appears twice */
	DIAG_E_EMPTY_VALUE,    /* required field with an empty value */
	DIAG_E_BAD_ID,         /* id or name not [a-z0-9][a-z0-9-]* */
	DIAG_E_DUPLICATE_ID,   /* question id (or rubric name) defined twice */
	DIAG_E_BAD_TIME,       /* Time not like 90s, 3m, 2m30s */
	DIAG_E_BAD_LEVEL,      /* Level not apm, pm, senior, tpm */
	DIAG_E_BAD_VALUE,      /* a number, range or keyword out of place */
	DIAG_E_UNKNOWN_RUBRIC, /* question names a rubric nothing defines */
	DIAG_E_REGEX,          /* pattern does not compile */
	DIAG_E_BAD_KIND,       /* criterion kind unknown */
	DIAG_W_MATCH_LIMIT,    /* pattern hit the match limit while scoring */
	DIAG_W_STYLE,          /* suspicious but legal content */
	DIAG_E_ANSWER,         /* an answer that cannot be scored */
	DIAG_W_SPECIAL, /* a FIFO, device or socket where a file was: skipped */
	DIAG_CODE_MAX
};

struct diag {
	char *file;
	unsigned line;
	unsigned col;
	enum diag_level level;
	enum diag_code code;
	char *msg;
};

struct diag_list {
	struct diag *v;
	size_t nr;
	size_t alloc;
};

void diag_add(struct diag_list *dl, enum diag_level level, enum diag_code code,
	      const char *file, unsigned line, unsigned col, const char *fmt,
	      ...) __attribute__((format(printf, 7, 8)));
size_t diag_count(const struct diag_list *dl, enum diag_level level);
/* Append "FILE:LINE:COL: LEVEL: MSG" (no newline) to out. */
void diag_format(const struct diag *d, struct sb *out);
/* The catalogue: a stable name ("unknown-field") and a default text. */
const char *diag_code_name(enum diag_code code);
const char *diag_code_text(enum diag_code code);
void diag_release(struct diag_list *dl);

#endif
