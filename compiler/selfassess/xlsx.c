/*
 * xlsx.c - the self-assessment as a workbook to fill in (libxlsxwriter),
 * laid out like the catalogues' own workbooks: a cover sheet (the
 * version, language and objectives, fields for participant and scope, the
 * answer scale), the questions sheet (a frozen header row, wrapped texts,
 * the level column in the PDFs' level colours, a drop-down list of the
 * scheme's answers in every answer cell, justification, evidence and
 * review columns) and a summary sheet whose formulas count the answers
 * per chapter. import.c reads it back (by the sheet names and the header
 * row's column names).
 *
 * Same input, same bytes: the document's creation time is
 * SOURCE_DATE_EPOCH, else a fixed date.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "base/files.h"
#include "selfassess.h"

static lxw_format *fmt(lxw_workbook *wb, bool bold, bool wrap, uint32_t fill,
                       uint32_t font)
{
	lxw_format *f = workbook_add_format(wb);
	if (bold)
		format_set_bold(f);
	if (wrap)
		format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (fill) {
		format_set_pattern(f, LXW_PATTERN_SOLID);
		format_set_bg_color(f, fill);
	}
	if (font)
		format_set_font_color(f, font);
	return f;
}

static uint32_t rgb(const pdf_color *c)
{
	return ((uint32_t)(c->r * 255 + 0.5) << 16) |
	       ((uint32_t)(c->g * 255 + 0.5) << 8) |
	       (uint32_t)(c->b * 255 + 0.5);
}

typedef struct xctx {
	const selfassess *sa;
	lxw_workbook *wb;
	arena *a;
	lxw_format *bold, *wrap, *head, *qrow, *field, *top, **level;
	const char **answer_ids;
	int last_row; /* of the questions sheet, 0-based */
} xctx;

static void cover_sheet(xctx *x)
{
	const selfassess *sa = x->sa;
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Cover");
	worksheet_set_column(ws, 0, 0, 22, NULL);
	worksheet_set_column(ws, 1, 1, 60, NULL);
	worksheet_set_column(ws, 2, 2, 40, NULL);
	worksheet_fit_to_pages(ws, 1, 0);
	lxw_format *title = workbook_add_format(x->wb);
	format_set_bold(title);
	format_set_font_size(title, 16);
	worksheet_write_string(
	    ws, 0, 0,
	    arena_printf(x->a, "Self-assessment: %s",
	                 prose_plain(x->a, &sa->version->title, sa->lang)),
	    title);
	char *objs = model_objset_string(sa->scheme, sa->objectives, ", ");
	const char *vals[SA_NCOVER] = {sa->version->key, sa->lang, objs,
	                               sa->participant, sa->scope};
	for (int i = 0; i < SA_NCOVER; i++) {
		worksheet_write_string(ws, 2 + i, 0, sa_cover_labels[i],
		                       x->bold);
		bool fill = i >= SA_COVER_PARTICIPANT;
		if (vals[i])
			worksheet_write_string(ws, 2 + i, 1, vals[i],
			                       fill ? x->field : NULL);
		else if (fill)
			worksheet_write_blank(ws, 2 + i, 1, x->field);
		if (fill)
			worksheet_write_string(ws, 2 + i, 2, "to fill in",
			                       NULL);
	}
	free(objs);
	int r = 3 + SA_NCOVER;
	worksheet_write_string(ws, r++, 0, "Answers", x->head);
	worksheet_write_string(ws, r - 1, 1, "Meaning", x->head);
	worksheet_write_string(ws, r - 1, 2, "Justification", x->head);
	for (size_t i = 0; i < sa->scheme->nanswers; i++, r++) {
		const vc_answer *an = &sa->scheme->answers[i];
		worksheet_write_string(ws, r, 0, an->id, NULL);
		worksheet_write_string(
		    ws, r, 1, prose_plain(x->a, &an->title, sa->lang), NULL);
		worksheet_write_string(
		    ws, r, 2,
		    an->justification ? an->justification : "optional", NULL);
	}
	if (sa->scheme->answer_unit == VC_ANSWER_QUESTION &&
	    sa->scheme->answer_target >= 0)
		worksheet_write_string(ws, r + 1, 0,
		                       arena_printf(x->a,
		                                    "Target maturity level: %d",
		                                    sa->scheme->answer_target),
		                       x->bold);
}

