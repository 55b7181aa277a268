/*
 * script_test: tables for text in every script: the measures (words,
 * sentences, commas), furniture words in other languages, agency
 * datelines, dates and the zone a page implies, wrapping without
 * spaces, right to left, names. A failure prints "FAIL file:line: what
 * (got X, want Y)"; the last line is the count.
 */
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bidi.h"
#include "clean.h"
#include "dateline.h"
#include "entity.h"
#include "langdate.h"
#include "measure.h"
#include "story.h"
#include "text.h"
#include "util.h"
#include "wire.h"

#define NELEM(a)	(sizeof (a) / sizeof (a)[0])

static int npassed, nfailed;

#define CHECK_INT(got, want, ...) check_int(__LINE__, got, want, __VA_ARGS__)
#define CHECK_STR(got, want, ...) check_str(__LINE__, got, want, __VA_ARGS__)

static void
check_int(int line, long got, long want, const char *fmt, ...)
{
	va_list ap;

	if (got == want) {
		npassed++;
		return;
	}
	nfailed++;
	printf("FAIL tests/script_test.c:%d: ", line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(" (got %ld, want %ld)\n", got, want);
}

static void
check_str(int line, const char *got, const char *want, const char *fmt, ...)
{
	va_list ap;

	if ((got == NULL && want == NULL) || (got != NULL && want != NULL &&
	    strcmp(got, want) == 0)) {
		npassed++;
		return;
	}
	nfailed++;
	printf("FAIL tests/script_test.c:%d: ", line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(" (got \"%s\", want \"%s\")\n", got ? got : "(null)",
	    want ? want : "(null)");
}

/* --- measures ---------------------------------------------------------- */

static const struct {
	const char	*in;
	int		 words;
	int		 sentences;
	int		 commas;
	int		 is_sentence;	/* clean_is_sentence */
} measure_tests[] = {
	/* Spaced scripts count as spaces split them. */
	{ "The quick brown fox jumps.", 5, 1, 0, 1 },
	{ "a - b", 3, 1, 0, 0 },
	{ "Hello, world", 2, 1, 1, 0 },
	/* Han and kana: two characters a word; marks are not words. */
	{ "日本銀行は19日の金融政策決定会合で、短期金利を引き上げた。", 14, 1, 1, 1 },
	{ "東京", 1, 1, 0, 0 },
	{ "広告", 1, 1, 0, 0 },
	{ "関連記事", 2, 1, 0, 0 },
	{ "「賃金と物価がともに上昇する」と述べた。", 9, 1, 0, 1 },
	/* A closing bracket after the mark. */
	{ "「経済は回復している。」", 5, 1, 0, 1 },
	{ "中国与东盟十国5日在北京签署议定书，双方将深化合作。", 13, 1, 1, 1 },
	/* A token of Latin letters beside a run adds one word. */
	{ "iPhone用", 2, 1, 0, 0 },
	/* Hangul: a spaced phrase is one word, a long run one per five. */
	{ "한국은행 금융통화위원회는 5일 회의를 열었다.", 6, 1, 0, 1 },
	{ "한국은행금융통화위원회는오늘회의를열었다", 4, 1, 0, 0 },
	/* Thai: four letters a word, marks not counted. */
	{ "ธนาคารแห่งประเทศไทย", 5, 1, 0, 0 },
	/* Arabic and Cyrillic are spaced; their marks count. */
	{ "هل وقعت الاتفاقية؟", 3, 1, 0, 1 },
	{ "وقال الوزير، إن الاتفاقية مهمة؛ وأضاف", 6, 1, 2, 0 },
	{ "Банк России сохранил ставку.", 4, 1, 0, 1 },
	/* Ideographic space separates. */
	{ "日銀、追加利上げを決定\xE3\x80\x80政策金利0.75％に", 8, 1, 1, 0 },
	{ "", 0, 0, 0, 0 },
};

static void
test_measures(void)
{
	struct measure m;
	size_t i;

	for (i = 0; i < NELEM(measure_tests); i++) {
		const char *in = measure_tests[i].in;
		int w = clean_count_words(in);

		measure_text(in, strlen(in), &m);
		CHECK_INT(w, measure_tests[i].words, "words(%s)", in);
		CHECK_INT(m.words, w, "measure_text words(%s)", in);
		CHECK_INT(m.sentences, measure_tests[i].sentences,
		    "sentences(%s)", in);
		CHECK_INT(m.commas, measure_tests[i].commas, "commas(%s)", in);
		CHECK_INT(clean_is_sentence(in, w),
		    measure_tests[i].is_sentence, "is_sentence(%s)", in);
	}
	/* A long paragraph without spaces is never a short label. */
	{
		struct buf b = { 0 };
		int k, ender;

		for (k = 0; k < 20; k++)
			buf_adds(&b, "政府は景気への影響を懸念している。");
		CHECK_INT(clean_count_words(buf_cstr(&b)) >= 100, 1,
		    "a long Japanese paragraph is long");
		CHECK_INT(clean_boilerplate(buf_cstr(&b),
		    clean_count_words(buf_cstr(&b)), 1, &ender) == NULL, 1,
		    "a long Japanese paragraph is not furniture");
		buf_free(&b);
	}
}

/* --- datelines --------------------------------------------------------- */

static const struct {
	const char	*in;
	const char	*place;		/* NULL: no dateline */
	const char	*agency;
	const char	*date;
	const char	*byline;
	const char	*rest;
} dateline_tests[] = {
	{ "【東京共同】日本銀行は19日、利上げを決めた。", "東京", "共同", NULL,
	    NULL, "日本銀行は19日、利上げを決めた。" },
	{ "【ワシントン時事】米連邦準備制度理事会は", "ワシントン", "時事",
	    NULL, NULL, "米連邦準備制度理事会は" },
	{ "新华社北京3月5日电（记者 王小明）中国与东盟十国5日签署协定。", "北京",
	    "新华社", "3月5日", "王小明", "中国与东盟十国5日签署协定。" },
	{ "新华社上海3月5日电 上海证券交易所5日发布公告。", "上海", "新华社",
	    "3月5日", NULL, "上海证券交易所5日发布公告。" },
	{ "中央社台北3月5日電（記者 陳明）行政院今天通過法案。", "台北", "中央社",
	    "3月5日", "陳明", "行政院今天通過法案。" },
	{ "(서울=연합뉴스) 김민수 기자 = 한국은행은 5일 금리를 동결했다.", "서울",
	    "연합뉴스", NULL, "김민수", "한국은행은 5일 금리를 동결했다." },
	{ "(워싱턴=연합뉴스) 김민수 이영희 특파원 = 미국 정부는", "워싱턴",
	    "연합뉴스", NULL, "김민수 이영희", "미국 정부는" },
	{ "(부산=뉴시스)박지훈 기자 = 부산시는", "부산", "뉴시스", NULL, "박지훈",
	    "부산시는" },
	{ "أبوظبي في 12 مارس / وام / وقعت دولة الإمارات اليوم اتفاقية.",
	    "أبوظبي", "وام", "12 مارس", NULL, "وقعت دولة الإمارات اليوم اتفاقية." },
	{ "الكويت - 12 - 3 (كونا) -- أعلنت وزارة المالية اليوم", "الكويت",
	    "كونا", "12 - 3", NULL, "أعلنت وزارة المالية اليوم" },
	{ "Madrid, 5 mar (EFE).- El Gobierno aprobó hoy", "Madrid", "EFE",
	    "5 mar", NULL, "El Gobierno aprobó hoy" },
	{ "Paris (AFP) - Le gouvernement a annoncé", "Paris", "AFP", NULL,
	    NULL, "Le gouvernement a annoncé" },
	{ "Berlin (dpa) - Die Bundesregierung hat", "Berlin", "dpa", NULL,
	    NULL, "Die Bundesregierung hat" },
	{ "(ANSA) - ROMA, 5 MAR - Il governo ha approvato", "ROMA", "ANSA",
	    "5 MAR", NULL, "Il governo ha approvato" },
	{ "МОСКВА, 5 марта. /ТАСС/. Банк России сохранил ставку.", "МОСКВА",
	    "ТАСС", "5 марта", NULL, "Банк России сохранил ставку." },
	{ "МОСКВА, 5 мар — РИА Новости. Правительство России", "МОСКВА",
	    "РИА Новости", "5 мар", NULL, "Правительство России" },
	{ "LONDON, March 5 (Reuters) - Britain's grid", "LONDON", "Reuters",
	    "March 5", NULL, "Britain's grid" },
	/* The English forms with another language's month. */
	{ "PARIS, 5 mars (AFP) - Le gouvernement a annoncé", "PARIS", "AFP",
	    "5 mars", NULL, "Le gouvernement a annoncé" },
	{ "BERLIN, 5. März (dpa) - Die Bundesregierung", "BERLIN", "dpa",
	    "5. März", NULL, "Die Bundesregierung" },
	{ "ROMA, 05 GEN - Il governo ha approvato", "ROMA", NULL, "05 GEN",
	    NULL, "Il governo ha approvato" },
	/* Agencies named later in the paragraph make no dateline. */
	{ "日本銀行は共同通信の取材に応じた。", NULL, NULL, NULL, NULL, NULL },
	{ "据新华社报道，会议于5日举行。", NULL, NULL, NULL, NULL, NULL },
	{ "وقالت وام إن الاتفاقية مهمة.", NULL, NULL, NULL, NULL, NULL },
	/* Malformed: no closing bracket, no place. */
	{ "【共同】日本銀行は", NULL, NULL, NULL, NULL, NULL },
	{ "(=연합뉴스) 기자 = 한국은행은", NULL, NULL, NULL, NULL, NULL },
};

static void
test_datelines(void)
{
	struct wire_dateline d;
	size_t i;
	int r;

	for (i = 0; i < NELEM(dateline_tests); i++) {
		const char *in = dateline_tests[i].in;

		r = wire_parse_dateline(in, &d);
		CHECK_INT(r, dateline_tests[i].place != NULL,
		    "dateline(%s)", in);
		if (r != 1 || dateline_tests[i].place == NULL) {
			if (r == 1)
				wire_dateline_clear(&d);
			continue;
		}
		CHECK_STR(d.place, dateline_tests[i].place, "place(%s)", in);
		CHECK_STR(d.agency, dateline_tests[i].agency, "agency(%s)", in);
		CHECK_STR(d.date, dateline_tests[i].date, "date(%s)", in);
		CHECK_STR(d.byline, dateline_tests[i].byline, "byline(%s)",
		    in);
		CHECK_STR(in + d.length, dateline_tests[i].rest, "rest(%s)",
		    in);
		wire_dateline_clear(&d);
	}
}

/* --- dates ------------------------------------------------------------- */

static const struct {
	const char	*in;
	const char	*want;		/* ISO UTC; NULL: no date */
	int		 has_time;
	int		 has_zone;
	int		 unknown;
} date_tests[] = {
	{ "2026年3月19日 14時32分", "2026-03-19T14:32:00Z", 1, 0, 0 },
	{ "2026年3月19日（木）午後2時32分", "2026-03-19T14:32:00Z", 1, 0, 0 },
	{ "更新：2026年03月19日 14:32", "2026-03-19T14:32:00Z", 1, 0, 0 },
	{ "2026年3月5日", "2026-03-05T00:00:00Z", 0, 0, 0 },
	{ "2026年3月5日 10时21分 北京时间", "2026-03-05T02:21:00Z", 1, 1, 0 },
	{ "2026년 3월 5일 오후 2시 32분", "2026-03-05T14:32:00Z", 1, 0, 0 },
	{ "송고시간 2026-03-05 10:21", "2026-03-05T10:21:00Z", 1, 0, 0 },
	{ "2026-03-05 10:21:36", "2026-03-05T10:21:36Z", 1, 0, 0 },
	{ "2026-03-05T10:21:36+09:00", "2026-03-05T01:21:36Z", 1, 1, 0 },
	{ "2026.03.05 10:21", "2026-03-05T10:21:00Z", 1, 0, 0 },
	{ "12 مارس 2026", "2026-03-12T00:00:00Z", 0, 0, 0 },
	{ "\xD9\xA1\xD9\xA2 مارس \xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA6",
	    "2026-03-12T00:00:00Z", 0, 0, 0 },
	{ "الخميس 12 آذار 2026", "2026-03-12T00:00:00Z", 0, 0, 0 },
	{ "12 كانون الثاني 2026", "2026-01-12T00:00:00Z", 0, 0, 0 },
	{ "5 de marzo de 2026", "2026-03-05T00:00:00Z", 0, 0, 0 },
	{ "Actualizado: 5 de marzo de 2026, 10:21", "2026-03-05T10:21:00Z", 1,
	    0, 0 },
	{ "5 de março de 2026", "2026-03-05T00:00:00Z", 0, 0, 0 },
	{ "5. März 2026", "2026-03-05T00:00:00Z", 0, 0, 0 },
	{ "5. März 2026, 14.32 Uhr", "2026-03-05T14:32:00Z", 1, 0, 0 },
	{ "5 марта 2026", "2026-03-05T00:00:00Z", 0, 0, 0 },
	{ "5 марта 2026 г., 13:30 МСК", "2026-03-05T10:30:00Z", 1, 1, 0 },
	{ "le 5 mars 2026", "2026-03-05T00:00:00Z", 0, 0, 0 },
	{ "Publié le 1er mars 2026 à 14h32", "2026-03-01T14:32:00Z", 1, 0, 0 },
	{ "5 marzo 2026", "2026-03-05T00:00:00Z", 0, 0, 0 },
	{ "29 февраля 2026", NULL, 0, 0, 0 },
	{ "2026年2月30日", NULL, 0, 0, 0 },
	{ "mars", NULL, 0, 0, 0 },
	{ "", NULL, 0, 0, 0 },
};

static void
test_dates(void)
{
	struct langdate info;
	char iso[32];
	time_t t, tw;
	size_t i;
	int r;

	for (i = 0; i < NELEM(date_tests); i++) {
		const char *in = date_tests[i].in;

		memset(&info, 0, sizeof info);
		r = langdate_parse(in, &t, &info);
		if (r < 0) {
			CHECK_STR(NULL, date_tests[i].want, "date(%s)", in);
			continue;
		}
		story_format_time(t, iso, sizeof iso);
		CHECK_STR(iso, date_tests[i].want, "date(%s)", in);
		CHECK_INT(info.has_time, date_tests[i].has_time,
		    "has_time(%s)", in);
		CHECK_INT(info.has_zone, date_tests[i].has_zone,
		    "has_zone(%s)", in);
		CHECK_INT(r, date_tests[i].unknown, "words left(%s)", in);
		/* wire.c reads the same line the same way. */
		if (wire_parse_time(in, &tw) >= 0)
			CHECK_INT((long)tw, (long)t, "wire_parse_time(%s)", in);
	}
}

/* The zone a story implies moves its time to UTC; the view shows the
 * page's clock. */
static const struct {
	const char	*published_text;
	const char	*agency;
	const char	*para;
	const char	*want;		/* published, ISO UTC */
	const char	*shown;		/* story_time_for_people */
} zone_tests[] = {
	{ "2026年3月19日 14時32分", "共同", "日本銀行は利上げを決めた。",
	    "2026-03-19T05:32:00Z", "2026年3月19日 14時32分" },
	{ "2026-03-05 10:21:36", NULL, "中国与东盟十国5日签署协定。",
	    "2026-03-05T02:21:36Z", "Mar  5, 2026 10:21 CST" },
	{ "2026-03-05 10:21", NULL, "한국은행은 5일 금리를 동결했다.",
	    "2026-03-05T01:21:00Z", "Mar  5, 2026 10:21 KST" },
	{ "5 марта 2026, 13:30", "ТАСС", "Банк России сохранил ставку.",
	    "2026-03-05T10:30:00Z", "5 марта 2026, 13:30" },
	/* A zone given stays; a date without a time stays midnight UTC;
	 * English text with no agency implies nothing. */
	{ "2026-03-05T10:21:36+09:00", NULL, "日本銀行は利上げを決めた。",
	    "2026-03-05T01:21:36Z", "Mar  5, 2026 01:21 UTC" },
	{ "12 مارس 2026", "وام", "وقعت الإمارات اتفاقية.",
	    "2026-03-12T00:00:00Z", "12 مارس 2026" },
	{ "2026-03-05 10:21", NULL, "The central bank held rates.",
	    "2026-03-05T10:21:00Z", "Mar  5, 2026 10:21 UTC" },
};

static void
test_zones(void)
{
	char iso[32], shown[64];
	size_t i;

	for (i = 0; i < NELEM(zone_tests); i++) {
		struct story *st = story_new("test");
		time_t t;

		story_set(&st->published_text, zone_tests[i].published_text);
		if (wire_parse_time(zone_tests[i].published_text, &t) >= 0) {
			st->published = t;
			st->has_published = 1;
		}
		if (zone_tests[i].agency != NULL)
			story_set(&st->dateline_agency, zone_tests[i].agency);
		story_add_paragraph(st, zone_tests[i].para, KIND_P);
		langdate_apply_zone(st);
		story_format_time(st->published, iso, sizeof iso);
		CHECK_STR(iso, zone_tests[i].want, "zone(%s)",
		    zone_tests[i].published_text);
		CHECK_STR(story_time_for_people(st, shown, sizeof shown),
		    zone_tests[i].shown, "shown(%s)",
		    zone_tests[i].published_text);
		story_free(st);
	}
}

/* --- furniture in other languages (data/boilerplate.txt) ---------------- */

static const struct {
	const char	*in;
	const char	*reason;	/* NULL: not furniture */
	int		 ender;
} boiler_tests[] = {
	{ "広告", "advertisement", 0 },
	{ "广告", "advertisement", 0 },
	{ "廣告", "advertisement", 0 },
	{ "광고", "advertisement", 0 },
	{ "إعلان", "advertisement", 0 },
	{ "Реклама", "advertisement", 0 },
	{ "РЕКЛАМА", "advertisement", 0 },
	{ "Publicidad", "advertisement", 0 },
	{ "Publicité", "advertisement", 0 },
	{ "PUBLICITÉ", "advertisement", 0 },
	{ "Anzeige", "advertisement", 0 },
	{ "Publicidade", "advertisement", 0 },
	{ "字号：大 中 小", "reading time", 0 },
	{ "文字サイズ 小 中 大", "reading time", 0 },
	{ "글자크기", "reading time", 0 },
	{ "【责任编辑：李华】", "editor", 0 },
	{ "责任编辑：李华", "editor", 0 },
	{ "分享到：微信 微博", "share", 0 },
	{ "関連記事", "related", 1 },
	{ "相关新闻", "related", 1 },
	{ "관련 기사", "related", 1 },
	{ "أخبار ذات صلة", "related", 1 },
	{ "Читайте также", "related", 1 },
	{ "Noticias relacionadas", "related", 1 },
	{ "Mehr zum Thema", "related", 1 },
	{ "Les plus lus", "related", 1 },
	{ "アクセスランキング", "related", 1 },
	{ "많이 본 기사", "related", 1 },
	{ "الأكثر قراءة", "related", 1 },
	{ "Самое читаемое", "related", 1 },
	{ "Lo más leído", "related", 1 },
	{ "ログイン", "navigation", 0 },
	{ "登录", "navigation", 0 },
	{ "로그인", "navigation", 0 },
	{ "تسجيل الدخول", "navigation", 0 },
	{ "Войти", "navigation", 0 },
	{ "Iniciar sesión", "navigation", 0 },
	{ "版权所有 新华网", "copyright", 0 },
	{ "무단 전재-재배포 금지", "copyright", 0 },
	{ "جميع الحقوق محفوظة © وكالة أنباء الإمارات 2026", "copyright", 0 },
	{ "© 2026 ТАСС. Все права защищены.", "copyright", 0 },
	{ "Tous droits réservés.", "copyright", 0 },
	{ "Alle Rechte vorbehalten.", "copyright", 0 },
	/* Story text that names the words stays. */
	{ "政府は広告規制の強化について、専門家による検討会を来月にも立ち上げる方針を明らかにした。",
	    NULL, 0 },
	{ "中国与东盟签署自贸区升级议定书，双方将在数字经济领域深化合作。", NULL, 0 },
	{ "Банк России сохранил ключевую ставку на уровне 21% годовых, говорится в сообщении.",
	    NULL, 0 },
	{ "El Gobierno aprobó hoy una ley que regula la publicidad en internet.", NULL, 0 },
};

static void
test_boiler(void)
{
	size_t i;
	int ender, w;
	const char *r;

	for (i = 0; i < NELEM(boiler_tests); i++) {
		const char *in = boiler_tests[i].in;

		w = clean_count_words(in);
		ender = 0;
		r = clean_boilerplate(in, w, clean_is_sentence(in, w), &ender);
		CHECK_STR(r, boiler_tests[i].reason, "boilerplate(%s)", in);
		if (r != NULL)
			CHECK_INT(ender, boiler_tests[i].ender, "ender(%s)", in);
	}
}

/* --- wrapping without spaces ------------------------------------------- */

static const struct {
	const char	*in;
	int		 width;
	const char	*want;		/* the lines, joined by '|' */
} wrap_tests[] = {
	{ "日本銀行は利上げを決めた。", 10, "日本銀行は|利上げを決|めた。" },
	/* 。 never starts a line: the character before it goes along. */
	{ "あいうえ。かき", 8, "あいう|え。かき" },
	{ "あいうえ、かき", 8, "あいう|え、かき" },
	{ "あいうえ」かき", 8, "あいう|え」かき" },
	/* 「 never ends a line. */
	{ "あいう「かき」", 8, "あいう|「かき」" },
	{ "あい（かき）", 6, "あい|（か|き）" },
	/* Spaces first where there are some. */
	{ "the quick brown fox", 10, "the quick|brown fox" },
	{ "한국은행 금융통화위원회는", 10, "한국은행|금융통화위|원회는" },
	{ "Tokyo 東京 Osaka", 8, "Tokyo 東|京 Osaka" },
	/* Arabic is spaced: it wraps at its spaces. */
	{ "وقعت دولة الإمارات اليوم", 12, "وقعت دولة|الإمارات|اليوم" },
	{ "", 10, "" },
};

static void
test_wrap(void)
{
	struct text_line *lines;
	struct buf b = { 0 };
	size_t i, k, n;

	for (i = 0; i < NELEM(wrap_tests); i++) {
		const char *in = wrap_tests[i].in;

		n = text_wrap(in, wrap_tests[i].width, &lines);
		b.len = 0;
		for (k = 0; k < n; k++) {
			if (k > 0)
				buf_addc(&b, '|');
			buf_add(&b, in + lines[k].start, lines[k].end -
			    lines[k].start);
		}
		CHECK_STR(buf_cstr(&b), wrap_tests[i].want, "wrap(%s, %d)", in,
		    wrap_tests[i].width);
		free(lines);
	}
	buf_free(&b);
}

/* --- right to left ----------------------------------------------------- */

static const struct {
	const char	*in;
	int		 rtl;		/* bidi_paragraph_rtl */
	const char	*visual;	/* the characters' own bytes, from the
					 * left, by the offsets bidi_line gives */
} bidi_tests[] = {
	{ "abc", 0, "abc" },
	{ "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", 1,	/* שלום */
	    "\xD7\x9D\xD7\x95\xD7\x9C\xD7\xA9" },
	/* An English name inside Hebrew stays in its own order. */
	{ "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D Bob", 1,
	    "Bob \xD7\x9D\xD7\x95\xD7\x9C\xD7\xA9" },
	{ "سلام", 1, "مالس" },
	/* Numbers read left to right inside Arabic. */
	{ "عام 2025", 1, "2025 ماع" },
	{ "قال Reuters اليوم", 1, "مويلا Reuters لاق" },
	/* An English paragraph quoting Arabic keeps its direction. */
	{ "Reuters said سلام today", 0, "Reuters said مالس today" },
	{ "", 0, "" },
};

static void
test_bidi(void)
{
	struct bidi_char *vc;
	struct buf b = { 0 };
	size_t i, k, n, len;
	uint32_t cp;

	for (i = 0; i < NELEM(bidi_tests); i++) {
		const char *in = bidi_tests[i].in;
		int rtl = bidi_paragraph_rtl(in, strlen(in));

		CHECK_INT(rtl, bidi_tests[i].rtl, "rtl(%s)", in);
		n = bidi_line(in, 0, strlen(in), rtl, &vc);
		b.len = 0;
		for (k = 0; k < n; k++) {
			len = text_utf8_next(in + vc[k].offset,
			    strlen(in) - vc[k].offset, &cp);
			buf_add(&b, in + vc[k].offset, len);
		}
		CHECK_STR(buf_cstr(&b), bidi_tests[i].visual, "visual(%s)", in);
		free(vc);
	}
	buf_free(&b);
	/* Brackets are mirrored; Arabic letters take their joined forms. */
	{
		const char *in = "(\xD7\xA9\xD7\x9C)";	/* (של) */

		n = bidi_line(in, 0, strlen(in), 1, &vc);
		CHECK_INT(n, 4, "bidi_line count");
		CHECK_INT((long)vc[0].cp, '(', "mirrored bracket");
		CHECK_INT((long)vc[0].offset, 5, "its offset");
		free(vc);
		in = "سلام";
		n = bidi_line(in, 0, strlen(in), 1, &vc);
		CHECK_INT(vc[0].cp >= 0xFE70 && vc[n - 1].cp >= 0xFE70, 1,
		    "presentation forms");
		free(vc);
	}
	/* The line alone moves: a slice of a paragraph maps inside it. */
	{
		const char *in = "abc سلام def";

		n = bidi_line(in, 4, 12, 1, &vc);
		CHECK_INT(n, 4, "slice count");
		CHECK_INT((long)vc[0].offset, 10, "slice first");
		CHECK_INT((long)vc[3].offset, 4, "slice last");
		free(vc);
	}
}

/* --- names in other scripts ------------------------------------------- */

static const struct {
	const char	*in;
	const char	*want;	/* "TYPE text" of each name, joined by '|' */
} name_tests[] = {
	{ "植田和男総裁は会見で述べた。", "PER 植田和男" },
	{ "日銀の植田和男総裁は東京で述べた。", "PER 植田和男|LOC 東京" },
	{ "トランプ大統領はワシントンで演説した。", "PER トランプ|LOC ワシントン" },
	/* A body before the role is no person; a bank is no place. */
	{ "日本銀行総裁は述べた。", "" },
	{ "ロシア大統領府は発表した。", "LOC ロシア" },
	{ "记者王小明表示，会议在北京举行。", "PER 王小明|LOC 北京" },
	{ "商务部部长王文涛在上海会见了代表。", "PER 王文涛|LOC 上海" },
	{ "中国银行宣布降息。", "" },
	{ "이창용 한국은행 총재는 서울에서 말했다.", "PER 이창용|LOC 서울" },
	{ "김민수 기자", "PER 김민수" },
	/* Four syllables or no family name: not sure. */
	{ "한국은행 총재는 말했다.", "" },
	{ "وقال الشيخ محمد بن زايد آل نهيان إن الإمارات", "PER محمد بن زايد آل نهيان|LOC الإمارات" },
	{ "وقال وزير التجارة الخارجية إن الاتفاقية مهمة", "" },
	{ "وصل الوفد إلى أبوظبي وواشنطن", "LOC أبوظبي|LOC واشنطن" },
	/* No capitalisation rule in Cyrillic: only the gazetteer's. */
	{ "Банк России сохранил ставку в Москве.", "LOC России|LOC Москве" },
	{ "Рабочая Группа Провела Заседание.", "" },
	/* English stays with the English rules. */
	{ "Prime Minister Keir Starmer visited Tokyo.", NULL },
};

static void
test_names(void)
{
	struct buf b = { 0 };
	size_t i, k;

	for (i = 0; i < NELEM(name_tests); i++) {
		struct story *st = story_new("test");
		const char *in = name_tests[i].in;

		story_set(&st->headline, "");
		story_add_paragraph(st, in, KIND_P);
		entity_tag(st);
		b.len = 0;
		buf_adds(&b, "");
		for (k = 0; k < st->nentities; k++) {
			const struct story_entity *e = &st->entities[k];

			if (k > 0)
				buf_addc(&b, '|');
			buf_printf(&b, "%s %.*s", story_entity_name(e->type),
			    (int)(e->end - e->start), st->paragraphs[0] +
			    e->start);
		}
		if (name_tests[i].want != NULL)
			CHECK_STR(buf_cstr(&b), name_tests[i].want,
			    "names(%s)", in);
		else
			CHECK_INT(st->nentities > 0, 1, "names(%s)", in);
		story_free(st);
	}
	buf_free(&b);
}

/* --- hostile and unknown ----------------------------------------------- */

/* Scripts no rule knows: each story is kept whole, never furniture. */
static const struct {
	const char	*in;
	size_t		 paragraphs;
} unknown_tests[] = {
	{ "ธนาคารแห่งประเทศไทยประกาศคงอัตราดอกเบี้ยนโยบายไว้ที่ร้อยละสองจุดห้า"
	    "เพื่อสนับสนุนการฟื้นตัวของเศรษฐกิจ\n\n"
	    "คณะกรรมการนโยบายการเงินมีมติเป็นเอกฉันท์ให้คงอัตราดอกเบี้ยไว้"
	    "ตามเดิมในการประชุมครั้งนี้\n", 2 },
	{ "भारतीय रिज़र्व बैंक ने आज नीतिगत दर को अपरिवर्तित रखा। बैंक ने कहा कि "
	    "महंगाई नियंत्रण में है।\n\nगवर्नर ने संवाददाताओं से कहा कि विकास दर "
	    "मज़बूत बनी हुई है।\n", 2 },
	{ "საქართველოს ეროვნულმა ბანკმა დღეს საპროცენტო განაკვეთი უცვლელი "
	    "დატოვა. ბანკის განცხადებით, ინფლაცია კლებულობს.\n\n"
	    "შემდეგი სხდომა აპრილში გაიმართება და ბანკი ახალ პროგნოზს "
	    "გამოაქვეყნებს.\n", 2 },
};

static void
test_unknown(void)
{
	size_t i;

	for (i = 0; i < NELEM(unknown_tests); i++) {
		struct story *st = story_new("test");
		const char *in = unknown_tests[i].in;

		clean_text(in, strlen(in), st);
		CHECK_INT((long)(st->npara + (st->headline[0] != '\0')),
		    (long)unknown_tests[i].paragraphs + (st->headline[0] !=
		    '\0'), "kept(%.30s)", in);
		CHECK_INT((long)st->nremoved, 0, "nothing removed(%.30s)", in);
		story_free(st);
	}
}

/* A line with embedding and override controls (as if the sanitizer had
 * been passed by) still only permutes its own characters. */
static void
test_bidi_hostile(void)
{
	static const char *lines[] = {
		"abc\xE2\x80\xAE" "def\xE2\x81\xA6" "ghi سلام",
		"\xE2\x80\xAB\xE2\x80\xAB\xE2\x80\xAB" "אבג",
		"שלום\xE2\x80\xAC\xE2\x80\xAC) (x",
		"\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9",
	};
	struct bidi_char *vc;
	size_t i, k, n, len, start = 2;
	char *clean;

	for (i = 0; i < NELEM(lines); i++) {
		struct buf b = { 0 };
		unsigned char *seen;

		buf_adds(&b, "xy");
		buf_adds(&b, lines[i]);
		buf_adds(&b, "zw");
		len = strlen(lines[i]);
		seen = calloc(b.len, 1);
		n = bidi_line(b.data, start, start + len, 1, &vc);
		for (k = 0; k < n; k++) {
			CHECK_INT(vc[k].offset >= start && vc[k].offset <
			    start + len, 1, "inside its line (%zu)", i);
			if (vc[k].offset < b.len)
				seen[vc[k].offset]++;
		}
		for (k = start; k < start + len; k++)
			if (((unsigned char)b.data[k] & 0xC0) != 0x80)
				CHECK_INT(seen[k], 1, "each shown once (%zu)",
				    i);
		free(seen);
		free(vc);
		/* And the sanitizer takes the controls out. */
		clean = text_sanitize(lines[i], len, 0);
		CHECK_INT(strstr(clean, "\xE2\x80\xAE") == NULL &&
		    strstr(clean, "\xE2\x80\xAB") == NULL &&
		    strstr(clean, "\xE2\x81\xA6") == NULL, 1,
		    "sanitized (%zu)", i);
		free(clean);
		buf_free(&b);
	}
}

/* --- headlines of pages without a heading ------------------------------ */

static const struct {
	const char	*title;
	const char	*want;
} title_tests[] = {
	{ "我国成功发射新一代气象卫星_新闻中心_东方视窗网", "我国成功发射新一代气象卫星" },
	{ "東京株、一時3万9000円台回復｜みなと新報", "東京株、一時3万9000円台回復" },
	{ "日銀、追加利上げを決定 政策金利0.75％に | みなと新報デジタル",
	    "日銀、追加利上げを決定 政策金利0.75％に" },
	/* English titles keep their own rules: "_" is no separator. */
	{ "snake_case considered harmful", "snake_case considered harmful" },
};

static void
test_titles(void)
{
	static const char body[] = "<p>Lorem? No: the body of the story, "
	    "a paragraph long enough to be one, with a few commas, and "
	    "words.</p>";
	size_t i;

	for (i = 0; i < NELEM(title_tests); i++) {
		struct story *st = story_new("test");
		char *page = xasprintf("<html><head><title>%s</title></head>"
		    "<body>%s</body></html>", title_tests[i].title, body);

		clean_html(page, strlen(page), NULL, st);
		CHECK_STR(st->headline, title_tests[i].want, "title(%s)",
		    title_tests[i].title);
		free(page);
		story_free(st);
	}
}

/* The repeated lead, in Japanese: the summary above the dateline's
 * paragraph goes; two short paragraphs alike stay. */
static void
test_repeated_lead(void)
{
	struct story *st = story_new("test");

	story_set(&st->headline, "日銀、利上げを決定");
	story_add_paragraph(st, "日本銀行は19日の金融政策決定会合で、利上げを決めた。",
	    KIND_P);
	story_add_paragraph(st, "【東京共同】日本銀行は19日の金融政策決定会合で、"
	    "利上げを決めた。", KIND_P);
	story_add_paragraph(st, "市場では予想されていた。", KIND_P);
	wire_finish(st);
	CHECK_INT((long)st->npara, 2, "repeated lead dropped");
	CHECK_STR(st->dateline_place, "東京", "its dateline");
	CHECK_STR(st->paragraphs[0], "日本銀行は19日の金融政策決定会合で、"
	    "利上げを決めた。", "the lead kept once");
	story_free(st);
	st = story_new("test");
	story_set(&st->headline, "");
	story_add_paragraph(st, "Да.", KIND_P);
	story_add_paragraph(st, "Да.", KIND_P);
	wire_finish(st);
	CHECK_INT((long)st->npara >= 1, 1, "short ones are no lead");
	story_free(st);
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	test_measures();
	test_wrap();
	test_bidi();
	test_names();
	test_unknown();
	test_titles();
	test_repeated_lead();
	test_bidi_hostile();
	test_boiler();
	test_datelines();
	test_dates();
	test_zones();
	printf("script: %d passed, %d failed\n", npassed, nfailed);
	return nfailed != 0;
}
