/* SPDX-License-Identifier: MIT */
/* Host tests of bench.exit.*'s statistics (scenarios/bench/bench_stats.c), values by hand. */
#include <stdint.h>

#include "bench/bench_stats.h"
#include "unit.h"

static void test_stats(void)
{
	uint64_t odd[] = {900, 10, 700, 500, 20};
	struct bench_stats s = bench_stats_of(odd, 5);

	/* 10 20 500 700 900 */
	unit_eq_u64(s.min, 10, "min");
	unit_eq_u64(s.median, 500, "median of an odd count: the middle one");
	unit_eq_u64(s.max, 900, "max");
	unit_eq_u64(odd[0], 10, "sorted in place, first");
	unit_eq_u64(odd[4], 900, "sorted in place, last");

	uint64_t even[] = {7, 3, 5, 1};

	s = bench_stats_of(even, 4);
	/* 1 3 5 7: the lower of the middle two, a measured value (not 4). */
	unit_eq_u64(s.median, 3, "median of an even count: the lower middle");

	uint64_t same[] = {227, 227, 227};

	s = bench_stats_of(same, 3);
	unit_ok(s.min == 227 && s.median == 227 && s.max == 227,
		"all equal (exact -icount counts)");

	uint64_t one[] = {42};

	s = bench_stats_of(one, 1);
	unit_ok(s.min == 42 && s.median == 42 && s.max == 42, "one sample");

	uint64_t outlier[] = {587, 587, 771, 587, 587};

	s = bench_stats_of(outlier, 5);
	unit_ok(s.min == 587 && s.median == 587 && s.max == 771, "an outlier moves only the max");

	s = bench_stats_of(NULL, 0);
	unit_ok(s.min == 0 && s.median == 0 && s.max == 0, "no samples: all 0");
}

int main(void)
{
	test_stats();
	return unit_done();
}
