/* SPDX-License-Identifier: MIT */
/*
 * Host tests of scenarios/model/el2_ctrl_model.c and of the field table el2_ctrl_fields.h.
 * ID register values are built field by field (Arm ARM D24.2 ID_AA64*_EL1); the expected
 * read-backs follow the Glossary's RES0/RES1 (hardwired, or stores the value written, chosen
 * per field) and the register descriptions named in each vector.
 */
#include <string.h>

#include "arch/idfields.h"
#include "el2_ctrl_fields.h"
#include "el2_ctrl_model.h"
#include "unit.h"

#define F(v, shift) ((uint64_t)(v) << (shift))

static const struct el2_ctrl_field fields[] = {EL2_CTRL_FIELDS(EL2_CTRL_ROW)};
#define FIELD_COUNT (sizeof(fields) / sizeof(fields[0]))

static const struct el2_ctrl_field *field(const char *row)
{
	for (size_t i = 0; i < FIELD_COUNT; i++) {
		if (!strncmp(fields[i].name + 1, row, strlen(row)) &&
		    fields[i].name[1 + strlen(row)] == ',') {
			return &fields[i];
		}
	}
	unit_ok(false, "row %s is in the table", row);
	return &fields[0];
}

/* @got_n permitted values, exactly @a (and @b when n = 2), in either order. */
static void expect_permitted(const char *row, const struct id_regs *ids, uint64_t w, unsigned n,
			     uint64_t a, uint64_t b, const char *why)
{
	uint64_t out[2] = {~0ULL, ~0ULL};
	unsigned got = el2_ctrl_permitted(field(row), ids, w, out);
	bool same = got == n && ((out[0] == a && (n == 1 || out[1] == b)) ||
				 (n == 2 && out[0] == b && out[1] == a));

	unit_ok(same, "%s, write 0x%llx: %s (got %u: 0x%llx 0x%llx)", row, (unsigned long long)w,
		why, got, (unsigned long long)out[0], (unsigned long long)out[1]);
}

/* The table: names unique and "[reg][field,FEATURE]", masks non-empty and disjoint per register. */
static void test_table(void)
{
	uint64_t used[EL2_CTRL_REGS] = {0};
	bool disjoint = true, named = true, unique = true;

	for (size_t i = 0; i < FIELD_COUNT; i++) {
		const struct el2_ctrl_field *f = &fields[i];

		disjoint &= f->mask && !(used[f->reg] & f->mask);
		used[f->reg] |= f->mask;
		named &= f->name[0] == '[' && strstr(f->name, "][") && strchr(f->name, ',') &&
			 f->name[strlen(f->name) - 1] == ']';
		disjoint &= !f->ones || (f->ones & ~f->mask) == 0;
		for (size_t j = 0; j < i; j++) {
			unique &= strcmp(f->name, fields[j].name) != 0;
		}
	}
	unit_ok(disjoint, "every field has bits, no two fields of a register overlap");
	unit_ok(named, "every row is named [reg][field,FEATURE]");
	unit_ok(unique, "row names are unique");
	unit_eq_u64(CTRL_BITS(63, 60), 0xf000000000000000ULL, "CTRL_BITS(63, 60)");
	unit_eq_u64(CTRL_BITS(13, 12), 0x3000, "CTRL_BITS(13, 12)");
}

/* HCR_EL2.FWB (bit 46): "When FEAT_S2FWB is implemented ... Otherwise RES0". */
static void test_res0(void)
{
	struct id_regs none = {0};
	struct id_regs fwb = {.mmfr2 = F(1, ID_MMFR2_FWB_SHIFT)};

	expect_permitted("hcr][fwb", &fwb, BIT(46), 1, BIT(46), 0, "FWB=1: stores 1");
	expect_permitted("hcr][fwb", &fwb, 0, 1, 0, 0, "FWB=1: stores 0");
	expect_permitted("hcr][fwb", &none, BIT(46), 2, 0, BIT(46), "FWB=0: RES0, RAZ or stored");
	expect_permitted("hcr][fwb", &none, 0, 1, 0, 0, "FWB=0: writing 0 reads 0");
	/* A multi-bit RES0 field is stored whole or not at all: 0b1111 or 0. */
	expect_permitted("hcr][twedel", &none, CTRL_BITS(63, 60), 2, 0, CTRL_BITS(63, 60),
			 "TWED=0: TWEDEL RES0 as one field");
	unit_ok(el2_ctrl_state(field("hcr][twedel"),
			       &(struct id_regs){.mmfr1 = F(1, ID_MMFR1_TWED_SHIFT)}) ==
			CTRL_STORES,
		"TWED=1: TWEDEL stores");
}

