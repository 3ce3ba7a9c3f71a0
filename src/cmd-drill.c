/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pmdrill drill` and the home prompt: the interactive drill session. */
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
#include "diag.h"
#include "drill.h"
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
#include "term.h"
#include "wrap.h"
#include "xalloc.h"

#define DRAFT_MAGIC "pmdrill draft 1"
#define CRAM_DEFAULT_COUNT 10
#define FOLLOW_UP_MIN_S 60u
#define WEAKEST_SHOWN 3

enum { COMPLETE_HOME, COMPLETE_NONE, COMPLETE_CATEGORY, COMPLETE_RUBRIC };

struct drill_opts {
	const char *category, *tag;
	int level;
	size_t count;
	int cram;
};

/* ---- clocks ---- */

double drill_mono_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Wall time as the session sees it: the app's clock (fixed by
 * $PMDRILL_NOW in tests) plus the time the session has run. */
long long drill_session_now(const struct session *s)
{
	return (long long)s->app->now + (long long)(drill_mono_now() - s->mono0);
}

long drill_answer_ms(const struct answer *a)
{
	return a->base_ms + (long)((drill_mono_now() - a->t0) * 1000.0);
}

void drill_fmt_clock(struct sb *out, long secs)
{
	if (secs < 0)
		secs = 0;
	if (secs >= 3600)
		sb_addf(out, "%ld:%02ld:%02ld", secs / 3600, secs / 60 % 60,
			secs % 60);
	else
		sb_addf(out, "%02ld:%02ld", secs / 60, secs % 60);
}

/* ---- small helpers ---- */

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* s without leading and trailing white space, in place. */
static char *trim(char *s)
{
	size_t n;
	while (is_space(*s))
		s++;
	n = strlen(s);
	while (n && is_space(s[n - 1]))
		s[--n] = '\0';
	return s;
}

static void store_error(const char *what, const struct sb *err)
{
	fprintf(stderr, "pmdrill: %s: %s\n", what, err->len ? err->buf : "failed");
}

/* A write that failed: the session goes on (the answer may be a draft),
 * but the command must not exit 0 at the end. */
static void save_failed(struct session *s, int rc)
{
	if (!s->save_status)
		s->save_status = store_exit_code(rc);
	if (!s->save_status)
		s->save_status = EX_IOERR;
}

/*
 * Ask one line.  In terminal mode `prompt` is readline's prompt; without
 * a terminal, prompts are not printed unless `show` (questions that need
 * an answer should still be readable in a transcript).
 */
static enum repl_status ask(struct session *s, const char *prompt, int show,
			    char **line)
{
	enum repl_status rs;
	if (s->input_done) {
		*line = NULL;
		return REPL_EOF;
	}
	if (!s->tty && show) {
		fputs(prompt, stdout);
		fputc('\n', stdout);
	}
	if (s->tty && !strchr(prompt, '\001') &&
	    wrap_cols(prompt, strlen(prompt)) + 1 >= term_width()) {
		/* Readline would break a long prompt mid-word at the edge:
		 * print all but its last line wrapped, and ask with that. */
		size_t cut;
		sb_reset(&s->prompt_buf);
		term_wrap(&s->prompt_buf, prompt, 0);
		cut = s->prompt_buf.len ? s->prompt_buf.len - 1 : 0;
		while (cut > 0 && s->prompt_buf.buf[cut - 1] != '\n')
			cut--;
		fwrite(s->prompt_buf.buf, 1, cut, stdout);
		memmove(s->prompt_buf.buf, s->prompt_buf.buf + cut,
			s->prompt_buf.len - cut);
		sb_setlen(&s->prompt_buf, s->prompt_buf.len - cut);
		if (s->prompt_buf.len)
			sb_setlen(&s->prompt_buf, s->prompt_buf.len - 1);
		sb_addc(&s->prompt_buf, ' ');
		prompt = s->prompt_buf.buf;
	}
	fflush(stdout);
	rs = repl_readline(s->tty ? prompt : "", line);
	if (rs == REPL_HANGUP)
		s->hungup = 1;
	if (rs == REPL_EOF && !s->tty)
		s->input_done = 1;
	return rs;
}

/*
 * A choice of one key from `keys` (lower case; a word starting with the
 * key works too): Enter, end of input or Ctrl-C give `def`.
 */
static int choose(struct session *s, const char *question, const char *keys,
		  int def)
{
	repl_set_live_prompt(NULL, NULL);
	for (;;) {
		char *line = NULL, *t;
		enum repl_status rs = ask(s, question, 1, &line);
		int ans = -1;
		if (rs != REPL_LINE) {
			if (rs == REPL_EOF && s->tty)
				fputc('\n', stdout);
			free(line);
			return def;
		}
		t = trim(line);
		if (!*t)
			ans = def;
		else if (strchr(keys, t[0] | 0x20) && t[0] != ' ')
			ans = t[0] | 0x20;
		free(line);
		if (ans >= 0)
			return ans;
		printf("please answer one of: %s\n", keys);
	}
}

/* A yes/no question: Enter, end of input or Ctrl-C give `def`; "y",
 * "yes", "n" and "no" (any case) answer it. */
static int yesno(struct session *s, const char *question, int def)
{
	return choose(s, question, "yn", def ? 'y' : 'n') == 'y';
}

/* ---- completion ---- */

struct strv {
	char **v;
	size_t nr, alloc;
};

/* Append s; the array stays NULL-terminated. */
static void strv_push(struct strv *sv, const char *s)
{
	ALLOC_GROW(sv->v, sv->nr + 2, sv->alloc);
	sv->v[sv->nr++] = xstrdup(s);
	sv->v[sv->nr] = NULL;
}

/* Append s unless it is there already (completion lists: short). */
static void strv_add(struct strv *sv, const char *s)
{
	size_t i;
	for (i = 0; i < sv->nr; i++)
		if (!strcmp(sv->v[i], s))
			return;
	strv_push(sv, s);
}

static int cmp_strp(const void *a, const void *b)
{
	const char *const *x = *(const char *const *const *)a;
	const char *const *y = *(const char *const *const *)b;
	int c = strcmp(*x, *y);
	return c ? c : x < y ? -1 : x > y;
}

/*
 * Drop repeats, keeping each string's first place: by sorting pointers
 * (ties in array order), n log n, where strv_add() on each of n strings
 * would compare n^2 / 2 times (50,000 follow-ups typed into `add`).
 */
static void strv_uniq(struct strv *sv)
{
	char ***ord;
	const char *kept;
	size_t i, k;
	if (sv->nr < 2)
		return;
	ord = xmalloc(sv->nr * sizeof(*ord));
	for (i = 0; i < sv->nr; i++)
		ord[i] = &sv->v[i];
	qsort(ord, sv->nr, sizeof(*ord), cmp_strp);
	kept = *ord[0];
	for (i = 1; i < sv->nr; i++) {
		if (strcmp(*ord[i], kept)) {
			kept = *ord[i];
			continue;
		}
		free(*ord[i]);
		*ord[i] = NULL;
	}
	free(ord);
	for (i = 0, k = 0; i < sv->nr; i++)
		if (sv->v[i])
			sv->v[k++] = sv->v[i];
	sv->nr = k;
	sv->v[k] = NULL;
}

static const char *const home_cmds[] = {
	"add", "check", "drill", "help", "history", "list", "mock", "next",
	"quit", "review", "search", "show", "stats", NULL,
};
static const char *const drill_flags[] = {
	"--category", "--tag", "--level", "--count", "--cram", NULL,
};
static const char *const level_names[] = {"apm", "pm", "senior", "tpm", NULL};

static void add_all(struct strv *sv, const char *const *v)
{
	for (; *v; v++)
		strv_add(sv, *v);
}

static void add_categories(struct strv *sv, const struct bank *b)
{
	size_t i;
	for (i = 0; i < b->q.nr; i++)
		strv_add(sv, b->q.v[i].category);
}

static void add_tags(struct strv *sv, const struct bank *b)
{
	size_t i, k;
	for (i = 0; i < b->q.nr; i++)
		for (k = 0; k < b->q.v[i].ntags; k++)
			strv_add(sv, b->q.v[i].tags[k]);
}

static void add_ids(struct strv *sv, const struct bank *b)
{
	size_t i;
	for (i = 0; i < b->q.nr; i++)
		strv_add(sv, b->q.v[i].id);
}

/* The words of line[0..end) before the one being completed. */
static size_t words_before(const char *line, int start, char words[2][64],
			   char *first, size_t firstlen)
{
	size_t n = 0, i = 0;
	first[0] = '\0';
	words[0][0] = words[1][0] = '\0';
	while ((int)i < start) {
		size_t a, len;
		while ((int)i < start && is_space(line[i]))
			i++;
		a = i;
		while ((int)i < start && !is_space(line[i]))
			i++;
		len = i - a;
		if (!len)
			break;
		if (!n)
			snprintf(first, firstlen, "%.*s", (int)len, line + a);
		memcpy(words[0], words[1], sizeof(words[1]));
		snprintf(words[1], sizeof(words[1]), "%.*s", (int)len, line + a);
		n++;
	}
	return n;
}

static char **complete(const char *line, int start, int end, void *data)
{
	struct session *s = data;
	struct strv sv = {0};
	char words[2][64], cmd[64];
	const char *prev;
	size_t n;
	(void)end;
	if (!s->bank && s->complete_mode != COMPLETE_HOME)
		return NULL;
	switch (s->complete_mode) {
	case COMPLETE_CATEGORY:
		add_categories(&sv, s->bank);
		return sv.v;
	case COMPLETE_RUBRIC: {
		size_t i;
		for (i = 0; i < s->bank->r.nr; i++)
			strv_add(&sv, s->bank->r.v[i].name);
		return sv.v;
	}
	case COMPLETE_NONE:
		return NULL;
	}
	n = words_before(line, start, words, cmd, sizeof(cmd));
	prev = words[1];
	if (!n) {
		add_all(&sv, home_cmds);
		return sv.v;
	}
	if (!s->bank)
		return NULL;
	if (!strcmp(prev, "--category") || !strcmp(prev, "-c"))
		add_categories(&sv, s->bank);
	else if (!strcmp(prev, "--tag"))
		add_tags(&sv, s->bank);
	else if (!strcmp(prev, "--level"))
		add_all(&sv, level_names);
	else if (!strcmp(prev, "--question"))
		add_ids(&sv, s->bank);
	else if (!strcmp(cmd, "help"))
		add_all(&sv, home_cmds);
	else if (!strcmp(cmd, "show") || !strcmp(cmd, "score"))
		add_ids(&sv, s->bank);
	else if (!strcmp(cmd, "drill")) {
		add_all(&sv, drill_flags);
		add_categories(&sv, s->bank);
	} else if (!strcmp(cmd, "mock")) {
		strv_add(&sv, "--questions");
		strv_add(&sv, "--category");
		strv_add(&sv, "--minutes");
		strv_add(&sv, "--level");
	} else if (!strcmp(cmd, "list") || !strcmp(cmd, "next")) {
		strv_add(&sv, "--category");
		strv_add(&sv, "--tag");
		strv_add(&sv, "--level");
	} else if (!strcmp(cmd, "history")) {
		strv_add(&sv, "--question");
		strv_add(&sv, "--since");
	}
	return sv.v;
}

/* ---- the live prompt ---- */

static const char *live_prompt(void *data)
{
	struct session *s = data;
	struct answer *a = s->cur;
	struct sb p = SB_INIT;
	long secs;
	int over;
	if (!a)
		return "> ";
	secs = drill_answer_ms(a) / 1000;
	over = a->limit_s && secs > (long)a->limit_s;
	if (over)
		sb_adds(&p, term_prompt_style(TERM_WARN));
	sb_addc(&p, '[');
	drill_fmt_clock(&p, secs);
	if (over && !s->color)
		sb_addc(&p, '!');
	if (s->deadline > 0) {
		/* a timed set: what is left of it, as an interviewer's clock */
		sb_adds(&p, " | ");
		drill_fmt_clock(&p, (long)(s->deadline - drill_mono_now() + 0.999));
		sb_adds(&p, " left");
	}
	sb_addc(&p, ']');
	if (over)
		sb_adds(&p, term_prompt_style(TERM_RESET));
	sb_adds(&p, " > ");
	snprintf(a->prompt, sizeof(a->prompt), "%s", p.buf);
	sb_release(&p);
	return a->prompt;
}

/* ---- drafts: an answer kept across a hang-up ---- */

static char *draft_path(void)
{
	char *dir = app_state_dir();
	struct sb p = SB_INIT;
	sb_addf(&p, "%s/draft", dir);
	free(dir);
	return sb_detach(&p, NULL);
}

struct draft {
	char *question;
	int follow_up;
	long long parent;
	long long saved;
	long elapsed_ms;
	struct sb text;
};

static void draft_release(struct draft *d)
{
	free(d->question);
	sb_release(&d->text);
	memset(d, 0, sizeof(*d));
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Write the answer so far, atomically (temp file, fsync, rename). */
static int draft_save(struct session *s, const struct answer *a)
{
	const struct question *q = &s->bank->q.v[a->qi];
	char *path = draft_path(), *dir = app_state_dir();
	struct sb body = SB_INIT, tmp = SB_INIT;
	int fd = -1, rc = -1;

	sb_addf(&body, "%s\nquestion: %s\nfollow-up: %d\nparent: %lld\n"
		       "saved: %lld\nelapsed-ms: %ld\n\n",
		DRAFT_MAGIC, q->id, a->follow_up, a->parent, drill_session_now(s),
		drill_answer_ms(a));
	sb_add(&body, a->text.buf, a->text.len);
	sb_addf(&tmp, "%s.tmp", path);
	if (mkdir_p(dir))
		goto cleanup;
	fd = open(tmp.buf, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write_all(fd, body.buf, body.len) || fsync(fd))
		goto cleanup;
	if (close(fd)) {
		fd = -1;
		goto cleanup;
	}
	fd = -1;
	if (rename(tmp.buf, path))
		goto cleanup;
	rc = 0;
cleanup:
	if (fd >= 0)
		close(fd);
	if (rc) {
		fprintf(stderr, "pmdrill: cannot save the draft '%s': %s\n",
			path, strerror(errno));
		unlink(tmp.buf);
	}
	sb_release(&body);
	sb_release(&tmp);
	free(path);
	free(dir);
	return rc;
}

/* 0 and a filled draft, 1 if there is none, -1 if unreadable. */
static int draft_load(struct draft *d)
{
	char *path = draft_path();
	struct sb buf = SB_INIT;
	const char *p, *end;
	int rc = read_file(path, &buf);

	memset(d, 0, sizeof(*d));
	d->follow_up = -1;
	if (rc) {
		rc = errno == ENOENT ? 1 : -1;
		goto cleanup;
	}
	rc = -1;
	if (strncmp(buf.buf, DRAFT_MAGIC "\n", sizeof(DRAFT_MAGIC)))
		goto cleanup;
	p = buf.buf + sizeof(DRAFT_MAGIC);
	end = buf.buf + buf.len;
	while (p < end && *p != '\n') {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *line = xstrndup(p, n), *v = strchr(line, ':');
		if (v) {
			*v++ = '\0';
			v = trim(v);
			if (!strcmp(line, "question")) {
				free(d->question);
				d->question = xstrdup(v);
			} else if (!strcmp(line, "follow-up")) {
				d->follow_up = atoi(v);
			} else if (!strcmp(line, "parent")) {
				d->parent = atoll(v);
			} else if (!strcmp(line, "saved")) {
				d->saved = atoll(v);
			} else if (!strcmp(line, "elapsed-ms")) {
				d->elapsed_ms = atol(v);
			}
		}
		free(line);
		p += n + (nl ? 1 : 0);
	}
	if (p < end && *p == '\n')
		p++;
	sb_add(&d->text, p, (size_t)(end - p));
	rc = d->question ? 0 : -1;
cleanup:
	if (rc)
		draft_release(d);
	sb_release(&buf);
	free(path);
	return rc;
}

static void draft_remove(void)
{
	char *path = draft_path();
	unlink(path);
	free(path);
}

/* ---- showing things ---- */

static void print_wrapped(const char *text, unsigned indent)
{
	term_print(stdout, text, indent);
}

void drill_show_question(struct session *s, const struct answer *a,
			  size_t num, size_t total)
{
	const struct question *q = &s->bank->q.v[a->qi];
	struct sb h = SB_INIT, t = SB_INIT;

	format_duration(&t, a->limit_s);
	fputc('\n', stdout);
	if (a->follow_up >= 0)
		sb_addf(&h, "follow-up %d", a->follow_up + 1);
	else if (total)
		sb_addf(&h, "question %zu of %zu", num, total);
	else
		sb_adds(&h, "question");
	sb_addf(&h, " \xc2\xb7 %s", q->category);
	if (q->level)
		sb_addf(&h, " \xc2\xb7 %s", qlevel_name(q->level));
	sb_addf(&h, " \xc2\xb7 time %s \xc2\xb7 %s", t.buf, q->id);
	if (s->deadline > 0) {
		sb_adds(&h, " \xc2\xb7 ");
		drill_fmt_clock(&h, (long)(s->deadline - drill_mono_now() + 0.999));
		sb_adds(&h, " left");
	}
	/* the category and id come from a bank file */
	fputs(term_style(TERM_BOLD), stdout);
	print_wrapped(h.buf, 0);
	fputs(term_style(TERM_RESET), stdout);
	print_wrapped(a->asked, 2);
	/* Every question, so :edit and Up are found when they are needed. */
	fputs(term_style(TERM_DIM), stdout);
	print_wrapped("end with '.' alone \xc2\xb7 Up recalls earlier lines \xc2\xb7 "
		      ":edit opens $EDITOR \xc2\xb7 :help", 2);
	fputs(term_style(TERM_RESET), stdout);
	sb_release(&h);
	sb_release(&t);
}

static void show_answer_help(void)
{
	print_wrapped("- '.' alone on a line, or Ctrl-D on an empty line: "
		      "finish the answer\n"
		      "- Up and Down: recall earlier lines of this answer, to "
		      "edit and enter again\n"
		      "- :edit  open $VISUAL or $EDITOR (else vi) on the answer "
		      "so far, to change any line of it\n"
		      "- :hint  show the hint\n"
		      "- :question  show the question again\n"
		      "- :skip  skip this question\n"
		      "- :quit  end the drill: keep the answer as a draft for next "
		      "time, or discard it\n"
		      "- Ctrl-C asks before it throws the answer away",
		      2);
}

static void show_outline(struct session *s, size_t qi)
{
	const struct rubric *r = bank_rubric_of(s->bank, qi);
	if (!r || !r->outline) {
		puts("  (this rubric has no outline)");
		return;
	}
	struct sb t = SB_INIT;
	safe_terms(&t, r->title ? r->title : r->name, 0);
	printf("%soutline of a strong answer (%s)%s\n", term_style(TERM_BOLD),
	       t.buf ? t.buf : "", term_style(TERM_RESET));
	sb_release(&t);
	print_wrapped(r->outline, 2);
}

static void show_due(const struct fsrs_review *rv, int scheduled)
{
	struct sb d = SB_INIT;
	if (!scheduled) {
		puts("cram: the schedule is unchanged");
		return;
	}
	store_fmt_date(&d, rv->due);
	printf("next review: %s (in %d day%s)\n", d.buf, rv->interval_days,
	       rv->interval_days == 1 ? "" : "s");
	sb_release(&d);
}

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
		fprintf(stderr, "pmdrill: the editor '%s' %s; the answer is unchanged\n",
			ed, st < 0 ? "could not be started" : "failed");
	} else if (read_file(path.buf, &back)) {
		fprintf(stderr, "pmdrill: cannot read '%s' back: %s; the answer is unchanged\n",
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
		      "(Enter or k), discard it (d), or go on answering (c)?", 0);
	repl_hotkeys("kdcKDC");
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
		sb_addf(&m, "your answer to '%s' is kept; it is offered back "
			    "the next time pmdrill starts", q->id);
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
			end = text_is_blank(&a->text) ? ANSWER_EMPTY : ANSWER_DONE;
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
			end = text_is_blank(&a->text) ? ANSWER_QUIT : ANSWER_DONE;
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
					end = s->hungup ? ANSWER_HANGUP : ANSWER_QUIT;
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
			end = text_is_blank(&a->text) ? ANSWER_EMPTY : ANSWER_DONE;
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
			fprintf(stderr, "pmdrill: hung up; your answer to '%s' is kept "
					"and offered back next time\n",
				q->id);
	}
	return end;
}

/* ---- scoring and storing ---- */

static void tally(struct session *s, const struct score_report *rep)
{
	size_t i, k;
	for (i = 0; i < rep->nitems; i++) {
		const struct score_item *it = &rep->items[i];
		if (!it->active || it->kind == CRIT_PENALTY || it->weight <= 0)
			continue;
		for (k = 0; k < s->ncs; k++)
			if (!strcmp(s->cs[k].label, it->label))
				break;
		if (k == s->ncs) {
			ALLOC_GROW(s->cs, s->ncs + 1, s->acs);
			s->cs[k].label = xstrdup(it->label);
			s->cs[k].earned = s->cs[k].weight = 0;
			s->ncs++;
		}
		s->cs[k].earned += it->earned;
		s->cs[k].weight += it->weight;
	}
}

static void add_row(struct session *s, const char *id, int follow_up, long ms,
		    double score, int grade)
{
	struct row *r;
	ALLOC_GROW(s->rows, s->nrows + 1, s->arows);
	r = &s->rows[s->nrows++];
	r->id = xstrdup(id);
	r->follow_up = follow_up;
	r->ms = ms;
	r->score = score;
	r->grade = grade;
}

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
			fprintf(stderr, "pmdrill: the answer is kept as a draft and "
					"offered back next time\n");
		sb_release(&err);
		return -1;
	}
	/* Only the draft this answer came from: one kept by :quit for
	 * another question stays until it is offered back. */
	if (a->from_draft)
		draft_remove();
	if (r) {
		bank_lexicon(s->bank);
		rubric_compile(r, 1, &dl);
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
		store_error("cannot save the score (the answer itself is saved)",
			    &err);
	}
	sb_release(&err);
	tally(s, rep);
	if (s->quiet)
		return 0; /* a mock shows no score until the end */
	fputc('\n', stdout);
	if (isatty(STDOUT_FILENO))
	{
		/* one screen; the grade prompt's 'd' shows the rest */
		report_print_compact(stdout, rep, s->color, term_width());
		fputc('\n', stdout);
	} else
		report_print(stdout, rep, a->text.buf, a->text.len, s->color,
			     term_width());
	return 0;
}

/* A program called `name` on $PATH. */
static int on_path(const char *name)
{
	const char *path = getenv("PATH"), *p;
	int found = 0;
	if (!path || !*path)
		path = "/usr/bin:/bin";
	for (p = path; !found;) {
		const char *e = strchr(p, ':');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		struct sb f = SB_INIT;
		sb_addf(&f, "%.*s/%s", (int)n, n ? p : ".", name);
		found = !access(f.buf, X_OK);
		sb_release(&f);
		if (!e)
			break;
		p = e + 1;
	}
	return found;
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
	const char *pager = getenv("PAGER");
	size_t lines = 0, i;
	int shown = 0;

	report_render(&b, rep, a->text.buf, a->text.len, s->color, term_width());
	for (i = 0; i < b.len; i++)
		lines += b.buf[i] == '\n';
	if (s->tty && isatty(STDOUT_FILENO) && lines + 2 > term_height()) {
		if (!pager || !*pager)
			pager = on_path("less") ? "less -FRX" : NULL;
		if (pager) {
			int st = repl_page(pager, b.buf, b.len);
			shown = st >= 0 && st != 127;
			if (!shown)
				fprintf(stderr, "pmdrill: the pager '%s' could not "
						"be started\n", pager);
		}
	}
	if (!shown)
		fwrite(b.buf, 1, b.len, stdout);
	sb_release(&b);
}

/* The keys of the grade prompt, on lines that fit the terminal. */
static void grade_keys(int grade, int can_undo)
{
	struct sb k = SB_INIT;
	printf("grade: %s%s%s \xe2\x80\x94 Enter to accept\n",
	       term_style(TERM_BOLD), grade_name(grade), term_style(TERM_RESET));
	sb_addf(&k, "1-4 or again/hard/good/easy change it \xc2\xb7%s "
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
			} else if (store_undo_grade(s->st, attempt, &s->params, &err)) {
				store_error("cannot undo the grade", &err);
			} else {
				struct fsrs_card card;
				grade = stack[--nstack];
				printf("grade back to %s\n", grade_name(grade));
				if (schedule && !store_card(s->st, s->bank->q.v[qi].id,
							    &card, &err)) {
					struct fsrs_review r2 = *rv;
					r2.due = card.due;
					r2.interval_days = (int)((card.due - card.last_review) /
								 FSRS_DAY);
					show_due(&r2, 1);
				}
			}
		} else if ((g = grade_parse(t)) > 0) {
			struct fsrs_review r2;
			if (g == grade) {
				printf("the grade is already %s\n", grade_name(g));
			} else if (store_set_grade(s->st, attempt, g, &s->params, &r2,
						   &err)) {
				store_error("cannot change the grade", &err);
			} else {
				if (nstack < (int)(sizeof(stack) / sizeof(*stack)))
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
}

/* Ask, save and score one answer; returns how collecting it ended. */
static enum answer_end run_answer(struct session *s, struct answer *a,
				  size_t num, size_t total, int schedule,
				  long long *attempt_out)
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
	if (drill_save_and_score(s, a, schedule && a->follow_up < 0, &attempt, &rep,
			   &rv))
		return ANSWER_QUIT;
	if (a->follow_up < 0) {
		grade = grade_prompt(s, a, attempt, &rep, &rv, schedule);
	} else {
		grade = rep.grade;
		printf("follow-up graded %s (follow-ups are not scheduled)\n",
		       grade_name(grade));
		if (isatty(STDOUT_FILENO))
			printf("%s(every criterion: pmdrill review %lld --full)%s\n",
			       term_style(TERM_DIM), attempt, term_style(TERM_RESET));
	}
	add_row(s, q->id, a->follow_up, drill_answer_ms(a), rep.score, grade);
	score_report_release(&rep);
	if (attempt_out)
		*attempt_out = attempt;
	return s->hungup ? ANSWER_HANGUP : ANSWER_DONE;
}

/* Offer one of the question's follow-ups after its main answer. */
static enum answer_end offer_follow_up(struct session *s, size_t qi,
				       long long parent)
{
	const struct question *q = &s->bank->q.v[qi];
	struct answer a;
	enum answer_end end;
	int k;
	if (!q->nfollow || !parent || s->hungup || s->input_done)
		return ANSWER_DONE;
	/* Take the follow-ups in turn across attempts. */
	k = s->nattempts ? s->nattempts[qi] % (int)q->nfollow : 0;
	printf("\n%sfollow-up:%s\n", term_style(TERM_BOLD), term_style(TERM_RESET));
	print_wrapped(q->follow_ups[k], 2);
	if (!yesno(s, "answer it? [y/N] ", 0))
		return s->hungup ? ANSWER_HANGUP : ANSWER_DONE;
	drill_answer_init(s, &a, qi, k, parent);
	end = run_answer(s, &a, 0, 0, 0, NULL);
	sb_release(&a.text);
	return end;
}

/* ---- the drill ---- */

static void print_summary(struct session *s)
{
	struct sb line = SB_INIT;
	long total = 0;
	size_t i, shown;
	int days = 0;
	struct sb err = SB_INIT;

	printf("\n%sdrill summary%s\n", term_style(TERM_BOLD),
	       term_style(TERM_RESET));
	if (!s->nrows) {
		puts("  no answers this time");
	} else {
		printf("  %-3s %-36s %6s %6s  %s\n", "#", "question", "time",
		       "score", "grade");
		for (i = 0; i < s->nrows; i++) {
			struct row *r = &s->rows[i];
			sb_reset(&line);
			drill_fmt_clock(&line, r->ms / 1000);
			if (r->follow_up >= 0)
				printf("  %-3s %-36.36s %6s %6.0f  %s\n", "",
				       "+ follow-up", line.buf, r->score,
				       grade_name(r->grade));
			else
				printf("  %-3zu %-36.36s %6s %6.0f  %s\n", i + 1, r->id,
				       line.buf, r->score, grade_name(r->grade));
			total += r->ms;
		}
		sb_reset(&line);
		drill_fmt_clock(&line, total / 1000);
		printf("  total time %s\n", line.buf);
	}
	if (s->ncs) {
		/* Weakest first: the lowest share of points earned. */
		int *used = xcalloc(s->ncs, sizeof(*used));
		sb_reset(&line);
		for (shown = 0; shown < WEAKEST_SHOWN && shown < s->ncs; shown++) {
			size_t best = s->ncs, k;
			for (k = 0; k < s->ncs; k++) {
				double share = s->cs[k].earned / s->cs[k].weight;
				if (used[k])
					continue;
				if (best == s->ncs ||
				    share < s->cs[best].earned / s->cs[best].weight)
					best = k;
			}
			used[best] = 1;
			if (s->cs[best].earned >= s->cs[best].weight)
				break;
			sb_addf(&line, "%s%s %.0f%%", shown ? ", " : "",
				s->cs[best].label,
				100.0 * s->cs[best].earned / s->cs[best].weight);
		}
		free(used);
		if (line.len) {
			fputs("  weakest: ", stdout);
			term_write(stdout, line.buf, line.len);
			fputc('\n', stdout);
		}
	}
	if (!store_streak(s->st, drill_session_now(s), &days, &err))
		printf("  streak: %d day%s\n", days, days == 1 ? "" : "s");
	else
		store_error("cannot read the streak", &err);
	sb_release(&err);
	sb_release(&line);
}

static void summary_reset(struct session *s)
{
	size_t i;
	for (i = 0; i < s->nrows; i++)
		free(s->rows[i].id);
	for (i = 0; i < s->ncs; i++)
		free(s->cs[i].label);
	s->nrows = s->ncs = 0;
}

static int cmp_qstate(const void *key, const void *elem)
{
	return strcmp(key, ((const struct store_qstate *)elem)->question_id);
}

/* The queue for these options, over every question of the bank. */
static int build_queue(struct session *s, const struct drill_opts *o,
		       struct queue *qu)
{
	struct bank *b = s->bank;
	struct queue_question *qs = xcalloc(b->q.nr + 1, sizeof(*qs));
	struct store_qstate *st = NULL;
	struct queue_opts qo;
	struct sb err = SB_INIT;
	size_t n = 0, i;
	int rc = -1;

	if (store_qstates(s->st, &st, &n, &err)) {
		store_error("cannot read the schedule", &err);
		goto cleanup;
	}
	free(s->nattempts);
	s->nattempts = xcalloc(b->q.nr + 1, sizeof(*s->nattempts));
	for (i = 0; i < b->q.nr; i++) {
		const struct question *q = &b->q.v[i];
		const struct store_qstate *k =
			n ? bsearch(q->id, st, n, sizeof(*st), cmp_qstate) : NULL;
		qs[i].id = q->id;
		qs[i].category = q->category;
		qs[i].tags = q->tags;
		qs[i].ntags = q->ntags;
		qs[i].level = (int)q->level;
		qs[i].last_score = -1;
		if (k) {
			qs[i].card = k->card;
			qs[i].first_review = k->first_review;
			qs[i].last_score = k->last_score;
			s->nattempts[i] = k->nattempts;
		}
	}
	memset(&qo, 0, sizeof(qo));
	qo.category = o->category;
	qo.tag = o->tag;
	qo.level = o->level;
	qo.cram = o->cram;
	qo.limit = o->count ? o->count : o->cram ? CRAM_DEFAULT_COUNT : 0;
	qo.new_per_day = s->new_per_day;
	qo.params = &s->params;
	qo.now = drill_session_now(s);
	if (queue_build(qu, qs, b->q.nr, &qo)) {
		fputs("pmdrill: drill: cannot build the queue\n", stderr);
		goto cleanup;
	}
	rc = 0;
cleanup:
	store_qstates_free(st, n);
	sb_release(&err);
	free(qs);
	return rc;
}

static int run_drill(struct session *s, const struct drill_opts *o)
{
	struct queue qu = {0};
	size_t i, asked = 0, total;
	int status = EX_OK;

	if (build_queue(s, o, &qu))
		return EX_IOERR;
	total = qu.nr;
	for (i = 0; i < qu.nr; i++)
		if (s->skip_id && !strcmp(s->bank->q.v[qu.v[i].index].id, s->skip_id))
			total--;
	if (!total) {
		if (o->cram)
			puts("no questions match these filters");
		else
			printf("nothing is due%s; try 'drill --cram' to practise "
			       "anyway, or 'add' a question\n",
			       qu.new_left <= 0 && qu.new_total
				       ? " and today's new questions are done"
				       : "");
		queue_release(&qu);
		return EX_OK;
	}
	summary_reset(s);
	for (i = 0; i < qu.nr; i++) {
		size_t qi = qu.v[i].index;
		struct answer a;
		long long attempt = 0;
		enum answer_end end;
		if (s->skip_id && !strcmp(s->bank->q.v[qi].id, s->skip_id))
			continue;
		drill_answer_init(s, &a, qi, -1, 0);
		end = run_answer(s, &a, ++asked, total, !o->cram, &attempt);
		sb_release(&a.text);
		if (end == ANSWER_DONE)
			end = offer_follow_up(s, qi, attempt);
		if (end == ANSWER_QUIT || end == ANSWER_HANGUP)
			break;
	}
	queue_release(&qu);
	if (s->hungup)
		return EX_TEMPFAIL;
	print_summary(s);
	return status;
}

/* Offer back an answer kept by a hang-up.  Returns 1 if it was taken up
 * and the session hung up again while it was answered. */
static int offer_draft(struct session *s)
{
	struct draft d;
	struct sb when = SB_INIT, ask_text = SB_INIT;
	long qi;
	int rc = draft_load(&d), resume;

	if (rc > 0)
		return 0;
	if (rc < 0) {
		char *p = draft_path();
		fprintf(stderr, "pmdrill: '%s' is not a draft pmdrill can read; "
				"it is left alone\n", p);
		free(p);
		return 0;
	}
	qi = qbank_find(&s->bank->q, d.question);
	if (qi < 0) {
		char *p = draft_path();
		fprintf(stderr, "pmdrill: your unfinished answer is to '%s', which "
				"is no longer in the banks; it stays in '%s'\n",
			d.question, p);
		free(p);
		draft_release(&d);
		return 0;
	}
	store_fmt_time(&when, d.saved);
	sb_addf(&ask_text, "you have an unfinished answer to %s from %s: "
			   "resume? [Y/n] ", d.question, when.buf);
	resume = yesno(s, ask_text.buf, 1);
	if (resume && !s->hungup) {
		struct answer a;
		long long attempt = 0;
		enum answer_end end;
		drill_answer_init(s, &a, (size_t)qi, d.follow_up, d.parent);
		sb_add(&a.text, d.text.buf, d.text.len);
		a.base_ms = d.elapsed_ms > 0 ? d.elapsed_ms : 0;
		a.from_draft = 1;
		summary_reset(s);
		end = run_answer(s, &a, 1, 1, d.follow_up < 0, &attempt);
		sb_release(&a.text);
		if (end == ANSWER_DONE && d.follow_up < 0)
			end = offer_follow_up(s, (size_t)qi, attempt);
		if (end == ANSWER_SKIP)
			draft_remove();
		free(s->skip_id);
		s->skip_id = xstrdup(d.question);
	} else if (!s->hungup) {
		/* Keep one copy aside rather than deleting what was typed. */
		char *p = draft_path();
		struct sb old = SB_INIT;
		sb_addf(&old, "%s.discarded", p);
		rename(p, old.buf);
		printf("draft set aside in '%s'\n", old.buf);
		sb_release(&old);
		free(p);
	}
	draft_release(&d);
	sb_release(&when);
	sb_release(&ask_text);
	return s->hungup;
}

/* ---- add ---- */

/* An id from the first words of the prompt, unique in the bank. */
static char *make_id(const struct bank *b, const char *prompt)
{
	struct sb id = SB_INIT;
	const char *p;
	int words = 0, n;
	for (p = prompt; *p && words < 6 && id.len < 40; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			sb_addc(&id, c);
		} else if (id.len && id.buf[id.len - 1] != '-') {
			sb_addc(&id, '-');
			words++;
		}
	}
	while (id.len && id.buf[id.len - 1] == '-')
		sb_setlen(&id, id.len - 1);
	if (!id.len)
		sb_adds(&id, "custom");
	if (qbank_find(&b->q, id.buf) >= 0) {
		size_t base = id.len;
		for (n = 2;; n++) {
			sb_setlen(&id, base);
			sb_addf(&id, "-%d", n);
			if (qbank_find(&b->q, id.buf) < 0)
				break;
		}
	}
	return sb_detach(&id, NULL);
}

/* A field value in record syntax: continuation lines indented, empty
 * lines as " ." (docs/FORMATS.md). */
static void add_field(struct sb *rec, const char *name, const char *value)
{
	const char *p = value;
	sb_addf(rec, "%s: ", name);
	while (1) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (p != value)
			sb_adds(rec, n ? " " : " .");
		sb_add(rec, p, n);
		sb_addc(rec, '\n');
		if (!nl)
			break;
		p = nl + 1;
	}
}

/* Ask one field; NULL when the user gave up (EOF, Ctrl-C, hang-up). */
static char *ask_field(struct session *s, const char *prompt, int mode)
{
	char *line = NULL, *v;
	enum repl_status rs;
	s->complete_mode = mode;
	rs = ask(s, prompt, 1, &line);
	s->complete_mode = COMPLETE_HOME;
	if (rs != REPL_LINE) {
		free(line);
		if (rs == REPL_EOF && s->tty)
			fputc('\n', stdout);
		return NULL;
	}
	v = xstrdup(trim(line));
	free(line);
	return v;
}

static int reload_bank(struct session *s)
{
	struct sb err = SB_INIT;
	int status;
	if (s->app->bank) {
		bank_release(s->app->bank);
		free(s->app->bank);
		s->app->bank = NULL;
	}
	s->bank = app_bank(s->app, &status);
	if (!s->bank)
		return status;
	if (store_sync_questions(s->st, s->bank, drill_session_now(s), &err))
		store_error("cannot record the questions", &err);
	sb_release(&err);
	return EX_OK;
}

/*
 * Validate the record as `check` would: every bank loaded fresh except
 * custom.txt, then custom.txt's current text plus the record, then the
 * cross-file checks with every pattern compiled.  Prints the problems in
 * the new record; returns their number of errors.
 */
static size_t validate_record(struct session *s, const char *path,
			      const struct sb *old, const char *sep,
			      const struct sb *rec)
{
	struct bank b = {0};
	struct diag_list dl = {0}, ctx = {0}, shown = {0};
	struct sb all = SB_INIT;
	char real[PATH_MAX];
	char *skip[1];
	size_t i, errors;
	unsigned first_line = 1;

	sb_add(&all, old->buf, old->len);
	sb_adds(&all, sep);
	for (i = 0; i < all.len; i++)
		if (all.buf[i] == '\n')
			first_line++;
	sb_add(&all, rec->buf, rec->len);
	skip[0] = realpath(path, real) ? real : NULL;
	bank_load_dirs(&b, s->app->bank_dirs, s->app->nbank_dirs, skip,
		       skip[0] ? 1 : 0, &ctx);
	bank_add_questions(&b, path, all.buf, all.len, &dl);
	bank_validate(&b, 1, &dl);
	for (i = 0; i < dl.nr; i++) {
		struct diag *d = &dl.v[i];
		if (!d->file || strcmp(d->file, path) || d->line < first_line)
			continue;
		ALLOC_GROW(shown.v, shown.nr + 1, shown.alloc);
		shown.v[shown.nr++] = *d;
	}
	diag_print(&shown, 1);
	errors = diag_count(&shown, DIAG_ERROR);
	free(shown.v);
	diag_release(&dl);
	diag_release(&ctx);
	bank_release(&b);
	sb_release(&all);
	return errors;
}

static int run_add(struct session *s)
{
	char *category = NULL, *prompt = NULL, *tm = NULL, *level = NULL;
	char *hint = NULL, *rubric = NULL, *id = NULL, *dir = NULL;
	struct strv follow = {0};
	struct sb rec = SB_INIT, path = SB_INIT, old = SB_INIT, qdir = SB_INIT;
	const char *sep = "";
	size_t i;
	FILE *fp;
	int status = EX_OK;

	puts("new question (Ctrl-D or Ctrl-C gives up; nothing is written "
	     "until the end)");
	if (!(category = ask_field(s, "category: ", COMPLETE_CATEGORY)) ||
	    !*category)
		goto give_up;
	if (rubric_find(&s->bank->r, category) < 0) {
		struct sb names = SB_INIT, p = SB_INIT;
		for (i = 0; i < s->bank->r.nr; i++)
			sb_addf(&names, "%s%s", i ? ", " : "", s->bank->r.v[i].name);
		printf("no rubric is called '%s'; pick one of: %s\n", category,
		       names.buf);
		sb_adds(&p, "rubric: ");
		rubric = ask_field(s, p.buf, COMPLETE_RUBRIC);
		sb_release(&names);
		sb_release(&p);
		if (!rubric || !*rubric)
			goto give_up;
	}
	if (!(prompt = ask_field(s, "prompt: ", COMPLETE_NONE)) || !*prompt)
		goto give_up;
	if (!(tm = ask_field(s, "time (e.g. 5m; Enter: the rubric's): ",
			     COMPLETE_NONE)))
		goto give_up;
	if (!(level = ask_field(s, "level (apm, pm, senior, tpm; Enter: none): ",
				COMPLETE_NONE)))
		goto give_up;
	if (!(hint = ask_field(s, "hint (Enter: none): ", COMPLETE_NONE)))
		goto give_up;
	for (;;) {
		char *f = ask_field(s, "follow-up (empty line ends): ",
				    COMPLETE_NONE);
		if (!f || !*f) {
			free(f);
			break;
		}
		strv_push(&follow, f);
		free(f);
	}
	strv_uniq(&follow);
	if (s->hungup)
		goto give_up;

	id = make_id(s->bank, prompt);
	add_field(&rec, "Id", id);
	add_field(&rec, "Category", category);
	if (rubric)
		add_field(&rec, "Rubric", rubric);
	if (*level)
		add_field(&rec, "Level", level);
	if (*tm)
		add_field(&rec, "Time", tm);
	add_field(&rec, "Prompt", prompt);
	if (*hint)
		add_field(&rec, "Hint", hint);
	for (i = 0; i < follow.nr; i++)
		add_field(&rec, "Follow-up", follow.v[i]);

	dir = app_data_dir();
	sb_addf(&qdir, "%s/questions", dir);
	sb_addf(&path, "%s/custom.txt", qdir.buf);
	if (read_file(path.buf, &old) && errno != ENOENT) {
		fprintf(stderr, "pmdrill: add: cannot read '%s': %s\n", path.buf,
			strerror(errno));
		status = EX_IOERR;
		goto cleanup;
	}
	if (old.len)
		sep = old.buf[old.len - 1] != '\n' ? "\n\n"
		      : old.len > 1 && old.buf[old.len - 2] == '\n' ? ""
								    : "\n";
	if (validate_record(s, path.buf, &old, sep, &rec)) {
		fputs("pmdrill: add: the question has errors; nothing was added\n",
		      stderr);
		status = EX_DATAERR;
		goto cleanup;
	}
	if (mkdir_p(qdir.buf) || !(fp = fopen(path.buf, "a"))) {
		fprintf(stderr, "pmdrill: add: cannot write '%s': %s\n", path.buf,
			strerror(errno));
		status = EX_IOERR;
		goto cleanup;
	}
	fputs(sep, fp);
	fwrite(rec.buf, 1, rec.len, fp);
	if (fclose(fp)) {
		fprintf(stderr, "pmdrill: add: cannot write '%s': %s\n", path.buf,
			strerror(errno));
		status = EX_IOERR;
		goto cleanup;
	}
	printf("added '%s' to %s\n", id, path.buf);
	status = reload_bank(s);
	if (status == EX_OK && s->bank && qbank_find(&s->bank->q, id) >= 0 &&
	    yesno(s, "drill it now? [y/N] ", 0)) {
		long qi = qbank_find(&s->bank->q, id);
		struct answer a;
		long long attempt = 0;
		enum answer_end end;
		summary_reset(s);
		drill_answer_init(s, &a, (size_t)qi, -1, 0);
		end = run_answer(s, &a, 1, 1, 1, &attempt);
		sb_release(&a.text);
		if (end == ANSWER_DONE)
			offer_follow_up(s, (size_t)qi, attempt);
	}
	goto cleanup;
give_up:
	puts("nothing added");
cleanup:
	free(category);
	free(prompt);
	free(tm);
	free(level);
	free(hint);
	free(rubric);
	free(id);
	free(dir);
	for (i = 0; i < follow.nr; i++)
		free(follow.v[i]);
	free(follow.v);
	sb_release(&rec);
	sb_release(&path);
	sb_release(&old);
	sb_release(&qdir);
	return status;
}

/* ---- options and the home prompt ---- */

static int parse_drill_opts(int argc, char **argv, struct drill_opts *o,
			    const struct bank *b)
{
	int a;
	memset(o, 0, sizeof(*o));
	for (a = 1; a < argc; a++) {
		const char *arg = argv[a], *val = NULL;
		const char *eq = strchr(arg, '=');
		char name[32];
		if (!strcmp(arg, "--cram")) {
			o->cram = 1;
			continue;
		}
		if (arg[0] != '-' && !o->category) {
			o->category = arg; /* `drill metrics` */
			continue;
		}
		snprintf(name, sizeof(name), "%.*s",
			 eq && arg[0] == '-' ? (int)(eq - arg) : (int)strlen(arg),
			 arg);
		if (strcmp(name, "--category") && strcmp(name, "-c") &&
		    strcmp(name, "--tag") && strcmp(name, "--level") &&
		    strcmp(name, "--count") && strcmp(name, "-n")) {
			fprintf(stderr, "pmdrill: drill: unknown option '%s'\n", arg);
			return EX_USAGE;
		}
		if (eq && arg[0] == '-')
			val = eq + 1;
		else if (a + 1 < argc)
			val = argv[++a];
		if (!val || !*val) {
			fprintf(stderr, "pmdrill: drill: '%s' needs a value\n", name);
			return EX_USAGE;
		}
		if (!strcmp(name, "--category") || !strcmp(name, "-c")) {
			o->category = val;
		} else if (!strcmp(name, "--tag")) {
			o->tag = val;
		} else if (!strcmp(name, "--level")) {
			enum qlevel l;
			if (qlevel_parse(val, &l) || l == QLEVEL_NONE) {
				fprintf(stderr, "pmdrill: drill: --level takes apm, pm, "
						"senior or tpm, not '%s'\n", val);
				return EX_USAGE;
			}
			o->level = (int)l;
		} else {
			char *end;
			long n;
			errno = 0;
			n = strtol(val, &end, 10);
			if (*end || errno || n < 1 || n > 100000) {
				fprintf(stderr, "pmdrill: drill: --count takes a "
						"number from 1, not '%s'\n", val);
				return EX_USAGE;
			}
			o->count = (size_t)n;
		}
	}
	if (b && o->category) {
		size_t i;
		for (i = 0; i < b->q.nr; i++)
			if (!strcmp(b->q.v[i].category, o->category))
				break;
		if (i == b->q.nr) {
			const char **cats;
			size_t n = bank_categories(b, &cats), k;
			fprintf(stderr, "pmdrill: drill: no category '%s'; the "
					"categories are:", o->category);
			for (k = 0; k < n; k++)
				fprintf(stderr, " %s", cats[k]);
			fputc('\n', stderr);
			free(cats);
			return EX_USAGE;
		}
	}
	return EX_OK;
}

/* Split a command line into words; "..." and '...' group. */
static size_t split_words(char *line, char **argv, size_t max)
{
	size_t n = 0;
	char *r = line, *w = line;
	while (*r && n + 1 < max) {
		char q = 0;
		while (is_space(*r))
			r++;
		if (!*r)
			break;
		argv[n++] = w;
		while (*r && (q || !is_space(*r))) {
			if (!q && (*r == '"' || *r == '\'')) {
				q = *r++;
				continue;
			}
			if (q && *r == q) {
				q = 0;
				r++;
				continue;
			}
			*w++ = *r++;
		}
		if (*r)
			r++;
		*w++ = '\0';
	}
	argv[n] = NULL;
	return n;
}

static void home_help(void)
{
	puts("commands:\n"
	     "  drill [--category C] [--tag T] [--level L] [--count N] [--cram]\n"
	     "                  answer due and new questions (or 'drill CATEGORY')\n"
	     "  mock [--questions N] [--category C]... [--minutes M]\n"
	     "                  a timed mock interview, scorecard at the end\n"
	     "  next            what a drill would ask next, and why\n"
	     "  review ID       one past attempt in full\n"
	     "  history         past attempts\n"
	     "  search TEXT     search past answers\n"
	     "  stats           attempts, streak, averages, due counts\n"
	     "  list            the questions (list --category C ...)\n"
	     "  show ID         a question with its hint, follow-ups and rubric\n"
	     "  add             write a new question to your own bank\n"
	     "  check           validate the question and rubric files\n"
	     "  help [COMMAND]  this list, or a command's options\n"
	     "  quit            leave (Ctrl-D does too)\n"
	     "Tab completes commands, categories, tags and question ids.");
}

static void home_banner(struct session *s)
{
	struct drill_opts o;
	struct queue qu = {0};
	size_t news;
	memset(&o, 0, sizeof(o));
	if (build_queue(s, &o, &qu))
		return;
	news = qu.nr > qu.due_total ? qu.nr - qu.due_total : 0;
	printf("pmdrill %s \xe2\x80\x94 %zu due, %zu new today. Type 'drill' to "
	       "start, 'help' for the commands.\n",
	       PMDRILL_VERSION, qu.due_total, news);
	queue_release(&qu);
}

static int home(struct session *s)
{
	int status = EX_OK;
	home_banner(s);
	for (;;) {
		char *line = NULL, *argv[64], *copy;
		size_t argc;
		enum repl_status rs;

		repl_set_completer(complete, s);
		s->complete_mode = COMPLETE_HOME;
		rs = ask(s, "pmdrill> ", 0, &line);
		if (rs == REPL_EOF) {
			if (s->tty)
				fputc('\n', stdout);
			break;
		}
		if (rs == REPL_HANGUP) {
			free(line);
			status = EX_TEMPFAIL;
			break;
		}
		if (rs == REPL_INTERRUPT) {
			free(line);
			continue;
		}
		copy = xstrdup(line);
		if (line[0] != ' ') /* as bash's ignorespace */
			repl_add_history(trim(copy));
		argc = split_words(copy, argv, sizeof(argv) / sizeof(*argv));
		if (!argc) {
			/* nothing */
		} else if (!strcmp(argv[0], "quit") || !strcmp(argv[0], "exit") ||
			   !strcmp(argv[0], "q")) {
			free(copy);
			free(line);
			break;
		} else if (!strcmp(argv[0], "drill")) {
			struct drill_opts o;
			if (parse_drill_opts((int)argc, argv, &o, s->bank) == EX_OK)
				run_drill(s, &o);
		} else if (!strcmp(argv[0], "mock")) {
			/* in this session: one readline, one store */
			mock_in_session(s, (int)argc, argv);
		} else if (!strcmp(argv[0], "add")) {
			run_add(s);
		} else if (!strcmp(argv[0], "help") || !strcmp(argv[0], "?")) {
			const struct cmd *c = argc > 1 ? cmd_find(argv[1]) : NULL;
			if (c)
				cmd_usage(c, stdout);
			else
				home_help();
		} else {
			const struct cmd *c = cmd_find(argv[0]);
			if (c && strcmp(argv[0], "drill")) {
				struct sb err = SB_INIT;
				fflush(stdout);
				c->fn((int)argc, argv, s->app);
				fflush(stdout);
				fflush(stderr);
				/* `config` may have changed the retention or the
				 * daily limit. */
				if (store_params(s->st, &s->params, &s->new_per_day,
						 &err))
					store_error("cannot read the settings", &err);
				sb_release(&err);
			} else {
				printf("'%s' is not a command here; type 'help'\n",
				       argv[0]);
			}
		}
		free(copy);
		free(line);
		if (s->hungup) {
			status = EX_TEMPFAIL;
			break;
		}
	}
	return status;
}

int drill_session_begin(struct session *s, struct app *app)
{
	struct sb err = SB_INIT;
	int status = EX_OK;

	if (store_open(&s->st, app->db_path, 1, &err)) {
		store_error("cannot open the database", &err);
		sb_release(&err);
		return EX_IOERR;
	}
	store_set_now(s->st, app->now);
	if (store_sync_questions(s->st, s->bank, app->now, &err) ||
	    store_params(s->st, &s->params, &s->new_per_day, &err)) {
		store_error("cannot prepare the database", &err);
		sb_release(&err);
		return EX_IOERR;
	}
	s->state_dir = app_state_dir();
	s->hist_path = xcalloc(strlen(s->state_dir) + 16, 1);
	snprintf(s->hist_path, strlen(s->state_dir) + 16, "%s/history",
		 s->state_dir);
	if (mkdir_p(s->state_dir))
		fprintf(stderr, "pmdrill: cannot create '%s': %s; the command "
				"history is not kept\n", s->state_dir, strerror(errno));
	s->color = app->color_out && isatty(STDIN_FILENO);
	repl_init(s->hist_path, s->color);
	s->tty = repl_is_tty();
	term_init(s->color);
	s->term_up = 1;
	repl_set_completer(complete, s);
	sb_release(&err);
	return status;
}

void drill_session_end(struct session *s)
{
	if (s->term_up) {
		repl_release();
		term_release();
		s->term_up = 0;
	}
	fflush(stdout);
	store_close(s->st);
	s->st = NULL;
	summary_reset(s);
	free(s->rows);
	free(s->cs);
	free(s->nattempts);
	free(s->skip_id);
	sb_release(&s->prompt_buf);
	free(s->state_dir);
	free(s->hist_path);
}

int cmd_drill(int argc, char **argv, struct app *app)
{
	struct session s;
	struct drill_opts o;
	int status, home_mode = !strcmp(argv[0], "pmdrill");

	if (cmd_wants_help(argc, argv, "drill"))
		return EX_OK;
	memset(&s, 0, sizeof(s));
	sb_init(&s.prompt_buf);
	s.app = app;
	s.mono0 = drill_mono_now();
	s.bank = app_bank(app, &status);
	if (!s.bank)
		return status;
	status = parse_drill_opts(argc, argv, &o, s.bank);
	if (status != EX_OK)
		return status;
	status = drill_session_begin(&s, app);
	if (status != EX_OK)
		goto cleanup;

	if (offer_draft(&s)) {
		status = EX_TEMPFAIL;
	} else if (home_mode) {
		status = home(&s);
	} else {
		status = run_drill(&s, &o);
	}
	/* after the summary: the failure was reported when it happened */
	if (status == EX_OK && s.save_status)
		status = s.save_status;
cleanup:
	drill_session_end(&s);
	return status;
}
