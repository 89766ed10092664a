/*
 * mint.h - minting stable uids for new questions and requirements
 * (`vcsc check --fix-ids`).
 *
 * A question without a uid gets one made from its title ("Component
 * inventory" -> "component-inventory"), or, when the title has no word
 * to build on ("漢字"), from the chapter's uid prefix and the question's
 * number ("org-1-6"); a requirement without one gets its question's uid
 * and the first significant words of its statement
 * ("sc-components-software-bill"), or its letter. A number suffix ("-2")
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

/* Adds the missing uids of the version in dir, reporting each as a note
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
