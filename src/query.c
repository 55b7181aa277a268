/* query: the search language, parsed into a quoted FTS5 string and filters. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "query.h"
#include "text.h"
#include "util.h"

#define QUERY_MAX_LEN	1000	/* bytes of query text */
#define QUERY_MAX_TERMS	64	/* words, phrases and filters */

enum item {
	ITEM_START,
	ITEM_TERM,
	ITEM_OP,
	ITEM_OPEN,
	ITEM_CLOSE,
};

struct parser {
	const char	*text;
	size_t		 pos;
	struct query	*q;
	struct buf	 match;
	enum item	 prev;		/* the last thing put in match */
	const char	*prev_op;	/* its name, when an operator */
	int		 depth;
	int		 after_filter;	/* a filter came last */
	int		 nterms;
	char		*err;
};

static int
fail(struct parser *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;

	char *raw;

	if (p->err == NULL) {
		/* The message quotes the query: clean it, and one line. */
		va_start(ap, fmt);
		raw = xvasprintf(fmt, ap);
		va_end(ap);
		p->err = text_sanitize(raw, strlen(raw), TEXT_ONELINE);
		free(raw);
	}
	return -1;
}

/* --- name tokens ------------------------------------------------------ */

/* Capitals to small letters for the scripts wire copy names people in;
 * the same in the index and the query, whatever the locale. */
static uint32_t
fold_cp(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
	    (c >= 0x391 && c <= 0x3AB) || (c >= 0x410 && c <= 0x42F))
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	if (c == 0x178)
		return 0xFF;
	if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 &&
	    c != 0x138 && c != 0x149 && c != 0x17F)
		return ((c >= 0x139 && c <= 0x148) || c >= 0x179) ?
		    (c & 1 ? c + 1 : c) : (c | 1);
	return c;
}

static int
is_name_char(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z');
	/* Punctuation and spaces of Latin-1 and General Punctuation. */
	return !(c <= 0xBF || c == 0xD7 || c == 0xF7 ||
	    (c >= 0x2000 && c <= 0x206F) || c == 0xFFFD);
}

void
query_name_tokens(const char *s, size_t n,
    void (*fn)(const char *, size_t, void *), void *arg)
{
	struct buf tok = { 0 };
	size_t i = 0;

	while (i <= n) {
		uint32_t c = 0;
		size_t k = i < n ? text_utf8_next(s + i, n - i, &c) : 1;

		if (i < n && is_name_char(c)) {
			char enc[4];

			buf_add(&tok, enc, text_utf8_put(fold_cp(c), enc));
		} else if (tok.len > 0) {
			fn(buf_cstr(&tok), tok.len, arg);
			tok.len = 0;
		}
		i += k;
	}
	buf_free(&tok);
}

/* --- the query -------------------------------------------------------- */

static void
add_token(const char *tok, size_t len, void *arg)
{
	struct query_name *nm = arg;

	nm->tokens = xreallocarray(nm->tokens, nm->ntokens + 1,
	    sizeof *nm->tokens);
	nm->tokens[nm->ntokens++] = xstrndup(tok, len);
}

/* "2026-03-01" as midnight UTC; -1 if it is not such a day. */
static int
parse_day(const char *s, time_t *out)
{
	struct tm tm, back;
	int y, m, d, n = 0;

	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) !=
	    3 || n != 10 || s[4] != '-' || s[7] != '-' || y < 1900 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	*out = timegm(&tm);
	gmtime_r(out, &back);
	return back.tm_mday == d && back.tm_mon == m - 1 ? 0 : -1;
}

static const char *const filter_names[] = {
	"person", "place", "org", "feed", "since", "before", "is",
};

