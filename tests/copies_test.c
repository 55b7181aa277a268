/*
 * copies_test: table tests for the copy signature (src/copysig.c).
 * Each row is two bodies and whether reader must take them for copies
 * of one story.
 */
#include <stdio.h>
#include <string.h>

#include "copysig.h"

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

int
main(void)
{
	test_rows();
	test_cjk();
	test_bands_and_pack();
	printf("copies: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}
