/* SPDX-License-Identifier: MIT */
/*
 * Host tests of scenarios/model/s2_attr_model.c against vectors checked by hand from the Arm ARM
 * (DDI 0487): the MAIR_EL1 Attr<n> encodings, the stage-2 MemAttr table ("Stage 2 memory type
 * and Cacheability attributes, HCR_EL2.FWB = 0"), the combining rules ("Combining the stage 1
 * and stage 2 attributes": the stronger Device type, the weaker cacheability with stage-1
 * hints, the stronger shareability) and PAR_EL1.SH ("0b10 for any Device memory and for Normal
 * Inner Non-cacheable Outer Non-cacheable").
 */
#include "s2_attr_model.h"
#include "unit.h"

#define NSH 0
#define OSH 2
#define ISH 3

/* The single expected pair of a combination without a ConstrainUnpredictable half. */
static void expect_one(uint8_t mair, unsigned sh1, unsigned memattr, unsigned sh2, uint8_t attr,
		       unsigned sh, const char *what)
{
	struct par_attrs_expect e;
	struct s1_input s1 = {.mair_attr = mair, .sh = sh1};

	unit_ok(s2_par_attrs_expect(&s1, memattr, sh2, false, false, &e), "%s: modelled", what);
	unit_ok(e.n == 1, "%s: one permitted value (got %u)", what, e.n);
	unit_ok(e.v[0].attr == attr, "%s: ATTR 0x%02x (got 0x%02x)", what, attr, e.v[0].attr);
	unit_ok(e.v[0].sh == sh, "%s: SH %u (got %u)", what, sh, e.v[0].sh);
}

/* Likewise with HCR_EL2.FWB = 1 (MemAttr[2:0] of the FEAT_S2FWB table). */
#define S1(mair_, sh_) ((struct s1_input){.mair_attr = (mair_), .sh = (sh_)})
#define S1_OFF	       ((struct s1_input){.off = true})

static void expect_fwb(struct s1_input s1, unsigned memattr, unsigned sh2, uint8_t attr,
		       unsigned sh, const char *what)
{
	struct par_attrs_expect e;

	unit_ok(s2_par_attrs_expect(&s1, memattr, sh2, true, false, &e), "FWB %s: modelled", what);
	unit_ok(e.n == 1 && e.v[0].attr == attr && e.v[0].sh == sh,
		"FWB %s: ATTR 0x%02x SH %u (got n %u, 0x%02x, %u)", what, attr, sh, e.n,
		e.v[0].attr, e.v[0].sh);
}

static uint64_t par(uint8_t attr, unsigned sh)
{
	return (uint64_t)attr << 56 | (uint64_t)sh << 7 | 0x40000000;
}

