/* SPDX-License-Identifier: MIT */
/*
 * stage2.attr.hcr.dc payload (scenarios/stage2/attr_hcr_dc.c): x0 = a VA. Reports SCTLR_EL1 as
 * a direct read sees it (GREPORT_USER), then LDR X2, [X0] at gl_attr_dc_ldr; returns 0 if the
 * load completes.
 */
#include "hvc.h"

	.text
	.globl	gp_attr_dc_ldr, gl_attr_dc_ldr
gp_attr_dc_ldr:
	stp	x19, x30, [sp, #-16]!
	mov	x19, x0
	mrs	x1, sctlr_el1
	mov	x0, #GREPORT_USER
	bl	guest_report
gl_attr_dc_ldr:
	ldr	x2, [x19]
	ldp	x19, x30, [sp], #16
	mov	x0, #0
	ret
