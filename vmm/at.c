/* SPDX-License-Identifier: MIT */
/*
 * Address translation instructions on a vCPU's regime, executed by the vmm at EL2. AT S12E1*
 * uses the EL1 stage-1 registers, VTTBR_EL2/VTCR_EL2 and HCR_EL2 as they are when it executes,
 * so the vCPU's regime is loaded as for an entry and put away after; the guest never runs.
 */
#include "arch/el2.h"
#include "arch/sysreg.h"
#include "vmm.h"
#include "vmm_internal.h"

int vcpu_at_s12(struct vcpu *v, enum at_s12_op op, uint64_t va, uint64_t *par)
{
	/*
	 * An AArch32 EL1 regime with the long-descriptor format (TTBCR.EAE = 1) reports in PAR_EL1's
	 * 64-bit layout; with the short-descriptor one the 32-bit PAR format would be used, which
	 * callers do not decode. E2H = 1 is the EL2&0 regime's business.
	 */
	if ((v->cfg.aarch32 && !(v->el1.tcr_el1 & TTBCR_EAE)) || v->cfg.e2h) {
		return -1;
	}
	vcpu_load_regime(v);
	switch (op) {
	case AT_S12E1R:
		at_s12e1r(va);
		break;
	case AT_S12E1W:
		at_s12e1w(va);
		break;
	case AT_S12E0R:
		at_s12e0r(va);
		break;
	case AT_S12E0W:
		at_s12e0w(va);
		break;
	}
	isb();
	*par = read_par_el1();
	vcpu_put_regime();
	return 0;
}
