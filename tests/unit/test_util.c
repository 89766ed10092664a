/* Unit tests for util.c and json.c. */
#include <stdlib.h>
#include <unistd.h>

#include "base/json.h"
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
	CHECK_INT(utf8_validate((const unsigned char *)ok, strlen(ok)), strlen(ok));
	CHECK_INT(utf8_count(ok, strlen(ok)), 4);
	/* overlong, surrogate, truncated, stray continuation */
	CHECK_INT(utf8_validate((const unsigned char *)"a\xC0\xAF", 3), 1);
	CHECK_INT(utf8_validate((const unsigned char *)"\xED\xA0\x80", 3), 0);
	CHECK_INT(utf8_validate((const unsigned char *)"ab\xE2\x82", 4), 2);
	CHECK_INT(utf8_validate((const unsigned char *)"\x80", 1), 0);
	CHECK_INT(utf8_validate((const unsigned char *)"\xF4\x90\x80\x80", 4), 0);
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
	CHECK_STR(mem, "{\"a\":\"q\\\"\\\\\\n\\u0001é\",\"b\":[-3,true,null],\"c\":{}}");
	free(mem);
}
