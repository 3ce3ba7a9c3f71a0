/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * store-import: an export read back into a database (store-import.c).
 * Errors as store.h says.
 */
#ifndef PMDRILL_STORE_IMPORT_H
#define PMDRILL_STORE_IMPORT_H

#include <stddef.h>
#include <stdio.h>

struct fsrs_params;
struct sb;
struct store;

/*
 * Import an export (either format, detected) from `in` in one
 * transaction, record by record: memory does not grow with the file.  An
 * attempt already present (same question, start time and answer hash) is
 * not added again; the cards of the questions touched are rebuilt by
 * replay.  A malformed record is STORE_EINVAL naming its line, and
 * nothing is imported.  progress (may be NULL) is called every 1,000
 * records.  While it runs, the connection's triggers may be off and its
 * page cache larger (the import does the triggers' work at the end,
 * docs/SCHEMA.md "Export format"); both are as before on return.
 */
typedef void store_progress_fn(size_t records, void *data);
int store_import(struct store *st, FILE *in, const struct fsrs_params *p,
		 store_progress_fn *progress, void *data, size_t *added,
		 size_t *skipped, struct sb *err);

#endif
