/*
 * cmd_site.c - `vcsc site [--catalogue DIR] -o DIR [--base-url URL]`: the
 * criteria website from every version under a catalogue root
 * (site/site.c).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "site/site.h"

static const char site_help[] =
    "Usage: vcsc site [--catalogue DIR] -o DIR [OPTIONS]\n"
    "\n"
    "Build the criteria website from every catalogue version under the\n"
    "catalogue root (ROOT/CATALOGUE/VERSION/version.yaml), in every\n"
    "language a version marks complete. The site is built beside DIR and\n"
    "replaces DIR only when complete; all links are relative, so it works\n"
    "from file://, a web server's root or any sub-path.\n"
    "\n"
    "Options:\n"
    "  -o, --output DIR   the site directory (required); an existing DIR\n"
    "                     must be a site built by vcsc, or empty\n"
    "  --catalogue DIR    catalogue root holding scheme.yaml (default:\n"
    "                     catalogue)\n"
    "  --base-url URL     where the site will be served (http or https);\n"
    "                     needed for sitemap.xml, which is left out\n"
    "                     without it\n"
    "  --downloads DIR    the files the downloads pages offer (default:\n"
    "                     the downloads/ folder beside DIR)\n"
    "  --dump-xml FILE    also write the XML the templates read\n"
    "  --public-key FILE  a public key (NAME.pub) or a folder of them that\n"
    "                     the certificate verify page trusts and the keys\n"
    "                     page lists (repeatable; default:\n"
    "                     $VCSC_PUBLIC_KEYS, else the demo key in\n"
    "                     examples/keys/, marked as a test key)\n"
    "  --status FILE      the signed status file of revoked and superseded\n"
    "                     certificates, published as status.txt (default:\n"
    "                     $VCSC_STATUS; none: not published)\n"
    "  -q, --quiet        no summary line\n"
    "  -h, --help         show this help\n"
    "\n"
    "Exit status: 0 success, 1 errors in the input, 2 usage or I/O failure.\n";

static bool valid_base_url(const char *u)
{
	if (strncmp(u, "https://", 8) != 0 && strncmp(u, "http://", 7) != 0)
		return false;
	const char *host = strstr(u, "//") + 2;
	if (!*host || *host == '/')
		return false;
	for (const unsigned char *p = (const unsigned char *)u; *p; p++)
		if (*p <= 0x20 || *p >= 0x7F || *p == '"' || *p == '<' ||
		    *p == '>' || *p == '\\' || *p == '#' || *p == '?' ||
		    *p == '`' || *p == '\'')
			return false;
	return true;
}

int cmd_site(int argc, char **argv)
{
	static const struct option opts[] = {
	    CLI_OPT_CATALOGUE,
	    CLI_OPT_OUTPUT,
	    {"base-url", required_argument, NULL, 'B'},
	    {"downloads", required_argument, NULL, 'D'},
	    {"dump-xml", required_argument, NULL, 'X'},
	    {"public-key", required_argument, NULL, 'k'},
	    {"status", required_argument, NULL, 's'},
	    {"quiet", no_argument, NULL, 'q'},
	    CLI_OPT_HELP,
	    CLI_OPT_END};
	site_options o = {0};
	const char *out = NULL;
	bool quiet = false;
	cli c;
	cli_init(&c);
	char *base = NULL;
	char **keys = xcalloc((size_t)argc + 1, sizeof(char *));
	size_t nkeys = 0;
	const char *status = NULL;
	cert_keyring ring = {0};
	int opt, rc;
	while ((opt = getopt_long(argc, argv, "o:qh", opts, NULL)) != -1) {
		switch (opt) {
		case 'C':
			c.catalogue_root = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'B':
			free(base);
			base = xstrdup(optarg);
			break;
		case 'D':
			o.downloads = optarg;
			break;
		case 'X':
			o.dump_xml = optarg;
			break;
		case 'k':
			keys[nkeys++] = optarg;
			break;
		case 's':
			status = optarg;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			fputs(site_help, stdout);
			free(base);
			free(keys);
			cli_free(&c);
			return EXIT_OK;
		default:
			free(base);
			free(keys);
			cli_free(&c);
			return cli_bad_option("site", argv, "o:qh");
		}
	}
	if (optind != argc || !out || !*out) {
		free(base);
		free(keys);
		cli_free(&c);
		if (optind != argc)
			return cli_usage("site", "unexpected argument '%s'",
			                 argv[optind]);
		return cli_usage("site", "-o DIR is required");
	}
	if (base) {
		size_t n = strlen(base);
		while (n && base[n - 1] == '/')
			base[--n] = '\0';
		if (!valid_base_url(base)) {
			rc = cli_usage("site",
			               "--base-url takes an http or "
			               "https URL without spaces, quotes, '?' "
			               "or '#', not '%s'",
			               base);
			free(base);
			free(keys);
			cli_free(&c);
			return rc;
		}
		o.base_url = base;
	}
	const char *root = c.catalogue_root ? c.catalogue_root : "catalogue";
	vc_version **versions = NULL;
	size_t n = 0;
	site_stats st;
	char *data = cli_data_dir();
	o.data_dir = data;
	o.keys = &ring;
	o.status = cli_status_path(status);
	if (cli_public_keys(&c, &ring, keys, nkeys) == 0 &&
	    cli_root_versions(&c, root, &versions, &n) == 0 &&
	    site_write(versions, n, &o, out, &st, &c.d) == 0 && !quiet)
		printf("%s: %zu pages and %zu redirect pages from %zu "
		       "version%s%s\n",
		       out, st.pages, st.redirects, st.versions,
		       st.versions == 1 ? "" : "s",
		       o.base_url ? "" : "; no sitemap.xml without --base-url");
	cli_print_diags(&c);
	rc = cli_status(&c);
	for (size_t i = 0; i < n; i++)
		model_version_free(versions[i]);
	free(versions);
	free(data);
	free(base);
	free(keys);
	cert_keyring_free(&ring);
	cli_free(&c);
	site_xslt_cleanup();
	return rc;
}
