/*
 * audit.c - the audit file (docs/audit-format.md): loading it and
 * validating it against the catalogue version it names, the scheme's
 * rules and the admitted providers, and finding the audit a follow-up
 * follows up among the audit files of its folder.
 */
#include <stdlib.h>
#include <string.h>

#include "audit/audit.h"
#include "base/files.h"
#include "front/front.h"

enum {
	K_AUDIT,
	K_REVISION,
	K_LANGUAGE,
	K_CATALOGUE,
	K_PARTICIPANT,
	K_SCOPE,
	K_TISAX,
	K_PROVIDER,
	K_TEAM,
	K_OPENING,
	K_CLOSING,
	K_SAMPLES,
	K_VERDICTS,
	K_FINDINGS,
	K_ACTIONS,
	K_FOLLOWS_UP,
	K_PUBLISH,
	K_SHARE_WITH,
	K_N
};
static const char *const audit_keys[K_N] = {
    "audit",      "revision", "language",  "catalogue", "participant",
    "scope",      "tisax",    "provider",  "team",      "opening",
    "closing",    "samples",  "verdicts",  "findings",  "actions",
    "follows_up", "publish",  "share_with"};

typedef struct actx {
	fld_ctx c;
	vc_audit *a;
	const audit_load_options *o;
	ynode *f[K_N];
	const ynode *root;
	hmap by_label;     /* "1.2.a" -> vc_requirement* */
	hmap given;        /* labels that have a verdict, if a faulty one */
	bool scope_bad;    /* the audited objectives could not be read */
	bool verdicts_bad; /* 'verdicts' is not a mapping */
} actx;

static vc_audit *load(const char *path, const audit_load_options *o, diags *d,
                      int depth);

bool audit_class_counts(const vc_finding_class *c)
{
	return c && (c->blocks_label ||
	             strcmp(c->corrective_action, "required") == 0);
}

bool audit_is_audit_file(const char *path)
{
	char *text;
	size_t len;
	if (!path || !is_file(path) || read_file(path, 1u << 20, &text, &len))
		return false;
	bool yes = false;
	const char *p = text;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		const char *q = p;
		while (q < p + n && (*q == ' ' || *q == '\t' || *q == '\r'))
			q++;
		bool skip = q == p + n || *q == '#' || *q == '%' ||
		            (n >= 3 && strncmp(p, "---", 3) == 0);
		if (!skip) {
			yes = strncmp(p, "audit:", 6) == 0 ||
			      strncmp(p, "\"audit\":", 8) == 0 ||
			      strncmp(p, "'audit':", 8) == 0;
			break;
		}
		if (!e)
			break;
		p = e + 1;
	}
	free(text);
	return yes;
}

bool audit_applies(const vc_audit *a, const vc_requirement *r)
{
	if (!a->scheme || !r || (r->question && r->question->withdrawn))
		return false;
	return (model_req_objectives(a->scheme, r) & a->scope.objectives) != 0;
}

const vc_verdict *audit_verdict(const vc_audit *a, const vc_requirement *r)
{
	for (size_t i = 0; r && i < a->nverdicts; i++)
		if (a->verdicts[i].req == r ||
		    (r->label && strcmp(a->verdicts[i].label, r->label) == 0))
			return &a->verdicts[i];
	return NULL;
}

static const char *str(actx *x, const ynode *map, const ynode *v,
                       const char *key, const char *what, bool required)
{
	const char *s = fld_str(&x->c, map, v, key, what, required);
	return s ? arena_strdup(x->c.a, s) : NULL;
}

static vc_date date(actx *x, const ynode *map, const ynode *v, const char *key,
                    const char *what, bool required)
{
	vc_date t = {0, 0, 0};
	const char *s = fld_date(&x->c, map, v, key, what, required);
	if (s)
		date_parse(s, &t);
	return t;
}

static char *fmt(vc_date t, char *b)
{
	return date_format(t, b);
}

/* A list of strings (NULL when absent or not a list). */
static const char **str_list(actx *x, const ynode *v, const char *key,
                             size_t *n)
{
	*n = 0;
	if (!fld_present(v) || !fld_list(&x->c, v, key))
		return NULL;
	const char **out = arena_alloc(x->c.a, (v->n + 1) * sizeof(char *));
	for (size_t i = 0; i < v->n; i++) {
		const ynode *it = v->items[i];
		if (it->bad)
			continue;
		if (it->kind != YN_SCALAR || yn_is_null(it)) {
			diag_error(x->c.d, it->pos,
			           "'%s' lists strings, not %s", key,
			           yn_kind_name(it));
			continue;
		}
		out[(*n)++] = arena_strndup(x->c.a, it->str, it->len);
	}
	return out;
}

/* ---- the catalogue version, the scheme and the providers ---- */

static char *root_of(const audit_load_options *o)
{
	return xstrdup(o && o->catalogue ? o->catalogue : "catalogue");
}

