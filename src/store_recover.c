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

/* Rows as long as SQLite can read them: a damaged page ends the run. */
static void
salvage_rows(struct store *st, sqlite3 *db, const char *sql, int pages)
{
	sqlite3_stmt *s;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(s) == SQLITE_ROW) {
		int read = sqlite3_column_int(s, 2);
		int starred = sqlite3_column_int(s, 3);
		const char *k = (const char *)sqlite3_column_text(s, 0);

		if (k != NULL && strlen(k) == 32)
			keep_mark(st, k, read, starred);
		if (pages && sqlite3_column_text(s, 1) != NULL) {
			char h[33];

			cache_key((const char *)sqlite3_column_text(s, 1), h);
			keep_mark(st, h, read, starred);
		}
	}
	sqlite3_finalize(s);
}

/* The read marks and stars still legible in the damaged file. */
static void
salvage(struct store *st)
{
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(st->path, &db, SQLITE_OPEN_READONLY, NULL) ==
	    SQLITE_OK) {
		salvage_rows(st, db, "SELECT key, NULL, read, starred FROM "
		    "marks WHERE read OR starred", 0);
		salvage_rows(st, db, "SELECT p.item_key, p.source, s.read, "
		    "s.starred FROM pages p JOIN stories s ON "
		    "s.id = p.story_id WHERE s.read OR s.starred", 1);
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
