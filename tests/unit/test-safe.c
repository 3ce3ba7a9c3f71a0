/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for safe: terminal and HTML sanitising of untrusted text. */
#include "safe.h"

#include <string.h>

#include "sb.h"
#include "tap.h"

static char got[512];

static const char *term(const char *s, size_t n, unsigned flags)
{
	struct sb out = SB_INIT;
	safe_term(&out, s, n, flags);
	snprintf(got, sizeof got, "%s", out.buf);
	sb_release(&out);
	return got;
}

static const char *html(const char *s)
{
	struct sb out = SB_INIT;
	safe_html(&out, s, strlen(s));
	snprintf(got, sizeof got, "%s", out.buf);
	sb_release(&out);
	return got;
}

/* No byte below 0x20 (other than allowed ones), DEL, or C1 in UTF-8. */
static int no_controls(const char *s, int allow_nl)
{
	const unsigned char *p = (const unsigned char *)s;
	for (; *p; p++) {
		if (*p == '\n' && allow_nl)
			continue;
		if (*p < 0x20 || *p == 0x7f)
			return 0;
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			return 0;
	}
	return 1;
}

#define T(lit, flags) term(lit, sizeof lit - 1, flags)

int main(void)
{
	const char plain[] = "Plain text, with \xc3\xbc and \xe2\x82\xac.";
	is_str(term(plain, strlen(plain), 0), plain,
	       "printable UTF-8 is copied as is");
	ok(safe_is_clean(plain, strlen(plain), 0), "plain text is clean");

	is_str(T("a\x1b]0;pwned\x07z", 0), "a^[]0;pwned^Gz",
	       "OSC 0 title shown in caret notation");
	is_str(T("\x1b]52;c;SGVsbG8=\x07", 0), "^[]52;c;SGVsbG8=^G",
	       "OSC 52 clipboard write defused");
	is_str(T("\x1b[2J\x1b[H", 0), "^[[2J^[[H",
	       "CSI 2J clear screen defused");
	is_str(T("x\xc2\x9b"
		 "31m",
		 0),
	       "x<U+009B>31m", "C1 CSI shown as a code");
	is_str(T("\x7f", 0), "^?", "DEL shown as ^?");
	is_str(T("a\nb", 0), "a^Jb", "newline shown unless kept");
	is_str(T("a\nb", SAFE_KEEP_NEWLINE), "a\nb", "newline kept on request");
	is_str(T("a\tb", 0), "a b", "tab becomes a space");
	is_str(T("a\tb", SAFE_KEEP_TAB), "a\tb", "tab kept on request");
	is_str(T("a\rb", SAFE_KEEP_NEWLINE), "a^Mb",
	       "carriage return never reaches the terminal");
	is_str(T("ab\0c", 0), "ab^@c", "NUL shown as ^@");
	is_str(T("\xff"
		 "a\xc3",
		 0),
	       "\xef\xbf\xbd"
	       "a\xef\xbf\xbd",
	       "invalid bytes become U+FFFD");
	is_str(T("\xc0\xaf", 0), "\xef\xbf\xbd\xef\xbf\xbd",
	       "overlong encoding rejected byte by byte");
	is_str(T("\xed\xa0\x80", 0), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd",
	       "surrogate rejected");
	is_str(T("\xe2\x80\xae"
		 "abc",
		 0),
	       "<U+202E>abc", "bidi override shown as a code");
	ok(!safe_is_clean("\x1b", 1, 0), "ESC is not clean");
	ok(!safe_is_clean("a\n", 2, 0) &&
		   safe_is_clean("a\n", 2, SAFE_KEEP_NEWLINE),
	   "clean depends on the flags");

	{
		/* Every byte value, alone and in pairs: nothing raw gets through. */
		char in[512];
		int b, all = 1;
		for (b = 0; b < 256; b++) {
			in[2 * b] = (char)b;
			in[2 * b + 1] = (char)(255 - b);
		}
		struct sb out = SB_INIT;
		safe_term(&out, in, sizeof in, SAFE_KEEP_NEWLINE);
		all = no_controls(out.buf, 1) && strlen(out.buf) == out.len;
		sb_release(&out);
		ok(all, "no control byte survives any input byte");
	}

	is_str(html("<script>alert('x')</script> & \"q\""),
	       "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;",
	       "HTML metacharacters escaped");
	is_str(html("a\x1b[31mb\nc"), "a^[[31mb\nc",
	       "HTML: controls visible, newline kept");
	is_str(html("\xfe"), "\xef\xbf\xbd", "HTML: invalid UTF-8 replaced");
	return done_testing();
}
