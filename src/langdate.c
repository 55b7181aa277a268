/*
 * langdate: dates in the wire languages other than English, and the
 * zone a page implies. The English forms stay with wire.c, which asks
 * here when it finds no date or words it does not know around one.
 *
 * A line is folded first (case of Latin and Cyrillic letters, Arabic-
 * Indic and full-width digits to ASCII), then read as the CJK form
 * (digits before 年 月 日 or 년 월 일, a clock in 時 分 / 시 분 or h:mm)
 * or as words: a day, a month's name, a year, a clock, a zone and
 * fillers ("de", "le", "Uhr", "г.", "الموافق") in any order.
 */
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "dateline.h"
#include "langdate.h"
#include "measure.h"
#include "story.h"
#include "text.h"

#define NORM_MAX	256

/* Month names, folded; a Latin or Cyrillic word of three letters or
 * more that starts one ("mar", "sept.", "дек") names it too. */
static const struct {
	const char	*name;
	int		 month;
} month_names[] = {
	/* Spanish, Portuguese, Italian */
	{ "enero", 1 }, { "febrero", 2 }, { "marzo", 3 }, { "abril", 4 },
	{ "mayo", 5 }, { "junio", 6 }, { "julio", 7 }, { "agosto", 8 },
	{ "septiembre", 9 }, { "setiembre", 9 }, { "octubre", 10 },
	{ "noviembre", 11 }, { "diciembre", 12 },
	{ "janeiro", 1 }, { "fevereiro", 2 }, { "março", 3 }, { "maio", 5 },
	{ "junho", 6 }, { "julho", 7 }, { "setembro", 9 }, { "outubro", 10 },
	{ "novembro", 11 }, { "dezembro", 12 },
	{ "gennaio", 1 }, { "febbraio", 2 }, { "aprile", 4 },
	{ "maggio", 5 }, { "giugno", 6 }, { "luglio", 7 }, { "settembre", 9 },
	{ "ottobre", 10 }, { "dicembre", 12 },
	/* French */
	{ "janvier", 1 }, { "février", 2 }, { "fevrier", 2 }, { "mars", 3 },
	{ "avril", 4 }, { "mai", 5 }, { "juin", 6 }, { "juillet", 7 },
	{ "août", 8 }, { "aout", 8 }, { "septembre", 9 }, { "octobre", 10 },
	{ "novembre", 11 }, { "décembre", 12 }, { "decembre", 12 },
	/* German */
	{ "januar", 1 }, { "jänner", 1 }, { "februar", 2 }, { "märz", 3 },
	{ "maerz", 3 }, { "juni", 6 }, { "juli", 7 }, { "oktober", 10 },
	{ "dezember", 12 },
	/* Russian, in the genitive a date uses and the nominative */
	{ "января", 1 }, { "февраля", 2 }, { "марта", 3 }, { "апреля", 4 },
	{ "мая", 5 }, { "июня", 6 }, { "июля", 7 }, { "августа", 8 },
	{ "сентября", 9 }, { "октября", 10 }, { "ноября", 11 },
	{ "декабря", 12 }, { "январь", 1 }, { "февраль", 2 }, { "март", 3 },
	{ "апрель", 4 }, { "май", 5 }, { "июнь", 6 }, { "июль", 7 },
	{ "август", 8 }, { "сентябрь", 9 }, { "октябрь", 10 },
	{ "ноябрь", 11 }, { "декабрь", 12 },
	/* Arabic: Gulf and Egyptian names, then Levantine ones */
	{ "يناير", 1 }, { "فبراير", 2 }, { "مارس", 3 }, { "أبريل", 4 },
	{ "ابريل", 4 }, { "مايو", 5 }, { "يونيو", 6 }, { "يوليو", 7 },
	{ "أغسطس", 8 }, { "اغسطس", 8 }, { "سبتمبر", 9 }, { "أكتوبر", 10 },
	{ "اكتوبر", 10 }, { "نوفمبر", 11 }, { "ديسمبر", 12 },
	{ "شباط", 2 }, { "آذار", 3 }, { "نيسان", 4 }, { "أيار", 5 },
	{ "حزيران", 6 }, { "تموز", 7 }, { "آب", 8 }, { "أيلول", 9 },
};

