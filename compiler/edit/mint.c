/*
 * mint.c - uids for new questions and requirements (see mint.h).
 */
#include "mint.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "front/fields.h"
#include "front/model.h"
#include "srcedit.h"
#include "base/util.h"
#include "front/ynode.h"

#define UID_MAX 48

static const char *const stop_words[] = {
    "a",     "an",    "and",  "any",  "are",   "as",    "at",     "be",   "by",
    "each",  "every", "for",  "from", "has",   "have",  "in",     "is",   "it",
    "its",   "must",  "of",   "on",   "or",    "shall", "should", "that", "the",
    "their", "these", "this", "to",   "which", "with",  "der",    "die",  "das",
    "und",   "oder",  "muss", "soll", "ein",   "eine",
};

static bool is_stop(const char *w, size_t n)
{
	for (size_t i = 0; i < COUNT_OF(stop_words); i++)
		if (strlen(stop_words[i]) == n &&
		    memcmp(stop_words[i], w, n) == 0)
			return true;
	return false;
}

char *mint_slug(const char *text, int max_words, size_t max_len)
{
	buf out = {0};
	buf w = {0};
	buf_puts(&out, "");
	int words = 0;
	const unsigned char *p = (const unsigned char *)(text ? text : "");
	for (;;) {
		/* one word: ASCII letters and digits, umlauts spelt out */
		buf_reset(&w);
		while (*p) {
			if ((*p >= 'a' && *p <= 'z') ||
			    (*p >= '0' && *p <= '9')) {
				buf_putc(&w, (char)*p++);
			} else if (*p >= 'A' && *p <= 'Z') {
				buf_putc(&w, (char)(*p++ - 'A' + 'a'));
			} else if (p[0] == 0xC3 && p[1]) {
				static const struct {
					unsigned char c;
					const char *s;
				} tr[] = {{0xA4, "ae"}, {0xB6, "oe"},
				          {0xBC, "ue"}, {0x84, "ae"},
				          {0x96, "oe"}, {0x9C, "ue"},
				          {0x9F, "ss"}};
				const char *s = NULL;
				for (size_t i = 0; i < COUNT_OF(tr); i++)
					if (p[1] == tr[i].c)
						s = tr[i].s;
				if (!s) {
					if (w.len)
						break;
					p += 2;
					continue;
				}
				buf_puts(&w, s);
				p += 2;
			} else if (w.len) {
				break;
			} else {
				p++;
			}
		}
		if (!w.len)
			break;
		if (is_stop(w.data, w.len))
			continue;
		size_t need = w.len + (out.len ? 1 : 0);
		if (out.len + need > max_len) {
			if (!out.len) { /* one long word: cut it */
				buf_put(&out, w.data, max_len);
				words++;
			}
			break;
		}
		if (out.len)
			buf_putc(&out, '-');
		buf_put(&out, w.data, w.len);
		if (++words >= max_words)
			break;
	}
	buf_free(&w);
	return buf_detach(&out);
}

/* ---- one version ---- */

typedef struct file {
	char *path;
	char *text;
	size_t len;
	arena *a;
	ynode *root;
	srcedit *e;
} file;

typedef struct minter {
	diags *d;
	hmap used; /* every uid of the version, existing or minted */
	arena *a;  /* keys of used */
} minter;

static const char *scalar(const ynode *map, const char *key)
{
	const ynode *v = map ? yn_map_get(map, key) : NULL;
	return v && v->kind == YN_SCALAR ? v->str : NULL;
}

/* The text of a prose field: the string, or the first translation. */
static const char *prose_first(const ynode *map, const char *key)
{
	const ynode *v = yn_map_get(map, key);
	if (!v)
		return NULL;
	if (v->kind == YN_SCALAR)
		return v->str;
	if (v->kind == YN_MAP && v->n && v->items[1]->kind == YN_SCALAR)
		return v->items[1]->str;
	return NULL;
}

static void use(minter *m, const char *uid)
{
	if (!hmap_get(&m->used, uid))
		hmap_put(&m->used, arena_strdup(m->a, uid), (void *)1);
}

