/*
 * entity: people, places and organisations in a story.
 *
 * Three passes over the whole story (headline and body together):
 *   1. tokens: words with their shape and their gazetteer flags;
 *   2. runs of capitalised words, cut at titles, dates and sentence
 *      starts, each classified by the rules below (or left unknown);
 *   3. memory: what one mention settled decides the others ("Sergei
 *      Lavrov" makes a later "Lavrov" a person), and ALL-CAPS or
 *      Title Case lines, where capitals say nothing, are matched
 *      against the places and the names already known.
 * Precision first: a run no rule is sure of is left plain.
 *
 * This file makes the tokens and the runs and drives the passes; the
 * kind of story and the company cues are in entity_story.c, the steps
 * that classify a run in entity_steps.c, the memory in entity_memory.c
 * (include/entity_int.h is what they share).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entity.h"
#include "entity_int.h"
#include "gazetteer.h"
#include "story.h"
#include "text.h"
#include "util.h"


uint32_t
gaz_lookup(const char *s, size_t n)
{
	uint32_t full, h;
	const char *k;
	size_t i;

	/* An empty phrase may come with no buffer at all. */
	if (n == 0 || n > 200)
		return 0;
	full = gaz_hash(s, n);
	h = full & gaz_mask;
	for (; gaz_slots[h].off != 0; h = (h + 1) & gaz_mask) {
		if (gaz_slots[h].hash != full)
			continue;
		k = gaz_pool + gaz_slots[h].off - 1;
		for (i = 0; i < n; i++)
			if ((unsigned char)k[i]
			    != gaz_fold((unsigned char)s[i]))
				break;
		if (i == n && k[n] == '\0')
			return gaz_slots[h].flags;
	}
	return 0;
}

/* --- characters -------------------------------------------------------- */

static int
cp_upper(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (c >= 0xC0 && c <= 0xDE)
		return c != 0xD7;
	if (c >= 0x100 && c <= 0x17F)	/* Latin Extended-A pairs */
		return (c <= 0x137 || c >= 0x14A) ? (c % 2 == 0) :
		    (c % 2 == 1);
	if (c >= 0x391 && c <= 0x3AB)
		return 1;
	if (c >= 0x400 && c <= 0x42F)
		return 1;
	return 0;
}

static int
cp_letter(uint32_t c)
{
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	if (c >= 0xC0 && c <= 0x24F)
		return c != 0xD7 && c != 0xF7;
	return (c >= 0x370 && c <= 0x3FF) || (c >= 0x400 && c <= 0x52F) ||
	    (c >= 0x1E00 && c <= 0x1EFF);
}

static int
cp_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == 0xA0 ||
	    (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x3000;
}

static int
cp_joiner(uint32_t c)	/* may join two parts of one word */
{
	return c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 ||
	    c == 0x2011 || c == '.';
}

/* --- pass 1: tokens ---------------------------------------------------- */


static struct tok *
add_tok(struct tagger *tg, int para, const char *s, size_t a, size_t b,
    int f)
{
	struct tok *t;

	if (tg->n == tg->cap) {
		tg->cap = tg->cap ? tg->cap * 2 : 512;
		tg->t = xreallocarray(tg->t, tg->cap, sizeof *tg->t);
	}
	t = &tg->t[tg->n++];
	t->start = (uint32_t)a;
	t->end = (uint32_t)b;
	t->f = (uint16_t)f;
	t->g = 0;
	t->para = para;
	t->s = s;
	return t;
}

/* "British", "Japanese", "Dutch", "Korean", "Swiss": the endings of the
 * words for peoples, for capitalised dictionary words only. */
int
entity_demonym_ending(const char *s, size_t n)
{
	static const char *end[] = { "ish", "ese", "ian", "ean", "can",
	    "tch", "nch", "iss", "ani", "aqi", "eli" };
	size_t i;

	for (i = 0; i < sizeof end / sizeof end[0]; i++)
		if (n > 4 && memcmp(s + n - 3, end[i], 3) == 0)
			return 1;
	return 0;
}

