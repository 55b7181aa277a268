/*
 * html_byline: the byline and date as the page shows them near the top of
 * the story ("By Jane Doe", "Written by" above the names, a person's icon,
 * an author box's photo, "Dec 4, 2025 · 3 min read"), looked for in each
 * element as the first walk leaves it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <libxml/tree.h>

#include "clean.h"
#include "html.h"
#include "util.h"
#include "wire.h"

/*
 * The words around a byline's names. A lead opens a byline line ("By Jane
 * Doe", "Written by: Jane Doe"); a label stands alone on its line, the
 * names below it ("Author"); the others name no writer ("Edited by").
 */
enum label { LEAD, LABEL, NOT_AUTHOR };

static const struct {
	const char	*text;
	enum label	 kind;
} byline_labels[] = {
	{ "by", LEAD }, { "written by", LEAD }, { "posted by", LEAD },
	{ "text by", LEAD }, { "words by", LEAD }, { "story by", LEAD },
	{ "article by", LEAD }, { "reporting by", LEAD },
	{ "contributors", LEAD }, { "contributor", LEAD },
	{ "author", LABEL }, { "authors", LABEL }, { "author(s)", LABEL },
	{ "the author", LABEL }, { "edited by", NOT_AUTHOR },
	{ "staff", NOT_AUTHOR }, { "editor", NOT_AUTHOR },
};

#define NLABELS (sizeof byline_labels / sizeof byline_labels[0])

/* A lead, then a space, a colon or markup: "By", "Written by:". */
static int
by_word(const char *t)
{
	size_t i, n;

	for (i = 0; i < NLABELS; i++) {
		if (byline_labels[i].kind != LEAD)
			continue;
		n = strlen(byline_labels[i].text);
		if (strncasecmp(t, byline_labels[i].text, n) == 0 &&
		    (t[n] == ' ' || t[n] == '\t' || t[n] == '\r' ||
		    t[n] == '\n' || t[n] == ':' || t[n] == '\0' ||
		    ((unsigned char)t[n] == 0xC2 &&
		    (unsigned char)t[n + 1] == 0xA0)))
			return 1;
	}
	return 0;
}

/* The kind of a line that is a label alone ("Written by:", "Author"),
 * or -1. */
static int
label_kind(const char *t)
{
	size_t i, n = strlen(t);

	while (n > 0 && (t[n - 1] == ':' || t[n - 1] == ' '))
		n--;
	for (i = 0; i < NLABELS; i++)
		if (strlen(byline_labels[i].text) == n &&
		    strncasecmp(t, byline_labels[i].text, n) == 0)
			return (int)byline_labels[i].kind;
	return -1;
}

/* Whether c is a text node with more than spaces (and the characters
 * of extra) in it. */
static int
has_text(const xmlNode *c, const char *extra)
{
	const char *t;

	if (c->type != XML_TEXT_NODE || c->content == NULL)
		return 0;
	for (t = (const char *)c->content; *t != '\0'; t++)
		if (strchr(" \t\r\n", *t) == NULL && strchr(extra, *t) ==
		    NULL)
			return 1;
	return 0;
}

/* Whether the first text below n starts with "By ". */
static int
starts_by(const xmlNode *n)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->children) {
		while (c != NULL && c->type == XML_TEXT_NODE &&
		    !has_text(c, ""))
			c = c->next;
		if (c == NULL)
			return 0;
		if (c->type == XML_TEXT_NODE) {
			const char *t = (const char *)c->content;

			t += strspn(t, " \t\r\n");
			return by_word(t);
		}
	}
	return 0;
}

/* Whether one of words (lower case) stands in s as a whole word. */
static int
has_word(const char *s, const char *const *words)
{
	const char *w;
	size_t i, n;

	for (w = s; *w != '\0';) {
		w += strspn(w, " ,");
		n = strcspn(w, " ,");
		for (i = 0; words[i] != NULL; i++)
			if (strlen(words[i]) == n && strncasecmp(w, words[i],
			    n) == 0)
				return 1;
		w += n;
	}
	return 0;
}

static const char *const by_words[] = { "by", "by:", NULL };

