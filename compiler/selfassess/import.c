/*
 * import.c - a filled CSV or XLSX read back into a self-assessment: the
 * cover rows name the version, language and objectives, the questions
 * table's header row names its columns (found by name, so that a column
 * moved or added in a spreadsheet program does no harm), and every row
 * with an item number carries its answer. Every bad cell is reported
 * where it is; the caller writes nothing unless there is no error.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "selfassess.h"

srcpos sa_cell_pos(diags *d, const char *path, const sa_cell *c)
{
	if (!c->where)
		return c->pos;
	char *name = xasprintf("%s:%s", path, c->where);
	const char *in = diags_source(d, name, NULL, 0);
	free(name);
	return pos_at(in, 0, 0);
}

/* The cell text with white space trimmed at both ends, in a; NULL for an
 * empty cell. */
static const char *cell_text(arena *a, const sa_row *row, int col)
{
	if (col < 0 || (size_t)col >= row->n)
		return NULL;
	const char *s = row->cells[col].text;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
	             s[n - 1] == '\r'))
		n--;
	return n ? arena_strndup(a, s, n) : NULL;
}

static bool is_header(const sa_row *row)
{
	return row->n > 0 &&
	       strcasecmp(row->cells[0].text, sa_col_names[SA_COL_ITEM]) == 0;
}

typedef struct importer {
	selfassess *sa;
	const char *path;
	diags *d;
	const sa_load_options *o;
} importer;

/* The file as a whole. */
static srcpos file_pos(importer *im)
{
	return pos_at(diags_source(im->d, im->path, NULL, 0), 0, 0);
}

static srcpos at(importer *im, const sa_row *row, int col)
{
	if (col >= 0 && (size_t)col < row->n)
		return sa_cell_pos(im->d, im->path, &row->cells[col]);
	sa_cell c = row->n ? row->cells[0] : (sa_cell){"", NULL, NO_POS};
	return sa_cell_pos(im->d, im->path, &c);
}

/* Objectives "development, production" (commas, semicolons or spaces). */
static void read_objectives(importer *im, const sa_row *row, const char *s)
{
	const vc_scheme *sc = im->sa->scheme;
	const char **ids = xcalloc(sc->nobjectives + 1, sizeof(char *));
	for (size_t i = 0; i < sc->nobjectives; i++)
		ids[i] = sc->objectives[i].id;
	char *copy = xstrdup(s), *save = NULL;
	for (char *t = strtok_r(copy, ",; ", &save); t;
	     t = strtok_r(NULL, ",; ", &save)) {
		int k = model_objective_index(sc, t);
		if (k >= 0) {
			im->sa->objectives |= 1u << k;
			continue;
		}
		const char *sg = suggest(t, ids, sc->nobjectives);
		if (sg)
			diag_error(im->d, at(im, row, 1),
			           "unknown audit objective '%s'; did you mean "
			           "'%s'?",
			           t, sg);
		else
			diag_error(im->d, at(im, row, 1),
			           "unknown audit objective '%s'", t);
	}
	free(copy);
	free(ids);
}

/* The cover rows up to the questions table's header (or the sheet's
 * end). Returns 0 when the version, language and objectives are known. */
