/* Unit tests for the catalogue diff: word diff, similarity, matching, the
 * pairing API, uid slugs and line edits. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diff/diff.h"
#include "edit/mint.h"
#include "front/model.h"
#include "edit/srcedit.h"
#include "unit.h"
#include "front/ynode.h"

/* The texts the pieces give back: EQ+DEL (old side) and EQ+INS (new
 * side), and the pieces as "=a|-b|+c" for exact checks. */
static void sides(const diff_seg *s, size_t n, buf *old, buf *new, buf *show)
{
	static const char ops[] = "=-+";
	for (size_t i = 0; i < n; i++) {
		if (s[i].op != DIFF_INS)
			buf_put(old, s[i].text, s[i].len);
		if (s[i].op != DIFF_DEL)
			buf_put(new, s[i].text, s[i].len);
		if (i)
			buf_putc(show, '|');
		buf_putc(show, ops[s[i].op]);
		buf_put(show, s[i].text, s[i].len);
	}
	buf_puts(old, "");
	buf_puts(new, "");
	buf_puts(show, "");
}

static char *show_words(const char *a, const char *b)
{
	arena *ar = arena_new();
	size_t n;
	diff_seg *s = diff_words(ar, a, b, &n);
	buf o = {0}, w = {0}, sh = {0};
	sides(s, n, &o, &w, &sh);
	if (b)
		CHECK_STR(w.data, b); /* the new text exactly */
	if (a)
		CHECK(diff_same_but_space(o.data, a));
	buf_free(&o);
	buf_free(&w);
	arena_free(ar);
	return buf_detach(&sh);
}

#define CHECK_WORDS(a, b, want)                                                \
	do {                                                                   \
		char *got_ = show_words((a), (b));                             \
		CHECK_STR(got_, (want));                                       \
		free(got_);                                                    \
	} while (0)

void test_diff_words_basic(void)
{
	CHECK_WORDS("a b c", "a x c", "=a |-b|+x|= c");
	CHECK_WORDS("same text", "same text", "=same text");
	CHECK_WORDS("Cybersecurity culture",
	            "Cybersecurity culture and awareness",
	            "=Cybersecurity culture|+ and awareness");
	CHECK_WORDS("The agreement should define it.",
	            "The agreement must define it.",
	            "=The agreement |-should|+must|= define it.");
	/* an insertion between unchanged words is one piece, not one per
	 * word; white space slides to its start */
	CHECK_WORDS("has the policy", "has top management committed the policy",
	            "=has|+ top management committed|= the policy");
	/* punctuation is a token of its own */
	CHECK_WORDS("case and", "case, the risks and",
	            "=case|+, the risks|= and");
	/* Markdown markup is compared like words: underscores at the edges
	 * of a word are emphasis, those inside join (snake_case) */
	CHECK_WORDS("* one *bold*", "- one _bold_",
	            "-*|+-|= one |-*|+_|=bold|-*|+_");
	CHECK_WORDS("a snake_case b", "a snake_cases b",
	            "=a |-snake_case|+snake_cases|= b");
	CHECK_WORDS("__bold__", "**bold**", "-__|+**|=bold|-__|+**");
}

/* Word boundaries are Unicode's (UAX #29): a dash or a quotation mark
 * outside ASCII is a token of its own, not part of its neighbours; an
 * apostrophe inside a word and a decimal point inside a number are not
 * boundaries. */
void test_diff_words_unicode(void)
{
	/* en dash between words and numbers */
	CHECK_WORDS("Risiko\xE2\x80\x93"
	            "Analyse",
	            "Risiko\xE2\x80\x93"
	            "Bewertung",
	            "=Risiko\xE2\x80\x93|-Analyse|+Bewertung");
	CHECK_WORDS("2025\xE2\x80\x93"
	            "2026",
	            "2025\xE2\x80\x93"
	            "2027",
	            "=2025\xE2\x80\x93|-2026|+2027");
	/* German quotation marks stay outside the word they enclose */
	CHECK_WORDS("\xE2\x80\x9E"
	            "alt\xE2\x80\x9C",
	            "\xE2\x80\x9E"
	            "neu\xE2\x80\x9C",
	            "=\xE2\x80\x9E|-alt|+neu|=\xE2\x80\x9C");
	/* letters beyond ASCII are letters: one word each */
	CHECK_WORDS("die \xC3\x9C"
	            "berwachung",
	            "die \xC3\x9C"
	            "berpr\xC3\xBC"
	            "fung",
	            "=die |-\xC3\x9C"
	            "berwachung|+\xC3\x9C"
	            "berpr\xC3\xBC"
	            "fung");
	/* inside words and numbers */
	CHECK_WORDS("don't stop", "don't go", "=don't |-stop|+go");
	CHECK_WORDS("version 3.5 now", "version 3.6 now",
	            "=version |-3.5|+3.6|= now");
	/* an ASCII hyphen still separates */
	CHECK_WORDS("RQ-05-01", "RQ-05-02", "=RQ-05-|-01|+02");
}

void test_diff_words_whitespace(void)
{
	/* runs of white space never count as a change; the new text's
	 * white space is kept */
	CHECK_WORDS("a  b\nc", "a b c", "=a b c");
	CHECK_WORDS("one two", "one\n  two", "=one\n  two");
}

void test_diff_words_absent(void)
{
	CHECK_WORDS(NULL, "new text", "+new text");
	CHECK_WORDS("old text", NULL, "-old text");
	CHECK_WORDS(NULL, NULL, "");
	CHECK_WORDS("", "x", "+x");
}

