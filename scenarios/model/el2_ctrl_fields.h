/* SPDX-License-Identifier: MIT */
/*
 * The feature fields of the EL2 control registers, one line per field (Arm ARM DDI 0487 K.a,
 * D24.2: HCR_EL2, VTCR_EL2, SCTLR_EL2, CPTR_EL2, MDCR_EL2, CNTHCTL_EL2, HCRX_EL2; GIC
 * architecture IHI 0069: ICH_HCR_EL2). Layouts are those of HCR_EL2.E2H = 0, the harness's,
 * except CPTR_E2H (CPTR_EL2 with E2H = 1) and SCTLR_E2H (SCTLR_EL2 with {E2H, TGE} = {1, 1}).
 *
 * X(reg, field, mask, feature, when, absent, ones, feature name):
 *   reg      enum el2_ctrl_reg without its EL2_CTRL_ prefix
 *   field    the field's name, "fwb" (the row is "[hcr][fwb,FEAT_S2FWB]")
 *   mask     the field's bits
 *   feature  the cpu_features.h feature (when = WHEN_FEAT), else CPU_ANY
 *   when     the feature test (el2_ctrl_model.h)
 *   absent   what the register description says the field is otherwise: RES0, RES1, RAO/WI
 *   ones     the "set" value when all-ones is not legal (SCTLR_EL2.TCF = 0b11 needs
 *            FEAT_MTE_ASYMM), else 0
 *
 * Pure data, for the el2.ctrl family (scenarios/el2/ctrl.c) and its host test.
 */
#ifndef MODEL_EL2_CTRL_FIELDS_H
#define MODEL_EL2_CTRL_FIELDS_H

#include "arch/el2.h"

#define CTRL_BITS(hi, lo) (((~0ULL) >> (63 - (hi))) & ~((1ULL << (lo)) - 1))

