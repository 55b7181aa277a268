/*
 * html_emit: blocks to the story. Blocks are filled with white space
 * folded; then the run that reads as the story is found, and the
 * boilerplate, the headline again, bylines and times left inside it are
 * taken out before the rest becomes the story's paragraphs.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "html.h"
#include "story.h"
#include "text.h"
#include "util.h"
#include "wire.h"

void
html_block_end(struct blocks *bs)
{
	struct block *b;
	char *clean;
	size_t i;

	if (bs->cur.len == 0) {
		for (i = 0; i < bs->nlinks; i++)
			free(bs->links[i].url);
		bs->nlinks = 0;
		bs->kind = KIND_P;
		return;
	}
	clean = text_sanitize(bs->cur.data, bs->cur.len, bs->kind == KIND_PRE ?
	    0 : TEXT_ONELINE | TEXT_SQUEEZE);
	bs->cur.len = 0;
	if (clean[0] == '\0') {
		free(clean);
		for (i = 0; i < bs->nlinks; i++)
			free(bs->links[i].url);
		bs->nlinks = 0;
		return;
	}
	if (bs->n == bs->cap) {
		bs->cap = bs->cap ? bs->cap * 2 : 32;
		bs->v = xreallocarray(bs->v, bs->cap, sizeof *bs->v);
	}
	b = &bs->v[bs->n++];
	b->text = clean;
	b->kind = bs->kind;
	b->row = bs->row;
	b->links = bs->links;
	b->nlinks = bs->nlinks;
	bs->links = NULL;
	bs->nlinks = 0;
	bs->kind = KIND_P;
}

/* Append text with white space folded (offsets then match the squeezed
 * block, so link spans stay right). */
/* Where a run of text stops: white space, the lead byte of a no-break
 * space, or the end. */
static const unsigned char space_or_end[256] = {
	['\0'] = 1, [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\f'] = 1,
	[0xC2] = 1,
};

void
html_block_text(struct blocks *bs, const char *s)
{
	if (bs->pre) {
		buf_adds(&bs->cur, s);
		return;
	}
	while (*s != '\0') {
		unsigned char c = (unsigned char)*s;
		size_t run = 0;

		while (!space_or_end[(unsigned char)s[run]])
			run++;
		if (run > 0) {
			buf_add(&bs->cur, s, run);
			s += run;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f') {
			if (bs->cur.len > 0 &&
			    bs->cur.data[bs->cur.len - 1] != ' ')
				buf_addc(&bs->cur, ' ');
			s++;
			continue;
		}
		/* U+00A0 no-break space folds too. */
		if (c == 0xC2 && (unsigned char)s[1] == 0xA0) {
			if (bs->cur.len > 0 &&
			    bs->cur.data[bs->cur.len - 1] != ' ')
				buf_addc(&bs->cur, ' ');
			s += 2;
			continue;
		}
		buf_addc(&bs->cur, (char)c);
		s++;
	}
}

void
html_blocks_free(struct blocks *bs)
{
	size_t i, k;

	for (i = 0; i < bs->n; i++) {
		free(bs->v[i].text);
		for (k = 0; k < bs->v[i].nlinks; k++)
			free(bs->v[i].links[k].url);
		free(bs->v[i].links);
	}
	free(bs->v);
	for (k = 0; k < bs->nlinks; k++)
		free(bs->links[k].url);
	free(bs->links);
	free(bs->drops);
	buf_free(&bs->cur);
	memset(bs, 0, sizeof *bs);
}

/* "11:45 GMT", "9:30 a.m.": a clock time and nothing else. */
static int
clock_line(const char *s)
{
	size_t i = 0;

	while (isdigit((unsigned char)s[i]) && i < 2)
		i++;
	if (i == 0 || (s[i] != ':' && s[i] != '.') ||
	    !isdigit((unsigned char)s[i + 1]) ||
	    !isdigit((unsigned char)s[i + 2]))
		return 0;
	for (i += 3; s[i] != '\0'; i++)
		if (!isalpha((unsigned char)s[i]) && s[i] != ' ' &&
		    s[i] != '.')
			return 0;
	return 1;
}

/* Whether text begins with the words of head (ignoring punctuation). */
static int
starts_with_words(const char *text, const char *head)
{
	char *ft, *fh;
	int yes;

	if (head == NULL || head[0] == '\0')
		return 0;
	ft = wire_fingerprint(text);
	fh = wire_fingerprint(head);
	/* A short headline ("Deep") must match whole, not as a prefix. */
	yes = fh[0] != '\0' && strncmp(ft, fh, strlen(fh)) == 0 &&
	    (strlen(fh) >= 15 || strcmp(ft, fh) == 0);
	free(ft);
	free(fh);
	return yes;
}

/* Scripts written without spaces: two characters count as a word. */
static int
cjk_words(const char *s)
{
	size_t n = strlen(s), i = 0;
	uint32_t cp;
	int k = 0;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		i += text_utf8_next(s + i, n - i, &cp);
		if (cp >= 0x2E80 && cp <= 0x9FFF)
			k++;
	}
	return k / 2;
}

