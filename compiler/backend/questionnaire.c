/*
 * questionnaire.c - `vcsc questionnaire`: the printable self-assessment
 * questionnaire of a catalogue version, laid out by the PDF engine.
 *
 * A cover with boxes to fill, the table of contents, how to answer (the
 * requirement levels and the answer scale from the scheme), then per
 * control question its question and objective and every requirement that
 * applies to the chosen audit objectives, each with its must/should text,
 * one checkbox per answer of the scheme's scale and ruled lines for the
 * justification; further information and possible evidence in a secondary
 * style; and a summary sheet to tally the answers per chapter. Withdrawn
 * questions are listed in place as withdrawn, with their successor.
 *
 * The words of the document's own furniture come from
 * templates/pdf/questionnaire.yaml, the look from templates/pdf/style.yaml.
 */
#include <stdlib.h>
#include <string.h>

#include "questionnaire.h"

#include "backend.h"
#include "pdf/pdf.h"

static const char *const text_keys[] = {"title",
                                        "version-line",
                                        "draft-line",
                                        "objectives-label",
                                        "all-objectives",
                                        "participant",
                                        "organisation",
                                        "tisax-scope",
                                        "vcs-scope",
                                        "contact",
                                        "contact-details",
                                        "date",
                                        "signature",
                                        "cover-note",
                                        "classification",
                                        "page",
                                        "contents",
                                        "instructions-title",
                                        "instructions",
                                        "levels-title",
                                        "answers-title",
                                        "answer-col",
                                        "counts-as-col",
                                        "justification-col",
                                        "met",
                                        "gap",
                                        "excluded",
                                        "required",
                                        "optional",
                                        "objectives-title",
                                        "question",
                                        "objective",
                                        "applies-to",
                                        "references",
                                        "justification-evidence",
                                        "further-information",
                                        "evidence",
                                        "withdrawn",
                                        "withdrawn-several",
                                        "list-and",
                                        "instructions-question",
                                        "maturity",
                                        "summary-intro-question",
                                        "questions",
                                        "summary-title",
                                        "summary-intro",
                                        "chapter",
                                        "section",
                                        "requirements",
                                        "total",
                                        "completed-by"};

typedef struct qstyle {
	pdf_base_styles base;
	const pdf_pstyle *label, *question, *req, *refs, *secondary,
	    *secondary_label, *small, *withdrawn;
	pdf_color tag_text;
	pdf_color *level; /* marker colour per scheme level */
	double field_h, sig_h, ruled_n, ruled_sp, summary_h, req_indent,
	    req_space;
} qstyle;

typedef struct qdoc {
	const vc_version *v;
	const vc_scheme *s;
	const char *lang;
	vc_objset sel;
	pdf_doc *doc;
	const pdf_texts *tx;
	qstyle st;
	arena *a; /* strings of this run */
} qdoc;

static const char *T(const qdoc *q, const char *key)
{
	return pdf_text_get(q->tx, key);
}

static const char *P(const qdoc *q, const vc_prose *p)
{
	return prose_text(p, q->lang);
}

/* A prose field as plain text (titles go into headings and bookmarks). */
static const char *plain_text(qdoc *q, const vc_prose *p)
{
	return prose_plain(q->a, p, q->lang);
}

/* True when the scheme answers each control question as a whole on a
 * maturity scale, rather than each requirement. */
static bool per_question(const qdoc *q)
{
	return q->s->answer_unit == VC_ANSWER_QUESTION;
}

/* The title of the scale's target step ("3 Established"). */
static const char *target_title(qdoc *q)
{
	for (size_t i = 0; i < q->s->nanswers; i++)
		if (q->s->answers[i].value == q->s->answer_target)
			return plain_text(q, &q->s->answers[i].title);
	return arena_printf(q->a, "%d", q->s->answer_target);
}

/* The boxes of the answer scale and the lines for the justification. */
static void answer_boxes(qdoc *q, double ind)
{
	const vc_scheme *s = q->s;
	const char **labels =
	    arena_alloc(q->a, (s->nanswers + 1) * sizeof(char *));
	for (size_t i = 0; i < s->nanswers; i++)
		labels[i] = plain_text(q, &s->answers[i].title);
	pdf_checkboxes(q->doc, NULL, s->nanswers, labels, ind);
	pdf_ruled_lines(q->doc, NULL, T(q, "justification-evidence"),
	                (int)q->st.ruled_n, q->st.ruled_sp, ind);
}

