/* SPDX-License-Identifier: MIT */
/*
 * FEAT_FGT fine-grained trap registers (Arm ARM DDI 0487, D24.2 "HFGRTR_EL2", "HFGWTR_EL2",
 * "HFGITR_EL2", "HDFGRTR_EL2", "HDFGWTR_EL2"). Most bits trap when 1; the nXXX bits, added
 * with later features, trap when 0. Their reset values are architecturally UNKNOWN, so a
 * hypervisor must load all five when ID_AA64MMFR0_EL1.FGT != 0.
 *
 * fgt_neutral() gives the "trap nothing" value of each register for a CPU: 0 for the positive
 * bits, 1 for the nXXX bits of the features the CPU implements (the nXXX bits of absent
 * features are RES0 and stay 0). Pure code, host-compilable.
 */
#ifndef ARCH_FGT_H
#define ARCH_FGT_H

#include <stdint.h>

#include "arch/idfields.h"

enum fgt_reg { FGT_HFGRTR, FGT_HFGWTR, FGT_HFGITR, FGT_HDFGRTR, FGT_HDFGWTR, FGT_REGS };

#define FGT_BIT(n) (1ULL << (n))

/* HFGRTR_EL2 / HFGWTR_EL2 nXXX bits, by the feature that defines them. */
#define FGT_HFGXTR_N_LS64_ACCDATA FGT_BIT(50)		      /* nACCDATA_EL1 */
#define FGT_HFGXTR_N_GCS	  (FGT_BIT(52) | FGT_BIT(53)) /* nGCS_EL0, nGCS_EL1 */
#define FGT_HFGXTR_N_SME	  (FGT_BIT(54) | FGT_BIT(55)) /* nSMPRI_EL1, nTPIDR2_EL0 */
#define FGT_HFGXTR_N_THE	  FGT_BIT(56)		      /* nRCWMASK_EL1 */
#define FGT_HFGXTR_N_S1PIE	  (FGT_BIT(57) | FGT_BIT(58)) /* nPIRE0_EL1, nPIR_EL1 */
#define FGT_HFGXTR_N_S1POE	  (FGT_BIT(59) | FGT_BIT(60)) /* nPOR_EL0, nPOR_EL1 */
#define FGT_HFGXTR_N_S2POE	  FGT_BIT(61)		      /* nS2POR_EL1 */
#define FGT_HFGXTR_N_AIE	  (FGT_BIT(62) | FGT_BIT(63)) /* nMAIR2_EL1, nAMAIR2_EL1 */
/* HFGITR_EL2 */
#define FGT_HFGITR_N_BRBE (FGT_BIT(55) | FGT_BIT(56))		    /* nBRBINJ, nBRBIALL */
#define FGT_HFGITR_N_GCS  (FGT_BIT(57) | FGT_BIT(58) | FGT_BIT(59)) /* nGCSPUSHM/STR/EPP */
/* HDFGRTR_EL2 (nBRBIDR is read-only, so not in HDFGWTR_EL2) */
#define FGT_HDFGRTR_N_BRBE   (FGT_BIT(59) | FGT_BIT(60) | FGT_BIT(61)) /* nBRBIDR/CTL/DATA */
#define FGT_HDFGWTR_N_BRBE   (FGT_BIT(60) | FGT_BIT(61))	       /* nBRBCTL/DATA */
#define FGT_HDFGXTR_N_SPE1P2 FGT_BIT(62)			       /* nPMSNEVFR_EL1 */

/* Every nXXX bit of each register: a table row with polarity n must name one of these. */
#define FGT_HFGXTR_N_ALL                                                                           \
	(FGT_HFGXTR_N_LS64_ACCDATA | FGT_HFGXTR_N_GCS | FGT_HFGXTR_N_SME | FGT_HFGXTR_N_THE |      \
	 FGT_HFGXTR_N_S1PIE | FGT_HFGXTR_N_S1POE | FGT_HFGXTR_N_S2POE | FGT_HFGXTR_N_AIE)
#define FGT_HFGITR_N_ALL  (FGT_HFGITR_N_BRBE | FGT_HFGITR_N_GCS)
#define FGT_HDFGRTR_N_ALL (FGT_HDFGRTR_N_BRBE | FGT_HDFGXTR_N_SPE1P2)
#define FGT_HDFGWTR_N_ALL (FGT_HDFGWTR_N_BRBE | FGT_HDFGXTR_N_SPE1P2)

/** The ID registers fgt_neutral() looks at. */
struct fgt_ids {
	uint64_t pfr1, dfr0, isar1, mmfr3;
};

/**
 * fgt_neutral() - the value of each FGT register that traps nothing on a CPU with @ids.
 * @out: indexed by enum fgt_reg.
 */
static inline void fgt_neutral(const struct fgt_ids *ids, uint64_t out[FGT_REGS])
{
	uint64_t hfg = 0, hfgi = 0, hdfgr = 0, hdfgw = 0;

	if (id_field(ids->isar1, ID_ISAR1_LS64_SHIFT) >= ID_LS64_ACCDATA) {
		hfg |= FGT_HFGXTR_N_LS64_ACCDATA;
	}
	if (id_field(ids->pfr1, ID_PFR1_GCS_SHIFT)) {
		hfg |= FGT_HFGXTR_N_GCS;
		hfgi |= FGT_HFGITR_N_GCS;
	}
	if (id_field(ids->pfr1, ID_PFR1_SME_SHIFT)) {
		hfg |= FGT_HFGXTR_N_SME;
	}
	if (id_field(ids->pfr1, ID_PFR1_THE_SHIFT)) {
		hfg |= FGT_HFGXTR_N_THE;
	}
	if (id_field(ids->mmfr3, ID_MMFR3_S1PIE_SHIFT)) {
		hfg |= FGT_HFGXTR_N_S1PIE;
	}
	if (id_field(ids->mmfr3, ID_MMFR3_S1POE_SHIFT)) {
		hfg |= FGT_HFGXTR_N_S1POE;
	}
	if (id_field(ids->mmfr3, ID_MMFR3_S2POE_SHIFT)) {
		hfg |= FGT_HFGXTR_N_S2POE;
	}
	if (id_field(ids->mmfr3, ID_MMFR3_AIE_SHIFT)) {
		hfg |= FGT_HFGXTR_N_AIE;
	}
	if (id_field(ids->dfr0, ID_DFR0_BRBE_SHIFT)) {
		hfgi |= FGT_HFGITR_N_BRBE;
		hdfgr |= FGT_HDFGRTR_N_BRBE;
		hdfgw |= FGT_HDFGWTR_N_BRBE;
	}
	/* PMSVer >= 0b0011: FEAT_SPEv1p2, which adds PMSNEVFR_EL1. */
	if (id_field(ids->dfr0, ID_DFR0_PMSVER_SHIFT) >= 3) {
		hdfgr |= FGT_HDFGXTR_N_SPE1P2;
		hdfgw |= FGT_HDFGXTR_N_SPE1P2;
	}
	out[FGT_HFGRTR] = hfg;
	out[FGT_HFGWTR] = hfg;
	out[FGT_HFGITR] = hfgi;
	out[FGT_HDFGRTR] = hdfgr;
	out[FGT_HDFGWTR] = hdfgw;
}

#endif /* ARCH_FGT_H */
