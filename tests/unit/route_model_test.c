/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the routing oracle (scenarios/model/route_model.c) against outcomes worked out
 * by hand from the Arm ARM (DDI 0487) pseudocode and the ESR_ELx ISS encodings.
 *
 * EC << 26: 0x00 -> 0x00000000, 0x0e -> 0x38000000, 0x15 -> 0x54000000, 0x18 -> 0x60000000,
 * 0x21 -> 0x84000000, 0x22 -> 0x88000000, 0x24 -> 0x90000000, 0x25 -> 0x94000000,
 * 0x26 -> 0x98000000, 0x2c -> 0xb0000000, 0x3c -> 0xf0000000; IL (bit 25) = 0x02000000.
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/esr.h"
#include "route_model.h"
#include "unit.h"

#define PC 0x40001000ULL

static const struct exc_ctl tge0 = {.tge = false};
static const struct exc_ctl tge1 = {.tge = true};
static const struct exc_ctl tde1 = {.tde = true};

/* Check every field of an outcome; @far = ~0 means FAR is UNKNOWN. */
static void check(const char *what, const struct exc_event *ev, const struct exc_ctl *ctl,
		  unsigned el, uint64_t vector, uint64_t esr, uint64_t elr, uint64_t far,
		  unsigned spsr_m)
{
	struct exc_expect x = exc_route(ev, ctl);

	unit_ok(x.taken, "%s: taken", what);
	unit_eq_u64(x.el, el, what);
	unit_eq_u64(x.vector, vector, what);
	unit_eq_u64(x.esr, esr, what);
	unit_eq_u64(x.elr, elr, what);
	unit_eq_u64(x.far_valid, far != ~0ULL, what);
	if (far != ~0ULL) {
		unit_eq_u64(x.far, far, what);
	}
	unit_eq_u64(x.spsr_m, spsr_m, what);
	unit_eq_u64(x.spsr_il, ev->kind == EXC_ILLEGAL_STATE, what);
}

