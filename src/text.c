/* text: decoding, the sanitizer, display width and wrapping. */
#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "measure.h"
#include "text.h"
#include "util.h"

size_t
text_utf8_next(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c, min;
	size_t len, i;

	if (n == 0) {
		*cp = 0xFFFD;
		return 0;
	}
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if (i >= n || (s[i] & 0xC0) != 0x80) {
			/* A truncated sequence: replace it, resync here. */
			*cp = 0xFFFD;
			return i;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = 0xFFFD;
		return len;
	}
	*cp = c;
	return len;
}

size_t
text_utf8_put(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* A sequence text_utf8_next read as U+FFFD that is not U+FFFD itself. */
static int
malformed(const char *s, size_t k, uint32_t cp)
{
	return cp == 0xFFFD && !(k == 3 && memcmp(s, "\xEF\xBF\xBD", 3) == 0);
}

int
text_utf8_valid(const char *s, size_t n)
{
	size_t i = 0, k;
	uint32_t cp;
	uint64_t w;

	while (i < n) {
		/* ASCII by 32 bytes, then 8, at a time. */
		while (i + 32 <= n) {
			uint64_t v[4];

			memcpy(v, s + i, 32);
			if (((v[0] | v[1] | v[2] | v[3]) &
			    0x8080808080808080ULL) != 0)
				break;
			i += 32;
		}
		if (i == n)
			break;
		if (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080ULL) == 0) {
				i += 8;
				continue;
			}
		}
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		k = text_utf8_next(s + i, n - i, &cp);
		if (malformed(s + i, k, cp))
			return 0;
		i += k;
	}
	return 1;
}

/* Code points the sanitizer removes. */
int
text_cp_dropped(uint32_t cp)
{
	if (cp < 0x20)
		return cp != '\n' && cp != '\t';
	if (cp >= 0x7F && cp <= 0x9F)
		return 1;			/* DEL and C1 */
	if (cp >= 0x202A && cp <= 0x202E)
		return 1;			/* bidi embeddings, overrides */
	if (cp >= 0x2066 && cp <= 0x2069)
		return 1;			/* bidi isolates */
	if (cp == 0x061C || cp == 0x200E || cp == 0x200F)
		return 1;			/* bidi marks */
	if (cp == 0xFEFF)
		return 1;			/* stray BOM / ZWNBSP */
	return 0;
}

static int
is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0 ||
	    cp == 0x2007 || cp == 0x202F || (cp >= 0x2000 && cp <= 0x200A) ||
	    cp == 0x3000;
}

char *
text_sanitize(const char *s, size_t n, int flags)
{
	struct buf b = { 0 };
	char enc[4];
	uint32_t cp;
	size_t i = 0, k;
	int pending = 0;

	buf_grow(&b, n);
	while (i < n) {
		/* Runs of printable ASCII go through in one copy. */
		if (!pending && (unsigned char)s[i] > 0x20 &&
		    (unsigned char)s[i] < 0x7F) {
			size_t run = i + 1;

			/* A single space between two such characters stays
			 * what it is, squeezed or not. */
			for (;;) {
				if (run < n && (unsigned char)s[run] > 0x20 &&
				    (unsigned char)s[run] < 0x7F)
					run++;
				else if (run + 1 < n && s[run] == ' ' &&
				    (unsigned char)s[run + 1] > 0x20 &&
				    (unsigned char)s[run + 1] < 0x7F)
					run += 2;
				else
					break;
			}
			buf_add(&b, s + i, run - i);
			i = run;
			continue;
		}
		if ((unsigned char)s[i] < 0x80) {
			cp = (unsigned char)s[i];
			k = 1;
		} else
			k = text_utf8_next(s + i, n - i, &cp);
		i += k;
		if (text_cp_dropped(cp))
			continue;
		if ((flags & TEXT_ONELINE) && (cp == '\n' || cp == '\t'))
			cp = ' ';
		if ((flags & TEXT_SQUEEZE) && is_space_cp(cp)) {
			if (b.len > 0)
				pending = 1;
			continue;
		}
		if (pending) {
			buf_addc(&b, ' ');
			pending = 0;
		}
		buf_add(&b, enc, text_utf8_put(cp, enc));
	}
	return buf_detach(&b);
}

