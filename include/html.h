/*
 * html: what the stages of the HTML cleaner share, and nothing else (the
 * cleaner's entry points are in clean.h). The page is parsed and repaired
 * (html_parse.c); one walk gives every element its facts (html_facts.c,
 * reading the attributes through html_attrs.c) and reads on the way the
 * page's metadata (html_meta.c) and the byline and date it shows
 * (html_byline.c); the scorer picks the content (html_score.c); the walk
 * over it drops the furniture and fills blocks (html_prune.c); and the
 * blocks become the story (html_emit.c). html_node.c holds the element
 * helpers they all use; clean_html.c runs the stages in order. Only these
 * files include this header.
 */
#ifndef READER_HTML_H
#define READER_HTML_H

#include <stddef.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "story.h"
#include "util.h"

/* Per-element facts, hung on xmlNode._private; kept small, as every
 * pass over the page reads them. */
struct info {
	size_t		 chars;		/* characters of text below */
	size_t		 allchars;	/* the same with soft furniture */
	size_t		 linkchars;	/* of which inside links */
	size_t		 commas;
	double		 score;
	double		 mass;		/* block scores of all below */
	const char	*drop;		/* why it is not content, or NULL */
	const char	*soft;		/* dropped unless it holds the page */
	/* From the attributes, read once. */
	const char	*reason;	/* a strong negative word's reason */
	const char	*role;		/* furniture by ARIA role, or NULL */
	const char	*cls;		/* the class attribute, or NULL */
	size_t		 order;		/* the element's place in the page */
	int		 weight;	/* class and id vocabulary */
	unsigned	 candidate:1;	/* score initialised */
	unsigned	 exempt:1;	/* names the content itself */
	unsigned	 hidden:1;
	unsigned	 author:1;	/* class, rel or itemprop say author */
	unsigned	 date:1;	/* ... say date or time */
	unsigned	 tag:1;		/* a link to a tag or a section, or
					   its class says tag */
	unsigned	 person:1;	/* class says user, person or author */
	unsigned	 caption:1;	/* class says caption or credit */
	unsigned	 bio:1;		/* class says bio, card, box, about */
	unsigned	 block:1;	/* a block element (html_block_tags) */
	unsigned	 marked:1;	/* drop set by score_tree */
};

struct html {
	htmlDocPtr	 doc;
	xmlNodePtr	 body;
	/* One info per element, in chunks that never move: elements point
	 * at theirs. */
	struct info	**chunks;
	size_t		 nchunks;
	size_t		 ninfos;
	const char	*url;
	int		 use_weights;
	int		 strip_unlikely;
	size_t		 total_chars;
	struct meta	*meta;
	struct scan	*scan;
	long		 nsoft;
	xmlNodePtr	 h1;		/* the <h1> read as the headline */
	/* What the lists below say of an element name, by the name. */
	struct {
		char		 name[16];
		int		 kinds;
	}		 kind_cache[256];
};

/* Metadata the page states about itself. */
struct meta {
	char	*headline;
	char	*og_title;
	char	*title;
	char	*h1;
	char	*author;		/* JSON-LD's */
	char	*meta_author;		/* <meta name="author"> and kin */
	char	*published;
	char	*modified;
	char	*page_published;	/* a WebPage's datePublished */
	char	*body;		/* JSON-LD articleBody */
	char	*site;
	char	*dateline;
	char	*canonical;	/* <link rel="canonical"> */
	char	*og_url;	/* og:url */
};

/* Byline and date as the page shows them, near the top of the story. */
struct scan {
	long	 pos;		/* elements seen, in document order */
	long	 h1;		/* position of the first <h1>, or -1 */
	char	*byline[2];	/* first before and after the <h1> */
	char	*date[2];
	long	 bypos[2];	/* where they stand */
	long	 datepos[2];
	/* A date on a short line of its own, without markup saying so:
	 * the last before the <h1> and the first soon after it. */
	char	*shown[2];
	long	 shownpos[2];
	/* A label on its own ("Written by") and where it ends: the names
	 * follow in the next element. */
	long	 label;
	long	 lastby;	/* where the last byline stood, or 0 */
	char	*bydate;	/* the first date just after a byline */
};

/* A block of story text on its way out. */
struct block {
	char		*text;
	enum story_kind	 kind;
	int		 row;		/* a table row */
	/* Measured once (see measure_blocks). */
	int		 words;
	int		 sentence;
	int		 weight;	/* words, CJK counted too */
	const char	*boiler;	/* clean_boilerplate's reason */
	int		 ender;
	int		 credits;
	struct linkspan	*links;
	size_t		 nlinks;
};

struct linkspan {
	size_t	 start;
	size_t	 end;
	char	*url;
};

struct blocks {
	struct block	*v;
	size_t		 n;
	size_t		 cap;
	struct buf	 cur;		/* the block being filled */
	enum story_kind	 kind;
	struct linkspan	*links;
	size_t		 nlinks;
	int		 pre;		/* inside <pre> */
	int		 row;		/* filling a table row */
	const char	*url;
	const char	*home;		/* url, or the page's own address */
	size_t		 bio_at;	/* blocks before the writer's box + 1 */
	/* What the walk dropped, as pairs of the removed entry's index and
	 * the blocks made before it: the view shows it in its place. */
	size_t		*drops;
	size_t		 ndrops;
	size_t		 capdrops;
};

struct walk {
	struct story	*st;
	struct blocks	*bs;
};

/* --- elements (html_node.c) ------------------------------------------- */

/* Block elements ("p", "div", "li", "td" ...). */
extern const char *const html_block_tags[];

