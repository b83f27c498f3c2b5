/* SPDX-License-Identifier: MIT */
/*
 * Statistics of bench.exit.* samples and the bound hyptap.bench_max= gives a kind. Pure code:
 * host-tested in tests/unit/bench_stats_test.c.
 */
#ifndef SCENARIOS_BENCH_STATS_H
#define SCENARIOS_BENCH_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** The least, the median and the largest of a set of samples. */
struct bench_stats {
	uint64_t min, median, max;
};

/**
 * bench_stats_of() - min, median and max of the @n values @v (sorted in place). The median of
 * an even count is the lower of the two middle values, so it is always a measured value. All 0
 * for @n = 0.
 */
struct bench_stats bench_stats_of(uint64_t *v, size_t n);

#endif
