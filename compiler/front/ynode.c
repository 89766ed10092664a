/*
 * ynode.c - YAML files to node trees, on libyaml's event API.
 *
 * The tree is built with an explicit stack, so input nesting never turns
 * into C recursion; the depth limit stops a hostile file at the first level
 * beyond it. Aliases are never expanded.
 */
#include "ynode.h"
#include "yhint.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

typedef struct frame {
	ynode *node;
	ynode **items;
	size_t n, cap;
} frame;

typedef struct loader {
	arena *a;
	diags *d;
	const char *file;
	const char *text; /* as libyaml reads it, for explaining errors */
	size_t len;
	frame stack[YN_MAX_DEPTH + 1];
	int depth;
	bool alias_reported, tag_reported;
	ynode *root;
} loader;

static srcpos mark_pos(const loader *l, yaml_mark_t m)
{
	srcpos p = {l->file, (int)m.line + 1, (int)m.column + 1};
	return p;
}

/* Line and column (in characters) of a byte offset in text. */
static srcpos offset_pos(const char *file, const char *text, size_t off)
{
	srcpos p = {file, 1, 1};
	size_t line_start = 0;
	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n') {
			p.line++;
			line_start = i + 1;
		}
	}
	if (line_start == 0 && off >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		line_start = 3; /* a byte-order mark is not a column */
	p.col = (int)utf8_count(text + line_start, off - line_start) + 1;
	return p;
}

static ynode *new_node(loader *l, yn_kind kind, yaml_mark_t m)
{
	ynode *n = arena_alloc(l->a, sizeof(*n));
	n->kind = kind;
	n->pos = mark_pos(l, m);
	return n;
}

static void report_alias(loader *l, yaml_mark_t m, const char *what)
{
	if (l->alias_reported)
		return;
	l->alias_reported = true;
	diag_error(l->d, mark_pos(l, m),
	           "%s are not supported: a catalogue file spells out every "
	           "value (anchors and aliases can make a small file expand "
	           "without bound)",
	           what);
}

static void report_tag(loader *l, yaml_mark_t m, const char *tag)
{
	if (l->tag_reported)
		return;
	l->tag_reported = true;
	diag_error(l->d, mark_pos(l, m),
	           "YAML tags such as '%s' are not supported: a value's type "
	           "follows from its key",
	           tag);
}

/* Adds child to the container on top of the stack (or makes it the root).
 * Returns -1 on a fatal problem. */
static int attach(loader *l, ynode *child)
{
	if (l->depth == 0) {
		l->root = child;
		return 0;
	}
	frame *f = &l->stack[l->depth - 1];
	if (f->node->kind == YN_MAP && f->n % 2 == 0) {
		if (child->kind != YN_SCALAR) {
			diag_error(l->d, child->pos,
			           "a mapping key must be a plain string, "
			           "not %s",
			           yn_kind_name(child));
			return -1;
		}
		if (child->plain && strcmp(child->str, "<<") == 0) {
			diag_error(l->d, child->pos,
			           "merge keys ('<<') are not supported: "
			           "write the keys out");
			return -1;
		}
	}
	VEC_PUSH(f->items, f->n, f->cap, child);
	return 0;
}

typedef struct keyref {
	const ynode *key;
	size_t index;
} keyref;

static int cmp_keyref(const void *pa, const void *pb)
{
	const keyref *a = pa, *b = pb;
	const ynode *x = a->key, *y = b->key;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->str, y->str, n);
	if (c == 0)
		c = (x->len > y->len) - (x->len < y->len);
	if (c == 0)
		c = (a->index > b->index) - (a->index < b->index);
	return c;
}

/* Reports every key that repeats an earlier one in the same mapping.
 * Sorting keeps a hostile mapping with many keys at O(n log n). */
