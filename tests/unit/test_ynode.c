/* Unit tests for the YAML front end (ynode.c). */
#include <stdlib.h>

#include "unit.h"
#include "front/ynode.h"

static ynode *load(arena *a, diags *d, const char *text)
{
	return yn_load_text(a, d, "t.yaml", xstrdup(text), strlen(text));
}

void test_ynode_positions(void)
{
	arena *a = arena_new();
	diags d;
	diags_init(&d);
	ynode *r = load(a, &d, "a: 1\nb:\n  - x\n  - {c: d}\n");
	CHECK(r && r->kind == YN_MAP);
	CHECK_INT(r->n, 2);
	ynode *b = yn_map_get(r, "b");
	CHECK(b && b->kind == YN_SEQ);
	CHECK_INT(b->n, 2);
	CHECK_INT(b->items[0]->pos.line, 3);
	CHECK_INT(b->items[0]->pos.col, 5);
	ynode *c = yn_map_get(b->items[1], "c");
	CHECK(c && c->kind == YN_SCALAR);
	CHECK_STR(c->str, "d");
	CHECK_INT(c->pos.line, 4);
	CHECK_INT(c->pos.col, 9);
	CHECK_INT(d.errors, 0);
	diags_free(&d);
	arena_free(a);
}

void test_ynode_columns_are_characters(void)
{
	arena *a = arena_new();
	diags d;
	diags_init(&d);
	ynode *r = load(a, &d, "äöü: [é, x]\n");
	CHECK(r != NULL);
	ynode *l = yn_map_get(r, "äöü");
	CHECK(l && l->n == 2);
	/* "äöü: [é, " is 9 characters, so x is in column 10 */
	CHECK_INT(l->items[1]->pos.col, 10);
	diags_free(&d);
	arena_free(a);
}

void test_ynode_rejects_aliases(void)
{
	arena *a = arena_new();
	diags d;
	diags_init(&d);
	/* Self-referential alias: would never end if expanded. */
	load(a, &d, "a: &a [*a]\nb: *a\n");
	CHECK_INT(d.errors, 1);
	CHECK(strstr(d.items[0].msg, "anchors are not supported") != NULL);
	CHECK_INT(d.items[0].pos.line, 1);
	diags_free(&d);
	diags_init(&d);
	load(a, &d, "x: 1\n<<: {y: 2}\n");
	CHECK_INT(d.errors, 1);
	CHECK(strstr(d.items[0].msg, "merge keys") != NULL);
	diags_free(&d);
	arena_free(a);
}

void test_ynode_duplicate_keys(void)
{
	arena *a = arena_new();
	diags d;
	diags_init(&d);
	ynode *r = load(a, &d, "a: 1\nb: 2\na: 3\nc: 4\na: 5\n");
	CHECK(r != NULL);
	CHECK_INT(d.errors, 2);
	CHECK_INT(d.items[0].pos.line, 3);
	CHECK_INT(d.items[1].pos.line, 5);
	CHECK(strstr(d.items[1].msg, "first given at line 1") != NULL);
	diags_free(&d);
	arena_free(a);
}

void test_ynode_depth_limit(void)
{
	arena *a = arena_new();
	diags d;
	diags_init(&d);
	buf b = {0};
	for (int i = 0; i < YN_MAX_DEPTH; i++)
		buf_putc(&b, '[');
	for (int i = 0; i < YN_MAX_DEPTH; i++)
		buf_putc(&b, ']');
	CHECK(load(a, &d, b.data) != NULL);
	CHECK_INT(d.errors, 0);
	buf_reset(&b);
	for (int i = 0; i < 100000; i++)
		buf_putc(&b, '[');
	CHECK(load(a, &d, b.data) == NULL);
	CHECK_INT(d.errors, 1);
	CHECK(strstr(d.items[0].msg, "nesting deeper") != NULL);
	buf_free(&b);
	diags_free(&d);
	arena_free(a);
}

void test_ynode_nul_and_utf8(void)
{
	arena *a = arena_new();
	diags d;
	diags_init(&d);
	char raw[] = "a: b\nc: d\0e\n";
	CHECK(yn_load_text(a, &d, "t.yaml", xstrndup(raw, sizeof(raw) - 1),
	                   sizeof(raw) - 1) == NULL);
	CHECK_INT(d.errors, 1);
	CHECK_INT(d.items[0].pos.line, 2);
	CHECK_INT(d.items[0].pos.col, 5);
	diags_free(&d);
	diags_init(&d);
	load(a, &d, "a: \"x\\0y\"\n");
	CHECK_INT(d.errors, 1);
	CHECK(strstr(d.items[0].msg, "NUL") != NULL);
	diags_free(&d);
	diags_init(&d);
	CHECK(load(a, &d, "a: é\nb: \xC3(\n") == NULL);
	CHECK_INT(d.items[0].pos.line, 2);
	CHECK_INT(d.items[0].pos.col, 4);
	diags_free(&d);
	arena_free(a);
}

void test_ynode_null_scalars(void)
{
	arena *a = arena_new();
	diags d;
	diags_init(&d);
	ynode *r =
	    load(a, &d, "a: ~\nb:\nc: null\nd: 'null'\ne: no\nf: 1.10\n");
	CHECK(yn_is_null(yn_map_get(r, "a")));
	CHECK(yn_is_null(yn_map_get(r, "b")));
	CHECK(yn_is_null(yn_map_get(r, "c")));
	CHECK(!yn_is_null(yn_map_get(r, "d")));
	CHECK_STR(yn_map_get(r, "e")->str, "no");
	CHECK_STR(yn_map_get(r, "f")->str, "1.10");
	diags_free(&d);
	arena_free(a);
}
