/* SPDX-License-Identifier: MIT */
/*
 * PSCI guests (scenarios/smp/psci.c, psci_call.c; layout in guest/psci_abi.h). The calls go
 * through psci_call: HVC #0, or SMC #0 (trapped by the vmm with HCR_EL2.TSC = 1) when x19 is
 * PSCI_G_SMC. The vmm's PSCI changes x0 only.
 */
#include "psci_abi.h"

#define FN_CPU_OFF	0x84000002
#define FN_AFFINITY	0x84000004
#define FN_SYSTEM_OFF	0x84000008
#define FN_64		0x40000000

	.text
/* x0 = psci_call(x0 = function id, x1..x3; x19 = conduit: SMC only if PSCI_G_SMC). */
psci_call:
	cmp	x19, #PSCI_G_SMC
	b.eq	1f
	hvc	#0
	ret
1:	smc	#0
	ret

/* Load a 32-bit constant into w<reg> (function ids need two halves). */
.macro	movl reg, val
	movz	\reg, #((\val) >> 16), lsl #16
	movk	\reg, #((\val) & 0xffff)
.endm

/*
 * smp.psci.call: x0 = n; runs entries 0..n-1 of gl_psci_script, each reported under
 * GREPORT_USER + i. A CPU_ON that succeeds ends the run with EXIT_PSCI_CPU_ON; the scenario
 * resumes it and the script goes on.
 */
	.globl	gp_psci_calls
