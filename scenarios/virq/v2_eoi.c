/* SPDX-License-Identifier: MIT */
/*
 * virq.v2.eoi: end of a virtual interrupt in GICv2 (IHI 0048B 5.4.3, 4.4.5, 4.4.15): with
 * GICV_CTLR.EOImode = 0, GICV_EOIR drops the priority and deactivates; with EOImode = 1 it only
 * drops the priority and GICV_DIR deactivates, in any order. A deactivation that finds no LR
 * holding the vINTID active counts in GICH_HCR.EOICount; an LR with EOI = 1 (HW = 0) that
 * becomes invalid shows in GICH_EISR and GICH_MISR.EOI and leaves GICH_ELRSR clear.
 */
#include "v2_run.h"

#define VID	       0x2a
#define APR_BIT(prio)  (1u << ((prio) >> 3))
#define EN_ALL	       (GICV_CTLR_ENABLEGRP0 | GICV_CTLR_ENABLEGRP1 | GICV_CTLR_ACKCTL)
#define VMCR_MODE(m)   V2_VMCR(EN_ALL | ((m) ? GICV_CTLR_EOIMODE : 0), 0xf8)
#define ONE_PENDING(m) .vmcr = VMCR_MODE(m), .lrs = 1, .lr = {LR(VID, 0x80, GICH_LR_PENDING, 0)}
/* Two active LRs, 0x30 at priority 0x40 (the highest) and 0x31 at 0x80. */
#define TWO_ACTIVE(m)                                                                              \
	.vmcr = VMCR_MODE(m), .lrs = 2, .apr = APR_BIT(0x40) | APR_BIT(0x80),                      \
	.lr = {LR(0x30, 0x40, GICH_LR_ACTIVE, 0), LR(0x31, 0x80, GICH_LR_ACTIVE, 0)}

static const struct v2_row v2_eoi_rows[] = {
	{"[eoimode=0,eoir]",
	 {.hcr = GICH_HCR_EN,
	  ONE_PENDING(0),
	  .script = {RD(GICV_IAR), WR_ACK(GICV_EOIR), RD(GICV_RPR), SYNC, END}}},
	{"[eoimode=1,eoir-then-dir]",
	 {.hcr = GICH_HCR_EN,
	  ONE_PENDING(1),
	  .script = {RD(GICV_IAR), WR_ACK(GICV_EOIR), RD(GICV_RPR), SYNC, WR_ACK(GICV_DIR), SYNC,
		     END}}},
	{"[eoimode=1,dir-then-eoir]",
	 {.hcr = GICH_HCR_EN,
	  ONE_PENDING(1),
	  .script = {RD(GICV_IAR), WR_ACK(GICV_DIR), RD(GICV_RPR), SYNC, WR(GICV_EOIR, VID),
		     RD(GICV_RPR), SYNC, END}}},
	{"[eoimode=1,dir-not-highest]",
	 {.hcr = GICH_HCR_EN,
	  TWO_ACTIVE(1),
	  .script = {WR(GICV_DIR, 0x31), RD(GICV_RPR), SYNC, WR(GICV_EOIR, 0x30), RD(GICV_RPR),
		     WR(GICV_DIR, 0x30), SYNC, WR(GICV_EOIR, 0x31), RD(GICV_RPR), SYNC, END}}},
	{"[eoimode=0,nested]",
	 {.hcr = GICH_HCR_EN,
	  TWO_ACTIVE(0),
	  .script = {WR(GICV_EOIR, 0x30), RD(GICV_RPR), SYNC, WR(GICV_EOIR, 0x31), RD(GICV_RPR),
		     SYNC, END}}},
	{"[eoimode=0,eoir-no-lr]",
	 {.hcr = GICH_HCR_EN,
	  .vmcr = VMCR_MODE(0),
	  .lrs = 1,
	  .apr = APR_BIT(0x60),
	  .script = {WR(GICV_EOIR, 0x50), RD(GICV_RPR), SYNC, END}}},
	{"[eoimode=1,eoir-no-lr]",
	 {.hcr = GICH_HCR_EN,
	  .vmcr = VMCR_MODE(1),
	  .lrs = 1,
	  .apr = APR_BIT(0x60),
	  .script = {WR(GICV_EOIR, 0x50), RD(GICV_RPR), SYNC, END}}},
	{"[eoimode=1,dir-no-lr]",
	 {.hcr = GICH_HCR_EN,
	  .vmcr = VMCR_MODE(1),
	  .lrs = 1,
	  .apr = APR_BIT(0x60),
	  .script = {WR(GICV_DIR, 0x50), RD(GICV_RPR), SYNC, END}}},
	{"[eoimode=0,eoir-spurious]",
	 {.hcr = GICH_HCR_EN,
	  .vmcr = VMCR_MODE(0),
	  .lrs = 1,
	  .apr = APR_BIT(0x60),
	  .script = {WR(GICV_EOIR, GICV_INTID_SPURIOUS), RD(GICV_RPR), SYNC, END}}},
	{"[eoimode=0,lr-eoi-bit]",
	 {.hcr = GICH_HCR_EN,
	  .vmcr = VMCR_MODE(0),
	  .lrs = 1,
	  .lr = {LR(VID, 0x80, GICH_LR_PENDING, 0) | GICH_LR_EOI},
	  .script = {RD(GICV_IAR), SYNC, WR_ACK(GICV_EOIR), SYNC, END}}},
	{"[eoimode=1,lr-eoi-bit]",
	 {.hcr = GICH_HCR_EN,
	  .vmcr = VMCR_MODE(1),
	  .lrs = 1,
	  .lr = {LR(VID, 0x80, GICH_LR_PENDING, 0) | GICH_LR_EOI},
	  .script = {RD(GICV_IAR), WR_ACK(GICV_EOIR), SYNC, WR_ACK(GICV_DIR), SYNC, END}}},
	{"[eoimode=0,aeoir]",
	 {.hcr = GICH_HCR_EN,
	  .vmcr = V2_VMCR(GICV_CTLR_ENABLEGRP0 | GICV_CTLR_ENABLEGRP1, 0xf8),
	  .lrs = 1,
	  .lr = {LR(VID, 0x80, GICH_LR_PENDING, 1)},
	  .script = {RD(GICV_AIAR), WR_ACK(GICV_AEOIR), RD(GICV_RPR), SYNC, END}}},
};

SCENARIO(virq_v2_eoi, .id = "virq.v2.eoi",
	 .rule = "GICv2 (IHI 0048B 5.4.3, 4.4.5, 4.4.15, 5.3.1): GICV_EOIR drops the highest "
		 "active priority (GICH_APR) and, with EOImode = 0, deactivates the LR holding "
		 "the vINTID; with EOImode = 1 GICV_DIR deactivates, in any order; an EOImode 0 "
		 "EOI or a DIR that finds no such LR increments GICH_HCR.EOICount (an EOImode 1 "
		 "EOI never does: it would not deactivate); an LR with "
		 "EOI = 1 and HW = 0 that becomes invalid sets its GICH_EISR bit and "
		 "GICH_MISR.EOI and is not empty in GICH_ELRSR. Same rules as GICv3 ICV_EOIR0/1 "
		 "and ICV_DIR with ICH_VMCR_EL2.VEOIM",
	 SCENARIO_ROWS(v2_eoi_rows), .requires = v2_row_requires, .run = v2_row_run);
