/* main: options, modes (interactive, dump), start-up and teardown. */
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "source.h"
#include "story.h"
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
	fputs("usage: reader [-c file] [--dump[=text|json]] source ...\n"
	    "       reader -h | -V\n"
	    "A source is a saved article file, or - for standard input.\n"
	    "  -c, --config FILE   read FILE instead of reader.conf\n"
	    "  -d, --dump[=FMT]    print the stories as text or json, "
	    "no screen\n"
	    "  -h, --help          this help\n"
	    "  -V, --version       the version\n"
	    "In the reader, ? lists the keys.\n", fp);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "dump", optional_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct config cfg;
	struct ui_item *items;
	const char *config_path = NULL;
	enum mode mode = MODE_UI;
	char *err = NULL;
	int ch, i, n, status = 0;

	setlocale(LC_ALL, "");
	while ((ch = getopt_long(argc, argv, "c:d::hV", longopts, NULL)) != -1) {
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
				fprintf(stderr, "reader: unknown dump format "
				    "\"%s\" (text or json)\n", optarg);
				return 2;
			}
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			puts("reader " READER_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		usage(stderr);
		return 2;
	}
	if (config_load(&cfg, config_path, &err) == -1) {
		fprintf(stderr, "reader: %s\n", err);
		free(err);
		return 1;
	}
	if (mode == MODE_UI && !isatty(STDOUT_FILENO))
		mode = MODE_DUMP_TEXT;	/* a pipe gets the text */

	items = xcalloc((size_t)argc, sizeof *items);
	n = argc;
	for (i = 0; i < n; i++) {
		items[i].arg = argv[i];
		items[i].story = source_load(argv[i], &cfg, &items[i].error);
		if (items[i].story == NULL)
			status = 1;
		if (mode == MODE_UI)
			continue;
		/* Dump each story as soon as it is read. */
		if (items[i].story == NULL) {
			fflush(stdout);
			fprintf(stderr, "reader: %s\n", items[i].error);
		} else if (mode == MODE_DUMP_JSON)
			story_dump_json(items[i].story, stdout);
		else {
			if (i > 0)
				fputs("\f\n", stdout);
			story_dump_text(items[i].story, stdout);
		}
	}
	if (mode == MODE_UI) {
		if (ui_run(items, (size_t)n, &cfg, &err) == -1) {
			fprintf(stderr, "reader: %s\n", err);
			free(err);
			status = 1;
		}
		/* Errors the screen showed are repeated where they last. */
		for (i = 0; i < n; i++)
			if (items[i].error != NULL)
				fprintf(stderr, "reader: %s\n", items[i].error);
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
	config_free(&cfg);
	return status;
}