/* Words of buttons and menus, never of a name. */
static const char *const ui_words[] = { "more", "profile", "subscribe",
	"view", "follow", "read", "share", "posts", "name", "login", "sign",
	"menu", "search", "home", "contact", "about", "log", "updated",
	"shop", "size", NULL };

/* Every word starts with a capital, "and" aside. */
static int
capitalised(const char *s)
{
	const char *w;
	size_t n;

	for (w = s; *w != '\0';) {
		w += strspn(w, " ,");
		n = strcspn(w, " ,");
		if (n > 0 && (unsigned char)*w < 0x80 && !isupper((unsigned
		    char)*w) && !(n == 3 && strncmp(w, "and", 3) == 0))
			return 0;
		w += n;
	}
	return 1;
}

/* "By Jane Doe | March 5" or "Jane Doe": the names, or NULL. */
static char *
byline_names(const char *text)
{
	char *b, *cut;

	/* "By: Jane Doe, Director of Operations - 10+ Years in ...": the
	 * names end at the first separator, however long the line. */
	if ((b = wire_parse_byline(text)) != NULL) {
		if (b[0] != '\0')
			return b;
		free(b);
		return NULL;
	}
	if (clean_count_words(text) > 14)
		return NULL;
	b = xstrdup(text);
	if ((cut = strchr(b, '|')) != NULL)
		*cut = '\0';
	/* A label without a name. */
	if (label_kind(b) >= 0) {
		free(b);
		return NULL;
	}
	while (strlen(b) > 0 && b[strlen(b) - 1] == ' ')
		b[strlen(b) - 1] = '\0';
	/* A name without "By" is not an avatar's initials ("CM"), a
	 * number or a button's words. */
	if (b[0] != '\0' && !(strlen(b) <= 3 && clean_count_words(b) == 1) &&
	    strspn(b, "0123456789") < strlen(b) && !has_word(b, ui_words) &&
	    wire_is_name_line(b))
		return b;
	free(b);
	/* The names then a date or a title: "Andrew Gerrand 4 August 2010",
	 * read as if it said "By". */
	if (has_word(text, by_words) || strchr(text, '@') != NULL ||
	    strchr(text, ':') != NULL)
		return NULL;
	b = xasprintf("By %s", text);
	cut = wire_parse_byline(b);
	free(b);
	if (cut != NULL && clean_count_words(cut) >= 2 &&
	    clean_count_words(cut) <= 6 && !has_word(cut, ui_words) &&
	    capitalised(cut))
		return cut;
	free(cut);
	return NULL;
}

/* What separates the parts of a short line: names, a date, a section. */
static const char *const line_seps[] = { " - ", " \xE2\x80\x93 ",
    " \xE2\x80\x94 ", " | ", " \xC2\xB7 ", " \xE2\x80\xA2 ",
    " \xE3\x83\xBB ", " \xE2\x97\x8F ", " on ", " by ", " By ", NULL };

/* The next part of a line from p: its length, and where the next starts. */
static size_t
next_part(const char *p, const char **next)
{
	const char *q = NULL, *h;
	size_t i, len = 0;

	for (i = 0; line_seps[i] != NULL; i++)
		if ((h = strstr(p, line_seps[i])) != NULL && (q == NULL ||
		    h < q)) {
			q = h;
			len = strlen(line_seps[i]);
		}
	*next = q != NULL ? q + len : NULL;
	return q != NULL ? (size_t)(q - p) : strlen(p);
}

/* Names of two words at least, or NULL (b is freed): a lone word beside
 * a date or in a box is more often a section's than a writer's. */
static char *
two_names(char *b)
{
	if (b != NULL && clean_count_words(b) < 2) {
		free(b);
		return NULL;
	}
	return b;
}

