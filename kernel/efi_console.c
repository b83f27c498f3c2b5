/* SPDX-License-Identifier: MIT */
/*
 * Messages before ExitBootServices: UEFI's ConOut, the only console the EFI entry may use (the
 * firmware owns the UART until then). ASCII in, UCS-2 out, "\n" as "\r\n" as UEFI consoles expect.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include "efi_entry.h"

void efi_console_print(struct efi_system_table *st, const char *fmt, ...)
{
	char line[512];
	efi_char16_t out[64];
	size_t n = 0;
	va_list ap;
	int len;

	if (!st || !st->con_out || !st->con_out->output_string) {
		return;
	}
	va_start(ap, fmt);
	len = snprintf(line, sizeof(line), "hyptap: ");
	vsnprintf(line + len, sizeof(line) - (size_t)len, fmt, ap);
	va_end(ap);
	for (const char *p = line;; p++) {
		bool end = !*p;

		if (end || n + 3 >= sizeof(out) / sizeof(out[0])) {
			if (end) {
				out[n++] = '\r';
				out[n++] = '\n';
			}
			out[n] = 0;
			st->con_out->output_string(st->con_out, out);
			n = 0;
		}
		if (end) {
			return;
		}
		out[n++] = (efi_char16_t)(unsigned char)*p;
	}
}
