/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the feature table (scenarios/model/cpu_features.c) and of the neutral FGT and
 * HCRX_EL2 values (kernel/include/arch/fgt.h, hcrx.h), on ID register values built field by
 * field from the Arm ARM field definitions.
 */
#include <string.h>

#include "arch/fgt.h"
#include "arch/hcrx.h"
#include "cpu_features.h"
#include "unit.h"

#define F(v, shift) ((uint64_t)(v) << (shift))

static void test_features(void)
{
	char why[160];
	struct id_regs none = {0};
	/* FGT = 1, HCX = 1, NV = 2 (NV2), PMUVer = 6, DoubleLock = 0 (implemented). */
	struct id_regs some = {
		.mmfr0 = F(1, ID_MMFR0_FGT_SHIFT),
		.mmfr1 = F(1, ID_MMFR1_HCX_SHIFT),
		.mmfr2 = F(2, ID_MMFR2_NV_SHIFT),
		.dfr0 = F(6, ID_DFR0_PMUVER_SHIFT),
		.isar1 = F(5, ID_ISAR1_API_SHIFT),
		.gic_version = 3,
	};

	unit_ok(cpu_feature_missing(&none, CPU_ANY, why, sizeof(why)) == NULL, "CPU_ANY always");
	unit_ok(cpu_feature_missing(&some, CPU_FGT, why, sizeof(why)) == NULL, "FGT=1: FEAT_FGT");
	unit_ok(cpu_feature_missing(&none, CPU_FGT, why, sizeof(why)) != NULL &&
			!strcmp(why, "needs FEAT_FGT (ID_AA64MMFR0_EL1.FGT=0)"),
		"FGT=0: the reason names the field: %s", why);
	unit_ok(cpu_has(&some, CPU_NV) && cpu_has(&some, CPU_NV2), "NV=2: FEAT_NV and FEAT_NV2");
	some.mmfr2 = F(1, ID_MMFR2_NV_SHIFT);
	unit_ok(cpu_has(&some, CPU_NV) && !cpu_has(&some, CPU_NV2), "NV=1: FEAT_NV only");
	unit_ok(cpu_has(&some, CPU_PMUV3P4), "PMUVer=6 >= 5: PMUv3p4");
	some.dfr0 = F(0xf, ID_DFR0_PMUVER_SHIFT);
	unit_ok(!cpu_has(&some, CPU_PMU), "PMUVer=0xf (IMPDEF PMU): no PMUv3");
	/* DoubleLock is signed: 0 = implemented, 0xf = not. */
	unit_ok(cpu_has(&none, CPU_DOUBLELOCK), "DoubleLock=0: FEAT_DoubleLock");
	some.dfr0 = F(0xf, ID_DFR0_DOUBLELOCK_SHIFT);
	unit_ok(!cpu_has(&some, CPU_DOUBLELOCK), "DoubleLock=0xf: none");
	/* PAuth: any of APA, API, APA3. */
	unit_ok(cpu_has(&some, CPU_PAUTH), "API=5: FEAT_PAuth");
	unit_ok(cpu_feature_missing(&none, CPU_PAUTH, why, sizeof(why)) != NULL &&
			!strcmp(why, "needs FEAT_PAuth (ID_AA64ISAR1_EL1.APA=0, "
				     "ID_AA64ISAR1_EL1.API=0, ID_AA64ISAR2_EL1.APA3=0)"),
		"PAuth reason lists the three fields: %s", why);
	unit_ok(cpu_has(&some, CPU_GICV3) && !cpu_has(&none, CPU_GICV3), "GICv3 from the DTB");
	unit_ok(!cpu_has(&none, CPU_RAS_RECORDS), "ERRIDR_EL1.NUM=0: no error records");
	none.erridr = 2;
	unit_ok(cpu_has(&none, CPU_RAS_RECORDS), "ERRIDR_EL1.NUM=2: records");
	none.pmcr = 6ULL << 11;
	unit_ok(cpu_has(&none, CPU_PMU_EVCNT), "PMCR_EL0.N=6: event counters");
	/* FPAC: a PAuth level of 4 or more in any of the three algorithm fields. */
	unit_ok(cpu_has(&some, CPU_FPAC), "API=5: FEAT_FPAC");
	unit_ok(!cpu_has(&(struct id_regs){.isar1 = F(3, ID_ISAR1_APA_SHIFT)}, CPU_FPAC),
		"APA=3 (PAuth2): no FPAC");
	unit_ok(cpu_has(&(struct id_regs){.isar2 = F(4, ID_ISAR2_APA3_SHIFT)}, CPU_FPAC),
		"APA3=4: FPAC");
	unit_ok(cpu_has(&(struct id_regs){.pfr0 = F(1, ID_PFR0_SVE_SHIFT)}, CPU_SVE), "SVE=1");
	unit_ok(!cpu_has(&(struct id_regs){.isar2 = F(1, ID_ISAR2_WFXT_SHIFT)}, CPU_WFXT),
		"WFxT=1 (reserved): no FEAT_WFxT");
	unit_ok(cpu_has(&(struct id_regs){.isar2 = F(2, ID_ISAR2_WFXT_SHIFT)}, CPU_WFXT),
		"WFxT=2: FEAT_WFxT");
	unit_ok(!cpu_has(&none, CPU_LS64_V), "LS64=0: no LS64_V");
	none.isar1 = F(2, ID_ISAR1_LS64_SHIFT);
	unit_ok(cpu_has(&none, CPU_LS64_V) && !cpu_has(&none, CPU_LS64_ACCDATA), "LS64=2: LS64_V");
	/* VMIDBits: 0b0000 8 bits, 0b0010 16 bits (FEAT_VMID16); 0b0001 is reserved. */
	unit_ok(!cpu_has(&(struct id_regs){.mmfr1 = F(1, ID_MMFR1_VMIDBITS_SHIFT)}, CPU_VMID16),
		"VMIDBits=1: no FEAT_VMID16");
	unit_ok(cpu_has(&(struct id_regs){.mmfr1 = F(2, ID_MMFR1_VMIDBITS_SHIFT)}, CPU_VMID16),
		"VMIDBits=2: FEAT_VMID16");
	unit_ok(cpu_feature_missing(&(struct id_regs){0}, CPU_VMID16, why, sizeof(why)) != NULL &&
			!strcmp(why, "needs FEAT_VMID16 (ID_AA64MMFR1_EL1.VMIDBits=0)"),
		"VMID16 reason: %s", why);
	unit_ok(cpu_has(&(struct id_regs){.mmfr2 = F(1, ID_MMFR2_CNP_SHIFT)}, CPU_TTCNP) &&
			!cpu_has(&(struct id_regs){.mmfr2 = F(1, ID_MMFR2_TTL_SHIFT)}, CPU_TTCNP),
		"CnP=1: FEAT_TTCNP (TTL=1 alone is not)");
	unit_ok(cpu_has(&(struct id_regs){.mmfr2 = F(1, ID_MMFR2_TTL_SHIFT)}, CPU_TTL),
		"TTL=1: FEAT_TTL");
}

