/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * xalloc: allocation that never returns NULL.
 *
 * Running out of memory is the one failure the core does not report to its
 * caller: these functions print a message and abort(), as git's xmalloc and
 * mandoc's mandoc_malloc do.  Everything they return belongs to the caller
 * and is released with free().
 *
 * ALLOC_GROW(v, nr, alloc) makes room for at least `nr` elements in the
 * array `v` whose capacity is `alloc`; it is the one growable-array helper
 * of the project.
 */
#ifndef PMDRILL_XALLOC_H
#define PMDRILL_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grow an array to hold `want` elements of `size` bytes; *alloc updated. */
void *xgrow(void *v, size_t size, size_t want, size_t *alloc);

#define ALLOC_GROW(v, nr, alloc) \
	((v) = xgrow((v), sizeof(*(v)), (nr), &(alloc)))

#endif