/* The shape of a word and its gazetteer flags. */
static void
shape_word(struct tok *t)
{
	const char *s = t->s + t->start;
	size_t n = t->end - t->start, i = 0, k;
	uint32_t c;
	int letters = 0, uppers = 0, first = 1, hy = 0;

	while (i < n) {
		k = text_utf8_next(s + i, n - i, &c);
		if (cp_letter(c)) {
			letters++;
			if (cp_upper(c))
				uppers++;
			if (first) {
				if (cp_upper(c))
					t->f |= T_CAP;
				first = 0;
			}
		} else if (c >= '0' && c <= '9') {
			t->f |= T_DIGIT;
			first = 0;
		} else if (c == '-' || c == 0x2010 || c == 0x2011) {
			t->f |= T_HYPHEN;
			/* "al-Assad": a particle, then a capital. */
			if (!(t->f & T_CAP) && i <= 4 && i + 1 < n &&
			    s[i + 1] >= 'A' && s[i + 1] <= 'Z' && hy == 0 &&
			    (gaz_lookup(s, i) & GAZ_PARTICLE))
				t->f |= T_CAP;
			hy++;
		}
		i += k;
	}
	if (letters > 0)
		t->f |= T_WORD;
	if (letters >= 2 && uppers == letters)
		t->f |= T_UPPER;
	if (letters == 1 && uppers == 1 && n == 2 && s[1] == '.')
		t->f |= T_INITIAL;
	t->g = gaz_lookup(s, n);
	/* "O.J.", "I.K.": initials, unless a known abbreviation ("U.S."). */
	if (t->g == 0 && (n == 4 || n == 6) && uppers == letters &&
	    (size_t)letters == n / 2 && s[1] == '.' && s[3] == '.' && (n == 4 ||
	    s[5] == '.'))
		t->f |= T_INITIAL;
	if (t->g == 0 && n > 1 && s[n - 1] == '.' && !(t->f & T_INITIAL))
		t->g = gaz_lookup(s, n - 1);
	/* "WHO" is an organisation, "Who" a question; "US", not "Us". */
	if ((t->g & GAZ_ACRONYM) && !(t->f & T_UPPER))
		t->g &= ~(GAZ_ANYPLACE | GAZ_ORG);
	/* The dictionary knows peoples by their plurals: "Iraqi" and
	 * "Iraqis", "Kurds" and "Kurd". */
	if ((t->f & T_CAP) && n + 1 < 64 && !(t->g & (GAZ_FIRST |
	    GAZ_ANYPLACE))) {
		char w[64];
		uint32_t pg;

		memcpy(w, s, n);
		w[n] = 's';
		if ((t->g & GAZ_CAP) && (gaz_lookup(w, n + 1) & GAZ_CAP))
			t->f |= T_GROUP;
		else if (n > 3 && s[n - 1] == 's' && (pg = gaz_lookup(s,
		    n - 1)) & GAZ_CAP && !(pg & GAZ_FIRST))
			t->f |= T_GROUP;
		else if ((t->g & GAZ_CAP) && entity_demonym_ending(s, n))
			t->f |= T_GROUP;
	}
}

/* "Hong Kong-based", "Kremlin-backed": a word, not a name. */
static int
hyphen_lower(const struct tok *t)
{
	size_t i;

	if (!(t->f & T_HYPHEN))
		return 0;
	for (i = t->end; i > t->start; i--)
		if (t->s[i - 1] == '-')
			break;
	return i < t->end && t->s[i] >= 'a' && t->s[i] <= 'z' &&
	    t->end - i > 3;
}

/* Whether no word of four letters or more from token first on starts
 * with a lower-case letter. */
static int
all_capitalised(struct tagger *tg, size_t first)
{
	size_t j;

	for (j = first; j < tg->n; j++)
		if ((tg->t[j].f & T_WORD) && !(tg->t[j].f & T_CAP) &&
		    tg->t[j].end - tg->t[j].start >= 4)
			return 0;
	return 1;
}

/* "Reporting by Brenda Goh; Editing by Kim Coghill": a credit line
 * reads like Title Case, but its capitals are names. */
static int
credit_line(struct tagger *tg, size_t first)
{
	static const char *w[] = { "Reporting", "reporting", "Editing",
	    "Writing", "Compiled", "Additional" };
	size_t j, i, n;

	for (j = first; j + 1 < tg->n; j++) {
		const struct tok *t = &tg->t[j], *by = &tg->t[j + 1];

		n = t->end - t->start;
		if (by->end - by->start != 2 ||
		    memcmp(by->s + by->start, "by", 2) != 0)
			continue;
		for (i = 0; i < sizeof w / sizeof w[0]; i++)
			if (strlen(w[i]) == n && memcmp(t->s + t->start, w[i],
			    n) == 0)
				return 1;
	}
	return 0;
}

