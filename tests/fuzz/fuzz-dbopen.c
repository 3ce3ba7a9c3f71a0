/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target: a database file pmdrill did not write (another
 * program's SQLite file, a damaged one, garbage) opened the way reading
 * commands open it, then read as `history` and `stats` read it.  It must
 * be refused or read with a message, never crash; and a refused file is
 * never changed.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sb.h"
#include "store.h"
#include "store-read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/pmdrill-fuzz-db.XXXXXX";
	struct store *st = NULL;
	struct sb err = SB_INIT;
	int fd = mkstemp(path);
	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		unlink(path);
		return 0;
	}
	close(fd);
	if (!store_open(&st, path, STORE_OPEN_READ, &err)) {
		struct store_stats s;
		struct store_attempt *v = NULL;
		struct store_filter f;
		size_t n = 0;
		memset(&s, 0, sizeof(s));
		memset(&f, 0, sizeof(f));
		f.limit = 20;
		if (!store_stats(st, 0, &s, &err))
			store_stats_release(&s);
		if (!store_list_attempts(st, &f, &v, &n, &err))
			store_attempts_free(v, n);
		store_close(st);
	} else if (!err.len) {
		abort(); /* a refusal must say why */
	}
	sb_release(&err);
	unlink(path);
	{
		char side[64];
		snprintf(side, sizeof(side), "%s-wal", path);
		unlink(side);
		snprintf(side, sizeof(side), "%s-shm", path);
		unlink(side);
	}
	return 0;
}
