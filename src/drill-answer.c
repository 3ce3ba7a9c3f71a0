/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One answer in a drill: typed, saved, scored, graded, followed up. */
#include "drill.h"
#include "drill-answer.h"
#include "drill-draft.h"

#include "cmd.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "bank.h"
#include "bankcache.h"
#include "diag.h"
#include "fsrs.h"
#include "qbank.h"
#include "queue.h"
#include "repl.h"
#include "report.h"
#include "rubric.h"
#include "safe.h"
#include "sb.h"
#include "score.h"
#include "store.h"
#include "store-attempt.h"
#include "term.h"
#include "wrap.h"
#include "xalloc.h"

/* ---- collecting an answer ---- */

/* Append a line (or a pasted block holding newlines) to the answer.
 * Returns 1 if a line of it was a lone '.', which ends the answer. */
static int add_lines(struct answer *a, const char *line)
{
	int end = 0;
	while (1) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		size_t m = n;
		if (m && line[m - 1] == '\r')
			m--;
		if (m == 1 && line[0] == '.')
			end = 1;
		else if (!end || m) {
			/* Text pasted after a '.' is kept too: nothing typed
			 * is thrown away. */
			sb_add(&a->text, line, m);
			sb_addc(&a->text, '\n');
		}
		if (!nl)
			break;
		line = nl + 1;
	}
	return end;
}

static int text_is_blank(const struct sb *t)
{
	size_t i;
	for (i = 0; i < t->len; i++)
		if (!is_space(t->buf[i]))
			return 0;
	return 1;
}

/* Each line of text[0..len) becomes a line Up recalls (a CR before its
 * LF dropped; a lone '.' would end the answer, so it is not one). */
static void scratch_add_lines(const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *one = xstrndup(p, n && p[n - 1] == '\r' ? n - 1 : n);
		if (strcmp(one, "."))
			repl_scratch_add(one);
		free(one);
		p += n + 1;
	}
}

/* Up recalls the answer's lines: start the scratch list over with them
 * (after :edit or a resumed draft they are not the lines typed). */
static void scratch_load(const struct answer *a)
{
	repl_scratch_end();
	repl_scratch_begin();
	scratch_add_lines(a->text.buf ? a->text.buf : "", a->text.len);
}

/* Run the editor on the answer so far and take back what it saved. */
static void edit_answer(struct answer *a)
{
	const char *ed = getenv("VISUAL");
	const char *tmpdir = getenv("TMPDIR");
	struct sb path = SB_INIT, cmd = SB_INIT, back = SB_INIT;
	const char *argv[6];
	int fd, st, made = 0, wrote;

	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	sb_addf(&path, "%s/pmdrill-answer-XXXXXX",
		tmpdir && *tmpdir ? tmpdir : "/tmp");
	fd = mkstemp(path.buf);
	if (fd < 0) {
		fprintf(stderr, "pmdrill: cannot create '%s': %s\n", path.buf,
			strerror(errno));
		goto cleanup;
	}
	made = 1;
	wrote = !write_all(fd, a->text.buf, a->text.len);
	if (close(fd) || !wrote) {
		fprintf(stderr, "pmdrill: cannot write '%s': %s\n", path.buf,
			strerror(errno));
		goto cleanup;
	}
	/* As git does: let the shell split "$EDITOR" so "code -w" works. */
	sb_addf(&cmd, "%s \"$@\"", ed);
	argv[0] = "/bin/sh";
	argv[1] = "-c";
	argv[2] = cmd.buf;
	argv[3] = ed;
	argv[4] = path.buf;
	argv[5] = NULL;
	st = repl_run(argv);
	if (st != 0) {
		fprintf(stderr,
			"pmdrill: the editor '%s' %s; the answer is unchanged\n",
			ed, st < 0 ? "could not be started" : "failed");
	} else if (read_file(path.buf, &back)) {
		fprintf(stderr,
			"pmdrill: cannot read '%s' back: %s; the answer is unchanged\n",
			path.buf, strerror(errno));
	} else {
		sb_reset(&a->text);
		sb_add(&a->text, back.buf, back.len);
		if (a->text.len && a->text.buf[a->text.len - 1] != '\n')
			sb_addc(&a->text, '\n');
		printf("%s(the answer so far; go on typing, or '.' to finish)%s\n",
		       term_style(TERM_DIM), term_style(TERM_RESET));
		term_write(stdout, a->text.buf, a->text.len);
		scratch_load(a);
	}
cleanup:
	if (made)
		unlink(path.buf);
	sb_release(&path);
	sb_release(&cmd);
	sb_release(&back);
}

