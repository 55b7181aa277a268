/*
 * source: one command-line argument (a file path, "-" for standard input,
 * later a URL) to bytes, and bytes to a story through the right cleaner.
 */
#ifndef READER_SOURCE_H
#define READER_SOURCE_H

#include <stddef.h>

struct config;
struct story;

/*
 * Read a file (or standard input for "-") of at most max bytes. Refuses
 * directories, devices, FIFOs and binary files without blocking. Returns
 * the bytes (caller frees, *len set) or NULL with *err (caller frees),
 * a one-line message naming the file and the reason.
 */
char	*source_read_file(const char *path, size_t max, size_t *len,
	    char **err);

/*
 * Decode, clean and structure bytes from name (a path or URL) into a
 * story. charset and content_type are what the server said (or NULL);
 * HTML is recognised from the content type, the name or the bytes.
 */
struct story *source_story(const char *name, const char *bytes, size_t len,
	    const char *charset, const char *content_type);
/* The same without the names and places (for measuring the cleaners). */
struct story *source_clean(const char *name, const char *bytes, size_t len,
	    const char *charset, const char *content_type);

/* Load one argument into a story, or NULL with *err. */
struct story *source_load(const char *arg, const struct config *,
	    char **err);

#endif
