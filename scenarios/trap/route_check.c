/* SPDX-License-Identifier: MIT */
/*
 * Checks of an exception against the routing oracle, at EL2 or at the guest's EL1.
 */
#include "route_check.h"

#include "arch/el2.h"
#include "arch/esr.h"
#include "hvc.h"

#define SPSR_M_MASK	  0x1fULL /* M[4:0]: M[4] = 0 for AArch64, M[3:0] the mode */
#define VECTOR_SLOT_BYTES 0x80

bool route_expect_el2(struct scenario_ctx *c, const struct exit *e, const struct exc_expect *x)
{
	struct exit masked = *e;

	masked.esr &= ~x->esr_unknown;
	if (!sc_expect_exit(c, &masked, exit_reason_for_ec(esr_ec(x->esr)), x->esr, x->elr)) {
		return false;
	}
	sc_expect_u64(c, "vector_el2", (uint64_t)e->slot * VECTOR_SLOT_BYTES, x->vector);
	if (x->far_valid) {
		sc_expect_u64(c, "far_el2", e->far, x->far);
	}
	sc_expect_u64(c, "spsr_el2.M", e->spsr & SPSR_M_MASK, x->spsr_m);
	sc_expect_u64(c, "spsr_el2.IL", (e->spsr & SPSR_IL) != 0, x->spsr_il);
	return true;
}

bool route_expect_el1(struct scenario_ctx *c, const struct exit *e, const struct exc_expect *x,
		      uint64_t status)
{
	uint64_t v;

	sc_expect_el1_exceptions(c);
	if (!sc_expect_reason(c, e, EXIT_GUEST_DONE)) {
		return false;
	}
	if (!(sc_vcpu(c)->reported & (1u << GREPORT_VECTOR))) {
		sc_fail(c,
			"no exception was taken at EL1 (expected ESR_EL1 0x%llx on vector 0x%llx)",
			(unsigned long long)x->esr, (unsigned long long)x->vector);
		sc_expect_done(c, e, status);
		return false;
	}
	sc_expect_done(c, e, status);
	if (sc_report(c, GREPORT_VECTOR, &v) && !sc_expect_u64(c, "vector_offset", v, x->vector)) {
		sc_diag(c, "expected_vector", "%s", exc_route_vector_name(x->vector));
	}
	if (sc_report(c, GREPORT_ESR_EL1, &v) &&
	    !sc_expect_u64(c, "esr_el1", v & ~x->esr_unknown, x->esr)) {
		char why[200];

		esr_explain_diff(x->esr, v & ~x->esr_unknown, why, sizeof(why));
		sc_diag(c, "esr_diff", "%s", why);
	}
	if (sc_report(c, GREPORT_ELR_EL1, &v)) {
		sc_expect_u64(c, "elr_el1", v, x->elr);
	}
	if (x->far_valid && sc_report(c, GREPORT_FAR_EL1, &v)) {
		sc_expect_u64(c, "far_el1", v, x->far);
	}
	return true;
}
