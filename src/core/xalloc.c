/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Allocation wrappers that abort on exhaustion. */
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void oom(void)
{
	static const char msg[] = "pmdrill: out of memory\n";
	/* write(2), not stdio: the core does no buffered I/O, and this path
	 * must work when malloc cannot. */
	ssize_t r = write(2, msg, sizeof(msg) - 1);
	(void)r;
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom();
	return q;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void *xgrow(void *v, size_t size, size_t want, size_t *alloc)
{
	size_t n;
	if (want <= *alloc)
		return v;
	n = *alloc < 8 ? 8 : *alloc;
	while (n < want) {
		if (n > SIZE_MAX / 2)
			oom();
		n *= 2;
	}
	if (n > SIZE_MAX / size)
		oom();
	v = xrealloc(v, n * size);
	*alloc = n;
	return v;
}
