/* SPDX-License-Identifier: MIT */
/*
 * The EL2 stage-1 oracle (see el2_s1_model.h). 4K granule, no FEAT_LPA2/D128/HAFDBS/HPDS/PAN:
 * TCR_EL2.HA = HD = HPD = 0 in every regime this models. References are to DDI 0487's shared
 * pseudocode, named at each step.
 */
#include "el2_s1_model.h"

#include "arch/el2.h"
#include "arch/esr.h"
#include "esr_model.h"
#include "s2_attr_model.h"

/* Descriptor fields (VMSAv8-64 stage 1, 4K granule). */
#define D_VALID	     BIT(0)
#define D_TABLE	     BIT(1) /* levels 0..2: table (1) or block (0); level 3: page (1) */
#define D_ATTRIDX(d) FIELD_GET(d, 2, 3)
#define D_AP1	     BIT(6) /* EL2&0: EL0 access; EL2: RES1 */
#define D_AP2	     BIT(7) /* read-only */
#define D_SH(d)	     FIELD_GET(d, 8, 2)
#define D_AF	     BIT(10)
#define D_PXN	     BIT(53) /* EL2&0 only (RES0 in the EL2 regime) */
#define D_XN	     BIT(54) /* EL2: XN; EL2&0: UXN */
#define D_OA_MASK    0x0000fffffffff000ULL
#define T_PXNTABLE   BIT(59)
#define T_XNTABLE    BIT(60) /* EL2: XNTable; EL2&0: UXNTable */
#define T_APTABLE1   BIT(62) /* no write access at any EL below */

static void fault(struct el2_s1_outcome *o, unsigned fsc)
{
	o->fault = true;
	o->fsc = fsc;
}

static bool is_data(const struct el2_access *a)
{
	return a->kind == EL2_ACC_LOAD || a->kind == EL2_ACC_STORE;
}

static bool is_aligned(const struct el2_access *a)
{
	return !is_data(a) || a->size == 0 || a->va % a->size == 0;
}

/* log2 of the bytes a leaf maps at @level (4K granule): 39, 30, 21, 12. */
static unsigned level_shift(int level)
{
	return 12 + 9 * (3 - (unsigned)level);
}

/* AArch64.S1StartLevel() for 4K: the level whose entries the top VA bit indexes. */
static int start_level(unsigned va_bits)
{
	return va_bits > 39 ? 0 : va_bits > 30 ? 1 : 2;
}

/*
 * Which range (TTBR0/TTBR1) @va uses and its size; false for a VA outside both ranges
 * (AArch64.VAIsOutOfRange(); TCR_EL2.TBI* = 0, so bits [63:56] take part).
 */
static bool va_range(const struct el2_regime *r, uint64_t va, bool *upper, unsigned *bits)
{
	uint64_t top0 = r->va_bits0 >= 64 ? 0 : va >> r->va_bits0;

	*upper = false;
	*bits = r->va_bits0;
	if (top0 == 0) {
		return true;
	}
	if (!r->e2h) {
		return false;
	}
	*upper = true;
	*bits = r->va_bits1;
	return (va >> r->va_bits1) == (~0ULL >> r->va_bits1);
}

/*
 * AArch64.S1ComputePermissions() for an access at EL2 (PSTATE.PAN = 0): the EL2 regime has
 * AP[2] and XN with WXN; the EL2&0 regime AP[2:1] and PXN, where a page that EL0 can write is
 * never privileged-executable. Hierarchical: APTable[1] removes write, XNTable (EL2) or PXNTable
 * (EL2&0) removes execute.
 */
static bool permitted(const struct el2_regime *r, uint64_t leaf, uint64_t tables,
		      const struct el2_access *a)
{
	bool w = !(leaf & D_AP2) && !(tables & T_APTABLE1);
	bool x;

	if (r->e2h) {
		bool user_w = w && (leaf & D_AP1);

		x = !(leaf & D_PXN) && !(tables & T_PXNTABLE) && !user_w;
	} else {
		x = !(leaf & D_XN) && !(tables & T_XNTABLE);
	}
	if (r->wxn && w) {
		x = false;
	}
	switch (a->kind) {
	case EL2_ACC_STORE:
	case EL2_ACC_AT_W:
	case EL2_ACC_DCZVA:
		return w;
	case EL2_ACC_FETCH:
		return x;
	default:
		return true; /* reads, AT S1E2R and DC CIVAC need read access, always given at EL2
			      */
	}
}

static void set_attrs(struct el2_s1_outcome *o, const struct mem_attrs *m)
{
	o->par_attr = par_encode_attrs(m);
	o->par_sh = par_encode_shareability(m);
	o->device = m->memtype == MEMTYPE_DEVICE;
}

/* AArch64.S1DisabledOutput(): flat, data Device-nGnRnE (Outer Shareable). */
static bool translate_off(const struct el2_regime *r, const struct el2_access *a,
			  struct el2_s1_outcome *o)
{
	struct mem_attrs m = s1_disabled_data_attrs();

