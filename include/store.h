/*
 * store: every story read, kept in one SQLite file
 * ($XDG_DATA_HOME/reader/stories.db), with the read marks and stars,
 * the feeds, and a full-text index. The only module that writes SQL:
 * statements are prepared once from constant text, and outside text is
 * always bound, never pasted. A store that cannot be written (a full
 * disk, a read-only directory) says so once and stops storing; a
 * damaged one is set aside and started afresh (see doc/store.md).
 */
#ifndef READER_STORE_H
#define READER_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct story;
struct query;

/* The schema version this reader writes (PRAGMA user_version). */
#define STORE_VERSION	1

struct store;

/* The default path: $XDG_DATA_HOME/reader/stories.db, else
 * ~/.local/share/reader/stories.db; NULL without a home (caller frees). */
char	*store_default_path(void);

/*
 * Open (or create) the store at path (NULL: the default), importing the
 * cache's old read marks once. Returns the store, or NULL when there is
 * none to use (no home: *warn stays NULL; a directory that cannot be
 * written; a store from a newer reader: refused and left alone). *warn
 * gets a one-line message whenever something was wrong, also when a
 * store is returned (a damaged file set aside); caller frees. *refused
 * is set to 1 for a newer store.
 */
struct store	*store_open(const char *path, char **warn, int *refused);
void		 store_close(struct store *);
/* Messages of trouble met since the last call (one line; caller frees),
 * or NULL. After a write failed the store only reads. */
char		*store_take_warning(struct store *);
const char	*store_path(const struct store *);

/* Where a story came from, for storing it. */
struct store_origin {
	const char	*feed_url;	/* or NULL */
	const char	*feed_name;	/* or NULL */
	const char	*item_key;	/* the feed item's key (read marks) */
};

/* Keep st (a page or a file's story): a new story, or a new version of
 * the page's text when it changed. Sets st->store_id and the stored
 * fields. Returns 0, or -1 when it could not be stored (the warning is
 * kept for store_take_warning). */
int	 store_put(struct store *, struct story *, const struct store_origin *);

/* Many stories at once (a feed's, an import): store_put then commits
 * every few hundred stories instead of each one. End with
 * store_batch_end, which commits the rest. */
void	 store_batch_begin(struct store *);
void	 store_batch_end(struct store *);

/* A feed was fetched now: its row (made if missing) keeps the time and
 * the error, or NULL when it worked. */
void	 store_feed_fetched(struct store *, const char *url, const char *name,
	    const char *error);

/* Read marks and stars. By the key of a feed item (or a story's
 * source) for what may not be stored yet; by id for a stored story. */
int	 store_key_is_read(struct store *, const char *key);
void	 store_key_mark_read(struct store *, const char *key);
int	 store_set_read(struct store *, int64_t id, int read);
int	 store_set_starred(struct store *, int64_t id, int starred);
/* 1 starred, 0 not, -1 not known. */
int	 store_is_starred(struct store *, int64_t id);

/* A stored story, whole; NULL if it is gone or unreadable. Its text is
 * sanitized again on the way out. */
struct story	*store_load(struct store *, int64_t id);

/* One row of a result: enough for a line of the list. */
struct store_hit {
	int64_t	 id;
	char	*headline;	/* sanitized, one line */
	char	*source;	/* sanitized, one line */
	char	*feed;		/* feed name, or NULL */
	time_t	 date;		/* published, else fetched */
	int	 read;
	int	 starred;
};

struct store_hits {
	struct store_hit	*hits;
	size_t			 n;
};

/* Where a search goes on, for a long list loaded in parts: the rows
 * already had, and the last of them. */
struct store_cursor {
	size_t		 offset;	/* rows had */
	time_t		 date;		/* the last row's date and id */
	int64_t		 id;
};

/* The stories matching q, best first (bm25 when it has words, else
 * newest first), after the cursor (NULL: from the start), at most limit
 * (0: all); the cursor moves past them. Returns 0, or -1 with *err. */
int	 store_search(struct store *, const struct query *,
	    struct store_cursor *, size_t limit, struct store_hits *,
	    char **err);
void	 store_hits_free(struct store_hits *);

/* What --store prints. */
struct store_stats {
	long long	 stories;
	long long	 starred;
	long long	 unread;
	long long	 feeds;
	long long	 bytes;		/* the file with its WAL */
	long long	 text_bytes;	/* headline, byline and body stored */
	time_t		 oldest;	/* 0 when empty */
};
int	 store_stats(struct store *, struct store_stats *);

/*
 * Retention: drop unstarred stories older than keep seconds (0: keep
 * all), then the oldest unstarred ones while the file is over max_size
 * bytes (0: no cap). Works in small batches and stops after budget_ms;
 * returns 1 when work is left for a later call, 0 when done.
 */
int	 store_prune(struct store *, long long keep, long long max_size,
	    int budget_ms);

#endif
