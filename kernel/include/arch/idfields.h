/* SPDX-License-Identifier: MIT */
/*
 * ID register fields that decide which trap controls exist (Arm ARM DDI 0487, D24.2
 * "ID_AA64*_EL1"): the shift of each 4-bit field. Pure definitions, host-compilable.
 */
#ifndef ARCH_IDFIELDS_H
#define ARCH_IDFIELDS_H

#include <stdint.h>

/** id_field() - the 4-bit ID register field at @shift (unsigned). */
static inline unsigned id_field(uint64_t reg, unsigned shift)
{
	return (unsigned)((reg >> shift) & 0xf);
}

/* ID_AA64PFR0_EL1 */
#define ID_PFR0_EL3_SHIFT  12
#define ID_PFR0_GIC_SHIFT  24
#define ID_PFR0_RAS_SHIFT  28
#define ID_PFR0_SVE_SHIFT  32
#define ID_PFR0_AMU_SHIFT  44
#define ID_PFR0_CSV2_SHIFT 56
/* ID_AA64PFR1_EL1 */
#define ID_PFR1_MTE_SHIFT 8
#define ID_PFR1_SME_SHIFT 24
#define ID_PFR1_NMI_SHIFT 36
#define ID_PFR1_GCS_SHIFT 44
#define ID_PFR1_THE_SHIFT 48
/* ID_AA64DFR0_EL1 */
#define ID_DFR0_DEBUGVER_SHIFT	  0
#define ID_DFR0_TRACEVER_SHIFT	  4
#define ID_DFR0_TRACEFILT_SHIFT	  40
#define ID_DFR0_PMUVER_SHIFT	  8
#define ID_DFR0_PMSVER_SHIFT	  32
#define ID_DFR0_DOUBLELOCK_SHIFT  36
#define ID_DFR0_TRACEBUFFER_SHIFT 44
#define ID_DFR0_BRBE_SHIFT	  52
/* ID_AA64ISAR0_EL1 */
#define ID_ISAR0_TLB_SHIFT    56
#define ID_ISAR0_ATOMIC_SHIFT 20 /* 2: FEAT_LSE */
/* ID_AA64ISAR1_EL1 */
#define ID_ISAR1_DPB_SHIFT     0
#define ID_ISAR1_APA_SHIFT     4
#define ID_ISAR1_API_SHIFT     8
#define ID_ISAR1_GPA_SHIFT     24
#define ID_ISAR1_GPI_SHIFT     28
#define ID_ISAR1_SPECRES_SHIFT 40
#define ID_ISAR1_XS_SHIFT      56
#define ID_ISAR1_LS64_SHIFT    60
/* ID_AA64ISAR2_EL1 */
#define ID_ISAR2_WFXT_SHIFT	 0
#define ID_ISAR2_GPA3_SHIFT	 8
#define ID_ISAR2_APA3_SHIFT	 12
#define ID_ISAR2_MOPS_SHIFT	 16
#define ID_ISAR2_SYSREG128_SHIFT 32
#define ID_ISAR2_ATS1A_SHIFT	 60
/* ID_AA64MMFR0_EL1 */
#define ID_MMFR0_FGT_SHIFT 56
#define ID_MMFR0_ECV_SHIFT 60
/* ID_AA64MMFR1_EL1 */
#define ID_MMFR1_LO_SHIFT  16
#define ID_MMFR1_PAN_SHIFT 20
#define ID_MMFR1_HCX_SHIFT 40
#define ID_MMFR1_XNX_SHIFT 28 /* 1: FEAT_XNX */
/* ID_AA64MMFR1_EL1.HAFDBS: 1 hardware Access flag, 2 also dirty state (FEAT_HAFDBS) */
#define ID_MMFR1_HAFDBS_SHIFT 0
/* ID_AA64MMFR2_EL1 */
#define ID_MMFR2_NV_SHIFT  24
#define ID_MMFR2_AT_SHIFT  32 /* FEAT_LSE2 */
#define ID_MMFR2_FWB_SHIFT 40
#define ID_MMFR2_EVT_SHIFT 56
#define ID_MMFR2_CNP_SHIFT 0  /* FEAT_TTCNP */
#define ID_MMFR2_TTL_SHIFT 48 /* FEAT_TTL: TLBI level hints */
#define ID_MMFR2_UAO_SHIFT 4  /* FEAT_UAO: PSTATE.UAO */
/* ID_AA64MMFR3_EL1 */
#define ID_MMFR3_TCRX_SHIFT   0
#define ID_MMFR3_SCTLRX_SHIFT 4
#define ID_MMFR3_S1PIE_SHIFT  8
#define ID_MMFR3_S1POE_SHIFT  16
#define ID_MMFR3_S2POE_SHIFT  20
#define ID_MMFR3_AIE_SHIFT    24

/* Fields of the features of EL2 control register fields (el2.ctrl, el2_ctrl_fields.h). */
#define ID_PFR0_EL0_SHIFT  0
#define ID_PFR0_EL1_SHIFT  4
#define ID_PFR0_SEL2_SHIFT 36
#define ID_PFR0_RME_SHIFT  52
#define ID_PFR0_DIT_SHIFT  48 /* FEAT_DIT: PSTATE.DIT */

#define ID_PFR1_BT_SHIFT	0
#define ID_PFR1_SSBS_SHIFT	4
#define ID_PFR1_RAS_FRAC_SHIFT	12
#define ID_PFR1_CSV2_FRAC_SHIFT 32
#define ID_PFR1_MTE_FRAC_SHIFT	40

#define ID_DFR0_MTPMU_SHIFT 48 /* signed */
#define ID_DFR0_HPMN0_SHIFT 60
#define ID_ISAR0_TME_SHIFT  24

#define ID_MMFR0_TGRAN16_SHIFT	 20
#define ID_MMFR0_TGRAN4_SHIFT	 28
#define ID_MMFR0_TGRAN16_2_SHIFT 32
#define ID_MMFR0_TGRAN4_2_SHIFT	 40
#define ID_MMFR0_EXS_SHIFT	 44

#define ID_MMFR1_VMIDBITS_SHIFT 4 /* 0b0010: 16-bit VMID (FEAT_VMID16) */
#define ID_MMFR1_VH_SHIFT	8
#define ID_MMFR1_HPDS_SHIFT	12
#define ID_MMFR1_TWED_SHIFT	32
#define ID_MMFR1_CMOW_SHIFT	56
#define ID_MMFR1_TIDCP1_SHIFT	52

#define ID_MMFR2_IESB_SHIFT 12
#define ID_MMFR2_LSM_SHIFT  8

#define ID_MMFR3_S2PIE_SHIFT 12
#define ID_MMFR3_D128_SHIFT  32

/* ID_AA64MMFR4_EL1 */
#define ID_MMFR4_E2H0_SHIFT 24 /* signed: 0 = FEAT_E2H0, 0b1110 = not, and HCR_EL2.NV1 RES0 */

/* LS64 levels (ID_AA64ISAR1_EL1.LS64) */
#define ID_LS64_LS64	1
#define ID_LS64_V	2
#define ID_LS64_ACCDATA 3

#endif /* ARCH_IDFIELDS_H */
