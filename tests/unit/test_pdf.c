/* Unit tests for the PDF engine: the line breaker (with a fixed-width
 * measure, so that expected breaks can be written down), and the layout
 * (pagination with the real style file and fonts). */
#include <stdlib.h>
#include <unistd.h>

#include "pdf_int.h"
#include "unit.h"
#include "util.h"

/* Every code point is 1pt wide, combining accents take no room. */
static double per_char(void *ctx, const char *t, size_t s, size_t e)
{
	(void)ctx;
	double w = 0;
	const unsigned char *u = (const unsigned char *)t;
	while (s < e) {
		uint32_t cp = 0;
		int n = utf8_decode(u + s, e - s, &cp);
		if (n <= 0)
			n = 1;
		if (cp < 0x300 || cp > 0x36f)
			w += 1;
		s += (size_t)n;
	}
	return w;
}

/* Breaks text at width w and joins the lines with '|'. */
static char *break_str(const char *text, double w)
{
	pdf_line *l;
	size_t n =
	    pdf_break_lines(text, strlen(text), "en", w, w, per_char, NULL, &l);
	buf b = {0};
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(&b, '|');
		buf_put(&b, text + l[i].start, l[i].end - l[i].start);
		if (l[i].width > w + 1e-9 && l[i].end - l[i].start > 1)
			buf_puts(&b, "<TOO WIDE>");
	}
	free(l);
	if (!b.data)
		buf_puts(&b, "");
	return buf_detach(&b);
}

#define CHECK_BRK(text, w, want)                                               \
	do {                                                                   \
		char *got_ = break_str((text), (w));                           \
		CHECK_STR(got_, (want));                                       \
		free(got_);                                                    \
	} while (0)

void test_pdf_break_spaces(void)
{
	CHECK_BRK("aaa bbb ccc", 7, "aaa bbb|ccc");
	CHECK_BRK("aaa bbb ccc", 11, "aaa bbb ccc");
	/* a space at the end of a line takes no room */
	CHECK_BRK("aaaa bbbb", 4, "aaaa|bbbb");
	CHECK_BRK("aaaa    bbbb", 4, "aaaa|bbbb");
	CHECK_BRK("", 10, "");
	CHECK_BRK("   ", 10, "");
}

void test_pdf_break_newline(void)
{
	CHECK_BRK("one\ntwo three", 20, "one|two three");
	CHECK_BRK("a\n\nb", 20, "a||b");
	CHECK_BRK("trailing\n", 20, "trailing");
}

void test_pdf_break_unicode_rules(void)
{
	/* after a hyphen, not before punctuation */
	CHECK_BRK("Cybersecurity-Risiken", 15, "Cybersecurity-|Risiken");
	CHECK_BRK("abc def!", 6, "abc|def!");
	/* widths count characters, not bytes */
	CHECK_BRK("Grüße aus Überprüfung", 11, "Grüße aus|Überprüfung");
	/* no break at a no-break space */
	CHECK_BRK("ISO\xc2\xa0"
	          "21434 x",
	          9,
	          "ISO\xc2\xa0"
	          "21434|x");
}

void test_pdf_break_long_words(void)
{
	/* a word wider than the line is cut between characters */
	CHECK_BRK("abcdefghij", 4, "abcd|efgh|ij");
	CHECK_BRK("x abcdefghij", 4, "x|abcd|efgh|ij");
	/* a URL breaks after its separators where it can */
	char *s =
	    break_str("see https://example.org/a/very/long/path/name", 20);
	CHECK(strstr(s, "TOO WIDE") == NULL);
	CHECK(strncmp(s, "see https://|", 13) == 0 ||
	      strncmp(s, "see|", 4) == 0);
	free(s);
	/* within a long token, prefer a place after '/', '.', '-' ... */
	CHECK_BRK("aaaaaaa.bbbbbbbbbbbb", 10, "aaaaaaa.|bbbbbbbbbb|bb");
	/* a combining mark stays with its letter */
	CHECK_BRK("abcde\xcc\x81"
	          "fg",
	          5, "abcde\xcc\x81|fg");
	/* one character wider than the line still makes progress */
	CHECK_BRK("abc", 0.5, "a|b|c");
}