/* The first level a row's item uses, for its colour. */
static int first_level(const selfassess *sa, const char *levels)
{
	for (size_t l = 0; l < sa->scheme->nlevels; l++) {
		size_t n = strlen(sa->scheme->levels[l].id);
		if (strncmp(levels, sa->scheme->levels[l].id, n) == 0 &&
		    (levels[n] == '\0' || levels[n] == '+'))
			return (int)l;
	}
	return -1;
}

/* The lines text takes in a wrapped column of the given width (in the
 * widths of a digit; text runs about 1.1 characters a unit). */
static int lines_in(const char *text, double width)
{
	if (!text || !*text)
		return 1;
	size_t per = (size_t)(width * 1.1);
	int lines = 0;
	while (*text) {
		size_t n = strcspn(text, "\n");
		size_t chars = utf8_count(text, n);
		lines += chars ? (int)((chars + per - 1) / per) : 1;
		text += n;
		if (*text == '\n')
			text++;
	}
	return lines ? lines : 1;
}

/* Rows do not grow by themselves in every program: a row's height for
 * its tallest wrapped cell (15 points a line). */
static void row_height(lxw_worksheet *ws, int r, const char *const *texts,
                       const double *widths, size_t n)
{
	int lines = 1;
	for (size_t i = 0; i < n; i++) {
		int l = lines_in(texts[i], widths[i]);
		if (l > lines)
			lines = l;
	}
	if (lines > 1)
		worksheet_set_row(ws, (lxw_row_t)r, 15.0 * lines, NULL);
}

static void questions_sheet(xctx *x)
{
	const selfassess *sa = x->sa;
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Questions");
	static const double widths[SA_NCOLS] = {9, 12, 70, 18, 40, 40, 30, 9};
	for (int c = 0; c < SA_NCOLS; c++) {
		worksheet_set_column(
		    ws, c, c, widths[c],
		    c == SA_COL_TEXT || c >= SA_COL_JUSTIFICATION ? x->wrap
		                                                  : NULL);
		worksheet_write_string(ws, 0, c, sa_col_names[c], x->head);
	}
	worksheet_freeze_panes(ws, 1, 0);
	/* printed: landscape, one page wide, the header on every page */
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, 0, 0);
	lxw_data_validation dv = {0};
	dv.validate = LXW_VALIDATION_TYPE_LIST;
	dv.value_list = (char **)x->answer_ids;
	dv.error_title = "Answer";
	dv.error_message = "Choose one of the scheme's answers from the list.";
	int r = 1;
	const vc_question *q = NULL;
	for (size_t i = 0; i < sa->nentries; i++) {
		const sa_entry *e = &sa->entries[i];
		if (e->req && e->q != q) {
			q = e->q;
			worksheet_write_string(ws, r, SA_COL_ITEM, q->number,
			                       x->qrow);
			for (int c = 1; c < SA_NCOLS; c++)
				worksheet_write_blank(ws, r, c, x->qrow);
			const char *qt = arena_printf(
			    x->a, "%s: %s",
			    prose_plain(x->a, &q->title, sa->lang),
			    prose_plain(x->a, &q->question, sa->lang));
			worksheet_write_string(ws, r, SA_COL_TEXT, qt, x->qrow);
			row_height(ws, r, &qt, &widths[SA_COL_TEXT], 1);
			r++;
		}
		const char *lv = sa_item_levels(sa, e, x->a);
		int li = first_level(sa, lv);
		worksheet_write_string(ws, r, SA_COL_ITEM, e->key, x->top);
		worksheet_write_string(ws, r, SA_COL_LEVEL, lv,
		                       li >= 0 ? x->level[li] : NULL);
		const char *text = sa_item_text(sa, e, x->a);
		worksheet_write_string(ws, r, SA_COL_TEXT, text, x->wrap);
		if (e->answer)
			worksheet_write_string(ws, r, SA_COL_ANSWER,
			                       e->answer->id, x->field);
		else
			worksheet_write_blank(ws, r, SA_COL_ANSWER, x->field);
		worksheet_data_validation_cell(ws, r, SA_COL_ANSWER, &dv);
		const char *more[3] = {e->justification, e->evidence,
		                       e->review};
		for (int c = 0; c < 3; c++) {
			if (more[c])
				worksheet_write_string(ws, r,
				                       SA_COL_JUSTIFICATION + c,
				                       more[c], x->wrap);
			else
				worksheet_write_blank(
				    ws, r, SA_COL_JUSTIFICATION + c, x->wrap);
		}
		worksheet_write_number(ws, r, SA_COL_CHAPTER, e->q->chapter_no,
		                       x->top);
		const char *tall[4] = {text, e->justification, e->evidence,
		                       e->review};
		const double tw[4] = {
		    widths[SA_COL_TEXT], widths[SA_COL_JUSTIFICATION],
		    widths[SA_COL_EVIDENCE], widths[SA_COL_REVIEW]};
		row_height(ws, r, tall, tw, 4);
		r++;
	}
	x->last_row = r - 1;
}

