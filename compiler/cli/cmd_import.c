/*
 * cmd_import.c - `vcsc import FILLED.csv|FILLED.xlsx -o FILE.yaml`: a
 * self-assessment filled in a spreadsheet read back as YAML
 * (selfassess/import.c).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "selfassess/selfassess.h"

static const char import_help[] =
    "Usage: vcsc import FILLED.csv|FILLED.xlsx -o SELF-ASSESSMENT.yaml\n"
    "\n"
    "Read a self-assessment filled in the CSV or XLSX that 'vcsc\n"
    "questionnaire --format csv|xlsx' wrote back, and write it as YAML\n"
    "(docs/self-assessment-format.md). Answers may be given as the\n"
    "scheme's answer ids, their titles, or a maturity level's number.\n"
    "Every bad cell is reported with its place (answers.xlsx:Questions!D14,\n"
    "or the CSV's line and column); nothing is written on error.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE the YAML to write (required; written atomically)\n"
    "  --catalogue DIR   catalogue root holding the version the file names\n"
    "                    (default ./catalogue)\n"
    "  --color WHEN      auto (default), always or never\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 written; 1 errors in the file; 2 usage errors and I/O\n"
    "failures.\n";

int cmd_import(int argc, char **argv)
{
	static const struct option opts[] = {
	    CLI_OPT_CATALOGUE,
	    CLI_OPT_OUTPUT,
	    {"color", required_argument, NULL, 'c'},
	    CLI_OPT_HELP,
	    CLI_OPT_END};
	cli c;
	cli_init(&c);
	const char *out = NULL;
	int opt;
	while ((opt = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'C':
			c.catalogue_root = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'c':
			if (cli_parse_color(&c, optarg) != 0) {
				cli_free(&c);
				return cli_usage("import",
				                 "--color takes auto, "
				                 "always or never");
			}
			break;
		case 'h':
			return cli_help(&c, import_help);
		default:
			return cli_refuse_option(&c, "import", argv, "o:h");
		}
	}
	if (argc - optind != 1 || !out) {
		cli_free(&c);
		return cli_usage("import", argc - optind != 1
		                               ? "expected one FILLED.csv or "
		                                 "FILLED.xlsx"
		                               : "missing -o FILE.yaml");
	}
	sa_load_options o = {c.catalogue_root};
	selfassess *sa = sa_import(argv[optind], &o, &c.d);
	if (sa)
		sa_write_yaml(sa, out, &c.d);
	cli_print_diags(&c);
	cli_print_summary(&c);
	int rc = cli_status(&c);
	sa_free(sa);
	cli_free(&c);
	return rc;
}
