/*
 * backend.c - what the document writers share (see backend.h).
 */
#include "backend.h"

#include <errno.h>

#include "base/files.h"

int backend_write_file(const char *path, backend_stream_fn fn, const void *ctx,
                       diags *d)
{
	if (!path) {
		fn(ctx, stdout);
		return 0; /* main's cli_stdout_status judges stdout */
	}
	outfile of;
	if (outfile_open(&of, path) == 0) {
		fn(ctx, of.fp);
		if (outfile_commit(&of) == 0)
			return 0;
	}
	d->io_failed = true;
	diag_error(d, NO_POS, "cannot write '%s': %s", path,
	           output_strerror(errno));
	return -1;
}

int backend_level_colours(const vc_scheme *s, const pdf_style *st,
                          const char *user, pdf_color *colours, diags *d)
{
	int rc = 0;
	for (size_t i = 0; i < s->nlevels; i++) {
		const vc_level *l = &s->levels[i];
		if (l->colour && pdf_color_parse(l->colour, &colours[i]) == 0)
			continue;
		if (pdf_style_color(st, l->id, user, d, &colours[i]) < 0)
			rc = -1;
	}
	return rc;
}