/* Per chapter: its items and a count of each answer, as formulas over
 * the questions sheet (with the values they give now cached, for
 * readers that do not calculate). */
static void summary_sheet(xctx *x)
{
	const selfassess *sa = x->sa;
	const vc_scheme *s = sa->scheme;
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Summary");
	int last = x->last_row + 1; /* 1-based */
	char *chap = arena_printf(x->a, "Questions!$H$2:$H$%d", last);
	char *ans = arena_printf(x->a, "Questions!$D$2:$D$%d", last);
	worksheet_set_column(ws, 1, 1, 40, NULL);
	worksheet_set_column(ws, 2, 3 + (int)s->nanswers, 14, NULL);
	worksheet_write_string(ws, 0, 0, "Chapter", x->head);
	worksheet_write_string(ws, 0, 1, "Title", x->head);
	worksheet_write_string(ws, 0, 2, "Items", x->head);
	for (size_t k = 0; k < s->nanswers; k++) {
		double w = (double)strlen(s->answers[k].id) + 3;
		worksheet_set_column(ws, (lxw_col_t)(3 + k), (lxw_col_t)(3 + k),
		                     w > 14 ? w : 14, NULL);
		worksheet_write_string(ws, 0, 3 + (int)k, s->answers[k].id,
		                       x->head);
	}
	int uc = 3 + (int)s->nanswers; /* the unanswered column */
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_write_string(ws, 0, uc, "unanswered", x->head);
	worksheet_freeze_panes(ws, 1, 0);
	int r = 1;
	const vc_version *v = sa->version;
	for (size_t c = 0; c < v->nchapters; c++) {
		const vc_chapter *ch = &v->chapters[c];
		size_t items = 0, per[64] = {0}, open = 0;
		for (size_t i = 0; i < sa->nentries; i++) {
			const sa_entry *e = &sa->entries[i];
			if (e->q->chapter != ch)
				continue;
			items++;
			if (!e->answer)
				open++;
			else if ((size_t)(e->answer - s->answers) < 64)
				per[e->answer - s->answers]++;
		}
		if (!items)
			continue;
		int row1 = r + 1;
		worksheet_write_number(ws, r, 0, ch->number, NULL);
		worksheet_write_string(
		    ws, r, 1, prose_plain(x->a, &ch->title, sa->lang), NULL);
		worksheet_write_formula_num(
		    ws, r, 2,
		    arena_printf(x->a, "=COUNTIF(%s,$A%d)", chap, row1), NULL,
		    (double)items);
		for (size_t k = 0; k < s->nanswers; k++) {
			lxw_col_t col = (lxw_col_t)(3 + k);
			char cl[8];
			lxw_col_to_name(cl, col, true);
			worksheet_write_formula_num(
			    ws, r, col,
			    arena_printf(x->a, "=COUNTIFS(%s,$A%d,%s,%s$1)",
			                 chap, row1, ans, cl),
			    NULL, (double)per[k]);
		}
		char c0[8], c1[8];
		lxw_col_to_name(c0, 3, false);
		lxw_col_to_name(c1, (lxw_col_t)(uc - 1), false);
		worksheet_write_formula_num(
		    ws, r, uc,
		    arena_printf(x->a, "=C%d-SUM(%s%d:%s%d)", row1, c0, row1,
		                 c1, row1),
		    NULL, (double)open);
		r++;
	}
	/* the totals */
	worksheet_write_string(ws, r, 1, "Total", x->bold);
	for (int col = 2; col <= uc; col++) {
		char cn[8];
		lxw_col_to_name(cn, (lxw_col_t)col, false);
		double sum = 0;
		if (col == 2)
			sum = (double)sa->nentries;
		else
			for (size_t i = 0; i < sa->nentries; i++) {
				const vc_answer *an = sa->entries[i].answer;
				sum += col == uc
				           ? !an
				           : (an && an - s->answers == col - 3);
			}
		worksheet_write_formula_num(
		    ws, r, (lxw_col_t)col,
		    arena_printf(x->a, "=SUM(%s2:%s%d)", cn, cn, r), x->bold,
		    sum);
	}
}

