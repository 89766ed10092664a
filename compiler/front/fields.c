/*
 * fields.c - typed field readers over YAML nodes.
 */
#include "fields.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/md.h"

bool fld_present(const ynode *v)
{
	return v && !yn_is_null(v);
}

/* The mapping read by fld_map that holds node as the value of one of
 * its keys, or as an item of a list that is such a value; NULL when
 * none of those remembered does. *via receives the key. */
static const fld_seen *holder(const fld_ctx *c, const ynode *node,
                              const ynode **via)
{
	for (size_t k = c->nseen; k-- > 0;) {
		const fld_seen *s = &c->seen[k];
		for (size_t i = 0; s->map != node && i < s->map->n; i++) {
			const ynode *v = s->map->items[2 * i + 1];
			bool in = v == node;
			for (size_t j = 0; !in && v->kind == YN_SEQ && j < v->n;
			     j++)
				in = v->items[j] == node;
			if (in) {
				*via = s->map->items[2 * i];
				return s;
			}
		}
	}
	return NULL;
}

static int cmp_pos(srcpos a, srcpos b)
{
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	return (a.col > b.col) - (a.col < b.col);
}

/* True when the text of map holds position p. */
static bool holds(const ynode *map, srcpos p)
{
	bool same =
	    map->pos.file == p.file ||
	    (map->pos.file && p.file && strcmp(map->pos.file, p.file) == 0);
	return same && cmp_pos(map->pos, p) <= 0 && cmp_pos(p, map->end) < 0;
}

/* Remembers node, read as what with keys, above the mappings that hold
 * it. */
static void remember(fld_ctx *c, const ynode *node, const char *const *keys,
                     size_t nkeys, const char *what)
{
	while (c->nseen && (c->seen[c->nseen - 1].map == node ||
	                    !holds(c->seen[c->nseen - 1].map, node->pos)))
		c->nseen--;
	if (c->nseen == YN_MAX_DEPTH)
		return;
	fld_seen me = {node, keys, nkeys, arena_strdup(c->a, what)};
	c->seen[c->nseen++] = me;
}

void fld_rename(fld_ctx *c, const ynode *node, const char *what)
{
	for (size_t k = c->nseen; k-- > 0;)
		if (c->seen[k].map == node) {
			c->seen[k].what = arena_strdup(c->a, what);
			return;
		}
}

bool fld_misplaced_key(fld_ctx *c, const ynode *node, const char *key,
                       srcpos at)
{
	const ynode *via = NULL;
	const fld_seen *s = holder(c, node, &via);
	if (!s)
		return false;
	size_t j;
	for (j = 0; j < s->nkeys; j++)
		if (strcmp(s->keys[j], key) == 0)
			break;
	if (j == s->nkeys)
		return false;
	if (yn_map_get(s->map, key))
		diag_error(c->d, at,
		           "'%s' is a key of %s, but here it is indented into "
		           "'%s' (line %d), and %s has its own '%s'; remove "
		           "one of them",
		           key, s->what, via->str, via->pos.line, s->what, key);
	else
		diag_error(c->d, at,
		           "'%s' is a key of %s, but it is indented into '%s' "
		           "(line %d); indent it like '%s' (column %d)",
		           key, s->what, via->str, via->pos.line, via->str,
		           via->pos.col);
	return true;
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
	remember(c, node, keys, nkeys, what);
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
		if (fld_misplaced_key(c, node, k->str, k->pos))
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

/* The digits of s[0, n) as a number, or -1 when they are not all digits
 * (or n is 0). */
static int digits(const char *s, size_t n)
{
	int v = 0;
	if (n == 0 || n > 4)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int month_days(int y, int m)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30,
	                            31, 31, 30, 31, 30, 31};
	return mdays[m - 1] + (m == 2 && leap(y));
}

/* Reads a date written y-m-d, y/m/d (one or two digits for month and
 * day) or d.m.y, as editors type them; false for anything else. */
static bool read_loose_date(const char *s, int *y, int *m, int *dd)
{
	size_t n[3];
	const char *part[3];
	const char *p = s;
	char sep = 0;
	for (int i = 0; i < 3; i++) {
		part[i] = p;
		n[i] = strspn(p, "0123456789");
		p += n[i];
		if (i < 2) {
			if (*p != '-' && *p != '/' && *p != '.')
				return false;
			if (sep && *p != sep)
				return false;
			sep = *p++;
		}
	}
	if (*p)
		return false;
	int a = digits(part[0], n[0]), b = digits(part[1], n[1]),
	    c = digits(part[2], n[2]);
	if (a < 0 || b < 0 || c < 0 || n[1] > 2)
		return false;
	if (n[0] == 4 && n[2] <= 2 && sep != '.') {
		*y = a, *m = b, *dd = c;
		return true;
	}
	if (n[2] == 4 && n[0] <= 2 && sep == '.') {
		*y = c, *m = b, *dd = a;
		return true;
	}
	return false;
}