gp_psci_calls:
	stp	x19, x20, [sp, #-48]!
	stp	x21, x22, [sp, #16]
	str	x30, [sp, #32]
	mov	x20, x0
	mov	x21, #0
	adr	x22, gl_psci_script
1:	cmp	x21, x20
	b.hs	2f
	ldp	x19, x0, [x22]
	ldp	x1, x2, [x22, #16]
	ldr	x3, [x22, #32]
	bl	psci_call
	mov	x1, x0
	add	x0, x21, #GREPORT_USER
	bl	guest_report
	add	x22, x22, #(8 * PSCI_G_SCRIPT_WORDS)
	add	x21, x21, #1
	b	1b
2:	ldr	x30, [sp, #32]
	ldp	x21, x22, [sp, #16]
	ldp	x19, x20, [sp], #48
	mov	x0, #0
	ret

/*
 * smp.psci, vCPU 0: x0 = conduit, x1 = the CPU_ON function id (SMC32 or SMC64), x2 =
 * target_cpu. gl_psci_boot_lives times: CPU_ON(target, gl_psci_secondary |
 * gl_psci_boot_entry_or, gl_psci_boot_ctx + i); AFFINITY_INFO (of CPU_ON's width, level 0)
 * until ON, tell vCPU 1 through gl_psci_flag, AFFINITY_INFO until OFF, clear the flag. Then
 * SYSTEM_OFF. Ends with a PB_STATUS_* only when something was wrong; never returns.
 */
	.globl	gp_psci_boot
gp_psci_boot:
	mov	x19, x0
	mov	x20, x2
	mov	x24, #0				/* lives of vCPU 1 so far */
	and	x23, x1, #FN_64
	movl	w9, FN_AFFINITY
	orr	x23, x23, x9			/* AFFINITY_INFO of the same width */
	adr	x9, gl_psci_conduit
	str	x19, [x9]
	mov	x25, x1
boot_cycle:
	mov	x0, x25
	mov	x1, x20
	adr	x2, gl_psci_secondary
	adr	x9, gl_psci_boot_entry_or
	ldr	x9, [x9]
	orr	x2, x2, x9
	adr	x9, gl_psci_boot_ctx
	ldr	x3, [x9]
	add	x3, x3, x24			/* the i-th life's context id: + i */
	bl	psci_call
	mov	x21, x0
	mov	x1, x0
	mov	x0, #PB_REPORT_CPU_ON
	bl	guest_report
	mov	x0, #PB_STATUS_CPU_ON_FAILED
	cbnz	w21, boot_exit
	/* Wait for ON; ON_PENDING may come first (the vmm has not entered vCPU 1 yet). */
	movl	w22, PSCI_G_POLLS
1:	mov	x0, x23
	mov	x1, x20
	mov	x2, #0
	bl	psci_call
	cbz	w0, 2f
	cmp	w0, #2
	b.ne	aff_on_bad
	subs	x22, x22, #1
	b.ne	1b
	mov	x0, #PB_STATUS_ON_TIMEOUT
	b	boot_exit
2:	adr	x9, gl_psci_flag
	mov	x10, #1
	str	x10, [x9]
	dsb	sy
	/* Wait for OFF: vCPU 1 is ON until its CPU_OFF. */
	movl	w22, PSCI_G_POLLS
3:	mov	x0, x23
	mov	x1, x20
	mov	x2, #0
	bl	psci_call
	cmp	w0, #1
	b.eq	4f
	cbnz	w0, aff_off_bad
	subs	x22, x22, #1
	b.ne	3b
	mov	x0, #PB_STATUS_OFF_TIMEOUT
	b	boot_exit
4:	adr	x9, gl_psci_flag		/* the next life waits for it again */
	str	xzr, [x9]
	dsb	sy
	add	x24, x24, #1
	adr	x9, gl_psci_boot_lives
	ldr	x9, [x9]
	cmp	x24, x9
	b.lo	boot_cycle
	movl	w0, FN_SYSTEM_OFF
	bl	psci_call
	mov	x0, #PB_STATUS_SYSOFF_RET
	b	boot_exit
aff_on_bad:
	mov	x1, x0
	mov	x0, #PB_REPORT_BAD_AFF
	bl	guest_report
	mov	x0, #PB_STATUS_AFF_ON_BAD
	b	boot_exit
aff_off_bad:
	mov	x1, x0
	mov	x0, #PB_REPORT_BAD_AFF
	bl	guest_report
	mov	x0, #PB_STATUS_AFF_OFF_BAD
boot_exit:
	b	guest_exit

/*
 * smp.psci, vCPU 1: CPU_ON's entry point. Nothing but x0 (the context id) is known here, not
 * even SP (it is vCPU 0's stack top): no stack is used. Reports the entry state, waits until
 * vCPU 0 has seen it ON, then CPU_OFF, which does not return.
 */
	.globl	gl_psci_secondary
gl_psci_secondary:
	mov	x20, x0
	adr	x9, gl_psci_conduit
	ldr	x19, [x9]
	mov	x1, x20
	mov	x0, #PS_REPORT_X0
	bl	guest_report
	mrs	x1, mpidr_el1
	mov	x0, #PS_REPORT_MPIDR
	bl	guest_report
	mrs	x1, CurrentEL
	mov	x0, #PS_REPORT_EL
	bl	guest_report
	mrs	x1, SPSel
	mov	x0, #PS_REPORT_SPSEL
	bl	guest_report
	mrs	x1, DAIF
	mov	x0, #PS_REPORT_DAIF
	bl	guest_report
	mrs	x1, sctlr_el1
	mov	x0, #PS_REPORT_SCTLR
	bl	guest_report
	/*
	 * No count on this wait: giving up would let vCPU 0 see OFF before ON. Its watchdog
	 * budget bounds it (EXIT_TIMEOUT).
	 */
	adr	x9, gl_psci_flag
1:	ldr	x11, [x9]
	cbz	x11, 1b
	mov	x1, x11
	mov	x0, #PS_REPORT_FLAG
	bl	guest_report
	/* Leave state the next CPU_ON must not keep: caches on, interrupts unmasked. */
	mrs	x9, sctlr_el1
	orr	x9, x9, #(1 << 2)
	orr	x9, x9, #(1 << 12)
	msr	sctlr_el1, x9
	isb
	msr	daifclr, #0xf
	movl	w0, FN_CPU_OFF
	bl	psci_call
	mov	x1, x0
	mov	x0, #PS_REPORT_OFF_RET
	bl	guest_report
	mov	x0, #PS_STATUS_OFF_RET
	b	guest_exit

	.data
	.balign	8
	.globl	gl_psci_script, gl_psci_conduit, gl_psci_flag, gl_psci_boot_ctx
	.globl	gl_psci_boot_entry_or, gl_psci_boot_lives
gl_psci_script:
	.skip	8 * PSCI_G_SCRIPT_WORDS * PSCI_G_SCRIPT_MAX
gl_psci_conduit:
	.quad	0
gl_psci_flag:
	.quad	0
gl_psci_boot_ctx:
	.quad	0
gl_psci_boot_entry_or:
	.quad	0
gl_psci_boot_lives:
	.quad	1
