/* Unit tests for the self-assessment: the CSV reader, the answer scale's
 * look-up, the file's mark, and a blank self-assessment's items. */
#include <stdlib.h>
#include <unistd.h>

#include "base/files.h"
#include "selfassess/selfassess.h"
#include "unit.h"

/* Writes text to a temporary file named *.csv; caller unlinks and frees. */
static char *temp_csv(const char *text)
{
	char tmpl[] = "/tmp/vcsc-unit-XXXXXX.csv";
	int fd = mkstemps(tmpl, 4);
	if (fd < 0)
		return NULL;
	size_t n = strlen(text);
	if (write(fd, text, n) != (ssize_t)n) {
		close(fd);
		unlink(tmpl);
		return NULL;
	}
	close(fd);
	return xstrdup(tmpl);
}

void test_sa_csv_read(void)
{
	/* BOM, quotes with doubled quotes, a line break and a comma inside,
	 * CRLF records, an empty last field */
	char *p = temp_csv("\xEF\xBB\xBF"
	                   "Item,Answer,Text\r\n"
	                   "1.1.a,\"say \"\"yes\"\", then\r\nmore\",x\r\n"
	                   "\xC3\xBC,b,\r\n");
	CHECK(p != NULL);
	if (!p)
		return;
	arena *a = arena_new();
	diags d;
	diags_init(&d);
	sa_sheet sh;
	CHECK_INT(sa_csv_read(a, p, &sh, &d), 0);
	CHECK_INT(d.errors, 0);
	CHECK_INT(sh.nrows, 3);
	if (sh.nrows == 3) {
		CHECK_INT(sh.rows[0].n, 3);
		CHECK_STR(sh.rows[0].cells[0].text, "Item");
		CHECK_INT(sh.rows[0].cells[0].pos.col, 1); /* not the BOM */
		CHECK_STR(sh.rows[1].cells[1].text, "say \"yes\", then\nmore");
		CHECK_INT(sh.rows[1].cells[1].pos.line, 2);
		CHECK_INT(sh.rows[1].cells[1].pos.col, 7);
		CHECK_STR(sh.rows[1].cells[2].text, "x");
		CHECK_INT(sh.rows[2].number, 4); /* after the line break */
		CHECK_INT(sh.rows[2].n, 3);
		CHECK_STR(sh.rows[2].cells[2].text, "");
		CHECK_INT(sh.rows[2].cells[1].pos.col, 3); /* characters */
	}
	unlink(p);
	free(p);
	diags_free(&d);
	arena_free(a);
}

void test_sa_csv_semicolons_and_errors(void)
{
	char *p = temp_csv("Item;Answer\n1.1.a;\"a;b\"\n");
	char *q = temp_csv("Item,Answer\n1.1.a,\"open\n");
	CHECK(p && q);
	if (!p || !q)
		return;
	arena *a = arena_new();
	diags d;
	diags_init(&d);
	sa_sheet sh;
	CHECK_INT(sa_csv_read(a, p, &sh, &d), 0);
	CHECK_INT(sh.nrows, 2);
	if (sh.nrows == 2) {
		CHECK_INT(sh.rows[1].n, 2);
		CHECK_STR(sh.rows[1].cells[1].text, "a;b");
	}
	CHECK_INT(sa_csv_read(a, q, &sh, &d), -1);
	CHECK_INT(d.errors, 1);
	if (d.n)
		CHECK_INT(d.items[0].pos.line, 2);
	unlink(p);
	unlink(q);
	free(p);
	free(q);
	diags_free(&d);
	arena_free(a);
}

void test_sa_answers_and_items(void)
{
	diags d;
	diags_init(&d);
	vc_scheme *s = model_scheme_load("examples/isa/scheme.yaml", &d);
	vc_version *v =
	    s ? model_version_load(s, "examples/isa/isa/1.1", &d) : NULL;
	CHECK(v != NULL);
	CHECK_INT(d.errors, 0);
	if (!v) {
		model_scheme_free(s);
		diags_free(&d);
		return;
	}
	CHECK_STR(sa_answer_find(s, "established", false)->id, "established");
	CHECK(sa_answer_find(s, "3", false) == NULL);
	CHECK_STR(sa_answer_find(s, "3", true)->id, "established");
	CHECK_STR(sa_answer_find(s, "3 Etabliert", true)->id, "established");
	CHECK_STR(sa_answer_find(s, "NOT-APPLICABLE", true)->id,
	          "not-applicable");
	CHECK(sa_answer_find(s, "6", true) == NULL);
	selfassess *sa = sa_blank(v, 0, NULL);
	/* per question: every live question that applies, by number */
	size_t live = 0;
	for (size_t i = 0; i < v->nquestions; i++)
		live += !v->questions[i]->withdrawn;
	CHECK_INT(sa->nentries, live);
	CHECK(sa->entries[0].req == NULL);
	CHECK_STR(sa->entries[0].key, v->questions[0]->number);
	CHECK(sa_entry_of(sa, "9.9.9") == NULL);
	sa_free(sa);
	model_version_free(v);
	model_scheme_free(s);
	diags_free(&d);
}

void test_sa_is_file(void)
{
	char *p = temp_csv("# a comment\n\n---\nself-assessment: vcsa/1.1\n");
	char *q = temp_csv("audit: a-1\nself-assessment: x\n");
	CHECK(p && q);
	if (p && q) {
		CHECK(sa_is_file(p));
		CHECK(!sa_is_file(q));
		CHECK(!sa_is_file("/nonexistent/file.yaml"));
	}
	if (p)
		unlink(p);
	if (q)
		unlink(q);
	free(p);
	free(q);
}
