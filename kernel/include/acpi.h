/* SPDX-License-Identifier: MIT */
/*
 * The ACPI tables hyptap reads (ACPI 6.5 chapter 5; layouts cross-checked against Linux
 * include/acpi/actbl*.h and edk2 MdePkg/Include/IndustryStandard/Acpi65.h): the RSDP, the XSDT,
 * and of the tables it lists the MADT (GIC and CPUs), the GTDT (timer PPIs), the SPCR (console
 * UART) and the FADT (PSCI). Pure code over tables that may be hostile: every table is reached
 * through an acpi_mem map that says what is readable, every length and offset is checked before
 * it is read, and every failure is one line naming the table and the field.
 */
#ifndef KERNEL_ACPI_H
#define KERNEL_ACPI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform.h"

/** Most enabled GICC entries (CPUs) kept; more is refused (a DTB would have to drop them). */
#define ACPI_MAX_CPUS 512
/** Most GIC ITS entries kept; more is refused. */
#define ACPI_MAX_ITS 8
/** Largest table hyptap reads whole (a MADT of ACPI_MAX_CPUS GICCs is about 42 KiB). */
#define ACPI_TABLE_MAX (1u << 20)

/**
 * struct acpi_mem - how the parser reads physical memory.
 * @map: @len bytes at physical address @pa, or NULL if they are not all readable. The image
 *       maps them 1:1 (UEFI's map); the host tests map a fixture's tables only.
 */
struct acpi_mem {
	const void *(*map)(const struct acpi_mem *mem, uint64_t pa, uint64_t len);
	void *ctx;
};

/** The GTDT's architected timers, in the order of the arm,armv8-timer binding's interrupts. */
enum acpi_timer_index {
	ACPI_TIMER_SEC_EL1,  /* secure EL1 physical */
	ACPI_TIMER_NS_EL1,   /* non-secure EL1 physical */
	ACPI_TIMER_VIRT_EL1, /* EL1 virtual */
	ACPI_TIMER_NS_EL2,   /* non-secure EL2 physical (the hypervisor timer) */
	ACPI_TIMER_VIRT_EL2, /* non-secure EL2 virtual (GTDT revision 3; GSIV 0: none) */
	ACPI_TIMER_COUNT
};

/** GTDT timer flags (ACPI 6.5 table 5.123): edge-triggered, active low. */
#define ACPI_GTDT_EDGE	     (1u << 0)
#define ACPI_GTDT_ACTIVE_LOW (1u << 1)

/** One GTDT timer: its GSIV (an INTID; 0 for an optional timer that is absent) and flags. */
struct acpi_timer {
	uint32_t gsiv;
	uint32_t flags;
};

/**
 * struct acpi_platform - what acpi_parse() learns from the tables.
 * @oem_id, @oem_table_id: the XSDT's, NUL-terminated, trailing spaces cut.
 * @gic_version:   2 or 3 (the MADT GICD's version; 4 is a GICv3 with GICv4 redistributors).
 * @gicr_stride:   bytes per redistributor (2 or 4 x 64 KiB) when @gicr came from the GICCs.
 * @gicr:          GICv3 redistributor regions: the GICR entries, or the GICCs' GICR bases
 *                 merged where they are contiguous.
 * @gicc, @gich, @gicv: GICv2 CPU, hypervisor and virtual CPU interfaces (0: none).
 * @maint_gsiv:    the VGIC maintenance interrupt (0: none); @maint_flags its GICC flag (edge).
 * @uart_kind, @uart_base, @uart_reg_shift: the SPCR console; @spcr_type its interface type.
 * @psci, @psci_hvc: FADT ARM boot flags PSCI_COMPLIANT and PSCI_USE_HVC.
 * @cpus:          the MPIDR (affinity only) of each enabled GICC, in MADT order.
 */
struct acpi_platform {
	char oem_id[7];
	char oem_table_id[9];

	unsigned gic_version;
	uint64_t gicd;
	struct mem_range gicr[PLATFORM_MAX_GICR];
	unsigned gicr_count;
	uint64_t gicr_stride;
	uint64_t gicc, gich, gicv;
	uint64_t its[ACPI_MAX_ITS];
	unsigned its_count;
	uint32_t maint_gsiv;
	bool maint_edge;

	struct acpi_timer timer[ACPI_TIMER_COUNT];

	enum uart_kind uart_kind;
	uint64_t uart_base;
	unsigned uart_reg_shift;
	unsigned spcr_type;

	bool psci, psci_hvc;

	uint64_t cpus[ACPI_MAX_CPUS];
	unsigned cpu_count;
};

/**
 * acpi_parse() - decide @ap from the ACPI tables whose RSDP is at physical address @rsdp_pa.
 *
 * The RSDP (revision 2 or later, both checksums), the XSDT (length, checksum), then each table
 * hyptap needs, found by signature among the XSDT's entries (each header readable, length at
 * least a header, checksum; a signature hyptap reads listed once): FADT, MADT, GTDT, SPCR.
 *
 * Return: 0, or -1 with a one-line reason in @err ("ACPI MADT: GICC entry 3 ...").
 */
int acpi_parse(const struct acpi_mem *mem, uint64_t rsdp_pa, struct acpi_platform *ap, char *err,
	       size_t errlen);

/**
 * acpi_fdt_build_from() - acpi_fdt_build() over @mem (the host tests' tables) instead of the
 * image's 1:1 map. See acpi_fdt.h.
 */
int acpi_fdt_build_from(const struct acpi_mem *mem, uint64_t rsdp_pa, const struct mem_range *ram,
			unsigned ram_count, void *fdt, size_t size, char *err, size_t errlen);

#endif
