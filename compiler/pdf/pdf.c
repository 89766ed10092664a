/*
 * pdf.c - the PDF layout engine: documents, the flow of blocks, fonts and
 * measuring, flattening blocks into slices, and pagination. Drawing with
 * libharu is in pdf_render.c, the line breaker in pdf_text.c, Markdown in
 * pdf_md.c, the style file in pdf_style.c.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <hpdf_font.h>

#include "base/md.h"
#include "pdf_int.h"

/* ---- libharu errors: recorded, never longjmp'd ---- */

/* libharu calls this and then returns an error status from the function
 * that failed; we keep the first error and check after each step. */
static void on_hpdf_error(HPDF_STATUS err, HPDF_STATUS detail, void *ud)
{
	pdf_doc *doc = ud;
	if (!doc->herr) {
		doc->herr = err;
		doc->hdetail = detail;
	}
}

static const char *hpdf_errstr(HPDF_STATUS e)
{
	switch (e) {
	case HPDF_FAILD_TO_ALLOC_MEM:
		return "out of memory";
	case HPDF_FILE_IO_ERROR:
		return "file I/O error";
	case HPDF_FILE_OPEN_ERROR:
		return "cannot open the file";
	case HPDF_TTF_INVALID_CMAP:
		return "the font has no usable Unicode cmap";
	case HPDF_TTF_INVALID_FOMAT:
		return "not a TrueType font";
	case HPDF_TTF_MISSING_TABLE:
		return "the font lacks a required table";
	case HPDF_TTF_CANNOT_EMBEDDING_FONT:
		return "the font does not allow embedding";
	case HPDF_UNSUPPORTED_FONT_TYPE:
		return "unsupported font type";
	case HPDF_INVALID_FONTDEF_DATA:
		return "invalid font data";
	case HPDF_STRING_OUT_OF_RANGE:
		return "a string is too long";
	default:
		return "libharu error";
	}
}

/* ---- small helpers ---- */

static void put_utf8(buf *b, uint32_t cp)
{
	char s[4];
	if (cp < 0x80) {
		buf_putc(b, (char)cp);
	} else if (cp < 0x800) {
		s[0] = (char)(0xc0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3f));
		buf_put(b, s, 2);
	} else {
		s[0] = (char)(0xe0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[2] = (char)(0x80 | (cp & 0x3f));
		buf_put(b, s, 3);
	}
}

#define MISSING_GLYPH                                                          \
	"has no glyph in the fonts of the PDF style; it prints as an "         \
	"empty box"

/* A character no font can print, reported once per document: cp, the
 * text it appears in (a window of text[0, len) around byte at) and why. */
static void warn_glyph(pdf_doc *doc, uint32_t cp, const char *text, size_t len,
                       size_t at, const char *why)
{
	if (cp > 0x10ffff)
		return;
	if (!doc->warned)
		doc->warned = xcalloc(0x110000 / 8, 1);
	if (doc->warned[cp >> 3] & (1u << (cp & 7)))
		return;
	doc->warned[cp >> 3] |= (unsigned char)(1u << (cp & 7));
	/* about 30 characters either side, cut at character boundaries */
	size_t from = at, to = at;
	for (int k = 0; k < 30 && from > 0; k++) {
		from--;
		while (from > 0 && ((unsigned char)text[from] & 0xc0) == 0x80)
			from--;
	}
	for (int k = 0; k < 31 && to < len; k++) {
		to++;
		while (to < len && ((unsigned char)text[to] & 0xc0) == 0x80)
			to++;
	}
	buf ctx = {0};
	if (from > 0)
		buf_puts(&ctx, "\xe2\x80\xa6");
	for (size_t i = from; i < to; i++)
		buf_putc(&ctx,
		         text[i] == '\n' || text[i] == '\t' ? ' ' : text[i]);
	if (to < len)
		buf_puts(&ctx, "\xe2\x80\xa6");
	char ch[8] = "";
	size_t cl =
	    (size_t)utf8_seqlen((const unsigned char *)text + at, len - at);
	if (cl > 0 && cl < sizeof(ch))
		memcpy(ch, text + at, cl);
	diag_warning(doc->d, NO_POS, "U+%04X '%s' %s (in \"%s\")", (unsigned)cp,
	             ch, why, ctx.data ? ctx.data : "");
	buf_free(&ctx);
}

/* Appends text as the engine can set it: tabs become spaces, control
 * characters other than newline go, characters outside the Basic
 * Multilingual Plane (which libharu's UTF-8 support cannot encode) become
 * U+FFFD, with a warning. */
static void put_clean(pdf_doc *doc, buf *b, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = strlen(s), i = 0;
	while (i < len) {
		uint32_t cp;
		size_t at = i;
		int n = utf8_decode(u + i, len - i, &cp);
		if (n <= 0) {
			put_utf8(b, 0xfffd);
			i++;
			continue;
		}
		i += (size_t)n;
		if (cp == '\t')
			cp = ' ';
		if ((cp < 0x20 && cp != '\n') || cp == 0x7f ||
		    (cp >= 0x80 && cp < 0xa0))
			continue;
		if (cp > 0xffff)
			warn_glyph(doc, cp, s, len, at,
			           "lies outside the Basic Multilingual Plane, "
			           "which PDF text cannot hold here; it prints "
			           "as U+FFFD");
		if (cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff))
			cp = 0xfffd;
		put_utf8(b, cp);
	}
}

/* Warns about the characters of text that face has no glyph for (text
 * set in one font, without fallbacks: markers, labels, the running header
 * and footer, drawings). */
static void check_face(pdf_doc *doc, int face, const char *text)
{
	if (!text)
		return;
	const unsigned char *u = (const unsigned char *)text;
	size_t len = strlen(text), i = 0;
	while (i < len) {
		uint32_t cp;
		int n = utf8_decode(u + i, len - i, &cp);
		if (n <= 0)
			n = 1;
		else if (cp > ' ' && !pdf_face_has(doc, face, cp))
			warn_glyph(doc, cp, text, len, i, MISSING_GLYPH);
		i += (size_t)n;
	}
}

static void item_push(pdf_item **items, size_t *n, size_t *cap, pdf_item it)
{
	VEC_PUSH(*items, *n, *cap, it);
}

/* A rectangle or line of the given kind (I_FILL, I_STROKE, I_LINE) at
 * (x, y), w by h (for a line: to x + w, y + h), lw wide, in colour c. */
static pdf_item shape_item(pdf_ikind kind, double x, double y, double w,
                           double h, double lw, pdf_color c)
{
	pdf_item it = {0};
	it.kind = kind;
	it.x = (float)x;
	it.y = (float)y;
	it.w = (float)w;
	it.h = (float)h;
	it.lw = (float)lw;
	it.c = c;
	return it;
}

/* Text s in face at size, its baseline at (x, y). */
static pdf_item text_item(int face, double size, double x, double y,
                          pdf_color c, const char *s)
{
	pdf_item it = {0};
	it.kind = I_TEXT;
	it.face = face;
	it.size = (float)size;
	it.x = (float)x;
	it.y = (float)y;
	it.c = c;
	it.s = s;
	return it;
}

/* ---- documents ---- */

int pdf_paper_parse(const char *s, pdf_paper *out)
{
	if (strcasecmp(s, "a4") == 0)
		*out = PDF_A4;
	else if (strcasecmp(s, "letter") == 0)
		*out = PDF_LETTER;
	else
		return -1;
	return 0;
}

static const char *dup0(arena *a, const char *s)
{
	return s ? arena_strdup(a, s) : NULL;
}

static int resolve_engine_style(pdf_doc *doc, diags *d)
{
	const pdf_style_want wants[] = {
	    {"body", .para = &doc->ps_body},
	    {"header", .para = &doc->ps_header},
	    {"footer", .para = &doc->ps_footer},
	    {"toc-title", .para = &doc->ps_toc_title},
	    {"toc-1", .para = &doc->ps_toc1},
	    {"toc-2", .para = &doc->ps_toc2},
	    {"table-cell", .para = &doc->ps_cell},
	    {"table-header", .para = &doc->ps_head},
	    {"field-label", .para = &doc->ps_field},
	    {"checkbox", .para = &doc->ps_check},
	    {"link", .color = &doc->c_link},
	    {"rule", .color = &doc->c_rule},
	    {"header-rule", .color = &doc->c_header_rule},
	    {"table-rule", .color = &doc->c_table_rule},
	    {"table-header-fill", .color = &doc->c_table_fill},
	    {"code-background", .color = &doc->c_code_bg},
	    {"field", .color = &doc->c_field},
	    {"checkbox", .color = &doc->c_check},
	    {"ruled-line", .color = &doc->c_ruled},
	    {"list-indent", .size = &doc->list_indent},
	    {"table-padding", .size = &doc->table_pad},
	    {"table-rule-width", .size = &doc->table_rule_w},
	    {"checkbox-size", .size = &doc->check_size},
	    {"checkbox-gap", .size = &doc->check_gap},
	    {"field-rule-width", .size = &doc->field_rule_w},
	    {"ruled-line-width", .size = &doc->ruled_w},
	    {"rule-width", .size = &doc->rule_w},
	    {"header-rule-width", .size = &doc->header_rule_w},
	    {"toc-indent", .size = &doc->toc_indent},
	    {"tag-padding", .size = &doc->tag_pad},
	    {"bar-gap", .size = &doc->bar_gap},
	    {"field-gap", .size = &doc->field_gap},
	    {"mark-padding", .size = &doc->mark_pad},
	    {"min-text-width", .size = &doc->min_text_w},
	    {"table-min-column-width", .size = &doc->table_min_col},
	    {"table-min-font-size", .size = &doc->table_min_font}};
	if (pdf_style_resolve(doc->st, NULL, wants, COUNT_OF(wants),
	                      "the PDF engine", d) < 0)
		return -1;
	/* the wide-table layout divides by these */
	if (doc->table_min_font <= 0 ||
	    doc->table_min_col <= 2 * doc->table_pad) {
		diag_error(
		    d, pos_at(diags_source(d, doc->st->path, NULL, 0), 0, 0),
		    "table-min-font-size must be above 0 and "
		    "table-min-column-width wider than twice "
		    "table-padding (a table's narrowest column holds "
		    "some text)");
		return -1;
	}
	return 0;
}