/* base, or base-2, base-3 ... whichever is free, within UID_MAX. */
static const char *unique(minter *m, const char *base)
{
	/* base may be shorter than UID_MAX: copy no further than its end */
	size_t bl = strnlen(base, UID_MAX);
	while (bl > 1 && base[bl - 1] == '-')
		bl--;
	char *b = xstrndup(base, bl);
	char *u = xstrdup(b);
	for (int k = 2; hmap_get(&m->used, u); k++) {
		free(u);
		char suffix[16];
		int sl = snprintf(suffix, sizeof(suffix), "-%d", k);
		size_t keep = strlen(b);
		if (keep + (size_t)sl > UID_MAX)
			keep = UID_MAX - (size_t)sl;
		while (keep > 0 && b[keep - 1] == '-')
			keep--;
		u = xasprintf("%.*s%s", (int)keep, b, suffix);
	}
	use(m, u);
	const char *r = arena_strdup(m->a, u);
	free(u);
	free(b);
	return r;
}

/* A question of a chapter file and the section mapping that holds it
 * (NULL in a chapter without sections). */
typedef struct qref {
	const ynode *q, *sec;
} qref;

/* The question mappings of a chapter file in order: those listed under
 * "questions", or under each section of "sections". Caller frees. */
static size_t questions_of(const ynode *root, qref **out)
{
	size_t n = 0, cap = 0;
	*out = NULL;
	const ynode *qs = yn_map_get(root, "questions");
	for (size_t i = 0; qs && qs->kind == YN_SEQ && i < qs->n; i++)
		if (qs->items[i]->kind == YN_MAP) {
			qref r = {qs->items[i], NULL};
			VEC_PUSH(*out, n, cap, r);
		}
	const ynode *ss = yn_map_get(root, "sections");
	for (size_t i = 0; ss && ss->kind == YN_SEQ && i < ss->n; i++) {
		const ynode *sec = ss->items[i];
		const ynode *sq = yn_map_get(sec, "questions");
		for (size_t j = 0; sq && sq->kind == YN_SEQ && j < sq->n; j++)
			if (sq->items[j]->kind == YN_MAP) {
				qref r = {sq->items[j], sec};
				VEC_PUSH(*out, n, cap, r);
			}
	}
	return n;
}

/* The section mappings of a chapter file. */
static const ynode *sections_of(const ynode *root)
{
	const ynode *ss = yn_map_get(root, "sections");
	return ss && ss->kind == YN_SEQ ? ss : NULL;
}

static void collect(minter *m, const ynode *root)
{
	const ynode *ss = sections_of(root);
	for (size_t i = 0; ss && i < ss->n; i++) {
		const char *u = scalar(ss->items[i], "uid");
		if (u)
			use(m, u);
	}
	qref *qs;
	size_t nq = questions_of(root, &qs);
	for (size_t i = 0; i < nq; i++) {
		const char *u = scalar(qs[i].q, "uid");
		if (u)
			use(m, u);
		const ynode *rs = yn_map_get(qs[i].q, "requirements");
		for (size_t j = 0; rs && rs->kind == YN_SEQ && j < rs->n; j++) {
			const char *ru = scalar(rs->items[j], "uid");
			if (ru)
				use(m, ru);
		}
	}
	free(qs);
}

typedef struct minted {
	const ynode *map;
	const char *uid;
	char *what;
	int line, col; /* where the uid goes; line 0: nowhere */
	bool in_line;  /* into the line of a flow mapping */
	size_t order;  /* position in the list, to keep sorting stable */
} minted;

/* Where the uid of e->map goes. A block mapping takes "uid: ..." on a
 * line of its own after the line where its last key-value pair ends, as
 * the parser marked it, at the column of its keys: lines and their
 * indentation are no guide (a quoted value may go on under its key, an
 * indentless list sits at its key's column). A flow mapping takes
 * "uid: ..., " just inside its "{". */
