/* feed: RSS 2.0, RSS 1.0 and Atom 1.0 with libxml2, and feed discovery. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include "feed.h"
#include "text.h"
#include "util.h"

#define NS_ATOM		"http://www.w3.org/2005/Atom"
#define NS_DC		"http://purl.org/dc/elements/1.1/"
#define NS_CONTENT	"http://purl.org/rss/1.0/modules/content/"
#define NS_RDF		"http://www.w3.org/1999/02/22-rdf-syntax-ns#"

/* No network, no entity substitution, no DTD loading, no huge
 * documents: what a page off the internet gets. */
#define FEED_XML_OPTIONS	(XML_PARSE_NONET | XML_PARSE_NOERROR | \
	XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_RECOVER)
#define FEED_HTML_OPTIONS	(HTML_PARSE_NONET | HTML_PARSE_NOERROR | \
	HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER)

static int
is(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    xmlStrcmp(n->name, (const xmlChar *)name) == 0;
}

static int
in_ns(const xmlNode *n, const char *ns)
{
	return n->ns != NULL && n->ns->href != NULL &&
	    xmlStrcmp(n->ns->href, (const xmlChar *)ns) == 0;
}

static void
skip_ws(const char **s)
{
	while (**s == ' ' || **s == '\t' || **s == '\n' || **s == '\r')
		(*s)++;
}

/* --- dates ------------------------------------------------------------ */

