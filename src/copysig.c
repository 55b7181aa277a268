/*
 * copysig: the copy signature of a story's body. A body is read as a
 * sequence of folded words (case, quotes, apostrophes, dashes and white
 * space do not count; an ideograph, kana or Thai letter is a word of its
 * own, since those scripts write no spaces), every run of COPYSIG_SHINGLE
 * words is a shingle, and COPYSIG_HASHES independent hash functions keep
 * their minimum over the shingles (MinHash). Two signatures agree in a
 * share of places that estimates the Jaccard similarity of the two
 * shingle sets. The values are fixed functions of the text, so a
 * signature stored today matches one computed next year.
 */
#include <stdint.h>
#include <string.h>

#include "copysig.h"
#include "story.h"

#define GOLDEN	0x9e3779b97f4a7c15ULL

static uint64_t
mix64(uint64_t x)
{
	x += GOLDEN;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* One decoded code point of s at *i (advancing it); U+FFFD for a bad
 * byte. The text has passed the sanitizer, so this is a safety net. */
static uint32_t
next_cp(const unsigned char *s, size_t *i)
{
	uint32_t c = s[*i];
	int n, k;

	if (c < 0x80) {
		(*i)++;
		return c;
	}
	n = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
	if (n == 0) {
		(*i)++;
		return 0xfffd;
	}
	c &= 0x3f >> n;
	for (k = 1; k <= n; k++) {
		if ((s[*i + k] & 0xc0) != 0x80) {
			*i += k;
			return 0xfffd;
		}
		c = c << 6 | (s[*i + k] & 0x3f);
	}
	*i += n + 1;
	return c;
}

enum cls { SEP, LETTER, SOLO };

/* What a code point is to the word reader: part of a word, a word on
 * its own (scripts without spaces), or a separator (punctuation,
 * symbols, spaces, quotes and dashes of every form). */
static enum cls
classify(uint32_t c)
{
	if (c < 0x80) {
		if ((c | 0x20) - 'a' < 26 || c - '0' < 10)
			return LETTER;
		return SEP;
	}
	if (c < 0xc0 || c == 0xd7 || c == 0xf7)
		return SEP;		/* Latin-1 signs, NBSP, × ÷ */
	if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff0f) ||
	    (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) ||
	    (c >= 0xff5b && c <= 0xff65) || c == 0x060c || c == 0x061b ||
	    c == 0x061f || (c >= 0x066a && c <= 0x066d) || c == 0x06d4 ||
	    c == 0xfffd || c == 0xfeff)
		return SEP;
	if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0x0e00 && c <= 0x0e7f) || (c >= 0x20000 && c <= 0x3ffff))
		return SOLO;
	return LETTER;
}

/* Upper case folded for the cased scripts a wire story is written in
 * (Latin-1, Greek, Cyrillic); a fixed table, not the locale's. */
static uint32_t
fold(uint32_t c)
{
	if (c - 'A' < 26)
		return c + 32;
	if ((c >= 0xc0 && c <= 0xde) || (c >= 0x391 && c <= 0x3a9) ||
	    (c >= 0x410 && c <= 0x42f))
		return c + 32;
	if (c >= 0x400 && c <= 0x40f)
		return c + 80;
	if (c >= 0x100 && c <= 0x17f && !(c & 1))
		return c + 1;	/* Latin Extended-A pairs */
	return c;
}

struct reader {
	struct copysig	*sig;
	uint64_t	 win[COPYSIG_SHINGLE];	/* the last words' hashes */
	uint32_t	 nwords;		/* words seen */
	uint32_t	 halves;		/* word count in halves */
	uint64_t	 mul[COPYSIG_HASHES];
};

/* The hash functions: h_i(x) = high half of (a_i x + b_i), a_i odd. */
static void
reader_init(struct reader *r, struct copysig *sig)
{
	int i;

	memset(r, 0, sizeof *r);
	r->sig = sig;
	memset(sig, 0, sizeof *sig);
	for (i = 0; i < COPYSIG_HASHES; i++) {
		sig->min[i] = UINT32_MAX;
		r->mul[i] = mix64((uint64_t)i * 2 + 1) | 1;
	}
}

static void
add_shingle(struct reader *r, uint64_t sh)
{
	int i;

	sh = mix64(sh);
	for (i = 0; i < COPYSIG_HASHES; i++) {
		uint32_t v = (uint32_t)((r->mul[i] * sh + GOLDEN * i) >> 32);
		if (v < r->sig->min[i])
			r->sig->min[i] = v;
	}
	r->sig->shingles++;
}

static void
add_word(struct reader *r, uint64_t h, int solo)
{
	uint64_t sh = 0;
	int i;

	memmove(r->win, r->win + 1, sizeof r->win - sizeof r->win[0]);
	r->win[COPYSIG_SHINGLE - 1] = h;
	r->nwords++;
	r->halves += solo ? 1 : 2;
	if (r->nwords < COPYSIG_SHINGLE)
		return;
	for (i = 0; i < COPYSIG_SHINGLE; i++)
		sh = sh * 0x100000001b3ULL + r->win[i];
	add_shingle(r, sh);
}

