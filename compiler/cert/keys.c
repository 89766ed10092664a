/*
 * keys.c - Ed25519 key pairs as files, key ids and fingerprints.
 *
 * A key file is text, one field a line after a comment (the public one
 * can be published; the signing one must stay with its owner):
 *
 *   vcsc-public-key 1            vcsc-signing-key 1
 *   id 1f2e3d4c5b6a7988          id 1f2e3d4c5b6a7988
 *   test no                      test no
 *   key BASE64URL                seed BASE64URL
 *
 * The id is the first 8 bytes of the public key's SHA-256, in hex; the
 * signing key keeps the 32-byte seed, from which libsodium derives the
 * pair. A file whose id does not match its key is refused.
 */
#include <errno.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/files.h"
#include "cert.h"

/* The key id of examples/keys/demo-TEST-ONLY: whatever a file says of
 * it, its certificates are marked as signed with a test key. */
static const char demo_key_id[] = "58079196ab90e73f";

void cert_init(void)
{
	static bool done;
	if (!done && sodium_init() < 0) {
		fputs("vcsc: cannot start libsodium\n", stderr);
		abort();
	}
	done = true;
}

char *cert_key_id_hex(const uint8_t id[CERT_KEY_ID_BYTES], char *out)
{
	sodium_bin2hex(out, 2 * CERT_KEY_ID_BYTES + 1, id, CERT_KEY_ID_BYTES);
	return out;
}

bool cert_is_demo_key(const uint8_t id[CERT_KEY_ID_BYTES])
{
	char hex[2 * CERT_KEY_ID_BYTES + 1];
	return strcmp(cert_key_id_hex(id, hex), demo_key_id) == 0;
}

char *cert_fingerprint(const uint8_t pk[CERT_PK_BYTES], char *out)
{
	uint8_t h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, pk, CERT_PK_BYTES);
	char hex[2 * sizeof(h) + 1];
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	size_t o = 0;
	for (size_t i = 0; i < 2 * sizeof(h); i++) {
		if (i && i % 4 == 0)
			out[o++] = ' ';
		out[o++] = hex[i];
	}
	out[o] = '\0';
	return out;
}

static void key_id_of(const uint8_t pk[CERT_PK_BYTES],
                      uint8_t id[CERT_KEY_ID_BYTES])
{
	uint8_t h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, pk, CERT_PK_BYTES);
	memcpy(id, h, CERT_KEY_ID_BYTES);
}

/* Writes one key file atomically; mode 0600 for a signing key. */
static int write_key_file(const char *path, bool secret, const char *text,
                          diags *d)
{
	outfile o;
	if (outfile_open(&o, path) != 0) {
		diag_error(d, NO_POS, "cannot write %s: %s", path,
		           output_strerror(errno));
		d->io_failed = true;
		return -1;
	}
	if (secret && fchmod(fileno(o.fp), 0600) != 0) {
		diag_error(d, NO_POS, "cannot make %s private: %s", path,
		           strerror(errno));
		d->io_failed = true;
		outfile_abort(&o);
		return -1;
	}
	fputs(text, o.fp);
	if (outfile_commit(&o) != 0) {
		diag_error(d, NO_POS, "cannot write %s: %s", path,
		           strerror(errno));
		d->io_failed = true;
		return -1;
	}
	return 0;
}

