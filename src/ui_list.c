/*
 * ui_list: the story list. One line per story (time, source, headline),
 * newest first, unread ones marked; Enter reads a story in the story
 * view, whose J/K then step through the list (the list is its struct
 * nav). Transfers move on between keys, so every key works while pages
 * load. The same screen shows a search of the story store (S), over a
 * list of its own that loads in parts; q returns from it.
 */
#define READER_UI_INTERNAL
#include <curses.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "list.h"
#include "store.h"
#include "story.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#define SOURCE_COLS	14

struct listview {
	struct screen		 screen;
	struct nav		 nav;		/* for the story view */
	struct list		*list;		/* not owned */
	size_t			 sel;
	size_t			 top;
	struct list_entry	*open;		/* shown in the story view */
	struct ui_item		 item;		/* what nav gives the view */
	struct story		*placeholder;	/* while its page loads */
	int			 was_busy;
	int			 auto_opened;
	int			 single;	/* one page: no list to show */
	int			 failed;	/* its error page is shown */
	int			 reloading;	/* r: the round's result is due */
	size_t			 reload_from;	/* entries before it */
	struct list_entry	*reloading_story;	/* r in the story */
	char			*search;
	int			 owned;		/* a store search: its list is
						 * freed with it, q goes back */
};

/* The list view a nav belongs to. */
static struct listview *
nav_listview(struct nav *nav)
{
	return (struct listview *)(void *)((char *)nav -
	    offsetof(struct listview, nav));
}

static struct list_entry *
selected(struct listview *lv)
{
	struct list *l = lv->list;

	return lv->sel < l->nentries ? l->entries[lv->sel] : NULL;
}

/* Put the entry's story (or a placeholder) in the story view's slot. */
static void
show_entry(struct listview *lv, struct list_entry *e)
{
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
	lv->item.story = st;
	lv->item.arg = e->link != NULL ? e->link : e->title;
	lv->item.error = NULL;
	lv->nav.gen++;
}

/* Make entry i the one read: fetch it, mark it, show it. */
static int
select_entry(struct listview *lv, size_t i)
{
	struct list *l = lv->list;
	struct list_entry *e;

	if (i >= l->nentries)
		return -1;
	e = l->entries[i];
	lv->sel = i;
	list_open(l, e, 0);
	list_mark_read(l, e);
	lv->open = e;
	show_entry(lv, e);
	return 0;
}

/* Read entry i in a story view over the list. */
static void
open_entry(struct ui *ui, struct listview *lv, size_t i)
{
	if (select_entry(lv, i) == 0)
		ui_push(ui, ui_story_new(ui, &lv->nav));
}

/* --- the list as a sequence for the story view ----------------------- */

static const struct ui_item *
nav_current(struct nav *nav)
{
	return &nav_listview(nav)->item;
}

static int
nav_position(struct nav *nav, size_t *pos, size_t *count)
{
	struct listview *lv = nav_listview(nav);
	size_t i;

	if (lv->open == NULL ||
	    (i = list_index(lv->list, lv->open)) >= lv->list->nentries)
		return 0;
	*pos = i + 1;
	*count = lv->list->nentries;
	return 1;
}

static int
nav_step(struct nav *nav, int dir)
{
	struct listview *lv = nav_listview(nav);
	size_t sel = lv->sel;

	if (dir > 0 ? sel + 1 >= lv->list->nentries : sel == 0)
		return -1;
	return select_entry(lv, dir > 0 ? sel + 1 : sel - 1);
}

static unsigned
nav_offers(struct nav *nav)
{
	struct listview *lv = nav_listview(nav);
	unsigned o = 0;

	if (lv->list->nentries > 1)
		o |= UI_HELP_STEP;
	if (!lv->single)
		o |= UI_HELP_BACK;
	if (lv->open != NULL && lv->open->link != NULL)
		o |= UI_HELP_RELOAD | UI_HELP_LINK;
	if (lv->failed)
		o |= UI_HELP_RELOAD;
	return o;
}

