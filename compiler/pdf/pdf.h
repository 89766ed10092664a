/*
 * pdf/ - the PDF layout engine on libharu: styles and furniture texts
 * (pdf_style.c), line breaking (pdf_text.c), Markdown (pdf_md.c), layout
 * (pdf.c) and drawing (pdf_render.c). It knows blocks, not catalogues:
 * the documents that use it are in backend/.
 *
 * pdf.h - the PDF layout engine every PDF back end shares (questionnaire,
 * audit reports, label certificates, release notes).
 *
 * A back end describes a document as a flow of blocks: headings (with
 * outline and table-of-contents entries), paragraphs of styled runs,
 * Markdown prose, lists, tables whose header rows repeat on every page they
 * span, form elements (labelled boxes, checkboxes, ruled lines), rules and
 * page breaks. pdf_write() then lays the flow out in three steps:
 *
 *   1. flatten: every block becomes vertical slices (a line of text, a
 *      table row, a row of checkboxes) holding positioned drawing items;
 *      lines are broken by our own breaker (Unicode line-breaking rules via
 *      libunibreak, glyph widths from the embedded fonts);
 *   2. paginate: slices are placed on pages; keep-with-next chains
 *      (headings, widow and orphan lines, keep groups) move to the next
 *      page together; table header rows are repeated;
 *   3. render: libharu draws the items, the running header and footer with
 *      "page X of Y", page numbers in the table of contents, link
 *      annotations and the outline, once the page of every anchor is known.
 *
 * Looks (fonts, sizes, colours, margins) come from one style file
 * (templates/pdf/style.yaml); C code names styles, never sizes.
 *
 * Text is UTF-8. Every run has its own font (family, bold, italic), so
 * scripts that need another font can be set per run. A family may name
 * fallback families in the style file, tried in order: characters that
 * its fonts lack are set in the first fallback that has them (arrows,
 * symbols), in runs (paragraphs, table cells, the table of contents);
 * the running header and footer, markers and drawings use their own font
 * only. A character that no font available to it has prints as an empty
 * box, and one outside the Basic Multilingual Plane as U+FFFD: either is
 * a warning to the document's diags (once per character, naming U+XXXX
 * and the text around it), never an error.
 *
 * Indents (block, table, list) never leave the text less than the style's
 * min-text-width: deeper levels stop moving right.
 *
 * Ownership: a pdf_style owns everything read from its file and must
 * outlive the documents using it. A pdf_doc owns its blocks, runs, copies
 * of all strings passed in, and the libharu document; pdf_free() releases
 * all of it. Block, table and paragraph handles stay valid until then.
 */
#ifndef VCSC_PDF_H
#define VCSC_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"

/* ---- style ---- */

typedef struct pdf_color {
	float r, g, b;
} pdf_color;

enum { PDF_LEFT, PDF_CENTER, PDF_RIGHT };

/* A paragraph style, as read from the style file. */
typedef struct pdf_pstyle {
	const char *name;
	int family; /* index into the style's font families */
	bool bold, italic;
	double size, leading; /* points */
	pdf_color color;
	double space_before, space_after;
	double indent;    /* left indent */
	int align;        /* PDF_LEFT, PDF_CENTER, PDF_RIGHT */
	double bar_width; /* a vertical bar left of the text, 0: none */
	pdf_color bar_color;
	srcpos pos;
} pdf_pstyle;

typedef struct pdf_style pdf_style;

/* Reads a style file (see templates/pdf/style.yaml for the keys). Font
 * files named in it must exist and be readable; relative paths are taken
 * from the style file's directory. Returns NULL after reporting to d. */
pdf_style *pdf_style_load(const char *path, diags *d);
void pdf_style_free(pdf_style *st);

/* Named look-ups; report to d and return NULL / -1 when the style file
 * lacks the name (user is the document asking, for the message). */
const pdf_pstyle *pdf_style_para(const pdf_style *st, const char *name,
                                 const char *user, diags *d);
int pdf_style_color(const pdf_style *st, const char *name, const char *user,
                    diags *d, pdf_color *out);
