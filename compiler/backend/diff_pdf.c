/*
 * diff_pdf.c - `vcsc diff --format pdf`: the change log between two
 * catalogue versions as printable release notes, laid out by the PDF
 * engine (pdf.h).
 *
 * The document: a title block (catalogue, old and new version with their
 * status, a draft marking, the new version's summary) and the table of
 * contents; the summary of counts per kind of change; the table of
 * changed numbers; then per chapter (and section, where the scheme has
 * them) the chapter's and section's own changes and every changed
 * question and requirement with its changes, word-level diffs (deleted text
 * struck through, inserted text underlined, both coloured, so that print in
 * black and white still tells them apart) and its change note. Added
 * questions and requirements show their new text.
 *
 * It shows what the website's change-log page shows (diff_xml.c,
 * templates/site/changes.xsl), in one language: word diffs in that
 * language where both versions carry their own changed text, else in the
 * compared language with a note. The words of the document's own
 * furniture come from templates/pdf/release-notes.yaml, the look from
 * templates/pdf/style.yaml.
 */
#include <stdlib.h>
#include <string.h>

#include "changelog.h"

#include "backend.h"
#include "pdf/pdf.h"

#define ARROW " \xe2\x86\x92 "
#define DOT " \xc2\xb7 "
#define DASH "\xe2\x80\x93"

static const char *const text_keys[] = {"title",
                                        "versions",
                                        "released",
                                        "unreleased",
                                        "draft-tag",
                                        "draft-note",
                                        "header",
                                        "classification",
                                        "classification-draft",
                                        "page",
                                        "about",
                                        "intro",
                                        "contents",
                                        "summary",
                                        "same",
                                        "kind-col",
                                        "chapters-col",
                                        "sections-col",
                                        "questions-col",
                                        "requirements-col",
                                        "total-col",
                                        "all-changes",
                                        "shifted-n",
                                        "shifted-n-sections",
                                        "legend",
                                        "legend-del",
                                        "legend-and",
                                        "legend-ins",
                                        "numbers",
                                        "numbers-lead",
                                        "old-col",
                                        "new-col",
                                        "question-col",
                                        "title-col",
                                        "numbers-lead-sections",
                                        "details",
                                        "chapter-n",
                                        "note",
                                        "compared-in",
                                        "question-num",
                                        "requirement-num",
                                        "chapter-num",
                                        "section-num",
                                        "with-n-requirements",
                                        "with-1-requirement",
                                        "was-withdrawn",
                                        "continues-in",
                                        "and",
                                        "none",
                                        "absent-old",
                                        "absent-new",
                                        "new-content",
                                        "k-added",
                                        "k-removed",
                                        "k-withdrawn",
                                        "k-moved",
                                        "k-moved-requirement",
                                        "k-moved-section",
                                        "k-moved-any",
                                        "k-moved-any-sections",
                                        "k-renumbered",
                                        "k-uid",
                                        "k-level",
                                        "k-text",
                                        "k-whitespace",
                                        "k-formatting",
                                        "k-translation-stale",
                                        "k-translation",
                                        "k-applicability",
                                        "k-references",
                                        "k-successor",
                                        "k-language",
                                        "lang-completed",
                                        "lang-incomplete",
                                        "lang-added",
                                        "lang-removed",
                                        "n-texts-added",
                                        "1-text-added",
                                        "n-texts-changed",
                                        "1-text-changed",
                                        "n-texts-removed",
                                        "1-text-removed",
                                        "place-added",
                                        "place-removed",
                                        "place-withdrawn",
                                        "place-moved",
                                        "place-renumbered",
                                        "place-shifted",
                                        "field-title",
                                        "field-introduction",
                                        "field-question",
                                        "field-objective",
                                        "field-further_information",
                                        "field-evidence"};

typedef struct rstyle {
	pdf_base_styles base;
	const pdf_pstyle *small, *section, *entry, *sub_entry, *change,
	    *word_diff, *added_text, *note, *note_label;
	pdf_color *level; /* marker colour per level of the new scheme */
	pdf_color ins, ins_bg, del, del_bg, moved, draft, tag_text;
	double entry_indent, list_indent;
} rstyle;

typedef struct rn {
	const diff_result *d;
	const char *lang;
	pdf_doc *doc;
	const pdf_texts *tx;
	rstyle st;
	arena *a; /* strings and derived styles of this run */
} rn;

static const char *T(const rn *r, const char *key)
{
	return pdf_text_get(r->tx, key);
}

/* The text of key with its one {name} replaced by value. */
static const char *text_with(rn *r, const char *key, const char *name,
                             const char *value)
{
	const char *kv[] = {name, value};
	return pdf_text_format(r->tx, key, kv, 2);
}

