/* Unit tests for the PDF engine: the line breaker (with a fixed-width
 * measure, so that expected breaks can be written down), and the layout
 * (pagination with the real style file and fonts). */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/md.h"
#include "pdf/pdf_int.h"
#include "unit.h"
#include "base/util.h"

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

/* The shared looks and a document's own wants; every missing name is
 * reported, paragraph styles first, then colours, then sizes. */
void test_pdf_style_resolve(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	pdf_base_styles base;
	const pdf_pstyle *small = NULL, *none = NULL;
	pdf_color must, gone;
	double indent = 0, nothing;
	const pdf_style_want ok[] = {{"small", .para = &small},
	                             {"must", .color = &must},
	                             {"list-indent", .size = &indent}};
	CHECK_INT(
	    pdf_style_resolve(e.st, &base, ok, COUNT_OF(ok), "test", &e.d), 0);
	CHECK_INT(e.d.errors, 0);
	CHECK(base.body == e.body && base.h2 == e.h && small != NULL);
	CHECK(base.cover_space > 0 && indent > 0);
	const pdf_style_want bad[] = {{"no-size", .size = &nothing},
	                              {"no-colour", .color = &gone},
	                              {"no-style", .para = &none}};
	CHECK_INT(
	    pdf_style_resolve(e.st, &base, bad, COUNT_OF(bad), "test", &e.d),
	    -1);
	CHECK_INT(e.d.errors, 3);
	if (e.d.n >= 3) {
		CHECK(strstr(e.d.items[e.d.n - 3].msg, "'no-style'") != NULL);
		CHECK(strstr(e.d.items[e.d.n - 2].msg, "'no-colour'") != NULL);
		CHECK(strstr(e.d.items[e.d.n - 1].msg, "'no-size'") != NULL);
	}
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
		const char *kv[] = {"x", "1", "y", "2"};
		CHECK_STR(pdf_text_format(t, "b", kv, 4), "B 1");
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
	char *at = yaml ? strstr(yaml, "fallback: [symbols") : NULL;
	CHECK(at != NULL);
	if (at) {
		memcpy(at, "fallback: [symbolz", 18);
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

/* The bundled style with its first `from` replaced by `to`, loaded
 * (NULL after reporting to d). */
static pdf_style *style_variant(const char *from, const char *to, diags *d)
{
	char *yaml = NULL;
	size_t len = 0;
	pdf_style *st = NULL;
	CHECK(read_file("templates/pdf/style.yaml", 1 << 20, &yaml, &len) == 0);
	char *at = yaml ? strstr(yaml, from) : NULL;
	CHECK(at != NULL);
	if (at) {
		buf b = {0};
		buf_put(&b, yaml, (size_t)(at - yaml));
		buf_puts(&b, to);
		buf_puts(&b, at + strlen(from));
		char path[] = "/tmp/vcsc-style-XXXXXX";
		int fd = mkstemp(path);
		CHECK(fd >= 0 && write(fd, b.data, b.len) == (ssize_t)b.len);
		close(fd);
		/* fonts are taken from absolute paths: the file may move */
		st = pdf_style_load(path, d);
		unlink(path);
		buf_free(&b);
	}
	free(yaml);
	return st;
}

/* The face of the text item of slice s that holds needle, or -1. */
static int face_of_text(const pdf_slice *s, const char *needle)
{
	for (size_t i = 0; i < s->nitems; i++)
		if (s->items[i].kind == I_TEXT && strstr(s->items[i].s, needle))
			return s->items[i].face;
	return -1;
}

/* How many warnings of d mention needle. */
static int warnings_with(const diags *d, const char *needle)
{
	int n = 0;
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].sev == DIAG_WARNING &&
		    strstr(d->items[i].msg, needle))
			n++;
	return n;
}

/* The fallback families are a list, tried in order; a character that no
 * family has is set anyway (an empty box) and reported once, naming its
 * code point and the text around it. */
