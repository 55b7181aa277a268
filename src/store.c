/* store: the stories kept in SQLite, their marks, and their index. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "cache.h"
#include "fetch.h"
#include "query.h"
#include "store.h"
#include "store_int.h"
#include "story.h"
#include "text.h"
#include "util.h"

#define STORE_BUSY_MS		2000	/* another reader writing */
#define STORE_CHECK_MS		30	/* quick_check at opening, at most */
#define STORE_CHECK_EVERY	(7 * 86400)	/* s between whole checks */
#define STORE_MAX_VERSIONS	10	/* texts kept per page */
#define STORE_BATCH		500	/* stories a batch commits at once */

/* The statements made once; their text is constant. */
#define STORE_STATEMENTS(X) \
	X(S_BEGIN, "BEGIN IMMEDIATE") \
	X(S_COMMIT, "COMMIT") \
	X(S_ROLLBACK, "ROLLBACK") \
	X(S_FEED_PUT, "INSERT INTO feeds(url, name) VALUES (?1, ?2) " \
	    "ON CONFLICT(url) DO UPDATE SET name = excluded.name " \
	    "WHERE excluded.name IS NOT NULL AND " \
	    "excluded.name IS NOT name") \
	X(S_FEED_ID, "SELECT id FROM feeds WHERE url = ?1") \
	X(S_FEED_FETCHED, "INSERT INTO feeds(url, name, last_fetch, " \
	    "last_error) VALUES (?1, ?2, ?3, ?4) ON CONFLICT(url) DO UPDATE " \
	    "SET name = coalesce(excluded.name, name), last_fetch = ?3, " \
	    "last_error = ?4") \
	X(S_PAGE_FIND, "SELECT p.id, p.story_id, v.id, v.hash FROM pages p " \
	    "LEFT JOIN versions v ON v.page_id = p.id AND v.indexed " \
	    "WHERE p.source = ?1") \
	X(S_PAGE_SEEN, "UPDATE pages SET fetched = ?2, feed_id = " \
	    "coalesce(?3, feed_id), item_key = coalesce(?4, item_key) " \
	    "WHERE id = ?1") \
	X(S_MARK_GET, "SELECT max(read), max(starred) FROM marks " \
	    "WHERE key IN (?1, ?2)") \
	X(S_STORY_ADD, "INSERT INTO stories(date, first_seen, read, " \
	    "starred, changed) VALUES (?1, ?2, ?3, ?4, ?2)") \
	X(S_STORY_SHOW, "UPDATE stories SET shown = ?2, date = ?3, " \
	    "headline = ?4 WHERE id = ?1") \
	X(S_STORY_STATE, "SELECT read, starred FROM stories WHERE id = ?1") \
	X(S_PAGE_ADD, "INSERT INTO pages(story_id, source, canonical, " \
	    "feed_id, item_key, first_seen, fetched) " \
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)") \
	X(S_UNINDEX, "UPDATE versions SET indexed = 0 WHERE page_id = ?1 " \
	    "AND indexed") \
	X(S_VERSION_ADD, "INSERT INTO versions(page_id, fetched, hash, " \
	    "indexed, bytes, headline, byline, body, lengths, kinds, " \
	    "entities, published, published_text, dateline_place, " \
	    "dateline_agency, dateline_date, dateline_para, credits, url, " \
	    "names) VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, " \
	    "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)") \
	X(S_VERSION_TRIM, "DELETE FROM versions WHERE page_id = ?1 AND id " \
	    "NOT IN (SELECT id FROM versions WHERE page_id = ?1 " \
	    "ORDER BY id DESC LIMIT ?2)") \
	X(S_KEY_READ, "SELECT EXISTS (SELECT 1 FROM marks WHERE key = ?1 " \
	    "AND read) OR EXISTS (SELECT 1 FROM pages p JOIN stories s " \
	    "ON s.id = p.story_id WHERE p.item_key = ?1 AND s.read)") \
	X(S_KEY_MARK, "INSERT INTO marks(key, read, changed) " \
	    "VALUES (?1, 1, ?2) ON CONFLICT(key) DO UPDATE SET read = 1, " \
	    "changed = ?2") \
	X(S_KEY_MARK_STORIES, "UPDATE stories SET read = 1, changed = ?2 " \
	    "WHERE id IN (SELECT story_id FROM pages WHERE item_key = ?1)") \
	X(S_SET_READ, "UPDATE stories SET read = ?2, changed = ?3 " \
	    "WHERE id = ?1") \
	X(S_SET_STARRED, "UPDATE stories SET starred = ?2, changed = ?3 " \
	    "WHERE id = ?1") \
	X(S_MIRROR_READ, "INSERT INTO marks(key, read, changed) " \
	    "SELECT item_key, ?2, ?3 FROM pages WHERE story_id = ?1 AND " \
	    "item_key IS NOT NULL ON CONFLICT(key) DO UPDATE SET " \
	    "read = excluded.read, changed = excluded.changed") \
	X(S_MIRROR_STAR, "INSERT INTO marks(key, starred, changed) " \
	    "SELECT item_key, ?2, ?3 FROM pages WHERE story_id = ?1 AND " \
	    "item_key IS NOT NULL ON CONFLICT(key) DO UPDATE SET " \
	    "starred = excluded.starred, changed = excluded.changed") \
	X(S_META_GET, "SELECT value FROM meta WHERE key = ?1") \
	X(S_META_SET, "INSERT OR REPLACE INTO meta(key, value) " \
	    "VALUES (?1, ?2)") \
	X(S_MARK_IMPORT, "INSERT INTO marks(key, read, starred, changed) " \
	    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(key) DO UPDATE SET " \
	    "read = max(read, excluded.read), " \
	    "starred = max(starred, excluded.starred)")

