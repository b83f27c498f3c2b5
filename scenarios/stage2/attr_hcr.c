/* SPDX-License-Identifier: MIT */
/*
 * stage2.attr.hcr: the HCR_EL2 controls that change the EL1&0 regime's memory attributes, seen
 * through AT S12E1R/W and S12E0R/W (PAR_EL1 F, PA, ATTR, SH) over the stage2.attr mapping
 * (attr_map.c):
 * - DC = 1: stage 1 behaves as disabled even with SCTLR_EL1.M = 1 (the rows with a stage-1 type
 *   keep their tables and M = 1, so a Device MAIR byte that still showed would be a failure),
 *   and its output is Normal iWB-oWB RWA Non-shareable; stage 2 still combines.
 * - CD = 1: a Normal stage-2 result becomes Normal Non-cacheable (Outer Shareable) for data
 *   accesses, AT included; Device at either stage is unchanged.
 * - ID = 1: the same for instruction fetches only. Its effect is not observable through PAR_EL1
 *   (AT is AccessType_AT, a data-side lookup) nor through behaviour (a fetch from Normal NC
 *   memory runs as from cacheable memory); what is checked is that AT's result is unchanged.
 * With FWB = 1 (FEAT_S2FWB rows), CD applies to the FWB combination's result.
 * Expected values: s2_par_attrs_expect_hcr() in scenarios/model/s2_attr_model.c.
 */
#include "arch/el2.h"
#include "arch/pte.h"
#include "attr_map.h"
#include "attr_types.h"
#include "cpu_id.h"

struct s2_attr_hcr_row {
	const char *name;
	struct attr_case k;
};

/* Stage-1 sides: Z(hcr-name, hcr, fwb, stage-2 args..., s1 name, off, MAIR byte, SH). */
#define HCR_S1(Z, hn, h, f, m, sh, n)                                                              \
	Z(hn, h, f, m, sh, n, "off", true, 0x00, NSH)                                              \
	Z(hn, h, f, m, sh, n, "dev-nGnRE", false, 0x04, OSH)                                       \
	Z(hn, h, f, m, sh, n, "onc-inc-ish", false, 0x44, ISH)                                     \
	Z(hn, h, f, m, sh, n, "owt-iwt-nsh", false, 0xaa, NSH)                                     \
	Z(hn, h, f, m, sh, n, "owb-iwb-ish", false, 0xff, ISH)                                     \
	Z(hn, h, f, m, sh, n, "owbt-iwbt-osh", false, 0x55, OSH)

/* Stage-2 sides (FWB = 0): Y(hcr-name, hcr, MemAttr, SH, name). */
#define HCR_S2(Y, hn, h)                                                                           \
	Y(hn, h, S2_MEMATTR_DEVICE_nGnRE, OSH, "0x1-dev-nGnRE-osh")                                \
	Y(hn, h, S2_MEMATTR(S2_CACHE_NC, S2_CACHE_NC), ISH, "0x5-onc-inc-ish")                     \
	Y(hn, h, S2_MEMATTR(S2_CACHE_WT, S2_CACHE_WT), OSH, "0xa-owt-iwt-osh")                     \
	Y(hn, h, S2_MEMATTR(S2_CACHE_WB, 0), ISH, "0xc-owb-ires-ish")                              \
	Y(hn, h, S2_MEMATTR(S2_CACHE_WB, S2_CACHE_NC), NSH, "0xd-owb-inc-nsh")                     \
	Y(hn, h, S2_MEMATTR(S2_CACHE_WB, S2_CACHE_WB), NSH, "0xf-owb-iwb-nsh")

/* Stage-2 sides with FWB = 1 (MemAttr[2:0] of the FEAT_S2FWB table). */
#define HCR_S2_FWB(Y, hn, h)                                                                       \
	Y(hn, h, S2_MEMATTR_DEVICE_nGnRE, OSH, "0x1-dev-nGnRE-osh")                                \
	Y(hn, h, S2_FWB_MEMATTR_NC, ISH, "0x5-nc-ish")                                             \
	Y(hn, h, S2_FWB_MEMATTR_FORCE_WB, NSH, "0x6-wb-nsh")                                       \
	Y(hn, h, S2_FWB_MEMATTR_S1, OSH, "0x7-s1-osh")

