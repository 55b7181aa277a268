/* fuzz: a saved text page through decoding, the text cleaner, the wire
 * pass and the names, as `reader story.txt` reads it. */
#include <stdint.h>

#include "fuzz.h"
#include "source.h"
#include "story.h"

int
FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	struct story *st;

	st = source_story("fuzz.txt", (const char *)data, size, NULL,
	    "text/plain");
	fuzz_check_story(st);
	story_free(st);
	return 0;
}
