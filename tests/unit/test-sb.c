/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for sb: the string builder's invariants and every verb. */
#include "sb.h"

#include <stdlib.h>
#include <string.h>

#include "tap.h"

static void test_init(void)
{
	struct sb a = SB_INIT, b;
	ok(a.buf != NULL, "SB_INIT: buf is never NULL");
	is_int(a.len, 0, "SB_INIT: empty");
	is_str(a.buf, "", "SB_INIT: buf is a NUL-terminated empty string");
	sb_init(&b);
	ok(b.buf != NULL && b.len == 0 && !b.buf[0],
	   "sb_init: same as SB_INIT");
	sb_reset(&a);
	sb_release(&a);
	ok(a.buf != NULL && a.len == 0,
	   "reset and release of an empty sb are harmless");
	ok(sb_empty_[0] == '\0', "the shared empty string stays empty");
}

static void test_add(void)
{
	struct sb s = SB_INIT;
	int i;
	sb_add(&s, "abc", 3);
	sb_adds(&s, "de");
	sb_addc(&s, 'f');
	is_str(s.buf, "abcdef", "add, adds, addc append");
	is_int(s.len, 6, "len counts the bytes");
	sb_add(&s, "", 0);
	is_int(s.len, 6, "adding nothing changes nothing");
	sb_add(&s, "x\0y", 3);
	is_int(s.len, 9, "NUL bytes inside are kept");
	ok(!memcmp(s.buf, "abcdefx\0y", 10),
	   "bytes and the final NUL are right");
	sb_reset(&s);
	is_int(s.len, 0, "reset empties");
	is_str(s.buf, "", "reset leaves an empty string");
	for (i = 0; i < 10000; i++)
		sb_addc(&s, (char)('a' + i % 26));
	is_int(s.len, 10000, "grows past many reallocations");
	ok(s.buf[9999] == 'a' + 9999 % 26 && s.buf[10000] == '\0',
	   "content and terminator survive growth");
	ok(s.cap > s.len, "capacity leaves room for the NUL");
	sb_release(&s);
	ok(s.len == 0 && s.cap == 0 && s.buf == sb_empty_,
	   "release frees and re-initialises");
	sb_adds(&s, "again");
	is_str(s.buf, "again", "usable after release");
	sb_release(&s);
}

static void test_addf(void)
{
	struct sb s = SB_INIT;
	char big[3000];
	sb_addf(&s, "%d-%s-%c", 42, "x", 'y');
	is_str(s.buf, "42-x-y", "addf formats");
	sb_addf(&s, "%s", "");
	is_str(s.buf, "42-x-y", "addf of nothing appends nothing");
	memset(big, 'q', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	sb_addf(&s, "[%s]", big);
	is_int(s.len, 6 + 2 + 2999, "addf longer than the capacity");
	ok(s.buf[s.len - 1] == ']' && s.buf[s.len] == '\0',
	   "addf output is complete");
	sb_release(&s);
	sb_addf(&s, "%zu", (size_t)7);
	is_str(s.buf, "7", "addf on a fresh sb");
	sb_release(&s);
}

static void test_setlen_rtrim(void)
{
	struct sb s = SB_INIT;
	sb_adds(&s, "hello world");
	sb_setlen(&s, 5);
	is_str(s.buf, "hello", "setlen shortens");
	sb_setlen(&s, 50);
	is_int(s.len, 5, "setlen never lengthens");
	sb_adds(&s, " \t\r\n \n");
	sb_rtrim(&s);
	is_str(s.buf, "hello",
	       "rtrim drops trailing spaces, tabs and line ends");
	sb_reset(&s);
	sb_adds(&s, "  ");
	sb_rtrim(&s);
	is_str(s.buf, "", "rtrim of only blanks leaves nothing");
	sb_release(&s);
	sb_setlen(&s, 0);
	sb_rtrim(&s);
	ok(s.buf == sb_empty_ && sb_empty_[0] == '\0',
	   "setlen and rtrim on a fresh sb do not write the shared string");
}

static void test_detach(void)
{
	struct sb s = SB_INIT;
	size_t n = 99;
	char *p = sb_detach(&s, &n);
	ok(p != NULL && p != sb_empty_,
	   "detach of an empty sb gives heap memory");
	is_str(p, "", "... holding an empty string");
	is_int(n, 0, "... of length 0");
	free(p);
	sb_adds(&s, "mine");
	p = sb_detach(&s, &n);
	is_str(p, "mine", "detach hands over the content");
	is_int(n, 4, "detach reports the length");
	ok(s.buf == sb_empty_ && s.len == 0 && s.cap == 0, "the sb is reset");
	sb_adds(&s, "new");
	is_str(p, "mine", "the detached buffer is no longer the sb's");
	free(p);
	p = sb_detach(&s, NULL);
	is_str(p, "new", "detach with a NULL length");
	free(p);
}

int main(void)
{
	test_init();
	test_add();
	test_addf();
	test_setlen_rtrim();
	test_detach();
	return done_testing();
}
