/*
 * diff_text.c - the catalogue diff as a text change log, for a terminal
 * (ANSI colours like git diff) or a plain file.
 *
 * Layout: a header naming both versions and counting the changes, the
 * languages whose status changed, the renumbering table, then per chapter
 * the changed chapter texts, each question with a change (its own, or
 * one of its requirements') and, where the scheme has sections, each
 * changed section before its questions, with word-level diffs wrapped to WIDTH
 * columns (in the language asked for where it has its own changed texts;
 * a label names the language when it is not the compared one, or when
 * another was asked for) and the change notes.
 * Without colour, deletions are [-marked-] and insertions {+marked+} as
 * in git diff --word-diff=plain. Versions that do not differ print
 * nothing.
 */
#include <string.h>

#include "changelog.h"

#define WIDTH 78

#define C_BOLD "\033[1m"
#define C_META "\033[36m"
#define C_DEL "\033[31m"
#define C_INS "\033[32m"
#define C_OFF "\033[m"

typedef struct tw {
	FILE *fp;
	bool color;
	const char *lang; /* of the word diffs (d->lang unless asked) */
	arena *a;         /* word diffs in lang */
	int col;
	int indent;
	int pending;    /* spaces not yet written: dropped at a line break */
	const char *on; /* colour of the text being written, or NULL */
} tw;

static void paint(tw *w, const char *c)
{
	if (w->color && c)
		fputs(c, w->fp);
}

static void newline(tw *w)
{
	if (w->on && w->col > 0)
		paint(w, C_OFF);
	fputc('\n', w->fp);
	w->col = 0;
	w->pending = 0;
}

/* Makes room for need columns: writes the pending spaces, or breaks the
 * line there when what follows would pass WIDTH. */
static void room(tw *w, int need)
{
	if (w->pending && w->col > w->indent &&
	    w->col + w->pending + need > WIDTH)
		newline(w);
	if (w->col == 0) {
		fprintf(w->fp, "%*s", w->indent, "");
		w->col = w->indent;
		paint(w, w->on);
	}
	if (w->pending)
		fprintf(w->fp, "%*s", w->pending, "");
	w->col += w->pending;
	w->pending = 0;
}

/* Columns taken by s[0..n): code points (good enough for the Latin and
 * German text of the catalogue). */
static int width(const char *s, size_t n)
{
	return (int)utf8_count(s, n);
}

static size_t word_end(const char *s, size_t i, size_t n)
{
	while (i < n && s[i] != '\n' && s[i] != ' ' && s[i] != '\t')
		i++;
	return i;
}

/* Writes prose, breaking lines at spaces so that they end before WIDTH
 * and keeping the line breaks of the source. */
static void text_tail(tw *w, const char *s, size_t n, int tail)
{
	size_t i = 0;
	while (i < n) {
		char c = s[i];
		if (c == '\n') {
			if (w->col == 0)
				fputc('\n', w->fp);
			else
				newline(w);
			w->pending = 0;
			i++;
		} else if (c == ' ' || c == '\t') {
			w->pending++;
			i++;
		} else {
			size_t j = word_end(s, i, n);
			room(w, width(s + i, j - i) + (j == n ? tail : 0));
			fwrite(s + i, 1, j - i, w->fp);
			w->col += width(s + i, j - i);
			i = j;
		}
	}
}

static void text(tw *w, const char *s, size_t n)
{
	text_tail(w, s, n, 0);
}

static void end_para(tw *w)
{
	if (w->col > 0)
		newline(w);
	w->on = NULL;
	w->pending = 0;
}

/* The width of what sticks together from offset k of piece i on: up to
 * the first white space, across pieces and their markers. */
