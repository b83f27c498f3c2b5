/* SPDX-License-Identifier: MIT */
/*
 * The architected result of a non-trapped MRS/MSR for registers whose value EL2 cannot simply
 * read back after the run: counters and timers that move, and the GICv3 ICC_* registers, whose
 * EL1 accesses reach the virtual interface (ICV_*) while EL2 would read the physical one.
 * Used by trap.sysreg (scenarios/trap/sysreg.c) for the rows of these registers; the expected
 * values come from scenarios/model/timer_model.c and gic_model.c.
 */
#ifndef SCENARIOS_SYSREG_VALUES_H
#define SCENARIOS_SYSREG_VALUES_H

#include <stdbool.h>
#include <stdint.h>

#include "scenario.h"
#include "timer_model.h"

/** What the scenario knows about the run that made the access. */
struct sysreg_probe {
	const struct sc_setup *setup;
	struct cnt_window window; /* CNTPCT_EL0 read at EL2 just before and just after the run */
};

struct sysreg_value {
	uint8_t op0, op1, crn, crm, op2;
	/** Optional: configure the vCPU so that the expected value is known (e.g. ICH_VMCR_EL2). */
	void (*setup)(struct sc_setup *s);
	/** Optional: prepare what the access will find, once the vCPU exists. */
	void (*prepare)(struct scenario_ctx *c);
	/**
	 * Check a non-trapped access: an MRS that returned @got, or an MSR of @written followed,
	 * for registers that can be read, by an MRS that returned @got.
	 */
	void (*check)(struct scenario_ctx *c, const struct sysreg_value *self,
		      const struct sysreg_probe *p, bool is_write, uint64_t written, uint64_t got);
};

/** sysreg_value_find() - the entry for S<op0>_<op1>_C<crn>_C<crm>_<op2>, or NULL. */
const struct sysreg_value *sysreg_value_find(unsigned op0, unsigned op1, unsigned crn, unsigned crm,
					     unsigned op2);

/** The ICH_VMCR_EL2 the vmm gives the vCPU for the ICC rows (values distinct per field). */
uint64_t sysreg_values_test_vmcr(void);

#endif
