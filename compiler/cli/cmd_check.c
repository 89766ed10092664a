/*
 * cmd_check.c - `vcsc check PATH...`: validate catalogue versions, the scheme
 * or a whole catalogue root, and report every problem found.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "audit/audit.h"
#include "cli.h"
#include "edit/draft.h"
#include "edit/mint.h"
#include "selfassess/selfassess.h"

static const char check_help[] =
    "Usage: vcsc check [OPTIONS] [PATH...]\n"
    "\n"
    "Validate catalogue sources and report every problem found, with\n"
    "file:line:column, like a compiler. PATH is a catalogue version\n"
    "directory (catalogue/vcsa/1.1), a file inside one, a scheme.yaml, a\n"
    "catalogue root (every version below it is checked), a providers.yaml,\n"
    "an audit file (YAML whose first key is 'audit:', checked against the\n"
    "version it names under --catalogue; docs/audit-format.md), a folder\n"
    "of audit files, or a self-assessment file (first key\n"
    "'self-assessment:'; checked against the version it names under\n"
    "--catalogue; docs/self-assessment-format.md). Without PATH, the\n"
    "catalogue root is checked. A version that names a predecessor is also\n"
    "checked against it, as 'vcsc release' needs: warnings for a question\n"
    "or requirement gone without being withdrawn, a uid changed while the\n"
    "text stayed, a reworded text whose translation into a complete\n"
    "language did not change, a change without change_note, a released\n"
    "version without summary. The diagnostics end with 'N errors, M\n"
    "warnings' when there are any.\n"
    "\n"
    "Options:\n"
    "  --catalogue DIR   catalogue root holding scheme.yaml (default: the\n"
    "                    root above each version, else ./catalogue)\n"
    "  --format FMT      text (default) or json (diagnostics on stdout)\n"
    "  --max-errors N    stop after N errors (default 100; 0: no limit)\n"
    "  --werror          treat warnings as errors\n"
    "  -v, --verbose     list every missing translation of a partial\n"
    "                    language instead of a count per file\n"
    "  -q, --quiet       no summary line per version\n"
    "  --fix-ids         first add a uid to every section, question and\n"
    "                    requirement that lacks one, starting as the other\n"
    "                    uids of its chapter do (inserts 'uid: ...' lines;\n"
    "                    the rest of each file is left as it is)\n"
    "  --draft           an audit in progress: missing verdicts are notes,\n"
    "                    not errors\n"
    "  --color WHEN      auto (default), always or never\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 no errors, 1 errors in the input, 2 usage or I/O "
    "failure.\n";

static void summary(const cli *c, const vc_version *v)
{
	if (c->quiet || c->json_diags)
		return;
	size_t withdrawn = 0;
	for (size_t i = 0; i < v->nquestions; i++)
		withdrawn += v->questions[i]->withdrawn;
	size_t nq = v->nquestions - withdrawn;
	printf("%s: %zu chapter%s, %zu question%s", v->key, v->nchapters,
	       v->nchapters == 1 ? "" : "s", nq, nq == 1 ? "" : "s");
	if (withdrawn)
		printf(" (+%zu withdrawn)", withdrawn);
	printf(", %zu requirement%s; language%s", v->nrequirements,
	       v->nrequirements == 1 ? "" : "s", v->nlanguages == 1 ? "" : "s");
	for (size_t i = 0; i < v->nlanguages; i++)
		printf(" %s%s", v->languages[i].id,
		       v->languages[i].complete ? "" : " (partial)");
	printf("%s\n", v->draft ? "; draft" : "");
}

static bool fix_ids; /* --fix-ids */
static bool draft;   /* --draft */

/* An audit file: validated against the catalogue version it names (under
 * --catalogue, default ./catalogue), the scheme and the providers; the
 * decision runs too, for what only it can tell (a follow-up too late). */
