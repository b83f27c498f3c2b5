/* SPDX-License-Identifier: MIT */
/*
 * Host tests of scenarios/model/el2_s1_model.c against vectors computed by hand from the Arm ARM
 * (DDI 0487) pseudocode named on each: descriptors written out bit by bit (4K granule), the
 * expected PAR_EL1 / ESR_EL2 as literal values.
 */
#include "arch/el2.h"
#include "arch/esr.h"
#include "el2_s1_model.h"
#include "esr_model.h"
#include "unit.h"

/* MAIR_EL2 bytes 0..7: nGnRnE, nGnRE, WB, NC, nGRE, GRE, WT, iWB-oNC. */
#define MAIR 0x4fbb0c0844ff0400ULL
#define VA   0x0000ff8000000000ULL /* level-0 index 511, then index 0 at every level */
#define TBL  0x0000000040100003ULL /* a table descriptor */

static const struct el2_regime el2 = {
	.mmu = true, .wxn = true, .mair = MAIR, .va_bits0 = 48, .pa_bits = 40};

static struct el2_walk page(uint64_t desc)
{
	return (struct el2_walk){{TBL, TBL, TBL, desc}};
}

static struct el2_s1_outcome run(const struct el2_regime *r, struct el2_walk w,
				 enum el2_access_kind kind, uint64_t va, unsigned size)
{
	struct el2_access a = {.kind = kind, .va = va, .size = size};
	struct el2_s1_outcome o;

	unit_ok(el2_s1_translate(r, &w, &a, &o), "modelled: kind %d va 0x%llx", kind,
		(unsigned long long)va);
	return o;
}

static void expect_fault(struct el2_s1_outcome o, unsigned fsc, const char *what)
{
	unit_ok(o.fault && o.fsc == fsc, "%s: fault 0x%02x (got fault %d fsc 0x%02x)", what, fsc,
		o.fault, o.fsc);
}

static void expect_par(struct el2_s1_outcome o, uint64_t par, const char *what)
{
	uint64_t got = el2_par_expect(&o) & el2_par_mask(&o);

	unit_ok(got == par, "%s: PAR_EL1 0x%016llx (got 0x%016llx)", what, (unsigned long long)par,
		(unsigned long long)got);
}

