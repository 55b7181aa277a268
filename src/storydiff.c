/*
 * storydiff: paragraph and word diffs between two versions of a story
 * (include/storydiff.h). Both levels use one bounded longest common
 * subsequence over hashes of folded units (paragraphs, then words).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "storydiff.h"
#include "util.h"

/* Cells of the LCS table at most: 4 MB of int32. Past it, the common
 * head and tail are matched and the middle is called rewritten. */
#define LCS_MAX_CELLS	(1u << 20)
/* A removed and an added paragraph are one changed paragraph when at
 * least this share of the shorter one's words is in the other. */
#define CHANGED_SHARE	0.5

/* FNV-1a of s[0..n) with white space runs as one space, ends trimmed,
 * and curly quotes and dashes as their plain forms. */
static uint64_t
fold_hash(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	uint64_t h = 0xcbf29ce484222325ULL;
	int space = 0, any = 0;

	while (p < e) {
		unsigned c = *p;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = any;
			p++;
			continue;
		}
		if (c == 0xc2 && p + 1 < e && p[1] == 0xa0) {	/* NBSP */
			space = any;
			p += 2;
			continue;
		}
		if (c == 0xe2 && p + 2 < e && p[1] == 0x80 &&
		    p[2] >= 0x90 && p[2] <= 0x9f) {
			c = p[2] <= 0x95 ? '-' : p[2] <= 0x9b ? '\'' : '"';
			p += 3;
		} else {
			p++;
		}
		if (space)
			h = (h ^ ' ') * 0x100000001b3ULL;
		space = 0;
		any = 1;
		h = (h ^ c) * 0x100000001b3ULL;
	}
	return h;
}

enum { OP_SAME, OP_DEL, OP_ADD };

/* Edit script of a and b (one op a step, in order) into *out, which
 * holds at least na + nb entries; returns its length. */
static size_t
lcs_script(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
    unsigned char *out)
{
	size_t pre = 0, suf = 0, n = 0, i, j, ma, mb;
	int32_t *t;

	while (pre < na && pre < nb && a[pre] == b[pre])
		pre++;
	while (suf < na - pre && suf < nb - pre &&
	    a[na - 1 - suf] == b[nb - 1 - suf])
		suf++;
	for (i = 0; i < pre; i++)
		out[n++] = OP_SAME;
	ma = na - pre - suf;
	mb = nb - pre - suf;
	a += pre;
	b += pre;
	if (ma == 0 || mb == 0 || (ma + 1) * (mb + 1) > LCS_MAX_CELLS) {
		for (i = 0; i < ma; i++)
			out[n++] = OP_DEL;
		for (j = 0; j < mb; j++)
			out[n++] = OP_ADD;
	} else {
		size_t w = mb + 1;
		t = xcalloc((ma + 1) * w, sizeof *t);
		for (i = ma; i-- > 0;)
			for (j = mb; j-- > 0;)
				t[i * w + j] = a[i] == b[j] ?
				    t[(i + 1) * w + j + 1] + 1 :
				    t[(i + 1) * w + j] > t[i * w + j + 1] ?
				    t[(i + 1) * w + j] : t[i * w + j + 1];
		i = j = 0;
		while (i < ma || j < mb) {
			if (i < ma && j < mb && a[i] == b[j]) {
				out[n++] = OP_SAME;
				i++, j++;
			} else if (j == mb || (i < ma &&
			    t[(i + 1) * w + j] >= t[i * w + j + 1])) {
				out[n++] = OP_DEL;
				i++;
			} else {
				out[n++] = OP_ADD;
				j++;
			}
		}
		free(t);
	}
	for (i = 0; i < suf; i++)
		out[n++] = OP_SAME;
	return n;
}

/* Word spans of s: [start, end) pairs of runs of non-space bytes. */
static size_t
word_spans(const char *s, size_t **spans)
{
	size_t n = 0, cap = 16, i = 0;

	*spans = xreallocarray(NULL, cap, 2 * sizeof **spans);
	while (s[i]) {
		size_t b;
		while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')
			i++;
		if (!s[i])
			break;
		b = i;
		while (s[i] && s[i] != ' ' && s[i] != '\t' && s[i] != '\n')
			i++;
		if (n == cap) {
			cap *= 2;
			*spans = xreallocarray(*spans, cap,
			    2 * sizeof **spans);
		}
		(*spans)[2 * n] = b;
		(*spans)[2 * n + 1] = i;
		n++;
	}
	return n;
}

static uint64_t *
word_hashes(const char *s, const size_t *spans, size_t n)
{
	uint64_t *h = xreallocarray(NULL, n ? n : 1, sizeof *h);
	size_t i;

	for (i = 0; i < n; i++)
		h[i] = fold_hash(s + spans[2 * i], spans[2 * i + 1] -
		    spans[2 * i]);
	return h;
}

static int
cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return a < b ? -1 : a > b;
}

/* Whether most of the shorter paragraph's words are in the other. */
static int
mostly_shared(const char *a, const char *b)
{
	size_t *sa, *sb, na = word_spans(a, &sa), nb = word_spans(b, &sb);
	uint64_t *ha = word_hashes(a, sa, na), *hb = word_hashes(b, sb, nb);
	size_t i = 0, j = 0, common = 0, small = na < nb ? na : nb;

	qsort(ha, na, sizeof *ha, cmp_u64);
	qsort(hb, nb, sizeof *hb, cmp_u64);
	while (i < na && j < nb) {
		if (ha[i] == hb[j])
			common++, i++, j++;
		else if (ha[i] < hb[j])
			i++;
		else
			j++;
	}
	free(sa), free(sb), free(ha), free(hb);
	return small > 0 && common >= CHANGED_SHARE * small;
}

