/* SPDX-License-Identifier: MIT */
/*
 * Shared by the stage2.geom families: the CPU's geometry features, what one stage 2 walk of a
 * VM's tables meets (for the oracle, s2_geom_model.h), and the PAR_EL1 check of AT S12E1R
 * against the set of outcomes the oracle permits.
 */
#ifndef SCENARIOS_STAGE2_GEOM_WALK_H
#define SCENARIOS_STAGE2_GEOM_WALK_H

#include "s2_geom_model.h"
#include "scenario.h"

/* Frames in guest RAM behind the bottom and top pages (64KB aligned, above the guest image). */
#define GEOM_FRAME_LO 0xc0000
#define GEOM_FRAME_HI 0xe0000

/** The running CPU's stage 2 geometry features (decoded once). */
const struct s2_geom_cpu *geom_cpu(void);

/** The VTCR_EL2 fields of @vtcr, as the oracle takes them. */
struct s2_vtcr geom_vtcr_fields(uint64_t vtcr);

/**
 * geom_walk_input() - what a walk of @vm's tables for @ipa meets: VTTBR_EL2.BADDR (root and the
 * VM's extra BADDR bits), the next-table address in each table descriptor on the way, and the
 * leaf's level. The leaf OA is the caller's (@leaf_oa: what it asked vm_map() for), so a
 * walker bug shows as a PA mismatch. false if @ipa has no leaf.
 */
bool geom_walk_input(struct vm *vm, uint64_t ipa, uint64_t leaf_oa, struct s2_walk_input *in);

/**
 * geom_table_desc() - the table descriptor at @level on the walk of @ipa through @vm's tables,
 * or NULL if the walk does not reach a table descriptor there.
 */
uint64_t *geom_table_desc(struct vm *vm, uint64_t ipa, int level);

/**
 * geom_check_at() - AT S12E1R of @ipa (stage 1 off: VA = IPA) on the current vCPU; PAR_EL1
 * must be one of the results of @in under the interpretations in @set: F = 0 with the PA, or F
 * = 1 with FST (type and level), S = 1, PTW = 0. @what names the address in the YAML.
 */
void geom_check_at(struct scenario_ctx *c, const struct s2_geom_set *set,
		   const struct s2_walk_input *in, const char *what);

#endif