void test_pdf_fallback_list_and_missing_glyphs(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	int sym = pdf_style_family(e.st, "symbols", "test", &e.d);
	int dv = pdf_style_family(e.st, "dejavu", "test", &e.d);
	int sans = pdf_style_family(e.st, "sans", "test", &e.d);
	CHECK(sym >= 0 && dv >= 0 && sans >= 0);
	if (sym < 0 || dv < 0 || sans < 0) {
		env_close(&e);
		return;
	}
	const pdf_family *f = &e.st->families[sans];
	CHECK_INT(f->nfallbacks, 2);
	CHECK(f->nfallbacks == 2 && f->fallbacks[0] == sym &&
	      f->fallbacks[1] == dv);
	pdf_block *p = pdf_para(e.doc, e.body);
	pdf_run(p, "x \xe2\x86\x92 y \xe2\x89\xa5 z \xe2\x9c\x93 ", 0);
	pdf_run(p, "CJK \xe6\xbc\xa2\xe5\xad\x97 again \xe6\xbc\xa2 ", 0);
	pdf_run(p, "emoji \xf0\x9f\x98\x80 end", 0);
	/* in a table cell too, and in a marker: reported once only */
	pdf_table *t = pdf_table_new(e.doc, 1, NULL, NULL);
	pdf_run(pdf_table_cell(t), "cell \xe6\xbc\xa2", 0);
	pdf_block *m = pdf_para_text(e.doc, e.body, "item");
	pdf_block_marker(m, "\xe5\xad\x97", 10, 0);
	CHECK(pdf_layout(e.doc, &e.d) == 0);
	const pdf_slice *s = &e.doc->slices[p->slice0];
	int body = pdf_face_of(e.doc, sans, false, false);
	/* the arrow in Noto Sans Symbols, >= and the check mark in DejaVu
	 * Sans (Noto Sans and its symbols lack them), the rest in Noto */
	CHECK_INT(face_of_text(s, "\xe2\x86\x92"),
	          pdf_face_of(e.doc, sym, false, false));
	CHECK_INT(face_of_text(s, "\xe2\x89\xa5"),
	          pdf_face_of(e.doc, dv, false, false));
	CHECK_INT(face_of_text(s, "\xe2\x9c\x93"),
	          pdf_face_of(e.doc, dv, false, false));
	CHECK_INT(face_of_text(s, "CJK"), body);
	CHECK_INT(face_of_text(s, "\xe6\xbc\xa2"), body);
	/* one warning per character, with its code point and context */
	CHECK_INT(e.d.errors, 0);
	CHECK_INT(warnings_with(&e.d, "U+6F22"), 1);
	CHECK_INT(warnings_with(&e.d, "U+5B57"), 1);
	CHECK_INT(warnings_with(&e.d, "U+1F600"), 1);
	CHECK_INT(warnings_with(&e.d, "U+2265"), 0);
	CHECK_INT(warnings_with(&e.d, "U+2713"), 0);
	CHECK_INT(warnings_with(&e.d, "U+2192"), 0);
	CHECK_INT(e.d.warnings, 3);
	CHECK_INT(warnings_with(&e.d, "empty box (in \"x \xe2\x86\x92 y "
	                              "\xe2\x89\xa5 z \xe2\x9c\x93 CJK "
	                              "\xe6\xbc\xa2\xe5\xad\x97 again"),
	          2);
	CHECK_INT(warnings_with(&e.d, "(in \"emoji \xf0\x9f\x98\x80 end\")"),
	          1);
	CHECK_INT(warnings_with(&e.d, "Basic Multilingual Plane"), 1);
	/* the document is still written */
	char tmp[] = "/tmp/vcsc-unit-XXXXXX";
	int fd = mkstemp(tmp);
	CHECK(fd >= 0);
	close(fd);
	CHECK_INT(pdf_write(e.doc, tmp, &e.d), 0);
	struct stat sb;
	CHECK(stat(tmp, &sb) == 0 && sb.st_size > 1000);
	unlink(tmp);
	env_close(&e);

	/* one name still does; a name twice in the list is an error */
	diags d;
	diags_init(&d);
	pdf_style *st = style_variant("fallback: [symbols, dejavu]",
	                              "fallback: dejavu", &d);
	CHECK(st != NULL);
	if (st) {
		const pdf_family *fs =
		    &st->families[pdf_style_family(st, "sans", "test", &d)];
		CHECK(fs->nfallbacks == 1 &&
		      fs->fallbacks[0] ==
		          pdf_style_family(st, "dejavu", "test", &d));
	}
	pdf_style_free(st);
	CHECK_INT(d.errors, 0);
	st = style_variant("fallback: [symbols, dejavu]",
	                   "fallback: [symbols, dejavu, symbols]", &d);
	CHECK(st == NULL);
	CHECK_INT(d.errors, 1);
	if (d.n)
		CHECK(strstr(d.items[d.n - 1].msg,
		             "'symbols' is named twice as a fallback") != NULL);
	diags_free(&d);
}

