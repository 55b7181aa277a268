/*
 * html_end: where the story ends. A page goes on after its story with
 * sections of its own: other stories ("More stories", a list of
 * headlines linking into the site), readers' comments (a "Comments"
 * heading, or lines that sign each comment with a name and a time). The
 * blocks of such a section read like sentences, so the run of prose
 * (best_run in html_emit.c) takes them in; this stage finds where the
 * first such section opens, once the story has been told, and the
 * emitter drops everything from there with the reason given.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "clean.h"
#include "html.h"
#include "util.h"

/* Words of story before a section may end it: a short page that is a
 * list of headlines is not cut to nothing. */
#define END_MIN_BEFORE	150

/*
 * Headings that open a section of other stories or of comments, matched
 * as the whole line (case, a count in front and end punctuation aside),
 * or as its start where the rest names the site or the section ("More
 * from Business", "Also on Daily Site", "12 thoughts on ...").
 */
static const struct {
	const char	*text;
	int		 prefix;
	const char	*reason;
} heads[] = {
	{ "related", 0, "related" },
	{ "related articles", 0, "related" },
	{ "related posts", 0, "related" },
	{ "related stories", 0, "related" },
	{ "related content", 0, "related" },
	{ "related news", 0, "related" },
	{ "related reading", 0, "related" },
	{ "related coverage", 0, "related" },
	{ "similar articles", 0, "related" },
	{ "similar posts", 0, "related" },
	{ "other articles", 0, "related" },
	{ "other stories", 0, "related" },
	{ "more stories", 0, "related" },
	{ "more articles", 0, "related" },
	{ "more news", 0, "related" },
	{ "more to read", 0, "related" },
	{ "more like this", 0, "related" },
	{ "more from ", 1, "related" },
	{ "more in ", 1, "related" },
	{ "also on ", 1, "related" },
	{ "also read", 0, "related" },
	{ "you may also like", 0, "related" },
	{ "you might also like", 0, "related" },
	{ "you may like", 0, "related" },
	{ "you might like", 0, "related" },
	{ "you may have missed", 0, "related" },
	{ "you might have missed", 0, "related" },
	{ "you may be interested in", 0, "related" },
	{ "recommended for you", 0, "related" },
	{ "recommended stories", 0, "related" },
	{ "recommended articles", 0, "related" },
	{ "recommended reading", 0, "related" },
	{ "most read", 0, "related" },
	{ "most popular", 0, "related" },
	{ "most viewed", 0, "related" },
	{ "popular posts", 0, "related" },
	{ "popular stories", 0, "related" },
	{ "trending", 0, "related" },
	{ "trending now", 0, "related" },
	{ "latest news", 0, "related" },
	{ "latest stories", 0, "related" },
	{ "latest posts", 0, "related" },
	{ "latest articles", 0, "related" },
	{ "recent posts", 0, "related" },
	{ "recent articles", 0, "related" },
	{ "read next", 0, "related" },
	{ "what to read next", 0, "related" },
	{ "keep reading", 0, "related" },
	{ "in other news", 0, "related" },
	{ "editor's picks", 0, "related" },
	{ "editor\xE2\x80\x99s picks", 0, "related" },
	{ "don't miss", 0, "related" },
	{ "don\xE2\x80\x99t miss", 0, "related" },
	{ "comments", 0, "comments" },
	{ "comment", 0, "comments" },
	{ "responses", 0, "comments" },
	{ "replies", 0, "comments" },
	{ "discussion", 0, "comments" },
	{ "join the conversation", 0, "comments" },
	{ "join the discussion", 0, "comments" },
	{ "leave a reply", 0, "comments" },
	{ "leave a comment", 0, "comments" },
	{ "add a comment", 0, "comments" },
	{ "post a comment", 0, "comments" },
	{ "what do you think", 0, "comments" },
	{ "thoughts on ", 1, "comments" },
	{ "responses to ", 1, "comments" },
	{ "comments on ", 1, "comments" },
};

