/* store_recover: a damaged store file set aside, its marks kept. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "cache.h"
#include "store.h"
#include "store_int.h"
#include "util.h"

static void
keep_mark(struct store *st, const char *key, int read, int starred)
{
	struct store_mark *m;

	if (key == NULL || (!read && !starred))
		return;
	st->saved = xreallocarray(st->saved, st->nsaved + 1,
	    sizeof *st->saved);
	m = &st->saved[st->nsaved++];
	m->key = xstrdup(key);
	m->read = read != 0;
	m->starred = starred != 0;
}

/*
 * Rows as long as SQLite can read them. A damaged page ends a scan, so
 * each scan goes in the order of its table's key and starts again past
 * the last row read, skipping a little further each time. No joins or
 * indexes: each is one more page that may be lost.
 */
#define SALVAGE_RESTARTS	4096

/* The marks table, by key (32 hex digits). */
static void
salvage_marks(struct store *st, sqlite3 *db)
{
	sqlite3_stmt *s;
	char last[40] = "";
	int restarts, rc;

	if (sqlite3_prepare_v2(db, "SELECT key, read, starred FROM marks "
	    "WHERE key > ?1 ORDER BY key", -1, &s, NULL) != SQLITE_OK)
		return;
	for (restarts = 0; restarts < SALVAGE_RESTARTS; restarts++) {
		size_t n;

		sqlite3_bind_text(s, 1, last, -1, SQLITE_TRANSIENT);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			const char *k = (const char *)sqlite3_column_text(s, 0);

			if (k == NULL || strlen(k) != 32)
				continue;
			keep_mark(st, k, sqlite3_column_int(s, 1),
			    sqlite3_column_int(s, 2));
			snprintf(last, sizeof last, "%s", k);
		}
		sqlite3_reset(s);
		if (rc == SQLITE_DONE)
			break;
		/* Past the damage: the next prefix of three digits. */
		n = strlen(last) < 3 ? strlen(last) : 3;
		if (n == 0)
			snprintf(last, sizeof last, "000");
		while (n > 0 && last[n - 1] == 'f')
			n--;
		if (n == 0 && last[0] != '0')
			break;
		if (n > 0) {
			last[n - 1] = last[n - 1] == '9' ? 'a' :
			    (char)(last[n - 1] + 1);
			last[n] = '\0';
		}
	}
	sqlite3_finalize(s);
}

/* The pages by id, each with its story's marks. */
static void
salvage_pages(struct store *st, sqlite3 *db)
{
	sqlite3_stmt *p, *s;
	long long last = 0;
	int restarts, rc;

	if (sqlite3_prepare_v2(db, "SELECT id, story_id, item_key, source "
	    "FROM pages WHERE id > ?1 ORDER BY id", -1, &p, NULL) !=
	    SQLITE_OK)
		return;
	if (sqlite3_prepare_v2(db, "SELECT read, starred FROM stories "
	    "WHERE id = ?1", -1, &s, NULL) != SQLITE_OK) {
		sqlite3_finalize(p);
		return;
	}
	for (restarts = 0; restarts < SALVAGE_RESTARTS; restarts++) {
		sqlite3_bind_int64(p, 1, last);
		while ((rc = sqlite3_step(p)) == SQLITE_ROW) {
			const char *k = (const char *)sqlite3_column_text(p, 2);
			const char *src = (const char *)
			    sqlite3_column_text(p, 3);
			int read = 0, starred = 0;
			char h[33];

			last = sqlite3_column_int64(p, 0);
			sqlite3_bind_int64(s, 1, sqlite3_column_int64(p, 1));
			if (sqlite3_step(s) == SQLITE_ROW) {
				read = sqlite3_column_int(s, 0);
				starred = sqlite3_column_int(s, 1);
			}
			sqlite3_reset(s);
			if (k != NULL && strlen(k) == 32)
				keep_mark(st, k, read, starred);
			if (src != NULL) {
				cache_key(src, h);
				keep_mark(st, h, read, starred);
			}
		}
		sqlite3_reset(p);
		if (rc == SQLITE_DONE)
			break;
		last += 16;
	}
	sqlite3_finalize(s);
	sqlite3_finalize(p);
}

/* The read marks and stars still legible in the damaged file. */
static void
salvage(struct store *st)
{
	sqlite3 *db = NULL;

	/* writable_schema lets SQLite read a file shorter than its header
	 * says (truncated); nothing is written through this connection. */
	if (sqlite3_open_v2(st->path, &db, SQLITE_OPEN_READONLY, NULL) ==
	    SQLITE_OK && sqlite3_exec(db, "PRAGMA writable_schema = ON", NULL,
	    NULL, NULL) == SQLITE_OK) {
		salvage_marks(st, db);
		salvage_pages(st, db);
	}
	sqlite3_close(db);
}

static int
move_aside(const char *from, const char *to)
{
	if (rename(from, to) == 0 || errno == ENOENT)
		return 0;
	return -1;
}

int
store_set_aside(struct store *st, const char *why)
{
	char date[32], *to = NULL, *from_wal, *to_wal, *shm;
	time_t now = time(NULL);
	struct tm tm;
	int i, r = -1;

	salvage(st);
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%Y%m%d-%H%M%S", &tm);
	for (i = 0; i < 100; i++) {
		free(to);
		to = i == 0 ? xasprintf("%s.broken-%s", st->path, date) :
		    xasprintf("%s.broken-%s.%d", st->path, date, i);
		if (access(to, F_OK) == -1)
			break;
	}
	from_wal = xasprintf("%s-wal", st->path);
	to_wal = xasprintf("%s-wal", to);
	shm = xasprintf("%s-shm", st->path);
	if (rename(st->path, to) == 0) {
		r = 0;
		move_aside(from_wal, to_wal);
		unlink(shm);
		store_warn(st, "%s was damaged (%s): set aside as %s, and a "
		    "new store started (%zu read marks and stars kept)",
		    st->path, why, to, st->nsaved);
	}
	free(from_wal);
	free(to_wal);
	free(shm);
	free(to);
	return r;
}

void
store_marks_free(struct store *st)
{
	size_t i;

	for (i = 0; i < st->nsaved; i++)
		free(st->saved[i].key);
	free(st->saved);
	st->saved = NULL;
	st->nsaved = 0;
}
