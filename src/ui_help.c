/*
 * ui_help: the help screen, the keys of the screen it was opened from:
 * the story view (with the keys its sequence offers: next story, back to
 * the list, reload, open) or the story list. It scrolls like a story.
 */
#define READER_UI_INTERNAL
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util.h"

/* A row is listed when the context has all its need bits and none of
 * its not bits; a heading (keys NULL) when a row under it is listed. */
static const struct {
	const char	*keys;
	const char	*what;
	unsigned	 need;
	unsigned	 not;
} help[] = {
#define S	UI_HELP_STORY
#define L	UI_HELP_LIST
	{ NULL, "Moving", S, 0 },
	{ "j  Down  Enter  ^N  ^E", "down one line", S, 0 },
	{ "k  Up  ^P  ^Y", "up one line", S, 0 },
	{ "Space  f  PgDn  ^F", "down one page", S, 0 },
	{ "b  PgUp  ^B", "up one page", S, 0 },
	{ "d  ^D", "down half a page", S, 0 },
	{ "u  ^U", "up half a page", S, 0 },
	{ "g  <  Home", "top of the story", S, 0 },
	{ "G  >  End", "end of the story", S, 0 },
	{ "mouse wheel", "scroll", S, 0 },
	{ NULL, "Stories", S, 0 },
	{ "J  ]", "next story", S | UI_HELP_STEP, 0 },
	{ "K  [", "previous story", S | UI_HELP_STEP, 0 },
	{ "v", "show or hide what the cleaner removed", S, 0 },
	{ "*", "star the story, or take its star off", S, 0 },
	{ "q  h  Left", "back to the story list", S | UI_HELP_BACK, 0 },
	{ "r", "reload the story", S | UI_HELP_RELOAD, 0 },
	{ "o", "open the story's page in $BROWSER", S | UI_HELP_LINK, 0 },
	{ NULL, "Story list", L, 0 },
	{ "j  k  Up  Down", "move the selection", L, 0 },
	{ "Space  b  PgDn  PgUp", "a page down or up", L, 0 },
	{ "g  G  Home  End", "the first or last story", L, 0 },
	{ "mouse wheel", "move the selection", L, 0 },
	{ "Enter  l  Right", "read the story", L, 0 },
	{ "r", "reload every feed", L, 0 },
	{ "/pattern  n  N", "search headlines", L, 0 },
	{ "o", "open the link in $BROWSER", L, 0 },
	{ "*", "star the story, or take its star off", L, 0 },
	{ "S", "search every stored story; q comes back", L, 0 },
	{ "q  h  Left", "back to the screen before the search", L | UI_HELP_BACK,
	    0 },
	{ NULL, "Names", S, 0 },
	{ "Tab", "next highlighted name", S, 0 },
	{ "Shift-Tab", "previous highlighted name", S, 0 },
	{ "e", "list the people and places; Enter jumps to one, S lists "
	    "the stored stories naming it", S, 0 },
	{ NULL, "Searching", S, 0 },
	{ "/pattern", "search forward (case-insensitive)", S, 0 },
	{ "n", "next match", S, 0 },
	{ "N", "previous match", S, 0 },
	{ "Esc", "clear the highlight", S, 0 },
	{ NULL, "Other", 0, 0 },
	{ "?  F1", "this help (q or ? to leave)", 0, 0 },
	{ "^L", "redraw the screen", 0, 0 },
	{ "q  Q", "quit", 0, UI_HELP_BACK },
	{ "Q", "quit", UI_HELP_BACK, 0 },
#undef S
#undef L
};

#define NHELP	(sizeof help / sizeof help[0])

/* A display row: an entry of help[], or a blank line (-1). */
struct help {
	struct screen	 screen;
	int		 rows[2 * NHELP];
	size_t		 nrows;
	size_t		 top;		/* first row shown */
};