void test_diff_words_cleanup(void)
{
	/* a short common word between two large changes joins them */
	char *got = show_words("alpha beta gamma the delta epsilon zeta",
	                       "one two three the four five six");
	CHECK_STR(got, "-alpha beta gamma the delta epsilon zeta|"
	               "+one two three the four five six");
	free(got);
	/* a long common stretch stays */
	got = show_words("alpha the long common stretch of words omega",
	                 "beta the long common stretch of words gamma");
	CHECK_STR(got, "-alpha|+beta|= the long common stretch of words |"
	               "-omega|+gamma");
	free(got);
}

/* old -> new and new -> old give mirrored pieces (same runs, deletions
 * and insertions swapped), whatever alignment ties exist. */
void test_diff_words_inverse(void)
{
	static const char *const texts[] = {
	    "To what extent has the organisation defined and approved a "
	    "policy for the cybersecurity of its products and services?",
	    "To what extent has top management committed the organisation "
	    "to vehicle cybersecurity through an approved policy that is "
	    "communicated to employees and kept up to date?",
	    "a b a b a b",
	    "b a b a b a b",
	    "the the the x the",
	    "x the the the",
	    "- one\n- two\n- three\n",
	    "* one\n* two and a half\n",
	};
	arena *ar = arena_new();
	for (size_t i = 0; i < COUNT_OF(texts); i++)
		for (size_t j = 0; j < COUNT_OF(texts); j++) {
			size_t n1, n2;
			diff_seg *s1 = diff_words(ar, texts[i], texts[j], &n1);
			diff_seg *s2 = diff_words(ar, texts[j], texts[i], &n2);
			/* compare run by run: EQ pieces, and per change run
			 * the deleted and inserted text */
			size_t a = 0, b = 0;
			bool same = true;
			while (a < n1 && b < n2 && same) {
				if (s1[a].op == DIFF_EQ ||
				    s2[b].op == DIFF_EQ) {
					same = s1[a].op == DIFF_EQ &&
					       s2[b].op == DIFF_EQ;
					a++;
					b++;
					continue;
				}
				buf d1 = {0}, i1 = {0}, d2 = {0}, i2 = {0};
				for (; a < n1 && s1[a].op != DIFF_EQ; a++)
					buf_put(s1[a].op == DIFF_DEL ? &d1
					                             : &i1,
					        s1[a].text, s1[a].len);
				for (; b < n2 && s2[b].op != DIFF_EQ; b++)
					buf_put(s2[b].op == DIFF_DEL ? &d2
					                             : &i2,
					        s2[b].text, s2[b].len);
				buf_puts(&d1, "");
				buf_puts(&i1, "");
				buf_puts(&d2, "");
				buf_puts(&i2, "");
				same = diff_same_but_space(d1.data, i2.data) &&
				       diff_same_but_space(i1.data, d2.data);
				buf_free(&d1);
				buf_free(&i1);
				buf_free(&d2);
				buf_free(&i2);
			}
			if (!same || a != n1 || b != n2) {
				char m[64];
				snprintf(m, sizeof(m), "mirror %zu/%zu", i, j);
				unit_fail(__FILE__, __LINE__, m);
			}
		}
	arena_free(ar);
}

/* Two unrelated long texts: bounded time, still a correct diff. */
void test_diff_words_pathological(void)
{
	buf a = {0}, b = {0};
	for (int i = 0; i < 20000; i++) {
		buf_printf(&a, "w%d ", i * 7 % 1000);
		buf_printf(&b, "w%d ", i * 13 % 997);
	}
	clock_t t0 = clock();
	arena *ar = arena_new();
	size_t n;
	diff_seg *s = diff_words(ar, a.data, b.data, &n);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	buf o = {0}, w = {0}, sh = {0};
	sides(s, n, &o, &w, &sh);
	CHECK_STR(w.data, b.data);
	CHECK(diff_same_but_space(o.data, a.data));
	CHECK(secs < 5.0);
	buf_free(&o);
	buf_free(&w);
	buf_free(&sh);
	/* many small runs: the cleanup merges them in few passes */
	buf_reset(&a);
	buf_reset(&b);
	for (int i = 0; i < 20000; i++) {
		buf_printf(&a, "a x%d ", i % 3);
		buf_printf(&b, "a y%d ", i % 5);
	}
	t0 = clock();
	s = diff_words(ar, a.data, b.data, &n);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	sides(s, n, &o, &w, &sh);
	CHECK_STR(w.data, b.data);
	CHECK(secs < 5.0);
	buf_free(&o);
	buf_free(&w);
	buf_free(&sh);
	buf_free(&a);
	buf_free(&b);
	arena_free(ar);
}

void test_diff_similarity(void)
{
	CHECK(diff_similarity("a b c", "a b c") == 1.0);
	CHECK(diff_similarity("a b c", "x y z") == 0.0);
	CHECK(diff_similarity("", "") == 1.0);
	CHECK(diff_similarity(NULL, "a") == 0.0);
	/* case folded, punctuation ignored */
	CHECK(diff_similarity("The Policy.", "the policy") == 1.0);
	/* Dice: 2 * 2 common / (3 + 3) */
	double s = diff_similarity("a b c", "a b d");
	CHECK(s > 0.66 && s < 0.67);
	/* multisets: repeated words count */
	s = diff_similarity("a a", "a");
	CHECK(s > 0.66 && s < 0.67);
}

void test_diff_editorial(void)
{
	CHECK(diff_same_but_space("a  b\n c ", "a b c"));
	CHECK(!diff_same_but_space("ab", "a b"));
	CHECK(diff_same_but_space(NULL, NULL));
	CHECK(!diff_same_but_space(NULL, ""));
	CHECK(diff_same_plain_text("*a* and **b**", "_a_ and __b__"));
	CHECK(diff_same_plain_text("* one\n* two\n", "- one\n- two\n"));
	CHECK(diff_same_plain_text("`x`", "x")); /* formatting only */
	CHECK(!diff_same_plain_text("one", "two"));
}

