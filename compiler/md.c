/*
 * md.c - parsing catalogue Markdown with cmark-gfm.
 */
#include "md.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-extension_api.h>

#include "util.h"

static const char *const extensions[] = {"table", "strikethrough",
					 "autolink", "tagfilter"};

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

static void plain(cmark_node *node, buf *b)
{
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
		} else if (ev == CMARK_EVENT_EXIT &&
			   (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_ITEM ||
			    t == CMARK_NODE_HEADING ||
			    t == CMARK_NODE_TABLE_CELL)) {
			if (b->len && b->data[b->len - 1] != ' ')
				buf_putc(b, ' ');
		}
	}
	cmark_iter_free(it);
}

char *md_plain_text(cmark_node *node)
{
	buf b = {0};
	plain(node, &b);
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return buf_detach(&b);
}

void md_cleanup(void)
{
	cmark_release_plugins();
}
