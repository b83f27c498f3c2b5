/* SPDX-License-Identifier: MIT */
/* ARM PrimeCell UART (PL011), transmit only (PL011 TRM, DDI 0183). */
#include <stdint.h>

#include "console.h"

#define UARTDR	0x000
#define UARTFR	0x018
#define FR_TXFF (1u << 5)
#define FR_BUSY (1u << 3)

static inline uint32_t rd(uintptr_t base, unsigned off)
{
	return *(volatile uint32_t *)(base + off);
}

void pl011_putc(uintptr_t base, char c)
{
	while (rd(base, UARTFR) & FR_TXFF) {
	}
	*(volatile uint32_t *)(base + UARTDR) = (uint8_t)c;
}

void pl011_flush(uintptr_t base)
{
	while (rd(base, UARTFR) & FR_BUSY) {
	}
}
