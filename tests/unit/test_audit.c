/* Unit tests for the audit half: calendar dates (audit/date.c) and the
 * label decision (audit/decide.c), table-driven. */
#include <stdlib.h>

#include "audit/audit.h"
#include "unit.h"

static vc_date D(const char *s)
{
	vc_date t = {0, 0, 0};
	if (date_parse(s, &t) != 0)
		unit_fail(__FILE__, __LINE__, s);
	return t;
}

static void check_add(const char *from, int months, const char *want)
{
	char b[11];
	date_format(date_add_months(D(from), months), b);
	if (strcmp(b, want) != 0) {
		char m[128];
		snprintf(m, sizeof(m), "%s + %d months = %s, not %s", from,
		         months, b, want);
		unit_fail(__FILE__, __LINE__, m);
	}
}

void test_audit_dates(void)
{
	vc_date t;
	CHECK(date_parse("2026-02-28", &t) == 0);
	CHECK(t.y == 2026 && t.m == 2 && t.d == 28);
	CHECK(date_parse("2026-02-29", &t) != 0);
	CHECK(date_parse("2028-02-29", &t) == 0);
	CHECK(date_parse("2100-02-29", &t) != 0);
	CHECK(date_parse("2000-02-29", &t) == 0);
	CHECK(date_parse("2026-04-31", &t) != 0);
	CHECK(date_parse("2026-13-01", &t) != 0);
	CHECK(date_parse("2026-1-01", &t) != 0);
	CHECK(date_parse("26-01-01x", &t) != 0);
	CHECK(date_parse("2026-01-01 ", &t) != 0);
	CHECK(date_parse("", &t) != 0);
	CHECK(date_parse(NULL, &t) != 0);
	char b[11];
	CHECK_STR(date_format(D("2026-03-05"), b), "2026-03-05");
	vc_date none = {0, 0, 0};
	CHECK_STR(date_format(none, b), "");
	CHECK(!date_set(date_add_months(none, 3)));
	CHECK(date_cmp(D("2026-03-05"), D("2026-03-06")) < 0);
	CHECK(date_cmp(D("2026-03-05"), D("2026-03-05")) == 0);
	CHECK(date_cmp(D("2027-01-01"), D("2026-12-31")) > 0);
	/* the end of the month where the day does not exist */
	check_add("2025-08-31", 6, "2026-02-28");
	check_add("2027-08-31", 6, "2028-02-29");
	check_add("2026-01-31", 1, "2026-02-28");
	check_add("2026-03-31", 1, "2026-04-30");
	check_add("2026-05-31", 9, "2027-02-28");
	check_add("2026-08-31", 9, "2027-05-31");
	check_add("2026-03-15", 9, "2026-12-15");
	check_add("2026-04-30", 9, "2027-01-30");
	check_add("2026-06-30", 8, "2027-02-28");
	/* leap days */
	check_add("2028-02-29", 12, "2029-02-28");
	check_add("2028-02-29", 48, "2032-02-29");
	check_add("2028-02-29", 36, "2031-02-28");
	check_add("2027-05-29", 9, "2028-02-29");
	CHECK(date_cmp(date_add_years(D("2028-02-29"), 3), D("2031-02-28")) ==
	      0);
	/* negative months, across years */
	check_add("2026-03-31", -1, "2026-02-28");
	check_add("2026-01-15", -2, "2025-11-15");
	check_add("2026-12-31", 0, "2026-12-31");
	check_add("2026-11-30", 3, "2027-02-28");
	check_add("2026-12-15", 13, "2028-01-15");
}

