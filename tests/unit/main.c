/*
 * main.c - runs every unit test listed in tests.def.
 */
#include "unit.h"

static int failed_now;

void unit_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
	failed_now = 1;
}

int main(int argc, char **argv)
{
	int fails = 0;
	struct {
		const char *name;
		void (*fn)(void);
	} tests[] = {
#define T(name) {#name, name},
#include "tests.def"
#undef T
	};
	for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		if (argc > 1 && strstr(tests[i].name, argv[1]) == NULL)
			continue;
		failed_now = 0;
		tests[i].fn();
		printf("%s %s\n", failed_now ? "FAIL" : "PASS", tests[i].name);
		fails += failed_now;
	}
	return fails ? 1 : 0;
}
