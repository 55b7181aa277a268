/* main: options, modes (interactive, dump), start-up and teardown. */
#include <sys/stat.h>

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "fetch.h"
#include "list.h"
#include "query.h"
#include "source.h"
#include "store.h"
#include "story.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#ifndef READER_VERSION
#define READER_VERSION "0.1"
#endif

enum mode {
	MODE_UI,
	MODE_DUMP_TEXT,
	MODE_DUMP_JSON,
};

static void
usage(FILE *fp)
{
	fputs("usage: reader [-c file] [--dump[=text|json]] [source ...]\n"
	    "       reader [-c file] [--dump[=text|json]] --search QUERY\n"
	    "       reader --store | -h | -V\n"
	    "A source is a saved article file, - for standard input, or an\n"
	    "http(s) URL of a story or a feed. With no source, the [feeds]\n"
	    "of reader.conf.\n"
	    "  -c, --config FILE   read FILE instead of reader.conf\n"
	    "  -d, --dump[=FMT]    print the stories as text or json, "
	    "no screen\n"
	    "  -s, --search QUERY  the stored stories QUERY finds, best "
	    "first\n"
	    "      --store         what the store holds\n"
	    "  -h, --help          this help\n"
	    "  -V, --version       the version\n"
	    "In the reader, ? lists the keys.\n", fp);
}

static char *stdin_argv[] = { (char *)"-", NULL };

/* Standard input is a pipe or a file (not a terminal, not a device). */
static int
stdin_has_text(void)
{
	struct stat sb;

	return !isatty(STDIN_FILENO) && fstat(STDIN_FILENO, &sb) == 0 &&
	    (S_ISFIFO(sb.st_mode) || S_ISREG(sb.st_mode) ||
	    S_ISSOCK(sb.st_mode));
}

static void	warn_line(const char *);

/* Plain "reader" with nothing to open: how to give it something. */
static void
no_feeds(const struct config *cfg)
{
	char *path = cfg->path != NULL ? xstrdup(cfg->path) :
	    config_user_path();
	char *m = xasprintf("no feeds configured: add a line \"URL name\" "
	    "under [feeds] in %s, or open one with: reader URL",
	    path != NULL ? path : "reader.conf");

	warn_line(m);
	free(m);
	free(path);
}

static void
dump_story(const struct story *st, enum mode mode, int *printed)
{
	if (mode == MODE_DUMP_JSON)
		story_dump_json(st, stdout);
	else {
		if (*printed > 0)
			fputs("\f\n", stdout);
		story_dump_text(st, stdout);
	}
	(*printed)++;
}

/* Every message goes out through here, sanitized once more: whatever
 * built it, it holds no control characters and stays one line. */
static void
warn_line(const char *msg)
{
	char *clean = text_sanitize(msg, strlen(msg), TEXT_ONELINE);

	fflush(stdout);
	fprintf(stderr, "reader: %s\n", clean);
	free(clean);
}

/* The store's warnings: at once in batch mode, after the screen is
 * given back otherwise (held here meanwhile). */
static char *held_warning;

static void
store_warning(char *w, enum mode mode)
{
	if (w == NULL)
		return;
	if (mode != MODE_UI) {
		warn_line(w);
		free(w);
	} else if (held_warning == NULL)
		held_warning = w;
	else
		free(w);
}

/* --search: the stories the query finds, best first, printed or shown
 * as a list. Exit status as grep's. */
static int
run_search(const char *text, struct store *st, const struct config *cfg,
    enum mode mode)
{
	struct store_hits hits;
	struct query q;
	char *err = NULL;
	size_t i;
	int status, printed = 0;

	if (query_parse(text, &q, &err) == -1) {
		char *m = xasprintf("bad query: %s", err);

		warn_line(m);
		free(m);
		free(err);
		query_free(&q);
		return 2;
	}
	if (st == NULL) {
		warn_line("no store to search");
		query_free(&q);
		return 2;
	}
	if (mode == MODE_UI) {
		/* The list loads the first screen now, the rest as it goes. */
		struct list *l = list_new(cfg, st);

		query_free(&q);
		if (list_add_search(l, text, &err) == -1 || l->nentries == 0) {
			status = err != NULL ? 2 : 1;
			warn_line(err != NULL ? err : "no stored story matches");
			free(err);
		} else if (ui_run_list(l, cfg, &err) == -1) {
			warn_line(err);
			free(err);
			status = 2;
		} else
			status = 0;
		list_free(l);
		return status;
	}
	if (store_search(st, &q, NULL, 0, &hits, &err) == -1) {
		warn_line(err);
		free(err);
		query_free(&q);
		return 2;
	}
	query_free(&q);
	status = hits.n > 0 ? 0 : 1;
	for (i = 0; i < hits.n; i++) {
		struct story *sty = store_load(st, hits.hits[i].id);

		if (sty != NULL)
			dump_story(sty, mode, &printed);
		story_free(sty);
	}
	store_hits_free(&hits);
	return status;
}

