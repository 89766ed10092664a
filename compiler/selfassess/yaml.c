/*
 * yaml.c - the self-assessment as YAML: blank (vcsc questionnaire
 * --format yaml) or filled (vcsc import, vcsc migrate), one layout for
 * both so that the same answers always give the same bytes. The item
 * texts are comments: the file reads as the questionnaire.
 */
#include <stdlib.h>
#include <string.h>

#include "backend/backend.h"
#include "base/json.h"
#include "selfassess.h"

/* A double-quoted YAML scalar (every string is written so: no type
 * guessing by readers, newlines kept); a JSON string literal is one. */
static void put_quoted(FILE *fp, const char *s)
{
	json_write_escaped(fp, s, strlen(s));
}

/* Text as comment lines of at most about 78 columns, after indent. */
static void put_comment(FILE *fp, const char *indent, const char *first,
                        const char *text)
{
	size_t width = 76 - strlen(indent);
	size_t col = 0;
	fprintf(fp, "%s#", indent);
	if (first && *first) {
		fprintf(fp, " %s", first);
		col = strlen(first) + 1;
	}
	const char *p = text;
	while (*p) {
		if (*p == '\n') {
			fprintf(fp, "\n%s#", indent);
			col = 0;
			p++;
			continue;
		}
		if (*p == ' ') {
			p++;
			continue;
		}
		size_t w = strcspn(p, " \n");
		if (col && col + 1 + w > width) {
			fprintf(fp, "\n%s#  ", indent);
			col = 1;
		}
		fputc(' ', fp);
		fwrite(p, 1, w, fp);
		col += w + 1;
		p += w;
	}
	fputc('\n', fp);
}

static void put_field(FILE *fp, const char *key, const char *val)
{
	fprintf(fp, "    %s:", key);
	if (val) {
		fputc(' ', fp);
		put_quoted(fp, val);
	}
	fputc('\n', fp);
}

static void write_yaml(const void *ctx, FILE *fp)
{
	const selfassess *sa = ctx;
	const vc_scheme *s = sa->scheme;
	const vc_version *v = sa->version;
	arena *a = arena_new();
	bool per_q = s->answer_unit == VC_ANSWER_QUESTION;
	fprintf(fp, "# Self-assessment against %s: %s\n", v->key,
	        prose_plain(a, &v->title, sa->lang));
	fprintf(fp,
	        "# Answer each %s with one of these answers\n# (leave "
	        "'answer' empty while it is open):\n",
	        per_q ? "question with its maturity level" : "requirement");
	for (size_t i = 0; i < s->nanswers; i++) {
		const vc_answer *an = &s->answers[i];
		fprintf(fp, "#   %-16s %s%s\n", an->id,
		        prose_plain(a, &an->title, sa->lang),
		        an->justification &&
		                strcmp(an->justification, "required") == 0
		            ? " (justification required)"
		            : "");
	}
	if (per_q && s->answer_target >= 0)
		fprintf(fp, "# The target level is %d.\n", s->answer_target);
	fputs("# See docs/self-assessment-format.md; check with 'vcsc check "
	      "FILE'.\n",
	      fp);
	fprintf(fp, "self-assessment: %s\n", v->key);
	fprintf(fp, "language: %s\n", sa->lang);
	fputs("participant: ", fp);
	put_quoted(fp, sa->participant ? sa->participant : "");
	fputs("\nscope: ", fp);
	put_quoted(fp, sa->scope ? sa->scope : "");
	char *objs = model_objset_string(s, sa->objectives, ", ");
	fprintf(fp, "\nobjectives: [%s]\n", objs);
	free(objs);
	fputs("answers:\n", fp);
	const vc_chapter *ch = NULL;
	const vc_section *sec = NULL;
	const vc_question *q = NULL;
	for (size_t i = 0; i < sa->nentries; i++) {
		const sa_entry *e = &sa->entries[i];
		if (e->q->chapter != ch) {
			ch = e->q->chapter;
			char num[16];
			snprintf(num, sizeof num, "%d", ch->number);
			fputc('\n', fp);
			put_comment(fp, "  ", num,
			            prose_plain(a, &ch->title, sa->lang));
		}
		if (e->q->section && e->q->section != sec) {
			sec = e->q->section;
			put_comment(fp, "  ", sec->number,
			            prose_plain(a, &sec->title, sa->lang));
		}
		if (e->q != q) {
			q = e->q;
			fputs("\n", fp);
			put_comment(fp, "  ", q->number,
			            prose_plain(a, &q->title, sa->lang));
			put_comment(fp, "  ", NULL,
			            prose_plain(a, &q->question, sa->lang));
		}
		if (e->req) {
			char *head = arena_printf(a, "%s (%s)", e->key,
			                          sa_item_levels(sa, e, a));
			put_comment(fp, "  ", head, sa_item_text(sa, e, a));
		} else {
			for (size_t r = 0; r < q->nreqs; r++) {
				sa_entry re = *e;
				re.req = &q->reqs[r];
				if (!(model_req_objectives(s, re.req) &
				      sa->objectives))
					continue;
				char *head =
				    arena_printf(a, "%s (%s)", re.req->label,
				                 sa_item_levels(sa, &re, a));
				put_comment(fp, "  ", head,
				            sa_item_text(sa, &re, a));
			}
		}
		fputs("  ", fp);
		put_quoted(fp, e->key);
		fputs(":\n", fp);
		fprintf(fp, "    answer:%s%s\n", e->answer ? " " : "",
		        e->answer ? e->answer->id : "");
		put_field(fp, "justification", e->justification);
		put_field(fp, "evidence", e->evidence);
		if (e->review)
			put_field(fp, "review", e->review);
	}
	arena_free(a);
}

int sa_write_yaml(const selfassess *sa, const char *path, diags *d)
{
	return backend_write_file(path, write_yaml, sa, d);
}
