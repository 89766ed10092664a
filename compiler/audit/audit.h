/*
 * audit.h - audit results as data: the audit file (docs/audit-format.md),
 * the admitted audit providers (catalogue/providers.yaml), and the label
 * decision that the scheme's rules (scheme.yaml, label:) give for them.
 *
 * An audit file is YAML whose first key is `audit:` (its id). It names the
 * catalogue version it audits by id ("vcsa/1.1"), resolved under a
 * catalogue root (--catalogue DIR, default ./catalogue). audit_load reads
 * and validates it against that version, the scheme and the providers;
 * audit_decide derives the label outcome per audited objective. The
 * outcome is never written in the audit file.
 *
 * The documents built on an audit (the report, the certificate) take a
 * loaded audit and its decision, per backend/backend.h's convention.
 */
#ifndef VCSC_AUDIT_H
#define VCSC_AUDIT_H

#include <stdbool.h>

#include "base/diag.h"
#include "base/util.h"
#include "front/model.h"

/* ---- calendar dates (audit/date.c) ---- */

/* A calendar date; y == 0 means "none". */
typedef struct vc_date {
	int y, m, d;
} vc_date;

static inline bool date_set(vc_date t)
{
	return t.y != 0;
}
/* <0, 0, >0 as a is before, equal to or after b. */
int date_cmp(vc_date a, vc_date b);
/* Parses YYYY-MM-DD (a real calendar date). Returns 0, or -1. */
int date_parse(const char *s, vc_date *out);
/* Writes YYYY-MM-DD into buf (11 bytes at least); "" when unset. */
char *date_format(vc_date t, char *buf);
/* t plus n calendar months (n may be negative): the same day number, or
 * the last day of the month where that day does not exist
 * (2025-08-31 + 6 months = 2026-02-28). Built on timegm/gmtime_r. */
vc_date date_add_months(vc_date t, int n);
static inline vc_date date_add_years(vc_date t, int n)
{
	return date_add_months(t, 12 * n);
}

/* ---- the admitted audit providers (catalogue/providers.yaml) ---- */

typedef struct vc_auditor {
	const char *id;   /* "a.becker" */
	const char *name; /* "Anna Becker" */
	bool lead;        /* admitted as lead auditor */
	srcpos pos;
} vc_auditor;

typedef struct vc_provider {
	const char *id;   /* "nordcert" */
	const char *name; /* "NordCert Audit GmbH" */
	const char *address;
	vc_date admitted_until; /* unset: no end */
	vc_auditor *auditors;
	size_t nauditors;
	srcpos pos;
} vc_provider;

typedef struct vc_providers {
	arena *arena;
	const char *path;
	vc_provider *providers;
	size_t nproviders;
} vc_providers;

/* Loads and validates a providers file. Same contract as audit_load. */
vc_providers *providers_load(const char *path, diags *d);
void providers_free(vc_providers *p);
/* The provider or auditor with that id, or NULL. */
const vc_provider *providers_find(const vc_providers *p, const char *id);
const vc_auditor *provider_auditor(const vc_provider *p, const char *id);

/* ---- the audit file ---- */

typedef enum {
	VC_VERDICT_CONFORM,
	VC_VERDICT_FINDING,       /* raised the finding `finding` */
	VC_VERDICT_NOT_APPLICABLE /* with a reason */
} vc_verdict_kind;

typedef struct vc_audit_finding vc_audit_finding;

/* A verdict on one requirement, keyed by its label as published in the
 * audited version ("1.2.a"). */
typedef struct vc_verdict {
	const char *label;
	const vc_requirement *req; /* resolved; NULL if unknown */
	vc_verdict_kind kind;
	const char *finding_id;    /* VC_VERDICT_FINDING */
	vc_audit_finding *finding; /* resolved */
	const char *reason;        /* VC_VERDICT_NOT_APPLICABLE (Markdown) */
	srcpos pos;
} vc_verdict;

struct vc_audit_finding {
	const char *id;        /* "F-01", unique in the audit */
	const char *req_label; /* "1.2.a" */
	const vc_requirement *req;
	const vc_finding_class *cls; /* resolved against scheme->findings */
	const char *statement;       /* Markdown */
	const char *evidence;        /* Markdown: what the auditor saw */
	vc_objset objectives;        /* audited objectives it counts against:
	                                scope objectives & the requirement's */
	srcpos pos;
};

/* One item of the corrective-action plan. */
typedef struct vc_action {
	const char *finding_id;
	vc_audit_finding *finding; /* resolved */
	const char *action;        /* Markdown */
	vc_date due;
	bool accepted;  /* by the auditor */
	vc_date closed; /* unset while open */
	srcpos pos;
} vc_action;

typedef struct vc_sample {
	const char *id;   /* "P1" */
	const char *name; /* a project or product */
	const char *description;
	srcpos pos;
} vc_sample;

typedef enum {
	VC_PUBLISH_NOTHING,
	VC_PUBLISH_LABEL,
	VC_PUBLISH_LABEL_AND_SUMMARY
} vc_publish;

