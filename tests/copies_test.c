/*
 * copies_test: table tests for the copy signature (src/copysig.c).
 * Each row is two bodies and whether reader must take them for copies
 * of one story.
 */
#include <stdio.h>
#include <string.h>

#include "copysig.h"
#include "storydiff.h"
#include <stdlib.h>

static int passed, failed;

#define LEAD "Northland's central bank kept its main interest rate at " \
	"4.25% on Tuesday for a fourth straight meeting, saying it wanted " \
	"more evidence that inflation was cooling before it would consider " \
	"lowering borrowing costs, as most economists had expected."
#define SECOND "The decision by the nine-member committee was split seven " \
	"to two, with two members voting for a quarter-point cut, the bank " \
	"said in a statement after its two-day meeting in the capital."
#define THIRD "Consumer prices rose 3.1% in the year to February, down " \
	"from a peak of 9.8% two years ago but still above the bank's 2% " \
	"target, and services inflation was stuck at 5.4%."
#define OTHER "Dock workers at the three largest ports will strike for 24 " \
	"hours from Thursday over pay, their union said, threatening long " \
	"delays to container traffic at the height of the export season, " \
	"and the ports' operator said talks would resume next week."

struct row {
	const char	*name;
	const char	*a[4];
	const char	*b[4];
	int		 same;
};

static const struct row rows[] = {
	{"identical bodies", {LEAD, SECOND, THIRD}, {LEAD, SECOND, THIRD}, 1},
	{"curly and straight quotes, case",
	    {LEAD, SECOND, THIRD},
	    {"NORTHLAND\xe2\x80\x99S central bank kept its main interest rate "
	     "at 4.25% on Tuesday for a fourth straight meeting, saying it "
	     "wanted more evidence that inflation was cooling before it "
	     "would consider lowering borrowing costs, as most economists "
	     "had expected.", SECOND, THIRD}, 1},
	{"last paragraph trimmed", {LEAD, SECOND, THIRD}, {LEAD, SECOND}, 1},
	{"a paragraph split in two by a template",
	    {LEAD, SECOND, THIRD},
	    {LEAD, "The decision by the nine-member committee was split seven "
	     "to two,", "with two members voting for a quarter-point cut, the "
	     "bank said in a statement after its two-day meeting in the "
	     "capital.", THIRD}, 1},
	{"different stories", {LEAD, SECOND, THIRD}, {OTHER, OTHER "x"}, 0},
	{"one shared paragraph of three", {LEAD, SECOND, THIRD},
	    {OTHER, SECOND, "The ports' operator said it expected ships to "
	     "queue outside the harbour for several days after the strike "
	     "ended, and shipping lines warned of surcharges."}, 0},
	{"too short to merge", {"Markets were closed for the holiday."},
	    {"Markets were closed for the holiday."}, 0},
};

static void
check(int cond, const char *name, const char *what)
{
	if (cond) {
		passed++;
	} else {
		failed++;
		printf("FAIL %s: %s\n", name, what);
	}
}

static size_t
count(const char *const *v)
{
	size_t n = 0;

	while (n < 4 && v[n])
		n++;
	return n;
}

static void
test_rows(void)
{
	size_t i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct copysig a, b;

		copysig_text(rows[i].a, count(rows[i].a), &a);
		copysig_text(rows[i].b, count(rows[i].b), &b);
		check(copysig_same(&a, &b) == rows[i].same, rows[i].name,
		    rows[i].same ? "not taken for copies" :
		    "taken for copies");
		check(copysig_same(&b, &a) == rows[i].same, rows[i].name,
		    "not symmetric");
	}
}

/* Scripts without spaces: every ideograph is a word, so a Chinese
 * story is long enough to merge and a different one is not a copy. */