static void
tokenize(struct tagger *tg, int para, const char *s)
{
	size_t n = strlen(s), i = 0, j, k, first = tg->n;
	uint32_t c, c2;
	int sent = 1;
	struct tok *t;

	while (i < n) {
		k = text_utf8_next(s + i, n - i, &c);
		if (cp_space(c)) {
			i += k;
			continue;
		}
		if (cp_letter(c) || (c >= '0' && c <= '9')) {
			j = i + k;
			while (j < n) {
				k = text_utf8_next(s + j, n - j, &c);
				if (cp_letter(c) || (c >= '0' && c <= '9')) {
					j += k;
					continue;
				}
				if (!cp_joiner(c) || j + k >= n)
					break;
				text_utf8_next(s + j + k, n - j - k, &c2);
				if (!cp_letter(c2) && !(c2 >= '0' && c2 <= '9'))
					break;
				/* The possessive 's is a token of its own. */
				if ((c == '\'' || c == 0x2019) && (c2 == 's' ||
				    c2 == 'S') && (j + k + 1 >= n ||
				    !cp_letter((unsigned char)s[j + k + 1])))
					break;
				j += k;
			}
			/* A trailing period that belongs to the word:
			 * "J.", "U.S.", "Mr.", "Inc." */
			if (j < n && s[j] == '.' && ((j - i == 1 &&
			    !(s[i] >= '0' && s[i] <= '9')) ||
			    memchr(s + i, '.', j - i) != NULL ||
			    (gaz_lookup(s + i, j - i + 1) & (GAZ_TITLE |
			    GAZ_ORGSUF | GAZ_ANYPLACE | GAZ_ORG |
			    GAZ_NOTNAME))))
				j++;
			t = add_tok(tg, para, s, i, j, sent ? T_SENT : 0);
			shape_word(t);
			sent = 0;
			i = j;
			continue;
		}
		t = add_tok(tg, para, s, i, i + k, T_PUNCT);
		if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') {
			t->f |= T_STOP;
			sent = 1;
		} else if (c == '"' || c == 0x201C || c == 0x201D ||
		    c == '(' || c == '[' || c == '\'' || c == 0x2018) {
			t->f |= T_OPENQ;
			sent = 1;
		} else if (c == '-' || c == 0x2013 || c == 0x2014) {
			t->f |= T_DASH;
			sent = 1;
		}
		i += k;
	}
	/* ALL CAPS or Title Case: capitals say nothing about names here. */
	{
		size_t words = 0, upper = 0, cap = 0;

		for (j = first; j < tg->n; j++) {
			if (!(tg->t[j].f & T_WORD) ||
			    tg->t[j].end - tg->t[j].start < 4)
				continue;
			words++;
			upper += (tg->t[j].f & T_UPPER) != 0;
			cap += (tg->t[j].f & T_CAP) != 0 &&
			    entity_is_common(&tg->t[j]);
		}
		/* Title Case: every longer word capitalised, common words
		 * too (a list of names is no Title Case line). */
		if (((words >= 2 && upper * 10 >= words * 6) ||
		    (words >= 4 && cap * 10 >= words * 3 &&
		    all_capitalised(tg, first))) && !credit_line(tg, first))
			for (j = first; j < tg->n; j++)
				tg->t[j].f |= T_CAPSLINE;
	}
	for (j = first; j < tg->n; j++) {
		t = &tg->t[j];
		if (((t->f & (T_CAP | T_DIGIT)) == T_CAP &&
		    !hyphen_lower(t)) || (t->f & T_INITIAL))
			t->f |= T_NAMELIKE;
	}
}

/* --- helpers ----------------------------------------------------------- */

int
entity_is_particle(const struct tok *t)
{
	return (t->g & GAZ_PARTICLE) && !(t->f & T_CAP) && !(t->f & T_PUNCT);
}

int
entity_is_amp(const struct tok *t)
{
	return (t->f & T_PUNCT) && t->s[t->start] == '&';
}

/* A word known only as a common lower-case word ("Police", "Democrats"). */
int
entity_is_common(const struct tok *t)
{
	return (t->g & GAZ_LOWER) && !(t->g & (GAZ_CAP | GAZ_FIRST |
	    GAZ_ANYPLACE | GAZ_ORG | GAZ_PERSON));
}