#define STORE_STMT_ENUM(e, sql) e,
enum stmt {
	STORE_STATEMENTS(STORE_STMT_ENUM)
	S_COUNT
};
#undef STORE_STMT_ENUM

#define STORE_STMT_SQL(e, sql) sql,
static const char *const stmt_sql[] = {
	STORE_STATEMENTS(STORE_STMT_SQL)
};
#undef STORE_STMT_SQL

_Static_assert(S_COUNT <= sizeof ((struct store *)0)->stmts /
    sizeof (sqlite3_stmt *), "room for every statement");

/* --- errors ------------------------------------------------------------ */

void
store_warn(struct store *st, const char *fmt, ...)
{
	va_list ap;
	char *m;

	if (st->warning != NULL)
		return;		/* the first trouble says most */
	va_start(ap, fmt);
	m = xvasprintf(fmt, ap);
	va_end(ap);
	st->warning = text_sanitize(m, strlen(m), TEXT_ONELINE);
	free(m);
}

char *
store_take_warning(struct store *st)
{
	char *w;

	if (st == NULL)
		return NULL;
	w = st->warning;
	st->warning = NULL;
	return w;
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

int
store_rc_damaged(int rc)
{
	rc &= 0xff;
	return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
}

/* What a failed call means: a damaged file is set aside at once (and a
 * fresh store started); a write that cannot be done stops the writing. */
void
store_fail(struct store *st, int rc, const char *what)
{
	if (store_rc_damaged(rc)) {
		store_recover(st, sqlite3_errstr(rc));
		return;
	}
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
		store_warn(st, "%s: busy (another reader held it for %d ms); "
		    "%s was not stored", st->path, STORE_BUSY_MS, what);
		return;
	}
	st->readonly = 1;
	store_warn(st, "cannot write the store %s (%s): reading goes on "
	    "without storing", st->path, sqlite3_errstr(rc));
}

/* --- statements ------------------------------------------------------- */

sqlite3_stmt *
store_stmt(struct store *st, int which)
{
	sqlite3_stmt *s = st->stmts[which];

	if (s == NULL) {
		if (sqlite3_prepare_v3(st->db, stmt_sql[which], -1,
		    SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK)
			return NULL;
		st->stmts[which] = s;
	}
	return s;
}

static void
done(sqlite3_stmt *s)
{
	if (s != NULL) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
	}
}

