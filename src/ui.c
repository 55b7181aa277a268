/*
 * ui: terminal set-up and teardown, colours, geometry, the status line,
 * the prompt, and the key loop that hands keys to the screen shown.
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
#include <term.h>
#include <unistd.h>

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

void
ui_status(struct ui *ui, const char *left, const char *right)
{
	int attr = ui->attrs[COLOR_STATUS], rw, lw;

	move(ui->rows - 1, 0);
	attrset(attr);
	hline(' ', ui->cols);
	rw = right != NULL ? (int)text_width(right, strlen(right)) : 0;
	if (rw > ui->cols / 2)
		rw = 0;
	if (ui->message != NULL) {
		left = ui->message;
		if (ui->message_error)
			attr = ui->attrs[COLOR_ERROR] | A_REVERSE;
	}
	lw = ui->cols - rw - (rw ? 2 : 0) - 1;
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
		move(ui->rows - 1, ui->cols - rw - 1);
		ui_put(ui, right, strlen(right), rw, ui->attrs[COLOR_STATUS]);
	}
	attrset(A_NORMAL);
}

char *
ui_prompt(struct ui *ui, const char *prompt)
{
	struct buf line = { 0 };
	wint_t ch;
	int r, pw;

	curs_set(1);
	for (;;) {
		const char *s = buf_cstr(&line);
		int avail, w;
		size_t off = 0;

		move(ui->rows - 1, 0);
		attrset(A_NORMAL);
		clrtoeol();
		pw = ui_put(ui, prompt, strlen(prompt), ui->cols - 1, A_BOLD);
		/* Show the end of a long entry. */
		avail = ui->cols - pw - 1;
		w = (int)text_width(s, line.len);
		while (w > avail && off < line.len) {
			uint32_t cp;

			off += text_utf8_next(s + off, line.len - off, &cp);
			w -= text_cpwidth(cp);
		}
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
				ui->rows = LINES;
				ui->cols = COLS;
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

static void
ui_draw(struct ui *ui)
{
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
	if (ui->screen == UI_HELP)
		ui_help_draw(ui);
	else if (ui->screen == UI_NAMES)
		ui_names_draw(ui);
	else if (ui->screen == UI_LIST)
		ui_list_draw(ui);
	else
		ui_story_draw(ui);
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

int
ui_run_list(struct list *l, const struct config *cfg, char **err)
{
	struct ui ui;

	ui_setup(&ui, cfg);
	ui.list = l;
	if (ui_open(&ui, err) == -1)
		return -1;
	ui_list_init(&ui);
	ui_loop(&ui);
	ui_close();
	ui_list_free(&ui);
	free(ui.message);
	free(ui.search);
	return 0;
}

int
ui_run(struct ui_item *items, size_t n, const struct config *cfg, char **err)
{
	struct ui ui;
	size_t i;

	ui_setup(&ui, cfg);
	ui.items = items;
	ui.nitems = n;
	ui.views = xcalloc(n, sizeof *ui.views);
	if (ui_open(&ui, err) == -1) {
		free(ui.views);
		return -1;
	}
	/* Start at the first story that opened. */
	for (i = 0; i < n && items[i].story == NULL; i++)
		;
	ui.cur = i < n ? i : 0;
	for (i = 0; i < n; i++)
		if (items[i].error != NULL) {
			ui_message(&ui, 1, "%s", items[i].error);
			break;
		}
	ui_loop(&ui);
	ui_close();
	for (i = 0; i < n; i++)
		ui_story_free(ui.views[i]);
	free(ui.views);
	free(ui.message);
	free(ui.search);
	return 0;
}

/* The key loop; between keys, the list's transfers move on. */
static void
ui_loop(struct ui *ui)
{
	wint_t ch;
	int r;

	ui_layout(ui);
	ui_draw(ui);
	while (!ui->quit && !got_signal) {
		r = get_wch(&ch);
		if (ui->list != NULL && ui_list_poll(ui) && r == ERR)
			ui_draw(ui);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			ui_layout(ui);
			ui_draw(ui);
			continue;
		}
		free(ui->message);
		ui->message = NULL;
		if (r == KEY_CODE_YES && ch == KEY_MOUSE) {
			MEVENT ev;

			if (getmouse(&ev) == OK && ui->screen == UI_STORY) {
				if (ev.bstate & BUTTON4_PRESSED)
					ui_story_mouse(ui, -3);
				else if (ev.bstate & BUTTON5_PRESSED)
					ui_story_mouse(ui, 3);
			}
		} else if (r != KEY_CODE_YES && ch == 12) {	/* ^L */
			clearok(curscr, TRUE);
		} else if (ui->too_small) {
			if (ch == 'q' || ch == 'Q')
				ui->quit = 1;
		} else if (ui->screen == UI_HELP)
			ui_help_key(ui, (int)ch, r == KEY_CODE_YES);
		else if (ui->screen == UI_NAMES)
			ui_names_key(ui, (int)ch, r == KEY_CODE_YES);
		else if (ui->screen == UI_LIST)
			ui_list_key(ui, (int)ch, r == KEY_CODE_YES);
		else
			ui_story_key(ui, (int)ch, r == KEY_CODE_YES);
		ui_draw(ui);
	}
}
