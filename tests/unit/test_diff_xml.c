/* Unit tests for the change log as XML (diff_xml.c): the element the
 * site's change-log pages and the standalone HTML page are made from. */
#include <stdlib.h>
#include <string.h>

#include <libxml/xpath.h>

#include "diff/diff.h"
#include "front/model.h"
#include "unit.h"

typedef struct pair {
	diags d;
	vc_scheme *s;
	vc_version *a, *b;
	diff_result *r;
	xmlDocPtr doc;
	xmlXPathContextPtr xp;
} pair;

static void pair_open(pair *p, const char *scheme, const char *old,
                      const char *new, const char *const *langs, size_t nlangs)
{
	memset(p, 0, sizeof(*p));
	diags_init(&p->d);
	p->s = model_scheme_load(scheme, &p->d);
	p->a = model_version_load(p->s, old, &p->d);
	p->b = model_version_load(p->s, new, &p->d);
	CHECK(p->a && p->b && p->d.errors == 0);
	p->r = diff_versions(p->a, p->b);
	p->doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root =
	    xmlNewDocNode(p->doc, NULL, (const xmlChar *)"t", NULL);
	xmlDocSetRootElement(p->doc, root);
	diff_changelog_xml(root, p->r, langs, nlangs);
	p->xp = xmlXPathNewContext(p->doc);
}

/* Versions OLD and NEW of a fixture directory DIR (scheme DIR/scheme.yaml)
 * in English and German. */
static void pair_fixture(pair *p, const char *dir, const char *old,
                         const char *new)
{
	static const char *const langs[] = {"en", "de"};
	char *sp = xasprintf("%s/scheme.yaml", dir);
	char *op = xasprintf("%s/%s", dir, old);
	char *np = xasprintf("%s/%s", dir, new);
	pair_open(p, sp, op, np, langs, 2);
	free(sp);
	free(op);
	free(np);
}

static void pair_close(pair *p)
{
	xmlXPathFreeContext(p->xp);
	xmlFreeDoc(p->doc);
	diff_free(p->r);
	model_version_free(p->a);
	model_version_free(p->b);
	model_scheme_free(p->s);
	diags_free(&p->d);
}

static double num(pair *p, const char *expr)
{
	xmlXPathObjectPtr o =
	    xmlXPathEvalExpression((const xmlChar *)expr, p->xp);
	double v = o ? xmlXPathCastToNumber(o) : -1;
	xmlXPathFreeObject(o);
	return v;
}

