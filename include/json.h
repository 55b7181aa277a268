/*
 * json: a small, strict-enough JSON reader for the metadata pages carry
 * (JSON-LD). Nesting is limited; strings come back as UTF-8.
 */
#ifndef READER_JSON_H
#define READER_JSON_H

#include <stddef.h>

enum json_type {
	JSON_NULL,
	JSON_BOOL,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
};

struct json {
	enum json_type	 type;
	char		*str;		/* JSON_STRING */
	double		 num;		/* JSON_NUMBER, JSON_BOOL */
	struct json	**items;	/* JSON_ARRAY, JSON_OBJECT values */
	char		**keys;		/* JSON_OBJECT */
	size_t		 n;
};

/* Parse len bytes; NULL on a syntax error or too deep nesting. */
struct json	*json_parse(const char *, size_t);
void		 json_free(struct json *);
/* The member of an object, or NULL. */
const struct json *json_get(const struct json *, const char *key);
/* The string of a member, or NULL if it is missing or not a string. */
const char	*json_get_str(const struct json *, const char *key);

#endif
