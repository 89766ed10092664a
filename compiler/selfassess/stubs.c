/* stubs.c - the documents not written yet. */
#include "selfassess.h"
int sa_xlsx_read(arena *a, const char *path, sa_sheet **sheets, size_t *n,
                 diags *d)
{
	(void)a;
	(void)sheets;
	(void)n;
	diag_error(d, NO_POS, "cannot read '%s': XLSX not yet supported", path);
	return -1;
}
