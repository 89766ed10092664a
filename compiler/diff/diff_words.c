/*
 * diff_words.c - the text pieces of the catalogue diff: a word-level diff
 * (Myers' O(ND) algorithm, linear space, on the words of Unicode word
 * segmentation, UAX #29, from libunibreak), a similarity measure for
 * pairing, and the white-space and plain-text comparisons that tell
 * editorial changes from changes of wording.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <wordbreak.h>

#include "diff.h"
#include "base/md.h"

/* A token: a segment of UAX #29 word segmentation (a word such as
 * "Überwachung", "don't" or "3.5", or one punctuation character such as
 * a dash or a quotation mark; underscores at the edges of a word split
 * off, being Markdown emphasis) or a run of white space. Every run of
 * white space compares equal to every other. */
typedef struct tok {
	const char *s;
	uint32_t len;
	uint32_t ws;
	uint64_t h;
} tok;

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* Letters and digits for the similarity of pairing (not for the word
 * diff): every byte of a multi-byte UTF-8 sequence counts as a letter, so
 * "Überwachung" is one word. Pairing keeps this cruder notion of a word,
 * so that which items pair does not depend on the segmentation. */
static bool is_wordc(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

static uint64_t hash_bytes(const char *s, size_t n, bool fold)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (fold && c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		h = (h ^ c) * 1099511628211ull;
	}
	return h | 1; /* 0 is kept for white space */
}

static bool all_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_space((unsigned char)s[i]))
			return false;
	return true;
}

typedef struct toks {
	tok *t;
	size_t n, cap;
} toks;

static void push_word(toks *o, const char *s, size_t len)
{
	tok k = {s, (uint32_t)len, 0, hash_bytes(s, len, false)};
	VEC_PUSH(o->t, o->n, o->cap, k);
}

/* One segment of the word segmentation as tokens. */
static void push_segment(toks *o, const char *seg, size_t sl)
{
	if (all_space(seg, sl)) {
		/* UAX #29 makes each space and line break a segment of its
		 * own: a run of them is one token */
		if (o->n && o->t[o->n - 1].ws) {
			o->t[o->n - 1].len += (uint32_t)sl;
		} else {
			tok k = {seg, (uint32_t)sl, 1, 0};
			VEC_PUSH(o->t, o->n, o->cap, k);
		}
		return;
	}
	/* An underscore joins words in UAX #29 (snake_case), but at the edge
	 * of a word in Markdown it is emphasis: "_word_" is three tokens, as
	 * "*word*" is. */
	size_t lead = 0, trail = 0;
	while (lead < sl && seg[lead] == '_')
		lead++;
	while (trail < sl - lead && seg[sl - 1 - trail] == '_')
		trail++;
	for (size_t k = 0; k < lead; k++)
		push_word(o, seg + k, 1);
	if (sl - lead - trail)
		push_word(o, seg + lead, sl - lead - trail);
	for (size_t k = sl - trail; k < sl; k++)
		push_word(o, seg + k, 1);
}

static size_t tokenize(const char *s, tok **out)
{
	static bool inited;
	if (!inited) {
		init_wordbreak();
		inited = true;
	}
	toks o = {NULL, 0, 0};
	const char *p = s ? s : "";
	size_t len = strlen(p);
	char *brks = xmalloc(len + 1);
	if (len)
		set_wordbreaks_utf8((const utf8_t *)p, len, NULL, brks);
	/* a segment ends where a break is allowed after its last byte, and
	 * at the end of the text whatever libunibreak says there */
	for (size_t start = 0, i = 0; i < len; i++) {
		if (brks[i] != WORDBREAK_BREAK && i + 1 < len)
			continue;
		push_segment(&o, p + start, i + 1 - start);
		start = i + 1;
	}
	free(brks);
	*out = o.t;
	return o.n;
}

