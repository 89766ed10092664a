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

#include "changelog.h"
#include "site/site.h"

#define X(s) ((const xmlChar *)(s))
#define PAGE "changes.html"
#define CSS_LIMIT (4u << 20)

static xmlNodePtr el(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, NULL, X(name), NULL);
}

static void attr(xmlNodePtr n, const char *k, const char *v)
{
	if (v)
		xmlNewProp(n, X(k), X(v));
}

static void plain(xmlNodePtr parent, const char *name, const char *lang,
                  const char *s)
{
	xmlNodePtr e = el(parent, name);
	attr(e, "lang", lang);
	xmlAddChild(e, xmlNewText(X(s)));
}

static xmlDocPtr page_doc(const diff_result *d, const char *lang,
                          const char *css)
{
	const vc_version *v = d->new;
	const vc_scheme *s = v->scheme;
	xmlDocPtr doc = xmlNewDoc(X("1.0"));
	xmlNodePtr root = xmlNewDocNode(doc, NULL, X("site"), NULL);
	xmlDocSetRootElement(doc, root);
	attr(root, "generator", "vcsc " VCSC_VERSION);
	attr(root, "base-url", "");
	attr(root, "home-lang", lang);
	/* the languages' names, for notes such as "translation not
	 * updated (Deutsch)" */
	for (size_t i = 0; i < v->nlanguages; i++) {
		const vc_language *l = model_language(s, v->languages[i].id);
		xmlNodePtr le = el(root, "language");
		attr(le, "id", v->languages[i].id);
		attr(le, "name", l ? l->name : v->languages[i].id);
	}

	xmlNodePtr cat = el(root, "catalogue");
	attr(cat, "id", v->catalogue);
	xmlNodePtr ve = el(cat, "version");
	attr(ve, "key", v->key);
	attr(ve, "id", v->version);
	attr(ve, "order", "0");
	attr(ve, "draft", v->draft ? "true" : "false");
	attr(ve, "released", v->released);
	attr(ve, "source-lang", v->languages[0].id);
	plain(ve, "title", lang, prose_text(&v->title, lang));
	const char *langs[] = {lang};
	diff_changelog_xml(ve, d, langs, 1);

	plain(root, "style", lang, css);
	xmlNodePtr pages = el(root, "pages");
	xmlNodePtr p = el(pages, "page");
	attr(p, "path", PAGE);
	attr(p, "root", "");
	attr(p, "type", "changes");
	attr(p, "lang", lang);
	attr(p, "catalogue", v->catalogue);
	attr(p, "version", v->key);
	attr(p, "vroot", "");
	attr(p, "ref", d->old->version);
	attr(p, "standalone", "true");
	return doc;
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
	/* the transform writes into a directory of its own beside path */
	char *dir = path_dir(path);
	char *tmpl = xasprintf("%s/.%s.tmp-XXXXXX", dir, path_base(path));
	free(dir);
	if (!mkdtemp(tmpl)) {
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
		free(tmpl);
		goto out;
	}
	free(tmpl);
	page = path_join(tmp, PAGE);
	doc = page_doc(d, lang, css);
	if (site_xslt_run(xsl, doc, tmp, tabs, dg) != 0) {
		dg->io_failed =
		    true; /* the templates' fault, not the input's */
		goto out;
	}
	if (install_file(page, path) != 0) {
		dg->io_failed = true;
		diag_error(dg, NO_POS, "cannot write '%s': %s", path,
		           output_strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (page)
		unlink(page);
	if (tmp)
		rmdir(tmp);
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
