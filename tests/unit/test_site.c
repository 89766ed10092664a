/* Unit tests for the website back end: Markdown to XHTML, ordering, the
 * site document and the XSLT security preferences. */
#include <stdlib.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "front/model.h"
#include "site/site.h"
#include "unit.h"

/* The XHTML that site_md_append makes of md, serialized. */
static char *md(const char *text, int shift)
{
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = xmlNewDocNode(doc, NULL, (const xmlChar *)"r", NULL);
	xmlDocSetRootElement(doc, root);
	site_md_append(root, text, shift);
	xmlBufferPtr b = xmlBufferCreate();
	for (xmlNodePtr n = root->children; n; n = n->next)
		xmlNodeDump(b, doc, n, 0, 0);
	char *s = xstrdup((const char *)xmlBufferContent(b));
	xmlBufferFree(b);
	xmlFreeDoc(doc);
	return s;
}

#define CHECK_MD(in, shift, want)                                              \
	do {                                                                   \
		char *got_ = md(in, shift);                                    \
		CHECK_STR(got_, want);                                         \
		free(got_);                                                    \
	} while (0)

void test_site_md_basic(void)
{
	CHECK_MD("Some *em* and **strong** and `code`.", 0,
	         "<p>Some <em>em</em> and <strong>strong</strong> and "
	         "<code>code</code>.</p>");
	CHECK_MD("- a\n- b\n", 0, "<ul><li>a</li><li>b</li></ul>");
	CHECK_MD("3. x\n4. y\n", 0,
	         "<ol start=\"3\"><li>x</li><li>y</li></ol>");
	CHECK_MD("# Head\n", 2, "<h3>Head</h3>");
	CHECK_MD("###### Deep\n", 3, "<h6>Deep</h6>");
	CHECK_MD("~~old~~ www.example.org", 0,
	         "<p><del>old</del> <a href=\"http://www.example.org\">"
	         "www.example.org</a></p>");
	CHECK_MD("| a | b |\n|---|--:|\n| 1 | 2 |\n", 0,
	         "<div class=\"table-wrap\"><table><thead><tr><th>a</th>"
	         "<th class=\"align-right\">b</th></tr></thead><tbody><tr>"
	         "<td>1</td><td class=\"align-right\">2</td></tr></tbody>"
	         "</table></div>");
	CHECK_MD(
	    "[t](https://e.org/ \"ti\\\"tle\")", 0,
	    "<p><a href=\"https://e.org/\" title=\"ti&quot;tle\">t</a></p>");
}

void test_site_md_hostile(void)
{
	/* raw HTML is text, never markup */
	CHECK_MD(
	    "<script>alert(1)</script>\n", 0,
	    "<p class=\"raw-html\">&lt;script&gt;alert(1)&lt;/script&gt;</p>");
	CHECK_MD("a <img src=x onerror=alert(1)> b", 0,
	         "<p>a &lt;img src=x onerror=alert(1)&gt; b</p>");
	/* dangerous links lose the link, keep the text */
	CHECK_MD("[x](javascript:alert(1))", 0, "<p>x</p>");
	CHECK_MD("[x](JAVASCRIPT:alert(1))", 0, "<p>x</p>");
	CHECK_MD("[x](&#106;avascript:alert(1))", 0, "<p>x</p>");
	CHECK_MD("[x](vbscript:msgbox)", 0, "<p>x</p>");
	CHECK_MD("[x](data:text/html;base64,AAAA)", 0, "<p>x</p>");
	CHECK_MD("<javascript:alert(1)>", 0, "<p>javascript:alert(1)</p>");
	/* attribute injection stays inside the attribute value */
	CHECK_MD("[x](https://e.org/\"onmouseover=\"alert(1))", 0,
	         "<p><a "
	         "href=\"https://e.org/&quot;onmouseover=&quot;alert(1)\">x</"
	         "a></p>");
	/* images are links to the image, or just their text */
	CHECK_MD("![alt](https://e.org/i.png)", 0,
	         "<p><a href=\"https://e.org/i.png\" "
	         "class=\"image-link\">alt</a></p>");
	CHECK_MD("![alt](javascript:alert(1))", 0, "<p>alt</p>");
	/* deep nesting: no element beyond the cap, the text survives */
	char deep[2100];
	size_t n = 0;
	for (int i = 0; i < 1000; i++) {
		deep[n++] = '>';
		deep[n++] = ' ';
	}
	memcpy(deep + n, "deep", 5);
	char *s = md(deep, 0);
	CHECK(strstr(s, "deep") != NULL);
	size_t quotes = 0;
	for (const char *p = s; (p = strstr(p, "<blockquote>")); p++)
		quotes++;
	CHECK(quotes <= 26);
	free(s);
}