void test_pdf_break_first_width(void)
{
	pdf_line *l;
	const char *t = "aa bb cc dd";
	size_t n =
	    pdf_break_lines(t, strlen(t), "en", 2, 5, per_char, NULL, &l);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_INT(l[0].end - l[0].start, 2);
		CHECK_INT(l[1].start, 3);
		CHECK_INT(l[1].end, 8);
		CHECK(l[1].width == 5);
		CHECK_INT(l[2].start, 9);
		CHECK_INT(l[2].next, strlen(t));
	}
	free(l);
}

/* ---- layout, with templates/pdf/style.yaml and its fonts ---- */

typedef struct env {
	diags d;
	pdf_style *st;
	pdf_doc *doc;
	const pdf_pstyle *body, *h;
} env;

static int env_open(env *e)
{
	diags_init(&e->d);
	e->st = pdf_style_load("templates/pdf/style.yaml", &e->d);
	if (!e->st)
		return -1;
	pdf_meta m = {0};
	m.lang = "en";
	m.title = "test";
	e->doc = pdf_new(e->st, &m, &e->d);
	if (!e->doc)
		return -1;
	e->body = pdf_style_para(e->st, "body", "test", &e->d);
	e->h = pdf_style_para(e->st, "h2", "test", &e->d);
	return e->body && e->h ? 0 : -1;
}

static void env_close(env *e)
{
	pdf_free(e->doc);
	pdf_style_free(e->st);
	diags_free(&e->d);
}

/* A box filling the page except room for `lines` lines of body text
 * (leading 14) after the box's 8pt space below. */
static void filler(env *e, double room)
{
	const char *label[] = {"filler"};
	pdf_fields(e->doc, 1, label, NULL,
	           pdf_body_height(e->doc) - 8 - room - 0.5);
}

static pdf_block *six_lines(env *e)
{
	return pdf_para_text(e->doc, e->body, "l1\nl2\nl3\nl4\nl5\nl6");
}

void test_pdf_style_bundled(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	CHECK_INT(e.d.errors, 0);
	double x;
	CHECK(pdf_style_size(e.st, "checkbox-size", "test", &e.d, &x) == 0);
	CHECK(x > 0);
	CHECK(pdf_style_para(e.st, "no-such-style", "test", &e.d) == NULL);
	CHECK_INT(e.d.errors, 1);
	env_close(&e);
}

void test_pdf_orphans(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	filler(&e, 14); /* room for one line: the paragraph moves */
	pdf_block *p = six_lines(&e);
	CHECK(pdf_layout(e.doc, &e.d) == 0);
	CHECK_INT(pdf_block_slices_on(p, 1), 0);
	CHECK_INT(pdf_block_slices_on(p, 2), 6);
	env_close(&e);
}

void test_pdf_widows(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	filler(&e, 5 * 14); /* room for five: four stay, two go */
	pdf_block *p = six_lines(&e);
	CHECK(pdf_layout(e.doc, &e.d) == 0);
	CHECK_INT(pdf_block_slices_on(p, 1), 4);
	CHECK_INT(pdf_block_slices_on(p, 2), 2);
	env_close(&e);

	CHECK(env_open(&e) == 0);
	filler(&e, 3 * 14);
	p = six_lines(&e);
	CHECK(pdf_layout(e.doc, &e.d) == 0);
	CHECK_INT(pdf_block_slices_on(p, 1), 3);
	CHECK_INT(pdf_block_slices_on(p, 2), 3);
	env_close(&e);
}

void test_pdf_heading_keeps_with_next(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	filler(&e, 40); /* the heading fits, the heading and 2 lines do not */
	pdf_block *h = pdf_heading(e.doc, e.h, 1, "Heading", "h", true);
	pdf_block *p = six_lines(&e);
	CHECK(pdf_layout(e.doc, &e.d) == 0);
	CHECK_INT(pdf_block_first_page(h), 2);
	CHECK_INT(pdf_block_first_page(p), 2);
	env_close(&e);
}

