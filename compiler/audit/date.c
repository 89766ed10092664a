/*
 * date.c - calendar dates of audits: parsing, printing, comparing, and
 * adding calendar months with the C library's calendar (timegm and
 * gmtime_r), so that month lengths and leap years come from libc, not
 * from tables of our own.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "audit/audit.h"

int date_cmp(vc_date a, vc_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

/* The date timegm makes of y-m-d at noon (normalising overflowing days
 * and months), read back with gmtime_r. */
static int normalise(int y, int m, int d, vc_date *out)
{
	struct tm tm = {0};
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	time_t t = timegm(&tm);
	struct tm back;
	if (t == (time_t)-1 || !gmtime_r(&t, &back))
		return -1;
	out->y = back.tm_year + 1900;
	out->m = back.tm_mon + 1;
	out->d = back.tm_mday;
	return 0;
}

int date_parse(const char *s, vc_date *out)
{
	int y, m, d, n = 0;
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
		return -1;
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	vc_date t;
	if (normalise(y, m, d, &t) != 0 || t.y != y || t.m != m || t.d != d)
		return -1; /* 2026-02-30 rolls over into March */
	*out = t;
	return 0;
}

char *date_format(vc_date t, char *out)
{
	char tmp[40];
	if (!date_set(t))
		tmp[0] = '\0';
	else
		snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", t.y, t.m, t.d);
	memcpy(out, tmp, 10);
	out[10] = '\0';
	if (!date_set(t))
		out[0] = '\0';
	return out;
}

vc_date date_add_months(vc_date t, int n)
{
	vc_date none = {0, 0, 0};
	if (!date_set(t))
		return none;
	/* The first of the target month, from timegm's normalisation of
	 * the month count; then the day, or the month's last day: the day
	 * before the first of the month after. */
	vc_date first, next, last;
	if (normalise(t.y, t.m + n, 1, &first) != 0 ||
	    normalise(first.y, first.m + 1, 1, &next) != 0 ||
	    normalise(next.y, next.m, 0, &last) != 0)
		return none;
	if (t.d < last.d)
		last.d = t.d;
	return last;
}