#define HCR_ROW(hn, h, f, m, sh, n, s1name, off, attr, s1sh)                                       \
	{"[" hn ",s1=" s1name ",s2=" n "]", {{off, attr, s1sh}, m, sh, f, h, false}},
#define HCR_ROWS_FOR(hn, h, m, sh, n)	  HCR_S1(HCR_ROW, hn, h, false, m, sh, n)
#define HCR_FWB_ROWS_FOR(hn, h, m, sh, n) HCR_S1(HCR_ROW, hn, h, true, m, sh, n)

static const struct s2_attr_hcr_row s2_attr_hcr_rows[] = {
	HCR_S2(HCR_ROWS_FOR, "dc=1", HCR_DC) HCR_S2(HCR_ROWS_FOR, "cd=1", HCR_CD)
		HCR_S2(HCR_ROWS_FOR, "dc=1,cd=1", HCR_DC | HCR_CD)
			HCR_S2(HCR_ROWS_FOR, "id=1", HCR_ID)};

static const struct s2_attr_hcr_row s2_attr_hcr_fwb_rows[] = {HCR_S2_FWB(
	HCR_FWB_ROWS_FOR, "fwb=1,dc=1", HCR_DC) HCR_S2_FWB(HCR_FWB_ROWS_FOR, "fwb=1,cd=1", HCR_CD)};

static void run_s2_attr_hcr(struct scenario_ctx *c, const void *row)
{
	const struct s2_attr_hcr_row *r = row;
	struct hcr_attr_ctl hcr = {.dc = (r->k.hcr & HCR_DC) != 0,
				   .cd = (r->k.hcr & HCR_CD) != 0,
				   .id = (r->k.hcr & HCR_ID) != 0};
	struct par_attrs_expect e;

	if (!s2_par_attrs_expect_hcr(&r->k.s1, r->k.s2_memattr, r->k.s2_sh, r->k.fwb,
				     cpu_has(cpu_id_regs(), CPU_XS), hcr, &e)) {
		sc_fail(c, "the row is outside what the oracle models");
		return;
	}
	attr_run_at(c, &r->k, GSYM(gp_exit), &e);
}

SCENARIO(stage2_attr_hcr, .id = "stage2.attr.hcr",
	 .rule = "HCR_EL2.DC = 1 makes stage 1 of the EL1&0 regime behave as disabled "
		 "(SCTLR_EL1.M as 0) with output Normal iWB-oWB RWA Non-shareable, which stage 2 "
		 "still combines with; HCR_EL2.CD = 1 makes a Normal stage-2 result Normal "
		 "Non-cacheable for data accesses and AT (AArch64.S2Translate, S2DCacheEnabled); "
		 "HCR_EL2.ID = 1 affects only instruction fetches, so AT S12E1R/W and S12E0R/W "
		 "report the same as without it (PAR_EL1 F 0, PA, ATTR, SH)",
	 SCENARIO_ROWS(s2_attr_hcr_rows), .run = run_s2_attr_hcr, .control = "HCR_EL2.DC/CD/ID",
	 .fields = "+HCR_EL2.DC +HCR_EL2.CD +HCR_EL2.ID");

static const char *s2_attr_hcr_fwb_requires(const void *row, char *why, size_t len)
{
	(void)row;
	return cpu_requires(CPU_S2FWB, why, len);
}

