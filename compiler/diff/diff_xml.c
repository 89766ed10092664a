/*
 * diff_xml.c - the catalogue diff as one XML element, built with
 * libxml2's tree API: the data of the change-log pages of the website
 * (site_changes.c hangs it into the site document) and of the standalone
 * HTML change log (diff_html.c). The templates in
 * templates/site/changes.xsl turn it into HTML; the vocabulary is
 * described in diff.h at diff_changelog_xml().
 *
 * Text reaches the tree only as text nodes and attribute values (prose
 * through site_md_append), never as markup, so catalogue text stays text
 * whatever it contains.
 */
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "base/md.h"
#include "site/site.h"

#define X(s) ((const xmlChar *)(s))

typedef struct cx {
	const diff_result *d;
	const char *const *langs;
	size_t nlangs;
	arena *a; /* word diffs of translations, scratch strings */
} cx;

/* ---- small XML helpers ---- */

static xmlNodePtr el(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, NULL, X(name), NULL);
}

static void attr(xmlNodePtr n, const char *k, const char *v)
{
	if (v)
		xmlNewProp(n, X(k), X(v));
}

static void attr_size(xmlNodePtr n, const char *k, size_t v)
{
	char b[32];
	snprintf(b, sizeof(b), "%zu", v);
	attr(n, k, b);
}

static void attr_bool(xmlNodePtr n, const char *k, bool v)
{
	attr(n, k, v ? "true" : "false");
}

static void text_len(xmlNodePtr parent, const char *s, size_t n)
{
	if (n)
		xmlAddChild(parent, xmlNewTextLen(X(s), (int)n));
}

/* ---- prose ---- */

/* The text of p in lang and the language it is really in (the source
 * language when lang has none). NULL when p is absent. */
static const char *in_lang(const vc_prose *p, const char *lang,
                           const char **actual)
{
	*actual = lang;
	if (!p || !p->n)
		return NULL;
	const char *t = prose_get(p, lang);
	if (!t) {
		t = p->tr[0].text;
		*actual = p->tr[0].lang;
	}
	return t;
}

static void mark_lang(xmlNodePtr e, const char *lang, const char *actual)
{
	attr(e, "lang", lang);
	if (strcmp(lang, actual) != 0)
		attr(e, "text-lang", actual);
}

/* <NAME lang=".."> plain text of Markdown p, per language. */
static void plain_el(cx *x, xmlNodePtr parent, const char *name,
                     const vc_prose *p)
{
	for (size_t i = 0; p && p->n && i < x->nlangs; i++) {
		const char *actual;
		const char *t = in_lang(p, x->langs[i], &actual);
		cmark_node *doc = md_parse(t, strlen(t));
		char *plain = md_plain_text(doc);
		cmark_node_free(doc);
		xmlNodePtr e = el(parent, name);
		mark_lang(e, x->langs[i], actual);
		text_len(e, plain, strlen(plain));
		free(plain);
	}
}

/* <NAME lang=".."> XHTML of Markdown p, per language. */
static void prose_el(cx *x, xmlNodePtr parent, const char *name,
                     const vc_prose *p)
{
	for (size_t i = 0; p && p->n && i < x->nlangs; i++) {
		const char *actual;
		const char *t = in_lang(p, x->langs[i], &actual);
		xmlNodePtr e = el(parent, name);
		mark_lang(e, x->langs[i], actual);
		site_md_append(e, t, 3);
	}
}

/* ---- word diffs ---- */

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The pieces as <eq>, <del> and <ins>; white space at the edges of a
 * change goes outside it, as in the text change log, so that markers
 * start and end at words. */
static void segs_el(xmlNodePtr parent, const diff_seg *s, size_t n)
{
	static const char *const names[] = {"eq", "del", "ins"};
	for (size_t i = 0; i < n; i++) {
		const char *t = s[i].text;
		size_t lo = 0, hi = s[i].len;
		if (s[i].op != DIFF_EQ) {
			while (lo < hi && blank(t[lo]))
				lo++;
			while (hi > lo && blank(t[hi - 1]))
				hi--;
		}
		if (lo)
			text_len(el(parent, "eq"), t, lo);
		if (hi > lo)
			text_len(el(parent, names[s[i].op]), t + lo, hi - lo);
		if (hi < s[i].len)
			text_len(el(parent, "eq"), t + hi, s[i].len - hi);
	}
}

/* <diff lang=".."> per language: the word diff of that language's texts
 * when both sides have their own translation and it changed; otherwise
 * the diff of the compared language, marked with text-lang. */
