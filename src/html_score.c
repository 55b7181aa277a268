/*
 * html_score: the scorer, Readability-class. What cannot be the story is
 * marked (furniture by tag, role and vocabulary), text blocks are scored
 * by length and commas, scores pass up to their ancestors, and the best
 * container is refined; its related siblings and the standfirst above it
 * are kept with it.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "clean.h"
#include "html.h"

/* Whether n stands inside <pre> or <code>. */
static int
in_code(const xmlNode *n)
{
	for (n = n->parent; n != NULL && n->type == XML_ELEMENT_NODE;
	    n = n->parent)
		if (html_tag_is(n, "pre") || html_tag_is(n, "code"))
			return 1;
	return 0;
}

/* A figure that holds a table ("wp-block-table") or a quotation is the
 * story's (a repeated pull quote goes with the duplicates); other
 * figures are pictures and their captions. */
int
html_story_figure(const xmlNode *n)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && (html_tag_is(c, "table") ||
		    html_tag_is(c, "blockquote") || (html_tag_is(c, "div") &&
		    html_story_figure(c))))
			return 1;
	return 0;
}

/*
 * Whether a block that sharing vocabulary marks ("social-embed",
 * "share") holds a post quoted in the story: a row of share buttons is
 * links and a few words, a post is a sentence or more of its own text
 * (followed by its author and date, so it need not end like one).
 */
int
html_embedded_post(const xmlNode *n, const char *reason)
{
	const struct info *in = html_info(n);
	char *t;
	int words, post;

	if (reason == NULL || strcmp(reason, "share") != 0 || in == NULL ||
	    in->chars < 60 || in->linkchars * 2 > in->chars)
		return 0;
	t = html_node_words(n);
	words = clean_count_words(t);
	post = words >= 15 && (clean_is_sentence(t, words) ||
	    strstr(t, ". ") != NULL);
	free(t);
	return post;
}

static const char *
tag_reason(const xmlNode *n)
{
	if (html_tag_is(n, "aside"))
		return "sidebar";
	if (html_tag_is(n, "footer"))
		return "footer";
	if (html_tag_is(n, "form"))
		return "form";
	if (html_tag_is(n, "figcaption") || (html_tag_is(n, "figure") &&
	    !html_story_figure(n)))
		return "caption";
	if (html_tag_is(n, "header"))
		return "header";
	return NULL;
}

static void
init_candidate(struct html *h, xmlNodePtr n)
{
	struct info *in = html_info(n);

	if (in == NULL || in->candidate)
		return;
	in->candidate = 1;
	if (html_tag_is(n, "div") || html_tag_is(n, "article") ||
	    html_tag_is(n, "main"))
		in->score = 5;
	else if (html_tag_is(n, "pre") || html_tag_is(n, "td") ||
	    html_tag_is(n, "blockquote") || html_tag_is(n, "section"))
		in->score = 3;
	else if (html_tag_is(n, "address") || html_tag_is(n, "ol") ||
	    html_tag_is(n, "ul") || html_tag_is(n, "dl") ||
	    html_tag_is(n, "dd") || html_tag_is(n, "dt") ||
	    html_tag_is(n, "li") || html_tag_is(n, "form"))
		in->score = -3;
	else if (html_tag_is(n, "h1") || html_tag_is(n, "h2") ||
	    html_tag_is(n, "h3") || html_tag_is(n, "h4") ||
	    html_tag_is(n, "h5") || html_tag_is(n, "h6") ||
	    html_tag_is(n, "th"))
		in->score = -5;
	if (html_tag_is(n, "article"))
		in->score += 10;
	if (h->use_weights)
		in->score += in->weight;
}

#ifndef CLIMB_RATIO
#define CLIMB_RATIO 1.25
#endif

/* Characters per comma below which a block is a list: a clause of prose
 * between two commas runs some 25 characters or more on average, a list
 * of names, handles or tags has a comma every 5 to 12. */
