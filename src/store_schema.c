/* store_schema: the store's tables, as the migrations that make them. */
#include <stddef.h>

#include <sqlite3.h>

#include "store.h"
#include "store_int.h"

/*
 * The migrations: migrations[i] brings a store from version i to i + 1.
 * Never edit one that has shipped; add the next (tests/store_test.c
 * opens a store of every earlier version).
 */
static const char *const migrations[STORE_VERSION] = {
	/* 0 -> 1: the story store. A story has pages (copies of it, one
	 * URL or path each); a page has versions (its text over time); the
	 * story shows and indexes one version. */
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
	"CREATE TABLE feeds("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL UNIQUE,"
	"  name TEXT,"
	"  last_fetch INTEGER,"
	"  last_error TEXT);"
	"CREATE TABLE feed_tags("
	"  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	"  tag TEXT NOT NULL,"
	"  PRIMARY KEY(feed_id, tag)) WITHOUT ROWID;"
	"CREATE TABLE stories("
	"  id INTEGER PRIMARY KEY,"
	"  shown INTEGER,"
	"  date INTEGER NOT NULL,"
	"  first_seen INTEGER NOT NULL,"
	"  read INTEGER NOT NULL DEFAULT 0,"
	"  starred INTEGER NOT NULL DEFAULT 0,"
	"  changed INTEGER NOT NULL,"
	"  headline TEXT NOT NULL DEFAULT '');"
	"CREATE UNIQUE INDEX stories_shown ON stories(shown);"
	"CREATE INDEX stories_date ON stories(date);"
	"CREATE INDEX stories_seen ON stories(first_seen);"
	"CREATE TABLE pages("
	"  id INTEGER PRIMARY KEY,"
	"  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,"
	"  source TEXT NOT NULL UNIQUE,"
	"  canonical TEXT,"
	"  feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL,"
	"  item_key TEXT,"
	"  first_seen INTEGER NOT NULL,"
	"  fetched INTEGER NOT NULL,"
	"  sig BLOB);"
	"CREATE INDEX pages_story ON pages(story_id);"
	"CREATE INDEX pages_item ON pages(item_key);"
	"CREATE INDEX pages_feed ON pages(feed_id);"
	"CREATE TABLE versions("
	"  id INTEGER PRIMARY KEY,"
	"  page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,"
	"  fetched INTEGER NOT NULL,"
	"  hash TEXT NOT NULL,"
	"  indexed INTEGER NOT NULL DEFAULT 0,"
	"  bytes INTEGER NOT NULL,"
	"  headline TEXT NOT NULL,"
	"  byline TEXT,"
	"  body TEXT NOT NULL,"
	"  lengths TEXT NOT NULL,"
	"  kinds TEXT NOT NULL,"
	"  entities TEXT NOT NULL,"
	"  published INTEGER,"
	"  published_text TEXT,"
	"  dateline_place TEXT,"
	"  dateline_agency TEXT,"
	"  dateline_date TEXT,"
	"  dateline_para INTEGER,"
	"  credits TEXT,"
	"  url TEXT,"
	"  names TEXT NOT NULL DEFAULT '');"
	"CREATE INDEX versions_page ON versions(page_id);"
	/* Syndicated copies (copysig.h): a page's MinHash signature, and
	 * its LSH band keys indexed for the look-up of a new page's
	 * candidates. Filled by the copies work. */
	"CREATE TABLE signatures("
	"  band INTEGER NOT NULL,"
	"  page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,"
	"  PRIMARY KEY(band, page_id)) WITHOUT ROWID;"
	"CREATE INDEX signatures_page ON signatures(page_id);"
	"CREATE TABLE marks("
	"  key TEXT PRIMARY KEY,"
	"  read INTEGER NOT NULL DEFAULT 0,"
	"  starred INTEGER NOT NULL DEFAULT 0,"
	"  changed INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE VIRTUAL TABLE fts USING fts5(headline, byline, body, names,"
	"  content='versions', content_rowid='id',"
	"  tokenize='unicode61 remove_diacritics 2');"
			/* Fewer merges on each small write (a story at a time). */
	"INSERT INTO fts(fts, rank) VALUES ('automerge', 8);"
	"CREATE TRIGGER versions_ai AFTER INSERT ON versions WHEN new.indexed "
	"BEGIN INSERT INTO fts(rowid, headline, byline, body, names) "
	"  VALUES (new.id, new.headline, new.byline, new.body, new.names); END;"
	"CREATE TRIGGER versions_ad AFTER DELETE ON versions WHEN old.indexed "
	"BEGIN INSERT INTO fts(fts, rowid, headline, byline, body, names) "
	"  VALUES ('delete', old.id, old.headline, old.byline, old.body, "
	"  old.names); END;"
	"CREATE TRIGGER versions_unindex AFTER UPDATE OF indexed ON versions "
	"WHEN old.indexed AND NOT new.indexed "
	"BEGIN INSERT INTO fts(fts, rowid, headline, byline, body, names) "
	"  VALUES ('delete', old.id, old.headline, old.byline, old.body, "
	"  old.names); END;",
};

const char *
store_migration(int from)
{
	return from >= 0 && from < STORE_VERSION ? migrations[from] : NULL;
}

