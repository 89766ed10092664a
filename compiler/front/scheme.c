/*
 * scheme.c - loading and checking catalogue/scheme.yaml.
 */
#include <stdlib.h>
#include <string.h>

#include "front.h"

int front_prose(fld_ctx *c, const ynode *map, const ynode *v, const char *key,
                const char *what, bool required, const char *const *langs,
                size_t nlangs, vc_prose *out)
{
	memset(out, 0, sizeof(*out));
	if (!fld_present(v)) {
		if (required)
			fld_missing(c, map, key, what);
		return -1;
	}
	out->pos = v->pos;
	if (v->bad)
		return -1;
	if (v->kind == YN_SCALAR) {
		if (v->len == 0 || strspn(v->str, " \t\r\n") == v->len) {
			diag_error(c->d, v->pos, "'%s' is empty", key);
			return -1;
		}
		out->tr = arena_alloc(c->a, sizeof(vc_text));
		out->tr[0].lang = langs[0];
		out->tr[0].text = arena_strndup(c->a, v->str, v->len);
		out->tr[0].pos = v->pos;
		out->n = 1;
		fld_markdown_depth(c, v, key);
		fld_markdown_unsafe(c, v, key);
		return 0;
	}
	if (v->kind != YN_MAP) {
		diag_error(c->d, v->pos,
		           "'%s' must be text or a mapping of translations "
		           "(en: ..., de: ...), not %s",
		           key, yn_kind_name(v));
		return -1;
	}
	/* Keep translations in the order of langs, whatever the file's order.
	 */
	vc_text *tr = arena_alloc(c->a, nlangs * sizeof(vc_text));
	bool *seen = xcalloc(nlangs, sizeof(bool));
	for (size_t i = 0; i < v->n; i++) {
		const ynode *k = v->items[2 * i], *t = v->items[2 * i + 1];
		size_t j;
		for (j = 0; j < nlangs; j++)
			if (strcmp(langs[j], k->str) == 0)
				break;
		if (j == nlangs && fld_misplaced_key(c, v, k->str, k->pos))
			continue;
		if (j == nlangs) {
			buf b = {0};
			for (size_t m = 0; m < nlangs; m++)
				buf_printf(&b, "%s%s", m ? ", " : "", langs[m]);
			const char *sg = suggest(k->str, langs, nlangs);
			if (sg)
				diag_error(c->d, k->pos,
				           "unknown language '%s' in '%s'; did "
				           "you mean '%s'?",
				           k->str, key, sg);
			else
				diag_error(c->d, k->pos,
				           "unknown language '%s' in '%s'; "
				           "expected one of: %s",
				           k->str, key, b.data);
			buf_free(&b);
			continue;
		}
		if (seen[j])
			continue; /* duplicate key, reported by the loader */
		if (t->bad)
			continue;
		if (t->kind != YN_SCALAR || yn_is_null(t)) {
			diag_error(c->d, t->pos,
			           "translation '%s' of '%s' must be text, "
			           "not %s",
			           k->str, key, yn_kind_name(t));
			continue;
		}
		if (strspn(t->str, " \t\r\n") == t->len) {
			diag_error(c->d, t->pos,
			           "translation '%s' of '%s' is empty", k->str,
			           key);
			continue;
		}
		seen[j] = true;
		tr[j].lang = langs[j];
		tr[j].text = arena_strndup(c->a, t->str, t->len);
		tr[j].pos = t->pos;
		fld_markdown_depth(c, t, key);
		fld_markdown_unsafe(c, t, key);
	}
	size_t n = 0;
	for (size_t j = 0; j < nlangs; j++)
		if (seen[j])
			tr[n++] = tr[j];
	free(seen);
	out->tr = tr;
	out->n = n;
	if (v->n == 0)
		diag_error(c->d, v->pos,
		           "'%s' is an empty mapping; give the text, e.g. "
		           "%s: ...",
		           key, langs[0]);
	return n ? 0 : -1;
}

