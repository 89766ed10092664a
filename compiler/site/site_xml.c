/*
 * site_xml.c - the models as one XML document for the site templates.
 *
 * The document has two parts: data and a page manifest.
 *
 *   <site generator=".." base-url=".." home-lang="en" scheme="enx-vcs">
 *     <language id="en" name="English" home="index.html"/>    site languages
 *     <audit-objective id=".." file="objectives/ID.html"> title, description
 *     <level id="must" exemption colour? ink? objectives narrowed>
 *                                   title, description   (scheme order)
 *     <downloads count="N"> <file name=".." href="downloads/.." size=".."
 *                                 version="vcsa/1.1"?/>
 *     <catalogue id="vcsa" latest="1.1"?>
 *       <version key="vcsa/1.1" id="1.1" order="N" draft latest outdated
 *                released predecessor licence source-lang>
 *         <language id="en" dir="vcsa/1.1/en/" home="vcsa/1.1/en/index.html"
 *                   search="vcsa/1.1/en/search-index.js"/>
 *         title, summary
 *         <chapter number="1" file="chapters/1.html" anchor> title, intro
 *           <section uid number file anchor objectives>   (N.M.K schemes)
 *             title, intro, note, <question>...
 *           <question uid number file anchor objectives withdrawn>
 *             title, text, objective, further, evidence, note
 *             <ref standard title id href/>
 *             <requirement uid label letter anchor objectives narrowed
 *                          levels>
 *               <text level="must" objectives lang>  one per level used
 *               note, ref
 *             <successor uid/> <last-content version href/>  (withdrawn)
 *         <standard id title file> <cite id anchor group>
 *                                   <by question requirement?/>
 *         <changelog from file> ... (added by site_changes_add)
 *     <pages>
 *       <page path root type lang [catalogue version vroot ref]>
 *         <alt lang href/>               the page in other languages
 *         <other version lang href state number current latest draft>
 *           <successor number href/>     (state="withdrawn": where it went)
 *       <page type="redirect" path root lang target/>
 *
 * Prose elements (title, text, ...) come once per language the version
 * publishes, with lang="..": titles as plain text, the rest as XHTML
 * built from the Markdown (site_md.c); text-lang names the language a
 * text fell back to.
 *
 * Levels are data: a requirement's texts are <text level="ID"> in the
 * scheme's order of levels (a level id may start with a digit, so it
 * never names an element). A level's objectives are those it applies
 * to (narrowed="true" when the scheme limits them); a text's objectives
 * are its requirement's, as far as its level applies to them; a
 * requirement's objectives are those for which any of its texts
 * applies (narrowed="true" when the source narrows them or they are
 * fewer than its question's). label is the requirement's label as
 * published, after the question's number ("1.2.ii"); letter is the
 * label alone ("ii").
 *
 * Sections: where the scheme numbers questions N.M.K, a chapter holds
 * <section> elements and they hold the questions; otherwise questions
 * are the chapter's children, as before. A section has no page of its
 * own: it is a part of its chapter's page (file) with an anchor
 * "s-UID"; its objectives are those of any question it holds. A
 * question that moved to another section of the same chapter has the
 * state "moved-section" in the version menu; a section uid has a
 * permanent link, like a question's, to its place on the chapter page.
 *
 * Hrefs named `file` are relative to the version's language directory;
 * `href`, `home`, `dir`, `path` and `target` are relative to the site
 * root. Templates prefix them with the page's vroot or root, so every
 * link in the output is relative.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>

#include "base/xml.h"
#include "site.h"

/* ---- ordering ---- */