/*
 * The run of blocks that reads as the story (Kadane over block scores,
 * as the text cleaner does over lines): sentences count for, furniture
 * and short lines against. Trims what the container picked up at its
 * edges.
 */
/* Words, sentence shape and furniture vocabulary of every block, once. */
static void
measure_blocks(struct blocks *bs)
{
	size_t i;
	char *c;

	for (i = 0; i < bs->n; i++) {
		struct block *bl = &bs->v[i];

		bl->words = clean_count_words(bl->text);
		bl->sentence = clean_is_sentence(bl->text, bl->words);
		bl->weight = bl->words + cjk_words(bl->text);
		bl->boiler = NULL;
		bl->ender = 0;
		bl->credits = 0;
		/* Code is never furniture; longer blocks are only when they
		 * disclose the site's earnings. */
		if (bl->kind != KIND_PRE && bl->words <= 60) {
			bl->boiler = clean_boilerplate(bl->text, bl->words,
			    bl->sentence, &bl->ender);
			if (bl->words > 30 && bl->boiler != NULL &&
			    strcmp(bl->boiler, "disclosure") != 0) {
				bl->boiler = NULL;
				bl->ender = 0;
			}
		}
		if ((c = wire_parse_credits(bl->text)) != NULL) {
			bl->credits = 1;
			free(c);
		}
	}
}

static void
best_run(const struct blocks *bs, size_t *first, size_t *last)
{
	long best = -1, cur = 0, sc;
	size_t i, start = 0;
	int sentence;

	*first = 0;
	*last = bs->n;
	for (i = 0; i < bs->n; i++) {
		const struct block *bl = &bs->v[i];

		sentence = clean_is_sentence(bl->text, bl->weight);
		if (bl->row)
			sc = 2;
		else if (bl->credits)
			sc = 5;
		else if (bl->boiler != NULL)
			sc = bl->ender ? -40 : -6;
		else if (bl->kind == KIND_ITEM)
			sc = sentence || bl->weight >= 8 ? bl->weight / 2 : -1;
		else if (sentence || bl->weight >= 20)
			sc = bl->weight;
		else
			sc = -2;
		if (cur <= 0) {
			cur = sc;
			start = i;
		} else
			cur += sc;
		if (cur > best) {
			best = cur;
			*first = start;
			*last = i + 1;
		}
	}
	if (best <= 0) {
		*first = 0;
		*last = bs->n;
	}
	/* A subheading right above the first paragraph belongs to it. */
	if (*first > 0 && bs->v[*first - 1].kind == KIND_HEADING)
		(*first)--;
}

/*
 * The story's sources after it: a "References" or "Footnotes" heading and
 * the entries under it, or footnotes that link back ("... ↩"). They read
 * as a list, not prose, so the story's run stops short of them. Returns
 * the new end of the run.
 */
