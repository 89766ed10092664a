/*
 * cmd_questionnaire.c - `vcsc questionnaire VERSION-DIR [--objective LIST]
 * [--lang LANG] [--paper a4|letter] -o FILE.pdf`: the self-assessment
 * questionnaire (backend/questionnaire.c).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "backend/backend.h"
#include "backend/questionnaire.h"
#include "base/files.h"
#include "cli.h"
#include "selfassess/selfassess.h"

static const char questionnaire_help[] =
    "Usage: vcsc questionnaire VERSION-DIR [--objective LIST] [--lang LANG]\n"
    "                          [--paper a4|letter] -o FILE.pdf\n"
    "       vcsc questionnaire VERSION-DIR --format yaml|csv|xlsx\n"
    "                          [--objective LIST] [--lang LANG] -o FILE\n"
    "\n"
    "Write the printable self-assessment questionnaire of a catalogue\n"
    "version (a directory such as catalogue/vcsa/1.1, or an id such as\n"
    "vcsa/1.1) as PDF: a cover with boxes to fill, how to answer, every\n"
    "requirement that applies to the chosen audit objectives with checkboxes\n"
    "for the scheme's answer scale and lines for the justification, and a\n"
    "summary sheet. The file is byte-identical across runs; it carries a\n"
    "date only when SOURCE_DATE_EPOCH is set.\n"
    "\n"
    "With --format yaml, csv or xlsx it writes a blank self-assessment to\n"
    "fill in instead (docs/self-assessment-format.md): YAML with the\n"
    "requirement texts as comments, CSV (UTF-8 with a byte-order mark)\n"
    "whose first rows name the version, objectives and language, or an\n"
    "XLSX workbook with a cover, a questions sheet with drop-down lists\n"
    "and a summary sheet; 'vcsc import' reads the filled CSV or XLSX back.\n"
    "\n"
    "Options:\n"
    "  --objective LIST  audit objectives, comma-separated ids of the scheme\n"
    "                    (development,production,operations); default all\n"
    "  --lang LANG       language (default: the version's source language);\n"
    "                    the version must mark it complete\n"
    "  --paper SIZE      a4 (default) or letter\n"
    "  --format FMT      pdf (default), yaml, csv or xlsx\n"
    "  -o, --output FILE the PDF to write (required; written atomically)\n"
    "  --catalogue DIR   catalogue root holding scheme.yaml\n"
    "  --templates DIR   templates directory (default: "
    "$VCSC_DATADIR/templates,\n"
    "                    else templates/ beside the vcsc program or up to two\n"
    "                    levels above it, else ./templates)\n"
    "  --style FILE      style file (default: TEMPLATES/pdf/style.yaml)\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 written; 1 errors in the catalogue, the style or texts\n"
    "files, or a language the version does not carry completely; 2 usage\n"
    "errors (unknown objective, language or paper) and I/O failures\n"
    "(unwritable output). Nothing is written unless the status is 0.\n";

/* Parses a comma-separated list of objective ids into *set. */
static int parse_objectives(const vc_scheme *s, const char *list,
                            vc_objset *set)
{
	const char **ids = xcalloc(s->nobjectives + 1, sizeof(char *));
	for (size_t i = 0; i < s->nobjectives; i++)
		ids[i] = s->objectives[i].id;
	char *copy = xstrdup(list);
	int rc = 0;
	char *save = NULL;
	bool any = false;
	for (char *tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ')
			tok++;
		size_t l = strlen(tok);
		while (l && tok[l - 1] == ' ')
			tok[--l] = '\0';
		if (!*tok)
			continue;
		int i = model_objective_index(s, tok);
		if (i < 0) {
			char *all = model_objset_string(
			    s, (vc_objset)((1u << s->nobjectives) - 1), ", ");
			const char *sg = suggest(tok, ids, s->nobjectives);
			if (sg)
				cli_usage(
				    "questionnaire",
				    "unknown objective "
				    "'%s'; did you mean '%s'? (one of: %s)",
				    tok, sg, all);
			else
				cli_usage("questionnaire",
				          "unknown objective "
				          "'%s' (one of: %s)",
				          tok, all);
			free(all);
			rc = -1;
			break;
		}
		*set |= 1u << i;
		any = true;
	}
	if (rc == 0 && !any) {
		cli_usage("questionnaire", "--objective needs at least one "
		                           "objective id");
		rc = -1;
	}
	free(copy);
	free(ids);
	return rc;
}

/* An unknown language is a wrong argument (status 2, with a suggestion);
 * whether the version carries it whole is the writer's to say. */
static int check_lang(const vc_scheme *s, const char *lang)
{
	if (model_language(s, lang))
		return EXIT_OK;
	const char **ids = xcalloc(s->nlanguages + 1, sizeof(char *));
	for (size_t i = 0; i < s->nlanguages; i++)
		ids[i] = s->languages[i].id;
	const char *sg = suggest(lang, ids, s->nlanguages);
	if (sg)
		cli_usage("questionnaire",
		          "unknown language '%s'; did "
		          "you mean '%s'?",
		          lang, sg);
	else
		cli_usage("questionnaire",
		          "unknown language '%s' (the "
		          "scheme offers: %s%s%s)",
		          lang, ids[0], s->nlanguages > 1 ? ", " : "",
		          s->nlanguages > 1 ? ids[1] : "");
	free(ids);
	return EXIT_TROUBLE;
}