static bool all_digits(const char *s, size_t n)
{
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* Compares two runs of digits by value. */
static int cmp_number(const char *a, size_t na, const char *b, size_t nb)
{
	while (na > 1 && *a == '0')
		a++, na--;
	while (nb > 1 && *b == '0')
		b++, nb--;
	if (na != nb)
		return na < nb ? -1 : 1;
	int c = memcmp(a, b, na);
	return c < 0 ? -1 : c > 0;
}

int site_version_cmp(const char *a, const char *b)
{
	while (*a || *b) {
		size_t na = strcspn(a, "."), nb = strcspn(b, ".");
		int c;
		if (all_digits(a, na) && all_digits(b, nb)) {
			c = cmp_number(a, na, b, nb);
		} else {
			size_t n = na < nb ? na : nb;
			c = memcmp(a, b, n);
			if (!c && na != nb)
				c = na < nb ? -1 : 1;
		}
		if (c)
			return c < 0 ? -1 : 1;
		a += na;
		b += nb;
		if (!*a || !*b)
			return *a ? 1 : *b ? -1 : 0;
		a++;
		b++;
	}
	return 0;
}

int site_natural_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			size_t na = 0, nb = 0;
			while (isdigit((unsigned char)a[na]))
				na++;
			while (isdigit((unsigned char)b[nb]))
				nb++;
			int c = cmp_number(a, na, b, nb);
			if (c)
				return c;
			a += na;
			b += nb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

/* ---- what the builder knows about each version ---- */

typedef struct ver_info {
	vc_version *v;
	size_t cat_first, cat_n; /* versions of the same catalogue */
	bool latest;             /* newest released version */
	const char **langs;      /* published languages, source first */
	size_t nlangs;
	bool *cited; /* per scheme standard: cited here */
} ver_info;

typedef struct ctx {
	const site_input *in;
	const vc_scheme *s;
	ver_info *vi;
	size_t n;
	const char **langs; /* site languages, in scheme order */
	size_t nlangs;
	xmlNodePtr root, pages;
	arena *a;
} ctx;

enum kind {
	K_OVERVIEW,
	K_CHAPTER,
	K_QUESTION,
	K_REQUIREMENTS,
	K_OBJECTIVE,
	K_STANDARD,
	K_DOWNLOADS,
	K_CHANGES
};

static const char *const kind_names[] = {
    "overview",  "chapter",  "question",  "requirements",
    "objective", "standard", "downloads", "changes"};

static bool publishes(const ver_info *vi, const char *lang)
{
	for (size_t i = 0; i < vi->nlangs; i++)
		if (strcmp(vi->langs[i], lang) == 0)
			return true;
	return false;
}

/* "../" repeated once per '/' in path. */
static const char *up_prefix(ctx *c, const char *path)
{
	buf b = {0};
	buf_puts(&b, "");
	for (const char *p = path; *p; p++)
		if (*p == '/')
			buf_puts(&b, "../");
	char *r = arena_strdup(c->a, b.data);
	buf_free(&b);
	return r;
}

static const char *lang_dir(ctx *c, const ver_info *vi, const char *lang)
{
	return arena_printf(c->a, "%s/%s/%s/", vi->v->catalogue, vi->v->version,
	                    lang);
}

/* A page's path inside its version's language directory. */
static const char *rel_path(ctx *c, enum kind k, const char *ref)
{
	switch (k) {
	case K_OVERVIEW:
		return "index.html";
	case K_CHAPTER:
		return arena_printf(c->a, "chapters/%s.html", ref);
	case K_QUESTION:
		return arena_printf(c->a, "questions/%s.html", ref);
	case K_REQUIREMENTS:
		return "requirements.html";
	case K_OBJECTIVE:
		return arena_printf(c->a, "objectives/%s.html", ref);
	case K_STANDARD:
		return arena_printf(c->a, "references/%s.html", ref);
	case K_DOWNLOADS:
		return "downloads.html";
	case K_CHANGES:
		return arena_printf(c->a, "changes/%s.html", ref);
	}
	return "index.html";
}

/* ---- data ---- */

static char *objset(ctx *c, vc_objset set)
{
	char *s = model_objset_string(c->s, set, " ");
	char *r = arena_strdup(c->a, s);
	free(s);
	return r;
}

/* Anchor id of a cited identifier: letters, digits, '.', '-' kept. */
static const char *ref_anchor(ctx *c, const char *id)
{
	char *r = arena_printf(c->a, "ref-%s", id);
	for (char *p = r + 4; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '.' && *p != '-')
			*p = '_';
	return r;
}

typedef struct cite {
	const vc_ref *ref;
	const vc_question *q;
	const vc_requirement *r; /* NULL: cited by the question itself */
} cite;

static int standard_index(const vc_scheme *s, const vc_standard *st)
{
	for (size_t i = 0; i < s->nstandards; i++)
		if (&s->standards[i] == st)
			return (int)i;
	return 0;
}

static const vc_scheme *sort_scheme;

static int cmp_cite(const void *pa, const void *pb)
{
	const cite *a = pa, *b = pb;
	int sa = standard_index(sort_scheme, a->ref->standard);
	int sb = standard_index(sort_scheme, b->ref->standard);
	if (sa != sb)
		return sa < sb ? -1 : 1;
	int c = site_natural_cmp(a->ref->id, b->ref->id);
	if (c)
		return c;
	if (a->q->index != b->q->index)
		return a->q->index < b->q->index ? -1 : 1;
	size_t ra = a->r ? a->r->index + 1 : 0, rb = b->r ? b->r->index + 1 : 0;
	return ra < rb ? -1 : ra > rb;
}

static void refs_el(ctx *c, xmlNodePtr parent, const vc_ref *refs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		xmlNodePtr e = xml_el(parent, "ref");
		xml_attr(e, "standard", refs[i].standard->id);
		xml_attr(e, "title", refs[i].standard->title);
		xml_attr(e, "id", refs[i].id);
		xml_attrf(e, "href", "%s#%s",
		          rel_path(c, K_STANDARD, refs[i].standard->id),
		          ref_anchor(c, refs[i].id));
	}
}

/* The reference index of one version: every cited identifier with the
 * questions and requirements citing it. */
static void standards_el(ctx *c, xmlNodePtr vel, ver_info *vi)
{
	const vc_version *v = vi->v;
	cite *cs = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < v->nquestions; i++) {
		const vc_question *q = v->questions[i];
		for (size_t k = 0; k < q->nrefs; k++) {
			cite ct = {&q->refs[k], q, NULL};
			VEC_PUSH(cs, n, cap, ct);
		}
		for (size_t j = 0; j < q->nreqs; j++)
			for (size_t k = 0; k < q->reqs[j].nrefs; k++) {
				cite ct = {&q->reqs[j].refs[k], q, &q->reqs[j]};
				VEC_PUSH(cs, n, cap, ct);
			}
	}
	sort_scheme = c->s;
	if (n)
		qsort(cs, n, sizeof(*cs), cmp_cite);
	xmlNodePtr st = NULL, ci = NULL;
	const vc_standard *cur_st = NULL;
	const char *cur_id = NULL;
	for (size_t i = 0; i < n; i++) {
		const vc_ref *r = cs[i].ref;
		if (r->standard != cur_st) {
			cur_st = r->standard;
			cur_id = NULL;
			vi->cited[standard_index(c->s, cur_st)] = true;
			st = xml_el(vel, "standard");
			xml_attr(st, "id", cur_st->id);
			xml_attr(st, "title", cur_st->title);
			xml_attr(st, "file",
			         rel_path(c, K_STANDARD, cur_st->id));
		}
		if (!cur_id || strcmp(cur_id, r->id) != 0) {
			cur_id = r->id;
			ci = xml_el(st, "cite");
			xml_attr(ci, "id", r->id);
			xml_attr(ci, "anchor", ref_anchor(c, r->id));
			size_t g = 0;
			while (isupper((unsigned char)r->id[g]))
				g++;
			if (g && r->id[g] == '-')
				xml_attr(ci, "group",
				         arena_strndup(c->a, r->id, g));
		}
		/* one line per citing item, even if cited twice */
		xmlNodePtr last = ci->last;
		const char *rq = cs[i].r ? cs[i].r->uid : "";
		if (last) {
			xmlChar *lq = xmlGetProp(last, XML_STR("question"));
			xmlChar *lr = xmlGetProp(last, XML_STR("requirement"));
			bool dup = lq &&
			           strcmp((char *)lq, cs[i].q->uid) == 0 &&
			           strcmp(lr ? (char *)lr : "", rq) == 0;
			xmlFree(lq);
			xmlFree(lr);
			if (dup)
				continue;
		}
		xmlNodePtr by = xml_el(ci, "by");
		xml_attr(by, "question", cs[i].q->uid);
		if (cs[i].r)
			xml_attr(by, "requirement", cs[i].r->uid);
	}
	free(cs);
}