/* SOURCE_DATE_EPOCH, as reproducible builds define it: a decimal number
 * of seconds since 1970 (UTC). */
static int read_epoch(pdf_doc *doc, diags *d)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	if (!s || !*s)
		return 0;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || s[0] == '-' || v > 253402300799LL) {
		diag_error(d, NO_POS,
		           "SOURCE_DATE_EPOCH must be a number of "
		           "seconds since 1970, not '%s'",
		           s);
		d->io_failed = true;
		return -1;
	}
	doc->epoch = v;
	doc->has_epoch = true;
	return 0;
}

pdf_doc *pdf_new(const pdf_style *st, const pdf_meta *m, diags *d)
{
	pdf_doc *doc = xcalloc(1, sizeof(*doc));
	doc->a = arena_new();
	doc->st = st;
	doc->d = d;
	doc->meta = *m;
	arena *a = doc->a;
	doc->meta.lang = dup0(a, m->lang ? m->lang : "en");
	doc->meta.title = dup0(a, m->title);
	doc->meta.subject = dup0(a, m->subject);
	doc->meta.author = dup0(a, m->author);
	doc->meta.keywords = dup0(a, m->keywords);
	doc->meta.doc_id = dup0(a, m->doc_id);
	doc->meta.classification = dup0(a, m->classification);
	doc->meta.header_left = dup0(a, m->header_left);
	doc->meta.header_right = dup0(a, m->header_right);
	doc->meta.watermark = dup0(a, m->watermark);
	doc->meta.page_format =
	    dup0(a, m->page_format ? m->page_format : "{page} / {pages}");
	if (m->ninfo) {
		const char **info = arena_alloc(a, m->ninfo * sizeof(char *));
		for (size_t i = 0; i < m->ninfo; i++)
			info[i] = dup0(a, m->info[i]);
		doc->meta.info = info;
	}
	hmap_init(&doc->anchors);
	if (m->paper == PDF_LETTER) {
		doc->pw = 612;
		doc->ph = 792;
	} else {
		doc->pw = 595.276;
		doc->ph = 841.89;
	}
	if (m->landscape) {
		double t = doc->pw;
		doc->pw = doc->ph;
		doc->ph = t;
	}
	doc->bw = doc->pw - st->margin_left - st->margin_right;
	doc->bh = doc->ph - st->margin_top - st->margin_bottom;
	int before = d->errors;
	if (doc->bw < 72 || doc->bh < 72) {
		diag_error(d, pos_at(diags_source(d, st->path, NULL, 0), 0, 0),
		           "the page margins leave less than an inch for the "
		           "text");
	}
	resolve_engine_style(doc, d);
	read_epoch(doc, d);
	if (d->errors > before)
		goto fail;

	doc->h = HPDF_New(on_hpdf_error, doc);
	if (!doc->h) {
		diag_error(d, NO_POS, "cannot start a PDF document (libharu)");
		goto fail;
	}
	HPDF_SetCompressionMode(doc->h, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(doc->h);
	HPDF_SetCurrentEncoder(doc->h, "UTF-8");
	doc->fonts = xcalloc(st->nfaces + 1, sizeof(*doc->fonts));
	for (size_t i = 0; i < st->nfaces; i++) {
		const char *name = HPDF_LoadTTFontFromFile(
		    doc->h, st->faces[i].path, HPDF_TRUE);
		if (!name) {
			diag_error(d, st->faces[i].pos,
			           "cannot use font file '%s': %s (libharu "
			           "error 0x%04X); the engine needs TrueType "
			           "fonts with glyf outlines",
			           st->faces[i].path, hpdf_errstr(doc->herr),
			           (unsigned)doc->herr);
			doc->herr = 0;
			HPDF_ResetError(doc->h);
			continue;
		}
		doc->fonts[i].name = arena_strdup(a, name);
	}
	if (d->errors > before || doc->herr) {
		if (doc->herr)
			diag_error(d, NO_POS, "libharu: %s (0x%04X)",
			           hpdf_errstr(doc->herr), (unsigned)doc->herr);
		goto fail;
	}
	/* the running header and footer are set in their own font */
	const pdf_pstyle *hs = doc->ps_header, *fs = doc->ps_footer;
	int hf = pdf_face_of(doc, hs->family, hs->bold, hs->italic);
	int ff = pdf_face_of(doc, fs->family, fs->bold, fs->italic);
	check_face(doc, hf, doc->meta.header_left);
	check_face(doc, hf, doc->meta.header_right);
	check_face(doc, ff, doc->meta.doc_id);
	check_face(doc, ff, doc->meta.classification);
	check_face(doc, ff, doc->meta.page_format);
	if (doc->meta.watermark && m->watermark_style) {
		const pdf_pstyle *ws = m->watermark_style;
		check_face(doc,
		           pdf_face_of(doc, ws->family, ws->bold, ws->italic),
		           doc->meta.watermark);
	}
	return doc;
fail:
	pdf_free(doc);
	return NULL;
}

void pdf_free(pdf_doc *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->nall; i++) {
		pdf_block *b = doc->all[i];
		buf_free(&b->text);
		free(b->runs);
		free(b->items);
		if (b->table) {
			for (size_t r = 0; r < b->table->nrows; r++)
				free(b->table->rows[r].cells);
			free(b->table->rows);
		}
	}
	free(doc->all);
	free(doc->flow);
	for (size_t i = 0; i < doc->nslices; i++) {
		free(doc->slices[i].items);
		free(doc->slices[i].marks);
	}
	free(doc->slices);
	for (size_t i = 0; i < doc->npages; i++)
		free(doc->pages[i].places);
	free(doc->pages);
	if (doc->fonts)
		for (size_t i = 0; i < doc->st->nfaces; i++) {
			free(doc->fonts[i].widths);
			free(doc->fonts[i].glyphs);
		}
	free(doc->fonts);
	free(doc->warned);
	hmap_free(&doc->anchors);
	if (doc->h)
		HPDF_Free(doc->h);
	arena_free(doc->a);
	free(doc);
}

double pdf_body_width(const pdf_doc *doc)
{
	return doc->bw;
}

double pdf_body_height(const pdf_doc *doc)
{
	return doc->bh;
}

/* ---- fonts and measuring ---- */

/* libharu 2.3.0 writes a ToUnicode CMap for UTF-8 fonts that holds a
 * cidrange (valid in an encoding CMap, not in ToUnicode), so viewers
 * cannot map glyphs back to text reliably. The codes it writes are the
 * Unicode code points of the Basic Multilingual Plane, so the right CMap
 * is the identity: we replace the stream's contents with that. */
static void fix_tounicode(pdf_doc *doc, HPDF_Font font)
{
	HPDF_Dict fd = (HPDF_Dict)font;
	HPDF_Dict tu = HPDF_Dict_GetItem(fd, "ToUnicode", HPDF_OCLASS_DICT);
	if (!tu || !tu->stream)
		return;
	HPDF_Stream s = HPDF_MemStream_New(doc->h->mmgr, 4096);
	if (!s)
		return;
	HPDF_Stream_WriteStr(
	    s, "/CIDInit /ProcSet findresource begin\n"
	       "12 dict begin\nbegincmap\n"
	       "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	       "/Supplement 0 >> def\n"
	       "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	       "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	/* 248 ranges of 256 codes, surrogates left out; at most 100 per
	 * block. */
	int hi[256], n = 0;
	for (int h = 0; h < 256; h++)
		if (h < 0xd8 || h > 0xdf)
			hi[n++] = h;
	for (int i = 0; i < n; i += 100) {
		int m = n - i < 100 ? n - i : 100;
		char line[64];
		snprintf(line, sizeof(line), "%d beginbfrange\n", m);
		HPDF_Stream_WriteStr(s, line);
		for (int j = i; j < i + m; j++) {
			snprintf(line, sizeof(line),
			         "<%02X00> <%02XFF> <%02X00>\n", hi[j], hi[j],
			         hi[j]);
			HPDF_Stream_WriteStr(s, line);
		}
		HPDF_Stream_WriteStr(s, "endbfrange\n");
	}
	HPDF_Stream_WriteStr(s, "endcmap\nCMapName currentdict /CMap "
	                        "defineresource pop\nend\nend\n");
	HPDF_Stream_Free(tu->stream);
	tu->stream = s;
}

pdf_fontx *pdf_font(pdf_doc *doc, int face)
{
	pdf_fontx *f = &doc->fonts[face];
	if (!f->font) {
		f->font = HPDF_GetFont(doc->h, f->name, "UTF-8");
		if (!f->font) /* recorded in doc->herr; measures as empty */
			return f;
		fix_tounicode(doc, f->font);
		f->widths = xmalloc(0x10000 * sizeof(short));
		for (size_t i = 0; i < 0x10000; i++)
			f->widths[i] = -1;
		f->ascent = (float)HPDF_Font_GetAscent(f->font);
		f->descent = (float)HPDF_Font_GetDescent(f->font);
		if (f->ascent <= 0)
			f->ascent = 800;
		if (f->descent >= 0)
			f->descent = -200;
	}
	return f;
}

/* Asks the font definition, not the font: a face only checked for a
 * glyph (a fallback that turns out to lack it too) is never embedded. */
bool pdf_face_has(pdf_doc *doc, int face, uint32_t cp)
{
	pdf_fontx *f = &doc->fonts[face];
	if (!f->name || cp > 0xffff)
		return true; /* cannot tell: keep the face */
	if (!f->glyphs)
		f->glyphs = xcalloc(0x10000, 1);
	if (!f->glyphs[cp]) {
		HPDF_FontDef def = HPDF_GetFontDef(doc->h, f->name);
		bool has = true;
		if (def && def->type == HPDF_FONTDEF_TYPE_TRUETYPE)
			has = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp) !=
			      0;
		f->glyphs[cp] = has ? 1 : 2;
	}
	return f->glyphs[cp] == 1;
}

