/* store_search: queries over the store, its figures, and retention. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

#include "query.h"
#include "store.h"
#include "store_int.h"
#include "text.h"
#include "util.h"

/* Headline words count most, then the byline, then the body; the
 * names column only filters. */
#define BM25		"bm25(fts, 10.0, 2.0, 1.0, 0.0)"
/* Ranking reads every match's positions: a word in most stories would
 * take a long time in a large store, so the newest this many matching
 * stories are ranked (doc/store.md). */
#define RANK_MAX	"10000"
#define HIT_COLUMNS	"SELECT s.id, s.headline, p.source, f.name, s.date, " \
	"s.read, s.starred FROM "
/* A story's first page (issue: the shown copy's, once there are copies). */
#define HIT_JOINS	" JOIN pages p ON p.id = (SELECT min(id) FROM pages " \
	"WHERE story_id = s.id) LEFT JOIN feeds f ON f.id = p.feed_id"

/* The conditions on s of q, each value as a ? in bind_query's order. */
static void
add_filters(const struct query *q, struct buf *sql)
{
	size_t i;

	if (q->match != NULL)
		buf_adds(sql, " AND fts MATCH ?");
	if (q->unread)
		buf_adds(sql, " AND s.read = 0");
	if (q->starred)
		buf_adds(sql, " AND s.starred = 1");
	if (q->has_since)
		buf_adds(sql, " AND s.date >= ?");
	if (q->has_before)
		buf_adds(sql, " AND s.date < ?");
	for (i = 0; i < q->nfeeds; i++)
		buf_adds(sql, i == 0 ? " AND (" : " OR ");
	for (i = 0; i < q->nfeeds; i++)
		buf_adds(sql, "EXISTS (SELECT 1 FROM pages p2 JOIN feeds f2 "
		    "ON f2.id = p2.feed_id WHERE p2.story_id = s.id AND "
		    "(f2.name = ? COLLATE NOCASE OR "
		    "instr(lower(f2.url), lower(?)) > 0))");
	if (q->nfeeds > 0)
		buf_adds(sql, ")");
}

/*
 * The statement for q, built only from the constant pieces here; every
 * value from the query is bound by bind_query, then the limit and the
 * offset. Words: the newest matching stories (the filters inside, so
 * the cap counts only stories that pass them) ranked by bm25, and only
 * the rows asked for joined to their pages and feeds. Names or filters
 * alone: newest first, which the date index gives in order.
 */
static void
build_sql(const struct query *q, int after, struct buf *sql)
{
	if (q->ranked) {
		buf_adds(sql, HIT_COLUMNS "(SELECT sid, r FROM (SELECT s.id "
		    "AS sid, " BM25 " AS r FROM fts JOIN stories s ON "
		    "s.shown = fts.rowid WHERE 1");
		add_filters(q, sql);
		buf_adds(sql, " ORDER BY fts.rowid DESC LIMIT " RANK_MAX
		    ") ORDER BY r, sid DESC LIMIT ? OFFSET ?) m "
		    "JOIN stories s ON s.id = m.sid" HIT_JOINS
		    " ORDER BY m.r, s.id DESC");
	} else {
		buf_adds(sql, HIT_COLUMNS);
		buf_adds(sql, q->match != NULL ? "fts JOIN stories s ON "
		    "s.shown = fts.rowid" : "stories s");
		buf_adds(sql, HIT_JOINS " WHERE 1");
		add_filters(q, sql);
		/* Past the last row had, by the date index: an offset would
		 * step over every row before it again. */
		if (after)
			buf_adds(sql, " AND (s.date < ? OR (s.date = ? AND "
			    "s.id < ?))");
		buf_adds(sql, " ORDER BY s.date DESC, s.id DESC "
		    "LIMIT ? OFFSET ?");
	}
}