static int read_cover(importer *im, const sa_sheet *sh)
{
	selfassess *sa = im->sa;
	const sa_row *rows[SA_NCOVER] = {0};
	for (size_t i = 0; i < sh->nrows && !is_header(&sh->rows[i]); i++) {
		const sa_row *row = &sh->rows[i];
		if (row->n == 0)
			continue;
		size_t k;
		for (k = 0; k < SA_NCOVER; k++)
			if (strcasecmp(row->cells[0].text,
			               sa_cover_labels[k]) == 0) {
				rows[k] = row;
				break;
			}
		/* a misspelt label (other rows, such as the answer scale
		 * on the workbook's cover, are left alone) */
		const char *sg = k == SA_NCOVER && *row->cells[0].text
		                     ? suggest(row->cells[0].text,
		                               sa_cover_labels, SA_NCOVER)
		                     : NULL;
		for (k = 0; sg && k < SA_NCOVER; k++)
			if (sa_cover_labels[k] == sg && !rows[k])
				rows[k] = row;
		if (sg)
			diag_error(im->d, at(im, row, 0),
			           "unknown cover row '%s'; did you mean '%s'?",
			           row->cells[0].text, sg);
	}
	const sa_row *vr = rows[SA_COVER_VERSION];
	const char *id = vr ? cell_text(sa->arena, vr, 1) : NULL;
	if (!id) {
		diag_error(im->d, vr ? at(im, vr, 1) : file_pos(im),
		           "no catalogue version: the cover needs a row "
		           "'%s' with the version id (e.g. 'vcsa/1.1')",
		           sa_cover_labels[SA_COVER_VERSION]);
		return -1;
	}
	const char *root =
	    im->o && im->o->catalogue ? im->o->catalogue : "catalogue";
	if (sa_load_version(sa, root, id, at(im, vr, 1), im->d) < 0)
		return -1;
	sa->lang = sa->version->languages[0].id;
	const sa_row *lr = rows[SA_COVER_LANGUAGE];
	const char *lang = lr ? cell_text(sa->arena, lr, 1) : NULL;
	if (lang && !model_has_language(sa->version, lang))
		diag_error(im->d, at(im, lr, 1), "%s has no language '%s'",
		           sa->version->key, lang);
	else if (lang)
		sa->lang = lang;
	const sa_row *orow = rows[SA_COVER_OBJECTIVES];
	const char *objs = orow ? cell_text(sa->arena, orow, 1) : NULL;
	if (objs)
		read_objectives(im, orow, objs);
	if (!sa->objectives) {
		if (!objs)
			diag_error(im->d, orow ? at(im, orow, 1) : file_pos(im),
			           "no audit objectives: the cover needs a row "
			           "'%s' naming them",
			           sa_cover_labels[SA_COVER_OBJECTIVES]);
		return -1;
	}
	if (rows[SA_COVER_PARTICIPANT])
		sa->participant =
		    cell_text(sa->arena, rows[SA_COVER_PARTICIPANT], 1);
	if (rows[SA_COVER_SCOPE])
		sa->scope = cell_text(sa->arena, rows[SA_COVER_SCOPE], 1);
	return 0;
}

static void read_item(importer *im, const sa_row *row, const int *col)
{
	selfassess *sa = im->sa;
	arena *a = sa->arena;
	const char *key = cell_text(a, row, col[SA_COL_ITEM]);
	const char *ans = cell_text(a, row, col[SA_COL_ANSWER]);
	const char *just = cell_text(a, row, col[SA_COL_JUSTIFICATION]);
	const char *ev = cell_text(a, row, col[SA_COL_EVIDENCE]);
	const char *rev = cell_text(a, row, col[SA_COL_REVIEW]);
	if (!key) {
		if (ans || just || ev)
			diag_error(im->d, at(im, row, col[SA_COL_ITEM]),
			           "an answer without an item number; write "
			           "the item's number in column '%s'",
			           sa_col_names[SA_COL_ITEM]);
		return;
	}
	sa_entry *e = sa_entry_of(sa, key);
	if (!e) {
		/* a heading row (a question above its requirements) */
		if (!ans && !just && !ev && !rev)
			return;
		const vc_version *v = sa->version;
		bool per_q = sa->scheme->answer_unit == VC_ANSWER_QUESTION;
		size_t n = per_q ? v->nquestions : v->nrequirements;
		const char **keys = xcalloc(n + 1, sizeof(char *));
		for (size_t i = 0; i < n; i++)
			keys[i] = per_q ? v->questions[i]->number
			                : v->requirements[i]->label;
		const char *sg = suggest(key, keys, n);
		const char *unit = per_q ? "question" : "requirement";
		if (sg && strcmp(sg, key) != 0)
			diag_error(im->d, at(im, row, col[SA_COL_ITEM]),
			           "%s has no %s '%s'; did you mean '%s'?",
			           v->key, unit, key, sg);
		else
			diag_error(im->d, at(im, row, col[SA_COL_ITEM]),
			           "'%s' is not a %s answered for these "
			           "objectives in %s",
			           key, unit, v->key);
		free(keys);
		return;
	}
	if (e->pos.file) {
		diag_error(im->d, at(im, row, col[SA_COL_ITEM]),
		           "%s is answered twice", key);
		return;
	}
	e->pos = at(im, row, col[SA_COL_ANSWER]);
	if (ans) {
		e->answer = sa_answer_find(sa->scheme, ans, true);
		if (!e->answer)
			sa_bad_answer(sa->scheme, ans, e->pos, im->d);
	}
	e->justification = just;
	e->evidence = ev;
	e->review = rev;
}

