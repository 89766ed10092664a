/*
 * yhint.c - libyaml's syntax errors explained (see yhint.h).
 *
 * libyaml says what its grammar missed ("did not find expected key"),
 * at the place where it noticed: an editor needs to know which line to
 * change and how. The explanations look at the lines around that place
 * the way a reader would: the indentation of the keys and list items
 * above (which levels are open), a ': ' in text, a quote that opens a
 * value and does not close on its line, a tab in the indentation.
 */
#include "yhint.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

typedef struct src {
	const char *text;
	size_t len;
	size_t *start; /* line i (1-based) starts at start[i - 1] */
	int n;
} src;

static void src_init(src *s, const char *text, size_t len)
{
	size_t cap = 0, n = 0;
	s->text = text;
	s->len = len;
	s->start = NULL;
	VEC_PUSH(s->start, n, cap, 0);
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n')
			VEC_PUSH(s->start, n, cap, i + 1);
	s->n = (int)n;
}

/* Line i without its line ending, and its length; NULL when there is
 * no such line. */
static const char *line_at(const src *s, int i, size_t *n)
{
	if (i < 1 || i > s->n)
		return NULL;
	size_t b = s->start[i - 1];
	size_t e = i < s->n ? s->start[i] - 1 : s->len;
	if (e > b && s->text[e - 1] == '\r')
		e--;
	*n = e - b;
	return s->text + b;
}

/* The byte offset of character column col (1-based) in p[0, n). */
static size_t col_byte(const char *p, size_t n, int col)
{
	size_t k = 0;
	for (int c = 1; c < col && k < n; c++)
		k += (size_t)utf8_seqlen((const unsigned char *)p + k, n - k);
	return k;
}

static int byte_col(const char *p, size_t off)
{
	return (int)utf8_count(p, off) + 1;
}

/* A line as a reader of YAML sees it: how deep it is indented, whether
 * it starts a list item ("- "), and the key it starts, if any. */
typedef struct yline {
	int indent;   /* spaces before the first other character */
	bool tab;     /* a tab among them */
	bool dash;    /* starts with "- " */
	int item_col; /* where the item's content starts (after "- ") */
	char key[49]; /* "" when the line starts no "key:" */
	int key_col;
	int colon_col;
	const char *value; /* after "key: ", in the line */
	size_t value_len;
} yline;

static bool is_key_char(char ch, bool first)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       ch == '_' || (!first && ((ch >= '0' && ch <= '9') || ch == '-'));
}

/* Reads line i. Returns false for a missing, blank or comment line. */
static bool read_line(const src *s, int i, yline *y)
{
	size_t n;
	const char *p = line_at(s, i, &n);
	memset(y, 0, sizeof(*y));
	if (!p)
		return false;
	size_t j = 0;
	while (j < n && (p[j] == ' ' || p[j] == '\t')) {
		y->tab |= p[j] == '\t';
		j++;
	}
	if (j == n || p[j] == '#')
		return false;
	y->indent = (int)j;
	while (j < n && p[j] == '-' && (j + 1 == n || p[j + 1] == ' ')) {
		y->dash = true;
		j++;
		while (j < n && p[j] == ' ')
			j++;
	}
	y->item_col = byte_col(p, j);
	size_t k = j;
	while (k < n && k - j < 48 && is_key_char(p[k], k == j))
		k++;
	if (k > j && k < n && p[k] == ':' &&
	    (k + 1 == n || p[k + 1] == ' ' || p[k + 1] == '\t')) {
		memcpy(y->key, p + j, k - j);
		y->key[k - j] = '\0';
		y->key_col = byte_col(p, j);
		y->colon_col = byte_col(p, k);
		size_t v = k + 1;
		while (v < n && (p[v] == ' ' || p[v] == '\t'))
			v++;
		y->value = p + v;
		y->value_len = n - v;
	}
	return true;
}

/* The nearest line above line i that holds something. */
static int line_above(const src *s, int i, yline *y)
{
	for (int k = i - 1; k >= 1; k--)
		if (read_line(s, k, y))
			return k;
	return 0;
}

/* An indentation in use above a line: where the keys of a mapping or
 * the '- ' of a list's items stand. */
