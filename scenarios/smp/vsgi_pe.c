/* SPDX-License-Identifier: MIT */
/*
 * The vmm on a vCPU's own PE in smp.vsgi.* (see vsgi_pe.h). A vSGI for a vCPU that runs
 * elsewhere cannot go into its list registers from the sender's PE: they are that PE's. So the
 * sender posts the vINTID and kicks the PE with a physical SGI; with HCR_EL2.IMO = 1 that takes
 * the vCPU out to EL2 there (EXIT_IRQ), where this loop deactivates the kick, moves what was
 * posted into a free LR and re-enters: the guest then takes the vSGI. As KVM's vgic does with
 * its kick_vcpu IPI and the flush before the next entry.
 */
#include "smp/vsgi_pe.h"

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "counter.h"
#include "gic.h"
#include "smp.h"

#define LR_STATE_SHIFT 62 /* ICH_LR<n>_EL2.State [63:62] */

static unsigned kick_state(void)
{
	return (gic_irq_pending(VSGI_KICK_SGI) ? 1u : 0u) |
	       (gic_irq_active(VSGI_KICK_SGI) ? 2u : 0u);
}

void vsgi_pe_arm(void *arg)
{
	struct vsgi_pe *p = arg;

	p->kick_before = kick_state();
	gic_irq_enable(VSGI_KICK_SGI, true);
}

void vsgi_pe_post(struct vsgi_pe *p, unsigned intid)
{
	__atomic_fetch_or(&p->pending, 1u << (intid & 31), __ATOMIC_RELEASE);
}

/* Move the posted vSGIs into free LRs (one already pending in an LR stays as it is). */
static void flush_posted(struct vsgi_pe *p)
{
	uint32_t posted = __atomic_exchange_n(&p->pending, 0, __ATOMIC_ACQUIRE);

	for (unsigned id = 0; posted && id < 16; id++) {
		if (!(posted & (1u << id))) {
			continue;
		}
		posted &= ~(1u << id);
		struct vgic_lr lr = p->lr;
		int free = -1;

		lr.vintid = id;
		for (unsigned n = 0; n < vmm_caps.lrs && n < VGIC_MAX_LRS; n++) {
			uint64_t cur = p->v->vgic.lr[n];

			if ((cur >> LR_STATE_SHIFT) == 0 && free < 0) {
				free = (int)n;
			} else if ((cur >> LR_STATE_SHIFT) != 0 && (cur & 0xffffffffULL) == id) {
				free = -2; /* already there */
				break;
			}
		}
		if (free >= 0) {
			p->v->vgic.lr[free] = vgic_lr_encode(&lr, &p->vtr);
		}
	}
}

/* Deactivate a kick acknowledged by the exit path (priority already dropped) or by us. */
static void take_kick(struct vsgi_pe *p, unsigned iar)
{
	if ((iar & 0x3ff) < 1020) {
		gic_deactivate(iar);
	}
	if ((iar & 0x3ff) != VSGI_KICK_SGI && !p->bad_iar) {
		p->bad_iar = iar ? iar : 1023;
	}
}

bool vsgi_wait_sgi(unsigned intid, const volatile uint32_t *released, bool wfi)
{
	uint64_t start = read_cntpct_el0(), seen = 0;
	bool pending;

	while (!(pending = gic_irq_pending(intid))) {
		uint64_t now = read_cntpct_el0();

		if (*released && !seen) {
			seen = now;
		}
		if ((seen && now - seen > counter_us_to_ticks(1000ull * VSGI_GRACE_MS)) ||
		    now - start > counter_us_to_ticks(1000ull * VSGI_WAIT_CAP_MS)) {
			break;
		}
		if (wfi) {
			smp_idle_us(1000); /* WFI: the SGI wakes it, or CNTHP within 1 ms */
		}
	}
	return pending;
}

/* A trapped WFI with nothing posted: block at EL2 until the kick, and acknowledge it here. */
static void block_for_kick(struct vsgi_pe *p)
{
	p->blocked = 1;
	dsb_ish();
	bool kicked = vsgi_wait_sgi(VSGI_KICK_SGI, &p->released, true);

	p->blocked = 0;
	if (!kicked) {
		p->block_timeout = true;
		return;
	}
	unsigned iar = gic_ack();

	if ((iar & 0x3ff) < 1020) {
		gic_eoi(iar);
	}
	take_kick(p, iar);
	p->block_kicks++;
}

void vsgi_pe_loop(void *arg)
{
	struct vsgi_pe *p = arg;

	p->last = (struct exit){.reason = EXIT_NONE};
	for (p->runs = 0; p->runs < VSGI_RUNS_MAX;) {
		flush_posted(p);
		struct exit e = vcpu_run(p->v);

		p->runs++;
		if (e.reason == EXIT_IRQ) {
			if (!p->kicks && !p->block_kicks) {
				p->kick_elr = e.elr;
			}
			p->kicks++;
			take_kick(p, e.intid);
			if (p->bad_iar) {
				p->last = e;
				break;
			}
			continue;
		}
		if (e.reason == EXIT_WFX && p->wfi_block) {
			p->wfx++;
			vcpu_skip_insn(p->v);
			if (!__atomic_load_n(&p->pending, __ATOMIC_ACQUIRE)) {
				block_for_kick(p);
			}
			if (p->block_timeout) {
				p->last = e; /* once: the loop's time stays bounded */
				break;
			}
			continue;
		}
		p->last = e;
		break;
	}
	vcpu_unload(p->v);
}

void vsgi_pe_clean(void *arg)
{
	struct vsgi_pe *p = arg;

	p->kick_after = kick_state();
	gic_irq_enable(VSGI_KICK_SGI, false);
	gic_irq_set_pending(VSGI_KICK_SGI, false);
	if (gic_irq_active(VSGI_KICK_SGI)) {
		gic_deactivate(VSGI_KICK_SGI);
	}
	p->leak = gic_leak_check(p->leak_what, sizeof(p->leak_what));
}