static int glued(const tw *w, const diff_seg *segs, size_t n, size_t i,
                 size_t k)
{
	int total = 0;
	for (bool first = true; i < n; i++, k = 0, first = false) {
		const diff_seg *g = &segs[i];
		bool marked = !w->color && g->op != DIFF_EQ;
		if (marked && (first || k == 0))
			total += 2;
		size_t e = word_end(g->text, k, g->len);
		total += width(g->text + k, e - k);
		if (e < g->len)
			return total;
		if (marked)
			total += 2;
	}
	return total;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static void words(tw *w, const diff_seg *segs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const diff_seg *g = &segs[i];
		int tail = i + 1 < n ? glued(w, segs, n, i + 1, 0) : 0;
		w->on = NULL;
		if (g->op == DIFF_EQ) {
			text_tail(w, g->text, g->len, tail);
			continue;
		}
		/* white space at the edges of a change is shown outside the
		 * markers: "has {+top management+} the" */
		size_t lo = 0, hi = g->len;
		while (lo < hi && blank(g->text[lo]))
			lo++;
		while (hi > lo && blank(g->text[hi - 1]))
			hi--;
		if (lo == hi) {
			text_tail(w, g->text, g->len, tail);
			continue;
		}
		text(w, g->text, lo);
		if (hi < g->len)
			tail = 0;
		/* the marker sticks to the first word of the piece */
		room(w, glued(w, segs, n, i, lo));
		if (w->color) {
			w->on = g->op == DIFF_DEL ? C_DEL : C_INS;
			paint(w, w->on);
			text_tail(w, g->text + lo, hi - lo, tail);
			if (w->col > 0)
				paint(w, C_OFF);
			w->on = NULL;
		} else {
			fputs(g->op == DIFF_DEL ? "[-" : "{+", w->fp);
			w->col += 2;
			text_tail(w, g->text + lo, hi - lo, tail + 2);
			room(w, 2);
			fputs(g->op == DIFF_DEL ? "-]" : "+}", w->fp);
			w->col += 2;
		}
		text(w, g->text + hi, g->len - hi);
	}
	end_para(w);
}

static const char *title_of(const diff_result *d, const diff_item *it)
{
	const vc_prose *p = diff_item_title(it);
	return p ? prose_text(p, d->lang) : NULL;
}

/* "name:", "name (field):", "name (field, lang):" or "name (lang):". */
static void label_in(tw *w, const char *name, const char *field,
                     const char *lang)
{
	paint(w, C_META);
	fprintf(w->fp, "%*s%s", w->indent, "", name);
	if (field || lang)
		fprintf(w->fp, " (%s%s%s)", field ? field : "",
		        field && lang ? ", " : "", lang ? lang : "");
	fputc(':', w->fp);
	paint(w, C_OFF);
}

static void label(tw *w, const char *name, const char *field)
{
	label_in(w, name, field, NULL);
}

/* The language to name in a change's label: that of its texts or word
 * diff (l) when it is not the compared language, or when another
 * language was asked for; else none. */
static const char *shown_lang(const diff_result *d, const tw *w, const char *l)
{
	return strcmp(l, d->lang) != 0 || strcmp(w->lang, d->lang) != 0 ? l
	                                                                : NULL;
}

static void indented_words(tw *w, const diff_seg *segs, size_t n)
{
	w->indent += 2;
	words(w, segs, n);
	w->indent -= 2;
}

/* A label and the text that follows it on its line, wrapped, further
 * lines indented. */
static void labelled(tw *w, const char *name, const char *s)
{
	label(w, name, NULL);
	w->col = w->indent + width(name, strlen(name)) + 1;
	w->pending = 1;
	w->indent += 2;
	text(w, s, strlen(s));
	end_para(w);
	w->indent -= 2;
}

/* Questions as "3.1 sup-contracts, 3.2 sup-audits" (with numbers) or
 * "sup-contracts, sup-audits", "(none)" for none, into b. */
static void questions(buf *b, const vc_question *const *qs, size_t n,
                      bool numbers)
{
	if (!n)
		buf_puts(b, "(none)");
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_puts(b, ", ");
		if (numbers)
			buf_printf(b, "%s ", qs[i]->number);
		buf_puts(b, qs[i]->uid);
	}
}