/* --store: what is kept. */
static int
print_store(struct store *st)
{
	struct store_stats s;
	char day[32];
	struct tm tm;
	char *path;

	if (store_stats(st, &s) == -1) {
		warn_line("the store cannot be read");
		return 1;
	}
	path = text_sanitize(store_path(st), strlen(store_path(st)),
	    TEXT_ONELINE);
	printf("store: %s\n", path);
	free(path);
	printf("stories: %lld (%lld unread, %lld starred)\n", s.stories,
	    s.unread, s.starred);
	printf("feeds: %lld\n", s.feeds);
	printf("size: %.1f MB (%.1f MB of text, %.2fx)\n",
	    (double)s.bytes / 1e6, (double)s.text_bytes / 1e6,
	    s.text_bytes > 0 ? (double)s.bytes / (double)s.text_bytes : 0.0);
	if (s.oldest != 0) {
		gmtime_r(&s.oldest, &tm);
		strftime(day, sizeof day, "%Y-%m-%d", &tm);
		printf("oldest story: %s\n", day);
	} else
		printf("oldest story: none\n");
	return 0;
}

/* Print each source in order: a feed's stories in the list's order. */
static int
dump_list(struct list *l, int argc, char *argv[], const size_t *src,
    enum mode mode)
{
	size_t n = argc > 0 ? (size_t)argc : l->nsources, i, j;
	int printed = 0, status = 0;

	for (i = 0; i < n; i++) {
		const struct list_source *s;
		char *err = NULL;

		if (argc > 0 && src[i] == (size_t)-1) {
			struct story *st = source_load(argv[i], l->cfg, &err);

			if (st == NULL) {
				warn_line(err);
				free(err);
				status = 1;
				continue;
			}
			dump_story(st, mode, &printed);
			story_free(st);
			continue;
		}
		s = &l->sources[argc > 0 ? src[i] : i];
		if (s->error != NULL) {
			warn_line(s->error);
			status = 1;
			continue;
		}
		if (s->note != NULL) {
			char *u = text_sanitize(s->url, strlen(s->url),
			    TEXT_ONELINE);
			char *m = xasprintf("%s: %s", u, s->note);

			warn_line(m);
			free(m);
			free(u);
		}
		for (j = 0; j < l->nentries; j++) {
			const struct list_entry *e = l->entries[j];

			if (e->source != (size_t)(s - l->sources) ||
			    e->story == NULL)
				continue;
			if (e->error != NULL) {
				char *m = xasprintf("%s (printed the feed's "
				    "summary)", e->error);

				warn_line(m);
				free(m);
			}
			dump_story(e->story, mode, &printed);
		}
	}
	return status;
}

/* A list left to the exit with transfers running (see run_list). */
static struct list *volatile abandoned;

/* Sources with URLs, or the [feeds]: fetched in parallel, then shown
 * in the list or printed. */
static int
run_list(int argc, char *argv[], const struct config *cfg, enum mode mode,
    struct store *store)
{
	struct list *l = list_new(cfg, store);
	size_t *src = xcalloc(argc > 0 ? (size_t)argc : 1, sizeof *src);
	char *err = NULL;
	size_t i;
	int status = 0;

	if (argc == 0)
		for (i = 0; i < cfg->nfeeds; i++)
			list_add_url(l, cfg->feeds[i].url, cfg->feeds[i].name);
	for (i = 0; i < (size_t)argc; i++) {
		src[i] = (size_t)-1;
		if (fetch_is_url(argv[i]))
			src[i] = list_add_url(l, argv[i], NULL);
		else if (mode == MODE_UI) {
			struct story *st = source_load(argv[i], cfg, &err);

			if (st != NULL)
				src[i] = list_add_story(l, argv[i], st);
			else {
				src[i] = list_add_failed(l, argv[i], err);
				free(err);
				err = NULL;
			}
		}
	}
	list_refresh(l);
	if (mode == MODE_UI) {
		if (ui_run_list(l, cfg, &err) == -1) {
			warn_line(err);
			free(err);
			status = 1;
		}
		for (i = 0; i < l->nsources; i++)
			if (l->sources[i].error != NULL) {
				warn_line(l->sources[i].error);
				status = 1;
			}
	} else {
		/* Each story's page is asked for as soon as its feed is in. */
		for (;;) {
			for (i = 0; i < l->nentries; i++)
				list_open(l, l->entries[i], 0);
			if (list_busy(l) == 0)
				break;
			list_poll(l, 1000);
		}
		status = dump_list(l, argc, argv, src, mode);
	}
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "reader: error writing output\n");
		status = 1;
	}
	free(src);
	/* Quitting while transfers run: the exit frees them. Cleaning up
	 * could wait on a resolver thread stuck on a slow DNS server. The
	 * list stays reachable, so leak checkers see it was kept on purpose. */
	if (mode != MODE_UI || list_busy(l) == 0)
		list_free(l);
	else
		abandoned = l;
	return status;
}

