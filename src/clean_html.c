/*
 * clean_html: an HTML page to a story. libxml2 parses the page (from
 * memory, no network, no DTD, no entity expansion, messages kept away
 * from the terminal); the page's own metadata (JSON-LD, Open Graph,
 * <meta>, <time>) gives the headline, byline and time; a Readability-class
 * scorer finds the main content: text blocks are scored by length and
 * commas, scores pass up to their ancestors, class and id vocabulary and
 * link density weigh in, and the best container with its related siblings
 * is kept. Furniture inside it (captions, share rows, promos, forms) is
 * pruned, and the blocks go through the same wire pass as saved text.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>

#include "clean.h"
#include "json.h"
#include "story.h"
#include "text.h"
#include "util.h"
#include "wire.h"

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
	unsigned	 block:1;	/* a block element (block_tags) */
	unsigned	 marked:1;	/* drop set by mark_unlikely */
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
	size_t		 bio_at;	/* blocks before the writer's box + 1 */
	/* What the walk dropped, as pairs of the removed entry's index and
	 * the blocks made before it: the view shows it in its place. */
	size_t		*drops;
	size_t		 ndrops;
	size_t		 capdrops;
};

/* --- element classes -------------------------------------------------- */

/* The HTML parser gives element names in lower case. */
static int
tag_is(const xmlNode *n, const char *name)
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

static int
tag_in(const xmlNode *n, const char *const *names)
{
	for (; *names != NULL; names++)
		if (tag_is(n, *names))
			return 1;
	return 0;
}

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

static const char *const block_tags[] = { "p", "div", "section", "article",
	"main", "header", "footer", "aside", "h1", "h2", "h3", "h4", "h5",
	"h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
	"table", "thead", "tbody", "tfoot", "tr", "td", "th", "figure",
	"figcaption", "form", "fieldset", "address", "hr", "center",
	"details", "summary", "caption", "body", "html", "hgroup", NULL };

static struct info *
info(const xmlNode *n)
{
	return (struct info *)n->_private;
}

#define K_NEVER	1	/* never_content */
#define K_SOFT	2	/* soft_never */
#define K_BLOCK	4	/* block_tags */

/* Which of the lists an element's name is in, looked up once per name
 * and page. */
static int
tag_kinds(struct html *h, const xmlNode *n)
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
	k = (tag_in(n, never_content) ? K_NEVER : 0) |
	    (tag_in(n, soft_never) ? K_SOFT : 0) |
	    (tag_in(n, block_tags) ? K_BLOCK : 0);
	if (len < sizeof h->kind_cache[0].name) {
		memcpy(h->kind_cache[slot].name, name, len + 1);
		h->kind_cache[slot].kinds = k;
	}
	return k;
}

static int
is_block(const xmlNode *n)
{
	const struct info *in = info(n);

	/* Elements without facts (inside a script) are asked each time. */
	if (in != NULL && n->type == XML_ELEMENT_NODE)
		return in->block;
	return tag_in(n, block_tags);
}

