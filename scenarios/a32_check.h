/* SPDX-License-Identifier: MIT */
/*
 * What the AArch32 trap scenarios share: the requirement (EL1 can run AArch32), the AArch64
 * view of the payloads' registers, and checks against a set of permitted syndromes
 * (scenarios/model/esr_aarch32_model.h).
 */
#ifndef SCENARIOS_A32_CHECK_H
#define SCENARIOS_A32_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "esr_aarch32_model.h"
#include "scenario.h"

#define A32_COND_NE 0x1 /* the condition the payloads' conditional accesses use */

/** NULL if EL1 can be AArch32 (ID_AA64PFR0_EL1.EL1 = 0b0010), else the SKIP reason. */
const char *aarch32_el1_requires(const void *row, char *why, size_t len);

/** The AArch64 view of payload register r@r: payloads run in Supervisor mode. */
unsigned a32_view(unsigned r);

/** The entry of a payload: bit 0 set for a T32 function (BLX interworking). */
#define A32_ENTRY(sym, t32) ((sym) | ((t32) ? 1ULL : 0ULL))

/**
 * a32_expect_trap() - @e must be a @reason exit whose ESR_EL2 is in @set, whose ELR_EL2 is
 * @elr and whose SPSR_EL2 is the PSTATE of the instruction issued as @is: Supervisor mode, T
 * = T32, ITSTATE that of the instruction (0 outside an IT block; the payloads' IT blocks hold
 * one instruction, firstcond:mask = cond:1000). The diagnosis lists the permitted syndromes
 * and explains the difference from the closest one. Returns false only when the exit is of
 * another kind.
 */
bool a32_expect_trap(struct scenario_ctx *c, const struct exit *e, enum exit_reason reason,
		     const struct esr_set *set, uint64_t elr, const struct a32_issue *is);

/**
 * a32_expect_trap_then_done() - a32_expect_trap(), then the vmm skips the trapped instruction
 * and resumes the guest, which must end with status 0 (a32_expect_done()).
 */
void a32_expect_trap_then_done(struct scenario_ctx *c, const struct exit *e,
			       enum exit_reason reason, const struct esr_set *set, uint64_t elr,
			       const struct a32_issue *is);

/**
 * a32_expect_done() - sc_expect_done(), and every exception the guest took from A32 code (its
 * last service call and the final EXIT) saved ITSTATE 0 in SPSR_EL2: ITSTATE is only non-zero
 * in T32 state inside an IT block.
 */
bool a32_expect_done(struct scenario_ctx *c, const struct exit *e, uint64_t status);

/**
 * a32_expect_undef() - the guest took an Undefined Instruction exception at EL1 (vector 0x04)
 * on the instruction at @insn, its runtime skipped it and the payload ended with status 0.
 */
bool a32_expect_undef(struct scenario_ctx *c, const struct exit *e, uint64_t insn);

#endif
