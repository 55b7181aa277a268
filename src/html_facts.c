/*
 * html_facts: pass 1 of the HTML cleaner. One walk over the page gives
 * every element its facts (text below it, links, commas, what its
 * attributes say), reads the page's metadata on the way and, outside
 * menus and footers, looks for the byline and date the page shows. Soft
 * furniture (a <nav>, hidden text) is then dropped unless it holds the
 * page.
 */
#include <string.h>

#include <libxml/tree.h>

#include "clean.h"
#include "html.h"
#include "util.h"

static void
count_text(const char *s, struct info *in, int in_link)
{
	/* 0 a character, 1 white space, 2 inside a character, 3 a comma,
	 * 4 the end, 5 a lead byte that may start "、" or "，". */
	static const unsigned char kind[256] = {
		['\0'] = 4, [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1,
		[','] = 3,
		[0x80] = 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
		2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
		2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
		2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
		[0xE3] = 5, [0xEF] = 5,
	};
	size_t chars = 0, commas = 0;
	int space = 1;

	for (;; s++) {
		unsigned char c = (unsigned char)*s;

		switch (kind[c]) {
		case 0:
			chars++;
			space = 0;
			continue;
		case 1:
			if (!space)
				chars++;
			space = 1;
			continue;
		case 2:
			space = 0;
			continue;
		case 3:
			chars++;
			commas++;
			space = 0;
			continue;
		case 5:
			chars++;
			space = 0;
			if ((c == 0xE3 && (unsigned char)s[1] == 0x80 &&
			    (unsigned char)s[2] == 0x81) || (c == 0xEF &&
			    (unsigned char)s[1] == 0xBC &&
			    (unsigned char)s[2] == 0x8C))
				commas++;
			continue;
		}
		break;
	}
	in->chars += chars;
	in->allchars += chars;
	in->commas += commas;
	if (in_link)
		in->linkchars += chars;
}

/* The next element's info, cleared. */
static struct info *
new_info(struct html *h)
{
	struct info *in;

	if (h->ninfos / INFO_CHUNK == h->nchunks) {
		h->chunks = xreallocarray(h->chunks, h->nchunks + 1,
		    sizeof *h->chunks);
		h->chunks[h->nchunks++] = xreallocarray(NULL, INFO_CHUNK,
		    sizeof **h->chunks);
	}
	in = html_info_at(h, h->ninfos);
	memset(in, 0, sizeof *in);
	in->order = h->ninfos++;
	return in;
}

/* Whether the byline scan looks below n: a page's footer holds no
 * byline; an article's may. */
static int
scan_inside(const xmlNode *n)
{
	if (!html_tag_is(n, "footer"))
		return 1;
	for (n = n->parent; n != NULL && n->type == XML_ELEMENT_NODE;
	    n = n->parent)
		if (html_tag_is(n, "article"))
			return 1;
	return 0;
}

/* Whether n's text is a question. */
static int
asks(const xmlNode *n)
{
	char *t = html_node_words(n);
	size_t len = strlen(t);
	int q;

	while (len > 0 && t[len - 1] == ' ')
		len--;
	q = clean_count_words(t) >= 3 && ((len >= 1 && t[len - 1] == '?') ||
	    (len >= 3 && memcmp(t + len - 3, "\xEF\xBC\x9F", 3) == 0));
	free(t);
	return q;
}

/* Text below n, outside scripts and buttons. */
static int
text_below(const xmlNode *n, int depth)
{
	const xmlNode *c;

	for (c = n->children; c != NULL && depth < 12; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL &&
		    ((const char *)c->content)[strspn((const char *)c->content,
		    " \t\r\n")] != '\0')
			return 1;
		if (c->type == XML_ELEMENT_NODE && !html_tag_is(c, "script") &&
		    !html_tag_is(c, "style") && !html_tag_is(c, "button") &&
		    text_below(c, depth + 1))
			return 1;
	}
	return 0;
}

