/*
 * pdf_chart.c - drawings the engine composes from the flow's drawing
 * blocks (pdf_drawing): horizontal bar charts and signature blocks. Each
 * is built at the time it is added, measuring text with the document's
 * fonts, so that pagination sees plain drawings.
 */
#include <string.h>

#include "pdf_int.h"

static int face_of(pdf_doc *doc, const pdf_pstyle *ps)
{
	return pdf_face_of(doc, ps->family, ps->bold, ps->italic);
}

/* The baseline that centres a line of ps in a band of height h. */
static double centred_baseline(pdf_doc *doc, const pdf_pstyle *ps, double h)
{
	pdf_fontx *f = pdf_font(doc, face_of(doc, ps));
	double asc = f->ascent * ps->size / 1000.0;
	double desc = -f->descent * ps->size / 1000.0;
	return (h - (asc + desc)) / 2 + asc;
}

void pdf_bar_chart(pdf_doc *doc, const pdf_chart_look *look,
                   const pdf_bar *bars, size_t n,
                   const char *const *tick_labels, size_t nticks)
{
	const pdf_pstyle *ps = look->label;
	int face = face_of(doc, ps);
	double w = doc->bw;
	/* room right of the bars for the widest value text and below the
	 * last tick label's half */
	double vw = 0;
	for (size_t i = 0; i < n; i++) {
		const char *t = bars[i].value_text ? bars[i].value_text : "";
		double tw = pdf_text_width(doc, face, ps->size, t, strlen(t));
		if (tw > vw)
			vw = tw;
	}
	double last_tick = 0;
	if (nticks > 0 && tick_labels[nticks - 1]) {
		const char *t = tick_labels[nticks - 1];
		last_tick =
		    pdf_text_width(doc, face, ps->size, t, strlen(t)) / 2;
	}
	double gap = ps->size * 0.6;
	double x0 = look->label_width;
	double right = vw + gap > last_tick ? vw + gap : last_tick;
	double bw = w - x0 - right;
	if (bw < w / 4) {
		x0 = w * 0.4;
		bw = w - x0 - right;
	}
	double rowh = look->bar_height + look->row_gap;
	pdf_space(doc, ps->space_before);
	pdf_keep_begin(doc);
	if (nticks > 1) {
		pdf_block *t = pdf_drawing(doc, w, ps->leading, PDF_LEFT);
		double base = centred_baseline(doc, ps, ps->leading);
		for (size_t k = 0; k < nticks; k++) {
			const char *s = tick_labels[k] ? tick_labels[k] : "";
			double tw =
			    pdf_text_width(doc, face, ps->size, s, strlen(s));
			double x = x0 + bw * (double)k / (double)(nticks - 1);
			pdf_draw_text(t, x - tw / 2, base, ps, 0, s);
		}
		pdf_block_keep_next(t);
	}
	for (size_t i = 0; i < n; i++) {
		pdf_block *b = pdf_drawing(doc, w, rowh, PDF_LEFT);
		double top = look->row_gap / 2;
		double v = bars[i].value < 0   ? 0
		           : bars[i].value > 1 ? 1
		                               : bars[i].value;
		/* fills are drawn in order: the track, the grid over it
		 * (thin fills), the bar over both */
		pdf_draw_rect(b, x0, top, bw, look->bar_height, look->track, 0);
		for (size_t k = 0; k < nticks && nticks > 1; k++) {
			double x = x0 + bw * (double)k / (double)(nticks - 1);
			pdf_draw_rect(b, x - 0.2, 0, 0.4, rowh, look->grid, 0);
		}
		if (v > 0)
			pdf_draw_rect(b, x0, top, bw * v, look->bar_height,
			              look->bar, 0);
		double base = centred_baseline(doc, ps, rowh);
		const char *label =
		    pdf_fit_text(doc, face, ps->size,
		                 bars[i].label ? bars[i].label : "", x0 - gap);
		pdf_draw_text(b, 0, base, ps, 0, label);
		if (bars[i].value_text)
			pdf_draw_text(b, x0 + bw * v + gap / 2, base, ps,
			              PDF_BOLD, bars[i].value_text);
		if (i + 1 < n)
			pdf_block_keep_next(b);
	}
	pdf_keep_end(doc);
	pdf_space(doc, ps->space_after);
}

void pdf_signature(pdf_doc *doc, const pdf_pstyle *ps, size_t n,
                   const char *const *captions, const double *widths,
                   double height)
{
	if (n == 0)
		return;
	int face = face_of(doc, ps);
	double gap = doc->field_gap * 3, sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += widths ? widths[i] : 1;
	double avail = doc->bw - gap * (double)(n - 1);
	/* as many caption lines as the longest caption has */
	size_t lines = 1;
	for (size_t i = 0; i < n; i++) {
		size_t k = 1;
		for (const char *p = captions[i]; p && *p; p++)
			k += *p == '\n';
		if (k > lines)
			lines = k;
	}
	pdf_fontx *f = pdf_font(doc, face);
	double asc = f->ascent * ps->size / 1000.0;
	double h = height + 3 + (double)lines * ps->leading;
	pdf_block *b = pdf_drawing(doc, doc->bw, h, PDF_LEFT);
	double x = 0;
	for (size_t i = 0; i < n; i++) {
		double cw = avail * (widths ? widths[i] : 1) / sum;
		pdf_draw_line(b, x, height, x + cw, height, doc->c_field,
		              doc->field_rule_w);
		const char *c = captions[i] ? captions[i] : "";
		double y = height + 3 + asc;
		for (size_t k = 0; k < lines && *c; k++) {
			const char *e = strchr(c, '\n');
			size_t len = e ? (size_t)(e - c) : strlen(c);
			char *line = arena_strndup(doc->a, c, len);
			int lf = k == 0 ? pdf_face_of(doc, ps->family, true,
			                              ps->italic)
			                : face;
			pdf_draw_text(
			    b, x, y, ps, k == 0 ? PDF_BOLD : 0,
			    pdf_fit_text(doc, lf, ps->size, line, cw));
			y += ps->leading;
			c = e ? e + 1 : c + len;
		}
		x += cw + gap;
	}
}
