/* SPDX-License-Identifier: MIT */
/*
 * Oracle for what AT S12E1R/W and S12E0R/W report in PAR_EL1 when the stage 1 + stage 2
 * translation they perform (from EL2) stops at a fault: F = 1, FST = the fault status code
 * with its level, PTW = the fault was on the stage-2 translation of a stage-1 table read, S =
 * the fault was at stage 2. AT from EL2 never takes the fault: AArch64.AT_S12() hands the
 * FaultRecord of AArch64.FullTranslate() to AArch64.EncodePAR(), which writes F = 1,
 * FST = EncodeLDFSC(statuscode, level), PTW = fault.s2fs1walk, S = fault.secondstage (Arm ARM
 * DDI 0487, PAR_EL1 "when PAR_EL1.F == 1"). Pure code, host-tested in
 * tests/unit/at_par_model_test.c; it knows nothing of the tables the vmm builds: a row says
 * what each lookup finds.
 */
#ifndef MODEL_AT_PAR_MODEL_H
#define MODEL_AT_PAR_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/** What one lookup (a stage-1 walk, or a stage-2 walk of one IPA) finds. */
struct at_lookup {
	bool valid;	/* a valid leaf; false: an invalid descriptor (or the address is out of
			   range, level 0) at @level */
	unsigned level; /* the level of the leaf, or of the invalid descriptor */
	bool af;	/* the leaf's access flag (TCR_EL1.HA = VTCR_EL2.HA = 0) */
	unsigned ap;	/* stage 1: AP[2:1] (no PAN, no WXN); stage 2: S2AP[1:0] */
};

/** One translation: the stage-1 tables' IPA at stage 2, stage 1's leaf, stage 2's leaf. */
struct at_case {
	/* Stage 2 of the last stage-1 table the walk reads (the earlier ones map fine). */
	struct at_lookup s1_table;
	struct at_lookup s1; /* the stage-1 walk of the VA */
	struct at_lookup s2; /* stage 2 of the IPA stage 1 outputs */
};

/** The AT instruction's access: AT S12E0* checks EL0 permissions, *W a write. */
struct at_access {
	bool el0;
	bool write;
};

/** PAR_EL1 of a failed AT (the fields hyptap checks); .f = false: no fault. */
struct par_fault {
	bool f;
	unsigned fst; /* EncodeLDFSC(), as ESR_FSC_TRANS(l) etc. */
	bool ptw;
	bool s;
};

/**
 * at_s12_expect() - the PAR_EL1 fault fields AT S12E*@a must report for @k.
 *
 * The checks in the order of AArch64.FullTranslate(): stage 1 (AArch64.S1Translate()): the
 * walk, whose table reads are translated by stage 2 (AArch64.S2Translate() with AccessType_TTW,
 * a read: a stage-2 fault there is reported with S = 1 and PTW = 1), a Translation fault at
 * the level of an invalid descriptor, then the leaf's Access flag and permissions
 * (AArch64.S1CheckPermissions(): AP[2:1] 0b00 EL1 RW, 0b01 EL1 and EL0 RW, 0b10 EL1 RO, 0b11
 * EL1 and EL0 RO); then stage 2 of the output IPA likewise (S2AP[0] read, S2AP[1] write,
 * the same for EL0 and EL1 data accesses), S = 1, PTW = 0.
 *
 * Returns false for a lookup with both AF = 0 and a permission violation: the Arm ARM has
 * changed which of the two is reported first (Access flag before Permission in older
 * AArch64.S1Walk()/S2Walk(), Permission first since the checks moved into
 * S1CheckPermissions/S2CheckPermissions), and hyptap does not pick one; rows avoid them.
 */
bool at_s12_expect(const struct at_case *k, struct at_access a, struct par_fault *out);

/* PAR_EL1 when F = 1: F [0], FST [6:1], PTW [8], S [9]. */
#define PAR_FST_SHIFT 1
#define PAR_FST_MASK  (0x3fULL << PAR_FST_SHIFT)
#define PAR_PTW	      (1ULL << 8)
#define PAR_S	      (1ULL << 9)
/** The bits at_par_fault_encode() defines (the rest: RES0/RES1/IMPLEMENTATION DEFINED). */
#define PAR_FAULT_FIELDS (1ULL | PAR_FST_MASK | PAR_PTW | PAR_S)

/** at_par_fault_encode() - @p as PAR_EL1 bits (only PAR_FAULT_FIELDS). */
uint64_t at_par_fault_encode(const struct par_fault *p);

#endif /* MODEL_AT_PAR_MODEL_H */
