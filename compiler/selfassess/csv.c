/*
 * csv.c - the self-assessment as CSV (RFC 4180: fields separated by
 * commas, quoted where needed, records ended by CRLF; UTF-8 with a
 * byte-order mark so that spreadsheet programs take it as UTF-8), and its
 * reader, which also takes the semicolons that spreadsheet programs write
 * in locales with a decimal comma.
 *
 * Layout (docs/self-assessment-format.md): the cover rows (label, value),
 * an empty row, the header row of the questions table, one row per item.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "backend/backend.h"
#include "base/files.h"
#include "selfassess.h"

const char *const sa_col_names[SA_NCOLS] = {
    "Item",          "Level",    "Text",   "Answer",
    "Justification", "Evidence", "Review", "Chapter"};
const char *const sa_cover_labels[SA_NCOVER] = {
    "Catalogue version", "Language", "Objectives", "Participant", "Scope"};

static void put_field(FILE *fp, const char *s, bool last)
{
	if (s && strpbrk(s, ",;\"\r\n")) {
		fputc('"', fp);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', fp);
			fputc(*s, fp);
		}
		fputc('"', fp);
	} else if (s) {
		fputs(s, fp);
	}
	fputs(last ? "\r\n" : ",", fp);
}

static void write_csv(const void *ctx, FILE *fp)
{
	const selfassess *sa = ctx;
	arena *a = arena_new();
	char *objs = model_objset_string(sa->scheme, sa->objectives, ", ");
	const char *cover[SA_NCOVER] = {sa->version->key, sa->lang, objs,
	                                sa->participant, sa->scope};
	fputs("\xEF\xBB\xBF", fp);
	for (size_t i = 0; i < SA_NCOVER; i++) {
		put_field(fp, sa_cover_labels[i], false);
		put_field(fp, cover[i], true);
	}
	free(objs);
	fputs("\r\n", fp);
	for (size_t i = 0; i < SA_NCOLS; i++)
		put_field(fp, sa_col_names[i], i + 1 == SA_NCOLS);
	for (size_t i = 0; i < sa->nentries; i++) {
		const sa_entry *e = &sa->entries[i];
		char ch[16];
		snprintf(ch, sizeof ch, "%d", e->q->chapter_no);
		const char *row[SA_NCOLS] = {e->key,
		                             sa_item_levels(sa, e, a),
		                             sa_item_text(sa, e, a),
		                             e->answer ? e->answer->id : NULL,
		                             e->justification,
		                             e->evidence,
		                             e->review,
		                             ch};
		for (size_t c = 0; c < SA_NCOLS; c++)
			put_field(fp, row[c], c + 1 == SA_NCOLS);
	}
	arena_free(a);
}

int sa_write_csv(const selfassess *sa, const char *path, diags *d)
{
	return backend_write_file(path, write_csv, sa, d);
}

/* ---- reading ---- */

#define CSV_MAX_FILE (16u * 1024u * 1024u)

typedef struct csv_reader {
	arena *a;
	const char *file; /* interned */
	const char *p, *end;
	int line, col;
	char sep;
} csv_reader;

static void advance(csv_reader *r)
{
	unsigned char c = (unsigned char)*r->p++;
	if (c == '\n') {
		r->line++;
		r->col = 1;
	} else if ((c & 0xC0) != 0x80) {
		r->col++;
	}
}

/* The separator: whichever of ',' and ';' the first record uses more
 * outside quotes. */
static char guess_sep(const char *p, const char *end)
{
	int commas = 0, semis = 0;
	bool q = false;
	for (; p < end && (q || (*p != '\n' && *p != '\r')); p++) {
		if (*p == '"')
			q = !q;
		else if (!q && *p == ',')
			commas++;
		else if (!q && *p == ';')
			semis++;
	}
	return semis > commas ? ';' : ',';
}

/* One field; returns -1 after reporting an unterminated quote. */
static int read_field(csv_reader *r, sa_cell *cell, diags *d)
{
	buf b = {0};
	cell->pos = pos_at(r->file, r->line, r->col);
	if (r->p < r->end && *r->p == '"') {
		advance(r);
		for (;;) {
			if (r->p >= r->end) {
				diag_error(
				    d, cell->pos,
				    "quoted field not closed; end it with "
				    "'\"' (write a quote inside a field "
				    "as '\"\"')");
				buf_free(&b);
				return -1;
			}
			if (*r->p == '"') {
				if (r->p + 1 < r->end && r->p[1] == '"') {
					buf_putc(&b, '"');
					advance(r);
					advance(r);
					continue;
				}
				advance(r);
				break;
			}
			if (*r->p == '\r' && r->p + 1 < r->end &&
			    r->p[1] == '\n') {
				advance(
				    r); /* CRLF inside a field is a newline */
				continue;
			}
			buf_putc(&b, *r->p);
			advance(r);
		}
		/* anything between the closing quote and the separator is
		 * kept, as spreadsheet programs do */
	}
	while (r->p < r->end && *r->p != r->sep && *r->p != '\n' &&
	       *r->p != '\r') {
		buf_putc(&b, *r->p);
		advance(r);
	}
	cell->text = arena_strndup(r->a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return 0;
}

int sa_csv_read(arena *a, const char *path, sa_sheet *sheet, diags *d)
{
	char *text;
	size_t len;
	int rc = read_file(path, CSV_MAX_FILE, &text, &len);
	if (rc != 0) {
		d->io_failed = rc == -1;
		diag_error(d, NO_POS, "cannot read '%s': %s", path,
		           rc == -1 ? output_strerror(errno)
		                    : "file too large");
		return -1;
	}
	if (strlen(text) != len ||
	    utf8_validate((unsigned char *)text, len) != len) {
		diag_error(
		    d, pos_at(path, 0, 0),
		    "not a UTF-8 text file; save the CSV as 'CSV UTF-8'");
		free(text);
		return -1;
	}
	csv_reader r = {
	    a, diags_source(d, path, text, len), text, text + len, 1, 1, ','};
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		r.p += 3; /* the BOM is not a column */
	r.sep = guess_sep(r.p, r.end);
	size_t cap = 0;
	memset(sheet, 0, sizeof(*sheet));
	sa_row *rows = NULL;
	while (r.p < r.end) {
		sa_row row = {0};
		row.number = r.line;
		size_t ccap = 0;
		for (;;) {
			grow_array((void **)&row.cells, &ccap, row.n + 1,
			           sizeof(sa_cell));
			sa_cell *c = &row.cells[row.n++];
			memset(c, 0, sizeof(*c));
			if (read_field(&r, c, d) < 0) {
				free(row.cells);
				goto fail;
			}
			if (r.p < r.end && *r.p == r.sep) {
				advance(&r);
				continue;
			}
			break;
		}
		if (r.p < r.end && *r.p == '\r')
			advance(&r);
		if (r.p < r.end && *r.p == '\n')
			advance(&r);
		sa_cell *heap = row.cells;
		row.cells = arena_memdup(a, heap, row.n * sizeof(sa_cell));
		free(heap);
		grow_array((void **)&rows, &cap, sheet->nrows + 1,
		           sizeof(sa_row));
		rows[sheet->nrows++] = row;
	}
	sheet->rows = arena_alloc(a, (sheet->nrows + 1) * sizeof(sa_row));
	if (sheet->nrows)
		memcpy(sheet->rows, rows, sheet->nrows * sizeof(sa_row));
	free(rows);
	return 0;
fail:
	free(rows);
	return -1;
}