static void
bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

/* Run a statement that returns no rows; the result code. */
static int
run(struct store *st, int which, const char *fmt, ...)
{
	sqlite3_stmt *s = store_stmt(st, which);
	va_list ap;
	int i, rc;

	if (s == NULL)
		return sqlite3_errcode(st->db) != SQLITE_OK ?
		    sqlite3_errcode(st->db) : SQLITE_ERROR;
	va_start(ap, fmt);
	/* t: text, i: int64, n: null (its int64 argument skipped) */
	for (i = 0; fmt[i] != '\0'; i++)
		switch (fmt[i]) {
		case 't':
			bind_text(s, i + 1, va_arg(ap, const char *));
			break;
		case 'i':
			sqlite3_bind_int64(s, i + 1, va_arg(ap, long long));
			break;
		default:
			(void)va_arg(ap, long long);
			sqlite3_bind_null(s, i + 1);
			break;
		}
	va_end(ap);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	done(s);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* --- opening -------------------------------------------------------- */

static char *
data_dir(void)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/reader", xdg);
	if (home != NULL && home[0] == '/')
		return xasprintf("%s/.local/share/reader", home);
	return NULL;
}

char *
store_default_path(void)
{
	char *dir = data_dir(), *p;

	if (dir == NULL)
		return NULL;
	p = xasprintf("%s/stories.db", dir);
	free(dir);
	return p;
}

/* mkdir -p for the directory of path, 0700 for what it makes. */
static int
make_parents(const char *path)
{
	char *d = xstrdup(path), *p;
	int r = 0;

	for (p = d + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(d, 0700) == -1 && errno != EEXIST)
			r = -1;
		*p = '/';
		if (r == -1)
			break;
	}
	free(d);
	return r;
}

static int
exec_sql(struct store *st, const char *sql)
{
	return sqlite3_exec(st->db, sql, NULL, NULL, NULL);
}

