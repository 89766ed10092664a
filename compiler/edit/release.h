/*
 * release.h - releasing a draft version (`vcsc release`).
 *
 * A release is the moment uids, numbers and texts become permanent, so it
 * is refused while anything the check of the version against its
 * predecessor warns about remains (edit/draft.h: items gone without being
 * withdrawn, changed uids, untranslated rewordings, changes without a
 * change note, no summary), while the predecessor is a draft itself or
 * was released after the date given, and for a version released already.
 * Otherwise version.yaml gets 'status: released' and 'released: DATE':
 * an edit of those two values in place (a 'released:' line is added
 * after the status when there is none), keeping every other byte,
 * comments and layout; the edited text is loaded again and must read as
 * the old tree with just those values changed before it is written,
 * atomically. Refused, nothing is written.
 *
 * Ownership: nothing is kept.
 */
#ifndef VCSC_RELEASE_H
#define VCSC_RELEASE_H

#include "base/diag.h"
#include "front/model.h"

/* Releases the draft v (loaded without errors from v->dir) on date
 * (YYYY-MM-DD), checked against its predecessor pred (NULL when v names
 * none; a v that names one it cannot have is refused). Returns 0 once
 * version.yaml is written, or -1 after reporting to d why not: errors
 * for the reasons above (the warnings they come from before them),
 * d->io_failed set when the file could not be read or written. */
int release_write(const vc_version *v, const vc_version *pred, const char *date,
                  diags *d);

#endif