static void test_el0_tge(void)
{
	struct exc_event svc = {.kind = EXC_SVC, .el = 0, .pc = PC, .imm = 0x42};

	/* Linux syscalls: SVC #0 -> 0x56000000 in ESR_EL1; the imm16 is in ISS[15:0]. */
	check("EL0 SVC, TGE 0: EL1 lower-EL vector, ELR = next", &svc, &tge0, 1, 0x400, 0x56000042,
	      PC + 4, ~0ULL, 0);
	check("EL0 SVC, TGE 1: routed to EL2", &svc, &tge1, 2, 0x400, 0x56000042, PC + 4, ~0ULL, 0);

	struct exc_event undef = {.kind = EXC_UNDEFINED, .el = 0, .pc = PC};

	check("EL0 UNDEFINED (HVC at EL0), TGE 1", &undef, &tge1, 2, 0x400, 0x02000000, PC, ~0ULL,
	      0);
	check("EL0 UNDEFINED, TGE 0", &undef, &tge0, 1, 0x400, 0x02000000, PC, ~0ULL, 0);

	/* MRS x3, CTR_EL0 with SCTLR_EL1.UCT = 0: ISS 3<<20 | 1<<17 | 3<<14 | 3<<5 | 1. */
	struct exc_event ctr = {
		.kind = EXC_SYSREG_TRAP, .el = 0, .pc = PC, .sys = {3, 3, 0, 0, 1, 3, true}};

	check("EL0 MRS CTR_EL0 (UCT 0), TGE 1: EC 0x18 to EL2", &ctr, &tge1, 2, 0x400, 0x6232c061,
	      PC, ~0ULL, 0);

	struct exc_event wfi = {.kind = EXC_WFI_TRAP, .el = 0, .pc = PC};

	check("EL0 WFI (nTWI 0), TGE 1: EC 0x01 CV 1 COND 0xe", &wfi, &tge1, 2, 0x400, 0x07e00000,
	      PC, ~0ULL, 0);
	check("EL0 WFI (nTWI 0), TGE 0: to EL1", &wfi, &tge0, 1, 0x400, 0x07e00000, PC, ~0ULL, 0);

	struct exc_event pca = {.kind = EXC_PC_ALIGN, .el = 0, .pc = PC, .va = PC + 0x102};

	check("EL0 PC alignment, TGE 1: ELR = FAR = the misaligned PC", &pca, &tge1, 2, 0x400,
	      0x8a000000, PC + 0x102, PC + 0x102, 0);

	struct exc_event spa = {.kind = EXC_SP_ALIGN, .el = 0, .pc = PC};

	check("EL0 SP alignment, TGE 0", &spa, &tge0, 1, 0x400, 0x9a000000, PC, ~0ULL, 0);
	check("EL0 SP alignment, TGE 1", &spa, &tge1, 2, 0x400, 0x9a000000, PC, ~0ULL, 0);

	struct exc_event ld = {.kind = EXC_DATA_ALIGN, .el = 0, .pc = PC, .va = 0x40002001};
	struct exc_event st = {
		.kind = EXC_DATA_ALIGN, .el = 0, .pc = PC, .va = 0x40002001, .is_write = true};

	/* Alignment fault: EC 0x24, IL, ISV 0, DFSC 0x21; WnR (bit 6) = 0x40 for the store. */
	check("EL0 unaligned load from Device, TGE 1", &ld, &tge1, 2, 0x400, 0x92000021, PC,
	      0x40002001, 0);
	check("EL0 unaligned store to Device, TGE 1", &st, &tge1, 2, 0x400, 0x92000061, PC,
	      0x40002001, 0);
	check("EL0 unaligned load, TGE 0: EC 0x24 at EL1 too (lower EL)", &ld, &tge0, 1, 0x400,
	      0x92000021, PC, 0x40002001, 0);

	struct exc_event ill = {.kind = EXC_ILLEGAL_STATE, .el = 0, .pc = PC};

	check("EL0 illegal execution state, TGE 1", &ill, &tge1, 2, 0x400, 0x3a000000, PC, ~0ULL,
	      0);

	/* FDIV by zero with FPCR.DZE: TFV (bit 23) | DZF (bit 1); VECITR [10:8] UNKNOWN. */
	struct exc_event fp = {
		.kind = EXC_FP_TRAPPED, .el = 0, .pc = PC, .fp_flags = ESR_ISS_FP_DZF};
	struct exc_expect x = exc_route(&fp, &tge1);

	check("EL0 trapped FP divide-by-zero, TGE 1", &fp, &tge1, 2, 0x400, 0xb2800002, PC, ~0ULL,
	      0);
	unit_eq_u64(x.esr_unknown, 0x700, "trapped FP: VECITR is UNKNOWN from AArch64");
	fp.fp_flags = 0xffffffff;
	unit_eq_u64(exc_route(&fp, &tge0).esr, 0xb280009f, "trapped FP: only the flag bits");
}

static void test_debug_routing(void)
{
	struct exc_event brk1 = {.kind = EXC_BRK, .el = 1, .pc = PC, .imm = 0x77};
	struct exc_event brk0 = {.kind = EXC_BRK, .el = 0, .pc = PC, .imm = 0x800};

	check("EL1 BRK, TDE 0: own vector", &brk1, &tge0, 1, 0x200, 0xf2000077, PC, ~0ULL, 5);
	check("EL1 BRK, TDE 1: EL2", &brk1, &tde1, 2, 0x400, 0xf2000077, PC, ~0ULL, 5);
	check("EL0 BRK, TGE 1 (TDE treated as 1)", &brk0, &tge1, 2, 0x400, 0xf2000800, PC, ~0ULL,
	      0);
	check("EL0 BRK, TGE 0 TDE 0", &brk0, &tge0, 1, 0x400, 0xf2000800, PC, ~0ULL, 0);
	/* TDE routes debug exceptions only: an EL1 UDF stays at EL1. */
	struct exc_event udf = {.kind = EXC_UNDEFINED, .el = 1, .pc = PC};

	check("EL1 UDF, TDE 1: still EL1", &udf, &tde1, 1, 0x200, 0x02000000, PC, ~0ULL, 5);
}

