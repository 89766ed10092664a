/*
 * cmd_report.c - `vcsc report AUDIT.yaml [--catalogue DIR] [--paper
 * a4|letter] -o report.pdf [--draft]`: the audit report that the lead
 * auditor signs (backend/report.c), from the audit file and the label
 * decision (audit/).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "audit/audit.h"
#include "backend/report.h"
#include "base/files.h"
#include "cli.h"

static const char report_help[] =
    "Usage: vcsc report AUDIT.yaml [--catalogue DIR] [--paper a4|letter]\n"
    "                   -o FILE.pdf [--draft]\n"
    "\n"
    "Write the audit report of an audit file as PDF, in the audit's\n"
    "language: a cover (participant, scope, objectives, provider, dates,\n"
    "report id and revision, the classification), a management summary\n"
    "with the label outcome per objective (as vcsc decide gives it) and\n"
    "its validity, scope, audit team, method and sampled projects, the\n"
    "results per chapter with a chart of conformity, the findings by class\n"
    "beside their requirements, the corrective-action plan, a signature\n"
    "block for the lead auditor and every verdict in an appendix. The\n"
    "report is confidential: write it outside any folder that is\n"
    "published.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE the PDF to write (required; written atomically)\n"
    "  --draft           mark every page as a draft; the only way to\n"
    "                    report an audit in progress (verdicts missing)\n"
    "  --paper SIZE      a4 (default) or letter\n"
    "  --catalogue DIR   catalogue root holding scheme.yaml, providers.yaml\n"
    "                    and the audited version (default ./catalogue)\n"
    "  --templates DIR   templates directory (default: "
    "$VCSC_DATADIR/templates,\n"
    "                    else templates/ beside the vcsc program or up to two\n"
    "                    levels above it, else ./templates)\n"
    "  --color WHEN      auto (default), always or never, for diagnostics\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 written; 1 errors in the audit (as vcsc check reports\n"
    "them; without --draft an incomplete audit is one), or an audit whose\n"
    "label cannot be decided; 2 usage errors and I/O failures. Nothing is\n"
    "written unless the status is 0.\n";

int cmd_report(int argc, char **argv)
{
	static const struct option opts[] = {
	    CLI_OPT_CATALOGUE,
	    CLI_OPT_OUTPUT,
	    {"paper", required_argument, NULL, 'p'},
	    {"draft", no_argument, NULL, 'd'},
	    {"templates", required_argument, NULL, 'T'},
	    {"color", required_argument, NULL, 'c'},
	    CLI_OPT_HELP,
	    CLI_OPT_END};
	cli c;
	cli_init(&c);
	const char *out = NULL, *paper_s = "a4", *tdir_opt = NULL;
	bool draft = false;
	int opt, rc = EXIT_OK;
	while ((opt = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'C':
			c.catalogue_root = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'p':
			paper_s = optarg;
			break;
		case 'd':
			draft = true;
			break;
		case 'T':
			tdir_opt = optarg;
			break;
		case 'c':
			if (cli_parse_color(&c, optarg) != 0) {
				cli_free(&c);
				return cli_usage("report",
				                 "--color takes auto, "
				                 "always or never");
			}
			break;
		case 'h':
			return cli_help(&c, report_help);
		default:
			return cli_refuse_option(&c, "report", argv, "o:h");
		}
	}
	pdf_paper paper;
	if (argc - optind != 1)
		rc = cli_usage("report", "expected one AUDIT.yaml");
	else if (!out)
		rc = cli_usage("report", "missing -o FILE.pdf");
	else if (pdf_paper_parse(paper_s, &paper) < 0)
		rc = cli_usage("report",
		               "unknown paper size '%s' (a4 or letter)",
		               paper_s);
	if (rc) {
		cli_free(&c);
		return rc;
	}
	const char *path = argv[optind];
	vc_audit *a = NULL;
	if (!is_file(path)) {
		c.d.io_failed = true;
		diag_error(&c.d, NO_POS, "cannot open '%s': no such file",
		           path);
	} else if (!audit_is_audit_file(path)) {
		diag_error(&c.d, pos_at(path, 0, 0),
		           "'%s' is not an audit file: its first key must be "
		           "'audit: ID' (docs/audit-format.md)",
		           path);
	} else {
		audit_load_options o = {c.catalogue_root, NULL, draft};
		a = audit_load(path, &o, &c.d);
	}
	if (a && c.d.errors == 0) {
		/* a draft of an audit in progress states no outcome: the
		 * missing verdicts could change it */
		vc_decision dec = {0};
		bool decided = false;
		if (a->complete)
			decided = audit_decide(a, &dec, &c.d) == 0;
		if (decided || draft) {
			char *tdir = cli_templates_dir(tdir_opt);
			report_options ro = {paper, draft, tdir, NULL};
			report_write(a, decided ? &dec : NULL, &ro, out, &c.d);
			free(tdir);
		}
		if (decided)
			decision_free(&dec);
	}
	audit_free(a);
	cli_print_diags(&c);
	rc = cli_status(&c);
	cli_free(&c);
	return rc;
}