int pdf_face_of(const pdf_doc *doc, int family, bool bold, bool italic)
{
	const pdf_family *f = &doc->st->families[family];
	return f->face[(bold ? 1 : 0) + (italic ? 2 : 0)];
}

double pdf_text_width(pdf_doc *doc, int face, double size, const char *s,
                      size_t n)
{
	pdf_fontx *f = pdf_font(doc, face);
	if (!f->font)
		return 0;
	const unsigned char *u = (const unsigned char *)s;
	long w = 0;
	size_t i = 0;
	doc->work += n;
	while (i < n) {
		uint32_t cp;
		int l = utf8_decode(u + i, n - i, &cp);
		if (l <= 0) {
			l = 1;
			cp = 0xfffd;
		}
		i += (size_t)l;
		if (cp > 0xffff)
			cp = 0xfffd;
		if (f->widths[cp] < 0) {
			HPDF_INT gw = HPDF_Font_GetUnicodeWidth(
			    f->font, (HPDF_UNICODE)cp);
			f->widths[cp] = (short)(gw < 0       ? 0
			                        : gw > 30000 ? 30000
			                                     : gw);
		}
		w += f->widths[cp];
	}
	return (double)w * size / 1000.0;
}

/* ---- building the flow ---- */

pdf_block *pdf_block_new(pdf_doc *doc, pdf_bkind kind, bool in_flow)
{
	pdf_block *b = arena_alloc(doc->a, sizeof(*b));
	b->kind = kind;
	b->doc = doc;
	b->ps = doc->ps_body;
	VEC_PUSH(doc->all, doc->nall, doc->allcap, b);
	if (in_flow)
		VEC_PUSH(doc->flow, doc->nflow, doc->flowcap, b);
	return b;
}

pdf_block *pdf_para(pdf_doc *doc, const pdf_pstyle *ps)
{
	pdf_block *b = pdf_block_new(doc, B_PARA, true);
	b->ps = ps;
	return b;
}

pdf_block *pdf_para_text(pdf_doc *doc, const pdf_pstyle *ps, const char *text)
{
	pdf_block *b = pdf_para(doc, ps);
	if (text)
		pdf_run(b, text, 0);
	return b;
}

/* The face that sets cp in a run of face (family fam, variant bold and
 * italic): its own when it has the glyph, else that of the first
 * fallback family that has it; -1 when none has. */
static int face_for(pdf_doc *doc, int face, int fam, bool bold, bool italic,
                    uint32_t cp)
{
	if (pdf_face_has(doc, face, cp))
		return face;
	const pdf_family *f = &doc->st->families[fam];
	for (size_t k = 0; k < f->nfallbacks; k++) {
		int fb = pdf_face_of(doc, f->fallbacks[k], bold, italic);
		if (pdf_face_has(doc, fb, cp))
			return fb;
	}
	return -1;
}

/* Pushes run r, split where its face lacks a glyph that the face of one
 * of the family's fallbacks has (set in that face, same variant; the
 * fallbacks are tried in order). Spaces stay with what precedes them. A
 * character that no face has stays in the run's face, with a warning. */
static void push_pieces(pdf_block *b, pdf_runx r, int fam, bool bold,
                        bool italic)
{
	pdf_doc *doc = b->doc;
	const unsigned char *u = (const unsigned char *)b->text.data;
	size_t i = r.start, from = r.start;
	int cur = -1; /* face of the piece being collected */
	while (i < r.end) {
		uint32_t cp;
		int n = utf8_decode(u + i, r.end - i, &cp);
		if (n <= 0) {
			n = 1;
			cp = 0xfffd;
		}
		int face = r.face;
		if (cp == ' ' || cp == '\n') {
			face = cur >= 0 ? cur : r.face;
		} else {
			face = face_for(doc, r.face, fam, bold, italic, cp);
			if (face < 0) {
				/* the paragraph so far as context */
				warn_glyph(doc, cp, b->text.data, r.end, i,
				           MISSING_GLYPH);
				face = r.face;
			}
		}
		if (cur >= 0 && face != cur) {
			pdf_runx p = r;
			p.start = from;
			p.end = i;
			p.face = cur;
			p.glued_prev = from > r.start;
			p.glued_next = true;
			VEC_PUSH(b->runs, b->nruns, b->runcap, p);
			from = i;
		}
		cur = face;
		i += (size_t)n;
	}
	pdf_runx p = r;
	p.start = from;
	p.face = cur >= 0 ? cur : r.face;
	p.glued_prev = from > r.start;
	VEC_PUSH(b->runs, b->nruns, b->runcap, p);
}

/* Appends a run; returns the index of its first piece (a run may be
 * split for the fallback font, see push_pieces). */
static size_t add_run_in(pdf_block *b, const char *text, unsigned flags,
                         int family)
{
	pdf_doc *doc = b->doc;
	const pdf_pstyle *ps = b->ps;
	size_t first = b->nruns;
	pdf_runx r = {0};
	r.start = b->text.len;
	put_clean(doc, &b->text, text ? text : "");
	r.end = b->text.len;
	r.flags = flags;
	r.size = (float)ps->size;
	r.fg = ps->color;
	bool bold = ps->bold || (flags & PDF_BOLD);
	bool italic = ps->italic || (flags & PDF_ITALIC);
	int fam = family >= 0 && (size_t)family < doc->st->nfamilies
	              ? family
	              : ps->family;
	if (flags & PDF_CODE) {
		for (size_t i = 0; i < doc->st->nfamilies; i++)
			if (strcmp(doc->st->families[i].name, "mono") == 0)
				fam = (int)i;
		r.size = (float)(ps->size * 0.9);
		r.has_bg = true;
		r.bg = doc->c_code_bg;
		r.pad = 1;
	}
	r.face = pdf_face_of(doc, fam, bold, italic);
	push_pieces(b, r, fam, bold, italic);
	return first;
}

static size_t add_run(pdf_block *b, const char *text, unsigned flags)
{
	return add_run_in(b, text, flags, -1);
}

void pdf_run(pdf_block *b, const char *text, unsigned flags)
{
	add_run(b, text, flags);
}

void pdf_run_family(pdf_block *b, const char *text, unsigned flags, int family)
{
	add_run_in(b, text, flags, family);
}

void pdf_run_uri(pdf_block *b, const char *text, unsigned flags,
                 const char *uri)
{
	size_t i = add_run(b, text, flags);
	if (uri && md_url_safe(uri)) {
		const char *u = arena_strdup(b->doc->a, uri);
		for (; i < b->nruns; i++) {
			b->runs[i].uri = u;
			b->runs[i].fg = b->doc->c_link;
		}
	}
}

void pdf_run_ref(pdf_block *b, const char *text, unsigned flags,
                 const char *anchor)
{
	size_t i = add_run(b, text, flags);
	if (anchor) {
		const char *a = arena_strdup(b->doc->a, anchor);
		for (; i < b->nruns; i++) {
			b->runs[i].anchor = a;
			b->runs[i].fg = b->doc->c_link;
		}
	}
}

void pdf_run_tag(pdf_block *b, const char *text, unsigned flags, pdf_color fg,
                 pdf_color bg)
{
	for (size_t i = add_run(b, text, flags); i < b->nruns; i++) {
		pdf_runx *r = &b->runs[i];
		r->fg = fg;
		r->bg = bg;
		r->has_bg = true;
		r->pad = (float)b->doc->tag_pad;
	}
}

void pdf_run_color(pdf_block *b, const char *text, unsigned flags, pdf_color fg,
                   const pdf_color *bg)
{
	for (size_t i = add_run(b, text, flags); i < b->nruns; i++) {
		pdf_runx *r = &b->runs[i];
		r->fg = fg;
		if (bg) {
			r->bg = *bg;
			r->has_bg = true;
			r->pad = (float)b->doc->mark_pad;
		}
	}
}

void pdf_block_anchor(pdf_block *b, const char *anchor)
{
	b->anchor = anchor ? arena_strdup(b->doc->a, anchor) : NULL;
}

void pdf_block_outline(pdf_block *b, int level, const char *title)
{
	b->outline_level = level;
	b->outline_title = arena_strdup(b->doc->a, title);
}

void pdf_block_toc(pdf_block *b, int level, const char *title)
{
	b->toc_level = level;
	b->toc_title = arena_strdup(b->doc->a, title);
	if (!b->anchor)
		b->anchor = arena_printf(b->doc->a, "toc.%zu", b->doc->nall);
}

void pdf_block_keep_next(pdf_block *b)
{
	b->keep_next = true;
}

void pdf_block_break_before(pdf_block *b)
{
	b->break_before = true;
}

