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

/* "key": "value" (null for NULL), "key": n. */
static void str_field(json_writer *w, const char *key, const char *value)
{
	json_key(w, key);
	json_string(w, value);
}

static void int_field(json_writer *w, const char *key, long long n)
{
	json_key(w, key);
	json_int(w, n);
}

static void version(json_writer *w, const vc_version *v)
{
	json_begin_object(w);
	str_field(w, "id", v->key);
	str_field(w, "version", v->version);
	str_field(w, "status", v->draft ? "draft" : "released");
	str_field(w, "released", v->released);
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
		str_field(w, "uid", qs[i]->uid);
		str_field(w, "number", qs[i]->number);
		json_end_object(w);
	}
	json_end_array(w);
}

/* What the writers of the items share. */
typedef struct jx {
	json_writer *w;
	const diff_result *d;
	const char *lang; /* of the word diffs */
	arena *a;         /* word diffs in lang */
} jx;

/* "words" (in x->lang where the field has its own changed texts there)
 * and "words_language" (the language they are in). */
static void words(jx *x, const diff_item *it, const diff_change *c)
{
	static const char *const ops[] = {"=", "-", "+"};
	json_writer *w = x->w;
	size_t n = 0;
	const char *actual = c->lang ? c->lang : x->d->lang;
	const diff_seg *segs = NULL;
	if (c->nsegs)
		segs =
		    diff_change_words(x->d, it, c, x->lang, x->a, &n, &actual);
	json_key(w, "words");
	json_begin_array(w);
	for (size_t i = 0; i < n; i++) {
		json_begin_array(w);
		json_string(w, ops[segs[i].op]);
		json_string_n(w, segs[i].text, segs[i].len);
		json_end_array(w);
	}
	json_end_array(w);
	str_field(w, "words_language", actual);
}

static void change(jx *x, const diff_item *it, const diff_change *c)
{
	json_writer *w = x->w;
	json_begin_object(w);
	str_field(w, "kind", diff_kind_name(c->kind));
	switch (c->kind) {
	case DIFF_ADDED:
	case DIFF_REMOVED:
	case DIFF_MOVED:
	case DIFF_RENUMBERED:
	case DIFF_WITHDRAWN:
		str_field(w, "old_number", c->old_number);
		str_field(w, "new_number", c->new_number);
		if (c->kind != DIFF_WITHDRAWN)
			break;
		json_key(w, "successors");
		question_list(w, c->successors, c->nsuccessors);
		break;
	case DIFF_UID:
		str_field(w, "old", c->old_uid);
		str_field(w, "new", c->new_uid);
		break;
	case DIFF_LEVEL:
		str_field(w, "old", c->old_level);
		str_field(w, "new", c->new_level);
		str_field(w, "field", c->field);
		words(x, it, c);
		break;
	case DIFF_TEXT:
	case DIFF_WHITESPACE:
	case DIFF_FORMATTING:
	case DIFF_TRANSLATION:
		str_field(w, "field", c->field);
		str_field(w, "language", c->lang);
		str_field(w, "old", c->old_text);
		str_field(w, "new", c->new_text);
		words(x, it, c);
		break;
	case DIFF_TRANSLATION_STALE:
		str_field(w, "field", c->field);
		str_field(w, "language", c->lang);
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
	case DIFF_LANGUAGE:
		str_field(w, "language", c->lang);
		str_field(w, "old", c->old_status);
		str_field(w, "new", c->new_status);
		int_field(w, "texts_added", (long long)c->texts_added);
		int_field(w, "texts_changed", (long long)c->texts_changed);
		int_field(w, "texts_removed", (long long)c->texts_removed);
		break;
	default:
		break;
	}
	json_end_object(w);
}

/* The keys every item has, in this order. */
static void item_head(json_writer *w, const diff_item *it)
{
	str_field(w, "uid", it->uid);
	str_field(w, "old_number", it->old_number);
	str_field(w, "new_number", it->new_number);
	str_field(w, "place", diff_kind_name(it->place));
	str_field(w, "paired_by", diff_how_name(it->how));
	int_field(w, "similarity", (long long)(it->similarity * 100 + 0.5));
}

/* "changes": the item's changes in order. */
static void change_list(jx *x, const diff_item *it)
{
	json_key(x->w, "changes");
	json_begin_array(x->w);
	for (size_t i = 0; i < it->nchanges; i++)
		change(x, it, &it->changes[i]);
	json_end_array(x->w);
}

