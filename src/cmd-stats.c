/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * `pmdrill stats`: attempts, streak, averages by category (main answers,
 * cram and follow-ups apart), what is due, and the progress charts: score
 * trend per category, 26 weeks of activity, the 14-day due forecast and
 * the criteria missed most often (layout in core/chart).
 */
#include "cmd.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "bank.h"
#include "chart.h"
#include "json.h"
#include "opt.h"
#include "progress.h"
#include "safe.h"
#include "rubric.h"
#include "queue.h"
#include "sb.h"
#include "store.h"
#include "store-read.h"
#include "term.h"
#include "xalloc.h"

static void kind_json(struct sb *out, const char *name,
		      const struct kind_avg *k)
{
	sb_addf(out, ",\"%s\":{\"answers\":%u,\"average\":", name, k->n);
	if (k->n)
		json_num(out, round(k->sum / k->n * 10) / 10);
	else
		sb_adds(out, "null");
	sb_addc(out, '}');
}

static void progress_json(struct sb *out, const struct progress *p,
			  const struct due_counts *d)
{
	size_t i, k;
	kind_json(out, "drills", &p->drill);
	kind_json(out, "cram", &p->cram);
	kind_json(out, "follow_ups", &p->followup);
	sb_adds(out, ",\"trends\":[");
	for (i = 0; i < p->nt; i++) {
		sb_adds(out, i ? ",{\"category\":" : "{\"category\":");
		json_str(out, p->t[i].category);
		sb_adds(out, ",\"scores\":[");
		for (k = 0; k < p->t[i].n; k++) {
			if (k)
				sb_addc(out, ',');
			json_num(out, p->t[i].scores[k]);
		}
		sb_adds(out, "]}");
	}
	sb_adds(out, "],\"activity\":[");
	for (i = 0; i < CHART_CAL_DAYS; i++)
		sb_addf(out, "%s%u", i ? "," : "", p->activity[i]);
	sb_adds(out, "],\"due_forecast\":");
	if (d->have) {
		sb_addc(out, '[');
		for (i = 0; i < CHART_DUE_DAYS; i++)
			sb_addf(out, "%s%u", i ? "," : "", d->forecast[i]);
		sb_addc(out, ']');
	} else {
		sb_adds(out, "null");
	}
	sb_adds(out, ",\"weaknesses\":[");
	for (i = 0; i < p->nw; i++) {
		sb_adds(out, i ? ",{\"criterion\":" : "{\"criterion\":");
		json_str(out, p->w[i].label);
		json_key_str(out, "category", p->w[i].category);
		sb_addf(out, ",\"missed\":%u,\"answers\":%u}", p->w[i].missed,
			p->w[i].total);
	}
	sb_addc(out, ']');
}

static void add_kind(struct sb *out, const char *name, const struct kind_avg *k,
		     int *first)
{
	if (!k->n)
		return;
	sb_addf(out, "%s%s %.0f (%u)", *first ? "" : ", ", name, k->sum / k->n,
		k->n);
	*first = 0;
}

static void progress_text(struct sb *out, const struct progress *p,
			  const struct due_counts *d, unsigned width, int color)
{
	struct chart_series *cs = xcalloc(p->nt + 1, sizeof(*cs));
	struct chart_weakness *cw = xcalloc(p->nw + 1, sizeof(*cw));
	size_t i, n = 0, shown = 0;
	int first = 1;
	if (p->drill.n + p->cram.n + p->followup.n) {
		sb_adds(out, "averages:       ");
		add_kind(out, "drills", &p->drill, &first);
		add_kind(out, "cram", &p->cram, &first);
		add_kind(out, "follow-ups", &p->followup, &first);
		sb_addc(out, '\n');
	}
	for (i = 0; i < p->nt; i++) {
		cs[i].label = p->t[i].category;
		cs[i].values = p->t[i].scores;
		cs[i].n = p->t[i].n;
	}
	sb_addc(out, '\n');
	if (p->nt)
		chart_sparkline(out, cs, p->nt, width, color);
	sb_addc(out, '\n');
	chart_calendar(out, p->activity, CHART_CAL_DAYS, &p->today, width,
		       color);
	if (d->have) {
		sb_addc(out, '\n');
		chart_forecast(out, d->forecast, CHART_DUE_DAYS, &p->today,
			       width, color);
	}
	for (i = 0; i < p->nw; i++) {
		if (i && strcmp(p->w[i].category, p->w[i - 1].category))
			shown = 0;
		if (!p->w[i].missed || shown >= WEAK_SHOWN)
			continue;
		cw[n].criterion = p->w[i].label;
		cw[n].category = p->w[i].category;
		cw[n].missed = p->w[i].missed;
		cw[n].total = p->w[i].total;
		n++;
		shown++;
	}
	if (n) {
		sb_addc(out, '\n');
		chart_weakness(out, cw, n, width, color);
	}
	free(cs);
	free(cw);
}