static int
month_of(const char *s)
{
	static const char m[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	int i;

	for (i = 0; i < 12; i++)
		if (strncasecmp(s, m + i * 3, 3) == 0)
			return i;
	return -1;
}

static int
num(const char **s, int digits, int *out)
{
	int v = 0, i;

	for (i = 0; i < digits; i++) {
		if (!isdigit((unsigned char)(*s)[i]))
			return -1;
		v = v * 10 + ((*s)[i] - '0');
	}
	*s += digits;
	*out = v;
	return 0;
}

/* "+0100", "-05:00", "Z", "GMT", "EST": offset east of UTC, seconds. */
static int
zone(const char *s, long *off)
{
	static const struct {
		const char	*name;
		int		 hours;
	} z[] = {
		{ "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 },
		{ "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
		{ "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 },
	};
	size_t i;
	int h, m = 0;

	skip_ws(&s);
	*off = 0;
	if (*s == '\0')
		return 0;
	if (*s == '+' || *s == '-') {
		int sign = *s == '-' ? -1 : 1;

		s++;
		if (num(&s, 2, &h) == -1)
			return -1;
		if (*s == ':')
			s++;
		if (isdigit((unsigned char)*s) && num(&s, 2, &m) == -1)
			return -1;
		*off = sign * (h * 3600L + m * 60L);
		return 0;
	}
	for (i = 0; i < sizeof z / sizeof z[0]; i++)
		if (strncasecmp(s, z[i].name, strlen(z[i].name)) == 0) {
			*off = z[i].hours * 3600L;
			return 0;
		}
	return 0;	/* an unknown zone: read as UTC */
}

int
feed_parse_date(const char *s, time_t *out)
{
	struct tm tm;
	long off = 0;
	int v;

	memset(&tm, 0, sizeof tm);
	skip_ws(&s);
	if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	    isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) &&
	    s[4] == '-') {
		/* ISO 8601: 2026-03-05[T12:07[:00[.000]]][Z|+01:00] */
		if (num(&s, 4, &v) == -1)
			return -1;
		tm.tm_year = v - 1900;
		if (*s++ != '-' || num(&s, 2, &v) == -1)
			return -1;
		tm.tm_mon = v - 1;
		if (*s++ != '-' || num(&s, 2, &tm.tm_mday) == -1)
			return -1;
		if (*s == 'T' || *s == 't' || *s == ' ') {
			s++;
			if (num(&s, 2, &tm.tm_hour) == -1 || *s++ != ':' ||
			    num(&s, 2, &tm.tm_min) == -1)
				return -1;
			if (*s == ':') {
				s++;
				if (num(&s, 2, &tm.tm_sec) == -1)
					return -1;
				if (*s == '.' || *s == ',')
					for (s++; isdigit((unsigned char)*s);)
						s++;
			}
			if (zone(s, &off) == -1)
				return -1;
		}
	} else {
		/* RFC 822: [Thu, ]05 Mar 2026 12:07[:00] GMT */
		const char *comma = strchr(s, ',');

		if (comma != NULL && comma - s < 12)
			s = comma + 1;
		skip_ws(&s);
		if (!isdigit((unsigned char)*s))
			return -1;
		tm.tm_mday = (int)strtol(s, (char **)&s, 10);
		skip_ws(&s);
		if ((tm.tm_mon = month_of(s)) < 0)
			return -1;
		while (isalpha((unsigned char)*s) || *s == '.')
			s++;
		skip_ws(&s);
		if (!isdigit((unsigned char)*s))
			return -1;
		v = (int)strtol(s, (char **)&s, 10);
		if (v < 50)
			v += 2000;
		else if (v < 100)
			v += 1900;
		tm.tm_year = v - 1900;
		skip_ws(&s);
		if (isdigit((unsigned char)*s)) {
			tm.tm_hour = (int)strtol(s, (char **)&s, 10);
			if (*s++ != ':')
				return -1;
			if (num(&s, 2, &tm.tm_min) == -1)
				return -1;
			if (*s == ':') {
				s++;
				if (num(&s, 2, &tm.tm_sec) == -1)
					return -1;
			}
			if (zone(s, &off) == -1)
				return -1;
		}
	}
	if (tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1 ||
	    tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 ||
	    tm.tm_sec > 60)
		return -1;
	*out = timegm(&tm) - off;
	return 0;
}

/* --- text ------------------------------------------------------------- */

static char *
node_text(xmlNode *n)
{
	xmlChar *c = xmlNodeGetContent(n);
	char *s;

	if (c == NULL)
		return xstrdup("");
	s = text_sanitize((const char *)c, strlen((const char *)c),
	    TEXT_ONELINE | TEXT_SQUEEZE);
	xmlFree(c);
	return s;
}

static int
is_block(const xmlNode *n)
{
	static const char *const blocks[] = { "p", "div", "br", "li", "ul",
	    "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
	    "table", "tr", "section", "article", "figure", "hr" };
	size_t i;

	for (i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
		if (xmlStrcasecmp(n->name, (const xmlChar *)blocks[i]) == 0)
			return 1;
	return 0;
}

/* Paragraphs of an HTML tree: text, with a break at each block. */
static void
walk_text(xmlNode *n, struct buf *b, int depth)
{
	for (; n != NULL && depth < 64; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				buf_adds(b, (const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE) {
			if (xmlStrcasecmp(n->name, (const xmlChar *)"script") == 0 ||
			    xmlStrcasecmp(n->name, (const xmlChar *)"style") == 0)
				continue;
			if (is_block(n))
				buf_adds(b, "\n\n");
			walk_text(n->children, b, depth + 1);
			if (is_block(n))
				buf_adds(b, "\n\n");
		}
	}
}

/* Tidy "a \n\n\n b" into paragraphs split by exactly "\n\n". */
static char *
paragraphs(const char *raw)
{
	struct buf out = { 0 };
	const char *p = raw;

	while (*p != '\0') {
		const char *e = strstr(p, "\n\n");
		size_t n = e != NULL ? (size_t)(e - p) : strlen(p);
		char *para = text_sanitize(p, n, TEXT_ONELINE | TEXT_SQUEEZE);

		if (para[0] != '\0') {
			if (out.len > 0)
				buf_adds(&out, "\n\n");
			buf_adds(&out, para);
		}
		free(para);
		p += n;
		while (*p == '\n')
			p++;
	}
	return out.data != NULL ? buf_detach(&out) : xstrdup("");
}

static char *
html_to_text(const char *html)
{
	htmlDocPtr doc;
	struct buf b = { 0 };
	char *r;

	if (strchr(html, '<') == NULL && strchr(html, '&') == NULL)
		return paragraphs(html);
	doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
	    FEED_HTML_OPTIONS);
	if (doc == NULL)
		return paragraphs(html);
	walk_text(xmlDocGetRootElement(doc), &b, 0);
	xmlFreeDoc(doc);
	r = paragraphs(b.data != NULL ? b.data : "");
	buf_free(&b);
	return r;
}

/* An element's text, read as HTML when it says (or looks) so. */
static char *
rich_text(xmlNode *n, int is_atom)
{
	xmlChar *type = is_atom ? xmlGetProp(n, (const xmlChar *)"type") :
	    NULL;
	xmlChar *c;
	char *r;

	if (type != NULL && xmlStrcmp(type, (const xmlChar *)"xhtml") == 0) {
		struct buf b = { 0 };

		xmlFree(type);
		walk_text(n->children, &b, 0);
		r = paragraphs(b.data != NULL ? b.data : "");
		buf_free(&b);
		return r;
	}
	c = xmlNodeGetContent(n);
	if (c == NULL)
		r = xstrdup("");
	else if (is_atom && (type == NULL ||
	    xmlStrcmp(type, (const xmlChar *)"text") == 0))
		r = paragraphs((const char *)c);
	else
		r = html_to_text((const char *)c);
	if (c != NULL)
		xmlFree(c);
	if (type != NULL)
		xmlFree(type);
	return r;
}

/* Resolve href against the node's base; only http(s) is kept. */
static char *
resolve(xmlNode *n, const char *href)
{
	xmlChar *base = n != NULL ? xmlNodeGetBase(n->doc, n) : NULL;
	xmlChar *abs;
	char *r = NULL, *trimmed;
	const char *h = href;

	skip_ws(&h);
	trimmed = text_sanitize(h, strlen(h), TEXT_ONELINE | TEXT_SQUEEZE);
	abs = xmlBuildURI((const xmlChar *)trimmed, base);
	if (abs != NULL) {
		if (strncasecmp((const char *)abs, "http://", 7) == 0 ||
		    strncasecmp((const char *)abs, "https://", 8) == 0)
			r = text_sanitize((const char *)abs,
			    strlen((const char *)abs), TEXT_ONELINE);
		xmlFree(abs);
	}
	if (base != NULL)
		xmlFree(base);
	free(trimmed);
	return r;
}

/* --- items ------------------------------------------------------------ */

static void
set_once(char **field, char *value)
{
	if (*field == NULL && value != NULL && value[0] != '\0')
		*field = value;
	else
		free(value);
}

static void
read_item(xmlNode *item, int atom, struct feed_item *it)
{
	char *summary = NULL, *content = NULL, *published = NULL,
	    *updated = NULL;
	xmlNode *c;
	xmlChar *a;

	if ((a = xmlGetNsProp(item, (const xmlChar *)"about",
	    (const xmlChar *)NS_RDF)) != NULL) {
		it->guid = text_sanitize((const char *)a,
		    strlen((const char *)a), TEXT_ONELINE);
		xmlFree(a);
	}
	for (c = item->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "title") && !in_ns(c, NS_DC)) {
			free(it->title);
			it->title = atom ? rich_text(c, 1) : node_text(c);
			if (atom) {
				/* Rich text keeps paragraphs; a title is
				 * one line in the list. */
				char *t = it->title;

				it->title = text_sanitize(t, strlen(t),
				    TEXT_ONELINE | TEXT_SQUEEZE);
				free(t);
			}
		} else if (is(c, "link") && atom) {
			xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
			xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");

			if (href != NULL && (rel == NULL || xmlStrcmp(rel,
			    (const xmlChar *)"alternate") == 0) &&
			    it->link == NULL)
				it->link = resolve(c, (const char *)href);
			if (rel != NULL)
				xmlFree(rel);
			if (href != NULL)
				xmlFree(href);
		} else if (is(c, "link") && !atom) {
			xmlChar *t = xmlNodeGetContent(c);

			if (t != NULL && it->link == NULL)
				it->link = resolve(c, (const char *)t);
			if (t != NULL)
				xmlFree(t);
		} else if ((is(c, "guid") || is(c, "id")) && it->guid == NULL) {
			it->guid = node_text(c);
		} else if (is(c, "description") || is(c, "summary")) {
			set_once(&summary, rich_text(c, atom));
		} else if ((is(c, "encoded") && in_ns(c, NS_CONTENT)) ||
		    (is(c, "content") && atom)) {
			set_once(&content, rich_text(c, atom));
		} else if (is(c, "pubDate") || is(c, "published") ||
		    is(c, "issued") || (is(c, "date") && in_ns(c, NS_DC))) {
			set_once(&published, node_text(c));
		} else if (is(c, "updated") || is(c, "modified")) {
			set_once(&updated, node_text(c));
		}
	}
	if (it->title == NULL)
		it->title = xstrdup("");
	if (summary == NULL) {
		summary = content;
		content = NULL;
	}
	it->summary = summary != NULL ? summary : xstrdup("");
	free(content);
	if (published == NULL) {
		published = updated;
		updated = NULL;
	}
	free(updated);
	it->date_text = published;
	if (published != NULL && feed_parse_date(published, &it->date) == 0)
		it->has_date = 1;
	if (it->guid != NULL && it->guid[0] == '\0') {
		free(it->guid);
		it->guid = NULL;
	}
}

static void
add_item(struct feed *f, xmlNode *n, int atom)
{
	/* Room doubles at 16, 32, 64...: a feed may hold 100,000 items. */
	if (f->nitems == 0 || (f->nitems >= 16 &&
	    (f->nitems & (f->nitems - 1)) == 0))
		f->items = xreallocarray(f->items, f->nitems < 16 ? 16 :
		    f->nitems * 2, sizeof *f->items);
	memset(&f->items[f->nitems], 0, sizeof *f->items);
	read_item(n, atom, &f->items[f->nitems]);
	f->nitems++;
}

static void
read_channel(struct feed *f, xmlNode *ch, int atom)
{
	xmlNode *c;

	for (c = ch->children; c != NULL; c = c->next) {
		if (is(c, "title") && f->title == NULL)
			f->title = node_text(c);
		else if (is(c, "link") && f->link == NULL) {
			xmlChar *t = atom ? xmlGetProp(c,
			    (const xmlChar *)"href") : xmlNodeGetContent(c);

			if (t != NULL) {
				f->link = resolve(c, (const char *)t);
				xmlFree(t);
			}
		} else if (is(c, atom ? "entry" : "item"))
			add_item(f, c, atom);
	}
}

int
feed_sniff(const char *s, size_t n)
{
	size_t lim = n < 2048 ? n : 2048;
	const char *roots[] = { "<rss", "<rdf:RDF", "<RDF", "<feed" };
	size_t i, k;

	for (i = 0; i < sizeof roots / sizeof roots[0]; i++) {
		size_t rl = strlen(roots[i]);

		for (k = 0; k + rl <= lim; k++)
			if (memcmp(s + k, roots[i], rl) == 0 &&
			    (k + rl == lim || s[k + rl] == ' ' ||
			    s[k + rl] == '>' || s[k + rl] == '\n' ||
			    s[k + rl] == '\t' || s[k + rl] == '\r'))
				return 1;
	}
	return 0;
}

struct feed *
feed_parse(const char *bytes, size_t len, const char *base, char **err)
{
	xmlDocPtr doc;
	xmlNode *root, *c;
	struct feed *f;

	*err = NULL;
	if (len > 0x7fffffff) {
		*err = xstrdup("feed too large");
		return NULL;
	}
	xmlInitParser();
	doc = xmlReadMemory(bytes, (int)len, base, NULL, FEED_XML_OPTIONS);
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL) {
		if (doc != NULL)
			xmlFreeDoc(doc);
		*err = xstrdup("not a feed (not well-formed XML)");
		return NULL;
	}
	f = xcalloc(1, sizeof *f);
	if (is(root, "rss")) {
		for (c = root->children; c != NULL; c = c->next)
			if (is(c, "channel"))
				read_channel(f, c, 0);
	} else if (is(root, "RDF")) {
		for (c = root->children; c != NULL; c = c->next)
			if (is(c, "channel"))
				read_channel(f, c, 0);
			else if (is(c, "item"))
				add_item(f, c, 0);
	} else if (is(root, "feed")) {
		read_channel(f, root, 1);
	} else {
		/* Cut to 40 bytes first: the cut may split a character,
		 * which the sanitizer then replaces. */
		char *r = xasprintf("not a feed (the root element is <%.40s>, "
		    "not rss, RDF or feed)", (const char *)root->name);

		*err = text_sanitize(r, strlen(r), TEXT_ONELINE);
		free(r);
		free(f);
		xmlFreeDoc(doc);
		return NULL;
	}
	xmlFreeDoc(doc);
	return f;
}

