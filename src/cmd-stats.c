/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill stats`: attempts, streak, averages by category, what is due. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "bank.h"
#include "json.h"
#include "queue.h"
#include "sb.h"
#include "store.h"
#include "term.h"

struct due_counts {
	int have;         /* the banks loaded */
	size_t today;     /* due by the end of today (overdue included) */
	size_t tomorrow;  /* due during tomorrow */
	int new_left;     /* new questions still allowed today */
	size_t new_avail; /* of those, how many the banks can supply */
};

static int count_due(struct store *st, struct bank *b, long long now,
		     struct due_counts *d, struct sb *err)
{
	struct queue_question *qs = NULL;
	struct queue_opts o;
	struct queue q = {0};
	struct fsrs_params p;
	long long end = store_day_start(now) + 86400 - 1;
	int new_per_day = 5, rc;

	memset(&o, 0, sizeof(o));
	fsrs_params_default(&p);
	if (st && (rc = store_params(st, &p, &new_per_day, err)))
		return rc;
	if ((rc = store_queue_questions(st, b, &qs, err)))
		return rc;
	o.params = &p;
	o.now = now;
	o.new_per_day = new_per_day;
	queue_build(&q, qs, b->q.nr, &o);
	d->have = 1;
	d->today = queue_count_due(qs, b->q.nr, &o, end);
	d->tomorrow = queue_count_due(qs, b->q.nr, &o, end + 86400) - d->today;
	d->new_left = q.new_left;
	d->new_avail = q.new_total < (size_t)q.new_left ? q.new_total
							 : (size_t)q.new_left;
	queue_release(&q);
	free(qs);
	return STORE_OK;
}

static void stats_json(struct sb *out, const struct store_stats *s,
		       const struct due_counts *d)
{
	size_t i;
	sb_addf(out, "{\"attempts\":%d,\"scored\":%d,\"questions\":%d,"
		     "\"today\":%d,\"streak\":%d,\"average\":",
		s->attempts, s->scored, s->questions, s->today, s->streak);
	if (s->average >= 0)
		json_num(out, s->average);
	else
		sb_adds(out, "null");
	sb_adds(out, ",\"categories\":[");
	for (i = 0; i < s->ncats; i++) {
		if (i)
			sb_addc(out, ',');
		sb_adds(out, "{\"category\":");
		json_str(out, s->cats[i].category);
		sb_addf(out, ",\"attempts\":%d,\"average\":", s->cats[i].attempts);
		json_num(out, s->cats[i].average);
		sb_addc(out, '}');
	}
	sb_addc(out, ']');
	if (d->have)
		sb_addf(out, ",\"due_today\":%zu,\"due_tomorrow\":%zu,"
			     "\"new_left\":%d,\"new_available\":%zu",
			d->today, d->tomorrow, d->new_left, d->new_avail);
	else
		sb_adds(out, ",\"due_today\":null,\"due_tomorrow\":null,"
			     "\"new_left\":null,\"new_available\":null");
	sb_adds(out, "}\n");
}

static void stats_text(struct sb *out, const struct store_stats *s,
		       const struct due_counts *d)
{
	size_t i;
	sb_addf(out, "attempts:       %d", s->attempts);
	if (s->attempts)
		sb_addf(out, " (%d scored, %d question%s, %d today)", s->scored,
			s->questions, s->questions == 1 ? "" : "s", s->today);
	sb_addf(out, "\nstreak:         %d day%s\n", s->streak,
		s->streak == 1 ? "" : "s");
	if (s->average >= 0)
		sb_addf(out, "average score:  %.0f\n", s->average);
	if (s->ncats) {
		size_t w = 8;
		for (i = 0; i < s->ncats; i++)
			if (strlen(s->cats[i].category) > w)
				w = strlen(s->cats[i].category);
		sb_adds(out, "by category:\n");
		for (i = 0; i < s->ncats; i++)
			sb_addf(out, "  %-*s  %3.0f  (%d attempt%s)\n", (int)w,
				s->cats[i].category, s->cats[i].average,
				s->cats[i].attempts,
				s->cats[i].attempts == 1 ? "" : "s");
	}
	if (d->have) {
		sb_addf(out, "due today:      %zu\n", d->today);
		sb_addf(out, "due tomorrow:   %zu\n", d->tomorrow);
		sb_addf(out, "new today:      %zu available (limit leaves %d)\n",
			d->new_avail, d->new_left);
	}
}

int cmd_stats(int argc, char **argv, struct app *app)
{
	struct store *st = NULL;
	struct store_stats s;
	struct due_counts d;
	struct sb err = SB_INIT, out = SB_INIT;
	struct bank *b;
	int json = 0, a, rc, status;

	if (cmd_wants_help(argc, argv, "stats"))
		return EX_OK;
	for (a = 1; a < argc; a++) {
		if (!strcmp(argv[a], "--json")) {
			json = 1;
		} else {
			fprintf(stderr, "pmdrill: stats: unknown option '%s'\n", argv[a]);
			cmd_usage(cmd_find("stats"), stderr);
			return EX_USAGE;
		}
	}
	memset(&s, 0, sizeof(s));
	memset(&d, 0, sizeof(d));
	s.average = -1;
	rc = store_open(&st, app->db_path, 0, &err);
	if (rc && rc != STORE_ENOENT) {
		fprintf(stderr, "pmdrill: %s\n", err.buf);
		status = store_exit_code(rc);
		goto out;
	}
	sb_reset(&err);
	if (st && (rc = store_stats(st, (long long)app->now, &s, &err))) {
		fprintf(stderr, "pmdrill: %s\n", err.buf);
		status = store_exit_code(rc);
		goto out;
	}
	/* Without usable banks the history still counts; only "due" needs them. */
	b = app_bank(app, NULL);
	if (b && (rc = count_due(st, b, (long long)app->now, &d, &err))) {
		fprintf(stderr, "pmdrill: %s\n", err.buf);
		status = store_exit_code(rc);
		goto out;
	}
	if (json)
		stats_json(&out, &s, &d);
	else
		stats_text(&out, &s, &d);
	term_output(stdout, out.buf, out.len, json, TERM_FIT_WRAP);
	status = fflush(stdout) ? EX_IOERR : EX_OK;
out:
	store_stats_release(&s);
	store_close(st);
	sb_release(&err);
	sb_release(&out);
	return status;
}
