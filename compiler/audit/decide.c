/*
 * decide.c - the label decision per audited objective, from the scheme's
 * rules (scheme.yaml, label:) and the audit's findings and corrective
 * actions; docs/audit-format.md states the rules.
 */
#include <stdlib.h>
#include <string.h>

#include "audit/audit.h"

const char *label_kind_name(vc_label_kind k)
{
	switch (k) {
	case VC_LABEL_NONE:
		return "none";
	case VC_LABEL_PENDING:
		return "pending";
	case VC_LABEL_TEMPORARY:
		return "temporary";
	case VC_LABEL_FULL:
		return "full";
	case VC_LABEL_UNDECIDED:
		return "undecided";
	}
	return "none";
}

/* A finding still open, with the audit whose plan holds its actions. */
typedef struct open_finding {
	const vc_audit_finding *f;
	const vc_audit *owner;
} open_finding;

/* The latest due date of the accepted actions for f, or unset when none
 * is accepted. */
static vc_date accepted_due(const open_finding *o)
{
	vc_date latest = {0, 0, 0};
	for (size_t i = 0; i < o->owner->nactions; i++) {
		const vc_action *ac = &o->owner->actions[i];
		if (ac->finding == o->f && ac->accepted &&
		    (!date_set(latest) || date_cmp(ac->due, latest) > 0))
			latest = ac->due;
	}
	return latest;
}

static size_t open_findings(const vc_audit *a, open_finding *out)
{
	size_t n = 0;
	const vc_audit *in = a->initial;
	if (in) {
		for (size_t i = 0; i < in->nfindings; i++) {
			const vc_audit_finding *f = &in->findings[i];
			if (!audit_class_counts(f->cls))
				continue;
			const vc_verdict *vd = audit_verdict(a, f->req);
			if (!vd) /* not audited again: open as it was */
				out[n++] = (open_finding){f, in};
			/* conform or not applicable closes it; a finding
			 * named is one of the follow-up's own, below */
		}
	}
	for (size_t i = 0; i < a->nfindings; i++)
		if (audit_class_counts(a->findings[i].cls))
			out[n++] = (open_finding){&a->findings[i], a};
	return n;
}

/* The ids of the open findings counted in set (blocking ones only when
 * blocking), as "F-01 (major), F-02 (major)". */
static char *ids(const open_finding *o, size_t n, size_t bit, int which)
{
	buf b = {0};
	for (size_t i = 0; i < n; i++) {
		if (!(o[i].f->objectives & (1u << bit)))
			continue;
		bool blk = o[i].f->cls->blocks_label;
		if ((which == 1 && !blk) || (which == 2 && blk))
			continue;
		if (which == 2 && date_set(accepted_due(&o[i])))
			continue;
		buf_printf(&b, "%s%s (%s)", b.len ? ", " : "", o[i].f->id,
		           o[i].f->cls->id);
	}
	if (!b.data)
		buf_puts(&b, "");
	return buf_detach(&b);
}

bool audit_finding_open(const vc_audit *a, const vc_audit_finding *f)
{
	if (!audit_class_counts(f->cls))
		return false;
	size_t cap = a->nfindings + (a->initial ? a->initial->nfindings : 0);
	open_finding *o = xmalloc((cap + 1) * sizeof(*o));
	size_t n = open_findings(a, o);
	bool open = false;
	for (size_t i = 0; i < n && !open; i++)
		open = o[i].f == f;
	free(o);
	return open;
}

