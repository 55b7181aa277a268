/*
 * entity_script: names in scripts the English rules cannot read, run
 * after them (entity.c calls entity_script_tag once).
 *
 * Only where sure. The capitalisation rules mean nothing in scripts
 * without a dictionary, so their finds in text without a Latin letter
 * go, unless a gazetteer knows the name. Places are the gazetteer's
 * (data/cues-scripts.txt): in Chinese and Japanese found inside the run
 * of characters, in Korean before a particle (서울에서), in Arabic after
 * a one-letter prefix (وأبوظبي). People only beside a role word:
 *
 *   Chinese, Arabic: the word before the name (记者王小明表示, الشيخ
 *   محمد بن زايد), the name two or three characters up to a verb or a
 *   mark (Chinese), or two to five words up to a particle (Arabic);
 *   Japanese: the word after it (植田和男総裁), the name a run of two
 *   to four kanji or of katakana that names no place or body;
 *   Korean: a three-syllable name that starts with a family name, then
 *   the role word, or one word and the role word (이창용 한국은행 총재).
 */
#include <stdlib.h>
#include <string.h>

#include "entity_script.h"
#include "gazetteer.h"
#include "measure.h"
#include "story.h"
#include "text.h"
#include "util.h"

#define MAXCH	12	/* characters of the longest place looked up */

struct span {
	size_t	start, end;
};

/* The byte offsets of the characters of s (n + 1 of them, the last the
 * end), and their code points. Caller frees both. */
static size_t
chars_of(const char *s, size_t **offp, uint32_t **cpp)
{
	size_t n = strlen(s), i = 0, k = 0;
	size_t *off = xreallocarray(NULL, n + 1, sizeof *off);
	uint32_t *cp = xreallocarray(NULL, n + 1, sizeof *cp);

	while (i < n) {
		off[k] = i;
		i += text_utf8_next(s + i, n - i, &cp[k]);
		k++;
	}
	off[k] = n;
	cp[k] = 0;
	*offp = off;
	*cpp = cp;
	return k;
}

static uint32_t
flags_of(const char *s, size_t a, size_t b)
{
	return b > a ? gaz_lookup(s + a, b - a) : 0;
}

static int
is_han(uint32_t c)
{
	return measure_script(c) == SCRIPT_HAN;
}

static int
is_kana(uint32_t c)
{
	return measure_script(c) == SCRIPT_KANA;
}

/* Characters that end a Chinese name: a verb of saying, a mark. */
static int
name_end_zh(const char *s, size_t at)
{
	static const char *ends[] = { "表示", "说", "說", "指出", "称", "稱",
	    "在", "对", "對", "强调", "強調", "介绍", "介紹", "会见", "會見",
	    "和", "与", "與", "、", "，", "。", "）", ")", "\xE2\x80\x9D",
	    "：" };
	size_t i;

	for (i = 0; i < sizeof ends / sizeof ends[0]; i++)
		if (strncmp(s + at, ends[i], strlen(ends[i])) == 0)
			return 1;
	return s[at] == '\0' || s[at] == ' ';
}

/* Characters that make a Japanese run a body, not a person. */
static int
body_char(uint32_t c)
{
	static const uint32_t body[] = { 0x9280, 0x884C, 0x7701, 0x5E81,
	    0x4F1A, 0x515A, 0x793E, 0x5E9C, 0x56FD, 0x770C, 0x5E02, 0x90E8,
	    0x5C40, 0x9662, 0x5E73, 0x65E5, 0x7C73, 0x4E2D, 0x97D3, 0x82F1 };
	/* 銀 行 省 庁 会 党 社 府 国 県 市 部 局 院 平 日 米 中 韓 英 */
	size_t i;

	for (i = 0; i < sizeof body / sizeof body[0]; i++)
		if (c == body[i])
			return 1;
	return 0;
}

static void
add(struct story *st, int para, size_t a, size_t b, enum entity_type t)
{
	story_add_entity(st, t, para, a, b);
}

