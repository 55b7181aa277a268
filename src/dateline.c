/*
 * dateline: agency datelines in their own languages, read by one table.
 *
 * Each row is a pattern in a small language and the agencies it may
 * name. In a pattern:
 *
 *   {P}  the place: letters of any script, spaces, '-', '.', '\''
 *   {D}  the date: starts with a digit; digits, letters, spaces, . -
 *   {A}  one of the row's agencies, exactly
 *   {B}  the reporters' names: letters, spaces, 、 · . -
 *   ' '  any run of spaces, or none (ASCII, no-break, ideographic)
 *   ( )  a bracket, ASCII or full width
 *   -    a dash: "--", "-", en or em dash
 *
 * and every other byte stands for itself. Slots take as little as lets
 * the rest match, so "【東京共同】" splits into 東京 and 共同. A row is
 * tried only when one of its agencies appears near the start, so most
 * paragraphs cost a few memmem calls. The English forms ("LONDON, March
 * 5 (Reuters) -") stay with wire.c, which asks this table first.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dateline.h"
#include "measure.h"
#include "text.h"
#include "util.h"
#include "wire.h"

#define MAXAG	8

struct row {
	const char	*pattern;
	const char	*agencies[MAXAG];
};

static const struct row rows[] = {
	/* Kyodo, Jiji: 【東京共同】, 【ワシントン時事】 */
	{ "\xE3\x80\x90{P}{A}\xE3\x80\x91",
	    { "共同", "時事" } },
	/* Xinhua, China News: 新华社北京3月5日电（记者 王小明） */
	{ "{A}{P}{D}电 (记者 {B})",
	    { "新华社", "中新社", "中新网" } },
	{ "{A}{P}{D}电",
	    { "新华社", "中新社", "中新网" } },
	/* The same in traditional characters; CNA of Taipei. */
	{ "{A}{P}{D}電 (記者 {B})",
	    { "新華社", "中新社", "中央社" } },
	{ "{A}{P}{D}電",
	    { "新華社", "中新社", "中央社" } },
	/* Yonhap, Newsis, News1: (서울=연합뉴스) 김민수 기자 = */
	{ "({P}={A}) {B} 기자 =",
	    { "연합뉴스", "뉴시스", "뉴스1" } },
	{ "({P}={A}) {B} 특파원 =",
	    { "연합뉴스", "뉴시스", "뉴스1" } },
	{ "({P}={A}) =",
	    { "연합뉴스", "뉴시스", "뉴스1" } },
	/* WAM, KUNA, SPA, QNA, BNA, ONA: أبوظبي في 12 مارس / وام / */
	{ "{P} في {D} / {A} /",
	    { "وام", "كونا", "واس", "قنا", "بنا", "العمانية" } },
	{ "{P} - {D} ({A}) -",
	    { "كونا", "وام", "واس", "قنا", "بنا", "العمانية" } },
	/* EFE, Europa Press: Madrid, 5 mar (EFE).- */
	{ "{P}, {D} ({A}).-",
	    { "EFE", "Europa Press" } },
	/* ANSA: (ANSA) - ROMA, 5 MAR - */
	{ "({A}) - {P}, {D} -",
	    { "ANSA" } },
	/* TASS: МОСКВА, 5 марта. /ТАСС/. */
	{ "{P}, {D}. /{A}/.",
	    { "ТАСС", "ИТАР-ТАСС" } },
	/* RIA Novosti: МОСКВА, 5 мар — РИА Новости. */
	{ "{P}, {D} - {A}.",
	    { "РИА Новости", "Интерфакс", "ТАСС" } },
};