/* :skip asks only when there is something to lose. */
static int confirm_discard(struct session *s, const struct answer *a)
{
	if (text_is_blank(&a->text))
		return 1;
	return yesno(s, "discard this answer? [y/N] ", 0);
}

/*
 * Keep the answer as the draft offered back next time.  One draft is
 * kept: one left by another answer is set aside, as a declined one is.
 */
static int keep_draft(struct session *s, const struct answer *a)
{
	struct draft d;
	if (!a->from_draft && !draft_load(&d)) {
		char *p = draft_path();
		struct sb old = SB_INIT;
		sb_addf(&old, "%s.discarded", p);
		if (!rename(p, old.buf))
			printf("the earlier draft (to %s) is set aside in '%s'\n",
			       d.question, old.buf);
		sb_release(&old);
		free(p);
		draft_release(&d);
	}
	return draft_save(s, a);
}

/*
 * :quit with text typed: keep it as a draft (the default), discard it,
 * or go back to it.  Returns 1 to end the answer, 0 to go on.
 */
static int quit_answer(struct session *s, struct answer *a)
{
	const struct question *q = &s->bank->q.v[a->qi];
	int c;
	if (text_is_blank(&a->text)) {
		if (a->from_draft)
			draft_remove();
		return 1;
	}
	print_wrapped("quit: keep this answer as a draft for next time "
		      "(Enter or k), discard it (d), or go on answering (c)?",
		      0);
	c = choose(s, "keep, discard or continue? [K/d/c] ", "kdc", 'k');
	if (s->hungup)
		return 1; /* the hang-up keeps the draft */
	if (c == 'c')
		return 0;
	if (c == 'd') {
		/* a resumed draft goes too: discarded means gone */
		if (a->from_draft)
			draft_remove();
		puts("answer discarded");
		return 1;
	}
	if (keep_draft(s, a)) {
		puts("the draft could not be saved; go on answering, or :quit "
		     "and d to discard it");
		return 0;
	}
	{
		struct sb m = SB_INIT;
		sb_addf(&m,
			"your answer to '%s' is kept; it is offered back "
			"the next time pmdrill starts",
			q->id);
		print_wrapped(m.buf, 0);
		sb_release(&m);
	}
	return 1;
}

enum answer_end drill_collect_answer(struct session *s, struct answer *a)
{
	const struct question *q = &s->bank->q.v[a->qi];
	enum answer_end end = ANSWER_DONE;

