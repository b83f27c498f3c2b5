/* SPDX-License-Identifier: MIT */
/* Statistics of bench.exit.* samples (see bench_stats.h). */
#include "bench_stats.h"

struct bench_stats bench_stats_of(uint64_t *v, size_t n)
{
	if (n == 0) {
		return (struct bench_stats){0};
	}
	/* Insertion sort: a few hundred samples, and no libc call needed. */
	for (size_t i = 1; i < n; i++) {
		uint64_t x = v[i];
		size_t j = i;

		for (; j > 0 && v[j - 1] > x; j--) {
			v[j] = v[j - 1];
		}
		v[j] = x;
	}
	return (struct bench_stats){.min = v[0], .median = v[(n - 1) / 2], .max = v[n - 1]};
}
