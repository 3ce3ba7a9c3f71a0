/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target: `pmdrill import` of an untrusted export (JSON lines
 * or CSV) into an in-memory database, record by record as the command
 * streams it.  Every input must end in success or STORE_EINVAL with a
 * message, never a crash, a leak or a half-done transaction.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fsrs.h"
#include "sb.h"
#include "store.h"
#include "store-import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct store *st = NULL;
	struct sb err = SB_INIT;
	struct fsrs_params p;
	size_t added = 0, skipped = 0;
	FILE *in;
	int rc;

	if (!size)
		return 0;
	in = fmemopen((void *)data, size, "rb");
	if (!in)
		return 0;
	fsrs_params_default(&p);
	if (!store_open(&st, ":memory:", STORE_OPEN_CREATE, &err)) {
		rc = store_import(st, in, &p, NULL, NULL, &added, &skipped,
				  &err);
		if (rc && !err.len)
			abort(); /* a failure must say what happened */
		/* the same file again adds nothing */
		if (!rc) {
			size_t a2 = 0, s2 = 0;
			rewind(in);
			sb_reset(&err);
			if (!store_import(st, in, &p, NULL, NULL, &a2, &s2,
					  &err) &&
			    a2)
				abort();
		}
	}
	store_close(st);
	fclose(in);
	sb_release(&err);
	return 0;
}
