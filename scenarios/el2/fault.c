/* SPDX-License-Identifier: MIT */
/*
 * el2.fault: EL2 stage-1 faults taken at EL2, without a guest. Each row puts one leaf in the
 * scratch tables (el2_map.h) and makes one access through it with the expected-fault probe
 * (kernel/el2_probe.S); the oracle (scenarios/model/el2_s1_model.c) gives fault or not and the
 * exact ESR_EL2 (EC 0x25 / 0x21, every ISS bit), FAR_EL2 and ELR_EL2. Translation faults at
 * each level, Permission faults (store to read-only, APTable, fetch from XN / XNTable / WXN),
 * Access flag faults, an Address size fault, DC CIVAC (CM = 1), DC ZVA (a store: WnR = 1,
 * CM = 0), and the positive twins.
 */
#include "el2_run.h"

#define F(name_, level_, desc_, op_, ...)                                                          \
	{                                                                                          \
		.name = "[" name_ "]", .level = (level_), .desc = (desc_), .op = (op_),            \
		__VA_ARGS__                                                                        \
	}

static const struct el2_row el2_fault_rows[] = {
	/* Positive twins: the same leaves accessed as they permit. */
	F("ldr-l3-rw", 3, EL2_PAGE_RW, EL2_PROBE_LDR64),
	F("str-l3-rw", 3, EL2_PAGE_RW, EL2_PROBE_STR64),
	F("ldr-l3-ro", 3, EL2_PAGE_RO, EL2_PROBE_LDR64),
	F("fetch-l3-rx", 3, EL2_PAGE_RX, EL2_PROBE_FETCH),
	F("ldr-l2-block", 2, EL2_BLOCK_RW, EL2_PROBE_LDR64),
	F("ldr-l1-block", 1, EL2_BLOCK_RW, EL2_PROBE_LDR32),
	F("dc-civac-l3-rw", 3, EL2_PAGE_RW, EL2_PROBE_DC_CIVAC),
	F("dc-zva-l3-rw", 3, EL2_PAGE_RW, EL2_PROBE_DC_ZVA),
	/* Translation faults, one per level; descriptors the 4K granule does not allow. */
	F("ldr-l3-invalid", 3, 0, EL2_PROBE_LDR64),
	F("ldr-l2-invalid", 2, 0, EL2_PROBE_LDR64),
	F("ldr-l1-invalid", 1, 0, EL2_PROBE_LDR64),
	F("ldr-l0-invalid", 0, 0, EL2_PROBE_LDR64),
	F("str-l3-invalid", 3, 0, EL2_PROBE_STR64),
	F("strb-l2-invalid", 2, 0, EL2_PROBE_STRB),
	F("ldr-l0-block", 0, EL2_BLOCK_RW, EL2_PROBE_LDR64),
	F("ldr-l3-reserved-0b01", 3, EL2_PAGE_RW & ~2ULL, EL2_PROBE_LDR64),
	F("fetch-l3-invalid", 3, 0, EL2_PROBE_FETCH),
	F("dc-civac-l3-invalid", 3, 0, EL2_PROBE_DC_CIVAC),
	/* Permission faults at the leaf's level. */
	F("str-l3-ro", 3, EL2_PAGE_RO, EL2_PROBE_STR64),
	F("strb-l2-block-ro", 2, EL2_BLOCK_RO, EL2_PROBE_STRB),
	F("str-l3-aptable-ro", 3, EL2_PAGE_RW, EL2_PROBE_STR64, .table_attrs = EL2_TBL_APRO),
	F("dc-zva-l3-ro", 3, EL2_PAGE_RO, EL2_PROBE_DC_ZVA),
	F("dc-zva-l3-invalid", 3, 0, EL2_PROBE_DC_ZVA),
	F("fetch-l3-xn", 3, EL2_PAGE_RW, EL2_PROBE_FETCH),
	F("fetch-l3-wxn", 3, EL2_PAGE_RWX, EL2_PROBE_FETCH),
	F("fetch-l3-xntable", 3, EL2_PAGE_RX, EL2_PROBE_FETCH, .table_attrs = EL2_TBL_XN),
	F("fetch-l2-block-xn", 2, EL2_BLOCK_RO, EL2_PROBE_FETCH),
	/* Access flag faults (TCR_EL2.HA = 0), before permission; a DC's is IMPLEMENTATION DEFINED.
	 */
	F("ldr-l3-af0", 3, EL2_NO_AF(EL2_PAGE_RW), EL2_PROBE_LDR64),
	F("str-l3-af0-ro", 3, EL2_NO_AF(EL2_PAGE_RO), EL2_PROBE_STR64),
	F("ldr-l2-block-af0", 2, EL2_NO_AF(EL2_BLOCK_RW), EL2_PROBE_LDR64),
	F("ldr-l1-block-af0", 1, EL2_NO_AF(EL2_BLOCK_RW), EL2_PROBE_LDR64),
	F("fetch-l3-af0", 3, EL2_NO_AF(EL2_PAGE_RX), EL2_PROBE_FETCH),
	F("dc-civac-l3-af0", 3, EL2_NO_AF(EL2_PAGE_RW), EL2_PROBE_DC_CIVAC),
	F("dc-zva-l3-af0", 3, EL2_NO_AF(EL2_PAGE_RW), EL2_PROBE_DC_ZVA),
	/* Address size fault: output address bit [PS] set. */
	F("ldr-l3-oa-beyond-ps", 3, EL2_PAGE_RW, EL2_PROBE_LDR64, .oa_beyond_ps = true),
};

static void run_el2_fault(struct scenario_ctx *c, const void *row)
{
	const struct el2_row *r = row;

	el2_run_row(c, r, &r->op, 1);
}

SCENARIO(
	el2_fault, .id = "el2.fault",
	.rule = "an EL2 stage-1 fault is taken at EL2 as AArch64.S1Translate()/S1Walk()/"
		"S1CheckPermissions() give it: translation fault at the level of the invalid (or "
		"not permitted: level-0 block, level-3 0b01) descriptor, Address size, Access flag "
		"(HA = 0) and Permission faults at the leaf's level (AP[2], APTable[1], XN, "
		"XNTable, WXN); ESR_EL2 per AArch64.FaultSyndrome(): EC 0x25/0x21, IL 1, ISV 0, "
		"FnV/EA/S1PTW/SET 0, CM 1 and WnR 1 for DC CIVAC, WnR for stores; FAR_EL2 = the "
		"VA, "
		"ELR_EL2 = the faulting instruction (the target for a fetch)",
	SCENARIO_ROWS(el2_fault_rows), .requires = el2_row_requires, .run = run_el2_fault,
	.ec = "0x21 0x25", .control = "EL2 stage 1 (TTBR0_EL2)");
