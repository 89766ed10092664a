/*
 * cmd_certificate.c - `vcsc certificate AUDIT.yaml [--catalogue DIR]
 * [--lang en|de] [--base-url URL] -o cert.pdf`: the label certificate of
 * an audit that earns a label (backend/certificate.c), signed with the
 * signing key (cert/).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit/audit.h"
#include "backend/certificate.h"
#include "base/files.h"
#include "cli.h"

static const char certificate_help[] =
    "Usage: vcsc certificate AUDIT.yaml [--catalogue DIR] [--lang en|de]\n"
    "                        [--base-url URL] [--key FILE] -o cert.pdf\n"
    "\n"
    "Write the label certificate of an audit: one landscape page with the\n"
    "participant, the scope and its locations, each label the scheme's\n"
    "rules grant (audit objective, temporary or full, valid through), the\n"
    "catalogue version, the audit provider and the issue date (the closing\n"
    "meeting of the audit that granted it). It carries its own proof: a\n"
    "token of these facts signed with Ed25519, printed for typing, stored\n"
    "in the PDF's Info dictionary and, after the #, in the verification\n"
    "address that the QR code holds (BASE-URL/verify.html#TOKEN). Check it\n"
    "with vcsc verify or the website's verify page. Refused (status 1)\n"
    "where the audit earns no label. The file is byte-identical across\n"
    "runs.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE  the PDF to write (required; written atomically)\n"
    "  --catalogue DIR    catalogue root the audit's version is found in\n"
    "                     (default: ./catalogue)\n"
    "  --lang LANG        en or de (default: the audit's language)\n"
    "  --base-url URL     where the website is served (default:\n"
    "                     " CERTIFICATE_DEFAULT_BASE_URL ")\n"
    "  --key FILE         the signing key (default: $VCSC_SIGNING_KEY);\n"
    "                     a certificate signed with the demo key\n"
    "                     examples/keys/demo-TEST-ONLY.key says on the\n"
    "                     page, in its token and in every verdict that it\n"
    "                     proves nothing\n"
    "  --templates DIR    templates directory (default: as for\n"
    "                     questionnaire)\n"
    "  --style FILE       style file (default: TEMPLATES/pdf/style.yaml)\n"
    "  -h, --help         show this help\n"
    "\n"
    "Exit status: 0 written; 1 errors in the audit, or no label granted;\n"
    "2 usage errors and I/O failures. Nothing is written unless the status\n"
    "is 0.\n";

/* The label facts of an audit's decision, in a (NULL when no label is
 * granted); titles gets each label's objective title in lang. */
static int facts_of(const vc_audit *au, const vc_decision *dec,
                    const char *lang, arena *a, cert_facts *f,
                    const char ***titles)
{
	memset(f, 0, sizeof(*f));
	f->participant = au->participant.name;
	f->scope_id = au->scope.id;
	f->locations = au->scope.locations;
	f->nlocations = au->scope.nlocations;
	f->catalogue = au->catalogue_id;
	f->provider = au->provider ? au->provider->name : "";
	f->audit_id = au->id;
	f->labels = arena_alloc(a, (dec->n + 1) * sizeof(cert_label));
	*titles = arena_alloc(a, (dec->n + 1) * sizeof(char *));
	char buf11[11];
	for (size_t i = 0; i < dec->n; i++) {
		const vc_outcome *o = &dec->outcomes[i];
		if (o->kind != VC_LABEL_TEMPORARY && o->kind != VC_LABEL_FULL)
			continue;
		cert_label *l = &f->labels[f->nlabels];
		l->objective = o->objective->id;
		l->kind = o->kind == VC_LABEL_FULL ? CERT_FULL : CERT_TEMPORARY;
		cert_day_parse(date_format(o->expires, buf11), &l->expires);
		cert_day issued = 0;
		cert_day_parse(date_format(o->issued, buf11), &issued);
		if (!f->issued || issued < f->issued)
			f->issued = issued;
		const char *t = prose_text(&o->objective->title, lang);
		(*titles)[f->nlabels++] = t;
	}
	return f->nlabels ? 0 : -1;
}

