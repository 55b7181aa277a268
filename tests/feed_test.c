/* Tables for the fetch side: feed dates, feed parsing (and its safety
 * against entity tricks), feed discovery, cache keys and entries, and
 * the [fetch] and [feeds] settings. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "config.h"
#include "feed.h"
#include "util.h"

static int passed, failed;

#define CHECK(cond, ...) do {						\
	if (cond)							\
		passed++;						\
	else {								\
		failed++;						\
		printf("FAIL %s:%d: ", __FILE__, __LINE__);		\
		printf(__VA_ARGS__);					\
		putchar('\n');						\
	}								\
} while (0)

static void
test_dates(void)
{
	static const struct {
		const char	*in;
		long long	 want;	/* -1: no date */
	} t[] = {
		{ "Mon, 12 Jan 2026 10:00:00 GMT", 1768212000 },
		{ "Mon, 12 Jan 2026 10:00:00 +0000", 1768212000 },
		{ "Mon, 12 Jan 2026 11:00:00 +0100", 1768212000 },
		{ "Mon, 12 Jan 2026 05:00:00 EST", 1768212000 },
		{ "12 Jan 2026 10:00 GMT", 1768212000 },
		{ "Mon, 12 Jan 26 10:00:00 GMT", 1768212000 },
		{ "2026-01-12T10:00:00Z", 1768212000 },
		{ "2026-01-12T10:00:00.123Z", 1768212000 },
		{ "2026-01-12T12:00:00+02:00", 1768212000 },
		{ "2026-01-12T05:00:00-0500", 1768212000 },
		{ "  2026-01-12T10:00Z", 1768212000 },
		{ "2026-01-12", 1768176000 },
		{ "yesterday", -1 },
		{ "", -1 },
		{ "2026-13-12T10:00:00Z", -1 },
		{ "Mon, 12 Foo 2026 10:00:00 GMT", -1 },
	};
	size_t i;
	time_t got;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		int r = feed_parse_date(t[i].in, &got);

		if (t[i].want < 0)
			CHECK(r == -1, "date \"%s\" parsed", t[i].in);
		else
			CHECK(r == 0 && (long long)got == t[i].want,
			    "date \"%s\": %d %lld, want %lld", t[i].in, r,
			    (long long)got, t[i].want);
	}
}

static struct feed *
parse(const char *xml, char **err)
{
	return feed_parse(xml, strlen(xml), "http://127.0.0.1/news/feed.xml",
	    err);
}