/* Folded key of tokens [a, b) joined by single spaces, in tg->kbuf. */
size_t
entity_phrase_key(struct tagger *tg, size_t a, size_t b)
{
	size_t len = 0, i, j, n;

	for (i = a; i < b; i++)
		len += tg->t[i].end - tg->t[i].start + 1;
	if (len > tg->kcap) {
		tg->kcap = len * 2;
		tg->kbuf = xreallocarray(tg->kbuf, tg->kcap, 1);
	}
	len = 0;
	for (i = a; i < b; i++) {
		const struct tok *t = &tg->t[i];

		if (i > a)
			tg->kbuf[len++] = ' ';
		n = t->end - t->start;
		for (j = 0; j < n; j++)
			tg->kbuf[len++] = (char)gaz_fold((unsigned char)
			    t->s[t->start + j]);
	}
	return len;
}

/* Longest phrase at a (within [a, b)) whose flags meet want; its end,
 * or a when there is none. */
size_t
entity_longest(struct tagger *tg, size_t a, size_t b, uint32_t want,
    uint32_t *got)
{
	size_t e, best = a, len;
	uint32_t g;

	for (e = a + 1; e <= b && e - a <= MAXPHRASE; e++) {
		if (tg->t[e - 1].para != tg->t[a].para || (tg->t[e - 1].f &
		    T_PUNCT && !entity_is_amp(&tg->t[e - 1])))
			break;
		if (e == a + 1)
			g = tg->t[a].g;
		else {
			len = entity_phrase_key(tg, a, e);
			g = gaz_lookup(tg->kbuf, len);
		}
		if (g & want) {
			best = e;
			if (got)
				*got = g;
		}
		if (!(g & GAZ_PREFIX))
			break;
	}
	return best;
}

void
entity_add_seg(struct tagger *tg, size_t a, size_t b, int type, int weak)
{
	struct seg *s;

	while (b > a && (entity_is_particle(&tg->t[b - 1]) ||
	    entity_is_amp(&tg->t[b - 1])))
		b--;
	while (a < b && (entity_is_particle(&tg->t[a]) ||
	    entity_is_amp(&tg->t[a])))
		a++;
	if (a >= b)
		return;
	if (tg->nseg == tg->capseg) {
		tg->capseg = tg->capseg ? tg->capseg * 2 : 64;
		tg->seg = xreallocarray(tg->seg, tg->capseg, sizeof *tg->seg);
	}
	s = &tg->seg[tg->nseg++];
	s->a = a;
	s->b = b;
	s->type = type;
	s->weak = weak;
}

/* Whether the two bytes at s are w's. */
int
entity_tok_is2(const char *s, const char *w)
{
	return s[0] == w[0] && s[1] == w[1];
}

int
entity_tok_is(const struct tok *t, const char *w)
{
	size_t n = strlen(w);

	return t->end - t->start == n && memcmp(t->s + t->start, w, n) == 0;
}



/* The token j, if it is in paragraph para. */
const struct tok *
entity_tok_at(struct tagger *tg, size_t j, int para)
{
	return j < tg->n && tg->t[j].para == para ? &tg->t[j] : NULL;
}

/* --- pass 2: runs ------------------------------------------------------ */

/* The end of a title starting at k ("Vice Foreign Minister", "Secretary
 * of State"), or k. A title needs a name after it in the run. */
static size_t
title_end(struct tagger *tg, size_t k, size_t b)
{
	size_t i = k, e = k, p;
	uint32_t g;

	while (i < b && i - k < MAXTITLE) {
		if ((p = entity_longest(tg, i, b, GAZ_TITLE, &g)) > i) {
			i = e = p;
			continue;
		}
		if ((tg->t[i].g & GAZ_TMOD) && (tg->t[i].f & T_CAP)) {
			i++;
			continue;
		}
		break;
	}
	if (e == k || e >= b)
		return k;
	/* "General Motors", "Foreign Ministry": an organisation. */
	if (tg->t[e].g & (GAZ_ORGHEAD | GAZ_ORGSUF))
		return k;
	if (!(tg->t[e].f & T_NAMELIKE))
		return k;
	return e;
}

/* The token before a, if it is in the same paragraph. */
const struct tok *
entity_before(struct tagger *tg, size_t a)
{
	if (a == 0 || tg->t[a - 1].para != tg->t[a].para)
		return NULL;
	return &tg->t[a - 1];
}

const struct tok *
entity_after(struct tagger *tg, size_t b)
{
	if (b >= tg->n || tg->t[b].para != tg->t[b - 1].para)
		return NULL;
	return &tg->t[b];
}