/* CPTR_EL2.TZ (bit 8, E2H = 0): "When FEAT_SVE is implemented ... Otherwise RES1". */
static void test_res1(void)
{
	struct id_regs none = {0};
	struct id_regs sve = {.pfr0 = F(1, ID_PFR0_SVE_SHIFT)};

	expect_permitted("cptr][tz", &sve, 0, 1, 0, 0, "SVE=1: TZ stores 0");
	expect_permitted("cptr][tz", &none, BIT(8), 1, BIT(8), 0,
			 "SVE=0: TZ RES1, writing 1 reads 1");
	expect_permitted("cptr][tz", &none, 0, 2, BIT(8), 0, "SVE=0: TZ RES1, 1 or the 0 stored");
	/* SCTLR_EL2.EIS (bit 22): "When FEAT_ExS is implemented ... Otherwise RES1". */
	expect_permitted("sctlr][eis", &none, 0, 2, BIT(22), 0, "ExS=0: EIS RES1");
	expect_permitted("sctlr][eis", &(struct id_regs){.mmfr0 = F(1, ID_MMFR0_EXS_SHIFT)}, 0, 1,
			 0, 0, "ExS=1: EIS stores 0");
}

/* HCR_EL2.RW: "If EL1 does not support AArch32 (PFR0.EL1 = 0b0001), this bit is RAO/WI". */
static void test_rao_wi(void)
{
	struct id_regs aa64 = {.pfr0 = F(1, ID_PFR0_EL1_SHIFT)};
	struct id_regs aa32 = {.pfr0 = F(2, ID_PFR0_EL1_SHIFT)};

	expect_permitted("hcr][rw", &aa64, 0, 1, BIT(31), 0, "EL1=1: RW reads 1 after writing 0");
	expect_permitted("hcr][rw", &aa32, 0, 1, 0, 0, "EL1=2: RW stores 0");
	/* HCR_EL2.HCD: "When EL3 is not implemented ... Otherwise RES0". */
	unit_ok(el2_ctrl_state(field("hcr][hcd"), &(struct id_regs){0}) == CTRL_STORES,
		"EL3=0: HCD stores");
	unit_ok(el2_ctrl_state(field("hcr][hcd"),
			       &(struct id_regs){.pfr0 = F(1, ID_PFR0_EL3_SHIFT)}) == CTRL_RES0,
		"EL3=1: HCD RES0");
}

/* The conditions over several ID fields. */
static void test_compound(void)
{
	/* HCR_EL2.E2H: RES0 without FEAT_VHE; with VHE, RES1 when MMFR4.E2H0 < 0 (no FEAT_E2H0). */
	struct id_regs vh = {.mmfr1 = F(1, ID_MMFR1_VH_SHIFT)};
	struct id_regs vh_no_e2h0 = {.mmfr1 = F(1, ID_MMFR1_VH_SHIFT),
				     .mmfr4 = F(0xf, ID_MMFR4_E2H0_SHIFT)};

	unit_ok(el2_ctrl_state(field("hcr][e2h"), &(struct id_regs){0}) == CTRL_RES0,
		"VH=0: E2H RES0");
	unit_ok(el2_ctrl_state(field("hcr][e2h"), &vh) == CTRL_STORES, "VH=1, E2H0=0: E2H stores");
	unit_ok(el2_ctrl_state(field("hcr][e2h"), &vh_no_e2h0) == CTRL_RES1,
		"VH=1, E2H0=0b1111: E2H RES1");
	/* HCR_EL2.NV1: RES0 when MMFR4.E2H0 = 0b1110 even with FEAT_NV. */
	struct id_regs nv = {.mmfr2 = F(1, ID_MMFR2_NV_SHIFT)};
	struct id_regs nv_e = {.mmfr2 = F(1, ID_MMFR2_NV_SHIFT),
			       .mmfr4 = F(0xe, ID_MMFR4_E2H0_SHIFT)};

	unit_ok(el2_ctrl_implemented(field("hcr][nv1"), &nv), "NV=1: NV1");
	unit_ok(!el2_ctrl_implemented(field("hcr][nv1"), &nv_e), "NV=1, E2H0=0b1110: NV1 RES0");
	/* FEAT_RASv1p1: RAS = 0b0010, or RAS = 0b0001 with RAS_frac = 0b0001. */
	unit_ok(el2_ctrl_implemented(field("hcr][fien"), &(struct id_regs){.pfr0 = F(2, 28)}),
		"RAS=2: FIEN");
	unit_ok(!el2_ctrl_implemented(field("hcr][fien"), &(struct id_regs){.pfr0 = F(1, 28)}),
		"RAS=1, RAS_frac=0: no FIEN");
	unit_ok(el2_ctrl_implemented(field("hcr][fien"),
				     &(struct id_regs){.pfr0 = F(1, 28), .pfr1 = F(1, 12)}),
		"RAS=1, RAS_frac=1: FIEN");
	/* EnSCXT: CSV2 = 2, or CSV2 = 1 with CSV2_frac = 2 (FEAT_CSV2_1p2). */
	unit_ok(el2_ctrl_implemented(field("hcr][enscxt"),
				     &(struct id_regs){.pfr0 = F(1, 56), .pfr1 = F(2, 32)}),
		"CSV2=1, CSV2_frac=2: EnSCXT");
	unit_ok(!el2_ctrl_implemented(field("hcr][enscxt"),
				      &(struct id_regs){.pfr0 = F(1, 56), .pfr1 = F(1, 32)}),
		"CSV2=1, CSV2_frac=1: no EnSCXT");
	/* TTLBIS/TTLBOS need EVT = 2; TID4 EVT = 1. */
	struct id_regs evt1 = {.mmfr2 = F(1, ID_MMFR2_EVT_SHIFT)};

	unit_ok(el2_ctrl_implemented(field("hcr][tid4"), &evt1) &&
			!el2_ctrl_implemented(field("hcr][ttlbis"), &evt1),
		"EVT=1: TID4 but not TTLBIS");
	/* VTCR_EL2.HA with HAFDBS >= 1, HD with HAFDBS >= 2. */
	struct id_regs af = {.mmfr1 = F(1, ID_MMFR1_HAFDBS_SHIFT)};

	unit_ok(el2_ctrl_implemented(field("vtcr][ha"), &af) &&
			!el2_ctrl_implemented(field("vtcr][hd"), &af),
		"HAFDBS=1: HA, not HD");
	unit_ok(el2_ctrl_implemented(field("vtcr][vs"), &(struct id_regs){.mmfr1 = F(2, 4)}) &&
			!el2_ctrl_implemented(field("vtcr][vs"),
					      &(struct id_regs){.mmfr1 = F(0, 4)}),
		"VMIDBits=2: VS; 0: not");
}

