/*
 * pdf_render.c - draws a paginated document with libharu: the items of
 * every slice, the running header and footer ("page X of Y"), page numbers
 * of the table of contents, link annotations, the outline and the
 * metadata. Runs after pagination, so every anchor's page is known.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "pdf_int.h"

typedef struct rctx {
	pdf_doc *doc;
	HPDF_Page *pages;
	size_t np;
	HPDF_ExtGState watermark_gs; /* one for every page */
} rctx;

static double page_y(const pdf_doc *doc, double top_y)
{
	return doc->ph - top_y;
}

/* Where an anchor is: page (0-based) and distance from the page top;
 * -1 when unknown. */
static int anchor_pos(const pdf_doc *doc, const char *name, double *top)
{
	const pdf_anchor *a = name ? hmap_get(&doc->anchors, name) : NULL;
	if (!a)
		return -1;
	const pdf_slice *s = &doc->slices[a->slice];
	if (s->page < 0)
		return -1;
	*top = doc->st->margin_top + s->y + a->y;
	return s->page;
}

static HPDF_Destination dest_at(rctx *r, int page, double top)
{
	HPDF_Destination d = HPDF_Page_CreateDestination(r->pages[page]);
	if (d) {
		double y = page_y(r->doc, top) + 6;
		if (y > r->doc->ph)
			y = r->doc->ph;
		HPDF_Destination_SetFitH(d, (HPDF_REAL)y);
	}
	return d;
}

static void set_fill(HPDF_Page p, pdf_color c)
{
	HPDF_Page_SetRGBFill(p, c.r, c.g, c.b);
}

static void set_stroke(HPDF_Page p, pdf_color c)
{
	HPDF_Page_SetRGBStroke(p, c.r, c.g, c.b);
}

static void text_at(pdf_doc *doc, HPDF_Page p, int face, double size,
                    pdf_color c, double x, double y, const char *s)
{
	pdf_fontx *f = pdf_font(doc, face);
	if (!f->font || !*s)
		return;
	HPDF_Page_BeginText(p);
	HPDF_Page_SetFontAndSize(p, f->font, (HPDF_REAL)size);
	set_fill(p, c);
	HPDF_Page_TextOut(p, (HPDF_REAL)x, (HPDF_REAL)y, s);
	HPDF_Page_EndText(p);
}

static void draw_slice(rctx *r, HPDF_Page p, const pdf_slice *s, double top)
{
	pdf_doc *doc = r->doc;
	/* backgrounds first, then lines, then text, then link areas */
	for (size_t i = 0; i < s->nitems; i++) {
		const pdf_item *it = &s->items[i];
		if (it->kind != I_FILL)
			continue;
		set_fill(p, it->c);
		HPDF_Page_Rectangle(p, it->x,
		                    (HPDF_REAL)page_y(doc, top + it->y + it->h),
		                    it->w, it->h);
		HPDF_Page_Fill(p);
	}
	for (size_t i = 0; i < s->nitems; i++) {
		const pdf_item *it = &s->items[i];
		double y = page_y(doc, top + it->y);
		switch (it->kind) {
		case I_STROKE:
			set_stroke(p, it->c);
			HPDF_Page_SetLineWidth(p, it->lw);
			HPDF_Page_Rectangle(p, it->x, (HPDF_REAL)(y - it->h),
			                    it->w, it->h);
			HPDF_Page_Stroke(p);
			break;
		case I_CIRCLE:
			/* colours and widths are set outside a path */
			if (it->lw > 0) {
				set_stroke(p, it->c);
				HPDF_Page_SetLineWidth(p, it->lw);
			} else {
				set_fill(p, it->c);
			}
			HPDF_Page_Circle(p, it->x, (HPDF_REAL)y, it->w);
			if (it->lw > 0)
				HPDF_Page_Stroke(p);
			else
				HPDF_Page_Fill(p);
			break;
		case I_LINE:
			set_stroke(p, it->c);
			HPDF_Page_SetLineWidth(p, it->lw);
			HPDF_Page_MoveTo(p, it->x, (HPDF_REAL)y);
			HPDF_Page_LineTo(p, it->x + it->w,
			                 (HPDF_REAL)(y - it->h));
			HPDF_Page_Stroke(p);
			break;
		case I_DOTS: {
			static const HPDF_UINT16 dash[] = {1, 3};
			set_stroke(p, it->c);
			HPDF_Page_SetLineWidth(p, it->lw);
			HPDF_Page_SetLineCap(p, HPDF_ROUND_END);
			HPDF_Page_SetDash(p, dash, 2, 0);
			HPDF_Page_MoveTo(p, it->x, (HPDF_REAL)y);
			HPDF_Page_LineTo(p, it->x + it->w, (HPDF_REAL)y);
			HPDF_Page_Stroke(p);
			HPDF_Page_SetDash(p, NULL, 0, 0);
			HPDF_Page_SetLineCap(p, HPDF_BUTT_END);
			break;
		}
		default:
			break;
		}
	}
	for (size_t i = 0; i < s->nitems; i++) {
		const pdf_item *it = &s->items[i];
		double y = page_y(doc, top + it->y);
		if (it->kind == I_TEXT) {
			text_at(doc, p, it->face, it->size, it->c, it->x, y,
			        it->s);
		} else if (it->kind == I_PAGEREF) {
			double t;
			int pg = anchor_pos(doc, it->s, &t);
			char num[16];
			snprintf(num, sizeof(num), "%d", pg + 1);
			if (pg < 0)
				strcpy(num, "?");
			double w = pdf_text_width(doc, it->face, it->size, num,
			                          strlen(num));
			text_at(doc, p, it->face, it->size, it->c, it->x - w, y,
			        num);
		}
	}
	for (size_t i = 0; i < s->nitems; i++) {
		const pdf_item *it = &s->items[i];
		if (it->kind != I_LINK_URI && it->kind != I_LINK_REF)
			continue;
		double y = page_y(doc, top + it->y);
		HPDF_Rect rect = {it->x, (HPDF_REAL)(y - it->h), it->x + it->w,
		                  (HPDF_REAL)y};
		HPDF_Annotation a = NULL;
		if (it->kind == I_LINK_URI) {
			a = HPDF_Page_CreateURILinkAnnot(p, rect, it->s);
		} else {
			double t;
			int pg = anchor_pos(doc, it->s, &t);
			if (pg >= 0)
				a = HPDF_Page_CreateLinkAnnot(
				    p, rect, dest_at(r, pg, t));
		}
		if (a)
			HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
	}
}

