/* SPDX-License-Identifier: MIT */
/*
 * Stage-1 translation tables that a scenario writes into guest RAM by hand (the 4KB granule):
 * the descriptor types (D8 "Translation table descriptor formats") and the one store that puts
 * a descriptor in place, for the stage2.* families whose guests run with stage 1 on.
 */
#ifndef SCENARIOS_STAGE2_S1_TABLE_H
#define SCENARIOS_STAGE2_S1_TABLE_H

#include <stdint.h>

#include "vmm.h"

#define S1_DESC_TABLE 3ULL /* bits[1:0] of a table descriptor (levels 0-2) */
#define S1_DESC_PAGE  3ULL /* ... of a page descriptor (level 3) */
#define S1_DESC_BLOCK 1ULL /* ... of a block descriptor (levels 1 and 2) */

/* log2 of the bytes one entry at @level (0..3) maps: 39, 30, 21, 12. */
#define S1_LEVEL_SHIFT(level) (39 - 9 * (level))

/**
 * s1_put_desc() - write @desc as entry VA[@shift + 8:@shift] of the 4KB table at guest IPA
 * @table_ipa (through vm_load(), so a non-cacheable guest walk sees it). 0 or -1.
 */
static inline int s1_put_desc(struct vm *vm, uint64_t table_ipa, uint64_t va, unsigned shift,
			      uint64_t desc)
{
	return vm_load(vm, IPA(table_ipa + 8 * ((va >> shift) & 0x1ff)), &desc, sizeof(desc));
}

#endif
