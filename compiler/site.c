/*
 * site.c - `vcsc site`: every catalogue version under a catalogue root
 * compiled into one static website.
 *
 * The site is built in a temporary directory beside the target: the XSLT
 * pages, the static assets of site/ (under assets/) and a copy of the
 * files in the downloads folder. Only when all of it succeeded does the
 * new directory take the place of the old one (an atomic exchange where
 * the file system offers it), so a failed build leaves the previous site
 * as it was and never a half-written one.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "cli.h"
#include "site.h"

/* Written into every site so that a later build knows the directory it
 * is about to replace is a site and not, say, the user's home. */
#define MARKER ".vcsc-site"

static const char site_help[] =
	"Usage: vcsc site [--catalogue DIR] -o DIR [OPTIONS]\n"
	"\n"
	"Build the criteria website from every catalogue version under the\n"
	"catalogue root (ROOT/CATALOGUE/VERSION/version.yaml), in every\n"
	"language a version marks complete. The site is built beside DIR and\n"
	"replaces DIR only when complete; all links are relative, so it works\n"
	"from file://, a web server's root or any sub-path.\n"
	"\n"
	"Options:\n"
	"  -o, --output DIR   the site directory (required); an existing DIR\n"
	"                     must be a site built by vcsc, or empty\n"
	"  --catalogue DIR    catalogue root holding scheme.yaml (default:\n"
	"                     catalogue)\n"
	"  --base-url URL     where the site will be served (http or https);\n"
	"                     needed for sitemap.xml, which is left out\n"
	"                     without it\n"
	"  --downloads DIR    the files the downloads pages offer (default:\n"
	"                     the downloads/ folder beside DIR)\n"
	"  --dump-xml FILE    also write the XML the templates read\n"
	"  -q, --quiet        no summary line\n"
	"  -h, --help         show this help\n"
	"\n"
	"Exit status: 0 success, 1 errors in the input, 2 usage or I/O failure.\n";

/* ---- file system helpers ---- */

static int rm_tree_at(int at, const char *name)
{
	struct stat st;
	if (fstatat(at, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlinkat(at, name, 0);
	int fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
	if (fd < 0)
		return -1;
	DIR *dp = fdopendir(fd);
	if (!dp) {
		close(fd);
		return -1;
	}
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(dp)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (rm_tree_at(dirfd(dp), e->d_name) != 0)
			rc = -1;
	}
	closedir(dp);
	if (unlinkat(at, name, AT_REMOVEDIR) != 0)
		rc = -1;
	return rc;
}

static int rm_tree(const char *path)
{
	return rm_tree_at(AT_FDCWD, path);
}

static int copy_file(const char *from, const char *to)
{
	int in = open(from, O_RDONLY);
	if (in < 0)
		return -1;
	int out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	if (out < 0) {
		int e = errno;
		close(in);
		errno = e;
		return -1;
	}
	char b[65536];
	ssize_t n;
	int rc = 0;
	while ((n = read(in, b, sizeof(b))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = -1;
			break;
		}
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(out, b + off, (size_t)(n - off));
			if (w < 0) {
				if (errno == EINTR)
					continue;
				rc = -1;
				break;
			}
			off += w;
		}
		if (rc)
			break;
	}
	int e = errno;
	close(in);
	if (close(out) != 0)
		rc = -1;
	errno = e;
	return rc;
}

/* The regular files of dir (not starting with '.'), sorted. Missing dir:
 * zero files. Returns -1 if dir exists but cannot be read. */
static int list_files(const char *dir, char ***names, size_t *n)
{
	*names = NULL;
	*n = 0;
	size_t cap = 0;
	DIR *dp = opendir(dir);
	if (!dp)
		return errno == ENOENT || errno == ENOTDIR ? 0 : -1;
	struct dirent *e;
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *p = path_join(dir, e->d_name);
		struct stat st;
		if (lstat(p, &st) == 0 && S_ISREG(st.st_mode))
			VEC_PUSH(*names, *n, cap, xstrdup(e->d_name));
		free(p);
	}
	closedir(dp);
	if (*n)
		qsort(*names, *n, sizeof(char *), cmp_strp);
	return 0;
}

