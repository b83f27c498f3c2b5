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
	bool semihosting;
} console = {UART_PL011, EARLY_UART_BASE, 0, false};

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

void console_use_semihosting(bool on)
{
	console.semihosting = on;
}

/*
 * SYS_WRITE0 (0x04, Arm semihosting 2.0): a NUL-terminated string to the debug console, one
 * trap for a whole piece of the stream where the UART costs an access (in QEMU an exit) per
 * byte. Called with the console lock held: the buffer is the lock's.
 */
static void semihosting_write(const char *s, size_t len)
{
	static char buf[512];

	while (len) {
		size_t n = len < sizeof(buf) - 1 ? len : sizeof(buf) - 1;

		for (size_t i = 0; i < n; i++) {
			/* A NUL would end the string early: the TAP writer never emits one. */
			buf[i] = s[i] ? s[i] : ' ';
		}
		buf[n] = 0;
		register uint64_t x0 __asm__("x0") = 0x04;
		register uint64_t x1 __asm__("x1") = (uintptr_t)buf;

		__asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
		s += n;
		len -= n;
	}
}

static void console_write_locked(const char *s, size_t len)
{
	if (console.semihosting) {
		semihosting_write(s, len);
		return;
	}
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
