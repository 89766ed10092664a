/*
 * diff.c - the catalogue diff: pairing two versions' chapters, sections,
 * questions and requirements and classifying what changed (see diff.h for
 * the rules and diff_words.c for the text pieces).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"

static const char *const kind_names[DIFF_NKINDS] = {
    "unchanged",
    "added",
    "removed",
    "withdrawn",
    "moved",
    "renumbered",
    "shifted",
    "uid",
    "level",
    "text",
    "whitespace",
    "formatting",
    "translation-stale",
    "translation",
    "applicability",
    "references",
    "successor",
    "language",
};

const char *diff_kind_name(diff_kind k)
{
	return (unsigned)k < DIFF_NKINDS ? kind_names[k] : "?";
}

const char *diff_type_name(diff_type t)
{
	return t == DIFF_CHAPTER    ? "chapter"
	       : t == DIFF_SECTION  ? "section"
	       : t == DIFF_QUESTION ? "question"
	                            : "requirement";
}

const char *diff_how_name(diff_how h)
{
	static const char *const names[] = {"none", "uid", "number",
	                                    "similarity"};
	return (unsigned)h < COUNT_OF(names) ? names[h] : "?";
}

/* How far a version carries a language. */
typedef enum lang_state { LANG_ABSENT, LANG_PARTIAL, LANG_COMPLETE } lang_state;

/* A language other than the compared one, as both versions mark it, and
 * while its status changes, how many of its texts did. */
typedef struct lang_track {
	const char *id;
	lang_state old_st, new_st;
	size_t added, changed, removed;
} lang_track;

typedef struct ctx {
	diff_result *d;
	arena *a;
	const vc_version *o, *n;
	const char *lang;
	lang_track *langs; /* new's languages in order, then old's others */
	size_t nlangs;
} ctx;

/* ---- texts used for pairing ---- */

static const char *text_of(const ctx *x, const vc_prose *p)
{
	if (!p || !p->n)
		return NULL;
	const char *t = prose_get(p, x->lang);
	return t ? t : p->tr[0].text;
}

static void put_text(const ctx *x, buf *b, const vc_prose *p)
{
	const char *t = text_of(x, p);
	if (t) {
		buf_puts(b, t);
		buf_putc(b, '\n');
	}
}

/* What a question is about: title, question and objective. */
static char *question_text(const ctx *x, const vc_question *q)
{
	buf b = {0};
	put_text(x, &b, &q->title);
	put_text(x, &b, &q->question);
	put_text(x, &b, &q->objective);
	return buf_detach(&b);
}

/* What a section is about: its title and introduction. */
static char *section_text(const ctx *x, const vc_section *s)
{
	buf b = {0};
	put_text(x, &b, &s->title);
	put_text(x, &b, &s->introduction);
	return buf_detach(&b);
}

static char *requirement_text(const ctx *x, const vc_requirement *r)
{
	buf b = {0};
	for (size_t l = 0; l < r->ntexts; l++)
		put_text(x, &b, model_req_text(r, l));
	return buf_detach(&b);
}

/* The successors of a withdrawn question that resolve, in the order it
 * names them, as an array in the arena; *n receives their number. */
static const vc_question *const *successors_of(ctx *x, const vc_question *q,
                                               size_t *n)
{
	const vc_question **s =
	    arena_alloc(x->a, (q->nsuccessors + 1) * sizeof(*s));
	*n = 0;
	for (size_t i = 0; i < q->nsuccessors; i++)
		if (q->successors[i])
			s[(*n)++] = q->successors[i];
	return s;
}

static bool has_question(const vc_question *const *qs, size_t n,
                         const vc_question *q)
{
	for (size_t i = 0; i < n; i++)
		if (qs[i] == q)
			return true;
	return false;
}

/* ---- items ---- */

static diff_item *new_item(ctx *x, diff_type t)
{
	diff_item *it = arena_alloc(x->a, sizeof(*it));
	it->type = t;
	it->place = DIFF_UNCHANGED;
	return it;
}

/* ---- sections, questions and requirements alike ---- */

static size_t node_count(const vc_version *v, diff_type t)
{
	return t == DIFF_SECTION    ? v->nsections
	       : t == DIFF_QUESTION ? v->nquestions
	                            : v->nrequirements;
}

/* The i-th section, question or requirement of v, in catalogue order. */
static const void *node_at(const vc_version *v, diff_type t, size_t i)
{
	if (t == DIFF_SECTION)
		return v->sections[i];
	if (t == DIFF_QUESTION)
		return v->questions[i];
	return v->requirements[i];
}

static size_t node_index(diff_type t, const void *node)
{
	if (t == DIFF_SECTION)
		return ((const vc_section *)node)->index;
	if (t == DIFF_QUESTION)
		return ((const vc_question *)node)->index;
	return ((const vc_requirement *)node)->index;
}

/* What a section, question or requirement says, for the similarity of a
 * pair. Caller frees. */
static char *node_text(const ctx *x, diff_type t, const void *node)
{
	if (t == DIFF_SECTION)
		return section_text(x, node);
	if (t == DIFF_QUESTION)
		return question_text(x, node);
	return requirement_text(x, node);
}

/* The items of one side's sections, questions or requirements, by their
 * index. */
static diff_item **items_of(const ctx *x, diff_type t, bool new_side)
{
	if (t == DIFF_SECTION)
		return new_side ? x->d->s_of_new : x->d->s_of_old;
	if (t == DIFF_QUESTION)
		return new_side ? x->d->q_of_new : x->d->q_of_old;
	return new_side ? x->d->r_of_new : x->d->r_of_old;
}

/* The item of old node o and new node n (either NULL for a lone one),
 * entered in the look-ups of both sides. */
static void pair(ctx *x, diff_type t, const void *o, const void *n,
                 diff_how how, double sim)
{
	diff_item *it = new_item(x, t);
	if (t == DIFF_SECTION) {
		it->old_s = o;
		it->new_s = n;
	} else if (t == DIFF_QUESTION) {
		it->old_q = o;
		it->new_q = n;
	} else {
		it->old_r = o;
		it->new_r = n;
	}
	it->how = how;
	it->similarity = sim;
	if (o)
		items_of(x, t, false)[node_index(t, o)] = it;
	if (n)
		items_of(x, t, true)[node_index(t, n)] = it;
}

/* Every item of type t once: the old side's in catalogue order, then the
 * new side's that have no old partner; *n receives their number. */