static void place(const file *f, minted *e)
{
	const ynode *map = e->map;
	e->line = 0;
	if (!map->n)
		return;
	if (!map->flow) {
		e->col = map->pos.col;
		e->line = srcedit_last_line(f->e, map);
		return;
	}
	/* not a single pair written in a list without braces: [k: v] */
	char *rest = srcedit_suffix(f->e, map->pos.line, map->pos.col);
	if (rest[0] == '{') {
		e->line = map->pos.line;
		e->col = map->pos.col + 1;
		e->in_line = true;
	}
	free(rest);
}

/* The convention of a group of uids: the first word (up to the first
 * hyphen) that more than half of them start with ("ops" for ops-incident,
 * ops-monitoring, org-info-sharing); NULL when no word is that common.
 * Counted in one pass (a generated chapter holds thousands of
 * questions). Caller frees. */
static char *shared_word(const char *const *uids, size_t n)
{
	hmap index; /* word -> its position in words, plus one */
	hmap_init(&index);
	char **words = NULL;
	size_t *counts = NULL, nw = 0, wcap = 0, ccap = 0, total = 0;
	for (size_t i = 0; i < n; i++) {
		if (!uids[i] || !fld_is_uid(uids[i]))
			continue;
		total++;
		char *word = xstrndup(uids[i], strcspn(uids[i], "-"));
		uintptr_t k = (uintptr_t)hmap_get(&index, word);
		if (k) {
			free(word);
		} else {
			VEC_PUSH(words, nw, wcap, word);
			size_t nc = nw - 1;
			VEC_PUSH(counts, nc, ccap, 0);
			k = nw;
			hmap_put(&index, word, (void *)k);
		}
		counts[k - 1]++;
	}
	size_t best = 0;
	for (size_t k = 1; k < nw; k++)
		if (counts[k] > counts[best])
			best = k;
	char *r = nw && 2 * counts[best] > total ? xstrdup(words[best]) : NULL;
	hmap_free(&index);
	for (size_t k = 0; k < nw; k++)
		free(words[k]);
	free(words);
	free(counts);
	return r;
}

/* The word the uids of a group of questions share (shared_word): of the
 * questions of qs[0..n) in section sec, or all of them when sec is
 * NULL. Caller frees. */
static char *questions_word(const qref *qs, size_t n, const ynode *sec)
{
	const char **uids = xcalloc(n + 1, sizeof(char *));
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!sec || qs[i].sec == sec)
			uids[k++] = scalar(qs[i].q, "uid");
	char *w = shared_word(uids, k);
	free(uids);
	return w;
}

/* The uid base of a question or section whose title gives no word to
 * build on (no ASCII letters, as in "漢字", or only stop words): the
 * chapter's prefix and the number, "org-1-6", so that it still says
 * where the item began. */
static char *fallback_base(const char *prefix, const char *num)
{
	const char *head = *prefix ? prefix : "question";
	char *n = mint_slug(num, 4, 16);
	char *b = *n        ? xasprintf("%s-%s", head, n)
	          : *prefix ? xasprintf("%s-question", prefix)
	                    : xstrdup("question");
	free(n);
	return b;
}

/* What the uids of a chapter file start with, as the catalogue's
 * convention has it, worked out only when a new uid needs it: the word
 * most of its question uids share (of a section's, for a question in a
 * section whose own questions share one), else, for the fallback of a
 * title without words, the first word of the chapter's title. */
typedef struct convention {
	const ynode *root;
	qref *qs;
	size_t nq;
	bool have_chapter;
	char *chapter; /* NULL: none shared */
	const ynode *sec;
	char *section;
	bool have_sections;
	char *sections; /* the word the section uids share */
} convention;

static const char *sections_word(convention *cv)
{
	if (!cv->have_sections) {
		const ynode *ss = sections_of(cv->root);
		size_t n = ss ? ss->n : 0;
		const char **uids = xcalloc(n + 1, sizeof(char *));
		for (size_t k = 0; k < n; k++)
			uids[k] = scalar(ss->items[k], "uid");
		cv->sections = shared_word(uids, n);
		free(uids);
		cv->have_sections = true;
	}
	return cv->sections;
}

