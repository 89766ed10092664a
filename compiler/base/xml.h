/*
 * xml.h - the small element builders every XML-producing back end uses
 * (the site document, the change log, the standalone change-log page),
 * on libxml2's tree API: text reaches a tree only as text nodes and
 * attribute values, never as markup.
 *
 * Ownership: every node made here belongs to the document of its
 * parent; strings passed in are copied.
 */
#ifndef VCSC_XML_H
#define VCSC_XML_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "util.h"

/* A C string as libxml2's string type (libxml2's BAD_CAST drops const). */
#define XML_STR(s) ((const xmlChar *)(s))

/* A new, empty element name appended to parent. */
xmlNodePtr xml_el(xmlNodePtr parent, const char *name);

/* Attribute k="v"; nothing when v is NULL, so that optional values
 * (a release date, a predecessor) need no test at every call. */
void xml_attr(xmlNodePtr n, const char *k, const char *v);
void xml_attrf(xmlNodePtr n, const char *k, const char *fmt, ...)
    PRINTF_LIKE(3, 4);
/* k="true" or k="false". */
void xml_attr_bool(xmlNodePtr n, const char *k, bool v);
void xml_attr_size(xmlNodePtr n, const char *k, size_t v);

/* Appends text (s may be NULL); an empty text adds no node. */
void xml_text(xmlNodePtr parent, const char *s);
void xml_text_n(xmlNodePtr parent, const char *s, size_t n);

/* A new element name holding the text s (none when s is NULL or
 * empty), appended to parent. */
xmlNodePtr xml_text_el(xmlNodePtr parent, const char *name, const char *s);

#endif
