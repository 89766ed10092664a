/* Unit tests for the audit report writer (backend/report.c), with an
 * audit built by hand against the bundled catalogue: it writes a report,
 * refuses an incomplete audit unless it is a draft, and leaves no file
 * when it refuses. VCSC_REPORT_OUT=DIR keeps the PDFs for a look. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backend/report.h"
#include "unit.h"

typedef struct fixture {
	diags d;
	vc_scheme *s;
	vc_version *v;
	vc_audit a;
	vc_provider prov;
	vc_auditor lead, expert;
	const vc_auditor *experts[1];
	vc_audit_finding f[3];
	vc_action act[2];
	vc_sample samples[2];
	vc_verdict *verdicts;
	vc_outcome out[3];
	vc_decision dec;
	const char *locations[2];
	const char *share[1];
} fixture;

/* An audit of the version in dir under the scheme at scheme, of every
 * objective, with a verdict on every requirement that applies (the first
 * eleven only unless complete), three findings and two actions. */
static int fixture_at(fixture *x, bool complete, const char *scheme,
                      const char *dir)
{
	memset(x, 0, sizeof(*x));
	diags_init(&x->d);
	x->s = model_scheme_load(scheme, &x->d);
	if (!x->s)
		return -1;
	x->v = model_version_load(x->s, dir, &x->d);
	if (!x->v || x->d.errors)
		return -1;
	vc_audit *a = &x->a;
	a->id = "A-TEST-001";
	a->revision = 2;
	a->lang = "en";
	a->participant.id = "P-100";
	a->participant.name = "Example Components GmbH";
	a->participant.duns = "123456789";
	a->scope.id = "VCS-100";
	x->locations[0] = "Plant Nord, Hamburg";
	x->locations[1] = "Engineering Centre, Bremen";
	a->scope.locations = x->locations;
	a->scope.nlocations = 2;
	a->scope.objectives = (vc_objset)((1u << x->s->nobjectives) - 1);
	a->tisax.scope_id = "S1234X";
	a->tisax.level = "AL3";
	a->tisax.expires = (vc_date){2027, 5, 31};
	x->prov.id = "nordcert";
	x->prov.name = "NordCert Audit GmbH";
	x->prov.address = "Am Hafen 1, 20457 Hamburg";
	x->lead = (vc_auditor){"a.becker", "Anna Becker", true, NO_POS};
	x->expert = (vc_auditor){"j.kim", "Jun Kim", false, NO_POS};
	x->experts[0] = &x->expert;
	a->provider = &x->prov;
	a->lead = &x->lead;
	a->experts = x->experts;
	a->nexperts = 1;
	a->catalogue_id = "vcsa/1.1";
	a->scheme = x->s;
	a->version = x->v;
	a->opening = (vc_date){2026, 3, 2};
	a->closing = (vc_date){2026, 3, 6};
	x->samples[0] = (vc_sample){"P1", "Gateway ECU",
	                            "The central "
	                            "gateway, series 2027.",
	                            NO_POS};
	x->samples[1] = (vc_sample){"P2", "Battery controller", NULL, NO_POS};
	a->samples = x->samples;
	a->nsamples = 2;
	x->verdicts = calloc(x->v->nrequirements + 1, sizeof(vc_verdict));
	size_t n = 0;
	for (size_t i = 0; i < x->v->nrequirements; i++) {
		const vc_requirement *r = x->v->requirements[i];
		if (r->question->withdrawn ||
		    !(model_req_objectives(x->s, r) & a->scope.objectives))
			continue;
		if (!complete && n > 10)
			break;
		vc_verdict *vd = &x->verdicts[n++];
		vd->label = r->label;
		vd->req = r;
		vd->kind = VC_VERDICT_CONFORM;
		if (n == 3 || n == 12 || n == 30) {
			size_t k = n == 3 ? 0 : n == 12 ? 1 : 2;
			vc_audit_finding *f = &x->f[k];
			f->id = k == 0 ? "F-01" : k == 1 ? "F-02" : "F-03";
			f->req_label = r->label;
			f->req = r;
			f->cls = &x->s->findings[k == 2 ? 2 : 1];
			f->statement = "The procedure exists but the records "
			               "of two of three sampled projects lack "
			               "the **approval** step.";
			f->evidence = "Procedure PR-12 rev. 4; review records "
			              "of P1 and P2.";
			f->objectives = a->scope.objectives;
			vd->kind = VC_VERDICT_FINDING;
			vd->finding_id = f->id;
			vd->finding = f;
		} else if (n == 5) {
			vd->kind = VC_VERDICT_NOT_APPLICABLE;
			vd->reason = "No production site in scope.";
		}
	}
	a->verdicts = x->verdicts;
	a->nverdicts = n;
	a->findings = x->f;
	a->nfindings = complete ? 3 : 1;
	x->act[0] = (vc_action){"F-01",
	                        &x->f[0],
	                        "Add the approval step to the template.",
	                        (vc_date){2026, 6, 30},
	                        true,
	                        (vc_date){0, 0, 0},
	                        NO_POS};
	x->act[1] = (vc_action){"F-02",
	                        &x->f[1],
	                        "Train the reviewers.",
	                        (vc_date){2026, 5, 15},
	                        true,
	                        (vc_date){2026, 4, 20},
	                        NO_POS};
	a->actions = x->act;
	a->nactions = complete ? 2 : 1;
	a->publish = VC_PUBLISH_LABEL;
	x->share[0] = "Example Motors AG";
	a->share_with = x->share;
	a->nshare_with = 1;
	a->complete = complete;
	for (size_t i = 0; i < 3 && i < x->s->nobjectives; i++) {
		vc_outcome *o = &x->out[i];
		o->objective = &x->s->objectives[i];
		o->objective_index = i;
		o->kind = VC_LABEL_TEMPORARY;
		o->issued = a->closing;
		o->expires = (vc_date){2026, 6, 30};
		o->rule = "actions-accepted";
		o->nopen = 1;
	}
	x->dec.audit = a;
	x->dec.initial = a;
	x->dec.outcomes = x->out;
	x->dec.n = x->s->nobjectives < 3 ? x->s->nobjectives : 3;
	return 0;
}