/* Whether the answer follows a question's button: the next element
 * beside it, or beside its wrapper, has text (an answer a script would
 * load is not there, and the question alone is no use). */
static int
answered(const xmlNode *n)
{
	const xmlNode *c;
	int up;

	for (up = 0; up < 2 && n != NULL; up++, n = n->parent)
		for (c = n->next; c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				return text_below(c, 0);
	return 0;
}

/* A button that opens a panel (aria-expanded) in n or below it, with a
 * title of three words or more (a menu's button says "Menu"). */
static int
expander(const xmlNode *n, int depth)
{
	const xmlNode *c;
	char *t;
	int words;

	if (html_tag_is(n, "button") && xmlHasProp((xmlNodePtr)n,
	    (const xmlChar *)"aria-expanded") != NULL) {
		t = html_node_words(n);
		words = clean_count_words(t);
		free(t);
		return words >= 3;
	}
	for (c = n->children; c != NULL && depth < 3; c = c->next)
		if (c->type == XML_ELEMENT_NODE && expander(c, depth + 1))
			return 1;
	return 0;
}

/* Whether n is an accordion's panel: the element before it holds the
 * button that opens it. */
static int
accordion_answer(const xmlNode *n)
{
	const xmlNode *p;

	for (p = n->prev; p != NULL && p->type != XML_ELEMENT_NODE;
	    p = p->prev)
		;
	return p != NULL && expander(p, 0);
}

/*
 * One walk over the page: every element gets its info (text below it,
 * links, commas, what its attributes say); the metadata is read on the
 * way; and, outside menus and footers, the byline and date the page
 * shows are looked for.
 */
static void
gather(struct html *h, xmlNodePtr n, int in_link, int scan)
{
	xmlNodePtr c;
	struct info *in;
	long pos;
	int child_scan, kinds;

	in = new_info(h);
	n->_private = in;
	kinds = html_tag_kinds(h, n);
	in->block = (kinds & K_BLOCK) != 0;
	html_meta_visit(h, n);
	if (kinds & K_NEVER) {
		in->drop = html_tag_is(n, "button") || html_tag_is(n,
		    "input") || html_tag_is(n, "select") || html_tag_is(n,
		    "textarea") ? "form" : "not text";
		for (c = n->children; c != NULL; c = c->next)
			c->_private = NULL;
		return;
	}
	pos = scan ? ++h->scan->pos : 0;

	if (scan && html_tag_is(n, "h1") && h->scan->h1 < 0)
		h->scan->h1 = pos;
	html_read_attrs(n, in);
	if (kinds & K_SOFT)
		in->soft = html_tag_is(n, "nav") || html_tag_is(n, "menu") ?
		    "navigation" : strncmp((const char *)n->name, "amp-", 4) ==
		    0 ? "advertisement" : html_tag_is(n, "button") ? "form" :
		    "not text";
	else if (in->hidden)
		in->soft = "hidden";
	if (in->soft != NULL)
		h->nsoft++;

	in_link = in_link || html_tag_is(n, "a");
	child_scan = scan && (in->soft == NULL || html_tag_is(n, "head")) &&
	    scan_inside(n);
	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type ==
		    XML_CDATA_SECTION_NODE) {
			if (c->content != NULL)
				count_text((const char *)c->content, in,
				    in_link);
			c->_private = NULL;
		} else if (c->type == XML_ELEMENT_NODE) {
			struct info *ci;

			gather(h, c, in_link, child_scan);
			/* Soft furniture is left out of the sums: most of
			 * it is dropped (see html_gather). */
			if ((ci = html_info(c)) != NULL && ci->drop == NULL) {
				in->allchars += ci->allchars;
				if (ci->soft == NULL) {
					in->chars += ci->chars;
					in->linkchars += ci->linkchars;
					in->commas += ci->commas;
				}
			}
		} else
			c->_private = NULL;
	}
	/* An accordion's question is a button: "How much does it cost?";
	 * its answer is hidden until the question is opened. */
	if (in->soft != NULL && html_tag_is(n, "button") && in->chars >= 12 &&
	    in->chars <= 300 && asks(n) && answered(n)) {
		in->soft = NULL;
		h->nsoft--;
	} else if (in->soft != NULL && strcmp(in->soft, "hidden") == 0 &&
	    in->chars >= 20 && in->linkchars * 2 < in->chars &&
	    accordion_answer(n)) {
		in->soft = NULL;
		h->nsoft--;
	}
	if (scan)
		html_scan_element(h, n, pos);
}