static void changes(jx *x, const diff_item *it)
{
	json_key(x->w, "change_note");
	export_json_prose(x->w, it->change_note);
	change_list(x, it);
}

static const char *title(const diff_result *d, const diff_item *it)
{
	const vc_prose *p = diff_item_title(it);
	return p ? prose_text(p, d->lang) : NULL;
}

static void question(jx *x, const diff_item *q)
{
	json_writer *w = x->w;
	json_begin_object(w);
	item_head(w, q);
	str_field(w, "title", title(x->d, q));
	json_key(w, "successors");
	question_list(w, q->successors, q->nsuccessors);
	changes(x, q);
	json_key(w, "requirements");
	json_begin_array(w);
	for (size_t i = 0; i < q->nchildren; i++) {
		const diff_item *r = q->children[i];
		if (!r->nchanges)
			continue;
		json_begin_object(w);
		item_head(w, r);
		changes(x, r);
		json_end_object(w);
	}
	json_end_array(w);
	json_end_object(w);
}

static void renumbering(json_writer *w, const diff_result *d)
{
	json_key(w, "renumbering");
	json_begin_array(w);
	for (size_t i = 0; i < d->nrenumbered; i++) {
		const diff_item *it = d->renumbered[i];
		json_begin_object(w);
		str_field(w, "type", diff_type_name(it->type));
		str_field(w, "uid", it->uid);
		str_field(w, "old_number", it->old_number);
		str_field(w, "new_number", it->new_number);
		str_field(w, "place", diff_kind_name(it->place));
		json_end_object(w);
	}
	json_end_array(w);
}

static void chapters(jx *x)
{
	json_writer *w = x->w;
	json_key(w, "chapters");
	json_begin_array(w);
	for (size_t i = 0; i < x->d->nchapters; i++) {
		const diff_item *c = x->d->chapters[i];
		if (!c->reported)
			continue;
		json_begin_object(w);
		str_field(w, "old_number", c->old_number);
		str_field(w, "new_number", c->new_number);
		str_field(w, "place", diff_kind_name(c->place));
		change_list(x, c);
		json_end_object(w);
	}
	json_end_array(w);
}

/* The sections with a change, in display order. */
static void sections(jx *x)
{
	json_writer *w = x->w;
	json_key(w, "sections");
	json_begin_array(w);
	for (size_t i = 0; i < x->d->nsections; i++) {
		const diff_item *s = x->d->sections[i];
		if (!s->reported)
			continue;
		json_begin_object(w);
		item_head(w, s);
		str_field(w, "title", title(x->d, s));
		changes(x, s);
		json_end_object(w);
	}
	json_end_array(w);
}

void diff_print_json(const diff_result *d, FILE *fp, const char *lang)
{
	json_writer w;
	jx x = {&w, d, lang ? lang : d->lang, arena_new()};
	json_init(&w, fp, 2);
	json_begin_object(&w);
	str_field(&w, "format", "vcsc-diff");
	int_field(&w, "format_version", 2);
	json_key(&w, "old");
	version(&w, d->old);
	json_key(&w, "new");
	version(&w, d->new);
	str_field(&w, "language", d->lang);
	str_field(&w, "words_language", x.lang);
	json_key(&w, "same");
	json_bool(&w, diff_same(d));
	json_key(&w, "counts");
	json_begin_object(&w);
	for (int k = DIFF_ADDED; k < DIFF_NKINDS; k++) {
		json_key(&w, diff_kind_name((diff_kind)k));
		json_int(&w, (long long)d->counts[k]);
	}
	json_end_object(&w);
	json_key(&w, "languages");
	json_begin_array(&w);
	for (size_t i = 0; i < d->nlang_changes; i++)
		change(&x, NULL, &d->lang_changes[i]);
	json_end_array(&w);
	renumbering(&w, d);
	chapters(&x);
	sections(&x);
	json_key(&w, "questions");
	json_begin_array(&w);
	for (size_t i = 0; i < d->nquestions; i++)
		if (d->questions[i]->reported)
			question(&x, d->questions[i]);
	json_end_array(&w);
	json_end_object(&w);
	json_finish(&w);
	arena_free(x.a);
}