/* Monday, January: no name, except "Jan Kowalczyk". */
static int
is_notname(struct tagger *tg, size_t k, size_t b)
{
	const struct tok *t = &tg->t[k];

	if (!(t->g & GAZ_NOTNAME) || (t->g & GAZ_ANYPLACE))
		return 0;
	/* "the Greater Milwaukee Open": it ends an event's name */
	if ((t->g & GAZ_EVENT) && k > 0 && tg->t[k - 1].para == t->para &&
	    (tg->t[k - 1].f & T_NAMELIKE))
		return 0;
	return !((t->g & GAZ_FIRST) && !(t->g & GAZ_LOWER) && k + 1 < b &&
	    (tg->t[k + 1].f & T_NAMELIKE) &&
	    !(tg->t[k + 1].g & GAZ_NOTNAME));
}

/* "1996-08-30", "30/08/96", "1996" */
static int
is_date(const struct tok *t)
{
	size_t i, digits = 0, seps = 0;

	if (!(t->f & T_DIGIT) || (t->f & T_WORD))
		return 0;
	for (i = t->start; i < t->end; i++)
		if (t->s[i] >= '0' && t->s[i] <= '9')
			digits++;
		else if (t->s[i] == '-' || t->s[i] == '/' || t->s[i] == '.')
			seps++;
		else
			return 0;
	return (seps >= 1 && digits >= 4) || (seps == 0 && digits == 4);
}

static int
any_common(struct tagger *tg, size_t a, size_t b)
{
	for (; a < b; a++)
		if (tg->t[a].g & GAZ_LOWER)
			return 1;
	return 0;
}

/* A paragraph's opening place in capitals, before a date or an agency:
 * "LONDON 1996-08-30", "BRUSSELS (Reuters) -". */
static size_t
dateline(struct tagger *tg, size_t a)
{
	size_t i = a;
	const struct tok *n;

	while (i < tg->n && tg->t[i].para == tg->t[a].para &&
	    (tg->t[i].f & (T_UPPER | T_DIGIT)) == T_UPPER && i - a < 4)
		i++;
	if (i == a || (n = entity_after(tg, i)) == NULL)
		return a;
	if (is_date(n) || (n->g & GAZ_NOTNAME) || (n->f & T_DASH) || (n->f &
	    T_OPENQ && n->s[n->start] == '(') || (n->s[n->start] == ',' &&
	    entity_after(tg, i + 1) != NULL && (tg->t[i + 1].g & GAZ_NOTNAME)))
		return i;
	/* "MANCHESTER, England 1996-08-27": the town, its country, a date. */
	if (n->s[n->start] == ',') {
		size_t j = i + 1;

		while (j < tg->n && j - i <= 4 && tg->t[j].para
		    == tg->t[a].para &&
		    (tg->t[j].f & (T_CAP | T_DIGIT)) == T_CAP)
			j++;
		if (j > i + 1 && (n = entity_after(tg, j)) != NULL &&
		    is_date(n))
			return i;
	}
	return a;
}

/* Whether token k, opening a sentence in the run [k, b), is a common
 * word and not part of a name: not a place or an organisation, not a
 * given name before a name ("Will Smith"), not the start of a known
 * phrase or before an organisation's head ("Federal Reserve"), not a
 * club's first word in sports copy ("Real Madrid"), nor an
 * organisation's head before "of" ("Bank of New Zealand said"). */
static int
sentence_word(struct tagger *tg, size_t k, size_t b)
{
	const struct tok *tk = &tg->t[k], *nx = k + 1 < b ? &tg->t[k + 1] :
	    NULL;

	if (!(tk->f & T_SENT) || !(tk->g & GAZ_LOWER) || (tk->g &
	    (GAZ_COUNTRY | GAZ_PLACE | GAZ_ORG)))
		return 0;
	if (nx != NULL && (tk->g & GAZ_FIRST) && !entity_is_common(nx))
		return 0;
	if (entity_longest(tg, k, b, GAZ_ANYPLACE | GAZ_ORG, NULL) > k + 1)
		return 0;
	if (nx != NULL && (nx->g & (GAZ_ORGHEAD | GAZ_ORGSUF | GAZ_GEO)) &&
	    (nx->f & T_CAP))
		return 0;
	if (tg->sport && k + 2 == b && (nx->g & (GAZ_CITY | GAZ_REGION)) &&
	    !(nx->g & (GAZ_COUNTRY | GAZ_FIRST)))
		return 0;	/* "Real Madrid" */
	return !((tk->g & GAZ_ORGHEAD) && k + 2 < b && entity_tok_is(nx,
	    "of") && (tg->t[k + 2].f & T_NAMELIKE));
}