static diff_item **all_items(ctx *x, diff_type t, size_t *n)
{
	size_t no = node_count(x->o, t), nn = node_count(x->n, t);
	diff_item **old = items_of(x, t, false), **new = items_of(x, t, true);
	diff_item **all = arena_alloc(x->a, (no + nn + 1) * sizeof(*all));
	memcpy(all, old, no * sizeof(*all));
	*n = no;
	for (size_t i = 0; i < nn; i++)
		if (!(t == DIFF_SECTION    ? new[i]->old_s
		      : t == DIFF_QUESTION ? (const void *)new[i]->old_q
		                           : (const void *)new[i]->old_r))
			all[(*n)++] = new[i];
	return all;
}

/* Sets what names a section, question or requirement item: its uid (the
 * new side's, else the old one's), the numbers of both sides and the new
 * side's change note. */
static void name_item(diff_item *it)
{
	const char *uid[2] = {NULL, NULL}, *num[2] = {NULL, NULL};
	const vc_prose *notes[2] = {NULL, NULL};
	for (int side = 0; side < 2; side++) {
		const vc_section *s = side ? it->new_s : it->old_s;
		const vc_question *q = side ? it->new_q : it->old_q;
		const vc_requirement *r = side ? it->new_r : it->old_r;
		if (s) {
			uid[side] = s->uid;
			num[side] = s->number;
			notes[side] = &s->change_note;
		} else if (q) {
			uid[side] = q->uid;
			num[side] = q->number;
			notes[side] = &q->change_note;
		} else if (r) {
			uid[side] = r->uid;
			num[side] = r->label;
			notes[side] = &r->change_note;
		}
	}
	const vc_prose *note = notes[1];
	it->uid = uid[1] ? uid[1] : uid[0];
	it->old_number = num[0];
	it->new_number = num[1];
	it->change_note = note && prose_present(note) ? note : NULL;
}

/* Step 2: o and n hold the same number; they pair when their texts are
 * at least a little alike. */
static void pair_if_alike(ctx *x, diff_type t, const void *o, const void *n)
{
	char *a = node_text(x, t, o), *b = node_text(x, t, n);
	double s = diff_similarity(a, b);
	free(a);
	free(b);
	if (s >= DIFF_NUMBER_SIMILARITY)
		pair(x, t, o, n, DIFF_BY_NUMBER, s);
}

/* A question pair whose both sides are live: its requirements may pair by
 * letter and by similarity. */
static bool live_pair(const diff_item *it)
{
	return it && it->old_q && it->new_q && !it->old_q->withdrawn &&
	       !it->new_q->withdrawn;
}

/* Whether an unpaired node may pair by similarity: a section, a live
 * question, or a requirement of a live question pair (those of added,
 * removed and withdrawn questions go with their question). */
static bool similar_candidate(const ctx *x, diff_type t, bool new_side,
                              const void *node)
{
	if (t == DIFF_SECTION)
		return true;
	if (t == DIFF_QUESTION)
		return !((const vc_question *)node)->withdrawn;
	const vc_requirement *r = node;
	return live_pair(
	    items_of(x, DIFF_QUESTION, new_side)[r->question->index]);
}

/* Step 3: what steps 1 and 2 left pairs by text similarity; whatever is
 * still unpaired on either side becomes a lone item. */
static void pair_rest(ctx *x, diff_type t)
{
	const void **nodes[2];
	char **texts[2];
	size_t n[2] = {0, 0};
	for (int side = 0; side < 2; side++) {
		const vc_version *v = side ? x->n : x->o;
		diff_item **items = items_of(x, t, side);
		size_t count = node_count(v, t);
		nodes[side] = xmalloc((count + 1) * sizeof(void *));
		texts[side] = xmalloc((count + 1) * sizeof(char *));
		for (size_t i = 0; i < count; i++) {
			const void *node = node_at(v, t, i);
			if (items[i] || !similar_candidate(x, t, side, node))
				continue;
			nodes[side][n[side]] = node;
			texts[side][n[side]++] = node_text(x, t, node);
		}
	}
	size_t *m = xmalloc((n[0] + 1) * sizeof(size_t));
	double *s = xmalloc((n[0] + 1) * sizeof(double));
	diff_match((const char *const *)texts[0], n[0],
	           (const char *const *)texts[1], n[1], DIFF_TEXT_SIMILARITY, m,
	           s);
	for (size_t i = 0; i < n[0]; i++)
		if (m[i] != SIZE_MAX)
			pair(x, t, nodes[0][i], nodes[1][m[i]],
			     DIFF_BY_SIMILARITY, s[i]);
	for (int side = 0; side < 2; side++) {
		for (size_t i = 0; i < n[side]; i++)
			free(texts[side][i]);
		free(texts[side]);
		free(nodes[side]);
	}
	free(m);
	free(s);
	for (int side = 0; side < 2; side++) {
		const vc_version *v = side ? x->n : x->o;
		diff_item **items = items_of(x, t, side);
		for (size_t i = 0; i < node_count(v, t); i++) {
			const void *node = node_at(v, t, i);
			if (!items[i])
				pair(x, t, side ? NULL : node,
				     side ? node : NULL, DIFF_BY_NONE, 0);
		}
	}
}

/* ---- pairing ---- */

/* The section of v numbered num ("1.6"), or NULL. */
static const vc_section *section_by_number(const vc_version *v, const char *num)
{
	for (size_t i = 0; i < v->nsections; i++)
		if (strcmp(v->sections[i]->number, num) == 0)
			return v->sections[i];
	return NULL;
}

static void match_sections(ctx *x)
{
	const vc_version *o = x->o, *n = x->n;
	diff_result *d = x->d;
	/* 1. uid */
	for (size_t i = 0; i < o->nsections; i++) {
		const vc_section *s = o->sections[i];
		const vc_section *p = s->uid ? model_section(n, s->uid) : NULL;
		if (p && !d->s_of_new[p->index])
			pair(x, DIFF_SECTION, s, p, DIFF_BY_UID, 1.0);
	}
	/* 2. number, if the titles are somewhat alike */
	for (size_t i = 0; i < o->nsections; i++) {
		const vc_section *s = o->sections[i];
		if (d->s_of_old[i])
			continue;
		const vc_section *p = section_by_number(n, s->number);
		if (p && !d->s_of_new[p->index])
			pair_if_alike(x, DIFF_SECTION, s, p);
	}
	/* 3. similarity */
	pair_rest(x, DIFF_SECTION);
}

