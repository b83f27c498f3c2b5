/* SPDX-License-Identifier: MIT */
/*
 * The step machine of virq.maint and virq.leak.maint: one vCPU running guest/virq_maint.S, its
 * virtual interface mirrored by the vGIC oracle (scenarios/model/vgic_model.h), driven one
 * action per step. A step is either the hypervisor's (it edits ICH_HCR_EL2, ICH_VMCR_EL2 or a
 * list register between runs) or the guest's (one ICV_* access); after it the guest spins for
 * the window and yields. The oracle says whether the maintenance interrupt must be asserted:
 * then it must reach EL2 as EXIT_IRQ with the maintenance INTID within the window, else it must
 * not come at all. At each exit ICH_MISR_EL2, ICH_EISR_EL2, ICH_ELRSR_EL2 and
 * ICH_HCR_EL2.EOIcount must read what the oracle computes.
 */
#ifndef SCENARIOS_VIRQ_MAINT_RUN_H
#define SCENARIOS_VIRQ_MAINT_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "scenario.h"
#include "vgic_model.h"
#include "virq_maint.h"

/* How long a step waits for the maintenance interrupt, and proves its absence (guest time). */
#define MAINT_WINDOW_US 20
/* The same, as a string for the rule texts. */
#define MAINT_WINDOW_TEXT MAINT_XSTR(MAINT_WINDOW_US) " us"
#define MAINT_XSTR(x)	  MAINT_STR(x)
#define MAINT_STR(x)	  #x

enum maint_op_kind {
	MOP_END,      /* the end of a row's steps; as a clear: nothing */
	MOP_GUEST,    /* the guest performs .guest (VMAINT_*) with operand .arg */
	MOP_HCR_SET,  /* ICH_HCR_EL2 |= .arg */
	MOP_HCR_CLR,  /* ICH_HCR_EL2 &= ~.arg */
	MOP_VMCR_SET, /* ICH_VMCR_EL2 |= .arg */
	MOP_VMCR_CLR, /* ICH_VMCR_EL2 &= ~.arg */
	MOP_LR,	      /* ICH_LR<.lr>_EL2 = .arg */
	MOP_EOICOUNT, /* ICH_HCR_EL2.EOIcount = .arg */
};

struct maint_op {
	enum maint_op_kind kind;
	unsigned guest; /* MOP_GUEST: VMAINT_* */
	unsigned lr;	/* MOP_LR */
	uint64_t arg;
};

/**
 * struct maint_step - one action and what the EL2 handler does about its interrupt.
 * @op:	   the action.
 * @clear: applied by the handler when the maintenance interrupt arrives (before it deactivates
 *	   the physical interrupt and resumes): it must make the condition false.
 * @storm: interrupts the handler takes with the condition left true before it applies @clear
 *	   (each is deactivated and the guest resumed, so each is a fresh assertion).
 * @abandon: after the last of those, stop: the vCPU is left interrupted with the condition
 *	   true (virq.leak.maint); no step follows.
 */
struct maint_step {
	struct maint_op op;
	struct maint_op clear;
	unsigned storm;
	bool abandon;
};

/* Steps of a row, for the readers of the tables. */
#define M_GUEST(o, a)	 ((struct maint_op){MOP_GUEST, VMAINT_##o, 0, (a)})
#define M_HCR_SET(bits)	 ((struct maint_op){MOP_HCR_SET, 0, 0, (bits)})
#define M_HCR_CLR(bits)	 ((struct maint_op){MOP_HCR_CLR, 0, 0, (bits)})
#define M_VMCR_SET(bits) ((struct maint_op){MOP_VMCR_SET, 0, 0, (bits)})
#define M_VMCR_CLR(bits) ((struct maint_op){MOP_VMCR_CLR, 0, 0, (bits)})
#define M_LR(n, v)	 ((struct maint_op){MOP_LR, 0, (n), (v)})
#define M_EOICOUNT(n)	 ((struct maint_op){MOP_EOICOUNT, 0, 0, (n)})
#define M_NOTHING	 ((struct maint_op){MOP_END, 0, 0, 0})

/* A Group 1 (or 0) HW = 0 list register in state @st (1 pending, 2 active, 3 both). */
#define M_LRV(st, grp, prio, vintid, eoi)                                                          \
	((uint64_t)(st) << 62 | (uint64_t)(grp) << 60 | (uint64_t)(eoi) << 41 |                    \
	 (uint64_t)(prio) << 48 | (vintid))

#define MAINT_ROW_LRS	4
#define MAINT_ROW_STEPS 8

/** A vCPU's configuration at entry and its steps, as the rows give them. */
struct maint_setup {
	unsigned lrs; /* list registers the row needs (and loads from @lr) */
	uint64_t hcr, vmcr;
	uint64_t lr[MAINT_ROW_LRS];
	struct maint_step step[MAINT_ROW_STEPS]; /* up to the first MOP_END */
};

/** One vCPU under the step machine. */
struct maint_vcpu {
	struct scenario_ctx *c;
	struct vcpu *v;
	struct vgic_state model; /* what the virtual interface must hold */
	unsigned irqs;		 /* maintenance interrupts taken so far */
	bool abandoned;		 /* stopped on purpose with state left (virq.leak.maint) */
};

/** The SKIP reason for a row that needs @lrs list registers, or NULL (no GICv3, no PPI, ...). */
const char *maint_requires(unsigned lrs, char *why, size_t len);

/** Enable (@on) or disable the maintenance PPI at this PE's redistributor, for one instance. */
void maint_irq(bool on);

/**
 * maint_vcpu_start() - a vCPU running gp_vmaint in a fresh VM (@vm NULL: the instance's first,
 * else a further vCPU on @vm or a new VM with sc_add_vm()), with ICH_HCR_EL2 @hcr,
 * ICH_VMCR_EL2 @vmcr and the first @lrs list registers @lr at entry; runs it to its first yield,
 * checked as step 0. Return: false with the instance failed.
 */
bool maint_vcpu_start(struct maint_vcpu *m, struct scenario_ctx *c, struct vm *vm, uint64_t hcr,
		      uint64_t vmcr, const uint64_t *lr, unsigned lrs);

/** maint_step() - step @index of a row. Return: false with the instance failed. */
bool maint_step(struct maint_vcpu *m, const struct maint_step *st, unsigned index);

/**
 * maint_run_setup() - maint_vcpu_start() with @s's entry state, then its steps. Return: false
 * with the instance failed; true also when a step abandoned the vCPU on purpose.
 */
bool maint_run_setup(struct maint_vcpu *m, struct scenario_ctx *c, struct vm *vm,
		     const struct maint_setup *s);

/** maint_vcpu_finish() - the guest returns through the ABI: the run ends cleanly. */
bool maint_vcpu_finish(struct maint_vcpu *m);

#endif