int front_objset(fld_ctx *c, const vc_scheme *s, const ynode *map,
                 const ynode *v, const char *key, const char *what,
                 bool required, vc_objset *out)
{
	*out = 0;
	if (!fld_present(v)) {
		if (required)
			fld_missing(c, map, key, what);
		return -1;
	}
	if (!fld_list(c, v, key))
		return -1;
	if (v->n == 0) {
		diag_error(c->d, v->pos,
		           "'%s' is empty; name at least one "
		           "audit objective",
		           key);
		return -1;
	}
	int rc = 0;
	const char **ids = xmalloc(s->nobjectives * sizeof(char *) + 1);
	for (size_t i = 0; i < s->nobjectives; i++)
		ids[i] = s->objectives[i].id;
	for (size_t i = 0; i < v->n; i++) {
		const ynode *it = v->items[i];
		if (it->bad) {
			rc = -1;
			continue;
		}
		if (it->kind != YN_SCALAR || yn_is_null(it)) {
			diag_error(c->d, it->pos,
			           "'%s' lists audit objective ids, not %s",
			           key, yn_kind_name(it));
			rc = -1;
			continue;
		}
		int k = model_objective_index(s, it->str);
		if (k < 0) {
			const char *sg = suggest(it->str, ids, s->nobjectives);
			buf b = {0};
			for (size_t m = 0; m < s->nobjectives; m++)
				buf_printf(&b, "%s%s", m ? ", " : "", ids[m]);
			if (sg)
				diag_error(c->d, it->pos,
				           "unknown audit objective '%s'; did "
				           "you mean '%s'?",
				           it->str, sg);
			else
				diag_error(c->d, it->pos,
				           "unknown audit objective '%s'; the "
				           "scheme defines %s",
				           it->str, b.data);
			buf_free(&b);
			rc = -1;
			continue;
		}
		if (*out & (1u << k)) {
			diag_error(c->d, it->pos,
			           "audit objective '%s' is listed twice",
			           it->str);
			rc = -1;
			continue;
		}
		*out |= 1u << k;
	}
	free(ids);
	return rc;
}

/* ---- the scheme file ---- */

enum {
	S_SCHEME,
	S_TITLE,
	S_LANGUAGES,
	S_OBJECTIVES,
	S_LEVELS,
	S_FINDINGS,
	S_ANSWERS,
	S_STANDARDS,
	S_LABEL,
	S_REQ_LABELS,
	S_NUMBERS,
	S_N
};
static const char *const scheme_keys[S_N] = {
    "scheme",          "title",
    "languages",       "objectives",
    "levels",          "findings",
    "answers",         "standards",
    "label",           "requirement_labels",
    "question_numbers"};

typedef struct sctx {
	fld_ctx c;
	vc_scheme *s;
	const char **langs; /* ids, for prose */
	size_t nlangs;
} sctx;

static bool is_lang_id(const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || n > 3)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return false;
	return true;
}

/* Reads a list under key into items, calling one(ctx, node, index) for
 * each element; returns the count. */
typedef int (*item_fn)(sctx *x, const ynode *node, size_t i);

static size_t read_list(sctx *x, const ynode *root, const ynode *v,
                        const char *key, item_fn one, size_t max)
{
	if (!fld_present(v)) {
		fld_missing(&x->c, root, key, "the scheme");
		return 0;
	}
	if (!fld_list(&x->c, v, key))
		return 0;
	if (v->n == 0) {
		diag_error(x->c.d, v->pos, "'%s' is empty", key);
		return 0;
	}
	if (v->n > max) {
		diag_error(x->c.d, v->pos,
		           "'%s' has %zu entries; at most %zu "
		           "are supported",
		           key, v->n, max);
		return 0;
	}
	size_t n = 0;
	for (size_t i = 0; i < v->n; i++)
		if (one(x, v->items[i], n) == 0)
			n++;
	return n;
}

/* Reports an id that an earlier entry of the same list already used. */
static int check_id(sctx *x, const ynode *idn, const char *id, const char *what,
                    const char *prev_ids, size_t stride, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *p = *(const char *const *)(prev_ids + i * stride);
		if (strcmp(p, id) == 0) {
			diag_error(x->c.d, idn->pos, "duplicate %s id '%s'",
			           what, id);
			return -1;
		}
	}
	return 0;
}

