/* SPDX-License-Identifier: MIT */
/*
 * EL2 vector table of the harness itself. Every exception taken here is unexpected: the frame is
 * saved and kernel_exception() prints the decoded dump and bails out. The vmm installs its own
 * table for guest exits, whose current-EL slots branch to kernel_exc_entry below.
 */

/* struct exc_frame layout: x0..x30, sp, elr, spsr, esr, far (kernel/exception.h). */
#define FRAME_SIZE (36 * 8)

	.text
/*
 * kernel_exc_entry: x0 = vector slot index (0..15), all other registers as at the exception;
 * the slot stub has already pushed the original x0/x1 at [sp, #-16].
 */
	.globl	kernel_exc_entry
kernel_exc_entry:
	sub	sp, sp, #(FRAME_SIZE - 16)	/* the stub reserved 16 bytes already */
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	ldp	x2, x3, [sp, #(FRAME_SIZE - 16)]	/* original x0, x1 pushed by the stub */
	stp	x2, x3, [sp, #0]
	add	x2, sp, #FRAME_SIZE
	stp	x30, x2, [sp, #240]
	mrs	x2, elr_el2
	mrs	x3, spsr_el2
	stp	x2, x3, [sp, #256]
	mrs	x2, esr_el2
	mrs	x3, far_el2
	stp	x2, x3, [sp, #272]
	mov	x1, x0				/* slot */
	mov	x0, sp				/* void kernel_exception(struct exc_frame *, unsigned slot) */
	bl	kernel_exception
	b	.

.macro	slot n
	.balign	128
	stp	x0, x1, [sp, #-16]!
	mov	x0, #\n
	b	kernel_exc_entry
.endm

	.balign	2048
	.globl	kernel_vectors
kernel_vectors:
	slot 0
	slot 1
	slot 2
	slot 3
	slot 4
	slot 5
	slot 6
	slot 7
	slot 8
	slot 9
	slot 10
	slot 11
	slot 12
	slot 13
	slot 14
	slot 15