static int
pragma_int(struct store *st, const char *sql, long long *out)
{
	sqlite3_stmt *s;
	int rc;

	if ((rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL)) != SQLITE_OK)
		return rc;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(s, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

static int
check_budget(void *arg)
{
	const struct timespec *end = arg;
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec > end->tv_sec || (now.tv_sec == end->tv_sec &&
	    now.tv_nsec > end->tv_nsec);
}

/* PRAGMA quick_check, given at most ms: SQLITE_OK when fine or not
 * finished in time (*finished says which), else the result code or
 * SQLITE_CORRUPT. */
static int
quick_check(struct store *st, int ms, int *finished)
{
	struct timespec end;
	sqlite3_stmt *s;
	int rc, bad = 0;

	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_nsec += (long)ms * 1000000L;
	end.tv_sec += end.tv_nsec / 1000000000L;
	end.tv_nsec %= 1000000000L;
	if ((rc = sqlite3_prepare_v2(st->db, "PRAGMA quick_check", -1, &s,
	    NULL)) != SQLITE_OK)
		return rc;
	*finished = 0;
	sqlite3_progress_handler(st->db, 1000, check_budget, &end);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(s, 0);

		if (r == NULL || strcmp(r, "ok") != 0)
			bad = 1;
	}
	sqlite3_progress_handler(st->db, 0, NULL, NULL);
	sqlite3_finalize(s);
	if (rc == SQLITE_INTERRUPT)
		return SQLITE_OK;	/* out of time: trust it */
	if (bad)
		return SQLITE_CORRUPT;
	*finished = rc == SQLITE_DONE;
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/*
 * Whether opening should check the whole file: when the last whole check
 * is a week old. Otherwise damage is found by the first statement that
 * meets it; a check at every start would cost up to STORE_CHECK_MS each
 * time, and a crash needs none (SQLite replays its WAL).
 */
static int
check_due(struct store *st)
{
	sqlite3_stmt *s;
	long long last = 0;

	if ((s = store_stmt(st, S_META_GET)) == NULL)
		return 1;
	sqlite3_bind_text(s, 1, "checked", -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		last = sqlite3_column_int64(s, 0);
	done(s);
	return last < (long long)time(NULL) - STORE_CHECK_EVERY;
}

/* Bring the store to STORE_VERSION inside one write transaction (two
 * readers starting at once: the second finds the work done). */
static int
migrate(struct store *st)
{
	long long v;
	char sql[64];
	int rc;

	if ((rc = exec_sql(st, "BEGIN IMMEDIATE")) != SQLITE_OK)
		return rc;
	if ((rc = pragma_int(st, "PRAGMA user_version", &v)) != SQLITE_OK)
		goto fail;
	for (; v < STORE_VERSION; v++)
		if ((rc = exec_sql(st, store_migration((int)v))) != SQLITE_OK)
			goto fail;
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", STORE_VERSION);
	if ((rc = exec_sql(st, sql)) != SQLITE_OK ||
	    (rc = exec_sql(st, "COMMIT")) != SQLITE_OK)
		goto fail;
	return SQLITE_OK;
fail:
	exec_sql(st, "ROLLBACK");
	return rc;
}

enum open_result {
	OPEN_OK,
	OPEN_DAMAGED,
	OPEN_NEWER,
	OPEN_UNWRITABLE,
};

static enum open_result
open_db(struct store *st, char **why)
{
	long long v = 0, tables = 0;
	int rc, finished;

	rc = sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		goto fail;
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	sqlite3_extended_result_codes(st->db, 1);
	/* No checkpoint at exit: it syncs the file twice, some 20 ms of a
	 * --dump. The WAL stays for the next reader, and is checkpointed
	 * when it passes 1,000 pages, by the commit that finds it so. */
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	if ((rc = pragma_int(st, "PRAGMA user_version", &v)) != SQLITE_OK)
		goto fail;
	if (v > STORE_VERSION) {
		*why = xasprintf("%s is from a newer reader (schema %lld; "
		    "this one knows %d): left alone, reading goes on without "
		    "storing", st->path, v, STORE_VERSION);
		return OPEN_NEWER;
	}
	if ((rc = pragma_int(st, "SELECT count(*) FROM sqlite_schema",
	    &tables)) != SQLITE_OK)
		goto fail;
	if (v == 0 && tables > 0) {
		*why = xstrdup("not a reader store (tables of another "
		    "program)");
		return OPEN_DAMAGED;
	}
	/* Before the first table: free pages that can be given back. The
	 * page size stays SQLite's 4 KB: each story written dirties some 15
	 * pages (its rows, their indexes, a new index segment), and larger
	 * pages, though they pack 3 KB stories better, multiply what each
	 * commit writes (doc/store.md). */
	if (tables == 0 && (rc = exec_sql(st,
	    "PRAGMA auto_vacuum = INCREMENTAL")) != SQLITE_OK)
		goto fail;
	if ((rc = exec_sql(st, "PRAGMA journal_mode = WAL")) != SQLITE_OK ||
	    (rc = exec_sql(st, "PRAGMA synchronous = NORMAL")) != SQLITE_OK ||
	    (rc = exec_sql(st, "PRAGMA journal_size_limit = 4194304")) !=
	    SQLITE_OK ||
	    (rc = exec_sql(st, "PRAGMA foreign_keys = ON")) != SQLITE_OK ||
	    (rc = exec_sql(st, "PRAGMA cache_size = -8192")) != SQLITE_OK)
		goto fail;
	if (v < STORE_VERSION && (rc = migrate(st)) != SQLITE_OK)
		goto fail;
	if (check_due(st)) {
		if ((rc = quick_check(st, STORE_CHECK_MS, &finished)) !=
		    SQLITE_OK)
			goto fail;
		if (finished) {
			char now[32];

			snprintf(now, sizeof now, "%lld",
			    (long long)time(NULL));
			run(st, S_META_SET, "tt", "checked", now);
		}
	}
	return OPEN_OK;
fail:
	if (store_rc_damaged(rc)) {
		*why = xstrdup(sqlite3_errstr(rc));
		return OPEN_DAMAGED;
	}
	*why = xasprintf("cannot open the store %s (%s): reading goes on "
	    "without storing", st->path, sqlite3_errstr(rc));
	return OPEN_UNWRITABLE;
}

static void
close_db(struct store *st)
{
	size_t i;

	for (i = 0; i < S_COUNT; i++) {
		sqlite3_finalize(st->stmts[i]);
		st->stmts[i] = NULL;
	}
	sqlite3_finalize(st->load);
	st->load = NULL;
	sqlite3_close(st->db);
	st->db = NULL;
}

void
store_restore_marks(struct store *st)
{
	size_t i;
	int rc;

	if (st->nsaved == 0 || run(st, S_BEGIN, "") != SQLITE_OK)
		return;
	for (i = 0, rc = SQLITE_OK; i < st->nsaved && rc == SQLITE_OK; i++)
		rc = run(st, S_MARK_IMPORT, "tiii", st->saved[i].key,
		    (long long)st->saved[i].read,
		    (long long)st->saved[i].starred, (long long)time(NULL));
	if (rc != SQLITE_OK || run(st, S_COMMIT, "") != SQLITE_OK)
		run(st, S_ROLLBACK, "");
	store_marks_free(st);
}

void
store_recover(struct store *st, const char *why)
{
	char *w = NULL;

	close_db(st);
	if (store_set_aside(st, why) == 0 && open_db(st, &w) == OPEN_OK)
		store_restore_marks(st);
	else {
		close_db(st);
		st->readonly = 1;
		store_warn(st, "%s is damaged (%s) and could not be set "
		    "aside: reading goes on without storing", st->path, why);
	}
	free(w);
}

static void
import_old_mark(const char *hash, void *arg)
{
	struct store *st = arg;

	run(st, S_MARK_IMPORT, "tiii", hash, 1LL, 0LL, (long long)time(NULL));
}

/* The cache's read file, once: then it is left alone. */
static void
import_old_marks(struct store *st)
{
	sqlite3_stmt *s = store_stmt(st, S_META_GET);
	int have = 0;

	if (s == NULL)
		return;
	sqlite3_bind_text(s, 1, "marks_imported", -1, SQLITE_STATIC);
	have = sqlite3_step(s) == SQLITE_ROW;
	done(s);
	if (have || run(st, S_BEGIN, "") != SQLITE_OK)
		return;
	cache_old_read_marks(import_old_mark, st);
	if (run(st, S_META_SET, "tt", "marks_imported", "1") != SQLITE_OK ||
	    run(st, S_COMMIT, "") != SQLITE_OK)
		run(st, S_ROLLBACK, "");
}

struct store *
store_open(const char *path, char **warn, int *refused)
{
	struct store *st;
	char *why = NULL;
	enum open_result r;

	*warn = NULL;
	if (refused != NULL)
		*refused = 0;
	st = xcalloc(1, sizeof *st);
	st->path = path != NULL ? xstrdup(path) : store_default_path();
	if (st->path == NULL) {
		/* No home, no place for a store (as for the cache): not
		 * worth a line at every run. */
		free(st);
		return NULL;
	}
	if (make_parents(st->path) == -1) {
		*warn = xasprintf("cannot make the directory of %s (%s): "
		    "reading goes on without storing", st->path,
		    strerror(errno));
		goto fail;
	}
	r = open_db(st, &why);
	if (r == OPEN_DAMAGED) {
		close_db(st);
		if (store_set_aside(st, why) == -1) {
			char *m = xasprintf("%s is damaged (%s) and cannot be "
			    "set aside (%s): reading goes on without storing",
			    st->path, why, strerror(errno));

			free(why);
			why = m;
			r = OPEN_UNWRITABLE;
		} else {
			free(why);
			why = NULL;
			r = open_db(st, &why);
			if (r == OPEN_OK)
				store_restore_marks(st);
		}
	}
	if (r != OPEN_OK) {
		if (r == OPEN_NEWER && refused != NULL)
			*refused = 1;
		*warn = why != NULL ? why : xstrdup("store: cannot open");
		goto fail;
	}
	free(why);
	import_old_marks(st);
	*warn = store_take_warning(st);
	return st;
fail:
	close_db(st);
	store_marks_free(st);
	free(st->warning);
	free(st->path);
	free(st);
	return NULL;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	/* No PRAGMA optimize: its statistics table would put a page of the
	 * schema at the end of the file, where truncation takes it. */
	close_db(st);
	store_marks_free(st);
	free(st->warning);
	free(st->path);
	free(st);
}

/* --- storing ---------------------------------------------------------- */

static long long
last_id(struct store *st)
{
	return (long long)sqlite3_last_insert_rowid(st->db);
}

/* A new text for page (of story): indexed in place of the old. */
static int
put_version(struct store *st, long long page, long long story,
    const struct story *s, const char *hash, time_t now)
{
	struct store_packed pk;
	struct buf names = { 0 };
	sqlite3_stmt *v;
	long long date = s->has_published ? (long long)s->published :
	    (long long)now, vid;
	int rc;

	if ((rc = run(st, S_UNINDEX, "i", page)) != SQLITE_OK)
		return rc;
	if ((v = store_stmt(st, S_VERSION_ADD)) == NULL)
		return sqlite3_errcode(st->db);
	store_pack(s, &pk);
	sqlite3_bind_int64(v, 1, page);
	sqlite3_bind_int64(v, 2, (long long)now);
	bind_text(v, 3, hash);
	sqlite3_bind_int64(v, 4, (long long)(strlen(s->headline) +
	    (s->byline != NULL ? strlen(s->byline) : 0) + pk.body.len));
	bind_text(v, 5, s->headline);
	bind_text(v, 6, s->byline);
	bind_text(v, 7, pk.body.data);
	bind_text(v, 8, pk.lengths.data);
	bind_text(v, 9, pk.kinds.data);
	bind_text(v, 10, pk.entities.data);
	if (s->has_published)
		sqlite3_bind_int64(v, 11, (long long)s->published);
	bind_text(v, 12, s->published_text);
	bind_text(v, 13, s->dateline_place);
	bind_text(v, 14, s->dateline_agency);
	bind_text(v, 15, s->dateline_date);
	sqlite3_bind_int64(v, 16, (long long)s->dateline_para);
	bind_text(v, 17, s->credits);
	bind_text(v, 18, s->url);
	store_names_text(s, &names);
	bind_text(v, 19, names.data != NULL ? names.data : "");
	rc = sqlite3_step(v);
	done(v);
	store_packed_free(&pk);
	buf_free(&names);
	if (rc != SQLITE_DONE)
		return rc;
	vid = last_id(st);
	if ((rc = run(st, S_STORY_SHOW, "iiit", story, vid, date,
	    s->headline)) != SQLITE_OK)
		return rc;
	return run(st, S_VERSION_TRIM, "ii", page,
	    (long long)STORE_MAX_VERSIONS);
}

static int
feed_id(struct store *st, const struct store_origin *o, long long *id)
{
	sqlite3_stmt *s;
	int rc;

	*id = 0;
	if (o == NULL || o->feed_url == NULL)
		return SQLITE_OK;
	if ((rc = run(st, S_FEED_PUT, "tt", o->feed_url, o->feed_name)) !=
	    SQLITE_OK || (s = store_stmt(st, S_FEED_ID)) == NULL)
		return rc != SQLITE_OK ? rc : sqlite3_errcode(st->db);
	bind_text(s, 1, o->feed_url);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		rc = SQLITE_OK;
	}
	done(s);
	return rc;
}

/* The read and starred marks waiting for a page under these keys. */
static void
waiting_marks(struct store *st, const char *k1, const char *k2, int *read,
    int *starred)
{
	sqlite3_stmt *s = store_stmt(st, S_MARK_GET);

	*read = *starred = 0;
	if (s == NULL)
		return;
	bind_text(s, 1, k1);
	bind_text(s, 2, k2);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*read = sqlite3_column_int(s, 0);
		*starred = sqlite3_column_int(s, 1);
	}
	done(s);
}

