/*
 * main.c - vcsc, the ENX VCS catalogue compiler: command dispatch.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "base/md.h"

static const char main_help[] =
    "Usage: vcsc COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "Compile the ENX VCSA criteria catalogue and audit results into the\n"
    "documents of the ENX VCS audit scheme.\n"
    "\n"
    "Commands:\n"
    "  check PATH...        validate catalogue versions, the scheme, audit\n"
    "                       files and self-assessments\n"
    "  export VERSION-DIR   write a catalogue version as canonical JSON\n"
    "  questionnaire VERSION-DIR\n"
    "                       the self-assessment questionnaire as PDF, or\n"
    "                       blank to fill in (--format yaml|csv|xlsx)\n"
    "  site -o DIR          build the criteria website from every version\n"
    "  diff OLD NEW         the change log between two catalogue versions\n"
    "  new-version DIR ID   start the next version as a draft copy\n"
    "  release VERSION      release a draft that checks clean against its\n"
    "                       predecessor\n"
    "  decide AUDIT.yaml    the label outcome of an audit per objective\n"
    "  report AUDIT.yaml -o FILE.pdf\n"
    "                       the audit report that the lead auditor signs\n"
    "  certificate AUDIT.yaml\n"
    "                       the label certificate of an audit (PDF)\n"
    "  keygen -o NAME       a key pair for signing label certificates\n"
    "  verify TOKEN|PDF     check a label certificate offline\n"
    "  revoke TOKEN         revoke a certificate (the signed status file)\n"
    "  supersede OLD NEW    mark a certificate superseded by a later one\n"
    "  import FILLED.csv|.xlsx -o FILE.yaml\n"
    "                       read a filled self-assessment back as YAML\n"
    "  migrate FILE.yaml --to VERSION -o NEW.yaml\n"
    "                       carry a self-assessment to another version\n"
    "\n"
    "Options:\n"
    "  -h, --help           show this help (vcsc COMMAND --help for one "
    "command)\n"
    "  -V, --version        show the version\n"
    "\n"
    "Exit status: 0 success, 1 errors in the input, 2 usage or I/O "
    "failure.\n"
    "See vcsc(1) for the file formats.\n";

typedef struct command {
	const char *name;
	int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
    {"check", cmd_check},
    {"export", cmd_export},
    {"questionnaire", cmd_questionnaire},
    {"site", cmd_site},
    {"diff", cmd_diff},
    {"new-version", cmd_new_version},
    {"release", cmd_release},
    {"decide", cmd_decide},
    {"report", cmd_report},
    {"certificate", cmd_certificate},
    {"keygen", cmd_keygen},
    {"verify", cmd_verify},
    {"revoke", cmd_revoke},
    {"supersede", cmd_supersede},
    {"import", cmd_import},
    {"migrate", cmd_migrate},
};

int main(int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(NULL, "missing command");
	const char *cmd = argv[1];
	opterr = 0; /* commands report refused options themselves */
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
	    strcmp(cmd, "help") == 0) {
		fputs(main_help, stdout);
		return cli_stdout_status(EXIT_OK);
	}
	if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
		printf("vcsc %s\n", VCSC_VERSION);
		return cli_stdout_status(EXIT_OK);
	}
	for (size_t i = 0; i < COUNT_OF(commands); i++) {
		if (strcmp(commands[i].name, cmd) == 0) {
			int rc = commands[i].run(argc - 1, argv + 1);
			rc = cli_stdout_status(rc);
			md_cleanup();
			return rc;
		}
	}
	const char *names[COUNT_OF(commands)];
	for (size_t i = 0; i < COUNT_OF(commands); i++)
		names[i] = commands[i].name;
	const char *sg = suggest(cmd, names, COUNT_OF(commands));
	if (sg)
		return cli_usage(NULL,
		                 "unknown command '%s'; did you mean "
		                 "'%s'?",
		                 cmd, sg);
	return cli_usage(NULL, "unknown command '%s'", cmd);
}
