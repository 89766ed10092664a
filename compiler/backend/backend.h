/*
 * backend.h - the document back ends: every document vcsc writes is one
 * function of the model. This folder owns the documents written from a
 * validated model or diff: the JSON export (export.c), the questionnaire
 * (questionnaire.c), the change log as text, JSON or an HTML page
 * (changelog.c with diff_text.c, diff_json.c, diff_html.c), the release
 * notes (diff_pdf.c) and the audit report (report.c). The website, being
 * a tree of pages with its own templates, has a folder of its own
 * (site/), built the same way.
 *
 * The convention, for these and for every document to come (the
 * certificates, the gap summary, the registry and OSCAL exports):
 *
 *   int NAME_write(const MODEL *m, const NAME_options *o, const char *path,
 *                  diags *d);
 *
 * - It takes what the front end built (a vc_version, a diff_result, ...)
 *   and an options struct of plain values: no argc/argv, no option
 *   parsing, no defaults looked up from the environment (the caller puts
 *   the data directory, cli_data_dir(), into the options).
 * - It writes one output at path, atomically (outfile_open, pdf_write,
 *   backend_write_file): nothing is left at path unless it returns 0.
 *   Where the document is text, a NULL path means standard output.
 * - It prints nothing of its own: every problem goes to d (with
 *   d->io_failed set for a file that cannot be read or written), and the
 *   caller decides how to show it.
 * - It returns 0, or -1 after reporting to d.
 *
 * The command line (cli/, one file per command) parses options, loads the
 * models, calls the writer and maps d to an exit status (cli_status), so
 * that a command, a build of everything and a test can call the same
 * function.
 */
#ifndef VCSC_BACKEND_H
#define VCSC_BACKEND_H

#include <stdio.h>

#include "base/diag.h"
#include "front/model.h"
#include "pdf/pdf.h"

/* Writes a text document: fn(ctx, fp) writes it to path atomically, or
 * to standard output when path is NULL. Returns 0, or -1 after reporting
 * the file that could not be written to d. */
typedef void (*backend_stream_fn)(const void *ctx, FILE *fp);
int backend_write_file(const char *path, backend_stream_fn fn, const void *ctx,
                       diags *d);

/* The marker colour of each of the scheme's requirement levels, for the
 * PDF documents: the level's own (colour: in scheme.yaml), else the PDF
 * style's colour of the level's id (must, should). colours receives
 * s->nlevels entries. Returns 0, or -1 after reporting a level that has
 * neither. */
int backend_level_colours(const vc_scheme *s, const pdf_style *st,
                          const char *user, pdf_color *colours, diags *d);

#endif
