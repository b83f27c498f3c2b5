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
 * else PSCI SYSTEM_OFF through @conduit; if both fail, park the CPU in WFI.
 */
void power_off(enum psci_conduit conduit, int semihosting, int status) __attribute__((noreturn));

#endif
