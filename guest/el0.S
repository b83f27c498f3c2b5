/* SPDX-License-Identifier: MIT */
/*
 * EL0 payloads (trap.tge). Each runs at EL0 through the runtime's guest_start (x0 = payload,
 * its arguments in x1..x3), entered either directly by the vmm with SPSR_EL2 = EL0t
 * (HCR_EL2.TGE = 1: EL1 is not used) or from EL1 by gp_el0_call (TGE = 0).
 *
 * HVC is UNDEFINED at EL0, so an EL0 payload never returns into guest_exit: it ends with a
 * 64-bit store of its status to the doorbell (el0_exit), a stage 2 Data Abort that the vmm
 * turns into EXIT_GUEST_DONE. That works in both cases because with HCR_EL2.E2H = 0 stage 2
 * stays in force under TGE = 1 (only {E2H, TGE} = {1, 1} makes HCR_EL2.VM behave as 0).
 * Everything is PC-relative.
 */
#include "hvc.h"

	.text

/*
 * gp_el0_call(x0 = EL0 payload, x1 = SPSR_EL1 for EL0, x2 = the payload's x0): at EL1, ERET
 * to guest_start at EL0. Exceptions the EL0 part takes end the run on the runtime's lower-EL
 * vector; otherwise it ends through the doorbell.
 */
	.globl	gp_el0_call
gp_el0_call:
	adr	x9, guest_start
	msr	elr_el1, x9
	msr	spsr_el1, x1
	mov	x1, x2
	isb
	eret

/* x0 = status. */
el0_exit:
	mov	x1, #GUEST_DOORBELL_IPA
	str	x0, [x1]
	b	.

/* A payload whose instruction at gl_el0_<name> is the one under test; status 0 after it. */
.macro	el0_insn name, insn:vararg
	.globl	gp_el0_\name, gl_el0_\name
gp_el0_\name:
gl_el0_\name:
	\insn
	mov	x0, #0
	b	el0_exit
.endm

	el0_insn nop, nop			/* illegal state: never reached */
	el0_insn svc, svc #0xa5c3
	el0_insn brk, brk #0x8001
	el0_insn udf, udf #0x1234
	el0_insn hvc, hvc #0x4854		/* the service ABI's immediate: UNDEFINED at EL0 */
	el0_insn smc, smc #0
	el0_insn mrs_sctlr, mrs x5, sctlr_el1	/* an EL1 register: UNDEFINED at EL0 */
	el0_insn wfi, wfi
	el0_insn s2_ldr_x2, ldr x2, [x0]	/* x0 = an IPA outside the stage 2 map */

/* MRS x3, CTR_EL0: traps to EL1 unless SCTLR_EL1.UCT = 1; the status is the value read. */
	.globl	gp_el0_ctr, gl_el0_ctr
gp_el0_ctr:
	mov	x3, xzr
gl_el0_ctr:
	mrs	x3, ctr_el0
	mov	x0, x3
	b	el0_exit

/* BR to gl_el0_pc_target + 2: the fetch there is a PC alignment fault. */
	.globl	gp_el0_pc_align, gl_el0_pc_align, gl_el0_pc_target
gp_el0_pc_align:
	adr	x1, gl_el0_pc_target
	add	x1, x1, #2
gl_el0_pc_align:
	br	x1
gl_el0_pc_target:
	nop
	nop

/* SP_EL0 - 8 (8 mod 16) as the base of an aligned 8-byte load: SP alignment fault if SA0 = 1. */
	.globl	gp_el0_sp_align, gl_el0_sp_align
gp_el0_sp_align:
	mov	x1, sp
	sub	x1, x1, #8
	mov	sp, x1
gl_el0_sp_align:
	ldr	x2, [sp]
	add	sp, sp, #8
	mov	x0, #0
	b	el0_exit

/* Unaligned accesses to gl_align_data + 1: stage 1 is off at EL0, so the memory is Device. */
	.globl	gp_el0_ld_unaligned, gl_el0_ld_unaligned
gp_el0_ld_unaligned:
	adr	x1, gl_align_data
	add	x1, x1, #1
gl_el0_ld_unaligned:
	ldr	x2, [x1]
	mov	x0, #0
	b	el0_exit

	.globl	gp_el0_st_unaligned, gl_el0_st_unaligned
gp_el0_st_unaligned:
	adr	x1, gl_align_data
	add	x1, x1, #1
gl_el0_st_unaligned:
	str	w2, [x1]
	mov	x0, #0
	b	el0_exit

/*
 * FDIV 1.0 / 0.0 with FPCR.DZE = 1: a trapped divide-by-zero. FPCR is put back before the
 * exit (the vmm does not switch FP state).
 */
	.globl	gp_el0_fp_dz, gl_el0_fp_dz
gp_el0_fp_dz:
	fmov	d0, #1.0
	movi	d1, #0
	mrs	x1, fpcr
	orr	x1, x1, #(1 << 9)		/* FPCR.DZE */
	msr	fpcr, x1
gl_el0_fp_dz:
	fdiv	d2, d0, d1
	bic	x1, x1, #(1 << 9)
	msr	fpcr, x1
	mov	x0, #0
	b	el0_exit

/*
 * Data for the unaligned accesses (EL0 here, EL1 in guest/route_el1.S): bytes 0x00..0x0f. In
 * .text, as the guest image has no other writable section (guest RAM is writable as a whole).
 */
	.balign	16
	.globl	gl_align_data
gl_align_data:
	.quad	0x0706050403020100
	.quad	0x0f0e0d0c0b0a0908
