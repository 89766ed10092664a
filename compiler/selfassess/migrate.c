/*
 * migrate.c - a self-assessment carried to another catalogue version on
 * the diff's pairing (diff/diff.h: diff_pair_requirement,
 * diff_pair_question), so that participants never retype an answer whose
 * requirement did not change, and review exactly those whose did.
 */
#include <stdlib.h>
#include <string.h>

#include "diff/diff.h"
#include "selfassess.h"

const char *sa_mig_kind_name(sa_mig_kind k)
{
	static const char *const names[] = {"kept", "renumbered", "review",
	                                    "withdrawn", "added"};
	return names[k];
}

void sa_migration_free(sa_migration *m)
{
	if (m && m->arena)
		arena_free(m->arena);
	if (m)
		memset(m, 0, sizeof(*m));
}

typedef struct mctx {
	const selfassess *old;
	selfassess *new;
	diff_result *diff;
	sa_migration *mig;
	size_t cap;
	bool *carried; /* per new entry: an answer came to it */
} mctx;

static void event(mctx *m, sa_mig_kind k, const char *old_key,
                  const char *new_key, const char *reason)
{
	sa_migration *g = m->mig;
	if (g->nevents == m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 64;
		sa_mig_event *ev = arena_alloc(g->arena, cap * sizeof(*ev));
		if (g->nevents)
			memcpy(ev, g->events, g->nevents * sizeof(*ev));
		g->events = ev;
		m->cap = cap;
	}
	sa_mig_event *e = &g->events[g->nevents++];
	e->kind = k;
	e->old_key = old_key;
	e->new_key = new_key;
	e->reason = reason;
	g->counts[k]++;
}

/* Why an answer to it needs another look, or NULL: its wording or its
 * level changed (for a question: its own question or any of its
 * requirements' wording or level, or requirements came or went). */
static const char *review_reason(mctx *m, const diff_item *it)
{
	arena *a = m->mig->arena;
	const char *to = m->new->version->key;
	for (size_t i = 0; i < it->nchanges; i++) {
		const diff_change *c = &it->changes[i];
		if (c->kind == DIFF_LEVEL)
			return arena_printf(a,
			                    "level changed from %s to %s in %s",
			                    c->old_level, c->new_level, to);
		if (c->kind == DIFF_TEXT && (it->type == DIFF_REQUIREMENT ||
		                             strcmp(c->field, "question") == 0))
			return arena_printf(a, "%s reworded in %s",
			                    it->type == DIFF_REQUIREMENT
			                        ? "requirement"
			                        : "question",
			                    to);
	}
	if (it->type != DIFF_QUESTION)
		return NULL;
	for (size_t i = 0; i < it->nchildren; i++) {
		const diff_item *r = it->children[i];
		if (r->place == DIFF_ADDED || (r->new_r && !r->old_r))
			return arena_printf(a, "requirement %s added in %s",
			                    r->new_number, to);
		if (r->place == DIFF_REMOVED || (r->old_r && !r->new_r))
			return arena_printf(a, "requirement %s removed in %s",
			                    r->old_number, to);
		if (r->place == DIFF_MOVED && r->new_r &&
		    r->new_r->question == it->new_q)
			return arena_printf(a,
			                    "requirement %s moved here from %s",
			                    r->new_number, r->old_number);
		const char *why = review_reason(m, r);
		if (why)
			return arena_printf(a, "%s: %s", r->new_number, why);
	}
	return NULL;
}

/* The new entry an old entry's answer goes to, with why it needs review
 * (NULL: carried as it is). */
