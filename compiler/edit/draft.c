/*
 * draft.c - a catalogue version checked against its predecessor (see
 * draft.h).
 */
#include "draft.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "diff/diff.h"

/* A warning held back until all are found, to be reported in the order
 * of files and lines. */
typedef struct finding {
	srcpos pos;
	char *msg;
	size_t seq;
} finding;

typedef struct dctx {
	const vc_version *old, *new;
	diff_result *r;
	arena *a; /* titles */
	finding *f;
	size_t n, cap;
} dctx;

static void add(dctx *x, srcpos pos, const char *fmt, ...) PRINTF_LIKE(3, 4);
static void add(dctx *x, srcpos pos, const char *fmt, ...)
{
	buf b = {0};
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	finding f = {pos, buf_detach(&b), x->n};
	VEC_PUSH(x->f, x->n, x->cap, f);
}

static int cmp_finding(const void *pa, const void *pb)
{
	const finding *a = pa, *b = pb;
	int c = strcmp(a->pos.file ? a->pos.file : "",
	               b->pos.file ? b->pos.file : "");
	if (c)
		return c;
	if (a->pos.line != b->pos.line)
		return a->pos.line < b->pos.line ? -1 : 1;
	if (a->pos.col != b->pos.col)
		return a->pos.col < b->pos.col ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

/* A title to name an item by, cut to a readable length. */
static const char *title_of(dctx *x, const vc_prose *p)
{
	const char *t = prose_plain(x->a, p, NULL);
	if (strlen(t) <= 60)
		return t;
	size_t k = 57;
	while (k > 0 && (t[k] & 0xC0) == 0x80)
		k--;
	return arena_printf(x->a, "%.*s...", (int)k, t);
}

static bool complete_in(const vc_version *v, const char *lang)
{
	for (size_t i = 0; i < v->nlanguages; i++)
		if (strcmp(v->languages[i].id, lang) == 0)
			return v->languages[i].complete;
	return false;
}

static bool has_kind(const diff_item *it, diff_kind k)
{
	return it->kinds & (1u << k);
}

static const diff_change *change_of(const diff_item *it, diff_kind k)
{
	for (size_t i = 0; i < it->nchanges; i++)
		if (it->changes[i].kind == k)
			return &it->changes[i];
	return NULL;
}

/* ---- questions and requirements gone ---- */

/* Where the new version should show that old question oq is gone: at
 * the question that now holds its number, else at its chapter, else at
 * version.yaml. */
static srcpos where_gone(const dctx *x, const vc_question *oq)
{
	const vc_question *nq = model_question_by_number(x->new, oq->number);
	if (nq)
		return nq->pos;
	for (size_t i = 0; i < x->new->nchapters; i++)
		if (x->new->chapters[i].number == oq->chapter_no)
			return x->new->chapters[i].pos;
	return x->new->pos;
}

static void gone_questions(dctx *x)
{
	for (size_t i = 0; i < x->old->nquestions; i++) {
		const vc_question *oq = x->old->questions[i];
		const diff_item *it = diff_pair_question(x->r, oq);
		if (!it || it->new_q)
			continue;
		srcpos at = where_gone(x, oq);
		if (oq->withdrawn)
			add(x, at,
			    "withdrawn question %s ('%s') of %s is gone from "
			    "%s; its placeholder stays in every later version, "
			    "so that its number and uid are never given to "
			    "another question: copy it from %s",
			    oq->number, oq->uid, x->old->key, x->new->key,
			    x->old->key);
		else
			add(x, at,
			    "question %s ('%s', %s) of %s is gone from %s "
			    "without being withdrawn; its number and uid stay "
			    "taken once released: keep it in its place as a "
			    "placeholder (number: \"%s\", uid: %s, withdrawn: "
			    "true, successor: the question that takes its "
			    "place)",
			    oq->number, oq->uid, title_of(x, &oq->title),
			    x->old->key, x->new->key, oq->number, oq->uid);
	}
}

static void gone_requirements(dctx *x)
{
	for (size_t i = 0; i < x->old->nrequirements; i++) {
		const vc_requirement *orq = x->old->requirements[i];
		const diff_item *it = diff_pair_requirement(x->r, orq);
		if (!it || it->new_r || it->place != DIFF_REMOVED)
			continue;
		const diff_item *qi = diff_pair_question(x->r, orq->question);
		const vc_question *nq = qi ? qi->new_q : NULL;
		if (!nq || nq->withdrawn || prose_present(&nq->change_note))
			continue;
		add(x, nq->pos,
		    "requirement %s ('%s') of %s is gone from question %s "
		    "without a word; a requirement is not withdrawn on its "
		    "own: say why it went in question %s's change_note, or "
		    "keep it",
		    orq->label, orq->uid, x->old->key, nq->number, nq->number);
	}
}

/* ---- uids ---- */

/* Whether item it has a new uid while its text stayed: reported, and
 * then not asked about again as a change without a note. */
static bool uid_changed(dctx *x, const diff_item *it)
{
	const diff_change *c = change_of(it, DIFF_UID);
	if (!c || has_kind(it, DIFF_TEXT) || it->similarity < 1.0)
		return false;
	const char *type = diff_type_name(it->type);
	srcpos at =
	    it->type == DIFF_QUESTION ? it->new_q->uid_pos : it->new_r->uid_pos;
	bool moved = strcmp(it->old_number, it->new_number) != 0;
	add(x, at,
	    "uid '%s' of %s %s is new, but the %s is %s %s of %s word for "
	    "word%s, whose uid is '%s'; uids are permanent: give it back '%s'",
	    c->new_uid, type, it->new_number, type, type, it->old_number,
	    x->old->key, moved ? " (since moved)" : "", c->old_uid, c->old_uid);
	return true;
}

/* ---- translations ---- */

/* The text of field of the new side of item it, or NULL. */
static const vc_prose *field_of(const dctx *x, const diff_item *it,
                                const char *field)
{
	if (it->type == DIFF_CHAPTER && it->new_ch)
		return strcmp(field, "title") == 0 ? &it->new_ch->title
		       : strcmp(field, "introduction") == 0
		           ? &it->new_ch->introduction
		           : NULL;
	if (it->type == DIFF_QUESTION && it->new_q) {
		const vc_question *q = it->new_q;
		static const char *const names[] = {
		    "title", "question", "objective", "further_information",
		    "evidence"};
		const vc_prose *p[] = {&q->title, &q->question, &q->objective,
		                       &q->further, &q->evidence};
		for (size_t i = 0; i < COUNT_OF(names); i++)
			if (strcmp(field, names[i]) == 0)
				return p[i];
		return NULL;
	}
	if (it->type == DIFF_REQUIREMENT && it->new_r) {
		int l = model_level_index(x->new->scheme, field);
		return l < 0 ? NULL : model_req_text(it->new_r, (size_t)l);
	}
	return NULL;
}

/* How an item is named: "question 1.2 ('org-roles')", "chapter 3". */
static const char *name_of(dctx *x, const diff_item *it)
{
	if (it->type == DIFF_CHAPTER)
		return arena_printf(x->a, "chapter %s", it->new_number);
	return arena_printf(x->a, "%s %s ('%s')", diff_type_name(it->type),
	                    it->new_number, it->uid);
}

static void stale_translations(dctx *x, const diff_item *it)
{
	for (size_t i = 0; i < it->nchanges; i++) {
		const diff_change *c = &it->changes[i];
		if (c->kind != DIFF_TRANSLATION_STALE ||
		    !complete_in(x->old, c->lang) ||
		    !complete_in(x->new, c->lang))
			continue;
		const vc_prose *p = field_of(x, it, c->field);
		srcpos at = it->type == DIFF_CHAPTER    ? it->new_ch->pos
		            : it->type == DIFF_QUESTION ? it->new_q->pos
		                                        : it->new_r->pos;
		for (size_t k = 0; p && k < p->n; k++)
			if (strcmp(p->tr[k].lang, c->lang) == 0)
				at = p->tr[k].pos;
		add(x, at,
		    "the '%s' text of %s was reworded in '%s', but its '%s' "
		    "translation was not; translate the change ('%s' is "
		    "complete in %s and %s)",
		    c->field, name_of(x, it), x->r->lang, c->lang, c->lang,
		    x->old->key, x->new->key);
	}
}

/* ---- change notes ---- */

/* Whether the old and new question sit in the same place: chapters that
 * the diff pairs, and the same section (by uid) or none. */
static bool same_group(const dctx *x, const vc_question *o,
                       const vc_question *n)
{
	bool paired = false;
	for (size_t i = 0; i < x->r->nchapters; i++) {
		const diff_item *c = x->r->chapters[i];
		if (c->old_ch == o->chapter)
			paired = c->new_ch == n->chapter;
	}
	if (!paired || !o->section != !n->section)
		return false;
	return !o->section || (o->section->uid && n->section->uid &&
	                       strcmp(o->section->uid, n->section->uid) == 0);
}

/* Whether the renumbered question item it only moved because questions
 * before it in its chapter (and section) came or went: among the
 * questions both versions have there, it keeps its place. */
static bool question_shifted(const dctx *x, const diff_item *it)
{
	const vc_question *o = it->old_q, *n = it->new_q;
	if (!same_group(x, o, n))
		return false;
	long before_old = 0, before_new = 0;
	const vc_chapter *oc = o->chapter, *nc = n->chapter;
	for (size_t i = 0; i < oc->nquestions && oc->questions[i] != o; i++) {
		const vc_question *q = oc->questions[i];
		const diff_item *p = diff_pair_question(x->r, q);
		before_old += q->section == o->section && p && p->new_q &&
		              p->new_q->chapter == nc &&
		              p->new_q->section == n->section;
	}
	for (size_t i = 0; i < nc->nquestions && nc->questions[i] != n; i++) {
		const vc_question *q = nc->questions[i];
		const diff_item *p = diff_origin_question(x->r, q);
		before_new += q->section == n->section && p && p->old_q &&
		              p->old_q->chapter == oc &&
		              p->old_q->section == o->section;
	}
	return before_old == before_new;
}

/* The same for a renumbered requirement within its question. */
static bool requirement_shifted(const dctx *x, const diff_item *it)
{
	const vc_requirement *o = it->old_r, *n = it->new_r;
	const vc_question *oq = o->question, *nq = n->question;
	long before_old = 0, before_new = 0;
	for (size_t i = 0; i < o->seq; i++) {
		const diff_item *p = diff_pair_requirement(x->r, &oq->reqs[i]);
		before_old += p && p->new_r && p->new_r->question == nq;
	}
	for (size_t i = 0; i < n->seq; i++) {
		const diff_item *p =
		    diff_origin_requirement(x->r, &nq->reqs[i]);
		before_new += p && p->old_r && p->old_r->question == oq;
	}
	return before_old == before_new;
}

/* Whether question q of the new version takes the place of a question
 * this version withdraws: that withdrawal explains it. */
static bool successor_of_withdrawal(const dctx *x, const vc_question *q)
{
	for (size_t i = 0; i < x->new->nquestions; i++) {
		const diff_item *w =
		    diff_origin_question(x->r, x->new->questions[i]);
		for (size_t k = 0;
		     w && w->place == DIFF_WITHDRAWN && k < w->nsuccessors; k++)
			if (w->successors[k] == q)
				return true;
	}
	return false;
}

/* What changed in item it that asks for a change note, as the change log
 * names it ("text of 'question', applicability"); "" when nothing does.
 * A uid reported by uid_changed, a renumbering that is only a shift, a
 * stale translation (reported on its own) and a removal (the item is
 * gone) ask for none. */
static const char *note_worthy(dctx *x, const diff_item *it, bool uid_said)
{
	buf b = {0};
	buf_puts(&b, "");
	for (size_t i = 0; i < it->nchanges; i++) {
		const diff_change *c = &it->changes[i];
		switch (c->kind) {
		case DIFF_UNCHANGED:
		case DIFF_SHIFTED:
		case DIFF_REMOVED:
		case DIFF_TRANSLATION_STALE:
		case DIFF_LANGUAGE:
		case DIFF_NKINDS:
			continue;
		case DIFF_UID:
			if (uid_said)
				continue;
			break;
		case DIFF_RENUMBERED:
			if (it->type == DIFF_QUESTION
			        ? question_shifted(x, it)
			        : requirement_shifted(x, it))
				continue;
			break;
		default:
			break;
		}
		char what[160];
		if (c->kind == DIFF_LEVEL)
			snprintf(what, sizeof(what), "level %s -> %s",
			         c->old_level, c->new_level);
		else if (c->kind == DIFF_MOVED || c->kind == DIFF_RENUMBERED)
			snprintf(what, sizeof(what), "%s %s -> %s",
			         diff_kind_name(c->kind), c->old_number,
			         c->new_number);
		else if (c->field && c->lang &&
		         strcmp(c->lang, x->r->lang) != 0)
			snprintf(what, sizeof(what), "%s of '%s' in '%s'",
			         diff_kind_name(c->kind), c->field, c->lang);
		else if (c->field)
			snprintf(what, sizeof(what), "%s of '%s'",
			         diff_kind_name(c->kind), c->field);
		else
			snprintf(what, sizeof(what), "%s",
			         diff_kind_name(c->kind));
		if (!strstr(b.data, what))
			buf_printf(&b, "%s%s", b.len ? ", " : "", what);
	}
	const char *r = arena_strdup(x->a, b.data);
	buf_free(&b);
	return r;
}

static void question_note(dctx *x, const diff_item *it, bool uid_said)
{
	const vc_question *q = it->new_q;
	if (prose_present(&q->change_note))
		return;
	const char *what = note_worthy(x, it, uid_said);
	if (!*what)
		return;
	if (it->place == DIFF_ADDED && successor_of_withdrawal(x, q))
		return;
	if (it->place == DIFF_ADDED)
		add(x, q->pos,
		    "question %s ('%s') is new in %s but has no change_note; "
		    "add one saying why (the change log shows it beside the "
		    "change)",
		    q->number, q->uid, x->new->key);
	else if (it->place == DIFF_WITHDRAWN)
		add(x, q->pos,
		    "question %s ('%s') is withdrawn in %s but has no "
		    "change_note; add one saying why, and where its content "
		    "went",
		    q->number, q->uid, x->new->key);
	else
		add(x, q->pos,
		    "question %s ('%s') changed (%s) but has no change_note; "
		    "add one saying why (the change log shows it beside the "
		    "change)",
		    q->number, q->uid, what);
}

static void requirement_note(dctx *x, const diff_item *it, bool uid_said)
{
	const vc_requirement *r = it->new_r;
	if (prose_present(&r->change_note) ||
	    prose_present(&r->question->change_note))
		return;
	const char *what = note_worthy(x, it, uid_said);
	if (!*what)
		return;
	/* moved into a successor of a question withdrawn in this version */
	if (it->place == DIFF_MOVED) {
		const diff_item *oq =
		    diff_pair_question(x->r, it->old_r->question);
		for (size_t k = 0;
		     oq && oq->place == DIFF_WITHDRAWN && k < oq->nsuccessors;
		     k++)
			if (oq->successors[k] == r->question)
				return;
	}
	add(x, r->pos,
	    "requirement %s ('%s') %s (%s) but neither it nor its question "
	    "has a change_note; add one saying why (the change log shows it "
	    "beside the change)",
	    r->label, r->uid, it->place == DIFF_ADDED ? "is new" : "changed",
	    what);
}

/* The questions and requirements of the new version: uids, translations
 * and change notes. */
static void judge(dctx *x, const diff_item *it)
{
	if (!it)
		return;
	bool said = uid_changed(x, it);
	stale_translations(x, it);
	if (it->type == DIFF_QUESTION)
		question_note(x, it, said);
	else
		requirement_note(x, it, said);
}

static void changed_items(dctx *x)
{
	for (size_t i = 0; i < x->r->nchapters; i++)
		if (x->r->chapters[i]->new_ch)
			stale_translations(x, x->r->chapters[i]);
	for (size_t i = 0; i < x->new->nquestions; i++)
		judge(x, diff_origin_question(x->r, x->new->questions[i]));
	for (size_t i = 0; i < x->new->nrequirements; i++)
		judge(x,
		      diff_origin_requirement(x->r, x->new->requirements[i]));
}

int draft_check(const vc_version *pred, const vc_version *v, bool as_released,
                diags *d)
{
	dctx x = {pred, v, diff_versions(pred, v), arena_new(), NULL, 0, 0};
	gone_questions(&x);
	gone_requirements(&x);
	changed_items(&x);
	if ((as_released || !v->draft) && !prose_present(&v->summary))
		add(&x, v->status_pos,
		    "%s %s no summary; add 'summary:' to version.yaml saying "
		    "what changed since %s (the site's home page shows it)",
		    v->key,
		    v->draft ? "is to be released but has"
		             : "is released but has",
		    pred->version);
	if (x.n)
		qsort(x.f, x.n, sizeof(*x.f), cmp_finding);
	for (size_t i = 0; i < x.n; i++) {
		diag_warning(d, x.f[i].pos, "%s", x.f[i].msg);
		free(x.f[i].msg);
	}
	int n = (int)x.n;
	free(x.f);
	arena_free(x.a);
	diff_free(x.r);
	return n;
}
