/*
 * cmd_supersede.c - `vcsc supersede OLD NEW`: marks a certificate on the
 * signed status list as superseded by a later one (cert/status.c).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char supersede_help[] =
    "Usage: vcsc supersede OLD NEW [--status FILE] [--key FILE]\n"
    "\n"
    "Mark the certificate OLD as superseded by NEW (a later certificate of\n"
    "the same scope), each given as a token or a certificate PDF, in the\n"
    "signed status file. Both are named there by the SHA-256 of their\n"
    "tokens only; the file is signed again with the signing key.\n"
    "\n"
    "Options:\n"
    "  --status FILE   the status file (default: $VCSC_STATUS); started\n"
    "                  when it does not exist\n"
    "  --key FILE      the signing key (default: $VCSC_SIGNING_KEY)\n"
    "  -h, --help      show this help\n"
    "\n"
    "Exit status: 0 done; 1 a token that is not genuine, OLD and NEW the\n"
    "same, or a status file that is not valid; 2 usage errors and I/O\n"
    "failures.\n";

int cmd_supersede(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"status", required_argument, NULL, 's'},
	    {"key", required_argument, NULL, 'k'},
	    CLI_OPT_HELP,
	    CLI_OPT_END};
	cli c;
	cli_init(&c);
	const char *status_opt = NULL, *key_opt = NULL;
	int opt;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			status_opt = optarg;
			break;
		case 'k':
			key_opt = optarg;
			break;
		case 'h':
			return cli_help(&c, supersede_help);
		default:
			return cli_refuse_option(&c, "supersede", argv, "h");
		}
	}
	if (argc - optind != 2) {
		cli_free(&c);
		return cli_usage("supersede", "expected OLD and NEW (tokens or "
		                              "certificate PDFs)");
	}
	int rc;
	cert_key *key = cli_signing_key(&c, "supersede", key_opt);
	char *old = key ? cli_token_arg(&c, argv[optind]) : NULL;
	char *new = old ? cli_token_arg(&c, argv[optind + 1]) : NULL;
	cert_status_entry e = {0};
	e.kind = CERT_SUPERSEDED;
	if (!new || cli_token_hash(&c, key, old, "OLD token", e.hash) < 0 ||
	    cli_token_hash(&c, key, new, "NEW token", e.by) < 0) {
		rc = cli_status(&c);
	} else if (strcmp(e.hash, e.by) == 0) {
		diag_error(&c.d, NO_POS,
		           "OLD and NEW are the same certificate");
		rc = EXIT_INPUT;
	} else {
		rc = cli_status_update(&c, "supersede", key, status_opt, &e);
	}
	cli_print_diags(&c);
	free(old);
	free(new);
	cert_key_free(key);
	cli_free(&c);
	return rc;
}