/* Does every text item of the document lie between the margins? */
static bool inside_margins(env *e, double *minx, double *maxx)
{
	pdf_doc *doc = e->doc;
	double left = e->st->margin_left, right = left + pdf_body_width(doc);
	*minx = 1e9;
	*maxx = -1e9;
	bool ok = true;
	for (size_t i = 0; i < doc->nslices; i++) {
		const pdf_slice *s = &doc->slices[i];
		for (size_t k = 0; k < s->nitems; k++) {
			const pdf_item *it = &s->items[k];
			if (it->kind != I_TEXT)
				continue;
			double w = pdf_text_width(doc, it->face, it->size,
			                          it->s, strlen(it->s));
			if (it->x < *minx)
				*minx = it->x;
			if (it->x + w > *maxx)
				*maxx = it->x + w;
			if (it->x < left - 0.01 || it->x + w > right + 0.01)
				ok = false;
		}
	}
	return ok;
}

/* Sixty levels of nested lists: deep levels stop indenting where the
 * text would be left less than min-text-width, so no line leaves the
 * text area and no item breaks into a line per character. */
void test_pdf_deep_indent(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	buf md = {0};
	for (int i = 0; i < 60; i++) {
		for (int k = 0; k < i; k++)
			buf_puts(&md, "  ");
		buf_printf(&md, "- level%d with a few words\n", i);
	}
	pdf_markdown(e.doc, md.data, e.body, 30);
	/* a table and a quote at depth, and an indent beyond the page */
	buf deep = {0};
	for (int i = 0; i < 40; i++)
		buf_puts(&deep, "> ");
	buf_puts(&deep, "quoted text\n");
	pdf_markdown(e.doc, deep.data, e.body, 0);
	pdf_block *b = pdf_para_text(e.doc, e.body, "far in");
	pdf_block_indent(b, 5000);
	pdf_table *t = pdf_table_new(e.doc, 2, NULL, NULL);
	pdf_table_indent(t, 900);
	pdf_run(pdf_table_cell(t), "Key", 0);
	pdf_run(pdf_table_cell(t), "Value", 0);
	pdf_rule(e.doc, 2000);
	pdf_ruled_lines(e.doc, NULL, "lines", 2, 20, 3000);
	CHECK(pdf_layout(e.doc, &e.d) == 0);
	double minx, maxx;
	CHECK(inside_margins(&e, &minx, &maxx));
	CHECK(minx >= e.st->margin_left - 0.01);
	/* every list item on one line (words never one per line) */
	size_t lines = 0;
	for (size_t i = 0; i < e.doc->nslices; i++)
		if (face_of_text(&e.doc->slices[i], "level") >= 0)
			lines++;
	CHECK_INT(lines, 60);
	/* the deepest text keeps min-text-width */
	double min_w = 0;
	CHECK(pdf_style_size(e.st, "min-text-width", "test", &e.d, &min_w) ==
	      0);
	CHECK(min_w > 100);
	const pdf_slice *s = &e.doc->slices[b->slice0];
	CHECK(s->nitems >= 1 && s->items[0].kind == I_TEXT);
	if (s->nitems)
		CHECK(s->items[0].x <=
		      e.st->margin_left + pdf_body_width(e.doc) - min_w + 0.01);
	for (size_t i = 0; i < e.doc->nslices; i++) {
		const pdf_slice *sl = &e.doc->slices[i];
		for (size_t k = 0; k < sl->nitems; k++) {
			const pdf_item *it = &sl->items[k];
			if (it->kind == I_LINE || it->kind == I_STROKE)
				CHECK(it->x + it->w <=
				      e.st->margin_left +
				          pdf_body_width(e.doc) + 0.01);
		}
	}
	buf_free(&md);
	buf_free(&deep);
	env_close(&e);
}

/* The lines of text in the header row of table t. */
static size_t header_lines(env *e, const pdf_table *t, const char *word)
{
	const pdf_slice *s = &e->doc->slices[t->block->slice0];
	size_t n = 0;
	for (size_t i = 0; i < s->nitems; i++)
		if (s->items[i].kind == I_TEXT && strstr(word, s->items[i].s))
			n++;
	return n;
}

/* A narrow column keeps its longest word whole (header and cells) where
 * the width allows; where even the longest words do not fit side by
 * side, the widest give way first. */
