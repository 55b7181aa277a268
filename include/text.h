/*
 * text: bytes to clean UTF-8. Charset decoding (BOM, WHATWG labels,
 * Windows-1252), the one sanitizer every outside string passes before
 * it is shown, display width, and wrapping by columns.
 */
#ifndef READER_TEXT_H
#define READER_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Decode one UTF-8 sequence at s (n bytes available). Stores the code
 * point, or U+FFFD for an invalid, overlong, surrogate or out-of-range
 * sequence, and returns the bytes consumed (at least 1 when n > 0). */
size_t	 text_utf8_next(const char *s, size_t n, uint32_t *cp);
/* Append the UTF-8 encoding of cp to out (4 bytes room); returns length. */
size_t	 text_utf8_put(uint32_t cp, char *out);
int	 text_utf8_valid(const char *, size_t);
/* UTF-8 that was read as Windows-1252 and encoded again ("itâ€™s"),
 * mended, as a new string; NULL when s has none of it. */
char	*text_fix_mojibake(const char *, size_t, size_t *);

/* Flags for text_sanitize. */
#define TEXT_ONELINE	0x1	/* newlines and tabs become spaces */
#define TEXT_SQUEEZE	0x2	/* runs of white space become one space, trimmed */

/*
 * The sanitizer: returns a new NUL-terminated string (caller frees) with
 * invalid UTF-8 replaced by U+FFFD and with no C0 control but newline
 * and tab, no CR, no DEL, no C1 control, no bidi override or isolate and
 * no NUL (the text after a NUL is kept).
 */
char	*text_sanitize(const char *, size_t, int flags);
/* Whether s already passes the sanitizer unchanged (for assertions). */
int	 text_is_clean(const char *);
/* Whether the sanitizer removes code point cp (for a last check where
 * text is drawn). */
int	 text_cp_dropped(uint32_t);

/*
 * Convert len bytes in the named charset (a WHATWG label, or NULL to
 * detect) to UTF-8. A BOM wins over the label. Without a label, valid
 * UTF-8 stays UTF-8, and so does UTF-8 with fewer bytes in bad sequences
 * than in good multi-byte ones; anything else is read as Windows-1252.
 * Bad sequences in UTF-8 (detected or declared) become U+FFFD.
 * Line ends (CRLF, lone CR) become LF. Returns a new string (caller frees,
 * *outlen set) or NULL with *err set (caller frees) for an unknown label.
 * The result is valid UTF-8 but not yet sanitized.
 */
char	*text_to_utf8(const char *, size_t, const char *charset,
	    size_t *outlen, char **err);
/* The canonical name for a WHATWG charset label, or NULL if unknown. */
const char *text_charset_name(const char *label);

/* Display columns of one code point (0, 1 or 2); of a string. */
int	 text_cpwidth(uint32_t);
size_t	 text_width(const char *, size_t);

/* One wrapped line: bytes [start, end) of the paragraph. */
struct text_line {
	size_t	start;
	size_t	end;
};

/*
 * Wrap s to at most width columns, breaking at spaces, between wide
 * characters (Chinese, Japanese, Korean) where there are none, though
 * never before closing punctuation (。、」）) or after an opening bracket,
 * and, in a word wider than the line, between characters (never inside
 * one). Returns
 * the number of lines and sets *lines (caller frees). An empty string
 * is one empty line.
 */
size_t	 text_wrap(const char *s, int width, struct text_line **out);

/* Whether s (n bytes) contains needle, ASCII case folded; returns the
 * byte offset or -1. */
long	 text_find_ci(const char *s, size_t n, const char *needle, size_t nlen);

/* If the bytes look like a binary file (an image, an executable, an
 * archive, or mostly control bytes), name what they look like. */
const char *text_binary_kind(const char *, size_t);

#endif
