/* SPDX-License-Identifier: MIT */
/*
 * Host tests of scenarios/model/timer_access_model.c against cases worked out by hand from the
 * Arm ARM (DDI 0487) access pseudocode of CNTPCT_EL0, CNTVCT_EL0, CNTFRQ_EL0, CNTP_CTL_EL0 and
 * CNTV_CTL_EL0, D12.2.4.1 (CompareValue views) and the CNTHCTL_EL2/CNTKCTL_EL1 event stream
 * fields.
 */
#include <stdbool.h>
#include <stdint.h>

#include "timer_access_model.h"
#include "unit.h"

static enum timer_access el0(enum timer_el0_reg reg, bool e2h, bool tge, uint64_t cntkctl,
			     uint64_t cnthctl)
{
	return timer_el0_access(reg, &(struct timer_el0_ctl){e2h, tge, cntkctl, cnthctl, true});
}

static void test_el0_e2h0(void)
{
	/* E2H = 0, TGE = 0; CNTHCTL_EL2 = EL1PCTEN|EL1PCEN (0x3). CNTKCTL_EL1 0: all trap to EL1.
	 */
	unit_ok(el0(TIMER_EL0_CNTPCT, 0, 0, 0, 0x3) == TIMER_TRAP_EL1, "CNTPCT, EL0PCTEN 0: EL1");
	unit_ok(el0(TIMER_EL0_CNTPCT, 0, 0, 0x1, 0x3) == TIMER_ACCESS_OK, "CNTPCT, EL0PCTEN 1");
	/* CNTHCTL_EL2.EL1PCTEN (bit 0) = 0 traps EL0 too; EL1PCEN (bit 1) is not CNTPCT's. */
	unit_ok(el0(TIMER_EL0_CNTPCT, 0, 0, 0x1, 0x2) == TIMER_TRAP_EL2, "CNTPCT, EL1PCTEN 0: EL2");
	unit_ok(el0(TIMER_EL0_CNTPCT, 0, 0, 0x1, 0x1) == TIMER_ACCESS_OK,
		"CNTPCT, EL1PCEN 0 does not trap the counter");
	/* CNTKCTL_EL1 wins over CNTHCTL_EL2: the EL1 trap is checked first. */
	unit_ok(el0(TIMER_EL0_CNTPCT, 0, 0, 0, 0) == TIMER_TRAP_EL1, "CNTKCTL before CNTHCTL");
	unit_ok(el0(TIMER_EL0_CNTVCT, 0, 0, 0x1, 0x3) == TIMER_TRAP_EL1, "CNTVCT, EL0VCTEN 0");
	unit_ok(el0(TIMER_EL0_CNTVCT, 0, 0, 0x2, 0x0) == TIMER_ACCESS_OK,
		"CNTVCT: EL1PCTEN does not apply to the virtual counter");
	/* FEAT_ECV: EL1TVCT (bit 14) traps EL0 CNTVCT; EL1TVT (bit 13) EL0 CNTV_*. */
	unit_ok(el0(TIMER_EL0_CNTVCT, 0, 0, 0x2, 0x4003) == TIMER_TRAP_EL2, "CNTVCT, EL1TVCT 1");
	unit_ok(el0(TIMER_EL0_CNTV, 0, 0, 0x100, 0x2003) == TIMER_TRAP_EL2, "CNTV_CTL, EL1TVT 1");
	unit_ok(timer_el0_access(TIMER_EL0_CNTVCT,
				 &(struct timer_el0_ctl){0, 0, 0x2, 0x4003, false}) ==
			TIMER_ACCESS_OK,
		"CNTVCT, EL1TVCT without FEAT_ECV is RES0");
	/* CNTFRQ: trapped only when EL0PCTEN and EL0VCTEN are both 0. */
	unit_ok(el0(TIMER_EL0_CNTFRQ, 0, 0, 0x0, 0x3) == TIMER_TRAP_EL1, "CNTFRQ, both 0");
	unit_ok(el0(TIMER_EL0_CNTFRQ, 0, 0, 0x2, 0x0) == TIMER_ACCESS_OK, "CNTFRQ, EL0VCTEN 1");
	/* Timers: EL0PTEN bit 9, EL0VTEN bit 8; CNTP_* also CNTHCTL_EL2.EL1PCEN (bit 1). */
	unit_ok(el0(TIMER_EL0_CNTP, 0, 0, 0x100, 0x3) == TIMER_TRAP_EL1, "CNTP, EL0PTEN 0");
	unit_ok(el0(TIMER_EL0_CNTP, 0, 0, 0x200, 0x3) == TIMER_ACCESS_OK, "CNTP, EL0PTEN 1");
	unit_ok(el0(TIMER_EL0_CNTP, 0, 0, 0x200, 0x1) == TIMER_TRAP_EL2, "CNTP, EL1PCEN 0: EL2");
	unit_ok(el0(TIMER_EL0_CNTV, 0, 0, 0x200, 0x3) == TIMER_TRAP_EL1, "CNTV, EL0VTEN 0");
	unit_ok(el0(TIMER_EL0_CNTV, 0, 0, 0x100, 0x0) == TIMER_ACCESS_OK,
		"CNTV: no CNTHCTL_EL2 control without EL1TVT");
}

