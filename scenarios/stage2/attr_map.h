/* SPDX-License-Identifier: MIT */
/*
 * The mapping the stage2.attr families look through: one page at ATTR_VA (= ATTR_IPA) with a
 * row's stage-1 MAIR byte and SH (or stage 1 off) over a row's stage-2 MemAttr and SH, in a
 * fresh VM whose stage-1 tables live in its own RAM.
 */
#ifndef SCENARIOS_STAGE2_ATTR_MAP_H
#define SCENARIOS_STAGE2_ATTR_MAP_H

#include <stdbool.h>
#include <stdint.h>

#include "s2_attr_model.h"
#include "scenario.h"

#define ATTR_IPA 0x50000000ULL /* = the VA: stage 1 maps it flat */
#define ATTR_VA	 ATTR_IPA

/* MAIR_EL1 slot that stage 1 uses for guest RAM: Normal Write-Back (0xff). */
#define ATTR_RAM_MAIR_IDX 0

/** One combination: the stage-1 side as the oracle takes it, and the stage-2 descriptor's. */
struct attr_case {
	struct s1_input s1;
	uint8_t s2_memattr; /* MemAttr[3:0] */
	uint8_t s2_sh;
	bool fwb;     /* HCR_EL2.FWB = 1: MemAttr is in the FEAT_S2FWB encoding */
	uint64_t hcr; /* further HCR_EL2 attribute controls (HCR_DC, HCR_CD, HCR_ID) */
	bool aarch32; /* EL1 in AArch32, stage 1 in the LPAE format (TTBCR.EAE = 1) */
};

/**
 * attr_map_start() - sc_start() a fresh VM and vCPU (running @payload with x0 = @arg; an AArch32
 * one, with G32SYM(), if @k->aarch32) whose regime maps ATTR_VA as @k says. Stage 1, unless off,
 * also maps guest RAM flat as Normal WB (a 2 MiB block), with SCTLR_EL1.M, C and I set: with C = 0
 * an implementation may report, and use, Non-cacheable for every Normal type (PAR_EL1.ATTR "can be
 * the resulting attribute ... as determined by any applicable configuration bits"), which would
 * hide what is combined.
 * @pa: the PA that ATTR_VA translates to. NULL with the instance failed.
 */
struct vcpu *attr_map_start(struct scenario_ctx *c, const struct attr_case *k, uint64_t payload,
			    uint64_t arg, uint64_t *pa);

/**
 * attr_map_s1_put() - write the stage-1 descriptor @desc for @va into the mapping's level-1
 * table (@level 1) or the level-2 table that covers ATTR_VA's GiB (@level 2). 0 on success.
 */
int attr_map_s1_put(struct vm *vm, unsigned level, uint64_t va, uint64_t desc);

/**
 * attr_run_at() - the stage2.attr check of one row: attr_map_start() with @payload (never run),
 * then AT S12E1R, S12E1W, S12E0R and S12E0W of ATTR_VA through attr_check_at() against @e.
 * The EL0 forms translate the same page: the combination does not depend on the EL.
 */
void attr_run_at(struct scenario_ctx *c, const struct attr_case *k, uint64_t payload,
		 const struct par_attrs_expect *e);

/**
 * attr_check_at() - execute AT @op on ATTR_VA in the instance's vCPU regime and check PAR_EL1:
 * F = 0, PA = @pa, and {ATTR, SH} one of @e's pairs (stage2/attr.c).
 */
void attr_check_at(struct scenario_ctx *c, enum at_s12_op op, uint64_t pa,
		   const struct par_attrs_expect *e);

#endif
