/*
 * cmd_keygen.c - `vcsc keygen -o NAME [--test]`: a new Ed25519 key pair
 * for signing certificates and status files (cert/keys.c).
 */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"

static const char keygen_help[] =
    "Usage: vcsc keygen -o NAME [--test]\n"
    "\n"
    "Make a new Ed25519 key pair for signing label certificates and the\n"
    "status file: NAME.key, the signing key (readable by its owner only;\n"
    "keep it secret, never commit or publish it), and NAME.pub, the public\n"
    "key that relying parties verify with (publish it with vcsc site\n"
    "--public-key). Neither file is replaced if it exists. The key id (the\n"
    "first 8 bytes of the public key's SHA-256) goes into every token, so\n"
    "that keys can be rotated.\n"
    "\n"
    "Options:\n"
    "  -o, --output NAME  the key pair to write: NAME.key and NAME.pub\n"
    "  --test             mark the pair as a test key: everything it signs\n"
    "                     says that it proves nothing\n"
    "  -h, --help         show this help\n"
    "\n"
    "Exit status: 0 written; 2 usage errors and I/O failures (a file that\n"
    "exists, an unwritable folder).\n";

int cmd_keygen(int argc, char **argv)
{
	static const struct option opts[] = {CLI_OPT_OUTPUT,
	                                     {"test", no_argument, NULL, 't'},
	                                     CLI_OPT_HELP,
	                                     CLI_OPT_END};
	cli c;
	cli_init(&c);
	const char *out = NULL;
	bool test = false;
	int opt;
	while ((opt = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'o':
			out = optarg;
			break;
		case 't':
			test = true;
			break;
		case 'h':
			return cli_help(&c, keygen_help);
		default:
			return cli_refuse_option(&c, "keygen", argv, "o:h");
		}
	}
	int rc;
	if (optind != argc)
		rc = cli_usage("keygen",
		               "unexpected argument '%s' (the key "
		               "pair is named with -o NAME)",
		               argv[optind]);
	else if (!out)
		rc = cli_usage("keygen", "missing -o NAME");
	else {
		cert_keygen(out, test, &c.d);
		rc = cli_status(&c);
		if (rc == EXIT_OK && !c.quiet)
			printf("wrote %s.key (secret) and %s.pub\n", out, out);
	}
	cli_print_diags(&c);
	cli_free(&c);
	return rc;
}
