/*
 * newversion.c - the next catalogue version started as a draft copy of an
 * existing one (`vcsc new-version`, see newversion.h).
 *
 * The copy keeps every uid (so the diff pairs everything by uid) and
 * every comment and layout of the sources: the chapter files lose only
 * their change_note blocks, and version.yaml gets version, status draft,
 * the predecessor, and no release date or summary. The copy is written
 * into a temporary directory beside the catalogue, checked, and renamed
 * into place; an existing directory is never overwritten.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "newversion.h"
#include "srcedit.h"
#include "front/ynode.h"

/* Removes the block of key in map. A key that opens a sequence item
 * ("- change_note: ...") hands its "- " to the next key of the item.
 * Returns 0, or -1 after reporting a layout it cannot edit line-wise. */
static int remove_key(diags *d, srcedit *e, const ynode *map, const char *key)
{
	for (size_t i = 0; i < map->n; i++) {
		const ynode *k = map->items[2 * i];
		if (k->kind != YN_SCALAR || strcmp(k->str, key) != 0)
			continue;
		int line = k->pos.line, col = k->pos.col;
		int end = srcedit_last_line(e, map->items[2 * i + 1]) + 1;
		const ynode *next = NULL;
		for (size_t j = 0; j < map->n; j++) {
			const ynode *o = map->items[2 * j];
			if (j == i)
				continue;
			if (o->pos.line >= line && o->pos.line < end) {
				diag_error(d, k->pos,
				           "cannot remove '%s' here: the "
				           "mapping is written on one line; "
				           "remove it by hand",
				           key);
				return -1;
			}
			if (j == i + 1)
				next = o;
		}
		char *pre = srcedit_prefix(e, line, col);
		bool item = strspn(pre, " ") != strlen(pre);
		if (item) {
			if (!next || next->pos.col != col) {
				diag_error(d, k->pos,
				           "cannot remove '%s' here: no key "
				           "follows it in its item; remove it "
				           "by hand",
				           key);
				free(pre);
				return -1;
			}
			char *rest = srcedit_suffix(e, next->pos.line, col);
			char *t = xasprintf("%s%s", pre, rest);
			srcedit_replace(e, next->pos.line, t);
			free(t);
			free(rest);
		}
		free(pre);
		srcedit_delete(e, line, end);
		return 0;
	}
	return 0;
}

/* Sets a top-level key to a one-line value, in place or, when absent,
 * after the line `after`. */
static void set_top_key(srcedit *e, const ynode *map, const char *key,
                        const char *value, int after)
{
	const ynode *v = yn_map_get(map, key);
	char *t = xasprintf("%s: %s", key, value);
	if (!v) {
		srcedit_insert_after(e, after, t);
		free(t);
		return;
	}
	for (size_t i = 0; i < map->n; i++) {
		const ynode *k = map->items[2 * i];
		if (strcmp(k->str, key) != 0)
			continue;
		int end = srcedit_last_line(e, map->items[2 * i + 1]) + 1;
		srcedit_replace(e, k->pos.line, t);
		srcedit_delete(e, k->pos.line + 1, end);
	}
	free(t);
}

static int key_line(const ynode *map, const char *key)
{
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->items[2 * i]->str, key) == 0)
			return map->items[2 * i]->pos.line;
	return 0;
}

/* Removes the change notes of the questions listed in qs and of their
 * requirements. */
static int remove_notes(diags *d, srcedit *e, const ynode *qs)
{
	int rc = 0;
	for (size_t i = 0; qs && qs->kind == YN_SEQ && i < qs->n; i++) {
		const ynode *q = qs->items[i];
		if (q->kind != YN_MAP)
			continue;
		rc |= remove_key(d, e, q, "change_note");
		const ynode *rs = yn_map_get(q, "requirements");
		for (size_t j = 0; rs && rs->kind == YN_SEQ && j < rs->n; j++)
			if (rs->items[j]->kind == YN_MAP)
				rc |= remove_key(d, e, rs->items[j],
				                 "change_note");
	}
	return rc;
}