/* ---- the label decision, table-driven ----
 *
 * Each scenario builds an audit in memory (and, for a follow-up, the
 * audit it follows up) against the bundled scheme: objectives are
 * letters (d development, p production, o operations); a finding is
 * "ID:CLASS:OBJECTIVES" (the objectives its requirement applies to; it
 * counts against those the audit covers); an action is
 * "FINDING:DUE:a" (accepted) or "FINDING:DUE:n"; a follow-up's verdict
 * is "INITIAL-FINDING=conform" or "INITIAL-FINDING=ITS-OWN-FINDING" on
 * the requirement of that initial finding. expect lists one outcome per
 * audited objective: "LETTER:LABEL:ISSUED:EXPIRES:RULE" (dates "-" when
 * unset). */
typedef struct scenario {
	const char *name;
	const char *objectives, *closing, *findings, *actions;
	const char *fu_closing, *fu_verdicts, *fu_findings, *fu_actions;
	const char *expect;
	int rc;
} scenario;

static const scenario scenarios[] = {
    {"nothing found, three objectives", "dpo", "2026-03-05", "", "", NULL, NULL,
     NULL, NULL,
     "d:full:2026-03-05:2029-03-05:nothing-open "
     "p:full:2026-03-05:2029-03-05:nothing-open "
     "o:full:2026-03-05:2029-03-05:nothing-open",
     0},
    {"an observation never affects a label", "d", "2026-03-05",
     "F1:observation:d", "", NULL, NULL, NULL, NULL,
     "d:full:2026-03-05:2029-03-05:nothing-open", 0},
    {"an opportunity for improvement never affects a label", "dp", "2026-03-05",
     "F1:opportunity:dp F2:observation:p", "", NULL, NULL, NULL, NULL,
     "d:full:2026-03-05:2029-03-05:nothing-open "
     "p:full:2026-03-05:2029-03-05:nothing-open",
     0},
    {"an open major blocks, even with an accepted action", "d", "2026-03-05",
     "F1:major:d", "F1:2026-06-30:a", NULL, NULL, NULL, NULL,
     "d:none:-:-:open-blocking", 0},
    {"an open major without action", "d", "2026-03-05", "F1:major:d", "", NULL,
     NULL, NULL, NULL, "d:none:-:-:open-blocking", 0},
    {"a major and a minor without action: the major decides", "d", "2026-03-05",
     "F1:minor:d F2:major:d", "", NULL, NULL, NULL, NULL,
     "d:none:-:-:open-blocking", 0},
    {"a minor with an accepted action: temporary to its due date", "d",
     "2026-03-05", "F1:minor:d", "F1:2026-06-30:a", NULL, NULL, NULL, NULL,
     "d:temporary:2026-03-05:2026-06-30:actions-accepted", 0},
    {"a minor whose action is not accepted: pending", "d", "2026-03-05",
     "F1:minor:d", "F1:2026-06-30:n", NULL, NULL, NULL, NULL,
     "d:pending:-:-:action-missing", 0},
    {"a minor without a plan item: pending", "d", "2026-03-05", "F1:minor:d",
     "", NULL, NULL, NULL, NULL, "d:pending:-:-:action-missing", 0},
    {"one of two minors without accepted action: pending", "d", "2026-03-05",
     "F1:minor:d F2:minor:d", "F1:2026-06-30:a F2:2026-07-31:n", NULL, NULL,
     NULL, NULL, "d:pending:-:-:action-missing", 0},
    {"two actions on a minor, one accepted: its due date counts", "d",
     "2026-03-05", "F1:minor:d", "F1:2026-08-31:n F1:2026-06-30:a", NULL, NULL,
     NULL, NULL, "d:temporary:2026-03-05:2026-06-30:actions-accepted", 0},
    {"several minors: the latest due date", "d", "2026-03-05",
     "F1:minor:d F2:minor:d", "F1:2026-05-15:a F2:2026-09-30:a", NULL, NULL,
     NULL, NULL, "d:temporary:2026-03-05:2026-09-30:actions-accepted", 0},
    {"a shared requirement counts against each objective it applies to", "dpo",
     "2026-03-05", "F1:minor:dp F2:major:o", "F1:2026-06-30:a F2:2026-06-30:a",
     NULL, NULL, NULL, NULL,
     "d:temporary:2026-03-05:2026-06-30:actions-accepted "
     "p:temporary:2026-03-05:2026-06-30:actions-accepted "
     "o:none:-:-:open-blocking",
     0},
    {"a major on a shared requirement blocks both, not the third", "dpo",
     "2026-03-05", "F1:major:dp", "F1:2026-06-30:a", NULL, NULL, NULL, NULL,
     "d:none:-:-:open-blocking p:none:-:-:open-blocking "
     "o:full:2026-03-05:2029-03-05:nothing-open",
     0},
    {"a finding counts only against audited objectives", "d", "2026-03-05",
     "F1:major:po F2:minor:dp", "F2:2026-04-30:a", NULL, NULL, NULL, NULL,
     "d:temporary:2026-03-05:2026-04-30:actions-accepted", 0},
    {"per objective, its own latest due date", "dp", "2026-03-05",
     "F1:minor:dp F2:minor:d", "F1:2026-05-15:a F2:2026-10-31:a", NULL, NULL,
     NULL, NULL,
     "d:temporary:2026-03-05:2026-10-31:actions-accepted "
     "p:temporary:2026-03-05:2026-05-15:actions-accepted",
     0},
    {"end of month: a due date after 31 May + 9 months is cut to 28 Feb", "d",
     "2026-05-31", "F1:minor:d", "F1:2027-03-31:a", NULL, NULL, NULL, NULL,
     "d:temporary:2026-05-31:2027-02-28:actions-accepted", 0},
    {"leap day: 29 May 2027 + 9 months is 29 Feb 2028", "d", "2027-05-29",
     "F1:minor:d", "F1:2028-03-15:a", NULL, NULL, NULL, NULL,
     "d:temporary:2027-05-29:2028-02-29:actions-accepted", 0},
    {"leap day: a label from 29 Feb 2028 expires on 28 Feb 2031", "dp",
     "2028-02-29", "", "", NULL, NULL, NULL, NULL,
     "d:full:2028-02-29:2031-02-28:nothing-open "
     "p:full:2028-02-29:2031-02-28:nothing-open",
     0},
    {"a due date on the window's last day is kept", "o", "2026-08-31",
     "F1:minor:o", "F1:2027-05-31:a", NULL, NULL, NULL, NULL,
     "o:temporary:2026-08-31:2027-05-31:actions-accepted", 0},
    {"follow-up closes every finding, the blocking one too", "dp", "2026-03-05",
     "F1:major:d F2:minor:p", "F1:2026-06-30:a F2:2026-06-30:a", "2026-07-10",
     "F1=conform F2=conform", "", "",
     "d:full:2026-07-10:2029-03-05:follow-up-closed "
     "p:full:2026-07-10:2029-03-05:follow-up-closed",
     0},
    {"follow-up closes the major, the minor stays with its action", "dp",
     "2026-03-05", "F1:major:d F2:minor:p", "F1:2026-06-30:a F2:2026-09-30:a",
     "2026-07-10", "F1=conform", "", "",
     "d:full:2026-07-10:2029-03-05:follow-up-closed "
     "p:temporary:2026-07-10:2026-09-30:follow-up-actions",
     0},
    {"follow-up raises the minor again, with an accepted action", "d",
     "2026-03-05", "F1:major:d", "F1:2026-06-30:a", "2026-07-10", "F1=G1",
     "G1:minor:d", "G1:2026-11-30:a",
     "d:temporary:2026-07-10:2026-11-30:follow-up-actions", 0},
    {"follow-up's temporary label ends with the initial window", "d",
     "2026-03-05", "F1:major:d", "F1:2026-06-30:a", "2026-07-10", "F1=G1",
     "G1:minor:d", "G1:2027-01-31:a",
     "d:temporary:2026-07-10:2026-12-05:follow-up-actions", 0},
    {"follow-up finds the major still open", "dp", "2026-03-05", "F1:major:dp",
     "F1:2026-06-30:a", "2026-07-10", "F1=G1", "G1:major:dp", "G1:2026-10-30:a",
     "d:none:-:-:open-blocking p:none:-:-:open-blocking", 0},
    {"follow-up raises a minor without a plan: pending", "d", "2026-03-05",
     "F1:major:d", "F1:2026-06-30:a", "2026-07-10", "F1=G1", "G1:minor:d", "",
     "d:pending:-:-:action-missing", 0},
    {"follow-up on the window's last day decides", "d", "2026-03-05",
     "F1:major:d", "F1:2026-06-30:a", "2026-12-05", "F1=conform", "", "",
     "d:full:2026-12-05:2029-03-05:follow-up-closed", 0},
    {"follow-up the day after the window decides nothing", "dp", "2026-03-05",
     "F1:major:d", "F1:2026-06-30:a", "2026-12-06", "F1=conform", "", "",
     "d:undecided:-:-:follow-up-late p:undecided:-:-:follow-up-late", -1},
    {"end of month: 31 May + 9 months, follow-up on 28 Feb decides", "d",
     "2026-05-31", "F1:major:d", "F1:2026-09-30:a", "2027-02-28", "F1=conform",
     "", "", "d:full:2027-02-28:2029-05-31:follow-up-closed", 0},
    {"end of month: follow-up on 1 March is too late", "d", "2026-05-31",
     "F1:major:d", "F1:2026-09-30:a", "2027-03-01", "F1=conform", "", "",
     "d:undecided:-:-:follow-up-late", -1},
};