#define K_NEVER	1	/* never story text ("script", "img") */
#define K_SOFT	2	/* furniture unless it holds the page ("nav") */
#define K_BLOCK	4	/* html_block_tags */

/* The element lists n's name is in (K_*), looked up once per name and
 * page. */
int	 html_tag_kinds(struct html *, const xmlNode *);
/* An attribute's value, copied (caller frees), or NULL. */
char	*html_attr(const xmlNode *, const char *);
/* The text below n, sanitized on one line (caller frees). */
char	*html_node_text(xmlNodePtr);
/* The same with a space at every element's edge, scripts left out. */
char	*html_node_words(const xmlNode *);
int	 html_is_ancestor(const xmlNode *, const xmlNode *);

/* The small tests every pass makes, inline: they are the hot path. */
/* The HTML parser gives element names in lower case. */
static inline int
html_tag_is(const xmlNode *n, const char *name)
{
	const xmlChar *a = n->name;

	if (n->type != XML_ELEMENT_NODE || a == NULL)
		return 0;
	/* Names are short: no call to strcmp. */
	while (*name != '\0' && *a == (xmlChar)*name) {
		a++;
		name++;
	}
	return *a == '\0' && *name == '\0';
}

static inline int
html_tag_in(const xmlNode *n, const char *const *names)
{
	for (; *names != NULL; names++)
		if (html_tag_is(n, *names))
			return 1;
	return 0;
}

static inline struct info *
html_info(const xmlNode *n)
{
	return (struct info *)n->_private;
}

static inline int
html_is_block(const xmlNode *n)
{
	const struct info *in = html_info(n);

	/* Elements without facts (inside a script) are asked each time. */
	if (in != NULL && n->type == XML_ELEMENT_NODE)
		return in->block;
	return html_tag_in(n, html_block_tags);
}

static inline int
html_has_block_child(const xmlNode *n)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && html_is_block(c))
			return 1;
	return 0;
}

static inline double
html_link_density(const xmlNode *n)
{
	const struct info *in = html_info(n);

	return in == NULL || in->chars == 0 ? 0 :
	    (double)in->linkchars / (double)in->chars;
}

/* Small enough (some 30 KB) that freeing one does not make malloc
 * consolidate its free lists, which it does past 64 KB. */
#define INFO_CHUNK	256

static inline struct info *
html_info_at(const struct html *h, size_t i)
{
	return &h->chunks[i / INFO_CHUNK][i % INFO_CHUNK];
}

/* --- the stages ------------------------------------------------------- */

/* html_parse.c: the page parsed, flattened and parsed again when it nests
 * past the parser's limit (a note on st says so); NULL if nothing is left. */
htmlDocPtr html_parse(const char *, size_t, const char *url, struct story *st);
/* The page's body, with what the parse left outside it taken in and a
 * page streamed by React put together. */
xmlNodePtr html_body(htmlDocPtr, const char *, size_t);

/* html_attrs.c: what class, id, role, rel, itemprop, href, hidden and
 * style say of an element, into its info. */
void	 html_read_attrs(const xmlNode *, struct info *);

/* html_facts.c: every element's facts, once per page, with the metadata
 * and the byline scan read on the way. */
void	 html_gather(struct html *);

/* html_meta.c: what one element says of the page, into h->meta. */
void	 html_meta_visit(struct html *, xmlNodePtr);
void	 html_meta_free(struct meta *);
/* The headline, byline and time, from the metadata and the scan. */
void	 html_choose_headline(struct story *, const struct meta *);
void	 html_choose_byline(struct story *, const struct meta *,
	    const struct scan *);
void	 html_choose_time(struct story *, const struct meta *,
	    const struct scan *);
/* The page's own address (canonical, else og:url) when it is http(s). */
void	 html_choose_url(struct story *, const struct meta *);

/* html_byline.c: the byline and date the page shows, looked for in an
 * element as the walk leaves it (pos: its place in the page). */
void	 html_scan_element(struct html *, xmlNodePtr, long pos);
/* Free what the scan found and start again. */
void	 html_scan_clear(struct scan *);

/* html_score.c: forget a pass's scores; pick the content and its
 * siblings and walk them into bs. Returns the characters kept. */
void	 html_reset_scores(struct html *);
size_t	 html_extract(struct html *, struct story *, struct blocks *);
/* Whether a block marked by the reason "share" holds a post the story
 * quotes (a sentence of its own text, few links). */
int	 html_embedded_post(const xmlNode *, const char *reason);
/* Whether a <figure> is the story's (a table, a quotation). */
int	 html_story_figure(const xmlNode *);

/* html_prune.c: the walk over the content: furniture dropped and
 * recorded on the story, the rest into blocks. */
void	 html_walk(struct walk *, xmlNodePtr);

/* html_end.c: where the story ends among the blocks of its run [first,
 * last): the first block of a section of other stories or comments, its
 * reason in *why; last when there is none. */
size_t	 html_story_end(const struct blocks *, size_t first, size_t last,
	    const char **why);

/* html_emit.c: blocks filled, then turned into the story's paragraphs. */
void	 html_block_end(struct blocks *);
void	 html_block_text(struct blocks *, const char *);
void	 html_blocks_free(struct blocks *);
void	 html_emit_blocks(struct story *, struct blocks *);
void	 html_trim_tail(struct story *);
/* The page's own copy of the story (JSON-LD articleBody) in place of the
 * text found, when the two mostly differ. */
void	 html_prefer_copy(struct story *, char *body);

#endif