/* FEAT_LPA2 over the four TGran fields (ID_AA64MMFR0_EL1). */
static void test_lpa2(void)
{
	const struct el2_ctrl_field *ds = field("vtcr][ds");
	/* TGran4 = 1 (52-bit), TGran16 = 2 (52-bit), TGran4_2 = TGran16_2 = 3 (52-bit). */
	uint64_t all52 = F(1, 28) | F(2, 20) | F(3, 40) | F(3, 32);
	/* The same with stage-2 fields 0b0000 ("as stage 1"). */
	uint64_t as_s1 = F(1, 28) | F(2, 20);
	/* TGran4 = 0 (48-bit only), TGran16 = 1, TGran4_2 = 2, TGran16_2 = 2: Armv8.0. */
	uint64_t v80 = F(0, 28) | F(1, 20) | F(2, 40) | F(2, 32);
	/* 4K 52-bit but 16K only 48-bit: not FEAT_LPA2. */
	uint64_t half = F(1, 28) | F(1, 20) | F(3, 40) | F(2, 32);
	/* No 16K at all (TGran16 = 0, TGran16_2 = 1), 4K 52-bit at both stages. */
	uint64_t no16 = F(1, 28) | F(0, 20) | F(3, 40) | F(1, 32);

	unit_ok(el2_ctrl_implemented(ds, &(struct id_regs){.mmfr0 = all52}), "all 52-bit: LPA2");
	unit_ok(el2_ctrl_implemented(ds, &(struct id_regs){.mmfr0 = as_s1}),
		"stage 2 as stage 1: LPA2");
	unit_ok(!el2_ctrl_implemented(ds, &(struct id_regs){.mmfr0 = v80}),
		"Armv8.0 granules: no LPA2");
	unit_ok(!el2_ctrl_implemented(ds, &(struct id_regs){.mmfr0 = half}), "16K 48-bit: no LPA2");
	unit_ok(el2_ctrl_implemented(ds, &(struct id_regs){.mmfr0 = no16}),
		"no 16K, 4K 52-bit: LPA2");
}

