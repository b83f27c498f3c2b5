/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_CONSOLE_H
#define KERNEL_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform.h"

/* Build-time default UART for messages before (or without) a usable DTB: QEMU virt's PL011. */
#ifndef EARLY_UART_BASE
#define EARLY_UART_BASE 0x09000000UL
#endif

/** Select the console device; until called, output goes to the early PL011. */
void console_init(enum uart_kind kind, uintptr_t base, unsigned reg_shift);
/** Write @len bytes, turning "\n" into "\r\n". */
void console_write(const char *s, size_t len);
void console_puts(const char *s);
/**
 * console_use_semihosting() - write the stream with semihosting SYS_WRITE0 instead of the UART
 * (hyptap.console=semihosting): for QEMU with -semihosting-config or a debugger only, as the
 * HLT #0xf000 it issues is UNDEFINED at EL2 without either.
 */
void console_use_semihosting(bool on);
/** console_write() that does not wait for the lock forever (crash dumps, panics). */
void console_write_urgent(const char *s, size_t len);

void pl011_putc(uintptr_t base, char c);
void pl011_flush(uintptr_t base);
void ns16550_putc(uintptr_t base, unsigned reg_shift, char c);

#endif