int cert_keygen(const char *name, bool test, diags *d)
{
	cert_init();
	char *kpath = xasprintf("%s.key", name);
	char *ppath = xasprintf("%s.pub", name);
	int rc = -1;
	if (path_entry_exists(kpath) || path_entry_exists(ppath)) {
		diag_error(d, NO_POS,
		           "%s or %s already exists; keygen never replaces a "
		           "key (remove it first, or choose another NAME)",
		           kpath, ppath);
		d->io_failed = true;
		goto out;
	}
	uint8_t seed[CERT_SEED_BYTES], pk[CERT_PK_BYTES];
	uint8_t *sk = sodium_malloc(crypto_sign_SECRETKEYBYTES);
	randombytes_buf(seed, sizeof(seed));
	crypto_sign_seed_keypair(pk, sk, seed);
	uint8_t id[CERT_KEY_ID_BYTES];
	key_id_of(pk, id);
	char hex[2 * CERT_KEY_ID_BYTES + 1];
	cert_key_id_hex(id, hex);
	char *s64 = cert_b64_encode(seed, sizeof(seed));
	char *p64 = cert_b64_encode(pk, sizeof(pk));
	char *stext = xasprintf(
	    "# vcsc Ed25519 signing key: keep it secret, never publish or "
	    "commit it\n"
	    "vcsc-signing-key 1\nid %s\ntest %s\nseed %s\n",
	    hex, test ? "yes" : "no", s64);
	char *ptext = xasprintf(
	    "# vcsc Ed25519 public key: verifies certificates and status "
	    "files%s\n"
	    "vcsc-public-key 1\nid %s\ntest %s\nkey %s\n",
	    test ? " (a TEST key: what it signs proves nothing)" : "", hex,
	    test ? "yes" : "no", p64);
	if (write_key_file(kpath, true, stext, d) == 0 &&
	    write_key_file(ppath, false, ptext, d) == 0)
		rc = 0;
	else
		unlink(kpath);
	sodium_memzero(seed, sizeof(seed));
	sodium_memzero(s64, strlen(s64));
	sodium_memzero(stext, strlen(stext));
	free(s64);
	free(p64);
	free(stext);
	free(ptext);
	sodium_free(sk);
out:
	free(kpath);
	free(ppath);
	return rc;
}

/* The value of field `name` at line *line of text, advancing. */
static const char *field(char **cur, const char *name, const char *file,
                         int *line, diags *d)
{
	char *s = *cur;
	while (*s == '#' || *s == '\n') { /* comments and blank lines */
		char *nl = strchr(s, '\n');
		(*line)++;
		s = nl ? nl + 1 : s + strlen(s);
	}
	char *nl = strchr(s, '\n');
	if (nl)
		*nl = '\0';
	size_t n = strlen(name);
	if (strncmp(s, name, n) != 0 || s[n] != ' ') {
		diag_error(d, pos_at(file, *line, 1),
		           "expected '%s VALUE' on this line of the key file",
		           name);
		return NULL;
	}
	*cur = nl ? nl + 1 : s + strlen(s);
	(*line)++;
	return s + n + 1;
}

void cert_key_free(cert_key *k)
{
	if (!k)
		return;
	if (k->sk)
		sodium_free(k->sk);
	free(k->path);
	free(k);
}

