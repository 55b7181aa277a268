/* fuzz: reader.conf through the config parser; errors must be one clean
 * line naming the file. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "fuzz.h"

int
FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	struct config cfg;
	char *err = NULL;
	size_t i;

	config_defaults(&cfg);
	if (config_parse(&cfg, "fuzz.conf", (const char *)data, size,
	    &err) == -1) {
		if (err == NULL || strncmp(err, "fuzz.conf:", 10) != 0 ||
		    strchr(err, '\n') != NULL)
			abort();
		fuzz_check_clean("config error", err);
		free(err);
	} else {
		for (i = 0; i < cfg.nfeeds; i++) {
			fuzz_check_clean("feed url", cfg.feeds[i].url);
			fuzz_check_clean("feed name", cfg.feeds[i].name);
		}
		fuzz_check_clean("user agent", cfg.fetch.user_agent);
	}
	config_free(&cfg);
	return 0;
}
