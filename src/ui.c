/*
 * ui: terminal set-up and teardown, colours, geometry, the status line,
 * the prompt, the browser, the stack of screens and the key loop that
 * hands keys to the screen on top; and the files of the command line as
 * a sequence of stories (struct nav).
 */
#define READER_UI_INTERNAL
#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <term.h>
#include <unistd.h>

#include "fetch.h"
#include "list.h"
#include "store.h"
#include "story.h"
#include "text.h"
#include "ui.h"
#include "util.h"

static volatile sig_atomic_t got_signal;
static SCREEN *screen;
static FILE *tty_in;

static void
on_signal(int sig)
{
	got_signal = sig;
}

static void
ui_restore_terminal(void)
{
	if (screen != NULL && !isendwin())
		endwin();
}

void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list ap;
	char *raw;

	va_start(ap, fmt);
	raw = xvasprintf(fmt, ap);
	va_end(ap);
	free(ui->message);
	ui->message = text_sanitize(raw, strlen(raw), TEXT_ONELINE);
	ui->message_error = error;
	free(raw);
}

/* ASCII stand-ins for a terminal that cannot show UTF-8. */
static const char *
ascii_for(uint32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x2032:
		return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
		return "\"";
	case 0x2013: case 0x2014: case 0x2212:
		return "-";
	case 0x2026:
		return "...";
	case 0x2022: case 0x00B7:
		return "*";
	case 0x00A0:
		return " ";
	case 0x2502:
		return "|";
	}
	return "?";
}

int
ui_put(struct ui *ui, const char *s, size_t n, int cols, int attr)
{
	size_t i = 0, k;
	uint32_t cp;
	int used = 0, w;

	attrset(attr);
	while (i < n && used < cols) {
		k = text_utf8_next(s + i, n - i, &cp);
		/* Sanitized text never gets here with a control, a bidi
		 * override or a bad byte; be sure, as this is the last step
		 * before the terminal. */
		if (text_cp_dropped(cp) || cp == '\n' || cp == '\t') {
			i += k;
			continue;
		}
		if (cp == 0xFFFD && ui->utf8) {
			if (used + 1 > cols)
				break;
			addstr("\xEF\xBF\xBD");
			used++;
			i += k;
			continue;
		}
		if (cp < 0x80) {
			addch((chtype)cp);
			used++;
		} else if (ui->utf8) {
			w = text_cpwidth(cp);
			if (used + w > cols)
				break;	/* never split a wide character */
			addnstr(s + i, (int)k);
			used += w;
		} else {
			const char *a = ascii_for(cp);
			int al = (int)strlen(a);

			if (used + al > cols)
				break;
			addstr(a);
			used += al;
		}
		i += k;
	}
	attrset(A_NORMAL);
	return used;
}

/* The byte offset in s (n bytes) from which its tail fits in cols. */
static size_t
tail_from(const char *s, size_t n, int cols)
{
	int w = (int)text_width(s, n);
	size_t off = 0;
	uint32_t cp;

	while (w > cols && off < n) {
		off += text_utf8_next(s + off, n - off, &cp);
		w -= text_cpwidth(cp);
	}
	return off;
}

static int
right_width(const struct ui *ui, const char *right)
{
	int rw = right != NULL ? (int)text_width(right, strlen(right)) : 0;

	return rw > ui->cols - 2 ? ui->cols - 2 : rw;
}

int
ui_status_room(const struct ui *ui, const char *right)
{
	int rw = right_width(ui, right);

	return ui->cols - rw - (rw > 0 ? 2 : 0) - 1;
}

char *
ui_shorten_start(const char *s, int cols)
{
	size_t n = strlen(s);

	if ((int)text_width(s, n) <= cols)
		return xstrdup(s);
	if (cols < 2)
		return xstrdup("");
	return xasprintf("\xE2\x80\xA6%s", s + tail_from(s, n, cols - 1));
}

/* A message too long for the status line: its first lines on the rows
 * above, as many as it needs up to half the screen; returns the part
 * left for the status row (cut there if still too long). */
static const char *
status_overflow(struct ui *ui, const char *msg, int lw, int attr)
{
	struct text_line *wl;
	size_t n, i, max = (size_t)(ui->rows / 2);
	int row;

	n = text_wrap(msg, lw, &wl);
	if (n > max + 1)
		n = max + 1;
	for (i = 0, row = ui->rows - (int)n; i + 1 < n; i++, row++) {
		move(row, 0);
		attrset(attr);
		hline(' ', ui->cols);
		move(row, 1);
		ui_put(ui, msg + wl[i].start, wl[i].end - wl[i].start, lw,
		    attr);
	}
	if (n > 1)
		msg += wl[n - 1].start;
	free(wl);
	return msg;
}

