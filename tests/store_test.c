/* Tables and cases for the story store: the query language and its
 * errors, storing and loading, search, marks, the old read file, the
 * migrations from every earlier version, damaged, newer, read-only and
 * full stores, two processes at once, and retention. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "cache.h"
#include "config.h"
#include "query.h"
#include "store.h"
#include "store_int.h"
#include "story.h"
#include "text.h"
#include "util.h"

static int passed, failed;
static char tmp[] = "/tmp/reader-store-test-XXXXXX";

#define CHECK(cond, ...) do {						\
	if (cond)							\
		passed++;						\
	else {								\
		failed++;						\
		printf("FAIL %s:%d: ", __FILE__, __LINE__);		\
		printf(__VA_ARGS__);					\
		putchar('\n');						\
	}								\
} while (0)

/* --- the query language ------------------------------------------------ */

/* The words of a query as the store's index is asked for them. */
#define W(x)	"{headline byline body} : (" x ")"

static void
test_parser(void)
{
	static const struct {
		const char	*in;
		const char	*match;	/* NULL: none; "!": an error */
		const char	*err;	/* a part of the error, or the
					 * filters: "u" unread, "s" starred */
	} t[] = {
		{ "", NULL, "" },
		{ "budget",
		    W("\"budget\""), "" },
		{ "Budget deficit",
		    W("\"Budget\" AND \"deficit\""), "" },
		{ "\"central bank\"",
		    W("\"central bank\""), "" },
		{ "tariff*",
		    W("\"tariff\" *"), "" },
		{ "\"rate cu\"*",
		    W("\"rate cu\" *"), "" },
		{ "china OR japan",
		    W("\"china\" OR \"japan\""), "" },
		{ "china AND NOT", "!", "NOT needs a word before it" },
		{ "china NOT", "!", "NOT needs a word after it" },
		{ "china NOT tariffs",
		    W("\"china\" NOT \"tariffs\""), "" },
		{ "(china OR japan) exports",
		    W("(\"china\" OR \"japan\") AND \"exports\""), "" },
		{ "and or not",
		    W("\"and\" AND \"or\" AND \"not\""), "" },
		{ "a\"\"b", "!", "nothing to search" },
		{ "say\"", "!", "not closed" },
		{ "x\" OR 1=1 --", "!", "not closed" },
		{ "\"a\" OR fts MATCH",
		    W("\"a\" OR \"fts\" AND \"MATCH\""), "" },
		{ "NOT china", "!", "NOT needs a word before it" },
		{ "OR china", "!", "OR needs a word before it" },
		{ "china AND", "!", "AND needs a word after it" },
		{ "china OR OR japan", "!", "OR needs a word before it" },
		{ "(china", "!", "( is not closed" },
		{ "china)", "!", ") without its (" },
		{ "()", "!", "empty parentheses" },
		{ "tariff* ai (china NOT japan) (x)",
		    W("\"tariff\" * AND \"ai\" AND (\"china\" NOT \"japan\") "
		    "AND (\"x\")"), "" },
		{ "*", "!", "a * only ends a word" },
		{ "ta*riff", "!", "a * only ends a word" },
		{ "--", "!", "nothing to search for" },
		{ "person:Lavrov", "names : \"plavrov\"", "" },
		{ "person:\"Sergei Lavrov\" talks", W("\"talks\"")
		    " AND names : \"psergei plavrov\"", "" },
		{ "person:", "!", "person: needs a value" },
		{ "person:!!", "!", "no letters or digits" },
		{ "foo:bar", "!", "unknown filter \"foo:\"" },
		{ "10:30 meeting",
		    W("\"10:30\" AND \"meeting\""), "" },
		{ "https://example.com/x",
		    W("\"https://example.com/x\""), "" },
		{ "since:2026-03-01", NULL, "" },
		{ "since:2026-02-30", "!", "not a date" },
		{ "before:yesterday", "!", "not a date" },
		{ "unread", NULL, "u" },
		{ "STARRED oil",
		    W("\"oil\""), "s" },
		{ "is:unread", NULL, "u" },
		{ "is:new", "!", "is: takes unread or starred" },
		{ "\"unread\"",
		    W("\"unread\""), "" },
		{ "oil OR unread", "!", "OR cannot join is:" },
		{ "unread OR oil", "!", "OR cannot join a filter" },
		{ "(oil person:x)", "!", "cannot stand inside parentheses" },
		{ "say \"he said \"\"no\"\"\"", "!", "nothing to search" },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct query q;
		char *err = NULL;
		int r = query_parse(t[i].in, &q, &err);

		if (t[i].match != NULL && strcmp(t[i].match, "!") == 0) {
			CHECK(r == -1 && err != NULL &&
			    strstr(err, t[i].err) != NULL,
			    "query [%s]: error [%s], want [%s]", t[i].in,
			    err != NULL ? err : "(none)", t[i].err);
		} else {
			CHECK(r == 0, "query [%s]: %s", t[i].in,
			    err != NULL ? err : "");
			CHECK((t[i].match == NULL && q.match == NULL) ||
			    (t[i].match != NULL && q.match != NULL &&
			    strcmp(q.match, t[i].match) == 0),
			    "query [%s]: match [%s], want [%s]", t[i].in,
			    q.match != NULL ? q.match : "(none)",
			    t[i].match != NULL ? t[i].match : "(none)");
			CHECK(q.unread == (strchr(t[i].err, 'u') != NULL) &&
			    q.starred == (strchr(t[i].err, 's') != NULL),
			    "query [%s]: filters", t[i].in);
		}
		free(err);
		query_free(&q);
	}
	{
		struct query q;
		char *err = NULL, *longq = xmalloc(2000);

		memset(longq, 'a', 1999);
		longq[1999] = '\0';
		CHECK(query_parse(longq, &q, &err) == -1 && err != NULL &&
		    strstr(err, "longer") != NULL, "a long query");
		free(err);
		query_free(&q);
		free(longq);
		err = NULL;
		CHECK(query_parse("person:\"Sergei Lavrov\" "
		    "since:2026-03-01 before:2026-03-02 feed:World", &q,
		    &err) == 0 && q.nnames == 1 && q.names[0].type ==
		    ENT_PER && q.names[0].ntokens == 2 &&
		    strcmp(q.names[0].tokens[1], "lavrov") == 0 &&
		    q.has_since && q.since == 1772323200 && q.has_before &&
		    q.before == 1772409600 && q.nfeeds == 1 &&
		    strcmp(q.feeds[0], "World") == 0, "filters parsed");
		free(err);
		query_free(&q);
	}
}

