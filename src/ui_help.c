/* ui_help: the help screen, every key the reader takes. */
#define READER_UI_INTERNAL
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util.h"

static const struct {
	const char	*keys;
	const char	*what;
} help[] = {
	{ NULL, "Moving" },
	{ "j  Down  Enter  ^N  ^E", "down one line" },
	{ "k  Up  ^P  ^Y", "up one line" },
	{ "Space  f  PgDn  ^F", "down one page" },
	{ "b  PgUp  ^B", "up one page" },
	{ "d  ^D", "down half a page" },
	{ "u  ^U", "up half a page" },
	{ "g  <  Home", "top of the story" },
	{ "G  >  End", "end of the story" },
	{ "mouse wheel", "scroll" },
	{ NULL, "Stories" },
	{ "J  ]", "next story" },
	{ "K  [", "previous story" },
	{ "v", "show or hide what the cleaner removed" },
	{ "q  h  Left", "back to the story list (from a list)" },
	{ "r", "reload the story (from a list)" },
	{ "o", "open the story's link in $BROWSER" },
	{ NULL, "Story list" },
	{ "j  k  Up  Down", "move the selection" },
	{ "Enter  l  Right", "read the story" },
	{ "r", "reload every feed" },
	{ "/pattern  n  N", "search headlines" },
	{ "o", "open the link in $BROWSER" },
	{ NULL, "Names" },
	{ "Tab", "next highlighted name" },
	{ "Shift-Tab", "previous highlighted name" },
	{ "e", "list the people and places; Enter jumps to one" },
	{ NULL, "Searching" },
	{ "/pattern", "search forward (case-insensitive)" },
	{ "n", "next match" },
	{ "N", "previous match" },
	{ "Esc", "clear the highlight" },
	{ NULL, "Other" },
	{ "?  F1", "this help (q or ? to leave)" },
	{ "^L", "redraw the screen" },
	{ "q  Q", "quit" },
};

#define NHELP	((int)(sizeof help / sizeof help[0]))

struct help {
	struct screen	 screen;
	int		 top;		/* first entry shown */
};

static void
help_draw(struct screen *scr, struct ui *ui)
{
	struct help *h = (struct help *)scr;
	int row, i, keyw = 26, left = ui->text_left;
	char right[32];

	if (ui->text_width < keyw + 10)
		keyw = ui->text_width / 2;
	mvaddnstr(0, left, "reader: keys", ui->text_width);
	mvchgat(0, left, 12, A_BOLD, 0, NULL);
	for (i = h->top, row = 2; i < NHELP && row < ui->body_rows;
	    i++, row++) {
		move(row, left);
		if (help[i].keys == NULL) {
			if (i > h->top && row > 2)
				row++;
			if (row >= ui->body_rows)
				break;
			move(row, left);
			ui_put(ui, help[i].what, strlen(help[i].what),
			    ui->text_width, A_BOLD | A_UNDERLINE);
			continue;
		}
		ui_put(ui, help[i].keys, strlen(help[i].keys), keyw - 1,
		    ui->attrs[COLOR_HEADLINE]);
		move(row, left + keyw);
		ui_put(ui, help[i].what, strlen(help[i].what),
		    ui->text_width - keyw, A_NORMAL);
	}
	snprintf(right, sizeof right, "%d/%d", h->top + 1, NHELP);
	ui_status(ui, "Help: q or ? goes back", right);
}

static void
help_key(struct screen *scr, struct ui *ui, int key, int fn)
{
	struct help *h = (struct help *)scr;

	if (fn) {
		if (key == KEY_DOWN && h->top + 1 < NHELP)
			h->top++;
		else if (key == KEY_UP && h->top > 0)
			h->top--;
		return;
	}
	switch (key) {
	case 'j': case ' ':
		if (h->top + 1 < NHELP)
			h->top++;
		break;
	case 'k': case 'b':
		if (h->top > 0)
			h->top--;
		break;
	case 'g':
		h->top = 0;
		break;
	default:
		ui_pop(ui, -1);
		break;
	}
}

static void
help_free(struct screen *scr)
{
	free(scr);
}

static const struct screen_ops help_ops = {
	.draw = help_draw,
	.key = help_key,
	.free = help_free,
};

struct screen *
ui_help_new(struct ui *ui)
{
	struct help *h = xcalloc(1, sizeof *h);

	h->screen.ops = &help_ops;
	return &h->screen;
}