static void check_duplicates(loader *l, ynode *map)
{
	size_t nk = map->n;
	if (nk < 2)
		return;
	keyref *k = xmalloc(nk * sizeof(*k));
	for (size_t i = 0; i < nk; i++) {
		k[i].key = map->items[2 * i];
		k[i].index = i;
	}
	qsort(k, nk, sizeof(*k), cmp_keyref);
	/* Report in source order: mark duplicates, then walk the mapping. */
	const ynode **first = xcalloc(nk, sizeof(*first));
	for (size_t i = 1; i < nk; i++) {
		const ynode *a = k[i - 1].key, *b = k[i].key;
		if (a->len == b->len && memcmp(a->str, b->str, a->len) == 0)
			first[k[i].index] =
			    first[k[i - 1].index] ? first[k[i - 1].index] : a;
	}
	for (size_t i = 0; i < nk; i++) {
		if (!first[i])
			continue;
		const ynode *key = map->items[2 * i];
		diag_error(l->d, key->pos,
		           "duplicate key '%s' (first given at line %d)",
		           key->str, first[i]->pos.line);
	}
	free(first);
	free(k);
}

static int push(loader *l, ynode *n)
{
	if (l->depth >= YN_MAX_DEPTH) {
		diag_error(l->d, n->pos,
		           "nesting deeper than %d levels; catalogue files "
		           "need far fewer",
		           YN_MAX_DEPTH);
		return -1;
	}
	frame *f = &l->stack[l->depth++];
	memset(f, 0, sizeof(*f));
	f->node = n;
	return 0;
}

/* Where a block collection ends: where its last item does. libyaml's
 * end event for it is marked at the next token, which may be lines of
 * comments further on. A mapping's last value that is empty and was
 * marked at a column no deeper than the mapping's own stands for an
 * explicit key without ':' ("? key"): libyaml marks such an empty value
 * at the next token, so the pair ends with its key. */
static srcpos block_end(const ynode *n, const frame *f, srcpos fallback)
{
	if (f->n == 0)
		return fallback;
	const ynode *last = f->items[f->n - 1];
	if (n->kind == YN_MAP) {
		const ynode *key = f->items[f->n - 2];
		if (last->kind == YN_SCALAR && last->len == 0 && last->plain &&
		    last->pos.line > key->end.line &&
		    last->pos.col <= n->pos.col)
			return key->end;
	}
	return last->end;
}

static int pop(loader *l, yaml_mark_t end)
{
	frame *f = &l->stack[--l->depth];
	ynode *n = f->node;
	if (n->kind == YN_MAP && f->n % 2 != 0) {
		/* libyaml always delivers pairs; guard anyway. */
		free(f->items);
		return -1;
	}
	n->end = n->flow ? mark_pos(l, end) : block_end(n, f, mark_pos(l, end));
	n->n = n->kind == YN_MAP ? f->n / 2 : f->n;
	n->items = arena_memdup(l->a, f->items, f->n * sizeof(ynode *));
	free(f->items);
	f->items = NULL;
	if (n->kind == YN_MAP)
		check_duplicates(l, n);
	return attach(l, n);
}

static int on_scalar(loader *l, const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	ynode *n = new_node(l, YN_SCALAR, ev->start_mark);
	n->end = mark_pos(l, ev->end_mark);
	if (ev->data.scalar.anchor)
		report_alias(l, ev->start_mark, "anchors");
	if (ev->data.scalar.tag)
		report_tag(l, ev->start_mark,
		           (const char *)ev->data.scalar.tag);
	if (strlen(v) != len) {
		diag_error(l->d, n->pos,
		           "NUL character in a string; text may not contain "
		           "U+0000");
		v = "";
		len = 0;
		n->bad = true;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
			diag_error(l->d, n->pos,
			           "control character U+%04X in a string", c);
			v = "";
			len = 0;
			n->bad = true;
			break;
		}
	}
	n->str = arena_strndup(l->a, v, len);
	n->len = len;
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	n->block = ev->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
	           ev->data.scalar.style == YAML_FOLDED_SCALAR_STYLE;
	return attach(l, n);
}

static void report_syntax(loader *l, const yaml_parser_t *p)
{
	const char *problem = p->problem ? p->problem : "malformed YAML";
	srcpos pos = mark_pos(l, p->problem_mark);
	if (p->error == YAML_READER_ERROR) {
		/* Reader errors carry a byte offset, not a mark. */
		diag_error(l->d, pos, "invalid input: %s", problem);
		return;
	}
	yhint_report r = {problem,
	                  pos.line,
	                  pos.col,
	                  p->context,
	                  p->context ? (int)p->context_mark.line + 1 : 0,
	                  p->context ? (int)p->context_mark.column + 1 : 0};
	char *msg = yhint_explain(l->text, l->len, &r, &pos.line, &pos.col);
	diag_error(l->d, pos, "%s", msg);
	free(msg);
}

