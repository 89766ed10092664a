/*
 * cmd_export.c - `vcsc export VERSION-DIR [--format json] [-o FILE]`: a
 * catalogue version as canonical JSON (backend/export.c).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "backend/export.h"
#include "cli.h"

static const char export_help[] =
    "Usage: vcsc export VERSION-DIR [--format json] [-o FILE]\n"
    "\n"
    "Write a catalogue version (a directory such as catalogue/vcsa/1.1, or\n"
    "an id such as vcsa/1.1 under --catalogue) as canonical JSON: fixed key\n"
    "order (docs/json-export.md), byte-identical across runs. The version\n"
    "must check without errors.\n"
    "\n"
    "Options:\n"
    "  --format FMT      json (default)\n"
    "  -o, --output FILE write to FILE (atomically) instead of stdout\n"
    "  --catalogue DIR   catalogue root holding scheme.yaml\n"
    "  -h, --help        show this help\n";

int cmd_export(int argc, char **argv)
{
	static const struct option opts[] = {
	    CLI_OPT_CATALOGUE,
	    {"format", required_argument, NULL, 'f'},
	    CLI_OPT_OUTPUT,
	    CLI_OPT_HELP,
	    CLI_OPT_END};
	cli c;
	cli_init(&c);
	const char *out = NULL;
	int opt, rc = EXIT_OK;
	while ((opt = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'C':
			c.catalogue_root = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "json") != 0) {
				cli_free(&c);
				return cli_usage("export",
				                 "unknown format '%s' "
				                 "(json)",
				                 optarg);
			}
			break;
		case 'o':
			out = optarg;
			break;
		case 'h':
			return cli_help(&c, export_help);
		default:
			return cli_refuse_option(&c, "export", argv, "o:h");
		}
	}
	if (argc - optind != 1) {
		cli_free(&c);
		return cli_usage("export", "expected one VERSION-DIR");
	}
	char *dir = cli_version_dir(&c, argv[optind]);
	vc_version *v = cli_version(&c, dir);
	free(dir);
	if (!v) {
		cli_print_diags(&c);
		rc = cli_status(&c);
		cli_free(&c);
		return rc;
	}
	cli_print_diags(&c); /* warnings first: stdout may hold the JSON */
	export_write(v, out, &c.d);
	cli_print_diags(&c);
	rc = cli_status(&c);
	model_version_free(v);
	cli_free(&c);
	return rc;
}
