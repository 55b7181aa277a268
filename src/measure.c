/*
 * measure: words, sentences and commas in any script.
 *
 * Words are what spaces separate, as before, except in scripts that put
 * no spaces between words. There a run of letters counts by its length:
 *
 *   Han and kana: one word per two characters. Chinese words are one to
 *   four characters, most often two (the common dictionaries' average is
 *   close to 1.7); Japanese mixes kanji words of two with kana endings
 *   of one or two. Two characters a word makes a 40-character Chinese
 *   sentence some 20 words, as long as its English translation is.
 *   Thai, Lao, Khmer, Myanmar: one word per four letters (their words
 *   average three to five letters; vowel and tone marks are not
 *   counted, as they are drawn on the letter before).
 *   Hangul: Korean puts spaces between phrases of two to five
 *   syllables, so a spaced phrase stays one word; a run longer than
 *   five (text pasted without its spaces) counts one word per five.
 *
 * So a 200-character Japanese paragraph is about 100 words, never the
 * one "word" it is between spaces. A token of other letters next to a
 * run ("iPhone用") adds one word for them; digits beside a run are the
 * number of its counter ("19日", "5일") and add none. Text without such
 * runs counts
 * exactly as it did when words were only split at spaces.
 */
#include <string.h>

#include "measure.h"
#include "text.h"

enum measure_script
measure_script(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z' ?
		    SCRIPT_LATIN : SCRIPT_OTHER;
	if (cp < 0x250)
		return cp == 0xD7 || cp == 0xF7 || cp < 0xC0 ? SCRIPT_OTHER :
		    SCRIPT_LATIN;
	if (cp >= 0x370 && cp < 0x400)
		return SCRIPT_GREEK;
	if (cp >= 0x400 && cp < 0x530)
		return SCRIPT_CYRILLIC;
	if (cp >= 0x590 && cp < 0x600)
		return SCRIPT_HEBREW;
	if ((cp >= 0x600 && cp < 0x700) || (cp >= 0x750 && cp < 0x780) ||
	    (cp >= 0x8A0 && cp < 0x900)) {
		/* Arabic digits and marks of punctuation are not letters. */
		if (cp == 0x60C || cp == 0x61B || cp == 0x61F ||
		    (cp >= 0x660 && cp <= 0x66D) || cp == 0x6D4 ||
		    (cp >= 0x6F0 && cp <= 0x6F9))
			return SCRIPT_OTHER;
		return SCRIPT_ARABIC;
	}
	if ((cp >= 0xE00 && cp < 0xF00) || (cp >= 0x1000 && cp < 0x10A0) ||
	    (cp >= 0x1780 && cp < 0x1800))
		return SCRIPT_THAI;
	if ((cp >= 0x1100 && cp < 0x1200) || (cp >= 0x3130 && cp < 0x3190) ||
	    (cp >= 0xAC00 && cp < 0xD7B0))
		return SCRIPT_HANGUL;
	if ((cp >= 0x3041 && cp < 0x3097) || (cp >= 0x309D && cp < 0x3100 &&
	    cp != 0x30FB) || (cp >= 0x31F0 && cp < 0x3200) ||
	    (cp >= 0xFF66 && cp < 0xFFA0))
		return SCRIPT_KANA;
	if ((cp >= 0x3400 && cp < 0x4DC0) || (cp >= 0x4E00 && cp < 0xA000) ||
	    (cp >= 0xF900 && cp < 0xFB00) || (cp >= 0x20000 && cp < 0x30000)
	    || cp == 0x3005 || cp == 0x3007)
		return SCRIPT_HAN;
	if (cp >= 0xFB1D && cp < 0xFB50)
		return SCRIPT_HEBREW;
	if ((cp >= 0xFB50 && cp < 0xFE00) || (cp >= 0xFE70 && cp < 0xFF00))
		return SCRIPT_ARABIC;
	if (cp >= 0x1E00 && cp < 0x1F00)
		return SCRIPT_LATIN;
	if (cp >= 0x1F00 && cp < 0x2000)
		return SCRIPT_GREEK;
	return SCRIPT_OTHER;
}

int
measure_is_dense(uint32_t cp)
{
	enum measure_script s = measure_script(cp);

	return s == SCRIPT_HAN || s == SCRIPT_KANA || s == SCRIPT_THAI;
}

int
measure_weight(uint32_t cp)
{
	switch (measure_script(cp)) {
	case SCRIPT_HAN:
	case SCRIPT_KANA:
		return 3;
	case SCRIPT_HANGUL:
		return 2;
	default:
		return 1;
	}
}

