/* story: the model, and its text and JSON dumps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "story.h"
#include "text.h"
#include "util.h"

struct story *
story_new(const char *source)
{
	struct story *st;

	st = xcalloc(1, sizeof *st);
	st->source = text_sanitize(source, strlen(source), TEXT_ONELINE);
	st->headline = xstrdup("");
	return st;
}

void
story_free(struct story *st)
{
	size_t i;

	if (st == NULL)
		return;
	free(st->source);
	free(st->headline);
	free(st->byline);
	free(st->published_text);
	free(st->dateline_place);
	free(st->dateline_agency);
	free(st->dateline_date);
	free(st->credits);
	free(st->url);
	free(st->note);
	for (i = 0; i < st->npara; i++)
		free(st->paragraphs[i]);
	free(st->paragraphs);
	free(st->kinds);
	free(st->entities);
	for (i = 0; i < st->nremoved; i++) {
		free(st->removed[i].reason);
		free(st->removed[i].text);
	}
	free(st->removed);
	for (i = 0; i < st->nlinks; i++)
		free(st->links[i].url);
	free(st->links);
	free(st);
}

void
story_set(char **field, const char *value)
{
	free(*field);
	*field = value == NULL ? NULL :
	    text_sanitize(value, strlen(value), TEXT_ONELINE | TEXT_SQUEEZE);
}

void
story_add_paragraph(struct story *st, const char *text, enum story_kind kind)
{
	story_take_paragraph(st, text_sanitize(text, strlen(text),
	    kind == KIND_PRE ? 0 : TEXT_ONELINE | TEXT_SQUEEZE), kind);
}

void
story_take_paragraph(struct story *st, char *clean, enum story_kind kind)
{
	if (st->npara == st->cappara) {
		st->cappara = st->cappara ? st->cappara * 2 : 16;
		st->paragraphs = xreallocarray(st->paragraphs, st->cappara,
		    sizeof *st->paragraphs);
		st->kinds = xreallocarray(st->kinds, st->cappara,
		    sizeof *st->kinds);
	}
	st->paragraphs[st->npara] = clean;
	st->kinds[st->npara] = kind;
	st->npara++;
}

void
story_add_removed(struct story *st, const char *reason, const char *text)
{
	struct story_removed *r;

	if (st->nremoved == st->capremoved) {
		st->capremoved = st->capremoved ? st->capremoved * 2 : 16;
		st->removed = xreallocarray(st->removed, st->capremoved,
		    sizeof *st->removed);
	}
	r = &st->removed[st->nremoved++];
	r->reason = xstrdup(reason);
	r->text = text_sanitize(text, strlen(text), TEXT_ONELINE |
	    TEXT_SQUEEZE);
	r->before = (int)st->npara;
}

void
story_add_entity(struct story *st, enum entity_type type, int para,
    size_t start, size_t end)
{
	struct story_entity *e;

	if (st->nentities == st->capentities) {
		st->capentities = st->capentities ? st->capentities * 2 : 16;
		st->entities = xreallocarray(st->entities, st->capentities,
		    sizeof *st->entities);
	}
	e = &st->entities[st->nentities++];
	e->type = type;
	e->paragraph = para;
	e->start = start;
	e->end = end;
}

void
story_add_link(struct story *st, int para, size_t start, size_t end,
    const char *url)
{
	struct story_link *l;
	size_t len;

	/* A link lies inside its paragraph, whatever the cleaner said. */
	if (para < 0 || (size_t)para >= st->npara)
		return;
	len = strlen(st->paragraphs[para]);
	if (end > len)
		end = len;
	if (start >= end)
		return;
	if (st->nlinks == st->caplinks) {
		st->caplinks = st->caplinks ? st->caplinks * 2 : 16;
		st->links = xreallocarray(st->links, st->caplinks,
		    sizeof *st->links);
	}
	l = &st->links[st->nlinks++];
	l->paragraph = para;
	l->start = start;
	l->end = end;
	l->url = text_sanitize(url, strlen(url), TEXT_ONELINE | TEXT_SQUEEZE);
}

/* Forget the links of paragraph i that end at or before byte upto (all
 * of them when upto is 0). */
static void
drop_links(struct story *st, size_t i, size_t upto)
{
	size_t k, j;

	for (k = j = 0; k < st->nlinks; k++) {
		if (st->links[k].paragraph == (int)i &&
		    (upto == 0 || st->links[k].end <= upto)) {
			free(st->links[k].url);
			continue;
		}
		st->links[j++] = st->links[k];
	}
	st->nlinks = j;
}

