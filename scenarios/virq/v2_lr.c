/* SPDX-License-Identifier: MIT */
/*
 * virq.v2.lr.*: GICv2 list registers seen through the guest's GICV_* (IHI 0048B 5.3.8, 5.4):
 * each LR state, the acknowledge (GICV_IAR/HPPIR with the SGI CPUID field), priority
 * selection among several LRs, GICV_PMR masking with 5 priority bits, and preemption with the
 * group priority from GICV_BPR/ABPR and GICV_CTLR.CBPR.
 */
#include "v2_run.h"

#define VID	      0x2a /* a vINTID no row gives another meaning */
#define PRIO	      0xa0
#define APR_BIT(prio) (1u << ((prio) >> 3))
#define PA	      (GICH_LR_PENDING | GICH_LR_ACTIVE)

/*
 * One LR in each state, Group 0 and 1 (AckCtl = 1: GICV_IAR acknowledges both): the pending
 * one is acknowledged and goes active with its priority in GICH_APR, its EOI (EOImode 0)
 * drops the priority and deactivates; an active one is not acknowledged again and its EOI
 * invalidates the LR; a pending-and-active one becomes pending by its EOI, then is taken.
 */
#define ST_PENDING(g)                                                                              \
	{                                                                                          \
		"[state=pending,grp=" #g "]",                                                      \
			{.hcr = GICH_HCR_EN,                                                       \
			 .vmcr = V2_VMCR_ALL,                                                      \
			 .lrs = 1,                                                                 \
			 .lr = {LR(VID, PRIO, GICH_LR_PENDING, g)},                                \
			 .script = {RD(GICV_HPPIR), WAIT, RD(GICV_IAR), SYNC, RD(GICV_RPR),        \
				    RD(GICV_APR0), WR_ACK(GICV_EOIR), SYNC, RD(GICV_RPR),          \
				    RD(GICV_HPPIR), END}},                                         \
	}
#define ST_ACTIVE(g)                                                                               \
	{                                                                                          \
		"[state=active,grp=" #g "]",                                                       \
			{.hcr = GICH_HCR_EN,                                                       \
			 .vmcr = V2_VMCR_ALL,                                                      \
			 .lrs = 1,                                                                 \
			 .apr = APR_BIT(PRIO),                                                     \
			 .lr = {LR(VID, PRIO, GICH_LR_ACTIVE, g)},                                 \
			 .script = {RD(GICV_HPPIR), WAIT, RD(GICV_IAR), RD(GICV_RPR), SYNC,        \
				    WR(GICV_EOIR, VID), SYNC, RD(GICV_RPR), END}},                 \
	}
#define ST_PA(g)                                                                                   \
	{                                                                                          \
		"[state=pending-active,grp=" #g "]",                                               \
			{.hcr = GICH_HCR_EN,                                                       \
			 .vmcr = V2_VMCR_ALL,                                                      \
			 .lrs = 1,                                                                 \
			 .apr = APR_BIT(PRIO),                                                     \
			 .lr = {LR(VID, PRIO, PA, g)},                                             \
			 .script = {RD(GICV_HPPIR), WAIT, RD(GICV_IAR), SYNC, WR(GICV_EOIR, VID),  \
				    SYNC, RD(GICV_HPPIR), WAIT, RD(GICV_IAR), WR_ACK(GICV_EOIR),   \
				    SYNC, END}},                                                   \
	}
#define ST_INVALID(g)                                                                              \
	{                                                                                          \
		"[state=invalid,grp=" #g "]",                                                      \
			{.hcr = GICH_HCR_EN,                                                       \
			 .vmcr = V2_VMCR_ALL,                                                      \
			 .lrs = 1,                                                                 \
			 .lr = {LR(VID, PRIO, 0, g)},                                              \
			 .script = {RD(GICV_HPPIR), WAIT, RD(GICV_IAR), RD(GICV_RPR), SYNC, END}}, \
	}

static const struct v2_row v2_state_rows[] = {
	ST_INVALID(0), ST_INVALID(1), ST_PENDING(0), ST_PENDING(1),
	ST_ACTIVE(0),  ST_ACTIVE(1),  ST_PA(0),	     ST_PA(1),
};

SCENARIO(virq_v2_lr_state, .id = "virq.v2.lr.state",
	 .rule = "GICv2 (IHI 0048B 5.3.8, 5.4): a pending LR is signalled and GICV_IAR returns "
		 "its vINTID, makes it active and sets its priority in GICH_APR; an invalid, "
		 "active or pending-and-active LR is not acknowledged (1023); GICV_EOIR with "
		 "EOImode 0 drops the priority and deactivates (active -> invalid, "
		 "pending-and-active -> pending). As GICv3's ICH_LR<n>_EL2, but in the 32-bit "
		 "GICH_LR format with one GICH_APR for both groups; V2OP_WAIT windows are 256 "
		 "iterations",
	 SCENARIO_ROWS(v2_state_rows), .requires = v2_row_requires, .run = v2_row_run);

