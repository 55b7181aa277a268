/*
 * boilgen: compiles data/boilerplate.txt, the furniture vocabulary of
 * the wire languages other than English, into a C table (see
 * include/boiler.h), so reader needs no data file at run time.
 *
 * usage: boilgen IN.txt OUT.c
 * Each line: lang TAB reason TAB exact|prefix|contains TAB maxwords TAB
 * sentences TAB ender TAB text. Blank lines and lines starting with #
 * are skipped. A bad line stops the build with its file:line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NFIELD	7

static void
fail(const char *file, int line, const char *why)
{
	fprintf(stderr, "boilgen: %s:%d: %s\n", file, line, why);
	exit(1);
}

/* A C string literal of s, bytes >= 0x80 as octal escapes. */
static void
put_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20 || c >= 0x7F)
			fprintf(out, "\\%03o", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static int
number(const char *s, int max, const char *file, int line)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 0 || v > max)
		fail(file, line, "bad number");
	return (int)v;
}

int
main(int argc, char *argv[])
{
	char line[1024], *f[NFIELD], *p;
	FILE *in, *out;
	int lineno = 0, n = 0, k;
	const char *match;

	if (argc != 3) {
		fprintf(stderr, "usage: boilgen IN.txt OUT.c\n");
		return 2;
	}
	if ((in = fopen(argv[1], "r")) == NULL) {
		perror(argv[1]);
		return 1;
	}
	if ((out = fopen(argv[2], "w")) == NULL) {
		perror(argv[2]);
		return 1;
	}
	fprintf(out, "/* Made by tools/boilgen from %s: do not edit. */\n"
	    "#include \"boiler.h\"\n\nconst struct boiler_rule "
	    "boiler_words[] = {\n", argv[1]);
	while (fgets(line, sizeof line, in) != NULL) {
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '\0' || line[0] == '#')
			continue;
		for (k = 0, p = line; k < NFIELD; k++) {
			f[k] = p;
			if (k < NFIELD - 1) {
				if ((p = strchr(p, '\t')) == NULL)
					fail(argv[1], lineno, "too few fields");
				*p++ = '\0';
			}
		}
		if (strcmp(f[2], "exact") == 0)
			match = "BOILER_EXACT";
		else if (strcmp(f[2], "prefix") == 0)
			match = "BOILER_PREFIX";
		else if (strcmp(f[2], "contains") == 0)
			match = "BOILER_CONTAINS";
		else
			fail(argv[1], lineno, "match is exact, prefix or "
			    "contains");
		for (p = f[6]; *p != '\0'; p++)
			if (*p >= 'A' && *p <= 'Z')
				fail(argv[1], lineno, "text not in lower case");
		if (f[6][0] == '\0')
			fail(argv[1], lineno, "empty text");
		fputs("\t{ ", out);
		put_string(out, f[6]);
		fprintf(out, ", %s, %d, %d, ", match,
		    number(f[3], 200, argv[1], lineno),
		    number(f[4], 1, argv[1], lineno));
		put_string(out, f[1]);
		fprintf(out, ", %d, ", number(f[5], 1, argv[1], lineno));
		put_string(out, f[0]);
		fputs(" },\n", out);
		n++;
	}
	fprintf(out, "};\n\nconst size_t boiler_nwords = %d;\n", n);
	fclose(in);
	if (fclose(out) != 0) {
		perror(argv[2]);
		return 1;
	}
	return 0;
}