void test_site_ordering(void)
{
	CHECK(site_version_cmp("1.9", "1.10") < 0);
	CHECK(site_version_cmp("1.10", "1.9") > 0);
	CHECK(site_version_cmp("1.1", "1.1") == 0);
	CHECK(site_version_cmp("1.1", "1.1.1") < 0);
	CHECK(site_version_cmp("2.0", "10.0") < 0);
	CHECK(site_version_cmp("1.0-rc", "1.0") > 0);
	CHECK(site_natural_cmp("RQ-05-2", "RQ-05-10") < 0);
	CHECK(site_natural_cmp("RQ-05-01", "RQ-15-03") < 0);
	CHECK(site_natural_cmp("7.2.2.2(a)", "7.2.10") < 0);
	CHECK(site_natural_cmp("RC-05-01", "RQ-05-01") < 0);
	CHECK(site_natural_cmp("A.5.1", "A.5.1") == 0);
}

/* The site document of the mini fixture. */
static xmlDocPtr mini_doc(vc_scheme **s, vc_version **v, diags *d)
{
	static const char *const dirs[] = {"tests/fixtures/mini/vcsa/1.0",
	                                   "tests/fixtures/mini/vcsa/1.1",
	                                   "tests/fixtures/mini/vcsa/1.2"};
	diags_init(d);
	*s = model_scheme_load("tests/fixtures/mini/scheme.yaml", d);
	for (size_t i = 0; i < 3; i++)
		v[i] = model_version_load(*s, dirs[i], d);
	site_download dl[] = {{"vcsa-1.1-en.pdf", 2048},
	                      {"other.txt", 3},
	                      {"vcsa-1.1-1.2-release-notes-en.pdf", 9}};
	site_input in = {*s, v, 3, dl, 3, "https://e.org"};
	return site_xml_build(&in);
}

static void mini_free(xmlDocPtr doc, vc_scheme *s, vc_version **v, diags *d)
{
	xmlFreeDoc(doc);
	for (size_t i = 0; i < 3; i++)
		model_version_free(v[i]);
	model_scheme_free(s);
	diags_free(d);
}

/* Value of attribute a of the first element matching an XPath-free
 * search: the page element with the given path. */
static xmlNodePtr find_page(xmlDocPtr doc, const char *path)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	for (xmlNodePtr n = root->children; n; n = n->next) {
		if (strcmp((const char *)n->name, "pages") != 0)
			continue;
		for (xmlNodePtr p = n->children; p; p = p->next) {
			xmlChar *v = xmlGetProp(p, (const xmlChar *)"path");
			bool hit = v && strcmp((char *)v, path) == 0;
			xmlFree(v);
			if (hit)
				return p;
		}
	}
	return NULL;
}

static bool has_prop(xmlNodePtr n, const char *name, const char *want)
{
	xmlChar *v = n ? xmlGetProp(n, (const xmlChar *)name) : NULL;
	bool ok = v && strcmp((char *)v, want) == 0;
	xmlFree(v);
	return ok;
}