void pdf_block_indent(pdf_block *b, double left)
{
	b->indent = left;
}

void pdf_block_marker(pdf_block *b, const char *marker, double hang,
                      unsigned flags)
{
	b->marker_flags = flags;
	b->marker = arena_strdup(b->doc->a, marker);
	b->hang = hang;
	const pdf_pstyle *ps = b->ps;
	check_face(b->doc,
	           pdf_face_of(b->doc, ps->family,
	                       ps->bold || (flags & PDF_BOLD),
	                       ps->italic || (flags & PDF_ITALIC)),
	           b->marker);
}

pdf_block *pdf_heading(pdf_doc *doc, const pdf_pstyle *ps, int level,
                       const char *text, const char *anchor, bool toc)
{
	pdf_block *b = pdf_para_text(doc, ps, text);
	b->keep_next = true;
	if (anchor)
		pdf_block_anchor(b, anchor);
	if (level > 0)
		pdf_block_outline(b, level, text);
	if (toc)
		pdf_block_toc(b, level, text);
	return b;
}

pdf_table *pdf_table_new(pdf_doc *doc, size_t ncols, const pdf_pstyle *cell,
                         const pdf_pstyle *head)
{
	pdf_block *b = pdf_block_new(doc, B_TABLE, true);
	pdf_table *t = arena_alloc(doc->a, sizeof(*t));
	t->doc = doc;
	t->ncols = ncols ? ncols : 1;
	t->cell = cell ? cell : doc->ps_cell;
	t->head = head ? head : doc->ps_head;
	t->align = arena_alloc(doc->a, t->ncols * sizeof(int));
	t->block = b;
	b->table = t;
	b->ps = t->cell;
	return t;
}

void pdf_table_widths(pdf_table *t, const double *fractions)
{
	t->fracs =
	    arena_memdup(t->doc->a, fractions, t->ncols * sizeof(double));
}

void pdf_table_align(pdf_table *t, size_t col, int align)
{
	if (col < t->ncols)
		t->align[col] = align;
}

void pdf_table_min_height(pdf_table *t, double h)
{
	t->min_h = h;
}

void pdf_table_indent(pdf_table *t, double left)
{
	t->indent = left;
}

void pdf_table_row(pdf_table *t, bool header)
{
	pdf_trow r = {header, NULL, 0, 0};
	VEC_PUSH(t->rows, t->nrows, t->cap, r);
}

pdf_block *pdf_table_cell(pdf_table *t)
{
	if (!t->nrows)
		pdf_table_row(t, false);
	pdf_trow *r = &t->rows[t->nrows - 1];
	pdf_block *b = pdf_block_new(t->doc, B_PARA, false);
	b->ps = r->header ? t->head : t->cell;
	VEC_PUSH(r->cells, r->n, r->cap, b);
	return b;
}

void pdf_fields(pdf_doc *doc, size_t n, const char *const *labels,
                const double *widths, double height)
{
	pdf_block *b = pdf_block_new(doc, B_FIELDS, true);
	b->n = n;
	b->labels = arena_alloc(doc->a, (n + 1) * sizeof(char *));
	b->widths = arena_alloc(doc->a, (n + 1) * sizeof(double));
	for (size_t i = 0; i < n; i++) {
		b->labels[i] = arena_strdup(doc->a, labels[i] ? labels[i] : "");
		b->widths[i] = widths ? widths[i] : 1.0 / (double)n;
	}
	b->height = height;
	b->ps = doc->ps_field;
}

void pdf_checkboxes(pdf_doc *doc, const pdf_pstyle *ps, size_t n,
                    const char *const *labels, double indent)
{
	pdf_block *b = pdf_block_new(doc, B_CHECKS, true);
	b->ps = ps ? ps : doc->ps_check;
	b->n = n;
	b->indent = indent;
	b->labels = arena_alloc(doc->a, (n + 1) * sizeof(char *));
	for (size_t i = 0; i < n; i++) {
		buf t = {0};
		put_clean(doc, &t, labels[i] ? labels[i] : "");
		b->labels[i] = arena_strdup(doc->a, t.data ? t.data : "");
		check_face(
		    doc,
		    pdf_face_of(doc, b->ps->family, b->ps->bold, b->ps->italic),
		    b->labels[i]);
		buf_free(&t);
	}
}

void pdf_ruled_lines(pdf_doc *doc, const pdf_pstyle *ps, const char *label,
                     int n, double spacing, double indent)
{
	if (label) {
		pdf_block *l =
		    pdf_para_text(doc, ps ? ps : doc->ps_field, label);
		l->indent = indent;
		l->keep_next = true;
	}
	pdf_block *b = pdf_block_new(doc, B_RULED, true);
	b->n = n > 0 ? (size_t)n : 1;
	b->height = spacing;
	b->indent = indent;
}

pdf_block *pdf_drawing(pdf_doc *doc, double w, double h, int align)
{
	pdf_block *b = pdf_block_new(doc, B_DRAW, true);
	b->height = h;
	b->width = w;
	b->align = align;
	return b;
}

static void draw_push(pdf_block *b, pdf_item it)
{
	item_push(&b->items, &b->nitems, &b->itemcap, it);
}

void pdf_draw_rect(pdf_block *b, double x, double y, double w, double h,
                   pdf_color c, double stroke)
{
	draw_push(b, shape_item(stroke > 0 ? I_STROKE : I_FILL, x, y, w, h,
	                        stroke, c));
}

void pdf_draw_line(pdf_block *b, double x1, double y1, double x2, double y2,
                   pdf_color c, double width)
{
	draw_push(b, shape_item(I_LINE, x1, y1, x2 - x1, y2 - y1, width, c));
}

void pdf_draw_text(pdf_block *b, double x, double baseline,
                   const pdf_pstyle *ps, unsigned flags, const char *text)
{
	buf t = {0};
	put_clean(b->doc, &t, text ? text : "");
	pdf_item it = text_item(pdf_face_of(b->doc, ps->family,
	                                    ps->bold || (flags & PDF_BOLD),
	                                    ps->italic || (flags & PDF_ITALIC)),
	                        ps->size, x, baseline, ps->color,
	                        arena_strdup(b->doc->a, t.data ? t.data : ""));
	buf_free(&t);
	check_face(b->doc, it.face, it.s);
	draw_push(b, it);
}

void pdf_draw_circle(pdf_block *b, double cx, double cy, double r, pdf_color c,
                     double stroke)
{
	draw_push(b, shape_item(I_CIRCLE, cx, cy, r, r, stroke, c));
}

double pdf_draw_text_width(pdf_block *b, const pdf_pstyle *ps, unsigned flags,
                           const char *text)
{
	buf t = {0};
	put_clean(b->doc, &t, text ? text : "");
	int face =
	    pdf_face_of(b->doc, ps->family, ps->bold || (flags & PDF_BOLD),
	                ps->italic || (flags & PDF_ITALIC));
	double w =
	    pdf_text_width(b->doc, face, ps->size, t.data ? t.data : "", t.len);
	buf_free(&t);
	return w;
}

void pdf_rule(pdf_doc *doc, double indent)
{
	pdf_block *b = pdf_block_new(doc, B_RULE, true);
	b->indent = indent;
}

void pdf_space(pdf_doc *doc, double h)
{
	pdf_block *b = pdf_block_new(doc, B_SPACE, true);
	b->height = h;
}

void pdf_page_break(pdf_doc *doc)
{
	pdf_block_new(doc, B_BREAK, true);
}

void pdf_keep_begin(pdf_doc *doc)
{
	pdf_block_new(doc, B_KEEP_BEGIN, true);
}

void pdf_keep_end(pdf_doc *doc)
{
	pdf_block_new(doc, B_KEEP_END, true);
}

void pdf_toc(pdf_doc *doc, const char *title)
{
	pdf_block *b = pdf_block_new(doc, B_TOC, true);
	b->ps = doc->ps_toc_title;
	if (title) {
		pdf_run(b, title, 0);
		pdf_block_outline(b, 1, title);
	}
}

/* ---- flattening: blocks into slices ---- */

typedef struct lbox {
	pdf_item *items;
	size_t n, cap;
	float h;
} lbox;

typedef struct flat {
	pdf_doc *doc;
	double space; /* pending space before the next slice */
	bool brk;     /* the next slice starts a page */
	int keep_depth;
	size_t keep_start;
} flat;

static pdf_slice *new_slice(flat *f, pdf_block *b, float h)
{
	pdf_doc *doc = f->doc;
	pdf_slice s = {0};
	s.h = h;
	s.header = -1;
	s.block = b;
	s.page = -1;
	VEC_PUSH(doc->slices, doc->nslices, doc->slicecap, s);
	pdf_slice *sl = &doc->slices[doc->nslices - 1];
	sl->gap = (float)f->space;
	f->space = 0;
	if (f->brk) {
		sl->break_before = true;
		f->brk = false;
	}
	if (b && b->nslices == 0)
		b->slice0 = doc->nslices - 1;
	if (b)
		b->nslices++;
	return sl;
}

static void add_mark(pdf_doc *doc, pdf_slice *s, const char *anchor, int level,
                     const char *title, float y)
{
	pdf_mark m = {anchor, level, title, y};
	VEC_PUSH(s->marks, s->nmarks, s->markcap, m);
	if (anchor && !hmap_get(&doc->anchors, anchor)) {
		pdf_anchor *a = arena_alloc(doc->a, sizeof(*a));
		a->slice = (size_t)(s - doc->slices);
		a->y = y;
		hmap_put(&doc->anchors, anchor, a);
	}
}