void test_diff_match(void)
{
	const char *olds[] = {"monitoring of vulnerability sources",
	                      "incident response plan tested yearly",
	                      "something entirely different"};
	const char *news[] = {"an incident response plan tested every year",
	                      "monitoring of sources of vulnerabilities",
	                      "unrelated words only"};
	size_t m[3];
	double sc[3];
	size_t n = diff_match(olds, 3, news, 3, 0.5, m, sc);
	CHECK_INT(n, 2);
	CHECK_INT(m[0], 1);
	CHECK_INT(m[1], 0);
	CHECK(m[2] == SIZE_MAX);
	CHECK(sc[0] >= 0.5 && sc[1] >= 0.5);
	/* greedy, best first: both olds want the same new; the closer wins */
	const char *o2[] = {"a b c d", "a b c d e"};
	const char *n2[] = {"a b c d e"};
	n = diff_match(o2, 2, n2, 1, 0.5, m, sc);
	CHECK_INT(n, 1);
	CHECK(m[0] == SIZE_MAX);
	CHECK_INT(m[1], 0);
	CHECK(diff_match(o2, 2, n2, 0, 0.5, m, sc) == 0);
}

/* Many texts: the index path finds the partners without scoring every
 * pair. */
void test_diff_match_large(void)
{
	enum { N = 3000 };
	char **o = xmalloc(N * sizeof(char *)),
	     **nw = xmalloc(N * sizeof(char *));
	for (int i = 0; i < N; i++) {
		o[i] = xasprintf("requirement number r%d about topic t%d and "
		                 "the word k%d",
		                 i, i % 50, i * 31 % 4999);
		nw[i] = xasprintf("requirement number r%d about topic t%d and "
		                  "the word k%d, reworded",
		                  N - 1 - i, (N - 1 - i) % 50,
		                  (N - 1 - i) * 31 % 4999);
	}
	size_t *m = xmalloc(N * sizeof(size_t));
	double *sc = xmalloc(N * sizeof(double));
	clock_t t0 = clock();
	size_t n = diff_match((const char *const *)o, N,
	                      (const char *const *)nw, N, 0.6, m, sc);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	CHECK_INT(n, N);
	bool right = true;
	for (int i = 0; i < N; i++)
		right &= m[i] == (size_t)(N - 1 - i);
	CHECK(right);
	CHECK(secs < 5.0);
	for (int i = 0; i < N; i++) {
		free(o[i]);
		free(nw[i]);
	}
	free(o);
	free(nw);
	free(m);
	free(sc);
}

/* Versions of one scheme loaded for a test. */
typedef struct loaded {
	diags d;
	vc_scheme *s;
	vc_version *v[3];
} loaded;

static void load_free(loaded *l)
{
	for (size_t i = 0; i < COUNT_OF(l->v); i++)
		model_version_free(l->v[i]);
	model_scheme_free(l->s);
	diags_free(&l->d);
}

/* Loads the versions v1, v2 and v3 (NULL for fewer) of the catalogue root
 * dir against dir/scheme.yaml; checks, and returns whether, all of them
 * loaded without errors. When they did not, it has freed what it loaded;
 * else load_free() afterwards. */
static bool load_fixture(loaded *l, const char *dir, const char *v1,
                         const char *v2, const char *v3)
{
	const char *dirs[] = {v1, v2, v3};
	memset(l, 0, sizeof(*l));
	diags_init(&l->d);
	char *path = xasprintf("%s/scheme.yaml", dir);
	l->s = model_scheme_load(path, &l->d);
	free(path);
	bool all = l->s != NULL;
	for (size_t i = 0; all && i < COUNT_OF(dirs) && dirs[i]; i++) {
		path = xasprintf("%s/%s", dir, dirs[i]);
		l->v[i] = model_version_load(l->s, path, &l->d);
		free(path);
		all = l->v[i] != NULL;
	}
	all = all && l->d.errors == 0;
	CHECK(all);
	if (!all)
		load_free(l);
	return all;
}

