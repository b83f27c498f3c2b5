/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_KERNEL_H
#define KERNEL_KERNEL_H

#include <stdbool.h>
#include <stdint.h>

#define HYPTAP_VERSION "0.1"

/** Print "Bail out! <reason>" and end the run (power off). Usable from any context. */
void kernel_panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

/** Power off at the end of a run, through the exit method selected by the bootargs. */
void kernel_exit(int status) __attribute__((noreturn));
/** Select semihosting instead of PSCI SYSTEM_OFF for kernel_exit(). */
void kernel_set_exit_semihosting(bool on);

/** Milliseconds since boot (CNTPCT_EL0 / CNTFRQ_EL0). */
unsigned long kernel_uptime_ms(void);

/** Exception level the image was entered at (3: dropped to EL2 by head.S). */
extern unsigned kernel_entry_el;
/** Physical address the image was loaded at (its link address is 0: add this for symbols). */
extern uintptr_t kernel_load_base;

/** The suite entry point, called once the platform is up (scenarios/runner.c). */
int hyptap_run(void);

#endif
