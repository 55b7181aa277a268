/*
 * clean: the cleaners. Each turns a decoded, sanitized page into a story
 * (headline, byline, time, body blocks, what was removed and why) and then
 * runs the shared wire pass. They never print and know nothing of the
 * terminal.
 */
#ifndef READER_CLEAN_H
#define READER_CLEAN_H

#include <stddef.h>

struct story;

/* A saved plain-text page ("save as text", a copy and paste). */
void	 clean_text(const char *utf8, size_t len, struct story *);

/*
 * An HTML page, in UTF-8, from url (for resolving links; may be NULL).
 * Parses with libxml2 (no network, no DTD, no entity expansion), reads
 * the page's metadata, extracts the main content and prunes its furniture.
 */
void	 clean_html(const char *utf8, size_t len, const char *url,
	    struct story *);

/* The charset an HTML page declares in its first bytes (<meta charset>,
 * http-equiv), or NULL. Returns a pointer into a static table of names. */
const char *clean_html_charset(const char *bytes, size_t len);

/* Whether bytes look like HTML rather than plain text. */
int	 clean_looks_like_html(const char *bytes, size_t len);

/*
 * The reason a short line is site furniture ("advertisement", "share",
 * "newsletter", ...), or NULL. words is the line's word count and
 * sentence whether it reads as a sentence; *ender is set when the line
 * opens a block that runs to the next real paragraph ("Related coverage",
 * "Most read", "About the author").
 */
const char *clean_boilerplate(const char *line, int words, int sentence,
	    int *ender);

/* Words in s, and whether it reads as a sentence. */
int	 clean_count_words(const char *s);
int	 clean_is_sentence(const char *s, int words);

#endif
