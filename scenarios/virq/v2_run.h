/* SPDX-License-Identifier: MIT */
/*
 * The virq.v2.* engine: a row is the GICH_* state the hypervisor loads and a script of GICV_*
 * accesses the guest makes (guest/virq_v2.S); the oracle (vgic_v2_model.h) runs the same
 * script and says where the guest stops (V2OP_SYNC, the maintenance interrupt, the end) and what
 * every GICH_* register and every guest read must then be.
 */
#ifndef SCENARIOS_VIRQ_V2_RUN_H
#define SCENARIOS_VIRQ_V2_RUN_H

#include <stddef.h>

#include "scenario.h"
#include "vgic_v2_model.h"
#include "virq_v2.h"

/* Script shorthands. */
/* clang-format off */
#define RD(off)	    {V2OP_READ, (off), 0}
#define WR(off, v)  {V2OP_WRITE, (off), (v)}
#define WR_ACK(off) {V2OP_WRITE_ACK, (off), 0}
#define SYNC	    {V2OP_SYNC, 0, 0}
#define WAIT	    {V2OP_WAIT, 0, V2_WAIT_ITERATIONS}
#define END	    {V2OP_END, 0, 0}
/* clang-format on */
#define V2_SCRIPT_MAX 32

/*
 * The bounded window in which a V2OP_WAIT looks for a virtual interrupt, and in which the
 * maintenance interrupt must arrive: 256 iterations of a 4-instruction loop with PSTATE.I and
 * F clear (about 1000 instructions, a few microseconds).
 */
#define V2_WAIT_ITERATIONS 256

/*
 * GICH_VMCR with GICV_CTLR @ctlr, GICV_PMR @pmr, GICV_BPR 2 and GICV_ABPR 3: their minimums,
 * GICv2 virtual priorities having 5 bits (GICH_LR.Priority, GICH_VMCR.VMPriMask).
 * V2_VMCR_ALL: both groups enabled, AckCtl (GICV_IAR takes Group 1 too), nothing masked.
 */
#define V2_VMCR(ctlr, pmr)                                                                         \
	(GICH_VMCR_CTLR(ctlr) | GICH_VMCR_ABP(3) | GICH_VMCR_BP(2) | GICH_VMCR_PRIMASK(pmr))
#define V2_VMCR_ALL V2_VMCR(GICV_CTLR_ENABLEGRP0 | GICV_CTLR_ENABLEGRP1 | GICV_CTLR_ACKCTL, 0xf8)

/* An LR with HW = 0: vINTID, 8-bit priority (bits [2:0] are not held), state, group. */
#define LR(id, prio, state, grp1)                                                                  \
	(GICH_LR_VIRTUALID(id) | GICH_LR_PRIORITY(prio) | (state) | ((grp1) ? GICH_LR_GRP1 : 0))

/** What a row gives the engine. */
struct v2_case {
	uint32_t hcr, vmcr, apr;
	uint32_t lr[4];
	unsigned lrs; /* list registers the row needs (a SKIP names GICH_VTR.ListRegs) */
	struct v2_op script[V2_SCRIPT_MAX];
	bool maint; /* the maintenance PPI is enabled at EL2: its IRQ stops the guest */
	/*
	 * Cross-PE families (smp.migrate.gicv2): bit r set, the run that ends at stop r is on
	 * the instance's PE 1 (sc_run_vcpu_on()); 0, every run on this PE.
	 */
	uint32_t pe1_stops;
	/* Further checks of the caller at every stop (e.g. the physical interrupt's state). */
	void (*at_stop)(struct scenario_ctx *c, const char *at, const struct v2m_event *ev);
};

/** A row of the families that are nothing but cases. */
struct v2_row {
	const char *name;
	struct v2_case k;
};

/** .requires and .run of such a family. */
const char *v2_row_requires(const void *row, char *why, size_t len);
void v2_row_run(struct scenario_ctx *c, const void *row);

/** The same with the maintenance PPI from the DTB's GIC node (cases with .maint). */
const char *v2_maint_row_requires(const void *row, char *why, size_t len);

/** SKIP unless GICv2 with the virtualization extensions and @lrs list registers. */
const char *v2_requires(unsigned lrs, char *why, size_t len);
/**
 * v2_run_case() - run @k on a fresh VM and compare every stop, every GICH_* snapshot and every
 * guest result with the oracle's; @t gets the oracle's trace (for checks of the caller).
 */
void v2_run_case(struct scenario_ctx *c, const struct v2_case *k, struct v2m_trace *t);

/** Most vCPUs v2_run_cases() runs in one VM. */
#define V2_VCPUS_MAX 2
/**
 * v2_run_cases() - @n vCPUs of one VM, vCPU i running @k[i], taking turns stop by stop (each
 * runs to its next stop, then the next vCPU): every vCPU's GICH_* state must follow its own
 * oracle trace @t[i] across the others' runs.
 */
void v2_run_cases(struct scenario_ctx *c, const struct v2_case *const *k, unsigned n,
		  struct v2m_trace *t);

#endif