static vc_objset objs(const vc_scheme *s, const char *letters)
{
	vc_objset set = 0;
	for (const char *p = letters; *p; p++)
		for (size_t i = 0; i < s->nobjectives; i++)
			if (s->objectives[i].id[0] == *p)
				set |= 1u << i;
	return set;
}

/* The space-separated words of s, in the arena. */
static size_t words(arena *a, const char *s, char ***out)
{
	size_t n = 0;
	*out = arena_alloc(a, (strlen(s ? s : "") / 2 + 2) * sizeof(char *));
	char *copy = arena_strdup(a, s ? s : "");
	for (char *t = strtok(copy, " "); t; t = strtok(NULL, " "))
		(*out)[n++] = t;
	return n;
}

static vc_audit *build(arena *ar, const vc_scheme *s, const char *id,
                       vc_objset scope, const char *closing,
                       const char *findings, const char *actions)
{
	vc_audit *a = arena_alloc(ar, sizeof(*a));
	a->arena = ar;
	a->id = id;
	a->scheme = s;
	a->scope.objectives = scope;
	a->closing = D(closing);
	char **w;
	size_t n = words(ar, findings, &w);
	a->findings = arena_alloc(ar, (n + 1) * sizeof(vc_audit_finding));
	for (size_t i = 0; i < n; i++) {
		vc_audit_finding *f = &a->findings[a->nfindings++];
		char *cls = strchr(w[i], ':');
		*cls++ = '\0';
		char *o = strchr(cls, ':');
		*o++ = '\0';
		f->id = w[i];
		for (size_t k = 0; k < s->nfindings; k++)
			if (strcmp(s->findings[k].id, cls) == 0)
				f->cls = &s->findings[k];
		vc_requirement *r = arena_alloc(ar, sizeof(*r));
		r->label = arena_printf(ar, "9.9.%s", f->id);
		f->req = r;
		f->req_label = r->label;
		f->objectives = scope & objs(s, o);
	}
	n = words(ar, actions, &w);
	a->actions = arena_alloc(ar, (n + 1) * sizeof(vc_action));
	for (size_t i = 0; i < n; i++) {
		vc_action *ac = &a->actions[a->nactions++];
		char *due = strchr(w[i], ':');
		*due++ = '\0';
		char *acc = strchr(due, ':');
		*acc++ = '\0';
		ac->finding_id = w[i];
		for (size_t k = 0; k < a->nfindings; k++)
			if (strcmp(a->findings[k].id, w[i]) == 0)
				ac->finding = &a->findings[k];
		ac->due = D(due);
		ac->accepted = *acc == 'a';
	}
	return a;
}