static void
test_for_name(void)
{
	static const struct {
		enum entity_type	 type;
		const char		*name;
		const char		*want;
	} t[] = {
		{ ENT_PER, "Sergei Lavrov", "person:\"Sergei Lavrov\"" },
		{ ENT_LOC, "Côte d'Ivoire", "place:\"Côte d'Ivoire\"" },
		{ ENT_ORG, "The \"Big\" Bank", "org:\"The Big Bank\"" },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof *t; i++) {
		char *q = query_for_name(t[i].type, t[i].name), *err = NULL;
		struct query pq;

		CHECK(strcmp(q, t[i].want) == 0, "query for [%s]: [%s]",
		    t[i].name, q);
		CHECK(query_parse(q, &pq, &err) == 0 && pq.nnames == 1 &&
		    pq.names[0].type == t[i].type, "[%s] parses", q);
		free(err);
		query_free(&pq);
		free(q);
	}
}

struct toks {
	char	buf[200];
};

static void
collect(const char *tok, size_t len, void *arg)
{
	struct toks *t = arg;
	size_t n = strlen(t->buf);

	snprintf(t->buf + n, sizeof t->buf - n, "%s%.*s", n > 0 ? "|" : "",
	    (int)len, tok);
}

static void
test_name_tokens(void)
{
	static const struct {
		const char	*in;
		const char	*want;
	} t[] = {
		{ "Sergei Lavrov", "sergei|lavrov" },
		{ "LAVROV", "lavrov" },
		{ "ÉMILE Zola", "émile|zola" },
		{ "Łukasz O'Neill-Brown", "łukasz|o|neill|brown" },
		{ "ΑΘΗΝΑ", "αθηνα" },
		{ "МОСКВА", "москва" },
		{ "  --  ", "" },
		{ "Bank\xe2\x80\x94of England", "bank|of|england" },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct toks got = { "" };

		query_name_tokens(t[i].in, strlen(t[i].in), collect, &got);
		CHECK(strcmp(got.buf, t[i].want) == 0, "tokens of [%s]: "
		    "[%s], want [%s]", t[i].in, got.buf, t[i].want);
	}
}

/* --- helpers ------------------------------------------------------------- */

static char *
path_in(const char *name)
{
	return xasprintf("%s/%s", tmp, name);
}

/* A story as the cleaners make one. */
static struct story *
sample(const char *source, const char *headline, const char *body2,
    time_t published)
{
	struct story *s = story_new(source);
	const char *p0 = "MOSCOW (Reuters) - Russian Foreign Minister Sergei "
	    "Lavrov said on Tuesday the talks in Geneva would go on.";

	story_set(&s->headline, headline);
	story_set(&s->byline, "Brenda Goh");
	story_add_paragraph(s, p0 + 19, KIND_P);
	story_add_paragraph(s, body2, KIND_QUOTE);
	story_add_paragraph(s, "Markets:\n  oil  +1%\n\n  gold -2%", KIND_PRE);
	story_set(&s->credits, "Reporting by Brenda Goh; Editing by Ed");
	story_set(&s->dateline_place, "MOSCOW");
	story_set(&s->dateline_agency, "Reuters");
	if (published != 0) {
		s->has_published = 1;
		s->published = published;
	}
	/* "Sergei Lavrov" and "Geneva" in the first paragraph. */
	{
		const char *p = s->paragraphs[0];
		const char *a = strstr(p, "Sergei Lavrov");
		const char *g = strstr(p, "Geneva");

		story_add_entity(s, ENT_PER, 0, (size_t)(a - p),
		    (size_t)(a - p) + 13);
		story_add_entity(s, ENT_LOC, 0, (size_t)(g - p),
		    (size_t)(g - p) + 6);
	}
	return s;
}

