/*
 * feed: RSS 2.0, RSS 1.0 (RDF) and Atom 1.0, parsed from memory with
 * libxml2 (no network, no external entities, no DTD loading) into a list
 * of items; and finding a feed's address in an HTML page's
 * <link rel="alternate">. Every string it returns is sanitized.
 */
#ifndef READER_FEED_H
#define READER_FEED_H

#include <stddef.h>
#include <time.h>

struct feed_item {
	char	*title;		/* one line; "" if none */
	char	*link;		/* absolute http(s) URL, or NULL */
	char	*guid;		/* or NULL */
	char	*summary;	/* plain text, paragraphs split by "\n\n" */
	char	*date_text;	/* as the feed gave it, or NULL */
	time_t	 date;
	int	 has_date;
};

struct feed {
	char		*title;		/* or NULL */
	char		*link;		/* the site, or NULL */
	struct feed_item *items;
	size_t		 nitems;
};

/* Whether the bytes look like a feed (an rss, RDF or Atom root). */
int	 feed_sniff(const char *, size_t);
/* Parse a feed fetched from base (to resolve relative links). Returns
 * NULL with *err (caller frees) if it is not a feed. */
struct feed *feed_parse(const char *, size_t, const char *base, char **err);
void	 feed_free(struct feed *);

/* In an HTML page from base: the first feed <link rel="alternate">,
 * resolved (caller frees), or NULL. *is_article is set when the page
 * says it is an article (og:type). */
char	*feed_discover(const char *, size_t, const char *base, int *is_article);

/* An RFC 822 or ISO 8601 date; 0 on success. */
int	 feed_parse_date(const char *, time_t *);

#endif
