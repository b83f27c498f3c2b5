/* SPDX-License-Identifier: MIT */
/*
 * EL1 payload of the virq.v2.* families: a small interpreter of a script of GICV_* accesses
 * that the scenario writes into guest RAM (scenarios/virq/v2_script.h has the op codes), so one
 * payload serves every row and the oracle predicts the same script step by step.
 *
 * x0 = IPA of the script: entries of three words {op, GICV offset, value}, ended by V2OP_END;
 * x1 = IPA of the results: one word per V2OP_READ and V2OP_WAIT, in order;
 * x2 = IPA of the guest's GICV frame.
 *
 * The payload takes interrupts on its own vectors: an IRQ or FIQ at EL1 records its kind in
 * v2_taken and returns with PSTATE.I and F masked, without touching the GIC, so that a
 * V2OP_WAIT observes whether the virtual CPU interface signals something, and nothing else.
 */
#include "virq_v2.h"

	.text
	.globl	gp_v2_script
gp_v2_script:
	adr	x3, v2_vectors
	msr	vbar_el1, x3
	isb
	mov	x9, x1			/* the next result slot */
	mov	w10, #1023		/* the last GICV_IAR/AIAR value (spurious until one) */
1:	ldp	w4, w5, [x0]
	ldr	w6, [x0, #8]
	add	x0, x0, #12
	add	x7, x2, x5		/* GICV + off */
	cmp	w4, #V2OP_READ
	b.eq	2f
	cmp	w4, #V2OP_WRITE
	b.eq	3f
	cmp	w4, #V2OP_WRITE_ACK
	b.eq	4f
	cmp	w4, #V2OP_SYNC
	b.eq	5f
	cmp	w4, #V2OP_WAIT
	b.eq	6f
	mov	x0, #0			/* V2OP_END, or an unknown op: the results tell */
	ret
2:	ldr	w8, [x7]
	str	w8, [x9], #4
	mov	w11, #V2_GICV_AIAR
	cmp	w5, #V2_GICV_IAR
	ccmp	w5, w11, #4, ne		/* Z = off is IAR or AIAR */
	csel	w10, w8, w10, eq
	b	1b
3:	str	w6, [x7]
	b	1b
4:	str	w10, [x7]
	b	1b
5:	hvc	#V2_SYNC_IMM
	b	1b
6:	adr	x7, v2_taken
	str	wzr, [x7]
	msr	daifclr, #3
7:	ldr	w8, [x7]
	cbnz	w8, 8f
	subs	w6, w6, #1
	b.hi	7b
8:	msr	daifset, #3
	ldr	w8, [x7]
	str	w8, [x9], #4
	b	1b

/* An IRQ (x0 = 1) or FIQ (x0 = 2) at EL1: note it, and return with I and F masked. */
.macro	v2_take kind
	.balign	128
	stp	x0, x1, [sp, #-16]!
	mov	x0, #\kind
	adr	x1, v2_taken
	str	w0, [x1]
	mrs	x0, spsr_el1
	orr	x0, x0, #0xc0
	msr	spsr_el1, x0
	ldp	x0, x1, [sp], #16
	eret
.endm

/* Every other exception goes to the runtime's handler for the same slot (report, exit). */
.macro	v2_runtime offset
	.balign	128
	b	guest_vectors + \offset
.endm

	.balign	2048
v2_vectors:
	v2_runtime	0x000
	v2_runtime	0x080
	v2_runtime	0x100
	v2_runtime	0x180
	v2_runtime	0x200
	v2_take		V2_TAKEN_IRQ	/* 0x280: current EL, SPx, IRQ */
	v2_take		V2_TAKEN_FIQ	/* 0x300: current EL, SPx, FIQ */
	v2_runtime	0x380
	v2_runtime	0x400
	v2_runtime	0x480
	v2_runtime	0x500
	v2_runtime	0x580
	v2_runtime	0x600
	v2_runtime	0x680
	v2_runtime	0x700
	v2_runtime	0x780

	.data
	.balign	4
v2_taken:
	.word	0
