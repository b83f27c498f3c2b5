/* SPDX-License-Identifier: MIT */
/*
 * The mapping the stage2.perm families look through: one stage-2 page at PERM_IPA with a row's
 * S2AP[1:0] and XN[1:0] (Normal Write-Back, so that DC ZVA, atomics and exclusives are
 * architecturally defined on it), reached through two stage-1 aliases built in guest RAM:
 * PERM_DATA_VA (read/write at EL1 and EL0, never executable) and PERM_CODE_VA (read-only at
 * EL1 and EL0, executable at both). The VAs differ from the IPA so that FAR_EL2 (a VA) and
 * the IPA cannot be confused. The page's frame is in guest RAM, so the scenario sees the
 * effect of an access that completes.
 */
#ifndef SCENARIOS_STAGE2_PERM_MAP_H
#define SCENARIOS_STAGE2_PERM_MAP_H

#include <stdint.h>

#include "scenario.h"

#define PERM_IPA     0x50000000ULL /* the page, or the level-2 block */
#define PERM_IPA_L1  0x80000000ULL /* the level-1 block */
#define PERM_DATA_VA 0x50010000ULL
#define PERM_CODE_VA 0x50020000ULL
/* Guest RAM again, read-only and executable at EL0 only: where EL0 payload code runs. */
#define PERM_EL0_TEXT_VA 0x50200000ULL
/** The EL0 alias of the guest image address @gsym (a GSYM()). */
#define PERM_EL0_VA(gsym) (PERM_EL0_TEXT_VA + ((gsym)-GUEST_RAM_IPA))

/*
 * Layout of the page. Code: at +0 "movz w0, #PERM_EL1_MARK; ret" for a BLR from EL1, at +8
 * "svc #PERM_EL0_SVC" for an ERET to EL0. Data: one doubleword at +PERM_DATA_OFF, aligned to
 * any DC ZVA block (at most 2 KiB: DCZID_EL0.BS <= 9) so that DC ZVA zeroes it and no code.
 */
#define PERM_CODE_EL1  0x000
#define PERM_CODE_EL0  0x008
#define PERM_DATA_OFF  0x800
#define PERM_EL1_MARK  0x4558
#define PERM_EL0_SVC   0x4530
#define PERM_DATA_INIT 0x1122334455667788ULL

/** What perm_map_start() builds, and where the page under test ended up. */
struct perm_map {
	unsigned s2ap, xn; /* S2AP[1:0] and XN[1:0] (bits [54:53]) of the stage-2 leaf */
	unsigned level;	   /* the leaf: 3 (or 0) a page at PERM_IPA, 2 or 1 the block holding it */
	uint64_t payload;  /* GSYM(gp_...) */
	uint64_t args[3];  /* x0..x2 of the payload */
	uint64_t pa, ipa;  /* out: the page under test (inside the block for levels 2 and 1) */
};

/**
 * perm_map_start() - sc_start() a fresh VM and vCPU running @m's payload, stage 1 on
 * (SCTLR_EL1.M, C, I; UCI and DZE for EL0's DC), whose stage 2 maps the page under test with
 * @m's permissions at @m's level and whose page holds the code and data above. A level-2 (1)
 * leaf is the 2 MiB (1 GiB) block at PERM_IPA (PERM_IPA_L1) over the aligned PA range around
 * the frame: only the frame is accessed. NULL with the instance failed.
 */
struct vcpu *perm_map_start(struct scenario_ctx *c, struct perm_map *m);

/** The doubleword at PERM_DATA_OFF as the guest left it. */
uint64_t perm_map_data(struct scenario_ctx *c);

#endif