/* The newest version older than vi in which uid is a live question. */
static const ver_info *last_content(ctx *c, const ver_info *vi, const char *uid)
{
	for (size_t i = (size_t)(vi - c->vi); i-- > vi->cat_first;) {
		vc_question *q = model_question(c->vi[i].v, uid);
		if (q && !q->withdrawn)
			return &c->vi[i];
	}
	return NULL;
}

static const char *pick_lang(const ver_info *vi, const char *lang)
{
	return publishes(vi, lang) ? lang : vi->langs[0];
}

/* The text of r at level l as <text level="ID" objectives=".."
 * lang=".."> elements, one per language (none where r has no text at
 * that level): the objectives are those for which the text applies,
 * narrower than r's own where the level applies only to some. */
static void level_text_el(ctx *c, xmlNodePtr re, const vc_scheme *s,
                          const vc_requirement *r, size_t l,
                          const char *const *langs, size_t nlangs)
{
	xmlNodePtr before = re->last;
	site_prose_xhtml(re, "text", model_req_text(r, l), langs, nlangs, 3);
	const char *objs = objset(c, model_req_level_objectives(s, r, l));
	for (xmlNodePtr t = before ? before->next : re->children; t;
	     t = t->next) {
		if (t->type != XML_ELEMENT_NODE)
			continue;
		xml_attr(t, "level", s->levels[l].id);
		xml_attr(t, "objectives", objs);
	}
}

static void question_el(ctx *c, xmlNodePtr parent, ver_info *vi,
                        const vc_question *q)
{
	const char *const *L = vi->langs;
	size_t nl = vi->nlangs;
	xmlNodePtr e = xml_el(parent, "question");
	xml_attr(e, "uid", q->uid);
	xml_attr(e, "number", q->number);
	xml_attr(e, "file", rel_path(c, K_QUESTION, q->number));
	xml_attr(e, "anchor", arena_printf(c->a, "q-%s", q->uid));
	xml_attr(e, "objectives", objset(c, q->applies_to));
	xml_attr_bool(e, "withdrawn", q->withdrawn);
	site_prose_plain(e, "title", &q->title, L, nl);
	site_prose_xhtml(e, "text", &q->question, L, nl, 2);
	site_prose_xhtml(e, "objective", &q->objective, L, nl, 2);
	site_prose_xhtml(e, "further", &q->further, L, nl, 2);
	site_prose_xhtml(e, "evidence", &q->evidence, L, nl, 2);
	site_prose_xhtml(e, "note", &q->change_note, L, nl, 3);
	refs_el(c, e, q->refs, q->nrefs);
	for (size_t i = 0; i < q->nreqs; i++) {
		const vc_requirement *r = &q->reqs[i];
		xmlNodePtr re = xml_el(e, "requirement");
		xml_attr(re, "uid", r->uid);
		xml_attr(re, "label", r->label);
		xml_attr(re, "letter", r->letter);
		xml_attr(re, "anchor", arena_printf(c->a, "r-%s", r->uid));
		/* where any of its texts applies: a requirement whose every
		 * text is for other objectives does not apply */
		const vc_scheme *sch = vi->v->scheme;
		vc_objset objs = model_req_objectives(sch, r);
		if (!objs)
			objs = r->applies_to;
		xml_attr(re, "objectives", objset(c, objs));
		xml_attr_bool(re, "narrowed",
		              r->narrowed || objs != q->applies_to);
		char *lv = model_req_levels_string(sch, r, " ");
		xml_attr(re, "levels", lv);
		free(lv);
		for (size_t l = 0; l < sch->nlevels; l++)
			level_text_el(c, re, sch, r, l, L, nl);
		site_prose_xhtml(re, "note", &r->change_note, L, nl, 3);
		refs_el(c, re, r->refs, r->nrefs);
	}
	if (q->withdrawn) {
		for (size_t k = 0; k < q->nsuccessors; k++) {
			if (!q->successors[k])
				continue;
			xmlNodePtr s = xml_el(e, "successor");
			xml_attr(s, "uid", q->successors[k]->uid);
		}
		const ver_info *w = last_content(c, vi, q->uid);
		for (size_t i = 0; w && i < vi->nlangs; i++) {
			const vc_question *wq = model_question(w->v, q->uid);
			const char *wl = pick_lang(w, vi->langs[i]);
			xmlNodePtr lc = xml_el(e, "last-content");
			xml_attr(lc, "lang", vi->langs[i]);
			xml_attr(lc, "version", w->v->version);
			xml_attrf(lc, "href", "%s%s", lang_dir(c, w, wl),
			          rel_path(c, K_QUESTION, wq->number));
		}
	}
}

