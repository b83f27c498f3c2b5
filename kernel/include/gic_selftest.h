/* SPDX-License-Identifier: MIT */
/*
 * The watchdog's interrupt, tried on this PE before a guest relies on it (kernel/gic_selftest.c).
 */
#ifndef KERNEL_GIC_SELFTEST_H
#define KERNEL_GIC_SELFTEST_H

#include <stdbool.h>
#include <stdint.h>

/* The longest the self-test waits for the IRQ (a GIC signals a PPI in microseconds). */
#define GIC_SELFTEST_WAIT_MS 100

/** What the self-test saw. */
struct gic_selftest {
	bool taken;   /* a physical IRQ was pending at this PE (ISR_EL1.I) while CNTHP fired */
	uint64_t isr; /* ISR_EL1 at the end: I (bit 7), F (bit 6: signalled as an FIQ) */
	uint64_t timer_ctl; /* CNTHP_CTL_EL2 while armed: ISTATUS (bit 2) = the timer fired */
};

/**
 * gic_selftest_watchdog() - arm the EL2 physical timer (CNTHP) to expire at once, with its
 * interrupt unmasked at the timer and PSTATE.I masked, and wait at most GIC_SELFTEST_WAIT_MS
 * for a physical IRQ to be pending at this PE. The timer is off again on return, so its
 * level-sensitive PPI is no longer asserted. The GIC must already be set up (gic_init()).
 */
struct gic_selftest gic_selftest_watchdog(void);

#endif
