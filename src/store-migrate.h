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

#endif