int sa_write_xlsx(const selfassess *sa, const pdf_color *levels,
                  const char *path, diags *d)
{
	outfile of;
	if (outfile_open(&of, path) != 0 || !of.tmp) {
		int err = errno;
		if (of.fp && !of.tmp)
			outfile_abort(&of);
		d->io_failed = true;
		diag_error(d, NO_POS, "cannot write '%s': %s", path,
		           of.fp ? "not a regular file" : output_strerror(err));
		return -1;
	}
	xctx x = {sa, NULL, arena_new()};
	lxw_workbook_options wo = {0};
	wo.constant_memory = LXW_FALSE;
	x.wb = workbook_new_opt(of.tmp, &wo);
	int rc = -1;
	if (!x.wb)
		goto out;
	lxw_doc_properties props = {0};
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	props.created = sde && *sde ? (time_t)strtoll(sde, NULL, 10)
	                            : (time_t)946684800; /* 2000-01-01 */
	props.title = "Self-assessment";
	workbook_set_properties(x.wb, &props);
	x.bold = fmt(x.wb, true, false, 0, 0);
	x.wrap = fmt(x.wb, false, true, 0, 0);
	x.head = fmt(x.wb, true, true, 0xE4EAF1, 0);
	x.qrow = fmt(x.wb, true, true, 0xEEF0F2, 0);
	x.top = fmt(x.wb, false, false, 0, 0);
	x.field = fmt(x.wb, false, true, 0xFFF8DC, 0);
	format_set_border(x.field, LXW_BORDER_THIN);
	x.level =
	    arena_alloc(x.a, (sa->scheme->nlevels + 1) * sizeof(lxw_format *));
	for (size_t l = 0; l < sa->scheme->nlevels; l++) {
		pdf_color c = {0.35f, 0.38f, 0.42f};
		if (levels)
			c = levels[l];
		else if (sa->scheme->levels[l].colour)
			pdf_color_parse(sa->scheme->levels[l].colour, &c);
		x.level[l] = fmt(x.wb, true, false, rgb(&c), 0xFFFFFF);
	}
	x.answer_ids =
	    arena_alloc(x.a, (sa->scheme->nanswers + 1) * sizeof(char *));
	for (size_t i = 0; i < sa->scheme->nanswers; i++)
		x.answer_ids[i] = sa->scheme->answers[i].id;
	cover_sheet(&x);
	questions_sheet(&x);
	summary_sheet(&x);
	lxw_error e = workbook_close(x.wb);
	if (e != LXW_NO_ERROR) {
		diag_error(d, NO_POS, "cannot write '%s': %s", path,
		           lxw_strerror(e));
		d->io_failed = true;
		goto out;
	}
	rc = 0;
out:
	arena_free(x.a);
	if (rc == 0 && outfile_commit(&of) != 0) {
		d->io_failed = true;
		diag_error(d, NO_POS, "cannot write '%s': %s", path,
		           output_strerror(errno));
		rc = -1;
	} else if (rc != 0) {
		outfile_abort(&of);
	}
	return rc;
}
