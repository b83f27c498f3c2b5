/* SPDX-License-Identifier: MIT */
/*
 * The world switch. Only what C cannot do: load the guest's general-purpose registers and ERET,
 * and on the way back save them and return to the caller of guest_enter(). EL1 system
 * registers, ELR/SPSR_EL2 and the trap configuration are written in C (vmm/vcpu.c) because the
 * harness never touches EL1 state in between.
 */
#include "arch/asm.h"
#include "hvc.h"

#define CTX_CPTR 248	/* offsetof(struct vcpu_ctx, cptr_el2), asserted in vmm.h */
#define CTX_HCR 256	/* offsetof(struct vcpu_ctx, hcr_el2) */
#define CTX_CNTHCTL 264	/* offsetof(struct vcpu_ctx, cnthctl_el2) */
#define CTX_HOST_SP 272	/* offsetof(struct vcpu_ctx, host_sp) */
#define CTX_SIZE 280	/* sizeof(struct vcpu_ctx) */

#define HCR_E2H_BIT 34
#define SCTLR_M 1

	.text

/* Callee-saved registers of guest_enter*() on the EL2 stack. */
.macro	push_callee_saved
	stp	x29, x30, [sp, #-96]!
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	stp	x23, x24, [sp, #48]
	stp	x25, x26, [sp, #64]
	stp	x27, x28, [sp, #80]
.endm

/* x0 = ctx: load the guest's x0..x30 (x0 last). */
.macro	load_guest_gprs
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
.endm
/*
 * unsigned guest_enter(struct vcpu_ctx *ctx)
 *   x0 = ctx. Saves the callee-saved registers on the EL2 stack, keeps ctx in this PE's
 *   struct cpu (TPIDR_EL2, kernel/include/smp.h: its first member),
 *   writes the guest's CPTR_EL2 last (the harness itself may use FP/SIMD, e.g. in memcpy),
 *   loads x0..x30 from ctx and ERETs. Returns the vector slot (8..15) of the exit.
 */
	.globl	guest_enter
guest_enter:
	push_callee_saved
	mrs	x1, tpidr_el2
	str	x0, [x1]
	ldr	x1, [x0, #CTX_CPTR]
	msr	cptr_el2, x1
	isb
	load_guest_gprs
	eret
	dsb	nsh				/* no speculation past ERET */
	isb

/*
 * Common exit path: x1 = vector slot, guest x0/x1 pushed at [sp]. Saves the guest registers
 * into the ctx of this PE's struct cpu (TPIDR_EL2), restores the harness's CPTR_EL2 before any C can run, and
 * returns from guest_enter() with the slot.
 */
guest_exit:
	mrs	x0, tpidr_el2
	ldr	x0, [x0]
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

/*
 * Slot 8, a synchronous exit from AArch64: the null hypercall HVC #HYP_SVC_IMM with x0 =
 * HYP_SVC_FAST_NOP is resumed here, without the world switch, as KVM resumes its SMCCC
 * workaround calls in hyp-entry.S. ELR_EL2 already is the instruction after the HVC and
 * SPSR_EL2 the guest's PSTATE; no register is changed. ESR_EL2 is compared whole: EC 0x16
 * (HVC from AArch64), IL 1, ISS the immediate, ISS2 0. Any other exit takes guest_exit with
 * guest x0/x1 pushed, as guest_slot does. A guest looping on it still meets the watchdog: its
 * CNTHP interrupt is routed to EL2 (HCR_EL2.IMO) and taken as soon as the ERET is done.
 */
.macro	guest_sync_slot n
	.balign	128
	stp	x0, x1, [sp, #-16]!
	mrs	x1, esr_el2
	mov	w0, #(HYP_SVC_IMM)
	movk	w0, #((0x16 << 10) | (1 << 9)), lsl #16
	cmp	x1, x0
	b.ne	1f
	ldr	x0, [sp]
	cmp	x0, #HYP_SVC_FAST_NOP
	b.ne	1f
	ldp	x0, x1, [sp], #16
	eret
	dsb	nsh				/* no speculation past ERET */
	isb
1:	mov	x1, #\n
	b	guest_exit
.endm

/* The guest slots of vmm_vectors: the fast hypercall in slot 8, every other slot guest_slot. */
.macro	guest_slot_fast n
	.if	\n == 8
	guest_sync_slot \n
	.else
	guest_slot \n
	.endif
.endm

/* A vector table: current-EL slots 0..7 go to the kernel's dump, lower-EL slots 8..15 to \guest. */
.macro	vector_table guest
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7
	host_slot \n
	.endr
	.irp	n, 8, 9, 10, 11, 12, 13, 14, 15
	\guest \n
	.endr
.endm

	.balign	2048
	.globl	vmm_vectors
vmm_vectors:
	vector_table guest_slot_fast

/*
 * unsigned guest_enter_vhe(struct vcpu_ctx *ctx)
 *   As guest_enter(), for a guest that runs with HCR_EL2.E2H = 1 while the harness keeps
 *   E2H = 0 (docs/design-notes.md, "E2H = 1 guests"). E2H changes the layout of CPTR_EL2,
 *   CNTHCTL_EL2 and TCR_EL2/SCTLR_EL2 (the EL2&0 regime), and E2H is permitted to be cached in
 *   a TLB. So the EL2 stage 1 is turned off (SCTLR_EL2.M = 0) before E2H is set and stays off
 *   while E2H = 1: no EL2 translation ever depends on E2H, and no EL2&0 TLB entry is made.
 *   CPTR_EL2 and CNTHCTL_EL2 are written after E2H = 1 takes effect, in their E2H = 1 layout.
 *   With the MMU off, data accesses are Device (non-cacheable): the ctx is cleaned to the PoC
 *   before the MMU goes off, and nothing in that window writes memory. VBAR_EL2 points to
 *   vmm_vectors_vhe, whose lower-EL slots undo all of this before touching memory.
 *   Returns the vector slot (8..15) of the exit.
 */
	.globl	guest_enter_vhe
guest_enter_vhe:
	push_callee_saved
	mrs	x1, tpidr_el2
	str	x0, [x1]
	mov	x1, sp
	str	x1, [x0, #CTX_HOST_SP]
	adr	x1, vmm_vectors_vhe
	msr	vbar_el2, x1
	/* Clean the ctx to the PoC, by CTR_EL0.DminLine lines. */
	mrs	x2, ctr_el0
	ubfx	x2, x2, #16, #4
	mov	x3, #4
	lsl	x3, x3, x2
	sub	x4, x3, #1
	bic	x2, x0, x4
	add	x5, x0, #CTX_SIZE
1:	dc	civac, x2
	add	x2, x2, x3
	cmp	x2, x5
	b.lo	1b
	dsb	sy
	/* EL2 stage 1 off, then E2H = 1, then the registers whose layout E2H selects. */
	mrs	x1, sctlr_el2
	bic	x1, x1, #SCTLR_M
	msr	sctlr_el2, x1
	isb
	ldr	x1, [x0, #CTX_HCR]
	msr	hcr_el2, x1
	isb
	ldr	x1, [x0, #CTX_CPTR]
	msr	cptr_el2, x1
	ldr	x1, [x0, #CTX_CNTHCTL]
	msr	cnthctl_el2, x1
	isb
	load_guest_gprs
	eret
	dsb	nsh
	isb

/*
 * A lower-EL slot of vmm_vectors_vhe: entered with E2H = 1 and the EL2 MMU off, every GPR the
 * guest's. SP_EL2 holds guest x0 meanwhile (the harness's SP is in ctx->host_sp); E2H = 0 and
 * the MMU back on come first, then memory is touched, then the common guest_exit path.
 */
.macro	vhe_guest_slot n
	.balign	128
	mov	sp, x0
	mrs	x0, hcr_el2
	bic	x0, x0, #(1 << HCR_E2H_BIT)
	msr	hcr_el2, x0
	isb
	mrs	x0, sctlr_el2
	orr	x0, x0, #SCTLR_M
	msr	sctlr_el2, x0
	isb
	mrs	x0, tpidr_el2
	ldr	x0, [x0]
	str	x1, [x0, #8]
	mov	x1, sp
	str	x1, [x0, #0]
	ldr	x1, [x0, #CTX_HOST_SP]
	mov	sp, x1
	adr	x1, vmm_vectors
	msr	vbar_el2, x1
	ldp	x0, x1, [x0]
	stp	x0, x1, [sp, #-16]!
	mov	x1, #\n
	b	guest_exit
.endm

	.balign	2048
	.globl	vmm_vectors_vhe
vmm_vectors_vhe:
	vector_table vhe_guest_slot
