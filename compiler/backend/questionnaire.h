/*
 * questionnaire.h - the printable self-assessment questionnaire of a
 * catalogue version (PDF), written as backend.h describes.
 */
#ifndef VCSC_QUESTIONNAIRE_H
#define VCSC_QUESTIONNAIRE_H

#include "base/diag.h"
#include "front/model.h"
#include "pdf/pdf.h"

typedef struct questionnaire_options {
	vc_objset objectives; /* the audit objectives; 0: all */
	const char *lang;     /* NULL: the version's source language */
	pdf_paper paper;
	const char *templates_dir; /* holds pdf/questionnaire.yaml */
	const char *style_path;    /* NULL: TEMPLATES/pdf/style.yaml */
} questionnaire_options;

/* The questionnaire of v for the chosen objectives, in lang (a language
 * the version marks complete, else an error), written to path. Returns
 * 0, or -1 after reporting to d. */
int questionnaire_write(const vc_version *v, const questionnaire_options *o,
                        const char *path, diags *d);

#endif