static int fixture_open(fixture *x, bool complete)
{
	return fixture_at(x, complete, "catalogue/scheme.yaml",
	                  "catalogue/vcsa/1.1");
}

static void fixture_close(fixture *x)
{
	free(x->verdicts);
	model_version_free(x->v);
	model_scheme_free(x->s);
	diags_free(&x->d);
}

static char *out_path(const char *name)
{
	const char *dir = getenv("VCSC_REPORT_OUT");
	if (dir)
		return xasprintf("%s/%s", dir, name);
	return xasprintf("/tmp/vcsc-unit-report-%d-%s", (int)getpid(), name);
}

void test_report_write(void)
{
	fixture x;
	CHECK(fixture_open(&x, true) == 0);
	report_options o = {PDF_A4, false, "templates", NULL};
	char *p = out_path("report.pdf");
	CHECK_INT(report_write(&x.a, &x.dec, &o, p, &x.d), 0);
	CHECK_INT(x.d.errors, 0);
	struct stat sb;
	CHECK(stat(p, &sb) == 0 && sb.st_size > 10000);
	if (!getenv("VCSC_REPORT_OUT"))
		unlink(p);
	free(p);
	fixture_close(&x);
}

void test_report_incomplete_needs_draft(void)
{
	fixture x;
	CHECK(fixture_open(&x, false) == 0);
	report_options o = {PDF_A4, false, "templates", NULL};
	char *p = out_path("draft.pdf");
	unlink(p);
	CHECK_INT(report_write(&x.a, NULL, &o, p, &x.d), -1);
	CHECK_INT(x.d.errors, 1);
	struct stat sb;
	CHECK(stat(p, &sb) != 0);
	o.draft = true;
	CHECK_INT(report_write(&x.a, NULL, &o, p, &x.d), 0);
	CHECK_INT(x.d.errors, 1);
	CHECK(stat(p, &sb) == 0);
	if (!getenv("VCSC_REPORT_OUT"))
		unlink(p);
	free(p);
	fixture_close(&x);
}

/* A catalogue of chapters of sections (the ISA example): the results
 * table has a row per section, in German. */
void test_report_sections(void)
{
	fixture x;
	CHECK(fixture_at(&x, true, "examples/isa/scheme.yaml",
	                 "examples/isa/isa/1.1") == 0);
	x.a.lang = "de";
	report_options o = {PDF_LETTER, false, "templates", NULL};
	char *p = out_path("sections.pdf");
	CHECK_INT(report_write(&x.a, &x.dec, &o, p, &x.d), 0);
	CHECK_INT(x.d.errors, 0);
	struct stat sb;
	CHECK(stat(p, &sb) == 0 && sb.st_size > 10000);
	if (!getenv("VCSC_REPORT_OUT"))
		unlink(p);
	free(p);
	fixture_close(&x);
}