static void load_catalogue(actx *x)
{
	vc_audit *a = x->a;
	const ynode *v = x->f[K_CATALOGUE];
	a->catalogue_id = str(x, x->root, v, "catalogue", "the audit", true);
	if (!a->catalogue_id)
		return;
	char *root = root_of(x->o);
	char *sp = path_join(root, "scheme.yaml");
	char *dir = path_join(root, a->catalogue_id);
	char *vf = path_join(dir, "version.yaml");
	diags *q = a->own_diags;
	if (!is_file(sp)) {
		diag_error(x->c.d, v->pos,
		           "no catalogue root at '%s' (no scheme.yaml); name "
		           "it with --catalogue DIR",
		           root);
	} else if (!is_file(vf) || strstr(a->catalogue_id, "..")) {
		/* "did you mean" among the versions under the root */
		char **cats = NULL, **vers = NULL;
		size_t nc = 0, nv = 0;
		const char **cands = NULL;
		size_t ncand = 0;
		if (dir_names(root, false, &cats, &nc) == 0) {
			for (size_t i = 0; i < nc; i++) {
				char *cd = path_join(root, cats[i]);
				if (dir_names(cd, false, &vers, &nv) == 0) {
					for (size_t k = 0; k < nv; k++) {
						char *id = arena_printf(
						    x->c.a, "%s/%s", cats[i],
						    vers[k]);
						char *p2 = path_join(root, id);
						char *f2 = path_join(
						    p2, "version.yaml");
						if (is_file(f2)) {
							cands = xrealloc(
							    cands,
							    (ncand + 1) *
							        sizeof(char *));
							cands[ncand++] = id;
						}
						free(p2);
						free(f2);
					}
					names_free(vers, nv);
				}
				free(cd);
			}
			names_free(cats, nc);
		}
		const char *sg = suggest(a->catalogue_id, cands, ncand);
		if (sg)
			diag_error(x->c.d, v->pos,
			           "no catalogue version '%s' under '%s'; did "
			           "you mean '%s'?",
			           a->catalogue_id, root, sg);
		else
			diag_error(x->c.d, v->pos,
			           "no catalogue version '%s' under '%s' (a "
			           "version id such as vcsa/1.1; --catalogue "
			           "DIR names the root)",
			           a->catalogue_id, root);
		free(cands);
	} else {
		a->own_scheme = model_scheme_load(sp, q);
		if (a->own_scheme && q->errors == 0)
			a->own_version =
			    model_version_load(a->own_scheme, dir, q);
		if (q->errors) {
			diag_error(x->c.d, v->pos,
			           "catalogue version '%s' has errors; 'vcsc "
			           "check %s' lists them",
			           a->catalogue_id, dir);
		} else {
			a->scheme = a->own_scheme;
			a->version = a->own_version;
			if (a->own_version->draft)
				diag_warning(x->c.d, v->pos,
				             "catalogue version '%s' is a "
				             "draft; audit against a released "
				             "version",
				             a->catalogue_id);
		}
	}
	free(root);
	free(sp);
	free(dir);
	free(vf);
}

static void load_providers(actx *x)
{
	char *root = root_of(x->o);
	char *pp = x->o && x->o->providers ? xstrdup(x->o->providers)
	                                   : path_join(root, "providers.yaml");
	if (!is_file(pp))
		diag_error(x->c.d, NO_POS,
		           "no providers file '%s': the admitted audit "
		           "providers are listed there",
		           pp);
	else
		x->a->own_providers = providers_load(pp, x->c.d);
	free(pp);
	free(root);
}

/* ---- parts of the audit ---- */

static void read_participant(actx *x)
{
	static const char *const keys[] = {"id", "name", "duns"};
	const char *w = "the participant";
	const ynode *m = x->f[K_PARTICIPANT];
	ynode *f[3];
	if (!fld_present(m)) {
		fld_missing(&x->c, x->root, "participant", "the audit");
		return;
	}
	if (fld_map(&x->c, m, w, keys, 3, f) < 0)
		return;
	x->a->participant.id = str(x, m, f[0], "id", w, true);
	x->a->participant.name = str(x, m, f[1], "name", w, true);
	const char *duns = str(x, m, f[2], "duns", w, false);
	if (duns) {
		size_t n = strlen(duns);
		bool digits = n == 9;
		for (size_t i = 0; digits && i < n; i++)
			digits = duns[i] >= '0' && duns[i] <= '9';
		if (!digits)
			diag_error(x->c.d, f[2]->pos,
			           "'duns' is '%s', but a D-U-N-S number has "
			           "9 digits; write it in quotes, such as "
			           "\"123456789\"",
			           duns);
		x->a->participant.duns = duns;
	}
}

static void read_scope(actx *x)
{
	static const char *const keys[] = {"id", "locations", "objectives"};
	const char *w = "the scope";
	const ynode *m = x->f[K_SCOPE];
	ynode *f[3];
	x->scope_bad = true;
	if (!fld_present(m)) {
		fld_missing(&x->c, x->root, "scope", "the audit");
		return;
	}
	if (fld_map(&x->c, m, w, keys, 3, f) < 0)
		return;
	x->scope_bad = false;
	vc_audit *a = x->a;
	a->scope.id = str(x, m, f[0], "id", w, true);
	a->scope.locations =
	    str_list(x, f[1], "locations", &a->scope.nlocations);
	if (!fld_present(f[1]))
		fld_missing(&x->c, m, "locations", w);
	a->scope.objectives_pos = fld_present(f[2]) ? f[2]->pos : m->pos;
	if (a->scheme && front_objset(&x->c, a->scheme, m, f[2], "objectives",
	                              w, true, &a->scope.objectives) < 0)
		x->scope_bad = true;
}

