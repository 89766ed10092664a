/*
 * load.c - the self-assessment file: loading, validation against its
 * catalogue version and scheme, and the model's shared helpers.
 */
#include <stdlib.h>
#include <string.h>

#include "base/files.h"
#include "base/md.h"
#include "front/front.h"
#include "selfassess.h"

bool sa_is_file(const char *path)
{
	FILE *fp = fopen(path, "r");
	if (!fp)
		return false;
	char line[256];
	bool yes = false;
	for (int i = 0; i < 50 && fgets(line, sizeof line, fp); i++) {
		char *p = line;
		if (i == 0 && (unsigned char)p[0] == 0xEF &&
		    (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF)
			p += 3;
		if (*p == '#' || *p == '\n' || *p == '\r' || *p == '\0')
			continue;
		if (strncmp(p, "---", 3) == 0 && (p[3] == '\n' || !p[3]))
			continue;
		yes = strncmp(p, "self-assessment:", 16) == 0;
		break;
	}
	fclose(fp);
	return yes;
}

static bool req_applies(const selfassess *sa, const vc_requirement *r)
{
	return !r->question->withdrawn &&
	       (model_req_objectives(sa->scheme, r) & sa->objectives);
}

static bool question_applies(const selfassess *sa, const vc_question *q)
{
	if (q->withdrawn || !(q->applies_to & sa->objectives))
		return false;
	for (size_t i = 0; i < q->nreqs; i++)
		if (req_applies(sa, &q->reqs[i]))
			return true;
	return false;
}

void sa_make_entries(selfassess *sa)
{
	const vc_version *v = sa->version;
	bool per_q = sa->scheme->answer_unit == VC_ANSWER_QUESTION;
	size_t cap = per_q ? v->nquestions : v->nrequirements;
	sa->entries = arena_alloc(sa->arena, (cap + 1) * sizeof(sa_entry));
	sa->nentries = 0;
	if (per_q) {
		for (size_t i = 0; i < v->nquestions; i++) {
			const vc_question *q = v->questions[i];
			if (!question_applies(sa, q))
				continue;
			sa_entry *e = &sa->entries[sa->nentries++];
			e->key = q->number;
			e->q = q;
		}
	} else {
		for (size_t i = 0; i < v->nrequirements; i++) {
			const vc_requirement *r = v->requirements[i];
			if (!req_applies(sa, r))
				continue;
			sa_entry *e = &sa->entries[sa->nentries++];
			e->key = r->label;
			e->req = r;
			e->q = r->question;
		}
	}
}

sa_entry *sa_entry_of(const selfassess *sa, const char *key)
{
	for (size_t i = 0; i < sa->nentries; i++)
		if (strcmp(sa->entries[i].key, key) == 0)
			return &sa->entries[i];
	return NULL;
}

selfassess *sa_blank(const vc_version *v, vc_objset objectives,
                     const char *lang)
{
	arena *a = arena_new();
	selfassess *sa = arena_alloc(a, sizeof(*sa));
	sa->arena = a;
	sa->scheme = v->scheme;
	sa->version = v;
	sa->catalogue_id = v->key;
	sa->lang = lang ? lang : v->languages[0].id;
	sa->objectives = objectives
	                     ? objectives
	                     : (vc_objset)((1u << v->scheme->nobjectives) - 1);
	sa_make_entries(sa);
	return sa;
}

void sa_free(selfassess *sa)
{
	if (!sa)
		return;
	model_version_free(sa->own_version);
	model_scheme_free(sa->own_scheme);
	arena_free(sa->arena);
}

/* Reports that id names no version under root, with the versions of
 * the same catalogue that are there. */
static void near_version(const char *root, const char *id, srcpos pos,
                         const char *vf, diags *d)
{
	char *cat = xstrndup(id, (size_t)(strchr(id, '/') - id));
	char *cdir = path_join(root, cat);
	char **names = NULL;
	size_t n = 0;
	buf have = {0};
	if (dir_names(cdir, false, &names, &n) == 0)
		for (size_t i = 0; i < n; i++) {
			char *dir = path_join(cdir, names[i]);
			char *f = path_join(dir, "version.yaml");
			if (is_file(f))
				buf_printf(&have, "%s%s/%s",
				           have.len ? ", " : "", cat, names[i]);
			free(f);
			free(dir);
		}
	if (have.len)
		diag_error(d, pos,
		           "no catalogue version '%s' under '%s' (there are: "
		           "%s)",
		           id, root, have.data);
	else
		diag_error(d, pos,
		           "no catalogue version '%s' under '%s' (no %s); give "
		           "the catalogue root with --catalogue",
		           id, root, vf);
	buf_free(&have);
	names_free(names, n);
	free(cdir);
	free(cat);
}

int sa_load_version(selfassess *sa, const char *root, const char *id,
                    srcpos pos, diags *d)
{
	const char *slash = strchr(id, '/');
	if (!slash || slash == id || !slash[1] || strchr(slash + 1, '/') ||
	    strstr(id, "..")) {
		diag_error(d, pos,
		           "'%s' is not a catalogue version id; write it as "
		           "CATALOGUE/VERSION (e.g. 'vcsa/1.1')",
		           id);
		return -1;
	}
	char *dir = path_join(root, id);
	char *vf = path_join(dir, "version.yaml");
	int rc = -1;
	if (!is_file(vf)) {
		near_version(root, id, pos, vf, d);
		goto out;
	}
	/* the catalogue's own notes and warnings are its check's business */
	diags quiet;
	diags_init(&quiet);
	char *sp = path_join(root, "scheme.yaml");
	sa->own_scheme = model_scheme_load(sp, &quiet);
	free(sp);
	if (sa->own_scheme && !quiet.errors)
		sa->own_version =
		    model_version_load(sa->own_scheme, dir, &quiet);
	bool failed = !sa->own_scheme || !sa->own_version || quiet.errors;
	d->io_failed |= quiet.io_failed;
	diags_free(&quiet);
	if (failed) {
		diag_error(d, pos,
		           "catalogue version '%s' (%s) does not load without "
		           "errors; 'vcsc check %s' lists them",
		           id, dir, dir);
		goto out;
	}
	sa->scheme = sa->own_scheme;
	sa->version = sa->own_version;
	sa->catalogue_id = sa->version->key;
	rc = 0;
out:
	free(vf);
	free(dir);
	return rc;
}

const vc_answer *sa_answer_find(const vc_scheme *s, const char *text,
                                bool lenient)
{
	for (size_t i = 0; i < s->nanswers; i++)
		if (strcmp(s->answers[i].id, text) == 0)
			return &s->answers[i];
	if (!lenient)
		return NULL;
	for (size_t i = 0; i < s->nanswers; i++) {
		const vc_answer *an = &s->answers[i];
		if (strcasecmp(an->id, text) == 0)
			return an;
		for (size_t t = 0; t < an->title.n; t++)
			if (strcasecmp(an->title.tr[t].text, text) == 0)
				return an;
		if (an->value >= 0) {
			char num[16];
			snprintf(num, sizeof num, "%d", an->value);
			if (strcmp(num, text) == 0)
				return an;
		}
	}
	return NULL;
}

void sa_bad_answer(const vc_scheme *s, const char *text, srcpos pos, diags *d)
{
	const char **ids = xcalloc(s->nanswers + 1, sizeof(char *));
	buf all = {0};
	for (size_t i = 0; i < s->nanswers; i++) {
		ids[i] = s->answers[i].id;
		buf_printf(&all, "%s%s", i ? ", " : "", ids[i]);
	}
	const vc_answer *near = sa_answer_find(s, text, true);
	const char *sg = near ? near->id : suggest(text, ids, s->nanswers);
	if (sg)
		diag_error(d, pos,
		           "answer '%s' is not on the scheme's scale; did you "
		           "mean '%s'? (one of: %s)",
		           text, sg, all.data ? all.data : "");
	else
		diag_error(d, pos,
		           "answer '%s' is not on the scheme's scale (one of: "
		           "%s)",
		           text, all.data ? all.data : "");
	buf_free(&all);
	free(ids);
}

void sa_check_answers(const selfassess *sa, srcpos pos, diags *d)
{
	size_t open = 0;
	for (size_t i = 0; i < sa->nentries; i++) {
		const sa_entry *e = &sa->entries[i];
		if (!e->answer) {
			open++;
			continue;
		}
		if (e->answer->justification &&
		    strcmp(e->answer->justification, "required") == 0 &&
		    !e->justification)
			diag_warning(d, e->pos,
			             "%s is answered '%s', which needs a "
			             "justification; add 'justification:'",
			             e->key, e->answer->id);
	}
	const char *unit = sa->scheme->answer_unit == VC_ANSWER_QUESTION
	                       ? "question"
	                       : "requirement";
	if (open)
		diag_note(d, pos, "%zu of %zu %s%s unanswered", open,
		          sa->nentries, unit, sa->nentries == 1 ? "" : "s");
}

const char *sa_item_text(const selfassess *sa, const sa_entry *e, arena *a)
{
	const vc_scheme *s = sa->scheme;
	buf b = {0};
	if (!e->req) {
		buf_printf(&b, "%s: %s", prose_plain(a, &e->q->title, sa->lang),
		           prose_plain(a, &e->q->question, sa->lang));
	} else {
		size_t nl = 0;
		for (size_t l = 0; l < s->nlevels; l++)
			nl += prose_present(model_req_text(e->req, l));
		for (size_t l = 0; l < s->nlevels; l++) {
			const vc_prose *p = model_req_text(e->req, l);
			if (!prose_present(p))
				continue;
			if (b.len)
				buf_puts(&b, "\n");
			if (nl > 1)
				buf_printf(&b, "%s: ", s->levels[l].id);
			buf_puts(&b, prose_plain(a, p, sa->lang));
		}
	}
	char *r = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	return r;
}

const char *sa_item_levels(const selfassess *sa, const sa_entry *e, arena *a)
{
	const vc_scheme *s = sa->scheme;
	buf b = {0};
	size_t n = e->req ? 1 : e->q->nreqs;
	for (size_t l = 0; l < s->nlevels; l++) {
		for (size_t i = 0; i < n; i++) {
			const vc_requirement *r =
			    e->req ? e->req : &e->q->reqs[i];
			if (prose_present(model_req_text(r, l)) &&
			    (model_req_level_objectives(s, r, l) &
			     sa->objectives)) {
				buf_printf(&b, "%s%s", b.len ? "+" : "",
				           s->levels[l].id);
				break;
			}
		}
	}
	char *r = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	return r;
}

/* ---- the file ---- */

enum { K_SA, K_LANG, K_PARTICIPANT, K_SCOPE, K_OBJECTIVES, K_ANSWERS, K_N };
static const char *const sa_keys[K_N] = {"self-assessment", "language",
                                         "participant",     "scope",
                                         "objectives",      "answers"};

enum { A_ANSWER, A_JUST, A_EVIDENCE, A_REVIEW, A_N };
static const char *const answer_keys[A_N] = {"answer", "justification",
                                             "evidence", "review"};

/* An optional free text: NULL when absent or empty. */
static const char *opt_text(fld_ctx *c, const ynode *map, const ynode *v,
                            const char *key, const char *what)
{
	const char *s = fld_str(c, map, v, key, what, false);
	if (!s || !*s)
		return NULL;
	return arena_strdup(c->a, s);
}

/* The keys the file may use, for "did you mean". */
static const char **entry_keys(const selfassess *sa)
{
	const vc_version *v = sa->version;
	bool per_q = sa->scheme->answer_unit == VC_ANSWER_QUESTION;
	size_t n = per_q ? v->nquestions : v->nrequirements;
	const char **k = arena_alloc(sa->arena, (n + 1) * sizeof(char *));
	for (size_t i = 0; i < n; i++)
		k[i] =
		    per_q ? v->questions[i]->number : v->requirements[i]->label;
	return k;
}

static void unknown_key(const selfassess *sa, const char *key, srcpos pos,
                        diags *d)
{
	const vc_version *v = sa->version;
	bool per_q = sa->scheme->answer_unit == VC_ANSWER_QUESTION;
	const char *unit = per_q ? "question" : "requirement";
	/* known but not applicable to the chosen objectives */
	if (per_q) {
		const vc_question *q = model_question_by_number(v, key);
		if (q) {
			diag_error(
			    d, pos, "question %s %s; remove its answer", key,
			    q->withdrawn ? "is withdrawn in this version"
			                 : "does not apply to the objectives "
			                   "assessed");
			return;
		}
	} else {
		for (size_t i = 0; i < v->nrequirements; i++)
			if (strcmp(v->requirements[i]->label, key) == 0) {
				const vc_requirement *r = v->requirements[i];
				char *to = model_objset_string(
				    sa->scheme,
				    model_req_objectives(sa->scheme, r), ", ");
				char *as = model_objset_string(
				    sa->scheme, sa->objectives, ", ");
				diag_error(
				    d, pos,
				    "requirement %s applies to %s, not to "
				    "the objectives assessed (%s); remove "
				    "its answer",
				    key, to, as);
				free(to);
				free(as);
				return;
			}
	}
	size_t n = per_q ? v->nquestions : v->nrequirements;
	const char *sg = suggest(key, entry_keys(sa), n);
	if (sg)
		diag_error(d, pos, "%s has no %s '%s'; did you mean '%s'?",
		           v->key, unit, key, sg);
	else
		diag_error(d, pos, "%s has no %s '%s'", v->key, unit, key);
}

/* One answer: a mapping of answer, justification, evidence, review. */
static void read_answer(fld_ctx *c, selfassess *sa, const ynode *k,
                        const ynode *val)
{
	sa_entry *e = sa_entry_of(sa, k->str);
	if (!e) {
		unknown_key(sa, k->str, k->pos, c->d);
		return;
	}
	if (e->pos.file) {
		diag_error(c->d, k->pos, "%s is answered twice", k->str);
		return;
	}
	e->pos = k->pos;
	if (!fld_present(val))
		return;
	char *what = arena_printf(c->a, "the answer to %s", k->str);
	ynode *f[A_N];
	if (fld_map(c, val, what, answer_keys, A_N, f) < 0)
		return;
	const char *an = fld_str(c, val, f[A_ANSWER], "answer", what, false);
	if (an && *an) {
		e->pos = f[A_ANSWER]->pos;
		e->answer = sa_answer_find(sa->scheme, an, false);
		if (!e->answer)
			sa_bad_answer(sa->scheme, an, f[A_ANSWER]->pos, c->d);
	}
	e->justification = opt_text(c, val, f[A_JUST], "justification", what);
	e->evidence = opt_text(c, val, f[A_EVIDENCE], "evidence", what);
	e->review = opt_text(c, val, f[A_REVIEW], "review", what);
}

static void read_lang(fld_ctx *c, selfassess *sa, const ynode *root,
                      const ynode *v)
{
	const char *l =
	    fld_str(c, root, v, "language", "the self-assessment", false);
	sa->lang = sa->version->languages[0].id;
	if (!l)
		return;
	if (model_has_language(sa->version, l)) {
		sa->lang = arena_strdup(sa->arena, l);
		return;
	}
	const char **ids = arena_alloc(
	    sa->arena, (sa->version->nlanguages + 1) * sizeof(char *));
	for (size_t i = 0; i < sa->version->nlanguages; i++)
		ids[i] = sa->version->languages[i].id;
	const char *sg = suggest(l, ids, sa->version->nlanguages);
	if (sg)
		diag_error(c->d, v->pos,
		           "%s has no language '%s'; did you mean '%s'?",
		           sa->version->key, l, sg);
	else
		diag_error(c->d, v->pos, "%s has no language '%s'",
		           sa->version->key, l);
}

selfassess *sa_load(const char *path, const sa_load_options *o, diags *d)
{
	arena *a = arena_new();
	ynode *root = yn_load_file(a, d, path);
	if (!root) {
		arena_free(a);
		return NULL;
	}
	selfassess *sa = arena_alloc(a, sizeof(*sa));
	sa->arena = a;
	sa->path = arena_strdup(a, path);
	fld_ctx c = {a, d};
	ynode *f[K_N];
	if (fld_map(&c, root, "a self-assessment", sa_keys, K_N, f) < 0)
		return sa;
	const char *id = fld_str(&c, root, f[K_SA], "self-assessment",
	                         "a self-assessment", true);
	if (!id)
		return sa;
	const char *croot = o && o->catalogue ? o->catalogue : "catalogue";
	if (sa_load_version(sa, croot, id, f[K_SA]->pos, d) < 0)
		return sa;
	read_lang(&c, sa, root, f[K_LANG]);
	sa->participant = opt_text(&c, root, f[K_PARTICIPANT], "participant",
	                           "the self-assessment");
	sa->scope =
	    opt_text(&c, root, f[K_SCOPE], "scope", "the self-assessment");
	/* with a misspelt objective, the others still tell what applies */
	front_objset(&c, sa->scheme, root, f[K_OBJECTIVES], "objectives",
	             "the self-assessment", true, &sa->objectives);
	if (!sa->objectives)
		return sa;
	sa_make_entries(sa);
	const ynode *an = f[K_ANSWERS];
	if (fld_present(an)) {
		if (an->kind != YN_MAP)
			diag_error(
			    d, an->pos,
			    "'answers' must be a mapping of item numbers "
			    "to answers, not %s",
			    yn_kind_name(an));
		else
			for (size_t i = 0; i < an->n; i++)
				read_answer(&c, sa, an->items[2 * i],
				            an->items[2 * i + 1]);
	}
	if (d->errors == 0)
		sa_check_answers(sa, f[K_SA]->pos, d);
	return sa;
}
