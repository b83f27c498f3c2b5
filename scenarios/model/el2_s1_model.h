/* SPDX-License-Identifier: MIT */
/*
 * Oracle for the EL2 stage-1 translation regime (HCR_EL2.E2H = 0: the EL2 regime, one VA range
 * and one privilege level; E2H = 1: the EL2&0 regime with TTBR1_EL2), 4K granule: what an access
 * at EL2 or an AT S1E2R/W gives for a set of translation table descriptors. Follows the Arm ARM
 * (DDI 0487) pseudocode functions AArch64.S1Translate (range, EPD, the order of the checks),
 * AArch64.S1Walk (descriptor types per level, address size, Access flag),
 * AArch64.S1CheckPermissions / S1ComputePermissions (AP, XN/PXN, hierarchical
 * APTable/XNTable/PXNTable, WXN), AArch64.CheckAlignment / AArch64.UnalignedAccessFaults
 * (SCTLR_EL2.A, exclusives), AArch64.S1HasAlignmentFault (Device), AArch64.S1DisabledOutput (MMU
 * off), AArch64.AlignmentFault, AArch64.FaultSyndrome and AArch64.PARFault / PAR_EL1. Memory types
 * are decoded with S1DecodeMemAttrs() of scenarios/model/s2_attr_model.c. Pure code, host-tested in
 * tests/unit/el2_s1_model_test.c; it never calls kernel/pgtable.c.
 */
#ifndef MODEL_EL2_S1_MODEL_H
#define MODEL_EL2_S1_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/** The EL2 regime's controls that the outcome depends on. */
struct el2_regime {
	bool mmu;	   /* SCTLR_EL2.M */
	bool align;	   /* SCTLR_EL2.A */
	bool wxn;	   /* SCTLR_EL2.WXN */
	bool e2h;	   /* HCR_EL2.E2H = 1: the EL2&0 regime (PSTATE.PAN = 0) */
	uint64_t mair;	   /* MAIR_EL2 */
	unsigned va_bits0; /* 64 - TCR_EL2.T0SZ */
	unsigned va_bits1; /* 64 - TCR_EL2.T1SZ (E2H = 1) */
	bool epd1;	   /* TCR_EL2.EPD1 (E2H = 1) */
	unsigned pa_bits;  /* TCR_EL2.PS (IPS with E2H = 1) as a size */
	bool lse2;	   /* FEAT_LSE2: an exclusive within 16 aligned bytes needs no alignment */
};

enum el2_access_kind {
	EL2_ACC_LOAD,
	EL2_ACC_STORE,
	EL2_ACC_FETCH,
	EL2_ACC_AT_R,  /* AT S1E2R */
	EL2_ACC_AT_W,  /* AT S1E2W */
	EL2_ACC_DC,    /* DC CIVAC */
	EL2_ACC_DCZVA, /* DC ZVA: a store of zeros to the block, not cache maintenance */
};

/** One access at EL2. */
struct el2_access {
	enum el2_access_kind kind;
	uint64_t va;
	unsigned size;	/* bytes (data accesses) */
	bool exclusive; /* LDXR/STXR: must be aligned whatever SCTLR_EL2.A says */
};

/**
 * The descriptors the walk of @va reads: desc[l] is the entry at level l (from the start level
 * to the leaf; entries past the leaf are not read). The tables are the scenario's; the oracle
 * decides from the bits alone what the walk does with them.
 */
struct el2_walk {
	uint64_t desc[4];
};

/** What the architecture gives. */
struct el2_s1_outcome {
	bool fault;
	unsigned fsc;	  /* DFSC/IFSC, or PAR_EL1.FST, with the level (arch/esr.h ESR_FSC_*) */
	bool af_optional; /* a DC on an AF = 0 page: the Access flag fault is IMPLEMENTATION DEFINED
			   */
	uint64_t pa;	  /* no fault */
	uint8_t par_attr; /* no fault: PAR_EL1.ATTR */
	unsigned par_sh;  /* no fault: PAR_EL1.SH */
	bool device;	  /* no fault: the memory type is Device */
};

/**
 * el2_s1_translate() - the outcome of @a in regime @r over the descriptors @w.
 * Return: false if the inputs are outside what the oracle models (a reserved MAIR byte or SH,
 * a granule other than 4K, VA sizes below 25 bits), else true with @out filled.
 */
bool el2_s1_translate(const struct el2_regime *r, const struct el2_walk *w,
		      const struct el2_access *a, struct el2_s1_outcome *out);

/** PAR_EL1 bits el2_par_expect() defines: F, and FST/PTW/S (fault) or PA/ATTR/SH (no fault). */
uint64_t el2_par_mask(const struct el2_s1_outcome *o);

/**
 * el2_par_expect() - PAR_EL1 after AT S1E2R/W with outcome @o (compare under el2_par_mask()).
 * F = 0: PA[47:12], SH [8:7], ATTR [63:56]; NS (bit 9) is UNKNOWN for a Non-secure regime and
 * bits 10/11 IMPLEMENTATION DEFINED / RES1, so not defined here. F = 1: FST [6:1], PTW [8] = 0
 * (no stage 2 in the EL2 regime), S [9] = 0 (a stage 1 fault).
 */
uint64_t el2_par_expect(const struct el2_s1_outcome *o);

/**
 * el2_esr_expect() - ESR_EL2 of the fault @o of access @a taken at EL2 (EC 0x25 Data Abort or
 * 0x21 Instruction Abort from the current EL; see esr_expect_dabt_cur()/esr_expect_iabt_cur()).
 */
uint64_t el2_esr_expect(const struct el2_access *a, const struct el2_s1_outcome *o);

#endif /* MODEL_EL2_S1_MODEL_H */