static void read_tisax(actx *x)
{
	static const char *const keys[] = {"scope_id", "level", "expires"};
	static const char *const levels[] = {"AL2", "AL3"};
	const char *w = "the TISAX label";
	const ynode *m = x->f[K_TISAX];
	ynode *f[3];
	if (!fld_present(m)) {
		fld_missing(&x->c, x->root, "tisax", "the audit");
		return;
	}
	if (fld_map(&x->c, m, w, keys, 3, f) < 0)
		return;
	vc_audit *a = x->a;
	a->tisax.scope_id = str(x, m, f[0], "scope_id", w, true);
	int k = fld_enum(&x->c, m, f[1], "level", w, true, levels, 2);
	if (k >= 0)
		a->tisax.level = levels[k];
	a->tisax.expires = date(x, m, f[2], "expires", w, true);
	a->tisax.pos = fld_present(f[2]) ? f[2]->pos : m->pos;
}

static const char **auditor_ids(const vc_provider *p, arena *ar)
{
	const char **ids = arena_alloc(ar, (p->nauditors + 1) * sizeof(char *));
	for (size_t i = 0; i < p->nauditors; i++)
		ids[i] = p->auditors[i].id;
	return ids;
}

static const vc_auditor *team_member(actx *x, const ynode *v, const char *id,
                                     const char *role)
{
	const vc_provider *p = x->a->provider;
	const vc_auditor *au = provider_auditor(p, id);
	if (au)
		return au;
	const vc_providers *ps = x->a->own_providers;
	for (size_t i = 0; i < ps->nproviders; i++)
		if (provider_auditor(&ps->providers[i], id)) {
			diag_error(x->c.d, v->pos,
			           "%s '%s' is an auditor of '%s', not of the "
			           "audit provider '%s'",
			           role, id, ps->providers[i].id, p->id);
			return NULL;
		}
	const char *sg = suggest(id, auditor_ids(p, x->c.a), p->nauditors);
	if (sg)
		diag_error(x->c.d, v->pos,
		           "%s '%s' is not an auditor of '%s'; did you mean "
		           "'%s'?",
		           role, id, p->id, sg);
	else
		diag_error(x->c.d, v->pos,
		           "%s '%s' is not an auditor of '%s' (%s lists its "
		           "auditors)",
		           role, id, p->id, ps->path);
	return NULL;
}

static void read_provider_team(actx *x)
{
	vc_audit *a = x->a;
	const ynode *pv = x->f[K_PROVIDER];
	const char *pid = str(x, x->root, pv, "provider", "the audit", true);
	const vc_providers *ps = a->own_providers;
	if (pid && ps) {
		a->provider = providers_find(ps, pid);
		if (!a->provider) {
			const char **ids = arena_alloc(
			    x->c.a, (ps->nproviders + 1) * sizeof(char *));
			for (size_t i = 0; i < ps->nproviders; i++)
				ids[i] = ps->providers[i].id;
			const char *sg = suggest(pid, ids, ps->nproviders);
			if (sg)
				diag_error(x->c.d, pv->pos,
				           "audit provider '%s' is not "
				           "admitted; did you mean '%s'?",
				           pid, sg);
			else
				diag_error(
				    x->c.d, pv->pos,
				    "audit provider '%s' is not "
				    "admitted: %s does not list it; only "
				    "an admitted provider may audit",
				    pid, ps->path);
		} else if (date_set(a->provider->admitted_until) &&
		           date_set(a->closing) &&
		           date_cmp(a->provider->admitted_until, a->closing) <
		               0) {
			char b1[11], b2[11];
			diag_error(x->c.d, pv->pos,
			           "audit provider '%s' was admitted until %s, "
			           "before the closing meeting on %s",
			           pid, fmt(a->provider->admitted_until, b1),
			           fmt(a->closing, b2));
		}
	}
	static const char *const keys[] = {"lead", "experts"};
	const char *w = "the audit team";
	const ynode *m = x->f[K_TEAM];
	ynode *f[2];
	if (!fld_present(m)) {
		fld_missing(&x->c, x->root, "team", "the audit");
		return;
	}
	if (fld_map(&x->c, m, w, keys, 2, f) < 0)
		return;
	const char *lead = str(x, m, f[0], "lead", w, true);
	size_t ne = 0;
	const char **experts = str_list(x, f[1], "experts", &ne);
	if (!a->provider)
		return;
	if (lead) {
		a->lead = team_member(x, f[0], lead, "lead auditor");
		if (a->lead && !a->lead->lead)
			diag_error(x->c.d, f[0]->pos,
			           "'%s' is not admitted as lead auditor of "
			           "'%s'; name a lead auditor and '%s' as an "
			           "expert",
			           lead, a->provider->id, lead);
	}
	a->experts = arena_alloc(x->c.a, (ne + 1) * sizeof(vc_auditor *));
	for (size_t i = 0; i < ne; i++) {
		const vc_auditor *au =
		    team_member(x, f[1]->items[i], experts[i], "expert");
		if (au && au == a->lead)
			diag_error(x->c.d, f[1]->items[i]->pos,
			           "'%s' is the lead auditor; list experts "
			           "besides the lead",
			           experts[i]);
		else if (au)
			a->experts[a->nexperts++] = au;
	}
}

