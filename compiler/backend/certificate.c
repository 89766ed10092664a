/*
 * certificate.c - the label certificate: one landscape page, designed
 * whole as a single drawing of the PDF engine (frame, seal, text, QR
 * code), so that what is framed on a wall looks the same every time.
 *
 * Looks come from templates/pdf/style.yaml (cert-* styles, colours and
 * sizes), words from templates/pdf/certificate.yaml; the facts from the
 * cert_facts that the token signs, so that page and token never differ.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "certificate.h"

static const char *const text_keys[] = {
    "kicker",  "title",        "certifies",       "scope",       "locations",
    "audited", "label-full",   "label-temporary", "issued",      "signed",
    "verify",  "test-warning", "seal-top",        "seal-bottom", "pdf-title"};

typedef struct cstyle {
	pdf_base_styles base;
	const pdf_pstyle *kicker, *title, *text, *name, *label, *small, *token,
	    *seal, *seal_small, *warning;
	pdf_color frame, ornament, seal_c, seal_light, qr, warning_c, accent;
	double frame_w, band, qr_size, seal_r;
} cstyle;

typedef struct cdoc {
	const cert_facts *f;
	const certificate_options *o;
	arena *a;
	pdf_texts *tx;
	cstyle st;
	pdf_block *b;
	double w, h; /* the drawing: the page's text area */
} cdoc;

char *certificate_verify_url(const char *base_url, const char *token)
{
	const char *base = base_url ? base_url : CERTIFICATE_DEFAULT_BASE_URL;
	size_t n = strlen(base);
	while (n && base[n - 1] == '/')
		n--;
	return xasprintf("%.*s/verify.html#%s", (int)n, base, token);
}

static int resolve_styles(cdoc *c, const pdf_style *st, diags *d)
{
	cstyle *y = &c->st;
	const pdf_style_want wants[] = {
	    {"cert-kicker", .para = &y->kicker},
	    {"cert-title", .para = &y->title},
	    {"cert-text", .para = &y->text},
	    {"cert-name", .para = &y->name},
	    {"cert-label", .para = &y->label},
	    {"cert-small", .para = &y->small},
	    {"cert-token", .para = &y->token},
	    {"cert-seal", .para = &y->seal},
	    {"cert-seal-small", .para = &y->seal_small},
	    {"cert-warning", .para = &y->warning},
	    {"cert-frame", .color = &y->frame},
	    {"cert-ornament", .color = &y->ornament},
	    {"cert-seal", .color = &y->seal_c},
	    {"cert-seal-light", .color = &y->seal_light},
	    {"cert-qr", .color = &y->qr},
	    {"cert-warning", .color = &y->warning_c},
	    {"accent", .color = &y->accent},
	    {"cert-frame-width", .size = &y->frame_w},
	    {"cert-band", .size = &y->band},
	    {"cert-qr-size", .size = &y->qr_size},
	    {"cert-seal-radius", .size = &y->seal_r}};
	return pdf_style_resolve(st, &y->base, wants, COUNT_OF(wants),
	                         "the certificate", d);
}

static const char *T(const cdoc *c, const char *key)
{
	return pdf_text_get(c->tx, key);
}

static const char *fill(cdoc *c, const char *key, const char *const *kv,
                        size_t n)
{
	return pdf_text_fill(c->a, T(c, key), kv, n);
}

/* text centred on x, its baseline at y. */
static void centred(cdoc *c, const pdf_pstyle *ps, unsigned flags, double x,
                    double y, const char *text)
{
	double tw = pdf_draw_text_width(c->b, ps, flags, text);
	pdf_draw_text(c->b, x - tw / 2, y, ps, flags, text);
}

/* text broken at spaces into lines at most width wide, each centred on
 * x, the first baseline at y; returns the baseline after the last. */
static double wrapped(cdoc *c, const pdf_pstyle *ps, unsigned flags, double x,
                      double width, double y, const char *text)
{
	buf line = {0};
	const char *p = text;
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t wl = sp ? (size_t)(sp - p) : strlen(p);
		size_t keep = line.len;
		if (line.len)
			buf_putc(&line, ' ');
		buf_put(&line, p, wl);
		if (keep &&
		    pdf_draw_text_width(c->b, ps, flags, line.data) > width) {
			line.data[keep] = '\0';
			centred(c, ps, flags, x, y, line.data);
			y += ps->leading;
			buf_reset(&line);
			buf_put(&line, p, wl);
		}
		p += wl;
		while (*p == ' ')
			p++;
	}
	if (line.len) {
		centred(c, ps, flags, x, y, line.data);
		y += ps->leading;
	}
	buf_free(&line);
	return y;
}

