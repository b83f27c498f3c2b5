/* SPDX-License-Identifier: MIT */
/*
 * smp.vsgi.kick: the plumbing under smp.vsgi.pe*, without a guest. EL2 on one of the instance's
 * two PEs (PE 0, or PE 1 in the from-pe1 rows) sends a physical SGI to the other
 * (gic_sgi_to_cpu(): GICv3 ICC_SGI1R_EL1 with its affinity, GICv2 GICD_SGIR with its CPU target
 * list); the receiver, with the SGI enabled, must see it pending (GICR_ISPENDR0 /
 * GICD_ISPENDR0), acknowledge it from ICC_IAR1_EL1 / GICC_IAR at EL2 (the INTID, and on GICv2
 * the sender's CPU interface number in [12:10], IHI 0048B 4.4.4), after which it is active and
 * no longer pending, and deactivate it. In the WFI rows the receiver waits in WFI at EL2 with
 * PSTATE.I masked before the SGI is sent: the SGI must wake it. The sender (where the SGI stays
 * disabled) must not have it pending: it was sent to the other PE only.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "counter.h"
#include "gic.h"
#include "platform.h"
#include "scenario.h"
#include "smp.h"
#include "smp/vsgi_pe.h"

#define KICK_READY_MS	3000 /* the sender waits this long at most for the receiver */
#define GICD_ITARGETSR0 0x800

struct kick_row {
	const char *name;
	unsigned intid;
	bool wfi;      /* the receiver waits in WFI for it */
	bool from_pe1; /* PE 1 sends to PE 0 (on GICv2 a nonzero source CPU interface) */
};

/* A row: name, INTID, the receiver waits in WFI, PE 1 sends. */
#define KICK(name_, intid_, wfi_, from_pe1_)                                                       \
	{                                                                                          \
		.name = (name_), .intid = (intid_), .wfi = (wfi_), .from_pe1 = (from_pe1_)         \
	}

static const struct kick_row kick_rows[] = {
	KICK("[intid=0]", 0, false, false),
	KICK("[intid=7]", 7, false, false),
	KICK("[intid=15]", 15, false, false),
	KICK("[intid=0,wfi]", 0, true, false),
	KICK("[intid=15,wfi]", 15, true, false),
	KICK("[intid=7,from-pe1]", 7, false, true),
	KICK("[intid=15,wfi,from-pe1]", 15, true, true),
};

/* What the receiver and the sender saw. */
struct kick_pe {
	unsigned intid;
	bool wfi;
	unsigned to;		    /* the receiver (smp.h index) */
	volatile uint32_t waiting;  /* set before the receiver waits for the SGI */
	volatile uint32_t released; /* the sender has sent it */
	bool before_pending, before_active;
	bool seen;
	unsigned iar;
	bool active_after_ack, pending_after_ack;
	bool active_after_dir;
	int leak;
	char leak_what[96];
	uint32_t sender_mask; /* GICv2: the sender's GICD_ITARGETSR0 byte */
	bool sender_pending;
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

/* The sender: once the receiver waits (bounded), the SGI; its own CPU interface bit first. */
static void kick_send(void *arg)
{
	struct kick_pe *k = arg;
	uint64_t end = read_cntpct_el0() + counter_us_to_ticks(1000ull * KICK_READY_MS);

	if (platform.gic_version == 2) {
		/* GICD_ITARGETSR0-7 read as the reading PE's own CPU interface bit (4.3.12). */
		k->sender_mask =
			*(volatile uint32_t *)(platform.gicd.base + GICD_ITARGETSR0) & 0xff;
	}
	while (!__atomic_load_n(&k->waiting, __ATOMIC_ACQUIRE) && read_cntpct_el0() < end) {
	}
	gic_sgi_to_cpu(k->to, k->intid);
	dsb_ish();
	__atomic_store_n(&k->released, 1, __ATOMIC_RELEASE);
}

/* The sender must not have it: it was sent to the other PE only (it stays disabled here). */
static void kick_sender_clean(void *arg)
{
	struct kick_pe *k = arg;

	k->sender_pending = gic_irq_pending(k->intid);
	gic_irq_set_pending(k->intid, false);
}

/* The IAR value the receiver must read: GICv2 adds the sender's CPU interface number. */
static unsigned kick_expected_iar(const struct kick_pe *k)
{
	if (platform.gic_version != 2) {
		return k->intid;
	}
	return k->intid | (k->sender_mask ? (unsigned)__builtin_ctz(k->sender_mask) : 0) << 10;
}

static void run_kick(struct scenario_ctx *c, const void *row)
{
	const struct kick_row *r = row;
	static struct kick_pe k; /* a cross-PE instance runs alone */
	unsigned to = r->from_pe1 ? 0 : 1, from = 1 - to;

	k = (struct kick_pe){.intid = r->intid, .wfi = r->wfi, .to = sc_pe(c, to)};
	if (sc_on_pe(c, to, kick_arm, &k)) {
		return;
	}
	/* PE 1 runs its half asynchronously, PE 0 its own here; then both are done. */
	if (sc_on_pe_async(c, 1, to ? kick_wait : kick_send, &k)) {
		return;
	}
	if (to) {
		kick_send(&k);
	} else {
		kick_wait(&k);
	}
	if (sc_pe_wait(c, 1) || sc_on_pe(c, to, kick_clean, &k) ||
	    sc_on_pe(c, from, kick_sender_clean, &k)) {
		return;
	}
	sc_diag(c, "cpus", "%u sends to %u", sc_pe(c, from), sc_pe(c, to));
	sc_expect_u64(c, "pending_before", k.before_pending, 0);
	sc_expect_u64(c, "active_before", k.before_active, 0);
	if (!k.seen) {
		sc_fail(c, "cpu %u never saw SGI %u pending (%u ms after it was sent)",
			sc_pe(c, to), r->intid, VSGI_GRACE_MS);
	} else {
		sc_expect_u64(c, "iar", k.iar, kick_expected_iar(&k));
		sc_expect_u64(c, "active_after_ack", k.active_after_ack, 1);
		sc_expect_u64(c, "pending_after_ack", k.pending_after_ack, 0);
		sc_expect_u64(c, "active_after_deactivate", k.active_after_dir, 0);
	}
	sc_expect_u64(c, "pending_on_sender", k.sender_pending, 0);
	if (k.leak) {
		sc_fail(c, "cpu %u after the instance: %s", sc_pe(c, to), k.leak_what);
	}
}

SCENARIO(smp_vsgi_kick, .id = "smp.vsgi.kick",
	 .rule = "a physical SGI EL2 sends to another PE (ICC_SGI1R_EL1 with its affinity, GICv2 "
		 "GICD_SGIR with its CPU target) becomes pending there and only there, wakes it "
		 "from a WFI at EL2 with PSTATE.I masked, and is acknowledged there from "
		 "ICC_IAR1_EL1/GICC_IAR with its INTID (GICv2: the sender's CPU interface number "
		 "in [12:10]), then active and not pending until deactivated",
	 SCENARIO_ROWS(kick_rows), .run = run_kick, .pes = 2);