typedef struct level {
	int indent;
	int line;
	bool item; /* the '- ' of a list item, else a key */
	char key[49];
} level;

#define MAX_LEVELS 40

/* The levels open above line i, deepest first: walking up, every key or
 * list item indented less than all those after it (a list item also
 * opens the level of its keys). */
static int open_levels(const src *s, int i, level *out)
{
	int n = 0, lim = 1 << 30;
	for (int k = i - 1; k >= 1 && lim > 0 && n + 2 <= MAX_LEVELS; k--) {
		yline y;
		if (!read_line(s, k, &y) || (!y.dash && !y.key[0]))
			continue; /* text, not structure */
		if (y.dash && y.key[0] && y.key_col - 1 < lim) {
			level l = {y.key_col - 1, k, false, ""};
			memcpy(l.key, y.key, sizeof(l.key));
			out[n++] = l;
			lim = y.key_col - 1;
		}
		if (y.indent < lim) {
			level l = {y.indent, k, y.dash, ""};
			if (!y.dash)
				memcpy(l.key, y.key, sizeof(l.key));
			out[n++] = l;
			lim = y.indent;
		}
	}
	return n;
}

static void say_level(buf *b, const level *l)
{
	if (l->item)
		buf_printf(b, "the list item on line %d by %d", l->line,
		           l->indent);
	else
		buf_printf(b, "'%s' on line %d by %d", l->key, l->line,
		           l->indent);
}

/* Explains line i as indented to match nothing above it; false when its
 * indentation does match a level (something else is wrong). */
static bool misaligned(const src *s, int i, buf *b, int *line, int *col)
{
	yline y;
	if (!read_line(s, i, &y))
		return false;
	level lv[MAX_LEVELS];
	int n = open_levels(s, i, lv);
	const level *deeper = NULL, *shallower = NULL;
	for (int k = 0; k < n; k++) {
		if (lv[k].indent == y.indent)
			return false;
		if (lv[k].indent > y.indent)
			deeper = &lv[k];
		else if (!shallower)
			shallower = &lv[k];
	}
	buf_printf(b,
	           "line %d is indented by %d space%s, which lines up "
	           "with nothing above it",
	           i, y.indent, y.indent == 1 ? "" : "s");
	if (deeper || shallower) {
		buf_puts(b, " (");
		if (deeper)
			say_level(b, deeper);
		if (deeper && shallower)
			buf_puts(b, ", ");
		if (shallower)
			say_level(b, shallower);
		buf_puts(b, ")");
	}
	buf_puts(b, "; indent it like the key or list item it belongs "
	            "with");
	*line = i;
	*col = y.indent + 1;
	return true;
}

/* ---- quotes ---- */

/* Where the quoted text that opens at byte q of the text ends: the byte
 * offset of its closing quote, or len when it never closes. */
static size_t quote_end(const src *s, size_t q)
{
	char qc = s->text[q];
	for (size_t i = q + 1; i < s->len; i++) {
		if (qc == '"' && s->text[i] == '\\') {
			i++;
			continue;
		}
		if (s->text[i] != qc)
			continue;
		if (qc == '\'' && i + 1 < s->len && s->text[i + 1] == '\'') {
			i++; /* '' is a quote inside single quotes */
			continue;
		}
		return i;
	}
	return s->len;
}

