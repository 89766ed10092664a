/*
 * fields.h - reading typed fields out of YAML nodes, with diagnostics.
 *
 * A reader names what it reads ("control question 1.2") so that every
 * message says what was expected where. Functions return 0 when the value
 * is usable and -1 after reporting a problem (or, for optional fields,
 * when the value is absent: check for NULL).
 */
#ifndef VCSC_FIELDS_H
#define VCSC_FIELDS_H

#include "base/diag.h"
#include "ynode.h"

typedef struct fld_ctx {
	arena *a;
	diags *d;
} fld_ctx;

/* Checks that node is a mapping and stores the value of each key found in
 * keys[] at out[index]; out[] must hold nkeys entries. Unknown keys are
 * reported with a "did you mean" suggestion. Returns -1 if node is not a
 * mapping. */
int fld_map(fld_ctx *c, const ynode *node, const char *what,
            const char *const *keys, size_t nkeys, ynode **out);

/* Reports a missing required key (at the mapping's position). */
void fld_missing(fld_ctx *c, const ynode *map, const char *key,
                 const char *what);

/* True when v is present and not null. */
bool fld_present(const ynode *v);

/* A string. NULL when absent or null; reports a non-scalar. When required,
 * a missing value is reported too. */
const char *fld_str(fld_ctx *c, const ynode *map, const ynode *v,
                    const char *key, const char *what, bool required);

/* An integer in [min, max]. Returns 0 and sets *out, -1 otherwise. */
int fld_int(fld_ctx *c, const ynode *map, const ynode *v, const char *key,
            const char *what, bool required, long min, long max, long *out);

/* true/false. Returns 0 and sets *out (false when absent), -1 on error. */
int fld_bool(fld_ctx *c, const ynode *v, const char *key, bool *out);

/* One of the given words. Returns its index, -1 when absent or invalid. */
int fld_enum(fld_ctx *c, const ynode *map, const ynode *v, const char *key,
             const char *what, bool required, const char *const *words,
             size_t nwords);

/* A date YYYY-MM-DD that exists in the calendar. */
const char *fld_date(fld_ctx *c, const ynode *map, const ynode *v,
                     const char *key, const char *what, bool required);

/* Checks that v is a list (sequence); reports otherwise. */
bool fld_list(fld_ctx *c, const ynode *v, const char *key);

/* Warns when the Markdown text of scalar v (a prose field named key)
 * nests deeper than documents show it (MD_MAX_DEPTH in md.h), at the
 * line where the limit is passed when that can be told exactly. */
void fld_markdown_depth(fld_ctx *c, const ynode *v, const char *key);

/* Is s a valid identifier: [a-z0-9]+(-[a-z0-9]+)*, at most 48 chars? */
bool fld_is_uid(const char *s);

#endif
