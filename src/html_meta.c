/*
 * html_meta: what the page states about itself (JSON-LD, Open Graph,
 * <meta>, <title>, the first <time> and <h1>), and the choice of the
 * story's headline, byline and time between that and what the page shows.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "clean.h"
#include "html.h"
#include "json.h"
#include "story.h"
#include "text.h"
#include "util.h"
#include "wire.h"

/*
 * Character references left in metadata ("&amp;", "&#038;", "&#39;",
 * "&rsquo;"): sites escape their JSON-LD and <meta> text twice. Returns a
 * new string.
 */
static char *
decode_refs(const char *s)
{
	struct buf b = { 0 };
	char enc[4], name[32];
	const htmlEntityDesc *e;
	unsigned long v;
	size_t k;

	while (*s != '\0') {
		const char *amp = strchr(s, '&'), *semi;

		if (amp == NULL) {
			buf_adds(&b, s);
			break;
		}
		buf_add(&b, s, (size_t)(amp - s));
		s = amp + 1;
		semi = strchr(s, ';');
		if (semi == NULL || semi - s > 30 || semi == s) {
			buf_addc(&b, '&');
			continue;
		}
		k = (size_t)(semi - s);
		if (s[0] == '#') {
			char *end;

			v = s[1] == 'x' || s[1] == 'X' ? strtoul(s + 2, &end,
			    16) : strtoul(s + 1, &end, 10);
			if (end != semi || v == 0 || v > 0x10FFFF) {
				buf_addc(&b, '&');
				continue;
			}
			buf_add(&b, enc, text_utf8_put((uint32_t)v, enc));
		} else {
			memcpy(name, s, k);
			name[k] = '\0';
			if ((e = htmlEntityLookup((const xmlChar *)name)) ==
			    NULL) {
				buf_addc(&b, '&');
				continue;
			}
			buf_add(&b, enc, text_utf8_put(e->value, enc));
		}
		s = semi + 1;
	}
	return buf_detach(&b);
}

static void
set_once(char **field, const char *value)
{
	char *clean, *plain;

	if (*field != NULL || value == NULL)
		return;
	plain = strchr(value, '&') != NULL ? decode_refs(value) : NULL;
	if (plain != NULL)
		value = plain;
	clean = text_sanitize(value, strlen(value), TEXT_ONELINE |
	    TEXT_SQUEEZE);
	free(plain);
	if (clean[0] == '\0') {
		free(clean);
		return;
	}
	*field = clean;
}

static int
is_article_type(const struct json *t)
{
	static const char *const types[] = { "NewsArticle", "Article",
	    "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
	    "OpinionNewsArticle", "LiveBlogPosting", "BackgroundNewsArticle",
	    "ReviewNewsArticle", "TechArticle", "Report", "SocialMediaPosting",
	    "ScholarlyArticle", "AskPublicNewsArticle", "SatiricalArticle",
	    "PressRelease", NULL };
	size_t i;
	int k;

	if (t == NULL)
		return 0;
	if (t->type == JSON_ARRAY) {
		for (i = 0; i < t->n; i++)
			if (is_article_type(t->items[i]))
				return 1;
		return 0;
	}
	if (t->type != JSON_STRING)
		return 0;
	for (k = 0; types[k] != NULL; k++)
		if (strcmp(t->str, types[k]) == 0 ||
		    (strncmp(t->str, "http", 4) == 0 &&
		    strstr(t->str, types[k]) != NULL))
			return 1;
	return 0;
}

/* Whether a value given as the writer's name can be one: not a link, a
 * number (a social network's id) or a template's placeholder. */
static int
plausible_author(const char *s)
{
	static const char *const placeholders[] = { "name", "author",
	    "admin", "administrator", "user", "unknown", "null", "none",
	    "undefined", NULL };
	size_t i;

	s += strspn(s, " ");
	if (s[0] == '\0' || strncmp(s, "http", 4) == 0 ||
	    s[strspn(s, "0123456789 -_.,")] == '\0')
		return 0;
	for (i = 0; placeholders[i] != NULL; i++)
		if (strcasecmp(s, placeholders[i]) == 0)
			return 0;
	return 1;
}

/* "author": "A", {"name": "A"}, or a list of those. */
static void
json_authors(const struct json *a, struct buf *out)
{
	size_t i;
	const char *name = NULL;

	if (a == NULL)
		return;
	if (a->type == JSON_ARRAY) {
		for (i = 0; i < a->n && i < 6; i++)
			json_authors(a->items[i], out);
		return;
	}
	if (a->type == JSON_STRING)
		name = a->str;
	else if (a->type == JSON_OBJECT)
		name = json_get_str(a, "name");
	if (name == NULL || !plausible_author(name))
		return;
	if (out->len > 0)
		buf_adds(out, ", ");
	buf_adds(out, name);
}