/* Copies the tree below from (regular files and directories only) into
 * to, which must exist. */
static int copy_tree(const char *from, const char *to)
{
	DIR *dp = opendir(from);
	if (!dp)
		return -1;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(dp)) != NULL)
		if (e->d_name[0] != '.')
			VEC_PUSH(names, n, cap, xstrdup(e->d_name));
	closedir(dp);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		char *src = path_join(from, names[i]);
		char *dst = path_join(to, names[i]);
		struct stat st;
		if (rc == 0 && lstat(src, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				if (mkdir(dst, 0777) != 0 || copy_tree(src, dst) != 0)
					rc = -1;
			} else if (S_ISREG(st.st_mode)) {
				if (copy_file(src, dst) != 0)
					rc = -1;
			}
		}
		free(src);
		free(dst);
		free(names[i]);
	}
	free(names);
	return rc;
}

static bool dir_is_empty(const char *path)
{
	DIR *dp = opendir(path);
	if (!dp)
		return false;
	struct dirent *e;
	bool empty = true;
	while ((e = readdir(dp)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			empty = false;
	closedir(dp);
	return empty;
}

/* Puts the finished site tmp in place of out. Where the kernel can swap
 * two directories atomically, readers never see a missing site. */
static int replace_dir(const char *tmp, const char *out, const char *old)
{
	if (!is_dir(out))
		return rename(tmp, out);
#ifdef SYS_renameat2
	/* RENAME_EXCHANGE = 2; glibc's wrapper needs _GNU_SOURCE */
	if (syscall(SYS_renameat2, AT_FDCWD, tmp, AT_FDCWD, out, 2) == 0)
		return rename(tmp, old); /* tmp now holds the old site */
#endif
	if (rename(out, old) != 0)
		return -1;
	if (rename(tmp, out) != 0) {
		int e = errno;
		rename(old, out);
		errno = e;
		return -1;
	}
	return 0;
}

/* ---- inputs ---- */

/* Ids that become path segments: letters, digits, '.', '_', '-', not
 * starting with '.'. */
static bool safe_segment(const char *s)
{
	if (!s || !*s || *s == '.' || strlen(s) > 64)
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' ||
		      *p == '-'))
			return false;
	return true;
}

static bool valid_base_url(const char *u)
{
	if (strncmp(u, "https://", 8) != 0 && strncmp(u, "http://", 7) != 0)
		return false;
	const char *host = strstr(u, "//") + 2;
	if (!*host || *host == '/')
		return false;
	for (const unsigned char *p = (const unsigned char *)u; *p; p++)
		if (*p <= 0x20 || *p >= 0x7F || *p == '"' || *p == '<' ||
		    *p == '>' || *p == '\\' || *p == '#' || *p == '?' ||
		    *p == '`' || *p == '\'')
			return false;
	return true;
}

static int cmp_version(const void *pa, const void *pb)
{
	const vc_version *a = *(vc_version *const *)pa;
	const vc_version *b = *(vc_version *const *)pb;
	int c = strcmp(a->catalogue, b->catalogue);
	return c ? c : site_version_cmp(a->version, b->version);
}

/* ---- the build ---- */

typedef struct build {
	cli *c;
	const site_options *o;
	char *out; /* o->out, or the target of the link it names */
	vc_version **versions;
	size_t nversions;
	char **dl_names;
	size_t ndl;
	site_download *dl;
	char *dl_dir;
	char *data;
	char *tmp; /* absolute */
	xmlDocPtr doc;
} build;

static int io_error(build *b, const char *what, const char *path)
{
	b->c->d.io_failed = true;
	diag_error(&b->c->d, NO_POS, "%s '%s': %s", what, path, strerror(errno));
	return -1;
}

