/*
 * pdf_int.h - the PDF engine's internal structures, shared by pdf.c,
 * pdf_style.c, pdf_md.c and pdf_render.c; not for back ends (they use
 * pdf.h).
 *
 * Ownership: as in pdf.h. The style lives in its own arena; a document's
 * small objects (blocks, strings) live in the document's arena, and the
 * growable arrays hanging off blocks, slices and pages are malloc'd and
 * released by pdf_free().
 */
#ifndef VCSC_PDF_INT_H
#define VCSC_PDF_INT_H

#include <hpdf.h>

#include "pdf.h"
#include "base/util.h"

/* ---- style ---- */

typedef struct pdf_face {
	const char *path; /* a TrueType file */
	srcpos pos;       /* where the style file names it */
} pdf_face;

enum { FACE_REGULAR, FACE_BOLD, FACE_ITALIC, FACE_BOLD_ITALIC };

typedef struct pdf_family {
	const char *name;
	int face[4]; /* by FACE_*, indexes into pdf_style.faces */
	/* families for characters its fonts lack, tried in order */
	int *fallbacks;
	size_t nfallbacks;
	const struct ynode *fallback_node; /* while loading */
} pdf_family;

struct pdf_style {
	arena *a;
	const char *path;
	pdf_face *faces;
	size_t nfaces;
	pdf_family *families;
	size_t nfamilies;
	double margin_top, margin_bottom, margin_left, margin_right;
	double header_offset, footer_offset; /* edge to baseline */
	int widows, orphans;
	char **color_names;
	pdf_color *colors;
	size_t ncolors;
	char **size_names;
	double *sizes;
	size_t nsizes;
	pdf_pstyle *paras;
	size_t nparas;
};

/* ---- the flow ---- */

typedef struct pdf_runx {
	size_t start, end; /* bytes of the block's text */
	int face;          /* font face */
	float size;
	pdf_color fg, bg;
	bool has_bg;
	float pad; /* horizontal padding of a background */
	unsigned flags;
	const char *uri, *anchor; /* link target */
	/* a piece of a run split for the fallback font: no padding of the
	 * background on that side */
	bool glued_prev, glued_next;
} pdf_runx;

typedef enum {
	B_PARA,
	B_TABLE,
	B_FIELDS,
	B_CHECKS,
	B_RULED,
	B_RULE,
	B_SPACE,
	B_BREAK,
	B_TOC,
	B_KEEP_BEGIN,
	B_KEEP_END,
	B_DRAW,
} pdf_bkind;

struct pdf_block {
	pdf_bkind kind;
	pdf_doc *doc;
	const pdf_pstyle *ps;
	buf text;
	pdf_runx *runs;
	size_t nruns, runcap;
	double indent, hang;
	const char *marker;
	unsigned marker_flags;
	bool keep_next, break_before;
	const char *anchor;
	int outline_level, toc_level;
	const char *outline_title, *toc_title;
	pdf_table *table;
	/* fields, checkboxes, ruled lines */
	size_t n;
	const char **labels;
	double *widths;
	double height;
	/* a drawing: items relative to its top-left corner */
	struct pdf_item *items;
	size_t nitems, itemcap;
	double width;
	int align;
	/* where it went */
	size_t slice0, nslices;
};

typedef struct pdf_trow {
	bool header;
	pdf_block **cells;
	size_t n, cap;
} pdf_trow;

struct pdf_table {
	pdf_doc *doc;
	size_t ncols;
	const pdf_pstyle *cell, *head;
	double *fracs; /* NULL: from the content */
	int *align;
	double min_h, indent;
	pdf_trow *rows;
	size_t nrows, cap;
	pdf_block *block;
};

/* ---- slices and pages ---- */

typedef enum {
	I_TEXT,     /* s at baseline (x, y) */
	I_FILL,     /* rectangle x, y (top), w, h */
	I_STROKE,   /* rectangle outline, line width lw */
	I_LINE,     /* from (x, y) to (x + w, y + h) */
	I_CIRCLE,   /* centre (x, y), radius w; lw 0 fills it */
	I_DOTS,     /* dotted line from (x, y) to (x + w, y) */
	I_LINK_URI, /* link area over rectangle, to s */
	I_LINK_REF, /* link area, to anchor s */
	I_PAGEREF,  /* page number of anchor s, right-aligned at x */
} pdf_ikind;

