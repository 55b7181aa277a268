/*
 * html_node: the element helpers every stage of the HTML cleaner uses:
 * which lists an element's name is in, an attribute's value, and the text
 * below an element.
 */
#include <string.h>

#include <libxml/tree.h>

#include "html.h"
#include "text.h"
#include "util.h"

/* Elements that are never story text. */
static const char *const never_content[] = { "script", "style", "noscript",
	"template", "canvas", "iframe", "object", "embed", "input",
	"select", "textarea", "option", "meta", "link", "ins", "map",
	"audio", "video", "source", "track", "picture", "img", "math",
	"amp-analytics", "amp-iframe", "amp-img", NULL };

/* Elements that are furniture unless a parsing accident put the page
 * inside them (an unclosed <svg> or <nav> swallows what follows). */
static const char *const soft_never[] = { "head", "svg", "nav", "menu",
	"dialog", "button",
	"amp-ad", "amp-embed", "amp-social-share", "amp-sidebar",
	"amp-consent", NULL };

const char *const html_block_tags[] = { "p", "div", "section", "article",
	"main", "header", "footer", "aside", "h1", "h2", "h3", "h4", "h5",
	"h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
	"table", "thead", "tbody", "tfoot", "tr", "td", "th", "figure",
	"figcaption", "form", "fieldset", "address", "hr", "center",
	"details", "summary", "caption", "body", "html", "hgroup", NULL };

/* Which of the lists an element's name is in, looked up once per name
 * and page. */
int
html_tag_kinds(struct html *h, const xmlNode *n)
{
	const char *name = (const char *)n->name;
	size_t len, slot;
	int k;

	if (name == NULL)
		return 0;
	len = strlen(name);
	slot = ((unsigned char)name[0] * 31u + (unsigned char)name[len - 1] *
	    7u + len) & 255;
	if (len < sizeof h->kind_cache[0].name &&
	    strcmp(h->kind_cache[slot].name, name) == 0)
		return h->kind_cache[slot].kinds;
	k = (html_tag_in(n, never_content) ? K_NEVER : 0) |
	    (html_tag_in(n, soft_never) ? K_SOFT : 0) |
	    (html_tag_in(n, html_block_tags) ? K_BLOCK : 0);
	if (len < sizeof h->kind_cache[0].name) {
		memcpy(h->kind_cache[slot].name, name, len + 1);
		h->kind_cache[slot].kinds = k;
	}
	return k;
}

char *
html_attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp((xmlNodePtr)n, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

char *
html_node_text(xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);
	char *s;

	if (t == NULL)
		return xstrdup("");
	s = text_sanitize((const char *)t, strlen((const char *)t),
	    TEXT_ONELINE | TEXT_SQUEEZE);
	xmlFree(t);
	return s;
}

/* Text below n with a space at every element's edge ("Written By"
 * <span>Jane</span> reads as two words), skipping scripts; for short
 * elements such as bylines. */
static void
spaced_text(const xmlNode *n, struct buf *b, int depth)
{
	const xmlNode *c;

	for (c = n->children; c != NULL && b->len < 1000; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL)
			buf_adds(b, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE && depth < 50 &&
		    !html_tag_in(c, never_content)) {
			buf_addc(b, ' ');
			spaced_text(c, b, depth + 1);
			buf_addc(b, ' ');
		}
	}
}

char *
html_node_words(const xmlNode *n)
{
	struct buf b = { 0 };
	char *s;

	spaced_text(n, &b, 0);
	s = text_sanitize(b.data == NULL ? "" : b.data, b.len, TEXT_ONELINE |
	    TEXT_SQUEEZE);
	buf_free(&b);
	return s;
}

int
html_is_ancestor(const xmlNode *a, const xmlNode *n)
{
	for (; n != NULL; n = n->parent)
		if (n == a)
			return 1;
	return 0;
}