static int
put_new(struct store *st, struct story *s, long long fid,
    const char *item_hash, const char *hash, time_t now)
{
	char src_hash[33];
	long long story, page;
	int read, starred, rc;

	cache_key(s->source, src_hash);
	waiting_marks(st, item_hash, src_hash, &read, &starred);
	if ((rc = run(st, S_STORY_ADD, "iiii", s->has_published ?
	    (long long)s->published : (long long)now, (long long)now,
	    (long long)read, (long long)starred)) != SQLITE_OK)
		return rc;
	story = last_id(st);
	rc = run(st, S_PAGE_ADD, fid > 0 ? "ittiti" : "ittnti", story,
	    s->source, s->url, fid, item_hash, (long long)now);
	if (rc != SQLITE_OK)
		return rc;
	page = last_id(st);
	if ((rc = put_version(st, page, story, s, hash, now)) != SQLITE_OK)
		return rc;
	s->store_id = story;
	s->read = read;
	s->starred = starred;
	return SQLITE_OK;
}

static int
put_story(struct store *st, struct story *s, const struct store_origin *o,
    time_t now)
{
	sqlite3_stmt *f;
	char hash[17], item_hash[33];
	const char *ih = NULL;
	long long fid, page = 0, story = 0;
	int rc, same = 0;

	store_text_hash(s, hash);
	if (o != NULL && o->item_key != NULL) {
		cache_key(o->item_key, item_hash);
		ih = item_hash;
	}
	if ((rc = feed_id(st, o, &fid)) != SQLITE_OK ||
	    (f = store_stmt(st, S_PAGE_FIND)) == NULL)
		return rc != SQLITE_OK ? rc : sqlite3_errcode(st->db);
	bind_text(f, 1, s->source);
	if ((rc = sqlite3_step(f)) == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(f, 3);

		page = sqlite3_column_int64(f, 0);
		story = sqlite3_column_int64(f, 1);
		same = h != NULL && strcmp(h, hash) == 0;
	}
	done(f);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return rc;
	if (page == 0)
		return put_new(st, s, fid, ih, hash, now);
	rc = run(st, S_PAGE_SEEN, fid > 0 ? "iiit" : "iint", page,
	    (long long)now, fid, ih);
	if (rc == SQLITE_OK && !same)
		rc = put_version(st, page, story, s, hash, now);
	if (rc != SQLITE_OK)
		return rc;
	s->store_id = story;
	if ((f = store_stmt(st, S_STORY_STATE)) != NULL) {
		sqlite3_bind_int64(f, 1, story);
		if (sqlite3_step(f) == SQLITE_ROW) {
			s->read = sqlite3_column_int(f, 0);
			s->starred = sqlite3_column_int(f, 1);
		}
		done(f);
	}
	return SQLITE_OK;
}

