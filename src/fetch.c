/* fetch: HTTP(S) transfers on curl_multi, with limits and retries. */
/* The calls go through pointers (below): no type-checking macros. */
#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>
#include <dlfcn.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "config.h"
#include "fetch.h"
#include "text.h"
#include "util.h"

/*
 * libcurl is loaded when the first transfer is set up, not when reader
 * starts: its libraries (TLS, HTTP/2, IDN, LDAP, ...) take some 30 ms to
 * load, and reading a saved file never needs them.
 */
static struct {
	CURLcode	(*global_init)(long);
	CURL		*(*easy_init)(void);
	CURLcode	(*easy_setopt)(CURL *, CURLoption, ...);
	CURLcode	(*easy_getinfo)(CURL *, CURLINFO, ...);
	void		(*easy_cleanup)(CURL *);
	const char	*(*easy_strerror)(CURLcode);
	struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
	void		(*slist_free_all)(struct curl_slist *);
	CURLM		*(*multi_init)(void);
	CURLMcode	(*multi_setopt)(CURLM *, CURLMoption, ...);
	CURLMcode	(*multi_add_handle)(CURLM *, CURL *);
	CURLMcode	(*multi_remove_handle)(CURLM *, CURL *);
	CURLMcode	(*multi_perform)(CURLM *, int *);
	CURLMcode	(*multi_poll)(CURLM *, struct curl_waitfd *, unsigned int,
			    int, int *);
	CURLMsg		*(*multi_info_read)(CURLM *, int *);
	CURLMcode	(*multi_cleanup)(CURLM *);
} lc;

/* curl.h wraps these three in macros of its own. */
#undef curl_easy_setopt
#undef curl_easy_getinfo
#undef curl_multi_setopt
#define curl_global_init	(*lc.global_init)
#define curl_easy_init		(*lc.easy_init)
#define curl_easy_setopt	(*lc.easy_setopt)
#define curl_easy_getinfo	(*lc.easy_getinfo)
#define curl_easy_cleanup	(*lc.easy_cleanup)
#define curl_easy_strerror	(*lc.easy_strerror)
#define curl_slist_append	(*lc.slist_append)
#define curl_slist_free_all	(*lc.slist_free_all)
#define curl_multi_init		(*lc.multi_init)
#define curl_multi_setopt	(*lc.multi_setopt)
#define curl_multi_add_handle	(*lc.multi_add_handle)
#define curl_multi_remove_handle (*lc.multi_remove_handle)
#define curl_multi_perform	(*lc.multi_perform)
#define curl_multi_poll		(*lc.multi_poll)
#define curl_multi_info_read	(*lc.multi_info_read)
#define curl_multi_cleanup	(*lc.multi_cleanup)

/* Load libcurl once; dies with the reason if it cannot be had. */
static void
curl_load(void)
{
	static const struct {
		const char	*name;
		size_t		 offset;
	} syms[] = {
#define SYM(f, n) { n, offsetof(__typeof__(lc), f) }
		SYM(global_init, "curl_global_init"),
		SYM(easy_init, "curl_easy_init"),
		SYM(easy_setopt, "curl_easy_setopt"),
		SYM(easy_getinfo, "curl_easy_getinfo"),
		SYM(easy_cleanup, "curl_easy_cleanup"),
		SYM(easy_strerror, "curl_easy_strerror"),
		SYM(slist_append, "curl_slist_append"),
		SYM(slist_free_all, "curl_slist_free_all"),
		SYM(multi_init, "curl_multi_init"),
		SYM(multi_setopt, "curl_multi_setopt"),
		SYM(multi_add_handle, "curl_multi_add_handle"),
		SYM(multi_remove_handle, "curl_multi_remove_handle"),
		SYM(multi_perform, "curl_multi_perform"),
		SYM(multi_poll, "curl_multi_poll"),
		SYM(multi_info_read, "curl_multi_info_read"),
		SYM(multi_cleanup, "curl_multi_cleanup"),
#undef SYM
	};
	void *lib, *fn;
	size_t i;

	if ((lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL)) == NULL &&
	    (lib = dlopen("libcurl-gnutls.so.4", RTLD_NOW | RTLD_LOCAL)) ==
	    NULL)
		die("cannot load libcurl: %s", dlerror());
	for (i = 0; i < sizeof syms / sizeof syms[0]; i++) {
		if ((fn = dlsym(lib, syms[i].name)) == NULL)
			die("cannot load libcurl: no %s", syms[i].name);
		memcpy((char *)&lc + syms[i].offset, &fn, sizeof fn);
	}
}

