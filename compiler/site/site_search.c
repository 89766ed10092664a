/*
 * site_search.c - the website's full-text search index.
 *
 * One JavaScript file per catalogue version and published language,
 * CAT/VER/LANG/search-index.js, holding the plain text of every prose
 * field of the questions and requirements of that version in that
 * language. The hand-written search script (site/search.js) loads it on
 * demand through a <script> element, which works from file:// where
 * fetch() and XMLHttpRequest of local files do not; the file assigns
 * one object to the global vcscSearchIndex:
 *
 *   {"format":1,"version":"vcsa/1.1","id":"1.1","lang":"de",
 *    "standards":["ISO/SAE 21434","ISO/PAS 5112","UNECE R155"],
 *    "questions":[
 *     {"n":"1.2","u":"org-roles","h":"questions/1.2.html","t":"title",
 *      "w":1,                                   (withdrawn; else absent)
 *      "f":{"q":question,"o":objective,"i":further information,
 *           "e":possible evidence,"c":change note},  (present fields)
 *      "x":[[1,"A.5.2"]],                       (references, if any)
 *      "r":[{"l":"1.2.a","a":"r-UID","f":{"m":must,"s":should,
 *                                         "c":change note},
 *            "x":[[0,"RQ-05-01","WP-05-01"],[2,"7.2.2.2(a)"]]}]}]}
 *
 * References ("x") are grouped by standard: its place in "standards"
 * (the scheme's, by title), then the identifiers cited, in the order the
 * source gives them. The script finds questions by them (ranked like
 * body text, first when the query is one whole identifier).
 *
 * Hrefs are relative to the version's language folder; anchors are the
 * ids the question pages give their requirements. Folding (case,
 * diacritics) and ranking are the script's business: the index keeps the
 * text as written, which the results need for their snippets anyway.
 * Markdown is reduced to its text (walk_text), so markup never
 * reaches the index; every string is escaped so that the file is inert
 * JavaScript even if somebody pasted it into a page: '<', '>', '&' and
 * the JavaScript line terminators U+2028/U+2029 become \u escapes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/md.h"
#include "site.h"

/* Writes s as a JavaScript string literal (with quotes). */
static void js_string(FILE *fp, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	putc('"', fp);
	for (; *p; p++) {
		unsigned char c = *p;
		if (c == '"' || c == '\\') {
			putc('\\', fp);
			putc(c, fp);
		} else if (c == '\n') {
			fputs("\\n", fp);
		} else if (c == '\t') {
			fputs("\\t", fp);
		} else if (c < 0x20 || c == 0x7f || c == '<' || c == '>' ||
		           c == '&') {
			fprintf(fp, "\\u00%c%c", hex[c >> 4], hex[c & 15]);
		} else if (c == 0xe2 && p[1] == 0x80 &&
		           (p[2] == 0xa8 || p[2] == 0xa9)) {
			/* U+2028, U+2029: line terminators in older JS */
			fputs(p[2] == 0xa8 ? "\\u2028" : "\\u2029", fp);
			p += 2;
		} else {
			putc(c, fp);
		}
	}
	putc('"', fp);
}

static void key(FILE *fp, bool *first, const char *k)
{
	if (!*first)
		putc(',', fp);
	*first = false;
	fprintf(fp, "\"%s\":", k);
}

/* Appends the text of a Markdown tree: blocks end in a space, list
 * items in "; " unless they end in punctuation, so that a snippet of a
 * list still reads as one. Returns the length of b after the last "; "
 * it added (0 if none), so that the caller can drop a final one. Raw HTML is
 * left out (the pages show it as literal text; it is never worth finding). */
static size_t walk_text(cmark_node *root, buf *b)
{
	size_t added = 0; /* length after the last "; " this walk added */
	cmark_iter *it = cmark_iter_new(root);
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
		if (ev != CMARK_EVENT_EXIT)
			continue;
		bool block = t == CMARK_NODE_PARAGRAPH ||
		             t == CMARK_NODE_HEADING ||
		             t == CMARK_NODE_CODE_BLOCK ||
		             t == CMARK_NODE_ITEM || t == CMARK_NODE_TABLE_CELL;
		if (!block)
			continue;
		while (b->len && (b->data[b->len - 1] == ' ' ||
		                  b->data[b->len - 1] == '\n'))
			b->data[--b->len] = '\0';
		if (!b->len)
			continue;
		char last = b->data[b->len - 1];
		if (t == CMARK_NODE_ITEM && !strchr(".;:!?,", last)) {
			buf_puts(b, "; ");
			added = b->len;
		} else {
			buf_putc(b, ' ');
		}
	}
	cmark_iter_free(it);
	return added;
}

/* The plain text of a prose field in lang (falling back to the source
 * language as the pages do), or NULL when the field is absent or has
 * no text. Caller frees. */