static bool tok_eq(const tok *a, const tok *b)
{
	if (a->h != b->h)
		return false;
	if (a->ws)
		return true;
	return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

/* ---- Myers' diff, linear space (the "middle snake" bisection) ---- */

typedef struct edit {
	diff_op op;
	uint32_t i, j; /* old index (EQ, DEL), new index (EQ, INS) */
} edit;

typedef struct myers {
	const tok *a, *b;
	edit *e;
	size_t n, cap;
	long *v; /* scratch for both frontiers */
	size_t vcap;
	long budget; /* diagonals left to explore before giving up */
} myers;

static void emit(myers *m, diff_op op, size_t i, size_t j)
{
	edit e = {op, (uint32_t)i, (uint32_t)j};
	VEC_PUSH(m->e, m->n, m->cap, e);
}

static void replace_all(myers *m, size_t a0, size_t a1, size_t b0, size_t b1)
{
	for (size_t i = a0; i < a1; i++)
		emit(m, DIFF_DEL, i, b0);
	for (size_t j = b0; j < b1; j++)
		emit(m, DIFF_INS, a0, j);
}

static void compare(myers *m, size_t a0, size_t a1, size_t b0, size_t b1);

/* Finds the middle snake of a[a0..a1) against b[b0..b1) and recurses on
 * both halves; a range that costs more than the budget is replaced as a
 * whole, which bounds the time on pathological input. */
static void bisect(myers *m, size_t a0, size_t a1, size_t b0, size_t b1)
{
	long N = (long)(a1 - a0), M = (long)(b1 - b0);
	long max_d = (N + M + 1) / 2;
	long off = max_d, len = 2 * max_d + 2;
	if ((size_t)(2 * len) > m->vcap) {
		m->vcap = (size_t)(2 * len);
		free(m->v);
		m->v = xmalloc(m->vcap * sizeof(long));
	}
	long *v1 = m->v, *v2 = m->v + len;
	for (long i = 0; i < len; i++)
		v1[i] = v2[i] = -1;
	v1[off + 1] = 0;
	v2[off + 1] = 0;
	long delta = N - M;
	bool front = (delta & 1) != 0;
	long k1s = 0, k1e = 0, k2s = 0, k2e = 0;
	const tok *A = m->a + a0, *B = m->b + b0;
	for (long d = 0; d < max_d; d++) {
		if (--m->budget < 0)
			break;
		for (long k1 = -d + k1s; k1 <= d - k1e; k1 += 2) {
			long ko = off + k1, x1;
			if (k1 == -d || (k1 != d && v1[ko - 1] < v1[ko + 1]))
				x1 = v1[ko + 1];
			else
				x1 = v1[ko - 1] + 1;
			long y1 = x1 - k1;
			while (x1 < N && y1 < M && tok_eq(&A[x1], &B[y1])) {
				x1++;
				y1++;
			}
			v1[ko] = x1;
			if (x1 > N) {
				k1e += 2;
			} else if (y1 > M) {
				k1s += 2;
			} else if (front) {
				long k2o = off + delta - k1;
				if (k2o >= 0 && k2o < len && v2[k2o] != -1 &&
				    x1 >= N - v2[k2o]) {
					compare(m, a0, a0 + (size_t)x1, b0,
					        b0 + (size_t)y1);
					compare(m, a0 + (size_t)x1, a1,
					        b0 + (size_t)y1, b1);
					return;
				}
			}
		}
		for (long k2 = -d + k2s; k2 <= d - k2e; k2 += 2) {
			long ko = off + k2, x2;
			if (k2 == -d || (k2 != d && v2[ko - 1] < v2[ko + 1]))
				x2 = v2[ko + 1];
			else
				x2 = v2[ko - 1] + 1;
			long y2 = x2 - k2;
			while (x2 < N && y2 < M &&
			       tok_eq(&A[N - x2 - 1], &B[M - y2 - 1])) {
				x2++;
				y2++;
			}
			v2[ko] = x2;
			if (x2 > N) {
				k2e += 2;
			} else if (y2 > M) {
				k2s += 2;
			} else if (!front) {
				long k1o = off + delta - k2;
				if (k1o >= 0 && k1o < len && v1[k1o] != -1) {
					long x1 = v1[k1o];
					long y1 = off + x1 - k1o;
					if (x1 >= N - x2) {
						compare(m, a0, a0 + (size_t)x1,
						        b0, b0 + (size_t)y1);
						compare(m, a0 + (size_t)x1, a1,
						        b0 + (size_t)y1, b1);
						return;
					}
				}
			}
		}
	}
	replace_all(m, a0, a1, b0, b1);
}

static void compare(myers *m, size_t a0, size_t a1, size_t b0, size_t b1)
{
	/* common prefix and suffix first: most edits are small */
	while (a0 < a1 && b0 < b1 && tok_eq(&m->a[a0], &m->b[b0])) {
		emit(m, DIFF_EQ, a0, b0);
		a0++;
		b0++;
	}
	size_t sa = a1, sb = b1;
	while (sa > a0 && sb > b0 && tok_eq(&m->a[sa - 1], &m->b[sb - 1])) {
		sa--;
		sb--;
	}
	if (a0 == sa || b0 == sb)
		replace_all(m, a0, sa, b0, sb);
	else
		bisect(m, a0, sa, b0, sb);
	for (; sa < a1; sa++, sb++)
		emit(m, DIFF_EQ, sa, sb);
}

/* ---- from token edits to pieces ---- */

typedef struct segs {
	arena *a;
	diff_seg *s;
	size_t n, cap;
} segs;

static void push_seg(segs *o, diff_op op, const char *text, size_t len)
{
	if (!len)
		return;
	if (o->n && o->s[o->n - 1].op == op &&
	    o->s[o->n - 1].text + o->s[o->n - 1].len == text) {
		o->s[o->n - 1].len += len;
		return;
	}
	diff_seg g = {op, text, len};
	VEC_PUSH(o->s, o->n, o->cap, g);
}

/* Token range [i0, i1) of t as one span of its text. */
static void push_span(segs *o, diff_op op, const tok *t, size_t i0, size_t i1)
{
	if (i0 >= i1)
		return;
	push_seg(o, op, t[i0].s,
	         (size_t)(t[i1 - 1].s + t[i1 - 1].len - t[i0].s));
}

/* Slides each run of changed tokens as far towards the start as equal
 * tokens allow, merging runs that meet (the compaction of GNU diff): the
 * same edit, but "case{+, the risks+} and" instead of
 * "case{+,+} {+the risks +}and", and the same pieces whichever way round
 * two texts are compared. */
static void slide(const tok *t, bool *f, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (!f[i]) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && f[j])
			j++;
		while (i > 0 && !f[i - 1] && tok_eq(&t[i - 1], &t[j - 1])) {
			f[i - 1] = true;
			f[j - 1] = false;
			i--;
			j--;
			while (i > 0 && f[i - 1])
				i--;
		}
		i = j;
	}
}