#define FETCH_MAX_REDIRS	10
#define FETCH_LOW_SPEED		64	/* bytes/s */
#define FETCH_RETRY_AFTER_MAX	60	/* s: a longer wait is a failure */

struct xfer {
	struct fetch	*f;
	CURL		*easy;
	char		*url;
	char		*etag_in;
	char		*lastmod_in;
	void		*udata;
	char		*host;
	struct buf	 body;
	char		*etag;
	char		*lastmod;
	char		*reason_phrase;
	long		 retry_after;	/* s, -1 if none */
	unsigned long long content_length;	/* -1 if unknown */
	int		 encoded;	/* Content-Encoding seen */
	int		 too_large;
	int		 tries;
	double		 wake;		/* not before (monotonic s) */
	double		 started;
	struct curl_slist *headers;
	char		 errbuf[CURL_ERROR_SIZE];
	struct xfer	*next;
};

struct fetch {
	struct config_fetch	 opt;
	CURLM			*multi;
	struct xfer		*queue;		/* waiting to start */
	struct xfer		*active;	/* in the multi */
	size_t			 nactive;
	struct fetch_result	**done;
	size_t			 ndone;
	size_t			 added;
	size_t			 finished;
};

static int curl_ready;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int
fetch_is_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0;
}

static char *
host_of(const char *url)
{
	const char *h = strstr(url, "://"), *e;

	h = h != NULL ? h + 3 : url;
	e = h + strcspn(h, "/?#");
	return xstrndup(h, (size_t)(e - h));
}

static void
human_size(char *out, size_t sz, unsigned long long n)
{
	if (n >= 1024 * 1024)
		snprintf(out, sz, "%.1f MB", n / (1024.0 * 1024));
	else if (n >= 1024)
		snprintf(out, sz, "%.1f KB", n / 1024.0);
	else
		snprintf(out, sz, "%llu bytes", n);
}