void test_pdf_keep_group_and_break(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	filler(&e, 5 * 14);
	pdf_keep_begin(e.doc);
	pdf_block *a = pdf_para_text(e.doc, e.body, "a1\na2\na3");
	pdf_block *b = pdf_para_text(e.doc, e.body, "b1\nb2\nb3");
	pdf_keep_end(e.doc);
	pdf_page_break(e.doc);
	pdf_block *c = pdf_para_text(e.doc, e.body, "c");
	CHECK(pdf_layout(e.doc, &e.d) == 0);
	CHECK_INT(pdf_block_first_page(a), 2);
	CHECK_INT(pdf_block_last_page(b), 2);
	CHECK_INT(pdf_block_first_page(c), 3);
	CHECK_INT(pdf_page_count(e.doc), 3);
	env_close(&e);
}

void test_pdf_table_header_repeats(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	pdf_table *t = pdf_table_new(e.doc, 3, NULL, NULL);
	pdf_table_row(t, true);
	pdf_run(pdf_table_cell(t), "Number", 0);
	pdf_run(pdf_table_cell(t), "Text", 0);
	pdf_run(pdf_table_cell(t), "Link", 0);
	char num[16];
	for (int i = 0; i < 150; i++) {
		pdf_table_row(t, false);
		snprintf(num, sizeof(num), "%d", i);
		pdf_run(pdf_table_cell(t), num, 0);
		pdf_run(pdf_table_cell(t), "a cell with a few words that wrap",
		        0);
		pdf_run_uri(pdf_table_cell(t),
		            "https://example.org/a-rather-long-path/with/"
		            "many/segments/that/must/break",
		            0, "https://example.org/");
	}
	CHECK(pdf_layout(e.doc, &e.d) == 0);
	int pages = pdf_page_count(e.doc);
	CHECK(pages >= 3);
	for (int p = 1; p <= pages; p++)
		CHECK_INT(pdf_page_header_rows(e.doc, p), 1);
	char tmp[] = "/tmp/vcsc-unit-XXXXXX";
	int fd = mkstemp(tmp);
	CHECK(fd >= 0);
	close(fd);
	CHECK_INT(pdf_write(e.doc, tmp, &e.d), 0);
	unlink(tmp);
	env_close(&e);
}

/* A row taller than a page is cut between its lines, below the repeated
 * header on every page. */
void test_pdf_table_tall_row(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	pdf_table *t = pdf_table_new(e.doc, 2, NULL, NULL);
	pdf_table_row(t, true);
	pdf_run(pdf_table_cell(t), "Head", 0);
	pdf_run(pdf_table_cell(t), "Text", 0);
	pdf_table_row(t, false);
	pdf_run(pdf_table_cell(t), "short", 0);
	pdf_block *big = pdf_table_cell(t);
	for (int i = 0; i < 250; i++)
		pdf_run(big, "line\n", 0);
	CHECK(pdf_layout(e.doc, &e.d) == 0);
	int pages = pdf_page_count(e.doc);
	CHECK(pages >= 3);
	for (int p = 1; p <= pages; p++)
		CHECK_INT(pdf_page_header_rows(e.doc, p), 1);
	env_close(&e);
}

/* Markdown of every kind, hostile bits included, lays out and writes. */
void test_pdf_markdown_robust(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	const char *md =
	    "# Heading\n\nText with **bold**, *italic*, ***both***, "
	    "`code`, ~~gone~~ and a [link](https://example.org) and "
	    "[bad](javascript:alert(1)) and <b>raw html</b>.\n\n"
	    "- one\n- two\n  1. nested\n  2. list\n\n"
	    "> quoted\n\n```\ncode  block\n  indented\n```\n\n---\n\n"
	    "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 |\n| x | y | z |\n\n"
	    "![image alt](img.png)\n\n"
	    "https://example.org/"
	    "averyveryveryveryveryveryveryveryverylongurlwithoutanybreakopportu"
	    "nityatallinit\n\n"
	    "CJK 日本語のテキスト and emoji \xf0\x9f\x98\x80 and control "
	    "\x01\x7f "
	    "chars\ttab.\n<div>block html</div>\n";
	pdf_markdown(e.doc, md, e.body, 0);
	pdf_block *lead = pdf_para(e.doc, e.body);
	pdf_run(lead, "Lead: ", PDF_BOLD);
	pdf_markdown_into(e.doc, lead, "continues *here*\n\nand a second",
	                  e.body, 10);
	pdf_markdown_into(e.doc, pdf_para(e.doc, e.body), "- a list first",
	                  e.body, 0);
	pdf_toc(e.doc, "Contents");
	char tmp[] = "/tmp/vcsc-unit-XXXXXX";
	int fd = mkstemp(tmp);
	CHECK(fd >= 0);
	close(fd);
	CHECK_INT(pdf_write(e.doc, tmp, &e.d), 0);
	CHECK_INT(e.d.errors, 0);
	unlink(tmp);
	env_close(&e);
}