typedef struct vc_audit vc_audit;
struct vc_audit {
	arena *arena;
	const char *path;
	const char *id; /* the value of `audit:` */
	srcpos id_pos;
	int revision;
	const char *lang; /* the report's language: a scheme language */
	struct {
		const char *id, *name, *duns; /* duns may be NULL */
	} participant;
	struct {
		const char *id;
		const char **locations;
		size_t nlocations;
		vc_objset objectives; /* the audited objectives */
		srcpos objectives_pos;
	} scope;
	struct {
		const char *scope_id;
		const char *level; /* "AL2", "AL3" */
		vc_date expires;
		srcpos pos;
	} tisax;
	const vc_provider *provider; /* resolved in the providers file */
	const vc_auditor *lead;
	const vc_auditor **experts;
	size_t nexperts;
	const char *catalogue_id; /* "vcsa/1.1" */
	const vc_scheme *scheme;  /* owned by the audit (see audit_free) */
	const vc_version *version;
	vc_date opening, closing;
	srcpos opening_pos, closing_pos; /* of the values */
	vc_sample *samples;
	size_t nsamples;
	vc_verdict *verdicts; /* in file order */
	size_t nverdicts;
	vc_audit_finding *findings;
	size_t nfindings;
	vc_action *actions;
	size_t nactions;
	const char *follows_up; /* id of the audit this one follows up */
	vc_audit *initial;      /* that audit, loaded from the same folder */
	vc_publish publish;
	const char **share_with; /* partners given the full result */
	size_t nshare_with;
	bool complete; /* every applicable requirement has a verdict */
	/* owned resources */
	vc_scheme *own_scheme;
	vc_version *own_version;
	vc_providers *own_providers;
	diags *own_diags; /* holds the names of the files the catalogue
	                     version and the initial audit came from */
};

typedef struct audit_load_options {
	const char *catalogue; /* catalogue root; NULL: "catalogue" */
	const char *providers; /* NULL: CATALOGUE/providers.yaml */
	bool draft;            /* a missing verdict is a note, not an error */
} audit_load_options;

/* True when the YAML file's first key is `audit:` (cheap: reads the first
 * lines only). */
bool audit_is_audit_file(const char *path);

/* Loads and validates an audit file, with the catalogue version, scheme
 * and providers it names, and (for a follow-up) the audit it follows up.
 * Returns NULL when the file cannot be used at all; otherwise an audit
 * with problems reported to d (check d->errors before trusting it). */
vc_audit *audit_load(const char *path, const audit_load_options *o, diags *d);
void audit_free(vc_audit *a);

/* Does a finding of class c count for a label: it blocks the label or
 * requires a corrective action (observations and opportunities for
 * improvement do not)? */
bool audit_class_counts(const vc_finding_class *c);

/* The verdict on r, or NULL. */
const vc_verdict *audit_verdict(const vc_audit *a, const vc_requirement *r);
/* Does r apply to the audit (any audited objective)? */
bool audit_applies(const vc_audit *a, const vc_requirement *r);

/* ---- the label decision (audit/decide.c) ---- */

typedef enum {
	VC_LABEL_NONE,      /* an open finding blocks the label */
	VC_LABEL_PENDING,   /* no label yet: a corrective-action plan is
	                       missing or not accepted */
	VC_LABEL_TEMPORARY, /* non-blocking findings with accepted actions */
	VC_LABEL_FULL,      /* nothing open */
	VC_LABEL_UNDECIDED  /* a follow-up after the window decides nothing */
} vc_label_kind;

/* The outcome for one audited objective. */
typedef struct vc_outcome {
	const vc_objective *objective;
	size_t objective_index;
	vc_label_kind kind;
	vc_date issued;   /* TEMPORARY, FULL: the deciding audit's closing */
	vc_date expires;  /* TEMPORARY, FULL: valid through this day */
	const char *rule; /* stable id of the rule that decided:
	                     "open-blocking", "action-missing",
	                     "actions-accepted", "nothing-open",
	                     "follow-up-closed", "follow-up-actions",
	                     "follow-up-late" */
	char *reason;     /* one English sentence, for text output */
	size_t nopen;     /* findings still open against it */
	size_t nblocking; /* of which block the label */
} vc_outcome;

typedef struct vc_decision {
	const vc_audit *audit;
	const vc_audit *initial; /* the initial audit (== audit if none) */
	vc_outcome *outcomes;    /* one per audited objective, scheme order */
	size_t n;
} vc_decision;

/* Decides the label per audited objective from the scheme's rules.
 * Returns 0, or -1 after reporting to d (e.g. a follow-up after the
 * window). The decision borrows from a; free it with decision_free. */
int audit_decide(const vc_audit *a, vc_decision *out, diags *d);
void decision_free(vc_decision *dec);
/* Is f (a finding of a, or for a follow-up of the audit it follows up)
 * still open once a is taken into account: it counts for a label, and a
 * follow-up neither closed it (conform or not applicable on its
 * requirement) nor replaced it with a finding of its own? */
bool audit_finding_open(const vc_audit *a, const vc_audit_finding *f);
const char *label_kind_name(vc_label_kind k); /* "none", "pending", ... */

#endif