typedef struct mctx {
	pdf_doc *doc;
	const pdf_block *b;
} mctx;

/* The first run of b that ends after byte at (b->nruns if none). Runs
 * cover the text in order, so their ends never decrease: a binary search
 * keeps measuring and laying out a paragraph of many runs (60,000 hard
 * line breaks) linear. */
static size_t run_at(const pdf_block *b, size_t at)
{
	size_t lo = 0, hi = b->nruns;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (b->runs[mid].end <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static double measure_runs(void *ctx, const char *text, size_t s, size_t e)
{
	mctx *m = ctx;
	const pdf_block *b = m->b;
	double w = 0;
	for (size_t i = run_at(b, s); i < b->nruns && b->runs[i].start < e;
	     i++) {
		const pdf_runx *r = &b->runs[i];
		m->doc->work++;
		size_t a = s > r->start ? s : r->start;
		size_t z = e < r->end ? e : r->end;
		w += pdf_text_width(m->doc, r->face, r->size, text + a, z - a);
		if (r->has_bg) {
			if (a == r->start && !r->glued_prev)
				w += r->pad;
			if (z == r->end && !r->glued_next)
				w += r->pad;
		}
	}
	return w;
}

static bool all_spaces(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ')
			return false;
	return true;
}

/* How far in (from the left margin) a block indented by indent points
 * starts: deep indents (nested lists, quotes) stop growing where the text
 * would be left less than the style's min-text-width (or the body
 * width, if that is less), so that text never runs off the page and
 * lines never shrink to a few characters. */
static double clamp_indent(const pdf_doc *doc, double indent)
{
	double min_w = doc->min_text_w < doc->bw ? doc->min_text_w : doc->bw;
	double max = doc->bw - min_w;
	return indent > max ? max : indent;
}

/* Lays out paragraph b in width w with its left edge at x0 (page
 * coordinates); a bar of the style (if any) ends bar_gap left of bar_at.
 * One lbox per line, items relative to the line's top. */
static size_t para_lines(pdf_doc *doc, const pdf_block *b, double x0, double w,
                         double bar_at, lbox **out)
{
	const pdf_pstyle *ps = b->ps;
	const char *text = b->text.data ? b->text.data : "";
	size_t len = b->text.len;
	mctx mc = {doc, b};
	pdf_line *lines;
	if (w < 10)
		w = 10;
	size_t nl = pdf_break_lines(text, len, doc->meta.lang, w, w,
	                            measure_runs, &mc, &lines);
	lbox *boxes = xcalloc(nl, sizeof(*boxes));
	int base_face = pdf_face_of(doc, ps->family, ps->bold, ps->italic);
	pdf_fontx *bf = pdf_font(doc, base_face);
	size_t r0 = 0; /* the first run ending after the line's start */
	for (size_t li = 0; li < nl; li++) {
		const pdf_line *l = &lines[li];
		lbox *bx = &boxes[li];
		double maxsize = ps->size;
		/* only the runs of the line: lines come in order */
		while (r0 < b->nruns && b->runs[r0].end <= l->start)
			r0++;
		for (size_t i = r0; i < b->nruns && b->runs[i].start < l->end;
		     i++, doc->work++)
			if (b->runs[i].size > maxsize)
				maxsize = b->runs[i].size;
		double h = ps->leading * maxsize / ps->size;
		double asc = bf->ascent * maxsize / 1000.0;
		double desc = -bf->descent * maxsize / 1000.0;
		double base = (h - (asc + desc)) / 2 + asc;
		bx->h = (float)h;
		double x = x0;
		if (ps->align == PDF_CENTER)
			x += (w - l->width) / 2;
		else if (ps->align == PDF_RIGHT)
			x += w - l->width;
		if (ps->bar_width > 0) {
			pdf_item it = shape_item(
			    I_FILL, bar_at - doc->bar_gap - ps->bar_width, 0,
			    ps->bar_width, h, 0, ps->bar_color);
			item_push(&bx->items, &bx->n, &bx->cap, it);
		}
		if (li == 0 && b->marker) {
			int mf = pdf_face_of(
			    doc, ps->family,
			    ps->bold || (b->marker_flags & PDF_BOLD),
			    ps->italic || (b->marker_flags & PDF_ITALIC));
			pdf_item it = text_item(mf, ps->size, x0 - b->hang,
			                        base, ps->color, b->marker);
			item_push(&bx->items, &bx->n, &bx->cap, it);
		}
		for (size_t i = r0; i < b->nruns && b->runs[i].start < l->end;
		     i++) {
			const pdf_runx *r = &b->runs[i];
			size_t a = l->start > r->start ? l->start : r->start;
			size_t z = l->end < r->end ? l->end : r->end;
			bool first = a == r->start && !r->glued_prev;
			bool last = z == r->end && !r->glued_next;
			double tw = pdf_text_width(doc, r->face, r->size,
			                           text + a, z - a);
			pdf_fontx *rf = pdf_font(doc, r->face);
			double rasc = rf->ascent * r->size / 1000.0;
			double rdesc = -rf->descent * r->size / 1000.0;
			if (r->has_bg) {
				double lp = first ? r->pad : 0;
				double rp = last ? r->pad : 0;
				if (first)
					x += r->pad;
				/* a box a little taller than capitals */
				pdf_item it = shape_item(
				    I_FILL, x - lp, base - r->size * 0.86,
				    tw + lp + rp, r->size * 1.14, 0, r->bg);
				item_push(&bx->items, &bx->n, &bx->cap, it);
			}
			if (!all_spaces(text + a, z - a)) {
				pdf_item it = text_item(
				    r->face, r->size, x, base, r->fg,
				    arena_strndup(doc->a, text + a, z - a));
				item_push(&bx->items, &bx->n, &bx->cap, it);
			}
			if (r->uri || r->anchor) {
				pdf_item it = {0};
				it.kind = r->uri ? I_LINK_URI : I_LINK_REF;
				it.x = (float)x;
				it.w = (float)tw;
				it.y = (float)(base - rasc);
				it.h = (float)(rasc + rdesc);
				it.s = r->uri ? r->uri : r->anchor;
				item_push(&bx->items, &bx->n, &bx->cap, it);
			}
			/* strike-through at about half the x-height,
			 * underline just below the baseline */
			for (int k = 0; k < 2; k++) {
				unsigned fl = k ? PDF_UNDERLINE : PDF_STRIKE;
				if (!(r->flags & fl))
					continue;
				pdf_item it = shape_item(
				    I_LINE, x,
				    base + r->size * (k ? 0.13 : -0.3), tw, 0,
				    r->size / 18, r->fg);
				item_push(&bx->items, &bx->n, &bx->cap, it);
			}
			x += tw;
			if (r->has_bg && last)
				x += r->pad;
		}
	}
	free(lines);
	*out = boxes;
	return nl;
}

static void free_boxes(lbox *bx, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(bx[i].items);
	free(bx);
}

static double space_before(flat *f, const pdf_pstyle *ps)
{
	return f->space > ps->space_before ? f->space : ps->space_before;
}

/* A slice for one laid-out line, taking over the line's items. */
static pdf_slice *line_slice(flat *f, pdf_block *b, lbox *line)
{
	pdf_slice *s = new_slice(f, b, line->h);
	s->items = line->items;
	s->nitems = line->n;
	s->itemcap = line->cap;
	line->items = NULL;
	return s;
}

static void flat_para(flat *f, pdf_block *b)
{
	pdf_doc *doc = f->doc;
	const pdf_pstyle *ps = b->ps;
	double ind = clamp_indent(doc, ps->indent + b->indent);
	double x0 = doc->st->margin_left + ind;
	double w = doc->bw - ind;
	double bar_at =
	    doc->st->margin_left + (ps->indent < ind ? ps->indent : ind);
	lbox *bx;
	size_t n = para_lines(doc, b, x0, w, bar_at, &bx);
	f->space = space_before(f, ps);
	int widows = doc->st->widows, orphans = doc->st->orphans;
	for (size_t i = 0; i < n; i++) {
		pdf_slice *s = line_slice(f, b, &bx[i]);
		if (i + 1 < n)
			s->keep_next =
			    (long)i + 1 < orphans || (long)(n - i - 1) < widows;
		else
			s->keep_next = b->keep_next;
		if (i == 0) {
			if (b->anchor)
				add_mark(doc, s, b->anchor, 0, NULL, 0);
			if (b->outline_level > 0)
				add_mark(doc, s, NULL, b->outline_level,
				         b->outline_title, 0);
			if (b->break_before)
				s->break_before = true;
		}
	}
	free_boxes(bx, n);
	f->space = ps->space_after;
}

static double cell_text_width(pdf_doc *doc, const pdf_block *c, bool widest)
{
	mctx mc = {doc, c};
	const char *text = c->text.data ? c->text.data : "";
	if (widest)
		return pdf_widest_word(text, c->text.len, doc->meta.lang,
		                       measure_runs, &mc);
	/* natural width: the widest line when nothing wraps */
	pdf_line *lines;
	size_t n = pdf_break_lines(text, c->text.len, doc->meta.lang, 1e9, 1e9,
	                           measure_runs, &mc, &lines);
	double w = 0;
	for (size_t i = 0; i < n; i++)
		if (lines[i].width > w)
			w = lines[i].width;
	free(lines);
	return w;
}

/* Lowers the largest of the n minimums mn[] to a common limit so that
 * they add up to at most avail: the widest give way first, and every
 * column whose minimum is below the limit keeps it. */
static void fit_minimums(double *mn, size_t n, double avail)
{
	double sum = 0;
	for (size_t c = 0; c < n; c++)
		sum += mn[c];
	if (sum <= avail || n == 0)
		return;
	double *v = xmalloc(n * sizeof(double));
	memcpy(v, mn, n * sizeof(double));
	/* ascending (n is small: a table's columns) */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && v[j - 1] > v[j]; j--) {
			double x = v[j];
			v[j] = v[j - 1];
			v[j - 1] = x;
		}
	double rest = avail;
	size_t i = 0;
	while (i < n && v[i] * (double)(n - i) <= rest)
		rest -= v[i++];
	double limit = rest / (double)(n - i);
	for (size_t c = 0; c < n; c++)
		if (mn[c] > limit)
			mn[c] = limit;
	free(v);
}

/* The column widths of table t in avail points. A column's minimum is
 * its widest unbreakable word (header and cells, so that a short header
 * such as "No" never splits) plus padding; a word longer than half the
 * width (a URL) counts for half, since it breaks anyway. Where the
 * minimums do not fit side by side, the widest give way (fit_minimums).
 * Room beyond the minimums goes in proportion to the width each column
 * would take unwrapped or, when the back end gave fractions, as close to
 * those as the minimums allow. */
static void table_widths(pdf_doc *doc, const pdf_table *t, size_t c0, size_t c1,
                         double avail, double *cw)
{
	size_t nc = c1 - c0;
	double pad = 2 * doc->table_pad;
	double *mn = xcalloc(nc, sizeof(double)),
	       *nat = xcalloc(nc, sizeof(double));
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c0 + c < t->rows[r].n && c < nc; c++) {
			const pdf_block *cell = t->rows[r].cells[c0 + c];
			double a = cell_text_width(doc, cell, true) + pad;
			double b = cell_text_width(doc, cell, false) + pad;
			if (a > avail / 2)
				a = avail / 2;
			if (a > mn[c])
				mn[c] = a;
			if (b > nat[c])
				nat[c] = b;
		}
	double smin = 0, snat = 0;
	for (size_t c = 0; c < nc; c++)
		if (mn[c] < pad + 6)
			mn[c] = pad + 6;
	fit_minimums(mn, nc, avail);
	for (size_t c = 0; c < nc; c++) {
		if (nat[c] < mn[c])
			nat[c] = mn[c];
		smin += mn[c];
		snat += nat[c];
	}
	if (t->fracs) {
		/* As asked, but a column narrower than its minimum takes
		 * room from those with room to spare (there is enough: the
		 * minimums fit). */
		const double *fr = t->fracs + c0;
		double sum = 0, deficit = 0, slack = 0;
		for (size_t c = 0; c < nc; c++)
			sum += fr[c] > 0 ? fr[c] : 0;
		for (size_t c = 0; c < nc; c++) {
			cw[c] =
			    avail * (sum > 0 && fr[c] > 0 ? fr[c] / sum
			                                  : 1.0 / (double)nc);
			if (cw[c] < mn[c])
				deficit += mn[c] - cw[c];
			else
				slack += cw[c] - mn[c];
		}
		if (deficit > 0 && slack > 0)
			for (size_t c = 0; c < nc; c++)
				cw[c] = cw[c] < mn[c]
				            ? mn[c]
				            : cw[c] - deficit *
				                          (cw[c] - mn[c]) /
				                          slack;
	} else {
		for (size_t c = 0; c < nc; c++) {
			if (snat <= avail)
				cw[c] = nat[c] + (avail - snat) * nat[c] / snat;
			else
				cw[c] = mn[c] + (avail - smin) *
				                    (nat[c] - mn[c]) /
				                    (snat - smin);
		}
	}
	free(mn);
	free(nat);
}

