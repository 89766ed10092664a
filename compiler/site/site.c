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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "site.h"

/* Written into every site so that a later build knows the directory it
 * is about to replace is a site and not, say, the user's home. */
#define MARKER ".vcsc-site"

/* ---- file system helpers ---- */

/* The regular files of dir (not starting with '.'), sorted. Missing dir:
 * zero files. Returns -1 if dir exists but cannot be read. */
static int list_files(const char *dir, char ***names, size_t *n)
{
	if (dir_names(dir, false, names, n) != 0)
		return errno == ENOENT || errno == ENOTDIR ? 0 : -1;
	size_t k = 0;
	for (size_t i = 0; i < *n; i++) {
		char *p = path_join(dir, (*names)[i]);
		struct stat st;
		if (lstat(p, &st) == 0 && S_ISREG(st.st_mode))
			(*names)[k++] = (*names)[i];
		else
			free((*names)[i]);
		free(p);
	}
	*n = k;
	return 0;
}

/* Puts the finished site tmp in place of out. Where the kernel can swap
 * two directories atomically, readers never see a missing site. */
/* Holds an exclusive lock on directory dir for as long as the returned
 * descriptor is open (-1 if it cannot be had): a build locks what it
 * writes or removes, so that another build never takes it for a
 * leftover. */
static int lock_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0 && flock(fd, LOCK_EX) != 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

static int replace_dir(const char *tmp, const char *out)
{
	if (!is_dir(out))
		return rename(tmp, out);
#ifdef SYS_renameat2
	/* RENAME_EXCHANGE = 2; glibc's wrapper needs _GNU_SOURCE */
	if (syscall(SYS_renameat2, AT_FDCWD, tmp, AT_FDCWD, out, 2) == 0) {
		rm_tree(tmp); /* tmp now holds the old site */
		return 0;
	}
#endif
	/* Two renames: an interrupt between them would leave no site at
	 * out, so the signals wait until the new site is in place. */
	char *old = xasprintf("%s.old", tmp);
	int lock = lock_dir(out);
	sigset_t saved;
	tmp_signals_block(&saved);
	int rc = -1;
	if (rename(out, old) == 0) {
		if (rename(tmp, out) == 0) {
			tmp_untrack(tmp); /* out now */
			tmp_track(old, true);
			rc = 0;
		} else {
			int e = errno;
			rename(old, out);
			errno = e;
		}
	}
	tmp_signals_restore(&saved);
	if (rc == 0) {
		rm_tree(old);
		tmp_untrack(old);
	}
	if (lock >= 0)
		close(lock);
	free(old);
	return rc;
}

/* The output directory is the current directory, or holds it: renaming
 * it would pull the folder from under the user's shell. Its entries are
 * exchanged one by one instead (each atomically where the kernel can),
 * and what the old site had but the new one has not is removed. */
static int replace_entries(const char *tmp, const char *out)
{
	char **names, **olds = NULL;
	size_t n, nold = 0;
	if (dir_names(tmp, true, &names, &n) != 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *src = path_join(tmp, names[i]);
		char *dst = path_join(out, names[i]);
		rc = replace_dir(src, dst);
		free(src);
		free(dst);
	}
	/* entries only the old site had */
	if (rc == 0 && dir_names(out, true, &olds, &nold) == 0) {
		for (size_t i = 0; i < nold; i++) {
			if (bsearch(&olds[i], names, n, sizeof(*names),
			            cmp_strp))
				continue;
			char *p = path_join(out, olds[i]);
			rm_tree(p);
			free(p);
		}
	}
	names_free(olds, nold);
	names_free(names, n);
	return rc;
}

/* True when dir is the current directory or one of its ancestors. */
static bool holds_cwd(const char *dir)
{
	char *cwd = realpath(".", NULL), *d = realpath(dir, NULL);
	bool r = false;
	if (cwd && d) {
		size_t n = strlen(d);
		r = strncmp(cwd, d, n) == 0 &&
		    (cwd[n] == '\0' || cwd[n] == '/' || strcmp(d, "/") == 0);
	}
	free(cwd);
	free(d);
	return r;
}

/* ---- inputs ---- */

static int cmp_version(const void *pa, const void *pb)
{
	const vc_version *a = *(vc_version *const *)pa;
	const vc_version *b = *(vc_version *const *)pb;
	int c = strcmp(a->catalogue, b->catalogue);
	return c ? c : site_version_cmp(a->version, b->version);
}

/* ---- the build ---- */

typedef struct build {
	diags *d;
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
	int lock;  /* lock_dir(tmp) for the whole build */
	xmlDocPtr doc;
} build;

