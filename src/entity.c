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
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entity.h"
#include "gazetteer.h"
#include "story.h"
#include "text.h"
#include "util.h"

/* Token shapes. */
#define T_WORD		0x0001	/* has a letter */
#define T_CAP		0x0002	/* starts with a capital */
#define T_UPPER		0x0004	/* two or more letters, all capitals */
#define T_DIGIT		0x0008	/* has a digit */
#define T_PUNCT		0x0010
#define T_SENT		0x0020	/* first word of a sentence */
#define T_INITIAL	0x0040	/* "J." */
#define T_CAPSLINE	0x0080	/* in an ALL-CAPS or Title Case line */
#define T_NAMELIKE	0x0100	/* may be part of a name */
#define T_HYPHEN	0x0200	/* has an inner hyphen */
#define T_OPENQ		0x0400	/* a quotation mark or bracket */
#define T_STOP		0x0800	/* ends a sentence: . ! ? */
#define T_DASH		0x1000	/* - or a dash */
#define T_GROUP		0x2000	/* a people, not a person: "Iraqi", "Kurds" */

#define UNKNOWN		(-1)
#define MAXPHRASE	6	/* words in a gazetteer phrase */
#define MAXTITLE	8	/* words in a title */
#define MAXRUN		16	/* capitalised words in a name, at most */

struct tok {
	uint32_t	 start;
	uint32_t	 end;
	uint32_t	 g;		/* gazetteer flags */
	uint16_t	 f;		/* T_* */
	int		 para;
	const char	*s;		/* the paragraph */
};

struct seg {
	size_t	a, b;		/* tokens [a, b) */
	int	type;		/* ENT_* or UNKNOWN */
	int	weak;		/* a guess the memory may overrule */
};

struct memo {
	uint32_t	 hash;
	uint32_t	 len;
	const char	*key;	/* folded, owned by the key pool */
	int		 per, loc, org, name;
	int		 firm;	/* a company cue names it (firm_cues) */
	int		 stmt;	/* it "said in a statement": a firm or not */
};

struct tagger {
	struct story	*st;
	struct tok	*t;
	size_t		 n, cap;
	struct seg	*seg;
	size_t		 nseg, capseg;
	struct memo	*memo;
	size_t		 memocap, memoused;
	char		*kbuf;		/* scratch for phrase keys */
	int		 sport;		/* a sports story (story_kind) */
	size_t		 kcap;
};

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
			if ((unsigned char)k[i] != gaz_fold((unsigned char)s[i]))
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

static int	is_common(const struct tok *);

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
static int
demonym_ending(const char *s, size_t n)
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
		else if ((t->g & GAZ_CAP) && demonym_ending(s, n))
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
			    is_common(&tg->t[j]);
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

static int
is_particle(const struct tok *t)
{
	return (t->g & GAZ_PARTICLE) && !(t->f & T_CAP) && !(t->f & T_PUNCT);
}

static int
is_amp(const struct tok *t)
{
	return (t->f & T_PUNCT) && t->s[t->start] == '&';
}

/* A word known only as a common lower-case word ("Police", "Democrats"). */
static int
is_common(const struct tok *t)
{
	return (t->g & GAZ_LOWER) && !(t->g & (GAZ_CAP | GAZ_FIRST |
	    GAZ_ANYPLACE | GAZ_ORG | GAZ_PERSON));
}

