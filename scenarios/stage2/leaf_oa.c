/* SPDX-License-Identifier: MIT */
/*
 * stage2.leaf.oa: the output address field of stage-2 descriptors, and their RES0 and IGNORED
 * bits, for every granule:
 *
 *   top        the highest OA bit the configuration allows (PS capped at PAMax, and at 48
 *              without DS for 4K/16K; 64K with FEAT_LPA puts OA[51:48] in bits [15:12], 4K
 *              and 16K with DS in [9:8] and [49:48]): AT gives that PA
 *   ps40/ps32  VTCR_EL2.PS lowered to 40 or 32 bits and OA bit 40 or 32 set in a page, a
 *              block, or (table) in the table descriptor above the leaf: an Address size fault
 *              at the level of that descriptor (AArch64.S2OAOutOfRange), also checked with a
 *              guest load (ESR_EL2 DFSC 0b0000LL, FAR_EL2, HPFAR_EL2); with AF = 0 too (af0)
 *              still the Address size fault: AArch64.S2Walk checks the OA before the AF
 *   res0-below a block's RES0 bit just below its OA field: not part of the address
 *              (AArch64.LeafBase aligns the base to the block), so it is ignored
 *   res0-49-48 4K/16K without DS: bits [49:48] are RES0, and LeafBase reads descriptor[47:0]:
 *              ignored
 *   oa-15-12   64K bits [15:12] with PS = 48: OA[51:48] when AArch64.PAMax() >= 52, so an
 *              Address size fault; with a smaller PAMax it is IMPLEMENTATION DEFINED whether
 *              they are OA bits ("descriptor[15:12] for 64KB OA"): the fault or ignored, both
 *              accepted
 *   sw-58-55   bits [58:55] are reserved for software use, IGNORED: translates unchanged
 *
 * Expected values come from scenarios/model/s2_desc_model.c over the descriptors the walk
 * reads. The written descriptors sit in a fresh VM's table (leaf_map.c); a hand-written table
 * descriptor is cleared again before the instance ends, so the vmm never follows it.
 */
#include "arch/pte.h"
#include "cpu_id.h"
#include "leaf_map.h"

enum oa_kind { OA_TOP, OA_BIT, OA_RAW };

struct leaf_oa_row {
	const char *name;
	unsigned gshift;
	unsigned level;	   /* of the written descriptor */
	bool table;	   /* the written descriptor is a table (its leaf is a level below) */
	unsigned ps_bits;  /* VTCR_EL2.PS for the row; 0: the vmm's (the CPU's PARange) */
	enum oa_kind kind; /* what goes into the OA field besides the IA */
	unsigned bit;	   /* OA_BIT: the OA bit set */
	uint64_t raw;	   /* OA_RAW: descriptor bits ORed in as they are */
	bool guest;	   /* also a guest load */
	bool ds;	   /* VTCR_EL2.DS = 1 (FEAT_LPA2): OA[51:48] in [9:8] and [49:48] */
	bool af0;	   /* AF = 0 as well: the Address size fault comes first */
};

/* docs/coverage.md: every row sets VTCR_EL2.PS; DS set or clear as the row has it. */
static const char *leaf_oa_fields(const void *row)
{
	return ((const struct leaf_oa_row *)row)->ds ? "+VTCR_EL2.PS +VTCR_EL2.DS"
						     : "+VTCR_EL2.PS -VTCR_EL2.DS";
}

#define K4  12
#define K16 14
#define K64 16

/* Row makers: TOP(name, granule, level); BITR(..., table, PS, bit, guest); RAW(..., PS, bits,
 * guest). */
/* clang-format off */
#define TOP(n, g, l)    {.name = n, .gshift = g, .level = l, .kind = OA_TOP}
#define TOP_DS(n, g, l) {.name = n, .gshift = g, .level = l, .kind = OA_TOP, .ds = true}
#define BITR(n, g, l, tab, ps, b, gst)                                                             \
	{.name = n, .gshift = g, .level = l, .table = tab, .ps_bits = ps, .kind = OA_BIT,          \
	 .bit = b, .guest = gst}
#define RAW(n, g, l, ps, r, gst)                                                                   \
	{.name = n, .gshift = g, .level = l, .ps_bits = ps, .kind = OA_RAW, .raw = r, .guest = gst}
