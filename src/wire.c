/* wire: bylines, times, datelines and credits; the finishing pass. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dateline.h"
#include "langdate.h"
#include "measure.h"
#include "story.h"
#include "text.h"
#include "util.h"
#include "wire.h"

#define ISUP(c)		((c) >= 'A' && (c) <= 'Z')
#define ISLOW(c)	((c) >= 'a' && (c) <= 'z')
#define ISALPHA_(c)	(ISUP(c) || ISLOW(c))
#define ISDIGIT_(c)	((c) >= '0' && (c) <= '9')
/* A byte of a multibyte (non-ASCII) character counts as a letter. */
#define ISWORD(c)	(ISALPHA_(c) || ISDIGIT_(c) || (unsigned char)(c) >= 0x80)

static const char *months[12] = { "jan", "feb", "mar", "apr", "may", "jun",
    "jul", "aug", "sep", "oct", "nov", "dec" };
static const char *month_full[12] = { "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october",
    "november", "december" };

/* Month 1-12 for a word like "Mar", "March", "Sept.", or 0. */
static int
month_of(const char *w, size_t n)
{
	char low[16];
	size_t i;
	int m;

	while (n > 0 && w[n - 1] == '.')
		n--;
	if (n < 3 || n >= sizeof low)
		return 0;
	for (i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)w[i]);
	low[n] = '\0';
	for (m = 0; m < 12; m++) {
		if (n == 3 && strncmp(low, months[m], 3) == 0)
			return m + 1;
		if (strcmp(low, month_full[m]) == 0)
			return m + 1;
	}
	if (strcmp(low, "sept") == 0)
		return 9;
	return 0;
}

static const struct {
	const char	*name;
	int		 minutes;	/* east of UTC */
} zones[] = {
	{ "utc", 0 }, { "gmt", 0 }, { "z", 0 }, { "et", -300 },
	{ "est", -300 }, { "edt", -240 }, { "ct", -360 }, { "cst", -360 },
	{ "cdt", -300 }, { "mt", -420 }, { "mst", -420 }, { "mdt", -360 },
	{ "pt", -480 }, { "pst", -480 }, { "pdt", -420 }, { "bst", 60 },
	{ "cet", 60 }, { "cest", 120 }, { "eet", 120 }, { "eest", 180 },
	{ "ist", 330 }, { "jst", 540 }, { "kst", 540 }, { "hkt", 480 },
	{ "sgt", 480 }, { "aest", 600 }, { "aedt", 660 }, { "msk", 180 },
	{ "wib", 420 }, { "sast", 120 }, { "wat", 60 }, { "eat", 180 },
};

static int
zone_of(const char *w, size_t n, int *minutes)
{
	size_t i;

	for (i = 0; i < sizeof zones / sizeof zones[0]; i++)
		if (strlen(zones[i].name) == n &&
		    strncasecmp(w, zones[i].name, n) == 0) {
			*minutes = zones[i].minutes;
			return 1;
		}
	return 0;
}

/* Words a time line may carry besides the date. */
static int
time_filler(const char *w, size_t n)
{
	static const char *fill[] = { "published", "updated", "posted",
	    "last", "first", "on", "at", "modified", "date", "time", "edited",
	    "monday", "tuesday", "wednesday", "thursday", "friday",
	    "saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
	    "thurs", "fri", "sat", "sun", "am", "pm", "a.m.", "p.m.", "a.m",
	    "p.m", "of", "the", "created", "and", "issued", "filed",
	    "released", "uhr", "h" };
	size_t i;

	while (n > 0 && (w[n - 1] == ':' || w[n - 1] == ','))
		n--;
	for (i = 0; i < sizeof fill / sizeof fill[0]; i++)
		if (strlen(fill[i]) == n && strncasecmp(w, fill[i], n) == 0)
			return 1;
	return 0;
}

/* Days from 1970-01-01 to the given civil date (proleptic Gregorian). */
static long
days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct when {
	int	year, month, day, hour, min, sec, zone, pm, am, has_time;
};

static int
when_valid(const struct when *w)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (w->month == 2 && w->day == 29 && !(w->year % 4 == 0 &&
	    (w->year % 100 != 0 || w->year % 400 == 0)))
		return 0;
	return w->year >= 1900 && w->year <= 2200 && w->month >= 1 &&
	    w->month <= 12 && w->day >= 1 && w->day <= mdays[w->month - 1] &&
	    w->hour >= 0 && w->hour <= 23 && w->min >= 0 && w->min <= 59 &&
	    w->sec >= 0 && w->sec <= 60;
}

static time_t
when_time(const struct when *w)
{
	int hour = w->hour;

	if (w->pm && hour < 12)
		hour += 12;
	if (w->am && hour == 12)
		hour = 0;
	return (time_t)(days_from_civil(w->year, w->month, w->day) * 86400L +
	    hour * 3600L + w->min * 60L + w->sec - w->zone * 60L);
}

/* Parse digits; returns count, value in *v. */
static size_t
digits(const char *s, size_t max, int *v)
{
	size_t i;

	*v = 0;
	for (i = 0; i < max && ISDIGIT_(s[i]); i++)
		*v = *v * 10 + (s[i] - '0');
	return i;
}

