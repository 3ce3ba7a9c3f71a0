/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tap.h: a tiny TAP producer for the unit tests.
 *
 * ok(cond, fmt, ...) prints "ok N - name" or "not ok N - name" with the
 * file and line of a failure on stderr; done_testing() prints the plan and
 * returns the exit status (non-zero when any test failed).  Header-only,
 * one test binary per module.
 */
#ifndef PMDRILL_TAP_H
#define PMDRILL_TAP_H

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

__attribute__((format(printf, 4, 5))) static int
tap_ok(int cond, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	tap_n++;
	printf("%sok %d - ", cond ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!cond) {
		tap_failed++;
		fprintf(stderr, "#   failed at %s:%d\n", file, line);
	}
	fflush(stdout);
	return cond;
}

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define is_int(got, want, name)                                               \
	do {                                                                  \
		long long g_ = (long long)(got), w_ = (long long)(want);      \
		if (!ok(g_ == w_, "%s", name))                                \
			fprintf(stderr, "#   got %lld, want %lld\n", g_, w_); \
	} while (0)
#define is_str(got, want, name)                                          \
	do {                                                             \
		const char *g_ = (got), *w_ = (want);                    \
		if (!ok(g_ && w_ && !strcmp(g_, w_), "%s", name))        \
			fprintf(stderr, "#   got '%s', want '%s'\n",     \
				g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
	} while (0)

static int done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