static int one_language(sctx *x, const ynode *node, size_t i)
{
	static const char *const keys[] = {"id", "name"};
	ynode *f[2];
	if (fld_map(&x->c, node, "a language", keys, 2, f) < 0)
		return -1;
	const char *id = fld_str(&x->c, node, f[0], "id", "a language", true);
	const char *name =
	    fld_str(&x->c, node, f[1], "name", "a language", true);
	if (!id || !name)
		return -1;
	if (!is_lang_id(id)) {
		diag_error(x->c.d, f[0]->pos,
		           "language id '%s' must be two or three lowercase "
		           "letters (ISO 639-1, e.g. 'en')",
		           id);
		return -1;
	}
	vc_language *l = &x->s->languages[i];
	if (check_id(x, f[0], id, "language",
	             (const char *)&x->s->languages[0].id, sizeof(*l), i) < 0)
		return -1;
	l->id = arena_strdup(x->c.a, id);
	l->name = arena_strdup(x->c.a, name);
	l->pos = node->pos;
	return 0;
}

static int one_objective(sctx *x, const ynode *node, size_t i)
{
	static const char *const keys[] = {"id", "title", "description"};
	ynode *f[3];
	if (fld_map(&x->c, node, "an audit objective", keys, 3, f) < 0)
		return -1;
	vc_objective *o = &x->s->objectives[i];
	const char *id =
	    fld_str(&x->c, node, f[0], "id", "an audit objective", true);
	int rc = 0;
	if (id && !fld_is_uid(id)) {
		diag_error(x->c.d, f[0]->pos,
		           "objective id '%s' must be lowercase letters, "
		           "digits and hyphens",
		           id);
		rc = -1;
	}
	if (id &&
	    check_id(x, f[0], id, "objective",
	             (const char *)&x->s->objectives[0].id, sizeof(*o), i) < 0)
		rc = -1;
	if (front_prose(&x->c, node, f[1], "title", "an audit objective", true,
	                x->langs, x->nlangs, &o->title) < 0)
		rc = -1;
	front_prose(&x->c, node, f[2], "description", "an audit objective",
	            false, x->langs, x->nlangs, &o->description);
	if (!id || rc < 0)
		return -1;
	o->id = arena_strdup(x->c.a, id);
	o->pos = node->pos;
	return 0;
}

/* Keys of a requirement that a level id must not take. */
static const char *const req_fixed_keys[] = {
    "letter", "label", "uid", "applies_to", "references", "change_note"};

static bool is_colour(const char *s)
{
	if (strlen(s) != 7 || s[0] != '#')
		return false;
	return strspn(s + 1, "0123456789abcdefABCDEF") == 6;
}

static int one_level(sctx *x, const ynode *node, size_t i)
{
	static const char *const keys[] = {
	    "id", "title", "exemption", "description", "colour", "applies_to"};
	static const char *const ex[] = {"none", "justified"};
	const char *what = "a requirement level";
	ynode *f[6];
	if (fld_map(&x->c, node, what, keys, 6, f) < 0)
		return -1;
	vc_level *l = &x->s->levels[i];
	const char *id = fld_str(&x->c, node, f[0], "id", what, true);
	int e = fld_enum(&x->c, node, f[2], "exemption", what, true, ex, 2);
	int rc = front_prose(&x->c, node, f[1], "title", what, true, x->langs,
	                     x->nlangs, &l->title);
	front_prose(&x->c, node, f[3], "description", what, false, x->langs,
	            x->nlangs, &l->description);
	const char *colour = fld_str(&x->c, node, f[4], "colour", what, false);
	if (colour && !is_colour(colour)) {
		diag_error(x->c.d, f[4]->pos,
		           "'colour' must be written #rrggbb (e.g. '#1f6f8b'), "
		           "not '%s'",
		           colour);
		rc = -1;
	}
	l->applies_to = (vc_objset)((1u << x->s->nobjectives) - 1);
	if (fld_present(f[5])) {
		if (front_objset(&x->c, x->s, node, f[5], "applies_to", what,
		                 false, &l->applies_to) < 0)
			rc = -1;
		l->narrowed = true;
	}
	if (!id || e < 0 || rc < 0)
		return -1;
	/* The id becomes a key of every requirement that uses the level. */
	if (!fld_is_uid(id)) {
		diag_error(
		    x->c.d, f[0]->pos,
		    "level id '%s' must be lowercase letters, digits and "
		    "hyphens (it is the key of the level's text in a "
		    "requirement)",
		    id);
		return -1;
	}
	for (size_t k = 0; k < COUNT_OF(req_fixed_keys); k++)
		if (strcmp(id, req_fixed_keys[k]) == 0) {
			diag_error(
			    x->c.d, f[0]->pos,
			    "level id '%s' is a key of every requirement "
			    "already; choose another id",
			    id);
			return -1;
		}
	if (check_id(x, f[0], id, "level", (const char *)&x->s->levels[0].id,
	             sizeof(*l), i) < 0)
		return -1;
	l->id = arena_strdup(x->c.a, id);
	l->exemption = ex[e];
	l->colour = colour ? arena_strdup(x->c.a, colour) : NULL;
	l->pos = node->pos;
	return 0;
}