static void match_questions(ctx *x)
{
	const vc_version *o = x->o, *n = x->n;
	diff_result *d = x->d;
	/* 1. uid */
	for (size_t i = 0; i < o->nquestions; i++) {
		const vc_question *q = o->questions[i];
		const vc_question *p = model_question(n, q->uid);
		if (p && !d->q_of_new[p->index])
			pair(x, DIFF_QUESTION, q, p, DIFF_BY_UID, 1.0);
	}
	/* 2. number, if the texts are somewhat alike */
	for (size_t i = 0; i < o->nquestions; i++) {
		const vc_question *q = o->questions[i];
		if (d->q_of_old[i] || q->withdrawn)
			continue;
		const vc_question *p = model_question_by_number(n, q->number);
		if (!p || p->withdrawn || d->q_of_new[p->index])
			continue;
		pair_if_alike(x, DIFF_QUESTION, q, p);
	}
	/* 3. similarity */
	pair_rest(x, DIFF_QUESTION);
}

static void match_requirements(ctx *x)
{
	const vc_version *o = x->o, *n = x->n;
	diff_result *d = x->d;
	for (size_t i = 0; i < o->nrequirements; i++) {
		const vc_requirement *r = o->requirements[i];
		const vc_requirement *p = model_requirement(n, r->uid);
		if (p && !d->r_of_new[p->index])
			pair(x, DIFF_REQUIREMENT, r, p, DIFF_BY_UID, 1.0);
	}
	for (size_t i = 0; i < o->nrequirements; i++) {
		const vc_requirement *r = o->requirements[i];
		const diff_item *qi = d->q_of_old[r->question->index];
		if (d->r_of_old[i] || !live_pair(qi))
			continue;
		/* by label within the paired question: "e" stays "e" even
		 * where the published labels skip "d" */
		const vc_requirement *p = NULL;
		for (size_t k = 0; k < qi->new_q->nreqs && !p; k++)
			if (strcmp(qi->new_q->reqs[k].letter, r->letter) == 0)
				p = &qi->new_q->reqs[k];
		if (!p)
			continue;
		if (d->r_of_new[p->index])
			continue;
		pair_if_alike(x, DIFF_REQUIREMENT, r, p);
	}
	pair_rest(x, DIFF_REQUIREMENT);
}

/* ---- changes ---- */

static diff_change *add_change(ctx *x, diff_item *it, diff_kind k)
{
	size_t cap = it->nchanges; /* arena arrays grow by copying */
	diff_change *c = arena_alloc(x->a, (cap + 1) * sizeof(*c));
	if (cap)
		memcpy(c, it->changes, cap * sizeof(*c));
	it->changes = c;
	it->nchanges++;
	it->kinds |= 1u << k;
	diff_change *ch = &c[cap];
	ch->kind = k;
	return ch;
}

static void placement_change(ctx *x, diff_item *it)
{
	if (it->place != DIFF_UNCHANGED && it->place != DIFF_SHIFTED) {
		diff_change *c = add_change(x, it, it->place);
		c->old_number = it->old_number;
		c->new_number = it->new_number;
		c->successors = it->successors;
		c->nsuccessors = it->nsuccessors;
	}
	const char *a = it->old_q   ? it->old_q->uid
	                : it->old_r ? it->old_r->uid
	                : it->old_s ? it->old_s->uid
	                            : NULL;
	const char *b = it->new_q   ? it->new_q->uid
	                : it->new_r ? it->new_r->uid
	                : it->new_s ? it->new_s->uid
	                            : NULL;
	if (a && b && strcmp(a, b) != 0) {
		diff_change *c = add_change(x, it, DIFF_UID);
		c->old_uid = a;
		c->new_uid = b;
	}
}

/* The wording of a field changed: a translation that kept its text is
 * stale. */
static void stale_check(ctx *x, diff_item *it, const char *field,
                        const vc_prose *o, const vc_prose *n)
{
	for (size_t i = 0; i < x->n->nlanguages; i++) {
		const char *l = x->n->languages[i].id;
		if (strcmp(l, x->lang) == 0)
			continue;
		const char *ol = prose_get(o, l), *nl = prose_get(n, l);
		if (ol && nl && diff_same_but_space(ol, nl)) {
			diff_change *s =
			    add_change(x, it, DIFF_TRANSLATION_STALE);
			s->field = field;
			s->lang = l;
			s->old_text = ol;
			s->new_text = nl;
		}
	}
}

/* The change of a text from ot to nt (either may be NULL, not both; they
 * differ) in language lang: whitespace, formatting, or reworded (kind
 * reworded: text, or translation for a language other than the compared
 * one). */
static diff_change *text_change(ctx *x, diff_item *it, const char *field,
                                const char *lang, const char *ot,
                                const char *nt, diff_kind reworded)
{
	diff_kind k = reworded;
	if (ot && nt) {
		if (diff_same_but_space(ot, nt))
			k = DIFF_WHITESPACE;
		else if (diff_same_plain_text(ot, nt))
			k = DIFF_FORMATTING;
	}
	diff_change *c = add_change(x, it, k);
	c->field = field;
	c->lang = lang;
	c->old_text = ot;
	c->new_text = nt;
	if (k != DIFF_WHITESPACE)
		c->segs = diff_words(x->a, ot, nt, &c->nsegs);
	return c;
}

/* The other languages' texts of a field whose compared text both sides
 * have. A language both versions mark complete: a change of its text is
 * reported, unless the compared text was reworded too (then it is part
 * of that change, or the text is stale). A language whose status
 * changed: its texts are counted for the one report of that language. A
 * language partial in both: nothing (see stale_check). */
static void translations(ctx *x, diff_item *it, const char *field,
                         const vc_prose *o, const vc_prose *n, bool reworded)
{
	for (size_t i = 0; i < x->nlangs; i++) {
		lang_track *t = &x->langs[i];
		const char *ol = prose_get(o, t->id), *nl = prose_get(n, t->id);
		bool differ = ol && nl ? strcmp(ol, nl) != 0 : ol != nl;
		if (t->old_st == LANG_COMPLETE && t->new_st == LANG_COMPLETE) {
			if (differ && !reworded)
				text_change(x, it, field, t->id, ol, nl,
				            DIFF_TRANSLATION);
		} else if (t->old_st != t->new_st) {
			if (!ol && nl)
				t->added++;
			else if (ol && !nl)
				t->removed++;
			else if (differ && !reworded &&
			         !diff_same_but_space(ol, nl))
				t->changed++;
		}
	}
}

