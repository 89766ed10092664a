/*
 * cmd_revoke.c - `vcsc revoke TOKEN --reason TEXT`: puts a certificate
 * on the signed status list as revoked (cert/status.c).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char revoke_help[] =
    "Usage: vcsc revoke TOKEN|cert.pdf --reason TEXT [--status FILE]\n"
    "                   [--key FILE]\n"
    "\n"
    "Revoke a label certificate: add it to the signed status file, where\n"
    "vcsc verify and the website's verify page find it. The status file\n"
    "names the certificate by the SHA-256 of its token only (never the\n"
    "participant or the scope); it is signed again with the signing key.\n"
    "The same token revoked again with the same reason changes nothing.\n"
    "\n"
    "Options:\n"
    "  --reason TEXT   why, in one line (published in the status file:\n"
    "                  name no participant)\n"
    "  --status FILE   the status file (default: $VCSC_STATUS); started\n"
    "                  when it does not exist\n"
    "  --key FILE      the signing key (default: $VCSC_SIGNING_KEY)\n"
    "  -h, --help      show this help\n"
    "\n"
    "Exit status: 0 done; 1 a token that is not genuine, or a status file\n"
    "that is not valid; 2 usage errors and I/O failures.\n";

int cmd_revoke(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"reason", required_argument, NULL, 'r'},
	    {"status", required_argument, NULL, 's'},
	    {"key", required_argument, NULL, 'k'},
	    CLI_OPT_HELP,
	    CLI_OPT_END};
	cli c;
	cli_init(&c);
	const char *reason = NULL, *status_opt = NULL, *key_opt = NULL;
	int opt;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'r':
			reason = optarg;
			break;
		case 's':
			status_opt = optarg;
			break;
		case 'k':
			key_opt = optarg;
			break;
		case 'h':
			return cli_help(&c, revoke_help);
		default:
			return cli_refuse_option(&c, "revoke", argv, "h");
		}
	}
	int rc = EXIT_OK;
	if (argc - optind != 1)
		rc = cli_usage("revoke", "expected one TOKEN or cert.pdf");
	else if (!reason || !*reason)
		rc = cli_usage("revoke", "missing --reason TEXT");
	else if (strpbrk(reason, "\n\r\t") ||
	         utf8_validate((const unsigned char *)reason, strlen(reason)) !=
	             strlen(reason))
		rc = cli_usage("revoke", "--reason must be one line of text");
	if (rc) {
		cli_free(&c);
		return rc;
	}
	cert_key *key = cli_signing_key(&c, "revoke", key_opt);
	char *token = key ? cli_token_arg(&c, argv[optind]) : NULL;
	cert_status_entry e = {0};
	e.kind = CERT_REVOKED;
	e.reason = (char *)reason;
	if (!token)
		rc = cli_status(&c);
	else if (cli_token_hash(&c, key, token, "token", e.hash) < 0)
		rc = cli_status(&c);
	else
		rc = cli_status_update(&c, "revoke", key, status_opt, &e);
	cli_print_diags(&c);
	free(token);
	cert_key_free(key);
	cli_free(&c);
	return rc;
}
