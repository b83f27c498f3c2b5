/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_STRBUF_H
#define KERNEL_STRBUF_H

#include <stddef.h>

/**
 * struct strbuf - an append-only view of a caller's buffer. @pos counts what would have been
 * written (snprintf semantics), so a truncated result still reports its full length.
 */
struct strbuf {
	char *buf;
	size_t len;
	size_t pos;
};

#define STRBUF(b, l) ((struct strbuf){.buf = (b), .len = (l), .pos = 0})

/** Append formatted text; the buffer stays NUL-terminated whenever it is non-empty. */
void strbuf_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
