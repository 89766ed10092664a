/*
 * mint.c - uids for new questions and requirements (see mint.h).
 */
#include "mint.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fields.h"
#include "srcedit.h"
#include "util.h"
#include "ynode.h"

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
	int added;
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

/* Where "uid:" can go: after the first key of map whose whole entry is
 * one line. 0 when there is none or the mapping is in flow style. */
static int anchor(const file *f, const ynode *map, int *col)
{
	if (!map->n)
		return 0;
	const ynode *k0 = map->items[0];
	if (map->pos.line != k0->pos.line || map->pos.col != k0->pos.col)
		return 0; /* flow style: {number: ..., ...} */
	for (size_t i = 0; i < map->n; i++) {
		const ynode *k = map->items[2 * i];
		bool alone = true;
		for (size_t j = 0; j < map->n; j++)
			if (j != i &&
			    map->items[2 * j]->pos.line == k->pos.line)
				alone = false;
		if (alone && srcedit_block_end(f->e, k->pos.line, k->pos.col) ==
		                 k->pos.line + 1) {
			*col = k->pos.col;
			return k->pos.line;
		}
	}
	return 0;
}

/* Inserts "uid: uid" into map; reports. */
static void insert_uid(minter *m, file *f, const ynode *map, const char *uid,
                       const char *what)
{
	int col = 0, line = anchor(f, map, &col);
	if (!line) {
		diag_warning(m->d, map->pos,
		             "cannot add a uid to %s here (flow style); add "
		             "'uid: %s' by hand",
		             what, uid);
		return;
	}
	char *t = xasprintf("%*s%s", col - 1, "", "uid: ");
	char *l = xasprintf("%s%s", t, uid);
	srcedit_insert_after(f->e, line, l);
	free(t);
	free(l);
	f->added++;
}

static void collect(minter *m, const ynode *root)
{
	const ynode *qs = yn_map_get(root, "questions");
	for (size_t i = 0; qs && qs->kind == YN_SEQ && i < qs->n; i++) {
		const ynode *q = qs->items[i];
		if (q->kind != YN_MAP)
			continue;
		const char *u = scalar(q, "uid");
		if (u)
			use(m, u);
		const ynode *rs = yn_map_get(q, "requirements");
		for (size_t j = 0; rs && rs->kind == YN_SEQ && j < rs->n; j++) {
			const char *ru = rs->items[j]->kind == YN_MAP
			                     ? scalar(rs->items[j], "uid")
			                     : NULL;
			if (ru)
				use(m, ru);
		}
	}
}

typedef struct minted {
	const ynode *map;
	const char *uid;
	char *what;
} minted;

/* What the uids of a chapter start with: the first word most of its
 * question uids share ("org" for org-policy, org-roles), else the first
 * word of the chapter's title; "" when neither has one. Caller frees. */
static char *chapter_prefix(const ynode *root)
{
	const ynode *qs = yn_map_get(root, "questions");
	const char *best = NULL;
	size_t best_len = 0;
	int best_n = 0;
	for (size_t i = 0; qs && qs->kind == YN_SEQ && i < qs->n; i++) {
		const char *u = scalar(qs->items[i], "uid");
		if (!u || !fld_is_uid(u))
			continue;
		size_t len = strcspn(u, "-");
		int n = 0;
		for (size_t j = 0; j < qs->n; j++) {
			const char *o = scalar(qs->items[j], "uid");
			n += o && fld_is_uid(o) && strcspn(o, "-") == len &&
			     memcmp(o, u, len) == 0;
		}
		if (n > best_n) {
			best = u;
			best_len = len;
			best_n = n;
		}
	}
	if (best)
		return xstrndup(best, best_len);
	return mint_slug(prose_first(root, "title"), 1, 16);
}

/* The uid base of a question whose title gives no word to build on (no
 * ASCII letters, as in "漢字", or only stop words): the chapter's prefix
 * and the question's number, "org-1-6", so that it still says where the
 * question began. */
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

