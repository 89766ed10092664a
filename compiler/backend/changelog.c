/*
 * changelog.c - the change-log documents' writers (see changelog.h): each
 * format's own writer with the defaults filled in.
 */
#include "changelog.h"

#include "backend.h"

typedef struct stream_ctx {
	const diff_result *r;
	const changelog_options *o;
} stream_ctx;

static void text_stream(const void *ctx, FILE *fp)
{
	const stream_ctx *c = ctx;
	diff_print_text(c->r, fp, c->o->color, c->o->lang);
}

static void json_stream(const void *ctx, FILE *fp)
{
	const stream_ctx *c = ctx;
	diff_print_json(c->r, fp, c->o->lang);
}

/* The language of a document: the one asked for, else the new version's
 * source language. */
static const char *doc_lang(const diff_result *r, const char *lang)
{
	return lang ? lang : r->new->languages[0].id;
}

int changelog_write(const diff_result *r, const changelog_options *o,
                    const char *path, diags *d)
{
	stream_ctx c = {r, o};
	switch (o->format) {
	case CHANGELOG_JSON:
		return backend_write_file(path, json_stream, &c, d);
	case CHANGELOG_HTML:
		return diff_write_html(r, doc_lang(r, o->lang), path,
		                       o->data_dir, d);
	case CHANGELOG_TEXT:
	default:
		return backend_write_file(path, text_stream, &c, d);
	}
}

int release_notes_write(const diff_result *r, const release_notes_options *o,
                        const char *path, diags *d)
{
	return diff_write_pdf(r, doc_lang(r, o->lang), o->paper, o->data_dir,
	                      path, d);
}