static char *plain(const vc_prose *p, const char *lang)
{
	if (!prose_present(p))
		return NULL;
	const char *md = prose_text(p, lang);
	if (!md)
		return NULL;
	cmark_node *doc = md_parse(md, strlen(md));
	buf b = {0};
	size_t added = walk_text(doc, &b);
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
	if (!b.len) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* "k":"text" for a present field. */
static void field(FILE *fp, bool *first, const char *k, const vc_prose *p,
                  const char *lang)
{
	char *t = plain(p, lang);
	if (!t)
		return;
	key(fp, first, k);
	js_string(fp, t);
	free(t);
}

/* The place of st in the scheme's list of standards ("standards"). */
static size_t std_index(const vc_scheme *s, const vc_standard *st)
{
	for (size_t i = 0; i < s->nstandards; i++)
		if (&s->standards[i] == st ||
		    strcmp(s->standards[i].id, st->id) == 0)
			return i;
	return 0; /* the loader only accepts the scheme's standards */
}

/* "x":[[standard, id, id ...], ...] for references, if any (standard:
 * its index in the scheme's list): consecutive references to one
 * standard form one group. */
static void refs(FILE *fp, bool *first, const vc_scheme *s, const vc_ref *r,
                 size_t n)
{
	if (!n)
		return;
	key(fp, first, "x");
	putc('[', fp);
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || r[i].standard != r[i - 1].standard) {
			if (i)
				fputs("],", fp);
			fprintf(fp, "[%zu", std_index(s, r[i].standard));
		}
		putc(',', fp);
		js_string(fp, r[i].id);
	}
	fputs("]]", fp);
}

static void question(FILE *fp, const vc_scheme *s, const vc_question *q,
                     const char *lang)
{
	bool first = true;
	putc('{', fp);
	key(fp, &first, "n");
	js_string(fp, q->number);
	key(fp, &first, "u");
	js_string(fp, q->uid);
	/* the page path site_xml.c gives a question (rel_path) */
	char *href = xasprintf("questions/%s.html", q->number);
	key(fp, &first, "h");
	js_string(fp, href);
	free(href);
	char *t = plain(&q->title, lang);
	key(fp, &first, "t");
	js_string(fp, t ? t : "");
	free(t);
	if (q->withdrawn) {
		key(fp, &first, "w");
		putc('1', fp);
	}
	key(fp, &first, "f");
	putc('{', fp);
	bool ff = true;
	field(fp, &ff, "q", &q->question, lang);
	field(fp, &ff, "o", &q->objective, lang);
	field(fp, &ff, "i", &q->further, lang);
	field(fp, &ff, "e", &q->evidence, lang);
	field(fp, &ff, "c", &q->change_note, lang);
	putc('}', fp);
	refs(fp, &first, s, q->refs, q->nrefs);
	if (q->nreqs) {
		key(fp, &first, "r");
		putc('[', fp);
		for (size_t i = 0; i < q->nreqs; i++) {
			const vc_requirement *r = &q->reqs[i];
			bool rf = true;
			if (i)
				putc(',', fp);
			putc('{', fp);
			key(fp, &rf, "l");
			js_string(fp, r->label);
			/* the anchor site_xml.c gives a requirement */
			char *anchor = xasprintf("r-%s", r->uid);
			key(fp, &rf, "a");
			js_string(fp, anchor);
			free(anchor);
			key(fp, &rf, "f");
			putc('{', fp);
			bool f2 = true;
			field(fp, &f2, "m", &r->must, lang);
			field(fp, &f2, "s", &r->should, lang);
			field(fp, &f2, "c", &r->change_note, lang);
			putc('}', fp);
			refs(fp, &rf, s, r->refs, r->nrefs);
			putc('}', fp);
		}
		putc(']', fp);
	}
	putc('}', fp);
}

int site_search_write_index(FILE *fp, const vc_version *v, const char *lang)
{
	fprintf(fp,
	        "/* vcsc search index of %s in language %s; generated "
	        "by vcsc site, do not edit. */\n",
	        v->key, lang);
	fputs("window.vcscSearchIndex={\"format\":1,\"version\":", fp);
	js_string(fp, v->key);
	fputs(",\"id\":", fp);
	js_string(fp, v->version);
	fputs(",\"lang\":", fp);
	js_string(fp, lang);
	fputs(",\"standards\":[", fp);
	for (size_t i = 0; i < v->scheme->nstandards; i++) {
		if (i)
			putc(',', fp);
		js_string(fp, v->scheme->standards[i].title);
	}
	fputs("],\"questions\":[", fp);
	for (size_t i = 0; i < v->nquestions; i++) {
		fputs(i ? ",\n" : "\n", fp);
		question(fp, v->scheme, v->questions[i], lang);
	}
	fputs("\n]};\n", fp);
	return ferror(fp) ? -1 : 0;
}

int site_search_write(vc_version *const *versions, size_t n, const char *outdir,
                      diags *d)
{
	for (size_t i = 0; i < n; i++) {
		const vc_version *v = versions[i];
		const char **langs = xcalloc(v->nlanguages + 1, sizeof(char *));
		size_t nl = site_languages(v, langs);
		int rc = 0;
		for (size_t j = 0; j < nl && rc == 0; j++) {
			char *path =
			    xasprintf("%s/%s/%s/%s/%s", outdir, v->catalogue,
			              v->version, langs[j], SITE_SEARCH_INDEX);
			FILE *fp = fopen(path, "w");
			rc = fp ? site_search_write_index(fp, v, langs[j]) : -1;
			int e = errno;
			if (fp && fclose(fp) != 0 && rc == 0) {
				rc = -1;
				e = errno;
			}
			if (rc) {
				d->io_failed = true;
				diag_error(d, NO_POS, "cannot write '%s': %s",
				           path, strerror(e));
			}
			free(path);
		}
		free(langs);
		if (rc)
			return -1;
	}
	return 0;
}
