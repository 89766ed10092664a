/*
 * report.c - `vcsc report`: the final audit report, laid out by the PDF
 * engine (pdf.h) from a loaded audit and its label decision.
 *
 * The document: a cover (participant, scope, objectives, provider, team,
 * dates, report id and revision, the classification); the table of
 * contents; a management summary (the outcome per objective with its
 * dates and the rule behind it, key figures, what is published and
 * shared); scope, audit team, method and sampled projects; the results
 * per chapter (and section, where the scheme has them) as a table and a
 * bar chart of conformity per chapter; the findings grouped by class,
 * each with the requirement's text beside the auditor's statement and
 * evidence; the corrective-action plan; the lead auditor's signature
 * block; and an appendix with every verdict. Every page carries the
 * running header, the report id and revision, the classification and
 * "page X of Y"; a draft carries "DRAFT" across every page too.
 *
 * The words of the document's own furniture come from
 * templates/pdf/report.yaml in the audit's language, the look from
 * templates/pdf/style.yaml. Dates are written YYYY-MM-DD in every
 * language: the report states the dates `vcsc decide` prints.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"

#include "backend.h"
#include "base/md.h"
#include "pdf/pdf.h"

#define DOT " \xc2\xb7 "
#define DASH "\xe2\x80\x93"

static const char *const text_keys[] = {"title",
                                        "classification",
                                        "classification-draft",
                                        "watermark",
                                        "draft-note",
                                        "cover-note",
                                        "header",
                                        "page",
                                        "contents",
                                        "report-id",
                                        "revision",
                                        "participant",
                                        "duns",
                                        "scope",
                                        "locations",
                                        "objectives",
                                        "catalogue",
                                        "catalogue-line",
                                        "provider",
                                        "lead",
                                        "experts",
                                        "audit-dates",
                                        "dates-line",
                                        "opening",
                                        "closing",
                                        "audit-kind",
                                        "initial-audit",
                                        "follow-up",
                                        "summary-title",
                                        "summary-intro",
                                        "outcome-title",
                                        "objective-col",
                                        "outcome-col",
                                        "issued-col",
                                        "expires-col",
                                        "reason-col",
                                        "kind-none",
                                        "kind-pending",
                                        "kind-temporary",
                                        "kind-full",
                                        "kind-undecided",
                                        "rule-open-blocking",
                                        "rule-action-missing",
                                        "rule-actions-accepted",
                                        "rule-nothing-open",
                                        "rule-follow-up-closed",
                                        "rule-follow-up-actions",
                                        "rule-follow-up-late",
                                        "no-decision",
                                        "figures-title",
                                        "applicable",
                                        "conform",
                                        "nonconform",
                                        "other-findings",
                                        "other-col",
                                        "in-scope-col",
                                        "not-applicable",
                                        "no-verdict",
                                        "conformity",
                                        "publication-title",
                                        "publish-nothing",
                                        "publish-label",
                                        "publish-label-and-summary",
                                        "share-with",
                                        "share-none",
                                        "scope-title",
                                        "scope-id",
                                        "tisax",
                                        "tisax-line",
                                        "team-title",
                                        "role-col",
                                        "name-col",
                                        "organisation-col",
                                        "expert",
                                        "method-title",
                                        "method",
                                        "samples-title",
                                        "sample-id-col",
                                        "sample-name-col",
                                        "sample-desc-col",
                                        "no-samples",
                                        "results-title",
                                        "results-intro",
                                        "chart-title",
                                        "chapter-col",
                                        "section-col",
                                        "total",
                                        "percent",
                                        "findings-title",
                                        "no-findings",
                                        "appendix-intro-follow-up",
                                        "follow-up-verdict",
                                        "finding-open",
                                        "finding-closed",
                                        "no-new-findings",
                                        "initial-findings-intro",
                                        "initial-findings-title",
                                        "requirement-col",
                                        "statement-col",
                                        "evidence",
                                        "counts-against",
                                        "counts-none",
                                        "action-line",
                                        "action-status",
                                        "actions-title",
                                        "no-actions",
                                        "finding-col",
                                        "class-col",
                                        "action-col",
                                        "due-col",
                                        "accepted-col",
                                        "status-col",
                                        "accepted-yes",
                                        "accepted-no",
                                        "open",
                                        "closed-on",
                                        "signature-title",
                                        "signature-text",
                                        "place-date",
                                        "signature",
                                        "lead-caption",
                                        "appendix-title",
                                        "appendix-intro",
                                        "question-col",
                                        "verdict-col",
                                        "level-col",
                                        "verdict-conform",
                                        "verdict-finding",
                                        "verdict-na",
                                        "verdict-missing"};

typedef struct rstyle {
	pdf_base_styles base;
	const pdf_pstyle *small, *label, *watermark, *caption, *cell_strong;
	pdf_chart_look chart;
	pdf_color tag_text, confidential, draft, kind[5];
	pdf_color *level; /* marker colour per scheme level */
	double sig_h, watermark_opacity;
} rstyle;

/* What the verdicts of a group of requirements (a chapter, a section,
 * the whole audit) add up to. */
typedef struct tally {
	size_t applicable, conform, nonconform, other, na, missing;
} tally;

typedef struct rdoc {
	const vc_audit *au;
	const vc_decision *dec;
	const vc_scheme *s;
	const vc_version *v;
	const char *lang;
	bool draft;
	pdf_doc *doc;
	const pdf_texts *tx;
	rstyle st;
	const vc_verdict **by_req; /* by requirement index */
	bool *in_scope;            /* by requirement index: assessed here */
	arena *a;                  /* strings of this run */
} rdoc;

static const char *T(const rdoc *r, const char *key)
{
	return pdf_text_get(r->tx, key);
}

/* key's text with {name} replaced by value, and further pairs. */
static const char *Tf(rdoc *r, const char *key, const char *const *kv, size_t n)
{
	return pdf_text_format(r->tx, key, kv, n);
}

static const char *plain(rdoc *r, const vc_prose *p)
{
	return prose_plain(r->a, p, r->lang);
}

