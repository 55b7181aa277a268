/*
 * ui_list: the story list. One line per story (time, source, headline),
 * newest first, unread ones marked; Enter reads a story in the story
 * view, whose J/K then step through the list. Transfers move on between
 * keys, so every key works while pages load.
 */
#define READER_UI_INTERNAL
#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fetch.h"
#include "list.h"
#include "story.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#define SOURCE_COLS	14

struct ui_listview {
	size_t			 sel;
	size_t			 top;
	struct list_entry	*open;		/* shown in the story view */
	struct ui_item		 item;		/* its slot for ui_story */
	struct story		*placeholder;	/* while its page loads */
	int			 was_busy;
	int			 single;	/* one page: q quits from it */
	int			 auto_opened;
	char			*search;
};

static struct list_entry *
selected(struct ui *ui)
{
	struct list *l = ui->list;

	return ui->lv->sel < l->nentries ? l->entries[ui->lv->sel] : NULL;
}

void
ui_list_init(struct ui *ui)
{
	struct ui_listview *lv = xcalloc(1, sizeof *lv);
	size_t i;

	ui->lv = lv;
	ui->items = &lv->item;
	ui->nitems = 1;
	ui->views = xcalloc(1, sizeof *ui->views);
	ui->screen = UI_LIST;
	lv->was_busy = 1;
	for (i = 0; i < ui->list->nsources; i++)
		if (ui->list->sources[i].error != NULL) {
			ui_message(ui, 1, "%s", ui->list->sources[i].error);
			break;
		}
}

void
ui_list_free(struct ui *ui)
{
	struct ui_listview *lv = ui->lv;

	if (lv == NULL)
		return;
	ui_story_free(ui->views[0]);
	free(ui->views);
	ui->views = NULL;
	story_free(lv->placeholder);
	free(lv->search);
	free(lv);
	ui->lv = NULL;
}

/* Put the entry's story (or a placeholder) in the story view's slot. */
static void
show_entry(struct ui *ui, struct list_entry *e)
{
	struct ui_listview *lv = ui->lv;
	struct story *st = e->story;

	if (st == NULL) {
		story_free(lv->placeholder);
		lv->placeholder = story_new(e->link != NULL ? e->link :
		    e->title);
		story_set(&lv->placeholder->headline, e->title);
		story_add_paragraph(lv->placeholder, "Fetching the page\xE2\x80"
		    "\xA6", KIND_P);
		st = lv->placeholder;
	}
	ui_story_free(ui->views[0]);
	ui->views[0] = NULL;
	lv->item.story = st;
	lv->item.arg = e->link != NULL ? e->link : e->title;
	lv->item.error = NULL;
	ui->cur = 0;
}

static void
open_entry(struct ui *ui, size_t i)
{
	struct list *l = ui->list;
	struct list_entry *e;

	if (i >= l->nentries)
		return;
	e = l->entries[i];
	ui->lv->sel = i;
	list_open(l, e, 0);
	list_mark_read(l, e);
	ui->lv->open = e;
	show_entry(ui, e);
	ui->screen = UI_STORY;
}

void
ui_list_step(struct ui *ui, int delta)
{
	size_t sel = ui->lv->sel;

	if (delta > 0 && sel + 1 >= ui->list->nentries) {
		ui_message(ui, 0, "This is the last story.");
		return;
	}
	if (delta < 0 && sel == 0) {
		ui_message(ui, 0, "This is the first story.");
		return;
	}
	open_entry(ui, delta > 0 ? sel + 1 : sel - 1);
}

int
ui_list_position(struct ui *ui, size_t *pos, size_t *count)
{
	size_t i;

	if (ui->lv == NULL || ui->lv->open == NULL ||
	    (i = list_index(ui->list, ui->lv->open)) >= ui->list->nentries)
		return 0;
	*pos = i + 1;
	*count = ui->list->nentries;
	return 1;
}

/* Run $BROWSER on url: its own argv element, no shell, the terminal
 * handed over (a text browser needs it) and taken back. */
static void
open_browser(struct ui *ui, const char *url)
{
	const char *b = getenv("BROWSER");
	char *prog, *argv[3];
	pid_t pid;
	int st = 0;

	if (url == NULL) {
		ui_message(ui, 1, "This story has no link.");
		return;
	}
	if (!fetch_is_url(url)) {
		ui_message(ui, 1, "Not opening %s: only http and https links",
		    url);
		return;
	}
	if (b == NULL || b[0] == '\0') {
		ui_message(ui, 1, "Set BROWSER to open links");
		return;
	}
	/* BROWSER may list several, separated by colons: take the first. */
	prog = xstrndup(b, strcspn(b, ":"));
	argv[0] = prog;
	argv[1] = (char *)url;
	argv[2] = NULL;
	def_prog_mode();
	endwin();
	if ((pid = fork()) == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		execvp(prog, argv);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &st, 0) == -1 && errno == EINTR)
			;
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	if (pid == -1)
		ui_message(ui, 1, "cannot start %s: %s", prog, strerror(errno));
	else if (WIFEXITED(st) && WEXITSTATUS(st) == 127)
		ui_message(ui, 1, "cannot run %s (BROWSER)", prog);
	free(prog);
}

