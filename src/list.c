/* list: feeds and pages fetched in parallel, cached, merged newest first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cache.h"
#include "clean.h"
#include "config.h"
#include "feed.h"
#include "fetch.h"
#include "list.h"
#include "query.h"
#include "source.h"
#include "store.h"
#include "story.h"
#include "text.h"
#include "util.h"

#define LIST_MAX_DISCOVERY	2	/* HTML page -> feed hops */
#define LIST_SEARCH_FIRST	200	/* rows of a search shown at once */
#define LIST_SEARCH_PART	2000	/* rows loaded at each poll after */

enum req_kind {
	REQ_SOURCE,
	REQ_PAGE,
};

struct req {
	enum req_kind		 kind;
	size_t			 source;
	struct list_entry	*entry;
	char			*url;
	int			 hops;
	struct cache_entry	 cached;	/* to fall back on */
	int			 have_cached;
};

struct list *
list_new(const struct config *cfg, struct store *store)
{
	struct list *l = xcalloc(1, sizeof *l);

	l->cfg = cfg;
	l->store = store;
	l->pruned_at = (long long)time(NULL);	/* not at start-up */
	l->fetch = fetch_new(&cfg->fetch);
	return l;
}

static void
entry_free(struct list_entry *e)
{
	free(e->title);
	free(e->link);
	free(e->key);
	free(e->summary);
	story_free(e->story);
	free(e->error);
	free(e);
}

static void
req_free(void *arg)
{
	struct req *q = arg;

	if (q == NULL)
		return;
	free(q->url);
	cache_entry_clear(&q->cached);
	free(q);
}

static void
search_stop(struct list *l)
{
	if (l->search != NULL) {
		query_free(l->search);
		free(l->search);
		l->search = NULL;
	}
}

void
list_free(struct list *l)
{
	size_t i;

	if (l == NULL)
		return;
	search_stop(l);
	fetch_free(l->fetch, req_free);
	for (i = 0; i < l->nentries; i++)
		entry_free(l->entries[i]);
	free(l->entries);
	for (i = 0; i < l->nsources; i++) {
		free(l->sources[i].url);
		free(l->sources[i].name);
		free(l->sources[i].feed_url);
		free(l->sources[i].error);
		free(l->sources[i].note);
	}
	free(l->sources);
	free(l->srctab);
	free(l);
}

static char *
host_name(const char *url)
{
	const char *h = strstr(url, "://"), *e;

	h = h != NULL ? h + 3 : url;
	if (strncasecmp(h, "www.", 4) == 0)
		h += 4;
	e = h + strcspn(h, "/?#:");
	return text_sanitize(h, (size_t)(e - h), TEXT_ONELINE);
}

static size_t
new_source(struct list *l, const char *url, const char *name)
{
	struct list_source *s;

	l->sources = xreallocarray(l->sources, l->nsources + 1,
	    sizeof *l->sources);
	s = &l->sources[l->nsources];
	memset(s, 0, sizeof *s);
	s->url = xstrdup(url);
	s->name = name != NULL ? text_sanitize(name, strlen(name),
	    TEXT_ONELINE | TEXT_SQUEEZE) : host_name(url);
	s->named = name != NULL;
	return l->nsources++;
}

size_t
list_add_url(struct list *l, const char *url, const char *name)
{
	return new_source(l, url, name);
}

static struct list_entry *
new_entry(struct list *l, size_t source)
{
	struct list_entry *e = xcalloc(1, sizeof *e);

	e->source = source;
	/* Doubling: a feed may hold 100,000 items. */
	if (l->nentries == l->capentries) {
		l->capentries = l->capentries ? l->capentries * 2 : 64;
		l->entries = xreallocarray(l->entries, l->capentries,
		    sizeof *l->entries);
	}
	l->entries[l->nentries++] = e;
	return e;
}

/* Keep the entry's story in the store, and take its marks from there. */
static void
keep_story(struct list *l, struct list_entry *e)
{
	const struct list_source *s = &l->sources[e->source];
	struct store_origin o = { NULL, NULL, e->key };

	if (s->kind == LIST_FEED) {
		o.feed_url = s->url;
		o.feed_name = s->named ? s->name : NULL;
	}
	if (e->story != NULL && e->error == NULL &&
	    store_put(l->store, e->story, &o) == 0) {
		e->store_id = e->story->store_id;
		e->starred = e->story->starred;
		e->read = e->read || e->story->read;
	} else
		e->read = e->read || store_key_is_read(l->store, e->key);
}

