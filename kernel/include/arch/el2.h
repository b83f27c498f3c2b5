/* SPDX-License-Identifier: MIT */
/*
 * Field names of the EL2 control registers, from one place (Arm ARM DDI 0487, D23 / D24).
 * Pure definitions: host-compilable.
 */
#ifndef ARCH_EL2_H
#define ARCH_EL2_H

#define BIT(n)			   (1ULL << (n))
#define FIELD_GET(v, shift, width) (((v) >> (shift)) & ((1ULL << (width)) - 1))

/* HCR_EL2 */
#define HCR_VM	   BIT(0)
#define HCR_SWIO   BIT(1)
#define HCR_PTW	   BIT(2)
#define HCR_FMO	   BIT(3)
#define HCR_IMO	   BIT(4)
#define HCR_AMO	   BIT(5)
#define HCR_VF	   BIT(6)
#define HCR_VI	   BIT(7)
#define HCR_VSE	   BIT(8)
#define HCR_FB	   BIT(9)
#define HCR_BSU_IS (1ULL << 10)
#define HCR_DC	   BIT(12)
#define HCR_TWI	   BIT(13)
#define HCR_TWE	   BIT(14)
#define HCR_TID0   BIT(15)
#define HCR_TID1   BIT(16)
#define HCR_TID2   BIT(17)
#define HCR_TID3   BIT(18)
#define HCR_TSC	   BIT(19)
#define HCR_TIDCP  BIT(20)
#define HCR_TACR   BIT(21)
#define HCR_TSW	   BIT(22)
#define HCR_TPCP   BIT(23)
#define HCR_TPU	   BIT(24)
#define HCR_TTLB   BIT(25)
#define HCR_TVM	   BIT(26)
#define HCR_TGE	   BIT(27)
#define HCR_TDZ	   BIT(28)
#define HCR_HCD	   BIT(29)
#define HCR_TRVM   BIT(30)
#define HCR_RW	   BIT(31)
#define HCR_CD	   BIT(32)
#define HCR_ID	   BIT(33)
#define HCR_E2H	   BIT(34)
#define HCR_TLOR   BIT(35)
#define HCR_TERR   BIT(36)
#define HCR_TEA	   BIT(37)
#define HCR_APK	   BIT(40)
#define HCR_API	   BIT(41)
#define HCR_NV	   BIT(42)
#define HCR_NV1	   BIT(43)
#define HCR_NV2	   BIT(45)
#define HCR_FWB	   BIT(46)
#define HCR_TID4   BIT(49)
#define HCR_TICAB  BIT(50)
#define HCR_TOCU   BIT(52)
#define HCR_ENSCXT BIT(53)
#define HCR_TTLBIS BIT(54)
#define HCR_TTLBOS BIT(55)

/* SCTLR_EL2 (E2H=0 layout) */
#define SCTLR_M	  BIT(0)
#define SCTLR_A	  BIT(1)
#define SCTLR_C	  BIT(2)
#define SCTLR_SA  BIT(3)
#define SCTLR_I	  BIT(12)
#define SCTLR_WXN BIT(19)
#define SCTLR_EE  BIT(25)
/* RES1 bits of SCTLR_EL2 when E2H=0: 4, 5, 11, 16, 18, 22, 23, 28, 29. */
#define SCTLR_EL2_RES1 0x30C50830ULL
/* SCTLR_EL1 RES1 bits (Armv8.0): 11, 20, 22, 23, 28, 29. */
#define SCTLR_EL1_RES1 0x30D00800ULL
/* SCTLR_EL1 controls of EL0 (M, A, C, SA, I as in SCTLR_EL2 above). */
#define SCTLR_EL1_SA0  BIT(4)  /* SP alignment check at EL0 */
#define SCTLR_EL1_UCT  BIT(15) /* EL0 may read CTR_EL0 */
#define SCTLR_EL1_nTWI BIT(16) /* WFI at EL0 is not trapped to EL1 */
#define SCTLR_EL1_nTWE BIT(18) /* WFE at EL0 is not trapped to EL1 */
#define SCTLR_EL1_DZE  BIT(14) /* DC ZVA at EL0 is not trapped to EL1 */
#define SCTLR_EL1_UCI  BIT(26) /* DC CVAU/CIVAC/CVAC and IC IVAU at EL0 are not trapped */