static void run_scenario(const vc_scheme *s, const scenario *sc)
{
	arena *ar = arena_new();
	vc_objset scope = objs(s, sc->objectives);
	vc_audit *a =
	    build(ar, s, "A-1", scope, sc->closing, sc->findings, sc->actions);
	if (sc->fu_closing) {
		vc_audit *in = a;
		a = build(ar, s, "A-2", scope, sc->fu_closing, sc->fu_findings,
		          sc->fu_actions);
		a->initial = in;
		a->follows_up = in->id;
		char **w;
		size_t n = words(ar, sc->fu_verdicts, &w);
		a->verdicts = arena_alloc(ar, (n + 1) * sizeof(vc_verdict));
		for (size_t i = 0; i < n; i++) {
			vc_verdict *vd = &a->verdicts[a->nverdicts++];
			char *val = strchr(w[i], '=');
			*val++ = '\0';
			vd->label = arena_printf(ar, "9.9.%s", w[i]);
			if (strcmp(val, "conform") == 0)
				continue;
			vd->kind = VC_VERDICT_FINDING;
			vd->finding_id = val;
			for (size_t k = 0; k < a->nfindings; k++)
				if (strcmp(a->findings[k].id, val) == 0) {
					vd->finding = &a->findings[k];
					/* the follow-up's finding stands on
					 * the initial one's requirement */
					a->findings[k].req_label = vd->label;
				}
		}
	}
	diags d;
	diags_init(&d);
	vc_decision dec;
	int rc = audit_decide(a, &dec, &d);
	buf got = {0};
	for (size_t i = 0; i < dec.n; i++) {
		const vc_outcome *o = &dec.outcomes[i];
		char b1[11], b2[11];
		date_format(o->issued, b1);
		date_format(o->expires, b2);
		buf_printf(&got, "%s%c:%s:%s:%s:%s", i ? " " : "",
		           o->objective->id[0], label_kind_name(o->kind),
		           *b1 ? b1 : "-", *b2 ? b2 : "-", o->rule);
		CHECK(o->reason && *o->reason);
	}
	if (!got.data)
		buf_puts(&got, "");
	if (strcmp(got.data, sc->expect) != 0 || rc != sc->rc ||
	    (rc != 0) != (d.errors != 0)) {
		char m[1024];
		snprintf(m, sizeof(m),
		         "%s: got '%s' (rc %d), want '%s' (rc %d)", sc->name,
		         got.data, rc, sc->expect, sc->rc);
		unit_fail(__FILE__, __LINE__, m);
	}
	buf_free(&got);
	decision_free(&dec);
	diags_free(&d);
	arena_free(ar);
}

