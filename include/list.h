/*
 * list: the stories of feeds, and the work behind them. Sources (feed or
 * page URLs, and files) are fetched in parallel through fetch, kept in
 * the cache and read from it first; feed items become entries, newest
 * first, marked read or unread; an entry's page is fetched and cleaned
 * when it is opened, with the feed's summary in its place when it cannot
 * be. Knows nothing of the terminal: the UI and the dump both drive it.
 */
#ifndef READER_LIST_H
#define READER_LIST_H

#include <stddef.h>
#include <time.h>

#include "store.h"

struct config;
struct story;

enum list_kind {
	LIST_UNKNOWN,
	LIST_FEED,
	LIST_PAGE,
	LIST_FILE,
	LIST_STORE,	/* stories found in the store */
};

struct list_entry {
	char		*title;		/* one line, sanitized */
	char		*link;		/* absolute http(s), or NULL */
	char		*key;		/* for read marks: guid, link, title */
	char		*summary;	/* paragraphs split by "\n\n" */
	time_t		 date;
	int		 has_date;
	size_t		 source;	/* index in list->sources */
	size_t		 seq;		/* place in its feed */
	int		 read;
	int		 fetching;	/* its page is being fetched */
	struct story	*story;		/* its page once loaded, or NULL */
	long long	 store_id;	/* a stored story's id, or 0 */
	int		 starred;
	char		*error;		/* why the page could not be had */
};

struct list_source {
	char		*url;		/* as given (or a file path) */
	char		*name;		/* for the list's source column */
	int		 named;		/* name from [feeds], kept */
	char		*feed_url;	/* found in an HTML page, or NULL */
	enum list_kind	 kind;
	int		 busy;		/* requests in flight */
	char		*error;		/* the source failed: "URL: why" */
	char		*note;		/* "offline: ..." when from cache */
};

struct list {
	const struct config	*cfg;
	struct store		*store;		/* or NULL: nothing kept */
	struct fetch		*fetch;
	struct list_source	*sources;
	size_t			 nsources;
	struct list_entry	**entries;	/* newest first */
	size_t			 nentries;
	size_t			 capentries;
	size_t			 base_done;	/* progress of this round */
	size_t			 base_total;
	/* A store search still loading: its rows come in parts. */
	struct query		*search;
	size_t			 search_source;
	struct store_cursor	 search_at;	/* where its next part starts */
	long long		 pruned_at;	/* list_idle's last pruning */
	size_t			*srctab;	/* store sources by name: */
	size_t			 srccap;	/* index + 1, open addressed */
};

struct store;
struct store_hits;

/* A list that keeps its stories and marks in store (may be NULL). */
struct list	*list_new(const struct config *, struct store *);
void		 list_free(struct list *);	/* stops every transfer */

/* A feed or page URL (name may be NULL), or a story already read from
 * a file (the list takes it). Returns the source's index. */
size_t	 list_add_url(struct list *, const char *url, const char *name);
size_t	 list_add_story(struct list *, const char *path, struct story *);
/* Stories found in the store, in the order given (best first), under
 * a source named name. Their pages come from the store when opened. */
size_t	 list_add_hits(struct list *, const char *name,
	    const struct store_hits *);
/* The stories the query text finds in the store, best first, as a
 * source named "search: TEXT": the first screen at once, the rest in
 * parts as list_poll is called. Returns the source, or -1 with *err (a
 * bad query: what is wrong in it; no store). A search already loading
 * stops. */
long	 list_add_search(struct list *, const char *text, char **err);
/* A file that could not be read: a source with its error. */
size_t	 list_add_failed(struct list *, const char *path, const char *err);

/* Show what the cache has at once, and ask the servers (conditional
 * requests). Again later to reload. */
void	 list_refresh(struct list *);
/* Fetch (or take from the cache) entry i's page; reload asks the
 * server again even when it is cached. */
void	 list_open(struct list *, struct list_entry *, int reload);
/* Move transfers on for at most ms; returns 1 when anything changed. */
int	 list_poll(struct list *, int ms);
/* Nothing else to do: now and then, a short slice of the store's
 * retention (at most 20 ms a minute), so that a reader left open for
 * days keeps its store in bounds. Call it between keys. */
void	 list_idle(struct list *);
/* Transfers in flight or waiting; progress of this round. */
size_t	 list_busy(const struct list *);
void	 list_progress(const struct list *, size_t *done, size_t *total);
void	 list_mark_read(struct list *, struct list_entry *);
/* Star or unstar the entry's story (stored first if it is not yet);
 * -1 when there is no store to keep it in. */
int	 list_set_starred(struct list *, struct list_entry *, int starred);
/* The entry's position, or nentries. */
size_t	 list_index(const struct list *, const struct list_entry *);

#endif
