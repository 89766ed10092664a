/*
 * token.c - the certificate token: the label facts in a compact binary
 * form, signed with Ed25519, written in strict base64url.
 *
 * Version 1 (docs/certificates.md), every integer big-endian:
 *
 *   u8   version (1)
 *   u8   flags: bit 0 signed with a test key; other bits zero
 *   8    key id
 *   u16  issue day (days since 1970-01-01)
 *   str  participant, scope id
 *   u8   number of locations, then str each
 *   str  catalogue version key, audit provider, audit id
 *   u8   number of labels, then for each: str objective, u8 kind
 *        (1 temporary, 2 full), u16 expiry day
 *   64   Ed25519 signature of "vcsc-certificate\0" and all bytes above
 *
 * A str is a u8 length and that many bytes of UTF-8 without control
 * characters. A decoder takes nothing else: a byte left over, a flag it
 * does not know, an empty text or a kind out of range is a malformed
 * token, so that the bytes (and through strict base64url the text) of a
 * token are the only ones that state its facts.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cert.h"

static const char b64url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static const char sign_context[] = "vcsc-certificate"; /* and its NUL */

/* ---- days ---- */

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * well-known civil-days algorithm, in our own words). */
static long days_from_civil(long y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int cert_day_parse(const char *s, cert_day *out)
{
	int y, m, d;
	char tail;
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	static const int mdays[] = {31, 29, 31, 30, 31, 30,
	                            31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1970 || y > 2149 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1] || (m == 2 && d == 29 && !leap))
		return -1;
	*out = (cert_day)days_from_civil(y, m, d);
	return 0;
}

char *cert_day_format(cert_day day, char *out)
{
	time_t t = (time_t)day * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	unsigned y = (unsigned)(tm.tm_year + 1900) % 10000u;
	unsigned m = (unsigned)(tm.tm_mon + 1) % 100u;
	unsigned d = (unsigned)tm.tm_mday % 100u;
	snprintf(out, 11, "%04u-%02u-%02u", y, m, d);
	return out;
}

cert_day cert_day_from_epoch(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	if (!s || !*s)
		return 0;
	char *end;
	long long v = strtoll(s, &end, 10);
	if (*end || v < 0)
		return 0;
	return (cert_day)(v / 86400);
}

/* ---- base64url ---- */

char *cert_b64_encode(const uint8_t *p, size_t n)
{
	char *out = xmalloc(n / 3 * 4 + 5);
	size_t o = 0, i = 0;
	for (; i + 3 <= n; i += 3) {
		uint32_t v =
		    (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
		out[o++] = b64url[v >> 18];
		out[o++] = b64url[(v >> 12) & 63];
		out[o++] = b64url[(v >> 6) & 63];
		out[o++] = b64url[v & 63];
	}
	if (n - i == 1) {
		uint32_t v = (uint32_t)p[i] << 16;
		out[o++] = b64url[v >> 18];
		out[o++] = b64url[(v >> 12) & 63];
	} else if (n - i == 2) {
		uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8;
		out[o++] = b64url[v >> 18];
		out[o++] = b64url[(v >> 12) & 63];
		out[o++] = b64url[(v >> 6) & 63];
	}
	out[o] = '\0';
	return out;
}

static int b64_value(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '-')
		return 62;
	if (c == '_')
		return 63;
	return -1;
}

long cert_b64_decode(const char *s, size_t len, uint8_t *out, size_t cap)
{
	if (len % 4 == 1)
		return -1;
	size_t need = len / 4 * 3 + (len % 4 ? len % 4 - 1 : 0);
	if (need > cap)
		return -1;
	uint32_t acc = 0;
	int bits = 0;
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		int v = b64_value(s[i]);
		if (v < 0)
			return -1;
		acc = acc << 6 | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (uint8_t)(acc >> bits);
			acc &= (1u << bits) - 1;
		}
	}
	/* the bits the last character holds beyond the bytes must be zero */
	if (acc != 0)
		return -1;
	return (long)o;
}

/* ---- the binary form ---- */

static void put_u16(buf *b, unsigned v)
{
	buf_putc(b, (char)(v >> 8));
	buf_putc(b, (char)(v & 0xff));
}

/* A text a token can carry: 1 to 255 bytes of UTF-8, no control
 * characters. */