/* MDCR_EL2.HPMN: with a PMU of N counters, N and 1 are written and must be stored. */
static void test_hpmn(void)
{
	const struct el2_ctrl_field *f = field("mdcr][hpmn");
	struct id_regs pmu = {.dfr0 = F(4, ID_DFR0_PMUVER_SHIFT), .pmcr = 6ULL << 11};
	struct id_regs none = {0};
	uint64_t v[2];

	el2_ctrl_values(f, &pmu, v);
	unit_ok(v[0] == 6 && v[1] == 1, "PMCR.N=6: HPMN written 6 then 1");
	el2_ctrl_values(f, &none, v);
	unit_ok(v[0] == 0x1f && v[1] == 0, "no PMU: HPMN written 0x1f then 0 (RES0)");
	pmu.dfr0 |= F(1, ID_DFR0_HPMN0_SHIFT);
	el2_ctrl_values(f, &pmu, v);
	unit_ok(v[0] == 6 && v[1] == 0, "FEAT_HPMN0: HPMN written 6 then 0");
	expect_permitted("mdcr][hpmn", &none, 0x1f, 2, 0, 0x1f, "no PMU: RES0 as one field");
	/* SCTLR_EL2.TCF: the set value is 0b01 (synchronous), 0b11 needs FEAT_MTE_ASYMM. */
	el2_ctrl_values(field("sctlr][tcf"), &none, v);
	unit_ok(v[0] == BIT(40) && v[1] == 0, "TCF written 0b01 then 0b00");
}

/* el2.ctrl.all's whole-register values: all ones/zeros with each field at a legal value. */
static void test_fill(void)
{
	struct id_regs pmu = {.dfr0 = F(4, ID_DFR0_PMUVER_SHIFT), .pmcr = 6ULL << 11};
	struct id_regs none = {0};

	unit_eq_u64(el2_ctrl_fill(fields, FIELD_COUNT, EL2_CTRL_HCR, &none, true), ~0ULL,
		    "HCR_EL2 all ones: every field's set value is its mask");
	unit_eq_u64(el2_ctrl_fill(fields, FIELD_COUNT, EL2_CTRL_HCR, &none, false), 0,
		    "HCR_EL2 all zeros");
	unit_eq_u64(el2_ctrl_fill(fields, FIELD_COUNT, EL2_CTRL_MDCR, &pmu, true),
		    (~0ULL & ~0x1fULL) | 6, "MDCR_EL2 all ones with PMCR.N = 6: HPMN = 6");
	unit_eq_u64(el2_ctrl_fill(fields, FIELD_COUNT, EL2_CTRL_MDCR, &pmu, false), 1,
		    "MDCR_EL2 all zeros with a PMU: HPMN = 1");
	unit_eq_u64(el2_ctrl_fill(fields, FIELD_COUNT, EL2_CTRL_SCTLR, &none, true), ~BIT(41),
		    "SCTLR_EL2 all ones: TCF = 0b01");
}

/* ICH_HCR_EL2 fields from ICH_VTR_EL2 (IHI 0069) and FEAT_GICv4p1 (PFR0.GIC = 0b0011). */
static void test_ich(void)
{
	struct id_regs tds = {.ich_vtr = ICH_VTR_TDS, .gic_version = 3};

	unit_ok(el2_ctrl_implemented(field("ich_hcr][tdir"), &tds), "VTR.TDS=1: TDIR");
	unit_ok(!el2_ctrl_implemented(field("ich_hcr][tsei"), &tds), "VTR.SEIS=0: TSEI RES0");
	unit_ok(!el2_ctrl_implemented(field("ich_hcr][vsgieoicount"),
				      &(struct id_regs){.pfr0 = F(1, ID_PFR0_GIC_SHIFT)}),
		"GIC=1: no vSGIEOICount");
	unit_ok(el2_ctrl_implemented(field("ich_hcr][vsgieoicount"),
				     &(struct id_regs){.pfr0 = F(3, ID_PFR0_GIC_SHIFT)}),
		"GIC=3 (v4.1): vSGIEOICount");
}

/* HCRX_EL2 enable bits share hcrx_neutral()'s feature facts (arch/hcrx.h). */
static void test_hcrx(void)
{
	struct id_regs ls64 = {.isar1 = F(1, ID_ISAR1_LS64_SHIFT),
			       .isar2 = F(1, ID_ISAR2_MOPS_SHIFT)};

	unit_ok(el2_ctrl_implemented(field("hcrx][enals"), &ls64) &&
			!el2_ctrl_implemented(field("hcrx][enasr"), &ls64),
		"LS64=1: EnALS, not EnASR");
	unit_ok(el2_ctrl_implemented(field("hcrx][mscen"), &ls64) &&
			el2_ctrl_implemented(field("hcrx][mce2"), &ls64),
		"MOPS=1: MSCEn and MCE2");
	unit_ok(!el2_ctrl_implemented(field("hcrx][tcr2en"), &ls64), "TCRX=0: no TCR2En");
}

int main(void)
{
	test_table();
	test_res0();
	test_res1();
	test_rao_wi();
	test_compound();
	test_lpa2();
	test_hpmn();
	test_fill();
	test_ich();
	test_hcrx();
	return unit_done();
}