static int load(build *b)
{
	cli *c = b->c;
	const char *root = c->catalogue_root;
	char *sp = path_join(root, "scheme.yaml");
	vc_scheme *s = cli_scheme(c, sp);
	free(sp);
	if (!s)
		return -1;
	char **dirs;
	size_t n;
	if (cli_version_dirs(root, &dirs, &n) != 0)
		return io_error(b, "cannot read the catalogue root", root);
	size_t cap = 0;
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		vc_version *v = cli_version(c, dirs[i]);
		if (v)
			VEC_PUSH(b->versions, b->nversions, cap, v);
		else
			rc = -1;
		free(dirs[i]);
	}
	free(dirs);
	if (rc)
		return -1;
	if (!b->nversions) {
		diag_error(&c->d, NO_POS, "no catalogue version under '%s' "
			   "(expected %s/CATALOGUE/VERSION/version.yaml)",
			   root, root);
		return -1;
	}
	for (size_t i = 0; i < b->nversions; i++) {
		vc_version *v = b->versions[i];
		if (!safe_segment(v->catalogue) || !safe_segment(v->version)) {
			diag_error(&c->d, v->pos, "'%s' cannot be part of a web "
				   "address: catalogue and version ids may use "
				   "letters, digits, '.', '_' and '-'", v->key);
			rc = -1;
		}
		for (size_t j = 0; j < s->nlanguages && i == 0; j++)
			if (!safe_segment(s->languages[j].id) ||
			    strcmp(s->languages[j].id, "q") == 0 ||
			    strcmp(s->languages[j].id, "latest") == 0) {
				diag_error(&c->d, s->languages[j].pos,
					   "language id '%s' cannot name a "
					   "folder of the site",
					   s->languages[j].id);
				rc = -1;
			}
		for (size_t j = 0; j < s->nlanguages; j++)
			if (strcmp(s->languages[j].id, v->catalogue) == 0) {
				diag_error(&c->d, v->pos, "catalogue id '%s' "
					   "is also a language id; the site "
					   "would mix their folders", v->catalogue);
				rc = -1;
			}
		if (strcmp(v->version, "latest") == 0 ||
		    strcmp(v->version, "q") == 0) {
			diag_error(&c->d, v->pos, "version id '%s' is reserved "
				   "by the site", v->version);
			rc = -1;
		}
	}
	qsort(b->versions, b->nversions, sizeof(*b->versions), cmp_version);
	return rc;
}

static int downloads(build *b)
{
	if (list_files(b->dl_dir, &b->dl_names, &b->ndl) != 0)
		return io_error(b, "cannot read the downloads folder", b->dl_dir);
	b->dl = xcalloc(b->ndl ? b->ndl : 1, sizeof(*b->dl));
	for (size_t i = 0; i < b->ndl; i++) {
		char *p = path_join(b->dl_dir, b->dl_names[i]);
		struct stat st;
		if (stat(p, &st) != 0) {
			io_error(b, "cannot read", p);
			free(p);
			return -1;
		}
		free(p);
		b->dl[i].name = b->dl_names[i];
		b->dl[i].size = (long long)st.st_size;
	}
	return 0;
}

static int dump_xml(build *b)
{
	outfile of;
	if (outfile_open(&of, b->o->dump_xml) != 0)
		return io_error(b, "cannot write", b->o->dump_xml);
	xmlDocFormatDump(of.fp, b->doc, 1);
	if (outfile_commit(&of) != 0)
		return io_error(b, "cannot write", b->o->dump_xml);
	return 0;
}

static int make_tmp(build *b)
{
	char *parent = path_dir(b->out);
	if (mkdir_p(parent, 0777) != 0) {
		io_error(b, "cannot create", parent);
		free(parent);
		return -1;
	}
	char *tmpl = xasprintf("%s/.%s.tmp-XXXXXX", parent, path_base(b->out));
	free(parent);
	if (!mkdtemp(tmpl)) {
		io_error(b, "cannot create a directory beside", b->out);
		free(tmpl);
		return -1;
	}
	chmod(tmpl, 0755);
	b->tmp = realpath(tmpl, NULL);
	if (!b->tmp) {
		io_error(b, "cannot resolve", tmpl);
		rmdir(tmpl);
		free(tmpl);
		return -1;
	}
	free(tmpl);
	return 0;
}

