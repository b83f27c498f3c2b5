/* SPDX-License-Identifier: MIT */
/*
 * Bootargs from LoadOptions. UEFI loaders pass a command line as UCS-2 (the edk2 shell, GRUB's
 * chainloader, systemd-boot, efibootmgr -u); hyptap's bootargs are ASCII, so anything else is
 * refused with the character and its position rather than guessed at. Pure code.
 */
#include <stdio.h>

#include "efi_boot.h"

int efi_cmdline_ascii(const void *opts, uint32_t size, char *out, size_t outlen, char *err,
		      size_t errlen)
{
	const uint8_t *p = opts;
	size_t n = 0;

	out[0] = '\0';
	if (!opts || !size) {
		return 0;
	}
	if (size & 1) {
		snprintf(err, errlen,
			 "LoadOptions is %u bytes, an odd size: not a UCS-2 command line", size);
		return -1;
	}
	for (uint32_t i = 0; i < size / 2; i++) {
		unsigned c = p[2 * i] | (unsigned)p[2 * i + 1] << 8; /* may be unaligned */

		if (!c) {
			break;
		}
		if (c == '\t' || c == '\n' || c == '\r') {
			c = ' ';
		}
		if (c < 0x20 || c > 0x7e) {
			snprintf(err, errlen,
				 "LoadOptions character %u is U+%04X: bootargs must be "
				 "printable ASCII",
				 i + 1, c);
			return -1;
		}
		if (n + 1 >= outlen) {
			snprintf(err, errlen, "LoadOptions is longer than %zu characters",
				 outlen - 1);
			return -1;
		}
		out[n++] = (char)c;
	}
	out[n] = '\0';
	return 0;
}
