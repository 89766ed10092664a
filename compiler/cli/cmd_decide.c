/*
 * cmd_decide.c - `vcsc decide AUDIT.yaml [--format text|json]`: the label
 * outcome per audited objective, its dates and the rule that gave it
 * (audit/decide.c; the JSON is described in docs/audit-format.md).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "audit/audit.h"
#include "base/files.h"
#include "base/json.h"
#include "cli.h"

static const char decide_help[] =
    "Usage: vcsc decide AUDIT.yaml [--format text|json]\n"
    "\n"
    "Decide the label outcome of an audit file per audited objective from\n"
    "the scheme's rules (scheme.yaml, label:): no label, pending (a\n"
    "corrective-action plan is missing or not accepted), temporary, full,\n"
    "or undecided (a follow-up after the window). Prints each outcome, its\n"
    "dates (a label is valid through its expiry date) and the rule that\n"
    "produced it. The audit must check without errors (vcsc check); a\n"
    "follow-up is decided together with the audit it follows up, found\n"
    "among the audit files of its folder.\n"
    "\n"
    "Options:\n"
    "  --format FMT      text (default) or json (docs/audit-format.md)\n"
    "  --catalogue DIR   catalogue root holding scheme.yaml, providers.yaml\n"
    "                    and the audited version (default ./catalogue)\n"
    "  --color WHEN      auto (default), always or never, for diagnostics\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 decided, 1 errors in the audit (or a follow-up that\n"
    "decides nothing), 2 usage or I/O failure.\n";

static const char *kind_text(vc_label_kind k)
{
	switch (k) {
	case VC_LABEL_NONE:
		return "no label";
	case VC_LABEL_PENDING:
		return "pending";
	case VC_LABEL_TEMPORARY:
		return "temporary label";
	case VC_LABEL_FULL:
		return "full label";
	case VC_LABEL_UNDECIDED:
		return "undecided";
	}
	return "";
}

static void print_text(const vc_decision *dec)
{
	const vc_audit *a = dec->audit;
	char b1[11], b2[11];
	printf("audit %s (%s), %s, closing meeting %s\n", a->id,
	       a->catalogue_id, a->participant.name,
	       date_format(a->closing, b1));
	if (a->initial)
		printf("follow-up of %s, closing meeting %s\n",
		       dec->initial->id,
		       date_format(dec->initial->closing, b1));
	for (size_t i = 0; i < dec->n; i++) {
		const vc_outcome *o = &dec->outcomes[i];
		printf("\n%s: %s", o->objective->id, kind_text(o->kind));
		if (date_set(o->expires))
			printf(", %s through %s", date_format(o->issued, b1),
			       date_format(o->expires, b2));
		printf(" [%s]\n  %s\n", o->rule, o->reason);
	}
}

static void json_date(json_writer *w, const char *key, vc_date t)
{
	char b[11];
	json_key(w, key);
	if (date_set(t))
		json_string(w, date_format(t, b));
	else
		json_null(w);
}

static void print_json(const vc_decision *dec)
{
	const vc_audit *a = dec->audit;
	json_writer w;
	json_init(&w, stdout, 2);
	json_begin_object(&w);
	json_key(&w, "format");
	json_string(&w, "vcsc-decision");
	json_key(&w, "format_version");
	json_int(&w, 1);
	json_key(&w, "audit");
	json_string(&w, a->id);
	json_key(&w, "catalogue");
	json_string(&w, a->catalogue_id);
	json_key(&w, "participant");
	json_string(&w, a->participant.id);
	json_date(&w, "closing", a->closing);
	json_key(&w, "follows_up");
	if (a->initial)
		json_string(&w, dec->initial->id);
	else
		json_null(&w);
	json_date(&w, "initial_closing", dec->initial->closing);
	json_key(&w, "outcomes");
	json_begin_array(&w);
	for (size_t i = 0; i < dec->n; i++) {
		const vc_outcome *o = &dec->outcomes[i];
		json_begin_object(&w);
		json_key(&w, "objective");
		json_string(&w, o->objective->id);
		json_key(&w, "label");
		json_string(&w, label_kind_name(o->kind));
		json_date(&w, "issued", o->issued);
		json_date(&w, "expires", o->expires);
		json_key(&w, "rule");
		json_string(&w, o->rule);
		json_key(&w, "open");
		json_int(&w, (long long)o->nopen);
		json_key(&w, "blocking");
		json_int(&w, (long long)o->nblocking);
		json_key(&w, "reason");
		json_string(&w, o->reason);
		json_end_object(&w);
	}
	json_end_array(&w);
	json_end_object(&w);
	json_finish(&w);
}

int cmd_decide(int argc, char **argv)
{
	static const struct option opts[] = {
	    CLI_OPT_CATALOGUE,
	    {"format", required_argument, NULL, 'f'},
	    {"color", required_argument, NULL, 'c'},
	    CLI_OPT_HELP,
	    CLI_OPT_END};
	cli c;
	cli_init(&c);
	bool json = false;
	int opt, rc;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'C':
			c.catalogue_root = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "json") == 0)
				json = true;
			else if (strcmp(optarg, "text") != 0) {
				cli_free(&c);
				return cli_usage("decide",
				                 "unknown format '%s' "
				                 "(text or json)",
				                 optarg);
			}
			break;
		case 'c':
			if (cli_parse_color(&c, optarg) != 0) {
				cli_free(&c);
				return cli_usage("decide",
				                 "--color takes auto, "
				                 "always or never");
			}
			break;
		case 'h':
			return cli_help(&c, decide_help);
		default:
			return cli_refuse_option(&c, "decide", argv, "h");
		}
	}
	if (argc - optind != 1) {
		cli_free(&c);
		return cli_usage("decide", "expected one AUDIT.yaml");
	}
	const char *path = argv[optind];
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
		audit_load_options o = {c.catalogue_root, NULL, false};
		vc_audit *a = audit_load(path, &o, &c.d);
		if (a && c.d.errors == 0) {
			vc_decision dec;
			audit_decide(a, &dec, &c.d);
			cli_print_diags(&c);
			if (json)
				print_json(&dec);
			else
				print_text(&dec);
			decision_free(&dec);
		}
		audit_free(a);
	}
	cli_print_diags(&c);
	rc = cli_status(&c);
	cli_free(&c);
	return rc;
}
