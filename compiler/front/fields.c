/*
 * fields.c - typed field readers over YAML nodes.
 */
#include "fields.h"

#include <stdlib.h>
#include <string.h>

#include "base/md.h"

bool fld_present(const ynode *v)
{
	return v && !yn_is_null(v);
}

int fld_map(fld_ctx *c, const ynode *node, const char *what,
            const char *const *keys, size_t nkeys, ynode **out)
{
	for (size_t i = 0; i < nkeys; i++)
		out[i] = NULL;
	if (!node || node->kind != YN_MAP) {
		diag_error(c->d, node->pos,
		           "expected %s (a mapping of keys), "
		           "found %s",
		           what, yn_kind_name(node));
		return -1;
	}
	/* Known keys first, so that a misspelt key can stand in for a
	 * missing one without hiding the real one. */
	for (size_t i = 0; i < node->n; i++) {
		const ynode *k = node->items[2 * i];
		for (size_t j = 0; j < nkeys; j++) {
			if (strcmp(keys[j], k->str) == 0) {
				if (!out[j]) /* duplicates: reported by the
				                loader */
					out[j] = node->items[2 * i + 1];
				break;
			}
		}
	}
	for (size_t i = 0; i < node->n; i++) {
		const ynode *k = node->items[2 * i];
		size_t j;
		for (j = 0; j < nkeys; j++)
			if (strcmp(keys[j], k->str) == 0)
				break;
		if (j < nkeys)
			continue;
		const char *s = suggest(k->str, keys, nkeys);
		if (s) {
			diag_error(c->d, k->pos,
			           "unknown key '%s'; did you mean '%s'?",
			           k->str, s);
			/* Recover as if it had been spelt right, so the value
			 * is still checked and no "missing key" follows. */
			for (j = 0; j < nkeys; j++)
				if (keys[j] == s && !out[j])
					out[j] = node->items[2 * i + 1];
		} else {
			buf b = {0};
			for (size_t m = 0; m < nkeys; m++)
				buf_printf(&b, "%s%s", m ? ", " : "", keys[m]);
			diag_error(
			    c->d, k->pos,
			    "unknown key '%s' in %s; expected one of: %s",
			    k->str, what, b.data);
			buf_free(&b);
		}
	}
	return 0;
}

void fld_missing(fld_ctx *c, const ynode *map, const char *key,
                 const char *what)
{
	diag_error(c->d, map->pos, "missing required key '%s' in %s", key,
	           what);
}

const char *fld_str(fld_ctx *c, const ynode *map, const ynode *v,
                    const char *key, const char *what, bool required)
{
	if (!fld_present(v)) {
		if (required)
			fld_missing(c, map, key, what);
		return NULL;
	}
	if (v->bad)
		return NULL;
	if (v->kind != YN_SCALAR) {
		diag_error(c->d, v->pos, "'%s' must be a string, not %s", key,
		           yn_kind_name(v));
		return NULL;
	}
	return v->str;
}

int fld_int(fld_ctx *c, const ynode *map, const ynode *v, const char *key,
            const char *what, bool required, long min, long max, long *out)
{
	const char *s = fld_str(c, map, v, key, what, required);
	if (!s)
		return -1;
	char *end;
	long n = 0;
	bool ok = v->plain && s[0] >= '0' && s[0] <= '9' && strlen(s) <= 9;
	if (ok) {
		n = strtol(s, &end, 10);
		ok = *end == '\0';
	}
	if (!ok || n < min || n > max) {
		diag_error(c->d, v->pos,
		           "'%s' must be a whole number from %ld to %ld, not "
		           "'%s'",
		           key, min, max, s);
		return -1;
	}
	*out = n;
	return 0;
}

int fld_bool(fld_ctx *c, const ynode *v, const char *key, bool *out)
{
	*out = false;
	if (!fld_present(v))
		return 0;
	if (v->bad)
		return -1;
	if (v->kind == YN_SCALAR && v->plain &&
	    (strcmp(v->str, "true") == 0 || strcmp(v->str, "false") == 0)) {
		*out = v->str[0] == 't';
		return 0;
	}
	diag_error(c->d, v->pos, "'%s' must be true or false, not %s%s%s%s",
	           key, v->kind == YN_SCALAR ? "'" : "",
	           v->kind == YN_SCALAR ? v->str : yn_kind_name(v),
	           v->kind == YN_SCALAR ? "'" : "",
	           v->kind == YN_SCALAR && !v->plain ? " (quoted)" : "");
	return -1;
}

