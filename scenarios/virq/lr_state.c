/* SPDX-License-Identifier: MIT */
/*
 * virq.lr.state and virq.lr.group: one list register in each state (Invalid, Pending, Active,
 * Pending and Active) and group, with its group enabled or not (ICH_VMCR_EL2.VENG0/VENG1);
 * and a Group 0 and a Group 1 LR together under each VENG0/VENG1 combination. The guest opens
 * a 256-ISB unmasked window (a vFIQ for Group 0, a vIRQ for Group 1 must be taken in it when
 * the oracle says one is signalled, and none otherwise), then reads ICV_HPPIR0/1, ICV_RPR,
 * ICV_IAR0/1, ICV_RPR and ICV_AP0R/AP1R; the LRs and ICH_AP<g>R<n>_EL2 after the run must be
 * what the acknowledges left (lr_run.h).
 */
#include "lr_run.h"
#include "scenario.h"

#define VENG(g) ((g) ? ICH_VMCR_VENG1 : ICH_VMCR_VENG0)

/* One LR of state @st in group @g, priority 0x80, with VENG<g> = @en (the other group on). */
#define STATE_ROW(st, stname, g, en, acked_)                                                       \
	{                                                                                          \
		.name = "[" stname ",g" #g ",veng" #g "=" #en "]", .nlr = 1,                       \
		.lr = {LR(st, g, 0x80, 0x20 + (g))},                                               \
		.vmcr = (VLR_VMCR_OPEN & ~VENG(g)) | ((en) ? VENG(g) : 0), .acked = (acked_),      \
		.flags = VF_UNMASK                                                                 \
	}
#define STATE_ROWS(st, stname, acked_)                                                             \
	STATE_ROW(st, stname, 0, 1, acked_), STATE_ROW(st, stname, 0, 0, acked_),                  \
		STATE_ROW(st, stname, 1, 1, acked_), STATE_ROW(st, stname, 1, 0, acked_)

static const struct vlr_row state_rows[] = {
	STATE_ROWS(INVALID, "invalid", false),
	STATE_ROWS(PENDING, "pending", false),
	STATE_ROWS(ACTIVE, "active", false),
	STATE_ROWS(PENDING_ACTIVE, "pending-active", false),
	/* Active with its active priority bit, as after an acknowledge: RPR 0x80. */
	STATE_ROWS(ACTIVE, "active-acked", true),
	STATE_ROWS(PENDING_ACTIVE, "pending-active-acked", true),
	/* The INTID range: SGI 0 and the last SPI. */
	{.name = "[pending,g1,vintid=0]",
	 .nlr = 1,
	 .lr = {LR(PENDING, 1, 0x80, 0)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK},
	{.name = "[pending,g1,vintid=1019]",
	 .nlr = 1,
	 .lr = {LR(PENDING, 1, 0x80, 1019)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK},
	{.name = "[pending,g0,vintid=1019]",
	 .nlr = 1,
	 .lr = {LR(PENDING, 0, 0x80, 1019)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK},
	/*
	 * An Invalid HW = 1 LR is empty (ICH_ELRSR_EL2) whatever its pINTID: bit 41 is pINTID[9]
	 * then, not the EOI bit.
	 */
	{.name = "[invalid,g1,hw=1,pintid=0x220]",
	 .nlr = 1,
	 .lr = {{.state = VGIC_LR_INVALID,
		 .hw = true,
		 .group = 1,
		 .priority = 0x80,
		 .vintid = 0x24,
		 .pintid = 0x220}},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK},
	/* HW = 1 (pINTID 31, never pending: nothing deactivates it here) is delivered alike. */
	{.name = "[pending,g1,hw=1]",
	 .nlr = 1,
	 .lr = {{.state = VGIC_LR_PENDING,
		 .hw = true,
		 .group = 1,
		 .priority = 0x80,
		 .vintid = 0x22,
		 .pintid = 31}},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK},
	{.name = "[pending,g0,hw=1]",
	 .nlr = 1,
	 .lr = {{.state = VGIC_LR_PENDING,
		 .hw = true,
		 .group = 0,
		 .priority = 0x80,
		 .vintid = 0x23,
		 .pintid = 31}},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK},
};

SCENARIO(virq_lr_state, .id = "virq.lr.state",
	 .rule = "ICH_LR<n>_EL2.State: only a Pending LR whose group is enabled (VENG0/VENG1) is "
		 "signalled (Group 0 vFIQ, Group 1 vIRQ, taken within a 256-ISB unmasked window, "
		 "none otherwise) and acknowledged by ICV_IAR<g> (vINTID, LR Pending -> Active, "
		 "ICH_AP<g>R<n> bit of its group priority; 1023 otherwise); Active and Pending and "
		 "Active LRs are not (IHI 0069 HighestPriorityVirtualInterrupt, VirtualReadIAR)",
	 SCENARIO_ROWS(state_rows), .requires = vlr_requires, .run = vlr_run);

/* A Group 0 LR at @p0 and a Group 1 LR at @p1 under VENG0 = @e0, VENG1 = @e1. */
#define GROUP_ROW(tag, p0, p1, e0, e1, fl)                                                         \
	{                                                                                          \
		.name = "[" tag ",veng0=" #e0 ",veng1=" #e1 "]", .nlr = 2,                         \
		.lr = {LR(PENDING, 0, p0, 0x30), LR(PENDING, 1, p1, 0x31)},                        \
		.vmcr = ICH_VMCR_VPMR(0xff) | ((e0) ? ICH_VMCR_VENG0 : 0) |                        \
			((e1) ? ICH_VMCR_VENG1 : 0),                                               \
		.flags = VF_UNMASK | (fl)                                                          \
	}
#define GROUP_ROWS(tag, p0, p1, fl)                                                                \
	GROUP_ROW(tag, p0, p1, 0, 0, fl), GROUP_ROW(tag, p0, p1, 0, 1, fl),                        \
		GROUP_ROW(tag, p0, p1, 1, 0, fl), GROUP_ROW(tag, p0, p1, 1, 1, fl)

static const struct vlr_row group_rows[] = {
	GROUP_ROWS("g0-higher", 0x40, 0x80, 0),
	GROUP_ROWS("g1-higher", 0x80, 0x40, VF_IAR1_FIRST),
	GROUP_ROWS("g1-higher,iar0-first", 0x80, 0x40, 0),
	/* Equal priorities: the CPU picks either (IMPLEMENTATION DEFINED). */
	GROUP_ROWS("equal", 0x60, 0x60, 0),
};

SCENARIO(virq_lr_group, .id = "virq.lr.group",
	 .rule = "A Group 0 and a Group 1 pending LR: the highest priority pending interrupt among "
		 "the enabled groups (VENG0/VENG1) is signalled (vFIQ/vIRQ) and only ICV_IAR of "
		 "its group acknowledges it (the other reads 1023 until the first one's priority "
		 "is active, then only a higher group priority is acknowledged); equal priorities: "
		 "either, IMPLEMENTATION DEFINED",
	 SCENARIO_ROWS(group_rows), .requires = vlr_requires, .run = vlr_run,
	 .fields = "+-ICH_VMCR_EL2.VENG0 +-ICH_VMCR_EL2.VENG1");
