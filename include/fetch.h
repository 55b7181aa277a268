/*
 * fetch: HTTP(S) with libcurl. Many transfers at once through one
 * curl_multi, with a cap on transfers in flight and on transfers per
 * host; only http and https, on redirects too; timeouts, a cap on the
 * decoded body, bounded retries with backoff for transient failures,
 * and conditional requests (ETag, Last-Modified). It never prints:
 * every failure is a one-line reason in the result.
 */
#ifndef READER_FETCH_H
#define READER_FETCH_H

#include <stddef.h>

struct config_fetch;
struct fetch;

struct fetch_result {
	char	*url;		/* as asked for */
	char	*final_url;	/* after redirects */
	long	 status;	/* HTTP status, 0 if none */
	int	 not_modified;	/* 304 to a conditional request */
	char	*body;		/* NUL-terminated; NULL on error */
	size_t	 len;
	char	*content_type;	/* "text/html", lower case, or NULL */
	char	*charset;	/* from Content-Type, or NULL */
	char	*etag;		/* or NULL */
	char	*last_modified;	/* or NULL */
	char	*error;		/* "URL: reason" (sanitized), or NULL */
	char	*reason;	/* the reason alone, or NULL */
	void	*udata;
};

struct fetch	*fetch_new(const struct config_fetch *);
/* Stops every transfer at once; free_udata (or NULL) gets the udata
 * of each transfer not handed back. */
void		 fetch_free(struct fetch *, void (*free_udata)(void *));

/* Queue a GET of url; etag and last_modified (or NULL) make it
 * conditional. The result comes back from fetch_next() with udata. */
void	 fetch_add(struct fetch *, const char *url, const char *etag,
	    const char *last_modified, void *udata);
/*
 * Move the transfers on, waiting at most ms milliseconds for the network
 * (0: do not wait). Returns the number of finished results waiting.
 */
int	 fetch_run(struct fetch *, int ms);
/* A finished transfer (caller frees with fetch_result_free), or NULL. */
struct fetch_result *fetch_next(struct fetch *);
void	 fetch_result_free(struct fetch_result *);
/* Transfers queued, running or waiting to retry; and all ever added,
 * and all finished, for progress ("fetching 3/12"). */
size_t	 fetch_pending(const struct fetch *);
void	 fetch_progress(const struct fetch *, size_t *done, size_t *total);

/* One blocking GET (the same rules). */
struct fetch_result *fetch_url(const struct config_fetch *, const char *url,
	    const char *etag, const char *last_modified);

/* Whether s is an http or https URL. */
int	 fetch_is_url(const char *);

#endif
