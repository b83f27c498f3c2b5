/* SPDX-License-Identifier: MIT */
/*
 * The Generic Timer oracle, part 2 (part 1 is timer_model.h): who may access a counter or timer
 * from EL0 in each HCR_EL2.{E2H, TGE} combination, which offset each view of each timer applies,
 * and the period of the event stream. Arm ARM DDI 0487 D12.1-D12.2 and the access pseudocode of
 * the D24.10 registers. Pure code, unit-tested on the host (tests/unit/timer_access_model_test.c).
 */
#ifndef MODEL_TIMER_ACCESS_MODEL_H
#define MODEL_TIMER_ACCESS_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/** What an EL0 MRS reaches: the two counters, CNTFRQ_EL0, and the two EL1 timers' registers. */
enum timer_el0_reg {
	TIMER_EL0_CNTPCT, /* CNTPCT_EL0 */
	TIMER_EL0_CNTVCT, /* CNTVCT_EL0 */
	TIMER_EL0_CNTFRQ, /* CNTFRQ_EL0 */
	TIMER_EL0_CNTP,	  /* CNTP_CTL/CVAL/TVAL_EL0 (one control for the three) */
	TIMER_EL0_CNTV,	  /* CNTV_CTL/CVAL/TVAL_EL0 */
};

/** Where an access goes: it completes, or it traps (EC 0x18) to EL1 or to EL2. */
enum timer_access {
	TIMER_ACCESS_OK,
	TIMER_TRAP_EL1,
	TIMER_TRAP_EL2,
};

/** The controls of an EL0 access. */
struct timer_el0_ctl {
	bool e2h, tge;	  /* HCR_EL2 (EL2 enabled) */
	uint64_t cntkctl; /* CNTKCTL_EL1 */
	uint64_t cnthctl; /* CNTHCTL_EL2, in the layout @e2h selects */
	bool ecv;	  /* FEAT_ECV: CNTHCTL_EL2.EL1TVT/EL1TVCT exist */
};

/**
 * timer_el0_access() - the outcome of an EL0 MRS of @reg, from the access pseudocode of
 * CNTPCT_EL0, CNTVCT_EL0, CNTFRQ_EL0, CNTP_CTL_EL0 and CNTV_CTL_EL0:
 * - {E2H, TGE} != {1, 1}: CNTKCTL_EL1 first (EL0PCTEN, EL0VCTEN, both of them for CNTFRQ,
 *   EL0PTEN, EL0VTEN): a 0 traps to EL1, or to EL2 when TGE = 1. Then CNTHCTL_EL2, which traps
 *   EL0 as it traps EL1: E2H = 0 EL1PCTEN (bit 0) for CNTPCT and EL1PCEN (bit 1) for CNTP_*;
 *   E2H = 1 EL1PCTEN (bit 10) and EL1PTEN (bit 11); with FEAT_ECV EL1TVCT for CNTVCT and EL1TVT
 *   for CNTV_*.
 * - {E2H, TGE} = {1, 1}: CNTKCTL_EL1 has no effect; CNTHCTL_EL2.EL0PCTEN (0), EL0VCTEN (1),
 *   EL0VTEN (8), EL0PTEN (9), both of bits 0 and 1 for CNTFRQ, trap to EL2. (CNTP_* and CNTV_*
 *   then reach the EL2 timers: that is not an access question.)
 */
enum timer_access timer_el0_access(enum timer_el0_reg reg, const struct timer_el0_ctl *c);

/** The four timers of a PE with EL2 (Non-secure; FEAT_VHE adds the EL2 virtual timer). */
enum timer_id {
	TIMER_EL1_PHYS, /* CNTP_*_EL0: PPI 14, INTID 30 */
	TIMER_EL1_VIRT, /* CNTV_*_EL0: PPI 11, INTID 27 */
	TIMER_EL2_PHYS, /* CNTHP_*_EL2: PPI 10, INTID 26 */
	TIMER_EL2_VIRT, /* CNTHV_*_EL2: PPI 12, INTID 28 */
};

/**
 * timer_condition_offset() - the Offset of D12.2.4.1 "Operation of the CompareValue views of
 * the timers": the timer condition of @t is met when (PhysicalCount - Offset) - CVAL >= 0, with
 * Offset CNTVOFF_EL2 for the EL1 virtual timer, @cntpoff (the effective CNTPOFF_EL2, see
 * timer_phys_offset()) for the EL1 physical timer, and 0 for both EL2 timers. The offset does
 * not depend on the Exception level that reads the timer, nor on E2H/TGE.
 */
uint64_t timer_condition_offset(enum timer_id t, uint64_t cntvoff, uint64_t cntpoff);

/**
 * timer_cntvct_offset() - the offset an MRS of CNTVCT_EL0 at @el subtracts from the physical
 * count (CNTVCT_EL0 pseudocode): CNTVOFF_EL2, except that it is treated as 0 at EL2 with
 * HCR_EL2.E2H = 1 and at EL0 with {E2H, TGE} = {1, 1}.
 */
uint64_t timer_cntvct_offset(unsigned el, bool e2h, bool tge, uint64_t cntvoff);

/**
 * timer_condition_met() - the timer condition for compare value @cval at physical count @pcount
 * with offset @offset: (pcount - offset) - cval >= 0, the subtraction and comparison on
 * unsigned 64-bit values (D12.2.4.1: "the timer condition is met when ... is greater than or
 * equal to CompareValue").
 */
bool timer_condition_met(uint64_t pcount, uint64_t offset, uint64_t cval);

/**
 * timer_event_bit() - the counter bit whose transition generates the event stream: EVNTI
 * (CNTHCTL_EL2[7:4] or CNTKCTL_EL1[7:4]), plus 8 when CNTHCTL_EL2.EVNTIS = 1 (FEAT_ECV;
 * "the EVNTI field applies to CNTPCT_EL0[23:8]"). @evntis is ignored without FEAT_ECV (RES0).
 */
unsigned timer_event_bit(unsigned evnti, bool evntis, bool ecv);

/**
 * timer_event_period() - ticks between two events of the stream on @bit: the selected bit
 * makes one 0-to-1 (EVNTDIR = 0) and one 1-to-0 (EVNTDIR = 1) transition every 2^(bit + 1)
 * counts, so after any instant the next event comes within that many ticks.
 */
uint64_t timer_event_period(unsigned bit);

#endif /* MODEL_TIMER_ACCESS_MODEL_H */
