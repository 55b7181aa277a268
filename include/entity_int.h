/*
 * entity_int: what the files of the entity stage share (not a public
 * interface; include/entity.h is). The stage is:
 *   src/entity.c         tokens, runs of capitalised words, the driver;
 *   src/entity_story.c   the kind of story and the company cues;
 *   src/entity_steps.c   the named steps that classify a run;
 *   src/entity_memory.c  the memory, lists, and lines in capitals.
 * doc/names-rules.md describes the rules.
 */
#ifndef READER_ENTITY_INT_H
#define READER_ENTITY_INT_H

#include <stddef.h>
#include <stdint.h>

struct story;

/* Token shapes. */
#define T_WORD		0x0001	/* has a letter */
#define T_CAP		0x0002	/* starts with a capital */
#define T_UPPER		0x0004	/* two or more letters, all capitals */
#define T_DIGIT		0x0008	/* has a digit */
#define T_PUNCT		0x0010
#define T_SENT		0x0020	/* first word of a sentence */
#define T_INITIAL	0x0040	/* "J." */
#define T_CAPSLINE	0x0080	/* in an ALL-CAPS or Title Case line */
#define T_NAMELIKE	0x0100	/* may be part of a name */
#define T_HYPHEN	0x0200	/* has an inner hyphen */
#define T_OPENQ		0x0400	/* a quotation mark or bracket */
#define T_STOP		0x0800	/* ends a sentence: . ! ? */
#define T_DASH		0x1000	/* - or a dash */
#define T_GROUP		0x2000	/* a people, not a person: "Iraqi", "Kurds" */

#define UNKNOWN		(-1)
#define MAXPHRASE	6	/* words in a gazetteer phrase */
#define MAXTITLE	8	/* words in a title */
#define MAXRUN		16	/* capitalised words in a name, at most */

struct tok {
	uint32_t	 start;
	uint32_t	 end;
	uint32_t	 g;		/* gazetteer flags */
	uint16_t	 f;		/* T_* */
	int		 para;
	const char	*s;		/* the paragraph */
};

struct seg {
	size_t	a, b;		/* tokens [a, b) */
	int	type;		/* ENT_* or UNKNOWN */
	int	weak;		/* a guess the memory may overrule */
};

struct memo {
	uint32_t	 hash;
	uint32_t	 len;
	const char	*key;	/* folded, owned by the key pool */
	int		 per, loc, org, name;
	int		 firm;	/* a company cue names it (firm_cues) */
	int		 stmt;	/* it "said in a statement": a firm or not */
};

struct tagger {
	struct story	*st;
	struct tok	*t;
	size_t		 n, cap;
	struct seg	*seg;
	size_t		 nseg, capseg;
	struct memo	*memo;
	size_t		 memocap, memoused;
	char		*kbuf;		/* scratch for phrase keys */
	int		 sport;		/* a sports story (story_kind) */
	size_t		 kcap;
};

/* entity.c: tokens and their neighbours */
int		 entity_demonym_ending(const char *, size_t);
int		 entity_is_particle(const struct tok *);
int		 entity_is_amp(const struct tok *);
int		 entity_is_common(const struct tok *);
int		 entity_tok_is(const struct tok *, const char *);
int		 entity_tok_is2(const char *, const char *);
const struct tok *entity_tok_at(struct tagger *, size_t, int);
const struct tok *entity_before(struct tagger *, size_t);
const struct tok *entity_after(struct tagger *, size_t);
size_t		 entity_phrase_key(struct tagger *, size_t, size_t);
size_t		 entity_longest(struct tagger *, size_t, size_t, uint32_t,
		    uint32_t *);
void		 entity_add_seg(struct tagger *, size_t, size_t, int, int);
int		 entity_seg_order(const void *, const void *);

/* entity_story.c: the kind of story, company cues */
void		 entity_story_kind(struct tagger *);
void		 entity_firm_cues(struct tagger *);
int		 entity_firm_known(struct tagger *, size_t, size_t);

/* entity_steps.c: cues around a run, and its classification */
int		 entity_person_cue_before(struct tagger *, size_t);
int		 entity_person_cue_after(struct tagger *, size_t);
int		 entity_org_cue_before(struct tagger *, size_t);
int		 entity_venue_before(struct tagger *, size_t);
int		 entity_all_places(struct tagger *, size_t, size_t);
int		 entity_is_score(const struct tok *);
uint32_t	 entity_longest_flags(struct tagger *, size_t, size_t);
void		 entity_classify(struct tagger *, size_t, size_t, int);

/* entity_memory.c */
struct memo	*entity_memo_get(struct tagger *, const char *, size_t, int);
void		 entity_memory(struct tagger *);

#endif
