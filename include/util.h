/*
 * util: the allocation policy (x* functions never return NULL; they
 * die on exhaustion), die(), and the growable string every module uses.
 */
#ifndef READER_UTIL_H
#define READER_UTIL_H

#include <stdarg.h>
#include <stddef.h>

void	 heap_hugepages(void);
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...)
	    __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list)
	    __attribute__((format(printf, 1, 0)));

/* Called by die() before it prints, so the UI can give the terminal back. */
extern void (*util_die_hook)(void);
void	 die(const char *, ...)
	    __attribute__((format(printf, 1, 2), noreturn));

/* A growable byte string, always NUL-terminated when len > 0 or after
 * buf_cstr(). Zero-initialise to use. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 buf_grow(struct buf *, size_t);
void	 buf_add(struct buf *, const char *, size_t);
void	 buf_adds(struct buf *, const char *);
void	 buf_addc(struct buf *, int);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
const char *buf_cstr(struct buf *);
char	*buf_detach(struct buf *);	/* caller frees; buf is reset */
void	 buf_free(struct buf *);
/* Append what fd gives until end of file, at most max bytes (and one
 * read more, to tell). Returns 0 at end of file, 1 past max, -1 on a
 * read error with errno set. */
int	 buf_read_fd(struct buf *, int fd, size_t max);

#endif
