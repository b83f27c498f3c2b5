/* SPDX-License-Identifier: MIT */
/* The console: one UART chosen from the DTB, or the build-time early PL011 before that. */
#include <string.h>

#include "console.h"
#include "smp.h"

/* Each console_write() is whole: two PEs' lines never interleave inside one call. */
static struct spinlock console_lock;

static struct {
	enum uart_kind kind;
	uintptr_t base;
	unsigned reg_shift;
} console = {UART_PL011, EARLY_UART_BASE, 0};

void console_init(enum uart_kind kind, uintptr_t base, unsigned reg_shift)
{
	console.kind = kind;
	console.base = base;
	console.reg_shift = reg_shift;
}

static void console_putc(char c)
{
	if (console.kind == UART_NS16550) {
		ns16550_putc(console.base, console.reg_shift, c);
	} else {
		pl011_putc(console.base, c);
	}
}

static void console_write_locked(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n') {
			console_putc('\r');
		}
		console_putc(s[i]);
	}
}

void console_write(const char *s, size_t len)
{
	spin_lock(&console_lock);
	console_write_locked(s, len);
	spin_unlock(&console_lock);
}

/*
 * For a PE that crashed or panics: it may hold the lock itself (or its holder may be the PE
 * that died), so wait a bounded time, then write anyway: a garbled line beats a lost dump.
 */
void console_write_urgent(const char *s, size_t len)
{
	bool got = false;

	for (unsigned i = 0; i < 1000000 && !(got = spin_trylock(&console_lock)); i++) {
	}
	console_write_locked(s, len);
	if (got) {
		spin_unlock(&console_lock);
	}
}

void console_puts(const char *s)
{
	/* A plain loop: this also runs with the MMU off, where newlib's strlen is not safe. */
	while (*s) {
		console_write(s++, 1);
	}
}
