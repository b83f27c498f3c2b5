/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the Generic Timer oracle (scenarios/model/timer_model.c) against values worked
 * out by hand from the Arm ARM (DDI 0487) CNTHCTL_EL2, CNTPCT_EL0, CNTx_TVAL_EL0, CNTx_CTL_EL0
 * and CNTPOFF_EL2 descriptions.
 */
#include <stdbool.h>
#include <stdint.h>

#include "timer_model.h"
#include "unit.h"

static void test_cnthctl_layout(void)
{
	/* E2H = 0: EL1PCTEN bit 0, EL1PCEN bit 1. E2H = 1: EL1PCTEN bit 10, EL1PTEN bit 11. */
	unit_eq_u64(cnthctl_el1pcten(false), 0x1, "EL1PCTEN, E2H = 0: bit 0");
	unit_eq_u64(cnthctl_el1pten(false), 0x2, "EL1PCEN, E2H = 0: bit 1");
	unit_eq_u64(cnthctl_el1pcten(true), 0x400, "EL1PCTEN, E2H = 1: bit 10");
	unit_eq_u64(cnthctl_el1pten(true), 0x800, "EL1PTEN, E2H = 1: bit 11");
}

static void test_phys_offset(void)
{
	/* ECV is CNTHCTL_EL2 bit 12 = 0x1000 in both layouts. */
	unit_eq_u64(timer_phys_offset(0x1000, 2, false, 0x1234), 0x1234,
		    "ECV = 1, ECV_POFF: CNTPOFF");
	unit_eq_u64(timer_phys_offset(0x0003, 2, false, 0x1234), 0, "ECV = 0: no offset");
	unit_eq_u64(timer_phys_offset(0x1000, 1, false, 0x1234), 0,
		    "FEAT_ECV without ECV_POFF: CNTHCTL_EL2.ECV is RES0");
	unit_eq_u64(timer_phys_offset(0x1000, 2, true, 0x1234), 0,
		    "{E2H, TGE} = {1, 1}: Effective ECV is 0");
}

static void test_count_window(void)
{
	struct cnt_window w = {1000, 1010};

	unit_ok(timer_count_ok(1000, w, 0), "count at the window start");
	unit_ok(timer_count_ok(1010, w, 0), "count at the window end");
	unit_ok(!timer_count_ok(999, w, 0), "count before the window");
	unit_ok(!timer_count_ok(1011, w, 0), "count after the window");
	unit_ok(timer_count_ok(400, w, 600), "offset 600: 1000 - 600 = 400");
	unit_ok(!timer_count_ok(1005, w, 600), "offset 600: the raw count is wrong");
	/* An offset larger than the count: the view wraps, 1000 - 2000 = 2^64 - 1000. */
	unit_ok(timer_count_ok(0xfffffffffffffc18ULL, w, 2000), "view wraps below 0 (-1000)");
	unit_ok(timer_count_ok(0xfffffffffffffc22ULL, w, 2000), "view wraps below 0 (-990)");
	unit_ok(!timer_count_ok(1000, w, 2000), "offset not applied");
}