static void carry(mctx *m, const sa_entry *from, sa_entry *to, sa_mig_kind k,
                  const char *reason)
{
	size_t idx = (size_t)(to - m->new->entries);
	if (m->carried[idx]) {
		/* two answers meet: the first stays, marked */
		const char *r = arena_printf(
		    m->mig->arena, "%s; also answered '%s' as %s in %s",
		    to->review ? to->review : "answers merged",
		    from->answer ? from->answer->id : "(none)", from->key,
		    m->old->version->key);
		to->review = arena_strdup(m->new->arena, r);
		event(m, SA_MIG_REVIEW, from->key, to->key, r);
		return;
	}
	m->carried[idx] = true;
	/* the answer by id: the new scheme's scale */
	to->answer = from->answer ? sa_answer_find(m->new->scheme,
	                                           from->answer->id, false)
	                          : NULL;
	to->justification =
	    from->justification
	        ? arena_strdup(m->new->arena, from->justification)
	        : NULL;
	to->evidence =
	    from->evidence ? arena_strdup(m->new->arena, from->evidence) : NULL;
	const char *rev = reason ? reason : from->review;
	if (!to->answer && from->answer && !reason)
		rev = arena_printf(m->mig->arena,
		                   "answer '%s' is not on the scale of %s",
		                   from->answer->id, m->new->version->key);
	to->review = rev ? arena_strdup(m->new->arena, rev) : NULL;
	event(m, rev && rev != from->review ? SA_MIG_REVIEW : k, from->key,
	      to->key, rev != from->review ? rev : NULL);
}

static sa_entry *entry_of_req(mctx *m, const vc_requirement *r)
{
	return r ? sa_entry_of(m->new, r->label) : NULL;
}

static sa_entry *entry_of_q(mctx *m, const vc_question *q)
{
	return q ? sa_entry_of(m->new, q->number) : NULL;
}

static bool answered(const sa_entry *e)
{
	return e->answer || e->justification || e->evidence;
}

/* The answer of e to its partner's entry ne (numbered number), or, where
 * the partner is not assessed, reported as gone. */
static void carry_paired(mctx *m, const sa_entry *e, const diff_item *it,
                         sa_entry *ne, const char *number)
{
	if (ne)
		carry(m, e, ne,
		      strcmp(e->key, ne->key) ? SA_MIG_RENUMBERED : SA_MIG_KEPT,
		      review_reason(m, it));
	else
		event(m, SA_MIG_WITHDRAWN, e->key, NULL,
		      arena_printf(m->mig->arena,
		                   "%s no longer applies to the objectives "
		                   "assessed in %s",
		                   number, m->new->version->key));
}

/* Pass 1 carries the answers of items that go on; pass 2 those of
 * withdrawn items, to a successor no answer came to in pass 1. */
static void migrate_requirement(mctx *m, const sa_entry *e, int pass)
{
	const diff_item *it = diff_pair_requirement(m->diff, e->req);
	const char *to = m->new->version->key;
	arena *a = m->mig->arena;
	bool goes_on = it && it->new_r && it->place != DIFF_WITHDRAWN;
	if (pass == 1) {
		if (!goes_on || !answered(e))
			return;
		carry_paired(m, e, it, entry_of_req(m, it->new_r),
		             it->new_r->label);
		return;
	}
	if (goes_on)
		return;
	const char *why =
	    it && it->place == DIFF_WITHDRAWN
	        ? arena_printf(a, "question %s withdrawn in %s", e->q->number,
	                       to)
	        : arena_printf(a, "requirement removed in %s", to);
	sa_entry *se = it ? entry_of_req(m, it->suggestion) : NULL;
	if (se && answered(e) && !m->carried[se - m->new->entries]) {
		carry(m, e, se, SA_MIG_REVIEW,
		      arena_printf(a, "carried from %s: %s", e->key, why));
		why = arena_printf(a, "%s; its answer went to %s for review",
		                   why, se->key);
	} else if (se && answered(e)) {
		why = arena_printf(a, "%s; its successor %s has its own answer",
		                   why, se->key);
	}
	event(m, SA_MIG_WITHDRAWN, e->key, NULL, why);
}