/* The particles that follow a Korean noun: 서울에서, 한국의. */
static int
korean_particle(const char *s, size_t n)
{
	static const char *parts[] = { "에서", "에", "의", "은", "는", "이",
	    "가", "과", "와", "로", "으로", "을", "를", "도", "까지", "부터",
	    "에서는", "에는", "으로는" };
	size_t i;

	for (i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (strlen(parts[i]) == n && memcmp(s, parts[i], n) == 0)
			return 1;
	return 0;
}

/* Words after a place that make it a company's or a body's name
 * (日本銀行, 中国银行): the place is not highlighted alone. */
static int
org_follows(const char *s)
{
	static const char *org[] = { "銀行", "银行", "大学", "大學", "航空",
	    "電力", "电力", "放送", "新聞", "新闻", "通信", "証券", "证券",
	    "テレビ", "电视台", "電視台", "日报", "日報" };
	size_t i;

	for (i = 0; i < sizeof org / sizeof org[0]; i++)
		if (strncmp(s, org[i], strlen(org[i])) == 0)
			return 1;
	return 0;
}

/* Places and people in a run of Chinese or Japanese characters. */
static void
tag_dense(struct story *st, int para, const char *s, const size_t *off,
    const uint32_t *cp, size_t n)
{
	size_t i, j, len, best;
	uint32_t f;

	for (i = 0; i < n; i++) {
		if (!is_han(cp[i]) && !is_kana(cp[i]))
			continue;
		/* Japanese: katakana or kanji before a role word. */
		for (len = 2; len <= 4 && i + len < n; len++) {
			size_t k, roles = 0;

			for (k = i + len + 1; k <= n && k <= i + len + 4; k++)
				if (flags_of(s, off[i + len], off[k]) &
				    GAZ_ROLE)
					roles = k;
			if (roles == 0 || (i > 0 && is_han(cp[i - 1])))
				continue;
			for (k = i; k < i + len; k++)
				if (!is_han(cp[k]) || body_char(cp[k]))
					break;
			if (k == i + len && !(flags_of(s, off[i], off[i + len])
			    & GAZ_ANYPLACE)) {
				add(st, para, off[i], off[i + len], ENT_PER);
				i += len - 1;
				goto next;
			}
		}
		if (is_kana(cp[i]) && cp[i] >= 0x30A0 && (i == 0 ||
		    !(cp[i - 1] >= 0x30A0 && cp[i - 1] <= 0x30FF))) {
			/* A katakana word before a role word. */
			for (j = i; j < n && cp[j] >= 0x30A0 && cp[j] <= 0x30FF;
			    j++)
				;
			for (len = 1; len <= 4 && j + len <= n; len++)
				if (flags_of(s, off[j], off[j + len]) &
				    GAZ_ROLE)
					break;
			if (j - i >= 2 && len <= 4 && j + len <= n &&
			    !(flags_of(s, off[i], off[j]) & GAZ_ANYPLACE)) {
				add(st, para, off[i], off[j], ENT_PER);
				i = j - 1;
				continue;
			}
		}
		/* Chinese: a role word, then the name. */
		for (len = 2; len <= 3 && i + len <= n; len++)
			if (flags_of(s, off[i], off[i + len]) & GAZ_TITLE) {
				size_t a = i + len, got = 0, k;

				if (a < n && cp[a] == ' ')
					a++;

				for (k = 2; k <= 3 && a + k <= n; k++) {
					for (j = a; j < a + k && is_han(cp[j]);
					    j++)
						;
					if (j == a + k && name_end_zh(s,
					    off[a + k]))
						got = got ? (size_t)-1 : k;
				}
				if (got != 0 && got != (size_t)-1) {
					add(st, para, off[a], off[a + got],
					    ENT_PER);
					i = a + got - 1;
					goto next;
				}
			}
		/* The longest place that starts here, not inside a word of
		 * katakana. */
		best = 0;
		for (len = 2; len <= MAXCH && i + len <= n; len++) {
			if (!is_han(cp[i + len - 1]) && !is_kana(cp[i +
			    len - 1]))
				break;
			f = flags_of(s, off[i], off[i + len]);
			if (f & GAZ_ANYPLACE)
				best = len;
		}
		if (best > 0 && !org_follows(s + off[i + best]) &&
		    !(cp[i] >= 0x30A0 && i > 0 && cp[i - 1] >=
		    0x30A0 && cp[i - 1] <= 0x30FF) && !(i + best < n &&
		    cp[i + best] >= 0x30A0 && cp[i + best] <= 0x30FF &&
		    cp[i + best - 1] >= 0x30A0)) {
			add(st, para, off[i], off[i + best], ENT_LOC);
			i += best - 1;
		}
next:		;
	}
}

/* The words of a spaced text (Korean, Arabic, Cyrillic): maximal runs
 * of letters and digits. */
static size_t
words_of(const uint32_t *cp, size_t n, struct span *w)
{
	size_t i = 0, k = 0, a;

	while (i < n) {
		while (i < n && measure_script(cp[i]) == SCRIPT_OTHER &&
		    !(cp[i] >= '0' && cp[i] <= '9') && cp[i] != '-')
			i++;
		if (i >= n)
			break;
		a = i;
		while (i < n && (measure_script(cp[i]) != SCRIPT_OTHER ||
		    (cp[i] >= '0' && cp[i] <= '9') || cp[i] == '-'))
			i++;
		w[k].start = a;
		w[k].end = i;
		k++;
	}
	return k;
}

static int
family_name(uint32_t c)
{
	static const char fam[] = "김이박최정강조윤장임한오서신권황안송류전"
	    "홍고문양손배백허유남심노하곽성차주우구민진나지엄변채원방천공현함"
	    "여염석추도소설선마길연위표명기반왕금옥육인맹제모탁국어은편용";
	size_t i = 0, n = sizeof fam - 1;
	uint32_t f;

	while (i < n) {
		i += text_utf8_next(fam + i, n - i, &f);
		if (f == c)
			return 1;
	}
	return 0;
}

/* The role word at word w, with a particle after it (총재는). */
static int
role_at(const char *s, const size_t *off, const struct span *w)
{
	size_t k;

	for (k = w->end; k > w->start; k--)
		if (flags_of(s, off[w->start], off[k]) & GAZ_ROLE)
			return w->end - k <= 2;
	return 0;
}

static int
arabic_stop(const char *s, size_t a, size_t b)
{
	static const char *stop[] = { "إن", "أن", "إنه", "أنه", "في", "من",
	    "على", "إلى", "عن", "مع", "خلال", "اليوم", "أمس", "الذي", "التي",
	    "قد", "لم", "لن", "كان", "كانت", "هذا", "هذه", "ذلك", "بعد", "قبل",
	    "حيث", "كما", "ثم", "أو", "و", "قال", "وقال", "أكد", "أعلن",
	    "أوضح", "لدى", "عبر" };
	size_t i;

	for (i = 0; i < sizeof stop / sizeof stop[0]; i++)
		if (strlen(stop[i]) == b - a && memcmp(s + a, stop[i], b - a)
		    == 0)
			return 1;
	return 0;
}

/* Places and people in a text of words. */
static void
tag_spaced(struct story *st, int para, const char *s, const size_t *off,
    const uint32_t *cp, size_t n)
{
	struct span *w = xreallocarray(NULL, n + 1, sizeof *w);
	size_t nw, i, k, a, b;
	uint32_t f;

	nw = words_of(cp, n, w);
	for (i = 0; i < nw; i++) {
		a = w[i].start;
		b = w[i].end;
		if (measure_script(cp[a]) == SCRIPT_LATIN)
			continue;
		/* Korean: a name, then its role, maybe with one word
		 * between. */
		if (measure_script(cp[a]) == SCRIPT_HANGUL && b - a == 3 &&
		    family_name(cp[a]) && ((i + 1 < nw && role_at(s, off,
		    &w[i + 1])) || (i + 2 < nw && role_at(s, off, &w[i + 2]) &&
		    !role_at(s, off, &w[i + 1])))) {
			add(st, para, off[a], off[b], ENT_PER);
			continue;
		}
		/* Arabic: a role, words in al- (its field), then two to five
		 * words of the name. */
		if (measure_script(cp[a]) == SCRIPT_ARABIC &&
		    (flags_of(s, off[a], off[b]) & GAZ_TITLE)) {
			size_t j = i + 1, first, last;

			while (j < nw && j <= i + 3 && w[j].end - w[j].start >
			    2 && strncmp(s + off[w[j].start], "ال", 4) == 0)
				j++;
			first = j;
			while (j < nw && j < first + 5 && !arabic_stop(s,
			    off[w[j].start], off[w[j].end]) &&
			    measure_script(cp[w[j].start]) == SCRIPT_ARABIC &&
			    (strncmp(s + off[w[j].start], "ال", 4) != 0 ||
			    (j > first && strncmp(s + off[w[j - 1].start],
			    "آل", 4) == 0 && w[j - 1].end - w[j - 1].start ==
			    2)) && !(flags_of(s, off[w[j].start],
			    off[w[j].end]) & GAZ_TITLE))
				j++;
			last = j;
			/* No mark inside the name: it ends at , . ( */
			for (k = first + 1; k < last; k++)
				if (w[k].start != w[k - 1].end + 1 ||
				    cp[w[k - 1].end] != ' ') {
					last = k;
					break;
				}
			if (last - first >= 2) {
				add(st, para, off[w[first].start],
				    off[w[last - 1].end], ENT_PER);
				i = last - 1;
				continue;
			}
		}
		/* A place: the word, the word less a one-letter Arabic
		 * prefix, or the word less a Korean particle. */
		if ((f = flags_of(s, off[a], off[b])) & GAZ_ANYPLACE) {
			add(st, para, off[a], off[b], ENT_LOC);
			continue;
		}
		if (measure_script(cp[a]) == SCRIPT_ARABIC && b - a > 3 &&
		    (cp[a] == 0x648 || cp[a] == 0x628 || cp[a] == 0x644 ||
		    cp[a] == 0x641) && (flags_of(s, off[a + 1], off[b]) &
		    GAZ_ANYPLACE)) {
			add(st, para, off[a + 1], off[b], ENT_LOC);
			continue;
		}
		if (measure_script(cp[a]) == SCRIPT_HANGUL)
			for (k = b - 1; k > a + 1 && k + 2 >= b; k--)
				if (korean_particle(s + off[k], off[b] - off[k])
				    && (flags_of(s, off[a], off[k]) &
				    GAZ_ANYPLACE)) {
					add(st, para, off[a], off[k], ENT_LOC);
					break;
				}
	}
	free(w);
}

/* Whether a span holds a Latin letter. */
static int
has_latin(const char *s, size_t a, size_t b)
{
	size_t i = a;
	uint32_t c;

	while (i < b) {
		i += text_utf8_next(s + i, b - i, &c);
		if (measure_script(c) == SCRIPT_LATIN)
			return 1;
	}
	return 0;
}

static int
entity_order(const void *x, const void *y)
{
	const struct story_entity *a = x, *b = y;

	if (a->paragraph != b->paragraph)
		return a->paragraph < b->paragraph ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->end > b->end ? -1 : a->end < b->end;
}

static void
tag_text(struct story *st, int para, const char *s)
{
	size_t *off, n;
	uint32_t *cp;
	const unsigned char *u;

	/* Text with no letter of the scripts read here has nothing for
	 * this pass. */
	for (u = (const unsigned char *)s; *u != '\0' &&
	    !MEASURE_FOREIGN_LEAD(*u); u++)
		;
	if (*u == '\0')
		return;
	n = chars_of(s, &off, &cp);
	tag_dense(st, para, s, off, cp, n);
	tag_spaced(st, para, s, off, cp, n);
	free(off);
	free(cp);
}

void
entity_script_tag(struct story *st)
{
	size_t i, k, from;
	const char *s;

	/* What the capitalisation rules found in other scripts goes
	 * unless a gazetteer knows it. */
	for (i = k = 0; i < st->nentities; i++) {
		const struct story_entity *e = &st->entities[i];

		s = e->paragraph < 0 ? st->headline :
		    st->paragraphs[e->paragraph];
		if (!has_latin(s, e->start, e->end) && !(flags_of(s, e->start,
		    e->end) & (GAZ_ANYPLACE | GAZ_PERSON | GAZ_ORG)))
			continue;
		st->entities[k++] = *e;
	}
	st->nentities = k;
	from = k;
	if (st->headline != NULL)
		tag_text(st, -1, st->headline);
	for (i = 0; i < st->npara; i++)
		if (st->kinds[i] != KIND_PRE)
			tag_text(st, (int)i, st->paragraphs[i]);
	if (st->nentities == from)
		return;
	/* In order, none overlapping: the first found stays. */
	qsort(st->entities, st->nentities, sizeof *st->entities,
	    entity_order);
	for (i = k = 0; i < st->nentities; i++) {
		if (k > 0 && st->entities[k - 1].paragraph ==
		    st->entities[i].paragraph && st->entities[i].start <
		    st->entities[k - 1].end)
			continue;
		st->entities[k++] = st->entities[i];
	}
	st->nentities = k;
}
