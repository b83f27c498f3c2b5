/* SPDX-License-Identifier: MIT */
/*
 * Payloads of the stage2.leaf families (scenarios/stage2/leaf_*.c).
 */
#include "hvc.h"

	.text

/*
 * stage2.leaf.contig.access: x0, x1, x2 = three IPAs. Loads the doubleword at each, in that
 * order, and reports it under GREPORT_USER + 0, 1, 2: the data a real access gets through the
 * stage-2 TLB, where AT may walk the tables afresh.
 */
	.globl	gp_leaf_load3
gp_leaf_load3:
	mov	x20, x30
	mov	x21, x1
	mov	x22, x2
	ldr	x1, [x0]
	mov	x0, #GREPORT_USER + 0
	bl	guest_report
	ldr	x1, [x21]
	mov	x0, #GREPORT_USER + 1
	bl	guest_report
	ldr	x1, [x22]
	mov	x0, #GREPORT_USER + 2
	bl	guest_report
	mov	x0, #0
	mov	x30, x20
	ret
