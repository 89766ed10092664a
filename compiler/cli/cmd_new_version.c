/*
 * cmd_new_version.c - `vcsc new-version VERSION-DIR NEW-ID`: start the next
 * catalogue version as a draft copy (edit/newversion.c).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "edit/newversion.h"

static const char new_version_help[] =
    "Usage: vcsc new-version VERSION-DIR NEW-ID\n"
    "\n"
    "Start the next version of a catalogue: copy VERSION-DIR (such as\n"
    "catalogue/vcsa/1.1, or an id such as vcsa/1.1) to the sibling\n"
    "directory NEW-ID (catalogue/vcsa/1.2) as a draft. Every uid is kept;\n"
    "change notes, the release date and the summary are cleared; the\n"
    "predecessor is set to the copied version. Comments and layout of the\n"
    "sources are kept. An existing NEW-ID directory is never overwritten.\n"
    "New questions and requirements added to the draft get their uids\n"
    "from 'vcsc check --fix-ids'.\n"
    "\n"
    "Options:\n"
    "  --catalogue DIR   catalogue root holding scheme.yaml\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 created, 1 the version has errors, 2 usage or I/O\n"
    "failure (including an existing NEW-ID).\n";

int cmd_new_version(int argc, char **argv)
{
	static const struct option opts[] = {CLI_OPT_CATALOGUE, CLI_OPT_HELP,
	                                     CLI_OPT_END};
	cli c;
	cli_init(&c);
	int opt;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'C':
			c.catalogue_root = optarg;
			break;
		case 'h':
			return cli_help(&c, new_version_help);
		default:
			return cli_refuse_option(&c, "new-version", argv, "h");
		}
	}
	if (argc - optind != 2) {
		cli_free(&c);
		return cli_usage("new-version",
		                 "expected VERSION-DIR and NEW-ID");
	}
	/* The loader's own rule, so that a version made here also checks
	 * and builds a site; a wrong NEW-ID is a wrong argument (status 2),
	 * not an error in the catalogue. */
	const char *new_id = argv[optind + 1];
	const char *problem = model_version_id_problem(new_id);
	if (problem) {
		cli_free(&c);
		return cli_usage("new-version", "version id '%s' %s", new_id,
		                 problem);
	}
	char *dir = cli_version_dir(&c, argv[optind]);
	vc_version *v = cli_version(&c, dir);
	free(dir);
	char *made = NULL;
	if (v && newversion_write(v, new_id, &made, &c.d) == 0)
		printf("%s: new draft version %s/%s (predecessor %s)\n", made,
		       v->catalogue, new_id, v->version);
	cli_print_diags(&c);
	int rc = cli_status(&c);
	free(made);
	model_version_free(v);
	cli_free(&c);
	return rc;
}
