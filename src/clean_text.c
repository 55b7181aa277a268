/*
 * clean_text: a saved plain-text page to a story. The page is cut into
 * lines ("units"), each given a class from its shape and vocabulary; the
 * story body is the run of units with the best score (long sentences
 * count for, furniture against); the header before it gives the headline,
 * byline and time; the footer after it is dropped.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clean.h"
#include "story.h"
#include "text.h"
#include "util.h"
#include "wire.h"

enum unit_class {
	U_TEXT,		/* a sentence or more */
	U_SHORT,	/* a short line that is not a sentence */
	U_BOILER,	/* site furniture; reason set */
	U_BYLINE,
	U_TIME,
	U_CREDITS,
	U_ITEM,		/* a list item */
};

struct unit {
	char		*text;
	int		 words;
	int		 sentence;
	int		 gap;		/* a blank line before it */
	enum unit_class	 cls;
	const char	*reason;
	int		 ender;
	int		 dateline;
	char		*byline;	/* for U_BYLINE */
	time_t		 when;		/* for U_TIME */
	int		 used;		/* taken into the story's fields */
};

struct page {
	struct unit	*units;
	size_t		 n;
	size_t		 cap;
};

static void
page_add(struct page *pg, const char *s, size_t len, int gap)
{
	struct unit *u;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	if (len == 0)
		return;
	if (pg->n == pg->cap) {
		pg->cap = pg->cap ? pg->cap * 2 : 64;
		pg->units = xreallocarray(pg->units, pg->cap, sizeof *pg->units);
	}
	u = &pg->units[pg->n++];
	memset(u, 0, sizeof *u);
	u->text = text_sanitize(s, len, TEXT_ONELINE | TEXT_SQUEEZE);
	u->gap = gap;
	if (u->text[0] == '\0')
		pg->n--, free(u->text);
}

