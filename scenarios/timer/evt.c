/* SPDX-License-Identifier: MIT */
/*
 * timer.evt: the event streams. CNTHCTL_EL2.EVNTEN = 1 generates an event at each 0-to-1
 * (EVNTDIR = 0) or 1-to-0 (EVNTDIR = 1) transition of physical count bit EVNTI (+ 8 with
 * FEAT_ECV's EVNTIS = 1); CNTKCTL_EL1.EVNTEN likewise from the virtual count. So the next event
 * comes within timer_event_period(bit) = 2^(bit + 1) ticks of any instant.
 *
 * [wait] rows (HCR_EL2.TWE = 0): the guest consumes any pending event (SEVL; WFE), then times
 * three sets of four WFEs with CNTPCT; the longest wait of at least one set must be at most
 * one period plus EVT_SLACK_US (wake-up latency; a stream that never comes waits for the
 * watchdog and fails). Three sets because an emulator's host stalls between two counter reads
 * (2.4 ms seen under make check), which only lengthens a set. The period is chosen near
 * EVT_WAIT_US from CNTFRQ_EL0.
 * [event]/[noevent] rows (TWE = 1): the guest consumes any pending event, spins two periods
 * (near EVT_SPIN_US) reading CNTPCT, which generates no event, then executes WFE. With a
 * stream enabled an event came meanwhile, the event register is set and the WFE completes
 * without trapping; with both streams disabled nothing set it, so the WFE would wait and traps
 * (EC 0x01, TI = WFE, ELR_EL2 = the WFE). The noevent window is the two periods of the spin.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/sysreg.h"
#include "counter.h"
#include "esr_model.h"
#include "hvc.h"
#include "scenario.h"
#include "timer_access_model.h"
#include "timer_guest.h"

#define EVT_WAIT_US  500
#define EVT_SLACK_US 1000
#define EVT_SPIN_US  50

enum evt_source { EVT_NONE, EVT_CNTHCTL, EVT_CNTKCTL };

struct evt_row {
	const char *name;
	enum evt_source src;
	bool dir;    /* EVNTDIR */
	bool evntis; /* CNTHCTL_EL2.EVNTIS (FEAT_ECV) */
	bool twe;    /* [event]/[noevent]: TWE = 1 and the spin; else [wait] */
};

static const struct evt_row evt_rows[] = {
	{"[cnthctl][dir=0][wait]", EVT_CNTHCTL, false, false, false},
	{"[cnthctl][dir=1][wait]", EVT_CNTHCTL, true, false, false},
	{"[cnthctl][evntis=1][wait]", EVT_CNTHCTL, false, true, false},
	{"[cntkctl][dir=0][wait]", EVT_CNTKCTL, false, false, false},
	{"[cnthctl][dir=0][twe=1][event]", EVT_CNTHCTL, false, false, true},
	{"[cnthctl][evntis=1][twe=1][event]", EVT_CNTHCTL, false, true, true},
	{"[cntkctl][dir=1][twe=1][event]", EVT_CNTKCTL, true, false, true},
	{"[none][twe=1][noevent]", EVT_NONE, false, false, true},
};

static const char *evt_requires(const void *row, char *why, size_t len)
{
	const struct evt_row *r = row;

	if (r->evntis && !vmm_caps.ecv) {
		snprintf(why, len,
			 "needs FEAT_ECV for CNTHCTL_EL2.EVNTIS (ID_AA64MMFR0_EL1.ECV=0)");
		return why;
	}
	return NULL;
}

/* The counter bit whose period is the largest not above @us, at least bit 8 with EVNTIS. */
static unsigned evt_bit_for(unsigned us, bool evntis)
{
	uint64_t ticks = counter_us_to_ticks(us);
	unsigned bit = 0;

	while (bit < 15 + (evntis ? 8 : 0) && timer_event_period(bit + 1) <= ticks) {
		bit++;
	}
	return evntis && bit < 8 ? 8 : bit;
}

static void run_evt(struct scenario_ctx *c, const void *row)
{
	const struct evt_row *r = row;
	unsigned bit = evt_bit_for(r->twe ? EVT_SPIN_US : EVT_WAIT_US, r->evntis);
	unsigned evnti = bit - (r->evntis ? 8 : 0);
	uint64_t period = timer_event_period(timer_event_bit(evnti, r->evntis, vmm_caps.ecv));
	struct sc_setup s = {
		.payload = r->twe ? GSYM(gp_timer_wfe_spin) : GSYM(gp_timer_wfe_wait),
		.vcpu.hcr = r->twe ? HCR_TWE : 0,
		.vcpu.cnthctl = CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN,
		.vcpu.cnthctl_set = true,
	};
	struct timer_guest_args a = {.spin = 2 * period};
	uint64_t got;

	if (r->src == EVT_CNTHCTL) {
		s.vcpu.cnthctl |= CNTHCTL_EVNTEN | CNTHCTL_EVNTI(evnti) |
				  (r->dir ? CNTHCTL_EVNTDIR : 0) | (r->evntis ? CNTHCTL_EVNTIS : 0);
	} else if (r->src == EVT_CNTKCTL) {
		s.vcpu.cntkctl =
			CNTKCTL_EVNTEN | CNTKCTL_EVNTI(evnti) | (r->dir ? CNTKCTL_EVNTDIR : 0);
	}
	if (!sc_start(c, &s) || !timer_guest_args_load(c, &a)) {
		return;
	}
	sc_diag(c, "stream", "{ bit: %u, evnti: %u, period_ticks: %llu, cntfrq: %llu }", bit, evnti,
		(unsigned long long)period, (unsigned long long)read_cntfrq_el0());
	struct exit e = sc_run(c);

	if (!r->twe) {
		uint64_t bound = period + counter_us_to_ticks(EVT_SLACK_US);

		if (sc_expect_done(c, &e, 0) && sc_report(c, GREPORT_USER, &got) && got > bound) {
			sc_fail(c,
				"in each of 3 sets a WFE waited %llu ticks or more, more than the "
				"period %llu + slack",
				(unsigned long long)got, (unsigned long long)period);
		}
		return;
	}
	if (r->src == EVT_NONE) {
		if (!sc_expect_exit(c, &e, EXIT_WFX, esr_expect_wfx(ESR_WFX_TI_WFE, false, 0),
				    GSYM(gl_timer_wfe_spin))) {
			return;
		}
		vcpu_skip_insn(sc_vcpu(c));
		e = sc_run(c);
	}
	sc_expect_done(c, &e, 0);
}

SCENARIO(timer_evt, .id = "timer.evt",
	 .rule = "Event stream (CNTHCTL_EL2/CNTKCTL_EL1.EVNTEN, EVNTI, EVNTDIR, FEAT_ECV EVNTIS): "
		 "an event every 2^(EVNTI(+8) + 1) ticks; TWE = 0: a WFE returns within that "
		 "period (+ 1 ms slack; the best of 3 sets of 4 WFEs); TWE = 1: after spinning two "
		 "periods a WFE completes with a "
		 "stream enabled and traps (EC 0x01, TI WFE) with none",
	 SCENARIO_ROWS(evt_rows), .requires = evt_requires, .run = run_evt, .ec = "0x01",
	 .control = "CNTHCTL_EL2.EVNTEN, CNTKCTL_EL1.EVNTEN",
	 .fields = "+-CNTHCTL_EL2.EVNTEN +-CNTHCTL_EL2.EVNTDIR +CNTHCTL_EL2.EVNTIS "
		   "+CNTHCTL_EL2.EVNTI");