#define COMMA_SPAN	12

struct best {
	xmlNodePtr	node;
	double		score;
};

static void
keep_best(struct best *top, size_t ntop, xmlNodePtr n, double sc)
{
	size_t i, j;

	for (i = 0; i < ntop; i++)
		if (top[i].node == NULL || sc > top[i].score) {
			for (j = ntop - 1; j > i; j--)
				top[j] = top[j - 1];
			top[i].node = n;
			top[i].score = sc;
			return;
		}
}

/*
 * A text block's score goes to the block's mass and up to its
 * ancestors' scores, less at each level. Text standing straight in n
 * (own) counts as a block below n: n is its parent.
 */
static void
pass_up(struct html *h, xmlNodePtr n, double s, int own)
{
	xmlNodePtr a;
	int level;

	for (a = n; a != NULL && a->type == XML_ELEMENT_NODE &&
	    html_info(a) != NULL; a = a->parent)
		html_info(a)->mass += s;
	for (a = own ? n : n->parent, level = 0; a != NULL && level < 5 &&
	    a->type == XML_ELEMENT_NODE; a = a->parent, level++) {
		if (html_info(a) == NULL || html_info(a)->drop != NULL)
			break;
		init_candidate(h, a);
		html_info(a)->score += level == 0 ? s : level == 1 ?
		    s / 2 : s / (level * 3);
	}
}

/* The score of a run of bare text as a paragraph (as score_tree scores
 * a block), or 0 when it is too short to be one, or no prose: words of
 * prose average under 12 characters with their space, a script's data
 * or a broken attribute's run far longer. */
static double
bare_text_score(const char *t)
{
	size_t chars = 0, commas = 0, words = 0;
	int space = 1;

	for (; *t != '\0'; t++) {
		unsigned char c = (unsigned char)*t;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			chars += !space;
			words += !space;
			space = 1;
			continue;
		}
		space = 0;
		if ((c & 0xC0) == 0x80)
			continue;
		chars++;
		commas += c == ',';
	}
	if (chars < 25 || (words + 1) * 12 < chars)
		return 0;
	if (commas * COMMA_SPAN > chars)
		commas = 0;
	return 1 + (double)commas + (chars / 100 > 3 ? 3 :
	    (double)(chars / 100));
}

/*
 * One walk for the scorer: mark what cannot be the story (furniture by
 * tag, role and vocabulary; a large share of the page's text is never
 * marked by vocabulary alone), score the text blocks and pass the scores
 * up, and keep the best candidates as the walk leaves them (their scores
 * are complete by then).
 */