/* The zone each agency's clock runs in, as its desk writes the time. */
static const struct {
	const char	*agency;
	int		 minutes;
	const char	*zone;
} zones[] = {
	{ "共同", 540, "JST" }, { "時事", 540, "JST" },
	{ "Kyodo", 540, "JST" }, { "Jiji", 540, "JST" },
	{ "Jiji Press", 540, "JST" }, { "NHK", 540, "JST" },
	{ "新华社", 480, "CST" }, { "新華社", 480, "CST" },
	{ "中新社", 480, "CST" }, { "中新网", 480, "CST" },
	{ "中央社", 480, "CST" }, { "Xinhua", 480, "CST" },
	{ "연합뉴스", 540, "KST" }, { "뉴시스", 540, "KST" },
	{ "뉴스1", 540, "KST" }, { "Yonhap", 540, "KST" },
	{ "وام", 240, "GST" }, { "WAM", 240, "GST" },
	{ "العمانية", 240, "GST" }, { "ONA", 240, "GST" },
	{ "كونا", 180, "AST" }, { "KUNA", 180, "AST" },
	{ "واس", 180, "AST" }, { "SPA", 180, "AST" },
	{ "قنا", 180, "AST" }, { "QNA", 180, "AST" },
	{ "بنا", 180, "AST" }, { "BNA", 180, "AST" },
	{ "ТАСС", 180, "MSK" }, { "ИТАР-ТАСС", 180, "MSK" },
	{ "TASS", 180, "MSK" }, { "РИА Новости", 180, "MSK" },
	{ "Интерфакс", 180, "MSK" },
};

enum { CAP_P, CAP_D, CAP_A, CAP_B, NCAP };

struct match {
	const char	*cap[NCAP];
	size_t		 len[NCAP];
	const struct row *row;
	const char	*end;		/* of the paragraph's first bytes */
};

static const char *match_at(const char *, const char *, struct match *);

static size_t
space_at(const char *s, const char *end)
{
	if (s < end && *s == ' ')
		return 1;
	if (end - s >= 2 && strncmp(s, "\xC2\xA0", 2) == 0)
		return 2;
	if (end - s >= 3 && strncmp(s, "\xE3\x80\x80", 3) == 0)
		return 3;
	return 0;
}

static size_t
dash_len(const char *s, const char *end)
{
	if (end - s >= 3 && (strncmp(s, "\xE2\x80\x94", 3) == 0 ||
	    strncmp(s, "\xE2\x80\x93", 3) == 0))
		return 3;
	if (end - s >= 2 && s[0] == '-' && s[1] == '-')
		return 2;
	return s < end && *s == '-';
}

/* Whether a slot may hold cp, at its first character or later. */
static int
slot_takes(int slot, uint32_t cp, int first)
{
	enum measure_script sc = measure_script(cp);
	int letter = sc != SCRIPT_OTHER;

	switch (slot) {
	case CAP_P:
		return letter || (!first && (cp == ' ' || cp == '-' ||
		    cp == '.' || cp == '\''));
	case CAP_D:
		if (first)
			return cp >= '0' && cp <= '9';
		return letter || (cp >= '0' && cp <= '9') || cp == ' ' ||
		    cp == '.' || cp == '-';
	case CAP_B:
		return letter || (!first && (cp == ' ' || cp == 0x3001 ||
		    cp == 0xB7 || cp == '.' || cp == '-'));
	}
	return 0;
}

/* A slot: grow it one character at a time until the rest matches. */
static const char *
match_slot(int slot, size_t max, const char *pat, const char *s,
    struct match *m)
{
	const char *p = s, *r;
	uint32_t cp;
	size_t k;

	while (p < m->end && (size_t)(p - s) < max) {
		k = text_utf8_next(p, (size_t)(m->end - p), &cp);
		if (!slot_takes(slot, cp, p == s))
			return NULL;
		p += k;
		if ((r = match_at(pat, p, m)) != NULL) {
			m->cap[slot] = s;
			m->len[slot] = (size_t)(p - s);
			return r;
		}
	}
	return NULL;
}