static void compare_field(ctx *x, diff_item *it, const char *field,
                          const vc_prose *o, const vc_prose *n)
{
	const char *ot = text_of(x, o), *nt = text_of(x, n);
	bool reworded = false;
	if ((ot || nt) && !(ot && nt && strcmp(ot, nt) == 0)) {
		diff_change *c =
		    text_change(x, it, field, x->lang, ot, nt, DIFF_TEXT);
		reworded = c->kind == DIFF_TEXT;
		if (reworded && ot && nt)
			stale_check(x, it, field, o, n);
	}
	/* a field added or removed takes its translations with it */
	if (ot && nt)
		translations(x, it, field, o, n, reworded);
}

/* A statement that changed level (should raised to must, or lowered):
 * rewording its modal verb is part of the level change, so the word diff
 * goes with it. */
static void compare_statement(ctx *x, diff_item *it, diff_change *lvl,
                              const char *field, const vc_prose *o,
                              const vc_prose *n)
{
	const char *ot = text_of(x, o), *nt = text_of(x, n);
	lvl->field = field;
	lvl->lang = x->lang;
	lvl->old_text = ot;
	lvl->new_text = nt;
	if (strcmp(ot, nt) != 0) {
		lvl->segs = diff_words(x->a, ot, nt, &lvl->nsegs);
		/* adds changes: lvl may move */
		if (!diff_same_plain_text(ot, nt))
			stale_check(x, it, field, o, n);
	}
	/* the statement's translations go with its level change */
	translations(x, it, field, o, n, true);
}

static const char *objectives(ctx *x, const vc_scheme *s, vc_objset set)
{
	char *t = model_objset_string(s, set, ",");
	const char *r = arena_strdup(x->a, t);
	free(t);
	return r;
}

static void compare_objectives(ctx *x, diff_item *it, vc_objset o, vc_objset n)
{
	const char *a = objectives(x, x->o->scheme, o);
	const char *b = objectives(x, x->n->scheme, n);
	if (strcmp(a, b) == 0)
		return;
	diff_change *c = add_change(x, it, DIFF_APPLICABILITY);
	c->old_objectives = a;
	c->new_objectives = b;
}

/* The same reference, whichever scheme each side was validated against. */
static bool same_ref(const vc_ref *a, const vc_ref *b)
{
	return strcmp(a->standard->id, b->standard->id) == 0 &&
	       strcmp(a->id, b->id) == 0;
}

/* The references of a[] not in b[] (as multisets), in a's order. */
static size_t ref_minus(ctx *x, const vc_ref *a, size_t na, const vc_ref *b,
                        size_t nb, const vc_ref ***out)
{
	bool *used = xcalloc(nb + 1, 1);
	const vc_ref **r = arena_alloc(x->a, (na + 1) * sizeof(*r));
	size_t n = 0;
	for (size_t i = 0; i < na; i++) {
		size_t j = 0;
		while (j < nb && (used[j] || !same_ref(&a[i], &b[j])))
			j++;
		if (j < nb)
			used[j] = true;
		else
			r[n++] = &a[i];
	}
	free(used);
	*out = r;
	return n;
}

static void compare_refs(ctx *x, diff_item *it, const vc_ref *o, size_t no,
                         const vc_ref *n, size_t nn)
{
	const vc_ref **added, **removed;
	size_t nadd = ref_minus(x, n, nn, o, no, &added);
	size_t nrem = ref_minus(x, o, no, n, nn, &removed);
	if (!nadd && !nrem)
		return;
	diff_change *c = add_change(x, it, DIFF_REFERENCES);
	c->refs_added = added;
	c->nadded = nadd;
	c->refs_removed = removed;
	c->nremoved = nrem;
}

/* The levels r states texts at, as "must", "should" or "must+should". */
static const char *levels_of(ctx *x, const vc_scheme *s,
                             const vc_requirement *r)
{
	char *t = model_req_levels_string(s, r, "+");
	const char *k = arena_strdup(x->a, t);
	free(t);
	return k;
}

/* The only level r states a text at, or -1 when it states several. */
static int sole_level(const vc_scheme *s, const vc_requirement *r)
{
	int found = -1;
	for (size_t l = 0; l < s->nlevels; l++)
		if (prose_present(model_req_text(r, l))) {
			if (found >= 0)
				return -1;
			found = (int)l;
		}
	return found;
}

static void compare_requirement(ctx *x, diff_item *it)
{
	const vc_requirement *o = it->old_r, *n = it->new_r;
	const vc_scheme *os = x->o->scheme, *ns = x->n->scheme;
	const char *lo = levels_of(x, os, o), *ln = levels_of(x, ns, n);
	int ol = sole_level(os, o), nl = sole_level(ns, n);
	/* One statement moved to another level (must became should): one
	 * level change that carries the word diff. */
	bool moved = ol >= 0 && nl >= 0 &&
	             strcmp(os->levels[ol].id, ns->levels[nl].id) != 0;
	if (strcmp(lo, ln) != 0) {
		diff_change *c = add_change(x, it, DIFF_LEVEL);
		c->old_level = lo;
		c->new_level = ln;
		/* add_change may move the array: c is re-read below */
		size_t k = it->nchanges - 1;
		if (moved)
			compare_statement(x, it, &it->changes[k],
			                  ns->levels[nl].id,
			                  model_req_text(o, (size_t)ol),
			                  model_req_text(n, (size_t)nl));
	}
	if (!moved) {
		/* every level either side knows, by id, in the new order */
		for (size_t l = 0; l < ns->nlevels; l++) {
			int k = model_level_index(os, ns->levels[l].id);
			compare_field(
			    x, it, ns->levels[l].id,
			    model_req_text(o, k >= 0 ? (size_t)k : SIZE_MAX),
			    model_req_text(n, l));
		}
	}
	/* an objective set that only follows its question is reported
	 * with the question */
	if (o->narrowed || n->narrowed)
		compare_objectives(x, it, o->applies_to, n->applies_to);
	compare_refs(x, it, o->refs, o->nrefs, n->refs, n->nrefs);
}

/* Whether a placeholder withdrawn in both versions names the same set of
 * successors: the old ones' partners are the new ones, whatever their
 * uids are now, in whatever order. */
static bool same_successors(ctx *x, const vc_question *const *os, size_t no,
                            const vc_question *const *ns, size_t nn)
{
	const vc_question **partners =
	    arena_alloc(x->a, (no + 1) * sizeof(*partners));
	for (size_t i = 0; i < no; i++) {
		partners[i] = x->d->q_of_old[os[i]->index]->new_q;
		if (!partners[i] || !has_question(ns, nn, partners[i]))
			return false;
	}
	for (size_t j = 0; j < nn; j++)
		if (!has_question(partners, no, ns[j]))
			return false;
	return true;
}

