/*
 * site/ - the website, a back end with templates of its own: the model as
 * one XML document, XSLT to pages, the search index, and the directory
 * that replaces the previous site whole. Its writer follows the
 * convention of backend/backend.h (site_write).
 *
 * site.h - the public criteria website (`vcsc site`).
 *
 * Pipeline: the validated models of every catalogue version under a
 * catalogue root -> one XML document built with libxml2's tree API
 * (site_xml.c; Markdown prose walked from cmark's AST into XHTML elements
 * by site_md.c) -> the XSLT 1.0 stylesheets in templates/site/, run by
 * libxslt under security preferences (site_xslt.c), writing one HTML5 file
 * per page with exsl:document -> a temporary directory beside the target
 * that replaces the previous site in one rename (site.c).
 *
 * C decides what exists and where it lives (pages, URLs, version and
 * language counterparts, reference indexes); the templates decide how it
 * looks. The XML vocabulary between the two is described at the top of
 * site_xml.c.
 *
 * Ownership: site_xml_build returns an xmlDoc the caller frees with
 * xmlFreeDoc(); nodes made by site_md_append belong to the document of
 * their parent. Strings passed in are copied; the models must outlive
 * the calls that read them.
 */
#ifndef VCSC_SITE_H
#define VCSC_SITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <libxml/tree.h>

#include "base/diag.h"
#include "cert/cert.h"
#include "front/model.h"

/* A file offered on the downloads pages. */
typedef struct site_download {
	const char *name; /* file name inside downloads/ */
	long long size;   /* bytes */
} site_download;

/* Everything the XML is built from. versions are sorted by catalogue id,
 * then by version number (site_version_cmp). */
typedef struct site_input {
	const vc_scheme *scheme;
	vc_version **versions;
	size_t nversions;
	const site_download *downloads;
	size_t ndownloads;
	const char *base_url;     /* "https://host/path" without trailing slash,
	                             or NULL */
	const cert_keyring *keys; /* the public keys of the verify page */
	bool status;              /* a status file is published */
} site_input;

/* Builds the site document: data (scheme, catalogues, versions) and the
 * page manifest the templates render. Never fails except out of memory
 * (aborts). */
xmlDocPtr site_xml_build(const site_input *in);

/* Appends the XHTML rendering of Markdown text to parent. Raw HTML
 * becomes visible text; unsafe link targets lose the link; images become
 * links to the image (or just their text); headings are shifted down by
 * heading_shift levels (at most h6). */
void site_md_append(xmlNodePtr parent, const char *markdown, int heading_shift);

/* A prose field as elements <NAME lang=".."> appended to parent, one per
 * language of langs: the text in that language, else in the source
 * language (which text-lang then names); none when p is NULL or absent.
 * site_prose_xhtml holds the XHTML of the Markdown (site_md_append),
 * site_prose_plain its plain text (titles). Shared by the site document
 * and the change log, so that prose looks the same in both. */
void site_prose_xhtml(xmlNodePtr parent, const char *name, const vc_prose *p,
                      const char *const *langs, size_t nlangs,
                      int heading_shift);
void site_prose_plain(xmlNodePtr parent, const char *name, const vc_prose *p,
                      const char *const *langs, size_t nlangs);

/* lang="LANG" on e, and text-lang="ACTUAL" when the text it holds is in
 * another language (a translation that is missing). */
void site_mark_lang(xmlNodePtr e, const char *lang, const char *actual);

/* The catalogue diff's hook, called once for each pair of consecutive
 * versions of a catalogue with vel the <version> element of newer. It
 * may append to vel
 *   <changelog from="OLDER-VERSION-ID">
 *     <title lang="..">plain text</title>       (optional, per language)
 *     <question uid=".." anchor=".."/>           (questions it describes)
 *     ...                                        (the content)
 *   </changelog>
 * and the site then publishes a page changes/OLDER.html per language and a
 * "what changed since" link on the page of each question listed. Defined
 * in site_changes.c: the content is the catalogue diff's (diff.h,
 * diff_changelog_xml), rendered by templates/site/changes.xsl. */
