/* SPDX-License-Identifier: MIT */
/* Shared checks of the AArch32 trap scenarios (see a32_check.h). */
#include <stdio.h>

#include "a32_check.h"
#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/psr32.h"
#include "arch/sysreg.h"
#include "esr_model.h"
#include "hvc.h"

/* ID_AA64PFR0_EL1.EL1: 0b0001 AArch64 only, 0b0010 AArch64 and AArch32. */
const char *aarch32_el1_requires(const void *row, char *why, size_t len)
{
	unsigned el1 = (unsigned)PFR0_EL1(read_id_aa64pfr0_el1());

	(void)row;
	if (el1 != 2) {
		snprintf(why, len, "needs AArch32 at EL1 (ID_AA64PFR0_EL1.EL1=0x%x)", el1);
		return why;
	}
	return NULL;
}

unsigned a32_view(unsigned r)
{
	return aarch32_reg_view64(PSR32_M_SVC, r);
}

/* The permitted syndrome closest to @got: fewest differing bits under its mask. */
static const struct esr_alt *closest(const struct esr_set *set, uint64_t got)
{
	const struct esr_alt *best = &set->alt[0];
	int best_bits = 65;

	for (unsigned i = 0; i < set->count; i++) {
		int bits = __builtin_popcountll((got ^ set->alt[i].value) & set->alt[i].mask);

		if (bits < best_bits) {
			best = &set->alt[i];
			best_bits = bits;
		}
	}
	return best;
}

/* AArch32 PSTATE in SPSR_EL2: mode, T and ITSTATE as @is was issued. */
static void expect_spsr(struct scenario_ctx *c, uint64_t spsr, const struct a32_issue *is)
{
	unsigned it = is->t32 && is->cond != ESR_COND_AL ? (is->cond & 0xf) << 4 | 0x8 : 0;

	sc_expect_u64(c, "spsr_el2.M", spsr & PSR32_M_MASK, PSR32_M_SVC);
	sc_expect_u64(c, "spsr_el2.T", (spsr & PSR32_T) != 0, is->t32);
	sc_expect_u64(c, "spsr_el2.IT", psr32_it(spsr), it);
}

bool a32_expect_trap(struct scenario_ctx *c, const struct exit *e, enum exit_reason reason,
		     const struct esr_set *set, uint64_t elr, const struct a32_issue *is)
{
	char why[200];

	if (!sc_expect_reason(c, e, reason)) {
		return false;
	}
	sc_diag_exit(c, e);
	if (!esr_set_contains(set, e->esr)) {
		const struct esr_alt *a = closest(set, e->esr);

		sc_fail(c, "ESR_EL2 is none of the %u syndromes the architecture permits",
			set->count);
		for (unsigned i = 0; i < set->count; i++) {
			sc_diag(c, "permitted", "0x%08llx (compared bits 0x%llx)",
				(unsigned long long)set->alt[i].value,
				(unsigned long long)set->alt[i].mask);
		}
		/* Bits the closest alternative does not compare are taken from what we got. */
		esr_explain_diff(a->value, (e->esr & a->mask) | (a->value & ~a->mask), why,
				 sizeof(why));
		sc_diag(c, "esr_diff", "%s", why);
	}
	sc_expect_u64(c, "elr_el2", e->elr, elr);
	expect_spsr(c, e->spsr, is);
	return true;
}

void a32_expect_trap_then_done(struct scenario_ctx *c, const struct exit *e,
			       enum exit_reason reason, const struct esr_set *set, uint64_t elr,
			       const struct a32_issue *is)
{
	if (!a32_expect_trap(c, e, reason, set, elr, is)) {
		return;
	}
	vcpu_skip_insn(sc_vcpu(c));
	struct exit next = sc_run(c);

	a32_expect_done(c, &next, 0);
}

/* An exception taken from A32 state must save ITSTATE 0. */
static bool a32_state_it_clear(struct scenario_ctx *c, const char *what, uint64_t spsr)
{
	if ((spsr & PSR32_T) || psr32_it(spsr) == 0) {
		return true;
	}
	sc_fail(c,
		"SPSR_EL2 of %s, taken from A32 state, holds ITSTATE 0x%x: outside a T32 IT "
		"block ITSTATE is 0",
		what, psr32_it(spsr));
	sc_diag(c, "spsr_el2", "0x%llx", (unsigned long long)spsr);
	return false;
}

bool a32_expect_done(struct scenario_ctx *c, const struct exit *e, uint64_t status)
{
	struct vcpu *v = sc_vcpu(c);

	if (!sc_expect_done(c, e, status)) {
		return false;
	}
	if (v && v->reported && !a32_state_it_clear(c, "the last REPORT HVC", v->report_spsr)) {
		return false;
	}
	return a32_state_it_clear(c, "the EXIT HVC", e->spsr);
}

bool a32_expect_undef(struct scenario_ctx *c, const struct exit *e, uint64_t insn)
{
	uint64_t vector, elr;

	sc_expect_el1_exceptions(c);
	if (!a32_expect_done(c, e, 0)) {
		return false;
	}
	if (!(sc_vcpu(c)->reported & (1u << GREPORT_VECTOR))) {
		sc_fail(c,
			"the instruction at 0x%llx completed: no Undefined Instruction exception "
			"was taken at EL1",
			(unsigned long long)insn);
		return false;
	}
	if (sc_report(c, GREPORT_VECTOR, &vector)) {
		sc_expect_u64(c, "el1_vector_offset", vector, 0x04);
	}
	if (sc_report(c, GREPORT_ELR_EL1, &elr)) {
		sc_expect_u64(c, "el1_preferred_return", elr, insn);
	}
	return true;
}
