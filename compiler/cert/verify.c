/*
 * verify.c - the verdict on a certificate token, and the token of a
 * certificate PDF (its Info dictionary).
 *
 * The order of the checks is the order of what matters most to a
 * relying party: a token that is not genuine is invalid whatever it
 * says; a genuine one may have been revoked or superseded (the status
 * list); otherwise its labels are in force, or expired, on the day asked
 * about.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/files.h"
#include "cert.h"

const char *cert_verdict_name(cert_verdict_kind k)
{
	switch (k) {
	case CERT_VALID:
		return "valid";
	case CERT_VERDICT_TEMPORARY:
		return "temporary";
	case CERT_EXPIRED:
		return "expired";
	case CERT_VERDICT_REVOKED:
		return "revoked";
	case CERT_VERDICT_SUPERSEDED:
		return "superseded";
	case CERT_INVALID:
		break;
	}
	return "invalid";
}

void cert_verify(const char *token, const cert_keyring *r,
                 const cert_status *st, cert_day as_of, arena *a,
                 cert_verdict *out)
{
	memset(out, 0, sizeof(*out));
	const char *why;
	cert_token_status ts =
	    cert_token_decode(token, r, a, &out->facts, &why);
	out->facts_read = ts != CERT_TOKEN_MALFORMED;
	out->test_key = out->facts.test_key;
	if (ts != CERT_TOKEN_OK) {
		out->kind = CERT_INVALID;
		out->detail = why;
		return;
	}
	const cert_facts *f = &out->facts;
	char hash[CERT_HASH_HEX + 1];
	cert_token_hash(token, hash);
	const cert_status_entry *e = st ? cert_status_find(st, hash) : NULL;
	if (e && e->kind == CERT_REVOKED) {
		out->kind = CERT_VERDICT_REVOKED;
		out->detail = arena_printf(a, "revoked: %s", e->reason);
		return;
	}
	if (e) {
		out->kind = CERT_VERDICT_SUPERSEDED;
		out->detail = arena_printf(a,
		                           "superseded by a later certificate "
		                           "(token SHA-256 %.16s...)",
		                           e->by);
		return;
	}
	char d1[11], d2[11];
	if (as_of && as_of < f->issued) {
		out->kind = CERT_INVALID;
		out->detail = arena_printf(
		    a, "not issued yet on %s (issued %s)",
		    cert_day_format(as_of, d1), cert_day_format(f->issued, d2));
		return;
	}
	size_t in_force = 0, temporary = 0;
	cert_day last = 0;
	for (size_t i = 0; i < f->nlabels; i++) {
		const cert_label *l = &f->labels[i];
		if (l->expires > last)
			last = l->expires;
		if (as_of && l->expires < as_of)
			continue;
		in_force++;
		if (l->kind == CERT_TEMPORARY)
			temporary++;
	}
	if (!in_force) {
		out->kind = CERT_EXPIRED;
		out->detail = arena_printf(a, "expired after %s",
		                           cert_day_format(last, d1));
	} else if (temporary) {
		out->kind = CERT_VERDICT_TEMPORARY;
		out->detail =
		    in_force < f->nlabels
		        ? "genuine; a temporary label in force, others "
		          "expired"
		        : "genuine; a temporary label, in force until "
		          "its corrective actions are closed";
	} else {
		out->kind = CERT_VALID;
		out->detail = in_force < f->nlabels
		                  ? "genuine; some labels expired"
		                  : "genuine and in force";
	}
}

/* The first n bytes of needle in [p, end), or NULL. */
static const char *find(const char *p, const char *end, const char *needle,
                        size_t n)
{
	for (; p + n <= end; p++)
		if (*p == *needle && memcmp(p, needle, n) == 0)
			return p;
	return NULL;
}

/* The value of the string object at p (a literal string or a hex
 * string), or NULL. */
static char *pdf_string_at(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\n' || *p == '\r'))
		p++;
	buf b = {0};
	if (p < end && *p == '(') {
		for (p++; p < end && *p != ')'; p++) {
			if (*p == '\\' || *p == '(') {
				buf_free(&b);
				return NULL; /* a token needs no escapes */
			}
			buf_putc(&b, *p);
		}
	} else if (p < end && *p == '<') {
		for (p++; p + 1 < end && *p != '>'; p += 2) {
			char h[3] = {p[0], p[1], 0};
			char *e;
			long v = strtol(h, &e, 16);
			if (*e) {
				buf_free(&b);
				return NULL;
			}
			buf_putc(&b, (char)v);
		}
	} else {
		return NULL;
	}
	if (p >= end) {
		buf_free(&b);
		return NULL;
	}
	return b.data ? buf_detach(&b) : xstrdup("");
}

char *cert_pdf_token(const char *path, diags *d)
{
	char *text = NULL;
	size_t len;
	if (read_file(path, 256u << 20, &text, &len) != 0) {
		diag_error(d, NO_POS, "cannot read %s: %s", path,
		           errno ? strerror(errno) : "too large");
		d->io_failed = true;
		return NULL;
	}
	char *tok = NULL;
	const char *end = text + len;
	/* the trailer names the Info dictionary: /Info N G R */
	const char *tr = NULL;
	for (const char *p = text; (p = find(p, end, "trailer", 7)) != NULL;
	     p += 7)
		tr = p;
	const char *info = tr ? find(tr, end, "/Info", 5) : NULL;
	long num = -1, gen = -1;
	if (info && sscanf(info + 5, " %ld %ld R", &num, &gen) == 2) {
		char head[64];
		int hl =
		    snprintf(head, sizeof(head), "\n%ld %ld obj", num, gen);
		const char *obj = find(text, end, head, (size_t)hl);
		const char *oend = obj ? find(obj, end, "endobj", 6) : NULL;
		const char *key = "/" CERT_PDF_INFO_KEY;
		const char *k = oend ? find(obj, oend, key, strlen(key)) : NULL;
		if (k)
			tok = pdf_string_at(k + strlen(key), oend);
	}
	if (!tok) {
		diag_error(d, NO_POS,
		           "%s holds no certificate token: its Info "
		           "dictionary has no /%s entry (was it written by "
		           "vcsc certificate?); give the token printed on it "
		           "instead",
		           path, CERT_PDF_INFO_KEY);
	}
	free(text);
	return tok;
}
