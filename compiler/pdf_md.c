/*
 * pdf_md.c - Markdown prose (the cmark-gfm AST from md_parse) laid out as
 * engine blocks: paragraphs of styled runs, bullet and numbered lists,
 * block quotes, code blocks, rules and tables. Raw HTML is shown as text,
 * never interpreted; link targets pass md_url_safe().
 */
#include <stdio.h>
#include <string.h>

#include "md.h"
#include "pdf_int.h"

typedef struct mdctx {
	pdf_doc *doc;
	const pdf_pstyle *ps;    /* paragraphs */
	const pdf_pstyle *tight; /* paragraphs of tight list items */
	const char *marker;      /* for the next paragraph (list item) */
	double hang;
} mdctx;

static void inlines(pdf_block *b, cmark_node *parent, unsigned flags,
                    const char *uri)
{
	for (cmark_node *n = cmark_node_first_child(parent); n;
	     n = cmark_node_next(n)) {
		cmark_node_type t = cmark_node_get_type(n);
		const char *lit = cmark_node_get_literal(n);
		switch (t) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_HTML_INLINE:
			if (uri)
				pdf_run_uri(b, lit ? lit : "", flags, uri);
			else
				pdf_run(b, lit ? lit : "", flags);
			break;
		case CMARK_NODE_CODE:
			if (uri)
				pdf_run_uri(b, lit ? lit : "", flags | PDF_CODE,
				            uri);
			else
				pdf_run(b, lit ? lit : "", flags | PDF_CODE);
			break;
		case CMARK_NODE_SOFTBREAK:
			pdf_run(b, " ", flags);
			break;
		case CMARK_NODE_LINEBREAK:
			pdf_run(b, "\n", flags);
			break;
		case CMARK_NODE_EMPH:
			inlines(b, n, flags | PDF_ITALIC, uri);
			break;
		case CMARK_NODE_STRONG:
			inlines(b, n, flags | PDF_BOLD, uri);
			break;
		case CMARK_NODE_LINK: {
			const char *u = cmark_node_get_url(n);
			inlines(b, n, flags, u && md_url_safe(u) ? u : NULL);
			break;
		}
		case CMARK_NODE_IMAGE: /* its description stands in */
			inlines(b, n, flags, uri);
			break;
		default:
			if (t == CMARK_NODE_STRIKETHROUGH)
				inlines(b, n, flags | PDF_STRIKE, uri);
			else
				inlines(b, n, flags, uri);
			break;
		}
	}
}

static pdf_block *para(mdctx *c, const pdf_pstyle *ps, double indent)
{
	pdf_block *b = pdf_para(c->doc, ps);
	pdf_block_indent(b, indent);
	if (c->marker) {
		pdf_block_marker(b, c->marker, c->hang, 0);
		c->marker = NULL;
	}
	return b;
}

static pdf_pstyle *derive(pdf_doc *doc, const pdf_pstyle *ps)
{
	return arena_memdup(doc->a, ps, sizeof(*ps));
}

static void table(mdctx *c, cmark_node *n, double indent)
{
	pdf_doc *doc = c->doc;
	size_t ncols = cmark_gfm_extensions_get_table_columns(n);
	uint8_t *al = cmark_gfm_extensions_get_table_alignments(n);
	pdf_pstyle *cell = derive(doc, c->ps);
	cell->space_before = doc->ps_cell->space_before;
	cell->space_after = doc->ps_cell->space_after;
	cell->indent = 0;
	cell->bar_width = 0;
	pdf_pstyle *head = derive(doc, cell);
	head->bold = true;
	pdf_table *t = pdf_table_new(doc, ncols, cell, head);
	pdf_table_indent(t, indent + c->ps->indent);
	for (size_t i = 0; al && i < ncols; i++)
		pdf_table_align(t, i,
		                al[i] == 'c'   ? PDF_CENTER
		                : al[i] == 'r' ? PDF_RIGHT
		                               : PDF_LEFT);
	for (cmark_node *row = cmark_node_first_child(n); row;
	     row = cmark_node_next(row)) {
		pdf_table_row(
		    t, cmark_gfm_extensions_get_table_row_is_header(row));
		size_t k = 0;
		for (cmark_node *cl = cmark_node_first_child(row);
		     cl && k < ncols; cl = cmark_node_next(cl), k++)
			inlines(pdf_table_cell(t), cl, 0, NULL);
		for (; k < ncols; k++)
			pdf_table_cell(t);
	}
}