/* The cell styles and runs of table t set at scale times their size. */
static void scale_table(pdf_doc *doc, pdf_table *t, double scale)
{
	pdf_pstyle *cs = arena_memdup(doc->a, t->cell, sizeof(*cs));
	pdf_pstyle *hs = arena_memdup(doc->a, t->head, sizeof(*hs));
	cs->size *= scale;
	cs->leading *= scale;
	hs->size *= scale;
	hs->leading *= scale;
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->rows[r].n; c++) {
			pdf_block *b = t->rows[r].cells[c];
			pdf_pstyle *ps = b->ps == t->cell   ? cs
			                 : b->ps == t->head ? hs
			                                    : NULL;
			if (!ps) {
				ps = arena_memdup(doc->a, b->ps, sizeof(*ps));
				ps->size *= scale;
				ps->leading *= scale;
			}
			b->ps = ps;
			for (size_t i = 0; i < b->nruns; i++)
				b->runs[i].size =
				    (float)(b->runs[i].size * scale);
		}
	t->cell = cs;
	t->head = hs;
}

/* Says what became of table t: set in groups of per columns (fit would
 * fit side by side at the smallest size, least), at size best instead of
 * size. Names the start of its first row, so that an author can find
 * it. */
static void warn_wide_table(pdf_doc *doc, const pdf_table *t, size_t per,
                            double size, double best, double least, size_t fit)
{
	buf ctx = {0};
	bool cut = false;
	for (size_t c = 0; t->nrows && c < t->rows[0].n && !cut; c++) {
		const buf *tx = &t->rows[0].cells[c]->text;
		if (c)
			buf_puts(&ctx, " | ");
		for (size_t i = 0; i < tx->len && !cut; i++) {
			buf_putc(&ctx, tx->data[i] == '\n' ? ' ' : tx->data[i]);
			cut = ctx.len > 60;
		}
	}
	if (cut) { /* at a character boundary */
		size_t k = 60;
		while (k > 0 && ((unsigned char)ctx.data[k] & 0xc0) == 0x80)
			k--;
		ctx.len = k;
		ctx.data[k] = '\0';
		buf_puts(&ctx, "\xe2\x80\xa6");
	}
	buf font = {0};
	if (best < size) /* sizes to a tenth of a point */
		buf_printf(&font, "set at %g pt instead of %g pt",
		           floor(best * 10) / 10, floor(size * 10 + 0.5) / 10);
	size_t nc = t->ncols, groups = (nc + per - 1) / per;
	if (groups > 1)
		diag_warning(
		    doc->d, NO_POS,
		    "a table of %zu columns is too wide for the page "
		    "(\"%s\"): it is split into %zu groups of at most "
		    "%zu columns, one below the other%s%s; at most %zu "
		    "columns fit side by side at %g pt",
		    nc, ctx.data ? ctx.data : "", groups, per,
		    font.len ? ", " : "", font.len ? font.data : "", fit,
		    floor(least * 10 + 0.5) / 10);
	else
		diag_warning(doc->d, NO_POS,
		             "a table of %zu columns is too wide for the page "
		             "(\"%s\"): its text is %s",
		             nc, ctx.data ? ctx.data : "",
		             font.data ? font.data : "");
	buf_free(&ctx);
	buf_free(&font);
}

/* Columns [c0, c1) of table tb, cw[] wide from x0, as slices (a row
 * taller than a page is cut between lines of text). */
static void flat_table_part(flat *f, pdf_block *tb, size_t c0, size_t c1,
                            double x0, const double *cw)
{
	pdf_doc *doc = f->doc;
	pdf_table *t = tb->table;
	size_t nc = c1 - c0;
	double pad = doc->table_pad;
	f->space = space_before(f, t->cell);
	long header0 = -1;
	int nheader = 0;
	double header_h = 0;
	lbox **cells = xcalloc(nc, sizeof(*cells));
	size_t *ncl = xcalloc(nc, sizeof(*ncl));
	size_t *from = xcalloc(nc, sizeof(*from));
	size_t *to = xcalloc(nc, sizeof(*to));
	for (size_t r = 0; r < t->nrows; r++) {
		pdf_trow *row = &t->rows[r];
		double hmax = 0;
		size_t n = row->n > c0 ? row->n - c0 : 0;
		if (n > nc)
			n = nc;
		double x = x0;
		for (size_t c = 0; c < n; c++) {
			pdf_block *cell = row->cells[c0 + c];
			pdf_pstyle *aps = NULL;
			if (t->align[c0 + c] != cell->ps->align) {
				aps = arena_memdup(doc->a, cell->ps,
				                   sizeof(*aps));
				aps->align = t->align[c0 + c];
				cell->ps = aps;
			}
			ncl[c] = para_lines(doc, cell, x + pad, cw[c] - 2 * pad,
			                    x + pad, &cells[c]);
			double h = 2 * pad;
			for (size_t i = 0; i < ncl[c]; i++)
				h += cells[c][i].h;
			if (h > hmax)
				hmax = h;
			x += cw[c];
		}
		if (!row->header && hmax < t->min_h)
			hmax = t->min_h;
		if (hmax < 2 * pad + t->cell->leading)
			hmax = 2 * pad + t->cell->leading;
		/* A row taller than a page is cut between lines of text into
		 * pieces that each fit (below the repeated header). */
		double limit = doc->bh - (row->header ? 0 : header_h) - 2 * pad;
		for (size_t c = 0; c < n; c++)
			from[c] = 0;
		bool last;
		do {
			double sh = hmax;
			last = true;
			if (hmax - 2 * pad > limit) {
				double ch = 0;
				for (size_t c = 0; c < n; c++) {
					double y = 0;
					size_t i = from[c];
					while (i < ncl[c] &&
					       (i == from[c] ||
					        y + cells[c][i].h <= limit)) {
						y += cells[c][i].h;
						i++;
					}
					to[c] = i;
					if (i < ncl[c])
						last = false;
					if (y > ch)
						ch = y;
				}
				sh = ch + 2 * pad;
			} else {
				for (size_t c = 0; c < n; c++)
					to[c] = ncl[c];
			}
			pdf_slice *s = new_slice(f, tb, (float)sh);
			s->is_header = row->header;
			if (row->header) {
				if (header0 < 0)
					header0 = (long)(s - doc->slices);
				nheader++;
				header_h += sh;
				s->keep_next = true;
			} else if (header0 >= 0) {
				s->header = header0;
				s->nheader = nheader;
			}
			if (r == 0 && c0 == 0 && (n == 0 || from[0] == 0) &&
			    tb->anchor)
				add_mark(doc, s, tb->anchor, 0, NULL, 0);
			x = x0;
			for (size_t c = 0; c < nc; c++) {
				if (row->header) {
					pdf_item it =
					    shape_item(I_FILL, x, 0, cw[c], sh,
					               0, doc->c_table_fill);
					item_push(&s->items, &s->nitems,
					          &s->itemcap, it);
				}
				double y = pad;
				for (size_t i = c < n ? from[c] : 0;
				     c < n && i < to[c]; i++) {
					for (size_t k = 0; k < cells[c][i].n;
					     k++) {
						pdf_item ci =
						    cells[c][i].items[k];
						ci.y += (float)y;
						item_push(&s->items, &s->nitems,
						          &s->itemcap, ci);
					}
					y += cells[c][i].h;
				}
				pdf_item it = shape_item(I_STROKE, x, 0, cw[c],
				                         sh, doc->table_rule_w,
				                         doc->c_table_rule);
				item_push(&s->items, &s->nitems, &s->itemcap,
				          it);
				x += cw[c];
			}
			for (size_t c = 0; c < n; c++)
				from[c] = to[c];
		} while (!last);
		for (size_t c = 0; c < n; c++)
			free_boxes(cells[c], ncl[c]);
	}
	free(cells);
	free(ncl);
	free(from);
	free(to);
	f->space = t->cell->space_after;
}