/* Parses a colour written #rrggbb. Returns 0, or -1 when it is not. */
int pdf_color_parse(const char *s, pdf_color *out);
int pdf_style_size(const pdf_style *st, const char *name, const char *user,
                   diags *d, double *out);
/* A font family by name (for pdf_run_family), or -1 after reporting. */
int pdf_style_family(const pdf_style *st, const char *name, const char *user,
                     diags *d);

/* The looks every vcsc document shares: the paragraph styles of its
 * cover, headings and body text, and the space above the cover title. */
typedef struct pdf_base_styles {
	const pdf_pstyle *body, *title, *subtitle, *h1, *h2, *h3, *meta;
	double cover_space;
} pdf_base_styles;

/* One more name a document needs from the style file and where it goes:
 * exactly one of para, color and size is set, naming a paragraph style
 * (under styles:), a colour (colours:) or a size (sizes:). */
typedef struct pdf_style_want {
	const char *name;
	const pdf_pstyle **para;
	pdf_color *color;
	double *size;
} pdf_style_want;

/* Looks up the shared styles into *base (unless base is NULL, as for the
 * engine's own) and every want of the document,
 * paragraph styles, colours and sizes in turn (the shared ones first,
 * then the wants in their order), reporting each missing name as
 * pdf_style_para etc. do, so that one run names them all. A document
 * keeps its looks as such a table, never as sizes in code. Returns 0, or
 * -1 when anything was missing. */
int pdf_style_resolve(const pdf_style *st, pdf_base_styles *base,
                      const pdf_style_want *wants, size_t n, const char *user,
                      diags *d);

/* ---- texts per language (labels of a document's own furniture) ---- */

typedef struct pdf_texts pdf_texts;

/* Reads a file mapping keys to translations ({key: {en: ..., de: ...}})
 * and picks language lang. Every key in keys[] must be present with a
 * translation in lang, and no other key may appear; otherwise reports to
 * d (with positions) and returns NULL. */
pdf_texts *pdf_texts_load(const char *path, const char *lang,
                          const char *const *keys, size_t nkeys, diags *d);
/* The text of key (one of the keys given to pdf_texts_load). */
const char *pdf_text_get(const pdf_texts *t, const char *key);
/* The text of key with every {name} replaced as pdf_text_fill does
 * (the furniture of a document: "page {page} of {pages}", "version
 * {version} of {date}"). The result lives with t. */
const char *pdf_text_format(const pdf_texts *t, const char *key,
                            const char *const *kv, size_t n);
void pdf_texts_free(pdf_texts *t);

/* The templates of one PDF document: the style file all documents share
 * and the document's own texts file, in one language. */
typedef struct pdf_templates {
	pdf_style *style;
	pdf_texts *texts;
} pdf_templates;

/* Loads style_path (NULL: TEMPLATES/pdf/style.yaml) and
 * TEMPLATES/pdf/NAME.yaml in lang with the keys the document uses. A
 * file that is not there is one error naming both files and how to point
 * at them (d->io_failed set). Returns 0, or -1 after reporting (t then
 * holds what loaded, for pdf_templates_free). */
int pdf_templates_load(pdf_templates *t, const char *templates_dir,
                       const char *style_path, const char *name,
                       const char *lang, const char *const *keys, size_t nkeys,
                       diags *d);
void pdf_templates_free(pdf_templates *t);
/* fmt with every {name} replaced by the value that follows name in kv
 * (n strings: name, value, name, value ...; a NULL value is empty).
 * Unknown {names} stay as they are. The result lives in arena a. */
char *pdf_text_fill(arena *a, const char *fmt, const char *const *kv, size_t n);

/* ---- documents ---- */

typedef enum { PDF_A4, PDF_LETTER } pdf_paper;

/* "a4" or "letter" (any case); 0, or -1 when unknown. */
int pdf_paper_parse(const char *s, pdf_paper *out);

