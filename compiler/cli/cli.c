/*
 * cli.c - shared command-line plumbing.
 */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void cli_init(cli *c)
{
	memset(c, 0, sizeof(*c));
	diags_init(&c->d);
	/* Only `check` reports notes (its own option parsing turns them on):
	 * a document build is not the place to list missing translations. */
	c->d.hide_notes = true;
	c->color = -1;
	optind = 1;
}

void cli_free(cli *c)
{
	for (size_t i = 0; i < c->nschemes; i++) {
		model_scheme_free(c->schemes[i]);
		free(c->scheme_paths[i]);
	}
	free(c->schemes);
	free(c->scheme_paths);
	diags_free(&c->d);
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "vcsc%s%s: ", cmd ? " " : "", cmd ? cmd : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'vcsc %s%s--help'.\n", cmd ? cmd : "",
	        cmd ? " " : "");
	return EXIT_TROUBLE;
}

int cli_help(cli *c, const char *help)
{
	fputs(help, stdout);
	cli_free(c);
	return EXIT_OK;
}

int cli_refuse_option(cli *c, const char *cmd, char **argv,
                      const char *shortopts)
{
	cli_free(c);
	return cli_bad_option(cmd, argv, shortopts);
}

int cli_bad_option(const char *cmd, char **argv, const char *shortopts)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "?";
	if (arg[0] == '-' && arg[1] == '-') {
		/* A known long option refused: its value is missing. */
		if (optopt)
			return cli_usage(cmd, "option '%s' needs a value", arg);
		return cli_usage(cmd, "unknown option '%s'", arg);
	}
	if (optopt && strchr(shortopts, optopt))
		return cli_usage(cmd, "option '-%c' needs a value", optopt);
	if (optopt)
		return cli_usage(cmd, "unknown option '-%c'", optopt);
	return cli_usage(cmd, "unknown option '%s'", arg);
}

char *cli_scheme_path(const cli *c, const char *version_dir)
{
	if (c->catalogue_root)
		return path_join(c->catalogue_root, "scheme.yaml");
	if (version_dir) {
		char *abs = realpath(version_dir, NULL);
		if (abs) {
			char *cat = path_dir(abs);
			char *root = path_dir(cat);
			char *p = path_join(root, "scheme.yaml");
			free(abs);
			free(cat);
			free(root);
			if (is_file(p)) {
				/* Say it the way the user named the version. */
				char *rel_cat = path_dir(version_dir);
				char *rel_root = path_dir(rel_cat);
				char *q = path_join(rel_root, "scheme.yaml");
				free(rel_cat);
				free(rel_root);
				if (is_file(q)) {
					free(p);
					return q;
				}
				free(q);
				return p;
			}
			free(p);
		}
	}
	return xstrdup("catalogue/scheme.yaml");
}

vc_scheme *cli_scheme(cli *c, const char *path)
{
	for (size_t i = 0; i < c->nschemes; i++)
		if (strcmp(c->scheme_paths[i], path) == 0)
			return c->schemes[i];
	if (!path_entry_exists(path)) {
		c->d.io_failed = true;
		diag_error(&c->d, NO_POS,
		           "cannot find the scheme '%s' (--catalogue DIR names "
		           "the catalogue root that holds scheme.yaml)",
		           path);
		return NULL;
	}
	int before = c->d.errors;
	vc_scheme *s = model_scheme_load(path, &c->d);
	if (s && c->d.errors > before) {
		model_scheme_free(s);
		s = NULL;
	}
	size_t cap = c->schemecap;
	grow_array((void **)&c->schemes, &c->schemecap, c->nschemes + 1,
	           sizeof(*c->schemes));
	grow_array((void **)&c->scheme_paths, &cap, c->nschemes + 1,
	           sizeof(*c->scheme_paths));
	c->schemes[c->nschemes] = s;
	c->scheme_paths[c->nschemes] = xstrdup(path);
	c->nschemes++;
	return s;
}