/* "Dec. 19, 2025 · Niko Matsakis": the names beside a line's date. */
static char *
names_beside(const char *line, const char *date)
{
	const char *p, *next;
	char *part, *b;
	size_t n;

	/* The whole line is the date: "Posted on March 20 by Jane Doe"
	 * still has names, "March 20 | Breaking News" none. */
	if (strcmp(line, date) == 0 && strstr(line, " by ") == NULL &&
	    strstr(line, " By ") == NULL)
		return NULL;
	for (p = line; p != NULL; p = next) {
		n = next_part(p, &next);
		/* "03/01/2017 by Jane Doe, Candidate Representative" */
		if (p - line >= 4 && strncasecmp(p - 4, " by ", 4) == 0) {
			part = xasprintf("By %.*s", (int)n, p);
			if ((b = wire_parse_byline(part)) != NULL &&
			    b[0] == '\0') {
				free(b);
				b = NULL;
			}
		} else {
			part = xstrndup(p, n);
			b = strcmp(part, date) != 0 ? byline_names(part) :
			    NULL;
		}
		free(part);
		if ((b = two_names(b)) != NULL)
			return b;
	}
	return NULL;
}

/*
 * The date in a short line: the whole line, or one of its parts between
 * separators ("By Jane Doe - Mar 27, 2024", "Dec 4, 2025 · 3 min read",
 * "by Jane Doe on Dec 16, 2025"). Takes text; returns the part or NULL.
 */
static char *
date_part(char *text, time_t *t)
{
	const char *p, *next;
	char *part;

	if (wire_is_time_line(text, t))
		return text;
	for (p = text; p != NULL; p = next) {
		part = xstrndup(p, next_part(p, &next));
		if (part[0] != '\0' && wire_is_time_line(part, t)) {
			free(text);
			return part;
		}
		free(part);
	}
	/* A date at the end without a separator: "Jane Doe 4 August 2010". */
	for (p = strchr(text, ' '); p != NULL; p = strchr(p + 1, ' '))
		if (wire_is_time_line(p + 1, t)) {
			part = xstrdup(p + 1);
			free(text);
			return part;
		}
	free(text);
	return NULL;
}

/* Whether n stands in a comment thread or among testimonials: their
 * writers are no byline. */
static int
in_comments(const xmlNode *n)
{
	const struct info *in;

	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
		if ((in = html_info(n)) != NULL && in->cls != NULL &&
		    (strstr(in->cls, "comment") != NULL ||
		    strstr(in->cls, "reply") != NULL ||
		    strstr(in->cls, "testimonial") != NULL))
			return 1;
	return 0;
}

/* The text below n, spaces squeezed, into a small buffer; 0 if it does
 * not fit. */
static int
small_text_at(const xmlNode *n, char *buf, size_t size, size_t *len,
    int depth)
{
	const xmlNode *c;
	const char *t;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if (depth > 8 || !small_text_at(c, buf, size, len,
			    depth + 1))
				return 0;
			continue;
		}
		if (c->type != XML_TEXT_NODE || c->content == NULL)
			continue;
		for (t = (const char *)c->content; *t != '\0'; t++) {
			int sp = *t == ' ' || *t == '\t' || *t == '\n' ||
			    *t == '\r';

			if (sp && (*len == 0 || buf[*len - 1] == ' '))
				continue;
			if (*len + 1 >= size)
				return 0;
			buf[(*len)++] = sp ? ' ' : *t;
		}
	}
	return 1;
}

static int
small_text(const xmlNode *n, char *buf, size_t size)
{
	size_t len = 0;

	if (!small_text_at(n, buf, size, &len, 0))
		return 0;
	while (len > 0 && buf[len - 1] == ' ')
		len--;
	buf[len] = '\0';
	return 1;
}

/* Whether the text below n has a digit: no date without one. */
static int
has_digit(const xmlNode *n, int depth)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL &&
		    strpbrk((const char *)c->content, "0123456789") != NULL)
			return 1;
		if (c->type == XML_ELEMENT_NODE && depth < 8 &&
		    has_digit(c, depth + 1))
			return 1;
	}
	return 0;
}

/* An icon of a person: an element without text whose class, or its
 * child's, says so. */
static int
person_icon(const xmlNode *n, int depth)
{
	const struct info *in = html_info(n);
	const xmlNode *c;

	if (in == NULL || in->chars > 0 || depth > 2)
		return 0;
	if (in->person)
		return 1;
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && person_icon(c, depth + 1))
			return 1;
	return 0;
}

/* The first element below n, when no text comes before it. */
static const xmlNode *
first_element(const xmlNode *n)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE)
			return c;
		if (has_text(c, ""))
			return NULL;
	}
	return NULL;
}

