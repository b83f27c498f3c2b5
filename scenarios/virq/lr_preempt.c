/* SPDX-License-Identifier: MIT */
/*
 * virq.lr.preempt, virq.lr.pmr, virq.lr.igrpen: what the guest's own ICV_BPR0/1, ICV_CTLR.CBPR,
 * ICV_PMR and ICV_IGRPEN0/1 writes do to delivery (lr_run.h runs and checks).
 *
 * virq.lr.preempt: an acknowledged (Active, its active priority bit set) LR and a Pending one;
 * the pending interrupt is signalled and acknowledged only if its group priority, under the
 * BPR the guest wrote (VBPR0 for Group 0 and, with CBPR = 1, for Group 1; else VBPR1), is
 * higher than the running priority (IHI 0069 4.8 preemption). The rows keep to priorities
 * where the running priority has no bits below the pending group's BPR mask, the only case
 * where QEMU's icv_hppi_can_preempt() (which also masks the running priority) and the rule
 * "group priority higher than the running priority" could differ.
 */
#include "lr_run.h"
#include "scenario.h"

#define IGRPEN_BOTH (VCTL_IGRPEN0 | VCTL_IGRPEN1)

/* Active LR0 (@ga, @pa, acknowledged), Pending LR1 (@gp, @pp), the guest writing @ctl. */
#define PRE_ROW(tag, ga, pa, gp, pp, ctl_)                                                         \
	{                                                                                          \
		.name = "[" tag "]", .nlr = 2,                                                     \
		.lr = {LR(ACTIVE, ga, pa, 0x60), LR(PENDING, gp, pp, 0x61)},                       \
		.vmcr = VLR_VMCR_OPEN, .acked = true,                                              \
		.flags = VF_UNMASK | VF_WRITE_CTL | ((gp) ? VF_IAR1_FIRST : 0),                    \
		.ctl = (ctl_) | IGRPEN_BOTH                                                        \
	}