static void diffs_el(cx *x, xmlNodePtr parent, const diff_item *it,
                     const diff_change *c)
{
	for (size_t i = 0; i < x->nlangs; i++) {
		size_t n;
		const char *actual;
		const diff_seg *segs = diff_change_words(
		    x->d, it, c, x->langs[i], x->a, &n, &actual);
		xmlNodePtr e = el(parent, "diff");
		mark_lang(e, x->langs[i], actual);
		segs_el(e, segs, n);
	}
}

/* ---- changes ---- */

static void successor_el(cx *x, xmlNodePtr parent, const char *side,
                         const vc_version *v, const vc_question *q)
{
	if (!q)
		return;
	xmlNodePtr e = el(parent, "successor");
	attr(e, "side", side);
	attr(e, "version", v->key);
	attr(e, "uid", q->uid);
	attr(e, "number", q->number);
	plain_el(x, e, "title", &q->title);
}

/* "a,b" -> "a b" */
static const char *spaced(cx *x, const char *ids)
{
	char *s = arena_strdup(x->a, ids);
	for (char *p = s; *p; p++)
		if (*p == ',')
			*p = ' ';
	return s;
}

static void refs_el(cx *x, xmlNodePtr parent, const char *op, const char **refs,
                    size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *colon = strchr(refs[i], ':');
		const char *std = colon
		                      ? arena_strndup(x->a, refs[i],
		                                      (size_t)(colon - refs[i]))
		                      : "";
		const vc_standard *st = model_standard(x->d->new->scheme, std);
		if (!st)
			st = model_standard(x->d->old->scheme, std);
		xmlNodePtr e = el(parent, "ref");
		attr(e, "op", op);
		attr(e, "standard", std);
		attr(e, "title", st ? st->title : std);
		attr(e, "id", colon ? colon + 1 : refs[i]);
	}
}

static void change_el(cx *x, xmlNodePtr parent, const diff_item *it,
                      const diff_change *c)
{
	const diff_result *d = x->d;
	xmlNodePtr e = el(parent, "change");
	attr(e, "kind", diff_kind_name(c->kind));
	switch (c->kind) {
	case DIFF_ADDED:
	case DIFF_REMOVED:
		attr(e, "number",
		     c->new_number ? c->new_number : c->old_number);
		if (it->type == DIFF_QUESTION)
			attr_size(e, "requirements", it->nchildren);
		if (it->type == DIFF_QUESTION && c->kind == DIFF_ADDED &&
		    it->old_q)
			attr(e, "was-withdrawn", "true");
		break;
	case DIFF_WITHDRAWN:
		successor_el(x, e, "new", d->new, c->successor);
		break;
	case DIFF_MOVED:
	case DIFF_RENUMBERED:
		attr(e, "old", c->old_number);
		attr(e, "new", c->new_number);
		break;
	case DIFF_UID:
		attr(e, "old", c->old_uid);
		attr(e, "new", c->new_uid);
		break;
	case DIFF_LEVEL:
		attr(e, "old", c->old_level);
		attr(e, "new", c->new_level);
		attr(e, "field", c->field);
		if (c->nsegs)
			diffs_el(x, e, it, c);
		break;
	case DIFF_TEXT:
	case DIFF_FORMATTING:
		attr(e, "field", c->field);
		if (!c->old_text)
			attr(e, "absent", "old");
		else if (!c->new_text)
			attr(e, "absent", "new");
		diffs_el(x, e, it, c);
		break;
	case DIFF_WHITESPACE:
		attr(e, "field", c->field);
		break;
	case DIFF_TRANSLATION_STALE:
		attr(e, "field", c->field);
		attr(e, "lang", c->lang);
		break;
	case DIFF_APPLICABILITY:
		attr(e, "old", spaced(x, c->old_objectives));
		attr(e, "new", spaced(x, c->new_objectives));
		break;
	case DIFF_REFERENCES:
		refs_el(x, e, "added", c->refs_added, c->nadded);
		refs_el(x, e, "removed", c->refs_removed, c->nremoved);
		break;
	case DIFF_SUCCESSOR:
		successor_el(x, e, "old", d->old, c->old_successor);
		successor_el(x, e, "new", d->new, c->successor);
		break;
	default:
		break;
	}
}

/* ---- entries ---- */

/* Where an item can be read: the version holding it (the new one unless
 * it is gone) and, for a requirement, its question there. */
