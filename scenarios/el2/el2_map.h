/* SPDX-License-Identifier: MIT */
/*
 * The el2.* test mappings: private stage-1 tables hung into the harness's own EL2 table at its
 * scratch level-0 entry (mmu_scratch_va()), one leaf per instance at the level the row asks for:
 *
 *   root[scratch] -> L1;  L1[0] -> L2, L1[1] = level-1 leaf (1 GiB block)
 *                         L2[0] -> L3, L2[1] = level-2 leaf (2 MiB block)
 *                         L3[0] = level-3 leaf (page)
 *   level-0 rows put their descriptor in root[scratch] itself.
 *
 * Each leaf maps the instance's data page (a fresh page of harness RAM, its first word a RET
 * for the fetch rows) at the VA el2_map_leaf() returns. MAIR_EL2 bytes 4..7, which the harness's
 * map does not use, get the extra memory types of the rows for the instance.
 */
#ifndef SCENARIOS_EL2_EL2_MAP_H
#define SCENARIOS_EL2_EL2_MAP_H

#include <stdbool.h>
#include <stdint.h>

#include "el2_s1_model.h"
#include "scenario.h"

/* MAIR_EL2 indices of the extra types (0..3 are the harness's: arch/pte.h MAIR_IDX_*). */
#define EL2_MAIR_IDX_nGRE    4
#define EL2_MAIR_IDX_GRE     5
#define EL2_MAIR_IDX_WT	     6
#define EL2_MAIR_IDX_IWB_ONC 7
#define EL2_MAIR_EXTRA	     0x4fbb0c0800000000ULL /* bytes 7..4: 0x4f 0xbb 0x0c 0x08 */

/* Row descriptor attributes (the fixture adds the output address of a valid descriptor). */
#define EL2_D_PAGE  3ULL /* level 3 page, or a table at levels 0..2 */
#define EL2_D_BLOCK 1ULL

/** One instance's tables and data page. */
struct el2_map {
	uint64_t *l0; /* private TTBR1_EL2 root for el2.vhe (T1SZ = 16), else NULL */
	uint64_t *l1, *l2, *l3;
	uint64_t *data;
	uint64_t base; /* VA of root[scratch] */
	uint64_t root_desc;
	uint64_t mair_saved;
};

/** Allocate and install the tables (no leaf yet), set MAIR_EL2's extra bytes. */
bool el2_map_start(struct scenario_ctx *c, struct el2_map *m);
/**
 * el2_map_leaf() - put @desc (attributes and type bits; 0 for an invalid entry) at @level with
 * the data page as output address (aligned down to the level's block size), TLBI ALLE2.
 * @extra_oa: OR-ed into the output address of a valid @desc (address size rows).
 * @table_attrs: OR-ed into the table descriptor that points to the level-3 table (APTable,
 *	XNTable rows).
 * Return: the VA that maps the data page's first byte through that leaf.
 */
uint64_t el2_map_leaf(struct el2_map *m, int level, uint64_t desc, uint64_t extra_oa,
		      uint64_t table_attrs);
/**
 * el2_map_walk() - the descriptors a walk of @va reads from @root (a level-@start table), as
 * they are in memory: desc[l] for each level down to the first invalid or leaf entry.
 */
void el2_map_walk(const uint64_t *root, int start, uint64_t va, struct el2_walk *w);
/** el2_map_walk() from the harness's TTBR0_EL2 root (level 0), scratch entry included. */
void el2_map_walk_harness(uint64_t va, struct el2_walk *w);
/** Uninstall, give the pages back, restore MAIR_EL2. */
void el2_map_end(struct el2_map *m);

/** The harness's EL2 regime as the oracle needs it (live SCTLR/TCR/MAIR_EL2). */
struct el2_regime el2_regime_now(void);

#endif
