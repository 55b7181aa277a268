/*
 * dateline: the datelines and bylines of the world's agencies in their
 * own languages and scripts (Kyodo 【東京共同】, Xinhua 新华社北京3月5日电,
 * Yonhap (서울=연합뉴스), WAM أبوظبي في 12 مارس / وام /, EFE, ANSA, TASS),
 * read by one table of patterns, and the time zone each agency implies.
 */
#ifndef READER_DATELINE_H
#define READER_DATELINE_H

struct wire_dateline;

/* Parse an agency dateline of the table at the start of para. Returns 1
 * and fills d (place, agency, date, byline, length) or 0. */
int	 dateline_parse(const char *para, struct wire_dateline *d);

/* The zone an agency's clock runs in ("Kyodo", "共同", "وام"): minutes
 * east of UTC and its name ("JST"); 0 when the agency is not known. */
int	 dateline_agency_zone(const char *agency, int *minutes,
	    const char **name);

#endif
