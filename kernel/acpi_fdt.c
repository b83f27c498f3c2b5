/* SPDX-License-Identifier: MIT */
/*
 * Placeholder until the ACPI parser lands (issue 11, item 5): an ACPI-only UEFI system is
 * refused with a message saying so, never booted with a made-up platform.
 */
#include <stdio.h>

#include "acpi_fdt.h"

int acpi_fdt_build(const void *rsdp, const struct mem_range *ram, unsigned ram_count, void *fdt,
		   size_t size, char *err, size_t errlen)
{
	(void)rsdp, (void)ram, (void)ram_count, (void)fdt, (void)size;
	snprintf(err, errlen, "the firmware gives ACPI tables and no DTB: not supported yet");
	return -1;
}
