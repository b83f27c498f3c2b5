/* SPDX-License-Identifier: MIT */
/* Per-phase time of the instances: see phase_time.h. */
#include "phase_time.h"
#include "smp.h"

bool phase_time_on;

/* One row per PE: a PE adds only to its own, so no lock and no shared cache line per phase. */
static uint64_t ticks[CPU_MAX][PHASES];

static const char *const names[PHASES] = {
	[PHASE_VM_ALLOC] = "vm_alloc",	   [PHASE_VM_ZERO] = "vm_zero",
	[PHASE_VM_CLEAN] = "vm_clean",	   [PHASE_VM_MAP] = "vm_map",
	[PHASE_IMAGE] = "image",	   [PHASE_VCPU] = "vcpu",
	[PHASE_SCENARIO] = "scenario",	   [PHASE_DESTROY] = "destroy",
	[PHASE_VM_RESTORE] = "vm_restore", [PHASE_CHECK] = "check",
	[PHASE_PRINT] = "print",
};

void phase_end(enum phase p, uint64_t t0)
{
	if (phase_time_on) {
		ticks[smp_this_cpu()][p] += read_cntpct_el0() - t0;
	}
}

uint64_t phase_ticks(enum phase p)
{
	uint64_t sum = 0;

	for (unsigned c = 0; c < CPU_MAX; c++) {
		sum += ticks[c][p];
	}
	return sum;
}

const char *phase_name(enum phase p)
{
	return names[p];
}
