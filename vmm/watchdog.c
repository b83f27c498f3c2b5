/* SPDX-License-Identifier: MIT */
/*
 * The watchdog's budget rule (vmm/watchdog.h): wall-clock time up to the tail, then short
 * slices that count no more than their length and an interrupt's latency.
 * Pure: the counter values come from the caller.
 */
#include "watchdog.h"

static uint64_t us_to_ticks(uint64_t freq, uint64_t us)
{
	return freq * us / 1000000;
}

struct watchdog_limits watchdog_limits(uint64_t freq, unsigned ms)
{
	uint64_t budget = freq * ms / 1000;
	uint64_t tail = us_to_ticks(freq, WATCHDOG_SLICE_US) * WATCHDOG_TAIL_SLICES;

	return (struct watchdog_limits){
		.budget = budget,
		.slice = us_to_ticks(freq, WATCHDOG_SLICE_US),
		.tail = tail < budget ? tail : budget,
		.late = us_to_ticks(freq, WATCHDOG_LATE_US),
	};
}

void watchdog_restart(struct watchdog *w, const struct watchdog_limits *lim)
{
	*w = (struct watchdog){.lim = *lim};
}

/* Whether the slice armed now is one of the tail's: the budget left is the tail or less. */
static bool in_tail(const struct watchdog *w)
{
	return w->used + w->lim.tail >= w->lim.budget;
}

uint64_t watchdog_arm(struct watchdog *w, uint64_t now)
{
	uint64_t left = w->used < w->lim.budget ? w->lim.budget - w->used : 0;

	w->start = now;
	w->tail_slice = in_tail(w);
	/*
	 * Before the tail, one slice for all the time up to it; in the tail, short slices (0
	 * when out of budget, for a guest that exits in a loop: the slice ends at once).
	 */
	if (!w->tail_slice) {
		w->deadline = now + left - w->lim.tail;
	} else {
		w->deadline = now + (left < w->lim.slice ? left : w->lim.slice);
	}
	return w->deadline;
}

bool watchdog_charge(struct watchdog *w, uint64_t now)
{
	uint64_t took = now > w->start ? now - w->start : 0;
	/* The most of it that can be the guest's: the slice, and an IRQ taken in time. */
	uint64_t most = w->deadline - w->start + w->lim.late;

	if (!w->tail_slice) {
		/* Wall-clock time, as it comes; a steal over its deadline does not eat the tail. */
		w->used = took > most ? w->lim.budget - w->lim.tail : w->used + took;
	} else {
		w->used += took < most ? took : most;
	}
	return w->used >= w->lim.budget;
}