int
text_is_clean(const char *s)
{
	size_t n = strlen(s), i = 0;
	uint32_t cp;

	while (i < n) {
		size_t k = text_utf8_next(s + i, n - i, &cp);

		if (text_cp_dropped(cp))
			return 0;
		if (malformed(s + i, k, cp))
			return 0;
		i += k;
	}
	return 1;
}

/* Windows-1252 0x80-0x9F; the five undefined bytes map to themselves
 * as C1 controls, which the sanitizer then drops. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static void
decode_cp1252(const unsigned char *s, size_t n, struct buf *b)
{
	char enc[4];
	uint32_t cp;
	size_t i;

	for (i = 0; i < n; i++) {
		cp = s[i];
		if (cp >= 0x80 && cp <= 0x9F)
			cp = cp1252_high[cp - 0x80];
		buf_add(b, enc, text_utf8_put(cp, enc));
	}
}

static void
decode_utf16(const unsigned char *s, size_t n, int big, struct buf *b)
{
	char enc[4];
	uint32_t cp, lo;
	size_t i;

	for (i = 0; i + 1 < n; i += 2) {
		cp = big ? (uint32_t)(s[i] << 8 | s[i + 1]) :
		    (uint32_t)(s[i + 1] << 8 | s[i]);
		if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < n) {
			lo = big ? (uint32_t)(s[i + 2] << 8 | s[i + 3]) :
			    (uint32_t)(s[i + 3] << 8 | s[i + 2]);
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) +
				    (lo - 0xDC00);
				i += 2;
			}
		}
		buf_add(b, enc, text_utf8_put(cp, enc));
	}
	if (n % 2)
		buf_adds(b, "\xEF\xBF\xBD");
}

/* Damaged UTF-8: each bad sequence becomes U+FFFD, so what follows
 * (libxml2 among others) gets valid UTF-8. */
static void
decode_utf8_lossy(const char *s, size_t n, struct buf *b)
{
	char enc[4];
	uint32_t cp;
	size_t i = 0, k;

	while (i < n) {
		k = text_utf8_next(s + i, n - i, &cp);
		buf_add(b, enc, text_utf8_put(cp, enc));
		i += k;
	}
}

/* Convert through iconv; undecodable bytes become U+FFFD. */
static int
decode_iconv(const char *name, const char *s, size_t n, struct buf *b)
{
	iconv_t cd;
	char out[4096], *ip, *op;
	size_t il, ol, r;

	if ((cd = iconv_open("UTF-8", name)) == (iconv_t)-1)
		return -1;
	ip = (char *)s;
	il = n;
	while (il > 0) {
		op = out;
		ol = sizeof out;
		r = iconv(cd, &ip, &il, &op, &ol);
		buf_add(b, out, (size_t)(op - out));
		if (r == (size_t)-1) {
			if (errno == E2BIG)
				continue;
			buf_adds(b, "\xEF\xBF\xBD");
			if (errno == EINVAL)
				break;		/* truncated at the end */
			ip++;
			il--;
			iconv(cd, NULL, NULL, NULL, NULL);
		}
	}
	iconv_close(cd);
	return 0;
}

