/*
 * ui: the ncurses front end. Only the ui*.c files include curses; they
 * read the story model and never parse pages.
 *
 * Every screen (story view, list, names, help) is a struct screen of
 * operations in its own src/ui_NAME.c; ui.c keeps a stack of them and
 * hands keys to the top one. A screen never calls another: it asks ui.c
 * to push a new screen or to pop itself. Stepping between stories goes
 * through a struct nav owned by what holds the sequence. doc/screens.md
 * tells how to add a screen.
 */
#ifndef READER_UI_H
#define READER_UI_H

#include <stddef.h>

struct config;
struct list;
struct store;
struct story;

/* One story slot: a loaded story, or the error that stopped it. */
struct ui_item {
	char		*arg;		/* what the user named */
	struct story	*story;		/* or NULL */
	char		*error;		/* or NULL */
};

/* Run the reader over the items; returns when the user quits. Returns 0,
 * or -1 with *err (caller frees) when the terminal cannot be used. The
 * store (or NULL) keeps stars and is searched. */
int	 ui_run(struct ui_item *, size_t, const struct config *,
	    struct store *, char **err);
/* Run the story list over l (its sources already added), fetching
 * while keys keep working, with l's store; same returns as ui_run. */
int	 ui_run_list(struct list *, const struct config *, char **err);


/* --- shared by the ui*.c files ---------------------------------------- */

#ifdef READER_UI_INTERNAL

#include "config.h"

struct ui;
struct screen;

/* What a screen does; the NULL ones it does not need. */
struct screen_ops {
	/* Draw the body rows and the status line, from the screen's state
	 * alone (ui.c has erased the screen and refreshes after). */
	void	(*draw)(struct screen *, struct ui *);
	/* A key: a character, or a KEY_* code when fn is 1. */
	void	(*key)(struct screen *, struct ui *, int key, int fn);
	/* The mouse wheel: delta lines, negative up. */
	void	(*mouse)(struct screen *, struct ui *, int delta);
	/* The geometry in struct ui changed; draw follows. */
	void	(*resize)(struct screen *, struct ui *);
	/* The screen above was popped with this result (-1 for none). */
	void	(*resume)(struct screen *, struct ui *, long result);
	/* Between keys, for every screen on the stack: move background
	 * work on; returns 1 when the screen must be drawn again. */
	int	(*tick)(struct screen *, struct ui *);
	/* Free the screen and what it owns (not the nav it was given). */
	void	(*free)(struct screen *);
};

/* The first member of each screen's own struct. */
struct screen {
	const struct screen_ops	*ops;
};

/*
 * A sequence of stories that the story view steps through (J/K), owned
 * by what holds it: the list screen, or the files of the command line.
 * The story view knows nothing else of where its stories come from.
 */
struct nav;
struct nav_ops {
	/* The story at the current place: loaded, a placeholder, or an
	 * error. The pointer stays valid until the next step or until
	 * nav->gen changes. */
	const struct ui_item *(*current)(struct nav *);
	/* Its place (from 1) and the length, for the status line; 0 when
	 * there is no place worth showing. */
	int	(*position)(struct nav *, size_t *pos, size_t *count);
	/* Move by dir (+1 next, -1 previous); -1 at either end. */
	int	(*step)(struct nav *, int dir);
	/* What the sequence offers for the current story: UI_HELP_STEP,
	 * UI_HELP_BACK, UI_HELP_RELOAD, UI_HELP_LINK. The story view takes
	 * (and help lists) only those keys. */
	unsigned (*offers)(struct nav *);
	/* Fetch the current story again (when it offers UI_HELP_RELOAD). */
	void	(*reload)(struct nav *);
	/* The current story's page, for the browser (UI_HELP_LINK). */
	const char *(*link)(struct nav *);
};

struct nav {
	const struct nav_ops	*ops;
	unsigned		 gen;	/* changes when current()'s story is
					 * replaced in place (a page came) */
};

