/* SPDX-License-Identifier: MIT */
/* The EL2 control register field oracle (see el2_ctrl_model.h). */
#include "el2_ctrl_model.h"

#include "arch/el2.h"
#include "arch/hcrx.h"
#include "arch/idfields.h"

#define ICH_VTR_DVIM BIT(18)
#define ICH_VTR_SEIS BIT(22)
#define PMCR_N(v)    FIELD_GET(v, 11, 5)

/*
 * FEAT_LPA2 (Arm ARM, ID_AA64MMFR0_EL1): when it is implemented, every 4KB and 16KB granule
 * the PE supports supports 52-bit addresses, at stage 1 (TGran4 = 0b0001, TGran16 = 0b0010)
 * and at stage 2 (TGran4_2 / TGran16_2 = 0b0011, or 0b0000 "as stage 1").
 */
static bool lpa2(const struct id_regs *ids)
{
	unsigned t4 = id_field(ids->mmfr0, ID_MMFR0_TGRAN4_SHIFT);
	unsigned t16 = id_field(ids->mmfr0, ID_MMFR0_TGRAN16_SHIFT);
	unsigned t4_2 = id_field(ids->mmfr0, ID_MMFR0_TGRAN4_2_SHIFT);
	unsigned t16_2 = id_field(ids->mmfr0, ID_MMFR0_TGRAN16_2_SHIFT);
	bool s1_4k = t4 != 0xf, s1_16k = t16 != 0;
	bool s2_4k = t4_2 ? t4_2 >= 2 : s1_4k, s2_16k = t16_2 ? t16_2 >= 2 : s1_16k;
	bool s2_4k_52 = t4_2 ? t4_2 == 3 : t4 == 1, s2_16k_52 = t16_2 ? t16_2 == 3 : t16 == 2;

	if (!s1_4k && !s1_16k) {
		return false;
	}
	return (!s1_4k || t4 == 1) && (!s1_16k || t16 == 2) && (!s2_4k || s2_4k_52) &&
	       (!s2_16k || s2_16k_52);
}

/* A signed ID field (Arm ARM D19.1.3 "Principles of the ID scheme"): 0b1xxx is negative. */
static int id_signed(uint64_t reg, unsigned shift)
{
	unsigned v = id_field(reg, shift);

	return v >= 8 ? (int)v - 16 : (int)v;
}

bool el2_ctrl_implemented(const struct el2_ctrl_field *f, const struct id_regs *ids)
{
	unsigned ras = id_field(ids->pfr0, ID_PFR0_RAS_SHIFT);
	unsigned csv2 = id_field(ids->pfr0, ID_PFR0_CSV2_SHIFT);

	switch (f->when) {
	case WHEN_FEAT:
		return cpu_has(ids, f->feat);
	case WHEN_RASV1P1:
		return ras >= 2 || (ras == 1 && id_field(ids->pfr1, ID_PFR1_RAS_FRAC_SHIFT) >= 1);
	case WHEN_CSV2_2:
		return csv2 >= 2 ||
		       (csv2 == 1 && id_field(ids->pfr1, ID_PFR1_CSV2_FRAC_SHIFT) >= 2);
	case WHEN_MTE_ASYNC:
		return cpu_has(ids, CPU_MTE2) && id_field(ids->pfr1, ID_PFR1_MTE_FRAC_SHIFT) != 0xf;
	case WHEN_LPA2:
		return lpa2(ids);
	case WHEN_E2H:
		return cpu_has(ids, CPU_VHE);
	case WHEN_NV1:
		return cpu_has(ids, CPU_NV) && id_field(ids->mmfr4, ID_MMFR4_E2H0_SHIFT) != 0xe;
	case WHEN_MTPMU:
		return id_signed(ids->dfr0, ID_DFR0_MTPMU_SHIFT) >= 1;
	case WHEN_HCRX_NEUTRAL:
		return (hcrx_neutral(&(struct hcrx_ids){ids->isar1, ids->isar2, ids->mmfr3}) &
			f->mask) != 0;
	case WHEN_ICH_TDS:
		return (ids->ich_vtr & ICH_VTR_TDS) != 0;
	case WHEN_ICH_SEIS:
		return (ids->ich_vtr & ICH_VTR_SEIS) != 0;
	case WHEN_ICH_DVIM:
		return (ids->ich_vtr & ICH_VTR_DVIM) != 0;
	case WHEN_GICV4P1:
		return id_field(ids->pfr0, ID_PFR0_GIC_SHIFT) >= 3;
	case WHEN_HPMN:
		return cpu_has(ids, CPU_PMU);
	}
	return false;
}

