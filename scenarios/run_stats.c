/* SPDX-License-Identifier: MIT */
/* Per-area cost of a run: see run_stats.h. */
#include <stdlib.h>
#include <string.h>

#include "run_stats.h"

static int u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

void run_stats_compute(const uint32_t *us, const bool *executed, size_t n, uint32_t *scratch,
		       struct run_stats *out)
{
	size_t m = 0;

	memset(out, 0, sizeof(*out));
	out->instances = (unsigned)n;
	for (size_t i = 0; i < n; i++) {
		out->total_us += us[i];
		if (executed[i]) {
			out->exec_us += us[i];
			scratch[m++] = us[i];
		}
	}
	out->executed = (unsigned)m;
	if (m) {
		qsort(scratch, m, sizeof(*scratch), u32_cmp);
		out->median_us = scratch[(m - 1) / 2];
		out->max_us = scratch[m - 1];
	}
}

size_t run_stats_area_len(const char *id)
{
	const char *dot = strchr(id, '.');

	return dot ? (size_t)(dot - id) : strlen(id);
}