static const char *
status_phrase(long code)
{
	static const struct {
		long		 code;
		const char	*text;
	} t[] = {
		{ 400, "Bad Request" }, { 401, "Unauthorized" },
		{ 402, "Payment Required" }, { 403, "Forbidden" },
		{ 404, "Not Found" }, { 405, "Method Not Allowed" },
		{ 406, "Not Acceptable" }, { 408, "Request Timeout" },
		{ 410, "Gone" }, { 412, "Precondition Failed" },
		{ 414, "URI Too Long" }, { 415, "Unsupported Media Type" },
		{ 418, "I'm a teapot" }, { 429, "Too Many Requests" },
		{ 451, "Unavailable For Legal Reasons" },
		{ 500, "Internal Server Error" }, { 501, "Not Implemented" },
		{ 502, "Bad Gateway" }, { 503, "Service Unavailable" },
		{ 504, "Gateway Timeout" },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if (t[i].code == code)
			return t[i].text;
	return NULL;
}

static size_t
on_body(char *data, size_t size, size_t n, void *arg)
{
	struct xfer *x = arg;
	size_t len = size * n;

	/* Counted after decoding, so a compressed bomb stops here. */
	if (x->body.len + len > x->f->opt.max_size) {
		x->too_large = 1;
		return 0;
	}
	buf_add(&x->body, data, len);
	return len;
}

static char *
header_value(const char *line, size_t len, const char *name)
{
	size_t nl = strlen(name), e;

	if (len <= nl || strncasecmp(line, name, nl) != 0 || line[nl] != ':')
		return NULL;
	line += nl + 1;
	len -= nl + 1;
	while (len > 0 && (*line == ' ' || *line == '\t')) {
		line++;
		len--;
	}
	for (e = len; e > 0 && (line[e - 1] == '\r' || line[e - 1] == '\n' ||
	    line[e - 1] == ' ' || line[e - 1] == '\t'); e--)
		;
	return text_sanitize(line, e, TEXT_ONELINE);
}

static size_t
on_header(char *data, size_t size, size_t n, void *arg)
{
	struct xfer *x = arg;
	size_t len = size * n;
	char *v;

	if (len >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		/* A new response (after a redirect): forget the last. */
		const char *sp = memchr(data, ' ', len), *sp2;

		free(x->etag);
		free(x->lastmod);
		free(x->reason_phrase);
		x->etag = x->lastmod = x->reason_phrase = NULL;
		x->retry_after = -1;
		x->content_length = (unsigned long long)-1;
		x->encoded = 0;
		if (sp != NULL && (sp2 = memchr(sp + 1, ' ',
		    len - (size_t)(sp + 1 - data))) != NULL) {
			size_t rl = len - (size_t)(sp2 + 1 - data);

			while (rl > 0 && (sp2[rl] == '\r' || sp2[rl] == '\n'))
				rl--;
			x->reason_phrase = text_sanitize(sp2 + 1, rl,
			    TEXT_ONELINE | TEXT_SQUEEZE);
		}
		return len;
	}
	if ((v = header_value(data, len, "ETag")) != NULL) {
		free(x->etag);
		x->etag = v;
	} else if ((v = header_value(data, len, "Last-Modified")) != NULL) {
		free(x->lastmod);
		x->lastmod = v;
	} else if ((v = header_value(data, len, "Retry-After")) != NULL) {
		char *end;
		long s = strtol(v, &end, 10);

		if (end != v && *end == '\0' && s >= 0)
			x->retry_after = s;
		else
			x->retry_after = 1;	/* an HTTP date: wait a bit */
		free(v);
	} else if ((v = header_value(data, len, "Content-Length")) != NULL) {
		x->content_length = strtoull(v, NULL, 10);
		free(v);
	} else if ((v = header_value(data, len, "Content-Encoding")) != NULL) {
		x->encoded = strcasecmp(v, "identity") != 0;
		free(v);
	}
	/* A declared length over the cap fails before the body comes. */
	if (x->content_length != (unsigned long long)-1 && !x->encoded &&
	    len <= 2 && x->content_length > x->f->opt.max_size) {
		x->too_large = 1;
		return 0;
	}
	return len;
}

static struct fetch_result *
result_new(struct xfer *x)
{
	struct fetch_result *r = xcalloc(1, sizeof *r);

	r->url = xstrdup(x->url);
	r->udata = x->udata;
	return r;
}

static void
result_fail(struct fetch_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
result_fail(struct fetch_result *r, const char *fmt, ...)
{
	va_list ap;
	char *why, *name;

	va_start(ap, fmt);
	why = xvasprintf(fmt, ap);
	va_end(ap);
	name = text_sanitize(r->url, strlen(r->url), TEXT_ONELINE);
	r->reason = text_sanitize(why, strlen(why), TEXT_ONELINE);
	r->error = xasprintf("%s: %s", name, r->reason);
	free(why);
	free(name);
}

void
fetch_result_free(struct fetch_result *r)
{
	if (r == NULL)
		return;
	free(r->url);
	free(r->final_url);
	free(r->body);
	free(r->content_type);
	free(r->charset);
	free(r->etag);
	free(r->last_modified);
	free(r->error);
	free(r->reason);
	free(r);
}

static void
xfer_reset(struct xfer *x)
{
	buf_free(&x->body);
	free(x->etag);
	free(x->lastmod);
	free(x->reason_phrase);
	x->etag = x->lastmod = x->reason_phrase = NULL;
	x->too_large = 0;
	x->retry_after = -1;
	x->content_length = (unsigned long long)-1;
	x->encoded = 0;
}

static void
xfer_free(struct xfer *x)
{
	if (x->easy != NULL)
		curl_easy_cleanup(x->easy);
	curl_slist_free_all(x->headers);
	xfer_reset(x);
	free(x->url);
	free(x->etag_in);
	free(x->lastmod_in);
	free(x->host);
	free(x);
}

static CURL *
xfer_easy(struct xfer *x)
{
	const struct config_fetch *o = &x->f->opt;
	CURL *e;

	if ((e = curl_easy_init()) == NULL)
		die("cannot start libcurl");
	curl_easy_setopt(e, CURLOPT_URL, x->url);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRS);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, (long)o->connect_timeout);
	curl_easy_setopt(e, CURLOPT_TIMEOUT, (long)o->timeout);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, (long)FETCH_LOW_SPEED);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, (long)o->low_speed_time);
	curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)o->max_size);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(e, CURLOPT_USERAGENT, o->user_agent);
	/* Signals stay allowed: libcurl then ignores SIGPIPE around its own
	 * writes to a closed connection (names resolve in a thread). */
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
	curl_easy_setopt(e, CURLOPT_PRIVATE, x);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->errbuf);
	/* Proxies come from http_proxy, https_proxy and no_proxy: libcurl
	 * reads them itself when CURLOPT_PROXY is not set. */
	curl_slist_free_all(x->headers);
	x->headers = curl_slist_append(NULL,
	    "Accept: text/html, application/xhtml+xml, application/rss+xml, "
	    "application/atom+xml, application/xml;q=0.9, */*;q=0.8");
	if (x->etag_in != NULL) {
		char *h = xasprintf("If-None-Match: %s", x->etag_in);

		x->headers = curl_slist_append(x->headers, h);
		free(h);
	}
	if (x->lastmod_in != NULL) {
		char *h = xasprintf("If-Modified-Since: %s", x->lastmod_in);

		x->headers = curl_slist_append(x->headers, h);
		free(h);
	}
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, x->headers);
	return e;
}

