/*
 * bidi: right-to-left text (Arabic, Hebrew) in the order it is shown,
 * through libfribidi: a paragraph's direction, and each wrapped line's
 * characters from left to right with the byte each came from, so that
 * search and name highlights stay on their characters.
 */
#ifndef READER_BIDI_H
#define READER_BIDI_H

#include <stddef.h>
#include <stdint.h>

struct bidi_char {
	size_t		offset;	/* of the character in the paragraph */
	uint32_t	cp;	/* what to draw: a bracket mirrored, an
				 * Arabic letter in its joined form */
};

/* Whether s (n bytes) holds any right-to-left character. */
int	 bidi_has_rtl(const char *s, size_t n);
/* Whether the paragraph reads right to left: its first strong
 * character (a letter with a direction) is Arabic or Hebrew. */
int	 bidi_paragraph_rtl(const char *s, size_t n);
/*
 * The characters of s[start, end), one line of a paragraph whose
 * direction is rtl, in visual order from the left. Returns their count
 * and sets *out (caller frees). The line is reordered on its own: no
 * character moves out of it, and the sanitizer has already removed the
 * embedding and override controls, so a hostile string cannot reach
 * another line or paragraph.
 */
size_t	 bidi_line(const char *s, size_t start, size_t end, int rtl,
	    struct bidi_char **out);

#endif
