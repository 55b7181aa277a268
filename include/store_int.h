/*
 * store_int: what the store's files (store.c: opening, storing, marks;
 * store_row.c: a story as a row and back; store_schema.c: the tables;
 * store_search.c: search, figures, retention; store_recover.c: a damaged
 * file set aside) share. No other module includes it.
 */
#ifndef READER_STORE_INT_H
#define READER_STORE_INT_H

#include <sqlite3.h>

#include "util.h"

struct story;

struct store_mark {
	char	*key;		/* a key hash */
	int	 read;
	int	 starred;
};

struct store {
	sqlite3			*db;
	char			*path;
	sqlite3_stmt		*stmts[40];	/* by enum stmt, made lazily */
	sqlite3_stmt		*load;		/* store_load's */
	int			 readonly;	/* a write failed: reads only */
	int			 batch;		/* in store_batch_begin */
	int			 in_batch;	/* stories in the open batch */
	char			*warning;	/* for store_take_warning */
	struct store_mark	*saved;		/* marks read from a damaged */
	size_t			 nsaved;	/* file, for the fresh one */
};

sqlite3_stmt	*store_stmt(struct store *, int which);
/* Keep the first warning since the last store_take_warning. */
void		 store_warn(struct store *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
void		 store_fail(struct store *, int rc, const char *what);
int		 store_rc_damaged(int rc);
/* How paragraphs' kinds and entities' types are kept: a letter each,
 * in the order of their enums. */
#define STORE_KIND_LETTERS	"phiqr"
#define STORE_TYPE_LETTERS	"PLO"

/* A story as the columns of its version row (store_row.c). */
struct store_packed {
	struct buf	body;		/* paragraphs joined by blank lines */
	struct buf	lengths;	/* their byte lengths, "120,34" */
	struct buf	kinds;		/* a letter each */
	struct buf	entities;	/* "Tpara,start,end;" each */
};
void	 store_pack(const struct story *, struct store_packed *);
void	 store_packed_free(struct store_packed *);
/* 64-bit FNV-1a of the headline and paragraphs, as 16 hex digits. */
void	 store_text_hash(const struct story *, char out[17]);
/* The text of the index's names column for the story. */
void	 store_names_text(const struct story *, struct buf *);

/* The SQL of migration from -> from + 1 (tests build old stores). */
const char	*store_migration(int from);

/* Read what marks a damaged file still gives, and rename it (and its
 * WAL) to PATH.broken-DATE. The connection is closed. 0, or -1 when it
 * could not be moved (the store is then not used). */
int	 store_set_aside(struct store *, const char *why);
void	 store_marks_free(struct store *);
/* Put the marks store_set_aside read into the fresh store (store.c). */
void	 store_restore_marks(struct store *);
/* Set aside and start afresh while running (a damaged page found). */
void	 store_recover(struct store *, const char *why);

#endif
