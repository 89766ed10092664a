/*
 * cli_cert.c - what the certificate commands (certificate, verify,
 * revoke, supersede) share: where the signing key, the public keys and
 * the status file come from, and reading a token given as text or as a
 * certificate PDF.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/files.h"
#include "cli.h"

cert_key *cli_signing_key(cli *c, const char *cmd, const char *opt)
{
	const char *path = opt;
	if (!path || !*path)
		path = getenv("VCSC_SIGNING_KEY");
	if (!path || !*path) {
		cli_usage(cmd, "no signing key: give --key FILE or set "
		               "VCSC_SIGNING_KEY to the key file (vcsc keygen "
		               "makes one)");
		c->d.io_failed = true;
		return NULL;
	}
	return cert_key_load(path, true, &c->d);
}

const char *cli_status_path(const char *opt)
{
	if (opt && *opt)
		return opt;
	const char *env = getenv("VCSC_STATUS");
	return env && *env ? env : NULL;
}

int cli_public_keys(cli *c, cert_keyring *r, char **paths, size_t n)
{
	int rc = 0;
	for (size_t i = 0; i < n; i++)
		rc |= cert_keyring_add(r, paths[i], &c->d);
	if (n)
		return rc;
	const char *env = getenv("VCSC_PUBLIC_KEYS");
	if (env && *env)
		return cert_keyring_add(r, env, &c->d);
	/* the demo key, which proves nothing, so that a demo certificate
	 * can be checked out of the box */
	char *data = cli_data_dir();
	char *dir = path_join(data, "examples/keys");
	free(data);
	if (is_dir(dir))
		rc = cert_keyring_add(r, dir, &c->d);
	free(dir);
	return rc;
}

char *cli_token_arg(cli *c, const char *arg)
{
	size_t l = strlen(arg);
	if ((l > 4 && strcmp(arg + l - 4, ".pdf") == 0) || is_file(arg))
		return cert_pdf_token(arg, &c->d);
	return xstrdup(arg);
}

int cli_token_hash(cli *c, const cert_key *key, const char *token,
                   const char *what, char *hash)
{
	cert_keyring ring = {0};
	cert_key pub = *key;
	pub.sk = NULL;
	cert_key *pk = &pub;
	ring.keys = &pk;
	ring.n = 1;
	arena *a = arena_new();
	cert_facts f;
	const char *why;
	cert_token_status ts = cert_token_decode(token, &ring, a, &f, &why);
	arena_free(a);
	if (ts == CERT_TOKEN_MALFORMED || ts == CERT_TOKEN_BAD_SIGNATURE) {
		diag_error(&c->d, NO_POS,
		           "the %s is not a genuine certificate "
		           "token: %s",
		           what, why);
		return -1;
	}
	if (ts == CERT_TOKEN_UNKNOWN_KEY)
		diag_warning(&c->d, NO_POS,
		             "the %s was signed with another key than the "
		             "status file's",
		             what);
	cert_token_hash(token, hash);
	return 0;
}

int cli_status_update(cli *c, const char *cmd, const cert_key *key,
                      const char *status_opt, const cert_status_entry *e)
{
	const char *path = cli_status_path(status_opt);
	if (!path)
		return cli_usage(cmd, "no status file: give --status FILE or "
		                      "set VCSC_STATUS (a new file is started "
		                      "where none is)");
	cert_status st;
	if (cert_status_load(&st, path, true, NULL, key, &c->d) < 0)
		return cli_status(c) == EXIT_OK ? EXIT_INPUT : cli_status(c);
	bool changed = cert_status_put(&st, e);
	const char *what = e->kind == CERT_REVOKED ? "revoked" : "superseded";
	if (!changed)
		printf("%s: already says %.16s... is %s; nothing changed\n",
		       path, e->hash, what);
	else if (cert_status_write(&st, key, path, &c->d) == 0)
		printf("%s: %.16s... %s (%zu entr%s, signed with key %s)\n",
		       path, e->hash, what, st.n, st.n == 1 ? "y" : "ies",
		       cert_key_id_hex(key->id, (char[17]){0}));
	cert_status_free(&st);
	return cli_status(c);
}