/* A web page's own JSON-LD: its date stands in for a missing article's. */
static int
is_page_type(const struct json *t)
{
	return t != NULL && t->type == JSON_STRING &&
	    (strcmp(t->str, "WebPage") == 0 || strcmp(t->str, "ItemPage") ==
	    0 || strcmp(t->str, "MedicalWebPage") == 0);
}

static void
json_article(const struct json *j, struct meta *m, int depth)
{
	size_t i;

	if (j == NULL || depth > 8)
		return;
	if (j->type == JSON_ARRAY) {
		for (i = 0; i < j->n; i++)
			json_article(j->items[i], m, depth + 1);
		return;
	}
	if (j->type != JSON_OBJECT)
		return;
	if (is_article_type(json_get(j, "@type"))) {
		struct buf authors = { 0 };

		set_once(&m->headline, json_get_str(j, "headline"));
		set_once(&m->published, json_get_str(j, "datePublished"));
		set_once(&m->published, json_get_str(j, "dateCreated"));
		set_once(&m->modified, json_get_str(j, "dateModified"));
		json_authors(json_get(j, "author"), &authors);
		if (authors.len > 0)
			set_once(&m->author, authors.data);
		buf_free(&authors);
		set_once(&m->dateline, json_get_str(j, "dateline"));
		if (m->body == NULL && json_get_str(j, "articleBody") != NULL)
			m->body = xstrdup(json_get_str(j, "articleBody"));
	}
	else if (is_page_type(json_get(j, "@type")))
		set_once(&m->page_published, json_get_str(j, "datePublished"));
	json_article(json_get(j, "@graph"), m, depth + 1);
	json_article(json_get(j, "mainEntity"), m, depth + 1);
}

static void
read_meta_tag(xmlNodePtr n, struct meta *m)
{
	char *name = html_attr(n, "property");
	char *content = html_attr(n, "content");
	char *k;

	if (name == NULL)
		name = html_attr(n, "name");
	if (name == NULL)
		name = html_attr(n, "itemprop");
	if (name == NULL || content == NULL)
		goto out;
	for (k = name; *k != '\0'; k++)
		*k = (char)tolower((unsigned char)*k);
	if (strcmp(name, "og:title") == 0 || strcmp(name, "twitter:title") ==
	    0)
		set_once(&m->og_title, content);
	else if (strcmp(name, "og:site_name") == 0)
		set_once(&m->site, content);
	else if (strcmp(name, "og:url") == 0)
		set_once(&m->og_url, content);
	else if (strcmp(name, "article:published_time") == 0 ||
	    strcmp(name, "og:article:published_time") == 0 ||
	    strcmp(name, "datepublished") == 0 ||
	    strcmp(name, "parsely-pub-date") == 0 ||
	    strcmp(name, "sailthru.date") == 0 ||
	    strcmp(name, "pubdate") == 0 || strcmp(name, "publishdate") == 0 ||
	    strcmp(name, "publish-date") == 0 ||
	    strcmp(name, "article.published") == 0 ||
	    strcmp(name, "dc.date.issued") == 0 ||
	    strcmp(name, "dc.date") == 0 || strcmp(name, "date") == 0 ||
	    strcmp(name, "dcterms.created") == 0 ||
	    strcmp(name, "article:published") == 0 ||
	    strcmp(name, "release_date") == 0 ||
	    strcmp(name, "published") == 0 ||
	    strcmp(name, "published-date") == 0 ||
	    strcmp(name, "published_date") == 0 ||
	    strcmp(name, "publish_date") == 0 ||
	    strcmp(name, "og:publish_date") == 0 ||
	    strcmp(name, "og:published_time") == 0 ||
	    strcmp(name, "dcterms.date") == 0 ||
	    strcmp(name, "dcterms.issued") == 0 ||
	    strcmp(name, "citation_publication_date") == 0 ||
	    strcmp(name, "citation_date") == 0 ||
	    strcmp(name, "cludo:date") == 0)
		set_once(&m->published, content);
	else if (strcmp(name, "article:modified_time") == 0 ||
	    strcmp(name, "og:updated_time") == 0 ||
	    strcmp(name, "datemodified") == 0)
		set_once(&m->modified, content);
	else if ((strcmp(name, "author") == 0 ||
	    strcmp(name, "article:author") == 0 ||
	    strcmp(name, "parsely-author") == 0 ||
	    strcmp(name, "sailthru.author") == 0 ||
	    strcmp(name, "dc.creator") == 0 || strcmp(name, "byl") == 0) &&
	    plausible_author(content))
		set_once(&m->meta_author, content);
out:
	free(name);
	free(content);
}

