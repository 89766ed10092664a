/*
 * base/ - what every stage shares and nothing specific to vcsc's
 * documents: memory and strings (util), the file system (files),
 * diagnostics in the style of a compiler (diag), the JSON writer (json),
 * Markdown parsing (md). Nothing here includes a header from another
 * folder.
 *
 * util.h - the small shared pieces every module uses: allocation that
 * aborts on exhaustion, an arena, a growable byte buffer, a string hash
 * map, UTF-8 helpers and edit distance; the file system helpers of
 * files.h come with it.
 *
 * Ownership: an arena owns everything allocated from it and frees it all in
 * arena_free(). A buf owns its bytes until buf_free() or buf_detach().
 * A hmap stores pointers it does not own; keys must outlive the map.
 */
#ifndef VCSC_UTIL_H
#define VCSC_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define VCSC_VERSION "0.1.0"

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Allocation: out of memory prints a message and aborts, in one place. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* Grows *items (of *cap elements of size elem) to hold at least need. */
void grow_array(void **items, size_t *cap, size_t need, size_t elem);
#define VEC_PUSH(arr, n, cap, val)                                             \
	do {                                                                   \
		grow_array((void **)&(arr), &(cap), (n) + 1, sizeof(*(arr)));  \
		(arr)[(n)++] = (val);                                          \
	} while (0)

/* Arena: bump allocation in chunks, freed at once. */
typedef struct arena arena;
arena *arena_new(void);
void arena_free(arena *a);
void *arena_alloc(arena *a, size_t n); /* zeroed, 16-byte aligned */
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_printf(arena *a, const char *fmt, ...) PRINTF_LIKE(2, 3);
void *arena_memdup(arena *a, const void *p, size_t n);

/* Growable byte buffer, always NUL-terminated. */
typedef struct buf {
	char *data;
	size_t len, cap;
} buf;
void buf_grow(buf *b, size_t extra);
void buf_putc(buf *b, char c);
void buf_put(buf *b, const char *s, size_t n);
void buf_puts(buf *b, const char *s);
void buf_printf(buf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
void buf_vprintf(buf *b, const char *fmt, va_list ap);
void buf_reset(buf *b);
void buf_free(buf *b);
char *buf_detach(buf *b); /* caller frees */

/* String -> pointer hash map (open addressing). */
typedef struct hmap {
	const char **keys;
	void **vals;
	size_t n, cap;
} hmap;
void hmap_init(hmap *m);
void hmap_free(hmap *m);
void *hmap_get(const hmap *m, const char *key);
/* Inserts key; returns the previous value or NULL. */
void *hmap_put(hmap *m, const char *key, void *val);
uint64_t hash_str(const char *s);

/* UTF-8. */
/* Returns the byte offset of the first invalid sequence, or len if valid. */
size_t utf8_validate(const unsigned char *s, size_t len);
/* Length in bytes of the (valid) sequence starting at s[0]; 1 if invalid. */
int utf8_seqlen(const unsigned char *s, size_t len);
/* Decodes one code point; returns bytes used, or 0 on invalid input. */
int utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
/* Number of code points in s[0..len). */
size_t utf8_count(const char *s, size_t len);

/* Damerau-Levenshtein (optimal string alignment) distance, capped. */
int edit_distance(const char *a, const char *b);
/* Picks the candidate closest to word if close enough, else NULL: by
 * edit distance; else the one candidate equal to word once case and
 * punctuation are ignored ("ISO/SAE 21434" for iso-sae-21434); else the
 * one candidate holding every word of word, in order ("iso-21434" for
 * iso-sae-21434). */
const char *suggest(const char *word, const char *const *cands, size_t n);

/* An example of what the POSIX extended regular expression ere matches,
 * built from its first alternatives and the fewest repetitions (a digit
 * range stands as 1, another class as its first character): "RQ-11-11"
 * for (RQ|RC)-[0-9]{2}-[0-9]{2}. NULL when ere uses what this does not
 * follow (back references, unknown escapes) or is not well formed; the
 * caller checks the example against the expression. Caller frees. */
char *regex_example(const char *ere);

/* qsort on strings. */
int cmp_strp(const void *a, const void *b);

/* The file system helpers (outputs, paths, trees) come with util.h. */
#include "files.h"

#endif
