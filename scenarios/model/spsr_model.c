/* SPDX-License-Identifier: MIT */
/* SPSR_ELx of an exception taken from AArch64 (see spsr_model.h). */
#include "spsr_model.h"

static uint64_t bit(bool set, unsigned pos)
{
	return set ? 1ULL << pos : 0;
}

uint64_t spsr_from_pstate(const struct pstate_a64 *p)
{
	return (uint64_t)(p->nzcv & 0xf) << 28 | bit(p->tco, 25) | bit(p->dit, 24) |
	       bit(p->uao, 23) | bit(p->pan, 22) | bit(p->ss, 21) | bit(p->ssbs, 12) |
	       (uint64_t)(p->daif & 0xf) << 6 | (uint64_t)(p->el & 3) << 2 | bit(p->spx, 0);
}