static int
add_filter(struct parser *p, const char *name, const char *value)
{
	struct query *q = p->q;

	if (p->depth > 0)
		return fail(p, "%s: cannot stand inside parentheses (filters "
		    "apply to the whole query)", name);
	if (p->prev == ITEM_OP)
		return fail(p, "%s cannot join %s: (filters apply to the "
		    "whole query)", p->prev_op, name);
	if (strcmp(name, "is") == 0) {
		if (strcasecmp(value, "unread") == 0)
			q->unread = 1;
		else if (strcasecmp(value, "starred") == 0)
			q->starred = 1;
		else
			return fail(p, "is:%.40s: is: takes unread or starred",
			    value);
	} else if (value[0] == '\0')
		return fail(p, "%s: needs a value (%s:NAME)", name, name);
	else if (strcmp(name, "since") == 0 || strcmp(name, "before") == 0) {
		time_t t;

		if (parse_day(value, &t) == -1)
			return fail(p, "%s:%.40s: not a date (write "
			    "%s:YYYY-MM-DD)", name, value, name);
		if (name[0] == 's') {
			q->since = t;
			q->has_since = 1;
		} else {
			q->before = t;
			q->has_before = 1;
		}
	} else if (strcmp(name, "feed") == 0) {
		q->feeds = xreallocarray(q->feeds, q->nfeeds + 1,
		    sizeof *q->feeds);
		q->feeds[q->nfeeds++] = xstrdup(value);
	} else {
		struct query_name *nm;

		q->names = xreallocarray(q->names, q->nnames + 1,
		    sizeof *q->names);
		nm = &q->names[q->nnames];
		memset(nm, 0, sizeof *nm);
		nm->type = name[1] == 'e' ? ENT_PER : name[1] == 'l' ?
		    ENT_LOC : ENT_ORG;
		query_name_tokens(value, strlen(value), add_token, nm);
		q->nnames++;
		if (nm->ntokens == 0)
			return fail(p, "%s:%.40s: no letters or digits in "
			    "the name", name, value);
	}
	p->after_filter = 1;
	return 0;
}

static int
put_item(struct parser *p, enum item it, const char *text)
{
	if (it == ITEM_OP) {
		if (p->after_filter)
			return fail(p, "%s cannot join a filter (filters apply "
			    "to the whole query)", text);
		if (p->prev == ITEM_START || p->prev == ITEM_OP ||
		    p->prev == ITEM_OPEN)
			return fail(p, "%s needs a word before it%s", text,
			    strcmp(text, "NOT") == 0 ? " (write: budget NOT "
			    "tariffs)" : "");
		p->prev_op = text;
	} else if (it == ITEM_CLOSE) {
		if (p->depth == 0)
			return fail(p, "a ) without its (");
		if (p->prev == ITEM_OPEN)
			return fail(p, "empty parentheses");
		if (p->prev == ITEM_OP)
			return fail(p, "%s needs a word after it", p->prev_op);
		p->depth--;
	} else if (it == ITEM_OPEN)
		p->depth++;
	/* FTS5 takes two terms side by side as AND, but not a term
	 * beside a parenthesis: say AND wherever one is meant. */
	if ((p->prev == ITEM_TERM || p->prev == ITEM_CLOSE) &&
	    (it == ITEM_TERM || it == ITEM_OPEN))
		buf_adds(&p->match, " AND ");
	else if (p->match.len > 0 && !(p->prev == ITEM_OPEN ||
	    it == ITEM_CLOSE))
		buf_addc(&p->match, ' ');
	buf_adds(&p->match, text);
	p->prev = it;
	p->after_filter = 0;
	return 0;
}

/* A word or a phrase as one FTS5 string: quotes doubled inside. */
static int
put_term(struct parser *p, const char *s, size_t n, int prefix)
{
	struct buf t = { 0 };
	size_t i;
	int any = 0;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 ||
		    (s[i] >= '0' && s[i] <= '9') ||
		    ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z'))
			any = 1;
	if (!any)
		return fail(p, "\"%.*s\": nothing to search for (no letters "
		    "or digits)", (int)(n < 40 ? n : 40), s);
	if (++p->nterms > QUERY_MAX_TERMS)
		return fail(p, "more than %d terms", QUERY_MAX_TERMS);
	buf_addc(&t, '"');
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			buf_addc(&t, '"');
		buf_addc(&t, s[i]);
	}
	buf_addc(&t, '"');
	if (prefix)
		buf_adds(&t, " *");
	if (put_item(p, ITEM_TERM, buf_cstr(&t)) == -1) {
		buf_free(&t);
		return -1;
	}
	buf_free(&t);
	return 0;
}

