/* SPDX-License-Identifier: MIT */
/*
 * The stage 2 geometry oracle (s2_geom_model.h). Each function is named after, and follows, the
 * Arm ARM pseudocode function in its comment (DDI 0487 K.a, shared/aarch64 translation).
 */
#include "s2_geom_model.h"

#include <stdio.h>

#define FIELD(reg, shift) ((unsigned)((reg) >> (shift)) & 0xfu)

/* ID_AA64MMFR0_EL1 */
#define MMFR0_PARANGE	0
#define MMFR0_TGRAN16	20
#define MMFR0_TGRAN64	24
#define MMFR0_TGRAN4	28
#define MMFR0_TGRAN16_2 32
#define MMFR0_TGRAN64_2 36
#define MMFR0_TGRAN4_2	40
/* ID_AA64MMFR2_EL1 */
#define MMFR2_ST 28

/* TGranX_2: 0b0000 = as the stage 1 field, 0b0001 none, 0b0010 yes, 0b0011 yes with 52 bits. */
#define TGRAN_2_AS_S1 0
#define TGRAN_2_52BIT 3

unsigned s2_ps_bits(unsigned ps)
{
	/* AArch64.PhysicalAddressSize() / AArch64.PAMax(): the PS and PARange encodings. */
	static const unsigned bits[8] = {32, 36, 40, 42, 44, 48, 52, 56};

	return bits[ps & 7];
}

/* Stage 2 support of each granule: the _2 field, or the stage 1 field where _2 is 0b0000. */
static bool tgran4_s2(uint64_t mmfr0, bool *b52)
{
	unsigned f2 = FIELD(mmfr0, MMFR0_TGRAN4_2), f = FIELD(mmfr0, MMFR0_TGRAN4);

	if (f2 == TGRAN_2_AS_S1) {
		*b52 = f == 1;
		return f != 0xf;
	}
	*b52 = f2 == TGRAN_2_52BIT;
	return f2 >= 2;
}

static bool tgran16_s2(uint64_t mmfr0, bool *b52)
{
	unsigned f2 = FIELD(mmfr0, MMFR0_TGRAN16_2), f = FIELD(mmfr0, MMFR0_TGRAN16);

	if (f2 == TGRAN_2_AS_S1) {
		*b52 = f == 2;
		return f != 0;
	}
	*b52 = f2 == TGRAN_2_52BIT;
	return f2 >= 2;
}

static bool tgran64_s2(uint64_t mmfr0)
{
	unsigned f2 = FIELD(mmfr0, MMFR0_TGRAN64_2), f = FIELD(mmfr0, MMFR0_TGRAN64);

	return f2 == TGRAN_2_AS_S1 ? f != 0xf : f2 >= 2;
}

void s2_geom_cpu_init(struct s2_geom_cpu *cpu, uint64_t mmfr0, uint64_t mmfr2)
{
	bool b52_4 = false, b52_16 = false;

	cpu->mmfr0 = mmfr0;
	cpu->mmfr2 = mmfr2;
	cpu->parange = FIELD(mmfr0, MMFR0_PARANGE);
	/* PARange 0b0000..0b0110 are 32..52 bits; the rest are reserved. */
	cpu->pa_bits = cpu->parange <= 6 ? s2_ps_bits(cpu->parange) : 0;
	cpu->gran4 = tgran4_s2(mmfr0, &b52_4);
	cpu->gran16 = tgran16_s2(mmfr0, &b52_16);
	cpu->gran64 = tgran64_s2(mmfr0);
	cpu->lpa = cpu->parange == 6;
	cpu->lpa2 = (cpu->gran4 && b52_4) || (cpu->gran16 && b52_16);
	cpu->ttst = FIELD(mmfr2, MMFR2_ST) == 1;
}

bool s2_granule_supported(const struct s2_geom_cpu *cpu, unsigned granule_shift)
{
	return granule_shift == 12   ? cpu->gran4
	       : granule_shift == 14 ? cpu->gran16
	       : granule_shift == 16 ? cpu->gran64
				     : false;
}

const char *s2_granule_why(const struct s2_geom_cpu *cpu, unsigned granule_shift, char *why,
			   size_t len)
{
	unsigned kb = 1u << (granule_shift - 10);
	unsigned f2 = granule_shift == 12   ? FIELD(cpu->mmfr0, MMFR0_TGRAN4_2)
		      : granule_shift == 14 ? FIELD(cpu->mmfr0, MMFR0_TGRAN16_2)
					    : FIELD(cpu->mmfr0, MMFR0_TGRAN64_2);
	unsigned f = granule_shift == 12   ? FIELD(cpu->mmfr0, MMFR0_TGRAN4)
		     : granule_shift == 14 ? FIELD(cpu->mmfr0, MMFR0_TGRAN16)
					   : FIELD(cpu->mmfr0, MMFR0_TGRAN64);

	if (s2_granule_supported(cpu, granule_shift)) {
		return NULL;
	}
	snprintf(why, len,
		 "needs the %uKB stage 2 granule (ID_AA64MMFR0_EL1.TGran%u_2=%u, TGran%u=%u)", kb,
		 kb, f2, kb, f);
	return why;
}