static void change(const diff_result *d, tw *w, const diff_item *it,
                   const diff_change *c)
{
	FILE *fp = w->fp;
	const char *name = diff_kind_name(c->kind);
	const char *actual = c->lang ? c->lang : d->lang;
	size_t n = 0;
	const diff_seg *segs = NULL;
	if (c->nsegs) /* in the language asked for, where it has them */
		segs = diff_change_words(d, it, c, w->lang, w->a, &n, &actual);
	switch (c->kind) {
	case DIFF_ADDED:
	case DIFF_REMOVED:
		label(w, name, NULL);
		fprintf(fp, " %s %s", diff_type_name(it->type),
		        c->new_number ? c->new_number : c->old_number);
		if (it->type == DIFF_QUESTION && it->nchildren)
			fprintf(fp, " with %zu requirement%s", it->nchildren,
			        it->nchildren == 1 ? "" : "s");
		if (it->type == DIFF_QUESTION && c->kind == DIFF_ADDED &&
		    it->old_q)
			fputs(" (withdrawn before)", fp);
		fputc('\n', fp);
		break;
	case DIFF_WITHDRAWN: {
		buf b = {0};
		buf_puts(&b, "");
		if (c->nsuccessors) {
			buf_puts(&b, c->nsuccessors > 1 ? "successors "
			                                : "successor ");
			questions(&b, c->successors, c->nsuccessors, true);
		}
		labelled(w, name, b.data);
		buf_free(&b);
		break;
	}
	case DIFF_MOVED:
	case DIFF_RENUMBERED:
		label(w, name, NULL);
		fprintf(fp, " %s -> %s\n", c->old_number, c->new_number);
		break;
	case DIFF_UID:
		label(w, name, NULL);
		fprintf(fp, " %s -> %s\n", c->old_uid, c->new_uid);
		break;
	case DIFF_LEVEL:
		label_in(w, name, NULL,
		         c->nsegs ? shown_lang(d, w, actual) : NULL);
		fprintf(fp, " %s -> %s\n", c->old_level, c->new_level);
		if (c->nsegs)
			indented_words(w, segs, n);
		break;
	case DIFF_APPLICABILITY:
		label(w, name, NULL);
		fprintf(fp, " %s -> %s\n",
		        *c->old_objectives ? c->old_objectives : "(none)",
		        *c->new_objectives ? c->new_objectives : "(none)");
		break;
	case DIFF_REFERENCES:
		label(w, name, NULL);
		for (size_t i = 0; i < c->nadded; i++) {
			paint(w, C_INS);
			fprintf(fp, " +%s:%s", c->refs_added[i]->standard->id,
			        c->refs_added[i]->id);
			paint(w, C_OFF);
		}
		for (size_t i = 0; i < c->nremoved; i++) {
			paint(w, C_DEL);
			fprintf(fp, " -%s:%s", c->refs_removed[i]->standard->id,
			        c->refs_removed[i]->id);
			paint(w, C_OFF);
		}
		fputc('\n', fp);
		break;
	case DIFF_SUCCESSOR: {
		buf b = {0};
		questions(&b, c->old_successors, c->nold_successors, false);
		buf_puts(&b, " -> ");
		questions(&b, c->successors, c->nsuccessors, false);
		labelled(w, name, b.data);
		buf_free(&b);
		break;
	}
	case DIFF_TRANSLATION_STALE:
		label(w, name, c->field);
		fprintf(fp, " %s not updated\n", c->lang);
		break;
	case DIFF_WHITESPACE:
		label_in(w, name, c->field, shown_lang(d, w, actual));
		fputs(" white space only\n", fp);
		break;
	case DIFF_TEXT:
	case DIFF_FORMATTING:
	case DIFF_TRANSLATION:
		label_in(w, name, c->field, shown_lang(d, w, actual));
		if (c->kind == DIFF_FORMATTING)
			fputs(" the same words", fp);
		else if (!c->old_text)
			fputs(" added", fp);
		else if (!c->new_text)
			fputs(" removed", fp);
		fputc('\n', fp);
		indented_words(w, segs, n);
		break;
	default:
		break;
	}
}

static void note(const diff_result *d, tw *w, const diff_item *it)
{
	if (!it->change_note)
		return;
	labelled(w, "note", prose_text(it->change_note, d->lang));
}

static void item_changes(const diff_result *d, tw *w, const diff_item *it)
{
	for (size_t i = 0; i < it->nchanges; i++)
		change(d, w, it, &it->changes[i]);
	if (it->nchanges)
		note(d, w, it);
}

static void question(const diff_result *d, tw *w, const diff_item *q)
{
	FILE *fp = w->fp;
	const char *t = title_of(d, q);
	paint(w, C_BOLD);
	fputs(q->new_number ? q->new_number : q->old_number, fp);
	if (t)
		fprintf(fp, " %s", t);
	fprintf(fp, " [%s]", q->uid);
	paint(w, C_OFF);
	fputc('\n', fp);
	w->indent = 2;
	item_changes(d, w, q);
	for (size_t i = 0; i < q->nchildren; i++) {
		const diff_item *r = q->children[i];
		if (!r->nchanges)
			continue;
		w->indent = 2;
		paint(w, C_BOLD);
		fprintf(fp, "  %s [%s]",
		        r->new_number ? r->new_number : r->old_number, r->uid);
		paint(w, C_OFF);
		fputc('\n', fp);
		w->indent = 4;
		item_changes(d, w, r);
	}
	w->indent = 0;
	fputc('\n', fp);
}