static void migrate_question(mctx *m, const sa_entry *e, int pass)
{
	const diff_item *it = diff_pair_question(m->diff, e->q);
	const char *to = m->new->version->key;
	arena *a = m->mig->arena;
	bool goes_on = it && it->new_q && !it->new_q->withdrawn &&
	               it->place != DIFF_WITHDRAWN;
	if (pass == 1) {
		if (!goes_on || !answered(e))
			return;
		carry_paired(m, e, it, entry_of_q(m, it->new_q),
		             it->new_q->number);
		return;
	}
	if (goes_on)
		return;
	const char *why = it && it->place == DIFF_WITHDRAWN
	                      ? arena_printf(a, "question withdrawn in %s", to)
	                      : arena_printf(a, "question removed in %s", to);
	buf to_keys = {0};
	for (size_t i = 0; it && answered(e) && i < it->nsuccessors; i++) {
		sa_entry *se = entry_of_q(m, it->successors[i]);
		if (!se || m->carried[se - m->new->entries])
			continue;
		carry(m, e, se, SA_MIG_REVIEW,
		      arena_printf(a, "carried from %s: %s", e->key, why));
		buf_printf(&to_keys, "%s%s", to_keys.len ? ", " : "", se->key);
	}
	if (to_keys.len)
		why = arena_printf(a, "%s; its answer went to %s for review",
		                   why, to_keys.data);
	buf_free(&to_keys);
	event(m, SA_MIG_WITHDRAWN, e->key, NULL, why);
}

int sa_migrate(const selfassess *old, const char *root, const char *to_id,
               selfassess **out, sa_migration *mig, diags *d)
{
	*out = NULL;
	memset(mig, 0, sizeof(*mig));
	arena *na = arena_new();
	selfassess *n = arena_alloc(na, sizeof(*n));
	n->arena = na;
	const char *id = to_id;
	if (!strchr(to_id, '/'))
		id = arena_printf(na, "%s/%s", old->version->catalogue, to_id);
	if (sa_load_version(n, root, id, NO_POS, d) < 0) {
		sa_free(n);
		return -1;
	}
	n->lang = model_has_language(n->version, old->lang)
	              ? arena_strdup(na, old->lang)
	              : n->version->languages[0].id;
	n->participant =
	    old->participant ? arena_strdup(na, old->participant) : NULL;
	n->scope = old->scope ? arena_strdup(na, old->scope) : NULL;
	for (size_t i = 0; i < old->scheme->nobjectives; i++) {
		if (!(old->objectives & (1u << i)))
			continue;
		int k = model_objective_index(n->scheme,
		                              old->scheme->objectives[i].id);
		if (k >= 0)
			n->objectives |= 1u << k;
	}
	if (!n->objectives) {
		diag_error(d, NO_POS,
		           "%s has none of the objectives of the "
		           "self-assessment",
		           n->version->key);
		sa_free(n);
		return -1;
	}
	sa_make_entries(n);
	mig->arena = arena_new();
	mctx m = {old, n, diff_versions(old->version, n->version),
	          mig, 0, xcalloc(n->nentries + 1, sizeof(bool))};
	bool per_q = old->scheme->answer_unit == VC_ANSWER_QUESTION;
	for (int pass = 1; pass <= 2; pass++)
		for (size_t i = 0; i < old->nentries; i++) {
			if (per_q)
				migrate_question(&m, &old->entries[i], pass);
			else
				migrate_requirement(&m, &old->entries[i], pass);
		}
	/* new items: no partner in the old version, or one that was not
	 * assessed there */
	for (size_t i = 0; i < n->nentries; i++) {
		const sa_entry *e = &n->entries[i];
		const diff_item *it =
		    per_q ? diff_origin_question(m.diff, e->q)
		          : diff_origin_requirement(m.diff, e->req);
		const char *old_key =
		    !it     ? NULL
		    : per_q ? (it->old_q && !it->old_q->withdrawn &&
		                       it->place != DIFF_WITHDRAWN
		                   ? it->old_q->number
		                   : NULL)
		            : (it->old_r && it->place != DIFF_WITHDRAWN
		                   ? it->old_r->label
		                   : NULL);
		if (!old_key || !sa_entry_of(old, old_key))
			event(&m, SA_MIG_ADDED, NULL, e->key,
			      old_key ? "not assessed before" : NULL);
	}
	free(m.carried);
	diff_free(m.diff);
	*out = n;
	return 0;
}