struct fetch *
fetch_new(const struct config_fetch *opt)
{
	struct fetch *f;

	if (!curl_ready) {
		curl_load();
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
			die("cannot start libcurl");
		curl_ready = 1;
	}
	f = xcalloc(1, sizeof *f);
	f->opt = *opt;
	if (f->opt.parallel < 1)
		f->opt.parallel = 1;
	if (f->opt.per_host < 1)
		f->opt.per_host = 1;
	if ((f->multi = curl_multi_init()) == NULL)
		die("cannot start libcurl");
	curl_multi_setopt(f->multi, CURLMOPT_MAXCONNECTS,
	    (long)f->opt.parallel);
	return f;
}

void
fetch_free(struct fetch *f, void (*free_udata)(void *))
{
	struct xfer *x, *nx;
	size_t i;

	if (f == NULL)
		return;
	for (x = f->active; x != NULL; x = nx) {
		nx = x->next;
		curl_multi_remove_handle(f->multi, x->easy);
		if (free_udata != NULL)
			free_udata(x->udata);
		xfer_free(x);
	}
	for (x = f->queue; x != NULL; x = nx) {
		nx = x->next;
		if (free_udata != NULL)
			free_udata(x->udata);
		xfer_free(x);
	}
	for (i = 0; i < f->ndone; i++) {
		if (free_udata != NULL)
			free_udata(f->done[i]->udata);
		fetch_result_free(f->done[i]);
	}
	free(f->done);
	curl_multi_cleanup(f->multi);
	free(f);
}

