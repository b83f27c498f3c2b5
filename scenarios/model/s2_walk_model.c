/* SPDX-License-Identifier: MIT */
/* The stage-2 walk and fault oracle (s2_walk_model.h), after the Arm ARM's pseudocode. */
#include "s2_walk_model.h"

#include "arch/esr.h"

/* VTCR_EL2 fields (D24.2 "VTCR_EL2"); named here so the oracle does not take the vmm's. */
#define VTCR_T0SZ(v) ((unsigned)((v)&0x3f))
#define VTCR_SL0(v)  ((unsigned)(((v) >> 6) & 3))
#define VTCR_TG0(v)  ((unsigned)(((v) >> 14) & 3))
#define VTCR_PS(v)   ((unsigned)(((v) >> 16) & 7))
#define VTCR_HA	     (1ULL << 21)
#define VTCR_HD	     (1ULL << 22)

/* Stage-2 block and page descriptor fields (D8.3 "Translation table descriptor formats"). */
#define DESC_VALID	(1ULL << 0)
#define DESC_TABLE	(1ULL << 1) /* bits[1:0] = 0b11: table (levels 0-2) or page (level 3) */
#define DESC_S2AP_R	(1ULL << 6)
#define DESC_S2AP_W	(1ULL << 7)
#define DESC_AF		(1ULL << 10)
#define DESC_DBM	(1ULL << 51)
#define DESC_MEMATTR(d) ((unsigned)(((d) >> 2) & 0xf))
#define DESC_XN(d)	((unsigned)(((d) >> 53) & 3))
#define OA_MAX_BITS	48 /* no FEAT_LPA/LPA2 in this oracle's scope */

static uint64_t bits_mask(unsigned hi, unsigned lo)
{
	return ((hi >= 63 ? ~0ULL : (1ULL << (hi + 1)) - 1)) & ~((1ULL << lo) - 1);
}

/* VTCR_EL2.TG0: 0b00 4K, 0b01 64K, 0b10 16K; 0b11 is reserved (not modelled). */
static unsigned granule_shift(uint64_t vtcr)
{
	static const unsigned shift[4] = {12, 16, 14, 0};

	return shift[VTCR_TG0(vtcr)];
}

/* VTCR_EL2.SL0 (DS = 0): 4K 0b00 level 2, 0b01 level 1, 0b10 level 0; 16K/64K one deeper. */
static int start_level(uint64_t vtcr, unsigned gshift)
{
	unsigned sl0 = VTCR_SL0(vtcr);

	if (sl0 == 3) {
		return -1;
	}
	return gshift == 12 ? 2 - (int)sl0 : 3 - (int)sl0;
}

/* VTCR_EL2.PS: the output address size, capped at 48 bits (0b110, 52 bits, needs LPA). */
static unsigned ps_bits(uint64_t vtcr)
{
	static const unsigned bits[8] = {32, 36, 40, 42, 44, 48, 52, 52};
	unsigned b = bits[VTCR_PS(vtcr)];

	return b > OA_MAX_BITS ? OA_MAX_BITS : b;
}

/* Blocks without FEAT_LPA2: 4K at levels 1 and 2, 16K and 64K at level 2 only. */
static bool block_allowed(unsigned gshift, unsigned level)
{
	return level == 2 || (gshift == 12 && level == 1);
}

void s2w_walk(const struct s2w_regime *r, s2w_read_fn read, void *ctx, uint64_t ipa,
	      struct s2w_walk *w)
{
	unsigned gshift = granule_shift(r->vtcr);
	unsigned stride = gshift - 3;
	unsigned iasize = 64 - VTCR_T0SZ(r->vtcr);
	unsigned oasize = ps_bits(r->vtcr);
	int sl = gshift ? start_level(r->vtcr, gshift) : -1;

	*w = (struct s2w_walk){.status = S2W_UNMODELLED};
	if (sl < 0 || iasize > 48) {
		return;
	}
	/* The start level's table is indexed by every IPA bit above its lsb: concatenation. */
	unsigned level = (unsigned)sl;
	unsigned lsb = gshift + stride * (3 - level);
	/* More than 16 concatenated tables, or none, is S2InconsistentSL(): not modelled here. */
	if (iasize <= lsb || iasize - lsb > stride + 4) {
		return;
	}
	if (ipa >> iasize) {
		w->status = S2W_TRANSLATION;
		w->level = 0;
		return;
	}
	uint64_t table = r->baddr & bits_mask(47, gshift);
	unsigned msb = iasize - 1;

