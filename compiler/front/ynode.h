/*
 * ynode.h - the YAML front end: a file becomes a small tree of scalars,
 * sequences and mappings, each node carrying its source position.
 *
 * Built on libyaml's event API. The loader accepts the safe subset of YAML
 * that catalogue sources need and rejects the rest with a diagnostic:
 * anchors and aliases (an alias bomb fails at its first anchor), merge keys,
 * tags, more than one document, keys that are not scalars, duplicate keys,
 * nesting deeper than YN_MAX_DEPTH, files larger than YN_MAX_FILE, bytes
 * that are not UTF-8, and NUL characters.
 *
 * Scalars are not typed here: a field reader decides what a scalar means.
 *
 * Ownership: every node and string is allocated in the arena passed in.
 */
#ifndef VCSC_YNODE_H
#define VCSC_YNODE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/util.h"

#define YN_MAX_DEPTH 32
#define YN_MAX_FILE (4u * 1024u * 1024u)

typedef enum { YN_SCALAR, YN_SEQ, YN_MAP } yn_kind;

typedef struct ynode ynode;
struct ynode {
	yn_kind kind;
	srcpos pos;
	/* Just after the node's last character, as libyaml marks it: a block
	 * scalar ends at column 1 of the line after its last one (past any
	 * blank lines it swallowed); a block mapping or sequence ends where
	 * its last item does. Line edits need this: a quoted value may go
	 * on in lines indented no deeper than its key. */
	srcpos end;
	bool flow; /* a flow mapping or sequence: {...} or [...] */
	/* YN_SCALAR */
	const char *str;
	size_t len;
	bool plain; /* plain (unquoted) scalar: ~, null and "" mean missing */
	bool block; /* literal or folded block scalar */
	bool bad;   /* already reported (alias, NUL, ...): readers skip it */
	/* YN_SEQ: items[0..n); YN_MAP: items[2i] key, items[2i+1] value */
	ynode **items;
	size_t n;
};

/* Loads path. Returns the root node, or NULL after reporting why. An
 * empty file gives an empty mapping. */
ynode *yn_load_file(arena *a, diags *d, const char *path);
/* Loads text already in memory (name is used in diagnostics; the diags
 * object takes ownership of text, which must be NUL-terminated). */
ynode *yn_load_text(arena *a, diags *d, const char *name, char *text,
                    size_t len);

/* Whether path may be read as a file of the catalogue under root. A
 * symbolic link is followed only to a file or folder within root (both
 * resolved):
 * contributed catalogues are checked in CI whose logs are public, and a
 * link to a file elsewhere would show that file's lines in diagnostics.
 * Returns 0 when path resolves within root (or does not exist: reading
 * it then reports that); otherwise reports an error at path, without
 * reading it, and returns -1: for a link that leads out of root, for a
 * dangling link and for a chain of links that does not end. */
int yn_check_inside(diags *d, const char *path, const char *root);

/* True for a scalar that YAML would read as null: plain ~, null, Null,
 * NULL or empty. */
bool yn_is_null(const ynode *n);
/* Human name of the node's kind: "a mapping", "a sequence", "a string". */
const char *yn_kind_name(const ynode *n);
/* Value of key in a mapping, or NULL. */
ynode *yn_map_get(const ynode *map, const char *key);

#endif
