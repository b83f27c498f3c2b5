/* SPDX-License-Identifier: MIT */
/*
 * Expected EL2 exceptions: one access at EL2 that is allowed to fault (kernel/el2_probe.c).
 *
 * el2_probe_run() installs el2_probe_vectors for the few instructions of the probe and calls one
 * access stub. The synchronous current-EL (SPx) slot is the only recoverable one: if ELR_EL2 is
 * the armed address (the stub's access instruction, or the fetch target) it records ESR_EL2,
 * FAR_EL2 and ELR_EL2 in registers and returns to the recovery label; anything else, and every
 * other slot, puts SCTLR_EL2 back and goes to the kernel's dump (kernel_exc_entry, Bail out!).
 *
 * Nothing between "SCTLR_EL2 for the access" and "SCTLR_EL2 back" touches memory except the
 * probed access, so the window may run with the EL2 MMU off (all data accesses Device-nGnRnE,
 * non-cacheable): the caller cleans the probed line, and this file's code and vectors are
 * identity mapped, so turning M off and on in place is safe.
 */

/* struct el2_probe_block (kernel/el2_probe.c, offsets asserted there) */
#define P_STUB	    0
#define P_VA	    8
#define P_VALUE	    16
#define P_SCTLR	    24
#define P_ARMED	    32
#define P_RESULT    40
#define P_FAULTED   48
#define P_ESR	    56
#define P_FAR	    64
#define P_ELR	    72
#define P_HCR	    80
#define P_TCR	    88
#define P_TTBR1	    96

#define SCTLR_M	    1

/*
 * Register roles inside the window (the stubs use only x0..x2):
 *   x1 = VA, x2 = store value, x0 = result;
 *   x9 = armed ELR, x10 = recovery address, x11 = faulted, x12/x13/x14 = ESR/FAR/ELR;
 *   x6, x21, x22 = the harness's SCTLR_EL2, HCR_EL2, TCR_EL2 (what the vectors put back on an
 *   unexpected exception; they clobber x7 and x15 doing so).
 */

	.text
	.balign	4
/* The access stubs: the first instruction is the one that may fault. */
	.globl	el2_probe_ldr64, el2_probe_ldr32, el2_probe_ldrh, el2_probe_str64
	.globl	el2_probe_strb, el2_probe_ldxr64, el2_probe_dc_civac, el2_probe_at_s1e2r
	.globl	el2_probe_at_s1e2w, el2_probe_fetch, el2_probe_dc_zva
el2_probe_ldr64:
	ldr	x0, [x1]
	ret
el2_probe_ldr32:
	ldr	w0, [x1]
	ret
el2_probe_ldrh:
	ldrh	w0, [x1]
	ret
el2_probe_str64:
	str	x2, [x1]
	ret
el2_probe_strb:
	strb	w2, [x1]
	ret
el2_probe_ldxr64:
	ldxr	x0, [x1]
	clrex
	ret
el2_probe_dc_civac:
	dc	civac, x1
	ret
el2_probe_dc_zva:
	dc	zva, x1
	ret
el2_probe_at_s1e2r:
	at	s1e2r, x1
	isb
	mrs	x0, par_el1
	ret
el2_probe_at_s1e2w:
	at	s1e2w, x1
	isb
	mrs	x0, par_el1
	ret
/* An instruction fetch from x1: the target holds a RET (back to the caller) or faults. */
el2_probe_fetch:
	br	x1

