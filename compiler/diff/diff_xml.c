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
#include "base/xml.h"
#include "site/site.h"

typedef struct cx {
	const diff_result *d;
	const char *const *langs;
	size_t nlangs;
	arena *a; /* word diffs of translations, scratch strings */
} cx;

/* ---- prose ---- */

/* <title lang=".."> per language: the plain text of p. */
static void titles(cx *x, xmlNodePtr parent, const vc_prose *p)
{
	site_prose_plain(parent, "title", p, x->langs, x->nlangs);
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
			xml_text_n(xml_el(parent, "eq"), t, lo);
		if (hi > lo)
			xml_text_n(xml_el(parent, names[s[i].op]), t + lo,
			           hi - lo);
		if (hi < s[i].len)
			xml_text_n(xml_el(parent, "eq"), t + hi, s[i].len - hi);
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
		xmlNodePtr e = xml_el(parent, "diff");
		site_mark_lang(e, x->langs[i], actual);
		segs_el(e, segs, n);
	}
}

/* ---- changes ---- */

/* <successor side version uid number> <title/> per question of qs. */
static void successors_el(cx *x, xmlNodePtr parent, const char *side,
                          const vc_version *v, const vc_question *const *qs,
                          size_t n)
{
	for (size_t i = 0; i < n; i++) {
		xmlNodePtr e = xml_el(parent, "successor");
		xml_attr(e, "side", side);
		xml_attr(e, "version", v->key);
		xml_attr(e, "uid", qs[i]->uid);
		xml_attr(e, "number", qs[i]->number);
		titles(x, e, &qs[i]->title);
	}
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

static void refs_el(cx *x, xmlNodePtr parent, const char *op,
                    const vc_ref **refs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const vc_standard *st = diff_ref_standard(x->d, refs[i]);
		xmlNodePtr e = xml_el(parent, "ref");
		xml_attr(e, "op", op);
		xml_attr(e, "standard", st->id);
		xml_attr(e, "title", st->title);
		xml_attr(e, "id", refs[i]->id);
	}
}

/* lang="de" on a change of a text in a language other than the
 * compared one. */
static void translation_lang(cx *x, xmlNodePtr e, const diff_change *c)
{
	if (c->lang && strcmp(c->lang, x->d->lang) != 0)
		xml_attr(e, "lang", c->lang);
}

