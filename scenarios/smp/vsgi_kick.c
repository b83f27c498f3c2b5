/* SPDX-License-Identifier: MIT */
/*
 * smp.vsgi.kick: the plumbing under smp.vsgi.pe*, without a guest. EL2 on the instance's PE 0
 * sends a physical SGI to PE 1 (gic_sgi_to_cpu(): GICv3 ICC_SGI1R_EL1 with PE 1's affinity,
 * GICv2 GICD_SGIR with its CPU target list); PE 1, with the SGI enabled, must see it pending
 * (GICR_ISPENDR0 / GICD_ISPENDR0) within a bound, acknowledge it from ICC_IAR1_EL1 / GICC_IAR
 * at EL2 (the INTID, and on GICv2 the sender's CPU interface number in [12:10], IHI 0048B
 * 4.4.4), after which it is active and no longer pending, and deactivate it. In the WFI rows PE
 * 1 waits in WFI at EL2 with PSTATE.I masked before the SGI is sent: the SGI must wake it. PE 0
 * (where the SGI stays disabled) must not have it pending: it was sent to PE 1 only.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "gic.h"
#include "platform.h"
#include "scenario.h"
#include "smp.h"
#include "smp/vsgi_pe.h"

#define KICK_READY_MS	3000 /* PE 0 waits this long at most for PE 1 to wait */
#define GICD_ITARGETSR0 0x800

struct kick_row {
	const char *name;
	unsigned intid;
	bool wfi; /* PE 1 waits in WFI for it */
};

static const struct kick_row kick_rows[] = {
	{"[intid=0]", 0, false},    {"[intid=7]", 7, false},	  {"[intid=15]", 15, false},
	{"[intid=0,wfi]", 0, true}, {"[intid=15,wfi]", 15, true},
};

/* What PE 1 saw. */
struct kick_pe {
	unsigned intid;
	bool wfi;
	volatile uint32_t waiting;  /* set before PE 1 waits for the SGI */
	volatile uint32_t released; /* PE 0 has sent it */
	bool before_pending, before_active;
	bool seen;
	unsigned iar;
	bool active_after_ack, pending_after_ack;
	bool active_after_dir;
	int leak;
	char leak_what[96];
};

static void kick_arm(void *arg)
{
	struct kick_pe *k = arg;

	k->before_pending = gic_irq_pending(k->intid);
	k->before_active = gic_irq_active(k->intid);
	gic_irq_enable(k->intid, true);
}

/* Wait for the SGI (in the WFI rows asleep: only an interrupt wakes the PE), take it. */
static void kick_wait(void *arg)
{
	struct kick_pe *k = arg;

	k->waiting = 1;
	dsb_ish();
	k->seen = vsgi_wait_sgi(k->intid, &k->released, k->wfi);
	if (!k->seen) {
		return;
	}
	k->iar = gic_ack();
	k->active_after_ack = gic_irq_active(k->intid);
	k->pending_after_ack = gic_irq_pending(k->intid);
	if ((k->iar & 0x3ff) < 1020) {
		gic_eoi(k->iar);
		gic_deactivate(k->iar);
	}
	k->active_after_dir = gic_irq_active(k->intid);
}

static void kick_clean(void *arg)
{
	struct kick_pe *k = arg;

	gic_irq_enable(k->intid, false);
	gic_irq_set_pending(k->intid, false);
	if (gic_irq_active(k->intid)) {
		gic_deactivate(k->intid);
	}
	k->leak = gic_leak_check(k->leak_what, sizeof(k->leak_what));
}

/* The IAR value PE 1 must read: GICv2 adds the sender's CPU interface number. */
static unsigned kick_expected_iar(unsigned intid)
{
	if (platform.gic_version != 2) {
		return intid;
	}
	/* GICD_ITARGETSR0-7 read as the reading PE's own CPU interface bit (IHI 0048B 4.3.12). */
	uint32_t self = *(volatile uint32_t *)(platform.gicd.base + GICD_ITARGETSR0) & 0xff;

	return intid | (self ? (unsigned)__builtin_ctz(self) : 0) << 10;
}

static void run_kick(struct scenario_ctx *c, const void *row)
{
	const struct kick_row *r = row;
	static struct kick_pe k; /* a cross-PE instance runs alone */
	uint64_t end;

	k = (struct kick_pe){.intid = r->intid, .wfi = r->wfi};
	if (sc_on_pe(c, 1, kick_arm, &k) || sc_on_pe_async(c, 1, kick_wait, &k)) {
		return;
	}
	/* Send once PE 1 waits (in the WFI rows: it is about to sleep or asleep). */
	end = read_cntpct_el0() + read_cntfrq_el0() * KICK_READY_MS / 1000;
	while (!__atomic_load_n(&k.waiting, __ATOMIC_ACQUIRE) && read_cntpct_el0() < end) {
	}
	gic_sgi_to_cpu(sc_pe(c, 1), r->intid);
	dsb_ish();
	__atomic_store_n(&k.released, 1, __ATOMIC_RELEASE);
	if (sc_pe_wait(c, 1) || sc_on_pe(c, 1, kick_clean, &k)) {
		return;
	}
	bool here = gic_irq_pending(r->intid);

	gic_irq_set_pending(r->intid, false);
	sc_diag(c, "cpus", "%u sends to %u", sc_pe(c, 0), sc_pe(c, 1));
	sc_expect_u64(c, "pending_before", k.before_pending, 0);
	sc_expect_u64(c, "active_before", k.before_active, 0);
	if (!k.seen) {
		sc_fail(c, "cpu %u never saw SGI %u pending (%u ms after it was sent)", sc_pe(c, 1),
			r->intid, VSGI_GRACE_MS);
	} else {
		sc_expect_u64(c, "iar", k.iar, kick_expected_iar(r->intid));
		sc_expect_u64(c, "active_after_ack", k.active_after_ack, 1);
		sc_expect_u64(c, "pending_after_ack", k.pending_after_ack, 0);
		sc_expect_u64(c, "active_after_deactivate", k.active_after_dir, 0);
	}
	sc_expect_u64(c, "pending_on_sender", here, 0);
	if (k.leak) {
		sc_fail(c, "cpu %u after the instance: %s", sc_pe(c, 1), k.leak_what);
	}
}

SCENARIO(smp_vsgi_kick, .id = "smp.vsgi.kick",
	 .rule = "a physical SGI EL2 sends to another PE (ICC_SGI1R_EL1 with its affinity, GICv2 "
		 "GICD_SGIR with its CPU target) becomes pending there and only there, wakes it "
		 "from a WFI at EL2 with PSTATE.I masked, and is acknowledged there from "
		 "ICC_IAR1_EL1/GICC_IAR with its INTID (GICv2: the sender's CPU interface number "
		 "in [12:10]), then active and not pending until deactivated",
	 SCENARIO_ROWS(kick_rows), .run = run_kick, .pes = 2);