typedef struct pdf_item {
	pdf_ikind kind;
	int face;
	float size, lw;
	float x, y, w, h; /* y from the slice top, downwards */
	pdf_color c;
	const char *s;
} pdf_item;

typedef struct pdf_mark {
	const char *anchor; /* destination name, or NULL */
	int level;          /* outline level, 0: none */
	const char *title;
	float y; /* from the slice top */
} pdf_mark;

typedef struct pdf_anchor {
	size_t slice;
	float y; /* from the slice top */
} pdf_anchor;

typedef struct pdf_slice {
	float h, gap;
	bool keep_next, break_before, is_header;
	long header; /* first repeated header slice, -1: none */
	int nheader;
	pdf_item *items;
	size_t nitems, itemcap;
	pdf_mark *marks;
	size_t nmarks, markcap;
	pdf_block *block;
	int page; /* 0-based, of its (first) placement */
	float y;  /* top, from the page top */
} pdf_slice;

typedef struct pdf_place {
	size_t slice;
	float y;
} pdf_place;

typedef struct pdf_page {
	pdf_place *places;
	size_t n, cap;
} pdf_page;

typedef struct pdf_fontx {
	const char *name;      /* as registered in libharu */
	HPDF_Font font;        /* NULL until first used */
	short *widths;         /* per BMP code point, -1 unknown; malloc'd */
	unsigned char *glyphs; /* per BMP code point: 0 unknown, 1 has a
	                          glyph, 2 lacks one; malloc'd */
	float ascent, descent; /* per 1000 */
} pdf_fontx;

struct pdf_doc {
	arena *a;
	const pdf_style *st;
	pdf_meta meta; /* strings copied into the arena */
	diags *d;
	HPDF_Doc h;
	HPDF_STATUS herr, hdetail; /* first libharu error */
	pdf_fontx *fonts;          /* by face */
	double pw, ph;             /* page size */
	double bw, bh;             /* body size */
	/* resolved engine styles */
	const pdf_pstyle *ps_body, *ps_header, *ps_footer, *ps_toc_title,
	    *ps_toc1, *ps_toc2, *ps_cell, *ps_head, *ps_field, *ps_check;
	pdf_color c_link, c_rule, c_header_rule, c_table_rule, c_table_fill,
	    c_code_bg, c_field, c_check, c_ruled;
	double list_indent, table_pad, table_rule_w, check_size, check_gap,
	    field_rule_w, ruled_w, rule_w, header_rule_w, toc_indent, tag_pad,
	    bar_gap, field_gap, mark_pad, min_text_w, table_min_col,
	    table_min_font;
	/* flow */
	pdf_block **flow;
	size_t nflow, flowcap;
	pdf_block **all; /* every block, cells included, for freeing */
	size_t nall, allcap;
	const char *toc_title;
	/* layout */
	bool laid_out;
	pdf_slice *slices;
	size_t nslices, slicecap;
	pdf_page *pages;
	size_t npages, pagecap;
	hmap anchors;          /* name -> pdf_anchor (arena) */
	unsigned char *warned; /* code points reported as unprintable
	                          (a bit each), NULL: none yet */
	/* bytes measured and runs visited so far: layout must stay linear
	 * in the text, which a unit test checks with this count */
	size_t work;
	char date[32]; /* from SOURCE_DATE_EPOCH, or "" */
	long long epoch;
	bool has_epoch;
};

/* pdf.c */
pdf_block *pdf_block_new(pdf_doc *doc, pdf_bkind kind, bool in_flow);
int pdf_face_of(const pdf_doc *doc, int family, bool bold, bool italic);
/* Whether face has a glyph for code point cp (true when it cannot tell). */
bool pdf_face_has(pdf_doc *doc, int face, uint32_t cp);
double pdf_text_width(pdf_doc *doc, int face, double size, const char *s,
                      size_t n);
pdf_fontx *pdf_font(pdf_doc *doc, int face);

/* pdf_text.c: the widest unbreakable piece of text (for table columns). */
double pdf_widest_word(const char *text, size_t len, const char *lang,
                       pdf_measure_fn m, void *ctx);

/* pdf_render.c */
int pdf_render(pdf_doc *doc);
/* s cut to fit width, with an ellipsis; returns a string in the arena. */
const char *pdf_fit_text(pdf_doc *doc, int face, double size, const char *s,
                         double width);

#endif