/* Length of a token for the cleanup: white space counts for nothing. */
static size_t weight(const tok *t)
{
	return t->ws ? 0 : t->len;
}

/* Semantic cleanup (after diff-match-patch): a stretch of equal text
 * between two changes that is no longer than the larger side of the
 * change before it and of the change after it becomes part of both, so a
 * rewritten sentence reads as one replacement instead of fragments
 * anchored on "the" and ",". Repeated until nothing changes. An equal
 * stretch made of white space only always goes. The test is symmetric in
 * deletions and insertions. */
static void cleanup(edit *e, size_t n, const tok *ta, const tok *tb)
{
	enum { JOINED = 99 }; /* deleted and inserted */
	bool again = true;
	while (again) {
		again = false;
		size_t k = 0, prev = 0;
		size_t pdel = 0, pins = 0; /* the change before, if any */
		bool have_prev = false;
		while (k < n) {
			if (e[k].op != DIFF_EQ) {
				prev = k;
				pdel = pins = 0;
				while (k < n && e[k].op != DIFF_EQ) {
					if (e[k].op != DIFF_INS)
						pdel += weight(&ta[e[k].i]);
					if (e[k].op != DIFF_DEL)
						pins += weight(&tb[e[k].j]);
					k++;
				}
				have_prev = true;
				continue;
			}
			size_t k0 = k, eq = 0;
			while (k < n && e[k].op == DIFF_EQ)
				eq += weight(&tb[e[k++].j]);
			if (!have_prev || k == n)
				continue;
			size_t ndel = 0, nins = 0;
			for (size_t r = k; r < n && e[r].op != DIFF_EQ; r++) {
				if (e[r].op != DIFF_INS)
					ndel += weight(&ta[e[r].i]);
				if (e[r].op != DIFF_DEL)
					nins += weight(&tb[e[r].j]);
			}
			size_t before = pdel > pins ? pdel : pins;
			size_t after = ndel > nins ? ndel : nins;
			if (eq <= before && eq <= after) {
				for (size_t r = k0; r < k; r++)
					e[r].op = (diff_op)JOINED;
				/* the runs merged: measure the merged run next,
				 * and look at the earlier ones again in another
				 * pass */
				k = prev;
				have_prev = false;
				again = true;
			}
		}
	}
}