static void
entry_from_story(struct list *l, size_t source, struct story *st)
{
	struct list_entry *e = NULL;
	size_t i;

	for (i = 0; i < l->nentries; i++)
		if (l->entries[i]->source == source) {
			e = l->entries[i];
			story_free(e->story);
			free(e->title);
			free(e->link);
			free(e->key);
			break;
		}
	if (e == NULL)
		e = new_entry(l, source);
	e->story = st;
	e->title = xstrdup(st->headline[0] != '\0' ? st->headline :
	    st->source);
	e->link = fetch_is_url(st->source) ? xstrdup(st->source) : NULL;
	e->key = xstrdup(st->source);
	e->has_date = st->has_published;
	e->date = st->published;
	keep_story(l, e);
	e->fetching = 0;
}

size_t
list_add_story(struct list *l, const char *path, struct story *st)
{
	size_t i = new_source(l, path, NULL);

	free(l->sources[i].name);
	l->sources[i].name = text_sanitize(path, strlen(path), TEXT_ONELINE);
	l->sources[i].kind = LIST_FILE;
	entry_from_story(l, i, st);
	return i;
}

size_t
list_add_failed(struct list *l, const char *path, const char *err)
{
	size_t i = new_source(l, path, NULL);

	l->sources[i].kind = LIST_FILE;
	l->sources[i].error = xstrdup(err);
	return i;
}