static void stats_json(struct sb *out, const struct store_stats *s,
		       const struct due_counts *d, const struct progress *p)
{
	size_t i;
	sb_addf(out,
		"{\"attempts\":%d,\"scored\":%d,\"questions\":%d,"
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
		sb_addc(out, '{');
		json_key_str(out, "category", s->cats[i].category);
		sb_addf(out,
			",\"attempts\":%d,\"average\":", s->cats[i].attempts);
		json_num(out, s->cats[i].average);
		sb_addc(out, '}');
	}
	sb_addc(out, ']');
	if (d->have)
		sb_addf(out,
			",\"due_today\":%zu,\"due_tomorrow\":%zu,"
			"\"new_left\":%d,\"new_available\":%zu",
			d->today, d->tomorrow, d->new_left, d->new_avail);
	else
		sb_adds(out, ",\"due_today\":null,\"due_tomorrow\":null,"
			     "\"new_left\":null,\"new_available\":null");
	progress_json(out, p, d);
	sb_adds(out, "}\n");
}

static void stats_text(struct sb *out, const struct store_stats *s,
		       const struct due_counts *d, const char *category)
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
		for (i = 0; i < s->ncats; i++) {
			if (category && strcmp(category, s->cats[i].category))
				continue;
			sb_addf(out, "  %-*s  %3.0f  (%d attempt%s)\n", (int)w,
				s->cats[i].category, s->cats[i].average,
				s->cats[i].attempts,
				s->cats[i].attempts == 1 ? "" : "s");
		}
	}
	if (d->have) {
		sb_addf(out, "due today:      %zu\n", d->today);
		sb_addf(out, "due tomorrow:   %zu\n", d->tomorrow);
		sb_addf(out,
			"new today:      %zu available (limit leaves %d)\n",
			d->new_avail, d->new_left);
	}
}

/* Is `c` a category of the banks or of the history?  If not, say which are. */
static int known_category(const char *c, const struct bank *b,
			  const struct store_stats *s)
{
	const char **set = NULL;
	size_t n = 0, i, k;
	struct sb err = SB_INIT;
	int found = 0;
	if (b)
		n = bank_categories(b, &set);
	for (i = 0; i < s->ncats; i++) {
		for (k = 0; k < n; k++)
			if (!strcmp(set[k], s->cats[i].category))
				break;
		if (k < n)
			continue;
		set = xrealloc(set, (n + 1) * sizeof(*set));
		set[n++] = s->cats[i].category;
	}
	for (i = 0; i < n && !found; i++)
		found = !strcmp(set[i], c);
	if (!found) {
		opt_unknown(&err, "category", c, set, n);
		cmd_value_error("stats", &err);
	}
	free(set);
	sb_release(&err);
	return found;
}

/*
 * The summaries' averages come from exact sums, the walk's from adding
 * the scores up one by one in SQLite's order.  Over n scores averaging
 * v, each of the n additions rounds a partial sum of at most about n|v|
 * by half an ulp, so the walk's mean is within n * DBL_EPSILON * |v| of
 * the exact one (in practice far closer: 10^-11 of a point over 100,000
 * attempts).  Only a printed figure whose last digit lies that close to
 * a rounding boundary could print differently; then the walk decides,
 * as it always did.
 */
static double walk_error(double v, unsigned n)
{
	return (double)(n ? n : 1) * DBL_EPSILON * fabs(v);
}

/* Is v within tol of a half, in units of `unit` (the last digit)? */
static int near_boundary(double v, double unit, double tol)
{
	double x = fabs(v) / unit;
	return fabs(x - floor(x) - 0.5) * unit <= tol;
}

/* As the terminal prints an average: whole points. */
static int near_half(double v, unsigned n)
{
	return near_boundary(v, 1, walk_error(v, n) + 1e-6);
}

/* As JSON prints an average: 10 significant digits (json_num()). */
static int near_10g(double v, unsigned n)
{
	if (v == 0 || !isfinite(v))
		return 0;
	return near_boundary(v, pow(10, floor(log10(fabs(v))) - 9),
			     walk_error(v, n));
}

/* Could the summaries print a figure the walk would not?  DOUBT_AVERAGE:
 * only the overall average, which one scan reads again the walk's way;
 * DOUBT_ANY: another one too. */
