/*
 * fields.c - typed field readers over YAML nodes.
 */
#include "fields.h"

#include <stdlib.h>
#include <string.h>

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
		diag_error(c->d, node->pos, "expected %s (a mapping of keys), "
			   "found %s", what, yn_kind_name(node));
		return -1;
	}
	/* Known keys first, so that a misspelt key can stand in for a
	 * missing one without hiding the real one. */
	for (size_t i = 0; i < node->n; i++) {
		const ynode *k = node->items[2 * i];
		for (size_t j = 0; j < nkeys; j++) {
			if (strcmp(keys[j], k->str) == 0) {
				if (!out[j]) /* duplicates: reported by the loader */
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
			diag_error(c->d, k->pos,
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
		buf_printf(&b, "%s'%s'", i == 0 ? "" : i + 1 == nwords ? " or " : ", ",
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
		} else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
			prev_hyphen = false;
		} else {
			return false;
		}
	}
	return !prev_hyphen;
}
