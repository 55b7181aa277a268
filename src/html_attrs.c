/*
 * html_attrs: what an element's attributes say, read once per element:
 * the class and id vocabulary (Readability's weights, furniture words,
 * author, date, tag and caption markers), ARIA roles, rel and itemprop,
 * a link's path, and hiding.
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include <libxml/tree.h>

#include "html.h"
#include "util.h"

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

/*
 * Whether a class hides its element: the whole class names that
 * stylesheets use for it ("hidden", "d-none", "sr-only" for text only
 * screen readers get), and widgets shown only on hover (a tooltip, a
 * name's hover card). Only whole names: "hidden-xs" hides on small
 * screens alone.
 */
static int
hiding_class(const char *v)
{
#define N(s)	{ s, sizeof s - 1 }
	static const struct {
		const char	*name;
		size_t		 len;
	} names[] = { N("hide"), N("hidden"), N("d-none"), N("sr-only"),
	    N("tooltip"), N("popover"), N("u-hidden"), N("invisible"),
	    N("is-hidden"), N("hovercard"), N("hover-card"),
	    N("display-none"), N("visuallyhidden"), N("visually-hidden"),
	    N("screen-reader-text") };
#undef N
	size_t n, i;

	for (;;) {
		while (*v == ' ' || *v == '\t' || *v == '\n')
			v++;
		if (*v == '\0')
			return 0;
		for (n = 0; v[n] != '\0' && v[n] != ' ' && v[n] != '\t' &&
		    v[n] != '\n'; n++)
			;
		for (i = 0; i < sizeof names / sizeof names[0]; i++)
			if (names[i].len == n && names[i].name[0] == v[0] &&
			    memcmp(v, names[i].name, n) == 0)
				return 1;
		v += n;
	}
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
		in->hidden |= hiding_class(v);
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
void
html_read_attrs(const xmlNode *n, struct info *in)
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

