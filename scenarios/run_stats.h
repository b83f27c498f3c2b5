/* SPDX-License-Identifier: MIT */
/*
 * Per-area cost of a run (hyptap.timing, read by make bench): the time each instance took,
 * summed and ranked per scenario and per area. Pure code, host-tested
 * (tests/unit/run_stats_test.c).
 */
#ifndef SCENARIOS_RUN_STATS_H
#define SCENARIOS_RUN_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct run_stats {
	unsigned instances; /* all, SKIPs included */
	unsigned executed;  /* not SKIP: the instance ran its checks */
	uint64_t total_us;  /* all instances */
	uint64_t exec_us;   /* executed instances only */
	uint32_t
		median_us; /* of the executed ones (the lower median of an even count), 0 if none */
	uint32_t max_us;   /* likewise */
};

/**
 * run_stats_compute() - summarise @n instances.
 * @us:       microseconds each instance took.
 * @executed: whether each one ran (was not a SKIP).
 * @n:        instances.
 * @scratch:  room for @n values (the executed times are sorted there).
 * @out:      the summary.
 */
void run_stats_compute(const uint32_t *us, const bool *executed, size_t n, uint32_t *scratch,
		       struct run_stats *out);

/**
 * run_stats_area_len() - length of the area of scenario id @id: its first dotted component
 * ("stage2" of "stage2.attr.fwb[...]", "el2" of "el2.at[...]").
 */
size_t run_stats_area_len(const char *id);

#endif