int
store_put(struct store *st, struct story *s, const struct store_origin *o)
{
	char *abs = NULL, *given;
	int rc;

	if (st == NULL || st->db == NULL || st->readonly ||
	    story_is_empty(s) || strcmp(s->source, "-") == 0)
		return -1;
	/* A file is known by its absolute path, wherever it was opened. */
	given = s->source;
	if (!fetch_is_url(s->source) && (abs = realpath(s->source, NULL)) !=
	    NULL)
		s->source = abs;
	if (!st->in_batch && (rc = run(st, S_BEGIN, "")) != SQLITE_OK) {
		s->source = given;
		free(abs);
		store_fail(st, rc, "a story");
		return -1;
	}
	rc = put_story(st, s, o, time(NULL));
	s->source = given;
	free(abs);
	if (rc == SQLITE_OK && st->batch && ++st->in_batch < STORE_BATCH)
		;	/* committed later */
	else if (rc == SQLITE_OK) {
		rc = run(st, S_COMMIT, "");
		st->in_batch = 0;
	}
	if (rc != SQLITE_OK) {
		/* A batch loses the stories not yet committed: a warning
		 * says so, and the next batch starts afresh. */
		run(st, S_ROLLBACK, "");
		st->in_batch = 0;
		s->store_id = 0;
		store_fail(st, rc, "a story");
		return -1;
	}
	s->fetched = time(NULL);
	return 0;
}

