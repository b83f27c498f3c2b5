/* SPDX-License-Identifier: MIT */
/*
 * Guest runtime: entry and EL1 vectors. The vmm enters at guest_start at EL1h with MMU off,
 * SP_EL1 at the top of guest RAM, VBAR_EL1 = guest_vectors, x0 = payload, x1..x3 = arguments.
 * A payload is a function: its return value becomes the exit status (service EXIT).
 */
#include "hvc.h"

	.section .text.start, "ax"
	.globl	guest_start
guest_start:
	mov	x9, x0
	mov	x0, x1
	mov	x1, x2
	mov	x2, x3
	blr	x9
	/* fall through: x0 = status */
	.globl	guest_exit
guest_exit:
	adr	x1, guest_channel
	ldr	x1, [x1]
	cbnz	x1, 1f
	mov	x1, x0
	mov	x0, #HYP_SVC_EXIT
	hvc	#HYP_SVC_IMM
	b	.
1:	mov	x1, #GUEST_DOORBELL_IPA		/* the doorbell channel: a store ends the run */
	str	x0, [x1]
	b	.

	.text
/*
 * void guest_report(key x0, value x1): clobbers x0..x2 only. Through the service ABI, or,
 * when the vmm set guest_channel (HCR_EL2.HCD = 1 makes HVC UNDEFINED), through the doorbell
 * page: a 64-bit store of the value to GUEST_DOORBELL_IPA + GUEST_DOORBELL_REPORT + 8 * key.
 */
	.globl	guest_report
guest_report:
	adr	x2, guest_channel
	ldr	x2, [x2]
	cbnz	x2, 1f
	mov	x2, x1
	mov	x1, x0
	mov	x0, #HYP_SVC_REPORT
	hvc	#HYP_SVC_IMM
	ret
1:	mov	x2, #GUEST_DOORBELL_IPA
	add	x2, x2, #GUEST_DOORBELL_REPORT
	str	x1, [x2, x0, lsl #3]
	ret

/* 0: report and exit through HVC #0x4854; 1: through the doorbell (written by the vmm). */
	.data
	.balign	8
	.globl	guest_channel
guest_channel:
	.quad	0

	.text
/*
 * Every exception the guest takes on its own vectors is reported (ESR/ELR/FAR_EL1 and the
 * vector offset). A synchronous exception from the current EL then returns past the faulting
 * instruction; one from EL0 ends the run with status 0 (the EL0 part of a payload is done);
 * IRQ, FIQ and SError end it with GSTATUS_UNHANDLED.
 */
.macro	vector offset, kind
	.balign	128
	stp	x0, x1, [sp, #-48]!
	stp	x2, x3, [sp, #16]
	str	x30, [sp, #32]
	mov	x0, #\offset
	b	vector_\kind
.endm

/* Reports the exception; x0 = vector offset. Clobbers x0..x3 (saved by the slot). */
vector_common:
	mov	x3, x30
	mov	x1, x0
	mov	x0, #GREPORT_VECTOR
	bl	guest_report
	mov	x0, #GREPORT_ESR_EL1
	mrs	x1, esr_el1
	bl	guest_report
	mov	x0, #GREPORT_ELR_EL1
	mrs	x1, elr_el1
	bl	guest_report
	mov	x0, #GREPORT_FAR_EL1
	mrs	x1, far_el1
	bl	guest_report
	ret	x3

vector_sync_cur:
	bl	vector_common
	mrs	x0, elr_el1
	add	x0, x0, #4
	msr	elr_el1, x0
	ldr	x30, [sp, #32]
	ldp	x2, x3, [sp, #16]
	ldp	x0, x1, [sp], #48
	eret

vector_sync_low:
	bl	vector_common
	mov	x0, #0
	b	guest_exit

vector_other:
	bl	vector_common
	mov	x0, #GSTATUS_UNHANDLED
	b	guest_exit

	.balign	2048
	.globl	guest_vectors
guest_vectors:
	vector	0x000, other		/* current EL, SP0 */
	vector	0x080, other
	vector	0x100, other
	vector	0x180, other
	vector	0x200, sync_cur		/* current EL, SPx */
	vector	0x280, other
	vector	0x300, other
	vector	0x380, other
	vector	0x400, sync_low		/* lower EL, AArch64 */
	vector	0x480, other
	vector	0x500, other
	vector	0x580, other
	vector	0x600, sync_low		/* lower EL, AArch32 */
	vector	0x680, other
	vector	0x700, other
	vector	0x780, other
