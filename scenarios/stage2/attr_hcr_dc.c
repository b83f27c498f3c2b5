/* SPDX-License-Identifier: MIT */
/*
 * stage2.attr.hcr.dc: HCR_EL2.DC seen through behaviour, with the guest running (payload
 * guest/attr_hcr.S: report SCTLR_EL1, then LDR X2, [X0]) over the stage2.attr mapping:
 * - SCTLR_EL1.M = 1 still reads as 1 ("for all purposes other than returning the value of a
 *   direct read of SCTLR_EL1"), in every row;
 * - stage 1 behaves as disabled: with a stage-1 block that maps VA 0x50400000 to ATTR_IPA, the
 *   load goes to IPA = VA (AArch64.S1DisabledOutput(): oa = va), which stage 2 leaves unmapped:
 *   a stage-2 Translation fault at level 2 with FAR_EL2 = HPFAR_EL2's address = the VA; with
 *   DC = 0 the same load goes through the block and completes;
 * - the default memory type is Normal: an unaligned load does not Alignment-fault at stage 1
 *   (stage 1 off, or stage 1 on with a Device MAIR byte, which DC overrides), but does at stage
 *   2 where stage 2 is Device (s2_unaligned_load_outcome_hcr(); full syndrome as in
 *   stage2.attr.align).
 */
#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/pte.h"
#include "attr_map.h"
#include "esr_model.h"
#include "hvc.h"

#define ISH 3

#define REMAP_VA      (ATTR_VA + 0x400000) /* stage 1: a 2 MiB block to ATTR_IPA */
#define S1_BLOCK_DESC 1ULL

struct s2_dc_row {
	const char *name;
	struct attr_case k;
	bool remap; /* load from REMAP_VA, else from ATTR_VA + 1 (unaligned) */
};

static const struct s2_dc_row s2_dc_rows[] = {
	{"[dc=1,s1=remap]",
	 {{false, 0xff, ISH}, S2_MEMATTR_NORMAL_WB, ISH, false, HCR_DC, false},
	 true},
	{"[dc=0,s1=remap]", {{false, 0xff, ISH}, S2_MEMATTR_NORMAL_WB, ISH, false, 0, false}, true},
	{"[dc=1,s1=off,unaligned,s2=0xf-owb-iwb]",
	 {{true, 0x00, ISH}, S2_MEMATTR_NORMAL_WB, ISH, false, HCR_DC, false},
	 false},
	{"[dc=1,s1=dev-nGnRnE,unaligned,s2=0xf-owb-iwb]",
	 {{false, 0x00, ISH}, S2_MEMATTR_NORMAL_WB, ISH, false, HCR_DC, false},
	 false},
	{"[dc=1,s1=off,unaligned,s2=0x0-dev-nGnRnE]",
	 {{true, 0x00, ISH}, S2_MEMATTR_DEVICE_nGnRnE, ISH, false, HCR_DC, false},
	 false},
};

static const struct dabt_access ldr_x2 = {
	.size_log2 = 3, .rt = 2, .sf = true, .valid_syndrome = true};

static void run_s2_dc(struct scenario_ctx *c, const void *row)
{
	const struct s2_dc_row *r = row;
	struct hcr_attr_ctl hcr = {.dc = (r->k.hcr & HCR_DC) != 0};
	uint64_t va = r->remap ? REMAP_VA : ATTR_VA + 1;
	uint64_t block = ATTR_IPA | PTE_S1_ATTRIDX(ATTR_RAM_MAIR_IDX) | PTE_SH_INNER | PTE_AF |
			 S1_BLOCK_DESC;
	uint64_t pa, sctlr;
	/* Stage 1 disabled by DC: the IPA is the VA, and REMAP_VA's 2 MiB is not at stage 2. */
	unsigned fsc = r->remap ? (hcr.dc ? ESR_FSC_TRANS(2) : 0)
				: (s2_unaligned_load_outcome_hcr(&r->k.s1, r->k.s2_memattr, hcr) ==
						   ALIGN_FAULT_STAGE2
					   ? ESR_FSC_ALIGN
					   : 0);

	if (!r->remap &&
	    s2_unaligned_load_outcome_hcr(&r->k.s1, r->k.s2_memattr, hcr) == ALIGN_FAULT_STAGE1) {
		sc_fail(c, "the row expects a stage-1 fault, which this family does not check");
		return;
	}
	if (!attr_map_start(c, &r->k, GSYM(gp_attr_dc_ldr), va, &pa)) {
		return;
	}
	if (r->remap && attr_map_s1_put(sc_vm(c), 2, REMAP_VA, block)) {
		sc_fail(c, "could not write the stage-1 block");
		return;
	}
	struct exit e = sc_run(c);

	if (sc_report(c, GREPORT_USER, &sctlr) && !r->k.s1.off) {
		sc_expect_u64(c, "sctlr_el1.m (direct read)", sctlr & SCTLR_M, SCTLR_M);
	}
	if (!fsc) {
		sc_expect_done(c, &e, 0);
		return;
	}
	if (!sc_expect_reason(c, &e, EXIT_DABT)) {
		return;
	}
	sc_diag_exit(c, &e);
	sc_expect_esr(c, e.esr, esr_expect_dabt_s2(&ldr_x2, fsc));
	sc_expect_u64(c, "far_el2", e.far, far_expect_dabt(va));
	sc_expect_u64(c, "elr_el2", e.elr, GSYM(gl_attr_dc_ldr));
	if (fsc != ESR_FSC_ALIGN) {
		sc_expect_u64(c, "hpfar_el2", e.hpfar, hpfar_expect(va));
	}
}

SCENARIO(stage2_attr_hcr_dc, .id = "stage2.attr.hcr.dc",
	 .rule = "with HCR_EL2.DC = 1 the EL1&0 stage 1 behaves as disabled although SCTLR_EL1.M "
		 "reads as 1: a VA goes to IPA = VA (a stage-2 fault there has FAR_EL2 and "
		 "HPFAR_EL2 = the VA), and data is Normal Write-Back, so an unaligned load faults "
		 "only where stage 2 is Device (stage-2 Alignment fault to EL2)",
	 SCENARIO_ROWS(s2_dc_rows), .run = run_s2_dc, .ec = "0x24", .control = "HCR_EL2.DC",
	 .fields = "+-HCR_EL2.DC");
