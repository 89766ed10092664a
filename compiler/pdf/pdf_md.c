/*
 * pdf_md.c - Markdown prose (the cmark-gfm AST from md_parse) laid out as
 * engine blocks: paragraphs of styled runs, bullet and numbered lists,
 * block quotes, code blocks, rules and tables. Raw HTML is shown as text,
 * never interpreted; link targets pass md_url_safe().
 *
 * The walk recurses once per level of nesting, and only down to
 * MD_MAX_DEPTH: an element deeper than that becomes its plain text
 * (collected with an iterator), so hostile input such as 60,000 '>' or a
 * list nested 150,000 deep costs no stack.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/md.h"
#include "pdf_int.h"

typedef struct mdctx {
	pdf_doc *doc;
	const pdf_pstyle *ps;    /* paragraphs */
	const pdf_pstyle *tight; /* paragraphs of tight list items */
	const char *marker;      /* for the next paragraph (list item) */
	double hang;
} mdctx;

/* The text of node n and all below it, for an element beyond
 * MD_MAX_DEPTH: collected with an iterator, never by recursion. Line
 * breaks stay, every block (paragraph, heading, item, table row) ends a
 * line, table cells are set apart by spaces. Caller frees. */
static char *flat_text(cmark_node *n)
{
	buf b = {0};
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *m = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(m);
		const char *lit = cmark_node_get_literal(m);
		if (ev == CMARK_EVENT_ENTER) {
			if (t == CMARK_NODE_SOFTBREAK)
				buf_putc(&b, ' ');
			else if (t == CMARK_NODE_LINEBREAK)
				buf_putc(&b, '\n');
			else if (md_is_leaf(m) && lit)
				buf_puts(&b, lit);
		} else if (t == CMARK_NODE_TABLE_CELL) {
			buf_putc(&b, ' ');
		} else if (t == CMARK_NODE_PARAGRAPH ||
		           t == CMARK_NODE_HEADING || t == CMARK_NODE_ITEM ||
		           t == CMARK_NODE_TABLE_ROW) {
			while (b.len && b.data[b.len - 1] == ' ')
				b.data[--b.len] = '\0';
			if (b.len && b.data[b.len - 1] != '\n')
				buf_putc(&b, '\n');
		}
	}
	cmark_iter_free(it);
	while (b.len && (b.data[b.len - 1] == '\n' || b.data[b.len - 1] == ' '))
		b.data[--b.len] = '\0';
	return buf_detach(&b);
}

/* Appends text to b, linked to uri when there is one. */
static void text_run(pdf_block *b, const char *text, unsigned flags,
                     const char *uri)
{
	if (uri)
		pdf_run_uri(b, text, flags, uri);
	else
		pdf_run(b, text, flags);
}

/* The inline children of parent (at nesting level plevel) as runs of b. */
static void inlines(pdf_block *b, cmark_node *parent, unsigned flags,
                    const char *uri, int plevel)
{
	int level = plevel + 1;
	for (cmark_node *n = cmark_node_first_child(parent); n;
	     n = cmark_node_next(n)) {
		cmark_node_type t = cmark_node_get_type(n);
		const char *lit = cmark_node_get_literal(n);
		if (level > MD_MAX_DEPTH && !md_is_leaf(n)) {
			char *s = flat_text(n);
			if (s && *s)
				text_run(b, s, flags, uri);
			free(s);
			continue;
		}
		switch (t) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_HTML_INLINE:
			text_run(b, lit ? lit : "", flags, uri);
			break;
		case CMARK_NODE_CODE:
			text_run(b, lit ? lit : "", flags | PDF_CODE, uri);
			break;
		case CMARK_NODE_SOFTBREAK:
			pdf_run(b, " ", flags);
			break;
		case CMARK_NODE_LINEBREAK:
			pdf_run(b, "\n", flags);
			break;
		case CMARK_NODE_EMPH:
			inlines(b, n, flags | PDF_ITALIC, uri, level);
			break;
		case CMARK_NODE_STRONG:
			inlines(b, n, flags | PDF_BOLD, uri, level);
			break;
		case CMARK_NODE_LINK: {
			const char *u = cmark_node_get_url(n);
			inlines(b, n, flags, u && md_url_safe(u) ? u : NULL,
			        level);
			break;
		}
		case CMARK_NODE_IMAGE: /* its description stands in */
			inlines(b, n, flags, uri, level);
			break;
		default:
			if (t == CMARK_NODE_STRIKETHROUGH)
				inlines(b, n, flags | PDF_STRIKE, uri, level);
			else
				inlines(b, n, flags, uri, level);
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

/* Node n, an element beyond MD_MAX_DEPTH, as a paragraph of its text. */
static void flat_para(mdctx *c, cmark_node *n, const pdf_pstyle *ps,
                      double indent)
{
	char *s = flat_text(n);
	if (s && *s)
		pdf_run(para(c, ps, indent), s, 0);
	free(s);
}

/* Table n at nesting level level (its cells two levels deeper). */
static void table(mdctx *c, cmark_node *n, double indent, int level)
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
			inlines(pdf_table_cell(t), cl, 0, NULL, level + 2);
		for (; k < ncols; k++)
			pdf_table_cell(t);
	}
}

/* The block children of parent (at nesting level plevel); depth counts
 * the lists around them (for the bullet). */
static void blocks(mdctx *c, cmark_node *parent, double indent, bool tight,
                   int depth, int plevel)
{
	pdf_doc *doc = c->doc;
	int level = plevel + 1;
	for (cmark_node *n = cmark_node_first_child(parent); n;
	     n = cmark_node_next(n)) {
		cmark_node_type t = cmark_node_get_type(n);
		const pdf_pstyle *ps = tight ? c->tight : c->ps;
		/* a table is whole or flat: its cells must be within the
		 * limit too */
		if (!md_is_leaf(n) &&
		    (level > MD_MAX_DEPTH ||
		     (t == CMARK_NODE_TABLE && level + 2 > MD_MAX_DEPTH))) {
			flat_para(c, n, ps, indent);
			continue;
		}
		switch (t) {
		case CMARK_NODE_PARAGRAPH:
			inlines(para(c, ps, indent), n, 0, NULL, level);
			break;
		case CMARK_NODE_HEADING: {
			pdf_block *b = para(c, ps, indent);
			pdf_block_keep_next(b);
			inlines(b, n, PDF_BOLD, NULL, level);
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
			blocks(c, n, indent + doc->list_indent, false, depth,
			       level);
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
				if (level + 1 > MD_MAX_DEPTH)
					flat_para(c, it, tl ? c->tight : c->ps,
					          li);
				else
					blocks(c, it, li, tl, depth + 1,
					       level + 1);
				c->marker = NULL;
			}
			break;
		}
		default:
			if (t == CMARK_NODE_TABLE)
				table(c, n, indent, level);
			else
				blocks(c, n, indent, tight, depth, level);
			break;
		}
	}
}

void pdf_markdown(pdf_doc *doc, const char *md, const pdf_pstyle *ps,
                  double indent)
{
	pdf_markdown_into(doc, NULL, md, ps, indent);
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
	if (lead && first &&
	    cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
		inlines(lead, first, 0, NULL, 1);
		cmark_node_free(first); /* unlinks it */
	}
	blocks(&c, root, indent, false, 0, 0);
	cmark_node_free(root);
}
