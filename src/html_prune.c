/*
 * html_prune: the walk over the chosen content. Furniture inside it
 * (captions, share rows, promos, forms, lists of links, the writer's box)
 * is dropped and recorded on the story with its reason; the rest fills
 * blocks: paragraphs, headings, list items, quotations, code, data tables
 * and links.
 */
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>
#include <libxml/uri.h>

#include "clean.h"
#include "html.h"
#include "story.h"
#include "text.h"
#include "util.h"

static char *
resolve_url(const char *href, const char *base)
{
	xmlChar *u;
	char *s;

	if (strncasecmp(href, "javascript:", 11) == 0 || href[0] == '#')
		return NULL;
	u = xmlBuildURI((const xmlChar *)href, (const xmlChar *)base);
	if (u == NULL)
		return xstrdup(href);
	s = xstrdup((const char *)u);
	xmlFree(u);
	return s;
}

static void
record_drop(struct walk *w, xmlNodePtr n, const char *reason)
{
	xmlChar *raw;
	char *t;
	size_t len, cut;

	if (strcmp(reason, "not text") == 0 ||
	    strcmp(reason, "picture") == 0)
		return;
	if ((raw = xmlNodeGetContent(n)) == NULL)
		return;
	/* A long removal is noted by its start only. */
	len = strlen((const char *)raw);
	cut = len > 600 ? 600 : len;
	while (cut > 0 && cut < len && (raw[cut] & 0xC0) == 0x80)
		cut--;
	t = text_sanitize((const char *)raw, cut, TEXT_ONELINE | TEXT_SQUEEZE);
	xmlFree(raw);
	if (t[0] != '\0') {
		if (cut < len || strlen(t) > 300) {
			size_t c = strlen(t) > 297 ? 297 : strlen(t);
			char *s;

			while (c > 0 && ((unsigned char)t[c] & 0xC0) == 0x80)
				c--;
			t[c] = '\0';
			s = xasprintf("%s\xE2\x80\xA6", t);
			free(t);
			t = s;
		}
		story_add_removed(w->st, reason, t);
		if (w->bs->ndrops + 2 > w->bs->capdrops) {
			w->bs->capdrops = w->bs->capdrops ? w->bs->capdrops *
			    2 : 32;
			w->bs->drops = xreallocarray(w->bs->drops,
			    w->bs->capdrops, sizeof *w->bs->drops);
		}
		w->bs->drops[w->bs->ndrops++] = w->st->nremoved - 1;
		w->bs->drops[w->bs->ndrops++] = w->bs->n;
	}
	free(t);
}

/* Conditional cleaning inside the content (Readability's idea): lists,
 * tables and boxes that are mostly links, or forms, or furniture words. */
/* Sentences that link many of their words ("This hotel features in my
 * lists of the best hotels in Bangkok, ..."): prose, not a list of
 * links. */
static int
linked_sentences(xmlNodePtr n)
{
	char *text = html_node_words(n);
	int words = clean_count_words(text), prose;

	prose = words >= 20 && clean_is_sentence(text, words);
	free(text);
	return prose;
}

static const char *
prune_reason(xmlNodePtr n)
{
	struct info *in = html_info(n);
	double ld;

	if (in == NULL)
		return "not text";
	if (in->drop != NULL)
		return in->drop;
	/* The writer's box, or its note: "author-bio", "authorBox". */
	if (in->author && in->bio && !in->exempt && in->chars < 1500 &&
	    in->block)
		return "author bio";
	if (!(html_tag_is(n, "div") || html_tag_is(n, "section") ||
	    html_tag_is(n, "ul") || html_tag_is(n, "ol") ||
	    html_tag_is(n, "table") || html_tag_is(n, "aside") ||
	    html_tag_is(n, "form") || html_tag_is(n, "figure") ||
	    html_tag_is(n, "header") || html_tag_is(n, "footer") ||
	    html_tag_is(n, "dl")))
		return NULL;
	if (html_tag_is(n, "figure") && !html_story_figure(n))
		return "caption";
	if (html_tag_is(n, "form") && in->chars < 2000)
		return "form";
	ld = html_link_density(n);
	if (in->caption && in->weight < 0 && !in->exempt && in->chars < 400)
		return "caption";
	if (in->weight < 0 && in->chars < 1500 &&
	    !html_embedded_post(n, in->reason)) {
		if (in->reason != NULL)
			return in->reason;
		if (ld > 0.33)
			return "links";
	}
	if (ld > 0.5 && in->chars < 1000 && in->commas < 10 &&
	    !linked_sentences(n))
		return "links";
	if ((html_tag_is(n, "ul") || html_tag_is(n, "ol")) && ld > 0.5 &&
	    in->chars < 600)
		return "links";
	return NULL;
}

static void
walk_children(struct walk *w, xmlNodePtr n)
{
	xmlNodePtr c;

	for (c = n->children; c != NULL; c = c->next)
		html_walk(w, c);
}

static int
heading_level(const xmlNode *n)
{
	if (n->type == XML_ELEMENT_NODE && n->name != NULL &&
	    (n->name[0] == 'h' || n->name[0] == 'H') && n->name[1] >= '1' &&
	    n->name[1] <= '6' && n->name[2] == '\0')
		return n->name[1] - '0';
	return 0;
}

/* A table of data, not one laid out for the page: a header row or
 * caption, or several rows of short cells. */
