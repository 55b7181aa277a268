/*
 * entity_memory: what one mention settled decides the others. A memo
 * per phrase counts how it was tagged (and whether a company cue named
 * it); weak guesses follow the memo, lists of places make places of
 * their unsure words, and lines in capitals are read against the
 * gazetteer, then the memory.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entity.h"
#include "entity_int.h"
#include "gazetteer.h"
#include "story.h"
#include "util.h"

static void	memo_grow(struct tagger *);
static void	caps_lines(struct tagger *);
static void	enumerations(struct tagger *);

struct memo *
entity_memo_get(struct tagger *tg, const char *key, size_t len, int create)
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
		return entity_memo_get(tg, key, len, create);
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
	size_t len = entity_phrase_key(tg, a, b), i;
	struct memo *m = entity_memo_get(tg, tg->kbuf, len, 1);

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
		len = entity_phrase_key(tg, a, a + 1);
		entity_memo_get(tg, tg->kbuf, len, 1)->org++;
	}
	if (type != ENT_PER)
		return;
	for (i = a; i < b; i++) {
		const struct tok *t = &tg->t[i];

		if (entity_is_particle(t) || (t->f & T_INITIAL) || t->end -
		    t->start < 2)
			continue;
		len = entity_phrase_key(tg, i, i + 1);
		m = entity_memo_get(tg, tg->kbuf, len, 1);
		m->name++;
		/* The surname alone names the person: the last word, or
		 * the first when the family name comes first ("Li" of "Li
		 * Peng"). */
		if (i == b - 1 && b - a > 1 && (!entity_is_common(t) ||
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
		if (entity_is_particle(&tg->t[i]) || (tg->t[i].f & T_INITIAL))
			continue;
		len = entity_phrase_key(tg, i, i + 1);
		if ((m = entity_memo_get(tg, tg->kbuf, len, 0)) == NULL ||
		    !m->name)
			return 0;
		sure += m->per > 0;
	}
	return sure > 0;
}

void
entity_memory(struct tagger *tg)
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
		len = entity_phrase_key(tg, s->a, s->b);
		type = memo_type(entity_memo_get(tg, tg->kbuf, len, 0));
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
	    (entity_tok_is(&tg->t[x], ",") || entity_tok_is(&tg->t[x], "and") ||
	    entity_tok_is(&tg->t[x], "or"));
}

/* "in Indore, Mhow, Dewas and Ujjain": a list with two places or more
 * makes places of the unsure single words in it. The segments are in
 * token order here. */
static void
enumerations(struct tagger *tg)
{
	size_t i, j, k, places;

	if (tg->nseg > 1)
		qsort(tg->seg, tg->nseg, sizeof *tg->seg, entity_seg_order);
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
		len = entity_phrase_key(tg, i, e);
		if ((*type = memo_type(entity_memo_get(tg, tg->kbuf, len,
		    0))) != UNKNOWN)
			return e;
	}
	return i;
}

/* "Kent v Surrey", "CINCINNATI AT ATLANTA": a team against another, or
 * visiting another's ground (in a line of capitals). */
static int
versus(struct tagger *tg, size_t a, size_t b)
{
	const struct tok *p = entity_before(tg, a), *q = entity_after(tg, b),
	    *r;

	if (p != NULL && (entity_tok_is(p, "v") || entity_tok_is(p, "vs") ||
	    entity_tok_is(p, "vs.")))
		return 1;
	if (q == NULL || (r = entity_after(tg, b + 1)) == NULL || !(r->f &
	    T_CAP))
		return 0;
	return entity_tok_is(q, "v") || entity_tok_is(q, "vs") ||
	    entity_tok_is(q, "vs.") ||
	    (entity_tok_is(q, "AT") && (q->f & T_CAPSLINE));
}

/* The place or organisation the gazetteer knows at i, and its type (a
 * town beside a score is a team's: "COLORADO 65 62"); its end, or i. */
static size_t
caps_gazetteer(struct tagger *tg, size_t i, int *type)
{
	const struct tok *t = &tg->t[i];
	size_t e = entity_longest(tg, i, tg->n, GAZ_ANYPLACE | GAZ_ORG, NULL);
	uint32_t g;

	if (e == i || (e == i + 1 && entity_is_common(t)) || ((t->g &
	    GAZ_LOWER) && e == i + 1 && !(t->g & GAZ_COUNTRY)))
		return i;
	/* "U.S. OPEN": an event's name */
	if (e < tg->n && tg->t[e].para == t->para && (tg->t[e].g & GAZ_EVENT))
		return i;
	g = entity_longest_flags(tg, i, e);
	if (!(g & GAZ_ANYPLACE))
		*type = ENT_ORG;
	else if (g & (GAZ_COUNTRY | GAZ_PLACE))
		*type = ENT_LOC;
	else if ((tg->sport && (entity_is_score(entity_before(tg, i)) ||
	    entity_is_score(entity_after(tg, e)))) || versus(tg, i, e))
		*type = ENT_ORG;
	/* In sports copy, "PITTSBURGH AT HOUSTON": a team at a place. */
	else
		*type = tg->sport && !entity_venue_before(tg, i) ? ENT_ORG :
		    ENT_LOC;
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
			entity_add_seg(tg, i, e, type, 0);
			i = e;
			continue;
		}
		for (e = i; e < tg->n && tg->t[e].para == t->para &&
		    (tg->t[e].f & T_WORD) && memo_all_names(tg, e, e + 1); e++)
			;
		if (e > i && memo_all_names(tg, i, e)) {
			entity_add_seg(tg, i, e, ENT_PER, 0);
			i = e;
			continue;
		}
		i++;
	}
}