static void
test_cjk(void)
{
	const char *zh[] = {"新华社北京3月5日电 国务院总理今天在人民大会堂作"
	    "政府工作报告，提出今年国内生产总值增长目标为百分之五左右，城镇"
	    "新增就业一千二百万人以上，居民消费价格涨幅百分之三左右。报告说"
	    "，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。"};
	const char *other[] = {"新华社上海3月5日电 上海港今天发布数据，今年"
	    "前两个月集装箱吞吐量同比增长百分之八，创历史同期新高。港口负责"
	    "人表示，将继续扩大自动化码头规模，提高通关效率，服务长三角地区"
	    "外贸企业发展。"};
	struct copysig a, b, c;

	check(copysig_text(zh, 1, &a) == 0, "cjk", "too short to merge");
	copysig_text(zh, 1, &b);
	copysig_text(other, 1, &c);
	check(copysig_same(&a, &b), "cjk", "identical text not a copy");
	check(!copysig_same(&a, &c), "cjk", "different stories merged");
}

static void
test_bands_and_pack(void)
{
	const char *p[] = {LEAD, SECOND, THIRD};
	unsigned char bytes[COPYSIG_BYTES];
	struct copysig a, b;
	int i, equal = 1;

	copysig_text(p, 3, &a);
	copysig_pack(&a, bytes);
	check(copysig_unpack(bytes, sizeof bytes, &b) == 0, "pack",
	    "unpack refused");
	check(memcmp(&a, &b, sizeof a) == 0, "pack", "round trip differs");
	check(copysig_unpack(bytes, sizeof bytes - 1, &b) == -1, "pack",
	    "short blob accepted");
	for (i = 0; i < COPYSIG_BANDS; i++) {
		equal &= copysig_band(&a, i) != 0;
		equal &= copysig_band(&a, i) == copysig_band(&b, i);
	}
	check(equal, "bands", "bands differ for equal signatures or are 0");
	/* Values are fixed functions of the text: stored signatures stay
	 * comparable across runs and builds. */
	check(a.min[0] != UINT32_MAX && a.words >= COPYSIG_MIN_WORDS,
	    "signature", "empty signature for a long body");
}

/* Paragraph diffs: each row is an old and a new body and the counts a
 * reader must see (added, removed, changed). */
struct diff_row {
	const char	*name;
	const char	*old[5];
	const char	*new[5];
	int		 added, removed, changed;
	int		 same_text;
};

static const struct diff_row diff_rows[] = {
	{"unchanged", {"A b c.", "D e f."}, {"A b c.", "D e f."}, 0, 0, 0, 1},
	{"white space and quotes only",
	    {"He said \"yes\" today.", "D e f."},
	    {"He  said \xe2\x80\x9cyes\xe2\x80\x9d today. ", "D e f."},
	    0, 0, 0, 1},
	{"a paragraph added at the end", {"A b c.", "D e f."},
	    {"A b c.", "D e f.", "New last line."}, 1, 0, 0, 0},
	{"a new lead on top", {"A b c.", "D e f."},
	    {"Fresh lead about the vote.", "A b c.", "D e f."}, 1, 0, 0, 0},
	{"a paragraph removed", {"A b c.", "D e f.", "G h i."},
	    {"A b c.", "G h i."}, 0, 1, 0, 0},
	{"a toll updated inside a paragraph",
	    {"At least 12 people were killed, officials said on Friday.",
	     "Rescuers searched the rubble."},
	    {"At least 41 people were killed, officials said on Saturday.",
	     "Rescuers searched the rubble."}, 0, 0, 1, 0},
	{"a paragraph replaced by another",
	    {"A b c.", "The vote was delayed by a week.", "G h i."},
	    {"A b c.", "Shares rose sharply in late trade on Friday.",
	     "G h i."}, 1, 1, 0, 0},
};

static size_t
count5(const char *const *v)
{
	size_t n = 0;

	while (n < 5 && v[n])
		n++;
	return n;
}

