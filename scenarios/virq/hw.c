/* SPDX-License-Identifier: MIT */
/*
 * virq.hw.*: a list register with HW = 1 linked to a physical interrupt (IHI 0069, ICH_LR<n>_EL2
 * HW and pINTID; VirtualWriteEOIR0/1() and VirtualWriteDIR() deactivate the pINTID with the
 * vINTID). The physical source is one of this PE's SGIs or PPIs, made pending before entry, or
 * the EL1 virtual timer (PPI 27 on QEMU virt, the DTB's), which the guest itself fires while it
 * runs. With HCR_EL2.IMO = 1 it is taken at EL2 (EXIT_IRQ with its INTID); the vmm has
 * acknowledged it and dropped its priority, so it must be active. The scenario then puts it in
 * LR 0 (pending, vINTID of the row) and resumes; the guest takes the virtual interrupt on its own
 * vector, acknowledges it and ends it with ICV_EOIR<g>_EL1 (VEOIM = 0) or EOIR + ICV_DIR_EL1
 * (VEOIM = 1), silencing the timer first where that is the source.
 *
 * Afterwards the physical INTID must be inactive in the redistributor exactly when the oracle's
 * deactivation reached an LR with HW = 1 and a pINTID below 1020: with HW = 0, with VEOIM = 1
 * and no DIR, with the LR evicted before the EOI (EOIcount + 1), or with pINTID 1023 (a special
 * INTID: nothing to deactivate) it must stay active, and the scenario deactivates it itself. The
 * LR, APRs and ICV_* values the guest read are checked as in virq.eoi.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "gic.h"
#include "platform.h"
#include "vgic_script_run.h"

#define HW_TIMER 0xffu /* row source: the EL1 virtual timer's PPI from the DTB */
#define HW_WAIT	 64    /* VS_WAIT window: 64 * VS_WAIT_UNIT guest loop iterations */

struct hw_row {
	const char *name;
	unsigned source; /* the physical SGI/PPI INTID, or HW_TIMER */
	bool hw;	 /* LR.HW */
	unsigned pintid; /* LR.pINTID when not the source's own (0: the source's) */
	unsigned group;	 /* the LR's (virtual) group */
	unsigned vintid;
	uint64_t vmcr;
	uint16_t ops[VS_OPS_MAX];
	bool evict; /* at the script's VS_SYNC the host clears LR 0; always: checks the pINTID */
};

#define WAIT	    VS_OP(VS_WAIT, HW_WAIT)
#define IAR(g)	    VS_OP((g) ? VS_IAR1 : VS_IAR0, 0)
#define EOIR(g, id) VS_OP((g) ? VS_EOIR1 : VS_EOIR0, id)
#define DIR(id)	    VS_OP(VS_DIR, id)
#define RPR	    VS_OP(VS_RPR, 0)
#define SYNC	    VS_OP(VS_SYNC, 0)
#define CNTV(ctl)   VS_OP(VS_CNTV_CTL, ctl)
#define VEOIM1	    (VS_VMCR | ICH_VMCR_VEOIM)

/* The guest kernel's path: take the vIRQ, acknowledge, end it (VEOIM = 0, or EOIR + DIR). */
#define HANDLE0(g, id)                                                                             \
	{                                                                                          \
		WAIT, IAR(g), RPR, EOIR(g, id), RPR                                                \
	}
#define HANDLE1(g, id)                                                                             \
	{                                                                                          \
		WAIT, IAR(g), EOIR(g, id), RPR, DIR(id), RPR                                       \
	}
/* The timer: the guest enables it (CVAL 0: it fires at once), handles it, silences it first. */
#define TIMER0(id)                                                                                 \
	{                                                                                          \
		CNTV(CNT_CTL_ENABLE), WAIT, IAR(1), CNTV(0), EOIR(1, id), RPR                      \
	}

#define TIMER1(id)                                                                                 \
	{                                                                                          \
		CNTV(CNT_CTL_ENABLE), WAIT, IAR(1), CNTV(0), EOIR(1, id), DIR(id), RPR             \
	}

