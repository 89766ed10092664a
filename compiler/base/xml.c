/*
 * xml.c - element builders on libxml2's tree API (see xml.h).
 */
#include "xml.h"

#include <stdarg.h>
#include <stdio.h>

xmlNodePtr xml_el(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, NULL, XML_STR(name), NULL);
}

void xml_attr(xmlNodePtr n, const char *k, const char *v)
{
	if (v)
		xmlNewProp(n, XML_STR(k), XML_STR(v));
}

void xml_attrf(xmlNodePtr n, const char *k, const char *fmt, ...)
{
	va_list ap;
	buf b = {0};
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	xml_attr(n, k, b.data ? b.data : "");
	buf_free(&b);
}

void xml_attr_bool(xmlNodePtr n, const char *k, bool v)
{
	xml_attr(n, k, v ? "true" : "false");
}

void xml_attr_size(xmlNodePtr n, const char *k, size_t v)
{
	char b[32];
	snprintf(b, sizeof(b), "%zu", v);
	xml_attr(n, k, b);
}

void xml_text_n(xmlNodePtr parent, const char *s, size_t n)
{
	if (s && n)
		xmlAddChild(parent, xmlNewTextLen(XML_STR(s), (int)n));
}

void xml_text(xmlNodePtr parent, const char *s)
{
	if (s && *s)
		xmlAddChild(parent, xmlNewText(XML_STR(s)));
}

xmlNodePtr xml_text_el(xmlNodePtr parent, const char *name, const char *s)
{
	xmlNodePtr e = xml_el(parent, name);
	xml_text(e, s);
	return e;
}