/* The edited text of one source file, or NULL after reporting. */
static char *edit_file(diags *d, const char *path, const char *name,
                       const char *text, size_t len, const vc_version *v,
                       const char *new_id, size_t *outlen)
{
	arena *a = arena_new();
	ynode *root = yn_load_text(a, d, path, xstrndup(text, len), len);
	if (!root || root->kind != YN_MAP) {
		arena_free(a);
		return NULL;
	}
	srcedit *e = srcedit_new(text, len);
	int rc = 0;
	if (strcmp(name, "version.yaml") == 0) {
		char *q = xasprintf("\"%s\"", new_id);
		char *p = xasprintf("\"%s\"", v->version);
		set_top_key(e, root, "version", q, 0);
		set_top_key(e, root, "status", "draft", 0);
		set_top_key(e, root, "predecessor", p,
		            key_line(root, "version"));
		rc |= remove_key(d, e, root, "released");
		rc |= remove_key(d, e, root, "summary");
		free(q);
		free(p);
	} else {
		rc |= remove_notes(d, e, yn_map_get(root, "questions"));
		/* a chapter of sections: theirs and their questions' */
		const ynode *ss = yn_map_get(root, "sections");
		for (size_t i = 0; ss && ss->kind == YN_SEQ && i < ss->n; i++) {
			const ynode *sec = ss->items[i];
			if (sec->kind != YN_MAP)
				continue;
			rc |= remove_key(d, e, sec, "change_note");
			rc |= remove_notes(d, e, yn_map_get(sec, "questions"));
		}
	}
	char *out = rc ? NULL : srcedit_result(e, outlen);
	srcedit_free(e);
	arena_free(a);
	return out;
}

static int write_all(const char *path, const char *data, size_t len)
{
	FILE *fp = fopen(path, "wb");
	if (!fp)
		return -1;
	size_t w = fwrite(data, 1, len, fp);
	int rc =
	    (w == len && fflush(fp) == 0 && fsync(fileno(fp)) == 0) ? 0 : -1;
	if (fclose(fp) != 0)
		rc = -1;
	return rc;
}

static bool has_change_notes(const vc_version *v)
{
	for (size_t i = 0; i < v->nsections; i++)
		if (prose_present(&v->sections[i]->change_note))
			return true;
	for (size_t i = 0; i < v->nquestions; i++)
		if (prose_present(&v->questions[i]->change_note))
			return true;
	for (size_t i = 0; i < v->nrequirements; i++)
		if (prose_present(&v->requirements[i]->change_note))
			return true;
	return false;
}

/* Copies v's directory into tmp, editing as described above. Returns 0,
 * 1 after reporting an input problem, 2 after an I/O failure. */
/* An I/O failure while making the copy: vcsc's trouble, not the input's. */
static int io_trouble(diags *d, const char *what, const char *path)
{
	d->io_failed = true;
	diag_error(d, NO_POS, "%s '%s': %s", what, path, strerror(errno));
	return -1;
}

static int copy_version(diags *d, const vc_version *v, const char *src,
                        const char *tmp, const char *new_id)
{
	char **names;
	size_t n;
	if (dir_names(src, false, &names, &n) != 0)
		return io_trouble(d, "cannot read", src);
	int rc = 0;
	char *root = model_version_root(src);
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *from = path_join(src, names[i]);
		char *to = path_join(tmp, names[i]);
		char *data = NULL;
		size_t len = 0;
		/* The loader has judged the YAML files; any other file that
		 * is a link out of the catalogue is not copied into it. */
		diags scratch;
		diags_init(&scratch);
		bool inside = yn_check_inside(&scratch, from, root) == 0;
		diags_free(&scratch);
		if (!inside) {
			diag_warning(d, NO_POS,
			             "not copied: '%s' (a symbolic link that "
			             "leads out of the catalogue or nowhere)",
			             from);
		} else if (!is_file(from)) {
			diag_warning(d, NO_POS,
			             "not copied: '%s' (not a regular file)",
			             from);
		} else if (read_file(from, YN_MAX_FILE, &data, &len) != 0) {
			rc = io_trouble(d, "cannot read", from);
		} else {
			size_t l = strlen(names[i]);
			bool yaml =
			    l > 5 && strcmp(names[i] + l - 5, ".yaml") == 0;
			char *out = data;
			size_t olen = len;
			if (yaml) {
				out = edit_file(d, from, names[i], data, len, v,
				                new_id, &olen);
				if (!out)
					rc = -1;
			}
			if (out && write_all(to, out, olen) != 0)
				rc = io_trouble(d, "cannot write", to);
			if (out != data)
				free(out);
		}
		free(data);
		free(from);
		free(to);
	}
	names_free(names, n);
	free(root);
	return rc;
}