void test_diff_pairing_bundled(void)
{
	loaded l;
	if (!load_fixture(&l, "catalogue", "vcsa/1.0", "vcsa/1.1", NULL))
		return;
	vc_version *a = l.v[0], *b = l.v[1];
	diff_result *r = diff_versions(a, b);
	CHECK(!diff_same(r));

	/* every old node has a pairing */
	for (size_t i = 0; i < a->nrequirements; i++)
		CHECK(diff_pair_requirement(r, a->requirements[i]) != NULL);
	CHECK(diff_pair_requirement(r, b->requirements[0]) == NULL);

	/* a withdrawn question: its placeholder, its successor, and its
	 * requirements withdrawn with a suggestion in the successor */
	const diff_item *q =
	    diff_pair_question(r, model_question(a, "risk-monitoring"));
	CHECK(q && q->place == DIFF_WITHDRAWN);
	CHECK(q->nsuccessors == 1 &&
	      strcmp(q->successors[0]->uid, "ops-monitoring") == 0);
	CHECK(q->new_q && q->new_q->withdrawn);
	const diff_item *rq = diff_pair_requirement(
	    r, model_requirement(a, "risk-monitoring-sources"));
	CHECK(rq && rq->place == DIFF_WITHDRAWN && !rq->new_r);
	CHECK(rq->nsuccessors == 1 && rq->successors == q->successors);
	CHECK(rq->suggestion && rq->suggestion->question == q->successors[0]);
	CHECK(rq->nchanges == 0); /* part of the question's withdrawal */

	/* moved, shifted, unchanged */
	q = diff_pair_question(r, model_question(a, "org-info-sharing"));
	CHECK(q->place == DIFF_MOVED && q->how == DIFF_BY_UID);
	CHECK_STR(q->old_number, "2.3");
	CHECK_STR(q->new_number, "1.5");
	q = diff_pair_question(r, model_question(a, "dev-design"));
	CHECK(q->place == DIFF_SHIFTED && q->nchanges == 0);
	const diff_item *u = diff_pair_requirement(
	    r, model_requirement(a, "org-policy-approval"));
	CHECK(u->place == DIFF_UNCHANGED && u->kinds == 0 &&
	      u->new_r == model_requirement(b, "org-policy-approval"));

	/* level raised, with the statement's word diff on the change */
	u = diff_pair_requirement(
	    r, model_requirement(a, "sc-agreement-vulnerabilities"));
	CHECK(u->kinds == (1u << DIFF_LEVEL));
	CHECK_STR(u->changes[0].old_level, "should");
	CHECK_STR(u->changes[0].new_level, "must");
	CHECK_INT(u->changes[0].nsegs, 4);
	CHECK(u->changes[0].segs[1].op == DIFF_DEL &&
	      u->changes[0].segs[1].len == 6);

	/* the new side */
	const diff_item *o =
	    diff_origin_question(r, model_question(b, "dev-vuln-analysis"));
	CHECK(o && o->place == DIFF_ADDED && !o->old_q && o->reported);
	o = diff_origin_requirement(
	    r, model_requirement(b, "dev-design-third-party"));
	CHECK(o && o->place == DIFF_ADDED && o->kinds == (1u << DIFF_ADDED));

	CHECK_INT(r->counts[DIFF_TEXT], 5);
	CHECK_INT(r->counts[DIFF_SHIFTED], 3);
	/* German, partial in 1.0, complete in 1.1: one change for it, no
	 * change per German text */
	CHECK_INT(r->counts[DIFF_TRANSLATION], 0);
	CHECK_INT(r->counts[DIFF_LANGUAGE], 1);
	CHECK_INT(r->nlang_changes, 1);
	if (r->nlang_changes == 1) {
		const diff_change *lc = &r->lang_changes[0];
		CHECK_STR(lc->lang, "de");
		CHECK_STR(lc->old_status, "partial");
		CHECK_STR(lc->new_status, "complete");
		CHECK_STR(diff_language_event(lc), "completed");
		CHECK(lc->texts_added > 100 && lc->texts_removed == 0);
	}
	CHECK_INT(r->nrenumbered, 6);
	diff_free(r);

	r = diff_versions(b, b);
	CHECK(diff_same(r));
	CHECK_INT(r->nchanges, 0);
	diff_free(r);
	load_free(&l);
}

void test_diff_pairing_fixture(void)
{
	loaded l;
	if (!load_fixture(&l, "tests/fixtures/diff", "vcsa/1.0", "vcsa/2.0",
	                  NULL))
		return;
	vc_version *a = l.v[0], *b = l.v[1];
	diff_result *r = diff_versions(a, b);
	/* a renamed uid at the same number pairs by number */
	const diff_item *q =
	    diff_pair_question(r, model_question(a, "b-incident"));
	CHECK(q->how == DIFF_BY_NUMBER &&
	      q->new_q == model_question(b, "b-incidents"));
	CHECK(q->kinds & (1u << DIFF_UID));
	/* renamed and moved to a new chapter: by similarity */
	q = diff_pair_question(r, model_question(a, "b-monitor"));
	CHECK(q->how == DIFF_BY_SIMILARITY && q->place == DIFF_MOVED);
	CHECK(q->similarity >= DIFF_TEXT_SIMILARITY && q->similarity < 1.0);
	/* a requirement renamed at the same letter */
	const diff_item *rq =
	    diff_pair_requirement(r, model_requirement(a, "a-policy-known"));
	CHECK(rq->how == DIFF_BY_NUMBER && rq->kinds == (1u << DIFF_UID));
	/* a requirement moved to another question */
	rq = diff_pair_requirement(r,
	                           model_requirement(a, "b-incident-contacts"));
	CHECK(rq->place == DIFF_MOVED &&
	      rq->parent ==
	          diff_origin_question(r, model_question(b, "c-monitoring")));
	/* removed without placeholder; its requirement goes with it */
	q = diff_pair_question(r, model_question(a, "a-roles"));
	CHECK(q->place == DIFF_REMOVED && q->nchildren == 1 &&
	      q->children[0]->place == DIFF_REMOVED &&
	      q->children[0]->nchanges == 0);
	/* an added reference is the new version's own, no string to parse */
	rq =
	    diff_pair_requirement(r, model_requirement(a, "a-policy-approved"));
	const diff_change *rc = NULL;
	for (size_t i = 0; i < rq->nchanges; i++)
		if (rq->changes[i].kind == DIFF_REFERENCES)
			rc = &rq->changes[i];
	CHECK(rc && rc->nadded == 1 && rc->nremoved == 0);
	if (rc && rc->nadded == 1) {
		const vc_requirement *nr = rq->new_r;
		CHECK(rc->refs_added[0] >= nr->refs &&
		      rc->refs_added[0] < nr->refs + nr->nrefs);
		CHECK_STR(rc->refs_added[0]->standard->id, "iso-sae-21434");
		CHECK_STR(rc->refs_added[0]->id, "WP-05-01");
		CHECK(diff_ref_standard(r, rc->refs_added[0]) ==
		      rc->refs_added[0]->standard);
	}
	/* chapters */
	CHECK_INT(r->nchapters, 3);
	CHECK(r->chapters[2]->place == DIFF_ADDED);
	CHECK(r->chapters[1]->kinds == (1u << DIFF_TEXT));
	diff_free(r);
	load_free(&l);
}

/* A question withdrawn into three successors (the published-layout
 * fixture): every successor, in order, from either side of the pairing;
 * a withdrawn requirement's suggestion from any successor; successor
 * changes compare sets. */
