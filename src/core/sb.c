/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A growable string buffer in the spirit of git's strbuf. */
#include "sb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

char sb_empty_[1];

void sb_init(struct sb *sb)
{
	sb->buf = sb_empty_;
	sb->len = 0;
	sb->cap = 0;
}

void sb_release(struct sb *sb)
{
	if (sb->cap)
		free(sb->buf);
	sb_init(sb);
}

void sb_reset(struct sb *sb)
{
	if (sb->cap) {
		sb->len = 0;
		sb->buf[0] = '\0';
	}
}

void sb_grow(struct sb *sb, size_t extra)
{
	size_t want = sb->len + extra + 1;
	if (want <= sb->cap)
		return;
	if (!sb->cap) {
		sb->buf = NULL;
	}
	sb->buf = xgrow(sb->buf, 1, want, &sb->cap);
	if (sb->len == 0)
		sb->buf[0] = '\0';
}

void sb_add(struct sb *sb, const void *data, size_t n)
{
	sb_grow(sb, n);
	if (n)
		memcpy(sb->buf + sb->len, data, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_adds(struct sb *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_addc(struct sb *sb, char c)
{
	sb_add(sb, &c, 1);
}

void sb_vaddf(struct sb *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;
	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n <= 0)
		return;
	sb_grow(sb, (size_t)n);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void sb_addf(struct sb *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(sb, fmt, ap);
	va_end(ap);
}

void sb_setlen(struct sb *sb, size_t len)
{
	if (!sb->cap)
		return;
	if (len > sb->len)
		len = sb->len;
	sb->len = len;
	sb->buf[len] = '\0';
}

void sb_rtrim(struct sb *sb)
{
	size_t n = sb->len;
	while (n && (sb->buf[n - 1] == ' ' || sb->buf[n - 1] == '\t' ||
		     sb->buf[n - 1] == '\n' || sb->buf[n - 1] == '\r'))
		n--;
	sb_setlen(sb, n);
}

char *sb_detach(struct sb *sb, size_t *len)
{
	char *p;
	if (!sb->cap)
		sb_grow(sb, 0);
	p = sb->buf;
	if (len)
		*len = sb->len;
	sb_init(sb);
	return p;
}

char *xstrvfmt(const char *fmt, va_list ap)
{
	struct sb b = SB_INIT;
	sb_vaddf(&b, fmt, ap);
	return sb_detach(&b, NULL);
}