/* What one element says about the page: <meta>, JSON-LD, <title>, the
 * first <time> and <h1>. */
void
html_meta_visit(struct html *h, xmlNodePtr c)
{
	struct meta *m = h->meta;

	if (c->name == NULL)
		return;
	if (html_tag_is(c, "meta"))
		read_meta_tag(c, m);
	else if (html_tag_is(c, "link") && m->canonical == NULL) {
		char *rel = html_attr(c, "rel");

		if (rel != NULL && strcasecmp(rel, "canonical") == 0) {
			char *href = html_attr(c, "href");

			set_once(&m->canonical, href);
			free(href);
		}
		free(rel);
	}
	else if (html_tag_is(c, "title") && m->title == NULL) {
		char *t = html_node_text(c);

		set_once(&m->title, t);
		free(t);
	} else if (html_tag_is(c, "script")) {
		char *type = html_attr(c, "type");

		if (type != NULL && strcasecmp(type, "application/ld+json") ==
		    0) {
			xmlChar *t = xmlNodeGetContent(c);
			struct json *j;

			if (t != NULL) {
				j = json_parse((const char *)t,
				    strlen((const char *)t));
				json_article(j, m, 0);
				json_free(j);
				xmlFree(t);
			}
		}
		free(type);
	} else if (html_tag_is(c, "time") && m->published == NULL) {
		char *dt = html_attr(c, "datetime");

		/* Only a hint: JSON-LD and <meta>, in <head>, come first. */
		set_once(&m->published, dt);
		free(dt);
	} else if (html_tag_is(c, "h1") && m->h1 == NULL) {
		char *t = html_node_text(c);

		/* A logo in an <h1> is not the headline. */
		if (clean_count_words(t) >= 3) {
			set_once(&m->h1, t);
			h->h1 = c;
		}
		free(t);
	}
}

void
html_meta_free(struct meta *m)
{
	free(m->headline);
	free(m->og_title);
	free(m->title);
	free(m->h1);
	free(m->author);
	free(m->meta_author);
	free(m->published);
	free(m->modified);
	free(m->page_published);
	free(m->body);
	free(m->site);
	free(m->dateline);
	free(m->canonical);
	free(m->og_url);
}

static int
is_web_url(const char *u)
{
	return u != NULL && (strncasecmp(u, "http://", 7) == 0 ||
	    strncasecmp(u, "https://", 8) == 0) && strchr(u, ' ') == NULL;
}

void
html_choose_url(struct story *st, const struct meta *m)
{
	if (is_web_url(m->canonical))
		story_set(&st->url, m->canonical);
	else if (is_web_url(m->og_url))
		story_set(&st->url, m->og_url);
}

static int
same_words(const char *a, const char *b)
{
	char *fa, *fb;
	int same;

	if (a == NULL || b == NULL)
		return 0;
	fa = wire_fingerprint(a);
	fb = wire_fingerprint(b);
	same = fa[0] != '\0' && (strcmp(fa, fb) == 0 ||
	    (strlen(fb) >= 20 && strstr(fa, fb) != NULL) ||
	    (strlen(fa) >= 20 && strstr(fb, fa) != NULL));
	free(fa);
	free(fb);
	return same;
}

/* "Headline | Site" or "Site - Headline": the headline part. */
static char *
strip_site(const char *title, const char *site)
{
	static const char *const seps[] = { " | ", " - ", " \xE2\x80\x93 ",
	    " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", " \xE2\x80\xBA ",
	    " \xC2\xBB ", " / " };
	const char *best = NULL;
	size_t i, seplen = 0;

	for (i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		const char *p = strstr(title, seps[i]), *last = NULL;

		while (p != NULL) {
			last = p;
			p = strstr(p + 1, seps[i]);
		}
		if (last != NULL && (best == NULL || last > best)) {
			best = last;
			seplen = strlen(seps[i]);
		}
	}
	if (best == NULL)
		return xstrdup(title);
	/* The site name is the shorter side, or the one that names it. */
	{
		char *head = xstrndup(title, (size_t)(best - title));
		const char *tail = best + seplen;

		if (site != NULL && same_words(head, site) &&
		    !same_words(tail, site)) {
			char *t = xstrdup(tail);

			free(head);
			return t;
		}
		if (clean_count_words(tail) <= 4 ||
		    clean_count_words(head) >= clean_count_words(tail))
			return head;
		free(head);
		return xstrdup(tail);
	}
}

