/*
 * cmd_release.c - `vcsc release VERSION [--date YYYY-MM-DD]`: release a
 * draft once it checks clean against its predecessor (edit/release.c).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "edit/release.h"
#include "front/fields.h"

static const char release_help[] =
    "Usage: vcsc release VERSION [--date YYYY-MM-DD]\n"
    "\n"
    "Release a draft catalogue version: VERSION is its directory\n"
    "(catalogue/vcsa/1.2) or an id such as vcsa/1.2. The version is\n"
    "checked, and against its predecessor as 'vcsc check' does; while\n"
    "any of these warnings remain, nothing is changed: a question or\n"
    "requirement of the predecessor gone without being withdrawn, a uid\n"
    "that changed while the text stayed, a reworded text whose\n"
    "translation into a complete language did not change, a change\n"
    "without a change_note, no summary. Otherwise 'status: released' and\n"
    "'released: DATE' are set in its version.yaml, in place: every other\n"
    "byte, comments and layout stay, and the file is replaced at once.\n"
    "\n"
    "Options:\n"
    "  --date DATE       the release date, YYYY-MM-DD (default: today, in\n"
    "                    UTC; SOURCE_DATE_EPOCH, if set, gives the day)\n"
    "  --catalogue DIR   catalogue root holding scheme.yaml\n"
    "  --color WHEN      auto (default), always or never\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 released, 1 refused (errors or warnings above, a\n"
    "version released already), 2 usage or I/O failure.\n";

/* Today (or the day of SOURCE_DATE_EPOCH) as YYYY-MM-DD, in UTC. */
static void today(char out[11])
{
	time_t t = time(NULL);
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		long long v = strtoll(sde, &end, 10);
		if (!*end && v >= 0)
			t = (time_t)v;
	}
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

int cmd_release(int argc, char **argv)
{
	static const struct option opts[] = {
	    CLI_OPT_CATALOGUE,
	    {"date", required_argument, NULL, 'd'},
	    {"color", required_argument, NULL, 'c'},
	    CLI_OPT_HELP,
	    CLI_OPT_END};
	cli c;
	cli_init(&c);
	const char *date = NULL;
	int opt;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'C':
			c.catalogue_root = optarg;
			break;
		case 'd':
			date = optarg;
			break;
		case 'c':
			if (cli_parse_color(&c, optarg) != 0) {
				cli_free(&c);
				return cli_usage("release",
				                 "--color takes auto, "
				                 "always or never");
			}
			break;
		case 'h':
			return cli_help(&c, release_help);
		default:
			return cli_refuse_option(&c, "release", argv, "h");
		}
	}
	if (argc - optind != 1) {
		cli_free(&c);
		return cli_usage("release", "expected one VERSION");
	}
	char day[11];
	if (!date) {
		today(day);
		date = day;
	}
	char *why = fld_date_problem(date);
	if (why) {
		cli_free(&c);
		int rc = cli_usage("release", "--date %s", why);
		free(why);
		return rc;
	}
	char *dir = cli_version_dir(&c, argv[optind]);
	vc_version *v = cli_version(&c, dir);
	free(dir);
	diags quiet;
	diags_init(&quiet);
	const char *pwhy = NULL;
	vc_version *pred = v ? cli_predecessor(v, &quiet, &pwhy) : NULL;
	if (v && !pred && pwhy)
		diag_error(&c.d, v->predecessor_pos,
		           "cannot check %s against its predecessor %s: %s",
		           v->key, v->predecessor, pwhy);
	else if (v && release_write(v, pred, date, &c.d) == 0)
		printf("%s: released %s on %s\n", v->dir, v->key, date);
	cli_print_diags(&c);
	cli_print_summary(&c);
	int rc = cli_status(&c);
	model_version_free(pred);
	diags_free(&quiet);
	model_version_free(v);
	cli_free(&c);
	return rc;
}
