/*
 * newversion.h - the next version of a catalogue, started as a draft copy
 * of an existing one (`vcsc new-version`).
 *
 * The copy keeps every uid (so the diff pairs everything by uid) and every
 * comment and layout of the sources: the chapter files lose only their
 * change_note blocks, and version.yaml gets version, status draft, the
 * predecessor, and no release date or summary. It is written into a
 * temporary directory beside the catalogue, checked, and renamed into
 * place; an existing directory is never overwritten.
 */
#ifndef VCSC_NEWVERSION_H
#define VCSC_NEWVERSION_H

#include "base/diag.h"
#include "front/model.h"

/* Copies the version v (loaded from v->dir) to the sibling directory
 * new_id as a draft. Returns 0 with *made set to the new directory as the
 * user names it (caller frees), or -1 after reporting to d (d->io_failed
 * for an existing target and for I/O trouble; files that are not copied,
 * such as links out of the catalogue, are warnings). Prints nothing. */
int newversion_write(const vc_version *v, const char *new_id, char **made,
                     diags *d);

#endif