void
story_drop_paragraph(struct story *st, size_t i, const char *reason)
{
	struct story_removed *r;
	size_t k;

	if (i >= st->npara)
		return;
	if (reason != NULL) {
		story_add_removed(st, reason, st->paragraphs[i]);
		r = &st->removed[st->nremoved - 1];
		r->before = (int)i;
	}
	free(st->paragraphs[i]);
	memmove(st->paragraphs + i, st->paragraphs + i + 1,
	    (st->npara - i - 1) * sizeof *st->paragraphs);
	memmove(st->kinds + i, st->kinds + i + 1,
	    (st->npara - i - 1) * sizeof *st->kinds);
	st->npara--;
	/* Keep later positions pointing at the same paragraphs. */
	for (k = 0; k < st->nremoved; k++)
		if (st->removed[k].before > (int)i)
			st->removed[k].before--;
	if (st->dateline_para > i)
		st->dateline_para--;
	drop_links(st, i, 0);
	for (k = 0; k < st->nlinks; k++)
		if (st->links[k].paragraph > (int)i)
			st->links[k].paragraph--;
}

void
story_cut_paragraph(struct story *st, size_t i, size_t n)
{
	char *rest;
	size_t k;

	if (n == 0 || i >= st->npara || n > strlen(st->paragraphs[i]))
		return;
	rest = xstrdup(st->paragraphs[i] + n);
	free(st->paragraphs[i]);
	st->paragraphs[i] = rest;
	drop_links(st, i, n);
	for (k = 0; k < st->nlinks; k++)
		if (st->links[k].paragraph == (int)i) {
			st->links[k].start = st->links[k].start > n ?
			    st->links[k].start - n : 0;
			st->links[k].end -= n;
		}
}

int
story_is_empty(const struct story *st)
{
	return st->npara == 0 && st->headline[0] == '\0';
}

const char *
story_kind_name(enum story_kind k)
{
	static const char *names[] = { "p", "heading", "item", "quote",
	    "pre" };

	return names[k];
}

const char *
story_entity_name(enum entity_type t)
{
	static const char *names[] = { "PER", "LOC", "ORG" };

	return names[t];
}

void
story_format_time(time_t t, char *out, size_t sz)
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, sz, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(out, sz, "1970-01-01T00:00:00Z");
}

const char *
story_time_for_people(const struct story *st, char *buf, size_t sz)
{
	const char *t = st->published_text;
	struct tm tm;

	/* The page's own words, unless they are a machine's timestamp. */
	if (t != NULL && !(t[0] >= '0' && t[0] <= '9' && strlen(t) >= 10 &&
	    t[4] == '-'))
		return t;
	if (!st->has_published)
		return t;
	if (gmtime_r(&st->published, &tm) == NULL)
		return t;
	if (tm.tm_hour == 0 && tm.tm_min == 0 && tm.tm_sec == 0)
		strftime(buf, sz, "%b %e, %Y", &tm);
	else
		strftime(buf, sz, "%b %e, %Y %H:%M UTC", &tm);
	return buf;
}

void
story_json_string(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p;

	buf_addc(b, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			buf_adds(b, "\\\"");
			break;
		case '\\':
			buf_adds(b, "\\\\");
			break;
		case '\n':
			buf_adds(b, "\\n");
			break;
		case '\t':
			buf_adds(b, "\\t");
			break;
		case '\r':
			buf_adds(b, "\\r");
			break;
		case '\b':
			buf_adds(b, "\\b");
			break;
		case '\f':
			buf_adds(b, "\\f");
			break;
		case 0xE2:
			/* U+2028 and U+2029 end lines for some readers. */
			if (p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
				buf_adds(b, p[2] == 0xA8 ? "\\u2028" :
				    "\\u2029");
				p += 2;
				break;
			}
			buf_addc(b, *p);
			break;
		default:
			if (*p < 0x20 || *p == 0x7F) {
				buf_adds(b, "\\u00");
				buf_addc(b, hex[*p >> 4]);
				buf_addc(b, hex[*p & 0xF]);
			} else
				buf_addc(b, *p);
		}
	}
	buf_addc(b, '"');
}

static void
json_string_or_null(struct buf *b, const char *s)
{
	if (s == NULL)
		buf_adds(b, "null");
	else
		story_json_string(b, s);
}