/* The frame: a strong outer line, a hatched band, a fine inner line,
 * and a rosette of circles at each corner. */
static void frame(cdoc *c)
{
	const cstyle *y = &c->st;
	double w = c->w, h = c->h, band = y->band;
	pdf_draw_rect(c->b, 0, 0, w, h, y->frame, y->frame_w);
	pdf_draw_rect(c->b, 3, 3, w - 6, h - 6, y->frame, 0.5);
	double in = 3 + band;
	pdf_draw_rect(c->b, in, in, w - 2 * in, h - 2 * in, y->frame, 0.8);
	/* the band: short diagonals, like the guilloche of a bank note */
	double step = 4;
	for (double x = 3 + step; x + band < w - 3; x += step) {
		pdf_draw_line(c->b, x, 3, x + band, in, y->ornament, 0.4);
		pdf_draw_line(c->b, x, h - 3, x + band, h - in, y->ornament,
		              0.4);
	}
	for (double t = 3 + step; t + band < h - 3; t += step) {
		pdf_draw_line(c->b, 3, t, in, t + band, y->ornament, 0.4);
		pdf_draw_line(c->b, w - 3, t, w - in, t + band, y->ornament,
		              0.4);
	}
	double cx[] = {in / 2 + 1.5, w - in / 2 - 1.5};
	double cy[] = {in / 2 + 1.5, h - in / 2 - 1.5};
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++) {
			pdf_draw_circle(c->b, cx[i], cy[j], band * 0.9,
			                (pdf_color){1, 1, 1}, 0);
			pdf_draw_circle(c->b, cx[i], cy[j], band * 0.9,
			                y->frame, 0.8);
			pdf_draw_circle(c->b, cx[i], cy[j], band * 0.45,
			                y->frame, 0);
		}
}

/* The seal: a scalloped disc with rings and the scheme's words. */
static void seal(cdoc *c, double x, double y)
{
	const cstyle *s = &c->st;
	double r = s->seal_r;
	int teeth = 36;
	for (int i = 0; i < teeth; i++) {
		double a = 2 * M_PI * i / teeth;
		pdf_draw_circle(c->b, x + cos(a) * r * 0.93,
		                y + sin(a) * r * 0.93, r * 0.1, s->seal_c, 0);
	}
	pdf_draw_circle(c->b, x, y, r * 0.93, s->seal_c, 0);
	pdf_draw_circle(c->b, x, y, r * 0.84, s->seal_light, 0);
	pdf_draw_circle(c->b, x, y, r * 0.78, s->seal_c, 0.8);
	pdf_draw_circle(c->b, x, y, r * 0.62, s->seal_c, 0.4);
	for (int i = 0; i < 24; i++) { /* a ring of dots between the rings */
		double a = 2 * M_PI * (i + 0.5) / 24;
		pdf_draw_circle(c->b, x + cos(a) * r * 0.70,
		                y + sin(a) * r * 0.70, r * 0.022, s->seal_c, 0);
	}
	centred(c, s->seal, 0, x, y + s->seal->size * 0.2, T(c, "seal-top"));
	pdf_draw_line(c->b, x - r * 0.38, y + s->seal->size * 0.42,
	              x + r * 0.38, y + s->seal->size * 0.42, s->seal_c, 0.6);
	centred(c, s->seal_small, 0, x,
	        y + s->seal->size * 0.42 + s->seal_small->size * 1.3,
	        T(c, "seal-bottom"));
}

/* The QR code of the verification address, its dark modules as
 * rectangles (runs of a row joined), with a quiet zone of 4 modules. */
