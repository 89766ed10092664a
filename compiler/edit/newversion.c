/*
 * newversion.c - `vcsc new-version VERSION-DIR NEW-ID`: start the next
 * catalogue version as a draft copy of an existing one.
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
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "srcedit.h"
#include "front/ynode.h"

static const char new_version_help[] =
    "Usage: vcsc new-version VERSION-DIR NEW-ID\n"
    "\n"
    "Start the next version of a catalogue: copy VERSION-DIR (such as\n"
    "catalogue/vcsa/1.1, or an id such as vcsa/1.1) to the sibling\n"
    "directory NEW-ID (catalogue/vcsa/1.2) as a draft. Every uid is kept;\n"
    "change notes, the release date and the summary are cleared; the\n"
    "predecessor is set to the copied version. Comments and layout of the\n"
    "sources are kept. An existing NEW-ID directory is never overwritten.\n"
    "New questions and requirements added to the draft get their uids\n"
    "from 'vcsc check --fix-ids'.\n"
    "\n"
    "Options:\n"
    "  --catalogue DIR   catalogue root holding scheme.yaml\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 created, 1 the version has errors, 2 usage or I/O\n"
    "failure (including an existing NEW-ID).\n";

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
		const ynode *qs = yn_map_get(root, "questions");
		for (size_t i = 0; qs && qs->kind == YN_SEQ && i < qs->n; i++) {
			const ynode *q = qs->items[i];
			if (q->kind != YN_MAP)
				continue;
			rc |= remove_key(d, e, q, "change_note");
			const ynode *rs = yn_map_get(q, "requirements");
			for (size_t j = 0;
			     rs && rs->kind == YN_SEQ && j < rs->n; j++)
				if (rs->items[j]->kind == YN_MAP)
					rc |= remove_key(d, e, rs->items[j],
					                 "change_note");
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

/* Removes the files of dir, then dir (one level: the copy has no
 * subdirectories). */