/* A prose field as plain text in the document's language (else the
 * source language), for titles; "" when absent. */
static const char *plain_text(rn *r, const vc_prose *p)
{
	return prose_plain(r->a, p, r->lang);
}

/* ps moved right by extra points (its bar too). */
static const pdf_pstyle *shifted(rn *r, const pdf_pstyle *ps, double extra)
{
	if (extra == 0)
		return ps;
	pdf_pstyle *c = arena_memdup(r->a, ps, sizeof(*ps));
	c->indent += extra;
	return c;
}

/* The anchor of a question's ("q-UID"), requirement's ("r-UID") or
 * section's ("s-UID") entry. */
static const char *q_anchor(rn *r, const diff_item *it)
{
	return arena_printf(r->a, "%s-%s",
	                    it->type == DIFF_QUESTION  ? "q"
	                    : it->type == DIFF_SECTION ? "s"
	                                               : "r",
	                    it->uid);
}

/* ---- marked text ---- */

static void run_n(pdf_block *b, rn *r, const char *s, size_t n)
{
	pdf_run(b, arena_strndup(r->a, s, n), 0);
}

static void deleted(rn *r, pdf_block *b, const char *s, size_t n)
{
	pdf_run_color(b, arena_strndup(r->a, s, n), PDF_STRIKE, r->st.del,
	              &r->st.del_bg);
}