void
html_choose_headline(struct story *st, const struct meta *m)
{
	const char *h = NULL;
	char *t = NULL;

	/* The heading the reader sees, unless it is the site's name. */
	if (m->h1 != NULL && !(m->site != NULL && same_words(m->h1, m->site)) &&
	    clean_count_words(m->h1) <= 40)
		h = m->h1;
	else if (m->headline != NULL)
		h = m->headline;
	else if (m->og_title != NULL)
		h = t = strip_site(m->og_title, m->site);
	else if (m->h1 != NULL)
		h = m->h1;
	else if (m->title != NULL)
		h = t = strip_site(m->title, m->site);
	if (h != NULL && m->og_title != NULL && h == m->headline &&
	    strlen(m->og_title) > strlen(h) + 3 && same_words(m->og_title, h))
		h = t = strip_site(m->og_title, m->site);
	if (h != NULL)
		story_set(&st->headline, h);
	free(t);
}

void
html_choose_byline(struct story *st, const struct meta *m,
    const struct scan *sc)
{
	const char *shown = sc->byline[1] != NULL ? sc->byline[1] :
	    sc->byline[0];
	const char *a = m->author != NULL ? m->author : m->meta_author;
	char *b;

	if (st->byline != NULL)
		return;
	/* The names the page shows its reader come first. */
	if (shown != NULL) {
		story_set(&st->byline, shown);
		return;
	}
	if (a == NULL)
		return;
	/* "By Jane Doe" in a meta tag: the same rules as in the text. */
	if ((b = wire_parse_byline(a)) != NULL && b[0] != '\0') {
		story_set(&st->byline, b);
		free(b);
		return;
	}
	free(b);
	if (clean_count_words(a) <= 12)
		story_set(&st->byline, a);
}

static int
same_day(const char *a, const char *b)
{
	time_t ta, tb;

	return a != NULL && b != NULL && wire_parse_time(a, &ta) >= 0 &&
	    wire_parse_time(b, &tb) >= 0 && ta / 86400 == tb / 86400;
}

/* "Updated on", "Last modified", "Reviewed": not when it was first
 * published. */
static int
says_updated(const char *text)
{
	return strcasestr(text, "updat") != NULL ||
	    strcasestr(text, "modif") != NULL ||
	    strcasestr(text, "revis") != NULL ||
	    strcasestr(text, "review") != NULL;
}

static void
set_time(struct story *st, const char *text)
{
	time_t t;

	if (text == NULL || wire_parse_time(text, &t) < 0)
		return;
	st->published = t;
	st->has_published = 1;
	story_set(&st->published_text, text);
}

/*
 * The date the page shows, when its metadata agrees with it (a date on
 * the page may belong to another story in a list); else the metadata's;
 * else what the page shows.
 */
void
html_choose_time(struct story *st, const struct meta *m, const struct scan *sc)
{
	time_t shown, meta;
	int i;

	/* The page shows the day its metadata gives: the metadata has the
	 * time of day too. */
	for (i = 1; i >= 0; i--)
		if (same_day(sc->date[i], m->published)) {
			set_time(st, m->published);
			return;
		}
	/* A day shown on its own just under the headline, before the one
	 * the metadata gives: the metadata was rewritten by an update, or
	 * is in another time zone; the page's day is the story's. */
	if (m->published != NULL && sc->shown[1] != NULL && sc->h1 >= 0 &&
	    sc->shownpos[1] - sc->h1 <= 30 && !says_updated(sc->shown[1]) &&
	    wire_parse_time(sc->shown[1], &shown) >= 0 &&
	    wire_parse_time(m->published, &meta) >= 0 &&
	    shown / 86400 < meta / 86400) {
		set_time(st, sc->shown[1]);
		return;
	}
	set_time(st, m->published);
	/* The date beside the writer's name is the story's; others may be
	 * a list's. */
	if (!st->has_published)
		set_time(st, sc->bydate);
	if (!st->has_published)
		set_time(st, sc->date[1] != NULL ? sc->date[1] : sc->date[0]);
	if (!st->has_published)
		set_time(st, sc->shown[1]);
	/* Before the headline, only just before it; on a page without an
	 * <h1>, the one date it shows on a line of its own. */
	if (!st->has_published && sc->shown[0] != NULL && ((sc->h1 >= 0 &&
	    sc->h1 - sc->shownpos[0] <= 15) || (sc->h1 < 0 &&
	    m->page_published == NULL)))
		set_time(st, sc->shown[0]);
	if (!st->has_published)
		set_time(st, m->page_published);
}