	for (;;) {
		uint64_t index = (ipa & bits_mask(msb, lsb)) >> lsb;
		uint64_t desc_pa = table + 8 * index;
		uint64_t desc = read(ctx, desc_pa);

		w->level = level;
		w->desc = desc;
		w->desc_pa = desc_pa;
		if (!(desc & DESC_VALID) ||
		    (!(desc & DESC_TABLE) && (level == 3 || !block_allowed(gshift, level)))) {
			w->status = S2W_TRANSLATION;
			return;
		}
		bool leaf = level == 3 || !(desc & DESC_TABLE);
		uint64_t addr = desc & bits_mask(47, leaf ? lsb : gshift);

		if (addr >> oasize) {
			w->status = S2W_ADDR_SIZE;
			return;
		}
		if (leaf) {
			w->status = S2W_OK;
			w->oa = addr | (ipa & ((1ULL << lsb) - 1));
			return;
		}
		table = addr;
		level++;
		msb = lsb - 1;
		lsb -= stride;
	}
}

uint64_t s1_hw_update(uint64_t desc, bool ha, bool hd, bool is_write)
{
	const uint64_t ap2 = 1ULL << 7; /* AP[2]: read-only */

	if (ha) {
		desc |= DESC_AF;
		/* Dirty state needs HA too: "HD ... is only effective when HA is 1". */
		if (hd && is_write && (desc & DESC_DBM)) {
			desc &= ~ap2;
		}
	}
	return desc;
}

bool s2_memattr_is_device(unsigned memattr, bool fwb)
{
	/* FWB = 0: MemAttr[3:2] = 0b00; FWB = 1: MemAttr[2] = 0 (AArch64.S2ApplyFWBMemAttrs). */
	return fwb ? !(memattr & 0x4) : !(memattr & 0xc);
}

bool s2_fault_wnr(enum s2_access acc)
{
	return acc == S2_ACC_WRITE || acc == S2_ACC_TTW_UPDATE;
}

static bool is_walk(enum s2_access acc)
{
	return acc == S2_ACC_TTW_READ || acc == S2_ACC_TTW_UPDATE;
}

static bool is_write(enum s2_access acc)
{
	return acc == S2_ACC_WRITE || acc == S2_ACC_TTW_UPDATE;
}

/*
 * AArch64.S2CheckPermission() without permission indirection: the permission the access needs
 * is missing. A write to a clean (S2AP[1] = 0) DBM descriptor with HD = 1 is not a fault: the
 * caller makes it dirty.
 */
static bool permission_fault(const struct s2w_regime *r, uint64_t desc, enum s2_access acc)
{
	unsigned xn = DESC_XN(desc);

	switch (acc) {
	case S2_ACC_READ:
	case S2_ACC_TTW_READ:
		return !(desc & DESC_S2AP_R);
	case S2_ACC_WRITE:
	case S2_ACC_TTW_UPDATE:
		return !(desc & DESC_S2AP_W) && !((r->vtcr & VTCR_HD) && (desc & DESC_DBM));
	case S2_ACC_EXEC_EL1:
		/* XN[1:0] (FEAT_XNX): 0b01 and 0b10 forbid EL1; without XNX only XN[1] counts. */
		return r->xnx ? xn == 1 || xn == 2 : (xn & 2) != 0;
	}
	return true;
}

void s2_access_outcome(const struct s2w_regime *r, const struct s2w_walk *w, enum s2_access acc,
		       struct s2_outcome *o)
{
	*o = (struct s2_outcome){.s1ptw = is_walk(acc), .wnr = s2_fault_wnr(acc)};
	o->desc_after = w->desc;

	if (w->status != S2W_OK) {
		o->fault = true;
		o->fsc = w->status == S2W_ADDR_SIZE ? ESR_FSC_ADDR_SIZE(w->level)
						    : ESR_FSC_TRANS(w->level);
		return;
	}
	bool af_clear = !(w->desc & DESC_AF);

	if (af_clear && !(r->vtcr & VTCR_HA)) {
		o->fault = true;
		o->fsc = ESR_FSC_ACCESS(w->level);
		return;
	}
	bool device = s2_memattr_is_device(DESC_MEMATTR(w->desc), r->fwb);

	if (permission_fault(r, w->desc, acc) || (is_walk(acc) && r->ptw && device)) {
		o->fault = true;
		o->fsc = ESR_FSC_PERM(w->level);
		/* AArch64.SetAccessFlag on a faulting access is not architected either way. */
		o->af_unknown = af_clear;
		return;
	}
	if (af_clear) {
		o->desc_after |= DESC_AF;
	}
	if (is_write(acc) && !(w->desc & DESC_S2AP_W)) {
		o->desc_after |= DESC_S2AP_W; /* DBM with HD: the hardware marks it dirty */
	}
}
