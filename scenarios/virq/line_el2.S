/* SPDX-License-Identifier: MIT */
/*
 * virq.line.el2: a bounded window at EL2 with HCR_EL2 = @hcr (VI/VF asserted) and PSTATE.I/F
 * clear, on vectors of its own. A virtual interrupt must not be taken there; if anything is
 * taken, the slot records its offset and ELR_EL2 and returns to the end of the window with
 * DAIF masked, so a deviating CPU fails the row instead of ending the suite.
 *
 * struct line_el2_result *line_el2_window(uint64_t hcr x0, uint64_t iterations x1,
 *					    struct line_el2_result *out x2);
 * out->vector = offset taken or ~0 (nothing), out->elr = its ELR_EL2. Clobbers x0..x7.
 */
#define LR_VECTOR 0
#define LR_ELR	  8
#define SPSR_EL2H_MASKED 0x3c9 /* EL2h, DAIF = 1111 */

	.text
	.globl	line_el2_window
line_el2_window:
	mrs	x3, daif
	msr	daifset, #0xf
	mrs	x4, vbar_el2
	mrs	x5, hcr_el2
	adr	x6, line_el2_vectors
	msr	vbar_el2, x6
	msr	hcr_el2, x0
	mov	x7, #-1
	str	x7, [x2, #LR_VECTOR]
	str	xzr, [x2, #LR_ELR]
	isb
	msr	daifclr, #3
	isb
1:	subs	x1, x1, #1
	b.ne	1b
line_el2_end:
	msr	daifset, #0xf
	msr	hcr_el2, x5
	msr	vbar_el2, x4
	isb
	msr	daif, x3
	mov	x0, x2
	ret

.macro	slot offset
	.balign	128
	mov	x7, #\offset
	str	x7, [x2, #LR_VECTOR]
	mrs	x7, elr_el2
	str	x7, [x2, #LR_ELR]
	adr	x7, line_el2_end
	msr	elr_el2, x7
	mov	x7, #SPSR_EL2H_MASKED
	msr	spsr_el2, x7
	eret
.endm

	.balign	2048
line_el2_vectors:
	.irp	off, 0x000, 0x080, 0x100, 0x180, 0x200, 0x280, 0x300, 0x380
	slot	\off
	.endr
	.irp	off, 0x400, 0x480, 0x500, 0x580, 0x600, 0x680, 0x700, 0x780
	slot	\off
	.endr
