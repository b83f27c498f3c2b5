/* SPDX-License-Identifier: MIT */
/* The Generic Timer oracle (see timer_model.h); Arm ARM DDI 0487 D12 and D24.10. */
#include <stdbool.h>
#include <stdint.h>

#include "arch/el2.h"
#include "timer_model.h"

#define CTL_ENABLE  BIT(0)
#define CTL_IMASK   BIT(1)
#define CTL_ISTATUS BIT(2)

uint64_t cnthctl_el1pcten(bool e2h)
{
	return e2h ? CNTHCTL_E2H_EL1PCTEN : CNTHCTL_EL1PCTEN;
}

uint64_t cnthctl_el1pten(bool e2h)
{
	return e2h ? CNTHCTL_E2H_EL1PTEN : CNTHCTL_EL1PCEN;
}

uint64_t timer_phys_offset(uint64_t cnthctl, unsigned ecv_field, bool e2h_tge, uint64_t cntpoff)
{
	/* The Effective value of ECV is 0 without FEAT_ECV_POFF or with {E2H, TGE} = {1, 1}. */
	return ecv_field >= 2 && !e2h_tge && (cnthctl & CNTHCTL_ECV) ? cntpoff : 0;
}

bool timer_count_ok(uint64_t got, struct cnt_window w, uint64_t offset)
{
	/* Distances from the window start, so that a view that wraps below 0 still compares. */
	uint64_t lo = w.before - offset;

	return got - lo <= w.after - w.before;
}

/* SignExtend(x<31:0>, 64) */
static uint64_t sext32(uint64_t x)
{
	return (uint64_t)(int64_t)(int32_t)(uint32_t)x;
}

uint64_t timer_tval(uint64_t cval, uint64_t count)
{
	return (uint32_t)(cval - count);
}

uint64_t timer_cval_from_tval(uint64_t count, uint64_t tval)
{
	return count + sext32(tval);
}

bool timer_tval_write_ok(uint64_t cval, uint64_t tval, struct cnt_window w, uint64_t offset)
{
	return cval - timer_cval_from_tval(w.before - offset, tval) <= w.after - w.before;
}

bool timer_tval_ok(uint64_t got, uint64_t cval, struct cnt_window w, uint64_t offset)
{
	/*
	 * TVAL falls by one per tick: the latest possible read (count = after) gives the smallest
	 * value, modulo 2^32. Bits [63:32] are RES0.
	 */
	uint32_t lo = (uint32_t)timer_tval(cval, w.after - offset);

	if (got >> 32) {
		return false;
	}
	return (uint32_t)got - lo <= w.after - w.before;
}

uint64_t timer_ctl_expect(uint64_t ctl, uint64_t cval, struct cnt_window w, uint64_t offset,
			  uint64_t *mask)
{
	uint64_t value = ctl & (CTL_ENABLE | CTL_IMASK);
	bool met_first = w.before - offset >= cval, met_last = w.after - offset >= cval;

	*mask = ~0ULL;
	if (!(ctl & CTL_ENABLE) || met_first != met_last) {
		*mask &= ~CTL_ISTATUS;
	} else if (met_first) {
		value |= CTL_ISTATUS;
	}
	return value;
}
