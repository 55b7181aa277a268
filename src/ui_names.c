/*
 * ui_names: the story's people and places, each with how often it is
 * mentioned ("e" in the story). Choosing one jumps to its first mention;
 * S lists every stored story that names it. A lone surname counts
 * towards the full name it belongs to.
 */
#define READER_UI_INTERNAL
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "story.h"
#include "ui.h"
#include "util.h"

struct name {
	char		*text;
	enum entity_type type;
	size_t		 count;
	size_t		 first;		/* entity index of the first mention */
};

struct names {
	struct screen	 screen;
	struct name	*names;
	size_t		 n;
	size_t		 sel;
	size_t		 top;
};

static char *
entity_text(const struct story *st, const struct story_entity *e)
{
	const char *s = e->paragraph < 0 ? st->headline :
	    st->paragraphs[e->paragraph];

	return xstrndup(s + e->start, e->end - e->start);
}

/* The name a mention counts towards: "Lavrov" to "Sergei Lavrov". */
static struct name *
find_name(struct names *nm, const char *text, enum entity_type type)
{
	size_t i, n = strlen(text), ln;

	for (i = 0; i < nm->n; i++)
		if (nm->names[i].type == type &&
		    strcmp(nm->names[i].text, text) == 0)
			return &nm->names[i];
	if (type != ENT_PER || strchr(text, ' ') != NULL)
		return NULL;
	for (i = 0; i < nm->n; i++) {
		if (nm->names[i].type != ENT_PER)
			continue;
		ln = strlen(nm->names[i].text);
		if (ln > n + 1 && nm->names[i].text[ln - n - 1] == ' ' &&
		    strcmp(nm->names[i].text + ln - n, text) == 0)
			return &nm->names[i];
	}
	return NULL;
}

static int
name_order(const void *x, const void *y)
{
	const struct name *a = x, *b = y;

	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return a->first < b->first ? -1 : a->first > b->first;
}

static void
names_free(struct screen *scr)
{
	struct names *nm = (struct names *)scr;
	size_t i;

	for (i = 0; i < nm->n; i++)
		free(nm->names[i].text);
	free(nm->names);
	free(nm);
}

/* Full names first, so that surnames find them whatever the order. */
static void
names_add(struct names *nm, const struct story *st, int multiword)
{
	size_t i;

	for (i = 0; i < st->nentities; i++) {
		const struct story_entity *e = &st->entities[i];
		char *t;
		struct name *m;

		if (e->type != ENT_PER && e->type != ENT_LOC)
			continue;
		t = entity_text(st, e);
		if ((strchr(t, ' ') != NULL) != multiword) {
			free(t);
			continue;
		}
		if ((m = find_name(nm, t, e->type)) != NULL) {
			m->count++;
			if (i < m->first)
				m->first = i;
			free(t);
			continue;
		}
		nm->names = xreallocarray(nm->names, nm->n + 1,
		    sizeof *nm->names);
		m = &nm->names[nm->n++];
		m->text = t;
		m->type = e->type;
		m->count = 1;
		m->first = i;
	}
}

/* Display rows: a heading before each kind, then its names. */
static size_t
row_of(const struct names *nm, size_t i)
{
	size_t r = 1 + i;

	if (nm->names[i].type != nm->names[0].type)
		r++;
	return r;
}

