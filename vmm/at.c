/* SPDX-License-Identifier: MIT */
/*
 * Address translation instructions on a vCPU's regime, executed by the vmm at EL2. AT S12E1*
 * uses the EL1 stage-1 registers, VTTBR_EL2/VTCR_EL2 and HCR_EL2 as they are when it executes,
 * so the vCPU's regime is loaded as for an entry and put away after; the guest never runs.
 */
#include "arch/sysreg.h"
#include "vmm.h"
#include "vmm_internal.h"

int vcpu_at_s12e1(struct vcpu *v, uint64_t va, bool write, uint64_t *par)
{
	/* AArch32 EL1 uses the LPAE/short formats; E2H = 1 is the EL2&0 regime's business. */
	if (v->cfg.aarch32 || v->cfg.e2h) {
		return -1;
	}
	vcpu_load_regime(v);
	if (write) {
		at_s12e1w(va);
	} else {
		at_s12e1r(va);
	}
	isb();
	*par = read_par_el1();
	vcpu_put_regime();
	return 0;
}