size_t
measure_mass(const char *s, size_t n)
{
	size_t i = 0, mass = 0;
	uint32_t cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			mass++;
			continue;
		}
		i += text_utf8_next(s + i, n - i, &cp);
		mass += (size_t)measure_weight(cp);
	}
	return mass;
}

int
measure_is_rtl(uint32_t cp)
{
	return (cp >= 0x590 && cp < 0x900) || (cp >= 0xFB1D && cp < 0xFE00) ||
	    (cp >= 0xFE70 && cp < 0xFF00);
}

int
measure_is_stop(uint32_t cp)
{
	switch (cp) {
	case '.': case '!': case '?':
	case 0x2026:	/* … */
	case 0x3002:	/* 。 */
	case 0xFF01:	/* ！ */
	case 0xFF0E:	/* ． */
	case 0xFF1F:	/* ？ */
	case 0xFF61:	/* ｡ */
	case 0x61F:	/* ؟ */
	case 0x6D4:	/* ۔ */
	case 0x964:	/* । */
	case 0x965:	/* ॥ */
	case 0x104B:	/* ။ */
	case 0x17D4:	/* ។ */
		return 1;
	}
	return 0;
}

int
measure_is_comma(uint32_t cp)
{
	switch (cp) {
	case ',':
	case 0x3001:	/* 、 */
	case 0xFF0C:	/* ， */
	case 0xFF64:	/* ､ */
	case 0x60C:	/* ، */
	case 0x61B:	/* ؛ */
	case 0xFF1B:	/* ； */
		return 1;
	}
	return 0;
}

int
measure_is_closer(uint32_t cp)
{
	switch (cp) {
	case '"': case '\'': case ')': case ']':
	case 0x2019: case 0x201D: case 0xBB:	/* ’ ” » */
	case 0x300D: case 0x300F: case 0x3011:	/* 」 』 】 */
	case 0x3015: case 0x3009: case 0x300B:	/* 〕 〉 》 */
	case 0xFF09: case 0xFF3D: case 0xFF63:	/* ） ］ ｣ */
		return 1;
	}
	return 0;
}

int
measure_is_opener(uint32_t cp)
{
	switch (cp) {
	case '(': case '[':
	case 0x2018: case 0x201C: case 0xAB:	/* ‘ “ « */
	case 0x300C: case 0x300E: case 0x3010:	/* 「 『 【 */
	case 0x3014: case 0x3008: case 0x300A:	/* 〔 〈 《 */
	case 0xFF08: case 0xFF3B: case 0xFF62:	/* （ ［ ｢ */
		return 1;
	}
	return 0;
}

/* Vowel and tone marks of the Thai family, drawn on the letter before. */
static int
thai_mark(uint32_t cp)
{
	return cp == 0xE31 || (cp >= 0xE34 && cp <= 0xE3A) ||
	    (cp >= 0xE47 && cp <= 0xE4E) || cp == 0xEB1 ||
	    (cp >= 0xEB4 && cp <= 0xEBC) || (cp >= 0xEC8 && cp <= 0xECD) ||
	    (cp >= 0x102B && cp <= 0x103E) || (cp >= 0x17B4 && cp <= 0x17D3);
}

/* Characters per word in a run of a script without spaces (see top). */
static int
run_divisor(enum measure_script s)
{
	switch (s) {
	case SCRIPT_HAN:
	case SCRIPT_KANA:
		return 2;
	case SCRIPT_THAI:
		return 4;
	case SCRIPT_HANGUL:
		return 5;
	default:
		return 0;
	}
}

struct token {
	int	 words;		/* from finished runs */
	int	 run;		/* letters in the current run */
	int	 div;		/* its divisor */
	int	 other;		/* letters outside runs */
	int	 num;		/* digits: a word alone, a counter's number
				 * beside a run ("19日", "5일") */
	int	 any;		/* anything at all */
	int	 runs;		/* whether a run was seen */
};

static void
run_end(struct token *t)
{
	if (t->run > 0)
		t->words += (t->run + t->div - 1) / t->div;
	t->run = 0;
}

static int
token_end(struct token *t)
{
	int w;

	run_end(t);
	if (!t->any)
		w = 0;
	else if (!t->runs)
		w = 1;
	else
		w = t->words + (t->other ? 1 : 0);
	memset(t, 0, sizeof *t);
	return w;
}