static void compare_question(ctx *x, diff_item *it)
{
	const vc_question *o = it->old_q, *n = it->new_q;
	compare_field(x, it, "title", &o->title, &n->title);
	if (o->withdrawn && n->withdrawn) {
		size_t no, nn;
		const vc_question *const *os = successors_of(x, o, &no);
		const vc_question *const *ns = successors_of(x, n, &nn);
		if (!same_successors(x, os, no, ns, nn)) {
			diff_change *c = add_change(x, it, DIFF_SUCCESSOR);
			c->old_successors = os;
			c->nold_successors = no;
			c->successors = ns;
			c->nsuccessors = nn;
		}
		return;
	}
	compare_field(x, it, "question", &o->question, &n->question);
	compare_field(x, it, "objective", &o->objective, &n->objective);
	compare_field(x, it, "further_information", &o->further, &n->further);
	compare_field(x, it, "evidence", &o->evidence, &n->evidence);
	compare_objectives(x, it, o->applies_to, n->applies_to);
	compare_refs(x, it, o->refs, o->nrefs, n->refs, n->nrefs);
}

/* ---- placement ---- */

/* The place of a paired item whose position in its group (chapter,
 * section or question) went from old_seq to new_seq: shifted when the
 * items before it that left the group (gone) and came to it (came)
 * explain the difference, else renumbered. */
static diff_kind reseated(long old_seq, size_t gone, size_t came, long new_seq)
{
	return old_seq - (long)gone + (long)came == new_seq ? DIFF_SHIFTED
	                                                    : DIFF_RENUMBERED;
}

/* For each section of one side (in out[s->index]): how many sections
 * before it in its chapter have no partner in the same chapter on the
 * other side (removed or moved out; added or moved in). A section whose
 * number changed by exactly the difference has only shifted. */
static void sections_leaving(const ctx *x, bool new_side, size_t *out)
{
	const vc_version *v = new_side ? x->n : x->o;
	diff_item **items = items_of(x, DIFF_SECTION, new_side);
	int chapter = 0;
	size_t k = 0;
	for (size_t i = 0; i < v->nsections; i++) {
		const vc_section *s = v->sections[i];
		if (s->chapter_no != chapter) {
			chapter = s->chapter_no;
			k = 0;
		}
		out[s->index] = k;
		const diff_item *it = items[s->index];
		const vc_section *p = new_side ? it->old_s : it->new_s;
		if (!p || p->chapter_no != s->chapter_no)
			k++;
	}
}

static void section_places(ctx *x)
{
	size_t *gone = xcalloc(x->o->nsections + 1, sizeof(size_t));
	size_t *came = xcalloc(x->n->nsections + 1, sizeof(size_t));
	sections_leaving(x, false, gone);
	sections_leaving(x, true, came);
	size_t nall;
	diff_item **all = all_items(x, DIFF_SECTION, &nall);
	for (size_t i = 0; i < nall; i++) {
		diff_item *it = all[i];
		const vc_section *o = it->old_s, *n = it->new_s;
		name_item(it);
		if (!n) {
			it->place = DIFF_REMOVED;
		} else if (!o) {
			it->place = DIFF_ADDED;
		} else if (o->chapter_no != n->chapter_no) {
			it->place = DIFF_MOVED;
		} else if (o->seq != n->seq) {
			it->place = reseated(o->seq, gone[o->index],
			                     came[n->index], n->seq);
		}
	}
	free(gone);
	free(came);
}

/* Whether old question o and new question n stand in the same group:
 * where both are in sections, sections that were paired (wherever the
 * section went); otherwise the same chapter. */
static bool same_group(const ctx *x, const vc_question *o, const vc_question *n)
{
	if (o->section && n->section)
		return x->d->s_of_old[o->section->index] ==
		       x->d->s_of_new[n->section->index];
	return o->chapter_no == n->chapter_no;
}

/* For each question of one side (in out[q->index]): how many questions
 * before it in its group (its section, else its chapter) have no partner
 * in the same group on the other side: for the old side those that left
 * it (removed or moved out), for the new side those that came (added or
 * moved in). A question whose number changed by exactly the difference
 * has only shifted. */
static void questions_leaving(const ctx *x, bool new_side, size_t *out)
{
	const vc_version *v = new_side ? x->n : x->o;
	diff_item **items = items_of(x, DIFF_QUESTION, new_side);
	const void *group = NULL;
	size_t k = 0;
	/* a version lists the questions of a chapter, and of a section,
	 * one after the other */
	for (size_t i = 0; i < v->nquestions; i++) {
		const vc_question *q = v->questions[i];
		const void *g = q->section ? (const void *)q->section
		                           : (const void *)q->chapter;
		if (g != group) {
			group = g;
			k = 0;
		}
		out[q->index] = k;
		const diff_item *it = items[q->index];
		const vc_question *p = new_side ? it->old_q : it->new_q;
		if (!p ||
		    !(new_side ? same_group(x, p, q) : same_group(x, q, p)))
			k++;
	}
}

static void question_places(ctx *x)
{
	diff_result *d = x->d;
	size_t *gone = xcalloc(x->o->nquestions + 1, sizeof(size_t));
	size_t *came = xcalloc(x->n->nquestions + 1, sizeof(size_t));
	questions_leaving(x, false, gone);
	questions_leaving(x, true, came);
	size_t nall;
	diff_item **all = all_items(x, DIFF_QUESTION, &nall);
	for (size_t i = 0; i < nall; i++) {
		diff_item *it = all[i];
		const vc_question *o = it->old_q, *n = it->new_q;
		name_item(it);
		const vc_section *s = n ? n->section : o->section;
		if (s)
			it->section =
			    n ? d->s_of_new[s->index] : d->s_of_old[s->index];
		if (!n) {
			it->place = DIFF_REMOVED;
		} else if (!o) {
			it->place = DIFF_ADDED;
		} else if (!o->withdrawn && n->withdrawn) {
			it->place = DIFF_WITHDRAWN;
			it->successors = successors_of(x, n, &it->nsuccessors);
		} else if (o->withdrawn && !n->withdrawn) {
			it->place = DIFF_ADDED;
		} else if (!same_group(x, o, n)) {
			it->place = DIFF_MOVED;
		} else if (o->seq != n->seq) {
			it->place = reseated(o->seq, gone[o->index],
			                     came[n->index], n->seq);
		} else if (strcmp(o->number, n->number) != 0) {
			/* only its section's number changed */
			it->place = DIFF_SHIFTED;
		}
	}
	free(gone);
	free(came);
}