static void test_el1_own(void)
{
	struct exc_event svc = {.kind = EXC_SVC, .el = 1, .pc = PC, .imm = 0x5a5a};

	check("EL1h SVC: current-EL SPx vector", &svc, &tge0, 1, 0x200, 0x56005a5a, PC + 4, ~0ULL,
	      5);

	struct exc_event pca = {.kind = EXC_PC_ALIGN, .el = 1, .sp0 = true, .pc = PC, .va = PC + 6};

	check("EL1t PC alignment: SP_EL0 vector", &pca, &tge0, 1, 0x000, 0x8a000000, PC + 6, PC + 6,
	      4);

	struct exc_event ld = {.kind = EXC_DATA_ALIGN, .el = 1, .pc = PC, .va = 0x40002001};

	check("EL1h alignment fault: EC 0x25 (same EL)", &ld, &tge0, 1, 0x200, 0x96000021, PC,
	      0x40002001, 5);

	struct exc_event ia = {.kind = EXC_INSN_S1_TRANS,
			       .el = 1,
			       .sp0 = true,
			       .pc = 0x80001000,
			       .va = 0x80001000,
			       .level = 1};

	check("EL1t stage 1 translation fault L1 on a fetch: EC 0x21 IFSC 0x05", &ia, &tge0, 1,
	      0x000, 0x86000005, 0x80001000, 0x80001000, 4);

	struct exc_event ill = {.kind = EXC_ILLEGAL_STATE, .el = 1, .sp0 = true, .pc = PC};

	check("EL1t illegal execution state", &ill, &tge0, 1, 0x000, 0x3a000000, PC, ~0ULL, 4);

	struct exc_event spa = {.kind = EXC_SP_ALIGN, .el = 1, .sp0 = true, .pc = PC};

	check("EL1t SP alignment", &spa, &tge0, 1, 0x000, 0x9a000000, PC, ~0ULL, 4);
}

static void test_stage2_and_none(void)
{
	/* LDR x2 to an unmapped IPA, level 3: ISV | SAS 3 | SRT 2 | SF | DFSC 0x07. */
	struct exc_event s2 = {
		.kind = EXC_DATA_S2,
		.el = 0,
		.pc = PC,
		.va = 0x0a000000,
		.dabt = {.size_log2 = 3, .rt = 2, .sf = true, .valid_syndrome = true},
		.dabt_fsc = ESR_FSC_TRANS(3)};

	check("EL0 stage 2 fault, TGE 0: EL2 regardless", &s2, &tge0, 2, 0x400, 0x93c28007, PC,
	      0x0a000000, 0);
	check("EL0 stage 2 fault, TGE 1", &s2, &tge1, 2, 0x400, 0x93c28007, PC, 0x0a000000, 0);
	s2.el = 1;
	check("EL1 stage 2 fault", &s2, &tge0, 2, 0x400, 0x93c28007, PC, 0x0a000000, 5);

	struct exc_event none = {.kind = EXC_NONE, .el = 0, .pc = PC};

	unit_ok(!exc_route(&none, &tge1).taken, "EXC_NONE: nothing taken");
	unit_ok(!strcmp(exc_route_vector_name(0x400), "sync-lower64"), "vector name 0x400");
	unit_ok(!strcmp(exc_route_vector_name(0x000), "sync-sp0"), "vector name 0x000");
}