int main(void)
{
	/* Device x Device: the stronger type; SH forced to Outer Shareable. */
	expect_one(0x0c, ISH, 0x0, NSH, 0x00, OSH, "GRE x nGnRnE");
	expect_one(0x00, NSH, 0x3, ISH, 0x00, OSH, "nGnRnE x GRE");
	expect_one(0x08, ISH, 0x1, ISH, 0x04, OSH, "nGRE x nGnRE");
	expect_one(0x0c, NSH, 0x3, NSH, 0x0c, OSH, "GRE x GRE");
	expect_one(0x0c, ISH, 0x2, NSH, 0x08, OSH, "GRE x nGRE");
	/* Device stage 1 over Normal stage 2: stage 1's type, whatever stage 2's cacheability. */
	expect_one(0x0c, ISH, 0x5, ISH, 0x0c, OSH, "GRE x Normal NC");
	expect_one(0x08, NSH, 0xf, ISH, 0x08, OSH, "nGRE x Normal WB");
	expect_one(0x04, ISH, 0x9, NSH, 0x04, OSH, "nGnRE x oWT-iNC");
	/* Normal stage 1 over Device stage 2: stage 2's type. */
	expect_one(0xff, ISH, 0x3, ISH, 0x0c, OSH, "WB x GRE");
	expect_one(0x44, NSH, 0x2, NSH, 0x08, OSH, "NC x nGRE");
	expect_one(0x4f, ISH, 0x1, ISH, 0x04, OSH, "oNC-iWB x nGnRE");
	/* Normal x Normal: each half the weaker of the two, hints from stage 1. */
	expect_one(0xff, ISH, 0xf, NSH, 0xff, ISH, "WB x WB, ISH x NSH");
	expect_one(0xff, NSH, 0xf, NSH, 0xff, NSH, "WB x WB, NSH x NSH");
	expect_one(0xff, ISH, 0xf, OSH, 0xff, OSH, "WB x WB, ISH x OSH");
	expect_one(0xff, OSH, 0xf, ISH, 0xff, OSH, "WB x WB, OSH x ISH");
	expect_one(0xff, ISH, 0xa, ISH, 0xbb, ISH, "WB-RWA x WT: WT with stage 1's RWA hints");
	expect_one(0xaa, NSH, 0xf, ISH, 0xaa, ISH, "WT-RA x WB: stays WT-RA");
	expect_one(0xff, ISH, 0x5, ISH, 0x44, OSH, "WB x NC: NC, Outer Shareable");
	expect_one(0xff, NSH, 0x7, NSH, 0x4f, NSH, "WB x oNC-iWB");
	expect_one(0xff, NSH, 0xd, ISH, 0xf4, ISH, "WB x oWB-iNC");
	expect_one(0xaf, ISH, 0xe, NSH, 0xab, ISH, "oWT-RA iWB-RWA x oWB-iWT");
	expect_one(0x4a, NSH, 0xf, NSH, 0x4a, NSH, "oNC-iWT x WB");
	expect_one(0x4a, NSH, 0xa, OSH, 0x4a, OSH, "oNC-iWT x WT");
	expect_one(0x44, ISH, 0xf, ISH, 0x44, OSH, "NC x WB: SH forced 0b10");
	/* Transient stage-1 hints survive a cacheable result (0b00RW WT, 0b01RW WB). */
	expect_one(0x55, ISH, 0xf, ISH, 0x55, ISH, "WB-transient-WA x WB");
	expect_one(0x55, ISH, 0xa, ISH, 0x11, ISH, "WB-transient-WA x WT: WT-transient-WA");
	expect_one(0x22, NSH, 0xf, NSH, 0x22, NSH, "WT-transient-RA x WB");
	expect_one(0x55, ISH, 0x5, NSH, 0x44, OSH, "WB-transient x NC: NC");

	/* Stage 1 off: data is Device-nGnRnE, whatever stage 2 says. */
	struct par_attrs_expect e;
	struct s1_input off = {.off = true};

	unit_ok(s2_par_attrs_expect(&off, 0xf, ISH, false, false, &e) && e.n == 1 &&
			e.v[0].attr == 0x00 && e.v[0].sh == OSH,
		"stage 1 off x WB: Device-nGnRnE, OSH");
	unit_ok(s2_par_attrs_expect(&off, 0x3, NSH, false, false, &e) && e.n == 1 &&
			e.v[0].attr == 0x00 && e.v[0].sh == OSH,
		"stage 1 off x GRE: Device-nGnRnE, OSH");

	/* Reserved stage-2 halves: NC, WT or WB for that half (S2DecodeCacheability()). */
	struct s1_input wb = {.mair_attr = 0xff, .sh = ISH};

	unit_ok(s2_par_attrs_expect(&wb, 0xc, ISH, false, false, &e), "WB x 0xc: modelled");
	unit_eq_u64(e.n, 3, "WB x 0xc (oWB, inner reserved): three permitted values");
	unit_ok(par_attrs_permitted(&e, par(0xf4, ISH)), "WB x 0xc: inner NC allowed");
	unit_ok(par_attrs_permitted(&e, par(0xfb, ISH)), "WB x 0xc: inner WT allowed");
	unit_ok(par_attrs_permitted(&e, par(0xff, ISH)), "WB x 0xc: inner WB allowed");
	unit_ok(!par_attrs_permitted(&e, par(0xff, OSH)), "WB x 0xc: SH must stay ISH");
	unit_ok(!par_attrs_permitted(&e, par(0x44, OSH)), "WB x 0xc: outer cannot become NC");
	unit_ok(s2_par_attrs_expect(&wb, 0x4, NSH, false, false, &e), "WB x 0x4: modelled");
	unit_ok(par_attrs_permitted(&e, par(0x44, OSH)), "WB x 0x4 (oNC, inner NC): OSH forced");
	unit_ok(par_attrs_permitted(&e, par(0x4f, ISH)), "WB x 0x4 (oNC, inner WB): ISH x NSH");
	unit_ok(!par_attrs_permitted(&e, par(0x44, NSH)), "WB x 0x4: iNC-oNC with NSH is wrong");
	unit_ok(!s2_memattr_has_choice(0x0) && !s2_memattr_has_choice(0x3) &&
			s2_memattr_has_choice(0x8) && !s2_memattr_has_choice(0x9),
		"only 0b0100, 0b1000, 0b1100 have a reserved half");

	/* FEAT_XS: the XS = 0 spellings of iNC-oNC and WT-RA are accepted too, nothing else. */
	struct s1_input nc = {.mair_attr = 0x44, .sh = ISH};

	unit_ok(s2_par_attrs_expect(&nc, 0xf, ISH, false, true, &e) && e.n == 2 &&
			par_attrs_permitted(&e, par(0x40, OSH)) &&
			par_attrs_permitted(&e, par(0x44, OSH)),
		"FEAT_XS: NC x WB may read 0x40 or 0x44");
	unit_ok(s2_par_attrs_expect(&nc, 0xf, ISH, false, false, &e) && e.n == 1,
		"no FEAT_XS: NC x WB reads 0x44 only");

	/* FWB: 0b0dd forces Device, the stronger type if stage 1 is Device too. */
	expect_fwb(S1(0x0c, OSH), 0x0, NSH, 0x00, OSH, "GRE x 0b000: nGnRnE");
	expect_fwb(S1(0x00, OSH), 0x3, NSH, 0x00, OSH, "nGnRnE x 0b011: stays nGnRnE");
	expect_fwb(S1(0x08, OSH), 0x1, ISH, 0x04, OSH, "nGRE x 0b001: nGnRE");
	expect_fwb(S1(0xff, ISH), 0x1, ISH, 0x04, OSH, "WB x 0b001: nGnRE");
	/* 0b101: Normal NC, unless stage 1 is Device. */
	expect_fwb(S1(0xff, ISH), 0x5, ISH, 0x44, OSH, "WB x 0b101: NC");
	expect_fwb(S1(0x0c, OSH), 0x5, NSH, 0x0c, OSH, "GRE x 0b101: stage 1's GRE");
	expect_fwb(S1_OFF, 0x5, ISH, 0x00, OSH, "stage 1 off x 0b101: nGnRnE");
	/* 0b110: Write-Back, with stage 1's hints where stage 1 is cacheable, else RWA. */
	expect_fwb(S1(0x44, NSH), 0x6, NSH, 0xff, NSH, "NC x 0b110: WB-RWA");
	expect_fwb(S1(0xaa, ISH), 0x6, NSH, 0xee, ISH, "WT-RA x 0b110: WB-RA");
	expect_fwb(S1(0x4a, ISH), 0x6, NSH, 0xfe, ISH, "oNC-iWT-RA x 0b110: oWB-RWA iWB-RA");
	expect_fwb(S1(0x22, NSH), 0x6, OSH, 0x66, OSH, "WT-transient-RA x 0b110: WB-transient-RA");
	expect_fwb(S1(0x0c, OSH), 0x6, ISH, 0xff, OSH, "GRE (SH OSH) x 0b110: WB-RWA");
	expect_fwb(S1_OFF, 0x6, NSH, 0xff, OSH, "stage 1 off x 0b110: WB-RWA, OSH");
	/* 0b111: stage 1's attributes. */
	expect_fwb(S1(0xff, NSH), 0x7, NSH, 0xff, NSH, "WB x 0b111");
	expect_fwb(S1(0x55, ISH), 0x7, NSH, 0x55, ISH, "WB-transient x 0b111");
	expect_fwb(S1(0x44, ISH), 0x7, ISH, 0x44, OSH, "NC x 0b111: OSH forced");
	expect_fwb(S1(0x0c, OSH), 0x7, NSH, 0x0c, OSH, "GRE x 0b111");
	unit_ok(!s2_par_attrs_expect(&wb, 0x4, ISH, true, false, &e), "FWB 0b100 (reserved)");
	unit_ok(!s2_par_attrs_expect(&wb, 0xf, ISH, true, false, &e), "FWB MemAttr[3] = 1");

	/* Encodings the oracle refuses rather than guesses. */
	struct mem_attrs m;

	unit_ok(!s1_decode_mem_attrs(0x01, ISH, &m), "MAIR 0x01 (Device, reserved low bits)");
	unit_ok(!s1_decode_mem_attrs(0xf0, ISH, &m), "MAIR 0xf0 (FEAT_MTE2 tagged)");
	unit_ok(!s1_decode_mem_attrs(0x40, ISH, &m), "MAIR 0x40 (FEAT_XS)");
	unit_ok(!s1_decode_mem_attrs(0xff, 1, &m), "SH 0b01 (reserved)");
	unit_ok(!s2_decode_mem_attrs(0xf, 1, 0, &m), "stage 2 SH 0b01 (reserved)");

	/* Unaligned loads: stage 1 Device faults at stage 1, else stage 2 Device at stage 2. */
	struct s1_input gre = {.mair_attr = 0x0c, .sh = ISH};

	unit_ok(s2_unaligned_load_outcome(&off, 0xf) == ALIGN_FAULT_STAGE1,
		"unaligned, stage 1 off x WB: stage-1 Alignment fault");
	unit_ok(s2_unaligned_load_outcome(&gre, 0x0) == ALIGN_FAULT_STAGE1,
		"unaligned, GRE x nGnRnE: stage-1 Alignment fault (stage 1 is checked first)");
	unit_ok(s2_unaligned_load_outcome(&wb, 0x3) == ALIGN_FAULT_STAGE2,
		"unaligned, WB x GRE: stage-2 Alignment fault");
	unit_ok(s2_unaligned_load_outcome(&wb, 0x4) == ALIGN_NO_FAULT,
		"unaligned, WB x 0x4 (Normal, reserved inner): no fault");
	unit_ok(s2_unaligned_load_outcome(&nc, 0xf) == ALIGN_NO_FAULT,
		"unaligned, NC x WB: no fault");

	/* The helpers on their own. */
	unit_eq_u64(s2_combine_s1_device(DEVICE_GRE, DEVICE_nGnRE), DEVICE_nGnRE, "nGnRE > GRE");
	unit_eq_u64(s2_combine_s1_shareability(SHAREABILITY_NSH, SHAREABILITY_ISH),
		    SHAREABILITY_ISH, "NSH x ISH = ISH");
	return unit_done();
}
