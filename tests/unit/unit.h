/*
 * unit.h - a minimal unit-test harness: CHECK macros and a test table.
 * Each test is a void function; a failed CHECK marks it failed and
 * continues. The runner prints "PASS name" or "FAIL name" per test.
 */
#ifndef VCSC_UNIT_H
#define VCSC_UNIT_H

#include <stdio.h>
#include <string.h>

void unit_fail(const char *file, int line, const char *what);

#define CHECK(c)                                                               \
	do {                                                                   \
		if (!(c))                                                      \
			unit_fail(__FILE__, __LINE__, #c);                     \
	} while (0)
#define CHECK_INT(a, b)                                                        \
	do {                                                                   \
		long long a_ = (long long)(a), b_ = (long long)(b);            \
		if (a_ != b_) {                                                \
			char m_[256];                                          \
			snprintf(m_, sizeof(m_), "%s == %s (%lld != %lld)",    \
			         #a, #b, a_, b_);                              \
			unit_fail(__FILE__, __LINE__, m_);                     \
		}                                                              \
	} while (0)
#define CHECK_STR(a, b)                                                        \
	do {                                                                   \
		const char *a_ = (a), *b_ = (b);                               \
		if (!a_ || !b_ || strcmp(a_, b_) != 0) {                       \
			char m_[512];                                          \
			snprintf(m_, sizeof(m_),                               \
			         "%s == %s (\"%s\" != \"%s\")", #a, #b,        \
			         a_ ? a_ : "(null)", b_ ? b_ : "(null)");      \
			unit_fail(__FILE__, __LINE__, m_);                     \
		}                                                              \
	} while (0)

/* Every test, declared from tests.def. */
#define T(name) void name(void);
#include "tests.def"
#undef T

#endif
