/* SPDX-License-Identifier: MIT */
/* The Generic Timer oracle, part 2 (see timer_access_model.h); Arm ARM DDI 0487 D12, D24.10. */
#include <stdbool.h>
#include <stdint.h>

#include "arch/el2.h"
#include "timer_access_model.h"

/* CNTKCTL_EL1's enable for @reg: the bits whose 0 traps an EL0 access (CNTFRQ: both 0). */
static uint64_t cntkctl_enables(enum timer_el0_reg reg)
{
	switch (reg) {
	case TIMER_EL0_CNTPCT:
		return CNTKCTL_EL0PCTEN;
	case TIMER_EL0_CNTVCT:
		return CNTKCTL_EL0VCTEN;
	case TIMER_EL0_CNTFRQ:
		return CNTKCTL_EL0PCTEN | CNTKCTL_EL0VCTEN;
	case TIMER_EL0_CNTP:
		return CNTKCTL_EL0PTEN;
	case TIMER_EL0_CNTV:
		return CNTKCTL_EL0VTEN;
	}
	return 0;
}

/*
 * CNTHCTL_EL2 with {E2H, TGE} = {1, 1} has the CNTKCTL_EL1 layout in bits [9:0]: the same
 * enables, at the same positions (EL0PCTEN 0, EL0VCTEN 1, EL0VTEN 8, EL0PTEN 9).
 */
static bool host_el0_trapped(enum timer_el0_reg reg, uint64_t cnthctl)
{
	return !(cnthctl & cntkctl_enables(reg));
}

/* The CNTHCTL_EL2 traps of EL1 that also apply at EL0 when {E2H, TGE} != {1, 1}. */
static bool el1_control_trapped(enum timer_el0_reg reg, const struct timer_el0_ctl *c)
{
	switch (reg) {
	case TIMER_EL0_CNTPCT:
		return !(c->cnthctl & (c->e2h ? CNTHCTL_E2H_EL1PCTEN : CNTHCTL_EL1PCTEN));
	case TIMER_EL0_CNTP:
		return !(c->cnthctl & (c->e2h ? CNTHCTL_E2H_EL1PTEN : CNTHCTL_EL1PCEN));
	case TIMER_EL0_CNTVCT:
		return c->ecv && (c->cnthctl & CNTHCTL_EL1TVCT);
	case TIMER_EL0_CNTV:
		return c->ecv && (c->cnthctl & CNTHCTL_EL1TVT);
	case TIMER_EL0_CNTFRQ:
		return false;
	}
	return false;
}

enum timer_access timer_el0_access(enum timer_el0_reg reg, const struct timer_el0_ctl *c)
{
	if (c->e2h && c->tge) {
		return host_el0_trapped(reg, c->cnthctl) ? TIMER_TRAP_EL2 : TIMER_ACCESS_OK;
	}
	if (!(c->cntkctl & cntkctl_enables(reg))) {
		/* AArch64.SystemAccessTrap(EL1), routed to EL2 by HCR_EL2.TGE = 1. */
		return c->tge ? TIMER_TRAP_EL2 : TIMER_TRAP_EL1;
	}
	return el1_control_trapped(reg, c) ? TIMER_TRAP_EL2 : TIMER_ACCESS_OK;
}

uint64_t timer_condition_offset(enum timer_id t, uint64_t cntvoff, uint64_t cntpoff)
{
	switch (t) {
	case TIMER_EL1_VIRT:
		return cntvoff;
	case TIMER_EL1_PHYS:
		return cntpoff;
	case TIMER_EL2_PHYS:
	case TIMER_EL2_VIRT:
		return 0;
	}
	return 0;
}

uint64_t timer_cntvct_offset(unsigned el, bool e2h, bool tge, uint64_t cntvoff)
{
	if ((el == 2 && e2h) || (el == 0 && e2h && tge)) {
		return 0;
	}
	return cntvoff;
}

bool timer_condition_met(uint64_t pcount, uint64_t offset, uint64_t cval)
{
	return pcount - offset >= cval;
}

unsigned timer_event_bit(unsigned evnti, bool evntis, bool ecv)
{
	return (evnti & 0xf) + (ecv && evntis ? 8 : 0);
}

uint64_t timer_event_period(unsigned bit)
{
	return 2ULL << bit;
}
