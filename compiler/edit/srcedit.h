/*
 * edit/ - the commands that write the catalogue's own sources, keeping
 * every byte they do not mean to change: line edits (srcedit), uids for
 * new items (mint, `check --fix-ids`), the next version as a draft copy
 * (newversion) and its release (release), with the check of a version
 * against its predecessor that a release must pass (draft).
 *
 * srcedit.h - line edits of a YAML source that keep every other byte:
 * comments, quoting, folding and line endings stay as they were.
 *
 * Used by `vcsc new-version` (which rewrites a few keys of a copy),
 * `vcsc check --fix-ids` (which only inserts lines into the user's files)
 * and `vcsc release` (which sets two values of version.yaml).
 * Lines are numbered from 1, like srcpos; columns count characters.
 * Edits are recorded against the original lines and applied at once by
 * srcedit_result(), so line numbers from the YAML tree stay valid while
 * editing.
 *
 * Ownership: a srcedit holds a copy of the text and of every inserted or
 * replacing line; srcedit_free() releases them. srcedit_result() returns
 * a string the caller frees.
 */
#ifndef VCSC_SRCEDIT_H
#define VCSC_SRCEDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "front/ynode.h"

typedef struct srcedit srcedit;

srcedit *srcedit_new(const char *text, size_t len);
void srcedit_free(srcedit *e);

/* Number of lines (a final line without newline counts). */
int srcedit_lines(const srcedit *e);

/* The line ending the file uses: "\r\n" or "\n". */
const char *srcedit_eol(const srcedit *e);

/* The last line of the text of n, a node of the tree loaded from this
 * source: a value, or a whole mapping. It comes from the parser's marks,
 * not from indentation, which misleads: a quoted value may go on under
 * its key, and an indentless list sits at its key's column. A block
 * scalar is marked to end past the blank lines it swallowed; those that
 * are not part of its value (all but what keep chomping, "|+", holds)
 * are left out. */
int srcedit_last_line(const srcedit *e, const ynode *n);

/* The first col - 1 characters of line, e.g. "    - " or "      ". The
 * caller frees. */
char *srcedit_prefix(const srcedit *e, int line, int col);

/* The text of line from column col on, without the line ending. The
 * caller frees. */
char *srcedit_suffix(const srcedit *e, int line, int col);

/* True when line is blank or only holds a comment. */
bool srcedit_is_blank(const srcedit *e, int line);

/* Deletes lines [from, to). */
void srcedit_delete(srcedit *e, int from, int to);

/* Replaces the text of line (without its line ending, which is kept). */
void srcedit_replace(srcedit *e, int line, const char *text);

/* Inserts a line (text without line ending) after line; 0 inserts at the
 * top. Several insertions after one line keep their order. */
void srcedit_insert_after(srcedit *e, int line, const char *text);

/* The edited text. Caller frees; *len receives its length. */
char *srcedit_result(const srcedit *e, size_t *len);

/* Writes text[0, len) to path atomically (files.h: a reader sees the old
 * file or the new one, which keeps the old one's mode). Returns 0, or -1
 * after reporting to d (d->io_failed set). */
int srcedit_write(const char *path, const char *text, size_t len, diags *d);

#endif