void test_pdf_table_word_widths(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	/* "No" beside a column of long text: the column is exactly as wide
	 * as the word (rounding must not split it; it did in the style of
	 * the questionnaire's further information) */
	const pdf_pstyle *sec = pdf_style_para(e.st, "secondary", "test", &e.d);
	CHECK(sec != NULL);
	pdf_markdown(e.doc,
	             "| No | Item |\n|---|---|\n| 1 | short |\n"
	             "| 2 | a much longer text that wraps over several lines "
	             "of the table, certainly more than one line because it "
	             "goes on and on and on and on |\n",
	             sec ? sec : e.body, 0);
	pdf_table *t1 = e.doc->flow[e.doc->nflow - 1]->table;
	/* beside two columns of unbreakable URLs */
	pdf_markdown(
	    e.doc,
	    "| No | Requirement | Evidence |\n|---|---|---|\n"
	    "| 1 | https://example.org/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    " | https://example.org/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	    "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb |\n",
	    e.body, 0);
	pdf_table *t2 = e.doc->flow[e.doc->nflow - 1]->table;
	/* fractions that would starve the first column */
	pdf_table *t3 = pdf_table_new(e.doc, 3, NULL, NULL);
	double fr[] = {0.02, 0.49, 0.49};
	pdf_table_widths(t3, fr);
	pdf_table_row(t3, true);
	pdf_run(pdf_table_cell(t3), "Number", 0);
	pdf_run(pdf_table_cell(t3), "Text", 0);
	pdf_run(pdf_table_cell(t3), "More", 0);
	/* too many words for the width: short ones stay whole */
	pdf_table *t4 = pdf_table_new(e.doc, 8, NULL, NULL);
	pdf_table_row(t4, true);
	static const char *const heads[] = {
	    "No",
	    "Id",
	    "Cybersecuritymanagementsystemdokumentation",
	    "Verantwortungsbereichsabgrenzung",
	    "Status",
	    "Informationssicherheitsmanagementsystem",
	    "Owner",
	    "Zuliefererkettenrisikobewertungsverfahren"};
	for (size_t i = 0; i < 8; i++)
		pdf_run(pdf_table_cell(t4), heads[i], 0);
	CHECK(pdf_layout(e.doc, &e.d) == 0);
	CHECK(t1 && t2 && t1 != t2);
	if (t1 && t2) {
		CHECK_INT(header_lines(&e, t1, "No"), 1);
		CHECK_INT(header_lines(&e, t2, "No"), 1);
	}
	CHECK_INT(header_lines(&e, t3, "Number"), 1);
	CHECK_INT(header_lines(&e, t4, "No"), 1);
	CHECK_INT(header_lines(&e, t4, "Id"), 1);
	CHECK_INT(header_lines(&e, t4, "Status"), 1);
	CHECK_INT(header_lines(&e, t4, "Owner"), 1);
	double minx, maxx;
	CHECK(inside_margins(&e, &minx, &maxx));
	env_close(&e);
}

/* md_too_deep: the limit exactly, one level more, and where. */
void test_pdf_md_too_deep(void)
{
	int depth = 0, line = 0, col = 0;
	/* a paragraph in 12 lists with their items: 25 levels */
	const char *at = "- - - - - - - - - - - - x";
	CHECK(!md_too_deep("plain text *with* a [link](u)", 29, &depth, &line,
	                   &col));
	CHECK(!md_too_deep(at + 2, strlen(at + 2), &depth, &line, &col));
	CHECK(md_too_deep(at, strlen(at), &depth, &line, &col));
	CHECK_INT(depth, 25);
	CHECK_INT(line, 1);
	CHECK_INT(col, 25);
	const char *nested = "intro\n\n> > > > > > > > > > > > > > > > > > > > "
	                     "> > > > *a **b***\n";
	CHECK(md_too_deep(nested, strlen(nested), &depth, &line, &col));
	CHECK_INT(depth, 27);
	CHECK_INT(line, 3);
	CHECK_INT(col, 49);
	buf b = {0};
	for (int i = 0; i < 60000; i++)
		buf_putc(&b, '>');
	buf_puts(&b, "x");
	CHECK(md_too_deep(b.data, b.len, &depth, &line, &col));
	CHECK_INT(depth, 60001);
	buf_free(&b);
}

