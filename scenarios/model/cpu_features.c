/* SPDX-License-Identifier: MIT */
/*
 * Feature presence from ID register fields (see cpu_features.h). Each row: the feature's
 * name, up to three alternative fields (any one at or above its minimum is enough), and how
 * to read the field: most are unsigned "0 = absent"; DoubleLock is signed (0xf = absent), and
 * PMUVer treats 0xf (IMPLEMENTATION DEFINED PMU) as no PMUv3 (Arm ARM, ID_AA64DFR0_EL1).
 */
#include <stdio.h>

#include "arch/idfields.h"
#include "cpu_features.h"
#include "strbuf.h"

enum idr {
	PFR0,
	PFR1,
	DFR0,
	ISAR0,
	ISAR1,
	ISAR2,
	MMFR0,
	MMFR1,
	MMFR2,
	MMFR3,
	ERRIDR, /* NUM, bits [15:0], read as a 16-bit field */
	PMCR,	/* N, bits [15:11] */
	GIC,	/* the discovered GIC version, not a register field */
};

static const char *const idr_names[] = {
	[PFR0] = "ID_AA64PFR0_EL1",   [PFR1] = "ID_AA64PFR1_EL1",   [DFR0] = "ID_AA64DFR0_EL1",
	[ISAR0] = "ID_AA64ISAR0_EL1", [ISAR1] = "ID_AA64ISAR1_EL1", [ISAR2] = "ID_AA64ISAR2_EL1",
	[MMFR0] = "ID_AA64MMFR0_EL1", [MMFR1] = "ID_AA64MMFR1_EL1", [MMFR2] = "ID_AA64MMFR2_EL1",
	[MMFR3] = "ID_AA64MMFR3_EL1", [ERRIDR] = "ERRIDR_EL1",	    [PMCR] = "PMCR_EL0",
	[GIC] = "the DTB's GIC",
};

enum field_kind { UNSIGNED, SIGNED_ABSENT_F, PMUVER, ZERO /* present when the field is 0 */ };

struct field {
	enum idr reg;
	uint8_t shift;
	uint8_t min;
	const char *name;
};

struct feature {
	const char *feat;
	enum field_kind kind;
	struct field alt[3];
};