/* Words a date line may carry besides the date, folded. */
static const char *fillers[] = {
	"de", "del", "le", "la", "à", "a", "el", "am", "um", "uhr", "h", "hs",
	"horas", "hora", "do", "da", "em", "às", "alle", "ore", "il", "les",
	"publicado", "publicada", "actualizado", "actualizada", "atualizado",
	"publié", "publiée", "mis", "jour", "modifié", "veröffentlicht",
	"aktualisiert", "stand", "pubblicato", "aggiornato", "в", "г", "года",
	"опубликовано", "обновлено", "дата", "по", "времени", "في", "الموافق",
	"بتاريخ", "نشر", "تحديث", "آخر", "تاريخ", "النشر", "م",
	"lunes", "martes", "miércoles", "jueves", "viernes", "sábado",
	"domingo", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
	"samedi", "dimanche", "montag", "dienstag", "mittwoch", "donnerstag",
	"freitag", "samstag", "sonntag", "понедельник", "вторник", "среда",
	"четверг", "пятница", "суббота", "воскресенье", "الأحد", "الاثنين",
	"الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
	"更新", "配信", "発信", "公開", "掲載", "发布时间", "发布", "时间",
	"來源", "来源", "입력", "수정", "송고시간", "기사입력", "최종수정",
};

static const struct {
	const char	*name;
	int		 minutes;
} zone_words[] = {
	{ "utc", 0 }, { "gmt", 0 }, { "z", 0 }, { "jst", 540 }, { "kst", 540 },
	{ "msk", 180 }, { "мск", 180 }, { "московскому", 180 },
	{ "cet", 60 }, { "cest", 120 }, { "gst", 240 }, { "mez", 60 },
	{ "mesz", 120 }, { "北京时间", 480 }, { "北京時間", 480 },
	{ "日本時間", 540 }, { "한국시간", 540 },
};

struct when {
	int	year, month, day, hour, min, sec;
	int	has_time, has_zone, zone, pm, am;
};

/* Fold into out: ASCII, Latin-1 and Cyrillic capitals to small letters,
 * Arabic-Indic and full-width digits to ASCII, full-width : ( ) to
 * ASCII, the ideographic space to a space. */
static void
fold(const char *s, char *out, size_t cap)
{
	size_t i = 0, o = 0, n = strnlen(s, 200), k;
	uint32_t cp;

	while (i < n && o + 4 < cap) {
		k = text_utf8_next(s + i, n - i, &cp);
		i += k;
		if (cp >= 'A' && cp <= 'Z')
			cp += 32;
		else if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
		    (cp >= 0x410 && cp <= 0x42F))
			cp += 32;
		else if (cp >= 0x400 && cp <= 0x40F)
			cp += 80;
		else if (cp >= 0x660 && cp <= 0x669)
			cp = '0' + (cp - 0x660);
		else if (cp >= 0x6F0 && cp <= 0x6F9)
			cp = '0' + (cp - 0x6F0);
		else if (cp >= 0xFF10 && cp <= 0xFF19)
			cp = '0' + (cp - 0xFF10);
		else if (cp == 0xFF1A)
			cp = ':';
		else if (cp == 0xFF08 || cp == 0xFF09)
			cp = cp == 0xFF08 ? '(' : ')';
		else if (cp == 0x3000 || cp == 0xA0)
			cp = ' ';
		o += text_utf8_put(cp, out + o);
	}
	out[o] = '\0';
}

static size_t
number(const char *s, size_t max, int *v)
{
	size_t i;

	*v = 0;
	for (i = 0; i < max && s[i] >= '0' && s[i] <= '9'; i++)
		*v = *v * 10 + (s[i] - '0');
	return i;
}

static int
is_word(const char *w, size_t n, const char *const *list, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (strlen(list[i]) == n && memcmp(w, list[i], n) == 0)
			return 1;
	return 0;
}