/* vSGIs: GICV_HPPIR and GICV_IAR carry the LR's CPUID in bits [12:10] (GICv2 only). */
#define SGI_ROW(id, cpu)                                                                           \
	{                                                                                          \
		"[vintid=" #id ",cpuid=" #cpu "]",                                                 \
			{.hcr = GICH_HCR_EN,                                                       \
			 .vmcr = V2_VMCR_ALL,                                                      \
			 .lrs = 1,                                                                 \
			 .lr = {LR(id, PRIO, GICH_LR_PENDING, 0) | GICH_LR_CPUID(cpu)},            \
			 .script = {RD(GICV_HPPIR), RD(GICV_IAR), WR_ACK(GICV_EOIR), SYNC, END}},  \
	}

static const struct v2_row v2_sgi_rows[] = {SGI_ROW(0, 0), SGI_ROW(3, 5), SGI_ROW(15, 7),
					    SGI_ROW(16, 0)};

SCENARIO(virq_v2_lr_sgi, .id = "virq.v2.lr.sgi",
	 .rule = "GICv2 only (IHI 0048B 5.3.8, 4.4.4): for a vINTID 0-15 with HW = 0, GICV_IAR "
		 "and GICV_HPPIR return GICH_LR.CPUID in bits [12:10]; the EOI of that value "
		 "deactivates the LR. GICv3 ICV_IAR has no CPUID field",
	 SCENARIO_ROWS(v2_sgi_rows), .requires = v2_row_requires, .run = v2_row_run);

/*
 * Several LRs: the highest priority (lowest value) pending one is acknowledged first, the
 * others wait for the EOI; GICV_PMR masks priorities at or below it (5 bits: a write of 0xff
 * reads back 0xf8); GICV_BPR/ABPR writes below the minimum read back 2 and 3.
 */
static const struct v2_row v2_prio_rows[] = {
	{"[two-pending]",
	 {.hcr = GICH_HCR_EN,
	  .vmcr = V2_VMCR_ALL,
	  .lrs = 2,
	  .lr = {LR(0x30, 0xc0, GICH_LR_PENDING, 0), LR(0x31, 0x40, GICH_LR_PENDING, 1)},
	  .script = {RD(GICV_HPPIR), RD(GICV_IAR), RD(GICV_IAR), RD(GICV_RPR), SYNC,
		     WR_ACK(GICV_EOIR), WR(GICV_EOIR, 0x31), RD(GICV_IAR), RD(GICV_RPR),
		     WR_ACK(GICV_EOIR), SYNC, END}}},
	{"[three-pending]",
	 {.hcr = GICH_HCR_EN,
	  .vmcr = V2_VMCR_ALL,
	  .lrs = 3,
	  .lr = {LR(0x30, 0x88, GICH_LR_PENDING, 1), LR(0x31, 0xf0, GICH_LR_PENDING, 0),
		 LR(0x32, 0x08, GICH_LR_PENDING, 0)},
	  .script = {RD(GICV_IAR), WR_ACK(GICV_EOIR), RD(GICV_IAR), WR_ACK(GICV_EOIR), RD(GICV_IAR),
		     WR_ACK(GICV_EOIR), RD(GICV_IAR), SYNC, END}}},
	{"[four-lrs]",
	 {.hcr = GICH_HCR_EN,
	  .vmcr = V2_VMCR_ALL,
	  .lrs = 4,
	  .apr = APR_BIT(0x60),
	  .lr = {LR(0x30, 0x80, GICH_LR_PENDING, 0), LR(0x31, 0x20, GICH_LR_PENDING, 1),
		 LR(0x32, 0x60, GICH_LR_ACTIVE, 0), LR(0x33, 0x40, GICH_LR_PENDING, 0)},
	  .script = {RD(GICV_IAR), RD(GICV_RPR), SYNC, WR_ACK(GICV_EOIR), RD(GICV_IAR),
		     WR_ACK(GICV_EOIR), RD(GICV_IAR), SYNC, WR(GICV_EOIR, 0x32), RD(GICV_RPR),
		     RD(GICV_IAR), WR_ACK(GICV_EOIR), SYNC, END}}},
	{"[pmr-masks]",
	 {.hcr = GICH_HCR_EN,
	  .vmcr = V2_VMCR(GICV_CTLR_ENABLEGRP0 | GICV_CTLR_ENABLEGRP1, 0x80),
	  .lrs = 1,
	  .lr = {LR(VID, 0x80, GICH_LR_PENDING, 0)},
	  .script = {WAIT, RD(GICV_IAR), SYNC, WR(GICV_PMR, 0x88), WAIT, RD(GICV_IAR),
		     WR_ACK(GICV_EOIR), SYNC, END}}},
	{"[pmr-bpr-bits]",
	 {.hcr = GICH_HCR_EN,
	  .vmcr = V2_VMCR_ALL,
	  .lrs = 1,
	  .script = {WR(GICV_PMR, 0xff), RD(GICV_PMR), WR(GICV_PMR, 0x07), RD(GICV_PMR),
		     WR(GICV_BPR, 0), RD(GICV_BPR), WR(GICV_ABPR, 0), RD(GICV_ABPR),
		     WR(GICV_BPR, 7), RD(GICV_BPR), SYNC, END}}},
};

