/*
 * providers.c - the admitted audit providers and their auditors
 * (catalogue/providers.yaml, described in docs/audit-format.md).
 */
#include <string.h>

#include "audit/audit.h"
#include "front/fields.h"

static int one_auditor(fld_ctx *c, const ynode *node, vc_auditor *au)
{
	static const char *const keys[] = {"id", "name", "lead"};
	ynode *f[3];
	if (fld_map(c, node, "an auditor", keys, 3, f) < 0)
		return -1;
	const char *id = fld_str(c, node, f[0], "id", "an auditor", true);
	const char *name = fld_str(c, node, f[1], "name", "an auditor", true);
	if (fld_present(f[2]) && fld_bool(c, f[2], "lead", &au->lead) < 0)
		return -1;
	if (!id || !name)
		return -1;
	au->id = arena_strdup(c->a, id);
	au->name = arena_strdup(c->a, name);
	au->pos = node->pos;
	return 0;
}

static int one_provider(fld_ctx *c, const ynode *node, vc_provider *p)
{
	static const char *const keys[] = {"id", "name", "address",
	                                   "admitted_until", "auditors"};
	ynode *f[5];
	if (fld_map(c, node, "an audit provider", keys, 5, f) < 0)
		return -1;
	const char *w = "an audit provider";
	const char *id = fld_str(c, node, f[0], "id", w, true);
	const char *name = fld_str(c, node, f[1], "name", w, true);
	const char *addr = fld_str(c, node, f[2], "address", w, false);
	const char *until = fld_date(c, node, f[3], "admitted_until", w, false);
	if (!id || !name)
		return -1;
	p->id = arena_strdup(c->a, id);
	p->name = arena_strdup(c->a, name);
	p->address = addr ? arena_strdup(c->a, addr) : NULL;
	if (until)
		date_parse(until, &p->admitted_until);
	p->pos = node->pos;
	const ynode *l = f[4];
	if (!fld_present(l)) {
		fld_missing(c, node, "auditors", w);
		return -1;
	}
	if (!fld_list(c, l, "auditors"))
		return -1;
	p->auditors = arena_alloc(c->a, (l->n + 1) * sizeof(vc_auditor));
	for (size_t i = 0; i < l->n; i++) {
		vc_auditor *au = &p->auditors[p->nauditors];
		if (one_auditor(c, l->items[i], au) < 0)
			continue;
		if (provider_auditor(p, au->id)) {
			diag_error(c->d, l->items[i]->pos,
			           "auditor '%s' is listed twice for '%s'",
			           au->id, p->id);
			continue;
		}
		p->nauditors++;
	}
	return 0;
}

vc_providers *providers_load(const char *path, diags *d)
{
	arena *a = arena_new();
	ynode *root = yn_load_file(a, d, path);
	if (!root) {
		arena_free(a);
		return NULL;
	}
	vc_providers *ps = arena_alloc(a, sizeof(*ps));
	ps->arena = a;
	ps->path = arena_strdup(a, path);
	fld_ctx c = {a, d};
	static const char *const keys[] = {"providers"};
	ynode *f[1];
	if (fld_map(&c, root, "the providers file", keys, 1, f) < 0)
		return ps;
	const ynode *l = f[0];
	if (!fld_present(l)) {
		fld_missing(&c, root, "providers", "the providers file");
		return ps;
	}
	if (!fld_list(&c, l, "providers"))
		return ps;
	ps->providers = arena_alloc(a, (l->n + 1) * sizeof(vc_provider));
	for (size_t i = 0; i < l->n; i++) {
		vc_provider *p = &ps->providers[ps->nproviders];
		if (one_provider(&c, l->items[i], p) < 0)
			continue;
		if (providers_find(ps, p->id)) {
			diag_error(d, l->items[i]->pos,
			           "audit provider '%s' is listed twice",
			           p->id);
			continue;
		}
		ps->nproviders++;
	}
	return ps;
}

void providers_free(vc_providers *p)
{
	if (p)
		arena_free(p->arena);
}

const vc_provider *providers_find(const vc_providers *p, const char *id)
{
	for (size_t i = 0; p && i < p->nproviders; i++)
		if (strcmp(p->providers[i].id, id) == 0)
			return &p->providers[i];
	return NULL;
}

const vc_auditor *provider_auditor(const vc_provider *p, const char *id)
{
	for (size_t i = 0; p && i < p->nauditors; i++)
		if (strcmp(p->auditors[i].id, id) == 0)
			return &p->auditors[i];
	return NULL;
}