/* A table whose columns cannot all be table-min-column-width wide side
 * by side is set smaller, as far as table-min-font-size. That minimum is
 * the padding and room for text in proportion to the font size (the
 * style gives it at the size of table-cell). Where the smallest size is
 * not enough, the columns are split into the fewest groups that fit at
 * it, as even as can be, each a table of its own below the previous one
 * (header rows repeated), and the font is set as large again as those
 * groups allow. Either way a warning says so. Columns at least that wide
 * never put a glyph outside their cell: a word that does not fit is
 * broken between characters. */
static void flat_table(flat *f, pdf_block *tb)
{
	pdf_doc *doc = f->doc;
	pdf_table *t = tb->table;
	size_t nc = t->ncols, per = nc;
	double ind = clamp_indent(doc, t->indent + tb->indent);
	double x0 = doc->st->margin_left + ind;
	double avail = doc->bw - ind;
	double pad2 = 2 * doc->table_pad;
	double size = t->cell->size;
	/* room for text per point of font size */
	double unit = (doc->table_min_col - pad2) / doc->ps_cell->size;
	if (unit > 0 && size > 0 &&
	    (double)nc * (pad2 + unit * size) > avail + 0.001) {
		double least =
		    doc->table_min_font < size ? doc->table_min_font : size;
		size_t fit = (size_t)(avail / (pad2 + unit * least));
		if (fit < 1)
			fit = 1;
		size_t groups = (nc + fit - 1) / fit;
		per = (nc + groups - 1) / groups;
		double best = (avail / (double)per - pad2) / unit;
		if (best > size)
			best = size;
		if (best < least)
			best = least;
		if (best < size)
			scale_table(doc, t, best / size);
		warn_wide_table(doc, t, per, size, best, least, fit);
	}
	double *cw = xcalloc(per, sizeof(double));
	for (size_t c0 = 0; c0 < nc; c0 += per) {
		size_t c1 = c0 + per < nc ? c0 + per : nc;
		table_widths(doc, t, c0, c1, avail, cw);
		flat_table_part(f, tb, c0, c1, x0, cw);
	}
	free(cw);
}

static void flat_fields(flat *f, pdf_block *b)
{
	pdf_doc *doc = f->doc;
	const pdf_pstyle *ps = b->ps;
	f->space = space_before(f, ps);
	pdf_slice *s = new_slice(f, b, (float)b->height);
	double gap = doc->field_gap, sum = 0;
	for (size_t i = 0; i < b->n; i++)
		sum += b->widths[i];
	double avail = doc->bw - gap * (double)(b->n ? b->n - 1 : 0);
	double x = doc->st->margin_left;
	int face = pdf_face_of(doc, ps->family, ps->bold, ps->italic);
	pdf_fontx *fx = pdf_font(doc, face);
	for (size_t i = 0; i < b->n; i++) {
		double w = avail * (sum > 0 ? b->widths[i] / sum : 1);
		pdf_item it = shape_item(I_STROKE, x, 0, w, b->height,
		                         doc->field_rule_w, doc->c_field);
		item_push(&s->items, &s->nitems, &s->itemcap, it);
		pdf_item lt = text_item(face, ps->size, x + doc->table_pad,
		                        doc->table_pad * 0.8 +
		                            fx->ascent * ps->size / 1000.0,
		                        ps->color, b->labels[i]);
		item_push(&s->items, &s->nitems, &s->itemcap, lt);
		x += w + gap;
	}
	f->space = ps->space_after;
}

static void flat_checks(flat *f, pdf_block *b)
{
	pdf_doc *doc = f->doc;
	const pdf_pstyle *ps = b->ps;
	double left =
	    doc->st->margin_left + clamp_indent(doc, ps->indent + b->indent);
	double right = doc->st->margin_left + doc->bw;
	int face = pdf_face_of(doc, ps->family, ps->bold, ps->italic);
	pdf_fontx *fx = pdf_font(doc, face);
	double box = doc->check_size, gap = doc->check_gap;
	double h = ps->leading > box + 4 ? ps->leading : box + 4;
	double asc = fx->ascent * ps->size / 1000.0;
	double desc = -fx->descent * ps->size / 1000.0;
	double base = (h - (asc + desc)) / 2 + asc;
	f->space = space_before(f, ps);
	pdf_slice *s = NULL;
	double x = left;
	size_t first = f->doc->nslices;
	for (size_t i = 0; i < b->n; i++) {
		double lw = pdf_text_width(doc, face, ps->size, b->labels[i],
		                           strlen(b->labels[i]));
		double ew = box + gap + lw;
		if (!s || (x > left && x + ew > right)) {
			s = new_slice(f, b, (float)h);
			x = left;
		}
		pdf_item it = shape_item(I_STROKE, x, base + 1 - box, box, box,
		                         doc->field_rule_w, doc->c_check);
		item_push(&s->items, &s->nitems, &s->itemcap, it);
		pdf_item t = text_item(face, ps->size, x + box + gap, base,
		                       ps->color, b->labels[i]);
		item_push(&s->items, &s->nitems, &s->itemcap, t);
		x += ew + 3 * gap;
	}
	for (size_t i = first; i + 1 < doc->nslices; i++)
		doc->slices[i].keep_next = true;
	f->space = ps->space_after;
}

static void flat_ruled(flat *f, pdf_block *b)
{
	pdf_doc *doc = f->doc;
	double ind = clamp_indent(doc, b->indent);
	double x0 = doc->st->margin_left + ind;
	for (size_t i = 0; i < b->n; i++) {
		pdf_slice *s = new_slice(f, b, (float)b->height);
		s->keep_next = i + 1 < b->n;
		pdf_item it = shape_item(I_LINE, x0, b->height, doc->bw - ind,
		                         0, doc->ruled_w, doc->c_ruled);
		item_push(&s->items, &s->nitems, &s->itemcap, it);
	}
	f->space = doc->ps_body->space_after;
}

static void flat_draw(flat *f, pdf_block *b)
{
	pdf_doc *doc = f->doc;
	double w = b->width;
	double x0 = doc->st->margin_left;
	if (b->align == PDF_CENTER)
		x0 += (doc->bw - w) / 2;
	else if (b->align == PDF_RIGHT)
		x0 += doc->bw - w;
	f->space = space_before(f, doc->ps_body);
	pdf_slice *s = new_slice(f, b, (float)b->height);
	for (size_t i = 0; i < b->nitems; i++) {
		pdf_item it = b->items[i];
		it.x += (float)x0;
		item_push(&s->items, &s->nitems, &s->itemcap, it);
	}
	if (b->anchor)
		add_mark(doc, s, b->anchor, 0, NULL, 0);
	f->space = doc->ps_body->space_after;
}

static void flat_rule(flat *f, pdf_block *b)
{
	pdf_doc *doc = f->doc;
	f->space = space_before(f, doc->ps_body);
	double h = doc->ps_body->leading / 2;
	pdf_slice *s = new_slice(f, b, (float)h);
	double ind = clamp_indent(doc, b->indent);
	pdf_item it = shape_item(I_LINE, doc->st->margin_left + ind, h / 2,
	                         doc->bw - ind, 0, doc->rule_w, doc->c_rule);
	item_push(&s->items, &s->nitems, &s->itemcap, it);
	f->space = doc->ps_body->space_after;
}

/* One entry of the table of contents: its title wrapped beside a column
 * for the page number, a dotted leader, the number, a link. */
