/* SPDX-License-Identifier: MIT */
/*
 * AArch32 guest runtime: entry, the service ABI, and the EL1 vectors. The vmm enters at
 * guest32_start in Supervisor mode, A32, A/I/F masked, MMU off, VBAR = guest32_vectors, the
 * banked stack pointers (SP_svc/und/abt/irq/fiq) near the top of guest RAM, r0 = payload
 * (bit 0 set: a T32 function), r1..r3 = arguments. A payload is an AAPCS function: its return
 * value (r0) becomes the exit status. The service ABI is the AArch64 guest's (guest/hvc.h):
 * HVC #0x4854 with r0 = service, r1/r2 = arguments.
 */
#include "asm32.h"

	.section .text.start, "ax"
	.arm
	.globl	guest32_start
guest32_start:
	mov	r12, r0
	mov	r0, r1
	mov	r1, r2
	mov	r2, r3
	blx	r12
	/* fall through: r0 = status */
	.globl	guest32_exit
guest32_exit:
	mov	r1, r0
	mov	r0, #HYP_SVC_EXIT
	hvc	#HYP_SVC_IMM
	b	.

/* void guest32_report(key r0, value r1): clobbers r0..r2 only; callable from A32 and T32. */
func32	a32, guest32_report
	mov	r2, r1
	mov	r1, r0
	mov	r0, #HYP_SVC_REPORT
	hvc	#HYP_SVC_IMM
	bx	lr

/*
 * Every exception the guest takes on its own vectors is reported: the vector offset
 * (GREPORT_VECTOR: 0x04 Undefined, 0x08 SVC, 0x0c Prefetch Abort, 0x10 Data Abort, 0x18 IRQ,
 * 0x1c FIQ) and the preferred return address (GREPORT_ELR_EL1: the faulting instruction; for
 * SVC the next one). Undefined and SVC then return past the instruction; aborts and interrupts
 * end the run with GSTATUS_UNHANDLED.
 */

/* report_vector: r0 = vector offset, r1 = preferred return address. Clobbers r0..r2, r12. */
report_vector:
	mov	r12, lr
	mov	r2, r1
	mov	r1, r0
	mov	r0, #GREPORT_VECTOR
	push	{r2, r12}
	bl	guest32_report
	pop	{r1, r12}
	mov	r0, #GREPORT_ELR_EL1
	bl	guest32_report
	bx	r12

/*
 * Undefined: LR_und is the instruction + 4 (A32) or + 2 (T32, 16- or 32-bit). A T32
 * instruction whose first halfword is 0b11101/0b11110/0b11111 xxxxxxxxxxx is 32-bit: return
 * 2 bytes further.
 */
vec_und:
	push	{r0-r3, r12, lr}
	mrs	r3, spsr
	tst	r3, #0x20
	subeq	r1, lr, #4
	subne	r1, lr, #2
	beq	1f
	ldrh	r2, [r1]
	lsr	r2, r2, #11
	cmp	r2, #0x1d
	addhs	lr, lr, #2
	strhs	lr, [sp, #20]
1:	mov	r0, #0x04
	bl	report_vector
	pop	{r0-r3, r12, lr}
	movs	pc, lr

/* SVC: LR_svc is the next instruction, which is also the preferred return address. */
vec_svc:
	push	{r0-r3, r12, lr}
	mov	r1, lr
	mov	r0, #0x08
	bl	report_vector
	pop	{r0-r3, r12, lr}
	movs	pc, lr

/* Prefetch Abort: LR_abt = instruction + 4; Data Abort: + 8. */
vec_pabt:
	sub	r1, lr, #4
	mov	r0, #0x0c
	b	vec_end
vec_dabt:
	sub	r1, lr, #8
	mov	r0, #0x10
	b	vec_end
vec_irq:
	sub	r1, lr, #4
	mov	r0, #0x18
	b	vec_end
vec_fiq:
	sub	r1, lr, #4
	mov	r0, #0x1c
	b	vec_end
vec_unused:
	mov	r1, lr
	mov	r0, #0
vec_end:
	bl	report_vector
	ldr	r0, =GSTATUS_UNHANDLED
	b	guest32_exit
	.ltorg

	/* VBAR: bits [4:0] are RES0, so the table is 32-byte aligned. */
	.balign	32
	.globl	guest32_vectors
guest32_vectors:
	b	vec_unused		/* 0x00: reset, not taken through VBAR */
	b	vec_und			/* 0x04 */
	b	vec_svc			/* 0x08 */
	b	vec_pabt		/* 0x0c */
	b	vec_dabt		/* 0x10 */
	b	vec_unused		/* 0x14: not used */
	b	vec_irq			/* 0x18 */
	b	vec_fiq			/* 0x1c */