/* The text of every paragraph block of doc from block first on. */
static char *flow_text(const pdf_doc *doc, size_t first)
{
	buf b = {0};
	for (size_t i = first; i < doc->nflow; i++)
		if (doc->flow[i]->kind == B_PARA && doc->flow[i]->text.len) {
			buf_put(&b, doc->flow[i]->text.data,
			        doc->flow[i]->text.len);
			buf_putc(&b, '|');
		}
	if (!b.data)
		buf_puts(&b, "");
	return buf_detach(&b);
}

/* A table in n block quotes. */
static void quoted_table(buf *b, int n)
{
	static const char *const rows[] = {"| h1 | h2 |\n", "|---|---|\n",
	                                   "| c1 | c2 **bold** |\n"};
	for (size_t r = 0; r < 3; r++) {
		for (int i = 0; i < n; i++)
			buf_puts(b, "> ");
		buf_puts(b, rows[r]);
	}
}

/* Markdown nested far beyond MD_MAX_DEPTH (block quotes, lists, emphasis,
 * links, a table at depth) lays out without recursing per level: what is
 * deeper than the limit is kept as the text of one paragraph (or run). */
void test_pdf_markdown_depth_limit(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	buf q = {0}, l = {0}, em = {0}, ln = {0}, tb = {0}, tb2 = {0};
	for (int i = 0; i < 60000; i++)
		buf_putc(&q, '>');
	buf_puts(&q, "x\n");
	for (int i = 0; i < 150000; i++)
		buf_puts(&l, "- ");
	buf_puts(&l, "y\n");
	buf_puts(&em, "start");
	for (int i = 0; i < 20000; i++)
		buf_puts(&em, " *a");
	buf_puts(&em, " z");
	for (int i = 0; i < 20000; i++)
		buf_puts(&em, " b*");
	buf_puts(&ln, "[l ");
	for (int i = 0; i < 30; i++)
		buf_puts(&ln, "_i ![m ");
	buf_puts(&ln, "w");
	for (int i = 0; i < 30; i++)
		buf_puts(&ln, "](u) i_");
	buf_puts(&ln, "](https://example.org) and");
	for (int i = 0; i < 30; i++)
		buf_puts(&ln, " ~~s _i");
	buf_puts(&ln, " v");
	for (int i = 0; i < 30; i++)
		buf_puts(&ln, " i_ s~~");
	quoted_table(&tb, 22);
	quoted_table(&tb2, 21);
	size_t n0 = e.doc->nflow;
	pdf_markdown(e.doc, q.data, e.body, 0);
	CHECK_INT(e.doc->nflow, n0 + 1);
	char *t = flow_text(e.doc, n0);
	CHECK_STR(t, "x|");
	free(t);
	n0 = e.doc->nflow;
	pdf_markdown(e.doc, l.data, e.body, 0);
	CHECK_INT(e.doc->nflow, n0 + 1);
	t = flow_text(e.doc, n0);
	CHECK_STR(t, "y|");
	free(t);
	/* the marker of the item at the limit stays */
	CHECK(e.doc->flow[n0]->marker != NULL);
	n0 = e.doc->nflow;
	pdf_block *lead = pdf_para(e.doc, e.body);
	pdf_markdown_into(e.doc, lead, em.data, e.body, 0);
	CHECK_INT(e.doc->nflow, n0 + 1);
	CHECK(lead->text.len > 40000 && strstr(lead->text.data, "a z b"));
	/* at most MD_MAX_DEPTH - 1 levels of emphasis, then one run */
	CHECK(lead->nruns <= 2 * MD_MAX_DEPTH);
	n0 = e.doc->nflow;
	pdf_markdown(e.doc, ln.data, e.body, 0);
	CHECK_INT(e.doc->nflow, n0 + 1);
	t = flow_text(e.doc, n0);
	CHECK(strstr(t, "i m i m") && strstr(t, "w i i") &&
	      strstr(t, "s i s i") && strstr(t, "v i s i s"));
	free(t);
	/* the link still covers the images flattened inside it */
	const pdf_block *lb = e.doc->flow[n0];
	const char *w = strstr(lb->text.data, "w i i");
	bool linked = false;
	for (size_t i = 0; w && i < lb->nruns; i++)
		if (lb->runs[i].start <= (size_t)(w - lb->text.data) &&
		    lb->runs[i].end > (size_t)(w - lb->text.data))
			linked = lb->runs[i].uri != NULL;
	CHECK(linked);
	/* a table whose cells would lie beyond the limit is flat text */
	n0 = e.doc->nflow;
	pdf_markdown(e.doc, tb.data, e.body, 0);
	CHECK_INT(e.doc->nflow, n0 + 1);
	CHECK_INT(e.doc->flow[n0]->kind, B_PARA);
	t = flow_text(e.doc, n0);
	CHECK_STR(t, "h1 h2\nc1 c2 bold|");
	free(t);
	/* one level less: a table */
	n0 = e.doc->nflow;
	pdf_markdown(e.doc, tb2.data, e.body, 0);
	CHECK_INT(e.doc->nflow, n0 + 1);
	CHECK_INT(e.doc->flow[n0]->kind, B_TABLE);
	CHECK(pdf_layout(e.doc, &e.d) == 0);
	CHECK_INT(e.d.errors, 0);
	buf_free(&q);
	buf_free(&l);
	buf_free(&em);
	buf_free(&ln);
	buf_free(&tb);
	buf_free(&tb2);
	env_close(&e);
}