/* The byline and date looked for again, when the page turned out to
 * stand inside what looked like furniture (an unclosed menu). */
static void
rescan(struct html *h, xmlNodePtr n)
{
	struct info *in = html_info(n);
	xmlNodePtr c;
	long pos;

	if (in == NULL || in->drop != NULL)
		return;
	pos = ++h->scan->pos;
	if (html_tag_is(n, "h1") && h->scan->h1 < 0)
		h->scan->h1 = pos;
	if (scan_inside(n))
		for (c = n->children; c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				rescan(h, c);
	html_scan_element(h, n, pos);
}

/* Drop the soft furniture that holds little of the page, then sum the
 * text again without it. */
static void
settle(struct html *h, xmlNodePtr n, int in_link)
{
	xmlNodePtr c;
	struct info *in = html_info(n), *ci;

	if (in == NULL || in->drop != NULL)
		return;
	in_link = in_link || html_tag_is(n, "a");
	if (in->soft != NULL && in->allchars * 4 < h->total_chars) {
		in->drop = in->soft;
		return;
	}
	if (in->soft == NULL && in->chars == 0)
		return;
	in->chars = in->linkchars = in->commas = in->allchars = 0;
	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type ==
		    XML_CDATA_SECTION_NODE) {
			if (c->content != NULL)
				count_text((const char *)c->content, in,
				    in_link);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		settle(h, c, in_link);
		if ((ci = html_info(c)) != NULL && ci->drop == NULL) {
			in->chars += ci->chars;
			in->linkchars += ci->linkchars;
			in->commas += ci->commas;
		}
	}
}

/* Facts about every element, once per page. */
void
html_gather(struct html *h)
{
	xmlNodePtr root;
	size_t i;
	int again = 0;

	h->ninfos = 0;
	gather(h, xmlDocGetRootElement(h->doc), 0, 1);
	/* A page the parser built oddly (the text in <head>, after a stray
	 * custom element) is read from its root. */
	root = xmlDocGetRootElement(h->doc);
	if (html_info(h->body) == NULL || (html_info(root) != NULL &&
	    html_info(h->body)->allchars * 2 < html_info(root)->allchars))
		h->body = root;
	h->total_chars = html_info(h->body) != NULL ?
	    html_info(h->body)->allchars : 0;
	/* Soft furniture holding a quarter of the page is the page (a
	 * parsing accident put it there): only then sum everything again. */
	for (i = 0; i < h->ninfos && h->nsoft > 0; i++) {
		struct info *in = html_info_at(h, i);

		if (in->soft == NULL || in->drop != NULL)
			continue;
		/* Hidden text is the page only when it is most of it (a body
		 * shown by a script); a hidden copy beside the story (the
		 * page as Markdown) is not. */
		if (in->allchars * (strcmp(in->soft, "hidden") == 0 ? 2 : 4) <
		    h->total_chars)
			in->drop = in->soft;
		else
			again = 1;
	}
	if (again) {
		for (i = 0; i < h->ninfos; i++)
			if (html_info_at(h, i)->soft != NULL)
				html_info_at(h, i)->drop = NULL;
		settle(h, xmlDocGetRootElement(h->doc), 0);
		html_scan_clear(h->scan);
		rescan(h, xmlDocGetRootElement(h->doc));
	}
}