static const struct {
	const char	*label;
	const char	*name;
} charsets[] = {
	{ "utf-8", "UTF-8" }, { "utf8", "UTF-8" },
	{ "unicode-1-1-utf-8", "UTF-8" }, { "x-unicode20utf8", "UTF-8" },
	{ "windows-1252", "windows-1252" }, { "iso-8859-1", "windows-1252" },
	{ "iso8859-1", "windows-1252" }, { "iso_8859-1", "windows-1252" },
	{ "latin1", "windows-1252" }, { "l1", "windows-1252" },
	{ "us-ascii", "windows-1252" }, { "ascii", "windows-1252" },
	{ "cp1252", "windows-1252" }, { "x-cp1252", "windows-1252" },
	{ "cp819", "windows-1252" }, { "ibm819", "windows-1252" },
	{ "iso-ir-100", "windows-1252" }, { "csisolatin1", "windows-1252" },
	{ "iso-8859-2", "ISO-8859-2" }, { "latin2", "ISO-8859-2" },
	{ "iso-8859-3", "ISO-8859-3" }, { "iso-8859-4", "ISO-8859-4" },
	{ "iso-8859-5", "ISO-8859-5" }, { "iso-8859-6", "ISO-8859-6" },
	{ "iso-8859-7", "ISO-8859-7" }, { "greek", "ISO-8859-7" },
	{ "iso-8859-8", "ISO-8859-8" }, { "iso-8859-8-i", "ISO-8859-8" },
	{ "iso-8859-9", "CP1254" }, { "latin5", "CP1254" },
	{ "iso-8859-10", "ISO-8859-10" }, { "iso-8859-13", "ISO-8859-13" },
	{ "iso-8859-14", "ISO-8859-14" }, { "iso-8859-15", "ISO-8859-15" },
	{ "latin9", "ISO-8859-15" }, { "iso-8859-16", "ISO-8859-16" },
	{ "windows-1250", "CP1250" }, { "cp1250", "CP1250" },
	{ "windows-1251", "CP1251" }, { "cp1251", "CP1251" },
	{ "windows-1253", "CP1253" }, { "windows-1254", "CP1254" },
	{ "windows-1255", "CP1255" }, { "windows-1256", "CP1256" },
	{ "windows-1257", "CP1257" }, { "windows-1258", "CP1258" },
	{ "windows-874", "CP874" }, { "koi8-r", "KOI8-R" },
	{ "koi8-u", "KOI8-U" }, { "ibm866", "CP866" },
	{ "macintosh", "MACINTOSH" }, { "mac", "MACINTOSH" },
	{ "shift_jis", "CP932" }, { "shift-jis", "CP932" },
	{ "sjis", "CP932" }, { "ms_kanji", "CP932" },
	{ "windows-31j", "CP932" }, { "x-sjis", "CP932" },
	{ "csshiftjis", "CP932" }, { "euc-jp", "EUC-JP" },
	{ "iso-2022-jp", "ISO-2022-JP" }, { "gbk", "GBK" },
	{ "gb2312", "GBK" }, { "gb_2312-80", "GBK" }, { "chinese", "GBK" },
	{ "x-gbk", "GBK" }, { "gb18030", "GB18030" },
	{ "big5", "BIG5-HKSCS" }, { "big5-hkscs", "BIG5-HKSCS" },
	{ "euc-kr", "CP949" }, { "ks_c_5601-1987", "CP949" },
	{ "windows-949", "CP949" }, { "utf-16le", "UTF-16LE" },
	{ "utf-16", "UTF-16LE" }, { "utf-16be", "UTF-16BE" },
};

const char *
text_charset_name(const char *label)
{
	char norm[64];
	size_t i, n;

	while (*label == ' ' || *label == '\t' || *label == '"' ||
	    *label == '\'')
		label++;
	for (n = 0; label[n] != '\0' && n < sizeof norm - 1; n++)
		norm[n] = label[n];
	while (n > 0 && (norm[n - 1] == ' ' || norm[n - 1] == '\t' ||
	    norm[n - 1] == '"' || norm[n - 1] == '\'' || norm[n - 1] == ';'))
		n--;
	norm[n] = '\0';
	for (i = 0; i < sizeof charsets / sizeof charsets[0]; i++)
		if (strcasecmp(norm, charsets[i].label) == 0 ||
		    strcasecmp(norm, charsets[i].name) == 0)
			return charsets[i].name;
	return NULL;
}

/* CRLF and lone CR become LF, in place. Returns the new length. */
static size_t
normalise_newlines(char *s, size_t n)
{
	size_t i, j;

	for (i = j = 0; i < n; i++) {
		if (s[i] == '\r') {
			s[j++] = '\n';
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
		} else
			s[j++] = s[i];
	}
	s[j] = '\0';
	return j;
}

/*
 * Whether undeclared bytes that are not valid UTF-8 are still UTF-8 with
 * damage: fewer bytes in bad sequences than in good multi-byte ones. Text in
 * Windows-1252 almost never holds a valid multi-byte sequence, so one
 * corrupt byte does not turn a whole UTF-8 story into mojibake.
 */
static int
mostly_utf8(const char *s, size_t n)
{
	size_t i = 0, k, good = 0, bad = 0;
	uint32_t cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		k = text_utf8_next(s + i, n - i, &cp);
		if (malformed(s + i, k, cp))
			bad += k;
		else
			good += k;
		i += k;
	}
	return good > 0 && bad <= good;
}

/* The Windows-1252 byte a character stands for (Latin-1 and C1
 * controls as themselves), or -1. */
static int
cp1252_byte(uint32_t cp)
{
	size_t i;

	if (cp < 0x100)
		return (int)cp;
	for (i = 0; i < 32; i++)
		if (cp1252_high[i] == cp)
			return (int)(0x80 + i);
	return -1;
}

