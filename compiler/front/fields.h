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

/* A mapping read by fld_map, remembered so that a key indented into one
 * of its values can be named as such ("'references' is a key of
 * requirement 1.2.a, indented into 'must'"). */
typedef struct fld_seen {
	const ynode *map;
	const char *const *keys;
	size_t nkeys;
	const char *what; /* in the arena */
} fld_seen;

typedef struct fld_ctx {
	arena *a;
	diags *d;
	/* the mappings read by fld_map that hold the one read last: each
	 * call drops those that do not hold its node (by source position)
	 * and adds its own; zeroed at the start */
	fld_seen seen[YN_MAX_DEPTH];
	size_t nseen;
} fld_ctx;

/* Checks that node is a mapping and stores the value of each key found in
 * keys[] at out[index]; out[] must hold nkeys entries. Unknown keys are
 * reported with a "did you mean" suggestion. Returns -1 if node is not a
 * mapping. */
int fld_map(fld_ctx *c, const ynode *node, const char *what,
            const char *const *keys, size_t nkeys, ynode **out);

/* When key, unknown in the mapping node, is a key of a mapping fld_map
 * read before that holds node as a value (directly or as an item of a
 * list), reports that key as indented into the wrong mapping and
 * returns true: "'references' is a key of requirement 1.2.a, but it is
 * indented into 'must' (line 14); indent it like 'must' (column 9)".
 * at is the position of the key. */
bool fld_misplaced_key(fld_ctx *c, const ynode *node, const char *key,
                       srcpos at);

/* Names the mapping node, read by fld_map, anew for such messages, once
 * the reader knows more ("question 1.2" for "a control question"). */
void fld_rename(fld_ctx *c, const ynode *node, const char *what);

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

/* Why s is not a date YYYY-MM-DD of the calendar, as the words that
 * follow "'KEY' " (or "--date "): "is '2026-02-30', but February 2026
 * has 28 days", with the likely meant date where there is one (2026-3-1,
 * 01.03.2026, a month and a day swapped); NULL for a good date. Caller
 * frees. */
char *fld_date_problem(const char *s);

/* Checks that v is a list (sequence); reports otherwise. */
bool fld_list(fld_ctx *c, const ynode *v, const char *key);

/* Warns when the Markdown text of scalar v (a prose field named key)
 * nests deeper than documents show it (MD_MAX_DEPTH in md.h), at the
 * line where the limit is passed when that can be told exactly. */
void fld_markdown_depth(fld_ctx *c, const ynode *v, const char *key);

/* Warns about what documents do not publish as written in the Markdown
 * text of scalar v (a prose field named key): raw HTML (shown as plain
 * text; one warning per text) and links or images whose target is not
 * http, https or mailto (javascript:, data:, ...; published without the
 * link), each at its line where the source spells it out. */
void fld_markdown_unsafe(fld_ctx *c, const ynode *v, const char *key);

/* Is s a valid identifier: [a-z0-9]+(-[a-z0-9]+)*, at most 48 chars? */
bool fld_is_uid(const char *s);

#endif
