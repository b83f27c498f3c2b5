/* SPDX-License-Identifier: MIT */
/*
 * The world switch. Only what C cannot do: load the guest's general-purpose registers and ERET,
 * and on the way back save them and return to the caller of guest_enter(). EL1 system
 * registers, ELR/SPSR_EL2 and the trap configuration are written in C (vmm/vcpu.c) because the
 * harness never touches EL1 state in between.
 */
#include "arch/asm.h"

#define CTX_CPTR 248	/* offsetof(struct vcpu_ctx, cptr_el2), asserted in vmm.h */

	.text
/*
 * unsigned guest_enter(struct vcpu_ctx *ctx)
 *   x0 = ctx. Saves the callee-saved registers on the EL2 stack, keeps ctx in TPIDR_EL2,
 *   writes the guest's CPTR_EL2 last (the harness itself may use FP/SIMD, e.g. in memcpy),
 *   loads x0..x30 from ctx and ERETs. Returns the vector slot (8..15) of the exit.
 */
	.globl	guest_enter
guest_enter:
	stp	x29, x30, [sp, #-96]!
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	stp	x23, x24, [sp, #48]
	stp	x25, x26, [sp, #64]
	stp	x27, x28, [sp, #80]
	msr	tpidr_el2, x0
	ldr	x1, [x0, #CTX_CPTR]
	msr	cptr_el2, x1
	isb
	ldp	x2, x3, [x0, #16]
	ldp	x4, x5, [x0, #32]
	ldp	x6, x7, [x0, #48]
	ldp	x8, x9, [x0, #64]
	ldp	x10, x11, [x0, #80]
	ldp	x12, x13, [x0, #96]
	ldp	x14, x15, [x0, #112]
	ldp	x16, x17, [x0, #128]
	ldp	x18, x19, [x0, #144]
	ldp	x20, x21, [x0, #160]
	ldp	x22, x23, [x0, #176]
	ldp	x24, x25, [x0, #192]
	ldp	x26, x27, [x0, #208]
	ldp	x28, x29, [x0, #224]
	ldr	x30, [x0, #240]
	ldp	x0, x1, [x0, #0]
	eret
	dsb	nsh				/* no speculation past ERET */
	isb

/*
 * Common exit path: x1 = vector slot, guest x0/x1 pushed at [sp]. Saves the guest registers
 * into the ctx in TPIDR_EL2, restores the harness's CPTR_EL2 before any C can run, and
 * returns from guest_enter() with the slot.
 */
guest_exit:
	mrs	x0, tpidr_el2
	stp	x2, x3, [x0, #16]
	stp	x4, x5, [x0, #32]
	stp	x6, x7, [x0, #48]
	stp	x8, x9, [x0, #64]
	stp	x10, x11, [x0, #80]
	stp	x12, x13, [x0, #96]
	stp	x14, x15, [x0, #112]
	stp	x16, x17, [x0, #128]
	stp	x18, x19, [x0, #144]
	stp	x20, x21, [x0, #160]
	stp	x22, x23, [x0, #176]
	stp	x24, x25, [x0, #192]
	stp	x26, x27, [x0, #208]
	stp	x28, x29, [x0, #224]
	str	x30, [x0, #240]
	ldp	x2, x3, [sp], #16
	stp	x2, x3, [x0, #0]
	mov	x2, #CPTR_EL2_HOST
	msr	cptr_el2, x2
	isb
	mov	x0, x1
	ldp	x19, x20, [sp, #16]
	ldp	x21, x22, [sp, #32]
	ldp	x23, x24, [sp, #48]
	ldp	x25, x26, [sp, #64]
	ldp	x27, x28, [sp, #80]
	ldp	x29, x30, [sp], #96
	ret

/* Current-EL slots: the harness itself faulted. Hand over to the kernel's dump. */
.macro	host_slot n
	.balign	128
	stp	x0, x1, [sp, #-16]!
	mov	x0, #\n
	b	kernel_exc_entry
.endm

/* Lower-EL slots: a guest exit. */
.macro	guest_slot n
	.balign	128
	stp	x0, x1, [sp, #-16]!
	mov	x1, #\n
	b	guest_exit
.endm

	.balign	2048
	.globl	vmm_vectors
vmm_vectors:
	host_slot 0
	host_slot 1
	host_slot 2
	host_slot 3
	host_slot 4
	host_slot 5
	host_slot 6
	host_slot 7
	guest_slot 8
	guest_slot 9
	guest_slot 10
	guest_slot 11
	guest_slot 12
	guest_slot 13
	guest_slot 14
	guest_slot 15