static struct store *
open_ok(const char *path)
{
	char *warn = NULL;
	int refused = 0;
	struct store *st = store_open(path, &warn, &refused);

	CHECK(st != NULL && warn == NULL && !refused, "open %s: %s", path,
	    warn != NULL ? warn : "");
	free(warn);
	return st;
}

static size_t
count(struct store *st, const char *text)
{
	struct store_hits h;
	struct query q;
	char *err = NULL;
	size_t n;

	if (query_parse(text, &q, &err) == -1 ||
	    store_search(st, &q, NULL, 0, &h, &err) == -1) {
		printf("FAIL search [%s]: %s\n", text, err);
		failed++;
		free(err);
		query_free(&q);
		return (size_t)-1;
	}
	n = h.n;
	store_hits_free(&h);
	query_free(&q);
	return n;
}

static long long
sql_number(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long long v = -1;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		return -1;
	sqlite3_busy_timeout(db, 2000);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			v = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return v;
}

static int
sql_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	int rc;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		return -1;
	sqlite3_busy_timeout(db, 2000);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc == SQLITE_OK ? 0 : -1;
}

/* --- storing, loading, searching ------------------------------------------ */

static void
test_roundtrip(void)
{
	char *path = path_in("round.db");
	struct store *st = open_ok(path);
	struct story *a, *b, *got;
	struct store_origin o = { "https://example.com/feed.xml", "World desk",
	    "guid-1" };
	size_t i;

	if (st == NULL)
		return;
	a = sample("https://example.com/a", "Lavrov says Geneva talks "
	    "will continue", "\"We will go on,\" he said.", 1772366400);
	CHECK(store_put(st, a, &o) == 0 && a->store_id > 0, "put a");
	got = store_load(st, a->store_id);
	CHECK(got != NULL, "load a");
	if (got != NULL) {
		CHECK(strcmp(got->headline, a->headline) == 0 &&
		    strcmp(got->byline, "Brenda Goh") == 0 &&
		    strcmp(got->source, a->source) == 0 &&
		    got->has_published && got->published == a->published &&
		    strcmp(got->credits, a->credits) == 0 &&
		    strcmp(got->dateline_place, "MOSCOW") == 0 &&
		    got->from_store && !got->read && !got->starred &&
		    got->fetched > 0, "fields back");
		CHECK(got->npara == a->npara, "paragraphs back: %zu",
		    got->npara);
		for (i = 0; i < got->npara && i < a->npara; i++)
			CHECK(strcmp(got->paragraphs[i], a->paragraphs[i]) ==
			    0 && got->kinds[i] == a->kinds[i],
			    "paragraph %zu back: [%s]", i, got->paragraphs[i]);
		CHECK(got->nentities == 2 && got->entities[0].type ==
		    ENT_PER && got->entities[0].start ==
		    a->entities[0].start, "entities back");
		story_free(got);
	}
	b = sample("/tmp/some/file.txt", "Oil prices rise on supply worries",
	    "Brent crude rose 2% as tariffs bit.", 1772452800);
	CHECK(store_put(st, b, NULL) == 0, "put b");

	CHECK(count(st, "") == 2, "all");
	CHECK(count(st, "lavrov") == 2, "a word in the body of both");
	CHECK(count(st, "geneva talks") == 2, "two words");
	CHECK(count(st, "\"geneva talks\"") == 1, "a phrase");
	CHECK(count(st, "tarif*") == 1, "a prefix");
	CHECK(count(st, "tariff") == 0, "no stemming");
	CHECK(count(st, "oil OR geneva") == 2, "OR");
	CHECK(count(st, "lavrov NOT brent") == 1, "NOT");
	CHECK(count(st, "goh") == 2, "the byline");
	CHECK(count(st, "person:Lavrov") == 2, "person: a last name");
	CHECK(count(st, "person:LAVROV") == 2, "person: in capitals");
	CHECK(count(st, "person:\"sergei lavrov\"") == 2, "person: full");
	CHECK(count(st, "person:Geneva") == 0, "person: not a place");
	CHECK(count(st, "place:geneva") == 2, "place:");
	CHECK(count(st, "org:geneva") == 0, "org:");
	CHECK(count(st, "feed:\"world desk\"") == 1, "feed: by name");
	CHECK(count(st, "feed:example.com") == 1, "feed: by URL");
	CHECK(count(st, "feed:nothere") == 0, "feed: none");
	CHECK(count(st, "since:2026-03-02") == 1, "since:");
	CHECK(count(st, "before:2026-03-02") == 1, "before:");
	CHECK(count(st, "since:2026-03-01 before:2026-03-02") == 1,
	    "since: and before:");
	CHECK(count(st, "unread") == 2, "unread");
	CHECK(count(st, "starred") == 0, "starred: none");
	CHECK(store_set_starred(st, b->store_id, 1) == 0 &&
	    store_is_starred(st, b->store_id) == 1, "star b");
	CHECK(count(st, "starred") == 1, "starred");
	CHECK(store_set_read(st, a->store_id, 1) == 0, "read a");
	CHECK(count(st, "unread") == 1, "unread after reading");
	CHECK(store_key_is_read(st, "guid-1"), "a's item key is read");
	/* The headline counts most. */
	{
		struct store_hits h;
		struct query q;
		char *err = NULL;

		query_parse("oil OR lavrov", &q, &err);
		if (store_search(st, &q, NULL, 1, &h, &err) == 0) {
			CHECK(h.n == 1, "limit");
			store_hits_free(&h);
		}
		{
			struct store_cursor c = { 0, 0, 0 };

			if (store_search(st, &q, &c, 1, &h, &err) == 0)
				store_hits_free(&h);
			if (store_search(st, &q, &c, 5, &h, &err) == 0) {
				CHECK(h.n == 1 && c.offset == 2,
				    "ranked, in parts");
				store_hits_free(&h);
			}
		}
		query_free(&q);
		query_parse("", &q, &err);
		{
			struct store_cursor c = { 0, 0, 0 };

			if (store_search(st, &q, &c, 1, &h, &err) == 0) {
				CHECK(h.n == 1 && h.hits[0].id == b->store_id,
				    "newest first");
				store_hits_free(&h);
			}
			if (store_search(st, &q, &c, 1, &h, &err) == 0) {
				CHECK(h.n == 1 && h.hits[0].id == a->store_id,
				    "newest first, in parts");
				store_hits_free(&h);
			}
			if (store_search(st, &q, &c, 1, &h, &err) == 0) {
				CHECK(h.n == 0, "in parts, to the end");
				store_hits_free(&h);
			}
		}
		query_free(&q);
		query_parse("geneva", &q, &err);
		if (store_search(st, &q, NULL, 0, &h, &err) == 0) {
			CHECK(h.n == 2 && h.hits[0].id == a->store_id,
			    "the headline match first");
			CHECK(h.n == 2 && h.hits[0].feed != NULL &&
			    strcmp(h.hits[0].feed, "World desk") == 0 &&
			    h.hits[1].feed == NULL, "feed names of hits");
			store_hits_free(&h);
		}
		query_free(&q);
	}
	/* The same text again is no new version; a changed one is, and
	 * only the new text is found. */
	{
		long long id = a->store_id;

		CHECK(store_put(st, a, &o) == 0 && a->store_id == id &&
		    a->read == 1, "the same story again keeps id and mark");
		story_set(&a->headline, "Lavrov says Geneva talks collapse");
		CHECK(store_put(st, a, &o) == 0 && a->store_id == id,
		    "a new version");
		CHECK(count(st, "collapse") == 1 && count(st, "continue") ==
		    0, "only the shown version is searched");
		CHECK(sql_number(path, "SELECT count(*) FROM versions") == 3,
		    "versions kept");
	}
	store_feed_fetched(st, "https://example.com/feed.xml", NULL,
	    "timed out");
	store_feed_fetched(st, "https://example.org/new.xml", "New", NULL);
	story_free(a);
	story_free(b);
	store_close(st);
	CHECK(sql_number(path, "SELECT count(*) FROM feeds WHERE name = "
	    "'World desk' AND last_error = 'timed out' AND last_fetch > 0")
	    == 1 && sql_number(path, "SELECT count(*) FROM feeds WHERE "
	    "last_error IS NULL AND name = 'New'") == 1, "feeds' fetches");
	CHECK(sql_number(path, "SELECT count(*) FROM pages") == 2, "pages");
	CHECK(sql_exec(path, "INSERT INTO fts(fts) VALUES "
	    "('integrity-check')") == 0, "the index matches its text");
	free(path);
}

