/* source: arguments to bytes, bytes to stories. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "clean.h"
#include "config.h"
#include "entity.h"
#include "fetch.h"
#include "source.h"
#include "story.h"
#include "text.h"
#include "util.h"

/* A name fit for a message: sanitized, on one line. */
static char *
display_name(const char *path)
{
	return text_sanitize(path, strlen(path), TEXT_ONELINE);
}

static char *
fail(const char *path, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static char *
fail(const char *path, const char *fmt, ...)
{
	va_list ap;
	char *name = display_name(path), *why, *msg;

	va_start(ap, fmt);
	why = xvasprintf(fmt, ap);
	va_end(ap);
	msg = xasprintf("%s: %s", name, why);
	free(name);
	free(why);
	return msg;
}

static void
human_size(char *out, size_t sz, unsigned long long n)
{
	if (n >= 1024ULL * 1024 * 1024)
		snprintf(out, sz, "%.1f GB", n / (1024.0 * 1024 * 1024));
	else if (n >= 1024 * 1024)
		snprintf(out, sz, "%.1f MB", n / (1024.0 * 1024));
	else if (n >= 1024)
		snprintf(out, sz, "%.1f KB", n / 1024.0);
	else
		snprintf(out, sz, "%llu bytes", n);
}

char *
source_read_file(const char *path, size_t max, size_t *lenp, char **err)
{
	struct buf b = { 0 };
	struct stat sb;
	char hs[32], hm[32];
	const char *what;
	int r;
	int fd, is_stdin = strcmp(path, "-") == 0;

	*err = NULL;
	if (is_stdin)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC |
	    O_NOCTTY)) == -1) {
		*err = fail(path, "%s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &sb) == -1) {
		*err = fail(path, "%s", strerror(errno));
		goto out;
	}
	if (!is_stdin) {
		if (S_ISDIR(sb.st_mode)) {
			*err = fail(path, "is a directory");
			goto out;
		}
		if (!S_ISREG(sb.st_mode)) {
			*err = fail(path, "not a regular file (%s)",
			    S_ISFIFO(sb.st_mode) ? "a FIFO" :
			    S_ISCHR(sb.st_mode) ? "a character device" :
			    S_ISBLK(sb.st_mode) ? "a block device" :
			    S_ISSOCK(sb.st_mode) ? "a socket" : "special");
			goto out;
		}
		if ((unsigned long long)sb.st_size > max) {
			human_size(hs, sizeof hs, (unsigned long long)sb.st_size);
			human_size(hm, sizeof hm, max);
			*err = fail(path, "file too large (%s > %s limit; "
			    "see max_size in reader.conf)", hs, hm);
			goto out;
		}
		/* Regular files never block; clear O_NONBLOCK anyway. */
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
		buf_grow(&b, (size_t)sb.st_size);
	}
	if ((r = buf_read_fd(&b, fd, max)) == -1) {
		*err = fail(path, "%s", strerror(errno));
		goto out;
	}
	if (r == 1) {
		human_size(hm, sizeof hm, max);
		*err = fail(path, "input too large (more than %s; "
		    "see max_size in reader.conf)", hm);
		goto out;
	}
	if ((what = text_binary_kind(b.data, b.len)) != NULL) {
		*err = fail(path, "not a text file (looks like %s)", what);
		goto out;
	}
	if (!is_stdin)
		close(fd);
	*lenp = b.len;
	if (b.data == NULL)
		return xstrdup("");
	b.data[b.len] = '\0';
	return b.data;
out:
	if (!is_stdin)
		close(fd);
	buf_free(&b);
	return NULL;
}

/* Whether name ends in one of the HTML extensions. */
static int
html_name(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot != NULL && (strcasecmp(dot, ".html") == 0 ||
	    strcasecmp(dot, ".htm") == 0 || strcasecmp(dot, ".xhtml") == 0 ||
	    strcasecmp(dot, ".shtml") == 0);
}

/* Say that the page's text was mended, unless something else was said. */
static void
mended(struct story *st)
{
	if (st->note == NULL)
		story_set(&st->note, "The page's text was encoded twice "
		    "(\"itâ€™s\"); it was mended.");
}

