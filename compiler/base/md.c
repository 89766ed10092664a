/*
 * md.c - parsing catalogue Markdown with cmark-gfm.
 */
#include "md.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-extension_api.h>

#include "util.h"

static const char *const extensions[] = {"table", "strikethrough", "autolink",
                                         "tagfilter"};

cmark_node *md_parse(const char *text, size_t len)
{
	cmark_gfm_core_extensions_ensure_registered();
	/* CMARK_OPT_VALIDATE_UTF8 always; never CMARK_OPT_UNSAFE. */
	cmark_parser *p = cmark_parser_new(CMARK_OPT_VALIDATE_UTF8);
	if (!p) {
		fputs("vcsc: out of memory\n", stderr);
		abort();
	}
	for (size_t i = 0; i < COUNT_OF(extensions); i++) {
		cmark_syntax_extension *e =
		    cmark_find_syntax_extension(extensions[i]);
		if (e)
			cmark_parser_attach_syntax_extension(p, e);
	}
	cmark_parser_feed(p, text, len);
	cmark_node *doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	if (!doc) {
		fputs("vcsc: out of memory\n", stderr);
		abort();
	}
	return doc;
}

bool md_is_leaf(const cmark_node *n)
{
	/* the types cmark_iter treats as leaves (iterator.c), the same list
	 * site_md.c handles on ENTER only */
	switch (cmark_node_get_type((cmark_node *)n)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
	case CMARK_NODE_CODE:
	case CMARK_NODE_HTML_INLINE:
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_THEMATIC_BREAK:
		return true;
	default:
		return false;
	}
}

/* An upper bound of the nesting depth of text, found without parsing.
 * Every block quote on a line takes a column of the line's prefix of
 * markers and indentation ('>'), every list item with its list at least
 * one (the marker, or the indentation of a continued item, at least two
 * columns whenever the item holds anything on that line); lazy lines
 * only continue a paragraph. A paragraph, heading or table with its row
 * and cell adds at most three levels. Inside them, every emphasis, strong
 * emphasis, strikethrough, link and image opens with a delimiter of its
 * own (* _ ~ [ <), except an autolink, which holds text only. */
static size_t depth_bound(const char *t, size_t len)
{
	size_t widest = 0, cols = 0, delims = 0;
	bool prefix = true;
	for (size_t i = 0; i < len; i++) {
		char ch = t[i];
		if (ch == '\n' || ch == '\r') {
			if (cols > widest)
				widest = cols;
			cols = 0;
			prefix = true;
			continue;
		}
		if (ch == '*' || ch == '_' || ch == '~' || ch == '[' ||
		    ch == '<')
			delims++;
		if (!prefix)
			continue;
		if (ch == '\t')
			cols += 4; /* to the next tab stop, at most 4 */
		else if (ch == ' ' || ch == '>' || ch == '-' || ch == '+' ||
		         ch == '*' || ch == '.' || ch == ')' ||
		         (ch >= '0' && ch <= '9'))
			cols++;
		else
			prefix = false;
	}
	if (cols > widest)
		widest = cols;
	return 2 * widest + 3 + delims + 1;
}

bool md_too_deep(const char *text, size_t len, int *depth, int *line, int *col)
{
	if (depth_bound(text, len) <= MD_MAX_DEPTH)
		return false;
	cmark_node *doc = md_parse(text, len);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int d = 0, max = 0;
	cmark_node *first = NULL;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (n == doc || md_is_leaf(n))
			continue;
		if (ev == CMARK_EVENT_EXIT) {
			d--;
			continue;
		}
		if (++d > max)
			max = d;
		if (d > MD_MAX_DEPTH && !first) {
			first = n;
			*line = cmark_node_get_start_line(n);
			*col = cmark_node_get_start_column(n);
		}
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	if (!first)
		return false;
	*depth = max;
	return true;
}

bool md_url_safe(const char *url)
{
	if (!url)
		return false;
	/* Refuse control characters and whitespace anywhere: browsers strip
	 * them, which turns "java\tscript:" into a live scheme. */
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p < 0x21 || *p == 0x7F)
			return false;
	/* A scheme is letters, digits, + - . before the first ':' that
	 * comes before any '/', '?' or '#'. */
	size_t n = strcspn(url, ":/?#");
	if (url[n] != ':')
		return true; /* relative reference */
	if (n == 0)
		return false;
	char scheme[16];
	if (n >= sizeof(scheme))
		return false;
	for (size_t i = 0; i < n; i++)
		scheme[i] = (char)tolower((unsigned char)url[i]);
	scheme[n] = '\0';
	return strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0 ||
	       strcmp(scheme, "mailto") == 0;
}

/* Appends the text of node and its descendants to b: text, code and code
 * blocks as written, breaks as spaces, a space after each paragraph,
 * heading, list item and table cell. For the search index (search),
 * white space before the end of such a block is dropped first and a list
 * item that does not end in punctuation ends in "; " instead, so that a
 * snippet of a list still reads as one; returns the length of b after
 * the last "; " added (0 if none), so that a final one can go. Raw HTML
 * is left out (the pages show it as literal text; it is never worth
 * finding). */
static size_t walk_text(cmark_node *node, buf *b, bool search)
{
	size_t added = 0;
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (ev == CMARK_EVENT_ENTER) {
			if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE ||
			    t == CMARK_NODE_CODE_BLOCK) {
				const char *s = cmark_node_get_literal(n);
				if (s)
					buf_puts(b, s);
			} else if (t == CMARK_NODE_SOFTBREAK ||
			           t == CMARK_NODE_LINEBREAK) {
				buf_putc(b, ' ');
			}
			continue;
		}
		/* code blocks are leaves: cmark_iter never exits them */
		if (ev != CMARK_EVENT_EXIT ||
		    (t != CMARK_NODE_PARAGRAPH && t != CMARK_NODE_ITEM &&
		     t != CMARK_NODE_HEADING && t != CMARK_NODE_TABLE_CELL))
			continue;
		if (search)
			while (b->len && (b->data[b->len - 1] == ' ' ||
			                  b->data[b->len - 1] == '\n'))
				b->data[--b->len] = '\0';
		if (!b->len || b->data[b->len - 1] == ' ')
			continue;
		if (search && t == CMARK_NODE_ITEM &&
		    !strchr(".;:!?,", b->data[b->len - 1])) {
			buf_puts(b, "; ");
			added = b->len;
		} else {
			buf_putc(b, ' ');
		}
	}
	cmark_iter_free(it);
	return added;
}

char *md_plain_text(const char *text)
{
	cmark_node *doc = md_parse(text, strlen(text));
	buf b = {0};
	walk_text(doc, &b, false);
	cmark_node_free(doc);
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return buf_detach(&b);
}

char *md_search_text(const char *text)
{
	cmark_node *doc = md_parse(text, strlen(text));
	buf b = {0};
	size_t added = walk_text(doc, &b, true);
	cmark_node_free(doc);
	if (added && added == b.len)
		b.len -= 2; /* the list's closing "; " */
	/* one space where left-out inline HTML leaves two */
	size_t w = 0;
	for (size_t r = 0; r < b.len; r++)
		if (b.data[r] != ' ' || (w && b.data[w - 1] != ' '))
			b.data[w++] = b.data[r];
	b.len = w;
	while (b.len && b.data[b.len - 1] == ' ')
		b.len--;
	if (b.data)
		b.data[b.len] = '\0';
	return buf_detach(&b);
}

void md_cleanup(void)
{
	cmark_release_plugins();
}