/* A blank self-assessment in a language the version carries. */
static void write_blank(const vc_version *v, const questionnaire_options *qo,
                        const char *format, const char *out, diags *d)
{
	pdf_color *colours = NULL;
	pdf_style *st = NULL;
	if (strcmp(format, "xlsx") == 0) {
		/* the level column in the PDFs' colours */
		char *sp = qo->style_path
		               ? xstrdup(qo->style_path)
		               : path_join(qo->templates_dir, "pdf/style.yaml");
		st = pdf_style_load(sp, d);
		free(sp);
		colours = xcalloc(v->scheme->nlevels + 1, sizeof(pdf_color));
		if (!st ||
		    backend_level_colours(v->scheme, st, "the level column",
		                          colours, d) < 0) {
			pdf_style_free(st);
			free(colours);
			return;
		}
	}
	if (qo->lang && !model_has_language(v, qo->lang)) {
		diag_error(d, v->pos, "%s has no '%s' text", v->key, qo->lang);
		return;
	}
	selfassess *sa = sa_blank(v, qo->objectives, qo->lang);
	if (strcmp(format, "yaml") == 0)
		sa_write_yaml(sa, out, d);
	else if (strcmp(format, "csv") == 0)
		sa_write_csv(sa, out, d);
	else
		sa_write_xlsx(sa, colours, out, d);
	sa_free(sa);
	pdf_style_free(st);
	free(colours);
}

int cmd_questionnaire(int argc, char **argv)
{
	static const struct option opts[] = {
	    CLI_OPT_CATALOGUE,
	    {"objective", required_argument, NULL, 'j'},
	    {"lang", required_argument, NULL, 'l'},
	    {"paper", required_argument, NULL, 'p'},
	    {"format", required_argument, NULL, 'F'},
	    CLI_OPT_OUTPUT,
	    {"templates", required_argument, NULL, 'T'},
	    {"style", required_argument, NULL, 'S'},
	    CLI_OPT_HELP,
	    CLI_OPT_END};
	cli c;
	cli_init(&c);
	const char *out = NULL, *lang = NULL, *paper_s = "a4";
	const char *tdir_opt = NULL, *style_opt = NULL, *format = "pdf";
	buf objs = {0};
	bool objs_given = false;
	int opt, rc = EXIT_OK;
	while ((opt = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'C':
			c.catalogue_root = optarg;
			break;
		case 'j':
			buf_printf(&objs, "%s%s", objs.len ? "," : "", optarg);
			objs_given = true;
			break;
		case 'l':
			lang = optarg;
			break;
		case 'p':
			paper_s = optarg;
			break;
		case 'F':
			format = optarg;
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
			fputs(questionnaire_help, stdout);
			buf_free(&objs);
			cli_free(&c);
			return EXIT_OK;
		default:
			buf_free(&objs);
			cli_free(&c);
			return cli_bad_option("questionnaire", argv, "o:h");
		}
	}
	pdf_paper paper;
	if (argc - optind != 1)
		rc = cli_usage("questionnaire", "expected one VERSION-DIR");
	else if (!out)
		rc = cli_usage("questionnaire", "missing -o FILE.pdf");
	else if (strcmp(format, "pdf") && strcmp(format, "yaml") &&
	         strcmp(format, "csv") && strcmp(format, "xlsx"))
		rc = cli_usage("questionnaire",
		               "unknown format '%s' (pdf, yaml, csv or xlsx)",
		               format);
	else if (pdf_paper_parse(paper_s, &paper) < 0)
		rc = cli_usage("questionnaire",
		               "unknown paper size '%s' (a4 or "
		               "letter)",
		               paper_s);
	if (rc) {
		buf_free(&objs);
		cli_free(&c);
		return rc;
	}

	char *dir = cli_version_dir(&c, argv[optind]);
	vc_version *v = cli_version(&c, dir);
	free(dir);
	char *tdir = NULL;
	questionnaire_options qo = {0};
	qo.paper = paper;
	qo.lang = lang;
	qo.style_path = style_opt;
	if (!v) {
		rc = cli_status(&c);
		goto out;
	}
	if (objs_given &&
	    parse_objectives(v->scheme, objs.data ? objs.data : "",
	                     &qo.objectives) < 0) {
		rc = EXIT_TROUBLE;
		goto out;
	}
	if (lang && (rc = check_lang(v->scheme, lang)) != EXIT_OK)
		goto out;
	tdir = cli_templates_dir(tdir_opt);
	qo.templates_dir = tdir;
	if (strcmp(format, "pdf") != 0) {
		write_blank(v, &qo, format, out, &c.d);
		rc = cli_status(&c);
		goto out;
	}
	questionnaire_write(v, &qo, out, &c.d);
	rc = cli_status(&c);
out:
	cli_print_diags(&c);
	free(tdir);
	model_version_free(v);
	buf_free(&objs);
	cli_free(&c);
	return rc;
}
