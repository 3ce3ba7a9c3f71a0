/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for date: UTC day numbers and dates, both ways. */
#include "date.h"

#include <stdlib.h>
#include <time.h>

#include "tap.h"

static void test_known(void)
{
	long long y;
	unsigned m, d;
	is_int(date_days_from_civil(1970, 1, 1), 0, "1970-01-01 is day 0");
	is_int(date_days_from_civil(2000, 3, 1), 11017, "2000-03-01");
	is_int(date_days_from_civil(2024, 2, 29), 19782, "a leap day");
	is_int(date_days_from_civil(1969, 12, 31), -1,
	       "the day before the epoch");
	date_civil_from_days(19782, &y, &m, &d);
	ok(y == 2024 && m == 2 && d == 29, "day 19782 is 2024-02-29");
	date_civil_from_days(-1, &y, &m, &d);
	ok(y == 1969 && m == 12 && d == 31, "day -1 is 1969-12-31");
}

/* Every day from 1900 to 2200 round-trips and agrees with gmtime_r. */
static void test_against_libc(void)
{
	long long day, y;
	unsigned m, d;
	int bad = 0, libc_bad = 0;
	for (day = -25567; day <= 84000; day++) {
		time_t t = (time_t)(day * 86400);
		struct tm tm;
		date_civil_from_days(day, &y, &m, &d);
		if (date_days_from_civil(y, m, d) != day)
			bad++;
		if (!gmtime_r(&t, &tm) || tm.tm_year + 1900 != y ||
		    tm.tm_mon + 1 != (int)m || tm.tm_mday != (int)d)
			libc_bad++;
	}
	is_int(bad, 0, "every day from 1900 to 2199 round-trips");
	is_int(libc_bad, 0, "and matches gmtime_r");
}

int main(void)
{
	test_known();
	test_against_libc();
	return done_testing();
}
