/*
 * ui_story: the reader view. A story is laid out once per width into
 * display lines that point into the model's strings; drawing walks the
 * visible lines and colours search matches and names over them.
 */
#define READER_UI_INTERNAL
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "story.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#define PARA_HEADLINE	(-1)
#define PARA_OTHER	(-2)

struct vline {
	const void	*src;		/* the part of the model it shows */
	const char	*text;		/* the whole string it is part of */
	size_t		 start;
	size_t		 end;
	int		 style;		/* enum config_color */
	int		 indent;	/* columns before the text */
	const char	*prefix;	/* drawn in the indent, first line */
	int		 para;		/* paragraph, or PARA_* */
};

struct match {
	const char	*text;
	size_t		 start;
	size_t		 end;
	size_t		 first;		/* display lines it covers */
	size_t		 last;
};

/* One story laid out; the story screen keeps one per story visited. */
struct ui_view {
	const struct ui_item *item;
	int		 width;		/* laid out for this width */
	int		 show_removed;
	struct vline	*lines;
	size_t		 nlines;
	size_t		 cap;
	char		**owned;	/* strings the layout made */
	size_t		 nowned;
	size_t		 top;
	struct match	*matches;
	size_t		 nmatches;
	char		*matched;	/* the pattern of matches[] */
	size_t		 current;	/* the match last jumped to */
	size_t		 ent;		/* the name Tab went to ... */
	int		 has_ent;	/* ... if any */
	/* What the top line showed when the reader last moved: kept
	 * across reflows (see relayout). */
	const void	*anchor;
	size_t		 anchor_off;
	int		 anchor_blank;
	size_t		 anchor_top;	/* the line it gave */
	int		 at_end;	/* the end was shown */
	int		 drawn_rows;	/* body rows at the last draw */
};

/* The screen: the views of the stories seen, and the sequence. */
struct story_screen {
	struct screen	 screen;
	struct nav	*nav;		/* not owned */
	unsigned	 gen;		/* nav->gen the views were made for */
	struct ui_view	**views;
	size_t		 nviews;
};

static void
add_line(struct ui_view *v, const void *src, const char *text, size_t start,
    size_t end, int style, int indent, const char *prefix, int para)
{
	struct vline *l;

	if (v->nlines == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 128;
		v->lines = xreallocarray(v->lines, v->cap, sizeof *v->lines);
	}
	l = &v->lines[v->nlines++];
	l->src = src;
	l->text = text;
	l->start = start;
	l->end = end;
	l->style = style;
	l->indent = indent;
	l->prefix = prefix;
	l->para = para;
}

static const char *
own(struct ui_view *v, char *s)
{
	v->owned = xreallocarray(v->owned, v->nowned + 1, sizeof *v->owned);
	v->owned[v->nowned++] = s;
	return s;
}

static void
blank(struct ui_view *v)
{
	if (v->nlines > 0 && v->lines[v->nlines - 1].end >
	    v->lines[v->nlines - 1].start)
		add_line(v, NULL, "", 0, 0, COLOR_BODY, 0, NULL, PARA_OTHER);
}

/* Wrap text into lines of the given width and style; src is what part
 * of the model the text shows, the same at every width. */
static void
add_wrapped(struct ui_view *v, const void *src, const char *text, int width,
    int style, int indent, const char *prefix, int para)
{
	struct text_line *wl;
	size_t n, i;

	n = text_wrap(text, width - indent, &wl);
	for (i = 0; i < n; i++)
		add_line(v, src, text, wl[i].start, wl[i].end, style, indent,
		    i == 0 ? prefix : NULL, para);
	free(wl);
}

/* "LONDON, March 5 (Reuters)", set apart. */
static void
add_dateline(struct ui_view *v, const struct story *st, int width)
{
	struct buf d = { 0 };

	buf_adds(&d, st->dateline_place);
	if (st->dateline_date != NULL)
		buf_printf(&d, ", %s", st->dateline_date);
	if (st->dateline_agency != NULL)
		buf_printf(&d, " (%s)", st->dateline_agency);
	blank(v);
	add_wrapped(v, &st->dateline_place, own(v, buf_detach(&d)), width,
	    COLOR_DATELINE, 0, NULL, PARA_OTHER);
}