static int
cmp_entry(const void *a, const void *b)
{
	const struct list_entry *x = *(struct list_entry *const *)a;
	const struct list_entry *y = *(struct list_entry *const *)b;

	if (x->has_date != y->has_date)
		return x->has_date ? -1 : 1;
	if (x->has_date && x->date != y->date)
		return x->date > y->date ? -1 : 1;
	if (x->source != y->source)
		return x->source < y->source ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
sort_entries(struct list *l)
{
	qsort(l->entries, l->nentries, sizeof *l->entries, cmp_entry);
}

size_t
list_index(const struct list *l, const struct list_entry *e)
{
	size_t i;

	for (i = 0; i < l->nentries; i++)
		if (l->entries[i] == e)
			return i;
	return l->nentries;
}

/* What the list shows for an item without a title; never a headline. */
static const char NO_HEADLINE[] = "(no headline)";

static size_t
key_hash(const char *s)
{
	size_t h = 2166136261u;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* The slot of key in an open-addressed table of mask + 1 entries: the
 * entry with that key, or the empty slot where it goes. */
static struct list_entry **
key_slot(struct list_entry **tab, size_t mask, const char *key)
{
	size_t i = key_hash(key) & mask;

	while (tab[i] != NULL && strcmp(tab[i]->key, key) != 0)
		i = (i + 1) & mask;
	return &tab[i];
}

/* Feed items into entries, matched by key so marks and pages stay. The
 * keys are hashed: a feed of 100,000 items must not take n² compares. */
static void
merge_feed(struct list *l, size_t source, const struct feed *f)
{
	struct list_entry **tab, **slot, *e;
	size_t i, size = 16, mask;

	while (size < 2 * (l->nentries + f->nitems))
		size *= 2;
	mask = size - 1;
	tab = xcalloc(size, sizeof *tab);
	for (i = 0; i < l->nentries; i++)
		if (l->entries[i]->source == source &&
		    l->entries[i]->key != NULL) {
			slot = key_slot(tab, mask, l->entries[i]->key);
			if (*slot == NULL)
				*slot = l->entries[i];
		}
	for (i = 0; i < f->nitems; i++) {
		const struct feed_item *it = &f->items[i];
		/* An item with no guid, link or title is known by its
		 * summary, so that such items do not all merge into one. */
		const char *key = it->guid != NULL ? it->guid :
		    it->link != NULL ? it->link : it->title[0] != '\0' ?
		    it->title : it->summary != NULL ? it->summary : "";

		slot = key_slot(tab, mask, key);
		if ((e = *slot) == NULL) {
			e = new_entry(l, source);
			e->key = xstrdup(key);
			e->read = store_key_is_read(l->store, key);
			*slot = e;
		}
		free(e->title);
		e->title = xstrdup(it->title[0] != '\0' ? it->title :
		    NO_HEADLINE);
		if (e->link == NULL || it->link == NULL ||
		    strcmp(e->link, it->link) != 0) {
			free(e->link);
			e->link = it->link != NULL ? xstrdup(it->link) : NULL;
		}
		free(e->summary);
		e->summary = xstrdup(it->summary);
		e->has_date = it->has_date;
		e->date = it->date;
		e->seq = i;
	}
	free(tab);
	sort_entries(l);
}

static int
looks_like_feed(const char *ct, const char *body, size_t len)
{
	if (feed_sniff(body, len))
		return 1;
	/* A page served as a feed is read as the page it is. */
	if (clean_looks_like_html(body, len))
		return 0;
	return ct != NULL && (strstr(ct, "rss") != NULL ||
	    strstr(ct, "atom") != NULL || strstr(ct, "rdf") != NULL);
}

static void	request_source(struct list *, size_t, const char *, int);

static void
source_fail(struct list *l, size_t si, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
source_fail(struct list *l, size_t si, const char *fmt, ...)
{
	struct list_source *s = &l->sources[si];
	va_list ap;
	char *why, *name;

	va_start(ap, fmt);
	why = xvasprintf(fmt, ap);
	va_end(ap);
	name = text_sanitize(s->url, strlen(s->url), TEXT_ONELINE);
	free(s->error);
	s->error = xasprintf("%s: %s", name, why);
	free(name);
	free(why);
}

/* Bytes from a source's URL (fresh or cached): a feed, an HTML page
 * that names a feed, or a page. */
static void
take_source(struct list *l, struct req *q, const char *final,
    const char *body, size_t len, const char *ct, const char *charset)
{
	struct list_source *s = &l->sources[q->source];
	const char *bin;
	char *err = NULL, *feed_url;
	struct feed *f;
	int article = 0;

	if (looks_like_feed(ct, body, len)) {
		if ((f = feed_parse(body, len, final, &err)) == NULL) {
			source_fail(l, q->source, "%s", err);
			free(err);
			return;
		}
		s->kind = LIST_FEED;
		free(s->error);
		s->error = NULL;
		if (!s->named && f->title != NULL && f->title[0] != '\0') {
			free(s->name);
			s->name = xstrdup(f->title);
		}
		merge_feed(l, q->source, f);
		feed_free(f);
		return;
	}
	if ((bin = text_binary_kind(body, len)) != NULL) {
		source_fail(l, q->source, "not a page or a feed (%s, looks "
		    "like %s)", ct != NULL ? ct : "no Content-Type", bin);
		return;
	}
	if (ct != NULL && strncmp(ct, "text/", 5) != 0 &&
	    strstr(ct, "html") == NULL && strstr(ct, "xml") == NULL) {
		source_fail(l, q->source, "not a page or a feed (%s)", ct);
		return;
	}
	if (q->hops < LIST_MAX_DISCOVERY && (ct == NULL ||
	    strstr(ct, "html") != NULL) &&
	    (feed_url = feed_discover(body, len, final, &article)) != NULL) {
		/* A home page: read the feed it names, unless it says it
		 * is an article. */
		if (!article && (s->feed_url == NULL ||
		    strcmp(s->feed_url, feed_url) != 0 || q->hops == 0)) {
			free(s->feed_url);
			s->feed_url = xstrdup(feed_url);
			request_source(l, q->source, feed_url, q->hops + 1);
			free(feed_url);
			return;
		}
		free(feed_url);
	}
	s->kind = LIST_PAGE;
	free(s->error);
	s->error = NULL;
	entry_from_story(l, q->source, source_story(final, body, len,
	    charset, ct));
	sort_entries(l);
}

/* Ask for a source's URL; a cached feed shows at once. */
static void
request_source(struct list *l, size_t si, const char *url, int hops)
{
	struct req *q = xcalloc(1, sizeof *q);

	q->kind = REQ_SOURCE;
	q->source = si;
	q->url = xstrdup(url);
	q->hops = hops;
	q->have_cached = cache_get(url, l->cfg->fetch.max_size, &q->cached);
	if (q->have_cached && hops < LIST_MAX_DISCOVERY &&
	    looks_like_feed(q->cached.content_type, q->cached.body,
	    q->cached.len))
		take_source(l, q, q->cached.final_url != NULL ?
		    q->cached.final_url : url, q->cached.body, q->cached.len,
		    q->cached.content_type, q->cached.charset);
	l->sources[si].busy++;
	fetch_add(l->fetch, url, q->have_cached ? q->cached.etag : NULL,
	    q->have_cached ? q->cached.last_modified : NULL, q);
}

static void
round_start(struct list *l)
{
	if (fetch_pending(l->fetch) == 0)
		fetch_progress(l->fetch, &l->base_done, &l->base_total);
}

void
list_refresh(struct list *l)
{
	size_t i;

	round_start(l);
	for (i = 0; i < l->nsources; i++) {
		struct list_source *s = &l->sources[i];

		if (s->kind == LIST_FILE || s->kind == LIST_STORE ||
		    s->busy > 0)
			continue;
		free(s->note);
		s->note = NULL;
		request_source(l, i, s->url, 0);
	}
}

static char *
offline_note(const struct cache_entry *c, const char *reason)
{
	char when[64];
	struct tm tm;

	localtime_r(&c->fetched, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
	return xasprintf("Offline: showing the copy saved %s (%s).", when,
	    reason);
}

/* The summary in place of a page that could not be had. Its source is
 * the item's link, else the feed's URL. */
static struct story *
summary_story(const struct list_entry *e, const char *feed_url,
    const char *why)
{
	struct story *st = story_new(e->link != NULL ? e->link :
	    feed_url != NULL ? feed_url : "");
	const char *p = e->summary != NULL ? e->summary : "";

	if (strcmp(e->title, NO_HEADLINE) != 0)
		story_set(&st->headline, e->title);
	if (e->link != NULL)
		story_set(&st->url, e->link);
	st->has_published = e->has_date;
	st->published = e->date;
	while (*p != '\0') {
		const char *end = strstr(p, "\n\n");
		size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
		char *para = xstrndup(p, n);

		story_add_paragraph(st, para, KIND_P);
		free(para);
		p += n;
		while (*p == '\n')
			p++;
	}
	{
		char *note = xasprintf("The page could not be fetched (%s); "
		    "this is the feed's summary.", why);

		story_set(&st->note, note);
		free(note);
	}
	return st;
}

static void
page_story(struct list *l, struct list_entry *e, const char *final, const char *body,
    size_t len, const char *ct, const char *charset)
{
	struct story *st;
	const char *bin = text_binary_kind(body, len);

	if (bin != NULL) {
		char *why = xasprintf("not a text page: looks like %s", bin);

		story_free(e->story);
		e->story = summary_story(e, NULL, why);
		free(e->error);
		e->error = why;
		return;
	}
	st = source_story(final, body, len, charset, ct);
	if (st->headline[0] == '\0' && strcmp(e->title, NO_HEADLINE) != 0)
		story_set(&st->headline, e->title);
	if (!st->has_published && e->has_date) {
		st->has_published = 1;
		st->published = e->date;
	}
	if (st->url == NULL && e->link != NULL)
		story_set(&st->url, e->link);
	story_free(e->story);
	e->story = st;
	free(e->error);
	e->error = NULL;
	keep_story(l, e);
}

void
list_open(struct list *l, struct list_entry *e, int reload)
{
	struct req *q;

	if (e->fetching || (e->story != NULL && !reload))
		return;
	/* A stored story comes from the store; r fetches its page anew
	 * (a changed text is kept as a new version). */
	if (l->sources[e->source].kind == LIST_STORE &&
	    !(reload && e->link != NULL)) {
		if (e->story == NULL &&
		    (e->story = store_load(l->store, e->store_id)) == NULL) {
			e->story = story_new("");
			story_set(&e->story->headline, e->title);
			story_set(&e->story->note, "This story is no longer "
			    "in the store.");
		}
		return;
	}
	if (e->link == NULL) {
		if (e->story == NULL)
			e->story = summary_story(e,
			    l->sources[e->source].url, "the feed gives no link");
		return;
	}
	q = xcalloc(1, sizeof *q);
	q->kind = REQ_PAGE;
	q->entry = e;
	q->url = xstrdup(e->link);
	q->have_cached = cache_get(e->link, l->cfg->fetch.max_size,
	    &q->cached);
	if (q->have_cached && !reload) {
		page_story(l, e, q->cached.final_url != NULL ?
		    q->cached.final_url : e->link, q->cached.body,
		    q->cached.len, q->cached.content_type, q->cached.charset);
		if (l->sources[e->source].note != NULL)
			story_set(&e->story->note, l->sources[e->source].note);
		req_free(q);
		return;
	}
	round_start(l);
	e->fetching = 1;
	fetch_add(l->fetch, e->link, q->have_cached ? q->cached.etag : NULL,
	    q->have_cached ? q->cached.last_modified : NULL, q);
}

static void
done_source(struct list *l, struct req *q, struct fetch_result *r)
{
	struct list_source *s = &l->sources[q->source];
	const struct cache_entry *c = &q->cached;

	s->busy--;
	if (r->error == NULL && !r->not_modified) {
		cache_put_result(q->url, r);
		take_source(l, q, r->final_url, r->body, r->len,
		    r->content_type, r->charset);
	} else if (q->have_cached) {
		if (r->error != NULL) {
			free(s->note);
			s->note = offline_note(c, r->reason);
		}
		/* A feed already showed from the cache. */
		if (r->error != NULL || !looks_like_feed(c->content_type,
		    c->body, c->len) || q->hops >= LIST_MAX_DISCOVERY)
			take_source(l, q, c->final_url != NULL ?
			    c->final_url : q->url, c->body, c->len,
			    c->content_type, c->charset);
		if (s->note != NULL && s->kind == LIST_PAGE) {
			size_t i;

			for (i = 0; i < l->nentries; i++)
				if (l->entries[i]->source == q->source &&
				    l->entries[i]->story != NULL)
					story_set(&l->entries[i]->story->note,
					    s->note);
		}
	} else {
		free(s->error);
		s->error = xstrdup(r->error);
	}
	/* A feed's last fetch and its error, for the store's feeds. */
	if (s->kind == LIST_FEED || (s->kind == LIST_UNKNOWN && s->named))
		store_feed_fetched(l->store, s->url, s->named ? s->name : NULL,
		    r->error != NULL ? r->reason : NULL);
}

static void
done_page(struct list *l, struct req *q, struct fetch_result *r)
{
	struct list_entry *e = q->entry;
	const struct cache_entry *c = &q->cached;

	e->fetching = 0;
	if (r->error == NULL && !r->not_modified) {
		cache_put_result(q->url, r);
		page_story(l, e, r->final_url, r->body, r->len, r->content_type,
		    r->charset);
	} else if (q->have_cached) {
		if (r->not_modified && e->story != NULL)
			return;		/* what is shown is current */
		page_story(l, e, c->final_url != NULL ? c->final_url : q->url,
		    c->body, c->len, c->content_type, c->charset);
		if (r->error != NULL) {
			char *note = offline_note(c, r->reason);

			story_set(&e->story->note, note);
			free(note);
		}
	} else {
		story_free(e->story);
		e->story = summary_story(e, NULL, r->reason);
		free(e->error);
		e->error = xstrdup(r->error);
	}
}

static void	add_hits(struct list *, const struct store_hits *, size_t);

/* The next part of a search: 1 when rows came. */
static int
search_more(struct list *l)
{
	struct store_hits h;
	char *err = NULL;
	size_t want = l->search_at.offset == 0 ? LIST_SEARCH_FIRST :
	    LIST_SEARCH_PART;

	if (store_search(l->store, l->search, &l->search_at, want, &h,
	    &err) == -1) {
		free(l->sources[l->search_source].error);
		l->sources[l->search_source].error = err;
		search_stop(l);
		return 1;
	}
	add_hits(l, &h, l->search_at.offset - h.n);
	if (h.n < want)
		search_stop(l);
	store_hits_free(&h);
	return 1;
}

int
list_poll(struct list *l, int ms)
{
	struct fetch_result *r;
	int changed = 0;

	if (l->search != NULL)
		changed = search_more(l);
	if (fetch_pending(l->fetch) == 0)
		return changed;
	fetch_run(l->fetch, ms);
	while ((r = fetch_next(l->fetch)) != NULL) {
		struct req *q = r->udata;

		if (q->kind == REQ_SOURCE)
			done_source(l, q, r);
		else
			done_page(l, q, r);
		req_free(q);
		fetch_result_free(r);
		changed = 1;
	}
	return changed;
}

#define LIST_PRUNE_EVERY	60	/* s between slices of retention */
#define LIST_PRUNE_MS		20	/* the longest slice */

void
list_idle(struct list *l)
{
	long long now = (long long)time(NULL);

	if (l->store == NULL || now - l->pruned_at < LIST_PRUNE_EVERY)
		return;
	l->pruned_at = now;
	store_prune(l->store, l->cfg->store.keep, l->cfg->store.max_size,
	    LIST_PRUNE_MS);
}

size_t
list_busy(const struct list *l)
{
	return fetch_pending(l->fetch) + (l->search != NULL);
}

void
list_progress(const struct list *l, size_t *done, size_t *total)
{
	fetch_progress(l->fetch, done, total);
	*done -= l->base_done;
	*total -= l->base_total;
}

void
list_mark_read(struct list *l, struct list_entry *e)
{
	if (e->read)
		return;
	e->read = 1;
	if (e->store_id != 0)
		store_set_read(l->store, e->store_id, 1);
	if (e->key != NULL)
		store_key_mark_read(l->store, e->key);
}

int
list_set_starred(struct list *l, struct list_entry *e, int starred)
{
	if (e->store_id == 0 && e->story != NULL && e->error == NULL)
		keep_story(l, e);
	if (e->store_id == 0 ||
	    store_set_starred(l->store, e->store_id, starred) == -1)
		return -1;
	e->starred = starred;
	if (e->story != NULL)
		e->story->starred = starred;
	return 0;
}

/* The source a stored story shows in the list's source column: its
 * feed's name, else its site, else its file's name. */
static size_t
hit_source(struct list *l, const struct store_hit *x)
{
	const char *slash = strrchr(x->source, '/');
	char *name = x->feed != NULL ? xstrdup(x->feed) :
	    fetch_is_url(x->source) ? host_name(x->source) :
	    xstrdup(slash != NULL ? slash + 1 : x->source);
	size_t i, j, *slot;

	/* By a hash of the name: a store of files has a name a story. */
	if (2 * (l->nsources + 1) > l->srccap) {
		size_t cap = l->srccap ? l->srccap * 2 : 64;

		free(l->srctab);
		l->srctab = xcalloc(cap, sizeof *l->srctab);
		l->srccap = cap;
		for (j = 0; j < l->nsources; j++)
			if (l->sources[j].kind == LIST_STORE) {
				for (i = key_hash(l->sources[j].name) &
				    (cap - 1); l->srctab[i] != 0;
				    i = (i + 1) & (cap - 1))
					;
				l->srctab[i] = j + 1;
			}
	}
	for (i = key_hash(name) & (l->srccap - 1);
	    *(slot = &l->srctab[i]) != 0; i = (i + 1) & (l->srccap - 1))
		if (strcmp(l->sources[*slot - 1].name, name) == 0)
			break;
	if (*slot == 0) {
		*slot = new_source(l, x->source, name) + 1;
		l->sources[*slot - 1].kind = LIST_STORE;
	}
	free(name);
	return *slot - 1;
}

/* Entries for rows of the store, in their order, seq numbered on from
 * seq. */
static void
add_hits(struct list *l, const struct store_hits *h, size_t seq)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		const struct store_hit *x = &h->hits[i];
		struct list_entry *e = new_entry(l, hit_source(l, x));

		e->title = xstrdup(x->headline[0] != '\0' ? x->headline :
		    NO_HEADLINE);
		e->link = fetch_is_url(x->source) ? xstrdup(x->source) : NULL;
		e->has_date = x->date != 0;
		e->date = x->date;
		e->seq = seq + i;
		e->read = x->read;
		e->starred = x->starred;
		e->store_id = x->id;
	}
}

size_t
list_add_hits(struct list *l, const char *name, const struct store_hits *h)
{
	size_t si = new_source(l, name, name);

	l->sources[si].kind = LIST_STORE;
	add_hits(l, h, 0);
	return si;
}

long
list_add_search(struct list *l, const char *text, char **err)
{
	struct query *q = xcalloc(1, sizeof *q);
	char *name;

	if (query_parse(text, q, err) == -1) {
		query_free(q);
		free(q);
		return -1;
	}
	if (l->store == NULL) {
		query_free(q);
		free(q);
		*err = xstrdup("no store to search");
		return -1;
	}
	search_stop(l);
	name = xasprintf("search: %s", text);
	l->search_source = new_source(l, name, name);
	free(name);
	l->sources[l->search_source].kind = LIST_STORE;
	l->search = q;
	memset(&l->search_at, 0, sizeof l->search_at);
	search_more(l);
	return (long)l->search_source;
}
