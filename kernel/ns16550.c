/* SPDX-License-Identifier: MIT */
/* 16550-compatible UART, transmit only. Registers are 1 byte apart shifted by "reg-shift". */
#include <stdint.h>

#include "console.h"

#define UART_THR 0
#define UART_LSR 5
#define LSR_THRE (1u << 5)

void ns16550_putc(uintptr_t base, unsigned reg_shift, char c)
{
	volatile uint8_t *lsr = (volatile uint8_t *)(base + (UART_LSR << reg_shift));

	while (!(*lsr & LSR_THRE)) {
	}
	*(volatile uint8_t *)(base + (UART_THR << reg_shift)) = (uint8_t)c;
}
