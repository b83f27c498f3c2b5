/* SPDX-License-Identifier: MIT */
/* The timer scenarios' shared helpers (timer_guest.h). */
#include "timer_guest.h"

bool timer_guest_args_load(struct scenario_ctx *c, const struct timer_guest_args *a)
{
	if (vm_load(sc_vm(c), IPA(GSYM(gl_timer_args)), a, sizeof(*a))) {
		sc_fail(c, "cannot load gl_timer_args into guest RAM");
		return false;
	}
	return true;
}

static void diag_window(struct scenario_ctx *c, struct cnt_window w, uint64_t offset)
{
	sc_diag(c, "window", "{ cntpct_before: 0x%llx, cntpct_after: 0x%llx, offset: 0x%llx }",
		(unsigned long long)w.before, (unsigned long long)w.after,
		(unsigned long long)offset);
}

bool timer_expect_count(struct scenario_ctx *c, const char *what, uint64_t got, struct cnt_window w,
			uint64_t offset)
{
	if (timer_count_ok(got, w, offset)) {
		return true;
	}
	sc_fail(c, "%s 0x%llx is not (count - 0x%llx) for a count inside the window", what,
		(unsigned long long)got, (unsigned long long)offset);
	diag_window(c, w, offset);
	return false;
}

bool timer_expect_tval(struct scenario_ctx *c, const char *what, uint64_t got, uint64_t cval,
		       struct cnt_window w, uint64_t offset)
{
	if (timer_tval_ok(got, cval, w, offset)) {
		return true;
	}
	sc_fail(c, "%s 0x%llx is not (CVAL 0x%llx - (count - 0x%llx))<31:0> inside the window",
		what, (unsigned long long)got, (unsigned long long)cval,
		(unsigned long long)offset);
	diag_window(c, w, offset);
	return false;
}

bool timer_expect_ctl(struct scenario_ctx *c, const char *what, uint64_t got, uint64_t ctl,
		      uint64_t cval, struct cnt_window w, uint64_t offset)
{
	uint64_t mask, want = timer_ctl_expect(ctl, cval, w, offset, &mask);

	if ((got & mask) == want) {
		return true;
	}
	sc_fail(c,
		"%s 0x%llx, expected 0x%llx in the bits 0x%llx (ISTATUS: (count - offset) >= "
		"CVAL 0x%llx)",
		what, (unsigned long long)got, (unsigned long long)want, (unsigned long long)mask,
		(unsigned long long)cval);
	diag_window(c, w, offset);
	return false;
}

bool timer_expect_cval_from_tval(struct scenario_ctx *c, const char *what, uint64_t got,
				 uint64_t tval, struct cnt_window w, uint64_t offset)
{
	if (timer_tval_write_ok(got, tval, w, offset)) {
		return true;
	}
	sc_fail(c, "%s 0x%llx is not (count - 0x%llx) + SignExtend(TVAL 0x%llx) inside the window",
		what, (unsigned long long)got, (unsigned long long)offset,
		(unsigned long long)tval);
	diag_window(c, w, offset);
	return false;
}