int
ui_list_story_key(struct ui *ui, int key, int fn)
{
	struct ui_listview *lv = ui->lv;

	if (fn) {
		if (key != KEY_LEFT)
			return 0;
		ui->screen = UI_LIST;
		return 1;
	}
	switch (key) {
	case 'q': case 'Q':
		if (lv->single)
			ui->quit = 1;
		else
			ui->screen = UI_LIST;
		return 1;
	case 'h':
		ui->screen = UI_LIST;
		return 1;
	case 'r':
		if (lv->open != NULL && lv->open->link != NULL) {
			list_open(ui->list, lv->open, 1);
			ui_message(ui, 0, "Reloading the story\xE2\x80\xA6");
		}
		return 1;
	case 'o':
		open_browser(ui, lv->open != NULL ? lv->open->link : NULL);
		return 1;
	}
	return 0;
}

/* When a round of transfers ends: what failed, or what is stale. */
static void
report(struct ui *ui)
{
	struct list *l = ui->list;
	const char *first = NULL, *note = NULL;
	size_t i, nerr = 0;

	for (i = 0; i < l->nsources; i++) {
		if (l->sources[i].error != NULL && nerr++ == 0)
			first = l->sources[i].error;
		if (l->sources[i].note != NULL && note == NULL)
			note = l->sources[i].note;
	}
	if (ui->message != NULL)
		return;
	if (nerr > 1)
		ui_message(ui, 1, "%s (and %zu more)", first, nerr - 1);
	else if (nerr == 1)
		ui_message(ui, 1, "%s", first);
	else if (note != NULL)
		ui_message(ui, 0, "%s", note);
}

int
ui_list_poll(struct ui *ui)
{
	struct ui_listview *lv = ui->lv;
	struct list *l = ui->list;
	struct list_entry *sel = selected(ui);
	size_t busy = list_busy(l), i;

	timeout(busy > 0 ? 50 : 250);
	if (busy == 0 && !lv->was_busy) {
		list_idle(l);
		return 0;
	}
	list_poll(l, 0);
	lv->was_busy = list_busy(l) > 0;
	/* The list may have been sorted again: keep the selection. */
	if (sel != NULL && (i = list_index(l, sel)) < l->nentries)
		lv->sel = i;
	/* A page that arrived for the story on the screen. */
	if (lv->open != NULL && lv->open->story != NULL &&
	    lv->item.story != lv->open->story)
		show_entry(ui, lv->open);
	/* "reader URL" of a page: show the story itself. */
	if (!lv->auto_opened && l->nsources == 1 &&
	    l->sources[0].kind == LIST_PAGE && l->nentries == 1) {
		lv->auto_opened = 1;
		lv->single = 1;
		if (ui->screen == UI_LIST)
			open_entry(ui, 0);
	}
	if (!lv->was_busy)
		report(ui);
	return 1;
}

static void
put_at(struct ui *ui, int row, int col, const char *s, int cols, int attr)
{
	if (cols <= 0)
		return;
	move(row, col);
	ui_put(ui, s, strlen(s), cols, attr);
}

static void
draw_entry(struct ui *ui, const struct list_entry *e, int row, int is_sel)
{
	struct list *l = ui->list;
	int attr = is_sel ? ui->attrs[COLOR_SELECTED] :
	    e->read ? ui->attrs[COLOR_BODY] : ui->attrs[COLOR_UNREAD];
	char when[16] = "";
	int col = 0, w = ui->cols;

	move(row, 0);
	attrset(attr);
	hline(' ', w);
	if (e->has_date) {
		struct tm tm, today;
		time_t now = time(NULL);

		localtime_r(&e->date, &tm);
		localtime_r(&now, &today);
		if (tm.tm_year == today.tm_year && tm.tm_yday == today.tm_yday)
			strftime(when, sizeof when, "%H:%M", &tm);
		else
			strftime(when, sizeof when, "%b %d", &tm);
	}
	put_at(ui, row, col, e->read ? " " : "N", 1, attr);
	col += 2;
	if (w > 40) {
		put_at(ui, row, col, when, 6, attr);
		col += 7;
		put_at(ui, row, col, l->sources[e->source].name, SOURCE_COLS,
		    attr);
		col += SOURCE_COLS + 1;
	}
	put_at(ui, row, col, e->title, w - col - 1, attr);
}

