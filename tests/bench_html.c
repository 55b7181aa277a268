/*
 * bench_html: the HTML cleaner's speed against libxml2's parse alone,
 * over every page of a folder of .html.gz files, all in one process.
 * Prints pages/s, MB/s and peak memory for both, and their ratio.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <zlib.h>

#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>

#include "source.h"
#include "story.h"
#include "util.h"

struct page {
	char	*data;
	size_t	 len;
	char	*name;
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
quiet(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

static void
squiet(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

static int
load(const char *path, struct page *p)
{
	gzFile gz = gzopen(path, "rb");
	struct buf b = { 0 };
	char chunk[65536];
	int n;

	if (gz == NULL)
		return -1;
	while ((n = gzread(gz, chunk, sizeof chunk)) > 0)
		buf_add(&b, chunk, (size_t)n);
	gzclose(gz);
	p->len = b.len;
	p->data = buf_detach(&b);
	p->name = xstrdup(path);
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct page *)a)->name,
	    ((const struct page *)b)->name);
}

int
main(int argc, char *argv[])
{
	struct page *pages = NULL;
	struct dirent *de;
	struct rusage ru;
	size_t n = 0, i, bytes = 0;
	double t0, parse_s, clean_s, all_s, *best;
	long rss_clean;
	int rounds = argc > 2 ? atoi(argv[2]) : 5, r;
	DIR *d;

	if (argc < 2 || (d = opendir(argv[1])) == NULL) {
		fprintf(stderr, "usage: bench_html DIR [rounds]\n");
		return 2;
	}
	while ((de = readdir(d)) != NULL) {
		char *path;

		if (strstr(de->d_name, ".html") == NULL)
			continue;
		path = xasprintf("%s/%s", argv[1], de->d_name);
		pages = xreallocarray(pages, n + 1, sizeof *pages);
		if (load(path, &pages[n]) == 0) {
			bytes += pages[n].len;
			n++;
		}
		free(path);
	}
	closedir(d);
	qsort(pages, n, sizeof *pages, by_name);
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(NULL, squiet);

	/* Interleaved page by page, so that drift in the machine's speed
	 * falls on all three alike; each page's fastest round counts, so
	 * that a burst of other work on the machine does not. */
	best = xreallocarray(NULL, n * 3, sizeof *best);
	for (i = 0; i < n * 3; i++)
		best[i] = 1e9;
	for (r = 0; r < rounds; r++)
		for (i = 0; i < n; i++) {
			htmlDocPtr doc;
			double t;

			t0 = now();
			doc = htmlReadMemory(pages[i].data, (int)pages[i].len,
			    NULL, NULL, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
			    HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
			    HTML_PARSE_COMPACT);
			xmlFreeDoc(doc);
			if ((t = now() - t0) < best[i * 3])
				best[i * 3] = t;
			t0 = now();
			story_free(source_clean(pages[i].name, pages[i].data,
			    pages[i].len, NULL, "text/html"));
			if ((t = now() - t0) < best[i * 3 + 1])
				best[i * 3 + 1] = t;
			t0 = now();
			story_free(source_story(pages[i].name, pages[i].data,
			    pages[i].len, NULL, "text/html"));
			if ((t = now() - t0) < best[i * 3 + 2])
				best[i * 3 + 2] = t;
		}
	parse_s = clean_s = all_s = 0;
	for (i = 0; i < n; i++) {
		parse_s += best[i * 3];
		clean_s += best[i * 3 + 1];
		all_s += best[i * 3 + 2];
	}
	free(best);
	getrusage(RUSAGE_SELF, &ru);
	rss_clean = ru.ru_maxrss;

	printf("pages: %zu, %.1f MB of HTML, each page's best of %d rounds\n",
	    n, bytes / 1e6, rounds);
	printf("libxml2 parse alone:   %7.1f pages/s  %6.1f MB/s  %6.2f ms/page"
	    "\n", n / parse_s, bytes / 1e6 / parse_s, parse_s * 1000 / n);
	printf("reader decode+clean:   %7.1f pages/s  %6.1f MB/s  %6.2f ms/page"
	    "\n", n / clean_s, bytes / 1e6 / clean_s, clean_s * 1000 / n);
	printf("with names and places: %7.1f pages/s  %6.1f MB/s  %6.2f ms/page"
	    "\n", n / all_s, bytes / 1e6 / all_s, all_s * 1000 / n);
	printf("peak RSS of the whole run (all pages held in memory): %ld MB\n",
	    rss_clean / 1024);
	printf("cleaning costs %.2fx the parse alone (target: at most 1.50x)\n",
	    clean_s / parse_s);
	for (i = 0; i < n; i++) {
		free(pages[i].data);
		free(pages[i].name);
	}
	free(pages);
	return 0;
}
