/* SPDX-License-Identifier: MIT */
/*
 * virq.maint.*: every maintenance interrupt source of ICH_HCR_EL2, set and cleared, with the
 * exact ICH_MISR_EL2, ICH_EISR_EL2, ICH_ELRSR_EL2 and ICH_HCR_EL2.EOIcount after each step,
 * and the maintenance PPI (from the DTB) at EL2 when, and only when, ICH_HCR_EL2.En = 1 and a
 * condition holds (IHI 0069, the ICH_HCR_EL2, ICH_MISR_EL2, ICH_EISR_EL2 and ICH_ELRSR_EL2
 * register descriptions). Each row is one guest (guest/virq_maint.S) driven through the step
 * machine of maint_run.c: the hypervisor edits the interface between runs or the guest does
 * one ICV_* access, then spins MAINT_WINDOW_US in which the interrupt must come or provably
 * does not. The EL2 handler clears the condition the way a hypervisor does (the row says how:
 * the enable bit, a refilled or emptied list register, EOIcount back to 0, the group enable)
 * before it deactivates the PPI, and the rest of the window shows the interrupt gone.
 */
#include "arch/el2.h"
#include "gic_model.h"
#include "maint_run.h"

/* VPMR: every priority unmasked; Group 1 enabled (Group 0 where a row says so). */
#define VMCR_BASE (ICH_VMCR_VPMR(0xff) | ICH_VMCR_VENG1)

/* List registers (HW = 0): Group 1 pending, with the EOI bit, pending and active, active. */
#define P1(prio, id)  M_LRV(1, 1, prio, id, 0)
#define P1E(prio, id) M_LRV(1, 1, prio, id, 1)
#define PA1(prio, id) M_LRV(3, 1, prio, id, 0)
#define A1(prio, id)  M_LRV(2, 1, prio, id, 0)

/* A step that must not raise the interrupt, and one that must, with the handler's clear. */
#define NO(op)                                                                                     \
	{                                                                                          \
		(op), M_NOTHING, 0, false                                                          \
	}
#define IRQ(op, clear)                                                                             \
	{                                                                                          \
		(op), (clear), 0, false                                                            \
	}

struct maint_row {
	const char *name;
	struct maint_setup s;
};

static const char *maint_row_requires(const void *row, char *why, size_t len)
{
	return maint_requires(((const struct maint_row *)row)->s.lrs, why, len);
}

static void run_maint(struct scenario_ctx *c, const void *row)
{
	const struct maint_row *r = row;
	struct maint_vcpu m;

	maint_irq(true);
	if (maint_run_setup(&m, c, NULL, &r->s)) {
		maint_vcpu_finish(&m);
	}
	maint_irq(false);
}

/* clang-format off */
static const struct maint_row uie_rows[] = {
	{"[none-valid]", {2, ICH_HCR_EN, VMCR_BASE, {0}, {
		IRQ(M_HCR_SET(ICH_HCR_UIE), M_HCR_CLR(ICH_HCR_UIE)),
		NO(M_LR(0, P1(0x80, 40))),
		IRQ(M_HCR_SET(ICH_HCR_UIE), M_LR(1, P1(0x40, 41))), /* one valid: refill */
		NO(M_GUEST(IAR1, 0)),
		IRQ(M_GUEST(EOIR1, 41), M_HCR_CLR(ICH_HCR_UIE)),
	}}},
	{"[two-valid]", {2, ICH_HCR_EN, VMCR_BASE, {P1(0x80, 40), P1(0x40, 41)}, {
		NO(M_HCR_SET(ICH_HCR_UIE)),
		NO(M_GUEST(IAR1, 0)),
		IRQ(M_GUEST(EOIR1, 41), M_LR(1, P1(0x40, 42))),
		NO(M_GUEST(IAR1, 0)),
		NO(M_HCR_CLR(ICH_HCR_UIE)),
		NO(M_GUEST(EOIR1, 42)),
	}}},
	{"[active-counts]", {2, ICH_HCR_EN, VMCR_BASE, {P1(0x80, 40), A1(0x60, 41)}, {
		NO(M_HCR_SET(ICH_HCR_UIE)),
		IRQ(M_LR(1, 0), M_HCR_CLR(ICH_HCR_UIE)),
	}}},
	{"[en=0]", {1, 0, VMCR_BASE, {0}, {
		NO(M_HCR_SET(ICH_HCR_UIE)),
		IRQ(M_HCR_SET(ICH_HCR_EN), M_HCR_CLR(ICH_HCR_UIE)),
	}}},
};