	s->cur = a;
	repl_set_completer(NULL, NULL);
	scratch_load(a);
	repl_set_deadline(s->deadline);
	for (;;) {
		char *line = NULL, *cmd;
		enum repl_status rs;

		repl_set_live_prompt(s->tty ? live_prompt : NULL, s);
		rs = ask(s, "> ", 0, &line);
		if (rs == REPL_LINE && s->deadline > 0 &&
		    drill_mono_now() >= s->deadline) {
			/* The set's time ran out: what was typed is the answer. */
			if (s->tty)
				fputc('\n', stdout);
			s->time_up = 1;
			add_lines(a, line);
			end = text_is_blank(&a->text) ? ANSWER_EMPTY
						      : ANSWER_DONE;
			free(line);
			break;
		}

		if (rs == REPL_HANGUP) {
			if (line && *line)
				add_lines(a, line);
			free(line);
			end = ANSWER_HANGUP;
			break;
		}
		if (rs == REPL_EOF) {
			if (s->tty)
				fputc('\n', stdout);
			end = text_is_blank(&a->text) ? ANSWER_QUIT
						      : ANSWER_DONE;
			break;
		}
		if (rs == REPL_INTERRUPT) {
			char *keep = line ? xstrdup(line) : NULL;
			/* Always ask: a stray Ctrl-C must not skip a question. */
			if (yesno(s, "discard this answer? [y/N] ", 0)) {
				free(line);
				free(keep);
				if (s->hungup) {
					end = ANSWER_HANGUP;
					break;
				}
				puts("answer discarded");
				end = ANSWER_SKIP;
				break;
			}
			free(line);
			if (s->hungup) {
				if (keep)
					add_lines(a, keep);
				free(keep);
				end = ANSWER_HANGUP;
				break;
			}
			/* Nothing thrown away: the line comes back as it was. */
			repl_prefill(keep);
			free(keep);
			continue;
		}
		cmd = trim(xstrdup(line));
		if (cmd[0] == ':' && strlen(cmd) < 16) {
			int known = 1;
			if (!strcmp(cmd, ":hint")) {
				if (q->hint)
					print_wrapped(q->hint, 2);
				else
					puts("  (this question has no hint)");
			} else if (!strcmp(cmd, ":edit")) {
				edit_answer(a);
			} else if (!strcmp(cmd, ":skip")) {
				if (confirm_discard(s, a)) {
					end = ANSWER_SKIP;
					free(cmd);
					free(line);
					break;
				}
			} else if (!strcmp(cmd, ":quit")) {
				if (quit_answer(s, a)) {
					end = s->hungup ? ANSWER_HANGUP
							: ANSWER_QUIT;
					free(cmd);
					free(line);
					break;
				}
			} else if (!strcmp(cmd, ":outline")) {
				puts("  the outline is shown after you answer (':outline' "
				     "at the grade prompt)");
			} else if (!strcmp(cmd, ":question")) {
				print_wrapped(a->asked, 2);
			} else if (!strcmp(cmd, ":help")) {
				show_answer_help();
			} else {
				known = 0;
			}
			if (known) {
				free(cmd);
				free(line);
				if (s->hungup) {
					end = ANSWER_HANGUP;
					break;
				}
				continue;
			}
		}
		free(cmd);
		/* each line of a paste is a line to recall */
		scratch_add_lines(line, strlen(line));
		if (add_lines(a, line)) {
			free(line);
			end = text_is_blank(&a->text) ? ANSWER_EMPTY
						      : ANSWER_DONE;
			break;
		}
		free(line);
	}
	repl_scratch_end();
	repl_set_live_prompt(NULL, NULL);
	repl_set_deadline(0);
	s->cur = NULL;
	if (end == ANSWER_HANGUP && !text_is_blank(&a->text)) {
		if (!draft_save(s, a))
			fprintf(stderr,
				"pmdrill: hung up; your answer to '%s' is kept "
				"and offered back next time\n",
				q->id);
	}
	return end;
}

/* ---- scoring and storing ---- */

/*
 * Save the raw answer first, then score it, store the score (and with
 * `schedule`, review the card) and show the report.  On success fills
 * *attempt, *rep (caller releases), *rv and returns 0; -1 if the answer
 * could not be saved (it is then kept as a draft).
 */
int drill_save_and_score(struct session *s, struct answer *a, int schedule,
			 long long *attempt, struct score_report *rep,
			 struct fsrs_review *rv)
{
	struct question *q = &s->bank->q.v[a->qi];
	struct rubric *r = bank_rubric_of(s->bank, a->qi);
	struct diag_list dl = {0};
	struct sb err = SB_INIT;
	long ms = drill_answer_ms(a);
	int rc;

	memset(rep, 0, sizeof(*rep));
	memset(rv, 0, sizeof(*rv));
	rc = store_begin_attempt(s->st, q->id, a->asked, a->started_at, ms,
				 a->text.buf, a->text.len, a->follow_up,
				 a->parent, attempt, &err);
	if (rc) {
		save_failed(s, rc);
		store_error("cannot save the answer", &err);
		if (!draft_save(s, a))
			fprintf(stderr,
				"pmdrill: the answer is kept as a draft and "
				"offered back next time\n");
		sb_release(&err);
		return -1;
	}
	/* Only the draft this answer came from: one kept by :quit for
	 * another question stays until it is offered back. */
	if (a->from_draft)
		draft_remove();
	if (r) {
		struct qbank *qb = &s->bank->q;
		bank_lexicon(s->bank);
		rubric_compile(r, 1, &dl);
		if (q >= qb->v && q < qb->v + qb->nr)
			bankcache_expects(s->bank, (size_t)(q - qb->v));
		qbank_compile_expects(q, 1, &dl);
		/* a follow-up is scored as an answer to the follow-up */
		if (a->follow_up >= 0)
			score_followup(rep, r, q, a->asked, a->text.buf,
				       a->text.len, ms, a->limit_s, &dl);
		else
			score_answer(rep, r, q, a->text.buf, a->text.len, ms,
				     a->limit_s, &dl);
	} else {
		rep->grade = GRADE_AGAIN;
	}
	diag_print(&dl, 1);
	diag_release(&dl);
	if (!rep->grade)
		rep->grade = score_grade(rep->score, ms, a->limit_s);
	rc = store_finish_attempt(s->st, *attempt, r ? rep : NULL,
				  r ? r->name : NULL, r ? r->version : 0,
				  rep->grade, schedule, &s->params,
				  drill_session_now(s), rv, &err);
	if (rc) {
		save_failed(s, rc);
		store_error(
			"cannot save the score (the answer itself is saved)",
			&err);
	}
	sb_release(&err);
	tally(s, rep);
	if (s->quiet)
		return 0; /* a mock shows no score until the end */
	fputc('\n', stdout);
	if (isatty(STDOUT_FILENO)) {
		/* one screen; the grade prompt's 'd' shows the rest */
		report_print_compact(stdout, rep, s->color, term_width());
		fputc('\n', stdout);
	} else
		report_print(stdout, rep, a->text.buf, a->text.len, s->color,
			     term_width());
	return 0;
}