static int
month_word(const char *w, size_t n, const char *next, size_t nn)
{
	size_t i, letters = 0, k;
	uint32_t cp;

	/* Levantine months of two words. */
	if (nn > 0 && (strncmp(w, "كانون", n) == 0 || strncmp(w, "تشرين",
	    n) == 0) && n == strlen("كانون")) {
		int first = strncmp(w, "كانون", n) == 0;

		if (nn == strlen("الثاني") && memcmp(next, "الثاني", nn) == 0)
			return first ? 1 : 11;
		if (nn == strlen("الأول") && memcmp(next, "الأول", nn) == 0)
			return first ? 12 : 10;
	}
	for (i = 0; i < sizeof month_names / sizeof month_names[0]; i++)
		if (strlen(month_names[i].name) == n &&
		    memcmp(w, month_names[i].name, n) == 0)
			return month_names[i].month;
	for (i = 0; i < n; i += k) {
		k = text_utf8_next(w + i, n - i, &cp);
		if (measure_script(cp) != SCRIPT_LATIN &&
		    measure_script(cp) != SCRIPT_CYRILLIC)
			return 0;
		letters++;
	}
	if (letters < 3)
		return 0;
	for (i = 0; i < sizeof month_names / sizeof month_names[0]; i++)
		if (strlen(month_names[i].name) > n &&
		    memcmp(w, month_names[i].name, n) == 0)
			return month_names[i].month;
	return 0;
}

static int
zone_word(const char *w, size_t n, int *minutes)
{
	size_t i;

	for (i = 0; i < sizeof zone_words / sizeof zone_words[0]; i++)
		if (strlen(zone_words[i].name) == n &&
		    memcmp(w, zone_words[i].name, n) == 0) {
			*minutes = zone_words[i].minutes;
			return 1;
		}
	return 0;
}

/* A clock: 14:32[:05], 14h32, 14.32 (with "Uhr" after it). */
static size_t
clock_at(const char *s, struct when *w)
{
	int h, m, sec;
	size_t a, b, c;

	if ((a = number(s, 2, &h)) == 0 || h > 23)
		return 0;
	if (s[a] != ':' && s[a] != 'h' && s[a] != '.')
		return 0;
	if ((b = number(s + a + 1, 2, &m)) != 2 || m > 59)
		return 0;
	if (s[a] == '.' && strncmp(s + a + 3, " uhr", 4) != 0)
		return 0;
	w->hour = h;
	w->min = m;
	w->has_time = 1;
	if (s[a] == ':' && s[a + 3] == ':' && (c = number(s + a + 4, 2,
	    &sec)) == 2) {
		w->sec = sec;
		return a + 6;
	}
	return a + 3;
}

/* An offset after a clock: Z, +09:00, +0900. */
static size_t
offset_at(const char *s, struct when *w)
{
	int h, m;

	if (*s == 'z') {
		w->has_zone = 1;
		w->zone = 0;
		return 1;
	}
	if ((*s != '+' && *s != '-') || number(s + 1, 2, &h) != 2)
		return 0;
	if (s[3] == ':' && number(s + 4, 2, &m) == 2) {
		w->zone = (h * 60 + m) * (*s == '-' ? -1 : 1);
		w->has_zone = 1;
		return 6;
	}
	if (number(s + 3, 2, &m) == 2) {
		w->zone = (h * 60 + m) * (*s == '-' ? -1 : 1);
		w->has_zone = 1;
		return 5;
	}
	return 0;
}

/* 2026-03-05[T ]10:21[:36][Z|+09:00] and 2026.03.05: returns the bytes. */
static size_t
iso_at(const char *s, struct when *w)
{
	size_t i = 0, k;
	int y, m, d;

	if (number(s, 4, &y) != 4 || (s[4] != '-' && s[4] != '.' &&
	    s[4] != '/') || number(s + 5, 2, &m) != 2 || s[7] != s[4] ||
	    number(s + 8, 2, &d) != 2 || (s[10] >= '0' && s[10] <= '9'))
		return 0;
	w->year = y;
	w->month = m;
	w->day = d;
	i = 10;
	if ((s[i] == 't' || s[i] == ' ') && (k = clock_at(s + i + 1, w)) > 0) {
		i += 1 + k;
		i += offset_at(s + i, w);
	}
	return i;
}

