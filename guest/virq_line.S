/* SPDX-License-Identifier: MIT */
/*
 * virq.line.*: a guest that opens PSTATE.I/F with MSR DAIFClr (or ERETs to EL0 with them
 * open) and then spins a bounded window with nothing else to do. A virtual or physical
 * interrupt taken at EL1 lands on vline_vectors, which report what was taken and end the run
 * (VL_STATUS_TAKEN); a window that passes without one ends it with VL_STATUS_QUIET.
 *
 * Reports (guest_report keys):
 *   VL_REPORT_VECTOR  offset of the vector slot taken
 *   VL_REPORT_ELR     ELR_EL1 of it
 *   VL_REPORT_SPSR    SPSR_EL1 of it (the mode and masks it was taken from)
 *   VL_REPORT_ISR     ISR_EL1: in the slot, or (quiet) read inside the window at EL1
 *   VL_REPORT_TAKES   x20: interrupts taken and returned from before (gp_vline_retake_*)
 * Register roles: x1 = window iterations; x2 = VL_YIELD_AFTER: yield (HVC #VL_YIELD_IMM) once
 * the masks are open, so that EL2 can make an interrupt pending while the guest runs;
 * VL_YIELD_BEFORE: yield before opening them, so that EL2 can change the line first.
 */
#include "hvc.h"
#include "virq_line_abi.h"

	.text

/*
 * x0 = 1: run at EL1t (SP_EL0 below the EL1 stack); VBAR_EL1 = vline_vectors either way.
 * Clobbers x9 only.
 */
vline_setup:
	adr	x9, vline_vectors
	msr	vbar_el1, x9
	cbz	x0, 1f
	mov	x9, sp
	sub	x9, x9, #1024
	msr	sp_el0, x9
	msr	spsel, #0
1:	isb
	ret

/* The window at EL1: ISR_EL1 read once inside it, then x1 iterations with the masks open. */
vline_window:
	cmp	x2, #VL_YIELD_AFTER
	b.ne	1f
	hvc	#VL_YIELD_IMM
	.globl	gl_vline_yielded
gl_vline_yielded:
1:	mrs	x10, isr_el1
2:	subs	x1, x1, #1
	b.ne	2b
	.globl	gl_vline_window_end
gl_vline_window_end:
	msr	daifset, #0xf
	mov	x0, #VL_REPORT_ISR
	mov	x1, x10
	bl	guest_report
	mov	x0, #VL_STATUS_QUIET
	b	guest_exit

/*
 * gp_vline_clr_<name>(x0 = EL1t, x1 = iterations, x2 = VL_YIELD_*): MSR DAIFClr, #imm; the ISB at
 * gl_vline_isb_<name> is where a pending interrupt that is now unmasked must be taken at the
 * latest (its context synchronization), so ELR_EL1 is that ISB or the instruction after it.
 */
.macro	vline_clr name, imm
	.globl	gp_vline_clr_\name, gl_vline_isb_\name, gl_vline_post_\name
gp_vline_clr_\name:
	bl	vline_setup
	cmp	x2, #VL_YIELD_BEFORE
	b.ne	1f
	mov	x2, #0
	hvc	#VL_YIELD_IMM			/* masks still closed: EL2 changes the line */
1:	msr	daifclr, #\imm
gl_vline_isb_\name:
	isb
gl_vline_post_\name:
	b	vline_window
.endm

	vline_clr i, 2
	vline_clr f, 1
	vline_clr if, 3
	vline_clr none, 0

/*
 * gp_vline_el0(x0 = SPSR_EL1 for EL0, x1 = iterations): ERET to gl_vline_el0 at EL0t with the
 * masks of x0. The ERET is the unmasking; the ISB at gl_vline_el0 the latest point.
 */
	.globl	gp_vline_el0
gp_vline_el0:
	mov	x11, x0
	mov	x0, #0
	bl	vline_setup			/* clobbers x9 */
	adr	x10, gl_vline_el0
	msr	elr_el1, x10
	msr	spsr_el1, x11
	mov	x9, sp
	sub	x9, x9, #1024
	msr	sp_el0, x9
	isb
	eret

/*
 * gp_vline_el0_direct(x0 = iterations): entered at EL0 by the vmm itself (HCR_EL2.TGE = 1,
 * SPSR_EL2 gives the masks).
 */
	.globl	gp_vline_el0_direct