static int	run_files(int, char *[], const struct config *, enum mode,
		    struct store *);

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "dump", optional_argument, NULL, 'd' },
		{ "search", required_argument, NULL, 's' },
		{ "store", no_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct config cfg;
	const char *config_path = NULL, *search = NULL;
	struct store *store;
	enum mode mode = MODE_UI;
	char *err = NULL;
	int ch, i, status = 0, show_store = 0, refused = 0;

	setlocale(LC_ALL, "");
	opterr = 0;	/* getopt would print the option unsanitized */
	while ((ch = getopt_long(argc, argv, ":c:d::hs:V", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'c':
			config_path = optarg;
			break;
		case 'd':
			if (optarg == NULL || strcmp(optarg, "text") == 0)
				mode = MODE_DUMP_TEXT;
			else if (strcmp(optarg, "json") == 0)
				mode = MODE_DUMP_JSON;
			else {
				char *m = xasprintf("unknown dump format "
				    "\"%.40s\" (text or json)", optarg);

				warn_line(m);
				free(m);
				return 2;
			}
			break;
		case 's':
			search = optarg;
			break;
		case 'S':
			show_store = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			puts("reader " READER_VERSION);
			return 0;
		default: {
			char *m = xasprintf(ch == ':' ? "option \"%.40s\" "
			    "needs an argument" : "unknown option \"%.40s\"",
			    argv[optind - 1]);

			warn_line(m);
			free(m);
			usage(stderr);
			return 2;
		}
		}
	}
	argc -= optind;
	argv += optind;
	if (config_load(&cfg, config_path, &err) == -1) {
		warn_line(err);
		free(err);
		config_free(&cfg);	/* the defaults it had set */
		return 1;
	}
	if ((search != NULL || show_store) && argc > 0) {
		warn_line(search != NULL ? "--search takes no sources" :
		    "--store takes no sources");
		config_free(&cfg);
		return 2;
	}
	/* Text piped or redirected in, and no source: read it, as less
	 * does (a terminal or /dev/null on stdin leaves the feeds). */
	if (argc == 0 && search == NULL && !show_store && stdin_has_text()) {
		argc = 1;
		argv = stdin_argv;
	}
	if (argc == 0 && cfg.nfeeds == 0 && search == NULL && !show_store) {
		no_feeds(&cfg);
		config_free(&cfg);
		return 2;
	}
	if (mode == MODE_UI && !isatty(STDOUT_FILENO))
		mode = MODE_DUMP_TEXT;	/* a pipe gets the text */
	heap_hugepages();
	store = store_open(NULL, &err, &refused);
	if ((search != NULL || show_store) && store == NULL) {
		warn_line(err != NULL ? err : "no store: neither XDG_DATA_HOME "
		    "nor HOME is set");
		free(err);
		config_free(&cfg);
		return 2;
	}
	store_warning(err, search != NULL || show_store ? MODE_DUMP_TEXT :
	    mode);
	err = NULL;
	if (show_store)
		status = print_store(store);
	else if (search != NULL)
		status = run_search(search, store, &cfg, mode);
	else {
		for (i = 0; i < argc && !fetch_is_url(argv[i]); i++)
			;
		/* URLs or feeds: the list does the fetching. */
		if (argc == 0 || i < argc)
			status = run_list(argc, argv, &cfg, mode, store);
		else
			status = run_files(argc, argv, &cfg, mode, store);
	}
	/* Retention in the time left at the exit: at most a fifth of a
	 * second, the rest at the next exit. */
	if (!show_store)
		store_prune(store, cfg.store.keep, cfg.store.max_size, 200);
	store_warning(store_take_warning(store), MODE_DUMP_TEXT);
	store_close(store);
	if (held_warning != NULL) {
		warn_line(held_warning);
		free(held_warning);
	}
	config_free(&cfg);
	return status;
}

/* Files only: each read (and kept) in turn, shown or printed. */
static int
run_files(int argc, char *argv[], const struct config *cfg, enum mode mode,
    struct store *store)
{
	struct ui_item *items;
	char *err = NULL;
	int i, n, status = 0;

	items = xcalloc((size_t)argc, sizeof *items);
	n = argc;
	for (i = 0; i < n; i++) {
		items[i].arg = argv[i];
		items[i].story = source_load(argv[i], cfg, &items[i].error);
		if (items[i].story == NULL)
			status = 1;
		else
			store_put(store, items[i].story, NULL);
		if (mode == MODE_UI)
			continue;
		/* Dump each story as soon as it is read. */
		if (items[i].story == NULL) {
			warn_line(items[i].error);
		} else if (mode == MODE_DUMP_JSON)
			story_dump_json(items[i].story, stdout);
		else {
			if (i > 0)
				fputs("\f\n", stdout);
			story_dump_text(items[i].story, stdout);
		}
	}
	if (mode == MODE_UI) {
		if (ui_run(items, (size_t)n, cfg, store, &err) == -1) {
			warn_line(err);
			free(err);
			status = 1;
		}
		/* Errors the screen showed are repeated where they last. */
		for (i = 0; i < n; i++)
			if (items[i].error != NULL)
				warn_line(items[i].error);
	}
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "reader: error writing output\n");
		status = 1;
	}
	for (i = 0; i < n; i++) {
		story_free(items[i].story);
		free(items[i].error);
	}
	free(items);
	return status;
}
