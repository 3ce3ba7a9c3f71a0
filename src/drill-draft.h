/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * drill-draft: the draft file that keeps an answer being typed across a
 * hang-up, and brings it back at the next start.  Internal to the drill
 * (drill.h).
 */
#ifndef PMDRILL_DRILL_DRAFT_H
#define PMDRILL_DRILL_DRAFT_H

#include <stddef.h>

#include "sb.h"

struct answer;
struct session;

#define DRAFT_MAGIC "pmdrill draft 1"

struct draft {
	char *question;
	int follow_up;
	long long parent;
	long long saved;
	long elapsed_ms;
	struct sb text;
};

char *draft_path(void);
void draft_release(struct draft *d);
int write_all(int fd, const char *buf, size_t len);
int draft_save(struct session *s, const struct answer *a);
int draft_load(struct draft *d);
void draft_remove(void);

#endif