const char *pdf_fit_text(pdf_doc *doc, int face, double size, const char *s,
                         double width)
{
	size_t n = strlen(s);
	if (pdf_text_width(doc, face, size, s, n) <= width)
		return s;
	const char *ell = "\xe2\x80\xa6";
	double ew = pdf_text_width(doc, face, size, ell, 3);
	while (n > 0) {
		n--;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		if (pdf_text_width(doc, face, size, s, n) + ew <= width)
			break;
	}
	return arena_printf(doc->a, "%.*s%s", (int)n, s, ell);
}

static char *page_label(const char *fmt, int page, int pages)
{
	buf b = {0};
	for (const char *p = fmt; *p;) {
		if (strncmp(p, "{page}", 6) == 0) {
			buf_printf(&b, "%d", page);
			p += 6;
		} else if (strncmp(p, "{pages}", 7) == 0) {
			buf_printf(&b, "%d", pages);
			p += 7;
		} else {
			buf_putc(&b, *p++);
		}
	}
	return buf_detach(&b);
}

static void furniture(rctx *r, size_t i)
{
	pdf_doc *doc = r->doc;
	const pdf_style *st = doc->st;
	HPDF_Page p = r->pages[i];
	double left = st->margin_left, right = doc->pw - st->margin_right;
	double w = right - left;
	if (!(i == 0 && doc->meta.plain_first_page)) {
		const pdf_pstyle *ps = doc->ps_header;
		int face = pdf_face_of(doc, ps->family, ps->bold, ps->italic);
		double y = doc->ph - st->header_offset;
		double rw = 0;
		if (doc->meta.header_right) {
			const char *t =
			    pdf_fit_text(doc, face, ps->size,
			                 doc->meta.header_right, w / 2 - 6);
			rw = pdf_text_width(doc, face, ps->size, t, strlen(t));
			text_at(doc, p, face, ps->size, ps->color, right - rw,
			        y, t);
		}
		if (doc->meta.header_left) {
			const char *t =
			    pdf_fit_text(doc, face, ps->size,
			                 doc->meta.header_left, w - rw - 12);
			text_at(doc, p, face, ps->size, ps->color, left, y, t);
		}
		if (doc->header_rule_w > 0) {
			pdf_fontx *f = pdf_font(doc, face);
			double ry = y + f->descent * ps->size / 1000.0 - 2;
			set_stroke(p, doc->c_header_rule);
			HPDF_Page_SetLineWidth(p,
			                       (HPDF_REAL)doc->header_rule_w);
			HPDF_Page_MoveTo(p, (HPDF_REAL)left, (HPDF_REAL)ry);
			HPDF_Page_LineTo(p, (HPDF_REAL)right, (HPDF_REAL)ry);
			HPDF_Page_Stroke(p);
		}
	}
	const pdf_pstyle *ps = doc->ps_footer;
	int face = pdf_face_of(doc, ps->family, ps->bold, ps->italic);
	double y = st->footer_offset;
	char *pl = page_label(doc->meta.page_format, (int)i + 1, (int)r->np);
	double pw = pdf_text_width(doc, face, ps->size, pl, strlen(pl));
	text_at(doc, p, face, ps->size, ps->color, right - pw, y, pl);
	free(pl);
	/* the document id on the left, the classification centred, or
	 * between the two when a long id leaves no room in the centre */
	double idw = 0;
	if (doc->meta.doc_id) {
		const char *t = pdf_fit_text(doc, face, ps->size,
		                             doc->meta.doc_id, w - pw - 24);
		idw = pdf_text_width(doc, face, ps->size, t, strlen(t));
		text_at(doc, p, face, ps->size, ps->color, left, y, t);
	}
	if (doc->meta.classification) {
		double from = left + (idw > 0 ? idw + 12 : 0);
		double to = right - pw - 12;
		const char *t = pdf_fit_text(
		    doc, face, ps->size, doc->meta.classification, to - from);
		double cw = pdf_text_width(doc, face, ps->size, t, strlen(t));
		double x = left + (w - cw) / 2;
		if (x < from || x + cw > to)
			x = from + (to - from - cw) / 2;
		text_at(doc, p, face, ps->size, ps->color, x, y, t);
	}
}