static bool q_applies(const qdoc *q, const vc_question *qu)
{
	if (qu->withdrawn || !(qu->applies_to & q->sel))
		return false;
	for (size_t i = 0; i < qu->nreqs; i++)
		if (model_req_objectives(q->s, &qu->reqs[i]) & q->sel)
			return true;
	return false;
}

/* True when any of the n questions applies to the chosen objectives. */
static bool any_applies(const qdoc *q, vc_question *const *qs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (q_applies(q, qs[i]))
			return true;
	return false;
}

static bool chapter_applies(const qdoc *q, const vc_chapter *ch)
{
	return any_applies(q, ch->questions, ch->nquestions);
}

static const char *objectives_label(qdoc *q, vc_objset set, bool all_word)
{
	vc_objset every = (vc_objset)((1u << q->s->nobjectives) - 1);
	if (all_word && (set & every) == every)
		return T(q, "all-objectives");
	buf b = {0};
	for (size_t i = 0; i < q->s->nobjectives; i++)
		if (set & (1u << i))
			buf_printf(&b, "%s%s", b.len ? ", " : "",
			           plain_text(q, &q->s->objectives[i].title));
	char *s = arena_strdup(q->a, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

static const char *refs_text(qdoc *q, const vc_ref *r, size_t n)
{
	buf b = {0};
	for (size_t i = 0; i < n; i++) {
		bool same = i > 0 && r[i].standard == r[i - 1].standard;
		if (same)
			buf_printf(&b, ", %s", r[i].id);
		else
			buf_printf(&b, "%s%s %s", i ? "; " : "",
			           r[i].standard->title, r[i].id);
	}
	char *s = arena_strdup(q->a, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

static const char *q_anchor(qdoc *q, const vc_question *qu)
{
	return arena_printf(q->a, "q-%s", qu->uid);
}

/* ---- the parts ---- */

static void cover(qdoc *q)
{
	pdf_doc *d = q->doc;
	const vc_version *v = q->v;
	pdf_space(d, q->st.base.cover_space);
	pdf_para_text(d, q->st.small, plain_text(q, &q->s->title));
	pdf_para_text(d, q->st.base.title, T(q, "title"));
	pdf_para_text(d, q->st.base.subtitle, plain_text(q, &v->title));
	const char *kv[] = {"version", v->version, "date",
	                    v->released ? v->released : ""};
	pdf_para_text(d, q->st.base.body,
	              pdf_text_format(q->tx,
	                              v->draft || !v->released ? "draft-line"
	                                                       : "version-line",
	                              kv, 4));
	pdf_block *b = pdf_para(d, q->st.base.body);
	pdf_run(b, T(q, "objectives-label"), PDF_BOLD);
	pdf_run(b, " ", 0);
	pdf_run(b, objectives_label(q, q->sel, false), 0);
	pdf_space(d, 16);
	pdf_para_text(d, q->st.base.h3, T(q, "participant"));
	const char *row1[] = {T(q, "organisation")};
	pdf_fields(d, 1, row1, NULL, q->st.field_h);
	const char *row2[] = {T(q, "tisax-scope"), T(q, "vcs-scope")};
	const double w2[] = {0.35, 0.65};
	pdf_fields(d, 2, row2, w2, q->st.field_h);
	const char *row3[] = {T(q, "contact"), T(q, "contact-details")};
	pdf_fields(d, 2, row3, NULL, q->st.field_h);
	const char *row4[] = {T(q, "date"), T(q, "signature")};
	const double w4[] = {0.3, 0.7};
	pdf_fields(d, 2, row4, w4, q->st.sig_h);
	pdf_space(d, 8);
	pdf_markdown(d, T(q, "cover-note"), q->st.small, 0);
}

static void level_line(qdoc *q, const vc_level *l)
{
	pdf_block *b = pdf_para(q->doc, q->st.base.body);
	pdf_run_tag(b, plain_text(q, &l->title), PDF_BOLD, q->st.tag_text,
	            q->st.level[l - q->s->levels]);
	pdf_run(b, "  ", 0);
	pdf_run(b, plain_text(q, &l->description), 0);
}

static void instructions(qdoc *q)
{
	pdf_doc *d = q->doc;
	const vc_scheme *s = q->s;
	pdf_page_break(d);
	pdf_heading(d, q->st.base.h1, 1, T(q, "instructions-title"),
	            "instructions", true);
	if (per_question(q)) {
		const char *kv[] = {"target", target_title(q)};
		pdf_markdown(
		    d, pdf_text_format(q->tx, "instructions-question", kv, 2),
		    q->st.base.body, 0);
	} else {
		pdf_markdown(d, T(q, "instructions"), q->st.base.body, 0);
	}

	pdf_heading(d, q->st.base.h3, 0, T(q, "levels-title"), NULL, false);
	for (size_t i = 0; i < s->nlevels; i++)
		if (s->levels[i].applies_to & q->sel)
			level_line(q, &s->levels[i]);

	pdf_heading(d, q->st.base.h3, 0, T(q, "answers-title"), NULL, false);
	pdf_table *t = pdf_table_new(d, 3, NULL, NULL);
	const double w[] = {0.5, 0.25, 0.25};
	pdf_table_widths(t, w);
	pdf_table_row(t, true);
	pdf_run(pdf_table_cell(t), T(q, "answer-col"), 0);
	pdf_run(pdf_table_cell(t), T(q, "counts-as-col"), 0);
	pdf_run(pdf_table_cell(t), T(q, "justification-col"), 0);
	for (size_t i = 0; i < s->nanswers; i++) {
		const vc_answer *a = &s->answers[i];
		pdf_table_row(t, false);
		/* a step's meaning, where the scheme gives one, under its
		 * title */
		pdf_block *ac = pdf_table_cell(t);
		pdf_run(ac, plain_text(q, &a->title), 0);
		if (prose_present(&a->description)) {
			pdf_run(ac, "\n", 0);
			pdf_run(ac, plain_text(q, &a->description), PDF_ITALIC);
		}
		const char *ca = strcmp(a->counts_as, "met") == 0 ? "met"
		                 : strcmp(a->counts_as, "gap") == 0
		                     ? "gap"
		                     : "excluded";
		pdf_run(pdf_table_cell(t), T(q, ca), 0);
		pdf_run(pdf_table_cell(t),
		        T(q, strcmp(a->justification, "required") == 0
		                 ? "required"
		                 : "optional"),
		        0);
	}

	pdf_heading(d, q->st.base.h3, 0, T(q, "objectives-title"), NULL, false);
	for (size_t i = 0; i < s->nobjectives; i++) {
		if (!(q->sel & (1u << i)))
			continue;
		pdf_block *b = pdf_para(d, q->st.base.body);
		pdf_run(b, plain_text(q, &s->objectives[i].title), PDF_BOLD);
		if (prose_present(&s->objectives[i].description)) {
			pdf_run(b, ": ", PDF_BOLD);
			pdf_run(b, plain_text(q, &s->objectives[i].description),
			        0);
		}
	}
}

static void requirement(qdoc *q, const vc_requirement *r)
{
	pdf_doc *d = q->doc;
	const vc_scheme *s = q->s;
	double ind = q->st.req_indent;
	bool first = true;
	pdf_space(d, q->st.req_space);
	pdf_keep_begin(d);
	for (size_t i = 0; i < s->nlevels; i++) {
		const vc_level *l = &s->levels[i];
		/* a level's text is printed for the objectives it applies
		 * to (the ISA's very high protection level only when that
		 * objective is assessed) */
		if (!(model_req_level_objectives(s, r, i) & q->sel))
			continue;
		const vc_prose *text = model_req_text(r, i);
		pdf_block *b = pdf_para(d, q->st.req);
		pdf_block_indent(b, ind);
		if (first)
			pdf_block_marker(b, r->label, ind, PDF_BOLD);
		first = false;
		pdf_run_tag(b, plain_text(q, &l->title), PDF_BOLD,
		            q->st.tag_text, q->st.level[i]);
		pdf_run(b, " ", 0);
		pdf_markdown_into(d, b, P(q, text), q->st.req, ind);
	}
	if (r->nrefs || r->narrowed) {
		pdf_block *b = pdf_para(d, q->st.refs);
		pdf_block_indent(b, ind);
		if (r->narrowed) {
			pdf_run(b, T(q, "applies-to"), PDF_BOLD);
			pdf_run(b, " ", 0);
			pdf_run(b, objectives_label(q, r->applies_to, false),
			        0);
			if (r->nrefs)
				pdf_run(b, " \xc2\xb7 ", 0);
		}
		if (r->nrefs) {
			pdf_run(b, T(q, "references"), PDF_BOLD);
			pdf_run(b, " ", 0);
			pdf_run(b, refs_text(q, r->refs, r->nrefs), 0);
		}
	}
	/* a scale per question is answered once, below its requirements */
	if (!per_question(q))
		answer_boxes(q, ind);
	pdf_keep_end(d);
}

/* The one answer of a question on a maturity scale. */
static void maturity(qdoc *q)
{
	pdf_doc *d = q->doc;
	const char *kv[] = {"target", target_title(q)};
	pdf_space(d, q->st.req_space);
	pdf_keep_begin(d);
	pdf_block_keep_next(pdf_para_text(
	    d, q->st.label, pdf_text_format(q->tx, "maturity", kv, 2)));
	answer_boxes(q, 0);
	pdf_keep_end(d);
}

static void secondary(qdoc *q, const char *label, const vc_prose *p)
{
	if (!prose_present(p))
		return;
	/* A short section moves whole rather than leave its last line or
	 * list item alone on a page (a long one still splits). */
	pdf_keep_begin(q->doc);
	pdf_block *b = pdf_para_text(q->doc, q->st.secondary_label, label);
	pdf_block_keep_next(b);
	pdf_markdown(q->doc, P(q, p), q->st.secondary, 0);
	pdf_keep_end(q->doc);
}

static void question(qdoc *q, const vc_question *qu)
{
	pdf_doc *d = q->doc;
	const char *title =
	    arena_printf(q->a, "%s %s", qu->number, plain_text(q, &qu->title));
	/* below a section heading where the scheme has sections */
	if (qu->section)
		pdf_heading(d, q->st.base.h3, 3, title, q_anchor(q, qu), true);
	else
		pdf_heading(d, q->st.base.h2, 2, title, q_anchor(q, qu), true);
	pdf_block *m = pdf_para(d, q->st.base.meta);
	pdf_run(m, T(q, "applies-to"), PDF_BOLD);
	pdf_run(m, " ", 0);
	pdf_run(m, objectives_label(q, qu->applies_to, false), 0);
	if (qu->nrefs) {
		pdf_run(m, " \xc2\xb7 ", 0);
		pdf_run(m, T(q, "references"), PDF_BOLD);
		pdf_run(m, " ", 0);
		pdf_run(m, refs_text(q, qu->refs, qu->nrefs), 0);
	}
	pdf_block_keep_next(pdf_para_text(d, q->st.label, T(q, "question")));
	pdf_markdown(d, P(q, &qu->question), q->st.question, 0);
	pdf_block_keep_next(pdf_para_text(d, q->st.label, T(q, "objective")));
	pdf_markdown(d, P(q, &qu->objective), q->st.base.body, 0);
	for (size_t i = 0; i < qu->nreqs; i++)
		if (model_req_objectives(q->s, &qu->reqs[i]) & q->sel)
			requirement(q, &qu->reqs[i]);
	if (per_question(q))
		maturity(q);
	secondary(q, T(q, "further-information"), &qu->further);
	secondary(q, T(q, "evidence"), &qu->evidence);
}

/* A withdrawn question in place: "withdrawn, replaced by question 7.1",
 * or by several ("1.6, 5.8 and 5.9"), each linked where it is printed. */
static void withdrawn(qdoc *q, const vc_question *qu)
{
	const char *fmt =
	    T(q, qu->nsuccessors > 1 ? "withdrawn-several" : "withdrawn");
	const char *title = plain_text(q, &qu->title);
	const char *kv[] = {"number", qu->number, "title", title};
	pdf_block *b = pdf_para(q->doc, q->st.withdrawn);
	const char *at = strstr(fmt, "{successor}");
	if (!at) {
		pdf_run(b, pdf_text_fill(q->a, fmt, kv, 4), 0);
		return;
	}
	char *before = arena_strndup(q->a, fmt, (size_t)(at - fmt));
	pdf_run(b, pdf_text_fill(q->a, before, kv, 4), 0);
	for (size_t i = 0; i < qu->nsuccessors; i++) {
		const vc_question *su = qu->successors[i];
		if (i)
			pdf_run(b,
			        i + 1 < qu->nsuccessors ? ", "
			                                : T(q, "list-and"),
			        0);
		if (!su)
			pdf_run(b, "?", 0);
		else if (q_applies(q, su))
			pdf_run_ref(b, su->number, 0, q_anchor(q, su));
		else
			pdf_run(b, su->number, 0);
	}
	pdf_run(b, pdf_text_fill(q->a, at + strlen("{successor}"), kv, 4), 0);
}

/* The questions qs in place: each applicable one on a page of its own
 * (*first: none yet in this chapter), a withdrawn one as a line. */
static void questions(qdoc *q, vc_question *const *qs, size_t n, bool *first)
{
	for (size_t i = 0; i < n; i++) {
		const vc_question *qu = qs[i];
		if (qu->withdrawn) {
			withdrawn(q, qu);
			continue;
		}
		if (!q_applies(q, qu))
			continue;
		if (!*first)
			pdf_page_break(q->doc);
		*first = false;
		question(q, qu);
	}
}

static void section(qdoc *q, const vc_section *sec, bool *first)
{
	pdf_doc *d = q->doc;
	if (!*first)
		pdf_page_break(d);
	const char *title = arena_printf(q->a, "%s %s", sec->number,
	                                 plain_text(q, &sec->title));
	pdf_block_keep_next(
	    pdf_heading(d, q->st.base.h2, 2, title,
	                arena_printf(q->a, "section-%s", sec->number), true));
	if (prose_present(&sec->introduction))
		pdf_markdown(d, P(q, &sec->introduction), q->st.base.body, 0);
	/* the section's first question follows its heading */
	bool sfirst = true;
	questions(q, sec->questions, sec->nquestions, &sfirst);
	*first = false;
}

static void chapters(qdoc *q)
{
	pdf_doc *d = q->doc;
	const vc_version *v = q->v;
	for (size_t c = 0; c < v->nchapters; c++) {
		const vc_chapter *ch = &v->chapters[c];
		if (!chapter_applies(q, ch))
			continue;
		const char *title = arena_printf(q->a, "%d %s", ch->number,
		                                 plain_text(q, &ch->title));
		pdf_page_break(d);
		pdf_heading(d, q->st.base.h1, 1, title,
		            arena_printf(q->a, "chapter-%d", ch->number), true);
		if (prose_present(&ch->introduction))
			pdf_markdown(d, P(q, &ch->introduction),
			             q->st.base.body, 0);
		bool first = true;
		if (!ch->nsections)
			questions(q, ch->questions, ch->nquestions, &first);
		for (size_t i = 0; i < ch->nsections; i++) {
			const vc_section *sec = ch->sections[i];
			if (any_applies(q, sec->questions, sec->nquestions))
				section(q, sec, &first);
		}
	}
}

/* A row of the summary sheet for the questions qs: their label, how many
 * answers they take, an empty box per answer of the scale. Returns that
 * number (no row where it is 0). */
static size_t summary_row(pdf_table *t, qdoc *q, vc_question *const *qs,
                          size_t nq, const char *label, const char *anchor)
{
	size_t n = 0;
	for (size_t i = 0; i < nq; i++) {
		const vc_question *qu = qs[i];
		if (!q_applies(q, qu))
			continue;
		if (per_question(q))
			n++;
		for (size_t r = 0; r < qu->nreqs && !per_question(q); r++)
			if (model_req_objectives(q->s, &qu->reqs[r]) & q->sel)
				n++;
	}
	if (!n)
		return 0;
	pdf_table_row(t, false);
	pdf_run_ref(pdf_table_cell(t), label, 0, anchor);
	pdf_run(pdf_table_cell(t), arena_printf(q->a, "%zu", n), 0);
	for (size_t i = 0; i < q->s->nanswers; i++)
		pdf_table_cell(t);
	return n;
}

static void summary(qdoc *q)
{
	pdf_doc *d = q->doc;
	const vc_version *v = q->v;
	const vc_scheme *s = q->s;
	pdf_page_break(d);
	pdf_heading(d, q->st.base.h1, 1, T(q, "summary-title"), "summary",
	            true);
	pdf_markdown(
	    d,
	    T(q, per_question(q) ? "summary-intro-question" : "summary-intro"),
	    q->st.base.body, 0);
	size_t nc = 2 + s->nanswers;
	pdf_table *t = pdf_table_new(d, nc, NULL, NULL);
	double *w = arena_alloc(q->a, nc * sizeof(double));
	w[0] = 0.30;
	w[1] = 0.13;
	for (size_t i = 2; i < nc; i++)
		w[i] = 0.57 / (double)s->nanswers;
	pdf_table_widths(t, w);
	for (size_t i = 1; i < nc; i++)
		pdf_table_align(t, i, PDF_CENTER);
	pdf_table_min_height(t, q->st.summary_h);
	pdf_table_row(t, true);
	pdf_run(pdf_table_cell(t), T(q, q->s->sections ? "section" : "chapter"),
	        0);
	pdf_run(pdf_table_cell(t),
	        T(q, per_question(q) ? "questions" : "requirements"), 0);
	for (size_t i = 0; i < s->nanswers; i++)
		pdf_run(pdf_table_cell(t), plain_text(q, &s->answers[i].title),
		        0);
	size_t total = 0;
	for (size_t c = 0; c < v->nchapters; c++) {
		const vc_chapter *ch = &v->chapters[c];
		if (!ch->nsections) {
			total += summary_row(
			    t, q, ch->questions, ch->nquestions,
			    arena_printf(q->a, "%d %s", ch->number,
			                 plain_text(q, &ch->title)),
			    arena_printf(q->a, "chapter-%d", ch->number));
			continue;
		}
		/* a row per section where the scheme has them */
		for (size_t i = 0; i < ch->nsections; i++) {
			const vc_section *sec = ch->sections[i];
			total += summary_row(
			    t, q, sec->questions, sec->nquestions,
			    arena_printf(q->a, "%s %s", sec->number,
			                 plain_text(q, &sec->title)),
			    arena_printf(q->a, "section-%s", sec->number));
		}
	}
	pdf_table_row(t, false);
	pdf_run(pdf_table_cell(t), T(q, "total"), PDF_BOLD);
	pdf_run(pdf_table_cell(t), arena_printf(q->a, "%zu", total), PDF_BOLD);
	for (size_t i = 0; i < s->nanswers; i++)
		pdf_table_cell(t);
	pdf_space(d, 12);
	pdf_keep_begin(d);
	const char *row[] = {T(q, "completed-by"), T(q, "date"),
	                     T(q, "signature")};
	const double rw[] = {0.4, 0.2, 0.4};
	pdf_fields(d, 3, row, rw, q->st.sig_h);
	pdf_keep_end(d);
}

static int resolve_styles(qdoc *q, const pdf_style *st, diags *dg)
{
	qstyle *y = &q->st;
	const pdf_style_want wants[] = {
	    {"label", .para = &y->label},
	    {"question", .para = &y->question},
	    {"requirement", .para = &y->req},
	    {"references", .para = &y->refs},
	    {"secondary", .para = &y->secondary},
	    {"secondary-label", .para = &y->secondary_label},
	    {"small", .para = &y->small},
	    {"withdrawn", .para = &y->withdrawn},
	    {"tag-text", .color = &y->tag_text},
	    {"field-height", .size = &y->field_h},
	    {"signature-height", .size = &y->sig_h},
	    {"ruled-lines", .size = &y->ruled_n},
	    {"ruled-line-spacing", .size = &y->ruled_sp},
	    {"summary-row-height", .size = &y->summary_h},
	    {"requirement-indent", .size = &y->req_indent},
	    {"requirement-space", .size = &y->req_space}};
	int rc = pdf_style_resolve(st, &y->base, wants, COUNT_OF(wants),
	                           "the questionnaire", dg);
	y->level = arena_alloc(q->a, (q->s->nlevels + 1) * sizeof(pdf_color));
	if (backend_level_colours(q->s, st,
	                          "the questionnaire's level markers (or give "
	                          "the level a colour: in scheme.yaml)",
	                          y->level, dg) < 0)
		rc = -1;
	return rc;
}

/* ---- the writer ---- */

/* A questionnaire is printed in a language the version carries whole. */
static int check_complete(const vc_version *v, const char *lang, diags *d)
{
	for (size_t i = 0; i < v->nlanguages; i++)
		if (strcmp(v->languages[i].id, lang) == 0) {
			if (v->languages[i].complete)
				return 0;
			diag_error(d, v->languages[i].pos,
			           "%s is only partly translated to '%s': a "
			           "questionnaire needs a language the version "
			           "marks complete",
			           v->key, lang);
			return -1;
		}
	diag_error(d, v->pos, "%s has no '%s' text", v->key, lang);
	return -1;
}

int questionnaire_write(const vc_version *v, const questionnaire_options *o,
                        const char *path, diags *d)
{
	qdoc q = {0};
	q.v = v;
	q.s = v->scheme;
	vc_objset every = (vc_objset)((1u << q.s->nobjectives) - 1);
	q.sel = o->objectives ? o->objectives & every : every;
	q.lang = o->lang ? o->lang : v->languages[0].id;
	if (check_complete(v, q.lang, d) < 0)
		return -1;
	q.a = arena_new();
	pdf_templates tp;
	pdf_doc *doc = NULL;
	int rc = -1;
	if (pdf_templates_load(&tp, o->templates_dir, o->style_path,
	                       "questionnaire", q.lang, text_keys,
	                       COUNT_OF(text_keys), d) < 0 ||
	    resolve_styles(&q, tp.style, d) < 0)
		goto out;
	q.tx = tp.texts;

	char *idu = xstrdup(v->catalogue);
	for (char *p = idu; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	const char *short_id = arena_printf(q.a, "%s %s", idu, v->version);
	free(idu);
	char *objids = model_objset_string(q.s, q.sel, "+");
	const char *doc_id =
	    arena_printf(q.a, "%s-%s-questionnaire-%s-%s", v->catalogue,
	                 v->version, q.sel == every ? "all" : objids, q.lang);
	free(objids);
	const char *objl = objectives_label(&q, q.sel, true);
	const char *kvp[] = {"page", "{page}", "pages", "{pages}"};
	pdf_meta m = {0};
	m.paper = o->paper;
	m.lang = q.lang;
	m.title =
	    arena_printf(q.a, "%s \xe2\x80\x93 %s", T(&q, "title"), short_id);
	m.subject = arena_printf(q.a, "%s \xe2\x80\x93 %s",
	                         plain_text(&q, &v->title), objl);
	m.author = plain_text(&q, &q.s->title);
	m.keywords = arena_printf(q.a, "%s, %s", short_id, objl);
	m.doc_id = doc_id;
	m.classification = T(&q, "classification");
	m.header_left =
	    arena_printf(q.a, "%s \xc2\xb7 %s", short_id, T(&q, "title"));
	m.header_right = objl;
	m.page_format = pdf_text_format(q.tx, "page", kvp, 4);
	m.plain_first_page = true;
	doc = pdf_new(tp.style, &m, d);
	if (!doc)
		goto out;
	q.doc = doc;
	cover(&q);
	pdf_page_break(doc);
	pdf_toc(doc, T(&q, "contents"));
	instructions(&q);
	chapters(&q);
	summary(&q);
	rc = pdf_write(doc, path, d) == 0 ? 0 : -1;
out:
	pdf_free(doc);
	pdf_templates_free(&tp);
	arena_free(q.a);
	return rc;
}
