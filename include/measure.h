/*
 * measure: how long a text is, in any script. Words, sentences and
 * commas counted the same way for English, for Chinese and Japanese
 * written without spaces, for Korean, Thai, Arabic and Cyrillic, so that
 * every rule that weighs a line by its length (labels, headings, the
 * scorer, link density, boilerplate bands, the headline) holds in all
 * of them.
 */
#ifndef READER_MEASURE_H
#define READER_MEASURE_H

#include <stddef.h>
#include <stdint.h>

enum measure_script {
	SCRIPT_OTHER,		/* digits, punctuation, symbols */
	SCRIPT_LATIN,
	SCRIPT_GREEK,
	SCRIPT_CYRILLIC,
	SCRIPT_HEBREW,
	SCRIPT_ARABIC,
	SCRIPT_THAI,		/* Thai, Lao, Khmer, Myanmar */
	SCRIPT_HAN,
	SCRIPT_KANA,
	SCRIPT_HANGUL,
};

struct measure {
	int	words;
	int	sentences;	/* sentence marks, and a last unmarked one */
	int	commas;		/* , 、 ， ، ؛ ； */
	int	dense;		/* characters of scripts written without
				 * spaces (Han, kana, Thai) */
};

enum measure_script measure_script(uint32_t cp);
/* Whether cp is a letter of a script written without spaces between
 * words (Han, kana, Thai and its neighbours). */
int	 measure_is_dense(uint32_t cp);
/* How many Latin letters cp weighs in a count of characters: a Chinese
 * or Japanese character 3 (a word of two of them stands for an English
 * word of five letters and a space), a hangul syllable 2 (it packs two
 * or three letters), anything else 1. */
int	 measure_weight(uint32_t cp);
/* The weights of the characters of s (n bytes) added up. */
size_t	 measure_mass(const char *s, size_t n);
/* Whether cp is written right to left (Hebrew, Arabic and their
 * presentation forms). */
int	 measure_is_rtl(uint32_t cp);
/* Whether cp ends a sentence (. ! ? 。 ！ ？ ؟ । …) or a clause
 * (, 、 ， ، ؛ ；). */
int	 measure_is_stop(uint32_t cp);
int	 measure_is_comma(uint32_t cp);
/* Closing quotes and brackets that may follow a sentence's mark
 * (" ' ) ] ” ’ » 」 』 ） 】 〕 》). */
int	 measure_is_closer(uint32_t cp);
/* Opening brackets and quotes (「 『 （ 【 〔 《 “ ‘ « ( [). */
int	 measure_is_opener(uint32_t cp);

/* Whether byte c can start a character of the scripts measure reads
 * apart from Latin: Cyrillic, Arabic (0xD0-0xDB) and Chinese, Japanese,
 * Korean (0xE3-0xED); not general punctuation (0xE2). For a quick
 * first look. */
#define MEASURE_FOREIGN_LEAD(c)	(((c) >= 0xD0 && (c) <= 0xDB) || \
	((c) >= 0xE3 && (c) <= 0xED))

/* Words in the first n bytes of s (see measure.c for the rule in each
 * script). */
int	 measure_words(const char *s, size_t n);
/* All the counts at once. */
void	 measure_text(const char *s, size_t n, struct measure *);
/* Whether s ends with a sentence mark, past closing quotes and brackets. */
int	 measure_ends_sentence(const char *s, size_t n);
/* Whether s ends in a letter of a script that writes no full stop
 * (Thai, Lao: a sentence ends where the space or the line does). */
int	 measure_ends_unmarked(const char *s, size_t n);
/* The script most of the letters of s are in (SCRIPT_OTHER if none). */
enum measure_script measure_main_script(const char *s, size_t n);

#endif
