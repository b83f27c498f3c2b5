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
#include "smp.h"
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

/*
 * Every ICH_* access is a trip through QEMU's global lock (the GIC CPU interface registers are
 * ARM_CP_IO), and with several PEs those trips serialise them: the full save and load of every
 * run made -smp 2 slower than -smp 1 on stage2.*. So, as KVM saves only the list registers in
 * use, a vCPU whose virtual interface is idle (no list register, no active priority, ICH_HCR 0)
 * moves only what its guest can change: ICH_VMCR_EL2 and the APRs (ICV_PMR/BPR/IGRPEN and
 * ICV_AP<n>R writes), and ICH_HCR_EL2 (EOIcount). What this PE's list registers and APRs
 * hold is tracked, and forgotten after every instance (vgic_leak_check()), since scenarios also
 * write ICH_* directly.
 */
static struct {
	bool zero; /* the LRs and APRs of this PE are all 0 */
} hw_state[CPU_MAX];

static bool vgic_v3_idle(const struct vgic_cpu *g)
{
	uint64_t any = g->hcr;

	for (unsigned n = 0; n < vmm_caps.lrs; n++) {
		any |= g->lr[n];
	}
	for (unsigned n = 0; n < vmm_caps.apr_count && n < VGIC_MAX_APRS; n++) {
		any |= g->ap0r[n] | g->ap1r[n];
	}
	return !any;
}

static void vgic_v3_save_aprs(struct vgic_cpu *g)
{
	for (unsigned n = 0; n < vmm_caps.apr_count && n < VGIC_MAX_APRS; n++) {
		g->ap0r[n] = ap0r_read[n]();
		g->ap1r[n] = ap1r_read[n]();
	}
}

static void vgic_v3_save(struct vgic_cpu *g)
{
	g->hcr = read_ich_hcr_el2();
	if (g->idle && !g->hcr) {
		/*
		 * Loaded idle and ICH_HCR_EL2 still 0: the list registers are still empty (a
		 * guest cannot write them), so with every maintenance enable 0 ICH_MISR_EL2 and
		 * ICH_EISR_EL2 are 0 and every list register is in ICH_ELRSR_EL2.
		 */
		g->vmcr = read_ich_vmcr_el2();
		g->misr = 0;
		g->eisr = 0;
		g->elrsr = (1u << vmm_caps.lrs) - 1;
		vgic_v3_save_aprs(g);
		hw_state[smp_this_cpu()].zero = vgic_v3_idle(g);
		return;
	}
	g->vmcr = read_ich_vmcr_el2();
	g->misr = read_ich_misr_el2();
	g->eisr = read_ich_eisr_el2();
	g->elrsr = read_ich_elrsr_el2();
	for (unsigned n = 0; n < vmm_caps.lrs; n++) {
		g->lr[n] = vgic_lr_read(n);
	}
	vgic_v3_save_aprs(g);
	hw_state[smp_this_cpu()].zero = false;
}

static void vgic_v3_load(struct vgic_cpu *g)
{
	bool *zero = &hw_state[smp_this_cpu()].zero;

	/* The guest's ICC_SRE_EL1.SRE = 1: EL1 uses the system-register (ICV_*) interface. */
	write_icc_sre_el1(ICC_SRE_EL1_SRE);
	write_ich_vmcr_el2(g->vmcr);
	g->idle = vgic_v3_idle(g);
	if (g->idle && *zero) {
		return; /* ICH_HCR_EL2 is 0 between runs (vgic_put()), as the vCPU's */
	}
	*zero = false;
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
void vgic_load(struct vcpu *v)
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
	if (vmm_caps.gic_version == 3) {
		hw_state[smp_this_cpu()].zero = false; /* the instance may have written ICH_* */
	}
	if (vmm_caps.gic_version != 3 || !(hcr = read_ich_hcr_el2())) {
		return 0;
	}
	snprintf(what, len, "ICH_HCR_EL2 = 0x%llx between instances (0 expected)",
		 (unsigned long long)hcr);
	write_ich_hcr_el2(0);
	return -1;
}