int audit_decide(const vc_audit *a, vc_decision *out, diags *d)
{
	memset(out, 0, sizeof(*out));
	out->audit = a;
	const vc_audit *in = a->initial ? a->initial : a;
	out->initial = in;
	const vc_scheme *s = a->scheme;
	if (!s || !date_set(a->closing) || !date_set(in->closing)) {
		diag_error(d, a->id_pos,
		           "audit %s cannot be decided: its catalogue version "
		           "or its closing meeting is missing",
		           a->id ? a->id : "");
		return -1;
	}
	int max = s->corrective_action_max_months;
	vc_date window = date_add_months(in->closing, max);
	vc_date full = date_add_years(in->closing, s->validity_years);
	bool late = a->initial && date_cmp(a->closing, window) > 0;
	size_t cap = a->nfindings + (a->initial ? a->initial->nfindings : 0);
	open_finding *o = xmalloc((cap + 1) * sizeof(*o));
	size_t nopen = open_findings(a, o);
	out->outcomes = xcalloc(s->nobjectives + 1, sizeof(vc_outcome));
	char b1[11], b2[11], b3[11];
	for (size_t bit = 0; bit < s->nobjectives; bit++) {
		if (!(a->scope.objectives & (1u << bit)))
			continue;
		vc_outcome *oc = &out->outcomes[out->n++];
		oc->objective = &s->objectives[bit];
		oc->objective_index = bit;
		bool pending = false;
		vc_date latest = {0, 0, 0};
		for (size_t i = 0; i < nopen; i++) {
			if (!(o[i].f->objectives & (1u << bit)))
				continue;
			oc->nopen++;
			if (o[i].f->cls->blocks_label)
				oc->nblocking++;
			vc_date due = accepted_due(&o[i]);
			if (!date_set(due))
				pending = true;
			else if (!date_set(latest) || date_cmp(due, latest) > 0)
				latest = due;
		}
		if (late) {
			oc->kind = VC_LABEL_UNDECIDED;
			oc->rule = "follow-up-late";
			oc->reason = xasprintf(
			    "The follow-up closed on %s, after the %d months "
			    "from the closing meeting of %s (%s) that ended on "
			    "%s: it decides nothing, a new initial audit is "
			    "needed.",
			    date_format(a->closing, b1), max, in->id,
			    date_format(in->closing, b2),
			    date_format(window, b3));
		} else if (oc->nblocking) {
			char *l = ids(o, nopen, bit, 1);
			oc->kind = VC_LABEL_NONE;
			oc->rule = "open-blocking";
			oc->reason = xasprintf(
			    "No label: %s still open, of a class that blocks "
			    "the label.",
			    l);
			free(l);
		} else if (pending) {
			char *l = ids(o, nopen, bit, 2);
			oc->kind = VC_LABEL_PENDING;
			oc->rule = "action-missing";
			oc->reason = xasprintf(
			    "No label yet: %s without an accepted corrective "
			    "action; the label waits for an accepted plan.",
			    l);
			free(l);
		} else if (oc->nopen) {
			oc->kind = VC_LABEL_TEMPORARY;
			oc->rule = a->initial ? "follow-up-actions"
			                      : "actions-accepted";
			oc->issued = a->closing;
			oc->expires =
			    date_cmp(latest, window) < 0 ? latest : window;
			char *l = ids(o, nopen, bit, 0);
			oc->reason = xasprintf(
			    "Temporary label: %s open, each with an accepted "
			    "corrective action; it expires at the latest due "
			    "date (%s), or at the end of the %d months from "
			    "the closing meeting of %s (%s) if that comes "
			    "first.",
			    l, date_format(latest, b1), max, in->id,
			    date_format(window, b2));
			free(l);
		} else {
			oc->kind = VC_LABEL_FULL;
			oc->issued = a->closing;
			oc->expires = full;
			if (a->initial) {
				oc->rule = "follow-up-closed";
				oc->reason = xasprintf(
				    "Label: the follow-up closed every finding "
				    "of %s that counts; valid for %d years "
				    "from the closing meeting of %s (%s).",
				    in->id, s->validity_years, in->id,
				    date_format(in->closing, b1));
			} else {
				oc->rule = "nothing-open";
				oc->reason = xasprintf(
				    "Label: no finding that counts is open; "
				    "valid for %d years from the closing "
				    "meeting (%s).",
				    s->validity_years,
				    date_format(in->closing, b1));
			}
		}
	}
	free(o);
	if (late) {
		diag_error(d, a->closing_pos,
		           "follow-up %s closed on %s, after the %d months "
		           "from the closing meeting of %s (%s) that ended on "
		           "%s; it decides no label: a new initial audit is "
		           "needed",
		           a->id, date_format(a->closing, b1), max, in->id,
		           date_format(in->closing, b2),
		           date_format(window, b3));
		return -1;
	}
	return 0;
}

void decision_free(vc_decision *dec)
{
	if (!dec)
		return;
	for (size_t i = 0; i < dec->n; i++)
		free(dec->outcomes[i].reason);
	free(dec->outcomes);
	dec->outcomes = NULL;
	dec->n = 0;
}
