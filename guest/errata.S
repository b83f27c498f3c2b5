/* SPDX-License-Identifier: MIT */
/*
 * Payloads of the errata reproducers (scenarios/errata/). The gl_ labels are the
 * instructions under test: the preferred return address of a fault or trap on them.
 */
#include "hvc.h"

	.text

/*
 * errata.834220, EL1: ldr x2, [x0] (x0 = a VA 4 bytes below a page boundary); report x2. A
 * fault the guest's own vectors take returns past the load (guest/start.S).
 */
	.globl	gp_xpage_ldr_el1, gl_xpage_ldr_el1
gp_xpage_ldr_el1:
	str	x30, [sp, #-16]!
gl_xpage_ldr_el1:
	ldr	x2, [x0]
	mov	x1, x2
	mov	x0, #GREPORT_USER
	bl	guest_report
	mov	x0, #0
	ldr	x30, [sp], #16
	ret

/*
 * errata.834220, EL0: ERET to EL0 (EL0t, DAIF masked) at gl_xpage_ldr_el0 with x0 kept. The
 * load there either faults to EL1 or to EL2, or completes and the SVC after it is taken; the
 * runtime's lower-EL vector reports either exception and ends the run.
 */
	.globl	gp_xpage_ldr_el0, gl_xpage_ldr_el0, gl_xpage_svc_el0
gp_xpage_ldr_el0:
	adr	x9, gl_xpage_ldr_el0
	msr	elr_el1, x9
	mov	x9, #0x3c0
	msr	spsr_el1, x9
	isb
	eret
gl_xpage_ldr_el0:
	ldr	x2, [x0]
gl_xpage_svc_el0:
	svc	#0x834
