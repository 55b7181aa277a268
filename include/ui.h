/*
 * ui: the ncurses front end. Only the ui*.c files include curses; they
 * read the story model and never parse pages.
 */
#ifndef READER_UI_H
#define READER_UI_H

#include <stddef.h>

struct config;
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
struct list;
int	 ui_run_list(struct list *, const struct config *, char **err);


/* --- shared by the ui*.c files ---------------------------------------- */

#ifdef READER_UI_INTERNAL

#include "config.h"

enum ui_screen {
	UI_STORY,
	UI_HELP,
	UI_LIST,
	UI_NAMES,
};

struct ui_view;
struct ui_listview;

struct ui {
	const struct config	*cfg;
	struct ui_item		*items;
	size_t			 nitems;
	size_t			 cur;		/* the story shown */
	struct ui_view		**views;	/* one per item, made lazily */
	enum ui_screen		 screen;
	int			 utf8;		/* the terminal takes UTF-8 */
	int			 attrs[COLOR_COUNT];	/* curses attributes */
	char			*message;	/* for the status line */
	int			 message_error;
	int			 quit;
	int			 help_top;
	enum ui_screen		 help_back;	/* the screen help returns to */
	struct list		*list;		/* the story list, or NULL */
	struct ui_listview	*lv;
	char			*search;	/* the last pattern */
	/* Geometry, from ui_layout(). */
	int			 rows;
	int			 cols;
	int			 body_rows;	/* rows 0 .. body_rows-1 */
	int			 text_left;	/* column of the text */
	int			 text_width;
	int			 too_small;
};

void	 ui_message(struct ui *, int error, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
/* Draw UTF-8 text clipped to cols columns at the cursor; returns the
 * columns used. Non-UTF-8 terminals get ASCII stand-ins. */
int	 ui_put(struct ui *, const char *, size_t, int cols, int attr);
void	 ui_status(struct ui *, const char *left, const char *right);
/* Read a line on the status row; NULL when cancelled (caller frees). */
char	*ui_prompt(struct ui *, const char *prompt);

struct ui_view *ui_story_view(struct ui *, size_t item);
void	 ui_story_free(struct ui_view *);
void	 ui_story_draw(struct ui *);
void	 ui_story_key(struct ui *, int key, int is_func);
void	 ui_story_mouse(struct ui *, int delta);
/* Show entity i of the current story, marked as the current name. */
void	 ui_story_goto_entity(struct ui *, size_t i);

/* The people and places list ("e"). */
void	 ui_names_open(struct ui *);
void	 ui_names_draw(struct ui *);
void	 ui_names_key(struct ui *, int key, int is_func);

void	 ui_list_draw(struct ui *);
void	 ui_list_key(struct ui *, int key, int is_func);
/* In the story view of a list: J/K, back, r, o. Returns 1 if taken. */
int	 ui_list_story_key(struct ui *, int key, int is_func);
void	 ui_list_step(struct ui *, int delta);
/* The story shown: its place in the list (from 1) and the list's length;
 * 0 if it is not from the list. */
int	 ui_list_position(struct ui *, size_t *pos, size_t *count);
/* Move the transfers on; 1 when the screen must be redrawn. */
int	 ui_list_poll(struct ui *);
void	 ui_list_init(struct ui *);
void	 ui_list_free(struct ui *);

void	 ui_help_draw(struct ui *);
void	 ui_help_open(struct ui *, enum ui_screen back);
void	 ui_help_key(struct ui *, int key, int is_func);

#endif /* READER_UI_INTERNAL */

#endif
