/* SPDX-License-Identifier: MIT */
/*
 * virq.lr.prio and virq.lr.multi: priorities across the implemented bits and several LRs at
 * once (lr_run.h does the run and the checks).
 *
 * virq.lr.prio: LR0 at 0x40 + 2^b, LR1 at 0x40 (b = 0..7, b != 6; 0xc0 - 0x80 for b = 6), in
 * Group 0 and Group 1. When ICH_VTR_EL2.PRIbits implements bit b, LR1 is the higher priority
 * and alone acknowledged; when it does not, bit b of LR0's priority is RAZ, both are equal and
 * either may be chosen (IMPLEMENTATION DEFINED), and the LR reads back without bit b. Each row
 * needs one or the other and is a SKIP naming PRIbits on the other CPUs.
 */
#include "lr_run.h"
#include "scenario.h"

/* The priorities of a row for bit @b: base + 2^b and base, base 0x40 (0x80 for bit 6). */
#define PRIO_BASE(b) ((b) == 6 ? 0x80 : 0x40)
#define PRIO_DIFF(b) (PRIO_BASE(b) + (1 << (b)))
#define PRIO_BITS(b) (8 - (b)) /* priority bits that implement bit b */

#define PRIO_ROW(b, g, impl)                                                                       \
	{                                                                                          \
		.name = "[bit=" #b ",g" #g "," #impl "]", .nlr = 2,                                \
		.lr = {LR(PENDING, g, PRIO_DIFF(b), 0x40), LR(PENDING, g, PRIO_BASE(b), 0x41)},    \
		.vmcr = VLR_VMCR_OPEN, .flags = VF_UNMASK | ((g) ? VF_IAR1_FIRST : 0),             \
		.pri_bits = (impl##_NEED(b)), .pri_bits_below = (impl##_BELOW(b))                  \
	}
#define implemented_NEED(b)    PRIO_BITS(b)
#define implemented_BELOW(b)   0
#define unimplemented_NEED(b)  0
#define unimplemented_BELOW(b) PRIO_BITS(b)
#define PRIO_ROWS(b)                                                                               \
	PRIO_ROW(b, 0, implemented), PRIO_ROW(b, 1, implemented), PRIO_ROW(b, 0, unimplemented),   \
		PRIO_ROW(b, 1, unimplemented)

static const struct vlr_row prio_rows[] = {
	/* Bits 7..3 exist on every GICv3 (at least 5 priority bits): no unimplemented rows. */
	PRIO_ROW(7, 0, implemented),
	PRIO_ROW(7, 1, implemented),
	PRIO_ROW(6, 0, implemented),
	PRIO_ROW(6, 1, implemented),
	PRIO_ROW(5, 0, implemented),
	PRIO_ROW(5, 1, implemented),
	PRIO_ROW(4, 0, implemented),
	PRIO_ROW(4, 1, implemented),
	PRIO_ROW(3, 0, implemented),
	PRIO_ROW(3, 1, implemented),
	PRIO_ROWS(2),
	PRIO_ROWS(1),
	PRIO_ROWS(0),
	/* The extremes: 0x00 (highest) and the lowest implemented (0xff masked to PRIbits). */
	{.name = "[0x00-vs-0x08,g1]",
	 .nlr = 2,
	 .lr = {LR(PENDING, 1, 0x08, 0x42), LR(PENDING, 1, 0x00, 0x43)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK | VF_IAR1_FIRST},
	{.name = "[0xff,g1]",
	 .nlr = 1,
	 .lr = {LR(PENDING, 1, 0xff, 0x44)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK | VF_IAR1_FIRST},
	{.name = "[0xff,g0]",
	 .nlr = 1,
	 .lr = {LR(PENDING, 0, 0xff, 0x45)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK},
	/*
	 * 6 and 7 preemption bits: the group priority at the minimum BPR keeps them, so the
	 * acknowledge sets a bit in ICH_AP<g>R1..3 (bit = group priority >> (8 - PREbits)).
	 */
	{.name = "[apr,prebits=6,prio=0x44,g1]",
	 .nlr = 1,
	 .lr = {LR(PENDING, 1, 0x44, 0x46)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK | VF_IAR1_FIRST,
	 .pri_bits = 6,
	 .pre_bits = 6},
	{.name = "[apr,prebits=6,prio=0xc4,g1]",
	 .nlr = 1,
	 .lr = {LR(PENDING, 1, 0xc4, 0x47)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK | VF_IAR1_FIRST,
	 .pri_bits = 6,
	 .pre_bits = 6},
	{.name = "[apr,prebits=7,prio=0x42,g1]",
	 .nlr = 1,
	 .lr = {LR(PENDING, 1, 0x42, 0x48)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK | VF_IAR1_FIRST,
	 .pri_bits = 7,
	 .pre_bits = 7},
	{.name = "[apr,prebits=7,prio=0xc2,g0]",
	 .nlr = 1,
	 .lr = {LR(PENDING, 0, 0xc2, 0x49)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK,
	 .pri_bits = 7,
	 .pre_bits = 7},
};

SCENARIO(
	virq_lr_prio, .id = "virq.lr.prio",
	.rule = "ICH_LR<n>_EL2.Priority holds ICH_VTR_EL2.PRIbits + 1 high bits (the rest RAZ); "
		"the lowest implemented priority value among pending LRs is the highest priority "
		"pending interrupt, equal values are an IMPLEMENTATION DEFINED choice; priority "
		"0xff is never signalled (VPMR can't be above it); ICV_RPR and ICH_AP<g>R<n> after "
		"the acknowledge reflect its group priority",
	SCENARIO_ROWS(prio_rows), .requires = vlr_requires, .run = vlr_run);

/* Several LRs at once: mixed states, groups and priorities, up to all 16. */
static const struct vlr_row multi_rows[] = {
	{.name = "[lrs=2,distinct]",
	 .nlr = 2,
	 .lr = {LR(PENDING, 1, 0xa0, 0x50), LR(PENDING, 1, 0x90, 0x51)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK | VF_IAR1_FIRST},
	{.name = "[lrs=4,distinct,mixed-groups]",
	 .nlr = 4,
	 .lr = {LR(PENDING, 1, 0xa0, 0x50), LR(PENDING, 0, 0xb0, 0x51), LR(PENDING, 1, 0x60, 0x52),
		LR(PENDING, 0, 0x40, 0x53)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK},
	{.name = "[lrs=4,equal,g1]",
	 .nlr = 4,
	 .lr = {LR(PENDING, 1, 0x60, 0x50), LR(PENDING, 1, 0x60, 0x51), LR(PENDING, 1, 0x60, 0x52),
		LR(PENDING, 1, 0x60, 0x53)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK | VF_IAR1_FIRST},
	{.name = "[lrs=4,equal,mixed-groups]",
	 .nlr = 4,
	 .lr = {LR(PENDING, 1, 0x60, 0x50), LR(PENDING, 0, 0x60, 0x51), LR(PENDING, 1, 0x60, 0x52),
		LR(PENDING, 0, 0x60, 0x53)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK},
	/* Only the Pending LR is a candidate, though the others have higher priorities. */
	{.name = "[lrs=4,states]",
	 .nlr = 4,
	 .lr = {LR(INVALID, 1, 0x10, 0x50), LR(ACTIVE, 1, 0x20, 0x51),
		LR(PENDING_ACTIVE, 1, 0x30, 0x52), LR(PENDING, 1, 0x90, 0x53)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK | VF_IAR1_FIRST},
	{.name = "[lrs=4,states,acked]",
	 .nlr = 4,
	 .lr = {LR(INVALID, 1, 0x10, 0x50), LR(ACTIVE, 0, 0xa0, 0x51),
		LR(PENDING_ACTIVE, 1, 0xc0, 0x52), LR(PENDING, 1, 0x90, 0x53)},
	 .vmcr = VLR_VMCR_OPEN,
	 .acked = true,
	 .flags = VF_UNMASK | VF_IAR1_FIRST},
	{.name = "[lrs=4,veng1=0]",
	 .nlr = 4,
	 .lr = {LR(PENDING, 1, 0x10, 0x50), LR(PENDING, 0, 0x90, 0x51), LR(PENDING, 1, 0x20, 0x52),
		LR(PENDING, 0, 0x80, 0x53)},
	 .vmcr = ICH_VMCR_VENG0 | ICH_VMCR_VPMR(0xff),
	 .flags = VF_UNMASK},
	/* The last LRs hold the highest priorities: every LR is scanned. */
	{.name = "[lrs=8,highest-last]",
	 .nlr = 8,
	 .lr = {LR(PENDING, 1, 0xe0, 0x50), LR(PENDING, 1, 0xd0, 0x51), LR(PENDING, 1, 0xc0, 0x52),
		LR(PENDING, 1, 0xb0, 0x53), LR(PENDING, 0, 0xa0, 0x54), LR(PENDING, 1, 0x90, 0x55),
		LR(PENDING, 0, 0x18, 0x56), LR(PENDING, 1, 0x10, 0x57)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK | VF_IAR1_FIRST},
	{.name = "[lrs=16,highest-last]",
	 .nlr = 16,
	 .lr = {LR(PENDING, 1, 0xf0, 0x50), LR(PENDING, 1, 0xe8, 0x51), LR(PENDING, 1, 0xe0, 0x52),
		LR(PENDING, 1, 0xd8, 0x53), LR(PENDING, 1, 0xd0, 0x54), LR(PENDING, 1, 0xc8, 0x55),
		LR(PENDING, 1, 0xc0, 0x56), LR(PENDING, 1, 0xb8, 0x57), LR(PENDING, 1, 0xb0, 0x58),
		LR(PENDING, 1, 0xa8, 0x59), LR(PENDING, 1, 0xa0, 0x5a), LR(PENDING, 1, 0x98, 0x5b),
		LR(PENDING, 1, 0x90, 0x5c), LR(PENDING, 1, 0x88, 0x5d), LR(PENDING, 0, 0x18, 0x5e),
		LR(PENDING, 1, 0x10, 0x5f)},
	 .vmcr = VLR_VMCR_OPEN,
	 .flags = VF_UNMASK | VF_IAR1_FIRST},
};

SCENARIO(virq_lr_multi, .id = "virq.lr.multi",
	 .rule = "Several list registers: the highest priority pending interrupt is chosen over "
		 "all ICH_VTR_EL2.ListRegs + 1 LRs, only among Pending LRs of enabled groups "
		 "(equal priorities: IMPLEMENTATION DEFINED which); each ICV_IAR<g> acknowledges "
		 "at most one, and a second one only with a higher group priority than the first",
	 SCENARIO_ROWS(multi_rows), .requires = vlr_requires, .run = vlr_run);
