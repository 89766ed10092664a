/*
 * cli/ - the command line: one file per command (cmd_check.c,
 * cmd_export.c, cmd_questionnaire.c, cmd_site.c, cmd_diff.c,
 * cmd_new_version.c, cmd_release.c, cmd_import.c, cmd_migrate.c), each
 * parsing its options, loading
 * the models,
 * calling one writer (backend/backend.h) and mapping the diagnostics to
 * an exit status. main.c dispatches to them. Nothing outside cli/
 * includes cli.h.
 *
 * cli.h - what the commands share: option handling, loading a catalogue
 * version with its scheme, printing diagnostics, exit statuses.
 *
 * Exit statuses (documented in vcsc.1):
 *   0  success, no errors
 *   1  errors in the input (or, for diff without -o, the versions differ)
 *   2  usage error or I/O failure (unreadable input, unwritable output)
 */
#ifndef VCSC_CLI_H
#define VCSC_CLI_H

#include <stdbool.h>

#include "base/diag.h"
#include "cert/cert.h"
#include "front/model.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_TROUBLE = 2 };

/* The options every command spells the same way, for getopt_long tables
 * (the short letters are what the commands switch on). */
#define CLI_OPT_CATALOGUE                                                      \
	{                                                                      \
		"catalogue", required_argument, NULL, 'C'                      \
	}
#define CLI_OPT_OUTPUT                                                         \
	{                                                                      \
		"output", required_argument, NULL, 'o'                         \
	}
#define CLI_OPT_HELP                                                           \
	{                                                                      \
		"help", no_argument, NULL, 'h'                                 \
	}
#define CLI_OPT_END                                                            \
	{                                                                      \
		0, 0, 0, 0                                                     \
	}

typedef struct cli {
	diags d;
	const char *catalogue_root; /* --catalogue, or NULL */
	bool json_diags;            /* --format json for diagnostics */
	int color;                  /* -1 auto, 0 never, 1 always */
	bool quiet;
	size_t printed; /* diagnostics already shown by cli_print_diags */
	/* loaded schemes, by path; freed by cli_free */
	vc_scheme **schemes;
	char **scheme_paths;
	size_t nschemes, schemecap;
} cli;

/* Starts a command: empty diagnostics, notes hidden, colour automatic,
 * and getopt_long reset to the command's first argument. */
void cli_init(cli *c);
void cli_free(cli *c);