/* A question item is "whole" when its requirements are part of its own
 * addition, removal or withdrawal. */
static bool whole(const diff_item *q)
{
	return q->place == DIFF_ADDED || q->place == DIFF_REMOVED ||
	       q->place == DIFF_WITHDRAWN;
}

static void requirement_places(ctx *x)
{
	diff_result *d = x->d;
	const vc_version *o = x->o, *n = x->n;
	/* the same counting as for questions, within a question pair */
	size_t *gone = xcalloc(o->nrequirements + 1, sizeof(size_t));
	size_t *came = xcalloc(n->nrequirements + 1, sizeof(size_t));
	for (size_t i = 0; i < o->nquestions; i++) {
		const vc_question *q = o->questions[i];
		size_t k = 0;
		for (size_t j = 0; j < q->nreqs; j++) {
			const vc_requirement *r = &q->reqs[j];
			gone[r->index] = k;
			const diff_item *it = d->r_of_old[r->index];
			if (!it->new_r ||
			    d->q_of_new[it->new_r->question->index] !=
			        d->q_of_old[q->index])
				k++;
		}
	}
	for (size_t i = 0; i < n->nquestions; i++) {
		const vc_question *q = n->questions[i];
		size_t k = 0;
		for (size_t j = 0; j < q->nreqs; j++) {
			const vc_requirement *r = &q->reqs[j];
			came[r->index] = k;
			const diff_item *it = d->r_of_new[r->index];
			if (!it->old_r ||
			    d->q_of_old[it->old_r->question->index] !=
			        d->q_of_new[q->index])
				k++;
		}
	}
	size_t nall;
	diff_item **all = all_items(x, DIFF_REQUIREMENT, &nall);
	for (size_t i = 0; i < nall; i++) {
		diff_item *it = all[i];
		const vc_requirement *a = it->old_r, *b = it->new_r;
		diff_item *qa = a ? d->q_of_old[a->question->index] : NULL;
		diff_item *qb = b ? d->q_of_new[b->question->index] : NULL;
		name_item(it);
		it->parent = qb ? qb : qa;
		if (!b) {
			it->place = qa->place == DIFF_WITHDRAWN ? DIFF_WITHDRAWN
			                                        : DIFF_REMOVED;
			if (qa->place == DIFF_WITHDRAWN) {
				it->successors = qa->successors;
				it->nsuccessors = qa->nsuccessors;
				it->suggestion = NULL;
			}
		} else if (!a) {
			it->place = DIFF_ADDED;
		} else if (qa != qb) {
			it->place = DIFF_MOVED;
		} else if (strcmp(a->letter, b->letter) != 0) {
			it->place = reseated((long)a->seq, gone[a->index],
			                     came[b->index], (long)b->seq);
		}
	}
	free(gone);
	free(came);
}

/* The requirement most like a withdrawn one among the requirements of
 * all its successors; of equally similar ones the first met, successors
 * and their requirements taken in order. */
static void suggest_successors(ctx *x)
{
	diff_result *d = x->d;
	for (size_t i = 0; i < x->o->nrequirements; i++) {
		diff_item *it = d->r_of_old[i];
		if (it->place != DIFF_WITHDRAWN || !it->nsuccessors)
			continue;
		char *a = requirement_text(x, it->old_r);
		double best = DIFF_NUMBER_SIMILARITY;
		for (size_t k = 0; k < it->nsuccessors; k++) {
			const vc_question *q = it->successors[k];
			for (size_t j = 0; j < q->nreqs; j++) {
				char *b = requirement_text(x, &q->reqs[j]);
				double s = diff_similarity(a, b);
				free(b);
				if (s > best) {
					best = s;
					it->suggestion = &q->reqs[j];
				}
			}
		}
		free(a);
	}
}

/* ---- languages ---- */

static lang_state state_in(const vc_version *v, const char *id)
{
	for (size_t i = 0; i < v->nlanguages; i++)
		if (strcmp(v->languages[i].id, id) == 0)
			return v->languages[i].complete ? LANG_COMPLETE
			                                : LANG_PARTIAL;
	return LANG_ABSENT;
}

static const char *state_name(lang_state s)
{
	return s == LANG_COMPLETE  ? "complete"
	       : s == LANG_PARTIAL ? "partial"
	                           : NULL;
}

/* The languages besides the compared one: the new version's in its
 * order, then those only the old version has. */
static void track_languages(ctx *x)
{
	size_t cap = x->n->nlanguages + x->o->nlanguages;
	x->langs = arena_alloc(x->a, (cap + 1) * sizeof(*x->langs));
	for (int side = 1; side >= 0; side--) {
		const vc_version *v = side ? x->n : x->o;
		for (size_t i = 0; i < v->nlanguages; i++) {
			const char *id = v->languages[i].id;
			if (strcmp(id, x->lang) == 0 ||
			    (!side && state_in(x->n, id) != LANG_ABSENT))
				continue;
			lang_track *t = &x->langs[x->nlangs++];
			t->id = id;
			t->old_st = state_in(x->o, id);
			t->new_st = state_in(x->n, id);
		}
	}
}

/* One change per language whose status differs, with the counts of its
 * texts that translations() gathered. */
static void language_changes(ctx *x)
{
	diff_result *d = x->d;
	d->lang_changes =
	    arena_alloc(x->a, (x->nlangs + 1) * sizeof(*d->lang_changes));
	for (size_t i = 0; i < x->nlangs; i++) {
		const lang_track *t = &x->langs[i];
		if (t->old_st == t->new_st)
			continue;
		diff_change *c = &d->lang_changes[d->nlang_changes++];
		c->kind = DIFF_LANGUAGE;
		c->lang = t->id;
		c->old_status = state_name(t->old_st);
		c->new_status = state_name(t->new_st);
		c->texts_added = t->added;
		c->texts_changed = t->changed;
		c->texts_removed = t->removed;
		d->counts[DIFF_LANGUAGE]++;
	}
}

/* ---- assembling the result ---- */

static void add_child(ctx *x, diff_item *q, diff_item *r, size_t cap)
{
	if (!q->children)
		q->children =
		    arena_alloc(x->a, (cap + 1) * sizeof(diff_item *));
	q->children[q->nchildren++] = r;
}

