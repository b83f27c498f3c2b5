/* SPDX-License-Identifier: MIT */
/*
 * virq.line.phys: a physical interrupt of this PE (an SGI sent to itself, or a PPI made
 * pending) while the guest runs at EL1h with PSTATE.I masked or open. The guest opens the
 * masks, yields to EL2 (HVC #VL_YIELD_IMM) and spins its window once resumed; EL2 makes the
 * interrupt pending during the yield, so it is pending from the first guest instruction on.
 *
 * With HCR_EL2.IMO = 1 it must exit to EL2 (EXIT_IRQ on the lower-EL AArch64 IRQ vector, with
 * that INTID) whatever the guest's PSTATE.I, and never reach the guest's vectors. With IMO = 0
 * and TGE = 0 it belongs to EL1: the guest takes it on its own vector 0x280 when PSTATE.I is
 * open and not at all when masked (ISR_EL1.I, physical then, shows it pending), and EL2 finds
 * it still pending afterwards (nobody acknowledged it). With TGE = 1 (E2H = 0, the guest at
 * EL0, yielding by a store to an unmapped IPA) IMO behaves as 1: to EL2 even with IMO = 0. In those
 * rows the watchdog's IRQ would go to EL1 too: the guest's window ends them, and
 * LINE_IMO0_TIMEOUT_MS keeps it away.
 */
#include "arch/el2.h"
#include "gic.h"
#include "line.h"
#include "scenario.h"
#include "virq_line_abi.h"
#include "virq_line_model.h"

#define LINE_SGI 5  /* any SGI: the harness uses none */
#define LINE_PPI 20 /* a PPI no QEMU virt device drives */

struct line_phys_row {
	const char *name;
	unsigned intid;
	uint64_t hcr_clear; /* HCR_IMO: the interrupt belongs to EL1 (unless TGE = 1) */
	bool i;		    /* the guest's PSTATE.I in the window */
	bool tge;	    /* HCR_EL2.TGE = 1, the guest at EL0 */
};

/* A row: name, INTID, HCR_EL2 bits cleared, the guest's PSTATE.I, TGE = 1 at EL0. */
#define PHYS(name_, intid_, clear_, i_, tge_)                                                      \
	{                                                                                          \
		.name = (name_), .intid = (intid_), .hcr_clear = (clear_), .i = (i_),              \
		.tge = (tge_)                                                                      \
	}

static const struct line_phys_row phys_rows[] = {
	PHYS("[sgi,imo=1,i=0]", LINE_SGI, 0, false, false),
	PHYS("[sgi,imo=1,i=1]", LINE_SGI, 0, true, false),
	PHYS("[ppi,imo=1,i=0]", LINE_PPI, 0, false, false),
	PHYS("[ppi,imo=1,i=1]", LINE_PPI, 0, true, false),
	PHYS("[sgi,imo=0,i=0]", LINE_SGI, HCR_IMO, false, false),
	PHYS("[sgi,imo=0,i=1]", LINE_SGI, HCR_IMO, true, false),
	/* TGE = 1 (E2H = 0): IMO behaves as 1, so even IMO = 0 routes it to EL2. */
	PHYS("[sgi,tge=1,imo=0,el0,i=1]", LINE_SGI, HCR_IMO, true, true),
	PHYS("[sgi,tge=1,imo=1,el0,i=0]", LINE_SGI, 0, false, true),
};

static void line_phys_pend(unsigned intid)
{
	gic_irq_enable(intid, true);
	if (intid < 16) {
		gic_sgi_to_self(intid);
	} else {
		gic_irq_set_pending(intid, true);
	}
}

/* Leave nothing behind, whatever happened: not pending, not active, disabled. */
static void line_phys_clean(unsigned intid)
{
	gic_irq_set_pending(intid, false);
	if (gic_irq_active(intid)) {
		gic_deactivate(intid);
	}
	gic_irq_enable(intid, false);
}

/*
 * The guest stopped at its yield: HVC #VL_YIELD_IMM at EL1, or at EL0 (TGE = 1) a store to the
 * unmapped GUEST_MMIO_IPA, resumed past the store.
 */
static bool line_yielded(struct scenario_ctx *c, const struct line_phys_row *r,
			 const struct exit *e)
{
	if (r->tge) {
		if (!sc_expect_reason(c, e, EXIT_DABT) ||
		    !sc_expect_u64(c, "yield_elr", e->elr, GSYM(gl_vline_el0_yield))) {
			return false;
		}
		vcpu_skip_insn(sc_vcpu(c));
		return true;
	}
	if (!sc_expect_reason(c, e, EXIT_HVC)) {
		return false;
	}
	return sc_expect_u64(c, "hvc_imm", e->esr & 0xffff, VL_YIELD_IMM);
}

/* Where the guest may be when the interrupt reaches EL2: after its yield, in its window. */
static bool line_in_window(const struct line_phys_row *r, uint64_t elr)
{
	if (r->tge) {
		return elr >= GSYM(gl_vline_el0_yield) + 4 && elr <= GSYM(gl_vline_el0_done);
	}
	return elr >= GSYM(gl_vline_yielded) && elr <= GSYM(gl_vline_window_end);
}