void test_diff_successors(void)
{
	loaded l;
	if (!load_fixture(&l, "tests/fixtures/published", "vcsp/1.0",
	                  "vcsp/1.1", "vcsp/1.1"))
		return;
	vc_version *a = l.v[0], *b = l.v[1], *b2 = l.v[2];
	diff_result *r = diff_versions(a, b);
	const diff_item *q =
	    diff_pair_question(r, model_question(a, "gov-suppliers"));
	static const char *const want[] = {"sup-contracts", "sup-audits",
	                                   "sup-exit"};
	CHECK(q && q->place == DIFF_WITHDRAWN);
	CHECK_INT(q->nsuccessors, 3);
	for (size_t i = 0; i < 3 && i < q->nsuccessors; i++)
		CHECK_STR(q->successors[i]->uid, want[i]);
	CHECK(diff_origin_question(r, model_question(b, "gov-suppliers")) == q);
	/* the withdrawal change names them all */
	CHECK(q->nchanges >= 1 && q->changes[0].kind == DIFF_WITHDRAWN &&
	      q->changes[0].nsuccessors == 3);
	diff_free(r);

	/* The old version as if its audit requirement had another uid: it
	 * no longer pairs, goes with the withdrawal, and is offered the
	 * requirement of the second successor that says the same. */
	vc_requirement *audit = model_requirement(a, "gov-suppliers-audit");
	CHECK(audit != NULL);
	if (audit) {
		audit->uid = "gov-suppliers-visit";
		r = diff_versions(a, b);
		const diff_item *rq = diff_pair_requirement(r, audit);
		CHECK(rq && rq->place == DIFF_WITHDRAWN && !rq->new_r);
		CHECK_INT(rq->nsuccessors, 3);
		CHECK(rq->suggestion ==
		      model_requirement(b, "gov-suppliers-audit"));
		diff_free(r);
		audit->uid = "gov-suppliers-audit";
	}

	/* a placeholder withdrawn in both: the same successors in another
	 * order are no change; one fewer is */
	vc_question *p = model_question(b2, "gov-suppliers");
	CHECK(p && p->nsuccessors == 3);
	if (p && p->nsuccessors == 3) {
		vc_question *first = p->successors[0];
		p->successors[0] = p->successors[2];
		p->successors[2] = first;
		r = diff_versions(b, b2);
		CHECK(diff_same(r));
		diff_free(r);
		p->nsuccessors = 2;
		r = diff_versions(b, b2);
		q = diff_pair_question(r, model_question(b, "gov-suppliers"));
		CHECK(q && q->kinds == (1u << DIFF_SUCCESSOR));
		if (q && q->nchanges == 1) {
			const diff_change *c = &q->changes[0];
			CHECK_INT(c->nold_successors, 3);
			CHECK_INT(c->nsuccessors, 2);
			CHECK(c->nsuccessors == 2 &&
			      strcmp(c->successors[0]->uid, "sup-exit") == 0);
		}
		diff_free(r);
		p->nsuccessors = 3;
	}
	load_free(&l);
}

/* The change of requirement uid of the pair that differ, by kind. */
static const diff_change *change_of(const diff_result *r, const vc_version *old,
                                    const char *uid, diff_kind k)
{
	const diff_item *it =
	    diff_pair_requirement(r, model_requirement(old, uid));
	for (size_t i = 0; it && i < it->nchanges; i++)
		if (it->changes[i].kind == k)
			return &it->changes[i];
	return NULL;
}

/* A text whose German changed while its English did not: a translation
 * change where both versions mark German complete, shown in German
 * whatever language asks; counted in one language change where the old
 * version marks German partial. */
void test_diff_translations(void)
{
	loaded l;
	if (!load_fixture(&l, "tests/fixtures/published", "vcsp/1.0",
	                  "vcsp/1.1", NULL))
		return;
	vc_version *a = l.v[0], *b = l.v[1];
	diff_result *r = diff_versions(a, b);
	CHECK_INT(r->counts[DIFF_TRANSLATION], 1);
	CHECK_INT(r->nlang_changes, 0);
	const diff_item *it =
	    diff_pair_requirement(r, model_requirement(a, "gov-rules-written"));
	CHECK(it && it->kinds == (1u << DIFF_TRANSLATION));
	const diff_change *c =
	    change_of(r, a, "gov-rules-written", DIFF_TRANSLATION);
	CHECK(c != NULL);
	if (c) {
		CHECK_STR(c->field, "must");
		CHECK_STR(c->lang, "de");
		CHECK_STR(c->new_text, "Die Regeln sind schriftlich "
		                       "niedergelegt.");
		arena *ar = arena_new();
		size_t n;
		const char *actual;
		const diff_seg *segs =
		    diff_change_words(r, it, c, "en", ar, &n, &actual);
		CHECK_STR(actual, "de");
		CHECK(segs == c->segs && n == c->nsegs && n == 4);
		arena_free(ar);
	}
	diff_free(r);

	/* white space only in a translation: whitespace, in German */
	vc_requirement *reviewed = model_requirement(b, "gov-rules-reviewed");
	const char *keep = NULL;
	vc_text *de = NULL;
	if (reviewed && reviewed->ntexts > 1 && reviewed->texts[1].n == 2) {
		de = &reviewed->texts[1].tr[1];
		keep = de->text;
		/* "Die Überprüfung berücksichtigt die Vorfälle des
		 * Jahres." with other white space */
		de->text = "Die \xC3\x9C"
		           "berpr\xC3\xBC"
		           "fung  ber\xC3\xBC"
		           "cksichtigt die Vorf\xC3\xA4"
		           "lle\n des Jahres.";
	}
	CHECK(de && strcmp(de->lang, "de") == 0);
	r = diff_versions(a, b);
	c = change_of(r, a, "gov-rules-reviewed", DIFF_WHITESPACE);
	CHECK(c && strcmp(c->lang, "de") == 0 &&
	      strcmp(c->field, "should") == 0 && c->nsegs == 0);
	CHECK_INT(r->counts[DIFF_TRANSLATION], 1);
	diff_free(r);
	if (de)
		de->text = keep;

	/* German partial in the old version: no change per text, one for
	 * the language, counting the changed text */
	CHECK(a->nlanguages == 2 && strcmp(a->languages[1].id, "de") == 0);
	a->languages[1].complete = false;
	r = diff_versions(a, b);
	CHECK_INT(r->counts[DIFF_TRANSLATION], 0);
	CHECK(change_of(r, a, "gov-rules-written", DIFF_TRANSLATION) == NULL);
	CHECK_INT(r->counts[DIFF_LANGUAGE], 1);
	CHECK_INT(r->nlang_changes, 1);
	if (r->nlang_changes == 1) {
		c = &r->lang_changes[0];
		CHECK_STR(c->lang, "de");
		CHECK_STR(c->old_status, "partial");
		CHECK_STR(c->new_status, "complete");
		CHECK_INT(c->texts_added, 0);
		CHECK_INT(c->texts_changed, 1);
		CHECK_INT(c->texts_removed, 0);
	}
	diff_free(r);
	/* and the other way round */
	r = diff_versions(b, a);
	CHECK(r->nlang_changes == 1 &&
	      strcmp(diff_language_event(&r->lang_changes[0]), "incomplete") ==
	          0);
	diff_free(r);
	a->languages[1].complete = true;
	load_free(&l);
}