static char *
attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp((xmlNodePtr)n, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* Words of class and id vocabulary; a word counts when it is a whole
 * token of the attribute ("ad-slot" has "ad", "load" does not). */
static const char *const positive_words[] = { "article", "body", "content",
	"entry", "hentry", "main", "post", "text", "story", "blog",
	"prose", "articlebody", "article-body", "story-body", "post-body",
	"entry-content", "page", NULL };

/* Negative words; strong ones also mark an element as furniture. */
static const struct {
	const char	*word;
	const char	*reason;
	int		 strong;
} negative_words[] = {
	{ "ad", "advertisement", 1 }, { "ads", "advertisement", 1 },
	{ "advert", "advertisement", 1 }, { "adverts", "advertisement", 1 },
	{ "advertisement", "advertisement", 1 },
	{ "adslot", "advertisement", 1 }, { "adunit", "advertisement", 1 },
	{ "dfp", "advertisement", 1 }, { "banner", "advertisement", 1 },
	{ "skyscraper", "advertisement", 1 },
	{ "sponsor", "sponsored", 1 }, { "sponsored", "sponsored", 1 },
	{ "promo", "promotion", 1 }, { "outbrain", "related", 1 },
	{ "taboola", "related", 1 }, { "share", "share", 1 },
	{ "sharing", "share", 1 }, { "social", "share", 1 },
	{ "sharebar", "share", 1 }, { "related", "related", 1 },
	{ "recommended", "related", 1 }, { "comment", "comments", 1 },
	{ "comments", "comments", 1 }, { "disqus", "comments", 1 },
	{ "sidebar", "sidebar", 1 }, { "supplemental", "sidebar", 1 },
	{ "newsletter", "newsletter", 1 }, { "cookie", "cookie notice", 1 },
	{ "cookies", "cookie notice", 1 }, { "gdpr", "cookie notice", 1 },
	{ "consent", "cookie notice", 1 }, { "footer", "footer", 1 },
	{ "nav", "navigation", 1 }, { "navbar", "navigation", 1 },
	{ "navigation", "navigation", 1 }, { "menu", "navigation", 1 },
	{ "breadcrumb", "navigation", 1 }, { "breadcrumbs", "navigation", 1 },
	{ "masthead", "navigation", 1 }, { "header", "navigation", 1 },
	{ "pagination", "navigation", 1 }, { "pager", "navigation", 1 },
	{ "popup", "popup", 1 }, { "modal", "popup", 1 },
	/* Weight only: common in content wrappers too. */
	{ "promotion", "promotion", 0 }, { "widget", "sidebar", 0 },
	{ "rail", "sidebar", 0 }, { "aside", "sidebar", 0 },
	{ "extra", "sidebar", 0 }, { "popular", "related", 0 },
	{ "trending", "related", 0 }, { "mostread", "related", 0 },
	{ "most", "related", 0 }, { "more", "related", 0 },
	{ "recommendations", "related", 0 }, { "subscribe", "newsletter", 0 },
	{ "subscription", "newsletter", 0 }, { "signup", "newsletter", 0 },
	{ "newsletters", "newsletter", 0 }, { "foot", "footer", 0 },
	{ "skip", "navigation", 0 }, { "toolbar", "navigation", 0 },
	{ "tags", "tags", 0 }, { "tag", "tags", 0 }, { "topics", "tags", 0 },
	{ "keywords", "tags", 0 }, { "bio", "author bio", 0 },
	{ "overlay", "popup", 0 }, { "hidden", "hidden", 0 },
	{ "caption", "caption", 0 }, { "credit", "caption", 0 },
	{ "print", "share", 0 }, { "meta", "metadata", 0 },
	{ "byline", "byline", 0 }, { "tools", "share", 0 },
	{ "utility", "share", 0 }, { "follow", "share", 0 },
	{ "shopping", "advertisement", 0 }, { "affiliate", "advertisement", 0 },
	{ "commercial", "advertisement", 0 }, { "login", "navigation", 0 },
	{ "search", "navigation", 0 }, { "signin", "navigation", 0 },
	{ "account", "navigation", 0 }, { "contact", "footer", 0 },
	{ "media", "caption", 0 }, { "scroll", "navigation", 0 },
};

/* One word of class and id vocabulary with all it says. */
#define V_POS		0x01
#define V_EXEMPT	0x02	/* names the content: never furniture */
#define V_NEG		0x04
#define V_STRONG	0x08
#define V_AUTHOR	0x10
#define V_DATE		0x20
#define V_PERSON	0x40	/* an icon's class: "fa-user", "bi-person" */
#define V_TAG		0x80	/* a tag's or a section's class */
#define V_CAPTION	0x100	/* a picture's caption or credit */
#define V_BIO		0x200	/* with V_AUTHOR: the writer's box */

struct vocab {
	const char	*word;
	int		 flags;
	const char	*reason;
};

static struct vocab *vocab;
static size_t nvocab;
/* Open addressing by the word's hash: the index of its entry + 1. */
#define VOCAB_SLOTS	1024
static unsigned short vocab_slot[VOCAB_SLOTS];

static size_t
vocab_hash(const char *w, size_t n)
{
	size_t h = 2166136261u, i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return (h ^ (h >> 15)) & (VOCAB_SLOTS - 1);
}
/* The first letters and lengths of its words: most class words on a page
 * are in none, and this turns them away before the search. */
static uint32_t vocab_shape[128];

static void
vocab_add(const char *word, int flags, const char *reason)
{
	size_t i;

	for (i = 0; i < nvocab; i++)
		if (strcmp(vocab[i].word, word) == 0) {
			vocab[i].flags |= flags;
			if (vocab[i].reason == NULL)
				vocab[i].reason = reason;
			return;
		}
	if (strlen(word) < 32)
		vocab_shape[(unsigned char)word[0] & 127] |= 1u << strlen(word);
	vocab = xreallocarray(vocab, nvocab + 1, sizeof *vocab);
	vocab[nvocab].word = word;
	vocab[nvocab].flags = flags;
	vocab[nvocab].reason = reason;
	nvocab++;
}

/* The table and its hash slots, built on first use. */
static void
vocab_init(void)
{
	static const char *const exempt[] = { "article", "body", "content",
	    "main", "story", "text", NULL };
	static const char *const author[] = { "author", "byline", "byl",
	    "writer", "authors", "by", "contributor", "authorname", NULL };
	static const char *const date[] = { "date", "time", "published",
	    "updated", "timestamp", "pubdate", "posted", "datetime",
	    "publish", "datepublished", NULL };
	static const char *const person[] = { "user", "person", NULL };
	static const char *const tag[] = { "tag", "tags", "category",
	    "categories", NULL };
	static const char *const caption[] = { "caption", "credit",
	    "credits", "figcaption", "photocredit", "imagecredit", NULL };
	static const char *const bio[] = { "bio", "biography", "about",
	    "box", "card", "profile", "description", "info", "bottom",
	    "details", "desc", "summary", NULL };
	static const char *const writerbox[] = { "authorbio", "authorbox",
	    "aboutauthor", "authorcard", "authorinfo", "authorprofile",
	    "abouttheauthor", "authordescription", "authordetails",
	    "writerbio", NULL };
	/* Each list of words and what it says. */
	static const struct {
		const char *const	*words;
		int			 flags;
	} lists[] = {
		{ positive_words, V_POS }, { exempt, V_POS | V_EXEMPT },
		{ author, V_AUTHOR }, { date, V_DATE }, { person, V_PERSON },
		{ tag, V_TAG }, { caption, V_CAPTION }, { bio, V_BIO },
		{ writerbox, V_BIO | V_AUTHOR },
	};
	size_t i, k;

	if (vocab != NULL)
		return;
	for (i = 0; i < sizeof negative_words / sizeof negative_words[0]; i++)
		vocab_add(negative_words[i].word, V_NEG |
		    (negative_words[i].strong ? V_STRONG : 0),
		    negative_words[i].strong ? negative_words[i].reason : NULL);
	for (k = 0; k < sizeof lists / sizeof lists[0]; k++)
		for (i = 0; lists[k].words[i] != NULL; i++)
			vocab_add(lists[k].words[i], lists[k].flags, NULL);
	/* Some 170 words in 1024 slots: a free one is always near. */
	for (i = 0; i < nvocab; i++) {
		size_t h = vocab_hash(vocab[i].word, strlen(vocab[i].word));

		while (vocab_slot[h] != 0)
			h = (h + 1) & (VOCAB_SLOTS - 1);
		vocab_slot[h] = (unsigned short)(i + 1);
	}
}

/*
 * Split an attribute into lower-case tokens ("ad-slot" has "ad", "load"
 * does not) and look each up. Returns the flags of all its words and
 * sets *reason to the first strong negative word's reason.
 */
static int
vocabulary(const char *v, const char **reason, int camel)
{
	struct vocab *hit;
	char tok[64];
	size_t i, n, h;
	int flags = 0;

	vocab_init();
	while (*v != '\0') {
		while (*v != '\0' && !isalnum((unsigned char)*v))
			v++;
		/* "authorName" is two words too. */
		for (n = 0; isalnum((unsigned char)v[n]) && !(camel && n > 0 &&
		    islower((unsigned char)v[n - 1]) &&
		    isupper((unsigned char)v[n])); n++)
			;
		if (n == 0)
			break;
		/* Hashed class names ("izZJqLveFck") have short parts. */
		if (n < sizeof tok && n < 32 && !(camel && n < 4) &&
		    (vocab_shape[tolower((unsigned char)*v) & 127] &
		    (1u << n)) != 0) {
			for (i = 0; i < n; i++)
				tok[i] = (char)tolower((unsigned char)v[i]);
			tok[n] = '\0';
			for (h = vocab_hash(tok, n); vocab_slot[h] != 0;
			    h = (h + 1) & (VOCAB_SLOTS - 1)) {
				hit = &vocab[vocab_slot[h] - 1];
				if (strcmp(hit->word, tok) == 0) {
					flags |= hit->flags;
					if (*reason == NULL && hit->reason != NULL)
						*reason = hit->reason;
					break;
				}
			}
		}
		v += n;
	}
	return flags;
}

/* An attribute's value without copying (HTML attributes hold one text
 * node), or NULL. */
static const char *
attr_value(const xmlAttr *a)
{
	if (a->children == NULL || a->children->content == NULL)
		return "";
	return (const char *)a->children->content;
}

static const char *
role_of(const char *role)
{
	if (strcmp(role, "navigation") == 0 || strcmp(role, "banner") == 0 ||
	    strcmp(role, "menu") == 0 || strcmp(role, "menubar") == 0 ||
	    strcmp(role, "search") == 0)
		return "navigation";
	if (strcmp(role, "complementary") == 0)
		return "sidebar";
	if (strcmp(role, "contentinfo") == 0)
		return "footer";
	if (strcmp(role, "dialog") == 0 || strcmp(role, "alertdialog") == 0)
		return "popup";
	return NULL;
}

static int
style_hides(const char *style)
{
	char low[256], *p;
	size_t i;

	for (i = 0; style[i] != '\0' && i < sizeof low - 1; i++)
		low[i] = (char)tolower((unsigned char)style[i]);
	low[i] = '\0';
	for (p = low; (p = strstr(p, "display")) != NULL; p++) {
		char *q = p + 7;

		while (*q == ' ' || *q == ':')
			q++;
		if (strncmp(q, "none", 4) == 0)
			return 1;
	}
	return strstr(low, "visibility:hidden") != NULL ||
	    strstr(low, "visibility: hidden") != NULL;
}

/* What class and id say: the weight, a strong word's reason, author and
 * date markers. */
static void
class_marks(const char *name, const char *v, struct info *in)
{
	const char *r = NULL;
	int f;

	f = vocabulary(v, &r, 0);
	in->weight += 25 * (((f & V_POS) != 0) - ((f & V_NEG) != 0));
	/* "dateAndAuthorContainer" marks an author too, but weighs
	 * nothing more. */
	if (strpbrk(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != NULL) {
		const char *r2 = NULL;

		f |= vocabulary(v, &r2, 1) & (V_AUTHOR | V_DATE);
	}
	in->exempt |= (f & V_EXEMPT) != 0;
	if (in->reason == NULL)
		in->reason = r;
	if (name[0] == 'c') {
		in->cls = v;
		in->person |= (f & (V_PERSON | V_AUTHOR)) != 0;
		in->tag |= (f & V_TAG) != 0;
		in->caption |= (f & V_CAPTION) != 0;
	}
	in->bio |= (f & V_BIO) != 0;
	in->author |= (f & V_AUTHOR) != 0;
	in->date |= (f & V_DATE) != 0;
}

/* What a link's path says: a page of a tag or a section ("/tag/"), or
 * the writer's page ("/author/jane-doe"). */
static void
href_marks(const char *v, struct info *in)
{
	static const struct {
		const char	*seg;
		int		 author;
	} segs[] = {
		{ "tag/", 0 }, { "tags/", 0 }, { "category/", 0 },
		{ "author/", 1 }, { "authors/", 1 }, { "writers/", 1 },
		{ "byline/", 1 }, { "contributors/", 1 }, { "staff/", 1 },
	};
	const char *p;
	size_t i;

	for (p = strchr(v, '/'); p != NULL; p = strchr(p + 1, '/'))
		for (i = 0; i < sizeof segs / sizeof segs[0]; i++)
			if (p[1] == segs[i].seg[0] && strncmp(p + 1,
			    segs[i].seg, strlen(segs[i].seg)) == 0) {
				if (segs[i].author)
					in->author = 1;
				else
					in->tag = 1;
			}
}

/* Read what the attributes say, once per element: the class weight
 * Readability gives (+-25 for class, +-25 for id), roles, hiding, and
 * author or date markers. */
static void
read_attrs(const xmlNode *n, struct info *in)
{
	const xmlAttr *a;
	const char *r;
	int f;

	for (a = n->properties; a != NULL; a = a->next) {
		const char *name = (const char *)a->name, *v = attr_value(a);

		/* By the first letter: most attributes (data-*, src, alt,
		 * width) are none of these. */
		switch (name[0]) {
		case 'c':
		case 'i':
			if (strcmp(name, "class") == 0 || strcmp(name, "id") ==
			    0) {
				class_marks(name, v, in);
				break;
			}
			if (strcmp(name, "itemprop") != 0)
				break;
			/* FALLTHROUGH */
		case 'r':
			if (strcmp(name, "role") == 0) {
				in->role = role_of(v);
				break;
			}
			if (strcmp(name, "rel") != 0 && strcmp(name,
			    "itemprop") != 0)
				break;
			r = NULL;
			f = vocabulary(v, &r, 0);
			in->author |= (f & V_AUTHOR) != 0;
			in->date |= (f & V_DATE) != 0;
			in->tag |= name[0] == 'r' && (strcmp(v, "tag") == 0 ||
			    strcmp(v, "category tag") == 0);
			break;
		case 'h':
			if (strcmp(name, "href") == 0)
				href_marks(v, in);
			else if (strcmp(name, "hidden") == 0)
				in->hidden = 1;
			break;
		case 'a':
			if (strcmp(name, "aria-hidden") == 0)
				in->hidden |= strcmp(v, "true") == 0;
			break;
		case 's':
			if (strcmp(name, "style") == 0)
				in->hidden |= style_hides(v);
			break;
		}
	}
}

/* --- pass 1: facts about every element -------------------------------- */

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

static void	meta_visit(struct html *, xmlNodePtr);
static char	*node_words(const xmlNode *);

/* Small enough (some 30 KB) that freeing one does not make malloc
 * consolidate its free lists, which it does past 64 KB. */
#define INFO_CHUNK	256

static struct info *
info_at(const struct html *h, size_t i)
{
	return &h->chunks[i / INFO_CHUNK][i % INFO_CHUNK];
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
	in = info_at(h, h->ninfos);
	memset(in, 0, sizeof *in);
	in->order = h->ninfos++;
	return in;
}

/* Whether the byline scan looks below n: a page's footer holds no
 * byline; an article's may. */
static int
scan_inside(const xmlNode *n)
{
	if (!tag_is(n, "footer"))
		return 1;
	for (n = n->parent; n != NULL && n->type == XML_ELEMENT_NODE;
	    n = n->parent)
		if (tag_is(n, "article"))
			return 1;
	return 0;
}

static void	scan_element(struct html *, xmlNodePtr, long);

/*
 * One walk over the page: every element gets its info (text below it,
 * links, commas, what its attributes say); the metadata is read on the
 * way; and, outside menus and footers, the byline and date the page
 * shows are looked for.
 */
/* Whether n's text is a question. */
static int
asks(const xmlNode *n)
{
	char *t = node_words(n);
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
		if (c->type == XML_ELEMENT_NODE && !tag_is(c, "script") &&
		    !tag_is(c, "style") && !tag_is(c, "button") &&
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

	if (tag_is(n, "button") && xmlHasProp((xmlNodePtr)n,
	    (const xmlChar *)"aria-expanded") != NULL) {
		t = node_words(n);
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

static void
gather(struct html *h, xmlNodePtr n, int in_link, int scan)
{
	xmlNodePtr c;
	struct info *in;
	long pos;
	int child_scan, kinds;

	in = new_info(h);
	n->_private = in;
	kinds = tag_kinds(h, n);
	in->block = (kinds & K_BLOCK) != 0;
	meta_visit(h, n);
	if (kinds & K_NEVER) {
		in->drop = tag_is(n, "button") || tag_is(n, "input") ||
		    tag_is(n, "select") || tag_is(n, "textarea") ?
		    "form" : "not text";
		for (c = n->children; c != NULL; c = c->next)
			c->_private = NULL;
		return;
	}
	pos = scan ? ++h->scan->pos : 0;

	if (scan && tag_is(n, "h1") && h->scan->h1 < 0)
		h->scan->h1 = pos;
	read_attrs(n, in);
	if (kinds & K_SOFT)
		in->soft = tag_is(n, "nav") || tag_is(n, "menu") ?
		    "navigation" : strncmp((const char *)n->name, "amp-", 4) ==
		    0 ? "advertisement" : tag_is(n, "button") ? "form" :
		    "not text";
	else if (in->hidden)
		in->soft = "hidden";
	if (in->soft != NULL)
		h->nsoft++;

	in_link = in_link || tag_is(n, "a");
	child_scan = scan && (in->soft == NULL || tag_is(n, "head")) &&
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
			 * it is dropped (see gather_all). */
			if ((ci = info(c)) != NULL && ci->drop == NULL) {
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
	if (in->soft != NULL && tag_is(n, "button") && in->chars >= 12 &&
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
		scan_element(h, n, pos);
}

/* The byline and date looked for again, when the page turned out to
 * stand inside what looked like furniture (an unclosed menu). */
static void
rescan(struct html *h, xmlNodePtr n)
{
	struct info *in = info(n);
	xmlNodePtr c;
	long pos;

	if (in == NULL || in->drop != NULL)
		return;
	pos = ++h->scan->pos;
	if (tag_is(n, "h1") && h->scan->h1 < 0)
		h->scan->h1 = pos;
	if (scan_inside(n))
		for (c = n->children; c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				rescan(h, c);
	scan_element(h, n, pos);
}

static void
scan_clear(struct scan *sc)
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

/* Drop the soft furniture that holds little of the page, then sum the
 * text again without it. */
static void
settle(struct html *h, xmlNodePtr n, int in_link)
{
	xmlNodePtr c;
	struct info *in = info(n), *ci;

	if (in == NULL || in->drop != NULL)
		return;
	in_link = in_link || tag_is(n, "a");
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
		if ((ci = info(c)) != NULL && ci->drop == NULL) {
			in->chars += ci->chars;
			in->linkchars += ci->linkchars;
			in->commas += ci->commas;
		}
	}
}

static double
link_density(const xmlNode *n)
{
	const struct info *in = info(n);

	return in == NULL || in->chars == 0 ? 0 :
	    (double)in->linkchars / (double)in->chars;
}

/* --- pass 2: unlikely elements and scores ----------------------------- */

/* Whether n stands inside <pre> or <code>. */
static int
in_code(const xmlNode *n)
{
	for (n = n->parent; n != NULL && n->type == XML_ELEMENT_NODE;
	    n = n->parent)
		if (tag_is(n, "pre") || tag_is(n, "code"))
			return 1;
	return 0;
}

/* A figure that holds a table ("wp-block-table") or a quotation is the
 * story's (a repeated pull quote goes with the duplicates); other
 * figures are pictures and their captions. */
static int
story_figure(const xmlNode *n)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && (tag_is(c, "table") ||
		    tag_is(c, "blockquote") || (tag_is(c, "div") &&
		    story_figure(c))))
			return 1;
	return 0;
}

static const char *
tag_reason(const xmlNode *n)
{
	if (tag_is(n, "aside"))
		return "sidebar";
	if (tag_is(n, "footer"))
		return "footer";
	if (tag_is(n, "form"))
		return "form";
	if (tag_is(n, "figcaption") || (tag_is(n, "figure") &&
	    !story_figure(n)))
		return "caption";
	if (tag_is(n, "header"))
		return "header";
	return NULL;
}

static int
has_block_child(const xmlNode *n)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && is_block(c))
			return 1;
	return 0;
}

static void
init_candidate(struct html *h, xmlNodePtr n)
{
	struct info *in = info(n);

	if (in == NULL || in->candidate)
		return;
	in->candidate = 1;
	if (tag_is(n, "div") || tag_is(n, "article") || tag_is(n, "main"))
		in->score = 5;
	else if (tag_is(n, "pre") || tag_is(n, "td") || tag_is(n,
	    "blockquote") || tag_is(n, "section"))
		in->score = 3;
	else if (tag_is(n, "address") || tag_is(n, "ol") || tag_is(n, "ul") ||
	    tag_is(n, "dl") || tag_is(n, "dd") || tag_is(n, "dt") ||
	    tag_is(n, "li") || tag_is(n, "form"))
		in->score = -3;
	else if (tag_is(n, "h1") || tag_is(n, "h2") || tag_is(n, "h3") ||
	    tag_is(n, "h4") || tag_is(n, "h5") || tag_is(n, "h6") ||
	    tag_is(n, "th"))
		in->score = -5;
	if (tag_is(n, "article"))
		in->score += 10;
	if (h->use_weights)
		in->score += in->weight;
}

#ifndef CLIMB_RATIO
#define CLIMB_RATIO 1.25
#endif

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
	xmlNodePtr c, a;
	struct info *in = info(n);
	const char *r;
	double s;
	int level;

	if (in == NULL || in->drop != NULL)
		return;
	if (tag_is(n, "article") || tag_is(n, "main"))
		in_article = 1;
	if (h->strip_unlikely && !tag_is(n, "body") && !tag_is(n, "html") &&
	    !tag_is(n, "article") && !tag_is(n, "main")) {
		int big = h->total_chars > 0 &&
		    in->chars * 3 > h->total_chars;

		r = in->role;
		if (r == NULL && !(tag_is(n, "header") && in_article))
			r = tag_reason(n);
		/* Highlighted code has classes of its own ("hljs-comment",
		 * "token comment"): they say nothing about the page. */
		if (r == NULL && in->reason != NULL && !in->exempt &&
		    in->weight < 0 && !in_code(n))
			r = in->reason;
		/* A big block keeps its text whatever its class says; one
		 * holding most of the page is the page, whatever its tag
		 * (a stray unclosed <header> may swallow the rest). */
		if (r != NULL && !(big && (tag_is(n, "div") || tag_is(n,
		    "section") || tag_is(n, "form"))) && !(h->total_chars > 0
		    && in->chars * 5 > h->total_chars * 3)) {
			in->drop = r;
			in->marked = 1;
			return;
		}
	}
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			score_tree(h, c, in_article, top, ntop);
	if ((tag_is(n, "p") || tag_is(n, "pre") || tag_is(n, "td") ||
	    ((tag_is(n, "div") || tag_is(n, "section")) &&
	    !has_block_child(n))) && in->chars >= 25) {
		s = 1 + (double)in->commas +
		    (in->chars / 100 > 3 ? 3 : (double)(in->chars / 100));
		for (a = n; a != NULL && a->type == XML_ELEMENT_NODE &&
		    info(a) != NULL; a = a->parent)
			info(a)->mass += s;
		for (a = n->parent, level = 0; a != NULL && level < 5 &&
		    a->type == XML_ELEMENT_NODE; a = a->parent, level++) {
			if (info(a) == NULL || info(a)->drop != NULL)
				break;
			init_candidate(h, a);
			info(a)->score += level == 0 ? s : level == 1 ? s / 2 :
			    s / (level * 3);
		}
	}
	if (in->candidate && !tag_is(n, "body") && !tag_is(n, "html"))
		keep_best(top, ntop, n, in->score * (1 - link_density(n)));
}

static double
final_score(const xmlNode *n)
{
	const struct info *in = info(n);

	return in == NULL || !in->candidate ? 0 :
	    in->score * (1 - link_density(n));
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
	    !tag_is(a, "body"); a = a->parent) {
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
	    !tag_is(a, "body") && info(a) != NULL; a = a->parent) {
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
	    !tag_is(a, "body") && !tag_is(a, "html") && info(a) != NULL;
	    a = a->parent) {
		if (info(a)->mass <= info(best)->mass)
			continue;	/* a wrapper: look past it */
		if (info(a)->mass < info(best)->mass * CLIMB_RATIO ||
		    link_density(a) > 0.4)
			break;
		best = a;
	}
	/* A lone child wrapper says nothing: take its parent. */
	while (best->parent != NULL && best->parent->type == XML_ELEMENT_NODE &&
	    !tag_is(best->parent, "body") && info(best->parent) != NULL) {
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

/* --- blocks ----------------------------------------------------------- */

static void
block_end(struct blocks *bs)
{
	struct block *b;
	char *clean;
	size_t i;

	if (bs->cur.len == 0) {
		for (i = 0; i < bs->nlinks; i++)
			free(bs->links[i].url);
		bs->nlinks = 0;
		bs->kind = KIND_P;
		return;
	}
	clean = text_sanitize(bs->cur.data, bs->cur.len, bs->kind == KIND_PRE ?
	    0 : TEXT_ONELINE | TEXT_SQUEEZE);
	bs->cur.len = 0;
	if (clean[0] == '\0') {
		free(clean);
		for (i = 0; i < bs->nlinks; i++)
			free(bs->links[i].url);
		bs->nlinks = 0;
		return;
	}
	if (bs->n == bs->cap) {
		bs->cap = bs->cap ? bs->cap * 2 : 32;
		bs->v = xreallocarray(bs->v, bs->cap, sizeof *bs->v);
	}
	b = &bs->v[bs->n++];
	b->text = clean;
	b->kind = bs->kind;
	b->row = bs->row;
	b->links = bs->links;
	b->nlinks = bs->nlinks;
	bs->links = NULL;
	bs->nlinks = 0;
	bs->kind = KIND_P;
}

/* Append text with white space folded (offsets then match the squeezed
 * block, so link spans stay right). */
/* Where a run of text stops: white space, the lead byte of a no-break
 * space, or the end. */
static const unsigned char space_or_end[256] = {
	['\0'] = 1, [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\f'] = 1,
	[0xC2] = 1,
};

static void
block_text(struct blocks *bs, const char *s)
{
	if (bs->pre) {
		buf_adds(&bs->cur, s);
		return;
	}
	while (*s != '\0') {
		unsigned char c = (unsigned char)*s;
		size_t run = 0;

		while (!space_or_end[(unsigned char)s[run]])
			run++;
		if (run > 0) {
			buf_add(&bs->cur, s, run);
			s += run;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f') {
			if (bs->cur.len > 0 &&
			    bs->cur.data[bs->cur.len - 1] != ' ')
				buf_addc(&bs->cur, ' ');
			s++;
			continue;
		}
		/* U+00A0 no-break space folds too. */
		if (c == 0xC2 && (unsigned char)s[1] == 0xA0) {
			if (bs->cur.len > 0 &&
			    bs->cur.data[bs->cur.len - 1] != ' ')
				buf_addc(&bs->cur, ' ');
			s += 2;
			continue;
		}
		buf_addc(&bs->cur, (char)c);
		s++;
	}
}

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

struct walk {
	struct story	*st;
	struct blocks	*bs;
};

static void	walk_content(struct walk *, xmlNodePtr);

static char *
node_text(xmlNodePtr n)
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
		    !tag_in(c, never_content)) {
			buf_addc(b, ' ');
			spaced_text(c, b, depth + 1);
			buf_addc(b, ' ');
		}
	}
}

static char *
node_words(const xmlNode *n)
{
	struct buf b = { 0 };
	char *s;

	spaced_text(n, &b, 0);
	s = text_sanitize(b.data == NULL ? "" : b.data, b.len, TEXT_ONELINE |
	    TEXT_SQUEEZE);
	buf_free(&b);
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
	char *text = node_words(n);
	int words = clean_count_words(text), prose;

	prose = words >= 20 && clean_is_sentence(text, words);
	free(text);
	return prose;
}

static const char *
prune_reason(xmlNodePtr n)
{
	struct info *in = info(n);
	double ld;

	if (in == NULL)
		return "not text";
	if (in->drop != NULL)
		return in->drop;
	/* The writer's box, or its note: "author-bio", "authorBox". */
	if (in->author && in->bio && !in->exempt && in->chars < 1500 &&
	    in->block)
		return "author bio";
	if (!(tag_is(n, "div") || tag_is(n, "section") || tag_is(n, "ul") ||
	    tag_is(n, "ol") || tag_is(n, "table") || tag_is(n, "aside") ||
	    tag_is(n, "form") || tag_is(n, "figure") || tag_is(n, "header") ||
	    tag_is(n, "footer") || tag_is(n, "dl")))
		return NULL;
	if (tag_is(n, "figure") && !story_figure(n))
		return "caption";
	if (tag_is(n, "form") && in->chars < 2000)
		return "form";
	ld = link_density(n);
	if (in->caption && in->weight < 0 && !in->exempt && in->chars < 400)
		return "caption";
	if (in->weight < 0 && in->chars < 1500) {
		if (in->reason != NULL)
			return in->reason;
		if (ld > 0.33)
			return "links";
	}
	if (ld > 0.5 && in->chars < 1000 && in->commas < 10 &&
	    !linked_sentences(n))
		return "links";
	if ((tag_is(n, "ul") || tag_is(n, "ol")) && ld > 0.5 &&
	    in->chars < 600)
		return "links";
	return NULL;
}

static void
walk_children(struct walk *w, xmlNodePtr n)
{
	xmlNodePtr c;

	for (c = n->children; c != NULL; c = c->next)
		walk_content(w, c);
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
		if (tag_is(sec, "thead") || tag_is(sec, "caption"))
			return 1;
		for (row = tag_is(sec, "tr") ? sec : sec->children;
		    row != NULL; row = tag_is(sec, "tr") ? NULL : row->next) {
			if (!tag_is(row, "tr"))
				continue;
			rows++;
			cols = 0;
			for (cell = row->children; cell != NULL;
			    cell = cell->next) {
				if (tag_is(cell, "th"))
					return 1;
				if (tag_is(cell, "td")) {
					cols++;
					cells++;
				}
			}
			if (cols > maxcols)
				maxcols = cols;
		}
	}
	return rows >= 3 && maxcols >= 2 && info(table) != NULL &&
	    info(table)->chars / (size_t)(cells > 0 ? cells : 1) < 80;
}

