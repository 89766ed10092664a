/*
 * pdf_style.c - the style file of the PDF engine (fonts, page margins,
 * paragraph styles, colours, sizes) and the per-language text files of the
 * documents, both read with the project's YAML front end so that every
 * mistake is reported with file:line:col.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "front/fields.h"
#include "pdf_int.h"

/* What the engine itself draws with; a style file must define these. */
static const char *const engine_paras[] = {
    "body",  "header",     "footer",       "toc-title",   "toc-1",
    "toc-2", "table-cell", "table-header", "field-label", "checkbox"};
static const char *const engine_colors[] = {"link",
                                            "rule",
                                            "header-rule",
                                            "table-rule",
                                            "table-header-fill",
                                            "code-background",
                                            "field",
                                            "checkbox",
                                            "ruled-line"};
static const char *const engine_sizes[] = {
    "list-indent",        "table-padding",
    "table-rule-width",   "checkbox-size",
    "checkbox-gap",       "field-rule-width",
    "ruled-line-width",   "rule-width",
    "header-rule-width",  "toc-indent",
    "tag-padding",        "bar-gap",
    "field-gap",          "mark-padding",
    "min-text-width",     "table-min-column-width",
    "table-min-font-size"};

typedef struct loader {
	fld_ctx c;
	pdf_style *st;
	const char *dir;
} loader;

static int err_at(loader *l, const ynode *n, const char *fmt, ...)
    PRINTF_LIKE(3, 4);
static int err_at(loader *l, const ynode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diags_vadd(l->c.d, DIAG_ERROR, n->pos, fmt, ap);
	va_end(ap);
	return -1;
}

static const char *scalar(loader *l, const ynode *v, const char *key)
{
	if (v->bad)
		return NULL;
	if (v->kind != YN_SCALAR || yn_is_null(v)) {
		err_at(l, v, "'%s' must be a value, not %s", key,
		       yn_is_null(v) ? "empty" : yn_kind_name(v));
		return NULL;
	}
	return v->str;
}

/* A length: a number of points, or a number with a unit (pt, mm, cm, in).
 * Also used for plain counts (unit not allowed then). */
