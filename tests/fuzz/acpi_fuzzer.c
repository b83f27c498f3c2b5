/*
 * libFuzzer target for the ACPI parser and the ACPI-to-DTB builder (`make fuzz-acpi`):
 * coverage-guided mutation, seeded with the QEMU tables of tests/acpi/ (each fixture as one flat
 * window of memory from its RSDP on, written by ACPI_FUZZ_SEEDS=DIR build/host/acpi_fuzz_test),
 * for longer runs than the deterministic tests/unit/acpi_fuzz_test.c that `make check` runs.
 * The input is physical memory at ACPI_FUZZ_BASE with the RSDP at its first byte; the map
 * grants reads inside it only, and it is copied into a heap block of exactly its size, so ASan
 * flags any read past what the map granted. Every error must be the parser's own ("ACPI ...")
 * or, for a DTB built, platform_parse()'s ("DTB ...").
 */
#include <libfdt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "acpi.h"
#include "platform.h"

/* Where QEMU 7.2 and 10.0's edk2 put the RSDP (tests/acpi/qemu-*). */
#define ACPI_FUZZ_BASE 0x5c430018ull

struct window {
	const uint8_t *p;
	size_t size;
};

static const void *window_map(const struct acpi_mem *mem, uint64_t pa, uint64_t len)
{
	const struct window *w = mem->ctx;

	if (pa < ACPI_FUZZ_BASE || pa - ACPI_FUZZ_BASE > w->size ||
	    len > w->size - (pa - ACPI_FUZZ_BASE)) {
		return NULL;
	}
	return w->p + (pa - ACPI_FUZZ_BASE);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t dtb[128 * 1024] __attribute__((aligned(8)));
	static const struct mem_range ram = {0x40000000, 0x20000000};
	uint8_t *copy = malloc(size ? size : 1);
	struct window w = {copy, size};
	const struct acpi_mem mem = {window_map, &w};
	struct platform p;
	char err[256];
	const struct platform_boot boot = {
		.dtb = dtb,
		.dtb_size = sizeof(dtb),
		.dtb_pa = 0x48000000,
		.image = {0x40200000, 0x200000},
		.pa_bits = 48,
	};

	if (!copy) {
		return 0;
	}
	memcpy(copy, data, size);
	if (acpi_fdt_build_from(&mem, ACPI_FUZZ_BASE, &ram, 1, dtb, sizeof(dtb), err,
				sizeof(err))) {
		if (strncmp(err, "ACPI ", 5)) {
			abort();
		}
	} else if (fdt_check_full(dtb, fdt_totalsize(dtb)) ||
		   (platform_parse(&p, &boot, err, sizeof(err)) && strncmp(err, "DTB ", 4))) {
		abort();
	}
	free(copy);
	return 0;
}
