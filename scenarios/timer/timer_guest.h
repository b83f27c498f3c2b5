/* SPDX-License-Identifier: MIT */
/*
 * What the timer scenarios share: the parameter block of the guest/timer.S payloads, written
 * into the fresh guest RAM before the first run, and the window check helpers.
 */
#ifndef SCENARIOS_TIMER_TIMER_GUEST_H
#define SCENARIOS_TIMER_TIMER_GUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scenario.h"
#include "timer_model.h"

/** gl_timer_args in guest/timer.S (offsets there: +0 cval, +8 tval, +16 spin, +24 ctl). */
struct timer_guest_args {
	uint64_t cval, tval, spin, ctl;
};
_Static_assert(offsetof(struct timer_guest_args, spin) == 16, "guest/timer.S gl_timer_args");
_Static_assert(offsetof(struct timer_guest_args, ctl) == 24, "guest/timer.S gl_timer_args");

/** Copy @a into the instance's guest RAM (after sc_start()); false with the instance failed. */
bool timer_guest_args_load(struct scenario_ctx *c, const struct timer_guest_args *a);

/** @got must be a count read with @offset inside @w (timer_count_ok()); @what names it. */
bool timer_expect_count(struct scenario_ctx *c, const char *what, uint64_t got, struct cnt_window w,
			uint64_t offset);

/** @got must be a TVAL read for @cval with @offset inside @w (timer_tval_ok()). */
bool timer_expect_tval(struct scenario_ctx *c, const char *what, uint64_t got, uint64_t cval,
		       struct cnt_window w, uint64_t offset);

/** @got must be a CTL read holding @ctl for @cval with @offset inside @w (timer_ctl_expect()). */
bool timer_expect_ctl(struct scenario_ctx *c, const char *what, uint64_t got, uint64_t ctl,
		      uint64_t cval, struct cnt_window w, uint64_t offset);

/** @got must be the CVAL after a TVAL write of @tval with @offset inside @w. */
bool timer_expect_cval_from_tval(struct scenario_ctx *c, const char *what, uint64_t got,
				 uint64_t tval, struct cnt_window w, uint64_t offset);

#endif