/* Marks made before a story is stored wait for it; the old read file
 * is imported once. */
static void
test_marks(void)
{
	char *path = path_in("marks.db"), *cache = path_in("cache"),
	    *dir = path_in("cache/reader"), *file = path_in("cache/reader/read");
	char h[33];
	struct store *st;
	struct story *s;
	struct store_origin o = { NULL, NULL, "guid-old" };
	FILE *fp;

	mkdir(cache, 0700);
	mkdir(dir, 0700);
	setenv("XDG_CACHE_HOME", cache, 1);
	if ((fp = fopen(file, "w")) != NULL) {
		cache_key("guid-old", h);
		fprintf(fp, "%s\n%s\ntorn", h, h);
		fclose(fp);
	}
	if ((st = open_ok(path)) == NULL)
		return;
	CHECK(store_key_is_read(st, "guid-old"), "old mark imported");
	CHECK(!store_key_is_read(st, "guid-new"), "not marked");
	store_key_mark_read(st, "guid-new");
	CHECK(store_key_is_read(st, "guid-new"), "marked");
	s = sample("https://example.com/old", "Old story", "x.", 0);
	CHECK(store_put(st, s, &o) == 0 && s->read, "a story comes with "
	    "its waiting mark");
	story_free(s);
	store_close(st);
	/* Imported once: a mark added to the file later is left alone. */
	if ((fp = fopen(file, "w")) != NULL) {
		cache_key("guid-later", h);
		fprintf(fp, "%s\n", h);
		fclose(fp);
	}
	if ((st = open_ok(path)) != NULL) {
		CHECK(!store_key_is_read(st, "guid-later"), "imported once");
		CHECK(store_key_is_read(st, "guid-new"), "marks last");
		store_close(st);
	}
	unsetenv("XDG_CACHE_HOME");
	free(path);
	free(cache);
	free(dir);
	free(file);
}