static size_t
with_references(const struct blocks *bs, size_t last)
{
	static const char *const heads[] = { "references", "sources",
	    "footnotes", "notes", "bibliography", "works cited", "citations",
	    "further reading", NULL };
	size_t i = last, k;

	if (last < bs->n && bs->v[last].kind == KIND_HEADING &&
	    bs->v[last].text != NULL) {
		char low[32];
		size_t n = strlen(bs->v[last].text);

		while (n > 0 && (bs->v[last].text[n - 1] == ':' ||
		    bs->v[last].text[n - 1] == ' '))
			n--;
		if (n > 0 && n < sizeof low) {
			for (k = 0; k < n; k++)
				low[k] = (char)tolower((unsigned char)
				    bs->v[last].text[k]);
			low[n] = '\0';
			for (k = 0; heads[k] != NULL; k++)
				if (strcmp(low, heads[k]) == 0)
					break;
			if (heads[k] != NULL)
				for (i = last + 1; i < bs->n && i < last + 300 &&
				    bs->v[i].kind != KIND_HEADING &&
				    bs->v[i].boiler == NULL; i++)
					;
		}
	}
	/* Footnotes: "... ↩" */
	for (; i < bs->n && bs->v[i].text != NULL; i++) {
		size_t n = strlen(bs->v[i].text);

		if (!(n >= 3 && strcmp(bs->v[i].text + n - 3,
		    "\xE2\x86\xA9") == 0))
			break;
	}
	return i == last + 1 ? last : i;
}

/*
 * Where the page's end matter starts when the writer's box closed the
 * story: a few short blocks after it (a disclaimer, "Reviewed by") with
 * the story well before it. Returns last when there is none.
 */
static size_t
writer_box_tail(const struct blocks *bs, size_t first, size_t last)
{
	size_t i, at = bs->bio_at - 1, before = 0, tail = 0;

	if (bs->bio_at == 0 || at <= first || at >= last || last - at > 5)
		return last;
	for (i = at; i < last; i++) {
		if (bs->v[i].text == NULL || strlen(bs->v[i].text) > 700)
			return last;
		tail += strlen(bs->v[i].text);
	}
	for (i = first; i < at; i++)
		if (bs->v[i].text != NULL)
			before += strlen(bs->v[i].text);
	return tail * 2 > before ? last : at;
}

/* Boilerplate left inside the content, and the header's lines. */
void
html_emit_blocks(struct story *st, struct blocks *bs)
{
	const char *run = NULL, *why, *ends;
	size_t i, k, first, last, bio, end, *para_at;
	int words, sentence, seen_text = 0;
	time_t t;
	char *b;

	measure_blocks(bs);
	best_run(bs, &first, &last);
	last = with_references(bs, last);
	bio = writer_box_tail(bs, first, last);
	end = html_story_end(bs, first, last, &ends);
	para_at = xreallocarray(NULL, bs->n + 1, sizeof *para_at);
	for (i = 0; i < bs->n; i++) {
		struct block *bl = &bs->v[i];

		para_at[i] = st->npara;

		if (i < first || i >= last) {
			story_add_removed(st, "outside the story", bl->text);
			continue;
		}
		if (i >= bio) {
			story_add_removed(st, "author bio", bl->text);
			continue;
		}
		/* The section that opens where the story ends, and what
		 * follows it. */
		if (i >= end) {
			story_add_removed(st, i == end ? ends :
			    "after the story", bl->text);
			continue;
		}
		words = bl->words;
		sentence = bl->sentence;
		if (run != NULL) {
			if ((words >= 15 && sentence) || (bl->kind == KIND_P &&
			    sentence && words >= 8))
				run = NULL;
			else {
				story_add_removed(st, run, bl->text);
				continue;
			}
		}
		if (bl->row) {
			seen_text = 1;
			story_take_paragraph(st, bl->text, bl->kind);
			bl->text = NULL;
			continue;
		}
		/* A clock time alone marks an update, not text. */
		if (words <= 3 && clock_line(bl->text)) {
			story_add_removed(st, "time", bl->text);
			continue;
		}
		/* The headline again, or the byline and time, at the top;
		 * a block that starts with the headline is the page's header. */
		if (!seen_text && words <= 40 && starts_with_words(bl->text,
		    st->headline))
			continue;
		/* A label above the headline: "LIVE", "Exclusive". */
		if (!seen_text && words <= 2 && !sentence &&
		    bl->kind != KIND_ITEM) {
			story_add_removed(st, "label", bl->text);
			continue;
		}
		if (st->npara < 3 && words <= 24 &&
		    (b = wire_parse_byline(bl->text)) != NULL) {
			if (st->byline == NULL && b[0] != '\0')
				story_set(&st->byline, b);
			free(b);
			continue;
		}
		if (st->npara < 3 && !sentence && words <= 14 &&
		    wire_is_time_line(bl->text, &t)) {
			if (!st->has_published) {
				st->published = t;
				st->has_published = 1;
				story_set(&st->published_text, bl->text);
			}
			continue;
		}
		if (bl->kind != KIND_QUOTE && (why = bl->boiler) != NULL) {
			story_add_removed(st, why, bl->text);
			if (bl->ender)
				run = why;
			continue;
		}
		seen_text = 1;
		/* The block is sanitized already (html_block_end): hand it
		 * over. */
		story_take_paragraph(st, bl->text, bl->kind);
		bl->text = NULL;
		for (k = 0; k < bl->nlinks; k++)
			story_add_link(st, (int)st->npara - 1, bl->links[k].start,
			    bl->links[k].end, bl->links[k].url);
	}
	/* What the walk dropped stands before the paragraph of the next
	 * block made after it. */
	para_at[bs->n] = st->npara;
	for (k = 0; k + 1 < bs->ndrops; k += 2)
		if (bs->drops[k] < st->nremoved && bs->drops[k + 1] <= bs->n)
			st->removed[bs->drops[k]].before =
			    (int)para_at[bs->drops[k + 1]];
	free(para_at);
}

