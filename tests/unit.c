/*
 * unit: table-driven tests of the modules below the UI (text, wire,
 * boiler, clean_text, story, config). Each table is a list of
 * {input, expected} rows and one loop; a failure prints
 * "FAIL file:line: what (got X, want Y)". The last line is the count.
 */
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "clean.h"
#include "config.h"
#include "story.h"
#include "text.h"
#include "util.h"
#include "wire.h"

#define NELEM(a)	(sizeof (a) / sizeof (a)[0])
#define FFFD		"\xEF\xBF\xBD"

static int npassed, nfailed;

/* --- checking ---------------------------------------------------------- */

/* A printable copy of s: controls and invalid bytes as \xHH (caller
 * frees). "(null)" for NULL. */
static char *
show(const char *s, size_t n)
{
	struct buf b = { 0 };
	size_t i = 0;
	uint32_t cp;

	if (s == NULL)
		return xstrdup("(null)");
	buf_addc(&b, '"');
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t k = 1;

		if (c == '"' || c == '\\') {
			buf_addc(&b, '\\');
			buf_addc(&b, c);
		} else if (c == '\n')
			buf_adds(&b, "\\n");
		else if (c == '\t')
			buf_adds(&b, "\\t");
		else if (c < 0x20 || c == 0x7F)
			buf_printf(&b, "\\x%02X", c);
		else if (c < 0x80)
			buf_addc(&b, c);
		else {
			k = text_utf8_next(s + i, n - i, &cp);
			if ((cp == 0xFFFD && (k != 3 ||
			    memcmp(s + i, FFFD, 3) != 0)) ||
			    (cp >= 0x80 && cp <= 0x9F) ||
			    (cp >= 0x202A && cp <= 0x202E) ||
			    (cp >= 0x2066 && cp <= 0x2069)) {
				size_t j;

				for (j = 0; j < k; j++)
					buf_printf(&b, "\\x%02X",
					    (unsigned char)s[i + j]);
			} else
				buf_add(&b, s + i, k);
		}
		i += k;
	}
	buf_addc(&b, '"');
	return buf_detach(&b);
}

static void
pass(void)
{
	npassed++;
}

static void
fail(const char *file, int line, const char *what, const char *got,
    const char *want)
{
	nfailed++;
	printf("FAIL %s:%d: %s (got %s, want %s)\n", file, line, what, got,
	    want);
}

