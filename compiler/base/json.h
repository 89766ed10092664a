/*
 * json.h - a streaming JSON writer with deterministic output.
 *
 * Strings are written as UTF-8 with only '"', '\\' and control characters
 * escaped (as \n, \t, ... or \u00XX), so equal input gives equal bytes.
 * indent 0 writes compact JSON; otherwise each member is on its own line.
 *
 * For JSON inside JavaScript (the site's search index, a file loaded
 * through a <script> element), set script_safe after json_init: '<', '>'
 * and '&' are then written as \u003c, \u003e, \u0026, so that the data
 * stays inert even if pasted into an HTML page (no "</script>", no
 * entities), and U+2028 and U+2029 as \u2028 and \u2029, which JSON
 * allows raw but JavaScript before ES2019 reads as line terminators.
 */
#ifndef VCSC_JSON_H
#define VCSC_JSON_H

#include <stdbool.h>
#include <stdio.h>

typedef struct json_writer {
	FILE *fp;
	int indent;
	int depth;
	bool first;       /* no member yet at this depth */
	bool after_key;   /* a key was written; the value follows on its line */
	bool line_break;  /* json_line_break: next member on a new line */
	bool script_safe; /* escape for JavaScript too (see above) */
} json_writer;

void json_init(json_writer *w, FILE *fp, int indent);
void json_begin_object(json_writer *w);
void json_end_object(json_writer *w);
void json_begin_array(json_writer *w);
void json_end_array(json_writer *w);
void json_key(json_writer *w, const char *key);
void json_string(json_writer *w, const char *s);
void json_string_n(json_writer *w, const char *s, size_t n);
void json_int(json_writer *w, long long v);
void json_bool(json_writer *w, bool v);
void json_null(json_writer *w);
/* Compact output (indent 0): the next member of the current object or
 * array, or its end if none follows, starts on a new line; so that a
 * long compact array (the search index's questions) still reads as one
 * element per line. */
void json_line_break(json_writer *w);
/* Ends the document with a newline. */
void json_finish(json_writer *w);

/* Writes s as a JSON string literal (with quotes) to fp. */
void json_write_escaped(FILE *fp, const char *s, size_t n);

#endif