static void remove_tree(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	while (dp && (de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		char *p = path_join(dir, de->d_name);
		if (is_dir(p))
			remove_tree(p);
		else
			unlink(p);
		free(p);
	}
	if (dp)
		closedir(dp);
	rmdir(dir);
}

static bool has_change_notes(const vc_version *v)
{
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
static int copy_version(cli *c, const vc_version *v, const char *src,
                        const char *tmp, const char *new_id)
{
	DIR *dp = opendir(src);
	if (!dp) {
		perror(src);
		return EXIT_TROUBLE;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		VEC_PUSH(names, n, cap, xstrdup(de->d_name));
	}
	closedir(dp);
	if (n)
		qsort(names, n, sizeof(char *), cmp_strp);
	int rc = EXIT_OK;
	char *root = model_version_root(src);
	for (size_t i = 0; i < n && rc == EXIT_OK; i++) {
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
			fprintf(stderr,
			        "vcsc new-version: note: not copied: "
			        "'%s' (a symbolic link that leads out of "
			        "the catalogue or nowhere)\n",
			        from);
		} else if (!is_file(from)) {
			fprintf(stderr,
			        "vcsc new-version: note: not copied: "
			        "'%s' (not a regular file)\n",
			        from);
		} else if (read_file(from, YN_MAX_FILE, &data, &len) != 0) {
			perror(from);
			rc = EXIT_TROUBLE;
		} else {
			size_t l = strlen(names[i]);
			bool yaml =
			    l > 5 && strcmp(names[i] + l - 5, ".yaml") == 0;
			char *out = data;
			size_t olen = len;
			if (yaml) {
				out = edit_file(&c->d, from, names[i], data,
				                len, v, new_id, &olen);
				if (!out)
					rc = EXIT_INPUT;
			}
			if (out && write_all(to, out, olen) != 0) {
				perror(to);
				rc = EXIT_TROUBLE;
			}
			if (out != data)
				free(out);
		}
		free(data);
		free(from);
		free(to);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(root);
	return rc;
}

int cmd_new_version(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"catalogue", required_argument, NULL, 'C'},
	    {"help", no_argument, NULL, 'h'},
	    {0, 0, 0, 0}};
	cli c;
	cli_init(&c);
	int opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'C':
			c.catalogue_root = optarg;
			break;
		case 'h':
			fputs(new_version_help, stdout);
			cli_free(&c);
			return EXIT_OK;
		default:
			cli_free(&c);
			return cli_bad_option("new-version", argv, "h");
		}
	}
	if (argc - optind != 2) {
		cli_free(&c);
		return cli_usage("new-version",
		                 "expected VERSION-DIR and NEW-ID");
	}
	/* The loader's own rule, so that a version made here also checks
	 * and builds a site; a wrong NEW-ID is a wrong argument (status 2),
	 * not an error in the catalogue. */
	const char *new_id = argv[optind + 1];
	const char *problem = model_version_id_problem(new_id);
	if (problem) {
		cli_free(&c);
		return cli_usage("new-version", "version id '%s' %s", new_id,
		                 problem);
	}
	char *dir = cli_version_dir(&c, argv[optind]);
	vc_version *v = cli_version(&c, dir);
	if (!v) {
		cli_print_diags(&c);
		int rc = cli_status(&c);
		free(dir);
		cli_free(&c);
		return rc;
	}
	int rc = EXIT_OK;
	char *abs = realpath(dir, NULL);
	char *parent = abs ? path_dir(abs) : NULL;
	char *root = parent ? path_dir(parent) : NULL;
	char *shown_parent = path_dir(dir);
	char *shown = path_join(shown_parent, new_id);
	char *target = parent ? path_join(parent, new_id) : NULL;
	char *tmproot = NULL, *tmpcat = NULL, *tmpdir = NULL;
	struct stat st;
	if (!abs) {
		perror(dir);
		rc = EXIT_TROUBLE;
	} else if (strcmp(new_id, v->version) == 0 || lstat(target, &st) == 0) {
		fprintf(stderr,
		        "vcsc new-version: '%s' already exists; not "
		        "overwriting it\n",
		        shown);
		rc = EXIT_TROUBLE;
	} else {
		/* Beside the catalogue, so that the copy can be checked under
		 * its final catalogue and version names before the rename. */
		char *tmpl = path_join(root, ".vcsc-new-XXXXXX");
		tmproot = mkdtemp(tmpl) ? tmpl : NULL;
		if (!tmproot) {
			perror(tmpl);
			free(tmpl);
			rc = EXIT_TROUBLE;
		} else {
			tmpcat = path_join(tmproot, path_base(parent));
			tmpdir = path_join(tmpcat, new_id);
			if (mkdir(tmpcat, 0777) != 0 ||
			    mkdir(tmpdir, 0777) != 0) {
				perror(tmpdir);
				rc = EXIT_TROUBLE;
			}
		}
	}
	if (rc == EXIT_OK)
		rc = copy_version(&c, v, dir, tmpdir, new_id);
	if (rc == EXIT_OK) {
		diags d2;
		diags_init(&d2);
		d2.hide_notes = true;
		vc_version *nv = model_version_load(v->scheme, tmpdir, &d2);
		if (!nv || d2.errors || has_change_notes(nv) || !nv->draft) {
			diags_print(&d2, stderr, false);
			fprintf(stderr,
			        "vcsc new-version: the copy does not "
			        "check as a draft without change notes; "
			        "nothing written\n");
			rc = EXIT_TROUBLE;
		}
		model_version_free(nv);
		diags_free(&d2);
	}
	if (rc == EXIT_OK && lstat(target, &st) == 0) {
		fprintf(stderr,
		        "vcsc new-version: '%s' already exists; not "
		        "overwriting it\n",
		        shown);
		rc = EXIT_TROUBLE;
	}
	if (rc == EXIT_OK && rename(tmpdir, target) != 0) {
		perror(shown);
		rc = EXIT_TROUBLE;
	}
	if (tmproot)
		remove_tree(tmproot);
	cli_print_diags(&c);
	if (rc == EXIT_OK)
		printf("%s: new draft version %s/%s (predecessor %s)\n", shown,
		       v->catalogue, new_id, v->version);
	free(tmproot);
	free(tmpcat);
	free(tmpdir);
	free(target);
	free(shown);
	free(shown_parent);
	free(root);
	free(parent);
	free(abs);
	free(dir);
	model_version_free(v);
	cli_free(&c);
	return rc;
}
