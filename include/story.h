/*
 * story: the model every front end reads (headline, byline, time,
 * dateline, body blocks, credits, entities, what was removed) and its
 * dumps as text and as JSON.
 */
#ifndef READER_STORY_H
#define READER_STORY_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

enum story_kind {
	KIND_P,
	KIND_HEADING,
	KIND_ITEM,
	KIND_QUOTE,
	KIND_PRE,
};

enum entity_type {
	ENT_PER,
	ENT_LOC,
	ENT_ORG,
};

struct story_entity {
	enum entity_type type;
	int		 paragraph;	/* -1 for the headline */
	size_t		 start;		/* byte offsets, end exclusive */
	size_t		 end;
};

struct story_removed {
	char	*reason;
	char	*text;
	int	 before;	/* paragraph it stood before; npara at the end */
};

struct story_link {
	int	 paragraph;
	size_t	 start;
	size_t	 end;
	char	*url;
};

struct story {
	char	*source;
	char	*headline;
	char	*byline;		/* or NULL */
	time_t	 published;		/* valid if has_published */
	int	 has_published;
	char	*published_text;	/* or NULL */
	char	*dateline_place;	/* or NULL */
	char	*dateline_agency;	/* or NULL */
	char	*dateline_date;		/* or NULL: "March 5" */
	/* The paragraph the dateline opened (not in the JSON): the second
	 * when a standfirst comes first. */
	size_t	 dateline_para;
	char	*credits;		/* or NULL */
	char	*url;			/* the story's link, or NULL */

	char		**paragraphs;
	enum story_kind	 *kinds;
	size_t		  npara;
	size_t		  cappara;

	struct story_entity *entities;
	size_t		  nentities;
	size_t		  capentities;

	struct story_removed *removed;
	size_t		  nremoved;
	size_t		  capremoved;

	struct story_link *links;
	size_t		  nlinks;
	size_t		  caplinks;

	char	*note;		/* a warning for the status line, or NULL */

	/* From the store (store.c); store_id 0 when not stored. The JSON
	 * dump adds id, fetched, read and starred for stories loaded from
	 * it (from_store). */
	long long store_id;
	time_t	 fetched;
	int	 read;
	int	 starred;
	int	 from_store;
};

struct story	*story_new(const char *source);
void		 story_free(struct story *);

/* Setters take a string that has passed text_sanitize (or duplicate
 * and sanitize it themselves where said). */
void	 story_set(char **field, const char *value);	/* sanitizes */
void	 story_add_paragraph(struct story *, const char *, enum story_kind);
/* Takes ownership of a string that text_sanitize() made (with
 * TEXT_ONELINE | TEXT_SQUEEZE, or 0 for KIND_PRE). */
void	 story_take_paragraph(struct story *, char *clean, enum story_kind);
void	 story_add_removed(struct story *, const char *reason, const char *);
void	 story_add_entity(struct story *, enum entity_type, int, size_t,
	    size_t);
void	 story_add_link(struct story *, int, size_t, size_t, const char *);
/* Removes paragraph i, recording it as removed for reason (unless NULL:
 * its text moved into another field). */
void	 story_drop_paragraph(struct story *, size_t, const char *reason);
/* The paragraph the dateline stands above: 0 when it heads the story. */
size_t	 story_dateline_para(const struct story *);
/* Cut the first n bytes of paragraph i (a dateline), keeping the links
 * of the rest where they were. */
void	 story_cut_paragraph(struct story *, size_t i, size_t n);
int	 story_is_empty(const struct story *);

const char *story_kind_name(enum story_kind);
const char *story_entity_name(enum entity_type);

/* The time as a person reads it: the page's words, or "Mar  5, 2026
 * 12:07 UTC" when the page gave only a timestamp. NULL if none. */
const char *story_time_for_people(const struct story *, char *, size_t);
/* ISO 8601 UTC ("2023-02-04T03:53:00Z") into buf. */
void	 story_format_time(time_t, char *, size_t);

void	 story_dump_json(const struct story *, FILE *);
void	 story_dump_text(const struct story *, FILE *);
/* JSON string literal for s (quotes included) appended to out. */
struct buf;
void	 story_json_string(struct buf *, const char *);

#endif
