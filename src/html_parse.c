/*
 * html_parse: the page to a tree. libxml2 parses it from memory (no
 * network, no DTD, no entity expansion, messages kept away from the
 * terminal); a page nesting past the parser's limit is flattened and
 * parsed again; text left after the root is taken into the body, and a
 * page streamed by React has its late parts put in their places. Also the
 * charset sniffing and the test for HTML.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "clean.h"
#include "html.h"
#include "story.h"
#include "text.h"
#include "util.h"

/* --- charset and sniffing --------------------------------------------- */

const char *
clean_html_charset(const char *s, size_t n)
{
	size_t i, lim = n < 8192 ? n : 8192;
	static char found[48];

	for (i = 0; i + 8 < lim; i++) {
		const char *p, *end;
		size_t k;

		if (s[i] != '<' || strncasecmp(s + i + 1, "meta", 4) != 0)
			continue;
		end = memchr(s + i, '>', lim - i);
		if (end == NULL)
			break;
		for (p = s + i; p + 7 < end; p++) {
			if (strncasecmp(p, "charset", 7) != 0)
				continue;
			p += 7;
			while (p < end && (*p == ' ' || *p == '='))
				p++;
			while (p < end && (*p == '"' || *p == '\''))
				p++;
			for (k = 0; p + k < end && k < sizeof found - 1 &&
			    (isalnum((unsigned char)p[k]) || p[k] == '-' ||
			    p[k] == '_' || p[k] == ':' || p[k] == '.'); k++)
				found[k] = p[k];
			found[k] = '\0';
			if (k > 0 && text_charset_name(found) != NULL)
				return text_charset_name(found);
			break;
		}
		i = (size_t)(end - s);
	}
	return NULL;
}

int
clean_looks_like_html(const char *s, size_t n)
{
	size_t i = 0, lim = n < 2048 ? n : 2048;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < lim && isspace((unsigned char)s[i]))
		i++;
	if (i < lim && s[i] == '<' && (strncasecmp(s + i, "<!doctype html",
	    14) == 0 || strncasecmp(s + i, "<html", 5) == 0 ||
	    strncasecmp(s + i, "<head", 5) == 0 || strncasecmp(s + i, "<!--",
	    4) == 0 || strncasecmp(s + i, "<meta", 5) == 0 ||
	    strncasecmp(s + i, "<body", 5) == 0 || strncasecmp(s + i, "<?xml",
	    5) == 0 || strncasecmp(s + i, "<title", 6) == 0))
		return 1;
	/* A fragment: several tags early on. */
	return text_find_ci(s, lim, "<p>", 3) >= 0 &&
	    text_find_ci(s, lim, "</p>", 4) >= 0;
}

/* --- parsing ---------------------------------------------------------- */

static int parse_too_deep;

static void
on_xml_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	/* Never printed; the depth limit is the one we act on. */
	if (e != NULL && e->message != NULL &&
	    strstr(e->message, "Excessive depth") != NULL)
		parse_too_deep = 1;
}