static int one_finding(sctx *x, const ynode *node, size_t i)
{
	static const char *const keys[] = {"id", "title", "blocks_label",
	                                   "corrective_action", "description"};
	static const char *const ca[] = {"required", "optional", "none"};
	ynode *f[5];
	if (fld_map(&x->c, node, "a finding class", keys, 5, f) < 0)
		return -1;
	vc_finding_class *fc = &x->s->findings[i];
	const char *id =
	    fld_str(&x->c, node, f[0], "id", "a finding class", true);
	int rc = 0;
	if (!fld_present(f[2])) {
		fld_missing(&x->c, node, "blocks_label", "a finding class");
		rc = -1;
	} else if (fld_bool(&x->c, f[2], "blocks_label", &fc->blocks_label) <
	           0) {
		rc = -1;
	}
	int e = fld_enum(&x->c, node, f[3], "corrective_action",
	                 "a finding class", true, ca, 3);
	if (front_prose(&x->c, node, f[1], "title", "a finding class", true,
	                x->langs, x->nlangs, &fc->title) < 0)
		rc = -1;
	front_prose(&x->c, node, f[4], "description", "a finding class", false,
	            x->langs, x->nlangs, &fc->description);
	if (!id || e < 0 || rc < 0)
		return -1;
	if (!fld_is_uid(id)) {
		diag_error(x->c.d, f[0]->pos,
		           "finding class id '%s' must be lowercase letters, "
		           "digits and hyphens",
		           id);
		return -1;
	}
	if (check_id(x, f[0], id, "finding class",
	             (const char *)&x->s->findings[0].id, sizeof(*fc), i) < 0)
		return -1;
	fc->id = arena_strdup(x->c.a, id);
	fc->corrective_action = ca[e];
	fc->pos = node->pos;
	return 0;
}

static int one_answer(sctx *x, const ynode *node, size_t i)
{
	static const char *const keys[] = {"id",        "title",
	                                   "counts_as", "justification",
	                                   "value",     "description"};
	static const char *const counts[] = {"met", "gap", "excluded"};
	static const char *const just[] = {"required", "optional"};
	const char *what = "an answer";
	ynode *f[6];
	if (fld_map(&x->c, node, what, keys, 6, f) < 0)
		return -1;
	vc_answer *a = &x->s->answers[i];
	bool maturity = x->s->answer_unit == VC_ANSWER_QUESTION;
	const char *id = fld_str(&x->c, node, f[0], "id", what, true);
	/* On a maturity scale, what a step counts as follows from the
	 * target unless the step says otherwise (not applicable). */
	int ci = fld_enum(&x->c, node, f[2], "counts_as", what, !maturity,
	                  counts, 3);
	int ji =
	    fld_enum(&x->c, node, f[3], "justification", what, true, just, 2);
	int rc = front_prose(&x->c, node, f[1], "title", what, true, x->langs,
	                     x->nlangs, &a->title);
	front_prose(&x->c, node, f[5], "description", what, false, x->langs,
	            x->nlangs, &a->description);
	long v = -1;
	if (fld_present(f[4]) &&
	    fld_int(&x->c, node, f[4], "value", what, false, 0, 100, &v) < 0)
		rc = -1;
	if (maturity && !fld_present(f[4]) && ci < 0)
		diag_error(
		    x->c.d, node->pos,
		    "a step of a maturity scale has a 'value' (0, 1, ...) "
		    "or, when it is no step (not applicable), a "
		    "'counts_as'");
	if (!id || (ci < 0 && !maturity) || (maturity && v < 0 && ci < 0) ||
	    ji < 0 || rc < 0)
		return -1;
	if (!fld_is_uid(id)) {
		diag_error(x->c.d, f[0]->pos,
		           "answer id '%s' must be lowercase letters, digits "
		           "and hyphens",
		           id);
		return -1;
	}
	if (check_id(x, f[0], id, "answer", (const char *)&x->s->answers[0].id,
	             sizeof(*a), i) < 0)
		return -1;
	a->id = arena_strdup(x->c.a, id);
	a->value = (int)v;
	if (ci >= 0)
		a->counts_as = counts[ci];
	else
		a->counts_as = v >= x->s->answer_target ? "met" : "gap";
	a->justification = just[ji];
	a->pos = node->pos;
	return 0;
}