/* clang-format on */

static const struct leaf_oa_row leaf_oa_rows[] = {
	TOP("[4k,l3,top]", K4, 3),
	TOP("[4k,l2,top]", K4, 2),
	TOP("[16k,l3,top]", K16, 3),
	TOP("[64k,l3,top]", K64, 3),
	TOP("[64k,l2,top]", K64, 2),
	TOP_DS("[4k,l3,top,ds]", K4, 3),
	TOP_DS("[4k,l2,top,ds]", K4, 2),
	TOP_DS("[16k,l3,top,ds]", K16, 3),
	BITR("[4k,l3,ps40,bit39]", K4, 3, false, 40, 39, false),
	BITR("[4k,l3,ps40,bit40]", K4, 3, false, 40, 40, true),
	{.name = "[4k,l3,ps40,bit40,af0]",
	 .gshift = K4,
	 .level = 3,
	 .ps_bits = 40,
	 .kind = OA_BIT,
	 .bit = 40,
	 .guest = true,
	 .af0 = true},
	BITR("[4k,l2,ps40,bit40]", K4, 2, false, 40, 40, true),
	BITR("[4k,l1,ps40,bit47]", K4, 1, false, 40, 47, true),
	BITR("[4k,l2,ps32,bit32]", K4, 2, false, 32, 32, true),
	BITR("[4k,l2-table,ps40,bit40]", K4, 2, true, 40, 40, true),
	BITR("[4k,l1-table,ps36,bit36]", K4, 1, true, 36, 36, true),
	BITR("[16k,l3,ps40,bit40]", K16, 3, false, 40, 40, true),
	BITR("[16k,l2,ps40,bit40]", K16, 2, false, 40, 40, false),
	BITR("[16k,l2-table,ps40,bit40]", K16, 2, true, 40, 40, true),
	BITR("[64k,l3,ps40,bit40]", K64, 3, false, 40, 40, true),
	BITR("[64k,l2,ps36,bit36]", K64, 2, false, 36, 36, false),
	BITR("[64k,l2-table,ps40,bit44]", K64, 2, true, 40, 44, true),
	RAW("[4k,l2,res0-below]", K4, 2, 0, 1ULL << 20, false),
	RAW("[16k,l2,res0-below]", K16, 2, 0, 1ULL << 24, false),
	RAW("[64k,l2,res0-below]", K64, 2, 0, 1ULL << 28, false),
	RAW("[4k,l3,res0-49-48]", K4, 3, 0, 3ULL << 48, false),
	RAW("[16k,l3,res0-49-48]", K16, 3, 0, 3ULL << 48, false),
	RAW("[64k,l3,ps48,oa-15-12]", K64, 3, 48, 1ULL << 12, true),
	RAW("[4k,l3,sw-58-55]", K4, 3, 0, 0xfULL << 55, false),
	RAW("[64k,l2,sw-58-55]", K64, 2, 0, 0xfULL << 55, false),
};

/*
 * A row that lowers PS also gives the VM an IPA size of PS (never more than the CPU's), so the
 * IPA space never exceeds the output size: the stage-2 T0SZ limits follow PAMax
 * (AArch64.S2MinTxSZ), but an IPA above PS is a corner this family does not need.
 */
static unsigned row_ipa_bits(const struct leaf_oa_row *r)
{
	return r->ps_bits && r->ps_bits < vmm_caps.ipa_bits ? r->ps_bits : 0;
}

/* The leaf's IPA, and its OA before the row's bits: 4 GiB, or 2 GiB in a 32-bit IPA space. */
static uint64_t row_ia(const struct leaf_oa_row *r)
{
	return r->ps_bits == 32 ? 1ULL << 31 : 1ULL << 32;
}

static const char *leaf_oa_requires(const void *row, char *why, size_t len)
{
	const struct leaf_oa_row *r = row;
	unsigned leaf_level = r->table ? r->level + 1 : r->level;
	const char *missing =
		s2_desc_granule_missing(cpu_id_regs()->mmfr0, r->gshift, r->ds, why, len);
	uint64_t size = 1ULL << s2_desc_level_shift(r->gshift, leaf_level);

	return missing ? missing
		       : leaf_ipa_missing(r->gshift, row_ipa_bits(r), r->level, row_ia(r) + size,
					  why, len);
}