static const char *cjk_year[] = { "年", "년" };
static const char *cjk_month[] = { "月", "월" };
static const char *cjk_day[] = { "日", "일" };
static const char *cjk_hour[] = { "時", "时", "시", "点" };
static const char *cjk_min[] = { "分", "분" };

static size_t
one_of(const char *s, const char *const *list, size_t count)
{
	size_t i, k;

	for (i = 0; i < count; i++) {
		k = strlen(list[i]);
		if (strncmp(s, list[i], k) == 0)
			return k;
	}
	return 0;
}

static size_t
skip_spaces(const char *s)
{
	size_t i = 0;

	while (s[i] == ' ')
		i++;
	return i;
}

#define NOF(a)	(sizeof (a) / sizeof (a)[0])

/* 2026年3月19日（木） 午後2時32分: the bytes it takes at s, or 0. */
static size_t
cjk_at(const char *s, struct when *w)
{
	size_t i, k;
	int v, pm = 0, am = 0;

	if ((i = number(s, 4, &w->year)) != 4)
		return 0;
	i += skip_spaces(s + i);
	if ((k = one_of(s + i, cjk_year, NOF(cjk_year))) == 0)
		return 0;
	i += k + skip_spaces(s + i + k);
	if ((k = number(s + i, 2, &w->month)) == 0)
		return 0;
	i += k + skip_spaces(s + i + k);
	if ((k = one_of(s + i, cjk_month, NOF(cjk_month))) == 0)
		return 0;
	i += k + skip_spaces(s + i + k);
	if ((k = number(s + i, 2, &w->day)) == 0)
		return 0;
	i += k + skip_spaces(s + i + k);
	if ((k = one_of(s + i, cjk_day, NOF(cjk_day))) == 0)
		return 0;
	i += k;
	/* A weekday in brackets: （木）, (목). */
	k = skip_spaces(s + i);
	if (s[i + k] == '(') {
		const char *close = strchr(s + i + k, ')');

		if (close != NULL && close - (s + i + k) <= 8)
			i = (size_t)(close - s) + 1;
	}
	k = skip_spaces(s + i);
	if (strncmp(s + i + k, "午後", 6) == 0 || strncmp(s + i + k, "오후",
	    6) == 0 || strncmp(s + i + k, "下午", 6) == 0)
		pm = 1;
	else if (strncmp(s + i + k, "午前", 6) == 0 || strncmp(s + i + k,
	    "오전", 6) == 0 || strncmp(s + i + k, "上午", 6) == 0)
		am = 1;
	if (pm || am)
		k += 6 + skip_spaces(s + i + k + 6);
	{
		size_t j = i + k, h;
		struct when c = *w;

		if ((h = clock_at(s + j, &c)) > 0) {
			*w = c;
			i = j + h;
		} else if ((h = number(s + j, 2, &v)) > 0 && v <= 23 &&
		    (k = one_of(s + j + h, cjk_hour, NOF(cjk_hour))) > 0) {
			w->hour = v;
			w->has_time = 1;
			i = j + h + k;
			i += skip_spaces(s + i);
			if ((h = number(s + i, 2, &v)) > 0 && v <= 59 &&
			    (k = one_of(s + i + h, cjk_min, NOF(cjk_min))) > 0) {
				w->min = v;
				i += h + k;
			}
		}
	}
	if (w->has_time && pm && w->hour < 12)
		w->hour += 12;
	else if (w->has_time && am && w->hour == 12)
		w->hour = 0;
	return i;
}