static const char *chapter_word(convention *cv)
{
	if (!cv->have_chapter) {
		cv->chapter = questions_word(cv->qs, cv->nq, NULL);
		cv->have_chapter = true;
	}
	return cv->chapter;
}

/* The prefix a new uid in section sec (NULL: none) takes; NULL for none. */
static const char *prefix_in(convention *cv, const ynode *sec)
{
	if (sec && sec != cv->sec) {
		free(cv->section);
		cv->section = questions_word(cv->qs, cv->nq, sec);
		cv->sec = sec;
	}
	if (sec && cv->section)
		return cv->section;
	if (!sec || chapter_word(cv))
		return chapter_word(cv);
	return sections_word(cv);
}

/* The uid base of an item titled title, numbered num, with the prefix
 * of its group: prefix-slug ("ops-security-event-logging"), the slug
 * alone without a prefix or when it starts with the prefix's word, and
 * fallback_base for a title without words. Caller frees. */
static char *titled_base(convention *cv, const char *prefix, const char *title,
                         const char *num)
{
	size_t pl = prefix ? strlen(prefix) + 1 : 0;
	char *s = mint_slug(title, 3, UID_MAX - 3 - pl);
	if (!*s) {
		free(s);
		const char *p = prefix ? prefix : chapter_word(cv);
		char *t =
		    p ? NULL : mint_slug(prose_first(cv->root, "title"), 1, 16);
		char *b = fallback_base(p ? p : t, num);
		free(t);
		return b;
	}
	if (!prefix || strcmp(s, prefix) == 0 ||
	    (strncmp(s, prefix, pl - 1) == 0 && s[pl - 1] == '-'))
		return s;
	char *b = xasprintf("%s-%s", prefix, s);
	free(s);
	return b;
}

/* The keys of a requirement that are not texts at a level. */
static bool fixed_requirement_key(const char *k)
{
	static const char *const fixed[] = {"letter",     "label",
	                                    "uid",        "applies_to",
	                                    "references", "change_note"};
	for (size_t i = 0; i < COUNT_OF(fixed); i++)
		if (strcmp(k, fixed[i]) == 0)
			return true;
	return false;
}

/* The first text of requirement r at any level (must, should, high ...:
 * whatever keys the scheme's levels have), or NULL. */
static const char *first_statement(const ynode *r)
{
	for (size_t i = 0; i < r->n; i++) {
		const char *k = r->items[2 * i]->str;
		if (!fixed_requirement_key(k))
			return prose_first(r, k);
	}
	return NULL;
}

/* What the uids of question q's requirements start with: its uid
 * (quid), unless the uids its other requirements already have mostly do
 * not, and share a first part of whole words among them all; then that.
 * Caller frees. */
static char *requirement_prefix(const ynode *q, const char *quid)
{
	const ynode *rs = yn_map_get(q, "requirements");
	size_t n = 0, with = 0, ql = strlen(quid);
	char *common = NULL;
	for (size_t j = 0; rs && rs->kind == YN_SEQ && j < rs->n; j++) {
		const char *u = scalar(rs->items[j], "uid");
		if (!u || !fld_is_uid(u))
			continue;
		n++;
		with += strncmp(u, quid, ql) == 0 && u[ql] == '-';
		if (!common) {
			/* all but its last word */
			const char *dash = strrchr(u, '-');
			common = xstrndup(u, dash ? (size_t)(dash - u) : 0);
			continue;
		}
		size_t k = 0;
		while (common[k] && common[k] == u[k])
			k++;
		if (common[k] || (u[k] && u[k] != '-'))
			while (k > 0 && common[k] != '-')
				k--; /* back to a whole word */
		common[k] = '\0';
	}
	char *r =
	    n && 2 * with < n && common && *common ? common : xstrdup(quid);
	if (r != common)
		free(common);
	return r;
}