/* The watermark (a draft's "DRAFT"): large, diagonal from the lower left
 * to the upper right, centred on the page, translucent over the content.
 * Its size shrinks where the page's diagonal is too short for it, so
 * that no glyph comes near the edge. */
static void watermark(rctx *r, size_t i)
{
	pdf_doc *doc = r->doc;
	const pdf_pstyle *ps = doc->meta.watermark_style;
	const char *s = doc->meta.watermark;
	if (!s || !*s || !ps)
		return;
	HPDF_Page p = r->pages[i];
	int face = pdf_face_of(doc, ps->family, ps->bold, ps->italic);
	pdf_fontx *f = pdf_font(doc, face);
	if (!f->font)
		return;
	double size = ps->size;
	double w = pdf_text_width(doc, face, size, s, strlen(s));
	double diag = sqrt(doc->pw * doc->pw + doc->ph * doc->ph);
	if (w > diag * 0.6) {
		size *= diag * 0.6 / w;
		w = diag * 0.6;
	}
	double a = atan2(doc->ph, doc->pw);
	double c = cos(a), sn = sin(a);
	/* the text's centre: half its width along the baseline, half its
	 * cap height (about 0.7 em) above it */
	double cx = doc->pw / 2, cy = doc->ph / 2, capy = size * 0.35;
	double x = cx - c * w / 2 + sn * capy;
	double y = cy - sn * w / 2 - c * capy;
	double op = doc->meta.watermark_opacity;
	if (!r->watermark_gs && op > 0 && op < 1) {
		r->watermark_gs = HPDF_CreateExtGState(doc->h);
		if (r->watermark_gs)
			HPDF_ExtGState_SetAlphaFill(r->watermark_gs,
			                            (HPDF_REAL)op);
	}
	HPDF_Page_GSave(p);
	if (r->watermark_gs)
		HPDF_Page_SetExtGState(p, r->watermark_gs);
	HPDF_Page_BeginText(p);
	HPDF_Page_SetFontAndSize(p, f->font, (HPDF_REAL)size);
	set_fill(p, ps->color);
	HPDF_Page_SetTextMatrix(p, (HPDF_REAL)c, (HPDF_REAL)sn, (HPDF_REAL)-sn,
	                        (HPDF_REAL)c, (HPDF_REAL)x, (HPDF_REAL)y);
	HPDF_Page_ShowText(p, s);
	HPDF_Page_EndText(p);
	HPDF_Page_GRestore(p);
}

