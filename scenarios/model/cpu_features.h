/* SPDX-License-Identifier: MIT */
/*
 * Which architectural features a CPU implements, from its ID registers (Arm ARM DDI 0487,
 * D24.2 "ID_AA64*_EL1" and the FEAT_* definitions of A2). One table maps each feature to
 * the ID field(s) that advertise it, so a scenario's SKIP reason always names the field and
 * the value read ("needs FEAT_FGT (ID_AA64MMFR0_EL1.FGT=0)"). Pure code: host-tested in
 * tests/unit/cpu_features_test.c.
 */
#ifndef MODEL_CPU_FEATURES_H
#define MODEL_CPU_FEATURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** The ID registers (and two discovered facts) the feature table reads. */
struct id_regs {
	uint64_t pfr0, pfr1, dfr0, isar0, isar1, isar2, mmfr0, mmfr1, mmfr2, mmfr3;
	unsigned gic_version; /* from the DTB: 3 = a GICv3 CPU interface is in use */
	uint64_t erridr;      /* ERRIDR_EL1 when FEAT_RAS, else 0 */
	uint64_t pmcr;	      /* PMCR_EL0 when a PMU is implemented, else 0 */
	uint64_t mmfr4;	      /* ID_AA64MMFR4_EL1 (RAZ before Armv8.8's ID space use) */
	uint64_t ich_vtr;     /* ICH_VTR_EL2 when gic_version == 3, else 0 */
};

enum cpu_feature {
	CPU_ANY, /* always present */
	CPU_FGT,
	CPU_HCX,
	CPU_NV,
	CPU_NV2,
	CPU_PMU,
	CPU_PMU_EVCNT, /* PMUv3 with PMCR_EL0.N > 0 event counters */
	CPU_PMUV3P4,
	CPU_RAS,
	CPU_RAS_RECORDS, /* ERRIDR_EL1.NUM > 0: ERRSELR_EL1 and ERX* are defined */
	CPU_LOR,
	CPU_PAUTH,
	CPU_PAUTH_GA,
	CPU_CSV2_2, /* SCXTNUM_ELx */
	CPU_SME,
	CPU_GCS,
	CPU_THE,
	CPU_S1PIE,
	CPU_S1POE,
	CPU_S2POE,
	CPU_AIE,
	CPU_LS64,
	CPU_LS64_V,
	CPU_LS64_ACCDATA,
	CPU_DPB,
	CPU_DPB2,
	CPU_PAN2,
	CPU_TLBIOS,
	CPU_TLBIRANGE,
	CPU_SPECRES,
	CPU_XS,
	CPU_NMI,
	CPU_MOPS,
	CPU_DOUBLELOCK,
	CPU_SPE,
	CPU_TRACE, /* FEAT_ETE/ETMv4 System register interface */
	CPU_TRBE,
	CPU_BRBE,
	CPU_TCR2,
	CPU_SCTLR2,
	CPU_MTE2,
	CPU_GICV3,
	CPU_AMU,
	CPU_TRF,
	CPU_EVT,
	CPU_ECV,
	CPU_FPAC, /* FEAT_FPAC: a failed AUT* faults (PAuth level 4+) */
	CPU_SVE,
	CPU_WFXT,
	CPU_S2FWB,
	CPU_XNX,	  /* stage 2 XN[0]: EL1/EL0 execute-never (ID_AA64MMFR1_EL1.XNX) */
	CPU_LSE,	  /* LDADD and the other FEAT_LSE atomics */
	CPU_HAFDBS,	  /* FEAT_HAFDBS: hardware Access flag (HAFDBS >= 1) */
	CPU_HAFDBS_DIRTY, /* FEAT_HAFDBS with dirty state too (HAFDBS >= 2) */
	/* Features of EL2 control register fields (scenarios/el2/ctrl.c). */
	CPU_VHE,
	CPU_VMID16,
	CPU_HAFT,
	CPU_HPDS2,
	CPU_SEL2,
	CPU_S2PIE,
	CPU_D128,
	CPU_BTI,
	CPU_IESB,
	CPU_LSE2,
	CPU_SSBS,
	CPU_EXS,
	CPU_EVT_TTLBXS,
	CPU_RME,
	CPU_TME,
	CPU_TWED,
	CPU_AMUV1P1,
	CPU_PMUV3P1,
	CPU_PMUV3P5,
	CPU_PMUV3P7,
	CPU_CMOW,
	CPU_ECV_POFF,
	CPU_AA32EL0,
	CPU_AA32EL1,
	CPU_NOT_EL3, /* EL3 is not implemented (ID_AA64PFR0_EL1.EL3 = 0) */
	CPU_PAN,
	CPU_PAN3,
	CPU_LSMAOC,
	CPU_TIDCP1,
	CPU_HPMN0,
	CPU_TTCNP,
	CPU_TTL,
	/* Features docs/coverage.md asks the models about (fields no scenario exercises yet). */
	CPU_FGT2,
	CPU_SPECRES2,
	CPU_PMUV3P9,
	CPU_SPEV1P2,
	CPU_DEBUGV8P9,
	CPU_HDBSS,
	CPU_ATS1A,
	CPU_SYSREG128,
	CPU_UAO,      /* PSTATE.UAO (ID_AA64MMFR2_EL1.UAO) */
	CPU_DIT,      /* PSTATE.DIT (ID_AA64PFR0_EL1.DIT) */
	CPU_SSBS_MSR, /* MSR/MRS SSBS: ID_AA64PFR1_EL1.SSBS >= 2 */
	CPU_FEATURES
};

/**
 * cpu_feature_missing() - NULL if @ids advertise @f, else the SKIP reason written to @why:
 * "needs FEAT_X (ID_..._EL1.FIELD=v)" naming every field consulted with the value read.
 */
const char *cpu_feature_missing(const struct id_regs *ids, enum cpu_feature f, char *why,
				size_t len);

/** cpu_feature_name() - the feature's name as the SKIP reasons give it ("FEAT_FGT"). */
const char *cpu_feature_name(enum cpu_feature f);

/** cpu_has() - whether @ids advertise @f. */
bool cpu_has(const struct id_regs *ids, enum cpu_feature f);

#endif /* MODEL_CPU_FEATURES_H */
