/*
 * json.c - the streaming JSON writer.
 */
#include "json.h"

#include <string.h>

void json_init(json_writer *w, FILE *fp, int indent)
{
	memset(w, 0, sizeof(*w));
	w->fp = fp;
	w->indent = indent;
	w->first = true;
}

static void newline(json_writer *w)
{
	if (w->line_break) {
		w->line_break = false;
		fputc('\n', w->fp);
	}
	if (!w->indent)
		return;
	fputc('\n', w->fp);
	for (int i = 0; i < w->depth * w->indent; i++)
		fputc(' ', w->fp);
}

/* Called before every value or key. */
static void sep(json_writer *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth == 0)
		return;
	if (!w->first)
		fputc(',', w->fp);
	newline(w);
	w->first = false;
}

void json_line_break(json_writer *w)
{
	if (!w->indent)
		w->line_break = true;
}

/* s[0, n) as a string literal; script_safe as in json.h. */
static void write_string(FILE *fp, const char *s, size_t n, bool script_safe)
{
	const unsigned char *u = (const unsigned char *)s;
	fputc('"', fp);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = u[i];
		switch (c) {
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		case '\b':
			fputs("\\b", fp);
			break;
		case '\f':
			fputs("\\f", fp);
			break;
		default:
			if (c < 0x20 || c == 0x7F ||
			    (script_safe &&
			     (c == '<' || c == '>' || c == '&'))) {
				fprintf(fp, "\\u%04x", c);
			} else if (script_safe && c == 0xE2 && i + 2 < n &&
			           u[i + 1] == 0x80 &&
			           (u[i + 2] == 0xA8 || u[i + 2] == 0xA9)) {
				/* U+2028, U+2029 */
				fputs(u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029",
				      fp);
				i += 2;
			} else {
				fputc(c, fp);
			}
		}
	}
	fputc('"', fp);
}

void json_write_escaped(FILE *fp, const char *s, size_t n)
{
	write_string(fp, s, n, false);
}

static void begin(json_writer *w, char c)
{
	sep(w);
	fputc(c, w->fp);
	w->depth++;
	w->first = true;
}

static void end(json_writer *w, char c)
{
	w->depth--;
	if (!w->first || w->line_break)
		newline(w);
	fputc(c, w->fp);
	w->first = false;
}

void json_begin_object(json_writer *w)
{
	begin(w, '{');
}
void json_end_object(json_writer *w)
{
	end(w, '}');
}
void json_begin_array(json_writer *w)
{
	begin(w, '[');
}
void json_end_array(json_writer *w)
{
	end(w, ']');
}

void json_key(json_writer *w, const char *key)
{
	sep(w);
	write_string(w->fp, key, strlen(key), w->script_safe);
	fputs(w->indent ? ": " : ":", w->fp);
	w->after_key = true;
}

void json_string_n(json_writer *w, const char *s, size_t n)
{
	sep(w);
	write_string(w->fp, s, n, w->script_safe);
}

void json_string(json_writer *w, const char *s)
{
	if (!s) {
		json_null(w);
		return;
	}
	json_string_n(w, s, strlen(s));
}

void json_int(json_writer *w, long long v)
{
	sep(w);
	fprintf(w->fp, "%lld", v);
}

void json_bool(json_writer *w, bool v)
{
	sep(w);
	fputs(v ? "true" : "false", w->fp);
}

void json_null(json_writer *w)
{
	sep(w);
	fputs("null", w->fp);
}

void json_finish(json_writer *w)
{
	fputc('\n', w->fp);
}
