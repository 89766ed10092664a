/*
 * test_cert.c - certificate tokens: strict base64url, the token's round
 * trip, a signature that any changed byte breaks, the status list, and
 * the verdicts by date.
 */
#include <stdlib.h>
#include <unistd.h>

#include "backend/certificate.h"
#include "cert/cert.h"
#include "unit.h"

void test_cert_b64(void);
void test_cert_token(void);
void test_cert_status(void);

void test_cert_b64(void)
{
	uint8_t in[5] = {0xfb, 0xff, 0x00, 0x10, 0x7f}, out[8];
	for (size_t n = 0; n <= 5; n++) {
		char *s = cert_b64_encode(in, n);
		CHECK_INT(cert_b64_decode(s, strlen(s), out, sizeof(out)),
		          (long)n);
		CHECK(memcmp(in, out, n) == 0);
		free(s);
	}
	/* "-w" has bits left over in its last character: not canonical */
	CHECK_INT(cert_b64_decode("-w", 2, out, sizeof(out)), 1);
	CHECK_INT(cert_b64_decode("-x", 2, out, sizeof(out)), -1);
	CHECK_INT(cert_b64_decode("-w==", 4, out, sizeof(out)), -1);
	CHECK_INT(cert_b64_decode("A", 1, out, sizeof(out)), -1);
	CHECK_INT(cert_b64_decode("+w", 2, out, sizeof(out)), -1);
	CHECK_INT(cert_b64_decode("", 0, out, sizeof(out)), 0);
	cert_day d;
	char day_s[11];
	CHECK_INT(cert_day_parse("2026-02-29", &d), -1);
	CHECK_INT(cert_day_parse("2028-02-29", &d), 0);
	CHECK_STR(cert_day_format(d, day_s), "2028-02-29");
	CHECK_INT(cert_day_parse("2026-1-01", &d), -1);
}

static void facts(cert_facts *f, cert_label *l, const char **locs)
{
	memset(f, 0, sizeof(*f));
	f->participant = "Muster Fahrzeugtechnik GmbH";
	f->scope_id = "S-4711";
	locs[0] = "Stuttgart";
	locs[1] = "Brno";
	f->locations = locs;
	f->nlocations = 2;
	l[0] = (cert_label){"development", CERT_FULL, 0};
	l[1] = (cert_label){"production", CERT_TEMPORARY, 0};
	cert_day_parse("2029-03-13", &l[0].expires);
	cert_day_parse("2026-12-13", &l[1].expires);
	f->labels = l;
	f->nlabels = 2;
	f->catalogue = "vcsa/1.1";
	f->provider = "NordCert Audit GmbH";
	f->audit_id = "AUD-2026-001";
	cert_day_parse("2026-03-14", &f->issued);
}

static cert_key *demo_key(diags *d)
{
	return cert_key_load("examples/keys/demo-TEST-ONLY.key", true, d);
}

