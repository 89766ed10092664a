/*
 * yhint.h - libyaml's syntax errors explained for an editor: what is
 * wrong in plain words, the likely cause (an indentation that lines up
 * with nothing, a colon in unquoted text, a tab, a quote never closed)
 * and the line to look at, which is often not the one libyaml names (an
 * unclosed quote is noticed lines later, at the end of the file).
 *
 * A pure function of the source text and libyaml's report, so that it
 * can be tested on its own; ynode.c calls it for every syntax error.
 */
#ifndef VCSC_YHINT_H
#define VCSC_YHINT_H

#include <stddef.h>

/* libyaml's report of a syntax error: its problem and context (NULL when
 * it gives none) with their marks, 1-based, columns in characters. */
typedef struct yhint_report {
	const char *problem;
	int line, col;
	const char *context;
	int context_line, context_col;
} yhint_report;

/* The message for the error r in text[0, len) (the text as libyaml read
 * it, after any byte-order mark): "invalid YAML: ...; how to fix
 * (libyaml: PROBLEM)". *line and *col receive the position the message
 * is about. Caller frees. */
char *yhint_explain(const char *text, size_t len, const yhint_report *r,
                    int *line, int *col);

#endif
