/* SPDX-License-Identifier: MIT */
/*
 * el2.at: AT S1E2R and AT S1E2W on EL2 stage-1 mappings, without a guest. Each row puts one leaf
 * in the scratch tables (el2_map.h) and translates its VA both ways; PAR_EL1 must be what the
 * oracle (scenarios/model/el2_s1_model.c) gives: F, PA, ATTR (from MAIR_EL2), SH, or on a fault
 * FST with the level, PTW = 0 and S = 0. NS is UNKNOWN for a Non-secure regime: not compared.
 */
#include "el2_run.h"

#define A(name_, level_, desc_, ...)                                                               \
	{                                                                                          \
		.name = "[" name_ "]", .level = (level_), .desc = (desc_), __VA_ARGS__             \
	}

static const struct el2_row el2_at_rows[] = {
	A("l3-rw-wb-ish", 3, EL2_PAGE_RW),
	A("l3-ro-wb-ish", 3, EL2_PAGE_RO),
	A("l3-rx-wb-ish", 3, EL2_PAGE_RX),
	A("l3-wb-nsh", 3, EL2_A(MAIR_IDX_NORMAL_WB, PTE_SH_NON) | PTE_S1_XN | EL2_D_PAGE),
	A("l3-wb-osh", 3, EL2_A(MAIR_IDX_NORMAL_WB, PTE_SH_OUTER) | PTE_S1_XN | EL2_D_PAGE),
	A("l3-nc-ish", 3, EL2_A(MAIR_IDX_NORMAL_NC, PTE_SH_INNER) | PTE_S1_XN | EL2_D_PAGE),
	A("l3-wt-ish", 3, EL2_A(EL2_MAIR_IDX_WT, PTE_SH_INNER) | PTE_S1_XN | EL2_D_PAGE),
	A("l3-iwb-onc-osh", 3, EL2_A(EL2_MAIR_IDX_IWB_ONC, PTE_SH_OUTER) | PTE_S1_XN | EL2_D_PAGE),
	A("l3-dev-nGnRnE", 3, EL2_DEV(MAIR_IDX_DEVICE_nGnRnE)),
	A("l3-dev-nGnRE", 3, EL2_DEV(MAIR_IDX_DEVICE_nGnRE)),
	A("l3-dev-nGRE", 3, EL2_DEV(EL2_MAIR_IDX_nGRE)),
	A("l3-dev-GRE", 3, EL2_DEV(EL2_MAIR_IDX_GRE)),
	A("l2-block-rw", 2, EL2_BLOCK_RW, .offset = 0x1238),
	A("l2-block-ro", 2, EL2_BLOCK_RO),
	A("l1-block-rw", 1, EL2_BLOCK_RW, .offset = 0x10),
	A("l3-aptable-ro", 3, EL2_PAGE_RW, .table_attrs = EL2_TBL_APRO),
	A("l3-invalid", 3, 0),
	A("l2-invalid", 2, 0),
	A("l1-invalid", 1, 0),
	A("l0-invalid", 0, 0),
	A("l0-block", 0, EL2_BLOCK_RW),
	A("l3-reserved-0b01", 3, EL2_PAGE_RW & ~2ULL),
	A("l3-af0", 3, EL2_NO_AF(EL2_PAGE_RW)),
	A("l2-block-af0", 2, EL2_NO_AF(EL2_BLOCK_RW)),
	A("l3-oa-beyond-ps", 3, EL2_PAGE_RW, .oa_beyond_ps = true),
	/* One VA range with E2H = 0: an upper VA is out of range (translation fault, level 0). */
	A("upper-va-e2h0", 3, EL2_PAGE_RW, .va = 0xffffff8000000000ULL),
	/* EL2 MMU off: flat, Device-nGnRnE, Outer Shareable (AArch64.S1DisabledOutput()). */
	A("mmu-off", 3, 0, .flat = true, .sctlr_clear = SCTLR_M),
};

static void run_el2_at(struct scenario_ctx *c, const void *row)
{
	static const enum el2_probe_op ops[] = {EL2_PROBE_AT_S1E2R, EL2_PROBE_AT_S1E2W};

	el2_run_row(c, row, ops, 2);
}

SCENARIO(el2_at, .id = "el2.at",
	 .rule = "AT S1E2R/S1E2W translate in the EL2 regime as AArch64.S1Translate() does and "
		 "report it in PAR_EL1: F 0 with PA, ATTR (MAIR_EL2 byte as EncodePARAttrs()) and "
		 "SH "
		 "(0b10 for Device and Normal iNC-oNC), or F 1 with FST (fault and level), PTW 0, "
		 "S 0; S1E2W needs write permission (AP[2], APTable[1]); MMU off is flat Device-"
		 "nGnRnE",
	 SCENARIO_ROWS(el2_at_rows), .requires = el2_row_requires, .run = run_el2_at);