void
ui_status(struct ui *ui, const char *left, const char *right)
{
	int attr = ui->attrs[COLOR_STATUS], rw, lw;

	rw = right_width(ui, right);
	lw = ui_status_room(ui, right);
	if (ui->message != NULL) {
		left = ui->message;
		if (ui->message_error)
			attr = ui->attrs[COLOR_ERROR] | A_REVERSE;
		if (lw > 10 && (int)text_width(left, strlen(left)) > lw)
			left = status_overflow(ui, left, lw, attr);
	}
	move(ui->rows - 1, 0);
	attrset(ui->attrs[COLOR_STATUS]);
	hline(' ', ui->cols);
	move(ui->rows - 1, 1);
	if (left != NULL && lw > 0) {
		size_t ll = strlen(left);

		if ((int)text_width(left, ll) > lw && lw > 1) {
			ui_put(ui, left, ll, lw - 1, attr);
			ui_put(ui, "\xE2\x80\xA6", 3, 1, attr);
		} else
			ui_put(ui, left, ll, lw, attr);
	}
	if (rw > 0) {
		/* The end of it if even that is too long: the position. */
		size_t rl = strlen(right), off = tail_from(right, rl, rw);

		move(ui->rows - 1, ui->cols - rw - 1);
		ui_put(ui, right + off, rl - off, rw,
		    ui->attrs[COLOR_STATUS]);
	}
	attrset(A_NORMAL);
}

void
ui_where(struct buf *b, size_t top, size_t rows, size_t total)
{
	size_t bottom = top + rows < total ? top + rows : total;

	if (total <= rows) {
		buf_adds(b, "All");
		return;
	}
	buf_printf(b, "%zu-%zu/%zu %s", top + 1, bottom, total, top == 0 ?
	    "Top" : bottom == total ? "Bot" : "");
	if (top > 0 && bottom < total)
		buf_printf(b, "%zu%%", bottom * 100 / total);
}

int
ui_motion(const struct ui *ui, int key, int fn, long top, long total,
    long *to)
{
	long page = ui->body_rows > 2 ? ui->body_rows - 2 : 1;
	long half = ui->body_rows / 2 > 0 ? ui->body_rows / 2 : 1;

	if (fn) {
		switch (key) {
		case KEY_DOWN: case KEY_ENTER:
			*to = top + 1;
			return 1;
		case KEY_UP:
			*to = top - 1;
			return 1;
		case KEY_NPAGE:
			*to = top + page;
			return 1;
		case KEY_PPAGE:
			*to = top - page;
			return 1;
		case KEY_HOME:
			*to = 0;
			return 1;
		case KEY_END:
			*to = total;
			return 1;
		}
		return 0;
	}
	switch (key) {
	case 'j': case 14: case 5: case '\r': case '\n':	/* ^N ^E */
		*to = top + 1;
		return 1;
	case 'k': case 16: case 25:			/* ^P ^Y */
		*to = top - 1;
		return 1;
	case ' ': case 'f': case 6:			/* ^F */
		*to = top + page;
		return 1;
	case 'b': case 2:				/* ^B */
		*to = top - page;
		return 1;
	case 'd': case 4:				/* ^D */
		*to = top + half;
		return 1;
	case 'u': case 21:				/* ^U */
		*to = top - half;
		return 1;
	case 'g': case '<':
		*to = 0;
		return 1;
	case 'G': case '>':
		*to = total;
		return 1;
	}
	return 0;
}

static void	resize(struct ui *);
static void	ui_draw(struct ui *);