typedef struct pdf_meta {
	pdf_paper paper;
	const char *lang; /* document language, e.g. "de" */
	const char *title, *subject, *author, *keywords; /* metadata */
	const char *doc_id;                              /* footer, left */
	const char *classification;                      /* footer, centre */
	const char *header_left, *header_right;          /* running header */
	/* footer, right: "{page}" and "{pages}" are replaced */
	const char *page_format;
	bool plain_first_page; /* no running header on page 1 */
	/* A mark across every page ("DRAFT"), diagonal, in the font, size
	 * and colour of watermark_style, with this fill opacity (0: opaque);
	 * NULL: none. */
	const char *watermark;
	const pdf_pstyle *watermark_style;
	double watermark_opacity;
	bool landscape; /* the paper turned on its side */
	bool bare;      /* no running header or footer at all (a page
	                   designed whole, such as a certificate) */
	/* More entries of the Info dictionary: ninfo names and values
	 * (name, value, name, value ...; names are PDF names without the
	 * slash, values plain ASCII strings). */
	const char *const *info;
	size_t ninfo;
} pdf_meta;

typedef struct pdf_doc pdf_doc;
typedef struct pdf_block pdf_block;
typedef struct pdf_table pdf_table;

/* Starts a document (loading the style's fonts into libharu). Reads
 * SOURCE_DATE_EPOCH for the creation date; without it the file carries no
 * date. Returns NULL after reporting to d. */
pdf_doc *pdf_new(const pdf_style *st, const pdf_meta *m, diags *d);
void pdf_free(pdf_doc *doc);

/* Width of the text area in points (page width minus margins). */
double pdf_body_width(const pdf_doc *doc);
/* Height of the text area (page height minus top and bottom margins). */
double pdf_body_height(const pdf_doc *doc);

/* Run flags. */
enum {
	PDF_BOLD = 1,
	PDF_ITALIC = 2,
	PDF_CODE = 4,       /* monospace family, light background */
	PDF_STRIKE = 8,     /* struck through (a line at mid x-height) */
	PDF_UNDERLINE = 16, /* a line below the baseline */
};

/* A paragraph in style ps. Append its text with pdf_run*(). */
pdf_block *pdf_para(pdf_doc *doc, const pdf_pstyle *ps);
/* A paragraph holding text (may be NULL) in one run. */
pdf_block *pdf_para_text(pdf_doc *doc, const pdf_pstyle *ps, const char *text);
/* Appends text (UTF-8; "\n" breaks the line) with flags. */
void pdf_run(pdf_block *b, const char *text, unsigned flags);
/* Appends text that links to a URI (only if md_url_safe) ... */
void pdf_run_uri(pdf_block *b, const char *text, unsigned flags,
                 const char *uri);
/* ... or to an anchor of this document (see pdf_block_anchor). */
void pdf_run_ref(pdf_block *b, const char *text, unsigned flags,
                 const char *anchor);
/* Appends text set in another font family (e.g. one with CJK glyphs). */
void pdf_run_family(pdf_block *b, const char *text, unsigned flags, int family);
/* Appends text in colour fg on a filled background bg (a tag). */
void pdf_run_tag(pdf_block *b, const char *text, unsigned flags, pdf_color fg,
                 pdf_color bg);
/* Appends text in colour fg (strike-through and underline lines take it
 * too), over a background bg when bg is not NULL, padded by the style's
 * mark-padding on either side: marked text such as the insertions and
 * deletions of a word diff. */
void pdf_run_color(pdf_block *b, const char *text, unsigned flags, pdf_color fg,
                   const pdf_color *bg);

/* A heading: a paragraph kept with what follows, with an outline entry at
 * level (1 = top) and, if toc, an entry in the table of contents. anchor
 * names its position for links (NULL: none). */
pdf_block *pdf_heading(pdf_doc *doc, const pdf_pstyle *ps, int level,
                       const char *text, const char *anchor, bool toc);

/* Block properties. */
void pdf_block_anchor(pdf_block *b, const char *anchor);
void pdf_block_outline(pdf_block *b, int level, const char *title);
void pdf_block_toc(pdf_block *b, int level, const char *title);
void pdf_block_keep_next(pdf_block *b);    /* same page as the next */
void pdf_block_break_before(pdf_block *b); /* start a new page */
void pdf_block_indent(pdf_block *b, double left);
/* A marker ("•", "3.", "1.2.a") set hang points left of the first line,
 * in the paragraph's style with flags (PDF_BOLD ...). */
