/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * date: proleptic Gregorian calendar arithmetic in UTC, without the C
 * library's time zone state (Howard Hinnant's days_from_civil and
 * civil_from_days).  Days count from 1970-01-01 (day 0); months are 1-12.
 * Pure: no I/O, no globals.
 */
#ifndef PMDRILL_DATE_H
#define PMDRILL_DATE_H

/* The day number of y-m-d (any year; m and d are not range-checked). */
long long date_days_from_civil(long long y, unsigned m, unsigned d);
/* The date of day number `days`. */
void date_civil_from_days(long long days, long long *y, unsigned *m,
			  unsigned *d);

#endif