void
ui_list_draw(struct ui *ui)
{
	struct ui_listview *lv = ui->lv;
	struct list *l = ui->list;
	size_t rows = (size_t)ui->body_rows, i, unread = 0, done, total;
	char left[128], right[96];
	int row;

	if (lv->sel >= l->nentries && l->nentries > 0)
		lv->sel = l->nentries - 1;
	if (lv->sel < lv->top)
		lv->top = lv->sel;
	if (lv->sel >= lv->top + rows)
		lv->top = lv->sel - rows + 1;
	for (i = lv->top, row = 0; i < l->nentries && (size_t)row < rows;
	    i++, row++)
		draw_entry(ui, l->entries[i], row, i == lv->sel);
	if (l->nentries == 0) {
		row = 1;
		put_at(ui, row++, 2, list_busy(l) > 0 ? "Fetching\xE2\x80\xA6" :
		    "No stories.", ui->cols - 3, A_BOLD);
		for (i = 0; i < l->nsources && row < ui->body_rows; i++)
			if (l->sources[i].error != NULL)
				put_at(ui, ++row, 2, l->sources[i].error,
				    ui->cols - 3, ui->attrs[COLOR_ERROR]);
	}
	for (i = 0; i < l->nentries; i++)
		if (!l->entries[i]->read)
			unread++;
	snprintf(left, sizeof left, "%zu %s, %zu unread", l->nentries,
	    l->nentries == 1 ? "story" : "stories", unread);
	right[0] = '\0';
	if (list_busy(l) > 0) {
		list_progress(l, &done, &total);
		snprintf(right, sizeof right, "fetching %zu/%zu  ", done,
		    total);
	}
	if (l->nentries > 0)
		snprintf(right + strlen(right), sizeof right - strlen(right),
		    "%zu/%zu", lv->sel + 1, l->nentries);
	ui_status(ui, left, right[0] != '\0' ? right : NULL);
}

static void
search(struct ui *ui, int backward, int ask)
{
	struct ui_listview *lv = ui->lv;
	struct list *l = ui->list;
	size_t n = l->nentries, k, i;

	if (ask) {
		char *pat = ui_prompt(ui, "/");

		if (pat == NULL)
			return;
		if (pat[0] != '\0') {
			free(lv->search);
			lv->search = text_sanitize(pat, strlen(pat),
			    TEXT_ONELINE);
		}
		free(pat);
	}
	if (lv->search == NULL) {
		ui_message(ui, 1, "No previous search pattern");
		return;
	}
	for (k = 1; k <= n; k++) {
		i = backward ? (lv->sel + n - k) % n : (lv->sel + k) % n;
		if (text_find_ci(l->entries[i]->title,
		    strlen(l->entries[i]->title), lv->search,
		    strlen(lv->search)) >= 0) {
			if (backward ? i > lv->sel : i < lv->sel)
				ui_message(ui, 0, backward ? "search wrapped "
				    "to the bottom" : "search wrapped to the "
				    "top");
			lv->sel = i;
			return;
		}
	}
	ui_message(ui, 1, "Pattern not found: %s", lv->search);
}

static void
move_sel(struct ui *ui, long delta)
{
	struct ui_listview *lv = ui->lv;
	long n = (long)ui->list->nentries, s = (long)lv->sel + delta;

	if (s >= n)
		s = n - 1;
	if (s < 0)
		s = 0;
	lv->sel = (size_t)s;
}

void
ui_list_key(struct ui *ui, int key, int fn)
{
	long page = ui->body_rows > 1 ? ui->body_rows - 1 : 1;
	struct list_entry *e = selected(ui);

	if (fn) {
		switch (key) {
		case KEY_DOWN:
			move_sel(ui, 1);
			break;
		case KEY_UP:
			move_sel(ui, -1);
			break;
		case KEY_NPAGE:
			move_sel(ui, page);
			break;
		case KEY_PPAGE:
			move_sel(ui, -page);
			break;
		case KEY_HOME:
			move_sel(ui, -(long)ui->list->nentries);
			break;
		case KEY_END:
			move_sel(ui, (long)ui->list->nentries);
			break;
		case KEY_ENTER: case KEY_RIGHT:
			open_entry(ui, ui->lv->sel);
			break;
		case KEY_F(1):
			ui_help_open(ui, UI_LIST);
			break;
		}
		return;
	}
	switch (key) {
	case 'j': case 'J': case 14:
		move_sel(ui, 1);
		break;
	case 'k': case 'K': case 16:
		move_sel(ui, -1);
		break;
	case ' ': case 'f': case 6:
		move_sel(ui, page);
		break;
	case 'b': case 2:
		move_sel(ui, -page);
		break;
	case 'g': case '<':
		move_sel(ui, -(long)ui->list->nentries);
		break;
	case 'G': case '>':
		move_sel(ui, (long)ui->list->nentries);
		break;
	case '\r': case '\n': case 'l':
		open_entry(ui, ui->lv->sel);
		break;
	case 'r':
		list_refresh(ui->list);
		ui->lv->was_busy = 1;
		ui_message(ui, 0, "Reloading %zu %s\xE2\x80\xA6",
		    ui->list->nsources, ui->list->nsources == 1 ? "source" :
		    "sources");
		break;
	case 'o':
		open_browser(ui, e != NULL ? e->link : NULL);
		break;
	case '/':
		search(ui, 0, 1);
		break;
	case 'n': case 'N':
		search(ui, key == 'N', 0);
		break;
	case '?':
		ui_help_open(ui, UI_LIST);
		break;
	case 'q': case 'Q':
		ui->quit = 1;
		break;
	default:
		if (key >= 0x20 && key < 0x7F)
			ui_message(ui, 0, "Unknown key '%c': press ? for help",
			    key);
		break;
	}
}