static void mint_file(minter *m, file *f, minted **list, size_t *n, size_t *cap)
{
	convention cv = {f->root, NULL, 0,     false, NULL,
	                 NULL,    NULL, false, NULL};
	cv.nq = questions_of(f->root, &cv.qs);
	const ynode *ss = sections_of(f->root);
	for (size_t i = 0; ss && i < ss->n; i++) {
		const ynode *sec = ss->items[i];
		if (sec->kind != YN_MAP || yn_map_get(sec, "uid"))
			continue;
		const char *num = scalar(sec, "number");
		/* a section's uid takes the word its fellows share */
		const char *w = sections_word(&cv);
		char *base = titled_base(&cv, w ? w : chapter_word(&cv),
		                         prose_first(sec, "title"), num);
		const char *su = unique(m, base);
		free(base);
		minted e = {sec, su, xasprintf("section %s", num ? num : "?"),
		            0,   0,  false,
		            *n};
		VEC_PUSH(*list, *n, *cap, e);
	}
	for (size_t i = 0; i < cv.nq; i++) {
		const ynode *q = cv.qs[i].q;
		const char *num = scalar(q, "number");
		const char *qu = scalar(q, "uid");
		if (!yn_map_get(q, "uid")) {
			char *s = titled_base(&cv, prefix_in(&cv, cv.qs[i].sec),
			                      prose_first(q, "title"), num);
			qu = unique(m, s);
			free(s);
			char *what = xasprintf("question %s", num ? num : "?");
			minted e = {q, qu, what, 0, 0, false, *n};
			VEC_PUSH(*list, *n, *cap, e);
		}
		const ynode *rs = yn_map_get(q, "requirements");
		char *prefix_q = NULL;
		for (size_t j = 0; rs && rs->kind == YN_SEQ && j < rs->n; j++) {
			const ynode *r = rs->items[j];
			if (r->kind != YN_MAP || yn_map_get(r, "uid"))
				continue;
			if (!prefix_q)
				prefix_q = requirement_prefix(
				    q, qu && *qu ? qu : "requirement");
			const char *label = scalar(r, "label");
			if (!label)
				label = scalar(r, "letter");
			char *s = mint_slug(first_statement(r), 2, 24);
			/* no word in the statement: its label still tells
			 * the requirements of a question apart */
			char *by_label =
			    !label ? NULL
			    : label[strspn(label, "abcdefghijklmnopqrstuvw"
			                          "xyz0123456789")] ||
			            !*label || strlen(label) > 8
			        ? mint_slug(label, 1, 8)
			        : xstrdup(label);
			const char *tail = *s                      ? s
			                   : by_label && *by_label ? by_label
			                                           : "req";
			size_t keep = strlen(prefix_q);
			if (keep + 1 + strlen(tail) > UID_MAX)
				keep = UID_MAX - 1 - strlen(tail);
			while (keep > 0 && prefix_q[keep - 1] == '-')
				keep--;
			char *base =
			    xasprintf("%.*s-%s", (int)keep, prefix_q, tail);
			const char *ru = unique(m, base);
			free(base);
			free(s);
			free(by_label);
			char *what =
			    xasprintf("requirement %s.%s", num ? num : "?",
			              label ? label : "?");
			minted e = {r, ru, what, 0, 0, false, *n};
			VEC_PUSH(*list, *n, *cap, e);
		}
		free(prefix_q);
	}
	free(cv.qs);
	free(cv.chapter);
	free(cv.section);
	free(cv.sections);
}

static bool is_chapter_file(const char *name)
{
	size_t l = strlen(name);
	return name[0] != '.' && l > 5 && strcmp(name + l - 5, ".yaml") == 0 &&
	       strcmp(name, "version.yaml") != 0;
}

/* Marks as used every uid of the other versions of the same catalogue
 * (the sibling directories of dir): a uid once given to an item keeps
 * naming that item, so a new item never gets a uid an older or newer
 * version already uses, even for something since removed. Links that
 * leave the catalogue root are not followed. */