static char *str(pair *p, const char *expr)
{
	xmlXPathObjectPtr o =
	    xmlXPathEvalExpression((const xmlChar *)expr, p->xp);
	xmlChar *s = o ? xmlXPathCastToString(o) : NULL;
	xmlXPathFreeObject(o);
	char *r = xstrdup(s ? (const char *)s : "");
	xmlFree(s);
	return r;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Every <del> and <ins> starts and ends with a word; <eq> and <ins> of
 * each compared-language diff give the new text back. */
static void check_pieces(pair *p)
{
	xmlXPathObjectPtr o =
	    xmlXPathEvalExpression((const xmlChar *)"//del | //ins", p->xp);
	CHECK(o && o->nodesetval && o->nodesetval->nodeNr > 0);
	for (int i = 0; o && o->nodesetval && i < o->nodesetval->nodeNr; i++) {
		xmlChar *t = xmlNodeGetContent(o->nodesetval->nodeTab[i]);
		size_t n = strlen((const char *)t);
		CHECK(n > 0 && !blank((char)t[0]) && !blank((char)t[n - 1]));
		xmlFree(t);
	}
	xmlXPathFreeObject(o);
}

void test_diff_xml_fixture(void)
{
	pair p;
	pair_fixture(&p, "tests/fixtures/diff", "vcsa/1.0", "vcsa/2.0");
	/* the counts agree with the diff */
	CHECK_INT(num(&p, "sum(//counts/count/@total)"), p.r->nchanges);
	CHECK_INT(num(&p, "//counts/@total"), p.r->nchanges);
	CHECK_INT(num(&p, "sum(//counts/count/@chapters) + "
	                  "sum(//counts/count/@questions) + "
	                  "sum(//counts/count/@requirements)"),
	          p.r->nchanges);
	CHECK_INT(num(&p, "count(//numbers/row)"), p.r->nrenumbered);
	/* no sections in a scheme without them: no trace of them */
	CHECK_INT(num(&p, "count(/t/changelog/@sections | //section-entry | "
	                  "//count/@sections)"),
	          0);
	/* every marker points at an entry or a row of this change log */
	CHECK(num(&p, "count(/t/changelog/question)") > 0);
	CHECK_INT(num(&p, "count(/t/changelog/question[not(@anchor = "
	                  "//entry/@anchor or @anchor = //row/@anchor)])"),
	          0);
	/* anchors are unique */
	CHECK_INT(num(&p, "count(//entry[@anchor = preceding::entry/@anchor "
	                  "or @anchor = preceding::row/@anchor])"),
	          0);
	/* a renamed uid: the entry holds both */
	char *s = str(&p, "//entry[@uid = 'b-incidents']/change[@kind = "
	                  "'uid']/@old");
	CHECK_STR(s, "b-incident");
	free(s);
	/* a removed question links to the old version */
	s = str(&p, "//entry[change/@kind = 'removed']/@link-version");
	CHECK_STR(s, "vcsa/1.0");
	free(s);
	/* German is partial in 2.0: a text with German on both sides gets
	 * its own German diff, the others fall back to English, marked */
	const char *own = "//entry[@uid = 'c-monitoring']/change[@field = "
	                  "'question']/diff[@lang = 'de']";
	s = str(&p, own);
	CHECK_STR(s, "Inwieweit werden Quellen f\xC3\xBCr "
	             "Schwachstelleninformationen zu denallen eingesetzten "
	             "Komponenten \xC3\xBC"
	             "berwacht?");
	free(s);
	CHECK_INT(num(&p, "count(//entry[@uid = 'c-monitoring']/change[@field "
	                  "= 'question']/diff[@lang = 'de'][@text-lang])"),
	          0);
	CHECK(num(&p, "count(//diff[@lang = 'de'])") > 1);
	CHECK_INT(
	    num(&p, "count(//diff[@lang = 'de'][not(@text-lang = 'en')])"), 1);
	CHECK_INT(num(&p, "count(//diff[@lang = 'en'][@text-lang])"), 0);
	/* the same pieces in both languages where German falls back */
	CHECK_INT(num(&p, "count(//diff[@lang = 'de'][@text-lang]/*)"),
	          num(&p, "count(//diff[@lang = 'en'][../diff[@lang = 'de']"
	                  "/@text-lang]/*)"));
	check_pieces(&p);
	/* the new text back from a title diff */
	s = str(&p, "//chapter-entry[@number = '2']/change[@field = "
	            "'title']/diff[@lang = 'en']");
	char *t = str(&p, "//chapter-entry[@number = '2']/change[@field = "
	                  "'title']/diff[@lang = 'en']/del");
	CHECK_STR(t, "");
	CHECK_STR(s, "Operations and incidents");
	free(s);
	free(t);
	pair_close(&p);
}

void test_diff_xml_translations(void)
{
	pair p;
	pair_fixture(&p, "tests/fixtures/mini", "vcsa/1.0", "vcsa/1.1");
	/* titles and notes come in both languages */
	char *s = str(&p, "//entry[@uid = 'mini-monitor']/title[@lang = "
	                  "'de']");
	CHECK_STR(s, "\xC3\x9c"
	             "berwachung");
	free(s);
	CHECK_INT(num(&p, "count(//entry[@uid = 'mini-incident']/note)"), 2);
	CHECK_INT(num(&p, "count(//entry[@uid = 'mini-incident']/note/p)"), 2);
	/* a moved question: a marker to its entry and a row */
	s = str(&p, "/t/changelog/question[@uid = 'mini-incident']/@anchor");
	CHECK_STR(s, "q-mini-incident");
	free(s);
	s = str(&p, "//row[@uid = 'mini-incident']/@entry");
	CHECK_STR(s, "q-mini-incident");
	free(s);
	/* the vocabulary for the templates */
	CHECK_INT(num(&p, "count(//objective-name/title)"), 6);
	CHECK_INT(num(&p, "count(//level-name)"), 2);
	pair_close(&p);

	/* 1.1 -> 1.2, a draft that removes most of 1.1 */
	pair_fixture(&p, "tests/fixtures/mini", "vcsa/1.1", "vcsa/1.2");
	CHECK(num(&p, "count(//change[@kind = 'removed'])") > 0);
	s = str(&p, "/t/changelog/@new-draft");
	CHECK_STR(s, "true");
	free(s);
	check_pieces(&p);
	pair_close(&p);
}

/* The published-layout fixture: a withdrawal into three successors, and
 * a change of a German text only. */
void test_diff_xml_published(void)
{
	pair p;
	pair_fixture(&p, "tests/fixtures/published", "vcsp/1.0", "vcsp/1.1");
	char *s = str(&p, "concat(//entry[@uid = 'gov-suppliers']/change[@kind "
	                  "= 'withdrawn']/successor[1]/@number, ' ', "
	                  "//entry[@uid = 'gov-suppliers']/change[@kind = "
	                  "'withdrawn']/successor[3]/@uid)");
	CHECK_STR(s, "3.1 sup-exit");
	free(s);
	CHECK_INT(num(&p, "count(//change[@kind = 'withdrawn']/successor)"), 3);
	/* the German diff in every language, marked as German, with the
	 * change naming its language */
#define TR                                                                     \
	"//entry[@uid = 'gov-rules-written']/change[@kind = "                  \
	"'translation'][@lang = 'de'][@field = 'must']"
	CHECK_INT(num(&p, "count(" TR ")"), 1);
	CHECK_INT(num(&p, "count(" TR "/diff[@text-lang = 'de'])"), 1);
	s = str(&p, "string(" TR "/diff[@lang = 'en']/ins)");
	CHECK_STR(s, "niedergelegt");
	free(s);
#undef TR
	CHECK_INT(num(&p, "count(//language-change)"), 0);
	check_pieces(&p);
	pair_close(&p);

	/* mini 1.1 -> 1.2: German complete, then partial */
	pair_fixture(&p, "tests/fixtures/mini", "vcsa/1.1", "vcsa/1.2");
	s = str(&p, "concat(//language-change/@lang, ' ', "
	            "//language-change/@event, ' ', //language-change/@old, "
	            "' ', //language-change/@new)");
	CHECK_STR(s, "de incomplete complete partial");
	free(s);
	CHECK_INT(num(&p, "//counts/count[@kind = 'language']/@total"), 1);
	pair_close(&p);
}

/* Sections (tests/fixtures/diff-sections): a <section-entry> per changed
 * section, or per section holding a changed question, inside its
 * chapter's entry, with its questions inside it, in the outline's order;
 * a question moved between sections of a chapter says so. */
void test_diff_xml_sections(void)
{
	pair p;
	pair_fixture(&p, "tests/fixtures/diff-sections", "isx/1.0", "isx/2.0");
	char *s = str(&p, "string(/t/changelog/@sections)");
	CHECK_STR(s, "true");
	free(s);
	CHECK_INT(num(&p, "sum(//counts/count/@chapters) + "
	                  "sum(//counts/count/@sections) + "
	                  "sum(//counts/count/@questions) + "
	                  "sum(//counts/count/@requirements)"),
	          p.r->nchanges);
	CHECK_INT(num(&p, "sum(//counts/count/@sections)"), 10);
	/* every changed question sits in its section's entry */
	CHECK_INT(num(&p, "count(//chapter-entry/entry)"), 0);
	CHECK_INT(num(&p, "count(//section-entry/entry[@type = 'question'])"),
	          4);
	s = str(&p, "//entry[@uid = 'q-assets-list']/../@uid");
	CHECK_STR(s, "sec-organisation");
	free(s);
	/* a removed question under its old section, removed too */
	s = str(&p, "//entry[@uid = 'q-assets-owner']/../@place");
	CHECK_STR(s, "removed");
	free(s);
	/* sections in number order within their chapter; sections without
	 * changes of their own or of a question are left out */
	s = str(&p, "concat(//chapter-entry[@number = '2']/section-entry[1]"
	            "/@number, ' ', //chapter-entry[@number = '2']"
	            "/section-entry[3]/@number, ' ', count(//section-entry))");
	CHECK_STR(s, "2.1 2.3 8");
	free(s);
	s = str(&p, "//entry[@uid = 'q-assets-list']/change[@kind = "
	            "'moved']/@out-of");
	CHECK_STR(s, "section");
	free(s);
	s = str(&p, "concat(//entry[@uid = 'q-access']/change/@out-of, ' ', "
	            "//section-entry[@uid = 'sec-exit']/change[@kind = "
	            "'moved']/@out-of)");
	CHECK_STR(s, "chapter chapter");
	free(s);
	/* a section's own change note, its anchor, its rows in the table */
	s = str(&p, "//section-entry[@uid = 'sec-exit']/note[@lang = 'en']");
	CHECK(strstr(s, "Leaving is now handled") != NULL);
	free(s);
	CHECK_INT(num(&p, "count(//section-entry[@anchor = 's-sec-exit'])"), 1);
	CHECK_INT(num(&p, "count(//numbers/row[@type = 'section'])"), 3);
	s = str(&p, "//numbers/row[@uid = 'sec-exit']/title[@lang = 'de']");
	CHECK_STR(s, "Verlassen der Organisation und \xC3\x9C"
	             "bergabe");
	free(s);
	/* anchors are unique */
	CHECK_INT(num(&p, "count((//entry | //section-entry)[@anchor = "
	                  "preceding::entry/@anchor or @anchor = "
	                  "preceding::section-entry/@anchor or @anchor = "
	                  "preceding::row/@anchor])"),
	          0);
	check_pieces(&p);
	pair_close(&p);
}
