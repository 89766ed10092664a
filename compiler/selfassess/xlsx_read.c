/*
 * xlsx_read.c - the cells of a workbook (Office Open XML), as vcsc import
 * needs them: libzip opens the package, libxml2 parses its parts (never
 * from the network, no entities). Shared strings, inline strings,
 * formula results (str), numbers and booleans are read; rich text is
 * taken as its plain text (the runs joined, phonetic hints left out), as
 * Excel and LibreOffice save it.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "selfassess.h"

#define XLSX_MAX_PART (64u * 1024u * 1024u)
#define XLSX_MAX_CELLS 1000000

typedef struct xreader {
	arena *a;
	const char *path;
	diags *d;
	zip_t *z;
	const char **strings; /* shared strings */
	size_t nstrings;
	size_t ncells;
} xreader;

static void bad(xreader *x, const char *what)
{
	diag_error(x->d, pos_at(diags_source(x->d, x->path, NULL, 0), 0, 0),
	           "not a workbook vcsc can read: %s; save it as an Excel "
	           "workbook (.xlsx)",
	           what);
}

/* The part name as an XML document, or NULL (reported when required). */
static xmlDocPtr part(xreader *x, const char *name, bool required)
{
	zip_stat_t st;
	if (zip_stat(x->z, name, 0, &st) != 0) {
		if (required)
			bad(x, arena_printf(x->a, "it has no part %s", name));
		return NULL;
	}
	if (!(st.valid & ZIP_STAT_SIZE) || st.size > XLSX_MAX_PART) {
		bad(x, arena_printf(x->a, "part %s is too large", name));
		return NULL;
	}
	zip_file_t *f = zip_fopen(x->z, name, 0);
	if (!f) {
		bad(x, arena_printf(x->a, "part %s cannot be read", name));
		return NULL;
	}
	char *data = xmalloc(st.size + 1);
	zip_int64_t n = zip_fread(f, data, st.size);
	zip_fclose(f);
	xmlDocPtr doc = NULL;
	if (n == (zip_int64_t)st.size)
		doc = xmlReadMemory(data, (int)st.size, name, NULL,
		                    XML_PARSE_NONET | XML_PARSE_NOERROR |
		                        XML_PARSE_NOWARNING);
	free(data);
	/* the parts of a workbook never declare a document type: one that
	 * does could define entities that expand without end */
	if (doc && doc->intSubset) {
		xmlFreeDoc(doc);
		bad(x, arena_printf(x->a, "part %s declares a document type",
		                    name));
		return NULL;
	}
	if (!doc)
		bad(x,
		    arena_printf(x->a, "part %s is not well-formed XML", name));
	return doc;
}

static bool is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, name) == 0;
}

static const char *attr(const xmlNode *n, const char *name)
{
	for (xmlAttrPtr a = n->properties; a; a = a->next)
		if (strcmp((const char *)a->name, name) == 0 && a->children &&
		    a->children->content)
			return (const char *)a->children->content;
	return NULL;
}

/* The text of every <t> below n, but not inside <rPh> (phonetic runs). */
static void texts(const xmlNode *n, buf *b)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || is(c, "rPh"))
			continue;
		if (is(c, "t")) {
			xmlChar *s = xmlNodeGetContent(c);
			if (s)
				buf_puts(b, (const char *)s);
			xmlFree(s);
		} else {
			texts(c, b);
		}
	}
}