/* A physical SGI, sent to this PE before entry. */
static const struct hw_row sgi_rows[] = {
	{"[sgi=1,hw=1,veoim=0]", 1, true, .group = 1, .vintid = 40, VS_VMCR, HANDLE0(1, 40)},
	{"[sgi=1,hw=1,veoim=1,eoir+dir]", 1, true, .group = 1, .vintid = 40, VEOIM1,
	 HANDLE1(1, 40)},
	{"[sgi=1,hw=1,veoim=1,eoir-only]",
	 1,
	 true,
	 .group = 1,
	 .vintid = 40,
	 VEOIM1,
	 {WAIT, IAR(1), EOIR(1, 40), RPR}},
	{"[sgi=1,hw=0,veoim=0]", 1, false, .group = 1, .vintid = 40, VS_VMCR, HANDLE0(1, 40)},
	{"[sgi=1,hw=0,veoim=1,eoir+dir]", 1, false, .group = 1, .vintid = 40, VEOIM1,
	 HANDLE1(1, 40)},
	{"[sgi=15,hw=1,vintid=15]", 15, true, .group = 1, .vintid = 15, VS_VMCR, HANDLE0(1, 15)},
	{"[sgi=2,hw=1,vgroup=0]", 2, true, .group = 0, .vintid = 41, VS_VMCR, HANDLE0(0, 41)},
	/* The host evicts the LR between acknowledge and EOI: EOIcount + 1, no deactivation. */
	{"[sgi=3,hw=1,evicted]",
	 3,
	 true,
	 .group = 1,
	 .vintid = 40,
	 VS_VMCR,
	 {WAIT, IAR(1), SYNC, EOIR(1, 40), RPR},
	 .evict = true},
	/* The pINTID stays active between EOIR and DIR, and is inactive right after a DIR. */
	{"[sgi=5,hw=1,veoim=1,active-until-dir]",
	 5,
	 true,
	 .group = 1,
	 .vintid = 40,
	 VEOIM1,
	 {WAIT, IAR(1), EOIR(1, 40), RPR, SYNC, DIR(40), RPR}},
	{"[sgi=6,hw=1,veoim=1,dir-before-eoir]",
	 6,
	 true,
	 .group = 1,
	 .vintid = 40,
	 VEOIM1,
	 {WAIT, IAR(1), DIR(40), SYNC, RPR, EOIR(1, 40), RPR}},
	{"[sgi=4,hw=1,pintid=1023]", 4, true, .pintid = 1023, .group = 1, .vintid = 40, VS_VMCR,
	 HANDLE0(1, 40)},
};

/* A PPI without a device behind it, made pending through GICR_ISPENDR0 before entry. */
static const struct hw_row ppi_rows[] = {
	{"[ppi=20,hw=1,veoim=0]", 20, true, .group = 1, .vintid = 52, VS_VMCR, HANDLE0(1, 52)},
	{"[ppi=20,hw=1,veoim=1,eoir+dir]", 20, true, .group = 1, .vintid = 52, VEOIM1,
	 HANDLE1(1, 52)},
	{"[ppi=20,hw=0,veoim=0]", 20, false, .group = 1, .vintid = 52, VS_VMCR, HANDLE0(1, 52)},
};

/* The EL1 virtual timer, which the guest fires while it runs. */
static const struct hw_row vtimer_rows[] = {
	{"[hw=1,veoim=0]", HW_TIMER, true, .group = 1, .vintid = 27, VS_VMCR, TIMER0(27)},
	{"[hw=1,veoim=1,eoir+dir]", HW_TIMER, true, .group = 1, .vintid = 27, VEOIM1, TIMER1(27)},
	{"[hw=0,veoim=0]", HW_TIMER, false, .group = 1, .vintid = 27, VS_VMCR, TIMER0(27)},
};

static unsigned hw_source(const struct hw_row *w)
{
	return w->source == HW_TIMER ? platform.timer_intid_virt : w->source;
}

static const char *hw_requires(const void *row, char *why, size_t len)
{
	const struct hw_row *w = row;
	const char *missing = vs_requires(1, why, len);

	if (!missing && w->source == HW_TIMER &&
	    (platform.timer_intid_virt < 16 || platform.timer_intid_virt >= 32)) {
		snprintf(why, len, "needs the EL1 virtual timer's PPI in the DTB (INTID %u)",
			 platform.timer_intid_virt);
		return why;
	}
	/* A PPI row's INTID must be free: no timer or maintenance interrupt the DTB names. */
	if (!missing && w->source >= 16 && w->source < 32 &&
	    (w->source == platform.timer_intid_sec_phys || w->source == platform.timer_intid_phys ||
	     w->source == platform.timer_intid_virt || w->source == platform.timer_intid_hyp ||
	     w->source == gic_maint_intid())) {
		snprintf(why, len,
			 "needs PPI INTID %u unused, but the DTB gives it a timer or the "
			 "maintenance interrupt",
			 w->source);
		return why;
	}
	return missing;
}

