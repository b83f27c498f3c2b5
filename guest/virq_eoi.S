/* SPDX-License-Identifier: MIT */
/*
 * gp_virq_script: the guest of virq.eoi and virq.hw. It runs the vGIC script of its three
 * arguments (guest/virq_script.h) on the ICV_* registers with PSTATE.I and F masked, except in
 * VS_WAIT, where it takes a virtual interrupt on its own vectors (gv_virq_vectors) as a guest
 * kernel would. Reads are reported under keys GREPORT_USER, GREPORT_USER + 1, ...; the status
 * is 0, or 1 for an op it does not know.
 *
 * Registers across ops: x19 the next report key, x20 the vector offset the own vectors took,
 * x22..x24 the ops still to run, x25 the op, x11 its operand. guest_report clobbers x0..x2;
 * the vectors clobber x9 and x20 only.
 */
#include "hvc.h"
#include "virq_script.h"

#define DAIF_IF 3 /* the I and F bits of DAIFSet/DAIFClr */
#define SPSR_IF 0xc0

	.text
	.globl	gp_virq_script
gp_virq_script:
	stp	x29, x30, [sp, #-64]!
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	stp	x23, x24, [sp, #48]
	str	x25, [sp, #-16]!
	mov	x22, x0
	mov	x23, x1
	mov	x24, x2
	adr	x9, gv_virq_vectors
	msr	vbar_el1, x9
	isb
	mov	x19, #GREPORT_USER

next_op:
	/* Take the low half-word and shift the 192-bit script right by 16. */
	and	x25, x22, #0xffff
	extr	x22, x23, x22, #16
	extr	x23, x24, x23, #16
	lsr	x24, x24, #16
	lsr	x10, x25, #VS_OP_SHIFT
	and	x11, x25, #VS_ARG_MASK
	cmp	x10, #VS_OP_COUNT
	b.hs	bad_op
	adr	x12, op_table
	add	x12, x12, x10, lsl #2
	br	x12
op_table:
	b	done		/* VS_END */
	b	op_iar0
	b	op_iar1
	b	op_eoir0
	b	op_eoir1
	b	op_dir
	b	op_rpr
	b	op_hppir0
	b	op_hppir1
	b	op_igrpen0
	b	op_igrpen1
	b	op_sync
	b	op_wait
	b	op_cntv_ctl

op_iar0:
	mrs	x1, S3_0_C12_C8_0		/* ICV_IAR0_EL1 */
	b	report
op_iar1:
	mrs	x1, S3_0_C12_C12_0		/* ICV_IAR1_EL1 */
	b	report
op_eoir0:
	msr	S3_0_C12_C8_1, x11		/* ICV_EOIR0_EL1 */
	b	synced
op_eoir1:
	msr	S3_0_C12_C12_1, x11		/* ICV_EOIR1_EL1 */
	b	synced
op_dir:
	msr	S3_0_C12_C11_1, x11		/* ICV_DIR_EL1 */
	b	synced
op_rpr:
	mrs	x1, S3_0_C12_C11_3		/* ICV_RPR_EL1 */
	b	report
op_hppir0:
	mrs	x1, S3_0_C12_C8_2		/* ICV_HPPIR0_EL1 */
	b	report
op_hppir1:
	mrs	x1, S3_0_C12_C12_2		/* ICV_HPPIR1_EL1 */
	b	report
op_igrpen0:
	msr	S3_0_C12_C12_6, x11		/* ICV_IGRPEN0_EL1 */
	b	synced
op_igrpen1:
	msr	S3_0_C12_C12_7, x11		/* ICV_IGRPEN1_EL1 */
	b	synced
op_sync:
	hvc	#VS_SYNC_IMM
	b	next_op
op_cntv_ctl:
	msr	cntv_ctl_el0, x11
	b	synced
op_wait:
	mov	x20, xzr
	lsl	x10, x11, #10			/* VS_WAIT_UNIT iterations per operand unit */
	msr	daifclr, #DAIF_IF
1:	cbnz	x20, 2f
	subs	x10, x10, #1
	b.hi	1b
2:	msr	daifset, #DAIF_IF
	mov	x1, x20
	b	report

/* A write to a GIC register takes effect for the next op only after a context synchronization. */
synced:
	isb
	b	next_op

report:
	mov	x0, x19
	bl	guest_report
	add	x19, x19, #1
	b	next_op

bad_op:
	mov	x0, #1
	b	1f
done:
	mov	x0, #0
1:	ldr	x25, [sp], #16
	ldp	x23, x24, [sp, #48]
	ldp	x21, x22, [sp, #32]
	ldp	x19, x20, [sp, #16]
	ldp	x29, x30, [sp], #64
	ret

/*
 * The payload's own EL1 vectors. An IRQ or FIQ from EL1h (where the payload runs) records its
 * offset in x20 and returns with PSTATE.I and F masked, so VS_WAIT sees it and stops; it does
 * not acknowledge (the script's next ops do). Anything else is reported under GREPORT_VECTOR
 * and ends the run with GSTATUS_UNHANDLED.
 */
.macro	vs_vector offset
	.balign	128
	.if	\offset == VS_VEC_IRQ || \offset == VS_VEC_FIQ
	mov	x20, #\offset
	mrs	x9, spsr_el1
	orr	x9, x9, #SPSR_IF
	msr	spsr_el1, x9
	eret
	.else
	mov	x1, #\offset
	mov	x0, #GREPORT_VECTOR
	bl	guest_report
	mov	x0, #GSTATUS_UNHANDLED
	b	guest_exit
	.endif
.endm

	.balign	2048
gv_virq_vectors:
	.irp	off, 0x000, 0x080, 0x100, 0x180, 0x200, 0x280, 0x300, 0x380
	vs_vector \off
	.endr
	.irp	off, 0x400, 0x480, 0x500, 0x580, 0x600, 0x680, 0x700, 0x780
	vs_vector \off
	.endr