/* per_char, counting the bytes it measures */
static size_t measured;
static double per_char_counted(void *ctx, const char *t, size_t s, size_t e)
{
	measured += e - s;
	return per_char(ctx, t, s, e);
}

/* The line breaker measures each byte about once: a word far longer
 * than a line, thousands of words on one unbounded line, thousands of
 * forced breaks. (It measured from each line's start to the end of the
 * word for every line: quadratic.) */
void test_pdf_break_linear(void)
{
	size_t n = 1000000;
	char *t = xmalloc(n + 1);
	memset(t, 'a', n);
	t[n] = '\0';
	pdf_line *l;
	measured = 0;
	size_t nl =
	    pdf_break_lines(t, n, "en", 80, 80, per_char_counted, NULL, &l);
	CHECK_INT(nl, n / 80);
	CHECK(measured <= 8 * n);
	free(l);
	buf w = {0};
	for (int i = 0; i < 80000; i++)
		buf_printf(&w, "w%d ", i);
	measured = 0;
	nl = pdf_break_lines(w.data, w.len, "en", 1e9, 1e9, per_char_counted,
	                     NULL, &l);
	CHECK_INT(nl, 1);
	CHECK(measured <= 8 * w.len);
	free(l);
	measured = 0;
	nl = pdf_break_lines(w.data, w.len, "en", 100, 100, per_char_counted,
	                     NULL, &l);
	CHECK(nl > 5000);
	CHECK(measured <= 8 * w.len);
	free(l);
	for (size_t i = 1; i < n; i += 2)
		t[i] = '\n';
	measured = 0;
	nl = pdf_break_lines(t, n, "en", 80, 80, per_char_counted, NULL, &l);
	CHECK_INT(nl, n / 2);
	CHECK(measured <= 8 * n);
	free(l);
	buf_free(&w);
	free(t);
}

/* Laying out stays linear in the text (doc->work counts the bytes
 * measured and the runs visited): a word of 200,000 characters, 20,000
 * hard line breaks (40,000 runs), a table cell of 20,000 words. Each
 * took time quadratic in its size. */
void test_pdf_layout_linear(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	size_t n = 200000, bytes = 0;
	char *word = xmalloc(n + 1);
	memset(word, 'a', n);
	word[n] = '\0';
	pdf_para_text(e.doc, e.body, word);
	pdf_block *b = pdf_para(e.doc, e.body);
	for (int i = 0; i < 20000; i++) {
		pdf_run(b, "a", i % 2 ? PDF_BOLD : 0);
		pdf_run(b, "\n", 0);
	}
	buf w = {0};
	for (int i = 0; i < 20000; i++)
		buf_printf(&w, "w%d ", i);
	pdf_table *t = pdf_table_new(e.doc, 2, NULL, NULL);
	pdf_run(pdf_table_cell(t), "key", 0);
	pdf_run(pdf_table_cell(t), w.data, 0);
	bytes = n + b->text.len + b->nruns + w.len;
	CHECK(pdf_layout(e.doc, &e.d) == 0);
	CHECK(e.doc->npages > 100);
	CHECK(e.doc->work <= 12 * bytes);
	buf_free(&w);
	free(word);
	env_close(&e);
}

/* Does every text item of the slices of block b lie inside a cell (the
 * outline of the same slice) and between the margins? */