int cmd_certificate(int argc, char **argv)
{
	static const struct option opts[] = {
	    CLI_OPT_CATALOGUE,
	    {"lang", required_argument, NULL, 'l'},
	    {"base-url", required_argument, NULL, 'B'},
	    {"key", required_argument, NULL, 'k'},
	    CLI_OPT_OUTPUT,
	    {"templates", required_argument, NULL, 'T'},
	    {"style", required_argument, NULL, 'S'},
	    CLI_OPT_HELP,
	    CLI_OPT_END};
	cli c;
	cli_init(&c);
	const char *out = NULL, *lang = NULL, *base = NULL, *key_opt = NULL;
	const char *tdir_opt = NULL, *style_opt = NULL;
	int opt;
	while ((opt = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'C':
			c.catalogue_root = optarg;
			break;
		case 'l':
			lang = optarg;
			break;
		case 'B':
			base = optarg;
			break;
		case 'k':
			key_opt = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'T':
			tdir_opt = optarg;
			break;
		case 'S':
			style_opt = optarg;
			break;
		case 'h':
			return cli_help(&c, certificate_help);
		default:
			return cli_refuse_option(&c, "certificate", argv,
			                         "o:h");
		}
	}
	int rc = EXIT_OK;
	if (argc - optind != 1)
		rc = cli_usage("certificate", "expected one AUDIT.yaml");
	else if (!out)
		rc = cli_usage("certificate", "missing -o cert.pdf");
	else if (lang && strcmp(lang, "en") != 0 && strcmp(lang, "de") != 0)
		rc = cli_usage("certificate",
		               "unknown language '%s' (en or de)%s", lang,
		               suggest(lang, (const char *[]){"en", "de"}, 2)
		                   ? "; did you mean 'en' or 'de'?"
		                   : "");
	else if (base && strncmp(base, "https://", 8) != 0 &&
	         strncmp(base, "http://", 7) != 0)
		rc = cli_usage("certificate",
		               "--base-url takes an http or "
		               "https address, not '%s'",
		               base);
	if (rc) {
		cli_free(&c);
		return rc;
	}
	const char *path = argv[optind];
	vc_audit *au = NULL;
	cert_key *key = NULL;
	char *token = NULL, *tdir = NULL;
	arena *a = arena_new();
	vc_decision dec = {0};
	bool decided = false;
	if (!is_file(path)) {
		c.d.io_failed = true;
		diag_error(&c.d, NO_POS, "cannot open '%s': no such file",
		           path);
		goto out;
	}
	if (!audit_is_audit_file(path)) {
		diag_error(&c.d, pos_at(path, 0, 0),
		           "'%s' is not an audit file: its first key must be "
		           "'audit: ID' (docs/audit-format.md)",
		           path);
		goto out;
	}
	audit_load_options lo = {c.catalogue_root, NULL, false};
	au = audit_load(path, &lo, &c.d);
	if (!au || c.d.errors)
		goto out;
	if (audit_decide(au, &dec, &c.d) < 0)
		goto out;
	decided = true;
	cert_facts f;
	const char **titles;
	if (!lang)
		lang = au->lang && (strcmp(au->lang, "de") == 0) ? "de" : "en";
	if (facts_of(au, &dec, lang, a, &f, &titles) < 0) {
		diag_error(&c.d, au->id_pos,
		           "audit %s earns no label under the scheme's rules, "
		           "so there is no certificate to issue (vcsc decide "
		           "%s says why)",
		           au->id, path);
		goto out;
	}
	key = cli_signing_key(&c, "certificate", key_opt);
	if (!key)
		goto out;
	token = cert_token_sign(&f, key, &c.d);
	if (!token)
		goto out;
	tdir = cli_templates_dir(tdir_opt);
	certificate_options co = {0};
	co.token = token;
	co.lang = lang;
	co.objective_titles = titles;
	co.base_url = base;
	co.templates_dir = tdir;
	co.style_path = style_opt;
	certificate_write(&f, &co, out, &c.d);
out:
	cli_print_diags(&c);
	rc = cli_status(&c);
	free(token);
	free(tdir);
	cert_key_free(key);
	if (decided)
		decision_free(&dec);
	audit_free(au);
	arena_free(a);
	cli_free(&c);
	return rc;
}