/* Stored text is sanitized on the way out, and a damaged row does not
 * break the story. */
static void
test_hostile_rows(void)
{
	char *path = path_in("hostile.db");
	struct store *st = open_ok(path);
	struct story *s, *got;
	size_t i;

	if (st == NULL)
		return;
	s = sample("https://example.com/h", "Plain", "Plain.", 0);
	store_put(st, s, NULL);
	store_close(st);
	CHECK(sql_exec(path, "UPDATE versions SET headline = 'Red "
	    "' || char(27) || '[31m' || char(8238) || 'evil' || char(7), "
	    "byline = char(155) || 'x', lengths = '5,999999', "
	    "entities = 'P0,0,99999;Q1,2,3;P0,1,2;P-7,0,1;garbage'") == 0,
	    "damage a row");
	if ((st = open_ok(path)) == NULL) {
		story_free(s);
		return;
	}
	got = store_load(st, s->store_id);
	CHECK(got != NULL, "a damaged row loads");
	if (got != NULL) {
		CHECK(text_is_clean(got->headline) &&
		    strstr(got->headline, "\033") == NULL &&
		    text_is_clean(got->byline), "headline and byline clean: "
		    "[%s]", got->headline);
		for (i = 0; i < got->npara; i++)
			CHECK(text_is_clean(got->paragraphs[i]),
			    "paragraph %zu clean", i);
		CHECK(got->npara >= 1, "paragraphs from blank lines");
		for (i = 0; i < got->nentities; i++)
			CHECK(got->entities[i].end <= strlen(
			    got->paragraphs[got->entities[i].paragraph]),
			    "entity %zu inside its paragraph", i);
		story_free(got);
	}
	story_free(s);
	store_close(st);
	free(path);
}

/* --- migrations ---------------------------------------------------------- */

/* A store left at version v by an older reader, with what that version
 * kept (a story read and starred, from version 1 on). */
static int
make_old_store(const char *path, int v)
{
	sqlite3 *db;
	char sql[64];
	int i, rc = SQLITE_OK;

	unlink(path);
	if (sqlite3_open(path, &db) != SQLITE_OK)
		return -1;
	for (i = 0; i < v && rc == SQLITE_OK; i++)
		rc = sqlite3_exec(db, store_migration(i), NULL, NULL, NULL);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	if (rc == SQLITE_OK && v >= 1)
		rc = sqlite3_exec(db,
		    "INSERT INTO stories(id, shown, date, first_seen, read, "
		    "starred, changed, headline) VALUES (7, 70, 1772366400, "
		    "1772366400, 1, 1, 1772366400, 'Old headline');"
		    "INSERT INTO pages(id, story_id, source, first_seen, "
		    "fetched, item_key) VALUES (700, 7, 'https://old/a', "
		    "1772366400, 1772366400, 'k');"
		    "INSERT INTO versions(id, page_id, fetched, hash, indexed, "
		    "bytes, headline, body, lengths, kinds, entities, names) "
		    "VALUES (70, 700, 1772366400, 'h', 1, 20, 'Old headline', "
		    "'Old body kept', '13', 'p', 'P0,4,8;', 'pbody x ');",
		    NULL, NULL, NULL);
	sqlite3_close(db);
	return rc == SQLITE_OK ? 0 : -1;
}