static ynode *parse(loader *l, const char *text, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int docs = 0;
	bool ok = true, done = false;

	if (!yaml_parser_initialize(&p)) {
		diag_error(l->d, pos_at(l->file, 0, 0),
		           "cannot initialise the YAML parser");
		return NULL;
	}
	l->text = text;
	l->len = len;
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	while (ok && !done) {
		if (!yaml_parser_parse(&p, &ev)) {
			report_syntax(l, &p);
			ok = false;
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				diag_error(l->d, mark_pos(l, ev.start_mark),
				           "a second YAML document; a file "
				           "holds exactly one");
				ok = false;
			}
			break;
		case YAML_ALIAS_EVENT: {
			report_alias(l, ev.start_mark, "aliases");
			/* Stands in as a missing value, reported once. */
			ynode *n = new_node(l, YN_SCALAR, ev.start_mark);
			n->end = mark_pos(l, ev.end_mark);
			n->str = "";
			n->bad = true;
			ok = attach(l, n) == 0;
			break;
		}
		case YAML_SCALAR_EVENT:
			ok = on_scalar(l, &ev) == 0;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT: {
			bool seq = ev.type == YAML_SEQUENCE_START_EVENT;
			ynode *n =
			    new_node(l, seq ? YN_SEQ : YN_MAP, ev.start_mark);
			yaml_char_t *anchor =
			    seq ? ev.data.sequence_start.anchor
			        : ev.data.mapping_start.anchor;
			yaml_char_t *tag = seq ? ev.data.sequence_start.tag
			                       : ev.data.mapping_start.tag;
			if (anchor)
				report_alias(l, ev.start_mark, "anchors");
			if (tag)
				report_tag(l, ev.start_mark, (const char *)tag);
			n->flow = seq ? ev.data.sequence_start.style ==
			                    YAML_FLOW_SEQUENCE_STYLE
			              : ev.data.mapping_start.style ==
			                    YAML_FLOW_MAPPING_STYLE;
			ok = push(l, n) == 0;
			break;
		}
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			ok = pop(l, ev.end_mark) == 0;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	while (l->depth > 0)
		free(l->stack[--l->depth].items);
	yaml_parser_delete(&p);
	if (!ok)
		return NULL;
	if (!l->root) {
		ynode *n = arena_alloc(l->a, sizeof(*n));
		n->kind = YN_MAP;
		n->pos = n->end = pos_at(l->file, 1, 1);
		l->root = n;
	}
	return l->root;
}

ynode *yn_load_text(arena *a, diags *d, const char *name, char *text,
                    size_t len)
{
	loader l;
	memset(&l, 0, sizeof(l));
	l.a = a;
	l.d = d;
	l.file = diags_source(d, name, text, len);

	/* libyaml reports encoding problems with a byte offset and no line;
	 * find them first so the message can point at the character. */
	const unsigned char *u = (const unsigned char *)text;
	size_t start = len >= 3 && memcmp(u, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	void *nul = memchr(text, '\0', len);
	size_t bad = start + utf8_validate(u + start, len - start);
	size_t nul_off = nul ? (size_t)((char *)nul - text) : len;
	if (nul_off < bad) {
		diag_error(d, offset_pos(l.file, text, nul_off),
		           "NUL byte in the file; expected UTF-8 text");
		return NULL;
	}
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	                 (u[0] == 0xFE && u[1] == 0xFF))) {
		diag_error(d, pos_at(l.file, 1, 1),
		           "the file is UTF-16; catalogue files must be UTF-8");
		return NULL;
	}
	if (bad < len) {
		diag_error(d, offset_pos(l.file, text, bad),
		           "invalid UTF-8 (byte 0x%02X); catalogue files must "
		           "be UTF-8",
		           u[bad]);
		return NULL;
	}
	/* YAML also breaks lines at U+0085, U+2028, U+2029 and a lone CR;
	 * our line numbers count LF only. Such characters come in by
	 * pasting from word processors: refuse them, so that every line
	 * number vcsc prints is the one an editor shows. */
	for (size_t i = start; i < len; i++) {
		const char *what = NULL;
		if (u[i] == '\r' && (i + 1 >= len || u[i + 1] != '\n'))
			what = "a carriage return without a line feed (old Mac "
			       "line ending)";
		else if (u[i] == 0xC2 && i + 1 < len && u[i + 1] == 0x85)
			what = "a next-line character (U+0085)";
		else if (u[i] == 0xE2 && i + 2 < len && u[i + 1] == 0x80 &&
		         (u[i + 2] == 0xA8 || u[i + 2] == 0xA9))
			what = u[i + 2] == 0xA8
			           ? "a line separator (U+2028)"
			           : "a paragraph separator (U+2029)";
		if (what) {
			diag_error(
			    d, offset_pos(l.file, text, i),
			    "%s in the file; YAML would read it as a line "
			    "break: use a plain line break or a space",
			    what);
			return NULL;
		}
	}
	/* libyaml, told the encoding, would read a byte-order mark as text:
	 * start after it (marks then count from the first character). */
	return parse(&l, text + start, len - start);
}