/* clang-format off */
static const struct feature features[CPU_FEATURES] = {
	[CPU_ANY]          = {"nothing", UNSIGNED, {{0}}},
	[CPU_FGT]          = {"FEAT_FGT", UNSIGNED, {{MMFR0, ID_MMFR0_FGT_SHIFT, 1, "FGT"}}},
	[CPU_HCX]          = {"FEAT_HCX", UNSIGNED, {{MMFR1, ID_MMFR1_HCX_SHIFT, 1, "HCX"}}},
	[CPU_NV]           = {"FEAT_NV", UNSIGNED, {{MMFR2, ID_MMFR2_NV_SHIFT, 1, "NV"}}},
	[CPU_NV2]          = {"FEAT_NV2", UNSIGNED, {{MMFR2, ID_MMFR2_NV_SHIFT, 2, "NV"}}},
	[CPU_PMU]          = {"FEAT_PMUv3", PMUVER, {{DFR0, ID_DFR0_PMUVER_SHIFT, 1, "PMUVer"}}},
	[CPU_PMU_EVCNT]    = {"PMU event counters", UNSIGNED, {{PMCR, 11, 1, "N"}}},
	[CPU_PMUV3P4]      = {"FEAT_PMUv3p4", PMUVER, {{DFR0, ID_DFR0_PMUVER_SHIFT, 5, "PMUVer"}}},
	[CPU_RAS]          = {"FEAT_RAS", UNSIGNED, {{PFR0, ID_PFR0_RAS_SHIFT, 1, "RAS"}}},
	[CPU_RAS_RECORDS]  = {"RAS error records", UNSIGNED, {{ERRIDR, 0, 1, "NUM"}}},
	[CPU_LOR]          = {"FEAT_LOR", UNSIGNED, {{MMFR1, ID_MMFR1_LO_SHIFT, 1, "LO"}}},
	[CPU_PAUTH]        = {"FEAT_PAuth", UNSIGNED, {{ISAR1, ID_ISAR1_APA_SHIFT, 1, "APA"},
						  {ISAR1, ID_ISAR1_API_SHIFT, 1, "API"},
						  {ISAR2, ID_ISAR2_APA3_SHIFT, 1, "APA3"}}},
	[CPU_PAUTH_GA]     = {"FEAT_PAuth generic key", UNSIGNED,
			      {{ISAR1, ID_ISAR1_GPA_SHIFT, 1, "GPA"},
			       {ISAR1, ID_ISAR1_GPI_SHIFT, 1, "GPI"},
			       {ISAR2, ID_ISAR2_GPA3_SHIFT, 1, "GPA3"}}},
	[CPU_CSV2_2]       = {"FEAT_CSV2_2", UNSIGNED, {{PFR0, ID_PFR0_CSV2_SHIFT, 2, "CSV2"}}},
	[CPU_SME]          = {"FEAT_SME", UNSIGNED, {{PFR1, ID_PFR1_SME_SHIFT, 1, "SME"}}},
	[CPU_GCS]          = {"FEAT_GCS", UNSIGNED, {{PFR1, ID_PFR1_GCS_SHIFT, 1, "GCS"}}},
	[CPU_THE]          = {"FEAT_THE", UNSIGNED, {{PFR1, ID_PFR1_THE_SHIFT, 1, "THE"}}},
	[CPU_S1PIE]        = {"FEAT_S1PIE", UNSIGNED, {{MMFR3, ID_MMFR3_S1PIE_SHIFT, 1, "S1PIE"}}},
	[CPU_S1POE]        = {"FEAT_S1POE", UNSIGNED, {{MMFR3, ID_MMFR3_S1POE_SHIFT, 1, "S1POE"}}},
	[CPU_S2POE]        = {"FEAT_S2POE", UNSIGNED, {{MMFR3, ID_MMFR3_S2POE_SHIFT, 1, "S2POE"}}},
	[CPU_AIE]          = {"FEAT_AIE", UNSIGNED, {{MMFR3, ID_MMFR3_AIE_SHIFT, 1, "AIE"}}},
	[CPU_LS64]         = {"FEAT_LS64", UNSIGNED, {{ISAR1, ID_ISAR1_LS64_SHIFT, 1, "LS64"}}},
	[CPU_LS64_V]       = {"FEAT_LS64_V", UNSIGNED, {{ISAR1, ID_ISAR1_LS64_SHIFT, 2, "LS64"}}},
	[CPU_LS64_ACCDATA] = {"FEAT_LS64_ACCDATA", UNSIGNED,
			      {{ISAR1, ID_ISAR1_LS64_SHIFT, 3, "LS64"}}},
	[CPU_DPB]          = {"FEAT_DPB", UNSIGNED, {{ISAR1, ID_ISAR1_DPB_SHIFT, 1, "DPB"}}},
	[CPU_DPB2]         = {"FEAT_DPB2", UNSIGNED, {{ISAR1, ID_ISAR1_DPB_SHIFT, 2, "DPB"}}},
	[CPU_PAN2]         = {"FEAT_PAN2", UNSIGNED, {{MMFR1, ID_MMFR1_PAN_SHIFT, 2, "PAN"}}},
	[CPU_TLBIOS]       = {"FEAT_TLBIOS", UNSIGNED, {{ISAR0, ID_ISAR0_TLB_SHIFT, 1, "TLB"}}},
	[CPU_TLBIRANGE]    = {"FEAT_TLBIRANGE", UNSIGNED, {{ISAR0, ID_ISAR0_TLB_SHIFT, 2, "TLB"}}},
	[CPU_SPECRES]      = {"FEAT_SPECRES", UNSIGNED,
			      {{ISAR1, ID_ISAR1_SPECRES_SHIFT, 1, "SPECRES"}}},
	[CPU_XS]           = {"FEAT_XS", UNSIGNED, {{ISAR1, ID_ISAR1_XS_SHIFT, 1, "XS"}}},
	[CPU_NMI]          = {"FEAT_NMI", UNSIGNED, {{PFR1, ID_PFR1_NMI_SHIFT, 1, "NMI"}}},
	[CPU_MOPS]         = {"FEAT_MOPS", UNSIGNED, {{ISAR2, ID_ISAR2_MOPS_SHIFT, 1, "MOPS"}}},
	[CPU_DOUBLELOCK]   = {"FEAT_DoubleLock", SIGNED_ABSENT_F,
			      {{DFR0, ID_DFR0_DOUBLELOCK_SHIFT, 0, "DoubleLock"}}},
	[CPU_SPE]          = {"FEAT_SPE", UNSIGNED, {{DFR0, ID_DFR0_PMSVER_SHIFT, 1, "PMSVer"}}},
	[CPU_TRACE]        = {"FEAT_ETE or ETMv4", UNSIGNED,
			      {{DFR0, ID_DFR0_TRACEVER_SHIFT, 1, "TraceVer"}}},
	[CPU_TRBE]         = {"FEAT_TRBE", UNSIGNED,
			      {{DFR0, ID_DFR0_TRACEBUFFER_SHIFT, 1, "TraceBuffer"}}},
	[CPU_BRBE]         = {"FEAT_BRBE", UNSIGNED, {{DFR0, ID_DFR0_BRBE_SHIFT, 1, "BRBE"}}},
	[CPU_TCR2]         = {"FEAT_TCR2", UNSIGNED, {{MMFR3, ID_MMFR3_TCRX_SHIFT, 1, "TCRX"}}},
	[CPU_SCTLR2]       = {"FEAT_SCTLR2", UNSIGNED, {{MMFR3, ID_MMFR3_SCTLRX_SHIFT, 1, "SCTLRX"}}},
	[CPU_MTE2]         = {"FEAT_MTE2", UNSIGNED, {{PFR1, ID_PFR1_MTE_SHIFT, 2, "MTE"}}},
	[CPU_GICV3]        = {"a GICv3 CPU interface", UNSIGNED, {{GIC, 0, 3, "version"}}},
	[CPU_AMU]          = {"FEAT_AMU", UNSIGNED, {{PFR0, ID_PFR0_AMU_SHIFT, 1, "AMU"}}},
	[CPU_TRF]          = {"FEAT_TRF", UNSIGNED, {{DFR0, ID_DFR0_TRACEFILT_SHIFT, 1, "TraceFilt"}}},
	[CPU_EVT]          = {"FEAT_EVT", UNSIGNED, {{MMFR2, ID_MMFR2_EVT_SHIFT, 1, "EVT"}}},
	[CPU_ECV]          = {"FEAT_ECV", UNSIGNED, {{MMFR0, ID_MMFR0_ECV_SHIFT, 1, "ECV"}}},
	[CPU_FPAC]         = {"FEAT_FPAC", UNSIGNED, {{ISAR1, ID_ISAR1_APA_SHIFT, 4, "APA"},
						 {ISAR1, ID_ISAR1_API_SHIFT, 4, "API"},
						 {ISAR2, ID_ISAR2_APA3_SHIFT, 4, "APA3"}}},
	[CPU_SVE]          = {"FEAT_SVE", UNSIGNED, {{PFR0, ID_PFR0_SVE_SHIFT, 1, "SVE"}}},
	[CPU_WFXT]         = {"FEAT_WFxT", UNSIGNED, {{ISAR2, ID_ISAR2_WFXT_SHIFT, 2, "WFxT"}}},
	[CPU_S2FWB]        = {"FEAT_S2FWB", UNSIGNED, {{MMFR2, ID_MMFR2_FWB_SHIFT, 1, "FWB"}}},
	[CPU_XNX]          = {"FEAT_XNX", UNSIGNED, {{MMFR1, ID_MMFR1_XNX_SHIFT, 1, "XNX"}}},
	[CPU_LSE]          = {"FEAT_LSE", UNSIGNED, {{ISAR0, ID_ISAR0_ATOMIC_SHIFT, 2, "Atomic"}}},
	[CPU_HAFDBS]       = {"FEAT_HAFDBS", UNSIGNED, {{MMFR1, ID_MMFR1_HAFDBS_SHIFT, 1, "HAFDBS"}}},
	[CPU_HAFDBS_DIRTY] = {"FEAT_HAFDBS dirty state", UNSIGNED,
			      {{MMFR1, ID_MMFR1_HAFDBS_SHIFT, 2, "HAFDBS"}}},
	[CPU_VHE]          = {"FEAT_VHE", UNSIGNED, {{MMFR1, ID_MMFR1_VH_SHIFT, 1, "VH"}}},
	[CPU_VMID16]       = {"FEAT_VMID16", UNSIGNED,
			      {{MMFR1, ID_MMFR1_VMIDBITS_SHIFT, 2, "VMIDBits"}}},
	[CPU_HAFT]         = {"FEAT_HAFT", UNSIGNED, {{MMFR1, ID_MMFR1_HAFDBS_SHIFT, 3, "HAFDBS"}}},
	[CPU_HPDS2]        = {"FEAT_HPDS2", UNSIGNED, {{MMFR1, ID_MMFR1_HPDS_SHIFT, 2, "HPDS"}}},
	[CPU_SEL2]         = {"FEAT_SEL2", UNSIGNED, {{PFR0, ID_PFR0_SEL2_SHIFT, 1, "SEL2"}}},
	[CPU_S2PIE]        = {"FEAT_S2PIE", UNSIGNED, {{MMFR3, ID_MMFR3_S2PIE_SHIFT, 1, "S2PIE"}}},
	[CPU_D128]         = {"FEAT_D128", UNSIGNED, {{MMFR3, ID_MMFR3_D128_SHIFT, 1, "D128"}}},
	[CPU_BTI]          = {"FEAT_BTI", UNSIGNED, {{PFR1, ID_PFR1_BT_SHIFT, 1, "BT"}}},
	[CPU_IESB]         = {"FEAT_IESB", UNSIGNED, {{MMFR2, ID_MMFR2_IESB_SHIFT, 1, "IESB"}}},
	[CPU_LSE2]         = {"FEAT_LSE2", UNSIGNED, {{MMFR2, ID_MMFR2_AT_SHIFT, 1, "AT"}}},
	[CPU_UAO]          = {"FEAT_UAO", UNSIGNED, {{MMFR2, ID_MMFR2_UAO_SHIFT, 1, "UAO"}}},
	[CPU_DIT]          = {"FEAT_DIT", UNSIGNED, {{PFR0, ID_PFR0_DIT_SHIFT, 1, "DIT"}}},
	[CPU_SSBS_MSR]     = {"FEAT_SSBS2", UNSIGNED, {{PFR1, ID_PFR1_SSBS_SHIFT, 2, "SSBS"}}},
	[CPU_SSBS]         = {"FEAT_SSBS", UNSIGNED, {{PFR1, ID_PFR1_SSBS_SHIFT, 1, "SSBS"}}},
	[CPU_EXS]          = {"FEAT_ExS", UNSIGNED, {{MMFR0, ID_MMFR0_EXS_SHIFT, 1, "ExS"}}},
	[CPU_EVT_TTLBXS]   = {"FEAT_EVT TTLBxS", UNSIGNED, {{MMFR2, ID_MMFR2_EVT_SHIFT, 2, "EVT"}}},
	[CPU_RME]          = {"FEAT_RME", UNSIGNED, {{PFR0, ID_PFR0_RME_SHIFT, 1, "RME"}}},
	[CPU_TME]          = {"FEAT_TME", UNSIGNED, {{ISAR0, ID_ISAR0_TME_SHIFT, 1, "TME"}}},
	[CPU_TWED]         = {"FEAT_TWED", UNSIGNED, {{MMFR1, ID_MMFR1_TWED_SHIFT, 1, "TWED"}}},
	[CPU_AMUV1P1]      = {"FEAT_AMUv1p1", UNSIGNED, {{PFR0, ID_PFR0_AMU_SHIFT, 2, "AMU"}}},
	[CPU_PMUV3P1]      = {"FEAT_PMUv3p1", PMUVER, {{DFR0, ID_DFR0_PMUVER_SHIFT, 4, "PMUVer"}}},
	[CPU_PMUV3P5]      = {"FEAT_PMUv3p5", PMUVER, {{DFR0, ID_DFR0_PMUVER_SHIFT, 6, "PMUVer"}}},
	[CPU_PMUV3P7]      = {"FEAT_PMUv3p7", PMUVER, {{DFR0, ID_DFR0_PMUVER_SHIFT, 7, "PMUVer"}}},
	[CPU_CMOW]         = {"FEAT_CMOW", UNSIGNED, {{MMFR1, ID_MMFR1_CMOW_SHIFT, 1, "CMOW"}}},
	[CPU_ECV_POFF]     = {"FEAT_ECV_POFF", UNSIGNED, {{MMFR0, ID_MMFR0_ECV_SHIFT, 2, "ECV"}}},
	[CPU_AA32EL0]      = {"AArch32 at EL0", UNSIGNED, {{PFR0, ID_PFR0_EL0_SHIFT, 2, "EL0"}}},
	[CPU_AA32EL1]      = {"AArch32 at EL1", UNSIGNED, {{PFR0, ID_PFR0_EL1_SHIFT, 2, "EL1"}}},
	[CPU_NOT_EL3]      = {"no EL3", ZERO, {{PFR0, ID_PFR0_EL3_SHIFT, 0, "EL3"}}},
	[CPU_PAN]          = {"FEAT_PAN", UNSIGNED, {{MMFR1, ID_MMFR1_PAN_SHIFT, 1, "PAN"}}},
	[CPU_PAN3]         = {"FEAT_PAN3", UNSIGNED, {{MMFR1, ID_MMFR1_PAN_SHIFT, 3, "PAN"}}},
	[CPU_LSMAOC]       = {"FEAT_LSMAOC", UNSIGNED, {{MMFR2, ID_MMFR2_LSM_SHIFT, 1, "LSM"}}},
	[CPU_TIDCP1]       = {"FEAT_TIDCP1", UNSIGNED, {{MMFR1, ID_MMFR1_TIDCP1_SHIFT, 1, "TIDCP1"}}},
	[CPU_HPMN0]        = {"FEAT_HPMN0", UNSIGNED, {{DFR0, ID_DFR0_HPMN0_SHIFT, 1, "HPMN0"}}},
	[CPU_TTCNP]        = {"FEAT_TTCNP", UNSIGNED, {{MMFR2, ID_MMFR2_CNP_SHIFT, 1, "CnP"}}},
	[CPU_TTL]          = {"FEAT_TTL", UNSIGNED, {{MMFR2, ID_MMFR2_TTL_SHIFT, 1, "TTL"}}},
	[CPU_FGT2]         = {"FEAT_FGT2", UNSIGNED, {{MMFR0, ID_MMFR0_FGT_SHIFT, 2, "FGT"}}},
	[CPU_SPECRES2]     = {"FEAT_SPECRES2", UNSIGNED,
			      {{ISAR1, ID_ISAR1_SPECRES_SHIFT, 2, "SPECRES"}}},
	[CPU_PMUV3P9]      = {"FEAT_PMUv3p9", PMUVER, {{DFR0, ID_DFR0_PMUVER_SHIFT, 9, "PMUVer"}}},
	[CPU_SPEV1P2]      = {"FEAT_SPEv1p2", UNSIGNED, {{DFR0, ID_DFR0_PMSVER_SHIFT, 3, "PMSVer"}}},
	[CPU_DEBUGV8P9]    = {"FEAT_Debugv8p9", UNSIGNED,
			      {{DFR0, ID_DFR0_DEBUGVER_SHIFT, 11, "DebugVer"}}},
	[CPU_HDBSS]        = {"FEAT_HDBSS", UNSIGNED, {{MMFR1, ID_MMFR1_HAFDBS_SHIFT, 4, "HAFDBS"}}},
	[CPU_ATS1A]        = {"FEAT_ATS1A", UNSIGNED, {{ISAR2, ID_ISAR2_ATS1A_SHIFT, 1, "ATS1A"}}},
	[CPU_SYSREG128]    = {"FEAT_SYSREG128", UNSIGNED,
			      {{ISAR2, ID_ISAR2_SYSREG128_SHIFT, 1, "SYSREG_128"}}},
};
/* clang-format on */