static void
test_diff_rows(void)
{
	size_t i;

	for (i = 0; i < sizeof diff_rows / sizeof diff_rows[0]; i++) {
		const struct diff_row *r = &diff_rows[i];
		size_t no = count5(r->old), nn = count5(r->new), nops;
		struct diff_counts c;
		struct diff_op *ops;
		char what[128];

		storydiff_paras(r->old, no, r->new, nn, &ops, &nops, &c);
		snprintf(what, sizeof what, "counts %d/%d/%d, want %d/%d/%d",
		    c.added, c.removed, c.changed, r->added, r->removed,
		    r->changed);
		check(c.added == r->added && c.removed == r->removed &&
		    c.changed == r->changed, r->name, what);
		check(storydiff_same_text(r->old, no, r->new, nn) ==
		    r->same_text, r->name, "same text misjudged");
		free(ops);
	}
}

/* Word diffs: the runs, rendered as git's --word-diff does. */
static void
test_word_diff(void)
{
	static const struct {
		const char *old, *new, *want;
	} wrows[] = {
		{"At least 12 people were killed on Friday.",
		    "At least 41 people were killed on Saturday.",
		    "At least [-12-]{+41+} people were killed on "
		    "[-Friday.-]{+Saturday.+}"},
		{"Shares rose.", "Shares rose.", "Shares rose."},
		{"", "All new text.", "{+All new text.+}"},
		{"Old text gone.", "", "[-Old text gone.-]"},
		{"The bank held rates.", "The central bank held rates again.",
		    "The {+central+} bank held [-rates.-]{+rates again.+}"},
	};
	size_t i, k;

	for (i = 0; i < sizeof wrows / sizeof wrows[0]; i++) {
		struct diff_word *runs;
		size_t n;
		char out[256] = "";
		size_t len = 0;

		storydiff_words(wrows[i].old, wrows[i].new, &runs, &n);
		for (k = 0; k < n; k++) {
			const char *src = runs[k].kind == DIFF_REMOVED ?
			    wrows[i].old : wrows[i].new;
			const char *o = runs[k].kind == DIFF_REMOVED ? "[-" :
			    runs[k].kind == DIFF_ADDED ? "{+" : "";
			const char *e = runs[k].kind == DIFF_REMOVED ? "-]" :
			    runs[k].kind == DIFF_ADDED ? "+}" : "";
			len += snprintf(out + len, sizeof out - len, "%s%s%.*s%s",
			    k && runs[k - 1].kind == DIFF_SAME ? " " :
			    k && runs[k].kind == DIFF_SAME ? " " : "", o,
			    (int)(runs[k].end - runs[k].start),
			    src + runs[k].start, e);
		}
		check(strcmp(out, wrows[i].want) == 0, wrows[i].old, out);
		free(runs);
	}
}

/* A hostile body cannot cost quadratic time: past the table's cap the
 * diff falls back to head and tail matching. */
static void
test_diff_bounded(void)
{
	enum { N = 20000 };
	char **a = malloc(N * sizeof *a), **b = malloc(N * sizeof *b);
	struct diff_counts c;
	struct diff_op *ops;
	size_t i, nops;

	for (i = 0; i < N; i++) {
		a[i] = malloc(16);
		b[i] = malloc(16);
		snprintf(a[i], 16, "p%zu", i);
		snprintf(b[i], 16, "q%zu", i);
	}
	storydiff_paras((const char *const *)a, N, (const char *const *)b,
	    N, &ops, &nops, &c);
	check(nops == 2 * N && c.added == N && c.removed == N, "bounded",
	    "20,000 rewritten paragraphs miscounted");
	for (i = 0; i < N; i++)
		free(a[i]), free(b[i]);
	free(a), free(b), free(ops);
}

int
main(void)
{
	test_diff_rows();
	test_word_diff();
	test_diff_bounded();
	test_rows();
	test_cjk();
	test_bands_and_pack();
	printf("copies: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}
