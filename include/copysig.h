/*
 * copysig: the signature that tells two pages carrying the same story
 * (syndicated copies) from two different stories, on the cleaned body
 * alone. Word shingles of the body, folded so that quotes, dashes, case
 * and white space do not count, summarised by MinHash; LSH bands of the
 * signature let a store find the candidates for a new story in
 * sub-linear time. doc/copies.md says how the thresholds were chosen.
 */
#ifndef READER_COPYSIG_H
#define READER_COPYSIG_H

#include <stddef.h>
#include <stdint.h>

struct story;

#define COPYSIG_HASHES	64	/* MinHash values in a signature */
#define COPYSIG_BANDS	32	/* LSH bands of COPYSIG_HASHES / BANDS rows */
#define COPYSIG_ROWS	(COPYSIG_HASHES / COPYSIG_BANDS)
#define COPYSIG_SHINGLE	4	/* words in a shingle */
/* A body of fewer words never merges with anything: too little to tell
 * a copy from a brief that shares a wire's boilerplate. */
#define COPYSIG_MIN_WORDS 40

struct copysig {
	uint32_t min[COPYSIG_HASHES];	/* MinHash values */
	uint32_t shingles;		/* distinct shingles (estimated) */
	uint32_t words;			/* words in the body */
};

/* The signature of a story's body (paragraphs, list items and quotes;
 * not the headline, byline, credits or what was removed). Returns 0, or
 * -1 when the body is too short to ever merge (sig is still filled). */
int	 copysig_story(const struct story *, struct copysig *);
/* The same for a bare text (tests, the labelled set). */
int	 copysig_text(const char *const *paras, size_t n, struct copysig *);

/* The LSH key of band b (0 <= b < COPYSIG_BANDS): equal keys make two
 * stories candidates. Never 0, so 0 can mean "none". */
uint64_t copysig_band(const struct copysig *, int b);

/* Estimated Jaccard similarity of the two shingle sets, 0..1. */
double	 copysig_jaccard(const struct copysig *, const struct copysig *);
/* Estimated share of the smaller set found in the larger, 0..1: a copy
 * with a trimmed last paragraph or an inserted box keeps this high. */
double	 copysig_containment(const struct copysig *, const struct copysig *);
/* Whether two signatures are copies of one story (both long enough and
 * above the measured thresholds). */
int	 copysig_same(const struct copysig *, const struct copysig *);

/* Signatures as bytes for a store (little-endian, fixed size). */
#define COPYSIG_BYTES	(4 * (COPYSIG_HASHES + 2))
void	 copysig_pack(const struct copysig *, unsigned char *);
int	 copysig_unpack(const unsigned char *, size_t, struct copysig *);

#endif