static void test_neutral(void)
{
	uint64_t n[FGT_REGS];

	fgt_neutral(&(struct fgt_ids){0}, n);
	unit_ok(!n[0] && !n[1] && !n[2] && !n[3] && !n[4], "no later features: all zero");
	/* SME only: nSMPRI_EL1 (54) and nTPIDR2_EL0 (55) in HFGRTR/HFGWTR. */
	fgt_neutral(&(struct fgt_ids){.pfr1 = F(1, ID_PFR1_SME_SHIFT)}, n);
	unit_eq_u64(n[FGT_HFGRTR], 0x00c0000000000000ULL, "SME: bits 54, 55");
	unit_eq_u64(n[FGT_HFGWTR], 0x00c0000000000000ULL, "SME: HFGWTR too");
	unit_eq_u64(n[FGT_HFGITR] | n[FGT_HDFGRTR] | n[FGT_HDFGWTR], 0, "SME: nothing else");
	/* BRBE: HFGITR 55, 56; HDFGRTR 59..61; HDFGWTR 60, 61 (BRBIDR_EL1 is read-only). */
	fgt_neutral(&(struct fgt_ids){.dfr0 = F(1, ID_DFR0_BRBE_SHIFT)}, n);
	unit_eq_u64(n[FGT_HFGITR], 0x0180000000000000ULL, "BRBE: HFGITR 55, 56");
	unit_eq_u64(n[FGT_HDFGRTR], 0x3800000000000000ULL, "BRBE: HDFGRTR 59..61");
	unit_eq_u64(n[FGT_HDFGWTR], 0x3000000000000000ULL, "BRBE: HDFGWTR 60, 61");
	/* SPEv1p2 (PMSVer = 3): nPMSNEVFR_EL1, bit 62 of both. SPE v1 (PMSVer = 1): not. */
	fgt_neutral(&(struct fgt_ids){.dfr0 = F(3, ID_DFR0_PMSVER_SHIFT)}, n);
	unit_eq_u64(n[FGT_HDFGRTR], 1ULL << 62, "SPEv1p2: bit 62");
	fgt_neutral(&(struct fgt_ids){.dfr0 = F(1, ID_DFR0_PMSVER_SHIFT)}, n);
	unit_eq_u64(n[FGT_HDFGRTR], 0, "SPEv1: no nPMSNEVFR");
	unit_eq_u64(FGT_HFGXTR_N_ALL, 0xfff4000000000000ULL, "HFGxTR n-bits: 50, 52..63");
}

static void test_hcrx(void)
{
	unit_eq_u64(hcrx_neutral(&(struct hcrx_ids){0}), 0, "nothing to enable");
	unit_eq_u64(hcrx_neutral(&(struct hcrx_ids){.isar2 = F(1, ID_ISAR2_MOPS_SHIFT)}),
		    HCRX_MSCEN, "MOPS: MSCEn = 1");
	unit_eq_u64(hcrx_neutral(&(struct hcrx_ids){.isar1 = F(3, ID_ISAR1_LS64_SHIFT)}), 0x7,
		    "LS64_ACCDATA: EnAS0, EnALS, EnASR");
	unit_eq_u64(hcrx_neutral(&(struct hcrx_ids){.mmfr3 = F(1, 0) | F(1, 4)}), 0xc000,
		    "TCRX, SCTLRX: TCR2En (14), SCTLR2En (15)");
}

int main(void)
{
	test_features();
	test_neutral();
	test_hcrx();
	return unit_done();
}
