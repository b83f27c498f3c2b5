/* SPDX-License-Identifier: MIT */
/*
 * The GICv2 hypervisor interface (IHI 0048B, 5.3 "GIC virtual interface control registers"):
 * GICH_* MMIO in the frame of the DTB's GIC node (reg entry 2), and the vCPU's copy of it.
 * Like the GICv3 state (vgic.c, the entry point for both), it is loaded at every vcpu_run()
 * and saved at every return, and GICH_HCR is cleared between runs (vgic_v2_put()): a
 * maintenance condition of a stopped vCPU never reaches the harness, and the scenario sees
 * GICH_MISR/EISR/ELRSR as the exit left them.
 */
#include <stdio.h>

#include "arch/pte.h"
#include "platform.h"
#include "vmm.h"
#include "vmm_internal.h"

static uint32_t gich_read(unsigned off)
{
	return *(volatile uint32_t *)(uintptr_t)(platform.gich.base + off);
}

static void gich_write(unsigned off, uint32_t v)
{
	*(volatile uint32_t *)(uintptr_t)(platform.gich.base + off) = v;
}

uint32_t vgic_v2_vtr(void)
{
	return platform.gic_version == 2 && platform.gich.size ? gich_read(GICH_VTR) : 0;
}

unsigned vgic_v2_lrs(void)
{
	static unsigned lrs = ~0u;

	if (lrs == ~0u) {
		uint32_t vtr = vgic_v2_vtr();
		unsigned n = vtr ? GICH_VTR_LISTREGS(vtr) + 1 : 0;

		lrs = n > VGIC_V2_MAX_LRS ? VGIC_V2_MAX_LRS : n;
	}
	return lrs;
}

uint32_t gich_lr_read(unsigned n)
{
	return n < vgic_v2_lrs() ? gich_read(GICH_LR0 + 4 * n) : 0;
}

void gich_lr_write(unsigned n, uint32_t v)
{
	if (n < vgic_v2_lrs()) {
		gich_write(GICH_LR0 + 4 * n, v);
	}
}

int vgic_v2_map_gicv(struct vm *vm)
{
	if (platform.gicv.size < GUEST_GICV_SIZE) {
		return -1;
	}
	return vm_map(vm, IPA(GUEST_GICV_IPA), PADDR(platform.gicv.base), GUEST_GICV_SIZE,
		      PTE_AF | PTE_S2AP_RW | PTE_S2_XN | PTE_S2_MEMATTR(S2_MEMATTR_DEVICE_nGnRE));
}

void vgic_v2_load(const struct vgic_v2_cpu *g)
{
	unsigned lrs = vgic_v2_lrs();

	if (!lrs) {
		return;
	}
	gich_write(GICH_VMCR, g->vmcr);
	gich_write(GICH_APR, g->apr);
	for (unsigned n = 0; n < lrs; n++) {
		gich_lr_write(n, g->lr[n]);
	}
	/* Last: En = 1 starts signalling with everything else in place. */
	gich_write(GICH_HCR, g->hcr);
}

void vgic_v2_save(struct vgic_v2_cpu *g)
{
	unsigned lrs = vgic_v2_lrs();

	if (!lrs) {
		return;
	}
	/* The status registers first: they depend on GICH_HCR, which vgic_v2_put() clears. */
	g->misr = gich_read(GICH_MISR);
	g->eisr[0] = gich_read(GICH_EISR0);
	g->eisr[1] = gich_read(GICH_EISR1);
	g->elrsr[0] = gich_read(GICH_ELRSR0);
	g->elrsr[1] = gich_read(GICH_ELRSR1);
	g->hcr = gich_read(GICH_HCR);
	g->vmcr = gich_read(GICH_VMCR);
	g->apr = gich_read(GICH_APR);
	for (unsigned n = 0; n < lrs; n++) {
		g->lr[n] = gich_lr_read(n);
	}
}

void vgic_v2_put(void)
{
	if (vgic_v2_lrs()) {
		gich_write(GICH_HCR, 0);
	}
}

int vgic_v2_leak_check(char *what, size_t len)
{
	uint32_t hcr;

	if (!vgic_v2_lrs() || !(hcr = gich_read(GICH_HCR))) {
		return 0;
	}
	snprintf(what, len, "GICH_HCR = 0x%x between instances (0 expected)", (unsigned)hcr);
	gich_write(GICH_HCR, 0);
	return -1;
}
