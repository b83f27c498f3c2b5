/* SPDX-License-Identifier: MIT */
/*
 * The watchdog's interrupt, tried once on each PE before any guest runs: the vmm stops a
 * runaway guest only if the CNTHP PPI really reaches this PE as a physical IRQ. A GIC that
 * firmware left in its Secure reset state, a CPU interface or group it did not enable, a
 * timer PPI the DTB names wrongly: each is found here, in bounded time, instead of a guest
 * that runs forever (docs/design-notes.md, "Firmware that leaves the GIC Secure or gives no
 * PSCI"). Arm ARM D11.2 (the EL2 physical timer), ISR_EL1 (D19.2).
 */
#include "arch/el2.h"
#include "arch/sysreg.h"
#include "gic_selftest.h"

#define ISR_I (1u << 7)

/* Polls at least this many times, so that a PE descheduled by its host still looks. */
#define SELFTEST_MIN_POLLS 1000

struct gic_selftest gic_selftest_watchdog(void)
{
	struct gic_selftest t = {0};
	uint64_t daif;

	__asm__ volatile("mrs %0, daif\n\tmsr daifset, #0xf" : "=r"(daif)::"memory");
	/* CVAL = 0: CNTPCT >= CVAL at once. ENABLE = 1, IMASK = 0: the timer asserts its PPI. */
	write_cnthp_cval_el2(0);
	write_cnthp_ctl_el2(CNT_CTL_ENABLE);
	isb();

	uint64_t end = read_cntpct_el0() + read_cntfrq_el0() * GIC_SELFTEST_WAIT_MS / 1000;

	for (unsigned polls = 0;; polls++) {
		t.isr = read_isr_el1();
		if (t.isr & ISR_I) {
			t.taken = true;
			break;
		}
		if (polls >= SELFTEST_MIN_POLLS && read_cntpct_el0() > end) {
			break;
		}
	}
	t.timer_ctl = read_cnthp_ctl_el2();
	write_cnthp_ctl_el2(0);
	isb();
	__asm__ volatile("msr daif, %0" ::"r"(daif) : "memory");
	return t;
}