	if (r->pa_bits < 64 && a->va >> r->pa_bits) {
		fault(o, ESR_FSC_ADDR_SIZE(0));
		return true;
	}
	o->pa = a->va;
	set_attrs(o, &m);
	/* AArch64.S1HasAlignmentFault(): Device, so any unaligned data access faults. */
	if (!is_aligned(a)) {
		fault(o, ESR_FSC_ALIGN);
	}
	return true;
}

bool el2_s1_translate(const struct el2_regime *r, const struct el2_walk *w,
		      const struct el2_access *a, struct el2_s1_outcome *o)
{
	uint64_t tables = 0, desc = 0;
	unsigned bits;
	bool upper;
	int level;

	*o = (struct el2_s1_outcome){0};
	/*
	 * AArch64.CheckAlignment() / UnalignedAccessFaults(), before any translation: SCTLR_EL2.A,
	 * and exclusives whatever A says (with FEAT_LSE2 only those that leave their aligned 16
	 * bytes: "!IsFeatureImplemented(FEAT_LSE2) || !AllInAlignedQuantity(address, size, 16)").
	 */
	bool crosses16 = (a->va & 15) + a->size > 16;

	if (!is_aligned(a) && (r->align || (a->exclusive && (!r->lse2 || crosses16)))) {
		fault(o, ESR_FSC_ALIGN);
		return true;
	}
	if (!r->mmu) {
		return translate_off(r, a, o);
	}
	if (r->va_bits0 < 25 || (r->e2h && r->va_bits1 < 25)) {
		return false;
	}
	/* AArch64.S1Translate(): out of range, or TTBR1 disabled by EPD1: level 0. */
	if (!va_range(r, a->va, &upper, &bits) || (upper && r->epd1)) {
		fault(o, ESR_FSC_TRANS(0));
		return true;
	}
	/* AArch64.S1Walk(). */
	for (level = start_level(bits);; level++) {
		desc = w->desc[level];
		if (!(desc & D_VALID)) {
			fault(o, ESR_FSC_TRANS(level));
			return true;
		}
		/* Level 3: 0b11 is a page, 0b01 reserved; level 0 has no blocks with 4K, no DS. */
		if (level == 3 && !(desc & D_TABLE)) {
			fault(o, ESR_FSC_TRANS(level));
			return true;
		}
		if (level == 0 && !(desc & D_TABLE)) {
			fault(o, ESR_FSC_TRANS(0));
			return true;
		}
		if ((desc & D_OA_MASK) >> r->pa_bits) {
			fault(o, ESR_FSC_ADDR_SIZE(level));
			return true;
		}
		if (level == 3 || !(desc & D_TABLE)) {
			break;
		}
		tables |= desc;
	}
	/* Access flag (TCR_EL2.HA = 0); for DC and IC the fault is IMPLEMENTATION DEFINED. */
	if (!(desc & D_AF)) {
		if (a->kind != EL2_ACC_DC) {
			fault(o, ESR_FSC_ACCESS(level));
			return true;
		}
		o->af_optional = true;
	}

	struct mem_attrs m;
	unsigned shift = level_shift(level);

	if (!s1_decode_mem_attrs((uint8_t)(r->mair >> (8 * D_ATTRIDX(desc))), (unsigned)D_SH(desc),
				 &m)) {
		return false;
	}
	o->pa = (desc & D_OA_MASK & ~((1ULL << shift) - 1)) | (a->va & ((1ULL << shift) - 1));
	set_attrs(o, &m);
	/*
	 * AArch64.S1HasAlignmentFault(): an unaligned data access to Device, and any DC ZVA to
	 * Device ("AccessType_DCZero: memtype == MemType_Device"), before permissions.
	 */
	if (o->device && (!is_aligned(a) || a->kind == EL2_ACC_DCZVA)) {
		fault(o, ESR_FSC_ALIGN);
		return true;
	}
	if (!permitted(r, desc, tables, a)) {
		fault(o, ESR_FSC_PERM(level));
	}
	return true;
}

uint64_t el2_par_mask(const struct el2_s1_outcome *o)
{
	if (o->fault) {
		return PAR_F | 0x3fULL << 1 | BIT(8) | BIT(9);
	}
	return PAR_F | PAR_PA_MASK | 3ULL << PAR_SH_SHIFT | 0xffULL << PAR_ATTR_SHIFT;
}

uint64_t el2_par_expect(const struct el2_s1_outcome *o)
{
	if (o->fault) {
		return PAR_F | (uint64_t)(o->fsc & 0x3f) << 1;
	}
	return (o->pa & PAR_PA_MASK) | (uint64_t)o->par_sh << PAR_SH_SHIFT |
	       (uint64_t)o->par_attr << PAR_ATTR_SHIFT;
}

uint64_t el2_esr_expect(const struct el2_access *a, const struct el2_s1_outcome *o)
{
	if (a->kind == EL2_ACC_FETCH) {
		return esr_expect_iabt_cur(o->fsc);
	}
	return esr_expect_dabt_cur(a->kind == EL2_ACC_STORE || a->kind == EL2_ACC_DCZVA,
				   a->kind == EL2_ACC_DC, o->fsc);
}
