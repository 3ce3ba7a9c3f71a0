/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * store-migrate: the schema's steps, and telling our file from a
 * stranger's (store-migrate.c).  Internal to the store: store_open() runs
 * them.
 */
#ifndef PMDRILL_STORE_MIGRATE_H
#define PMDRILL_STORE_MIGRATE_H

struct sb;
struct store;

/*
 * Read the schema version into *v and refuse a file that
 * is not ours or is newer than us (message in err); then bring an older
 * one up to STORE_SCHEMA_VERSION.  Both return a store status.
 */
int st_check_ours(struct store *st, long long *v, struct sb *err);
int st_migrate(struct store *st, struct sb *err);

/*
 * Schema 6's summaries (docs/SCHEMA.md, `category_days`): the view
 * attempt_counts says what one attempt adds to its category's day, and
 * these add a SELECT's rows from it into category_days.  SUMMARY_COLS
 * are the counted columns, in the table's order after (category, day).
 * Shared with the bulk import (store-import.c), which does the triggers'
 * work once for all the attempts it adds.
 */
#define SUMMARY_COLS                                                     \
	"attempts, scored, mains, main_sum, drills, drill_sum, crams,\n" \
	"    cram_sum, follow_ups, follow_up_sum"
#define SUMMARY_UPSERT                                                           \
	"  ON CONFLICT DO UPDATE SET attempts = attempts + excluded.attempts,\n" \
	"    scored = scored + excluded.scored,\n"                               \
	"    mains = mains + excluded.mains,\n"                                  \
	"    main_sum = main_sum + excluded.main_sum,\n"                         \
	"    drills = drills + excluded.drills,\n"                               \
	"    drill_sum = drill_sum + excluded.drill_sum,\n"                      \
	"    crams = crams + excluded.crams,\n"                                  \
	"    cram_sum = cram_sum + excluded.cram_sum,\n"                         \
	"    follow_ups = follow_ups + excluded.follow_ups,\n"                   \
	"    follow_up_sum = follow_up_sum + excluded.follow_up_sum;\n"

/*
 * Schema 7's evidence encoding (docs/SCHEMA.md, `criterion_results`):
 * a criterion's evidence as the criteria view shows it is a JSON array
 * of {"start":N,"end":N} objects; stored, the common case of only those
 * two members, written as SQLite's json_object() writes them, is kept
 * as "[S,E],[S,E]" (a third of the bytes), anything else as its text
 * after one space, and none ("[]") as NULL.  EV_PACK(X) turns the view's
 * text X into the stored form, EV_UNPACK(P) back, byte for byte; the
 * bulk import packs in C the same way (store-import.c ev_pack()).
 */
#define EV_COMPACT(X)                                            \
	"(SELECT group_concat(json_array(e.value ->> 'start',\n" \
	"    e.value ->> 'end'), ',') FROM json_each(" X ") e)"
#define EV_OBJECTS(P)                                                    \
	"(SELECT json_group_array(json_object('start', e.value ->> 0,\n" \
	"    'end', e.value ->> 1)) FROM json_each('[' || " P " || ']') e)"
#define EV_PACK(X)                                            \
	"CASE WHEN " X " IS NULL OR " X " = '[]' THEN NULL\n" \
	"    WHEN " EV_OBJECTS(EV_COMPACT(                    \
		X)) " IS " X "\n"                             \
		    "    THEN " EV_COMPACT(X) " ELSE ' ' || " X " END"
#define EV_UNPACK(P)                                                 \
	"CASE WHEN " P " IS NULL THEN '[]'\n"                        \
	"    WHEN substr(" P ", 1, 1) = ' ' THEN substr(" P ", 2)\n" \
	"    ELSE " EV_OBJECTS(P) " END"

#endif
