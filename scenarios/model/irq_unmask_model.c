/* SPDX-License-Identifier: MIT */
/* The window in which an unmasked pending IRQ must be taken (see irq_unmask_model.h). */
#include "irq_unmask_model.h"

#define A64_INSN 4u

bool irq_unmask_elr_ok(uint64_t elr, uint64_t msr)
{
	/* Before the ISB (ELR = the ISB) or after it (ELR = the instruction after it). */
	return elr == msr + A64_INSN || elr == msr + 2 * A64_INSN;
}