/* "+05:30", "-0800", "+1": an offset in minutes; returns bytes used. */
static size_t
parse_offset(const char *s, int *minutes)
{
	int sign, h, m = 0;
	size_t n, k;

	if (*s != '+' && *s != '-' && strncmp(s, "\xE2\x88\x92", 3) != 0)
		return 0;
	sign = *s == '+' ? 1 : -1;
	k = *s == '+' || *s == '-' ? 1 : 3;
	n = digits(s + k, 4, &h);
	if (n == 0)
		return 0;
	if (n == 4) {
		m = h % 100;
		h /= 100;
	} else if (n == 3) {
		return 0;
	} else if (s[k + n] == ':' && digits(s + k + n + 1, 2, &m) == 2)
		n += 3;
	if (h > 14 || m > 59)
		return 0;
	*minutes = sign * (h * 60 + m);
	return k + n;
}

/* An ISO 8601 date-time at s: 2026-03-05[T ]12:07[:00][.123][Z|+hh:mm]. */
static size_t
parse_iso(const char *s, struct when *w)
{
	size_t i = 0, n;
	int v, y, mo, d;

	/* Nothing is set unless the date is whole. */
	if (digits(s, 4, &y) != 4 || s[4] != '-' ||
	    digits(s + 5, 2, &mo) != 2 || s[7] != '-' ||
	    digits(s + 8, 2, &d) != 2 || ISDIGIT_(s[10]))
		return 0;
	w->year = y;
	w->month = mo;
	w->day = d;
	i = 10;
	if ((s[i] == 'T' || s[i] == ' ') && digits(s + i + 1, 2, &w->hour)
	    == 2 && s[i + 3] == ':' && digits(s + i + 4, 2, &w->min) == 2) {
		w->has_time = 1;
		i += 6;
		if (s[i] == ':' && digits(s + i + 1, 2, &w->sec) == 2)
			i += 3;
		if (s[i] == '.' || s[i] == ',') {
			n = digits(s + i + 1, 9, &v);
			if (n > 0)
				i += n + 1;
		}
		if (s[i] == 'Z') {
			i++;
		} else if ((n = parse_offset(s + i, &w->zone)) > 0)
			i += n;
	}
	return i;
}

/* Whether "am", "pm", "a.m." or "p.m." comes next, after spaces. */
static int
ampm_follows(const char *p)
{
	while (*p == ' ')
		p++;
	if ((tolower((unsigned char)p[0]) == 'a' ||
	    tolower((unsigned char)p[0]) == 'p') &&
	    tolower((unsigned char)p[1]) == 'm' && !ISALPHA_(p[2]))
		return 1;
	return (tolower((unsigned char)p[0]) == 'a' ||
	    tolower((unsigned char)p[0]) == 'p') && p[1] == '.' &&
	    tolower((unsigned char)p[2]) == 'm' && (p[3] == '.' ||
	    !ISALPHA_(p[3]));
}

/* Words this parser does not know around a date may be another
 * language's ("5 de marzo de 2026"): the reading with fewer wins. */
static int
world_date(const char *s, time_t *t, int unknown)
{
	time_t other;
	int k = langdate_parse(s, &other, NULL);

	if (k < 0 || k >= unknown)
		return unknown;
	*t = other;
	return k;
}

int
wire_parse_time(const char *s, time_t *t)
{
	struct when w;
	const char *p = s, *tok;
	size_t n;
	int unknown = 0, v, m, z, pending_num = 0, num_val = 0;

	memset(&w, 0, sizeof w);
	while (*p != '\0') {
		if (!ISWORD(*p) && *p != '+' && *p != '-') {
			p++;
			continue;
		}
		if (ISDIGIT_(*p) && w.year == 0 && (n = parse_iso(p, &w)) > 0) {
			p += n;
			continue;
		}
		if (*p == '+' || *p == '-') {
			/* An offset counts only right after a time or zone. */
			if (w.has_time && (n = parse_offset(p, &z)) > 0 &&
			    (p[-1] == ' ' || ISALPHA_(p[-1]) ||
			    ISDIGIT_(p[-1]))) {
				w.zone = z;
				p += n;
			} else
				p++;
			continue;
		}
		tok = p;
		if (ISDIGIT_(*p)) {
			int a, b, c;
			size_t na, nb, nc;

			na = digits(p, 9, &a);
			p += na;
			if (*p == ':' && na <= 2 &&
			    digits(p + 1, 2, &b) == 2) {
				/* A clock time: h:mm[:ss][am|pm]. */
				w.hour = a;
				w.min = b;
				w.has_time = 1;
				p += 3;
				if (*p == ':' && digits(p + 1, 2, &c) == 2) {
					w.sec = c;
					p += 3;
				}
			} else if ((*p == '/' || *p == '.') && ISDIGIT_(p[1]) &&
			    (nb = digits(p + 1, 2, &b)) > 0 &&
			    p[1 + nb] == *p && (nc = digits(p + 2 + nb, 4,
			    &c)) > 0) {
				char sep = *p;

				p += 2 + nb + nc;
				if (na == 4) {
					w.year = a;
					w.month = b;
					w.day = c;
				} else if (nc == 4 && sep == '.') {
					w.day = a;
					w.month = b;
					w.year = c;
				} else if (nc == 4) {
					w.year = c;
					if (a > 12) {
						w.day = a;
						w.month = b;
					} else {
						w.month = a;
						w.day = b;
					}
				} else
					unknown++;
			} else if (na <= 2 && a >= 1 && a <= 12 &&
			    ampm_follows(p)) {
				/* "3 p.m.": an hour without minutes. */
				w.hour = a;
				w.min = 0;
				w.has_time = 1;
			} else if (na == 4 && a >= 1900 && a <= 2200) {
				/* A second year, or a day cut off from its
				 * month by one ("May 21, 2025 April 24, 2025"
				 * read from "21"): two dates, not one. The
				 * last year stands ("2025 February 9, 2026"). */
				if (w.year != 0 || (pending_num && !w.month))
					unknown++;
				if (pending_num && !w.month)
					pending_num = 0;
				w.year = a;
			} else if (na <= 2 && a >= 1 && a <= 31) {
				/* 1st, 2nd, 3rd, 4th */
				if (ISALPHA_(p[0]) && ISALPHA_(p[1]) &&
				    !ISALPHA_(p[2]) && (strncasecmp(p, "st", 2)
				    == 0 || strncasecmp(p, "nd", 2) == 0 ||
				    strncasecmp(p, "rd", 2) == 0 ||
				    strncasecmp(p, "th", 2) == 0))
					p += 2;
				if (w.day == 0 && (w.month || !pending_num)) {
					if (w.month)
						w.day = a;
					else {
						pending_num = 1;
						num_val = a;
					}
				} else
					unknown++;
			} else
				unknown++;
			/* "4:12PM" */
			if (w.has_time && (strncasecmp(p, "am", 2) == 0 ||
			    strncasecmp(p, "pm", 2) == 0) && !ISALPHA_(p[2])) {
				if (tolower((unsigned char)*p) == 'p')
					w.pm = 1;
				else
					w.am = 1;
				p += 2;
			}
			continue;
		}
		while (ISWORD(*p) || (*p == '.' && ISALPHA_(p[1])))
			p++;
		if (*p == '.')
			p++;
		n = (size_t)(p - tok);
		if ((m = month_of(tok, n)) != 0 && w.month == 0) {
			w.month = m;
			if (pending_num) {
				w.day = num_val;
				pending_num = 0;
			}
		} else if ((n == 2 || n == 4) && (strncasecmp(tok, "pm", 2) == 0
		    || strncasecmp(tok, "p.m", 3) == 0)) {
			w.pm = 1;
		} else if ((n == 2 || n == 4) && (strncasecmp(tok, "am", 2) == 0
		    || strncasecmp(tok, "a.m", 3) == 0)) {
			w.am = 1;
		} else if (zone_of(tok, n, &v)) {
			w.zone = v;
		} else if (!time_filler(tok, n))
			unknown++;
	}
	if (pending_num)
		unknown++;
	if (w.year == 0 || w.month == 0 || w.day == 0 || !when_valid(&w))
		return langdate_parse(s, t, NULL);
	*t = when_time(&w);
	return unknown > 0 ? world_date(s, t, unknown) : unknown;
}

