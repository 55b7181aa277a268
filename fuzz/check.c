/* fuzz: the invariants every harness asserts on what it produced. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "story.h"
#include "text.h"

void
fuzz_check_clean(const char *what, const char *s)
{
	if (s != NULL && !text_is_clean(s)) {
		fprintf(stderr, "fuzz: %s is not sanitized\n", what);
		abort();
	}
}

void
fuzz_check_story(const struct story *st)
{
	static FILE *null;
	size_t i;

	fuzz_check_clean("source", st->source);
	fuzz_check_clean("headline", st->headline);
	fuzz_check_clean("byline", st->byline);
	fuzz_check_clean("published_text", st->published_text);
	fuzz_check_clean("dateline_place", st->dateline_place);
	fuzz_check_clean("dateline_agency", st->dateline_agency);
	fuzz_check_clean("dateline_date", st->dateline_date);
	fuzz_check_clean("credits", st->credits);
	fuzz_check_clean("url", st->url);
	fuzz_check_clean("note", st->note);
	for (i = 0; i < st->npara; i++) {
		fuzz_check_clean("paragraph", st->paragraphs[i]);
		if (st->kinds[i] != KIND_PRE &&
		    strchr(st->paragraphs[i], '\n') != NULL) {
			fprintf(stderr, "fuzz: newline in paragraph %zu\n", i);
			abort();
		}
	}
	for (i = 0; i < st->nremoved; i++)
		fuzz_check_clean("removed", st->removed[i].text);
	for (i = 0; i < st->nentities; i++) {
		const struct story_entity *e = &st->entities[i];
		const char *p;

		if (e->paragraph < -1 || e->paragraph >= (int)st->npara)
			abort();
		p = e->paragraph < 0 ? st->headline :
		    st->paragraphs[e->paragraph];
		if (e->start >= e->end || e->end > strlen(p))
			abort();
		/* The dump prints p[start, end): whole characters only. */
		if (!text_utf8_valid(p + e->start, e->end - e->start)) {
			fprintf(stderr, "fuzz: entity %zu splits a character\n",
			    i);
			abort();
		}
	}
	for (i = 0; i < st->nlinks; i++) {
		const struct story_link *l = &st->links[i];

		fuzz_check_clean("link", l->url);
		if (l->paragraph < 0 || l->paragraph >= (int)st->npara ||
		    l->start > l->end ||
		    l->end > strlen(st->paragraphs[l->paragraph]))
			abort();
	}
	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	story_dump_json(st, null);
	story_dump_text(st, null);
}
