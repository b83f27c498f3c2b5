/* SPDX-License-Identifier: MIT */
/*
 * A vCPU's virtual CPU interface state, behind one vgic_load()/vgic_save()/vgic_put() for
 * either GIC: GICv3 here (IHI 0069, 12.4 "ICH_*": ICH_HCR_EL2, ICH_VMCR_EL2, the list
 * registers, the active priority registers), GICv2 in vgic_v2.c. Loaded at every vcpu_run()
 * and saved when it returns (with the read-only status registers), so that scenarios see and
 * set the state between runs; while the harness runs, ICH_HCR_EL2 (GICH_HCR) = 0 keeps the
 * virtual interface off, so no maintenance interrupt reaches EL2 outside a guest.
 */
#include <stdio.h>

#include "arch/sysreg.h"
#include "vmm.h"
#include "vmm_internal.h"

#define ICC_SRE_EL1_SRE 1ULL

/** Read ICH_LR<n>_EL2 (n < vmm_caps.lrs): with vgic_lr_write(), the only place the list
 * registers are reached. */
uint64_t vgic_lr_read(unsigned n)
{
	switch (n) {
	case 0:
		return SYSREG_READ_ENC(3, 4, 12, 12, 0);
	case 1:
		return SYSREG_READ_ENC(3, 4, 12, 12, 1);
	case 2:
		return SYSREG_READ_ENC(3, 4, 12, 12, 2);
	case 3:
		return SYSREG_READ_ENC(3, 4, 12, 12, 3);
	case 4:
		return SYSREG_READ_ENC(3, 4, 12, 12, 4);
	case 5:
		return SYSREG_READ_ENC(3, 4, 12, 12, 5);
	case 6:
		return SYSREG_READ_ENC(3, 4, 12, 12, 6);
	case 7:
		return SYSREG_READ_ENC(3, 4, 12, 12, 7);
	case 8:
		return SYSREG_READ_ENC(3, 4, 12, 13, 0);
	case 9:
		return SYSREG_READ_ENC(3, 4, 12, 13, 1);
	case 10:
		return SYSREG_READ_ENC(3, 4, 12, 13, 2);
	case 11:
		return SYSREG_READ_ENC(3, 4, 12, 13, 3);
	case 12:
		return SYSREG_READ_ENC(3, 4, 12, 13, 4);
	case 13:
		return SYSREG_READ_ENC(3, 4, 12, 13, 5);
	case 14:
		return SYSREG_READ_ENC(3, 4, 12, 13, 6);
	case 15:
		return SYSREG_READ_ENC(3, 4, 12, 13, 7);
	}
	return 0;
}

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

/* ICH_AP0R<n>_EL2 and ICH_AP1R<n>_EL2, n < vmm_caps.apr_count. */
static void (*const ap0r_write[VGIC_MAX_APRS])(uint64_t) = {
	write_ich_ap0r0_el2, write_ich_ap0r1_el2, write_ich_ap0r2_el2, write_ich_ap0r3_el2};
static void (*const ap1r_write[VGIC_MAX_APRS])(uint64_t) = {
	write_ich_ap1r0_el2, write_ich_ap1r1_el2, write_ich_ap1r2_el2, write_ich_ap1r3_el2};
static uint64_t (*const ap0r_read[VGIC_MAX_APRS])(void) = {read_ich_ap0r0_el2, read_ich_ap0r1_el2,
							   read_ich_ap0r2_el2, read_ich_ap0r3_el2};
static uint64_t (*const ap1r_read[VGIC_MAX_APRS])(void) = {read_ich_ap1r0_el2, read_ich_ap1r1_el2,
							   read_ich_ap1r2_el2, read_ich_ap1r3_el2};

void vgic_init(struct vgic_cpu *g, const struct vcpu_config *cfg)
{
	/* Empty list registers, no active priority: only ICH_VMCR_EL2 comes from the config. */
	*g = (struct vgic_cpu){.vmcr = cfg->ich_vmcr, .hcr = cfg->ich_hcr};
}

static void vgic_v3_save(struct vgic_cpu *g)
{
	g->hcr = read_ich_hcr_el2();
	g->vmcr = read_ich_vmcr_el2();
	g->misr = read_ich_misr_el2();
	g->eisr = read_ich_eisr_el2();
	g->elrsr = read_ich_elrsr_el2();
	for (unsigned n = 0; n < vmm_caps.lrs; n++) {
		g->lr[n] = vgic_lr_read(n);
	}
	for (unsigned n = 0; n < vmm_caps.apr_count && n < VGIC_MAX_APRS; n++) {
		g->ap0r[n] = ap0r_read[n]();
		g->ap1r[n] = ap1r_read[n]();
	}
}

static void vgic_v3_load(const struct vgic_cpu *g)
{
	/* The guest's ICC_SRE_EL1.SRE = 1: EL1 uses the system-register (ICV_*) interface. */
	write_icc_sre_el1(ICC_SRE_EL1_SRE);
	write_ich_vmcr_el2(g->vmcr);
	for (unsigned n = 0; n < vmm_caps.lrs; n++) {
		vgic_lr_write(n, g->lr[n]);
	}
	for (unsigned n = 0; n < vmm_caps.apr_count && n < VGIC_MAX_APRS; n++) {
		ap0r_write[n](g->ap0r[n]);
		ap1r_write[n](g->ap1r[n]);
	}
	write_ich_hcr_el2(g->hcr);
}

/* The one entry point for the vCPU's virtual interface, whichever GIC the platform has. */
void vgic_load(const struct vcpu *v)
{
	if (vmm_caps.gic_version == 3) {
		vgic_v3_load(&v->vgic);
	} else if (vmm_caps.gic_version == 2) {
		vgic_v2_load(&v->gicv2);
	}
}

void vgic_save(struct vcpu *v)
{
	if (vmm_caps.gic_version == 3) {
		vgic_v3_save(&v->vgic);
	} else if (vmm_caps.gic_version == 2) {
		vgic_v2_save(&v->gicv2);
	}
}

void vgic_put(void)
{
	if (vmm_caps.gic_version == 3) {
		write_ich_hcr_el2(0);
	} else if (vmm_caps.gic_version == 2) {
		vgic_v2_put();
	}
}

int vgic_leak_check(char *what, size_t len)
{
	uint64_t hcr;

	if (vmm_caps.gic_version == 2) {
		return vgic_v2_leak_check(what, len);
	}
	if (vmm_caps.gic_version != 3 || !(hcr = read_ich_hcr_el2())) {
		return 0;
	}
	snprintf(what, len, "ICH_HCR_EL2 = 0x%llx between instances (0 expected)",
		 (unsigned long long)hcr);
	write_ich_hcr_el2(0);
	return -1;
}