/*
 * The full report, for 'd' at the grade prompt: through a pager when it
 * is taller than the terminal ($PAGER, else less -FRX), else printed.
 * The text is the same sanitised rendering report_print() writes.
 */
static void show_details(struct session *s, const struct score_report *rep,
			 const struct answer *a)
{
	struct sb b = SB_INIT;
	report_render(&b, rep, a->text.buf, a->text.len, s->color,
		      term_width());
	if (!s->tty || !repl_page_tall(b.buf, b.len))
		fwrite(b.buf, 1, b.len, stdout);
	sb_release(&b);
}

/* The keys of the grade prompt, on lines that fit the terminal. */
static void grade_keys(int grade, int can_undo)
{
	struct sb k = SB_INIT;
	printf("grade: %s%s%s \xe2\x80\x94 Enter to accept\n",
	       term_style(TERM_BOLD), grade_name(grade),
	       term_style(TERM_RESET));
	sb_addf(&k,
		"1-4 or again/hard/good/easy change it \xc2\xb7%s "
		"o outline \xc2\xb7 d details",
		can_undo ? " u undo \xc2\xb7" : "");
	fputs(term_style(TERM_DIM), stdout);
	print_wrapped(k.buf, 2);
	fputs(term_style(TERM_RESET), stdout);
	sb_release(&k);
}

/* The grade prompt: accept, override (1-4 or a name), undo, outline,
 * details (the full report). */
static int grade_prompt(struct session *s, const struct answer *a,
			long long attempt, const struct score_report *rep,
			struct fsrs_review *rv, int schedule)
{
	size_t qi = a->qi;
	int grade = rep->grade, stack[16], nstack = 0;
	struct sb err = SB_INIT;

	if (schedule)
		show_due(rv, 1);
	for (;;) {
		char *line = NULL, *t;
		enum repl_status rs;
		int g;

		grade_keys(grade, nstack > 0);
		/* 1-4, u, o and d take one key; words and Enter still work */
		repl_hotkeys("1234uod");
		rs = ask(s, "grade> ", 0, &line);
		if (rs != REPL_LINE) {
			if (rs == REPL_EOF && s->tty)
				fputc('\n', stdout);
			free(line);
			break;
		}
		t = trim(line);
		if (!*t) {
			free(line);
			break;
		}
		if (!strcmp(t, "o") || !strcmp(t, ":outline") ||
		    !strcmp(t, "outline")) {
			show_outline(s, qi);
		} else if (!strcmp(t, "d") || !strcmp(t, "details") ||
			   !strcmp(t, ":details")) {
			show_details(s, rep, a);
		} else if (!strcmp(t, "u") || !strcmp(t, "undo")) {
			if (!nstack) {
				puts("nothing to undo");
			} else if (store_undo_grade(s->st, attempt, &s->params,
						    &err)) {
				store_error("cannot undo the grade", &err);
			} else {
				struct fsrs_card card;
				grade = stack[--nstack];
				printf("grade back to %s\n", grade_name(grade));
				if (schedule &&
				    !store_card(s->st, s->bank->q.v[qi].id,
						&card, &err)) {
					struct fsrs_review r2 = *rv;
					r2.due = card.due;
					r2.interval_days =
						(int)((card.due -
						       card.last_review) /
						      FSRS_DAY);
					show_due(&r2, 1);
				}
			}
		} else if ((g = fsrs_rating_parse(t)) > 0) {
			struct fsrs_review r2;
			if (g == grade) {
				printf("the grade is already %s\n",
				       grade_name(g));
			} else if (store_set_grade(s->st, attempt, g,
						   &s->params, &r2, &err)) {
				store_error("cannot change the grade", &err);
			} else {
				if (nstack <
				    (int)(sizeof(stack) / sizeof(*stack)))
					stack[nstack++] = grade;
				grade = g;
				printf("grade changed to %s\n", grade_name(g));
				if (schedule)
					show_due(&r2, 1);
			}
		} else {
			puts("type Enter, 1-4, again, hard, good, easy, u, o or d");
		}
		sb_reset(&err);
		free(line);
		if (s->hungup)
			break;
	}
	sb_release(&err);
	if (!schedule)
		show_due(rv, 0);
	return grade;
}

