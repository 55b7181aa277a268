/*
 * bench_store: the story store at 10,000 and 100,000 stories. Stories of
 * about 3 KB are generated in the shapes of the fixtures (tests/text,
 * tests/html): their paragraph counts and kinds, their words (drawn by
 * frequency), and names of people, places and organisations marked as
 * entities. Prints, at each size: storing 1,000 more stories one by one
 * (each its own transaction, as reading does), 100 varied queries to
 * their first screen (p50, p95), the list of every story (first screen,
 * and all of it), peak resident memory, and the file against its text.
 *
 *   tests/bench_store [SIZE...]   (default 10000 100000)
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "query.h"
#include "source.h"
#include "store.h"
#include "story.h"
#include "config.h"
#include "util.h"

#define SCREEN		50	/* rows of a first screen */
#define NQUERIES	100

struct shape {
	size_t		 npara;
	enum story_kind	*kinds;
};

static char	**words;	/* fixture words, most frequent first */
static size_t	  nwords;
static struct shape *shapes;
static size_t	  nshapes;
static char	**people, **places, **orgs;
static size_t	  npeople, nplaces, norgs;
static unsigned long long rng = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* Zipf-like: low ranks often, the tail now and then. */
static const char *
word(void)
{
	double u = (rnd(1000000) + 1) / 1000001.0;
	size_t i = (size_t)((double)nwords * u * u * u);

	return words[i < nwords ? i : nwords - 1];
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The process's CPU time: on a machine shared with other work, wall
 * time says more about the neighbours than about the store. */
static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double last_cpu;	/* CPU seconds of the last timed_search */

struct count {
	char	*w;
	int	 n;
};

static int
cmp_count(const void *a, const void *b)
{
	const struct count *x = a, *y = b;

	return y->n != x->n ? y->n - x->n : strcmp(x->w, y->w);
}

static void
add_name(char ***list, size_t *n, const char *s, size_t len)
{
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[(*n)++] = xstrndup(s, len);
}

/* Words, shapes and names from every fixture. */
static void
learn(const char *dir, struct count **counts, size_t *ncounts)
{
	struct config cfg;
	struct dirent *de;
	DIR *d = opendir(dir);
	size_t i, j, k;

	if (d == NULL)
		return;
	config_defaults(&cfg);
	while ((de = readdir(d)) != NULL) {
		char *path, *err = NULL;
		struct story *s;
		size_t n = strlen(de->d_name);

		if (n < 5 || (strcmp(de->d_name + n - 4, ".txt") != 0 &&
		    strcmp(de->d_name + n - 5, ".html") != 0))
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		s = source_load(path, &cfg, &err);
		free(path);
		free(err);
		if (s == NULL || s->npara == 0) {
			story_free(s);
			continue;
		}
		shapes = xreallocarray(shapes, nshapes + 1, sizeof *shapes);
		shapes[nshapes].npara = s->npara;
		shapes[nshapes].kinds = xreallocarray(NULL, s->npara,
		    sizeof *s->kinds);
		memcpy(shapes[nshapes++].kinds, s->kinds, s->npara *
		    sizeof *s->kinds);
		for (i = 0; i < s->nentities; i++) {
			const struct story_entity *e = &s->entities[i];
			const char *p = e->paragraph < 0 ? s->headline :
			    s->paragraphs[e->paragraph];

			if (e->type == ENT_PER)
				add_name(&people, &npeople, p + e->start,
				    e->end - e->start);
			else if (e->type == ENT_LOC)
				add_name(&places, &nplaces, p + e->start,
				    e->end - e->start);
			else
				add_name(&orgs, &norgs, p + e->start,
				    e->end - e->start);
		}
		for (i = 0; i < s->npara; i++) {
			const char *p = s->paragraphs[i];

			while (*p != '\0') {
				size_t len = strcspn(p, " \n\t");
				const char *q = p;

				/* Words only: punctuation off their ends. */
				while (len > 0 && strchr(".,;:!?\"'()[]|-", *q)
				    != NULL) {
					q++;
					len--;
				}
				while (len > 0 && strchr(".,;:!?\"'()[]|-",
				    q[len - 1]) != NULL)
					len--;
				if (len > 0 && len < 30 && strcspn(q,
				    "\"*()|") >= len) {
					for (j = 0; j < *ncounts; j++)
						if (strlen((*counts)[j].w) ==
						    len && memcmp((*counts)[j].w,
						    q, len) == 0)
							break;
					if (j == *ncounts) {
						*counts = xreallocarray(*counts,
						    *ncounts + 1,
						    sizeof **counts);
						(*counts)[j].w = xstrndup(q, len);
						(*counts)[j].n = 0;
						(*ncounts)++;
					}
					(*counts)[j].n++;
				}
				p += strcspn(p, " \n\t");
				while (*p == ' ' || *p == '\n' || *p == '\t')
					p++;
			}
		}
		story_free(s);
	}
	closedir(d);
	(void)k;
}

/* More names than the fixtures hold: first and last names crossed. */
static void
grow_names(char ***list, size_t *n, size_t want)
{
	size_t have = *n, i;

	for (i = 0; have > 1 && *n < want; i++) {
		const char *a = (*list)[rnd((unsigned)have)];
		const char *b = (*list)[rnd((unsigned)have)];
		const char *sa = strchr(a, ' '), *sb = strrchr(b, ' ');
		char *m = xasprintf("%.*s%s", sa != NULL ? (int)(sa - a) :
		    (int)strlen(a), a, sb != NULL ? sb : "");

		add_name(list, n, m, strlen(m));
		free(m);
	}
}

/* One generated story, about 3 KB. */
static struct story *
generate(long long i)
{
	char src[96];
	const struct shape *sh = &shapes[rnd((unsigned)nshapes)];
	struct story *s;
	struct buf b = { 0 };
	/* Briefs to features: 1.5 to 4.5 KB, 3 KB on average. */
	size_t p, target = 1500 + rnd(3000), total = 0, np;
	int w;

	snprintf(src, sizeof src, "https://wire.example.com/%lld/story-%lld",
	    i % 97, i);
	s = story_new(src);
	for (w = 0; w < 9; w++) {
		buf_adds(&b, word());
		buf_addc(&b, ' ');
	}
	story_set(&s->headline, buf_cstr(&b));
	b.len = 0;
	story_set(&s->byline, people[rnd((unsigned)npeople)]);
	s->has_published = 1;
	s->published = 1735689600 + (time_t)rnd(2 * 365 * 86400);
	np = sh->npara < 6 ? 6 : sh->npara;
	for (p = 0; p < np && total < target; p++) {
		size_t len = 0, names = rnd(3);
		enum story_kind k = p < sh->npara ? sh->kinds[p] : KIND_P;

		b.len = 0;
		while (b.len < (target - total) / (np - p) + 20) {
			if (names > 0 && rnd(8) == 0) {
				unsigned t = rnd(3);
				const char *nm = t == 0 ?
				    people[rnd((unsigned)npeople)] : t == 1 ?
				    places[rnd((unsigned)nplaces)] :
				    orgs[rnd((unsigned)norgs)];
				size_t at = b.len;

				buf_adds(&b, nm);
				buf_addc(&b, ' ');
				story_add_entity(s, t == 0 ? ENT_PER : t == 1 ?
				    ENT_LOC : ENT_ORG, (int)s->npara, at,
				    at + strlen(nm));
				names--;
				continue;
			}
			buf_adds(&b, word());
			buf_addc(&b, ' ');
		}
		len = b.len - 1;
		b.data[len] = '\0';
		story_take_paragraph(s, xstrndup(b.data, len), k);
		total += len;
	}
	buf_free(&b);
	story_set(&s->credits, "Reporting by Brenda Goh; Editing by Ed Osmond");
	return s;
}

static void
build(struct store *st, long long from, long long to)
{
	long long i;

	store_batch_begin(st);
	for (i = from; i < to; i++) {
		struct story *s = generate(i);
		struct store_origin o = { "https://wire.example.com/rss",
		    "Wire", NULL };

		o.feed_url = i % 3 == 0 ? "https://wire.example.com/rss" :
		    i % 3 == 1 ? "https://other.example.org/feed" : NULL;
		o.feed_name = i % 3 == 0 ? "Wire" : NULL;
		store_put(st, s, &o);
		story_free(s);
	}
	store_batch_end(st);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
timed_search_at(struct store *st, const char *text, struct store_cursor *c,
    size_t limit, size_t *n)
{
	struct store_hits h;
	struct query q;
	char *err = NULL;
	double t0 = now(), c0 = cpu_now(), t;

	if (query_parse(text, &q, &err) == -1 ||
	    store_search(st, &q, c, limit, &h, &err) == -1) {
		fprintf(stderr, "bench: [%s]: %s\n", text, err);
		free(err);
		query_free(&q);
		return 0;
	}
	t = now() - t0;
	last_cpu = cpu_now() - c0;
	*n = h.n;
	store_hits_free(&h);
	query_free(&q);
	return t;
}

static double
timed_search(struct store *st, const char *text, size_t limit, size_t *n)
{
	return timed_search_at(st, text, NULL, limit, n);
}

/* The list of every story as the story list loads it: 200 rows, then
 * parts of 2,000 between keys. Returns the whole time; *first is the
 * first part's. */
static double
list_in_parts(struct store *st, double *first, double *cpu_first,
    double *cpu_all, size_t *total)
{
	struct store_cursor c = { 0, 0, 0 };
	double t = 0, part;
	size_t n = 0, want = 200;

	*total = 0;
	*cpu_all = 0;
	do {
		part = timed_search_at(st, "", &c, want, &n);
		if (*total == 0) {
			*first = part;
			*cpu_first = last_cpu;
		}
		t += part;
		*cpu_all += last_cpu;
		*total += n;
		want = 2000;
	} while (n > 0 && (*total == 200 || n == 2000));
	return t;
}

/* 100 queries of the kinds people type: common and rare words, two
 * words, phrases, prefixes, names, dates, and mixes. */
static void
queries(struct store *st, double *p50, double *p95, double *c95,
    double *worst_q, char *worst, size_t wsize)
{
	double t[NQUERIES], c[NQUERIES];
	char q[256];
	size_t i, n;

	for (i = 0; i < NQUERIES; i++) {
		const char *a = word(), *b = words[rnd((unsigned)nwords)];

		switch (i % 10) {
		case 0: snprintf(q, sizeof q, "%s", a); break;
		case 1: snprintf(q, sizeof q, "%s", b); break;
		case 2: snprintf(q, sizeof q, "%s %s", a, b); break;
		case 3: snprintf(q, sizeof q, "\"%s %s\"", a, word()); break;
		case 4: snprintf(q, sizeof q, "%.4s*", b); break;
		case 5: snprintf(q, sizeof q, "person:\"%s\"",
		    people[rnd((unsigned)npeople)]); break;
		case 6: snprintf(q, sizeof q, "place:\"%s\" %s",
		    places[rnd((unsigned)nplaces)], b); break;
		case 7: snprintf(q, sizeof q, "since:2026-0%u-01 %s",
		    1 + rnd(9), a); break;
		case 8: snprintf(q, sizeof q, "%s OR %s NOT %s", a, b,
		    word()); break;
		default: snprintf(q, sizeof q, "org:\"%s\" since:2025-06-01",
		    orgs[rnd((unsigned)norgs)]); break;
		}
		t[i] = timed_search(st, q, SCREEN, &n);
		c[i] = last_cpu;
		if (t[i] > *worst_q) {
			*worst_q = t[i];
			snprintf(worst, wsize, "%s", q);
		}
	}
	qsort(t, NQUERIES, sizeof *t, cmp_double);
	qsort(c, NQUERIES, sizeof *c, cmp_double);
	*p50 = t[NQUERIES / 2] * 1e3;
	*p95 = t[NQUERIES * 95 / 100 - 1] * 1e3;
	*c95 = c[NQUERIES * 95 / 100 - 1] * 1e3;
}

static double
cpu(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	    ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static long
rss_mb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss / 1024;
}

static void
measure(struct store *st, long long size)
{
	struct store_stats ss;
	char worst[256] = "";
	double p50, p95, c95, worst_q = 0, t0, c0, t_put, c_put, t_first,
	    t_all, c_first, c_all;
	size_t n_all = 0;
	long long i;

	/* Storing: 1,000 more, one by one, then the size is as named. */
	t0 = now();
	c0 = cpu();
	for (i = size - 1000; i < size; i++) {
		struct story *s = generate(i);
		struct store_origin o = { "https://wire.example.com/rss",
		    "Wire", NULL };

		store_put(st, s, &o);
		story_free(s);
	}
	t_put = now() - t0;
	c_put = cpu() - c0;
	queries(st, &p50, &p95, &c95, &worst_q, worst, sizeof worst);
	t_all = list_in_parts(st, &t_first, &c_first, &c_all, &n_all);
	store_stats(st, &ss);
	printf("== %lld stories\n", size);
	printf("store 1,000 stories: %.3f s (%.2f ms each; %.3f s of CPU)\n",
	    t_put, t_put, c_put);
	printf("100 queries, first screen: p50 %.2f ms, p95 %.2f ms "
	    "(CPU p95 %.2f ms; slowest %.1f ms: %s)\n", p50, p95, c95,
	    worst_q * 1e3, worst);
	printf("list of all %zu stories, as the list loads it: first 200 "
	    "rows %.2f ms (CPU %.2f), all in parts %.1f ms (CPU %.1f)\n",
	    n_all, t_first * 1e3, c_first * 1e3, t_all * 1e3, c_all * 1e3);
	printf("resident memory (peak): %ld MB\n", rss_mb());
	printf("file: %.1f MB for %.1f MB of text: %.2fx\n",
	    (double)ss.bytes / 1e6, (double)ss.text_bytes / 1e6,
	    (double)ss.bytes / (double)ss.text_bytes);
	fflush(stdout);
}

int
main(int argc, char *argv[])
{
	struct count *counts = NULL;
	size_t ncounts = 0, i;
	char dir[] = "/tmp/reader-bench-store-XXXXXX", *path, *warn = NULL;
	long long sizes[8] = { 10000, 100000 }, built = 0;
	int nsizes = 2, k;
	struct store *st;
	double t0;

	if (argc > 1) {
		nsizes = 0;
		for (k = 1; k < argc && k < 9; k++)
			sizes[nsizes++] = atoll(argv[k]);
	}
	learn("tests/text", &counts, &ncounts);
	learn("tests/html", &counts, &ncounts);
	if (ncounts == 0 || nshapes == 0 || npeople < 2 || nplaces < 2 ||
	    norgs < 2) {
		fprintf(stderr, "bench_store: run from the source tree\n");
		return 1;
	}
	qsort(counts, ncounts, sizeof *counts, cmp_count);
	words = xreallocarray(NULL, ncounts, sizeof *words);
	for (i = 0; i < ncounts; i++)
		words[nwords++] = counts[i].w;
	grow_names(&people, &npeople, 3000);
	grow_names(&places, &nplaces, 600);
	grow_names(&orgs, &norgs, 400);
	printf("generated stories from %zu fixture shapes, %zu words, "
	    "%zu people, %zu places, %zu organisations\n", nshapes, nwords,
	    npeople, nplaces, norgs);
	if (mkdtemp(dir) == NULL)
		return 1;
	path = xasprintf("%s/stories.db", dir);
	if ((st = store_open(path, &warn, NULL)) == NULL) {
		fprintf(stderr, "bench_store: %s\n", warn);
		return 1;
	}
	for (k = 0; k < nsizes; k++) {
		t0 = now();
		build(st, built, sizes[k] - 1000);
		printf("(built %lld stories in batches: %.1f s)\n",
		    sizes[k] - 1000 - built, now() - t0);
		measure(st, sizes[k]);
		built = sizes[k];
	}
	store_close(st);
	if (getenv("BENCH_KEEP") != NULL) {
		printf("(kept %s)\n", path);
		return 0;
	}
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			return 1;
		free(cmd);
	}
	free(path);
	return 0;
}