diff_seg *diff_words(arena *a, const char *old, const char *new, size_t *n)
{
	/* Compared in a fixed orientation and mirrored back, so that old
	 * against new and new against old give mirrored pieces even where
	 * several alignments are equally short. */
	bool swap = old && new &&strcmp(old, new) > 0;
	tok *ta, *tb, *tx, *ty;
	size_t na = tokenize(old, &ta), nb = tokenize(new, &tb);
	tx = swap ? tb : ta;
	ty = swap ? ta : tb;
	size_t nx = swap ? nb : na, ny = swap ? na : nb;
	myers m = {tx, ty, NULL, 0, 0, NULL, 0, 0};
	/* generous for prose, bounded for pathological input */
	m.budget = 4096;
	compare(&m, 0, nx, 0, ny);
	free(m.v);

	/* changed flags per token, compacted, then the edits again */
	bool *fx = xcalloc(nx + 1, 1), *fy = xcalloc(ny + 1, 1);
	for (size_t k = 0; k < m.n; k++) {
		if (m.e[k].op == DIFF_DEL)
			fx[m.e[k].i] = true;
		else if (m.e[k].op == DIFF_INS)
			fy[m.e[k].j] = true;
	}
	slide(tx, fx, nx);
	slide(ty, fy, ny);
	bool *fa = swap ? fy : fx, *fb = swap ? fx : fy;
	m.n = 0;
	for (size_t i = 0, j = 0; i < na || j < nb;) {
		if (i < na && fa[i])
			emit(&m, DIFF_DEL, i++, j);
		else if (j < nb && fb[j])
			emit(&m, DIFF_INS, i, j++);
		else
			emit(&m, DIFF_EQ, i++, j++);
	}
	free(fx);
	free(fy);
	cleanup(m.e, m.n, ta, tb);

	segs o = {a, NULL, 0, 0};
	size_t k = 0;
	while (k < m.n) {
		if (m.e[k].op == DIFF_EQ) {
			size_t k0 = k;
			while (k < m.n && m.e[k].op == DIFF_EQ)
				k++;
			push_span(&o, DIFF_EQ, tb, m.e[k0].j, m.e[k - 1].j + 1);
			continue;
		}
		/* a run of changes: all deletions, then all insertions */
		size_t k0 = k;
		while (k < m.n && m.e[k].op != DIFF_EQ)
			k++;
		size_t i0 = SIZE_MAX, i1 = 0, j0 = SIZE_MAX, j1 = 0;
		for (size_t r = k0; r < k; r++) {
			if (m.e[r].op != DIFF_INS) {
				if (i0 == SIZE_MAX)
					i0 = m.e[r].i;
				i1 = m.e[r].i + 1;
			}
			if (m.e[r].op != DIFF_DEL) {
				if (j0 == SIZE_MAX)
					j0 = m.e[r].j;
				j1 = m.e[r].j + 1;
			}
		}
		if (i0 != SIZE_MAX)
			push_span(&o, DIFF_DEL, ta, i0, i1);
		if (j0 != SIZE_MAX)
			push_span(&o, DIFF_INS, tb, j0, j1);
	}
	free(m.e);
	free(ta);
	free(tb);
	*n = o.n;
	diff_seg *out =
	    o.n ? arena_memdup(a, o.s, o.n * sizeof(diff_seg)) : NULL;
	free(o.s);
	return out;
}