static int qr(cdoc *c, const char *url, double x, double y, diags *d)
{
	int n;
	uint8_t *m = cert_qr(url, &n, d);
	if (!m)
		return -1;
	double mod = c->st.qr_size / (n + 8);
	pdf_draw_rect(c->b, x, y, c->st.qr_size, c->st.qr_size,
	              (pdf_color){1, 1, 1}, 0);
	for (int r = 0; r < n; r++)
		for (int k = 0; k < n;) {
			if (!m[r * n + k]) {
				k++;
				continue;
			}
			int e = k;
			while (e < n && m[r * n + e])
				e++;
			pdf_draw_rect(c->b, x + (4 + k) * mod,
			              y + (4 + r) * mod, (e - k) * mod, mod,
			              c->st.qr, 0);
			k = e;
		}
	free(m);
	return 0;
}

/* The token in lines of whole characters at most width wide. */
static double token_lines(cdoc *c, double x, double width, double y)
{
	const pdf_pstyle *ps = c->st.token;
	const char *t = c->o->token;
	double cw = pdf_draw_text_width(c->b, ps, 0, "M");
	size_t per = cw > 0 ? (size_t)(width / cw) : 80;
	size_t n = strlen(t);
	size_t lines = (n + per - 1) / per;
	per = (n + lines - 1) / lines; /* even lines */
	for (size_t i = 0; i < n; i += per) {
		char *l = xstrndup(t + i, per);
		centred(c, ps, 0, x, y, l);
		free(l);
		y += ps->leading;
	}
	return y;
}

static int page(cdoc *c, diags *d)
{
	const cert_facts *f = c->f;
	const cstyle *s = &c->st;
	double w = c->w, mid = w / 2, inner = s->band + 3;
	char date[11];
	frame(c);
	double y = inner + 30;
	if (f->test_key) {
		centred(c, s->warning, 0, mid, inner + 16,
		        T(c, "test-warning"));
		y += 6;
	}
	centred(c, s->kicker, 0, mid, y, T(c, "kicker"));
	y += s->title->leading + 4;
	centred(c, s->title, 0, mid, y, T(c, "title"));
	pdf_draw_line(c->b, mid - 60, y + 10, mid + 60, y + 10, s->seal_c, 0.8);
	pdf_draw_circle(c->b, mid, y + 10, 2, s->seal_c, 0);
	y += 34;
	centred(c, s->text, PDF_ITALIC, mid, y, T(c, "certifies"));
	y += s->name->leading + 2;
	double textw = w - 2 * inner - 80;
	y = wrapped(c, s->name, 0, mid, textw, y, f->participant);
	const char *kv[] = {"scope", f->scope_id};
	y = wrapped(c, s->text, PDF_BOLD, mid, textw, y - 6,
	            fill(c, "scope", kv, 2));
	if (f->nlocations) {
		buf l = {0};
		for (size_t i = 0; i < f->nlocations; i++)
			buf_printf(&l, "%s%s", i ? "; " : "", f->locations[i]);
		const char *lk[] = {"locations", l.data};
		y = wrapped(c, s->small, 0, mid, textw, y,
		            fill(c, "locations", lk, 2));
		buf_free(&l);
	}
	const char *ak[] = {"provider",   f->provider, "catalogue",
	                    f->catalogue, "audit",     f->audit_id};
	y = wrapped(c, s->text, 0, mid, textw, y + 6,
	            fill(c, "audited", ak, 6));
	y += 4;
	/* the labels as one block, centred, its rows aligned left */
	const char **tails = arena_alloc(c->a, f->nlabels * sizeof(char *));
	const char **titles = arena_alloc(c->a, f->nlabels * sizeof(char *));
	double widest = 0;
	for (size_t i = 0; i < f->nlabels; i++) {
		const cert_label *l = &f->labels[i];
		titles[i] = c->o->objective_titles && c->o->objective_titles[i]
		                ? c->o->objective_titles[i]
		                : l->objective;
		const char *dk[] = {"date", cert_day_format(l->expires, date)};
		const char *rest = fill(
		    c, l->kind == CERT_FULL ? "label-full" : "label-temporary",
		    dk, 2);
		tails[i] = arena_printf(c->a, " \xe2\x80\x94 %s", rest);
		double rw =
		    pdf_draw_text_width(c->b, s->label, PDF_BOLD, titles[i]) +
		    pdf_draw_text_width(c->b, s->label, 0, tails[i]);
		if (rw > widest)
			widest = rw;
	}
	double x0 = mid - widest / 2 + 7;
	for (size_t i = 0; i < f->nlabels; i++) {
		double tw =
		    pdf_draw_text_width(c->b, s->label, PDF_BOLD, titles[i]);
		/* a check mark drawn before each label */
		pdf_draw_line(c->b, x0 - 14, y - 4, x0 - 10, y, s->seal_c, 1.4);
		pdf_draw_line(c->b, x0 - 10, y, x0 - 3, y - 9, s->seal_c, 1.4);
		pdf_draw_text(c->b, x0, y, s->label, PDF_BOLD, titles[i]);
		pdf_draw_text(c->b, x0 + tw, y, s->label, 0, tails[i]);
		y += s->label->leading;
	}

	/* the foot: seal left, dates and token in the middle, QR right */
	double foot = c->h - inner - 14;
	double qs = s->qr_size;
	double qx = w - inner - 18 - qs, qy = foot - qs;
	char *url = certificate_verify_url(c->o->base_url, c->o->token);
	int rc = qr(c, url, qx, qy, d);
	free(url);
	seal(c, inner + 18 + s->seal_r, foot - s->seal_r - 4);
	double left = inner + 18 + 2 * s->seal_r + 18, right = qx - 18;
	double cx = (left + right) / 2, cw = right - left;
	const char *ik[] = {"date", cert_day_format(f->issued, date)};
	double ty = foot - 4 * s->token->leading - 2 * s->small->leading - 14;
	if (y > ty - s->text->leading - 6)
		diag_warning(d, NO_POS,
		             "the certificate of %s states more than its page "
		             "holds: its labels run into the foot (fewer or "
		             "shorter locations fit)",
		             f->audit_id);
	pdf_draw_line(c->b, left + 20, ty - s->text->leading - 2, right - 20,
	              ty - s->text->leading - 2, s->ornament, 0.5);
	centred(c, s->text, PDF_BOLD, cx, ty - 4, fill(c, "issued", ik, 2));
	char hex[2 * CERT_KEY_ID_BYTES + 1];
	const char *kk[] = {"key", cert_key_id_hex(f->key_id, hex)};
	centred(c, s->small, 0, cx, ty + s->small->leading,
	        fill(c, "signed", kk, 2));
	char *site = certificate_verify_url(c->o->base_url, "");
	site[strlen(site) - 1] = '\0'; /* without the # */
	const char *vk[] = {"url", site};
	ty = wrapped(c, s->small, 0, cx, cw, ty + 2 * s->small->leading + 2,
	             fill(c, "verify", vk, 2));
	free(site);
	token_lines(c, cx, cw, ty);
	return rc;
}