/* Whether s, lowered and without a count in front or punctuation at the
 * end, is one of the headings above; its reason, or NULL. */
static const char *
section_head(const char *s)
{
	char low[96];
	size_t n, i, k;

	while (isdigit((unsigned char)*s) || *s == ' ' || *s == '(' ||
	    *s == ')')
		s++;
	n = strlen(s);
	if (n == 0 || n >= sizeof low)
		return NULL;
	for (i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	/* "Related:" is a label for what the story lists next. */
	if (low[n - 1] == ':')
		return NULL;
	while (n > 0 && strchr(" .!?()0123456789", low[n - 1]) != NULL)
		n--;
	low[n] = '\0';
	for (k = 0; k < sizeof heads / sizeof heads[0]; k++) {
		size_t len = strlen(heads[k].text);

		if (heads[k].prefix ? n > len && strncmp(low, heads[k].text,
		    len) == 0 : n == len && memcmp(low, heads[k].text, len) ==
		    0)
			return heads[k].reason;
	}
	return NULL;
}

/*
 * A line that signs a comment: a name and a time, short ("Posted by:
 * Jane at December 18, 2025 05:48 PM", "Jane Doe says: March 3, 2025 at
 * 9:12 am", "Jane replied on 3 March"). Comment sections repeat it for
 * every comment.
 */
static int
signature(const struct block *bl)
{
	static const char *const marks[] = { "posted by", " says:",
	    " said:", " says ", " wrote:", " replied", NULL };
	char low[160];
	size_t n, i;
	int digit = 0;

	if (bl->words < 2 || bl->words > 16 || bl->kind == KIND_HEADING)
		return 0;
	n = strlen(bl->text);
	if (n >= sizeof low)
		return 0;
	for (i = 0; i < n; i++) {
		low[i] = (char)tolower((unsigned char)bl->text[i]);
		digit |= isdigit((unsigned char)low[i]) != 0;
	}
	low[n] = '\0';
	if (!digit)
		return 0;
	for (i = 0; marks[i] != NULL; i++)
		if (strstr(low, marks[i]) != NULL)
			return 1;
	return 0;
}

/* The host of an absolute URL into host (lowered, without "www."), or
 * an empty string. */
static void
url_host(const char *url, char *host, size_t size)
{
	const char *p;
	size_t n = 0;

	host[0] = '\0';
	if (url == NULL || (p = strstr(url, "://")) == NULL)
		return;
	p += 3;
	if (strncasecmp(p, "www.", 4) == 0)
		p += 4;
	while (p[n] != '\0' && p[n] != '/' && p[n] != ':' && p[n] != '?' &&
	    p[n] != '#' && n + 1 < size) {
		host[n] = (char)tolower((unsigned char)p[n]);
		n++;
	}
	host[n] = '\0';
}

/*
 * A teaser: a block that is mostly links to other pages of the same site
 * (a headline in a list of other stories). A relative link is the
 * site's; without the page's address, only relative links are known to
 * be.
 */
static int
teaser(const struct block *bl, const char *page)
{
	char host[128];
	size_t len = strlen(bl->text), linked = 0, k;

	if (bl->nlinks == 0 || bl->words < 2 || bl->kind == KIND_PRE ||
	    bl->row)
		return 0;
	for (k = 0; k < bl->nlinks; k++)
		linked += bl->links[k].end - bl->links[k].start;
	if (linked * 10 < len * 6)
		return 0;
	url_host(bl->links[0].url, host, sizeof host);
	if (host[0] == '\0')
		return strstr(bl->links[0].url, "://") == NULL &&
		    strncmp(bl->links[0].url, "mailto:", 7) != 0;
	return page[0] != '\0' && strcmp(host, page) == 0;
}

/* What each block of the run is, measured once: the page is read in
 * linear time whatever its blocks. */
#define F_TEASER	1
#define F_SIGNED	2

/*
 * Where a section after the story opens at i, or NULL: a heading of
 * other stories or comments; the first of two comment signatures near
 * each other (the second may stand after the run); or a list of other stories, three teasers or more making
 * half of the blocks to the end of the run (their summaries between
 * them), that did not start inside the story (no teaser just before: a
 * list the story presents, the steps of a guide each on a page of its
 * own, goes on).
 */
static const char *
section_at(const struct blocks *bs, const unsigned char *flag,
    const size_t *teasers, size_t first, size_t i, size_t last, int *shape)
{
	const struct block *bl = &bs->v[i];
	const char *r = NULL;
	size_t k;

	*shape = 1;
	if (bl->words <= 8 && (bl->kind == KIND_HEADING ||
	    (bl->nlinks == 0 && !bl->sentence)))
		r = section_head(bl->text);
	if (r != NULL) {
		*shape = 0;
		return r;
	}
	if (flag[i] & F_SIGNED)
		for (k = i + 1; k < bs->n && k < i + 40; k++)
			if (flag[k] & F_SIGNED)
				return "comments";
	if (!(flag[i] & F_TEASER))
		return NULL;
	for (k = i > first + 3 ? i - 3 : first; k < i; k++)
		if (flag[k] & F_TEASER)
			return NULL;
	return teasers[i] >= 3 && teasers[i] * 2 >= last - i ?
	    "links to other stories" : NULL;
}

/*
 * The sections after the story follow each other (other stories, then
 * the comments): each is taken from the last back to the first, as long
 * as what stands between a section's start and the next section is that
 * section and not more story. A heading alone must be followed by half
 * as much as the story before it at most (a box of links set inside the
 * story has story after it); a section known by its structure (a list of
 * other stories, signed comments) may run as long as the story.
 */
size_t
html_story_end(const struct blocks *bs, size_t first, size_t last,
    const char **why)
{
	char page[128];
	unsigned char *flag;
	size_t i, k, *teasers, *at, nat = 0, end = last;
	long before = 0, *after, *seen;
	const char *r, **reason;
	int shape;
	unsigned char *shaped;

	*why = NULL;
	if (last <= first)
		return last;
	url_host(bs->home, page, sizeof page);
	flag = xcalloc(bs->n + 1, 1);
	teasers = xcalloc(last + 1, sizeof *teasers);
	after = xcalloc(last + 1, sizeof *after);
	at = xcalloc(last - first, sizeof *at);
	seen = xcalloc(last - first, sizeof *seen);
	reason = xcalloc(last - first, sizeof *reason);
	shaped = xcalloc(last - first, 1);
	/* The next comment's signature may stand past the run. */
	for (i = first; i < bs->n; i++)
		flag[i] = (teaser(&bs->v[i], page) ? F_TEASER : 0) |
		    (signature(&bs->v[i]) ? F_SIGNED : 0);
	/* From the end: the teasers and the words from each block on. */
	for (k = last; k > first; k--) {
		teasers[k - 1] = teasers[k] + (flag[k - 1] & F_TEASER);
		after[k - 1] = after[k] + bs->v[k - 1].weight;
	}
	for (i = first; i < last; i++) {
		const struct block *bl = &bs->v[i];

		if (before >= END_MIN_BEFORE && (r = section_at(bs, flag,
		    teasers, first, i, last, &shape)) != NULL) {
			shaped[nat] = (unsigned char)shape;
			at[nat] = i;
			seen[nat] = before;
			reason[nat++] = r;
		}
		if (bl->boiler == NULL && !bl->row)
			before += bl->weight;
	}
	while (nat > 0) {
		long between;

		nat--;
		i = at[nat];
		between = after[i + 1] - after[end];
		r = reason[nat];
		if (!(between * 2 <= seen[nat] || (shaped[nat] &&
		    between <= seen[nat])))
			break;
		/* A list's heading opens it with it. */
		if (r[0] == 'l' && i > first && bs->v[i - 1].words <= 8 &&
		    !bs->v[i - 1].sentence)
			i--;
		end = i;
		*why = r;
	}
	free(flag);
	free(teasers);
	free(after);
	free(at);
	free(seen);
	free(reason);
	free(shaped);
	return end;
}