static void inserted(rn *r, pdf_block *b, const char *s, size_t n)
{
	pdf_run_color(b, arena_strndup(r->a, s, n), PDF_UNDERLINE, r->st.ins,
	              &r->st.ins_bg);
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The pieces of a word diff as one paragraph; white space at the edges
 * of a change stays unmarked, so that marks start and end at words. */
static void words(rn *r, const diff_seg *s, size_t n, double indent)
{
	pdf_block *b = pdf_para(r->doc, shifted(r, r->st.word_diff, indent));
	for (size_t i = 0; i < n; i++) {
		const char *t = s[i].text;
		size_t lo = 0, hi = s[i].len;
		if (s[i].op == DIFF_EQ) {
			run_n(b, r, t, hi);
			continue;
		}
		while (lo < hi && blank(t[lo]))
			lo++;
		while (hi > lo && blank(t[hi - 1]))
			hi--;
		run_n(b, r, t, lo);
		if (hi > lo) {
			if (s[i].op == DIFF_DEL)
				deleted(r, b, t + lo, hi - lo);
			else
				inserted(r, b, t + lo, hi - lo);
		}
		run_n(b, r, t + hi, s[i].len - hi);
	}
}

static void place_tag(rn *r, pdf_block *b, diff_kind place)
{
	pdf_color bg;
	switch (place) {
	case DIFF_ADDED:
		bg = r->st.ins;
		break;
	case DIFF_REMOVED:
	case DIFF_WITHDRAWN:
		bg = r->st.del;
		break;
	case DIFF_MOVED:
	case DIFF_RENUMBERED:
		bg = r->st.moved;
		break;
	default:
		return;
	}
	const char *k = arena_printf(r->a, "place-%s", diff_kind_name(place));
	pdf_run(b, "  ", 0);
	pdf_run_tag(b, T(r, k), PDF_BOLD, r->st.tag_text, bg);
}

static void level_tag(rn *r, pdf_block *b, const char *id)
{
	const vc_scheme *s = r->d->new->scheme;
	int l = model_level_index(s, id);
	pdf_run_tag(b, l >= 0 ? plain_text(r, &s->levels[l].title) : id,
	            PDF_BOLD, r->st.tag_text,
	            l >= 0 ? r->st.level[l] : r->st.tag_text);
}

/* "must", "should" or "must+should" (any number of levels) as tags. */
static void levels(rn *r, pdf_block *b, const char *level)
{
	for (const char *p = level;;) {
		const char *plus = strchr(p, '+');
		if (!plus) {
			level_tag(r, b, p);
			return;
		}
		level_tag(r, b, arena_strndup(r->a, p, (size_t)(plus - p)));
		pdf_run(b, " + ", 0);
		p = plus + 1;
	}
}

/* ---- one change ---- */

/* The change's paragraph, starting with its kind. */
static pdf_block *change_para(rn *r, const diff_item *it, const diff_change *c,
                              double indent)
{
	pdf_block *b = pdf_para(
	    r->doc, shifted(r, r->st.change, indent + r->st.list_indent));
	pdf_block_marker(b, "\xe2\x80\xa2", r->st.list_indent, 0);
	const char *k = diff_kind_name(c->kind);
	if (c->kind == DIFF_MOVED && strcmp(diff_moved_out_of(it), "chapter"))
		k = arena_printf(r->a, "moved-%s",
		                 it->type == DIFF_REQUIREMENT ? "requirement"
		                                              : "section");
	pdf_run(b, T(r, arena_printf(r->a, "k-%s", k)), PDF_BOLD);
	return b;
}

static void field_name(rn *r, pdf_block *b, const char *field)
{
	const vc_scheme *s = r->d->new->scheme;
	for (size_t i = 0; i < s->nlevels; i++)
		if (strcmp(s->levels[i].id, field) == 0) {
			pdf_run(b, plain_text(r, &s->levels[i].title), 0);
			return;
		}
	pdf_run(b, T(r, arena_printf(r->a, "field-%s", field)), 0);
}

/* "7.1 Monitoring", linked to its entry when the notes have one. */
static void successor(rn *r, pdf_block *b, const vc_question *q, bool new_side)
{
	const char *label =
	    arena_printf(r->a, "%s %s", q->number, plain_text(r, &q->title));
	const diff_item *it = new_side ? diff_origin_question(r->d, q)
	                               : diff_pair_question(r->d, q);
	if (it && it->reported)
		pdf_run_ref(b, label, 0, q_anchor(r, it));
	else
		pdf_run(b, label, 0);
}

/* "3.1 Contracts, 3.2 Audits and 3.3 Exit" in the document's language,
 * each linked; "none" for an empty list. */
static void successors(rn *r, pdf_block *b, const vc_question *const *qs,
                       size_t n, bool new_side)
{
	if (!n)
		pdf_run(b, T(r, "none"), 0);
	for (size_t i = 0; i < n; i++) {
		if (i + 1 == n && i)
			pdf_run(b, arena_printf(r->a, " %s ", T(r, "and")), 0);
		else if (i)
			pdf_run(b, ", ", 0);
		successor(r, b, qs[i], new_side);
	}
}

/* Whether c is a change of a text in a language other than the
 * compared one. */
static bool translated(const rn *r, const diff_change *c)
{
	return c->lang && strcmp(c->lang, r->d->lang) != 0;
}

static void diff_of(rn *r, const diff_item *it, const diff_change *c,
                    double indent)
{
	size_t n;
	const char *actual;
	const diff_seg *segs =
	    diff_change_words(r->d, it, c, r->lang, r->a, &n, &actual);
	/* a change of a translation names its language beside its field */
	if (strcmp(actual, r->lang) != 0 && !translated(r, c)) {
		pdf_block *m = pdf_para_text(
		    r->doc, shifted(r, r->st.small, indent + r->st.list_indent),
		    text_with(r, "compared-in", "language",
		              diff_language_name(r->d, actual)));
		pdf_block_keep_next(m);
	}
	words(r, segs, n, indent + r->st.list_indent);
}

/* The text of an added question or requirement, as it now reads. */
static void requirement_text(rn *r, const vc_requirement *q, double indent)
{
	const vc_scheme *s = r->d->new->scheme;
	const pdf_pstyle *ps = shifted(r, r->st.added_text, indent);
	bool first = true;
	for (size_t i = 0; i < s->nlevels; i++) {
		const char *id = s->levels[i].id;
		const vc_prose *p = model_req_text(q, i);
		if (!prose_present(p))
			continue;
		pdf_block *b = pdf_para(r->doc, ps);
		if (first)
			pdf_run(b, arena_printf(r->a, "%s  ", q->label),
			        PDF_BOLD);
		first = false;
		level_tag(r, b, id);
		pdf_run(b, " ", 0);
		pdf_markdown_into(r->doc, b, prose_text(p, r->lang), ps, 0);
	}
}

static void added_text(rn *r, const diff_item *it, double indent)
{
	double in = indent + r->st.list_indent;
	/* a section's questions have entries of their own */
	if (it->type == DIFF_SECTION &&
	    !prose_present(&it->new_s->introduction))
		return;
	pdf_block *l = pdf_para_text(r->doc, shifted(r, r->st.small, in),
	                             T(r, "new-content"));
	pdf_block_keep_next(l);
	if (it->type == DIFF_SECTION) {
		pdf_markdown(r->doc,
		             prose_text(&it->new_s->introduction, r->lang),
		             shifted(r, r->st.added_text, in), 0);
		return;
	}
	if (it->type == DIFF_REQUIREMENT) {
		requirement_text(r, it->new_r, in);
		return;
	}
	const vc_question *q = it->new_q;
	pdf_markdown(r->doc, prose_text(&q->question, r->lang),
	             shifted(r, r->st.added_text, in), 0);
	for (size_t i = 0; i < q->nreqs; i++)
		requirement_text(r, &q->reqs[i], in);
}

static void change(rn *r, const diff_item *it, const diff_change *c,
                   double indent)
{
	pdf_block *b = change_para(r, it, c, indent);
	switch (c->kind) {
	case DIFF_ADDED:
	case DIFF_REMOVED: {
		const char *num = c->new_number ? c->new_number : c->old_number;
		pdf_run(b, ": ", PDF_BOLD);
		pdf_run(b,
		        text_with(r,
		                  arena_printf(r->a, "%s-num",
		                               diff_type_name(it->type)),
		                  "number", num),
		        0);
		if (it->type == DIFF_QUESTION && it->nchildren) {
			char n[32];
			snprintf(n, sizeof(n), "%zu", it->nchildren);
			pdf_run(b, " ", 0);
			pdf_run(
			    b,
			    it->nchildren == 1
			        ? T(r, "with-1-requirement")
			        : text_with(r, "with-n-requirements", "n", n),
			    0);
		}
		if (it->type == DIFF_QUESTION && c->kind == DIFF_ADDED &&
		    it->old_q) {
			pdf_run(b, " ", 0);
			pdf_run(b, T(r, "was-withdrawn"), 0);
		}
		if (c->kind == DIFF_ADDED && it->type != DIFF_CHAPTER)
			added_text(r, it, indent);
		break;
	}
	case DIFF_WITHDRAWN:
		if (c->nsuccessors) {
			pdf_run(b, ": ", PDF_BOLD);
			pdf_run(b, T(r, "continues-in"), 0);
			pdf_run(b, " ", 0);
			successors(r, b, c->successors, c->nsuccessors, true);
		}
		break;
	case DIFF_MOVED:
	case DIFF_RENUMBERED:
		pdf_run(b, ": ", PDF_BOLD);
		pdf_run(b, c->old_number, 0);
		pdf_run(b, ARROW, 0);
		pdf_run(b, c->new_number, 0);
		break;
	case DIFF_UID:
		pdf_run(b, ": ", PDF_BOLD);
		pdf_run(b, c->old_uid, PDF_CODE);
		pdf_run(b, ARROW, 0);
		pdf_run(b, c->new_uid, PDF_CODE);
		break;
	case DIFF_LEVEL:
		pdf_run(b, ": ", PDF_BOLD);
		levels(r, b, c->old_level);
		pdf_run(b, ARROW, 0);
		levels(r, b, c->new_level);
		if (c->nsegs)
			diff_of(r, it, c, indent);
		break;
	case DIFF_TEXT:
	case DIFF_FORMATTING:
	case DIFF_WHITESPACE:
	case DIFF_TRANSLATION:
		pdf_run(b, ": ", PDF_BOLD);
		field_name(r, b, c->field);
		if (translated(r, c))
			pdf_run(b,
			        arena_printf(r->a, " (%s)",
			                     diff_language_name(r->d, c->lang)),
			        0);
		if (c->kind != DIFF_WHITESPACE &&
		    (!c->old_text || !c->new_text)) {
			pdf_run(b, " ", 0);
			pdf_run(b,
			        T(r, c->old_text ? "absent-new" : "absent-old"),
			        0);
		}
		if (c->kind != DIFF_WHITESPACE)
			diff_of(r, it, c, indent);
		break;
	case DIFF_TRANSLATION_STALE:
		pdf_run(b, ": ", PDF_BOLD);
		field_name(r, b, c->field);
		pdf_run(b,
		        arena_printf(r->a, " (%s)",
		                     diff_language_name(r->d, c->lang)),
		        0);
		break;
	case DIFF_APPLICABILITY: {
		/* the objectives of either side in the scheme's order, those
		 * gone struck through, those new underlined */
		const vc_scheme *s = r->d->new->scheme;
		const char *o = arena_printf(r->a, ",%s,", c->old_objectives);
		const char *n = arena_printf(r->a, ",%s,", c->new_objectives);
		pdf_run(b, ": ", PDF_BOLD);
		bool any = false;
		for (size_t i = 0; i < s->nobjectives; i++) {
			const char *id =
			    arena_printf(r->a, ",%s,", s->objectives[i].id);
			bool in_o = strstr(o, id), in_n = strstr(n, id);
			if (!in_o && !in_n)
				continue;
			if (any)
				pdf_run(b, ", ", 0);
			any = true;
			const char *t = plain_text(r, &s->objectives[i].title);
			if (!in_n)
				deleted(r, b, t, strlen(t));
			else if (!in_o)
				inserted(r, b, t, strlen(t));
			else
				pdf_run(b, t, 0);
		}
		break;
	}
	case DIFF_REFERENCES: {
		pdf_run(b, ": ", PDF_BOLD);
		bool any = false;
		for (int pass = 0; pass < 2; pass++) {
			const vc_ref **refs =
			    pass ? c->refs_removed : c->refs_added;
			size_t nr = pass ? c->nremoved : c->nadded;
			for (size_t i = 0; i < nr; i++) {
				const char *t = arena_printf(
				    r->a, "%s %s",
				    diff_ref_standard(r->d, refs[i])->title,
				    refs[i]->id);
				if (any)
					pdf_run(b, ", ", 0);
				any = true;
				if (pass)
					deleted(r, b, t, strlen(t));
				else
					inserted(r, b, t, strlen(t));
			}
		}
		break;
	}
	case DIFF_SUCCESSOR:
		pdf_run(b, ": ", PDF_BOLD);
		successors(r, b, c->old_successors, c->nold_successors, false);
		pdf_run(b, ARROW, 0);
		successors(r, b, c->successors, c->nsuccessors, true);
		break;
	default:
		break;
	}
}

static void note(rn *r, const diff_item *it, double indent)
{
	if (!it->change_note || !it->nchanges)
		return;
	pdf_block *l = pdf_para_text(
	    r->doc, shifted(r, r->st.note_label, indent + r->st.list_indent),
	    T(r, "note"));
	pdf_block_keep_next(l);
	pdf_markdown(r->doc, prose_text(it->change_note, r->lang),
	             shifted(r, r->st.note, indent + r->st.list_indent), 0);
}

static void item_changes(rn *r, const diff_item *it, double indent)
{
	for (size_t i = 0; i < it->nchanges; i++)
		change(r, it, &it->changes[i], indent);
	note(r, it, indent);
}

/* ---- the parts ---- */

static const char *status_line(rn *r, const vc_version *v)
{
	const char *kv[] = {"version", v->version, "date",
	                    v->released ? v->released : ""};
	return pdf_text_format(
	    r->tx, v->draft || !v->released ? "unreleased" : "released", kv, 4);
}

static void cover(rn *r)
{
	pdf_doc *d = r->doc;
	const vc_version *o = r->d->old, *n = r->d->new;
	pdf_space(d, r->st.base.cover_space);
	pdf_para_text(d, r->st.small, plain_text(r, &n->scheme->title));
	pdf_para_text(d, r->st.base.title, T(r, "title"));
	pdf_para_text(d, r->st.base.subtitle, plain_text(r, &n->title));
	const char *kv[] = {"old", o->version, "new", n->version};
	pdf_para_text(d, r->st.base.h2,
	              pdf_text_format(r->tx, "versions", kv, 4));
	pdf_para_text(
	    d, r->st.base.meta,
	    arena_printf(r->a, "%s\n%s", status_line(r, n), status_line(r, o)));
	if (n->draft) {
		pdf_block *b = pdf_para(d, r->st.base.body);
		pdf_run_tag(b, T(r, "draft-tag"), PDF_BOLD, r->st.tag_text,
		            r->st.draft);
		pdf_run(b, "  ", 0);
		pdf_run(b, text_with(r, "draft-note", "version", n->version),
		        0);
	}
	pdf_markdown(d, T(r, "intro"), r->st.base.body, 0);
	if (prose_present(&n->summary)) {
		pdf_block_keep_next(pdf_para_text(
		    d, r->st.base.h3,
		    text_with(r, "about", "version", n->version)));
		pdf_markdown(d, prose_text(&n->summary, r->lang),
		             r->st.base.body, 0);
	}
}

/* "12 texts added", "1 text changed", ... */
static const char *texts_n(rn *r, size_t n, const char *what)
{
	if (n == 1)
		return T(r, arena_printf(r->a, "1-text-%s", what));
	return text_with(r, arena_printf(r->a, "n-texts-%s", what), "n",
	                 arena_printf(r->a, "%zu", n));
}

/* A language whose status changed, as a bullet of the summary:
 * "Deutsch completed: 143 texts added". */
static void language(rn *r, const diff_change *c)
{
	pdf_block *b =
	    pdf_para(r->doc, shifted(r, r->st.change, r->st.list_indent));
	pdf_block_marker(b, "\xe2\x80\xa2", r->st.list_indent, 0);
	pdf_run(b,
	        text_with(r,
	                  arena_printf(r->a, "lang-%s", diff_language_event(c)),
	                  "language", diff_language_name(r->d, c->lang)),
	        PDF_BOLD);
	size_t n[3];
	const char *what[3];
	size_t k = diff_language_texts(c, n, what);
	for (size_t i = 0; i < k; i++) {
		pdf_run(b, i ? ", " : ": ", i ? 0 : PDF_BOLD);
		pdf_run(b, texts_n(r, n[i], what[i]), 0);
	}
}

static void count_cell(rn *r, pdf_table *t, size_t n, unsigned flags)
{
	pdf_run(pdf_table_cell(t), n ? arena_printf(r->a, "%zu", n) : DASH,
	        flags);
}

static void summary(rn *r)
{
	pdf_doc *d = r->doc;
	const diff_result *df = r->d;
	if (!diff_same(df))
		pdf_page_break(d);
	pdf_heading(d, r->st.base.h1, 1, T(r, "summary"), "summary", true);
	if (diff_same(df)) {
		pdf_para_text(d, r->st.base.body, T(r, "same"));
		return;
	}
	size_t n[DIFF_NTYPES][DIFF_NKINDS];
	diff_count_types(df, n);
	/* a column per type of item: chapters, sections (where a scheme
	 * has them), questions, requirements */
	int types[DIFF_NTYPES], nt = 0;
	for (int ty = 0; ty < DIFF_NTYPES; ty++)
		if (ty != DIFF_SECTION || df->has_sections)
			types[nt++] = ty;
	static const char *const heads[DIFF_NTYPES] = {
	    "chapters-col", "sections-col", "questions-col",
	    "requirements-col"};
	size_t ncols = (size_t)nt + 2;
	pdf_table *t = pdf_table_new(d, ncols, NULL, NULL);
	const double w4[] = {0.48, 0.13, 0.13, 0.13, 0.13};
	const double w5[] = {0.40, 0.12, 0.12, 0.12, 0.12, 0.12};
	pdf_table_widths(t, nt == 4 ? w5 : w4);
	for (size_t c = 1; c < ncols; c++)
		pdf_table_align(t, c, PDF_RIGHT);
	pdf_table_row(t, true);
	pdf_run(pdf_table_cell(t), T(r, "kind-col"), 0);
	for (int i = 0; i < nt; i++)
		pdf_run(pdf_table_cell(t), T(r, heads[types[i]]), 0);
	pdf_run(pdf_table_cell(t), T(r, "total-col"), 0);
	size_t sum[DIFF_NTYPES] = {0};
	for (int k = DIFF_ADDED; k < DIFF_NKINDS; k++) {
		if (k == DIFF_SHIFTED || !df->counts[k])
			continue;
		pdf_table_row(t, false);
		const char *name = k != DIFF_MOVED
		                       ? diff_kind_name((diff_kind)k)
		                   : df->has_sections ? "moved-any-sections"
		                                      : "moved-any";
		pdf_run(pdf_table_cell(t),
		        T(r, arena_printf(r->a, "k-%s", name)), 0);
		for (int i = 0; i < nt; i++) {
			count_cell(r, t, n[types[i]][k], 0);
			sum[types[i]] += n[types[i]][k];
		}
		count_cell(r, t, df->counts[k], 0);
	}
	pdf_table_row(t, false);
	pdf_run(pdf_table_cell(t), T(r, "all-changes"), PDF_BOLD);
	for (int i = 0; i < nt; i++)
		count_cell(r, t, sum[types[i]], PDF_BOLD);
	count_cell(r, t, df->nchanges, PDF_BOLD);
	if (df->counts[DIFF_SHIFTED]) {
		char s[32];
		snprintf(s, sizeof(s), "%zu", df->counts[DIFF_SHIFTED]);
		pdf_para_text(d, r->st.base.meta,
		              text_with(r,
		                        df->has_sections ? "shifted-n-sections"
		                                         : "shifted-n",
		                        "n", s));
	}
	for (size_t i = 0; i < df->nlang_changes; i++)
		language(r, &df->lang_changes[i]);
	pdf_block *b = pdf_para(d, r->st.base.body);
	pdf_run(b, T(r, "legend"), 0);
	pdf_run(b, " ", 0);
	const char *del = T(r, "legend-del"), *ins = T(r, "legend-ins");
	deleted(r, b, del, strlen(del));
	pdf_run(b, " ", 0);
	pdf_run(b, T(r, "legend-and"), 0);
	pdf_run(b, " ", 0);
	inserted(r, b, ins, strlen(ins));
	pdf_run(b, ".", 0);
}

/* The entry a row of the number table points to: the item's own, else
 * its question's (as diff_xml.c does). */
static const char *row_entry(rn *r, const diff_item *it)
{
	const diff_item *q = it->type == DIFF_REQUIREMENT ? it->parent : it;
	if (it->reported || it->nchanges)
		return q_anchor(r, it);
	if (q && q->reported)
		return q_anchor(r, q);
	return NULL;
}

static void numbers(rn *r)
{
	pdf_doc *d = r->doc;
	const diff_result *df = r->d;
	if (!df->nrenumbered)
		return;
	pdf_heading(d, r->st.base.h1, 1, T(r, "numbers"), "numbers", true);
	/* with sections the table has rows of sections too */
	bool sec = df->has_sections;
	pdf_para_text(d, r->st.base.body,
	              T(r, sec ? "numbers-lead-sections" : "numbers-lead"));
	pdf_table *t = pdf_table_new(d, 4, NULL, NULL);
	const double w[] = {0.12, 0.12, 0.2, 0.56};
	pdf_table_widths(t, w);
	pdf_table_row(t, true);
	pdf_run(pdf_table_cell(t), T(r, "old-col"), 0);
	pdf_run(pdf_table_cell(t), T(r, "new-col"), 0);
	pdf_run(pdf_table_cell(t), T(r, "kind-col"), 0);
	pdf_run(pdf_table_cell(t), T(r, sec ? "title-col" : "question-col"), 0);
	for (size_t i = 0; i < df->nrenumbered; i++) {
		const diff_item *it = df->renumbered[i];
		/* a requirement's row names its question */
		const diff_item *q =
		    it->type == DIFF_REQUIREMENT ? it->parent : it;
		pdf_table_row(t, false);
		pdf_run(pdf_table_cell(t), it->old_number, 0);
		pdf_run(pdf_table_cell(t), it->new_number, 0);
		const char *place =
		    T(r, arena_printf(r->a, "place-%s",
		                      diff_kind_name(it->place)));
		const char *to = row_entry(r, it);
		if (to)
			pdf_run_ref(pdf_table_cell(t), place, 0, to);
		else
			pdf_run(pdf_table_cell(t), place, 0);
		pdf_run(pdf_table_cell(t),
		        q ? plain_text(r, diff_item_title(q)) : "", 0);
	}
}

/* A changed question (outline level 3, 4 below a section) and its
 * changed requirements. */
static void entry(rn *r, const diff_item *q)
{
	pdf_doc *d = r->doc;
	const char *num = q->new_number ? q->new_number : q->old_number;
	const char *title =
	    arena_printf(r->a, "%s %s", num, plain_text(r, diff_item_title(q)));
	pdf_block *h = pdf_heading(d, r->st.entry, q->section ? 4 : 3, title,
	                           q_anchor(r, q), false);
	place_tag(r, h, q->place);
	item_changes(r, q, 0);
	for (size_t i = 0; i < q->nchildren; i++) {
		const diff_item *c = q->children[i];
		if (!c->nchanges)
			continue;
		pdf_block *s = pdf_para(
		    d, shifted(r, r->st.sub_entry, r->st.entry_indent));
		pdf_run(s, c->new_number ? c->new_number : c->old_number, 0);
		place_tag(r, s, c->place);
		pdf_block_anchor(s, q_anchor(r, c));
		pdf_block_keep_next(s);
		item_changes(r, c, r->st.entry_indent);
	}
}

/* A chapter's heading ("Chapter 2 · Operations", level 2) or a section's
 * ("1.6 Suppliers", level 3, in the table of contents too), with its own
 * changes. */
static void group_head(rn *r, const diff_item *c)
{
	const char *num = c->new_number ? c->new_number : c->old_number;
	const char *t = plain_text(r, diff_item_title(c));
	if (c->type == DIFF_SECTION) {
		pdf_block *h =
		    pdf_heading(r->doc, r->st.section, 3,
		                *t ? arena_printf(r->a, "%s %s", num, t) : num,
		                q_anchor(r, c), true);
		place_tag(r, h, c->place);
		item_changes(r, c, 0);
		return;
	}
	const char *label = text_with(r, "chapter-n", "number", num);
	if (*t)
		label = arena_printf(r->a, "%s" DOT "%s", label, t);
	pdf_heading(r->doc, r->st.base.h2, 2, label,
	            arena_printf(r->a, "ch-%s", num), true);
	item_changes(r, c, 0);
}

static void shown(void *ctx, const diff_item *it)
{
	if (it->type == DIFF_QUESTION)
		entry(ctx, it);
	else
		group_head(ctx, it);
}

/* Chapters and sections with a change and questions with one under their
 * chapter and section (the new ones; for a removed question the partners
 * of its old ones), in the order of the other change logs (d->outline). */
static void details(rn *r)
{
	if (diff_same(r->d))
		return;
	pdf_page_break(r->doc);
	pdf_heading(r->doc, r->st.base.h1, 1, T(r, "details"), "details", true);
	diff_walk_outline(r->d, shown, r);
}

static int resolve_styles(rn *r, const pdf_style *st, diags *dg)
{
	rstyle *y = &r->st;
	const pdf_style_want wants[] = {
	    {"small", .para = &y->small},
	    {"section-entry", .para = &y->section},
	    {"entry", .para = &y->entry},
	    {"sub-entry", .para = &y->sub_entry},
	    {"change", .para = &y->change},
	    {"word-diff", .para = &y->word_diff},
	    {"added-text", .para = &y->added_text},
	    {"change-note", .para = &y->note},
	    {"change-note-label", .para = &y->note_label},
	    {"inserted", .color = &y->ins},
	    {"inserted-background", .color = &y->ins_bg},
	    {"deleted", .color = &y->del},
	    {"deleted-background", .color = &y->del_bg},
	    {"moved", .color = &y->moved},
	    {"draft", .color = &y->draft},
	    {"tag-text", .color = &y->tag_text},
	    {"entry-indent", .size = &y->entry_indent},
	    {"list-indent", .size = &y->list_indent}};
	int rc = pdf_style_resolve(st, &y->base, wants, COUNT_OF(wants),
	                           "the release notes", dg);
	const vc_scheme *s = r->d->new->scheme;
	y->level = arena_alloc(r->a, (s->nlevels + 1) * sizeof(pdf_color));
	if (backend_level_colours(s, st,
	                          "the release notes' level markers (or give "
	                          "the level a colour: in scheme.yaml)",
	                          y->level, dg) < 0)
		rc = -1;
	return rc;
}

static char *upper(const char *s)
{
	char *u = xstrdup(s);
	for (char *p = u; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	return u;
}

int diff_write_pdf(const diff_result *d, const char *lang, pdf_paper paper,
                   const char *data_dir, const char *path, diags *dg)
{
	int rc = -1;
	pdf_templates tp;
	pdf_doc *doc = NULL;
	rn r = {0};
	r.d = d;
	r.lang = lang;
	r.a = arena_new();
	char *tdir = path_join(data_dir, "templates");
	int loaded = pdf_templates_load(&tp, tdir, NULL, "release-notes", lang,
	                                text_keys, COUNT_OF(text_keys), dg);
	free(tdir);
	if (loaded < 0 || resolve_styles(&r, tp.style, dg) < 0)
		goto out;
	r.tx = tp.texts;

	const vc_version *o = d->old, *n = d->new;
	char *cat = upper(n->catalogue);
	const char *kv[] = {"catalogue", cat,        "old",  o->version,
	                    "new",       n->version, "page", "{page}",
	                    "pages",     "{pages}"};
	pdf_meta m = {0};
	m.paper = paper;
	m.lang = lang;
	m.title = arena_printf(r.a, "%s \xe2\x80\x93 %s %s" ARROW "%s",
	                       T(&r, "title"), cat, o->version, n->version);
	m.subject = arena_printf(r.a, "%s" DOT "%s", plain_text(&r, &n->title),
	                         pdf_text_format(r.tx, "versions", kv, 6));
	m.author = plain_text(&r, &n->scheme->title);
	m.keywords = arena_printf(r.a, "%s %s, %s %s, %s", cat, o->version, cat,
	                          n->version, T(&r, "title"));
	m.doc_id = arena_printf(r.a, "%s-%s-%s-release-notes-%s", n->catalogue,
	                        o->version, n->version, lang);
	m.classification =
	    T(&r, n->draft ? "classification-draft" : "classification");
	m.header_left = pdf_text_format(r.tx, "header", kv, 6);
	m.header_right = status_line(&r, n);
	m.page_format = pdf_text_format(r.tx, "page", kv, 10);
	m.plain_first_page = true;
	free(cat);
	doc = pdf_new(tp.style, &m, dg);
	if (!doc)
		goto out;
	r.doc = doc;
	cover(&r);
	if (!diff_same(d))
		pdf_toc(doc, T(&r, "contents"));
	summary(&r);
	numbers(&r);
	details(&r);
	rc = pdf_write(doc, path, dg) == 0 ? 0 : -1;
out:
	pdf_free(doc);
	pdf_templates_free(&tp);
	arena_free(r.a);
	return rc;
}