/* TCR_EL2 (E2H=0) */
#define TCR_T0SZ(n)	 ((unsigned long long)(n)&0x3f)
#define TCR_IRGN0_WBWA	 (1ULL << 8)
#define TCR_ORGN0_WBWA	 (1ULL << 10)
#define TCR_SH0_INNER	 (3ULL << 12)
#define TCR_TG0_4K	 (0ULL << 14)
#define TCR_TG0_64K	 (1ULL << 14)
#define TCR_TG0_16K	 (2ULL << 14)
#define TCR_EL2_PS_SHIFT 16
#define TCR_EL2_RES1	 (BIT(31) | BIT(23))
/* TCR_EL1 (fields not shared with TCR_EL2 above) */
#define TCR_EL1_EPD1	  BIT(23) /* no walks through TTBR1_EL1 */
#define TCR_EL1_IPS_SHIFT 32
/* TTBCR (AArch32 EL1, TCR_EL1[31:0]): EAE = 1 selects the long-descriptor (LPAE) format. */
#define TTBCR_EAE BIT(31)

/* TCR_EL1: the TTBR1_EL1 half and hardware AF/dirty management (FEAT_HAFDBS) */
#define TCR_EL1_T1SZ(n)	   (((unsigned long long)(n)&0x3f) << 16)
#define TCR_EL1_IRGN1_WBWA (1ULL << 24)
#define TCR_EL1_ORGN1_WBWA (1ULL << 26)
#define TCR_EL1_SH1_INNER  (3ULL << 28)
#define TCR_EL1_TG1_4K	   (2ULL << 30) /* TG1 encodes 4K as 0b10, unlike TG0 */
#define TCR_EL1_HA	   BIT(39)	/* hardware Access flag update, stage 1 */
#define TCR_EL1_HD	   BIT(40)	/* hardware dirty state (DBM), stage 1 */

/* VTCR_EL2 */
#define VTCR_T0SZ(n)	((unsigned long long)(n)&0x3f)
#define VTCR_SL0_SHIFT	6
#define VTCR_IRGN0_WBWA (1ULL << 8)
#define VTCR_ORGN0_WBWA (1ULL << 10)
#define VTCR_SH0_INNER	(3ULL << 12)
#define VTCR_TG0_SHIFT	14
#define VTCR_TG0_4K	(0ULL << 14)
#define VTCR_TG0_64K	(1ULL << 14)
#define VTCR_TG0_16K	(2ULL << 14)
#define VTCR_PS_SHIFT	16
#define VTCR_VS		BIT(19)
#define VTCR_HA		BIT(21) /* FEAT_HAFDBS: hardware Access flag update, stage 2 */
#define VTCR_HD		BIT(22) /* FEAT_HAFDBS: hardware dirty state (DBM), stage 2 */
#define VTCR_RES1	BIT(31)
#define VTCR_T0SZ_MASK	0x3fULL
#define VTCR_SL0_MASK	(3ULL << 6)
#define VTCR_PS_MASK	(7ULL << 16)
#define VTCR_DS		BIT(32) /* FEAT_LPA2: 52-bit descriptors for 4KB/16KB */
#define VTCR_SL2	BIT(33) /* FEAT_LPA2: 4KB start level -1 (with SL0 = 0) */

/* VTTBR_EL2 */
#define VTTBR_VMID_SHIFT 48
#define VTTBR_CNP	 BIT(0) /* Common not Private (FEAT_TTCNP), RES0 without it */

/* MAIR attribute encodings */
#define MAIR_DEVICE_nGnRnE 0x00ULL
#define MAIR_DEVICE_nGnRE  0x04ULL
#define MAIR_NORMAL_WB	   0xffULL
#define MAIR_NORMAL_NC	   0x44ULL

/* CPTR_EL2 (E2H=0) */
#define CPTR_EL2_RES1 (BIT(13) | BIT(12) | 0xffULL | BIT(9))
#define CPTR_TZ	      BIT(8)
#define CPTR_TFP      BIT(10)
#define CPTR_TSM      BIT(12)
#define CPTR_TTA      BIT(20)
#define CPTR_TAM      BIT(30)
#define CPTR_TCPAC    BIT(31)

/* MDCR_EL2 */
#define MDCR_HPMN_MASK 0x1fULL
#define MDCR_TPMCR     BIT(5)
#define MDCR_TPM       BIT(6)
#define MDCR_HPME      BIT(7)
#define MDCR_TDE       BIT(8)
#define MDCR_TDA       BIT(9)
#define MDCR_TDOSA     BIT(10)
#define MDCR_TDRA      BIT(11)
#define MDCR_TPMS      BIT(14)
#define MDCR_TTRF      BIT(19)

