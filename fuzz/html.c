/* fuzz: an HTML page through charset sniffing, libxml2, the HTML
 * cleaner, the wire pass and the names, as a fetched page is read. */
#include <stdint.h>

#include "fuzz.h"
#include "source.h"
#include "story.h"

int
FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	struct story *st;

	st = source_story("https://example.com/fuzz.html", (const char *)data,
	    size, NULL, "text/html");
	fuzz_check_story(st);
	story_free(st);
	return 0;
}