void
feed_free(struct feed *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->nitems; i++) {
		free(f->items[i].title);
		free(f->items[i].link);
		free(f->items[i].guid);
		free(f->items[i].summary);
		free(f->items[i].date_text);
	}
	free(f->items);
	free(f->title);
	free(f->link);
	free(f);
}

static int
word_in(const xmlChar *list, const char *word)
{
	const char *p = (const char *)list;
	size_t wl = strlen(word);

	while (*p != '\0') {
		size_t n;

		while (*p == ' ' || *p == '\t')
			p++;
		n = strcspn(p, " \t");
		if (n == wl && strncasecmp(p, word, wl) == 0)
			return 1;
		p += n;
	}
	return 0;
}

static int
is_web(const char *u)
{
	return strncasecmp(u, "http://", 7) == 0 ||
	    strncasecmp(u, "https://", 8) == 0;
}

static void
discover_walk(xmlNode *n, const char *base, char **found, int *article,
    int depth)
{
	for (; n != NULL && depth < 32; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is(n, "link") && *found == NULL) {
			xmlChar *rel = xmlGetProp(n, (const xmlChar *)"rel");
			xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
			xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");

			if (rel != NULL && type != NULL && href != NULL &&
			    word_in(rel, "alternate") &&
			    (xmlStrcasecmp(type, (const xmlChar *)
			    "application/rss+xml") == 0 ||
			    xmlStrcasecmp(type, (const xmlChar *)
			    "application/atom+xml") == 0 ||
			    xmlStrcasecmp(type, (const xmlChar *)
			    "application/rdf+xml") == 0)) {
				xmlChar *abs = xmlBuildURI(href,
				    (const xmlChar *)base);

				if (abs != NULL && is_web((const char *)abs))
					*found = text_sanitize(
					    (const char *)abs,
					    strlen((const char *)abs),
					    TEXT_ONELINE);
				if (abs != NULL)
					xmlFree(abs);
			}
			if (rel != NULL)
				xmlFree(rel);
			if (type != NULL)
				xmlFree(type);
			if (href != NULL)
				xmlFree(href);
		} else if (is(n, "meta")) {
			xmlChar *p = xmlGetProp(n, (const xmlChar *)"property");
			xmlChar *c = xmlGetProp(n, (const xmlChar *)"content");

			if (p != NULL && c != NULL &&
			    xmlStrcasecmp(p, (const xmlChar *)"og:type") == 0 &&
			    xmlStrcasecmp(c, (const xmlChar *)"article") == 0)
				*article = 1;
			if (p != NULL)
				xmlFree(p);
			if (c != NULL)
				xmlFree(c);
		} else if (is(n, "body"))
			continue;	/* the head is enough */
		discover_walk(n->children, base, found, article, depth + 1);
	}
}

char *
feed_discover(const char *bytes, size_t len, const char *base, int *is_article)
{
	htmlDocPtr doc;
	char *found = NULL;

	*is_article = 0;
	if (len > 0x7fffffff)
		return NULL;
	xmlInitParser();
	doc = htmlReadMemory(bytes, (int)len, base, NULL, FEED_HTML_OPTIONS);
	if (doc == NULL)
		return NULL;
	discover_walk(xmlDocGetRootElement(doc), base, &found, is_article, 0);
	xmlFreeDoc(doc);
	return found;
}
