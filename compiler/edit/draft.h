/*
 * draft.h - a catalogue version checked against its predecessor: what an
 * editor must settle before the version is released, because uids and
 * numbers are permanent once published and the change log is read by
 * everyone who was audited against the old version.
 *
 * Compares the two versions with the diff's pairing (diff/diff.h) and
 * warns, each at the item and line it concerns in the new version:
 *
 * - a question of the predecessor that is gone without being withdrawn
 *   (a withdrawn placeholder that is gone too), at the question that now
 *   holds its number, else at its chapter;
 * - a requirement gone from a question that lives on, unless the
 *   question's change_note says why;
 * - a uid that changed while the text stayed (the pairing found the item
 *   by number or text), naming the old uid;
 * - a text whose source-language wording changed while its translation
 *   into a language complete in both versions did not;
 * - an item the change log reports as changed (added, withdrawn, moved,
 *   renumbered, reworded, another level, applicability, references,
 *   successors, a translation) without a change_note; a requirement may
 *   have it on its question, and a question added as a successor of one
 *   withdrawn in this version, or a requirement moved into such a
 *   successor, is explained by the withdrawal; a number that moved only
 *   because items before it came or went (in its chapter, section or
 *   question) needs none;
 * - a released version (or one about to be) without a summary.
 *
 * Warnings are reported in the order of their files and lines. Ownership:
 * nothing is kept.
 */
#ifndef VCSC_DRAFT_H
#define VCSC_DRAFT_H

#include <stdbool.h>

#include "base/diag.h"
#include "front/model.h"

/* Checks v against its predecessor pred, both loaded without errors; as
 * released when as_released (vcsc release asks before it releases a
 * draft) or when v is released. Returns the number of warnings reported
 * to d. */
int draft_check(const vc_version *pred, const vc_version *v, bool as_released,
                diags *d);

#endif
