/*
 * clean_html: an HTML page to a story. The stages, each in its own file
 * (html.h says what they share):
 *
 *   html_parse.c	the page parsed, flattened if it nests too deeply,
 *			and repaired (stray text, React's streamed parts);
 *   html_facts.c	one walk giving every element its facts, with
 *   html_attrs.c	  what its attributes say,
 *   html_meta.c	  the page's metadata (JSON-LD, Open Graph, <meta>)
 *   html_byline.c	  and the byline and date it shows;
 *   html_meta.c	the headline, byline and time chosen;
 *   html_score.c	the content found by a Readability-class scorer,
 *			with its related siblings and the standfirst;
 *   html_prune.c	the furniture inside it dropped, the rest in blocks;
 *   html_emit.c	the blocks that read as the story made its
 *			paragraphs;
 *
 * and the same wire pass as saved text (wire.c) at the end.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "clean.h"
#include "html.h"
#include "story.h"
#include "wire.h"

/* The content into blocks, by Readability's retries: strict first, then
 * looser while too little is found. */
static void
find_content(struct html *h, struct story *st, struct blocks *bs)
{
	size_t chars;
	int pass;

	for (pass = 0; pass < 3; pass++) {
		h->strip_unlikely = pass < 1;
		h->use_weights = pass < 2;
		html_reset_scores(h);
		html_blocks_free(bs);
		/* Drop what a failed pass recorded. */
		while (st->nremoved > 0) {
			st->nremoved--;
			free(st->removed[st->nremoved].reason);
			free(st->removed[st->nremoved].text);
		}
		chars = html_extract(h, st, bs);
		if (chars >= 500 || h->total_chars < 1000)
			break;
	}
}

void
clean_html(const char *s, size_t n, const char *url, struct story *st)
{
	struct html h;
	struct meta m;
	struct blocks bs;
	struct scan sc;

	memset(&h, 0, sizeof h);
	memset(&m, 0, sizeof m);
	memset(&bs, 0, sizeof bs);
	memset(&sc, 0, sizeof sc);
	if ((h.doc = html_parse(s, n, url, st)) == NULL) {
		story_set(&st->note, "no story found: the page is empty");
		return;
	}
	h.url = url;
	h.meta = &m;
	h.scan = &sc;
	html_scan_clear(&sc);
	h.body = html_body(h.doc, s, n);

	html_gather(&h);
	html_choose_headline(st, &m);
	html_choose_byline(st, &m, &sc);
	html_choose_time(st, &m, &sc);
	html_choose_url(st, &m);
	html_scan_clear(&sc);

	find_content(&h, st, &bs);
	html_emit_blocks(st, &bs);
	html_trim_tail(st);
	if (m.body != NULL)
		html_prefer_copy(st, m.body);
	if (st->dateline_place == NULL && m.dateline != NULL &&
	    clean_count_words(m.dateline) <= 5)
		story_set(&st->dateline_place, m.dateline);
	wire_finish(st);
	if (st->npara == 0 && st->note == NULL)
		story_set(&st->note, "no story found on this page");

	html_blocks_free(&bs);
	html_meta_free(&m);
	xmlFreeDoc(h.doc);
	while (h.nchunks > 0)
		free(h.chunks[--h.nchunks]);
	free(h.chunks);
}
