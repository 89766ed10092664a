/*
 * mint.h - minting stable uids for new questions and requirements
 * (`vcsc check --fix-ids`).
 *
 * New uids follow the catalogue's convention. A question without a uid
 * gets the word most uids of its group start with and the words of its
 * title ("Security event logging" in a chapter of ops-... questions:
 * "ops-security-event-logging"); its group is its section where the
 * section's questions share a word, else its chapter (and, in a chapter
 * of sections whose questions share none, the word the section uids
 * share); without such a word, the title alone
 * ("component-inventory"). When the title has no word to build on
 * ("漢字"), the word (else the chapter title's first word) and the
 * question's number ("org-1-6"). A section without a uid gets the word
 * its fellow sections share and its title's words. A requirement
 * without one gets its question's uid (or, where the question's other
 * requirements mostly do not start with it, the words they all start
 * with) and the first significant words of its first text at any level
 * ("sc-components-software-bill"), or its label. A number suffix ("-2")
 * keeps uids unique across the versions of the catalogue.
 *
 * The line "uid: ..." goes after the line where the item's last
 * key-value pair ends, as the parser marked it, at the column of the
 * item's keys; a flow mapping gets "uid: ..., " just inside its "{".
 * The files are otherwise untouched (no reformatting, comments kept).
 * The edited text is loaded again before it is written, atomically: if
 * it does not load, or reads as anything but the old tree plus the new
 * uids, the file is left as it was and an error says why.
 *
 * Ownership: nothing is kept between calls.
 */
#ifndef VCSC_MINT_H
#define VCSC_MINT_H

#include "base/diag.h"

/* Adds the missing uids (of sections, questions and requirements) of
 * the version in dir, reporting each as a note
 * in d, and a file it refuses to write as an error. Returns the number
 * of uids added, or -1 after an I/O failure (reported, d->io_failed
 * set). Files that do not parse, and links out of the catalogue root,
 * are left for the check to report. */
int mint_fix_ids(const char *dir, diags *d);

/* The slug of text: lowercase ASCII words (German umlauts and sharp s
 * transliterated, stop words skipped) joined by hyphens, at most
 * max_words words and max_len characters. Caller frees; "" when text has
 * no usable word. */
char *mint_slug(const char *text, int max_words, size_t max_len);

#endif
