/*
 * cert/ - label certificates that carry their own proof
 * (docs/certificates.md): the token (token.c), signing keys and key files
 * (keys.c), the signed status file of revoked and superseded certificates
 * (status.c), the verdict on a token (verify.c) and the QR code of the
 * verification address (qr.c). The certificate page itself is a back end
 * (backend/certificate.c); the commands are cli/cmd_keygen.c,
 * cmd_verify.c, cmd_revoke.c and cmd_certificate.c.
 *
 * cert.h - the label facts a certificate states, their token, keys and the
 * status file.
 *
 * A token is the label facts in a compact binary form (version byte
 * first), the id of the key that signed them and an Ed25519 signature
 * over both, written in base64url without padding and decoded strictly
 * (a character outside the alphabet, a length no encoding has, or unused
 * trailing bits that are not zero are refused), so that no two strings
 * stand for the same bytes and changing any character of a token makes
 * it invalid. A token signed with a test key starts with "TEST-".
 *
 * Ownership: a cert_facts from cert_token_decode lives in the arena given
 * to it; a cert_key and a cert_status are freed with their _free.
 */
#ifndef VCSC_CERT_H
#define VCSC_CERT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "base/util.h"

enum {
	CERT_TOKEN_VERSION = 1,
	CERT_KEY_ID_BYTES = 8,
	CERT_SIG_BYTES = 64,
	CERT_PK_BYTES = 32,
	CERT_SEED_BYTES = 32,
	CERT_HASH_HEX = 64, /* a token's SHA-256, in hex */
};

/* The prefix of a token signed with a test key. */
#define CERT_TEST_PREFIX "TEST-"

/* A day, as days since 1970-01-01 (0: none). */
typedef int32_t cert_day;

/* YYYY-MM-DD to a day: 0, or -1 when it is not a real calendar date
 * between 1970 and 2149. */
int cert_day_parse(const char *s, cert_day *out);
/* A day as YYYY-MM-DD into buf (11 bytes at least). */
char *cert_day_format(cert_day d, char *buf);
/* The day from SOURCE_DATE_EPOCH, or 0 when unset or not a number. */
cert_day cert_day_from_epoch(void);

typedef enum { CERT_TEMPORARY = 1, CERT_FULL = 2 } cert_kind;

/* One label granted: an audit objective of the scheme, temporary or full,
 * valid through expires. */
typedef struct cert_label {
	const char *objective; /* scheme id: "development" */
	cert_kind kind;
	cert_day expires;
} cert_label;

/* The facts a certificate states and its token carries. */
typedef struct cert_facts {
	const char *participant; /* name */
	const char *scope_id;
	const char **locations;
	size_t nlocations;
	cert_label *labels;
	size_t nlabels;
	const char *catalogue; /* catalogue version key: "vcsa/1.1" */
	const char *provider;  /* audit provider's name */
	const char *audit_id;
	cert_day issued; /* closing date of the audit that granted it */
	uint8_t key_id[CERT_KEY_ID_BYTES];
	bool test_key; /* signed with a public test key */
} cert_facts;

/* ---- keys (keys.c) ---- */

/* Starts libsodium (once; every function here that needs it calls it). */
void cert_init(void);

typedef struct cert_key {
	uint8_t id[CERT_KEY_ID_BYTES];
	uint8_t pk[CERT_PK_BYTES];
	uint8_t *sk; /* 64 bytes (libsodium's), in guarded memory; NULL for a
	                public key */
	bool test;   /* marked as a test key in its file */
	char *path;
} cert_key;

/* The key id (first bytes of the public key's SHA-256) in hex, into buf
 * (17 bytes at least). */
char *cert_key_id_hex(const uint8_t id[CERT_KEY_ID_BYTES], char *buf);
/* The SHA-256 fingerprint of a public key, in groups of four hex digits,
 * into buf (80 bytes at least). */
char *cert_fingerprint(const uint8_t pk[CERT_PK_BYTES], char *buf);

/* Makes a new key pair and writes NAME.key (mode 0600) and NAME.pub,
 * refusing to replace either. test marks the pair as a test key. Returns
 * 0, or -1 after reporting (d->io_failed for I/O failures). */
int cert_keygen(const char *name, bool test, diags *d);

/* Reads a signing key (NAME.key) or a public key (NAME.pub) file. A
 * signing key readable by others is a warning. Returns NULL after
 * reporting, with positions. */
cert_key *cert_key_load(const char *path, bool secret, diags *d);
void cert_key_free(cert_key *k);
/* True when id is the demo key's of examples/keys (whatever its file
 * says), so that no certificate signed with it passes as real. */
bool cert_is_demo_key(const uint8_t id[CERT_KEY_ID_BYTES]);

/* A set of public keys to verify against. */
typedef struct cert_keyring {
	cert_key **keys;
	size_t n;
} cert_keyring;

/* Adds the public key in file path, or every *.pub in directory path.
 * Returns 0, or -1 after reporting. */