SCENARIO(stage2_attr_hcr_fwb, .id = "stage2.attr.hcr.fwb",
	 .rule = "with HCR_EL2.FWB = 1, HCR_EL2.DC = 1's Normal WB RWA Non-shareable stage-1 "
		 "output enters AArch64.S2ApplyFWBMemAttrs(), and HCR_EL2.CD = 1 makes a Normal "
		 "FWB result Normal Non-cacheable for data accesses and AT (PAR_EL1 F 0, PA, ATTR, "
		 "SH)",
	 SCENARIO_ROWS(s2_attr_hcr_fwb_rows), .requires = s2_attr_hcr_fwb_requires,
	 .run = run_s2_attr_hcr, .control = "HCR_EL2.DC/CD with FWB", .fields = "+HCR_EL2.FWB");

/*
 * stage2.attr.hcr.cross: the full product of the four HCR_EL2 settings above with every
 * stage-1 type and every stage-2 MemAttr[3:0] of stage2.attr (attr_types.h), 4 x 38 x 16 =
 * 2432 rows. A boot runs a hyptap.seed sample of 32 rows per setting (the setting is the
 * stratum); hyptap.exhaustive runs all of them. stage2.attr.hcr above is the fixed set every
 * boot checks.
 */
#define CROSS_ROW(hn, h, m, sh, n, s1name, off, attr, s1sh)                                        \
	{"[" hn ",s1=" s1name ",s2=" n "]", {{off, attr, s1sh}, m, sh, false, h, false}},
#define CROSS_ROW_DC(m, sh, n, s1name, off, attr, s1sh)                                            \
	CROSS_ROW("dc=1", HCR_DC, m, sh, n, s1name, off, attr, s1sh)
#define CROSS_ROW_CD(m, sh, n, s1name, off, attr, s1sh)                                            \
	CROSS_ROW("cd=1", HCR_CD, m, sh, n, s1name, off, attr, s1sh)
#define CROSS_ROW_DCCD(m, sh, n, s1name, off, attr, s1sh)                                          \
	CROSS_ROW("dc=1,cd=1", HCR_DC | HCR_CD, m, sh, n, s1name, off, attr, s1sh)
#define CROSS_ROW_ID(m, sh, n, s1name, off, attr, s1sh)                                            \
	CROSS_ROW("id=1", HCR_ID, m, sh, n, s1name, off, attr, s1sh)
#define CROSS_FOR_DC(m, sh, n)	 S1_TYPES(CROSS_ROW_DC, m, sh, n)
#define CROSS_FOR_CD(m, sh, n)	 S1_TYPES(CROSS_ROW_CD, m, sh, n)
#define CROSS_FOR_DCCD(m, sh, n) S1_TYPES(CROSS_ROW_DCCD, m, sh, n)
#define CROSS_FOR_ID(m, sh, n)	 S1_TYPES(CROSS_ROW_ID, m, sh, n)

static const struct s2_attr_hcr_row s2_attr_hcr_cross_rows[] = {S2_TYPES(CROSS_FOR_DC) S2_TYPES(
	CROSS_FOR_CD) S2_TYPES(CROSS_FOR_DCCD) S2_TYPES(CROSS_FOR_ID)};

/* The stratum: the HCR_EL2 setting, so that every boot samples each of the four. */
static unsigned s2_attr_hcr_cross_stratum(const void *row)
{
	const struct s2_attr_hcr_row *r = row;

	return (r->k.hcr & HCR_DC ? 1u : 0) | (r->k.hcr & HCR_CD ? 2u : 0) |
	       (r->k.hcr & HCR_ID ? 4u : 0);
}

SCENARIO(stage2_attr_hcr_cross, .id = "stage2.attr.hcr.cross",
	 .rule = "as stage2.attr.hcr, over every stage-1 type and every stage-2 MemAttr[3:0] "
		 "(AArch64.S2Translate with HCR_EL2.DC/CD/ID, S2CombineS1MemAttrs(); PAR_EL1 F 0, "
		 "PA, ATTR, SH)",
	 SCENARIO_ROWS(s2_attr_hcr_cross_rows), .run = run_s2_attr_hcr,
	 .control = "HCR_EL2.DC/CD/ID", .sample = 32, .sample_stratum = s2_attr_hcr_cross_stratum,
	 .fields = "+HCR_EL2.DC +HCR_EL2.CD +HCR_EL2.ID");