static void test_tval(void)
{
	/* CVAL 0x1000, count 0x0f00: TVAL = 0x100. Past CVAL: (CVAL - count)<31:0>, zero-extended.
	 */
	unit_eq_u64(timer_tval(0x1000, 0x0f00), 0x100, "TVAL before the deadline");
	unit_eq_u64(timer_tval(0x1000, 0x1010), 0xfffffff0ULL,
		    "TVAL 16 ticks late: bits [63:32] 0");
	/* Only bits [31:0] of the difference count: 0x1_0000_0005 - 0 gives 5. */
	unit_eq_u64(timer_tval(0x100000005ULL, 0), 5, "TVAL keeps bits [31:0] only");
	unit_eq_u64(timer_tval(0x80000000ULL, 0), 0x80000000ULL, "bit 31 is not extended");
	/* Writing TVAL: CVAL = count + SignExtend(TVAL<31:0>). */
	unit_eq_u64(timer_cval_from_tval(5000, 0x10000), 5000 + 0x10000, "TVAL write, positive");
	unit_eq_u64(timer_cval_from_tval(5000, 0xffffffffULL), 4999, "TVAL write of -1");
	unit_eq_u64(timer_cval_from_tval(5000, 0x1234500000010ULL), 5016,
		    "TVAL write ignores bits [63:32]");

	struct cnt_window w = {1000, 1010};

	/* CVAL = 1100: TVAL between 1100 - 1010 = 90 and 1100 - 1000 = 100. */
	unit_ok(timer_tval_ok(90, 1100, w, 0), "TVAL read at the window end");
	unit_ok(timer_tval_ok(100, 1100, w, 0), "TVAL read at the window start");
	unit_ok(!timer_tval_ok(101, 1100, w, 0), "TVAL too large");
	unit_ok(!timer_tval_ok(89, 1100, w, 0), "TVAL too small");
	/* CVAL = 1005: from +5 down to -5 as a 32-bit field. */
	unit_ok(timer_tval_ok(0xfffffffbULL, 1005, w, 0), "TVAL -5 (0xfffffffb)");
	unit_ok(!timer_tval_ok(0xfffffffffffffffbULL, 1005, w, 0), "TVAL -5 sign-extended: RES0");
	unit_ok(timer_tval_ok(5, 1005, w, 0), "TVAL +5");
	/* TVAL write of 0x10000 somewhere in 1000..1010: CVAL 0x10000 + 1000..1010. */
	unit_ok(timer_tval_write_ok(0x10000 + 1000, 0x10000, w, 0), "CVAL after TVAL write, start");
	unit_ok(timer_tval_write_ok(0x10000 + 1010, 0x10000, w, 0), "CVAL after TVAL write, end");
	unit_ok(!timer_tval_write_ok(0x10000 + 1011, 0x10000, w, 0), "CVAL after TVAL write, late");
	unit_ok(!timer_tval_write_ok(0x10000, 0x10000, w, 0), "CVAL without the count");
	unit_ok(timer_tval_write_ok(995, 0xfffffff6ULL, w, 0), "TVAL write of -10 at count 1005");
	/* With an offset of 500 the view count is 500..510. */
	unit_ok(timer_tval_ok(600, 1100, w, 500), "TVAL with an offset");
}

static void test_ctl(void)
{
	struct cnt_window w = {1000, 1010};
	uint64_t mask, v;

	/* ENABLE|IMASK, CVAL 0: the condition is met for any count: ISTATUS = 1 -> 0x7. */
	v = timer_ctl_expect(0x3, 0, w, 0, &mask);
	unit_eq_u64(v & mask, 0x7, "enabled, condition met: ISTATUS 1");
	unit_eq_u64(mask, ~0ULL, "ISTATUS defined when enabled");
	/* CVAL far ahead: not met. */
	v = timer_ctl_expect(0x1, 5000, w, 0, &mask);
	unit_eq_u64(v & mask, 0x1, "enabled, condition not met: ISTATUS 0");
	/* Disabled: ISTATUS UNKNOWN. */
	v = timer_ctl_expect(0x2, 0, w, 0, &mask);
	unit_eq_u64(mask, ~0x4ULL, "disabled: ISTATUS UNKNOWN");
	unit_eq_u64(v & mask, 0x2, "disabled: IMASK as written");
	/* CVAL inside the window: met or not depending on when the read happened. */
	v = timer_ctl_expect(0x1, 1005, w, 0, &mask);
	unit_eq_u64(mask, ~0x4ULL, "condition changes inside the window");
	/* The view count is (count - offset): offset 900 puts CVAL 200 behind it. */
	v = timer_ctl_expect(0x1, 200, w, 900, &mask);
	unit_eq_u64(v & mask, 0x1, "offset: view 100..110 < CVAL 200, not met");
}

int main(void)
{
	test_cnthctl_layout();
	test_phys_offset();
	test_count_window();
	test_tval();
	test_ctl();
	return unit_done();
}