unsigned s2_level_shift(unsigned granule_shift, int level)
{
	return granule_shift + (unsigned)(3 - level) * (granule_shift - 3);
}

/* AArch64.S2MinTxSZ(d128 = 0, ds, tgx, s1aarch64 = TRUE). */
unsigned s2_min_txsz(const struct s2_geom_cpu *cpu, unsigned granule_shift, bool ds)
{
	unsigned ips = cpu->pa_bits;

	if (cpu->pa_bits == 52) {
		ips = granule_shift == 16 || ds ? 52 : 48;
	}
	return 64 - ips;
}

/* AArch64.MaxTxSZ(): 48 (47 for 64KB) with FEAT_TTST, else 39. */
unsigned s2_max_txsz(const struct s2_geom_cpu *cpu, unsigned granule_shift)
{
	if (cpu->ttst) {
		return granule_shift == 16 ? 47 : 48;
	}
	return 39;
}

/* AArch64.S2StartLevel(): SL2:SL0 for 4KB, SL0 for 16KB/64KB. */
static int s2_start_level(unsigned granule_shift, unsigned sl0, bool sl2)
{
	if (granule_shift == 12) {
		static const int levels[4] = {2, 1, 0, 3};

		return sl2 ? -1 : levels[sl0 & 3];
	}
	return 3 - (int)(sl0 & 3);
}

bool s2_start_level_sl0(unsigned granule_shift, int level, unsigned *sl0, bool *sl2)
{
	*sl2 = false;
	if (granule_shift == 12) {
		static const unsigned enc[4] = {2, 1, 0, 3}; /* level 0..3 */

		if (level == -1) {
			*sl0 = 0;
			*sl2 = true;
			return true;
		}
		if (level < 0 || level > 3) {
			return false;
		}
		*sl0 = enc[level];
		return true;
	}
	if (level < 0 || level > 3) {
		return false;
	}
	*sl0 = (unsigned)(3 - level);
	return true;
}

/* AArch64.S2InvalidSL(): encodings that are reserved for the granule or the PA size. */
static bool s2_invalid_sl(const struct s2_geom_cpu *cpu, unsigned granule_shift, unsigned sl0,
			  bool sl2, bool ds)
{
	unsigned pamax = cpu->pa_bits;

	switch (granule_shift) {
	case 12:
		if (sl2) {
			return sl0 != 0 ||
			       pamax < 52; /* '1x1', '11x' reserved; '100' needs 52 bits */
		}
		if (sl0 == 2) {
			return pamax < 44;
		}
		return sl0 == 3 && !cpu->ttst;
	case 14:
		if (sl0 == 3) {
			return !ds || pamax < 52;
		}
		return sl0 == 2 && pamax < 42;
	default:
		if (sl0 == 3) {
			return true;
		}
		return sl0 == 2 && pamax < 44;
	}
}

/*
 * AArch64.S2InconsistentSL(): the start level resolves at least 1 bit and at most one stride
 * plus 4 (16 concatenated tables) of the input address.
 */
static bool s2_inconsistent_sl(unsigned granule_shift, int start_level, unsigned ia_bits)
{
	unsigned levels = (unsigned)(3 - start_level);
	unsigned stride = granule_shift - 3;
	unsigned sl_min = levels * stride + granule_shift + 1;
	unsigned sl_max = sl_min + (stride - 1) + 4;

	return ia_bits < sl_min || ia_bits > sl_max;
}

/* AArch64.PhysicalAddressSize(d128 = 0, ps, tgx): PS, capped at what the format can output. */
static unsigned s2_physical_address_size(const struct s2_geom_cpu *cpu, unsigned ps,
					 unsigned granule_shift)
{
	unsigned max_ps = cpu->pa_bits < 48 ? cpu->pa_bits : 48;
	unsigned bits = s2_ps_bits(ps);

	if (cpu->lpa && (granule_shift == 16 || cpu->lpa2)) {
		max_ps = cpu->pa_bits < 52 ? cpu->pa_bits : 52;
	}
	return bits < max_ps ? bits : max_ps;
}

/* The walk with T0SZ = @txsz (already past the TxSZ checks). */
static struct s2_geom s2_geom_with_txsz(const struct s2_geom_cpu *cpu, const struct s2_vtcr *v,
					unsigned txsz, bool ds, bool sl2)
{
	struct s2_geom g = {
		.fault = false, .granule_shift = v->granule_shift, .ia_bits = 64 - txsz, .ds = ds};
	unsigned stride = v->granule_shift - 3;

	g.oa_bits = s2_physical_address_size(cpu, v->ps, v->granule_shift);
	g.start_level = s2_start_level(v->granule_shift, v->sl0, sl2);
	if (s2_invalid_sl(cpu, v->granule_shift, v->sl0, sl2, ds) ||
	    s2_inconsistent_sl(v->granule_shift, g.start_level, g.ia_bits)) {
		g.fault = true;
		return g;
	}
	g.root_bits = g.ia_bits - s2_level_shift(v->granule_shift, g.start_level);
	g.root_tables = g.root_bits > stride ? 1u << (g.root_bits - stride) : 1;
	return g;
}