static void
score_tree(struct html *h, xmlNodePtr n, int in_article, struct best *top,
    size_t ntop)
{
	xmlNodePtr c;
	struct info *in = html_info(n);
	const char *r;
	double s;

	if (in == NULL || in->drop != NULL)
		return;
	if (html_tag_is(n, "article") || html_tag_is(n, "main"))
		in_article = 1;
	if (h->strip_unlikely && !html_tag_is(n, "body") &&
	    !html_tag_is(n, "html") && !html_tag_is(n, "article") &&
	    !html_tag_is(n, "main")) {
		int big = h->total_chars > 0 &&
		    in->chars * 3 > h->total_chars;

		r = in->role;
		if (r == NULL && !(html_tag_is(n, "header") && in_article))
			r = tag_reason(n);
		/* Highlighted code has classes of its own ("hljs-comment",
		 * "token comment"): they say nothing about the page. */
		if (r == NULL && in->reason != NULL && !in->exempt &&
		    in->weight < 0 && !in_code(n) &&
		    !html_embedded_post(n, in->reason))
			r = in->reason;
		/* A big block keeps its text whatever its class says; one
		 * holding most of the page is the page, whatever its tag
		 * (a stray unclosed <header> may swallow the rest). */
		if (r != NULL && !(big && (html_tag_is(n, "div") ||
		    html_tag_is(n, "section") || html_tag_is(n, "form"))) &&
		    !(h->total_chars > 0 && in->chars * 5 >
		    h->total_chars * 3)) {
			in->drop = r;
			in->marked = 1;
			return;
		}
	}
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			score_tree(h, c, in_article, top, ntop);
	/* Text set straight in a container beside its blocks (a body of
	 * bare text between pictures and breaks, without <p>) is
	 * paragraphs too: each run of it scores as one. */
	if (in->chars >= 25 && html_has_block_child(n))
		for (c = n->children; c != NULL; c = c->next)
			if (c->type == XML_TEXT_NODE && c->content != NULL &&
			    (s = bare_text_score((const char *)c->content)) > 0)
				pass_up(h, n, s, 1);
	if ((html_tag_is(n, "p") || html_tag_is(n, "pre") ||
	    html_tag_is(n, "td") ||
	    ((html_tag_is(n, "div") || html_tag_is(n, "section")) &&
	    !html_has_block_child(n))) && in->chars >= 25) {
		/* Commas mark clauses; a run of short items between
		 * commas (names, handles, tags) is a list, not prose: its
		 * commas count for nothing. */
		size_t commas = in->commas * COMMA_SPAN > in->chars ? 0 :
		    in->commas;

		s = 1 + (double)commas +
		    (in->chars / 100 > 3 ? 3 : (double)(in->chars / 100));
		pass_up(h, n, s, 0);
	}
	if (in->candidate && !html_tag_is(n, "body") && !html_tag_is(n, "html"))
		keep_best(top, ntop, n, in->score * (1 - html_link_density(n)));
}

static double
final_score(const xmlNode *n)
{
	const struct info *in = html_info(n);

	return in == NULL || !in->candidate ? 0 :
	    in->score * (1 - html_link_density(n));
}

/* Readability's refinements: an ancestor shared by several strong
 * candidates, or a parent that scores better, holds the story. */
static xmlNodePtr
refine_top(struct best *top, size_t ntop)
{
	xmlNodePtr best = top[0].node, a;
	double bs = top[0].score;
	size_t i;
	int shared;

	for (a = best->parent; a != NULL && a->type == XML_ELEMENT_NODE &&
	    !html_tag_is(a, "body"); a = a->parent) {
		shared = 0;
		for (i = 1; i < ntop && top[i].node != NULL; i++) {
			xmlNodePtr p;

			if (top[i].score < bs * 0.75)
				continue;
			for (p = top[i].node; p != NULL; p = p->parent)
				if (p == a) {
					shared++;
					break;
				}
		}
		if (shared >= 2) {
			best = a;
			break;
		}
	}
	/* Climb while the parent scores higher, Readability-style. */
	bs = final_score(best);
	for (a = best->parent; a != NULL && a->type == XML_ELEMENT_NODE &&
	    !html_tag_is(a, "body") && html_info(a) != NULL; a = a->parent) {
		double ps = final_score(a);

		if (ps < bs / 3)
			break;
		if (ps > bs) {
			best = a;
			bs = ps;
		}
	}
	/* Content split over many small blocks: climb while the parent
	 * holds much more of the page's text blocks, and few links. */
	for (a = best->parent; a != NULL && a->type == XML_ELEMENT_NODE &&
	    !html_tag_is(a, "body") && !html_tag_is(a, "html") &&
	    html_info(a) != NULL; a = a->parent) {
		if (html_info(a)->mass <= html_info(best)->mass)
			continue;	/* a wrapper: look past it */
		if (html_info(a)->mass < html_info(best)->mass * CLIMB_RATIO ||
		    html_link_density(a) > 0.4)
			break;
		best = a;
	}
	/* A lone child wrapper says nothing: take its parent. */
	while (best->parent != NULL && best->parent->type == XML_ELEMENT_NODE &&
	    !html_tag_is(best->parent, "body") &&
	    html_info(best->parent) != NULL) {
		xmlNodePtr c;
		int elems = 0;

		for (c = best->parent->children; c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				elems++;
		if (elems != 1)
			break;
		best = best->parent;
	}
	return best;
}

/* Forget one pass's scores and marks before the next. */
void
html_reset_scores(struct html *h)
{
	size_t i;

	for (i = 0; i < h->ninfos; i++) {
		struct info *in = html_info_at(h, i);

		if (in->marked) {
			in->drop = NULL;
			in->marked = 0;
		}
		in->score = in->mass = 0;
		in->candidate = 0;
	}
}

/*
 * Whether every block below n that is still content is a paragraph, maybe
 * inside plain wrappers: an intro box beside the story's container.
 * Counts the paragraphs in *np.
 */
static int
paragraphs_only(const xmlNode *n, int depth, int *np)
{
	const xmlNode *c;
	const struct info *in;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if ((in = html_info(c)) != NULL && in->drop != NULL)
			continue;
		if (html_tag_is(c, "p"))
			(*np)++;
		else if (html_tag_is(c, "div") || html_tag_is(c, "section")) {
			if (depth >= 8 || !paragraphs_only(c, depth + 1, np))
				return 0;
		} else if (html_is_block(c))
			return 0;
	}
	return 1;
}