static const struct maint_row lrenp_rows[] = {
	/* The LR of an active interrupt was reused: its EOI finds no LR. */
	{"[eoir-no-lr]", {1, ICH_HCR_EN | ICH_HCR_LRENPIE, VMCR_BASE, {P1(0x80, 40)}, {
		NO(M_GUEST(IAR1, 0)),
		NO(M_LR(0, 0)),
		IRQ(M_GUEST(EOIR1, 40), M_EOICOUNT(0)),
	}}},
	{"[dir-no-lr]", {1, ICH_HCR_EN, VMCR_BASE | ICH_VMCR_VEOIM, {0}, {
		NO(M_GUEST(DIR, 50)),
		NO(M_GUEST(DIR, 51)),
		IRQ(M_HCR_SET(ICH_HCR_LRENPIE), M_EOICOUNT(0)),
		IRQ(M_GUEST(DIR, 52), M_HCR_CLR(ICH_HCR_LRENPIE)),
		NO(M_EOICOUNT(0)),
	}}},
	{"[en=0]", {1, ICH_HCR_LRENPIE, VMCR_BASE, {0}, {
		NO(M_EOICOUNT(3)),
		IRQ(M_HCR_SET(ICH_HCR_EN), M_EOICOUNT(0)),
		IRQ(M_EOICOUNT(1), M_HCR_CLR(ICH_HCR_LRENPIE)),
		NO(M_HCR_CLR(ICH_HCR_EN)),
		NO(M_HCR_SET(ICH_HCR_LRENPIE)),
		NO(M_EOICOUNT(0)),
	}}},
};

static const struct maint_row np_rows[] = {
	{"[no-pending]", {2, ICH_HCR_EN, VMCR_BASE, {0}, {
		IRQ(M_HCR_SET(ICH_HCR_NPIE), M_HCR_CLR(ICH_HCR_NPIE)),
		NO(M_LR(0, P1(0x80, 40))),
		NO(M_HCR_SET(ICH_HCR_NPIE)),
		IRQ(M_GUEST(IAR1, 0), M_LR(1, P1(0x40, 41))), /* refill */
		IRQ(M_GUEST(IAR1, 0), M_HCR_CLR(ICH_HCR_NPIE)),
	}}},
	/* Pending and active is not the pending state. */
	{"[pending-active]", {1, ICH_HCR_EN, VMCR_BASE, {PA1(0x80, 40)}, {
		IRQ(M_HCR_SET(ICH_HCR_NPIE), M_HCR_CLR(ICH_HCR_NPIE)),
	}}},
	/* A pending LR of a disabled group is still in the Pending state. */
	{"[pending-grp-off]", {1, ICH_HCR_EN, VMCR_BASE, {M_LRV(1, 0, 0x80, 40, 0)}, {
		NO(M_HCR_SET(ICH_HCR_NPIE)),
		IRQ(M_LR(0, 0), M_HCR_CLR(ICH_HCR_NPIE)),
	}}},
	{"[en=0]", {1, 0, VMCR_BASE, {0}, {
		NO(M_HCR_SET(ICH_HCR_NPIE)),
		IRQ(M_HCR_SET(ICH_HCR_EN), M_HCR_CLR(ICH_HCR_NPIE)),
	}}},
};