static void collect_siblings(minter *m, const char *dir, const char *root)
{
	char *self = realpath(dir, NULL);
	char *parent = path_dir(dir);
	DIR *pp = opendir(parent);
	struct dirent *ve;
	diags scratch; /* the siblings' own problems are not ours */
	diags_init(&scratch);
	while (self && pp && (ve = readdir(pp)) != NULL) {
		if (ve->d_name[0] == '.')
			continue;
		char *vd = path_join(parent, ve->d_name);
		char *vf = path_join(vd, "version.yaml");
		char *rv = realpath(vd, NULL);
		DIR *dp = is_file(vf) && rv && strcmp(rv, self) != 0 &&
		                  yn_check_inside(&scratch, vd, root) == 0
		              ? opendir(vd)
		              : NULL;
		struct dirent *de;
		while (dp && (de = readdir(dp)) != NULL) {
			if (!is_chapter_file(de->d_name))
				continue;
			char *p = path_join(vd, de->d_name);
			char *text;
			size_t len;
			if (yn_check_inside(&scratch, p, root) == 0 &&
			    read_file(p, YN_MAX_FILE, &text, &len) == 0) {
				arena *a = arena_new();
				diags quiet;
				diags_init(&quiet);
				ynode *r =
				    yn_load_text(a, &quiet, p, text, len);
				if (r && r->kind == YN_MAP)
					collect(m, r);
				diags_free(&quiet);
				arena_free(a);
			}
			free(p);
		}
		if (dp)
			closedir(dp);
		free(rv);
		free(vf);
		free(vd);
	}
	if (pp)
		closedir(pp);
	diags_free(&scratch);
	free(parent);
	free(self);
}

static int cmp_insertion(const void *pa, const void *pb)
{
	const minted *a = *(const minted *const *)pa;
	const minted *b = *(const minted *const *)pb;
	/* By line; after one line, an inner mapping's uid before an outer
	 * one's, or the outer key would end the inner mapping too early;
	 * within a line, right to left, so that the columns still to come
	 * stay where they were. */
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col > b->col ? -1 : 1;
	return (a->order > b->order) - (a->order < b->order);
}

/* Characters an edit adds inside a line. */
static int in_line_width(const minted *e)
{
	return (int)(strlen("uid: , ") + strlen(e->uid));
}

/* Makes the edits: lines after lines (block[0..nb), sorted) and text
 * inside lines (flow[0..nf), sorted). */
static void edit(file *f, minted **block, size_t nb, minted **flow, size_t nf)
{
	for (size_t i = 0; i < nb; i++) {
		char *t = xasprintf("%*suid: %s", block[i]->col - 1, "",
		                    block[i]->uid);
		srcedit_insert_after(f->e, block[i]->line, t);
		free(t);
	}
	for (size_t i = 0; i < nf;) {
		int line = flow[i]->line;
		char *t = srcedit_suffix(f->e, line, 1);
		for (; i < nf && flow[i]->line == line; i++) {
			char *pre = srcedit_prefix(f->e, line, flow[i]->col);
			size_t at = strlen(pre);
			char *u = xasprintf("%.*suid: %s, %s", (int)at, t,
			                    flow[i]->uid, t + at);
			free(t);
			free(pre);
			t = u;
		}
		srcedit_replace(f->e, line, t);
		free(t);
	}
}

/* The uid the edit gives map, or NULL. */
static const char *uid_for(const minted *list, size_t n, const ynode *map)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].map == map && list[i].line)
			return list[i].uid;
	return NULL;
}

/* True when b is a, except that every mapping the edit gives a uid has
 * one key "uid" more, holding that uid. Nesting is bounded by
 * YN_MAX_DEPTH. */
static bool same_but_uids(const ynode *a, const ynode *b, const minted *list,
                          size_t n)
{
	if (a->kind != b->kind)
		return false;
	if (a->kind == YN_SCALAR)
		return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
	if (a->kind == YN_SEQ) {
		if (a->n != b->n)
			return false;
		for (size_t i = 0; i < a->n; i++)
			if (!same_but_uids(a->items[i], b->items[i], list, n))
				return false;
		return true;
	}
	const char *uid = uid_for(list, n, a);
	size_t j = 0;
	bool found = false;
	for (size_t i = 0; i < b->n; i++) {
		const ynode *k = b->items[2 * i], *v = b->items[2 * i + 1];
		if (uid && !found && strcmp(k->str, "uid") == 0) {
			if (v->kind != YN_SCALAR || strcmp(v->str, uid) != 0)
				return false;
			found = true;
			continue;
		}
		if (j >= a->n || !same_but_uids(a->items[2 * j], k, list, n) ||
		    !same_but_uids(a->items[2 * j + 1], v, list, n))
			return false;
		j++;
	}
	return j == a->n && found == (uid != NULL);
}

