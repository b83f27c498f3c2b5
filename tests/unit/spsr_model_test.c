/* SPDX-License-Identifier: MIT */
/*
 * Host tests of scenarios/model/spsr_model.c against SPSR values worked out by hand from the
 * SPSR_EL2 field list (AArch64 format) and known values: 0x3c5 is EL1h with DAIF masked
 * (the value Linux and KVM use for a fresh vCPU, PSR_MODE_EL1h | PSR_D|A|I|F_BIT).
 */
#include "spsr_model.h"
#include "unit.h"

int main(void)
{
	struct pstate_a64 p = {.daif = 0xf, .el = 1, .spx = true};

	unit_eq_u64(spsr_from_pstate(&p), 0x3c5, "EL1h, DAIF masked");
	p = (struct pstate_a64){.el = 1, .spx = false};
	unit_eq_u64(spsr_from_pstate(&p), 0x4, "EL1t, nothing else");
	p = (struct pstate_a64){.nzcv = 0xa, .daif = 0x5, .el = 1, .spx = true};
	unit_eq_u64(spsr_from_pstate(&p), 0xa0000145, "N and C; A and F");
	p = (struct pstate_a64){.pan = true, .el = 1, .spx = true};
	unit_eq_u64(spsr_from_pstate(&p), 0x400005, "PAN is bit 22");
	p = (struct pstate_a64){.uao = true, .el = 1, .spx = true};
	unit_eq_u64(spsr_from_pstate(&p), 0x800005, "UAO is bit 23");
	p = (struct pstate_a64){.dit = true, .el = 1, .spx = true};
	unit_eq_u64(spsr_from_pstate(&p), 0x1000005, "DIT is bit 24");
	p = (struct pstate_a64){.tco = true, .el = 1, .spx = true};
	unit_eq_u64(spsr_from_pstate(&p), 0x2000005, "TCO is bit 25");
	p = (struct pstate_a64){.ssbs = true, .el = 1, .spx = true};
	unit_eq_u64(spsr_from_pstate(&p), 0x1005, "SSBS is bit 12");
	p = (struct pstate_a64){.ss = true, .daif = 0xf, .el = 1, .spx = true};
	unit_eq_u64(spsr_from_pstate(&p), 0x2003c5, "SS is bit 21 (DBG_SPSR_SS)");
	p = (struct pstate_a64){.nzcv = 0xf, .daif = 0xf, .el = 0};
	unit_eq_u64(spsr_from_pstate(&p), 0xf00003c0, "EL0t with every flag");
	return unit_done();
}