int
wire_is_time_line(const char *s, time_t *t)
{
	const char *p, *bar;
	char *part, *by, *w;
	time_t first = 0, when;
	int unknown, n = 0, words;

	if (strlen(s) > 120)
		return 0;
	/* "Published 17:45 GMT, 14 March 2026 | Updated 18:02 GMT, ...":
	 * every part a time; the first is the one published. */
	for (p = s; p != NULL; p = bar != NULL ? bar + 1 : NULL) {
		bar = strchr(p, '|');
		part = bar != NULL ? xstrndup(p, (size_t)(bar - p)) :
		    xstrdup(p);
		/* "Posted on March 20, 2026 by Admin" */
		if ((by = strstr(part, " by ")) != NULL ||
		    (by = strstr(part, " By ")) != NULL)
			*by = '\0';
		unknown = wire_parse_time(part, &when);
		words = 0;
		for (w = part; *w != '\0'; w++)
			if (*w != ' ' && (w == part || w[-1] == ' '))
				words++;
		free(part);
		/* Later parts may be short furniture ("Leave a comment"). */
		if ((unknown < 0 || unknown > 1) && (n == 0 || words > 4))
			return 0;
		if (n++ == 0)
			first = when;
	}
	*t = first;
	return 1;
}

/* --- datelines --------------------------------------------------------- */

static int
word_capitalised(const char *w, size_t n)
{
	if (n == 0)
		return 0;
	if (ISUP(w[0]) || (unsigned char)w[0] >= 0xC3)
		return 1;
	/* Particles inside place names: "Rio de Janeiro", "Stoke-on-Trent". */
	return (n <= 3 && (strncmp(w, "de", n) == 0 || strncmp(w, "da", n) == 0
	    || strncmp(w, "of", n) == 0 || strncmp(w, "al", n) == 0 ||
	    strncmp(w, "el", n) == 0 || strncmp(w, "la", n) == 0 ||
	    strncmp(w, "do", n) == 0 || strncmp(w, "dos", n) == 0 ||
	    strncmp(w, "del", n) == 0)) || (n == 4 && strncmp(w, "upon", 4)
	    == 0);
}

static int
all_caps(const char *s, size_t n)
{
	size_t i, letters = 0;

	for (i = 0; i < n; i++) {
		if (ISLOW(s[i]))
			return 0;
		if (ISUP(s[i]))
			letters++;
	}
	return letters >= 2;
}

/* Check a run of words is a place-like name: capitalised words, no
 * sentence punctuation, at most max words. */
static int
place_words(const char *s, size_t n, int max)
{
	size_t i = 0, start;
	int words = 0;

	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		start = i;
		while (i < n && s[i] != ' ') {
			unsigned char c = (unsigned char)s[i];

			if (!(ISWORD(c) || c == '-' || c == '.' || c == '\''))
				return 0;
			i++;
		}
		if (!word_capitalised(s + start, i - start))
			return 0;
		if (++words > max)
			return 0;
	}
	return words > 0;
}

