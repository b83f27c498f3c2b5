/* SPDX-License-Identifier: MIT */
/*
 * The EL2 timer accessors as an EL2 running with HCR_EL2.E2H = 1 sees them (timer.el2.e2h):
 * CNTVCT_EL0 (no CNTVOFF_EL2 at EL2 with E2H = 1), CNTV_*_EL0 and CNTP_*_EL0 redirected to the
 * EL2 virtual and physical timers, and the *_EL02 forms reaching the EL1 timers.
 *
 * The harness runs at E2H = 0, so the window at E2H = 1 is made like guest_enter_vhe()'s
 * (docs/design-notes.md, "E2H = 1 guests"): interrupts masked, the EL2 stage 1 off before E2H
 * is set and back on after it is cleared, so no EL2 translation is made with E2H = 1. Nothing
 * in the window touches memory: inputs are loaded and outputs stored with the MMU on.
 */
#define HCR_E2H_BIT 34
#define SCTLR_M 1

/* struct timer_e2h_io (scenarios/timer/e2h.c checks the offsets). */
#define IO_CVAL_HV	0	/* in: CVAL written through CNTV_CVAL_EL0 */
#define IO_CVAL_HP	8	/* in: through CNTP_CVAL_EL0 */
#define IO_CVAL_V02	16	/* in: through CNTV_CVAL_EL02 */
#define IO_CVAL_P02	24	/* in: through CNTP_CVAL_EL02 */
#define IO_PCT_BEFORE	32	/* out: CNTPCT_EL0 first in the window */
#define IO_VCT		40	/* out: CNTVCT_EL0 */
#define IO_HV_TVAL	48	/* out: CNTV_TVAL_EL0 */
#define IO_HP_TVAL	56	/* out: CNTP_TVAL_EL0 */
#define IO_HV_CTL	64	/* out: CNTV_CTL_EL0 */
#define IO_HP_CTL	72	/* out: CNTP_CTL_EL0 */
#define IO_V02_CTL	80	/* out: CNTV_CTL_EL02 */
#define IO_P02_CTL	88	/* out: CNTP_CTL_EL02 */
#define IO_PCT_AFTER	96	/* out: CNTPCT_EL0 last in the window */
#define IO_V02_TVAL	104	/* out: CNTV_TVAL_EL02 */

	.text
/*
 * void timer_e2h_probe(struct timer_e2h_io *io)
 *   x0 = io. Writes the four CVALs and CTL = ENABLE|IMASK through the E2H = 1 names, reads the
 *   views back, and returns with E2H = 0, the MMU on and DAIF as it was. The timers stay
 *   enabled and masked: the caller reads them at E2H = 0 and disables them.
 */
	.globl	timer_e2h_probe
timer_e2h_probe:
	ldr	x1, [x0, #IO_CVAL_HV]
	ldr	x2, [x0, #IO_CVAL_HP]
	ldr	x3, [x0, #IO_CVAL_V02]
	ldr	x4, [x0, #IO_CVAL_P02]
	mrs	x5, daif
	msr	daifset, #0xf
	mrs	x6, sctlr_el2
	bic	x7, x6, #SCTLR_M
	msr	sctlr_el2, x7
	isb
	mrs	x8, hcr_el2
	orr	x7, x8, #(1 << HCR_E2H_BIT)
	msr	hcr_el2, x7
	isb
	mov	x7, #3				/* ENABLE | IMASK */
	msr	cntv_cval_el0, x1		/* E2H = 1 at EL2: CNTHV_CVAL_EL2 */
	msr	cntv_ctl_el0, x7
	msr	cntp_cval_el0, x2		/* CNTHP_CVAL_EL2 */
	msr	cntp_ctl_el0, x7
	msr	S3_5_C14_C3_2, x3		/* CNTV_CVAL_EL02: the EL1 virtual timer */
	msr	S3_5_C14_C3_1, x7		/* CNTV_CTL_EL02 */
	msr	S3_5_C14_C2_2, x4		/* CNTP_CVAL_EL02 */
	msr	S3_5_C14_C2_1, x7		/* CNTP_CTL_EL02 */
	isb
	mrs	x9, cntpct_el0
	mrs	x10, cntvct_el0
	mrs	x11, cntv_tval_el0
	mrs	x12, cntp_tval_el0
	mrs	x13, cntv_ctl_el0
	mrs	x14, cntp_ctl_el0
	mrs	x15, S3_5_C14_C3_1
	mrs	x16, S3_5_C14_C2_1
	mrs	x1, S3_5_C14_C3_0		/* CNTV_TVAL_EL02 (x1 is free now) */
	mrs	x17, cntpct_el0
	msr	hcr_el2, x8
	isb
	msr	sctlr_el2, x6
	isb
	msr	daif, x5
	str	x9, [x0, #IO_PCT_BEFORE]
	str	x10, [x0, #IO_VCT]
	str	x11, [x0, #IO_HV_TVAL]
	str	x12, [x0, #IO_HP_TVAL]
	str	x13, [x0, #IO_HV_CTL]
	str	x14, [x0, #IO_HP_CTL]
	str	x15, [x0, #IO_V02_CTL]
	str	x16, [x0, #IO_P02_CTL]
	str	x17, [x0, #IO_PCT_AFTER]
	str	x1, [x0, #IO_V02_TVAL]
	ret