enum { DOUBT_AVERAGE = 1, DOUBT_ANY = 2 };
static int summary_in_doubt(const struct store_stats *s,
			    const struct progress *p, int json)
{
	const struct kind_avg *k[3] = {&p->drill, &p->cram, &p->followup};
	unsigned scored = s->scored > 0 ? (unsigned)s->scored : 0;
	size_t i;
	int (*near)(double, unsigned) = json ? near_10g : near_half;
	for (i = 0; i < s->ncats; i++)
		if (near(s->cats[i].average, (unsigned)s->cats[i].attempts))
			return DOUBT_ANY;
	for (i = 0; i < 3; i++) {
		double m;
		if (!k[i]->n)
			continue;
		m = k[i]->sum / k[i]->n;
		/* JSON rounds these to a tenth, the terminal to a point */
		if (json ? near_boundary(m, 0.1, walk_error(m, k[i]->n))
			 : near_half(m, k[i]->n))
			return DOUBT_ANY;
	}
	return s->average >= 0 && near(s->average, scored) ? DOUBT_AVERAGE : 0;
}

enum { S_CATEGORY = 1, S_JSON };
static const struct cmd_grammar stats_grammar = {"stats", "category= json", 0,
						 NULL};

int cmd_stats(int argc, char **argv, struct app *app)
{
	struct store *st = NULL;
	struct store_stats s;
	struct due_counts d;
	struct progress p;
	struct sb err = SB_INIT, out = SB_INIT;
	struct bank *b;
	const char *category, *nosum;
	int json, walk, doubt, rc, status;
	struct cmd_args a;

	if (cmd_parse(&a, argc, argv, &stats_grammar, &status))
		return status;
	json = a.value[S_JSON] != NULL;
	category = a.value[S_CATEGORY];
	memset(&s, 0, sizeof(s));
	memset(&d, 0, sizeof(d));
	memset(&p, 0, sizeof(p));
	s.average = -1;
	if ((status = cmd_open_store(app, STORE_OPEN_READ, &st)))
		goto out;
	sb_reset(&err);
	/* The figures come from the summaries (a few thousand rows), for
	 * the terminal and --json alike; the history is walked only with
	 * PMDRILL_NO_SUMMARY set and not 0 (what the tests compare the
	 * summaries with), or when an average could print otherwise. */
	nosum = getenv("PMDRILL_NO_SUMMARY");
	walk = nosum && *nosum && strcmp(nosum, "0");
	if (st && (rc = walk ? store_stats(st, (long long)app->now, &s, &err)
			     : store_stats_summary(st, (long long)app->now, &s,
						   &err))) {
		status = cmd_store_error(rc, &err);
		goto out;
	}
	/* Without usable banks the history still counts; only "due" needs them. */
	b = app_bank_partial(app, NULL);
	if (category && !known_category(category, b, &s)) {
		status = EX_USAGE;
		goto out;
	}
	if (b && (rc = progress_count_due(st, b, (long long)app->now, category,
					  &d, &err))) {
		status = cmd_store_error(rc, &err);
		goto out;
	}
	if ((rc = walk ? progress_gather(st, (long long)app->now, category, &p,
					 &err)
		       : progress_gather_summary(st, (long long)app->now,
						 category, &p, &err))) {
		status = cmd_store_error(rc, &err);
		goto out;
	}
	doubt = walk ? 0 : summary_in_doubt(&s, &p, json);
	if (doubt == DOUBT_AVERAGE &&
	    (rc = store_stats_average(st, &s.average, &err))) {
		status = cmd_store_error(rc, &err);
		goto out;
	}
	if (doubt == DOUBT_ANY) {
		store_stats_release(&s);
		progress_release(&p);
		if ((rc = store_stats(st, (long long)app->now, &s, &err)) ||
		    (rc = progress_gather(st, (long long)app->now, category, &p,
					  &err))) {
			status = cmd_store_error(rc, &err);
			goto out;
		}
	}
	if (json) {
		stats_json(&out, &s, &d, &p);
		term_output(stdout, out.buf, out.len, json, TERM_FIT_WRAP);
	} else {
		/* Charts carry pmdrill's colours and safe labels already: the
		 * text part is made safe first, then the charts appended. */
		struct sb safe = SB_INIT;
		unsigned width = isatty(STDOUT_FILENO) ? term_width() : 80;
		width = width > 1 ? width - 1 : width;
		if (category)
			sb_addf(&out, "category:       %s\n", category);
		stats_text(&out, &s, &d, category);
		safe_term(&safe, out.buf, out.len, SAFE_KEEP_NEWLINE);
		progress_text(&safe, &p, &d, width, app->color_out);
		/* taller than the terminal: through the pager */
		cmd_screen(safe.buf, safe.len, 0, TERM_FIT_WRAP, 1);
		sb_release(&safe);
	}
	status = fflush(stdout) ? EX_IOERR : EX_OK;
out:
	progress_release(&p);
	store_stats_release(&s);
	store_close(st);
	sb_release(&err);
	sb_release(&out);
	return status;
}
