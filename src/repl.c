/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Line input on GNU readline, or on getline() when stdin is not a tty. */
#include "repl.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <readline/readline.h>
#include <readline/history.h>

#include "sb.h"
#include "term.h"
#include "xalloc.h"

static int tty_mode;
static char *hist_path;
static HISTORY_STATE *saved_hist; /* the command history, during scratch */

static repl_complete_fn *complete_fn;
static void *complete_data;
static repl_prompt_fn *live_fn;
static void *live_data;
static char *live_prompt; /* the prompt readline shows now */
static char *prefill_text;
static char *hup_line; /* the line as it stood when a hang-up came */

static volatile sig_atomic_t got_int, got_hup, got_cont;
static int stop_reason; /* why the event hook ended the line */
static double deadline; /* CLOCK_MONOTONIC s: accept the line then; 0 none */

static struct sigaction old_int, old_hup, old_term, old_cont;
static int handlers_set;

/* ---- signals: flags only ---- */

static void on_int(int sig)
{
	(void)sig;
	got_int = 1;
}

static void on_hup(int sig)
{
	(void)sig;
	got_hup = 1;
}

static void on_cont(int sig)
{
	(void)sig;
	got_cont = 1;
}

static void catch (int sig, void (*fn)(int), struct sigaction *old)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a blocked getline() must return on SIGHUP. */
	sa.sa_flags = 0;
	sigaction(sig, &sa, old);
}

/* ---- completion ---- */

static char **cands;
static size_t ncands;

static void free_cands(void)
{
	size_t i;
	for (i = 0; i < ncands; i++)
		free(cands[i]);
	free(cands);
	cands = NULL;
	ncands = 0;
}

/* readline's generator protocol: state 0 starts a new walk. */
static char *cand_generator(const char *text, int state)
{
	static size_t next;
	size_t n = strlen(text);
	if (!state)
		next = 0;
	while (next < ncands) {
		const char *c = cands[next++];
		if (!strncmp(c, text, n))
			return xstrdup(c);
	}
	return NULL;
}

static char **attempt_completion(const char *text, int start, int end)
{
	char **v, **m;
	rl_attempted_completion_over = 1; /* never fall back to file names */
	if (!complete_fn)
		return NULL;
	v = complete_fn(rl_line_buffer, start, end, complete_data);
	if (!v)
		return NULL;
	free_cands();
	cands = v;
	while (cands[ncands])
		ncands++;
	m = rl_completion_matches(text, cand_generator);
	free_cands();
	return m;
}

/* ---- readline hooks ---- */

static int event_hook(void)
{
	if (got_hup && !hup_line)
		/* If the terminal is gone, readline may yet see EOF and drop
		 * the line; keep it now. */
		hup_line = xstrdup(rl_line_buffer ? rl_line_buffer : "");
	if (got_hup || got_int) {
		stop_reason = got_hup ? REPL_HANGUP : REPL_INTERRUPT;
		got_int = 0;
		rl_done = 1;
		return 0;
	}
	if (deadline > 0) {
		struct timespec ts;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		if ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9 >= deadline) {
			/* Time is up: the line as typed is entered. */
			rl_done = 1;
			return 0;
		}
	}
	if (got_cont) {
		/* Back from Ctrl-Z and `fg`: readline has re-prepared the
		 * terminal; draw the line again. */
		got_cont = 0;
		rl_forced_update_display();
	}
	if (live_fn) {
		const char *p = live_fn(live_data);
		if (p && (!live_prompt || strcmp(p, live_prompt))) {
			free(live_prompt);
			live_prompt = xstrdup(p);
			rl_set_prompt(live_prompt);
			rl_redisplay();
		}
	}
	return 0;
}

static int startup_hook(void)
{
	if (prefill_text) {
		rl_insert_text(prefill_text);
		free(prefill_text);
		prefill_text = NULL;
	}
	return 0;
}

/* ---- public ---- */

int repl_init(const char *history_path, int color)
{
	int rc = 0;
	tty_mode = isatty(STDIN_FILENO);
	catch (SIGHUP, on_hup, &old_hup);
	catch (SIGTERM, on_hup, &old_term);
	handlers_set = 1;
	if (!tty_mode)
		return 0;
	catch (SIGINT, on_int, &old_int);
	catch (SIGCONT, on_cont, &old_cont);
	rl_readline_name = "pmdrill";
	rl_instream = stdin;
	rl_outstream = stdout;
	rl_attempted_completion_function = attempt_completion;
	rl_event_hook = event_hook;
	rl_startup_hook = startup_hook;
	/* Keep the ten-a-second tick of the event hook (readline's default
	 * is the same, but an application may have changed it). */
	rl_set_keyboard_input_timeout(100000);
	/* Set before readline reads ~/.inputrc, so the user still decides. */
	if (!color)
		rl_variable_bind("enable-active-region", "off");
	using_history();
	if (history_path && *history_path) {
		hist_path = xstrdup(history_path);
		if (read_history(hist_path) && errno != ENOENT)
			rc = -1;
	}
	return rc;
}