/* A drawing (a QR-like grid of squares) and a run in another family. */
void test_pdf_drawing_and_family(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	pdf_color black = {0, 0, 0};
	pdf_block *d = pdf_drawing(e.doc, 84, 84, PDF_CENTER);
	for (int y = 0; y < 21; y++)
		for (int x = 0; x < 21; x++)
			if ((x * 7 + y * 3) % 5 < 2)
				pdf_draw_rect(d, x * 4, y * 4, 4, 4, black, 0);
	pdf_draw_rect(d, 0, 0, 84, 84, black, 0.5);
	pdf_draw_line(d, 0, 84, 84, 0, black, 0.3);
	pdf_draw_text(d, 2, 80, e.body, PDF_BOLD, "QR");
	int mono = pdf_style_family(e.st, "mono", "test", &e.d);
	CHECK(mono >= 0);
	pdf_block *p = pdf_para(e.doc, e.body);
	pdf_run(p, "Text and ", 0);
	pdf_run_family(p, "mono text", 0, mono);
	CHECK(pdf_style_family(e.st, "cjk", "test", &e.d) < 0);
	CHECK_INT(e.d.errors, 1);
	CHECK(pdf_layout(e.doc, &e.d) == 0);
	CHECK_INT(pdf_block_first_page(d), 1);
	CHECK_INT(pdf_block_first_page(p), 1);
	char tmp[] = "/tmp/vcsc-unit-XXXXXX";
	int fd = mkstemp(tmp);
	CHECK(fd >= 0);
	close(fd);
	CHECK_INT(pdf_write(e.doc, tmp, &e.d), 0);
	unlink(tmp);
	env_close(&e);
}

void test_pdf_write_unwritable(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	pdf_para_text(e.doc, e.body, "x");
	CHECK_INT(pdf_write(e.doc, "/nonexistent-dir/x.pdf", &e.d), -2);
	CHECK(e.d.io_failed);
	env_close(&e);
}

void test_pdf_texts(void)
{
	char path[] = "/tmp/vcsc-texts-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	const char *yaml = "a:\n  en: A\n  de: \xc3\x84\nb:\n  en: B {x}\n";
	CHECK(write(fd, yaml, strlen(yaml)) == (ssize_t)strlen(yaml));
	close(fd);
	static const char *const keys[] = {"a", "b"};
	diags d;
	diags_init(&d);
	pdf_texts *t = pdf_texts_load(path, "en", keys, 2, &d);
	CHECK(t != NULL);
	if (t) {
		CHECK_STR(pdf_text_get(t, "a"), "A");
		CHECK_STR(pdf_text_get(t, "b"), "B {x}");
	}
	pdf_texts_free(t);
	CHECK_INT(d.errors, 0);
	/* b lacks German: reported at its translations */
	t = pdf_texts_load(path, "de", keys, 2, &d);
	CHECK(t == NULL);
	CHECK_INT(d.errors, 1);
	if (d.n) {
		CHECK_INT(d.items[d.n - 1].pos.line, 5);
		CHECK(strstr(d.items[d.n - 1].msg, "'de'") != NULL);
	}
	/* a key nobody asked for */
	t = pdf_texts_load(path, "en", keys, 1, &d);
	CHECK(t == NULL);
	CHECK_INT(d.errors, 2);
	diags_free(&d);
	unlink(path);
}

void test_pdf_paper(void)
{
	pdf_paper p;
	CHECK(pdf_paper_parse("A4", &p) == 0 && p == PDF_A4);
	CHECK(pdf_paper_parse("letter", &p) == 0 && p == PDF_LETTER);
	CHECK(pdf_paper_parse("a5", &p) < 0);
}

/* Marked runs (strike-through, underline, colour, background) and the
 * fallback family for characters the body font lacks. */
