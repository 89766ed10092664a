/*
 * md.h - Markdown prose through cmark-gfm, shared by every back end.
 *
 * Catalogue prose is CommonMark with the GitHub table, strikethrough and
 * autolink extensions. It is parsed in safe mode with UTF-8 validation;
 * back ends walk the AST (cmark_iter) and build their own output, so raw
 * HTML in the source never reaches a document: HTML nodes are dropped or
 * shown as text by the back end, and link targets pass md_url_safe().
 *
 * Ownership: md_parse returns a document node that the caller frees with
 * cmark_node_free().
 */
#ifndef VCSC_MD_H
#define VCSC_MD_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

/* Exported by libcmark-gfm-extensions but not declared in its headers. */
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;
/* Declared in cmark-gfm's registry.h, which Debian does not install. */
void cmark_release_plugins(void);

/* Parses Markdown text. Never fails on content; aborts only when out of
 * memory. */
cmark_node *md_parse(const char *text, size_t len);

/* How deeply Markdown elements nest in every document vcsc writes. Each
 * element holding others is a level: block quotes, lists and their items,
 * paragraphs and headings, tables, their rows and cells, emphasis, strong
 * emphasis, strikethrough, links and images (the document's own children
 * are level 1). An element deeper than this adds no structure of its own:
 * a back end keeps its text, flattened into the element at the limit,
 * and never walks further down, so neither our walkers nor libxslt's
 * recursive copies meet a pathological depth (cmark's own parser, free
 * and iterator do not recurse). The front end warns about deeper texts. */
#define MD_MAX_DEPTH 24

/* True for the node types that hold no other nodes (text, code, breaks,
 * raw HTML, code blocks, rules): cmark_iter enters them but never exits
 * them. */
bool md_is_leaf(const cmark_node *n);

/* Whether the elements of Markdown text nest deeper than MD_MAX_DEPTH.
 * If so, sets *depth to the deepest level and *line, *col (1-based, the
 * column in bytes) to where the first element beyond the limit starts.
 * Cheap enough for every text of a catalogue: a scan that bounds the
 * depth from above without parsing settles almost every text, and only
 * the others are parsed. */
bool md_too_deep(const char *text, size_t len, int *depth, int *line, int *col);

/* True for a link or image target that may appear in a published
 * document: http, https and mailto URLs, and relative references without
 * a scheme. javascript:, vbscript:, data:, file: and anything with
 * control characters are refused (the check ignores case, whitespace and
 * entity tricks by looking at the decoded URL cmark hands over). */
bool md_url_safe(const char *url);

/* The plain text of Markdown text (NUL-terminated), for titles and
 * comparisons: soft and hard breaks as spaces, a space between blocks,
 * raw HTML left out. Caller frees. */
char *md_plain_text(const char *text);

/* The same for the site's search index: blocks do not end in white
 * space, list items are separated by "; " unless they end in
 * punctuation, and runs of spaces are single. "" when there is no text.
 * Caller frees. */
char *md_search_text(const char *text);

/* Frees cmark's global extension registry (for leak checkers). */
void md_cleanup(void);

#endif