static int line_of(const src *s, size_t off)
{
	int lo = 1, hi = s->n;
	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;
		if (s->start[mid - 1] <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/* A value on line i that opens with a quote and does not close it on
 * that line: the quote's byte offset in the text, or SIZE_MAX. */
static size_t open_quote(const src *s, int i)
{
	yline y;
	if (!read_line(s, i, &y))
		return SIZE_MAX;
	size_t n;
	const char *p = line_at(s, i, &n);
	const char *v = y.key[0] ? y.value
	                : y.dash ? p + col_byte(p, n, y.item_col)
	                         : NULL;
	if (!v || v >= p + n || (*v != '"' && *v != '\''))
		return SIZE_MAX;
	size_t q = (size_t)(v - s->text);
	size_t e = quote_end(s, q);
	return line_of(s, e < s->len ? e : s->len) > i ? q : SIZE_MAX;
}

static void explain_quote(const src *s, size_t q, int upto, buf *b, int *line,
                          int *col)
{
	char qc = s->text[q];
	int ql = line_of(s, q);
	size_t n;
	const char *p = line_at(s, ql, &n);
	size_t e = quote_end(s, q);
	*line = ql;
	*col = byte_col(p, q - s->start[ql - 1]);
	const char *name = qc == '"' ? "double" : "single";
	const char *inside = qc == '"' ? "\\\"" : "''";
	if (e >= s->len)
		buf_printf(b,
		           "the %s quote that opens the text here is never "
		           "closed, so YAML reads the rest of the file as "
		           "text; end the text with %c on this line (a %c "
		           "inside the text is written %s)",
		           name, qc, qc, inside);
	else if (line_of(s, e) == upto)
		buf_printf(b,
		           "the %s quote that opens the text here is not "
		           "closed on this line, so YAML reads on as text to "
		           "the next %c (line %d) and stumbles there; end the "
		           "text with %c on this line (a %c inside the text is "
		           "written %s)",
		           name, qc, upto, qc, qc, inside);
	else
		buf_printf(
		    b,
		    "the %s quote that opens the text here is not "
		    "closed on this line, so YAML reads on as text to "
		    "the next %c (line %d) and stumbles on line %d; end "
		    "the text with %c on this line (a %c inside the text "
		    "is written %s)",
		    name, qc, line_of(s, e), upto, qc, qc, inside);
}

/* An unclosed quote on a line from first to line (the error's), whose
 * text runs on at least to the line before the error: the usual cause
 * of an error far from where the mistake is. */
static bool unclosed_quote(const src *s, int first, int line, buf *b, int *at,
                           int *col)
{
	if (first < 1 || first > line)
		first = line > 60 ? line - 60 : 1;
	for (int i = line; i >= first; i--) {
		size_t q = open_quote(s, i);
		if (q == SIZE_MAX)
			continue;
		size_t e = quote_end(s, q);
		if (e < s->len && line_of(s, e) < line - 1)
			continue; /* closes well before: text on several lines
			           */
		explain_quote(s, q, line, b, at, col);
		return true;
	}
	return false;
}

/* ---- the explanations ---- */

static bool has(const char *s, const char *part)
{
	return s && strstr(s, part);
}

/* The character at column col of line i, or 0. */
static char char_at(const src *s, int i, int col)
{
	size_t n;
	const char *p = line_at(s, i, &n);
	if (!p)
		return 0;
	size_t k = col_byte(p, n, col);
	return k < n ? p[k] : 0;
}

/* A tab where YAML wants spaces, on line i. */
static bool explain_tab(const src *s, int i, const yhint_report *r, buf *b,
                        int *line, int *col)
{
	size_t n;
	const char *p = line_at(s, i, &n);
	if (!p)
		return false;
	size_t t = 0;
	while (t < n && p[t] == ' ')
		t++;
	bool lead = t < n && p[t] == '\t';
	if (!lead && !has(r->problem, "tab") &&
	    char_at(s, r->line, r->col) != '\t')
		return false;
	if (!lead) {
		t = col_byte(p, n, r->col);
		if (t >= n || p[t] != '\t') {
			const char *tab = memchr(p, '\t', n);
			if (!tab)
				return false;
			t = (size_t)(tab - p);
		}
	}
	*line = i;
	*col = byte_col(p, t);
	yline above;
	int k = line_above(s, i, &above);
	if (lead && k)
		buf_printf(b,
		           "a tab in the indentation of line %d; YAML "
		           "indents with spaces only: replace it with spaces "
		           "(line %d is indented by %d)",
		           i, k, above.indent);
	else
		buf_printf(b,
		           "a tab %s line %d; YAML indents with spaces only: "
		           "replace it with spaces",
		           lead ? "in the indentation of" : "on", i);
	return true;
}

/* ': ' where YAML takes it for a key (libyaml: "mapping values are not
 * allowed in this context"). */
static void explain_colon(const src *s, const yhint_report *r, buf *b,
                          int *line, int *col)
{
	yline y, up;
	read_line(s, r->line, &y);
	size_t n;
	const char *p = line_at(s, r->line, &n);
	*line = r->line;
	*col = r->col;
	if (!p) {
		buf_puts(b, "a ': ' where YAML expects no key; put the text "
		            "in quotes");
		return;
	}
	size_t c = col_byte(p, n, r->col);
	/* the few words before the colon, to name the place */
	size_t from = c > 24 ? c - 24 : 0;
	if (y.key[0] && y.value && (size_t)(y.value - p) > from &&
	    (size_t)(y.value - p) < c)
		from = (size_t)(y.value - p);
	/* whole words only */
	while (from > 0 && from < c && p[from - 1] != ' ')
		from++;
	while (from < c && p[from] == ' ')
		from++;
	while (from < c && (p[from] & 0xC0) == 0x80)
		from++;
	*line = r->line;
	*col = r->col;
	if (y.key[0] && y.colon_col < r->col) {
		buf_printf(b,
		           "the text of '%s' holds ': ' (after '%.*s'), which "
		           "YAML reads as the start of another key; put the "
		           "whole text in quotes (%s: \"...\") or write it as "
		           "a block ('%s: >-' and the text on the lines below, "
		           "indented)",
		           y.key, (int)(c - from), p + from, y.key, y.key);
		return;
	}
	int k = line_above(s, r->line, &up);
	if (y.key[0] && y.colon_col == r->col && k && up.key[0] &&
	    y.key_col > up.key_col) {
		*col = y.key_col;
		buf_printf(b,
		           "'%s' is indented deeper than '%s' on line %d, so "
		           "YAML reads it as more of the text of '%s'; if it "
		           "is a key beside '%s', indent it like '%s' (by %d "
		           "spaces)",
		           y.key, up.key, k, up.key, up.key, up.key,
		           up.key_col - 1);
		return;
	}
	if (y.key[0] && y.colon_col == r->col) {
		*col = y.key_col;
		buf_printf(b,
		           "'%s' stands where YAML expects no key: it goes on "
		           "the text above it; line it up with the keys of its "
		           "mapping",
		           y.key);
		return;
	}
	buf_printf(b,
	           "the text on line %d holds ': ' (after '%.*s'), which "
	           "YAML reads as the start of a key; put the whole text in "
	           "quotes or write it as a block ('key: >-' and the text on "
	           "the lines below, indented)",
	           r->line, (int)(c - from), p + from);
}

/* Something follows a value that has ended: text after a closing quote
 * or after a list written [..] (libyaml: "did not find expected key"
 * with the mark inside a line). */
static bool explain_after_value(const src *s, const yhint_report *r, buf *b,
                                int *line, int *col)
{
	yline y;
	if (!read_line(s, r->line, &y) || r->col - 1 <= y.indent)
		return false;
	size_t n;
	const char *p = line_at(s, r->line, &n);
	size_t c = col_byte(p, n, r->col);
	size_t k = c;
	while (k > 0 && p[k - 1] == ' ')
		k--;
	if (k == 0)
		return false;
	char end = p[k - 1];
	const char *key = y.key[0] ? y.key : "the value";
	*line = r->line;
	*col = r->col;
	if (y.key[0] && y.value_len && (*y.value == '|' || *y.value == '>')) {
		*col = byte_col(p, (size_t)(y.value - p));
		buf_printf(
		    b,
		    "'%c' after '%s:' starts a block of text, which goes "
		    "on the lines below, indented, with nothing after "
		    "the '%c' but '-' or '+'; move the text there (or "
		    "put it in quotes, if it starts with '%c')",
		    *y.value, key, *y.value, *y.value);
		return true;
	}
	if (end == '"' || end == '\'') {
		buf_printf(
		    b,
		    "the quoted text of '%s' ends at the %s quote before "
		    "this, and nothing may follow a closing quote; write "
		    "a quote inside the text as %s, or leave the quotes "
		    "out",
		    key, end == '"' ? "double" : "single",
		    end == '"' ? "\\\" (in double quotes)"
		               : "'' (in single quotes)");
		return true;
	}
	if (end == ']' || end == '}') {
		buf_printf(b,
		           "the value of '%s' starts with '%c', which makes it "
		           "a %s, and nothing may follow its closing '%c'; put "
		           "the whole text in quotes",
		           key, end == ']' ? '[' : '{',
		           end == ']' ? "list" : "mapping", end);
		return true;
	}
	return false;
}

/* A list item whose '- ' does not line up with its list's items. */
static bool explain_item(const src *s, const yhint_report *r, int list_line,
                         buf *b, int *line, int *col)
{
	yline y, l;
	if (!read_line(s, r->line, &y) || !y.dash)
		return false;
	/* the list: the item above it indented less, or the one named */
	int k = list_line;
	if (!k || !read_line(s, k, &l) || !l.dash || l.indent == y.indent) {
		k = 0;
		for (int i = r->line - 1; i >= 1 && !k; i--)
			if (read_line(s, i, &l) && l.dash &&
			    l.indent < y.indent)
				k = i;
	}
	if (!k)
		return false;
	*line = r->line;
	*col = y.indent + 1;
	buf_printf(b,
	           "the list item on line %d is indented by %d, the items of "
	           "its list (line %d) by %d; line its '- ' up with theirs",
	           r->line, y.indent, k, l.indent);
	return true;
}

/* A key indented like the '- ' of the list item above it, where the
 * list wants another item (libyaml: "did not find expected '-'
 * indicator"): it belongs with the item's keys. */
static bool explain_item_keys(const src *s, const yhint_report *r, buf *b,
                              int *line, int *col)
{
	yline y, l;
	if (!read_line(s, r->line, &y) || y.dash)
		return false;
	/* the item above it whose '- ' it lines up with */
	int k = 0;
	for (int i = r->line - 1; i >= 1 && !k; i--) {
		if (!read_line(s, i, &l))
			continue;
		if (l.indent < y.indent)
			return false;
		if (l.dash && l.indent == y.indent)
			k = i;
	}
	if (!k)
		return false;
	*line = r->line;
	*col = y.indent + 1;
	buf_printf(b,
	           "line %d is indented by %d, like the '- ' of the list item "
	           "on line %d, not like its keys (by %d); indent it by %d to "
	           "keep it in that item, or start a new item with '- '",
	           r->line, y.indent, k, l.item_col - 1, l.item_col - 1);
	return true;
}

/* A line that starts with one of YAML's own signs where a key should
 * be: a stray character, or text that needs quotes. */
static bool explain_sign(const src *s, int i, buf *b, int *line, int *col)
{
	size_t n;
	const char *p = line_at(s, i, &n);
	if (!p)
		return false;
	size_t k = 0;
	while (k < n && p[k] == ' ')
		k++;
	if (k == n || !strchr("]}>|,:!&*%@`?", p[k]))
		return false;
	*line = i;
	*col = byte_col(p, k);
	buf_printf(b,
	           "line %d starts with '%c', one of YAML's own signs, "
	           "where a key should be; remove it, or put the text in "
	           "quotes",
	           i, p[k]);
	return true;
}

static void explain(const src *s, const yhint_report *r, buf *b, int *line,
                    int *col)
{
	const char *pr = r->problem ? r->problem : "";
	*line = r->line;
	*col = r->col;
	if (explain_tab(s, r->line, r, b, line, col))
		return;
	if (r->context_line && r->context_line != r->line &&
	    (has(r->context, "plain scalar") || has(r->context, "simple key")))
		if (explain_tab(s, r->context_line, r, b, line, col))
			return;
	if (has(r->context, "quoted scalar") && has(pr, "unexpected end")) {
		size_t n;
		const char *p = line_at(s, r->context_line, &n);
		if (p) {
			size_t q = s->start[r->context_line - 1] +
			           col_byte(p, n, r->context_col);
			if (q < s->len &&
			    (s->text[q] == '"' || s->text[q] == '\'')) {
				explain_quote(s, q, r->line, b, line, col);
				return;
			}
		}
	}
	if (has(pr, "unknown escape")) {
		buf_puts(b, "a backslash in double-quoted text starts an "
		            "escape (\\n, \\\", \\\\); write a backslash as "
		            "\\\\, or put the text in single quotes, where a "
		            "backslash is itself");
		return;
	}
	/* An error far from its cause: a quote left open above. */
	if (!has(pr, "mapping values") &&
	    unclosed_quote(s, r->context_line, r->line, b, line, col))
		return;
	if (has(pr, "mapping values are not allowed")) {
		explain_colon(s, r, b, line, col);
		return;
	}
	if (has(pr, "could not find expected ':'")) {
		int i = r->context_line ? r->context_line : r->line;
		yline y, up;
		read_line(s, i, &y);
		int k = line_above(s, i, &up);
		*line = i;
		*col = y.indent + 1;
		if (k && up.key[0])
			buf_printf(
			    b,
			    "line %d holds text but no 'key:'; if it goes "
			    "on with the text of '%s' (line %d), indent "
			    "it deeper than '%s' (or write that text as a "
			    "block: '%s: >-' and the text below it); a key "
			    "needs a ':' after it",
			    i, up.key, k, up.key, up.key);
		else
			buf_printf(b,
			           "line %d holds text but no 'key:'; a key "
			           "needs a ':' after it",
			           i);
		return;
	}
	if (has(pr, "block sequence entries are not allowed")) {
		yline y;
		read_line(s, r->line, &y);
		if (y.key[0] && y.colon_col < r->col) {
			buf_printf(
			    b,
			    "'- ' right after '%s:' on the same line "
			    "starts a list, which YAML does not allow "
			    "there; if the text starts with a dash, put "
			    "it in quotes (%s: \"- ...\"); the items of a "
			    "list go on the lines below, one '- ' a line",
			    y.key, y.key);
			return;
		}
	}
	if (has(pr, "mapping keys are not allowed")) {
		buf_puts(b, "'? ' at the start of a value begins a key in "
		            "YAML; put the text in quotes");
		return;
	}
	if (has(pr, "cannot start any token")) {
		char ch = char_at(s, r->line, r->col);
		if (ch == '@' || ch == '`' || ch == '%') {
			buf_printf(b,
			           "text cannot start with '%c' in YAML unless "
			           "it is in quotes; put the whole text in "
			           "quotes (\"%c...\")",
			           ch, ch);
			return;
		}
	}
	if (has(pr, "expected ',' or ']'") || has(pr, "expected ',' or '}'")) {
		bool list = has(pr, "']'");
		*line = r->context_line ? r->context_line : r->line;
		*col = r->context_line ? r->context_col : r->col;
		buf_printf(b,
		           "the %s opened with '%c' here is not closed; end it "
		           "with '%c' (or, if the text only starts with '%c', "
		           "put the whole text in quotes)",
		           list ? "list" : "mapping", list ? '[' : '{',
		           list ? ']' : '}', list ? '[' : '{');
		return;
	}
	if (has(pr, "expected node content")) {
		char ch = char_at(s, r->line, r->col);
		if (ch == ',' || ch == ']' || ch == '}') {
			buf_puts(
			    b, "an empty item in the list: two commas in a "
			       "row, or a comma with nothing after it; remove "
			       "the extra comma");
			return;
		}
	}
	if (has(pr, "expected '-' indicator") || has(pr, "expected key")) {
		if (has(pr, "expected key") &&
		    explain_after_value(s, r, b, line, col))
			return;
		if (explain_item(s, r, has(pr, "'-'") ? r->context_line : 0, b,
		                 line, col))
			return;
		if (has(pr, "'-'") && explain_item_keys(s, r, b, line, col))
			return;
		if (misaligned(s, r->line, b, line, col))
			return;
	}
	if (has(pr, "expected key") || has(pr, "comment or line break"))
		if (explain_after_value(s, r, b, line, col) ||
		    explain_sign(s, r->line, b, line, col))
			return;
	buf_printf(b,
	           "the structure breaks on line %d; check the indentation "
	           "and quoting of this line and the one above it",
	           r->line);
}

char *yhint_explain(const char *text, size_t len, const yhint_report *r,
                    int *line, int *col)
{
	src s;
	src_init(&s, text, len);
	buf b = {0};
	buf_puts(&b, "invalid YAML: ");
	explain(&s, r, &b, line, col);
	buf_printf(&b, " (libyaml: %s)",
	           r->problem ? r->problem : "malformed YAML");
	free(s.start);
	return buf_detach(&b);
}
