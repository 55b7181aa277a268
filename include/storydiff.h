/*
 * storydiff: what changed between two versions of a story's body.
 * Paragraphs are matched in order (a longest common subsequence of
 * paragraphs that are equal once white space and quotes are folded); a
 * removed paragraph and an added one standing where it stood are one
 * changed paragraph when they share most words; inside a changed
 * paragraph, the words are diffed the same way. Work is bounded: past
 * the caps below, the comparison falls back to a linear one that calls
 * more paragraphs changed, never to more time.
 */
#ifndef READER_STORYDIFF_H
#define READER_STORYDIFF_H

#include <stddef.h>

enum diff_kind {
	DIFF_SAME,
	DIFF_ADDED,	/* only in the new version */
	DIFF_REMOVED,	/* only in the old version */
	DIFF_CHANGED,	/* old paragraph rewritten as the new one */
};

struct diff_op {
	enum diff_kind	kind;
	int		old_i;	/* index in the old version, or -1 */
	int		new_i;	/* index in the new version, or -1 */
};

struct diff_counts {
	int	added;
	int	removed;
	int	changed;
};

/* Paragraph-level diff, ops in reading order (caller frees *ops). */
void	 storydiff_paras(const char *const *old, size_t nold,
	    const char *const *new, size_t nnew, struct diff_op **ops,
	    size_t *nops, struct diff_counts *);

/* A run of a word diff: bytes [start, end) of the old text (removed),
 * of the new text (added or same). */
struct diff_word {
	enum diff_kind	kind;	/* DIFF_SAME, DIFF_ADDED or DIFF_REMOVED */
	size_t		start;
	size_t		end;
};

/* Word-level diff of one changed paragraph, runs in reading order, a
 * removed run before the added one that replaces it (caller frees). */
void	 storydiff_words(const char *old, const char *new,
	    struct diff_word **runs, size_t *nruns);

/* Whether two bodies are the same text once white space and quote
 * forms are folded (a change only there is not a new version). */
int	 storydiff_same_text(const char *const *a, size_t na,
	    const char *const *b, size_t nb);

#endif
