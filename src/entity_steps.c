/*
 * entity_steps: classify a run of capitalised words. classify_span
 * measures the run once (struct span) and walks span_steps[], a table
 * of named steps; the first that settles the run ends the walk. A new
 * mechanism is one more step. The cues around a run that the other
 * passes share are here too.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entity.h"
#include "entity_int.h"
#include "gazetteer.h"
#include "story.h"
#include "util.h"

/* A cue before the run: "said", "spokesman", "Mr". */
int
entity_person_cue_before(struct tagger *tg, size_t a)
{
	const struct tok *p = entity_before(tg, a);

	if (p == NULL || (p->f & T_CAP))
		return 0;
	return (p->g & (GAZ_SAY | GAZ_ROLE)) != 0 && !(p->f & T_PUNCT);
}

int
entity_org_cue_before(struct tagger *tg, size_t a)
{
	const struct tok *p = entity_before(tg, a);

	return p != NULL && (p->g & GAZ_ORGCUE) && !(p->f & (T_CAP | T_PUNCT));
}

/* A cue after: "X said", "X, who", "X, 35,". */
int
entity_person_cue_after(struct tagger *tg, size_t b)
{
	const struct tok *p = entity_after(tg, b), *q;

	if (p == NULL)
		return 0;
	if ((p->g & (GAZ_SAY | GAZ_FEAT)) && !(p->f & T_CAP))
		return 1;
	if ((p->f & T_PUNCT) && p->s[p->start] == ',' && (q = entity_after(tg,
	    b + 1)) != NULL) {
		if (q->end - q->start == 3 && memcmp(q->s + q->start, "who",
		    3) == 0)
			return 1;
		if ((q->f & T_DIGIT) && q->end - q->start <= 2 &&
		    entity_after(tg, b + 2) != NULL &&
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
	const struct tok *p = entity_before(tg, a);
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
int
entity_venue_before(struct tagger *tg, size_t a)
{
	static const char *w[] = { "in", "at", "near", "outside", "In",
	    "At", "Near", "Outside", "IN", "AT", "NEAR", "OUTSIDE" };
	const struct tok *p = entity_before(tg, a);

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
		    tg->t[a - 2].end - tg->t[a - 2].start == (size_t)(sp
		    - w[i]) &&
		    memcmp(tg->t[a - 2].s + tg->t[a - 2].start, w[i],
		    (size_t)(sp - w[i])) == 0)
			return 1;
	}
	return 0;
}

int
entity_all_places(struct tagger *tg, size_t a, size_t b)
{
	size_t i = a, e;

	while (i < b) {
		if ((e = entity_longest(tg, i, b, GAZ_ANYPLACE, NULL)) == i)
			return 0;
		i = e;
	}
	return 1;
}

/* A score or a count beside a team's name: "3", not "1996". */
int
entity_is_score(const struct tok *t)
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

	if (!entity_is_score(entity_after(tg, b)))
		return 0;
	if (entity_is_score(entity_before(tg, a)))
		return 1;
	for (i = b + 1; i < tg->n && tg->t[i].para == tg->t[a].para &&
	    (tg->t[i].f & T_NAMELIKE); i++)
		;
	return i > b + 1 && i < tg->n && tg->t[i].para == tg->t[a].para &&
	    entity_is_score(&tg->t[i]);
}

/* The gazetteer flags of the whole phrase [a, b). */
uint32_t
entity_longest_flags(struct tagger *tg, size_t a, size_t b)
{
	size_t len;

	if (b == a + 1)
		return tg->t[a].g;
	/* The key first: phrase_key may move tg->kbuf. */
	len = entity_phrase_key(tg, a, b);
	return gaz_lookup(tg->kbuf, len);
}

/* "the Hang Seng index", "the Nobel prize": a name, but of a thing. */
static int
thing_after(struct tagger *tg, size_t b)
{
	static const char *w[] = { "index", "indices", "award", "prize",
	    "cup", "trophy", "treaty", "accord", "act", "doctrine",
	    "plan", "syndrome", "effect", "class" };
	const struct tok *p = entity_after(tg, b);
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
	const struct tok *p = entity_before(tg, a);

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
	len = entity_phrase_key(tg, a, b);
	return (gaz_lookup(tg->kbuf, len - 1) & GAZ_ANYPLACE) != 0;
}

