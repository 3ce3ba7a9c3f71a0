/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * html-sample: write the HTML report of a fixed, known history to FILE (or
 * standard output), for tests/scripts/html-chromium.sh to render.
 *
 * The history: trends of 12, 5 and 1 scores (the first category's name is
 * a script-injection attempt), 182 days of activity, 14 days of reviews
 * due, one mock interview of 3 questions and 2 attempts with 3 evidence
 * spans in all.  The script's expected counts follow these numbers.
 */
#include <stdio.h>
#include <string.h>

#include "html.h"
#include "sb.h"

#define HOSTILE "<script>console.error('xss')</script><img src=x onerror=console.error(1)>"

int main(int argc, char **argv)
{
	static const double prio[12] = {35, 42, 40, 51, 55, 48, 60, 66, 63, 71, 74, 80};
	static const double metrics[5] = {20, 45, 45, 70, 90};
	static const double one[1] = {64};
	static const struct html_trend trends[] = {
		{HOSTILE, prio, 12}, {"metrics", metrics, 5}, {"estimation", one, 1}};
	static unsigned activity[182];
	static const unsigned due[14] = {4, 2, 0, 7, 1, 0, 3, 5, 0, 0, 2, 1, 9, 0};
	static const struct html_mock_row rows[] = {
		{"How would you prioritise the roadmap of a food-delivery app?", 78, "good",
		 610, 720, "trade-offs", "Say what you would not build, and why.", "pass"},
		{"DAU fell 8% on Tuesday. What do you do?", 52, "hard", 800, 720,
		 "hypotheses", "List internal and external causes before data.", "over time"},
		{"\"><img src=x onerror=console.error(2)>", 40, "again", 300, 600,
		 HOSTILE, HOSTILE, HOSTILE},
	};
	static const struct html_mock mocks[] = {{"Mock 1, 2026-03-01", "lean hire", rows, 3}};
	static const char a1[] = "I would rank by impact and effort, and the main trade-off "
				 "is speed against caf\xc3\xa9 partners' trust.";
	static const char a2[] = HOSTILE " north star metric: weekly orders.";
	static const struct html_span ev1[] = {{16, 22, "impact"}, {48, 57, "trade-offs"}};
	static const struct html_span ev2[] = {{sizeof HOSTILE, sizeof HOSTILE + 17, "metric"}};
	static const struct html_attempt attempts[] = {
		{12, "2026-03-02 09:00", "prio-roadmap", "Prioritise the roadmap.", "prioritization",
		 78, "good", a1, sizeof a1 - 1, ev1, 2},
		{11, "2026-03-01 18:30", "met-north-star", HOSTILE, HOSTILE, 61, "hard", a2,
		 sizeof a2 - 1, ev2, 1},
	};
	struct html_report r = {"pmdrill progress", "2026-03-02 09:00 UTC", trends, 3,
				activity, 182, 0, due, 14, mocks, 1, attempts, 2};
	struct sb out = SB_INIT;
	FILE *f = stdout;
	size_t i;
	int rc = 0;

	for (i = 0; i < 182; i++)
		activity[i] = (unsigned)((i * 5 + i / 7) % 8);
	html_report(&out, &r);
	if (argc > 1 && strcmp(argv[1], "-") && !(f = fopen(argv[1], "w"))) {
		perror(argv[1]);
		return 74;
	}
	if (fwrite(out.buf, 1, out.len, f) != out.len)
		rc = 74;
	if (f != stdout ? fclose(f) : fflush(f))
		rc = 74;
	sb_release(&out);
	return rc;
}