static bool good_text(const char *s, size_t n)
{
	if (n == 0 || n > 255 ||
	    utf8_validate((const unsigned char *)s, n) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return true;
}

static int put_str(buf *b, const char *what, const char *s, diags *d)
{
	size_t n = s ? strlen(s) : 0;
	if (!good_text(s ? s : "", n)) {
		diag_error(d, NO_POS,
		           "the certificate's %s '%s' cannot go into a token: "
		           "it must be 1 to 255 bytes of text without line "
		           "breaks",
		           what, s ? s : "");
		return -1;
	}
	buf_putc(b, (char)n);
	buf_put(b, s, n);
	return 0;
}

/* The signed part of the token of f (key id and flags as given). */
static int encode_facts(const cert_facts *f, buf *b, diags *d)
{
	int rc = 0;
	buf_putc(b, CERT_TOKEN_VERSION);
	buf_putc(b, f->test_key ? 1 : 0);
	buf_put(b, (const char *)f->key_id, CERT_KEY_ID_BYTES);
	if (f->issued <= 0 || f->issued > 0xffff) {
		diag_error(d, NO_POS, "the certificate has no issue date");
		rc = -1;
	}
	put_u16(b, (unsigned)f->issued);
	rc |= put_str(b, "participant", f->participant, d);
	rc |= put_str(b, "scope id", f->scope_id, d);
	if (f->nlocations > 255 || f->nlabels == 0 || f->nlabels > 255) {
		diag_error(d, NO_POS,
		           "a certificate carries 1 to 255 labels and at most "
		           "255 locations");
		return -1;
	}
	buf_putc(b, (char)f->nlocations);
	for (size_t i = 0; i < f->nlocations; i++)
		rc |= put_str(b, "location", f->locations[i], d);
	rc |= put_str(b, "catalogue version", f->catalogue, d);
	rc |= put_str(b, "audit provider", f->provider, d);
	rc |= put_str(b, "audit id", f->audit_id, d);
	buf_putc(b, (char)f->nlabels);
	for (size_t i = 0; i < f->nlabels; i++) {
		const cert_label *l = &f->labels[i];
		rc |= put_str(b, "objective", l->objective, d);
		buf_putc(b, (char)l->kind);
		if (l->expires < f->issued || l->expires > 0xffff) {
			diag_error(d, NO_POS,
			           "the label '%s' expires before it is issued",
			           l->objective);
			rc = -1;
		}
		put_u16(b, (unsigned)l->expires);
	}
	return rc ? -1 : 0;
}

/* The message signed: the context string with its NUL, then the bytes. */
static void signed_message(const uint8_t *p, size_t n, buf *msg)
{
	buf_put(msg, sign_context, sizeof(sign_context));
	buf_put(msg, (const char *)p, n);
}

char *cert_token_sign(cert_facts *f, const cert_key *k, diags *d)
{
	if (!k->sk) {
		diag_error(d, NO_POS,
		           "%s is a public key; signing needs the "
		           "signing key (NAME.key)",
		           k->path);
		return NULL;
	}
	memcpy(f->key_id, k->id, CERT_KEY_ID_BYTES);
	f->test_key = k->test || cert_is_demo_key(k->id);
	buf b = {0}, msg = {0};
	char *token = NULL;
	if (encode_facts(f, &b, d) == 0) {
		signed_message((const uint8_t *)b.data, b.len, &msg);
		uint8_t sig[CERT_SIG_BYTES];
		crypto_sign_detached(sig, NULL, (const uint8_t *)msg.data,
		                     msg.len, k->sk);
		buf_put(&b, (const char *)sig, sizeof(sig));
		char *t = cert_b64_encode((const uint8_t *)b.data, b.len);
		token =
		    xasprintf("%s%s", f->test_key ? CERT_TEST_PREFIX : "", t);
		free(t);
	}
	buf_free(&b);
	buf_free(&msg);
	return token;
}

/* ---- decoding ---- */

typedef struct reader {
	const uint8_t *p;
	size_t n, at;
	bool bad;
} reader;

static unsigned get_u8(reader *r)
{
	if (r->at + 1 > r->n) {
		r->bad = true;
		return 0;
	}
	return r->p[r->at++];
}

static unsigned get_u16(reader *r)
{
	unsigned hi = get_u8(r);
	return hi << 8 | get_u8(r);
}

static const char *get_str(reader *r, arena *a)
{
	size_t n = get_u8(r);
	if (r->bad || r->at + n > r->n ||
	    !good_text((const char *)r->p + r->at, n)) {
		r->bad = true;
		return "";
	}
	const char *s = arena_strndup(a, (const char *)r->p + r->at, n);
	r->at += n;
	return s;
}

cert_token_status cert_token_decode(const char *token, const cert_keyring *kr,
                                    arena *a, cert_facts *f, const char **why)
{
	cert_init();
	memset(f, 0, sizeof(*f));
	*why = NULL;
	bool test_prefix =
	    strncmp(token, CERT_TEST_PREFIX, strlen(CERT_TEST_PREFIX)) == 0;
	const char *t = token + (test_prefix ? strlen(CERT_TEST_PREFIX) : 0);
	size_t len = strlen(t);
	uint8_t raw[4096];
	long n = cert_b64_decode(t, len, raw, sizeof(raw));
	if (n < 0) {
		*why = "it is not a token: not base64url, or not the one "
		       "encoding of its bytes";
		return CERT_TOKEN_MALFORMED;
	}
	if (n < 2 || raw[0] != CERT_TOKEN_VERSION) {
		*why = "it is not a token of a version this program knows";
		return CERT_TOKEN_MALFORMED;
	}
	if ((size_t)n < 2 + CERT_KEY_ID_BYTES + CERT_SIG_BYTES) {
		*why = "the token is cut short";
		return CERT_TOKEN_MALFORMED;
	}
	reader r = {raw, (size_t)n - CERT_SIG_BYTES, 0, false};
	get_u8(&r);
	unsigned flags = get_u8(&r);
	if (flags > 1) {
		*why = "the token has flags this program does not know";
		return CERT_TOKEN_MALFORMED;
	}
	f->test_key = flags & 1;
	if (f->test_key != test_prefix) {
		*why = "the token's TEST- prefix does not match its test-key "
		       "mark";
		return CERT_TOKEN_MALFORMED;
	}
	memcpy(f->key_id, raw + r.at, CERT_KEY_ID_BYTES);
	r.at += CERT_KEY_ID_BYTES;
	f->issued = (cert_day)get_u16(&r);
	f->participant = get_str(&r, a);
	f->scope_id = get_str(&r, a);
	f->nlocations = get_u8(&r);
	f->locations = arena_alloc(a, (f->nlocations + 1) * sizeof(char *));
	for (size_t i = 0; i < f->nlocations && !r.bad; i++)
		f->locations[i] = get_str(&r, a);
	f->catalogue = get_str(&r, a);
	f->provider = get_str(&r, a);
	f->audit_id = get_str(&r, a);
	f->nlabels = get_u8(&r);
	f->labels = arena_alloc(a, (f->nlabels + 1) * sizeof(cert_label));
	for (size_t i = 0; i < f->nlabels && !r.bad; i++) {
		f->labels[i].objective = get_str(&r, a);
		unsigned k = get_u8(&r);
		if (k != CERT_TEMPORARY && k != CERT_FULL)
			r.bad = true;
		f->labels[i].kind = (cert_kind)k;
		f->labels[i].expires = (cert_day)get_u16(&r);
	}
	if (r.bad || r.at != r.n || f->nlabels == 0 || f->issued == 0) {
		memset(f, 0, sizeof(*f));
		*why = "the token's contents are not well formed";
		return CERT_TOKEN_MALFORMED;
	}
	const cert_key *k = kr ? cert_keyring_find(kr, f->key_id) : NULL;
	if (!k) {
		*why = "it was signed with a key that is not among the "
		       "public keys given";
		return CERT_TOKEN_UNKNOWN_KEY;
	}
	buf msg = {0};
	signed_message(raw, r.n, &msg);
	int bad = crypto_sign_verify_detached(
	    raw + r.n, (const uint8_t *)msg.data, msg.len, k->pk);
	buf_free(&msg);
	if (bad) {
		*why = "the signature does not match the facts: the token was "
		       "changed or is not genuine";
		return CERT_TOKEN_BAD_SIGNATURE;
	}
	if (k->test || cert_is_demo_key(k->id))
		f->test_key = true;
	return CERT_TOKEN_OK;
}

char *cert_token_hash(const char *token, char *out)
{
	cert_init();
	uint8_t h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const uint8_t *)token, strlen(token));
	sodium_bin2hex(out, CERT_HASH_HEX + 1, h, sizeof(h));
	return out;
}
