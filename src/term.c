/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Colour, width and wrapped output on the terminal behind stdout. */
#include "term.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "safe.h"
#include "sb.h"
#include "wrap.h"

static const char *const sgr[TERM_STYLE_MAX] = {
	"\033[0m",  "\033[1m",  "\033[2m",  "\033[31m",   "\033[32m",
	"\033[33m", "\033[34m", "\033[36m", "\033[1;33m",
};
static const char *const prompt_sgr[TERM_STYLE_MAX] = {
	"\001\033[0m\002",  "\001\033[1m\002",  "\001\033[2m\002",
	"\001\033[31m\002", "\001\033[32m\002", "\001\033[33m\002",
	"\001\033[34m\002", "\001\033[36m\002", "\001\033[1;33m\002",
};

static int color_on;
static unsigned cached_width;
static volatile sig_atomic_t resized, width_stale;
static struct sigaction old_winch;
static int installed;

static void on_winch(int sig)
{
	resized = 1;
	width_stale = 1;
	/* Readline chains to the handler it found, so this one runs for
	 * every resize whether or not readline is reading. */
	if (old_winch.sa_handler != SIG_DFL &&
	    old_winch.sa_handler != SIG_IGN &&
	    !(old_winch.sa_flags & SA_SIGINFO) &&
	    old_winch.sa_handler != on_winch)
		old_winch.sa_handler(sig);
}

void term_init(int color)
{
	struct sigaction sa;
	color_on = color;
	cached_width = 0;
	if (installed)
		return;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_winch;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	if (!sigaction(SIGWINCH, &sa, &old_winch))
		installed = 1;
}

void term_release(void)
{
	if (installed)
		sigaction(SIGWINCH, &old_winch, NULL);
	installed = 0;
}

int term_color(void)
{
	return color_on;
}

const char *term_style(enum term_style s)
{
	return color_on && s < TERM_STYLE_MAX ? sgr[s] : "";
}

const char *term_prompt_style(enum term_style s)
{
	return color_on && s < TERM_STYLE_MAX ? prompt_sgr[s] : "";
}

int term_take_resize(void)
{
	if (!resized)
		return 0;
	resized = 0;
	return 1;
}

unsigned term_width(void)
{
	struct winsize ws;
	const char *cols;
	if (width_stale) {
		width_stale = 0;
		cached_width = 0;
	}
	if (cached_width)
		return cached_width;
	if (!ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) && ws.ws_col > 0) {
		cached_width = ws.ws_col;
	} else if ((cols = getenv("COLUMNS")) && *cols) {
		long v = strtol(cols, NULL, 10);
		cached_width = v > 0 && v < 10000 ? (unsigned)v : 80;
	} else {
		cached_width = 80;
	}
	return cached_width;
}

unsigned term_height(void)
{
	struct winsize ws;
	const char *rows;
	if (!ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) && ws.ws_row > 0)
		return ws.ws_row;
	if ((rows = getenv("LINES")) && *rows) {
		long v = strtol(rows, NULL, 10);
		if (v > 0 && v < 10000)
			return (unsigned)v;
	}
	return 24;
}

void term_write(FILE *out, const char *buf, size_t len)
{
	struct sb s = SB_INIT;
	const unsigned keep = SAFE_KEEP_NEWLINE | SAFE_KEEP_TAB;
	if (safe_is_clean(buf, len, keep)) {
		fwrite(buf, 1, len, out);
		return;
	}
	safe_term(&s, buf, len, keep);
	fwrite(s.buf, 1, s.len, out);
	sb_release(&s);
}

void term_write_fit_safe(FILE *out, const char *buf, size_t len,
			 enum term_fit how)
{
	struct sb f = SB_INIT;
	if (!isatty(fileno(out))) {
		fwrite(buf, 1, len, out);
		return;
	}
	term_render_safe(&f, buf, len, how);
	/* wrap_fit ends every line; keep an unterminated last one so */
	if (len && buf[len - 1] != '\n' && f.len)
		sb_setlen(&f, f.len - 1);
	fwrite(f.buf, 1, f.len, out);
	sb_release(&f);
}

void term_render_safe(struct sb *out, const char *buf, size_t len,
		      enum term_fit how)
{
	unsigned w = term_width();
	/* the last column stays free, as in term_wrap() */
	wrap_fit(out, buf, len, w > 1 ? w - 1 : w, how == TERM_FIT_CUT);
}

void term_render(struct sb *out, const char *buf, size_t len, enum term_fit how)
{
	struct sb s = SB_INIT;
	/* a tab would count one column: it becomes one space */
	safe_term(&s, buf, len, SAFE_KEEP_NEWLINE);
	term_render_safe(out, s.buf, s.len, how);
	sb_release(&s);
}

void term_write_fit(FILE *out, const char *buf, size_t len, enum term_fit how)
{
	struct sb s = SB_INIT;
	if (!isatty(fileno(out))) {
		term_write(out, buf, len);
		return;
	}
	/* a tab would count one column: it becomes one space */
	safe_term(&s, buf, len, SAFE_KEEP_NEWLINE);
	term_write_fit_safe(out, s.buf, s.len, how);
	sb_release(&s);
}

void term_output(FILE *out, const char *buf, size_t len, int json,
		 enum term_fit how)
{
	if (json)
		fwrite(buf, 1, len, out);
	else
		term_write_fit(out, buf, len, how);
}

int term_add_prose(struct sb *out, const char *text, unsigned indent)
{
	unsigned w = term_width();
	if (!isatty(STDOUT_FILENO))
		return 0;
	wrap_text(out, text, strlen(text), w > 1 ? w - 1 : w, indent);
	return 1;
}

void term_puts(FILE *out, const char *s)
{
	term_write(out, s, strlen(s));
}

void term_wrap(struct sb *out, const char *text, unsigned indent)
{
	unsigned w = term_width();
	struct sb clean = SB_INIT;
	safe_terms(&clean, text, SAFE_KEEP_NEWLINE | SAFE_KEEP_TAB);
	/* Leave the last column free: many terminals wrap when it is
	 * written, which would leave a blank line under a full one. */
	wrap_text(out, clean.buf ? clean.buf : "", clean.len, w > 1 ? w - 1 : w,
		  indent);
	sb_release(&clean);
}

void term_print(FILE *out, const char *text, unsigned indent)
{
	struct sb s = SB_INIT;
	term_wrap(&s, text, indent);
	term_write(out, s.buf ? s.buf : "", s.len);
	sb_release(&s);
}
