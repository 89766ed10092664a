/*
 * srcedit.c - line edits of YAML sources (see srcedit.h).
 */
#include "srcedit.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

typedef struct line {
	size_t start, len; /* text without the line ending */
	size_t eol;        /* bytes of the line ending: 0, 1 or 2 */
	bool deleted;
	char *repl; /* replacing text, or NULL */
	char **ins; /* lines inserted after this one */
	size_t nins, inscap;
} line;

struct srcedit {
	char *text;
	size_t len;
	line *lines; /* lines[0] holds insertions at the top */
	int n;
	const char *eol;
};

srcedit *srcedit_new(const char *text, size_t len)
{
	srcedit *e = xcalloc(1, sizeof(*e));
	e->text = xstrndup(text, len);
	e->len = len;
	size_t cap = 0, n = 0;
	line top = {0};
	VEC_PUSH(e->lines, n, cap, top);
	e->eol = "\n";
	size_t i = 0;
	bool first = true;
	while (i < len) {
		line l = {0};
		l.start = i;
		while (i < len && text[i] != '\n')
			i++;
		l.len = i - l.start;
		if (i < len) {
			l.eol = 1;
			i++;
			if (l.len && text[l.start + l.len - 1] == '\r') {
				l.len--;
				l.eol = 2;
			}
			if (first)
				e->eol = l.eol == 2 ? "\r\n" : "\n";
			first = false;
		}
		VEC_PUSH(e->lines, n, cap, l);
	}
	e->n = (int)n - 1;
	return e;
}

void srcedit_free(srcedit *e)
{
	if (!e)
		return;
	for (int i = 0; i <= e->n; i++) {
		free(e->lines[i].repl);
		for (size_t k = 0; k < e->lines[i].nins; k++)
			free(e->lines[i].ins[k]);
		free(e->lines[i].ins);
	}
	free(e->lines);
	free(e->text);
	free(e);
}

int srcedit_lines(const srcedit *e)
{
	return e->n;
}

const char *srcedit_eol(const srcedit *e)
{
	return e->eol;
}

static const line *get(const srcedit *e, int i)
{
	return i >= 1 && i <= e->n ? &e->lines[i] : NULL;
}

/* Indentation of a line in spaces, or -1 when it is blank or a comment
 * only. */
static int indent_of(const srcedit *e, int i)
{
	const line *l = get(e, i);
	if (!l)
		return -1;
	size_t k = 0;
	const char *s = e->text + l->start;
	while (k < l->len && s[k] == ' ')
		k++;
	if (k == l->len || s[k] == '#' || s[k] == '\r')
		return -1;
	return (int)k;
}

bool srcedit_is_blank(const srcedit *e, int line_no)
{
	return indent_of(e, line_no) < 0;
}

/* True when line holds nothing but spaces and tabs. */
static bool only_spaces(const srcedit *e, int i)
{
	const line *l = get(e, i);
	if (!l)
		return false;
	const char *s = e->text + l->start;
	for (size_t k = 0; k < l->len; k++)
		if (s[k] != ' ' && s[k] != '\t')
			return false;
	return true;
}

/* The scalar a block collection ends with: its last item's, all the way
 * down. */
static const ynode *last_leaf(const ynode *n)
{
	while (n->kind != YN_SCALAR && !n->flow && n->n)
		n = n->kind == YN_MAP ? n->items[2 * n->n - 1]
		                      : n->items[n->n - 1];
	return n;
}

int srcedit_last_line(const srcedit *e, const ynode *n)
{
	int last = n->end.line;
	if (n->end.col > 1 || last <= n->pos.line)
		return last;
	/* Only a block scalar ends at the start of a line: its text ends
	 * on the line before, or before the blank lines it swallowed. */
	last--;
	const ynode *leaf = last_leaf(n);
	if (!leaf->block || leaf->end.line != n->end.line ||
	    leaf->end.col != n->end.col)
		return last;
	int blank = 0;
	while (last - blank > leaf->pos.line && only_spaces(e, last - blank))
		blank++;
	/* the value's own blank lines: its line breaks after the last text,
	 * less the one that ends the text */
	int kept = 0;
	for (size_t i = leaf->len; i > 0; i--) {
		char c = leaf->str[i - 1];
		if (c != ' ' && c != '\t' && c != '\n')
			break;
		kept += c == '\n';
	}
	kept = kept > 1 ? kept - 1 : 0;
	return blank > kept ? last - (blank - kept) : last;
}

char *srcedit_prefix(const srcedit *e, int line_no, int col)
{
	const line *l = get(e, line_no);
	if (!l)
		return xstrdup("");
	const char *s = e->text + l->start;
	size_t k = 0;
	for (int c = 1; c < col && k < l->len; c++)
		k += (size_t)utf8_seqlen((const unsigned char *)s + k,
		                         l->len - k);
	return xstrndup(s, k);
}

char *srcedit_suffix(const srcedit *e, int line_no, int col)
{
	const line *l = get(e, line_no);
	if (!l)
		return xstrdup("");
	char *pre = srcedit_prefix(e, line_no, col);
	size_t k = strlen(pre);
	free(pre);
	return xstrndup(e->text + l->start + k, l->len - k);
}

void srcedit_delete(srcedit *e, int from, int to)
{
	for (int i = from; i < to && i <= e->n; i++)
		if (i >= 1)
			e->lines[i].deleted = true;
}

void srcedit_replace(srcedit *e, int line_no, const char *text)
{
	if (line_no < 1 || line_no > e->n)
		return;
	free(e->lines[line_no].repl);
	e->lines[line_no].repl = xstrdup(text);
}

void srcedit_insert_after(srcedit *e, int line_no, const char *text)
{
	if (line_no < 0 || line_no > e->n)
		return;
	line *l = &e->lines[line_no];
	VEC_PUSH(l->ins, l->nins, l->inscap, xstrdup(text));
}

char *srcedit_result(const srcedit *e, size_t *len)
{
	buf b = {0};
	buf_puts(&b, "");
	for (int i = 0; i <= e->n; i++) {
		const line *l = &e->lines[i];
		/* A last line without a line ending keeps the file without a
		 * final one: lines inserted after it end it instead. */
		bool open_end = i >= 1 && l->eol == 0;
		if (i >= 1 && !l->deleted) {
			if (l->repl)
				buf_puts(&b, l->repl);
			else
				buf_put(&b, e->text + l->start, l->len);
			if (l->eol == 2)
				buf_puts(&b, "\r\n");
			else if (l->eol == 1)
				buf_putc(&b, '\n');
			else if (l->nins)
				buf_puts(&b, e->eol);
		}
		for (size_t k = 0; k < l->nins; k++) {
			buf_puts(&b, l->ins[k]);
			if (!open_end || k + 1 < l->nins)
				buf_puts(&b, e->eol);
		}
	}
	*len = b.len;
	return buf_detach(&b);
}

int srcedit_write(const char *path, const char *text, size_t len, diags *d)
{
	outfile of;
	if (outfile_open(&of, path) != 0) {
		d->io_failed = true;
		diag_error(d, NO_POS, "cannot write '%s': %s", path,
		           output_strerror(errno));
		return -1;
	}
	fwrite(text, 1, len, of.fp);
	if (outfile_commit(&of) != 0) {
		d->io_failed = true;
		diag_error(d, NO_POS, "cannot write '%s': %s", path,
		           output_strerror(errno));
		return -1;
	}
	return 0;
}