static void link_attrs(cx *x, xmlNodePtr e, const diff_item *it)
{
	bool new_side = it->new_q || it->new_r || it->new_ch;
	const vc_version *v = new_side ? x->d->new : x->d->old;
	attr(e, "link-version", v->key);
	if (it->type == DIFF_QUESTION) {
		attr(e, "link-question",
		     new_side ? it->new_q->uid : it->old_q->uid);
	} else if (it->type == DIFF_REQUIREMENT) {
		const vc_requirement *r = new_side ? it->new_r : it->old_r;
		attr(e, "link-question", r->question->uid);
		attr(e, "link-requirement", r->uid);
	}
}

static void item_attrs(cx *x, xmlNodePtr e, const diff_item *it)
{
	attr(e, "type", diff_type_name(it->type));
	if (it->type != DIFF_CHAPTER)
		attr(e, "uid", it->uid);
	attr(e, "old-number", it->old_number);
	attr(e, "new-number", it->new_number);
	attr(e, "place", diff_kind_name(it->place));
	link_attrs(x, e, it);
}

static const char *entry_anchor(cx *x, const diff_item *it)
{
	return arena_printf(x->a, "%s-%s",
	                    it->type == DIFF_QUESTION ? "q" : "r", it->uid);
}

static const vc_prose *question_title(const diff_item *q)
{
	if (q->new_q && prose_present(&q->new_q->title))
		return &q->new_q->title;
	return q->old_q ? &q->old_q->title : NULL;
}

static void entry_el(cx *x, xmlNodePtr parent, const diff_item *it)
{
	xmlNodePtr e = el(parent, "entry");
	item_attrs(x, e, it);
	attr(e, "anchor", entry_anchor(x, it));
	if (it->type == DIFF_QUESTION) {
		attr_bool(e, "withdrawn", it->new_q && it->new_q->withdrawn);
		plain_el(x, e, "title", question_title(it));
	}
	for (size_t i = 0; i < it->nchanges; i++)
		change_el(x, e, it, &it->changes[i]);
	if (it->nchanges && it->change_note)
		prose_el(x, e, "note", it->change_note);
	for (size_t i = 0; i < it->nchildren; i++)
		if (it->children[i]->nchanges)
			entry_el(x, e, it->children[i]);
}

static int chapter_of(const diff_item *q)
{
	return q->new_q ? q->new_q->chapter_no : q->old_q->chapter_no;
}

static int chapter_number(const diff_item *c)
{
	return c->new_ch ? c->new_ch->number : c->old_ch->number;
}

static xmlNodePtr chapter_el(cx *x, xmlNodePtr parent, const diff_item *c)
{
	xmlNodePtr e = el(parent, "chapter-entry");
	item_attrs(x, e, c);
	attr(e, "number", c->new_number ? c->new_number : c->old_number);
	attr(e, "anchor", arena_printf(x->a, "ch-%d", chapter_number(c)));
	plain_el(x, e, "title",
	         c->new_ch ? &c->new_ch->title : &c->old_ch->title);
	for (size_t i = 0; i < c->nchanges; i++)
		change_el(x, e, c, &c->changes[i]);
	return e;
}

/* Questions with a reported change, grouped under their chapter (the new
 * one; the old one for removed questions), as the text change log does. */
static void entries(cx *x, xmlNodePtr cl)
{
	const diff_result *d = x->d;
	size_t qi = 0;
	for (size_t i = 0; i < d->nchapters; i++) {
		const diff_item *c = d->chapters[i];
		int no = chapter_number(c);
		xmlNodePtr ce = NULL;
		if (c->reported)
			ce = chapter_el(x, cl, c);
		for (; qi < d->nquestions && chapter_of(d->questions[qi]) <= no;
		     qi++) {
			if (!d->questions[qi]->reported)
				continue;
			if (!ce)
				ce = chapter_el(x, cl, c);
			entry_el(x, ce, d->questions[qi]);
		}
	}
	/* questions in a chapter number no version has (cannot happen with
	 * valid versions, kept so that nothing is lost) */
	xmlNodePtr rest = NULL;
	for (; qi < d->nquestions; qi++) {
		if (!d->questions[qi]->reported)
			continue;
		if (!rest)
			rest = el(cl, "chapter-entry");
		entry_el(x, rest, d->questions[qi]);
	}
}

/* ---- the renumbering table, the counts, the markers ---- */

static const char *row_anchor(cx *x, const diff_item *it)
{
	return arena_printf(x->a, "n%s-%s",
	                    it->type == DIFF_QUESTION ? "q" : "r", it->uid);
}

