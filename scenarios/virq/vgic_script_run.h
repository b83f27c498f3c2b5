/* SPDX-License-Identifier: MIT */
/*
 * What virq.eoi and virq.hw share around the vGIC script: the list-register row type, the SKIP
 * reasons read from the CPU, the guest's start and its sync points.
 */
#ifndef SCENARIOS_VIRQ_VGIC_SCRIPT_RUN_H
#define SCENARIOS_VIRQ_VGIC_SCRIPT_RUN_H

#include "vgic_script.h"

/* ICH_VMCR_EL2 of most rows: both groups on, no priority mask, VBPR0 = 2, VBPR1 = 3 (the
 * minimums with 5 preemption bits, so group priorities are bits [7:3] on every CPU). */
#define VS_VMCR_BPR(b0, b1)                                                                        \
	(ICH_VMCR_VENG0 | ICH_VMCR_VENG1 | ICH_VMCR_VPMR(0xff) | ICH_VMCR_VBPR0(b0) |              \
	 ICH_VMCR_VBPR1(b1))
#define VS_VMCR VS_VMCR_BPR(2, 3)

/* One list register of a row (HW = 0; virq.hw sets the HW fields itself). */
struct vs_lr {
	enum vgic_lr_state state; /* VGIC_LR_INVALID: the LR stays empty */
	unsigned group, priority, vintid;
};

#define VS_LRP(g, prio, id)                                                                        \
	{                                                                                          \
		VGIC_LR_PENDING, (g), (prio), (id)                                                 \
	}
#define VS_LRA(g, prio, id)                                                                        \
	{                                                                                          \
		VGIC_LR_ACTIVE, (g), (prio), (id)                                                  \
	}
#define VS_LRPA(g, prio, id)                                                                       \
	{                                                                                          \
		VGIC_LR_PENDING_ACTIVE, (g), (prio), (id)                                          \
	}

/** NULL with a GICv3 CPU interface of at least @lrs list registers, else the SKIP reason. */
const char *vs_requires(unsigned lrs, char *why, size_t len);

/**
 * vs_start() - a fresh VM running gp_virq_script with @ops, ICH_VMCR_EL2 @vmcr and
 * ICH_HCR_EL2 @hcr (En set by the caller), and the oracle for it. False if the VM failed.
 */
bool vs_start(struct vs_run *r, struct scenario_ctx *c, const uint16_t *ops, uint64_t vmcr,
	      uint64_t hcr);

/** Load row LR @lr into list register @n (all 0 for an invalid one). */
void vs_load_lr(struct vs_run *r, unsigned n, const struct vs_lr *lr);

/**
 * vs_expect_sync() - @e must be the guest's VS_SYNC (HVC #VS_SYNC_IMM); the ops up to it are
 * replayed. False (the instance failed) otherwise.
 */
bool vs_expect_sync(struct vs_run *r, const struct exit *e);

/** The index of the @k-th VS_SYNC op of the script (k from 0), VS_OPS_MAX if none. */
unsigned vs_sync_index(const struct vs_run *r, unsigned k);

#endif
