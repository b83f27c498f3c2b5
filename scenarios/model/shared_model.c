/* SPDX-License-Identifier: MIT */
/* The smp.shared oracle (shared_model.h). */
#include "shared_model.h"

#include <stdio.h>

static const char *const end_names[] = {
	[SHARED_END_DONE] = "done",
	[SHARED_END_STUCK] = "stuck (exclusive stores kept failing)",
	[SHARED_END_UNSUPPORTED] = "unsupported exclusive/atomic access fault",
	[SHARED_END_OTHER] = "a timeout, another exception or no exit",
};

bool shared_end_permitted(enum shared_kind kind, bool nc, enum shared_end end)
{
	switch (end) {
	case SHARED_END_DONE:
		return true;
	case SHARED_END_STUCK: /* B2.9: a global monitor may not support Non-cacheable memory */
		return nc && kind == SHARED_EXCL;
	case SHARED_END_UNSUPPORTED: /* the IMPLEMENTATION DEFINED DFSC 0b110101 */
		return nc && kind != SHARED_PLAIN;
	case SHARED_END_OTHER:
		break;
	}
	return false;
}

void shared_plain_range(unsigned count, uint64_t n, uint64_t *lo, uint64_t *hi)
{
	*hi = (uint64_t)count * n;
	*lo = n == 0 || count == 0 ? 0 : n == 1 ? 1 : 2;
}

bool shared_model_check(enum shared_kind kind, bool nc, const struct shared_pe *pe, unsigned count,
			uint64_t n, uint64_t final, char *why, size_t len)
{
	uint64_t sum = 0;

	for (unsigned i = 0; i < count; i++) {
		if (!shared_end_permitted(kind, nc, pe[i].end)) {
			snprintf(why, len, "vCPU %u: %s is not a permitted ending on %s memory", i,
				 end_names[pe[i].end],
				 nc ? "Normal Non-cacheable" : "Normal Write-Back");
			return false;
		}
		if (pe[i].end == SHARED_END_DONE ? pe[i].done != n : pe[i].done > n) {
			snprintf(why, len, "vCPU %u: %llu increments, not %s%llu", i,
				 (unsigned long long)pe[i].done,
				 pe[i].end == SHARED_END_DONE ? "" : "at most ",
				 (unsigned long long)n);
			return false;
		}
		sum += pe[i].done;
	}
	if (kind == SHARED_PLAIN) {
		uint64_t lo, hi;

		shared_plain_range(count, n, &lo, &hi);
		if (final >= lo && final <= hi) {
			return true;
		}
		snprintf(why, len, "the counter is %llu, outside [%llu, %llu] (plain increments)",
			 (unsigned long long) final, (unsigned long long)lo,
			 (unsigned long long)hi);
		return false;
	}
	if (final == sum) {
		return true;
	}
	snprintf(why, len, "the counter is %llu, not %llu, the sum of the increments performed",
		 (unsigned long long) final, (unsigned long long)sum);
	return false;
}
