/*
 * diff_html.c - `vcsc diff --format html`: the change log as one
 * standalone HTML page in the website's look.
 *
 * The page is the website's change-log page without the rest of the
 * site: a small site document holding only the new version's name and
 * the <changelog> element (diff_xml.c) goes through
 * templates/site/changelog.xsl, which imports the site's stylesheets and
 * renders the change log with the same templates (changes.xsl) in a
 * shell of its own, with site/style.css inlined so that the file can be
 * mailed or archived alone. There are no links out: the templates find no
 * question pages to link to.
 *
 * The transform writes into a temporary directory beside the target,
 * and the page is renamed into place only when it is complete.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/xml.h"
#include "changelog.h"
#include "site/site.h"

#define PAGE "changes.html"
#define CSS_LIMIT (4u << 20)

/* <NAME lang="LANG">s</NAME> */
static void text_in(xmlNodePtr parent, const char *name, const char *lang,
                    const char *s)
{
	xml_attr(xml_text_el(parent, name, s), "lang", lang);
}

static xmlDocPtr page_doc(const diff_result *d, const char *lang,
                          const char *css)
{
	const vc_version *v = d->new;
	const vc_scheme *s = v->scheme;
	xmlDocPtr doc = xmlNewDoc(XML_STR("1.0"));
	xmlNodePtr root = xmlNewDocNode(doc, NULL, XML_STR("site"), NULL);
	xmlDocSetRootElement(doc, root);
	xml_attr(root, "generator", "vcsc " VCSC_VERSION);
	xml_attr(root, "base-url", "");
	xml_attr(root, "home-lang", lang);
	/* the scheme's own interface words, as on its site */
	xml_attr(root, "scheme", d->new->scheme->id);
	/* the languages' names, for notes such as "translation not
	 * updated (Deutsch)" */
	for (size_t i = 0; i < v->nlanguages; i++) {
		const vc_language *l = model_language(s, v->languages[i].id);
		xmlNodePtr le = xml_el(root, "language");
		xml_attr(le, "id", v->languages[i].id);
		xml_attr(le, "name", l ? l->name : v->languages[i].id);
	}

	xmlNodePtr cat = xml_el(root, "catalogue");
	xml_attr(cat, "id", v->catalogue);
	xmlNodePtr ve = xml_el(cat, "version");
	xml_attr(ve, "key", v->key);
	xml_attr(ve, "id", v->version);
	xml_attr(ve, "order", "0");
	xml_attr_bool(ve, "draft", v->draft);
	xml_attr(ve, "released", v->released);
	xml_attr(ve, "source-lang", v->languages[0].id);
	text_in(ve, "title", lang, prose_text(&v->title, lang));
	const char *langs[] = {lang};
	diff_changelog_xml(ve, d, langs, 1);

	text_in(root, "style", lang, css);
	xmlNodePtr pages = xml_el(root, "pages");
	xmlNodePtr p = xml_el(pages, "page");
	xml_attr(p, "path", PAGE);
	xml_attr(p, "root", "");
	xml_attr(p, "type", "changes");
	xml_attr(p, "lang", lang);
	xml_attr(p, "catalogue", v->catalogue);
	xml_attr(p, "version", v->key);
	xml_attr(p, "vroot", "");
	xml_attr(p, "ref", d->old->version);
	xml_attr(p, "standalone", "true");
	return doc;
}

/* The finished page, written to path as every output is: atomically,
 * through a link only where that is safe, keeping the old file's mode. */
static int copy_page(const char *page, const char *path, diags *dg)
{
	char *data;
	size_t len;
	if (read_file(page, SIZE_MAX / 2, &data, &len) != 0) {
		dg->io_failed = true;
		diag_error(dg, NO_POS,
		           "cannot read the page the templates "
		           "wrote: %s",
		           strerror(errno));
		return -1;
	}
	outfile of;
	int rc = -1;
	if (outfile_open(&of, path) == 0) {
		fwrite(data, 1, len, of.fp);
		rc = outfile_commit(&of);
	}
	if (rc != 0) {
		dg->io_failed = true;
		diag_error(dg, NO_POS, "cannot write '%s': %s", path,
		           output_strerror(errno));
	}
	free(data);
	return rc;
}

int diff_write_html(const diff_result *d, const char *lang, const char *path,
                    const char *data_dir, diags *dg)
{
	int rc = -1;
	char *css = NULL, *tmp = NULL, *tabs = NULL, *page = NULL;
	char *tdir = path_join(data_dir, "templates/site");
	char *xsl = path_join(tdir, "changelog.xsl");
	char *cssp = path_join(data_dir, "site/style.css");
	xmlDocPtr doc = NULL;
	size_t len;

	tabs = realpath(tdir, NULL);
	if (!tabs || !is_file(xsl)) {
		dg->io_failed = true;
		diag_error(dg, NO_POS,
		           "cannot find the change-log template "
		           "'%s' (set VCSC_DATADIR)",
		           xsl);
		goto out;
	}
	if (read_file(cssp, CSS_LIMIT, &css, &len) != 0) {
		dg->io_failed = true;
		diag_error(dg, NO_POS, "cannot read '%s': %s", cssp,
		           strerror(errno));
		goto out;
	}
	/* the transform writes into a directory of its own beside path;
	 * the page then goes to path as any output does (outfile) */
	char *dir = path_dir(path);
	char *tmpl = xasprintf("%s/.%s.tmp-XXXXXX", dir, path_base(path));
	free(dir);
	if (tmp_mkdtemp(tmpl) != 0) {
		dg->io_failed = true;
		diag_error(dg, NO_POS, "cannot write '%s': %s", path,
		           strerror(errno));
		free(tmpl);
		goto out;
	}
	tmp = realpath(tmpl, NULL);
	if (!tmp) {
		dg->io_failed = true;
		diag_error(dg, NO_POS, "cannot resolve '%s': %s", tmpl,
		           strerror(errno));
		rmdir(tmpl);
		tmp_untrack(tmpl);
		free(tmpl);
		goto out;
	}
	tmp_untrack(tmpl);
	tmp_track(tmp, true);
	free(tmpl);
	page = path_join(tmp, PAGE);
	doc = page_doc(d, lang, css);
	if (site_xslt_run(xsl, doc, tmp, tabs, dg) != 0) {
		dg->io_failed =
		    true; /* the templates' fault, not the input's */
		goto out;
	}
	rc = copy_page(page, path, dg);
out:
	if (tmp) {
		rm_tree(tmp);
		tmp_untrack(tmp);
	}
	if (doc)
		xmlFreeDoc(doc);
	free(page);
	free(tmp);
	free(tabs);
	free(css);
	free(cssp);
	free(xsl);
	free(tdir);
	return rc;
}