static void read_samples(actx *x)
{
	const ynode *l = x->f[K_SAMPLES];
	if (!fld_present(l) || !fld_list(&x->c, l, "samples"))
		return;
	vc_audit *a = x->a;
	a->samples = arena_alloc(x->c.a, (l->n + 1) * sizeof(vc_sample));
	static const char *const keys[] = {"id", "name", "description"};
	const char *w = "a sampled project or product";
	for (size_t i = 0; i < l->n; i++) {
		ynode *f[3];
		const ynode *m = l->items[i];
		if (fld_map(&x->c, m, w, keys, 3, f) < 0)
			continue;
		vc_sample *s = &a->samples[a->nsamples];
		s->id = str(x, m, f[0], "id", w, true);
		s->name = str(x, m, f[1], "name", w, true);
		s->description = str(x, m, f[2], "description", w, false);
		s->pos = m->pos;
		for (size_t k = 0; s->id && k < a->nsamples; k++)
			if (strcmp(a->samples[k].id, s->id) == 0) {
				diag_error(
				    x->c.d, f[0]->pos,
				    "sample id '%s' is given twice (first "
				    "at line %d)",
				    s->id, a->samples[k].pos.line);
				s->id = NULL;
			}
		if (s->id && s->name)
			a->nsamples++;
	}
}

/* The requirement labelled label in the audited version, or NULL after
 * reporting it at v (with "did you mean"). */
static const vc_requirement *find_req(actx *x, const ynode *v,
                                      const char *label, const char *what)
{
	const vc_version *ver = x->a->version;
	const vc_requirement *r = hmap_get(&x->by_label, label);
	if (r)
		return r;
	const char **labels =
	    xmalloc((ver->nrequirements + 1) * sizeof(char *));
	size_t n = 0;
	for (size_t i = 0; i < ver->nrequirements; i++)
		if (!ver->requirements[i]->question->withdrawn)
			labels[n++] = ver->requirements[i]->label;
	const char *sg = suggest(label, labels, n);
	if (sg && strcmp(what, "a verdict") == 0)
		hmap_put(&x->given, sg, (void *)sg);
	if (sg)
		diag_error(x->c.d, v->pos,
		           "%s names requirement '%s', which %s does not "
		           "have; did you mean '%s'?",
		           what, label, ver->key, sg);
	else
		diag_error(x->c.d, v->pos,
		           "%s names requirement '%s', which %s does not "
		           "have (requirements are numbered as published, "
		           "such as 1.1.a)",
		           what, label, ver->key);
	free(labels);
	return NULL;
}

/* Reports that r does not apply to the audited objectives. */
static void not_applicable(actx *x, const ynode *v, const vc_requirement *r,
                           const char *what)
{
	const vc_scheme *s = x->a->scheme;
	char *to = model_objset_string(s, model_req_objectives(s, r), ", ");
	char *sc = model_objset_string(s, x->a->scope.objectives, ", ");
	diag_error(x->c.d, v->pos,
	           "%s names requirement %s, which does not apply to the "
	           "audited objectives (%s): it applies to %s",
	           what, r->label, sc, to);
	free(to);
	free(sc);
}

static void read_findings(actx *x)
{
	const ynode *l = x->f[K_FINDINGS];
	if (!fld_present(l) || !fld_list(&x->c, l, "findings"))
		return;
	vc_audit *a = x->a;
	const vc_scheme *s = a->scheme;
	a->findings =
	    arena_alloc(x->c.a, (l->n + 1) * sizeof(vc_audit_finding));
	static const char *const keys[] = {"id", "requirement", "class",
	                                   "statement", "evidence"};
	const char *w = "a finding";
	const char **classes =
	    arena_alloc(x->c.a, (s->nfindings + 1) * sizeof(char *));
	for (size_t i = 0; i < s->nfindings; i++)
		classes[i] = s->findings[i].id;
	for (size_t i = 0; i < l->n; i++) {
		ynode *f[5];
		const ynode *m = l->items[i];
		if (fld_map(&x->c, m, w, keys, 5, f) < 0)
			continue;
		vc_audit_finding *fi = &a->findings[a->nfindings];
		fi->id = str(x, m, f[0], "id", w, true);
		fi->req_label = str(x, m, f[1], "requirement", w, true);
		const char *cls = str(x, m, f[2], "class", w, true);
		fi->statement = str(x, m, f[3], "statement", w, true);
		fi->evidence = str(x, m, f[4], "evidence", w, true);
		fi->pos = m->pos;
		if (!fi->id)
			continue;
		for (size_t k = 0; k < a->nfindings; k++)
			if (strcmp(a->findings[k].id, fi->id) == 0) {
				diag_error(x->c.d, f[0]->pos,
				           "finding id '%s' is given twice "
				           "(first at line %d)",
				           fi->id, a->findings[k].pos.line);
				fi->id = NULL;
				break;
			}
		if (!fi->id)
			continue;
		char *what = arena_printf(x->c.a, "finding %s", fi->id);
		if (fi->req_label) {
			fi->req = find_req(x, f[1], fi->req_label, what);
			if (fi->req && !audit_applies(a, fi->req) &&
			    !x->scope_bad) {
				not_applicable(x, f[1], fi->req, what);
				fi->req = NULL;
			}
		}
		if (cls) {
			for (size_t k = 0; k < s->nfindings; k++)
				if (strcmp(s->findings[k].id, cls) == 0)
					fi->cls = &s->findings[k];
			if (!fi->cls) {
				const char *sg =
				    suggest(cls, classes, s->nfindings);
				char *all = NULL;
				buf b = {0};
				for (size_t k = 0; k < s->nfindings; k++)
					buf_printf(&b, "%s%s", k ? ", " : "",
					           classes[k]);
				all = buf_detach(&b);
				if (sg)
					diag_error(
					    x->c.d, f[2]->pos,
					    "unknown finding class '%s'; "
					    "did you mean '%s'?",
					    cls, sg);
				else
					diag_error(x->c.d, f[2]->pos,
					           "unknown finding class '%s' "
					           "(the scheme's classes: %s)",
					           cls, all);
				free(all);
			}
		}
		if (fi->req)
			fi->objectives = a->scope.objectives &
			                 model_req_objectives(s, fi->req);
		a->nfindings++;
	}
}