char *cli_near_version(const cli *c, const char *arg)
{
	const char *root = c->catalogue_root ? c->catalogue_root : "catalogue";
	char **dirs = NULL;
	size_t n = 0;
	if (cli_version_dirs(root, &dirs, &n) != 0)
		return NULL;
	/* ids as CATALOGUE/VERSION, and the directories as found */
	const char **ids = xcalloc(2 * n + 1, sizeof(char *));
	size_t rl = strlen(root);
	for (size_t i = 0; i < n; i++) {
		ids[i] = dirs[i] + rl + (dirs[i][rl] == '/');
		ids[n + i] = dirs[i];
	}
	const char *sg = suggest(arg, ids, 2 * n);
	/* vcsa/1.3 is as near to 1.2 as to 1.4: a guess would mislead */
	int dist = sg ? edit_distance(arg, sg) : 0;
	for (size_t i = 0; sg && i < 2 * n; i++)
		if (ids[i] != sg && edit_distance(arg, ids[i]) == dist &&
		    strcmp(ids[i % n], sg) != 0 &&
		    strcmp(ids[n + i % n], sg) != 0)
			sg = NULL;
	char *r = sg ? xstrdup(sg) : NULL;
	free(ids);
	names_free(dirs, n);
	return r;
}

void cli_no_version(cli *c, const char *arg, const char *fmt)
{
	c->d.io_failed = true;
	char *sg = cli_near_version(c, arg);
	buf b = {0};
	buf_printf(&b, fmt, arg);
	diag_error(&c->d, NO_POS, "%s%s%s%s", b.data,
	           sg ? "; did you mean '" : "", sg ? sg : "", sg ? "'?" : "");
	buf_free(&b);
	free(sg);
}

vc_version *cli_version(cli *c, const char *dir)
{
	char *vf = path_join(dir, "version.yaml");
	bool ok = path_entry_exists(vf);
	free(vf);
	if (!ok) {
		cli_no_version(c, dir,
		               "'%s' is not a catalogue version (no "
		               "version.yaml in it)");
		return NULL;
	}
	char *sp = cli_scheme_path(c, dir);
	vc_scheme *s = cli_scheme(c, sp);
	free(sp);
	if (!s)
		return NULL;
	int before = c->d.errors;
	vc_version *v = model_version_load(s, dir, &c->d);
	if (c->d.errors > before) {
		model_version_free(v);
		return NULL;
	}
	return v;
}

vc_version *cli_predecessor(const vc_version *v, diags *quiet, const char **why)
{
	*why = NULL;
	if (!v->predecessor)
		return NULL;
	char *parent = path_dir(v->dir);
	char *pdir = path_join(parent, v->predecessor);
	char *vf = path_join(pdir, "version.yaml");
	vc_version *p = NULL;
	if (!is_file(vf)) {
		*why = "it is not there";
	} else {
		p = model_version_load(v->scheme, pdir, quiet);
		if (quiet->errors) {
			model_version_free(p);
			p = NULL;
			*why = "it has errors";
		}
	}
	free(vf);
	free(pdir);
	free(parent);
	return p;
}

int cli_root_versions(cli *c, const char *root, vc_version ***versions,
                      size_t *n)
{
	*versions = NULL;
	*n = 0;
	char *sp = path_join(root, "scheme.yaml");
	vc_scheme *s = cli_scheme(c, sp);
	free(sp);
	if (!s)
		return -1;
	char **dirs;
	size_t ndirs, cap = 0;
	if (cli_version_dirs(root, &dirs, &ndirs) != 0) {
		c->d.io_failed = true;
		diag_error(&c->d, NO_POS,
		           "cannot read the catalogue root "
		           "'%s': %s",
		           root, strerror(errno));
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < ndirs; i++) {
		vc_version *v = cli_version(c, dirs[i]);
		if (v)
			VEC_PUSH(*versions, *n, cap, v);
		else
			rc = -1;
	}
	names_free(dirs, ndirs);
	if (rc == 0 && !*n) {
		diag_error(&c->d, NO_POS,
		           "no catalogue version under '%s' "
		           "(expected %s/CATALOGUE/VERSION/version.yaml)",
		           root, root);
		rc = -1;
	}
	return rc;
}

