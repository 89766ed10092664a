/*
 * diff_show.c - what the change-log renderers share: the word diff of a
 * change as seen in a given language, the counts of changes per kind and
 * type of item, the title of an item, what a moved item left, how a
 * reference is named, and how a language's change of status is told.
 */
#include <string.h>

#include "diff.h"

/* The prose of field on one side of a changed item: for a level change,
 * the old side's statement is at the old level (must became should). */
static const vc_prose *field_prose(const diff_result *d, const diff_item *it,
                                   const diff_change *c, bool old)
{
	const char *f = c->field;
	if (!f)
		return NULL;
	if (it->type == DIFF_CHAPTER) {
		const vc_chapter *ch = old ? it->old_ch : it->new_ch;
		if (!ch)
			return NULL;
		return strcmp(f, "title") == 0 ? &ch->title : &ch->introduction;
	}
	if (it->type == DIFF_SECTION) {
		const vc_section *s = old ? it->old_s : it->new_s;
		if (!s)
			return NULL;
		return strcmp(f, "title") == 0 ? &s->title : &s->introduction;
	}
	if (it->type == DIFF_QUESTION) {
		const vc_question *q = old ? it->old_q : it->new_q;
		if (!q)
			return NULL;
		return strcmp(f, "title") == 0       ? &q->title
		       : strcmp(f, "question") == 0  ? &q->question
		       : strcmp(f, "objective") == 0 ? &q->objective
		       : strcmp(f, "evidence") == 0  ? &q->evidence
		                                     : &q->further;
	}
	const vc_requirement *r = old ? it->old_r : it->new_r;
	if (!r)
		return NULL;
	const vc_scheme *s = (old ? d->old : d->new)->scheme;
	const char *level = c->kind == DIFF_LEVEL && old ? c->old_level : f;
	int l = model_level_index(s, level);
	return l < 0 ? NULL : model_req_text(r, (size_t)l);
}

const diff_seg *diff_change_words(const diff_result *d, const diff_item *it,
                                  const diff_change *c, const char *lang,
                                  arena *a, size_t *n, const char **actual)
{
	*n = c->nsegs;
	*actual = c->lang ? c->lang : d->lang;
	/* a change of a translation is shown in its own language */
	if (strcmp(lang, *actual) == 0 || strcmp(*actual, d->lang) != 0)
		return c->segs;
	const vc_prose *op = field_prose(d, it, c, true);
	const vc_prose *np = field_prose(d, it, c, false);
	const char *o = op ? prose_get(op, lang) : NULL;
	const char *nt = np ? prose_get(np, lang) : NULL;
	bool same_shape = (!c->old_text == !o) && (!c->new_text == !nt);
	if (same_shape && (o || nt) &&
	    !(o && nt && diff_same_but_space(o, nt))) {
		*actual = lang;
		return diff_words(a, o, nt, n);
	}
	return c->segs;
}

void diff_count_types(const diff_result *d, size_t n[DIFF_NTYPES][DIFF_NKINDS])
{
	memset(n, 0, DIFF_NTYPES * sizeof(n[0]));
	for (size_t i = 0; i < d->nchapters; i++)
		for (size_t k = 0; k < d->chapters[i]->nchanges; k++)
			n[DIFF_CHAPTER][d->chapters[i]->changes[k].kind]++;
	for (size_t i = 0; i < d->nsections; i++)
		for (size_t k = 0; k < d->sections[i]->nchanges; k++)
			n[DIFF_SECTION][d->sections[i]->changes[k].kind]++;
	for (size_t i = 0; i < d->nquestions; i++) {
		const diff_item *q = d->questions[i];
		for (size_t k = 0; k < q->nchanges; k++)
			n[DIFF_QUESTION][q->changes[k].kind]++;
		for (size_t j = 0; j < q->nchildren; j++)
			for (size_t k = 0; k < q->children[j]->nchanges; k++)
				n[DIFF_REQUIREMENT]
				 [q->children[j]->changes[k].kind]++;
	}
}

const char *diff_moved_out_of(const diff_item *it)
{
	if (it->type == DIFF_REQUIREMENT)
		return "question";
	if (it->type == DIFF_QUESTION && it->old_q && it->new_q &&
	    it->old_q->chapter_no == it->new_q->chapter_no)
		return "section";
	return "chapter";
}

const vc_prose *diff_item_title(const diff_item *it)
{
	switch (it->type) {
	case DIFF_CHAPTER:
		return it->new_ch ? &it->new_ch->title : &it->old_ch->title;
	case DIFF_SECTION:
		return it->new_s ? &it->new_s->title : &it->old_s->title;
	case DIFF_QUESTION:
		if (it->new_q && prose_present(&it->new_q->title))
			return &it->new_q->title;
		if (it->old_q && prose_present(&it->old_q->title))
			return &it->old_q->title;
		return NULL;
	default:
		return NULL;
	}
}

void diff_walk_outline(const diff_result *d, diff_show_fn fn, void *ctx)
{
	const diff_item *ch = NULL, *sec = NULL;
	bool ch_shown = false, sec_shown = false;
	for (size_t i = 0; i < d->noutline; i++) {
		const diff_item *it = d->outline[i];
		if (it->type == DIFF_CHAPTER) {
			ch = it;
			sec = NULL;
			ch_shown = sec_shown = false;
		} else if (it->type == DIFF_SECTION) {
			sec = it;
			sec_shown = false;
		}
		if (!it->reported)
			continue;
		if (!ch_shown && ch)
			fn(ctx, ch);
		ch_shown = true;
		if (it->type == DIFF_CHAPTER)
			continue;
		bool in_sec = it->type == DIFF_SECTION || it->section;
		if (!sec_shown && sec && in_sec)
			fn(ctx, sec);
		sec_shown = sec_shown || in_sec;
		if (it->type == DIFF_QUESTION)
			fn(ctx, it);
	}
}

const vc_standard *diff_ref_standard(const diff_result *d, const vc_ref *r)
{
	const vc_standard *st = model_standard(d->new->scheme, r->standard->id);
	return st ? st : r->standard;
}

const char *diff_language_event(const diff_change *c)
{
	if (c->new_status && strcmp(c->new_status, "complete") == 0)
		return "completed";
	if (!c->new_status)
		return "removed";
	return c->old_status ? "incomplete" : "added";
}

size_t diff_language_texts(const diff_change *c, size_t n[3],
                           const char *what[3])
{
	const size_t all[] = {c->texts_added, c->texts_changed,
	                      c->texts_removed};
	static const char *const names[] = {"added", "changed", "removed"};
	size_t k = 0;
	for (size_t i = 0; i < 3; i++)
		if (all[i]) {
			n[k] = all[i];
			what[k++] = names[i];
		}
	return k;
}

const char *diff_language_name(const diff_result *d, const char *id)
{
	const vc_language *l = model_language(d->new->scheme, id);
	if (!l)
		l = model_language(d->old->scheme, id);
	return l ? l->name : id;
}
