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
 *   {"format":2,"version":"vcsa/1.1","id":"1.1","lang":"de",
 *    "standards":["ISO/SAE 21434","ISO/PAS 5112","UNECE R155"],
 *    "levels":["must","should"],
 *    "sections":[["1.1","title"],...],       (N.M.K schemes; else absent)
 *    "questions":[
 *     {"n":"1.2","u":"org-roles","h":"questions/1.2.html","t":"title",
 *      "s":0,                        (its place in "sections"; else absent)
 *      "w":1,                                   (withdrawn; else absent)
 *      "f":{"q":question,"o":objective,"i":further information,
 *           "e":possible evidence,"c":change note},  (present fields)
 *      "x":[[1,"A.5.2"]],                       (references, if any)
 *      "r":[{"l":"1.2.a","a":"r-UID",
 *            "v":[[0,must text],[1,should text]],
 *            "f":{"c":change note},                  (if it has one)
 *            "x":[[0,"RQ-05-01","WP-05-01"],[2,"7.2.2.2(a)"]]}]}]}
 *
 * A requirement's texts ("v") are one pair per level it uses: the
 * level's place in "levels" (the scheme's level ids, in its order) and
 * the text, so that a scheme of any levels is searched alike.
 *
 * A section (where the scheme numbers questions N.M.K) is listed once,
 * with its number and title, and named by its place in that list on
 * each question it holds, so that a result can say where the question
 * stands. Catalogues without sections keep the index they had.
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
 * Markdown is reduced to its text (md_search_text), so markup never
 * reaches the index. The object is compact JSON, a question a line,
 * written by the JSON writer with script_safe set, so that the file is
 * inert JavaScript even if somebody pasted it into a page: '<', '>', '&'
 * and the JavaScript line terminators U+2028/U+2029 become \u escapes.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "base/md.h"
#include "site.h"

/* The search text of a prose field in lang (falling back to the source
 * language as the pages do), or NULL when the field is absent or has
 * no text. Caller frees. */
static char *search_text(const vc_prose *p, const char *lang)
{
	const char *md = prose_present(p) ? prose_text(p, lang) : NULL;
	if (!md)
		return NULL;
	char *t = md_search_text(md);
	if (!*t) {
		free(t);
		return NULL;
	}
	return t;
}

/* "k":"text" for a present field. */
static void field(json_writer *w, const char *k, const vc_prose *p,
                  const char *lang)
{
	char *t = search_text(p, lang);
	if (!t)
		return;
	json_key(w, k);
	json_string(w, t);
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
static void refs(json_writer *w, const vc_scheme *s, const vc_ref *r, size_t n)
{
	if (!n)
		return;
	json_key(w, "x");
	json_begin_array(w);
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || r[i].standard != r[i - 1].standard) {
			if (i)
				json_end_array(w);
			json_begin_array(w);
			json_int(w, (long long)std_index(s, r[i].standard));
		}
		json_string(w, r[i].id);
	}
	json_end_array(w);
	json_end_array(w);
}

/* "k":"v" where v is made from fmt (a page path, an anchor). */
static void key_printf(json_writer *w, const char *k, const char *fmt, ...)
    PRINTF_LIKE(3, 4);
static void key_printf(json_writer *w, const char *k, const char *fmt, ...)
{
	va_list ap;
	buf b = {0};
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	json_key(w, k);
	json_string(w, b.data ? b.data : "");
	buf_free(&b);
}

static void requirement(json_writer *w, const vc_scheme *s,
                        const vc_requirement *r, const char *lang)
{
	json_begin_object(w);
	json_key(w, "l");
	json_string(w, r->label);
	/* the anchor site_xml.c gives a requirement */
	key_printf(w, "a", "r-%s", r->uid);
	/* the texts, one per level used */
	json_key(w, "v");
	json_begin_array(w);
	for (size_t l = 0; l < s->nlevels; l++) {
		char *t = search_text(model_req_text(r, l), lang);
		if (!t)
			continue;
		json_begin_array(w);
		json_int(w, (long long)l);
		json_string(w, t);
		json_end_array(w);
		free(t);
	}
	json_end_array(w);
	/* its change note, if any */
	char *note = search_text(&r->change_note, lang);
	if (note) {
		json_key(w, "f");
		json_begin_object(w);
		json_key(w, "c");
		json_string(w, note);
		json_end_object(w);
		free(note);
	}
	refs(w, s, r->refs, r->nrefs);
	json_end_object(w);
}