static void
push_done(struct fetch *f, struct fetch_result *r)
{
	f->done = xreallocarray(f->done, f->ndone + 1, sizeof *f->done);
	f->done[f->ndone++] = r;
	f->finished++;
}

void
fetch_add(struct fetch *f, const char *url, const char *etag,
    const char *last_modified, void *udata)
{
	struct xfer *x = xcalloc(1, sizeof *x), **tail;

	x->f = f;
	x->url = xstrdup(url);
	x->etag_in = etag != NULL ? xstrdup(etag) : NULL;
	x->lastmod_in = last_modified != NULL ? xstrdup(last_modified) : NULL;
	x->udata = udata;
	x->host = host_of(url);
	x->retry_after = -1;
	f->added++;
	if (!fetch_is_url(url)) {
		struct fetch_result *r = result_new(x);

		result_fail(r, "not an http or https URL");
		push_done(f, r);
		xfer_free(x);
		return;
	}
	for (tail = &f->queue; *tail != NULL; tail = &(*tail)->next)
		;
	*tail = x;
}

static size_t
host_active(struct fetch *f, const char *host)
{
	struct xfer *x;
	size_t n = 0;

	for (x = f->active; x != NULL; x = x->next)
		if (strcasecmp(x->host, host) == 0)
			n++;
	return n;
}

/* Move queued transfers into the multi, within the caps. */
static void
start_queued(struct fetch *f)
{
	struct xfer **p = &f->queue, *x;
	double t = now();

	while ((x = *p) != NULL && f->nactive < (size_t)f->opt.parallel) {
		if (x->wake > t ||
		    host_active(f, x->host) >= (size_t)f->opt.per_host) {
			p = &x->next;
			continue;
		}
		*p = x->next;
		xfer_reset(x);
		x->errbuf[0] = '\0';
		if (x->easy == NULL)
			x->easy = xfer_easy(x);
		x->started = now();
		x->next = f->active;
		f->active = x;
		f->nactive++;
		curl_multi_add_handle(f->multi, x->easy);
	}
}

static void
unlink_active(struct fetch *f, struct xfer *x)
{
	struct xfer **p;

	for (p = &f->active; *p != NULL; p = &(*p)->next)
		if (*p == x) {
			*p = x->next;
			f->nactive--;
			break;
		}
	curl_multi_remove_handle(f->multi, x->easy);
}

/* Put a transient failure back in the queue; 0 if out of tries. */
static int
retry(struct fetch *f, struct xfer *x, long wait_s)
{
	double backoff;

	if (x->tries >= f->opt.retries)
		return 0;
	backoff = 0.5 * (double)(1 << (x->tries < 6 ? x->tries : 6));
	if (wait_s >= 0)
		backoff = wait_s > backoff ? (double)wait_s : backoff;
	x->tries++;
	x->wake = now() + backoff;
	x->next = f->queue;
	f->queue = x;
	return 1;
}

static void
split_content_type(struct fetch_result *r, const char *ct)
{
	const char *semi, *cs;
	size_t i, n;
	char *type;

	if (ct == NULL)
		return;
	semi = strchr(ct, ';');
	n = semi != NULL ? (size_t)(semi - ct) : strlen(ct);
	while (n > 0 && ct[n - 1] == ' ')
		n--;
	type = text_sanitize(ct, n, TEXT_ONELINE);
	for (i = 0; type[i] != '\0'; i++)
		if (type[i] >= 'A' && type[i] <= 'Z')
			type[i] = (char)(type[i] - 'A' + 'a');
	r->content_type = type;
	if (semi != NULL && (cs = strcasestr(semi, "charset=")) != NULL) {
		cs += 8;
		if (*cs == '"')
			cs++;
		n = strcspn(cs, "\"; ");
		if (n > 0 && n < 64)
			r->charset = text_sanitize(cs, n, TEXT_ONELINE);
	}
}