static vc_audit_finding *finding_by_id(const vc_audit *a, const char *id)
{
	for (size_t i = 0; i < a->nfindings; i++)
		if (strcmp(a->findings[i].id, id) == 0)
			return &a->findings[i];
	return NULL;
}

static const char **finding_ids(actx *x, size_t extra, const char *more)
{
	const char **ids =
	    arena_alloc(x->c.a, (x->a->nfindings + extra + 1) * sizeof(char *));
	for (size_t i = 0; i < x->a->nfindings; i++)
		ids[i] = x->a->findings[i].id;
	if (extra)
		ids[x->a->nfindings] = more;
	return ids;
}

static void read_verdict(actx *x, const ynode *key, const ynode *v)
{
	vc_audit *a = x->a;
	vc_verdict *vd = &a->verdicts[a->nverdicts];
	vd->label = arena_strndup(x->c.a, key->str, key->len);
	vd->pos = key->pos;
	char *what = arena_printf(x->c.a, "the verdict '%s'", vd->label);
	vd->req = find_req(x, key, vd->label, "a verdict");
	if (vd->req)
		hmap_put(&x->given, vd->req->label, (void *)vd->req);
	if (vd->req && !audit_applies(a, vd->req) && !x->scope_bad) {
		not_applicable(x, key, vd->req, "a verdict");
		vd->req = NULL;
	}
	if (v->bad)
		return;
	if (v->kind == YN_MAP) {
		static const char *const keys[] = {"not_applicable"};
		ynode *f[1];
		if (fld_map(&x->c, v, what, keys, 1, f) < 0)
			return;
		vd->kind = VC_VERDICT_NOT_APPLICABLE;
		vd->reason = str(x, v, f[0], "not_applicable", what, true);
		if (!vd->reason)
			return;
	} else if (v->kind != YN_SCALAR || yn_is_null(v)) {
		diag_error(x->c.d, v->pos,
		           "the verdict on %s must be 'conform', the id of the "
		           "finding it raised, or {not_applicable: REASON}, "
		           "not %s",
		           vd->label, yn_kind_name(v));
		return;
	} else if (strcmp(v->str, "conform") == 0) {
		vd->kind = VC_VERDICT_CONFORM;
	} else {
		vd->kind = VC_VERDICT_FINDING;
		vd->finding_id = arena_strndup(x->c.a, v->str, v->len);
		vd->finding = finding_by_id(a, vd->finding_id);
		if (!vd->finding) {
			const char *sg =
			    suggest(v->str, finding_ids(x, 1, "conform"),
			            a->nfindings + 1);
			if (sg)
				diag_error(
				    x->c.d, v->pos,
				    "the verdict on %s names '%s', which "
				    "is neither 'conform' nor a finding; "
				    "did you mean '%s'?",
				    vd->label, v->str, sg);
			else
				diag_error(
				    x->c.d, v->pos,
				    "the verdict on %s names '%s', which "
				    "is neither 'conform' nor a finding "
				    "of this audit; write 'conform', a "
				    "finding id, or {not_applicable: "
				    "REASON}",
				    vd->label, v->str);
			return;
		}
		if (vd->finding->req_label &&
		    strcmp(vd->finding->req_label, vd->label) != 0) {
			diag_error(x->c.d, v->pos,
			           "the verdict on %s names finding %s, which "
			           "is on requirement %s",
			           vd->label, vd->finding_id,
			           vd->finding->req_label);
			return;
		}
	}
	if (vd->req)
		a->nverdicts++;
}

static void read_verdicts(actx *x)
{
	const ynode *m = x->f[K_VERDICTS];
	vc_audit *a = x->a;
	if (!fld_present(m)) {
		fld_missing(&x->c, x->root, "verdicts", "the audit");
		return;
	}
	if (m->kind != YN_MAP) {
		x->verdicts_bad = true;
		if (!m->bad)
			diag_error(
			    x->c.d, m->pos,
			    "'verdicts' must be a mapping of requirement "
			    "numbers to verdicts (1.1.a: conform), not %s",
			    yn_kind_name(m));
		return;
	}
	a->verdicts = arena_alloc(x->c.a, (m->n + 1) * sizeof(vc_verdict));
	for (size_t i = 0; i < m->n; i++)
		read_verdict(x, m->items[2 * i], m->items[2 * i + 1]);
	/* A finding that counts for a label stands on a verdict that names
	 * it, not on a conform one. */
	for (size_t i = 0; i < a->nfindings; i++) {
		vc_audit_finding *fi = &a->findings[i];
		if (!fi->req || !audit_class_counts(fi->cls))
			continue;
		const vc_verdict *vd = audit_verdict(a, fi->req);
		if (vd && vd->kind != VC_VERDICT_FINDING)
			diag_error(x->c.d, vd->pos,
			           "the verdict on %s is '%s', but finding %s "
			           "(%s) is on it; name the finding: '%s: %s'",
			           vd->label,
			           vd->kind == VC_VERDICT_CONFORM
			               ? "conform"
			               : "not applicable",
			           fi->id, fi->cls->id, vd->label, fi->id);
	}
}