enum el2_ctrl_state el2_ctrl_state(const struct el2_ctrl_field *f, const struct id_regs *ids)
{
	if (!el2_ctrl_implemented(f, ids)) {
		switch (f->absent) {
		case ABSENT_RES1:
			return CTRL_RES1;
		case ABSENT_RAO_WI:
			return CTRL_RAO_WI;
		case ABSENT_RES0:
			break;
		}
		return CTRL_RES0;
	}
	/*
	 * HCR_EL2.E2H with FEAT_VHE but without FEAT_E2H0 (ID_AA64MMFR4_EL1.E2H0 negative):
	 * "this bit is RES1" (Arm ARM, HCR_EL2.E2H).
	 */
	if (f->when == WHEN_E2H && id_signed(ids->mmfr4, ID_MMFR4_E2H0_SHIFT) < 0) {
		return CTRL_RES1;
	}
	return CTRL_STORES;
}

void el2_ctrl_values(const struct el2_ctrl_field *f, const struct id_regs *ids, uint64_t v[2])
{
	v[0] = f->ones ? f->ones : f->mask;
	v[1] = 0;
	/*
	 * MDCR_EL2.HPMN with a PMU: a value above PMCR_EL0.N is CONSTRAINED UNPREDICTABLE, and 0
	 * is only defined with FEAT_HPMN0 (ID_AA64DFR0_EL1.HPMN0). So N, then 0 with FEAT_HPMN0,
	 * else 1 (N = 0 without FEAT_HPMN0: N only).
	 */
	if (f->when == WHEN_HPMN && el2_ctrl_implemented(f, ids)) {
		unsigned n = (unsigned)PMCR_N(ids->pmcr);

		v[0] = (uint64_t)n & f->mask;
		v[1] = cpu_has(ids, CPU_HPMN0) ? 0 : n ? 1 : 0;
	}
}

unsigned el2_ctrl_permitted(const struct el2_ctrl_field *f, const struct id_regs *ids, uint64_t w,
			    uint64_t out[2])
{
	w &= f->mask;
	switch (el2_ctrl_state(f, ids)) {
	case CTRL_STORES:
		break;
	case CTRL_RAO_WI:
		out[0] = f->mask;
		return 1;
	case CTRL_RES0:
		out[0] = 0;
		out[1] = w;
		return w ? 2 : 1;
	case CTRL_RES1:
		out[0] = f->mask;
		out[1] = w;
		return w != f->mask ? 2 : 1;
	}
	out[0] = w;
	return 1;
}

uint64_t el2_ctrl_fill(const struct el2_ctrl_field *fields, size_t count, enum el2_ctrl_reg reg,
		       const struct id_regs *ids, bool ones)
{
	uint64_t v = ones ? ~0ULL : 0;

	for (size_t i = 0; i < count; i++) {
		uint64_t vals[2];

		if (fields[i].reg != reg) {
			continue;
		}
		el2_ctrl_values(&fields[i], ids, vals);
		v = (v & ~fields[i].mask) | vals[ones ? 0 : 1];
	}
	return v;
}

const char *el2_ctrl_state_name(enum el2_ctrl_state s)
{
	static const char *const names[] = {
		[CTRL_STORES] = "stores the value written",
		[CTRL_RES0] = "RES0 (RAZ/WI, or stores the value without effect)",
		[CTRL_RES1] = "RES1 (RAO/WI, or stores the value without effect)",
		[CTRL_RAO_WI] = "RAO/WI",
	};

	return names[s];
}

const char *el2_ctrl_reg_name(enum el2_ctrl_reg r)
{
	static const char *const names[EL2_CTRL_REGS] = {
		[EL2_CTRL_HCR] = "HCR_EL2",
		[EL2_CTRL_VTCR] = "VTCR_EL2",
		[EL2_CTRL_SCTLR] = "SCTLR_EL2",
		[EL2_CTRL_CPTR] = "CPTR_EL2",
		[EL2_CTRL_MDCR] = "MDCR_EL2",
		[EL2_CTRL_CNTHCTL] = "CNTHCTL_EL2",
		[EL2_CTRL_HCRX] = "HCRX_EL2",
		[EL2_CTRL_ICH_HCR] = "ICH_HCR_EL2",
		[EL2_CTRL_CPTR_E2H] = "CPTR_EL2 (E2H = 1)",
		[EL2_CTRL_SCTLR_E2H] = "SCTLR_EL2 (E2H, TGE = 1, 1)",
	};

	return names[r];
}