static void
add_removed(struct ui_view *v, const struct story *st, int before, int width)
{
	size_t i;

	int first = 1;

	if (!v->show_removed)
		return;
	/* One dimmed block for each place, a line for each removal. */
	for (i = 0; i < st->nremoved; i++) {
		const struct story_removed *r = &st->removed[i];

		if (r->before != before)
			continue;
		if (first)
			blank(v);
		first = 0;
		add_wrapped(v, r, own(v, xasprintf("[%s] %s", r->reason,
		    r->text)), width, COLOR_REMOVED, 0, NULL, PARA_OTHER);
	}
}

static void	find_matches(struct ui_view *, const char *);

static void
layout(struct ui *ui, struct ui_view *v)
{
	const struct ui_item *it = v->item;
	const struct story *st = it->story;
	int width = ui->text_width;
	struct buf meta = { 0 };
	char tbuf[64];
	const char *when;
	size_t i;

	for (i = 0; i < v->nowned; i++)
		free(v->owned[i]);
	v->nowned = 0;
	v->nlines = 0;
	v->width = width;
	v->nmatches = 0;
	free(v->matched);
	v->matched = NULL;

	if (st == NULL) {
		add_wrapped(v, it, own(v, xasprintf("Cannot open %s", it->arg)),
		    width, COLOR_ERROR, 0, NULL, PARA_OTHER);
		blank(v);
		add_wrapped(v, &it->error, it->error, width, COLOR_BODY, 0,
		    NULL, PARA_OTHER);
		return;
	}
	add_wrapped(v, &st->headline, st->headline[0] ? st->headline :
	    "(no headline)", width, COLOR_HEADLINE, 0, NULL, PARA_HEADLINE);
	if (st->byline != NULL)
		buf_printf(&meta, "By %s", st->byline);
	if ((when = story_time_for_people(st, tbuf, sizeof tbuf)) != NULL) {
		if (meta.len > 0)
			buf_adds(&meta, "  \xC2\xB7  ");
		buf_adds(&meta, when);
	}
	if (meta.len > 0)
		add_wrapped(v, &st->byline, own(v, buf_detach(&meta)), width,
		    COLOR_BYLINE, 0, NULL, PARA_OTHER);
	buf_free(&meta);
	if (st->dateline_place != NULL && story_dateline_para(st) == 0)
		add_dateline(v, st, width);
	if (st->note != NULL) {
		blank(v);
		add_wrapped(v, &st->note, st->note, width, COLOR_ERROR, 0,
		    NULL, PARA_OTHER);
	}
	if (st->npara == 0 && st->note == NULL) {
		blank(v);
		add_line(v, &st->npara, "(empty story)", 0, 13,
		    COLOR_REMOVED, 0, NULL, PARA_OTHER);
	}
	for (i = 0; i < st->npara; i++) {
		const char *p = st->paragraphs[i];

		add_removed(v, st, (int)i, width);
		/* Under a standfirst, the dateline stands above the
		 * paragraph it opened. */
		if (st->dateline_place != NULL && i > 0 &&
		    i == story_dateline_para(st))
			add_dateline(v, st, width);
		switch (st->kinds[i]) {
		case KIND_HEADING:
			blank(v);
			add_wrapped(v, p, p, width, COLOR_HEADING, 0, NULL,
			    (int)i);
			break;
		case KIND_ITEM:
			if (i == 0 || st->kinds[i - 1] != KIND_ITEM)
				blank(v);
			add_wrapped(v, p, p, width, COLOR_BODY, 4,
			    p[0] >= '0' && p[0] <= '9' ? NULL :
			    "  \xE2\x80\xA2 ", (int)i);
			break;
		case KIND_QUOTE:
			blank(v);
			add_wrapped(v, p, p, width, COLOR_QUOTE, 2,
			    "\xE2\x94\x82 ", (int)i);
			break;
		default:
			blank(v);
			add_wrapped(v, p, p, width, COLOR_BODY, 0, NULL,
			    (int)i);
			break;
		}
	}
	add_removed(v, st, (int)st->npara, width);
	if (st->credits != NULL) {
		blank(v);
		add_wrapped(v, &st->credits, own(v, xasprintf("(%s)",
		    st->credits)), width, COLOR_CREDITS, 0, NULL, PARA_OTHER);
	}
}