void
store_batch_begin(struct store *st)
{
	if (st != NULL)
		st->batch = 1;
}

void
store_batch_end(struct store *st)
{
	int rc;

	if (st == NULL)
		return;
	st->batch = 0;
	if (st->in_batch > 0 && st->db != NULL) {
		st->in_batch = 0;
		if ((rc = run(st, S_COMMIT, "")) != SQLITE_OK) {
			run(st, S_ROLLBACK, "");
			store_fail(st, rc, "stories");
		}
	}
}

void
store_feed_fetched(struct store *st, const char *url, const char *name,
    const char *error)
{
	int rc;

	if (st == NULL || st->db == NULL || st->readonly || st->in_batch)
		return;
	if ((rc = run(st, S_FEED_FETCHED, "ttit", url, name,
	    (long long)time(NULL), error)) != SQLITE_OK)
		store_fail(st, rc, "a feed's fetch");
}

/* --- marks ------------------------------------------------------------ */

int
store_key_is_read(struct store *st, const char *key)
{
	sqlite3_stmt *s;
	char h[33];
	int r = 0;

	if (st == NULL || st->db == NULL ||
	    (s = store_stmt(st, S_KEY_READ)) == NULL)
		return 0;
	cache_key(key, h);
	bind_text(s, 1, h);
	if (sqlite3_step(s) == SQLITE_ROW)
		r = sqlite3_column_int(s, 0);
	else if (store_rc_damaged(sqlite3_errcode(st->db))) {
		done(s);
		store_fail(st, sqlite3_errcode(st->db), "a read mark");
		return 0;
	}
	done(s);
	return r;
}