static void
nav_reload(struct nav *nav)
{
	struct listview *lv = nav_listview(nav);

	if (lv->failed) {	/* the error page of "reader URL": again */
		list_refresh(lv->list);
		lv->was_busy = 1;
		return;
	}
	list_open(lv->list, lv->open, 1);
	lv->reloading_story = lv->open;
}

static const char *
nav_link(struct nav *nav)
{
	return nav_listview(nav)->open->link;
}

static const struct nav_ops list_nav_ops = {
	.current = nav_current,
	.position = nav_position,
	.step = nav_step,
	.offers = nav_offers,
	.reload = nav_reload,
	.link = nav_link,
};

/* What failed, each source with its reason, or NULL (caller frees). */
static char *
failures(const struct list *l)
{
	struct buf b = { 0 };
	size_t i, n = 0;

	for (i = 0; i < l->nsources; i++)
		if (l->sources[i].error != NULL) {
			buf_adds(&b, n++ > 0 ? "; " : "");
			buf_adds(&b, l->sources[i].error);
		}
	if (n > 1) {
		char *all = xasprintf("%zu sources failed: %s", n,
		    buf_cstr(&b));

		buf_free(&b);
		return all;
	}
	return n == 1 ? buf_detach(&b) : NULL;
}

static const char *
first_note(const struct list *l)
{
	size_t i;

	for (i = 0; i < l->nsources; i++)
		if (l->sources[i].note != NULL)
			return l->sources[i].note;
	return NULL;
}

/* When a round of transfers ends: what failed, or what is stale; after
 * r, how many stories are new, in place of "Reloading". */
static void
report(struct ui *ui, struct listview *lv)
{
	struct list *l = lv->list;
	const char *note = first_note(l);
	char *failed = failures(l);

	if (lv->reloading) {
		size_t n = l->nentries - lv->reload_from;
		struct buf b = { 0 };

		if (failed != NULL)
			buf_adds(&b, failed);
		else if (n > 0)
			buf_printf(&b, "%zu new %s", n, n == 1 ? "story" :
			    "stories");
		else
			buf_adds(&b, "No new stories");
		if (failed == NULL && note != NULL)
			buf_printf(&b, ". %s", note);
		ui_message(ui, failed != NULL, "%s", buf_cstr(&b));
		buf_free(&b);
		lv->reloading = 0;
	} else if (ui->message == NULL && failed != NULL)
		ui_message(ui, 1, "%s", failed);
	else if (ui->message == NULL && note != NULL)
		ui_message(ui, 0, "%s", note);
	free(failed);
}

/* After r on a story: the result in place of "Reloading the story". */
static void
report_story(struct ui *ui, struct listview *lv)
{
	struct list_entry *e = lv->reloading_story;

	if (e == NULL || e->fetching)
		return;
	lv->reloading_story = NULL;
	if (e->error != NULL)
		ui_message(ui, 1, "%s", e->error);
	else
		ui_message(ui, 0, "Reloaded");
}

/* "reader URL": a page is shown as the story itself, and a URL that
 * failed as its error page, as a file's would be. */
static void
open_single(struct ui *ui, struct listview *lv)
{
	struct list *l = lv->list;
	const struct list_source *src = &l->sources[0];

	if (l->nsources != 1)
		return;
	if ((!lv->auto_opened || lv->failed) && src->kind == LIST_PAGE &&
	    l->nentries == 1) {
		lv->auto_opened = 1;
		lv->single = 1;
		if (lv->failed) {	/* r on the error page worked */
			lv->failed = 0;
			select_entry(lv, 0);
		} else if (ui_on_top(ui, &lv->screen))
			open_entry(ui, lv, 0);
	} else if (lv->failed && l->nentries > 0) {
		/* It was a feed: its first story, and h for the rest. */
		lv->failed = 0;
		lv->single = 0;
		select_entry(lv, 0);
	} else if (!lv->auto_opened && !lv->was_busy && src->error != NULL &&
	    l->nentries == 0) {
		lv->auto_opened = 1;
		lv->single = 1;
		lv->failed = 1;
		lv->item.arg = src->url;
		lv->item.story = NULL;
		lv->item.error = src->error;
		lv->nav.gen++;
		if (ui_on_top(ui, &lv->screen))
			ui_push(ui, ui_story_new(ui, &lv->nav));
	}
}