static void outline(rctx *r)
{
	pdf_doc *doc = r->doc;
	HPDF_Encoder enc = HPDF_GetEncoder(doc->h, "UTF-8");
	HPDF_Outline stack[16] = {0};
	int levels[16] = {0};
	int depth = 0;
	bool any = false;
	for (size_t i = 0; i < doc->nslices; i++) {
		const pdf_slice *s = &doc->slices[i];
		for (size_t k = 0; k < s->nmarks; k++) {
			const pdf_mark *m = &s->marks[k];
			if (m->level <= 0 || !m->title || s->page < 0)
				continue;
			while (depth > 0 && levels[depth - 1] >= m->level)
				depth--;
			HPDF_Outline parent = depth ? stack[depth - 1] : NULL;
			HPDF_Outline o =
			    HPDF_CreateOutline(doc->h, parent, m->title, enc);
			if (!o)
				return;
			double top = doc->st->margin_top + s->y + m->y;
			HPDF_Outline_SetDestination(o,
			                            dest_at(r, s->page, top));
			HPDF_Outline_SetOpened(o, m->level == 1 ? HPDF_TRUE
			                                        : HPDF_FALSE);
			if (depth < 16) {
				stack[depth] = o;
				levels[depth] = m->level;
				depth++;
			}
			any = true;
		}
	}
	if (any)
		HPDF_SetPageMode(doc->h, HPDF_PAGE_MODE_USE_OUTLINE);
}

static void metadata(pdf_doc *doc)
{
	HPDF_Doc h = doc->h;
	const pdf_meta *m = &doc->meta;
	if (m->title)
		HPDF_SetInfoAttr(h, HPDF_INFO_TITLE, m->title);
	if (m->subject)
		HPDF_SetInfoAttr(h, HPDF_INFO_SUBJECT, m->subject);
	if (m->author)
		HPDF_SetInfoAttr(h, HPDF_INFO_AUTHOR, m->author);
	if (m->keywords)
		HPDF_SetInfoAttr(h, HPDF_INFO_KEYWORDS, m->keywords);
	HPDF_SetInfoAttr(h, HPDF_INFO_CREATOR, "vcsc " VCSC_VERSION);
	HPDF_SetInfoAttr(h, HPDF_INFO_PRODUCER,
	                 "vcsc " VCSC_VERSION
	                 " with libharu " HPDF_VERSION_TEXT);
	if (doc->has_epoch) {
		time_t t = (time_t)doc->epoch;
		struct tm tm;
		gmtime_r(&t, &tm);
		HPDF_Date d = {tm.tm_year + 1900,
		               tm.tm_mon + 1,
		               tm.tm_mday,
		               tm.tm_hour,
		               tm.tm_min,
		               tm.tm_sec,
		               'Z',
		               0,
		               0};
		HPDF_SetInfoDateAttr(h, HPDF_INFO_CREATION_DATE, d);
		HPDF_SetInfoDateAttr(h, HPDF_INFO_MOD_DATE, d);
	}
	/* Entries of our own (a certificate's token), likewise. */
	for (size_t i = 0; i + 1 < m->ninfo && h->info; i += 2) {
		HPDF_String v = HPDF_String_New(h->mmgr, m->info[i + 1], NULL);
		if (v)
			HPDF_Dict_Add(h->info, m->info[i], v);
	}
	/* The document language, which libharu has no call for. */
	HPDF_String lang = HPDF_String_New(h->mmgr, m->lang, NULL);
	if (lang)
		HPDF_Dict_Add(h->catalog, "Lang", lang);
}

int pdf_render(pdf_doc *doc)
{
	rctx r = {doc, NULL, doc->npages, NULL};
	r.pages = xcalloc(r.np + 1, sizeof(HPDF_Page));
	for (size_t i = 0; i < r.np; i++) {
		r.pages[i] = HPDF_AddPage(doc->h);
		if (!r.pages[i]) {
			free(r.pages);
			return -1;
		}
		HPDF_Page_SetWidth(r.pages[i], (HPDF_REAL)doc->pw);
		HPDF_Page_SetHeight(r.pages[i], (HPDF_REAL)doc->ph);
	}
	for (size_t i = 0; i < r.np; i++) {
		const pdf_page *pg = &doc->pages[i];
		for (size_t k = 0; k < pg->n; k++) {
			const pdf_slice *s = &doc->slices[pg->places[k].slice];
			draw_slice(&r, r.pages[i], s,
			           doc->st->margin_top + pg->places[k].y);
		}
		if (!doc->meta.bare)
			furniture(&r, i);
		watermark(&r, i);
		if (doc->herr)
			break;
	}
	outline(&r);
	metadata(doc);
	free(r.pages);
	return doc->herr ? -1 : 0;
}