/* One change of marks, in one transaction of two statements. */
static int
change_marks(struct store *st, int a, const char *afmt, int b,
    const char *bfmt, const char *key, long long id, long long v)
{
	long long now = (long long)time(NULL);
	int rc;

	if (st == NULL || st->db == NULL || st->readonly)
		return -1;
	if (st->in_batch > 0) {	/* what a batch holds is kept first */
		store_batch_end(st);
		st->batch = 1;
	}
	if ((rc = run(st, S_BEGIN, "")) == SQLITE_OK) {
		if (key != NULL)
			rc = run(st, a, afmt, key, now);
		else
			rc = run(st, a, afmt, id, v, now);
		if (rc == SQLITE_OK)
			rc = key != NULL ? run(st, b, bfmt, key, now) :
			    run(st, b, bfmt, id, v, now);
		if (rc == SQLITE_OK)
			rc = run(st, S_COMMIT, "");
		if (rc != SQLITE_OK)
			run(st, S_ROLLBACK, "");
	}
	if (rc != SQLITE_OK) {
		store_fail(st, rc, "a mark");
		return -1;
	}
	return 0;
}

void
store_key_mark_read(struct store *st, const char *key)
{
	char h[33];

	cache_key(key, h);
	change_marks(st, S_KEY_MARK, "ti", S_KEY_MARK_STORIES, "ti", h, 0, 0);
}

int
store_set_read(struct store *st, int64_t id, int read)
{
	return change_marks(st, S_SET_READ, "iii", S_MIRROR_READ, "iii",
	    NULL, (long long)id, read != 0);
}

int
store_set_starred(struct store *st, int64_t id, int starred)
{
	return change_marks(st, S_SET_STARRED, "iii", S_MIRROR_STAR, "iii",
	    NULL, (long long)id, starred != 0);
}

int
store_is_starred(struct store *st, int64_t id)
{
	sqlite3_stmt *s;
	int r = -1;

	if (st == NULL || st->db == NULL ||
	    (s = store_stmt(st, S_STORY_STATE)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, (long long)id);
	if (sqlite3_step(s) == SQLITE_ROW)
		r = sqlite3_column_int(s, 1);
	done(s);
	return r;
}
