/*
 * release.c - releasing a draft version (see release.h).
 */
#include "release.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "front/fields.h"
#include "front/ynode.h"
#include "srcedit.h"

/* Whether the trees a and b hold the same keys, items and scalars. */
static bool same_tree(const ynode *a, const ynode *b)
{
	if (a->kind != b->kind || a->n != b->n)
		return false;
	if (a->kind == YN_SCALAR)
		return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
	size_t n = a->kind == YN_MAP ? 2 * a->n : a->n;
	for (size_t i = 0; i < n; i++)
		if (!same_tree(a->items[i], b->items[i]))
			return false;
	return true;
}

/* Whether new is old with status released and released date: the same
 * keys in the same order (released added after status when old has
 * none) and the same values but for those two. */
static bool released_copy(const ynode *old, const ynode *new, const char *date)
{
	const ynode *st = yn_map_get(new, "status"),
	            *rel = yn_map_get(new, "released");
	if (!st || st->kind != YN_SCALAR || strcmp(st->str, "released") != 0 ||
	    !rel || rel->kind != YN_SCALAR || strcmp(rel->str, date) != 0 ||
	    new->n != old->n + !yn_map_get(old, "released"))
		return false;
	size_t j = 0;
	for (size_t i = 0; i < new->n; i++) {
		const char *k = new->items[2 * i]->str;
		bool ours =
		    strcmp(k, "status") == 0 || strcmp(k, "released") == 0;
		if (j < old->n && strcmp(old->items[2 * j]->str, k) == 0) {
			if (!ours && !same_tree(old->items[2 * j + 1],
			                        new->items[2 * i + 1]))
				return false;
			j++;
		} else if (strcmp(k, "released") != 0) {
			return false;
		}
	}
	return j == old->n;
}

/* Replaces the scalar v (of the key k) by text where it stands on its
 * line, keeping what comes before and after it (a comment); an empty
 * value gets text after its key. False when v is not on one line. */
static bool replace_value(srcedit *e, const ynode *k, const ynode *v,
                          const char *text)
{
	if (v->kind != YN_SCALAR)
		return false;
	if (v->len == 0 && v->plain) {
		/* "released:" with nothing after it (but a comment) */
		char *pre = srcedit_prefix(e, k->pos.line, k->pos.col);
		char *post = v->pos.line == k->pos.line
		                 ? srcedit_suffix(e, v->pos.line, v->pos.col)
		                 : xstrdup("");
		char *t = xasprintf("%s%s: %s%s", pre, k->str, text, post);
		srcedit_replace(e, k->pos.line, t);
		free(t);
		free(post);
		free(pre);
		return true;
	}
	if (v->end.line != v->pos.line || v->block)
		return false;
	char *pre = srcedit_prefix(e, v->pos.line, v->pos.col);
	char *post = srcedit_suffix(e, v->end.line, v->end.col);
	char *t = xasprintf("%s%s%s", pre, text, post);
	srcedit_replace(e, v->pos.line, t);
	free(t);
	free(post);
	free(pre);
	return true;
}

/* The key node of key in map, or NULL. */
static const ynode *key_node(const ynode *map, const char *key)
{
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->items[2 * i]->str, key) == 0)
			return map->items[2 * i];
	return NULL;
}

/* The text of version.yaml (path, text[0, len), loaded as root) with
 * status released and the release date; NULL when its layout does not
 * allow a line edit. Caller frees. */
static char *edited(const ynode *root, const char *text, size_t len,
                    const char *date, size_t *outlen)
{
	const ynode *sk = key_node(root, "status"),
	            *rk = key_node(root, "released");
	if (root->flow || !sk)
		return NULL;
	srcedit *e = srcedit_new(text, len);
	bool ok = replace_value(e, sk, yn_map_get(root, "status"), "released");
	if (ok && rk) {
		ok = replace_value(e, rk, yn_map_get(root, "released"), date);
	} else if (ok) {
		int after = srcedit_last_line(e, yn_map_get(root, "status"));
		char *t =
		    xasprintf("%*sreleased: %s", sk->pos.col - 1, "", date);
		srcedit_insert_after(e, after, t);
		free(t);
	}
	char *out = ok ? srcedit_result(e, outlen) : NULL;
	srcedit_free(e);
	return out;
}

/* Sets status and release date in v's version.yaml. */
static int write_release(const vc_version *v, const char *date, diags *d)
{
	char *path = path_join(v->dir, "version.yaml");
	char *text = NULL, *out = NULL;
	size_t len = 0, outlen = 0;
	int rc = -1;
	arena *a = arena_new();
	diags scratch; /* the check has judged the file already */
	diags_init(&scratch);
	if (read_file(path, YN_MAX_FILE, &text, &len) != 0) {
		d->io_failed = true;
		diag_error(d, NO_POS, "cannot read '%s': %s", path,
		           strerror(errno));
		goto out;
	}
	ynode *old = yn_load_text(a, &scratch, path, xstrndup(text, len), len);
	if (old && old->kind == YN_MAP)
		out = edited(old, text, len, date, &outlen);
	if (!out) {
		diag_error(d, v->status_pos,
		           "cannot set the status here (a version.yaml written "
		           "as one {...} mapping, or a status over several "
		           "lines); write 'status: released' and 'released: "
		           "%s' by hand",
		           date);
		goto out;
	}
	ynode *new =
	    yn_load_text(a, &scratch, path, xstrndup(out, outlen), outlen);
	if (!new || scratch.errors || !released_copy(old, new, date)) {
		diag_error(d, v->status_pos,
		           "left version.yaml as it was: with the status "
		           "changed it would read otherwise; write 'status: "
		           "released' and 'released: %s' by hand",
		           date);
		goto out;
	}
	rc = srcedit_write(path, out, outlen, d);
out:
	diags_free(&scratch);
	arena_free(a);
	free(out);
	free(text);
	free(path);
	return rc;
}

int release_write(const vc_version *v, const vc_version *pred, const char *date,
                  diags *d)
{
	char *why = fld_date_problem(date);
	if (why) {
		diag_error(d, NO_POS, "the release date %s", why);
		free(why);
		return -1;
	}
	if (!v->draft) {
		diag_error(d, v->status_pos,
		           "%s is released already (on %s); a released version "
		           "stays as it is: 'vcsc new-version' starts the next",
		           v->key,
		           v->released ? v->released : "an unknown date");
		return -1;
	}
	if (v->predecessor && !pred) {
		diag_error(d, v->predecessor_pos,
		           "%s is not released: its predecessor %s cannot be "
		           "compared with it ('vcsc check' says why)",
		           v->key, v->predecessor);
		return -1;
	}
	int problems = 0;
	if (pred && pred->draft) {
		diag_error(d, v->predecessor_pos,
		           "%s is not released: its predecessor %s is a draft "
		           "itself; release that first",
		           v->key, pred->key);
		problems++;
	} else if (pred && pred->released && strcmp(date, pred->released) < 0) {
		diag_error(d, v->predecessor_pos,
		           "%s is not released: the date %s is before the "
		           "release of its predecessor %s (%s)",
		           v->key, date, pred->key, pred->released);
		problems++;
	}
	int warned = pred ? draft_check(pred, v, true, d) : 0;
	if (warned)
		diag_error(d, v->status_pos,
		           "%s is not released: settle the %s above first "
		           "(uids and numbers are permanent once released, and "
		           "the change log is read by everyone audited against "
		           "%s)",
		           v->key,
		           warned == 1
		               ? "warning"
		               : arena_printf(v->arena, "%d warnings", warned),
		           pred->key);
	if (warned || problems)
		return -1;
	return write_release(v, date, d);
}
