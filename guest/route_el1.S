/* SPDX-License-Identifier: MIT */
/*
 * EL1 payloads of trap.route.el1: exceptions the guest takes on its own vectors.
 *
 * The runtime's current-EL SPx vector (0x200) reports and resumes at ELR_EL1 + 4. Exceptions
 * after which that makes no sense (a misaligned or unmapped PC, PSTATE.IL set) are provoked at
 * EL1t (PSTATE.SP = 0): they are then taken on the SP_EL0 vector (0x000), where the runtime
 * reports and ends the run with GSTATUS_UNHANDLED. The vector handler itself runs on SP_EL1,
 * which also keeps it clear of a misaligned SP_EL0.
 */
#include "hvc.h"

#define SPSR_EL2H_DAIF	0x3c9	/* M = EL2h, D, A, I, F masked */

	.text

/* SVC at EL1h: ELR_EL1 = SVC + 4, so the runtime resumes at SVC + 8 and skips the status 1. */
	.globl	gp_el1_svc, gl_el1_svc
gp_el1_svc:
	mov	x0, #0
gl_el1_svc:
	svc	#0x5a5a
	mov	x0, #1
	ret

/*
 * Unaligned accesses at EL1 to x0 (gl_align_data + 1 through one alias or another); the load
 * reports what it read (key GREPORT_USER): with the MMU on, Normal memory and SCTLR_EL1.A = 0
 * it is bytes 1..8 of gl_align_data.
 */
	.globl	gp_el1_ld_unaligned, gl_el1_ld_unaligned
gp_el1_ld_unaligned:
	str	x30, [sp, #-16]!
	mov	x1, x0
	mov	x2, xzr
gl_el1_ld_unaligned:
	ldr	x2, [x1]
	mov	x1, x2
	mov	x0, #GREPORT_USER
	bl	guest_report
	ldr	x30, [sp], #16
	mov	x0, #0
	ret

	.globl	gp_el1_st_unaligned, gl_el1_st_unaligned
gp_el1_st_unaligned:
	mov	x1, x0
gl_el1_st_unaligned:
	str	w2, [x1]
	mov	x0, #0
	ret

/* At EL1t: BR to gl_el1_pc_target + 2. */
	.globl	gp_el1t_pc_align, gl_el1t_pc_align, gl_el1_pc_target
gp_el1t_pc_align:
	msr	spsel, #0
	adr	x1, gl_el1_pc_target
	add	x1, x1, #2
gl_el1t_pc_align:
	br	x1
gl_el1_pc_target:
	nop
	nop

/* At EL1t: BR to x0, a VA that the guest's stage 1 does not map. */
	.globl	gp_el1t_jump, gl_el1t_jump
gp_el1t_jump:
	msr	spsel, #0
gl_el1t_jump:
	br	x0

/*
 * At EL1t, SP_EL0 - 8 (8 mod 16) as the base of an aligned load: an SP alignment fault when
 * SCTLR_EL1.SA = 1. Without the fault the payload returns 0 at EL1h.
 */
	.globl	gp_el1t_sp_align, gl_el1t_sp_align
gp_el1t_sp_align:
	msr	spsel, #0
	mov	x1, sp
	sub	x1, x1, #8
	mov	sp, x1
gl_el1t_sp_align:
	ldr	x2, [sp]
	add	sp, sp, #8
	msr	spsel, #1
	mov	x0, #0
	ret

/*
 * At EL1t, ERET with SPSR_EL1.M = EL2h: a return to a higher Exception level is an illegal
 * exception return. PSTATE.EL and PSTATE.SP stay (EL1t), PSTATE.IL = 1, PC = ELR_EL1, so
 * gl_el1_illegal_target takes the Illegal Execution state exception.
 */
	.globl	gp_el1t_illegal_eret, gl_el1t_illegal_eret, gl_el1_illegal_target
gp_el1t_illegal_eret:
	msr	spsel, #0
	adr	x1, gl_el1_illegal_target
	msr	elr_el1, x1
	mov	x1, #SPSR_EL2H_DAIF
	msr	spsr_el1, x1
	isb
gl_el1t_illegal_eret:
	eret
gl_el1_illegal_target:
	mov	x0, #1
	ret