static void
names_draw(struct screen *scr, struct ui *ui)
{
	struct names *nm = (struct names *)scr;
	size_t i, rows = (size_t)ui->body_rows;
	int left = ui->text_left, w = ui->text_width, attr, row;
	char count[32], right[32];

	if (row_of(nm, nm->sel) < nm->top)
		nm->top = row_of(nm, nm->sel) > 1 ? row_of(nm, nm->sel) - 1 : 0;
	if (row_of(nm, nm->sel) >= nm->top + rows)
		nm->top = row_of(nm, nm->sel) - rows + 1;
	for (i = 0; i < nm->n; i++) {
		const struct name *m = &nm->names[i];

		if (i == 0 || m->type != nm->names[i - 1].type) {
			size_t h = row_of(nm, i) - 1;
			const char *what = m->type == ENT_PER ? "People" :
			    "Places";

			if (h >= nm->top && h < nm->top + rows) {
				move((int)(h - nm->top), left);
				ui_put(ui, what, strlen(what), w,
				    A_BOLD | A_UNDERLINE);
			}
		}
		if (row_of(nm, i) < nm->top || row_of(nm, i) >= nm->top + rows)
			continue;
		row = (int)(row_of(nm, i) - nm->top);
		attr = ui->attrs[m->type == ENT_PER ? COLOR_PERSON :
		    COLOR_PLACE];
		if (i == nm->sel)
			attr = ui->attrs[COLOR_SELECTED];
		snprintf(count, sizeof count, "%zu", m->count);
		move(row, left);
		if (i == nm->sel)
			ui_put(ui, "  ", 2, w, attr);
		else
			ui_put(ui, "  ", 2, w, A_NORMAL);
		ui_put(ui, m->text, strlen(m->text), w - 10, attr);
		if (w > 8)
			mvaddnstr(row, left + w - 6, count, 6);
	}
	snprintf(right, sizeof right, "%zu/%zu", nm->sel + 1, nm->n);
	ui_status(ui, "People and places: Enter jumps to the first mention, "
	    "S lists the stored stories naming it, q returns", right);
}

static void
names_key(struct screen *scr, struct ui *ui, int key, int fn)
{
	struct names *nm = (struct names *)scr;
	size_t page = ui->body_rows > 2 ? (size_t)ui->body_rows - 2 : 1;

	if (fn) {
		switch (key) {
		case KEY_DOWN:
			key = 'j';
			break;
		case KEY_UP:
			key = 'k';
			break;
		case KEY_NPAGE:
			key = ' ';
			break;
		case KEY_PPAGE:
			key = 'b';
			break;
		case KEY_HOME:
			key = 'g';
			break;
		case KEY_END:
			key = 'G';
			break;
		case KEY_ENTER: case KEY_RIGHT:
			key = '\n';
			break;
		case KEY_LEFT:
			key = 'q';
			break;
		default:
			return;
		}
	}
	switch (key) {
	case 'j': case 14:
		if (nm->sel + 1 < nm->n)
			nm->sel++;
		break;
	case 'k': case 16:
		if (nm->sel > 0)
			nm->sel--;
		break;
	case ' ': case 'f': case 6:
		nm->sel = nm->sel + page < nm->n ? nm->sel + page : nm->n - 1;
		break;
	case 'b': case 2:
		nm->sel = nm->sel > page ? nm->sel - page : 0;
		break;
	case 'g': case '<':
		nm->sel = 0;
		break;
	case 'G': case '>':
		nm->sel = nm->n - 1;
		break;
	case '\n': case '\r': case 'l':
		ui_pop(ui, (long)nm->names[nm->sel].first);
		break;
	case 'S': {
		char *q = query_for_name(nm->names[nm->sel].type,
		    nm->names[nm->sel].text);
		struct screen *list = ui_list_search_new(ui, q);

		if (list != NULL)
			ui_push(ui, list);
		free(q);
		break;
	}
	case 'q': case 'h': case 'e': case 27:
		ui_pop(ui, -1);
		break;
	case 'Q':
		ui->quit = 1;
		break;
	}
}

static const struct screen_ops names_ops = {
	.draw = names_draw,
	.key = names_key,
	.free = names_free,
};

struct screen *
ui_names_new(struct ui *ui, const struct story *st)
{
	struct names *nm = xcalloc(1, sizeof *nm);

	nm->screen.ops = &names_ops;
	names_add(nm, st, 1);
	names_add(nm, st, 0);
	if (nm->n == 0) {
		names_free(&nm->screen);
		ui_message(ui, 0, "No people or places found in this story");
		return NULL;
	}
	qsort(nm->names, nm->n, sizeof *nm->names, name_order);
	return &nm->screen;
}