static int
listview_tick(struct screen *scr, struct ui *ui)
{
	struct listview *lv = (struct listview *)scr;
	struct list *l = lv->list;
	struct list_entry *sel = selected(lv);
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
		show_entry(lv, lv->open);
	open_single(ui, lv);
	report_story(ui, lv);
	if (!lv->was_busy)
		report(ui, lv);
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
draw_entry(struct ui *ui, struct listview *lv, const struct list_entry *e,
    int row, int is_sel)
{
	struct list *l = lv->list;
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
	if (e->story != NULL ? e->story->starred : e->starred)
		put_at(ui, row, col + 1, "*", 1, attr);
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

static void
listview_draw(struct screen *scr, struct ui *ui)
{
	struct listview *lv = (struct listview *)scr;
	struct list *l = lv->list;
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
		draw_entry(ui, lv, l->entries[i], row, i == lv->sel);
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
search(struct ui *ui, struct listview *lv, int backward, int ask)
{
	struct list *l = lv->list;
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
move_sel(struct listview *lv, long delta)
{
	long n = (long)lv->list->nentries, s = (long)lv->sel + delta;

	if (s >= n)
		s = n - 1;
	if (s < 0)
		s = 0;
	lv->sel = (size_t)s;
}

/* The selected story starred or not, in the store. */
static void
star(struct ui *ui, struct listview *lv, struct list_entry *e)
{
	int on;

	if (e == NULL)
		return;
	on = !(e->story != NULL ? e->story->starred : e->starred);
	if (list_set_starred(lv->list, e, on) == -1) {
		char *w = store_take_warning(lv->list->store);

		ui_message(ui, 1, "%s", w != NULL ? w : "Not in the store: "
		    "nothing to star");
		free(w);
		return;
	}
	ui_message(ui, 0, on ? "Starred" : "Star removed");
}

/* S: a query for the whole store, its stories in a list above this. */
static void
search_store(struct ui *ui)
{
	char *q = ui_prompt(ui, "Search the store: ");
	struct screen *s;

	if (q == NULL)
		return;
	if ((s = ui_list_search_new(ui, q)) != NULL)
		ui_push(ui, s);
	free(q);
}

static unsigned
help_what(const struct listview *lv)
{
	return UI_HELP_LIST | (lv->owned ? UI_HELP_BACK : 0);
}

static void
listview_key(struct screen *scr, struct ui *ui, int key, int fn)
{
	struct listview *lv = (struct listview *)scr;
	long page = ui->body_rows > 1 ? ui->body_rows - 1 : 1;
	struct list_entry *e = selected(lv);

	if (fn) {
		switch (key) {
		case KEY_DOWN:
			move_sel(lv, 1);
			break;
		case KEY_UP:
			move_sel(lv, -1);
			break;
		case KEY_NPAGE:
			move_sel(lv, page);
			break;
		case KEY_PPAGE:
			move_sel(lv, -page);
			break;
		case KEY_HOME:
			move_sel(lv, -(long)lv->list->nentries);
			break;
		case KEY_END:
			move_sel(lv, (long)lv->list->nentries);
			break;
		case KEY_ENTER: case KEY_RIGHT:
			open_entry(ui, lv, lv->sel);
			break;
		case KEY_LEFT:
			if (lv->owned)
				ui_pop(ui, -1);
			break;
		case KEY_F(1):
			ui_push(ui, ui_help_new(ui, help_what(lv)));
			break;
		}
		return;
	}
	switch (key) {
	case 'j': case 'J': case 14:
		move_sel(lv, 1);
		break;
	case 'k': case 'K': case 16:
		move_sel(lv, -1);
		break;
	case ' ': case 'f': case 6:
		move_sel(lv, page);
		break;
	case 'b': case 2:
		move_sel(lv, -page);
		break;
	case 'g': case '<':
		move_sel(lv, -(long)lv->list->nentries);
		break;
	case 'G': case '>':
		move_sel(lv, (long)lv->list->nentries);
		break;
	case '\r': case '\n': case 'l':
		open_entry(ui, lv, lv->sel);
		break;
	case 'r':
		list_refresh(lv->list);
		lv->was_busy = 1;
		lv->reloading = 1;
		lv->reload_from = lv->list->nentries;
		ui_message(ui, 0, "Reloading %zu %s\xE2\x80\xA6",
		    lv->list->nsources, lv->list->nsources == 1 ? "source" :
		    "sources");
		break;
	case 'o':
		ui_open_browser(ui, e != NULL ? e->link : NULL);
		break;
	case '*':
		star(ui, lv, e);
		break;
	case 'S':
		search_store(ui);
		break;
	case '/':
		search(ui, lv, 0, 1);
		break;
	case 'n': case 'N':
		search(ui, lv, key == 'N', 0);
		break;
	case '?':
		ui_push(ui, ui_help_new(ui, help_what(lv)));
		break;
	case 'q': case 'h':
		if (lv->owned)
			ui_pop(ui, -1);
		else if (key == 'q')
			ui->quit = 1;
		break;
	case 'Q':
		ui->quit = 1;
		break;
	default:
		if (key >= 0x20 && key < 0x7F)
			ui_message(ui, 0, "Unknown key '%c': press ? for help",
			    key);
		break;
	}
}

/* The wheel moves the selection, three stories a notch. */
static void
listview_mouse(struct screen *scr, struct ui *ui, int delta)
{
	move_sel((struct listview *)scr, delta);
}

static void
listview_free(struct screen *scr)
{
	struct listview *lv = (struct listview *)scr;

	story_free(lv->placeholder);
	free(lv->search);
	if (lv->owned)
		list_free(lv->list);
	free(lv);
}

static const struct screen_ops listview_ops = {
	.draw = listview_draw,
	.key = listview_key,
	.mouse = listview_mouse,
	.tick = listview_tick,
	.free = listview_free,
};

struct screen *
ui_list_new(struct ui *ui, struct list *l)
{
	struct listview *lv = xcalloc(1, sizeof *lv);
	size_t i;

	lv->screen.ops = &listview_ops;
	lv->nav.ops = &list_nav_ops;
	lv->list = l;
	lv->was_busy = 1;
	for (i = 0; i < l->nsources; i++)
		if (l->sources[i].error != NULL) {
			ui_message(ui, 1, "%s", l->sources[i].error);
			break;
		}
	return &lv->screen;
}

struct screen *
ui_list_search_new(struct ui *ui, const char *query)
{
	struct list *l;
	struct listview *lv;
	char *err = NULL;

	if (ui->store == NULL) {
		ui_message(ui, 1, "No store to search");
		return NULL;
	}
	l = list_new(ui->cfg, ui->store);
	if (list_add_search(l, query, &err) == -1 || l->nentries == 0) {
		if (err != NULL)
			ui_message(ui, 1, "Bad query: %s", err);
		else
			ui_message(ui, 0, "No stored story matches %s", query);
		free(err);
		list_free(l);
		return NULL;
	}
	lv = (struct listview *)ui_list_new(ui, l);
	lv->owned = 1;
	ui_message(ui, 0, "Stories in the store matching %s (q returns)",
	    query);
	return &lv->screen;
}