static void test_el0_tge(void)
{
	/* E2H = 0, TGE = 1: what would trap to EL1 goes to EL2; CNTHCTL_EL2 as with TGE = 0. */
	unit_ok(el0(TIMER_EL0_CNTPCT, 0, 1, 0, 0x3) == TIMER_TRAP_EL2, "TGE: EL0PCTEN 0 to EL2");
	unit_ok(el0(TIMER_EL0_CNTPCT, 0, 1, 0x1, 0x3) == TIMER_ACCESS_OK, "TGE: EL0PCTEN 1");
	unit_ok(el0(TIMER_EL0_CNTP, 0, 1, 0x200, 0x1) == TIMER_TRAP_EL2, "TGE: EL1PCEN 0");
	unit_ok(el0(TIMER_EL0_CNTV, 0, 1, 0x000, 0x3) == TIMER_TRAP_EL2, "TGE: EL0VTEN 0");
}

static void test_el0_e2h1(void)
{
	/* E2H = 1, TGE = 0: CNTKCTL_EL1, then EL1PCTEN bit 10 / EL1PTEN bit 11; bits 0/1/8/9 of
	 * CNTHCTL_EL2 (the EL0 enables of the host layout) are ignored. */
	unit_ok(el0(TIMER_EL0_CNTPCT, 1, 0, 0x1, 0x0c00) == TIMER_ACCESS_OK, "E2H: EL1PCTEN 1");
	unit_ok(el0(TIMER_EL0_CNTPCT, 1, 0, 0x1, 0x0801) == TIMER_TRAP_EL2,
		"E2H: EL1PCTEN (bit 10) 0 traps, bit 0 is not it");
	unit_ok(el0(TIMER_EL0_CNTPCT, 1, 0, 0x0, 0x0c03) == TIMER_TRAP_EL1,
		"E2H, TGE 0: CNTKCTL_EL1.EL0PCTEN still applies");
	unit_ok(el0(TIMER_EL0_CNTP, 1, 0, 0x200, 0x0402) == TIMER_TRAP_EL2, "E2H: EL1PTEN 0");
	unit_ok(el0(TIMER_EL0_CNTP, 1, 0, 0x200, 0x0800) == TIMER_ACCESS_OK,
		"E2H: EL1PTEN 1, bit 1 ignored");
	/* E2H = 1, TGE = 1: only CNTHCTL_EL2's EL0 bits, all to EL2; CNTKCTL_EL1 ignored. */
	unit_ok(el0(TIMER_EL0_CNTPCT, 1, 1, 0x0, 0x1) == TIMER_ACCESS_OK, "host: EL0PCTEN 1");
	unit_ok(el0(TIMER_EL0_CNTPCT, 1, 1, 0x3ff, 0xc00) == TIMER_TRAP_EL2,
		"host: EL0PCTEN 0, CNTKCTL_EL1 ignored");
	unit_ok(el0(TIMER_EL0_CNTVCT, 1, 1, 0, 0x2) == TIMER_ACCESS_OK, "host: EL0VCTEN 1");
	unit_ok(el0(TIMER_EL0_CNTV, 1, 1, 0, 0x200) == TIMER_TRAP_EL2, "host: EL0VTEN 0");
	unit_ok(el0(TIMER_EL0_CNTP, 1, 1, 0, 0x200) == TIMER_ACCESS_OK, "host: EL0PTEN 1");
	unit_ok(el0(TIMER_EL0_CNTFRQ, 1, 1, 0, 0x1) == TIMER_ACCESS_OK, "host: CNTFRQ, bit 0");
	unit_ok(el0(TIMER_EL0_CNTFRQ, 1, 1, 3, 0x0) == TIMER_TRAP_EL2, "host: CNTFRQ, none");
	/* EL1TVCT does not apply with {E2H, TGE} = {1, 1}. */
	unit_ok(el0(TIMER_EL0_CNTVCT, 1, 1, 0, 0x4002) == TIMER_ACCESS_OK, "host: EL1TVCT ignored");
}