/* The text of a quoted run starting at p->pos (on the quote); the
 * position moves past the closing quote. */
static char *
quoted(struct parser *p)
{
	const char *s = p->text + p->pos + 1, *e = strchr(s, '"');

	if (e == NULL) {
		fail(p, "a quote opened at column %zu is not closed",
		    p->pos + 1);
		return NULL;
	}
	p->pos = (size_t)(e + 1 - p->text);
	return xstrndup(s, (size_t)(e - s));
}

/* A bare word: an operator, a filter, a prefix or a word. */
static int
bare_word(struct parser *p, const char *w, size_t n)
{
	const char *colon = memchr(w, ':', n);
	size_t i;

	if ((n == 3 && memcmp(w, "AND", 3) == 0) ||
	    (n == 2 && memcmp(w, "OR", 2) == 0) ||
	    (n == 3 && memcmp(w, "NOT", 3) == 0))
		return put_item(p, ITEM_OP, n == 2 ? "OR" : w[0] == 'A' ?
		    "AND" : "NOT");
	if ((n == 6 && strncasecmp(w, "unread", 6) == 0) ||
	    (n == 7 && strncasecmp(w, "starred", 7) == 0)) {
		char *v = xstrndup(w, n);
		int r = add_filter(p, "is", v);

		free(v);
		return r;
	}
	if (colon != NULL && colon > w) {
		size_t k = (size_t)(colon - w);

		for (i = 0; i < k && ((w[i] | 32) >= 'a' &&
		    (w[i] | 32) <= 'z'); i++)
			;
		/* Letters then a colon: a filter, unless a URL. */
		if (i == k && !(n > k + 2 && colon[1] == '/' &&
		    colon[2] == '/')) {
			char *name = xstrndup(w, k), *value;
			int r;

			for (i = 0; i < k; i++)
				name[i] = (char)(name[i] | 32);
			for (i = 0; i < sizeof filter_names /
			    sizeof *filter_names; i++)
				if (strcmp(name, filter_names[i]) == 0)
					break;
			if (i == sizeof filter_names / sizeof *filter_names) {
				r = fail(p, "unknown filter \"%.40s:\" "
				    "(person, place, org, feed, since, "
				    "before, unread, starred)", name);
				free(name);
				return r;
			}
			if (k + 1 == n && p->text[p->pos] == '"') {
				if ((value = quoted(p)) == NULL) {
					free(name);
					return -1;
				}
			} else
				value = xstrndup(colon + 1, n - k - 1);
			r = add_filter(p, name, value);
			free(name);
			free(value);
			return r;
		}
	}
	if (n > 0 && w[n - 1] == '*') {
		if (memchr(w, '*', n - 1) != NULL || n == 1)
			return fail(p, "\"%.*s\": a * only ends a word (word*)",
			    (int)(n < 40 ? n : 40), w);
		return put_term(p, w, n - 1, 1);
	}
	if (memchr(w, '*', n) != NULL)
		return fail(p, "\"%.*s\": a * only ends a word (word*)",
		    (int)(n < 40 ? n : 40), w);
	return put_term(p, w, n, 0);
}