void drill_answer_init(struct session *s, struct answer *a, size_t qi,
		       int follow_up, long long parent)
{
	const struct question *q = &s->bank->q.v[qi];
	unsigned limit = bank_question_time(s->bank, qi);
	memset(a, 0, sizeof(*a));
	sb_init(&a->text);
	a->qi = qi;
	a->follow_up = follow_up;
	a->parent = parent;
	if (follow_up >= 0 && (size_t)follow_up < q->nfollow) {
		a->asked = q->follow_ups[follow_up];
		/* A follow-up is a shorter exchange than the question. */
		limit /= 2;
		if (limit < FOLLOW_UP_MIN_S)
			limit = FOLLOW_UP_MIN_S;
	} else {
		a->asked = q->prompt;
	}
	a->limit_s = limit;
	a->started_at = drill_session_now(s);
	a->t0 = drill_mono_now();
	a->done_ms = -1;
}

/* Ask, save and score one answer; returns how collecting it ended. */
enum answer_end run_answer(struct session *s, struct answer *a, size_t num,
			   size_t total, int schedule, long long *attempt_out)
{
	const struct question *q = &s->bank->q.v[a->qi];
	struct score_report rep;
	struct fsrs_review rv;
	long long attempt = 0;
	enum answer_end end;
	int grade;

	if (attempt_out)
		*attempt_out = 0;
	drill_show_question(s, a, num, total);
	if (a->text.len) {
		/* a resumed draft: show what is there and go on */
		printf("%s(your answer so far; go on typing, or '.' to finish)%s\n",
		       term_style(TERM_DIM), term_style(TERM_RESET));
		term_write(stdout, a->text.buf, a->text.len);
	}
	end = drill_collect_answer(s, a);
	if (end == ANSWER_EMPTY) {
		puts("(no answer: skipped)");
		return ANSWER_SKIP;
	}
	if (end != ANSWER_DONE)
		return end;
	a->done_ms = drill_answer_ms(a);
	if (drill_save_and_score(s, a, schedule && a->follow_up < 0, &attempt,
				 &rep, &rv))
		return ANSWER_QUIT;
	if (a->follow_up < 0) {
		grade = grade_prompt(s, a, attempt, &rep, &rv, schedule);
	} else {
		grade = rep.grade;
		printf("follow-up graded %s (follow-ups are not scheduled)\n",
		       grade_name(grade));
		if (isatty(STDOUT_FILENO))
			printf("%s(every criterion: pmdrill review %lld --full)%s\n",
			       term_style(TERM_DIM), attempt,
			       term_style(TERM_RESET));
	}
	add_row(s, q->id, a->follow_up, drill_answer_ms(a), rep.score, grade);
	score_report_release(&rep);
	if (attempt_out)
		*attempt_out = attempt;
	return s->hungup ? ANSWER_HANGUP : ANSWER_DONE;
}

/* Offer one of the question's follow-ups after its main answer. */
enum answer_end offer_follow_up(struct session *s, size_t qi, long long parent)
{
	const struct question *q = &s->bank->q.v[qi];
	struct answer a;
	enum answer_end end;
	int k;
	if (!q->nfollow || !parent || s->hungup || s->input_done)
		return ANSWER_DONE;
	/* Take the follow-ups in turn across attempts. */
	k = s->nattempts ? s->nattempts[qi] % (int)q->nfollow : 0;
	printf("\n%sfollow-up:%s\n", term_style(TERM_BOLD),
	       term_style(TERM_RESET));
	print_wrapped(q->follow_ups[k], 2);
	if (!yesno(s, "answer it? [y/N] ", 0))
		return s->hungup ? ANSWER_HANGUP : ANSWER_DONE;
	drill_answer_init(s, &a, qi, k, parent);
	end = run_answer(s, &a, 0, 0, 0, NULL);
	sb_release(&a.text);
	return end;
}
