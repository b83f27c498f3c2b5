/* SPDX-License-Identifier: MIT */
/*
 * The watchdog's budget rule, pure arithmetic on counter values (CNTPCT ticks), so that it
 * builds and is unit-tested on the host; vmm/vcpu.c reads the counter and arms CNTHP with it.
 *
 * The budget ends in a tail of WATCHDOG_TAIL_SLICES short slices of WATCHDOG_SLICE_US. Up to
 * the tail the guest's time is wall-clock counter time (one slice). A tail slice is charged
 * with the time it took, but at most its length plus WATCHDOG_LATE_US: an end seen later
 * means the IRQ was not taken in time because the host had descheduled the emulator (its vCPU
 * thread, or the thread that fires its timers), and that overrun is not the guest's. So a
 * timeout needs several tail slices to end, each with an exit taken by a running vCPU that
 * resumes the guest. docs/design-notes.md (Watchdog) gives the reasons and the bounds.
 */
#ifndef VMM_WATCHDOG_H
#define VMM_WATCHDOG_H

#include <stdbool.h>
#include <stdint.h>

/* The short slices at the end of the budget, and how many there are. */
#define WATCHDOG_SLICE_US    1000
#define WATCHDOG_TAIL_SLICES 10
/*
 * How late a slice's end may be seen and still be all the guest's: an interrupt taken at EL2
 * takes microseconds on hardware, tens under QEMU TCG (measured in docs/benchmarks.md).
 */
#define WATCHDOG_LATE_US 500

/** The limits of one vCPU's watchdog, in counter ticks. */
struct watchdog_limits {
	uint64_t budget; /* guest time the vCPU may use in its life */
	uint64_t slice;	 /* WATCHDOG_SLICE_US */
	uint64_t tail;	 /* WATCHDOG_TAIL_SLICES x slice, at most the budget */
	uint64_t late;	 /* WATCHDOG_LATE_US */
};

/** A vCPU's watchdog: its limits and what it used. */
struct watchdog {
	struct watchdog_limits lim;
	uint64_t start;	   /* counter when the current slice was armed */
	uint64_t deadline; /* its end: the CNTHP compare value */
	bool tail_slice;   /* it is one of the tail's */
	uint64_t used;	   /* guest time counted so far */
};

/** The limits for a budget of @ms milliseconds with a counter of @freq Hz (CNTFRQ_EL0). */
struct watchdog_limits watchdog_limits(uint64_t freq, unsigned ms);
/** A fresh budget with limits @lim: nothing used. */
void watchdog_restart(struct watchdog *w, const struct watchdog_limits *lim);
/** A slice starts at counter @now: returns its deadline, the value to arm CNTHP with. */
uint64_t watchdog_arm(struct watchdog *w, uint64_t now);
/**
 * The slice ended at counter @now (any exit: the deadline or the guest's own). Charges it:
 * before the tail with the time it took (only up to the tail when @now is more than lim.late
 * past its deadline), in the tail with at most its length plus lim.late. Returns true when
 * the budget is used up.
 */
bool watchdog_charge(struct watchdog *w, uint64_t now);

#endif
