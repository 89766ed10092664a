/* stubs.c - the documents not written yet. */
#include "selfassess.h"
int sa_write_csv(const selfassess *sa, const char *path, diags *d)
{
	(void)sa;
	diag_error(d, NO_POS, "cannot write '%s': CSV not yet supported", path);
	return -1;
}
int sa_write_xlsx(const selfassess *sa, const char *path, diags *d)
{
	(void)sa;
	diag_error(d, NO_POS, "cannot write '%s': XLSX not yet supported",
	           path);
	return -1;
}
