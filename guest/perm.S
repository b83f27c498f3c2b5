/* SPDX-License-Identifier: MIT */
/*
 * stage2.perm payloads: one access to the page under test, whose VA the scenario passes in x0
 * (stage 1 on, scenarios/stage2/perm_map.c). Each gl_perm_* label is the instruction whose
 * stage-2 Permission fault the scenario expects (ELR_EL2); registers are fixed because the
 * oracle derives SRT/SF/SAS from them. A payload that completes returns a value the scenario
 * checks (the data loaded, the old value of an atomic, PAR_EL1, the exclusive's status).
 * LDADD is FEAT_LSE: the scenario only runs it when ID_AA64ISAR0_EL1.Atomic says so.
 */
#include "hvc.h"

	.arch	armv8.1-a

	.text

/* x0 = VA: LDR X2, [X0]; returns the data. */
	.globl	gp_perm_ldr, gl_perm_ldr
gp_perm_ldr:
gl_perm_ldr:
	ldr	x2, [x0]
	mov	x0, x2
	ret

/* x0 = VA, x1 = data: STR X1, [X0]. */
	.globl	gp_perm_str, gl_perm_str
gp_perm_str:
gl_perm_str:
	str	x1, [x0]
	mov	x0, #0
	ret

/* x0 = VA (aligned to the DC ZVA block): DC ZVA, X0. */
	.globl	gp_perm_dc_zva, gl_perm_dc_zva
gp_perm_dc_zva:
gl_perm_dc_zva:
	dc	zva, x0
	mov	x0, #0
	ret

	.globl	gp_perm_dc_ivac, gl_perm_dc_ivac
gp_perm_dc_ivac:
gl_perm_dc_ivac:
	dc	ivac, x0
	dsb	sy
	mov	x0, #0
	ret

	.globl	gp_perm_dc_civac, gl_perm_dc_civac
gp_perm_dc_civac:
gl_perm_dc_civac:
	dc	civac, x0
	dsb	sy
	mov	x0, #0
	ret

/* x0 = VA, x1 = addend: LDADD X1, X2, [X0]; returns the old value. */
	.globl	gp_perm_ldadd, gl_perm_ldadd
gp_perm_ldadd:
gl_perm_ldadd:
	ldadd	x1, x2, [x0]
	mov	x0, x2
	ret

/*
 * x0 = VA, x1 = data: LDXR X2, [X0] arms the monitor for the address, so that STXR W3, X1,
 * [X0] must translate (a Store-Exclusive whose monitor check fails first may skip its abort,
 * IMPLEMENTATION DEFINED). Returns the STXR status (0: stored).
 */
	.globl	gp_perm_ldxr_stxr, gl_perm_ldxr, gl_perm_stxr
gp_perm_ldxr_stxr:
gl_perm_ldxr:
	ldxr	x2, [x0]
gl_perm_stxr:
	stxr	w3, x1, [x0]
	mov	x0, x3
	ret

/* x0 = VA: AT S1E1R / S1E1W; returns PAR_EL1. */
	.globl	gp_perm_at_s1e1r
gp_perm_at_s1e1r:
	at	s1e1r, x0
	isb
	mrs	x0, par_el1
	ret

	.globl	gp_perm_at_s1e1w
gp_perm_at_s1e1w:
	at	s1e1w, x0
	isb
	mrs	x0, par_el1
	ret

/*
 * x0 = VA of code in the page under test: BLR to it at EL1. The code there sets x0 and
 * returns (perm_map.c writes it), so the status proves it ran.
 */
	.globl	gp_perm_fetch_el1, gl_perm_blr
gp_perm_fetch_el1:
	mov	x9, x30
gl_perm_blr:
	blr	x0
	mov	x30, x9
	ret

/*
 * x0 = VA of an SVC in the page under test: ERET to it at EL0 (EL0t, interrupts masked). The
 * SVC ends the run through the runtime's lower-EL vector, which reports ESR_EL1 and ELR_EL1.
 */
	.globl	gp_perm_fetch_el0
gp_perm_fetch_el0:
	msr	elr_el1, x0
	mov	x1, #0x3c0			/* EL0t, DAIF masked */
	msr	spsr_el1, x1
	isb
	eret