/* Each group's enable and disable sources, the group switched by the guest or the hypervisor. */
static const struct maint_row vgrp_rows[] = {
	{"[grp0-enable,igrpen]", {1, ICH_HCR_EN, VMCR_BASE, {0}, {
		NO(M_HCR_SET(ICH_HCR_VGRP0EIE)),
		IRQ(M_GUEST(IGRPEN0, 1), M_HCR_CLR(ICH_HCR_VGRP0EIE)),
		NO(M_GUEST(IGRPEN0, 0)),
	}}},
	{"[grp0-enable,vmcr]", {1, ICH_HCR_EN, VMCR_BASE, {0}, {
		NO(M_HCR_SET(ICH_HCR_VGRP0EIE)),
		IRQ(M_VMCR_SET(ICH_VMCR_VENG0), M_VMCR_CLR(ICH_VMCR_VENG0)),
	}}},
	{"[grp0-disable,igrpen]", {1, ICH_HCR_EN, VMCR_BASE | ICH_VMCR_VENG0, {0}, {
		NO(M_HCR_SET(ICH_HCR_VGRP0DIE)),
		IRQ(M_GUEST(IGRPEN0, 0), M_HCR_CLR(ICH_HCR_VGRP0DIE)),
		NO(M_GUEST(IGRPEN0, 1)),
	}}},
	{"[grp0-disable,vmcr]", {1, ICH_HCR_EN, VMCR_BASE | ICH_VMCR_VENG0, {0}, {
		NO(M_VMCR_CLR(ICH_VMCR_VENG0)),
		IRQ(M_HCR_SET(ICH_HCR_VGRP0DIE), M_VMCR_SET(ICH_VMCR_VENG0)),
	}}},
	/* Group 0 enabled, Group 1 disabled: only Group 1's disable source holds. */
	{"[grp0-disable,grp1-off]", {1, ICH_HCR_EN, ICH_VMCR_VPMR(0xff) | ICH_VMCR_VENG0, {0}, {
		NO(M_HCR_SET(ICH_HCR_VGRP0DIE)),
		IRQ(M_HCR_SET(ICH_HCR_VGRP1DIE), M_HCR_CLR(ICH_HCR_VGRP1DIE)),
	}}},
	{"[grp1-enable,igrpen]", {1, ICH_HCR_EN, ICH_VMCR_VPMR(0xff), {0}, {
		NO(M_HCR_SET(ICH_HCR_VGRP1EIE)),
		IRQ(M_GUEST(IGRPEN1, 1), M_HCR_CLR(ICH_HCR_VGRP1EIE)),
		NO(M_GUEST(IGRPEN1, 0)),
	}}},
	{"[grp1-enable,vmcr]", {1, ICH_HCR_EN, ICH_VMCR_VPMR(0xff), {0}, {
		NO(M_HCR_SET(ICH_HCR_VGRP1EIE)),
		IRQ(M_VMCR_SET(ICH_VMCR_VENG1), M_VMCR_CLR(ICH_VMCR_VENG1)),
	}}},
	{"[grp1-disable,igrpen]", {1, ICH_HCR_EN, VMCR_BASE, {0}, {
		NO(M_HCR_SET(ICH_HCR_VGRP1DIE)),
		IRQ(M_GUEST(IGRPEN1, 0), M_HCR_CLR(ICH_HCR_VGRP1DIE)),
		NO(M_GUEST(IGRPEN1, 1)),
	}}},
	{"[grp1-disable,vmcr]", {1, ICH_HCR_EN, VMCR_BASE, {0}, {
		NO(M_VMCR_CLR(ICH_VMCR_VENG1)),
		IRQ(M_HCR_SET(ICH_HCR_VGRP1DIE), M_VMCR_SET(ICH_VMCR_VENG1)),
	}}},
	{"[all,en=0]", {1, 0, VMCR_BASE, {0}, {
		NO(M_HCR_SET(ICH_HCR_VGRP0DIE | ICH_HCR_VGRP1EIE)),
		IRQ(M_HCR_SET(ICH_HCR_EN), M_HCR_CLR(ICH_HCR_VGRP0DIE | ICH_HCR_VGRP1EIE)),
		NO(M_HCR_SET(ICH_HCR_VGRP0EIE | ICH_HCR_VGRP1DIE)),
	}}},
};

