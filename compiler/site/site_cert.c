/*
 * site_cert.c - what the website publishes for label certificates: the
 * verify page (verify.html, checked in the browser by assets/verify.js
 * with WebCrypto), the keys page (keys.html: every public key with its
 * fingerprint) and the signed status file (status.txt) that both
 * vcsc verify and the verify page read.
 *
 * In the site XML:
 *   <keys status="status.txt"?>
 *     <key id="HEX" public="BASE64URL" fingerprint="..." test="true"?/>
 *   </keys>
 *   <page path="verify.html" type="verify"/> <page path="keys.html"
 *   type="keys"/>
 */
#include <errno.h>
#include <string.h>

#include "base/files.h"
#include "base/xml.h"
#include "site.h"

int site_cert_check(const site_options *o, diags *d)
{
	if (!o->status)
		return 0;
	cert_status st;
	int rc = cert_status_load(&st, o->status, false, o->keys, NULL, d);
	cert_status_free(&st);
	return rc;
}

void site_cert_xml(xmlNodePtr root, xmlNodePtr pages, const char *lang,
                   const cert_keyring *keys, bool status)
{
	xmlNodePtr ks = xml_el(root, "keys");
	if (status)
		xml_attr(ks, "status", SITE_STATUS_FILE);
	for (size_t i = 0; keys && i < keys->n; i++) {
		const cert_key *k = keys->keys[i];
		char hex[2 * CERT_KEY_ID_BYTES + 1], fp[80];
		char *pub = cert_b64_encode(k->pk, CERT_PK_BYTES);
		xmlNodePtr e = xml_el(ks, "key");
		xml_attr(e, "id", cert_key_id_hex(k->id, hex));
		xml_attr(e, "public", pub);
		xml_attr(e, "fingerprint", cert_fingerprint(k->pk, fp));
		if (k->test || cert_is_demo_key(k->id))
			xml_attr(e, "test", "true");
		free(pub);
	}
	static const char *const kinds[] = {"verify", "keys"};
	for (size_t i = 0; i < 2; i++) {
		xmlNodePtr p = xml_el(pages, "page");
		xml_attrf(p, "path", "%s.html", kinds[i]);
		xml_attr(p, "root", "");
		xml_attr(p, "type", kinds[i]);
		xml_attr(p, "lang", lang);
	}
}

int site_cert_files(const site_options *o, const char *dir, diags *d)
{
	if (!o->status)
		return 0;
	char *dst = path_join(dir, SITE_STATUS_FILE);
	int rc = 0;
	if (copy_file(o->status, dst) != 0) {
		d->io_failed = true;
		diag_error(d, NO_POS, "cannot copy the status file '%s': %s",
		           o->status, strerror(errno));
		rc = -1;
	}
	free(dst);
	return rc;
}
