/*
 * certbench.c - make bench: the time to issue and to verify one label
 * certificate, median over N runs (default 1,000) in one process, and
 * where the time goes. Issuing is loading the audit with its catalogue
 * version, scheme and providers, the label decision, signing the token
 * and writing the PDF; verifying is reading the token from the PDF and
 * the verdict (strict decoding, Ed25519, the status list look-up).
 *
 *   build/certbench [AUDIT.yaml [N]]
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "audit/audit.h"
#include "backend/certificate.h"
#include "cert/cert.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(double), cmp_d);
	return v[n / 2];
}

enum {
	P_LOAD,
	P_DECIDE,
	P_SIGN,
	P_STYLE,
	P_QR,
	P_PDF,
	P_ISSUE,
	P_READ,
	P_VERDICT,
	P_ED25519,
	P_VERIFY,
	NP
};
static const char *names[NP] = {
    "  load audit, version, scheme, providers",
    "  label decision",
    "  facts and Ed25519 signature of the token",
    "  (of the PDF: reading style.yaml and its fonts' metrics)",
    "  (of the PDF: the QR code, libqrencode)",
    "  the certificate page: layout, fonts embedded, PDF written",
    "issue one certificate (all of the above)",
    "  read the token from the PDF's Info dictionary",
    "  verdict: strict decoding, Ed25519, status look-up",
    "  (of the verdict: Ed25519 verification alone)",
    "verify one certificate (both)"};

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "examples/audits/clean.yaml";
	int n = argc > 2 ? atoi(argv[2]) : 1000;
	if (n < 1)
		n = 1;
	double *t[NP];
	for (int i = 0; i < NP; i++)
		t[i] = calloc((size_t)n, sizeof(double));
	diags d;
	diags_init(&d);
	cert_key *key =
	    cert_key_load("examples/keys/demo-TEST-ONLY.key", true, &d);
	cert_key *pub =
	    cert_key_load("examples/keys/demo-TEST-ONLY.pub", false, &d);
	if (!key || !pub) {
		diags_print(&d, stderr, false);
		return 2;
	}
	cert_keyring ring = {&pub, 1};
	cert_status st = {0};
	char out[] = "/tmp/vcsc-certbench-XXXXXX";
	int fd = mkstemp(out);
	close(fd);
	size_t bytes = 0;
	for (int i = 0; i < n; i++) {
		double a = now();
		audit_load_options lo = {NULL, NULL, false};
		vc_audit *au = audit_load(path, &lo, &d);
		if (!au || d.errors) {
			diags_print(&d, stderr, false);
			return 1;
		}
		double b = now();
		vc_decision dec;
		audit_decide(au, &dec, &d);
		double c = now();
		cert_facts f = {0};
		cert_label labels[32];
		char day[11];
		f.participant = au->participant.name;
		f.scope_id = au->scope.id;
		f.locations = au->scope.locations;
		f.nlocations = au->scope.nlocations;
		f.catalogue = au->catalogue_id;
		f.provider = au->provider->name;
		f.audit_id = au->id;
		f.labels = labels;
		for (size_t k = 0; k < dec.n && k < 32; k++) {
			const vc_outcome *o = &dec.outcomes[k];
			if (o->kind != VC_LABEL_FULL &&
			    o->kind != VC_LABEL_TEMPORARY)
				continue;
			labels[f.nlabels].objective = o->objective->id;
			labels[f.nlabels].kind = o->kind == VC_LABEL_FULL
			                             ? CERT_FULL
			                             : CERT_TEMPORARY;
			cert_day_parse(date_format(o->expires, day),
			               &labels[f.nlabels].expires);
			cert_day_parse(date_format(o->issued, day), &f.issued);
			f.nlabels++;
		}
		char *token = cert_token_sign(&f, key, &d);
		double e = now();
		pdf_style *sty = pdf_style_load("templates/pdf/style.yaml", &d);
		double g = now();
		char *url = certificate_verify_url(NULL, token);
		int qn;
		free(cert_qr(url, &qn, &d));
		free(url);
		double h = now();
		certificate_options co = {0};
		co.token = token;
		co.lang = "en";
		co.templates_dir = "templates";
		if (certificate_write(&f, &co, out, &d) != 0) {
			diags_print(&d, stderr, false);
			return 1;
		}
		double k2 = now();
		pdf_style_free(sty);
		decision_free(&dec);
		audit_free(au);
		/* verify */
		double v0 = now();
		char *tok = cert_pdf_token(out, &d);
		double v1 = now();
		arena *ar = arena_new();
		cert_verdict v;
		cert_verify(tok, &ring, &st, f.issued, ar, &v);
		double v2 = now();
		if (v.kind != CERT_VALID && v.kind != CERT_VERDICT_TEMPORARY) {
			fprintf(stderr, "verdict %s\n",
			        cert_verdict_name(v.kind));
			return 1;
		}
		/* Ed25519 alone, on the same message as the token's */
		uint8_t sig[64], msg[256];
		memset(msg, 7, sizeof(msg));
		crypto_sign_detached(sig, NULL, msg, sizeof(msg), key->sk);
		double v3 = now();
		if (crypto_sign_verify_detached(sig, msg, sizeof(msg),
		                                pub->pk) != 0)
			return 1;
		double v4 = now();
		arena_free(ar);
		free(tok);
		bytes = strlen(token);
		free(token);
		t[P_LOAD][i] = b - a;
		t[P_DECIDE][i] = c - b;
		t[P_SIGN][i] = e - c;
		t[P_STYLE][i] = g - e;
		t[P_QR][i] = h - g;
		t[P_PDF][i] = k2 - h;
		t[P_ISSUE][i] = (e - a) + (k2 - h);
		t[P_READ][i] = v1 - v0;
		t[P_VERDICT][i] = v2 - v1;
		t[P_ED25519][i] = v4 - v3;
		t[P_VERIFY][i] = v2 - v0;
	}
	FILE *fp = fopen(out, "rb");
	long size = 0;
	if (fp) {
		fseek(fp, 0, SEEK_END);
		size = ftell(fp);
		fclose(fp);
	}
	unlink(out);
	printf("certificate of %s: median of %d runs in one process "
	       "(token %zu characters, PDF %ld bytes)\n",
	       path, n, bytes, size);
	for (int i = 0; i < NP; i++)
		printf("%-62s %9.3f ms\n", names[i], median(t[i], n));
	for (int i = 0; i < NP; i++)
		free(t[i]);
	cert_key_free(key);
	cert_key_free(pub);
	diags_free(&d);
	return 0;
}
