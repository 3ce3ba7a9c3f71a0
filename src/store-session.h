/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * store-session: mock interview sessions (store-session.c).  Errors and
 * memory as store.h says.
 */
#ifndef PMDRILL_STORE_SESSION_H
#define PMDRILL_STORE_SESSION_H

#include <stddef.h>

struct sb;
struct store;

/*
 * Sessions: a set of attempts made together (a mock interview).
 * store_begin_session() commits a row of `kind` ("mock") with its
 * settings (JSON text, may be NULL) and makes it the store's current
 * session: every attempt store_begin_attempt() commits from then on is
 * linked to it, in the same transaction as the answer, until
 * store_end_session() stamps its end and clears it.  A session never
 * ended (a crash, a hang-up) keeps its attempts and an ended_at of 0.
 */
struct store_session {
	long long id;
	char *kind;
	long long started_at;
	long long ended_at; /* 0 not ended */
	char *settings;     /* JSON text; may be NULL */
	int answers;        /* attempts linked to it, follow-ups included */
};
int store_begin_session(struct store *st, const char *kind,
			long long started_at, const char *settings,
			long long *id, struct sb *err);
int store_end_session(struct store *st, long long id, long long ended_at,
		      struct sb *err);
/* Sessions of a kind (NULL any), oldest first. */
int store_list_sessions(struct store *st, const char *kind,
			struct store_session **out, size_t *n, struct sb *err);
/* One session; STORE_ENOENT if there is none with that id. */
int store_get_session(struct store *st, long long id, struct store_session *out,
		      struct sb *err);
void store_session_release(struct store_session *s);
void store_sessions_free(struct store_session *v, size_t n);

#endif