static int length(loader *l, const ynode *v, const char *key, bool units,
                  double *out)
{
	const char *s = scalar(l, v, key);
	if (!s)
		return -1;
	char *end;
	errno = 0;
	double x = strtod(s, &end);
	bool ok = end != s && errno == 0 && isfinite(x) && x >= 0 &&
	          x <= 10000 && (s[0] >= '0' && s[0] <= '9');
	double f = 1;
	if (ok && *end) {
		while (*end == ' ')
			end++;
		if (!units)
			ok = false;
		else if (strcmp(end, "pt") == 0)
			f = 1;
		else if (strcmp(end, "mm") == 0)
			f = 72 / 25.4;
		else if (strcmp(end, "cm") == 0)
			f = 72 / 2.54;
		else if (strcmp(end, "in") == 0)
			f = 72;
		else
			ok = false;
	}
	if (!ok)
		return err_at(l, v,
		              units ? "'%s' must be a length such as 10, 12pt, "
		                      "20mm, 1.5cm or 0.5in, not '%s'"
		                    : "'%s' must be a number, not '%s'",
		              key, s);
	*out = x * f;
	return 0;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int parse_hex_color(const char *s, pdf_color *out)
{
	if (strlen(s) != 7 || s[0] != '#')
		return -1;
	int v[6];
	for (int i = 0; i < 6; i++)
		if ((v[i] = hexval(s[i + 1])) < 0)
			return -1;
	out->r = (float)(v[0] * 16 + v[1]) / 255.0f;
	out->g = (float)(v[2] * 16 + v[3]) / 255.0f;
	out->b = (float)(v[4] * 16 + v[5]) / 255.0f;
	return 0;
}

static int find_name(const char *const *names, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return (int)i;
	return -1;
}

/* A colour: "#rrggbb" or the name of an entry of colours:. */
static int color(loader *l, const ynode *v, const char *key, pdf_color *out)
{
	const char *s = scalar(l, v, key);
	if (!s)
		return -1;
	if (s[0] == '#') {
		if (parse_hex_color(s, out) == 0)
			return 0;
		return err_at(l, v,
		              "'%s' must be a colour written #rrggbb, "
		              "not '%s'",
		              key, s);
	}
	pdf_style *st = l->st;
	int i = find_name((const char *const *)st->color_names, st->ncolors, s);
	if (i >= 0) {
		*out = st->colors[i];
		return 0;
	}
	const char *sg =
	    suggest(s, (const char *const *)st->color_names, st->ncolors);
	if (sg)
		return err_at(l, v, "unknown colour '%s'; did you mean '%s'?",
		              s, sg);
	return err_at(l, v,
	              "'%s' must be #rrggbb or a colour named under "
	              "'colours', not '%s'",
	              key, s);
}

static int read_fonts(loader *l, const ynode *v)
{
	static const char *const variants[] = {"regular", "bold", "italic",
	                                       "bold-italic", "fallback"};
	pdf_style *st = l->st;
	if (v->kind != YN_MAP)
		return err_at(l, v,
		              "'fonts' must map family names to font "
		              "files, not %s",
		              yn_kind_name(v));
	st->families = arena_alloc(st->a, (v->n + 1) * sizeof(*st->families));
	st->faces = arena_alloc(st->a, (4 * v->n + 1) * sizeof(*st->faces));
	int rc = 0;
	for (size_t i = 0; i < v->n; i++) {
		const ynode *k = v->items[2 * i], *fam = v->items[2 * i + 1];
		ynode *val[5];
		char *what = arena_printf(st->a, "font family '%s'", k->str);
		if (fld_map(&l->c, fam, what, variants, 5, val) < 0) {
			rc = -1;
			continue;
		}
		pdf_family *f = &st->families[st->nfamilies++];
		f->name = arena_strdup(st->a, k->str);
		f->fallback_node = val[4];
		for (int j = 0; j < 4; j++) {
			f->face[j] = -1;
			if (!val[j])
				continue;
			const char *p = scalar(l, val[j], variants[j]);
			if (!p) {
				rc = -1;
				continue;
			}
			char *full =
			    p[0] == '/' ? xstrdup(p) : path_join(l->dir, p);
			if (access(full, R_OK) != 0) {
				err_at(l, val[j],
				       "cannot read font file '%s': %s", full,
				       strerror(errno));
				free(full);
				rc = -1;
				continue;
			}
			size_t x;
			for (x = 0; x < st->nfaces; x++)
				if (strcmp(st->faces[x].path, full) == 0)
					break;
			if (x == st->nfaces) {
				st->faces[x].path = arena_strdup(st->a, full);
				st->faces[x].pos = val[j]->pos;
				st->nfaces++;
			}
			free(full);
			f->face[j] = (int)x;
		}
		if (f->face[0] < 0 && !val[0]) {
			fld_missing(&l->c, fam, "regular", what);
			rc = -1;
		}
		/* Missing variants fall back: bold-italic to bold or italic,
		 * anything to regular. */
		if (f->face[3] < 0)
			f->face[3] = f->face[1] >= 0 ? f->face[1] : f->face[2];
		for (int j = 1; j < 4; j++)
			if (f->face[j] < 0)
				f->face[j] = f->face[0];
	}
	return rc;
}

static int family_index(const pdf_style *st, const char *name)
{
	for (size_t i = 0; i < st->nfamilies; i++)
		if (strcmp(st->families[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* One fallback family named by v for family i: its index, or -1 after
 * reporting. */
static int fallback_family(loader *l, size_t i, const ynode *v)
{
	pdf_style *st = l->st;
	const char *name = scalar(l, v, "fallback");
	if (!name)
		return -1;
	int fi = family_index(st, name);
	if (fi >= 0 && (size_t)fi != i)
		return fi;
	if (fi >= 0)
		return err_at(
		    l, v, "font family '%s' cannot be its own fallback", name);
	const char **names = xcalloc(st->nfamilies + 1, sizeof(char *));
	for (size_t k = 0; k < st->nfamilies; k++)
		names[k] = st->families[k].name;
	const char *sg = suggest(name, names, st->nfamilies);
	err_at(l, v, "unknown font family '%s'%s%s%s", name,
	       sg ? "; did you mean '" : "", sg ? sg : "", sg ? "'?" : "");
	free(names);
	return -1;
}

/* The fallback families (a name or a list of names, tried in order),
 * once every family is known. */
static int read_fallbacks(loader *l)
{
	pdf_style *st = l->st;
	int rc = 0;
	for (size_t i = 0; i < st->nfamilies; i++) {
		pdf_family *f = &st->families[i];
		const ynode *v = f->fallback_node;
		f->fallback_node = NULL;
		if (!v || v->bad)
			continue;
		const ynode *const *items = (const ynode *const *)&v;
		size_t n = 1;
		if (v->kind == YN_SEQ) {
			items = (const ynode *const *)v->items;
			n = v->n;
		}
		f->fallbacks = arena_alloc(st->a, (n + 1) * sizeof(int));
		for (size_t k = 0; k < n; k++) {
			int fi = fallback_family(l, i, items[k]);
			if (fi < 0) {
				rc = -1;
				continue;
			}
			bool dup = false;
			for (size_t j = 0; j < f->nfallbacks; j++)
				dup = dup || f->fallbacks[j] == fi;
			if (dup) {
				rc =
				    err_at(l, items[k],
				           "font family '%s' is named twice as "
				           "a fallback",
				           st->families[fi].name);
				continue;
			}
			f->fallbacks[f->nfallbacks++] = fi;
		}
	}
	return rc;
}

static int read_named(loader *l, const ynode *v, const char *section,
                      bool colours)
{
	pdf_style *st = l->st;
	if (v->kind != YN_MAP)
		return err_at(l, v,
		              "'%s' must be a mapping of names to values, "
		              "not %s",
		              section, yn_kind_name(v));
	int rc = 0;
	char **names = arena_alloc(st->a, (v->n + 1) * sizeof(char *));
	size_t n = 0;
	pdf_color *cols =
	    colours ? arena_alloc(st->a, (v->n + 1) * sizeof(pdf_color)) : NULL;
	double *sizes =
	    colours ? NULL : arena_alloc(st->a, (v->n + 1) * sizeof(double));
	for (size_t i = 0; i < v->n; i++) {
		const ynode *k = v->items[2 * i], *val = v->items[2 * i + 1];
		if (colours) {
			const char *s = scalar(l, val, k->str);
			if (!s || parse_hex_color(s, &cols[n]) < 0) {
				if (s)
					err_at(l, val,
					       "'%s' must be a colour "
					       "written #rrggbb, not '%s'",
					       k->str, s);
				rc = -1;
				continue;
			}
		} else if (length(l, val, k->str, true, &sizes[n]) < 0) {
			rc = -1;
			continue;
		}
		names[n++] = arena_strdup(st->a, k->str);
	}
	if (colours) {
		st->color_names = names;
		st->colors = cols;
		st->ncolors = n;
	} else {
		st->size_names = names;
		st->sizes = sizes;
		st->nsizes = n;
	}
	return rc;
}

static int read_page(loader *l, const ynode *v)
{
	static const char *const keys[] = {
	    "margin-top",    "margin-bottom", "margin-left", "margin-right",
	    "header-offset", "footer-offset", "widows",      "orphans"};
	ynode *val[COUNT_OF(keys)];
	pdf_style *st = l->st;
	if (fld_map(&l->c, v, "'page'", keys, COUNT_OF(keys), val) < 0)
		return -1;
	double *dst[] = {&st->margin_top,    &st->margin_bottom,
	                 &st->margin_left,   &st->margin_right,
	                 &st->header_offset, &st->footer_offset};
	int rc = 0;
	for (size_t i = 0; i < COUNT_OF(keys); i++) {
		if (!val[i]) {
			fld_missing(&l->c, v, keys[i], "'page'");
			rc = -1;
			continue;
		}
		if (i < 6) {
			if (length(l, val[i], keys[i], true, dst[i]) < 0)
				rc = -1;
		} else {
			double x;
			if (length(l, val[i], keys[i], false, &x) < 0) {
				rc = -1;
				continue;
			}
			if (x < 1 || x > 5 || x != floor(x)) {
				err_at(l, val[i],
				       "'%s' must be a whole "
				       "number from 1 to 5",
				       keys[i]);
				rc = -1;
				continue;
			}
			*(i == 6 ? &st->widows : &st->orphans) = (int)x;
		}
	}
	return rc;
}

static const char *const para_keys[] = {
    "base",    "font",      "bold",         "italic",      "size",
    "leading", "colour",    "space-before", "space-after", "indent",
    "align",   "bar-width", "bar-colour"};

static int read_para(loader *l, const char *name, const ynode *v,
                     pdf_pstyle *ps)
{
	pdf_style *st = l->st;
	ynode *val[COUNT_OF(para_keys)];
	char *what = arena_printf(st->a, "paragraph style '%s'", name);
	if (fld_map(&l->c, v, what, para_keys, COUNT_OF(para_keys), val) < 0)
		return -1;
	int rc = 0;
	/* Defaults, or the base style's values. */
	memset(ps, 0, sizeof(*ps));
	ps->size = 10;
	ps->leading = 13;
	ps->family = 0;
	if (val[0]) {
		const char *b = scalar(l, val[0], "base");
		const pdf_pstyle *base = NULL;
		for (size_t i = 0; b && i < st->nparas; i++)
			if (strcmp(st->paras[i].name, b) == 0)
				base = &st->paras[i];
		if (!base && b)
			return err_at(l, val[0],
			              "unknown base style '%s' (a "
			              "base must be defined above)",
			              b);
		if (!b)
			return -1;
		*ps = *base;
	}
	ps->name = arena_strdup(st->a, name);
	ps->pos = v->pos;
	if (val[1]) {
		const char *f = scalar(l, val[1], "font");
		int fi = f ? family_index(st, f) : -1;
		if (f && fi < 0) {
			const char **names =
			    xcalloc(st->nfamilies + 1, sizeof(char *));
			for (size_t i = 0; i < st->nfamilies; i++)
				names[i] = st->families[i].name;
			const char *sg = suggest(f, names, st->nfamilies);
			err_at(l, val[1], "unknown font family '%s'%s%s%s", f,
			       sg ? "; did you mean '" : "", sg ? sg : "",
			       sg ? "'?" : "");
			free(names);
		}
		if (fi < 0)
			rc = -1;
		else
			ps->family = fi;
	}
	for (int i = 2; i <= 3; i++) {
		bool b;
		if (val[i] && fld_bool(&l->c, val[i], para_keys[i], &b) < 0)
			rc = -1;
		else if (val[i])
			*(i == 2 ? &ps->bold : &ps->italic) = b;
	}
	struct {
		int idx;
		double *dst;
	} lens[] = {{4, &ps->size},         {5, &ps->leading},
	            {7, &ps->space_before}, {8, &ps->space_after},
	            {9, &ps->indent},       {11, &ps->bar_width}};
	for (size_t i = 0; i < COUNT_OF(lens); i++)
		if (val[lens[i].idx] &&
		    length(l, val[lens[i].idx], para_keys[lens[i].idx], true,
		           lens[i].dst) < 0)
			rc = -1;
	if (val[4] && ps->size < 2) {
		err_at(l, val[4], "'size' must be at least 2pt");
		rc = -1;
	}
	if (val[4] && !val[5] && !val[0])
		ps->leading = ps->size * 1.3;
	if (ps->leading < ps->size * 0.8) {
		err_at(l, val[5] ? val[5] : v,
		       "'leading' (%.1fpt) must be at "
		       "least 0.8 times the size",
		       ps->leading);
		rc = -1;
	}
	if (val[6] && color(l, val[6], "colour", &ps->color) < 0)
		rc = -1;
	if (val[10]) {
		static const char *const al[] = {"left", "center", "right"};
		int a =
		    fld_enum(&l->c, v, val[10], "align", what, false, al, 3);
		if (a < 0)
			rc = -1;
		else
			ps->align = a;
	}
	if (val[12] && color(l, val[12], "bar-colour", &ps->bar_color) < 0)
		rc = -1;
	return rc;
}

static int read_paras(loader *l, const ynode *v)
{
	pdf_style *st = l->st;
	if (v->kind != YN_MAP)
		return err_at(l, v,
		              "'styles' must map style names to "
		              "properties, not %s",
		              yn_kind_name(v));
	st->paras = arena_alloc(st->a, (v->n + 1) * sizeof(*st->paras));
	int rc = 0;
	for (size_t i = 0; i < v->n; i++) {
		const ynode *k = v->items[2 * i];
		pdf_pstyle ps;
		if (read_para(l, k->str, v->items[2 * i + 1], &ps) < 0) {
			rc = -1;
			continue;
		}
		st->paras[st->nparas++] = ps;
	}
	return rc;
}

pdf_style *pdf_style_load(const char *path, diags *d)
{
	static const char *const keys[] = {"fonts", "page", "colours", "sizes",
	                                   "styles"};
	arena *a = arena_new();
	ynode *root = yn_load_file(a, d, path);
	if (!root) {
		arena_free(a);
		return NULL;
	}
	pdf_style *st = arena_alloc(a, sizeof(*st));
	st->a = a;
	st->path = arena_strdup(a, path);
	char *dir = path_dir(path);
	loader l = {{a, d}, st, dir};
	ynode *val[COUNT_OF(keys)];
	int before = d->errors;
	if (fld_map(&l.c, root, "the style file", keys, COUNT_OF(keys), val) <
	    0)
		goto fail;
	for (size_t i = 0; i < COUNT_OF(keys); i++)
		if (!val[i]) {
			fld_missing(&l.c, root, keys[i], "the style file");
			goto fail;
		}
	/* Order matters: colours before styles refer to them by name. */
	if (read_fonts(&l, val[0]) == 0)
		read_fallbacks(&l);
	read_page(&l, val[1]);
	read_named(&l, val[2], "colours", true);
	read_named(&l, val[3], "sizes", false);
	if (d->errors > before)
		goto fail;
	if (family_index(st, "mono") < 0) {
		err_at(&l, val[0],
		       "the style file must define a font family "
		       "'mono' (for code)");
		goto fail;
	}
	read_paras(&l, val[4]);
	if (d->errors > before)
		goto fail;
	for (size_t i = 0; i < COUNT_OF(engine_paras); i++)
		pdf_style_para(st, engine_paras[i], "the PDF engine", d);
	pdf_color c;
	for (size_t i = 0; i < COUNT_OF(engine_colors); i++)
		pdf_style_color(st, engine_colors[i], "the PDF engine", d, &c);
	double x;
	for (size_t i = 0; i < COUNT_OF(engine_sizes); i++)
		pdf_style_size(st, engine_sizes[i], "the PDF engine", d, &x);
	if (d->errors > before)
		goto fail;
	free(dir);
	return st;
fail:
	free(dir);
	arena_free(a);
	return NULL;
}

void pdf_style_free(pdf_style *st)
{
	if (st)
		arena_free(st->a);
}

static void missing_name(const pdf_style *st, const char *kind,
                         const char *section, const char *name,
                         const char *user, diags *d)
{
	diag_error(d, pos_at(diags_source(d, st->path, NULL, 0), 0, 0),
	           "no %s '%s' under '%s' (%s needs it)", kind, name, section,
	           user);
}

const pdf_pstyle *pdf_style_para(const pdf_style *st, const char *name,
                                 const char *user, diags *d)
{
	for (size_t i = 0; i < st->nparas; i++)
		if (strcmp(st->paras[i].name, name) == 0)
			return &st->paras[i];
	missing_name(st, "paragraph style", "styles", name, user, d);
	return NULL;
}

int pdf_color_parse(const char *s, pdf_color *out)
{
	return parse_hex_color(s, out);
}

int pdf_style_color(const pdf_style *st, const char *name, const char *user,
                    diags *d, pdf_color *out)
{
	int i =
	    find_name((const char *const *)st->color_names, st->ncolors, name);
	if (i < 0) {
		missing_name(st, "colour", "colours", name, user, d);
		return -1;
	}
	*out = st->colors[i];
	return 0;
}

int pdf_style_size(const pdf_style *st, const char *name, const char *user,
                   diags *d, double *out)
{
	int i =
	    find_name((const char *const *)st->size_names, st->nsizes, name);
	if (i < 0) {
		missing_name(st, "size", "sizes", name, user, d);
		return -1;
	}
	*out = st->sizes[i];
	return 0;
}

int pdf_style_family(const pdf_style *st, const char *name, const char *user,
                     diags *d)
{
	int i = family_index(st, name);
	if (i < 0)
		missing_name(st, "font family", "fonts", name, user, d);
	return i;
}

enum want_kind { WANT_PARA, WANT_COLOR, WANT_SIZE };

/* Resolves the wants of one kind; 0, or -1 when a name was missing. */
static int resolve_kind(const pdf_style *st, enum want_kind kind,
                        const pdf_style_want *wants, size_t n, const char *user,
                        diags *d)
{
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		const pdf_style_want *w = &wants[i];
		if (kind == WANT_PARA && w->para &&
		    !(*w->para = pdf_style_para(st, w->name, user, d)))
			rc = -1;
		if (kind == WANT_COLOR && w->color &&
		    pdf_style_color(st, w->name, user, d, w->color) < 0)
			rc = -1;
		if (kind == WANT_SIZE && w->size &&
		    pdf_style_size(st, w->name, user, d, w->size) < 0)
			rc = -1;
	}
	return rc;
}

int pdf_style_resolve(const pdf_style *st, pdf_base_styles *base,
                      const pdf_style_want *wants, size_t n, const char *user,
                      diags *d)
{
	pdf_base_styles unused;
	if (!base)
		base = &unused;
	const pdf_style_want shared[] = {
	    {"body", .para = &base->body},
	    {"title", .para = &base->title},
	    {"subtitle", .para = &base->subtitle},
	    {"h1", .para = &base->h1},
	    {"h2", .para = &base->h2},
	    {"h3", .para = &base->h3},
	    {"meta", .para = &base->meta},
	    {"cover-space", .size = &base->cover_space}};
	static const enum want_kind kinds[] = {WANT_PARA, WANT_COLOR,
	                                       WANT_SIZE};
	int rc = 0;
	for (size_t k = 0; k < COUNT_OF(kinds); k++) {
		if (base && resolve_kind(st, kinds[k], shared, COUNT_OF(shared),
		                         user, d) < 0)
			rc = -1;
		if (resolve_kind(st, kinds[k], wants, n, user, d) < 0)
			rc = -1;
	}
	return rc;
}

/* ---- texts ---- */

struct pdf_texts {
	arena *a;
	const char **keys, **vals;
	size_t n;
};

pdf_texts *pdf_texts_load(const char *path, const char *lang,
                          const char *const *keys, size_t nkeys, diags *d)
{
	arena *a = arena_new();
	ynode *root = yn_load_file(a, d, path);
	if (!root) {
		arena_free(a);
		return NULL;
	}
	pdf_texts *t = arena_alloc(a, sizeof(*t));
	t->a = a;
	t->keys = arena_alloc(a, (nkeys + 1) * sizeof(char *));
	t->vals = arena_alloc(a, (nkeys + 1) * sizeof(char *));
	t->n = nkeys;
	fld_ctx c = {a, d};
	ynode **val = xcalloc(nkeys + 1, sizeof(ynode *));
	int before = d->errors;
	if (fld_map(&c, root, "the texts file", keys, nkeys, val) < 0)
		goto out;
	for (size_t i = 0; i < nkeys; i++) {
		t->keys[i] = arena_strdup(a, keys[i]);
		const ynode *v = val[i];
		if (!v) {
			fld_missing(&c, root, keys[i], "the texts file");
			continue;
		}
		if (v->kind != YN_MAP) {
			diag_error(d, v->pos,
			           "'%s' must map language ids to "
			           "texts (en: ..., de: ...), not %s",
			           keys[i], yn_kind_name(v));
			continue;
		}
		const ynode *tr = yn_map_get(v, lang);
		if (!tr || tr->kind != YN_SCALAR || yn_is_null(tr)) {
			diag_error(d, tr ? tr->pos : v->pos,
			           "no '%s' text for '%s' (add a translation "
			           "to this file)",
			           lang, keys[i]);
			continue;
		}
		t->vals[i] = tr->str;
	}
out:
	free(val);
	if (d->errors > before) {
		arena_free(a);
		return NULL;
	}
	return t;
}

const char *pdf_text_get(const pdf_texts *t, const char *key)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->keys[i], key) == 0)
			return t->vals[i];
	return "";
}

const char *pdf_text_format(const pdf_texts *t, const char *key,
                            const char *const *kv, size_t n)
{
	return pdf_text_fill(t->a, pdf_text_get(t, key), kv, n);
}

void pdf_texts_free(pdf_texts *t)
{
	if (t)
		arena_free(t->a);
}

char *pdf_text_fill(arena *a, const char *fmt, const char *const *kv, size_t n)
{
	buf b = {0};
	for (const char *p = fmt; *p;) {
		bool done = false;
		if (*p == '{')
			for (size_t i = 0; i + 1 < n; i += 2) {
				size_t l = strlen(kv[i]);
				if (strncmp(p + 1, kv[i], l) == 0 &&
				    p[1 + l] == '}') {
					buf_puts(&b,
					         kv[i + 1] ? kv[i + 1] : "");
					p += l + 2;
					done = true;
					break;
				}
			}
		if (!done)
			buf_putc(&b, *p++);
	}
	char *s = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

int pdf_templates_load(pdf_templates *t, const char *templates_dir,
                       const char *style_path, const char *name,
                       const char *lang, const char *const *keys, size_t nkeys,
                       diags *d)
{
	memset(t, 0, sizeof(*t));
	char *sp = style_path ? xstrdup(style_path)
	                      : path_join(templates_dir, "pdf/style.yaml");
	char *base = xasprintf("pdf/%s.yaml", name);
	char *tp = path_join(templates_dir, base);
	free(base);
	int rc = -1;
	if (!is_file(sp) || !is_file(tp)) {
		d->io_failed = true;
		diag_error(d, NO_POS,
		           "cannot find the templates '%s' and '%s' (set "
		           "VCSC_DATADIR, or --templates DIR where the command "
		           "has it)",
		           sp, tp);
	} else {
		t->style = pdf_style_load(sp, d);
		t->texts = pdf_texts_load(tp, lang, keys, nkeys, d);
		rc = t->style && t->texts ? 0 : -1;
	}
	free(sp);
	free(tp);
	return rc;
}

void pdf_templates_free(pdf_templates *t)
{
	pdf_texts_free(t->texts);
	pdf_style_free(t->style);
	memset(t, 0, sizeof(*t));
}