static void
bind_query(sqlite3_stmt *s, const struct query *q,
    const struct store_cursor *after, size_t limit)
{
	size_t i;
	int n = 1;

	if (q->match != NULL)
		sqlite3_bind_text(s, n++, q->match, -1, SQLITE_STATIC);
	if (q->has_since)
		sqlite3_bind_int64(s, n++, (long long)q->since);
	if (q->has_before)
		sqlite3_bind_int64(s, n++, (long long)q->before);
	for (i = 0; i < q->nfeeds; i++) {
		sqlite3_bind_text(s, n++, q->feeds[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(s, n++, q->feeds[i], -1, SQLITE_STATIC);
	}
	if (after != NULL && !q->ranked) {
		sqlite3_bind_int64(s, n++, (long long)after->date);
		sqlite3_bind_int64(s, n++, (long long)after->date);
		sqlite3_bind_int64(s, n++, (long long)after->id);
	}
	sqlite3_bind_int64(s, n++, limit > 0 ? (long long)limit : -1);
	sqlite3_bind_int64(s, n, after != NULL && q->ranked ?
	    (long long)after->offset : 0);
}

static char *
one_line(const char *s)
{
	return s != NULL ? text_sanitize(s, strlen(s), TEXT_ONELINE |
	    TEXT_SQUEEZE) : NULL;
}

static void
add_hit(struct store_hits *h, size_t *cap, sqlite3_stmt *s)
{
	struct store_hit *x;

	if (h->n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		h->hits = xreallocarray(h->hits, *cap, sizeof *h->hits);
	}
	x = &h->hits[h->n++];
	x->id = sqlite3_column_int64(s, 0);
	x->headline = one_line((const char *)sqlite3_column_text(s, 1));
	if (x->headline == NULL)
		x->headline = xstrdup("");
	x->source = one_line((const char *)sqlite3_column_text(s, 2));
	if (x->source == NULL)
		x->source = xstrdup("");
	x->feed = one_line((const char *)sqlite3_column_text(s, 3));
	x->date = (time_t)sqlite3_column_int64(s, 4);
	x->read = sqlite3_column_int(s, 5);
	x->starred = sqlite3_column_int(s, 6);
}

int
store_search(struct store *st, const struct query *q,
    struct store_cursor *cur, size_t limit, struct store_hits *h, char **err)
{
	struct buf sql = { 0 };
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc;

	memset(h, 0, sizeof *h);
	if (st == NULL || st->db == NULL) {
		*err = xstrdup("no store to search");
		return -1;
	}
	build_sql(q, cur != NULL && cur->offset > 0, &sql);
	rc = sqlite3_prepare_v2(st->db, buf_cstr(&sql), -1, &s, NULL);
	buf_free(&sql);
	if (rc != SQLITE_OK) {
		*err = xasprintf("search: %s", sqlite3_errmsg(st->db));
		return -1;
	}
	bind_query(s, q, cur != NULL && cur->offset > 0 ? cur : NULL, limit);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		add_hit(h, &cap, s);
	if (rc != SQLITE_DONE) {
		*err = xasprintf("search: %s", sqlite3_errmsg(st->db));
		sqlite3_finalize(s);
		store_hits_free(h);
		if (store_rc_damaged(rc))
			store_fail(st, rc, "a search");
		return -1;
	}
	sqlite3_finalize(s);
	if (cur != NULL && h->n > 0) {
		cur->offset += h->n;
		cur->date = h->hits[h->n - 1].date;
		cur->id = h->hits[h->n - 1].id;
	}
	return 0;
}

void
store_hits_free(struct store_hits *h)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		free(h->hits[i].headline);
		free(h->hits[i].source);
		free(h->hits[i].feed);
	}
	free(h->hits);
	memset(h, 0, sizeof *h);
}

/* One number from a constant query; -1 when it fails. */
static long long
number(struct store *st, const char *sql)
{
	sqlite3_stmt *s;
	long long v = -1;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static long long
file_size(const char *path, const char *suffix)
{
	char *p = xasprintf("%s%s", path, suffix);
	struct stat sb;
	long long n = stat(p, &sb) == 0 ? (long long)sb.st_size : 0;

	free(p);
	return n;
}

int
store_stats(struct store *st, struct store_stats *out)
{
	memset(out, 0, sizeof *out);
	if (st == NULL || st->db == NULL)
		return -1;
	out->stories = number(st, "SELECT count(*) FROM stories");
	if (out->stories < 0)
		return -1;
	out->starred = number(st, "SELECT count(*) FROM stories "
	    "WHERE starred");
	out->unread = number(st, "SELECT count(*) FROM stories "
	    "WHERE NOT read");
	out->feeds = number(st, "SELECT count(*) FROM feeds");
	out->text_bytes = number(st, "SELECT coalesce(sum(bytes), 0) FROM "
	    "versions");
	out->oldest = (time_t)number(st, "SELECT coalesce(min(date), 0) "
	    "FROM stories");
	out->bytes = file_size(st->path, "") + file_size(st->path, "-wal");
	return 0;
}

/* --- retention -------------------------------------------------------- */

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Run one constant statement with up to one bound number; rows changed,
 * or -1. */
static int
prune_step(struct store *st, const char *sql, long long arg)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_bind_parameter_count(s) > 0)
		sqlite3_bind_int64(s, 1, arg);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		store_fail(st, rc, "retention");
		return -1;
	}
	return sqlite3_changes(st->db);
}

/* The file's size less its free pages. */
static long long
used_bytes(struct store *st)
{
	long long pages = number(st, "PRAGMA page_count");
	long long free_pages = number(st, "PRAGMA freelist_count");
	long long size = number(st, "PRAGMA page_size");

	return (pages - free_pages) * size;
}

#define DELETE_OLD "DELETE FROM stories WHERE id IN (SELECT id FROM " \
	"stories WHERE NOT starred AND first_seen < ?1 ORDER BY first_seen " \
	"LIMIT 100)"
#define DELETE_OLDEST "DELETE FROM stories WHERE id IN (SELECT id FROM " \
	"stories WHERE NOT starred ORDER BY first_seen LIMIT 100)"

int
store_prune(struct store *st, long long keep, long long max_size,
    int budget_ms)
{
	long long end = now_ms() + budget_ms;
	int n;

	if (st == NULL || st->db == NULL || st->readonly)
		return 0;
	while (keep > 0) {
		if (now_ms() > end)
			return 1;
		if ((n = prune_step(st, DELETE_OLD, (long long)time(NULL) -
		    keep)) <= 0)
			break;
	}
	while (keep > 0 && now_ms() <= end &&
	    prune_step(st, "DELETE FROM marks WHERE key IN (SELECT key FROM "
	    "marks WHERE NOT starred AND changed < ?1 LIMIT 1000)",
	    (long long)time(NULL) - keep) > 0)
		;
	while (max_size > 0 && used_bytes(st) > max_size) {
		if (now_ms() > end)
			return 1;
		if (prune_step(st, DELETE_OLDEST, 0) <= 0)
			break;
	}
	/* Give the freed pages back to the file system, a few at a time. */
	while (number(st, "PRAGMA freelist_count") > 0) {
		if (now_ms() > end)
			return 1;
		if (prune_step(st, "PRAGMA incremental_vacuum(256)", 0) < 0)
			break;
	}
	if (max_size > 0)
		prune_step(st, "PRAGMA wal_checkpoint(TRUNCATE)", 0);
	return 0;
}
