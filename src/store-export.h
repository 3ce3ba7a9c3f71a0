/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * store-export: every attempt written out as JSON lines or CSV
 * (store-export.c); store-import.h reads either back.  Errors as store.h
 * says.
 */
#ifndef PMDRILL_STORE_EXPORT_H
#define PMDRILL_STORE_EXPORT_H

#include <stdio.h>

struct sb;
struct store;

/*
 * Export every attempt, oldest first.  STORE_EXPORT_JSON: one object a
 * line with "format": 1.  STORE_EXPORT_CSV: RFC 4180 with a header row
 * (CRLF line ends, criteria as a JSON column).  docs/SCHEMA.md lists the
 * fields.
 */
enum store_export_format { STORE_EXPORT_JSON, STORE_EXPORT_CSV };
int store_export(struct store *st, FILE *out, int format, struct sb *err);

#endif
