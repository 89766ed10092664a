/* Unit tests for the audit half: calendar dates (audit/date.c) and the
 * label decision (audit/decide.c), table-driven. */
#include <stdlib.h>

#include "audit/audit.h"
#include "unit.h"

static vc_date D(const char *s)
{
	vc_date t = {0, 0, 0};
	if (date_parse(s, &t) != 0)
		unit_fail(__FILE__, __LINE__, s);
	return t;
}

static void check_add(const char *from, int months, const char *want)
{
	char b[11];
	date_format(date_add_months(D(from), months), b);
	if (strcmp(b, want) != 0) {
		char m[128];
		snprintf(m, sizeof(m), "%s + %d months = %s, not %s", from,
		         months, b, want);
		unit_fail(__FILE__, __LINE__, m);
	}
}

void test_audit_dates(void)
{
	vc_date t;
	CHECK(date_parse("2026-02-28", &t) == 0);
	CHECK(t.y == 2026 && t.m == 2 && t.d == 28);
	CHECK(date_parse("2026-02-29", &t) != 0);
	CHECK(date_parse("2028-02-29", &t) == 0);
	CHECK(date_parse("2100-02-29", &t) != 0);
	CHECK(date_parse("2000-02-29", &t) == 0);
	CHECK(date_parse("2026-04-31", &t) != 0);
	CHECK(date_parse("2026-13-01", &t) != 0);
	CHECK(date_parse("2026-1-01", &t) != 0);
	CHECK(date_parse("26-01-01x", &t) != 0);
	CHECK(date_parse("2026-01-01 ", &t) != 0);
	CHECK(date_parse("", &t) != 0);
	CHECK(date_parse(NULL, &t) != 0);
	char b[11];
	CHECK_STR(date_format(D("2026-03-05"), b), "2026-03-05");
	vc_date none = {0, 0, 0};
	CHECK_STR(date_format(none, b), "");
	CHECK(!date_set(date_add_months(none, 3)));
	CHECK(date_cmp(D("2026-03-05"), D("2026-03-06")) < 0);
	CHECK(date_cmp(D("2026-03-05"), D("2026-03-05")) == 0);
	CHECK(date_cmp(D("2027-01-01"), D("2026-12-31")) > 0);
	/* the end of the month where the day does not exist */
	check_add("2025-08-31", 6, "2026-02-28");
	check_add("2027-08-31", 6, "2028-02-29");
	check_add("2026-01-31", 1, "2026-02-28");
	check_add("2026-03-31", 1, "2026-04-30");
	check_add("2026-05-31", 9, "2027-02-28");
	check_add("2026-08-31", 9, "2027-05-31");
	check_add("2026-03-15", 9, "2026-12-15");
	check_add("2026-04-30", 9, "2027-01-30");
	check_add("2026-06-30", 8, "2027-02-28");
	/* leap days */
	check_add("2028-02-29", 12, "2029-02-28");
	check_add("2028-02-29", 48, "2032-02-29");
	check_add("2028-02-29", 36, "2031-02-28");
	check_add("2027-05-29", 9, "2028-02-29");
	CHECK(date_cmp(date_add_years(D("2028-02-29"), 3), D("2031-02-28")) ==
	      0);
	/* negative months, across years */
	check_add("2026-03-31", -1, "2026-02-28");
	check_add("2026-01-15", -2, "2025-11-15");
	check_add("2026-12-31", 0, "2026-12-31");
	check_add("2026-11-30", 3, "2027-02-28");
	check_add("2026-12-15", 13, "2028-01-15");
}