/* Folded key of tokens [a, b) joined by single spaces, in tg->kbuf. */
static size_t
phrase_key(struct tagger *tg, size_t a, size_t b)
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
static size_t
longest(struct tagger *tg, size_t a, size_t b, uint32_t want, uint32_t *got)
{
	size_t e, best = a, len;
	uint32_t g;

	for (e = a + 1; e <= b && e - a <= MAXPHRASE; e++) {
		if (tg->t[e - 1].para != tg->t[a].para ||
		    (tg->t[e - 1].f & T_PUNCT && !is_amp(&tg->t[e - 1])))
			break;
		if (e == a + 1)
			g = tg->t[a].g;
		else {
			len = phrase_key(tg, a, e);
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

static void
add_seg(struct tagger *tg, size_t a, size_t b, int type, int weak)
{
	struct seg *s;

	while (b > a && (is_particle(&tg->t[b - 1]) || is_amp(&tg->t[b - 1])))
		b--;
	while (a < b && (is_particle(&tg->t[a]) || is_amp(&tg->t[a])))
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
static int
tok_is2(const char *s, const char *w)
{
	return s[0] == w[0] && s[1] == w[1];
}

static int
tok_is(const struct tok *t, const char *w)
{
	size_t n = strlen(w);

	return t->end - t->start == n && memcmp(t->s + t->start, w, n) == 0;
}

/* --- the kind of story ------------------------------------------------ */

/* "2-1", "6-4", "72-0": a score, not a date or a fraction. */
static int
is_score_pair(const struct tok *t)
{
	size_t i, dash = 0, digits = 0;

	if ((t->f & (T_DIGIT | T_WORD)) != T_DIGIT || t->end - t->start > 7)
		return 0;
	for (i = t->start; i < t->end; i++)
		if (t->s[i] == '-' && digits > 0 && dash == 0)
			dash = i;
		else if (t->s[i] < '0' || t->s[i] > '9')
			return 0;
		else
			digits++;
	return dash > 0 && dash + 1 < t->end && dash - t->start <= 3 &&
	    t->end - dash - 1 <= 3;
}

static int	is_score(const struct tok *);

/* "Slask Wroclaw 3 Odra Wodzislaw 1": a paragraph (starting at token i)
 * of a name, a score, a name and a score. */
static int
results_line(struct tagger *tg, size_t i)
{
	size_t j = i, k;
	int part;

	if (i > 0 && tg->t[i - 1].para == tg->t[i].para)
		return 0;
	for (part = 0; part < 2; part++) {
		for (k = j; k < tg->n && tg->t[k].para == tg->t[i].para &&
		    (tg->t[k].f & T_NAMELIKE); k++)
			;
		if (k == j || k >= tg->n || tg->t[k].para != tg->t[i].para ||
		    !is_score(&tg->t[k]))
			return 0;
		j = k + 1;
	}
	/* It ends there, or a half-time score follows: not "12,600". */
	return j >= tg->n || tg->t[j].para != tg->t[i].para ||
	    tok_is(&tg->t[j], "(");
}

/* A sports story has several words of sport ("innings", "halftime",
 * "striker") or scores: there a town's name is mostly its team's. */
static void
story_kind(struct tagger *tg)
{
	size_t i, words = 0, scores = 0;

	for (i = 0; i < tg->n; i++) {
		/* "innings", "SOCCER", not "Dream Team" */
		if ((tg->t[i].g & GAZ_SPORT) && (!(tg->t[i].f & T_CAP) ||
		    (tg->t[i].f & T_UPPER)))
			words++;
		else if (is_score_pair(&tg->t[i]) || results_line(tg, i))
			scores++;
	}
	tg->sport = words >= 3 || scores >= 2 || (words >= 1 && scores >= 1);
}

/* --- company cues ----------------------------------------------------- */

static struct memo	*memo_get(struct tagger *, const char *, size_t, int);
static size_t		 phrase_key(struct tagger *, size_t, size_t);
static int		 all_places(struct tagger *, size_t, size_t);
static const struct tok	*before(struct tagger *, size_t);
static int		 person_cue_before(struct tagger *, size_t);
static int		 org_cue_before(struct tagger *, size_t);

/* The token j, if it is in paragraph para. */
static const struct tok *
tok_at(struct tagger *tg, size_t j, int para)
{
	return j < tg->n && tg->t[j].para == para ? &tg->t[j] : NULL;
}

/* "BARC.L", "ABX.TO": capitals, one dot, one to three capitals. */
static int
is_ticker(const struct tok *t)
{
	const char *s = t->s + t->start, *dot;
	size_t n = t->end - t->start, i;

	if (!(t->f & T_UPPER) || (dot = memchr(s, '.', n)) == NULL ||
	    dot - s < 2 || n - (size_t)(dot - s) < 2 ||
	    n - (size_t)(dot - s) > 4)
		return 0;
	for (i = 0; i < n; i++)
		if (s + i != dot && (s[i] < 'A' || s[i] > 'Z'))
			return 0;
	return 1;
}

/* "analysts", "engineers": a lower-case plural of a common word that is
 * no role of a person's own ("aides", "lawyers"). */
static int
plural_staff(const struct tok *p)
{
	size_t n = p->end - p->start;

	return !(p->f & (T_CAP | T_PUNCT)) && n > 4 && p->s[p->end - 1] ==
	    's' && (p->g & GAZ_LOWER) && !(p->g & (GAZ_SAY | GAZ_ROLE)) &&
	    !(gaz_lookup(p->s + p->start, n - 1) & (GAZ_ROLE | GAZ_TITLE));
}

/* "Bamerindus, Brazil's fourth-largest private bank,", "Faulding, a
 * drug company": an apposition from token j naming a kind of firm (not
 * "Smith, a company spokesman"). */
static int
firm_apposition(struct tagger *tg, size_t j, int para)
{
	const struct tok *t, *u;
	size_t k;

	/* A noun phrase: "a", "the", or "Brazil's" first */
	if ((t = tok_at(tg, j, para)) == NULL || !(tok_is(t, "a") ||
	    tok_is(t, "an") || tok_is(t, "the") || ((t->f & T_CAP) &&
	    (u = tok_at(tg, j + 1, para)) != NULL && tok_is(u, "'s"))))
		return 0;
	for (k = j; k < j + 8 && (t = tok_at(tg, k, para)) != NULL; k++) {
		/* "Penrose, a worker with the group": another's noun */
		if ((t->f & T_STOP) || tok_is(t, ",") || (t->g & (GAZ_ROLE |
		    GAZ_TITLE | GAZ_SAY)) || tok_is(t, "with") || tok_is(t,
		    "of") || tok_is(t, "at") || tok_is(t, "for") ||
		    tok_is(t, "in") || tok_is(t, "by") || tok_is(t, "from"))
			return 0;
		/* not "the operator's director", "the company said" */
		if ((t->g & GAZ_ORGCUE) && !(t->f & (T_CAP | T_PUNCT)))
			return (u = tok_at(tg, k + 1, para)) == NULL ||
			    (!(u->g & (GAZ_ROLE | GAZ_TITLE | GAZ_SAY)) &&
			    !tok_is(u, "'s") && !tok_is(u, "\u2019s") &&
			    !tok_is(u, "\u2019"));
	}
	return 0;
}

/* "Gencor shares", "Amoco officials", "Faulding said in a statement",
 * "(BARC.L)": what comes after the name [a, b) says it is a firm's:
 * 1 sure, 2 weaker (a statement), 3 sure even of a town's name
 * ("Arequipa shareholders"). */
static int
firm_after(struct tagger *tg, size_t a, size_t b, int para)
{
	const struct tok *p, *q;

	if ((p = tok_at(tg, b, para)) != NULL && (tok_is(p, "'s") ||
	    tok_is(p, "\u2019s")))
		p = tok_at(tg, ++b, para);
	if (p == NULL)
		return 0;
	if (tok_is(p, ",") && !(tg->t[a].g & GAZ_FIRST) &&
	    !person_cue_before(tg, a) && firm_apposition(tg, b + 1, para))
		return 3;
	if ((p->g & GAZ_COFIRM) && !(p->f & T_CAP))
		return 3;
	if ((p->g & GAZ_COAFTER) && !(p->f & T_CAP))
		return 1;
	/* "Merrill analysts said": a plural before "said" (weaker: "Dole
	 * supporters said") */
	if (plural_staff(p) && (q = tok_at(tg, b + 1, para)) != NULL &&
	    (q->g & GAZ_SAY) && !(q->f & T_CAP))
		return 2;
	q = tok_at(tg, b + 1, para);
	/* "(BARC.L)", "(NYSE: IBM)" */
	if (tok_is(p, "(") && q != NULL && (is_ticker(q) || tok_is(q,
	    "NYSE") || tok_is(q, "Nasdaq") || tok_is(q, "NASDAQ")))
		return 1;
	if (!(p->g & GAZ_SAY) || q == NULL)
		return 0;
	/* "Berenberg said its clients", "said on Tuesday its profit" */
	if (tok_is(q, "its") || (tok_is(q, "on") && (p = tok_at(tg, b + 3,
	    para)) != NULL && tok_is(p, "its")))
		return 1;
	/* "said in a statement": firms do, and people too (2: weaker) */
	return 2 * (tok_is(q, "in") && (p = tok_at(tg, b + 2, para)) != NULL &&
	    tok_is(p, "a") && (p = tok_at(tg, b + 3, para)) != NULL &&
	    (tok_is(p, "statement") || tok_is(p, "release")));
}

/* "Toronto-based Barrick", "a stake in Gencor", "shares of Amoco",
 * "private bank Bamerindus" */
static int
firm_before(struct tagger *tg, size_t a)
{
	const struct tok *p = before(tg, a), *q;
	size_t n;

	if (p == NULL)
		return 0;
	if (org_cue_before(tg, a))
		return 1;
	n = p->end - p->start;
	if (n > 7 && (memcmp(p->s + p->end - 6, "-based", 6) == 0 ||
	    memcmp(p->s + p->end - 7, "-listed", 7) == 0))
		return 1;
	if (p->f & T_CAP)
		return 0;
	if (!tok_is(p, "in") && !tok_is(p, "of"))
		return 0;
	return (q = before(tg, a - 1)) != NULL && (tok_is(q, "shares") ||
	    tok_is(q, "stake"));
}

/* Company cues anywhere in the story mark a name as a firm's in the
 * memory, and so everywhere: a firm's name alone ("Faulding said") is
 * then no person's. Places and peoples are left alone ("Tokyo shares",
 * "Japanese shares"). */
static void
firm_cues(struct tagger *tg)
{
	size_t i, a, b, len;
	struct memo *m;
	int cue;

	for (i = 0; i < tg->n; i = b) {
		const struct tok *t = &tg->t[i];

		b = i + 1;
		if (!(t->f & T_NAMELIKE) || (t->f & T_CAPSLINE))
			continue;
		for (a = i; b < tg->n && b - a < 4 && tg->t[b].para == t->para &&
		    (tg->t[b].f & T_NAMELIKE) && !(tg->t[b].f & T_CAPSLINE);
		    b++)
			;
		if (b < tg->n && tg->t[b].para == t->para &&
		    (tg->t[b].f & T_NAMELIKE))
			continue;	/* a longer run: not a firm's name */
		/* "Faulding Inc": the suffix names a firm, and its first,
		 * made-up word names it alone below. */
		cue = b > a + 1 && (tg->t[b - 1].g & GAZ_ORGSUF);
		if (cue == 0 && (cue = firm_before(tg, a)) == 0 &&
		    (cue = firm_after(tg, a, b, t->para)) == 0)
			continue;
		if ((all_places(tg, a, b) && cue != 3) ||
		    (tg->t[b - 1].f & T_GROUP) ||
		    (tg->t[a].g & (GAZ_FUNC | GAZ_TITLE)) ||
		    is_common(&tg->t[a]) || ((tg->t[a].f & T_SENT) &&
		    (tg->t[a].g & GAZ_LOWER)))
			continue;	/* "Port officials said" */
		/* "chairman Peter Munk said in a statement" */
		if (cue == 2 && ((tg->t[a].g & GAZ_FIRST) ||
		    person_cue_before(tg, a)))
			continue;
		len = phrase_key(tg, a, b);
		m = memo_get(tg, tg->kbuf, len, 1);
		*(cue == 2 ? &m->stmt : &m->firm) += 1;
		if (b > a + 1 && !(tg->t[a].g & (GAZ_LOWER | GAZ_FIRST |
		    GAZ_ANYPLACE))) {
			len = phrase_key(tg, a, a + 1);
			m = memo_get(tg, tg->kbuf, len, 1);
			*(cue == 2 ? &m->stmt : &m->firm) += 1;
		}
	}
}

/* Whether a company cue named [a, b): 1 a sure one, 2 a statement. */
static int
firm_known(struct tagger *tg, size_t a, size_t b)
{
	size_t len = phrase_key(tg, a, b);
	struct memo *m = memo_get(tg, tg->kbuf, len, 0);

	return m == NULL ? 0 : m->firm > 0 ? 1 : m->stmt > 0 ? 2 : 0;
}

/* --- pass 2: rules ----------------------------------------------------- */

/* The end of a title starting at k ("Vice Foreign Minister", "Secretary
 * of State"), or k. A title needs a name after it in the run. */
static size_t
title_end(struct tagger *tg, size_t k, size_t b)
{
	size_t i = k, e = k, p;
	uint32_t g;

	while (i < b && i - k < MAXTITLE) {
		if ((p = longest(tg, i, b, GAZ_TITLE, &g)) > i) {
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
static const struct tok *
before(struct tagger *tg, size_t a)
{
	if (a == 0 || tg->t[a - 1].para != tg->t[a].para)
		return NULL;
	return &tg->t[a - 1];
}

static const struct tok *
after(struct tagger *tg, size_t b)
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

/* A cue before the run: "said", "spokesman", "Mr". */
static int
person_cue_before(struct tagger *tg, size_t a)
{
	const struct tok *p = before(tg, a);

	if (p == NULL || (p->f & T_CAP))
		return 0;
	return (p->g & (GAZ_SAY | GAZ_ROLE)) != 0 && !(p->f & T_PUNCT);
}

static int
org_cue_before(struct tagger *tg, size_t a)
{
	const struct tok *p = before(tg, a);

	return p != NULL && (p->g & GAZ_ORGCUE) && !(p->f & (T_CAP | T_PUNCT));
}

/* A cue after: "X said", "X, who", "X, 35,". */
static int
person_cue_after(struct tagger *tg, size_t b)
{
	const struct tok *p = after(tg, b), *q;

	if (p == NULL)
		return 0;
	if ((p->g & (GAZ_SAY | GAZ_FEAT)) && !(p->f & T_CAP))
		return 1;
	if ((p->f & T_PUNCT) && p->s[p->start] == ',' &&
	    (q = after(tg, b + 1)) != NULL) {
		if (q->end - q->start == 3 && memcmp(q->s + q->start, "who",
		    3) == 0)
			return 1;
		if ((q->f & T_DIGIT) && q->end - q->start <= 2 &&
		    after(tg, b + 2) != NULL &&
		    tg->t[b + 2].s[tg->t[b + 2].start] == ',')
			return 1;
	}
	return 0;
}

/* "of", "the", "and", "for", "on": they join the words of an
 * organisation's or a place's name, not of a person's. */
static int
is_joinword(const struct tok *t)
{
	static const char *w[] = { "of", "the", "and", "for", "on" };
	size_t i, n = t->end - t->start;

	for (i = 0; i < sizeof w / sizeof w[0]; i++)
		if (strlen(w[i]) == n && memcmp(t->s + t->start, w[i], n) == 0)
			return 1;
	return 0;
}

static int	word_in(const char *, size_t, const char **, size_t, size_t,
		    struct tagger *, const struct tok *);

/* "in X", "near X", "village of X": a place is likely to follow. */
static int
place_cue_before(struct tagger *tg, size_t a)
{
	static const char *w[] = { "in", "near", "outside", "to",
	    "town of", "village of", "city of", "province of", "region of" };
	const struct tok *p = before(tg, a);
	size_t n;
	const char *s;

	if (p == NULL || (p->f & (T_CAP | T_PUNCT)))
		return 0;
	s = p->s + p->start;
	n = p->end - p->start;
	return word_in(s, n, w, sizeof w / sizeof w[0], a, tg, p);
}

/* "in Leeds", "At Cardiff": a place before a name that may be a team's
 * (the sentence's first word may be capitalised). */
static int
venue_before(struct tagger *tg, size_t a)
{
	static const char *w[] = { "in", "at", "near", "outside", "In",
	    "At", "Near", "Outside", "IN", "AT", "NEAR", "OUTSIDE" };
	const struct tok *p = before(tg, a);

	if (p == NULL || (p->f & T_PUNCT))
		return 0;
	return word_in(p->s + p->start, p->end - p->start, w,
	    sizeof w / sizeof w[0], a, tg, p);
}

/* Whether the word s (n bytes) is one of w; an entry of two words
 * ("town of") matches with the word before it (p is token a - 1). */
static int
word_in(const char *s, size_t n, const char **w, size_t nw, size_t a,
    struct tagger *tg, const struct tok *p)
{
	size_t i;

	for (i = 0; i < nw; i++) {
		const char *sp = strchr(w[i], ' ');

		if (sp == NULL) {
			if (strlen(w[i]) == n && memcmp(s, w[i], n) == 0)
				return 1;
		} else if ((size_t)(strlen(sp + 1)) == n &&
		    memcmp(s, sp + 1, n) == 0 && a >= 2 &&
		    tg->t[a - 2].para == p->para &&
		    tg->t[a - 2].end - tg->t[a - 2].start == (size_t)(sp - w[i]) &&
		    memcmp(tg->t[a - 2].s + tg->t[a - 2].start, w[i],
		    (size_t)(sp - w[i])) == 0)
			return 1;
	}
	return 0;
}

static int
all_places(struct tagger *tg, size_t a, size_t b)
{
	size_t i = a, e;

	while (i < b) {
		if ((e = longest(tg, i, b, GAZ_ANYPLACE, NULL)) == i)
			return 0;
		i = e;
	}
	return 1;
}

/* A score or a count beside a team's name: "3", not "1996". */
static int
is_score(const struct tok *t)
{
	size_t i;

	if (t == NULL || !(t->f & T_DIGIT) || (t->f & T_WORD) ||
	    t->end - t->start > 3)
		return 0;
	for (i = t->start; i < t->end; i++)
		if (t->s[i] < '0' || t->s[i] > '9')
			return 0;
	return 1;
}

/* A name between two scores, or before a score, another name and a
 * score: a team in a results line. */
static int
team_context(struct tagger *tg, size_t a, size_t b)
{
	size_t i;

	if (!is_score(after(tg, b)))
		return 0;
	if (is_score(before(tg, a)))
		return 1;
	for (i = b + 1; i < tg->n && tg->t[i].para == tg->t[a].para &&
	    (tg->t[i].f & T_NAMELIKE); i++)
		;
	return i > b + 1 && i < tg->n && tg->t[i].para == tg->t[a].para &&
	    is_score(&tg->t[i]);
}

/* The gazetteer flags of the whole phrase [a, b). */
static uint32_t
longest_flags(struct tagger *tg, size_t a, size_t b)
{
	size_t len;

	if (b == a + 1)
		return tg->t[a].g;
	/* The key first: phrase_key may move tg->kbuf. */
	len = phrase_key(tg, a, b);
	return gaz_lookup(tg->kbuf, len);
}

/* "the Hang Seng index", "the Nobel prize": a name, but of a thing. */
static int
thing_after(struct tagger *tg, size_t b)
{
	static const char *w[] = { "index", "indices", "award", "prize",
	    "cup", "trophy", "treaty", "accord", "act", "doctrine",
	    "plan", "syndrome", "effect", "class" };
	const struct tok *p = after(tg, b);
	size_t i, n;

	if (p == NULL || (p->f & (T_CAP | T_PUNCT)))
		return 0;
	n = p->end - p->start;
	for (i = 0; i < sizeof w / sizeof w[0]; i++)
		if (strlen(w[i]) == n && memcmp(p->s + p->start, w[i], n) == 0)
			return 1;
	return 0;
}

/* "the Margaret J. Halvorsen" (a ship), "the John F. Kennedy": people
 * seldom take the article. */
static int
the_before(struct tagger *tg, size_t a)
{
	const struct tok *p = before(tg, a);

	return p != NULL && p->end - p->start == 3 &&
	    (memcmp(p->s + p->start, "the", 3) == 0 ||
	    memcmp(p->s + p->start, "The", 3) == 0);
}

static void	classify_span(struct tagger *, size_t, size_t, int);

/* "Sri Lankan", "Costa Rican": a place's name and an "n". */
static int
demonym_of_place(struct tagger *tg, size_t a, size_t b)
{
	size_t len;

	if (b - a < 2 || tg->t[b - 1].s[tg->t[b - 1].end - 1] != 'n')
		return 0;
	len = phrase_key(tg, a, b);
	return (gaz_lookup(tg->kbuf, len - 1) & GAZ_ANYPLACE) != 0;
}

/* Classify the segment [a, b) of a run. */
static void
classify(struct tagger *tg, size_t a, size_t b, int cue)
{
	size_t nseg = tg->nseg;

	classify_span(tg, a, b, cue);
	/* Names of things: not a person, not an organisation. */
	if (tg->nseg == nseg + 1 && tg->seg[nseg].b == b &&
	    thing_after(tg, b) && tg->seg[nseg].type != ENT_LOC)
		tg->seg[nseg].type = UNKNOWN;
	if (tg->nseg == nseg + 1 && tg->seg[nseg].type == ENT_PER && !cue &&
	    the_before(tg, tg->seg[nseg].a) && tg->seg[nseg].b -
	    tg->seg[nseg].a > 1 && (after(tg, b) == NULL ||
	    (tg->t[b].f & T_PUNCT))) {
		tg->seg[nseg].type = UNKNOWN;
		tg->seg[nseg].weak = 0;
	}
}

/*
 * classify_span runs the steps below in order on a segment [a, b) of a
 * run; the first step that settles the segment (adds its segments, or
 * splits it and classifies the parts) ends the walk. What the steps
 * share is measured once into a struct span.
 */
struct span {
	size_t			 a, b, n;
	const struct tok	*t0, *tl;	/* first and last words */
	size_t			 unknown;	/* words no list knows */
	size_t			 common;	/* lower-case dictionary words */
	size_t			 groups;	/* peoples: "Iraqi", "Kurds" */
	size_t			 acronyms;	/* ALL-CAPS outside caps lines */
	size_t			 inner_places;	/* places after the first word */
	size_t			 geo;		/* "Lake", "River", "Airport" */
	size_t			 clubs;		/* "United", "Rovers", "Ajax" */
	int			 has_org;	/* an org head, suffix or name */
	int			 places;	/* every word in a place name */
	int			 cue;		/* a title or "said" before */
};

/* "United" of "the United States": a word that opens a place's name
 * heads no organisation or club there. */
static int
starts_place(struct tagger *tg, size_t i, size_t b)
{
	return longest(tg, i, b, GAZ_ANYPLACE, NULL) > i + 1;
}

/* The whole span is one segment of this type. */
static int
settle(struct tagger *tg, const struct span *sp, int type, int weak)
{
	add_seg(tg, sp->a, sp->b, type, weak);
	return 1;
}

/* Two names joined by the word at i: each is classified alone. */
static int
split_at(struct tagger *tg, const struct span *sp, size_t i)
{
	classify(tg, sp->a, i, sp->cue);
	classify(tg, i + 1, sp->b, 0);
	return 1;
}

static void
span_measure(struct tagger *tg, struct span *sp)
{
	size_t i, a = sp->a, b = sp->b, n = sp->n;

	for (i = a; i < b; i++) {
		const struct tok *t = &tg->t[i];

		if (is_particle(t))
			continue;
		/* "Bank of England", "Bank Julius Baer" (not opening a
		 * sentence: "Bank officials"). */
		if (is_amp(t) || (i > a && (t->g & GAZ_ORGHEAD) &&
		    !starts_place(tg, i, b)) || (i == a && (t->g &
		    GAZ_ORGHEAD) && n > 1 && (is_particle(&tg->t[a + 1]) ||
		    !(t->f & T_SENT))))
			sp->has_org = 1;
		if (!(t->g & (GAZ_LOWER | GAZ_CAP | GAZ_ANYPLACE)))
			sp->unknown++;
		if (is_common(t))
			sp->common++;
		if (t->f & T_GROUP)
			sp->groups++;
		if ((t->f & T_UPPER) && !(t->f & T_CAPSLINE))
			sp->acronyms++;
		if (i > a && (t->g & (GAZ_COUNTRY | GAZ_REGION | GAZ_PLACE)) &&
		    !(t->g & GAZ_FIRST))
			sp->inner_places++;
		if ((t->g & GAZ_GEO) && (t->f & T_CAP))
			sp->geo++;
		if ((t->f & T_CAP) && longest(tg, i, b, GAZ_CLUB, NULL) > i &&
		    !starts_place(tg, i, b))
			sp->clubs++;
	}
	if (n > 1 && (sp->tl->g & GAZ_ORGSUF))
		sp->has_org = 1;
	if (longest(tg, a, b, GAZ_ORG, NULL) == b)
		sp->has_org = 1;
	sp->places = all_places(tg, a, b);
}

/* "and" joins two names unless the whole is one known name ("Bosnia
 * and Herzegovina"; "Procter & Gamble" uses "&"). */
static int
step_split_and(struct tagger *tg, struct span *sp)
{
	size_t i;

	/* "Organisation for Security and Cooperation" */
	if (sp->has_org && sp->n > 2 && is_particle(&tg->t[sp->a + 1]) &&
	    !tok_is(&tg->t[sp->a + 1], "and"))
		return 0;
	for (i = sp->a + 1; i + 1 < sp->b; i++)
		if (tg->t[i].end - tg->t[i].start == 3 &&
		    memcmp(tg->t[i].s + tg->t[i].start, "and", 3) == 0 &&
		    longest(tg, sp->a, sp->b, GAZ_ANYPLACE | GAZ_ORG, NULL) !=
		    sp->b)
			return split_at(tg, sp, i);
	return 0;
}

/* "of" joins names only inside an organisation or a place: "Bank of
 * England", "Gulf of Mexico", not "Lavrov of Russia". */
static int
step_split_of(struct tagger *tg, struct span *sp)
{
	size_t i;

	if (sp->has_org || (sp->geo && sp->n > 1))
		return 0;
	for (i = sp->a + 1; i + 1 < sp->b; i++)
		if (is_particle(&tg->t[i]) && is_joinword(&tg->t[i]) &&
		    !sp->places)
			return split_at(tg, sp, i);
	return 0;
}

/* "Lake Superior", "Gulf of Mexico", "Heathrow Airport", "the Dogger
 * Bank area", "the Yorkshire coast" */
static int
step_geo_word(struct tagger *tg, struct span *sp)
{
	size_t a = sp->a, b = sp->b;
	const struct tok *t0 = sp->t0;

	if (sp->groups > 0)
		return 0;
	if ((sp->geo && sp->n > 1 && !sp->has_org) || (after(tg, b) != NULL &&
	    (tg->t[b].g & GAZ_GEO) && (tg->t[b].f & T_WORD) &&
	    !(tg->t[b].f & T_CAP) && !sp->cue && (sp->unknown > 0 ||
	    sp->places) && !(sp->n == 1 && demonym_ending(t0->s +
	    t0->start, t0->end - t0->start)) && (before(tg, a) == NULL ||
	    !is_particle(before(tg, a)) || is_joinword(before(tg, a)))))
		return settle(tg, sp, ENT_LOC, 0);
	return 0;
}

/* "N.", "S.": a compass point's initial ("S. Korea"). */
static int
compass_initial(const struct tok *t)
{
	char c = t->s[t->start];

	return (t->f & T_INITIAL) && (c == 'N' || c == 'S' || c == 'E' ||
	    c == 'W');
}

/* "East Africa", "Northern Ireland", "S. Korea" */
static int
step_compass(struct tagger *tg, struct span *sp)
{
	if (((sp->t0->g & GAZ_COMPASS) || compass_initial(sp->t0)) &&
	    sp->n > 1 && !sp->has_org &&
	    all_places(tg, sp->a + 1, sp->b) && longest(tg, sp->a + 1, sp->b,
	    GAZ_ANYPLACE, NULL) == sp->b)
		return settle(tg, sp, ENT_LOC, 0);
	return 0;
}

/* "utility Fjordkraft Nett", "carrier Aeroflot" */
static int
step_org_cue(struct tagger *tg, struct span *sp)
{
	if (org_cue_before(tg, sp->a) && !sp->places && sp->groups == 0)
		return settle(tg, sp, ENT_ORG, 0);
	return 0;
}

/* An organisation's head, suffix or name; "West Bank" is a place,
 * though "Bank" heads organisations. */
static int
step_org(struct tagger *tg, struct span *sp)
{
	if (sp->has_org && !(sp->places && longest(tg, sp->a, sp->b,
	    GAZ_ANYPLACE, NULL) == sp->b && !(longest_flags(tg, sp->a,
	    sp->b) & GAZ_ORG)))
		return settle(tg, sp, ENT_ORG, 0);
	return 0;
}

/* "Akron, Ohio", "CARLSBAD, California 1996-08-21": a region after a
 * town and a comma is the town's. */
static int
town_comma_before(struct tagger *tg, size_t a)
{
	const struct tok *p = before(tg, a);

	return p != NULL && tok_is(p, ",") && a >= 2 &&
	    (tg->t[a - 2].g & GAZ_CITY) && (tg->t[a - 2].f & T_CAP);
}

/* "Greater Milwaukee Open", "Gulf War", "Davis Cup": an event's name,
 * neither a place nor a person; settled, so the memory leaves it. */
static int
step_event(struct tagger *tg, struct span *sp)
{
	if (sp->n < 2 || !(sp->tl->g & GAZ_EVENT) || !(sp->tl->f & T_CAP) ||
	    (sp->tl->f & T_CAPSLINE) || sp->has_org)
		return 0;
	return settle(tg, sp, UNKNOWN, 0);
}

/* "Leicester: Leicestershire beat Somerset", "At Headingley: Yorkshire
 * 305-5": a sports results line opening with its ground. */
static int
step_venue_line(struct tagger *tg, struct span *sp)
{
	const struct tok *p = before(tg, sp->a), *q = after(tg, sp->b);

	if (!tg->sport || q == NULL || !tok_is(q, ":") || sp->n > 3 ||
	    sp->groups > 0 || sp->has_org || sp->clubs > 0)
		return 0;
	/* A known town alone, or any name after "At" */
	if ((p == NULL && sp->places) || (p != NULL && tok_is(p, "At") &&
	    sp->common == 0 && (sp->a < 2 || tg->t[sp->a - 2].para !=
	    p->para)))
		return settle(tg, sp, ENT_LOC, 0);
	return 0;
}

/* "Notts County", "Red Star", "Atletico Madrid": in a sports story a
 * name with a word that builds clubs' names is a club's. */
static int
step_sports_club(struct tagger *tg, struct span *sp)
{
	if (!tg->sport || sp->clubs == 0 || sp->groups > 0 ||
	    (sp->t0->f & T_INITIAL) || venue_before(tg, sp->a))
		return 0;
	return settle(tg, sp, ENT_ORG, 0);
}

/* In a sports story a town's or a county's name is its team's ("Essex
 * 72-0", "Ajax Amsterdam", "Gloria Bistrita"), unless a word of place
 * comes before it ("in Leeds"); a country's stays a place (its team is
 * named for the country). */
static int
step_sports_team(struct tagger *tg, struct span *sp)
{
	const struct tok *tl = sp->tl;
	uint32_t whole;
	size_t e;

	if (!tg->sport || sp->groups > 0 || venue_before(tg, sp->a))
		return 0;
	e = longest(tg, sp->a, sp->b, GAZ_ANYPLACE, &whole);
	if (e == sp->b && (whole & GAZ_REGION) && town_comma_before(tg, sp->a))
		return 0;
	if (e == sp->b && (whole & (GAZ_CITY | GAZ_REGION)) &&
	    !(whole & (GAZ_COUNTRY | GAZ_PLACE)))
		return settle(tg, sp, ENT_ORG, !is_score(before(tg, sp->a)) &&
		    !is_score(after(tg, sp->b)));
	if (e != sp->b && sp->n > 1 && (tl->g & (GAZ_CITY | GAZ_REGION)) &&
	    !(tl->g & (GAZ_COUNTRY | GAZ_PLACE | GAZ_FIRST)) &&
	    !(sp->t0->f & T_INITIAL) && !(sp->t0->g & GAZ_FIRST))
		return settle(tg, sp, ENT_ORG, 0);
	/* "Houston Astros", "Chicago White Sox": a town and a plural */
	if (e > sp->a && e < sp->b && (whole & (GAZ_CITY | GAZ_REGION)) &&
	    !(whole & (GAZ_COUNTRY | GAZ_FIRST)) && !(tl->g & (GAZ_SURNAME |
	    GAZ_FIRST)) && (tl->s[tl->end - 1] == 's' ||
	    tl->s[tl->end - 1] == 'x') && !(tl->f & T_UPPER))
		return settle(tg, sp, ENT_ORG, 0);
	return 0;
}

/* A name the company cues marked (firm_cues). */
static int
step_firm(struct tagger *tg, struct span *sp)
{
	int k = firm_known(tg, sp->a, sp->b);

	if (k != 0)
		return settle(tg, sp, ENT_ORG, k == 2);
	return 0;
}

/* "23rd", "90th": a minute in a list of scorers. */
static int
is_ordinal(const struct tok *t)
{
	size_t n, i;

	if (t == NULL || !(t->f & T_DIGIT) || (n = t->end - t->start) < 3 ||
	    n > 5)
		return 0;
	/* "23rd" */
	for (i = t->start; i < t->end - 2; i++)
		if (t->s[i] < '0' || t->s[i] > '9')
			return 0;
	return tok_is2(t->s + t->end - 2, "st") || tok_is2(t->s + t->end - 2,
	    "nd") || tok_is2(t->s + t->end - 2, "rd") || tok_is2(t->s +
	    t->end - 2, "th");
}

/* A scorecard's marks around a player: "c Cork b Croft", "lbw b Mullally",
 * "Cork c Moin Khan", "Zola 23rd", "(Scifo 35th)". */
static int
step_results_person(struct tagger *tg, struct span *sp)
{
	static const char *mark[] = { "c", "b", "lbw", "st" };
	const struct tok *p = before(tg, sp->a), *q = after(tg, sp->b);
	size_t i;
	int hit = 0;

	if (!tg->sport || sp->n > 3 || sp->groups > 0 || sp->has_org ||
	    (sp->t0->f & T_UPPER))
		return 0;
	if (is_ordinal(q) || (q != NULL && tok_is(q, "(") &&
	    is_ordinal(after(tg, sp->b + 1))))
		hit = 1;
	for (i = 0; i < sizeof mark / sizeof mark[0] && !hit; i++)
		if ((p != NULL && tok_is(p, mark[i])) || (q != NULL &&
		    tok_is(q, mark[i]) && q != NULL && after(tg, sp->b + 1) !=
		    NULL && (tg->t[sp->b + 1].f & T_CAP)))
			hit = 1;
	return hit ? settle(tg, sp, ENT_PER, 0) : 0;
}

/* Every word in a place's name: the places, longest first. */
static int
step_places(struct tagger *tg, struct span *sp)
{
	size_t i, e, a = sp->a, b = sp->b;
	uint32_t g;

	if (!sp->places || (sp->cue && sp->n > 1 && (sp->t0->g & GAZ_FIRST) &&
	    !(sp->t0->g & GAZ_COUNTRY)))
		return 0;
	/* A town next to a score is a team in sports copy: "Kent 3 Surrey
	 * 2" (elsewhere a table of prices: "Mandsaur 10"). */
	if (tg->sport && !(longest_flags(tg, a, b) & (GAZ_COUNTRY |
	    GAZ_PLACE)) &&
	    (is_score(before(tg, a)) || is_score(after(tg, b))))
		return settle(tg, sp, ENT_ORG, 0);
	for (i = a; i < b; i = e) {
		e = longest(tg, i, b, GAZ_ANYPLACE, &g);
		/* A town, or a place that is also a given name ("Jordan"),
		 * stays weak: the memory may know it as a person's or a
		 * team's. */
		add_seg(tg, i, e, ENT_LOC, e - i == 1 &&
		    (!(g & (GAZ_COUNTRY | GAZ_PLACE)) || (g & GAZ_FIRST)));
	}
	return 1;
}

/* "Li Peng", "Kim Young-sam", "Nguyen Van Linh": a family name written
 * first, then given names no dictionary knows (or hyphenated ones). */
static int
step_family_first(struct tagger *tg, struct span *sp)
{
	size_t i, odd = 0;

	if (sp->n < 2 || sp->n > 4 || !(sp->t0->g & GAZ_FAMILY) ||
	    (sp->t0->f & T_UPPER) || sp->acronyms > 0 || sp->groups > 0)
		return 0;
	for (i = sp->a + 1; i < sp->b; i++) {
		const struct tok *t = &tg->t[i];

		if (is_particle(t))
			continue;
		if (!(t->f & T_CAP) || is_common(t) || (t->g & (GAZ_ANYPLACE |
		    GAZ_ORGHEAD | GAZ_ORGSUF | GAZ_TITLE | GAZ_NOTNAME |
		    GAZ_GEO)))
			return 0;
		odd += !(t->g & (GAZ_LOWER | GAZ_CAP)) ||
		    (t->f & T_HYPHEN) != 0;
	}
	return odd > 0 ? settle(tg, sp, ENT_PER, 0) : 0;
}

/* "MONTPELIER, Vt.", "Waterville, WA": a short word after a town and a
 * comma is its state's or country's abbreviation. */
static int
step_town_state(struct tagger *tg, struct span *sp)
{
	size_t n = sp->t0->end - sp->t0->start;
	const struct tok *q = after(tg, sp->b);

	if (sp->n != 1 || n > 5 || !town_comma_before(tg, sp->a) ||
	    (sp->t0->g & (GAZ_FIRST | GAZ_ORG)) || (q != NULL &&
	    (q->f & T_CAP)))
		return 0;
	/* "WA", "Vt.", "Pa ." */
	if (!((sp->t0->f & T_UPPER) && n <= 3) && sp->t0->s[sp->t0->end -
	    1] != '.' && !(q != NULL && tok_is(q, ".")))
		return 0;
	return settle(tg, sp, ENT_LOC, 0);
}

/* "J. Smith", "N. Knight", "C. White": an initial makes a name. */
static int
step_initial(struct tagger *tg, struct span *sp)
{
	if (sp->n > 1 && (sp->t0->f & T_INITIAL) && !(sp->tl->f & T_INITIAL) &&
	    !(sp->tl->g & (GAZ_FUNC | GAZ_NOTNAME)) && (sp->groups == 0 ||
	    (sp->n == 2 && !(sp->tl->g & GAZ_ANYPLACE) &&
	    !compass_initial(sp->t0))))
		return settle(tg, sp, ENT_PER, 0);
	return 0;
}

/* "Iraqi", "Kurdish Workers": a people's word; the memory may know. */
static int
step_group(struct tagger *tg, struct span *sp)
{
	if (sp->groups > 0)
		return settle(tg, sp, UNKNOWN, 1);
	return 0;
}

/* Teams in a results line: "Ruch Chorzow 2 Legia Warsaw 1" (sure in a
 * sports story). */
static int
step_team(struct tagger *tg, struct span *sp)
{
	if (team_context(tg, sp->a, sp->b) && (tg->sport || sp->common == 0))
		return settle(tg, sp, ENT_ORG, !tg->sport);
	return 0;
}

/* A sports table's row: a name opening a paragraph and three numbers or
 * more ("Odra Wodzislaw 7 3 1 3 13 10 10"). A team's, unless a given
 * name or an initial opens it (a golfer's: "Ian Woosnam 70 68 138", left
 * to the other steps); a guess, the memory may know better. */
static int
step_table_row(struct tagger *tg, struct span *sp)
{
	size_t i, nums = 0;

	if (!tg->sport || (sp->a > 0 && tg->t[sp->a - 1].para ==
	    sp->t0->para))
		return 0;
	for (i = sp->b; i < tg->n && tg->t[i].para == sp->t0->para; i++) {
		if (!(tg->t[i].f & T_DIGIT) || (tg->t[i].f & T_WORD))
			return 0;
		nums++;
	}
	if (nums < 3 || (sp->t0->g & GAZ_FIRST) || (sp->t0->f & T_INITIAL) ||
	    sp->places)
		return 0;
	return settle(tg, sp, ENT_ORG, 1);
}

/* After a title a surname may be a common word: "President Emmanuel
 * Macron", "Prime Minister Gordon Brown". */
static int
step_after_title(struct tagger *tg, struct span *sp)
{
	size_t n = sp->n;

	if (sp->cue && n <= 5 && sp->acronyms == 0 && (n > 1 || !sp->places) &&
	    (sp->common == 0 || (n > 1 && sp->common == 1 &&
	    ((is_common(sp->tl) && (sp->t0->g & GAZ_FIRST)) ||
	    sp->unknown > 0))))
		return settle(tg, sp, ENT_PER, 0);
	return 0;
}

/* "Borussia Dortmund", "Vitesse Arnhem": a name ending in a town is a
 * club's or a firm's; "Sri Lankan" is a people's. */
static int
step_ends_in_town(struct tagger *tg, struct span *sp)
{
	const struct tok *t0 = sp->t0, *tl = sp->tl;

	if (sp->n > 1 && (((tl->g & GAZ_CITY) && !(tl->g & GAZ_FIRST) &&
	    !(t0->g & GAZ_FIRST) && !(t0->f & T_INITIAL)) ||
	    demonym_of_place(tg, sp->a, sp->b)))
		return settle(tg, sp, UNKNOWN, 1);
	return 0;
}

/* "Phil Simmons", "J. Smith", "Radovan Karadzic": a given name or an
 * unknown word, and no common word, acronym or place. */
static int
step_full_name(struct tagger *tg, struct span *sp)
{
	const struct tok *t0 = sp->t0, *tl = sp->tl;

	if (sp->n > 1 && sp->common == 0 && sp->acronyms == 0 &&
	    sp->inner_places == 0 && !((t0->g & GAZ_ANYPLACE) &&
	    !(t0->g & GAZ_FIRST)) && (((t0->g & GAZ_FIRST) &&
	    !(t0->f & T_UPPER)) || (t0->f & T_INITIAL) || (sp->unknown > 0 &&
	    !(t0->f & T_UPPER) && !(tl->f & T_UPPER))) &&
	    !(tl->f & T_INITIAL) && !(tl->g & GAZ_NOTNAME))
		return settle(tg, sp, ENT_PER, 0);
	return 0;
}

/* "Thomas Muster", "Byron Black": a sure given name and a surname that
 * is also a common word, inside a sentence; not "Christian Democrats"
 * (a plural) nor a word that heads or places a name. */
static int
step_given_surname(struct tagger *tg, struct span *sp)
{
	const struct tok *t0 = sp->t0, *tl = sp->tl;
	size_t n = tl->end - tl->start;

	if (sp->n != 2 || !(t0->g & GAZ_FIRST) || (t0->g & GAZ_ANYPLACE) ||
	    (t0->f & (T_UPPER | T_CAPSLINE)) || !is_common(tl) ||
	    (tl->f & (T_UPPER | T_GROUP)) || (tl->g & (GAZ_ORGHEAD |
	    GAZ_ORGSUF | GAZ_GEO | GAZ_TITLE | GAZ_TMOD | GAZ_ROLE |
	    GAZ_NOTNAME | GAZ_FUNC | GAZ_COMPASS | GAZ_SAY)) ||
	    (n > 3 && tl->s[tl->end - 1] == 's' &&
	    (gaz_lookup(tl->s + tl->start, n - 1) & GAZ_LOWER)))
		return 0;
	return settle(tg, sp, ENT_PER, 0);
}

/* One word: a known organisation, an acronym, or an unknown word with
 * a person's cue after it ("X said") or a place's before ("in X"). */
static int
step_one_word(struct tagger *tg, struct span *sp)
{
	const struct tok *t0 = sp->t0;
	size_t a = sp->a, b = sp->b;

	if (sp->n != 1)
		return 0;
	if (t0->g & GAZ_ORG)
		return settle(tg, sp, ENT_ORG, 0);
	if ((t0->f & T_UPPER) && !(t0->g & (GAZ_LOWER | GAZ_NOTNAME)) &&
	    t0->end - t0->start <= 6 && !(t0->f & T_HYPHEN))
		return settle(tg, sp, ENT_ORG, 1);
	if (sp->unknown && !(t0->f & T_UPPER) && person_cue_after(tg, b))
		return settle(tg, sp, ENT_PER, 1);
	if (sp->unknown && !(t0->f & T_UPPER) && place_cue_before(tg, a))
		return settle(tg, sp, ENT_LOC, 1);
	return 0;
}

/* Nothing sure: a weak unknown the memory may settle. */
static int
step_unsure(struct tagger *tg, struct span *sp)
{
	if (sp->common == 0 || sp->n == 1)
		add_seg(tg, sp->a, sp->b, UNKNOWN, 1);
	return 1;
}

typedef int	(*span_step)(struct tagger *, struct span *);

static const span_step span_steps[] = {
	step_split_and,
	step_split_of,
	step_event,
	step_venue_line,
	step_sports_club,
	step_geo_word,
	step_results_person,
	step_sports_team,
	step_compass,
	step_org_cue,
	step_firm,
	step_org,
	step_table_row,
	step_places,
	step_family_first,
	step_town_state,
	step_initial,
	step_group,
	step_team,
	step_after_title,
	step_ends_in_town,
	step_full_name,
	step_given_surname,
	step_one_word,
	step_unsure,
};

static void
classify_span(struct tagger *tg, size_t a, size_t b, int cue)
{
	struct span sp;
	size_t i;

	while (a < b && (is_particle(&tg->t[a]) || is_amp(&tg->t[a])))
		a++;
	while (b > a && (is_particle(&tg->t[b - 1]) || is_amp(&tg->t[b - 1])))
		b--;
	if (a >= b)
		return;
	memset(&sp, 0, sizeof sp);
	sp.a = a;
	sp.b = b;
	sp.n = b - a;
	sp.t0 = &tg->t[a];
	sp.tl = &tg->t[b - 1];
	sp.cue = cue;
	span_measure(tg, &sp);
	for (i = 0; i < sizeof span_steps / sizeof span_steps[0]; i++)
		if (span_steps[i](tg, &sp))
			return;
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
	if (i == a || (n = after(tg, i)) == NULL)
		return a;
	if (is_date(n) || (n->g & GAZ_NOTNAME) || (n->f & T_DASH) ||
	    (n->f & T_OPENQ &&
	    n->s[n->start] == '(') || (n->s[n->start] == ',' &&
	    after(tg, i + 1) != NULL && (tg->t[i + 1].g & GAZ_NOTNAME)))
		return i;
	/* "MANCHESTER, England 1996-08-27": the town, its country, a date. */
	if (n->s[n->start] == ',') {
		size_t j = i + 1;

		while (j < tg->n && j - i <= 4 && tg->t[j].para == tg->t[a].para &&
		    (tg->t[j].f & (T_CAP | T_DIGIT)) == T_CAP)
			j++;
		if (j > i + 1 && (n = after(tg, j)) != NULL && is_date(n))
			return i;
	}
	return a;
}

/* "Real Madrid", "Sporting Lisbon" opening a sports story's sentence:
 * the common word is part of the club's name. */
static int
sports_club_start(struct tagger *tg, size_t k, size_t b)
{
	return tg->sport && k + 2 == b && (tg->t[k + 1].g & (GAZ_CITY |
	    GAZ_REGION)) && !(tg->t[k + 1].g & (GAZ_COUNTRY | GAZ_FIRST));
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
			if (all_places(tg, i, d) || (!(tg->t[i].f &
			    T_CAPSLINE) && !any_common(tg, i, d)))
				add_seg(tg, i, d, ENT_LOC, 0);
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
			for (k = b; k < tg->n && k - b < 2 &&
			    tg->t[k].para == t->para &&
			    (is_particle(&tg->t[k]) || is_amp(&tg->t[k])); k++)
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
		cue = person_cue_before(tg, a);
		for (k = a; k < b; ) {
			const struct tok *tk = &tg->t[k];

			if ((e = title_end(tg, k, b)) > k) {
				cue = 1;
				k = e;
				continue;
			}
			if (is_particle(tk) || is_amp(tk)) {
				k++;
				continue;
			}
			if (is_notname(tg, k, b)) {
				k++;
				cue = 0;
				continue;
			}
			if ((tk->g & GAZ_FUNC) && !(tk->f & T_UPPER) &&
			    longest(tg, k, b, GAZ_ANYPLACE | GAZ_ORG, NULL) == k) {
				k++;
				continue;
			}
			/* A common word that starts a sentence ("Police
			 * said") is no name, unless a later mention says so. */
			if ((tk->f & T_SENT) && (tk->g & GAZ_LOWER) &&
			    !(tk->g & (GAZ_COUNTRY | GAZ_PLACE | GAZ_ORG)) &&
			    !((tk->g & GAZ_FIRST) && k + 1 < b &&
			    !is_common(&tg->t[k + 1])) &&
			    longest(tg, k, b, GAZ_ANYPLACE | GAZ_ORG, NULL) <=
			    k + 1 && !(k + 1 < b && (tg->t[k + 1].g &
			    (GAZ_ORGHEAD | GAZ_ORGSUF | GAZ_GEO)) &&
			    (tg->t[k + 1].f & T_CAP)) &&
			    !sports_club_start(tg, k, b)) {
				/* The memory may know it: "Muster" of
				 * "Thomas Muster". */
				add_seg(tg, k, k + 1, UNKNOWN, 1);
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
			if (e == b && person_cue_after(tg, b))
				cue = 1;
			classify(tg, k, e, cue);
			cue = 0;
			k = e;
		}
		i = b;
	}
}

/* --- pass 3: memory ---------------------------------------------------- */

static void	memo_grow(struct tagger *);
static void	caps_lines(struct tagger *);
static void	enumerations(struct tagger *);
static int	seg_order(const void *, const void *);

static struct memo *
memo_get(struct tagger *tg, const char *key, size_t len, int create)
{
	uint32_t h = gaz_hash(key, len);
	size_t i;
	struct memo *m;

	if (tg->memocap == 0) {
		if (!create)
			return NULL;
		memo_grow(tg);
	}
	i = h & (tg->memocap - 1);
	for (;;) {
		m = &tg->memo[i];
		if (m->key == NULL)
			break;
		if (m->hash == h && m->len == len && memcmp(m->key, key, len)
		    == 0)
			return m;
		i = (i + 1) & (tg->memocap - 1);
	}
	if (!create)
		return NULL;
	if (++tg->memoused * 2 > tg->memocap) {
		memo_grow(tg);
		return memo_get(tg, key, len, create);
	}
	m->hash = h;
	m->len = (uint32_t)len;
	m->key = xstrndup(key, len);
	return m;
}

/* Twice the room: the keys move, their counts with them. */
static void
memo_grow(struct tagger *tg)
{
	struct memo *old = tg->memo;
	size_t cap = tg->memocap, i, j;

	tg->memocap = cap ? cap * 2 : 64;
	tg->memo = xcalloc(tg->memocap, sizeof *tg->memo);
	for (i = 0; i < cap; i++) {
		if (old[i].key == NULL)
			continue;
		for (j = old[i].hash & (tg->memocap - 1); tg->memo[j].key !=
		    NULL; j = (j + 1) & (tg->memocap - 1))
			;
		tg->memo[j] = old[i];
	}
	free(old);
}

static void
memo_note(struct tagger *tg, size_t a, size_t b, int type)
{
	size_t len = phrase_key(tg, a, b), i;
	struct memo *m = memo_get(tg, tg->kbuf, len, 1);

	if (type == ENT_PER)
		m->per++;
	else if (type == ENT_LOC)
		m->loc++;
	else
		m->org++;
	/* "Qingyun Media", then "Qingyun": a made-up word names the
	 * organisation alone. */
	if (type == ENT_ORG && b - a > 1 && !(tg->t[a].g & (GAZ_LOWER |
	    GAZ_CAP | GAZ_ANYPLACE | GAZ_FIRST)) && !(tg->t[a].f & T_UPPER)) {
		len = phrase_key(tg, a, a + 1);
		memo_get(tg, tg->kbuf, len, 1)->org++;
	}
	if (type != ENT_PER)
		return;
	for (i = a; i < b; i++) {
		const struct tok *t = &tg->t[i];

		if (is_particle(t) || (t->f & T_INITIAL) ||
		    t->end - t->start < 2)
			continue;
		len = phrase_key(tg, i, i + 1);
		m = memo_get(tg, tg->kbuf, len, 1);
		m->name++;
		/* The surname alone names the person: the last word, or
		 * the first when the family name comes first ("Li" of "Li
		 * Peng"). */
		if (i == b - 1 && b - a > 1 && (!is_common(t) ||
		    (tg->t[a].g & GAZ_FIRST) || (tg->t[a].f & T_INITIAL)))
			m->per++;
		if (i == a && b - a > 1 && (t->g & GAZ_FAMILY) &&
		    !(tg->t[b - 1].g & GAZ_FIRST))
			m->per++;
	}
}

static int
memo_type(struct memo *m)
{
	if (m == NULL)
		return UNKNOWN;
	if (m->firm || (m->stmt && !m->per))
		return ENT_ORG;
	if (m->per && m->per >= m->loc && m->per >= m->org)
		return ENT_PER;
	if (m->org && m->org >= m->loc)
		return ENT_ORG;
	if (m->loc)
		return ENT_LOC;
	return UNKNOWN;
}

/* Whether every word of [a, b) is a known part of a person's name. */
static int
memo_all_names(struct tagger *tg, size_t a, size_t b)
{
	size_t i, len, sure = 0;
	struct memo *m;

	for (i = a; i < b; i++) {
		if (is_particle(&tg->t[i]) || (tg->t[i].f & T_INITIAL))
			continue;
		len = phrase_key(tg, i, i + 1);
		if ((m = memo_get(tg, tg->kbuf, len, 0)) == NULL || !m->name)
			return 0;
		sure += m->per > 0;
	}
	return sure > 0;
}

static void
memory(struct tagger *tg)
{
	size_t i, len;
	int type;

	for (i = 0; i < tg->nseg; i++)
		if (tg->seg[i].type != UNKNOWN && !tg->seg[i].weak)
			memo_note(tg, tg->seg[i].a, tg->seg[i].b,
			    tg->seg[i].type);
	for (i = 0; i < tg->nseg; i++) {
		struct seg *s = &tg->seg[i];

		if (!s->weak)
			continue;
		len = phrase_key(tg, s->a, s->b);
		type = memo_type(memo_get(tg, tg->kbuf, len, 0));
		if (type == UNKNOWN && memo_all_names(tg, s->a, s->b))
			type = ENT_PER;
		if (type != UNKNOWN)
			s->type = type;
	}
	enumerations(tg);
	caps_lines(tg);
	for (i = 0; i < tg->memocap; i++)
		free((char *)tg->memo[i].key);
	free(tg->memo);
	tg->memo = NULL;
}

/* Whether only a comma or "and" stands between tokens x and y. */
static int
listed_next(struct tagger *tg, size_t x, size_t y)
{
	return y == x + 1 && x < tg->n && tg->t[x].para == tg->t[y].para &&
	    (tok_is(&tg->t[x], ",") || tok_is(&tg->t[x], "and") ||
	    tok_is(&tg->t[x], "or"));
}

/* "in Indore, Mhow, Dewas and Ujjain": a list with two places or more
 * makes places of the unsure single words in it. The segments are in
 * token order here. */
static void
enumerations(struct tagger *tg)
{
	size_t i, j, k, places;

	if (tg->nseg > 1)
		qsort(tg->seg, tg->nseg, sizeof *tg->seg, seg_order);
	for (i = 0; i < tg->nseg; i = j) {
		places = tg->seg[i].type == ENT_LOC;
		for (j = i + 1; j < tg->nseg && listed_next(tg,
		    tg->seg[j - 1].b, tg->seg[j].a); j++)
			places += tg->seg[j].type == ENT_LOC;
		if (places < 2 || places * 2 < j - i)
			continue;
		for (k = i; k < j; k++) {
			struct seg *s = &tg->seg[k];

			if (s->type == UNKNOWN && s->weak && s->b == s->a + 1 &&
			    !(tg->t[s->a].g & (GAZ_FIRST | GAZ_LOWER)) &&
			    !(tg->t[s->a].f & T_UPPER))
				s->type = ENT_LOC;
		}
	}
}

/* The longest phrase at i (MAXPHRASE words at most) the memory knows;
 * its end, or i. */
static size_t
caps_memo(struct tagger *tg, size_t i, int *type)
{
	size_t e, len;

	for (e = i + MAXPHRASE; e > i; e--) {
		if (e > tg->n || tg->t[e - 1].para != tg->t[i].para)
			continue;
		len = phrase_key(tg, i, e);
		if ((*type = memo_type(memo_get(tg, tg->kbuf, len, 0))) !=
		    UNKNOWN)
			return e;
	}
	return i;
}

/* "Kent v Surrey", "CINCINNATI AT ATLANTA": a team against another, or
 * visiting another's ground (in a line of capitals). */
static int
versus(struct tagger *tg, size_t a, size_t b)
{
	const struct tok *p = before(tg, a), *q = after(tg, b), *r;

	if (p != NULL && (tok_is(p, "v") || tok_is(p, "vs") ||
	    tok_is(p, "vs.")))
		return 1;
	if (q == NULL || (r = after(tg, b + 1)) == NULL || !(r->f & T_CAP))
		return 0;
	return tok_is(q, "v") || tok_is(q, "vs") || tok_is(q, "vs.") ||
	    (tok_is(q, "AT") && (q->f & T_CAPSLINE));
}

/* The place or organisation the gazetteer knows at i, and its type (a
 * town beside a score is a team's: "COLORADO 65 62"); its end, or i. */
static size_t
caps_gazetteer(struct tagger *tg, size_t i, int *type)
{
	const struct tok *t = &tg->t[i];
	size_t e = longest(tg, i, tg->n, GAZ_ANYPLACE | GAZ_ORG, NULL);
	uint32_t g;

	if (e == i || (e == i + 1 && is_common(t)) || ((t->g & GAZ_LOWER) &&
	    e == i + 1 && !(t->g & GAZ_COUNTRY)))
		return i;
	g = longest_flags(tg, i, e);
	if (!(g & GAZ_ANYPLACE))
		*type = ENT_ORG;
	else if (g & (GAZ_COUNTRY | GAZ_PLACE))
		*type = ENT_LOC;
	else if ((tg->sport && (is_score(before(tg, i)) ||
	    is_score(after(tg, e)))) || versus(tg, i, e))
		*type = ENT_ORG;
	/* In sports copy, "PITTSBURGH AT HOUSTON": a team at a place. */
	else
		*type = tg->sport && !venue_before(tg, i) ? ENT_ORG : ENT_LOC;
	return e;
}

/* Lines in capitals ("ST LOUIS AT HOUSTON"), where capitals say nothing:
 * places from the gazetteer first, then what the memory knows of the
 * story's other mentions, then runs of known parts of people's names. */
static void
caps_lines(struct tagger *tg)
{
	size_t i, k = 0, e, em, nseg0 = tg->nseg;
	int type, mtype;

	for (i = 0; i < tg->n; ) {
		const struct tok *t = &tg->t[i];

		if (!(t->f & T_CAPSLINE) || !(t->f & T_WORD) ||
		    (t->f & T_DIGIT)) {
			i++;
			continue;
		}
		/* Already covered by a dateline? The segments so far are
		 * in token order, so one pointer walks them. */
		while (k < nseg0 && tg->seg[k].b <= i)
			k++;
		if (k < nseg0 && tg->seg[k].a <= i) {
			i = tg->seg[k].b;
			continue;
		}
		type = mtype = UNKNOWN;
		e = caps_gazetteer(tg, i, &type);
		em = caps_memo(tg, i, &mtype);
		if (em > e || (em == e && e > i && type == ENT_LOC &&
		    mtype == ENT_PER)) {
			e = em;
			type = mtype;
		}
		if (e > i) {
			add_seg(tg, i, e, type, 0);
			i = e;
			continue;
		}
		for (e = i; e < tg->n && tg->t[e].para == t->para &&
		    (tg->t[e].f & T_WORD) && memo_all_names(tg, e, e + 1); e++)
			;
		if (e > i && memo_all_names(tg, i, e)) {
			add_seg(tg, i, e, ENT_PER, 0);
			i = e;
			continue;
		}
		i++;
	}
}

static int
seg_order(const void *x, const void *y)
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
	story_kind(&tg);
	firm_cues(&tg);
	find_runs(&tg);
	memory(&tg);
	if (tg.nseg > 1)
		qsort(tg.seg, tg.nseg, sizeof *tg.seg, seg_order);
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
