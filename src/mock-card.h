/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * mock-card: a mock interview's scorecard rebuilt from the store, so the
 * card shown at the end of `mock`, by `review --mock`, listed by
 * `history --mock` and drawn by `report --html` is one and the same.
 *
 * mockcard_load() reads the session, its settings (the questions planned,
 * the time limit) and its attempts with their criteria, and fills `card`
 * (core/mock.h) for mock_render(): one row per planned question in the
 * order asked (a question skipped or never reached shows as not
 * answered), its follow-up, the weakest criterion of each main answer,
 * and the criterion missed most across the set.  Everything `card`
 * points to is owned by the struct mockcard; mockcard_release() frees it
 * (a zeroed struct is valid).  Errors are store statuses with a message
 * in err.
 */
#ifndef PMDRILL_MOCK_CARD_H
#define PMDRILL_MOCK_CARD_H

#include <stddef.h>

#include "mock.h"
#include "sb.h"
#include "store-session.h"

struct store;
struct store_attempt;

struct mockcard {
	struct store_session sess;
	struct store_attempt *att; /* the session's attempts, with criteria */
	size_t natt;
	char **planned; /* question ids, from the settings */
	size_t nplanned;
	unsigned limit_s; /* the set's limit, from the settings */
	struct mock_row *rows;
	struct mock_crit *crits;
	size_t ncrits;
	struct sb when;
	struct mock_card card;
	enum mock_verdict verdict;
	double mean;
};

int mockcard_load(struct store *st, long long session_id, struct mockcard *mc,
		  struct sb *err);
void mockcard_release(struct mockcard *mc);
/* The scorecard as text for `width` columns, safe for a terminal. */
void mockcard_render(struct sb *out, const struct mockcard *mc, unsigned width);
/* The same figures as one JSON object (no newline). */
void mockcard_json(struct sb *out, const struct mockcard *mc);
/* How many of the planned questions have a main answer. */
size_t mockcard_answered(const struct mockcard *mc);

#endif