static void test_offsets(void)
{
	/* D12.2.4.1: CNTVOFF for the EL1 virtual timer only, CNTPOFF for the EL1 physical one. */
	unit_eq_u64(timer_condition_offset(TIMER_EL1_VIRT, 0x55, 0x66), 0x55, "EL1 virt: CNTVOFF");
	unit_eq_u64(timer_condition_offset(TIMER_EL1_PHYS, 0x55, 0x66), 0x66, "EL1 phys: CNTPOFF");
	unit_eq_u64(timer_condition_offset(TIMER_EL2_VIRT, 0x55, 0x66), 0, "EL2 virt: none");
	unit_eq_u64(timer_condition_offset(TIMER_EL2_PHYS, 0x55, 0x66), 0, "EL2 phys: none");
	/* CNTVCT_EL0: CNTVOFF except at EL2 with E2H = 1 and at EL0 with E2H = TGE = 1. */
	unit_eq_u64(timer_cntvct_offset(1, 0, 0, 0x77), 0x77, "EL1");
	unit_eq_u64(timer_cntvct_offset(1, 1, 0, 0x77), 0x77, "EL1, E2H 1");
	unit_eq_u64(timer_cntvct_offset(0, 0, 1, 0x77), 0x77, "EL0, TGE 1, E2H 0");
	unit_eq_u64(timer_cntvct_offset(0, 1, 0, 0x77), 0x77, "EL0, E2H 1, TGE 0");
	unit_eq_u64(timer_cntvct_offset(0, 1, 1, 0x77), 0, "EL0, E2H = TGE = 1: 0");
	unit_eq_u64(timer_cntvct_offset(2, 0, 0, 0x77), 0x77, "EL2, E2H 0");
	unit_eq_u64(timer_cntvct_offset(2, 1, 0, 0x77), 0, "EL2, E2H 1: 0");
	/* Unsigned compare of the offset count: count 100, offset 200 wraps to 2^64 - 100. */
	unit_ok(timer_condition_met(1000, 0, 1000), "count == CVAL: met");
	unit_ok(!timer_condition_met(999, 0, 1000), "count < CVAL: not met");
	unit_ok(timer_condition_met(100, 200, 0xffffffffffffff00ULL), "wrapped view >= CVAL");
	unit_ok(!timer_condition_met(1000, 100, 1000), "offset takes the view below CVAL");
}

static void test_event_stream(void)
{
	/* EVNTI 10: bit 10, an event every 2^11 = 2048 ticks; EVNTIS adds 8: bit 18, 2^19. */
	unit_eq_u64(timer_event_bit(10, false, true), 10, "EVNTI 10");
	unit_eq_u64(timer_event_bit(10, true, true), 18, "EVNTI 10, EVNTIS 1");
	unit_eq_u64(timer_event_bit(10, true, false), 10, "EVNTIS is RES0 without FEAT_ECV");
	unit_eq_u64(timer_event_period(10), 2048, "period of bit 10");
	unit_eq_u64(timer_event_period(0), 2, "period of bit 0");
	unit_eq_u64(timer_event_period(23), 1ULL << 24, "period of bit 23");
}

int main(void)
{
	test_el0_e2h0();
	test_el0_tge();
	test_el0_e2h1();
	test_offsets();
	test_event_stream();
	return unit_done();
}