/* Remember what the top line shows: its part of the model and its
 * offset there (or, on a blank line, the part after it). */
static void
set_anchor(struct ui_view *v)
{
	size_t i = v->top;

	v->anchor = NULL;
	v->anchor_off = 0;
	v->anchor_blank = 0;
	if (i < v->nlines && v->lines[i].src == NULL) {
		while (i < v->nlines && v->lines[i].src == NULL)
			i++;
		v->anchor_blank = 1;
	}
	if (i < v->nlines) {
		v->anchor = v->lines[i].src;
		v->anchor_off = v->anchor_blank ? 0 : v->lines[i].start;
	}
	v->anchor_top = v->top;
}

/* The line showing the anchor in this layout: the last line of its part
 * starting at or before its offset. A removed block no longer shown
 * gives way to the paragraph it stood before. */
static size_t
find_anchor(const struct ui_view *v)
{
	const struct story *st = v->item->story;
	const void *src = v->anchor;
	size_t off = v->anchor_off, i, at = (size_t)-1;

	if (src == NULL)
		return 0;
	for (i = 0; i < v->nlines; i++)
		if (v->lines[i].src == src && v->lines[i].start <= off)
			at = i;
	if (at == (size_t)-1 && st != NULL && st->nremoved > 0 &&
	    (const char *)src >= (const char *)st->removed &&
	    (const char *)src < (const char *)(st->removed + st->nremoved)) {
		const struct story_removed *r = src;

		src = r->before < (int)st->npara ?
		    (const void *)st->paragraphs[r->before] :
		    (const void *)&st->credits;
		for (i = 0; i < v->nlines && at == (size_t)-1; i++)
			if (v->lines[i].src == src)
				at = i;
	}
	if (at == (size_t)-1)
		return 0;
	if (v->anchor_blank && at > 0 && v->lines[at - 1].src == NULL)
		at--;
	return at;
}

/* Lay out again (a new width, removed blocks shown or hidden), keeping
 * the top line's text on top. The anchor is kept from one reflow to the
 * next while the reader does not move, so that 100 -> 40 -> 100 columns
 * comes back to the same line. */
static void
relayout(struct ui *ui, struct ui_view *v)
{
	if (v->top != v->anchor_top || v->anchor == NULL)
		set_anchor(v);
	layout(ui, v);
	v->top = find_anchor(v);
	v->anchor_top = v->top;
	if (ui->search != NULL && ui->search[0] != '\0')
		find_matches(v, ui->search);
}

static size_t	max_top(struct ui *, struct ui_view *);

/* After a resize: the same text on top, and the end still shown if it
 * was and the reader has not moved since. */
static void
fit(struct ui *ui, struct ui_view *v)
{
	int at_end = v->at_end && v->top == v->anchor_top;

	if (v->width != ui->text_width)
		relayout(ui, v);
	if (at_end)
		v->top = max_top(ui, v);
}

static void
view_free(struct ui_view *v)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < v->nowned; i++)
		free(v->owned[i]);
	free(v->owned);
	free(v->lines);
	free(v->matches);
	free(v->matched);
	free(v);
}

/* The view of the nav's current story, laid out for the width: kept
 * per story, so each keeps its place, until the nav replaces them. */
static struct ui_view *
current_view(struct ui *ui, struct story_screen *ss)
{
	const struct ui_item *it = ss->nav->ops->current(ss->nav);
	struct ui_view *v = NULL;
	size_t i;

	if (ss->gen != ss->nav->gen) {
		for (i = 0; i < ss->nviews; i++)
			view_free(ss->views[i]);
		ss->nviews = 0;
		ss->gen = ss->nav->gen;
	}
	for (i = 0; i < ss->nviews; i++)
		if (ss->views[i]->item == it)
			v = ss->views[i];
	if (v == NULL) {
		v = xcalloc(1, sizeof *v);
		v->item = it;
		v->show_removed = ui->cfg->show_removed;
		ss->views = xreallocarray(ss->views, ss->nviews + 1,
		    sizeof *ss->views);
		ss->views[ss->nviews++] = v;
		layout(ui, v);
		if (ui->search != NULL && ui->search[0] != '\0')
			find_matches(v, ui->search);
	} else if (v->width != ui->text_width ||
	    v->drawn_rows != ui->body_rows)
		fit(ui, v);
	return v;
}