int cert_keyring_add(cert_keyring *r, const char *path, diags *d);
const cert_key *cert_keyring_find(const cert_keyring *r,
                                  const uint8_t id[CERT_KEY_ID_BYTES]);
void cert_keyring_free(cert_keyring *r);

/* ---- tokens (token.c) ---- */

/* Strict base64url without padding. decode returns the number of bytes,
 * or -1 for any string that is not the one encoding of some bytes. */
char *cert_b64_encode(const uint8_t *p, size_t n); /* caller frees */
long cert_b64_decode(const char *s, size_t len, uint8_t *out, size_t cap);

/* Signs f with k and returns the token (caller frees), or NULL after
 * reporting facts that a token cannot carry (a text too long, a control
 * character). The key's id and test mark are set in f and go into the
 * token. */
char *cert_token_sign(cert_facts *f, const cert_key *k, diags *d);

typedef enum {
	CERT_TOKEN_OK,
	CERT_TOKEN_MALFORMED,   /* not a token of any version we know */
	CERT_TOKEN_UNKNOWN_KEY, /* well formed, signed by a key not given */
	CERT_TOKEN_BAD_SIGNATURE
} cert_token_status;

/* Decodes token into *f (strings in a) and checks its signature against
 * the keyring. *why gets a short English reason for anything but OK
 * (static text). f is filled as far as the token could be read (for
 * UNKNOWN_KEY and BAD_SIGNATURE, all of it). */
cert_token_status cert_token_decode(const char *token, const cert_keyring *r,
                                    arena *a, cert_facts *f, const char **why);

/* The SHA-256 of the token text, in hex (65 bytes), as the status file
 * names it. */
char *cert_token_hash(const char *token, char *buf);

/* ---- the status file (status.c) ---- */

typedef enum { CERT_REVOKED = 1, CERT_SUPERSEDED = 2 } cert_status_kind;

typedef struct cert_status_entry {
	cert_status_kind kind;
	char hash[CERT_HASH_HEX + 1];
	char by[CERT_HASH_HEX + 1]; /* SUPERSEDED: the new token's hash */
	char *reason;               /* REVOKED */
} cert_status_entry;

typedef struct cert_status {
	cert_status_entry *entries; /* sorted by hash */
	size_t n, cap;
	uint8_t key_id[CERT_KEY_ID_BYTES]; /* who signed it (loaded files) */
	bool test_key;
} cert_status;

/* Reads a status file and checks its signature against the keyring
 * (r NULL: against key, the signing key that will rewrite it). A missing
 * file is an empty list when missing_ok. Returns 0, or -1 after
 * reporting (a file whose signature fails is an error: 1). */
int cert_status_load(cert_status *s, const char *path, bool missing_ok,
                     const cert_keyring *r, const cert_key *key, diags *d);
/* The entry for a token hash, or NULL. */
const cert_status_entry *cert_status_find(const cert_status *s,
                                          const char *hash);
/* Adds or replaces the entry for e->hash (copies reason). Returns true
 * when the list changed. */
bool cert_status_put(cert_status *s, const cert_status_entry *e);
/* Writes the list signed with key to path, atomically. */
int cert_status_write(const cert_status *s, const cert_key *key,
                      const char *path, diags *d);
void cert_status_free(cert_status *s);

/* ---- the verdict (verify.c) ---- */

typedef enum {
	CERT_VALID,
	CERT_VERDICT_TEMPORARY,
	CERT_EXPIRED,
	CERT_VERDICT_REVOKED,
	CERT_VERDICT_SUPERSEDED,
	CERT_INVALID
} cert_verdict_kind;

typedef struct cert_verdict {
	cert_verdict_kind kind;
	bool test_key;      /* signed with a test key: proves nothing */
	const char *detail; /* one English sentence (in the arena) */
	cert_facts facts;   /* what the token says (for INVALID, maybe
	                       nothing) */
	bool facts_read;
} cert_verdict;

/* The verdict on token at day as_of (0: the day of SOURCE_DATE_EPOCH,
 * else no expiry check is possible and the issue date is taken), against
 * the keyring and the status list (NULL: none checked). */
void cert_verify(const char *token, const cert_keyring *r,
                 const cert_status *st, cert_day as_of, arena *a,
                 cert_verdict *out);
const char *cert_verdict_name(cert_verdict_kind k); /* "valid", ... */

/* ---- the certificate's token in a PDF (verify.c) ---- */

/* The name of the Info dictionary entry holding the token. */
#define CERT_PDF_INFO_KEY "VCSCertificateToken"

/* Reads the token from the Info dictionary of a PDF vcsc wrote. Returns
 * the token (caller frees), or NULL after reporting. */
char *cert_pdf_token(const char *path, diags *d);

/* ---- the QR code (qr.c) ---- */

/* The modules of the QR code of text (error correction level M), with no
 * quiet zone: *size by *size bytes, 1 for dark (caller frees). NULL
 * after reporting text too long for a QR code. */
uint8_t *cert_qr(const char *text, int *size, diags *d);

#endif