/* A finished transfer: a result, or a retry. */
static void
finish(struct fetch *f, struct xfer *x, CURLcode rc)
{
	struct fetch_result *r;
	char hs[32], hm[32];
	const char *eff = NULL, *ct = NULL, *phrase;
	long code = 0;
	double took;

	unlink_active(f, x);
	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_getinfo(x->easy, CURLINFO_EFFECTIVE_URL, &eff);
	took = now() - x->started;
	if ((rc == CURLE_RECV_ERROR || rc == CURLE_SEND_ERROR ||
	    rc == CURLE_GOT_NOTHING || rc == CURLE_PARTIAL_FILE) &&
	    !x->too_large && retry(f, x, -1))
		return;
	if (rc == CURLE_OK && (code == 429 || code == 503) &&
	    x->retry_after <= FETCH_RETRY_AFTER_MAX &&
	    retry(f, x, x->retry_after))
		return;
	if (rc == CURLE_OK && code >= 500 && code != 503 && code != 501 &&
	    retry(f, x, -1))
		return;

	r = result_new(x);
	r->status = code;
	r->final_url = xstrdup(eff != NULL ? eff : x->url);
	if (x->too_large) {
		human_size(hm, sizeof hm, f->opt.max_size);
		if (x->content_length != (unsigned long long)-1 &&
		    !x->encoded) {
			human_size(hs, sizeof hs, x->content_length);
			result_fail(r, "response too large (%s > %s cap)",
			    hs, hm);
		} else
			result_fail(r, "response too large (more than the "
			    "%s cap)", hm);
	} else if (rc == CURLE_FILESIZE_EXCEEDED) {
		human_size(hm, sizeof hm, f->opt.max_size);
		human_size(hs, sizeof hs, x->content_length);
		result_fail(r, "response too large (%s > %s cap)", hs, hm);
	} else if (rc == CURLE_OPERATION_TIMEDOUT) {
		result_fail(r, "timed out after %.0f s", took < 1 ? 1 : took);
	} else if (rc == CURLE_TOO_MANY_REDIRECTS) {
		result_fail(r, "too many redirects (more than %d)",
		    FETCH_MAX_REDIRS);
	} else if (rc == CURLE_UNSUPPORTED_PROTOCOL) {
		char *target = NULL;

		curl_easy_getinfo(x->easy, CURLINFO_REDIRECT_URL, &target);
		if (target == NULL)
			target = (char *)eff;
		if (target != NULL && strcmp(target, x->url) != 0) {
			char *t = text_sanitize(target, strlen(target),
			    TEXT_ONELINE);

			result_fail(r, "redirect to %.200s refused (only "
			    "http and https)", t);
			free(t);
		} else
			result_fail(r, "only http and https URLs are "
			    "fetched");
	} else if (rc == CURLE_COULDNT_RESOLVE_HOST) {
		result_fail(r, "cannot resolve host %s", x->host);
	} else if (rc == CURLE_COULDNT_RESOLVE_PROXY) {
		result_fail(r, "cannot resolve the proxy host");
	} else if (rc == CURLE_COULDNT_CONNECT) {
		result_fail(r, "cannot connect (connection refused or host "
		    "unreachable)");
	} else if (rc == CURLE_PEER_FAILED_VERIFICATION ||
	    rc == CURLE_SSL_CONNECT_ERROR || rc == CURLE_SSL_CACERT_BADFILE ||
	    rc == CURLE_SSL_CERTPROBLEM) {
		/* The library's own words say which check failed. */
		result_fail(r, "TLS: %s", x->errbuf[0] != '\0' ? x->errbuf :
		    curl_easy_strerror(rc));
	} else if (rc == CURLE_RECV_ERROR || rc == CURLE_SEND_ERROR) {
		result_fail(r, "connection reset");
	} else if (rc == CURLE_GOT_NOTHING) {
		result_fail(r, "the server closed the connection without "
		    "answering");
	} else if (rc != CURLE_OK) {
		result_fail(r, "%s", x->errbuf[0] != '\0' ? x->errbuf :
		    curl_easy_strerror(rc));
	} else if (code == 304 && (x->etag_in != NULL ||
	    x->lastmod_in != NULL)) {
		r->not_modified = 1;	/* never retried */
	} else if (code >= 400 || code < 200 || code == 304) {
		phrase = status_phrase(code);
		if (phrase == NULL)
			phrase = x->reason_phrase != NULL &&
			    x->reason_phrase[0] != '\0' ? x->reason_phrase :
			    "HTTP error";
		if ((code == 429 || code == 503) && x->retry_after >
		    FETCH_RETRY_AFTER_MAX)
			result_fail(r, "%ld %s (retry after %ld s)", code,
			    phrase, x->retry_after);
		else
			result_fail(r, "%ld %s", code, phrase);
	} else {
		curl_easy_getinfo(x->easy, CURLINFO_CONTENT_TYPE, &ct);
		split_content_type(r, ct);
		r->len = x->body.len;
		r->body = x->body.data != NULL ? buf_detach(&x->body) :
		    xstrdup("");
	}
	if (r->error == NULL) {
		r->etag = x->etag;
		r->last_modified = x->lastmod;
		x->etag = x->lastmod = NULL;
	}
	push_done(f, r);
	xfer_free(x);
}

