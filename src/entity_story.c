/*
 * entity_story: what the whole story says before its runs are read.
 * The kind of story: sports copy (words of sport, scores, results
 * lines), where a town's name is mostly its team's. The company cues: a
 * name followed by "shares" or "officials", after "-based" or a cue
 * word, in apposition with a kind of firm, or that "said its" is a
 * firm's name for the whole story.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entity.h"
#include "entity_int.h"
#include "gazetteer.h"
#include "story.h"
#include "util.h"

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
		    !entity_is_score(&tg->t[k]))
			return 0;
		j = k + 1;
	}
	/* It ends there, or a half-time score follows: not "12,600". */
	return j >= tg->n || tg->t[j].para != tg->t[i].para ||
	    entity_tok_is(&tg->t[j], "(");
}

/* A sports story has several words of sport ("innings", "halftime",
 * "striker") or scores: there a town's name is mostly its team's. */
void
entity_story_kind(struct tagger *tg)
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
	if ((t = entity_tok_at(tg, j, para)) == NULL || !(entity_tok_is(t,
	    "a") ||
	    entity_tok_is(t, "an") || entity_tok_is(t, "the") ||
	    ((t->f & T_CAP) &&
	    (u = entity_tok_at(tg, j + 1, para)) != NULL && entity_tok_is(u,
	    "'s"))))
		return 0;
	for (k = j; k < j + 8 && (t = entity_tok_at(tg, k, para)) != NULL; k++)
	    {
		/* "Penrose, a worker with the group": another's noun */
		if ((t->f & T_STOP) || entity_tok_is(t, ",") ||
		    (t->g & (GAZ_ROLE |
		    GAZ_TITLE | GAZ_SAY)) || entity_tok_is(t, "with") ||
		    entity_tok_is(t,
		    "of") || entity_tok_is(t, "at") || entity_tok_is(t,
		    "for") ||
		    entity_tok_is(t, "in") || entity_tok_is(t, "by") ||
		    entity_tok_is(t, "from"))
			return 0;
		/* not "the operator's director", "the company said" */
		if ((t->g & GAZ_ORGCUE) && !(t->f & (T_CAP | T_PUNCT)))
			return (u = entity_tok_at(tg, k + 1, para)) == NULL ||
			    (!(u->g & (GAZ_ROLE | GAZ_TITLE | GAZ_SAY)) &&
			    !entity_tok_is(u, "'s") && !entity_tok_is(u,
			    "\u2019s") &&
			    !entity_tok_is(u, "\u2019"));
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

	if ((p = entity_tok_at(tg, b, para)) != NULL && (entity_tok_is(p,
	    "'s") ||
	    entity_tok_is(p, "\u2019s")))
		p = entity_tok_at(tg, ++b, para);
	if (p == NULL)
		return 0;
	if (entity_tok_is(p, ",") && !(tg->t[a].g & GAZ_FIRST) &&
	    !entity_person_cue_before(tg, a) && firm_apposition(tg, b + 1,
	    para))
		return 3;
	if ((p->g & GAZ_COFIRM) && !(p->f & T_CAP))
		return 3;
	if ((p->g & GAZ_COAFTER) && !(p->f & T_CAP))
		return 1;
	/* "Merrill analysts said": a plural before "said" (weaker: "Dole
	 * supporters said") */
	if (plural_staff(p) && (q = entity_tok_at(tg, b + 1, para)) != NULL &&
	    (q->g & GAZ_SAY) && !(q->f & T_CAP))
		return 2;
	q = entity_tok_at(tg, b + 1, para);
	/* "(BARC.L)", "(NYSE: IBM)" */
	if (entity_tok_is(p, "(") && q != NULL && (is_ticker(q) ||
	    entity_tok_is(q,
	    "NYSE") || entity_tok_is(q, "Nasdaq") || entity_tok_is(q,
	    "NASDAQ")))
		return 1;
	if (!(p->g & GAZ_SAY) || q == NULL)
		return 0;
	/* "Berenberg said its clients", "said on Tuesday its profit" */
	if (entity_tok_is(q, "its") || (entity_tok_is(q, "on") && (p
	    = entity_tok_at(tg, b + 3,
	    para)) != NULL && entity_tok_is(p, "its")))
		return 1;
	/* "said in a statement": firms do, and people too (2: weaker) */
	return 2 * (entity_tok_is(q, "in") && (p = entity_tok_at(tg, b + 2,
	    para)) != NULL &&
	    entity_tok_is(p, "a") && (p = entity_tok_at(tg, b + 3, para))
	    != NULL &&
	    (entity_tok_is(p, "statement") || entity_tok_is(p, "release")));
}

