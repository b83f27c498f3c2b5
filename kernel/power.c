/* SPDX-License-Identifier: MIT */
/* Leaving the run: PSCI SYSTEM_OFF (DEN0022) or semihosting exit (Arm semihosting 2.0). */
#include "power.h"

int64_t psci_call(enum psci_conduit conduit, uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3)
{
	register uint64_t x0 __asm__("x0") = fn;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	register uint64_t x3 __asm__("x3") = a3;

	if (conduit == PSCI_HVC) {
		__asm__ volatile("hvc #0" : "+r"(x0) : "r"(x1), "r"(x2), "r"(x3) : "memory");
	} else {
		__asm__ volatile("smc #0" : "+r"(x0) : "r"(x1), "r"(x2), "r"(x3) : "memory");
	}
	return (int64_t)x0;
}

/* SYS_EXIT_EXTENDED (0x20) with ADP_Stopped_ApplicationExit and the exit status. */
static void semihosting_exit(int status)
{
	static volatile uint64_t block[2];

	block[0] = 0x20026; /* ADP_Stopped_ApplicationExit */
	block[1] = (uint64_t)status;
	register uint64_t x0 __asm__("x0") = 0x20;
	register uint64_t x1 __asm__("x1") = (uint64_t)block;

	__asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
}

void power_off(enum psci_conduit conduit, int semihosting, int status)
{
	if (semihosting) {
		semihosting_exit(status);
	}
	/* At EL2 the only conduit that reaches firmware is SMC; an "hvc" DT means EL1 use. */
	psci_call(conduit == PSCI_NONE ? PSCI_SMC : conduit, PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
	for (;;) {
		__asm__ volatile("wfi");
	}
}