char *fld_date_problem(const char *s)
{
	static const char *const months[] = {"January", "February", "March",
	                                     "April",   "May",      "June",
	                                     "July",    "August",   "September",
	                                     "October", "November", "December"};
	int y, m, dd;
	bool form = strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
	            strspn(s, "0123456789") == 4 &&
	            strspn(s + 5, "0123456789") == 2 &&
	            strspn(s + 8, "0123456789") == 2;
	if (!read_loose_date(s, &y, &m, &dd))
		return xasprintf("must be a date written YYYY-MM-DD (such as "
		                 "2026-03-01), not '%s'",
		                 s);
	bool real =
	    y >= 1900 && m >= 1 && m <= 12 && dd >= 1 && dd <= month_days(y, m);
	if (!form && real)
		return xasprintf("must be a date written YYYY-MM-DD, not '%s'; "
		                 "did you mean '%04d-%02d-%02d'?",
		                 s, y, m, dd);
	if (real)
		return NULL;
	if (y < 1900)
		return xasprintf("is '%s', but the year %d is not plausible; "
		                 "dates are written YYYY-MM-DD",
		                 s, y);
	if (m < 1 || m > 12) {
		/* a day and a month swapped, as some calendars write them */
		if (m > 12 && dd >= 1 && dd <= 12 && m <= month_days(y, dd))
			return xasprintf("is '%s', but there is no month %d "
			                 "(dates are written YYYY-MM-DD); did "
			                 "you mean '%04d-%02d-%02d'?",
			                 s, m, y, dd, m);
		return xasprintf("is '%s', but there is no month %d; months "
		                 "count 01 to 12 (dates are written "
		                 "YYYY-MM-DD)",
		                 s, m);
	}
	if (dd < 1)
		return xasprintf("is '%s', but days count from 01", s);
	return xasprintf("is '%s', but %s %d has %d days", s, months[m - 1], y,
	                 month_days(y, m));
}

const char *fld_date(fld_ctx *c, const ynode *map, const ynode *v,
                     const char *key, const char *what, bool required)
{
	const char *s = fld_str(c, map, v, key, what, required);
	if (!s)
		return NULL;
	char *why = fld_date_problem(s);
	if (why) {
		diag_error(c->d, v->pos, "'%s' %s", key, why);
		free(why);
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

/* Where needle (compared without regard to ASCII case) first stands in
 * the source of scalar v at or after *from: its lines, from the one the
 * scalar starts on to the one it ends on. Moves *from past it and returns
 * true; false when the source does not hold it there (an escape or an
 * entity spells it otherwise). */
static bool find_in_source(const diags *d, const ynode *v, const char *needle,
                           srcpos *from, srcpos *out)
{
	const diag_source *src = source_of(d, v->pos.file);
	size_t nl = strlen(needle);
	if (!src || !src->text || !nl)
		return false;
	for (int line = from->line; line <= v->end.line; line++) {
		size_t n;
		const char *p = nth_line(src->text, src->len, line, &n);
		if (!p)
			return false;
		size_t skip = 0; /* bytes before the column to start at */
		if (line == 1 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
			p += 3, n -= 3;
		for (int k = 1; line == from->line && k < from->col && skip < n;
		     k++)
			skip += (size_t)utf8_seqlen(
			    (const unsigned char *)p + skip, n - skip);
		for (size_t i = skip; i + nl <= n; i++) {
			if (strncasecmp(p + i, needle, nl) != 0)
				continue;
			int col = (int)utf8_count(p, i) + 1;
			*out = pos_at(v->pos.file, line, col);
			*from = pos_at(v->pos.file, line, col + 1);
			return true;
		}
	}
	return false;
}

void fld_markdown_unsafe(fld_ctx *c, const ynode *v, const char *key)
{
	/* only texts that can hold raw HTML or a link are parsed */
	if (!v || v->kind != YN_SCALAR ||
	    (!memchr(v->str, '<', v->len) && !memchr(v->str, '[', v->len)))
		return;
	cmark_node *doc = md_parse(v->str, v->len);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	char *html = NULL; /* the first raw HTML's first line */
	int nhtml = 0;
	srcpos from = v->pos;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE) {
			const char *lit = cmark_node_get_literal(n);
			lit = lit ? lit : "";
			lit += strspn(lit, " \t");
			if (!nhtml++)
				html = xstrndup(lit, strcspn(lit, "\r\n"));
			continue;
		}
		if (t != CMARK_NODE_LINK && t != CMARK_NODE_IMAGE)
			continue;
		const char *url = cmark_node_get_url(n);
		if (md_url_safe(url))
			continue;
		url = url ? url : "";
		size_t sl = strcspn(url, ":");
		char *scheme = url[sl] ? xstrndup(url, sl + 1) : NULL;
		srcpos at = v->pos;
		if (scheme)
			find_in_source(c->d, v, scheme, &from, &at);
		bool image = t == CMARK_NODE_IMAGE;
		diag_warning(c->d, at,
		             "%s '%.60s%s' in '%s': documents link only to "
		             "http, https and mailto addresses and show just "
		             "the %s; %s",
		             image ? "image at" : "link to", url,
		             strlen(url) > 60 ? "..." : "", key,
		             image ? "image's description" : "link's text",
		             image ? "give a web address"
		                   : "link to a web address instead");
		free(scheme);
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	if (!nhtml)
		return;
	/* the tag itself, as written: "<b" of "<b>bold</b>" */
	char needle[41];
	snprintf(needle, sizeof(needle), "%.*s", (int)strcspn(html, " \t>"),
	         html);
	srcpos at = v->pos, start = v->pos;
	find_in_source(c->d, v, needle, &start, &at);
	char more[48] = "";
	if (nhtml > 1)
		snprintf(more, sizeof(more), ", and %d more in this text",
		         nhtml - 1);
	diag_warning(c->d, at,
	             "raw HTML in '%s' ('%.40s%s'%s): documents show it as "
	             "plain text; write it in Markdown (**bold**, "
	             "[text](https://...)) or escape the '<' as '\\<'",
	             key, html, strlen(html) > 40 ? "..." : "", more);
	free(html);
}