/* ---- similarity ---- */

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

/* The sorted hashes of the words of s (case folded). Caller frees. */
static size_t word_hashes(const char *s, uint64_t **out)
{
	size_t n = 0, cap = 0;
	uint64_t *h = NULL;
	const char *p = s ? s : "";
	while (*p) {
		if (!is_wordc((unsigned char)*p)) {
			p++;
			continue;
		}
		const char *q = p;
		while (*q && is_wordc((unsigned char)*q))
			q++;
		VEC_PUSH(h, n, cap, hash_bytes(p, (size_t)(q - p), true));
		p = q;
	}
	if (n)
		qsort(h, n, sizeof(*h), cmp_u64);
	*out = h;
	return n;
}

/* ---- editorial comparisons ---- */

/* s with runs of white space collapsed to one space and the ends
 * trimmed. Caller frees. */
static char *squeeze(const char *s)
{
	buf b = {0};
	buf_puts(&b, "");
	bool space = false;
	for (const char *p = s; *p; p++) {
		if (is_space((unsigned char)*p)) {
			space = true;
			continue;
		}
		if (space && b.len)
			buf_putc(&b, ' ');
		space = false;
		buf_putc(&b, *p);
	}
	return buf_detach(&b);
}

bool diff_same_but_space(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	char *x = squeeze(a), *y = squeeze(b);
	bool same = strcmp(x, y) == 0;
	free(x);
	free(y);
	return same;
}

static char *plain_squeezed(const char *s)
{
	char *p = md_plain_text(s);
	char *q = squeeze(p);
	free(p);
	return q;
}

bool diff_same_plain_text(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	char *x = plain_squeezed(a), *y = plain_squeezed(b);
	bool same = strcmp(x, y) == 0;
	free(x);
	free(y);
	return same;
}

/* ---- pairing by similarity ---- */

typedef struct posting {
	uint64_t h;
	size_t id;
} posting;