/* A section of a chapter (N.M.K schemes) with its questions: a part of
 * its chapter's page, at the anchor s-UID. */
static void section_el(ctx *c, xmlNodePtr parent, ver_info *vi,
                       const vc_section *sec)
{
	const char *const *L = vi->langs;
	size_t nl = vi->nlangs;
	vc_objset objs = 0;
	for (size_t i = 0; i < sec->nquestions; i++)
		objs |= sec->questions[i]->applies_to;
	xmlNodePtr e = xml_el(parent, "section");
	xml_attr(e, "uid", sec->uid);
	xml_attr(e, "number", sec->number);
	xml_attr(
	    e, "file",
	    rel_path(c, K_CHAPTER, arena_printf(c->a, "%d", sec->chapter_no)));
	xml_attr(e, "anchor", arena_printf(c->a, "s-%s", sec->uid));
	xml_attr(e, "objectives", objset(c, objs));
	site_prose_plain(e, "title", &sec->title, L, nl);
	site_prose_xhtml(e, "intro", &sec->introduction, L, nl, 2);
	site_prose_xhtml(e, "note", &sec->change_note, L, nl, 3);
	for (size_t i = 0; i < sec->nquestions; i++)
		question_el(c, e, vi, sec->questions[i]);
}

static void version_el(ctx *c, xmlNodePtr cat, ver_info *vi, size_t order)
{
	const vc_version *v = vi->v;
	const ver_info *latest = NULL;
	for (size_t i = vi->cat_first; i < vi->cat_first + vi->cat_n; i++)
		if (c->vi[i].latest)
			latest = &c->vi[i];
	xmlNodePtr e = xml_el(cat, "version");
	xml_attr(e, "key", v->key);
	xml_attr(e, "id", v->version);
	xml_attrf(e, "order", "%zu", order);
	xml_attr_bool(e, "draft", v->draft);
	xml_attr_bool(e, "latest", vi->latest);
	/* outdated: a newer released version exists */
	xml_attr_bool(e, "outdated",
	              latest && !vi->latest && !v->draft &&
	                  site_version_cmp(v->version, latest->v->version) < 0);
	xml_attr(e, "released", v->released);
	xml_attr(e, "predecessor", v->predecessor);
	xml_attr(e, "licence", v->licence);
	xml_attr(e, "source-lang", vi->langs[0]);
	for (size_t i = 0; i < vi->nlangs; i++) {
		xmlNodePtr l = xml_el(e, "language");
		xml_attr(l, "id", vi->langs[i]);
		xml_attr(l, "dir", lang_dir(c, vi, vi->langs[i]));
		xml_attrf(l, "home", "%sindex.html",
		          lang_dir(c, vi, vi->langs[i]));
		/* written by site_search.c */
		xml_attrf(l, "search", "%s%s", lang_dir(c, vi, vi->langs[i]),
		          SITE_SEARCH_INDEX);
	}
	for (size_t i = 0; i < v->nlanguages; i++)
		if (!v->languages[i].complete) {
			xmlNodePtr l = xml_el(e, "partial-language");
			xml_attr(l, "id", v->languages[i].id);
		}
	site_prose_plain(e, "title", &v->title, vi->langs, vi->nlangs);
	site_prose_xhtml(e, "summary", &v->summary, vi->langs, vi->nlangs, 2);
	size_t withdrawn = 0;
	for (size_t i = 0; i < v->nquestions; i++)
		withdrawn += v->questions[i]->withdrawn;
	xml_attrf(e, "questions", "%zu", v->nquestions - withdrawn);
	xml_attrf(e, "requirements", "%zu", v->nrequirements);
	for (size_t i = 0; i < v->nchapters; i++) {
		const vc_chapter *ch = &v->chapters[i];
		xmlNodePtr ce = xml_el(e, "chapter");
		xml_attrf(ce, "number", "%d", ch->number);
		xml_attr(ce, "file",
		         rel_path(c, K_CHAPTER,
		                  arena_printf(c->a, "%d", ch->number)));
		xml_attrf(ce, "anchor", "ch-%d", ch->number);
		site_prose_plain(ce, "title", &ch->title, vi->langs,
		                 vi->nlangs);
		site_prose_xhtml(ce, "intro", &ch->introduction, vi->langs,
		                 vi->nlangs, 2);
		for (size_t j = 0; j < ch->nsections; j++)
			section_el(c, ce, vi, ch->sections[j]);
		/* without sections, every question; with them, none is
		 * left (the loader puts each in a section) */
		for (size_t j = 0; j < ch->nquestions; j++)
			if (!ch->questions[j]->section)
				question_el(c, ce, vi, ch->questions[j]);
	}
	standards_el(c, e, vi);
	/* the catalogue diff hangs its change logs here */
	if (vi > &c->vi[vi->cat_first])
		site_changes_add(e, (vi - 1)->v, v, vi->langs, vi->nlangs);
}

/* The lettering of a label filled with colour (#rrggbb, checked by the
 * scheme loader): black or white, whichever contrasts more by WCAG 2's
 * relative luminance (sRGB decoded exactly: a cruder curve picks black
 * on #b45309, 4.2:1, where white gives 5:1). */
static const char *level_ink(const char *colour)
{
	static const double weight[3] = {0.2126, 0.7152, 0.0722};
	unsigned rgb[3];
	if (sscanf(colour, "#%2x%2x%2x", &rgb[0], &rgb[1], &rgb[2]) != 3)
		return NULL;
	double l = 0;
	for (int i = 0; i < 3; i++) {
		double v = rgb[i] / 255.0;
		v = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
		l += weight[i] * v;
	}
	return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? "#ffffff" : "#000000";
}

