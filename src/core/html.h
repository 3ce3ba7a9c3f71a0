/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * html: the progress report as one self-contained HTML page.
 *
 * html_report() appends a whole document to a caller-owned sb from the
 * plain structs below (the caller fills them from the store; this module
 * knows nothing of it).  The page has inline CSS and inline SVG only: no
 * <script>, no external URL, font or image, and a viewport meta tag with
 * CSS that reads on a 360 px wide phone.  Sections, in order, each left
 * out when its input is empty:
 *
 *   trend      one <svg data-chart="trend" data-points="N"> per category:
 *              a <polyline> of its scores and one <circle> per score
 *   calendar   <svg data-chart="calendar" data-days="N">, one <rect
 *              data-count="K"> per day, Monday at the top, today last
 *   forecast   <svg data-chart="forecast" data-days="N">, one bar <rect
 *              data-count="K"> per day, today first
 *   mocks      one <table data-chart="mock"> per mock interview: question,
 *              score, grade, time against its limit, weakest criterion
 *              and its feedback, verdict; below 480 px each row is shown
 *              as a card of labelled lines (data-label on every cell)
 *   attempts   each answer with its evidence spans in <mark>
 *
 * Every string in the input is untrusted and goes through html_escape():
 * & < > " ' become entities, control bytes are shown as caret text and
 * invalid UTF-8 becomes U+FFFD (core/safe.h, safe_html()), in text and in
 * attribute values alike.  Scores are clamped to 0..100 (NaN counts 0).
 *
 * Evidence spans are byte offsets [start, end) into the answer.  Spans may
 * come in any order and overlap (they are merged), run past the end (they
 * are clipped) or cut a UTF-8 sequence (start moves back and end forward
 * to the code point's edges, so a <mark> never splits a character).
 * Pure: no I/O; nothing is kept after a call returns.
 */
#ifndef PMDRILL_HTML_H
#define PMDRILL_HTML_H

#include <stddef.h>

struct sb;

/* One category's scores, oldest first. */
struct html_trend {
	const char *category;
	const double *scores; /* 0..100 */
	size_t n;
};

/* One answered question of a mock interview. */
struct html_mock_row {
	const char *question; /* the prompt, or its id */
	double score;         /* 0..100 */
	const char *grade;    /* "again", "hard", "good", "easy" or NULL */
	unsigned time_s;      /* time taken */
	unsigned limit_s;     /* the question's limit; 0: none */
	const char *weakest;  /* the weakest criterion's name, or NULL */
	const char *feedback; /* what to do about it, or NULL */
	const char *verdict;  /* e.g. "pass", "over time", or NULL */
};

struct html_mock {
	const char *title;   /* e.g. "Mock 3, 2026-03-02" */
	const char *verdict; /* the whole mock's verdict, or NULL */
	const struct html_mock_row *rows;
	size_t n;
};

/* Evidence in an answer: bytes [start, end), and why (may be NULL). */
struct html_span {
	size_t start, end;
	const char *criterion;
};

struct html_attempt {
	long long id;
	const char *when; /* e.g. "2026-03-02 09:00" */
	const char *question_id;
	const char *prompt;
	const char *category;
	double score; /* 0..100 */
	const char *grade;
	const char *answer; /* answer_len bytes, not NUL-terminated */
	size_t answer_len;
	const struct html_span *evidence;
	size_t nevidence;
};

struct html_report {
	const char *title;     /* NULL: "pmdrill progress" */
	const char *generated; /* e.g. "2026-03-02 09:00 UTC", or NULL */
	const struct html_trend *trends;
	size_t ntrends;
	const unsigned
		*activity; /* attempts a day, activity[nactivity-1] today */
	size_t nactivity;
	int today_wday;      /* 0 = Monday .. 6 = Sunday */
	const unsigned *due; /* reviews due a day, due[0] today */
	size_t ndue;
	const struct html_mock *mocks;
	size_t nmocks;
	const struct html_attempt *attempts;
	size_t nattempts;
};

void html_report(struct sb *out, const struct html_report *r);
/* Append s[0..n) escaped for HTML text or a quoted attribute value. */
void html_escape(struct sb *out, const char *s, size_t n);
/* The same for a NUL-terminated string; NULL appends nothing. */
void html_escapes(struct sb *out, const char *s);
/* text[0..len) escaped, the evidence spans (as described above) in
 * <mark>, each with a title attribute naming its criterion if it has one. */
void html_marked(struct sb *out, const char *text, size_t len,
		 const struct html_span *spans, size_t n);

#endif