/* Words of one paragraph into the reader. Shingles run across
 * paragraph ends, so that a paragraph split in two by another site's
 * template loses no shingle. */
static void
read_para(struct reader *r, const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	uint64_t h = 0xcbf29ce484222325ULL;
	int inword = 0;
	size_t i = 0;

	while (s[i]) {
		uint32_t c = next_cp(s, &i);
		enum cls k = classify(c);

		if (k == LETTER) {
			h = (h ^ fold(c)) * 0x100000001b3ULL;
			inword = 1;
			continue;
		}
		if (inword)
			add_word(r, h, 0);
		inword = 0;
		h = 0xcbf29ce484222325ULL;
		if (k == SOLO)
			add_word(r, (0xcbf29ce484222325ULL ^ c) *
			    0x100000001b3ULL, 1);
	}
	if (inword)
		add_word(r, h, 0);
}

static int
reader_finish(struct reader *r)
{
	uint64_t sh = 0;
	uint32_t i;

	/* A body shorter than one shingle is one shingle of what it has. */
	if (r->nwords > 0 && r->nwords < COPYSIG_SHINGLE) {
		for (i = 0; i < r->nwords; i++)
			sh = sh * 0x100000001b3ULL +
			    r->win[COPYSIG_SHINGLE - r->nwords + i];
		add_shingle(r, sh);
	}
	r->sig->words = r->halves / 2;
	return r->sig->words >= COPYSIG_MIN_WORDS ? 0 : -1;
}

int
copysig_text(const char *const *paras, size_t n, struct copysig *sig)
{
	struct reader r;
	size_t i;

	reader_init(&r, sig);
	for (i = 0; i < n; i++)
		read_para(&r, paras[i]);
	return reader_finish(&r);
}

int
copysig_story(const struct story *st, struct copysig *sig)
{
	struct reader r;
	size_t i;

	reader_init(&r, sig);
	for (i = 0; i < st->npara; i++)
		if (st->kinds[i] != KIND_HEADING)
			read_para(&r, st->paragraphs[i]);
	return reader_finish(&r);
}

uint64_t
copysig_band(const struct copysig *sig, int b)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ (uint64_t)b;
	int i;

	for (i = 0; i < COPYSIG_ROWS; i++)
		h = mix64(h ^ sig->min[b * COPYSIG_ROWS + i]);
	return h ? h & INT64_MAX : 1;	/* fits SQLite's signed integer */
}

double
copysig_jaccard(const struct copysig *a, const struct copysig *b)
{
	int i, same = 0;

	if (a->shingles == 0 || b->shingles == 0)
		return 0;
	for (i = 0; i < COPYSIG_HASHES; i++)
		same += a->min[i] == b->min[i];
	return (double)same / COPYSIG_HASHES;
}

double
copysig_containment(const struct copysig *a, const struct copysig *b)
{
	double j = copysig_jaccard(a, b), small, c;

	small = a->shingles < b->shingles ? a->shingles : b->shingles;
	if (small == 0)
		return 0;
	/* |A n B| = J (|A| + |B|) / (1 + J) */
	c = j * ((double)a->shingles + b->shingles) / (1 + j) / small;
	return c > 1 ? 1 : c;
}

/* The threshold, measured on tests/copies (make eval-copies;
 * doc/copies.md): a copy keeps nearly all of the smaller body's
 * shingles even when a site runs only its first paragraphs or inserts
 * boxes (0.96 and up there); a different story on the same subject, a
 * follow-up reusing background paragraphs, a brief sharing a boilerplate
 * paragraph or a market report with other numbers keeps at most two
 * thirds (0.66 there). Containment, not Jaccard: a trimmed copy is a
 * subset of the full one. */
#define SAME_CONTAINMENT 0.80

int
copysig_same(const struct copysig *a, const struct copysig *b)
{
	if (a->words < COPYSIG_MIN_WORDS || b->words < COPYSIG_MIN_WORDS)
		return 0;
	return copysig_containment(a, b) >= SAME_CONTAINMENT;
}

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = v & 0xff;
	p[1] = v >> 8 & 0xff;
	p[2] = v >> 16 & 0xff;
	p[3] = v >> 24;
}

static uint32_t
get32(const unsigned char *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

void
copysig_pack(const struct copysig *sig, unsigned char *out)
{
	int i;

	for (i = 0; i < COPYSIG_HASHES; i++)
		put32(out + 4 * i, sig->min[i]);
	put32(out + 4 * COPYSIG_HASHES, sig->shingles);
	put32(out + 4 * COPYSIG_HASHES + 4, sig->words);
}

int
copysig_unpack(const unsigned char *in, size_t len, struct copysig *sig)
{
	int i;

	if (in == NULL || len != COPYSIG_BYTES)
		return -1;
	for (i = 0; i < COPYSIG_HASHES; i++)
		sig->min[i] = get32(in + 4 * i);
	sig->shingles = get32(in + 4 * COPYSIG_HASHES);
	sig->words = get32(in + 4 * COPYSIG_HASHES + 4);
	return 0;
}