/* The answer scale: a list (one answer per requirement, as the VCSA), or
 * a mapping {per: requirement|question, target: N, scale: [...]}. */
static void read_answers(sctx *x, const ynode *root, const ynode *v)
{
	vc_scheme *s = x->s;
	const ynode *list = v;
	srcpos target_at = v ? v->pos : NO_POS;
	s->answer_unit = VC_ANSWER_REQUIREMENT;
	s->answer_target = -1;
	if (fld_present(v) && v->kind == YN_MAP) {
		static const char *const keys[] = {"per", "target", "scale"};
		static const char *const per[] = {"requirement", "question"};
		const char *what = "the answer scale";
		ynode *f[3];
		if (fld_map(&x->c, v, what, keys, 3, f) < 0)
			return;
		int k = fld_enum(&x->c, v, f[0], "per", what, true, per, 2);
		if (k < 0)
			return;
		s->answer_unit = (vc_answer_unit)k;
		long t;
		if (fld_present(f[1]))
			target_at = f[1]->pos;
		if (fld_present(f[1]) && fld_int(&x->c, v, f[1], "target", what,
		                                 false, 0, 100, &t) == 0)
			s->answer_target = (int)t;
		if (k == VC_ANSWER_QUESTION && s->answer_target < 0 &&
		    !fld_present(f[1]))
			fld_missing(&x->c, v, "target", what);
		if (k == VC_ANSWER_REQUIREMENT && fld_present(f[1]))
			diag_error(x->c.d, f[1]->pos,
			           "'target' is for a maturity scale (per: "
			           "question); an answer per requirement has "
			           "none");
		list = f[2];
		root = v;
	}
	if (fld_present(list) && list->kind == YN_SEQ)
		s->answers =
		    arena_alloc(x->c.a, list->n * sizeof(vc_answer) + 1);
	s->nanswers = read_list(x, root, list, list == v ? "answers" : "scale",
	                        one_answer, 16);
	if (s->answer_unit != VC_ANSWER_QUESTION)
		return;
	bool reached = false;
	for (size_t i = 0; i < s->nanswers; i++) {
		for (size_t j = 0; j < i; j++)
			if (s->answers[i].value >= 0 &&
			    s->answers[j].value == s->answers[i].value)
				diag_error(
				    x->c.d, s->answers[i].pos,
				    "two steps of the scale have the value "
				    "%d",
				    s->answers[i].value);
		reached |= s->answers[i].value == s->answer_target;
	}
	if (s->nanswers && s->answer_target >= 0 && !reached)
		diag_error(x->c.d, target_at,
		           "the target %d is no step of the scale",
		           s->answer_target);
}

/* How requirement labels are written: requirement_labels: {pattern,
 * sequence}. Without it, one lowercase letter counting a, b, c. */
static void read_requirement_labels(sctx *x, const ynode *v)
{
	static const char *const keys[] = {"pattern", "sequence"};
	static const char *const seq[] = {"strict", "free"};
	const char *what = "the requirement labels";
	const char *pat = "[a-z]";
	srcpos pat_at = v ? v->pos : NO_POS;
	x->s->labels_strict = true;
	if (fld_present(v)) {
		ynode *f[2];
		if (fld_map(&x->c, v, what, keys, 2, f) == 0) {
			const char *p =
			    fld_str(&x->c, v, f[0], "pattern", what, false);
			if (p) {
				pat = p;
				pat_at = f[0]->pos;
			}
			int k = fld_enum(&x->c, v, f[1], "sequence", what,
			                 false, seq, 2);
			if (k >= 0)
				x->s->labels_strict = k == 0;
		}
	}
	char *anchored = xasprintf("^(%s)$", pat);
	int err = regcomp(&x->s->label_re, anchored, REG_EXTENDED | REG_NOSUB);
	free(anchored);
	if (err) {
		char msg[128];
		regerror(err, &x->s->label_re, msg, sizeof(msg));
		diag_error(x->c.d, pat_at,
		           "the label 'pattern' is not a valid regular "
		           "expression: %s",
		           msg);
		regcomp(&x->s->label_re, "^[a-z]$", REG_EXTENDED | REG_NOSUB);
		pat = "[a-z]";
	}
	x->s->label_pattern = arena_strdup(x->c.a, pat);
}