static bool texts_in_cells(env *e, const pdf_block *b)
{
	pdf_doc *doc = e->doc;
	double left = e->st->margin_left, right = left + pdf_body_width(doc);
	for (size_t i = b->slice0; i < b->slice0 + b->nslices; i++) {
		const pdf_slice *s = &doc->slices[i];
		for (size_t k = 0; k < s->nitems; k++) {
			const pdf_item *it = &s->items[k];
			if (it->kind != I_TEXT)
				continue;
			double w = pdf_text_width(doc, it->face, it->size,
			                          it->s, strlen(it->s));
			bool in = false;
			for (size_t j = 0; j < s->nitems && !in; j++) {
				const pdf_item *c = &s->items[j];
				in = c->kind == I_STROKE && it->x >= c->x &&
				     it->x + w <= c->x + c->w + 0.01;
			}
			if (!in || it->x < left - 0.01 ||
			    it->x + w > right + 0.01)
				return false;
		}
	}
	return true;
}

/* A table of n columns with a header row and two body rows. */
static pdf_table *wide_table(env *e, size_t n)
{
	pdf_table *t = pdf_table_new(e->doc, n, NULL, NULL);
	pdf_table_row(t, true);
	for (size_t c = 0; c < n; c++)
		pdf_run(pdf_table_cell(t),
		        arena_printf(e->doc->a, "Head%zu", c), 0);
	for (int r = 0; r < 2; r++) {
		pdf_table_row(t, false);
		for (size_t c = 0; c < n; c++)
			pdf_run(pdf_table_cell(t),
			        arena_printf(e->doc->a, "c%d.%zu", r, c), 0);
	}
	return t;
}

/* Tables wider than the page: a few columns too many shrink the font;
 * 50 and 60 columns (whose text used to overlap and run past the right
 * margin) are split into column groups one below the other, at a size no
 * smaller than table-min-font-size; every glyph stays in its cell; one
 * warning each says what was done. A table that fits is left alone. */
void test_pdf_wide_tables(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	double min_col = 0, min_font = 0;
	CHECK(pdf_style_size(e.st, "table-min-column-width", "test", &e.d,
	                     &min_col) == 0);
	CHECK(pdf_style_size(e.st, "table-min-font-size", "test", &e.d,
	                     &min_font) == 0);
	size_t fits = (size_t)(pdf_body_width(e.doc) / min_col);
	pdf_table *ok = wide_table(&e, fits);
	pdf_table *shrunk = wide_table(&e, fits + 2);
	pdf_table *t50 = wide_table(&e, 50);
	pdf_table *t60 = wide_table(&e, 60);
	pdf_table *t60i = wide_table(&e, 60); /* with less room: smaller */
	pdf_table_indent(t60i, 38);
	CHECK(pdf_layout(e.doc, &e.d) == 0);
	CHECK_INT(e.d.warnings, 4);
	for (size_t i = 0; i < e.d.n; i++)
		CHECK(strstr(e.d.items[i].msg, "too wide for the page") &&
		      strstr(e.d.items[i].msg, "(\"Head0 | Head1 | "));
	if (e.d.n == 4) {
		CHECK(strstr(e.d.items[0].msg, "its text is set at 7.8 pt "
		                               "instead of 9 pt") != NULL);
		CHECK(strstr(e.d.items[1].msg, "a table of 50 columns") &&
		      strstr(e.d.items[1].msg, "split into 3 groups of at "
		                               "most 17 columns"));
		CHECK(strstr(e.d.items[2].msg, "a table of 60 columns") &&
		      strstr(e.d.items[2].msg, "split into 3 groups of at "
		                               "most 20 columns, one below "
		                               "the other; at most 24"));
		CHECK(strstr(e.d.items[3].msg,
		             "split into 3 groups of at most 20 columns, one "
		             "below the other, set at 8 pt instead of 9 pt; at "
		             "most 23 columns fit side by side at 6.5 pt"));
	}
	const pdf_table *all[] = {ok, shrunk, t50, t60, t60i};
	const size_t rows[] = {3, 3, 9, 9, 9}; /* slices: rows per group */
	for (size_t i = 0; i < 5; i++) {
		CHECK(texts_in_cells(&e, all[i]->block));
		CHECK_INT(all[i]->block->nslices, rows[i]);
	}
	CHECK(ok->cell->size == e.doc->ps_cell->size);
	CHECK(shrunk->cell->size < ok->cell->size &&
	      shrunk->cell->size >= min_font);
	/* three groups of 20 fit at the full size, three of 17 too */
	CHECK(t50->cell->size == ok->cell->size);
	CHECK(t60->cell->size == ok->cell->size);
	/* every group starts with the header row */
	const pdf_slice *s = &e.doc->slices[t50->block->slice0];
	for (size_t g = 0; g < 3; g++)
		CHECK(s[3 * g].is_header && !s[3 * g + 1].is_header);
	env_close(&e);
}

