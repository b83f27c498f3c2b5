/* SPDX-License-Identifier: MIT */
/*
 * What smp.psci and smp.psci.call share: the PSCI VM they build (vCPU 0 on, vCPU 1 off, each
 * with its own MPIDR), the conduit's SKIP rule, and the checks of a vCPU that CPU_ON started
 * (guest/smp_psci.S gl_psci_secondary, keys in guest/psci_abi.h).
 */
#ifndef SCENARIOS_SMP_PSCI_GUEST_H
#define SCENARIOS_SMP_PSCI_GUEST_H

#include <stddef.h>
#include <stdint.h>

#include "psci_abi.h"
#include "scenario.h"

/* The vCPUs' MPIDR_EL1 (VMPIDR_EL2): affinity 0.0.1.0 and 0.0.1.1, no PE has these. */
#define PSCI_G_MPIDR0 0x80000100ULL
#define PSCI_G_MPIDR1 0x80000101ULL
/* CPU_ON's target_cpu for vCPU 1: its affinity fields (DEN0022 5.6: the other bits are 0). */
#define PSCI_G_TARGET1 (PSCI_G_MPIDR1 & PSCI_MPIDR_AFF_MASK)

/**
 * psci_conduit_requires() - NULL when @conduit reaches the vmm: always for HVC; for SMC only
 * where the architecture traps SMC at EL1 with HCR_EL2.TSC = 1 to EL2 (smc_route(), the rule
 * of trap.smc), else the SKIP reason in @why.
 */
const char *psci_conduit_requires(unsigned conduit, char *why, size_t len);

/**
 * psci_vm_start() - a PSCI VM with vCPU 0 (on, MPIDR0, running @payload with @args) and
 * vCPU 1 (off, MPIDR1); both trap SMC (HCR_EL2.TSC = 1, whatever the conduit). vCPU 1 is created
 * with state that CPU_ON must not keep (caches on, DAIF clear, another entry and x0), so
 * that what it reports comes from the vmm's CPU_ON reset. Returns vCPU 0; *@v1 is vCPU 1.
 */
struct vcpu *psci_vm_start(struct scenario_ctx *c, uint64_t payload, const uint64_t args[3],
			   struct vcpu **v1);

/** The value vCPU @v reported under @key; a failure naming @what if it never did. */
bool psci_report(struct scenario_ctx *c, const struct vcpu *v, unsigned key, const char *what,
		 uint64_t *value);

/** Fail if @v took an exception on its own EL1 vectors (the runtime reports them). */
void psci_expect_no_el1_exception(struct scenario_ctx *c, const struct vcpu *v, const char *who);

/**
 * psci_expect_secondary() - vCPU @v, started by CPU_ON, ended with @e: EXIT_PSCI_CPU_OFF (its
 * CPU_OFF did not return), and it reported the PSCI entry state (DEN0022 6.4): x0 = @context_id,
 * MPIDR_EL1 = @mpidr, EL1 with SP_EL1 (EL1h), DAIF all masked, SCTLR_EL1.M, C and EE = 0
 * (MMU and data cache off, little-endian as its caller).
 */
void psci_expect_secondary(struct scenario_ctx *c, const struct vcpu *v, const struct exit *e,
			   uint64_t context_id, uint64_t mpidr);

#endif