static void scheme_el(ctx *c)
{
	const vc_scheme *s = c->s;
	for (size_t i = 0; i < c->nlangs; i++) {
		const vc_language *l = model_language(s, c->langs[i]);
		xmlNodePtr e = xml_el(c->root, "language");
		xml_attr(e, "id", l->id);
		xml_attr(e, "name", l->name);
		xml_attr(e, "home",
		         i == 0 ? "index.html"
		                : arena_printf(c->a, "%s/index.html", l->id));
	}
	for (size_t i = 0; i < s->nobjectives; i++) {
		xmlNodePtr e = xml_el(c->root, "audit-objective");
		xml_attr(e, "id", s->objectives[i].id);
		xml_attr(e, "file",
		         rel_path(c, K_OBJECTIVE, s->objectives[i].id));
		site_prose_plain(e, "title", &s->objectives[i].title, c->langs,
		                 c->nlangs);
		site_prose_xhtml(e, "description",
		                 &s->objectives[i].description, c->langs,
		                 c->nlangs, 2);
	}
	for (size_t i = 0; i < s->nlevels; i++) {
		xmlNodePtr e = xml_el(c->root, "level");
		xml_attr(e, "id", s->levels[i].id);
		xml_attr(e, "exemption", s->levels[i].exemption);
		xml_attr(e, "colour", s->levels[i].colour);
		if (s->levels[i].colour)
			xml_attr(e, "ink", level_ink(s->levels[i].colour));
		xml_attr(e, "objectives", objset(c, s->levels[i].applies_to));
		xml_attr_bool(e, "narrowed", s->levels[i].narrowed);
		site_prose_plain(e, "title", &s->levels[i].title, c->langs,
		                 c->nlangs);
		site_prose_xhtml(e, "description", &s->levels[i].description,
		                 c->langs, c->nlangs, 2);
	}
}

/* Where key ends as a whole version key in name (no letter or digit
 * before it, no further digit after it: vcsa-1.1 is not vcsa-1.10), or
 * NULL. */
static const char *key_in(const char *name, const char *key)
{
	size_t kl = strlen(key);
	for (const char *p = strstr(name, key); p; p = strstr(p + 1, key)) {
		const char *after = p + kl;
		bool left_ok = p == name || !isalnum((unsigned char)p[-1]);
		bool right_ok =
		    !isdigit((unsigned char)*after) &&
		    !(*after == '.' && isdigit((unsigned char)after[1]));
		if (left_ok && right_ok)
			return after;
	}
	return NULL;
}

/* The version a download belongs to: its name holds CAT-VER; a name
 * holding two versions, CAT-OLD-NEW (the release notes of NEW), belongs
 * to the newer one. */
static const ver_info *download_version(ctx *c, const char *name)
{
	const ver_info *best = NULL;
	int best_score = 0;
	for (size_t i = 0; i < c->n; i++) {
		const vc_version *v = c->vi[i].v;
		char *key = xasprintf("%s-%s", v->catalogue, v->version);
		int score = key_in(name, key) ? 1 : 0;
		for (size_t j = 0; j < c->n && score < 2; j++) {
			const vc_version *w = c->vi[j].v;
			if (j == i || strcmp(w->catalogue, v->catalogue) != 0)
				continue;
			char *pair = xasprintf("%s-%s-%s", w->catalogue,
			                       w->version, v->version);
			if (key_in(name, pair))
				score = 2;
			free(pair);
		}
		free(key);
		if (score && score >= best_score) {
			best = &c->vi[i];
			best_score = score;
		}
	}
	return best;
}

static void downloads_el(ctx *c)
{
	xmlNodePtr e = xml_el(c->root, "downloads");
	xml_attrf(e, "count", "%zu", c->in->ndownloads);
	for (size_t i = 0; i < c->in->ndownloads; i++) {
		const site_download *d = &c->in->downloads[i];
		xmlNodePtr f = xml_el(e, "file");
		xml_attr(f, "name", d->name);
		xmlChar *esc = xmlURIEscapeStr(XML_STR(d->name), XML_STR(""));
		xml_attrf(f, "href", "downloads/%s", (const char *)esc);
		xmlFree(esc);
		xml_attrf(f, "size", "%lld", d->size);
		const char *dot = strrchr(d->name, '.');
		if (dot && dot[1]) {
			char *ext = arena_strdup(c->a, dot + 1);
			for (char *p = ext; *p; p++)
				*p = (char)tolower((unsigned char)*p);
			xml_attr(f, "type", ext);
		}
		const ver_info *vi = download_version(c, d->name);
		if (vi)
			xml_attr(f, "version", vi->v->key);
	}
}

size_t site_languages(const vc_version *v, const char **langs)
{
	size_t n = 0;
	for (size_t j = 0; j < v->nlanguages; j++)
		if (v->languages[j].complete)
			langs[n++] = v->languages[j].id;
	if (!n && v->nlanguages) /* cannot happen: the source is complete */
		langs[n++] = v->languages[0].id;
	return n;
}

/* ---- the page manifest ---- */

static xmlNodePtr page(ctx *c, const char *path, const char *type,
                       const char *lang)
{
	xmlNodePtr p = xml_el(c->pages, "page");
	xml_attr(p, "path", path);
	xml_attr(p, "root", up_prefix(c, path));
	xml_attr(p, "type", type);
	xml_attr(p, "lang", lang);
	return p;
}

static void redirect(ctx *c, const char *path, const char *target,
                     const char *lang)
{
	xmlNodePtr p = page(c, path, "redirect", lang);
	xml_attr(p, "target", target);
}