static size_t
max_top(struct ui *ui, struct ui_view *v)
{
	size_t rows = (size_t)ui->body_rows;

	return v->nlines > rows ? v->nlines - rows : 0;
}

static void
scroll_to(struct ui *ui, struct ui_view *v, long top)
{
	if (top < 0)
		top = 0;
	if ((size_t)top > max_top(ui, v))
		top = (long)max_top(ui, v);
	v->top = (size_t)top;
}

/* Find every match of pat in the laid-out text (ASCII case folded). */
static void
find_matches(struct ui_view *v, const char *pat)
{
	size_t i, j, plen = strlen(pat);
	long at;

	v->nmatches = 0;
	free(v->matched);
	v->matched = xstrdup(pat);
	for (i = 0; i < v->nlines; i++) {
		const char *t = v->lines[i].text;
		size_t off = 0, n = strlen(t);

		if (i > 0 && v->lines[i - 1].text == t)
			continue;	/* searched with its first line */
		while ((at = text_find_ci(t + off, n - off, pat, plen)) >= 0) {
			struct match *m;
			size_t s = off + (size_t)at;

			v->matches = xreallocarray(v->matches,
			    v->nmatches + 1, sizeof *v->matches);
			m = &v->matches[v->nmatches++];
			m->text = t;
			m->start = s;
			m->end = s + plen;
			m->first = m->last = i;
			for (j = i; j < v->nlines && v->lines[j].text == t;
			    j++) {
				if (v->lines[j].start <= s)
					m->first = j;
				if (v->lines[j].start < m->end)
					m->last = j;
			}
			off = s + plen;
		}
	}
}

static void
jump_match(struct ui *ui, struct ui_view *v, int backward, int from_top)
{
	size_t i, start = v->top;

	if (v->nmatches == 0) {
		ui_message(ui, 1, "Pattern not found: %s", ui->search);
		return;
	}
	if (backward) {
		for (i = v->nmatches; i > 0; i--)
			if (v->matches[i - 1].first < start)
				break;
		if (i == 0) {
			i = v->nmatches;
			ui_message(ui, 0, "search wrapped to the bottom");
		}
		i--;
	} else {
		for (i = 0; i < v->nmatches; i++)
			if (from_top ? v->matches[i].first >= start :
			    v->matches[i].first > start)
				break;
		if (i == v->nmatches) {
			i = 0;
			ui_message(ui, 0, "search wrapped to the top");
		}
	}
	v->current = i;
	/* Put the match on the top line, as less does. */
	scroll_to(ui, v, (long)v->matches[i].first);
	if (v->matches[i].first < v->top ||
	    v->matches[i].first >= v->top + (size_t)ui->body_rows)
		v->top = v->matches[i].first;
}

static int
char_attr(struct ui *ui, struct ui_view *v, const struct vline *l,
    size_t line, size_t at)
{
	const struct story *st = v->item->story;
	size_t i;

	for (i = 0; i < v->nmatches; i++) {
		const struct match *m = &v->matches[i];

		if (m->first > line)
			break;
		if (m->text == l->text && at >= m->start && at < m->end)
			return ui->attrs[COLOR_SEARCH];
	}
	if (st != NULL && l->para != PARA_OTHER)
		for (i = 0; i < st->nentities; i++) {
			const struct story_entity *e = &st->entities[i];

			if (e->paragraph == l->para && at >= e->start &&
			    at < e->end)
				return ui->attrs[e->type == ENT_PER ?
				    COLOR_PERSON : e->type == ENT_LOC ?
				    COLOR_PLACE : COLOR_ORG] |
				    (v->has_ent && v->ent == i ? A_REVERSE : 0);
		}
	return ui->attrs[l->style];
}

/* The display line showing entity e, or (size_t)-1. */
static size_t
entity_line(const struct ui_view *v, const struct story_entity *e)
{
	size_t i;

	for (i = 0; i < v->nlines; i++)
		if (v->lines[i].para == e->paragraph &&
		    v->lines[i].start <= e->start &&
		    (e->start < v->lines[i].end || (i + 1 < v->nlines &&
		    v->lines[i + 1].para != e->paragraph)))
			return i;
	return (size_t)-1;
}

