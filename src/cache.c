/* cache: pages and feeds on disk, written atomically, checked on read. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "fetch.h"
#include "text.h"
#include "util.h"

#define CACHE_MAGIC	"reader-cache 1\n"
#define CACHE_HEAD_MAX	16384
/* A temporary file this old was left by a process that died while
 * writing (a live write takes seconds at most). */
#define TMP_STALE	3600

static char *
make_dir(const char *path)
{
	if (mkdir(path, 0700) == -1 && errno != EEXIST)
		return NULL;
	return xstrdup(path);
}

char *
cache_dir(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char *base, *dir, *r;

	if (xdg != NULL && xdg[0] == '/')
		base = xstrdup(xdg);
	else if (home != NULL && home[0] == '/')
		base = xasprintf("%s/.cache", home);
	else
		return NULL;
	if ((r = make_dir(base)) == NULL) {
		free(base);
		return NULL;
	}
	free(r);
	dir = xasprintf("%s/reader", base);
	free(base);
	r = make_dir(dir);
	free(dir);
	return r;
}

static uint64_t
fnv1a(const char *s, uint64_t h)
{
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

void
cache_key(const char *url, char out[33])
{
	uint64_t a = fnv1a(url, 0xcbf29ce484222325ULL);
	uint64_t b = fnv1a(url, 0x84222325cbf29ce4ULL ^ a);

	snprintf(out, 33, "%016llx%016llx", (unsigned long long)a,
	    (unsigned long long)b);
}

static char *
entry_path(const char *dir, const char *url)
{
	char key[33];

	cache_key(url, key);
	return xasprintf("%s/%s", dir, key);
}

void
cache_entry_clear(struct cache_entry *e)
{
	free(e->url);
	free(e->final_url);
	free(e->content_type);
	free(e->charset);
	free(e->etag);
	free(e->last_modified);
	free(e->body);
	memset(e, 0, sizeof *e);
}

static void
set_aside(const char *path)
{
	char *to = xasprintf("%s.broken", path);

	rename(path, to);
	free(to);
}

/* Parse the head and body of an entry file; -1 if it is not whole. */
static int
parse_entry(const char *url, char *data, size_t n, struct cache_entry *e)
{
	char *p = data, *end = data + n, *nl, *sp;
	unsigned long long len = 0;
	int have_len = 0;

	if (n < sizeof CACHE_MAGIC - 1 ||
	    memcmp(data, CACHE_MAGIC, sizeof CACHE_MAGIC - 1) != 0)
		return -1;
	p += sizeof CACHE_MAGIC - 1;
	for (;;) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			return -1;
		*nl = '\0';
		if (p == nl) {		/* the blank line: the body follows */
			p = nl + 1;
			break;
		}
		if ((sp = strchr(p, ' ')) == NULL)
			return -1;
		*sp++ = '\0';
		if (strcmp(p, "url") == 0)
			e->url = xstrdup(sp);
		else if (strcmp(p, "final") == 0)
			e->final_url = xstrdup(sp);
		else if (strcmp(p, "type") == 0)
			e->content_type = xstrdup(sp);
		else if (strcmp(p, "charset") == 0)
			e->charset = xstrdup(sp);
		else if (strcmp(p, "etag") == 0)
			e->etag = xstrdup(sp);
		else if (strcmp(p, "modified") == 0)
			e->last_modified = xstrdup(sp);
		else if (strcmp(p, "fetched") == 0)
			e->fetched = (time_t)strtoll(sp, NULL, 10);
		else if (strcmp(p, "length") == 0) {
			char *x;

			errno = 0;
			len = strtoull(sp, &x, 10);
			if (*x != '\0' || errno != 0)
				return -1;
			have_len = 1;
		}
		p = nl + 1;
	}
	if (!have_len || e->url == NULL || strcmp(e->url, url) != 0 ||
	    len != (unsigned long long)(end - p))
		return -1;
	e->len = (size_t)len;
	e->body = xstrndup(p, e->len);
	return 0;
}

int
cache_get(const char *url, size_t max, struct cache_entry *e)
{
	struct buf b = { 0 };
	struct stat sb;
	char *dir, *path;
	int r;
	int fd, ok = 0;

	memset(e, 0, sizeof *e);
	if ((dir = cache_dir()) == NULL)
		return 0;
	path = entry_path(dir, url);
	free(dir);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1) {
		free(path);
		return 0;
	}
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode) ||
	    (unsigned long long)sb.st_size > max + CACHE_HEAD_MAX) {
		close(fd);
		set_aside(path);
		free(path);
		return 0;
	}
	buf_grow(&b, (size_t)sb.st_size);
	r = buf_read_fd(&b, fd, max + CACHE_HEAD_MAX);
	close(fd);
	if (r == 0 && parse_entry(url, b.data, b.len, e) == 0)
		ok = 1;
	else {
		cache_entry_clear(e);
		set_aside(path);
	}
	buf_free(&b);
	free(path);
	return ok;
}