/* Callee-saved registers and the probe pointer; DAIF masked for the window. */
.macro	probe_enter
	stp	x29, x30, [sp, #-48]!
	mov	x29, sp
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	mov	x19, x0
	mrs	x20, daif
	msr	daifset, #0xf
	mrs	x5, vbar_el2
	mrs	x6, sctlr_el2
	mrs	x21, hcr_el2
	mrs	x22, tcr_el2
	ldr	x4, [x19, #P_STUB]
	ldr	x1, [x19, #P_VA]
	ldr	x2, [x19, #P_VALUE]
	ldr	x3, [x19, #P_SCTLR]
	ldr	x9, [x19, #P_ARMED]
	mov	x11, #0
	mov	x12, #0
	mov	x13, #0
	mov	x14, #0
	adr	x7, el2_probe_vectors
	msr	vbar_el2, x7
	isb
.endm

.macro	probe_leave
	msr	vbar_el2, x5
	isb
	msr	daif, x20
	str	x0, [x19, #P_RESULT]
	str	x11, [x19, #P_FAULTED]
	str	x12, [x19, #P_ESR]
	str	x13, [x19, #P_FAR]
	str	x14, [x19, #P_ELR]
	ldp	x21, x22, [sp, #32]
	ldp	x19, x20, [sp, #16]
	ldp	x29, x30, [sp], #48
	ret
.endm

/*
 * The harness's translation regime back (MMU off, its HCR_EL2 and TCR_EL2, TLBI ALLE2, its
 * SCTLR_EL2): after an E2H = 1 probe, and before the kernel's dump and Bail out! for any
 * exception the probe did not arm.
 */
.macro	restore_harness
	bic	x7, x6, #SCTLR_M
	msr	sctlr_el2, x7
	isb
	msr	hcr_el2, x21
	isb
	msr	tcr_el2, x22
	isb
	tlbi	alle2
	dsb	nsh
	isb
	msr	sctlr_el2, x6
	isb
.endm

/*
 * void el2_probe_run(struct el2_probe *p)
 *   x0 = p. SCTLR_EL2 = p->sctlr for the access only (A toggled, or M = 0), then the harness's
 *   value again. The stub's result (loaded value, PAR_EL1) lands in p->result when it did not
 *   fault; a recovered fault sets p->faulted and p->esr/far/elr.
 */
	.globl	el2_probe_run
el2_probe_run:
	probe_enter
	adr	x10, 1f
	mov	x0, #0
	msr	sctlr_el2, x3
	isb
	blr	x4
1:	msr	sctlr_el2, x6
	isb
	probe_leave

/*
 * void el2_probe_run_e2h(struct el2_probe *p)
 *   As el2_probe_run(), with HCR_EL2 = p->hcr (E2H = 1), TCR_EL2 = p->tcr (its E2H = 1 layout)
 *   and TTBR1_EL2 = p->ttbr1 for the access: the EL2&0 regime. The harness's identity map
 *   (TTBR0_EL2, unchanged) is valid in both layouts because p->tcr gives TTBR0 the same
 *   geometry. E2H and TCR_EL2 change only with the EL2 MMU off, with TLBI ALLE2 in each state
 *   (E2H may be cached in a TLB), as guest_enter_vhe() does (docs/design-notes.md); CPTR_EL2 is
 *   then in its CPACR layout with FPEN = 0, so nothing here uses FP/SIMD.
 */
	.globl	el2_probe_run_e2h
el2_probe_run_e2h:
	probe_enter
	ldr	x16, [x19, #P_HCR]
	ldr	x17, [x19, #P_TCR]
	ldr	x8, [x19, #P_TTBR1]
	adr	x10, 1f
	mov	x0, #0
	bic	x7, x6, #SCTLR_M
	msr	sctlr_el2, x7
	isb
	msr	hcr_el2, x16
	isb
	msr	tcr_el2, x17
	msr	S3_4_C2_C0_1, x8			/* TTBR1_EL2 */
	isb
	tlbi	alle2
	dsb	nsh
	isb
	msr	sctlr_el2, x3
	isb
	blr	x4
1:	restore_harness
	probe_leave


/* An exception the probe did not arm, in vector slot \n: the harness's regime, then Bail out!. */
.macro	probe_bail n
	restore_harness
	stp	x0, x1, [sp, #-16]!
	mov	x0, #\n
	b	kernel_exc_entry
.endm

.macro	probe_unexpected n
	.balign	128
	probe_bail \n
.endm

	.balign	2048
el2_probe_vectors:
	.irp	n, 0, 1, 2, 3
	probe_unexpected \n
	.endr
	/* Current EL with SPx, synchronous: the armed fault returns to the recovery label. */
	.balign	128
	mrs	x15, elr_el2
	cmp	x15, x9
	b.ne	1f
	mrs	x12, esr_el2
	mrs	x13, far_el2
	mov	x14, x15
	mov	x11, #1
	msr	elr_el2, x10
	eret
1:	probe_bail 4
	.irp	n, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	probe_unexpected \n
	.endr