/* A chapter ("Chapter 2 Operations") or a section ("Section 1.6
 * Suppliers [sup]") with its own changes. */
static void group(const diff_result *d, tw *w, const diff_item *c)
{
	const char *t = title_of(d, c);
	paint(w, C_BOLD);
	fprintf(w->fp, "%s %s%s%s",
	        c->type == DIFF_CHAPTER ? "Chapter" : "Section",
	        c->new_number ? c->new_number : c->old_number, t ? " " : "",
	        t ? t : "");
	if (c->uid)
		fprintf(w->fp, " [%s]", c->uid);
	paint(w, C_OFF);
	fputc('\n', w->fp);
	w->indent = 2;
	item_changes(d, w, c);
	w->indent = 0;
	fputc('\n', w->fp);
}

/* "Deutsch (de) completed: 12 texts added, 1 text changed". */
static void language(const diff_result *d, buf *b, const diff_change *c)
{
	static const char *const events[][2] = {
	    {"completed", "completed"},
	    {"incomplete", "no longer complete"},
	    {"added", "added, not yet complete"},
	    {"removed", "no longer in this version"}};
	const char *ev = diff_language_event(c);
	for (size_t i = 0; i < COUNT_OF(events); i++)
		if (strcmp(events[i][0], ev) == 0)
			ev = events[i][1];
	buf_printf(b, "%s (%s) %s", diff_language_name(d, c->lang), c->lang,
	           ev);
	size_t n[3];
	const char *what[3];
	size_t k = diff_language_texts(c, n, what);
	for (size_t i = 0; i < k; i++)
		buf_printf(b, "%s%zu text%s %s", i ? ", " : ": ", n[i],
		           n[i] == 1 ? "" : "s", what[i]);
}

void diff_print_text(const diff_result *d, FILE *fp, bool color,
                     const char *lang)
{
	if (diff_same(d))
		return;
	tw w = {fp, color, lang ? lang : d->lang, arena_new(), 0, 0, 0, NULL};
	paint(&w, C_BOLD);
	fprintf(fp, "--- %s%s\n+++ %s%s\n", d->old->key,
	        d->old->draft ? " (draft)" : "", d->new->key,
	        d->new->draft ? " (draft)" : "");
	paint(&w, C_OFF);
	/* the counts, wrapped only between entries */
	fputs("changes:", fp);
	int col = 8;
	bool any = false;
	for (int k = DIFF_ADDED; k < DIFF_NKINDS; k++) {
		if (k == DIFF_SHIFTED || !d->counts[k])
			continue;
		char e[64];
		int len = snprintf(e, sizeof(e), "%zu %s", d->counts[k],
		                   diff_kind_name((diff_kind)k));
		if (any && col + len + 2 > WIDTH) {
			fputs(",\n ", fp);
			col = 1;
		} else if (any) {
			fputc(',', fp);
			col++;
		}
		fprintf(fp, " %s", e);
		col += len + 1;
		any = true;
	}
	fputs(any ? "\n" : " none\n", fp);
	if (d->nlang_changes) {
		fputs("\nLanguages:\n", fp);
		for (size_t i = 0; i < d->nlang_changes; i++) {
			buf b = {0};
			language(d, &b, &d->lang_changes[i]);
			fprintf(fp, "  %s\n", b.data);
			buf_free(&b);
		}
	}
	if (d->nrenumbered) {
		fputs("\nNumbers:\n", fp);
		for (size_t i = 0; i < d->nrenumbered; i++) {
			const diff_item *it = d->renumbered[i];
			fprintf(fp, "  %-7s -> %-7s ", it->old_number,
			        it->new_number);
			paint(&w, C_META);
			fprintf(fp, "%-10s", diff_kind_name(it->place));
			paint(&w, C_OFF);
			fprintf(fp, " %s\n", it->uid);
		}
	}
	fputc('\n', fp);
	for (size_t i = 0; i < d->noutline; i++) {
		const diff_item *it = d->outline[i];
		if (!it->reported)
			continue;
		if (it->type == DIFF_QUESTION)
			question(d, &w, it);
		else
			group(d, &w, it);
	}
	arena_free(w.a);
}