/* "Toronto-based Barrick", "a stake in Gencor", "shares of Amoco",
 * "private bank Bamerindus" */
static int
firm_before(struct tagger *tg, size_t a)
{
	const struct tok *p = entity_before(tg, a), *q;
	size_t n;

	if (p == NULL)
		return 0;
	if (entity_org_cue_before(tg, a))
		return 1;
	n = p->end - p->start;
	if (n > 7 && (memcmp(p->s + p->end - 6, "-based", 6) == 0 ||
	    memcmp(p->s + p->end - 7, "-listed", 7) == 0))
		return 1;
	if (p->f & T_CAP)
		return 0;
	if (!entity_tok_is(p, "in") && !entity_tok_is(p, "of"))
		return 0;
	return (q = entity_before(tg, a - 1)) != NULL && (entity_tok_is(q,
	    "shares") ||
	    entity_tok_is(q, "stake"));
}

/* Company cues anywhere in the story mark a name as a firm's in the
 * memory, and so everywhere: a firm's name alone ("Faulding said") is
 * then no person's. Places and peoples are left alone ("Tokyo shares",
 * "Japanese shares"). */
void
entity_firm_cues(struct tagger *tg)
{
	size_t i, a, b, len;
	struct memo *m;
	int cue;

	for (i = 0; i < tg->n; i = b) {
		const struct tok *t = &tg->t[i];

		b = i + 1;
		if (!(t->f & T_NAMELIKE) || (t->f & T_CAPSLINE))
			continue;
		for (a = i; b < tg->n && b - a < 4 && tg->t[b].para
		    == t->para &&
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
		if ((entity_all_places(tg, a, b) && cue != 3) ||
		    (tg->t[b - 1].f & T_GROUP) || (tg->t[a].g & (GAZ_FUNC |
		    GAZ_TITLE)) || entity_is_common(&tg->t[a]) || ((tg->t[a].f &
		    T_SENT) && (tg->t[a].g & GAZ_LOWER)))
			continue;	/* "Port officials said" */
		/* "chairman Peter Munk said in a statement" */
		if (cue == 2 && ((tg->t[a].g & GAZ_FIRST) ||
		    entity_person_cue_before(tg, a)))
			continue;
		len = entity_phrase_key(tg, a, b);
		m = entity_memo_get(tg, tg->kbuf, len, 1);
		*(cue == 2 ? &m->stmt : &m->firm) += 1;
		if (b > a + 1 && !(tg->t[a].g & (GAZ_LOWER | GAZ_FIRST |
		    GAZ_ANYPLACE))) {
			len = entity_phrase_key(tg, a, a + 1);
			m = entity_memo_get(tg, tg->kbuf, len, 1);
			*(cue == 2 ? &m->stmt : &m->firm) += 1;
		}
	}
}

/* Whether a company cue named [a, b): 1 a sure one, 2 a statement. */
int
entity_firm_known(struct tagger *tg, size_t a, size_t b)
{
	size_t len = entity_phrase_key(tg, a, b);
	struct memo *m = entity_memo_get(tg, tg->kbuf, len, 0);

	return m == NULL ? 0 : m->firm > 0 ? 1 : m->stmt > 0 ? 2 : 0;
}
