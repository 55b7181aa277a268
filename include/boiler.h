/*
 * boiler: the furniture vocabulary in other languages, kept as data in
 * data/boilerplate.txt and compiled by tools/boilgen into
 * src/boilerwords.c; boiler.c reads it beside its own English rules.
 */
#ifndef READER_BOILER_H
#define READER_BOILER_H

#include <stddef.h>

enum boiler_match {
	BOILER_EXACT,		/* the whole line, case and end marks aside */
	BOILER_PREFIX,		/* the line starts with it */
	BOILER_CONTAINS,	/* anywhere */
};

struct boiler_rule {
	const char	*text;		/* lower case */
	enum boiler_match match;
	int		 maxwords;	/* applies to lines this short */
	int		 sentences;	/* applies to sentence-like lines too */
	const char	*reason;
	int		 ender;		/* opens a block to the next paragraph */
	const char	*lang;		/* ISO 639-1, "zh-Hant" */
};

extern const struct boiler_rule boiler_words[];
extern const size_t boiler_nwords;

#endif
