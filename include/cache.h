/*
 * cache: pages and feeds on disk under $XDG_CACHE_HOME/reader/, with the
 * validators (ETag, Last-Modified) for conditional requests. (Read
 * marks live in the store; the old marks file is only read.) File names come from a hash of the URL, never
 * from its text. Writes go to a temporary file and are renamed into
 * place; an entry that does not validate on reading is set aside
 * (renamed to NAME.broken) and counts as missing.
 */
#ifndef READER_CACHE_H
#define READER_CACHE_H

#include <stddef.h>
#include <time.h>

struct cache_entry {
	char	*url;		/* as asked for */
	char	*final_url;	/* after redirects, or NULL */
	char	*content_type;	/* or NULL */
	char	*charset;	/* or NULL */
	char	*etag;		/* or NULL */
	char	*last_modified;	/* or NULL */
	time_t	 fetched;
	char	*body;		/* NUL-terminated */
	size_t	 len;
};

/* The directory, made (mode 0700) if missing; NULL if there is no
 * home. Caller frees. */
char	*cache_dir(void);
/* The file name for url: 32 hex digits. */
void	 cache_key(const char *url, char out[33]);

/* 1 and *e filled (clear it with cache_entry_clear), or 0: missing or
 * broken (a broken entry is set aside). At most max body bytes. */
int	 cache_get(const char *url, size_t max, struct cache_entry *e);
/* Store e atomically; -1 with *err (caller frees). */
int	 cache_put(const struct cache_entry *e, char **err);
void	 cache_entry_clear(struct cache_entry *);
struct fetch_result;
/* Keep a fetched page; a cache that cannot be written is no error. */
void	 cache_put_result(const char *url, const struct fetch_result *);

/* The read marks older readers kept in the cache ("read": the hash of
 * each key read, cache_key of the guid or link), for the store to
 * import once: fn is called with each; returns how many. */
int	 cache_old_read_marks(void (*fn)(const char *hash, void *), void *);

#endif