void
story_dump_json(const struct story *st, FILE *fp)
{
	struct buf b = { 0 };
	char tbuf[32];
	size_t i;

	buf_adds(&b, "{\"source\": ");
	story_json_string(&b, st->source);
	buf_adds(&b, ", \"headline\": ");
	story_json_string(&b, st->headline);
	buf_adds(&b, ", \"byline\": ");
	json_string_or_null(&b, st->byline);
	buf_adds(&b, ", \"published\": ");
	if (st->has_published) {
		story_format_time(st->published, tbuf, sizeof tbuf);
		story_json_string(&b, tbuf);
	} else
		buf_adds(&b, "null");
	buf_adds(&b, ", \"published_text\": ");
	json_string_or_null(&b, st->published_text);
	buf_adds(&b, ", \"dateline\": ");
	if (st->dateline_place != NULL) {
		buf_adds(&b, "{\"place\": ");
		story_json_string(&b, st->dateline_place);
		buf_adds(&b, ", \"agency\": ");
		json_string_or_null(&b, st->dateline_agency);
		buf_adds(&b, "}");
	} else
		buf_adds(&b, "null");
	buf_adds(&b, ", \"paragraphs\": [");
	for (i = 0; i < st->npara; i++) {
		if (i > 0)
			buf_adds(&b, ", ");
		story_json_string(&b, st->paragraphs[i]);
	}
	buf_adds(&b, "], \"kinds\": [");
	for (i = 0; i < st->npara; i++) {
		if (i > 0)
			buf_adds(&b, ", ");
		story_json_string(&b, story_kind_name(st->kinds[i]));
	}
	buf_adds(&b, "], \"credits\": ");
	json_string_or_null(&b, st->credits);
	buf_adds(&b, ", \"entities\": [");
	for (i = 0; i < st->nentities; i++) {
		const struct story_entity *e = &st->entities[i];
		const char *p = e->paragraph < 0 ? st->headline :
		    st->paragraphs[e->paragraph];
		char *t = xstrndup(p + e->start, e->end - e->start);

		if (i > 0)
			buf_adds(&b, ", ");
		buf_printf(&b, "{\"type\": \"%s\", \"text\": ",
		    story_entity_name(e->type));
		story_json_string(&b, t);
		buf_printf(&b, ", \"paragraph\": %d, \"start\": %zu, "
		    "\"end\": %zu}", e->paragraph, e->start, e->end);
		free(t);
	}
	/* The store keeps no removed text: not known, so not said. */
	buf_adds(&b, st->from_store ? "]" : "], \"removed\": [");
	for (i = 0; i < st->nremoved && !st->from_store; i++) {
		if (i > 0)
			buf_adds(&b, ", ");
		buf_adds(&b, "{\"reason\": ");
		story_json_string(&b, st->removed[i].reason);
		buf_adds(&b, ", \"text\": ");
		story_json_string(&b, st->removed[i].text);
		buf_adds(&b, "}");
	}
	if (st->from_store) {
		story_format_time(st->fetched, tbuf, sizeof tbuf);
		buf_printf(&b, ", \"id\": %lld, \"fetched\": \"%s\", "
		    "\"read\": %s, \"starred\": %s", st->store_id, tbuf,
		    st->read ? "true" : "false",
		    st->starred ? "true" : "false");
	} else
		buf_adds(&b, "]");
	buf_adds(&b, "}\n");
	fwrite(b.data, 1, b.len, fp);
	buf_free(&b);
}

size_t
story_dateline_para(const struct story *st)
{
	return st->dateline_para < st->npara ? st->dateline_para : 0;
}

/* "LONDON, March 5 (Reuters)" on a line. */
static void
dump_dateline(const struct story *st, FILE *fp)
{
	fprintf(fp, "%s", st->dateline_place);
	if (st->dateline_date != NULL)
		fprintf(fp, ", %s", st->dateline_date);
	if (st->dateline_agency != NULL)
		fprintf(fp, " (%s)", st->dateline_agency);
	fputc('\n', fp);
}

void
story_dump_text(const struct story *st, FILE *fp)
{
	const char *when;
	char tbuf[64];
	size_t i;

	fprintf(fp, "%s\n", st->headline[0] ? st->headline : "(no headline)");
	when = story_time_for_people(st, tbuf, sizeof tbuf);
	if (st->byline != NULL || when != NULL) {
		if (st->byline != NULL)
			fprintf(fp, "By %s", st->byline);
		if (st->byline != NULL && when != NULL)
			fputs(" | ", fp);
		if (when != NULL)
			fputs(when, fp);
		fputc('\n', fp);
	}
	if (st->dateline_place != NULL && story_dateline_para(st) == 0)
		dump_dateline(st, fp);
	/* Why there is nothing ("no story found on this page"), if known. */
	if (st->npara == 0)
		fprintf(fp, "\n(%s)\n", st->note != NULL ? st->note :
		    "empty story");
	for (i = 0; i < st->npara; i++) {
		/* Under a standfirst, above the paragraph it opened. */
		if (st->dateline_place != NULL && i > 0 &&
		    i == story_dateline_para(st)) {
			fputc('\n', fp);
			dump_dateline(st, fp);
		}
		switch (st->kinds[i]) {
		case KIND_HEADING:
			fprintf(fp, "\n## %s\n", st->paragraphs[i]);
			break;
		case KIND_ITEM:
			fprintf(fp, "%s  * %s\n",
			    i > 0 && st->kinds[i - 1] == KIND_ITEM ? "" : "\n",
			    st->paragraphs[i]);
			break;
		case KIND_QUOTE:
			fprintf(fp, "\n> %s\n", st->paragraphs[i]);
			break;
		default:
			fprintf(fp, "\n%s\n", st->paragraphs[i]);
			break;
		}
	}
	if (st->credits != NULL)
		fprintf(fp, "\n(%s)\n", st->credits);
}
