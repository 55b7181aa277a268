/* store_load: a stored story read back whole, checked and sanitized. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store.h"
#include "store_int.h"
#include "story.h"
#include "util.h"

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
