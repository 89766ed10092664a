/* Unit tests for the website's search index (site_search.c): the text of
 * every prose field as plain text, the references of questions and
 * requirements, the page and anchor of each entry, escaping that keeps
 * the file inert, and the files written per version and language. */
#include <stdlib.h>
#include <unistd.h>

#include "front/model.h"
#include "site/site.h"
#include "unit.h"

/* The index of v in lang, as written. */
static char *index_of(const vc_version *v, const char *lang)
{
	char *data = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&data, &n);
	CHECK_INT(site_search_write_index(fp, v, lang), 0);
	fclose(fp);
	return data;
}

static vc_version *load(vc_scheme **s, const char *dir, diags *d)
{
	diags_init(d);
	*s = model_scheme_load("tests/fixtures/mini/scheme.yaml", d);
	vc_version *v = *s ? model_version_load(*s, dir, d) : NULL;
	CHECK(v != NULL);
	CHECK_INT(d->errors, 0);
	return v;
}

#define HAS(hay, needle)                                                       \
	do {                                                                   \
		if (!strstr((hay), (needle)))                                  \
			unit_fail(__FILE__, __LINE__, "index lacks: " needle); \
	} while (0)

void test_search_index_mini(void)
{
	vc_scheme *s;
	diags d;
	vc_version *v = load(&s, "tests/fixtures/mini/vcsa/1.1", &d);
	if (!v)
		return;
	char *de = index_of(v, "de");
	/* header: a comment, then one assignment */
	static const char head[] =
	    "/* vcsc search index of vcsa/1.1 in language de;";
	CHECK(strncmp(de, head, sizeof(head) - 1) == 0);
	HAS(de,
	    "\nwindow.vcscSearchIndex={\"format\":2,\"version\":\"vcsa/1.1\","
	    "\"id\":\"1.1\",\"lang\":\"de\",\"standards\":[\"ISO/SAE 21434\","
	    "\"ISO/PAS 5112\",\"UNECE R155\"],\"levels\":[\"must\","
	    "\"should\"],\"questions\":[\n");
	CHECK(strcmp(de + strlen(de) - 4, "\n]};") == 0 ||
	      strcmp(de + strlen(de) - 5, "\n]};\n") == 0);
	/* one entry per question: number, uid, page, title */
	HAS(de,
	    "{\"n\":\"1.1\",\"u\":\"mini-policy\",\"h\":\"questions/1.1.html\","
	    "\"t\":\"Leitlinie\",\"f\":{\"q\":\"Inwieweit ist eine "
	    "Cybersecurity-Leitlinie in Kraft?\"");
	/* Markdown as text: emphasis gone, list items joined by "; " */
	HAS(de, "\"o\":\"Alle kennen die Absicht der Organisation. sie ist "
	        "aufgeschrieben; sie ist freigegeben\"");
	/* autolinks and code keep their text; table cells are words */
	HAS(de, "\"i\":\"Siehe https://example.org/policy und RQ-05-01.\"");
	HAS(de, "\"e\":\"Nachweis Verantwortlich Leitlinie CISO\"");
	/* requirements: label, the anchor of the question page, a text per
	 * level used (its place in "levels", then the text), references
	 * grouped by standard (its place in "standards", then the
	 * identifiers) */
	HAS(de, "{\"l\":\"1.1.a\",\"a\":\"r-mini-policy-approved\",\"v\":[[0,"
	        "\"Die oberste Leitung gibt die Leitlinie frei.\"]],"
	        "\"x\":[[0,\"RQ-05-01\",\"WP-05-01\"],[2,\"7.2.2.2(a)\"]]}");
	/* a question's own references, after its fields */
	HAS(de, "\"e\":\"Nachweis Verantwortlich Leitlinie CISO\"},"
	        "\"x\":[[1,\"A.5.1\"]],\"r\":[");
	/* no references or change note, no key */
	HAS(de, "{\"l\":\"1.1.b\",\"a\":\"r-mini-policy-known\",\"v\":[[1,"
	        "\"Die Besch\xc3\xa4"
	        "ftigten wissen, wo die Leitlinie steht.\"]]}");
	/* one line per question */
	size_t lines = 0;
	for (const char *p = de; (p = strchr(p, '\n')); p++)
		lines++;
	CHECK_INT(lines, v->nquestions + 3);
	/* English differs, same shape */
	char *en = index_of(v, "en");
	HAS(en, "\"t\":\"Policy\"");
	CHECK(strstr(en, "Leitlinie") == NULL);
	/* deterministic */
	char *again = index_of(v, "de");
	CHECK_STR(again, de);
	free(again);
	free(de);
	free(en);
	model_version_free(v);
	model_scheme_free(s);
	diags_free(&d);
}

/* Every level's text, in the scheme's order of levels; labels as
 * published. */
void test_search_index_levels(void)
{
	diags d;
	diags_init(&d);
	vc_scheme *s =
	    model_scheme_load("tests/fixtures/published/scheme.yaml", &d);
	vc_version *v =
	    s ? model_version_load(s, "tests/fixtures/published/vcsp/1.1", &d)
	      : NULL;
	CHECK(v != NULL);
	CHECK_INT(d.errors, 0);
	if (!v)
		return;
	char *en = index_of(v, "en");
	HAS(en, "\"levels\":[\"must\",\"should\",\"very-high\"]");
	HAS(en, "{\"l\":\"1.1.e\",\"a\":\"r-gov-rules-reviewed\",\"v\":[[0,"
	        "\"The rules are reviewed every year.\"],[1,\"The review takes "
	        "incidents of the year into account.\"],[2,\"An independent "
	        "party takes part in the review.\"]]}");
	HAS(en, "{\"l\":\"1.1.a\",\"a\":\"r-gov-rules-written\",\"v\":[[0,"
	        "\"The rules are written down.\"]],\"f\":{\"c\":\"Clearer "
	        "German wording.\"}}");
	HAS(en, "{\"l\":\"1.2.ii\",");
	HAS(en, "{\"l\":\"3.2.a\",\"a\":\"r-gov-suppliers-audit\",\"v\":[[2,");
	free(en);
	model_version_free(v);
	model_scheme_free(s);
	diags_free(&d);
}

