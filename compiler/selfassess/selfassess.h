/*
 * selfassess/ - the self-assessment as data (docs/self-assessment-format.md):
 * the YAML file and its checks (load.c), the blank and filled YAML
 * (yaml.c), the fillable CSV and XLSX and their readers (csv.c, xlsx.c,
 * xlsx_read.c, import.c) and the migration to another catalogue version
 * on the diff's pairing (migrate.c).
 *
 * selfassess.h - the self-assessment model and its documents.
 *
 * A self-assessment answers the applicable items of one catalogue version
 * for the chosen audit objectives: each requirement (a scheme whose answer
 * unit is the requirement, the VCSA) or each control question on a
 * maturity scale (the VDA ISA). An item is keyed by its label ("1.2.a")
 * or its question number ("1.6.3"). Unanswered items are allowed: a
 * self-assessment is work in progress until every item has an answer.
 *
 * Ownership: a selfassess owns one arena holding its strings and entries,
 * and (when it loaded them itself) its scheme and version; sa_free()
 * releases everything. Entries point into the version.
 */
#ifndef VCSC_SELFASSESS_H
#define VCSC_SELFASSESS_H

#include <stdbool.h>

#include "base/diag.h"
#include "base/util.h"
#include "front/model.h"
#include "pdf/pdf.h"

/* One answerable item and its answer. */
typedef struct sa_entry {
	const char *key;           /* "1.2.a" or "1.6.3" */
	const vc_requirement *req; /* per requirement, else NULL */
	const vc_question *q;      /* its question (always set) */
	const vc_answer *answer;   /* NULL: unanswered */
	const char *justification; /* NULL when empty */
	const char *evidence;
	const char *review; /* a review mark's reason, or NULL */
	srcpos pos;         /* of its answer in the source, if any */
} sa_entry;

typedef struct selfassess {
	arena *arena;
	const char *path;
	const char *catalogue_id; /* "vcsa/1.1" */
	const char *lang;         /* the language of its texts */
	const char *participant;  /* NULL when not filled in */
	const char *scope;
	vc_objset objectives;
	const vc_scheme *scheme;
	const vc_version *version;
	sa_entry *entries; /* every applicable item, in catalogue order */
	size_t nentries;
	/* owned */
	vc_scheme *own_scheme;
	vc_version *own_version;
} selfassess;

typedef struct sa_load_options {
	const char *catalogue; /* catalogue root; NULL: "catalogue" */
} sa_load_options;

/* True when the YAML file's first key is `self-assessment:` (reads the
 * first lines only). */
bool sa_is_file(const char *path);

/* Loads a catalogue version by id ("vcsa/1.1") under root with its
 * scheme (ROOT/scheme.yaml) into sa. Returns 0, or -1 after reporting
 * (at pos) to d. */
int sa_load_version(selfassess *sa, const char *root, const char *id,
                    srcpos pos, diags *d);

/* A blank self-assessment of v (which must outlive it) for objectives
 * (0: every objective) in lang (NULL: the version's source language). */
selfassess *sa_blank(const vc_version *v, vc_objset objectives,
                     const char *lang);

/* Loads and validates a self-assessment file. Returns NULL when the file
 * cannot be used at all; otherwise a self-assessment with its problems
 * reported to d (check d->errors). Unanswered items are counted in one
 * note. */
selfassess *sa_load(const char *path, const sa_load_options *o, diags *d);
void sa_free(selfassess *sa);

/* Fills the entries of sa (objectives, version and lang set) with every
 * applicable item, unanswered. */
void sa_make_entries(selfassess *sa);

/* The entry of key, or NULL. */
sa_entry *sa_entry_of(const selfassess *sa, const char *key);

/* The answer of the scale that s names: its id, else (lenient, for
 * spreadsheets) its title in any language or its value as a number;
 * NULL when none. */
const vc_answer *sa_answer_find(const vc_scheme *s, const char *text,
                                bool lenient);

/* Reports an answer that is not on the scale, with "did you mean". */
void sa_bad_answer(const vc_scheme *s, const char *text, srcpos pos, diags *d);

/* Reports the problems of the answers (justification missing) and the
 * unanswered items as one note at pos. */
void sa_check_answers(const selfassess *sa, srcpos pos, diags *d);

/* The plain text of an item in sa->lang: the requirement's texts (each
 * level's, prefixed "must:" where it has more than one) or the question's
 * title and question. Allocated in a. */
const char *sa_item_text(const selfassess *sa, const sa_entry *e, arena *a);
/* The level ids of an item ("must", "must+should"). */
const char *sa_item_levels(const selfassess *sa, const sa_entry *e, arena *a);

/* ---- documents (each writes one file atomically; NULL path: stdout for
 * text) ---- */

