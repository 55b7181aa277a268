/* store_row: a story as the store's row (packed, hashed, its names for
 * the index) and read back whole, checked and sanitized. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "query.h"
#include "store.h"
#include "store_int.h"
#include "story.h"
#include "util.h"

/* 64-bit FNV-1a of the story's text, as 16 hex digits. */
void
store_text_hash(const struct story *s, char out[17])
{
	unsigned long long h = 0xcbf29ce484222325ULL;
	size_t i;
	const char *p;

	for (p = s->headline; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	for (i = 0; i < s->npara; i++) {
		h = (h ^ 0x1e) * 0x100000001b3ULL;
		for (p = s->paragraphs[i]; *p != '\0'; p++)
			h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	}
	snprintf(out, 17, "%016llx", h);
}


void
store_pack(const struct story *s, struct store_packed *pk)
{
	size_t i;

	memset(pk, 0, sizeof *pk);
	for (i = 0; i < s->npara; i++) {
		size_t n = strlen(s->paragraphs[i]);

		if (i > 0)
			buf_adds(&pk->body, "\n\n");
		buf_add(&pk->body, s->paragraphs[i], n);
		buf_printf(&pk->lengths, "%s%zu", i > 0 ? "," : "", n);
		buf_addc(&pk->kinds, STORE_KIND_LETTERS[s->kinds[i]]);
	}
	for (i = 0; i < s->nentities; i++) {
		const struct story_entity *e = &s->entities[i];

		buf_printf(&pk->entities, "%c%d,%zu,%zu;",
		    STORE_TYPE_LETTERS[e->type], e->paragraph, e->start, e->end);
	}
	buf_cstr(&pk->body);
	buf_cstr(&pk->lengths);
	buf_cstr(&pk->kinds);
	buf_cstr(&pk->entities);
}

void
store_packed_free(struct store_packed *pk)
{
	buf_free(&pk->body);
	buf_free(&pk->lengths);
	buf_free(&pk->kinds);
	buf_free(&pk->entities);
}

struct names_ctx {
	struct buf	*out;
	char		 type;
};

static void
add_name_token(const char *tok, size_t len, void *arg)
{
	struct names_ctx *n = arg;

	buf_addc(n->out, n->type);
	buf_add(n->out, tok, len);
	buf_addc(n->out, ' ');
}

/*
 * The names column the index reads: each name a story mentions, once,
 * as its words with the type's letter before each ("psergei plavrov x
 * lgeneva x"). The "x" between names keeps a name's phrase from running
 * into the next; a query's name words always carry their letter, so
 * never match it.
 */
void
store_names_text(const struct story *s, struct buf *out)
{
	struct names_ctx n = { out, 0 };
	size_t i, j;

	for (i = 0; i < s->nentities; i++) {
		const struct story_entity *e = &s->entities[i];
		const char *p = e->paragraph < 0 ? s->headline :
		    s->paragraphs[e->paragraph];

		for (j = 0; j < i; j++) {
			const struct story_entity *f = &s->entities[j];
			const char *q = f->paragraph < 0 ? s->headline :
			    s->paragraphs[f->paragraph];

			if (f->type == e->type && f->end - f->start ==
			    e->end - e->start && memcmp(q + f->start,
			    p + e->start, e->end - e->start) == 0)
				break;
			if (j > 64) {
				j = i;	/* long lists: repeats are harmless */
				break;
			}
		}
		if (j < i)
			continue;
		n.type = query_type_letter(e->type);
		query_name_tokens(p + e->start, e->end - e->start,
		    add_name_token, &n);
		buf_adds(out, "x ");
	}
	buf_cstr(out);
}

#define LOAD_SQL "SELECT p.source, v.fetched, s.read, s.starred, " \
	"v.headline, v.byline, v.body, v.lengths, v.kinds, v.entities, " \
	"v.published, v.published_text, v.dateline_place, " \
	"v.dateline_agency, v.dateline_date, v.dateline_para, v.credits, " \
	"v.url FROM stories s JOIN versions v ON v.id = s.shown " \
	"JOIN pages p ON p.id = v.page_id WHERE s.id = ?1"


static const char *
col(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

/* Paragraphs back from the body and their lengths; a body whose
 * lengths do not add up is split at its blank lines. */
static void
unpack_body(struct story *s, const char *body, const char *lengths,
    const char *kinds)
{
	size_t blen = strlen(body), at = 0, i = 0, n;
	const char *l = lengths;
	char *end;

	while (*l != '\0') {
		const char *k;

		errno = 0;
		n = (size_t)strtoull(l, &end, 10);
		if (end == l || errno != 0 || n > blen - at)
			break;
		k = kinds[0] != '\0' ? strchr(STORE_KIND_LETTERS, kinds[i]) : NULL;
		{
			char *p = xstrndup(body + at, n);

			story_add_paragraph(s, p, k != NULL && *k != '\0' ?
			    (enum story_kind)(k - STORE_KIND_LETTERS) : KIND_P);
			free(p);
		}
		if (kinds[i] != '\0')
			i++;
		at += n;
		l = end;
		if (*l == ',')
			l++;
		if (at < blen) {
			if (blen - at < 2 || memcmp(body + at, "\n\n", 2) != 0)
				break;
			at += 2;
		}
	}
	if (*l == '\0' && at == blen)
		return;
	/* Damaged: the text as paragraphs at blank lines. */
	for (i = 0; i < s->npara; i++)
		free(s->paragraphs[i]);
	s->npara = 0;
	while (*body != '\0') {
		const char *e = strstr(body, "\n\n");
		size_t k = e != NULL ? (size_t)(e - body) : strlen(body);
		char *p = xstrndup(body, k);

		story_add_paragraph(s, p, KIND_P);
		free(p);
		body += k;
		while (*body == '\n')
			body++;
	}
}

static int
on_boundary(const char *p, size_t i)
{
	return ((unsigned char)p[i] & 0xC0) != 0x80;
}

/* Entities back, each checked against the text it points into. */
static void
unpack_entities(struct story *s, const char *e)
{
	while (*e != '\0') {
		const char *t = strchr(STORE_TYPE_LETTERS, *e);
		long long para;
		unsigned long long a, b;
		int n = 0;

		if (t == NULL || *t == '\0' || sscanf(e + 1, "%lld,%llu,%llu;%n",
		    &para, &a, &b, &n) != 3 || n == 0)
			return;
		e += 1 + n;
		if (para >= -1 && para < (long long)s->npara && a < b) {
			const char *p = para < 0 ? s->headline :
			    s->paragraphs[para];
			size_t len = strlen(p);

			if (b <= len && on_boundary(p, a) && (b == len ||
			    on_boundary(p, b)))
				story_add_entity(s, (enum entity_type)(t -
				    STORE_TYPE_LETTERS), (int)para, a, b);
		}
	}
}

struct story *
store_load(struct store *st, int64_t id)
{
	sqlite3_stmt *q;
	struct story *s = NULL;
	int rc;

	if (st == NULL || st->db == NULL)
		return NULL;
	if (st->load == NULL && sqlite3_prepare_v3(st->db, LOAD_SQL, -1,
	    SQLITE_PREPARE_PERSISTENT, &st->load, NULL) != SQLITE_OK)
		return NULL;
	q = st->load;
	sqlite3_bind_int64(q, 1, (long long)id);
	if ((rc = sqlite3_step(q)) == SQLITE_ROW && col(q, 0) != NULL &&
	    col(q, 4) != NULL && col(q, 6) != NULL) {
		s = story_new(col(q, 0));
		s->from_store = 1;
		s->store_id = (long long)id;
		s->fetched = (time_t)sqlite3_column_int64(q, 1);
		s->read = sqlite3_column_int(q, 2);
		s->starred = sqlite3_column_int(q, 3);
		story_set(&s->headline, col(q, 4));
		story_set(&s->byline, col(q, 5));
		unpack_body(s, col(q, 6), col(q, 7) != NULL ? col(q, 7) : "",
		    col(q, 8) != NULL ? col(q, 8) : "");
		if (sqlite3_column_type(q, 10) != SQLITE_NULL) {
			s->has_published = 1;
			s->published = (time_t)sqlite3_column_int64(q, 10);
		}
		story_set(&s->published_text, col(q, 11));
		story_set(&s->dateline_place, col(q, 12));
		story_set(&s->dateline_agency, col(q, 13));
		story_set(&s->dateline_date, col(q, 14));
		s->dateline_para = (size_t)sqlite3_column_int64(q, 15);
		story_set(&s->credits, col(q, 16));
		story_set(&s->url, col(q, 17));
		unpack_entities(s, col(q, 9) != NULL ? col(q, 9) : "");
	}
	sqlite3_reset(q);
	if (s == NULL && store_rc_damaged(rc))
		store_fail(st, rc, "a story");
	return s;
}
