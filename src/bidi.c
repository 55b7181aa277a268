/*
 * bidi: visual order for right-to-left lines (UAX #9, by libfribidi).
 *
 * Lines are wrapped in logical order (text.c) and each is reordered
 * alone, with the paragraph's direction as its base: the levels of a
 * line do not depend on the lines around it, as they would only through
 * embeddings, which the sanitizer removes. Arabic letters are given
 * their joined presentation forms, since most terminals draw code
 * points as they come and would show every letter alone.
 */
#include <fribidi.h>
#include <stdlib.h>
#include <string.h>

#include "bidi.h"
#include "measure.h"
#include "text.h"
#include "util.h"

int
bidi_has_rtl(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0xD6) {	/* below U+0590 */
			i++;
			continue;
		}
		i += text_utf8_next(s + i, n - i, &cp);
		if (measure_is_rtl(cp))
			return 1;
	}
	return 0;
}

int
bidi_paragraph_rtl(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;
	FriBidiCharType t;

	while (i < n) {
		i += text_utf8_next(s + i, n - i, &cp);
		t = fribidi_get_bidi_type(cp);
		if (FRIBIDI_IS_LETTER(t) && FRIBIDI_IS_STRONG(t))
			return FRIBIDI_IS_RTL(t) ? 1 : 0;
	}
	return 0;
}

size_t
bidi_line(const char *s, size_t start, size_t end, int rtl,
    struct bidi_char **outp)
{
	struct bidi_char *out;
	FriBidiChar *str, *vis;
	FriBidiCharType *types;
	FriBidiBracketType *brackets;
	FriBidiLevel *levels;
	FriBidiArabicProp *joining;
	FriBidiStrIndex *map;
	FriBidiParType base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	size_t *offsets, n = 0, i, cap = end > start ? end - start : 1;
	FriBidiFlags flags = FRIBIDI_FLAGS_DEFAULT |
	    FRIBIDI_FLAG_SHAPE_ARAB_PRES;
	int ok;

	str = xreallocarray(NULL, cap, sizeof *str);
	offsets = xreallocarray(NULL, cap, sizeof *offsets);
	for (i = start; i < end; n++) {
		offsets[n] = i;
		i += text_utf8_next(s + i, end - i, &str[n]);
	}
	out = xreallocarray(NULL, n > 0 ? n : 1, sizeof *out);
	vis = xreallocarray(NULL, cap, sizeof *vis);
	types = xreallocarray(NULL, cap, sizeof *types);
	brackets = xreallocarray(NULL, cap, sizeof *brackets);
	levels = xreallocarray(NULL, cap, sizeof *levels);
	joining = xreallocarray(NULL, cap, sizeof *joining);
	map = xreallocarray(NULL, cap, sizeof *map);
	memcpy(vis, str, n * sizeof *str);
	for (i = 0; i < n; i++)
		map[i] = (FriBidiStrIndex)i;
	fribidi_get_bidi_types(str, (FriBidiStrIndex)n, types);
	fribidi_get_bracket_types(str, (FriBidiStrIndex)n, types, brackets);
	ok = n > 0 && fribidi_get_par_embedding_levels_ex(types, brackets,
	    (FriBidiStrIndex)n, &base, levels) != 0;
	if (ok) {
		fribidi_get_joining_types(str, (FriBidiStrIndex)n, joining);
		fribidi_join_arabic(types, (FriBidiStrIndex)n, levels,
		    joining);
		fribidi_shape(flags, levels, (FriBidiStrIndex)n, joining, vis);
		ok = fribidi_reorder_line(flags, types, (FriBidiStrIndex)n, 0,
		    base, levels, vis, map) != 0;
	}
	for (i = 0; i < n; i++) {
		/* Logical order if the library fails: nothing is lost. */
		size_t from = ok && map[i] >= 0 && (size_t)map[i] < n ?
		    (size_t)map[i] : i;

		out[i].offset = offsets[from];
		out[i].cp = ok ? vis[i] : str[i];
	}
	free(str);
	free(vis);
	free(types);
	free(brackets);
	free(levels);
	free(joining);
	free(map);
	free(offsets);
	*outp = out;
	return n;
}