static int io_error(build *b, const char *what, const char *path)
{
	b->d->io_failed = true;
	diag_error(b->d, NO_POS, "%s '%s': %s", what, path,
	           output_strerror(errno));
	return -1;
}

static int downloads(build *b)
{
	if (list_files(b->dl_dir, &b->dl_names, &b->ndl) != 0)
		return io_error(b, "cannot read the downloads folder",
		                b->dl_dir);
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

/* A directory younger than this is never taken for a leftover: it may
 * be another build's, between its creation and its lock. */
#define LEFTOVER_AGE 10

/* The temporary directories that earlier builds of the same site left
 * when they were killed outright (SIGKILL, a power cut): PARENT/.BASE.
 * tmp-XXXXXX, with ".old" for a previous site being removed, owned by us,
 * not changed for LEFTOVER_AGE seconds and locked by no build
 * (lock_dir). */
static void remove_leftovers(const char *parent, const char *base)
{
	char *prefix = xasprintf(".%s.tmp-", base);
	size_t pl = strlen(prefix);
	char **names;
	size_t n;
	if (dir_names(parent, true, &names, &n) != 0)
		n = 0;
	time_t now = time(NULL);
	for (size_t i = 0; i < n; i++) {
		const char *rest = names[i] + pl;
		if (strncmp(names[i], prefix, pl) != 0 ||
		    strspn(rest, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrs"
		                 "tuvwxyz0123456789") != 6 ||
		    (rest[6] && strcmp(rest + 6, ".old") != 0))
			continue;
		char *p = path_join(parent, names[i]);
		struct stat st;
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode) &&
		    st.st_uid == geteuid() &&
		    now - st.st_mtime > LEFTOVER_AGE) {
			int fd = open(p, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
			if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
				rm_tree(p);
			if (fd >= 0)
				close(fd);
		}
		free(p);
	}
	names_free(names, n);
	free(prefix);
}

static int make_tmp(build *b)
{
	char *parent = path_dir(b->out);
	if (mkdir_p(parent, 0777) != 0) {
		io_error(b, "cannot create", parent);
		free(parent);
		return -1;
	}
	remove_leftovers(parent, path_base(b->out));
	char *tmpl = xasprintf("%s/.%s.tmp-XXXXXX", parent, path_base(b->out));
	free(parent);
	/* Created, resolved and tracked with the signals held, so that an
	 * interrupt removes it whatever moment it comes at. */
	sigset_t saved;
	tmp_signals_block(&saved);
	if (mkdtemp(tmpl)) {
		b->tmp = realpath(tmpl, NULL);
		tmp_track(b->tmp ? b->tmp : tmpl, true);
	}
	int e = errno;
	tmp_signals_restore(&saved);
	if (!b->tmp) {
		errno = e;
		io_error(b, "cannot create a directory beside", b->out);
		rmdir(tmpl);
		tmp_untrack(tmpl);
		free(tmpl);
		return -1;
	}
	free(tmpl);
	b->lock = lock_dir(b->tmp);
	/* the mode of the site it replaces, else that of a new directory */
	struct stat st;
	mode_t um = umask(0);
	umask(um);
	chmod(b->tmp, stat(b->out, &st) == 0 ? st.st_mode & 0777 : 0777 & ~um);
	return 0;
}

/* Writes the whole site into the temporary directory b->tmp: the pages,
 * the search indexes, the assets, the downloads and the marker that
 * says vcsc built it. */
static int write_into_tmp(build *b)
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
	} else if (site_xslt_run(xsl, b->doc, b->tmp, tabs, b->d) != 0) {
		b->d->io_failed = true; /* not the catalogue's fault */
		rc = -1;
	}
	free(tdir);
	free(tabs);
	free(xsl);
	if (rc)
		return -1;

	/* the search index of each version and language, beside its pages */
	if (site_search_write(b->versions, b->nversions, b->tmp, b->d) != 0)
		return -1;

	/* static assets, beside those the templates wrote (the level
	 * colours of the scheme, assets/levels.css) */
	char *assets = path_join(b->data, "site");
	char *adst = path_join(b->tmp, "assets");
	if (!is_dir(assets)) {
		errno = ENOENT;
		rc = io_error(b, "cannot find the site assets", assets);
	} else if ((mkdir(adst, 0777) != 0 && errno != EEXIST) ||
	           copy_tree(assets, adst) != 0) {
		rc = io_error(b, "cannot copy the site assets into", adst);
	}
	free(assets);
	free(adst);
	if (rc)
		return -1;

	/* the certificates' status file */
	if (site_cert_files(b->o, b->tmp, b->d) != 0)
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
	if (!fp ||
	    fputs("built by vcsc site; replaced whole by the next "
	          "build\n",
	          fp) < 0 ||
	    fclose(fp) != 0) {
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
			b->d->io_failed = true;
			diag_error(
			    b->d, NO_POS,
			    "'%s' exists and is not a site "
			    "built by vcsc; choose another -o or remove it",
			    out);
			return -1;
		}
	} else if (access(out, F_OK) == 0) {
		b->d->io_failed = true;
		diag_error(b->d, NO_POS,
		           "'%s' exists and is not a "
		           "directory",
		           out);
		return -1;
	}
	int rc;
	if (holds_cwd(out)) {
		rc = replace_entries(b->tmp, out);
		if (rc == 0)
			rm_tree(b->tmp); /* empty by now */
	} else {
		rc = replace_dir(b->tmp, out);
	}
	if (rc != 0)
		io_error(b, "cannot move the new site into place at", out);
	return rc;
}