/* Reports a usage problem for command cmd and returns EXIT_TROUBLE. */
int cli_usage(const char *cmd, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* Ends a command at --help: prints help, frees c, returns EXIT_OK. */
int cli_help(cli *c, const char *help);

/* Ends a command at a refused option: frees c and reports it as
 * cli_bad_option does (EXIT_TROUBLE). */
int cli_refuse_option(cli *c, const char *cmd, char **argv,
                      const char *shortopts);

/* Reports the option getopt_long just refused (unknown, or missing its
 * value) for command cmd, whose short options are shortopts, and returns
 * EXIT_TROUBLE. */
int cli_bad_option(const char *cmd, char **argv, const char *shortopts);

/* The scheme file that governs the version in dir: --catalogue's
 * scheme.yaml if given, else DIR/../../scheme.yaml, else
 * catalogue/scheme.yaml. Caller frees. */
char *cli_scheme_path(const cli *c, const char *version_dir);

/* Loads (once) and returns the scheme at path; NULL if unusable. */
vc_scheme *cli_scheme(cli *c, const char *path);

/* Loads the version in dir with its scheme. Returns NULL after reporting
 * when the version cannot be used (any error). */
vc_version *cli_version(cli *c, const char *dir);

/* The predecessor of v (the version its version.yaml names, beside
 * it), loaded against v's scheme with its problems reported to quiet,
 * which must outlive it (the caller frees it with model_version_free).
 * NULL when v names none, or, with *why set, when it is not there or
 * does not load without errors. */
vc_version *cli_predecessor(const vc_version *v, diags *quiet,
                            const char **why);

/* Loads every version under the catalogue root (and its scheme.yaml)
 * into *versions (*n of them; the caller frees each with
 * model_version_free, then the array). Returns 0, or -1 after reporting
 * when any version cannot be used or there is none. */
int cli_root_versions(cli *c, const char *root, vc_version ***versions,
                      size_t *n);

/* The version under the catalogue root (--catalogue, else ./catalogue)
 * that arg, which names none, probably means: an id CATALOGUE/VERSION or
 * its directory close to it; NULL when none is. Caller frees. */
char *cli_near_version(const cli *c, const char *arg);

/* Reports that arg names no version, in words fmt says with one %s for
 * arg, and the version it probably means (cli_near_version); an I/O
 * failure (exit status 2). */
void cli_no_version(cli *c, const char *arg, const char *fmt) PRINTF_LIKE(3, 0);

/* Resolves a version given as a directory or as an id such as vcsa/1.1
 * (under --catalogue, default ./catalogue). Caller frees. */
char *cli_version_dir(const cli *c, const char *arg);

/* Every ROOT/CATALOGUE/VERSION directory holding a version.yaml, sorted
 * by path. Returns 0, or -1 (errno set) if root cannot be read. The caller
 * frees each string and the array. */
int cli_version_dirs(const char *root, char ***dirs, size_t *n);

/* The directory holding templates/ and site/ (the data every document
 * back end reads): $VCSC_DATADIR, else the directory of the executable or
 * up to two levels above it that has a templates/ folder, else ".".
 * Caller frees. */
char *cli_data_dir(void);

/* The templates directory of a document: opt (--templates), else
 * templates/ in the data directory (cli_data_dir). Caller frees. */
char *cli_templates_dir(const char *opt);

/* Parses a --color argument (auto, always, never) into c->color; returns
 * -1 for anything else. */
int cli_parse_color(cli *c, const char *arg);

/* The exit status of a run that ends with status rc, once standard
 * output is flushed: a full disk or a closed pipe on standard output is a
 * failed run (EXIT_TROUBLE, said in one line), not a silent success. */
int cli_stdout_status(int rc);

/* Prints the diagnostics collected since the last call to stderr (or,
 * with --format json, all of them as JSON to stdout). */
void cli_print_diags(cli *c);

/* Ends the diagnostics of a check on stderr with "N errors, M warnings"
 * when there were any (not with --format json, whose object counts
 * them). */
void cli_print_summary(const cli *c);

/* Exit status from the collected diagnostics. */
int cli_status(const cli *c);

/* ---- the certificate commands (cli_cert.c) ---- */

/* The signing key: --key (opt), else the file $VCSC_SIGNING_KEY names.
 * NULL after reporting (none given: a usage error of cmd). */
cert_key *cli_signing_key(cli *c, const char *cmd, const char *opt);
/* The status file: --status (opt), else $VCSC_STATUS; NULL when neither
 * names one. */
const char *cli_status_path(const char *opt);
/* The public keys to verify against: the n --public-key files or
 * folders, else the file or folder $VCSC_PUBLIC_KEYS names, else the
 * demo key in the data directory's examples/keys. 0, or -1 after
 * reporting. */
int cli_public_keys(cli *c, cert_keyring *r, char **paths, size_t n);
/* A token given on the command line: the text itself, or the token of
 * the certificate PDF it names. Caller frees; NULL after reporting. */
char *cli_token_arg(cli *c, const char *arg);

/* Checks that token (the what of cmd, for messages) is a genuine
 * token, signed with key or (a warning) another key, and puts its
 * status-file hash into hash (65 bytes). 0, or -1 after reporting. */
int cli_token_hash(cli *c, const cert_key *key, const char *token,
                   const char *what, char *hash);
/* Adds or replaces entry e in the status file (--status status_opt, else
 * $VCSC_STATUS; started when missing), signed again with key. Returns the
 * exit status. */
int cli_status_update(cli *c, const char *cmd, const cert_key *key,
                      const char *status_opt, const cert_status_entry *e);

/* Command entry points. */
int cmd_check(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_questionnaire(int argc, char **argv);
int cmd_site(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_new_version(int argc, char **argv);
int cmd_release(int argc, char **argv);
int cmd_decide(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_certificate(int argc, char **argv);
int cmd_keygen(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_revoke(int argc, char **argv);
int cmd_supersede(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_migrate(int argc, char **argv);

#endif
