/*
 * site_md.c - catalogue Markdown into XHTML elements of the site document.
 *
 * The cmark AST from md_parse() is walked with an iterator (no recursion,
 * so deeply nested input cannot exhaust the stack) and every node becomes
 * an element built with libxml2's tree API, so text is always text: raw
 * HTML shows as literal text, link and image targets pass md_url_safe()
 * or the link is dropped (its text stays), images are never loaded.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/md.h"
#include "base/xml.h"
#include "site.h"

typedef struct frame {
	xmlNodePtr el;   /* where children go */
	bool header_row; /* inside a table header row */
	int cell;        /* next cell index in a row */
} frame;

static bool tight_item(cmark_node *n)
{
	cmark_node *item = cmark_node_parent(n);
	if (!item || cmark_node_get_type(item) != CMARK_NODE_ITEM)
		return false;
	cmark_node *list = cmark_node_parent(item);
	return list && cmark_node_get_list_tight(list);
}

/* Literal text of a raw HTML node, without its final line break. */
static void add_literal_trimmed(xmlNodePtr parent, const char *s)
{
	if (!s)
		return;
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	char *t = xstrndup(s, n);
	xml_text(parent, t);
	free(t);
}

void site_md_append(xmlNodePtr parent, const char *markdown, int heading_shift)
{
	if (!markdown)
		return;
	cmark_node *doc = md_parse(markdown, strlen(markdown));
	frame *stack = NULL;
	size_t depth = 0, cap = 0;
	frame top = {parent, false, 0};
	VEC_PUSH(stack, depth, cap, top);

	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		frame *cur = &stack[depth - 1];
		if (ev == CMARK_EVENT_EXIT) {
			if (n != doc && depth > 1)
				depth--;
			continue;
		}
		/* leaves: ENTER only */
		switch (t) {
		case CMARK_NODE_TEXT:
			xml_text(cur->el, cmark_node_get_literal(n));
			continue;
		case CMARK_NODE_SOFTBREAK:
			xml_text(cur->el, "\n");
			continue;
		case CMARK_NODE_LINEBREAK:
			xml_el(cur->el, "br");
			continue;
		case CMARK_NODE_CODE: {
			xmlNodePtr c = xml_el(cur->el, "code");
			xml_text(c, cmark_node_get_literal(n));
			continue;
		}
		case CMARK_NODE_HTML_INLINE:
			/* Shown as the text the author wrote, never as markup.
			 */
			xml_text(cur->el, cmark_node_get_literal(n));
			continue;
		case CMARK_NODE_HTML_BLOCK: {
			xmlNodePtr p = xml_el(cur->el, "p");
			xml_attr(p, "class", "raw-html");
			add_literal_trimmed(p, cmark_node_get_literal(n));
			continue;
		}
		case CMARK_NODE_CODE_BLOCK: {
			xmlNodePtr pre = xml_el(cur->el, "pre");
			xmlNodePtr c = xml_el(pre, "code");
			xml_text(c, cmark_node_get_literal(n));
			continue;
		}
		case CMARK_NODE_THEMATIC_BREAK:
			xml_el(cur->el, "hr");
			continue;
		default:
			break;
		}
		if (n == doc)
			continue; /* the document is the parent itself */

		/* containers: ENTER pushes a frame, EXIT pops it */
		frame f = {cur->el, false, 0};
		/* Beyond MD_MAX_DEPTH levels (depth, the frames on the
		 * stack, is n's level), containers add no element of their
		 * own: the text still shows, and libxslt (which copies trees
		 * recursively) never meets a pathological depth. */
		bool deep = depth > MD_MAX_DEPTH;
		if (t == CMARK_NODE_PARAGRAPH) {
			if (!tight_item(n) && !deep)
				f.el = xml_el(cur->el, "p");
		} else if (t == CMARK_NODE_HEADING) {
			int level =
			    cmark_node_get_heading_level(n) + heading_shift;
			if (level > 6)
				level = 6;
			if (level < 1)
				level = 1;
			char name[4];
			snprintf(name, sizeof(name), "h%d", level);
			f.el = xml_el(cur->el, name);
		} else if (deep) {
			/* keep the content, add no element */
		} else if (t == CMARK_NODE_BLOCK_QUOTE) {
			f.el = xml_el(cur->el, "blockquote");
		} else if (t == CMARK_NODE_LIST) {
			bool ordered =
			    cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
			f.el = xml_el(cur->el, ordered ? "ol" : "ul");
			int start = cmark_node_get_list_start(n);
			if (ordered && start != 1)
				xml_attrf(f.el, "start", "%d", start);
		} else if (t == CMARK_NODE_ITEM) {
			f.el = xml_el(cur->el, "li");
		} else if (t == CMARK_NODE_EMPH) {
			f.el = xml_el(cur->el, "em");
		} else if (t == CMARK_NODE_STRONG) {
			f.el = xml_el(cur->el, "strong");
		} else if (t == CMARK_NODE_STRIKETHROUGH) {
			f.el = xml_el(cur->el, "del");
		} else if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
			const char *url = cmark_node_get_url(n);
			if (md_url_safe(url) && *url) {
				f.el = xml_el(cur->el, "a");
				xml_attr(f.el, "href", url);
				const char *title = cmark_node_get_title(n);
				if (title && *title)
					xml_attr(f.el, "title", title);
				if (t == CMARK_NODE_IMAGE)
					xml_attr(f.el, "class", "image-link");
				if (!cmark_node_first_child(n))
					xml_text(f.el, url);
			}
		} else if (t == CMARK_NODE_TABLE) {
			xmlNodePtr wrap = xml_el(cur->el, "div");
			xml_attr(wrap, "class", "table-wrap");
			f.el = xml_el(wrap, "table");
		} else if (t == CMARK_NODE_TABLE_ROW) {
			bool head =
			    cmark_gfm_extensions_get_table_row_is_header(n);
			const char *sect = head ? "thead" : "tbody";
			xmlNodePtr s = cur->el->last;
			if (!s || s->type != XML_ELEMENT_NODE ||
			    strcmp((const char *)s->name, sect) != 0)
				s = xml_el(cur->el, sect);
			f.el = xml_el(s, "tr");
			f.header_row = head;
		} else if (t == CMARK_NODE_TABLE_CELL) {
			f.el = xml_el(cur->el, cur->header_row ? "th" : "td");
			cmark_node *table =
			    cmark_node_parent(cmark_node_parent(n));
			uint16_t ncols =
			    table
			        ? cmark_gfm_extensions_get_table_columns(table)
			        : 0;
			uint8_t *al =
			    table ? cmark_gfm_extensions_get_table_alignments(
			                table)
			          : NULL;
			int i = cur->cell++;
			if (al && i < ncols && (al[i] == 'c' || al[i] == 'r'))
				xml_attr(f.el, "class",
				         al[i] == 'c' ? "align-center"
				                      : "align-right");
		}
		/* anything else (footnotes, unknown extensions): content only
		 */
		VEC_PUSH(stack, depth, cap, f);
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	free(stack);
}

