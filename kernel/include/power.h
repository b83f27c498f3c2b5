/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_POWER_H
#define KERNEL_POWER_H

#include <stdint.h>

#include "platform.h"

#define PSCI_0_2_FN_SYSTEM_OFF	 0x84000008u
#define PSCI_0_2_FN64_CPU_ON	 0xc4000003u
#define PSCI_0_2_FN_PSCI_VERSION 0x84000000u

/** Issue a PSCI call through @conduit (SMCCC: function id in w0, result in x0). */
int64_t psci_call(enum psci_conduit conduit, uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);

/**
 * power_off() - end the run: semihosting SYS_EXIT_EXTENDED with @status when @semihosting,
 * else PSCI SYSTEM_OFF by SMC when the DTB has a /psci node (@conduit PSCI_SMC or PSCI_HVC:
 * at EL2 both mean SMC). With PSCI_NONE, or when that fails, power_halt().
 */
void power_off(enum psci_conduit conduit, int semihosting, int status) __attribute__((noreturn));

/**
 * power_halt() - the end when nothing can power off: one final "# hyptap: no power-off conduit
 * (@why): halted" line (only the first time), then WFI forever with interrupts masked.
 */
void power_halt(const char *why) __attribute__((noreturn));

/**
 * power_off_fault() - an exception @esr taken at EL2: if it is this PE's power_off() that raised
 * it (an UNDEFINED SMC or semihosting HLT), go on with the next way out or halt, and never
 * return; otherwise return at once (it is an ordinary unexpected exception).
 */
void power_off_fault(uint64_t esr);

#endif
