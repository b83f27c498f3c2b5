/* SPDX-License-Identifier: MIT */
/*
 * Host tests of scenarios/model/nv_model.c against values worked out by hand from the Arm ARM:
 * EC 0x1A << 26 = 0x68000000, | IL 0x02000000 = 0x6a000000; ISS.ERET = bit 1, ISS.ERETA = bit 0.
 */
#include "nv_model.h"
#include "unit.h"

static void test_eret(void)
{
	unit_eq_u64(esr_expect_eret(false, false), 0x6a000000, "ERET: ISS 0");
	unit_eq_u64(esr_expect_eret(false, true), 0x6a000000, "ERET: ERETA is RES0 without ERET");
	unit_eq_u64(esr_expect_eret(true, false), 0x6a000002, "ERETAA: ERET=1 ERETA=0");
	unit_eq_u64(esr_expect_eret(true, true), 0x6a000003, "ERETAB: ERET=1 ERETA=1");
}

static void test_outcomes(void)
{
	const struct nv_hcr off = {false, false, false}, nv = {true, false, false};
	const struct nv_hcr nv11 = {true, true, false}, nv2 = {true, false, true};
	const struct nv_hcr nv2_nv1 = {true, true, true};
	unsigned off_ = 99;

	/* HCR_EL2 = S3_4_C1_C1_0 */
	unit_eq_u64(nv_sysreg_outcome(&off, 3, 4, 1, 1, 0, &off_), NV_UNDEF,
		    "HCR_EL2, NV=0: UNDEF");
	unit_eq_u64(nv_sysreg_outcome(&nv, 3, 4, 1, 1, 0, &off_), NV_TRAP, "HCR_EL2, NV=1: trap");
	unit_eq_u64(nv_sysreg_outcome(&nv2, 3, 4, 1, 1, 0, &off_), NV_MEMORY, "HCR_EL2, NV2: mem");
	unit_eq_u64(off_, 0x78, "HCR_EL2 VNCR offset 0x78");
	unit_eq_u64(nv_sysreg_outcome(&nv2, 3, 4, 2, 1, 0, &off_), NV_MEMORY, "VTTBR_EL2, NV2");
	unit_eq_u64(off_, 0x20, "VTTBR_EL2 offset 0x20");
	/* VBAR_EL2 = S3_4_C12_C0_0: no VNCR slot, still trapped. */
	unit_eq_u64(nv_sysreg_outcome(&nv2, 3, 4, 12, 0, 0, &off_), NV_TRAP, "VBAR_EL2, NV2: trap");
	unit_eq_u64(nv_sysreg_outcome(&nv2, 3, 4, 4, 0, 1, &off_), NV_EL1_REG,
		    "ELR_EL2, NV2: ELR_EL1");
	/* SCTLR_EL12 = S3_5_C1_C0_0 -> SCTLR_EL1's slot 0x110 with NV1 = 0. */
	unit_eq_u64(nv_sysreg_outcome(&nv, 3, 5, 1, 0, 0, &off_), NV_TRAP, "SCTLR_EL12, NV: trap");
	unit_eq_u64(nv_sysreg_outcome(&nv2, 3, 5, 1, 0, 0, &off_), NV_MEMORY, "SCTLR_EL12, NV2");
	unit_eq_u64(off_, 0x110, "SCTLR_EL12 -> 0x110");
	unit_eq_u64(nv_sysreg_outcome(&off, 3, 5, 1, 0, 0, &off_), NV_UNDEF, "SCTLR_EL12, NV=0");
	/* SCTLR_EL1 itself: real register unless NV1 = 1 with NV2. */
	unit_eq_u64(nv_sysreg_outcome(&nv2, 3, 0, 1, 0, 0, &off_), NV_EXECUTE, "SCTLR_EL1, NV2");
	unit_eq_u64(nv_sysreg_outcome(&nv2_nv1, 3, 0, 1, 0, 0, &off_), NV_MEMORY,
		    "SCTLR_EL1, NV2+NV1: mem");
	unit_eq_u64(nv_sysreg_outcome(&nv11, 3, 0, 1, 0, 0, &off_), NV_EXECUTE,
		    "SCTLR_EL1, NV+NV1: executes");
	/* NV1 traps VBAR_EL1 (S3_0_C12_C0_0), ELR_EL1, SPSR_EL1. */
	unit_eq_u64(nv_sysreg_outcome(&nv11, 3, 0, 12, 0, 0, &off_), NV_TRAP, "VBAR_EL1, NV1");
	unit_eq_u64(nv_sysreg_outcome(&nv11, 3, 0, 4, 0, 1, &off_), NV_TRAP, "ELR_EL1, NV1");
	unit_eq_u64(nv_sysreg_outcome(&nv11, 3, 0, 4, 0, 0, &off_), NV_TRAP, "SPSR_EL1, NV1");
	unit_eq_u64(nv_sysreg_outcome(&nv, 3, 0, 4, 0, 0, &off_), NV_EXECUTE, "SPSR_EL1, NV only");
	unit_eq_u64(nv_sysreg_outcome(&off, 3, 0, 4, 0, 0, &off_), NV_EXECUTE, "SPSR_EL1, no NV");
}

static void test_state(void)
{
	const struct nv_hcr off = {false, false, false}, nv = {true, false, false};
	const struct nv_hcr nv11 = {true, true, false};

	unit_eq_u64(nv_currentel(true), 0x8, "CurrentEL with NV: EL2");
	unit_eq_u64(nv_currentel(false), 0x4, "CurrentEL without NV: EL1");
	unit_eq_u64(nv_spsr_el1_mode(&nv), 0x9, "EL1->EL1 with NV,NV1=1,0: M = EL2h");
	unit_eq_u64(nv_spsr_el1_mode(&off), 0x5, "no NV: M = EL1h");
	unit_eq_u64(nv_spsr_el1_mode(&nv11), 0x5, "NV1=1: M = EL1h");
}

int main(void)
{
	test_eret();
	test_outcomes();
	test_state();
	return unit_done();
}