static void
walk_table(struct walk *w, xmlNodePtr table)
{
	xmlNodePtr row, cell, sec;
	struct blocks *bs = w->bs;

	block_end(bs);
	for (sec = table->children; sec != NULL; sec = sec->next) {
		xmlNodePtr rows = sec;

		if (tag_is(sec, "caption")) {
			walk_children(w, sec);
			block_end(bs);
			continue;
		}
		if (!tag_is(sec, "thead") && !tag_is(sec, "tbody") &&
		    !tag_is(sec, "tfoot") && !tag_is(sec, "tr"))
			continue;
		for (row = tag_is(sec, "tr") ? sec : rows->children;
		    row != NULL; row = row->next) {
			int cells = 0;

			if (!tag_is(row, "tr"))
				continue;
			for (cell = row->children; cell != NULL;
			    cell = cell->next) {
				if (!tag_is(cell, "td") && !tag_is(cell, "th"))
					continue;
				if (cells++ > 0)
					block_text(bs, " | ");
				bs->row = 1;
				walk_children(w, cell);
				/* walk_children may end blocks inside a
				 * cell (a <p> in a cell): fine. */
			}
			block_end(bs);
			bs->row = 0;
			if (tag_is(sec, "tr"))
				break;
		}
	}
}

static void
walk_content(struct walk *w, xmlNodePtr n)
{
	struct blocks *bs = w->bs;
	const char *why;
	size_t start;
	int level;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			block_text(bs, (const char *)n->content);
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	if ((why = prune_reason(n)) != NULL) {
		/* Keep the place of a block boundary. */
		if (is_block(n))
			block_end(bs);
		if (strcmp(why, "author bio") == 0)
			bs->bio_at = bs->n + 1;
		record_drop(w, n, why);
		return;
	}
	if (tag_is(n, "br")) {
		/* Two breaks in a row end a paragraph; one is a space. */
		xmlNodePtr next = n->next;

		while (next != NULL && next->type == XML_TEXT_NODE &&
		    next->content != NULL && strspn((const char *)
		    next->content, " \t\r\n") == strlen((const char *)
		    next->content))
			next = next->next;
		if ((next != NULL && tag_is(next, "br")) ||
		    (n->prev != NULL && tag_is(n->prev, "br")))
			block_end(bs);
		else
			block_text(bs, " ");
		return;
	}
	if (tag_is(n, "table") && data_table(n)) {
		walk_table(w, n);
		return;
	}
	if ((level = heading_level(n)) > 0) {
		block_end(bs);
		bs->kind = KIND_HEADING;
		walk_children(w, n);
		block_end(bs);
		return;
	}
	if (tag_is(n, "li") || tag_is(n, "dt") || tag_is(n, "dd")) {
		block_end(bs);
		bs->kind = KIND_ITEM;
		walk_children(w, n);
		block_end(bs);
		return;
	}
	if (tag_is(n, "blockquote")) {
		xmlNodePtr c;

		block_end(bs);
		for (c = n->children; c != NULL; c = c->next) {
			bs->kind = KIND_QUOTE;
			walk_content(w, c);
			if (bs->cur.len > 0 && is_block(c))
				block_end(bs);
			else if (bs->cur.len > 0)
				bs->kind = KIND_QUOTE;
		}
		bs->kind = bs->cur.len > 0 ? KIND_QUOTE : bs->kind;
		block_end(bs);
		return;
	}
	if (tag_is(n, "pre")) {
		block_end(bs);
		bs->kind = KIND_PRE;
		bs->pre = 1;
		walk_children(w, n);
		bs->pre = 0;
		block_end(bs);
		return;
	}
	if (tag_is(n, "a")) {
		char *href = attr(n, "href"), *url;

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
	if (is_block(n)) {
		enum story_kind keep = bs->kind;

		block_end(bs);
		if (keep == KIND_QUOTE)
			bs->kind = KIND_QUOTE;
		walk_children(w, n);
		block_end(bs);
		return;
	}
	walk_children(w, n);
}

/* --- metadata --------------------------------------------------------- */

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
	char *name = attr(n, "property"), *content = attr(n, "content");
	char *k;

	if (name == NULL)
		name = attr(n, "name");
	if (name == NULL)
		name = attr(n, "itemprop");
	if (name == NULL || content == NULL)
		goto out;
	for (k = name; *k != '\0'; k++)
		*k = (char)tolower((unsigned char)*k);
	if (strcmp(name, "og:title") == 0 || strcmp(name, "twitter:title") ==
	    0)
		set_once(&m->og_title, content);
	else if (strcmp(name, "og:site_name") == 0)
		set_once(&m->site, content);
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
static void
meta_visit(struct html *h, xmlNodePtr c)
{
	struct meta *m = h->meta;

	if (c->name == NULL)
		return;
	if (tag_is(c, "meta"))
		read_meta_tag(c, m);
	else if (tag_is(c, "title") && m->title == NULL) {
		char *t = node_text(c);

		set_once(&m->title, t);
		free(t);
	} else if (tag_is(c, "script")) {
		char *type = attr(c, "type");

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
	} else if (tag_is(c, "time") && m->published == NULL) {
		char *dt = attr(c, "datetime");

		/* Only a hint: JSON-LD and <meta>, in <head>, come first. */
		set_once(&m->published, dt);
		free(dt);
	} else if (tag_is(c, "h1") && m->h1 == NULL) {
		char *t = node_text(c);

		/* A logo in an <h1> is not the headline. */
		if (clean_count_words(t) >= 3) {
			set_once(&m->h1, t);
			h->h1 = c;
		}
		free(t);
	}
}

static void
meta_free(struct meta *m)
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

static char	*byline_names(const char *);

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
		if ((in = info(n)) != NULL && in->cls != NULL &&
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
	const struct info *in = info(n);
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
		if (c->type == XML_ELEMENT_NODE && (in = info(c)) != NULL &&
		    in->chars > 0 && in->chars < 80) {
			text = node_words(c);
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
		if (tag_is(c, "img")) {
			static const char *const leads[] = { "Picture of ",
			    "Photo of ", "Headshot of ", "Image of ",
			    "Avatar of ", NULL };
			const char *name;
			size_t i, len;

			if ((alt = attr(c, "alt")) == NULL)
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
		if (c->type == XML_ELEMENT_NODE && is_block(c) &&
		    !tag_is(c, "address"))
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
	const struct info *in = info(n);
	const xmlNode *c;

	if (in != NULL && in->tag)
		return 1;
	if (depth > 6)
		return 0;
	for (c = n->children; c != NULL; c = c->next) {
		if (has_text(c, ","))
			return 0;
		if (c->type == XML_ELEMENT_NODE && info(c) != NULL &&
		    info(c)->chars > 0 && !only_tags(c, depth + 1))
			return 0;
	}
	return 1;
}

/* A byline found at n, unless n holds only tags. */
static void
keep_byline(struct scan *sc, int after, char *names, const xmlNode *n,
    long pos)
{
	if (names != NULL && info(n)->chars > 0 && only_tags(n, 0)) {
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
static void
scan_element(struct html *h, xmlNodePtr c, long pos)
{
	struct scan *sc = h->scan;
	struct info *in = info(c);
	int after = sc->h1 >= 0 && pos >= sc->h1, near;
	char *text;
	time_t t;

	if (in == NULL)
		return;
	if (in->author && in->chars < 200 && !in_comments(c)) {
		char *b;

		text = node_words(c);
		if ((b = byline_names(text)) == NULL)
			b = part_byline(c);
		if (b == NULL && text[0] == '\0')
			b = photo_byline(c, 0);
		keep_byline(sc, after, b, c, pos);
		free(text);
	}
	/* A person's icon, then the names. */
	else if (in->chars > 0 && in->chars < 80 && tag_in(c, byline_tags) &&
	    !has_block_child(c) && first_element(c) != NULL &&
	    person_icon(first_element(c), 0) && !in_comments(c)) {
		text = node_words(c);
		keep_byline(sc, after, byline_names(text), c, pos);
		free(text);
	}
	near = sc->lastby > 0 && pos > sc->lastby && pos <= sc->lastby + 4;
	if ((tag_is(c, "time") || in->date) && in->chars < 200) {
		text = node_text(c);
		if (clean_count_words(text) <= 16 &&
		    wire_is_time_line(text, &t)) {
			if (near && sc->bydate == NULL)
				sc->bydate = xstrdup(text);
			scan_keep(&sc->date[after], &sc->datepos[after], text,
			    pos);
		} else {
			free(text);
			if (tag_is(c, "time") && (text = attr(c, "datetime")) !=
			    NULL) {
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
	    !tag_is(c, "time") && has_digit(c, 0) && !has_block_child(c)) {
		char *line = node_words(c);

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
	    in->chars > 0 && in->chars < 80 && !has_block_child(c)) {
		text = node_words(c);
		keep_byline(sc, after, byline_names(text), c, pos);
		sc->label = 0;
		free(text);
	}
	/* A short line saying "By ..." with no markup. */
	if (in->chars > 0 && in->chars < 80 && tag_in(c, byline_tags) &&
	    starts_by(c) && one_line(c)) {
		text = node_words(c);
		keep_byline(sc, after, byline_names(text), c, pos);
		free(text);
	}
}

static void
choose_headline(struct story *st, const struct meta *m)
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

static void
choose_byline(struct story *st, const struct meta *m, const struct scan *sc)
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
static void
choose_time(struct story *st, const struct meta *m, const struct scan *sc)
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

/* --- the cleaner ------------------------------------------------------ */

static void
blocks_free(struct blocks *bs)
{
	size_t i, k;

	for (i = 0; i < bs->n; i++) {
		free(bs->v[i].text);
		for (k = 0; k < bs->v[i].nlinks; k++)
			free(bs->v[i].links[k].url);
		free(bs->v[i].links);
	}
	free(bs->v);
	for (k = 0; k < bs->nlinks; k++)
		free(bs->links[k].url);
	free(bs->links);
	free(bs->drops);
	buf_free(&bs->cur);
	memset(bs, 0, sizeof *bs);
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
		if ((in = info(c)) != NULL && in->drop != NULL)
			continue;
		if (tag_is(c, "p"))
			(*np)++;
		else if (tag_is(c, "div") || tag_is(c, "section")) {
			if (depth >= 8 || !paragraphs_only(c, depth + 1, np))
				return 0;
		} else if (is_block(c))
			return 0;
	}
	return 1;
}

static int
is_sibling_content(xmlNodePtr sib, xmlNodePtr top, double threshold)
{
	struct info *in = info(sib);
	const char *c1, *c2;
	double bonus = 0;
	char *t;
	int ok = 0;

	if (in == NULL || in->drop != NULL)
		return 0;
	c1 = in->cls;
	c2 = info(top) != NULL ? info(top)->cls : NULL;
	if (c1 != NULL && c2 != NULL && c1[0] != '\0' && strcmp(c1, c2) == 0)
		bonus = final_score(top) * 0.2;
	if (in->candidate && final_score(sib) + bonus >= threshold)
		return 1;
	if (!tag_is(sib, "p")) {
		int np = 0;

		if (!(tag_is(sib, "div") || tag_is(sib, "section")) ||
		    in->weight < 0 || !paragraphs_only(sib, 0, &np) ||
		    np == 0 || np > 4 || in->chars < 40 ||
		    link_density(sib) >= 0.25)
			return 0;
		t = node_text(sib);
		ok = clean_is_sentence(t, clean_count_words(t));
		free(t);
		return ok;
	}
	if (in->chars > 80 && link_density(sib) < 0.25)
		return 1;
	if (in->chars > 0 && in->chars <= 80 && link_density(sib) == 0) {
		t = node_text(sib);
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

static int
is_ancestor(const xmlNode *a, const xmlNode *n)
{
	for (; n != NULL; n = n->parent)
		if (n == a)
			return 1;
	return 0;
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

	if (h->h1 == NULL || is_ancestor(h->h1, best) ||
	    is_ancestor(best, h->h1) || info(h->h1) == NULL ||
	    info(best) == NULL || info(h->h1)->order > info(best)->order)
		return;
	for (n = next_in_order(h->h1, 0); n != NULL && seen < 80;) {
		struct info *in;
		char *t;
		int words, ok, ender;

		if (n->type != XML_ELEMENT_NODE || (in = info(n)) == NULL) {
			n = next_in_order(n, 0);
			continue;
		}
		seen++;
		if (n == best || (best->parent != NULL && n->parent ==
		    best->parent))
			break;
		if (is_ancestor(n, best)) {
			n = next_in_order(n, 1);
			continue;
		}
		if (in->drop != NULL || in->chars == 0) {
			n = next_in_order(n, 0);
			continue;
		}
		if (has_block_child(n) && !tag_is(n, "p")) {
			n = next_in_order(n, 1);
			continue;
		}
		ok = 0;
		if (tag_in(n, tags) && in->weight >= 0 && in->chars >= 60 &&
		    link_density(n) < 0.2) {
			t = node_text(n);
			words = clean_count_words(t);
			ok = words >= 8 && words <= 90 &&
			    clean_is_sentence(t, words) &&
			    clean_boilerplate(t, words, 1, &ender) == NULL;
			free(t);
		}
		if (ok) {
			walk_content(w, n);
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
static size_t
extract(struct html *h, struct story *st, struct blocks *bs)
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
	parent = best->parent;
	walk_standfirst(h, &w, best);
	if (parent == NULL || best == h->body || tag_is(best, "html")) {
		walk_content(&w, best);
	} else {
		for (sib = parent->children; sib != NULL; sib = sib->next) {
			if (sib == best)
				walk_content(&w, sib);
			else if (sib->type == XML_ELEMENT_NODE &&
			    is_sibling_content(sib, best, threshold))
				walk_content(&w, sib);
			else if (sib->type == XML_TEXT_NODE)
				continue;
		}
	}
	block_end(bs);
	for (i = 0; i < bs->n; i++)
		chars += strlen(bs->v[i].text);
	return chars;
}

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
		if (tag_is(n, "html") || tag_is(n, "body")) {
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
		if ((tag_is(c, "template") || tag_is(c, "div")) &&
		    (id = xmlGetProp(c, (const xmlChar *)"id")) != NULL) {
			if (tag_is(c, "template") && (id[0] == 'B' ||
			    id[0] == 'P') && id[1] == ':') {
				if (tpl->n == tpl->cap) {
					tpl->cap = tpl->cap ? tpl->cap * 2 : 16;
					tpl->v = xreallocarray(tpl->v,
					    tpl->cap, sizeof *tpl->v);
				}
				tpl->v[tpl->n].id = id;
				tpl->v[tpl->n++].n = c;
				id = NULL;
			} else if (tag_is(c, "div") && id[0] == 'S' &&
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
			if (attached(hit->n) && !is_ancestor(s, hit->n) &&
			    !is_ancestor(hit->n, s)) {
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

/* Facts about every element, once per page. */
static void
gather_all(struct html *h)
{
	xmlNodePtr root;
	size_t i;
	int again = 0;

	h->ninfos = 0;
	gather(h, xmlDocGetRootElement(h->doc), 0, 1);
	/* A page the parser built oddly (the text in <head>, after a stray
	 * custom element) is read from its root. */
	root = xmlDocGetRootElement(h->doc);
	if (info(h->body) == NULL || (info(root) != NULL &&
	    info(h->body)->allchars * 2 < info(root)->allchars))
		h->body = root;
	h->total_chars = info(h->body) != NULL ? info(h->body)->allchars : 0;
	/* Soft furniture holding a quarter of the page is the page (a
	 * parsing accident put it there): only then sum everything again. */
	for (i = 0; i < h->ninfos && h->nsoft > 0; i++) {
		struct info *in = info_at(h, i);

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
			if (info_at(h, i)->soft != NULL)
				info_at(h, i)->drop = NULL;
		settle(h, xmlDocGetRootElement(h->doc), 0);
		scan_clear(h->scan);
		rescan(h, xmlDocGetRootElement(h->doc));
	}
}

/* Forget one pass's scores and marks before the next. */
static void
reset_scores(struct html *h)
{
	size_t i;

	for (i = 0; i < h->ninfos; i++) {
		struct info *in = info_at(h, i);

		if (in->marked) {
			in->drop = NULL;
			in->marked = 0;
		}
		in->score = in->mass = 0;
		in->candidate = 0;
	}
}

/* "11:45 GMT", "9:30 a.m.": a clock time and nothing else. */
static int
clock_line(const char *s)
{
	size_t i = 0;

	while (isdigit((unsigned char)s[i]) && i < 2)
		i++;
	if (i == 0 || (s[i] != ':' && s[i] != '.') ||
	    !isdigit((unsigned char)s[i + 1]) ||
	    !isdigit((unsigned char)s[i + 2]))
		return 0;
	for (i += 3; s[i] != '\0'; i++)
		if (!isalpha((unsigned char)s[i]) && s[i] != ' ' &&
		    s[i] != '.')
			return 0;
	return 1;
}

/* Whether text begins with the words of head (ignoring punctuation). */
static int
starts_with_words(const char *text, const char *head)
{
	char *ft, *fh;
	int yes;

	if (head == NULL || head[0] == '\0')
		return 0;
	ft = wire_fingerprint(text);
	fh = wire_fingerprint(head);
	/* A short headline ("Deep") must match whole, not as a prefix. */
	yes = fh[0] != '\0' && strncmp(ft, fh, strlen(fh)) == 0 &&
	    (strlen(fh) >= 15 || strcmp(ft, fh) == 0);
	free(ft);
	free(fh);
	return yes;
}

/* Scripts written without spaces: two characters count as a word. */
static int
cjk_words(const char *s)
{
	size_t n = strlen(s), i = 0;
	uint32_t cp;
	int k = 0;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		i += text_utf8_next(s + i, n - i, &cp);
		if (cp >= 0x2E80 && cp <= 0x9FFF)
			k++;
	}
	return k / 2;
}

/*
 * The run of blocks that reads as the story (Kadane over block scores,
 * as the text cleaner does over lines): sentences count for, furniture
 * and short lines against. Trims what the container picked up at its
 * edges.
 */
/* Words, sentence shape and furniture vocabulary of every block, once. */
static void
measure_blocks(struct blocks *bs)
{
	size_t i;
	char *c;

	for (i = 0; i < bs->n; i++) {
		struct block *bl = &bs->v[i];

		bl->words = clean_count_words(bl->text);
		bl->sentence = clean_is_sentence(bl->text, bl->words);
		bl->weight = bl->words + cjk_words(bl->text);
		bl->boiler = NULL;
		bl->ender = 0;
		bl->credits = 0;
		/* Code is never furniture; longer blocks are only when they
		 * disclose the site's earnings. */
		if (bl->kind != KIND_PRE && bl->words <= 60) {
			bl->boiler = clean_boilerplate(bl->text, bl->words,
			    bl->sentence, &bl->ender);
			if (bl->words > 30 && bl->boiler != NULL &&
			    strcmp(bl->boiler, "disclosure") != 0) {
				bl->boiler = NULL;
				bl->ender = 0;
			}
		}
		if ((c = wire_parse_credits(bl->text)) != NULL) {
			bl->credits = 1;
			free(c);
		}
	}
}

static void
best_run(const struct blocks *bs, size_t *first, size_t *last)
{
	long best = -1, cur = 0, sc;
	size_t i, start = 0;
	int sentence;

	*first = 0;
	*last = bs->n;
	for (i = 0; i < bs->n; i++) {
		const struct block *bl = &bs->v[i];

		sentence = clean_is_sentence(bl->text, bl->weight);
		if (bl->row)
			sc = 2;
		else if (bl->credits)
			sc = 5;
		else if (bl->boiler != NULL)
			sc = bl->ender ? -40 : -6;
		else if (bl->kind == KIND_ITEM)
			sc = sentence || bl->weight >= 8 ? bl->weight / 2 : -1;
		else if (sentence || bl->weight >= 20)
			sc = bl->weight;
		else
			sc = -2;
		if (cur <= 0) {
			cur = sc;
			start = i;
		} else
			cur += sc;
		if (cur > best) {
			best = cur;
			*first = start;
			*last = i + 1;
		}
	}
	if (best <= 0) {
		*first = 0;
		*last = bs->n;
	}
	/* A subheading right above the first paragraph belongs to it. */
	if (*first > 0 && bs->v[*first - 1].kind == KIND_HEADING)
		(*first)--;
}

/*
 * The story's sources after it: a "References" or "Footnotes" heading and
 * the entries under it, or footnotes that link back ("... ↩"). They read
 * as a list, not prose, so the story's run stops short of them. Returns
 * the new end of the run.
 */
static size_t
with_references(const struct blocks *bs, size_t last)
{
	static const char *const heads[] = { "references", "sources",
	    "footnotes", "notes", "bibliography", "works cited", "citations",
	    "further reading", NULL };
	size_t i = last, k;

	if (last < bs->n && bs->v[last].kind == KIND_HEADING &&
	    bs->v[last].text != NULL) {
		char low[32];
		size_t n = strlen(bs->v[last].text);

		while (n > 0 && (bs->v[last].text[n - 1] == ':' ||
		    bs->v[last].text[n - 1] == ' '))
			n--;
		if (n > 0 && n < sizeof low) {
			for (k = 0; k < n; k++)
				low[k] = (char)tolower((unsigned char)
				    bs->v[last].text[k]);
			low[n] = '\0';
			for (k = 0; heads[k] != NULL; k++)
				if (strcmp(low, heads[k]) == 0)
					break;
			if (heads[k] != NULL)
				for (i = last + 1; i < bs->n && i < last + 300 &&
				    bs->v[i].kind != KIND_HEADING &&
				    bs->v[i].boiler == NULL; i++)
					;
		}
	}
	/* Footnotes: "... ↩" */
	for (; i < bs->n && bs->v[i].text != NULL; i++) {
		size_t n = strlen(bs->v[i].text);

		if (!(n >= 3 && strcmp(bs->v[i].text + n - 3,
		    "\xE2\x86\xA9") == 0))
			break;
	}
	return i == last + 1 ? last : i;
}

/*
 * Where the page's end matter starts when the writer's box closed the
 * story: a few short blocks after it (a disclaimer, "Reviewed by") with
 * the story well before it. Returns last when there is none.
 */
static size_t
writer_box_tail(const struct blocks *bs, size_t first, size_t last)
{
	size_t i, at = bs->bio_at - 1, before = 0, tail = 0;

	if (bs->bio_at == 0 || at <= first || at >= last || last - at > 5)
		return last;
	for (i = at; i < last; i++) {
		if (bs->v[i].text == NULL || strlen(bs->v[i].text) > 700)
			return last;
		tail += strlen(bs->v[i].text);
	}
	for (i = first; i < at; i++)
		if (bs->v[i].text != NULL)
			before += strlen(bs->v[i].text);
	return tail * 2 > before ? last : at;
}

/* Boilerplate left inside the content, and the header's lines. */
static void
emit_blocks(struct story *st, struct blocks *bs)
{
	const char *run = NULL, *why;
	size_t i, k, first, last, bio, *para_at;
	int words, sentence, seen_text = 0;
	time_t t;
	char *b;

	measure_blocks(bs);
	best_run(bs, &first, &last);
	last = with_references(bs, last);
	bio = writer_box_tail(bs, first, last);
	para_at = xreallocarray(NULL, bs->n + 1, sizeof *para_at);
	for (i = 0; i < bs->n; i++) {
		struct block *bl = &bs->v[i];

		para_at[i] = st->npara;

		if (i < first || i >= last) {
			story_add_removed(st, "outside the story", bl->text);
			continue;
		}
		if (i >= bio) {
			story_add_removed(st, "author bio", bl->text);
			continue;
		}
		words = bl->words;
		sentence = bl->sentence;
		if (run != NULL) {
			if ((words >= 15 && sentence) || (bl->kind == KIND_P &&
			    sentence && words >= 8))
				run = NULL;
			else {
				story_add_removed(st, run, bl->text);
				continue;
			}
		}
		if (bl->row) {
			seen_text = 1;
			story_take_paragraph(st, bl->text, bl->kind);
			bl->text = NULL;
			continue;
		}
		/* A clock time alone marks an update, not text. */
		if (words <= 3 && clock_line(bl->text)) {
			story_add_removed(st, "time", bl->text);
			continue;
		}
		/* The headline again, or the byline and time, at the top;
		 * a block that starts with the headline is the page's header. */
		if (!seen_text && words <= 40 && starts_with_words(bl->text,
		    st->headline))
			continue;
		/* A label above the headline: "LIVE", "Exclusive". */
		if (!seen_text && words <= 2 && !sentence &&
		    bl->kind != KIND_ITEM) {
			story_add_removed(st, "label", bl->text);
			continue;
		}
		if (st->npara < 3 && words <= 24 &&
		    (b = wire_parse_byline(bl->text)) != NULL) {
			if (st->byline == NULL && b[0] != '\0')
				story_set(&st->byline, b);
			free(b);
			continue;
		}
		if (st->npara < 3 && !sentence && words <= 14 &&
		    wire_is_time_line(bl->text, &t)) {
			if (!st->has_published) {
				st->published = t;
				st->has_published = 1;
				story_set(&st->published_text, bl->text);
			}
			continue;
		}
		if (bl->kind != KIND_QUOTE && (why = bl->boiler) != NULL) {
			story_add_removed(st, why, bl->text);
			if (bl->ender)
				run = why;
			continue;
		}
		seen_text = 1;
		/* The block is sanitized already (block_end): hand it over. */
		story_take_paragraph(st, bl->text, bl->kind);
		bl->text = NULL;
		for (k = 0; k < bl->nlinks; k++)
			story_add_link(st, (int)st->npara - 1, bl->links[k].start,
			    bl->links[k].end, bl->links[k].url);
	}
	/* What the walk dropped stands before the paragraph of the next
	 * block made after it. */
	para_at[bs->n] = st->npara;
	for (k = 0; k + 1 < bs->ndrops; k += 2)
		if (bs->drops[k] < st->nremoved && bs->drops[k + 1] <= bs->n)
			st->removed[bs->drops[k]].before =
			    (int)para_at[bs->drops[k + 1]];
	free(para_at);
}

/*
 * Whether the story found in the page covers less than half the words of
 * the page's own copy of it (JSON-LD articleBody), or nothing at all. A
 * short copy (a summary) says nothing either way.
 */
static int
body_disagrees(const struct story *st, const char *body)
{
	struct buf have = { 0 };
	const char *w;
	size_t i, n = 0, found = 0;
	int disagree;

	if (st->npara == 0)
		return clean_count_words(body) > 0;
	if (clean_count_words(body) < 80)
		return 0;
	for (i = 0; i < st->npara; i++) {
		buf_addc(&have, ' ');
		buf_adds(&have, st->paragraphs[i]);
	}
	buf_addc(&have, ' ');
	/* Every fifth word of the copy, looked for in the story. */
	for (w = body; *w != '\0';) {
		size_t len;

		while (*w == ' ' || *w == '\n' || *w == '\t')
			w++;
		len = strcspn(w, " \n\t");
		if (len == 0)
			break;
		if (n++ % 5 == 0 && len >= 4 && len < 40) {
			char key[48];

			snprintf(key, sizeof key, " %.*s", (int)len, w);
			if (strstr(buf_cstr(&have), key) != NULL)
				found++;
		}
		w += len;
	}
	disagree = found * 2 < (n / 5) * 1;
	buf_free(&have);
	return disagree;
}

/* A heading kept as the last block has no story under it. */
static void
trim_tail(struct story *st)
{
	while (st->npara > 0 && st->kinds[st->npara - 1] == KIND_HEADING)
		story_drop_paragraph(st, st->npara - 1, "heading without text");
}

void
clean_html(const char *s, size_t n, const char *url, struct story *st)
{
	static const char *const inline_tags[] = { "font", "span", "b", "i",
	    "u", "em", "strong", "small", "big", "tt", "s", "strike", "sub",
	    "sup", "mark", "abbr", "cite", "center", "nobr", NULL };
	static const char *const all_tags[] = { "font", "span", "b", "i", "u",
	    "em", "strong", "small", "big", "tt", "s", "strike", "sub", "sup",
	    "mark", "abbr", "cite", "center", "nobr", "div", "section",
	    "article", "main", "blockquote", "dl", "dd", "dt", "ul", "ol",
	    "table", "tbody", "tr", "td", "form", "fieldset", "a", NULL };
	struct html h;
	struct meta m;
	struct blocks bs;
	struct scan sc;
	char *flat = NULL;
	size_t flatlen, chars;
	int pass;

	memset(&h, 0, sizeof h);
	memset(&m, 0, sizeof m);
	memset(&bs, 0, sizeof bs);
	h.url = url;
	xmlSetStructuredErrorFunc(NULL, on_xml_error);
	xmlSetGenericErrorFunc(NULL, on_generic_error);
	h.doc = parse(s, n, url);
	if (parse_too_deep) {
		/* Nesting past the parser's limit: flatten and parse again. */
		xmlFreeDoc(h.doc);
		flat = strip_tags(s, n, inline_tags, &flatlen);
		h.doc = parse(flat, flatlen, url);
		if (parse_too_deep) {
			free(flat);
			flat = strip_tags(s, n, all_tags, &flatlen);
			xmlFreeDoc(h.doc);
			h.doc = parse(flat, flatlen, url);
		}
		story_set(&st->note, parse_too_deep ?
		    "The page nests too deeply: text after the limit was cut." :
		    "The page nests too deeply: its formatting was flattened.");
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (h.doc == NULL || xmlDocGetRootElement(h.doc) == NULL) {
		story_set(&st->note, "no story found: the page is empty");
		goto out;
	}
	h.meta = &m;
	memset(&sc, 0, sizeof sc);
	scan_clear(&sc);
	h.scan = &sc;
	for (h.body = xmlDocGetRootElement(h.doc)->children; h.body != NULL;
	    h.body = h.body->next)
		if (tag_is(h.body, "body"))
			break;
	if (h.body == NULL)
		h.body = xmlDocGetRootElement(h.doc);
	adopt_strays(h.doc, h.body);
	/* As React writes them: <div hidden id="S:0">. */
	if (memmem(s, n, "<div hidden id=\"S:", 18) != NULL)
		react_streams(h.body);
	gather_all(&h);
	choose_headline(st, &m);
	choose_byline(st, &m, &sc);
	choose_time(st, &m, &sc);
	scan_clear(&sc);

	/* Readability's retries: strict first, then looser. */
	for (pass = 0; pass < 3; pass++) {
		h.strip_unlikely = pass < 1;
		h.use_weights = pass < 2;
		reset_scores(&h);
		blocks_free(&bs);
		/* Drop what a failed pass recorded. */
		while (st->nremoved > 0) {
			st->nremoved--;
			free(st->removed[st->nremoved].reason);
			free(st->removed[st->nremoved].text);
		}
		chars = extract(&h, st, &bs);
		if (chars >= 500 || h.total_chars < 1000)
			break;
	}
	emit_blocks(st, &bs);
	trim_tail(st);
	if (m.body != NULL && body_disagrees(st, m.body)) {
		/* The page's own copy of the story (JSON-LD articleBody) and
		 * the text found in the page mostly differ: the copy wins. */
		char *p = m.body, *nl;

		while (st->npara > 0)
			story_drop_paragraph(st, st->npara - 1,
			    "not in the page's own copy of the story");
		story_set(&st->note, "text from the page's metadata");
		for (; p != NULL; p = nl) {
			if ((nl = strchr(p, '\n')) != NULL)
				*nl++ = '\0';
			if (clean_count_words(p) > 0)
				story_add_paragraph(st, p, KIND_P);
		}
	}
	if (st->dateline_place == NULL && m.dateline != NULL &&
	    clean_count_words(m.dateline) <= 5)
		story_set(&st->dateline_place, m.dateline);
	wire_finish(st);
	if (st->npara == 0 && st->note == NULL)
		story_set(&st->note, "no story found on this page");
out:
	blocks_free(&bs);
	meta_free(&m);
	if (h.doc != NULL)
		xmlFreeDoc(h.doc);
	while (h.nchunks > 0)
		free(h.chunks[--h.nchunks]);
	free(h.chunks);
	free(flat);
}