void site_mark_lang(xmlNodePtr e, const char *lang, const char *actual)
{
	xml_attr(e, "lang", lang);
	if (strcmp(lang, actual) != 0)
		xml_attr(e, "text-lang", actual);
}

/* <NAME lang=".."> per language: the XHTML of the Markdown, or its plain
 * text when plain is set. */
static void prose_els(xmlNodePtr parent, const char *name, const vc_prose *p,
                      const char *const *langs, size_t nlangs,
                      int heading_shift, bool plain)
{
	for (size_t i = 0; p && p->n && i < nlangs; i++) {
		const char *t = prose_get(p, langs[i]);
		const char *actual = t ? langs[i] : p->tr[0].lang;
		if (!t)
			t = p->tr[0].text;
		xmlNodePtr e = xml_el(parent, name);
		site_mark_lang(e, langs[i], actual);
		if (plain) {
			char *s = md_plain_text(t);
			xml_text(e, s);
			free(s);
		} else {
			site_md_append(e, t, heading_shift);
		}
	}
}

void site_prose_xhtml(xmlNodePtr parent, const char *name, const vc_prose *p,
                      const char *const *langs, size_t nlangs,
                      int heading_shift)
{
	prose_els(parent, name, p, langs, nlangs, heading_shift, false);
}

void site_prose_plain(xmlNodePtr parent, const char *name, const vc_prose *p,
                      const char *const *langs, size_t nlangs)
{
	prose_els(parent, name, p, langs, nlangs, 0, true);
}