static int fill(build *b)
{
	/* pages */
	char *tdir = path_join(b->data, "templates/site");
	char *tabs = realpath(tdir, NULL);
	char *xsl = path_join(tdir, "site.xsl");
	int rc = 0;
	if (!tabs || !is_file(xsl)) {
		errno = ENOENT;
		io_error(b, "cannot find the site templates", xsl);
		rc = -1;
	} else if (site_xslt_run(xsl, b->doc, b->tmp, tabs, &b->c->d) != 0) {
		b->c->d.io_failed = true; /* not the catalogue's fault */
		rc = -1;
	}
	free(tdir);
	free(tabs);
	free(xsl);
	if (rc)
		return -1;

	/* the search index of each version and language, beside its pages */
	if (site_search_write(b->versions, b->nversions, b->tmp, &b->c->d) != 0)
		return -1;

	/* static assets */
	char *assets = path_join(b->data, "site");
	char *adst = path_join(b->tmp, "assets");
	if (!is_dir(assets)) {
		errno = ENOENT;
		rc = io_error(b, "cannot find the site assets", assets);
	} else if (mkdir(adst, 0777) != 0 || copy_tree(assets, adst) != 0) {
		rc = io_error(b, "cannot copy the site assets into", adst);
	}
	free(assets);
	free(adst);
	if (rc)
		return -1;

	/* downloads */
	char *ddst = path_join(b->tmp, "downloads");
	if (mkdir(ddst, 0777) != 0)
		rc = io_error(b, "cannot create", ddst);
	for (size_t i = 0; rc == 0 && i < b->ndl; i++) {
		char *src = path_join(b->dl_dir, b->dl_names[i]);
		char *dst = path_join(ddst, b->dl_names[i]);
		if (copy_file(src, dst) != 0)
			rc = io_error(b, "cannot copy", src);
		free(src);
		free(dst);
	}
	free(ddst);
	if (rc)
		return -1;

	char *marker = path_join(b->tmp, MARKER);
	FILE *fp = fopen(marker, "w");
	if (!fp || fputs("built by vcsc site; replaced whole by the next "
			 "build\n", fp) < 0 || fclose(fp) != 0) {
		rc = io_error(b, "cannot write", marker);
	}
	free(marker);
	return rc;
}

static int put_in_place(build *b)
{
	const char *out = b->out;
	if (is_dir(out)) {
		char *m = path_join(out, MARKER);
		bool ours = is_file(m) || dir_is_empty(out);
		free(m);
		if (!ours) {
			b->c->d.io_failed = true;
			diag_error(&b->c->d, NO_POS, "'%s' exists and is not a site "
				   "built by vcsc; choose another -o or remove it",
				   out);
			return -1;
		}
	} else if (access(out, F_OK) == 0) {
		b->c->d.io_failed = true;
		diag_error(&b->c->d, NO_POS, "'%s' exists and is not a "
			   "directory", out);
		return -1;
	}
	char *old = xasprintf("%s.old", b->tmp);
	int rc = replace_dir(b->tmp, out, old);
	if (rc != 0)
		io_error(b, "cannot move the new site into place at", out);
	else
		rm_tree(old);
	free(old);
	return rc;
}

static void count_pages(xmlDocPtr doc, size_t *pages, size_t *redirects)
{
	*pages = *redirects = 0;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	for (xmlNodePtr n = root->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)n->name, "pages") != 0)
			continue;
		for (xmlNodePtr p = n->children; p; p = p->next) {
			xmlChar *t = xmlGetProp(p, (const xmlChar *)"type");
			if (t && strcmp((char *)t, "redirect") == 0)
				(*redirects)++;
			else
				(*pages)++;
			xmlFree(t);
		}
	}
}