static int
data_table(xmlNodePtr table)
{
	xmlNodePtr sec, row, cell;
	int rows = 0, cells = 0, maxcols = 0, cols;

	for (sec = table->children; sec != NULL; sec = sec->next) {
		if (html_tag_is(sec, "thead") || html_tag_is(sec, "caption"))
			return 1;
		for (row = html_tag_is(sec, "tr") ? sec : sec->children;
		    row != NULL; row = html_tag_is(sec, "tr") ? NULL :
		    row->next) {
			if (!html_tag_is(row, "tr"))
				continue;
			rows++;
			cols = 0;
			for (cell = row->children; cell != NULL;
			    cell = cell->next) {
				if (html_tag_is(cell, "th"))
					return 1;
				if (html_tag_is(cell, "td")) {
					cols++;
					cells++;
				}
			}
			if (cols > maxcols)
				maxcols = cols;
		}
	}
	return rows >= 3 && maxcols >= 2 && html_info(table) != NULL &&
	    html_info(table)->chars / (size_t)(cells > 0 ? cells : 1) < 80;
}

static void
walk_table(struct walk *w, xmlNodePtr table)
{
	xmlNodePtr row, cell, sec;
	struct blocks *bs = w->bs;

	html_block_end(bs);
	for (sec = table->children; sec != NULL; sec = sec->next) {
		xmlNodePtr rows = sec;

		if (html_tag_is(sec, "caption")) {
			walk_children(w, sec);
			html_block_end(bs);
			continue;
		}
		if (!html_tag_is(sec, "thead") && !html_tag_is(sec, "tbody") &&
		    !html_tag_is(sec, "tfoot") && !html_tag_is(sec, "tr"))
			continue;
		for (row = html_tag_is(sec, "tr") ? sec : rows->children;
		    row != NULL; row = row->next) {
			int cells = 0;

			if (!html_tag_is(row, "tr"))
				continue;
			for (cell = row->children; cell != NULL;
			    cell = cell->next) {
				if (!html_tag_is(cell, "td") &&
				    !html_tag_is(cell, "th"))
					continue;
				if (cells++ > 0)
					html_block_text(bs, " | ");
				bs->row = 1;
				walk_children(w, cell);
				/* walk_children may end blocks inside a
				 * cell (a <p> in a cell): fine. */
			}
			html_block_end(bs);
			bs->row = 0;
			if (html_tag_is(sec, "tr"))
				break;
		}
	}
}

void
html_walk(struct walk *w, xmlNodePtr n)
{
	struct blocks *bs = w->bs;
	const char *why;
	size_t start;
	int level;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			html_block_text(bs, (const char *)n->content);
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	if ((why = prune_reason(n)) != NULL) {
		/* Keep the place of a block boundary. */
		if (html_is_block(n))
			html_block_end(bs);
		if (strcmp(why, "author bio") == 0)
			bs->bio_at = bs->n + 1;
		record_drop(w, n, why);
		return;
	}
	if (html_tag_is(n, "br")) {
		/* Two breaks in a row end a paragraph; one is a space. */
		xmlNodePtr next = n->next;

		while (next != NULL && next->type == XML_TEXT_NODE &&
		    next->content != NULL && strspn((const char *)
		    next->content, " \t\r\n") == strlen((const char *)
		    next->content))
			next = next->next;
		if ((next != NULL && html_tag_is(next, "br")) ||
		    (n->prev != NULL && html_tag_is(n->prev, "br")))
			html_block_end(bs);
		else
			html_block_text(bs, " ");
		return;
	}
	if (html_tag_is(n, "table") && data_table(n)) {
		walk_table(w, n);
		return;
	}
	if ((level = heading_level(n)) > 0) {
		html_block_end(bs);
		bs->kind = KIND_HEADING;
		walk_children(w, n);
		html_block_end(bs);
		return;
	}
	if (html_tag_is(n, "li") || html_tag_is(n, "dt") ||
	    html_tag_is(n, "dd")) {
		html_block_end(bs);
		bs->kind = KIND_ITEM;
		walk_children(w, n);
		html_block_end(bs);
		return;
	}
	if (html_tag_is(n, "blockquote")) {
		xmlNodePtr c;

		html_block_end(bs);
		for (c = n->children; c != NULL; c = c->next) {
			bs->kind = KIND_QUOTE;
			html_walk(w, c);
			if (bs->cur.len > 0 && html_is_block(c))
				html_block_end(bs);
			else if (bs->cur.len > 0)
				bs->kind = KIND_QUOTE;
		}
		bs->kind = bs->cur.len > 0 ? KIND_QUOTE : bs->kind;
		html_block_end(bs);
		return;
	}
	if (html_tag_is(n, "pre")) {
		html_block_end(bs);
		bs->kind = KIND_PRE;
		bs->pre = 1;
		walk_children(w, n);
		bs->pre = 0;
		html_block_end(bs);
		return;
	}
	if (html_tag_is(n, "a")) {
		char *href = html_attr(n, "href"), *url;

		start = bs->cur.len;
		walk_children(w, n);
		if (href != NULL && bs->cur.len > start &&
		    (url = resolve_url(href, bs->url)) != NULL) {
			bs->links = xreallocarray(bs->links, bs->nlinks + 1,
			    sizeof *bs->links);
			bs->links[bs->nlinks].start = start;
			bs->links[bs->nlinks].end = bs->cur.len;
			bs->links[bs->nlinks].url = url;
			bs->nlinks++;
		}
		free(href);
		return;
	}
	if (html_is_block(n)) {
		enum story_kind keep = bs->kind;

		html_block_end(bs);
		if (keep == KIND_QUOTE)
			bs->kind = KIND_QUOTE;
		walk_children(w, n);
		html_block_end(bs);
		return;
	}
	walk_children(w, n);
}

