/*
 * libFuzzer target for the DTB parser (`make fuzz`): coverage-guided mutation, seeded with the
 * QEMU virt fixtures, for longer runs than the deterministic tests/unit/dtb_fuzz_test.c that
 * `make check` runs. The input is copied into a heap block of exactly its size (malloc is
 * 16-byte aligned, as a DTB must be 8-byte aligned), so ASan flags any read past its end from
 * instrumented code; Debian's libfdt is not instrumented (dtb_check() bounds what it reads).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "platform.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *blob = malloc(size ? size : 1);
	struct platform p;
	char err[256];
	const struct platform_boot boot = {
		.dtb = blob,
		.dtb_size = size,
		.dtb_pa = 0x48000000, /* where QEMU's -kernel boot puts it */
		.image = {0x40200000, 0x200000},
		.pa_bits = 48,
	};

	if (!blob) {
		return 0;
	}
	memcpy(blob, data, size);
	if (platform_parse(&p, &boot, err, sizeof(err)) && strncmp(err, "DTB", 3)) {
		abort(); /* every error is one of the parser's own messages */
	}
	free(blob);
	return 0;
}