static int site_build(cli *c, const site_options *o)
{
	build b = {0};
	b.c = c;
	b.o = o;
	/* A symbolic link to a site: replace the site, keep the link. */
	b.out = path_output_target(o->out);
	int rc = -1;
	if (load(&b) != 0)
		goto out;
	if (o->downloads) {
		b.dl_dir = xstrdup(o->downloads);
	} else {
		char *parent = path_dir(o->out);
		b.dl_dir = path_join(parent, "downloads");
		free(parent);
	}
	if (downloads(&b) != 0)
		goto out;
	b.data = o->data_dir ? xstrdup(o->data_dir) : cli_data_dir();
	site_input in = {
		.scheme = b.versions[0]->scheme,
		.versions = b.versions,
		.nversions = b.nversions,
		.downloads = b.dl,
		.ndownloads = b.ndl,
		.base_url = o->base_url,
	};
	b.doc = site_xml_build(&in);
	if (o->dump_xml && dump_xml(&b) != 0)
		goto out;
	if (make_tmp(&b) != 0)
		goto out;
	if (fill(&b) != 0 || put_in_place(&b) != 0) {
		rm_tree(b.tmp);
		goto out;
	}
	if (!o->quiet) {
		size_t pages, redirects;
		count_pages(b.doc, &pages, &redirects);
		printf("%s: %zu pages and %zu redirect pages from %zu "
		       "version%s%s\n", o->out, pages, redirects, b.nversions,
		       b.nversions == 1 ? "" : "s",
		       o->base_url ? "" : "; no sitemap.xml without --base-url");
	}
	rc = 0;
out:
	if (b.doc)
		xmlFreeDoc(b.doc);
	for (size_t i = 0; i < b.nversions; i++)
		model_version_free(b.versions[i]);
	free(b.versions);
	for (size_t i = 0; i < b.ndl; i++)
		free(b.dl_names[i]);
	free(b.dl_names);
	free(b.dl);
	free(b.dl_dir);
	free(b.out);
	free(b.data);
	free(b.tmp);
	return rc;
}

int cmd_site(int argc, char **argv)
{
	static const struct option opts[] = {
		{"catalogue", required_argument, NULL, 'C'},
		{"output", required_argument, NULL, 'o'},
		{"base-url", required_argument, NULL, 'B'},
		{"downloads", required_argument, NULL, 'D'},
		{"dump-xml", required_argument, NULL, 'X'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{0, 0, 0, 0}};
	site_options o = {0};
	cli c;
	cli_init(&c);
	char *base = NULL;
	int opt, rc;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "o:qh", opts, NULL)) != -1) {
		switch (opt) {
		case 'C': c.catalogue_root = optarg; break;
		case 'o': o.out = optarg; break;
		case 'B':
			free(base);
			base = xstrdup(optarg);
			break;
		case 'D': o.downloads = optarg; break;
		case 'X': o.dump_xml = optarg; break;
		case 'q': o.quiet = true; break;
		case 'h':
			fputs(site_help, stdout);
			free(base);
			cli_free(&c);
			return EXIT_OK;
		default:
			free(base);
			cli_free(&c);
			return cli_bad_option("site", argv, "o:qh");
		}
	}
	if (optind != argc || !o.out || !*o.out) {
		free(base);
		cli_free(&c);
		if (optind != argc)
			return cli_usage("site", "unexpected argument '%s'",
					 argv[optind]);
		return cli_usage("site", "-o DIR is required");
	}
	if (base) {
		size_t n = strlen(base);
		while (n && base[n - 1] == '/')
			base[--n] = '\0';
		if (!valid_base_url(base)) {
			rc = cli_usage("site", "--base-url takes an http or "
				       "https URL without spaces, quotes, '?' "
				       "or '#', not '%s'", base);
			free(base);
			cli_free(&c);
			return rc;
		}
		o.base_url = base;
	}
	if (!c.catalogue_root)
		c.catalogue_root = "catalogue";
	o.catalogue_root = c.catalogue_root;
	site_build(&c, &o);
	cli_print_diags(&c);
	rc = cli_status(&c);
	if (rc == EXIT_OK && c.d.errors)
		rc = EXIT_INPUT;
	free(base);
	cli_free(&c);
	site_xslt_cleanup();
	return rc;
}