ynode *yn_load_file(arena *a, diags *d, const char *path)
{
	char *text;
	size_t len;
	int rc = read_file(path, YN_MAX_FILE, &text, &len);
	if (rc == -2) {
		diag_error(d, pos_at(diags_source(d, path, NULL, 0), 0, 0),
		           "file is larger than the limit of %u MiB",
		           YN_MAX_FILE / (1024 * 1024));
		return NULL;
	}
	if (rc < 0) {
		d->io_failed = true;
		diag_error(d, pos_at(diags_source(d, path, NULL, 0), 0, 0),
		           "cannot read: %s", strerror(errno));
		return NULL;
	}
	return yn_load_text(a, d, path, text, len);
}

/* True when path names root or lies below it (both resolved). */
static bool below(const char *path, const char *root)
{
	size_t n = strlen(root);
	if (strcmp(root, "/") == 0)
		return true;
	return strncmp(path, root, n) == 0 &&
	       (path[n] == '/' || path[n] == '\0');
}

int yn_check_inside(diags *d, const char *path, const char *root)
{
	struct stat st;
	bool link = lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
	char target[4096] = "";
	if (link) {
		ssize_t n = readlink(path, target, sizeof(target) - 1);
		target[n > 0 ? n : 0] = '\0';
	}
	char *real = realpath(path, NULL);
	if (!real) {
		int e = errno;
		if (!link)
			return 0; /* missing: the reader says so */
		srcpos at = pos_at(diags_source(d, path, NULL, 0), 0, 0);
		if (e == ELOOP)
			diag_error(d, at,
			           "symbolic link to '%s' never ends in "
			           "a file (the links go round in a circle); "
			           "replace it with the file",
			           target);
		else
			diag_error(d, at,
			           "symbolic link to '%s', which does "
			           "not exist; restore its target or remove "
			           "the link",
			           target);
		return -1;
	}
	/* A root that cannot be resolved contains nothing: refuse rather
	 * than let every link through. */
	char *rroot = realpath(root, NULL);
	int rc = 0;
	if (!rroot || !below(real, rroot)) {
		srcpos at = pos_at(diags_source(d, path, NULL, 0), 0, 0);
		if (link)
			diag_error(d, at,
			           "symbolic link to '%s' leads out of "
			           "the catalogue; links must stay within the "
			           "catalogue root (copy what it names in "
			           "instead)",
			           target);
		else
			diag_error(d, at,
			           "lies outside the catalogue, reached "
			           "through a symbolic link; links must stay "
			           "within the catalogue root");
		rc = -1;
	}
	free(rroot);
	free(real);
	return rc;
}

bool yn_is_null(const ynode *n)
{
	if (!n)
		return true;
	if (n->kind != YN_SCALAR || !n->plain)
		return false;
	return n->len == 0 || strcmp(n->str, "~") == 0 ||
	       strcmp(n->str, "null") == 0 || strcmp(n->str, "Null") == 0 ||
	       strcmp(n->str, "NULL") == 0;
}

const char *yn_kind_name(const ynode *n)
{
	if (!n || yn_is_null(n))
		return "nothing";
	switch (n->kind) {
	case YN_MAP:
		return "a mapping";
	case YN_SEQ:
		return "a list";
	default:
		return "a string";
	}
}

ynode *yn_map_get(const ynode *map, const char *key)
{
	if (!map || map->kind != YN_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->items[2 * i]->str, key) == 0)
			return map->items[2 * i + 1];
	return NULL;
}