/*
 * Whether the story found in the page covers less than half the words of
 * the page's own copy of it (JSON-LD articleBody), or nothing at all. A
 * short copy (a summary) says nothing either way.
 */
static int
body_disagrees(const struct story *st, const char *body)
{
	struct buf have = { 0 };
	const char *w;
	size_t i, n = 0, found = 0;
	int disagree;

	if (st->npara == 0)
		return clean_count_words(body) > 0;
	if (clean_count_words(body) < 80)
		return 0;
	for (i = 0; i < st->npara; i++) {
		buf_addc(&have, ' ');
		buf_adds(&have, st->paragraphs[i]);
	}
	buf_addc(&have, ' ');
	/* Every fifth word of the copy, looked for in the story. */
	for (w = body; *w != '\0';) {
		size_t len;

		while (*w == ' ' || *w == '\n' || *w == '\t')
			w++;
		len = strcspn(w, " \n\t");
		if (len == 0)
			break;
		if (n++ % 5 == 0 && len >= 4 && len < 40) {
			char key[48];

			snprintf(key, sizeof key, " %.*s", (int)len, w);
			if (strstr(buf_cstr(&have), key) != NULL)
				found++;
		}
		w += len;
	}
	disagree = found * 2 < (n / 5) * 1;
	buf_free(&have);
	return disagree;
}

/* A heading kept as the last block has no story under it. */
void
html_trim_tail(struct story *st)
{
	while (st->npara > 0 && st->kinds[st->npara - 1] == KIND_HEADING)
		story_drop_paragraph(st, st->npara - 1, "heading without text");
}

void
html_prefer_copy(struct story *st, char *body)
{
	char *p, *nl;

	if (!body_disagrees(st, body))
		return;
	/* The page's own copy of the story (JSON-LD articleBody) and the
	 * text found in the page mostly differ: the copy wins. */
	while (st->npara > 0)
		story_drop_paragraph(st, st->npara - 1,
		    "not in the page's own copy of the story");
	story_set(&st->note, "text from the page's metadata");
	for (p = body; p != NULL; p = nl) {
		if ((nl = strchr(p, '\n')) != NULL)
			*nl++ = '\0';
		if (clean_count_words(p) > 0)
			story_add_paragraph(st, p, KIND_P);
	}
}