/* Classify the segment [a, b) of a run. */
void
entity_classify(struct tagger *tg, size_t a, size_t b, int cue)
{
	size_t nseg = tg->nseg;

	classify_span(tg, a, b, cue);
	/* Names of things: not a person, not an organisation. */
	if (tg->nseg == nseg + 1 && tg->seg[nseg].b == b &&
	    thing_after(tg, b) && tg->seg[nseg].type != ENT_LOC)
		tg->seg[nseg].type = UNKNOWN;
	if (tg->nseg == nseg + 1 && tg->seg[nseg].type == ENT_PER && !cue &&
	    the_before(tg, tg->seg[nseg].a) && tg->seg[nseg].b -
	    tg->seg[nseg].a > 1 && (entity_after(tg, b) == NULL || (tg->t[b].f &
	    T_PUNCT))) {
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
	size_t			 common;	/* dictionary words */
	size_t			 groups;	/* peoples: "Iraqi", "Kurds" */
	size_t			 acronyms;	/* ALL-CAPS words */
	size_t			 inner_places;	/* places after the first */
	size_t			 geo;		/* "Lake", "River", "Airport" */
	size_t			 clubs;		/* "United", "Rovers", "F.C." */
	int			 has_org;	/* an org head, suffix, name */
	int			 places;	/* every word in a place name */
	int			 cue;		/* a title or "said" before */
};

/* "United" of "the United States": a word that opens a place's name
 * heads no organisation or club there. */
static int
starts_place(struct tagger *tg, size_t i, size_t b)
{
	return entity_longest(tg, i, b, GAZ_ANYPLACE, NULL) > i + 1;
}

/* The whole span is one segment of this type. */
static int
settle(struct tagger *tg, const struct span *sp, int type, int weak)
{
	entity_add_seg(tg, sp->a, sp->b, type, weak);
	return 1;
}

/* Two names joined by the word at i: each is classified alone. */
static int
split_at(struct tagger *tg, const struct span *sp, size_t i)
{
	entity_classify(tg, sp->a, i, sp->cue);
	entity_classify(tg, i + 1, sp->b, 0);
	return 1;
}

static void
span_measure(struct tagger *tg, struct span *sp)
{
	size_t i, a = sp->a, b = sp->b, n = sp->n;

	for (i = a; i < b; i++) {
		const struct tok *t = &tg->t[i];

		if (entity_is_particle(t))
			continue;
		/* "Bank of England", "Bank Julius Baer" (not opening a
		 * sentence: "Bank officials"). */
		if (entity_is_amp(t) || (i > a && (t->g & GAZ_ORGHEAD) &&
		    !starts_place(tg, i, b)) || (i == a && (t->g &
		    GAZ_ORGHEAD) && n > 1 &&
		    (entity_is_particle(&tg->t[a + 1]) || !(t->f & T_SENT))))
			sp->has_org = 1;
		if (!(t->g & (GAZ_LOWER | GAZ_CAP | GAZ_ANYPLACE)))
			sp->unknown++;
		if (entity_is_common(t))
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
		if ((t->f & T_CAP) && entity_longest(tg, i, b, GAZ_CLUB, NULL) >
		    i && !starts_place(tg, i, b))
			sp->clubs++;
	}
	if (n > 1 && (sp->tl->g & GAZ_ORGSUF))
		sp->has_org = 1;
	if (entity_longest(tg, a, b, GAZ_ORG, NULL) == b)
		sp->has_org = 1;
	sp->places = entity_all_places(tg, a, b);
}

/* "and" joins two names unless the whole is one known name ("Bosnia
 * and Herzegovina"; "Procter & Gamble" uses "&"). */
static int
step_split_and(struct tagger *tg, struct span *sp)
{
	size_t i;

	/* "Organisation for Security and Cooperation" */
	if (sp->has_org && sp->n > 2 && entity_is_particle(&tg->t[sp->a + 1]) &&
	    !entity_tok_is(&tg->t[sp->a + 1], "and"))
		return 0;
	for (i = sp->a + 1; i + 1 < sp->b; i++)
		if (tg->t[i].end - tg->t[i].start == 3 &&
		    memcmp(tg->t[i].s + tg->t[i].start, "and", 3) == 0 &&
		    entity_longest(tg, sp->a, sp->b, GAZ_ANYPLACE | GAZ_ORG,
		    NULL) !=
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
		if (entity_is_particle(&tg->t[i]) && is_joinword(&tg->t[i]) &&
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
	if ((sp->geo && sp->n > 1 && !sp->has_org) || (entity_after(tg, b) !=
	    NULL && (tg->t[b].g & GAZ_GEO) && (tg->t[b].f & T_WORD) &&
	    !(tg->t[b].f & T_CAP) && !sp->cue && (sp->unknown > 0 ||
	    sp->places) && !(sp->n == 1 && entity_demonym_ending(t0->s +
	    t0->start, t0->end - t0->start)) && (entity_before(tg, a) == NULL ||
	    !entity_is_particle(entity_before(tg, a)) ||
	    is_joinword(entity_before(tg, a)))))
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
	if (((sp->t0->g & GAZ_COMPASS) || compass_initial(sp->t0)) && sp->n >
	    1 && !sp->has_org && entity_all_places(tg, sp->a + 1, sp->b) &&
	    entity_longest(tg, sp->a + 1, sp->b, GAZ_ANYPLACE, NULL) == sp->b)
		return settle(tg, sp, ENT_LOC, 0);
	return 0;
}

/* "utility Fjordkraft Nett", "carrier Aeroflot" */
static int
step_org_cue(struct tagger *tg, struct span *sp)
{
	if (entity_org_cue_before(tg, sp->a) && !sp->places && sp->groups == 0)
		return settle(tg, sp, ENT_ORG, 0);
	return 0;
}

/* An organisation's head, suffix or name; "West Bank" is a place,
 * though "Bank" heads organisations. */
static int
step_org(struct tagger *tg, struct span *sp)
{
	if (sp->has_org && !(sp->places && entity_longest(tg, sp->a, sp->b,
	    GAZ_ANYPLACE, NULL) == sp->b && !(entity_longest_flags(tg, sp->a,
	    sp->b) & GAZ_ORG)))
		return settle(tg, sp, ENT_ORG, 0);
	return 0;
}

/* "Akron, Ohio", "CARLSBAD, California 1996-08-21": a region after a
 * town and a comma is the town's. */
static int
town_comma_before(struct tagger *tg, size_t a)
{
	const struct tok *p = entity_before(tg, a);

	return p != NULL && entity_tok_is(p, ",") && a >= 2 &&
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
	const struct tok *p = entity_before(tg, sp->a), *q = entity_after(tg,
	    sp->b);

	if (!tg->sport || q == NULL || !entity_tok_is(q, ":") || sp->n > 3 ||
	    sp->groups > 0 || sp->has_org || sp->clubs > 0)
		return 0;
	/* A known town alone, or any name after "At" */
	if ((p == NULL && sp->places) || (p != NULL && entity_tok_is(p, "At") &&
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
	if (!tg->sport || sp->clubs == 0 || sp->groups > 0 || (sp->t0->f &
	    T_INITIAL) || entity_venue_before(tg, sp->a))
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

	if (!tg->sport || sp->groups > 0 || entity_venue_before(tg, sp->a))
		return 0;
	e = entity_longest(tg, sp->a, sp->b, GAZ_ANYPLACE, &whole);
	if (e == sp->b && (whole & GAZ_REGION) && town_comma_before(tg, sp->a))
		return 0;
	if (e == sp->b && (whole & (GAZ_CITY | GAZ_REGION)) &&
	    !(whole & (GAZ_COUNTRY | GAZ_PLACE)))
		return settle(tg, sp, ENT_ORG,
		    !entity_is_score(entity_before(tg, sp->a)) &&
		    !entity_is_score(entity_after(tg, sp->b)));
	/* not "Marcio Santos": a family name that is a town's too */
	if (e != sp->b && sp->n > 1 && (tl->g & (GAZ_CITY | GAZ_REGION)) &&
	    !(tl->g & (GAZ_COUNTRY | GAZ_PLACE | GAZ_FIRST)) &&
	    !(sp->t0->f & T_INITIAL) && !(sp->t0->g & GAZ_FIRST) &&
	    !((tl->g & GAZ_SURNAME) && !(sp->t0->g & (GAZ_ANYPLACE |
	    GAZ_LOWER))))
		return settle(tg, sp, ENT_ORG, 0);
	/* "Houston Astros", "Chicago White Sox": a town and a plural */
	if (e > sp->a && e < sp->b && (whole & (GAZ_CITY | GAZ_REGION)) &&
	    !(whole & (GAZ_COUNTRY | GAZ_FIRST)) && !(tl->g & GAZ_FIRST) &&
	    (tl->s[tl->end - 1] == 's' ||
	    tl->s[tl->end - 1] == 'x') && !(tl->f & T_UPPER))
		return settle(tg, sp, ENT_ORG, 0);
	return 0;
}

/* A name the company cues marked (firm_cues). */
static int
step_firm(struct tagger *tg, struct span *sp)
{
	int k = entity_firm_known(tg, sp->a, sp->b);

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
	return entity_tok_is2(t->s + t->end - 2, "st") || entity_tok_is2(t->s
	    + t->end - 2,
	    "nd") || entity_tok_is2(t->s + t->end - 2, "rd") ||
	    entity_tok_is2(t->s +
	    t->end - 2, "th");
}

/* A scorecard's marks around a player: "c Cork b Croft", "lbw b Mullally",
 * "Cork c Moin Khan", "Zola 23rd", "(Scifo 35th)". */
static int
step_results_person(struct tagger *tg, struct span *sp)
{
	static const char *mark[] = { "c", "b", "lbw", "st" };
	const struct tok *p = entity_before(tg, sp->a), *q = entity_after(tg,
	    sp->b);
	size_t i;
	int hit = 0;

	if (!tg->sport || sp->n > 3 || sp->groups > 0 || sp->has_org ||
	    (sp->t0->f & T_UPPER))
		return 0;
	if (is_ordinal(q) || (q != NULL && entity_tok_is(q, "(") &&
	    is_ordinal(entity_after(tg, sp->b + 1))))
		hit = 1;
	for (i = 0; i < sizeof mark / sizeof mark[0] && !hit; i++)
		if ((p != NULL && entity_tok_is(p, mark[i])) || (q != NULL &&
		    entity_tok_is(q, mark[i]) && q != NULL && entity_after(tg,
		    sp->b + 1) != NULL && (tg->t[sp->b + 1].f & T_CAP)))
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
	if (tg->sport && !(entity_longest_flags(tg, a, b) & (GAZ_COUNTRY |
	    GAZ_PLACE)) && (entity_is_score(entity_before(tg, a)) ||
	    entity_is_score(entity_after(tg, b))))
		return settle(tg, sp, ENT_ORG, 0);
	for (i = a; i < b; i = e) {
		e = entity_longest(tg, i, b, GAZ_ANYPLACE, &g);
		/* A town, or a place that is also a given name ("Jordan"),
		 * stays weak: the memory may know it as a person's or a
		 * team's. */
		entity_add_seg(tg, i, e, ENT_LOC, e - i == 1 && (!(g &
		    (GAZ_COUNTRY | GAZ_PLACE)) || (g & GAZ_FIRST)));
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

		if (entity_is_particle(t))
			continue;
		if (!(t->f & T_CAP) || entity_is_common(t) || (t->g &
		    (GAZ_ANYPLACE | GAZ_ORGHEAD | GAZ_ORGSUF | GAZ_TITLE |
		    GAZ_NOTNAME | GAZ_GEO)))
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
	const struct tok *q = entity_after(tg, sp->b);

	if (sp->n != 1 || n > 5 || !town_comma_before(tg, sp->a) ||
	    (sp->t0->g & (GAZ_FIRST | GAZ_ORG)) || (q != NULL &&
	    (q->f & T_CAP)))
		return 0;
	/* "WA", "Vt.", "Pa ." */
	if (!((sp->t0->f & T_UPPER) && n <= 3) && sp->t0->s[sp->t0->end -
	    1] != '.' && !(q != NULL && entity_tok_is(q, ".")))
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
	    ((entity_is_common(sp->tl) && (sp->t0->g & GAZ_FIRST)) ||
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

	if (sp->n > 1 && (((tl->g & GAZ_CITY) && !(tl->g & (GAZ_FIRST |
	    GAZ_SURNAME)) && !(t0->g & GAZ_FIRST) &&
	    !(t0->f & T_INITIAL)) || demonym_of_place(tg, sp->a, sp->b)))
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
	    (t0->f & (T_UPPER | T_CAPSLINE)) || !entity_is_common(tl) ||
	    (tl->f & (T_UPPER | T_GROUP)) || (tl->g & (GAZ_ORGHEAD |
	    GAZ_ORGSUF | GAZ_GEO | GAZ_TITLE | GAZ_TMOD | GAZ_ROLE |
	    GAZ_NOTNAME | GAZ_FUNC | GAZ_COMPASS | GAZ_SAY)) || (n > 3 &&
	    tl->s[tl->end - 1] == 's' && (gaz_lookup(tl->s + tl->start, n - 1) &
	    GAZ_LOWER)))
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
	if (sp->unknown && !(t0->f & T_UPPER) && entity_person_cue_after(tg, b))
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
		entity_add_seg(tg, sp->a, sp->b, UNKNOWN, 1);
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

	while (a < b && (entity_is_particle(&tg->t[a]) ||
	    entity_is_amp(&tg->t[a])))
		a++;
	while (b > a && (entity_is_particle(&tg->t[b - 1]) ||
	    entity_is_amp(&tg->t[b - 1])))
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
