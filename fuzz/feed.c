/* fuzz: a feed through the RSS/RDF/Atom parser, and the same bytes as a
 * page in which to discover a feed. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "feed.h"
#include "fuzz.h"

int
FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct feed *f;
	char *err = NULL, *found;
	size_t i;
	int article = 0;

	(void)feed_sniff(s, size);
	if ((f = feed_parse(s, size, "https://example.com/feed/", &err)) !=
	    NULL) {
		fuzz_check_clean("feed title", f->title);
		fuzz_check_clean("feed link", f->link);
		for (i = 0; i < f->nitems; i++) {
			const struct feed_item *it = &f->items[i];

			if (it->title == NULL || strchr(it->title, '\n'))
				abort();
			fuzz_check_clean("item title", it->title);
			fuzz_check_clean("item link", it->link);
			fuzz_check_clean("item guid", it->guid);
			fuzz_check_clean("item summary", it->summary);
			fuzz_check_clean("item date", it->date_text);
			if (it->link != NULL && strncmp(it->link, "http://",
			    7) != 0 && strncmp(it->link, "https://", 8) != 0)
				abort();
		}
		feed_free(f);
	} else {
		fuzz_check_clean("feed error", err);
		free(err);
	}
	found = feed_discover(s, size, "https://example.com/", &article);
	fuzz_check_clean("discovered feed", found);
	free(found);
	return 0;
}
