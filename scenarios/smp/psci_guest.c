/* SPDX-License-Identifier: MIT */
/* The PSCI VM and checks smp.psci and smp.psci.call share (psci_guest.h). */
#include <stdio.h>

#include "arch/el2.h"
#include "cpu_id.h"
#include "psci_guest.h"
#include "route_model.h"

const char *psci_conduit_requires(unsigned conduit, char *why, size_t len)
{
	const struct smc_state st = {
		.have_el3 = vmm_caps.el3,
		.have_nv = cpu_has(cpu_id_regs(), CPU_NV),
		.tsc = true,
	};

	if (conduit == PSCI_G_SMC && smc_route(&st) != ROUTE_EL2) {
		snprintf(why, len,
			 "no SMC conduit: with ID_AA64PFR0_EL1.EL3=%u an SMC at EL1 is UNDEFINED "
			 "even with HCR_EL2.TSC = 1 (AArch64.CheckForSMCUndefOrTrap(), trap.smc)",
			 (unsigned)vmm_caps.el3);
		return why;
	}
	return NULL;
}

struct vcpu *psci_vm_start(struct scenario_ctx *c, uint64_t payload, const uint64_t args[3],
			   struct vcpu **v1)
{
	/*
	 * TSC = 1 whatever the conduit: an SMC the guest makes by mistake is then never taken to
	 * EL3, where firmware (QEMU's built-in PSCI) would power the real PE off.
	 */
	const uint64_t hcr = HCR_TSC;

	struct sc_setup s0 = {.payload = payload,
			      .args = {args[0], args[1], args[2]},
			      .vm.psci = true,
			      .vcpu = {.hcr = hcr, .vmpidr = PSCI_G_MPIDR0, .timeout_ms = 1000}};
	/* What CPU_ON must replace: caches on, interrupts unmasked, the runtime's entry. */
	struct sc_setup s1 = {.payload = GSYM(gp_psci_calls),
			      .args = {0},
			      .vcpu = {.hcr = hcr,
				       .vmpidr = PSCI_G_MPIDR1,
				       .timeout_ms = 600, /* well under sc_pe_wait()'s 1.2 s */
				       .power_off = true,
				       .sctlr_el1 = SCTLR_C | SCTLR_I,
				       .spsr = SPSR_M_EL1h}};
	struct vcpu *v0 = sc_start(c, &s0);

	*v1 = v0 ? sc_add_vcpu(c, sc_vm(c), &s1) : NULL;
	return *v1 ? v0 : NULL;
}

bool psci_report(struct scenario_ctx *c, const struct vcpu *v, unsigned key, const char *what,
		 uint64_t *value)
{
	if (key >= VCPU_REPORTS || !(v->reported & (1u << key))) {
		sc_fail(c, "the guest never reported %s (key %u)", what, key);
		return false;
	}
	*value = v->reports[key];
	return true;
}

void psci_expect_no_el1_exception(struct scenario_ctx *c, const struct vcpu *v, const char *who)
{
	if (v->reported & (1u << GREPORT_VECTOR)) {
		sc_fail(c,
			"%s took an exception at EL1 (vector 0x%llx, ESR_EL1 0x%llx, ELR_EL1 "
			"0x%llx)",
			who, (unsigned long long)v->reports[GREPORT_VECTOR],
			(unsigned long long)v->reports[GREPORT_ESR_EL1],
			(unsigned long long)v->reports[GREPORT_ELR_EL1]);
	}
}

void psci_expect_secondary(struct scenario_ctx *c, const struct vcpu *v, const struct exit *e,
			   uint64_t context_id, uint64_t mpidr)
{
	static const struct {
		unsigned key;
		const char *what;
	} state[] = {
		{PS_REPORT_X0, "x0_at_entry"},	    {PS_REPORT_MPIDR, "mpidr_el1"},
		{PS_REPORT_EL, "currentel"},	    {PS_REPORT_SPSEL, "spsel"},
		{PS_REPORT_DAIF, "daif"},	    {PS_REPORT_SCTLR, "sctlr_el1.m_c_ee"},
		{PS_REPORT_FLAG, "saw_vcpu0_flag"},
	};
	const uint64_t expected[] = {context_id, mpidr, 1 << 2, 1, SPSR_DAIF, 0, 1};
	const uint64_t mask[] = {~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, SCTLR_M | SCTLR_C | SCTLR_EE,
				 ~0ULL};
	uint64_t got;

	sc_diag(c, "vcpu", "1 (started by CPU_ON)");
	psci_expect_no_el1_exception(c, v, "vCPU 1");
	if (v->reported & (1u << PS_REPORT_OFF_RET)) {
		sc_fail(c, "CPU_OFF returned 0x%llx to vCPU 1",
			(unsigned long long)v->reports[PS_REPORT_OFF_RET]);
	}
	sc_expect_reason(c, e, EXIT_PSCI_CPU_OFF);
	for (unsigned i = 0; i < sizeof(state) / sizeof(state[0]); i++) {
		if (psci_report(c, v, state[i].key, state[i].what, &got)) {
			sc_expect_u64(c, state[i].what, got & mask[i], expected[i]);
		}
	}
}
