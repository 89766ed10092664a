/*
 * fuzz_ynode.c - libFuzzer target for the YAML front end: any bytes must
 * give a tree or diagnostics, never a crash, a hang or a leak.
 *   make fuzz            (clang, -fsanitize=fuzzer,address,undefined)
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "front/ynode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	arena *a = arena_new();
	diags d;
	diags_init(&d);
	char *text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	ynode *root = yn_load_text(a, &d, "fuzz.yaml", text, size);
	if (root && root->kind == YN_MAP)
		(void)yn_map_get(root, "questions");
	/* Printing exercises the excerpt code on arbitrary lines. */
	FILE *null = fopen("/dev/null", "w");
	if (null) {
		diags_print(&d, null, true);
		fclose(null);
	}
	diags_free(&d);
	arena_free(a);
	return 0;
}