/* clang-format off */
#define EL2_CTRL_FIELDS(X)                                                                         \
	/* HCR_EL2 */                                                                              \
	X(HCR, "tid0", HCR_TID0, CPU_AA32EL0, WHEN_FEAT, ABSENT_RES0, 0, "AArch32-EL0")        \
	X(HCR, "hcd", HCR_HCD, CPU_NOT_EL3, WHEN_FEAT, ABSENT_RES0, 0, "no-EL3")               \
	X(HCR, "rw", HCR_RW, CPU_AA32EL1, WHEN_FEAT, ABSENT_RAO_WI, 0, "AArch32-EL1")          \
	X(HCR, "e2h", HCR_E2H, CPU_ANY, WHEN_E2H, ABSENT_RES0, 0, "FEAT_VHE")                  \
	X(HCR, "tlor", HCR_TLOR, CPU_LOR, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_LOR")               \
	X(HCR, "terr", HCR_TERR, CPU_RAS, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_RAS")               \
	X(HCR, "tea", HCR_TEA, CPU_RAS, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_RAS")                 \
	X(HCR, "tme", BIT(39), CPU_TME, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_TME")                 \
	X(HCR, "apk", HCR_APK, CPU_PAUTH, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_PAuth")             \
	X(HCR, "api", HCR_API, CPU_PAUTH, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_PAuth")             \
	X(HCR, "nv", HCR_NV, CPU_NV, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_NV")                     \
	X(HCR, "nv1", HCR_NV1, CPU_ANY, WHEN_NV1, ABSENT_RES0, 0, "FEAT_NV")                   \
	X(HCR, "at", BIT(44), CPU_NV, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_NV")                    \
	X(HCR, "nv2", HCR_NV2, CPU_NV2, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_NV2")                 \
	X(HCR, "fwb", HCR_FWB, CPU_S2FWB, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_S2FWB")             \
	X(HCR, "fien", BIT(47), CPU_ANY, WHEN_RASV1P1, ABSENT_RES0, 0, "FEAT_RASv1p1")         \
	X(HCR, "gpf", BIT(48), CPU_RME, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_RME")                 \
	X(HCR, "tid4", HCR_TID4, CPU_EVT, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_EVT")               \
	X(HCR, "ticab", HCR_TICAB, CPU_EVT, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_EVT")             \
	X(HCR, "amvoffen", BIT(51), CPU_AMUV1P1, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_AMUv1p1")    \
	X(HCR, "tocu", HCR_TOCU, CPU_EVT, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_EVT")               \
	X(HCR, "enscxt", HCR_ENSCXT, CPU_ANY, WHEN_CSV2_2, ABSENT_RES0, 0, "FEAT_CSV2_2")      \
	X(HCR, "ttlbis", HCR_TTLBIS, CPU_EVT_TTLBXS, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_EVT-TTLBxS") \
	X(HCR, "ttlbos", HCR_TTLBOS, CPU_EVT_TTLBXS, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_EVT-TTLBxS") \
	X(HCR, "ata", BIT(56), CPU_MTE2, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_MTE2")               \
	X(HCR, "dct", BIT(57), CPU_MTE2, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_MTE2")               \
	X(HCR, "tid5", BIT(58), CPU_MTE2, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_MTE2")              \
	X(HCR, "tweden", BIT(59), CPU_TWED, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_TWED")            \
	X(HCR, "twedel", CTRL_BITS(63, 60), CPU_TWED, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_TWED")  \
	/* VTCR_EL2 */                                                                             \
	X(VTCR, "vs", VTCR_VS, CPU_VMID16, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_VMID16")          \
	X(VTCR, "ha", BIT(21), CPU_HAFDBS, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_HAFDBS")          \
	X(VTCR, "hd", BIT(22), CPU_HAFDBS_DIRTY, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_HAFDBS-DBM")  \
	X(VTCR, "hwu59", BIT(25), CPU_HPDS2, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_HPDS2")         \
	X(VTCR, "hwu60", BIT(26), CPU_HPDS2, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_HPDS2")         \
	X(VTCR, "hwu61", BIT(27), CPU_HPDS2, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_HPDS2")         \
	X(VTCR, "hwu62", BIT(28), CPU_HPDS2, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_HPDS2")         \
	X(VTCR, "nsw", BIT(29), CPU_SEL2, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_SEL2")             \
	X(VTCR, "nsa", BIT(30), CPU_SEL2, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_SEL2")             \
	X(VTCR, "ds", BIT(32), CPU_ANY, WHEN_LPA2, ABSENT_RES0, 0, "FEAT_LPA2")               \
	X(VTCR, "sl2", BIT(33), CPU_ANY, WHEN_LPA2, ABSENT_RES0, 0, "FEAT_LPA2")              \
	X(VTCR, "assuredonly", BIT(34), CPU_THE, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_THE")       \
	X(VTCR, "tl1", BIT(35), CPU_THE, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_THE")               \
	X(VTCR, "s2pie", BIT(36), CPU_S2PIE, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_S2PIE")         \
	X(VTCR, "s2poe", BIT(37), CPU_S2POE, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_S2POE")         \
	X(VTCR, "d128", BIT(38), CPU_D128, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_D128")            \
	X(VTCR, "gcsh", BIT(40), CPU_THE, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_THE")              \
	X(VTCR, "tl0", BIT(41), CPU_THE, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_THE")               \
	X(VTCR, "haft", BIT(44), CPU_HAFT, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_HAFT")            \
	/* SCTLR_EL2 (E2H = 0) */                                                                  \
	X(SCTLR, "naa", BIT(6), CPU_LSE2, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_LSE2")            \
	X(SCTLR, "eos", BIT(11), CPU_EXS, WHEN_FEAT, ABSENT_RES1, 0, "FEAT_ExS")             \
	X(SCTLR, "endb", BIT(13), CPU_PAUTH, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_PAuth")        \
	X(SCTLR, "iesb", BIT(21), CPU_IESB, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_IESB")          \
	X(SCTLR, "eis", BIT(22), CPU_EXS, WHEN_FEAT, ABSENT_RES1, 0, "FEAT_ExS")             \
	X(SCTLR, "enda", BIT(27), CPU_PAUTH, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_PAuth")        \
	X(SCTLR, "enib", BIT(30), CPU_PAUTH, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_PAuth")        \
	X(SCTLR, "enia", BIT(31), CPU_PAUTH, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_PAuth")        \
	X(SCTLR, "bt", BIT(36), CPU_BTI, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_BTI")              \
	X(SCTLR, "itfsb", BIT(37), CPU_ANY, WHEN_MTE_ASYNC, ABSENT_RES0, 0, "FEAT_MTE_ASYNC") \
	X(SCTLR, "tcf", CTRL_BITS(41, 40), CPU_MTE2, WHEN_FEAT, ABSENT_RES0, BIT(40),        \
	  "FEAT_MTE2")                                                                             \
	X(SCTLR, "ata", BIT(43), CPU_MTE2, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_MTE2")           \
	X(SCTLR, "dssbs", BIT(44), CPU_SSBS, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_SSBS")         \
	X(SCTLR, "nmi", BIT(61), CPU_NMI, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_NMI")             \
	X(SCTLR, "spintmask", BIT(62), CPU_NMI, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_NMI")       \
	/* CPTR_EL2 (E2H = 0) */                                                                   \
	X(CPTR, "tz", CPTR_TZ, CPU_SVE, WHEN_FEAT, ABSENT_RES1, 0, "FEAT_SVE")                \
	X(CPTR, "tsm", CPTR_TSM, CPU_SME, WHEN_FEAT, ABSENT_RES1, 0, "FEAT_SME")              \
	X(CPTR, "tam", CPTR_TAM, CPU_AMU, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_AMU")              \
	/* CPTR_EL2 in the E2H = 1 layout (FEAT_VHE; the CPACR_EL1 layout) */                      \
	X(CPTR_E2H, "zen", CTRL_BITS(17, 16), CPU_SVE, WHEN_FEAT, ABSENT_RES0, 0,         \
	  "FEAT_SVE")                                                                              \
	X(CPTR_E2H, "smen", CTRL_BITS(25, 24), CPU_SME, WHEN_FEAT, ABSENT_RES0, 0,        \
	  "FEAT_SME")                                                                              \
	X(CPTR_E2H, "tam", CPTR_TAM, CPU_AMU, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_AMU")      \
	/* SCTLR_EL2 in the {E2H, TGE} = {1, 1} layout (FEAT_VHE; the SCTLR_EL1 layout) */         \
	X(SCTLR_E2H, "enrctx", BIT(10), CPU_SPECRES, WHEN_FEAT, ABSENT_RES0, 0,          \
	  "FEAT_SPECRES")                                                                          \
	X(SCTLR_E2H, "tscxt", BIT(20), CPU_ANY, WHEN_CSV2_2, ABSENT_RES1, 0,             \
	  "FEAT_CSV2_2")                                                                           \
	X(SCTLR_E2H, "span", BIT(23), CPU_PAN, WHEN_FEAT, ABSENT_RES1, 0, "FEAT_PAN")    \
	X(SCTLR_E2H, "ntlsmd", BIT(28), CPU_LSMAOC, WHEN_FEAT, ABSENT_RES1, 0,           \
	  "FEAT_LSMAOC")                                                                           \
	X(SCTLR_E2H, "lsmaoe", BIT(29), CPU_LSMAOC, WHEN_FEAT, ABSENT_RES1, 0,           \
	  "FEAT_LSMAOC")                                                                           \
	X(SCTLR_E2H, "cmow", BIT(32), CPU_CMOW, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_CMOW")  \
	X(SCTLR_E2H, "mscen", BIT(33), CPU_MOPS, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_MOPS") \
	X(SCTLR_E2H, "bt0", BIT(35), CPU_BTI, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_BTI")     \
	X(SCTLR_E2H, "tcf0", CTRL_BITS(39, 38), CPU_MTE2, WHEN_FEAT, ABSENT_RES0, BIT(38), \
	  "FEAT_MTE2")                                                                             \
	X(SCTLR_E2H, "ata0", BIT(42), CPU_MTE2, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_MTE2")  \
	X(SCTLR_E2H, "tweden", BIT(45), CPU_TWED, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_TWED") \
	X(SCTLR_E2H, "twedel", CTRL_BITS(49, 46), CPU_TWED, WHEN_FEAT, ABSENT_RES0, 0,   \
	  "FEAT_TWED")                                                                             \
	X(SCTLR_E2H, "enasr", BIT(54), CPU_LS64_V, WHEN_FEAT, ABSENT_RES0, 0,            \
	  "FEAT_LS64_V")                                                                           \
	X(SCTLR_E2H, "enas0", BIT(55), CPU_LS64_ACCDATA, WHEN_FEAT, ABSENT_RES0, 0,      \
	  "FEAT_LS64_ACCDATA")                                                                     \
	X(SCTLR_E2H, "enals", BIT(56), CPU_LS64, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_LS64") \
	X(SCTLR_E2H, "epan", BIT(57), CPU_PAN3, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_PAN3")  \
	X(SCTLR_E2H, "entp2", BIT(60), CPU_SME, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_SME")   \
	X(SCTLR_E2H, "tidcp", BIT(63), CPU_TIDCP1, WHEN_FEAT, ABSENT_RES0, 0,            \
	  "FEAT_TIDCP1")                                                                           \
	/* MDCR_EL2 */                                                                             \
	X(MDCR, "hpmn", MDCR_HPMN_MASK, CPU_PMU, WHEN_HPMN, ABSENT_RES0, 0, "FEAT_PMUv3")     \
	X(MDCR, "tpmcr", MDCR_TPMCR, CPU_PMU, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_PMUv3")        \
	X(MDCR, "tpm", MDCR_TPM, CPU_PMU, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_PMUv3")            \
	X(MDCR, "hpme", MDCR_HPME, CPU_PMU, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_PMUv3")          \
	X(MDCR, "tdosa", MDCR_TDOSA, CPU_DOUBLELOCK, WHEN_FEAT, ABSENT_RES0, 0,               \
	  "FEAT_DoubleLock")                                                                       \
	X(MDCR, "e2pb", CTRL_BITS(13, 12), CPU_SPE, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_SPE")    \
	X(MDCR, "tpms", MDCR_TPMS, CPU_SPE, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_SPE")            \
	X(MDCR, "hpmd", BIT(17), CPU_PMUV3P1, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_PMUv3p1")      \
	X(MDCR, "ttrf", MDCR_TTRF, CPU_TRF, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_TRF")            \
	X(MDCR, "hccd", BIT(23), CPU_PMUV3P5, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_PMUv3p5")      \
	X(MDCR, "e2tb", CTRL_BITS(25, 24), CPU_TRBE, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_TRBE")  \
	X(MDCR, "hlp", BIT(26), CPU_PMUV3P5, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_PMUv3p5")       \
	X(MDCR, "tdcc", BIT(27), CPU_FGT, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_FGT")              \
	X(MDCR, "mtpme", BIT(28), CPU_ANY, WHEN_MTPMU, ABSENT_RES0, 0, "FEAT_MTPMU")          \
	X(MDCR, "hpmfzo", BIT(29), CPU_PMUV3P7, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_PMUv3p7")    \
	/* CNTHCTL_EL2 (E2H = 0) */                                                                \
	X(CNTHCTL, "ecv", CNTHCTL_ECV, CPU_ECV_POFF, WHEN_FEAT, ABSENT_RES0, 0,            \
	  "FEAT_ECV_POFF")                                                                         \
	X(CNTHCTL, "el1tvt", CNTHCTL_EL1TVT, CPU_ECV, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_ECV") \
	X(CNTHCTL, "el1tvct", CNTHCTL_EL1TVCT, CPU_ECV, WHEN_FEAT, ABSENT_RES0, 0,         \
	  "FEAT_ECV")                                                                              \
	X(CNTHCTL, "el1nvpct", CNTHCTL_EL1NVPCT, CPU_ECV, WHEN_FEAT, ABSENT_RES0, 0,       \
	  "FEAT_ECV")                                                                              \
	X(CNTHCTL, "el1nvvct", CNTHCTL_EL1NVVCT, CPU_ECV, WHEN_FEAT, ABSENT_RES0, 0,       \
	  "FEAT_ECV")                                                                              \
	X(CNTHCTL, "evntis", BIT(17), CPU_ECV, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_ECV")      \
	/* HCRX_EL2 (the whole register needs FEAT_HCX) */                                         \
	X(HCRX, "enas0", HCRX_ENAS0, CPU_ANY, WHEN_HCRX_NEUTRAL, ABSENT_RES0, 0,              \
	  "FEAT_LS64_ACCDATA")                                                                     \
	X(HCRX, "enals", HCRX_ENALS, CPU_ANY, WHEN_HCRX_NEUTRAL, ABSENT_RES0, 0, "FEAT_LS64") \
	X(HCRX, "enasr", HCRX_ENASR, CPU_ANY, WHEN_HCRX_NEUTRAL, ABSENT_RES0, 0,              \
	  "FEAT_LS64_V")                                                                           \
	X(HCRX, "fnxs", HCRX_FNXS, CPU_XS, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_XS")              \
	X(HCRX, "fgtnxs", HCRX_FGTNXS, CPU_XS, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_XS")          \
	X(HCRX, "tallint", HCRX_TALLINT, CPU_NMI, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_NMI")      \
	X(HCRX, "vinmi", HCRX_VINMI, CPU_NMI, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_NMI")          \
	X(HCRX, "vfnmi", HCRX_VFNMI, CPU_NMI, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_NMI")          \
	X(HCRX, "cmow", HCRX_CMOW, CPU_CMOW, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_CMOW")          \
	X(HCRX, "mce2", HCRX_MCE2, CPU_MOPS, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_MOPS")          \
	X(HCRX, "mscen", HCRX_MSCEN, CPU_ANY, WHEN_HCRX_NEUTRAL, ABSENT_RES0, 0, "FEAT_MOPS") \
	X(HCRX, "tcr2en", HCRX_TCR2EN, CPU_ANY, WHEN_HCRX_NEUTRAL, ABSENT_RES0, 0,            \
	  "FEAT_TCR2")                                                                             \
	X(HCRX, "sctlr2en", HCRX_SCTLR2EN, CPU_ANY, WHEN_HCRX_NEUTRAL, ABSENT_RES0, 0,        \
	  "FEAT_SCTLR2")                                                                           \
	X(HCRX, "pttwi", BIT(16), CPU_THE, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_THE")             \
	X(HCRX, "d128en", BIT(17), CPU_D128, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_D128")          \
	X(HCRX, "gcsen", BIT(22), CPU_GCS, WHEN_FEAT, ABSENT_RES0, 0, "FEAT_GCS")             \
	/* ICH_HCR_EL2 (the whole register needs the GICv3 CPU interface) */                       \
	X(ICH_HCR, "vsgieoicount", BIT(8), CPU_ANY, WHEN_GICV4P1, ABSENT_RES0, 0,          \
	  "FEAT_GICv4p1")                                                                          \
	X(ICH_HCR, "tsei", BIT(13), CPU_ANY, WHEN_ICH_SEIS, ABSENT_RES0, 0,                \
	  "ICH_VTR_EL2.SEIS")                                                                      \
	X(ICH_HCR, "tdir", ICH_HCR_TDIR, CPU_ANY, WHEN_ICH_TDS, ABSENT_RES0, 0,            \
	  "ICH_VTR_EL2.TDS")                                                                       \
	X(ICH_HCR, "dvim", BIT(15), CPU_ANY, WHEN_ICH_DVIM, ABSENT_RES0, 0,                \
	  "ICH_VTR_EL2.DVIM")
/* clang-format on */

/* The register part of a row's name: one [...] group per register, a scope for skip lists. */
#define CTRL_ROW_REG_HCR       "hcr"
#define CTRL_ROW_REG_VTCR      "vtcr"
#define CTRL_ROW_REG_SCTLR     "sctlr"
#define CTRL_ROW_REG_SCTLR_E2H "sctlr_e2h"
#define CTRL_ROW_REG_CPTR      "cptr"
#define CTRL_ROW_REG_CPTR_E2H  "cptr_e2h"
#define CTRL_ROW_REG_MDCR      "mdcr"
#define CTRL_ROW_REG_CNTHCTL   "cnthctl"
#define CTRL_ROW_REG_HCRX      "hcrx"
#define CTRL_ROW_REG_ICH_HCR   "ich_hcr"

/** The rows of the table as struct el2_ctrl_field initialisers: "[hcr][fwb,FEAT_S2FWB]". */
#define EL2_CTRL_ROW(reg, field, mask, feat, when, absent, ones, fname)                            \
	{"[" CTRL_ROW_REG_##reg "][" field "," fname "]",                                          \
	 EL2_CTRL_##reg,                                                                           \
	 (mask),                                                                                   \
	 (feat),                                                                                   \
	 (when),                                                                                   \
	 (absent),                                                                                 \
	 (ones)},

#endif /* MODEL_EL2_CTRL_FIELDS_H */
