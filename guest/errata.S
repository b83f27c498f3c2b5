/* SPDX-License-Identifier: MIT */
/*
 * Payloads of the errata reproducers (scenarios/errata/). The gl_ labels are the
 * instructions under test: the preferred return address of a fault or trap on them.
 */
#include "hvc.h"

	.text

/*
 * errata.834220, EL1: ldr x2, [x0] (x0 = a VA 4 bytes below a page boundary); report x2. A
 * fault the guest's own vectors take returns past the load (guest/start.S).
 */
	.globl	gp_xpage_ldr_el1, gl_xpage_ldr_el1
gp_xpage_ldr_el1:
	str	x30, [sp, #-16]!
gl_xpage_ldr_el1:
	ldr	x2, [x0]
	mov	x1, x2
	mov	x0, #GREPORT_USER
	bl	guest_report
	mov	x0, #0
	ldr	x30, [sp], #16
	ret

/*
 * errata.834220, EL0: ERET to EL0 (EL0t, DAIF masked) at gl_xpage_ldr_el0 with x0 kept. The
 * load there either faults to EL1 or to EL2, or completes and the SVC after it is taken; the
 * runtime's lower-EL vector reports either exception and ends the run.
 */
	.globl	gp_xpage_ldr_el0, gl_xpage_ldr_el0, gl_xpage_svc_el0
gp_xpage_ldr_el0:
	adr	x9, gl_xpage_ldr_el0
	msr	elr_el1, x9
	mov	x9, #0x3c0
	msr	spsr_el1, x9
	isb
	eret
gl_xpage_ldr_el0:
	ldr	x2, [x0]
gl_xpage_svc_el0:
	svc	#0x834

/*
 * errata.2077057: spsr_set sets the PSTATE fields a guest controls from x0 (NZCV in bits
 * [31:28], as MSR NZCV takes them), x1 (DAIF in bits [9:6]) and x2 (bit 0 PAN, 1 UAO, 2 DIT,
 * 3 SSBS, 4 TCO), NZCV last so that nothing after it changes the flags; the caller's next
 * instruction exits to EL2. The registers are written by their encodings (PAN S3_0_C4_C2_3,
 * UAO S3_0_C4_C2_4, DIT S3_3_C4_C2_5, SSBS S3_3_C4_C2_6, TCO S3_3_C4_C2_7), so no -march is
 * needed. Clobbers x9.
 */
spsr_set:
	tbz	x2, #0, 1f
	mov	x9, #(1 << 22)
	msr	S3_0_C4_C2_3, x9
1:	tbz	x2, #1, 2f
	mov	x9, #(1 << 23)
	msr	S3_0_C4_C2_4, x9
2:	tbz	x2, #2, 3f
	mov	x9, #(1 << 24)
	msr	S3_3_C4_C2_5, x9
3:	tbz	x2, #3, 4f
	mov	x9, #(1 << 12)
	msr	S3_3_C4_C2_6, x9
4:	tbz	x2, #4, 5f
	mov	x9, #(1 << 25)
	msr	S3_3_C4_C2_7, x9
5:	msr	daif, x1
	msr	nzcv, x0
	ret

/* A payload that sets PSTATE, then exits with the instruction at gl_spsr_<name>. */
.macro	spsr_exit name, insn:vararg
	.globl	gp_spsr_\name, gl_spsr_\name
gp_spsr_\name:
	mov	x10, #0x40100000	/* an IPA after guest RAM: unmapped at stage 2 */
	bl	spsr_set
gl_spsr_\name:
	\insn
	mov	x0, #0
	b	guest_exit
.endm

	spsr_exit hvc, hvc #0x2077
	spsr_exit sysreg, mrs x5, id_aa64mmfr0_el1	/* HCR_EL2.TID3 */
	spsr_exit dabt, ldr x5, [x10]
	spsr_exit pac, hint #25				/* PACIASP, HCR_EL2.API = 0 */

/*
 * The stepped rows: PSTATE set, then HVC #0x2078, after which EL2 arms software step
 * (MDSCR_EL1.SS, SPSR_EL2.SS = 1); the stepped instruction at gl_spsr_step_<name> traps.
 * For ERETAA, SPSR_EL1 and ELR_EL1 first get values that differ from the guest's PSTATE
 * (EL1t with Z and C set), so that a copy of SPSR_EL1 into SPSR_EL2 shows.
 */
#define SPSR_STEP_EL1_VALUE 0x60000004

.macro	spsr_step name, insn:vararg
	.globl	gp_spsr_step_\name, gl_spsr_step_\name
gp_spsr_step_\name:
	mov	x9, #(SPSR_STEP_EL1_VALUE & 0xffff0000)
	orr	x9, x9, #(SPSR_STEP_EL1_VALUE & 0xffff)
	msr	spsr_el1, x9
	adr	x9, gl_spsr_step_\name
	msr	elr_el1, x9
	bl	spsr_set
	hvc	#0x2078
gl_spsr_step_\name:
	\insn
	mov	x0, #0
	b	guest_exit
.endm

	spsr_step eretaa, .inst 0xd69f0bff		/* ERETAA */
	spsr_step pac, hint #25				/* PACIASP */