static void
show_entity(struct ui *ui, struct ui_view *v, size_t i, const char *note)
{
	const struct story *st = v->item->story;
	const struct story_entity *e = &st->entities[i];
	const char *s = e->paragraph < 0 ? st->headline :
	    st->paragraphs[e->paragraph];
	size_t line = entity_line(v, e);

	v->ent = i;
	v->has_ent = 1;
	if (line != (size_t)-1 && (line < v->top ||
	    line >= v->top + (size_t)ui->body_rows))
		scroll_to(ui, v, (long)line - ui->body_rows / 3);
	ui_message(ui, 0, "%.*s: %s, %zu/%zu%s", (int)(e->end - e->start),
	    s + e->start, e->type == ENT_PER ? "person" : e->type == ENT_LOC ?
	    "place" : "organisation", i + 1, st->nentities, note);
}

/* Tab and Shift-Tab: the next or previous highlighted name. */
static void
jump_entity(struct ui *ui, struct ui_view *v, int backward)
{
	const struct story *st = v->item->story;
	const char *note = "";
	size_t i, line;

	if (st == NULL || st->nentities == 0) {
		ui_message(ui, 0, "No names highlighted in this story");
		return;
	}
	/* Start from the name shown last, if it is still on screen. */
	if (v->has_ent && ((line = entity_line(v, &st->entities[v->ent])) ==
	    (size_t)-1 || line < v->top ||
	    line >= v->top + (size_t)ui->body_rows))
		v->has_ent = 0;
	if (!v->has_ent) {
		for (i = 0; i < st->nentities; i++)
			if ((line = entity_line(v, &st->entities[i])) !=
			    (size_t)-1 && line >= v->top)
				break;
		if (backward)
			i = i > 0 ? i - 1 : st->nentities - 1;
		else if (i == st->nentities) {
			i = 0;
			note = " (wrapped to the top)";
		}
	} else if (backward) {
		if (v->ent == 0)
			note = " (wrapped to the bottom)";
		i = v->ent > 0 ? v->ent - 1 : st->nentities - 1;
	} else {
		if (v->ent + 1 == st->nentities)
			note = " (wrapped to the top)";
		i = v->ent + 1 < st->nentities ? v->ent + 1 : 0;
	}
	show_entity(ui, v, i, note);
}

static void
draw_line(struct ui *ui, struct ui_view *v, size_t idx, int row)
{
	const struct vline *l = &v->lines[idx];
	int col = ui->text_left, avail = ui->text_width;
	size_t i, k, run;
	uint32_t cp;

	move(row, col);
	if (l->prefix != NULL)
		ui_put(ui, l->prefix, strlen(l->prefix), l->indent,
		    ui->attrs[l->style == COLOR_QUOTE ? COLOR_QUOTE :
		    COLOR_BODY]);
	else if (l->style == COLOR_QUOTE && l->indent > 0)
		ui_put(ui, "\xE2\x94\x82 ", 4, l->indent,
		    ui->attrs[COLOR_QUOTE]);
	move(row, col + l->indent);
	avail -= l->indent;
	/* Draw runs of bytes that share one attribute. */
	for (i = l->start; i < l->end && avail > 0; i = run) {
		int attr = char_attr(ui, v, l, idx, i);

		run = i;
		while (run < l->end) {
			k = text_utf8_next(l->text + run, l->end - run, &cp);
			if (run > i && char_attr(ui, v, l, idx, run) != attr)
				break;
			run += k;
		}
		avail -= ui_put(ui, l->text + i, run - i, avail, attr);
	}
}

/* "[1/2] …/wire-portal.txt   [removed shown]  match 2/5  7-35/41 85%":
 * the position always, what else fits in half the line, and the source
 * in the rest, its start cut first. */
