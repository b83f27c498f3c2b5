/* SPDX-License-Identifier: MIT */
/*
 * smp.migrate.gicv2: smp.migrate.vgic on GICv2 (IHI 0048B, chapter 5): a vCPU's GICH_* state
 * (the list registers, GICH_VMCR, GICH_APR, GICH_HCR) moves with it. The virq.v2 engine
 * (scenarios/virq/v2_run.h) runs the row's GICV_* script with its oracle (vgic_v2_model.h),
 * which checks every guest read and every GICH_* register at every stop; the row's pe1_stops
 * put the runs on the instance's two PEs. A second vCPU of the VM, the poison, takes its turn
 * between the moves on the PE the first one moves to next (it acknowledged an interrupt of its
 * own, at another priority, under another VMCR), so state the vmm failed to carry over shows
 * as the poison's. GICH and GICV are banked per CPU: each PE's are its own.
 */
#include "migrate.h"
#include "virq/v2_run.h"

#define EN_ALL	       (GICV_CTLR_ENABLEGRP0 | GICV_CTLR_ENABLEGRP1 | GICV_CTLR_ACKCTL)
#define VMCR_SUBJECT   V2_VMCR(EN_ALL, 0xf8)
#define VMCR_POISON    V2_VMCR(EN_ALL | GICV_CTLR_EOIMODE, 0xc0)
#define PENDING(id, p) LR(id, p, GICH_LR_PENDING, 0)

struct gicv2_row {
	const char *name;
	struct v2_case k;
};

static const struct gicv2_row gicv2_rows[] = {
	/* Stop 0 (SYNC) on PE 0, the rest on PE 1: delivered there, with its priority. */
	{"[pending,pe0>pe1]",
	 {.hcr = GICH_HCR_EN,
	  .vmcr = VMCR_SUBJECT,
	  .lrs = 2,
	  .lr = {PENDING(0x2a, 0x80)},
	  .script = {SYNC, WAIT, RD(GICV_IAR), RD(GICV_RPR), WR_ACK(GICV_EOIR), RD(GICV_RPR), SYNC,
		     END},
	  .pe1_stops = 0x6}},
	/* Acknowledged on PE 0, ended on PE 1. */
	{"[active,pe0>pe1]",
	 {.hcr = GICH_HCR_EN,
	  .vmcr = VMCR_SUBJECT,
	  .lrs = 2,
	  .lr = {PENDING(0x2b, 0x40)},
	  .script = {RD(GICV_IAR), SYNC, RD(GICV_RPR), WR_ACK(GICV_EOIR), RD(GICV_RPR), SYNC, END},
	  .pe1_stops = 0x6}},
	/* The higher one acknowledged on PE 0, ended on PE 1, the lower one taken back on PE 0. */
	{"[active+pending,pe0>pe1>pe0]",
	 {.hcr = GICH_HCR_EN,
	  .vmcr = VMCR_SUBJECT,
	  .lrs = 2,
	  .lr = {PENDING(0x2c, 0x80), PENDING(0x2d, 0x40)},
	  .script = {RD(GICV_IAR), SYNC, RD(GICV_RPR), RD(GICV_IAR), WR(GICV_EOIR, 0x2d), SYNC,
		     RD(GICV_IAR), RD(GICV_RPR), WR(GICV_EOIR, 0x2c), RD(GICV_RPR), SYNC, END},
	  .pe1_stops = 0x2}},
	{"[active+pending,pe1>pe0]",
	 {.hcr = GICH_HCR_EN,
	  .vmcr = VMCR_SUBJECT,
	  .lrs = 2,
	  .lr = {PENDING(0x2c, 0x80), PENDING(0x2d, 0x40)},
	  .script = {RD(GICV_IAR), SYNC, RD(GICV_RPR), RD(GICV_IAR), WR(GICV_EOIR, 0x2d),
		     RD(GICV_IAR), RD(GICV_RPR), WR(GICV_EOIR, 0x2c), RD(GICV_RPR), SYNC, END},
	  .pe1_stops = 0x1}},
};

/* The poison: acknowledges vINTID 0x33 at 0x10 (active, its APR bit), 0x34 left pending. */
static const struct v2_case poison = {
	.hcr = GICH_HCR_EN,
	.vmcr = VMCR_POISON,
	.lrs = 2,
	.lr = {PENDING(0x33, 0x10), PENDING(0x34, 0x18)},
	.script = {RD(GICV_IAR), SYNC, SYNC, SYNC, SYNC, END},
};

static const char *gicv2_requires(const void *row, char *why, size_t len)
{
	return v2_requires(((const struct gicv2_row *)row)->k.lrs, why, len);
}

static void run_gicv2(struct scenario_ctx *c, const void *row)
{
	const struct gicv2_row *r = row;
	struct v2_case p = poison;
	const struct v2_case *k[2] = {&r->k, &p};
	struct v2m_trace t[2];

	/* Round r of the engine runs the vCPU, then the poison: on the vCPU's PE of round r + 1. */
	p.pe1_stops = r->k.pe1_stops >> 1;
	v2_run_cases(c, k, 2, t);
}

SCENARIO(smp_migrate_gicv2, .id = "smp.migrate.gicv2", .pes = 2,
	 .rule = "A vCPU moved between PEs keeps its GICv2 virtual interface (GICH_LR<n>, "
		 "GICH_VMCR, GICH_APR, GICH_HCR): a pending vINTID loaded before the move is "
		 "signalled and acknowledged after it with its priority, one acknowledged before "
		 "it is ended after it; every GICV_* read and every GICH_* register at each stop "
		 "as the GICv2 oracle permits for a vCPU that never moved (another vCPU with other "
		 "state ran on the PE it moved to just before)",
	 SCENARIO_ROWS(gicv2_rows), .requires = gicv2_requires, .run = run_gicv2);
