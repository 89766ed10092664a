/*
 * report.h - the audit report (PDF) that a lead auditor signs, written
 * from a loaded audit (audit/audit.h) and its label decision as
 * backend.h describes.
 */
#ifndef VCSC_REPORT_H
#define VCSC_REPORT_H

#include <stdbool.h>

#include "audit/audit.h"
#include "base/diag.h"
#include "pdf/pdf.h"

typedef struct report_options {
	pdf_paper paper;
	/* a draft: "DRAFT" across every page and in the footer; the only
	 * way to report an audit that is not complete */
	bool draft;
	const char *templates_dir; /* holds pdf/report.yaml */
	const char *style_path;    /* NULL: TEMPLATES/pdf/style.yaml */
} report_options;

/* The report of audit a, in the audit's language, with the outcome per
 * objective from dec (NULL: not decided, which only a draft may be),
 * written to path. An incomplete audit without o->draft is an error.
 * Returns 0, or -1 after reporting to d. */
int report_write(const vc_audit *a, const vc_decision *dec,
                 const report_options *o, const char *path, diags *d);

#endif
