/* SPDX-License-Identifier: MIT */
/*
 * Leaving the run: PSCI SYSTEM_OFF (DEN0022) or semihosting exit (Arm semihosting 2.0), and
 * where neither can work, a halt that says so. Each way out is tried once: an exception it
 * raises (an SMC that firmware made UNDEFINED with SCR_EL3.SMD, a semihosting HLT with no
 * debugger) comes back here through power_off_fault() and moves on to the next, never to a
 * second try (docs/design-notes.md, "Firmware that leaves the GIC Secure or gives no PSCI").
 */
#include <stdbool.h>
#include <stdio.h>

#include "arch/esr.h"
#include "arch/sysreg.h"
#include "console.h"
#include "esr_name.h"
#include "power.h"

/* How far the PE in power_off() got: what an exception it takes interrupted. */
enum power_stage { POWER_RUNNING, POWER_SEMIHOSTING, POWER_PSCI, POWER_HALTING };

static volatile enum power_stage stage;
static volatile uint64_t stage_mpidr; /* the PE in power_off() */
static volatile enum psci_conduit stage_conduit;

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

/* WFI forever with interrupts masked: WFI still returns on a pending one, the loop goes back. */
static void __attribute__((noreturn)) park(void)
{
	__asm__ volatile("msr daifset, #0xf" ::: "memory");
	for (;;) {
		__asm__ volatile("wfi");
	}
}

void power_halt(const char *why)
{
	static bool said;
	char line[240];

	stage = POWER_HALTING;
	/* Once for the whole system: a PE that halts after another has nothing to add. */
	if (!__atomic_exchange_n(&said, true, __ATOMIC_ACQ_REL)) {
		int n = snprintf(line, sizeof(line),
				 "# hyptap: no power-off conduit (%s): halted\n", why);

		console_write_urgent(line, n < 0		      ? 0
					   : (size_t)n < sizeof(line) ? (size_t)n
								      : sizeof(line) - 1);
	}
	park();
}

/* PSCI SYSTEM_OFF; it returns only if firmware refuses it. */
static void __attribute__((noreturn)) psci_off(enum psci_conduit conduit)
{
	char why[120];

	if (conduit == PSCI_NONE) {
		power_halt("no /psci node in the DTB");
	}
	stage = POWER_PSCI;
	/* At EL2 the only conduit that reaches firmware is SMC; an "hvc" DT means EL1 use. */
	int64_t rc = psci_call(PSCI_SMC, PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);

	snprintf(why, sizeof(why), "PSCI SYSTEM_OFF returned %lld", (long long)rc);
	power_halt(why);
}

void power_off(enum psci_conduit conduit, int semihosting, int status)
{
	if (stage != POWER_RUNNING) {
		/* A second way in (another PE's panic, a fault on the way out): the first goes on.
		 */
		park();
	}
	stage_mpidr = read_mpidr_el1();
	stage_conduit = conduit;
	if (semihosting) {
		stage = POWER_SEMIHOSTING;
		semihosting_exit(status);
	}
	psci_off(conduit);
}

void power_off_fault(uint64_t esr)
{
	char why[160];
	unsigned ec = esr_ec(esr);

	if (stage == POWER_RUNNING || read_mpidr_el1() != stage_mpidr) {
		return;
	}
	switch (stage) {
	case POWER_SEMIHOSTING:
		/* No debugger behind the HLT: PSCI is next. */
		psci_off(stage_conduit);
	case POWER_PSCI:
		snprintf(why, sizeof(why),
			 "the PSCI SYSTEM_OFF SMC raised EC 0x%02x %s: SMC is UNDEFINED at EL2, "
			 "without EL3 or with SCR_EL3.SMD = 1",
			 ec, esr_ec_name(ec));
		break;
	default:
		/* Halting already said why: nothing more to print. */
		park();
	}
	power_halt(why);
}
