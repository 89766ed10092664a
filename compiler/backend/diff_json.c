/*
 * diff_json.c - the catalogue diff as JSON, in the fixed key order
 * documented in docs/diff-json.md (every key of an object always
 * present; which objects appear depends on the kind of change).
 */
#include <stdlib.h>
#include <string.h>

#include "changelog.h"
#include "export.h"
#include "base/json.h"

static void version(json_writer *w, const vc_version *v)
{
	json_begin_object(w);
	json_key(w, "id");
	json_string(w, v->key);
	json_key(w, "version");
	json_string(w, v->version);
	json_key(w, "status");
	json_string(w, v->draft ? "draft" : "released");
	json_key(w, "released");
	json_string(w, v->released);
	json_end_object(w);
}

/* "a,b" as ["a", "b"]. */
static void id_list(json_writer *w, const char *s)
{
	json_begin_array(w);
	while (s && *s) {
		const char *e = strchr(s, ',');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		json_string_n(w, s, n);
		s = e ? e + 1 : NULL;
	}
	json_end_array(w);
}

/* References as ["standard:id", ...]. */
static void ref_list(json_writer *w, const vc_ref **r, size_t n)
{
	json_begin_array(w);
	for (size_t i = 0; i < n; i++) {
		char *s = xasprintf("%s:%s", r[i]->standard->id, r[i]->id);
		json_string(w, s);
		free(s);
	}
	json_end_array(w);
}

/* Questions as [{"uid": ..., "number": ...}, ...]. */
static void question_list(json_writer *w, const vc_question *const *qs,
                          size_t n)
{
	json_begin_array(w);
	for (size_t i = 0; i < n; i++) {
		json_begin_object(w);
		json_key(w, "uid");
		json_string(w, qs[i]->uid);
		json_key(w, "number");
		json_string(w, qs[i]->number);
		json_end_object(w);
	}
	json_end_array(w);
}

static void words(json_writer *w, const diff_change *c)
{
	static const char *const ops[] = {"=", "-", "+"};
	json_key(w, "words");
	json_begin_array(w);
	for (size_t i = 0; i < c->nsegs; i++) {
		json_begin_array(w);
		json_string(w, ops[c->segs[i].op]);
		json_string_n(w, c->segs[i].text, c->segs[i].len);
		json_end_array(w);
	}
	json_end_array(w);
}

static void change(json_writer *w, const diff_change *c)
{
	json_begin_object(w);
	json_key(w, "kind");
	json_string(w, diff_kind_name(c->kind));
	switch (c->kind) {
	case DIFF_ADDED:
	case DIFF_REMOVED:
	case DIFF_MOVED:
	case DIFF_RENUMBERED:
		json_key(w, "old_number");
		json_string(w, c->old_number);
		json_key(w, "new_number");
		json_string(w, c->new_number);
		break;
	case DIFF_WITHDRAWN:
		json_key(w, "old_number");
		json_string(w, c->old_number);
		json_key(w, "new_number");
		json_string(w, c->new_number);
		json_key(w, "successors");
		question_list(w, c->successors, c->nsuccessors);
		break;
	case DIFF_UID:
		json_key(w, "old");
		json_string(w, c->old_uid);
		json_key(w, "new");
		json_string(w, c->new_uid);
		break;
	case DIFF_LEVEL:
		json_key(w, "old");
		json_string(w, c->old_level);
		json_key(w, "new");
		json_string(w, c->new_level);
		json_key(w, "field");
		json_string(w, c->field);
		words(w, c);
		break;
	case DIFF_TEXT:
	case DIFF_WHITESPACE:
	case DIFF_FORMATTING:
		json_key(w, "field");
		json_string(w, c->field);
		json_key(w, "language");
		json_string(w, c->lang);
		json_key(w, "old");
		json_string(w, c->old_text);
		json_key(w, "new");
		json_string(w, c->new_text);
		words(w, c);
		break;
	case DIFF_TRANSLATION_STALE:
		json_key(w, "field");
		json_string(w, c->field);
		json_key(w, "language");
		json_string(w, c->lang);
		break;
	case DIFF_APPLICABILITY:
		json_key(w, "old");
		id_list(w, c->old_objectives);
		json_key(w, "new");
		id_list(w, c->new_objectives);
		break;
	case DIFF_REFERENCES:
		json_key(w, "added");
		ref_list(w, c->refs_added, c->nadded);
		json_key(w, "removed");
		ref_list(w, c->refs_removed, c->nremoved);
		break;
	case DIFF_SUCCESSOR:
		json_key(w, "old");
		question_list(w, c->old_successors, c->nold_successors);
		json_key(w, "new");
		question_list(w, c->successors, c->nsuccessors);
		break;
	default:
		break;
	}
	json_end_object(w);
}