/* Count the words of s[a, b) that are not fillers or zones. */
static int
unknown_words(const char *s, size_t a, size_t b, struct when *w)
{
	size_t i = a, start;
	int unknown = 0, z;

	while (i < b) {
		while (i < b && (s[i] == ' ' || s[i] == ',' || s[i] == '|' ||
		    s[i] == ':' || s[i] == '(' || s[i] == ')' || s[i] == '-'))
			i++;
		start = i;
		while (i < b && s[i] != ' ' && s[i] != ',' && s[i] != '|' &&
		    s[i] != ':' && s[i] != '(' && s[i] != ')')
			i++;
		if (i == start)
			continue;
		if (zone_word(s + start, i - start, &z)) {
			w->zone = z;
			w->has_zone = 1;
		} else if (!is_word(s + start, i - start, fillers,
		    NOF(fillers)))
			unknown++;
	}
	return unknown;
}

/* The word form: day, month's name, year, clock, zone, fillers. */
static int
words_form(const char *s, struct when *w)
{
	size_t i = 0, start, n, nn, k;
	int unknown = 0, v, m;

	while (s[i] != '\0') {
		while (s[i] == ' ' || s[i] == ',' || s[i] == '|' ||
		    s[i] == '/' || s[i] == '(' || s[i] == ')' || s[i] == '-')
			i++;
		if (s[i] == '\0')
			break;
		if ((k = clock_at(s + i, w)) > 0 && (s[i + k] == ' ' ||
		    s[i + k] == ',' || s[i + k] == '\0' || s[i + k] == ')')) {
			i += k;
			continue;
		}
		start = i;
		while (s[i] != '\0' && s[i] != ' ' && s[i] != ',' &&
		    s[i] != '|' && s[i] != '/' && s[i] != '(' && s[i] != ')')
			i++;
		n = i - start;
		while (n > 0 && (s[start + n - 1] == '.' || s[start + n - 1]
		    == ':'))
			n--;
		if (n == 0)
			continue;
		if ((k = number(s + start, 4, &v)) == n) {
			if (n == 4 && v >= 1900 && v <= 2200 && w->year == 0)
				w->year = v;
			else if (n <= 2 && v >= 1 && v <= 31 && w->day == 0)
				w->day = v;
			else
				unknown++;
			continue;
		}
		if (k > 0 && k <= 2 && n == k + 2 && strncmp(s + start + k,
		    "er", 2) == 0 && w->day == 0) {		/* 1er */
			w->day = v;
			continue;
		}
		/* The next word, for months of two words. */
		k = i + skip_spaces(s + i);
		nn = 0;
		while (s[k + nn] != '\0' && s[k + nn] != ' ' && s[k + nn] !=
		    ',')
			nn++;
		if (w->month == 0 && (m = month_word(s + start, n, s + k,
		    nn)) != 0) {
			w->month = m;
			if ((n == strlen("كانون") && (strncmp(s + start,
			    "كانون", n) == 0 || strncmp(s + start, "تشرين",
			    n) == 0)))
				i = k + nn;
			continue;
		}
		unknown += unknown_words(s, start, start + n, w);
	}
	return unknown;
}

static int
when_valid(const struct when *w)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	int leap = (w->year % 4 == 0 && w->year % 100 != 0) ||
	    w->year % 400 == 0;

	return w->year >= 1900 && w->year <= 2200 && w->month >= 1 &&
	    w->month <= 12 && w->day >= 1 && w->day <= mdays[w->month - 1] &&
	    (w->month != 2 || w->day <= 28 + leap);
}

/* Every form names a year: four ASCII digits in a row, or digits of
 * another kind (Arabic-Indic, full width). Most lines have neither. */
static int
may_have_year(const char *s, size_t n)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= '0' && c <= '9') {
			if (++run == 4)
				return 1;
			continue;
		}
		run = 0;
		if (c == 0xD9 || c == 0xDB || (c == 0xEF && i + 1 < n &&
		    (unsigned char)s[i + 1] == 0xBC))
			return 1;
	}
	return 0;
}

