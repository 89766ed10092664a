/* Unit tests for the model, on the bundled catalogue. */
#include <stdlib.h>

#include "base/md.h"
#include "front/model.h"
#include "unit.h"

static vc_scheme *scheme(diags *d)
{
	diags_init(d);
	return model_scheme_load("catalogue/scheme.yaml", d);
}

void test_scheme_bundled(void)
{
	diags d;
	vc_scheme *s = scheme(&d);
	CHECK(s != NULL);
	CHECK_INT(d.errors, 0);
	CHECK_INT(s->nobjectives, 3);
	CHECK_STR(s->objectives[0].id, "development");
	CHECK_STR(s->objectives[1].id, "production");
	CHECK_STR(s->objectives[2].id, "operations");
	CHECK_INT(model_objective_index(s, "operations"), 2);
	CHECK(model_objective(s, "nope") == NULL);
	CHECK_INT(s->nlevels, 2);
	CHECK_INT(s->nfindings, 4);
	CHECK_INT(s->validity_years, 3);
	CHECK_INT(s->corrective_action_max_months, 9);
	CHECK(s->nanswers >= 3);
	CHECK_STR(prose_text(&s->objectives[2].title, "de"),
	          "VCS Betrieb & Wartung");
	const vc_standard *st = model_standard(s, "iso-sae-21434");
	CHECK(st != NULL);
	CHECK(regexec(&st->re, "RQ-05-01", 0, NULL, 0) == 0);
	CHECK(regexec(&st->re, "RQ-05-01x", 0, NULL, 0) != 0);
	char *set = model_objset_string(s, 5, ",");
	CHECK_STR(set, "development,operations");
	free(set);
	model_scheme_free(s);
	diags_free(&d);
}

void test_model_bundled_versions(void)
{
	diags d;
	vc_scheme *s = scheme(&d);
	static const char *const dirs[] = {"catalogue/vcsa/1.0",
	                                   "catalogue/vcsa/1.1"};
	for (size_t i = 0; i < 2; i++) {
		vc_version *v = model_version_load(s, dirs[i], &d);
		CHECK(v != NULL);
		CHECK_INT(d.errors, 0);
		CHECK_INT(v->nchapters, 9);
		CHECK(v->nquestions >= 24);
		CHECK(v->nrequirements >= 70);
		for (size_t c = 0; c < v->nchapters; c++)
			CHECK_INT(v->chapters[c].number, (long long)c + 1);
		/* requirements are in catalogue order, each knows its index */
		for (size_t r = 0; r < v->nrequirements; r++)
			CHECK_INT(v->requirements[r]->index, r);
		model_version_free(v);
	}
	model_scheme_free(s);
	diags_free(&d);
}

void test_model_lookups(void)
{
	diags d;
	vc_scheme *s = scheme(&d);
	vc_version *v = model_version_load(s, "catalogue/vcsa/1.1/", &d);
	CHECK_STR(v->key, "vcsa/1.1");
	CHECK_STR(v->dir, "catalogue/vcsa/1.1");
	vc_question *q = model_question(v, "org-policy");
	CHECK(q != NULL);
	CHECK_STR(q->number, "1.1");
	CHECK(model_question_by_number(v, "1.1") == q);
	CHECK(q->chapter == &v->chapters[0]);
	CHECK(q->nreqs >= 1);
	CHECK_STR(q->reqs[0].label, "1.1.a");
	CHECK(model_requirement(v, q->reqs[0].uid) == &q->reqs[0]);
	CHECK(model_question(v, q->reqs[0].uid) == NULL);
	/* the moved question lives in chapter 1 in 1.1 */
	vc_question *m = model_question(v, "org-info-sharing");
	CHECK(m && m->chapter->number == 1);
	CHECK(model_has_language(v, "de"));
	CHECK(!model_has_language(v, "fr"));
	model_version_free(v);
	model_scheme_free(s);
	diags_free(&d);
}

void test_model_withdrawn(void)
{
	diags d;
	vc_scheme *s = scheme(&d);
	vc_version *v = model_version_load(s, "catalogue/vcsa/1.1", &d);
	vc_question *w = model_question(v, "risk-monitoring");
	CHECK(w && w->withdrawn);
	CHECK_INT(w->nsuccessors, 1);
	CHECK(w->successors[0] == model_question(v, "ops-monitoring"));
	CHECK_INT(w->nreqs, 0);
	CHECK_STR(w->number, "3.3");
	model_version_free(v);
	model_scheme_free(s);
	diags_free(&d);
}

void test_model_prose(void)
{
	diags d;
	vc_scheme *s = scheme(&d);
	vc_version *v = model_version_load(s, "catalogue/vcsa/1.0", &d);
	vc_question *q = model_question(v, "org-policy");
	CHECK(prose_get(&q->title, "en") != NULL);
	CHECK(prose_get(&q->title, "de") != NULL);
	/* 1.0 has no German question text: the fallback is English */
	CHECK(prose_get(&q->question, "de") == NULL);
	CHECK(prose_text(&q->question, "de") == prose_get(&q->question, "en"));
	CHECK(!v->languages[1].complete);
	/* as plain text: Markdown rendered, "" when absent */
	arena *a = arena_new();
	const char *plain = prose_plain(a, &q->question, "de");
	char *want = md_plain_text(prose_get(&q->question, "en"));
	CHECK_STR(plain, want);
	free(want);
	CHECK(strchr(plain, '*') == NULL);
	vc_prose none = {0};
	CHECK_STR(prose_plain(a, &none, "en"), "");
	CHECK_STR(prose_plain(a, NULL, "en"), "");
	arena_free(a);
	model_version_free(v);
	model_scheme_free(s);
	diags_free(&d);
}

void test_model_narrowed_applicability(void)
{
	diags d;
	vc_scheme *s = scheme(&d);
	vc_version *v = model_version_load(s, "catalogue/vcsa/1.1", &d);
	for (size_t i = 0; i < v->nrequirements; i++) {
		const vc_requirement *r = v->requirements[i];
		/* a requirement never applies beyond its question */
		CHECK((r->applies_to & ~r->question->applies_to) == 0);
		CHECK(r->applies_to != 0);
		CHECK(model_req_objectives(s, r) != 0);
	}
	vc_question *ps = model_question(v, "prod-secrets");
	CHECK(ps != NULL);
	CHECK_INT(ps->applies_to, (1 << 1) | (1 << 2));
	model_version_free(v);
	model_scheme_free(s);
	diags_free(&d);
}