/* The site directory -o names, as a path whose last component can be
 * renamed: without trailing slashes, and absolute where it ends in "."
 * or "..". A symbolic link is resolved as for any output (output_target),
 * so that a link to a site keeps pointing at the rebuilt site. */
static char *site_dir(build *b, const char *arg, char **named)
{
	*named = NULL;
	char *p = xstrdup(arg);
	size_t n = strlen(p);
	while (n > 1 && p[n - 1] == '/')
		p[--n] = '\0';
	const char *base = path_base(p);
	if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
		char *abs = realpath(p, NULL);
		if (!abs) {
			io_error(b, "cannot resolve", arg);
			free(p);
			return NULL;
		}
		free(p);
		p = abs;
	}
	char *target;
	if (output_target(p, &target) != 0) {
		b->d->io_failed = true;
		diag_error(b->d, NO_POS, "cannot write the site to '%s': %s",
		           arg, output_strerror(errno));
		free(p);
		return NULL;
	}
	*named = p;
	return target;
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

int site_write(vc_version *const *versions, size_t n, const site_options *o,
               const char *out, site_stats *stats, diags *d)
{
	build b = {0};
	b.lock = -1;
	b.d = d;
	b.o = o;
	int rc = -1;
	char *named = NULL;
	if (!n) {
		diag_error(d, NO_POS, "no catalogue version to publish");
		return -1;
	}
	/* ordered by catalogue, then version number */
	b.versions = xcalloc(n, sizeof(*b.versions));
	memcpy(b.versions, versions, n * sizeof(*b.versions));
	b.nversions = n;
	qsort(b.versions, n, sizeof(*b.versions), cmp_version);
	/* A symbolic link to a site: replace the site, keep the link. */
	b.out = site_dir(&b, out, &named);
	if (!b.out)
		goto out;
	if (o->downloads) {
		b.dl_dir = xstrdup(o->downloads);
	} else {
		char *parent = path_dir(named);
		b.dl_dir = path_join(parent, "downloads");
		free(parent);
	}
	if (downloads(&b) != 0)
		goto out;
	b.data = xstrdup(o->data_dir);
	site_input in = {
	    .scheme = b.versions[0]->scheme,
	    .versions = b.versions,
	    .nversions = b.nversions,
	    .downloads = b.dl,
	    .ndownloads = b.ndl,
	    .base_url = o->base_url,
	    .keys = o->keys,
	    .status = o->status != NULL,
	};
	if (site_cert_check(o, d) != 0)
		goto out;
	b.doc = site_xml_build(&in);
	if (o->dump_xml && dump_xml(&b) != 0)
		goto out;
	if (make_tmp(&b) != 0 || write_into_tmp(&b) != 0 ||
	    put_in_place(&b) != 0)
		goto out;
	tmp_untrack(b.tmp);
	if (stats) {
		count_pages(b.doc, &stats->pages, &stats->redirects);
		stats->versions = b.nversions;
	}
	rc = 0;
out:
	if (rc != 0 && b.tmp) {
		/* a failed build leaves nothing behind */
		rm_tree(b.tmp);
		tmp_untrack(b.tmp);
	}
	if (b.lock >= 0)
		close(b.lock);
	if (b.doc)
		xmlFreeDoc(b.doc);
	free(b.versions);
	for (size_t i = 0; i < b.ndl; i++)
		free(b.dl_names[i]);
	free(b.dl_names);
	free(b.dl);
	free(b.dl_dir);
	free(b.out);
	free(named);
	free(b.data);
	free(b.tmp);
	return rc;
}