int
langdate_parse(const char *s, time_t *t, struct langdate *info)
{
	char norm[NORM_MAX];
	struct when w;
	struct tm tm;
	size_t i, k;
	int unknown = -1;

	if (!may_have_year(s, strnlen(s, 200)))
		return -1;
	fold(s, norm, sizeof norm);
	memset(&w, 0, sizeof w);
	/* A CJK or ISO date anywhere, with words around it. */
	for (i = 0; norm[i] != '\0'; i++) {
		if (norm[i] < '0' || norm[i] > '9' || (i > 0 && norm[i - 1] >=
		    '0' && norm[i - 1] <= '9'))
			continue;
		if ((k = cjk_at(norm + i, &w)) == 0 && (memset(&w, 0,
		    sizeof w), k = iso_at(norm + i, &w)) == 0) {
			memset(&w, 0, sizeof w);
			continue;
		}
		unknown = unknown_words(norm, 0, i, &w) +
		    unknown_words(norm, i + k, strlen(norm), &w);
		break;
	}
	if (unknown < 0) {
		memset(&w, 0, sizeof w);
		unknown = words_form(norm, &w);
	}
	if (!when_valid(&w))
		return -1;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = w.year - 1900;
	tm.tm_mon = w.month - 1;
	tm.tm_mday = w.day;
	tm.tm_hour = w.hour;
	tm.tm_min = w.min;
	tm.tm_sec = w.sec;
	*t = timegm(&tm) - (time_t)w.zone * 60;
	if (info != NULL) {
		info->has_time = w.has_time;
		info->has_zone = w.has_zone;
	}
	return unknown;
}

int
langdate_day_month(const char *s, size_t n)
{
	char norm[NORM_MAX], raw[NORM_MAX];
	size_t a, b, c, d;
	int v;

	if (n == 0 || n >= 64)
		return 0;
	memcpy(raw, s, n);
	raw[n] = '\0';
	fold(raw, norm, sizeof norm);
	/* Two words: a day (with a German full stop) and a month. */
	for (a = 0; norm[a] == ' '; a++)
		;
	for (b = a; norm[b] != '\0' && norm[b] != ' '; b++)
		;
	for (c = b; norm[c] == ' '; c++)
		;
	for (d = c; norm[d] != '\0' && norm[d] != ' '; d++)
		;
	if (c == b || norm[d] != '\0' || d == c)
		return 0;
	if (number(norm + a, 2, &v) > 0 && v >= 1 && v <= 31 &&
	    (number(norm + a, 2, &v) == b - a || (number(norm + a, 2, &v) ==
	    b - a - 1 && norm[b - 1] == '.')))
		return month_word(norm + c, d - c, "", 0) != 0;
	if (number(norm + c, 2, &v) == d - c && v >= 1 && v <= 31)
		return month_word(norm + a, b - a, "", 0) != 0;
	return 0;
}

/* The zone a story's script implies: Japanese, Korean, Chinese. */
static int
script_zone(const struct story *st, int *minutes, const char **name)
{
	enum measure_script sc;
	const char *text = st->npara > 0 ? st->paragraphs[0] : st->headline;

	if (text == NULL)
		return 0;
	sc = measure_main_script(text, strlen(text));
	if (sc == SCRIPT_KANA) {
		*minutes = 540;
		*name = "JST";
	} else if (sc == SCRIPT_HANGUL) {
		*minutes = 540;
		*name = "KST";
	} else if (sc == SCRIPT_HAN) {
		*minutes = 480;
		*name = "CST";
	} else
		return 0;
	return 1;
}

void
langdate_apply_zone(struct story *st)
{
	struct langdate info;
	const char *name;
	time_t t;
	int minutes;

	if (!st->has_published || st->published_text == NULL ||
	    st->zone_name != NULL)
		return;
	if (langdate_parse(st->published_text, &t, &info) < 0 ||
	    !info.has_time || info.has_zone || t != st->published)
		return;
	if (!dateline_agency_zone(st->dateline_agency, &minutes, &name) &&
	    !script_zone(st, &minutes, &name))
		return;
	st->published -= (time_t)minutes * 60;
	st->zone_minutes = minutes;
	st->zone_name = name;
}