static void change_el(cx *x, xmlNodePtr parent, const diff_item *it,
                      const diff_change *c)
{
	const diff_result *d = x->d;
	xmlNodePtr e = xml_el(parent, "change");
	xml_attr(e, "kind", diff_kind_name(c->kind));
	switch (c->kind) {
	case DIFF_ADDED:
	case DIFF_REMOVED:
		xml_attr(e, "number",
		         c->new_number ? c->new_number : c->old_number);
		if (it->type == DIFF_QUESTION)
			xml_attr_size(e, "requirements", it->nchildren);
		if (it->type == DIFF_QUESTION && c->kind == DIFF_ADDED &&
		    it->old_q)
			xml_attr(e, "was-withdrawn", "true");
		break;
	case DIFF_WITHDRAWN:
		successors_el(x, e, "new", d->new, c->successors,
		              c->nsuccessors);
		break;
	case DIFF_MOVED:
		xml_attr(e, "old", c->old_number);
		xml_attr(e, "new", c->new_number);
		xml_attr(e, "out-of", diff_moved_out_of(it));
		break;
	case DIFF_RENUMBERED:
		xml_attr(e, "old", c->old_number);
		xml_attr(e, "new", c->new_number);
		break;
	case DIFF_UID:
		xml_attr(e, "old", c->old_uid);
		xml_attr(e, "new", c->new_uid);
		break;
	case DIFF_LEVEL:
		xml_attr(e, "old", c->old_level);
		xml_attr(e, "new", c->new_level);
		xml_attr(e, "field", c->field);
		if (c->nsegs)
			diffs_el(x, e, it, c);
		break;
	case DIFF_TEXT:
	case DIFF_FORMATTING:
	case DIFF_TRANSLATION:
		xml_attr(e, "field", c->field);
		translation_lang(x, e, c);
		if (!c->old_text)
			xml_attr(e, "absent", "old");
		else if (!c->new_text)
			xml_attr(e, "absent", "new");
		diffs_el(x, e, it, c);
		break;
	case DIFF_WHITESPACE:
		xml_attr(e, "field", c->field);
		translation_lang(x, e, c);
		break;
	case DIFF_TRANSLATION_STALE:
		xml_attr(e, "field", c->field);
		xml_attr(e, "lang", c->lang);
		break;
	case DIFF_APPLICABILITY:
		xml_attr(e, "old", spaced(x, c->old_objectives));
		xml_attr(e, "new", spaced(x, c->new_objectives));
		break;
	case DIFF_REFERENCES:
		refs_el(x, e, "added", c->refs_added, c->nadded);
		refs_el(x, e, "removed", c->refs_removed, c->nremoved);
		break;
	case DIFF_SUCCESSOR:
		successors_el(x, e, "old", d->old, c->old_successors,
		              c->nold_successors);
		successors_el(x, e, "new", d->new, c->successors,
		              c->nsuccessors);
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
	bool new_side = it->new_q || it->new_r || it->new_ch || it->new_s;
	const vc_version *v = new_side ? x->d->new : x->d->old;
	xml_attr(e, "link-version", v->key);
	if (it->type == DIFF_QUESTION) {
		xml_attr(e, "link-question",
		         new_side ? it->new_q->uid : it->old_q->uid);
	} else if (it->type == DIFF_REQUIREMENT) {
		const vc_requirement *r = new_side ? it->new_r : it->old_r;
		xml_attr(e, "link-question", r->question->uid);
		xml_attr(e, "link-requirement", r->uid);
	}
}

static void item_attrs(cx *x, xmlNodePtr e, const diff_item *it)
{
	xml_attr(e, "type", diff_type_name(it->type));
	if (it->type != DIFF_CHAPTER)
		xml_attr(e, "uid", it->uid);
	xml_attr(e, "old-number", it->old_number);
	xml_attr(e, "new-number", it->new_number);
	xml_attr(e, "place", diff_kind_name(it->place));
	link_attrs(x, e, it);
}

/* "q", "r" or "s": the first letter of an item's anchors. */
static const char *anchor_prefix(const diff_item *it)
{
	return it->type == DIFF_QUESTION  ? "q"
	       : it->type == DIFF_SECTION ? "s"
	                                  : "r";
}

static const char *entry_anchor(cx *x, const diff_item *it)
{
	return arena_printf(x->a, "%s-%s", anchor_prefix(it), it->uid);
}

static void entry_el(cx *x, xmlNodePtr parent, const diff_item *it)
{
	xmlNodePtr e = xml_el(parent, "entry");
	item_attrs(x, e, it);
	xml_attr(e, "anchor", entry_anchor(x, it));
	if (it->type == DIFF_QUESTION) {
		xml_attr_bool(e, "withdrawn",
		              it->new_q && it->new_q->withdrawn);
		titles(x, e, diff_item_title(it));
	}
	for (size_t i = 0; i < it->nchanges; i++)
		change_el(x, e, it, &it->changes[i]);
	if (it->nchanges && it->change_note)
		site_prose_xhtml(e, "note", it->change_note, x->langs,
		                 x->nlangs, 3);
	for (size_t i = 0; i < it->nchildren; i++)
		if (it->children[i]->nchanges)
			entry_el(x, e, it->children[i]);
}

/* <chapter-entry> of chapter item c, or <section-entry> of section item
 * c, with its titles and changes (and a section's change note). */
static xmlNodePtr group_el(cx *x, xmlNodePtr parent, const diff_item *c)
{
	bool chapter = c->type == DIFF_CHAPTER;
	const char *num = c->new_number ? c->new_number : c->old_number;
	xmlNodePtr e =
	    xml_el(parent, chapter ? "chapter-entry" : "section-entry");
	item_attrs(x, e, c);
	xml_attr(e, "number", num);
	xml_attr(e, "anchor",
	         chapter ? arena_printf(x->a, "ch-%s", num)
	                 : entry_anchor(x, c));
	titles(x, e, diff_item_title(c));
	for (size_t i = 0; i < c->nchanges; i++)
		change_el(x, e, c, &c->changes[i]);
	if (!chapter && c->nchanges && c->change_note)
		site_prose_xhtml(e, "note", c->change_note, x->langs, x->nlangs,
		                 3);
	return e;
}

/* Where entries() is: the elements of the chapter and section being
 * filled. */
typedef struct ex {
	cx *x;
	xmlNodePtr cl, chapter, section;
} ex;

static void entry_shown(void *ctx, const diff_item *it)
{
	ex *e = ctx;
	if (it->type == DIFF_CHAPTER) {
		e->chapter = group_el(e->x, e->cl, it);
		e->section = NULL;
	} else if (it->type == DIFF_SECTION) {
		e->section = group_el(e->x, e->chapter, it);
	} else {
		entry_el(e->x, it->section ? e->section : e->chapter, it);
	}
}

/* Chapters and sections with a reported change, and questions with one,
 * grouped under their chapter and section (the new ones; the old ones'
 * partners for removed questions), in the order of the text change log
 * (d->outline). */
static void entries(cx *x, xmlNodePtr cl)
{
	ex e = {x, cl, NULL, NULL};
	diff_walk_outline(x->d, entry_shown, &e);
}

/* ---- the renumbering table, the counts, the markers ---- */

static const char *row_anchor(cx *x, const diff_item *it)
{
	return arena_printf(x->a, "n%s-%s", anchor_prefix(it), it->uid);
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
	xmlNodePtr e = xml_el(cl, "numbers");
	xml_attr_size(e, "shifted", d->counts[DIFF_SHIFTED]);
	for (size_t i = 0; i < d->nrenumbered; i++) {
		const diff_item *it = d->renumbered[i];
		/* a requirement's row names its question */
		const diff_item *q =
		    it->type == DIFF_REQUIREMENT ? it->parent : it;
		xmlNodePtr r = xml_el(e, "row");
		item_attrs(x, r, it);
		xml_attr(r, "anchor", row_anchor(x, it));
		if (it->reported || it->nchanges)
			xml_attr(r, "entry", entry_anchor(x, it));
		else if (q && q->reported)
			xml_attr(r, "entry", entry_anchor(x, q));
		if (q)
			titles(x, r, diff_item_title(q));
	}
}

static void counts(cx *x, xmlNodePtr cl)
{
	const diff_result *d = x->d;
	size_t n[DIFF_NTYPES][DIFF_NKINDS];
	diff_count_types(d, n);
	xmlNodePtr e = xml_el(cl, "counts");
	xml_attr_size(e, "total", d->nchanges);
	for (int k = DIFF_ADDED; k < DIFF_NKINDS; k++) {
		if (k == DIFF_SHIFTED || !d->counts[k])
			continue;
		xmlNodePtr c = xml_el(e, "count");
		xml_attr(c, "kind", diff_kind_name((diff_kind)k));
		xml_attr_size(c, "chapters", n[DIFF_CHAPTER][k]);
		if (d->has_sections)
			xml_attr_size(c, "sections", n[DIFF_SECTION][k]);
		xml_attr_size(c, "questions", n[DIFF_QUESTION][k]);
		xml_attr_size(c, "requirements", n[DIFF_REQUIREMENT][k]);
		xml_attr_size(c, "total", d->counts[k]);
	}
}

/* <language-change> per language whose status changed. */
static void language_changes(cx *x, xmlNodePtr cl)
{
	const diff_result *d = x->d;
	for (size_t i = 0; i < d->nlang_changes; i++) {
		const diff_change *c = &d->lang_changes[i];
		xmlNodePtr e = xml_el(cl, "language-change");
		xml_attr(e, "lang", c->lang);
		xml_attr(e, "name", diff_language_name(d, c->lang));
		xml_attr(e, "event", diff_language_event(c));
		xml_attr(e, "old", c->old_status);
		xml_attr(e, "new", c->new_status);
		xml_attr_size(e, "added", c->texts_added);
		xml_attr_size(e, "changed", c->texts_changed);
		xml_attr_size(e, "removed", c->texts_removed);
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
		xmlNodePtr e = xml_el(cl, "question");
		xml_attr(e, "uid", q->new_q->uid);
		xml_attr(e, "anchor", anchor);
	}
}

/* The objectives and levels of the new scheme with their titles, so
 * that the change log can name them without the rest of the site. */
static void vocabulary(cx *x, xmlNodePtr cl)
{
	const vc_scheme *s = x->d->new->scheme;
	for (size_t i = 0; i < s->nobjectives; i++) {
		xmlNodePtr e = xml_el(cl, "objective-name");
		xml_attr(e, "id", s->objectives[i].id);
		titles(x, e, &s->objectives[i].title);
	}
	for (size_t i = 0; i < s->nlevels; i++) {
		xmlNodePtr e = xml_el(cl, "level-name");
		xml_attr(e, "id", s->levels[i].id);
		titles(x, e, &s->levels[i].title);
	}
}

xmlNodePtr diff_changelog_xml(xmlNodePtr parent, const diff_result *d,
                              const char *const *langs, size_t nlangs)
{
	cx x = {d, langs, nlangs, arena_new()};
	const vc_version *o = d->old, *n = d->new;
	xmlNodePtr cl = xml_el(parent, "changelog");
	xml_attr(cl, "from", o->version);
	xml_attr(cl, "to", n->version);
	xml_attr(cl, "catalogue", n->catalogue);
	xml_attr(cl, "old-key", o->key);
	xml_attr(cl, "new-key", n->key);
	xml_attr(cl, "old-released", o->released);
	xml_attr(cl, "new-released", n->released);
	xml_attr_bool(cl, "old-draft", o->draft);
	xml_attr_bool(cl, "new-draft", n->draft);
	xml_attr(cl, "compared-lang", d->lang);
	xml_attr_bool(cl, "same", diff_same(d));
	if (d->has_sections)
		xml_attr(cl, "sections", "true");
	markers(&x, cl);
	vocabulary(&x, cl);
	counts(&x, cl);
	language_changes(&x, cl);
	numbers(&x, cl);
	entries(&x, cl);
	arena_free(x.a);
	return cl;
}