/* Every requirement that applies has a verdict: for a follow-up, those
 * on which the initial audit raised findings that count. */
static void check_complete(actx *x)
{
	vc_audit *a = x->a;
	const vc_version *ver = a->version;
	const ynode *m = x->f[K_VERDICTS];
	srcpos at = fld_present(m) ? m->pos : x->root->pos;
	diag_severity sev = x->o && x->o->draft ? DIAG_NOTE : DIAG_ERROR;
	size_t missing = 0;
	if (x->scope_bad || x->verdicts_bad) {
		a->complete = false;
		return;
	}
	if (a->initial) {
		const vc_audit *in = a->initial;
		for (size_t i = 0; i < in->nfindings; i++) {
			const vc_audit_finding *fi = &in->findings[i];
			if (!fi->req || !audit_class_counts(fi->cls))
				continue;
			const vc_requirement *r =
			    hmap_get(&x->by_label, fi->req_label);
			if (r && (audit_verdict(a, r) ||
			          hmap_get(&x->given, r->label)))
				continue;
			missing++;
			diags_add(x->c.d, sev, at,
			          "no verdict on requirement %s, on which "
			          "audit %s raised finding %s (%s); a "
			          "follow-up gives one on each",
			          fi->req_label, in->id, fi->id, fi->cls->id);
		}
	} else if (!a->follows_up) {
		/* each at the verdict it would follow */
		for (size_t i = 0; i < ver->nrequirements; i++) {
			const vc_requirement *r = ver->requirements[i];
			const vc_verdict *vd = audit_verdict(a, r);
			if (vd)
				at = vd->pos;
			if (!audit_applies(a, r) || vd ||
			    hmap_get(&x->given, r->label))
				continue;
			missing++;
			char *to = model_objset_string(
			    a->scheme,
			    model_req_objectives(a->scheme, r) &
			        a->scope.objectives,
			    ", ");
			diags_add(x->c.d, sev, at,
			          "no verdict on requirement %s, which applies "
			          "to %s; add '%s: conform', a finding id or "
			          "{not_applicable: REASON}",
			          r->label, to, r->label);
			free(to);
		}
	}
	a->complete = missing == 0;
}

static void read_actions(actx *x)
{
	vc_audit *a = x->a;
	const vc_scheme *s = a->scheme;
	const ynode *l = x->f[K_ACTIONS];
	vc_date from = a->initial ? a->initial->closing : a->closing;
	vc_date limit = date_add_months(from, s->corrective_action_max_months);
	char b1[11], b2[11], b3[11];
	if (fld_present(l) && fld_list(&x->c, l, "actions")) {
		a->actions =
		    arena_alloc(x->c.a, (l->n + 1) * sizeof(vc_action));
		static const char *const keys[] = {"finding", "action", "due",
		                                   "accepted", "closed"};
		const char *w = "a corrective action";
		for (size_t i = 0; i < l->n; i++) {
			ynode *f[5];
			const ynode *m = l->items[i];
			if (fld_map(&x->c, m, w, keys, 5, f) < 0)
				continue;
			vc_action *ac = &a->actions[a->nactions];
			ac->finding_id = str(x, m, f[0], "finding", w, true);
			ac->action = str(x, m, f[1], "action", w, true);
			ac->due = date(x, m, f[2], "due", w, true);
			if (!fld_present(f[3]))
				fld_missing(&x->c, m, "accepted", w);
			else
				fld_bool(&x->c, f[3], "accepted",
				         &ac->accepted);
			ac->closed = date(x, m, f[4], "closed", w, false);
			ac->pos = m->pos;
			if (!ac->finding_id)
				continue;
			ac->finding = finding_by_id(a, ac->finding_id);
			if (!ac->finding) {
				const char *sg =
				    suggest(ac->finding_id,
				            finding_ids(x, 0, 0), a->nfindings);
				if (sg)
					diag_error(x->c.d, f[0]->pos,
					           "unknown finding '%s'; did "
					           "you mean '%s'?",
					           ac->finding_id, sg);
				else
					diag_error(x->c.d, f[0]->pos,
					           "unknown finding '%s': the "
					           "action must name a finding "
					           "of this audit",
					           ac->finding_id);
				continue;
			}
			if (date_set(ac->due) && date_set(limit) &&
			    date_cmp(ac->due, limit) > 0)
				diag_error(x->c.d, f[2]->pos,
				           "corrective action for %s is due on "
				           "%s, after the scheme's limit of %d "
				           "months from the closing meeting on "
				           "%s; it must be due by %s",
				           ac->finding_id, fmt(ac->due, b1),
				           s->corrective_action_max_months,
				           fmt(from, b2), fmt(limit, b3));
			else if (date_set(ac->due) && date_set(a->closing) &&
			         date_cmp(ac->due, a->closing) < 0)
				diag_error(
				    x->c.d, f[2]->pos,
				    "corrective action for %s is due on "
				    "%s, before the closing meeting on %s",
				    ac->finding_id, fmt(ac->due, b1),
				    fmt(a->closing, b2));
			if (date_set(ac->closed) && date_set(a->closing) &&
			    date_cmp(ac->closed, a->closing) < 0)
				diag_error(
				    x->c.d, f[4]->pos,
				    "corrective action for %s was closed "
				    "on %s, before the closing meeting "
				    "on %s",
				    ac->finding_id, fmt(ac->closed, b1),
				    fmt(a->closing, b2));
			if (date_set(ac->closed) && !ac->accepted)
				diag_warning(x->c.d, f[4]->pos,
				             "corrective action for %s is "
				             "closed but not accepted by the "
				             "auditor",
				             ac->finding_id);
			a->nactions++;
		}
	}
	/* A finding of a class that requires an action needs a plan item. */
	for (size_t i = 0; i < a->nfindings; i++) {
		const vc_audit_finding *fi = &a->findings[i];
		if (!fi->cls || strcmp(fi->cls->corrective_action, "required"))
			continue;
		bool planned = false;
		for (size_t k = 0; k < a->nactions; k++)
			planned |= a->actions[k].finding == fi;
		if (!planned)
			diag_warning(x->c.d, fi->pos,
			             "finding %s (%s) has no corrective action "
			             "in 'actions'; the label stays pending "
			             "until one is accepted",
			             fi->id, fi->cls->id);
	}
}

