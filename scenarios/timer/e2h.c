/* SPDX-License-Identifier: MIT */
/*
 * timer.el2.e2h: the timers through the names an EL2 with HCR_EL2.E2H = 1 uses (FEAT_VHE), in
 * a short E2H = 1 window of the harness (scenarios/timer/e2h_probe.S) with CNTVOFF_EL2 = VOFF:
 * - CNTVCT_EL0 at EL2 with E2H = 1 has no offset (timer_cntvct_offset());
 * - CNTV_{CVAL,CTL,TVAL}_EL0 reach the EL2 virtual timer and CNTP_* the EL2 physical timer
 *   (both compare with the physical count: D12.2.4.1);
 * - CNTV_{CVAL,CTL}_EL02 and CNTP_{CVAL,CTL}_EL02 reach the EL1 timers (the virtual one
 *   compares with count - CNTVOFF_EL2).
 * Each write is then read back at E2H = 0 through the timer's own name (CNTHV_CVAL_EL2,
 * CNTHP_CVAL_EL2, CNTV_CVAL_EL0, CNTP_CVAL_EL0), so a redirection to the wrong timer shows.
 * CNTV_TVAL_EL02 is the EL1 virtual timer's TimerValue view and always subtracts CNTVOFF_EL2
 * (D12.2.4.1; unlike CNTV_TVAL_EL0, which at EL2 with E2H = 1 is CNTHV's). Two rows swap which
 * timers' conditions are met.
 * CNTHP is the watchdog: used only between runs, IMASK set, CTL 0 at the end (see timer.el2).
 */
#include <stddef.h>
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "scenario.h"
#include "timer_access_model.h"
#include "timer_guest.h"

#define VOFF	  0x0000fedcba987654ULL
#define E2H_DELTA (1ULL << 30)

/** The block of timer_e2h_probe() (scenarios/timer/e2h_probe.S, IO_* offsets). */
struct timer_e2h_io {
	uint64_t cval_hv, cval_hp, cval_v02, cval_p02;
	uint64_t pct_before, vct, hv_tval, hp_tval, hv_ctl, hp_ctl, v02_ctl, p02_ctl, pct_after;
	uint64_t v02_tval;
};
_Static_assert(offsetof(struct timer_e2h_io, pct_before) == 32, "e2h_probe.S IO_PCT_BEFORE");
_Static_assert(offsetof(struct timer_e2h_io, p02_ctl) == 88, "e2h_probe.S IO_P02_CTL");
_Static_assert(offsetof(struct timer_e2h_io, pct_after) == 96, "e2h_probe.S IO_PCT_AFTER");
_Static_assert(offsetof(struct timer_e2h_io, v02_tval) == 104, "e2h_probe.S IO_V02_TVAL");

void timer_e2h_probe(struct timer_e2h_io *io);

struct e2h_row {
	const char *name;
	bool el2_met; /* the EL2 timers' conditions are met, the EL1 timers' are not; or swapped */
};

static const struct e2h_row e2h_rows[] = {
	{"[el2-met,el1-notmet]", true},
	{"[el2-notmet,el1-met]", false},
};

static const char *e2h_requires(const void *row, char *why, size_t len)
{
	(void)row;
	if (!vmm_caps.vhe) {
		snprintf(why, len, "needs FEAT_VHE for HCR_EL2.E2H = 1 (ID_AA64MMFR1_EL1.VH=0)");
		return why;
	}
	return NULL;
}

/* A CVAL E2H_DELTA behind (met) or ahead of count - @off. */
static uint64_t cval_for(uint64_t now, uint64_t off, bool met)
{
	uint64_t view = now - off;

	return met ? (view >= E2H_DELTA ? view - E2H_DELTA : 0) : view + E2H_DELTA;
}

static void run_e2h(struct scenario_ctx *c, const void *row)
{
	const struct e2h_row *r = row;
	const uint64_t ctl = CNT_CTL_ENABLE | CNT_CTL_IMASK;
	uint64_t voff = timer_condition_offset(TIMER_EL1_VIRT, VOFF, 0);

	write_cntvoff_el2(VOFF);
	isb();
	uint64_t now = read_cntpct_el0();
	struct timer_e2h_io io = {
		.cval_hv = cval_for(now, 0, r->el2_met),
		.cval_hp = cval_for(now, 0, r->el2_met),
		.cval_v02 = cval_for(now, voff, !r->el2_met),
		.cval_p02 = cval_for(now, 0, !r->el2_met),
	};

	timer_e2h_probe(&io);
	uint64_t hv = read_cnthv_cval_el2(), hp = read_cnthp_cval_el2();
	uint64_t v = read_cntv_cval_el0(), p = read_cntp_cval_el0();

	write_cnthv_ctl_el2(0);
	write_cnthp_ctl_el2(0);
	write_cntv_ctl_el0(0);
	write_cntp_ctl_el0(0);
	write_cntvoff_el2(0);
	isb();

	struct cnt_window w = {io.pct_before, io.pct_after};

	timer_expect_count(c, "CNTVCT_EL0 (E2H = 1)", io.vct, w,
			   timer_cntvct_offset(2, true, false, VOFF));
	timer_expect_tval(c, "CNTV_TVAL_EL0 (CNTHV)", io.hv_tval, io.cval_hv, w, 0);
	timer_expect_tval(c, "CNTP_TVAL_EL0 (CNTHP)", io.hp_tval, io.cval_hp, w, 0);
	timer_expect_ctl(c, "CNTV_CTL_EL0 (CNTHV)", io.hv_ctl, ctl, io.cval_hv, w, 0);
	timer_expect_ctl(c, "CNTP_CTL_EL0 (CNTHP)", io.hp_ctl, ctl, io.cval_hp, w, 0);
	timer_expect_ctl(c, "CNTV_CTL_EL02", io.v02_ctl, ctl, io.cval_v02, w, voff);
	timer_expect_tval(c, "CNTV_TVAL_EL02", io.v02_tval, io.cval_v02, w, voff);
	timer_expect_ctl(c, "CNTP_CTL_EL02", io.p02_ctl, ctl, io.cval_p02, w, 0);
	sc_expect_u64(c, "CNTHV_CVAL_EL2 after CNTV_CVAL_EL0", hv, io.cval_hv);
	sc_expect_u64(c, "CNTHP_CVAL_EL2 after CNTP_CVAL_EL0", hp, io.cval_hp);
	sc_expect_u64(c, "CNTV_CVAL_EL0 after CNTV_CVAL_EL02", v, io.cval_v02);
	sc_expect_u64(c, "CNTP_CVAL_EL0 after CNTP_CVAL_EL02", p, io.cval_p02);
}

SCENARIO(timer_el2_e2h, .id = "timer.el2.e2h",
	 .rule = "EL2 with HCR_EL2.E2H = 1 (FEAT_VHE): CNTVCT_EL0 has no CNTVOFF_EL2; "
		 "CNTV_*_EL0/CNTP_*_EL0 reach CNTHV/CNTHP (condition and TVAL on the physical "
		 "count); CNTV_*_EL02/CNTP_*_EL02 reach the EL1 virtual timer (condition and "
		 "CNTV_TVAL_EL02 on count - CNTVOFF_EL2) and physical timer",
	 SCENARIO_ROWS(e2h_rows), .requires = e2h_requires, .run = run_e2h);
