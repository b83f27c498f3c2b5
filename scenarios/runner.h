/* SPDX-License-Identifier: MIT */
#ifndef SCENARIOS_RUNNER_H
#define SCENARIOS_RUNNER_H

#include "scenario.h"
#include "smp.h"
#include "tap.h"

/* YAML lines one instance may add to its diagnosis, and the bytes of their text. */
#define DIAG_MAX  24
#define DIAG_TEXT 3072

/**
 * struct instance_result - one instance's verdict, made on whichever PE ran it and printed
 * later, in id order (scenarios/dispatch.c): so it owns copies of every string.
 */
struct instance_result {
	enum tap_status status;
	enum tap_directive directive;
	const char *reason; /* SKIP reason, in @text */
	const char *note;   /* sc_note(): a "# " comment printed after the point, in @text */
	struct tap_kv diag[DIAG_MAX + 4];
	unsigned diag_count;
	char text[DIAG_TEXT + 1024];
	size_t used;
	unsigned cpu;  /* the PE that ran it */
	bool executed; /* not a SKIP */
};

void result_init(struct instance_result *r);
/** Append a YAML line (both strings copied); dropped when @r is full. */
void result_add(struct instance_result *r, const char *key, const char *value);
/** A SKIP with @reason (copied). */
void result_skip(struct instance_result *r, const char *reason);
/** A TODO with @reason (copied), the status kept: a known erratum (errata_annotate.c). */
void result_todo(struct instance_result *r, const char *reason);
/** Copy @from into @to, strings included (the copy's pointers point into @to). */
void result_copy(struct instance_result *to, const struct instance_result *from);

/**
 * The PEs an instance may use: @cpu[0] is the one running it; the others are parked (an
 * instance with struct scenario.pes >= 2 runs alone).
 */
struct instance_pes {
	unsigned cpu[CPU_MAX];
	unsigned count;
};

/** Run one instance on a fresh VM on the running PE; its verdict into @r. */
void runner_run_instance(const struct scenario *s, const void *row, const struct instance_pes *pes,
			 struct instance_result *r);

/** The parsed boot arguments (hyptap.bench_max= for bench.exit.*). */
const struct bootargs *runner_bootargs(void);

/** The harness memory checked after every instance (scenarios aim guest accesses at it). */
const volatile void *runner_canary(void);

#endif
