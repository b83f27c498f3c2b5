/* SPDX-License-Identifier: MIT */
/* Per-phase time of the instances: see phase_time.h. */
#include "phase_time.h"
#include "smp.h"

bool phase_time_on;

/* One row per PE: a PE adds only to its own, so no lock and no shared cache line per phase. */
static uint64_t ticks[CPU_MAX][PHASES];
static uint64_t counts[CPU_MAX][COUNTS];

static const char *const names[PHASES] = {
	[PHASE_VM_ALLOC] = "vm_alloc",	   [PHASE_VM_ZERO] = "vm_zero",
	[PHASE_VM_CLEAN] = "vm_clean",	   [PHASE_VM_MAP] = "vm_map",
	[PHASE_IMAGE] = "image",	   [PHASE_VCPU] = "vcpu",
	[PHASE_SCENARIO] = "scenario",	   [PHASE_DESTROY] = "destroy",
	[PHASE_VM_RESTORE] = "vm_restore", [PHASE_CHECK] = "check",
	[PHASE_PRINT] = "print",
};

static const char *const count_names[COUNTS] = {
	[COUNT_VM_POOLED] = "vms_pooled",
	[COUNT_VM_FULL] = "vms_full",
	[COUNT_VM_UNTRACKED] = "vms_untracked",
	[COUNT_PAGES_RESTORED] = "pages_restored",
	[COUNT_IMAGE_PAGES_RESTORED] = "image_pages_restored",
	[COUNT_IMAGE_KEPT] = "image_kept",
};

void phase_count(enum phase_count k, uint64_t n)
{
	if (phase_time_on) {
		counts[smp_this_cpu()][k] += n;
	}
}

uint64_t phase_counted(enum phase_count k)
{
	uint64_t sum = 0;

	for (unsigned c = 0; c < CPU_MAX; c++) {
		sum += counts[c][k];
	}
	return sum;
}

const char *phase_count_name(enum phase_count k)
{
	return count_names[k];
}

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