static void question(json_writer *w, const vc_scheme *s, const vc_question *q,
                     const char *lang)
{
	json_begin_object(w);
	json_key(w, "n");
	json_string(w, q->number);
	json_key(w, "u");
	json_string(w, q->uid);
	/* the page path site_xml.c gives a question (rel_path) */
	key_printf(w, "h", "questions/%s.html", q->number);
	char *t = search_text(&q->title, lang);
	json_key(w, "t");
	json_string(w, t ? t : "");
	free(t);
	if (q->section) {
		json_key(w, "s");
		json_int(w, (long long)q->section->index);
	}
	if (q->withdrawn) {
		json_key(w, "w");
		json_int(w, 1);
	}
	json_key(w, "f");
	json_begin_object(w);
	field(w, "q", &q->question, lang);
	field(w, "o", &q->objective, lang);
	field(w, "i", &q->further, lang);
	field(w, "e", &q->evidence, lang);
	field(w, "c", &q->change_note, lang);
	json_end_object(w);
	refs(w, s, q->refs, q->nrefs);
	if (q->nreqs) {
		json_key(w, "r");
		json_begin_array(w);
		for (size_t i = 0; i < q->nreqs; i++)
			requirement(w, s, &q->reqs[i], lang);
		json_end_array(w);
	}
	json_end_object(w);
}

int site_search_write_index(FILE *fp, const vc_version *v, const char *lang)
{
	fprintf(fp,
	        "/* vcsc search index of %s in language %s; generated "
	        "by vcsc site, do not edit. */\n",
	        v->key, lang);
	fputs("window.vcscSearchIndex=", fp);
	json_writer w;
	json_init(&w, fp, 0);
	w.script_safe = true;
	json_begin_object(&w);
	json_key(&w, "format");
	json_int(&w, 2);
	json_key(&w, "version");
	json_string(&w, v->key);
	json_key(&w, "id");
	json_string(&w, v->version);
	json_key(&w, "lang");
	json_string(&w, lang);
	json_key(&w, "standards");
	json_begin_array(&w);
	for (size_t i = 0; i < v->scheme->nstandards; i++)
		json_string(&w, v->scheme->standards[i].title);
	json_end_array(&w);
	json_key(&w, "levels");
	json_begin_array(&w);
	for (size_t i = 0; i < v->scheme->nlevels; i++)
		json_string(&w, v->scheme->levels[i].id);
	json_end_array(&w);
	if (v->nsections) {
		json_key(&w, "sections");
		json_begin_array(&w);
		for (size_t i = 0; i < v->nsections; i++) {
			const vc_section *sec = v->sections[i];
			char *st = search_text(&sec->title, lang);
			json_begin_array(&w);
			json_string(&w, sec->number);
			json_string(&w, st ? st : "");
			json_end_array(&w);
			free(st);
		}
		json_end_array(&w);
	}
	/* one question a line */
	json_key(&w, "questions");
	json_begin_array(&w);
	for (size_t i = 0; i < v->nquestions; i++) {
		json_line_break(&w);
		question(&w, v->scheme, v->questions[i], lang);
	}
	json_line_break(&w);
	json_end_array(&w);
	json_end_object(&w);
	fputs(";\n", fp);
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
				/* named as the page of the site, not of the
				 * temporary directory it is built in */
				d->io_failed = true;
				diag_error(
				    d, NO_POS,
				    "cannot write the page '%s/%s/%s/%s': "
				    "%s",
				    v->catalogue, v->version, langs[j],
				    SITE_SEARCH_INDEX, strerror(e));
			}
			free(path);
		}
		free(langs);
		if (rc)
			return -1;
	}
	return 0;
}