#define OUTLINE_KEY 7

/* Sort key of a chapter, section or question item in the change logs'
 * order (diff.h, Order): chapter; whether in a section, and the
 * section's number and removal; whether a question, and its number and
 * removal. The new number, else the old; a removed one after the new one
 * holding its number. No two items share a key: chapters pair by number,
 * and two removed sections (questions) cannot share an old number. */
static void outline_key(const diff_item *it, int k[OUTLINE_KEY])
{
	memset(k, 0, OUTLINE_KEY * sizeof(int));
	if (it->type == DIFF_CHAPTER) {
		k[0] = it->new_ch ? it->new_ch->number : it->old_ch->number;
		return;
	}
	const diff_item *s = it->type == DIFF_SECTION ? it : it->section;
	if (s) {
		const vc_section *sec = s->new_s ? s->new_s : s->old_s;
		k[0] = sec->chapter_no;
		k[1] = 1;
		k[2] = sec->seq;
		k[3] = !s->new_s;
	}
	if (it->type == DIFF_QUESTION) {
		const vc_question *q = it->new_q ? it->new_q : it->old_q;
		if (!s)
			k[0] = q->chapter_no;
		k[4] = 1;
		k[5] = q->seq;
		k[6] = !it->new_q;
	}
}

static int outline_cmp(const void *p, const void *q)
{
	int a[OUTLINE_KEY], b[OUTLINE_KEY];
	outline_key(*(diff_item *const *)p, a);
	outline_key(*(diff_item *const *)q, b);
	for (int i = 0; i < OUTLINE_KEY; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return 0;
}

/* Sort key of a renumbering-table entry: its old number (chapter,
 * section, question, requirement; 0 where it has none). */
static void old_key(const diff_item *it, int k[4])
{
	if (it->type == DIFF_SECTION) {
		k[0] = it->old_s->chapter_no;
		k[1] = it->old_s->seq;
		k[2] = k[3] = 0;
		return;
	}
	const vc_question *q =
	    it->type == DIFF_QUESTION ? it->old_q : it->old_r->question;
	k[0] = q->chapter_no;
	k[1] = q->section_no;
	k[2] = q->seq;
	k[3] = it->type == DIFF_QUESTION ? 0 : (int)it->old_r->seq + 1;
}

static int table_cmp(const void *p, const void *q)
{
	int a[4], b[4];
	old_key(*(diff_item *const *)p, a);
	old_key(*(diff_item *const *)q, b);
	for (int i = 0; i < 4; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return 0;
}

static bool in_table(const diff_item *it)
{
	return it->place == DIFF_MOVED || it->place == DIFF_RENUMBERED ||
	       it->place == DIFF_SHIFTED;
}

static void chapters(ctx *x)
{
	diff_result *d = x->d;
	size_t cap = x->o->nchapters + x->n->nchapters;
	d->chapters = arena_alloc(x->a, (cap + 1) * sizeof(diff_item *));
	size_t i = 0, j = 0;
	while (i < x->o->nchapters || j < x->n->nchapters) {
		const vc_chapter *a =
		    i < x->o->nchapters ? &x->o->chapters[i] : NULL;
		const vc_chapter *b =
		    j < x->n->nchapters ? &x->n->chapters[j] : NULL;
		diff_item *it = new_item(x, DIFF_CHAPTER);
		if (a && b && a->number == b->number) {
			it->old_ch = a;
			it->new_ch = b;
			i++;
			j++;
		} else if (a && (!b || a->number < b->number)) {
			it->old_ch = a;
			it->place = DIFF_REMOVED;
			i++;
		} else {
			it->new_ch = b;
			it->place = DIFF_ADDED;
			j++;
		}
		it->uid = NULL;
		it->old_number =
		    it->old_ch ? arena_printf(x->a, "%d", it->old_ch->number)
		               : NULL;
		it->new_number =
		    it->new_ch ? arena_printf(x->a, "%d", it->new_ch->number)
		               : NULL;
		placement_change(x, it);
		if (it->old_ch && it->new_ch) {
			compare_field(x, it, "title", &it->old_ch->title,
			              &it->new_ch->title);
			compare_field(x, it, "introduction",
			              &it->old_ch->introduction,
			              &it->new_ch->introduction);
		}
		it->reported = it->nchanges > 0;
		d->chapters[d->nchapters++] = it;
	}
}

/* The section items in display order, with their changes: placement,
 * uid, title and introduction. */
static void sections(ctx *x)
{
	diff_result *d = x->d;
	d->sections = all_items(x, DIFF_SECTION, &d->nsections);
	if (d->nsections)
		qsort(d->sections, d->nsections, sizeof(diff_item *),
		      outline_cmp);
	for (size_t i = 0; i < d->nsections; i++) {
		diff_item *it = d->sections[i];
		placement_change(x, it);
		if (it->old_s && it->new_s) {
			compare_field(x, it, "title", &it->old_s->title,
			              &it->new_s->title);
			compare_field(x, it, "introduction",
			              &it->old_s->introduction,
			              &it->new_s->introduction);
		}
		it->reported = it->nchanges > 0;
	}
}

/* Every chapter, section and question item in the change logs' order. */
static void outline(ctx *x)
{
	diff_result *d = x->d;
	d->outline = arena_alloc(
	    x->a, (d->nchapters + d->nsections + d->nquestions + 1) *
	              sizeof(diff_item *));
	diff_item **o = d->outline;
	memcpy(o, d->chapters, d->nchapters * sizeof(*o));
	memcpy(o + d->nchapters, d->sections, d->nsections * sizeof(*o));
	memcpy(o + d->nchapters + d->nsections, d->questions,
	       d->nquestions * sizeof(*o));
	d->noutline = d->nchapters + d->nsections + d->nquestions;
	qsort(o, d->noutline, sizeof(*o), outline_cmp);
}

diff_result *diff_versions(const vc_version *old, const vc_version *new)
{
	arena *a = arena_new();
	diff_result *d = arena_alloc(a, sizeof(*d));
	d->arena = a;
	d->old = old;
	d->new = new;
	d->lang = new->nlanguages   ? new->languages[0].id
	          : old->nlanguages ? old->languages[0].id
	                            : "en";
	ctx x = {d, a, old, new, d->lang};
	d->has_sections = old->scheme->sections || new->scheme->sections;
	d->s_of_old =
	    arena_alloc(a, (old->nsections + 1) * sizeof(diff_item *));
	d->s_of_new =
	    arena_alloc(a, (new->nsections + 1) * sizeof(diff_item *));
	d->q_of_old =
	    arena_alloc(a, (old->nquestions + 1) * sizeof(diff_item *));
	d->q_of_new =
	    arena_alloc(a, (new->nquestions + 1) * sizeof(diff_item *));
	d->r_of_old =
	    arena_alloc(a, (old->nrequirements + 1) * sizeof(diff_item *));
	d->r_of_new =
	    arena_alloc(a, (new->nrequirements + 1) * sizeof(diff_item *));

	track_languages(&x);
	match_sections(&x);
	match_questions(&x);
	match_requirements(&x);
	section_places(&x);
	question_places(&x);
	requirement_places(&x);
	suggest_successors(&x);
	chapters(&x);
	sections(&x);

	/* questions in display order, with their requirements */
	d->questions = all_items(&x, DIFF_QUESTION, &d->nquestions);
	size_t nq = d->nquestions;
	if (nq)
		qsort(d->questions, nq, sizeof(diff_item *), outline_cmp);
	for (size_t i = 0; i < nq; i++) {
		diff_item *q = d->questions[i];
		size_t cap = (q->new_q ? q->new_q->nreqs : 0) +
		             (q->old_q ? q->old_q->nreqs : 0);
		if (q->new_q)
			for (size_t j = 0; j < q->new_q->nreqs; j++)
				add_child(&x, q,
				          d->r_of_new[q->new_q->reqs[j].index],
				          cap);
		if (q->old_q)
			for (size_t j = 0; j < q->old_q->nreqs; j++) {
				diff_item *r =
				    d->r_of_old[q->old_q->reqs[j].index];
				if (!r->new_r)
					add_child(&x, q, r, cap);
			}
	}

	/* the changes: placement first, then the fields */
	for (size_t i = 0; i < nq; i++) {
		diff_item *q = d->questions[i];
		placement_change(&x, q);
		if (q->old_q && q->new_q && q->place != DIFF_WITHDRAWN &&
		    q->place != DIFF_ADDED)
			compare_question(&x, q);
		for (size_t j = 0; j < q->nchildren; j++) {
			diff_item *r = q->children[j];
			if (whole(q) && (!r->old_r || !r->new_r))
				continue; /* part of the question's change */
			placement_change(&x, r);
			if (r->old_r && r->new_r)
				compare_requirement(&x, r);
			if (r->nchanges)
				r->reported = q->reported = true;
		}
		if (q->nchanges)
			q->reported = true;
	}

	language_changes(&x);
	outline(&x);

	/* the renumbering table and the counts */
	size_t nt = 0;
	d->renumbered = arena_alloc(
	    a, (old->nsections + old->nquestions + old->nrequirements + 1) *
	           sizeof(diff_item *));
	for (size_t i = 0; i < old->nsections; i++)
		if (in_table(d->s_of_old[i]))
			d->renumbered[nt++] = d->s_of_old[i];
	for (size_t i = 0; i < old->nquestions; i++)
		if (in_table(d->q_of_old[i]))
			d->renumbered[nt++] = d->q_of_old[i];
	for (size_t i = 0; i < old->nrequirements; i++)
		if (in_table(d->r_of_old[i]))
			d->renumbered[nt++] = d->r_of_old[i];
	d->nrenumbered = nt;
	if (nt)
		qsort(d->renumbered, nt, sizeof(diff_item *), table_cmp);
	for (size_t i = 0; i < nt; i++)
		if (d->renumbered[i]->place == DIFF_SHIFTED)
			d->counts[DIFF_SHIFTED]++;
	for (size_t i = 0; i < d->nchapters; i++)
		for (size_t k = 0; k < d->chapters[i]->nchanges; k++)
			d->counts[d->chapters[i]->changes[k].kind]++;
	for (size_t i = 0; i < d->nsections; i++)
		for (size_t k = 0; k < d->sections[i]->nchanges; k++)
			d->counts[d->sections[i]->changes[k].kind]++;
	for (size_t i = 0; i < nq; i++) {
		diff_item *q = d->questions[i];
		for (size_t k = 0; k < q->nchanges; k++)
			d->counts[q->changes[k].kind]++;
		for (size_t j = 0; j < q->nchildren; j++)
			for (size_t k = 0; k < q->children[j]->nchanges; k++)
				d->counts[q->children[j]->changes[k].kind]++;
	}
	for (int k = 0; k < DIFF_NKINDS; k++)
		if (k != DIFF_SHIFTED)
			d->nchanges += d->counts[k];
	return d;
}

void diff_free(diff_result *d)
{
	if (d)
		arena_free(d->arena);
}

bool diff_same(const diff_result *d)
{
	return d->nchanges == 0 && d->nrenumbered == 0;
}

static bool owns(const vc_version *v, const void *node, size_t index,
                 bool question)
{
	if (question)
		return index < v->nquestions && v->questions[index] == node;
	return index < v->nrequirements && v->requirements[index] == node;
}

const diff_item *diff_pair_requirement(const diff_result *d,
                                       const vc_requirement *old_r)
{
	return old_r && owns(d->old, old_r, old_r->index, false)
	           ? d->r_of_old[old_r->index]
	           : NULL;
}

const diff_item *diff_pair_question(const diff_result *d,
                                    const vc_question *old_q)
{
	return old_q && owns(d->old, old_q, old_q->index, true)
	           ? d->q_of_old[old_q->index]
	           : NULL;
}

const diff_item *diff_origin_requirement(const diff_result *d,
                                         const vc_requirement *new_r)
{
	return new_r && owns(d->new, new_r, new_r->index, false)
	           ? d->r_of_new[new_r->index]
	           : NULL;
}

const diff_item *diff_origin_question(const diff_result *d,
                                      const vc_question *new_q)
{
	return new_q && owns(d->new, new_q, new_q->index, true)
	           ? d->q_of_new[new_q->index]
	           : NULL;
}

static bool owns_section(const vc_version *v, const vc_section *s)
{
	return s && s->index < v->nsections && v->sections[s->index] == s;
}

const diff_item *diff_pair_section(const diff_result *d,
                                   const vc_section *old_s)
{
	return owns_section(d->old, old_s) ? d->s_of_old[old_s->index] : NULL;
}

const diff_item *diff_origin_section(const diff_result *d,
                                     const vc_section *new_s)
{
	return owns_section(d->new, new_s) ? d->s_of_new[new_s->index] : NULL;
}