static void
test_feeds(void)
{
	struct feed *f;
	char *err = NULL;
	clock_t c0;

	f = parse("<rss version=\"2.0\"><channel><title>T</title><item>"
	    "<title>A &amp; B</title><link> ../a.html </link>"
	    "<description>&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two &amp;amp; "
	    "three&lt;/p&gt;</description><guid>g1</guid></item>"
	    "<item><title>No link</title></item></channel></rss>", &err);
	CHECK(f != NULL && f->nitems == 2, "rss items");
	if (f != NULL && f->nitems == 2) {
		CHECK(strcmp(f->items[0].title, "A & B") == 0, "rss title %s",
		    f->items[0].title);
		CHECK(f->items[0].link != NULL &&
		    strcmp(f->items[0].link, "http://127.0.0.1/a.html") == 0,
		    "relative link: %s", f->items[0].link);
		CHECK(strcmp(f->items[0].summary, "One\n\nTwo & three") == 0,
		    "summary paragraphs: \"%s\"", f->items[0].summary);
		CHECK(strcmp(f->items[0].guid, "g1") == 0, "guid");
		CHECK(f->items[1].link == NULL, "no link");
		CHECK(strcmp(f->title, "T") == 0, "feed title");
	}
	feed_free(f);

	/* Links that are not http(s) are dropped, not followed. */
	f = parse("<rss><channel><item><title>x</title><link>"
	    "javascript:alert(1)</link></item><item><title>y</title><link>"
	    "file:///etc/passwd</link></item></channel></rss>", &err);
	CHECK(f != NULL && f->nitems == 2 && f->items[0].link == NULL &&
	    f->items[1].link == NULL, "non-http links dropped");
	feed_free(f);

	/* An external entity is never read. */
	f = parse("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM "
	    "\"file:///etc/passwd\">]><rss><channel><item><title>a&x;b"
	    "</title></item></channel></rss>", &err);
	CHECK(f == NULL || (f->nitems == 1 &&
	    strstr(f->items[0].title, "root:") == NULL), "XXE");
	feed_free(f);
	free(err);
	err = NULL;

	/* Nested entities (a "billion laughs") do not blow up. */
	c0 = clock();
	f = parse("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
	    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
	    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
	    "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
	    "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
	    "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>"
	    "<rss><channel><item><title>&h;</title></item></channel></rss>",
	    &err);
	CHECK((double)(clock() - c0) / CLOCKS_PER_SEC < 2.0 &&
	    (f == NULL || f->nitems == 0 ||
	    strlen(f->items[0].title) < 200000), "billion laughs");
	feed_free(f);
	free(err);
	err = NULL;

	f = parse("<feed xmlns=\"http://www.w3.org/2005/Atom\" "
	    "xml:base=\"http://127.0.0.1/s/\"><entry><title type=\"html\">"
	    "&lt;b&gt;Bold&lt;/b&gt; move</title><link rel=\"self\" "
	    "href=\"self.xml\"/><link href=\"a.html\"/><id>urn:1</id>"
	    "<updated>2026-01-12T10:00:00Z</updated><content type=\"xhtml\">"
	    "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>P1</p><p>P2</p>"
	    "</div></content></entry></feed>", &err);
	CHECK(f != NULL && f->nitems == 1, "atom");
	if (f != NULL && f->nitems == 1) {
		CHECK(strcmp(f->items[0].title, "Bold move") == 0,
		    "atom html title: %s", f->items[0].title);
		CHECK(f->items[0].link != NULL &&
		    strcmp(f->items[0].link, "http://127.0.0.1/s/a.html") == 0,
		    "xml:base: %s", f->items[0].link);
		CHECK(f->items[0].has_date && f->items[0].date == 1768212000,
		    "atom updated");
		CHECK(strcmp(f->items[0].summary, "P1\n\nP2") == 0,
		    "xhtml content: %s", f->items[0].summary);
	}
	feed_free(f);

	f = parse("<html><body>not a feed</body></html>", &err);
	CHECK(f == NULL && err != NULL && strstr(err, "not a feed") != NULL,
	    "html is not a feed: %s", err != NULL ? err : "(none)");
	free(err);
	err = NULL;
	f = parse("\x01\x02 garbage", &err);
	CHECK(f == NULL && err != NULL, "garbage");
	free(err);
	err = NULL;

	/* Control characters and bidi overrides do not survive. */
	f = parse("<rss><channel><item><title>a\xE2\x80\xAE" "b\tc</title>"
	    "</item></channel></rss>", &err);
	CHECK(f != NULL && f->nitems == 1 &&
	    strstr(f->items[0].title, "\xE2\x80\xAE") == NULL &&
	    strchr(f->items[0].title, '\t') == NULL, "sanitized title");
	feed_free(f);

	CHECK(feed_sniff("<?xml version='1.0'?>\n<rss version='2.0'>", 36),
	    "sniff rss");
	CHECK(feed_sniff("<feed xmlns='x'>", 16), "sniff atom");
	CHECK(!feed_sniff("<html><head>", 12), "sniff html");
}

static void
test_discover(void)
{
	const char *home = "<html><head><link rel=\"alternate\" "
	    "type=\"application/rss+xml\" href=\"/rss.xml\"></head>"
	    "<body></body></html>";
	const char *art = "<html><head><meta property=\"og:type\" "
	    "content=\"article\"><link rel=\"alternate\" "
	    "type=\"application/atom+xml\" href=\"feed\"></head></html>";
	int is_article;
	char *u;

	u = feed_discover(home, strlen(home), "http://127.0.0.1/x/y.html",
	    &is_article);
	CHECK(u != NULL && strcmp(u, "http://127.0.0.1/rss.xml") == 0 &&
	    !is_article, "discover: %s", u != NULL ? u : "(none)");
	free(u);
	u = feed_discover(art, strlen(art), "http://127.0.0.1/x/y.html",
	    &is_article);
	CHECK(u != NULL && is_article, "article page");
	free(u);
}

static void
count_mark(const char *hash, void *arg)
{
	int *n = arg;

	if (strlen(hash) == 32)
		(*n)++;
}