static void
head_line(struct buf *b, const char *name, const char *value)
{
	char *v;

	if (value == NULL)
		return;
	v = text_sanitize(value, strlen(value), TEXT_ONELINE);
	buf_printf(b, "%s %s\n", name, v);
	free(v);
}

static int
write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, p, n)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Remove what writers that died left in dir, once a run. */
static void
sweep(const char *dir)
{
	static int swept;
	struct dirent *de;
	struct stat sb;
	DIR *d;
	int fd;

	if (swept++ || (d = opendir(dir)) == NULL)
		return;
	fd = dirfd(d);
	while ((de = readdir(d)) != NULL)
		if (strncmp(de->d_name, ".tmp-", 5) == 0 &&
		    fstatat(fd, de->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(sb.st_mode) && sb.st_mtime + TMP_STALE < time(NULL))
			unlinkat(fd, de->d_name, 0);
	closedir(d);
}

int
cache_put(const struct cache_entry *e, char **err)
{
	struct buf head = { 0 };
	char *dir, *path, *tmp;
	int fd, saved;

	*err = NULL;
	if ((dir = cache_dir()) == NULL) {
		*err = xstrdup("no cache directory (HOME is not set)");
		return -1;
	}
	/* The URL must read back the same: refuse one that would not. */
	if (!text_is_clean(e->url) || strchr(e->url, '\n') != NULL) {
		free(dir);
		*err = xstrdup("URL not cacheable");
		return -1;
	}
	sweep(dir);
	path = entry_path(dir, e->url);
	tmp = xasprintf("%s/.tmp-XXXXXX", dir);
	free(dir);
	if ((fd = mkstemp(tmp)) == -1) {
		*err = xasprintf("cache: %s", strerror(errno));
		goto fail;
	}
	buf_adds(&head, CACHE_MAGIC);
	head_line(&head, "url", e->url);
	head_line(&head, "final", e->final_url);
	head_line(&head, "type", e->content_type);
	head_line(&head, "charset", e->charset);
	head_line(&head, "etag", e->etag);
	head_line(&head, "modified", e->last_modified);
	buf_printf(&head, "fetched %lld\nlength %zu\n\n",
	    (long long)e->fetched, e->len);
	if (write_all(fd, head.data, head.len) == -1 ||
	    write_all(fd, e->body, e->len) == -1) {
		saved = errno;
		close(fd);
		unlink(tmp);
		*err = xasprintf("cache: %s", strerror(saved));
		goto fail;
	}
	if (close(fd) == -1 || rename(tmp, path) == -1) {
		*err = xasprintf("cache: %s", strerror(errno));
		unlink(tmp);
		goto fail;
	}
	buf_free(&head);
	free(tmp);
	free(path);
	return 0;
fail:
	buf_free(&head);
	free(tmp);
	free(path);
	return -1;
}

/* --- the old read marks: one key hash a line in "read" --------------- */

int
cache_old_read_marks(void (*fn)(const char *hash, void *), void *arg)
{
	char *dir, *path, line[64];
	FILE *fp;
	int n = 0;

	if ((dir = cache_dir()) == NULL)
		return 0;
	path = xasprintf("%s/read", dir);
	free(dir);
	if ((fp = fopen(path, "re")) != NULL) {
		while (fgets(line, sizeof line, fp) != NULL) {
			if (strlen(line) != 33 || line[32] != '\n' ||
			    strspn(line, "0123456789abcdef") != 32)
				continue;	/* a torn line */
			line[32] = '\0';
			fn(line, arg);
			n++;
		}
		fclose(fp);
	}
	free(path);
	return n;
}

void
cache_put_result(const char *url, const struct fetch_result *r)
{
	struct cache_entry e;
	char *err = NULL;

	memset(&e, 0, sizeof e);
	e.url = (char *)url;
	e.final_url = r->final_url;
	e.content_type = r->content_type;
	e.charset = r->charset;
	e.etag = r->etag;
	e.last_modified = r->last_modified;
	e.fetched = time(NULL);
	e.body = r->body;
	e.len = r->len;
	if (cache_put(&e, &err) == -1)
		free(err);
}
