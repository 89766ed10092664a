/*
 * changelog.h - the change log between two catalogue versions (a
 * diff_result, diff/diff.h) as documents: text for a terminal, JSON
 * (docs/diff-json.md) and a standalone HTML page (changelog_write), and
 * the printable release notes (release_notes_write). Both follow the
 * convention of backend.h.
 */
#ifndef VCSC_CHANGELOG_H
#define VCSC_CHANGELOG_H

#include <stdbool.h>
#include <stdio.h>

#include "base/diag.h"
#include "diff/diff.h"
#include "pdf/pdf.h"

typedef enum {
	CHANGELOG_TEXT,
	CHANGELOG_JSON,
	CHANGELOG_HTML
} changelog_format;

typedef struct changelog_options {
	changelog_format format;
	const char *lang;     /* html: the page's language; text, json: that
	                         of the word diffs; NULL: the new version's
	                         source language */
	bool color;           /* text: ANSI colours like git diff */
	const char *data_dir; /* html: holds templates/site and site/ */
} changelog_options;

/* The change log in o->format, written to path (atomically), or for text
 * and JSON to standard output when path is NULL. Returns 0, or -1 after
 * reporting to d. */
int changelog_write(const diff_result *r, const changelog_options *o,
                    const char *path, diags *d);

typedef struct release_notes_options {
	const char *lang; /* NULL: the new version's source language */
	pdf_paper paper;
	const char *data_dir; /* holds templates/pdf */
} release_notes_options;

/* The release notes (PDF): a title block with the table of contents, the
 * counts per kind, the number table and every changed question with its
 * changes, word diffs and change notes; style and texts from
 * DATA/templates/pdf/style.yaml and release-notes.yaml. Returns 0, or -1
 * after reporting to d (d->io_failed for a file that cannot be read or
 * written). */
int release_notes_write(const diff_result *r, const release_notes_options *o,
                        const char *path, diags *d);

/* ---- the formats' own writers, which the two above call ---- */

/* The change log as text into fp; color adds ANSI colours; word diffs in
 * lang where it has its own changed texts (NULL: the compared language). */
void diff_print_text(const diff_result *d, FILE *fp, bool color,
                     const char *lang);

/* The change log as JSON into fp, word diffs as for diff_print_text. */
void diff_print_json(const diff_result *d, FILE *fp, const char *lang);

/* The standalone HTML page in language lang: the site's stylesheet
 * inlined, no links out; templates from data_dir. */
int diff_write_html(const diff_result *d, const char *lang, const char *path,
                    const char *data_dir, diags *dg);

/* The release notes in language lang on paper. */
int diff_write_pdf(const diff_result *d, const char *lang, pdf_paper paper,
                   const char *data_dir, const char *path, diags *dg);

#endif
