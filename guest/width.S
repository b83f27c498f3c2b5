/* SPDX-License-Identifier: MIT */
/*
 * virq.width.icv / virq.width.reset.icv payloads (scenarios/virq/width_icv.c): the guest's view of
 * the GICv3 virtual CPU interface (HCR_EL2.IMO/FMO = 1, so the ICC_* encodings reach ICV_*).
 *   gp_width_<reg>(fields): report <reg> as the fresh vCPU has it (GREPORT_USER + 0); write
 *     all-ones (RES0 bits too) and report the read-back (+ 1); write @fields (every field of
 *     the register set, RES0 bits clear) and report (+ 2); write zero and report (+ 3).
 *   gp_width_ro_<reg>: report the read-only <reg> (GREPORT_USER + 0).
 *   gp_width_undef_r_<reg> / gp_width_undef_w_<reg>: one MRS / MSR (at gl_width_undef_r_<reg> /
 *     gl_width_undef_w_<reg>) of an active priority register that ICH_VTR_EL2.PREbits says is
 *     not implemented, so UNDEFINED: the runtime's vector reports it and returns past it.
 * Registers by encoding, which any assembler accepts.
 */
#include "hvc.h"

	.text

.macro	width_rw name, reg
	.globl	gp_width_\name
gp_width_\name:
	mov	x10, x30
	mov	x11, x0
	mrs	x1, \reg
	mov	x0, #GREPORT_USER + 0
	bl	guest_report
	mov	x9, #-1
	msr	\reg, x9
	isb
	mrs	x1, \reg
	mov	x0, #GREPORT_USER + 1
	bl	guest_report
	msr	\reg, x11
	isb
	mrs	x1, \reg
	mov	x0, #GREPORT_USER + 2
	bl	guest_report
	msr	\reg, xzr
	isb
	mrs	x1, \reg
	mov	x0, #GREPORT_USER + 3
	bl	guest_report
	mov	x0, #0
	ret	x10
.endm

.macro	width_ro name, reg
	.globl	gp_width_ro_\name
gp_width_ro_\name:
	mov	x10, x30
	mrs	x1, \reg
	mov	x0, #GREPORT_USER + 0
	bl	guest_report
	mov	x0, #0
	ret	x10
.endm

.macro	width_undef name, reg
	.globl	gp_width_undef_r_\name, gl_width_undef_r_\name
	.globl	gp_width_undef_w_\name, gl_width_undef_w_\name
gp_width_undef_r_\name:
gl_width_undef_r_\name:
	mrs	x1, \reg
	mov	x0, #0
	ret
gp_width_undef_w_\name:
gl_width_undef_w_\name:
	msr	\reg, xzr
	mov	x0, #0
	ret
.endm

	width_rw	pmr, S3_0_C4_C6_0		/* ICC_PMR_EL1 */
	width_rw	bpr0, S3_0_C12_C8_3		/* ICC_BPR0_EL1 */
	width_rw	bpr1, S3_0_C12_C12_3		/* ICC_BPR1_EL1 */
	width_rw	ctlr, S3_0_C12_C12_4		/* ICC_CTLR_EL1 */
	width_rw	igrpen0, S3_0_C12_C12_6		/* ICC_IGRPEN0_EL1 */
	width_rw	igrpen1, S3_0_C12_C12_7		/* ICC_IGRPEN1_EL1 */
	width_rw	ap0r0, S3_0_C12_C8_4		/* ICC_AP0R<n>_EL1 */
	width_rw	ap0r1, S3_0_C12_C8_5
	width_rw	ap0r2, S3_0_C12_C8_6
	width_rw	ap0r3, S3_0_C12_C8_7
	width_rw	ap1r0, S3_0_C12_C9_0		/* ICC_AP1R<n>_EL1 */
	width_rw	ap1r1, S3_0_C12_C9_1
	width_rw	ap1r2, S3_0_C12_C9_2
	width_rw	ap1r3, S3_0_C12_C9_3

	width_ro	rpr, S3_0_C12_C11_3		/* ICC_RPR_EL1 */
	width_ro	iar0, S3_0_C12_C8_0		/* ICC_IAR0_EL1 */
	width_ro	iar1, S3_0_C12_C12_0		/* ICC_IAR1_EL1 */
	width_ro	hppir0, S3_0_C12_C8_2		/* ICC_HPPIR0_EL1 */
	width_ro	hppir1, S3_0_C12_C12_2		/* ICC_HPPIR1_EL1 */
	width_ro	ctlr, S3_0_C12_C12_4
	width_ro	pmr, S3_0_C4_C6_0
	width_ro	bpr0, S3_0_C12_C8_3
	width_ro	bpr1, S3_0_C12_C12_3
	width_ro	igrpen0, S3_0_C12_C12_6
	width_ro	igrpen1, S3_0_C12_C12_7
	width_ro	ap0r0, S3_0_C12_C8_4
	width_ro	ap1r0, S3_0_C12_C9_0

	width_undef	ap0r1, S3_0_C12_C8_5
	width_undef	ap0r2, S3_0_C12_C8_6
	width_undef	ap0r3, S3_0_C12_C8_7
	width_undef	ap1r1, S3_0_C12_C9_1
	width_undef	ap1r2, S3_0_C12_C9_2
	width_undef	ap1r3, S3_0_C12_C9_3
