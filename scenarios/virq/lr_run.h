/* SPDX-License-Identifier: MIT */
/*
 * One instance of a virq.lr.* row: the vmm loads the row's list registers (and, for "acked"
 * rows, the active priority bits of their active LRs) into a fresh vCPU, the guest
 * (gp_virq_lr, guest/virq_lr.S) optionally writes ICV_CTLR/BPR/IGRPEN/PMR, opens a bounded
 * unmasked window, then reads ICV_HPPIR0/1, ICV_RPR, ICV_IAR0/1, ICV_RPR and ICV_AP0R/AP1R<n>.
 * Every value, the vector taken in the window and the LR/APR/EISR/ELRSR/MISR state after the
 * run come from the vGIC oracle (scenarios/model/vgic_model.h) stepped through the same
 * accesses in the same order; where the architecture lets the CPU choose among equal
 * priorities, the oracle's candidate set is accepted and followed with the CPU's choice.
 */
#ifndef SCENARIOS_VIRQ_LR_RUN_H
#define SCENARIOS_VIRQ_LR_RUN_H

#include <stddef.h>
#include <stdint.h>

#include "vgic_model.h"
#include "virq_lr.h"

struct scenario_ctx;

/**
 * struct vlr_row - a virq.lr.* row.
 * @nlr:	list registers loaded (SKIP if ICH_VTR_EL2.ListRegs has fewer).
 * @lr:		their values, as written (priorities as 8 bits: the CPU keeps PRIbits of them).
 * @vmcr:	ICH_VMCR_EL2 at the first run.
 * @acked:	each Active or Pending and Active LR also has its active priority bit set (as
 *		the hypervisor restores an acknowledged interrupt), computed under the VMCR the
 *		guest's own writes leave.
 * @flags:	VF_UNMASK, VF_IAR1_FIRST, VF_WRITE_CTL, VF_WRITE_PMR (guest/virq_lr.h).
 * @pmr, @ctl:	what the guest writes with VF_WRITE_PMR / VF_WRITE_CTL.
 * @pri_bits, @pre_bits: priority / preemption bits the row needs (SKIP with fewer).
 * @pri_bits_below: the row needs fewer priority bits than this (an unimplemented bit); 0: any.
 */
struct vlr_row {
	const char *name;
	unsigned nlr;
	struct vgic_lr lr[VGIC_LRS_MAX];
	uint64_t vmcr;
	bool acked;
	unsigned flags;
	uint64_t pmr, ctl;
	unsigned pri_bits, pre_bits, pri_bits_below;
};

/* One list register of a row: LR(PENDING, 1, 0x80, 32) is a pending Group 1 vINTID 32. */
#define LR(st, grp, prio, id)                                                                      \
	{                                                                                          \
		.state = VGIC_LR_##st, .group = (grp), .priority = (prio), .vintid = (id)          \
	}

/* VMCR of most rows: both groups enabled, VPMR 0xff (all priorities unmasked), minimum BPRs. */
#define VLR_VMCR_OPEN (ICH_VMCR_VENG0 | ICH_VMCR_VENG1 | ICH_VMCR_VPMR(0xff))

/** vlr_requires() - GICv3 with the list registers and priority bits the row needs. */
const char *vlr_requires(const void *row, char *why, size_t len);

/** vlr_run() - run the row and check everything against the oracle. */
void vlr_run(struct scenario_ctx *c, const void *row);

#endif
