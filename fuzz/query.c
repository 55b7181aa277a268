/* fuzz: a search query through the query parser. An error is one clean
 * line; a query that parses gives an FTS5 string that FTS5 itself
 * accepts (no outside text ever becomes FTS5 syntax). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "fuzz.h"
#include "query.h"
#include "util.h"

/* An empty index with the store's columns, to ask FTS5 about a query. */
static sqlite3_stmt *
fts_check(void)
{
	static sqlite3 *db;
	static sqlite3_stmt *s;

	if (s != NULL)
		return s;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlite3_exec(db, "CREATE VIRTUAL TABLE fts USING fts5(headline, "
	    "byline, body, names, tokenize='unicode61 remove_diacritics 2');"
	    "INSERT INTO fts VALUES ('a', 'b', 'c', 'pd x')", NULL, NULL,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM fts WHERE fts MATCH ?",
	    -1, &s, NULL) != SQLITE_OK)
		abort();
	return s;
}

int
FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	struct query q;
	char *text = xstrndup((const char *)data, size), *err = NULL;
	sqlite3_stmt *s;
	size_t i;

	if (query_parse(text, &q, &err) == -1) {
		if (err == NULL || strchr(err, '\n') != NULL)
			abort();
		fuzz_check_clean("query error", err);
		free(err);
	} else if (q.match != NULL) {
		s = fts_check();
		sqlite3_bind_text(s, 1, q.match, -1, SQLITE_STATIC);
		while (sqlite3_step(s) == SQLITE_ROW)
			;
		if (sqlite3_reset(s) != SQLITE_OK)
			abort();	/* FTS5 refused what the parser built */
		for (i = 0; i < q.nfeeds; i++)
			if (q.feeds[i] == NULL)
				abort();
	}
	query_free(&q);
	free(text);
	return 0;
}