static int
listed(size_t i, unsigned what)
{
	return (help[i].need & what) == help[i].need &&
	    (help[i].not & what) == 0;
}

/* The rows for this context: headings with something under them, a
 * blank line before each but the first. */
static void
build(struct help *h, unsigned what)
{
	size_t i, j;

	for (i = 0; i < NHELP; i++) {
		if (!listed(i, what))
			continue;
		if (help[i].keys == NULL) {
			for (j = i + 1; j < NHELP && help[j].keys != NULL;
			    j++)
				if (listed(j, what))
					break;
			if (j == NHELP || help[j].keys == NULL)
				continue;
			if (h->nrows > 0)
				h->rows[h->nrows++] = -1;
		}
		h->rows[h->nrows++] = (int)i;
	}
}

/* Rows 0 and 1 hold the title. */
static size_t
shown(const struct ui *ui)
{
	return ui->body_rows > 2 ? (size_t)ui->body_rows - 2 : 1;
}

static size_t
max_top(const struct help *h, const struct ui *ui)
{
	return h->nrows > shown(ui) ? h->nrows - shown(ui) : 0;
}

static void
scroll_to(struct help *h, const struct ui *ui, long top)
{
	if (top > (long)max_top(h, ui))
		top = (long)max_top(h, ui);
	h->top = top > 0 ? (size_t)top : 0;
}

static void
help_draw(struct screen *scr, struct ui *ui)
{
	struct help *h = (struct help *)scr;
	int row, keyw = 26, left = ui->text_left;
	size_t i;
	struct buf right = { 0 };

	if (ui->text_width < keyw + 10)
		keyw = ui->text_width / 2;
	scroll_to(h, ui, (long)h->top);
	mvaddnstr(0, left, "reader: keys", ui->text_width);
	mvchgat(0, left, 12, A_BOLD, 0, NULL);
	for (i = h->top, row = 2; i < h->nrows && row < ui->body_rows;
	    i++, row++) {
		int k = h->rows[i];

		if (k < 0)
			continue;
		move(row, left);
		if (help[k].keys == NULL) {
			ui_put(ui, help[k].what, strlen(help[k].what),
			    ui->text_width, A_BOLD | A_UNDERLINE);
			continue;
		}
		ui_put(ui, help[k].keys, strlen(help[k].keys), keyw - 1,
		    ui->attrs[COLOR_HEADLINE]);
		move(row, left + keyw);
		ui_put(ui, help[k].what, strlen(help[k].what),
		    ui->text_width - keyw, A_NORMAL);
	}
	ui_where(&right, h->top, shown(ui), h->nrows);
	ui_status(ui, h->top < max_top(h, ui) ?
	    "Help: Space for more, q or ? goes back" :
	    "Help: q or ? goes back", buf_cstr(&right));
	buf_free(&right);
}

static void
help_key(struct screen *scr, struct ui *ui, int key, int fn)
{
	struct help *h = (struct help *)scr;
	long top;

	if (ui_motion(ui, key, fn, (long)h->top, (long)h->nrows, &top))
		scroll_to(h, ui, top);
	else if (fn) {
		if (key == KEY_LEFT || key == KEY_F(1))
			ui_pop(ui, -1);
	} else
		ui_pop(ui, -1);	/* q, ?, Esc, h and any other key */
}

static void
help_mouse(struct screen *scr, struct ui *ui, int delta)
{
	struct help *h = (struct help *)scr;

	scroll_to(h, ui, (long)h->top + delta);
}

static void
help_free(struct screen *scr)
{
	free(scr);
}

static const struct screen_ops help_ops = {
	.draw = help_draw,
	.key = help_key,
	.mouse = help_mouse,
	.free = help_free,
};

struct screen *
ui_help_new(struct ui *ui, unsigned what)
{
	struct help *h = xcalloc(1, sizeof *h);

	h->screen.ops = &help_ops;
	build(h, what);
	return &h->screen;
}
