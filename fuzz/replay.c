/*
 * fuzz: the corpus replay, a normal test. Feeds every file of
 * DIR/NAME/ to harness NAME, built without libFuzzer, so a crash, an
 * abort from a broken invariant or (under ASan) a leak the fuzzers once
 * found fails `make check`. fuzz/corpus holds the minimised corpora,
 * fuzz/regress the inputs of the bugs they found.
 *
 *	replay DIR...			every harness's files under each DIR
 *	replay -1 NAME FILE...		some files through one harness
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

int	fuzz_text(const uint8_t *, size_t);
int	fuzz_html(const uint8_t *, size_t);
int	fuzz_feed(const uint8_t *, size_t);
int	fuzz_config(const uint8_t *, size_t);
int	fuzz_sanitize(const uint8_t *, size_t);
int	fuzz_query(const uint8_t *, size_t);

static const struct {
	const char	*name;
	int		(*run)(const uint8_t *, size_t);
} harnesses[] = {
	{ "text", fuzz_text },
	{ "html", fuzz_html },
	{ "feed", fuzz_feed },
	{ "config", fuzz_config },
	{ "sanitize", fuzz_sanitize },
	{ "query", fuzz_query },
};

static int
run_file(int h, const char *path)
{
	FILE *fp;
	struct buf b = { 0 };
	char chunk[65536];
	size_t n;

	if ((fp = fopen(path, "rb")) == NULL) {
		perror(path);
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	harnesses[h].run((const uint8_t *)(b.data ? b.data : ""), b.len);
	buf_free(&b);
	return 0;
}

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every file of DIR/NAME through harness h; counts them. */
static void
run_dir(size_t h, const char *root, int *passed, int *failed)
{
	char *dir = xasprintf("%s/%s", root, harnesses[h].name);
	char **names = NULL;
	size_t nnames = 0, i;
	struct dirent *de;
	DIR *d;

	if ((d = opendir(dir)) == NULL) {
		free(dir);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		names = xreallocarray(names, nnames + 1, sizeof *names);
		names[nnames++] = xasprintf("%s/%s", dir, de->d_name);
	}
	closedir(d);
	qsort(names, nnames, sizeof *names, cmp);
	for (i = 0; i < nnames; i++) {
		if (run_file((int)h, names[i]) == 0)
			(*passed)++;
		else
			(*failed)++;
		free(names[i]);
	}
	free(names);
	free(dir);
}

int
main(int argc, char *argv[])
{
	size_t h, i, nh = sizeof harnesses / sizeof harnesses[0];
	int passed = 0, failed = 0, before;

	if (argc > 3 && strcmp(argv[1], "-1") == 0) {
		for (h = 0; h < nh && strcmp(harnesses[h].name, argv[2]); h++)
			;
		if (h == nh) {
			fprintf(stderr, "replay: no harness %s\n", argv[2]);
			return 2;
		}
		for (i = 3; i < (size_t)argc; i++)
			if (run_file((int)h, argv[i]) == -1)
				return 1;
		return 0;
	}
	for (h = 0; h < nh; h++) {
		before = passed + failed;
		for (i = 1; i < (size_t)argc; i++)
			run_dir(h, argv[i], &passed, &failed);
		if (passed + failed == before) {
			printf("FAIL %s: no inputs\n", harnesses[h].name);
			failed++;
		}
	}
	printf("fuzz-replay: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}

