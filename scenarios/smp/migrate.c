/* SPDX-License-Identifier: MIT */
/* What the smp.migrate.* families share: see migrate.h. */
#include "migrate.h"

#include "esr_model.h"

bool migrate_expect_yield(struct scenario_ctx *c, const struct exit *e, uint16_t imm, uint64_t elr,
			  const char *where)
{
	if (e->reason == EXIT_HVC && e->esr == esr_expect_hvc64(imm) && (!elr || e->elr == elr)) {
		return true;
	}
	sc_diag(c, "run", "%s", where);
	sc_expect_exit(c, e, EXIT_HVC, esr_expect_hvc64(imm), elr ? elr : e->elr);
	return false;
}

bool migrate_poison(struct scenario_ctx *c, struct vcpu *p, unsigned k, uint16_t imm, uint64_t elr)
{
	struct exit e = sc_run_vcpu_on(c, p, k);

	return migrate_expect_yield(c, &e, imm, elr, "poison vCPU");
}