static void s2_geom_add(struct s2_geom_set *out, const struct s2_geom *g)
{
	for (unsigned i = 0; i < out->n; i++) {
		const struct s2_geom *o = &out->v[i];

		/* Two level 0 faults are one outcome, whatever the rest says. */
		if (o->fault && g->fault) {
			return;
		}
	}
	if (out->n < S2_GEOM_MAX) {
		out->v[out->n++] = *g;
	}
}

/*
 * AArch64.S2Translate(), the checks before the walk: S2TxSZFaults() (a T0SZ below the minimum
 * faults with FEAT_LPA, else the fault is IMPLEMENTATION DEFINED and without it T0SZ is treated
 * as the minimum; above the maximum likewise, IMPLEMENTATION DEFINED, treated as the maximum),
 * then S2InvalidSL() || S2InconsistentSL() on the T0SZ used: a level 0 Translation fault.
 */
void s2_geom_decide(const struct s2_geom_cpu *cpu, const struct s2_vtcr *vtcr,
		    struct s2_geom_set *out)
{
	/* GetS2TTWParams(): DS only for 4KB/16KB with FEAT_LPA2; SL2 only for 4KB with DS. */
	bool ds = vtcr->ds && cpu->lpa2 && vtcr->granule_shift != 16;
	bool sl2 = vtcr->sl2 && ds && vtcr->granule_shift == 12;
	unsigned min = s2_min_txsz(cpu, vtcr->granule_shift, ds);
	unsigned max = s2_max_txsz(cpu, vtcr->granule_shift);
	struct s2_geom fault = {.fault = true,
				.granule_shift = vtcr->granule_shift,
				.ia_bits = 64 - vtcr->t0sz,
				.ds = ds};
	struct s2_geom g;

	out->n = 0;
	if (vtcr->t0sz < min) {
		s2_geom_add(out, &fault);
		if (!cpu->lpa) {
			g = s2_geom_with_txsz(cpu, vtcr, min, ds, sl2);
			s2_geom_add(out, &g);
		}
		return;
	}
	if (vtcr->t0sz > max) {
		s2_geom_add(out, &fault);
		g = s2_geom_with_txsz(cpu, vtcr, max, ds, sl2);
		s2_geom_add(out, &g);
		return;
	}
	g = s2_geom_with_txsz(cpu, vtcr, vtcr->t0sz, ds, sl2);
	s2_geom_add(out, &g);
}

/* AArch64.OAOutOfRange(): an address with a bit set at or above the output address size. */
static bool s2_oa_out_of_range(const struct s2_geom *g, uint64_t addr)
{
	return g->oa_bits < 64 && (addr >> g->oa_bits) != 0;
}

void s2_walk_expect(const struct s2_geom *g, const struct s2_walk_input *in,
		    struct s2_walk_result *out)
{
	uint64_t leaf_size;

	out->fault = S2_FAULT_TRANSLATION;
	out->level = 0;
	out->pa = 0;
	/* The VTCR_EL2 checks, then AArch64.IPAIsOutOfRange(). */
	if (g->fault || (g->ia_bits < 64 && (in->ipa >> g->ia_bits) != 0)) {
		return;
	}
	/* AArch64.S2Walk(): "Detect Address Size Fault by Descriptor Address", level 0. */
	out->fault = S2_FAULT_ADDRESS_SIZE;
	if (s2_oa_out_of_range(g, in->baddr)) {
		return;
	}
	/* "... by table descriptor": at the level of the descriptor holding the address. */
	for (int l = g->start_level; l < in->leaf_level; l++) {
		if (s2_oa_out_of_range(g, in->next_table[l + 1])) {
			out->level = l;
			return;
		}
	}
	/* "... by final output", at the leaf's level. */
	out->level = in->leaf_level;
	if (s2_oa_out_of_range(g, in->leaf_oa)) {
		return;
	}
	/* StageOA(): the leaf's OA with the IPA's offset inside the block or page. */
	leaf_size = 1ULL << s2_level_shift(g->granule_shift, in->leaf_level);
	out->fault = S2_FAULT_NONE;
	out->pa = (in->leaf_oa & ~(leaf_size - 1)) | (in->ipa & (leaf_size - 1));
}

unsigned s2_fsc(const struct s2_walk_result *r)
{
	unsigned base = r->fault == S2_FAULT_TRANSLATION ? 0x04 : 0x00;

	if (r->fault == S2_FAULT_NONE) {
		return 0;
	}
	if (r->level < 0) {
		return r->fault == S2_FAULT_TRANSLATION ? 0x2b : 0x29;
	}
	return base | (unsigned)r->level;
}
