/* Unit tests for the pieces behind the diagnostics that say how to fix:
 * suggestions, examples of identifier patterns, impossible dates and the
 * explanations of libyaml's syntax errors. */
#include <regex.h>
#include <stdlib.h>

#include "base/util.h"
#include "front/fields.h"
#include "front/yhint.h"
#include "unit.h"

void test_suggest_ids(void)
{
	static const char *const std[] = {"iso-sae-21434", "iso-pas-5112",
	                                  "unece-r155"};
	CHECK_STR(suggest("iso-21434", std, 3), "iso-sae-21434");
	CHECK_STR(suggest("ISO/SAE 21434", std, 3), "iso-sae-21434");
	CHECK_STR(suggest("r155", std, 3), "unece-r155");
	/* a word several candidates hold suggests none of them */
	CHECK(suggest("iso", std, 3) == NULL);
	CHECK(suggest("nist", std, 3) == NULL);
	static const char *const uids[] = {"ops-monitoring", "ops-incident",
	                                   "risk-monitoring"};
	CHECK(suggest("monitoring", uids, 3) == NULL);
	CHECK_STR(suggest("incident", uids, 3), "ops-incident");
}

/* regex_example(re), and that the example matches re in full. */
static void example_is(const char *re, const char *want)
{
	char *ex = regex_example(re);
	CHECK_STR(ex, want);
	char *anchored = xasprintf("^(%s)$", re);
	regex_t rx;
	CHECK(regcomp(&rx, anchored, REG_EXTENDED | REG_NOSUB) == 0);
	CHECK(ex && regexec(&rx, ex, 0, NULL, 0) == 0);
	regfree(&rx);
	free(anchored);
	free(ex);
}

void test_regex_example(void)
{
	example_is("(RQ|RC|PM|WP)-[0-9]{2}-[0-9]{2}", "RQ-11-11");
	example_is("[A-Z]\\.[0-9]+(\\.[0-9]+)*", "A.1");
	example_is("[0-9]+(\\.[0-9]+)*(\\([a-z]\\))?", "1");
	example_is("[[:upper:]]{2}-[[:digit:]]{3}", "AA-111");
	example_is("x[^a-z]y", "xXy");
	CHECK(regex_example("(a") == NULL);
	CHECK(regex_example("a\\1") == NULL);
	CHECK(regex_example("*a") == NULL);
	CHECK(regex_example("") == NULL);
}

void test_date_problem(void)
{
	/* a date, what the message holds (NULL: a good date), and what it
	 * must not hold */
	static const struct {
		const char *date, *has, *not ;
	} cases[] = {
	    {"2026-02-28", NULL, NULL},
	    {"2028-02-29", NULL, NULL},
	    {"2026-02-30", "is '2026-02-30', but February 2026 has 28 days",
	     NULL},
	    {"2026-04-31", "is '2026-04-31', but April 2026 has 30 days", NULL},
	    {"2026-3-1", "did you mean '2026-03-01'?", NULL},
	    {"1.3.2026", "did you mean '2026-03-01'?", NULL},
	    {"2026-13-05",
	     "no month 13 (dates are written YYYY-MM-DD); did "
	     "you mean '2026-05-13'?",
	     NULL},
	    {"2026-14-31", "no month 14", "did you mean"},
	    {"next week", "must be a date written YYYY-MM-DD", "did you mean"},
	    {"1066-10-14", "not plausible", NULL},
	};
	for (size_t i = 0; i < COUNT_OF(cases); i++) {
		char *p = fld_date_problem(cases[i].date);
		if (!cases[i].has)
			CHECK(p == NULL);
		else
			CHECK(p && strstr(p, cases[i].has));
		if (cases[i].not )
			CHECK(p && !strstr(p, cases[i].not ));
		free(p);
	}
}

/* The explanation of a libyaml report on text: the message and where
 * it points. */
static char *hint(const char *text, const char *problem, int line, int col,
                  const char *context, int cl, int cc, int *at_line,
                  int *at_col)
{
	yhint_report r = {problem, line, col, context, cl, cc};
	return yhint_explain(text, strlen(text), &r, at_line, at_col);
}

void test_yhint(void)
{
	int l, c;
	/* an unclosed quote is shown where it opens, not where libyaml
	 * noticed it */
	const char *t1 = "a:\n  b: \"open\n  c: x\n  d: \"y\"\ne: z\n";
	char *m = hint(t1, "did not find expected key", 4, 8,
	               "while parsing a block mapping", 2, 3, &l, &c);
	CHECK(strstr(m, "double quote") && strstr(m, "not closed"));
	CHECK_INT(l, 2);
	CHECK_INT(c, 6);
	CHECK(strstr(m, "(libyaml: did not find expected key)"));
	free(m);
	/* a colon in text */
	m = hint("title: Roles: who\n",
	         "mapping values are not allowed in "
	         "this context",
	         1, 13, NULL, 0, 0, &l, &c);
	CHECK(strstr(m, "the text of 'title' holds ': ' (after 'Roles')"));
	CHECK_INT(c, 13);
	free(m);
	/* a key that lines up with nothing */
	const char *t3 = "q:\n  - a: 1\n    b: 2\n   c: 3\n";
	m = hint(t3, "did not find expected '-' indicator", 4, 4,
	         "while parsing a block collection", 2, 3, &l, &c);
	CHECK(strstr(m, "line 4 is indented by 3 spaces"));
	CHECK(strstr(m, "'b' on line 3 by 4"));
	CHECK(strstr(m, "the list item on line 2 by 2"));
	free(m);
	/* a tab */
	m = hint("a:\n\tb: 1\n",
	         "found a tab character that violates "
	         "indentation",
	         2, 1, "while scanning a plain scalar", 1, 3, &l, &c);
	CHECK(strstr(m, "a tab in the indentation of line 2"));
	free(m);
	/* marks beyond the text do not trip it */
	m = hint("a: 1\n", "mapping values are not allowed in this context", 9,
	         40, NULL, 0, 0, &l, &c);
	CHECK(m != NULL);
	free(m);
	m = hint("", "did not find expected key", 3, 3,
	         "while parsing a block mapping", 7, 1, &l, &c);
	CHECK(m != NULL);
	free(m);
}