/* Leave the physical interrupt as the harness had it: disabled, not pending, not active. */
static void hw_cleanup(const struct hw_row *w, unsigned p)
{
	if (w->source == HW_TIMER) {
		write_cntv_ctl_el0(0); /* the vCPU's timer, if the guest left it firing */
		isb();
	}
	gic_irq_enable(p, false);
	gic_irq_set_pending(p, false);
	if (gic_irq_active(p)) {
		gic_deactivate(p);
	}
}

/* Make the source pending (the timer: the guest enables it) and run to its exit at EL2. */
static bool hw_take_physical(struct scenario_ctx *c, const struct hw_row *w, unsigned p)
{
	struct exit e;

	gic_irq_enable(p, true);
	if (w->source == HW_TIMER) {
		/* the guest's first op enables CNTV */
	} else if (p < 16) {
		gic_sgi_to_self(p);
	} else {
		gic_irq_set_pending(p, true);
	}
	e = sc_run(c);
	if (!sc_expect_reason(c, &e, EXIT_IRQ)) {
		return false;
	}
	gic_irq_enable(p, false);
	return sc_expect_u64(c, "physical intid taken at EL2", e.intid & 0x3ff, p) &&
	       sc_expect_u64(c, "physical active after the exit", gic_irq_active(p), 1);
}

static void run_hw(struct scenario_ctx *c, const void *row)
{
	const struct hw_row *w = row;
	unsigned p = hw_source(w);
	struct vs_run r;
	struct exit e;
	bool ok = true;

	if (!vs_start(&r, c, w->ops, w->vmcr, ICH_HCR_EN)) {
		return;
	}
	if (hw_take_physical(c, w, p)) {
		vs_set_lr(&r, 0,
			  &(struct vgic_lr){.state = VGIC_LR_PENDING,
					    .hw = w->hw,
					    .group = w->group,
					    .priority = 0xa0,
					    .vintid = w->vintid,
					    .pintid = w->pintid ? w->pintid : p});
		e = sc_run(c);
		if (vs_sync_index(&r, 0) < VS_OPS_MAX) {
			ok = vs_expect_sync(&r, &e) &&
			     vs_expect_physical(&r, 1u << p, gic_irq_active(p) ? 0 : 1u << p);
			if (ok && w->evict) {
				vs_set_lr(&r, 0, &(struct vgic_lr){0});
			}
			e = ok ? sc_run(c) : e;
		}
		if (ok && sc_expect_done(c, &e, 0)) {
			vs_finish(&r, 1u << p, gic_irq_active(p) ? 0 : 1u << p);
		}
	}
	hw_cleanup(w, p);
}

/* The rule every family shares; each adds its physical source. */
#define HW_RULE                                                                                    \
	" taken at EL2 with HCR_EL2.IMO = 1 is acknowledged and stays active; injected through "   \
	"an LR with HW = 1, the guest's deactivation of the vINTID (ICV_EOIR<g>_EL1 with VEOIM = " \
	"0, ICV_DIR_EL1 with VEOIM = 1) deactivates the pINTID (below 1020); with HW = 0, the LR " \
	"evicted before the EOI, VEOIM = 1 without DIR or pINTID 1023 it stays active (IHI 0069 "  \
	"ICH_LR<n>_EL2, VirtualWriteEOIR, VirtualWriteDIR); the LRs, APRs, RPR and EOIcount are "  \
	"what the vGIC oracle permits; the guest's window for the vIRQ is 64 * 1024 loop "         \
	"iterations"
#define HW_FAMILY(rows) SCENARIO_ROWS(rows), .requires = hw_requires, .run = run_hw

SCENARIO(virq_hw_ppi, .id = "virq.hw.ppi", .rule = "a physical PPI made pending" HW_RULE,
	 HW_FAMILY(ppi_rows), .fields = "+-ICH_VMCR_EL2.VEOIM");
SCENARIO(virq_hw_sgi, .id = "virq.hw.sgi", .rule = "a physical SGI sent to self" HW_RULE,
	 HW_FAMILY(sgi_rows));
SCENARIO(virq_hw_vtimer, .id = "virq.hw.vtimer",
	 .rule = "the EL1 virtual timer's PPI, fired by the guest (CNTV_CTL_EL0.ENABLE, CVAL 0) "
		 "and silenced before its EOI," HW_RULE,
	 HW_FAMILY(vtimer_rows));
