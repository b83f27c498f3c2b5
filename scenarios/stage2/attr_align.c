/* SPDX-License-Identifier: MIT */
/*
 * stage2.attr.align: the combined memory type seen through behaviour. An unaligned 64-bit load
 * (LDR X2, [X0] with X0 = ATTR_VA + 1, SCTLR_EL1.A = 0) through the attr_map.c mapping must
 * Alignment-fault exactly when a stage's type is Device: stage 1 Device (or stage 1 off) is a
 * stage-1 fault taken to EL1 (EC 0x25, DFSC 0x21, ELR_EL1 = the load), checked before stage 2;
 * else stage 2 Device is a stage-2 fault taken to EL2 (EC 0x24, DFSC 0x21, ELR_EL2 = the
 * load); Normal at both stages loads without a fault. Only EC and DFSC of the syndromes are
 * checked: ISV and HPFAR_EL2 for a stage-2 Alignment fault are not modelled yet.
 */
#include "arch/esr.h"
#include "arch/pte.h"
#include "attr_map.h"
#include "hvc.h"

struct s2_align_row {
	const char *name;
	struct attr_case k;
};

#define NSH 0
#define ISH 3

/* A sample of stage2.attr's cross product: each outcome, Device and Normal at either stage. */
#define ALIGN_S1(Y, m, n)                                                                          \
	Y(m, n, "off", true, 0x00)                                                                 \
	Y(m, n, "dev-nGnRnE", false, 0x00)                                                         \
	Y(m, n, "dev-GRE", false, 0x0c)                                                            \
	Y(m, n, "onc-inc-ish", false, 0x44)                                                        \
	Y(m, n, "owb-iwb-ish", false, 0xff)
#define ALIGN_ROW(m, n, s1name, off, attr)                                                         \
	{"[s1=" s1name ",s2=" n "]", {{off, attr, ISH}, m, ISH, false, 0}},
#define ALIGN_ROWS_FOR(m, n) ALIGN_S1(ALIGN_ROW, m, n)

static const struct s2_align_row s2_align_rows[] = {
	ALIGN_ROWS_FOR(S2_MEMATTR_DEVICE_nGnRnE, "0x0-dev-nGnRnE")
		ALIGN_ROWS_FOR(S2_MEMATTR_DEVICE_GRE, "0x3-dev-GRE")
			ALIGN_ROWS_FOR(S2_MEMATTR_NORMAL_NC, "0x5-onc-inc")
				ALIGN_ROWS_FOR(S2_MEMATTR_NORMAL_WB, "0xf-owb-iwb")};

#define FSC(esr) ((esr)&ESR_ISS_ABT_FSC_MASK)

static void expect_stage1_fault(struct scenario_ctx *c)
{
	uint64_t vector, esr, elr;

	if (!sc_report(c, GREPORT_VECTOR, &vector) || !sc_report(c, GREPORT_ESR_EL1, &esr) ||
	    !sc_report(c, GREPORT_ELR_EL1, &elr)) {
		sc_diag(c, "expected", "a stage-1 Alignment fault at EL1 (stage 1 Device)");
		return;
	}
	sc_expect_u64(c, "vector_offset", vector, 0x200);
	sc_expect_u64(c, "esr_el1.ec", esr_ec(esr), ESR_EC_DABT_CUR);
	sc_expect_u64(c, "esr_el1.dfsc", FSC(esr), ESR_FSC_ALIGN);
	sc_expect_u64(c, "elr_el1", elr, GSYM(gl_s2_ldr_x2));
}

static void run_s2_align(struct scenario_ctx *c, const void *row)
{
	const struct s2_align_row *r = row;
	enum align_outcome want = s2_unaligned_load_outcome(&r->k.s1, r->k.s2_memattr);
	uint64_t pa;

	if (!attr_map_start(c, &r->k, GSYM(gp_s2_ldr_x2), ATTR_VA + 1, &pa)) {
		return;
	}
	if (want == ALIGN_FAULT_STAGE1) {
		sc_expect_el1_exceptions(c);
	}
	struct exit e = sc_run(c);

	if (want == ALIGN_FAULT_STAGE2) {
		if (!sc_expect_reason(c, &e, EXIT_DABT)) {
			sc_diag(c, "expected", "a stage-2 Alignment fault at EL2 (stage 2 Device)");
			return;
		}
		sc_diag_exit(c, &e);
		sc_expect_u64(c, "esr_el2.ec", esr_ec(e.esr), ESR_EC_DABT_LOW);
		sc_expect_u64(c, "esr_el2.dfsc", FSC(e.esr), ESR_FSC_ALIGN);
		sc_expect_u64(c, "elr_el2", e.elr, GSYM(gl_s2_ldr_x2));
		return;
	}
	if (!sc_expect_done(c, &e, 0)) {
		return;
	}
	if (want == ALIGN_FAULT_STAGE1) {
		expect_stage1_fault(c);
	}
}

SCENARIO(stage2_attr_align, .id = "stage2.attr.align",
	 .rule = "an unaligned load to Device memory is an Alignment fault (DFSC 0x21): at stage "
		 "1, taken to EL1, when stage 1's type is Device or stage 1 is off "
		 "(AArch64.S1HasAlignmentFault); else at stage 2, taken to EL2, when stage 2's "
		 "type is Device (AArch64.S2HasAlignmentFault); Normal at both stages does not "
		 "fault",
	 SCENARIO_ROWS(s2_align_rows), .run = run_s2_align, .ec = "0x24 0x25",
	 .control = "stage 2 memory type (VTTBR_EL2 descriptors)");
