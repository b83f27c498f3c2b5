/* SPDX-License-Identifier: MIT */
/*
 * The GICv2 virtualization extensions (GIC architecture v2, IHI 0048B, chapter 5): the
 * hypervisor's GICH_* control interface and the guest's view of the GICV_* virtual CPU
 * interface, mapped into its stage 2 at the IPA where a GICv2 guest expects its GICC.
 */
#ifndef VMM_VGIC_V2_H
#define VMM_VGIC_V2_H

#include <stdint.h>

#include "arch/gicv2.h"

/** The IPA of the guest's GICV frame: where a GICv2 guest of QEMU virt finds its GICC. */
#define GUEST_GICV_IPA 0x08010000ULL
/** Bytes of the GICV frame mapped into the guest: GICV_DIR is at 0x1000. */
#define GUEST_GICV_SIZE 0x2000ULL

/** List registers the vCPU state holds (the architecture allows 64; implementations have 4). */
#define VGIC_V2_MAX_LRS 16

/**
 * A vCPU's GICv2 virtual interface state: loaded into GICH_* at every vcpu_run() and saved at
 * every return, with the read-only status registers as they were at the exit. Scenarios edit
 * .hcr, .vmcr, .apr and .lr[] between runs.
 */
struct vgic_v2_cpu {
	uint32_t hcr; /* GICH_HCR, EOICount included */
	uint32_t vmcr;
	uint32_t apr;
	uint32_t lr[VGIC_V2_MAX_LRS];
	/* Snapshots at the exit (writes are ignored). */
	uint32_t misr;
	uint32_t eisr[2], elrsr[2];
};

struct vm;

/** GICH_VTR, 0 without a GICH frame in the DTB. */
uint32_t vgic_v2_vtr(void);
/** Implemented list registers (GICH_VTR.ListRegs + 1, at most VGIC_V2_MAX_LRS), 0 without. */
unsigned vgic_v2_lrs(void);
/** Read GICH_LR<n> (n < vgic_v2_lrs()): with gich_lr_write(), the only way to the LRs. */
uint32_t gich_lr_read(unsigned n);
void gich_lr_write(unsigned n, uint32_t v);
/** Map the GICV frame into @vm at GUEST_GICV_IPA with Device-nGnRE attributes. 0 or -1. */
int vgic_v2_map_gicv(struct vm *vm);

#endif
