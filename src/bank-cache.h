/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bank-cache: the parsed bank kept in $XDG_CACHE_HOME/pmdrill/ between
 * runs, so a start reads one file instead of parsing every bank file.
 *
 * bank_cache_load() does what bank_load_dirs() and bank_validate() do
 * together, with the same bank and the same diagnostics in `dl`, but
 * takes them from the cache when it is fresh: the same folders in the
 * same order, the same *.txt names in each, and every file with the
 * same size, times, inode and device, or else the same content hash
 * (a file touched but not changed is re-stamped, not parsed).  A file
 * changed less than BANK_CACHE_RACY_NS before the cache was written is
 * always re-hashed, since its time may not tell a later edit apart.
 * Anything else (no cache, a stale, corrupt or foreign one, a read
 * error) parses the files and rewrites the cache atomically (a
 * temporary file renamed over it).  A cache folder that cannot be made
 * or written is silently not used.  $PMDRILL_NO_CACHE (non-empty, not
 * "0") turns the cache off.  Banks with a file that could not be read
 * (a FIFO, a device, a read error) are not cached.  Writing a cache
 * removes all but the BANK_CACHE_KEEP newest.  docs/FORMATS.md describes
 * the file.
 */
#ifndef PMDRILL_BANK_CACHE_H
#define PMDRILL_BANK_CACHE_H

#include <stddef.h>

struct bank;
struct diag_list;

#define BANK_CACHE_RACY_NS (3LL * 1000000000LL)
/* Caches kept in the folder (the newest written); older ones are
 * removed when a cache is written. */
#define BANK_CACHE_KEEP 8

/* *map, *maplen: the mapped cache the bank's questions point into (NULL
 * when the bank was parsed); unmap it after bank_release().  With
 * `partial`, a bank from the cache is decoded without the questions'
 * Expect lines (b->partial, core/bankcache.h); a cache that wants its
 * stamps rewritten is decoded whole for the writing, once.  A bank
 * parsed from the files is always whole. */
void bank_cache_load(struct bank *b, char *const *dirs, size_t ndirs,
		     struct diag_list *dl, void **map, size_t *maplen,
		     int partial);
void bank_cache_unmap(void *map, size_t len);

#endif