/* A byline in one of the parts of an author box: its name apart from
 * its date or its photo's caption. */
static char *
part_byline(const xmlNode *n)
{
	const xmlNode *c;
	const struct info *in;
	char *text, *b;

	/* Only when all its text stands in parts of its own. */
	for (c = n->children; c != NULL; c = c->next)
		if (has_text(c, ""))
			return NULL;
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    (in = html_info(c)) != NULL && in->chars > 0 &&
		    in->chars < 80) {
			text = html_node_words(c);
			/* Not the section beside it ("Guides"). */
			b = two_names(byline_names(text));
			free(text);
			if (b != NULL)
				return b;
		}
	return NULL;
}

/* The writer's photo in an author box: <img alt="Jane Doe">. */
static char *
photo_byline(const xmlNode *n, int depth)
{
	const xmlNode *c;
	char *alt, *b;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (html_tag_is(c, "img")) {
			static const char *const leads[] = { "Picture of ",
			    "Photo of ", "Headshot of ", "Image of ",
			    "Avatar of ", NULL };
			const char *name;
			size_t i, len;

			if ((alt = html_attr(c, "alt")) == NULL)
				continue;
			for (name = alt, i = 0; leads[i] != NULL; i++)
				if (strncasecmp(alt, leads[i],
				    strlen(leads[i])) == 0)
					name = alt + strlen(leads[i]);
			/* "Jane Doe avatar" */
			len = strlen(name);
			if (len > 7 && strcasecmp(name + len - 7, " avatar") ==
			    0)
				len -= 7;
			b = xstrndup(name, len);
			free(alt);
			if (clean_count_words(b) >= 2 &&
			    clean_count_words(b) <= 6 && wire_is_name_line(b) &&
			    !has_word(b, ui_words))
				return b;
			free(b);
		} else if (depth < 3 && (b = photo_byline(c, depth + 1)) !=
		    NULL)
			return b;
	}
	return NULL;
}

/* Whether n is one line of text: no blocks below it but an <address>
 * ("Written by <address>Jane Doe</address>"). */
static int
one_line(const xmlNode *n)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && html_is_block(c) &&
		    !html_tag_is(c, "address"))
			return 0;
	return 1;
}

/* Keep the candidate that stands first in the page. */
static void
scan_keep(char **slot, long *slotpos, char *value, long pos)
{
	if (value == NULL)
		return;
	if (*slot != NULL && *slotpos <= pos) {
		free(value);
		return;
	}
	free(*slot);
	*slot = value;
	*slotpos = pos;
}

/* Whether all the text below n stands in links to tags or sections
 * ("Lifestyle", "Wedding Checklists"): no names. */
static int
only_tags(const xmlNode *n, int depth)
{
	const struct info *in = html_info(n);
	const xmlNode *c;

	if (in != NULL && in->tag)
		return 1;
	if (depth > 6)
		return 0;
	for (c = n->children; c != NULL; c = c->next) {
		if (has_text(c, ","))
			return 0;
		if (c->type == XML_ELEMENT_NODE && html_info(c) != NULL &&
		    html_info(c)->chars > 0 && !only_tags(c, depth + 1))
			return 0;
	}
	return 1;
}

/* A byline found at n, unless n holds only tags. */
static void
keep_byline(struct scan *sc, int after, char *names, const xmlNode *n,
    long pos)
{
	if (names != NULL && html_info(n)->chars > 0 && only_tags(n, 0)) {
		free(names);
		return;
	}
	if (names != NULL)
		sc->lastby = pos;
	scan_keep(&sc->byline[after], &sc->bypos[after], names, pos);
}

/* Elements that hold a byline line. */
static const char *const byline_tags[] = { "p", "div", "span", "li",
	"address", "h3", "h4", "h5", "h6", NULL };