/* Where the page (kind, ref) of vi is in version w: its path inside w's
 * language directory, and how it got there. */
static const char *counterpart(ctx *c, const ver_info *vi, enum kind k,
                               const char *ref, const ver_info *w,
                               const char **state, const char **number)
{
	*state = "same";
	*number = NULL;
	switch (k) {
	case K_QUESTION: {
		const vc_question *q = model_question_by_number(vi->v, ref);
		const vc_question *wq = q ? model_question(w->v, q->uid) : NULL;
		if (!wq) {
			*state = "absent";
			return rel_path(c, K_OVERVIEW, NULL);
		}
		*number = wq->number;
		if (wq->withdrawn && !q->withdrawn)
			*state = "withdrawn";
		else if (!wq->withdrawn && q->withdrawn)
			*state = "live";
		else if (wq->chapter_no != q->chapter_no)
			*state = "moved";
		else if (wq->section && q->section &&
		         strcmp(wq->section->uid, q->section->uid) != 0)
			*state = "moved-section";
		else if (strcmp(wq->number, q->number) != 0)
			*state = "renumbered";
		return rel_path(c, K_QUESTION, wq->number);
	}
	case K_CHAPTER:
		if ((size_t)atoi(ref) <= w->v->nchapters)
			return rel_path(c, K_CHAPTER, ref);
		*state = "absent";
		return rel_path(c, K_OVERVIEW, NULL);
	case K_STANDARD: {
		const vc_standard *st = model_standard(c->s, ref);
		if (st && w->cited[standard_index(c->s, st)])
			return rel_path(c, K_STANDARD, ref);
		*state = "absent";
		return rel_path(c, K_OVERVIEW, NULL);
	}
	case K_CHANGES:
		if (w != vi) {
			*state = "absent";
			return rel_path(c, K_OVERVIEW, NULL);
		}
		return rel_path(c, k, ref);
	default:
		return rel_path(c, k, ref);
	}
}

/* Under the <other> element o of a question page (number ref of vi)
 * whose question w withdrew: <successor number href/> for each question
 * it continues in, in w's language folder wl. */
static void successors_el(ctx *c, xmlNodePtr o, const ver_info *vi,
                          const char *ref, const ver_info *w, const char *wl)
{
	const vc_question *q = model_question_by_number(vi->v, ref);
	const vc_question *wq = q ? model_question(w->v, q->uid) : NULL;
	for (size_t i = 0; wq && i < wq->nsuccessors; i++) {
		const vc_question *s = wq->successors[i];
		if (!s)
			continue;
		xmlNodePtr e = xml_el(o, "successor");
		xml_attr(e, "number", s->number);
		xml_attrf(e, "href", "%s%s", lang_dir(c, w, wl),
		          rel_path(c, K_QUESTION, s->number));
	}
}

static void version_page(ctx *c, ver_info *vi, const char *lang, enum kind k,
                         const char *ref)
{
	const char *rel = rel_path(c, k, ref);
	const char *path =
	    arena_printf(c->a, "%s%s", lang_dir(c, vi, lang), rel);
	xmlNodePtr p = page(c, path, kind_names[k], lang);
	xml_attr(p, "catalogue", vi->v->catalogue);
	xml_attr(p, "version", vi->v->key);
	xml_attr(p, "vroot", up_prefix(c, rel));
	xml_attr(p, "ref", ref);
	for (size_t i = 0; i < vi->nlangs; i++) {
		xmlNodePtr a = xml_el(p, "alt");
		xml_attr(a, "lang", vi->langs[i]);
		xml_attrf(a, "href", "%s%s", lang_dir(c, vi, vi->langs[i]),
		          rel);
		if (strcmp(vi->langs[i], lang) == 0)
			xml_attr(a, "current", "true");
	}
	for (size_t i = vi->cat_first; i < vi->cat_first + vi->cat_n; i++) {
		const ver_info *w = &c->vi[i];
		const char *state, *number;
		const char *wrel =
		    counterpart(c, vi, k, ref, w, &state, &number);
		const char *wl = pick_lang(w, lang);
		xmlNodePtr o = xml_el(p, "other");
		xml_attr(o, "version", w->v->version);
		xml_attr(o, "key", w->v->key);
		xml_attr(o, "lang", wl);
		xml_attrf(o, "href", "%s%s", lang_dir(c, w, wl), wrel);
		xml_attr(o, "state", state);
		xml_attr(o, "number", number);
		if (w == vi)
			xml_attr(o, "current", "true");
		if (w->latest)
			xml_attr(o, "latest", "true");
		if (w->v->draft)
			xml_attr(o, "draft", "true");
		if (k == K_QUESTION && strcmp(state, "withdrawn") == 0)
			successors_el(c, o, vi, ref, w, wl);
	}
}

