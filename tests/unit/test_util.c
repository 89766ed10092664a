/* Unit tests for util.c and json.c. */
#include <stdlib.h>
#include <unistd.h>

#include "base/json.h"
#include "base/md.h"
#include "base/xml.h"
#include "unit.h"
#include "base/util.h"

void test_arena(void)
{
	arena *a = arena_new();
	char *big = arena_alloc(a, 200000);
	CHECK(big != NULL);
	big[199999] = 'x';
	char *s = arena_strdup(a, "hello");
	CHECK_STR(s, "hello");
	CHECK((((uintptr_t)arena_alloc(a, 3)) & 15) == 0);
	CHECK_STR(arena_printf(a, "%d-%s", 42, "x"), "42-x");
	for (int i = 0; i < 10000; i++)
		CHECK(arena_alloc(a, 100) != NULL);
	CHECK_STR(s, "hello");
	arena_free(a);
}

void test_buf(void)
{
	buf b = {0};
	buf_puts(&b, "abc");
	buf_putc(&b, 'd');
	buf_printf(&b, "%05d", 7);
	CHECK_STR(b.data, "abcd00007");
	CHECK_INT(b.len, 9);
	buf_reset(&b);
	CHECK_STR(b.data, "");
	for (int i = 0; i < 1000; i++)
		buf_puts(&b, "0123456789");
	CHECK_INT(b.len, 10000);
	char *p = buf_detach(&b);
	CHECK(b.data == NULL);
	free(p);
}

void test_hmap(void)
{
	hmap m;
	hmap_init(&m);
	CHECK(hmap_get(&m, "x") == NULL);
	static char keys[2000][16];
	for (int i = 0; i < 2000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
		CHECK(hmap_put(&m, keys[i], &keys[i]) == NULL);
	}
	CHECK_INT(m.n, 2000);
	for (int i = 0; i < 2000; i++)
		CHECK(hmap_get(&m, keys[i]) == &keys[i]);
	CHECK(hmap_put(&m, keys[5], NULL) == &keys[5]);
	CHECK_INT(m.n, 2000);
	CHECK(hmap_get(&m, "k2000") == NULL);
	hmap_free(&m);
}

void test_utf8(void)
{
	const char *ok = "aé€😀";
	CHECK_INT(utf8_validate((const unsigned char *)ok, strlen(ok)),
	          strlen(ok));
	CHECK_INT(utf8_count(ok, strlen(ok)), 4);
	/* overlong, surrogate, truncated, stray continuation */
	CHECK_INT(utf8_validate((const unsigned char *)"a\xC0\xAF", 3), 1);
	CHECK_INT(utf8_validate((const unsigned char *)"\xED\xA0\x80", 3), 0);
	CHECK_INT(utf8_validate((const unsigned char *)"ab\xE2\x82", 4), 2);
	CHECK_INT(utf8_validate((const unsigned char *)"\x80", 1), 0);
	CHECK_INT(utf8_validate((const unsigned char *)"\xF4\x90\x80\x80", 4),
	          0);
	uint32_t cp;
	CHECK_INT(utf8_decode((const unsigned char *)"€", 3, &cp), 3);
	CHECK_INT(cp, 0x20AC);
}

void test_edit_distance(void)
{
	CHECK_INT(edit_distance("objectve", "objective"), 1);
	CHECK_INT(edit_distance("ab", "ba"), 1);
	CHECK_INT(edit_distance("", "abc"), 3);
	static const char *const keys[] = {"number", "uid", "objective",
	                                   "question"};
	CHECK_STR(suggest("objectve", keys, 4), "objective");
	CHECK_STR(suggest("qestion", keys, 4), "question");
	CHECK(suggest("colour", keys, 4) == NULL);
	CHECK(suggest("xyz", keys, 4) == NULL);
}

void test_paths(void)
{
	char *p = path_join("a/b/", "c");
	CHECK_STR(p, "a/b/c");
	free(p);
	CHECK_STR(path_base("catalogue/vcsa/1.1"), "1.1");
	p = path_dir("catalogue/vcsa/1.1/");
	CHECK_STR(p, "catalogue/vcsa");
	free(p);
	p = path_dir("file");
	CHECK_STR(p, ".");
	free(p);
}

void test_outfile(void)
{
	char dir[] = "/tmp/vcsc-unit-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char *path = path_join(dir, "out.txt");
	outfile o;
	CHECK_INT(outfile_open(&o, path), 0);
	fputs("half", o.fp);
	outfile_abort(&o);
	CHECK(!is_file(path));
	CHECK_INT(outfile_open(&o, path), 0);
	fputs("whole", o.fp);
	CHECK_INT(outfile_commit(&o), 0);
	char *data;
	size_t len;
	CHECK_INT(read_file(path, 100, &data, &len), 0);
	CHECK_STR(data, "whole");
	free(data);
	CHECK_INT(read_file(path, 3, &data, &len), -2);
	CHECK(data == NULL);
	unlink(path);
	rmdir(dir);
	free(path);
	CHECK(outfile_open(&o, "/nonexistent-dir/x") == -1);
}