static void
check_str(const char *file, int line, const char *got, const char *want,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void
check_str(const char *file, int line, const char *got, const char *want,
    const char *fmt, ...)
{
	va_list ap;
	char what[512], *g, *w;

	if ((got == NULL && want == NULL) || (got != NULL && want != NULL &&
	    strcmp(got, want) == 0)) {
		pass();
		return;
	}
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	g = show(got, got != NULL ? strlen(got) : 0);
	w = show(want, want != NULL ? strlen(want) : 0);
	fail(file, line, what, g, w);
	free(g);
	free(w);
}

static void
check_int(const char *file, int line, long long got, long long want,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void
check_int(const char *file, int line, long long got, long long want,
    const char *fmt, ...)
{
	va_list ap;
	char what[512], g[32], w[32];

	if (got == want) {
		pass();
		return;
	}
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	snprintf(g, sizeof g, "%lld", got);
	snprintf(w, sizeof w, "%lld", want);
	fail(file, line, what, g, w);
}

#define CHECK_STR(got, want, ...) \
	check_str(__FILE__, __LINE__, (got), (want), __VA_ARGS__)
#define CHECK_INT(got, want, ...) \
	check_int(__FILE__, __LINE__, (long long)(got), (long long)(want), \
	    __VA_ARGS__)
#define CHECK(cond, ...) \
	check_int(__FILE__, __LINE__, !!(cond), 1, __VA_ARGS__)

/* Row labels: the input, shortened and made printable (caller frees). */
static char *
label(const char *s)
{
	size_t n;

	if (s == NULL)
		return xstrdup("(null)");
	n = strlen(s);
	return show(s, n > 48 ? 48 : n);
}

/* --- 1. the sanitizer -------------------------------------------------- */

/* s with every run of U+FFFD made one (caller frees). */
static char *
one_fffd(const char *s)
{
	struct buf b = { 0 };

	buf_adds(&b, "");
	while (*s != '\0') {
		if (strncmp(s, FFFD, 3) == 0) {
			buf_adds(&b, FFFD);
			while (strncmp(s, FFFD, 3) == 0)
				s += 3;
		} else
			buf_addc(&b, *s++);
	}
	return buf_detach(&b);
}

static const struct {
	const char	*in;
	size_t		 len;	/* 0: strlen(in) */
	int		 flags;
	const char	*want;
	int		 loose;	/* how many U+FFFD is policy: runs compare as one */
} sanitize_tests[] = {
	{ "plain text", 0, 0, "plain text", 0 },
	{ "", 0, 0, "", 0 },
	{ "a\x01" "b\x02" "c\x1f" "d", 0, 0, "abcd", 0 },
	{ "tab\there\nnext", 0, 0, "tab\there\nnext", 0 },
	{ "line\r\nnext\rend", 0, 0, "line\nnextend", 0 },
	{ "bell\x07 back\x08 ff\x0c vt\x0b", 0, 0, "bell back ff vt", 0 },
	{ "del\x7f" "ete", 0, 0, "delete", 0 },
	{ "a\xC2\x80" "b\xC2\x85" "c\xC2\x9F" "d", 0, 0, "abcd", 0 },
	{ "x\xE2\x80\xAE" "evil\xE2\x80\xAC" "y", 0, 0, "xevily", 0 },
	{ "\xE2\x80\xAA" "a\xE2\x80\xAB" "b\xE2\x80\xAD" "c", 0, 0, "abc", 0 },
	{ "\xE2\x81\xA6" "a\xE2\x81\xA7" "b\xE2\x81\xA8" "c\xE2\x81\xA9", 0, 0,
	    "abc", 0 },
	{ "\x1b]0;title\x07rest", 0, 0, "]0;titlerest", 0 },
	{ "\x1b[31mred\x1b[0m", 0, 0, "[31mred[0m", 0 },
	{ "a\x80" "b", 0, 0, "a" FFFD "b", 0 },
	{ "a\xE2\x82", 0, 0, "a" FFFD, 0 },
	{ "\xE2\x82" "z", 0, 0, FFFD "z", 0 },
	{ "[\xC0\xAF]", 0, 0, "[" FFFD FFFD "]", 0 },
	{ "[\xED\xA0\x80]", 0, 0, "[" FFFD "]", 1 },
	{ "[\xF4\x90\x80\x80]", 0, 0, "[" FFFD "]", 1 },
	{ "[\xFF\xFE]", 0, 0, "[" FFFD FFFD "]", 0 },
	{ "ab\0cd", 5, 0, "abcd", 0 },
	{ "\0lead", 5, 0, "lead", 0 },
	{ "caf\xC3\xA9 \xE6\x9D\xB1\xE4\xBA\xAC \xE2\x82\xAC \xF0\x9F\x98\x80",
	    0, 0, "caf\xC3\xA9 \xE6\x9D\xB1\xE4\xBA\xAC \xE2\x82\xAC "
	    "\xF0\x9F\x98\x80", 0 },
	{ "kept " FFFD, 0, 0, "kept " FFFD, 0 },
	{ "a\nb\tc", 0, TEXT_ONELINE, "a b c", 0 },
	{ "a\r\nb", 0, TEXT_ONELINE, "a b", 0 },
	{ "  a   b  ", 0, TEXT_SQUEEZE, "a b", 0 },
	{ "a\n\nb", 0, TEXT_SQUEEZE, "a b", 0 },
	{ " a \n\n b\t\tc ", 0, TEXT_ONELINE | TEXT_SQUEEZE, "a b c", 0 },
	{ "a \x01 b", 0, TEXT_ONELINE | TEXT_SQUEEZE, "a b", 0 },
	{ "\x1b \x1b", 0, TEXT_SQUEEZE, "", 0 },
};

static void
test_sanitize(void)
{
	size_t i;

	for (i = 0; i < NELEM(sanitize_tests); i++) {
		const char *in = sanitize_tests[i].in;
		size_t n = sanitize_tests[i].len ? sanitize_tests[i].len :
		    strlen(in);
		char *got = text_sanitize(in, n, sanitize_tests[i].flags);
		char *what = show(in, n);

		if (sanitize_tests[i].loose) {
			char *g = one_fffd(got);

			CHECK_STR(g, sanitize_tests[i].want,
			    "text_sanitize(%s, %d), U+FFFD runs as one", what,
			    sanitize_tests[i].flags);
			free(g);
		} else
			CHECK_STR(got, sanitize_tests[i].want,
			    "text_sanitize(%s, %d)", what,
			    sanitize_tests[i].flags);
		CHECK(text_is_clean(got), "text_is_clean(text_sanitize(%s))",
		    what);
		free(what);
		free(got);
	}
}

static const struct {
	const char	*in;
	int		 want;
} clean_tests[] = {
	{ "", 1 },
	{ "plain\ttext\n", 1 },
	{ "caf\xC3\xA9 " FFFD, 1 },
	{ "a\x01", 0 },
	{ "a\rb", 0 },
	{ "\x1b[0m", 0 },
	{ "del\x7f", 0 },
	{ "c1\xC2\x9B", 0 },
	{ "\xE2\x80\xAE" "rtl", 0 },
	{ "\xE2\x81\xA8" "iso", 0 },
	{ "bad\x80", 0 },
	{ "bad\xED\xA0\x80", 0 },
};

static void
test_is_clean(void)
{
	size_t i;

	for (i = 0; i < NELEM(clean_tests); i++) {
		char *what = label(clean_tests[i].in);

		CHECK_INT(text_is_clean(clean_tests[i].in), clean_tests[i].want,
		    "text_is_clean(%s)", what);
		free(what);
	}
}

/* --- 2. UTF-8 decoding and width --------------------------------------- */

static const struct {
	const char	*in;
	size_t		 n;
	size_t		 minlen;	/* bytes consumed, in [minlen, maxlen] */
	size_t		 maxlen;
	uint32_t	 cp;
} next_tests[] = {
	{ "A", 1, 1, 1, 'A' },
	{ "\x7f", 1, 1, 1, 0x7F },
	{ "\xC3\xA9", 2, 2, 2, 0xE9 },
	{ "\xC2\x80", 2, 2, 2, 0x80 },
	{ "\xE2\x82\xAC", 3, 3, 3, 0x20AC },
	{ "\xE6\x9D\xB1", 3, 3, 3, 0x6771 },
	{ "\xED\x9F\xBF", 3, 3, 3, 0xD7FF },
	{ "\xEF\xBF\xBD", 3, 3, 3, 0xFFFD },
	{ "\xF0\x9F\x98\x80", 4, 4, 4, 0x1F600 },
	{ "\xF4\x8F\xBF\xBF", 4, 4, 4, 0x10FFFF },
	{ "\x80", 1, 1, 1, 0xFFFD },
	{ "\xBF", 1, 1, 1, 0xFFFD },
	{ "\xC0\xAF", 2, 1, 1, 0xFFFD },	/* C0 never starts one */
	{ "\xC1\xBF", 2, 1, 1, 0xFFFD },
	{ "\xE0\x80\xAF", 3, 1, 3, 0xFFFD },	/* overlong */
	{ "\xED\xA0\x80", 3, 1, 3, 0xFFFD },	/* surrogate */
	{ "\xF4\x90\x80\x80", 4, 1, 4, 0xFFFD },	/* above U+10FFFF */
	{ "\xF5\x80\x80\x80", 4, 1, 1, 0xFFFD },
	{ "\xFF", 1, 1, 1, 0xFFFD },
	{ "\xE2\x82" "A", 3, 2, 2, 0xFFFD },	/* truncated: 'A' survives */
	{ "\xC3" "A", 2, 1, 1, 0xFFFD },
	{ "\xC3\xA9", 1, 1, 1, 0xFFFD },	/* n cuts the sequence */
	{ "\xF0\x9F\x98", 3, 1, 3, 0xFFFD },
};

static void
test_utf8_next(void)
{
	size_t i, k;
	uint32_t cp;

	for (i = 0; i < NELEM(next_tests); i++) {
		char *what = show(next_tests[i].in, next_tests[i].n);

		cp = 0;
		k = text_utf8_next(next_tests[i].in, next_tests[i].n, &cp);
		CHECK_INT(cp, next_tests[i].cp, "text_utf8_next(%s) code point",
		    what);
		if (next_tests[i].minlen == next_tests[i].maxlen)
			CHECK_INT(k, next_tests[i].minlen,
			    "text_utf8_next(%s) bytes", what);
		else
			CHECK(k >= next_tests[i].minlen &&
			    k <= next_tests[i].maxlen,
			    "text_utf8_next(%s) bytes %zu in [%zu, %zu]", what,
			    k, next_tests[i].minlen, next_tests[i].maxlen);
		free(what);
	}
}

static const struct {
	uint32_t	cp;
	int		want;
} cpwidth_tests[] = {
	{ 'a', 1 },
	{ ' ', 1 },
	{ '~', 1 },
	{ 0xE9, 1 },		/* é */
	{ 0x416, 1 },		/* Ж */
	{ 0x20AC, 1 },		/* € */
	{ 0x6771, 2 },		/* 東 */
	{ 0x3042, 2 },		/* あ */
	{ 0xAC00, 2 },		/* 가 */
	{ 0x3000, 2 },		/* ideographic space */
	{ 0xFF21, 2 },		/* fullwidth A */
	{ 0x0301, 0 },		/* combining acute */
	{ 0x0308, 0 },		/* combining diaeresis */
	{ 0x200B, 0 },		/* zero width space */
};

static const struct {
	const char	*in;
	size_t		 want;
} width_tests[] = {
	{ "", 0 },
	{ "hello", 5 },
	{ "caf\xC3\xA9", 4 },
	{ "cafe\xCC\x81", 4 },
	{ "\xE6\x9D\xB1\xE4\xBA\xAC", 4 },
	{ "a\xE6\x9D\xB1" "b", 4 },
	{ "\xE2\x82\xAC" "5", 2 },
	{ "\xE3\x81\x82\xE3\x81\x84\xE3\x81\x86", 6 },
	{ "Z\xC3\xBC" "rich", 6 },
};

static void
test_width(void)
{
	size_t i;

	for (i = 0; i < NELEM(cpwidth_tests); i++)
		CHECK_INT(text_cpwidth(cpwidth_tests[i].cp),
		    cpwidth_tests[i].want, "text_cpwidth(U+%04X)",
		    (unsigned)cpwidth_tests[i].cp);
	for (i = 0; i < NELEM(width_tests); i++) {
		char *what = label(width_tests[i].in);

		CHECK_INT(text_width(width_tests[i].in,
		    strlen(width_tests[i].in)), width_tests[i].want,
		    "text_width(%s)", what);
		free(what);
	}
}

/* --- 3. wrapping ------------------------------------------------------- */

static const struct {
	const char	*in;
	int		 width;
	const char	*want;	/* the lines joined with '|' */
} wrap_tests[] = {
	{ "hello world", 20, "hello world" },
	{ "hello world", 11, "hello world" },
	{ "hello world", 10, "hello|world" },
	{ "hello world", 5, "hello|world" },
	{ "the quick brown fox", 10, "the quick|brown fox" },
	{ "abc def", 3, "abc|def" },
	{ "ab cd", 2, "ab|cd" },
	{ "aaa   bbb", 4, "aaa|bbb" },
	{ "word ", 10, "word" },
	{ "abcdefghij", 4, "abcd|efgh|ij" },
	{ "caf\xC3\xA9 cr\xC3\xA8me", 5, "caf\xC3\xA9|cr\xC3\xA8me" },
	{ "caf\xC3\xA9 cr\xC3\xA8me", 4, "caf\xC3\xA9|cr\xC3\xA8m|e" },
	{ "Prices rose sharply on Tuesday after the announcement.", 20,
	    "Prices rose sharply|on Tuesday after the|announcement." },
	{ "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\xE5\xBA\x81\xE8\x88\x8E", 4,
	    "\xE6\x9D\xB1\xE4\xBA\xAC|\xE9\x83\xBD\xE5\xBA\x81|\xE8\x88\x8E" },
	{ "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD", 5,
	    "\xE6\x9D\xB1\xE4\xBA\xAC|\xE9\x83\xBD" },
	{ "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD", 3,
	    "\xE6\x9D\xB1|\xE4\xBA\xAC|\xE9\x83\xBD" },
	{ "ab\xE6\x9D\xB1\xE4\xBA\xAC", 3, "ab|\xE6\x9D\xB1|\xE4\xBA\xAC" },
	{ "", 10, "" },
	{ "one\ntwo", 20, "one|two" },
	{ "a\n\nb", 5, "a||b" },
	{ "one two\nthree four", 9, "one two|three|four" },
};

static void
test_wrap(void)
{
	struct text_line *lines;
	size_t i, j, n;

	for (i = 0; i < NELEM(wrap_tests); i++) {
		const char *s = wrap_tests[i].in;
		int width = wrap_tests[i].width;
		struct buf b = { 0 };
		char *what = label(s);

		lines = NULL;
		n = text_wrap(s, width, &lines);
		buf_adds(&b, "");
		for (j = 0; j < n; j++) {
			const char *p = s + lines[j].start;
			size_t len = lines[j].end - lines[j].start;

			if (j > 0)
				buf_addc(&b, '|');
			buf_add(&b, p, len);
			/* Never inside a character, never wider than width. */
			CHECK(text_utf8_valid(p, len),
			    "text_wrap(%s, %d) line %zu is whole characters",
			    what, width, j);
			CHECK(text_width(p, len) <= (size_t)width,
			    "text_wrap(%s, %d) line %zu fits", what, width, j);
		}
		CHECK_STR(buf_cstr(&b), wrap_tests[i].want, "text_wrap(%s, %d)",
		    what, width);
		buf_free(&b);
		free(lines);
		free(what);
	}
}

/* --- 4. decoding ------------------------------------------------------- */

static const struct {
	const char	*in;
	size_t		 len;		/* 0: strlen(in) */
	const char	*charset;
	const char	*want;		/* NULL: an error */
} utf8_tests[] = {
	{ "plain", 0, NULL, "plain" },
	{ "caf\xC3\xA9", 0, NULL, "caf\xC3\xA9" },
	{ "\xEF\xBB\xBFhello", 0, NULL, "hello" },
	{ "\xFF\xFEh\0i\0", 6, NULL, "hi" },
	{ "\xFE\xFF\0h\0i", 6, NULL, "hi" },
	{ "\xFF\xFE\xE9\0", 4, NULL, "\xC3\xA9" },
	{ "\xFE\xFF\xD8\x3D\xDE\x00", 6, NULL, "\xF0\x9F\x98\x80" },
	{ "\xFF\xFE" "a\0\r\0\n\0b\0", 10, NULL, "a\nb" },
	{ "\xFF\xFEh\0i", 5, NULL, "h" FFFD },	/* odd length */
	{ "\xFF\xFE\0\xD8" "a\0", 6, NULL, FFFD "a" },	/* lone surrogate */
	{ "\x93quoted\x94", 0, NULL,
	    "\xE2\x80\x9Cquoted\xE2\x80\x9D" },
	{ "a\x96" "b\x97" "c", 0, NULL, "a\xE2\x80\x93" "b\xE2\x80\x94" "c" },
	{ "\x80 5", 0, NULL, "\xE2\x82\xAC 5" },
	{ "caf\xE9", 0, NULL, "caf\xC3\xA9" },
	{ "it\x92s", 0, NULL, "it\xE2\x80\x99s" },
	{ "caf\xE9", 0, "windows-1252", "caf\xC3\xA9" },
	{ "\x93x\x94", 0, "iso-8859-1", "\xE2\x80\x9Cx\xE2\x80\x9D" },
	{ "caf\xE9", 0, "latin1", "caf\xC3\xA9" },
	{ "caf\xC3\xA9", 0, "utf-8", "caf\xC3\xA9" },
	{ "\xEF\xBB\xBF" "caf\xC3\xA9", 0, "windows-1252", "caf\xC3\xA9" },
	{ "\x93\x8C\x8B\x9E", 0, "shift_jis", "\xE6\x9D\xB1\xE4\xBA\xAC" },
	{ "\xF0\xD2\xC9\xD7\xC5\xD4", 0, "koi8-r",
	    "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82" },
	/* UTF-8 with damage stays UTF-8, each bad sequence U+FFFD. */
	{ "Z\xC3\xBCrich \xC0\xAF \xC3\xA9t\xC3\xA9", 0, NULL,
	    "Z\xC3\xBCrich " FFFD FFFD " \xC3\xA9t\xC3\xA9" },
	{ "caf\xE9 \xC3\xA9", 0, NULL, "caf" FFFD " \xC3\xA9" },
	{ "caf\xC3\xA9 \xED\xA0\x80", 0, "utf-8", "caf\xC3\xA9 " FFFD },
	{ "caf\xE9 na\xEFve d\xE9j\xE0 \xC3\xA9", 0, NULL,
	    "caf\xC3\xA9" " na\xC3\xAF" "ve d\xC3\xA9j\xC3\xA0 \xC3\x83\xC2\xA9" },
	{ "a\r\nb\rc\n", 0, NULL, "a\nb\nc\n" },
	{ "a\r\rb", 0, NULL, "a\n\nb" },
	{ "", 0, NULL, "" },
	{ "text", 0, "x-bogus", NULL },
	{ "text", 0, "utf-9", NULL },
};

static void
test_to_utf8(void)
{
	size_t i, n, outlen;
	char *got, *err, *what;

	for (i = 0; i < NELEM(utf8_tests); i++) {
		n = utf8_tests[i].len ? utf8_tests[i].len :
		    strlen(utf8_tests[i].in);
		what = show(utf8_tests[i].in, n);
		err = NULL;
		outlen = 0;
		got = text_to_utf8(utf8_tests[i].in, n, utf8_tests[i].charset,
		    &outlen, &err);
		CHECK_STR(got, utf8_tests[i].want, "text_to_utf8(%s, %s)",
		    what, utf8_tests[i].charset ? utf8_tests[i].charset :
		    "NULL");
		if (utf8_tests[i].want == NULL)
			CHECK(err != NULL && err[0] != '\0',
			    "text_to_utf8(%s, %s) sets an error", what,
			    utf8_tests[i].charset);
		else if (got != NULL) {
			CHECK_INT(outlen, strlen(utf8_tests[i].want),
			    "text_to_utf8(%s) *outlen", what);
			CHECK(err == NULL, "text_to_utf8(%s) no error", what);
		}
		free(got);
		free(err);
		free(what);
	}
}

static const struct {
	const char	*label;
	const char	*want;	/* "*": any name; NULL: unknown */
} charset_tests[] = {
	{ "utf-8", "UTF-8" },
	{ "UTF-8", "UTF-8" },
	{ "utf8", "UTF-8" },
	{ "unicode-1-1-utf-8", "UTF-8" },
	{ " utf-8 ", "UTF-8" },
	{ "\"utf-8\"", "UTF-8" },
	{ "windows-1252", "windows-1252" },
	{ "ISO-8859-1", "windows-1252" },
	{ "latin1", "windows-1252" },
	{ "us-ascii", "windows-1252" },
	{ "cp1252", "windows-1252" },
	{ "utf-16le", "UTF-16LE" },
	{ "utf-16be", "UTF-16BE" },
	{ "utf-16", "UTF-16LE" },
	{ "shift_jis", "*" },
	{ "koi8-r", "*" },
	{ "euc-kr", "*" },
	{ "gb2312", "*" },
	{ "x-bogus", NULL },
	{ "utf-9", NULL },
	{ "", NULL },
};

/* Labels of one encoding must give one name. */
/* Text encoded twice, and text that only looks like it. NULL: left as
 * it is. */
static const struct {
	const char	*in;
	const char	*want;
} mojibake_tests[] = {
	/* "it’s", "“Hi”" and "— ok" read as Windows-1252. */
	{ "it\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s \xC3\xA2\xE2\x82\xAC\xC5\x93Hi"
	  "\xC3\xA2\xE2\x82\xAC\xC2\x9D \xC3\xA2\xE2\x82\xAC\xE2\x80\x9D ok",
	  "it\xE2\x80\x99s \xE2\x80\x9CHi\xE2\x80\x9D \xE2\x80\x94 ok" },
	/* The same read as Latin-1: C1 controls in the middle. */
	{ "a\xC3\xA2\xC2\x80\xC2\x99" "b c\xC3\xA2\xC2\x80\xC2\x93" "d "
	  "e\xC3\xA2\xC2\x80\xC2\xA6",
	  "a\xE2\x80\x99" "b c\xE2\x80\x93" "d e\xE2\x80\xA6" },
	/* "Español", "Français", a no-break space, a star. */
	{ "Espa\xC3\x83\xC2\xB1" "ol Fran\xC3\x83\xC2\xA7" "ais x\xC3\x82\xC2\xA0" "y "
	  "\xC3\xA2\xC2\xAD\xC2\x90",
	  "Espa\xC3\xB1" "ol Fran\xC3\xA7" "ais x\xC2\xA0" "y \xE2\xAD\x90" },
	/* Two quoted on purpose: too few to be a page encoded twice. */
	{ "saw \"\xC3\x83\xC2\xA4\" not \"\xC3\xA4\", and \xC3\x83\xC2\xA9",
	  NULL },
	/* Real accents, a times sign before a no-break space, Hebrew. */
	{ "caf\xC3\xA9" " na\xC3\xAF" "ve \xC3\x97\xC2\xA0\xC3\x97\xC2\xA0\xC3\x97\xC2\xA0 "
	  "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", NULL },
	/* A lead without its tail, at the very end. */
	{ "x\xC3\xA2\xE2\x82\xAC y\xC3\xA2\xE2\x82\xAC z\xC3\xA2", NULL },
	{ "", NULL },
};

static void
test_mojibake(void)
{
	size_t i, n;
	char *got;

	for (i = 0; i < NELEM(mojibake_tests); i++) {
		got = text_fix_mojibake(mojibake_tests[i].in,
		    strlen(mojibake_tests[i].in), &n);
		if (mojibake_tests[i].want == NULL)
			CHECK(got == NULL, "text_fix_mojibake row %zu mends "
			    "nothing", i);
		else
			CHECK(got != NULL && n == strlen(got) &&
			    strcmp(got, mojibake_tests[i].want) == 0,
			    "text_fix_mojibake row %zu", i);
		free(got);
	}
}

static const struct {
	const char	*a;
	const char	*b;
} same_charset_tests[] = {
	{ "iso-8859-1", "windows-1252" },
	{ "shift_jis", "sjis" },
	{ "iso-8859-9", "windows-1254" },
	{ "gb2312", "gbk" },
	{ "ks_c_5601-1987", "euc-kr" },
};

static void
test_charset_name(void)
{
	const char *got, *a, *b;
	size_t i;

	for (i = 0; i < NELEM(charset_tests); i++) {
		got = text_charset_name(charset_tests[i].label);
		if (charset_tests[i].want != NULL &&
		    strcmp(charset_tests[i].want, "*") == 0)
			CHECK(got != NULL, "text_charset_name(\"%s\") known",
			    charset_tests[i].label);
		else
			CHECK_STR(got, charset_tests[i].want,
			    "text_charset_name(\"%s\")", charset_tests[i].label);
	}
	for (i = 0; i < NELEM(same_charset_tests); i++) {
		a = text_charset_name(same_charset_tests[i].a);
		b = text_charset_name(same_charset_tests[i].b);
		CHECK_STR(a, b, "text_charset_name(\"%s\") is that of \"%s\"",
		    same_charset_tests[i].a, same_charset_tests[i].b);
	}
}

/* --- 4b. the small text helpers --------------------------------------- */

static const struct {
	const char	*in;
	int		 want;
} valid_tests[] = {
	{ "", 1 },
	{ "ascii", 1 },
	{ "caf\xC3\xA9", 1 },
	{ FFFD, 1 },
	{ "\xF0\x9F\x98\x80", 1 },
	{ "caf\xE9", 0 },
	{ "\xC0\xAF", 0 },
	{ "\xED\xA0\x80", 0 },
	{ "\xF4\x90\x80\x80", 0 },
	{ "\xE2\x82", 0 },
};

static const struct {
	const char	*s;
	const char	*needle;
	long		 want;
} find_tests[] = {
	{ "Hello World", "world", 6 },
	{ "Hello World", "HELLO", 0 },
	{ "abc", "abc", 0 },
	{ "abc", "c", 2 },
	{ "abc", "abcd", -1 },
	{ "abc", "", -1 },
	{ "", "a", -1 },
	{ "xyz", "q", -1 },
	{ "aaab", "aab", 1 },
};

static const struct {
	const char	*in;
	size_t		 len;
	const char	*want;	/* "*": any kind; NULL: text */
} binary_tests[] = {
	{ "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "a PNG image" },
	{ "%PDF-1.4\n", 9, "a PDF document" },
	{ "\x1f\x8b\x08\0\0\0\0\0", 8, "gzip-compressed data" },
	{ "\x7f" "ELF\x02\x01\x01", 7, "an ELF executable" },
	{ "PK\x03\x04\x14\0", 6, "a zip archive" },
	{ "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 20, "*" },
	{ "plain text\nwith lines\n", 0, NULL },
	{ "\xFF\xFEh\0i\0", 6, NULL },
	{ "caf\xC3\xA9\r\n", 0, NULL },
	{ "\x1b[1mbold\x1b[0m text", 0, NULL },
};

static void
test_text_helpers(void)
{
	const char *kind;
	size_t i, n;

	for (i = 0; i < NELEM(valid_tests); i++) {
		char *what = label(valid_tests[i].in);

		CHECK_INT(text_utf8_valid(valid_tests[i].in,
		    strlen(valid_tests[i].in)), valid_tests[i].want,
		    "text_utf8_valid(%s)", what);
		free(what);
	}
	/* Buffers with nothing after them (ASan sees a read past the end):
	 * ASCII to the last byte, in every length around the 8- and
	 * 32-byte steps, and a bad byte at the very end. */
	for (n = 1; n <= 72; n++) {
		char *b = xmalloc(n);

		memset(b, 'a', n);
		CHECK_INT(text_utf8_valid(b, n), 1, "text_utf8_valid(%zu "
		    "ASCII bytes)", n);
		b[n - 1] = (char)0xC3;
		CHECK_INT(text_utf8_valid(b, n), 0, "text_utf8_valid(%zu "
		    "bytes, a lead byte last)", n);
		free(b);
	}
	for (i = 0; i < NELEM(find_tests); i++)
		CHECK_INT(text_find_ci(find_tests[i].s, strlen(find_tests[i].s),
		    find_tests[i].needle, strlen(find_tests[i].needle)),
		    find_tests[i].want, "text_find_ci(\"%s\", \"%s\")",
		    find_tests[i].s, find_tests[i].needle);
	for (i = 0; i < NELEM(binary_tests); i++) {
		char *what;

		n = binary_tests[i].len ? binary_tests[i].len :
		    strlen(binary_tests[i].in);
		what = show(binary_tests[i].in, n);
		kind = text_binary_kind(binary_tests[i].in, n);
		if (binary_tests[i].want != NULL &&
		    strcmp(binary_tests[i].want, "*") == 0)
			CHECK(kind != NULL, "text_binary_kind(%s) is binary",
			    what);
		else
			CHECK_STR(kind, binary_tests[i].want,
			    "text_binary_kind(%s)", what);
		free(what);
	}
}

/* --- 4c. the growable string ------------------------------------------- */

static void
test_buf(void)
{
	struct buf b = { 0 };
	char *s;

	CHECK_STR(buf_cstr(&b), "", "buf_cstr(empty buf)");
	buf_free(&b);
	s = buf_detach(&b);
	CHECK_STR(s, "", "buf_detach(empty buf)");
	free(s);
	buf_grow(&b, 100);
	CHECK_STR(buf_cstr(&b), "", "buf_cstr(after buf_grow only)");
	buf_add(&b, "abc", 2);
	buf_addc(&b, '-');
	buf_adds(&b, "xyz");
	buf_printf(&b, "%d/%s", 42, "z");
	CHECK_STR(buf_cstr(&b), "ab-xyz42/z", "buf_add/addc/adds/printf");
	CHECK_INT(b.len, 10, "buf len");
	s = buf_detach(&b);
	CHECK_STR(s, "ab-xyz42/z", "buf_detach");
	CHECK(b.data == NULL && b.len == 0, "buf_detach resets the buf");
	free(s);
}

/* --- 5. datelines ------------------------------------------------------ */

static const struct {
	const char	*in;
	int		 want;
	const char	*place;
	const char	*agency;
	const char	*date;
	const char	*rest;	/* the paragraph after the dateline */
} dateline_tests[] = {
	{ "SHANGHAI (Reuters) - China's factory activity grew in March.", 1,
	    "SHANGHAI", "Reuters", NULL, "China's factory activity grew in "
	    "March." },
	{ "LONDON, March 5 (Reuters) - Britain's economy grew faster than "
	    "expected.", 1, "LONDON", "Reuters", "March 5", "Britain's economy "
	    "grew faster than expected." },
	{ "NIJMEGEN, Netherlands (AP) \xE2\x80\x94 A Dutch court ruled on "
	    "Monday.", 1, "NIJMEGEN, Netherlands", "AP", NULL, "A Dutch court "
	    "ruled on Monday." },
	{ "Nairobi (AFP) - Kenyan police said on Sunday.", 1, "Nairobi",
	    "AFP", NULL, "Kenyan police said on Sunday." },
	{ "LISBON (Wire) \xE2\x80\x93 Portugal's parliament voted.", 1,
	    "LISBON", "Wire", NULL, "Portugal's parliament voted." },
	{ "WASHINGTON \xE2\x80\x94 The Senate voted 51-49 on Tuesday.", 1,
	    "WASHINGTON", NULL, NULL, "The Senate voted 51-49 on Tuesday." },
	{ "WASHINGTON (AP) -- Lawmakers returned on Monday.", 1,
	    "WASHINGTON", "AP", NULL, "Lawmakers returned on Monday." },
	{ "RIO DE JANEIRO (Reuters) - Brazil's central bank held rates.", 1,
	    "RIO DE JANEIRO", "Reuters", NULL, "Brazil's central bank held "
	    "rates." },
	{ "BRUSSELS, Jan. 12 (Reuters) - EU ministers met.", 1, "BRUSSELS",
	    "Reuters", "Jan. 12", "EU ministers met." },
	{ "SEOUL, 5 March (Yonhap) - North Korea fired a missile.", 1,
	    "SEOUL", "Yonhap", "5 March", "North Korea fired a missile." },
	{ "NEW YORK, March 5 \xE2\x80\x94 Stocks fell on Thursday.", 1,
	    "NEW YORK", NULL, "March 5", "Stocks fell on Thursday." },
	{ "ST. LOUIS (AP) \xE2\x80\x94 A jury found him guilty.", 1,
	    "ST. LOUIS", "AP", NULL, "A jury found him guilty." },
	{ "KYIV, Ukraine, March 5 (Reuters) - Russia launched drones.", 1,
	    "KYIV, Ukraine", "Reuters", "March 5", "Russia launched drones." },
	{ "BERLIN (dpa) - Germany's cabinet approved the budget.", 1,
	    "BERLIN", "dpa", NULL, "Germany's cabinet approved the budget." },
	{ "SAN JUAN, Puerto Rico (AP) \xE2\x80\x94 Power returned.", 1,
	    "SAN JUAN, Puerto Rico", "AP", NULL, "Power returned." },
	{ "BREAKING: Stocks fall - report", 0, NULL, NULL, NULL, NULL },
	{ "NEW YORK (Reuters) Stocks rose on Monday.", 0, NULL, NULL, NULL,
	    NULL },
	{ "The company said on Tuesday that profits rose.", 0, NULL, NULL,
	    NULL, NULL },
	{ "The United Nations (UN) said the talks would resume.", 0, NULL,
	    NULL, NULL, NULL },
	{ "Apple (AAPL.O) - shares rose 3% on Monday.", 0, NULL, NULL, NULL,
	    NULL },
	{ "washington \xE2\x80\x94 lawmakers said on Tuesday.", 0, NULL,
	    NULL, NULL, NULL },
	{ "Shares fell - analysts said the sell-off would continue.", 0,
	    NULL, NULL, NULL, NULL },
	{ "It was a long day \xE2\x80\x94 and a longer night.", 0, NULL,
	    NULL, NULL, NULL },
	{ "", 0, NULL, NULL, NULL, NULL },
};

static void
test_dateline(void)
{
	struct wire_dateline d;
	size_t i;
	int r;

	for (i = 0; i < NELEM(dateline_tests); i++) {
		const char *in = dateline_tests[i].in;
		char *what = label(in);

		r = wire_parse_dateline(in, &d);
		CHECK_INT(r, dateline_tests[i].want, "wire_parse_dateline(%s)",
		    what);
		if (r == 1 && dateline_tests[i].want == 1) {
			CHECK_STR(d.place, dateline_tests[i].place,
			    "wire_parse_dateline(%s) place", what);
			CHECK_STR(d.agency, dateline_tests[i].agency,
			    "wire_parse_dateline(%s) agency", what);
			CHECK_STR(d.date, dateline_tests[i].date,
			    "wire_parse_dateline(%s) date", what);
			CHECK_STR(d.length <= strlen(in) ? in + d.length : NULL,
			    dateline_tests[i].rest,
			    "wire_parse_dateline(%s) rest", what);
		}
		if (r == 1)
			wire_dateline_clear(&d);
		free(what);
	}
}

/* --- 6. times ---------------------------------------------------------- */

static const struct {
	const char	*in;
	const char	*want;		/* ISO 8601 UTC, or NULL for -1 */
	int		 unknown;	/* the words left over; -1: any */
} time_tests[] = {
	{ "Published: Feb 4, 2023, 03:53 UTC", "2023-02-04T03:53:00Z", 0 },
	{ "Updated 4:12 PM UTC, March 18, 2026", "2026-03-18T16:12:00Z", 0 },
	{ "March 5, 2026 12:07 PM GMT", "2026-03-05T12:07:00Z", 0 },
	{ "5 March 2026 at 14:20 GMT", "2026-03-05T14:20:00Z", 0 },
	{ "2026-03-05T12:07:00Z", "2026-03-05T12:07:00Z", 0 },
	{ "2026-03-05T12:07Z", "2026-03-05T12:07:00Z", 0 },
	{ "2026-03-05T12:07:00+01:00", "2026-03-05T11:07:00Z", 0 },
	{ "2026-03-05T12:07:00.123-05:00", "2026-03-05T17:07:00Z", 0 },
	{ "2026-03-05", "2026-03-05T00:00:00Z", 0 },
	{ "Wednesday, March 11, 2026 9:30 AM EST", "2026-03-11T14:30:00Z",
	    0 },
	{ "Sat, 21 Mar 2026 21:41:00 GMT", "2026-03-21T21:41:00Z", 0 },
	{ "Mar. 5, 2026 10:00 EDT", "2026-03-05T14:00:00Z", 0 },
	{ "March 5th, 2026", "2026-03-05T00:00:00Z", 0 },
	{ "12:07 GMT 05 Mar 2026", "2026-03-05T12:07:00Z", 0 },
	{ "2026/03/05", "2026-03-05T00:00:00Z", 0 },
	{ "March 5, 2026 12:00 p.m. UTC", "2026-03-05T12:00:00Z", 0 },
	{ "March 5, 2026 12:30 a.m. GMT", "2026-03-05T00:30:00Z", 0 },
	{ "March 5, 2026, 12:15 p.m. ET", "2026-03-05T17:15:00Z", 0 },
	{ "Updated 12 p.m. GMT, March 5, 2026", "2026-03-05T12:00:00Z", 0 },
	{ "March 5, 2026, 3 p.m. EST", "2026-03-05T20:00:00Z", 0 },
	{ "March 5, 2026 at 4:12PM EST", "2026-03-05T21:12:00Z", 0 },
	{ "Published March 5, 2026 7:00 a.m. ET", "2026-03-05T12:00:00Z", 0 },
	{ "5 Mar 2026 12:07:33 +0000", "2026-03-05T12:07:33Z", 0 },
	{ "Thu, 05 Mar 2026 12:07:33 -0500", "2026-03-05T17:07:33Z", 0 },
	{ "2026-03-05 12:07", "2026-03-05T12:07:00Z", 0 },
	{ "05.03.2026 14:20", "2026-03-05T14:20:00Z", 0 },
	{ "Sept. 9, 2025", "2025-09-09T00:00:00Z", 0 },
	{ "Posted on March 20, 2026 by Admin", "2026-03-20T00:00:00Z", 2 },
	{ "March 5", NULL, -1 },
	{ "Updated 4:12 PM UTC, March 18", NULL, -1 },
	{ "hello world", NULL, -1 },
	{ "", NULL, -1 },
	{ "Feb 30, 2026", NULL, -1 },
	{ "Feb 29, 2026", NULL, -1 },
	{ "Feb 29, 2024", "2024-02-29T00:00:00Z", 0 },
	{ "1 hour ago", NULL, -1 },
};

static void
test_parse_time(void)
{
	char iso[32];
	time_t t;
	size_t i;
	int r;

	for (i = 0; i < NELEM(time_tests); i++) {
		t = 0;
		r = wire_parse_time(time_tests[i].in, &t);
		if (r < 0)
			CHECK_STR(NULL, time_tests[i].want,
			    "wire_parse_time(\"%s\")", time_tests[i].in);
		else {
			story_format_time(t, iso, sizeof iso);
			CHECK_STR(iso, time_tests[i].want,
			    "wire_parse_time(\"%s\")", time_tests[i].in);
			if (time_tests[i].unknown >= 0)
				CHECK_INT(r, time_tests[i].unknown,
				    "wire_parse_time(\"%s\") words left",
				    time_tests[i].in);
		}
	}
}

static const struct {
	const char	*in;
	int		 want;
	const char	*when;	/* for a time line */
} time_line_tests[] = {
	{ "Published: Feb 4, 2023, 03:53 UTC", 1, "2023-02-04T03:53:00Z" },
	{ "March 5, 2026", 1, "2026-03-05T00:00:00Z" },
	{ "Updated 4:12 PM UTC, March 18, 2026", 1, "2026-03-18T16:12:00Z" },
	{ "Published 17:45 GMT, 14 March 2026 | Updated 18:02 GMT, 14 March "
	    "2026", 1, "2026-03-14T17:45:00Z" },
	{ "Posted on March 20, 2026 by Admin", 1, "2026-03-20T00:00:00Z" },
	/* Two dates run together are not one. */
	{ "21, 2025 April 24, 2025", 0, NULL },
	{ "May 21, 2025 April 24, 2025", 0, NULL },
	{ "24 March 2025", 1, "2025-03-24T00:00:00Z" },
	{ "2025 February 9, 2026", 1, "2026-02-09T00:00:00Z" },
	{ "2026-03-05T12:07:00Z", 1, "2026-03-05T12:07:00Z" },
	{ "The meeting on March 5, 2026 ended without agreement and talks "
	    "will resume next week", 0, NULL },
	{ "Prices fell 5% on March 5, 2026, traders said.", 0, NULL },
	{ "March 5", 0, NULL },
	{ "Hello world", 0, NULL },
	{ "", 0, NULL },
};

static void
test_time_line(void)
{
	char iso[32];
	time_t t;
	size_t i;
	int r;

	for (i = 0; i < NELEM(time_line_tests); i++) {
		t = 0;
		r = wire_is_time_line(time_line_tests[i].in, &t);
		CHECK_INT(r, time_line_tests[i].want,
		    "wire_is_time_line(\"%s\")", time_line_tests[i].in);
		if (r && time_line_tests[i].want) {
			story_format_time(t, iso, sizeof iso);
			CHECK_STR(iso, time_line_tests[i].when,
			    "wire_is_time_line(\"%s\") time",
			    time_line_tests[i].in);
		}
	}
}

/* --- 7. bylines -------------------------------------------------------- */

static const struct {
	const char	*in;
	const char	*want;
} byline_tests[] = {
	{ "By Jane Doe", "Jane Doe" },
	{ "By Jane Doe in Business", "Jane Doe" },
	{ "By Jane Doe Reviewed by John Roe", "Jane Doe" },
	{ "By Jane Doe, edited by John Roe", "Jane Doe" },
	{ "By Jane Doe, Ph.D.", "Jane Doe, Ph.D." },
	{ "By Jane Doe, M.D.", "Jane Doe, M.D." },
	{ "By Jane Doe Sr.", "Jane Doe Sr." },
	{ "By the end of the day.", NULL },
	{ "By 3i Global", "3i Global" },
	{ "By 3pm Friday", NULL },
	{ "By 2nd Street", NULL },
	{ "By 3i", NULL },
	{ "BY JANE DOE", "Jane Doe" },
	{ "By JANE DOE and JOHN ROE Associated Press",
	    "Jane Doe and John Roe, Associated Press" },
	{ "By ZO\xC3\x8B M\xC3\x9CLLER", "Zo\xC3\xAB M\xC3\xBCller" },
	{ "By:", "" },
	{ "By: ", "" },
	{ "By Jane Doe | March 5, 2026", "Jane Doe" },
	{ "By Jane Doe \xC2\xB7 4 min read", "Jane Doe" },
	{ "By Jane Doe, Reuters", "Jane Doe, Reuters" },
	{ "By Jane Doe and John Roe", "Jane Doe and John Roe" },
	{ "By MARY O'NEIL", "Mary O'Neil" },
	{ "By JANE DOE AND JOHN ROE", "Jane Doe and John Roe" },
	{ "By Jane Doe and John Roe Reuters", "Jane Doe and John Roe, Reuters" },
	{ "Written by A B", "A B" },
	{ "By AFP", "AFP" },
	{ "By the end of the day, prices had fallen.", NULL },
	{ "Byron Bay is a town", NULL },
	{ "by far the largest share of the vote", NULL },
	{ "By 2030, emissions must fall by half.", NULL },
	{ "Bylaws were changed", NULL },
	{ "The report was written by Jane Doe", NULL },
};

static void
test_byline(void)
{
	size_t i;
	char *got;

	for (i = 0; i < NELEM(byline_tests); i++) {
		got = wire_parse_byline(byline_tests[i].in);
		CHECK_STR(got, byline_tests[i].want,
		    "wire_parse_byline(\"%s\")", byline_tests[i].in);
		free(got);
	}
}

/* --- 8. credits -------------------------------------------------------- */

static const struct {
	const char	*in;
	const char	*want;
} credits_tests[] = {
	{ "(Reporting by A; Editing by B)", "Reporting by A; Editing by B" },
	{ "Reporting by A; Editing by B", "Reporting by A; Editing by B" },
	{ "Reporting by Jane Doe; editing by John Roe ",
	    "Reporting by Jane Doe; editing by John Roe" },
	{ "(Reporting by Jane Doe in London; Additional reporting by John Roe;"
	    " Writing by Mary Major; Editing by Alex Smith)",
	    "Reporting by Jane Doe in London; Additional reporting by John Roe;"
	    " Writing by Mary Major; Editing by Alex Smith" },
	{ "(Writing by Mary Major; Editing by Alex Smith)",
	    "Writing by Mary Major; Editing by Alex Smith" },
	{ "(Editing by B)", "Editing by B" },
	{ "Editing by Alex Smith", "Editing by Alex Smith" },
	{ "Additional reporting by John Roe", "Additional reporting by John Roe" },
	{ "Associated Press writer X in Paris contributed to this report.",
	    "Associated Press writer X in Paris contributed to this report." },
	{ "Associated Press writers Jane Doe in Rome and John Roe in Berlin "
	    "contributed to this report.", "Associated Press writers Jane Doe "
	    "in Rome and John Roe in Berlin contributed to this report." },
	{ "The minister said the talks would continue next week.", NULL },
	{ "(He declined to comment.)", NULL },
	{ "The newspaper's reporting by its investigative team won a prize.",
	    NULL },
	{ "She said editing by committee was slow.", NULL },
	{ "", NULL },
};

static void
test_credits(void)
{
	size_t i;
	char *got;

	for (i = 0; i < NELEM(credits_tests); i++) {
		got = wire_parse_credits(credits_tests[i].in);
		CHECK_STR(got, credits_tests[i].want,
		    "wire_parse_credits(\"%s\")", credits_tests[i].in);
		free(got);
	}
}

static const struct {
	const char	*in;
	const char	*want;
} fingerprint_tests[] = {
	{ "", "" },
	{ "Hello, World!", "helloworld" },
	{ "A \xE2\x80\x94 B \xE2\x80\x93 C - D", "abcd" },
	{ "\xE2\x80\x9CQuoted\xE2\x80\x9D it\xE2\x80\x99s", "quotedits" },
	{ "Caf\xC3\xA9 2026", "caf\xC3\xA9" "2026" },
	{ "\xC2\xAB" "Oui\xC2\xBB", "oui" },
	{ "ab\xE2\x80", "ab" },		/* cut inside a dash */
};

static const struct {
	const char	*in;
	int		 want;
} name_line_tests[] = {
	{ "Jane Doe", 1 },
	{ "Jane (Roe) Doe", 1 },
	{ "Jane / Garden Notes", 1 },
	{ "Jane (roe) Doe", 0 },
	{ "Jane Doe and John Roe", 1 },
	{ "Jane Doe, John Roe", 1 },
	{ "Ludwig van Beethoven", 1 },
	{ "the end of the day", 0 },
	{ "Updated 5:00", 0 },
	{ "Jane Doe.", 0 },
	{ "Follow @janedoe", 0 },
	{ "", 0 },
};

static void
test_wire_helpers(void)
{
	size_t i;
	char *got;

	for (i = 0; i < NELEM(fingerprint_tests); i++) {
		char *what = label(fingerprint_tests[i].in);

		got = wire_fingerprint(fingerprint_tests[i].in);
		CHECK_STR(got, fingerprint_tests[i].want,
		    "wire_fingerprint(%s)", what);
		free(got);
		free(what);
	}
	for (i = 0; i < NELEM(name_line_tests); i++)
		CHECK_INT(wire_is_name_line(name_line_tests[i].in),
		    name_line_tests[i].want, "wire_is_name_line(\"%s\")",
		    name_line_tests[i].in);
}

/* --- 9. boilerplate ---------------------------------------------------- */

static const struct {
	const char	*in;
	const char	*want;	/* the reason, or NULL */
	int		 ender;	/* -1: either */
} boiler_tests[] = {
	{ "Advertisement", "advertisement", 0 },
	{ "ADVERTISEMENT", "advertisement", 0 },
	{ "Share this article", "share", 0 },
	{ "Copy Link", "share", 0 },
	{ "Like this:", "share", 0 },
	{ "Connected Papers Toggle", "form", 0 },
	{ "Table of Contents", "navigation", 0 },
	{ "Learn More", "promotion", 0 },
	{ "Learn more about the harbour's history at the museum.", NULL, 0 },
	{ "Estimated reading time:", "reading time", 0 },
	{ "View author page", "author bio", 0 },
	{ "Contact Us Today!", "promotion", 1 },
	{ "Want to know more? Our advisers can walk you through it.",
	  "promotion", 1 },
	{ "Toggle the dark mode on for night reading in the app", NULL, 0 },
	{ "Loading paragraph...", "not text", 0 },
	{ "Loading\xE2\x80\xA6", "not text", 0 },
	{ "This slideshow requires JavaScript.", "not text", 0 },
	{ "About the author: Jo Park is a reporter in Busan who covers "
	  "ports.", "author bio", 0 },
	{ "Share this:", "share", 0 },
	{ "Like Loading...", "share", 0 },
	{ "Read More \xC2\xBB", "related", 1 },
	{ "Related articles that may interest you", "related", 1 },
	{ "Related posts", "related", 1 },
	{ "Related articles show the fund lost money in all of 2024 and "
	  "most of 2025.", NULL, 0 },
	{ "The post Ten ways to cut costs appeared first on Ledger Weekly.",
	  "promotion", 1 },
	{ "Since you made it to the bottom of this article, we have a "
	  "small favour to ask.", "promotion", 1 },
	{ "Prices were accurate at the time this article was published.",
	  "disclosure", 0 },
	{ "Email", "share", 0 },
	{ "Skip to main content", "navigation", 0 },
	{ "Home > News > Markets", "navigation", 0 },
	{ "4 min read", "reading time", 0 },
	{ "Listen to article", "reading time", 0 },
	{ "Sign up for our daily newsletter", "newsletter", 0 },
	{ "Enter your email", "newsletter", 0 },
	{ "Subscribe", "newsletter", 0 },
	{ "RELATED COVERAGE", "related", 1 },
	{ "Most read", "related", 1 },
	{ "You may also like", "related", 1 },
	{ "Read more", "related", 1 },
	{ "Sponsored", "sponsored", 1 },
	{ "Copyright 2026 Agency. All rights reserved.", "copyright", 0 },
	{ "Follow us on Twitter", "app promotion", 0 },
	{ "Photo: Jane Doe/Reuters", "caption", 0 },
	{ "Sign up", "newsletter", 0 },
	{ "Print", "share", 0 },
	{ "Trending", "related", 1 },
	{ "Most popular", "related", 1 },
	{ "Read more: Stocks slide as yields climb", "related", 0 },
	{ "Click here", "promotion", 0 },
	{ "Terms of Use | Privacy Policy | Contact Us", "footer", 0 },
	{ "nwo/jbr/kb", "agency routing", 0 },
	{ "Updated 2 hours ago", "time", 0 },
	{ "https://example.com/story", "link", 0 },
	{ "Page 3 of 8", "navigation", 0 },
	{ "Staff Writer | 5 min read", "reading time", 0 },
	{ "Book a demo", "promotion", 0 },
	{ "View on Amazon", "promotion", 0 },
	{ "We may earn commission from links on this page, but we only "
	    "recommend products we back.", "disclosure", 0 },
	{ "As an Amazon Associate we earn from qualifying purchases.",
	    "disclosure", 0 },
	{ "We are a reader-supported website and do not accept payment "
	    "from manufacturers.", "disclosure", 0 },
	{ "Be the first to comment", "comments", 1 },
	{ "Reply", "comments", 1 },
	{ "reply to comment", "comments", 1 },
	{ "Log in to Reply", "comments", 1 },
	{ "Book Now", "promotion", 0 },
	{ "Reply to the ministry is due by Friday, officials said.", NULL,
	    0 },
	{ "Posted by Dana at March 3, 2026 9:15 am", "byline", 0 },
	{ "In partnership with", "sponsored", 0 },
	{ "The company said advertising revenue fell 4% in the quarter, its "
	    "third straight decline.", NULL, 0 },
	{ "Page 3 of the filing lists the bank's debts.", NULL, 0 },
	{ "Shareholders who earn a commission on each sale were told to "
	    "report it to the regulator by June, the agency said and added "
	    "that the rules would apply to every broker in the country from "
	    "next year, including those working part time or from home, and "
	    "to those who sell through other firms.", NULL, 0 },
	{ "Analysts said the plan was chosen independently by the board.",
	    NULL, 0 },
	{ "Residents who subscribe to the city's emergency text alerts were "
	    "told to stay away from the pier on Tuesday.", NULL, 0 },
	{ "Share prices fell 3% on Tuesday after the report.", NULL, 0 },
	{ "Home prices rose for a third month in March, the data showed.",
	    NULL, 0 },
	{ "Most read the statement as a warning to Beijing, analysts said.",
	    NULL, 0 },
	{ "You may also like the new design, the company said.", NULL, 0 },
	{ "He said he would read more of the report before deciding.", NULL,
	    0 },
	{ "Subscribers to the service will pay $5 more a month from June.",
	    NULL, 0 },
	{ "He told reporters the newsletter had 10,000 readers.", NULL, 0 },
	{ "The app lets users share photos with friends, the company said.",
	    NULL, 0 },
	{ "Copyright lawyers said the ruling could reshape how music is "
	    "licensed in Europe.", NULL, 0 },
	/* Rows of facts look like menus and trails but name no pages. */
	{ "News | Sport | Weather | Culture", "navigation", 0 },
	{ "Text size: A A A | Print this page | Email to a friend",
	    "navigation", 0 },
	{ "Cost per Credit: In-State | $472 Out-of-State | $472", NULL, 0 },
	{ "CPU: Intel Core i3 | RAM: 16GB | Storage: 512GB SSD", NULL, 0 },
	{ "a large reusable bag (baggu | madetrade | amazon)", NULL, 0 },
	{ "Home / Europe / Politics", "navigation", 0 },
	{ "High-end remodels / full-home renovations: $200,000+", NULL, 0 },
	/* A rule found mid-line, whatever the case or what comes first. */
	{ "Posted in Travel \xE2\x80\x94 6 MIN READ", "reading time", 0 },
	{ "\xC2\xA9 2026 Daily Site. All Rights Reserved.", "copyright", 0 },
};

static void
test_boilerplate(void)
{
	const char *got;
	size_t i;
	int words, sentence, ender;

	for (i = 0; i < NELEM(boiler_tests); i++) {
		const char *in = boiler_tests[i].in;
		char *what = label(in);

		words = clean_count_words(in);
		sentence = clean_is_sentence(in, words);
		ender = -1;
		got = clean_boilerplate(in, words, sentence, &ender);
		CHECK_STR(got, boiler_tests[i].want, "clean_boilerplate(%s)",
		    what);
		if (got != NULL && boiler_tests[i].want != NULL &&
		    boiler_tests[i].ender >= 0)
			CHECK_INT(ender, boiler_tests[i].ender,
			    "clean_boilerplate(%s) ender", what);
		free(what);
	}
}

static const struct {
	const char	*in;
	int		 words;
	int		 sentence;
} words_tests[] = {
	{ "", 0, 0 },
	{ "Advertisement", 1, 0 },
	{ "  two   words  ", 2, 0 },
	{ "Prices rose.", 2, 1 },
	{ "Did they?", 2, 1 },
	{ "He said \"no.\"", 3, 1 },
	{ "He said \xE2\x80\x9Cno.\xE2\x80\x9D", 3, 1 },
	{ "(He declined to comment.)", 4, 1 },
	{ "Most read", 2, 0 },
	{ "Stop.", 1, 0 },
};

static void
test_words(void)
{
	size_t i;
	int w;

	for (i = 0; i < NELEM(words_tests); i++) {
		w = clean_count_words(words_tests[i].in);
		CHECK_INT(w, words_tests[i].words, "clean_count_words(\"%s\")",
		    words_tests[i].in);
		CHECK_INT(clean_is_sentence(words_tests[i].in, w),
		    words_tests[i].sentence, "clean_is_sentence(\"%s\")",
		    words_tests[i].in);
	}
}

/* --- 10. JSON strings -------------------------------------------------- */

static const struct {
	const char	*in;
	const char	*want;
} json_tests[] = {
	{ "", "\"\"" },
	{ "plain", "\"plain\"" },
	{ "say \"hi\"", "\"say \\\"hi\\\"\"" },
	{ "a\\b", "\"a\\\\b\"" },
	{ "a\nb", "\"a\\nb\"" },
	{ "a\tb", "\"a\\tb\"" },
	{ "\x01", "\"\\u0001\"" },
	{ "x\x1fy", "\"x\\u001fy\"" },
	{ "\x1b[0m", "\"\\u001b[0m\"" },
	{ "a/b", "\"a/b\"" },
	{ "caf\xC3\xA9 \xE6\x9D\xB1\xE4\xBA\xAC \xE2\x82\xAC \xF0\x9F\x98\x80",
	    "\"caf\xC3\xA9 \xE6\x9D\xB1\xE4\xBA\xAC \xE2\x82\xAC "
	    "\xF0\x9F\x98\x80\"" },
	{ "\xE2\x80\x9Cquoted\xE2\x80\x9D", "\"\xE2\x80\x9Cquoted\xE2\x80\x9D\"" },
};

static void
test_json(void)
{
	size_t i;

	for (i = 0; i < NELEM(json_tests); i++) {
		struct buf b = { 0 };
		const char *got;
		char *what = label(json_tests[i].in);

		story_json_string(&b, json_tests[i].in);
		got = buf_cstr(&b);
		/* \u001F and \u001f are the same JSON. */
		if (strcasecmp(got, json_tests[i].want) == 0 &&
		    strstr(json_tests[i].want, "\\u") != NULL)
			pass();
		else
			CHECK_STR(got, json_tests[i].want,
			    "story_json_string(%s)", what);
		buf_free(&b);
		free(what);
	}
}

/* --- 11. clean_text on whole pages ------------------------------------- */

static struct story *
clean(const char *text)
{
	struct story *st = story_new("test");

	clean_text(text, strlen(text), st);
	return st;
}

static int
removed_with(const struct story *st, const char *reason, const char *text)
{
	size_t i;

	for (i = 0; i < st->nremoved; i++)
		if ((reason == NULL || strcmp(st->removed[i].reason, reason)
		    == 0) && strcmp(st->removed[i].text, text) == 0)
			return 1;
	return 0;
}

/* Paragraphs containing needle. */
static int
paragraphs_with(const struct story *st, const char *needle)
{
	size_t i;
	int n = 0;

	for (i = 0; i < st->npara; i++)
		if (strstr(st->paragraphs[i], needle) != NULL)
			n++;
	return n;
}

static const char page_full[] =
    "Factory output jumps as new orders surge\n"
    "By Jane Doe\n"
    "March 5, 2026 12:07 PM GMT\n"
    "\n"
    "LONDON, March 5 (Reuters) - British factory output rose at its "
    "fastest pace in two years in February as new orders surged, a "
    "survey showed on Thursday.\n"
    "\n"
    "Advertisement\n"
    "\n"
    "The S&P Global purchasing managers' index climbed to 54.2 from 51.8 "
    "in January, beating all forecasts in a Reuters poll of economists.\n"
    "\n"
    "Manufacturers said export demand had recovered strongly, led by "
    "orders from the United States and from customers in the euro zone.\n"
    "\n"
    "(Reporting by Jane Doe; Editing by John Roe)\n"
    "\n"
    "Share this article\n"
    "Copyright 2026 Agency. All rights reserved.\n";

static void
test_clean_full(void)
{
	struct story *st = clean(page_full);
	char iso[32];
	size_t i;

	CHECK_STR(st->headline, "Factory output jumps as new orders surge",
	    "clean_text(full) headline");
	CHECK_STR(st->byline, "Jane Doe", "clean_text(full) byline");
	CHECK_INT(st->has_published, 1, "clean_text(full) has_published");
	if (st->has_published) {
		story_format_time(st->published, iso, sizeof iso);
		CHECK_STR(iso, "2026-03-05T12:07:00Z",
		    "clean_text(full) published");
	}
	CHECK_STR(st->dateline_place, "LONDON", "clean_text(full) place");
	CHECK_STR(st->dateline_agency, "Reuters", "clean_text(full) agency");
	CHECK_STR(st->dateline_date, "March 5", "clean_text(full) date");
	CHECK_INT(st->npara, 3, "clean_text(full) npara");
	if (st->npara == 3) {
		CHECK_STR(st->paragraphs[0], "British factory output rose at "
		    "its fastest pace in two years in February as new orders "
		    "surged, a survey showed on Thursday.",
		    "clean_text(full) paragraph 0");
		CHECK_STR(st->paragraphs[2], "Manufacturers said export demand "
		    "had recovered strongly, led by orders from the United "
		    "States and from customers in the euro zone.",
		    "clean_text(full) paragraph 2");
		for (i = 0; i < st->npara; i++)
			CHECK_INT(st->kinds[i], KIND_P,
			    "clean_text(full) paragraph %zu kind", i);
	}
	CHECK_STR(st->credits, "Reporting by Jane Doe; Editing by John Roe",
	    "clean_text(full) credits");
	CHECK(st->nremoved > 0, "clean_text(full) nremoved > 0");
	for (i = 0; i < st->nremoved; i++)
		CHECK(st->removed[i].reason != NULL &&
		    st->removed[i].reason[0] != '\0',
		    "clean_text(full) removed %zu has a reason", i);
	CHECK(removed_with(st, "advertisement", "Advertisement"),
	    "clean_text(full) \"Advertisement\" removed as advertisement");
	CHECK(removed_with(st, NULL, "Share this article"),
	    "clean_text(full) \"Share this article\" removed");
	CHECK(removed_with(st, NULL,
	    "Copyright 2026 Agency. All rights reserved."),
	    "clean_text(full) copyright line removed");
	CHECK_INT(paragraphs_with(st, "Advertisement") +
	    paragraphs_with(st, "Share this") + paragraphs_with(st,
	    "Copyright") + paragraphs_with(st, "Jane Doe") +
	    paragraphs_with(st, "Factory output jumps"), 0,
	    "clean_text(full) no clutter in the body");
	story_free(st);
}

/* The same lead twice, the second with a different dash. */
static const char page_lead_dash[] =
    "Global stocks slide on rate fears\n"
    "\n"
    "LONDON (Reuters) - Global stocks fell sharply on Thursday as "
    "investors worried about rising interest rates and slowing growth "
    "in China.\n"
    "\n"
    "LONDON (Reuters) \xE2\x80\x94 Global stocks fell sharply on Thursday "
    "as investors worried about rising interest rates and slowing growth "
    "in China.\n"
    "\n"
    "The MSCI world index lost 1.2% by midday, its biggest one-day fall "
    "in a month, while benchmark bond yields rose to their highest level "
    "since November.\n"
    "\n"
    "Traders said they now expected the Federal Reserve to keep rates "
    "higher for longer, after a string of strong U.S. data this week.\n";

/* A summary, then the lead with its dateline. */
static const char page_lead_summary[] =
    "Global stocks slide on rate fears\n"
    "\n"
    "Global stocks fell sharply on Thursday as investors worried about "
    "rising interest rates and slowing growth in China.\n"
    "\n"
    "LONDON (Reuters) - Global stocks fell sharply on Thursday as "
    "investors worried about rising interest rates and slowing growth "
    "in China.\n"
    "\n"
    "The MSCI world index lost 1.2% by midday, its biggest one-day fall "
    "in a month, while benchmark bond yields rose to their highest level "
    "since November.\n"
    "\n"
    "Traders said they now expected the Federal Reserve to keep rates "
    "higher for longer, after a string of strong U.S. data this week.\n";

static const struct {
	const char	*name;
	const char	*page;
} lead_tests[] = {
	{ "lead twice, other dash", page_lead_dash },
	{ "summary then lead", page_lead_summary },
};

static void
test_clean_lead(void)
{
	struct story *st;
	size_t i;

	for (i = 0; i < NELEM(lead_tests); i++) {
		st = clean(lead_tests[i].page);
		CHECK_STR(st->headline, "Global stocks slide on rate fears",
		    "clean_text(%s) headline", lead_tests[i].name);
		CHECK_INT(paragraphs_with(st, "Global stocks fell sharply"), 1,
		    "clean_text(%s) lead kept once", lead_tests[i].name);
		CHECK_INT(st->npara, 3, "clean_text(%s) npara",
		    lead_tests[i].name);
		if (st->npara > 0)
			CHECK_STR(st->paragraphs[0], "Global stocks fell "
			    "sharply on Thursday as investors worried about "
			    "rising interest rates and slowing growth in China.",
			    "clean_text(%s) paragraph 0", lead_tests[i].name);
		CHECK_STR(st->dateline_place, "LONDON",
		    "clean_text(%s) place", lead_tests[i].name);
		CHECK_STR(st->dateline_agency, "Reuters",
		    "clean_text(%s) agency", lead_tests[i].name);
		story_free(st);
	}
}

/* Small pages: the header fields and the body size. */
static const struct {
	const char	*name;
	const char	*page;
	const char	*headline;
	const char	*byline;
	const char	*credits;
	size_t		 npara;
} page_tests[] = {
	{ "By: on its own line",
	    "Council approves new harbour wall plan\n"
	    "By:\n"
	    "Jane Doe\n"
	    "\n"
	    "The city council voted on Tuesday to approve a new harbour wall, "
	    "ending a dispute that had lasted more than a decade.\n"
	    "\n"
	    "The wall will cost about 40 million euros and take four years to "
	    "build, officials told reporters after the vote.\n",
	    "Council approves new harbour wall plan", "Jane Doe", NULL, 2 },
	{ "AP credits sentence",
	    "Storm knocks out power to thousands\n"
	    "By JANE DOE Associated Press\n"
	    "\n"
	    "PARIS (AP) \xE2\x80\x94 A powerful storm knocked out power to tens "
	    "of thousands of homes across northern France on Sunday, officials "
	    "said.\n"
	    "\n"
	    "Winds of up to 150 kilometers per hour toppled trees and "
	    "damaged roofs in several towns along the coast of Normandy.\n"
	    "\n"
	    "Associated Press writer John Roe in Lille contributed to this "
	    "report.\n",
	    "Storm knocks out power to thousands", "Jane Doe, Associated Press",
	    "Associated Press writer John Roe in Lille contributed to this "
	    "report.", 2 },
	{ "no header",
	    "The central bank held interest rates steady on Wednesday, as "
	    "expected, and signalled that cuts could come later this year.\n"
	    "\n"
	    "Policymakers voted unanimously to keep the main rate at 4.5%, "
	    "the bank said in a statement after its two-day meeting.\n",
	    "", NULL, NULL, 2 },
};

static void
test_clean_pages(void)
{
	struct story *st;
	size_t i;

	for (i = 0; i < NELEM(page_tests); i++) {
		st = clean(page_tests[i].page);
		CHECK_STR(st->headline, page_tests[i].headline,
		    "clean_text(%s) headline", page_tests[i].name);
		CHECK_STR(st->byline, page_tests[i].byline,
		    "clean_text(%s) byline", page_tests[i].name);
		CHECK_STR(st->credits, page_tests[i].credits,
		    "clean_text(%s) credits", page_tests[i].name);
		CHECK_INT(st->npara, page_tests[i].npara,
		    "clean_text(%s) npara", page_tests[i].name);
		story_free(st);
	}
}

static const struct {
	const char	*in;
	size_t		 npara;
} empty_tests[] = {
	{ "", 0 },
	{ "\n\n   \n\t\n", 0 },
	{ "\r\n\r\n", 0 },
};

static void
test_clean_empty(void)
{
	struct story *st;
	size_t i;

	for (i = 0; i < NELEM(empty_tests); i++) {
		char *what = label(empty_tests[i].in);

		st = clean(empty_tests[i].in);
		CHECK_INT(st->npara, empty_tests[i].npara, "clean_text(%s) npara",
		    what);
		CHECK(st->headline != NULL && st->headline[0] == '\0',
		    "clean_text(%s) no headline", what);
		CHECK(story_is_empty(st), "clean_text(%s) story_is_empty",
		    what);
		story_free(st);
		free(what);
	}
}

/* --- 12. config -------------------------------------------------------- */

static const char conf_good[] =
    "# reader.conf\n"
    "[view]\n"
    "width = 72   # columns\n"
    "mouse = no\n"
    "show_removed = yes\n"
    "\n"
    "[colors]\n"
    "headline = red default bold\n"
    "byline = brightblue\n"
    "quote = color202 black underline italic\n"
    "\n"
    "[files]\n"
    "max_size = 16M\n";

static void
test_config_good(void)
{
	struct config cfg;
	char *err = NULL;
	int r;

	config_defaults(&cfg);
	r = config_parse(&cfg, "t.conf", conf_good, strlen(conf_good), &err);
	CHECK_INT(r, 0, "config_parse(good)");
	CHECK_STR(err, NULL, "config_parse(good) error");
	CHECK_INT(cfg.width, 72, "config_parse(good) width");
	CHECK_INT(cfg.mouse, 0, "config_parse(good) mouse");
	CHECK_INT(cfg.show_removed, 1, "config_parse(good) show_removed");
	CHECK_INT(cfg.max_file_size, 16 * 1024 * 1024,
	    "config_parse(good) max_size");
	CHECK_INT(cfg.colors[COLOR_HEADLINE].fg, 1,
	    "config_parse(good) headline fg");
	CHECK_INT(cfg.colors[COLOR_HEADLINE].bg, -1,
	    "config_parse(good) headline bg");
	CHECK_INT(cfg.colors[COLOR_HEADLINE].attrs, CONFIG_ATTR_BOLD,
	    "config_parse(good) headline attrs");
	CHECK_INT(cfg.colors[COLOR_BYLINE].fg, 12,
	    "config_parse(good) byline fg");
	CHECK_INT(cfg.colors[COLOR_QUOTE].fg, 202,
	    "config_parse(good) quote fg");
	CHECK_INT(cfg.colors[COLOR_QUOTE].bg, 0,
	    "config_parse(good) quote bg");
	CHECK_INT(cfg.colors[COLOR_QUOTE].attrs, CONFIG_ATTR_UNDERLINE |
	    CONFIG_ATTR_ITALIC, "config_parse(good) quote attrs");
	/* Untouched colours keep their defaults. */
	CHECK_INT(cfg.colors[COLOR_SEARCH].fg, 0,
	    "config_parse(good) search fg default");
	CHECK_INT(cfg.colors[COLOR_SEARCH].bg, 3,
	    "config_parse(good) search bg default");
	free(err);
	config_free(&cfg);
}

static const struct {
	const char	*text;
	int		 width;
} config_width_tests[] = {
	{ "", 80 },
	{ "# only a comment\n", 80 },
	{ "width = 0\n", 0 },
	{ "[view]\nwidth = 100 # a comment\n", 100 },
	{ "[view]\r\nwidth = 72\r\n", 72 },
	{ "  [ view ]  \n  width=60\n", 60 },
	{ "[colors]\n[view]\nwidth = 90\n", 90 },
};

static void
test_config_width(void)
{
	struct config cfg;
	char *err, *what;
	size_t i;

	for (i = 0; i < NELEM(config_width_tests); i++) {
		const char *text = config_width_tests[i].text;

		what = label(text);
		config_defaults(&cfg);
		err = NULL;
		CHECK_INT(config_parse(&cfg, "t.conf", text, strlen(text),
		    &err), 0, "config_parse(%s)", what);
		CHECK_STR(err, NULL, "config_parse(%s) error", what);
		CHECK_INT(cfg.width, config_width_tests[i].width,
		    "config_parse(%s) width", what);
		free(err);
		config_free(&cfg);
		free(what);
	}
}

static const struct {
	const char	*text;
	const char	*prefix;	/* of the error */
} config_bad_tests[] = {
	{ "[view]\nwidth = 72\nbogus = 1\n", "t.conf:3:" },
	{ "width = 80\n\n[nosuch]\nwidth = 80\n", "t.conf:3:" },
	{ "[view]\nwidth = abc\n", "t.conf:2:" },
	{ "[view]\nwidth = -3\n", "t.conf:2:" },
	{ "[view]\nmouse = maybe\n", "t.conf:2:" },
	{ "# colours\n[colors]\nheadline = purple\n", "t.conf:3:" },
	{ "[colors]\nnosuchpart = red\n", "t.conf:2:" },
	{ "[view]\nwidth\n", "t.conf:2:" },
	{ "[files]\nmax_size = lots\n", "t.conf:2:" },
	{ "[view\n", "t.conf:1:" },
};

static void
test_config_bad(void)
{
	struct config cfg;
	char *err;
	size_t i;
	int r;

	for (i = 0; i < NELEM(config_bad_tests); i++) {
		const char *text = config_bad_tests[i].text;
		const char *prefix = config_bad_tests[i].prefix;
		char *what = label(text);

		config_defaults(&cfg);
		err = NULL;
		r = config_parse(&cfg, "t.conf", text, strlen(text), &err);
		CHECK_INT(r, -1, "config_parse(%s)", what);
		if (err != NULL && strncmp(err, prefix, strlen(prefix)) == 0 &&
		    strlen(err) > strlen(prefix) + 1)
			pass();
		else
			CHECK_STR(err, prefix, "config_parse(%s) error prefix",
			    what);
		free(err);
		config_free(&cfg);
		free(what);
	}
}

static const struct {
	const char	*in;
	long long	 want;
} size_tests[] = {
	{ "16M", 16LL * 1024 * 1024 },
	{ "16m", 16LL * 1024 * 1024 },
	{ "16MB", 16LL * 1024 * 1024 },
	{ "1024", 1024 },
	{ "4k", 4096 },
	{ "4K", 4096 },
	{ "2G", 2LL * 1024 * 1024 * 1024 },
	{ "0", 0 },
	{ "abc", -1 },
	{ "", -1 },
	{ "-5", -1 },
	{ "16X", -1 },
	{ "M", -1 },
	{ "16 M x", -1 },
	/* Past a terabyte, or past long long: refused, not wrapped. */
	{ "1048576M", 1024LL * 1024 * 1024 * 1024 },
	{ "1048577M", -1 },
	{ "8435248194924782480M", -1 },
	{ "99999999999999999999", -1 },
	{ "9223372036854775807k", -1 },
};

static void
test_config_size(void)
{
	size_t i;

	for (i = 0; i < NELEM(size_tests); i++)
		CHECK_INT(config_parse_size(size_tests[i].in),
		    size_tests[i].want, "config_parse_size(\"%s\")",
		    size_tests[i].in);
}

/* --- main -------------------------------------------------------------- */

static const struct {
	const char	*name;
	void		(*run)(void);
} suites[] = {
	{ "sanitize", test_sanitize },
	{ "is_clean", test_is_clean },
	{ "utf8_next", test_utf8_next },
	{ "width", test_width },
	{ "wrap", test_wrap },
	{ "to_utf8", test_to_utf8 },
	{ "mojibake", test_mojibake },
	{ "charset_name", test_charset_name },
	{ "text_helpers", test_text_helpers },
	{ "buf", test_buf },
	{ "dateline", test_dateline },
	{ "parse_time", test_parse_time },
	{ "time_line", test_time_line },
	{ "byline", test_byline },
	{ "credits", test_credits },
	{ "wire_helpers", test_wire_helpers },
	{ "boilerplate", test_boilerplate },
	{ "words", test_words },
	{ "json", test_json },
	{ "clean_full", test_clean_full },
	{ "clean_lead", test_clean_lead },
	{ "clean_pages", test_clean_pages },
	{ "clean_empty", test_clean_empty },
	{ "config_good", test_config_good },
	{ "config_width", test_config_width },
	{ "config_bad", test_config_bad },
	{ "config_size", test_config_size },
};

int
main(int argc, char *argv[])
{
	size_t i;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	for (i = 0; i < NELEM(suites); i++)
		if (argc < 2 || strcmp(argv[1], suites[i].name) == 0)
			suites[i].run();
	printf("unit: %d passed, %d failed\n", npassed, nfailed);
	return nfailed > 0;
}