void test_site_xml_pages(void)
{
	vc_scheme *s;
	vc_version *v[3];
	diags d;
	xmlDocPtr doc = mini_doc(&s, v, &d);
	CHECK_INT(d.errors, 0);
	/* pages of each version and language, a redirect per version */
	xmlNodePtr q = find_page(doc, "vcsa/1.1/en/questions/1.3.html");
	CHECK(has_prop(q, "type", "question"));
	CHECK(has_prop(q, "root", "../../../../"));
	CHECK(has_prop(q, "vroot", "../"));
	CHECK(find_page(doc, "vcsa/1.1/de/questions/1.3.html") != NULL);
	CHECK(find_page(doc, "vcsa/1.2/de/index.html") == NULL); /* partial */
	CHECK(has_prop(find_page(doc, "vcsa/1.2/index.html"), "target",
	               "vcsa/1.2/en/index.html"));
	/* latest is the newest released version, not the draft */
	CHECK(has_prop(find_page(doc, "vcsa/latest/index.html"), "target",
	               "vcsa/1.1/en/index.html"));
	CHECK(has_prop(find_page(doc, "vcsa/latest/de/questions/1.3.html"),
	               "target", "vcsa/1.1/de/questions/1.3.html"));
	/* downloads belong to the version their name holds; release notes
	 * CAT-OLD-NEW to the newer one */
	int seen = 0;
	for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n;
	     n = n->next) {
		if (strcmp((const char *)n->name, "downloads") != 0)
			continue;
		for (xmlNodePtr f = n->children; f; f = f->next) {
			if (has_prop(f, "name", "vcsa-1.1-en.pdf")) {
				CHECK(has_prop(f, "version", "vcsa/1.1"));
				seen++;
			} else if (has_prop(
			               f, "name",
			               "vcsa-1.1-1.2-release-notes-en.pdf")) {
				CHECK(has_prop(f, "version", "vcsa/1.2"));
				seen++;
			} else {
				xmlChar *ver =
				    xmlGetProp(f, (const xmlChar *)"version");
				CHECK(ver == NULL);
				xmlFree(ver);
			}
		}
	}
	CHECK_INT(seen, 2);
	/* the moved question: counterpart in 1.0 by uid */
	bool found = false;
	for (xmlNodePtr o = q ? q->children : NULL; o; o = o->next)
		if (has_prop(o, "version", "1.0")) {
			CHECK(has_prop(o, "state", "moved"));
			CHECK(has_prop(o, "number", "2.1"));
			CHECK(has_prop(o, "href",
			               "vcsa/1.0/en/questions/2.1.html"));
			found = true;
		}
	CHECK(found);
	/* permanent links: newest released version holding the uid;
	 * requirements land on their question */
	CHECK(has_prop(find_page(doc, "vcsa/q/mini-incident.html"), "target",
	               "vcsa/1.1/en/questions/1.3.html"));
	CHECK(has_prop(find_page(doc, "vcsa/q/mini-policy-known.html"),
	               "target",
	               "vcsa/1.1/en/questions/1.1.html#r-mini-policy-known"));
	CHECK(has_prop(find_page(doc, "vcsa/q/de/mini-old.html"), "target",
	               "vcsa/1.1/de/questions/1.2.html"));
	/* a uid only in the draft still gets a link, to the draft */
	CHECK(find_page(doc, "404.html") != NULL);
	CHECK(has_prop(xmlDocGetRootElement(doc), "sitemap", "sitemap.xml"));
	mini_free(doc, s, v, &d);
}

/* The first child element of n named name with attribute k="v" (any
 * when k is NULL), or NULL. */
static xmlNodePtr child(xmlNodePtr n, const char *name, const char *k,
                        const char *v)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, name) == 0 &&
		    (!k || has_prop(c, k, v)))
			return c;
	return NULL;
}

/* The published fixture: levels as data (a text per level, with the
 * objectives it applies to), labels as published, several successors
 * in the version menu's data. */