/* The audit with id among the audit files of dir (not self). */
static char *find_sibling(actx *x, const char *dir, const char *id,
                          const char ***ids, size_t *nids)
{
	char **names = NULL;
	size_t n = 0;
	char *found = NULL;
	*ids = NULL;
	*nids = 0;
	if (dir_names(dir, false, &names, &n) != 0)
		return NULL;
	*ids = arena_alloc(x->c.a, (n + 1) * sizeof(char *));
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(names[i]);
		if (len < 6 || strcmp(names[i] + len - 5, ".yaml") != 0)
			continue;
		char *p = path_join(dir, names[i]);
		if (strcmp(path_base(x->a->path), names[i]) == 0 ||
		    !audit_is_audit_file(p)) {
			free(p);
			continue;
		}
		/* Its id: the first line's value, read as YAML. */
		arena *ar = arena_new();
		diags q;
		diags_init(&q);
		ynode *root = yn_load_file(ar, &q, p);
		ynode *v = root && root->kind == YN_MAP
		               ? yn_map_get(root, "audit")
		               : NULL;
		if (v && v->kind == YN_SCALAR) {
			(*ids)[(*nids)++] = arena_strdup(x->c.a, v->str);
			if (!found && strcmp(v->str, id) == 0)
				found = xstrdup(p);
		}
		diags_free(&q);
		arena_free(ar);
		free(p);
	}
	names_free(names, n);
	return found;
}

static void read_follow_up(actx *x, int depth)
{
	vc_audit *a = x->a;
	const ynode *v = x->f[K_FOLLOWS_UP];
	a->follows_up = str(x, x->root, v, "follows_up", "the audit", false);
	if (!a->follows_up)
		return;
	char *dir = path_dir(a->path);
	const char **ids;
	size_t nids;
	char *p = find_sibling(x, dir, a->follows_up, &ids, &nids);
	if (!p) {
		const char *sg = suggest(a->follows_up, ids, nids);
		if (sg)
			diag_error(x->c.d, v->pos,
			           "this audit follows up '%s', but no audit "
			           "file in '%s' has that id; did you mean "
			           "'%s'?",
			           a->follows_up, dir, sg);
		else
			diag_error(x->c.d, v->pos,
			           "this audit follows up '%s', but no audit "
			           "file in '%s' has that id; the initial "
			           "audit's file belongs beside this one",
			           a->follows_up, dir);
		free(dir);
		return;
	}
	free(dir);
	if (depth > 0) {
		free(p);
		return; /* the initial's own initial is not needed */
	}
	audit_load_options o = x->o ? *x->o : (audit_load_options){0};
	o.draft = false;
	diags *q = a->own_diags;
	int before = q->errors;
	vc_audit *in = load(p, &o, q, depth + 1);
	if (!in || q->errors > before) {
		diag_error(x->c.d, v->pos,
		           "the audit it follows up, '%s' (%s), has errors; "
		           "'vcsc check %s' lists them",
		           a->follows_up, p, p);
		audit_free(in);
		free(p);
		return;
	}
	free(p);
	a->initial = in;
	char b1[11], b2[11];
	if (in->follows_up)
		diag_error(x->c.d, v->pos,
		           "'%s' is itself a follow-up of '%s'; a follow-up "
		           "names the initial audit",
		           in->id, in->follows_up);
	if (date_set(a->opening) && date_set(in->closing) &&
	    date_cmp(a->opening, in->closing) <= 0)
		diag_error(
		    x->c.d, x->f[K_OPENING]->pos,
		    "the follow-up opens on %s, but the audit it follows "
		    "up, %s, closed on %s; a follow-up comes after it",
		    fmt(a->opening, b1), in->id, fmt(in->closing, b2));
	if (a->participant.id && in->participant.id &&
	    strcmp(a->participant.id, in->participant.id) != 0)
		diag_error(x->c.d, v->pos,
		           "'%s' audited participant '%s', not '%s'", in->id,
		           in->participant.id, a->participant.id);
	if (a->catalogue_id && in->catalogue_id &&
	    strcmp(a->catalogue_id, in->catalogue_id) != 0)
		diag_error(x->c.d, x->f[K_CATALOGUE]->pos,
		           "the follow-up audits %s, but '%s' audited %s; a "
		           "follow-up audits the same version",
		           a->catalogue_id, in->id, in->catalogue_id);
	if (a->scope.objectives & ~in->scope.objectives) {
		char *s1 = model_objset_string(
		    a->scheme, a->scope.objectives & ~in->scope.objectives,
		    ", ");
		diag_error(x->c.d, a->scope.objectives_pos,
		           "'%s' did not audit %s; a follow-up covers the "
		           "objectives of the audit it follows up",
		           in->id, s1);
		free(s1);
	}
}