/* The descriptor the row writes: its OA (or next-table address) and bits. */
static uint64_t row_desc(const struct leaf_oa_row *r, const struct leaf_vm *lv)
{
	uint64_t type = r->table || r->level == 3 ? 3 : 1;
	/* A table descriptor points at a granule of guest RAM (never walked: it faults first). */
	uint64_t base = r->table ? (uintptr_t)lv->vm->ram : row_ia(r);

	switch (r->kind) {
	case OA_TOP:
		return leaf_oa_desc(lv, base | 1ULL << (s2_desc_oa_bits(&lv->cfg) - 1)) |
		       LEAF_ATTR | type;
	case OA_BIT:
		return (leaf_oa_desc(lv, base | 1ULL << r->bit) | (r->table ? 0 : LEAF_ATTR) |
			type) &
		       ~(r->af0 ? PTE_AF : 0);
	case OA_RAW:
		break;
	}
	return leaf_oa_desc(lv, base) | r->raw | LEAF_ATTR | type;
}

static void run_leaf_oa(struct scenario_ctx *c, const void *row)
{
	const struct leaf_oa_row *r = row;
	unsigned leaf_level = r->table ? r->level + 1 : r->level;
	uint64_t size = 1ULL << s2_desc_level_shift(r->gshift, leaf_level);
	struct leaf_vm lv;
	uint64_t path[4];

	uint64_t ia = row_ia(r);

	if (!leaf_start(c, r->gshift, row_ipa_bits(r), GSYM(gp_s2_ldr_x2), ia, &lv)) {
		return;
	}
	leaf_set_vtcr(&lv, r->ps_bits, r->ds); /* DS: the guest RAM map is not valid, AT only */
	uint64_t *slot = leaf_slot(c, &lv, ia, r->level, 0);

	if (!slot) {
		return;
	}
	unsigned n = leaf_path(&lv, ia, path);
	uint64_t desc = row_desc(r, &lv);
	struct s2_desc_permitted p = {.n = 1};

	path[n - 1] = desc;
	if (!s2_desc_walk(&lv.cfg, lv.start_level, path, n, ia + size - 8, false, &p.v[0])) {
		sc_fail(c, "the oracle's walk ends in a table: the row is wrong");
		return;
	}
	/* 64K without FEAT_LPA: bits [15:12] may or may not be OA[51:48]. */
	if (r->gshift == K64 && lv.cfg.pa_max < 52) {
		s2_desc_walk(&lv.cfg, lv.start_level, path, n, ia + size - 8, true, &p.v[p.n]);
		p.n += p.v[1].kind != p.v[0].kind || p.v[1].pa != p.v[0].pa;
	}
	leaf_write(slot, &desc, 1);
	leaf_check_at(c, ia + size - 8, &p, LEAF_AT_RW);
	if (r->guest && p.n == 1 && p.v[0].kind != S2D_LEAF) {
		leaf_check_guest_load(c, ia, &p.v[0]);
	}
	if (r->table) {
		uint64_t none = 0;

		leaf_write(slot, &none, 1); /* before vm_destroy() walks the table */
	}
}

SCENARIO(stage2_leaf_oa, .id = "stage2.leaf.oa",
	 .rule = "a stage-2 descriptor's output address is AArch64.LeafBase/NextTableBase of its "
		 "format (4K/16K: [47:granule], 64K: also OA[51:48] in [15:12] with FEAT_LPA); an "
		 "OA within AArch64.PhysicalAddressSize() (PS capped at PAMax, and at 48 for "
		 "4K/16K without DS) translates to that PA, one beyond it is an Address size fault "
		 "at the level of the descriptor (AArch64.S2OAOutOfRange), table descriptors "
		 "included; RES0 bits outside the OA field (below a block's OA, [49:48] without "
		 "DS) and the IGNORED bits [58:55] do not change the translation; 64K [15:12] "
		 "without FEAT_LPA is either",
	 SCENARIO_ROWS(leaf_oa_rows), .requires = leaf_oa_requires, .run = run_leaf_oa,
	 .row_fields = leaf_oa_fields);