/* The section item of old section uid. */
static const diff_item *section_of(const diff_result *r, const vc_version *old,
                                   const char *uid)
{
	const vc_section *s = model_section(old, uid);
	CHECK(s != NULL);
	return s ? diff_pair_section(r, s) : NULL;
}

/* Sections (tests/fixtures/diff-sections): paired by uid, by number and
 * by the similarity of title and introduction; added, removed, moved to
 * another chapter, renumbered; questions moved between sections, and
 * questions whose number only follows their section's. */
void test_diff_sections(void)
{
	loaded l;
	if (!load_fixture(&l, "tests/fixtures/diff-sections", "isx/1.0",
	                  "isx/2.0", NULL))
		return;
	vc_version *a = l.v[0], *b = l.v[1];
	diff_result *r = diff_versions(a, b);
	CHECK(r->has_sections);
	CHECK_INT(r->nsections, 8);

	/* by uid: swapped, both renumbered */
	const diff_item *s = section_of(r, a, "sec-before");
	CHECK(s && s->how == DIFF_BY_UID && s->place == DIFF_RENUMBERED &&
	      s->new_s == model_section(b, "sec-before"));
	CHECK(s && s->kinds == (1u << DIFF_RENUMBERED));
	CHECK(section_of(r, a, "sec-during")->place == DIFF_RENUMBERED);
	/* by number: a new uid at the same number with the same title */
	s = section_of(r, a, "sec-org");
	CHECK(s && s->how == DIFF_BY_NUMBER && s->place == DIFF_UNCHANGED &&
	      s->new_s == model_section(b, "sec-organisation"));
	CHECK(s && s->kinds == (1u << DIFF_UID));
	CHECK(s && s->nchanges == 1 &&
	      strcmp(s->changes[0].old_uid, "sec-org") == 0);
	/* by similarity: a new uid, a longer title, another chapter; the
	 * section newly at its old number is not taken for it */
	s = section_of(r, a, "sec-leaving");
	CHECK(s && s->how == DIFF_BY_SIMILARITY && s->place == DIFF_MOVED &&
	      s->new_s == model_section(b, "sec-exit"));
	CHECK(s && s->similarity >= DIFF_TEXT_SIMILARITY && s->similarity < 1);
	CHECK(s && s->kinds == ((1u << DIFF_MOVED) | (1u << DIFF_UID) |
	                        (1u << DIFF_TEXT)));
	CHECK(s && s->change_note != NULL);
	CHECK_STR(diff_moved_out_of(s), "chapter");
	const diff_item *o =
	    diff_origin_section(r, model_section(b, "sec-awareness"));
	CHECK(o && o->place == DIFF_ADDED && !o->old_s && o->reported);
	CHECK(diff_origin_section(r, a->sections[0]) == NULL);
	CHECK(diff_pair_section(r, b->sections[0]) == NULL);
	/* removed, with one question removed and one moved to another
	 * section of the chapter */
	s = section_of(r, a, "sec-assets");
	CHECK(s && s->place == DIFF_REMOVED &&
	      s->kinds == (1u << DIFF_REMOVED));
	const diff_item *q =
	    diff_pair_question(r, model_question(a, "q-assets-list"));
	CHECK(q && q->place == DIFF_MOVED && q->how == DIFF_BY_UID);
	CHECK_STR(q->old_number, "1.3.1");
	CHECK_STR(q->new_number, "1.2.2");
	CHECK_STR(diff_moved_out_of(q), "section");
	CHECK(q->section ==
	      diff_origin_section(r, model_section(b, "sec-organisation")));
	q = diff_pair_question(r, model_question(a, "q-assets-owner"));
	CHECK(q && q->place == DIFF_REMOVED && q->section == s);
	/* a question in another chapter */
	q = diff_pair_question(r, model_question(a, "q-access"));
	CHECK(q && q->place == DIFF_MOVED);
	CHECK_STR(diff_moved_out_of(q), "chapter");
	/* numbers that follow the section's: shifted, not reported */
	q = diff_pair_question(r, model_question(a, "q-leaving"));
	CHECK(q && q->place == DIFF_SHIFTED && q->nchanges == 0);
	q = diff_pair_question(r, model_question(a, "q-before"));
	CHECK(q && q->place == DIFF_SHIFTED && q->nchanges == 0);
	/* one moved out before it */
	q = diff_pair_question(r, model_question(a, "q-systems-other"));
	CHECK(q && q->place == DIFF_SHIFTED);

	/* counts per type, the number table, the outline's order */
	size_t n[DIFF_NTYPES][DIFF_NKINDS];
	diff_count_types(r, n);
	CHECK_INT(n[DIFF_SECTION][DIFF_RENUMBERED], 2);
	CHECK_INT(n[DIFF_SECTION][DIFF_UID], 2);
	CHECK_INT(n[DIFF_QUESTION][DIFF_MOVED], 2);
	CHECK_INT(r->counts[DIFF_SHIFTED], 4);
	CHECK_INT(r->nrenumbered, 9);
	CHECK(r->nrenumbered == 9 && r->renumbered[1]->type == DIFF_SECTION &&
	      strcmp(r->renumbered[1]->old_number, "2.1") == 0 &&
	      strcmp(r->renumbered[2]->old_number, "2.1.1") == 0);
	buf order = {0};
	for (size_t i = 0; i < r->noutline; i++) {
		const diff_item *it = r->outline[i];
		if (it->type == DIFF_QUESTION && !it->reported)
			continue;
		buf_printf(&order, "%s%s", i ? " " : "",
		           it->type == DIFF_CHAPTER ? "ch"
		           : it->uid                ? it->uid
		                                    : "?");
	}
	buf_puts(&order, "");
	CHECK_STR(order.data, "ch sec-policies q-access sec-organisation "
	                      "q-assets-list sec-assets q-assets-owner ch "
	                      "sec-during sec-before sec-awareness q-awareness "
	                      "ch sec-systems sec-exit");
	buf_free(&order);
	diff_free(r);

	/* the other way round: the same pairs, inverse places */
	r = diff_versions(b, a);
	s = diff_pair_section(r, model_section(b, "sec-exit"));
	CHECK(s && s->how == DIFF_BY_SIMILARITY && s->place == DIFF_MOVED);
	s = diff_pair_section(r, model_section(b, "sec-awareness"));
	CHECK(s && s->place == DIFF_REMOVED);
	diff_free(r);
	r = diff_versions(b, b);
	CHECK(diff_same(r));
	diff_free(r);
	load_free(&l);
}

