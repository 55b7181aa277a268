/* fuzz: the one sanitizer, charset decoding, width and wrapping. The
 * first byte picks the flags, the width and the charset. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "text.h"

int
FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	static const char *charsets[] = { NULL, "utf-8", "windows-1252",
	    "utf-16le", "utf-16be", "shift_jis", "koi8-r", "gb18030" };
	struct text_line *lines;
	const char *s = (const char *)data + 1;
	char *a, *b, *u, *err = NULL;
	size_t n, nl, i, ulen = 0;
	int flags, width;

	if (size < 1)
		return 0;
	n = size - 1;
	flags = data[0] & 3;
	width = 1 + (data[0] >> 2) % 40;
	a = text_sanitize(s, n, flags);
	fuzz_check_clean("sanitized", a);
	/* Sanitizing twice changes nothing. */
	b = text_sanitize(a, strlen(a), flags);
	if (strcmp(a, b) != 0)
		abort();
	if ((flags & TEXT_ONELINE) && strpbrk(a, "\n\t") != NULL)
		abort();
	nl = text_wrap(a, width, &lines);
	for (i = 0; i < nl; i++) {
		if (lines[i].start > lines[i].end || lines[i].end > strlen(a))
			abort();
		/* A line is never wider than the width, but for one
		 * character too wide for it. */
		if (text_width(a + lines[i].start, lines[i].end -
		    lines[i].start) > (size_t)(width < 2 ? 2 : width))
			abort();
	}
	free(lines);
	free(b);
	free(a);
	u = text_to_utf8(s, n, charsets[(data[0] >> 5) & 7], &ulen, &err);
	if (u == NULL)
		abort();	/* every label above is known */
	if (memchr(u, '\r', ulen) != NULL)
		abort();
	a = text_sanitize(u, ulen, 0);
	fuzz_check_clean("decoded", a);
	free(a);
	free(u);
	(void)text_binary_kind(s, n);
	return 0;
}