/* CNTHCTL_EL2 (E2H=0) */
#define CNTHCTL_EL1PCTEN BIT(0)
#define CNTHCTL_EL1PCEN	 BIT(1)
/* CNTHCTL_EL2 when HCR_EL2.E2H == 1 (ELIsInHost(EL2)): the EL1 controls move up. */
#define CNTHCTL_E2H_EL0PCTEN BIT(0)
#define CNTHCTL_E2H_EL0VCTEN BIT(1)
#define CNTHCTL_E2H_EL1PCTEN BIT(10)
#define CNTHCTL_E2H_EL1PTEN  BIT(11)
/* CNTHCTL_EL2, same bit in both layouts: FEAT_ECV (ECV needs FEAT_ECV_POFF) */
#define CNTHCTL_ECV	 BIT(12)
#define CNTHCTL_EL1TVT	 BIT(13)
#define CNTHCTL_EL1TVCT	 BIT(14)
#define CNTHCTL_EL1NVPCT BIT(15)
#define CNTHCTL_EL1NVVCT BIT(16)
/* CNTHCTL_EL2, both layouts: the event stream from the physical count (EVNTIS: FEAT_ECV) */
#define CNTHCTL_EVNTEN	 BIT(2)
#define CNTHCTL_EVNTDIR	 BIT(3)
#define CNTHCTL_EVNTI(n) ((uint64_t)(n) << 4)
#define CNTHCTL_EVNTIS	 BIT(17)
/* CNTHCTL_EL2 when HCR_EL2.E2H == 1: the EL0 timer controls (used while TGE = 1) */
#define CNTHCTL_E2H_EL0VTEN BIT(8)
#define CNTHCTL_E2H_EL0PTEN BIT(9)
/* CNTKCTL_EL1: EL0 access to the counters and timers, the virtual-count event stream */
#define CNTKCTL_EL0PCTEN BIT(0)
#define CNTKCTL_EL0VCTEN BIT(1)
#define CNTKCTL_EVNTEN	 BIT(2)
#define CNTKCTL_EVNTDIR	 BIT(3)
#define CNTKCTL_EVNTI(n) ((uint64_t)(n) << 4)
#define CNTKCTL_EL0VTEN	 BIT(8)
#define CNTKCTL_EL0PTEN	 BIT(9)

/* CPTR_EL2 when HCR_EL2.E2H == 1 (the CPACR_EL1 layout) */
#define CPTR_E2H_ZEN_NOTRAP  (3ULL << 16)
#define CPTR_E2H_FPEN_NOTRAP (3ULL << 20)

/* ICH_HCR_EL2 (GICv3) */
#define ICH_HCR_EN	    BIT(0)
#define ICH_HCR_TC	    BIT(10)
#define ICH_HCR_TALL0	    BIT(11)
#define ICH_HCR_TALL1	    BIT(12)
#define ICH_HCR_TDIR	    BIT(14)
#define ICH_HCR_EOICOUNT(v) FIELD_GET(v, 27, 5)
#define ICH_HCR_UIE	    BIT(1)
#define ICH_HCR_LRENPIE	    BIT(2)
#define ICH_HCR_NPIE	    BIT(3)
#define ICH_HCR_VGRP0EIE    BIT(4)
#define ICH_HCR_VGRP0DIE    BIT(5)
#define ICH_HCR_VGRP1EIE    BIT(6)
#define ICH_HCR_VGRP1DIE    BIT(7)
#define ICH_HCR_EOICOUNT_SHIFT 27
/* ICH_MISR_EL2: the maintenance interrupt conditions (IHI 0069) */
#define ICH_MISR_EOI	    BIT(0)
#define ICH_MISR_U	    BIT(1)
#define ICH_MISR_LRENP	    BIT(2)
#define ICH_MISR_NP	    BIT(3)
#define ICH_MISR_VGRP0E	    BIT(4)
#define ICH_MISR_VGRP0D	    BIT(5)
#define ICH_MISR_VGRP1E	    BIT(6)
#define ICH_MISR_VGRP1D	    BIT(7)
/* ICH_LR<n>_EL2 (IHI 0069): EOI is bit 41 when HW = 0, pINTID[44:32] when HW = 1 */
#define ICH_LR_STATE(v)	    FIELD_GET(v, 62, 2)
#define ICH_LR_HW	    BIT(61)
#define ICH_LR_GROUP	    BIT(60)
#define ICH_LR_PRIORITY(v)  FIELD_GET(v, 48, 8)
#define ICH_LR_PINTID(v)    FIELD_GET(v, 32, 13)
#define ICH_LR_EOI	    BIT(41)
/* ICH_VTR_EL2 */
#define ICH_VTR_LISTREGS(v) FIELD_GET(v, 0, 5)
#define ICH_VTR_TDS	    BIT(19)
#define ICH_VTR_DVIM	    BIT(18)
#define ICH_VTR_PREBITS(v)  FIELD_GET(v, 26, 3)
#define ICH_VTR_PRIBITS(v)  FIELD_GET(v, 29, 3)
#define ICH_VTR_IDBITS(v)   FIELD_GET(v, 23, 3)
#define ICH_VTR_SEIS	    BIT(22)
#define ICH_VTR_A3V	    BIT(21)
#define ICH_VTR_NV4	    BIT(20)