static const char *md_plain(rdoc *r, const char *md)
{
	if (!md)
		return "";
	char *t = md_plain_text(md);
	const char *s = arena_strdup(r->a, t ? t : "");
	free(t);
	return s;
}

/* YYYY-MM-DD, or a dash when the date is not set. */
static const char *day(rdoc *r, vc_date t)
{
	char b[16];
	return date_set(t) ? arena_strdup(r->a, date_format(t, b)) : DASH;
}

static const char *num(rdoc *r, size_t n)
{
	return arena_printf(r->a, "%zu", n);
}

static const char *objectives_label(rdoc *r, vc_objset set)
{
	buf b = {0};
	for (size_t i = 0; i < r->s->nobjectives; i++)
		if (set & (1u << i))
			buf_printf(&b, "%s%s", b.len ? ", " : "",
			           plain(r, &r->s->objectives[i].title));
	const char *s = arena_strdup(r->a, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

/* Whether this audit assesses q: every requirement that applies to the
 * audited objectives, or for a follow-up those on which the initial
 * audit raised findings that count (and any it gives a verdict on). */
static bool applies(const rdoc *r, const vc_requirement *q)
{
	return q->index < r->v->nrequirements && r->in_scope[q->index];
}

/* A finding of this audit on q that its verdict v does not name (an
 * observation on a requirement found conform), or NULL. */
static const vc_audit_finding *
side_finding(const rdoc *r, const vc_requirement *q, const vc_verdict *v)
{
	for (size_t i = 0; i < r->au->nfindings; i++) {
		const vc_audit_finding *f = &r->au->findings[i];
		if (f->req == q && !(v && v->finding == f))
			return f;
	}
	return NULL;
}

static void tally_req(const rdoc *r, const vc_requirement *q, tally *t)
{
	if (!applies(r, q))
		return;
	t->applicable++;
	const vc_verdict *v = r->by_req[q->index];
	if (!v)
		t->missing++;
	else if (v->kind == VC_VERDICT_CONFORM)
		*(side_finding(r, q, v) ? &t->other : &t->conform) += 1;
	else if (v->kind == VC_VERDICT_NOT_APPLICABLE)
		t->na++;
	else if (v->finding && audit_class_counts(v->finding->cls))
		t->nonconform++;
	else
		t->other++;
}

static void tally_questions(const rdoc *r, vc_question *const *qs, size_t n,
                            tally *t)
{
	for (size_t i = 0; i < n; i++)
		if (!qs[i]->withdrawn)
			for (size_t k = 0; k < qs[i]->nreqs; k++)
				tally_req(r, &qs[i]->reqs[k], t);
}

static size_t assessed(const tally *t)
{
	return t->conform + t->other + t->nonconform;
}

/* Conformity from 0 to 1; -1 when nothing was assessed. */
static double conformity(const tally *t)
{
	size_t n = assessed(t);
	return n ? (double)(t->conform + t->other) / (double)n : -1;
}

static const char *percent(rdoc *r, double c)
{
	if (c < 0)
		return DASH;
	const char *kv[] = {"n", arena_printf(r->a, "%.0f", c * 100)};
	return Tf(r, "percent", kv, 2);
}

static const char *kind_key(vc_label_kind k)
{
	switch (k) {
	case VC_LABEL_NONE:
		return "kind-none";
	case VC_LABEL_PENDING:
		return "kind-pending";
	case VC_LABEL_TEMPORARY:
		return "kind-temporary";
	case VC_LABEL_FULL:
		return "kind-full";
	default:
		return "kind-undecided";
	}
}

/* The rule's sentence in the report's language; the decision's English
 * reason for a rule the template does not know. */
static const char *reason(rdoc *r, const vc_outcome *o)
{
	if (o->rule) {
		const char *key = arena_printf(r->a, "rule-%s", o->rule);
		for (size_t i = 0; i < COUNT_OF(text_keys); i++)
			if (strcmp(text_keys[i], key) == 0) {
				const vc_audit *init =
				    r->dec->initial ? r->dec->initial : r->au;
				const char *kv[] = {
				    "nopen",
				    num(r, o->nopen),
				    "nblocking",
				    num(r, o->nblocking),
				    "years",
				    num(r, (size_t)r->s->validity_years),
				    "months",
				    num(r, (size_t)r->s->corrective_action_max_months),
				    "initial",
				    day(r, init->closing)};
				return Tf(r, key, kv, COUNT_OF(kv));
			}
	}
	return o->reason ? o->reason : "";
}

/* A finding's anchor: the follow-up's own and the initial audit's may
 * share an id. */
static const char *finding_anchor(rdoc *r, const vc_audit_finding *f)
{
	bool initial = r->au->initial && f >= r->au->initial->findings &&
	               f < r->au->initial->findings + r->au->initial->nfindings;
	return arena_printf(r->a, "finding-%s%s", initial ? "initial-" : "",
	                    f->id);
}

/* The requirement of this audit's version labelled like f's. */
static const vc_requirement *version_req(const rdoc *r,
                                         const vc_audit_finding *f)
{
	for (size_t i = 0; f->req_label && i < r->v->nrequirements; i++)
		if (strcmp(r->v->requirements[i]->label, f->req_label) == 0)
			return r->v->requirements[i];
	return NULL;
}

static const char *class_title(rdoc *r, const vc_finding_class *c)
{
	return c ? plain(r, &c->title) : "?";
}

/* A table of n columns (widths: fractions) with a header row of the
 * texts of keys. */
static pdf_table *head_table(rdoc *r, size_t n, const double *widths,
                             const char *const *keys)
{
	pdf_table *t = pdf_table_new(r->doc, n, NULL, NULL);
	pdf_table_widths(t, widths);
	pdf_table_row(t, true);
	for (size_t i = 0; i < n; i++)
		pdf_run(pdf_table_cell(t), T(r, keys[i]), 0);
	return t;
}

/* A table of two columns without header: a label in bold, its value. */
static pdf_table *facts_table(rdoc *r)
{
	pdf_table *t = pdf_table_new(r->doc, 2, NULL, NULL);
	const double w[] = {0.28, 0.72};
	pdf_table_widths(t, w);
	return t;
}

static void fact(pdf_table *t, const char *label, const char *value)
{
	pdf_table_row(t, false);
	pdf_run(pdf_table_cell(t), label, PDF_BOLD);
	pdf_run(pdf_table_cell(t), value ? value : DASH, 0);
}

static const char *participant_line(rdoc *r)
{
	const vc_audit *a = r->au;
	buf b = {0};
	buf_puts(&b, a->participant.name ? a->participant.name : "");
	if (a->participant.id)
		buf_printf(&b, "\n%s", a->participant.id);
	if (a->participant.duns) {
		const char *kv[] = {"duns", a->participant.duns};
		buf_printf(&b, "%s%s", a->participant.id ? DOT : "\n",
		           Tf(r, "duns", kv, 2));
	}
	const char *s = arena_strdup(r->a, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

static const char *locations_line(rdoc *r, const char *sep)
{
	const vc_audit *a = r->au;
	buf b = {0};
	for (size_t i = 0; i < a->scope.nlocations; i++)
		buf_printf(&b, "%s%s", i ? sep : "", a->scope.locations[i]);
	const char *s = arena_strdup(r->a, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

static const char *catalogue_line(rdoc *r)
{
	const char *kv[] = {"title", plain(r, &r->v->title), "version",
	                    r->v->version};
	return Tf(r, "catalogue-line", kv, 4);
}

static const char *provider_name(const rdoc *r)
{
	return r->au->provider && r->au->provider->name ? r->au->provider->name
	                                                : "";
}

static const char *lead_name(const rdoc *r)
{
	return r->au->lead && r->au->lead->name ? r->au->lead->name : "";
}

static const char *revision_line(rdoc *r)
{
	const char *kv[] = {"id", r->au->id, "revision",
	                    num(r, (size_t)r->au->revision)};
	return Tf(r, "revision", kv, 4);
}

static const char *audit_kind(rdoc *r)
{
	const vc_audit *a = r->au;
	if (!a->follows_up)
		return T(r, "initial-audit");
	const char *kv[] = {"audit", a->follows_up, "closing",
	                    a->initial ? day(r, a->initial->closing) : DASH};
	return Tf(r, "follow-up", kv, 4);
}

/* ---- the parts ---- */

static void cover(rdoc *r)
{
	pdf_doc *d = r->doc;
	const vc_audit *a = r->au;
	pdf_space(d, r->st.base.cover_space);
	pdf_para_text(d, r->st.small, plain(r, &r->s->title));
	pdf_para_text(d, r->st.base.title, T(r, "title"));
	pdf_para_text(d, r->st.base.subtitle, a->participant.name);
	pdf_block *tag = pdf_para(d, r->st.base.body);
	pdf_run_tag(tag, T(r, "classification"), PDF_BOLD, r->st.tag_text,
	            r->st.confidential);
	if (r->draft) {
		pdf_run(tag, "  ", 0);
		pdf_run_tag(tag, T(r, "watermark"), PDF_BOLD, r->st.tag_text,
		            r->st.draft);
	}
	pdf_space(d, 6);
	pdf_table *t = facts_table(r);
	fact(t, T(r, "report-id"), revision_line(r));
	fact(t, T(r, "participant"), participant_line(r));
	const char *scope = a->scope.id ? a->scope.id : "";
	if (a->scope.nlocations)
		scope = arena_printf(r->a, "%s\n%s", scope,
		                     locations_line(r, "\n"));
	fact(t, T(r, "scope"), scope);
	fact(t, T(r, "objectives"), objectives_label(r, a->scope.objectives));
	fact(t, T(r, "catalogue"), catalogue_line(r));
	const char *prov = provider_name(r);
	if (a->provider && a->provider->address)
		prov = arena_printf(r->a, "%s\n%s", prov, a->provider->address);
	fact(t, T(r, "provider"), prov);
	fact(t, T(r, "lead"), lead_name(r));
	if (a->nexperts) {
		buf b = {0};
		for (size_t i = 0; i < a->nexperts; i++)
			buf_printf(&b, "%s%s", i ? ", " : "",
			           a->experts[i]->name);
		fact(t, T(r, "experts"), arena_strdup(r->a, b.data));
		buf_free(&b);
	}
	const char *kv[] = {"opening", day(r, a->opening), "closing",
	                    day(r, a->closing)};
	fact(t, T(r, "audit-dates"), Tf(r, "dates-line", kv, 4));
	fact(t, T(r, "audit-kind"), audit_kind(r));
	pdf_space(d, 10);
	if (r->draft)
		pdf_markdown(d, T(r, "draft-note"), r->st.base.body, 0);
	pdf_markdown(d, T(r, "cover-note"), r->st.small, 0);
}

static void outcome_table(rdoc *r)
{
	pdf_doc *d = r->doc;
	pdf_block_keep_next(pdf_heading(
	    d, r->st.base.h2, 2, T(r, "outcome-title"), "outcome", false));
	if (!r->dec) {
		pdf_para_text(d, r->st.base.body, T(r, "no-decision"));
		return;
	}
	const double w[] = {0.22, 0.18, 0.13, 0.14, 0.33};
	const char *const wk[] = {"objective-col", "outcome-col", "issued-col",
	                          "expires-col", "reason-col"};
	pdf_table *t = head_table(r, 5, w, wk);
	for (size_t i = 0; i < r->dec->n; i++) {
		const vc_outcome *o = &r->dec->outcomes[i];
		pdf_table_row(t, false);
		pdf_run(pdf_table_cell(t),
		        o->objective ? plain(r, &o->objective->title) : "",
		        PDF_BOLD);
		unsigned k = o->kind <= VC_LABEL_UNDECIDED ? o->kind : 4;
		pdf_run_tag(pdf_table_cell(t), T(r, kind_key(o->kind)),
		            PDF_BOLD, r->st.tag_text, r->st.kind[k]);
		pdf_run(pdf_table_cell(t), day(r, o->issued), 0);
		pdf_run(pdf_table_cell(t), day(r, o->expires), 0);
		pdf_run(pdf_table_cell(t), reason(r, o), 0);
	}
}

static void figure_row(rdoc *r, pdf_table *t, const char *label, size_t n,
                       unsigned flags)
{
	pdf_table_row(t, false);
	pdf_run(pdf_table_cell(t), label, flags);
	pdf_run(pdf_table_cell(t), num(r, n), flags);
}

static void key_figures(rdoc *r, const tally *all)
{
	pdf_doc *d = r->doc;
	const vc_audit *a = r->au;
	pdf_block_keep_next(pdf_heading(d, r->st.base.h2, 2,
	                                T(r, "figures-title"), NULL, false));
	pdf_table *t = pdf_table_new(d, 2, NULL, NULL);
	const double w[] = {0.7, 0.3};
	pdf_table_widths(t, w);
	pdf_table_align(t, 1, PDF_RIGHT);
	figure_row(r, t, T(r, "applicable"), all->applicable, PDF_BOLD);
	figure_row(r, t, T(r, "conform"), all->conform, 0);
	figure_row(r, t, T(r, "nonconform"), all->nonconform, 0);
	figure_row(r, t, T(r, "other-findings"), all->other, 0);
	figure_row(r, t, T(r, "not-applicable"), all->na, 0);
	if (all->missing)
		figure_row(r, t, T(r, "no-verdict"), all->missing, 0);
	pdf_table_row(t, false);
	pdf_run(pdf_table_cell(t), T(r, "conformity"), PDF_BOLD);
	pdf_run(pdf_table_cell(t), percent(r, conformity(all)), PDF_BOLD);
	/* findings per class, every class of the scheme */
	for (size_t c = 0; c < r->s->nfindings; c++) {
		const vc_finding_class *fc = &r->s->findings[c];
		size_t n = 0;
		for (size_t i = 0; i < a->nfindings; i++)
			n += a->findings[i].cls == fc;
		figure_row(r, t, class_title(r, fc), n, 0);
	}
}

static void publication(rdoc *r)
{
	pdf_doc *d = r->doc;
	const vc_audit *a = r->au;
	pdf_block_keep_next(pdf_heading(
	    d, r->st.base.h2, 2, T(r, "publication-title"), NULL, false));
	pdf_para_text(d, r->st.base.body,
	              T(r, a->publish == VC_PUBLISH_LABEL ? "publish-label"
	                   : a->publish == VC_PUBLISH_LABEL_AND_SUMMARY
	                       ? "publish-label-and-summary"
	                       : "publish-nothing"));
	if (!a->nshare_with) {
		pdf_para_text(d, r->st.base.body, T(r, "share-none"));
		return;
	}
	pdf_block_keep_next(
	    pdf_para_text(d, r->st.base.body, T(r, "share-with")));
	for (size_t i = 0; i < a->nshare_with; i++) {
		pdf_block *b =
		    pdf_para_text(d, r->st.base.body, a->share_with[i]);
		pdf_block_marker(b, "\xe2\x80\xa2", 12, 0);
		pdf_block_indent(b, 12);
	}
}

static void summary(rdoc *r, const tally *all)
{
	pdf_doc *d = r->doc;
	const vc_audit *a = r->au;
	pdf_page_break(d);
	pdf_heading(d, r->st.base.h1, 1, T(r, "summary-title"), "summary",
	            true);
	const char *cat =
	    arena_printf(r->a, "%s %s", r->v->key, plain(r, &r->v->title));
	const char *kv[] = {
	    "provider",    provider_name(r),
	    "participant", a->participant.name,
	    "catalogue",   cat,
	    "objectives",  objectives_label(r, a->scope.objectives),
	    "opening",     day(r, a->opening),
	    "closing",     day(r, a->closing)};
	pdf_markdown(d, Tf(r, "summary-intro", kv, COUNT_OF(kv)),
	             r->st.base.body, 0);
	outcome_table(r);
	key_figures(r, all);
	publication(r);
}

static void scope_team(rdoc *r)
{
	pdf_doc *d = r->doc;
	const vc_audit *a = r->au;
	pdf_page_break(d);
	pdf_heading(d, r->st.base.h1, 1, T(r, "scope-title"), "scope", true);
	pdf_table *t = facts_table(r);
	fact(t, T(r, "participant"), participant_line(r));
	fact(t, T(r, "scope-id"), a->scope.id);
	fact(t, T(r, "locations"), locations_line(r, "\n"));
	fact(t, T(r, "objectives"), objectives_label(r, a->scope.objectives));
	const char *kv[] = {
	    "scope",   a->tisax.scope_id ? a->tisax.scope_id : "",
	    "level",   a->tisax.level ? a->tisax.level : "",
	    "expires", day(r, a->tisax.expires)};
	fact(t, T(r, "tisax"), Tf(r, "tisax-line", kv, 6));
	fact(t, T(r, "catalogue"), catalogue_line(r));
	fact(t, T(r, "audit-kind"), audit_kind(r));

	pdf_heading(d, r->st.base.h2, 2, T(r, "team-title"), "team", true);
	const double w[] = {0.25, 0.35, 0.40};
	const char *const wk[] = {"role-col", "name-col", "organisation-col"};
	t = head_table(r, 3, w, wk);
	pdf_table_row(t, false);
	pdf_run(pdf_table_cell(t), T(r, "lead"), 0);
	pdf_run(pdf_table_cell(t), lead_name(r), PDF_BOLD);
	pdf_run(pdf_table_cell(t), provider_name(r), 0);
	for (size_t i = 0; i < a->nexperts; i++) {
		pdf_table_row(t, false);
		pdf_run(pdf_table_cell(t), T(r, "expert"), 0);
		pdf_run(pdf_table_cell(t), a->experts[i]->name, 0);
		pdf_run(pdf_table_cell(t), provider_name(r), 0);
	}

	pdf_heading(d, r->st.base.h2, 2, T(r, "method-title"), "method", true);
	pdf_markdown(d, T(r, "method"), r->st.base.body, 0);

	pdf_heading(d, r->st.base.h2, 2, T(r, "samples-title"), "samples",
	            true);
	if (!a->nsamples) {
		pdf_para_text(d, r->st.base.body, T(r, "no-samples"));
		return;
	}
	const double ws[] = {0.1, 0.3, 0.6};
	const char *const wsk[] = {"sample-id-col", "sample-name-col",
	                           "sample-desc-col"};
	t = head_table(r, 3, ws, wsk);
	for (size_t i = 0; i < a->nsamples; i++) {
		const vc_sample *sm = &a->samples[i];
		pdf_table_row(t, false);
		pdf_run(pdf_table_cell(t), sm->id, 0);
		pdf_run(pdf_table_cell(t), sm->name, PDF_BOLD);
		pdf_run(pdf_table_cell(t), md_plain(r, sm->description), 0);
	}
}

/* A row of the results table: a label and the tally's columns. */
static void tally_row(rdoc *r, pdf_table *t, const char *label,
                      const char *anchor, const tally *y, bool missing,
                      unsigned flags)
{
	pdf_table_row(t, false);
	pdf_block *c = pdf_table_cell(t);
	if (anchor)
		pdf_run_ref(c, label, flags, anchor);
	else
		pdf_run(c, label, flags);
	pdf_run(pdf_table_cell(t), num(r, y->applicable), flags);
	pdf_run(pdf_table_cell(t), num(r, y->conform), flags);
	pdf_run(pdf_table_cell(t), num(r, y->nonconform), flags);
	pdf_run(pdf_table_cell(t), num(r, y->other), flags);
	pdf_run(pdf_table_cell(t), num(r, y->na), flags);
	if (missing)
		pdf_run(pdf_table_cell(t), num(r, y->missing), flags);
	pdf_run(pdf_table_cell(t), percent(r, conformity(y)), flags);
}

static const char *chapter_title(rdoc *r, const vc_chapter *ch)
{
	return arena_printf(r->a, "%d %s", ch->number, plain(r, &ch->title));
}

static void results(rdoc *r, const tally *all)
{
	pdf_doc *d = r->doc;
	const vc_version *v = r->v;
	pdf_page_break(d);
	pdf_heading(d, r->st.base.h1, 1, T(r, "results-title"), "results",
	            true);
	pdf_markdown(d, T(r, "results-intro"), r->st.base.body, 0);
	bool missing = all->missing > 0;
	size_t nc = missing ? 8 : 7;
	pdf_table *t = pdf_table_new(d, nc, NULL, NULL);
	const double w7[] = {0.37, 0.105, 0.105, 0.105, 0.105, 0.105, 0.105};
	const double w8[] = {0.30, 0.10, 0.10, 0.10, 0.10, 0.10, 0.10, 0.10};
	pdf_table_widths(t, missing ? w8 : w7);
	for (size_t c = 1; c < nc; c++)
		pdf_table_align(t, c, PDF_RIGHT);
	pdf_table_row(t, true);
	pdf_run(pdf_table_cell(t),
	        T(r, r->s->sections ? "section-col" : "chapter-col"), 0);
	pdf_run(pdf_table_cell(t), T(r, "in-scope-col"), 0);
	pdf_run(pdf_table_cell(t), T(r, "conform"), 0);
	pdf_run(pdf_table_cell(t), T(r, "nonconform"), 0);
	pdf_run(pdf_table_cell(t), T(r, "other-col"), 0);
	pdf_run(pdf_table_cell(t), T(r, "not-applicable"), 0);
	if (missing)
		pdf_run(pdf_table_cell(t), T(r, "no-verdict"), 0);
	pdf_run(pdf_table_cell(t), T(r, "conformity"), 0);
	pdf_bar *bars = arena_alloc(r->a, (v->nchapters + 1) * sizeof(*bars));
	size_t nb = 0;
	for (size_t c = 0; c < v->nchapters; c++) {
		const vc_chapter *ch = &v->chapters[c];
		tally y = {0};
		tally_questions(r, ch->questions, ch->nquestions, &y);
		if (!y.applicable)
			continue;
		const char *title = chapter_title(r, ch);
		tally_row(r, t, title,
		          arena_printf(r->a, "verdicts-%d", ch->number), &y,
		          missing, ch->nsections ? PDF_BOLD : 0);
		for (size_t i = 0; i < ch->nsections; i++) {
			const vc_section *sec = ch->sections[i];
			tally z = {0};
			tally_questions(r, sec->questions, sec->nquestions, &z);
			if (z.applicable)
				tally_row(r, t,
				          arena_printf(r->a, "%s %s",
				                       sec->number,
				                       plain(r, &sec->title)),
				          NULL, &z, missing, 0);
		}
		double cf = conformity(&y);
		bars[nb].label = title;
		bars[nb].value = cf < 0 ? 0 : cf;
		bars[nb].value_text = percent(r, cf);
		nb++;
	}
	tally_row(r, t, T(r, "total"), NULL, all, missing, PDF_BOLD);

	pdf_heading(d, r->st.base.h2, 2, T(r, "chart-title"), "chart", true);
	const char *ticks[5];
	for (int k = 0; k < 5; k++)
		ticks[k] = percent(r, k * 0.25);
	pdf_bar_chart(d, &r->st.chart, bars, nb, ticks, 5);
}

/* The requirement's texts at the levels that apply to the audited
 * objectives, each after its level's title, into cell c. */
static void requirement_texts(rdoc *r, pdf_block *c, const vc_requirement *q)
{
	bool first = true;
	for (size_t l = 0; l < r->s->nlevels; l++) {
		if (!(model_req_level_objectives(r->s, q, l) &
		      r->au->scope.objectives))
			continue;
		if (!first)
			pdf_run(c, "\n", 0);
		first = false;
		pdf_run_tag(c, plain(r, &r->s->levels[l].title), PDF_BOLD,
		            r->st.tag_text, r->st.level[l]);
		pdf_run(c, " ", 0);
		pdf_run(c, plain(r, model_req_text(q, l)), 0);
	}
}

static void finding_ref(rdoc *r, pdf_block *c, const char *id,
                        const vc_audit_finding *f)
{
	const char *kv[] = {"finding", id, "class",
	                    f ? class_title(r, f->cls) : "?"};
	const char *text = Tf(r, "verdict-finding", kv, 4);
	if (f)
		pdf_run_ref(c, text, PDF_BOLD, finding_anchor(r, f));
	else
		pdf_run(c, text, PDF_BOLD);
}

/* Verdict v on q, and the findings of this audit on q it does not
 * name. */
static void verdict_cell(rdoc *r, pdf_block *c, const vc_requirement *q,
                         const vc_verdict *v)
{
	if (!v) {
		pdf_run(c, T(r, "verdict-missing"), PDF_ITALIC);
	} else if (v->kind == VC_VERDICT_CONFORM) {
		pdf_run(c, T(r, "verdict-conform"), 0);
	} else if (v->kind == VC_VERDICT_NOT_APPLICABLE) {
		const char *kv[] = {"reason", md_plain(r, v->reason)};
		pdf_run(c, Tf(r, "verdict-na", kv, 2), 0);
	} else {
		finding_ref(r, c, v->finding_id, v->finding);
	}
	for (size_t i = 0; q && i < r->au->nfindings; i++) {
		const vc_audit_finding *f = &r->au->findings[i];
		if (f->req == q && !(v && v->finding == f)) {
			pdf_run(c, "; ", 0);
			finding_ref(r, c, f->id, f);
		}
	}
}

/* Finding f of audit a (this one, or the audit it follows up), with its
 * corrective actions; for an initial audit's finding, the follow-up's
 * verdict on its requirement. */
static void finding(rdoc *r, const vc_audit *a, const vc_audit_finding *f)
{
	pdf_doc *d = r->doc;
	const vc_requirement *q = f->req;
	const char *title =
	    q ? arena_printf(r->a, "%s" DOT "%s %s", f->id, q->label,
	                     plain(r, &q->question->title))
	      : arena_printf(r->a, "%s" DOT "%s", f->id,
	                     f->req_label ? f->req_label : "");
	pdf_keep_begin(d);
	pdf_heading(d, r->st.base.h3, 3, title, finding_anchor(r, f), false);
	pdf_block *m = pdf_para(d, r->st.base.meta);
	pdf_run(m, T(r, "counts-against"), PDF_BOLD);
	pdf_run(m, " ", 0);
	pdf_run(m,
	        !audit_class_counts(f->cls) ? T(r, "counts-none")
	        : f->objectives             ? objectives_label(r, f->objectives)
	                                    : DASH,
	        0);
	pdf_block_keep_next(m);
	pdf_table *t = pdf_table_new(d, 2, NULL, NULL);
	const double w[] = {0.5, 0.5};
	pdf_table_widths(t, w);
	pdf_table_row(t, true);
	pdf_run(pdf_table_cell(t),
	        arena_printf(r->a, "%s %s", T(r, "requirement-col"),
	                     q ? q->label : f->req_label),
	        0);
	pdf_run(pdf_table_cell(t), T(r, "statement-col"), 0);
	pdf_table_row(t, false);
	pdf_block *c = pdf_table_cell(t);
	if (q)
		requirement_texts(r, c, q);
	c = pdf_table_cell(t);
	pdf_run(c, md_plain(r, f->statement), 0);
	if (f->evidence && *f->evidence) {
		pdf_run(c, "\n", 0);
		pdf_run(c, T(r, "evidence"), PDF_BOLD);
		pdf_run(c, " ", 0);
		pdf_run(c, md_plain(r, f->evidence), PDF_ITALIC);
	}
	pdf_keep_end(d);
	for (size_t i = 0; i < a->nactions; i++) {
		const vc_action *ac = &a->actions[i];
		if (ac->finding != f)
			continue;
		pdf_block *b = pdf_para(d, r->st.base.body);
		pdf_run(b, T(r, "action-line"), PDF_BOLD);
		pdf_run(b, " ", 0);
		pdf_run(b, md_plain(r, ac->action), 0);
		const char *kd[] = {"date", day(r, ac->closed)};
		const char *ks[] = {"due", day(r, ac->due), "status",
		                    date_set(ac->closed)
		                        ? Tf(r, "closed-on", kd, 2)
		                        : T(r, "open")};
		pdf_run(b, " ", 0);
		pdf_run(b, Tf(r, "action-status", ks, 4), 0);
	}
	if (a != r->au) {
		const vc_requirement *vq = version_req(r, f);
		pdf_block *b = pdf_para(d, r->st.base.body);
		pdf_run(b, T(r, "follow-up-verdict"), PDF_BOLD);
		pdf_run(b, " ", 0);
		verdict_cell(r, b, vq, vq ? r->by_req[vq->index] : NULL);
		pdf_run(b, DOT, 0);
		pdf_run(b,
		        T(r, audit_finding_open(r->au, f) ? "finding-open"
		                                          : "finding-closed"),
		        PDF_BOLD);
	}
}

static void findings(rdoc *r)
{
	pdf_doc *d = r->doc;
	const vc_audit *a = r->au;
	pdf_page_break(d);
	pdf_heading(d, r->st.base.h1, 1, T(r, "findings-title"), "findings",
	            true);
	if (a->initial) {
		const vc_audit *in = a->initial;
		const char *kv[] = {"audit", in->id};
		pdf_block_keep_next(pdf_heading(
		    d, r->st.base.h2, 2, Tf(r, "initial-findings-title", kv, 2),
		    "initial-findings", true));
		pdf_para_text(d, r->st.base.body,
		              Tf(r, "initial-findings-intro", kv, 2));
		for (size_t i = 0; i < in->nfindings; i++)
			if (audit_class_counts(in->findings[i].cls))
				finding(r, in, &in->findings[i]);
	}
	if (!a->nfindings) {
		pdf_para_text(
		    d, r->st.base.body,
		    T(r, a->initial ? "no-new-findings" : "no-findings"));
		return;
	}
	for (size_t c = 0; c < r->s->nfindings; c++) {
		const vc_finding_class *fc = &r->s->findings[c];
		size_t n = 0;
		for (size_t i = 0; i < a->nfindings; i++)
			n += a->findings[i].cls == fc;
		if (!n)
			continue;
		const char *title =
		    arena_printf(r->a, "%s (%zu)", class_title(r, fc), n);
		pdf_block_keep_next(
		    pdf_heading(d, r->st.base.h2, 2, title,
		                arena_printf(r->a, "class-%s", fc->id), true));
		if (prose_present(&fc->description))
			pdf_block_keep_next(pdf_para_text(
			    d, r->st.base.meta, plain(r, &fc->description)));
		for (size_t i = 0; i < a->nfindings; i++)
			if (a->findings[i].cls == fc)
				finding(r, a, &a->findings[i]);
	}
}

static void action_row(rdoc *r, pdf_table *t, const vc_action *ac)
{
	pdf_table_row(t, false);
	pdf_block *c = pdf_table_cell(t);
	if (ac->finding)
		pdf_run_ref(c, ac->finding_id, PDF_BOLD,
		            finding_anchor(r, ac->finding));
	else
		pdf_run(c, ac->finding_id, PDF_BOLD);
	pdf_run(pdf_table_cell(t),
	        ac->finding ? class_title(r, ac->finding->cls) : "", 0);
	pdf_run(pdf_table_cell(t), md_plain(r, ac->action), 0);
	pdf_run(pdf_table_cell(t), day(r, ac->due), 0);
	pdf_run(pdf_table_cell(t),
	        T(r, ac->accepted ? "accepted-yes" : "accepted-no"), 0);
	const char *kv[] = {"date", day(r, ac->closed)};
	pdf_run(pdf_table_cell(t),
	        date_set(ac->closed) ? Tf(r, "closed-on", kv, 2) : T(r, "open"),
	        0);
}

/* The plan: for a follow-up, the initial audit's actions first. */
static void actions(rdoc *r)
{
	pdf_doc *d = r->doc;
	const vc_audit *a = r->au, *in = a->initial;
	pdf_heading(d, r->st.base.h1, 1, T(r, "actions-title"), "actions",
	            true);
	if (!a->nactions && !(in && in->nactions)) {
		pdf_para_text(d, r->st.base.body, T(r, "no-actions"));
		return;
	}
	const double w[] = {0.12, 0.16, 0.36, 0.12, 0.11, 0.13};
	const char *const wk[] = {"finding-col", "class-col",    "action-col",
	                          "due-col",     "accepted-col", "status-col"};
	pdf_table *t = head_table(r, 6, w, wk);
	for (size_t i = 0; in && i < in->nactions; i++)
		action_row(r, t, &in->actions[i]);
	for (size_t i = 0; i < a->nactions; i++)
		action_row(r, t, &a->actions[i]);
}

static void signature(rdoc *r)
{
	pdf_doc *d = r->doc;
	pdf_keep_begin(d);
	pdf_heading(d, r->st.base.h1, 1, T(r, "signature-title"), "signature",
	            true);
	pdf_markdown(d, T(r, "signature-text"), r->st.base.body, 0);
	pdf_space(d, 10);
	const char *kv[] = {"name", lead_name(r), "provider", provider_name(r)};
	const char *captions[] = {T(r, "place-date"),
	                          Tf(r, "lead-caption", kv, 4)};
	const double w[] = {0.4, 0.6};
	pdf_signature(d, r->st.caption, 2, captions, w, r->st.sig_h);
	pdf_keep_end(d);
}

static const char *levels_of(rdoc *r, const vc_requirement *q)
{
	buf b = {0};
	for (size_t l = 0; l < r->s->nlevels; l++)
		if (model_req_level_objectives(r->s, q, l) &
		    r->au->scope.objectives)
			buf_printf(&b, "%s%s", b.len ? ", " : "",
			           plain(r, &r->s->levels[l].title));
	const char *s = arena_strdup(r->a, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

static void appendix(rdoc *r)
{
	pdf_doc *d = r->doc;
	const vc_version *v = r->v;
	pdf_page_break(d);
	pdf_heading(d, r->st.base.h1, 1, T(r, "appendix-title"), "verdicts",
	            true);
	pdf_para_text(d, r->st.base.body,
	              T(r, r->au->initial ? "appendix-intro-follow-up"
	                                  : "appendix-intro"));
	for (size_t c = 0; c < v->nchapters; c++) {
		const vc_chapter *ch = &v->chapters[c];
		tally y = {0};
		tally_questions(r, ch->questions, ch->nquestions, &y);
		if (!y.applicable)
			continue;
		pdf_block_keep_next(pdf_heading(
		    d, r->st.base.h2, 2, chapter_title(r, ch),
		    arena_printf(r->a, "verdicts-%d", ch->number), false));
		const double w[] = {0.11, 0.37, 0.14, 0.38};
		const char *const wk[] = {"requirement-col", "question-col",
		                          "level-col", "verdict-col"};
		pdf_table *t = head_table(r, 4, w, wk);
		for (size_t i = 0; i < ch->nquestions; i++) {
			const vc_question *qu = ch->questions[i];
			if (qu->withdrawn)
				continue;
			for (size_t k = 0; k < qu->nreqs; k++) {
				const vc_requirement *q = &qu->reqs[k];
				if (!applies(r, q))
					continue;
				pdf_table_row(t, false);
				pdf_run(pdf_table_cell(t), q->label, PDF_BOLD);
				pdf_run(pdf_table_cell(t),
				        k == 0 ? plain(r, &qu->title) : "", 0);
				pdf_run(pdf_table_cell(t), levels_of(r, q), 0);
				verdict_cell(r, pdf_table_cell(t), q,
				             r->by_req[q->index]);
			}
		}
	}
}

/* ---- styles and the writer ---- */

static int resolve_styles(rdoc *r, const pdf_style *st, diags *dg)
{
	rstyle *y = &r->st;
	const pdf_style_want wants[] = {
	    {"small", .para = &y->small},
	    {"label", .para = &y->label},
	    {"watermark", .para = &y->watermark},
	    {"signature-caption", .para = &y->caption},
	    {"chart-label", .para = &y->chart.label},
	    {"tag-text", .color = &y->tag_text},
	    {"confidential", .color = &y->confidential},
	    {"draft", .color = &y->draft},
	    {"chart-bar", .color = &y->chart.bar},
	    {"chart-track", .color = &y->chart.track},
	    {"chart-grid", .color = &y->chart.grid},
	    {"label-none", .color = &y->kind[VC_LABEL_NONE]},
	    {"label-pending", .color = &y->kind[VC_LABEL_PENDING]},
	    {"label-temporary", .color = &y->kind[VC_LABEL_TEMPORARY]},
	    {"label-full", .color = &y->kind[VC_LABEL_FULL]},
	    {"label-undecided", .color = &y->kind[VC_LABEL_UNDECIDED]},
	    {"chart-bar-height", .size = &y->chart.bar_height},
	    {"chart-row-gap", .size = &y->chart.row_gap},
	    {"chart-label-width", .size = &y->chart.label_width},
	    {"signature-space", .size = &y->sig_h},
	    {"watermark-opacity", .size = &y->watermark_opacity}};
	int rc = pdf_style_resolve(st, &y->base, wants, COUNT_OF(wants),
	                           "the audit report", dg);
	y->level = arena_alloc(r->a, (r->s->nlevels + 1) * sizeof(pdf_color));
	if (backend_level_colours(r->s, st,
	                          "the audit report's level markers (or give "
	                          "the level a colour: in scheme.yaml)",
	                          y->level, dg) < 0)
		rc = -1;
	return rc;
}

/* The verdict of each requirement, by its index in the version. */
static void index_verdicts(rdoc *r)
{
	r->by_req =
	    arena_alloc(r->a, (r->v->nrequirements + 1) * sizeof(*r->by_req));
	for (size_t i = 0; i < r->au->nverdicts; i++) {
		const vc_verdict *v = &r->au->verdicts[i];
		if (v->req && v->req->index < r->v->nrequirements)
			r->by_req[v->req->index] = v;
	}
	r->in_scope = arena_alloc(r->a, r->v->nrequirements + 1);
	const vc_audit *in = r->au->initial;
	for (size_t i = 0; i < r->v->nrequirements; i++) {
		const vc_requirement *q = r->v->requirements[i];
		r->in_scope[i] =
		    in ? r->by_req[i] != NULL : audit_applies(r->au, q);
	}
	for (size_t i = 0; in && i < in->nfindings; i++) {
		const vc_requirement *q = version_req(r, &in->findings[i]);
		if (q && audit_class_counts(in->findings[i].cls))
			r->in_scope[q->index] = true;
	}
}

int report_write(const vc_audit *a, const vc_decision *dec,
                 const report_options *o, const char *path, diags *d)
{
	if (!a->version || !a->scheme) {
		diag_error(d, a->id_pos,
		           "the audit names no catalogue version that loaded; "
		           "there is nothing to report against");
		return -1;
	}
	if (!a->complete && !o->draft) {
		diag_error(d, a->id_pos,
		           "audit '%s' is incomplete: not every requirement "
		           "that applies has a verdict (`vcsc check` lists "
		           "them); give each its verdict, or report it as a "
		           "draft with --draft",
		           a->id);
		return -1;
	}
	if (!dec && !o->draft) {
		diag_error(d, a->id_pos,
		           "audit '%s' has no label decision; only a draft "
		           "(--draft) reports without one",
		           a->id);
		return -1;
	}
	rdoc r = {0};
	r.au = a;
	r.dec = dec;
	r.s = a->scheme;
	r.v = a->version;
	r.lang = a->lang ? a->lang : r.s->languages[0].id;
	r.draft = o->draft;
	r.a = arena_new();
	pdf_templates tp;
	pdf_doc *doc = NULL;
	int rc = -1;
	if (pdf_templates_load(&tp, o->templates_dir, o->style_path, "report",
	                       r.lang, text_keys, COUNT_OF(text_keys), d) < 0 ||
	    resolve_styles(&r, tp.style, d) < 0)
		goto out;
	r.tx = tp.texts;
	index_verdicts(&r);

	const char *pname = a->participant.name ? a->participant.name : "";
	const char *kv[] = {"participant", pname,   "page",
	                    "{page}",      "pages", "{pages}"};
	pdf_meta m = {0};
	m.paper = o->paper;
	m.lang = r.lang;
	m.title =
	    arena_printf(r.a, "%s \xe2\x80\x93 %s", T(&r, "title"), pname);
	m.subject = arena_printf(r.a, "%s" DOT "%s" DOT "%s", a->id, r.v->key,
	                         objectives_label(&r, a->scope.objectives));
	m.author = lead_name(&r);
	m.keywords = arena_printf(r.a, "%s, %s, %s", a->id, r.v->key,
	                          a->participant.id ? a->participant.id : "");
	m.doc_id = revision_line(&r);
	m.classification =
	    T(&r, o->draft ? "classification-draft" : "classification");
	m.header_left = pdf_text_format(r.tx, "header", kv, 2);
	m.header_right = plain(&r, &r.s->title);
	m.page_format = pdf_text_format(r.tx, "page", kv + 2, 4);
	m.plain_first_page = true;
	if (o->draft) {
		m.watermark = T(&r, "watermark");
		m.watermark_style = r.st.watermark;
		m.watermark_opacity = r.st.watermark_opacity;
	}
	doc = pdf_new(tp.style, &m, d);
	if (!doc)
		goto out;
	r.doc = doc;

	tally all = {0};
	for (size_t i = 0; i < r.v->nchapters; i++)
		tally_questions(&r, r.v->chapters[i].questions,
		                r.v->chapters[i].nquestions, &all);
	cover(&r);
	pdf_page_break(doc);
	pdf_toc(doc, T(&r, "contents"));
	summary(&r, &all);
	scope_team(&r);
	results(&r, &all);
	findings(&r);
	actions(&r);
	signature(&r);
	appendix(&r);
	rc = pdf_write(doc, path, d) == 0 ? 0 : -1;
out:
	pdf_free(doc);
	pdf_templates_free(&tp);
	arena_free(r.a);
	return rc;
}