void site_changes_add(xmlNodePtr vel, const vc_version *older,
                      const vc_version *newer, const char *const *langs,
                      size_t nlangs);

/* The languages the site publishes for v: those it marks complete, the
 * source language first (at least the source language). langs must
 * have room for v->nlanguages + 1 entries; returns how many were stored.
 * Defined in site_xml.c. */
size_t site_languages(const vc_version *v, const char **langs);

/* ---- search (site_search.c) ---- */

/* File name of the search index in each version's language folder. */
#define SITE_SEARCH_INDEX "search-index.js"

/* Writes the search index of v in lang to fp: a JavaScript file that
 * assigns the plain text of every prose field of the questions and
 * requirements to the global vcscSearchIndex (format described in
 * site_search.c). Returns 0, or -1 on a write error. */
int site_search_write_index(FILE *fp, const vc_version *v, const char *lang);

/* Writes OUTDIR/CAT/VER/LANG/search-index.js for every version and every
 * language it publishes; the folders must exist (the pages are written
 * first). Returns 0, or -1 after reporting to d. */
int site_search_write(vc_version *const *versions, size_t n, const char *outdir,
                      diags *d);

/* Orders version strings by their dot-separated numeric parts ("1.9" <
 * "1.10"); parts that are not numbers compare as text. */
int site_version_cmp(const char *a, const char *b);

/* Orders identifiers with runs of digits compared by value
 * ("RQ-05-2" < "RQ-05-10", "7.2.2.2(a)" < "7.2.10"). */
int site_natural_cmp(const char *a, const char *b);

/* Runs the stylesheet at xsl_path over doc. exsl:document hrefs are
 * resolved against outdir (an absolute directory path); the transform
 * may write only below outdir, read only below read_dir (the templates
 * directory) and never use the network. Returns 0, or -1 after reporting
 * to d. */
int site_xslt_run(const char *xsl_path, xmlDocPtr doc, const char *outdir,
                  const char *read_dir, diags *d);

/* Frees libxslt's and libxml2's global state (for leak checkers). */
void site_xslt_cleanup(void);

/* What the website is built from besides the versions. */
typedef struct site_options {
	const char *data_dir;  /* holds templates/site and site/ (required) */
	const char *downloads; /* the files the downloads pages offer; NULL:
	                          the downloads/ folder beside the site */
	const char *base_url;  /* NULL: no sitemap.xml */
	const char *dump_xml;  /* also write the site XML here, or NULL */
	/* label certificates (site_cert.c): the public keys the verify page
	 * trusts and the keys page lists, and the signed status file it
	 * publishes as status.txt (NULL: none) */
	const cert_keyring *keys;
	const char *status;
} site_options;

/* ---- label certificates (site_cert.c) ---- */

#define SITE_STATUS_FILE "status.txt"

/* Checks the status file o->status (if any) against o->keys: a site
 * never publishes one whose signature fails. 0, or -1 after reporting. */
int site_cert_check(const site_options *o, diags *d);
/* The <keys> element under root and the verify and keys pages (in lang)
 * under pages. */
void site_cert_xml(xmlNodePtr root, xmlNodePtr pages, const char *lang,
                   const cert_keyring *keys, bool status);
/* Copies the status file into the site directory dir. */
int site_cert_files(const site_options *o, const char *dir, diags *d);

typedef struct site_stats {
	size_t pages, redirects, versions;
} site_stats;

/* The website of versions (every version of a catalogue root, in any
 * order; they share one scheme), written to the directory out: built in
 * a temporary directory beside it, which takes out's place only when
 * complete (see site.c). An existing out must be a site built by vcsc or
 * empty. The writer of `vcsc site` (backend/backend.h's convention);
 * stats, if not NULL, receives what was written. Returns 0, or -1 after
 * reporting to d. */
int site_write(vc_version *const *versions, size_t n, const site_options *o,
               const char *out, site_stats *stats, diags *d);

#endif