static void
on_generic_error(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

/*
 * Remove the start and end tags of the named elements, keeping their
 * text. Used when the page nests deeper than the parser goes: hundreds
 * of unclosed <font> tags are the usual cause.
 */
static char *
strip_tags(const char *s, size_t n, const char *const *names, size_t *outlen)
{
	struct buf b = { 0 };
	size_t i = 0, k, nl;
	int j;

	buf_grow(&b, n);
	while (i < n) {
		const char *lt = memchr(s + i, '<', n - i);
		size_t at, end;
		int strip = 0;

		if (lt == NULL) {
			buf_add(&b, s + i, n - i);
			break;
		}
		at = (size_t)(lt - s);
		buf_add(&b, s + i, at - i);
		k = at + 1;
		if (k < n && s[k] == '/')
			k++;
		for (j = 0; names[j] != NULL; j++) {
			nl = strlen(names[j]);
			if (k + nl <= n && strncasecmp(s + k, names[j], nl) ==
			    0 && (k + nl == n || !isalnum((unsigned char)
			    s[k + nl]))) {
				strip = 1;
				break;
			}
		}
		if (!strip) {
			buf_addc(&b, '<');
			i = at + 1;
			continue;
		}
		/* Skip to the end of the tag, minding quoted values. */
		end = k;
		{
			char q = 0;

			while (end < n && (q != 0 || s[end] != '>')) {
				if (q == 0 && (s[end] == '"' || s[end] == '\''))
					q = s[end];
				else if (q != 0 && s[end] == q)
					q = 0;
				end++;
			}
		}
		i = end < n ? end + 1 : n;
	}
	*outlen = b.len;
	return buf_detach(&b);
}

static htmlDocPtr
parse(const char *s, size_t n, const char *url)
{
	parse_too_deep = 0;
	return htmlReadMemory(s, (int)(n > 0x7fffffff ? 0x7fffffff : n),
	    url, "UTF-8", HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT);
}

htmlDocPtr
html_parse(const char *s, size_t n, const char *url, struct story *st)
{
	static const char *const inline_tags[] = { "font", "span", "b", "i",
	    "u", "em", "strong", "small", "big", "tt", "s", "strike", "sub",
	    "sup", "mark", "abbr", "cite", "center", "nobr", NULL };
	static const char *const all_tags[] = { "font", "span", "b", "i", "u",
	    "em", "strong", "small", "big", "tt", "s", "strike", "sub", "sup",
	    "mark", "abbr", "cite", "center", "nobr", "div", "section",
	    "article", "main", "blockquote", "dl", "dd", "dt", "ul", "ol",
	    "table", "tbody", "tr", "td", "form", "fieldset", "a", NULL };
	htmlDocPtr doc;
	char *flat;
	size_t flatlen;

	xmlSetStructuredErrorFunc(NULL, on_xml_error);
	xmlSetGenericErrorFunc(NULL, on_generic_error);
	doc = parse(s, n, url);
	if (parse_too_deep) {
		/* Nesting past the parser's limit: flatten and parse again
		 * (the tree keeps nothing of the flattened copy). */
		xmlFreeDoc(doc);
		flat = strip_tags(s, n, inline_tags, &flatlen);
		doc = parse(flat, flatlen, url);
		if (parse_too_deep) {
			free(flat);
			flat = strip_tags(s, n, all_tags, &flatlen);
			xmlFreeDoc(doc);
			doc = parse(flat, flatlen, url);
		}
		free(flat);
		story_set(&st->note, parse_too_deep ?
		    "The page nests too deeply: text after the limit was cut." :
		    "The page nests too deeply: its formatting was flattened.");
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc != NULL && xmlDocGetRootElement(doc) == NULL) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	return doc;
}

/* --- repair ----------------------------------------------------------- */

/*
 * Text after "</html>" can end up beside the root, in a second top-level
 * element: the story of a page whose templates close the document too
 * early. It belongs to the body.
 */
static void
adopt_strays(htmlDocPtr doc, xmlNodePtr body)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), n, next, c, cnext;

	for (n = root->next; n != NULL; n = next) {
		next = n->next;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		xmlUnlinkNode(n);
		if (html_tag_is(n, "html") || html_tag_is(n, "body")) {
			for (c = n->children; c != NULL; c = cnext) {
				cnext = c->next;
				xmlUnlinkNode(c);
				xmlAddChild(body, c);
			}
			xmlFreeNode(n);
		} else
			xmlAddChild(body, n);
	}
}

/*
 * A page streamed by React (Next.js) sends parts of the story late, in
 * hidden <div id="S:1"> at the end of the body, and a script moves each
 * into its place: a <template id="P:1"> placeholder, or a <template
 * id="B:1"> boundary whose fallback ("Loading paragraph...") runs to the
 * comment "/$". Do what the script would.
 */
struct stream_parts {
	xmlNodePtr	*v;
	size_t		 n;
	size_t		 cap;
};

/* A template by its id ("B:1", "P:1"), for a search by id: one read of
 * each id, so that a page of many parts costs n log n. */
struct stream_tpl {
	xmlChar		*id;
	xmlNodePtr	 n;
};

struct stream_tpls {
	struct stream_tpl *v;
	size_t		 n;
	size_t		 cap;
};

static void
parts_push(struct stream_parts *p, xmlNodePtr n)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->v = xreallocarray(p->v, p->cap, sizeof *p->v);
	}
	p->v[p->n++] = n;
}

/* The templates (with their ids) and the hidden parts below n. */
static void
stream_collect(xmlNodePtr n, struct stream_tpls *tpl,
    struct stream_parts *seg, int depth)
{
	xmlNodePtr c;

	for (c = n->children; c != NULL && depth < 256; c = c->next) {
		xmlChar *id;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if ((html_tag_is(c, "template") || html_tag_is(c, "div")) &&
		    (id = xmlGetProp(c, (const xmlChar *)"id")) != NULL) {
			if (html_tag_is(c, "template") && (id[0] == 'B' ||
			    id[0] == 'P') && id[1] == ':') {
				if (tpl->n == tpl->cap) {
					tpl->cap = tpl->cap ? tpl->cap * 2 : 16;
					tpl->v = xreallocarray(tpl->v,
					    tpl->cap, sizeof *tpl->v);
				}
				tpl->v[tpl->n].id = id;
				tpl->v[tpl->n++].n = c;
				id = NULL;
			} else if (html_tag_is(c, "div") && id[0] == 'S' &&
			    id[1] == ':' && xmlHasProp(c,
			    (const xmlChar *)"hidden") != NULL)
				parts_push(seg, c);
			xmlFree(id);
		}
		stream_collect(c, tpl, seg, depth + 1);
	}
}

