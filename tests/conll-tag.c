/*
 * conll-tag: runs the entity module over CoNLL-2003 columns, for
 * scoring with conlleval. Reads "token ... TAG" lines on standard input
 * (-DOCSTART- starts a story, a blank line ends a sentence), tags each
 * story as a whole (one paragraph a sentence, tokens joined by spaces)
 * and writes "token gold pred" lines, pred in IOB2.
 *
 * conll-tag --bench: tags the input ten times and prints tokens/s.
 * conll-tag --part K/N: only the documents whose index (from 0) is K
 * modulo N; --rest K/N: all the others. "--part 4/5" is a fixed fifth
 * of a set held out from the rules' development, "--rest 4/5" the rest.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "entity.h"
#include "story.h"
#include "util.h"

struct ctok {
	char	*word;
	char	*gold;
	size_t	 para;
	size_t	 start, end;
	char	 pred[8];
};

struct doc {
	struct ctok	*t;
	size_t		 n, cap;
	struct buf	 para;		/* the sentence being read */
	size_t		 npara;
	char		**paras;
	size_t		 sentstart;	/* first token of the sentence */
	size_t		*ends;		/* last token + 1 of each sentence */
	int		 docstart;	/* -DOCSTART- line index, or -1 */
};

static const char *types[] = { "PER", "LOC", "ORG" };

static void
end_sentence(struct doc *d)
{
	if (d->n == d->sentstart)
		return;
	d->paras = xreallocarray(d->paras, d->npara + 1, sizeof *d->paras);
	d->ends = xreallocarray(d->ends, d->npara + 1, sizeof *d->ends);
	d->paras[d->npara] = buf_detach(&d->para);
	d->ends[d->npara] = d->n;
	d->npara++;
	d->sentstart = d->n;
}

/* Tag one document; with out, print its lines. */
static void
tag_doc(struct doc *d, FILE *out)
{
	struct story *st = story_new("conll");
	size_t i, j, p;

	end_sentence(d);
	for (i = 0; i < d->npara; i++)
		story_add_paragraph(st, d->paras[i], KIND_P);
	entity_tag(st);
	for (i = 0; i < d->n; i++)
		strcpy(d->t[i].pred, "O");
	for (i = 0; i < st->nentities; i++) {
		const struct story_entity *e = &st->entities[i];
		int first = 1;

		if (e->paragraph < 0)
			continue;
		p = (size_t)e->paragraph;
		for (j = p ? d->ends[p - 1] : 0; j < d->ends[p]; j++)
			if (d->t[j].start >= e->start && d->t[j].end <= e->end) {
				snprintf(d->t[j].pred, sizeof d->t[j].pred,
				    "%s-%s", first ? "B" : "I", types[e->type]);
				first = 0;
			}
	}
	story_free(st);
	if (out != NULL) {
		p = 0;
		if (d->docstart >= 0)
			fprintf(out, "-DOCSTART- O O\n\n");
		for (i = 0; i < d->n; i++) {
			fprintf(out, "%s %s %s\n", d->t[i].word, d->t[i].gold,
			    d->t[i].pred);
			if (p < d->npara && i + 1 == d->ends[p]) {
				fputc('\n', out);
				p++;
			}
		}
	}
}

static void
doc_reset(struct doc *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->t[i].word);
		free(d->t[i].gold);
	}
	for (i = 0; i < d->npara; i++)
		free(d->paras[i]);
	free(d->t);
	free(d->paras);
	free(d->ends);
	buf_free(&d->para);
	memset(d, 0, sizeof *d);
	d->docstart = -1;
}

/* Read all of standard input into documents; call fn on each. */
struct docs {
	struct doc	*d;
	size_t		 n;
};

static void
read_docs(FILE *in, struct docs *all)
{
	char line[4096], *tok, *last, *save;
	struct doc *d = NULL;

	while (fgets(line, sizeof line, in) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (strncmp(line, "-DOCSTART-", 10) == 0 || d == NULL) {
			all->d = xreallocarray(all->d, all->n + 1,
			    sizeof *all->d);
			d = &all->d[all->n++];
			memset(d, 0, sizeof *d);
			d->docstart = -1;
			if (strncmp(line, "-DOCSTART-", 10) == 0) {
				d->docstart = 0;
				continue;
			}
		}
		if ((tok = strtok_r(line, " \t", &save)) == NULL) {
			end_sentence(d);
			continue;
		}
		last = tok;
		{
			char *f;

			while ((f = strtok_r(NULL, " \t", &save)) != NULL)
				last = f;
		}
		if (d->n == d->cap) {
			d->cap = d->cap ? d->cap * 2 : 256;
			d->t = xreallocarray(d->t, d->cap, sizeof *d->t);
		}
		if (d->para.len > 0)
			buf_addc(&d->para, ' ');
		d->t[d->n].word = xstrdup(tok);
		d->t[d->n].gold = xstrdup(last == tok ? "O" : last);
		d->t[d->n].para = d->npara;
		d->t[d->n].start = d->para.len;
		buf_adds(&d->para, tok);
		d->t[d->n].end = d->para.len;
		d->n++;
	}
	if (d != NULL)
		end_sentence(d);
}

int
main(int argc, char *argv[])
{
	struct docs all = { 0 };
	size_t i, ntok = 0;
	int bench = argc > 1 && strcmp(argv[1], "--bench") == 0, r, rounds = 10;
	int part = argc > 2 && strcmp(argv[1], "--part") == 0;
	int rest = argc > 2 && strcmp(argv[1], "--rest") == 0;
	unsigned long k = 0, m = 1;
	struct timespec t0, t1;
	double secs;

	if ((part || rest) && (sscanf(argv[2], "%lu/%lu", &k, &m) != 2 ||
	    m == 0 || k >= m)) {
		fprintf(stderr, "conll-tag: %s: expected K/N with K < N\n",
		    argv[2]);
		return 2;
	}
	read_docs(stdin, &all);
	if (!bench) {
		for (i = 0; i < all.n; i++) {
			int in = i % m == k;

			if ((!part && !rest) || (part && in) || (rest && !in))
				tag_doc(&all.d[i], stdout);
			doc_reset(&all.d[i]);
		}
		free(all.d);
		return 0;
	}
	for (i = 0; i < all.n; i++)
		ntok += all.d[i].n;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (r = 0; r < rounds; r++)
		for (i = 0; i < all.n; i++) {
			/* tag_doc consumes the sentence buffers: redo them. */
			struct doc *d = &all.d[i];
			struct story *st = story_new("bench");
			size_t p;

			if (r == 0)
				end_sentence(d);
			for (p = 0; p < d->npara; p++)
				story_add_paragraph(st, d->paras[p], KIND_P);
			entity_tag(st);
			story_free(st);
		}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("entity: %zu tokens x %d in %.3f s: %.0f tokens/s "
	    "(story building included)\n", ntok, rounds, secs,
	    (double)ntok * rounds / secs);
	for (i = 0; i < all.n; i++)
		doc_reset(&all.d[i]);
	free(all.d);
	return 0;
}
