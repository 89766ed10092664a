/*
 * status.c - the signed list of revoked and superseded certificates.
 *
 * Text, one entry a line, sorted by hash, so that the same entries give
 * the same bytes (docs/certificates.md):
 *
 *   # comment lines
 *   vcsc-status 1
 *   revoked HASH REASON...
 *   superseded HASH NEW-HASH
 *   signed KEY-ID SIGNATURE
 *
 * A certificate is named by the SHA-256 of its token (hex), never by
 * participant or scope. The signature (Ed25519, base64url) is over
 * "vcsc-status\0" and every byte before the `signed` line.
 */
#include <errno.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "base/files.h"
#include "cert.h"

static const char status_context[] = "vcsc-status";

static const char status_head[] =
    "# vcsc certificate status list (docs/certificates.md): the\n"
    "# certificates revoked or superseded, each named by the SHA-256 of "
    "its\n"
    "# token. Signed; edit only with vcsc revoke and vcsc supersede.\n"
    "vcsc-status 1\n";

static bool is_hash(const char *s, size_t n)
{
	if (n != CERT_HASH_HEX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		      (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

const cert_status_entry *cert_status_find(const cert_status *s,
                                          const char *hash)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->entries[i].hash, hash) == 0)
			return &s->entries[i];
	return NULL;
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const cert_status_entry *)a)->hash,
	              ((const cert_status_entry *)b)->hash);
}

bool cert_status_put(cert_status *s, const cert_status_entry *e)
{
	cert_status_entry *old =
	    (cert_status_entry *)cert_status_find(s, e->hash);
	if (old) {
		bool same = old->kind == e->kind &&
		            strcmp(old->by, e->by) == 0 &&
		            strcmp(old->reason ? old->reason : "",
		                   e->reason ? e->reason : "") == 0;
		if (same)
			return false;
		free(old->reason);
		*old = *e;
		old->reason = e->reason ? xstrdup(e->reason) : NULL;
		return true;
	}
	VEC_PUSH(s->entries, s->n, s->cap, *e);
	s->entries[s->n - 1].reason = e->reason ? xstrdup(e->reason) : NULL;
	qsort(s->entries, s->n, sizeof(*s->entries), entry_cmp);
	return true;
}

void cert_status_free(cert_status *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->entries[i].reason);
	free(s->entries);
	memset(s, 0, sizeof(*s));
}

static void status_message(const char *p, size_t n, buf *msg)
{
	buf_put(msg, status_context, sizeof(status_context));
	buf_put(msg, p, n);
}

/* Parses one entry line (NUL-terminated, no newline). */
static int parse_entry(cert_status *s, char *l, const char *file, int line,
                       diags *d)
{
	cert_status_entry e = {0};
	char *sp = strchr(l, ' ');
	char *rest = sp ? sp + 1 : NULL;
	if (sp && strncmp(l, "revoked ", 8) == 0) {
		e.kind = CERT_REVOKED;
		char *r = strchr(rest, ' ');
		if (!r || !is_hash(rest, (size_t)(r - rest)) || !r[1])
			goto bad;
		memcpy(e.hash, rest, CERT_HASH_HEX);
		e.reason = r + 1;
	} else if (sp && strncmp(l, "superseded ", 11) == 0) {
		e.kind = CERT_SUPERSEDED;
		if (strlen(rest) != 2 * CERT_HASH_HEX + 1 ||
		    !is_hash(rest, CERT_HASH_HEX) ||
		    rest[CERT_HASH_HEX] != ' ' ||
		    !is_hash(rest + CERT_HASH_HEX + 1, CERT_HASH_HEX))
			goto bad;
		memcpy(e.hash, rest, CERT_HASH_HEX);
		memcpy(e.by, rest + CERT_HASH_HEX + 1, CERT_HASH_HEX);
	} else {
		goto bad;
	}
	cert_status_put(s, &e);
	return 0;
bad:
	diag_error(d, pos_at(file, line, 1),
	           "expected 'revoked HASH REASON' or 'superseded HASH "
	           "NEW-HASH' (HASH: 64 hex digits)");
	return -1;
}

