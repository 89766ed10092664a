/*
 * site_xslt.c - running the site stylesheets with libxslt, safely.
 *
 * Every document libxslt loads (the stylesheet, its includes, document()
 * calls) goes through one loader that parses with XML_PARSE_NONET and
 * without XML_PARSE_NOENT or DTD loading. The transform runs with
 * security preferences: no network reads or writes, files read only below
 * the templates directory, files written and directories created only
 * below the output directory (libxslt asks for each directory it would
 * create, parents included). Errors of libxml2 and libxslt are collected
 * into the diagnostics instead of going to stderr.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <libxml/uri.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "site.h"

#define PARSE_OPTS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING)

typedef struct run {
	const char *outdir;  /* absolute, no trailing slash */
	const char *readdir; /* absolute, no trailing slash */
	buf msg;             /* libxml2/libxslt messages so far */
	int errors;
	int denied;
	xsltTransformContextPtr tc; /* while transforming */
	char *unsaved;              /* the first page libxslt could not write */
	char *io_error; /* libxml2's reason for the first I/O failure */
} run;

#define UNSAVED "xsltDocumentElem: unable to save to "

static void collect(void *ctx, const char *fmt, ...) PRINTF_LIKE(2, 3);
static void collect(void *ctx, const char *fmt, ...)
{
	run *r = ctx;
	if (!r)
		return;
	/* Each message is looked at whole, even once the collection is
	 * full, so that the one about an unwritten page is never lost. */
	char m[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(m, sizeof(m), fmt, ap);
	va_end(ap);
	if (r->msg.len < 8192)
		buf_puts(&r->msg, m);
	r->errors++;
	/* A page that cannot be written (a full disk, a quota) fails every
	 * page after it the same way: stop at the first and say it once. */
	if (!r->unsaved && strncmp(m, UNSAVED, strlen(UNSAVED)) == 0) {
		const char *p = m + strlen(UNSAVED);
		r->unsaved = xstrndup(p, strcspn(p, "\n"));
		if (r->tc)
			r->tc->state = XSLT_STATE_STOPPED;
	}
}

/* libxml2's own errors while the transform writes pages: the first I/O
 * error's reason is kept for the one message about the unwritten page. */
static void collect_structured(void *ctx, xmlErrorPtr e)
{
	run *r = ctx;
	if (!r || !e)
		return;
	const char *m = e->message ? e->message : "error";
	if (e->domain == XML_FROM_IO || e->domain == XML_FROM_OUTPUT) {
		if (!r->io_error)
			r->io_error = xstrndup(m, strcspn(m, "\n"));
		r->errors++;
		return;
	}
	collect(r, "%s", m);
}

/* True when path is dir itself or lies below it, with no "." or ".."
 * segment that could climb out. */
static bool below(const char *path, const char *dir)
{
	if (!path || !dir)
		return false;
	size_t n = strlen(dir);
	if (strncmp(path, dir, n) != 0 || (path[n] != '/' && path[n] != '\0'))
		return false;
	for (const char *p = path + n; *p;) {
		while (*p == '/')
			p++;
		size_t seg = strcspn(p, "/");
		if ((seg == 1 && p[0] == '.') ||
		    (seg == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		p += seg;
	}
	return true;
}

static int allow_write(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt,
                       const char *value)
{
	(void)sec;
	run *r = ctxt ? ctxt->_private : NULL;
	if (r && below(value, r->outdir))
		return 1;
	if (r)
		r->denied++;
	return 0;
}

static int allow_read(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt,
                      const char *value)
{
	(void)sec;
	run *r = ctxt ? ctxt->_private : NULL;
	if (r && below(value, r->readdir))
		return 1;
	if (r)
		r->denied++;
	return 0;
}

/* Loads stylesheets and document() targets: no network, no entity
 * substitution, no DTD. Sharing the stylesheet's dictionary as the
 * default loader does. */
static xmlDocPtr loader(const xmlChar *uri, xmlDictPtr dict, int options,
                        void *ctxt, xsltLoadType type)
{
	(void)options;
	(void)ctxt;
	(void)type;
	xmlParserCtxtPtr pc = xmlNewParserCtxt();
	if (!pc)
		return NULL;
	if (dict && pc->dict) {
		xmlDictFree(pc->dict);
		pc->dict = dict;
		xmlDictReference(dict);
	}
	xmlDocPtr doc =
	    xmlCtxtReadFile(pc, (const char *)uri, NULL, PARSE_OPTS);
	xmlFreeParserCtxt(pc);
	return doc;
}

static void report(run *r, diags *d, const char *what)
{
	if (r->unsaved) {
		/* Named as the page of the output, not of the temporary
		 * directory the build writes into. */
		const char *page = r->unsaved;
		char *dir = r->outdir ? xasprintf("%s/", r->outdir) : NULL;
		if (dir && strncmp(page, dir, strlen(dir)) == 0)
			page += strlen(dir);
		else if (strncmp(page, "file://", 7) == 0)
			page += 7;
		diag_error(d, NO_POS, "cannot write the page '%s': %s", page,
		           r->io_error ? r->io_error : "write error");
		free(dir);
		return;
	}
	/* one diagnostic per message line */
	const char *p = r->msg.data ? r->msg.data : "";
	bool any = false;
	while (*p) {
		size_t n = strcspn(p, "\n");
		if (n) {
			diag_error(d, NO_POS, "%s: %.*s", what, (int)n, p);
			any = true;
		}
		p += n + (p[n] == '\n');
	}
	if (!any)
		diag_error(d, NO_POS, "%s failed", what);
}

int site_xslt_run(const char *xsl_path, xmlDocPtr doc, const char *outdir,
                  const char *read_dir, diags *d)
{
	run r = {outdir, read_dir, {0}, 0, 0, NULL, NULL, NULL};
	int rc = -1;
	xsltStylesheetPtr ss = NULL;
	xsltTransformContextPtr tc = NULL;
	xsltSecurityPrefsPtr sec = NULL;
	xmlDocPtr res = NULL;
	char *base = NULL;

	exsltRegisterAll();
	xmlSetGenericErrorFunc(&r, collect);
	xsltSetGenericErrorFunc(&r, collect);
	xsltSetLoaderFunc(loader);

	xmlDocPtr sdoc = xmlReadFile(xsl_path, NULL, PARSE_OPTS);
	if (!sdoc) {
		report(&r, d, xsl_path);
		goto out;
	}
	ss = xsltParseStylesheetDoc(sdoc);
	if (!ss || ss->errors) {
		if (!ss)
			xmlFreeDoc(sdoc);
		report(&r, d, xsl_path);
		goto out;
	}
	r.errors = 0;
	buf_reset(&r.msg);

	sec = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK,
	                     xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK,
	                     xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE, allow_read);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, allow_write);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, allow_write);

	tc = xsltNewTransformContext(ss, doc);
	if (!tc) {
		diag_error(d, NO_POS, "%s: cannot start the transform",
		           xsl_path);
		goto out;
	}
	tc->_private = &r;
	xsltSetCtxtSecurityPrefs(sec, tc);
	xsltSetTransformErrorFunc(tc, &r, collect);
	{
		char *dir = xasprintf("%s/", outdir);
		xmlChar *u = xmlPathToURI((const xmlChar *)dir);
		base = xstrdup((const char *)u);
		xmlFree(u);
		free(dir);
	}
	/* The output directory reaches the templates as $out, a URI
	 * reference with a trailing slash that exsl:document hrefs
	 * start with; xsltQuoteOneUserParam quotes it for XPath. */
	if (xsltQuoteOneUserParam(tc, (const xmlChar *)"out",
	                          (const xmlChar *)base) != 0) {
		diag_error(d, NO_POS, "%s: cannot pass the output directory",
		           xsl_path);
		goto out;
	}
	r.tc = tc;
	xmlSetStructuredErrorFunc(&r, collect_structured);
	res = xsltApplyStylesheetUser(ss, doc, NULL, NULL, NULL, tc);
	xmlSetStructuredErrorFunc(NULL, NULL);
	r.tc = NULL;
	if (!res || r.errors || r.denied || tc->state != XSLT_STATE_OK) {
		if (r.denied && !r.errors)
			buf_puts(&r.msg, "a template tried to read or write "
			                 "outside the allowed directories\n");
		report(&r, d, xsl_path);
		goto out;
	}
	rc = 0;
out:
	if (res)
		xmlFreeDoc(res);
	if (tc)
		xsltFreeTransformContext(tc);
	if (sec)
		xsltFreeSecurityPrefs(sec);
	if (ss)
		xsltFreeStylesheet(ss);
	free(base);
	xsltSetLoaderFunc(NULL);
	xsltSetGenericErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, NULL);
	buf_free(&r.msg);
	free(r.unsaved);
	free(r.io_error);
	return rc;
}

void site_xslt_cleanup(void)
{
	xsltCleanupGlobals();
	xmlCleanupParser();
}