static void
test_migrations(void)
{
	char *path = path_in("old.db");
	int v;

	for (v = 0; v < STORE_VERSION; v++) {
		struct store *st;
		struct story *s;

		CHECK(make_old_store(path, v) == 0, "a store of version %d",
		    v);
		if ((st = open_ok(path)) == NULL)
			continue;
		CHECK(sql_number(path, "PRAGMA user_version") ==
		    STORE_VERSION, "from %d to %d", v, STORE_VERSION);
		if (v >= 1) {
			s = store_load(st, 7);
			CHECK(s != NULL && strcmp(s->headline,
			    "Old headline") == 0 && s->read && s->starred,
			    "version %d's story kept", v);
			story_free(s);
			CHECK(count(st, "person:body starred") == 1,
			    "version %d's names and stars kept", v);
		}
		s = sample("https://new/b", "New", "New text.", 0);
		CHECK(store_put(st, s, NULL) == 0 && count(st, "new") == 1,
		    "a migrated store from %d stores and finds", v);
		story_free(s);
		store_close(st);
	}
	/* An empty file is a new store. */
	{
		int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		struct store *st;

		close(fd);
		if ((st = open_ok(path)) != NULL) {
			CHECK(count(st, "") == 0, "an empty file");
			store_close(st);
		}
	}
	free(path);
}

/* --- damaged, newer, unwritable ------------------------------------------ */

static int
broken_files(const char *name)
{
	char *cmd = xasprintf("ls %s | grep -c '^%s\\.broken-[0-9]*-[0-9]*"
	    "\\(\\.[0-9]*\\)\\?$'", tmp, name);
	FILE *p = popen(cmd, "r");
	int n = 0;

	if (p != NULL) {
		if (fscanf(p, "%d", &n) != 1)
			n = 0;
		pclose(p);
	}
	free(cmd);
	return n;
}

/* A store of n stories, the first read and the second starred. */
static void
fill(const char *path, int n)
{
	struct store *st = open_ok(path);
	int i;

	if (st == NULL)
		return;
	for (i = 0; i < n; i++) {
		char src[64], key[32], head[64];
		struct story *s;
		struct store_origin o = { NULL, NULL, key };

		snprintf(src, sizeof src, "https://example.com/%d", i);
		snprintf(key, sizeof key, "item-%d", i);
		snprintf(head, sizeof head, "Story number %d about oil", i);
		s = sample(src, head, "Prices of crude rose again on Monday "
		    "as traders weighed the outlook for demand in Asia and "
		    "Europe.", 1772366400 + i);
		store_put(st, s, &o);
		if (i % 3 == 0)
			store_set_read(st, s->store_id, 1);
		if (i == 1)
			store_set_starred(st, s->store_id, 1);
		story_free(s);
	}
	store_close(st);
}

static void
damage(const char *path, const char *how)
{
	struct stat sb;
	int fd;

	/* What the WAL holds into the file first: the damage is to what
	 * is on disk. */
	sql_exec(path, "PRAGMA wal_checkpoint(TRUNCATE)");
	if (stat(path, &sb) == -1)
		return;
	if (strcmp(how, "truncated") == 0) {
		/* The last pages lost, as by a copy cut short. */
		CHECK(truncate(path, sb.st_size / 4096 * 4096 - 6 * 4096) == 0,
		    "truncate");
		return;
	}
	if ((fd = open(path, O_WRONLY)) == -1)
		return;
	if (strcmp(how, "not a database") == 0) {
		CHECK(ftruncate(fd, 0) == 0 && write(fd, "hello, this is "
		    "not a database at all, just some text\n", 52) == 52,
		    "write text");
	} else {
		/* Garbage over every third page of the second half. */
		char junk[4096];
		off_t at;

		memset(junk, 0xA5, sizeof junk);
		for (at = sb.st_size / 2 / 4096 * 4096; at + 4096 < sb.st_size;
		    at += 3 * 4096)
			if (pwrite(fd, junk, sizeof junk, at) != 4096)
				break;
	}
	close(fd);
}

static void
test_damaged(void)
{
	static const char *const hows[] = { "not a database", "malformed",
	    "truncated" };
	size_t i;

	for (i = 0; i < sizeof hows / sizeof *hows; i++) {
		char name[32], *path, *warn = NULL;
		struct store *st;
		int refused = 0;

		snprintf(name, sizeof name, "damaged%zu.db", i);
		path = path_in(name);
		fill(path, 300);
		damage(path, hows[i]);
		/* Found at opening, or by the first statement that meets
		 * the damage (opening checks the whole file only after an
		 * unclean exit, or once a week). */
		st = store_open(path, &warn, &refused);
		if (st != NULL && warn == NULL) {
			struct story *s;
			struct store_hits h;
			struct query q;
			char *err = NULL;

			query_parse("", &q, &err);
			if (store_search(st, &q, NULL, 0, &h, &err) == 0)
				store_hits_free(&h);
			free(err);
			query_free(&q);
			s = store_load(st, 150);
			story_free(s);
			warn = store_take_warning(st);
		}
		CHECK(st != NULL && warn != NULL && strstr(warn,
		    "set aside as") != NULL && strchr(warn, '\n') == NULL,
		    "%s: a one-line warning: %s", hows[i],
		    warn != NULL ? warn : "(none)");
		CHECK(broken_files(name) == 1, "%s: set aside", hows[i]);
		if (st != NULL) {
			struct story *s = sample("https://example.com/new",
			    "Fresh", "Fresh text.", 0);

			CHECK(store_put(st, s, NULL) == 0 &&
			    count(st, "fresh") == 1, "%s: a fresh store",
			    hows[i]);
			story_free(s);
			if (i > 0) {
				int k, kept = 0, wrong = 0;

				for (k = 0; k < 300; k++) {
					char key[32];

					snprintf(key, sizeof key, "item-%d",
					    k);
					if (!store_key_is_read(st, key))
						continue;
					if (k % 3 == 0)
						kept++;
					else
						wrong++;
				}
				CHECK(kept > 0 && wrong == 0, "%s: read marks "
				    "rebuilt: %d of 100, %d wrong", hows[i],
				    kept, wrong);
			}
			store_close(st);
		}
		free(warn);
		free(path);
	}
}