int main(void)
{
	/* Normal WB (AttrIndx 2), ISH, AF, AP[1] RES1, XN: 0x40200000 | 0x004000000000074b. */
	const uint64_t rw = 0x004000004020074bULL, ro = 0x00400000402007cbULL;
	const uint64_t rx = 0x00000000402007cbULL, rwx = 0x000000004020074bULL;
	struct el2_s1_outcome o;

	/* AArch64.S1Walk() to a level 3 page; PAR_EL1: PA[47:12], SH 0b11 [8:7], ATTR 0xff. */
	o = run(&el2, page(rw), EL2_ACC_AT_R, VA + 0x10, 0);
	unit_ok(!o.fault && o.pa == 0x40200010, "RW page: PA 0x40200010");
	expect_par(o, 0xff00000040200180ULL, "AT S1E2R RW page");
	o = run(&el2, page(rw), EL2_ACC_STORE, VA, 8);
	unit_ok(!o.fault, "RW page: a store is permitted");
	/* S1ComputePermissions(): XN; ESR EC 0x21, IL, IFSC permission level 3. */
	o = run(&el2, page(rw), EL2_ACC_FETCH, VA, 4);
	expect_fault(o, ESR_FSC_PERM(3), "fetch from XN");
	unit_eq_u64(el2_esr_expect(&(struct el2_access){.kind = EL2_ACC_FETCH}, &o), 0x8600000fULL,
		    "fetch from XN: ESR_EL2");
	/* AP[2] = 1: a store faults, EC 0x25 with WnR; AT S1E2W reports FST 0x0f, F = 1. */
	o = run(&el2, page(ro), EL2_ACC_STORE, VA, 8);
	expect_fault(o, ESR_FSC_PERM(3), "store to RO");
	unit_eq_u64(el2_esr_expect(&(struct el2_access){.kind = EL2_ACC_STORE}, &o), 0x9600004fULL,
		    "store to RO: ESR_EL2");
	o = run(&el2, page(ro), EL2_ACC_AT_W, VA, 0);
	expect_par(o, 0x1f, "AT S1E2W RO page");
	o = run(&el2, page(ro), EL2_ACC_AT_R, VA, 0);
	unit_ok(!o.fault, "AT S1E2R RO page succeeds");
	/* RO and XN = 0 executes; RW and XN = 0 does not with SCTLR_EL2.WXN = 1. */
	o = run(&el2, page(rx), EL2_ACC_FETCH, VA, 4);
	unit_ok(!o.fault, "fetch from RO, XN = 0");
	o = run(&el2, page(rwx), EL2_ACC_FETCH, VA, 4);
	expect_fault(o, ESR_FSC_PERM(3), "fetch from RW with WXN");
	struct el2_regime nowxn = el2;
	nowxn.wxn = false;
	o = run(&nowxn, page(rwx), EL2_ACC_FETCH, VA, 4);
	unit_ok(!o.fault, "fetch from RW without WXN");

	/* Translation faults per level: invalid entry at level 3, 2, 1, 0. */
	o = run(&el2, page(0), EL2_ACC_LOAD, VA, 8);
	expect_fault(o, ESR_FSC_TRANS(3), "unmapped level 3");
	unit_eq_u64(el2_esr_expect(&(struct el2_access){.kind = EL2_ACC_LOAD}, &o), 0x96000007ULL,
		    "load, translation level 3: ESR_EL2");
	expect_par(o, 0x0f, "AT, translation level 3");
	o = run(&el2, (struct el2_walk){{TBL, TBL, 0, 0}}, EL2_ACC_LOAD, VA, 8);
	expect_fault(o, ESR_FSC_TRANS(2), "unmapped level 2");
	o = run(&el2, (struct el2_walk){{TBL, 0, 0, 0}}, EL2_ACC_LOAD, VA, 8);
	expect_fault(o, ESR_FSC_TRANS(1), "unmapped level 1");
	o = run(&el2, (struct el2_walk){{0, 0, 0, 0}}, EL2_ACC_LOAD, VA, 8);
	expect_fault(o, ESR_FSC_TRANS(0), "unmapped level 0");
	/* No block at level 0 with 4K (AArch64.BlockDescSupported()); 0b01 at level 3 reserved. */
	o = run(&el2, (struct el2_walk){{0x0040000000000749ULL, 0, 0, 0}}, EL2_ACC_LOAD, VA, 8);
	expect_fault(o, ESR_FSC_TRANS(0), "block at level 0");
	o = run(&el2, page(rw & ~2ULL), EL2_ACC_LOAD, VA, 8);
	expect_fault(o, ESR_FSC_TRANS(3), "0b01 at level 3");
	/* Block at level 2: PA = OA[47:21] : VA[20:0]. */
	o = run(&el2, (struct el2_walk){{TBL, TBL, 0x0040000040200749ULL, 0}}, EL2_ACC_AT_R,
		VA + 0x1234, 0);
	expect_par(o, 0xff00000040201180ULL, "level 2 block");
	/* Access flag fault at the leaf's level; a DC's is IMPLEMENTATION DEFINED. */
	o = run(&el2, page(rw & ~BIT(10)), EL2_ACC_LOAD, VA, 8);
	expect_fault(o, ESR_FSC_ACCESS(3), "AF = 0");
	o = run(&el2, (struct el2_walk){{TBL, TBL, 0x0040000040200349ULL, 0}}, EL2_ACC_AT_R, VA, 0);
	expect_fault(o, ESR_FSC_ACCESS(2), "AF = 0 block level 2");
	o = run(&el2, page(rw & ~BIT(10)), EL2_ACC_DC, VA, 0);
	unit_ok(!o.fault && o.af_optional, "DC on AF = 0: fault optional");
	/* The AF fault comes before the permission fault (S1Walk before S1CheckPermissions). */
	o = run(&el2, page(ro & ~BIT(10)), EL2_ACC_STORE, VA, 8);
	expect_fault(o, ESR_FSC_ACCESS(3), "store to RO with AF = 0");
	/* DC CIVAC to an unmapped VA: CM = 1, WnR = 1. */
	o = run(&el2, page(0), EL2_ACC_DC, VA, 0);
	unit_eq_u64(el2_esr_expect(&(struct el2_access){.kind = EL2_ACC_DC}, &o), 0x96000147ULL,
		    "DC CIVAC, translation level 3: ESR_EL2");
	/* DC ZVA: write permission, WnR 1 and CM 0; any DC ZVA to Device is an Alignment fault. */
	o = run(&el2, page(ro), EL2_ACC_DCZVA, VA, 0);
	expect_fault(o, ESR_FSC_PERM(3), "DC ZVA to RO");
	unit_eq_u64(el2_esr_expect(&(struct el2_access){.kind = EL2_ACC_DCZVA}, &o), 0x9600004fULL,
		    "DC ZVA to RO: ESR_EL2");
	o = run(&el2, page(0x0040000040200447ULL), EL2_ACC_DCZVA, VA, 0);
	expect_fault(o, ESR_FSC_ALIGN, "DC ZVA to Device");
	o = run(&el2, page(rw), EL2_ACC_DCZVA, VA, 0);
	unit_ok(!o.fault, "DC ZVA to RW Normal");
	/* Address size: OA bit 40 with a 40-bit PS. */
	o = run(&el2, page(0x004001000000074bULL), EL2_ACC_LOAD, VA, 8);
	expect_fault(o, ESR_FSC_ADDR_SIZE(3), "OA beyond PS");

	/* Memory types (S1DecodeMemAttrs, EncodePARAttrs): Device and NC report SH 0b10. */
	o = run(&el2, page(0x0040000040200447ULL), EL2_ACC_AT_R, VA, 0);
	expect_par(o, 0x0400000040200100ULL, "Device-nGnRE");
	o = run(&el2, page(0x004000004020074fULL), EL2_ACC_AT_R, VA, 0);
	expect_par(o, 0x4400000040200100ULL, "Normal NC");
	o = run(&el2, page(0x004000004020075bULL), EL2_ACC_AT_R, VA, 0);
	expect_par(o, 0xbb00000040200180ULL, "Normal WT (AttrIndx 6)");
	o = run(&el2, page(0x004000004020065fULL), EL2_ACC_AT_R, VA, 0);
	expect_par(o, 0x4f00000040200100ULL, "iWB-oNC (AttrIndx 7), OSH");

	/* Alignment: Device faults unaligned (0x21, ESR 0x96000021); Normal only with A = 1. */
	o = run(&el2, page(0x0040000040200447ULL), EL2_ACC_LOAD, VA + 1, 8);
	expect_fault(o, ESR_FSC_ALIGN, "unaligned load, Device");
	unit_eq_u64(el2_esr_expect(&(struct el2_access){.kind = EL2_ACC_LOAD}, &o), 0x96000021ULL,
		    "alignment fault: ESR_EL2");
	o = run(&el2, page(rw), EL2_ACC_LOAD, VA + 1, 8);
	unit_ok(!o.fault, "unaligned load, Normal, A = 0");
	struct el2_regime a1 = el2;
	a1.align = true;
	o = run(&a1, page(rw), EL2_ACC_LOAD, VA + 1, 8);
	expect_fault(o, ESR_FSC_ALIGN, "unaligned load, Normal, A = 1");
	/* AArch64.CheckAlignment() precedes translation: an unmapped VA still gives 0x21. */
	o = run(&a1, page(0), EL2_ACC_LOAD, VA + 2, 4);
	expect_fault(o, ESR_FSC_ALIGN, "unaligned load to unmapped, A = 1");
	struct el2_access ldxr = {.kind = EL2_ACC_LOAD, .va = VA + 4, .size = 8, .exclusive = true};
	struct el2_walk w = page(rw);
	unit_ok(el2_s1_translate(&el2, &w, &ldxr, &o) && o.fault && o.fsc == ESR_FSC_ALIGN,
		"unaligned LDXR, Normal, A = 0");
	/* FEAT_LSE2: an exclusive inside its aligned 16 bytes is fine, one across them is not. */
	struct el2_regime lse2 = el2;
	lse2.lse2 = true;
	unit_ok(el2_s1_translate(&lse2, &w, &ldxr, &o) && !o.fault, "LSE2: LDXR at +4");
	ldxr.va = VA + 12;
	unit_ok(el2_s1_translate(&lse2, &w, &ldxr, &o) && o.fault && o.fsc == ESR_FSC_ALIGN,
		"LSE2: LDXR at +12 crosses 16 bytes");
	/* Device unaligned before permission: an unaligned store to RO Device is an alignment
	 * fault. */
	o = run(&el2, page(0x00400000402004c7ULL), EL2_ACC_STORE, VA + 2, 4);
	expect_fault(o, ESR_FSC_ALIGN, "unaligned store to RO Device");

	/* MMU off (AArch64.S1DisabledOutput()): flat, Device-nGnRnE, so unaligned faults. */
	struct el2_regime off = el2;
	off.mmu = false;
	o = run(&off, page(0), EL2_ACC_LOAD, 0x40200001, 8);
	expect_fault(o, ESR_FSC_ALIGN, "MMU off, unaligned load");
	o = run(&off, page(0), EL2_ACC_AT_R, 0x40200008, 0);
	expect_par(o, 0x0000000040200100ULL, "MMU off, AT");
	o = run(&off, page(0), EL2_ACC_LOAD, 0x40200008, 8);
	unit_ok(!o.fault && o.pa == 0x40200008, "MMU off, aligned load");

	/* One VA range with E2H = 0: an upper VA is a level 0 translation fault. */
	o = run(&el2, page(rw), EL2_ACC_AT_R, 0xffffff8000000000ULL, 0);
	expect_fault(o, ESR_FSC_TRANS(0), "upper VA, E2H = 0");

	/* E2H = 1: TTBR1 with T1SZ = 25 starts at level 1; EPD1 and the hole fault at level 0. */
	struct el2_regime vhe = el2;
	vhe.e2h = true;
	vhe.va_bits1 = 39;
	o = run(&vhe, (struct el2_walk){{0, TBL, TBL, 0x004000004020070bULL}}, EL2_ACC_AT_R,
		0xffffff8000000008ULL, 0);
	expect_par(o, 0xff00000040200180ULL, "E2H = 1, TTBR1, T1SZ 25");
	vhe.epd1 = true;
	o = run(&vhe, (struct el2_walk){{0, TBL, TBL, 0x004000004020070bULL}}, EL2_ACC_AT_R,
		0xffffff8000000008ULL, 0);
	expect_fault(o, ESR_FSC_TRANS(0), "E2H = 1, EPD1");
	vhe.epd1 = false;
	o = run(&vhe, page(rw), EL2_ACC_AT_R, 0x8000000000000000ULL, 0);
	expect_fault(o, ESR_FSC_TRANS(0), "E2H = 1, VA between the ranges");
	/* EL2&0: PXN, and a page EL0 can write (AP[2:1] = 01) is never EL2-executable. */
	o = run(&vhe, page(0x002000004020078bULL), EL2_ACC_FETCH, VA, 4);
	expect_fault(o, ESR_FSC_PERM(3), "E2H = 1, PXN");
	o = run(&vhe, page(0x000000004020078bULL), EL2_ACC_FETCH, VA, 4);
	unit_ok(!o.fault, "E2H = 1, RO EL2-only page executes");
	vhe.wxn = false;
	o = run(&vhe, page(0x000000004020074bULL), EL2_ACC_FETCH, VA, 4);
	expect_fault(o, ESR_FSC_PERM(3), "E2H = 1, EL0-writable page");

	/* Hierarchical: APTable[1] at level 2 removes write; XNTable removes execute. */
	o = run(&el2, (struct el2_walk){{TBL, TBL, TBL | BIT(62), rw}}, EL2_ACC_STORE, VA, 8);
	expect_fault(o, ESR_FSC_PERM(3), "APTable[1]");
	o = run(&el2, (struct el2_walk){{TBL, TBL, TBL | BIT(60), rx}}, EL2_ACC_FETCH, VA, 4);
	expect_fault(o, ESR_FSC_PERM(3), "XNTable");
	return unit_done();
}
