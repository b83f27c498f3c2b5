/* SPDX-License-Identifier: MIT */
/*
 * el2.align: Alignment faults at EL2, without a guest. With SCTLR_EL2.A = 1 an unaligned load or
 * store faults (DFSC 0x21) before translation, so even to an unmapped VA; with A = 0 an
 * unaligned access to Normal memory does not fault, but one to Device memory does (any of the
 * four types, before the permission check), and an exclusive always must be aligned; with the
 * EL2 MMU off every data access is Device-nGnRnE, so an unaligned access faults whatever A is.
 * A and M change for the probed access only (kernel/el2_probe.S: the window touches no other
 * memory, the data page is cleaned to the PoC first, the code is identity mapped).
 */
#include "el2_run.h"

#define AL(name_, desc_, op_, offset_, ...)                                                        \
	{                                                                                          \
		.name = "[" name_ "]", .level = 3, .desc = (desc_), .op = (op_),                   \
		.offset = (offset_), __VA_ARGS__                                                   \
	}
#define A1  .sctlr_set = SCTLR_A
#define OFF .flat = true, .sctlr_clear = SCTLR_M

static const struct el2_row el2_align_rows[] = {
	/* SCTLR_EL2.A = 1. */
	AL("a1-ldr-x-normal+1", EL2_PAGE_RW, EL2_PROBE_LDR64, 1, A1),
	AL("a1-ldr-w-normal+2", EL2_PAGE_RW, EL2_PROBE_LDR32, 2, A1),
	AL("a1-ldrh-normal+1", EL2_PAGE_RW, EL2_PROBE_LDRH, 1, A1),
	AL("a1-str-x-normal+4", EL2_PAGE_RW, EL2_PROBE_STR64, 4, A1),
	AL("a1-strb-normal+1", EL2_PAGE_RW, EL2_PROBE_STRB, 1, A1),
	AL("a1-ldr-x-normal+8", EL2_PAGE_RW, EL2_PROBE_LDR64, 8, A1),
	AL("a1-ldr-x-unmapped+1", 0, EL2_PROBE_LDR64, 1, A1),
	AL("a1-ldr-x-dev-nGnRE+1", EL2_DEV(MAIR_IDX_DEVICE_nGnRE), EL2_PROBE_LDR64, 1, A1),
	/* SCTLR_EL2.A = 0 (the harness's own setting). */
	AL("a0-ldr-x-normal+1", EL2_PAGE_RW, EL2_PROBE_LDR64, 1),
	AL("a0-ldr-w-normal+2", EL2_PAGE_RW, EL2_PROBE_LDR32, 2),
	AL("a0-str-x-normal+3", EL2_PAGE_RW, EL2_PROBE_STR64, 3),
	AL("a0-ldr-x-nc+1", EL2_A(MAIR_IDX_NORMAL_NC, PTE_SH_INNER) | PTE_S1_XN | EL2_D_PAGE,
	   EL2_PROBE_LDR64, 1),
	AL("a0-ldxr-normal+4", EL2_PAGE_RW, EL2_PROBE_LDXR64, 4),
	AL("a0-ldxr-normal+8", EL2_PAGE_RW, EL2_PROBE_LDXR64, 8),
	AL("a0-ldxr-normal+12", EL2_PAGE_RW, EL2_PROBE_LDXR64, 12),
	AL("a0-ldr-x-unmapped+1", 0, EL2_PROBE_LDR64, 1),
	AL("a0-ldr-x-dev-nGnRnE+1", EL2_DEV(MAIR_IDX_DEVICE_nGnRnE), EL2_PROBE_LDR64, 1),
	AL("a0-ldr-w-dev-nGnRE+2", EL2_DEV(MAIR_IDX_DEVICE_nGnRE), EL2_PROBE_LDR32, 2),
	AL("a0-ldrh-dev-nGRE+1", EL2_DEV(EL2_MAIR_IDX_nGRE), EL2_PROBE_LDRH, 1),
	AL("a0-ldr-x-dev-GRE+4", EL2_DEV(EL2_MAIR_IDX_GRE), EL2_PROBE_LDR64, 4),
	AL("a0-ldr-x-dev-nGnRE+8", EL2_DEV(MAIR_IDX_DEVICE_nGnRE), EL2_PROBE_LDR64, 8),
	AL("a0-str-x-dev-ro+4", EL2_DEV(MAIR_IDX_DEVICE_nGnRE) | PTE_S1_AP_RO, EL2_PROBE_STR64, 4),
	/* DC ZVA to any Device type faults, aligned or not (AccessType_DCZero). */
	AL("a0-dc-zva-dev-nGnRE", EL2_DEV(MAIR_IDX_DEVICE_nGnRE), EL2_PROBE_DC_ZVA, 0),
	AL("a0-dc-zva-dev-GRE", EL2_DEV(EL2_MAIR_IDX_GRE), EL2_PROBE_DC_ZVA, 0),
	/* EL2 MMU off: the data page at its own address, Device-nGnRnE. */
	AL("mmuoff-a0-ldr-x+1", 0, EL2_PROBE_LDR64, 1, OFF),
	AL("mmuoff-a0-ldr-w+2", 0, EL2_PROBE_LDR32, 2, OFF),
	AL("mmuoff-a0-ldrh+1", 0, EL2_PROBE_LDRH, 1, OFF),
	AL("mmuoff-a0-str-x+4", 0, EL2_PROBE_STR64, 4, OFF),
	AL("mmuoff-a1-ldr-x+1", 0, EL2_PROBE_LDR64, 1, OFF, A1),
	AL("mmuoff-a0-ldr-x+8", 0, EL2_PROBE_LDR64, 8, OFF),
};

static void run_el2_align(struct scenario_ctx *c, const void *row)
{
	const struct el2_row *r = row;

	el2_run_row(c, r, &r->op, 1);
}

SCENARIO(el2_align, .id = "el2.align",
	 .rule = "AArch64.CheckAlignment(): with SCTLR_EL2.A = 1 an unaligned access faults "
		 "before translation, an exclusive always when unaligned; "
		 "AArch64.S1HasAlignmentFault(): with A = 0 an unaligned access to any Device type "
		 "faults (after the walk, before permissions), to Normal it does not; with the EL2 "
		 "MMU off data is Device-nGnRnE (AArch64.S1DisabledOutput()), so unaligned faults; "
		 "ESR_EL2 EC 0x25, DFSC 0x21 (AArch64.AlignmentFault()), WnR, FAR_EL2 = the VA",
	 SCENARIO_ROWS(el2_align_rows), .requires = el2_row_requires, .run = run_el2_align,
	 .ec = "0x25", .control = "SCTLR_EL2.A, SCTLR_EL2.M");