/* The first error of a scratch diagnostics object, for a one-line
 * report (a warning, such as the predecessor the copy cannot see from
 * its temporary place, is not why it failed). */
static const char *first_problem(const diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].sev == DIAG_ERROR)
			return d->items[i].msg;
	return "not a draft, or change notes left";
}

int newversion_write(const vc_version *v, const char *new_id, char **made,
                     diags *d)
{
	*made = NULL;
	const char *dir = v->dir;
	int rc = 0;
	char *abs = realpath(dir, NULL);
	char *parent = abs ? path_dir(abs) : NULL;
	char *root = parent ? path_dir(parent) : NULL;
	char *shown_parent = path_dir(dir);
	char *shown = path_join(shown_parent, new_id);
	char *target = parent ? path_join(parent, new_id) : NULL;
	char *tmproot = NULL, *tmpcat = NULL, *tmpdir = NULL;
	struct stat st;
	const char *problem = model_version_id_problem(new_id);
	if (problem) {
		diag_error(d, NO_POS, "version id '%s' %s", new_id, problem);
		rc = -1;
	} else if (!abs) {
		rc = io_trouble(d, "cannot resolve", dir);
	} else if (strcmp(new_id, v->version) == 0 || lstat(target, &st) == 0) {
		d->io_failed = true;
		diag_error(d, NO_POS, "'%s' already exists; not overwriting it",
		           shown);
		rc = -1;
	} else {
		/* Beside the catalogue, so that the copy can be checked under
		 * its final catalogue and version names before the rename. */
		char *tmpl = path_join(root, ".vcsc-new-XXXXXX");
		tmproot = mkdtemp(tmpl) ? tmpl : NULL;
		if (!tmproot) {
			rc = io_trouble(d, "cannot create", tmpl);
			free(tmpl);
		} else {
			tmp_track(tmproot, true);
			tmpcat = path_join(tmproot, path_base(parent));
			tmpdir = path_join(tmpcat, new_id);
			if (mkdir(tmpcat, 0777) != 0 ||
			    mkdir(tmpdir, 0777) != 0)
				rc = io_trouble(d, "cannot create", tmpdir);
		}
	}
	if (rc == 0)
		rc = copy_version(d, v, dir, tmpdir, new_id);
	if (rc == 0) {
		diags d2;
		diags_init(&d2);
		vc_version *nv = model_version_load(v->scheme, tmpdir, &d2);
		if (!nv || d2.errors || has_change_notes(nv) || !nv->draft) {
			d->io_failed = true;
			diag_error(d, NO_POS,
			           "the copy does not check as a draft without "
			           "change notes (%s); nothing written",
			           first_problem(&d2));
			rc = -1;
		}
		model_version_free(nv);
		diags_free(&d2);
	}
	if (rc == 0 && lstat(target, &st) == 0) {
		d->io_failed = true;
		diag_error(d, NO_POS, "'%s' already exists; not overwriting it",
		           shown);
		rc = -1;
	}
	if (rc == 0 && rename(tmpdir, target) != 0)
		rc = io_trouble(d, "cannot create", shown);
	if (tmproot) {
		rm_tree(tmproot);
		tmp_untrack(tmproot);
	}
	if (rc == 0) {
		*made = shown;
		shown = NULL;
	}
	free(tmproot);
	free(tmpcat);
	free(tmpdir);
	free(target);
	free(shown);
	free(shown_parent);
	free(root);
	free(parent);
	free(abs);
	return rc;
}
