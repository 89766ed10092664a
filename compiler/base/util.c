/*
 * util.c - allocation, arena, buffers, hash map, UTF-8, edit distance and
 * file helpers shared by every module.
 */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void oom(void)
{
	fputs("vcsc: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	buf b = {0};
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return buf_detach(&b);
}

void grow_array(void **items, size_t *cap, size_t need, size_t elem)
{
	size_t c = *cap;
	if (need <= c)
		return;
	if (c < 8)
		c = 8;
	while (c < need) {
		if (c > SIZE_MAX / 2 / elem)
			oom();
		c *= 2;
	}
	*items = xrealloc(*items, c * elem);
	*cap = c;
}

/* ---- arena ---- */

struct chunk {
	struct chunk *next;
	size_t size, used;
	_Alignas(16) unsigned char data[];
};

struct arena {
	struct chunk *head;
};

#define ARENA_CHUNK (64 * 1024)

arena *arena_new(void)
{
	return xcalloc(1, sizeof(arena));
}

void arena_free(arena *a)
{
	if (!a)
		return;
	struct chunk *c = a->head;
	while (c) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
	free(a);
}

void *arena_alloc(arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	struct chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		size_t size = n > ARENA_CHUNK / 4 ? n : ARENA_CHUNK;
		struct chunk *nc = xmalloc(sizeof(*nc) + size);
		nc->size = size;
		nc->used = 0;
		if (c && size != ARENA_CHUNK) {
			/* Big block: keep the current chunk as head for small
			 * ones. */
			nc->next = c->next;
			c->next = nc;
		} else {
			nc->next = c;
			a->head = nc;
		}
		c = nc;
	}
	void *p = c->data + c->used;
	c->used += n;
	memset(p, 0, n);
	return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

void *arena_memdup(arena *a, const void *p, size_t n)
{
	void *q = arena_alloc(a, n);
	if (n)
		memcpy(q, p, n);
	return q;
}

char *arena_printf(arena *a, const char *fmt, ...)
{
	buf b = {0};
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	char *s = arena_strndup(a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

/* ---- buf ---- */

void buf_grow(buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t c = b->cap ? b->cap : 64;
	while (c < b->len + extra + 1) {
		if (c > SIZE_MAX / 2)
			oom();
		c *= 2;
	}
	b->data = xrealloc(b->data, c);
	b->cap = c;
}

void buf_put(buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_putc(buf *b, char c)
{
	buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void buf_puts(buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void buf_vprintf(buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void buf_printf(buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void buf_reset(buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void buf_free(buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *buf_detach(buf *b)
{
	char *p = b->data ? b->data : xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

/* ---- hmap ---- */

uint64_t hash_str(const char *s)
{
	/* FNV-1a: deterministic, so iteration-free use stays reproducible. */
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

void hmap_init(hmap *m)
{
	memset(m, 0, sizeof(*m));
}

void hmap_free(hmap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

static size_t hmap_slot(const char **keys, size_t cap, const char *key)
{
	size_t i = (size_t)hash_str(key) & (cap - 1);
	while (keys[i] && strcmp(keys[i], key) != 0)
		i = (i + 1) & (cap - 1);
	return i;
}

void *hmap_get(const hmap *m, const char *key)
{
	if (!m->cap)
		return NULL;
	size_t i = hmap_slot(m->keys, m->cap, key);
	return m->keys[i] ? m->vals[i] : NULL;
}

void *hmap_put(hmap *m, const char *key, void *val)
{
	if ((m->n + 1) * 2 > m->cap) {
		size_t nc = m->cap ? m->cap * 2 : 16;
		const char **nk = xcalloc(nc, sizeof(*nk));
		void **nv = xcalloc(nc, sizeof(*nv));
		for (size_t i = 0; i < m->cap; i++) {
			if (!m->keys[i])
				continue;
			size_t j = hmap_slot(nk, nc, m->keys[i]);
			nk[j] = m->keys[i];
			nv[j] = m->vals[i];
		}
		free(m->keys);
		free(m->vals);
		m->keys = nk;
		m->vals = nv;
		m->cap = nc;
	}
	size_t i = hmap_slot(m->keys, m->cap, key);
	void *old = NULL;
	if (m->keys[i]) {
		old = m->vals[i];
	} else {
		m->keys[i] = key;
		m->n++;
	}
	m->vals[i] = val;
	return old;
}

/* ---- UTF-8 ---- */

int utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	if (!len)
		return 0;
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	int n;
	uint32_t v, min;
	if ((c & 0xE0) == 0xC0) {
		n = 2, v = c & 0x1F, min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		n = 3, v = c & 0x0F, min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		n = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if ((size_t)n > len)
		return 0;
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return n;
}

size_t utf8_validate(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);
		if (!n)
			return i;
		i += (size_t)n;
	}
	return len;
}

int utf8_seqlen(const unsigned char *s, size_t len)
{
	uint32_t cp;
	int n = utf8_decode(s, len, &cp);
	return n ? n : 1;
}

size_t utf8_count(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* ---- suggestions ---- */

int edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return 99;
	int d[65][65];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			int cost = a[i - 1] != b[j - 1];
			int v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[la][lb];
}

/* word lowercased, every run of other characters than letters and
 * digits one '-', without one at either end. Caller frees. */
static char *fold_id(const char *word)
{
	buf b = {0};
	buf_puts(&b, "");
	for (const char *p = word; *p; p++) {
		char ch = *p;
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		bool alnum = (ch >= 'a' && ch <= 'z') ||
		             (ch >= '0' && ch <= '9') ||
		             (unsigned char)ch >= 0x80;
		if (alnum)
			buf_putc(&b, ch);
		else if (b.len && b.data[b.len - 1] != '-')
			buf_putc(&b, '-');
	}
	while (b.len && b.data[b.len - 1] == '-')
		b.data[--b.len] = '\0';
	return buf_detach(&b);
}

/* True when every '-'-separated word of w is a word of c, in order. */
static bool words_within(const char *w, const char *c)
{
	const char *p = w, *q = c;
	while (*p) {
		size_t n = strcspn(p, "-");
		bool found = false;
		while (*q && !found) {
			size_t m = strcspn(q, "-");
			found = m == n && strncmp(p, q, n) == 0;
			q += m;
			if (*q == '-')
				q++;
		}
		if (!found)
			return false;
		p += n;
		if (*p == '-')
			p++;
	}
	return true;
}

const char *suggest(const char *word, const char *const *cands, size_t n)
{
	const char *best = NULL;
	int bestd = 99;
	size_t wl = strlen(word);
	int limit = wl <= 3 ? 1 : wl <= 8 ? 2 : 3;
	for (size_t i = 0; i < n; i++) {
		int d = edit_distance(word, cands[i]);
		if (d < bestd) {
			bestd = d;
			best = cands[i];
		}
	}
	if (bestd <= limit)
		return best;
	char *fw = fold_id(word);
	const char *same = NULL, *within = NULL;
	size_t nsame = 0, nwithin = 0;
	for (size_t i = 0; *fw && i < n; i++) {
		char *fc = fold_id(cands[i]);
		if (strcmp(fw, fc) == 0) {
			same = cands[i];
			nsame++;
		} else if (words_within(fw, fc)) {
			within = cands[i];
			nwithin++;
		}
		free(fc);
	}
	free(fw);
	return nsame == 1 ? same : nsame == 0 && nwithin == 1 ? within : NULL;
}

/* ---- an example of a regular expression ---- */

typedef struct rex {
	const char *p;
	buf out;
	int depth;
	bool bad;
} rex;

static void rex_alt(rex *r);

/* Adds the range lo-hi to r[*n], at most 32. */
static void add_range(char r[][2], int *n, char lo, char hi)
{
	if (*n < 32) {
		r[*n][0] = lo;
		r[*n][1] = hi;
		(*n)++;
	}
}

/* The character a bracket expression stands as: 1 for a digit range
 * from 0, else its first member; for a negated one, a letter, digit or
 * punctuation character outside it. */
static void rex_class(rex *r)
{
	const char *p = r->p; /* after '[' */
	bool neg = *p == '^';
	if (neg)
		p++;
	char set[32][2];
	int n = 0;
	bool first = true;
	while (*p && (first || *p != ']')) {
		first = false;
		if (p[0] == '[' && p[1] == ':') {
			const char *e = strstr(p + 2, ":]");
			if (!e) {
				r->bad = true;
				return;
			}
			size_t len = (size_t)(e - p - 2);
			const char *name = p + 2;
			bool digit = len == 5 && !strncmp(name, "digit", 5);
			bool upper = len == 5 && !strncmp(name, "upper", 5);
			bool lower = len == 5 && !strncmp(name, "lower", 5);
			bool alpha = len == 5 && !strncmp(name, "alpha", 5);
			bool alnum = len == 5 && !strncmp(name, "alnum", 5);
			if (!digit && !upper && !lower && !alpha && !alnum) {
				r->bad = true;
				return;
			}
			if (lower || alpha || alnum)
				add_range(set, &n, 'a', 'z');
			if (upper || alpha || alnum)
				add_range(set, &n, 'A', 'Z');
			if (digit || alnum)
				add_range(set, &n, '0', '9');
			p = e + 2;
		} else if (p[1] == '-' && p[2] && p[2] != ']') {
			add_range(set, &n, p[0], p[2]);
			p += 3;
		} else {
			add_range(set, &n, p[0], p[0]);
			p++;
		}
	}
	if (*p != ']' || !n) {
		r->bad = true;
		return;
	}
	r->p = p + 1;
	char pick = 0;
	if (!neg) {
		pick = set[0][0] == '0' && set[0][1] >= '1' ? '1' : set[0][0];
	} else {
		static const char cands[] = "xX1-_.aA0";
		for (const char *c = cands; *c && !pick; c++) {
			bool in = false;
			for (int i = 0; i < n; i++)
				in |= *c >= set[i][0] && *c <= set[i][1];
			if (!in)
				pick = *c;
		}
		if (!pick) {
			r->bad = true;
			return;
		}
	}
	buf_putc(&r->out, pick);
}

/* One atom with its quantifier. */
static void rex_piece(rex *r)
{
	size_t start = r->out.len;
	char ch = *r->p;
	if (ch == '(') {
		r->p++;
		if (++r->depth > 32) {
			r->bad = true;
			return;
		}
		rex_alt(r);
		r->depth--;
		if (*r->p != ')') {
			r->bad = true;
			return;
		}
		r->p++;
	} else if (ch == '[') {
		r->p++;
		rex_class(r);
	} else if (ch == '\\') {
		char e = r->p[1];
		if (!e || (e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') ||
		    (e >= '0' && e <= '9')) {
			r->bad = true;
			return;
		}
		buf_putc(&r->out, e);
		r->p += 2;
	} else if (ch == '.') {
		buf_putc(&r->out, 'a');
		r->p++;
	} else if (ch == '^' || ch == '$') {
		r->p++;
		return;
	} else if (strchr("*+?{", ch)) {
		r->bad = true;
		return;
	} else {
		buf_putc(&r->out, ch);
		r->p++;
	}
	if (r->bad)
		return;
	/* the quantifier: the fewest repetitions */
	long times = 1;
	ch = *r->p;
	if (ch == '*' || ch == '?') {
		times = 0;
		r->p++;
	} else if (ch == '+') {
		r->p++;
	} else if (ch == '{') {
		char *end;
		times = strtol(r->p + 1, &end, 10);
		if (end == r->p + 1 || times < 0 || times > 64) {
			r->bad = true;
			return;
		}
		const char *close = strchr(end, '}');
		if (!close) {
			r->bad = true;
			return;
		}
		r->p = close + 1;
	}
	size_t n = r->out.len - start;
	char *once = xstrndup(r->out.data + start, n);
	r->out.len = start;
	r->out.data[start] = '\0';
	for (long i = 0; i < times && r->out.len < 256; i++)
		buf_put(&r->out, once, n);
	free(once);
}

/* Alternatives: the first is taken, the others are skipped. */
static void rex_alt(rex *r)
{
	while (!r->bad && *r->p && *r->p != '|' && *r->p != ')')
		rex_piece(r);
	size_t keep = r->out.len;
	while (!r->bad && *r->p == '|') {
		r->p++;
		while (!r->bad && *r->p && *r->p != '|' && *r->p != ')')
			rex_piece(r);
	}
	r->out.len = keep;
	if (r->out.data)
		r->out.data[keep] = '\0';
}

char *regex_example(const char *ere)
{
	if (!ere || strlen(ere) > 1000)
		return NULL;
	rex r = {ere, {0}, 0, false};
	buf_puts(&r.out, "");
	rex_alt(&r);
	if (r.bad || *r.p || !r.out.len) {
		buf_free(&r.out);
		return NULL;
	}
	return buf_detach(&r.out);
}

int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}