void pdf_block_marker(pdf_block *b, const char *marker, double hang,
                      unsigned flags);

/* Markdown prose (CommonMark + GitHub tables) as blocks in style ps:
 * paragraphs, bold, italic, code, links, lists, tables, quotes, code
 * blocks. Headings become bold paragraphs. indent shifts everything. */
void pdf_markdown(pdf_doc *doc, const char *md, const pdf_pstyle *ps,
                  double indent);
/* The same, continuing paragraph lead (already in the flow, holding e.g.
 * a tag) with the first Markdown paragraph; lead stays a paragraph of its
 * own when the prose does not start with one. A NULL lead is
 * pdf_markdown. */
void pdf_markdown_into(pdf_doc *doc, pdf_block *lead, const char *md,
                       const pdf_pstyle *ps, double indent);

/* Tables. Cells are paragraphs: add runs to the block returned by
 * pdf_table_cell(). Rows split across pages between rows; the header rows
 * are repeated at the top of every page the table continues on. A table
 * whose columns cannot all be the style's table-min-column-width wide is
 * set in a smaller font (down to table-min-font-size) and, where that is
 * not enough, split into groups of columns set one below the other; a
 * warning to the document's diags says which. */
pdf_table *pdf_table_new(pdf_doc *doc, size_t ncols, const pdf_pstyle *cell,
                         const pdf_pstyle *head);
/* Column widths as fractions of the width (default: from the content).
 * Either way a column is at least as wide as its longest word (header
 * and cells) where the table's width allows; where the longest words do
 * not fit side by side, the widest give way first. */
void pdf_table_widths(pdf_table *t, const double *fractions);
void pdf_table_align(pdf_table *t, size_t col, int align);
/* Every body row at least this tall (room to write in). */
void pdf_table_min_height(pdf_table *t, double h);
void pdf_table_indent(pdf_table *t, double left);
void pdf_table_row(pdf_table *t, bool header);
pdf_block *pdf_table_cell(pdf_table *t);

/* Form elements. */
/* A row of labelled boxes to write in: widths are fractions of the text
 * width (NULL: equal), height in points. */
void pdf_fields(pdf_doc *doc, size_t n, const char *const *labels,
                const double *widths, double height);
/* Checkboxes with labels in style ps, flowed across the width. */
void pdf_checkboxes(pdf_doc *doc, const pdf_pstyle *ps, size_t n,
                    const char *const *labels, double indent);
/* n ruled lines to write on, spacing apart, with an optional label in
 * style ps above them. */
void pdf_ruled_lines(pdf_doc *doc, const pdf_pstyle *ps, const char *label,
                     int n, double spacing, double indent);

/* A drawing of w x h points in the flow, aligned PDF_LEFT, PDF_CENTER or
 * PDF_RIGHT (a QR code, a seal). Its elements are placed in points from
 * its top-left corner, y downwards. stroke 0 fills the rectangle. */
pdf_block *pdf_drawing(pdf_doc *doc, double w, double h, int align);
void pdf_draw_rect(pdf_block *b, double x, double y, double w, double h,
                   pdf_color c, double stroke);
void pdf_draw_line(pdf_block *b, double x1, double y1, double x2, double y2,
                   pdf_color c, double width);
void pdf_draw_text(pdf_block *b, double x, double baseline,
                   const pdf_pstyle *ps, unsigned flags, const char *text);
/* A circle around (cx, cy) of radius r; stroke 0 fills it. */
void pdf_draw_circle(pdf_block *b, double cx, double cy, double r, pdf_color c,
                     double stroke);
/* The width in points that pdf_draw_text gives text in ps with flags
 * (to centre or right-align it in a drawing). */
double pdf_draw_text_width(pdf_block *b, const pdf_pstyle *ps, unsigned flags,
                           const char *text);

/* ---- charts and signatures (pdf_chart.c) ---- */

/* One bar of a bar chart: its label, its value from 0 to 1, and the text
 * printed right of the bar ("83 %"). */