void test_site_xml_levels(void)
{
	diags d;
	diags_init(&d);
	vc_scheme *s =
	    model_scheme_load("tests/fixtures/published/scheme.yaml", &d);
	vc_version *v[2] = {
	    model_version_load(s, "tests/fixtures/published/vcsp/1.0", &d),
	    model_version_load(s, "tests/fixtures/published/vcsp/1.1", &d)};
	CHECK_INT(d.errors, 0);
	site_input in = {s, v, 2, NULL, 0, NULL};
	xmlDocPtr doc = site_xml_build(&in);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	/* the scheme's levels: colour and objectives where it gives them */
	xmlNodePtr vh = child(root, "level", "id", "very-high");
	CHECK(has_prop(vh, "colour", "#6a1b9a"));
	CHECK(has_prop(vh, "ink", "#ffffff"));
	CHECK(has_prop(vh, "objectives", "very-high"));
	CHECK(has_prop(vh, "narrowed", "true"));
	xmlNodePtr must = child(root, "level", "id", "must");
	CHECK(has_prop(must, "objectives", "normal high very-high"));
	CHECK(has_prop(must, "narrowed", "false"));
	CHECK(!xmlHasProp(must, (const xmlChar *)"colour"));
	CHECK(!xmlHasProp(must, (const xmlChar *)"ink"));
	/* 1.1.e of 1.1: three texts in two languages, the very-high one for
	 * that objective only */
	xmlNodePtr cat = child(root, "catalogue", "id", "vcsp");
	xmlNodePtr ch =
	    child(child(cat, "version", "id", "1.1"), "chapter", "number", "1");
	xmlNodePtr r = child(child(ch, "question", "number", "1.1"),
	                     "requirement", "uid", "gov-rules-reviewed");
	CHECK(has_prop(r, "label", "1.1.e"));
	CHECK(has_prop(r, "letter", "e"));
	CHECK(has_prop(r, "levels", "must should very-high"));
	CHECK(has_prop(r, "objectives", "normal high very-high"));
	CHECK(has_prop(r, "narrowed", "false"));
	int texts = 0;
	for (xmlNodePtr t = r ? r->children : NULL; t; t = t->next)
		if (strcmp((const char *)t->name, "text") == 0)
			texts++;
	CHECK_INT(texts, 6);
	CHECK(has_prop(child(r, "text", "level", "must"), "objectives",
	               "normal high very-high"));
	xmlNodePtr t = child(r, "text", "level", "very-high");
	CHECK(has_prop(t, "objectives", "very-high"));
	CHECK(has_prop(t, "lang", "en"));
	CHECK(child(r, "must", NULL, NULL) == NULL);
	/* a label in numerals */
	CHECK(child(child(ch, "question", "number", "1.2"), "requirement",
	            "label", "1.2.ii") != NULL);
	/* the 1.0 page of 1.3 knows where 1.1 continues it */
	xmlNodePtr o = child(find_page(doc, "vcsp/1.0/de/questions/1.3.html"),
	                     "other", "version", "1.1");
	CHECK(has_prop(o, "state", "withdrawn"));
	const char *want[] = {"3.1", "3.2", "3.3"};
	size_t n = 0;
	for (xmlNodePtr c = o ? o->children : NULL; c; c = c->next) {
		if (n < 3) {
			CHECK(has_prop(c, "number", want[n]));
			char *href =
			    xasprintf("vcsp/1.1/de/questions/%s.html", want[n]);
			CHECK(has_prop(c, "href", href));
			free(href);
		}
		n++;
	}
	CHECK_INT(n, 3);
	xmlFreeDoc(doc);
	for (size_t i = 0; i < 2; i++)
		model_version_free(v[i]);
	model_scheme_free(s);
	diags_free(&d);
}

/* The ISA-shaped example: sections between chapters and questions
 * (uid, number, place on the chapter page, objectives, title), a
 * question that moved to another section in the version menu's data,
 * a permanent link per section uid. */