/* An element as the walk leaves it (its text is counted by then). */
void
html_scan_element(struct html *h, xmlNodePtr c, long pos)
{
	struct scan *sc = h->scan;
	struct info *in = html_info(c);
	int after = sc->h1 >= 0 && pos >= sc->h1, near;
	char *text;
	time_t t;

	if (in == NULL)
		return;
	if (in->author && in->chars < 200 && !in_comments(c)) {
		char *b;

		text = html_node_words(c);
		if ((b = byline_names(text)) == NULL)
			b = part_byline(c);
		if (b == NULL && text[0] == '\0')
			b = photo_byline(c, 0);
		keep_byline(sc, after, b, c, pos);
		free(text);
	}
	/* A person's icon, then the names. */
	else if (in->chars > 0 && in->chars < 80 &&
	    html_tag_in(c, byline_tags) && !html_has_block_child(c) &&
	    first_element(c) != NULL &&
	    person_icon(first_element(c), 0) && !in_comments(c)) {
		text = html_node_words(c);
		keep_byline(sc, after, byline_names(text), c, pos);
		free(text);
	}
	near = sc->lastby > 0 && pos > sc->lastby && pos <= sc->lastby + 4;
	if ((html_tag_is(c, "time") || in->date) && in->chars < 200) {
		text = html_node_text(c);
		if (clean_count_words(text) <= 16 &&
		    wire_is_time_line(text, &t)) {
			if (near && sc->bydate == NULL)
				sc->bydate = xstrdup(text);
			scan_keep(&sc->date[after], &sc->datepos[after], text,
			    pos);
		} else {
			free(text);
			if (html_tag_is(c, "time") && (text = html_attr(c,
			    "datetime")) != NULL) {
				if (wire_parse_time(text, &t) >= 0)
					scan_keep(&sc->date[after],
					    &sc->datepos[after], text, pos);
				else
					free(text);
			}
		}
	}
	/* A date on a line of its own near the headline: "Published on
	 * July 18, 2025", "By Jane Doe - Mar 27, 2024" (a comment's date far
	 * below is not the story's). */
	if (in->chars > 0 && in->chars < (sc->h1 < 0 && !near ? 40u : 120u) &&
	    (sc->h1 < 0 || pos <= sc->h1 + 60 || near) &&
	    !html_tag_is(c, "time") && has_digit(c, 0) &&
	    !html_has_block_child(c)) {
		char *line = html_node_words(c);

		text = clean_count_words(line) <= 16 ?
		    date_part(xstrdup(line), &t) : NULL;
		if (text != NULL) {
			if (near && sc->bydate == NULL)
				sc->bydate = xstrdup(text);
			if (clean_count_words(line) <= 12)
				keep_byline(sc, after, names_beside(line,
				    text), c, pos);
			if (!after && pos > sc->shownpos[0]) {
				free(sc->shown[0]);
				sc->shown[0] = text;
				sc->shownpos[0] = pos;
				text = NULL;
			} else if (after) {
				scan_keep(&sc->shown[1], &sc->shownpos[1],
				    text, pos);
				text = NULL;
			}
		}
		free(text);
		free(line);
	}
	/* "Written by" alone, the names in the next element. */
	if (in->chars > 0 && in->chars <= 16) {
		char small[40];
		int k;

		if (small_text(c, small, sizeof small) &&
		    (k = label_kind(small)) >= 0) {
			/* Names after "Edited by" are not the writer's. */
			sc->label = k == NOT_AUTHOR ? 0 : sc->pos;
			return;
		}
	}
	if (sc->label > 0 && pos > sc->label && pos <= sc->label + 3 &&
	    in->chars > 0 && in->chars < 80 && !html_has_block_child(c)) {
		text = html_node_words(c);
		keep_byline(sc, after, byline_names(text), c, pos);
		sc->label = 0;
		free(text);
	}
	/* A short line saying "By ..." with no markup. */
	if (in->chars > 0 && in->chars < 80 && html_tag_in(c, byline_tags) &&
	    starts_by(c) && one_line(c)) {
		text = html_node_words(c);
		keep_byline(sc, after, byline_names(text), c, pos);
		free(text);
	}
}

void
html_scan_clear(struct scan *sc)
{
	int i;

	for (i = 0; i < 2; i++) {
		free(sc->byline[i]);
		free(sc->date[i]);
		free(sc->shown[i]);
	}
	free(sc->bydate);
	memset(sc, 0, sizeof *sc);
	sc->h1 = -1;
}