static void
test_newer(void)
{
	char *path = path_in("newer.db"), *warn = NULL;
	struct store *st;
	struct stat a, b;
	int refused = 0;

	fill(path, 3);
	sql_exec(path, "PRAGMA user_version = 99");
	stat(path, &a);
	st = store_open(path, &warn, &refused);
	stat(path, &b);
	CHECK(st == NULL && refused && warn != NULL &&
	    strstr(warn, "newer reader") != NULL, "a newer store is refused: "
	    "%s", warn != NULL ? warn : "(none)");
	CHECK(a.st_size == b.st_size && a.st_mtime == b.st_mtime &&
	    sql_number(path, "SELECT count(*) FROM stories") == 3 &&
	    broken_files("newer.db") == 0, "and left alone");
	store_close(st);
	free(warn);
	free(path);
}

static void
test_unwritable(void)
{
	char *file = path_in("plainfile"), *path = path_in("plainfile/x.db");
	char *warn = NULL;
	struct store *st;
	int fd = open(file, O_WRONLY | O_CREAT, 0600);

	close(fd);
	st = store_open(path, &warn, NULL);
	CHECK(st == NULL && warn != NULL && strstr(warn, "reading goes on "
	    "without storing") != NULL, "a directory that cannot be made: "
	    "%s", warn != NULL ? warn : "(none)");
	store_close(st);
	free(warn);
	free(file);
	free(path);
}

/* A full disk: writes past a size limit fail; the store warns once,
 * stops storing, and still reads. In a child, as the limit is the
 * process's. */
static void
test_full(void)
{
	char *path = path_in("full.db");
	pid_t pid;
	int status;

	fill(path, 5);
	if ((pid = fork()) == 0) {
		struct store *st;
		struct rlimit rl;
		struct stat sb;
		char *warn = NULL;
		int i, failed_at = -1, bad = 0;

		signal(SIGXFSZ, SIG_IGN);
		if ((st = store_open(path, &warn, NULL)) == NULL)
			_exit(10);
		stat(path, &sb);
		rl.rlim_cur = rl.rlim_max = (rlim_t)sb.st_size + 64 * 1024;
		setrlimit(RLIMIT_FSIZE, &rl);
		for (i = 0; i < 2000 && failed_at < 0; i++) {
			char src[64];
			struct story *s;

			snprintf(src, sizeof src, "https://example.com/f%d", i);
			s = sample(src, "Filling the disk", "Text that "
			    "takes room on the disk, again and again.", 0);
			if (store_put(st, s, NULL) == -1)
				failed_at = i;
			story_free(s);
		}
		if (failed_at < 0)
			bad |= 1;	/* never full */
		warn = store_take_warning(st);
		if (warn == NULL || strstr(warn, "reading goes on without "
		    "storing") == NULL || strchr(warn, '\n') != NULL)
			bad |= 2;
		free(warn);
		if (count(st, "") != (size_t)(5 + failed_at))
			bad |= 4;	/* reading goes on */
		{
			struct story *s = sample("https://example.com/after",
			    "After", "After.", 0);

			if (store_put(st, s, NULL) != -1)
				bad |= 8;
			story_free(s);
		}
		store_close(st);
		_exit(bad);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "a full disk: child status %d", status);
	free(path);
}

/* --- two readers at once --------------------------------------------------- */

/* One process stores stories while the other marks their items read:
 * whichever comes first, no mark and no story is lost. Both start on a
 * store that does not exist yet (both migrate it). */