/* The ISA-shaped example: a question moved to another section is moved,
 * the one after it in its old section only shifted; questions listed by
 * chapter, section and number. */
void test_diff_isa(void)
{
	loaded l;
	if (!load_fixture(&l, "examples/isa", "isa/1.0", "isa/1.1", NULL))
		return;
	vc_version *a = l.v[0], *b = l.v[1];
	diff_result *r = diff_versions(a, b);
	const diff_item *q =
	    diff_pair_question(r, model_question(a, "pol-projects"));
	CHECK(q && q->place == DIFF_MOVED && q->kinds == (1u << DIFF_MOVED));
	q = diff_pair_question(r, model_question(a, "pol-assets"));
	CHECK(q && q->place == DIFF_SHIFTED && q->nchanges == 0);
	CHECK_INT(r->counts[DIFF_MOVED], 4);
	CHECK_INT(r->counts[DIFF_RENUMBERED], 0);
	/* every section pairs by uid and keeps its place */
	for (size_t i = 0; i < r->nsections; i++)
		CHECK(r->sections[i]->how == DIFF_BY_UID &&
		      r->sections[i]->place == DIFF_UNCHANGED &&
		      r->sections[i]->nchanges == 0);
	/* 3.1.4 (added to section 3.1) before the questions of 3.2 */
	size_t logging = SIZE_MAX, contracts = SIZE_MAX;
	for (size_t i = 0; i < r->nquestions; i++) {
		if (strcmp(r->questions[i]->uid, "it-logging") == 0)
			logging = i;
		if (strcmp(r->questions[i]->uid, "sup-security") == 0)
			contracts = i;
	}
	CHECK(logging < contracts && contracts != SIZE_MAX);
	diff_free(r);
	load_free(&l);
}

void test_mint_slug(void)
{
	char *s = mint_slug("Component inventory", 3, 45);
	CHECK_STR(s, "component-inventory");
	free(s);
	s = mint_slug("The agreement must define how vulnerabilities are "
	              "reported",
	              2, 24);
	CHECK_STR(s, "agreement-define");
	free(s);
	s = mint_slug("Überprüfung der Maßnahmen", 3, 45);
	CHECK_STR(s, "ueberpruefung-massnahmen");
	free(s);
	s = mint_slug("Third-party and open-source", 4, 45);
	CHECK_STR(s, "third-party-open-source");
	free(s);
	s = mint_slug("...", 3, 45);
	CHECK_STR(s, "");
	free(s);
	s = mint_slug("supercalifragilisticexpialidocious", 3, 10);
	CHECK_STR(s, "supercalif");
	free(s);
	s = mint_slug(NULL, 3, 10);
	CHECK_STR(s, "");
	free(s);
}