static void version_pages(ctx *c, ver_info *vi, xmlNodePtr vel)
{
	const vc_version *v = vi->v;
	for (size_t li = 0; li < vi->nlangs; li++) {
		const char *lang = vi->langs[li];
		version_page(c, vi, lang, K_OVERVIEW, NULL);
		for (size_t i = 0; i < v->nchapters; i++)
			version_page(
			    c, vi, lang, K_CHAPTER,
			    arena_printf(c->a, "%d", v->chapters[i].number));
		for (size_t i = 0; i < v->nquestions; i++)
			version_page(c, vi, lang, K_QUESTION,
			             v->questions[i]->number);
		version_page(c, vi, lang, K_REQUIREMENTS, NULL);
		for (size_t i = 0; i < c->s->nobjectives; i++)
			version_page(c, vi, lang, K_OBJECTIVE,
			             c->s->objectives[i].id);
		for (size_t i = 0; i < c->s->nstandards; i++)
			if (vi->cited[i])
				version_page(c, vi, lang, K_STANDARD,
				             c->s->standards[i].id);
		version_page(c, vi, lang, K_DOWNLOADS, NULL);
		for (xmlNodePtr ch = vel->children; ch; ch = ch->next) {
			if (ch->type != XML_ELEMENT_NODE ||
			    strcmp((const char *)ch->name, "changelog") != 0)
				continue;
			xmlChar *from = xmlGetProp(ch, XML_STR("from"));
			if (from) {
				const char *ref =
				    arena_strdup(c->a, (char *)from);
				if (li == 0)
					xml_attr(ch, "file",
					         rel_path(c, K_CHANGES, ref));
				version_page(c, vi, lang, K_CHANGES, ref);
			}
			xmlFree(from);
		}
	}
	/* CAT/VER/index.html: to the source language */
	redirect(
	    c, arena_printf(c->a, "%s/%s/index.html", v->catalogue, v->version),
	    arena_printf(c->a, "%sindex.html", lang_dir(c, vi, vi->langs[0])),
	    vi->langs[0]);
}

/* CAT/latest/...: every page of the newest released version, per
 * language, as a redirect. */
static void latest_pages(ctx *c, const ver_info *vi)
{
	const char *cat = vi->v->catalogue;
	redirect(
	    c, arena_printf(c->a, "%s/latest/index.html", cat),
	    arena_printf(c->a, "%sindex.html", lang_dir(c, vi, vi->langs[0])),
	    vi->langs[0]);
	char *prefix = xasprintf("%s/%s/", cat, vi->v->version);
	size_t pl = strlen(prefix);
	/* walk the pages made so far for this version */
	for (xmlNodePtr p = c->pages->children; p; p = p->next) {
		xmlChar *path = xmlGetProp(p, XML_STR("path"));
		xmlChar *type = xmlGetProp(p, XML_STR("type"));
		xmlChar *lang = xmlGetProp(p, XML_STR("lang"));
		if (path && type && lang &&
		    strncmp((char *)path, prefix, pl) == 0 &&
		    strcmp((char *)type, "redirect") != 0) {
			const char *rest = (const char *)path + pl;
			redirect(c,
			         arena_printf(c->a, "%s/latest/%s", cat, rest),
			         (const char *)path, (const char *)lang);
		}
		xmlFree(path);
		xmlFree(type);
		xmlFree(lang);
	}
	free(prefix);
}

/* Where the permanent link of uid leads in version w, language wl (a
 * path from the site root), or NULL when w has no such uid. */
static const char *permalink_target(ctx *c, const ver_info *w, const char *wl,
                                    const char *uid)
{
	const vc_question *q = model_question(w->v, uid);
	if (q)
		return arena_printf(c->a, "%s%s", lang_dir(c, w, wl),
		                    rel_path(c, K_QUESTION, q->number));
	const vc_requirement *r = model_requirement(w->v, uid);
	if (r)
		return arena_printf(
		    c->a, "%s%s#r-%s", lang_dir(c, w, wl),
		    rel_path(c, K_QUESTION, r->question->number), r->uid);
	const vc_section *sec = model_section(w->v, uid);
	if (sec)
		return arena_printf(
		    c->a, "%s%s#s-%s", lang_dir(c, w, wl),
		    rel_path(c, K_CHAPTER,
		             arena_printf(c->a, "%d", sec->chapter_no)),
		    sec->uid);
	return NULL;
}

/* CAT/q/UID.html and CAT/q/LANG/UID.html: the newest version holding
 * the question (released versions first), in the source language or
 * in LANG; requirement uids land on their question's page, section
 * uids on their place in their chapter's page. */
static void permalinks(ctx *c, size_t first, size_t n)
{
	hmap seen;
	hmap_init(&seen);
	const char **uids = NULL;
	size_t nu = 0, cap = 0;
	for (size_t i = first; i < first + n; i++) {
		const vc_version *v = c->vi[i].v;
		for (size_t j = 0; j < v->nquestions; j++) {
			const vc_question *q = v->questions[j];
			if (!hmap_put(&seen, q->uid, (void *)q->uid))
				VEC_PUSH(uids, nu, cap, q->uid);
			for (size_t k = 0; k < q->nreqs; k++)
				if (!hmap_put(&seen, q->reqs[k].uid,
				              (void *)q->reqs[k].uid))
					VEC_PUSH(uids, nu, cap, q->reqs[k].uid);
		}
		for (size_t j = 0; j < v->nsections; j++)
			if (!hmap_put(&seen, v->sections[j]->uid,
			              (void *)v->sections[j]->uid))
				VEC_PUSH(uids, nu, cap, v->sections[j]->uid);
	}
	if (nu)
		qsort(uids, nu, sizeof(*uids), cmp_strp);
	const char *cat = c->vi[first].v->catalogue;
	for (size_t u = 0; u < nu; u++) {
		for (size_t li = 0; li <= c->nlangs; li++) {
			const char *lang = li ? c->langs[li - 1] : NULL;
			const ver_info *best = NULL;
			const char *target = NULL;
			for (int pass = 0; pass < 2 && !best; pass++) {
				for (size_t i = first + n; i-- > first;) {
					const ver_info *w = &c->vi[i];
					if ((pass == 0) == w->v->draft)
						continue;
					if (lang && !publishes(w, lang))
						continue;
					target = permalink_target(
					    c, w, lang ? lang : w->langs[0],
					    uids[u]);
					if (!target)
						continue;
					best = w;
					break;
				}
			}
			if (!best)
				continue;
			const char *path =
			    lang ? arena_printf(c->a, "%s/q/%s/%s.html", cat,
			                        lang, uids[u])
			         : arena_printf(c->a, "%s/q/%s.html", cat,
			                        uids[u]);
			redirect(c, path, target, lang ? lang : best->langs[0]);
		}
	}
	free(uids);
	hmap_free(&seen);
}