static void
status(struct ui *ui, struct story_screen *ss, struct ui_view *v)
{
	const struct ui_item *it = v->item;
	struct buf r = { 0 }, where = { 0 }, l = { 0 };
	size_t pos, count;
	char *src, *shown;
	int room;

	ui_where(&where, v->top, (size_t)ui->body_rows, v->nlines);
	if (v->show_removed)
		buf_adds(&r, "[removed shown]  ");
	if (v->nmatches > 0)
		buf_printf(&r, "match %zu/%zu  ", v->current + 1, v->nmatches);
	if ((int)(r.len + where.len) > ui->cols / 2) {
		r.len = 0;
		if (v->nmatches > 0)
			buf_printf(&r, "%zu/%zu  ", v->current + 1,
			    v->nmatches);
	}
	buf_adds(&r, buf_cstr(&where));
	if (it->story != NULL && it->story->starred)
		buf_adds(&l, "* ");
	if (ss->nav->ops->position(ss->nav, &pos, &count))
		buf_printf(&l, "[%zu/%zu] ", pos, count);
	/* The source may carry anything: sanitize what we show. */
	src = it->story != NULL ? it->story->source : it->arg;
	src = text_sanitize(src, strlen(src), TEXT_ONELINE);
	room = ui_status_room(ui, buf_cstr(&r)) - (int)text_width(
	    buf_cstr(&l), l.len);
	shown = ui_shorten_start(src, room > 8 ? room : 8);
	buf_adds(&l, shown);
	ui_status(ui, buf_cstr(&l), buf_cstr(&r));
	free(shown);
	free(src);
	buf_free(&l);
	buf_free(&where);
	buf_free(&r);
}

static void
storyview_draw(struct screen *scr, struct ui *ui)
{
	struct story_screen *ss = (struct story_screen *)scr;
	struct ui_view *v = current_view(ui, ss);
	size_t i, rows = (size_t)ui->body_rows;

	if (v->top > max_top(ui, v))
		v->top = max_top(ui, v);
	if (v->top != v->anchor_top || v->anchor == NULL)
		set_anchor(v);
	v->at_end = v->top > 0 && v->top == max_top(ui, v);
	v->drawn_rows = ui->body_rows;
	for (i = 0; i < rows && v->top + i < v->nlines; i++)
		draw_line(ui, v, v->top + i, (int)i);
	for (; i < rows; i++)
		mvaddstr((int)i, 0, "~");
	status(ui, ss, v);
}

static void
switch_story(struct ui *ui, struct story_screen *ss, int delta)
{
	const struct ui_item *it;

	if (ss->nav->ops->step(ss->nav, delta) == -1) {
		ui_message(ui, 0, delta > 0 ? "This is the last story." :
		    "This is the first story.");
		return;
	}
	it = ss->nav->ops->current(ss->nav);
	if (it->error != NULL)
		ui_message(ui, 1, "%s", it->error);
}

static void
search(struct ui *ui, struct ui_view *v)
{
	char *pat = ui_prompt(ui, "/");

	if (pat == NULL)
		return;
	if (pat[0] == '\0') {
		/* An empty pattern repeats the last one. */
		free(pat);
		if (ui->search == NULL)
			return;
		pat = xstrdup(ui->search);
	}
	free(ui->search);
	ui->search = text_sanitize(pat, strlen(pat), TEXT_ONELINE);
	free(pat);
	find_matches(v, ui->search);
	jump_match(ui, v, 0, 1);
}

static void
storyview_mouse(struct screen *scr, struct ui *ui, int delta)
{
	struct ui_view *v = current_view(ui, (struct story_screen *)scr);

	scroll_to(ui, v, (long)v->top + delta);
}

/* Back from the names: show the one chosen. */
static void
storyview_resume(struct screen *scr, struct ui *ui, long result)
{
	struct ui_view *v = current_view(ui, (struct story_screen *)scr);
	const struct story *st = v->item->story;

	if (st != NULL && result >= 0 && (size_t)result < st->nentities)
		show_entity(ui, v, (size_t)result, "");
}

static void
open_names(struct ui *ui, struct ui_view *v)
{
	struct screen *s;

	if (v->item->story != NULL &&
	    (s = ui_names_new(ui, v->item->story)) != NULL)
		ui_push(ui, s);
}

/* The keys that leave the story or reach its sequence: h, Left, q, Q,
 * r, o, as far as the sequence offers them. Returns 1 if taken. */
