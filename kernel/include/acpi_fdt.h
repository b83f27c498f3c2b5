/* SPDX-License-Identifier: MIT */
/*
 * ACPI to the DTB contract: on a UEFI system that publishes ACPI tables and no DTB (servers,
 * SBSA / SystemReady), the EFI entry builds a DTB from the tables, so that the rest of hyptap
 * reads one platform description (platform_parse()) whichever firmware interface it came from.
 */
#ifndef ACPI_FDT_H
#define ACPI_FDT_H

#include <stddef.h>

#include "platform.h"

/**
 * acpi_fdt_build() - a DTB describing the platform of the ACPI tables at @rsdp.
 * @rsdp:      the ACPI 2.0+ RSDP (EFI configuration table EFI_ACPI_20_TABLE_GUID); it and every
 *             table it leads to are readable at their physical addresses.
 * @ram:       the RAM ranges (from the EFI memory map), @ram_count of them: its /memory nodes.
 * @fdt:       where to build the DTB, @size bytes.
 * @err:       on failure, why, naming the table and field (@errlen bytes).
 *
 * The DTB has what platform_parse() needs: /memory, the console (SPCR), the GIC (MADT: GICD,
 * GICR or the GICC redistributors, GICC/GICH/GICV for GICv2, the maintenance interrupt, the
 * ITS), the timer PPIs (GTDT, the EL2 timer included), /psci (FADT ARM boot flags) and /cpus
 * (MADT GICC MPIDRs). /chosen is left to the caller (bootargs, hyptap,boot, hyptap,firmware).
 *
 * Return: 0, or -1 with @err set.
 */
int acpi_fdt_build(const void *rsdp, const struct mem_range *ram, unsigned ram_count, void *fdt,
		   size_t size, char *err, size_t errlen);

#endif
