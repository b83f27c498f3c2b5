/* SPDX-License-Identifier: MIT */
/*
 * What the smp.migrate.* families share: a vCPU moved between the instance's PEs (k = 0 runs
 * the instance, k = 1 is the other; sc_run_vcpu_on()), with a fixed VMPIDR_EL2 so that its
 * MPIDR_EL1 does not follow the PE, and a "poison" vCPU of another VM that runs on the PE the
 * vCPU moves to just before it, leaving its own values in that PE's registers: state the vmm
 * failed to carry over shows as the poison's, not as a lucky leftover of the same vCPU.
 */
#ifndef SCENARIOS_SMP_MIGRATE_H
#define SCENARIOS_SMP_MIGRATE_H

#include <stdbool.h>
#include <stdint.h>

#include "scenario.h"

/* VMPIDR_EL2 of every migrating vCPU: bit 31 RES1, Aff0 0x2a, Aff1 0x3 (no PE has it). */
#define MIGRATE_VMPIDR 0x8000032aULL
/* The poison vCPU's, distinct. */
#define MIGRATE_POISON_VMPIDR 0x80000415ULL

#define MIGRATE_HOPS_MAX 3

/*
 * Guest RAM of the families' own VMs: the guest image (under 128K) and the runtime's stacks at
 * the top. Zeroing and cleaning the default 1 MiB per VM under TCG would take most of an
 * instance's time.
 */
#define MIGRATE_RAM_SIZE 0x40000

/** The PEs (instance indices) a vCPU runs on, one per run: pe[0], then each hop's. */
struct migrate_path {
	unsigned hops;
	unsigned pe[MIGRATE_HOPS_MAX + 1];
};

/**
 * migrate_expect_yield() - @e must be an HVC #@imm with preferred return address @elr (0: any
 * address); the
 * exit goes into the diagnosis only when it is not (the YAML has room for a few lines only).
 * @where names the run ("vCPU on cpu 1").
 */
bool migrate_expect_yield(struct scenario_ctx *c, const struct exit *e, uint16_t imm, uint64_t elr,
			  const char *where);

/**
 * migrate_poison() - run the poison vCPU @p on PE @k until its yield: an HVC #@imm whose
 * preferred return address is @elr (0: any). False (the instance failed) otherwise.
 */
bool migrate_poison(struct scenario_ctx *c, struct vcpu *p, unsigned k, uint16_t imm, uint64_t elr);

#endif
