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
struct story;

/* One story slot: a loaded story, or the error that stopped it. */
struct ui_item {
	char		*arg;		/* what the user named */
	struct story	*story;		/* or NULL */
	char		*error;		/* or NULL */
};

/* Run the reader over the items; returns when the user quits. Returns 0,
 * or -1 with *err (caller frees) when the terminal cannot be used. */
int	 ui_run(struct ui_item *, size_t, const struct config *, char **err);
/* Run the story list over l (its sources already added), fetching
 * while keys keep working; same returns as ui_run. */
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
	/* Fetch the current story again: 1 when a reload started. NULL
	 * when the sequence has nothing that can be reloaded. */
	int	(*reload)(struct nav *);
	/* The current story's link for the browser, or NULL. NULL op when
	 * the sequence has no links. */
	const char *(*link)(struct nav *);
};

struct nav {
	const struct nav_ops	*ops;
	unsigned		 gen;	/* changes when current()'s story is
					 * replaced in place (a page came) */
	int			 back;	/* a list below to go back to (h) */
	int			 alone;	/* one story only: q quits */
};

struct ui {
	const struct config	*cfg;
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
void	 ui_status(struct ui *, const char *left, const char *right);
/* Read a line on the status row; NULL when cancelled (caller frees). */
char	*ui_prompt(struct ui *, const char *prompt);
/* Run $BROWSER on an http(s) url, handing it the terminal. */
void	 ui_open_browser(struct ui *, const char *url);

/* The screens' constructors (each in src/ui_NAME.c). */
/* The story view over a sequence (not owned). */
struct screen	*ui_story_new(struct ui *, struct nav *);
/* The list of l's stories (not owned). */
struct screen	*ui_list_new(struct ui *, struct list *);
/* The people and places of st; pops with the entity index chosen.
 * NULL, with a message, when st has none. */
struct screen	*ui_names_new(struct ui *, const struct story *);
/* Every key; any other key leaves. */
struct screen	*ui_help_new(struct ui *);

#endif /* READER_UI_INTERNAL */

#endif