void test_cert_token(void)
{
	diags d;
	diags_init(&d);
	cert_key *k = demo_key(&d);
	CHECK(k != NULL);
	if (!k)
		return;
	cert_facts f, g;
	cert_label l[2];
	const char *locs[2];
	facts(&f, l, locs);
	char *t = cert_token_sign(&f, k, &d);
	char *t2 = cert_token_sign(&f, k, &d);
	CHECK(t && t2 && strcmp(t, t2) == 0); /* deterministic */
	CHECK(strncmp(t, "TEST-", 5) == 0);
	cert_key *pub =
	    cert_key_load("examples/keys/demo-TEST-ONLY.pub", false, &d);
	cert_keyring r = {&pub, 1};
	arena *a = arena_new();
	const char *why;
	CHECK_INT(cert_token_decode(t, &r, a, &g, &why), CERT_TOKEN_OK);
	CHECK_STR(g.participant, f.participant);
	CHECK_STR(g.locations[1], "Brno");
	CHECK_INT(g.labels[1].kind, CERT_TEMPORARY);
	CHECK_INT(g.labels[0].expires, l[0].expires);
	CHECK(g.test_key);
	/* every character changed to another of the alphabet: invalid */
	size_t n = strlen(t), fails = 0;
	for (size_t i = 0; i < n; i++) {
		char *u = xstrdup(t);
		u[i] = u[i] == 'A' ? 'B' : 'A';
		if (cert_token_decode(u, &r, a, &g, &why) == CERT_TOKEN_OK)
			fails++;
		free(u);
	}
	CHECK_INT(fails, 0);
	/* verdicts by date */
	cert_verdict v;
	cert_day day;
	cert_day_parse("2026-03-14", &day);
	cert_verify(t, &r, NULL, day, a, &v);
	CHECK_INT(v.kind, CERT_VERDICT_TEMPORARY);
	cert_day_parse("2027-01-01", &day);
	cert_verify(t, &r, NULL, day, a, &v);
	CHECK_INT(v.kind, CERT_VALID);
	cert_day_parse("2029-03-14", &day);
	cert_verify(t, &r, NULL, day, a, &v);
	CHECK_INT(v.kind, CERT_EXPIRED);
	cert_day_parse("2026-03-13", &day);
	cert_verify(t, &r, NULL, day, a, &v);
	CHECK_INT(v.kind, CERT_INVALID);
	/* the page, with the token in its Info dictionary */
	char path[] = "/tmp/vcsc-unit-cert-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	certificate_options o = {0};
	o.token = t;
	o.lang = "de";
	o.templates_dir = "templates";
	CHECK_INT(certificate_write(&f, &o, path, &d), 0);
	char *back = cert_pdf_token(path, &d);
	CHECK_STR(back, t);
	free(back);
	if (getenv("UNIT_KEEP_PDF"))
		fprintf(stderr, "certificate: %s\n", path);
	else
		unlink(path);
	CHECK_INT(d.errors, 0);
	if (d.errors)
		diags_print(&d, stderr, false);
	arena_free(a);
	free(t);
	free(t2);
	cert_key_free(pub);
	cert_key_free(k);
	diags_free(&d);
}

void test_cert_status(void)
{
	diags d;
	diags_init(&d);
	cert_key *k = demo_key(&d);
	CHECK(k != NULL);
	if (!k)
		return;
	cert_status s = {0};
	cert_status_entry e = {0};
	e.kind = CERT_REVOKED;
	cert_token_hash("b", e.hash);
	e.reason = "withdrawn by the provider";
	CHECK(cert_status_put(&s, &e));
	CHECK(!cert_status_put(&s, &e));
	cert_status_entry e2 = {0};
	e2.kind = CERT_SUPERSEDED;
	cert_token_hash("a", e2.hash);
	cert_token_hash("c", e2.by);
	CHECK(cert_status_put(&s, &e2));
	char path[] = "/tmp/vcsc-unit-status-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	CHECK_INT(cert_status_write(&s, k, path, &d), 0);
	cert_status t;
	CHECK_INT(cert_status_load(&t, path, false, NULL, k, &d), 0);
	CHECK_INT(t.n, 2);
	CHECK(cert_status_find(&t, e.hash) != NULL);
	CHECK(t.test_key);
	cert_status_free(&t);
	/* one changed byte breaks the signature */
	FILE *fp = fopen(path, "r+");
	fseek(fp, -100, SEEK_END);
	fputc('0', fp);
	fseek(fp, 200, SEEK_SET);
	fputc('X', fp);
	fclose(fp);
	diags q;
	diags_init(&q);
	CHECK_INT(cert_status_load(&t, path, false, NULL, k, &q), -1);
	CHECK(q.errors > 0);
	diags_free(&q);
	unlink(path);
	cert_status_free(&s);
	cert_key_free(k);
	diags_free(&d);
}
