/*
 * query: the search language of --search and the list's store search,
 * parsed into an FTS5 match string built only from validated, quoted
 * terms, and the filters beside it. Nothing here touches SQL: the store
 * binds what this builds.
 *
 *   words and "phrases", prefixes (word*), AND, OR, NOT, ( )
 *   person:NAME place:NAME org:NAME feed:NAME
 *   since:YYYY-MM-DD before:YYYY-MM-DD unread starred
 */
#ifndef READER_QUERY_H
#define READER_QUERY_H

#include <stddef.h>
#include <time.h>

#include "story.h"

struct query_name {
	enum entity_type  type;
	char		**tokens;	/* folded; a story mentions them all */
	size_t		  ntokens;
};

struct query {
	/* The FTS5 query, or NULL: the words as {headline byline body} :
	 * ( ... ) and each name as a phrase in the names column. */
	char			*match;
	int			 ranked;	/* words: best first by bm25 */
	struct query_name	*names;
	size_t			 nnames;
	char			**feeds;	/* any of them */
	size_t			 nfeeds;
	time_t			 since;		/* valid if has_since */
	time_t			 before;	/* valid if has_before */
	int			 has_since;
	int			 has_before;
	int			 unread;
	int			 starred;
};

/* Parse text into q. Returns 0, or -1 with *err (one line saying what
 * is wrong and where; caller frees). Call query_free after either. */
int	 query_parse(const char *text, struct query *q, char **err);
void	 query_free(struct query *);

/* The words of a name, folded (ASCII, Latin-1, Latin Extended-A, Greek
 * and Cyrillic capitals to small), split at anything but letters and
 * digits; the store indexes names with the same function. Calls fn for
 * each token. */
void	 query_name_tokens(const char *s, size_t n,
	    void (*fn)(const char *tok, size_t len, void *arg), void *arg);
/* The query that finds the stories naming name, as person:, place: or
 * org: with the name in quotes (caller frees). */
char	*query_for_name(enum entity_type, const char *name);
/* The letter a name's words carry in the index: p, l or o. */
char	 query_type_letter(enum entity_type);

#endif