static void
find_runs(struct tagger *tg)
{
	size_t i = 0, a, b, k, e, d;
	int cue;

	while (i < tg->n) {
		struct tok *t = &tg->t[i];

		if ((t->f & T_SENT) && (i == 0 || tg->t[i - 1].para !=
		    t->para) && (d = dateline(tg, i)) > i) {
			if (entity_all_places(tg, i, d) || (!(tg->t[i].f &
			    T_CAPSLINE) && !any_common(tg, i, d)))
				entity_add_seg(tg, i, d, ENT_LOC, 0);
			i = d;
			continue;
		}
		if (!(t->f & T_NAMELIKE) || (t->f & T_CAPSLINE)) {
			i++;
			continue;
		}
		/* A run: name-like words, joined by particles and "&". */
		a = i;
		b = i + 1;
		while (b < tg->n && tg->t[b].para == t->para) {
			if (tg->t[b].f & T_NAMELIKE) {
				b++;
				continue;
			}
			for (k = b; k < tg->n && k - b < 2 && tg->t[k].para ==
			    t->para && (entity_is_particle(&tg->t[k]) ||
			    entity_is_amp(&tg->t[k])); k++)
				;
			if (k > b && k < tg->n && tg->t[k].para == t->para &&
			    (tg->t[k].f & T_NAMELIKE)) {
				b = k;
				continue;
			}
			break;
		}
		/* No name runs this long: a list, a table row, or a
		 * hostile line. Skip it, and keep the work linear. */
		if (b - a > MAXRUN) {
			i = b;
			continue;
		}
		cue = entity_person_cue_before(tg, a);
		for (k = a; k < b; ) {
			const struct tok *tk = &tg->t[k];

			if ((e = title_end(tg, k, b)) > k) {
				cue = 1;
				k = e;
				continue;
			}
			if (entity_is_particle(tk) || entity_is_amp(tk)) {
				k++;
				continue;
			}
			if (is_notname(tg, k, b)) {
				k++;
				cue = 0;
				continue;
			}
			if ((tk->g & GAZ_FUNC) && !(tk->f & T_UPPER) &&
			    entity_longest(tg, k, b, GAZ_ANYPLACE | GAZ_ORG,
			    NULL) == k) {
				k++;
				continue;
			}
			/* A common word that starts a sentence ("Police
			 * said") is no name, unless a later mention says so. */
			if (sentence_word(tg, k, b)) {
				/* The memory may know it: "Muster" of
				 * "Thomas Muster". */
				entity_add_seg(tg, k, k + 1, UNKNOWN, 1);
				k++;
				continue;
			}
			/* The segment ends at the next title or date. */
			for (e = k + 1; e < b; e++) {
				if (is_notname(tg, e, b))
					break;
				if (title_end(tg, e, b) > e)
					break;
			}
			if (e == b && entity_person_cue_after(tg, b))
				cue = 1;
			entity_classify(tg, k, e, cue);
			cue = 0;
			k = e;
		}
		i = b;
	}
}

int
entity_seg_order(const void *x, const void *y)
{
	const struct seg *a = x, *b = y;

	return a->a < b->a ? -1 : a->a > b->a;
}

void
entity_tag(struct story *st)
{
	struct tagger tg = { 0 };
	size_t i, prev_end = 0;
	int prev_para = -2;

	tg.st = st;
	st->nentities = 0;
	if (st->headline != NULL)
		tokenize(&tg, -1, st->headline);
	for (i = 0; i < st->npara; i++)
		if (st->kinds[i] != KIND_PRE)
			tokenize(&tg, (int)i, st->paragraphs[i]);
	entity_story_kind(&tg);
	entity_firm_cues(&tg);
	find_runs(&tg);
	entity_memory(&tg);
	if (tg.nseg > 1)
		qsort(tg.seg, tg.nseg, sizeof *tg.seg, entity_seg_order);
	for (i = 0; i < tg.nseg; i++) {
		const struct seg *s = &tg.seg[i];
		const struct tok *a = &tg.t[s->a], *b = &tg.t[s->b - 1];

		if (s->type == UNKNOWN)
			continue;
		if (a->para == prev_para && a->start < prev_end)
			continue;	/* never overlap */
		story_add_entity(st, (enum entity_type)s->type, a->para,
		    a->start, b->end);
		prev_para = a->para;
		prev_end = b->end;
	}
	free(tg.t);
	free(tg.seg);
	free(tg.kbuf);
}