static void
push_op(struct diff_op **ops, size_t *n, enum diff_kind k, int o, int w)
{
	*ops = xreallocarray(*ops, *n + 1, sizeof **ops);
	(*ops)[*n].kind = k;
	(*ops)[*n].old_i = o;
	(*ops)[*n].new_i = w;
	(*n)++;
}

/* One run of removed and added paragraphs between two kept ones: the
 * k-th removed and k-th added pair up as changed when alike. */
static void
emit_run(const char *const *old, const char *const *new, const int *rem,
    size_t nr, const int *add, size_t na, struct diff_op **ops,
    size_t *nops, struct diff_counts *c)
{
	size_t k;

	for (k = 0; k < nr || k < na; k++) {
		if (k < nr && k < na && mostly_shared(old[rem[k]],
		    new[add[k]])) {
			push_op(ops, nops, DIFF_CHANGED, rem[k], add[k]);
			c->changed++;
			continue;
		}
		if (k < nr) {
			push_op(ops, nops, DIFF_REMOVED, rem[k], -1);
			c->removed++;
		}
		if (k < na) {
			push_op(ops, nops, DIFF_ADDED, -1, add[k]);
			c->added++;
		}
	}
}

void
storydiff_paras(const char *const *old, size_t nold,
    const char *const *new, size_t nnew, struct diff_op **ops,
    size_t *nops, struct diff_counts *c)
{
	uint64_t *ha = xreallocarray(NULL, nold + 1, sizeof *ha);
	uint64_t *hb = xreallocarray(NULL, nnew + 1, sizeof *hb);
	unsigned char *script = xmalloc(nold + nnew + 1);
	int *rem = xreallocarray(NULL, nold + 1, sizeof *rem);
	int *add = xreallocarray(NULL, nnew + 1, sizeof *add);
	size_t i, n, oi = 0, ni = 0, nr = 0, na = 0;

	memset(c, 0, sizeof *c);
	*ops = NULL;
	*nops = 0;
	for (i = 0; i < nold; i++)
		ha[i] = fold_hash(old[i], strlen(old[i]));
	for (i = 0; i < nnew; i++)
		hb[i] = fold_hash(new[i], strlen(new[i]));
	n = lcs_script(ha, nold, hb, nnew, script);
	for (i = 0; i <= n; i++) {
		if (i < n && script[i] == OP_DEL) {
			rem[nr++] = (int)oi++;
			continue;
		}
		if (i < n && script[i] == OP_ADD) {
			add[na++] = (int)ni++;
			continue;
		}
		emit_run(old, new, rem, nr, add, na, ops, nops, c);
		nr = na = 0;
		if (i < n) {
			push_op(ops, nops, DIFF_SAME, (int)oi++, (int)ni++);
		}
	}
	free(ha), free(hb), free(script), free(rem), free(add);
}

static void
push_run(struct diff_word **runs, size_t *n, enum diff_kind k, size_t s,
    size_t e)
{
	if (*n > 0 && (*runs)[*n - 1].kind == k) {
		(*runs)[*n - 1].end = e;
		return;
	}
	*runs = xreallocarray(*runs, *n + 1, sizeof **runs);
	(*runs)[*n].kind = k;
	(*runs)[*n].start = s;
	(*runs)[*n].end = e;
	(*n)++;
}

void
storydiff_words(const char *old, const char *new, struct diff_word **runs,
    size_t *nruns)
{
	size_t *so, *sn, no = word_spans(old, &so), nn = word_spans(new, &sn);
	uint64_t *ho = word_hashes(old, so, no), *hn = word_hashes(new, sn, nn);
	unsigned char *script = xmalloc(no + nn + 1);
	size_t n = lcs_script(ho, no, hn, nn, script), i, oi = 0, ni = 0;

	*runs = NULL;
	*nruns = 0;
	/* Removed words of a stretch go before the added ones, so that a
	 * replaced phrase reads "[-old-]{+new+}" as in a word diff. */
	for (i = 0; i < n; i++) {
		size_t j = i;
		if (script[i] == OP_SAME) {
			push_run(runs, nruns, DIFF_SAME, sn[2 * ni],
			    sn[2 * ni + 1]);
			oi++, ni++;
			continue;
		}
		while (j < n && script[j] != OP_SAME)
			j++;
		for (size_t k = i; k < j; k++)
			if (script[k] == OP_DEL) {
				push_run(runs, nruns, DIFF_REMOVED,
				    so[2 * oi], so[2 * oi + 1]);
				oi++;
			}
		for (size_t k = i; k < j; k++)
			if (script[k] == OP_ADD) {
				push_run(runs, nruns, DIFF_ADDED,
				    sn[2 * ni], sn[2 * ni + 1]);
				ni++;
			}
		i = j - 1;
	}
	free(so), free(sn), free(ho), free(hn), free(script);
}

int
storydiff_same_text(const char *const *a, size_t na, const char *const *b,
    size_t nb)
{
	size_t i;

	if (na != nb)
		return 0;
	for (i = 0; i < na; i++)
		if (fold_hash(a[i], strlen(a[i])) !=
		    fold_hash(b[i], strlen(b[i])))
			return 0;
	return 1;
}