/*
 * EL0 accesses: x0 = VA, x1 = the EL0 entry (one of the gl_perm_el0_* below, through the
 * EL0-executable alias of guest RAM that perm_map.c builds), x2 = the value a load must read
 * (or the data to store). EL0 ends with SVC #1 (done, and the load read x1) or SVC #2 (the load
 * read something else), which the runtime's lower-EL vector reports (ESR_EL1.ISS = imm16).
 */
	.globl	gp_perm_el0_call
gp_perm_el0_call:
	msr	elr_el1, x1
	mov	x1, #0x3c0			/* EL0t, DAIF masked */
	msr	spsr_el1, x1
	mov	x1, x2
	isb
	eret

/* gl_perm_el0_<name>: the access; gl_perm_el0_<name>_ok: after its SVC #1 (ELR_EL1). */
	.globl	gl_perm_el0_ldr, gl_perm_el0_ldr_ok
gl_perm_el0_ldr:
	ldr	x2, [x0]
	cmp	x2, x1
	b.ne	1f
	svc	#1
gl_perm_el0_ldr_ok:
1:	svc	#2

	.globl	gl_perm_el0_str, gl_perm_el0_str_ok
gl_perm_el0_str:
	str	x1, [x0]
	svc	#1
gl_perm_el0_str_ok:

/* SCTLR_EL1.UCI = 1 and DZE = 1 (perm_map.c): these run at EL0 without a trap to EL1. */
	.globl	gl_perm_el0_dc_civac, gl_perm_el0_dc_civac_ok
gl_perm_el0_dc_civac:
	dc	civac, x0
	dsb	sy
	svc	#1
gl_perm_el0_dc_civac_ok:

	.globl	gl_perm_el0_dc_zva, gl_perm_el0_dc_zva_ok
gl_perm_el0_dc_zva:
	dc	zva, x0
	svc	#1
gl_perm_el0_dc_zva_ok:
	svc	#2				/* never reached: the SVC above ends the run */

/*
 * stage2.perm.iss: one load or store form per payload on a page that denies it (x0 = VA, x1 =
 * 0): gl_perm_iss_<name> is the instruction; whether ESR_EL2.ISV can be 1, and SAS/SSE/SRT/SF/AR
 * when it is, follow from the form (LSInstructionSyndrome()).
 */
.macro	perm_iss name, insn:vararg
	.globl	gp_perm_iss_\name, gl_perm_iss_\name
gp_perm_iss_\name:
gl_perm_iss_\name:
	\insn
	mov	x0, #0
	ret
.endm
	perm_iss ldrb_w17, ldrb w17, [x0]
	perm_iss ldrsh_x3, ldrsh x3, [x0]
	perm_iss ldrsw_x4, ldrsw x4, [x0]
	perm_iss ldr_w5, ldr w5, [x0]
	perm_iss ldur_x6, ldur x6, [x0, #-8]
	perm_iss ldr_reg_x7, ldr x7, [x0, x1]
	perm_iss ldar_x8, ldar x8, [x0]
	perm_iss ldtr_x9, ldtr x9, [x0]
	perm_iss strh_w10, strh w10, [x0]
	perm_iss str_xzr, str xzr, [x0]
	perm_iss stlr_w11, stlr w11, [x0]
	perm_iss ldr_post_x12, ldr x12, [x0], #8
	perm_iss ldr_pre_x13, ldr x13, [x0, #8]!
	perm_iss str_post_x14, str x14, [x0], #8
	perm_iss ldp_x2_x3, ldp x2, x3, [x0]
	perm_iss stp_x2_x3, stp x2, x3, [x0]

/* LDR D0: SIMD&FP, so ISV 0. CPACR_EL1.FPEN = 0b11 first, so that EL1 may use FP. */
	.globl	gp_perm_iss_ldr_d0, gl_perm_iss_ldr_d0
gp_perm_iss_ldr_d0:
	mov	x9, #(3 << 20)
	msr	cpacr_el1, x9
	isb
gl_perm_iss_ldr_d0:
	ldr	d0, [x0]
	mov	x0, #0
	ret