void test_site_xml_sections(void)
{
	diags d;
	diags_init(&d);
	vc_scheme *s = model_scheme_load("examples/isa/scheme.yaml", &d);
	vc_version *v[2] = {model_version_load(s, "examples/isa/isa/1.0", &d),
	                    model_version_load(s, "examples/isa/isa/1.1", &d)};
	CHECK_INT(d.errors, 0);
	if (!v[0] || !v[1])
		return;
	site_input in = {s, v, 2, NULL, 0, NULL};
	xmlDocPtr doc = site_xml_build(&in);
	/* the scheme, whose own interface words strings.xml may hold */
	CHECK(has_prop(xmlDocGetRootElement(doc), "scheme", "example-isa"));
	/* white on the example's orange (4.2:1 in black, 5:1 in white) */
	CHECK(has_prop(child(xmlDocGetRootElement(doc), "level", "id", "high"),
	               "ink", "#ffffff"));
	xmlNodePtr cat =
	    child(xmlDocGetRootElement(doc), "catalogue", "id", "isa");
	xmlNodePtr ch =
	    child(child(cat, "version", "id", "1.1"), "chapter", "number", "1");
	/* the chapter holds sections, the sections hold the questions */
	CHECK(child(ch, "question", NULL, NULL) == NULL);
	xmlNodePtr sec = child(ch, "section", "uid", "pol-docs");
	CHECK(has_prop(sec, "number", "1.1"));
	CHECK(has_prop(sec, "file", "chapters/1.html"));
	CHECK(has_prop(sec, "anchor", "s-pol-docs"));
	CHECK(has_prop(sec, "objectives", "normal high very-high group"));
	CHECK(has_prop(child(sec, "title", "lang", "de"), "lang", "de"));
	xmlNodePtr q = child(sec, "question", "uid", "pol-projects");
	CHECK(has_prop(q, "number", "1.1.3"));
	CHECK(has_prop(q, "file", "questions/1.1.3.html"));
	CHECK(child(q, "requirement", "label", "1.1.3.b") != NULL);
	/* sections in number order, after the title */
	int n = 0;
	for (xmlNodePtr c = ch->children; c; c = c->next)
		if (strcmp((const char *)c->name, "section") == 0)
			CHECK(has_prop(c, "number", n++ ? "1.2" : "1.1"));
	CHECK_INT(n, 2);
	/* a section's objectives: those of any question it holds (3.1.4
	 * applies to two, the others to all) */
	xmlNodePtr ch3 =
	    child(child(cat, "version", "id", "1.1"), "chapter", "number", "3");
	xmlNodePtr acc = child(ch3, "section", "uid", "it-access");
	CHECK(has_prop(acc, "objectives", "normal high very-high group"));
	CHECK(has_prop(child(acc, "question", "uid", "it-logging"),
	               "objectives", "high very-high"));
	/* 1.2.2 of 1.0 went to the policies section as 1.1.3; 1.2.3 only
	 * moved up to 1.2.2 in its own section */
	xmlNodePtr o = child(find_page(doc, "isa/1.0/en/questions/1.2.2.html"),
	                     "other", "version", "1.1");
	CHECK(has_prop(o, "state", "moved-section"));
	CHECK(has_prop(o, "number", "1.1.3"));
	CHECK(has_prop(o, "href", "isa/1.1/en/questions/1.1.3.html"));
	o = child(find_page(doc, "isa/1.0/de/questions/1.2.3.html"), "other",
	          "version", "1.1");
	CHECK(has_prop(o, "state", "renumbered"));
	CHECK(has_prop(o, "number", "1.2.2"));
	/* a permanent link per section: its place on the chapter page */
	CHECK(has_prop(find_page(doc, "isa/q/pol-docs.html"), "target",
	               "isa/1.1/en/chapters/1.html#s-pol-docs"));
	CHECK(has_prop(find_page(doc, "isa/q/de/it-suppliers.html"), "target",
	               "isa/1.1/de/chapters/3.html#s-it-suppliers"));
	xmlFreeDoc(doc);
	for (size_t i = 0; i < 2; i++)
		model_version_free(v[i]);
	model_scheme_free(s);
	diags_free(&d);
}

static char *tmpdir(void)
{
	char t[] = "/tmp/vcsc-unit-XXXXXX";
	return xstrdup(mkdtemp(t));
}

void test_site_xslt_security(void)
{
	vc_scheme *s;
	vc_version *v[3];
	diags d;
	xmlDocPtr doc = mini_doc(&s, v, &d);
	char *dir = tmpdir();
	char *out = path_join(dir, "out");
	mkdir_p(out, 0755);
	char *tdir = realpath("tests/fixtures/site-xsl", NULL);
	diags e;
	diags_init(&e);

	/* a page in a new subdirectory: allowed */
	CHECK_INT(
	    site_xslt_run("tests/fixtures/site-xsl/ok.xsl", doc, out, tdir, &e),
	    0);
	char *page = path_join(out, "a/b/page.html");
	CHECK(is_file(page));
	free(page);
	CHECK_INT(e.errors, 0);

	/* writing beside the output directory: refused, nothing written */
	CHECK_INT(site_xslt_run("tests/fixtures/site-xsl/escape.xsl", doc, out,
	                        tdir, &e),
	          -1);
	char *esc = path_join(dir, "escaped.html");
	CHECK(!is_file(esc));
	free(esc);
	CHECK(e.errors > 0);

	/* network and files outside the templates: refused */
	int before = e.errors;
	CHECK_INT(site_xslt_run("tests/fixtures/site-xsl/network.xsl", doc, out,
	                        tdir, &e),
	          -1);
	CHECK(e.errors > before);
	before = e.errors;
	CHECK_INT(site_xslt_run("tests/fixtures/site-xsl/readfile.xsl", doc,
	                        out, tdir, &e),
	          -1);
	CHECK(e.errors > before);

	diags_free(&e);
	char *cmd = xasprintf("rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
	free(cmd);
	free(tdir);
	free(out);
	free(dir);
	mini_free(doc, s, v, &d);
	site_xslt_cleanup();
}
