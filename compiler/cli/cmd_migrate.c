/*
 * cmd_migrate.c - `vcsc migrate SELF-ASSESSMENT.yaml --to VERSION -o
 * NEW.yaml [--format text|json]`: carry a self-assessment to another
 * catalogue version (selfassess/migrate.c) and report what happened.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "cli.h"
#include "selfassess/selfassess.h"

static const char migrate_help[] =
    "Usage: vcsc migrate SELF-ASSESSMENT.yaml --to VERSION -o NEW.yaml\n"
    "                    [--format text|json]\n"
    "\n"
    "Carry a self-assessment to another version of its catalogue (VERSION\n"
    "is an id such as vcsa/1.1, or 1.1 for the same catalogue), on the\n"
    "pairing of 'vcsc diff': the answer of an unchanged requirement (or\n"
    "question) is kept, one renumbered or moved goes to its new number, one\n"
    "whose wording or level changed is kept with a review mark that says\n"
    "why, the answer of a withdrawn item goes to its successor with a review\n"
    "mark where the pairing names one, and new items stay unanswered. The\n"
    "report on standard output lists every answer kept, moved, marked for\n"
    "review or withdrawn, and every item added.\n"
    "\n"
    "Options:\n"
    "  --to VERSION      the version to migrate to (required)\n"
    "  -o, --output FILE the new self-assessment (required; written\n"
    "                    atomically)\n"
    "  --format FMT      the report as text (default) or json\n"
    "  --catalogue DIR   catalogue root holding both versions (default\n"
    "                    ./catalogue)\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 migrated; 1 errors in the self-assessment (it must\n"
    "check without errors first); 2 usage errors and I/O failures (an\n"
    "unknown version, an unwritable output). Nothing is written unless the\n"
    "status is 0.\n";

static void report_text(const selfassess *from, const selfassess *to,
                        const sa_migration *m)
{
	printf("%s -> %s: %zu kept, %zu renumbered, %zu to review, %zu "
	       "withdrawn, %zu added\n",
	       from->version->key, to->version->key, m->counts[SA_MIG_KEPT],
	       m->counts[SA_MIG_RENUMBERED], m->counts[SA_MIG_REVIEW],
	       m->counts[SA_MIG_WITHDRAWN], m->counts[SA_MIG_ADDED]);
	for (size_t i = 0; i < m->nevents; i++) {
		const sa_mig_event *e = &m->events[i];
		if (e->kind == SA_MIG_KEPT)
			continue; /* the count says it */
		printf("  %-10s %s", sa_mig_kind_name(e->kind),
		       e->old_key ? e->old_key : e->new_key);
		if (e->old_key && e->new_key && strcmp(e->old_key, e->new_key))
			printf(" -> %s", e->new_key);
		if (e->reason)
			printf(": %s", e->reason);
		putchar('\n');
	}
}

static void report_json(const selfassess *from, const selfassess *to,
                        const sa_migration *m)
{
	json_writer w;
	json_init(&w, stdout, 2);
	json_begin_object(&w);
	json_key(&w, "from");
	json_string(&w, from->version->key);
	json_key(&w, "to");
	json_string(&w, to->version->key);
	json_key(&w, "counts");
	json_begin_object(&w);
	for (int k = SA_MIG_KEPT; k <= SA_MIG_ADDED; k++) {
		json_key(&w, sa_mig_kind_name(k));
		json_int(&w, (long long)m->counts[k]);
	}
	json_end_object(&w);
	json_key(&w, "events");
	json_begin_array(&w);
	for (size_t i = 0; i < m->nevents; i++) {
		const sa_mig_event *e = &m->events[i];
		json_begin_object(&w);
		json_key(&w, "kind");
		json_string(&w, sa_mig_kind_name(e->kind));
		if (e->old_key) {
			json_key(&w, "old");
			json_string(&w, e->old_key);
		}
		if (e->new_key) {
			json_key(&w, "new");
			json_string(&w, e->new_key);
		}
		if (e->reason) {
			json_key(&w, "reason");
			json_string(&w, e->reason);
		}
		json_end_object(&w);
	}
	json_end_array(&w);
	json_end_object(&w);
	json_finish(&w);
}

int cmd_migrate(int argc, char **argv)
{
	static const struct option opts[] = {
	    CLI_OPT_CATALOGUE,
	    CLI_OPT_OUTPUT,
	    {"to", required_argument, NULL, 't'},
	    {"format", required_argument, NULL, 'f'},
	    CLI_OPT_HELP,
	    CLI_OPT_END};
	cli c;
	cli_init(&c);
	const char *out = NULL, *to = NULL;
	bool json = false;
	int opt;
	while ((opt = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'C':
			c.catalogue_root = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 't':
			to = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "json") == 0)
				json = true;
			else if (strcmp(optarg, "text") != 0) {
				cli_free(&c);
				return cli_usage("migrate",
				                 "unknown format '%s' (text or "
				                 "json)",
				                 optarg);
			}
			break;
		case 'h':
			return cli_help(&c, migrate_help);
		default:
			return cli_refuse_option(&c, "migrate", argv, "o:h");
		}
	}
	const char *why = argc - optind != 1
	                      ? "expected one SELF-ASSESSMENT.yaml"
	                  : !to  ? "missing --to VERSION"
	                  : !out ? "missing -o NEW.yaml"
	                         : NULL;
	if (why) {
		cli_free(&c);
		return cli_usage("migrate", "%s", why);
	}
	const char *root = c.catalogue_root ? c.catalogue_root : "catalogue";
	sa_load_options o = {root};
	selfassess *from = sa_load(argv[optind], &o, &c.d), *res = NULL;
	sa_migration mig = {0};
	int rc;
	if (!from || c.d.errors || !from->version) {
		rc = cli_status(&c);
		goto out;
	}
	if (sa_migrate(from, root, to, &res, &mig, &c.d) < 0) {
		c.d.io_failed =
		    true; /* a version that is not there: status 2 */
		rc = cli_status(&c);
		goto out;
	}
	if (sa_write_yaml(res, out, &c.d) == 0) {
		if (json)
			report_json(from, res, &mig);
		else
			report_text(from, res, &mig);
	}
	rc = cli_status(&c);
out:
	cli_print_diags(&c);
	sa_migration_free(&mig);
	sa_free(res);
	sa_free(from);
	cli_free(&c);
	return rc;
}
