/* SPDX-License-Identifier: MIT */
/*
 * timer.el2: the timers as EL2 (HCR_EL2.E2H = 0) programs and reads them through their own
 * accessors, between guest runs and without a guest: the EL2 physical timer CNTHP_*_EL2, with
 * FEAT_VHE the EL2 virtual timer CNTHV_*_EL2, and the EL1 timers CNTV_*_EL0 and CNTP_*_EL0.
 * CNTVOFF_EL2 holds VOFF meanwhile, so a timer that wrongly uses it shows. Each row writes
 * CVAL (met: behind the timer's count; not met: ahead), CTL = ENABLE|IMASK, reads CVAL, TVAL
 * and CTL, writes TVAL and reads CVAL and CTL again.
 *
 * Expected (D12.2.4.1, timer_condition_offset()): the EL2 timers compare with the physical
 * count (no offset, even for the virtual one), the EL1 virtual timer with count - CNTVOFF_EL2,
 * the EL1 physical timer with the count (ECV = 0); TVAL = (CVAL - that count)<31:0>, a TVAL
 * write gives CVAL = that count + SignExtend(TVAL).
 *
 * CNTHP is the harness's watchdog: it is armed only inside vcpu_run() (each entry writes its
 * CVAL and CTL, each exit clears CTL), so between runs it is free. IMASK stays 1 throughout
 * (no IRQ reaches EL2) and every row ends with CTL = 0 on each timer it touched and
 * CNTVOFF_EL2 = 0, the state the watchdog and the next vCPU expect.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "scenario.h"
#include "timer_access_model.h"
#include "timer_guest.h"

#define VOFF	  0x00000abcdef01234ULL
#define EL2_DELTA (1ULL << 30)

/* One timer's accessors at EL2. */
struct el2_timer {
	enum timer_id id;
	uint64_t (*read_ctl)(void), (*read_cval)(void), (*read_tval)(void);
	void (*write_ctl)(uint64_t), (*write_cval)(uint64_t), (*write_tval)(uint64_t);
};

static const struct el2_timer el2_timers[] = {
	[TIMER_EL2_PHYS] = {TIMER_EL2_PHYS, read_cnthp_ctl_el2, read_cnthp_cval_el2,
			    read_cnthp_tval_el2, write_cnthp_ctl_el2, write_cnthp_cval_el2,
			    write_cnthp_tval_el2},
	[TIMER_EL2_VIRT] = {TIMER_EL2_VIRT, read_cnthv_ctl_el2, read_cnthv_cval_el2,
			    read_cnthv_tval_el2, write_cnthv_ctl_el2, write_cnthv_cval_el2,
			    write_cnthv_tval_el2},
	[TIMER_EL1_VIRT] = {TIMER_EL1_VIRT, read_cntv_ctl_el0, read_cntv_cval_el0,
			    read_cntv_tval_el0, write_cntv_ctl_el0, write_cntv_cval_el0,
			    write_cntv_tval_el0},
	[TIMER_EL1_PHYS] = {TIMER_EL1_PHYS, read_cntp_ctl_el0, read_cntp_cval_el0,
			    read_cntp_tval_el0, write_cntp_ctl_el0, write_cntp_cval_el0,
			    write_cntp_tval_el0},
};

struct el2_row {
	const char *name;
	enum timer_id timer;
	bool met;
};

static const struct el2_row el2_rows[] = {
	{"[cnthp_el2][met]", TIMER_EL2_PHYS, true}, {"[cnthp_el2][notmet]", TIMER_EL2_PHYS, false},
	{"[cnthv_el2][met]", TIMER_EL2_VIRT, true}, {"[cnthv_el2][notmet]", TIMER_EL2_VIRT, false},
	{"[cntv_el0][met]", TIMER_EL1_VIRT, true},  {"[cntv_el0][notmet]", TIMER_EL1_VIRT, false},
	{"[cntp_el0][met]", TIMER_EL1_PHYS, true},  {"[cntp_el0][notmet]", TIMER_EL1_PHYS, false},
};

static const char *el2_requires(const void *row, char *why, size_t len)
{
	const struct el2_row *r = row;

	if (r->timer == TIMER_EL2_VIRT && !vmm_caps.vhe) {
		snprintf(why, len,
			 "needs FEAT_VHE for the EL2 virtual timer (ID_AA64MMFR1_EL1.VH=0)");
		return why;
	}
	return NULL;
}

static void run_el2(struct scenario_ctx *c, const void *row)
{
	const struct el2_row *r = row;
	const struct el2_timer *t = &el2_timers[r->timer];
	uint64_t off = timer_condition_offset(r->timer, VOFF, 0);
	const uint64_t ctl = CNT_CTL_ENABLE | CNT_CTL_IMASK;

	write_cntvoff_el2(VOFF);
	isb();
	struct cnt_window w = {.before = read_cntpct_el0()};
	uint64_t view = w.before - off;
	uint64_t cval = r->met ? (view >= EL2_DELTA ? view - EL2_DELTA : 0) : view + EL2_DELTA;
	uint64_t tval = r->met ? (uint32_t)-EL2_DELTA : EL2_DELTA;

	t->write_cval(cval);
	t->write_ctl(ctl);
	isb();
	uint64_t got_cval = t->read_cval(), got_tval = t->read_tval(), got_ctl = t->read_ctl();

	t->write_tval(tval);
	isb();
	uint64_t new_cval = t->read_cval(), new_ctl = t->read_ctl();

	w.after = read_cntpct_el0();
	t->write_ctl(0);
	write_cntvoff_el2(0);
	isb();

	sc_expect_u64(c, "CVAL", got_cval, cval);
	timer_expect_tval(c, "TVAL", got_tval, cval, w, off);
	timer_expect_ctl(c, "CTL", got_ctl, ctl, cval, w, off);
	if (timer_expect_cval_from_tval(c, "CVAL after the TVAL write", new_cval, tval, w, off)) {
		timer_expect_ctl(c, "CTL after the TVAL write", new_ctl, ctl, new_cval, w, off);
	}
}

SCENARIO(timer_el2, .id = "timer.el2",
	 .rule = "EL2 accessors (E2H = 0) of CNTHP_*_EL2, CNTHV_*_EL2 (FEAT_VHE), CNTV_*_EL0, "
		 "CNTP_*_EL0 with CNTVOFF_EL2 != 0: CVAL reads as written; the timer condition, "
		 "TVAL = (CVAL - count)<31:0> and a TVAL write (CVAL = count + SignExtend(TVAL)) "
		 "use the physical count for CNTHP, CNTHV and CNTP (ECV = 0) and count - "
		 "CNTVOFF_EL2 for CNTV (D12.2.4.1)",
	 SCENARIO_ROWS(el2_rows), .requires = el2_requires, .run = run_el2);