/* IMO = 1: an exit to EL2 with the INTID, from inside the window, the guest untouched. */
static void expect_el2(struct scenario_ctx *c, const struct line_phys_row *r,
		       const struct vline_phys *p, struct exit *e)
{
	if (!sc_expect_reason(c, e, EXIT_IRQ)) {
		return;
	}
	if (e->intid < 1020) {
		gic_deactivate(e->intid);
	}
	/*
	 * GICv2: GICC_IAR[12:10] of an SGI is the CPU interface that sent it, this PE itself
	 * (IHI 0048B 4.4.4); GICv3's ICC_IAR1_EL1 has the INTID alone.
	 */
	sc_expect_u64(c, "gicc_iar", e->intid,
		      r->intid | (r->intid < 16 ? gic_sgi_source_id() << 10 : 0));
	sc_expect_u64(c, "vector_el2", e->slot * 0x80, p->vector);
	if (!line_in_window(r, e->elr)) {
		sc_fail(c, "ELR_EL2 0x%llx is not in the guest's window after its yield",
			(unsigned long long)e->elr);
	}
	if (sc_vcpu(c)->reported & (1u << VL_REPORT_VECTOR)) {
		sc_fail(c, "the guest's EL1 vectors were entered as well");
	}
	line_phys_clean(r->intid);
	/* Resumed, the guest finishes its window with nothing else pending. */
	*e = sc_run(c);
	sc_expect_done(c, e, VL_STATUS_QUIET);
}

static void run_line_phys(struct scenario_ctx *c, const void *row)
{
	const struct line_phys_row *r = row;
	struct vline_state st = {
		.imo = !(r->hcr_clear & HCR_IMO),
		.fmo = true,
		.tge = r->tge,
		.i = r->i,
		.f = true,
		.where = r->tge ? VLINE_EL0 : VLINE_EL1H,
		.phys_irq = true,
	};
	struct vline_phys p = vline_phys(&st, false);
	struct vline_expect x = vline_expect(&st);
	struct sc_setup s = {
		.payload = r->i ? GSYM(gp_vline_clr_none) : GSYM(gp_vline_clr_i),
		.args = {0, LINE_WINDOW_ITERS, VL_YIELD_AFTER},
		.vcpu.hcr_clear = r->hcr_clear,
		.vcpu.timeout_ms = (r->hcr_clear & HCR_IMO) ? LINE_IMO0_TIMEOUT_MS : 0,
	};

	if (r->tge) {
		/* EL1 cannot run with TGE = 1: the vmm enters EL0 with the masks itself. */
		s.payload = GSYM(gp_vline_el0_yield);
		s.args[0] = LINE_WINDOW_ITERS;
		s.args[1] = GUEST_MMIO_IPA;
		s.args[2] = 0;
		s.vcpu.hcr = HCR_TGE;
		s.vcpu.spsr = SPSR_M_EL0t | SPSR_D | SPSR_A | SPSR_F | (r->i ? SPSR_I : 0);
		s.vcpu.timeout_ms = 0; /* TGE = 1 routes the watchdog to EL2 whatever IMO */
	}

	if (!sc_start(c, &s)) {
		return;
	}
	struct exit e = sc_run(c);

	if (!line_yielded(c, r, &e)) {
		return;
	}
	line_phys_pend(r->intid);
	e = sc_run(c);
	if (p.target == VLINE_TO_EL2) {
		expect_el2(c, r, &p, &e);
		line_phys_clean(r->intid);
		return;
	}
	/* Back at EL2 (DAIF masked): the guest must have left it pending, never acknowledged. */
	bool pending = gic_irq_pending(r->intid), active = gic_irq_active(r->intid);
	uint64_t vector, isr;

	line_phys_clean(r->intid);
	if (!sc_expect_done(c, &e, p.target == VLINE_TO_EL1 ? VL_STATUS_TAKEN : VL_STATUS_QUIET)) {
		return;
	}
	sc_expect_u64(c, "pending_after", pending, 1);
	sc_expect_u64(c, "active_after", active, 0);
	if (p.target == VLINE_TO_EL1) {
		sc_expect_el1_exceptions(c);
		if (sc_report(c, VL_REPORT_VECTOR, &vector)) {
			sc_expect_u64(c, "vector_el1", vector, p.vector);
		}
	}
	if (sc_report(c, VL_REPORT_ISR, &isr)) {
		sc_expect_u64(c, "isr_el1", isr & 0xc0, x.isr_i ? 0x80 : 0);
	}
}

SCENARIO(virq_line_phys, .id = "virq.line.phys",
	 .rule = "a physical IRQ pending while the guest runs is taken to EL2 when HCR_EL2.IMO = 1 "
		 "(vector 0x480, whatever the guest's PSTATE.I; the guest's vectors untouched), "
		 "and with IMO = 0, TGE = 0 on the guest's EL1 vector 0x280 when PSTATE.I = 0, "
		 "not within " LINE_WINDOW_RULE " when PSTATE.I = 1 (ISR_EL1.I = 1), and left "
		 "pending (SCR_EL3.IRQ = 0 assumed); with TGE = 1 (E2H = 0) at EL0 it goes to EL2 "
		 "even with IMO = 0",
	 SCENARIO_ROWS(phys_rows), .run = run_line_phys, .control = "HCR_EL2.IMO",
	 .fields = "+-HCR_EL2.IMO");