/* The look of a chart as the report resolves it from the style file. */
static pdf_chart_look chart_look(env *e)
{
	pdf_chart_look k = {0};
	k.label = pdf_style_para(e->st, "chart-label", "test", &e->d);
	pdf_style_color(e->st, "chart-bar", "test", &e->d, &k.bar);
	pdf_style_color(e->st, "chart-track", "test", &e->d, &k.track);
	pdf_style_color(e->st, "chart-grid", "test", &e->d, &k.grid);
	pdf_style_size(e->st, "chart-bar-height", "test", &e->d, &k.bar_height);
	pdf_style_size(e->st, "chart-row-gap", "test", &e->d, &k.row_gap);
	pdf_style_size(e->st, "chart-label-width", "test", &e->d,
	               &k.label_width);
	return k;
}

/* The drawings the engine added to the flow from index from on. */
static size_t drawings(env *e, size_t from, pdf_block **out, size_t max)
{
	size_t n = 0;
	for (size_t i = from; i < e->doc->nflow && n < max; i++)
		if (e->doc->flow[i]->kind == B_DRAW)
			out[n++] = e->doc->flow[i];
	return n;
}

/* A short bar chart moves whole to the next page rather than split; a
 * long one splits; a label too long for its column is cut. */
void test_pdf_bar_chart(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	pdf_chart_look k = chart_look(&e);
	CHECK_INT(e.d.errors, 0);
	const char *ticks[] = {"0 %", "50 %", "100 %"};
	pdf_bar bars[80];
	for (size_t i = 0; i < 80; i++) {
		bars[i].label = i == 0 ? "A chapter title far too long to fit "
		                         "into the column of labels beside the "
		                         "bars of the chart"
		                       : "Chapter";
		bars[i].value = (double)i / 80;
		bars[i].value_text = "x %";
	}
	filler(&e, 60);
	size_t from = e.doc->nflow;
	pdf_bar_chart(e.doc, &k, bars, 5, ticks, 3);
	size_t from2 = e.doc->nflow;
	pdf_bar_chart(e.doc, &k, bars, 80, ticks, 3);
	CHECK(pdf_layout(e.doc, &e.d) == 0);
	pdf_block *b[100];
	size_t n = drawings(&e, from, b, 6);
	CHECK_INT(n, 6); /* the ticks and five rows */
	for (size_t i = 0; i < n; i++)
		CHECK_INT(pdf_block_first_page(b[i]), 2);
	n = drawings(&e, from2, b, 81);
	CHECK_INT(n, 81);
	CHECK(pdf_block_first_page(b[80]) > pdf_block_first_page(b[1]));
	/* the first row's label, cut with an ellipsis */
	bool cut = false;
	for (size_t i = 0; i < b[1]->nitems; i++)
		if (b[1]->items[i].kind == I_TEXT &&
		    strstr(b[1]->items[i].s, "\xe2\x80\xa6"))
			cut = true;
	CHECK(cut);
	/* a bar as wide as its value: value 0 draws no bar */
	size_t fills = 0;
	for (size_t i = 0; i < b[1]->nitems; i++)
		fills += b[1]->items[i].kind == I_FILL;
	CHECK_INT(fills, 1 + 3); /* the track and three grid lines */
	env_close(&e);
}

/* A signature block: a line and a caption per column, the first caption
 * line bold. */
void test_pdf_signature(void)
{
	env e;
	CHECK(env_open(&e) == 0);
	const char *caps[] = {"Place, date", "Anna Becker\nLead auditor"};
	size_t from = e.doc->nflow;
	pdf_signature(e.doc, e.body, 2, caps, NULL, 40);
	pdf_block *b[2];
	CHECK_INT(drawings(&e, from, b, 2), 1);
	size_t lines = 0, texts = 0;
	for (size_t i = 0; i < b[0]->nitems; i++) {
		lines += b[0]->items[i].kind == I_LINE;
		texts += b[0]->items[i].kind == I_TEXT;
	}
	CHECK_INT(lines, 2);
	CHECK_INT(texts, 3);
	CHECK(b[0]->height > 40 + 2 * e.body->leading);
	CHECK(pdf_layout(e.doc, &e.d) == 0);
	env_close(&e);
}