SCENARIO(virq_v2_lr_prio, .id = "virq.v2.lr.prio",
	 .rule = "GICv2 (IHI 0048B 5.4, 3.3): GICV_IAR acknowledges the pending LR of highest "
		 "priority whose priority is below GICV_PMR and above the running priority; "
		 "GICH_LR.Priority holds priority[7:3] and GICV_PMR 5 bits (GICH_VMCR.VMPriMask); "
		 "GICV_BPR/ABPR minimums are 2 and 3. As GICv3 with ICH_VTR_EL2.PRIbits = 4",
	 SCENARIO_ROWS(v2_prio_rows), .requires = v2_row_requires, .run = v2_row_run);

/*
 * Preemption: a pending LR is signalled while another is active only if its group priority
 * (GICV_BPR for Group 0 and, with CBPR = 1, Group 1; GICV_ABPR for Group 1 otherwise) is
 * higher than the running priority from GICH_APR. The active one was taken at 0x70.
 */
#define PREEMPT_ROW(name, ctlr, bp, abp, prio, grp)                                                \
	{                                                                                          \
		"[" name "]",                                                                      \
			{.hcr = GICH_HCR_EN,                                                       \
			 .vmcr = GICH_VMCR_CTLR(ctlr) | GICH_VMCR_BP(bp) | GICH_VMCR_ABP(abp) |    \
				 GICH_VMCR_PRIMASK(0xf8),                                          \
			 .apr = APR_BIT(0x70),                                                     \
			 .lrs = 2,                                                                 \
			 .lr = {LR(0x30, 0x70, GICH_LR_ACTIVE, 0),                                 \
				LR(0x31, prio, GICH_LR_PENDING, grp)},                             \
			 .script = {WAIT, RD(GICV_IAR), RD(GICV_RPR), RD(GICV_APR0), SYNC,         \
				    WR_ACK(GICV_EOIR), SYNC, END}},                                \
	}
#define EN_ALL (GICV_CTLR_ENABLEGRP0 | GICV_CTLR_ENABLEGRP1 | GICV_CTLR_ACKCTL)

static const struct v2_row v2_preempt_rows[] = {
	PREEMPT_ROW("higher,prio=0x40", EN_ALL, 2, 3, 0x40, 0),
	PREEMPT_ROW("equal,prio=0x70", EN_ALL, 2, 3, 0x70, 0),
	PREEMPT_ROW("lower,prio=0x78", EN_ALL, 2, 3, 0x78, 0),
	PREEMPT_ROW("grp0,bpr=3,prio=0x68", EN_ALL, 3, 3, 0x68, 0),
	PREEMPT_ROW("grp0,bpr=3,prio=0x78", EN_ALL, 3, 3, 0x78, 0),
	PREEMPT_ROW("grp0,bpr=4,prio=0x68", EN_ALL, 4, 3, 0x68, 0),
	PREEMPT_ROW("grp1,abpr=4,prio=0x68", EN_ALL, 2, 4, 0x68, 1),
	PREEMPT_ROW("grp1,abpr=5,prio=0x68", EN_ALL, 2, 5, 0x68, 1),
	PREEMPT_ROW("grp1,cbpr=1,bpr=4,prio=0x68", EN_ALL | GICV_CTLR_CBPR, 4, 3, 0x68, 1),
	PREEMPT_ROW("grp1,cbpr=1,bpr=2,prio=0x68", EN_ALL | GICV_CTLR_CBPR, 2, 7, 0x68, 1),
};

SCENARIO(virq_v2_lr_preempt, .id = "virq.v2.lr.preempt",
	 .rule = "GICv2 (IHI 0048B 3.3.3, 5.4): a pending virtual interrupt preempts the active "
		 "one only if its group priority (from GICV_BPR, or GICV_ABPR for Group 1 with "
		 "CBPR = 0) is higher than the running priority (GICH_APR); acknowledging it sets "
		 "its group priority's GICH_APR bit. GICv3 has the same rule with ICV_BPR0/1 and "
		 "separate ICH_AP0R/AP1R; 256-iteration V2OP_WAIT windows",
	 SCENARIO_ROWS(v2_preempt_rows), .requires = v2_row_requires, .run = v2_row_run);