void
measure_text(const char *s, size_t n, struct measure *m)
{
	struct token t = { 0 };
	size_t i = 0, k;
	uint32_t cp;
	int tail = 0;	/* letters since the last sentence mark */

	memset(m, 0, sizeof *m);
	while (i < n && s[i] != '\0') {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			i++;
			if (c == ' ' || c == '\t' || c == '\n') {
				m->words += token_end(&t);
				continue;
			}
			t.any = 1;
			if (c == ',')
				m->commas++;
			if ((c == '.' || c == '!' || c == '?') && tail &&
			    (i >= n || s[i] == ' ' || s[i] == '\0' ||
			    s[i] == '"' || s[i] == ')' || s[i] == '\'' ||
			    s[i] == '\n')) {
				m->sentences++;
				tail = 0;
			}
			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
				tail = 1;
				run_end(&t);
				t.other = 1;
			} else if (c >= '0' && c <= '9') {
				run_end(&t);
				t.num = 1;
			}
			continue;
		}
		k = text_utf8_next(s + i, n - i, &cp);
		i += k;
		if (cp == 0x3000 || cp == 0xA0) {	/* wide, no-break space */
			if (cp == 0x3000)
				m->words += token_end(&t);
			else
				t.any = 1;
			continue;
		}
		t.any = 1;
		if (measure_is_comma(cp)) {
			m->commas++;
			run_end(&t);
			continue;
		}
		if (measure_is_stop(cp)) {
			if (tail)
				m->sentences++;
			tail = 0;
			run_end(&t);
			continue;
		}
		{
			enum measure_script sc = measure_script(cp);
			int div = run_divisor(sc);

			if (sc == SCRIPT_THAI && thai_mark(cp))
				continue;
			if (div > 0) {
				if (t.run > 0 && t.div != div)
					run_end(&t);
				t.div = div;
				t.run++;
				t.runs = 1;
				if (sc != SCRIPT_HANGUL)
					m->dense++;
				tail = 1;
			} else if (sc != SCRIPT_OTHER) {
				run_end(&t);
				t.other = 1;
				tail = 1;
			} else
				run_end(&t);
		}
	}
	m->words += token_end(&t);
	if (tail)
		m->sentences++;
}

int
measure_words(const char *s, size_t n)
{
	size_t i = 0;
	int words = 0, in = 0;
	struct measure m;

	/* Most text is spaced: count it as spaces split it, and only go
	 * the long way when a character of a script without spaces (or
	 * the ideographic space) turns up; all of them have three-byte
	 * or longer sequences, led by 0xE0 or more. */
	for (; i < n && s[i] != '\0'; i++) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;

		if (c >= 0xE0) {
			text_utf8_next(s + i, n - i, &cp);
			if (cp == 0x3000 || run_divisor(measure_script(cp)) >
			    0) {
				measure_text(s, n, &m);
				return m.words;
			}
		}
		if (c == ' ' || c == '\t' || c == '\n')
			in = 0;
		else if (!in) {
			in = 1;
			words++;
		}
	}
	return words;
}

int
measure_ends_sentence(const char *s, size_t n)
{
	uint32_t cp;
	size_t k;

	while (n > 0) {
		/* Step back one character. */
		k = 1;
		while (k < n && k < 4 && ((unsigned char)s[n - k] & 0xC0) ==
		    0x80)
			k++;
		text_utf8_next(s + n - k, k, &cp);
		if (cp == ' ' || measure_is_closer(cp)) {
			n -= k;
			continue;
		}
		return measure_is_stop(cp) || cp == ':' || cp == ';';
	}
	return 0;
}

int
measure_ends_unmarked(const char *s, size_t n)
{
	uint32_t cp;
	size_t k;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n'))
		n--;
	if (n == 0)
		return 0;
	k = 1;
	while (k < n && k < 4 && ((unsigned char)s[n - k] & 0xC0) == 0x80)
		k++;
	text_utf8_next(s + n - k, k, &cp);
	return measure_script(cp) == SCRIPT_THAI;
}

enum measure_script
measure_main_script(const char *s, size_t n)
{
	int count[SCRIPT_HANGUL + 1] = { 0 };
	size_t i = 0;
	uint32_t cp;
	int best = SCRIPT_OTHER, sc;

	while (i < n && s[i] != '\0') {
		i += text_utf8_next(s + i, n - i, &cp);
		count[measure_script(cp)]++;
	}
	/* Kana in a text of kanji make it Japanese. */
	if (count[SCRIPT_KANA] > 0 && count[SCRIPT_HAN] > 0)
		return SCRIPT_KANA;
	for (sc = SCRIPT_LATIN; sc <= SCRIPT_HANGUL; sc++)
		if (count[sc] > count[best])
			best = sc;
	return (enum measure_script)best;
}
