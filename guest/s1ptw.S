/* SPDX-License-Identifier: MIT */
/*
 * Payloads of the stage2.s1ptw, stage2.af and stage2.dbm families (scenarios/stage2/s1ptw*.c,
 * hafdbs.c): one access each, to x0 = the VA under test (x2: the data to store). The stage-1
 * tables under test hang from TTBR1_EL1, so that even their root can sit in an IPA range that
 * stage 2 treats specially while the payload itself runs through TTBR0. The gl_ label is the
 * access, the preferred return address of a fault on it.
 */
#include "hvc.h"

#define GREPORT_S1PTW GREPORT_USER /* the loaded value, or PAR_EL1 after AT */

/* ldr x2, [x0]; report x2. */
	.globl	gp_s1ptw_ldr, gl_s1ptw_ldr
gp_s1ptw_ldr:
	str	x30, [sp, #-16]!
gl_s1ptw_ldr:
	ldr	x2, [x0]
	mov	x1, x2
	mov	x0, #GREPORT_S1PTW
	bl	guest_report
	mov	x0, #0
	ldr	x30, [sp], #16
	ret

/* str x2, [x0] (x2 = the value to store). */
	.globl	gp_s1ptw_str, gl_s1ptw_str
gp_s1ptw_str:
gl_s1ptw_str:
	str	x2, [x0]
	mov	x0, #0
	ret

/* blr x0: the page at x0 holds code that returns a status in x0. */
	.globl	gp_s1ptw_fetch
gp_s1ptw_fetch:
	str	x30, [sp, #-16]!
	ic	iallu
	dsb	nsh
	isb
	blr	x0
	ldr	x30, [sp], #16
	ret

/* at s1e1r, x0; report PAR_EL1. */
	.globl	gp_s1ptw_at, gl_s1ptw_at
gp_s1ptw_at:
	str	x30, [sp, #-16]!
gl_s1ptw_at:
	at	s1e1r, x0
	isb
	mrs	x1, par_el1
	mov	x0, #GREPORT_S1PTW
	bl	guest_report
	mov	x0, #0
	ldr	x30, [sp], #16
	ret