/* Why the edited text of f must not be written, or NULL when it is what
 * --fix-ids promises: a file that loads as the same tree with the new
 * uids added, and nothing else changed. Caller frees. */
static char *refusal(const file *f, const char *text, size_t len,
                     const minted *list, size_t n)
{
	if (len > YN_MAX_FILE)
		return xasprintf("it would be larger than the limit of %u MiB",
		                 YN_MAX_FILE / (1024 * 1024));
	arena *a = arena_new();
	diags scratch;
	diags_init(&scratch);
	ynode *root =
	    yn_load_text(a, &scratch, f->path, xstrndup(text, len), len);
	char *why = NULL;
	for (size_t i = 0; i < scratch.n && !why; i++)
		if (scratch.items[i].sev == DIAG_ERROR)
			why = xasprintf("it would not load: line %d: %s",
			                scratch.items[i].pos.line,
			                scratch.items[i].msg);
	if (!why && (!root || !same_but_uids(f->root, root, list, n)))
		why = xstrdup("the new lines would change more than the uids");
	diags_free(&scratch);
	arena_free(a);
	return why;
}

/* p, naming the file as d knows it: the tree's positions name it as the
 * scratch diagnostics did, which are gone before d is printed. */
static srcpos in_d(diags *d, const file *f, srcpos p)
{
	return pos_at(diags_source(d, f->path, NULL, 0), p.line, p.col);
}

/* Mints the missing uids of one file and inserts them. Returns the number
 * added, or -1 after an I/O failure. */
static int fix_file(minter *m, file *f)
{
	minted *list = NULL;
	size_t n = 0, cap = 0;
	mint_file(m, f, &list, &n, &cap);
	minted **block = xcalloc(n + 1, sizeof(*block));
	minted **flow = xcalloc(n + 1, sizeof(*flow));
	size_t nb = 0, nf = 0;
	for (size_t k = 0; k < n; k++) {
		place(f, &list[k]);
		if (list[k].line && list[k].in_line)
			flow[nf++] = &list[k];
		else if (list[k].line)
			block[nb++] = &list[k];
	}
	if (nb)
		qsort(block, nb, sizeof(*block), cmp_insertion);
	if (nf)
		qsort(flow, nf, sizeof(*flow), cmp_insertion);
	edit(f, block, nb, flow, nf);
	int rc = 0;
	char *out = NULL, *why = NULL;
	size_t len = 0;
	bool written = false;
	if (nb + nf) {
		out = srcedit_result(f->e, &len);
		why = refusal(f, out, len, list, n);
		if (!why && srcedit_write(f->path, out, len, m->d) != 0)
			rc = -1;
		written = !why && rc == 0;
	}
	/* Positions in the text the check will show: below the lines
	 * inserted above them, right of the text inserted left of them. */
	srcpos *at = xcalloc(n + 1, sizeof(*at));
	for (size_t k = 0; k < n; k++) {
		const minted *e = &list[k];
		at[k] = e->line ? pos_at(NULL, e->line, e->col) : e->map->pos;
		if (!written || (e->line && !e->in_line))
			continue;
		int line = at[k].line;
		for (size_t i = 0; i < nb; i++)
			at[k].line += block[i]->line < line;
		for (size_t i = 0; e->in_line && i < nf; i++)
			if (flow[i]->line == line && flow[i]->col < e->col)
				at[k].col += in_line_width(flow[i]);
	}
	/* a new line lands below every one sorted before it */
	for (size_t i = 0; written && i < nb; i++)
		at[block[i] - list].line += (int)i + 1;
	for (size_t k = 0; k < n; k++)
		if (!list[k].line)
			diag_warning(m->d, in_d(m->d, f, at[k]),
			             "cannot add a uid to %s here (%s); add "
			             "'uid: %s' by hand",
			             list[k].what,
			             list[k].map->n ? "a pair in a list, "
			                              "without braces"
			                            : "an empty mapping",
			             list[k].uid);
	if (why) {
		/* Better no uids than a file the user can no longer load: the
		 * check that follows reports what is missing. */
		diag_error(m->d, in_d(m->d, f, pos_at(NULL, 0, 0)),
		           "--fix-ids left this file as it was: with the uids "
		           "added %s; add them by hand",
		           why);
		for (size_t k = 0; k < n; k++)
			if (list[k].line)
				diag_note(m->d, in_d(m->d, f, list[k].map->pos),
				          "%s would have got 'uid: %s'",
				          list[k].what, list[k].uid);
	} else if (written) {
		rc = (int)(nb + nf);
		/* the notes point into the new text */
		diags_source(m->d, f->path, out, len);
		out = NULL;
		for (size_t k = 0; k < n; k++)
			if (list[k].line)
				diag_note(m->d, in_d(m->d, f, at[k]),
				          "added uid '%s' to %s", list[k].uid,
				          list[k].what);
	}
	free(at);
	free(why);
	free(out);
	free(block);
	free(flow);
	for (size_t k = 0; k < n; k++)
		free(list[k].what);
	free(list);
	return rc;
}