static unsigned field_value(const struct id_regs *ids, const struct field *f)
{
	const uint64_t regs[] = {
		[PFR0] = ids->pfr0,   [PFR1] = ids->pfr1,   [DFR0] = ids->dfr0,
		[ISAR0] = ids->isar0, [ISAR1] = ids->isar1, [ISAR2] = ids->isar2,
		[MMFR0] = ids->mmfr0, [MMFR1] = ids->mmfr1, [MMFR2] = ids->mmfr2,
		[MMFR3] = ids->mmfr3,
	};

	switch (f->reg) {
	case ERRIDR:
		return (unsigned)(ids->erridr & 0xffff);
	case PMCR:
		return (unsigned)((ids->pmcr >> 11) & 0x1f);
	case GIC:
		return ids->gic_version;
	default:
		return id_field(regs[f->reg], f->shift);
	}
}

static bool field_ok(enum field_kind kind, const struct field *f, unsigned v)
{
	switch (kind) {
	case SIGNED_ABSENT_F:
		return v != 0xf;
	case PMUVER:
		return v != 0xf && v >= f->min;
	case ZERO:
		return v == 0;
	case UNSIGNED:
		break;
	}
	return v >= f->min;
}

const char *cpu_feature_missing(const struct id_regs *ids, enum cpu_feature f, char *why,
				size_t len)
{
	const struct feature *ft = &features[f];
	struct strbuf sb = STRBUF(why, len);

	if (f == CPU_ANY) {
		return NULL;
	}
	for (unsigned i = 0; i < 3 && ft->alt[i].name; i++) {
		if (field_ok(ft->kind, &ft->alt[i], field_value(ids, &ft->alt[i]))) {
			return NULL;
		}
	}
	strbuf_printf(&sb, "needs %s (", ft->feat);
	for (unsigned i = 0; i < 3 && ft->alt[i].name; i++) {
		const struct field *fl = &ft->alt[i];

		strbuf_printf(&sb, "%s%s.%s=%u", i ? ", " : "", idr_names[fl->reg], fl->name,
			      field_value(ids, fl));
	}
	strbuf_printf(&sb, ")");
	return why;
}

const char *cpu_feature_name(enum cpu_feature f)
{
	return features[f].feat;
}

bool cpu_has(const struct id_regs *ids, enum cpu_feature f)
{
	char why[8];

	return cpu_feature_missing(ids, f, why, sizeof(why)) == NULL;
}