static void test_smc(void)
{
	/* AArch64.CheckForSMCUndefOrTrap(), no EL3: UNDEFINED unless NV && TSC. */
	unit_eq_u64(smc_route(&(struct smc_state){.tsc = true}), ROUTE_EL1,
		    "no EL3, TSC=1, no NV: UNDEFINED at EL1, not trapped");
	unit_eq_u64(smc_route(&(struct smc_state){0}), ROUTE_EL1, "no EL3, TSC=0: UNDEFINED");
	unit_eq_u64(smc_route(&(struct smc_state){.have_nv = true, .nv = true, .tsc = true}),
		    ROUTE_EL2, "no EL3, FEAT_NV, NV=1, TSC=1: trapped to EL2");
	unit_eq_u64(smc_route(&(struct smc_state){.have_nv = true, .nv = true}), ROUTE_EL1,
		    "no EL3, NV=1, TSC=0: UNDEFINED");
	unit_eq_u64(smc_route(&(struct smc_state){.have_nv = false, .nv = true, .tsc = true}),
		    ROUTE_EL1, "NV bit without FEAT_NV does not route");
	/* With EL3: TSC first (over SMD), then SMD, then EL3. */
	unit_eq_u64(smc_route(&(struct smc_state){.have_el3 = true, .tsc = true}), ROUTE_EL2,
		    "EL3, TSC=1: trapped to EL2");
	unit_eq_u64(smc_route(&(struct smc_state){.have_el3 = true, .smd = true, .tsc = true}),
		    ROUTE_EL2, "EL3, TSC=1 has priority over SMD=1");
	unit_eq_u64(smc_route(&(struct smc_state){.have_el3 = true, .smd = true}), ROUTE_EL1,
		    "EL3, TSC=0, SMD=1: UNDEFINED");
	unit_eq_u64(smc_route(&(struct smc_state){.have_el3 = true}), ROUTE_EL3,
		    "EL3, TSC=0, SMD=0: taken to EL3");
	unit_eq_str(route_name(ROUTE_EL3), "el3", "route_name");
}

static void test_sve(void)
{
	unit_eq_u64(sve_route(true, false), ROUTE_EXECUTES, "ZEN allows, TZ 0: executes");
	unit_eq_u64(sve_route(true, true), ROUTE_EL2, "ZEN allows, TZ 1: EL2");
	unit_eq_u64(sve_route(false, false), ROUTE_EL1, "ZEN traps: EL1");
	unit_eq_u64(sve_route(false, true), ROUTE_EL1, "CPACR_EL1 has priority over CPTR_EL2");
}

static void test_debug(void)
{
	unit_eq_u64(debug_route(&(struct debug_state){.tde = true, .d = true}), ROUTE_EL2,
		    "TDE: target EL2 is above EL1, PSTATE.D does not matter");
	unit_eq_u64(debug_route(&(struct debug_state){.tde = true, .kde = false}), ROUTE_EL2,
		    "TDE: KDE does not matter");
	unit_eq_u64(debug_route(&(struct debug_state){.kde = true}), ROUTE_EL1,
		    "TDE 0, KDE 1, D 0: taken at EL1");
	unit_eq_u64(debug_route(&(struct debug_state){.kde = true, .d = true}), ROUTE_EXECUTES,
		    "target EL1, PSTATE.D masks");
	unit_eq_u64(debug_route(&(struct debug_state){0}), ROUTE_EXECUTES,
		    "target EL1 without KDE: disabled");
	unit_eq_u64(debug_route(&(struct debug_state){.tde = true, .oslk = true}), ROUTE_EXECUTES,
		    "the OS Lock disables everything");
}

static void test_hvc(void)
{
	unit_eq_u64(hvc_route(false, false, true), ROUTE_EL1, "no EL3, HCD 1: UNDEFINED at EL1");
	unit_eq_u64(hvc_route(false, false, false), ROUTE_EL2, "no EL3, HCD 0: EL2");
	unit_eq_u64(hvc_route(true, true, true), ROUTE_EL2, "EL3: HCD is RES0, HCE 1: EL2");
	unit_eq_u64(hvc_route(true, false, false), ROUTE_EL1, "EL3, HCE 0: UNDEFINED");
}

int main(void)
{
	test_el0_tge();
	test_debug_routing();
	test_el1_own();
	test_stage2_and_none();
	test_hvc();
	test_smc();
	test_sve();
	test_debug();
	return unit_done();
}
