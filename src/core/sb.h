/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sb: a growable, always NUL-terminated byte string.
 *
 * Invariants: after SB_INIT or sb_init(), `buf` is never NULL and
 * buf[len] == '\0'; `buf` may hold NUL bytes before `len`.  A zero-capacity
 * sb points at a shared read-only empty string, so a fresh sb costs no
 * allocation.  The sb owns `buf` until sb_detach() hands it to the caller
 * (who then frees it with free()).  sb_release() frees and re-initialises.
 * Allocation failure aborts (see xalloc.h).
 */
#ifndef PMDRILL_SB_H
#define PMDRILL_SB_H

#include <stdarg.h>
#include <stddef.h>

struct sb {
	char *buf;
	size_t len;
	size_t cap;
};

extern char sb_empty_[];
#define SB_INIT                 \
	{                       \
		sb_empty_, 0, 0 \
	}

void sb_init(struct sb *sb);
void sb_release(struct sb *sb);
void sb_reset(struct sb *sb);
/* Make room for `extra` more bytes. */
void sb_grow(struct sb *sb, size_t extra);
void sb_add(struct sb *sb, const void *data, size_t n);
void sb_adds(struct sb *sb, const char *s);
void sb_addc(struct sb *sb, char c);
void sb_addf(struct sb *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vaddf(struct sb *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Shorten to `len` bytes (len <= sb->len). */
void sb_setlen(struct sb *sb, size_t len);
/* Drop trailing ASCII white space. */
void sb_rtrim(struct sb *sb);
/* A new heap string from a format (git's xstrfmt); caller frees. */
char *xstrvfmt(const char *fmt, va_list ap)
	__attribute__((format(printf, 1, 0)));
/* Hand the buffer to the caller (always heap memory); the sb is reset. */
char *sb_detach(struct sb *sb, size_t *len);

#endif