static int one_standard(sctx *x, const ynode *node, size_t i)
{
	static const char *const keys[] = {"id", "title", "pattern", "example"};
	ynode *f[4];
	if (fld_map(&x->c, node, "a standard", keys, 4, f) < 0)
		return -1;
	vc_standard *st = &x->s->standards[i];
	const char *id = fld_str(&x->c, node, f[0], "id", "a standard", true);
	const char *title =
	    fld_str(&x->c, node, f[1], "title", "a standard", true);
	const char *pat =
	    fld_str(&x->c, node, f[2], "pattern", "a standard", true);
	if (!id || !title || !pat)
		return -1;
	if (!fld_is_uid(id)) {
		diag_error(x->c.d, f[0]->pos,
		           "standard id '%s' must be lowercase letters, "
		           "digits and hyphens",
		           id);
		return -1;
	}
	if (check_id(x, f[0], id, "standard",
	             (const char *)&x->s->standards[0].id, sizeof(*st), i) < 0)
		return -1;
	char *anchored = xasprintf("^(%s)$", pat);
	int err = regcomp(&st->re, anchored, REG_EXTENDED | REG_NOSUB);
	free(anchored);
	if (err) {
		char msg[128];
		regerror(err, &st->re, msg, sizeof(msg));
		diag_error(x->c.d, f[2]->pos,
		           "'pattern' is not a valid regular expression: %s",
		           msg);
		return -1;
	}
	st->id = arena_strdup(x->c.a, id);
	st->title = arena_strdup(x->c.a, title);
	st->pattern = arena_strdup(x->c.a, pat);
	st->pos = node->pos;
	/* Messages show an identifier of the right form rather than the
	 * pattern: the scheme's example, else one made from the pattern. */
	const char *ex =
	    fld_str(&x->c, node, f[3], "example", "a standard", false);
	if (ex && regexec(&st->re, ex, 0, NULL, 0) != 0) {
		diag_error(x->c.d, f[3]->pos,
		           "example '%s' does not match the standard's own "
		           "pattern %s",
		           ex, pat);
		ex = NULL;
	}
	char *made = ex ? NULL : regex_example(pat);
	if (made && regexec(&st->re, made, 0, NULL, 0) == 0)
		ex = made;
	st->example = arena_strdup(x->c.a, ex);
	free(made);
	return 0;
}

static void read_label(sctx *x, const ynode *root, const ynode *v)
{
	static const char *const keys[] = {"validity_years", "validity_from",
	                                   "corrective_action_max_months"};
	static const char *const from[] = {"closing-meeting"};
	ynode *f[3];
	if (!fld_present(v)) {
		fld_missing(&x->c, root, "label", "the scheme");
		return;
	}
	if (fld_map(&x->c, v, "the label rules", keys, 3, f) < 0)
		return;
	long n;
	if (fld_int(&x->c, v, f[0], "validity_years", "the label rules", true,
	            1, 10, &n) == 0)
		x->s->validity_years = (int)n;
	int k = fld_enum(&x->c, v, f[1], "validity_from", "the label rules",
	                 true, from, 1);
	if (k >= 0)
		x->s->validity_from = from[k];
	if (fld_int(&x->c, v, f[2], "corrective_action_max_months",
	            "the label rules", true, 1, 36, &n) == 0)
		x->s->corrective_action_max_months = (int)n;
}