/* Sections (N.M.K schemes): listed once with number and title, named
 * by their place on each question; no list without sections. */
void test_search_index_sections(void)
{
	diags d;
	diags_init(&d);
	vc_scheme *s = model_scheme_load("examples/isa/scheme.yaml", &d);
	vc_version *v =
	    s ? model_version_load(s, "examples/isa/isa/1.1", &d) : NULL;
	CHECK(v != NULL);
	CHECK_INT(d.errors, 0);
	if (!v)
		return;
	char *de = index_of(v, "de");
	HAS(de, "\"levels\":[\"must\",\"should\",\"high\",\"very-high\","
	        "\"group\"],\"sections\":[[\"1.1\",\"Richtlinien\"],[\"1.2\","
	        "\"Organisation\"],[\"2.1\",\"Personen\"],");
	HAS(de, "[\"3.2\",\"Lieferanten\"]],\"questions\":[\n");
	HAS(de, "{\"n\":\"1.1.3\",\"u\":\"pol-projects\",\"h\":"
	        "\"questions/1.1.3.html\",\"t\":\"Sicherheit in Projekten\","
	        "\"s\":0,");
	HAS(de, "{\"n\":\"3.2.1\",\"u\":\"sup-security\",\"h\":"
	        "\"questions/3.2.1.html\",\"t\":\"Sicherheit bei "
	        "Lieferanten\",\"s\":5,\"w\":1,");
	free(de);
	model_version_free(v);
	model_scheme_free(s);
	diags_free(&d);
	/* the mini catalogue has none */
	vc_version *m = load(&s, "tests/fixtures/mini/vcsa/1.1", &d);
	if (m) {
		char *en = index_of(m, "en");
		CHECK(strstr(en, "\"sections\"") == NULL);
		CHECK(strstr(en, "\"s\":") == NULL);
		free(en);
		model_version_free(m);
	}
	model_scheme_free(s);
	diags_free(&d);
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char *p = path_join(dir, name);
	FILE *fp = fopen(p, "w");
	CHECK(fp != NULL);
	if (fp) {
		fputs(text, fp);
		fclose(fp);
	}
	free(p);
}

void test_search_index_escaping(void)
{
	char t[] = "/tmp/vcsc-unit-XXXXXX";
	char *dir = xstrdup(mkdtemp(t));
	char *vdir = path_join(dir, "vcsa/9.9");
	mkdir_p(vdir, 0755);
	write_file(
	    vdir, "version.yaml",
	    "catalogue: vcsa\nversion: \"9.9\"\ntitle: Escapes\n"
	    "status: released\nreleased: 2025-01-01\nlicence: CC BY 4.0\n"
	    "summary: Test.\nlanguages:\n  - id: en\n    status: complete\n");
	write_file(
	    vdir, "01-x.yaml",
	    "chapter: 1\ntitle: X\nquestions:\n"
	    "  - number: \"1.1\"\n    uid: x-one\n"
	    "    title: \"Quote \\\" and back\\\\slash\"\n"
	    "    question: \"a < b & c > d </script> x\\u2028y\\u2029z\"\n"
	    "    objective: |\n      <script>window.x=1</script>\n\n"
	    "      after <b>raw</b> html\n"
	    "    applies_to: [development]\n"
	    "    requirements:\n      - letter: a\n        uid: x-one-a\n"
	    "        must: \"tab\\there\"\n");
	vc_scheme *s;
	diags d;
	vc_version *v = load(&s, vdir, &d);
	if (v) {
		char *js = index_of(v, "en");
		HAS(js, "\"t\":\"Quote \\\" and back\\\\slash\"");
		HAS(js, "\"q\":\"a \\u003c b \\u0026 c \\u003e d "
		        "x\\u2028y\\u2029z\"");
		/* raw HTML is left out (the pages show it as text) */
		HAS(js, "\"o\":\"after raw html\"");
		HAS(js, "\"v\":[[0,\"tab\\there\"]]");
		CHECK(strchr(strstr(js, "window."), '<') == NULL);
		free(js);

		/* the files: one per version and language, in its folder */
		char *out = path_join(dir, "site");
		char *ld = path_join(out, "vcsa/9.9/en");
		mkdir_p(ld, 0755);
		CHECK_INT(site_search_write(&v, 1, out, &d), 0);
		char *f = path_join(ld, SITE_SEARCH_INDEX);
		CHECK(is_file(f));
		free(f);
		/* a folder that cannot be written: an error, not a crash */
		char *bad = path_join(dir, "missing");
		int before = d.errors;
		CHECK_INT(site_search_write(&v, 1, bad, &d), -1);
		CHECK(d.errors > before && d.io_failed);
		free(bad);
		free(ld);
		free(out);
		model_version_free(v);
	}
	model_scheme_free(s);
	diags_free(&d);
	char *cmd = xasprintf("rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
	free(cmd);
	free(vdir);
	free(dir);
}