/* The self-assessment as YAML, with the item texts as comments. */
int sa_write_yaml(const selfassess *sa, const char *path, diags *d);
/* The fillable CSV (RFC 4180, UTF-8 with a byte-order mark). */
int sa_write_csv(const selfassess *sa, const char *path, diags *d);
/* The fillable workbook; levels: the colour of each scheme level (as
 * the PDFs draw them; NULL: the scheme's colour, else grey). */
int sa_write_xlsx(const selfassess *sa, const pdf_color *levels,
                  const char *path, diags *d);

/* ---- import (import.c, csv.c, xlsx_read.c) ---- */

/* One cell of a sheet read back: its text ("" for an empty cell) and
 * where it is: a workbook's cell as "Questions!D14" (where), a CSV
 * field by line and column (pos, where NULL). */
typedef struct sa_cell {
	const char *text;
	const char *where;
	srcpos pos;
} sa_cell;

typedef struct sa_row {
	sa_cell *cells;
	size_t n;
	int number; /* 1-based row number in its sheet or file */
} sa_row;

typedef struct sa_sheet {
	const char *name; /* NULL for a CSV file */
	sa_row *rows;
	size_t nrows;
} sa_sheet;

/* Reads a CSV file into sheet (allocated in a). Returns 0, or -1 after
 * reporting. */
int sa_csv_read(arena *a, const char *path, sa_sheet *sheet, diags *d);
/* Reads the sheets of a workbook (*sheets, *n; allocated in a). Returns
 * 0, or -1 after reporting. */
int sa_xlsx_read(arena *a, const char *path, sa_sheet **sheets, size_t *n,
                 diags *d);

/* The position diagnostics give for cell c of the file path
 * ("answers.xlsx:Questions!D14", or the CSV file's line and column). */
srcpos sa_cell_pos(diags *d, const char *path, const sa_cell *c);

/* The column names of the questions table, in the exports' order. */
enum {
	SA_COL_ITEM,
	SA_COL_LEVEL,
	SA_COL_TEXT,
	SA_COL_ANSWER,
	SA_COL_JUSTIFICATION,
	SA_COL_EVIDENCE,
	SA_COL_REVIEW,
	SA_COL_CHAPTER,
	SA_NCOLS
};
extern const char *const sa_col_names[SA_NCOLS];
/* The labels of the cover rows (CSV: the first rows; XLSX: the cover
 * sheet), label in the first column, value in the second. */
enum {
	SA_COVER_VERSION,
	SA_COVER_LANGUAGE,
	SA_COVER_OBJECTIVES,
	SA_COVER_PARTICIPANT,
	SA_COVER_SCOPE,
	SA_NCOVER
};
extern const char *const sa_cover_labels[SA_NCOVER];

/* Reads a filled CSV or XLSX (by its extension) back. Returns the
 * self-assessment, or NULL after reporting (any error). */
selfassess *sa_import(const char *path, const sa_load_options *o, diags *d);

/* ---- migration (migrate.c) ---- */

typedef enum {
	SA_MIG_KEPT,       /* unchanged requirement: answer carried */
	SA_MIG_RENUMBERED, /* carried to its new number */
	SA_MIG_REVIEW,     /* carried with a review mark */
	SA_MIG_WITHDRAWN,  /* its item is gone: answer dropped */
	SA_MIG_ADDED       /* a new item, unanswered */
} sa_mig_kind;

typedef struct sa_mig_event {
	sa_mig_kind kind;
	const char *old_key, *new_key; /* NULL on the absent side */
	const char *reason;            /* review, withdrawn: why */
} sa_mig_event;

typedef struct sa_migration {
	arena *arena;
	sa_mig_event *events;
	size_t nevents;
	size_t counts[SA_MIG_ADDED + 1];
} sa_migration;

/* Carries the answers of old (loaded without errors) to the version
 * to_id ("vcsa/1.1", or "1.1" for one of the same catalogue) under the
 * catalogue root into a new self-assessment *out (same participant,
 * scope, objectives and, where the version has it, language), on the
 * diff's pairing: an unchanged requirement (or question) keeps its
 * answer; one renumbered or moved takes it to its new number; one whose
 * wording or level changed takes it with a review mark saying why; the
 * answers of withdrawn items go to their successors with a review mark
 * where the pairing names one (a suggestion among a withdrawn question's
 * successors, or every successor question), else are dropped; new items
 * stay unanswered. *mig lists what happened. Returns 0, or -1 after
 * reporting (the version cannot be loaded). */
int sa_migrate(const selfassess *old, const char *root, const char *to_id,
               selfassess **out, sa_migration *mig, diags *d);
void sa_migration_free(sa_migration *m);
const char *sa_mig_kind_name(sa_mig_kind k);

#endif
