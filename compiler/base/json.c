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

void json_write_escaped(FILE *fp, const char *s, size_t n)
{
	fputc('"', fp);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"': fputs("\\\"", fp); break;
		case '\\': fputs("\\\\", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\t': fputs("\\t", fp); break;
		case '\b': fputs("\\b", fp); break;
		case '\f': fputs("\\f", fp); break;
		default:
			if (c < 0x20 || c == 0x7F)
				fprintf(fp, "\\u%04x", c);
			else
				fputc(c, fp);
		}
	}
	fputc('"', fp);
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
	if (!w->first)
		newline(w);
	fputc(c, w->fp);
	w->first = false;
}

void json_begin_object(json_writer *w) { begin(w, '{'); }
void json_end_object(json_writer *w) { end(w, '}'); }
void json_begin_array(json_writer *w) { begin(w, '['); }
void json_end_array(json_writer *w) { end(w, ']'); }

void json_key(json_writer *w, const char *key)
{
	sep(w);
	json_write_escaped(w->fp, key, strlen(key));
	fputs(w->indent ? ": " : ":", w->fp);
	w->after_key = true;
}

void json_string_n(json_writer *w, const char *s, size_t n)
{
	sep(w);
	json_write_escaped(w->fp, s, n);
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
