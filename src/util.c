/* util: allocation that never fails, die(), and struct buf. */
#include <errno.h>
#ifdef __linux__
#include <malloc.h>
#include <sys/mman.h>
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

void (*util_die_hook)(void);

void
die(const char *fmt, ...)
{
	va_list ap;

	if (util_die_hook != NULL)
		util_die_hook();
	fputs("reader: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

void *
xmalloc(size_t n)
{
	void *p;

	if (n == 0)
		n = 1;
	if ((p = malloc(n)) == NULL)
		die("out of memory (%zu bytes)", n);
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p;

	if (nmemb == 0 || size == 0)
		nmemb = size = 1;
	if ((p = calloc(nmemb, size)) == NULL)
		die("out of memory (%zu x %zu bytes)", nmemb, size);
	return p;
}

void *
xreallocarray(void *old, size_t nmemb, size_t size)
{
	void *p;

	if (nmemb == 0 || size == 0)
		nmemb = size = 1;
	if (nmemb > SIZE_MAX / size)
		die("allocation overflow (%zu x %zu bytes)", nmemb, size);
	if ((p = realloc(old, nmemb * size)) == NULL)
		die("out of memory (%zu x %zu bytes)", nmemb, size);
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	struct buf b = { 0 };
	va_list cp;
	char tmp[1];
	int n;

	va_copy(cp, ap);
	n = vsnprintf(tmp, sizeof tmp, fmt, cp);
	va_end(cp);
	if (n < 0)
		die("bad format string");
	buf_grow(&b, (size_t)n + 1);
	vsnprintf(b.data, (size_t)n + 1, fmt, ap);
	return b.data;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

/* Make room for n more bytes plus a NUL. */
void
buf_grow(struct buf *b, size_t n)
{
	size_t need, cap;

	if (n > SIZE_MAX - b->len - 1)
		die("string too long");
	need = b->len + n + 1;
	if (need <= b->cap) {
		b->data[b->len] = '\0';
		return;
	}
	cap = b->cap ? b->cap : 64;
	while (cap < need) {
		if (cap > SIZE_MAX / 2)
			cap = need;
		else
			cap *= 2;
	}
	b->data = xreallocarray(b->data, cap, 1);
	b->cap = cap;
	b->data[b->len] = '\0';
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, int c)
{
	char ch = (char)c;

	/* One character at a time is the common case: no call to grow. */
	if (b->len + 2 <= b->cap) {
		b->data[b->len++] = ch;
		b->data[b->len] = '\0';
		return;
	}
	buf_add(b, &ch, 1);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	buf_adds(b, s);
	free(s);
}

const char *
buf_cstr(struct buf *b)
{
	buf_grow(b, 0);
	return b->data;
}

char *
buf_detach(struct buf *b)
{
	char *s;

	buf_grow(b, 0);
	s = b->data;
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

int
buf_read_fd(struct buf *b, int fd, size_t max)
{
	ssize_t n;

	for (;;) {
		buf_grow(b, 65536);
		n = read(fd, b->data + b->len, 65536);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return -1;
		if (n == 0)
			return 0;
		b->len += (size_t)n;
		b->data[b->len] = '\0';
		if (b->len > max)
			return 1;
	}
}

/* The heap below its first whole huge page, held so that it is not
 * handed out (it stays address space only). */
static void *heap_below;

/*
 * Ask for the heap in huge pages. A page of a few hundred kilobytes
 * becomes a tree of some megabytes, and first touching that 4 KB at a
 * time costs a page fault each: on a virtual machine, where a fault is
 * dear, more than parsing the page. The heap is made to grow in steps of
 * 32 MB of address space (not memory), and that range is advised
 * MADV_HUGEPAGE; where transparent huge pages are off, the advice is
 * ignored and nothing changes.
 */
void
heap_hugepages(void)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE) && defined(M_TOP_PAD)
	const uintptr_t huge = (uintptr_t)2 << 20;
	uintptr_t at, from, to;
	void *p;

	mallopt(M_TOP_PAD, 32 << 20);
	/* Bigger than what is left at the top: the heap grows now. */
	if ((p = malloc(96 << 10)) == NULL)
		return;
	at = (uintptr_t)p;
	from = (at + huge - 1) & ~(huge - 1);
	to = (uintptr_t)sbrk(0) & ~(huge - 1);
	free(p);
	/* Only the heap's own top (an allocator that does not use brk
	 * leaves the block elsewhere). */
	if (to <= from || to - from > ((uintptr_t)64 << 20))
		return;
	(void)madvise((void *)from, to - from, MADV_HUGEPAGE);
	/* What lies below the first whole huge page is taken (address
	 * space, never touched), so that the page's tree lands above. */
	if (from - at > 4096)
		heap_below = malloc(from - at - 64);
#endif
}
