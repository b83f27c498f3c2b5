/* SPDX-License-Identifier: MIT */
/*
 * The EL2 side of a vCPU that runs on another PE of a cross-PE vSGI instance (smp.vsgi.*): the
 * loop a vmm runs there (run, and on a kick exit load what the sender's PE posted into the
 * list registers and re-enter), and the physical kick SGI's set-up and clean-up on that PE.
 * Everything here runs on that PE (sc_on_pe()); it records what happened for the instance's
 * PE 0 to check, and calls no sc_*() function.
 */
#ifndef SCENARIOS_SMP_VSGI_PE_H
#define SCENARIOS_SMP_VSGI_PE_H

#include <stdbool.h>
#include <stdint.h>

#include "vgic_model.h"
#include "vmm.h"

/* The physical SGI that kicks a PE (any SGI: the harness uses none). */
#define VSGI_KICK_SGI 9
/*
 * Bounds of a wait for an SGI on this PE (vsgi_wait_sgi()): it ends VSGI_GRACE_MS after the
 * sender said it is done (under a loaded host the sender's PE may not run for a while before
 * that, which is not the SGI's fault), and in any case after VSGI_WAIT_CAP_MS.
 */
#define VSGI_GRACE_MS	 200
#define VSGI_WAIT_CAP_MS 3000
/* Most vcpu_run() calls of one loop: each kick and each trapped WFI takes one. */
#define VSGI_RUNS_MAX 16

/** One remote vCPU and what its PE saw. */
struct vsgi_pe {
	struct vcpu *v;
	bool wfi_block;	     /* HCR_EL2.TWI: a trapped WFI blocks at EL2 until the kick */
	struct vgic_lr lr;   /* the LR template (state, group, priority) of a posted vSGI */
	struct vgic_vtr vtr; /* ICH_VTR_EL2 as the oracle decodes it */
	/* Posted by the sender's PE before it kicks (bit n: vINTID n pending), taken here. */
	volatile uint32_t pending;
	volatile uint32_t blocked;  /* 1 while the loop waits at EL2 in a trapped WFI */
	volatile uint32_t released; /* the sender's PE is done sending (vsgi_wait_sgi()) */
	/* What the loop saw. */
	struct exit last;     /* the exit that ended it (EXIT_NONE: VSGI_RUNS_MAX runs) */
	unsigned runs;	      /* vcpu_run() calls */
	unsigned kicks;	      /* kick exits (EXIT_IRQ with VSGI_KICK_SGI) */
	unsigned block_kicks; /* kicks taken at EL2 while blocked in a trapped WFI */
	unsigned wfx;	      /* trapped WFIs */
	unsigned bad_iar;     /* an IAR value that was not the kick (1023: none), else 0 */
	bool block_timeout;   /* a blocked WFI saw no kick (vsgi_wait_sgi() gave up) */
	uint64_t kick_elr;    /* ELR_EL2 of the first kick exit */
	/* The kick's state on this PE before the run and after the loop (bit 0 pending, 1 active).
	 */
	unsigned kick_before, kick_after;
	int leak;	    /* gic_leak_check() after the clean-up */
	char leak_what[96]; /* its description */
};

/**
 * vsgi_wait_sgi() - wait at EL2 until SGI @intid is pending on this PE; in WFI with @wfi (a
 * pending IRQ wakes a WFI whatever PSTATE.I), else polling. CNTHP, which vcpu_run() re-arms at
 * every entry, wakes the WFI every millisecond to look at *@released. Return: whether it is
 * pending; false once *@released has been set for VSGI_GRACE_MS, or after VSGI_WAIT_CAP_MS.
 */
bool vsgi_wait_sgi(unsigned intid, const volatile uint32_t *released, bool wfi);

/** Enable the kick on this PE and record its state (sc_on_pe(): before the loop). */
void vsgi_pe_arm(void *arg);
/** The vmm loop for the vCPU (sc_on_pe_async()): ends at the first exit it does not serve. */
void vsgi_pe_loop(void *arg);
/** Record the kick's state, then leave this PE's SGIs as the harness had them. */
void vsgi_pe_clean(void *arg);
/** The sender's side: post vINTID @intid to @p (before kicking its PE). */
void vsgi_pe_post(struct vsgi_pe *p, unsigned intid);

#endif
