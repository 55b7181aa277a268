/* ui_help: the help screen, every key the reader takes. */
#define READER_UI_INTERNAL
#include <curses.h>
#include <string.h>

#include "ui.h"

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

void
ui_help_draw(struct ui *ui)
{
	int row, i, keyw = 26, left = ui->text_left;
	char right[32];

	if (ui->text_width < keyw + 10)
		keyw = ui->text_width / 2;
	mvaddnstr(0, left, "reader: keys", ui->text_width);
	mvchgat(0, left, 12, A_BOLD, 0, NULL);
	for (i = ui->help_top, row = 2; i < NHELP && row < ui->body_rows;
	    i++, row++) {
		move(row, left);
		if (help[i].keys == NULL) {
			if (i > ui->help_top && row > 2)
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
	snprintf(right, sizeof right, "%d/%d", ui->help_top + 1, NHELP);
	ui_status(ui, "Help: q or ? goes back", right);
}

void
ui_help_key(struct ui *ui, int key, int fn)
{
	if (fn) {
		if (key == KEY_DOWN && ui->help_top + 1 < NHELP)
			ui->help_top++;
		else if (key == KEY_UP && ui->help_top > 0)
			ui->help_top--;
		return;
	}
	switch (key) {
	case 'j': case ' ':
		if (ui->help_top + 1 < NHELP)
			ui->help_top++;
		break;
	case 'k': case 'b':
		if (ui->help_top > 0)
			ui->help_top--;
		break;
	case 'g':
		ui->help_top = 0;
		break;
	default:
		ui->screen = ui->help_back;
		break;
	}
}

/* Show help from the top; any other key goes back to the screen given. */
void
ui_help_open(struct ui *ui, enum ui_screen back)
{
	ui->help_back = back;
	ui->screen = UI_HELP;
	ui->help_top = 0;
}