static int
is_bullet(const char *s)
{
	if ((s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return 2;
	if (strncmp(s, "\xE2\x80\xA2 ", 4) == 0)	/* • */
		return 4;
	if (strncmp(s, "\xE2\x80\x93 ", 4) == 0)	/* – */
		return 4;
	if (strncmp(s, "\xE2\x96\xAA ", 4) == 0)	/* ▪ */
		return 4;
	return 0;
}

/*
 * A file hard-wrapped at a fixed width (a story pasted from an e-mail
 * feed) has most lines ending near the same column; its paragraphs are
 * the blank-line separated blocks.
 */
static int
hard_wrapped(const char *s, size_t n)
{
	size_t i, start = 0, lines = 0, band = 0, follow = 0;

	for (i = 0; i <= n; i++) {
		if (i < n && s[i] != '\n')
			continue;
		if (i > start) {
			size_t w = text_width(s + start, i - start);

			lines++;
			if (w >= 55 && w <= 80) {
				band++;
				/* ...and is followed by a non-blank line. */
				if (i + 1 < n && s[i + 1] != '\n')
					follow++;
			}
		}
		start = i + 1;
	}
	return lines >= 6 && follow * 3 >= lines && band * 2 >= lines;
}

static void
split_units(const char *s, size_t n, struct page *pg)
{
	struct buf para = { 0 };
	size_t i, start = 0;
	int wrapped = hard_wrapped(s, n), gap = 1, prevlong = 0;

	for (i = 0; i <= n; i++) {
		const char *line;
		size_t len;

		if (i < n && s[i] != '\n')
			continue;
		line = s + start;
		len = i - start;
		start = i + 1;
		while (len > 0 && (line[len - 1] == ' ' || line[len - 1] ==
		    '\t'))
			len--;
		while (len > 0 && (*line == ' ' || *line == '\t')) {
			line++;
			len--;
		}
		if (len == 0) {
			if (para.len > 0)
				page_add(pg, para.data, para.len, gap);
			para.len = 0;
			gap = 1;
			prevlong = 0;
			continue;
		}
		if (wrapped && para.len > 0 && prevlong && !is_bullet(line)) {
			buf_addc(&para, ' ');
			buf_add(&para, line, len);
		} else {
			if (para.len > 0) {
				page_add(pg, para.data, para.len, gap);
				gap = 0;
			}
			para.len = 0;
			buf_add(&para, line, len);
		}
		prevlong = text_width(line, len) >= 50;
	}
	if (para.len > 0)
		page_add(pg, para.data, para.len, gap);
	buf_free(&para);
}

static void
classify(struct unit *u)
{
	struct wire_dateline d;
	char *c;

	u->words = clean_count_words(u->text);
	u->sentence = clean_is_sentence(u->text, u->words);
	if (wire_parse_dateline(u->text, &d)) {
		/* A dateline only opens a paragraph with a sentence after it. */
		u->dateline = clean_count_words(u->text + d.length) >= 5;
		wire_dateline_clear(&d);
	}
	if ((c = wire_parse_credits(u->text)) != NULL) {
		free(c);
		u->cls = U_CREDITS;
		return;
	}
	if (!u->dateline && (u->reason = clean_boilerplate(u->text, u->words,
	    u->sentence, &u->ender)) != NULL) {
		u->cls = U_BOILER;
		return;
	}
	if ((u->byline = wire_parse_byline(u->text)) != NULL) {
		u->cls = U_BYLINE;
		return;
	}
	if (!u->sentence && wire_is_time_line(u->text, &u->when)) {
		u->cls = U_TIME;
		return;
	}
	if (is_bullet(u->text)) {
		u->cls = U_ITEM;
		return;
	}
	if (u->sentence || u->words >= 20 || u->dateline)
		u->cls = U_TEXT;
	else
		u->cls = U_SHORT;
}

static long
unit_score(const struct unit *u)
{
	switch (u->cls) {
	case U_TEXT:
		return u->words + (u->dateline ? 30 : 0) -
		    (u->words < 4 ? 2 : 0);
	case U_ITEM:
		return u->sentence || u->words >= 8 ? u->words / 2 : -1;
	case U_SHORT:
		return -2;
	case U_BOILER:
		return u->ender ? -40 : -6;
	case U_BYLINE:
	case U_TIME:
		return -6;
	case U_CREDITS:
		return 5;
	}
	return 0;
}

/* The run of units with the highest total score (Kadane). */
static void
best_run(const struct page *pg, size_t *first, size_t *last)
{
	long best = 0, cur = 0;
	size_t i, start = 0;

	*first = 0;
	*last = 0;
	best = -1;
	for (i = 0; i < pg->n; i++) {
		long s = unit_score(&pg->units[i]);

		if (cur <= 0) {
			cur = s;
			start = i;
		} else
			cur += s;
		if (cur > best) {
			best = cur;
			*first = start;
			*last = i + 1;
		}
	}
	if (best <= 0)
		*first = *last = 0;
}

/* "Title | Site Name" or "Title - Site": the title alone, if the rest
 * is short. Returns a new string or NULL. */
static char *
strip_site_suffix(const char *s, int prefix)
{
	static const char *seps[] = { " | ", " - ", " \xE2\x80\x93 ",
	    " \xE2\x80\x94 ", " :: ", " \xC2\xB7 " };
	const char *cut = NULL, *p;
	size_t i, seplen = 0;
	char *head;

	for (i = 0; i < sizeof seps / sizeof seps[0]; i++)
		for (p = s; (p = strstr(p, seps[i])) != NULL; p++)
			if (cut == NULL || (prefix ? p < cut : p > cut)) {
				cut = p;
				seplen = strlen(seps[i]);
			}
	if (cut == NULL)
		return NULL;
	if (prefix) {
		/* "Site :: Title" */
		head = xstrndup(s, (size_t)(cut - s));
		if (clean_count_words(head) > 6 ||
		    clean_count_words(cut + seplen) < 3) {
			free(head);
			return NULL;
		}
		free(head);
		return xstrdup(cut + seplen);
	}
	if (clean_count_words(cut) > 6)
		return NULL;
	return xstrndup(s, (size_t)(cut - s));
}

static int
same_text(const char *a, const char *b)
{
	char *fa = wire_fingerprint(a), *fb = wire_fingerprint(b);
	int same = fa[0] != '\0' && strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	return same;
}

/* The ways a header line may carry the title: whole, "Title | Site",
 * "Site :: Title"; as fingerprints (NULL where there is none). */
struct title_forms {
	char	*form[3];
};

static void
title_forms(const char *s, struct title_forms *tf)
{
	char *t;
	int k;

	tf->form[0] = wire_fingerprint(s);
	for (k = 0; k < 2; k++) {
		t = strip_site_suffix(s, k);
		tf->form[k + 1] = t != NULL ? wire_fingerprint(t) : NULL;
		free(t);
	}
}

static int
forms_meet(const struct title_forms *a, const struct title_forms *b)
{
	int i, j;

	for (i = 0; i < 3; i++)
		for (j = 0; j < 3; j++)
			if (a->form[i] != NULL && b->form[j] != NULL &&
			    a->form[i][0] != '\0' &&
			    strcmp(a->form[i], b->form[j]) == 0)
				return 1;
	return 0;
}

/* Choose the headline among the header units [0, end). Only the last
 * stretch of a long header is considered; menus come first. */
static long
pick_headline(struct page *pg, size_t end, char **title)
{
	struct title_forms *tf;
	long best = -1, bestscore = -1000;
	size_t i, j, from = end > 80 ? end - 80 : 0;
	int k;

	*title = NULL;
	tf = xcalloc(end - from + 1, sizeof *tf);
	for (i = from; i < end; i++)
		if (pg->units[i].words <= 40)
			title_forms(pg->units[i].text, &tf[i - from]);
	for (i = from; i < end; i++) {
		struct unit *u = &pg->units[i];
		long score = 0;

		if (u->used || (u->cls != U_SHORT && u->cls != U_TEXT) ||
		    u->words > 30 || u->words < 2)
			continue;
		if (u->words >= 4 && u->words <= 25)
			score += 3;
		if (u->words <= 3)
			score -= 3;
		if (u->cls == U_TEXT && u->text[strlen(u->text) - 1] == '.')
			score -= 3;
		score += (u->words > 15 ? 15 : u->words) / 5;
		/* Near the byline or the time. */
		for (j = i > 3 ? i - 3 : 0; j < end && j <= i + 3; j++)
			if (j != i && (pg->units[j].cls == U_BYLINE ||
			    pg->units[j].cls == U_TIME)) {
				score += 2;
				break;
			}
		if (end - i <= 8)
			score += 1;
		/* The title repeated: page title and heading. */
		for (j = from; j < end; j++)
			if (j != i && tf[j - from].form[0] != NULL &&
			    forms_meet(&tf[i - from], &tf[j - from])) {
				score += 3;
				break;
			}
		/* Between equals, the line without a site name. */
		if (tf[i - from].form[1] == NULL &&
		    tf[i - from].form[2] == NULL)
			score += 1;
		if (score > bestscore) {
			char *t = strip_site_suffix(u->text, 0);

			bestscore = score;
			best = (long)i;
			free(*title);
			*title = t != NULL ? t : xstrdup(u->text);
		}
	}
	for (i = 0; i < end - from; i++)
		for (k = 0; k < 3; k++)
			free(tf[i].form[k]);
	free(tf);
	if (best >= 0 && bestscore < 0) {
		free(*title);
		*title = NULL;
		return -1;
	}
	return best;
}

static void
take_byline(struct story *st, struct page *pg, size_t i, size_t end)
{
	struct unit *u = &pg->units[i];

	if (st->byline != NULL)
		return;
	if (u->byline[0] != '\0') {
		story_set(&st->byline, u->byline);
		u->used = 1;
	} else if (i + 1 < end && wire_is_name_line(pg->units[i + 1].text)) {
		/* "By:" on its own line, the name on the next. */
		char *line = xasprintf("By %s", pg->units[i + 1].text);
		char *b = wire_parse_byline(line);

		u->used = 1;
		pg->units[i + 1].used = 1;
		story_set(&st->byline, b != NULL ? b : pg->units[i + 1].text);
		free(line);
		free(b);
	}
}

static void
take_time(struct story *st, struct unit *u)
{
	if (st->has_published)
		return;
	st->published = u->when;
	st->has_published = 1;
	story_set(&st->published_text, u->text);
	u->used = 1;
}

static enum story_kind
body_kind(const struct unit *u, const struct unit *next)
{
	if (u->cls == U_ITEM)
		return KIND_ITEM;
	if (u->text[0] == '>' && u->text[1] == ' ')
		return KIND_QUOTE;
	if (u->cls == U_SHORT && u->words <= 14 && next != NULL &&
	    next->cls == U_TEXT)
		return KIND_HEADING;
	return KIND_P;
}

void
clean_text(const char *s, size_t len, struct story *st)
{
	struct page pg = { 0 };
	size_t i, first, last, credits_at;
	const char *run = NULL;
	char *title = NULL;
	long head;

	split_units(s, len, &pg);
	for (i = 0; i < pg.n; i++)
		classify(&pg.units[i]);
	/* A line right above a picture credit is that picture's caption. */
	for (i = 0; i + 1 < pg.n; i++) {
		struct unit *u = &pg.units[i], *next = &pg.units[i + 1];

		if (next->cls == U_BOILER && strcmp(next->reason, "caption")
		    == 0 && !next->gap && !u->dateline && u->words <= 40 &&
		    (u->cls == U_TEXT || u->cls == U_SHORT)) {
			u->cls = U_BOILER;
			u->reason = "caption";
		}
	}
	best_run(&pg, &first, &last);

	/* The credits line ends the story: what follows is the footer. */
	for (credits_at = first; credits_at < last; credits_at++)
		if (pg.units[credits_at].cls == U_CREDITS &&
		    credits_at > first + (last - first) / 2)
			break;
	if (credits_at < last)
		last = credits_at + 1;
	/* An AP credits sentence right after the body belongs to it. */
	while (last < pg.n && pg.units[last].cls == U_CREDITS)
		last++;

	/* Header: byline, time, headline. */
	for (i = 0; i < first; i++) {
		if (pg.units[i].cls == U_BYLINE)
			take_byline(st, &pg, i, first);
		else if (pg.units[i].cls == U_TIME)
			take_time(st, &pg.units[i]);
	}
	head = pick_headline(&pg, first, &title);
	if (head >= 0) {
		story_set(&st->headline, title);
		pg.units[head].used = 1;
		/* Other copies of the title are not clutter worth a line. */
		for (i = 0; i < first; i++)
			if (!pg.units[i].used && (same_text(pg.units[i].text,
			    title) || (i == 0 && strstr(pg.units[i].text,
			    title) == pg.units[i].text)))
				pg.units[i].used = 1;
	}
	free(title);
	for (i = 0; i < first; i++) {
		struct unit *u = &pg.units[i];

		if (u->used)
			continue;
		story_add_removed(st, u->reason != NULL ? u->reason :
		    u->cls == U_SHORT && u->words <= 4 ? "navigation" :
		    u->cls == U_BYLINE ? "byline" : u->cls == U_TIME ? "time" :
		    "header", u->text);
	}

	/* Body. */
	for (i = first; i < last; i++) {
		struct unit *u = &pg.units[i];
		const struct unit *next = i + 1 < last ? &pg.units[i + 1] :
		    NULL;

		/* A list of other stories runs to the next real paragraph. */
		if (run != NULL) {
			if ((u->cls == U_TEXT && (u->words >= 15 ||
			    (u->gap && u->words >= 8))) || u->cls == U_CREDITS)
				run = NULL;
			else {
				story_add_removed(st, run, u->text);
				continue;
			}
		}
		switch (u->cls) {
		case U_BOILER:
			story_add_removed(st, u->reason, u->text);
			if (u->ender)
				run = u->reason;
			continue;
		case U_BYLINE:
			if (st->byline == NULL)
				take_byline(st, &pg, i, last);
			if (!u->used)
				story_add_removed(st, "byline", u->text);
			continue;
		case U_TIME:
			if (!st->has_published)
				take_time(st, u);
			else
				story_add_removed(st, "time", u->text);
			continue;
		default:
			break;
		}
		if (u->used)
			continue;
		if (st->headline[0] == '\0' && i == first && u->cls ==
		    U_SHORT) {
			story_set(&st->headline, u->text);
			continue;
		}
		if (u->cls == U_ITEM)
			story_add_paragraph(st, u->text + is_bullet(u->text),
			    KIND_ITEM);
		else if (body_kind(u, next) == KIND_QUOTE)
			story_add_paragraph(st, u->text + 2, KIND_QUOTE);
		else
			story_add_paragraph(st, u->text, body_kind(u, next));
	}

	/* Footer. */
	for (i = last; i < pg.n; i++) {
		struct unit *u = &pg.units[i];

		if (u->cls == U_CREDITS && st->npara > 0) {
			story_add_paragraph(st, u->text, KIND_P);
			continue;
		}
		story_add_removed(st, u->reason != NULL ? u->reason : "footer",
		    u->text);
	}

	for (i = 0; i < pg.n; i++) {
		free(pg.units[i].text);
		free(pg.units[i].byline);
	}
	free(pg.units);
	wire_finish(st);
}
