/* SPDX-License-Identifier: MIT */
/*
 * The watchdog's budget rule, pure arithmetic on counter values (CNTPCT ticks), so that it
 * builds and is unit-tested on the host; vmm/vcpu.c reads the counter and arms CNTHP with it.
 *
 * The budget ends in a tail of WATCHDOG_TAIL_SLICES short slices of WATCHDOG_SLICE_US. Up to
 * the tail the guest's time is wall-clock counter time, as it comes (one slice). A tail slice
 * counts only if its end was seen at most WATCHDOG_LATE_US after its deadline; later, the vCPU
 * was not running when its time was up (under an emulator, the host descheduled it), and the
 * slice is forgiven. So a timeout needs the guest to be still running through a tail of short
 * slices that each ended on time. docs/design-notes.md (Watchdog) gives the reasons and the
 * bounds.
 */
#ifndef VMM_WATCHDOG_H
#define VMM_WATCHDOG_H

#include <stdbool.h>
#include <stdint.h>

/* The short slices at the end of the budget, and how many there are. */
#define WATCHDOG_SLICE_US    1000
#define WATCHDOG_TAIL_SLICES 10
/*
 * A slice's end seen later than this after its deadline: the CPU did not run the guest then.
 * An interrupt taken at EL2 takes microseconds on hardware, tens under QEMU TCG (measured in
 * docs/benchmarks.md); a host's scheduler slice is a millisecond or more.
 */
#define WATCHDOG_LATE_US 500
/*
 * Forgiven slices after which a guest is stopped anyway: a runaway on a host that never lets
 * a slice end on time still ends (after 150 ms at least). Each one takes its own steal over a
 * deadline, so a stall of any length counts once; a guest that ends by itself, resumed on a
 * thread that has just got its CPU back, is done long before.
 */
#define WATCHDOG_FORGIVE_MAX 100

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
	uint32_t slices;   /* slices ended (by the deadline or by any other exit) */
	uint32_t forgiven; /* slices not counted: their end was late */
};

/** The limits for a budget of @ms milliseconds with a counter of @freq Hz (CNTFRQ_EL0). */
struct watchdog_limits watchdog_limits(uint64_t freq, unsigned ms);
/** A fresh budget with limits @lim: nothing used, nothing forgiven. */
void watchdog_restart(struct watchdog *w, const struct watchdog_limits *lim);
/** A slice starts at counter @now: returns its deadline, the value to arm CNTHP with. */
uint64_t watchdog_arm(struct watchdog *w, uint64_t now);
/**
 * The slice ended at counter @now (any exit: the deadline or the guest's own). Counts it, or
 * forgives a tail slice when @now is more than lim.late past its deadline. Returns true when
 * the guest is out of time: the budget is used up, or WATCHDOG_FORGIVE_MAX slices forgiven.
 */
bool watchdog_charge(struct watchdog *w, uint64_t now);

#endif
