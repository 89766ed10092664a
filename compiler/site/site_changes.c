/*
 * site_changes.c - the hook through which the catalogue diff adds its
 * change logs to the site document (see site_changes_add in site.h):
 * the diff of each pair of consecutive versions as a <changelog>
 * element (diff_xml.c), which templates/site/changes.xsl renders as the
 * page changes/OLDER.html of the newer version.
 */
#include "diff/diff.h"
#include "site.h"

void site_changes_add(xmlNodePtr vel, const vc_version *older,
                      const vc_version *newer, const char *const *langs,
                      size_t nlangs)
{
	diff_result *d = diff_versions(older, newer);
	diff_changelog_xml(vel, d, langs, nlangs);
	diff_free(d);
}