static const struct maint_row eoi_rows[] = {
	{"[eoi=1,veoim=0]", {1, ICH_HCR_EN, VMCR_BASE, {P1E(0x80, 40)}, {
		NO(M_GUEST(IAR1, 0)),
		IRQ(M_GUEST(EOIR1, 40), M_LR(0, 0)),
	}}},
	{"[eoi=0]", {1, ICH_HCR_EN, VMCR_BASE, {P1(0x80, 40)}, {
		NO(M_GUEST(IAR1, 0)),
		NO(M_GUEST(EOIR1, 40)),
	}}},
	{"[eoi=1,veoim=1]", {1, ICH_HCR_EN, VMCR_BASE | ICH_VMCR_VEOIM, {P1E(0x80, 40)}, {
		NO(M_GUEST(IAR1, 0)),
		NO(M_GUEST(EOIR1, 40)),
		IRQ(M_GUEST(DIR, 40), M_LR(0, 0)),
	}}},
	{"[grp0]", {1, ICH_HCR_EN, VMCR_BASE | ICH_VMCR_VENG0, {M_LRV(1, 0, 0x80, 40, 1)}, {
		NO(M_GUEST(IAR0, 0)),
		IRQ(M_GUEST(EOIR0, 40), M_LR(0, 0)),
	}}},
	{"[two-lrs]", {2, ICH_HCR_EN, VMCR_BASE, {P1E(0x80, 40), P1(0x40, 41)}, {
		NO(M_GUEST(IAR1, 0)),
		NO(M_GUEST(EOIR1, 41)),
		NO(M_GUEST(IAR1, 0)),
		IRQ(M_GUEST(EOIR1, 40), M_LR(0, 0)),
	}}},
	/* Deactivating a pending and active LR leaves it pending: no EOI maintenance yet. */
	{"[pending-active]", {1, ICH_HCR_EN, VMCR_BASE | ICH_VMCR_VEOIM,
			      {M_LRV(3, 1, 0x80, 40, 1)}, {
		NO(M_GUEST(DIR, 40)),
		NO(M_GUEST(IAR1, 0)),
		NO(M_GUEST(EOIR1, 40)),
		IRQ(M_GUEST(DIR, 40), M_LR(0, 0)),
	}}},
	/* The hypervisor writes an invalid LR with EOI = 1: ICH_EISR_EL2 shows it at once. */
	{"[en=0]", {1, 0, VMCR_BASE, {0}, {
		NO(M_LR(0, M_LRV(0, 1, 0x80, 40, 1))),
		IRQ(M_HCR_SET(ICH_HCR_EN), M_LR(0, 0)),
	}}},
};

/* The condition left true: the interrupt comes again after every deactivation and resume. */
static const struct maint_row storm_rows[] = {
	{"[uie]", {1, ICH_HCR_EN, VMCR_BASE, {0}, {
		{M_HCR_SET(ICH_HCR_UIE), M_HCR_CLR(ICH_HCR_UIE), 4, false},
	}}},
	{"[eoi]", {1, ICH_HCR_EN, VMCR_BASE, {P1E(0x80, 40)}, {
		NO(M_GUEST(IAR1, 0)),
		{M_GUEST(EOIR1, 40), M_LR(0, 0), 4, false},
	}}},
};

/* Several sources at once: one interrupt, every condition in ICH_MISR_EL2. */
#define MULTI_IE (ICH_HCR_UIE | ICH_HCR_NPIE | ICH_HCR_LRENPIE)
static const struct maint_row multi_rows[] = {
	{"[u+np+lrenp]", {1, ICH_HCR_EN, VMCR_BASE, {0}, {
		NO(M_EOICOUNT(2)),
		IRQ(M_HCR_SET(MULTI_IE), M_HCR_CLR(MULTI_IE)),
	}}},
	/* The EOI that empties LR0 also leaves one LR valid; En = 0 deasserts both. */
	{"[eoi+u]", {2, ICH_HCR_EN | ICH_HCR_UIE, VMCR_BASE, {P1E(0x40, 40), P1(0x80, 41)}, {
		NO(M_GUEST(IAR1, 0)),
		IRQ(M_GUEST(EOIR1, 40), M_HCR_CLR(ICH_HCR_EN)),
	}}},
};
/* clang-format on */