void test_json_writer(void)
{
	char *mem = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&mem, &len);
	json_writer w;
	json_init(&w, fp, 0);
	json_begin_object(&w);
	json_key(&w, "a");
	json_string(&w, "q\"\\\n\x01é");
	json_key(&w, "b");
	json_begin_array(&w);
	json_int(&w, -3);
	json_bool(&w, true);
	json_null(&w);
	json_end_array(&w);
	json_key(&w, "c");
	json_begin_object(&w);
	json_end_object(&w);
	json_end_object(&w);
	fclose(fp);
	CHECK_STR(
	    mem,
	    "{\"a\":\"q\\\"\\\\\\n\\u0001é\",\"b\":[-3,true,null],\"c\":{}}");
	free(mem);
}

/* A JSON writer into memory: mem holds what it wrote once fp is closed. */
typedef struct mem_json {
	char *mem;
	size_t len;
	FILE *fp;
	json_writer w;
} mem_json;

static json_writer *mem_json_open(mem_json *m, bool script_safe)
{
	m->mem = NULL;
	m->fp = open_memstream(&m->mem, &m->len);
	json_init(&m->w, m->fp, 0);
	m->w.script_safe = script_safe;
	return &m->w;
}

/* script_safe: HTML-significant characters and the JavaScript line
 * terminators as \u escapes (and only then); json_line_break: a
 * compact array with an element a line. */
void test_json_script_safe(void)
{
	static const char text[] =
	    "</script> & \xe2\x80\xa8\xe2\x80\xa9 \xe2\x80\xa6";
	mem_json m;
	json_string(mem_json_open(&m, true), text);
	fclose(m.fp);
	CHECK_STR(m.mem, "\"\\u003c/script\\u003e \\u0026 \\u2028\\u2029 "
	                 "\xe2\x80\xa6\"");
	free(m.mem);
	json_string(mem_json_open(&m, false), text);
	fclose(m.fp);
	CHECK_STR(m.mem,
	          "\"</script> & \xe2\x80\xa8\xe2\x80\xa9 \xe2\x80\xa6\"");
	free(m.mem);

	json_writer *w = mem_json_open(&m, false);
	json_begin_array(w);
	for (int i = 0; i < 2; i++) {
		json_line_break(w);
		json_int(w, i);
	}
	json_line_break(w);
	json_end_array(w);
	json_begin_array(w);
	json_line_break(w); /* an empty array */
	json_end_array(w);
	fclose(m.fp);
	CHECK_STR(m.mem, "[\n0,\n1\n][\n]");
	free(m.mem);
}

/* The two texts of Markdown: plain (titles, comparisons) and for the
 * search index (list items joined by "; ", single spaces). */
void test_md_text(void)
{
	static const struct {
		bool search;
		const char *md, *want;
	} cases[] = {
	    {false, "Intro *em*\n\n- one\n- two.\n- three\n",
	     "Intro em one two. three"},
	    {true, "Intro *em*\n\n- one\n- two.\n- three\n",
	     "Intro em one; two. three"},
	    {false, "a <b>x</b>  c\nd", "a x  c d"},
	    {true, "a <b>x</b> c", "a x c"},
	    {true, "<div>\nonly html\n</div>\n", ""},
	};
	for (size_t i = 0; i < COUNT_OF(cases); i++) {
		char *p = cases[i].search ? md_search_text(cases[i].md)
		                          : md_plain_text(cases[i].md);
		CHECK_STR(p, cases[i].want);
		free(p);
	}
}

/* The element builders: an absent value adds no attribute, an empty
 * text no node. */
void test_xml_builders(void)
{
	xmlDocPtr doc = xmlNewDoc(XML_STR("1.0"));
	xmlNodePtr root = xmlNewDocNode(doc, NULL, XML_STR("r"), NULL);
	xmlDocSetRootElement(doc, root);
	xmlNodePtr e = xml_el(root, "e");
	xml_attr(e, "a", "1");
	xml_attr(e, "gone", NULL);
	xml_attr_bool(e, "b", false);
	xml_attr_size(e, "n", 42);
	xml_attrf(e, "f", "%s-%d", "x", 7);
	xml_text_el(root, "empty", "");
	xml_text_el(root, "t", "<&>");
	xml_text_n(xml_el(root, "n"), "abcdef", 3);
	xmlBufferPtr b = xmlBufferCreate();
	xmlNodeDump(b, doc, root, 0, 0);
	CHECK_STR((const char *)xmlBufferContent(b),
	          "<r><e a=\"1\" b=\"false\" n=\"42\" f=\"x-7\"/><empty/>"
	          "<t>&lt;&amp;&gt;</t><n>abc</n></r>");
	xmlBufferFree(b);
	xmlFreeDoc(doc);
}