typedef struct pdf_bar {
	const char *label;
	double value;
	const char *value_text;
} pdf_bar;

/* The look of a bar chart, which the document resolves from the style
 * file (pdf_style_resolve) like its other looks. */
typedef struct pdf_chart_look {
	const pdf_pstyle *label; /* row labels, value texts, tick labels */
	pdf_color bar, track, grid;
	double bar_height;  /* of each bar */
	double row_gap;     /* between two bars */
	double label_width; /* the column of row labels */
} pdf_chart_look;

/* A horizontal bar chart drawn as vector graphics, the full text width:
 * a row per bar (label, a track with the bar over it, the value text),
 * vertical grid lines at the nticks tick positions (evenly from 0 to 1)
 * with tick_labels above the first row. A label too long for its column
 * is cut with an ellipsis (put the full names in a table beside it).
 * Rows are kept together and split across pages only when the chart is
 * longer than a page; the tick labels stay with the first row. */
void pdf_bar_chart(pdf_doc *doc, const pdf_chart_look *look,
                   const pdf_bar *bars, size_t n,
                   const char *const *tick_labels, size_t nticks);

/* A signature block: n columns side by side (widths: fractions of the
 * text width, NULL: equal), each with height points of room to sign
 * above a line and its caption below the line in style ps (lines
 * separated by "\n", each cut to the column). Kept on one page. */
void pdf_signature(pdf_doc *doc, const pdf_pstyle *ps, size_t n,
                   const char *const *captions, const double *widths,
                   double height);

/* A horizontal rule, vertical space, a page break. */
void pdf_rule(pdf_doc *doc, double indent);
void pdf_space(pdf_doc *doc, double h);
void pdf_page_break(pdf_doc *doc);

/* Everything added between begin and end stays on one page if it fits on
 * one page. */
void pdf_keep_begin(pdf_doc *doc);
void pdf_keep_end(pdf_doc *doc);

/* The table of contents here: the entries given to pdf_block_toc (and
 * pdf_heading), each linked to its place, with right-aligned page
 * numbers, after a heading title (NULL: none). Entry styles: toc-1 for
 * level 1, toc-2 below (deeper levels indented by toc-indent). */
void pdf_toc(pdf_doc *doc, const char *title);

/* Lays out and writes the document to path atomically (temporary file,
 * rename). Returns 0; -1 after reporting a problem of the document (font,
 * libharu error) to d; -2 after reporting an I/O failure. */
int pdf_write(pdf_doc *doc, const char *path, diags *d);

/* Lays out only (pdf_write does it too); 0 or -1 after reporting. */
int pdf_layout(pdf_doc *doc, diags *d);

/* After layout: the number of pages, and where a block went (1-based
 * page of its first and last slice; its slices on one page). */
int pdf_page_count(const pdf_doc *doc);
int pdf_block_first_page(const pdf_block *b);
int pdf_block_last_page(const pdf_block *b);
int pdf_block_slices_on(const pdf_block *b, int page);
/* Table header rows placed on page (1-based): 1 where a table starts and
 * on every page it continues on (repeated), per header row. */
int pdf_page_header_rows(const pdf_doc *doc, int page);

/* ---- the line breaker (pdf_text.c) ---- */

/* Width in points of text[start, end). */
typedef double (*pdf_measure_fn)(void *ctx, const char *text, size_t start,
                                 size_t end);

typedef struct pdf_line {
	size_t start, end; /* bytes of the line, trailing spaces excluded */
	size_t next;       /* where the next line starts */
	double width;
} pdf_line;

/* Breaks UTF-8 text into lines at most width wide (the first line
 * first_width): Unicode line-breaking opportunities (UAX #14 for lang),
 * "\n" forces a break, spaces at a line end take no room, and a word wider
 * than the line is broken between characters. Returns the number of lines
 * (at least 1) and a malloc'd array in *lines. */
size_t pdf_break_lines(const char *text, size_t len, const char *lang,
                       double first_width, double width, pdf_measure_fn m,
                       void *ctx, pdf_line **lines);

#endif