void test_audit_decide_table(void)
{
	diags d;
	diags_init(&d);
	vc_scheme *s = model_scheme_load("catalogue/scheme.yaml", &d);
	CHECK(s && d.errors == 0);
	CHECK(COUNT_OF(scenarios) >= 20);
	for (size_t i = 0; s && i < COUNT_OF(scenarios); i++)
		run_scenario(s, &scenarios[i]);
	model_scheme_free(s);
	diags_free(&d);
}

/* The loader on the examples: the fields the report and the certificate
 * read, and the follow-up with the audit it follows up. */
void test_audit_load_examples(void)
{
	diags d;
	diags_init(&d);
	audit_load_options o = {"catalogue", NULL, false};
	vc_audit *a =
	    audit_load("examples/audits/minor-temporary.yaml", &o, &d);
	CHECK(a && d.errors == 0 && d.warnings == 0);
	if (a && d.errors == 0) {
		char b[11];
		CHECK_STR(a->id, "VCS-2026-0093");
		CHECK_INT(a->revision, 1);
		CHECK_STR(a->lang, "en");
		CHECK_STR(a->participant.duns, "498120553");
		CHECK_STR(a->catalogue_id, "vcsa/1.1");
		CHECK_STR(a->version->key, "vcsa/1.1");
		CHECK_INT(a->scope.objectives, 3); /* development, production */
		CHECK_INT(a->scope.nlocations, 1);
		CHECK_STR(a->tisax.level, "AL2");
		CHECK_STR(date_format(a->tisax.expires, b), "2027-06-30");
		CHECK_STR(a->provider->name, "Trellis Assurance Ltd");
		CHECK_STR(a->lead->name, "Peter Okafor");
		CHECK_INT(a->nexperts, 1);
		CHECK_STR(date_format(a->opening, b), "2026-08-26");
		CHECK_STR(date_format(a->closing, b), "2026-08-31");
		CHECK_INT(a->nsamples, 1);
		CHECK_INT(a->nverdicts, 75);
		CHECK(a->complete);
		CHECK_INT(a->nfindings, 3);
		CHECK_STR(a->findings[0].cls->id, "minor");
		CHECK_INT(a->findings[0].objectives, 3);
		CHECK_INT(a->findings[1].objectives, 1);
		CHECK_STR(a->findings[2].cls->id, "observation");
		CHECK(audit_finding_open(a, &a->findings[0]));
		CHECK(!audit_finding_open(a, &a->findings[2]));
		CHECK_INT(a->nactions, 2);
		CHECK(a->actions[1].finding == &a->findings[1]);
		CHECK(a->actions[1].accepted);
		CHECK_STR(date_format(a->actions[1].closed, b), "2026-11-16");
		CHECK_INT(a->publish, VC_PUBLISH_LABEL);
		const vc_requirement *r = a->findings[0].req;
		CHECK(r && audit_applies(a, r));
		CHECK(audit_verdict(a, r) &&
		      audit_verdict(a, r)->finding == &a->findings[0]);
		CHECK(a->initial == NULL);
	}
	audit_free(a);
	a = audit_load("examples/audits/major-follow-up.yaml", &o, &d);
	CHECK(a && d.errors == 0 && d.warnings == 0);
	if (a && d.errors == 0 && a->initial) {
		CHECK_STR(a->follows_up, "VCS-2026-0088");
		CHECK_STR(a->initial->id, "VCS-2026-0088");
		CHECK_INT(a->initial->nfindings, 2);
		CHECK(!audit_finding_open(a, &a->initial->findings[0]));
		CHECK(!audit_finding_open(a, &a->initial->findings[1]));
		CHECK(audit_finding_open(a->initial, &a->initial->findings[0]));
		CHECK_INT(a->publish, VC_PUBLISH_LABEL_AND_SUMMARY);
		CHECK_INT(a->nshare_with, 2);
		vc_decision dec;
		CHECK(audit_decide(a, &dec, &d) == 0);
		CHECK_INT(dec.n, 2);
		CHECK(dec.initial == a->initial);
		for (size_t i = 0; i < dec.n; i++) {
			char b1[11], b2[11];
			CHECK_INT(dec.outcomes[i].kind, VC_LABEL_FULL);
			CHECK_STR(dec.outcomes[i].rule, "follow-up-closed");
			CHECK_STR(date_format(dec.outcomes[i].issued, b1),
			          "2026-11-20");
			CHECK_STR(date_format(dec.outcomes[i].expires, b2),
			          "2029-07-10");
		}
		decision_free(&dec);
	} else {
		CHECK(0);
	}
	audit_free(a);
	CHECK(audit_is_audit_file("examples/audits/clean.yaml"));
	CHECK(!audit_is_audit_file("catalogue/scheme.yaml"));
	CHECK(!audit_is_audit_file("catalogue/providers.yaml"));
	CHECK(!audit_is_audit_file("no/such/file.yaml"));
	diags_print(&d, stderr, false);
	diags_free(&d);
}