static void mint_file(minter *m, file *f, minted **list, size_t *n, size_t *cap)
{
	char *prefix = chapter_prefix(f->root);
	const ynode *qs = yn_map_get(f->root, "questions");
	for (size_t i = 0; qs && qs->kind == YN_SEQ && i < qs->n; i++) {
		const ynode *q = qs->items[i];
		if (q->kind != YN_MAP)
			continue;
		const char *num = scalar(q, "number");
		const char *qu = scalar(q, "uid");
		if (!yn_map_get(q, "uid")) {
			char *s =
			    mint_slug(prose_first(q, "title"), 3, UID_MAX - 3);
			if (!*s) {
				free(s);
				s = fallback_base(prefix, num);
			}
			qu = unique(m, s);
			free(s);
			minted e = {q, qu,
			            xasprintf("question %s", num ? num : "?")};
			VEC_PUSH(*list, *n, *cap, e);
		}
		const ynode *rs = yn_map_get(q, "requirements");
		for (size_t j = 0; rs && rs->kind == YN_SEQ && j < rs->n; j++) {
			const ynode *r = rs->items[j];
			if (r->kind != YN_MAP || yn_map_get(r, "uid"))
				continue;
			const char *st = prose_first(r, "must");
			if (!st)
				st = prose_first(r, "should");
			const char *letter = scalar(r, "letter");
			char *s = mint_slug(st, 2, 24);
			const char *prefix_q = qu && *qu ? qu : "requirement";
			/* no word in the statement: its letter still tells
			 * the requirements of a question apart */
			bool by_letter = letter && letter[0] >= 'a' &&
			                 letter[0] <= 'z' && !letter[1];
			const char *tail = *s ? s : by_letter ? letter : "req";
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
			minted e = {r, ru,
			            xasprintf("requirement %s.%s",
			                      num ? num : "?",
			                      letter ? letter : "?")};
			VEC_PUSH(*list, *n, *cap, e);
		}
	}
	free(prefix);
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
 * version already uses, even for something since removed. */
static void collect_siblings(minter *m, const char *dir)
{
	char *self = realpath(dir, NULL);
	char *parent = path_dir(dir);
	DIR *pp = opendir(parent);
	struct dirent *ve;
	while (self && pp && (ve = readdir(pp)) != NULL) {
		if (ve->d_name[0] == '.')
			continue;
		char *vd = path_join(parent, ve->d_name);
		char *vf = path_join(vd, "version.yaml");
		char *rv = realpath(vd, NULL);
		DIR *dp = is_file(vf) && rv && strcmp(rv, self) != 0
		                  ? opendir(vd)
		                  : NULL;
		struct dirent *de;
		while (dp && (de = readdir(dp)) != NULL) {
			if (!is_chapter_file(de->d_name))
				continue;
			char *p = path_join(vd, de->d_name);
			char *text;
			size_t len;
			if (read_file(p, YN_MAX_FILE, &text, &len) == 0) {
				arena *a = arena_new();
				diags scratch;
				diags_init(&scratch);
				ynode *root = yn_load_text(a, &scratch, p, text, len);
				if (root && root->kind == YN_MAP)
					collect(m, root);
				diags_free(&scratch);
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
	free(parent);
	free(self);
}

int mint_fix_ids(const char *dir, diags *d)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return 0; /* the check reports it */
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
	collect_siblings(&m, dir);
	file *files = xcalloc(nn + 1, sizeof(file));
	diags scratch; /* parse problems are the check's to report */
	diags_init(&scratch);
	for (size_t i = 0; i < nn; i++) {
		file *f = &files[i];
		f->path = path_join(dir, names[i]);
		if (read_file(f->path, YN_MAX_FILE, &f->text, &f->len) != 0)
			continue;
		f->a = arena_new();
		f->root = yn_load_text(f->a, &scratch, f->path,
		                       xstrndup(f->text, f->len), f->len);
		if (!f->root || f->root->kind != YN_MAP || scratch.errors) {
			f->root = NULL;
			scratch.errors = 0;
			continue;
		}
		f->e = srcedit_new(f->text, f->len);
		collect(&m, f->root);
	}
	int total = 0, rc = 0;
	for (size_t i = 0; i < nn; i++) {
		file *f = &files[i];
		if (!f->root)
			continue;
		minted *list = NULL;
		size_t n = 0, cap = 0;
		mint_file(&m, f, &list, &n, &cap);
		for (size_t k = 0; k < n; k++)
			insert_uid(&m, f, list[k].map, list[k].uid,
			           list[k].what);
		if (f->added) {
			size_t len;
			char *out = srcedit_result(f->e, &len);
			struct stat st;
			outfile of;
			if (outfile_open(&of, f->path) != 0) {
				d->io_failed = true;
				diag_error(d, NO_POS, "cannot write '%s': %s",
				           f->path, strerror(errno));
				rc = -1;
				free(out);
			} else {
				fwrite(out, 1, len, of.fp);
				if (stat(f->path, &st) == 0)
					chmod(of.tmp, st.st_mode & 07777);
				if (outfile_commit(&of) != 0) {
					d->io_failed = true;
					diag_error(d, NO_POS,
					           "cannot write '%s': %s",
					           f->path, strerror(errno));
					rc = -1;
					free(out);
				} else {
					total += f->added;
					/* notes point into the new text */
					const char *p =
					    diags_source(d, f->path, out, len);
					int shift = 0;
					for (size_t k = 0; k < n; k++) {
						int col = 0;
						int line = anchor(
						    f, list[k].map, &col);
						if (!line)
							continue;
						shift++;
						diag_note(
						    d,
						    pos_at(p, line + shift,
						           col),
						    "added uid '%s' to %s",
						    list[k].uid, list[k].what);
					}
				}
			}
		}
		for (size_t k = 0; k < n; k++)
			free(list[k].what);
		free(list);
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
	return rc < 0 ? -1 : total;
}