static vc_audit *load(const char *path, const audit_load_options *o, diags *d,
                      int depth)
{
	arena *ar = arena_new();
	ynode *root = yn_load_file(ar, d, path);
	if (!root) {
		arena_free(ar);
		return NULL;
	}
	vc_audit *a = arena_alloc(ar, sizeof(*a));
	a->arena = ar;
	a->path = arena_strdup(ar, path);
	a->own_diags = xmalloc(sizeof(diags));
	diags_init(a->own_diags);
	actx x = {{ar, d}, a, o, {0}, root, {0}, {0}, false, false};
	hmap_init(&x.by_label);
	hmap_init(&x.given);
	if (fld_map(&x.c, root, "the audit", audit_keys, K_N, x.f) < 0)
		goto out;
	if (root->n == 0 || strcmp(root->items[0]->str, "audit") != 0) {
		diag_error(d, root->n ? root->items[0]->pos : root->pos,
		           "an audit file starts with 'audit: ID'");
		goto out;
	}
	a->id = str(&x, root, x.f[K_AUDIT], "audit", "the audit", true);
	a->id_pos = x.f[K_AUDIT]->pos;
	long rev = 0;
	if (fld_int(&x.c, root, x.f[K_REVISION], "revision", "the audit", true,
	            1, 999, &rev) == 0)
		a->revision = (int)rev;
	a->opening =
	    date(&x, root, x.f[K_OPENING], "opening", "the audit", true);
	a->closing =
	    date(&x, root, x.f[K_CLOSING], "closing", "the audit", true);
	a->opening_pos =
	    fld_present(x.f[K_OPENING]) ? x.f[K_OPENING]->pos : root->pos;
	a->closing_pos =
	    fld_present(x.f[K_CLOSING]) ? x.f[K_CLOSING]->pos : root->pos;
	char b1[11], b2[11];
	if (date_set(a->opening) && date_set(a->closing) &&
	    date_cmp(a->opening, a->closing) > 0)
		diag_error(d, x.f[K_CLOSING]->pos,
		           "the closing meeting (%s) is before the opening "
		           "meeting (%s)",
		           fmt(a->closing, b1), fmt(a->opening, b2));
	static const char *const pub[] = {"nothing", "label",
	                                  "label-and-summary"};
	int k = fld_enum(&x.c, root, x.f[K_PUBLISH], "publish", "the audit",
	                 true, pub, 3);
	if (k >= 0)
		a->publish = (vc_publish)k;
	a->share_with =
	    str_list(&x, x.f[K_SHARE_WITH], "share_with", &a->nshare_with);
	read_participant(&x);
	load_catalogue(&x);
	load_providers(&x);
	read_tisax(&x);
	if (date_set(a->tisax.expires) && date_set(a->closing) &&
	    date_cmp(a->tisax.expires, a->closing) < 0)
		diag_error(d, a->tisax.pos,
		           "the TISAX label expired on %s, before the closing "
		           "meeting on %s; the scheme requires a TISAX label "
		           "valid on that day",
		           fmt(a->tisax.expires, b1), fmt(a->closing, b2));
	if (a->own_providers)
		read_provider_team(&x);
	read_samples(&x);
	const char *lang =
	    str(&x, root, x.f[K_LANGUAGE], "language", "the audit", true);
	if (!a->scheme) {
		/* what can be read without the scheme */
		read_scope(&x);
		if (!fld_present(x.f[K_VERDICTS]))
			fld_missing(&x.c, root, "verdicts", "the audit");
		goto out;
	}
	const vc_version *ver = a->version;
	for (size_t i = 0; i < ver->nrequirements; i++)
		if (!ver->requirements[i]->question->withdrawn)
			hmap_put(&x.by_label, ver->requirements[i]->label,
			         ver->requirements[i]);
	if (lang) {
		if (!model_has_language(ver, lang)) {
			const char **ids = arena_alloc(
			    ar, (ver->nlanguages + 1) * sizeof(char *));
			for (size_t i = 0; i < ver->nlanguages; i++)
				ids[i] = ver->languages[i].id;
			const char *sg = suggest(lang, ids, ver->nlanguages);
			diag_error(d, x.f[K_LANGUAGE]->pos,
			           "%s is not published in language '%s'%s%s%s",
			           ver->key, lang, sg ? "; did you mean '" : "",
			           sg ? sg : "", sg ? "'?" : "");
		} else {
			a->lang = lang;
		}
	}
	read_scope(&x);
	read_findings(&x);
	read_verdicts(&x);
	read_follow_up(&x, depth);
	check_complete(&x);
	read_actions(&x);
out:
	hmap_free(&x.by_label);
	hmap_free(&x.given);
	return a;
}

vc_audit *audit_load(const char *path, const audit_load_options *o, diags *d)
{
	return load(path, o, d, 0);
}

void audit_free(vc_audit *a)
{
	if (!a)
		return;
	audit_free(a->initial);
	model_version_free(a->own_version);
	model_scheme_free(a->own_scheme);
	providers_free(a->own_providers);
	if (a->own_diags) {
		diags_free(a->own_diags);
		free(a->own_diags);
	}
	arena_free(a->arena);
}