static int
month_day(const char *s, size_t n)
{
	size_t i = 0, w0, w1;
	int v;

	/* "March 5", "Mar. 5", "5 March" */
	while (i < n && s[i] == ' ')
		i++;
	w0 = i;
	while (i < n && s[i] != ' ')
		i++;
	w1 = i;
	while (i < n && s[i] == ' ')
		i++;
	if (month_of(s + w0, w1 - w0))
		return digits(s + i, 2, &v) > 0 && i + digits(s + i, 2, &v)
		    == n && v >= 1 && v <= 31;
	if (digits(s + w0, 2, &v) == w1 - w0 && v >= 1 && v <= 31 &&
	    month_of(s + i, n - i) != 0)
		return 1;
	/* "5 mars", "5. März", "05 GEN": other languages' months. */
	return langdate_day_month(s, n);
}

static size_t
dash_at(const char *s)
{
	if (strncmp(s, "\xE2\x80\x94", 3) == 0 ||	/* em dash */
	    strncmp(s, "\xE2\x80\x93", 3) == 0)		/* en dash */
		return 3;
	if (strncmp(s, "--", 2) == 0)
		return 2;
	if (*s == '-')
		return 1;
	return 0;
}

static void
trim_span(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

/* Split the head "PLACE[, Region][, March 5]" into d. */
static int
dateline_head(const char *s, size_t n, int need_caps, struct wire_dateline *d)
{
	struct buf place = { 0 };
	const char *part;
	size_t len, i, start = 0;
	int nparts = 0;

	for (i = 0; i <= n; i++) {
		if (i < n && s[i] != ',')
			continue;
		part = s + start;
		len = i - start;
		start = i + 1;
		trim_span(&part, &len);
		if (len == 0 || ++nparts > 3)
			goto fail;
		if (nparts > 1 && month_day(part, len)) {
			free(d->date);
			d->date = xstrndup(part, len);
			continue;
		}
		if (d->date != NULL || !place_words(part, len, 4))
			goto fail;
		if (nparts == 1 && need_caps && !all_caps(part, len))
			goto fail;
		if (place.len > 0)
			buf_adds(&place, ", ");
		buf_add(&place, part, len);
	}
	if (place.len == 0)
		goto fail;
	d->place = buf_detach(&place);
	return 1;
fail:
	buf_free(&place);
	free(d->date);
	d->date = NULL;
	return 0;
}

int
wire_parse_dateline(const char *p, struct wire_dateline *d)
{
	const char *open, *close, *q, *ag, *wide;
	size_t k, agn, i, olen;

	memset(d, 0, sizeof *d);
	/* The agencies' own forms in other languages: a table. */
	if (dateline_parse(p, d))
		return 1;
	/* With an agency: HEAD (Agency) - ; also in full-width brackets,
	 * as CJK wires write them: 札幌（ロイター） - */
	open = memchr(p, '(', strnlen(p, 90));
	wide = strstr(p, "\xEF\xBC\x88");
	if (wide != NULL && wide - p < 90 && (open == NULL || wide < open)) {
		open = wide;
		close = strstr(open, "\xEF\xBC\x89");
		olen = 3;
	} else {
		close = open != NULL ? strchr(open, ')') : NULL;
		olen = 1;
	}
	if (open != NULL && open > p && close != NULL &&
	    close - open - (long)olen <= 40 && close - open > (long)olen) {
		ag = open + olen;
		agn = (size_t)(close - open - (long)olen);
		for (i = 0; i < agn; i++)
			if (!(ISWORD(ag[i]) || ag[i] == ' ' || ag[i] == '-' ||
			    ag[i] == '&') || ISDIGIT_(ag[i]))
				break;
		q = close + olen;
		while (*q == ' ')
			q++;
		if (i == agn && (ISUP(ag[0]) || (unsigned char)ag[0] >= 0xC3 ||
		    strncmp(ag, "dpa", 3) == 0) &&
		    (k = dash_at(q)) > 0 && (q[k] == ' ' || q[k] == '\0') &&
		    dateline_head(p, (size_t)(open - p), 0, d)) {
			d->agency = xstrndup(ag, agn);
			q += k;
			while (*q == ' ')
				q++;
			d->length = (size_t)(q - p);
			return 1;
		}
	}
	/* Without: ALL-CAPS PLACE — (a dash with spaces around it). */
	for (q = p; *q != '\0' && q - p < 60; q++) {
		if (*q != ' ')
			continue;
		if ((k = dash_at(q + 1)) > 0 && q[1 + k] == ' ') {
			if (!dateline_head(p, (size_t)(q - p), 1, d))
				return 0;
			q += 1 + k;
			while (*q == ' ')
				q++;
			d->length = (size_t)(q - p);
			return 1;
		}
	}
	return 0;
}

void
wire_dateline_clear(struct wire_dateline *d)
{
	free(d->place);
	free(d->agency);
	free(d->date);
	free(d->byline);
	memset(d, 0, sizeof *d);
}

/* --- bylines ----------------------------------------------------------- */

/* Title-case an all-caps word in place: "DOE" -> "Doe", "ÁLVAREZ" ->
 * "Álvarez" (Latin-1 and Latin Extended-A capitals). */
static void
title_case_word(struct buf *out, const char *w, size_t n)
{
	size_t i = 0, k;
	uint32_t cp;
	char enc[4];
	int first = 1;

	while (i < n) {
		k = text_utf8_next(w + i, n - i, &cp);
		if (!first) {
			if (cp >= 'A' && cp <= 'Z')
				cp += 32;
			else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
				cp += 32;
			else if (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0 &&
			    cp != 0x130 && cp != 0x138)
				cp += 1;
		}
		first = cp == '-' || cp == '\'';
		buf_add(out, enc, text_utf8_put(cp, enc));
		i += k;
	}
}

static const char *agencies[] = { "Associated Press", "Reuters", "AFP",
    "Agence France-Presse", "Bloomberg", "AP", "dpa", "Xinhua", "ANSA",
    "EFE", "Kyodo", "Yonhap", "PA Media", "CNN", "BBC News", "UPI" };

int
wire_is_name_line(const char *line)
{
	const char *p = line, *w;
	size_t n;
	int words = 0;

	if (strlen(line) > 80)
		return 0;
	while (*p != '\0') {
		while (*p == ' ' || *p == ',')
			p++;
		if (*p == '\0')
			break;
		w = p;
		while (*p != '\0' && *p != ' ' && *p != ',')
			p++;
		n = (size_t)(p - w);
		if ((n == 3 && strncmp(w, "and", 3) == 0) ||
		    (n == 1 && (*w == '&' || *w == '/')))
			continue;
		/* "Paramita (Guha) Ghosh" */
		if (n > 2 && *w == '(' && w[n - 1] == ')') {
			w++;
			n -= 2;
		}
		if (!word_capitalised(w, n) && !(n <= 3 && (strncmp(w, "van",
		    n) == 0 || strncmp(w, "der", n) == 0 || strncmp(w, "bin",
		    n) == 0 || strncmp(w, "von", n) == 0 || strncmp(w, "le", n)
		    == 0 || strncmp(w, "di", n) == 0)))
			return 0;
		for (size_t i = 0; i < n; i++)
			if (ISDIGIT_(w[i]) || w[i] == ':' || w[i] == '!' ||
			    w[i] == '?' || w[i] == '|' || w[i] == '@')
				return 0;
		if (++words > 8)
			return 0;
	}
	return words > 0 && line[strlen(line) - 1] != '.';
}

/* A name that starts with a digit ("3i Global"): a short first word with
 * a letter in it, not a time or an ordinal, and more words after it. */
static int
digit_name(const char *w, const char *end)
{
	size_t n = strcspn(w, " ");
	int letter = 0;

	if (!ISDIGIT_(*w) || n > 4 || w + n >= end)
		return 0;
	for (size_t i = 0; i < n; i++)
		letter |= ISALPHA_(w[i]) != 0;
	if (n >= 2 && (strncasecmp(w + n - 2, "am", 2) == 0 ||
	    strncasecmp(w + n - 2, "pm", 2) == 0 || strncasecmp(w + n - 2,
	    "st", 2) == 0 || strncasecmp(w + n - 2, "nd", 2) == 0 ||
	    strncasecmp(w + n - 2, "rd", 2) == 0 || strncasecmp(w + n - 2,
	    "th", 2) == 0))
		return 0;
	return letter && ISUP(w[n + 1]);
}

char *
wire_parse_byline(const char *line)
{
	static const char *prefixes[] = { "by:", "by ", "written by ",
	    "words by ", "author:", "authors:", "posted by ", "story by ",
	    "author ", "authored by ", "reviewed by ", "published by ",
	    "text by ", "article by ", "contributors:", "contributor:" };
	struct buf out = { 0 };
	const char *p = NULL, *end, *w;
	size_t i, n, plen;
	int words = 0, upper_words = 0, lower_words = 0;

	for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		plen = strlen(prefixes[i]);
		if (strncasecmp(line, prefixes[i], plen) == 0) {
			p = line + plen;
			break;
		}
	}
	if (p == NULL)
		return NULL;
	while (*p == ' ' || *p == ':')
		p++;
	/* The names end at a separator that starts a date or site. */
	end = p + strcspn(p, "|\xC2");	/* '|' or U+00B7 / U+00A0 lead */
	for (w = p; w < end; w++)
		if ((strncmp(w, " - ", 3) == 0 || strncmp(w,
		    " \xE2\x80\x94 ", 5) == 0 || strncmp(w, " \xE2\x80\xA2",
		    4) == 0) ) {
			end = w;
			break;
		}
	/* ...or at a date or time after the names. */
	for (w = p; w < end; w++) {
		if (w > p && w[-1] == ' ' && (ISDIGIT_(*w) ||
		    (month_of(w, strcspn(w, " ,.")) && ISDIGIT_(w[strcspn(w,
		    " ,.") + (w[strcspn(w, " ,.")] == '.' ? 2 : 1)])) ||
		    strncasecmp(w, "on ", 3) == 0 || strncasecmp(w, "at ", 3) ==
		    0 || strncmp(w, "in ", 3) == 0 ||
		    strncasecmp(w, "reviewed by", 11) == 0 ||
		    strncasecmp(w, "edited by", 9) == 0 ||
		    strncasecmp(w, "fact checked", 12) == 0 ||
		    strncasecmp(w, "fact-checked", 12) == 0 ||
		    strncasecmp(w, "updated", 7) == 0 ||
		    strncasecmp(w, "published", 9) == 0 ||
		    strncasecmp(w, "posted", 6) == 0)) {
			end = w;
			break;
		}
	}
	while (end > p && (end[-1] == ' ' || end[-1] == ',' || end[-1] ==
	    '-'))
		end--;
	if (end == p)
		return xstrdup("");
	/* "By the Lavazza Team" */
	if (strncmp(p, "the ", 4) == 0 && ISUP(p[4]))
		w = p + 4;
	else
		w = p;
	if (!(ISUP(*w) || (unsigned char)*w >= 0xC3 || digit_name(w, end)))
		return NULL;
	/* A sentence ends with a full stop; a name only with an initial
	 * or a title ("Jane Q.", "Jr.", "Ph.D."). */
	if (end[-1] == '.' && !(end - p >= 3 && end[-3] == ' ' &&
	    ISUP(end[-2])) && !(end - p >= 3 && (strncmp(end - 3, "Jr.",
	    3) == 0 || strncmp(end - 3, "Sr.", 3) == 0)) &&
	    !(end - p >= 4 && end[-3] == '.' && ISUP(end[-2]) &&
	    ISUP(end[-4])) && !(end - p >= 5 && strncmp(end - 5, "Ph.D.",
	    5) == 0))
		return NULL;
	/* Count the shape of the words. */
	for (w = p; w < end;) {
		const char *ws = w;

		while (w < end && *w != ' ')
			w++;
		n = (size_t)(w - ws);
		if (n > 0) {
			words++;
			if (all_caps(ws, n))
				upper_words++;
			else if (ISLOW(ws[0]) && !(n == 3 && strncmp(ws, "and",
			    3) == 0))
				lower_words++;
		}
		while (w < end && *w == ' ')
			w++;
	}
	if (words > 12 || lower_words > 2)
		return NULL;
	for (w = p; w < end;) {
		const char *ws = w;

		while (w < end && *w != ' ')
			w++;
		n = (size_t)(w - ws);
		if (upper_words >= 2 && n == 3 && strncmp(ws, "AND", 3) == 0)
			buf_adds(&out, "and");
		else if (upper_words >= 2 && all_caps(ws, n) && n > 2 &&
		    !(n == 3 && strncmp(ws, "AFP", 3) == 0))
			title_case_word(&out, ws, n);
		else
			buf_add(&out, ws, n);
		while (w < end && *w == ' ')
			w++;
		if (w < end)
			buf_addc(&out, ' ');
	}
	/* "Jane Doe Associated Press" -> "Jane Doe, Associated Press" */
	for (i = 0; i < sizeof agencies / sizeof agencies[0]; i++) {
		size_t al = strlen(agencies[i]);
		const char *s = buf_cstr(&out);

		if (out.len > al + 1 && strcmp(s + out.len - al, agencies[i])
		    == 0 && s[out.len - al - 1] == ' ' && s[out.len - al - 2]
		    != ',') {
			char *name = xstrndup(s, out.len - al - 1);
			char *agency = xstrdup(agencies[i]);

			buf_free(&out);
			buf_printf(&out, "%s, %s", name, agency);
			free(name);
			free(agency);
			break;
		}
	}
	return buf_detach(&out);
}

