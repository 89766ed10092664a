/*
 * export.h - the model written out for other tools.
 *
 * export_json writes a catalogue version as canonical JSON: keys in the
 * fixed order documented in docs/json-export.md, every key always present
 * (null or [] when a value is absent), translations in the version's
 * language order, two-space indentation, a final newline. Equal models
 * give equal bytes.
 */
#ifndef VCSC_EXPORT_H
#define VCSC_EXPORT_H

#include <stdio.h>

#include "base/json.h"
#include "front/model.h"

/* The JSON export of v, written to path (atomically), or to standard
 * output when path is NULL; the writer of `vcsc export` (backend.h). */
int export_write(const vc_version *v, const char *path, diags *d);

/* The same into an open stream. */
void export_json(const vc_version *v, FILE *fp);

/* A prose field as {"en": ..., "de": ...} in the document's language
 * order, or null when absent (p may be NULL). Shared by every JSON
 * output, so prose looks the same in all of them. */
void export_json_prose(json_writer *w, const vc_prose *p);

#endif