/*
 * UTF-8 read as Windows-1252 and written out as UTF-8 again: "it’s"
 * arrives as "itâ€™s". At s (an 'Ã'-row lead, byte 0xC3), read the
 * characters back as bytes; when they form one UTF-8 character, return
 * how many bytes of s it took and put it in out.
 */
static size_t
mojibake_at(const char *s, size_t n, char out[4], size_t *outn)
{
	unsigned char b[4];
	size_t i = 0, k, need, len;
	uint32_t cp;
	int byte;

	for (len = 0; len < 4; len++) {
		if (i >= n)
			return 0;
		k = text_utf8_next(s + i, n - i, &cp);
		if (cp == 0xFFFD || (byte = cp1252_byte(cp)) < 0)
			return 0;
		b[len] = (unsigned char)byte;
		i += k;
		if (len == 0) {
			/* Two-byte characters only from Latin-1 ("Ã©" for
			 * "é", "Â " for a no-break space): "×" before a
			 * no-break space is a times sign, not Hebrew. */
			if (b[0] < 0xC2 || b[0] > 0xF4 || (b[0] > 0xC3 &&
			    b[0] < 0xE0))
				return 0;
			need = b[0] < 0xE0 ? 2 : b[0] < 0xF0 ? 3 : 4;
		} else if ((b[len] & 0xC0) != 0x80)
			return 0;
		if (len + 1 == need)
			break;
	}
	if (text_utf8_next((const char *)b, need, &cp) != need ||
	    cp == 0xFFFD)
		return 0;
	memcpy(out, b, need);
	*outn = need;
	return i;
}

/* How many characters of s mojibake_at would mend, up to max. */
static size_t
count_mojibake(const char *s, size_t n, size_t max)
{
	const char *p = s, *end = s + n, *c;
	char one[4];
	size_t k, onen, count = 0;

	while (count < max && (c = memchr(p, 0xC3, (size_t)(end - p))) !=
	    NULL) {
		k = mojibake_at(c, (size_t)(end - c), one, &onen);
		count += k > 0;
		p = c + (k > 0 ? k : 1);
	}
	return count;
}

char *
text_fix_mojibake(const char *s, size_t n, size_t *outlen)
{
	struct buf b = { 0 };
	const char *p = s, *end = s + n, *c;
	char one[4];
	size_t k, onen;

	/* A page may quote a pair or two ("Ã¤ instead of ä"); a page
	 * encoded twice has it all through. */
	if (count_mojibake(s, n, 3) < 3)
		return NULL;
	buf_grow(&b, n);
	while ((c = memchr(p, 0xC3, (size_t)(end - p))) != NULL) {
		if ((k = mojibake_at(c, (size_t)(end - c), one, &onen)) == 0) {
			buf_add(&b, p, (size_t)(c + 1 - p));
			p = c + 1;
			continue;
		}
		buf_add(&b, p, (size_t)(c - p));
		buf_add(&b, one, onen);
		p = c + k;
	}
	buf_add(&b, p, (size_t)(end - p));
	*outlen = b.len;
	return buf_detach(&b);
}

char *
text_to_utf8(const char *s, size_t n, const char *charset, size_t *outlen,
    char **err)
{
	const unsigned char *u = (const unsigned char *)s;
	const char *name = NULL;
	struct buf b = { 0 };

	*err = NULL;
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		name = "UTF-8";
		s += 3;
		n -= 3;
	} else if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		name = "UTF-16LE";
		s += 2;
		n -= 2;
	} else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		name = "UTF-16BE";
		s += 2;
		n -= 2;
	} else if (charset != NULL && *charset != '\0') {
		if ((name = text_charset_name(charset)) == NULL) {
			*err = xasprintf("unknown charset \"%.40s\"", charset);
			return NULL;
		}
	}
	u = (const unsigned char *)s;
	if (name == NULL)
		name = text_utf8_valid(s, n) || mostly_utf8(s, n) ? "UTF-8" :
		    "windows-1252";
	if (strcmp(name, "UTF-8") == 0 && text_utf8_valid(s, n))
		buf_add(&b, s, n);
	else if (strcmp(name, "UTF-8") == 0)
		decode_utf8_lossy(s, n, &b);
	else if (strcmp(name, "windows-1252") == 0)
		decode_cp1252(u, n, &b);
	else if (strcmp(name, "UTF-16LE") == 0)
		decode_utf16(u, n, 0, &b);
	else if (strcmp(name, "UTF-16BE") == 0)
		decode_utf16(u, n, 1, &b);
	else if (decode_iconv(name, s, n, &b) == -1) {
		buf_free(&b);
		*err = xasprintf("charset %s is not supported here", name);
		return NULL;
	}
	buf_grow(&b, 0);
	b.len = normalise_newlines(b.data, b.len);
	*outlen = b.len;
	return buf_detach(&b);
}