gp_vline_el0_direct:
	mov	x1, x0
	b	gl_vline_el0

/*
 * gp_vline_el0_yield(x0 = iterations, x1 = an unmapped IPA): as gp_vline_el0_direct, but first
 * a store to x1 (a stage 2 Data Abort: the EL0 guest's yield, HVC being UNDEFINED), then the
 * window.
 */
	.globl	gp_vline_el0_yield, gl_vline_el0_yield
gp_vline_el0_yield:
	mov	x9, x1
	mov	x1, x0
gl_vline_el0_yield:
	str	xzr, [x9]
	b	gl_vline_el0_post

/* At EL0: the window, then the doorbell (HVC is UNDEFINED at EL0). */
	.globl	gl_vline_el0, gl_vline_el0_post
gl_vline_el0:
	isb
gl_vline_el0_post:
1:	subs	x1, x1, #1
	b.ne	1b
	.globl	gl_vline_el0_done
gl_vline_el0_done:
	mov	x0, #VL_STATUS_QUIET
	mov	x1, #GUEST_DOORBELL_IPA
	str	x0, [x1]
	b	.

/*
 * gp_vline_retake_<name>(x0, x1 = iterations): the line is a level. Open the mask (MSR DAIFClr),
 * take the interrupt once on vline_retake_vectors, which return with the mask closed again
 * (x20 = 1); open it a second time: the interrupt, still pending, must be taken again, and this
 * time the slot reports it (VL_REPORT_TAKES = x20) and ends the run. ELR_EL1 of the second one:
 * gl_vline_retake_isb_<name> or the instruction after it.
 */
.macro	vline_retake name, imm
	.globl	gp_vline_retake_\name, gl_vline_retake_isb_\name, gl_vline_retake_post_\name
gp_vline_retake_\name:
	adr	x9, vline_retake_vectors
	msr	vbar_el1, x9
	mov	x20, #0
	isb
	msr	daifclr, #\imm
	isb
	msr	daifclr, #\imm
gl_vline_retake_isb_\name:
	isb
gl_vline_retake_post_\name:
	mov	x2, #VL_YIELD_NONE
	b	vline_window
.endm

	vline_retake i, 2
	vline_retake f, 1

/* The first interrupt: count it and return with I and F masked; later ones are reported. */
vline_retake_first:
	cbnz	x20, vline_taken
	add	x20, x20, #1
	mrs	x10, spsr_el1
	orr	x10, x10, #0xc0
	msr	spsr_el1, x10
	eret

/* Every slot: report the offset, ELR/SPSR/ISR_EL1, and end the run (DAIF stays masked). */
vline_taken:
	mrs	x10, elr_el1
	mrs	x11, spsr_el1
	mrs	x12, isr_el1
	mov	x0, #VL_REPORT_VECTOR
	mov	x1, x9
	bl	guest_report
	mov	x0, #VL_REPORT_ELR
	mov	x1, x10
	bl	guest_report
	mov	x0, #VL_REPORT_SPSR
	mov	x1, x11
	bl	guest_report
	mov	x0, #VL_REPORT_ISR
	mov	x1, x12
	bl	guest_report
	mov	x0, #VL_REPORT_TAKES
	mov	x1, x20
	bl	guest_report
	mov	x0, #VL_STATUS_TAKEN
	b	guest_exit

.macro	vline_slot offset
	.balign	128
	mov	x9, #\offset
	b	vline_taken
.endm

.macro	vline_retake_slot offset
	.balign	128
	mov	x9, #\offset
	b	vline_retake_first
.endm

/* The same, but IRQ and FIQ slots of the current EL (SPx) count the first one. */
	.balign	2048
vline_retake_vectors:
	.irp	off, 0x000, 0x080, 0x100, 0x180, 0x200
	vline_slot \off
	.endr
	vline_retake_slot 0x280
	vline_retake_slot 0x300
	.irp	off, 0x380, 0x400, 0x480, 0x500, 0x580, 0x600, 0x680, 0x700, 0x780
	vline_slot \off
	.endr

	.balign	2048
vline_vectors:
	.irp	off, 0x000, 0x080, 0x100, 0x180, 0x200, 0x280, 0x300, 0x380
	vline_slot \off
	.endr
	.irp	off, 0x400, 0x480, 0x500, 0x580, 0x600, 0x680, 0x700, 0x780
	vline_slot \off
	.endr