void test_pdf_marks_and_fallback(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	pdf_color red = {0.8f, 0, 0}, pale = {1, 0.9f, 0.9f};
	pdf_color green = {0, 0.5f, 0};
	pdf_block *p = pdf_para(e.doc, e.body);
	pdf_run(p, "keep ", 0);
	pdf_run_color(p, "gone", PDF_STRIKE, red, &pale);
	pdf_run_color(p, "new", PDF_UNDERLINE, green, NULL);
	pdf_run(p, " a \xe2\x86\x92 b", 0);
	CHECK(pdf_layout(e.doc, &e.d) == 0);
	CHECK_INT(p->nslices, 1);
	const pdf_slice *s = &e.doc->slices[p->slice0];
	const pdf_item *gone = NULL, *neu = NULL, *arrow = NULL, *a = NULL;
	const pdf_item *strike = NULL, *under = NULL, *fill = NULL;
	for (size_t i = 0; i < s->nitems; i++) {
		const pdf_item *it = &s->items[i];
		if (it->kind == I_TEXT && strcmp(it->s, "gone") == 0)
			gone = it;
		else if (it->kind == I_TEXT && strcmp(it->s, "new") == 0)
			neu = it;
		else if (it->kind == I_TEXT && strstr(it->s, "\xe2\x86\x92"))
			arrow = it;
		else if (it->kind == I_TEXT && strstr(it->s, "a"))
			a = it;
		else if (it->kind == I_LINE && !strike)
			strike = it;
		else if (it->kind == I_LINE)
			under = it;
		else if (it->kind == I_FILL)
			fill = it;
	}
	CHECK(gone && neu && arrow && a && strike && under && fill);
	if (gone && neu && strike && under && fill) {
		/* the strike-through crosses the word above the baseline, the
		 * underline runs below it, both in the run's colour */
		CHECK(strike->y < gone->y && strike->y > gone->y - gone->size);
		CHECK(under->y > neu->y && under->y < neu->y + neu->size / 3);
		CHECK(strike->x == gone->x && under->x == neu->x);
		double w =
		    pdf_text_width(e.doc, gone->face, gone->size, "gone", 4);
		CHECK(strike->w > w - 0.01 && strike->w < w + 0.01);
		CHECK(strike->c.r == red.r && under->c.g == green.g);
		CHECK(gone->c.r == red.r && neu->c.g == green.g);
		/* only the struck run has a background, padded either side */
		CHECK(fill->c.g == pale.g && fill->x < gone->x && fill->w > w);
		/* marks are padded apart */
		CHECK(neu->x > strike->x + strike->w + 0.99);
	}
	if (arrow && a) {
		/* the arrow is set in the fallback family, its neighbours in
		 * the body's */
		int sym = pdf_style_family(e.st, "symbols", "test", &e.d);
		CHECK(sym >= 0);
		CHECK_INT(arrow->face, pdf_face_of(e.doc, sym, false, false));
		CHECK(a->face != arrow->face);
		CHECK(strcmp(arrow->s, "\xe2\x86\x92") == 0 ||
		      strcmp(arrow->s, "\xe2\x86\x92 ") == 0);
		CHECK(!pdf_face_has(e.doc, a->face, 0x2192));
		CHECK(pdf_face_has(e.doc, a->face, 'a'));
	}
	env_close(&e);

	/* a fallback naming no family is reported where it is written */
	char *yaml = NULL;
	size_t len = 0;
	CHECK(read_file("templates/pdf/style.yaml", 1 << 20, &yaml, &len) == 0);
	char *at = yaml ? strstr(yaml, "fallback: symbols") : NULL;
	CHECK(at != NULL);
	if (at) {
		memcpy(at, "fallback: symbolz", 17);
		char path[] = "/tmp/vcsc-style-XXXXXX";
		int fd = mkstemp(path);
		CHECK(fd >= 0 && write(fd, yaml, len) == (ssize_t)len);
		close(fd);
		diags d;
		diags_init(&d);
		pdf_style *st = pdf_style_load(path, &d);
		CHECK(st == NULL);
		CHECK_INT(d.errors, 1);
		if (d.n) {
			CHECK(strstr(d.items[0].msg, "did you mean 'symbols'"));
			CHECK(d.items[0].pos.line > 1);
		}
		pdf_style_free(st);
		diags_free(&d);
		unlink(path);
	}
	free(yaml);
}