void test_srcedit(void)
{
	const char *t = "a: 1\n"
	                "b:\n"
	                "  x: |\n"
	                "    text\n"
	                "\n"
	                "    more\n"
	                "  # comment\n"
	                "\n"
	                "c: 3\n";
	srcedit *e = srcedit_new(t, strlen(t));
	CHECK_INT(srcedit_lines(e), 9);
	arena *a = arena_new();
	diags d;
	diags_init(&d);
	ynode *root = yn_load_text(a, &d, "t.yaml", xstrdup(t), strlen(t));
	CHECK(root != NULL);
	/* b's value ends with the text of x (line 6): the comment after it
	 * is left to what follows */
	if (root) {
		CHECK_INT(srcedit_last_line(e, yn_map_get(root, "b")), 6);
		CHECK_INT(srcedit_last_line(e, yn_map_get(root, "c")), 9);
		CHECK_INT(srcedit_last_line(e, root), 9);
	}
	diags_free(&d);
	arena_free(a);
	CHECK(srcedit_is_blank(e, 5) && srcedit_is_blank(e, 7));
	srcedit_delete(e, 2, 7);
	srcedit_replace(e, 1, "a: 2");
	srcedit_insert_after(e, 1, "z: 0");
	srcedit_insert_after(e, 0, "# top");
	size_t n;
	char *r = srcedit_result(e, &n);
	CHECK_STR(r, "# top\na: 2\nz: 0\n  # comment\n\nc: 3\n");
	CHECK_INT(n, strlen(r));
	free(r);
	srcedit_free(e);

	/* CRLF files stay CRLF; a last line without newline stays so */
	t = "- k: v\r\n  m: w";
	e = srcedit_new(t, strlen(t));
	CHECK_STR(srcedit_eol(e), "\r\n");
	char *p = srcedit_prefix(e, 1, 3), *x = srcedit_suffix(e, 1, 3);
	CHECK_STR(p, "- ");
	CHECK_STR(x, "k: v");
	free(p);
	free(x);
	srcedit_insert_after(e, 1, "  uid: u");
	srcedit_insert_after(e, 2, "  z: 1");
	r = srcedit_result(e, &n);
	CHECK_STR(r, "- k: v\r\n  uid: u\r\n  m: w\r\n  z: 1");
	free(r);
	srcedit_free(e);
}

/* Where a value ends, from the parser's marks: the shapes that line
 * indentation misjudges. */
void test_srcedit_last_line(void)
{
	const char *t = "q:\n"                            /* 1 */
	                "- applies_to:\n"                 /* 2 */
	                "  - development\n"               /* 3 */
	                "  must: \"Top management must\n" /* 4 */
	                " sign it.\"\n"                   /* 5 */
	                "  clip: >\n"                     /* 6 */
	                "    text\n"                      /* 7 */
	                "\n"                              /* 8 */
	                "  # about keep\n"                /* 9 */
	                "  keep: |+\n"                    /* 10 */
	                "    text\n"                      /* 11 */
	                "\n"                              /* 12 */
	                "  flow: {a: 1,\n"                /* 13 */
	                "    b: 2}  # done\n"             /* 14 */
	                "  empty:\n"                      /* 15 */
	                "- ? alone\n"                     /* 16 */
	                "  # after\n";                    /* 17 */
	srcedit *e = srcedit_new(t, strlen(t));
	arena *a = arena_new();
	diags d;
	diags_init(&d);
	ynode *root = yn_load_text(a, &d, "t.yaml", xstrdup(t), strlen(t));
	CHECK_INT(d.errors, 0);
	const ynode *q = yn_map_get(root, "q");
	CHECK(q && q->kind == YN_SEQ && q->n == 2);
	if (q && q->kind == YN_SEQ && q->n == 2) {
		const ynode *m = q->items[0];
		CHECK_INT(srcedit_last_line(e, yn_map_get(m, "applies_to")), 3);
		CHECK_INT(srcedit_last_line(e, yn_map_get(m, "must")), 5);
		CHECK_INT(srcedit_last_line(e, yn_map_get(m, "clip")), 7);
		CHECK_INT(srcedit_last_line(e, yn_map_get(m, "keep")), 12);
		const ynode *f = yn_map_get(m, "flow");
		CHECK(f && f->flow);
		CHECK_INT(srcedit_last_line(e, f), 14);
		CHECK_INT(srcedit_last_line(e, m), 15);
		CHECK(!m->flow);
		/* an explicit key without a value ends the mapping itself,
		 * not the next token libyaml marks its empty value at */
		CHECK_INT(srcedit_last_line(e, q->items[1]), 16);
		CHECK_INT(srcedit_last_line(e, root), 16);
	}
	diags_free(&d);
	arena_free(a);
	srcedit_free(e);
}

/* The catalogue root is found without following links. */
void test_model_version_root(void)
{
	char *r = model_version_root("/a/b/cat/vcsa/1.1");
	CHECK_STR(r, "/a/b/cat");
	free(r);
	r = model_version_root("/x/./vcsa/../vcsa/1.1/");
	CHECK_STR(r, "/x");
	free(r);
	r = model_version_root("/vcsa/1.1");
	CHECK_STR(r, "/");
	free(r);
	r = model_version_root("catalogue/vcsa/1.1");
	CHECK(r && r[0] == '/' && strlen(r) >= 10 &&
	      strcmp(r + strlen(r) - 10, "/catalogue") == 0);
	free(r);
}

/* The ids that name folders of the site: one rule for the loader,
 * new-version and the site. */
void test_model_id_rules(void)
{
	CHECK(model_version_id_problem("1.1") == NULL);
	CHECK(model_version_id_problem("2.0-rc1") == NULL);
	CHECK(model_version_id_problem("latest") != NULL);
	CHECK(model_version_id_problem("q") != NULL);
	CHECK(model_version_id_problem("index.html") != NULL);
	CHECK(model_version_id_problem("../x") != NULL);
	CHECK(model_version_id_problem("1.2+B") != NULL);
	CHECK(model_version_id_problem("") != NULL);
	CHECK(model_version_id_problem(".1") != NULL);
	CHECK(model_catalogue_id_problem(NULL, "vcsa") == NULL);
	CHECK(model_catalogue_id_problem(NULL, "assets") != NULL);
	CHECK(model_catalogue_id_problem(NULL, "downloads") != NULL);
	CHECK(model_catalogue_id_problem(NULL, "Vcsa") != NULL);
	diags d;
	diags_init(&d);
	vc_scheme *s = model_scheme_load("catalogue/scheme.yaml", &d);
	CHECK(s != NULL);
	if (s) {
		CHECK(model_catalogue_id_problem(s, "de") != NULL);
		CHECK(model_catalogue_id_problem(s, "vcsa") == NULL);
	}
	model_scheme_free(s);
	diags_free(&d);
}
