/* SPDX-License-Identifier: MIT */
/*
 * The GICv3 virtual CPU interface state of a vCPU (GIC architecture IHI 0069, 12.4 "ICH_*"):
 * ICH_VMCR_EL2, the list registers and the active priority registers. The harness never uses
 * the virtual interface itself, so, like the EL1 context, this state is loaded when a vCPU is
 * first loaded and stays live across its exits.
 */
#include "arch/sysreg.h"
#include "vmm.h"
#include "vmm_internal.h"

#define ICC_SRE_EL1_SRE 1ULL

/** Write ICH_LR<n>_EL2 (n < vmm_caps.lrs): the only place the list registers are reached. */
void vgic_lr_write(unsigned n, uint64_t v)
{
	switch (n) {
	case 0:
		SYSREG_WRITE_ENC(3, 4, 12, 12, 0, v);
		return;
	case 1:
		SYSREG_WRITE_ENC(3, 4, 12, 12, 1, v);
		return;
	case 2:
		SYSREG_WRITE_ENC(3, 4, 12, 12, 2, v);
		return;
	case 3:
		SYSREG_WRITE_ENC(3, 4, 12, 12, 3, v);
		return;
	case 4:
		SYSREG_WRITE_ENC(3, 4, 12, 12, 4, v);
		return;
	case 5:
		SYSREG_WRITE_ENC(3, 4, 12, 12, 5, v);
		return;
	case 6:
		SYSREG_WRITE_ENC(3, 4, 12, 12, 6, v);
		return;
	case 7:
		SYSREG_WRITE_ENC(3, 4, 12, 12, 7, v);
		return;
	case 8:
		SYSREG_WRITE_ENC(3, 4, 12, 13, 0, v);
		return;
	case 9:
		SYSREG_WRITE_ENC(3, 4, 12, 13, 1, v);
		return;
	case 10:
		SYSREG_WRITE_ENC(3, 4, 12, 13, 2, v);
		return;
	case 11:
		SYSREG_WRITE_ENC(3, 4, 12, 13, 3, v);
		return;
	case 12:
		SYSREG_WRITE_ENC(3, 4, 12, 13, 4, v);
		return;
	case 13:
		SYSREG_WRITE_ENC(3, 4, 12, 13, 5, v);
		return;
	case 14:
		SYSREG_WRITE_ENC(3, 4, 12, 13, 6, v);
		return;
	case 15:
		SYSREG_WRITE_ENC(3, 4, 12, 13, 7, v);
		return;
	}
}

/* ICH_AP0R<n>_EL2 and ICH_AP1R<n>_EL2 (n < vmm_caps.apr_count) to 0: no active priority. */
static void vgic_clear_aprs(void)
{
	void (*const ap0[4])(uint64_t) = {write_ich_ap0r0_el2, write_ich_ap0r1_el2,
					  write_ich_ap0r2_el2, write_ich_ap0r3_el2};
	void (*const ap1[4])(uint64_t) = {write_ich_ap1r0_el2, write_ich_ap1r1_el2,
					  write_ich_ap1r2_el2, write_ich_ap1r3_el2};

	for (unsigned n = 0; n < vmm_caps.apr_count && n < 4; n++) {
		ap0[n](0);
		ap1[n](0);
	}
}

void vgic_load(const struct vcpu_config *cfg)
{
	if (vmm_caps.gic_version != 3) {
		return;
	}
	/* The guest's ICC_SRE_EL1.SRE = 1: EL1 uses the system-register (ICV_*) interface. */
	write_icc_sre_el1(ICC_SRE_EL1_SRE);
	write_ich_vmcr_el2(cfg->ich_vmcr);
	for (unsigned n = 0; n < vmm_caps.lrs; n++) {
		vgic_lr_write(n, 0);
	}
	vgic_clear_aprs();
}
