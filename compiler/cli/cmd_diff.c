/*
 * cmd_diff.c - `vcsc diff OLD NEW`: the change log between two catalogue
 * versions (diff/diff.c pairs them), as text, JSON, a standalone HTML page
 * or PDF release notes (backend/changelog.c), with exit statuses like
 * diff(1).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "backend/changelog.h"
#include "site/site.h"

static const char diff_help[] =
    "Usage: vcsc diff OLD-VERSION NEW-VERSION [--format text|json] "
    "[--lang LANG]\n"
    "                 [-o FILE]\n"
    "       vcsc diff OLD-VERSION NEW-VERSION --format html [--lang LANG] "
    "-o FILE\n"
    "       vcsc diff OLD-VERSION NEW-VERSION --format pdf [--lang LANG]\n"
    "                 [--paper a4|letter] -o FILE\n"
    "\n"
    "Compare two catalogue versions (directories such as\n"
    "catalogue/vcsa/1.0, or ids such as vcsa/1.0 under --catalogue) as\n"
    "catalogues: sections (where the scheme has them), questions and\n"
    "requirements are paired by uid, then by number, then by text\n"
    "similarity, so renumbered and moved items show\n"
    "as such. Reports additions, withdrawals (with every successor), moves,\n"
    "renumbering, text changes with a word-level diff (told apart from\n"
    "white-space-only and formatting-only edits), level, applicability,\n"
    "reference and successor changes, changed translations of languages\n"
    "both versions mark complete, stale translations, and once per\n"
    "language a change of its status (completed: N texts added), each\n"
    "with its change note.\n"
    "\n"
    "Options:\n"
    "  --format FMT      text (default), json (docs/diff-json.md), html\n"
    "                    (a standalone page in the website's look) or pdf\n"
    "                    (printable release notes); html and pdf need -o\n"
    "  --lang LANG       language of the html page or the release notes,\n"
    "                    and of the word diffs in every format where that\n"
    "                    language has its own changed texts (default: the\n"
    "                    new version's source language)\n"
    "  --paper SIZE      paper of the release notes: a4 (default) or letter\n"
    "  -o, --output FILE write the change log to FILE (atomically)\n"
    "  --color WHEN      auto (default: colours on a terminal), always or\n"
    "                    never\n"
    "  --catalogue DIR   catalogue root holding scheme.yaml\n"
    "  -h, --help        show this help\n"
    "\n"
    "The templates (templates/site, templates/pdf) are read from\n"
    "$VCSC_DATADIR, else from beside the vcsc program or up to two levels\n"
    "above it, else from the current directory.\n"
    "\n"
    "Exit status without -o: 0 the versions are the same, 1 they differ,\n"
    "2 trouble (usage, unreadable or invalid version). With -o: 0 the\n"
    "change log was written, 1 a version has errors, 2 usage or I/O\n"
    "failure.\n";

enum { FMT_TEXT, FMT_JSON, FMT_HTML, FMT_PDF };

int cmd_diff(int argc, char **argv)
{
	static const struct option opts[] = {
	    CLI_OPT_CATALOGUE,
	    {"format", required_argument, NULL, 'f'},
	    CLI_OPT_OUTPUT,
	    {"color", required_argument, NULL, 'c'},
	    {"lang", required_argument, NULL, 'L'},
	    {"colour", required_argument, NULL, 'c'},
	    {"paper", required_argument, NULL, 'p'},
	    CLI_OPT_HELP,
	    CLI_OPT_END};
	cli c;
	cli_init(&c);
	const char *out = NULL, *lang = NULL, *paper_s = NULL;
	int fmt = FMT_TEXT, opt;
	while ((opt = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'C':
			c.catalogue_root = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "text") == 0) {
				fmt = FMT_TEXT;
			} else if (strcmp(optarg, "json") == 0) {
				fmt = FMT_JSON;
			} else if (strcmp(optarg, "html") == 0) {
				fmt = FMT_HTML;
			} else if (strcmp(optarg, "pdf") == 0) {
				fmt = FMT_PDF;
			} else {
				cli_free(&c);
				return cli_usage("diff",
				                 "unknown format '%s' "
				                 "(text, json, html or pdf)",
				                 optarg);
			}
			break;
		case 'p':
			paper_s = optarg;
			break;
		case 'L':
			lang = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'c':
			if (cli_parse_color(&c, optarg) != 0) {
				cli_free(&c);
				return cli_usage("diff", "--color takes auto, "
				                         "always or never");
			}
			break;
		case 'h':
			return cli_help(&c, diff_help);
		default:
			return cli_refuse_option(&c, "diff", argv, "o:h");
		}
	}
	if (argc - optind != 2) {
		cli_free(&c);
		return cli_usage("diff",
		                 "expected OLD-VERSION and NEW-VERSION");
	}
	bool doc = fmt == FMT_HTML || fmt == FMT_PDF;
	if (doc && !out) {
		cli_free(&c);
		return cli_usage("diff",
		                 "--format %s writes a file: give -o FILE",
		                 fmt == FMT_HTML ? "html" : "pdf");
	}
	pdf_paper paper = PDF_A4;
	if (paper_s && fmt != FMT_PDF) {
		cli_free(&c);
		return cli_usage("diff", "--paper is for --format pdf");
	}
	if (paper_s && pdf_paper_parse(paper_s, &paper) < 0) {
		cli_free(&c);
		return cli_usage(
		    "diff", "unknown paper size '%s' (a4 or letter)", paper_s);
	}
	char *od = cli_version_dir(&c, argv[optind]);
	char *nd = cli_version_dir(&c, argv[optind + 1]);
	vc_version *ov = cli_version(&c, od);
	vc_version *nv = cli_version(&c, nd);
	free(od);
	free(nd);
	/* diagnostics go to stderr: stdout holds the change log */
	int ccolor = c.color;
	cli_print_diags(&c);
	int rc;
	if (!ov || !nv) {
		rc = cli_status(&c);
		if (!out && rc == EXIT_INPUT)
			rc = EXIT_TROUBLE; /* 1 would mean "they differ" */
		model_version_free(ov);
		model_version_free(nv);
		cli_free(&c);
		return rc;
	}
	if (lang && !model_has_language(nv, lang)) {
		rc =
		    cli_usage("diff", "%s has no language '%s'", nv->key, lang);
		model_version_free(ov);
		model_version_free(nv);
		cli_free(&c);
		return rc;
	}
	diff_result *d = diff_versions(ov, nv);
	char *data = cli_data_dir();
	int w;
	if (fmt == FMT_PDF) {
		release_notes_options ro = {lang, paper, data};
		w = release_notes_write(d, &ro, out, &c.d);
	} else {
		const char *term = getenv("TERM");
		changelog_options co = {0};
		co.format = fmt == FMT_HTML   ? CHANGELOG_HTML
		            : fmt == FMT_JSON ? CHANGELOG_JSON
		                              : CHANGELOG_TEXT;
		co.lang = lang;
		co.data_dir = data;
		/* colours on a terminal, or when asked for in a file */
		co.color =
		    ccolor == 1 ||
		    (!out && ccolor == -1 && isatty(1) && !getenv("NO_COLOR") &&
		     !(term && strcmp(term, "dumb") == 0));
		w = changelog_write(d, &co, out, &c.d);
	}
	cli_print_diags(&c);
	if (w != 0)
		rc =
		    EXIT_TROUBLE; /* a document's templates are not the input */
	else if (out)
		rc = EXIT_OK;
	else
		rc = cli_stdout_status(diff_same(d) ? EXIT_OK : EXIT_INPUT);
	if (fmt == FMT_HTML)
		site_xslt_cleanup();
	free(data);
	diff_free(d);
	model_version_free(ov);
	model_version_free(nv);
	cli_free(&c);
	return rc;
}