static int
nav_key(struct ui *ui, struct story_screen *ss, int key, int fn)
{
	struct nav *nav = ss->nav;
	unsigned offers = nav->ops->offers(nav);

	if (fn) {
		if (key != KEY_LEFT || !(offers & UI_HELP_BACK))
			return 0;
		ui_pop(ui, -1);
		return 1;
	}
	switch (key) {
	case 'q':
		if (offers & UI_HELP_BACK)
			ui_pop(ui, -1);
		else
			ui->quit = 1;
		return 1;
	case 'Q':
		ui->quit = 1;
		return 1;
	case 'h':
		if (!(offers & UI_HELP_BACK))
			ui_message(ui, 0, "No list to go back to: q quits");
		else
			ui_pop(ui, -1);
		return 1;
	case 'r':
		if (!(offers & UI_HELP_RELOAD)) {
			ui_message(ui, 0, "Nothing to reload: this story was "
			    "not fetched from the web");
			return 1;
		}
		nav->ops->reload(nav);
		ui_message(ui, 0, "Reloading the story\xE2\x80\xA6");
		return 1;
	case 'o':
		if (!(offers & UI_HELP_LINK))
			ui_message(ui, 0, "This story has no link to open");
		else
			ui_open_browser(ui, nav->ops->link(nav));
		return 1;
	}
	return 0;
}

static void
open_help(struct ui *ui, struct story_screen *ss)
{
	ui_push(ui, ui_help_new(ui, UI_HELP_STORY |
	    ss->nav->ops->offers(ss->nav)));
}

static void
storyview_key(struct screen *scr, struct ui *ui, int key, int fn)
{
	struct story_screen *ss = (struct story_screen *)scr;
	struct ui_view *v = current_view(ui, ss);
	long top;

	if (nav_key(ui, ss, key, fn))
		return;
	if (ui_motion(ui, key, fn, (long)v->top, (long)v->nlines, &top)) {
		scroll_to(ui, v, top);
		return;
	}
	if (fn) {
		if (key == KEY_BTAB)
			jump_entity(ui, v, 1);
		else if (key == KEY_F(1))
			open_help(ui, ss);
		return;
	}
	switch (key) {
	case '/':
		search(ui, v);
		break;
	case 'n': case 'N':
		if (ui->search == NULL) {
			ui_message(ui, 1, "No previous search pattern");
			break;
		}
		if (v->matched == NULL || strcmp(v->matched, ui->search) != 0)
			find_matches(v, ui->search);
		jump_match(ui, v, key == 'N', 0);
		break;
	case '\t':
		jump_entity(ui, v, 0);
		break;
	case 'e':
		open_names(ui, v);
		break;
	case '*':
		ui_star(ui, v->item->story);
		break;
	case 27:	/* Esc: clear the highlight */
		v->nmatches = 0;
		free(v->matched);
		v->matched = NULL;
		break;
	case 'J': case ']':
		switch_story(ui, ss, 1);
		break;
	case 'K': case '[':
		switch_story(ui, ss, -1);
		break;
	case 'v':
		v->show_removed = !v->show_removed;
		relayout(ui, v);
		if (v->item->story != NULL)
			ui_message(ui, 0, "%s %zu removed block%s%s",
			    v->show_removed ? "Showing" : "Hiding",
			    v->item->story->nremoved,
			    v->item->story->nremoved == 1 ? "" : "s",
			    v->show_removed ? ", dimmed" : "");
		break;
	case '?':
		open_help(ui, ss);
		break;
	default:
		if (key >= 0x20 && key < 0x7F)
			ui_message(ui, 0, "Unknown key '%c': press ? for help",
			    key);
		break;
	}
}

static void
storyview_free(struct screen *scr)
{
	struct story_screen *ss = (struct story_screen *)scr;
	size_t i;

	for (i = 0; i < ss->nviews; i++)
		view_free(ss->views[i]);
	free(ss->views);
	free(ss);
}

static const struct screen_ops storyview_ops = {
	.draw = storyview_draw,
	.key = storyview_key,
	.mouse = storyview_mouse,
	.resume = storyview_resume,
	.free = storyview_free,
};

struct screen *
ui_story_new(struct ui *ui, struct nav *nav)
{
	struct story_screen *ss = xcalloc(1, sizeof *ss);

	ss->screen.ops = &storyview_ops;
	ss->nav = nav;
	ss->gen = nav->gen;
	return &ss->screen;
}