static void
test_cache(void)
{
	char dir[] = "/tmp/reader-cache-test-XXXXXX", k1[33], k2[33], *err;
	struct cache_entry e, got;

	cache_key("http://a/", k1);
	cache_key("http://a/", k2);
	CHECK(strcmp(k1, k2) == 0 && strlen(k1) == 32, "stable key");
	cache_key("http://b/", k2);
	CHECK(strcmp(k1, k2) != 0, "different keys");
	if (mkdtemp(dir) == NULL)
		return;
	setenv("XDG_CACHE_HOME", dir, 1);
	/* What a writer that died left: an old temporary file goes, a
	 * fresh one (another process writing now) stays. */
	{
		char *cd = cache_dir(), *old, *fresh, *marks;
		struct timespec ts[2] = { { 0, 0 }, { 0, 0 } };
		FILE *fp;
		int k;

		old = xasprintf("%s/.tmp-old123", cd);
		fresh = xasprintf("%s/.tmp-new123", cd);
		fclose(fopen(old, "w"));
		fclose(fopen(fresh, "w"));
		ts[0].tv_sec = ts[1].tv_sec = time(NULL) - 7200;
		utimensat(AT_FDCWD, old, ts, 0);
		/* The old read marks, with a torn last line. */
		marks = xasprintf("%s/read", cd);
		if ((fp = fopen(marks, "w")) != NULL) {
			for (k = 0; k < 20005; k++) {
				char key[32], h[33];

				snprintf(key, sizeof key, "story-%d", k);
				cache_key(key, h);
				fprintf(fp, "%s\n", h);
			}
			fprintf(fp, "0123abc");
			fclose(fp);
		}
		memset(&e, 0, sizeof e);
		e.url = (char *)"http://127.0.0.1/first";
		e.body = (char *)"x";
		e.len = 1;
		CHECK(cache_put(&e, &err) == 0, "put");
		CHECK(access(old, F_OK) == -1, "a stale temporary file is "
		    "swept");
		CHECK(access(fresh, F_OK) == 0, "a fresh temporary file "
		    "stays");
		k = 0;
		CHECK(cache_old_read_marks(count_mark, &k) == 20005 &&
		    k == 20005, "the old read marks are all read, the torn "
		    "line skipped (%d)", k);
		free(old);
		free(fresh);
		free(marks);
		free(cd);
	}
	memset(&e, 0, sizeof e);
	e.url = (char *)"http://127.0.0.1/p";
	e.etag = (char *)"\"v1\"";
	e.body = (char *)"body\nwith\0nul";
	e.len = 13;
	e.fetched = 5;
	CHECK(cache_put(&e, &err) == 0, "put");
	CHECK(cache_get("http://127.0.0.1/p", 1024, &got) == 1 &&
	    got.len == 13 && memcmp(got.body, e.body, 13) == 0 &&
	    strcmp(got.etag, "\"v1\"") == 0 && got.fetched == 5, "get");
	cache_entry_clear(&got);
	CHECK(cache_get("http://127.0.0.1/other", 1024, &got) == 0, "miss");
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			failed++;
		free(cmd);
	}
}

static void
test_config(void)
{
	static const struct {
		const char	*text;
		int		 ok;
	} t[] = {
		{ "[fetch]\ntimeout = 3\n", 1 },
		{ "[fetch]\ntimeout = 0\n", 0 },
		{ "[fetch]\nmax_size = 2M\n", 1 },
		{ "[fetch]\nmax_size = 2G\n", 0 },
		{ "[fetch]\nparallel = 300\n", 0 },
		{ "[fetch]\nretries = 0\n", 1 },
		{ "[fetch]\nuser_agent = x/1\n", 1 },
		{ "[fetch]\nbogus = 1\n", 0 },
		{ "[feeds]\nhttps://a.example/rss A desk\n", 1 },
		{ "[feeds]\nftp://a.example/rss\n", 0 },
	};
	struct config cfg;
	char *err;
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		int r;

		config_defaults(&cfg);
		r = config_parse(&cfg, "t.conf", t[i].text, strlen(t[i].text),
		    &err);
		CHECK((r == 0) == t[i].ok, "config \"%s\": %s", t[i].text,
		    err != NULL ? err : "accepted");
		free(err);
		config_free(&cfg);
	}
	config_defaults(&cfg);
	{
		const char *text = "[feeds]\nhttps://a/rss  Wire  desk\n"
		    "https://b/atom\n";

		config_parse(&cfg, "t.conf", text, strlen(text), &err);
	}
	CHECK(cfg.nfeeds == 2 && strcmp(cfg.feeds[0].name, "Wire desk") == 0 &&
	    cfg.feeds[1].name == NULL, "feeds list");
	free(err);
	config_free(&cfg);
}

int
main(void)
{
	test_dates();
	test_feeds();
	test_discover();
	test_cache();
	test_config();
	printf("feed: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}