void repl_release(void)
{
	repl_scratch_end();
	if (tty_mode) {
		if (hist_path)
			history_truncate_file(hist_path, REPL_HISTORY_MAX);
		clear_history();
		/* Readline restores the terminal after every line; make sure
		 * nothing it prepared is left if we stop in between. */
		rl_cleanup_after_signal();
	}
	if (handlers_set) {
		sigaction(SIGHUP, &old_hup, NULL);
		sigaction(SIGTERM, &old_term, NULL);
		if (tty_mode) {
			sigaction(SIGINT, &old_int, NULL);
			sigaction(SIGCONT, &old_cont, NULL);
		}
		handlers_set = 0;
	}
	free(hist_path);
	hist_path = NULL;
	free(live_prompt);
	live_prompt = NULL;
	free(prefill_text);
	prefill_text = NULL;
	free(hup_line);
	hup_line = NULL;
	free_cands();
}

int repl_is_tty(void)
{
	return tty_mode;
}

int repl_hangup_pending(void)
{
	return got_hup != 0;
}

static enum repl_status read_plain(char **line)
{
	char *buf = NULL;
	size_t cap = 0;
	ssize_t n;
	for (;;) {
		errno = 0;
		n = getline(&buf, &cap, stdin);
		if (n >= 0)
			break;
		if (got_hup) {
			free(buf);
			*line = xstrdup("");
			return REPL_HANGUP;
		}
		if (errno == EINTR) {
			clearerr(stdin);
			continue;
		}
		free(buf);
		return REPL_EOF;
	}
	if (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	if (n && buf[n - 1] == '\r')
		buf[--n] = '\0';
	*line = buf;
	return got_hup ? REPL_HANGUP : REPL_LINE;
}

static char hotkeys[16];

/* A hot key on an empty line answers at once; elsewhere it is a letter. */
static int hotkey_accept(int count, int key)
{
	if (rl_end == 0 && strchr(hotkeys, key)) {
		char k[2] = {(char)key, '\0'};
		rl_insert_text(k);
		rl_redisplay();
		return rl_newline(1, '\n');
	}
	return rl_insert(count, key);
}

void repl_hotkeys(const char *keys)
{
	snprintf(hotkeys, sizeof(hotkeys), "%s", keys ? keys : "");
}

enum repl_status repl_readline(const char *prompt, char **line)
{
	char *s;
	size_t k;
	*line = NULL;
	if (got_hup) {
		*line = xstrdup("");
		return REPL_HANGUP;
	}
	if (!tty_mode) {
		hotkeys[0] = '\0';
		return read_plain(line);
	}
	got_int = 0;
	got_cont = 0;
	stop_reason = REPL_LINE;
	free(live_prompt);
	live_prompt = NULL;
	if (live_fn) {
		const char *p = live_fn(live_data);
		if (p)
			prompt = live_prompt = xstrdup(p);
	}
	fflush(stdout);
	for (k = 0; hotkeys[k]; k++)
		rl_bind_key((unsigned char)hotkeys[k], hotkey_accept);
	s = readline(prompt);
	for (k = 0; hotkeys[k]; k++)
		rl_bind_key((unsigned char)hotkeys[k], rl_insert);
	hotkeys[0] = '\0';
	if (stop_reason == REPL_LINE && got_hup)
		stop_reason = REPL_HANGUP;
	if (stop_reason == REPL_HANGUP && hup_line &&
	    (!s || strlen(s) < strlen(hup_line))) {
		free(s);
		s = hup_line;
		hup_line = NULL;
	}
	if (stop_reason != REPL_LINE) {
		/* The line as it stood when the signal came. */
		*line = s ? s : xstrdup(rl_line_buffer ? rl_line_buffer : "");
		return (enum repl_status)stop_reason;
	}
	if (!s)
		return REPL_EOF;
	*line = s;
	return REPL_LINE;
}

void repl_prefill(const char *text)
{
	free(prefill_text);
	prefill_text = text && *text && tty_mode ? xstrdup(text) : NULL;
}

/* The line repeats the newest history entry. */
static int same_as_last(const char *line)
{
	HIST_ENTRY *last =
		history_length ? history_get(history_base + history_length - 1)
			       : NULL;
	return last && !strcmp(last->line, line);
}

void repl_add_history(const char *line)
{
	int fd;
	if (!tty_mode || saved_hist || !line || !*line || line[0] == ' ' ||
	    same_as_last(line))
		return;
	add_history(line);
	if (!hist_path)
		return;
	/* append_history() does not create the file. */
	fd = open(hist_path, O_WRONLY | O_CREAT | O_APPEND, 0600);
	if (fd >= 0) {
		close(fd);
		append_history(1, hist_path);
	}
}

void repl_set_completer(repl_complete_fn *fn, void *data)
{
	complete_fn = fn;
	complete_data = data;
}

void repl_set_deadline(double mono)
{
	deadline = mono;
}

void repl_set_live_prompt(repl_prompt_fn *fn, void *data)
{
	live_fn = fn;
	live_data = data;
}

void repl_scratch_begin(void)
{
	HISTORY_STATE empty;
	if (!tty_mode || saved_hist)
		return;
	saved_hist = history_get_history_state();
	memset(&empty, 0, sizeof(empty));
	history_set_history_state(&empty);
}

void repl_scratch_end(void)
{
	HISTORY_STATE *scratch;
	if (!saved_hist)
		return;
	clear_history();
	scratch = history_get_history_state();
	free(scratch->entries);
	free(scratch);
	history_set_history_state(saved_hist);
	free(saved_hist);
	saved_hist = NULL;
}

void repl_scratch_add(const char *line)
{
	if (!saved_hist || !line || !*line || same_as_last(line))
		return;
	add_history(line);
}

/* While a child runs in the foreground, Ctrl-C and Ctrl-\\ are its alone:
 * pmdrill ignores them (and SIGPIPE when `pipe_too`) until restored. */
struct held_signals {
	struct sigaction oint, oquit, opipe;
	int pipe_too;
};

static void hold_signals(struct held_signals *h, int pipe_too)
{
	struct sigaction ign;
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	h->pipe_too = pipe_too;
	sigaction(SIGINT, &ign, &h->oint);
	sigaction(SIGQUIT, &ign, &h->oquit);
	if (pipe_too)
		sigaction(SIGPIPE, &ign, &h->opipe);
}

static void release_signals(const struct held_signals *h)
{
	sigaction(SIGINT, &h->oint, NULL);
	sigaction(SIGQUIT, &h->oquit, NULL);
	if (h->pipe_too)
		sigaction(SIGPIPE, &h->opipe, NULL);
}

/* In the child: the default for what the parent holds. */
static void child_signals(int pipe_too)
{
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	if (pipe_too)
		signal(SIGPIPE, SIG_DFL);
}

/* The exit status of child pid (128 if a signal ended it), -1 if none. */
static int wait_child(pid_t pid)
{
	int status;
	if (pid < 0)
		return -1;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

int repl_run(const char *const argv[])
{
	struct held_signals h;
	pid_t pid;
	int status;

	fflush(stdout);
	fflush(stderr);
	hold_signals(&h, 0);
	pid = fork();
	if (pid == 0) {
		child_signals(0);
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	status = wait_child(pid);
	release_signals(&h);
	return status;
}

int repl_page(const char *cmd, const char *buf, size_t len)
{
	struct held_signals h;
	int fd[2], status;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	if (pipe(fd))
		return -1;
	/* The pager handles Ctrl-C itself; a pager that quits early must
	 * not take pmdrill down with SIGPIPE. */
	hold_signals(&h, 1);
	pid = fork();
	if (pid == 0) {
		child_signals(1);
		dup2(fd[0], STDIN_FILENO);
		close(fd[0]);
		close(fd[1]);
		setenv("LESS", "FRX", 0);
		/* pmdrill writes UTF-8 ("…", "·") whatever the locale */
		setenv("LESSCHARSET", "utf-8", 0);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(fd[0]);
	if (pid > 0) {
		while (len) {
			ssize_t n = write(fd[1], buf, len);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break; /* EPIPE: the pager quit */
			buf += n;
			len -= (size_t)n;
		}
	}
	close(fd[1]);
	status = wait_child(pid);
	release_signals(&h);
	return status;
}

int repl_in_path(const char *name)
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

int repl_page_tall(const char *buf, size_t len)
{
	const char *pager = getenv("PAGER");
	size_t lines = 0, i;
	int st;
	if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO))
		return 0;
	for (i = 0; i < len; i++)
		lines += buf[i] == '\n';
	if (lines + 1 <= term_height())
		return 0;
	if (!pager || !*pager)
		pager = repl_in_path("less") ? "less -FRX" : NULL;
	if (!pager)
		return 0;
	st = repl_page(pager, buf, len);
	if (st >= 0 && st != 127)
		return 1;
	fprintf(stderr, "pmdrill: the pager '%s' could not be started\n",
		pager);
	return 0;
}