static const struct vlr_row preempt_rows[] = {
	PRE_ROW("g1-over-g1,bpr1=3,higher", 1, 0x80, 1, 0x78, VCTL_BPR1(3)),
	PRE_ROW("g1-over-g1,bpr1=3,lower", 1, 0x80, 1, 0x88, VCTL_BPR1(3)),
	PRE_ROW("g1-over-g1,bpr1=3,equal", 1, 0x80, 1, 0x80, VCTL_BPR1(3)),
	PRE_ROW("g1-over-g1,bpr1=3,subpriority-higher", 1, 0x90, 1, 0x88, VCTL_BPR1(3)),
	PRE_ROW("g1-over-g1,bpr1=5,same-group-priority", 1, 0x90, 1, 0x88, VCTL_BPR1(5)),
	PRE_ROW("g1-over-g1,bpr1=5,higher-group", 1, 0x90, 1, 0x78, VCTL_BPR1(5)),
	PRE_ROW("g1-over-g1,bpr1=7,same-group-priority", 1, 0x90, 1, 0x88, VCTL_BPR1(7)),
	PRE_ROW("g1-over-g1,bpr1=7,higher-group", 1, 0x90, 1, 0x10, VCTL_BPR1(7)),
	PRE_ROW("g0-over-g0,bpr0=2,subpriority-higher", 0, 0x90, 0, 0x88, VCTL_BPR0(2)),
	PRE_ROW("g0-over-g0,bpr0=4,same-group-priority", 0, 0x90, 0, 0x88, VCTL_BPR0(4)),
	PRE_ROW("g0-over-g0,bpr0=4,higher-group", 0, 0x90, 0, 0x60, VCTL_BPR0(4)),
	/* VBPR0 = 7: no group priority bits, nothing ever preempts. */
	PRE_ROW("g0-over-g0,bpr0=7,never", 0, 0x90, 0, 0x08, VCTL_BPR0(7)),
	PRE_ROW("g0-over-g1,higher-group", 1, 0x90, 0, 0x60, VCTL_BPR0(4) | VCTL_BPR1(5)),
	PRE_ROW("g0-over-g1,same-group-priority", 1, 0x90, 0, 0x88, VCTL_BPR0(4) | VCTL_BPR1(5)),
	PRE_ROW("g1-over-g0,same-group-priority", 0, 0x90, 1, 0x88, VCTL_BPR0(4) | VCTL_BPR1(5)),
	PRE_ROW("g1-over-g0,higher-group", 0, 0xa0, 1, 0x90, VCTL_BPR0(4) | VCTL_BPR1(5)),
	/* The 6th and 7th preemption bits take part in preemption at the minimum BPR. */
	{.name = "[prebits=6,g1-over-g1,0x40-over-0x44]",
	 .nlr = 2,
	 .lr = {LR(ACTIVE, 1, 0x44, 0x60), LR(PENDING, 1, 0x40, 0x61)},
	 .vmcr = VLR_VMCR_OPEN,
	 .acked = true,
	 .flags = VF_UNMASK | VF_IAR1_FIRST,
	 .pri_bits = 6,
	 .pre_bits = 6},
	{.name = "[prebits=7,g0-over-g0,0x40-over-0x42]",
	 .nlr = 2,
	 .lr = {LR(ACTIVE, 0, 0x42, 0x60), LR(PENDING, 0, 0x40, 0x61)},
	 .vmcr = VLR_VMCR_OPEN,
	 .acked = true,
	 .flags = VF_UNMASK,
	 .pri_bits = 7,
	 .pre_bits = 7},
	/* CBPR = 1: Group 1 takes VBPR0 (its own BPR1 write is ignored). */
	PRE_ROW("cbpr=1,g1-over-g1,bpr0=4,same-group-priority", 1, 0x90, 1, 0x88,
		VCTL_CBPR | VCTL_BPR0(4) | VCTL_BPR1(3)),
	PRE_ROW("cbpr=0,g1-over-g1,bpr1=3,subpriority-higher", 1, 0x90, 1, 0x88,
		VCTL_BPR0(4) | VCTL_BPR1(3)),
	PRE_ROW("cbpr=1,g1-over-g0,bpr0=4,same-group-priority", 0, 0x90, 1, 0x88,
		VCTL_CBPR | VCTL_BPR0(4) | VCTL_BPR1(3)),
	/* The acknowledge records the group priority of the BPR in force: 0x98 -> 0x80 or 0x98. */
	{.name = "[cbpr=1,g1-acknowledge-uses-bpr0]",
	 .nlr = 1,
	 .lr = {LR(PENDING, 1, 0x98, 0x62)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK | VF_WRITE_CTL | VF_IAR1_FIRST,
	 .ctl = VCTL_CBPR | VCTL_BPR0(4) | VCTL_BPR1(3) | IGRPEN_BOTH},
	{.name = "[cbpr=0,g1-acknowledge-uses-bpr1]",
	 .nlr = 1,
	 .lr = {LR(PENDING, 1, 0x98, 0x62)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK | VF_WRITE_CTL | VF_IAR1_FIRST,
	 .ctl = VCTL_BPR0(4) | VCTL_BPR1(3) | IGRPEN_BOTH},
	/* Masked during the window: the guest acknowledges both in turn, the second by IAR. */
	{.name = "[masked,two-pending,bpr1=3]",
	 .nlr = 2,
	 .lr = {LR(PENDING, 1, 0x90, 0x63), LR(PENDING, 1, 0x80, 0x64)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_WRITE_CTL | VF_IAR1_FIRST,
	 .ctl = VCTL_BPR1(3) | IGRPEN_BOTH},
};

SCENARIO(virq_lr_preempt, .id = "virq.lr.preempt",
	 .rule = "Preemption (IHI 0069 4.8): with an interrupt active, a pending one is signalled "
		 "and acknowledged only if its group priority (ICV_BPR0 for Group 0 and, with "
		 "ICV_CTLR.CBPR = 1, Group 1; else ICV_BPR1, both as the guest wrote them) is "
		 "higher "
		 "than the running priority ICV_RPR; the acknowledge sets the ICH_AP<g>R<n> bit of "
		 "the group priority in force; within a 256-ISB unmasked window",
	 SCENARIO_ROWS(preempt_rows), .requires = vlr_requires, .run = vlr_run,
	 .fields = "+ICH_VMCR_EL2.VBPR0 +ICH_VMCR_EL2.VBPR1");

/* LR0 pending at @prio in @g; the guest writes ICV_PMR = @pmr (initial VMCR.VPMR @vpmr). */
#define PMR_ROW(tag, g, prio, vpmr, fl, pmr_)                                                      \
	{                                                                                          \
		.name = "[" tag "]", .nlr = 1, .lr = {LR(PENDING, g, prio, 0x70)},                 \
		.vmcr = ICH_VMCR_VENG0 | ICH_VMCR_VENG1 | ICH_VMCR_VPMR(vpmr),                     \
		.flags = VF_UNMASK | (fl) | ((g) ? VF_IAR1_FIRST : 0), .pmr = (pmr_)               \
	}

static const struct vlr_row pmr_rows[] = {
	PMR_ROW("g1,pmr=0x88,prio=0x80", 1, 0x80, 0xff, VF_WRITE_PMR, 0x88),
	PMR_ROW("g1,pmr=0x80,prio=0x80", 1, 0x80, 0xff, VF_WRITE_PMR, 0x80),
	PMR_ROW("g1,pmr=0x78,prio=0x80", 1, 0x80, 0xff, VF_WRITE_PMR, 0x78),
	PMR_ROW("g1,pmr=0x00,prio=0x00", 1, 0x00, 0xff, VF_WRITE_PMR, 0x00),
	PMR_ROW("g1,pmr=0xff,prio=0xf0", 1, 0xf0, 0x00, VF_WRITE_PMR, 0xff),
	PMR_ROW("g0,pmr=0x88,prio=0x80", 0, 0x80, 0xff, VF_WRITE_PMR, 0x88),
	PMR_ROW("g0,pmr=0x80,prio=0x80", 0, 0x80, 0xff, VF_WRITE_PMR, 0x80),
	/* Unimplemented PMR bits are RAZ/WI: 0x87 is 0x80 with 5 priority bits (masked). */
	PMR_ROW("g1,pmr=0x87,prio=0x80", 1, 0x80, 0xff, VF_WRITE_PMR, 0x87),
	PMR_ROW("g1,pmr=0x81,prio=0x80", 1, 0x80, 0xff, VF_WRITE_PMR, 0x81),
	/* ICH_VMCR_EL2.VPMR is an alias of ICV_PMR_EL1: the same RAZ bits. */
	PMR_ROW("g1,vmcr.vpmr=0x87,prio=0x80", 1, 0x80, 0x87, 0, 0),
	PMR_ROW("g1,vmcr.vpmr=0x88,prio=0x80", 1, 0x80, 0x88, 0, 0),
	PMR_ROW("g1,vmcr.vpmr=0x00,prio=0x00", 1, 0x00, 0x00, 0, 0),
	/* Two pending: the PMR admits the first; the second stays masked after it. */
	{.name = "[g1,pmr=0x70,two-pending]",
	 .nlr = 2,
	 .lr = {LR(PENDING, 1, 0x80, 0x71), LR(PENDING, 1, 0x60, 0x72)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK | VF_WRITE_PMR | VF_IAR1_FIRST,
	 .pmr = 0x70},
};

SCENARIO(virq_lr_pmr, .id = "virq.lr.pmr",
	 .rule = "ICV_PMR_EL1 (= ICH_VMCR_EL2.VPMR, unimplemented low bits RAZ/WI): a pending "
		 "interrupt is signalled and acknowledged only if its priority is below the mask "
		 "(equal is masked); ICV_HPPIR is not masked; within a 256-ISB unmasked window",
	 SCENARIO_ROWS(pmr_rows), .requires = vlr_requires, .run = vlr_run,
	 .fields = "+ICH_VMCR_EL2.VPMR");

/* Group 0 at @p0, Group 1 at @p1; VMCR VENG0/1 = @i0/@i1; the guest writes IGRPEN0/1 @w0/@w1. */
#define IGRPEN_ROW(tag, p0, p1, i0, i1, w0, w1)                                                    \
	{                                                                                          \
		.name = "[" tag ",veng=" #i0 #i1 ",igrpen0=" #w0 ",igrpen1=" #w1 "]", .nlr = 2,    \
		.lr = {LR(PENDING, 0, p0, 0x78), LR(PENDING, 1, p1, 0x79)},                        \
		.vmcr = ICH_VMCR_VPMR(0xff) | ((i0) ? ICH_VMCR_VENG0 : 0) |                        \
			((i1) ? ICH_VMCR_VENG1 : 0),                                               \
		.flags = VF_UNMASK | VF_WRITE_CTL,                                                 \
		.ctl = ((w0) ? VCTL_IGRPEN0 : 0) | ((w1) ? VCTL_IGRPEN1 : 0)                       \
	}

static const struct vlr_row igrpen_rows[] = {
	IGRPEN_ROW("g0-higher", 0x40, 0x80, 0, 0, 0, 0),
	IGRPEN_ROW("g0-higher", 0x40, 0x80, 0, 0, 0, 1),
	IGRPEN_ROW("g0-higher", 0x40, 0x80, 0, 0, 1, 0),
	IGRPEN_ROW("g0-higher", 0x40, 0x80, 0, 0, 1, 1),
	IGRPEN_ROW("g0-higher", 0x40, 0x80, 1, 1, 0, 0),
	IGRPEN_ROW("g0-higher", 0x40, 0x80, 1, 1, 0, 1),
	IGRPEN_ROW("g0-higher", 0x40, 0x80, 1, 1, 1, 0),
	IGRPEN_ROW("g0-higher", 0x40, 0x80, 1, 1, 1, 1),
	IGRPEN_ROW("g1-higher", 0x80, 0x40, 1, 1, 0, 1),
	IGRPEN_ROW("g1-higher", 0x80, 0x40, 1, 1, 1, 0),
};

SCENARIO(virq_lr_igrpen, .id = "virq.lr.igrpen",
	 .rule = "ICV_IGRPEN0_EL1/ICV_IGRPEN1_EL1 (= ICH_VMCR_EL2.VENG0/VENG1) as the guest writes "
		 "them: a disabled group's pending LRs are neither signalled, nor reported by "
		 "ICV_HPPIR, nor acknowledged (1023), and do not hide the other group's; within a "
		 "256-ISB unmasked window",
	 SCENARIO_ROWS(igrpen_rows), .requires = vlr_requires, .run = vlr_run);
