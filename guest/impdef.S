/* SPDX-License-Identifier: MIT */
/*
 * trap.tidcp payloads: MRS/MSR of encodings in the IMPLEMENTATION DEFINED system register
 * space (op0 = 3, CRn = 11 or 15), named by encoding. gp_impdef_<r|w>_<name>_<rt> reads into
 * (or writes from) Rt at gl_impdef_<r|w>_<name>_<rt> and reports Rt (a read) as GREPORT_USER.
 */
#include "hvc.h"

	.text

.macro	impdef_read name, enc, rt
	.globl	gp_impdef_r_\name\()_\rt, gl_impdef_r_\name\()_\rt
gp_impdef_r_\name\()_\rt:
	str	x30, [sp, #-16]!
	.ifnc	\rt, xzr
	mov	\rt, #0
	.endif
gl_impdef_r_\name\()_\rt:
	mrs	\rt, \enc
	mov	x1, \rt
	mov	x0, #GREPORT_USER
	bl	guest_report
	ldr	x30, [sp], #16
	mov	x0, #0
	ret
.endm

/* Writes only ever run trapped: an untrapped write could change the core's behaviour. */
.macro	impdef_write name, enc, rt
	.globl	gp_impdef_w_\name\()_\rt, gl_impdef_w_\name\()_\rt
gp_impdef_w_\name\()_\rt:
	mov	\rt, x0
gl_impdef_w_\name\()_\rt:
	msr	\enc, \rt
	mov	x0, #0
	ret
.endm

	impdef_read	c15_1_2_0, s3_1_c15_c2_0, x0
	impdef_read	c15_1_2_0, s3_1_c15_c2_0, x17
	impdef_read	c15_1_2_0, s3_1_c15_c2_0, x30
	impdef_read	c15_1_2_0, s3_1_c15_c2_0, xzr
	impdef_read	c11_0_0_0, s3_0_c11_c0_0, x0
	impdef_read	c15_7_15_7, s3_7_c15_c15_7, x17
	impdef_write	c15_1_2_0, s3_1_c15_c2_0, x17
	impdef_write	c11_0_0_0, s3_0_c11_c0_0, x0
