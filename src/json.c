/* json: a recursive-descent JSON reader with a depth limit. */
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "text.h"
#include "util.h"

#define JSON_MAX_DEPTH	64

struct parser {
	const char	*s;
	size_t		 n;
	size_t		 i;
	int		 depth;
};

static struct json *parse_value(struct parser *);

static void
skip_ws(struct parser *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
	    p->s[p->i] == '\n' || p->s[p->i] == '\r'))
		p->i++;
}

static int
hex4(const char *s, unsigned *v)
{
	int k;

	*v = 0;
	for (k = 0; k < 4; k++) {
		char c = s[k];

		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	return 0;
}

static char *
parse_string(struct parser *p)
{
	struct buf b = { 0 };
	char enc[4];
	unsigned cp, lo;

	if (p->i >= p->n || p->s[p->i] != '"')
		return NULL;
	p->i++;
	while (p->i < p->n && p->s[p->i] != '"') {
		char c = p->s[p->i];

		if (c != '\\') {
			buf_addc(&b, c);
			p->i++;
			continue;
		}
		if (p->i + 1 >= p->n)
			goto fail;
		c = p->s[p->i + 1];
		p->i += 2;
		switch (c) {
		case 'n': buf_addc(&b, '\n'); break;
		case 't': buf_addc(&b, '\t'); break;
		case 'r': buf_addc(&b, '\r'); break;
		case 'b': buf_addc(&b, '\b'); break;
		case 'f': buf_addc(&b, '\f'); break;
		case '/': case '\\': case '"': buf_addc(&b, c); break;
		case 'u':
			if (p->i + 4 > p->n || hex4(p->s + p->i, &cp) == -1)
				goto fail;
			p->i += 4;
			if (cp >= 0xD800 && cp <= 0xDBFF && p->i + 6 <= p->n &&
			    p->s[p->i] == '\\' && p->s[p->i + 1] == 'u' &&
			    hex4(p->s + p->i + 2, &lo) == 0 && lo >= 0xDC00 &&
			    lo <= 0xDFFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) +
				    (lo - 0xDC00);
				p->i += 6;
			}
			/* Lone surrogates become U+FFFD in text_utf8_put. */
			buf_add(&b, enc, text_utf8_put(cp, enc));
			break;
		default:
			goto fail;
		}
	}
	if (p->i >= p->n)
		goto fail;
	p->i++;
	return buf_detach(&b);
fail:
	buf_free(&b);
	return NULL;
}

static struct json *
new_node(enum json_type t)
{
	struct json *j = xcalloc(1, sizeof *j);

	j->type = t;
	return j;
}

static void
add_item(struct json *j, char *key, struct json *v)
{
	j->items = xreallocarray(j->items, j->n + 1, sizeof *j->items);
	if (j->type == JSON_OBJECT)
		j->keys = xreallocarray(j->keys, j->n + 1, sizeof *j->keys);
	j->items[j->n] = v;
	if (j->type == JSON_OBJECT)
		j->keys[j->n] = key;
	j->n++;
}

static struct json *
parse_container(struct parser *p, char close)
{
	struct json *j = new_node(close == '}' ? JSON_OBJECT : JSON_ARRAY);
	struct json *v;
	char *key = NULL;

	if (++p->depth > JSON_MAX_DEPTH)
		goto fail;
	p->i++;
	skip_ws(p);
	if (p->i < p->n && p->s[p->i] == close) {
		p->i++;
		p->depth--;
		return j;
	}
	for (;;) {
		skip_ws(p);
		if (close == '}') {
			if ((key = parse_string(p)) == NULL)
				goto fail;
			skip_ws(p);
			if (p->i >= p->n || p->s[p->i] != ':')
				goto fail;
			p->i++;
		}
		if ((v = parse_value(p)) == NULL)
			goto fail;
		add_item(j, key, v);
		key = NULL;
		skip_ws(p);
		if (p->i < p->n && p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->i < p->n && p->s[p->i] == close) {
			p->i++;
			p->depth--;
			return j;
		}
		goto fail;
	}
fail:
	free(key);
	json_free(j);
	return NULL;
}

static struct json *
parse_value(struct parser *p)
{
	struct json *j;
	char *end;

	skip_ws(p);
	if (p->i >= p->n)
		return NULL;
	switch (p->s[p->i]) {
	case '{':
		return parse_container(p, '}');
	case '[':
		return parse_container(p, ']');
	case '"':
		j = new_node(JSON_STRING);
		if ((j->str = parse_string(p)) == NULL) {
			free(j);
			return NULL;
		}
		return j;
	case 't':
		if (p->n - p->i >= 4 && strncmp(p->s + p->i, "true", 4) == 0) {
			p->i += 4;
			j = new_node(JSON_BOOL);
			j->num = 1;
			return j;
		}
		return NULL;
	case 'f':
		if (p->n - p->i >= 5 && strncmp(p->s + p->i, "false", 5) == 0) {
			p->i += 5;
			return new_node(JSON_BOOL);
		}
		return NULL;
	case 'n':
		if (p->n - p->i >= 4 && strncmp(p->s + p->i, "null", 4) == 0) {
			p->i += 4;
			return new_node(JSON_NULL);
		}
		return NULL;
	default:
		if (p->s[p->i] == '-' || (p->s[p->i] >= '0' &&
		    p->s[p->i] <= '9')) {
			char tmp[64];
			size_t k = 0;

			while (p->i + k < p->n && k < sizeof tmp - 1 &&
			    strchr("+-0123456789.eE", p->s[p->i + k]) != NULL)
				k++;
			memcpy(tmp, p->s + p->i, k);
			tmp[k] = '\0';
			j = new_node(JSON_NUMBER);
			j->num = strtod(tmp, &end);
			p->i += k;
			return j;
		}
		return NULL;
	}
}

struct json *
json_parse(const char *s, size_t n)
{
	struct parser p = { s, n, 0, 0 };
	struct json *j;

	j = parse_value(&p);
	if (j == NULL)
		return NULL;
	skip_ws(&p);
	/* Trailing ";" or junk after the value: keep the value. */
	return j;
}

void
json_free(struct json *j)
{
	size_t i;

	if (j == NULL)
		return;
	for (i = 0; i < j->n; i++) {
		json_free(j->items[i]);
		if (j->keys != NULL)
			free(j->keys[i]);
	}
	free(j->items);
	free(j->keys);
	free(j->str);
	free(j);
}

const struct json *
json_get(const struct json *j, const char *key)
{
	size_t i;

	if (j == NULL || j->type != JSON_OBJECT)
		return NULL;
	for (i = 0; i < j->n; i++)
		if (strcmp(j->keys[i], key) == 0)
			return j->items[i];
	return NULL;
}

const char *
json_get_str(const struct json *j, const char *key)
{
	const struct json *v = json_get(j, key);

	return v != NULL && v->type == JSON_STRING ? v->str : NULL;
}