/* What every family checks besides its own condition. */
#define MAINT_RULE_TAIL                                                                            \
	"; the maintenance PPI reaches EL2 iff ICH_HCR_EL2.En = 1 and ICH_MISR_EL2 != 0 (within "  \
	"a " MAINT_WINDOW_TEXT                                                                     \
	" window, absent for all of it otherwise); ICH_MISR/EISR/ELRSR_EL2 "                       \
	"and EOIcount as the vGIC oracle (IHI 0069) computes after each step"

SCENARIO(virq_maint_uie, .id = "virq.maint.uie",
	 .rule = "ICH_MISR_EL2.U = ICH_HCR_EL2.UIE and at most one list register valid (any state "
		 "but Invalid)" MAINT_RULE_TAIL,
	 SCENARIO_ROWS(uie_rows), .requires = maint_row_requires, .run = run_maint,
	 .fields = "+-ICH_HCR_EL2.UIE");

SCENARIO(virq_maint_lrenp, .id = "virq.maint.lrenp",
	 .rule = "ICH_MISR_EL2.LRENP = ICH_HCR_EL2.LRENPIE and EOIcount != 0; an ICV_EOIR (with an "
		 "active priority) or ICV_DIR (VEOIM = 1) of a vINTID no list register holds "
		 "increments EOIcount" MAINT_RULE_TAIL,
	 SCENARIO_ROWS(lrenp_rows), .requires = maint_row_requires, .run = run_maint,
	 .fields = "+-ICH_HCR_EL2.LRENPIE");

SCENARIO(virq_maint_np, .id = "virq.maint.np",
	 .rule = "ICH_MISR_EL2.NP = ICH_HCR_EL2.NPIE and no list register in the Pending state "
		 "(Pending and Active is not Pending)" MAINT_RULE_TAIL,
	 SCENARIO_ROWS(np_rows), .requires = maint_row_requires, .run = run_maint,
	 .fields = "+-ICH_HCR_EL2.NPIE");

SCENARIO(virq_maint_vgrp, .id = "virq.maint.vgrp",
	 .rule = "ICH_MISR_EL2.VGrp<g>E = ICH_HCR_EL2.VGrp<g>EIE and ICH_VMCR_EL2.VENG<g> = 1, "
		 "VGrp<g>D = VGrp<g>DIE and VENG<g> = 0, VENG<g> written by the hypervisor or by "
		 "the guest's ICV_IGRPEN<g>_EL1 (its alias)" MAINT_RULE_TAIL,
	 SCENARIO_ROWS(vgrp_rows), .requires = maint_row_requires, .run = run_maint,
	 .fields = "+-ICH_HCR_EL2.VGrp0EIE +-ICH_HCR_EL2.VGrp0DIE "
		   "+-ICH_HCR_EL2.VGrp1EIE +-ICH_HCR_EL2.VGrp1DIE");

SCENARIO(virq_maint_eoi, .id = "virq.maint.eoi",
	 .rule = "ICH_EISR_EL2 bit n = ICH_LR<n>_EL2 Invalid with HW = 0 and EOI = 1 (set when the "
		 "guest's EOI or DIR deactivates it), ICH_ELRSR_EL2 bit n = Invalid and not such; "
		 "ICH_MISR_EL2.EOI = ICH_EISR_EL2 != 0" MAINT_RULE_TAIL,
	 SCENARIO_ROWS(eoi_rows), .requires = maint_row_requires, .run = run_maint,
	 .fields = "+-ICH_VMCR_EL2.VEOIM");

SCENARIO(virq_maint_storm, .id = "virq.maint.storm",
	 .rule = "a maintenance condition left true asserts the interrupt again after each "
		 "deactivation (4 times), and no more once the handler clears it" MAINT_RULE_TAIL,
	 SCENARIO_ROWS(storm_rows), .requires = maint_row_requires, .run = run_maint);

SCENARIO(virq_maint_multi, .id = "virq.maint.multi",
	 .rule = "several conditions at once: ICH_MISR_EL2 shows each, one maintenance "
		 "interrupt, deasserted when every one is cleared or ICH_HCR_EL2.En = "
		 "0" MAINT_RULE_TAIL,
	 SCENARIO_ROWS(multi_rows), .requires = maint_row_requires, .run = run_maint);
