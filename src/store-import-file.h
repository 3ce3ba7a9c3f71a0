/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * store-import-file: reading an import file record by record
 * (store-import-file.c), inside the store only.  ireader_next() gives one
 * record at a time, JSON line or CSV row, as the export's fields
 * (store-int.h F_*); check_record() checks its fields, fills in a missing
 * answer hash and reads the "session" field, naming the line of anything
 * wrong in `err`.  Memory stays flat in the file's size.
 */
#ifndef PMDRILL_STORE_IMPORT_FILE_H
#define PMDRILL_STORE_IMPORT_FILE_H

#include <stddef.h>
#include <stdio.h>

#include "sb.h"
#include "store-int.h"

/* One imported record: each field NULL (absent/null) or its text. */
struct irec {
	char *v[F_COUNT];
	size_t len[F_COUNT];
	unsigned line;
	int skip;
	long long new_id;
	long long started; /* started_at, read by check_record() */
	/* the "session" field, checked: the exporting database's id (0
	 * none) and the row to create for it */
	long long session_src, session_start, session_end;
	char *session_kind, *session_settings;
};

/*
 * The input, read one record at a time so that memory stays flat however
 * large the file: JSON lines, or CSV whose quoted cells may span lines.
 */
struct ireader {
	FILE *in;
	struct sb buf;  /* the current record's text */
	char *line_buf; /* getline()'s buffer */
	size_t line_alloc;
	unsigned line; /* the next physical line's number */
	int csv;       /* 1 after a CSV header */
	size_t ncols;
	int map[F_COUNT + 1];
	struct sb cells[F_COUNT + 1];
	int eof;
};

void irec_release(struct irec *r);
int ireader_start(struct ireader *r, FILE *in, struct sb *err);
int ireader_next(struct ireader *r, struct irec *rec, struct sb *err);
void ireader_release(struct ireader *r);
int rec_bool(const struct irec *r, int k);
int rec_grade(const struct irec *r, int k);
int rec_time(const struct irec *r, int k, long long *out);
int rec_ll(const struct irec *r, int k, long long *out);
int check_record(struct irec *r, struct sb *err);

#endif