static xmlNodePtr
next_element(xmlNodePtr n)
{
	for (n = n->next; n != NULL && n->type != XML_ELEMENT_NODE;
	    n = n->next)
		;
	return n;
}

static int
is_sibling_content(xmlNodePtr sib, xmlNodePtr top, double threshold)
{
	struct info *in = html_info(sib);
	const char *c1, *c2;
	double bonus = 0;
	char *t;
	int ok = 0;

	if (in == NULL || in->drop != NULL)
		return 0;
	c1 = in->cls;
	c2 = html_info(top) != NULL ? html_info(top)->cls : NULL;
	/* A part of the same story shares the container's tag and its
	 * class, or the first name of it ("body part-2" beside "body"). */
	if (c1 != NULL && c2 != NULL && c1[0] != '\0' && (strcmp(c1, c2) ==
	    0 || (sib->name != NULL && top->name != NULL &&
	    strcmp((const char *)sib->name, (const char *)top->name) == 0 &&
	    strcspn(c1, " ") == strcspn(c2, " ") &&
	    strncmp(c1, c2, strcspn(c1, " ")) == 0)))
		bonus = final_score(top) * 0.2;
	/* A list or a table right beside the container, with few links,
	 * is the story's (bullet points, a comparison). */
	if ((html_tag_is(sib, "ul") || html_tag_is(sib, "ol") ||
	    html_tag_is(sib, "table")) && in->chars >= 40 &&
	    html_link_density(sib) < 0.25 && in->weight >= 0 &&
	    (next_element(sib) == top || next_element(top) == sib))
		return 1;
	if (in->candidate && final_score(sib) + bonus >= threshold)
		return 1;
	if (!html_tag_is(sib, "p")) {
		int np = 0;

		if (!(html_tag_is(sib, "div") || html_tag_is(sib, "section")) ||
		    in->weight < 0 || !paragraphs_only(sib, 0, &np) ||
		    np == 0 || np > 4 || in->chars < 40 ||
		    html_link_density(sib) >= 0.25)
			return 0;
		t = html_node_text(sib);
		ok = clean_is_sentence(t, clean_count_words(t));
		free(t);
		return ok;
	}
	if (in->chars > 80 && html_link_density(sib) < 0.25)
		return 1;
	if (in->chars > 0 && in->chars <= 80 && html_link_density(sib) == 0) {
		t = html_node_text(sib);
		ok = clean_is_sentence(t, clean_count_words(t));
		free(t);
	}
	return ok;
}

