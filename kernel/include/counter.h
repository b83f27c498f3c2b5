/* SPDX-License-Identifier: MIT */
/*
 * The system counter (CNTPCT_EL0, CNTFRQ_EL0 ticks a second) in microseconds and back: the one
 * place the harness converts, so no copy can overflow where another does not.
 */
#ifndef KERNEL_COUNTER_H
#define KERNEL_COUNTER_H

#include <stdint.h>

#include "arch/sysreg.h"

/** @us microseconds in counter ticks (rounded down). */
static inline uint64_t counter_us_to_ticks(uint64_t us)
{
	return read_cntfrq_el0() * us / 1000000;
}

/**
 * @ticks counter ticks in microseconds (rounded down), without forming ticks * 10^6: an
 * absolute count of a 1 GHz counter (FEAT_CNTSC, Armv8.6) overflows that product in five hours.
 */
static inline uint64_t counter_ticks_to_us(uint64_t ticks)
{
	uint64_t f = read_cntfrq_el0();

	return ticks / f * 1000000 + ticks % f * 1000000 / f;
}

/** Microseconds of the system counter since it started. */
static inline uint64_t counter_now_us(void)
{
	return counter_ticks_to_us(read_cntpct_el0());
}

#endif
