/* SPDX-License-Identifier: MIT */
/*
 * The stage-1 regime the stage2.s1ptw families walk: a fresh VM (40-bit IPA, guest RAM mapped
 * with pages) and vCPU whose EL1 runs with the MMU on, TTBR0_EL1 mapping guest RAM flat (one
 * 1 GiB block, 39-bit VAs) and TTBR1_EL1 a full four-level chain (48-bit VAs, 4K granule,
 * levels 0..3) down to one page at S1PTW_VA. Every table lives in guest RAM; the table of one
 * chosen level can be reached at another IPA (an alias, or nothing at all), which the
 * scenario maps at stage 2 as it likes.
 */
#ifndef SCENARIOS_STAGE2_S1PTW_MAP_H
#define SCENARIOS_STAGE2_S1PTW_MAP_H

#include <stdint.h>

#include "s2_walk_model.h"
#include "scenario.h"

/* VA[47:39] = 1, VA[38:30] = 2, VA[29:21] = 3, VA[20:12] = 4: a distinct index per level. */
#define S1PTW_VA 0xffff008080604000ULL

/* The code the fetch rows find at S1PTW_VA: "movz x0, #S1PTW_FETCH_STATUS; ret". */
#define S1PTW_FETCH_STATUS 0x77
/* A doubleword in the page at S1PTW_VA, for the load rows. */
#define S1PTW_MAGIC	   0x5331505457ULL
#define S1PTW_MAGIC_OFFSET 0x800

/** Where the chain is built, and what the scenario may change in it. */
struct s1ptw_layout {
	int moved_level;     /* the TTBR1 table reached at @moved_ipa; -1: none */
	uint64_t moved_ipa;  /* 4K-aligned; stage 2 maps it (or not) as the scenario decides */
	uint64_t leaf_clear; /* bits cleared in the level-3 page descriptor (e.g. AF) */
	uint64_t leaf_set;   /* bits set in it (e.g. AP[2], DBM) */
	uint64_t tcr_extra;  /* TCR_EL1 bits ORed on (HA, HD) */
	bool s2_hw_af;	     /* VTCR_EL2.HA of the VM (FEAT_HAFDBS) */
	uint64_t hcr;	     /* HCR_EL2 bits of the vCPU (PTW) */
};

/** The chain as built. */
struct s1ptw_map {
	uint64_t table_ipa[4]; /* the IPA each level's table is walked at */
	uint64_t table_pa[4];  /* the PA of each table (where its descriptors are) */
	uint64_t page_ipa;     /* the IPA S1PTW_VA translates to */
	uint64_t page_desc_pa; /* PA of the level-3 descriptor of S1PTW_VA */
	uint64_t ttbr1;	       /* the vCPU's TTBR1_EL1 */
};

/**
 * s1ptw_start() - sc_start() the VM and vCPU running @payload with x0 = @va (in S1PTW_VA's
 * page) and x2 = @arg2, TTBR1_EL1 the root of the chain of @l built in guest RAM.
 * NULL with the instance failed.
 */
struct vcpu *s1ptw_start(struct scenario_ctx *c, const struct s1ptw_layout *l, uint64_t payload,
			 uint64_t va, uint64_t arg2, struct s1ptw_map *m);

/** The oracle's view of the VM's stage 2 (VTCR_EL2, VTTBR_EL2.BADDR, HCR_EL2.PTW/FWB). */
struct s2w_regime s1ptw_regime(const struct vm *vm, uint64_t hcr);

/** The oracle's walk of @ipa through the VM's stage-2 tables, read from memory. */
void s1ptw_walk(const struct vm *vm, uint64_t hcr, uint64_t ipa, struct s2w_walk *w);

#endif
