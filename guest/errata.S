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

/*
 * errata.1463225: EL1 software-steps an SVC at EL0, then, in the SVC handler, turns stepping
 * off and unmasks IRQs with a virtual IRQ pending (HCR_EL2.VI, set by EL2). x0 = MDSCR_EL1
 * while EL0 runs (SS, KDE), x1 = MDSCR_EL1 the handler writes. The payload installs its own
 * vectors (the runtime's lower-EL vector would end the run at the SVC):
 *   0x280 (IRQ, current EL): report ELR_EL1 (key GREPORT_USER), end with STEP_IRQ_TAKEN;
 *   0x400 (sync, lower EL): report ESR_EL1 (+1) and SPSR_EL1 (+2), write MDSCR_EL1, ISB,
 *         MSR DAIFClr #2 (gl_step_unmask), ISB, and if no IRQ came, end with STEP_IRQ_MISSED
 *         at gl_step_missed;
 *   any other slot: report its offset (+3) and end with GSTATUS_UNHANDLED.
 * EL0 runs gl_step_svc with SPSR_EL1 = EL0t, DAIF masked, SS = 1 (active-not-pending).
 */
#define STEP_IRQ_TAKEN	0x1463
#define STEP_IRQ_MISSED 0x0bad
#define STEP_SPSR_EL0_DAIF 0x3c0
#define STEP_SPSR_SS	   (1 << 21)

	.globl	gp_step_svc, gl_step_svc, gl_step_unmask, gl_step_missed
gp_step_svc:
	mov	x19, x1
	adr	x9, step_vectors
	msr	vbar_el1, x9
	msr	mdscr_el1, x0
	adr	x9, gl_step_svc
	msr	elr_el1, x9
	mov	x9, #STEP_SPSR_EL0_DAIF
	orr	x9, x9, #STEP_SPSR_SS
	msr	spsr_el1, x9
	isb
	eret
gl_step_svc:
	svc	#0x1463
	b	.

step_svc_handler:
	mov	x0, #(GREPORT_USER + 1)
	mrs	x1, esr_el1
	bl	guest_report
	mov	x0, #(GREPORT_USER + 2)
	mrs	x1, spsr_el1
	bl	guest_report
	msr	mdscr_el1, x19
	isb
gl_step_unmask:
	msr	daifclr, #2
	isb
	nop
gl_step_missed:
	mov	x0, #STEP_IRQ_MISSED
	b	guest_exit

step_irq_handler:
	mov	x0, #GREPORT_USER
	mrs	x1, elr_el1
	bl	guest_report
	mov	x0, #STEP_IRQ_TAKEN
	b	guest_exit

.macro	step_slot offset, target
	.balign	128
	mov	x1, #\offset
	b	\target
.endm

step_other:
	mov	x0, #(GREPORT_USER + 3)
	bl	guest_report
	mov	x0, #GSTATUS_UNHANDLED
	b	guest_exit

	.balign	2048
step_vectors:
	step_slot 0x000, step_other
	step_slot 0x080, step_other
	step_slot 0x100, step_other
	step_slot 0x180, step_other
	step_slot 0x200, step_other
	step_slot 0x280, step_irq_handler
	step_slot 0x300, step_other
	step_slot 0x380, step_other
	step_slot 0x400, step_svc_handler
	step_slot 0x480, step_other
	step_slot 0x500, step_other
	step_slot 0x580, step_other
	step_slot 0x600, step_other
	step_slot 0x680, step_other
	step_slot 0x700, step_other
	step_slot 0x780, step_other

/*
 * errata.1319367: ldr x1, [x0] (x0 = the VA both VMs map), report it, HVC #0x1319 (the vmm
 * switches to the other VM and back), and again, forever; the run ends with the instance.
 */
	.globl	gp_ctx_read
gp_ctx_read:
	mov	x19, x0
1:	ldr	x1, [x19]
	mov	x0, #GREPORT_USER
	bl	guest_report
	hvc	#0x1319
	b	1b