/* --- credits ----------------------------------------------------------- */

char *
wire_parse_credits(const char *para)
{
	static const char *starts[] = { "reporting by", "additional reporting",
	    "reporting and writing by", "writing by", "editing by",
	    "compiled by", "research by", "reported by", "written by",
	    "graphics by", "reuters reporting", "additional writing" };
	static const char *contributed[] = { "contributed to this report",
	    "contributed reporting", "contributed to this story",
	    "contributed to this article", "contributed to this content" };
	const char *p = para, *q;
	size_t n = strlen(para), i;
	int paren = 0, words = 0;

	while (n > 0 && p[n - 1] == ' ')
		n--;
	/* "(Reporting by ...)", also "— Reporting by ..." */
	if (n >= 2 && p[0] == '(' && p[n - 1] == ')') {
		p++;
		n -= 2;
		paren = 1;
	}
	for (i = 0; i < n; i++)
		if (p[i] == ' ')
			words++;
	if (words > 70)
		return NULL;
	for (i = 0; i < sizeof starts / sizeof starts[0]; i++)
		if (strncasecmp(p, starts[i], strlen(starts[i])) == 0)
			return xstrndup(p, n);
	if (paren && text_find_ci(p, n, "editing by", 10) >= 0)
		return xstrndup(p, n);
	/* Every such phrase starts "contributed": look for that first. */
	for (q = para; words <= 50 && (q = strcasestr(q, "contributed ")) !=
	    NULL && q < p + n; q++)
		for (i = 0; i < sizeof contributed / sizeof contributed[0];
		    i++)
			if (q + strlen(contributed[i]) <= p + n &&
			    strncasecmp(q, contributed[i],
			    strlen(contributed[i])) == 0)
				return xstrndup(p, n);
	return NULL;
}

