/* SPDX-License-Identifier: MIT */
/*
 * Where an instance's time goes (hyptap.timing): counter ticks summed per phase of the fresh VM
 * and the instance around it, per PE, printed once after the results as a "# time-phase" line.
 * Off (one load and a branch per phase) unless hyptap.timing turned it on. Under QEMU -icount
 * (shift=0) a counter tick is a fixed number of executed instructions, so the sums are exact.
 */
#ifndef KERNEL_PHASE_TIME_H
#define KERNEL_PHASE_TIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/sysreg.h"

enum phase {
	PHASE_VM_ALLOC,	  /* vm_create(): root table, RAM pages, VMID */
	PHASE_VM_ZERO,	  /* vm_create(): zeroing guest RAM */
	PHASE_VM_CLEAN,	  /* vm_create(): cache maintenance of the zeroed RAM */
	PHASE_VM_MAP,	  /* vm_create(): the stage-2 map of RAM */
	PHASE_IMAGE,	  /* the guest image into guest RAM (vm_load() and its maintenance) */
	PHASE_VCPU,	  /* vcpu_create() */
	PHASE_SCENARIO,	  /* the scenario's run function, its VM and vCPU set-up included */
	PHASE_DESTROY,	  /* vCPUs and VMs torn down, the GIC/vGIC leak check */
	PHASE_VM_RESTORE, /* vm_destroy(): a pooled RAM block's written pages restored */
	PHASE_CHECK,	  /* harness_check(): canary and page count */
	PHASE_PRINT,	  /* the instance's TAP lines */
	PHASES,
};

/* Counts that go with the phases: how many VMs took which path, how much was restored. */
enum phase_count {
	COUNT_VM_POOLED,      /* VMs whose RAM came from the pool */
	COUNT_VM_FULL,	      /* VMs whose RAM was zeroed and cleaned whole */
	COUNT_VM_UNTRACKED,   /* pooled VMs that gave the tracking up (vm_map of AF = 0 or DBM) */
	COUNT_PAGES_RESTORED, /* pages a pooled VM's destroy rewrote */
	COUNT_IMAGE_PAGES_RESTORED, /* ... of them, pages of the image */
	COUNT_IMAGE_KEPT,	    /* image loads left out: the block already held it */
	COUNTS,
};

extern bool phase_time_on;

/** The start of a phase: the counter, or 0 when timing is off. */
static inline uint64_t phase_begin(void)
{
	return phase_time_on ? read_cntpct_el0() : 0;
}

/** Add the ticks since @t0 (phase_begin()) to @p's sum on the running PE. */
void phase_end(enum phase p, uint64_t t0);

/** Add @n to counter @k on the running PE (when timing is on). */
void phase_count(enum phase_count k, uint64_t n);
/** Sum of counter @k over every PE. */
uint64_t phase_counted(enum phase_count k);
/** @k's name in the "# time-phase" line ("vm_pooled", ...). */
const char *phase_count_name(enum phase_count k);

/** Sum of @p over every PE, in counter ticks. */
uint64_t phase_ticks(enum phase p);

/** @p's name in the "# time-phase" line ("vm_alloc", ...). */
const char *phase_name(enum phase p);

#endif