char *
ui_prompt(struct ui *ui, const char *prompt)
{
	struct buf line = { 0 };
	wint_t ch;
	int r, pw;

	curs_set(1);
	for (;;) {
		const char *s = buf_cstr(&line);
		int avail;
		size_t off = 0;

		move(ui->rows - 1, 0);
		attrset(A_NORMAL);
		clrtoeol();
		pw = ui_put(ui, prompt, strlen(prompt), ui->cols - 1, A_BOLD);
		/* Show the end of a long entry. */
		avail = ui->cols - pw - 1;
		off = tail_from(s, line.len, avail);
		ui_put(ui, s + off, line.len - off, avail, A_NORMAL);
		refresh();
		r = get_wch(&ch);
		if (got_signal) {
			buf_free(&line);
			curs_set(0);
			return NULL;
		}
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES) {
			if (ch == KEY_BACKSPACE)
				goto backspace;
			if (ch == KEY_ENTER)
				break;
			if (ch == KEY_RESIZE) {
				/* The screen under the prompt, laid out
				 * for the new size. */
				resize(ui);
				ui_draw(ui);
			}
			continue;
		}
		if (ch == '\n' || ch == '\r')
			break;
		if (ch == 27 || ch == 3 || ch == 7) {	/* Esc, ^C, ^G */
			buf_free(&line);
			curs_set(0);
			return NULL;
		}
		if (ch == 21) {				/* ^U */
			line.len = 0;
			continue;
		}
		if (ch == 127 || ch == 8) {
backspace:
			if (line.len == 0) {
				buf_free(&line);
				curs_set(0);
				return NULL;
			}
			do
				line.len--;
			while (line.len > 0 &&
			    ((unsigned char)line.data[line.len] & 0xC0) == 0x80);
			continue;
		}
		if (ch < 0x20 || line.len > 1000)
			continue;
		{
			char enc[4];

			buf_add(&line, enc, text_utf8_put((uint32_t)ch, enc));
		}
	}
	curs_set(0);
	buf_grow(&line, 0);
	return buf_detach(&line);
}

/* Run $BROWSER on url: its own argv element, no shell, the terminal
 * handed over (a text browser needs it) and taken back. */
void
ui_open_browser(struct ui *ui, const char *url)
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

static int
curses_attrs(int a)
{
	int r = A_NORMAL;

	if (a & CONFIG_ATTR_BOLD)
		r |= A_BOLD;
	if (a & CONFIG_ATTR_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & CONFIG_ATTR_DIM)
		r |= A_DIM;
	if (a & CONFIG_ATTR_REVERSE)
		r |= A_REVERSE;
#ifdef A_ITALIC
	if (a & CONFIG_ATTR_ITALIC)
		r |= A_ITALIC;
#endif
	return r;
}

static void
setup_colors(struct ui *ui)
{
	const char *nc = getenv("NO_COLOR");
	int use = has_colors() && (nc == NULL || nc[0] == '\0');
	int i;

	if (use) {
		start_color();
		use_default_colors();
	}
	for (i = 0; i < COLOR_COUNT; i++) {
		const struct config_style *st = &ui->cfg->colors[i];
		int fg = st->fg, bg = st->bg;

		ui->attrs[i] = curses_attrs(st->attrs);
		if (use && (fg >= 0 || bg >= 0) && i + 1 < COLOR_PAIRS) {
			if (fg >= COLORS)
				fg = -1;
			if (bg >= COLORS)
				bg = -1;
			init_pair((short)(i + 1), (short)fg, (short)bg);
			ui->attrs[i] |= (int)COLOR_PAIR(i + 1);
		}
	}
	if (!use) {
		/* Without colour, kinds are told apart by attributes. */
		ui->attrs[COLOR_SEARCH] = A_REVERSE;
		ui->attrs[COLOR_PERSON] = A_BOLD;
		ui->attrs[COLOR_PLACE] = A_UNDERLINE;
		ui->attrs[COLOR_ORG] = A_BOLD | A_UNDERLINE;
		ui->attrs[COLOR_ERROR] |= A_BOLD;
		ui->attrs[COLOR_DATELINE] |= A_BOLD;
	}
}

static void
ui_layout(struct ui *ui)
{
	ui->rows = LINES;
	ui->cols = COLS;
	ui->too_small = ui->cols < 20 || ui->rows < 4;
	ui->body_rows = ui->rows - 1;
	ui->text_width = ui->cols - 4;
	if (ui->cfg->width > 0 && ui->text_width > ui->cfg->width)
		ui->text_width = ui->cfg->width;
	if (ui->text_width < 1)
		ui->text_width = 1;
	ui->text_left = (ui->cols - ui->text_width) / 2;
}

static struct screen *
top(const struct ui *ui)
{
	return ui->depth > 0 ? ui->stack[ui->depth - 1] : NULL;
}

int
ui_on_top(const struct ui *ui, const struct screen *s)
{
	return top(ui) == s;
}

void
ui_push(struct ui *ui, struct screen *s)
{
	if (ui->push != NULL)
		ui->push->ops->free(ui->push);
	ui->push = s;
}

void
ui_pop(struct ui *ui, long result)
{
	ui->pop = 1;
	ui->pop_result = result;
}

/* Carry out what the screens asked for: first the pop, then the push
 * (so a screen can replace itself). No screen left: quit. */
