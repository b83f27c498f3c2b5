/* SPDX-License-Identifier: MIT */
/*
 * Generic Timer payloads (scenarios/timer/). Their parameters are in gl_timer_args, which the
 * scenario writes into the fresh guest RAM before the first run (vm_load), so the same payload
 * runs at EL1 or, behind gp_el0_call or with HCR_EL2.TGE = 1, at EL0 (then with the doorbell
 * channel: guest_report and guest_exit store instead of HVC).
 */
#include "hvc.h"

#define CTL_ENABLE_IMASK 3

	.data
	.balign	8
/* struct timer_guest_args (scenarios/timer/timer_guest.h): offsets checked there. */
	.globl	gl_timer_args
gl_timer_args:
	.quad	0	/* +0  cval: CVAL written first */
	.quad	0	/* +8  tval: TVAL written after the reads */
	.quad	0	/* +16 spin: ticks to spin before a WFE */
	.quad	0	/* +24 ctl: CTL of the IRQ payloads */

	.text
/*
 * gp_timer_probe_<t>: with CTL = ENABLE|IMASK and CVAL = args.cval, read CNTPCT_EL0,
 * CNTVCT_EL0, TVAL, CTL; write TVAL = args.tval and read CVAL back. The values are taken
 * first and reported afterwards (GREPORT_USER + 0..4), so no exit falls between the reads.
 */
.macro	timer_probe t
	.globl	gp_timer_probe_\t
gp_timer_probe_\t:
	stp	x29, x30, [sp, #-64]!
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	str	x23, [sp, #48]
	adr	x9, gl_timer_args
	ldr	x10, [x9]
	ldr	x11, [x9, #8]
	mov	x12, #CTL_ENABLE_IMASK
	msr	cnt\t\()_cval_el0, x10
	msr	cnt\t\()_ctl_el0, x12
	isb
	mrs	x19, cntpct_el0
	mrs	x20, cntvct_el0
	mrs	x21, cnt\t\()_tval_el0
	mrs	x22, cnt\t\()_ctl_el0
	msr	cnt\t\()_tval_el0, x11
	isb
	mrs	x23, cnt\t\()_cval_el0
	mov	x0, #GREPORT_USER
	mov	x1, x19
	bl	guest_report
	mov	x0, #GREPORT_USER + 1
	mov	x1, x20
	bl	guest_report
	mov	x0, #GREPORT_USER + 2
	mov	x1, x21
	bl	guest_report
	mov	x0, #GREPORT_USER + 3
	mov	x1, x22
	bl	guest_report
	mov	x0, #GREPORT_USER + 4
	mov	x1, x23
	bl	guest_report
	ldr	x23, [sp, #48]
	ldp	x21, x22, [sp, #32]
	ldp	x19, x20, [sp, #16]
	ldp	x29, x30, [sp], #64
	mov	x0, #0
	ret
.endm

	timer_probe p
	timer_probe v

/*
 * gp_tel0_<name>: one MRS of a counter or timer register at gl_tel0_<name>, its value reported
 * as GREPORT_USER (for EL0: the EL0 access controls decide whether it traps).
 */
.macro	timer_read name, reg
	.globl	gp_tel0_\name, gl_tel0_\name
gp_tel0_\name:
	str	x30, [sp, #-16]!
gl_tel0_\name:
	mrs	x1, \reg
	mov	x0, #GREPORT_USER
	bl	guest_report
	ldr	x30, [sp], #16
	mov	x0, #0
	ret
.endm

	timer_read cntpct, cntpct_el0
	timer_read cntvct, cntvct_el0
	timer_read cntfrq, cntfrq_el0
	timer_read cntp_ctl, cntp_ctl_el0
	timer_read cntv_ctl, cntv_ctl_el0

/*
 * gp_timer_wfe_wait: consume any pending event (SEVL; WFE), then time four WFEs with CNTPCT;
 * three such sets, reporting the smallest of their longest waits (GREPORT_USER). With
 * HCR_EL2.TWE = 0 each WFE returns at the next event, at the latest an event-stream event; a
 * set is repeated because an emulator's host can stall between two counter reads, and a stall
 * only ever lengthens a set.
 */
	.globl	gp_timer_wfe_wait
gp_timer_wfe_wait:
	mov	x7, #-1				/* smallest longest wait so far */
	mov	x8, #3				/* sets */
	sevl
	wfe
2:	mov	x3, #0				/* this set's longest wait */
	mov	x4, #4
1:	isb
	mrs	x5, cntpct_el0
	wfe
	isb
	mrs	x6, cntpct_el0
	sub	x6, x6, x5
	cmp	x6, x3
	csel	x3, x6, x3, hi
	subs	x4, x4, #1
	b.ne	1b
	cmp	x3, x7
	csel	x7, x3, x7, lo
	subs	x8, x8, #1
	b.ne	2b
	str	x30, [sp, #-16]!
	mov	x0, #GREPORT_USER
	mov	x1, x7
	bl	guest_report
	ldr	x30, [sp], #16
	mov	x0, #0
	ret

/*
 * gp_timer_wfe_spin: consume any pending event (SEVL; WFE, which never traps: the event
 * register is set), spin args.spin ticks of CNTPCT without any event source of its own, then
 * the WFE at gl_timer_wfe_spin: with HCR_EL2.TWE = 1 it traps unless an event came meanwhile.
 */
	.globl	gp_timer_wfe_spin, gl_timer_wfe_spin
gp_timer_wfe_spin:
	adr	x9, gl_timer_args
	ldr	x10, [x9, #16]
	sevl
	wfe
	isb
	mrs	x11, cntpct_el0
1:	isb
	mrs	x12, cntpct_el0
	sub	x12, x12, x11
	cmp	x12, x10
	b.lo	1b
gl_timer_wfe_spin:
	wfe
	mov	x0, #0
	ret