static bool in_table(const diff_item *it)
{
	return (it->old_q || it->old_r) &&
	       (it->place == DIFF_MOVED || it->place == DIFF_RENUMBERED ||
	        it->place == DIFF_SHIFTED);
}

static void numbers(cx *x, xmlNodePtr cl)
{
	const diff_result *d = x->d;
	xmlNodePtr e = el(cl, "numbers");
	attr_size(e, "shifted", d->counts[DIFF_SHIFTED]);
	for (size_t i = 0; i < d->nrenumbered; i++) {
		const diff_item *it = d->renumbered[i];
		const diff_item *q =
		    it->type == DIFF_QUESTION ? it : it->parent;
		xmlNodePtr r = el(e, "row");
		item_attrs(x, r, it);
		attr(r, "anchor", row_anchor(x, it));
		if (it->reported || it->nchanges)
			attr(r, "entry", entry_anchor(x, it));
		else if (q && q->reported)
			attr(r, "entry", entry_anchor(x, q));
		if (q)
			plain_el(x, r, "title", question_title(q));
	}
}

static void counts(cx *x, xmlNodePtr cl)
{
	const diff_result *d = x->d;
	size_t n[3][DIFF_NKINDS];
	diff_count_types(d, n);
	xmlNodePtr e = el(cl, "counts");
	attr_size(e, "total", d->nchanges);
	for (int k = DIFF_ADDED; k < DIFF_NKINDS; k++) {
		if (k == DIFF_SHIFTED || !d->counts[k])
			continue;
		xmlNodePtr c = el(e, "count");
		attr(c, "kind", diff_kind_name((diff_kind)k));
		attr_size(c, "chapters", n[DIFF_CHAPTER][k]);
		attr_size(c, "questions", n[DIFF_QUESTION][k]);
		attr_size(c, "requirements", n[DIFF_REQUIREMENT][k]);
		attr_size(c, "total", d->counts[k]);
	}
}

/* <question uid anchor> for every question of the new version the change
 * log describes: its entry, else its first row in the number table. */
static void markers(cx *x, xmlNodePtr cl)
{
	const diff_result *d = x->d;
	for (size_t i = 0; i < d->nquestions; i++) {
		const diff_item *q = d->questions[i];
		if (!q->new_q)
			continue;
		const char *anchor = NULL;
		if (q->reported)
			anchor = entry_anchor(x, q);
		else if (in_table(q))
			anchor = row_anchor(x, q);
		for (size_t j = 0; !anchor && j < q->nchildren; j++)
			if (in_table(q->children[j]))
				anchor = row_anchor(x, q->children[j]);
		if (!anchor)
			continue;
		xmlNodePtr e = el(cl, "question");
		attr(e, "uid", q->new_q->uid);
		attr(e, "anchor", anchor);
	}
}

/* The objectives and levels of the new scheme with their titles, so
 * that the change log can name them without the rest of the site. */
static void vocabulary(cx *x, xmlNodePtr cl)
{
	const vc_scheme *s = x->d->new->scheme;
	for (size_t i = 0; i < s->nobjectives; i++) {
		xmlNodePtr e = el(cl, "objective-name");
		attr(e, "id", s->objectives[i].id);
		plain_el(x, e, "title", &s->objectives[i].title);
	}
	for (size_t i = 0; i < s->nlevels; i++) {
		xmlNodePtr e = el(cl, "level-name");
		attr(e, "id", s->levels[i].id);
		plain_el(x, e, "title", &s->levels[i].title);
	}
}

xmlNodePtr diff_changelog_xml(xmlNodePtr parent, const diff_result *d,
                              const char *const *langs, size_t nlangs)
{
	cx x = {d, langs, nlangs, arena_new()};
	const vc_version *o = d->old, *n = d->new;
	xmlNodePtr cl = el(parent, "changelog");
	attr(cl, "from", o->version);
	attr(cl, "to", n->version);
	attr(cl, "catalogue", n->catalogue);
	attr(cl, "old-key", o->key);
	attr(cl, "new-key", n->key);
	attr(cl, "old-released", o->released);
	attr(cl, "new-released", n->released);
	attr_bool(cl, "old-draft", o->draft);
	attr_bool(cl, "new-draft", n->draft);
	attr(cl, "compared-lang", d->lang);
	attr_bool(cl, "same", diff_same(d));
	markers(&x, cl);
	vocabulary(&x, cl);
	counts(&x, cl);
	numbers(&x, cl);
	entries(&x, cl);
	arena_free(x.a);
	return cl;
}
