/* SPDX-License-Identifier: MIT */
/*
 * virq.v2.vcpus: two vCPUs of one VM on this PE take turns, each with its own GICv2 virtual
 * interface state (list registers, GICH_APR, GICH_VMCR with its own EOImode and PMR, GICH_HCR
 * with its own EOICount): the vmm saves GICH_* at every exit and loads the next vCPU's at
 * every entry, so each vCPU's acknowledges and EOIs must act on its own LRs only, exactly as
 * if it ran alone (IHI 0048B 5.2: the hypervisor switches the virtual CPU interface state with
 * the vCPU).
 */
#include "v2_run.h"

#define APR_BIT(prio) (1u << ((prio) >> 3))
#define EN_ALL	      (GICV_CTLR_ENABLEGRP0 | GICV_CTLR_ENABLEGRP1 | GICV_CTLR_ACKCTL)

struct v2_vcpus_row {
	const char *name;
	struct v2_case k[V2_VCPUS_MAX];
};

/*
 * vCPU 0: one pending Group 0 LR above an interrupt active at 0xa0 that no LR holds, EOImode
 * 0; its second EOI ends that one (EOICount) with the vINTID that is vCPU 1's pending one.
 */
#define VCPU0                                                                                      \
	{                                                                                          \
		.hcr = GICH_HCR_EN, .vmcr = V2_VMCR(EN_ALL, 0xf8), .lrs = 2, .apr = APR_BIT(0xa0), \
		.lr = {LR(0x2a, 0x80, GICH_LR_PENDING, 0)},                                        \
		.script = {RD(GICV_IAR),	RD(GICV_RPR), SYNC,                                \
			   WR_ACK(GICV_EOIR),	RD(GICV_RPR), SYNC,                                \
			   WR(GICV_EOIR, 0x2b), SYNC,	      END},                                \
	}
/* vCPU 1: a pending Group 1 LR above an active one, EOImode 1, PMR 0xc0. */
#define VCPU1                                                                                      \
	{                                                                                          \
		.hcr = GICH_HCR_EN, .vmcr = V2_VMCR(EN_ALL | GICV_CTLR_EOIMODE, 0xc0), .lrs = 2,   \
		.apr = APR_BIT(0x90),                                                              \
		.lr = {LR(0x2b, 0x40, GICH_LR_PENDING, 1), LR(0x2c, 0x90, GICH_LR_ACTIVE, 0)},     \
		.script = {RD(GICV_IAR),       RD(GICV_RPR), SYNC, WR_ACK(GICV_EOIR),              \
			   WR_ACK(GICV_DIR),   RD(GICV_RPR), SYNC, WR(GICV_EOIR, 0x2c),            \
			   WR(GICV_DIR, 0x2c), RD(GICV_PMR), SYNC, END},                           \
	}

static const struct v2_vcpus_row v2_vcpus_rows[] = {
	{"[2vcpus,1vm]", {VCPU0, VCPU1}},
	{"[2vcpus,1vm,reversed]", {VCPU1, VCPU0}},
};

static const char *v2_vcpus_requires(const void *row, char *why, size_t len)
{
	return v2_requires(((const struct v2_vcpus_row *)row)->k[0].lrs, why, len);
}

static void run_v2_vcpus(struct scenario_ctx *c, const void *row)
{
	const struct v2_vcpus_row *r = row;
	const struct v2_case *k[V2_VCPUS_MAX] = {&r->k[0], &r->k[1]};
	struct v2m_trace t[V2_VCPUS_MAX];

	v2_run_cases(c, k, V2_VCPUS_MAX, t);
}

SCENARIO(virq_v2_vcpus, .id = "virq.v2.vcpus",
	 .rule = "GICv2 (IHI 0048B 5.2, 5.3): the GICH_* state is per vCPU; with two vCPUs of one "
		 "VM taking turns on one PE, each one's GICV_IAR/EOIR/DIR act on its own list "
		 "registers, GICH_APR, GICH_VMCR and EOICount only, as if it ran alone",
	 SCENARIO_ROWS(v2_vcpus_rows), .requires = v2_vcpus_requires, .run = run_v2_vcpus);