int cert_status_load(cert_status *s, const char *path, bool missing_ok,
                     const cert_keyring *r, const cert_key *key, diags *d)
{
	cert_init();
	memset(s, 0, sizeof(*s));
	char *text = NULL;
	size_t len;
	if (read_file(path, 64u << 20, &text, &len) != 0) {
		if (missing_ok && errno == ENOENT)
			return 0;
		diag_error(d, NO_POS, "cannot read the status file %s: %s",
		           path, errno ? strerror(errno) : "too large");
		d->io_failed = true;
		return -1;
	}
	/* the diagnostics keep a copy of their own (to quote lines) */
	const char *file = diags_source(d, path, xstrndup(text, len), len);
	int rc = -1, line = 1;
	bool head = false;
	char *sigline = NULL;
	int sigat = 0;
	for (char *l = text; *l;) {
		char *nl = strchr(l, '\n');
		if (!nl) {
			diag_error(d, pos_at(file, line, (int)strlen(l) + 1),
			           "the status file ends without a line break: "
			           "it was cut short");
			goto out;
		}
		if (sigline) {
			diag_error(d, pos_at(file, line, 1),
			           "nothing may follow the 'signed' line");
			goto out;
		}
		if (*l == '#') {
			/* a comment */
		} else if (!head) {
			if (strncmp(l, "vcsc-status 1\n", 14) != 0) {
				diag_error(
				    d, pos_at(file, line, 1),
				    "expected 'vcsc-status 1': %s is not a "
				    "vcsc status file of a version this "
				    "program knows",
				    path);
				goto out;
			}
			head = true;
		} else if (strncmp(l, "signed ", 7) == 0) {
			sigline = l;
			sigat = line;
		} else {
			*nl = '\0';
			int bad = parse_entry(s, l, file, line, d);
			*nl = '\n';
			if (bad)
				goto out;
		}
		line++;
		l = nl + 1;
	}
	if (!sigline) {
		diag_error(d, pos_at(file, line, 1),
		           "the status file has no 'signed KEY-ID SIGNATURE' "
		           "line: it was cut short or not written by vcsc");
		goto out;
	}
	char idhex[2 * CERT_KEY_ID_BYTES + 1];
	uint8_t sig[CERT_SIG_BYTES + 1];
	char *nl = strchr(sigline, '\n');
	*nl = '\0';
	char *sp = strchr(sigline + 7, ' ');
	if (!sp || sp - (sigline + 7) != 2 * CERT_KEY_ID_BYTES ||
	    sodium_hex2bin(s->key_id, CERT_KEY_ID_BYTES, sigline + 7,
	                   2 * CERT_KEY_ID_BYTES, NULL, NULL, NULL) != 0 ||
	    cert_b64_decode(sp + 1, strlen(sp + 1), sig, sizeof(sig)) !=
	        CERT_SIG_BYTES) {
		diag_error(d, pos_at(file, sigat, 8),
		           "expected 'signed KEY-ID SIGNATURE' (16 hex digits, "
		           "86 base64url characters)");
		goto out;
	}
	cert_key_id_hex(s->key_id, idhex);
	const cert_key *k = NULL;
	if (key && memcmp(key->id, s->key_id, CERT_KEY_ID_BYTES) == 0)
		k = key;
	else if (r)
		k = cert_keyring_find(r, s->key_id);
	if (!k) {
		diag_error(
		    d, pos_at(file, sigat, 8),
		    "the status file was signed with key %s, %s", idhex,
		    key ? "not with the signing key given: a status file "
		          "is kept with one key"
		        : "which is not among the public keys given");
		goto out;
	}
	buf msg = {0};
	status_message(text, (size_t)(sigline - text), &msg);
	int bad = crypto_sign_verify_detached(sig, (const uint8_t *)msg.data,
	                                      msg.len, k->pk);
	buf_free(&msg);
	if (bad) {
		diag_error(d, pos_at(file, sigat, 8),
		           "the status file's signature does not match its "
		           "contents: it was changed after vcsc signed it");
		goto out;
	}
	s->test_key = k->test || cert_is_demo_key(k->id);
	rc = 0;
out:
	free(text);
	if (rc)
		cert_status_free(s);
	return rc;
}

int cert_status_write(const cert_status *s, const cert_key *key,
                      const char *path, diags *d)
{
	buf b = {0};
	buf_puts(&b, status_head);
	for (size_t i = 0; i < s->n; i++) {
		const cert_status_entry *e = &s->entries[i];
		if (e->kind == CERT_REVOKED)
			buf_printf(&b, "revoked %s %s\n", e->hash, e->reason);
		else
			buf_printf(&b, "superseded %s %s\n", e->hash, e->by);
	}
	buf msg = {0};
	status_message(b.data, b.len, &msg);
	uint8_t sig[CERT_SIG_BYTES];
	crypto_sign_detached(sig, NULL, (const uint8_t *)msg.data, msg.len,
	                     key->sk);
	buf_free(&msg);
	char idhex[2 * CERT_KEY_ID_BYTES + 1];
	char *s64 = cert_b64_encode(sig, sizeof(sig));
	buf_printf(&b, "signed %s %s\n", cert_key_id_hex(key->id, idhex), s64);
	free(s64);
	outfile o;
	int rc = -1;
	if (outfile_open(&o, path) != 0) {
		diag_error(d, NO_POS, "cannot write %s: %s", path,
		           output_strerror(errno));
		d->io_failed = true;
	} else {
		fwrite(b.data, 1, b.len, o.fp);
		if (outfile_commit(&o) != 0) {
			diag_error(d, NO_POS, "cannot write %s: %s", path,
			           strerror(errno));
			d->io_failed = true;
		} else {
			rc = 0;
		}
	}
	buf_free(&b);
	return rc;
}