static const char *text_of(xreader *x, const xmlNode *n)
{
	buf b = {0};
	texts(n, &b);
	char *s = arena_strdup(x->a, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

static void shared_strings(xreader *x)
{
	xmlDocPtr doc = part(x, "xl/sharedStrings.xml", false);
	if (!doc)
		return;
	size_t n = 0;
	const xmlNode *root = xmlDocGetRootElement(doc);
	for (const xmlNode *c = root ? root->children : NULL; c; c = c->next)
		n += is(c, "si");
	x->strings = arena_alloc(x->a, (n + 1) * sizeof(char *));
	for (const xmlNode *c = root ? root->children : NULL; c; c = c->next)
		if (is(c, "si"))
			x->strings[x->nstrings++] = text_of(x, c);
	xmlFreeDoc(doc);
}

/* "D14" -> column 3, row 14. Returns 0, or -1. */
static int cell_ref(const char *r, int *col, int *row)
{
	int c = 0, n = 0;
	const char *p = r;
	while (*p >= 'A' && *p <= 'Z' && c < 100000)
		c = c * 26 + (*p++ - 'A' + 1);
	while (*p >= '0' && *p <= '9' && n < 10000000)
		n = n * 10 + (*p++ - '0');
	if (*p || c == 0 || n == 0 || c > 16384)
		return -1;
	*col = c - 1;
	*row = n;
	return 0;
}

static const char *col_name(arena *a, int col)
{
	char s[8];
	int i = 7;
	s[i] = '\0';
	col++;
	while (col > 0 && i > 0) {
		s[--i] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	return arena_strdup(a, s + i);
}

static const char *cell_value(xreader *x, const xmlNode *c)
{
	const char *t = attr(c, "t");
	const xmlNode *v = NULL, *is_ = NULL;
	for (const xmlNode *k = c->children; k; k = k->next) {
		if (is(k, "v"))
			v = k;
		else if (is(k, "is"))
			is_ = k;
	}
	if (t && strcmp(t, "inlineStr") == 0)
		return is_ ? text_of(x, is_) : "";
	if (!v)
		return "";
	xmlChar *s = xmlNodeGetContent(v);
	const char *val = arena_strdup(x->a, s ? (const char *)s : "");
	xmlFree(s);
	if (t && strcmp(t, "s") == 0) {
		char *end;
		long i = strtol(val, &end, 10);
		if (*end || i < 0 || (size_t)i >= x->nstrings)
			return "";
		return x->strings[i];
	}
	if (t && strcmp(t, "b") == 0)
		return strcmp(val, "1") == 0 ? "TRUE" : "FALSE";
	if (!t || strcmp(t, "n") == 0) {
		/* a number as a person wrote it: 3, not 3.0000000000000 */
		char *end;
		double d = strtod(val, &end);
		if (*val && !*end)
			return arena_printf(x->a, "%.15g", d);
	}
	return val; /* str (a formula's text result), e (an error) */
}

static int read_sheet(xreader *x, const char *name, const char *target,
                      sa_sheet *sh)
{
	const char *p =
	    target[0] == '/' ? target + 1 : arena_printf(x->a, "xl/%s", target);
	xmlDocPtr doc = part(x, p, true);
	if (!doc)
		return -1;
	sh->name = arena_strdup(x->a, name);
	const xmlNode *root = xmlDocGetRootElement(doc);
	const xmlNode *data = NULL;
	for (const xmlNode *c = root ? root->children : NULL; c; c = c->next)
		if (is(c, "sheetData"))
			data = c;
	size_t nrows = 0, cap = 0;
	sa_row *rows = NULL;
	int rowno = 0;
	for (const xmlNode *r = data ? data->children : NULL; r; r = r->next) {
		if (!is(r, "row"))
			continue;
		const char *ra = attr(r, "r");
		rowno = ra ? atoi(ra) : rowno + 1;
		sa_row row = {0};
		row.number = rowno;
		int next = 0;
		size_t ccap = 0;
		for (const xmlNode *c = r->children; c; c = c->next) {
			if (!is(c, "c"))
				continue;
			int col = next, rn = rowno;
			const char *ref = attr(c, "r");
			if (ref && cell_ref(ref, &col, &rn) < 0)
				col = next;
			if (col < next || col > 1000)
				continue;
			if (++x->ncells > XLSX_MAX_CELLS) {
				bad(x, "it has too many cells");
				free(rows);
				xmlFreeDoc(doc);
				return -1;
			}
			grow_array((void **)&row.cells, &ccap, (size_t)col + 1,
			           sizeof(sa_cell));
			for (; next <= col; next++) {
				sa_cell *e = &row.cells[next];
				e->text = "";
				e->where =
				    arena_printf(x->a, "%s!%s%d", name,
				                 col_name(x->a, next), rowno);
				e->pos = NO_POS;
			}
			row.cells[col].text = cell_value(x, c);
			row.n = (size_t)next;
		}
		sa_cell *heap = row.cells;
		row.cells =
		    row.n ? arena_memdup(x->a, heap, row.n * sizeof(sa_cell))
		          : NULL;
		free(heap);
		grow_array((void **)&rows, &cap, nrows + 1, sizeof(sa_row));
		rows[nrows++] = row;
	}
	sh->rows = arena_alloc(x->a, (nrows + 1) * sizeof(sa_row));
	if (nrows)
		memcpy(sh->rows, rows, nrows * sizeof(sa_row));
	sh->nrows = nrows;
	free(rows);
	xmlFreeDoc(doc);
	return 0;
}

int sa_xlsx_read(arena *a, const char *path, sa_sheet **sheets, size_t *n,
                 diags *d)
{
	int err = 0;
	xreader x = {a, path, d};
	*sheets = NULL;
	*n = 0;
	x.z = zip_open(path, ZIP_RDONLY, &err);
	if (!x.z) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, err);
		if (err == ZIP_ER_NOENT || err == ZIP_ER_OPEN ||
		    err == ZIP_ER_READ) {
			d->io_failed = true;
			diag_error(d, NO_POS, "cannot read '%s': %s", path,
			           zip_error_strerror(&ze));
		} else {
			bad(&x, zip_error_strerror(&ze));
		}
		zip_error_fini(&ze);
		return -1;
	}
	int rc = -1;
	xmlDocPtr wb = part(&x, "xl/workbook.xml", true);
	xmlDocPtr rels =
	    wb ? part(&x, "xl/_rels/workbook.xml.rels", true) : NULL;
	if (!wb || !rels)
		goto out;
	shared_strings(&x);
	const xmlNode *root = xmlDocGetRootElement(wb), *list = NULL;
	for (const xmlNode *c = root ? root->children : NULL; c; c = c->next)
		if (is(c, "sheets"))
			list = c;
	size_t cnt = 0;
	for (const xmlNode *s = list ? list->children : NULL; s; s = s->next)
		cnt += is(s, "sheet");
	*sheets = arena_alloc(a, (cnt + 1) * sizeof(sa_sheet));
	const xmlNode *rroot = xmlDocGetRootElement(rels);
	for (const xmlNode *s = list ? list->children : NULL; s; s = s->next) {
		if (!is(s, "sheet"))
			continue;
		const char *name = attr(s, "name"), *id = attr(s, "id");
		const char *target = NULL;
		for (const xmlNode *r = rroot ? rroot->children : NULL; r && id;
		     r = r->next)
			if (is(r, "Relationship") && attr(r, "Id") &&
			    strcmp(attr(r, "Id"), id) == 0)
				target = attr(r, "Target");
		if (!name || !target) {
			bad(&x, "a sheet without its part");
			goto out;
		}
		if (read_sheet(&x, name, target, &(*sheets)[*n]) < 0)
			goto out;
		(*n)++;
	}
	rc = 0;
out:
	xmlFreeDoc(wb);
	xmlFreeDoc(rels);
	zip_discard(x.z);
	return rc;
}