static int
stream_tpl_cmp(const void *a, const void *b)
{
	return xmlStrcmp(((const struct stream_tpl *)a)->id,
	    ((const struct stream_tpl *)b)->id);
}

/* The first unused template whose id is key, or NULL. */
static struct stream_tpl *
stream_find(struct stream_tpl *v, size_t n, const xmlChar *key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (xmlStrcmp(v[mid].id, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && xmlStrEqual(v[lo].id, key); lo++)
		if (v[lo].n != NULL)
			return &v[lo];
	return NULL;
}

/* Whether n is still in the document (not in a subtree taken out). */
static int
attached(const xmlNode *n)
{
	while (n->parent != NULL)
		n = n->parent;
	return n->type == XML_HTML_DOCUMENT_NODE ||
	    n->type == XML_DOCUMENT_NODE;
}

/* Take n out of the document, to be freed when the work is done (a hostile
 * page may nest parts in each other's fallbacks). */
static void
stream_drop(struct stream_parts *gone, xmlNodePtr n)
{
	if (!attached(n))
		return;		/* inside what was taken out already */
	xmlUnlinkNode(n);
	parts_push(gone, n);
}

static void
react_streams(xmlNodePtr body)
{
	struct stream_parts seg = { 0 }, gone = { 0 };
	struct stream_tpls tpl = { 0 };
	struct stream_tpl *hit;
	size_t i, k;

	stream_collect(body, &tpl, &seg, 0);
	if (tpl.n > 0)
		qsort(tpl.v, tpl.n, sizeof *tpl.v, stream_tpl_cmp);
	for (i = 0; i < seg.n; i++) {
		xmlNodePtr s = seg.v[i], t = NULL, c, next, end;
		xmlChar *id, *key;
		int boundary = 0, pass, steps;

		if (!attached(s) || (id = xmlGetProp(s,
		    (const xmlChar *)"id")) == NULL)
			continue;
		/* A segment fills the placeholder of its number; what is
		 * left fills the boundary. Never one inside the other. */
		key = xmlStrdup(id);
		for (pass = 0; pass < 2 && t == NULL && key != NULL; pass++) {
			key[0] = pass == 0 ? 'P' : 'B';
			if ((hit = stream_find(tpl.v, tpl.n, key)) == NULL)
				continue;
			if (attached(hit->n) && !html_is_ancestor(s, hit->n) &&
			    !html_is_ancestor(hit->n, s)) {
				t = hit->n;
				boundary = pass == 1;
			}
			hit->n = NULL;
		}
		xmlFree(key);
		xmlFree(id);
		if (t == NULL)
			continue;
		for (c = s->children; c != NULL; c = next) {
			next = c->next;
			xmlUnlinkNode(c);
			if (xmlAddPrevSibling(t, c) == NULL)
				xmlFreeNode(c);
		}
		/* A boundary's fallback goes, to its closing comment (a few
		 * nodes on: none is looked for past that). */
		if (boundary) {
			for (end = t->next, steps = 0; end != NULL &&
			    steps < 64 && !(end->type == XML_COMMENT_NODE &&
			    end->content != NULL && strcmp((const char *)
			    end->content, "/$") == 0); end = end->next, steps++)
				;
			if (steps == 64)
				end = NULL;
			for (c = t->next; end != NULL && c != end; c = next) {
				next = c->next;
				stream_drop(&gone, c);
			}
		}
		stream_drop(&gone, t);
		stream_drop(&gone, s);
	}
	for (i = 0; i < gone.n; i++)
		xmlFreeNode(gone.v[i]);
	for (k = 0; k < tpl.n; k++)
		xmlFree(tpl.v[k].id);
	free(gone.v);
	free(tpl.v);
	free(seg.v);
}

xmlNodePtr
html_body(htmlDocPtr doc, const char *s, size_t n)
{
	xmlNodePtr body;

	for (body = xmlDocGetRootElement(doc)->children; body != NULL;
	    body = body->next)
		if (html_tag_is(body, "body"))
			break;
	if (body == NULL)
		body = xmlDocGetRootElement(doc);
	adopt_strays(doc, body);
	/* As React writes them: <div hidden id="S:0">. */
	if (memmem(s, n, "<div hidden id=\"S:", 18) != NULL)
		react_streams(body);
	return body;
}