vc_scheme *model_scheme_load(const char *path, diags *d)
{
	/* The catalogue root is the folder holding scheme.yaml: a link may
	 * lead only within it, as for every other file of the catalogue. */
	char *dir = path_dir(path);
	int inside = yn_check_inside(d, path, dir);
	free(dir);
	if (inside != 0)
		return NULL;
	arena *a = arena_new();
	ynode *root = yn_load_file(a, d, path);
	if (!root) {
		arena_free(a);
		return NULL;
	}
	vc_scheme *s = arena_alloc(a, sizeof(*s));
	s->arena = a;
	s->path = arena_strdup(a, path);
	sctx x = {{a, d}, s, NULL, 0};
	ynode *f[S_N];
	if (fld_map(&x.c, root, "the scheme", scheme_keys, S_N, f) < 0)
		return s;
	const char *id =
	    fld_str(&x.c, root, f[S_SCHEME], "scheme", "the scheme", true);
	s->id = arena_strdup(a, id ? id : "");

	/* Languages first: every prose field depends on them. */
	const ynode *lv = f[S_LANGUAGES];
	if (fld_present(lv) && lv->kind == YN_SEQ)
		s->languages = arena_alloc(a, lv->n * sizeof(vc_language));
	s->nlanguages = read_list(&x, root, lv, "languages", one_language, 64);
	if (s->nlanguages == 0) {
		/* Nothing else can be read without languages. */
		return s;
	}
	x.langs = arena_alloc(a, s->nlanguages * sizeof(char *));
	for (size_t i = 0; i < s->nlanguages; i++)
		x.langs[i] = s->languages[i].id;
	x.nlangs = s->nlanguages;
	front_prose(&x.c, root, f[S_TITLE], "title", "the scheme", true,
	            x.langs, x.nlangs, &s->title);

#define ALLOC_LIST(field, idx, type)                                           \
	if (fld_present(f[idx]) && f[idx]->kind == YN_SEQ)                     \
	s->field = arena_alloc(a, f[idx]->n * sizeof(type) + 1)
	ALLOC_LIST(objectives, S_OBJECTIVES, vc_objective);
	s->nobjectives = read_list(&x, root, f[S_OBJECTIVES], "objectives",
	                           one_objective, VC_MAX_OBJECTIVES);
	ALLOC_LIST(levels, S_LEVELS, vc_level);
	s->nlevels = read_list(&x, root, f[S_LEVELS], "levels", one_level, 16);
	ALLOC_LIST(findings, S_FINDINGS, vc_finding_class);
	s->nfindings =
	    read_list(&x, root, f[S_FINDINGS], "findings", one_finding, 16);
	read_answers(&x, root, f[S_ANSWERS]);
	ALLOC_LIST(standards, S_STANDARDS, vc_standard);
	s->nstandards =
	    read_list(&x, root, f[S_STANDARDS], "standards", one_standard, 64);
#undef ALLOC_LIST
	read_label(&x, root, f[S_LABEL]);
	read_requirement_labels(&x, f[S_REQ_LABELS]);
	static const char *const numbers[] = {"N.M", "N.M.K"};
	int k = fld_enum(&x.c, root, f[S_NUMBERS], "question_numbers",
	                 "the scheme", false, numbers, 2);
	s->sections = k == 1;
	return s;
}

void model_scheme_free(vc_scheme *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nstandards; i++)
		regfree(&s->standards[i].re);
	if (s->label_pattern)
		regfree(&s->label_re);
	arena_free(s->arena);
}

int model_level_index(const vc_scheme *s, const char *id)
{
	for (size_t i = 0; i < s->nlevels; i++)
		if (strcmp(s->levels[i].id, id) == 0)
			return (int)i;
	return -1;
}

const vc_objective *model_objective(const vc_scheme *s, const char *id)
{
	int i = model_objective_index(s, id);
	return i < 0 ? NULL : &s->objectives[i];
}

int model_objective_index(const vc_scheme *s, const char *id)
{
	for (size_t i = 0; i < s->nobjectives; i++)
		if (strcmp(s->objectives[i].id, id) == 0)
			return (int)i;
	return -1;
}

const vc_language *model_language(const vc_scheme *s, const char *id)
{
	for (size_t i = 0; i < s->nlanguages; i++)
		if (strcmp(s->languages[i].id, id) == 0)
			return &s->languages[i];
	return NULL;
}

const vc_standard *model_standard(const vc_scheme *s, const char *id)
{
	for (size_t i = 0; i < s->nstandards; i++)
		if (strcmp(s->standards[i].id, id) == 0)
			return &s->standards[i];
	return NULL;
}

char *model_objset_string(const vc_scheme *s, vc_objset set, const char *sep)
{
	buf b = {0};
	bool first = true;
	for (size_t i = 0; i < s->nobjectives; i++) {
		if (!(set & (1u << i)))
			continue;
		buf_printf(&b, "%s%s", first ? "" : sep, s->objectives[i].id);
		first = false;
	}
	return buf_detach(&b);
}