int mint_fix_ids(const char *dir, diags *d)
{
	/* Files the catalogue may not use (links out of its root) are the
	 * check's to report; here they are neither read nor written. */
	char *root = model_version_root(dir);
	diags scratch; /* parse problems are the check's to report */
	diags_init(&scratch);
	scratch.max_errors = 0; /* counted per file below: keep counting */
	DIR *dp =
	    yn_check_inside(&scratch, dir, root) == 0 ? opendir(dir) : NULL;
	if (!dp) {
		diags_free(&scratch);
		free(root);
		return 0; /* the check reports it */
	}
	char **names = NULL;
	size_t nn = 0, ncap = 0;
	struct dirent *de;
	while ((de = readdir(dp)) != NULL)
		if (is_chapter_file(de->d_name))
			VEC_PUSH(names, nn, ncap, xstrdup(de->d_name));
	closedir(dp);
	if (nn)
		qsort(names, nn, sizeof(char *), cmp_strp);

	minter m = {d, {0}, arena_new()};
	hmap_init(&m.used);
	collect_siblings(&m, dir, root);
	file *files = xcalloc(nn + 1, sizeof(file));
	for (size_t i = 0; i < nn; i++) {
		file *f = &files[i];
		f->path = path_join(dir, names[i]);
		if (yn_check_inside(&scratch, f->path, root) != 0 ||
		    read_file(f->path, YN_MAX_FILE, &f->text, &f->len) != 0)
			continue;
		f->a = arena_new();
		int before = scratch.errors;
		f->root = yn_load_text(f->a, &scratch, f->path,
		                       xstrndup(f->text, f->len), f->len);
		if (!f->root || f->root->kind != YN_MAP ||
		    scratch.errors > before) {
			f->root = NULL;
			continue;
		}
		f->e = srcedit_new(f->text, f->len);
		collect(&m, f->root);
	}
	int total = 0, rc = 0;
	for (size_t i = 0; i < nn; i++) {
		if (!files[i].root)
			continue;
		int added = fix_file(&m, &files[i]);
		if (added < 0)
			rc = -1;
		else
			total += added;
	}
	for (size_t i = 0; i < nn; i++) {
		srcedit_free(files[i].e);
		if (files[i].a)
			arena_free(files[i].a);
		free(files[i].text);
		free(files[i].path);
		free(names[i]);
	}
	diags_free(&scratch);
	free(files);
	free(names);
	hmap_free(&m.used);
	arena_free(m.a);
	free(root);
	return rc < 0 ? -1 : total;
}
