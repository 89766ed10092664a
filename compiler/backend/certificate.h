/*
 * certificate.h - the label certificate (certificate.c): one landscape
 * page stating the label facts of an audit, with a designed frame and
 * seal, the verification address as a QR code and the signed token as
 * text and in the PDF's Info dictionary (/VCSCertificateToken).
 */
#ifndef VCSC_CERTIFICATE_H
#define VCSC_CERTIFICATE_H

#include "base/diag.h"
#include "cert/cert.h"
#include "pdf/pdf.h"

/* Where the site is served when none is given: the same placeholder as
 * the site's (scripts/build-output.sh). */
#define CERTIFICATE_DEFAULT_BASE_URL "https://vcs-criteria.example.org"

typedef struct certificate_options {
	const char *token; /* the facts signed (cert_token_sign) */
	const char *lang;  /* "en", "de" */
	/* the audit objectives' titles in lang, one per label of the facts
	 * (NULL, or a NULL entry: the objective's id) */
	const char *const *objective_titles;
	const char *base_url; /* the site; NULL: the default above */
	pdf_paper paper;
	const char *templates_dir; /* holds pdf/certificate.yaml */
	const char *style_path;    /* NULL: TEMPLATES/pdf/style.yaml */
} certificate_options;

/* The address that verifies token: BASE/verify.html#TOKEN (caller
 * frees). */
char *certificate_verify_url(const char *base_url, const char *token);

/* Writes the certificate of facts f (which o->token signs) to path. */
int certificate_write(const cert_facts *f, const certificate_options *o,
                      const char *path, diags *d);

#endif
