/* SPDX-License-Identifier: MIT */
/* Host tests of the per-area run statistics (scenarios/run_stats.c), values by hand. */
#include <stdbool.h>
#include <stdint.h>

#include "run_stats.h"
#include "unit.h"

static void test_compute(void)
{
	const uint32_t us[] = {900, 10, 700, 500, 20, 300};
	const bool ran[] = {true, false, true, true, false, true};
	uint32_t scratch[6];
	struct run_stats st;

	run_stats_compute(us, ran, 6, scratch, &st);
	unit_eq_u64(st.instances, 6, "instances, SKIPs included");
	unit_eq_u64(st.executed, 4, "executed");
	unit_eq_u64(st.total_us, 2430, "total of all");
	unit_eq_u64(st.exec_us, 2400, "total of the executed");
	/* 300 500 700 900: the lower median of an even count is 500. */
	unit_eq_u64(st.median_us, 500, "lower median");
	unit_eq_u64(st.max_us, 900, "max");

	run_stats_compute(us, ran, 3, scratch, &st);
	/* 900 700: lower median 700. */
	unit_eq_u64(st.median_us, 700, "median of two");

	const bool none[] = {false, false};

	run_stats_compute(us, none, 2, scratch, &st);
	unit_ok(st.executed == 0 && st.median_us == 0 && st.max_us == 0 && st.total_us == 910,
		"all SKIP: no median");
	run_stats_compute(us, ran, 0, scratch, &st);
	unit_ok(st.instances == 0 && st.total_us == 0, "empty");
}

static void test_area(void)
{
	unit_eq_u64(run_stats_area_len("stage2.attr.fwb[s1=off]"), 6, "stage2");
	unit_eq_u64(run_stats_area_len("el2.at[x]"), 3, "el2");
	unit_eq_u64(run_stats_area_len("guest"), 5, "no dot");
}

int main(void)
{
	test_compute();
	test_area();
	return unit_done();
}