static void
apply_requests(struct ui *ui)
{
	struct screen *s;

	if (ui->pop && ui->depth > 0) {
		s = ui->stack[--ui->depth];
		s->ops->free(s);
		if ((s = top(ui)) != NULL && s->ops->resume != NULL)
			s->ops->resume(s, ui, ui->pop_result);
	}
	ui->pop = 0;
	if (ui->push != NULL) {
		ui->stack = xreallocarray(ui->stack, ui->depth + 1,
		    sizeof *ui->stack);
		ui->stack[ui->depth++] = ui->push;
		ui->push = NULL;
	}
	if (ui->depth == 0)
		ui->quit = 1;
}

static void
free_stack(struct ui *ui)
{
	if (ui->push != NULL)
		ui->push->ops->free(ui->push);
	ui->push = NULL;
	while (ui->depth > 0) {
		struct screen *s = ui->stack[--ui->depth];

		s->ops->free(s);
	}
	free(ui->stack);
	ui->stack = NULL;
}

static void
ui_draw(struct ui *ui)
{
	struct screen *s = top(ui);

	erase();
	if (ui->too_small) {
		const char *msg = ui->cols >= 18 ? "terminal too small" :
		    "too small";
		int len = (int)strlen(msg);

		if (len > ui->cols)
			len = ui->cols;
		mvaddnstr(ui->rows / 2, (ui->cols - len) / 2, msg, len);
		refresh();
		return;
	}
	if (s != NULL)
		s->ops->draw(s, ui);
	refresh();
}

/* Open the terminal; curses writes to stdout and reads the tty. */
static int
ui_open(struct ui *ui, char **err)
{
	const char *term = getenv("TERM");
	char *cup;
	FILE *in = stdin;

	if (term == NULL || term[0] == '\0') {
		*err = xstrdup("cannot start the screen: TERM is not set "
		    "(use --dump for plain output)");
		return -1;
	}
	if (!isatty(STDIN_FILENO)) {
		if ((tty_in = fopen("/dev/tty", "r")) == NULL) {
			*err = xasprintf("cannot open /dev/tty for keys: %s",
			    strerror(errno));
			return -1;
		}
		in = tty_in;
	}
	if ((screen = newterm(NULL, stdout, in)) == NULL) {
		char *t = text_sanitize(term, strlen(term), TEXT_ONELINE);

		*err = xasprintf("cannot start the screen: unknown terminal "
		    "type \"%.40s\" (use --dump for plain output)", t);
		free(t);
		return -1;
	}
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		char *t = text_sanitize(term, strlen(term), TEXT_ONELINE);

		endwin();
		delscreen(screen);
		screen = NULL;
		*err = xasprintf("cannot start the screen: terminal \"%.40s\" "
		    "cannot move the cursor (use --dump for plain output)", t);
		free(t);
		return -1;
	}
	util_die_hook = ui_restore_terminal;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	timeout(250);
	if (ui->cfg->mouse) {
		mousemask(BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	}
	setup_colors(ui);
	return 0;
}

static void
ui_close(void)
{
	if (screen == NULL)
		return;
	endwin();
	delscreen(screen);
	screen = NULL;
	util_die_hook = NULL;
	if (tty_in != NULL) {
		fclose(tty_in);
		tty_in = NULL;
	}
}

static void	ui_loop(struct ui *);