static void flat_toc_entry(flat *f, pdf_block *target)
{
	pdf_doc *doc = f->doc;
	const pdf_pstyle *ps =
	    target->toc_level <= 1 ? doc->ps_toc1 : doc->ps_toc2;
	double extra = target->toc_level > 2
	                   ? doc->toc_indent * (target->toc_level - 2)
	                   : 0;
	pdf_block tmp = {0};
	tmp.doc = doc;
	tmp.ps = ps;
	tmp.kind = B_PARA;
	pdf_run(&tmp, target->toc_title, 0);
	int face = pdf_face_of(doc, ps->family, ps->bold, ps->italic);
	double numw = pdf_text_width(doc, face, ps->size, "0000", 4);
	double x0 =
	    doc->st->margin_left + clamp_indent(doc, ps->indent + extra);
	double right = doc->st->margin_left + doc->bw;
	double w = right - numw - 6 - x0;
	lbox *bx;
	size_t n = para_lines(doc, &tmp, x0, w, x0, &bx);
	mctx mc = {doc, &tmp};
	pdf_line *lines;
	size_t nl =
	    pdf_break_lines(tmp.text.data ? tmp.text.data : "", tmp.text.len,
	                    doc->meta.lang, w, w, measure_runs, &mc, &lines);
	f->space = space_before(f, ps);
	for (size_t i = 0; i < n; i++) {
		pdf_slice *s = line_slice(f, NULL, &bx[i]);
		s->keep_next = i + 1 < n;
		double base = 0;
		for (size_t k = 0; k < s->nitems; k++)
			if (s->items[k].kind == I_TEXT)
				base = s->items[k].y;
		if (i + 1 == n) {
			double end = x0 + (i < nl ? lines[i].width : 0) + 4;
			pdf_item d = {0};
			d.kind = I_DOTS;
			d.x = (float)end;
			d.y = (float)base;
			d.w = (float)(right - numw - 4 - end);
			d.lw = 0.6f;
			d.c = ps->color;
			if (d.w > 4)
				item_push(&s->items, &s->nitems, &s->itemcap,
				          d);
			pdf_item p = {0};
			p.kind = I_PAGEREF;
			p.face = face;
			p.size = (float)ps->size;
			p.x = (float)right;
			p.y = (float)base;
			p.c = ps->color;
			p.s = target->anchor;
			item_push(&s->items, &s->nitems, &s->itemcap, p);
		}
		pdf_item l = {0};
		l.kind = I_LINK_REF;
		l.x = (float)x0;
		l.y = 0;
		l.w = (float)(right - x0);
		l.h = bx[i].h;
		l.s = target->anchor;
		item_push(&s->items, &s->nitems, &s->itemcap, l);
	}
	free(lines);
	free_boxes(bx, n);
	buf_free(&tmp.text);
	free(tmp.runs);
	f->space = ps->space_after;
}

static void flat_toc(flat *f, pdf_block *b)
{
	pdf_doc *doc = f->doc;
	if (b->text.len) {
		b->keep_next = true;
		flat_para(f, b);
	}
	for (size_t i = 0; i < doc->nflow; i++) {
		pdf_block *t = doc->flow[i];
		if (t->toc_level > 0)
			flat_toc_entry(f, t);
	}
}

/* The blocks that become slices of their own, by kind. */
static void (*const flat_block[])(flat *, pdf_block *) = {
    [B_PARA] = flat_para,     [B_TABLE] = flat_table, [B_FIELDS] = flat_fields,
    [B_CHECKS] = flat_checks, [B_RULED] = flat_ruled, [B_RULE] = flat_rule,
    [B_DRAW] = flat_draw,     [B_TOC] = flat_toc,
};

static void flatten(pdf_doc *doc)
{
	flat f = {doc, 0, false, 0, 0};
	for (size_t i = 0; i < doc->nflow; i++) {
		pdf_block *b = doc->flow[i];
		if (b->break_before && b->kind != B_PARA)
			f.brk = true;
		switch (b->kind) {
		case B_SPACE:
			f.space += b->height;
			break;
		case B_BREAK:
			f.brk = true;
			f.space = 0;
			break;
		case B_KEEP_BEGIN:
			if (f.keep_depth++ == 0)
				f.keep_start = doc->nslices;
			break;
		case B_KEEP_END:
			if (f.keep_depth > 0 && --f.keep_depth == 0)
				for (size_t s = f.keep_start;
				     s + 1 < doc->nslices; s++)
					doc->slices[s].keep_next = true;
			break;
		default:
			flat_block[b->kind](&f, b);
			break;
		}
		if (b->keep_next && b->nslices && b->kind != B_PARA)
			doc->slices[doc->nslices - 1].keep_next = true;
	}
}

/* ---- pagination ---- */

static pdf_page *new_page(pdf_doc *doc)
{
	pdf_page p = {0};
	VEC_PUSH(doc->pages, doc->npages, doc->pagecap, p);
	return &doc->pages[doc->npages - 1];
}

static void place(pdf_page *p, size_t slice, float y)
{
	pdf_place pl = {slice, y};
	VEC_PUSH(p->places, p->n, p->cap, pl);
}

static void paginate(pdf_doc *doc)
{
	const float H = (float)doc->bh;
	pdf_page *pg = new_page(doc);
	float cur = 0;
	size_t first = 0;  /* first slice (not a repeated header) on pg */
	bool empty = true; /* no slice of the flow on pg yet */
	size_t i = 0;
	while (i < doc->nslices) {
		pdf_slice *s = &doc->slices[i];
		if (s->break_before && !empty) {
			pg = new_page(doc);
			cur = 0;
			empty = true;
			continue;
		}
		if (empty) {
			first = i;
			cur = 0;
			if (s->header >= 0 && !s->is_header)
				for (int k = 0; k < s->nheader; k++) {
					size_t hs =
					    (size_t)s->header + (size_t)k;
					place(pg, hs, cur);
					cur += doc->slices[hs].h;
				}
		}
		float gap = empty ? 0 : s->gap;
		if (empty || cur + gap + s->h <= H + 0.01f) {
			place(pg, i, cur + gap);
			s->page = (int)(doc->npages - 1);
			s->y = cur + gap;
			cur += gap + s->h;
			empty = false;
			i++;
			continue;
		}
		/* Does not fit: break before the start of the keep chain
		 * that i belongs to, unless that chain fills the page. */
		size_t j = i;
		while (j > first && doc->slices[j - 1].keep_next)
			j--;
		if (j == first)
			j = i;
		while (pg->n && pg->places[pg->n - 1].slice >= j)
			pg->n--;
		pg = new_page(doc);
		cur = 0;
		empty = true;
		i = j;
	}
}

/* libharu failed while the document was laid out, drawn or saved: its
 * trouble, not the input's (exit status 2). Returns -1. */
static int haru_failed(pdf_doc *doc, diags *d, const char *what)
{
	d->io_failed = true;
	diag_error(d, NO_POS, "%s: %s (libharu error 0x%04X)", what,
	           hpdf_errstr(doc->herr), (unsigned)doc->herr);
	return -1;
}

int pdf_layout(pdf_doc *doc, diags *d)
{
	if (doc->laid_out)
		return 0;
	flatten(doc);
	paginate(doc);
	doc->laid_out = true;
	if (doc->herr) {
		return haru_failed(doc, d, "PDF layout failed");
	}
	return 0;
}

int pdf_page_count(const pdf_doc *doc)
{
	return (int)doc->npages;
}

int pdf_block_first_page(const pdf_block *b)
{
	if (!b->nslices)
		return 0;
	return b->doc->slices[b->slice0].page + 1;
}

int pdf_block_last_page(const pdf_block *b)
{
	if (!b->nslices)
		return 0;
	return b->doc->slices[b->slice0 + b->nslices - 1].page + 1;
}

int pdf_block_slices_on(const pdf_block *b, int page)
{
	int n = 0;
	for (size_t i = 0; i < b->nslices; i++)
		if (b->doc->slices[b->slice0 + i].page + 1 == page)
			n++;
	return n;
}

int pdf_page_header_rows(const pdf_doc *doc, int page)
{
	if (page < 1 || (size_t)page > doc->npages)
		return 0;
	const pdf_page *p = &doc->pages[page - 1];
	int n = 0;
	for (size_t i = 0; i < p->n; i++)
		if (doc->slices[p->places[i].slice].is_header)
			n++;
	return n;
}

/* ---- writing ---- */

int pdf_write(pdf_doc *doc, const char *path, diags *d)
{
	if (pdf_layout(doc, d) < 0)
		return -1;
	if (pdf_render(doc) < 0 || doc->herr) {
		return haru_failed(doc, d, "cannot draw the PDF");
	}
	if (HPDF_SaveToStream(doc->h) != HPDF_OK || doc->herr) {
		return haru_failed(doc, d, "cannot write the PDF");
	}
	outfile of;
	if (outfile_open(&of, path) < 0) {
		diag_error(d, NO_POS, "cannot write '%s': %s", path,
		           output_strerror(errno));
		d->io_failed = true;
		return -2;
	}
	HPDF_ResetStream(doc->h);
	for (;;) {
		HPDF_BYTE chunk[65536];
		HPDF_UINT32 n = sizeof(chunk);
		HPDF_STATUS st = HPDF_ReadFromStream(doc->h, chunk, &n);
		if (n > 0 && fwrite(chunk, 1, n, of.fp) != n)
			break;
		if (st == HPDF_STREAM_EOF || st != HPDF_OK)
			break;
	}
	/* libharu reports the end of its stream as an error: not ours. */
	if (doc->herr == HPDF_STREAM_EOF)
		doc->herr = 0;
	if (doc->herr) {
		outfile_abort(&of);
		return haru_failed(doc, d, "cannot write the PDF");
	}
	if (outfile_commit(&of) < 0) {
		diag_error(d, NO_POS, "cannot write '%s': %s", path,
		           output_strerror(errno));
		d->io_failed = true;
		return -2;
	}
	return 0;
}