char *cli_version_dir(const cli *c, const char *arg)
{
	if (is_dir(arg))
		return xstrdup(arg);
	const char *root = c->catalogue_root ? c->catalogue_root : "catalogue";
	char *p = path_join(root, arg);
	if (is_dir(p))
		return p;
	free(p);
	return xstrdup(arg);
}

int cli_stdout_status(int rc)
{
	/* Said once, whoever asks first: the error flag stays set. */
	static bool said;
	errno = 0;
	int flushed = fflush(stdout);
	if (flushed == 0 && !ferror(stdout))
		return rc;
	if (!said) {
		/* errno tells only when this flush failed: an earlier failed
		 * write leaves the flag but no reason. */
		if (flushed != 0 && errno)
			fprintf(stderr,
			        "vcsc: cannot write to standard output: "
			        "%s\n",
			        strerror(errno));
		else
			fputs("vcsc: cannot write to standard output\n",
			      stderr);
		said = true;
	}
	return EXIT_TROUBLE;
}

void cli_print_diags(cli *c)
{
	if (c->json_diags) {
		diags_print_json(&c->d, stdout);
		return;
	}
	bool color = c->color == 1 ||
	             (c->color == -1 && isatty(2) && !getenv("NO_COLOR"));
	if (c->printed < c->d.n || (c->d.truncated && c->printed == 0))
		diags_print_from(&c->d, stderr, color, c->printed);
	c->printed = c->d.n;
}

void cli_print_summary(const cli *c)
{
	const diags *d = &c->d;
	if (c->json_diags || d->errors + d->warnings == 0)
		return;
	fprintf(
	    stderr, "%d error%s, %d warning%s%s\n", d->errors,
	    d->errors == 1 ? "" : "s", d->warnings, d->warnings == 1 ? "" : "s",
	    d->werror && d->warnings ? " (--werror: warnings count as errors)"
	                             : "");
}

int cli_status(const cli *c)
{
	if (c->d.io_failed)
		return EXIT_TROUBLE;
	return diags_failed(&c->d) ? EXIT_INPUT : EXIT_OK;
}

/* Every ROOT/CATALOGUE/VERSION with a version.yaml, sorted by path. */
int cli_version_dirs(const char *root, char ***dirs, size_t *n)
{
	size_t cap = 0;
	*dirs = NULL;
	*n = 0;
	DIR *dp = opendir(root);
	if (!dp)
		return -1;
	struct dirent *e;
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *cat = path_join(root, e->d_name);
		DIR *vp = is_dir(cat) ? opendir(cat) : NULL;
		struct dirent *ve;
		while (vp && (ve = readdir(vp)) != NULL) {
			if (ve->d_name[0] == '.')
				continue;
			char *vd = path_join(cat, ve->d_name);
			char *vf = path_join(vd, "version.yaml");
			if (path_entry_exists(vf))
				VEC_PUSH(*dirs, *n, cap, vd);
			else
				free(vd);
			free(vf);
		}
		if (vp)
			closedir(vp);
		free(cat);
	}
	closedir(dp);
	if (*n)
		qsort(*dirs, *n, sizeof(char *), cmp_strp);
	return 0;
}

int cli_parse_color(cli *c, const char *arg)
{
	if (strcmp(arg, "always") == 0)
		c->color = 1;
	else if (strcmp(arg, "never") == 0)
		c->color = 0;
	else if (strcmp(arg, "auto") == 0)
		c->color = -1;
	else
		return -1;
	return 0;
}

char *cli_data_dir(void)
{
	const char *env = getenv("VCSC_DATADIR");
	if (env && *env)
		return xstrdup(env);
	char *exe = realpath("/proc/self/exe", NULL);
	if (exe) {
		char *dir = path_dir(exe);
		free(exe);
		for (int i = 0; i < 3; i++) {
			char *probe = path_join(dir, "templates");
			bool ok = is_dir(probe);
			free(probe);
			if (ok)
				return dir;
			char *up = path_dir(dir);
			free(dir);
			dir = up;
		}
		free(dir);
	}
	return xstrdup(".");
}

char *cli_templates_dir(const char *opt)
{
	if (opt)
		return xstrdup(opt);
	char *data = cli_data_dir();
	char *t = path_join(data, "templates");
	free(data);
	return t;
}