int certificate_write(const cert_facts *f, const certificate_options *o,
                      const char *path, diags *d)
{
	cdoc c = {0};
	c.f = f;
	c.o = o;
	c.a = arena_new();
	pdf_templates tp;
	pdf_doc *doc = NULL;
	int rc = -1;
	if (pdf_templates_load(&tp, o->templates_dir, o->style_path,
	                       "certificate", o->lang ? o->lang : "en",
	                       text_keys, COUNT_OF(text_keys), d) < 0 ||
	    resolve_styles(&c, tp.style, d) < 0)
		goto out;
	c.tx = tp.texts;
	const char *tk[] = {"participant", f->participant, "scope",
	                    f->scope_id};
	const char *info[] = {CERT_PDF_INFO_KEY, o->token};
	pdf_meta m = {0};
	m.paper = o->paper;
	m.landscape = true;
	m.bare = true;
	m.lang = o->lang ? o->lang : "en";
	m.title = fill(&c, "pdf-title", tk, 4);
	m.subject = T(&c, "title");
	m.author = f->provider;
	m.keywords = arena_printf(c.a, "%s, %s, %s", f->audit_id, f->scope_id,
	                          f->catalogue);
	m.info = info;
	m.ninfo = 2;
	doc = pdf_new(tp.style, &m, d);
	if (!doc)
		goto out;
	c.w = pdf_body_width(doc);
	c.h = pdf_body_height(doc) - 1;
	c.b = pdf_drawing(doc, c.w, c.h, PDF_LEFT);
	if (page(&c, d) < 0)
		goto out;
	rc = pdf_write(doc, path, d) == 0 ? 0 : -1;
out:
	pdf_free(doc);
	pdf_templates_free(&tp);
	arena_free(c.a);
	return rc;
}
