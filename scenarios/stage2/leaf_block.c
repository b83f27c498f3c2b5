/* SPDX-License-Identifier: MIT */
/*
 * stage2.leaf.block: a block or page descriptor written at one level of a fresh VM's stage 2,
 * for every granule and level: a block where the granule has blocks (4K levels 1 and 2, 16K
 * and 64K level 2; 4K level 0 and 16K level 1 with VTCR_EL2.DS, 64K level 1 with a 52-bit
 * PAMax) translates, with the offset inside the block; a block where it has none, and 0b01 at
 * level 3, is a Translation fault at that level. Checked with AT S12E1R/W at the first, a
 * middle and the last doubleword of the leaf, and for the faults also with a guest load (ESR_EL2
 * DFSC with the level, FAR_EL2, HPFAR_EL2). Expected values come from
 * scenarios/model/s2_desc_model.c, which walks the descriptors the hardware reads.
 *
 * Rows that need a level the CPU's IPA size does not give (a level-0 table needs a 44-bit IPA
 * with 4K, a level-1 table 41 bits with 16K, 47 bits with 64K) or a granule it lacks SKIP with
 * the ID field. 16K level 0 has no row: its 2-entry table is never the vmm's start level.
 */
#include <stdio.h>

#include "arch/pte.h"
#include "cpu_id.h"
#include "leaf_map.h"

struct leaf_block_row {
	const char *name;
	unsigned gshift;
	unsigned level;
	uint64_t type; /* descriptor bits [1:0]: 0b01 block (reserved at level 3), 0b11 page */
	bool ds;       /* VTCR_EL2.DS = 1 (FEAT_LPA2) */
	bool guest;    /* also a guest load, for the rows that fault */
};

#define K4  12
#define K16 14
#define K64 16

static const struct leaf_block_row leaf_block_rows[] = {
	{"[4k,l0,block]", K4, 0, 1, false, true},    {"[4k,l0,block,ds]", K4, 0, 1, true, false},
	{"[4k,l1,block]", K4, 1, 1, false, false},   {"[4k,l2,block]", K4, 2, 1, false, false},
	{"[4k,l3,page]", K4, 3, 3, false, false},    {"[4k,l3,0b01]", K4, 3, 1, false, true},
	{"[16k,l1,block]", K16, 1, 1, false, true},  {"[16k,l1,block,ds]", K16, 1, 1, true, false},
	{"[16k,l2,block]", K16, 2, 1, false, false}, {"[16k,l3,page]", K16, 3, 3, false, false},
	{"[16k,l3,0b01]", K16, 3, 1, false, true},   {"[64k,l1,block]", K64, 1, 1, false, true},
	{"[64k,l2,block]", K64, 2, 1, false, false}, {"[64k,l3,page]", K64, 3, 3, false, false},
	{"[64k,l3,0b01]", K64, 3, 1, false, true},
};

/* The leaf's IPA (= its OA): entry 1 of its table, above 4 GiB, clear of guest RAM (1 GiB). */
static uint64_t row_ia(const struct leaf_block_row *r)
{
	uint64_t size = 1ULL << s2_desc_level_shift(r->gshift, r->level);

	return size >= (1ULL << 32) ? size : 1ULL << 32;
}

static const char *leaf_block_requires(const void *row, char *why, size_t len)
{
	const struct leaf_block_row *r = row;
	uint64_t size = 1ULL << s2_desc_level_shift(r->gshift, r->level);
	const char *missing =
		s2_desc_granule_missing(cpu_id_regs()->mmfr0, r->gshift, r->ds, why, len);

	return missing ? missing
		       : leaf_ipa_missing(r->gshift, 0, r->level, row_ia(r) + size, why, len);
}

static void run_leaf_block(struct scenario_ctx *c, const void *row)
{
	const struct leaf_block_row *r = row;
	uint64_t ia = row_ia(r), size = 1ULL << s2_desc_level_shift(r->gshift, r->level);
	struct leaf_vm lv;
	uint64_t path[4];

	if (!leaf_start(c, r->gshift, 0, GSYM(gp_s2_ldr_x2), ia, &lv)) {
		return;
	}
	/* DS changes where OA[51:48] and SH live; the guest RAM map is then not valid: AT only. */
	leaf_set_vtcr(&lv, 0, r->ds);
	uint64_t *slot = leaf_slot(c, &lv, ia, r->level, 0);

	if (!slot) {
		return;
	}
	unsigned n = leaf_path(&lv, ia, path);
	uint64_t desc = leaf_oa_desc(&lv, ia) | LEAF_ATTR | r->type;

	path[n - 1] = desc;
	leaf_write(slot, &desc, 1);

	const uint64_t probes[] = {ia, ia + size / 2 + 0x238, ia + size - 8};
	struct s2_desc_permitted p = {.n = 1};

	for (unsigned i = 0; i < 3; i++) {
		if (!s2_desc_walk(&lv.cfg, lv.start_level, path, n, probes[i], false, &p.v[0])) {
			sc_fail(c, "the oracle's walk ends in a table: the row is wrong");
			return;
		}
		leaf_check_at(c, probes[i], &p, LEAF_AT_RW);
	}
	if (r->guest && p.v[0].kind != S2D_LEAF) {
		leaf_check_guest_load(c, ia, &p.v[0]); /* the payload loads from x0 = ia */
	}
}

SCENARIO(stage2_leaf_block, .id = "stage2.leaf.block",
	 .rule = "a block descriptor is valid only at the levels AArch64.BlockDescSupported() "
		 "gives (4K: 1, 2, and 0 with DS; 16K: 2, and 1 with DS; 64K: 2, and 1 with a "
		 "52-bit PAMax) and then translates with the IA's offset in the block "
		 "(AArch64.LeafBase); elsewhere, and 0b01 at level 3, it is a Translation fault at "
		 "that level (AArch64.DecodeDescriptorType); a level-3 0b11 is a page: AT "
		 "S12E1R/W give PAR_EL1 PA or F/FST/S = 1, a guest load ESR_EL2 DFSC with the "
		 "level, "
		 "FAR_EL2 and HPFAR_EL2",
	 SCENARIO_ROWS(leaf_block_rows), .requires = leaf_block_requires, .run = run_leaf_block);