xmlDocPtr site_xml_build(const site_input *in)
{
	ctx c = {0};
	c.in = in;
	c.s = in->scheme;
	c.a = arena_new();
	c.n = in->nversions;
	c.vi = xcalloc(c.n ? c.n : 1, sizeof(*c.vi));
	for (size_t i = 0; i < c.n; i++) {
		ver_info *vi = &c.vi[i];
		vi->v = in->versions[i];
		vi->cited =
		    arena_alloc(c.a, (c.s->nstandards + 1) * sizeof(bool));
		vi->langs =
		    arena_alloc(c.a, (vi->v->nlanguages + 1) * sizeof(char *));
		vi->nlangs = site_languages(vi->v, vi->langs);
	}
	/* catalogue ranges and the latest released version of each */
	for (size_t i = 0; i < c.n;) {
		size_t j = i;
		while (j < c.n &&
		       strcmp(c.vi[j].v->catalogue, c.vi[i].v->catalogue) == 0)
			j++;
		ver_info *latest = NULL;
		for (size_t k = i; k < j; k++) {
			c.vi[k].cat_first = i;
			c.vi[k].cat_n = j - i;
			if (!c.vi[k].v->draft)
				latest = &c.vi[k];
		}
		if (latest)
			latest->latest = true;
		i = j;
	}
	/* site languages: published by some version, in scheme order */
	c.langs = arena_alloc(c.a, (c.s->nlanguages + 1) * sizeof(char *));
	for (size_t i = 0; i < c.s->nlanguages; i++) {
		bool used = false;
		for (size_t j = 0; j < c.n && !used; j++)
			used = publishes(&c.vi[j], c.s->languages[i].id);
		if (used)
			c.langs[c.nlangs++] = c.s->languages[i].id;
	}
	if (!c.nlangs && c.s->nlanguages)
		c.langs[c.nlangs++] = c.s->languages[0].id;

	xmlDocPtr doc = xmlNewDoc(XML_STR("1.0"));
	c.root = xmlNewDocNode(doc, NULL, XML_STR("site"), NULL);
	xmlDocSetRootElement(doc, c.root);
	xml_attr(c.root, "generator", "vcsc " VCSC_VERSION);
	xml_attr(c.root, "base-url", in->base_url ? in->base_url : "");
	xml_attr(c.root, "home-lang", c.nlangs ? c.langs[0] : "en");
	xml_attr(c.root, "scheme", c.s->id);
	scheme_el(&c);
	downloads_el(&c);

	xmlNodePtr *vels = xcalloc(c.n ? c.n : 1, sizeof(*vels));
	xmlNodePtr cat = NULL;
	for (size_t i = 0; i < c.n; i++) {
		ver_info *vi = &c.vi[i];
		if (i == vi->cat_first) {
			cat = xml_el(c.root, "catalogue");
			xml_attr(cat, "id", vi->v->catalogue);
			for (size_t k = i; k < i + vi->cat_n; k++)
				if (c.vi[k].latest) {
					xml_attr(cat, "latest",
					         c.vi[k].v->version);
					xml_attrf(cat, "latest-home",
					          "%sindex.html",
					          lang_dir(&c, &c.vi[k],
					                   c.vi[k].langs[0]));
				}
			xml_attrf(cat, "home", "%s/index.html",
			          vi->v->catalogue);
		}
		vels[i] = cat;
		version_el(&c, cat, vi, i - vi->cat_first);
		vels[i] = cat->last;
	}

	c.pages = xml_el(c.root, "pages");
	for (size_t i = 0; i < c.nlangs; i++) {
		const char *home =
		    i == 0 ? "index.html"
		           : arena_printf(c.a, "%s/index.html", c.langs[i]);
		xmlNodePtr p = page(&c, home, "home", c.langs[i]);
		for (size_t j = 0; j < c.nlangs; j++) {
			xmlNodePtr a = xml_el(p, "alt");
			xml_attr(a, "lang", c.langs[j]);
			xml_attr(a, "href",
			         j == 0 ? "index.html"
			                : arena_printf(c.a, "%s/index.html",
			                               c.langs[j]));
			if (i == j)
				xml_attr(a, "current", "true");
		}
	}
	page(&c, "404.html", "notfound", c.nlangs ? c.langs[0] : "en");
	site_cert_xml(c.root, c.pages, c.nlangs ? c.langs[0] : "en", in->keys,
	              in->status);
	for (size_t i = 0; i < c.n; i++)
		version_pages(&c, &c.vi[i], vels[i]);
	for (size_t i = 0; i < c.n;) {
		ver_info *vi = &c.vi[i];
		const ver_info *latest = NULL,
		               *newest = &c.vi[i + vi->cat_n - 1];
		for (size_t k = i; k < i + vi->cat_n; k++)
			if (c.vi[k].latest)
				latest = &c.vi[k];
		if (latest)
			latest_pages(&c, latest);
		const ver_info *front = latest ? latest : newest;
		redirect(&c,
		         arena_printf(c.a, "%s/index.html", vi->v->catalogue),
		         arena_printf(c.a, "%sindex.html",
		                      lang_dir(&c, front, front->langs[0])),
		         front->langs[0]);
		permalinks(&c, i, vi->cat_n);
		i += vi->cat_n;
	}
	if (in->base_url && *in->base_url)
		xml_attr(c.root, "sitemap", "sitemap.xml");
	free(vels);
	free(c.vi);
	arena_free(c.a);
	return doc;
}
