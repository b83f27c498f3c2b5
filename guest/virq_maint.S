/* SPDX-License-Identifier: MIT */
/*
 * virq.maint, virq.leak.maint: a guest the hypervisor drives one GIC action at a time.
 *
 * gp_vmaint(window x0): yields with HVC #1 and x0 = the result of its last action (0 at
 * first); the scenario answers in x0 = a VMAINT_* operation (guest/virq_maint.h) and x1 = its
 * operand, and resumes. The guest performs the one ICV_* access, then spins until CNTVCT_EL0
 * has advanced by the window (x0 at entry, in counter ticks) before it yields again: a
 * maintenance interrupt the action raises reaches EL2 (HCR_EL2.IMO = 1, taken from EL1 whatever
 * PSTATE.I) within that window, and its absence is proven by it. PSTATE.DAIF stays masked, so
 * virtual interrupts are never taken at EL1: the guest only polls ICV_IAR. Any exception at EL1
 * goes to gvmaint_vectors, which ends the run with GSTATUS_UNHANDLED and the vector offset in
 * the report GREPORT_VECTOR (the runtime's own vectors are not relied on).
 */
#include "hvc.h"
#include "virq_maint.h"

	.text
	.globl	gp_vmaint, gl_vmaint_yield
gp_vmaint:
	mov	x9, x0				/* the window, in CNTVCT_EL0 ticks */
	adr	x10, gvmaint_vectors
	msr	vbar_el1, x10
	isb
	mov	x0, #0
1:	hvc	#0x0001				/* x0 = result; back: x0 = op, x1 = operand */
gl_vmaint_yield:
	mov	x13, #0
	cmp	x0, #VMAINT_OPS
	b.hs	3f
	adr	x10, 4f
	add	x10, x10, x0, lsl #3		/* two instructions per operation */
	br	x10
2:	isb
	mrs	x11, cntvct_el0
5:	mrs	x12, cntvct_el0
	sub	x12, x12, x11
	cmp	x12, x9
	b.lo	5b
	mov	x0, x13
	b	1b
3:	mov	x0, #GSTATUS_UNHANDLED		/* an operation this guest does not know */
	ret

	.balign	8
4:	nop					/* VMAINT_NONE */
	b	2b
	mrs	x13, S3_0_C12_C8_0		/* VMAINT_IAR0: ICC_IAR0_EL1 (ICV_ with FMO = 1) */
	b	2b
	mrs	x13, S3_0_C12_C12_0		/* VMAINT_IAR1: ICC_IAR1_EL1 (ICV_ with IMO = 1) */
	b	2b
	msr	S3_0_C12_C8_1, x1		/* VMAINT_EOIR0: ICC_EOIR0_EL1 */
	b	2b
	msr	S3_0_C12_C12_1, x1		/* VMAINT_EOIR1: ICC_EOIR1_EL1 */
	b	2b
	msr	S3_0_C12_C11_1, x1		/* VMAINT_DIR: ICC_DIR_EL1 */
	b	2b
	msr	S3_0_C12_C12_6, x1		/* VMAINT_IGRPEN0: ICC_IGRPEN0_EL1 */
	b	2b
	msr	S3_0_C12_C12_7, x1		/* VMAINT_IGRPEN1: ICC_IGRPEN1_EL1 */
	b	2b
	mrs	x13, S3_0_C12_C12_2		/* VMAINT_HPPIR1: ICC_HPPIR1_EL1 */
	b	2b
	mov	x0, x1				/* VMAINT_EXIT: the status */
	ret

/* Nothing is expected at EL1: every vector reports its offset and ends the run. */
.macro	gvmaint_vector offset
	.balign	128
	mov	x0, #GREPORT_VECTOR
	mov	x1, #\offset
	bl	guest_report
	mov	x0, #GSTATUS_UNHANDLED
	b	guest_exit
.endm

	.balign	2048
gvmaint_vectors:
	.irp	off, 0x000, 0x080, 0x100, 0x180, 0x200, 0x280, 0x300, 0x380, \
		0x400, 0x480, 0x500, 0x580, 0x600, 0x680, 0x700, 0x780
	gvmaint_vector \off
	.endr
