/* SPDX-License-Identifier: MIT */
/*
 * stage2.leaf.table: the bits of a stage-2 table descriptor that are not its next-level
 * address. A stage-2 table descriptor has no hierarchical attributes: bits [63:59] are RES0,
 * bits [58:52] and [11:2] IGNORED (D8.3 "Translation table descriptor formats"; 4K/16K without
 * DS, where [9:8] are not OA bits). AArch64.S2Walk reads only the next-level address from it
 * (AArch64.NextTableBase), so each set of bits leaves the walk, and the page it reaches,
 * unchanged. Each instance maps one page, sets the row's bits in the level-2 table descriptor
 * on its walk, checks AT S12E1R/W against scenarios/model/s2_desc_model.c, and restores the
 * descriptor.
 */
#include "arch/pte.h"
#include "cpu_id.h"
#include "leaf_map.h"

struct leaf_table_row {
	const char *name;
	unsigned gshift;
	uint64_t bits; /* ORed into the level-2 table descriptor */
};

#define RES0_63_59 (0x1fULL << 59)
#define IGN_58_52  (0x7fULL << 52)
#define IGN_11_2   (0x3ffULL << 2)

static const struct leaf_table_row leaf_table_rows[] = {
	{"[4k,l2,res0-63-59]", 12, RES0_63_59},	 {"[4k,l2,ign-58-52]", 12, IGN_58_52},
	{"[4k,l2,ign-11-2]", 12, IGN_11_2},	 {"[16k,l2,res0-63-59]", 14, RES0_63_59},
	{"[16k,l2,ign-58-52]", 14, IGN_58_52},	 {"[16k,l2,ign-11-2]", 14, IGN_11_2},
	{"[64k,l2,res0-63-59]", 16, RES0_63_59}, {"[64k,l2,ign-58-52]", 16, IGN_58_52},
	{"[64k,l2,ign-11-2]", 16, IGN_11_2},
};

#define TABLE_IA (1ULL << 32)

static const char *leaf_table_requires(const void *row, char *why, size_t len)
{
	const struct leaf_table_row *r = row;

	return s2_desc_granule_missing(cpu_id_regs()->mmfr0, r->gshift, false, why, len);
}

static void run_leaf_table(struct scenario_ctx *c, const void *row)
{
	const struct leaf_table_row *r = row;
	uint64_t granule = 1ULL << r->gshift;
	struct leaf_vm lv;
	uint64_t path[4];

	if (!leaf_start(c, r->gshift, 0, GSYM(gp_exit), 0, &lv)) {
		return;
	}
	/* The page maps the last granule of guest RAM, past the guest image. */
	uint64_t pa = (uintptr_t)lv.vm->ram + LEAF_RAM_SIZE - granule;

	if (vm_map(lv.vm, IPA(TABLE_IA), PADDR(pa), granule, LEAF_ATTR)) {
		sc_fail(c, "vm_map of the page failed");
		return;
	}
	uint64_t *table = leaf_table_desc(&lv, TABLE_IA, 2);

	if (!table) {
		sc_fail(c, "no level-2 table descriptor on the walk of 0x%llx",
			(unsigned long long)TABLE_IA);
		return;
	}
	uint64_t orig = pgt_read_desc(table), changed = orig | r->bits;
	struct s2_desc_permitted p = {.n = 1};

	leaf_write(table, &changed, 1);
	unsigned n = leaf_path(&lv, TABLE_IA, path);

	if (s2_desc_walk(&lv.cfg, lv.start_level, path, n, TABLE_IA + 0x238, false, &p.v[0])) {
		leaf_check_at(c, TABLE_IA + 0x238, &p, LEAF_AT_RW);
	} else {
		sc_fail(c, "the oracle's walk ends in a table: the row is wrong");
	}
	leaf_write(table, &orig, 1); /* vm_destroy() walks it */
}

SCENARIO(stage2_leaf_table, .id = "stage2.leaf.table",
	 .rule = "a stage-2 table descriptor carries only the next-level address: RES0 bits "
		 "[63:59] and IGNORED bits [58:52] and [11:2] do not change the walk "
		 "(AArch64.S2Walk, AArch64.NextTableBase): AT S12E1R/W give the page's PA",
	 SCENARIO_ROWS(leaf_table_rows), .requires = leaf_table_requires, .run = run_leaf_table);
