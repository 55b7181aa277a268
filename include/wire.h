/*
 * wire: the structure of a wire story inside its text. Bylines, published
 * times, datelines ("LONDON, March 5 (Reuters) -"), credits lines, and the
 * pass that finishes a story whichever cleaner made it: dateline out of
 * the first paragraph, the repeated lead kept once, credits off the end.
 */
#ifndef READER_WIRE_H
#define READER_WIRE_H

#include <stddef.h>
#include <time.h>

struct story;

struct wire_dateline {
	char	*place;		/* "NIJMEGEN, Netherlands" */
	char	*agency;	/* "AP", or NULL */
	char	*date;		/* "March 5", or NULL */
	char	*byline;	/* the reporter a dateline names ("记者 王小明"),
				 * or NULL */
	size_t	 length;	/* bytes of the paragraph it takes, with dash */
};

/* Parse a dateline at the start of para. Returns 1 and fills d (caller
 * frees with wire_dateline_clear) or 0. */
int	 wire_parse_dateline(const char *para, struct wire_dateline *d);
void	 wire_dateline_clear(struct wire_dateline *);

/*
 * Parse a time in the forms news sites print ("Published: Feb 4, 2023,
 * 03:53 UTC", "Updated 4:12 PM UTC, March 18, 2026", "2026-03-05T12:07Z",
 * "5 March 2026 at 14:20 GMT"). Returns the number of words that were not
 * part of a date (prefixes like "Published" are allowed), or -1 if there
 * is no full date (year, month and day). Sets *t to UTC.
 */
int	 wire_parse_time(const char *, time_t *);
/* Whether a line is a time line: a date with little else around it. */
int	 wire_is_time_line(const char *, time_t *);

/* If line is a byline ("By Jane Doe", "By JANE DOE Associated Press",
 * "Written by ..."), return the names (caller frees); "By:" alone gives
 * an empty string. Otherwise NULL. */
char	*wire_parse_byline(const char *line);
/* Whether line looks like a list of personal names (for "By:" + name). */
int	 wire_is_name_line(const char *line);

/* If para is a credits line, return its text without the outer
 * parentheses (caller frees), else NULL. */
char	*wire_parse_credits(const char *para);

/* Normalise for comparing paragraphs: letters and digits, lower case. */
char	*wire_fingerprint(const char *);

/* The shared finishing pass over a cleaned story (see above). */
void	 wire_finish(struct story *);

#endif
