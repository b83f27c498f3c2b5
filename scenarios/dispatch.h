/* SPDX-License-Identifier: MIT */
/*
 * The instances over the PEs (scenarios/dispatch.c): a work queue every selected PE pulls from,
 * results printed in item order whoever ran them, instances that need several PEs run alone,
 * and a monitor that turns a PE which stops answering into a `not ok` instead of a hang.
 */
#ifndef SCENARIOS_DISPATCH_H
#define SCENARIOS_DISPATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "runner.h"

struct dispatch {
	unsigned items; /* TAP points, numbered 0 .. items - 1 in output order */
	unsigned pool[CPU_MAX], pool_count; /* the PEs that take items (selected and online) */
	bool pinned;			    /* hyptap.on=all: item i runs on pool[i % pool_count] */
	/* Item @i's scenario (what decides whether it runs alone). */
	const struct scenario *(*scenario)(unsigned i);
	/* Run item @i on the running PE; @pes[0] is that PE. */
	void (*run)(unsigned i, const struct instance_pes *pes, struct instance_result *r);
	/* Print item @i (called in item order, one PE at a time). */
	void (*print)(unsigned i, const struct instance_result *r);
	/* After the last print, on the PE that printed it: the summary, then power off. */
	void (*finish)(void) __attribute__((noreturn));
	uint64_t deadline_us; /* an item running longer: its PE stopped answering */
	int fault_cpu;	      /* hyptap.pe-fault: that PE misbehaves on its first item, or -1 */
	bool fault_crash;     /* an EL2 data abort (else: a hang with interrupts masked) */
};

/** Run every item; the PE that prints the last one calls d->finish(). No return. */
void dispatch_run(const struct dispatch *d) __attribute__((noreturn));

/** Queue statistics for hyptap.timing: time PEs spent waiting, claims made. */
struct dispatch_stats {
	uint64_t wait_us, claim_us, claims;
};
void dispatch_get_stats(struct dispatch_stats *st);

#endif