struct story *
source_clean(const char *name, const char *bytes, size_t len,
    const char *charset, const char *content_type)
{
	struct story *st;
	const char *declared;
	char *utf8, *fixed, *err = NULL;
	size_t ulen = 0;
	int html, valid;

	st = story_new(name);
	html = (content_type != NULL && strstr(content_type, "html") != NULL) ||
	    (content_type == NULL && (html_name(name) ||
	    clean_looks_like_html(bytes, len)));
	/* The charset: a BOM (inside text_to_utf8), what the server said,
	 * what the page says, else UTF-8 if it is valid, else Windows-1252. */
	declared = charset;
	if (html && (declared == NULL || *declared == '\0'))
		declared = clean_html_charset(bytes, len);
	valid = text_utf8_valid(bytes, len);
	if (declared != NULL && text_charset_name(declared) != NULL &&
	    strcmp(text_charset_name(declared), "UTF-8") == 0 && !valid) {
		story_set(&st->note, "The page says UTF-8 but is not; "
		    "read as Windows-1252.");
		declared = "windows-1252";
	}
	/* UTF-8 HTML goes to the parser as it is: no copy. */
	if (html && (declared == NULL || strcmp(text_charset_name(declared) ?
	    text_charset_name(declared) : "", "UTF-8") == 0) &&
	    !(len >= 2 && ((unsigned char)bytes[0] == 0xFF ||
	    (unsigned char)bytes[0] == 0xFE)) && valid) {
		size_t bom = len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0 ?
		    3 : 0;

		if ((utf8 = text_fix_mojibake(bytes + bom, len - bom,
		    &ulen)) == NULL) {
			clean_html(bytes + bom, len - bom, strstr(name,
			    "://") != NULL ? name : NULL, st);
			return st;
		}
		mended(st);
		clean_html(utf8, ulen, strstr(name, "://") != NULL ? name :
		    NULL, st);
		free(utf8);
		return st;
	}
	utf8 = text_to_utf8(bytes, len, declared, &ulen, &err);
	if (utf8 == NULL) {
		/* An unknown label: read it as Windows-1252, say so. The
		 * label came from the page: the note is sanitized. */
		story_set(&st->note, err);
		free(err);
		err = NULL;
		utf8 = text_to_utf8(bytes, len, NULL, &ulen, &err);
	}
	if ((fixed = text_fix_mojibake(utf8, ulen, &ulen)) != NULL) {
		free(utf8);
		utf8 = fixed;
		mended(st);
	}
	if (html)
		clean_html(utf8, ulen, strstr(name, "://") != NULL ? name :
		    NULL, st);
	else
		clean_text(utf8, ulen, st);
	free(utf8);
	return st;
}

struct story *
source_story(const char *name, const char *bytes, size_t len,
    const char *charset, const char *content_type)
{
	struct story *st;

	st = source_clean(name, bytes, len, charset, content_type);
	entity_tag(st);
	return st;
}

/* A page from the web: conditional on the cached copy, which is also
 * what is shown, with a note, when the server cannot be reached. */
static struct story *
source_fetch(const char *url, const struct config *cfg, char **err)
{
	struct cache_entry c;
	struct fetch_result *r;
	struct story *st = NULL;
	int cached = cache_get(url, cfg->fetch.max_size, &c);

	*err = NULL;
	r = fetch_url(&cfg->fetch, url, cached ? c.etag : NULL,
	    cached ? c.last_modified : NULL);
	if (r->error == NULL && !r->not_modified) {
		cache_put_result(url, r);
		if (text_binary_kind(r->body, r->len) != NULL)
			*err = fail(url, "not a text page (looks like %s)",
			    text_binary_kind(r->body, r->len));
		else
			st = source_story(r->final_url, r->body, r->len,
			    r->charset, r->content_type);
	} else if (cached) {
		st = source_story(c.final_url != NULL ? c.final_url : url,
		    c.body, c.len, c.charset, c.content_type);
		if (r->error != NULL) {
			char *note = xasprintf("Offline: showing the cached "
			    "copy (%s).", r->reason);

			story_set(&st->note, note);
			free(note);
		}
	} else
		*err = xstrdup(r->error);
	if (cached)
		cache_entry_clear(&c);
	fetch_result_free(r);
	return st;
}

struct story *
source_load(const char *arg, const struct config *cfg, char **err)
{
	struct story *st;
	char *bytes;
	size_t len = 0;

	if (fetch_is_url(arg))
		return source_fetch(arg, cfg, err);
	if ((bytes = source_read_file(arg, cfg->max_file_size, &len,
	    err)) == NULL)
		return NULL;
	st = source_story(arg, bytes, len, NULL, NULL);
	free(bytes);
	return st;
}
