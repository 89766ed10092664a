/*
 * front.h - what scheme.c and catalogue.c share inside the front end.
 */
#ifndef VCSC_FRONT_H
#define VCSC_FRONT_H

#include "fields.h"
#include "model.h"

/* Reads a prose field: a plain string (taken as langs[0]) or a mapping of
 * language id -> string, every id one of langs. Texts are copied into
 * c->a. Returns 0 when out holds at least one translation, -1 when the
 * field is absent (reported if required) or invalid. */
int front_prose(fld_ctx *c, const ynode *map, const ynode *v, const char *key,
                const char *what, bool required, const char *const *langs,
                size_t nlangs, vc_prose *out);

/* Reads a list of objective ids into a set. Returns 0, or -1 after
 * reporting. */
int front_objset(fld_ctx *c, const vc_scheme *s, const ynode *map,
                 const ynode *v, const char *key, const char *what,
                 bool required, vc_objset *out);

#endif