struct ui {
	const struct config	*cfg;
	struct store		*store;		/* or NULL; not owned */
	int			 utf8;		/* the terminal takes UTF-8 */
	int			 attrs[COLOR_COUNT];	/* curses attributes */
	char			*message;	/* for the status line */
	int			 message_error;
	int			 quit;		/* set by a screen: leave */
	char			*search;	/* the story views' last pattern */
	/* The screens, stack[depth - 1] on top; and the requests made by
	 * the screen handling a key, carried out after it returns. */
	struct screen		**stack;
	size_t			 depth;
	struct screen		*push;
	int			 pop;
	long			 pop_result;
	/* Geometry, from ui_layout(). */
	int			 rows;
	int			 cols;
	int			 body_rows;	/* rows 0 .. body_rows-1 */
	int			 text_left;	/* column of the text */
	int			 text_width;
	int			 too_small;
};

/* Requests: put s on top of the stack (ui.c takes it), or take off the
 * screen asking, handing result to the screen below (-1 for none). A
 * pop that leaves no screen quits. */
void	 ui_push(struct ui *, struct screen *);
void	 ui_pop(struct ui *, long result);
/* Is s the screen on top? */
int	 ui_on_top(const struct ui *, const struct screen *);

void	 ui_message(struct ui *, int error, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
/* Draw UTF-8 text clipped to cols columns at the cursor; returns the
 * columns used. Non-UTF-8 terminals get ASCII stand-ins. */
int	 ui_put(struct ui *, const char *, size_t, int cols, int attr);
/* The status line: right (a position) always whole, left in the room
 * that is left, ending in an ellipsis when cut. A message, while it
 * lasts, stands in for left; one too long for the line takes the rows
 * above it too. */
void	 ui_status(struct ui *, const char *left, const char *right);
/* The columns ui_status leaves for left beside right. */
int	 ui_status_room(const struct ui *, const char *right);
/* s in cols columns, its start cut to an ellipsis (caller frees). */
char	*ui_shorten_start(const char *, int cols);
/* Read a line on the status row; NULL when cancelled (caller frees). */
char	*ui_prompt(struct ui *, const char *prompt);
/* Where a scrolled text is, for the right of the status line: "All",
 * or "7-35/41 Top", "7-35/41 85%", "19-41/41 Bot". */
struct buf;
void	 ui_where(struct buf *, size_t top, size_t rows, size_t total);
/* The keys that move through a text, as less takes them (j, k, Space,
 * b, d, u, g, G and their synonyms): 1 with *to the new top line (not
 * yet clamped to 0 .. total), 0 for any other key. */
int	 ui_motion(const struct ui *, int key, int fn, long top, long total,
	    long *to);
/* Run $BROWSER on an http(s) url, handing it the terminal. */
void	 ui_open_browser(struct ui *, const char *url);

/* The screens' constructors (each in src/ui_NAME.c). */
/* The story view over a sequence (not owned). */
struct screen	*ui_story_new(struct ui *, struct nav *);
/* The list of l's stories (not owned). */
struct screen	*ui_list_new(struct ui *, struct list *);
/* The list of the stored stories query finds, over a list of its own;
 * q returns to the screen below. NULL, with a message, for a bad query,
 * no store, or no story found. */
struct screen	*ui_list_search_new(struct ui *, const char *query);
/* Star or unstar st in the store (1 starred, 0 not, -1 with a message
 * when it cannot be: not stored, no store). */
int	 ui_star(struct ui *, struct story *);
/* The people and places of st; pops with the entity index chosen.
 * NULL, with a message, when st has none. */
struct screen	*ui_names_new(struct ui *, const struct story *);
/* The keys of a context: UI_HELP_STORY or UI_HELP_LIST, and for the
 * story view what its sequence offers. */
enum {
	UI_HELP_STORY = 1 << 0,		/* the story view's keys */
	UI_HELP_LIST = 1 << 1,		/* the story list's keys */
	UI_HELP_STEP = 1 << 2,		/* J and K: more than one story */
	UI_HELP_BACK = 1 << 3,		/* h and q: a list to go back to */
	UI_HELP_RELOAD = 1 << 4,	/* r: the story can be reloaded */
	UI_HELP_LINK = 1 << 5,		/* o: the story has a page */
};
struct screen	*ui_help_new(struct ui *, unsigned what);

#endif /* READER_UI_INTERNAL */

#endif