int
fetch_run(struct fetch *f, int ms)
{
	CURLMsg *m;
	int running = 0, left, wait;

	start_queued(f);
	if (f->nactive == 0 && f->queue != NULL && ms > 0) {
		/* Only retries waiting: sleep, but not past ms. */
		struct timespec ts;
		double soonest = 1e18, t = now();
		struct xfer *x;

		for (x = f->queue; x != NULL; x = x->next)
			if (x->wake < soonest)
				soonest = x->wake;
		wait = (int)((soonest - t) * 1000);
		if (wait > ms)
			wait = ms;
		if (wait > 0) {
			ts.tv_sec = wait / 1000;
			ts.tv_nsec = (wait % 1000) * 1000000L;
			nanosleep(&ts, NULL);
		}
		start_queued(f);
	}
	curl_multi_perform(f->multi, &running);
	/* Wait for the network only if nothing is finished yet. */
	if (f->nactive > 0 && ms > 0 && f->ndone == 0 &&
	    (size_t)running >= f->nactive) {
		curl_multi_poll(f->multi, NULL, 0, ms, NULL);
		curl_multi_perform(f->multi, &running);
	}
	while ((m = curl_multi_info_read(f->multi, &left)) != NULL) {
		struct xfer *x = NULL;

		if (m->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &x);
		finish(f, x, m->data.result);
	}
	start_queued(f);
	return (int)f->ndone;
}

struct fetch_result *
fetch_next(struct fetch *f)
{
	struct fetch_result *r;

	if (f->ndone == 0)
		return NULL;
	r = f->done[0];
	memmove(f->done, f->done + 1, (f->ndone - 1) * sizeof *f->done);
	f->ndone--;
	return r;
}

size_t
fetch_pending(const struct fetch *f)
{
	const struct xfer *x;
	size_t n = f->nactive;

	for (x = f->queue; x != NULL; x = x->next)
		n++;
	return n;
}

void
fetch_progress(const struct fetch *f, size_t *done, size_t *total)
{
	*done = f->finished;
	*total = f->added;
}

struct fetch_result *
fetch_url(const struct config_fetch *opt, const char *url, const char *etag,
    const char *last_modified)
{
	struct fetch *f = fetch_new(opt);
	struct fetch_result *r;

	fetch_add(f, url, etag, last_modified, NULL);
	while ((r = fetch_next(f)) == NULL)
		fetch_run(f, 1000);
	fetch_free(f, NULL);
	return r;
}
