/*
 * diag.h - diagnostics in the style of a compiler.
 *
 *   catalogue/vcsa/1.1/03-risk.yaml:41:7: error: unknown key 'objectve'; did
 * you mean 'objective'? 41 |     objectve: >- |     ^
 *
 * A diags object collects messages in the order they are found and owns
 * the text of every source file registered with it, so that it can show
 * the offending line. Lines and columns are 1-based and count characters.
 * A message with line 0 names the file only; one with no file names the
 * program.
 */
#ifndef VCSC_DIAG_H
#define VCSC_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "util.h"

typedef enum { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR } diag_severity;

/* A position in a source file. file is owned by the diags object (or is a
 * string with a longer life); line and col are 1-based, 0 if unknown. */
typedef struct srcpos {
	const char *file;
	int line, col;
} srcpos;

static inline srcpos pos_at(const char *file, int line, int col)
{
	srcpos p = {file, line, col};
	return p;
}
#define NO_POS pos_at(NULL, 0, 0)

typedef struct diag_item {
	diag_severity sev;
	srcpos pos;
	char *msg;
} diag_item;

typedef struct diag_source {
	char *path;
	char *text; /* may be NULL */
	size_t len;
} diag_source;

typedef struct diags {
	diag_item *items;
	size_t n, cap;
	int errors, warnings, notes;
	int max_errors;  /* 0: unlimited */
	bool truncated;  /* errors beyond max_errors were dropped */
	bool werror;     /* warnings count as errors */
	bool verbose;    /* list every note, not a summary per file */
	bool io_failed;  /* a file or directory could not be read */
	bool hide_notes; /* print errors and warnings only */
	diag_source *srcs;
	size_t nsrcs, srccap;
} diags;

void diags_init(diags *d);
void diags_free(diags *d);

/* Registers a file and its text (ownership of text passes to d; it may be
 * NULL). Returns the interned path, valid until diags_free. */
const char *diags_source(diags *d, const char *path, char *text, size_t len);

void diags_add(diags *d, diag_severity sev, srcpos pos, const char *fmt, ...)
    PRINTF_LIKE(4, 5);
void diags_vadd(diags *d, diag_severity sev, srcpos pos, const char *fmt,
                va_list ap);
#define diag_error(d, pos, ...) diags_add((d), DIAG_ERROR, (pos), __VA_ARGS__)
#define diag_warning(d, pos, ...)                                              \
	diags_add((d), DIAG_WARNING, (pos), __VA_ARGS__)
#define diag_note(d, pos, ...) diags_add((d), DIAG_NOTE, (pos), __VA_ARGS__)

/* True once max_errors errors were recorded: callers may stop early. */
bool diags_full(const diags *d);
/* Errors, plus warnings under werror. */
int diags_failed(const diags *d);

/* Writes the messages as text (with source line and caret) or as JSON. */
void diags_print(const diags *d, FILE *fp, bool color);
/* The same for the messages from index from on (those not yet shown);
 * the too-many-errors line comes with every call once errors were
 * dropped. */
void diags_print_from(const diags *d, FILE *fp, bool color, size_t from);
void diags_print_json(const diags *d, FILE *fp);

#endif