static void check_audit(cli *c, const char *path)
{
	audit_load_options o = {c->catalogue_root, NULL, draft};
	int before = c->d.errors;
	vc_audit *a = audit_load(path, &o, &c->d);
	if (a && c->d.errors == before) {
		vc_decision dec;
		audit_decide(a, &dec, &c->d);
		decision_free(&dec);
	}
	size_t nobj = 0;
	for (size_t i = 0; a && i < VC_MAX_OBJECTIVES; i++)
		nobj += (a->scope.objectives >> i) & 1u;
	if (a && !c->quiet && !c->json_diags && c->d.errors == before) {
		printf("%s: audit %s of %s, %zu objective%s, %zu verdict%s, "
		       "%zu finding%s, %zu corrective action%s%s\n",
		       path, a->id, a->catalogue_id, nobj, nobj == 1 ? "" : "s",
		       a->nverdicts, a->nverdicts == 1 ? "" : "s", a->nfindings,
		       a->nfindings == 1 ? "" : "s", a->nactions,
		       a->nactions == 1 ? "" : "s",
		       a->complete ? "" : "; verdicts missing");
	}
	audit_free(a);
}

/* Every audit file of a folder (examples/audits): their number. */
static size_t check_audit_dir(cli *c, const char *dir)
{
	char **names = NULL;
	size_t n = 0, found = 0;
	if (dir_names(dir, false, &names, &n) != 0)
		return 0;
	for (size_t i = 0; i < n && !diags_full(&c->d); i++) {
		size_t len = strlen(names[i]);
		char *p = path_join(dir, names[i]);
		if (len > 5 && strcmp(names[i] + len - 5, ".yaml") == 0 &&
		    audit_is_audit_file(p)) {
			check_audit(c, p);
			found++;
		}
		free(p);
	}
	names_free(names, n);
	return found;
}

/* A providers file (catalogue/providers.yaml). */
static void check_providers(cli *c, const char *path)
{
	int before = c->d.errors;
	vc_providers *p = providers_load(path, &c->d);
	if (p && !c->quiet && !c->json_diags && c->d.errors == before)
		printf("%s: %zu audit provider%s\n", path, p->nproviders,
		       p->nproviders == 1 ? "" : "s");
	providers_free(p);
}

/* A version that names a predecessor is checked against it too (a
 * predecessor with errors of its own is left to its own check). */
static void check_lineage(cli *c, const vc_version *v)
{
	diags quiet;
	diags_init(&quiet);
	const char *why;
	vc_version *p = cli_predecessor(v, &quiet, &why);
	if (p)
		draft_check(p, v, false, &c->d);
	else if (why && quiet.errors)
		diag_note(&c->d, v->predecessor_pos,
		          "not checked against its predecessor %s: %s "
		          "('vcsc check' on it lists them)",
		          v->predecessor, why);
	model_version_free(p);
	diags_free(&quiet);
}

static void check_version(cli *c, const char *dir)
{
	if (fix_ids)
		mint_fix_ids(dir, &c->d);
	vc_version *v = cli_version(c, dir);
	if (v) {
		check_lineage(c, v);
		summary(c, v);
	}
	model_version_free(v);
}

/* Every CATALOGUE/VERSION/version.yaml under root, sorted. */
static void check_root(cli *c, const char *root)
{
	char *sp = path_join(root, "scheme.yaml");
	cli_scheme(c, sp);
	free(sp);
	char *pp = path_join(root, "providers.yaml");
	if (path_entry_exists(pp))
		check_providers(c, pp);
	free(pp);
	char **dirs = NULL;
	size_t n = 0;
	if (cli_version_dirs(root, &dirs, &n) != 0) {
		c->d.io_failed = true;
		diag_error(&c->d, NO_POS, "cannot read '%s'", root);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (!diags_full(&c->d))
			check_version(c, dirs[i]);
		free(dirs[i]);
	}
	free(dirs);
}

/* A self-assessment file (first key `self-assessment:`), checked
 * against the catalogue version it names. */
static void check_selfassess(cli *c, const char *path)
{
	sa_load_options o = {c->catalogue_root};
	selfassess *sa = sa_load(path, &o, &c->d);
	if (sa && sa->version && !c->quiet && !c->json_diags &&
	    c->d.errors == 0)
		printf("%s: self-assessment against %s, %zu item%s\n", path,
		       sa->version->key, sa->nentries,
		       sa->nentries == 1 ? "" : "s");
	sa_free(sa);
}