/* The keys every item has, in this order. */
static void item_head(json_writer *w, const diff_result *d, const diff_item *it)
{
	json_key(w, "uid");
	json_string(w, it->uid);
	json_key(w, "old_number");
	json_string(w, it->old_number);
	json_key(w, "new_number");
	json_string(w, it->new_number);
	json_key(w, "place");
	json_string(w, diff_kind_name(it->place));
	json_key(w, "paired_by");
	json_string(w, diff_how_name(it->how));
	json_key(w, "similarity");
	json_int(w, (long long)(it->similarity * 100 + 0.5));
	(void)d;
}

static void changes(json_writer *w, const diff_item *it)
{
	json_key(w, "change_note");
	export_json_prose(w, it->change_note);
	json_key(w, "changes");
	json_begin_array(w);
	for (size_t i = 0; i < it->nchanges; i++)
		change(w, &it->changes[i]);
	json_end_array(w);
}

static const char *title(const diff_result *d, const diff_item *q)
{
	const vc_prose *p = NULL;
	if (q->new_q && prose_present(&q->new_q->title))
		p = &q->new_q->title;
	else if (q->old_q && prose_present(&q->old_q->title))
		p = &q->old_q->title;
	return p ? prose_text(p, d->lang) : NULL;
}

static void question(json_writer *w, const diff_result *d, const diff_item *q)
{
	json_begin_object(w);
	item_head(w, d, q);
	json_key(w, "title");
	json_string(w, title(d, q));
	json_key(w, "successors");
	question_list(w, q->successors, q->nsuccessors);
	changes(w, q);
	json_key(w, "requirements");
	json_begin_array(w);
	for (size_t i = 0; i < q->nchildren; i++) {
		const diff_item *r = q->children[i];
		if (!r->nchanges)
			continue;
		json_begin_object(w);
		item_head(w, d, r);
		changes(w, r);
		json_end_object(w);
	}
	json_end_array(w);
	json_end_object(w);
}

void diff_print_json(const diff_result *d, FILE *fp)
{
	json_writer w;
	json_init(&w, fp, 2);
	json_begin_object(&w);
	json_key(&w, "format");
	json_string(&w, "vcsc-diff");
	json_key(&w, "format_version");
	json_int(&w, 2);
	json_key(&w, "old");
	version(&w, d->old);
	json_key(&w, "new");
	version(&w, d->new);
	json_key(&w, "language");
	json_string(&w, d->lang);
	json_key(&w, "same");
	json_bool(&w, diff_same(d));
	json_key(&w, "counts");
	json_begin_object(&w);
	for (int k = DIFF_ADDED; k < DIFF_NKINDS; k++) {
		json_key(&w, diff_kind_name((diff_kind)k));
		json_int(&w, (long long)d->counts[k]);
	}
	json_end_object(&w);
	json_key(&w, "renumbering");
	json_begin_array(&w);
	for (size_t i = 0; i < d->nrenumbered; i++) {
		const diff_item *it = d->renumbered[i];
		json_begin_object(&w);
		json_key(&w, "type");
		json_string(&w, diff_type_name(it->type));
		json_key(&w, "uid");
		json_string(&w, it->uid);
		json_key(&w, "old_number");
		json_string(&w, it->old_number);
		json_key(&w, "new_number");
		json_string(&w, it->new_number);
		json_key(&w, "place");
		json_string(&w, diff_kind_name(it->place));
		json_end_object(&w);
	}
	json_end_array(&w);
	json_key(&w, "chapters");
	json_begin_array(&w);
	for (size_t i = 0; i < d->nchapters; i++) {
		const diff_item *c = d->chapters[i];
		if (!c->reported)
			continue;
		json_begin_object(&w);
		json_key(&w, "old_number");
		json_string(&w, c->old_number);
		json_key(&w, "new_number");
		json_string(&w, c->new_number);
		json_key(&w, "place");
		json_string(&w, diff_kind_name(c->place));
		json_key(&w, "changes");
		json_begin_array(&w);
		for (size_t k = 0; k < c->nchanges; k++)
			change(&w, &c->changes[k]);
		json_end_array(&w);
		json_end_object(&w);
	}
	json_end_array(&w);
	json_key(&w, "questions");
	json_begin_array(&w);
	for (size_t i = 0; i < d->nquestions; i++)
		if (d->questions[i]->reported)
			question(&w, d, d->questions[i]);
	json_end_array(&w);
	json_end_object(&w);
	json_finish(&w);
}