/* Columns for code points when the C library cannot tell (no UTF-8
 * locale): combining marks take none, East Asian wide ranges two. */
static const uint32_t zero_width[][2] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
	{ 0x0610, 0x061A }, { 0x064B, 0x065F }, { 0x0E31, 0x0E31 },
	{ 0x0E34, 0x0E3A }, { 0x0E47, 0x0E4E }, { 0x1AB0, 0x1AFF },
	{ 0x1DC0, 0x1DFF }, { 0x200B, 0x200F }, { 0x2060, 0x2064 },
	{ 0x20D0, 0x20FF }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F },
};
static const uint32_t double_width[][2] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2E80, 0x303E },
	{ 0x3041, 0x33FF }, { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF },
	{ 0xA000, 0xA4CF }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF },
	{ 0xFE30, 0xFE4F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 },
	{ 0x1F300, 0x1F64F }, { 0x1F900, 0x1F9FF }, { 0x20000, 0x2FFFD },
	{ 0x30000, 0x3FFFD },
};

static int
in_table(uint32_t cp, const uint32_t (*t)[2], size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cp < t[mid][0])
			hi = mid;
		else if (cp > t[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int
text_cpwidth(uint32_t cp)
{
	static int utf8_locale = -1;
	int w;

	if (cp < 0x7F)
		return cp >= 0x20 ? 1 : 0;
	if (utf8_locale == -1) {
		const char *cs = nl_langinfo(CODESET);

		utf8_locale = cs != NULL && (strcasecmp(cs, "UTF-8") == 0 ||
		    strcasecmp(cs, "utf8") == 0);
	}
	if (utf8_locale && (w = wcwidth((wchar_t)cp)) >= 0)
		return w;
	if (in_table(cp, zero_width, sizeof zero_width / sizeof zero_width[0]))
		return 0;
	if (in_table(cp, double_width,
	    sizeof double_width / sizeof double_width[0]))
		return 2;
	return 1;
}

size_t
text_width(const char *s, size_t n)
{
	size_t i = 0, w = 0;
	uint32_t cp;

	while (i < n) {
		i += text_utf8_next(s + i, n - i, &cp);
		w += (size_t)text_cpwidth(cp);
	}
	return w;
}

/*
 * Whether a line may break between a and b where no space is: beside a
 * wide character (Chinese, Japanese, Korean have no spaces to break
 * at), but never before closing punctuation (。、」） may not start a
 * line) nor after an opening bracket (「（ may not end one).
 */
static int
break_between(uint32_t a, uint32_t b)
{
	if (a == 0 || a == ' ' || b == ' ')
		return 0;
	if (text_cpwidth(a) != 2 && text_cpwidth(b) != 2)
		return 0;
	if (measure_is_closer(b) || measure_is_stop(b) ||
	    measure_is_comma(b) || b == 0x30FC || b == 0x30FB || b == 0x3005 ||
	    b == 0xFF1A || b == 0xFF1B || b == ':' || b == ';' || b == '%')
		return 0;
	return !measure_is_opener(a);
}

size_t
text_wrap(const char *s, int width, struct text_line **linesp)
{
	struct text_line *lines = NULL;
	size_t nlines = 0, cap = 0, n = strlen(s), i, start, brk, k;
	size_t col;
	uint32_t cp, prev;
	int w;

	if (width < 1)
		width = 1;
	start = 0;
	while (start < n || nlines == 0) {
		/* Skip the spaces a break left at the start of a line. */
		if (nlines > 0)
			while (start < n && s[start] == ' ')
				start++;
		col = 0;
		brk = 0;
		prev = 0;
		i = start;
		while (i < n) {
			if (s[i] == '\n')
				break;
			k = text_utf8_next(s + i, n - i, &cp);
			w = text_cpwidth(cp);
			/* A break before cp: at a space, or between
			 * characters of scripts without spaces. */
			if (cp == ' ' || (i > start && break_between(prev,
			    cp)))
				brk = i;
			if (col + (size_t)w > (size_t)width)
				break;
			col += (size_t)w;
			prev = cp;
			i += k;
		}
		if (i < n && s[i] != '\n' && s[i] != ' ' && brk > start)
			i = brk;		/* the last place to break */
		else if (i == start && i < n && s[i] != '\n')
			i += text_utf8_next(s + i, n - i, &cp); /* too narrow */
		if (nlines == cap) {
			cap = cap ? cap * 2 : 8;
			lines = xreallocarray(lines, cap, sizeof *lines);
		}
		lines[nlines].start = start;
		/* Trailing spaces are not part of the line. */
		k = i;
		while (k > start && s[k - 1] == ' ')
			k--;
		lines[nlines].end = k;
		nlines++;
		start = i;
		if (start < n && s[start] == '\n') {
			start++;
			if (start == n) {
				/* A trailing newline ends in an empty line. */
				if (nlines == cap) {
					cap *= 2;
					lines = xreallocarray(lines, cap,
					    sizeof *lines);
				}
				lines[nlines].start = lines[nlines].end = n;
				nlines++;
			}
		}
		if (start >= n)
			break;
	}
	*linesp = lines;
	return nlines;
}

long
text_find_ci(const char *s, size_t n, const char *needle, size_t nlen)
{
	size_t i, j;

	if (nlen == 0 || nlen > n)
		return -1;
	for (i = 0; i + nlen <= n; i++) {
		for (j = 0; j < nlen; j++) {
			unsigned char a = (unsigned char)s[i + j];
			unsigned char b = (unsigned char)needle[j];

			if (a >= 'A' && a <= 'Z')
				a += 32;
			if (b >= 'A' && b <= 'Z')
				b += 32;
			if (a != b)
				break;
		}
		if (j == nlen)
			return (long)i;
	}
	return -1;
}

const char *
text_binary_kind(const char *s, size_t n)
{
	static const struct {
		const char	*magic;
		size_t		 len;
		const char	*what;
	} magics[] = {
		{ "\x89PNG\r\n\x1a\n", 8, "a PNG image" },
		{ "\x7f" "ELF", 4, "an ELF executable" },
		{ "GIF87a", 6, "a GIF image" },
		{ "GIF89a", 6, "a GIF image" },
		{ "\xff\xd8\xff", 3, "a JPEG image" },
		{ "%PDF-", 5, "a PDF document" },
		{ "PK\x03\x04", 4, "a zip archive" },
		{ "\x1f\x8b", 2, "gzip-compressed data" },
		{ "BZh", 3, "bzip2-compressed data" },
		{ "\xfd" "7zXZ", 5, "xz-compressed data" },
		{ "\x28\xb5\x2f\xfd", 4, "zstd-compressed data" },
		{ "RIFF", 4, "a RIFF media file" },
		{ "\x00\x00\x01\x00", 4, "an icon" },
		{ "\xca\xfe\xba\xbe", 4, "a Mach-O or Java binary" },
		{ "MZ", 2, NULL },	/* checked below with more bytes */
		{ "SQLite format 3", 15, "an SQLite database" },
		{ "OggS", 4, "an Ogg media file" },
		{ "ID3", 3, "an MP3 file" },
		{ "\x00\x00\x00", 3, NULL },
	};
	size_t i, ctl = 0, lim = n < 65536 ? n : 65536;
	const unsigned char *u = (const unsigned char *)s;

	/* UTF-16 text with a BOM is text. */
	if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	    (u[0] == 0xFE && u[1] == 0xFF)))
		return NULL;
	for (i = 0; i < sizeof magics / sizeof magics[0]; i++)
		if (magics[i].what != NULL && n >= magics[i].len &&
		    memcmp(s, magics[i].magic, magics[i].len) == 0)
			return magics[i].what;
	if (n >= 64 && u[0] == 'M' && u[1] == 'Z')
		return "a Windows executable";
	for (i = 0; i < lim; i++)
		if ((u[i] < 0x20 && u[i] != '\n' && u[i] != '\r' &&
		    u[i] != '\t' && u[i] != '\f' && u[i] != 0x1b) ||
		    u[i] == 0x7f)
			ctl++;
	/* A few stray NULs or controls are damage; a tenth is binary. */
	if (lim > 0 && ctl * 10 > lim)
		return "binary data";
	return NULL;
}
