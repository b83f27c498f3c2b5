/* SPDX-License-Identifier: MIT */
/* Appending to a fixed buffer: the decoders' and oracles' one-line explanations. */
#include <stdarg.h>
#include <stdio.h>

#include "strbuf.h"

void strbuf_printf(struct strbuf *sb, const char *fmt, ...)
{
	size_t room = sb->pos < sb->len ? sb->len - sb->pos : 0;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(room != 0 ? sb->buf + sb->pos : NULL, room, fmt, ap);
	va_end(ap);
	if (n > 0) {
		sb->pos += (size_t)n;
	}
}
