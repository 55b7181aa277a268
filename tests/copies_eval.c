/*
 * copies_eval: precision and recall of copy detection on the labelled
 * set (tests/copies/gen.py). Every page is cleaned as reader cleans it,
 * signed, and every pair is judged as a store would: a candidate only
 * when an LSH band agrees, a copy only when copysig_same() says so.
 * Pages named STORY--N are copies of STORY.
 *
 * usage: copies_eval FILE...    (prints the figures, and the closest
 *                                calls on each side of the thresholds)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "copysig.h"
#include "source.h"
#include "story.h"
#include "util.h"

struct page {
	const char	*path;
	size_t		 label;	/* length of the STORY part of the name */
	struct copysig	 sig;
};

static int
same_label(const struct page *a, const struct page *b)
{
	const char *na = strrchr(a->path, '/'), *nb = strrchr(b->path, '/');

	na = na ? na + 1 : a->path;
	nb = nb ? nb + 1 : b->path;
	return a->label == b->label && strncmp(na, nb, a->label) == 0;
}

static int
candidates(const struct copysig *a, const struct copysig *b)
{
	int i;

	for (i = 0; i < COPYSIG_BANDS; i++)
		if (copysig_band(a, i) == copysig_band(b, i))
			return 1;
	return 0;
}

static void
load(struct page *pg, const char *path, const struct config *cfg)
{
	struct story *st;
	const char *base = strrchr(path, '/'), *dash;
	char *err = NULL;

	base = base ? base + 1 : path;
	dash = strstr(base, "--");
	pg->path = path;
	pg->label = dash ? (size_t)(dash - base) : strlen(base);
	st = source_load(path, cfg, &err);
	if (st == NULL)
		die("%s", err);
	copysig_story(st, &pg->sig);
	story_free(st);
}

int
main(int argc, char **argv)
{
	struct config cfg_store, *cfg = &cfg_store;
	struct page *pg;
	size_t n = (size_t)argc - 1, i, j;
	long tp = 0, fp = 0, fn = 0, tn = 0, cand = 0;
	double worst_pos = 2, worst_neg = -1;
	size_t wp[2] = {0, 0}, wn[2] = {0, 0};

	config_defaults(cfg);
	if (argc < 3) {
		fprintf(stderr, "usage: copies_eval FILE...\n");
		return 2;
	}
	pg = xcalloc(n, sizeof *pg);
	for (i = 0; i < n; i++)
		load(&pg[i], argv[i + 1], cfg);
	for (i = 0; i < n; i++) {
		for (j = i + 1; j < n; j++) {
			int truth = same_label(&pg[i], &pg[j]);
			int c = candidates(&pg[i].sig, &pg[j].sig);
			int said = c && copysig_same(&pg[i].sig, &pg[j].sig);
			double s = copysig_containment(&pg[i].sig, &pg[j].sig);

			cand += c;
			if (truth && said)
				tp++;
			else if (truth)
				fn++;
			else if (said) {
				fp++;
				if (getenv("COPIES_VERBOSE"))
					printf("fp %.3f %.3f %s %s\n",
					    copysig_jaccard(&pg[i].sig,
					    &pg[j].sig), s, pg[i].path,
					    pg[j].path);
			}
			else
				tn++;
			if (truth && s < worst_pos) {
				worst_pos = s;
				wp[0] = i, wp[1] = j;
			}
			if (!truth && s > worst_neg) {
				worst_neg = s;
				wn[0] = i, wn[1] = j;
			}
		}
	}
	printf("copies: %zu pages, %ld pairs, %ld copy pairs, %ld LSH "
	    "candidates\n", n, tp + fp + fn + tn, tp + fn, cand);
	printf("copies: precision %.3f, recall %.3f (tp %ld, fp %ld, fn %ld)\n",
	    tp + fp ? (double)tp / (tp + fp) : 1.0,
	    tp + fn ? (double)tp / (tp + fn) : 1.0, tp, fp, fn);
	printf("copies: lowest containment of a copy pair %.3f (%s, %s)\n",
	    worst_pos, pg[wp[0]].path, pg[wp[1]].path);
	printf("copies: highest containment of a different pair %.3f "
	    "(%s, %s)\n", worst_neg, pg[wn[0]].path, pg[wn[1]].path);
	free(pg);
	config_free(cfg);
	return 0;
}