static const char *
match_at(const char *pat, const char *s, struct match *m)
{
	const char *r;
	size_t k, i;

	for (; *pat != '\0'; pat++) {
		if (pat[0] == '{' && pat[2] == '}') {
			switch (pat[1]) {
			case 'P':
				return match_slot(CAP_P, 48, pat + 3, s, m);
			case 'D':
				return match_slot(CAP_D, 32, pat + 3, s, m);
			case 'B':
				return match_slot(CAP_B, 60, pat + 3, s, m);
			}
			for (i = 0; i < MAXAG && m->row->agencies[i] != NULL;
			    i++) {
				k = strlen(m->row->agencies[i]);
				if ((size_t)(m->end - s) >= k && memcmp(s,
				    m->row->agencies[i], k) == 0 &&
				    (r = match_at(pat + 3, s + k, m)) != NULL) {
					m->cap[CAP_A] = s;
					m->len[CAP_A] = k;
					return r;
				}
			}
			return NULL;
		}
		switch (*pat) {
		case ' ':
			while ((k = space_at(s, m->end)) > 0)
				s += k;
			continue;
		case '(':
		case ')':
			if (s < m->end && *s == *pat)
				s++;
			else if (m->end - s >= 3 && memcmp(s, *pat == '(' ?
			    "\xEF\xBC\x88" : "\xEF\xBC\x89", 3) == 0)
				s += 3;
			else
				return NULL;
			continue;
		case '-':
			if ((k = dash_len(s, m->end)) == 0)
				return NULL;
			s += k;
			continue;
		}
		if (s >= m->end || *s != *pat)
			return NULL;
		s++;
	}
	return s;
}

/* Whether one of the row's agencies is written in the first n bytes. */
static int
row_may_match(const struct row *r, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < MAXAG && r->agencies[i] != NULL; i++)
		if (memmem(s, n, r->agencies[i], strlen(r->agencies[i])) !=
		    NULL)
			return 1;
	return 0;
}

static char *
cap_text(const struct match *m, int slot)
{
	const char *s = m->cap[slot];
	size_t n = m->len[slot];

	if (s == NULL)
		return NULL;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '.'))
		n--;
	return n > 0 ? xstrndup(s, n) : NULL;
}

int
dateline_parse(const char *p, struct wire_dateline *d)
{
	struct match m;
	const char *end;
	size_t i, n = strnlen(p, 200), k;
	int wide;

	/* The agencies of the table are written in Cyrillic, Arabic,
	 * Chinese, Japanese or Korean, but for EFE and ANSA, in brackets:
	 * in other text only their rows are tried. */
	for (i = 0; i < n && !MEASURE_FOREIGN_LEAD((unsigned char)p[i]); i++)
		;
	wide = i < n;
	if (!wide && memchr(p, '(', n) == NULL)
		return 0;
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		if ((!wide && (unsigned char)rows[i].agencies[0][0] >= 0x80) ||
		    !row_may_match(&rows[i], p, n))
			continue;
		memset(&m, 0, sizeof m);
		m.row = &rows[i];
		m.end = p + n;
		if ((end = match_at(rows[i].pattern, p, &m)) == NULL ||
		    m.cap[CAP_P] == NULL)
			continue;
		while ((k = space_at(end, p + n)) > 0)
			end += k;
		memset(d, 0, sizeof *d);
		d->place = cap_text(&m, CAP_P);
		d->agency = cap_text(&m, CAP_A);
		d->date = cap_text(&m, CAP_D);
		d->byline = cap_text(&m, CAP_B);
		d->length = (size_t)(end - p);
		return 1;
	}
	return 0;
}

int
dateline_agency_zone(const char *agency, int *minutes, const char **name)
{
	size_t i;

	if (agency == NULL)
		return 0;
	for (i = 0; i < sizeof zones / sizeof zones[0]; i++)
		if (strcmp(agency, zones[i].agency) == 0) {
			*minutes = zones[i].minutes;
			*name = zones[i].zone;
			return 1;
		}
	return 0;
}