static xmlNodePtr
next_in_order(xmlNodePtr n, int descend)
{
	if (descend && n->children != NULL)
		return n->children;
	while (n != NULL && n->next == NULL)
		n = n->parent;
	return n != NULL ? n->next : NULL;
}

/*
 * The standfirst: a paragraph or two between the page's <h1> and the
 * container of the story, outside it ("Protect your organization with
 * ..."). Walks forward from the heading to the container's level and
 * takes the first sentences with few links; stops at anything long that
 * is not one.
 */
static void
walk_standfirst(struct html *h, struct walk *w, xmlNodePtr best)
{
	static const char *const tags[] = { "p", "div", "h2", "span",
	    "section", NULL };
	xmlNodePtr n;
	int seen = 0, taken = 0;
	size_t other = 0;

	if (h->h1 == NULL || html_is_ancestor(h->h1, best) ||
	    html_is_ancestor(best, h->h1) || html_info(h->h1) == NULL ||
	    html_info(best) == NULL ||
	    html_info(h->h1)->order > html_info(best)->order)
		return;
	for (n = next_in_order(h->h1, 0); n != NULL && seen < 80;) {
		struct info *in;
		char *t;
		int words, ok, ender;

		if (n->type != XML_ELEMENT_NODE ||
		    (in = html_info(n)) == NULL) {
			n = next_in_order(n, 0);
			continue;
		}
		seen++;
		if (n == best || (best->parent != NULL && n->parent ==
		    best->parent))
			break;
		if (html_is_ancestor(n, best)) {
			n = next_in_order(n, 1);
			continue;
		}
		if (in->drop != NULL || in->chars == 0) {
			n = next_in_order(n, 0);
			continue;
		}
		if (html_has_block_child(n) && !html_tag_is(n, "p")) {
			n = next_in_order(n, 1);
			continue;
		}
		ok = 0;
		if (html_tag_in(n, tags) && in->weight >= 0 &&
		    in->chars >= 60 && html_link_density(n) < 0.2) {
			t = html_node_text(n);
			words = clean_count_words(t);
			ok = words >= 8 && words <= 90 &&
			    clean_is_sentence(t, words) &&
			    clean_boilerplate(t, words, 1, &ender) == NULL;
			free(t);
		}
		if (ok) {
			html_walk(w, n);
			if (++taken == 2)
				break;
		} else {
			if (taken > 0)
				break;
			other += in->chars;
			if (other > 400)
				break;
		}
		n = next_in_order(n, 0);
	}
}

/* Pick the content and turn it into blocks. Returns the characters. */
size_t
html_extract(struct html *h, struct story *st, struct blocks *bs)
{
	struct best top[5];
	struct walk w;
	xmlNodePtr best, parent, sib;
	size_t chars = 0, i;
	double threshold;

	memset(top, 0, sizeof top);
	score_tree(h, h->body, 0, top, 5);
	best = top[0].node != NULL ? refine_top(top, 5) : h->body;
	threshold = final_score(best) * 0.2;
	if (threshold < 10)
		threshold = 10;
	w.st = st;
	w.bs = bs;
	bs->url = h->url;
	bs->home = h->url != NULL ? h->url : h->meta->canonical != NULL ?
	    h->meta->canonical : h->meta->og_url;
	parent = best->parent;
	walk_standfirst(h, &w, best);
	if (parent == NULL || best == h->body || html_tag_is(best, "html")) {
		html_walk(&w, best);
	} else {
		for (sib = parent->children; sib != NULL; sib = sib->next) {
			if (sib == best)
				html_walk(&w, sib);
			else if (sib->type == XML_ELEMENT_NODE &&
			    is_sibling_content(sib, best, threshold))
				html_walk(&w, sib);
			else if (sib->type == XML_TEXT_NODE)
				continue;
		}
	}
	html_block_end(bs);
	for (i = 0; i < bs->n; i++)
		chars += strlen(bs->v[i].text);
	return chars;
}

