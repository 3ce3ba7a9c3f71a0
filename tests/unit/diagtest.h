/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * diagtest.h: look-ups in a diag_list for the parser unit tests.
 *
 * dl_find() returns the first diagnostic with a code (or NULL); dl_has()
 * says whether one with that code sits at that line (and column, unless
 * col is 0).  Header-only, like tap.h.
 */
#ifndef PMDRILL_DIAGTEST_H
#define PMDRILL_DIAGTEST_H

#include "diag.h"

static inline const struct diag *dl_find(const struct diag_list *l,
					 enum diag_code code)
{
	size_t i;
	for (i = 0; i < l->nr; i++)
		if (l->v[i].code == code)
			return &l->v[i];
	return NULL;
}

static inline int dl_has(const struct diag_list *l, enum diag_code code,
			 unsigned line, unsigned col)
{
	size_t i;
	for (i = 0; i < l->nr; i++)
		if (l->v[i].code == code && l->v[i].line == line &&
		    (!col || l->v[i].col == col))
			return 1;
	return 0;
}

#endif