static void blocks(mdctx *c, cmark_node *parent, double indent, bool tight,
                   int depth)
{
	pdf_doc *doc = c->doc;
	for (cmark_node *n = cmark_node_first_child(parent); n;
	     n = cmark_node_next(n)) {
		cmark_node_type t = cmark_node_get_type(n);
		const pdf_pstyle *ps = tight ? c->tight : c->ps;
		switch (t) {
		case CMARK_NODE_PARAGRAPH:
			inlines(para(c, ps, indent), n, 0, NULL);
			break;
		case CMARK_NODE_HEADING: {
			pdf_block *b = para(c, ps, indent);
			pdf_block_keep_next(b);
			inlines(b, n, PDF_BOLD, NULL);
			break;
		}
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_BLOCK: {
			const char *lit = cmark_node_get_literal(n);
			size_t len = lit ? strlen(lit) : 0;
			while (len && lit[len - 1] == '\n')
				len--;
			char *s = arena_strndup(doc->a, lit ? lit : "", len);
			pdf_run(para(c, ps, indent), s, PDF_CODE);
			break;
		}
		case CMARK_NODE_THEMATIC_BREAK:
			pdf_rule(doc, indent + ps->indent);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			blocks(c, n, indent + doc->list_indent, false, depth);
			break;
		case CMARK_NODE_LIST: {
			bool ordered =
			    cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
			bool paren =
			    cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM;
			int num = cmark_node_get_list_start(n);
			bool tl = cmark_node_get_list_tight(n);
			double li = indent + doc->list_indent;
			for (cmark_node *it = cmark_node_first_child(n); it;
			     it = cmark_node_next(it), num++) {
				char m[32];
				if (ordered)
					snprintf(m, sizeof(m), "%d%c", num,
					         paren ? ')' : '.');
				else
					snprintf(m, sizeof(m), "%s",
					         depth % 2 ? "\xe2\x80\x93"
					                   : "\xe2\x80\xa2");
				c->marker = arena_strdup(doc->a, m);
				c->hang = doc->list_indent;
				blocks(c, it, li, tl, depth + 1);
				c->marker = NULL;
			}
			break;
		}
		default:
			if (t == CMARK_NODE_TABLE)
				table(c, n, indent);
			else
				blocks(c, n, indent, tight, depth);
			break;
		}
	}
}

void pdf_markdown(pdf_doc *doc, const char *md, const pdf_pstyle *ps,
                  double indent)
{
	if (!md)
		return;
	cmark_node *root = md_parse(md, strlen(md));
	pdf_pstyle *tight = derive(doc, ps);
	tight->space_before = 0;
	tight->space_after = ps->space_after * 0.3;
	mdctx c = {doc, ps, tight, NULL, 0};
	blocks(&c, root, indent, false, 0);
	cmark_node_free(root);
}

void pdf_markdown_into(pdf_doc *doc, pdf_block *lead, const char *md,
                       const pdf_pstyle *ps, double indent)
{
	if (!md)
		return;
	cmark_node *root = md_parse(md, strlen(md));
	pdf_pstyle *tight = derive(doc, ps);
	tight->space_before = 0;
	tight->space_after = ps->space_after * 0.3;
	mdctx c = {doc, ps, tight, NULL, 0};
	cmark_node *first = cmark_node_first_child(root);
	if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
		inlines(lead, first, 0, NULL);
		cmark_node_free(first); /* unlinks it */
	}
	blocks(&c, root, indent, false, 0);
	cmark_node_free(root);
}