/* --- the finishing pass ------------------------------------------------ */

/* Letters of other scripts count; punctuation and symbols do not. */
static int
fingerprint_keeps(uint32_t cp)
{
	return cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && cp != 0xFFFD &&
	    !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 &&
	    cp <= 0x303F) && !(cp >= 0xFE30 && cp <= 0xFE4F) &&
	    !(cp >= 0xFF00 && cp <= 0xFF0F);
}

char *
wire_fingerprint(const char *s)
{
	size_t n = strlen(s), i = 0, k, len = 0;
	char *out = xmalloc(n + 1);
	uint32_t cp;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			if (c >= 'A' && c <= 'Z')
				out[len++] = (char)(c + 32);
			else if ((c >= 'a' && c <= 'z') || (c >= '0' &&
			    c <= '9'))
				out[len++] = (char)c;
			i++;
			continue;
		}
		k = text_utf8_next(s + i, n - i, &cp);
		if (fingerprint_keeps(cp)) {
			memcpy(out + len, s + i, k);
			len += k;
		}
		i += k;
	}
	out[len] = '\0';
	return out;
}

/* The fingerprint of a paragraph without its dateline. */
static char *
body_fingerprint(const char *para)
{
	struct wire_dateline d;
	size_t skip = 0;

	if (wire_parse_dateline(para, &d)) {
		skip = d.length;
		wire_dateline_clear(&d);
	}
	return wire_fingerprint(para + skip);
}

