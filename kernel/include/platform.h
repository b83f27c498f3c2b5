/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_PLATFORM_H
#define KERNEL_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PLATFORM_MAX_MEM  8
#define PLATFORM_MAX_GICR 4

struct mem_range {
	uint64_t base;
	uint64_t size;
};

enum uart_kind { UART_NONE, UART_PL011, UART_NS16550 };
enum psci_conduit { PSCI_NONE, PSCI_SMC, PSCI_HVC };

/** Everything hyptap learns from the DTB; filled once by platform_discover(). */
struct platform {
	char model[64];
	char compatible[64];
	struct mem_range mem[PLATFORM_MAX_MEM];
	unsigned mem_count;

	enum uart_kind uart_kind;
	struct mem_range uart;
	unsigned uart_reg_shift; /* ns16550 "reg-shift" */

	unsigned gic_version; /* 0 = none found, 2, 3 */
	struct mem_range gicd;
	struct mem_range gicr[PLATFORM_MAX_GICR];
	unsigned gicr_count;
	struct mem_range gicc; /* GICv2 CPU interface */

	/* Architected timer PPIs as INTIDs (PPI n = INTID 16 + n). */
	unsigned timer_intid_sec_phys, timer_intid_phys, timer_intid_virt, timer_intid_hyp;

	enum psci_conduit psci;
	char bootargs[1024];
	const void *dtb;
	size_t dtb_size;
};

extern struct platform platform;

/**
 * platform_discover() - fill `platform` from the flattened device tree at @dtb.
 * Return: 0, or -1 with a one-line reason in @err (no memory node, no UART, ...).
 */
int platform_discover(const void *dtb, char *err, size_t errlen);

#endif
