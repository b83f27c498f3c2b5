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

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "s2_walk_model.h"
#include "scenario.h"

/* VA[47:39] = 1, VA[38:30] = 2, VA[29:21] = 3, VA[20:12] = 4: a distinct index per level. */
/* The IPA size of the VMs (VTCR_EL2.T0SZ = 24: a level-1 start with two root tables). */
#define S1PTW_IPA_BITS 40

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

/** How stage 2 treats the IPA of the moved table (one dimension of the s1ptw families). */
enum s1ptw_s2 {
	S2_UNMAPPED_1G, /* no level-1 entry: the stage-2 walk stops at level 1 */
	S2_UNMAPPED_2M, /* within mapped 1 GiB, no level-2 entry */
	S2_UNMAPPED_4K, /* next to guest RAM's pages: no level-3 entry */
	S2_RO,		/* an alias of the table's frame, S2AP = read-only */
	S2_RO_PTW,	/* the same with HCR_EL2.PTW = 1 (Normal memory: no fault) */
	S2_DEV_PTW,	/* an alias mapped Device-nGnRE, HCR_EL2.PTW = 1 */
	S2_DEV,		/* the same with PTW = 0 */
	S2_AF0,		/* a read/write alias with AF = 0, VTCR_EL2.HA = 0 */
	S2_AF0_HA,	/* the same with VTCR_EL2.HA = 1: the walk sets the alias's AF */
};

/**
 * s1ptw_layout_for() - the layout that moves the level-@level table to the IPA of @k (and sets
 * HCR_EL2.PTW and VTCR_EL2.HA as @k says).
 */
struct s1ptw_layout s1ptw_layout_for(unsigned level, enum s1ptw_s2 k);

/** s1ptw_s2_unmapped() - whether @k leaves the table's IPA unmapped at stage 2. */
bool s1ptw_s2_unmapped(enum s1ptw_s2 k);

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

/**
 * s1ptw_map_table() - map (or, for the unmapped kinds, leave) the moved level-@level table's
 * IPA at stage 2 as @k says: an alias of the table's frame. 0, or -1 with the instance failed.
 */
int s1ptw_map_table(struct scenario_ctx *c, enum s1ptw_s2 k, unsigned level,
		    const struct s1ptw_map *m);

/**
 * s1ptw_requires_ipa() - NULL if the CPU's IPA space holds the 40 bits these families lay
 * out (unmapped table IPAs up to 3 GiB, a 1 GiB block at 2 GiB), else the SKIP reason.
 */
const char *s1ptw_requires_ipa(char *why, size_t len);

/** The oracle's view of the VM's stage 2 (VTCR_EL2, VTTBR_EL2.BADDR, HCR_EL2.PTW/FWB). */
struct s2w_regime s1ptw_regime(const struct vm *vm, uint64_t hcr);

/** The oracle's walk of @ipa through the VM's stage-2 tables, read from memory. */
void s1ptw_walk(const struct vm *vm, uint64_t hcr, uint64_t ipa, struct s2w_walk *w);

#endif
