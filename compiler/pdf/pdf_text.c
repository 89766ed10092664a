/*
 * pdf_text.c - the line breaker of the PDF engine.
 *
 * libharu's own text box wraps only at ASCII spaces; this one finds break
 * opportunities with libunibreak (UAX #14: after spaces and hyphens,
 * between ideographs, after a slash in a URL, not before punctuation),
 * fills lines greedily and breaks a word that is wider than a whole line
 * between characters, preferring a place after '/', '.', '-', '_', '?',
 * '&', '=' or '#' so that long URLs and identifiers stay readable.
 *
 * It runs in time linear in the text: every segment between two break
 * opportunities is found once and measured about once (a line's width is
 * kept as a running sum, not measured again from the line's start), and
 * a segment longer than a line (a word of a million characters) is
 * measured only as far as the line reaches.
 */
#include <linebreak.h>
#include <stdlib.h>
#include <string.h>

#include "pdf.h"
#include "base/util.h"

/* Text fits a width it exceeds by less than this (points): widths
 * computed as sums and differences (a table column minus its padding)
 * are off by rounding, and a word must not split over that. */
#define FIT_EPS 0.001

static bool is_trimmed(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* End of [p, q) without trailing whitespace. */
static size_t trim_end(const char *t, size_t p, size_t q)
{
	while (q > p && is_trimmed(t[q - 1]))
		q--;
	return q;
}

static bool is_combining(uint32_t cp)
{
	return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
	       (cp >= 0x1dc0 && cp <= 0x1dff) ||
	       (cp >= 0x20d0 && cp <= 0x20ff) ||
	       (cp >= 0xfe20 && cp <= 0xfe2f) || cp == 0x200d;
}

/* Splits a word [s, e) that is wider than avail: the longest prefix that
 * fits (at least one character), moved back to just after a URL
 * separator when there is one in its second half. */
static size_t split_word(const char *t, size_t s, size_t e, double avail,
                         pdf_measure_fn m, void *ctx)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t k = s, best_sep = 0;
	double w = 0;
	while (k < e) {
		int n = utf8_seqlen(u + k, e - k);
		double cw = m(ctx, t, k, k + (size_t)n);
		if (k > s && w + cw > avail + FIT_EPS)
			break;
		w += cw;
		if (strchr("/.-_?&=#", t[k]) && w >= avail / 2)
			best_sep = k + (size_t)n;
		k += (size_t)n;
		/* keep combining marks with their base */
		while (k < e) {
			uint32_t cp;
			int l = utf8_decode(u + k, e - k, &cp);
			if (l <= 0 || !is_combining(cp))
				break;
			w += m(ctx, t, k, k + (size_t)l);
			k += (size_t)l;
		}
	}
	if (k < e && best_sep > s)
		return best_sep;
	return k;
}

/* Width of text[s, e), measured in growing chunks that end at character
 * boundaries, stopping once it exceeds limit (the result is then above
 * limit but not the whole width): a segment longer than a line costs
 * about a line's worth of measuring. Widths add up (glyph widths, with
 * a run's padding only at its own ends), so the chunks sum to the width
 * of the whole; a segment of at most 256 bytes is one measurement. */
static double width_upto(const char *t, size_t s, size_t e, double limit,
                         pdf_measure_fn m, void *ctx)
{
	double w = 0;
	size_t chunk = 256;
	while (s < e) {
		size_t z = e - s > chunk ? s + chunk : e;
		while (z < e && ((unsigned char)t[z] & 0xc0) == 0x80)
			z++;
		w += m(ctx, t, s, z);
		if (w > limit)
			break;
		s = z;
		chunk *= 2;
	}
	return w;
}

size_t pdf_break_lines(const char *text, size_t len, const char *lang,
                       double first_width, double width, pdf_measure_fn m,
                       void *ctx, pdf_line **lines)
{
	static bool inited;
	if (!inited) {
		init_linebreak();
		inited = true;
	}
	pdf_line *out = NULL;
	size_t n = 0, cap = 0;
	if (len == 0) {
		pdf_line l = {0, 0, 0, 0};
		VEC_PUSH(out, n, cap, l);
		*lines = out;
		return n;
	}
	char *brks = xmalloc(len);
	set_linebreaks_utf8((const utf8_t *)text, len, lang, brks);

	size_t pos = 0;
	/* the end of the last segment found: a segment that starts the next
	 * line, or the rest of a word split between characters, ends there
	 * too, so the search for break opportunities never goes back */
	size_t q = 0;
	while (pos < len) {
		double avail = n == 0 ? first_width : width;
		size_t line_start = pos, p = pos;
		size_t content_end = pos, next = pos;
		double lw = 0; /* width of [line_start, p) */
		bool have = false;
		for (;;) {
			if (q <= p) {
				q = p + 1;
				while (q < len &&
				       brks[q - 1] != LINEBREAK_MUSTBREAK &&
				       brks[q - 1] != LINEBREAK_ALLOWBREAK)
					q++;
			}
			bool must =
			    q >= len || brks[q - 1] == LINEBREAK_MUSTBREAK;
			size_t ce = trim_end(text, p, q);
			double room = avail + FIT_EPS - lw;
			double w =
			    ce > p ? width_upto(text, p, ce, room, m, ctx) : 0;
			if (have && w > room)
				break; /* the segment starts the next line */
			if (!have && w > room) {
				size_t k = split_word(text, line_start, ce,
				                      avail, m, ctx);
				if (k < ce) {
					content_end = k;
					next = k;
					have = true;
					break;
				}
				/* one character wider than the line: alone */
				w = m(ctx, text, p, ce);
			}
			content_end = ce;
			next = q;
			have = true;
			if (must)
				break;
			lw += w + (q > ce ? m(ctx, text, ce, q) : 0);
			p = q;
		}
		pdf_line l = {line_start, content_end, next,
		              content_end > line_start
		                  ? m(ctx, text, line_start, content_end)
		                  : 0};
		VEC_PUSH(out, n, cap, l);
		pos = next;
	}
	free(brks);
	*lines = out;
	return n;
}

double pdf_widest_word(const char *text, size_t len, const char *lang,
                       pdf_measure_fn m, void *ctx)
{
	if (len == 0)
		return 0;
	char *brks = xmalloc(len);
	set_linebreaks_utf8((const utf8_t *)text, len, lang, brks);
	double best = 0;
	size_t p = 0;
	while (p < len) {
		size_t q = p + 1;
		while (q < len && brks[q - 1] != LINEBREAK_MUSTBREAK &&
		       brks[q - 1] != LINEBREAK_ALLOWBREAK)
			q++;
		size_t ce = trim_end(text, p, q);
		if (ce > p) {
			double w = m(ctx, text, p, ce);
			if (w > best)
				best = w;
		}
		p = q;
	}
	free(brks);
	return best;
}
