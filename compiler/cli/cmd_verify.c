/*
 * cmd_verify.c - `vcsc verify TOKEN|cert.pdf [--public-key FILE]
 * [--status FILE] [--as-of DATE]`: the facts a certificate token states
 * and one verdict on it (cert/verify.c).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

static const char verify_help[] =
    "Usage: vcsc verify TOKEN|cert.pdf [--public-key FILE] [--status FILE]\n"
    "                   [--as-of DATE]\n"
    "\n"
    "Check a label certificate offline: its token (printed on the\n"
    "certificate, and after the # of its verification address), or the\n"
    "certificate PDF that vcsc certificate wrote (the token is read from\n"
    "its Info dictionary). Prints the facts the token states and one\n"
    "verdict: valid, temporary (a temporary label in force), expired,\n"
    "revoked, superseded or invalid (changed, not genuine, or signed with\n"
    "a key not given); \"signed with the test key\" is added for a\n"
    "certificate signed with a public test key, which proves nothing.\n"
    "\n"
    "Options:\n"
    "  --public-key FILE  a public key (NAME.pub) or a folder of them to\n"
    "                     trust (repeatable); default: $VCSC_PUBLIC_KEYS,\n"
    "                     else the demo key in examples/keys/\n"
    "  --status FILE      the signed status file of revoked and superseded\n"
    "                     certificates (default: $VCSC_STATUS; none: not\n"
    "                     checked, and the output says so)\n"
    "  --as-of DATE       the day to judge expiry on (YYYY-MM-DD); default:\n"
    "                     the day of SOURCE_DATE_EPOCH, else today (UTC)\n"
    "  -h, --help         show this help\n"
    "\n"
    "Exit status: 0 valid or temporary; 1 expired, revoked, superseded or\n"
    "invalid; 2 usage errors and I/O failures (an unreadable file, a status\n"
    "file whose signature fails).\n";

static void print_facts(const cert_facts *f)
{
	char d[11], hex[2 * CERT_KEY_ID_BYTES + 1];
	printf("participant:     %s\n", f->participant);
	printf("scope:           %s", f->scope_id);
	for (size_t i = 0; i < f->nlocations; i++)
		printf("%s%s", i ? "; " : " (", f->locations[i]);
	printf("%s\n", f->nlocations ? ")" : "");
	for (size_t i = 0; i < f->nlabels; i++) {
		const cert_label *l = &f->labels[i];
		printf(
		    "%s%s, %s, valid through %s\n",
		    i ? "                 " : "label:           ", l->objective,
		    l->kind == CERT_FULL ? "full" : "temporary",
		    cert_day_format(l->expires, d));
	}
	printf("catalogue:       %s\n", f->catalogue);
	printf("audit provider:  %s\n", f->provider);
	printf("audit:           %s\n", f->audit_id);
	printf("issued:          %s\n", cert_day_format(f->issued, d));
	printf("signed with key: %s%s\n", cert_key_id_hex(f->key_id, hex),
	       f->test_key ? " (a public TEST key)" : "");
}

int cmd_verify(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"public-key", required_argument, NULL, 'k'},
	    {"status", required_argument, NULL, 's'},
	    {"as-of", required_argument, NULL, 'a'},
	    CLI_OPT_HELP,
	    CLI_OPT_END};
	cli c;
	cli_init(&c);
	char **keys = xcalloc((size_t)argc + 1, sizeof(char *));
	size_t nkeys = 0;
	const char *status_opt = NULL, *as_of_s = NULL;
	int opt;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'k':
			keys[nkeys++] = optarg;
			break;
		case 's':
			status_opt = optarg;
			break;
		case 'a':
			as_of_s = optarg;
			break;
		case 'h':
			free(keys);
			return cli_help(&c, verify_help);
		default:
			free(keys);
			return cli_refuse_option(&c, "verify", argv, "h");
		}
	}
	cert_day as_of = 0;
	bool today = false;
	int rc = EXIT_OK;
	if (argc - optind != 1)
		rc = cli_usage("verify", "expected one TOKEN or cert.pdf");
	else if (as_of_s && cert_day_parse(as_of_s, &as_of) < 0)
		rc = cli_usage("verify",
		               "--as-of '%s' is not a date; expected "
		               "YYYY-MM-DD, such as 2026-03-31",
		               as_of_s);
	if (rc) {
		free(keys);
		cli_free(&c);
		return rc;
	}
	if (!as_of)
		as_of = cert_day_from_epoch();
	if (!as_of) {
		as_of = (cert_day)(time(NULL) / 86400);
		today = true;
	}
	cert_keyring ring = {0};
	cert_status st = {0};
	const char *spath = cli_status_path(status_opt);
	char *token = NULL;
	arena *a = arena_new();
	if (cli_public_keys(&c, &ring, keys, nkeys) < 0 ||
	    (spath &&
	     cert_status_load(&st, spath, false, &ring, NULL, &c.d) < 0) ||
	    !(token = cli_token_arg(&c, argv[optind]))) {
		cli_print_diags(&c);
		rc = EXIT_TROUBLE;
		goto out;
	}
	cli_print_diags(&c);
	cert_verdict v;
	cert_verify(token, &ring, spath ? &st : NULL, as_of, a, &v);
	if (v.facts_read)
		print_facts(&v.facts);
	char d[11], hex[2 * CERT_KEY_ID_BYTES + 1];
	if (spath)
		printf("status list:     %s (%zu entr%s, signed with key "
		       "%s%s)\n",
		       spath, st.n, st.n == 1 ? "y" : "ies",
		       cert_key_id_hex(st.key_id, hex),
		       st.test_key ? ", a TEST key" : "");
	else
		printf("status list:     not checked (no --status): a revoked "
		       "or superseded certificate is not recognised\n");
	printf("as of:           %s%s\n", cert_day_format(as_of, d),
	       today ? " (today)" : "");
	printf("verdict:         %s%s (%s)\n", cert_verdict_name(v.kind),
	       v.test_key ? ", signed with the test key: proves nothing" : "",
	       v.detail);
	rc = v.kind == CERT_VALID || v.kind == CERT_VERDICT_TEMPORARY
	         ? EXIT_OK
	         : EXIT_INPUT;
out:
	free(token);
	arena_free(a);
	cert_status_free(&st);
	cert_keyring_free(&ring);
	free(keys);
	cli_free(&c);
	return rc;
}