static int read_table(importer *im, const sa_sheet *sh)
{
	size_t h = 0;
	while (h < sh->nrows && !is_header(&sh->rows[h]))
		h++;
	if (h == sh->nrows) {
		diag_error(im->d, file_pos(im),
		           "no questions table: no row starts with '%s'%s%s",
		           sa_col_names[SA_COL_ITEM],
		           sh->name ? " in sheet " : "",
		           sh->name ? sh->name : "");
		return -1;
	}
	const sa_row *hr = &sh->rows[h];
	int col[SA_NCOLS];
	for (size_t k = 0; k < SA_NCOLS; k++) {
		col[k] = -1;
		for (size_t c = 0; c < hr->n; c++)
			if (strcasecmp(hr->cells[c].text, sa_col_names[k]) == 0)
				col[k] = (int)c;
	}
	if (col[SA_COL_ANSWER] < 0) {
		diag_error(im->d, at(im, hr, 0),
		           "the questions table has no column '%s'",
		           sa_col_names[SA_COL_ANSWER]);
		return -1;
	}
	for (size_t i = h + 1; i < sh->nrows; i++)
		read_item(im, &sh->rows[i], col);
	return 0;
}

/* The self-assessment in cover and table (the same sheet for a CSV). */
static selfassess *from_sheets(importer *im, const sa_sheet *cover,
                               const sa_sheet *table)
{
	/* a bad cover cell leaves the rest readable where the version and
	 * some objectives are known: every bad cell is reported at once */
	if (read_cover(im, cover) < 0)
		return NULL;
	sa_make_entries(im->sa);
	if (read_table(im, table) < 0 || im->d->errors)
		return NULL;
	sa_check_answers(im->sa, file_pos(im), im->d);
	return im->d->errors ? NULL : im->sa;
}

static const sa_sheet *sheet_named(const sa_sheet *s, size_t n,
                                   const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (s[i].name && strcasecmp(s[i].name, name) == 0)
			return &s[i];
	return NULL;
}

selfassess *sa_import(const char *path, const sa_load_options *o, diags *d)
{
	arena *a = arena_new();
	selfassess *sa = arena_alloc(a, sizeof(*sa));
	sa->arena = a;
	sa->path = arena_strdup(a, path);
	importer im = {sa, path, d, o};
	size_t len = strlen(path);
	selfassess *res = NULL;
	int errors = d->errors;
	if (len > 4 && strcasecmp(path + len - 4, ".csv") == 0) {
		sa_sheet sh;
		if (sa_csv_read(a, path, &sh, d) == 0)
			res = from_sheets(&im, &sh, &sh);
	} else if (len > 5 && strcasecmp(path + len - 5, ".xlsx") == 0) {
		sa_sheet *sheets;
		size_t n;
		if (sa_xlsx_read(a, path, &sheets, &n, d) == 0) {
			const sa_sheet *cv = sheet_named(sheets, n, "Cover");
			const sa_sheet *qs =
			    sheet_named(sheets, n, "Questions");
			if (!cv || !qs)
				diag_error(d, file_pos(&im),
				           "no sheet named '%s'; the workbook "
				           "needs the sheets Cover and "
				           "Questions that 'vcsc questionnaire "
				           "--format xlsx' writes",
				           cv ? "Questions" : "Cover");
			else
				res = from_sheets(&im, cv, qs);
		}
	} else {
		diag_error(d, NO_POS,
		           "cannot tell the format of '%s': name it *.csv or "
		           "*.xlsx",
		           path);
	}
	if (!res || d->errors > errors) {
		sa_free(sa);
		return NULL;
	}
	return res;
}