static int
parse(struct parser *p)
{
	const char *t = p->text;

	if (strlen(t) > QUERY_MAX_LEN)
		return fail(p, "the query is longer than %d bytes",
		    QUERY_MAX_LEN);
	if (!text_utf8_valid(t, strlen(t)))
		return fail(p, "the query is not valid UTF-8");
	for (;;) {
		size_t start;
		int r;

		while (t[p->pos] == ' ' || t[p->pos] == '\t' ||
		    t[p->pos] == '\n')
			p->pos++;
		if (t[p->pos] == '\0')
			break;
		if (t[p->pos] == '(') {
			p->pos++;
			r = put_item(p, ITEM_OPEN, "(");
		} else if (t[p->pos] == ')') {
			p->pos++;
			r = put_item(p, ITEM_CLOSE, ")");
		} else if (t[p->pos] == '"') {
			char *ph = quoted(p);
			int prefix = 0;

			if (ph == NULL)
				return -1;
			if (t[p->pos] == '*') {
				prefix = 1;
				p->pos++;
			}
			r = put_term(p, ph, strlen(ph), prefix);
			free(ph);
		} else {
			start = p->pos;
			while (t[p->pos] != '\0' &&
			    strchr(" \t\n()\"", t[p->pos]) == NULL)
				p->pos++;
			/* A filter's quoted value follows its colon. */
			r = bare_word(p, t + start, p->pos - start);
		}
		if (r == -1)
			return -1;
	}
	if (p->prev == ITEM_OP)
		return fail(p, "%s needs a word after it", p->prev_op);
	if (p->depth > 0)
		return fail(p, "a ( is not closed");
	return 0;
}

char *
query_for_name(enum entity_type t, const char *name)
{
	struct buf b = { 0 };
	const char *p;

	buf_adds(&b, t == ENT_PER ? "person:\"" : t == ENT_LOC ? "place:\"" :
	    "org:\"");
	/* A quote is no part of a name's words: left out, the rest stays
	 * one phrase. */
	for (p = name; *p != '\0'; p++)
		if (*p != '"')
			buf_addc(&b, *p);
	buf_addc(&b, '"');
	return buf_detach(&b);
}

char
query_type_letter(enum entity_type t)
{
	return t == ENT_PER ? 'p' : t == ENT_LOC ? 'l' : 'o';
}

/* The whole FTS5 query: the words against the text columns, and each
 * name as a phrase of its lettered words against the names column. */
static void
finish(struct parser *p, struct query *q)
{
	struct buf m = { 0 };
	size_t i, j;

	if (p->match.len > 0) {
		buf_adds(&m, "{headline byline body} : (");
		buf_add(&m, p->match.data, p->match.len);
		buf_addc(&m, ')');
		q->ranked = 1;
	}
	for (i = 0; i < q->nnames; i++) {
		buf_adds(&m, m.len > 0 ? " AND names : \"" : "names : \"");
		for (j = 0; j < q->names[i].ntokens; j++) {
			const char *t = q->names[i].tokens[j];

			if (j > 0)
				buf_addc(&m, ' ');
			buf_addc(&m, query_type_letter(q->names[i].type));
			for (; *t != '\0'; t++) {
				if (*t == '"')
					buf_addc(&m, '"');
				buf_addc(&m, *t);
			}
		}
		buf_addc(&m, '"');
	}
	if (m.len > 0)
		q->match = buf_detach(&m);
	buf_free(&m);
}

int
query_parse(const char *text, struct query *q, char **err)
{
	struct parser p;

	memset(q, 0, sizeof *q);
	memset(&p, 0, sizeof p);
	p.text = text;
	p.q = q;
	p.prev = ITEM_START;
	if (parse(&p) == -1) {
		buf_free(&p.match);
		*err = p.err;
		return -1;
	}
	finish(&p, q);
	buf_free(&p.match);
	return 0;
}

void
query_free(struct query *q)
{
	size_t i, j;

	free(q->match);
	for (i = 0; i < q->nnames; i++) {
		for (j = 0; j < q->names[i].ntokens; j++)
			free(q->names[i].tokens[j]);
		free(q->names[i].tokens);
	}
	free(q->names);
	for (i = 0; i < q->nfeeds; i++)
		free(q->feeds[i]);
	free(q->feeds);
	memset(q, 0, sizeof *q);
}
