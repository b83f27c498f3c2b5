/* SPDX-License-Identifier: MIT */
/*
 * Payloads that use instructions newer than Armv8.0 (pointer authentication, SVE), and the
 * hardware debug targets. Scenarios only run them when the ID registers say the CPU has them.
 */
#include "hvc.h"

	.arch	armv8.3-a+sve

	.text

/*
 * trap.pac: x0 = pointer, x1 = modifier, x2 = SCTLR_EL1.En* bits to set. Sets 48-bit VA
 * sizes (the PAC field is bits [54:48] and [63:56]) and the IA key (HCR_EL2.APK = 1), then
 * the instruction under test with the pointer in x17 and the modifier in x16.
 */
.macro	pac_setup
	str	x30, [sp, #-16]!
	mrs	x3, sctlr_el1
	orr	x3, x3, x2
	msr	sctlr_el1, x3
	mov	x3, #16				/* T0SZ = 16 */
	movk	x3, #16, lsl #16		/* T1SZ = 16; TBI0/TBI1 = 0 */
	msr	tcr_el1, x3
	ldr	x3, =0x0123456789abcdef
	msr	S3_0_C2_C1_0, x3		/* APIAKeyLo_EL1 */
	msr	S3_0_C2_C1_1, x3		/* APIAKeyHi_EL1 */
	isb
	mov	x17, x0
	mov	x16, x1
.endm

.macro	report key, reg
	mov	x1, \reg
	mov	x0, #\key
	bl	guest_report
.endm

.macro	payload_end
	ldr	x30, [sp], #16
	mov	x0, #0
	ret
.endm

/* PACIA, then AUTIA of the result: USER = signed pointer, USER + 1 = authenticated one. */
	.globl	gp_pac_pacia, gl_pac_pacia
gp_pac_pacia:
	pac_setup
gl_pac_pacia:
	pacia	x17, x16
	report	GREPORT_USER, x17
	autia	x17, x16
	report	GREPORT_USER + 1, x17
	payload_end

/* AUTIA of the unsigned pointer: only ever run trapped (and skipped by the vmm). */
	.globl	gp_pac_autia, gl_pac_autia
gp_pac_autia:
	pac_setup
gl_pac_autia:
	autia	x17, x16
	report	GREPORT_USER, x17
	payload_end

/* PACGA twice with the same inputs: USER, USER + 1. */
	.globl	gp_pac_pacga, gl_pac_pacga
gp_pac_pacga:
	pac_setup
gl_pac_pacga:
	pacga	x15, x17, x16
	report	GREPORT_USER, x15
	pacga	x15, x17, x16
	report	GREPORT_USER + 1, x15
	payload_end

/* FPAC: sign, flip PAC bit 50, AUTIA: USER = what AUTIA left (if it did not fault). */
	.globl	gp_pac_fpac, gl_pac_fpac
gp_pac_fpac:
	pac_setup
	pacia	x17, x16
	eor	x17, x17, #(1 << 50)
gl_pac_fpac:
	autia	x17, x16
	report	GREPORT_USER, x17
	payload_end
	.ltorg

/* trap.sve: x0 = CPACR_EL1.ZEN (bits [17:16]) to set; RDVL #1 reported as USER. */
	.globl	gp_sve, gl_sve
gp_sve:
	str	x30, [sp, #-16]!
	mrs	x3, cpacr_el1
	bic	x3, x3, #(3 << 16)
	orr	x3, x3, x0
	msr	cpacr_el1, x3
	isb
	mov	x1, #0
gl_sve:
	rdvl	x1, #1
	mov	x0, #GREPORT_USER
	bl	guest_report
	payload_end

/*
 * trap.debug.*: gl_dbg_bp is the breakpointed instruction, gl_dbg_load the watched load
 * (x0 = the watched address; USER = what it returned). Software step needs no payload: it
 * steps the first instruction of guest_start.
 */
	.globl	gp_dbg_bp, gl_dbg_bp
gp_dbg_bp:
	mov	x5, #0
gl_dbg_bp:
	add	x5, x5, #1
	mov	x0, #0
	ret

	.globl	gp_dbg_load, gl_dbg_load
gp_dbg_load:
	str	x30, [sp, #-16]!
	mov	x1, #0
gl_dbg_load:
	ldr	x1, [x0]
	mov	x0, #GREPORT_USER
	bl	guest_report
	payload_end

/* trap.serror.virtual: unmask SError (PSTATE.A) at gl_serror_unmask; an ISB after it. */
	.globl	gp_serror_unmask, gl_serror_unmask, gl_serror_after
gp_serror_unmask:
gl_serror_unmask:
	msr	daifclr, #4
gl_serror_after:
	isb
	mov	x0, #0
	ret

/*
 * trap.wfx[wfit|wfet]: the timeout register is x17, set one second of counter ticks ahead so
 * the instruction would wait (or is woken by the vmm's pending virtual IRQ when not trapped).
 */
	.arch	armv8.7-a+sve
.macro	wfxt_payload insn
	.globl	gp_\insn, gl_\insn
gp_\insn:
	mrs	x17, cntvct_el0
	mrs	x16, cntfrq_el0
	add	x17, x17, x16
	.ifc	\insn, wfet
	sevl
	wfe				/* consume the event: the WFET must be the one that waits */
	.endif
gl_\insn:
	\insn	x17
	mov	x0, #0
	ret
.endm
	wfxt_payload	wfit
	wfxt_payload	wfet