static void
ui_setup(struct ui *ui, const struct config *cfg)
{
	struct sigaction sa;
	const char *cs;

	memset(ui, 0, sizeof *ui);
	ui->cfg = cfg;
	cs = nl_langinfo(CODESET);
	ui->utf8 = cs != NULL && (strcasecmp(cs, "UTF-8") == 0 ||
	    strcasecmp(cs, "utf8") == 0);

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* The files of the command line, as a sequence for the story view. */
struct files {
	struct nav	 nav;
	struct ui_item	*items;
	size_t		 n;
	size_t		 cur;
};

static const struct ui_item *
files_current(struct nav *nav)
{
	struct files *f = (struct files *)nav;

	return &f->items[f->cur];
}

static int
files_position(struct nav *nav, size_t *pos, size_t *count)
{
	struct files *f = (struct files *)nav;

	*pos = f->cur + 1;
	*count = f->n;
	return f->n > 1;
}

static int
files_step(struct nav *nav, int dir)
{
	struct files *f = (struct files *)nav;

	if (dir > 0 ? f->cur + 1 >= f->n : f->cur == 0)
		return -1;
	f->cur = dir > 0 ? f->cur + 1 : f->cur - 1;
	return 0;
}

static unsigned
files_offers(struct nav *nav)
{
	struct files *f = (struct files *)nav;
	const struct story *st = f->items[f->cur].story;
	unsigned o = 0;

	if (f->n > 1)
		o |= UI_HELP_STEP;
	if (st != NULL && st->url != NULL)
		o |= UI_HELP_LINK;
	return o;
}

/* A saved page's own address (its canonical link), if it gave one. */
static const char *
files_link(struct nav *nav)
{
	struct files *f = (struct files *)nav;

	return f->items[f->cur].story->url;
}

static const struct nav_ops files_ops = {
	.current = files_current,
	.position = files_position,
	.step = files_step,
	.offers = files_offers,
	.link = files_link,
};

int
ui_star(struct ui *ui, struct story *st)
{
	int on;

	if (st == NULL || st->store_id == 0 || ui->store == NULL) {
		ui_message(ui, 1, "Not in the store: nothing to star");
		return -1;
	}
	on = !st->starred;
	if (store_set_starred(ui->store, st->store_id, on) == -1) {
		char *w = store_take_warning(ui->store);

		ui_message(ui, 1, "%s", w != NULL ? w : "The store cannot be "
		    "written: not starred");
		free(w);
		return -1;
	}
	st->starred = on;
	ui_message(ui, 0, on ? "Starred" : "Star removed");
	return on;
}

/* Run the key loop over the first screen, then free every screen. */
static int
run_screen(struct ui *ui, struct screen *first)
{
	ui_push(ui, first);
	apply_requests(ui);
	ui_loop(ui);
	ui_close();
	free_stack(ui);
	free(ui->message);
	free(ui->search);
	return 0;
}

int
ui_run_list(struct list *l, const struct config *cfg, char **err)
{
	struct ui ui;

	ui_setup(&ui, cfg);
	ui.store = l->store;
	if (ui_open(&ui, err) == -1)
		return -1;
	return run_screen(&ui, ui_list_new(&ui, l));
}

int
ui_run(struct ui_item *items, size_t n, const struct config *cfg,
    struct store *store, char **err)
{
	struct ui ui;
	struct files f;
	size_t i;

	ui_setup(&ui, cfg);
	ui.store = store;
	if (ui_open(&ui, err) == -1)
		return -1;
	memset(&f, 0, sizeof f);
	f.nav.ops = &files_ops;
	f.items = items;
	f.n = n;
	/* Start at the first story that opened. */
	for (i = 0; i < n && items[i].story == NULL; i++)
		;
	f.cur = i < n ? i : 0;
	for (i = 0; i < n; i++)
		if (items[i].error != NULL) {
			ui_message(&ui, 1, "%s", items[i].error);
			break;
		}
	return run_screen(&ui, ui_story_new(&ui, &f.nav));
}

/* Each screen's background work; 1 when any of them must be drawn. */
static int
tick(struct ui *ui)
{
	size_t i;
	int redraw = 0;

	for (i = 0; i < ui->depth; i++)
		if (ui->stack[i]->ops->tick != NULL &&
		    ui->stack[i]->ops->tick(ui->stack[i], ui))
			redraw = 1;
	if (ui->push != NULL || ui->pop)
		redraw = 1;
	apply_requests(ui);
	return redraw;
}

static void
resize(struct ui *ui)
{
	size_t i;

	ui_layout(ui);
	for (i = 0; i < ui->depth; i++)
		if (ui->stack[i]->ops->resize != NULL)
			ui->stack[i]->ops->resize(ui->stack[i], ui);
}

/* The key loop: keys go to the screen on top; between keys, every
 * screen's background work moves on. */
static void
ui_loop(struct ui *ui)
{
	struct screen *s;
	wint_t ch;
	int r, redraw;

	ui_layout(ui);
	ui_draw(ui);
	while (!ui->quit && !got_signal) {
		r = get_wch(&ch);
		redraw = tick(ui);
		if (ui->quit)
			break;
		if (r == ERR) {
			if (redraw)
				ui_draw(ui);
			continue;
		}
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			resize(ui);
			ui_draw(ui);
			continue;
		}
		free(ui->message);
		ui->message = NULL;
		s = top(ui);
		if (r == KEY_CODE_YES && ch == KEY_MOUSE) {
			MEVENT ev;

			if (getmouse(&ev) == OK && s->ops->mouse != NULL) {
				if (ev.bstate & BUTTON4_PRESSED)
					s->ops->mouse(s, ui, -3);
				else if (ev.bstate & BUTTON5_PRESSED)
					s->ops->mouse(s, ui, 3);
			}
		} else if (r != KEY_CODE_YES && ch == 12) {	/* ^L */
			clearok(curscr, TRUE);
		} else if (ui->too_small) {
			if (ch == 'q' || ch == 'Q')
				ui->quit = 1;
		} else
			s->ops->key(s, ui, (int)ch, r == KEY_CODE_YES);
		apply_requests(ui);
		ui_draw(ui);
	}
}