static void
test_two_processes(void)
{
	char *path = path_in("two.db");
	enum { N = 300 };
	pid_t a, b;
	int sa = -1, sb = -1, i;
	struct store *st;

	if ((a = fork()) == 0) {
		struct store *w;
		char *warn = NULL;
		int lost = 0;

		if ((w = store_open(path, &warn, NULL)) == NULL)
			_exit(10);
		for (i = 0; i < N; i++) {
			char src[64], key[32];
			struct store_origin o = { "https://example.com/rss",
			    "Wire", key };
			struct story *s;

			snprintf(src, sizeof src, "https://example.com/s%d", i);
			snprintf(key, sizeof key, "item-%d", i);
			s = sample(src, "Two readers", "Both at once.", 0);
			if (store_put(w, s, &o) == -1)
				lost++;
			story_free(s);
		}
		store_close(w);
		_exit(lost > 0);
	}
	if ((b = fork()) == 0) {
		struct store *r;
		char *warn = NULL;

		if ((r = store_open(path, &warn, NULL)) == NULL)
			_exit(10);
		for (i = N - 1; i >= 0; i--) {
			char key[32];

			snprintf(key, sizeof key, "item-%d", i);
			store_key_mark_read(r, key);
		}
		warn = store_take_warning(r);
		store_close(r);
		_exit(warn != NULL);
	}
	if (a > 0)
		waitpid(a, &sa, 0);
	if (b > 0)
		waitpid(b, &sb, 0);
	CHECK(WIFEXITED(sa) && WEXITSTATUS(sa) == 0, "the storing process");
	CHECK(WIFEXITED(sb) && WEXITSTATUS(sb) == 0, "the marking process");
	if ((st = open_ok(path)) != NULL) {
		int unread = 0;

		CHECK(count(st, "") == N, "every story stored");
		CHECK(count(st, "unread") == 0, "every story read");
		for (i = 0; i < N; i++) {
			char key[32];

			snprintf(key, sizeof key, "item-%d", i);
			if (!store_key_is_read(st, key))
				unread++;
		}
		CHECK(unread == 0, "%d read marks lost", unread);
		store_close(st);
	}
	free(path);
}

/* --- retention ----------------------------------------------------------- */

static void
test_prune(void)
{
	char *path = path_in("prune.db");
	struct store *st;
	struct stat a, b;

	fill(path, 400);
	/* The first 50 stored long ago; story 2 (starred is 2) stays. */
	sql_exec(path, "UPDATE stories SET first_seen = first_seen - "
	    "200 * 86400 WHERE id <= 50");
	if ((st = open_ok(path)) == NULL)
		return;
	CHECK(store_prune(st, 180LL * 86400, 0, 5000) == 0, "prune done");
	CHECK(count(st, "") == 351, "old unstarred stories dropped: %zu",
	    count(st, ""));
	CHECK(count(st, "starred") == 1, "the starred one kept");
	CHECK(count(st, "unread") == 351 - 117, "read marks kept: %zu",
	    count(st, "unread"));
	CHECK(store_prune(st, 180LL * 86400, 0, 0) == 0 || 1, "again");
	store_close(st);
	CHECK(sql_exec(path, "INSERT INTO fts(fts) VALUES "
	    "('integrity-check')") == 0, "the index follows");
	CHECK(sql_number(path, "SELECT count(*) FROM versions WHERE "
	    "page_id NOT IN (SELECT id FROM pages)") == 0 &&
	    sql_number(path, "SELECT count(*) FROM pages WHERE "
	    "story_id NOT IN (SELECT id FROM stories)") == 0,
	    "no text of dropped stories");
	stat(path, &a);
	if ((st = open_ok(path)) == NULL)
		return;
	store_prune(st, 0, a.st_size * 3 / 4, 5000);
	CHECK(count(st, "") < 351, "max_size drops stories");
	store_close(st);
	stat(path, &b);
	CHECK(b.st_size <= a.st_size * 3 / 4 + 16384, "max_size: %lld -> %lld",
	    (long long)a.st_size, (long long)b.st_size);
	CHECK(sql_number(path, "SELECT count(*) FROM stories WHERE starred")
	    == 1, "max_size keeps the starred");
	free(path);
}

static void
test_config(void)
{
	static const struct {
		const char	*in;
		long long	 want;
	} t[] = {
		{ "180d", 180LL * 86400 }, { "12h", 12LL * 3600 },
		{ "2w", 14LL * 86400 }, { "1y", 365LL * 86400 },
		{ "0", 0 }, { "forever", 0 }, { "180", -1 }, { "d", -1 },
		{ "-5d", -1 }, { "5dd", -1 }, { "5m", -1 },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof *t; i++)
		CHECK(config_parse_age(t[i].in) == t[i].want, "age [%s]",
		    t[i].in);
}

int
main(void)
{
	test_parser();
	test_name_tokens();
	test_for_name();
	test_config();
	if (mkdtemp(tmp) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	setenv("XDG_DATA_HOME", tmp, 1);
	unsetenv("XDG_CACHE_HOME");
	setenv("HOME", tmp, 1);
	test_roundtrip();
	test_marks();
	test_hostile_rows();
	test_migrations();
	test_damaged();
	test_newer();
	test_unwritable();
	test_full();
	test_two_processes();
	test_prune();
	/* STORE_TEST_KEEP=1 leaves the stores for a look with sqlite3. */
	if (getenv("STORE_TEST_KEEP") == NULL) {
		char *cmd = xasprintf("rm -rf '%s'", tmp);

		if (system(cmd) != 0)
			failed++;
		free(cmd);
	} else
		printf("stores kept in %s\n", tmp);
	printf("store: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}
