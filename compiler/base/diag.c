/*
 * diag.c - collecting and printing diagnostics.
 */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"

void diags_init(diags *d)
{
	memset(d, 0, sizeof(*d));
	d->max_errors = 100;
}

void diags_free(diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->items[i].msg);
	free(d->items);
	for (size_t i = 0; i < d->nsrcs; i++) {
		free(d->srcs[i].path);
		free(d->srcs[i].text);
	}
	free(d->srcs);
	memset(d, 0, sizeof(*d));
}

const char *diags_source(diags *d, const char *path, char *text, size_t len)
{
	for (size_t i = 0; i < d->nsrcs; i++) {
		if (strcmp(d->srcs[i].path, path) == 0) {
			if (text) {
				free(d->srcs[i].text);
				d->srcs[i].text = text;
				d->srcs[i].len = len;
			}
			return d->srcs[i].path;
		}
	}
	grow_array((void **)&d->srcs, &d->srccap, d->nsrcs + 1,
	           sizeof(*d->srcs));
	diag_source *s = &d->srcs[d->nsrcs++];
	s->path = xstrdup(path);
	s->text = text;
	s->len = len;
	return s->path;
}

bool diags_full(const diags *d)
{
	return d->max_errors > 0 && d->errors >= d->max_errors;
}

int diags_failed(const diags *d)
{
	return d->errors + (d->werror ? d->warnings : 0);
}

void diags_vadd(diags *d, diag_severity sev, srcpos pos, const char *fmt,
                va_list ap)
{
	if (sev == DIAG_ERROR && diags_full(d)) {
		d->truncated = true;
		return;
	}
	buf b = {0};
	buf_vprintf(&b, fmt, ap);
	diag_item it = {sev, pos, buf_detach(&b)};
	VEC_PUSH(d->items, d->n, d->cap, it);
	if (sev == DIAG_ERROR)
		d->errors++;
	else if (sev == DIAG_WARNING)
		d->warnings++;
	else
		d->notes++;
}

void diags_add(diags *d, diag_severity sev, srcpos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diags_vadd(d, sev, pos, fmt, ap);
	va_end(ap);
}

static const diag_source *find_source(const diags *d, const char *path)
{
	if (!path)
		return NULL;
	for (size_t i = 0; i < d->nsrcs; i++)
		if (d->srcs[i].path == path ||
		    strcmp(d->srcs[i].path, path) == 0)
			return &d->srcs[i];
	return NULL;
}

/* Prints source line `line` of s and a caret under column col. Bytes that
 * are not valid UTF-8 or are control characters print as U+FFFD so that
 * the caret stays aligned and the terminal stays sane. Long lines are cut
 * around the column. */
static void print_excerpt(FILE *fp, const diag_source *s, int line, int col,
                          bool color)
{
	if (!s || !s->text || line <= 0)
		return;
	const char *p = s->text, *end = s->text + s->len;
	for (int l = 1; l < line && p < end; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return;
		p = nl + 1;
	}
	if (line == 1 && end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3; /* columns count from after a byte-order mark */
	const char *eol = memchr(p, '\n', (size_t)(end - p));
	if (!eol)
		eol = end;
	if (eol > p && eol[-1] == '\r')
		eol--;
	/* Collect the characters of the line. */
	buf text = {0}, mark = {0};
	int ch = 1, first = 1;
	const int width = 120;
	if (col > width - 20)
		first = col - (width - 40);
	for (const char *q = p; q < eol && ch < first + width;) {
		int n =
		    utf8_seqlen((const unsigned char *)q, (size_t)(eol - q));
		uint32_t cp = 0;
		bool ok = utf8_decode((const unsigned char *)q,
		                      (size_t)(eol - q), &cp) == n;
		if (ch >= first) {
			if (!ok || (cp < 0x20 && cp != '\t') || cp == 0x7F ||
			    cp == 0x85 || cp == 0x2028 || cp == 0x2029)
				buf_puts(&text, "\xEF\xBF\xBD");
			else
				buf_put(&text, q, (size_t)n);
			if (ch < col)
				buf_putc(&mark, cp == '\t' && ok ? '\t' : ' ');
		}
		q += n;
		ch++;
	}
	if (col >= ch)
		for (int i = ch; i < col; i++)
			buf_putc(&mark, ' ');
	fprintf(fp, "%5d | %s%s\n", line, first > 1 ? "..." : "",
	        text.data ? text.data : "");
	if (col > 0)
		fprintf(fp, "      | %s%s%s^%s\n", first > 1 ? "   " : "",
		        mark.data ? mark.data : "", color ? "\033[1;32m" : "",
		        color ? "\033[0m" : "");
	buf_free(&text);
	buf_free(&mark);
}

static const char *sev_name(diag_severity s)
{
	return s == DIAG_ERROR     ? "error"
	       : s == DIAG_WARNING ? "warning"
	                           : "note";
}

static const char *sev_color(diag_severity s)
{
	return s == DIAG_ERROR     ? "\033[1;31m"
	       : s == DIAG_WARNING ? "\033[1;35m"
	                           : "\033[1;36m";
}

void diags_print(const diags *d, FILE *fp, bool color)
{
	diags_print_from(d, fp, color, 0);
}

void diags_print_from(const diags *d, FILE *fp, bool color, size_t from)
{
	for (size_t i = from; i < d->n; i++) {
		const diag_item *it = &d->items[i];
		if (d->hide_notes && it->sev == DIAG_NOTE)
			continue;
		if (color)
			fputs("\033[1m", fp);
		if (it->pos.file && it->pos.line > 0)
			fprintf(fp, "%s:%d:%d: ", it->pos.file, it->pos.line,
			        it->pos.col);
		else if (it->pos.file)
			fprintf(fp, "%s: ", it->pos.file);
		else
			fputs("vcsc: ", fp);
		if (color)
			fprintf(fp, "%s%s:\033[0m\033[1m %s\033[0m\n",
			        sev_color(it->sev), sev_name(it->sev), it->msg);
		else
			fprintf(fp, "%s: %s\n", sev_name(it->sev), it->msg);
		print_excerpt(fp, find_source(d, it->pos.file), it->pos.line,
		              it->pos.col, color);
	}
	if (d->truncated)
		fprintf(fp,
		        "vcsc: too many errors; stopped after %d "
		        "(--max-errors N changes the limit)\n",
		        d->max_errors);
}

void diags_print_json(const diags *d, FILE *fp)
{
	json_writer w;
	json_init(&w, fp, 2);
	json_begin_object(&w);
	json_key(&w, "diagnostics");
	json_begin_array(&w);
	for (size_t i = 0; i < d->n; i++) {
		const diag_item *it = &d->items[i];
		json_begin_object(&w);
		json_key(&w, "file");
		if (it->pos.file)
			json_string(&w, it->pos.file);
		else
			json_null(&w);
		json_key(&w, "line");
		json_int(&w, it->pos.line);
		json_key(&w, "column");
		json_int(&w, it->pos.col);
		json_key(&w, "severity");
		json_string(&w, sev_name(it->sev));
		json_key(&w, "message");
		json_string(&w, it->msg);
		json_end_object(&w);
	}
	json_end_array(&w);
	json_key(&w, "errors");
	json_int(&w, d->errors);
	json_key(&w, "warnings");
	json_int(&w, d->warnings);
	json_key(&w, "notes");
	json_int(&w, d->notes);
	json_key(&w, "truncated");
	json_bool(&w, d->truncated);
	json_end_object(&w);
	json_finish(&w);
}