int fld_enum(fld_ctx *c, const ynode *map, const ynode *v, const char *key,
             const char *what, bool required, const char *const *words,
             size_t nwords)
{
	const char *s = fld_str(c, map, v, key, what, required);
	if (!s)
		return -1;
	for (size_t i = 0; i < nwords; i++)
		if (strcmp(s, words[i]) == 0)
			return (int)i;
	buf b = {0};
	for (size_t i = 0; i < nwords; i++)
		buf_printf(&b, "%s'%s'",
		           i == 0            ? ""
		           : i + 1 == nwords ? " or "
		                             : ", ",
		           words[i]);
	const char *sg = suggest(s, words, nwords);
	if (sg)
		diag_error(c->d, v->pos,
		           "'%s' must be %s, not '%s'; did you mean '%s'?", key,
		           b.data, s, sg);
	else
		diag_error(c->d, v->pos, "'%s' must be %s, not '%s'", key,
		           b.data, s);
	buf_free(&b);
	return -1;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

const char *fld_date(fld_ctx *c, const ynode *map, const ynode *v,
                     const char *key, const char *what, bool required)
{
	const char *s = fld_str(c, map, v, key, what, required);
	if (!s)
		return NULL;
	static const int mdays[] = {31, 28, 31, 30, 31, 30,
	                            31, 31, 30, 31, 30, 31};
	bool ok = strlen(s) == 10 && s[4] == '-' && s[7] == '-';
	for (int i = 0; ok && i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			ok = false;
	if (ok) {
		int y = atoi(s), m = atoi(s + 5), dd = atoi(s + 8);
		ok = y >= 1900 && m >= 1 && m <= 12 && dd >= 1 &&
		     dd <= mdays[m - 1] + (m == 2 && leap(y));
	}
	if (!ok) {
		diag_error(c->d, v->pos,
		           "'%s' must be a date written YYYY-MM-DD, not '%s'",
		           key, s);
		return NULL;
	}
	return s;
}

bool fld_list(fld_ctx *c, const ynode *v, const char *key)
{
	if (v->kind == YN_SEQ)
		return true;
	if (v->bad)
		return false;
	diag_error(c->d, v->pos, "'%s' must be a list, not %s", key,
	           yn_kind_name(v));
	return false;
}

bool fld_is_uid(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 48)
		return false;
	bool prev_hyphen = true;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (ch == '-') {
			if (prev_hyphen)
				return false;
			prev_hyphen = true;
		} else if ((ch >= 'a' && ch <= 'z') ||
		           (ch >= '0' && ch <= '9')) {
			prev_hyphen = false;
		} else {
			return false;
		}
	}
	return !prev_hyphen;
}

/* Line `line` (1-based) of s[0, len): its start, and its length in *n;
 * NULL when s has fewer lines. */
static const char *nth_line(const char *s, size_t len, int line, size_t *n)
{
	const char *p = s, *end = s + len;
	for (int l = 1; l < line; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return NULL;
		p = nl + 1;
	}
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	*n = (size_t)((nl ? nl : end) - p);
	return p;
}

/* The source text of file, as registered with the diagnostics. */
static const diag_source *source_of(const diags *d, const char *file)
{
	for (size_t i = 0; file && i < d->nsrcs; i++)
		if (d->srcs[i].path == file ||
		    strcmp(d->srcs[i].path, file) == 0)
			return &d->srcs[i];
	return NULL;
}

/* Where Markdown line mline, byte column mcol of scalar v lies in its
 * YAML file, when that is exact: in a literal block scalar (|) the text's
 * line k is the k-th line after the indicator, moved right by the block's
 * indentation; on the scalar's first line, a plain or quoted scalar holds
 * the text as written as long as the source says so byte for byte (no
 * escapes before the place). Elsewhere (folded scalars, and flow scalars
 * over several lines, whose line breaks YAML folds) there is no exact
 * place: returns false, and the caller names v's own position. The
 * source is looked up from the start of its file, as the diagnostics
 * printer does for each message. */
static bool markdown_pos(const diags *d, const ynode *v, int mline, int mcol,
                         srcpos *out)
{
	size_t mn, n;
	const char *ml = nth_line(v->str, v->len, mline, &mn);
	const diag_source *src = source_of(d, v->pos.file);
	if (!ml || mcol < 1 || (size_t)mcol - 1 > mn || !src || !src->text)
		return false;
	int before = (int)utf8_count(ml, (size_t)mcol - 1);
	const char *p = nth_line(src->text, src->len, v->pos.line, &n);
	if (!p)
		return false;
	if (v->pos.line == 1 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3, n -= 3; /* columns count from after a byte-order mark */
	for (int k = 1; k < v->pos.col && n; k++) { /* to the scalar */
		int l = utf8_seqlen((const unsigned char *)p, n);
		p += l;
		n -= (size_t)l;
	}
	if (!n)
		return false;
	if (v->block && *p == '|') {
		const char *sl =
		    nth_line(src->text, src->len, v->pos.line + mline, &n);
		if (!sl)
			return false;
		/* the block's indentation: the spaces the source line has
		 * beyond those the text's line keeps */
		size_t ss = 0, ms = 0;
		while (ss < n && sl[ss] == ' ')
			ss++;
		while (ms < mn && ml[ms] == ' ')
			ms++;
		if (ss < ms)
			return false;
		*out = pos_at(v->pos.file, v->pos.line + mline,
		              (int)(ss - ms) + before + 1);
		return true;
	}
	if (v->block || mline != 1)
		return false;
	int quote = *p == '\'' || *p == '"' ? 1 : 0;
	if (n - (size_t)quote < (size_t)mcol - 1 ||
	    memcmp(p + quote, ml, (size_t)mcol - 1) != 0)
		return false;
	*out = pos_at(v->pos.file, v->pos.line, v->pos.col + quote + before);
	return true;
}

void fld_markdown_depth(fld_ctx *c, const ynode *v, const char *key)
{
	int depth, line, col;
	if (!v || v->kind != YN_SCALAR ||
	    !md_too_deep(v->str, v->len, &depth, &line, &col))
		return;
	srcpos at;
	if (markdown_pos(c->d, v, line, col, &at))
		diag_warning(c->d, at,
		             "Markdown in '%s' nested %d levels deep; beyond "
		             "%d levels the nesting is flattened in every "
		             "document; nest less",
		             key, depth, MD_MAX_DEPTH);
	else if (line > 1)
		diag_warning(c->d, v->pos,
		             "Markdown in '%s' nested %d levels deep (from "
		             "line %d of the text); beyond %d levels the "
		             "nesting is flattened in every document; nest "
		             "less",
		             key, depth, line, MD_MAX_DEPTH);
	else
		diag_warning(c->d, v->pos,
		             "Markdown in '%s' nested %d levels deep; beyond "
		             "%d levels the nesting is flattened in every "
		             "document; nest less",
		             key, depth, MD_MAX_DEPTH);
}
