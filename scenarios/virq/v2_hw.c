/* SPDX-License-Identifier: MIT */
/*
 * virq.v2.hw: GICH_LR.HW (IHI 0048B 5.3.8, 5.4.3). The harness takes a physical PPI at EL2
 * (GICC_IAR, then a priority drop only: EOImode = 1) and leaves it active; an LR with HW = 1
 * and PhysicalID = that PPI hands it to the guest, whose deactivation of the vINTID (GICV_EOIR
 * with EOImode 0, GICV_DIR with EOImode 1) must deactivate the PPI too, as GICD_ISACTIVER0
 * shows; with HW = 0 the PPI must stay active. A PPI, not an SGI: an HW = 1 LR forwards a
 * hardware interrupt (QEMU 10's gic_clear_active() ignores a PhysicalID below 16 as
 * UNPREDICTABLE).
 */
#include <stdio.h>

#include "gic.h"
#include "v2_run.h"

/* A PPI no device of the platform drives (virt: 23 PMU, 25 maintenance, 26-30 timers). */
#define HW_PINTID 20
#define HW_VINTID 0x40
#define EN_ALL	  (GICV_CTLR_ENABLEGRP0 | GICV_CTLR_ENABLEGRP1 | GICV_CTLR_ACKCTL)

/* At every stop: the PPI is active unless the oracle says the guest deactivated it. */
static void hw_at_stop(struct scenario_ctx *c, const char *at, const struct v2m_event *ev)
{
	char what[64];

	snprintf(what, sizeof(what), "%s.gicd_isactiver0.intid%u", at, HW_PINTID);
	sc_expect_u64(c, what, gic_irq_active(HW_PINTID),
		      !(ev->state.phys_deactivated >> HW_PINTID & 1));
}

#define HW_LR(hw, vid)                                                                             \
	(LR(vid, 0x80, GICH_LR_PENDING, 0) |                                                       \
	 ((hw) ? GICH_LR_HW | GICH_LR_PHYSICALID(HW_PINTID) : 0))
#define HW_ROW(name, hw, vid, mode, ...)                                                           \
	{                                                                                          \
		"[" name "]",                                                                      \
		{                                                                                  \
			.hcr = GICH_HCR_EN,                                                        \
			.vmcr = V2_VMCR(EN_ALL | ((mode) ? GICV_CTLR_EOIMODE : 0), 0xf8),          \
			.lrs = 1, .lr = {HW_LR(hw, vid)}, .script = {__VA_ARGS__},                 \
			.at_stop = hw_at_stop,                                                     \
		}                                                                                  \
	}
#define MODE0 RD(GICV_IAR), SYNC, WR_ACK(GICV_EOIR), SYNC, END
#define MODE1 RD(GICV_IAR), WR_ACK(GICV_EOIR), SYNC, WR_ACK(GICV_DIR), SYNC, END

static const struct v2_row v2_hw_rows[] = {
	HW_ROW("hw=1,eoimode=0", 1, HW_VINTID, 0, MODE0),
	HW_ROW("hw=1,eoimode=1", 1, HW_VINTID, 1, MODE1),
	HW_ROW("hw=1,eoimode=0,vintid=pintid", 1, HW_PINTID, 0, MODE0),
	HW_ROW("hw=0,eoimode=0", 0, HW_VINTID, 0, MODE0),
	HW_ROW("hw=0,eoimode=1", 0, HW_VINTID, 1, MODE1),
};

static void run_v2_hw(struct scenario_ctx *c, const void *row)
{
	const struct v2_row *r = row;
	struct v2m_trace t;

	gic_irq_set_priority(HW_PINTID, 0x80);
	gic_irq_enable(HW_PINTID, true);
	gic_irq_set_pending(HW_PINTID, true);
	unsigned iar = gic_ack();

	gic_irq_enable(HW_PINTID, false);
	if (sc_expect_u64(c, "el2.gicc_iar", iar, HW_PINTID)) {
		gic_eoi(iar);
		if (sc_expect_u64(c, "el2.gicd_isactiver0.intid20", gic_irq_active(HW_PINTID), 1)) {
			v2_run_case(c, &r->k, &t);
		}
	}
	if (gic_irq_active(HW_PINTID)) {
		gic_deactivate(HW_PINTID);
	}
	if (gic_irq_pending(HW_PINTID)) {
		gic_irq_set_pending(HW_PINTID, false);
	}
}

SCENARIO(virq_v2_hw, .id = "virq.v2.hw",
	 .rule = "GICv2 (IHI 0048B 5.3.8, 5.4.3): when the guest deactivates a vINTID held by an "
		 "LR with HW = 1 (GICV_EOIR with EOImode = 0, GICV_DIR with EOImode = 1), the "
		 "physical interrupt GICH_LR.PhysicalID is deactivated in the distributor; with "
		 "HW = 0 the physical interrupt stays active. Same rule as GICv3 ICH_LR<n>_EL2.HW "
		 "and pINTID",
	 SCENARIO_ROWS(v2_hw_rows), .requires = v2_row_requires, .run = run_v2_hw);