static int
same_lead(const char *a, const char *b)
{
	char *fa = body_fingerprint(a), *fb = body_fingerprint(b);
	size_t la = strlen(fa), lb = strlen(fb);
	/* How much text, in Latin letters' worth (measure.c): 20 bytes
	 * of Cyrillic are 10 letters, 20 of Chinese some 20. */
	size_t ma = measure_mass(fa, la);
	int same;

	same = ma >= 20 && (strcmp(fa, fb) == 0 ||
	    (ma >= 60 && lb > la && strncmp(fa, fb, la) == 0));
	free(fa);
	free(fb);
	return same;
}

/* Remove paragraph i without recording it (its text moved elsewhere). */
static void
take_paragraph(struct story *st, size_t i)
{
	story_drop_paragraph(st, i, NULL);
}

struct fp {
	char	*fp;
	size_t	 index;
};

static int
fp_cmp(const void *a, const void *b)
{
	const struct fp *x = a, *y = b;
	int c = strcmp(x->fp, y->fp);

	if (c != 0)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

static void
drop_duplicates(struct story *st)
{
	struct fp *fps;
	size_t i, n = st->npara, k;
	char *dup;

	if (n < 2)
		return;
	fps = xcalloc(n, sizeof *fps);
	dup = xcalloc(n, 1);
	for (i = 0; i < n; i++) {
		fps[i].fp = wire_fingerprint(st->paragraphs[i]);
		fps[i].index = i;
	}
	qsort(fps, n, sizeof *fps, fp_cmp);
	/* Items of lists repeat within the story (a meal plan's days, a
	 * recipe's steps): a copy is only a copy across kinds of block (a
	 * pull quote of a paragraph) or between paragraphs. */
	for (i = 1; i < n; i++)
		if (strlen(fps[i].fp) >= 40 && strcmp(fps[i].fp,
		    fps[i - 1].fp) == 0 && !(st->kinds[fps[i].index] ==
		    KIND_ITEM && st->kinds[fps[i - 1].index] == KIND_ITEM))
			dup[fps[i].index] = 1;
	/* From the end, so the indexes stay right. */
	for (k = n; k > 0; k--)
		if (dup[k - 1])
			story_drop_paragraph(st, k - 1, "duplicate");
	for (i = 0; i < n; i++)
		free(fps[i].fp);
	free(fps);
	free(dup);
}

/* A call to action closing a page: "Ready to ...?", "Check out ...". */
static int
call_to_action(const char *p)
{
	static const char *const starts[] = { "ready to ", "want to ",
	    "want more", "looking for ", "interested in ", "check out ",
	    "sign up", "learn more", "explore ", "discover ", "contact us",
	    "call us", "book your", "book a ", "reserve your", "download ",
	    "start your", "join our", "join us", "don't miss", "don\xE2\x80\x99t miss",
	    "unlock ", "enjoy the post", "enjoyed this", "liked this",
	    "like this article", "get started", "get quotes", "get a quote",
	    "get your free", "subscribe ", "follow us", "[ want", "[ read",
	    "shop ", "click ", "visit our", "see our", "find out more",
	    "for more information", "to learn more", "request a", "schedule a",
	    "try it", "try our", NULL };
	int k;

	for (k = 0; starts[k] != NULL; k++)
		if (strncasecmp(p, starts[k], strlen(starts[k])) == 0)
			return 1;
	return 0;
}

/* "Jane Doe is a reporter who covers ...": a note about the writer. */
static int
author_note(const char *p, const char *byline)
{
	static const char *const verbs[] = { " is a ", " is an ", " is the ",
	    " has been ", " has written ", " has covered ", " writes ",
	    " covers ", " was a ", " has over ", " has more than ",
	    " first became ", NULL };
	const char *v;
	size_t n;
	int k, words = 0;

	/* The writer's full name (two words at least) opens it. */
	if (byline != NULL && (v = strchr(byline, ' ')) != NULL) {
		n = (size_t)(v - byline) + 1 + strcspn(v + 1, " ,");
		if (n >= 5 && v[1] != '\0' && strncmp(p, byline, n) == 0 &&
		    (p[n] == ' ' || p[n] == ','))
			return 1;
	}
	for (k = 0; verbs[k] != NULL; k++)
		if ((v = strstr(p, verbs[k])) != NULL && v - p < 40) {
			const char *q;

			/* Only capitalised words before the verb: a name. */
			for (q = p; q < v; q++)
				if (q == p || q[-1] == ' ') {
					if (!(*q >= 'A' && *q <= 'Z'))
						return 0;
					words++;
				}
			return words >= 1 && words <= 4;
		}
	return 0;
}

/*
 * What closes many pages but is not the story: a label left without
 * its list ("Related posts:"), a call to action, a note about the
 * writer. Looked for in the last three paragraphs only.
 */
/*
 * The box about the writer that closes many pages: their name alone, or a
 * paragraph that opens with it ("Jane Doe is the owner of ..."), then a
 * few short lines (a title, more of the note). Dropped from there to the
 * end; and such a note above the story, alone.
 */
static void
writer_box(struct story *st)
{
	char name[128];
	size_t n, i, from, before = 0, tail = 0;

	if (st->byline == NULL || st->npara < 4)
		return;
	/* The name: the byline up to a comma or a dash after it. */
	n = strcspn(st->byline, ",|");
	if (n >= sizeof name)
		return;
	memcpy(name, st->byline, n);
	name[n] = '\0';
	/* "Jane Doe -", "Jane Doe –" */
	for (;;) {
		if (n > 0 && (name[n - 1] == ' ' || name[n - 1] == '-'))
			n--;
		else if (n >= 3 && (strncmp(name + n - 3, "\xE2\x80\x93",
		    3) == 0 || strncmp(name + n - 3, "\xE2\x80\x94", 3) == 0))
			n -= 3;
		else
			break;
		name[n] = '\0';
	}
	if (strchr(name, ' ') == NULL || n < 5)
		return;
	/* The writer's card above the story, in their own words: "Jane Doe
	 * I'm a developer ..." (a story that opens with the writer's name in
	 * the third person may be about them). */
	if (st->kinds[0] == KIND_P && strlen(st->paragraphs[0]) <= 400 &&
	    strncmp(st->paragraphs[0], name, n) == 0 &&
	    (strncmp(st->paragraphs[0] + n, " I'm ", 5) == 0 ||
	    strncmp(st->paragraphs[0] + n, " I\xE2\x80\x99m ", 7) == 0 ||
	    strncmp(st->paragraphs[0] + n, " I am ", 6) == 0))
		story_drop_paragraph(st, 0, "author bio");
	from = st->npara > 6 ? st->npara - 6 : 1;
	for (i = from; i < st->npara; i++) {
		const char *p = st->paragraphs[i];

		if (st->kinds[i] == KIND_P && (strcmp(p, name) == 0 ||
		    (strncmp(p, name, n) == 0 && (p[n] == ' ' ||
		    p[n] == ',') && author_note(p, name))))
			break;
	}
	if (i == st->npara)
		return;
	/* A few short lines after it, and the story well before it. */
	for (size_t j = i; j < st->npara; j++) {
		if (strlen(st->paragraphs[j]) > 700)
			return;
		tail += strlen(st->paragraphs[j]);
	}
	for (size_t j = 0; j < i; j++)
		before += strlen(st->paragraphs[j]);
	if (st->npara - i > 5 || tail * 2 > before)
		return;
	while (st->npara > i)
		story_drop_paragraph(st, st->npara - 1, "author bio");
}

static void
trim_tail(struct story *st)
{
	int k;

	for (k = 0; k < 3 && st->npara > 1; k++) {
		const char *p = st->paragraphs[st->npara - 1];
		size_t n = strlen(p);
		const char *why = NULL;

		if (n > 0 && p[n - 1] == ':')
			why = "label";
		else if (st->kinds[st->npara - 1] != KIND_QUOTE && n < 600 &&
		    call_to_action(p))
			why = "promotion";
		else if (st->kinds[st->npara - 1] == KIND_P && n < 1200 &&
		    author_note(p, st->byline))
			why = "author bio";
		if (why == NULL)
			break;
		story_drop_paragraph(st, st->npara - 1, why);
	}
	writer_box(st);
}

void
wire_finish(struct story *st)
{
	struct wire_dateline d;
	struct buf credits = { 0 };
	size_t i, j, lim;
	char *c;

	/* A template's placeholder text is nobody's story. */
	for (i = 0; i < st->npara;)
		if (strncasecmp(st->paragraphs[i], "lorem ipsum", 11) == 0)
			story_drop_paragraph(st, i, "placeholder");
		else
			i++;

	/* The repeated lead: a summary followed by the same lead. */
again:
	lim = st->npara < 5 ? st->npara : 5;
	for (i = 0; i < lim; i++)
		for (j = i + 1; j < lim && j <= i + 3; j++)
			if (st->kinds[i] == KIND_P && same_lead(
			    st->paragraphs[i], st->paragraphs[j])) {
				story_drop_paragraph(st, i, "repeated lead");
				goto again;
			}

	/* The dateline opens the first paragraph, or the second when the
	 * first is a standfirst above the story. */
	for (i = 0; i < 2 && i < st->npara && st->dateline_place == NULL;
	    i++) {
		if (st->kinds[i] != KIND_P ||
		    !wire_parse_dateline(st->paragraphs[i], &d))
			continue;
		st->dateline_place = d.place;
		st->dateline_agency = d.agency;
		st->dateline_date = d.date;
		st->dateline_para = i;
		if (st->byline == NULL && d.byline != NULL)
			story_set(&st->byline, d.byline);
		free(d.byline);
		story_cut_paragraph(st, i, d.length);
		if (st->paragraphs[i][0] == '\0')
			take_paragraph(st, i);
	}

	/* A time the page gave without a zone, in the zone its agency or
	 * script implies. */
	langdate_apply_zone(st);

	/* Credits close the story: an author's note or a footer after them
	 * is not the story. */
	for (i = st->npara; i > 0 && st->npara - i < 4; i--) {
		if ((c = wire_parse_credits(st->paragraphs[i - 1])) != NULL) {
			free(c);
			while (st->npara > i && wire_parse_credits(
			    st->paragraphs[st->npara - 1]) == NULL)
				story_drop_paragraph(st, st->npara - 1,
				    "after the credits");
			break;
		}
	}
	/* There may be two lines of credits. */
	for (i = st->npara; i > 0 && st->npara - i < 3; i--) {
		if ((c = wire_parse_credits(st->paragraphs[i - 1])) == NULL)
			break;
		free(c);
	}
	for (j = i; j < st->npara;) {
		c = wire_parse_credits(st->paragraphs[j]);
		if (credits.len > 0)
			buf_addc(&credits, ' ');
		buf_adds(&credits, c);
		free(c);
		take_paragraph(st, j);
	}
	if (credits.len > 0) {
		free(st->credits);
		st->credits = text_sanitize(credits.data, credits.len,
		    TEXT_ONELINE | TEXT_SQUEEZE);
	}
	buf_free(&credits);

	/* The same paragraph twice: keep the first. Each fingerprint is
	 * made once; equal ones meet after a sort. */
	drop_duplicates(st);
	trim_tail(st);
}
