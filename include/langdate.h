/*
 * langdate: dates as pages print them in other languages: 2026年3月19日
 * 14時32分, 2026년 3월 5일, 2026-03-05 10:21:36, 12 مارس 2026, 5 de marzo
 * de 2026, 5. März 2026, 5 марта 2026, le 5 mars 2026, 5 marzo 2026, 5
 * de março de 2026; and the zone a page's language or agency implies.
 */
#ifndef READER_LANGDATE_H
#define READER_LANGDATE_H

#include <time.h>

struct story;

struct langdate {
	int	has_time;	/* a clock time was given */
	int	has_zone;	/* and a zone or offset */
};

/*
 * Parse a date in one of the forms above. Returns the number of words
 * that are not part of it (fillers such as "Publicado", "更新" are
 * allowed), or -1 without a full date. Sets *t to UTC when the line
 * names its zone, and to the clock as if it were UTC otherwise; info
 * (may be NULL) says which.
 */
int	 langdate_parse(const char *, time_t *, struct langdate *info);

/* Whether s (n bytes) is a day and a month's name of one of these
 * languages, as a dateline gives them: "5 mars", "5. März", "05 GEN". */
int	 langdate_day_month(const char *s, size_t n);

/*
 * A published time given without its zone, on a page whose agency
 * (Kyodo: JST) or script (kana: JST, hangul: KST, Chinese: CST) implies
 * one, is moved to UTC and the zone kept for the view.
 */
void	 langdate_apply_zone(struct story *);

#endif