static int cmp_posting(const void *x, const void *y)
{
	const posting *a = x, *b = y;
	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

typedef struct cand {
	double s;
	size_t i, j;
} cand;

static int cmp_cand(const void *x, const void *y)
{
	const cand *a = x, *b = y;
	if (a->s != b->s)
		return a->s > b->s ? -1 : 1;
	if (a->i != b->i)
		return a->i < b->i ? -1 : 1;
	return a->j < b->j ? -1 : a->j > b->j;
}

typedef struct hit {
	size_t id, shared;
} hit;

static int cmp_hit(const void *x, const void *y)
{
	const hit *a = x, *b = y;
	if (a->shared != b->shared)
		return a->shared > b->shared ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static double dice(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t i = 0, j = 0, common = 0;
	while (i < na && j < nb) {
		if (a[i] == b[j]) {
			common++;
			i++;
			j++;
		} else if (a[i] < b[j]) {
			i++;
		} else {
			j++;
		}
	}
	if (na + nb == 0)
		return 1.0;
	return 2.0 * (double)common / (double)(na + nb);
}

size_t diff_match(const char *const *olds, size_t no, const char *const *news,
                  size_t nn, double min, size_t *match_old, double *score)
{
	for (size_t i = 0; i < no; i++) {
		match_old[i] = SIZE_MAX;
		score[i] = 0;
	}
	if (!no || !nn)
		return 0;
	/* Scoring every pair is quadratic (think of a catalogue whose uids
	 * were all replaced). The candidates of a new text are the old texts
	 * that share words with it, through an index of words; with many old
	 * texts, words found in more than RARE of them are not looked up and
	 * only the BEST candidates sharing the most words are scored. Small
	 * inputs are scored exhaustively. */
	enum { SMALL = 256, RARE = 64, BEST = 16 };
	bool small = no <= SMALL;
	uint64_t **oh = xmalloc(no * sizeof(*oh));
	size_t *on = xmalloc(no * sizeof(size_t));
	posting *post = NULL;
	size_t np = 0, pcap = 0;
	for (size_t i = 0; i < no; i++) {
		on[i] = word_hashes(olds[i], &oh[i]);
		for (size_t k = 0; k < on[i]; k++)
			if (k == 0 || oh[i][k] != oh[i][k - 1]) {
				posting p = {oh[i][k], i};
				VEC_PUSH(post, np, pcap, p);
			}
	}
	if (np)
		qsort(post, np, sizeof(*post), cmp_posting);
	size_t *shared = xcalloc(no, sizeof(size_t));
	hit *hits = xmalloc(no * sizeof(hit));
	cand *c = NULL;
	size_t nc = 0, ccap = 0;
	for (size_t j = 0; j < nn; j++) {
		uint64_t *h;
		size_t nh = word_hashes(news[j], &h), nhit = 0;
		for (size_t k = 0; k < nh; k++) {
			if (k && h[k] == h[k - 1])
				continue;
			size_t lo = 0, hi = np;
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (post[mid].h < h[k])
					lo = mid + 1;
				else
					hi = mid;
			}
			size_t end = lo;
			while (end < np && post[end].h == h[k])
				end++;
			if (!small && end - lo > RARE)
				continue;
			for (size_t t = lo; t < end; t++) {
				size_t id = post[t].id;
				if (!shared[id]++)
					hits[nhit++].id = id;
			}
		}
		for (size_t t = 0; t < nhit; t++)
			hits[t].shared = shared[hits[t].id];
		if (!small && nhit > BEST) {
			qsort(hits, nhit, sizeof(hit), cmp_hit);
			for (size_t t = BEST; t < nhit; t++)
				shared[hits[t].id] = 0;
			nhit = BEST;
		}
		for (size_t t = 0; t < nhit; t++) {
			size_t i = hits[t].id;
			shared[i] = 0;
			double s = dice(oh[i], on[i], h, nh);
			if (s >= min) {
				cand e = {s, i, j};
				VEC_PUSH(c, nc, ccap, e);
			}
		}
		free(h);
	}
	if (nc)
		qsort(c, nc, sizeof(*c), cmp_cand);
	bool *taken = xcalloc(nn, 1);
	size_t pairs = 0;
	for (size_t k = 0; k < nc; k++) {
		if (match_old[c[k].i] != SIZE_MAX || taken[c[k].j])
			continue;
		match_old[c[k].i] = c[k].j;
		score[c[k].i] = c[k].s;
		taken[c[k].j] = true;
		pairs++;
	}
	free(taken);
	free(c);
	free(hits);
	free(shared);
	free(post);
	for (size_t i = 0; i < no; i++)
		free(oh[i]);
	free(oh);
	free(on);
	return pairs;
}

double diff_similarity(const char *a, const char *b)
{
	uint64_t *ha, *hb;
	size_t na = word_hashes(a, &ha), nb = word_hashes(b, &hb);
	double s = dice(ha, na, hb, nb);
	free(ha);
	free(hb);
	return s;
}
