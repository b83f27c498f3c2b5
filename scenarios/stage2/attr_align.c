/* SPDX-License-Identifier: MIT */
/*
 * stage2.attr.align: the combined memory type seen through behaviour. An unaligned 64-bit load
 * (LDR X2, [X0] with X0 = ATTR_VA + 1, SCTLR_EL1.A = 0) through the attr_map.c mapping must
 * Alignment-fault exactly when a stage's type is Device: stage 1 Device (or stage 1 off) is a
 * stage-1 fault taken to EL1, checked before stage 2; else stage 2 Device is a stage-2 fault
 * taken to EL2; Normal at both stages loads without a fault. The [...,st] rows do the same with
 * an unaligned STR W3, [X0].
 *
 * The syndromes are checked whole (scenarios/model/esr_model.c):
 * - stage 1 (AArch64.S1HasAlignmentFault): ESR_EL1 EC 0x25, ISV 0 (the instruction syndrome is
 *   reported only for stage 2 aborts), WnR, DFSC 0x21; FAR_EL1 = the VA; ELR_EL1 = the access.
 * - stage 2 (AArch64.S2HasAlignmentFault, a fault with fault.secondstage set, so routed to EL2
 *   whatever HCR_EL2.TGE/stage-1 routing says): ESR_EL2 EC 0x24 with ISV 1 and the access's
 *   SAS/SSE/SRT/SF/AR (AArch64.FaultSyndrome() gives LSInstructionSyndrome() to every stage 2
 *   fault not on a stage-1 walk), WnR, DFSC 0x21; FAR_EL2 = the VA; ELR_EL2 = the access.
 *   HPFAR_EL2 is UNKNOWN (IPAValid() is true only for stage 2 Translation, Access flag and
 *   Address size faults, and for faults on a stage-1 walk), so it is not checked.
 */
#include "arch/esr.h"
#include "esr_model.h"
#include "arch/pte.h"
#include "attr_map.h"
#include "hvc.h"

struct s2_align_row {
	const char *name;
	struct attr_case k;
	bool store; /* STR W3, [X0] instead of LDR X2, [X0] */
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
	{"[s1=" s1name ",s2=" n "]", {{off, attr, ISH}, m, ISH, false, 0, false}, false},
#define ALIGN_ROWS_FOR(m, n) ALIGN_S1(ALIGN_ROW, m, n)
#define ALIGN_ST_ROW(m, n, s1name, off, attr)                                                      \
	{"[s1=" s1name ",s2=" n ",st]", {{off, attr, ISH}, m, ISH, false, 0, false}, true},
#define ALIGN_ST_ROWS_FOR(m, n) ALIGN_S1(ALIGN_ST_ROW, m, n)

static const struct s2_align_row s2_align_rows[] = {
	ALIGN_ROWS_FOR(S2_MEMATTR_DEVICE_nGnRnE,
		       "0x0-dev-nGnRnE") ALIGN_ROWS_FOR(S2_MEMATTR_DEVICE_GRE, "0x3-dev-GRE")
		ALIGN_ROWS_FOR(S2_MEMATTR_NORMAL_NC, "0x5-onc-inc")
			ALIGN_ROWS_FOR(S2_MEMATTR_NORMAL_WB, "0xf-owb-iwb")
				ALIGN_ST_ROWS_FOR(S2_MEMATTR_DEVICE_nGnRE, "0x1-dev-nGnRE")
					ALIGN_ST_ROWS_FOR(S2_MEMATTR_NORMAL_WB, "0xf-owb-iwb")};

/* The access of a row, as the syndrome reports it, and where it is in the payload. */
static const struct dabt_access ldr_x2 = {
	.size_log2 = 3, .rt = 2, .sf = true, .valid_syndrome = true};
static const struct dabt_access str_w3 = {
	.size_log2 = 2, .is_write = true, .rt = 3, .valid_syndrome = true};

static void expect_stage1_fault(struct scenario_ctx *c, const struct s2_align_row *r, uint64_t insn)
{
	uint64_t vector, esr, elr, far;

	if (!sc_report(c, GREPORT_VECTOR, &vector) || !sc_report(c, GREPORT_ESR_EL1, &esr) ||
	    !sc_report(c, GREPORT_ELR_EL1, &elr) || !sc_report(c, GREPORT_FAR_EL1, &far)) {
		sc_diag(c, "expected", "a stage-1 Alignment fault at EL1 (stage 1 Device)");
		return;
	}
	sc_expect_u64(c, "vector_offset", vector, 0x200);
	sc_expect_u64(c, "esr_el1", esr, esr_expect_dabt_cur(r->store, false, ESR_FSC_ALIGN));
	sc_expect_u64(c, "far_el1", far, far_expect_dabt(ATTR_VA + 1));
	sc_expect_u64(c, "elr_el1", elr, insn);
}

static void run_s2_align(struct scenario_ctx *c, const void *row)
{
	const struct s2_align_row *r = row;
	enum align_outcome want = s2_unaligned_load_outcome(&r->k.s1, r->k.s2_memattr);
	uint64_t payload = r->store ? GSYM(gp_s2_str_w3) : GSYM(gp_s2_ldr_x2);
	uint64_t insn = r->store ? GSYM(gl_s2_str_w3) : GSYM(gl_s2_ldr_x2);
	uint64_t pa;

	if (!attr_map_start(c, &r->k, payload, ATTR_VA + 1, &pa)) {
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
		sc_expect_esr(c, e.esr,
			      esr_expect_dabt_s2(r->store ? &str_w3 : &ldr_x2, ESR_FSC_ALIGN));
		sc_expect_u64(c, "far_el2", e.far, far_expect_dabt(ATTR_VA + 1));
		sc_expect_u64(c, "elr_el2", e.elr, insn);
		return;
	}
	if (!sc_expect_done(c, &e, 0)) {
		return;
	}
	if (want == ALIGN_FAULT_STAGE1) {
		expect_stage1_fault(c, r, insn);
	}
}

SCENARIO(stage2_attr_align, .id = "stage2.attr.align",
	 .rule = "an unaligned load to Device memory is an Alignment fault (DFSC 0x21): at stage "
		 "1, taken to EL1, when stage 1's type is Device or stage 1 is off "
		 "(AArch64.S1HasAlignmentFault); else at stage 2, taken to EL2, when stage 2's "
		 "type is Device (AArch64.S2HasAlignmentFault), ESR_EL2 with ISV = 1 and the "
		 "access's syndrome, FAR_EL2 = the VA; Normal at both stages does not fault",
	 SCENARIO_ROWS(s2_align_rows), .run = run_s2_align, .ec = "0x24 0x25",
	 .control = "stage 2 memory type (VTTBR_EL2 descriptors)");
