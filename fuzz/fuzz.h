/*
 * fuzz: the libFuzzer harnesses and their shared checks. Each harness
 * file defines FUZZ_ENTRY, which is LLVMFuzzerTestOneInput under
 * libFuzzer and fuzz_NAME in the corpus replay (fuzz/replay.c).
 */
#ifndef READER_FUZZ_H
#define READER_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#ifndef FUZZ_ENTRY
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

int	 FUZZ_ENTRY(const uint8_t *, size_t);

struct story;

/* Abort unless every string of the story passes the sanitizer and every
 * entity and link lies inside its paragraph; dump it both ways. */
void	 fuzz_check_story(const struct story *);
/* Abort unless s is clean (text_is_clean). */
void	 fuzz_check_clean(const char *what, const char *s);

#endif
