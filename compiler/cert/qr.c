/*
 * qr.c - the QR code of a certificate's verification address, as a
 * matrix of modules that the certificate page draws as rectangles.
 */
#include <errno.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "cert.h"

uint8_t *cert_qr(const char *text, int *size, diags *d)
{
	QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!q) {
		diag_error(d, NO_POS,
		           "the verification address (%zu characters) does "
		           "not fit in a QR code: %s",
		           strlen(text), strerror(errno));
		return NULL;
	}
	size_t n = (size_t)q->width * (size_t)q->width;
	uint8_t *m = xmalloc(n);
	for (size_t i = 0; i < n; i++)
		m[i] = q->data[i] & 1;
	*size = q->width;
	QRcode_free(q);
	return m;
}