/* CNTx_CTL */
#define CNT_CTL_ENABLE	BIT(0)
#define CNT_CTL_IMASK	BIT(1)
#define CNT_CTL_ISTATUS BIT(2)

/* SPSR_ELx (AArch64 state) */
#define SPSR_M_EL0t 0x0ULL
#define SPSR_M_EL1t 0x4ULL
#define SPSR_M_EL1h 0x5ULL
#define SPSR_M_EL2h 0x9ULL
#define SPSR_F	    BIT(6)
#define SPSR_I	    BIT(7)
#define SPSR_A	    BIT(8)
#define SPSR_D	    BIT(9)
#define SPSR_DAIF   (SPSR_D | SPSR_A | SPSR_I | SPSR_F)
#define SPSR_IL	    BIT(20)
#define SPSR_SS	    BIT(21)

/* FPCR trap enables (RAZ/WI where trapped floating-point exceptions are not implemented) */
#define FPCR_IOE BIT(8)
#define FPCR_DZE BIT(9)

/* SCR_EL3, for the EL3 entry path only */
#define SCR_NS	 BIT(0)
#define SCR_RES1 (BIT(4) | BIT(5))
#define SCR_HCE	 BIT(8)
#define SCR_RW	 BIT(10)

/* ID_AA64MMFR0_EL1 */
#define MMFR0_PARANGE(v)     FIELD_GET(v, 0, 4)
#define MMFR0_VMIDBITS_SHIFT 0 /* (in MMFR1) */
#define MMFR0_TGRAN16(v)     FIELD_GET(v, 20, 4)
#define MMFR0_TGRAN64(v)     FIELD_GET(v, 24, 4)
#define MMFR0_TGRAN4(v)	     FIELD_GET(v, 28, 4)
#define MMFR0_TGRAN16_2(v)   FIELD_GET(v, 32, 4)
#define MMFR0_TGRAN64_2(v)   FIELD_GET(v, 36, 4)
#define MMFR0_TGRAN4_2(v)    FIELD_GET(v, 40, 4)
#define MMFR0_ECV(v)	     FIELD_GET(v, 60, 4)
/* ID_AA64MMFR1_EL1 */
#define MMFR1_VMIDBITS(v) FIELD_GET(v, 4, 4)
#define MMFR1_VH(v)	  FIELD_GET(v, 8, 4)
/* ID_AA64MMFR2_EL1 */
#define MMFR2_NV(v) FIELD_GET(v, 24, 4)
/* ID_AA64PFR0_EL1 */
#define PFR0_EL1(v) FIELD_GET(v, 4, 4)
#define PFR0_EL2(v) FIELD_GET(v, 8, 4)
#define PFR0_EL3(v) FIELD_GET(v, 12, 4)
#define PFR0_GIC(v) FIELD_GET(v, 24, 4)

/* HCRX_EL2 (FEAT_HCX). Enable bits (En*, MSCEn, TCR2En, SCTLR2En) trap or UNDEF when 0. */
#define HCRX_ENAS0    BIT(0) /* ST64BV0 at EL1/EL0 (FEAT_LS64_ACCDATA) */
#define HCRX_ENALS    BIT(1) /* LD64B, ST64B (FEAT_LS64) */
#define HCRX_ENASR    BIT(2) /* ST64BV (FEAT_LS64_V) */
#define HCRX_FNXS     BIT(3)
#define HCRX_FGTNXS   BIT(4) /* 1: HFGITR_EL2 TLBI traps do not apply to the nXS forms */
#define HCRX_SMPME    BIT(5)
#define HCRX_TALLINT  BIT(6) /* traps MSR ALLINT at EL1 (FEAT_NMI) */
#define HCRX_VINMI    BIT(7)
#define HCRX_VFNMI    BIT(8)
#define HCRX_CMOW     BIT(9)
#define HCRX_MCE2     BIT(10)
#define HCRX_MSCEN    BIT(11) /* CPY*, SET* at EL1/EL0 (FEAT_MOPS) */
#define HCRX_TCR2EN   BIT(14) /* TCR2_EL1 (FEAT_TCR2) */
#define HCRX_SCTLR2EN BIT(15) /* SCTLR2_EL1 (FEAT_SCTLR2) */

/* PAR_EL1 after a successful AT (F = 0); NS (bit 9) is UNKNOWN for a Non-secure regime. */
#define PAR_F	       BIT(0)
#define PAR_SH_SHIFT   7
#define PAR_NS	       BIT(9)
#define PAR_PA_MASK    0x000ffffffffff000ULL /* PA[51:12] (PA[51:48] with FEAT_LPA) */
#define PAR_ATTR_SHIFT 56

/* VNCR_EL2 (FEAT_NV2): BADDR, bits [52:12], a VA in the EL2 translation regime. */
#define VNCR_BADDR_MASK 0x001ffffffffff000ULL

#endif /* ARCH_EL2_H */