static void check_path(cli *c, const char *path)
{
	char *vf = NULL, *sf = NULL;
	if (is_file(path) && sa_is_file(path)) {
		check_selfassess(c, path);
		return;
	}
	if (is_dir(path)) {
		vf = path_join(path, "version.yaml");
		sf = path_join(path, "scheme.yaml");
		if (path_entry_exists(vf))
			check_version(c, path);
		else if (path_entry_exists(sf))
			check_root(c, path);
		else if (check_audit_dir(c, path) > 0)
			;
		else {
			c->d.io_failed = true;
			diag_error(&c->d, NO_POS,
			           "'%s' is neither a catalogue version (no "
			           "version.yaml) nor a catalogue root (no "
			           "scheme.yaml)",
			           path);
		}
	} else if (is_file(path)) {
		char *dir = path_dir(path);
		vf = path_join(dir, "version.yaml");
		if (audit_is_audit_file(path)) {
			check_audit(c, path);
		} else if (strcmp(path_base(path), "providers.yaml") == 0) {
			check_providers(c, path);
		} else if (strcmp(path_base(path), "scheme.yaml") == 0) {
			cli_scheme(c, path);
			if (!c->quiet && !c->json_diags && c->d.errors == 0)
				printf("%s: scheme ok\n", path);
		} else if (path_entry_exists(vf)) {
			check_version(c, dir);
		} else {
			c->d.io_failed = true;
			diag_error(&c->d, NO_POS,
			           "'%s' is not part of a catalogue version "
			           "(no version.yaml beside it)",
			           path);
		}
		free(dir);
	} else {
		/* A version id such as vcsa/1.2, under the catalogue root. */
		char *dir = cli_version_dir(c, path);
		char *idv = path_join(dir, "version.yaml");
		if (strcmp(dir, path) != 0 && is_file(idv)) {
			check_version(c, dir);
		} else {
			cli_no_version(c, path,
			               "cannot open '%s': no such file or "
			               "directory");
		}
		free(idv);
		free(dir);
	}
	free(vf);
	free(sf);
}

int cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
	    CLI_OPT_CATALOGUE,
	    {"format", required_argument, NULL, 'f'},
	    {"max-errors", required_argument, NULL, 'm'},
	    {"werror", no_argument, NULL, 'W'},
	    {"verbose", no_argument, NULL, 'v'},
	    {"quiet", no_argument, NULL, 'q'},
	    {"fix-ids", no_argument, NULL, 'F'},
	    {"draft", no_argument, NULL, 'D'},
	    {"color", required_argument, NULL, 'c'},
	    CLI_OPT_HELP,
	    CLI_OPT_END};
	cli c;
	cli_init(&c);
	c.d.hide_notes = false;
	int opt, rc;
	while ((opt = getopt_long(argc, argv, "vqh", opts, NULL)) != -1) {
		switch (opt) {
		case 'C':
			c.catalogue_root = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "json") == 0)
				c.json_diags = true;
			else if (strcmp(optarg, "text") != 0) {
				cli_free(&c);
				return cli_usage("check",
				                 "unknown format '%s' "
				                 "(text or json)",
				                 optarg);
			}
			break;
		case 'm': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || n < 0 || n > 1000000) {
				cli_free(&c);
				return cli_usage("check",
				                 "--max-errors takes a "
				                 "number, not '%s'",
				                 optarg);
			}
			c.d.max_errors = (int)n;
			break;
		}
		case 'W':
			c.d.werror = true;
			break;
		case 'v':
			c.d.verbose = true;
			break;
		case 'q':
			c.quiet = true;
			break;
		case 'F':
			fix_ids = true;
			break;
		case 'D':
			draft = true;
			break;
		case 'c':
			if (cli_parse_color(&c, optarg) != 0) {
				cli_free(&c);
				return cli_usage("check", "--color takes auto, "
				                          "always or never");
			}
			break;
		case 'h':
			return cli_help(&c, check_help);
		default:
			return cli_refuse_option(&c, "check", argv, "vqh");
		}
	}
	if (optind == argc)
		check_path(&c,
		           c.catalogue_root ? c.catalogue_root : "catalogue");
	for (int i = optind; i < argc && !diags_full(&c.d); i++)
		check_path(&c, argv[i]);
	cli_print_diags(&c);
	cli_print_summary(&c);
	rc = cli_status(&c);
	cli_free(&c);
	return rc;
}