cert_key *cert_key_load(const char *path, bool secret, diags *d)
{
	cert_init();
	char *text = NULL;
	size_t len;
	if (read_file(path, 1 << 16, &text, &len) != 0) {
		diag_error(d, NO_POS, "cannot read the %s key %s: %s",
		           secret ? "signing" : "public", path,
		           errno ? strerror(errno) : "too large");
		d->io_failed = true;
		return NULL;
	}
	/* a public key's lines may be quoted in messages; a secret's never */
	const char *file = diags_source(
	    d, path, secret ? NULL : xstrndup(text, len), secret ? 0 : len);
	struct stat st;
	if (secret && stat(path, &st) == 0 && (st.st_mode & 077) &&
	    !strstr(text, "\ntest yes\n"))
		diag_warning(d, pos_at(file, 0, 0),
		             "the signing key can be read by others than its "
		             "owner (chmod 600 %s)",
		             path);
	cert_key *k = xcalloc(1, sizeof(*k));
	k->path = xstrdup(path);
	int line = 1;
	char *cur = text;
	const char *magic = secret ? "vcsc-signing-key" : "vcsc-public-key";
	const char *v = field(&cur, magic, file, &line, d);
	const char *id = v ? field(&cur, "id", file, &line, d) : NULL;
	const char *test = id ? field(&cur, "test", file, &line, d) : NULL;
	const char *key =
	    test ? field(&cur, secret ? "seed" : "key", file, &line, d) : NULL;
	if (!v) {
		if (!secret && strstr(text, "vcsc-signing-key"))
			diag_note(d, NO_POS,
			          "%s is a signing key; give the public one "
			          "(NAME.pub)",
			          path);
		else if (secret && strstr(text, "vcsc-public-key"))
			diag_note(d, NO_POS,
			          "%s is a public key; signing needs NAME.key",
			          path);
		goto fail;
	}
	if (!key)
		goto fail;
	if (strcmp(v, "1") != 0) {
		diag_error(d, pos_at(file, 1, (int)strlen(magic) + 2),
		           "key file version '%s' is not one this program "
		           "knows (1)",
		           v);
		goto fail;
	}
	if (strcmp(test, "yes") != 0 && strcmp(test, "no") != 0) {
		diag_error(d, pos_at(file, line - 2, 6),
		           "expected 'test yes' or 'test no'");
		goto fail;
	}
	k->test = strcmp(test, "yes") == 0;
	uint8_t raw[CERT_SEED_BYTES + 1];
	if (cert_b64_decode(key, strlen(key), raw, sizeof(raw)) != 32) {
		diag_error(d, pos_at(file, line - 1, secret ? 6 : 5),
		           "expected 32 bytes in base64url (43 characters)");
		goto fail;
	}
	if (secret) {
		k->sk = sodium_malloc(crypto_sign_SECRETKEYBYTES);
		crypto_sign_seed_keypair(k->pk, k->sk, raw);
		sodium_memzero(raw, sizeof(raw));
	} else {
		memcpy(k->pk, raw, CERT_PK_BYTES);
	}
	key_id_of(k->pk, k->id);
	char hex[2 * CERT_KEY_ID_BYTES + 1];
	if (strcmp(cert_key_id_hex(k->id, hex), id) != 0) {
		diag_error(d, pos_at(file, line - 3, 4),
		           "the key id '%s' does not belong to this key (it "
		           "is %s)",
		           id, hex);
		goto fail;
	}
	sodium_memzero(text, len);
	free(text);
	return k;
fail:
	sodium_memzero(text, len);
	free(text);
	cert_key_free(k);
	return NULL;
}

static int add_one(cert_keyring *r, const char *path, diags *d)
{
	cert_key *k = cert_key_load(path, false, d);
	if (!k)
		return -1;
	if (cert_keyring_find(r, k->id)) {
		cert_key_free(k);
		return 0;
	}
	r->keys = xrealloc(r->keys, (r->n + 1) * sizeof(*r->keys));
	r->keys[r->n++] = k;
	return 0;
}

int cert_keyring_add(cert_keyring *r, const char *path, diags *d)
{
	if (!is_dir(path))
		return add_one(r, path, d);
	char **names;
	size_t n;
	if (dir_names(path, false, &names, &n) != 0) {
		diag_error(d, NO_POS, "cannot read the key folder %s: %s", path,
		           strerror(errno));
		d->io_failed = true;
		return -1;
	}
	int rc = 0;
	size_t found = 0;
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(names[i]);
		if (l < 5 || strcmp(names[i] + l - 4, ".pub") != 0)
			continue;
		char *p = path_join(path, names[i]);
		rc |= add_one(r, p, d);
		free(p);
		found++;
	}
	names_free(names, n);
	if (!found) {
		diag_error(d, NO_POS,
		           "the key folder %s holds no public key "
		           "(NAME.pub)",
		           path);
		rc = -1;
	}
	return rc;
}

const cert_key *cert_keyring_find(const cert_keyring *r,
                                  const uint8_t id[CERT_KEY_ID_BYTES])
{
	for (size_t i = 0; i < r->n; i++)
		if (memcmp(r->keys[i]->id, id, CERT_KEY_ID_BYTES) == 0)
			return r->keys[i];
	return NULL;
}

void cert_keyring_free(cert_keyring *r)
{
	for (size_t i = 0; i < r->n; i++)
		cert_key_free(r->keys[i]);
	free(r->keys);
	r->keys = NULL;
	r->n = 0;
}
