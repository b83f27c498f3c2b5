/* SPDX-License-Identifier: MIT */
/*
 * timer.irq: the guest arms its EL1 virtual timer and takes the (virtual) timer interrupt on
 * its own vectors. Parameters in gl_timer_args (guest/timer.S): cval (ticks ahead of the
 * guest's first CNTPCT read: CVAL is that read + cval, kept in x10), ctl, spin (ticks of the
 * window, from that read, in which the interrupt may come).
 *
 * gp_timer_irq: VBAR_EL1 = gl_timer_irq_vectors; CNTV_CVAL_EL0 = x13 + cval (x13 = CNTPCT),
 * CNTV_CTL_EL0 = ctl;
 * PSTATE.I clear; spin until the handler ran or spin ticks of CNTPCT passed; PSTATE.I set.
 * Reports GREPORT_USER + 0: the INTID the handler acknowledged (ICC_IAR1_EL1, which is
 * ICV_IAR1_EL1 with HCR_EL2.IMO = 1), or 0x10000 if it never ran; + 1: CNTV_CTL_EL0 at the
 * end; + 2: CNTV_CTL_EL0 as the handler found it (0x10000 if it never ran).
 * The handler (current EL, SPx, IRQ) acknowledges, masks the timer (CTL = ENABLE|IMASK, so its
 * line drops) and writes ICC_EOIR1_EL1 with the INTID (with ICH_VMCR_EL2.VEOIM = 0 this drops
 * the priority and deactivates; an LR with HW = 1 deactivates the physical INTID too).
 * Register use: x19 = acknowledged INTID, x20 = CTL seen by the handler (shared with the loop);
 * x10 CVAL, x12 spin, x13 start count, x14 elapsed (EL2 reads or rewrites them at an exit).
 */
#include "hvc.h"

#define NOT_TAKEN	0x10000
/*
 * Loop iterations between two counter reads. QEMU takes its big lock for every CNTPCT read (an
 * ARM_CP_IO register), and a vCPU that reads it back to back kept QEMU's main loop, which
 * raises the timer's line, from taking the lock for more than 80 ms on a loaded host.
 */
#define SPIN_DELAY	256
#define ICC_IAR1_EL1	S3_0_C12_C12_0
#define ICC_EOIR1_EL1	S3_0_C12_C12_1

	.text
	.globl	gp_timer_irq
gp_timer_irq:
	stp	x29, x30, [sp, #-32]!
	stp	x19, x20, [sp, #16]
	mov	x19, #NOT_TAKEN
	mov	x20, #NOT_TAKEN
	adr	x9, gl_timer_irq_vectors
	msr	vbar_el1, x9
	adr	x9, gl_timer_args
	ldr	x10, [x9]			/* cval: ticks ahead of the count */
	ldr	x11, [x9, #24]			/* ctl */
	ldr	x12, [x9, #16]			/* spin */
	isb
	mrs	x13, cntpct_el0
	add	x10, x10, x13			/* x10 = CVAL, read by EL2 at an exit */
	msr	cntv_cval_el0, x10
	msr	cntv_ctl_el0, x11
	isb
	msr	daifclr, #2
1:	cmp	x19, #NOT_TAKEN
	b.ne	2f
	mov	x16, #SPIN_DELAY
4:	subs	x16, x16, #1
	b.ne	4b
	isb
	mrs	x14, cntpct_el0
	sub	x14, x14, x13
	cmp	x14, x12
	b.lo	1b
2:	msr	daifset, #2
	isb
	mov	x0, #GREPORT_USER
	mov	x1, x19
	bl	guest_report
	mov	x0, #GREPORT_USER + 1
	mrs	x1, cntv_ctl_el0
	bl	guest_report
	mov	x0, #GREPORT_USER + 2
	mov	x1, x20
	bl	guest_report
	ldp	x19, x20, [sp, #16]
	ldp	x29, x30, [sp], #32
	mov	x0, #0
	ret

/* Any other exception: report it like the runtime does and end the run. */
.macro	timer_irq_other offset
	.balign	128
	mov	x0, #\offset
	b	timer_irq_unexpected
.endm

timer_irq_unexpected:
	mov	x1, x0
	mov	x0, #GREPORT_VECTOR
	bl	guest_report
	mov	x0, #GREPORT_ESR_EL1
	mrs	x1, esr_el1
	bl	guest_report
	mov	x0, #GREPORT_ELR_EL1
	mrs	x1, elr_el1
	bl	guest_report
	mov	x0, #GSTATUS_UNHANDLED
	b	guest_exit

	.balign	2048
	.globl	gl_timer_irq_vectors
gl_timer_irq_vectors:
	timer_irq_other 0x000
	timer_irq_other 0x080
	timer_irq_other 0x100
	timer_irq_other 0x180
	timer_irq_other 0x200
	/* 0x280: current EL, SPx, IRQ. Uses x0 and x19/x20 only (the loop expects that). */
	.balign	128
	mrs	x19, ICC_IAR1_EL1
	mrs	x20, cntv_ctl_el0
	mov	x0, #3				/* ENABLE | IMASK */
	msr	cntv_ctl_el0, x0
	isb
	msr	ICC_EOIR1_EL1, x19
	isb
	eret
	timer_irq_other 0x300
	timer_irq_other 0x380
	timer_irq_other 0x400
	timer_irq_other 0x480
	timer_irq_other 0x500
	timer_irq_other 0x580
	timer_irq_other 0x600
	timer_irq_other 0x680
	timer_irq_other 0x700
	timer_irq_other 0x780
