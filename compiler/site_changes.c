/*
 * site_changes.c - the hook through which the catalogue diff adds its
 * change logs to the site document (see site_changes_add in site.h).
 *
 * Until the diff back end lands this adds nothing: the templates render
 * change-log pages and "what changed since" links only when a
 * <changelog> element is present.
 */
#include "site.h"

void site_changes_add(xmlNodePtr vel, const vc_version *older,
		      const vc_version *newer, const char *const *langs,
		      size_t nlangs)
{
	(void)vel;
	(void)older;
	(void)newer;
	(void)langs;
	(void)nlangs;
}
